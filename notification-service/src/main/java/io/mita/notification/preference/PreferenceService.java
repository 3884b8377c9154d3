package io.mita.notification.preference;

import io.mita.common.logging.LogContext;
import io.mita.notification.feed.NotificationKind;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads and replaces a user's preferences; the unsubscribe link switches off one kind's e-mail. */
@Service
class PreferenceService {

    private static final Logger log = LoggerFactory.getLogger(PreferenceService.class);

    private final PreferenceRepository repository;
    private final UnsubscribeTokens tokens;

    PreferenceService(PreferenceRepository repository, UnsubscribeTokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
    }

    Mono<NotificationPreferences> get(UUID userId) {
        return repository.find(userId);
    }

    Mono<NotificationPreferences> replace(NotificationPreferences preferences) {
        return repository.save(preferences);
    }

    /** Opens the token and switches off e-mail of its kind for its user; answers which kind. */
    Mono<NotificationKind> unsubscribe(String token) {
        return Mono.fromCallable(() -> tokens.open(token))
                .flatMap(unsubscription -> repository
                        .find(unsubscription.userId())
                        .flatMap(preferences -> repository.save(preferences.withoutEmailFor(unsubscription.kind())))
                        .doOnEach(LogContext.onNext(saved -> log.info(
                                "e-mail unsubscribed userId={} kind={}",
                                unsubscription.userId(),
                                unsubscription.kind())))
                        .thenReturn(unsubscription.kind()));
    }
}
