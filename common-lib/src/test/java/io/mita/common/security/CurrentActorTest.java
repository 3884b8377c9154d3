package io.mita.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

class CurrentActorTest {

    @Test
    void theAuthenticatedUserIsTheActorWithTheRolesOfTheToken() {
        UUID userId = UUID.randomUUID();
        var authentication = new TestingAuthenticationToken(
                userId.toString(),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_COMPLIANCE"), new SimpleGrantedAuthority("SCOPE_x")));

        CurrentUser user = CurrentActor.user()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication))
                .block();
        String actor = CurrentActor.id()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication))
                .block();

        assertThat(user.userId()).isEqualTo(userId);
        assertThat(user.roles()).containsExactly("COMPLIANCE");
        assertThat(actor).isEqualTo(userId.toString());
    }

    @Test
    void withoutAuthenticationThereIsNoActor() {
        assertThat(CurrentActor.id().blockOptional()).isEmpty();
    }

    @Test
    void aTokenWhoseSubjectIsNoUserIdNamesNoActor() {
        var service = new TestingAuthenticationToken("gateway", null, List.of());
        service.setAuthenticated(true);

        assertThat(CurrentActor.user()
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(service))
                        .blockOptional())
                .isEmpty();
    }

    @Test
    void anUnauthenticatedTokenNamesNoActor() {
        var pending = new TestingAuthenticationToken(UUID.randomUUID().toString(), null);
        pending.setAuthenticated(false);

        assertThat(CurrentActor.id()
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(pending))
                        .blockOptional())
                .isEmpty();
    }

    @Test
    void theArgumentResolverAndTheOutboxSeeTheSameUser() {
        UUID userId = UUID.randomUUID();
        var authentication = new TestingAuthenticationToken(userId.toString(), null, List.of());

        Mono<CurrentUser> viaResolver = CurrentUserArgumentResolver.current()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));

        assertThat(viaResolver.block().userId()).isEqualTo(userId);
    }
}
