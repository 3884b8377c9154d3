package io.mita.auth.account;

import io.mita.auth.account.domain.PasswordPolicy;
import io.mita.auth.account.domain.PersonalDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The strength check every new password passes before it is hashed (registration, change, reset): breached
 * list, personal details, estimate ({@link PasswordPolicy#weakness}). The estimate takes milliseconds of CPU,
 * so it runs off the event loop. Fails with {@link PasswordTooWeakException}.
 */
@Component
public class NewPasswordCheck {

    private static final Logger log = LoggerFactory.getLogger(NewPasswordCheck.class);

    /** Loads the estimator's dictionaries (seconds on a busy machine) in the background, not on the first request. */
    public NewPasswordCheck() {
        Mono.fromRunnable(() -> PasswordPolicy.guessesLog10("warm up the password estimator"))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.warn("Loading the password estimator failed: {}", e.toString()));
    }

    public Mono<Void> check(String password, PersonalDetails details) {
        return Mono.fromCallable(() -> PasswordPolicy.weakness(password, details))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(weakness -> weakness.isPresent()
                        ? Mono.<Void>error(new PasswordTooWeakException(weakness.get()))
                        : Mono.<Void>empty());
    }
}
