package io.mita.auth.lockout;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.lockout.*}: after {@code maxFailures} consecutive failed logins the account is locked
 * for {@code duration}. Defaults: {@code application.yml}.
 */
@Validated
@ConfigurationProperties("mita.auth.lockout")
public record LockoutProperties(
        @Min(1) int maxFailures, @NotNull Duration duration) {}
