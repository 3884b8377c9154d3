package io.mita.common.config;

import io.mita.common.correlation.CorrelationIdLogging;
import io.mita.common.correlation.CorrelationIdWebFilter;
import io.mita.common.correlation.RequestLogWebFilter;
import io.mita.common.lifecycle.ConnectionCloseWhileDraining;
import io.mita.common.lifecycle.ShutdownDrain;
import io.mita.common.pii.PiiMasker;
import io.mita.common.problem.ProblemMapper;
import io.mita.common.problem.ProblemResponseWriter;
import io.mita.common.problem.ProblemWebExceptionHandler;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Correlation ids and problem+json errors for every reactive MITA web application. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class MitaWebAutoConfiguration {

    static {
        CorrelationIdLogging.register();
    }

    @Bean
    ShutdownDrain shutdownDrain(@Value("${mita.shutdown.drain}") Duration drain) {
        return new ShutdownDrain(drain);
    }

    @Bean
    ConnectionCloseWhileDraining connectionCloseWhileDraining(ShutdownDrain shutdownDrain) {
        return new ConnectionCloseWhileDraining(shutdownDrain);
    }

    /** The gateway has its own (it writes the id into the proxied request's headers itself). */
    @Bean
    @ConditionalOnMissingBean
    CorrelationIdWebFilter correlationIdWebFilter() {
        return new CorrelationIdWebFilter();
    }

    @Bean
    @ConditionalOnProperty(name = "mita.request-log.enabled", matchIfMissing = true)
    RequestLogWebFilter requestLogWebFilter() {
        return new RequestLogWebFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemMapper problemMapper() {
        return new ProblemMapper();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemMapper mapper, ProblemResponseWriter writer) {
        return new ProblemWebExceptionHandler(mapper, writer);
    }

    @Bean
    @ConditionalOnMissingBean
    PiiMasker piiMasker() {
        return new PiiMasker();
    }
}
