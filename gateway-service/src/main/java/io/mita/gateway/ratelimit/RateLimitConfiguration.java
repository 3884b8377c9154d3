package io.mita.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.gateway.caller.ClientAddressResolver;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limiter's parts. Redis is asked with a short timeout ({@code spring.data.redis.timeout} and
 * {@code mita.gateway.rate-limits.redis-timeout}), and while Lettuce is disconnected commands fail at
 * once instead of queueing until the timeout (Lettuce's default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mita.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rateLimitRedisClientOptions() {
        return builder -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    RateLimitRules rateLimitRules(RateLimitProperties properties) {
        return new RateLimitRules(properties);
    }

    @Bean
    TokenBucketLimiter tokenBucketLimiter(
            RateLimitProperties properties,
            RateLimitRules rules,
            ReactiveStringRedisTemplate redis,
            MeterRegistry meters) {
        Duration longest = rules.longestPeriod();
        if (properties.tokenCheck().period().compareTo(longest) > 0) {
            longest = properties.tokenCheck().period();
        }
        RedisTokenBuckets shared = new RedisTokenBuckets(redis);
        return new TokenBucketLimiter(
                shared,
                new LeasedTokenBuckets(
                        shared,
                        properties.fallbackMaxKeys(),
                        longest,
                        properties.leaseMaxAge(),
                        System::nanoTime,
                        meters),
                new LocalTokenBuckets(properties.fallbackMaxKeys(), longest, System::nanoTime),
                properties.redisTimeout(),
                properties.redisRetryAfter(),
                meters);
    }

    @Bean
    RateLimitWebFilter rateLimitWebFilter(
            RateLimitProperties properties,
            RateLimitRules rules,
            TokenBucketLimiter limiter,
            JsonMapper jsonMapper,
            ClientAddressResolver addresses,
            MeterRegistry meters) {
        return new RateLimitWebFilter(
                rules, limiter, new LoginEmails(jsonMapper), addresses, properties.keyPrefix(), meters);
    }

    @Bean
    TokenCheckLimitWebFilter tokenCheckLimitWebFilter(
            RateLimitProperties properties,
            RateLimitRules rules,
            TokenBucketLimiter limiter,
            ClientAddressResolver addresses,
            MeterRegistry meters) {
        return new TokenCheckLimitWebFilter(
                rules, properties.tokenCheck(), limiter, addresses, properties.keyPrefix(), meters);
    }
}
