package io.mita.common.pii;

import java.util.Set;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks personal data in the members of a structured (JSON) log line that can carry it — the message,
 * the exception's message and stack trace, MDC entries and key-value pairs — before it is written. The
 * members the logging system fills itself (timestamp, level, logger, thread, process, service, ECS version)
 * and the ids that are checked before they reach the MDC (trace, span, correlation id) are left alone,
 * and {@link PiiMasker#mask} runs a pattern only on text that could hold what it looks for. Switched on
 * for every service by {@code logging.structured.json.customizer} in common-lib's defaults.
 */
public class PiiMaskingLogCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    /** Top-level members that never carry personal data, in the ECS, Logstash and GELF formats. */
    static final Set<String> WITHOUT_PERSONAL_DATA = Set.of(
            "@timestamp",
            "@version",
            "timestamp",
            "log",
            "level",
            "level_value",
            "logger_name",
            "thread_name",
            "process",
            "service",
            "ecs",
            "host",
            "version",
            "_level_name",
            "_logger_name",
            "_thread_name",
            "_process_pid",
            "_service_name",
            "traceId",
            "spanId",
            "correlationId");

    private final PiiMasker masker = new PiiMasker();

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, masker::mask)
                .whenHasPath(PiiMaskingLogCustomizer::mayCarryPersonalData));
    }

    static boolean mayCarryPersonalData(JsonWriter.MemberPath path) {
        JsonWriter.MemberPath topLevel = path;
        while (topLevel.parent() != null && topLevel.parent().parent() != null) {
            topLevel = topLevel.parent();
        }
        return topLevel.name() == null || mayCarryPersonalData(topLevel.name());
    }

    /**
     * Whether the values under this top-level member of a log line are masked: all but the members the logging
     * system fills and the checked ids. {@code io.mita.common.logging.EcsLogLineFormatter} asks the same.
     */
    public static boolean mayCarryPersonalData(String topLevelMember) {
        return !WITHOUT_PERSONAL_DATA.contains(topLevelMember);
    }
}
