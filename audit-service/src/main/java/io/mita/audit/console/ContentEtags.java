package io.mita.audit.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;

/**
 * Strong ETags from the content of the console's files (the first 128 bits of SHA-256), computed once per file. Not
 * {@code Last-Modified}: a jar's entry times say when it was built (or nothing, in a reproducible build), not when a
 * file changed. One instance, declared by {@link ConsoleResources}.
 */
class ContentEtags {

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    String of(Resource resource) {
        return etags.computeIfAbsent(resource.getDescription(), description -> "\"" + hash(resource) + "\"");
    }

    private static String hash(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(in.readAllBytes()), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getDescription(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
