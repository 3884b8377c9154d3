package io.mita.notification.mail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The mail queue's sender ({@code mita.notification.mail-queue.*}; defaults in application.yml).
 *
 * @param enabled        whether this instance sends queued mail
 * @param pollInterval   how often due mail is looked for
 * @param batchSize      rows claimed per poll
 * @param concurrency    mails talked to the SMTP server at once
 * @param lease          how long a claimed row belongs to this instance (longer than a send can take)
 * @param sendTimeout    the longest one send may take before it counts as failed (a hanging server)
 * @param maxAttempts    attempts before a mail is dead-lettered
 * @param initialBackOff the wait after the first failure, doubled after each further one (with jitter)
 * @param maxBackOff     the longest wait between attempts
 */
@Validated
@ConfigurationProperties("mita.notification.mail-queue")
public record MailQueueProperties(
        boolean enabled,
        @NotNull Duration pollInterval,
        @Min(1) int batchSize,
        @Min(1) int concurrency,
        @NotNull Duration lease,
        @NotNull Duration sendTimeout,
        @Min(1) int maxAttempts,
        @NotNull Duration initialBackOff,
        @NotNull Duration maxBackOff) {}
