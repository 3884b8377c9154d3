package io.mita.gateway.erasure;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.gateway.erased-accounts.*} (defaults: {@code application.yml}).
 *
 * @param enabled     whether the gateway refuses erased users' tokens (reads the topic)
 * @param topic       auth-service's topic, where {@code mita.auth.user.erased.v1} is published
 * @param window      how long an erasure is remembered: at least the access token's lifetime plus clock skew
 * @param maximumSize the most erasures remembered at once
 * @param partitionRefresh how often the topic's partitions are looked up again (a topic created or a partition added
 *     after start is read from then on)
 */
@Validated
@ConfigurationProperties("mita.gateway.erased-accounts")
public record ErasedAccountsProperties(
        boolean enabled,
        @NotBlank String topic,
        @NotNull Duration window,
        @Min(1) long maximumSize,
        @NotNull Duration partitionRefresh) {}
