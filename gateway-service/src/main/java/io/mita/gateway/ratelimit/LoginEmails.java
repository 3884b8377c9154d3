package io.mita.gateway.ratelimit;

import java.util.Locale;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the e-mail a login request names, for the per-e-mail bucket. The body (already bounded by the
 * body-limit filter) is read once into memory and replayed to the downstream service unchanged. Only
 * requests an {@link KeyKind#EMAIL} rule applies to (POST /api/auth/login) pay for this.
 */
class LoginEmails {

    /** The exchange to continue with (its body replayable) and the normalised e-mail, null if none. */
    record Read(ServerWebExchange exchange, String email) {}

    private final JsonMapper json;

    LoginEmails(JsonMapper json) {
        this.json = json;
    }

    Mono<Read> read(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .map(LoginEmails::bytes)
                .defaultIfEmpty(new byte[0])
                .map(body -> new Read(replaying(exchange, body), email(body)));
    }

    /** Trimmed and lower-cased; null when the body is not a JSON object with a non-blank string {@code email}. */
    String email(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            JsonNode email = tree == null ? null : tree.get("email");
            if (email == null || !email.isString()) {
                return null;
            }
            String normalised = email.asString().trim().toLowerCase(Locale.ROOT);
            return normalised.isEmpty() ? null : normalised;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ServerWebExchange replaying(ServerWebExchange exchange, byte[] body) {
        var request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                if (body.length == 0) {
                    return Flux.empty();
                }
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(request).build();
    }
}
