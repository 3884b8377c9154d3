package io.mita.common.logging;

import io.mita.common.pii.PiiMaskingLogCustomizer;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The {@code logging.structured.json.*} settings {@link EcsLogLineFormatter} honours: {@code context.include} and
 * {@code context.prefix} (where the MDC and key-value pairs go), {@code stacktrace.*} (through the stack trace
 * printer Boot hands over) and {@code customizer} naming {@link PiiMaskingLogCustomizer} (whose masking the
 * formatter applies itself). {@code include}, {@code exclude}, {@code rename}, {@code add} and any other customizer
 * are refused at start-up instead of being ignored: Boot's own formatters ({@code MITA_LOG_FORMAT=ecs}) apply them.
 */
record StructuredJsonSettings(boolean includeContext, String contextPrefix) {

    private static final String PREFIX = "logging.structured.json.";

    static StructuredJsonSettings of(Environment environment) {
        Binder binder = Binder.get(environment);
        for (String name : Set.of("include", "exclude")) {
            refuseIf(
                    !binder.bind(PREFIX + name, Bindable.setOf(String.class))
                            .orElse(Set.of())
                            .isEmpty(),
                    name);
        }
        for (String name : Set.of("rename", "add")) {
            refuseIf(
                    !binder.bind(PREFIX + name, Bindable.mapOf(String.class, String.class))
                            .orElse(Map.of())
                            .isEmpty(),
                    name);
        }
        Set<String> customizers =
                binder.bind(PREFIX + "customizer", Bindable.setOf(String.class)).orElse(Set.of());
        refuseIf(!Set.of(PiiMaskingLogCustomizer.class.getName()).containsAll(customizers), "customizer");
        boolean includeContext =
                binder.bind(PREFIX + "context.include", Boolean.class).orElse(true);
        String contextPrefix =
                binder.bind(PREFIX + "context.prefix", String.class).orElse("");
        return new StructuredJsonSettings(includeContext, contextPrefix);
    }

    private static void refuseIf(boolean set, String name) {
        if (set) {
            throw new IllegalStateException(("%s%s is set, which %s does not apply: set logging.structured.format"
                            + ".console (MITA_LOG_FORMAT) to ecs for Spring Boot's formatter, or remove the setting")
                    .formatted(PREFIX, name, EcsLogLineFormatter.class.getName()));
        }
    }
}
