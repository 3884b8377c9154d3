package io.mita.auth.mfa;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.mfa.*} (defaults: {@code application.yml}).
 *
 * @param issuer       the name authenticator apps show beside the account ({@code otpauth://} issuer)
 * @param challengeTtl how long the MFA token of a login's first step is valid
 * @param maxAttempts  wrong codes one challenge takes before it dies (each also counts towards the lockout)
 */
@Validated
@ConfigurationProperties("mita.auth.mfa")
public record MfaProperties(
        @NotBlank String issuer,
        @NotNull Duration challengeTtl,
        @Min(1) int maxAttempts) {}
