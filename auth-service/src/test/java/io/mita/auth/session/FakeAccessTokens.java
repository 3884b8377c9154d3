package io.mita.auth.session;

import io.mita.auth.token.IssuedAccessToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Issues readable stand-in access tokens ({@code access-for-<userId>}) and remembers for whom. */
final class FakeAccessTokens implements AccessTokens {

    private final List<UUID> issuedTo = new ArrayList<>();

    @Override
    public synchronized Mono<IssuedAccessToken> issueFor(UUID userId, UUID sessionId) {
        issuedTo.add(userId);
        return Mono.just(new IssuedAccessToken("access-for-" + userId, Instant.EPOCH.plusSeconds(900), 900));
    }

    synchronized List<UUID> issuedTo() {
        return List.copyOf(issuedTo);
    }
}
