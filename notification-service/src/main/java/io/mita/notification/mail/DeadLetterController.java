package io.mita.notification.mail;

import io.mita.common.problem.ProblemException;
import io.mita.common.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** ADMIN only: the notification mails that went to the dead-letter store, and their replay. */
@RestController
@RequestMapping("/api/notifications/admin/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<DeadLetterList> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            return Mono.error(new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Validation failed",
                    "limit must be between 1 and 500"));
        }
        return deadLetters.list(limit).map(DeadLetterResponse::of).collectList().map(DeadLetterList::new);
    }

    @PostMapping("/{id}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<DeadLetterResponse> replay(CurrentUser admin, @PathVariable UUID id) {
        return deadLetters.replay(id, admin.actorId()).map(DeadLetterResponse::of);
    }

    record DeadLetterList(List<DeadLetterResponse> items) {}

    /** No address and no body: the operator sees what failed and why, not the mail. */
    record DeadLetterResponse(
            UUID id,
            UUID userId,
            String kind,
            String status,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant deadAt) {

        static DeadLetterResponse of(QueuedMail mail) {
            return new DeadLetterResponse(
                    mail.id(),
                    mail.userId(),
                    mail.kind(),
                    mail.status(),
                    mail.attempts(),
                    mail.lastError(),
                    mail.createdAt(),
                    mail.deadAt());
        }
    }
}
