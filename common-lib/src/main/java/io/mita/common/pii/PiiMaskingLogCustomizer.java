package io.mita.common.pii;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks personal data in every string of a structured (JSON) log line — the message, exception
 * messages and stack traces — before it is written. Switched on for every service by
 * {@code logging.structured.json.customizer} in common-lib's defaults.
 */
public class PiiMaskingLogCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    private final PiiMasker masker = new PiiMasker();

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, masker::mask));
    }
}
