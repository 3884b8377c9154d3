package io.mita.notification.mail;

import io.mita.common.logging.LogContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The operator's view of mail that could not be sent: list, and replay (back into the queue, due now). */
@Service
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MailQueue queue;

    DeadLetters(MailQueue queue) {
        this.queue = queue;
    }

    Flux<QueuedMail> list(int limit) {
        return queue.deadLetters(limit);
    }

    /** The mail as it is after the replay; a mail that is not dead answers {@link DeadLetterNotFoundException}. */
    Mono<QueuedMail> replay(UUID id, String operator) {
        return queue.replay(id)
                .flatMap(replayed -> replayed ? queue.find(id) : Mono.error(new DeadLetterNotFoundException()))
                .doOnEach(LogContext.onNext(mail ->
                        log.info("dead-lettered mail replayed id={} userId={} by={}", id, mail.userId(), operator)));
    }
}
