package io.mita.common.logging;

import io.mita.common.pii.PiiMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.json.WritableJson;
import org.springframework.util.ObjectUtils;

/**
 * Appends JSON values to a {@link StringBuilder} the way Spring Boot's {@code JsonWriter} writes them: strings
 * with {@code \" \\ \b \f \n \r \t} escaped and every other ISO control character as {@code \}{@code uXXXX}
 * (upper-case hex); other characters, non-ASCII and lone surrogates included, as they are (a lone surrogate
 * becomes {@code ?} when the line is encoded, as in Boot's writer). Iterables and arrays become arrays, maps
 * objects, numbers and booleans their {@code toString()}, anything else a string of its {@code toString()}.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {}

    /** A JSON string of {@code value.toString()}, or {@code null}. */
    static void string(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
            return;
        }
        String text = value.toString();
        json.append('"');
        int written = 0;
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x7F || c > 0x9F)) {
                continue;
            }
            json.append(text, written, i);
            escape(json, c);
            written = i + 1;
        }
        json.append(text, written, text.length()).append('"');
    }

    private static void escape(StringBuilder json, char c) {
        switch (c) {
            case '"' -> json.append("\\\"");
            case '\\' -> json.append("\\\\");
            case '\b' -> json.append("\\b");
            case '\f' -> json.append("\\f");
            case '\n' -> json.append("\\n");
            case '\r' -> json.append("\\r");
            case '\t' -> json.append("\\t");
            default ->
                json.append("\\u")
                        .append(HEX[(c >> 12) & 0xF])
                        .append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
        }
    }

    /**
     * Any value of a context pair (MDC entry or key-value pair); every string in it, at any depth, goes through
     * {@code masker} unless that is {@code null} (as Boot's value processor sees only {@code String} values).
     */
    static void value(StringBuilder json, Object value, PiiMasker masker) {
        if (value instanceof String text) {
            string(json, (masker != null) ? masker.mask(text) : text);
        } else if (value == null) {
            json.append("null");
        } else if (value instanceof WritableJson writable) {
            try {
                writable.to(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (value instanceof Iterable<?> iterable && !(value instanceof Path)) {
            json.append('[');
            boolean first = true;
            for (Object element : iterable) {
                first = comma(json, first);
                value(json, element, masker);
            }
            json.append(']');
        } else if (ObjectUtils.isArray(value)) {
            json.append('[');
            boolean first = true;
            for (Object element : ObjectUtils.toObjectArray(value)) {
                first = comma(json, first);
                value(json, element, masker);
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                first = comma(json, first);
                string(json, entry.getKey());
                json.append(':');
                value(json, entry.getValue(), masker);
            }
            json.append('}');
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else {
            string(json, value);
        }
    }

    private static boolean comma(StringBuilder json, boolean first) {
        if (!first) {
            json.append(',');
        }
        return false;
    }
}
