package io.mita.auth.account.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * The one normal form of an e-mail address as accounts store and look it up: trimmed and in lower case,
 * so {@code " Ann@Example.COM "} and {@code "ann@example.com"} are the same account.
 */
public final class EmailAddress {

    private EmailAddress() {}

    public static String normalise(String raw) {
        Objects.requireNonNull(raw, "e-mail");
        return raw.strip().toLowerCase(Locale.ROOT);
    }
}
