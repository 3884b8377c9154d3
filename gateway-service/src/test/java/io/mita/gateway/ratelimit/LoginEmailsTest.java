package io.mita.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class LoginEmailsTest {

    private final LoginEmails emails = new LoginEmails(JsonMapper.builder().build());

    @Test
    void normalisesTheEmailByTrimmingAndLowerCasing() {
        assertThat(emails.email(bytes("{\"email\":\"  Ann.Lee@Example.COM \",\"password\":\"x\"}")))
                .isEqualTo("ann.lee@example.com");
    }

    @Test
    void findsNoEmailInABodyThatIsNotAJsonObjectWithAStringEmail() {
        assertThat(emails.email(bytes(""))).isNull();
        assertThat(emails.email(bytes("not json"))).isNull();
        assertThat(emails.email(bytes("[\"a@b.c\"]"))).isNull();
        assertThat(emails.email(bytes("{\"email\":42}"))).isNull();
        assertThat(emails.email(bytes("{\"email\":\"   \"}"))).isNull();
        assertThat(emails.email(bytes("{\"password\":\"x\"}"))).isNull();
    }

    @Test
    void replaysTheBodyItReadUnchanged() {
        String body = "{\"email\":\"ann@example.com\",\"password\":\"x\"}";
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/auth/login").body(body));

        LoginEmails.Read read = emails.read(exchange).block();

        assertThat(read.email()).isEqualTo("ann@example.com");
        for (int i = 0; i < 2; i++) {
            String replayed = DataBufferUtils.join(read.exchange().getRequest().getBody())
                    .map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                    .block();
            assertThat(replayed).isEqualTo(body);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
