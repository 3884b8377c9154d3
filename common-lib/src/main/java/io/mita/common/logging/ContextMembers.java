package io.mita.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mita.common.pii.PiiMasker;
import io.mita.common.pii.PiiMaskingLogCustomizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * The members an ECS line takes from the event's context, as Spring Boot's {@code ContextPairs.nested} adds
 * them: every MDC entry, then every key-value pair, each name after {@code logging.structured.json.context.prefix},
 * split at dots into nested objects ({@code user.id} → {@code "user":{"id":…}}); none at all when
 * {@code context.include} is false. Strings in a member are masked unless its top-level name is one that
 * {@link PiiMaskingLogCustomizer} leaves alone ({@code traceId}, {@code spanId}, {@code correlationId}, …). A name
 * given twice, or one of the line's own members, fails the line with the exception Boot's writer throws.
 */
final class ContextMembers {

    /** The members every line has; {@code error} and {@code tags} clash only on a line that writes them. */
    private static final Set<String> ALWAYS_WRITTEN =
            Set.of("@timestamp", "log", "process", "service", "message", "ecs");

    private final boolean include;
    private final String prefix;
    private final PiiMasker masker;

    ContextMembers(StructuredJsonSettings settings, PiiMasker masker) {
        this.include = settings.includeContext();
        this.prefix = settings.contextPrefix();
        this.masker = masker;
    }

    /** Appends {@code ,"name":value} for each member; {@code error}/{@code tags}: whether the line writes them. */
    void append(StringBuilder json, ILoggingEvent event, boolean error, boolean tags) {
        if (!include) {
            return;
        }
        Map<String, String> mdc = (event.getMDCPropertyMap() != null) ? event.getMDCPropertyMap() : Map.of();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (prefix.isEmpty() && (pairs == null || pairs.isEmpty()) && noNestedNames(mdc)) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                String name = entry.getKey();
                if (name != null && !name.isEmpty()) {
                    member(json, name, entry.getValue(), error, tags);
                }
            }
            return;
        }
        nested(mdc, pairs).forEach((name, value) -> member(json, name, value, error, tags));
    }

    private static boolean noNestedNames(Map<String, String> mdc) {
        for (String name : mdc.keySet()) {
            if (name != null && name.indexOf('.') >= 0) {
                return false;
            }
        }
        return true;
    }

    private void member(StringBuilder json, String name, Object value, boolean error, boolean tags) {
        if (ALWAYS_WRITTEN.contains(name) || (error && name.equals("error")) || (tags && name.equals("tags"))) {
            throw new IllegalStateException("The name '" + name + "' has already been written");
        }
        json.append(',');
        JsonText.string(json, name);
        json.append(':');
        JsonText.value(json, value, PiiMaskingLogCustomizer.mayCarryPersonalData(name) ? masker : null);
    }

    private Map<String, Object> nested(Map<String, String> mdc, List<KeyValuePair> pairs) {
        Map<String, Object> result = new LinkedHashMap<>();
        mdc.forEach((name, value) -> put(result, name, value));
        if (pairs != null) {
            pairs.forEach(pair -> put(result, pair.key, pair.value));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private void put(Map<String, Object> result, String name, Object value) {
        String joined = join((name != null) ? name : "");
        if (joined.isEmpty()) {
            return;
        }
        String[] parts = joined.split("\\.");
        Map<String, Object> destination = result;
        for (int i = 0; i < parts.length - 1; i++) {
            Object existing = destination.computeIfAbsent(parts[i], key -> new LinkedHashMap<String, Object>());
            if (!(existing instanceof Map)) {
                throw new IllegalStateException("Duplicate nested pairs added under '%s'"
                        .formatted(String.join(".", List.of(parts).subList(0, i + 1))));
            }
            destination = (Map<String, Object>) existing;
        }
        if (destination.put(parts[parts.length - 1], value) != null) {
            throw new IllegalStateException("Duplicate nested pairs added under '%s'".formatted(joined));
        }
    }

    private String join(String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        boolean delimit = !prefix.endsWith(".") && !name.startsWith(".");
        return delimit ? prefix + "." + name : prefix + name;
    }
}
