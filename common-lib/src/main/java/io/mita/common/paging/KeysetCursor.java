package io.mita.common.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one keyset cursor of MITA's listings: the next page starts after the row with this {@code (position, id)}
 * in the listing's order (position desc, id desc). Clients see an opaque token, base64url without padding of
 * {@code <version>|<position>|<id>}; the version (one per listing, e.g. {@code t1}) lets a listing change its format
 * without misreading old tokens, and keeps one listing's tokens out of another. Anything not made by
 * {@link Codec#encode} — bad base64, another version, a wrong field count, a position or id that does not parse —
 * is an {@link InvalidCursorException}: 400 with the listing's stable code.
 *
 * @param position the sort key of the last row of the page (a day, an instant)
 * @param id       the row's id, the tie-breaker
 */
public record KeysetCursor<P>(P position, UUID id) {

    public KeysetCursor {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(id, "id");
    }

    /** Cursors positioned on a day ({@link LocalDate}, ISO format). */
    public static Codec<LocalDate> daysCodec(String version, String invalidCode) {
        return new Codec<>(version, LocalDate::parse, invalidCode);
    }

    /** Cursors positioned on an instant ({@link Instant}, ISO format). */
    public static Codec<Instant> instantsCodec(String version, String invalidCode) {
        return new Codec<>(version, Instant::parse, invalidCode);
    }

    /** Encodes and decodes one listing's cursors. Immutable; share one per listing. */
    public static final class Codec<T> {

        private static final char SEPARATOR = '|';
        private static final int MAX_TOKEN_LENGTH = 160;

        private final String version;
        private final Function<String, T> parsePosition;
        private final String invalidCode;

        Codec(String version, Function<String, T> parsePosition, String invalidCode) {
            if (version == null || !version.matches("[a-z][a-z0-9]{0,7}")) {
                throw new IllegalArgumentException("a cursor version is a short lower-case word: " + version);
            }
            this.version = version;
            this.parsePosition = Objects.requireNonNull(parsePosition, "parsePosition");
            this.invalidCode = Objects.requireNonNull(invalidCode, "invalidCode");
        }

        /** The opaque token of this cursor (URL-safe: {@code [A-Za-z0-9_-]+}). */
        public String encode(KeysetCursor<T> cursor) {
            String plain = version + SEPARATOR + cursor.position() + SEPARATOR + cursor.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
        }

        /** The cursor of a token {@link #encode} made; anything else is an {@link InvalidCursorException}. */
        public KeysetCursor<T> decode(String token) {
            if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                throw invalid();
            }
            String plain;
            try {
                plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            } catch (IllegalArgumentException notBase64) {
                throw invalid();
            }
            String[] fields = plain.split("\\" + SEPARATOR, -1);
            if (fields.length != 3 || !version.equals(fields[0])) {
                throw invalid();
            }
            try {
                UUID id = UUID.fromString(fields[2]);
                if (!id.toString().equals(fields[2])) {
                    throw invalid(); // UUID.fromString accepts short groups such as 1-2-3-4-5
                }
                T position = parsePosition.apply(fields[1]);
                return new KeysetCursor<>(position, id);
            } catch (IllegalArgumentException | DateTimeParseException | NullPointerException notOurs) {
                throw invalid();
            }
        }

        private InvalidCursorException invalid() {
            return new InvalidCursorException(invalidCode);
        }
    }
}
