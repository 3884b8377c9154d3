package io.mita.common.erasure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mita.erasure.*}; defaults in common-lib's mita-data-service-defaults.yml.
 *
 * @param refusalWindow how long an erased user's requests are refused from memory: at least the access token's
 *     lifetime (15 min) plus clock skew
 * @param refresh how often the erasures of the window are read again from {@code erased_user} (erasures consumed by
 *     another instance)
 * @param maximumRemembered at most this many erased ids in memory
 */
@ConfigurationProperties("mita.erasure")
public record ErasureProperties(Duration refusalWindow, Duration refresh, long maximumRemembered) {}
