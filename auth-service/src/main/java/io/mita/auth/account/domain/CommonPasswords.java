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
 * The 10,000 most common passwords (the list the service ships in {@value #RESOURCE}, lower case, one a
 * line; its source is in the README beside it). Matching ignores case: {@code "Unbelievable"} is listed
 * because {@code "unbelievable"} is.
 */
public final class CommonPasswords {

    static final String RESOURCE = "/passwords/common-10k.txt";
    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    public static boolean contains(String password) {
        return password != null && LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    public static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The common-password list " + RESOURCE + " is missing from the classpath");
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
