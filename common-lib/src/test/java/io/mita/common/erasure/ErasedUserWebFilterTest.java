package io.mita.common.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** An erased user's still-valid token is refused from memory; everybody else, and requests without a user, pass. */
class ErasedUserWebFilterTest {

    private final RecentErasures recent = new RecentErasures(null, Duration.ofMinutes(20), Duration.ofSeconds(5), 10);
    private final ErasedUserWebFilter filter = new ErasedUserWebFilter(recent);
    private final MockServerWebExchange exchange =
            MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/transactions"));
    private final AtomicBoolean passed = new AtomicBoolean();
    private final WebFilterChain chain = exchange -> Mono.fromRunnable(() -> passed.set(true));

    @Test
    void anErasedUsersRequestIsRefusedWithAccountErasedAndGoesNoFurther() {
        UUID erased = UUID.randomUUID();
        recent.remember(erased);

        StepVerifier.create(filter.filter(exchange, chain).contextWrite(as(erased)))
                .expectErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(AccountErasedException.class);
                    AccountErasedException refused = (AccountErasedException) failure;
                    assertThat(refused.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(refused.code()).isEqualTo("AUTH_ACCOUNT_ERASED");
                })
                .verify(Duration.ofSeconds(5));
        assertThat(passed).isFalse();
    }

    @Test
    void anotherUsersRequestPasses() {
        recent.remember(UUID.randomUUID());

        StepVerifier.create(filter.filter(exchange, chain).contextWrite(as(UUID.randomUUID())))
                .verifyComplete();
        assertThat(passed).isTrue();
    }

    @Test
    void aRequestWithoutAUserPasses() {
        StepVerifier.create(filter.filter(exchange, chain)).verifyComplete();
        assertThat(passed).isTrue();
    }

    private static reactor.util.context.Context as(UUID user) {
        return ReactiveSecurityContextHolder.withAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.toString(), null, List.of()));
    }
}
