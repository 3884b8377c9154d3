package io.mita.common.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cache of verified access tokens in front of the signature check (defaults in {@code mita-defaults.yml}).
 *
 * @param enabled whether a token verified once is taken from the cache until it expires
 * @param maxSize the most tokens kept (the least valuable are evicted beyond it)
 * @param maxTtl  the longest a verified token stays cached, however late it expires: bounds how long a key
 *                removed from the JWKS still lets its tokens in without a new signature check
 */
@ConfigurationProperties("mita.security.token-cache")
public record TokenCacheProperties(boolean enabled, long maxSize, Duration maxTtl) {}
