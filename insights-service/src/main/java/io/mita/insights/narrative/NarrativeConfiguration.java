package io.mita.insights.narrative;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class NarrativeConfiguration {

    @Bean
    NarrativeModel narrativeModel(JsonMapper json, NarrativeProperties properties) {
        return new OpenAiCompatibleNarrativeModel(
                json, properties.baseUrl(), properties.apiKey(), properties.model(), properties.maxTokens());
    }

    @Bean
    Narrator narrator(NarrativeModel model, NarrativeProperties properties, MeterRegistry meters) {
        return new Narrator(model, properties, meters);
    }
}
