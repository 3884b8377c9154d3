package io.mita.auth.account.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Breached and common passwords that satisfy the length rule (the list the service ships in {@value #RESOURCE},
 * lower case, one a line, most common first; its source, licence and regeneration are in the README beside it).
 * Matching ignores case: {@code "Baseball1234"} is refused because {@code "baseball1234"} is listed.
 */
public final class BreachedPasswords {

    static final String RESOURCE = "/passwords/breached-12-or-longer.txt";
    private static final Set<String> LIST = load();

    private BreachedPasswords() {}

    public static boolean contains(String password) {
        return password != null && LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    public static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        InputStream in = BreachedPasswords.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(
                    "The breached-password list " + RESOURCE + " is missing from the classpath");
        }
        Set<String> passwords = new HashSet<>(16_384);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE + " failed", e);
        }
        return Set.copyOf(passwords);
    }
}
