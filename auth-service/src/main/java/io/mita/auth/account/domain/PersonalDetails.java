package io.mita.auth.account.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the account says about its owner that must not appear in a password: the e-mail address and the
 * display name (either may be null).
 */
public record PersonalDetails(String email, String displayName) {

    /** Words shorter than this are not looked for inside a password (too many false refusals). */
    static final int MIN_WORD_LENGTH = 4;

    public static final PersonalDetails NONE = new PersonalDetails(null, null);

    /**
     * The lower-case words a password must not contain: the whole e-mail address, its local part, the parts of
     * the local part split at {@code . _ + -}, and the words of the display name; each at least
     * {@value #MIN_WORD_LENGTH} characters.
     */
    public Set<String> words() {
        List<String> candidates = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            candidates.add(address);
            int at = address.indexOf('@');
            if (at > 0) {
                String local = address.substring(0, at);
                candidates.add(local);
                candidates.addAll(List.of(local.split("[._+-]+")));
            }
        }
        if (displayName != null && !displayName.isBlank()) {
            candidates.addAll(
                    List.of(displayName.strip().toLowerCase(Locale.ROOT).split("[\\s._+-]+")));
        }
        Set<String> words = new LinkedHashSet<>();
        for (String candidate : candidates) {
            if (candidate.codePointCount(0, candidate.length()) >= MIN_WORD_LENGTH) {
                words.add(candidate);
            }
        }
        return words;
    }
}
