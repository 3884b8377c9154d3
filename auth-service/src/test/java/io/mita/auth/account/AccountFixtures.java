package io.mita.auth.account;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** Account collaborators for web slices of other packages. */
public final class AccountFixtures {

    private AccountFixtures() {}

    /** Profiles with no store behind them: for slices whose requests are refused before a profile is read. */
    public static UserProfiles profilesNeverRead() {
        return new UserProfiles(null, null);
    }

    /** Counts attempts for unknown e-mails in memory instead of the daily table. */
    public static CountedUnknownAccountAttempts unknownAccountAttemptsInMemory() {
        return new CountedUnknownAccountAttempts();
    }

    /** {@link UnknownAccountAttempts} whose committed write is a list entry. */
    public static final class CountedUnknownAccountAttempts extends UnknownAccountAttempts {

        private final List<Kind> counted = new ArrayList<>();

        CountedUnknownAccountAttempts() {
            super(null, null, Clock.systemUTC(), new SimpleMeterRegistry());
        }

        @Override
        public Mono<Void> count(Kind kind) {
            return Mono.fromRunnable(() -> {
                synchronized (counted) {
                    counted.add(kind);
                }
            });
        }

        public List<Kind> counted() {
            synchronized (counted) {
                return List.copyOf(counted);
            }
        }
    }
}
