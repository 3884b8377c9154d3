package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyRefresherTest {

    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final String masterKey = SigningKeyCipherTest.randomMasterKey();

    @Test
    void takesUpAKeyRotatedElsewhereWithoutBeingAsked() throws Exception {
        SigningKeys here = keys();
        JWK before = here.load().block();
        SigningKeyRefresher refresher = new SigningKeyRefresher(here, Duration.ofMillis(50));
        refresher.start();
        try {
            assertThat(refresher.isRunning()).isTrue();
            repository.retireActive(Instant.now()).block();
            StoredSigningKey next = keys().generateOffTheEventLoop().block();
            repository.insert(next).block();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!here.activeKey().getKeyID().equals(next.kid()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(here.activeKey().getKeyID()).isEqualTo(next.kid()).isNotEqualTo(before.getKeyID());
        } finally {
            refresher.stop();
        }
        assertThat(refresher.isRunning()).isFalse();
    }

    @Test
    void aFailingLookKeepsTheKeyAndTheRefresherRunning() throws Exception {
        SigningKeys here = keys();
        JWK before = here.load().block();
        FailingOnceRepository failing = new FailingOnceRepository(repository);
        SigningKeys reading = new SigningKeys(
                failing, SigningKeyCipher.fromBase64(masterKey), Duration.ofMinutes(15), Clock.systemUTC());
        reading.load().block();
        failing.failNext = true;
        SigningKeyRefresher refresher = new SigningKeyRefresher(reading, Duration.ofMillis(30));
        refresher.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (failing.failNext && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);

            assertThat(failing.failNext).as("the failing look happened").isFalse();
            assertThat(refresher.isRunning()).isTrue();
            assertThat(reading.activeKey().getKeyID()).isEqualTo(before.getKeyID());
        } finally {
            refresher.stop();
        }
    }

    private SigningKeys keys() {
        return new SigningKeys(
                repository, SigningKeyCipher.fromBase64(masterKey), Duration.ofMinutes(15), Clock.systemUTC());
    }

    /** The database going away for one look. */
    private static final class FailingOnceRepository extends InMemorySigningKeyRepository {

        private final InMemorySigningKeyRepository delegate;
        volatile boolean failNext;

        FailingOnceRepository(InMemorySigningKeyRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        synchronized reactor.core.publisher.Mono<StoredSigningKey> findActive() {
            if (failNext) {
                failNext = false;
                return reactor.core.publisher.Mono.error(new IllegalStateException("database away"));
            }
            return delegate.findActive();
        }

        @Override
        synchronized reactor.core.publisher.Flux<StoredSigningKey> findPublished(Instant retiredAfter) {
            return delegate.findPublished(retiredAfter);
        }
    }
}
