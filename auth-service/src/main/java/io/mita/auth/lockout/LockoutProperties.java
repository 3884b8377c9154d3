package io.mita.auth.lockout;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.lockout.*}: after {@code maxFailures} consecutive failed logins the account is locked
 * for {@code duration}.
 */
@Validated
@ConfigurationProperties("mita.auth.lockout")
public record LockoutProperties(
        @DefaultValue("5") @Min(1) int maxFailures,
        @DefaultValue("30m") @NotNull Duration duration) {}
