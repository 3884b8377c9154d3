package io.mita.common.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.mita.common.pii.PiiMasker;
import io.mita.common.pii.PiiMaskingLogCustomizer;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Marker;
import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * MITA's default structured log line ({@code logging.structured.format.console}, {@code MITA_LOG_FORMAT}): the ECS
 * document Spring Boot's {@code ecs} format writes with MITA's settings — {@code @timestamp}, {@code log.level},
 * {@code log.logger}, {@code process.pid}, {@code process.thread.name}, {@code service.*}, {@code message}, the MDC
 * entries and key-value pairs, {@code error.type}/{@code message}/{@code stack_trace}, {@code tags} (the markers),
 * {@code ecs.version} — in Boot's order, masked where {@link PiiMaskingLogCustomizer} masks Boot's line (the
 * message, the error, the markers and context entries other than the trace and correlation ids), one line per
 * event. Built in one pre-sized {@link StringBuilder} with the members that never change per process rendered
 * once, and {@link PiiMasker#mask} called directly: Boot's {@code JsonWriter} writes each character through an
 * {@code OutputStreamWriter} and calls every value and name processor through {@code LambdaSafe}, 4–8 % of the
 * gateway's CPU under load (docs/decisions.md). {@code EcsLogLineFormatterTest} compares the two documents.
 * Boot instantiates it from the class name with the constructor's arguments.
 */
public class EcsLogLineFormatter implements StructuredLogFormatter<ILoggingEvent> {

    static final String ECS_VERSION = "8.11";

    private static final String LINE_END = ",\"ecs\":{\"version\":\"" + ECS_VERSION + "\"}}\n";
    private static final int FIXED_CAPACITY = 160;
    private static final int CAPACITY_PER_CONTEXT_ENTRY = 64;

    private final PiiMasker masker = new PiiMasker();
    private final String processUpToThreadName;
    private final String service;
    private final ContextMembers context;
    private final StackTracePrinter stackTracePrinter;
    private final ThrowableProxyConverter throwableProxyConverter;

    /**
     * @param stackTracePrinter the printer {@code logging.structured.json.stacktrace.*} configures, or {@code null}
     *     for Logback's own stack trace (as Boot's formatter)
     */
    public EcsLogLineFormatter(
            Environment environment,
            StackTracePrinter stackTracePrinter,
            ThrowableProxyConverter throwableProxyConverter) {
        this.context = new ContextMembers(StructuredJsonSettings.of(environment), masker);
        this.stackTracePrinter = stackTracePrinter;
        this.throwableProxyConverter = throwableProxyConverter;
        this.processUpToThreadName = process(environment.getProperty("spring.application.pid", Long.class));
        this.service = service(ElasticCommonSchemaProperties.get(environment).service());
    }

    private static String process(Long pid) {
        StringBuilder process = new StringBuilder(",\"process\":{");
        if (pid != null) {
            process.append("\"pid\":").append(pid).append(',');
        }
        return process.append("\"thread\":{\"name\":").toString();
    }

    private static String service(ElasticCommonSchemaProperties.Service service) {
        StringBuilder json = new StringBuilder(",\"service\":{");
        String[][] members = {
            {"name", service.name()}, {"version", service.version()}, {"environment", service.environment()}
        };
        for (String[] member : members) {
            if (member[1] != null && !member[1].isEmpty()) {
                JsonText.string(json, member[0]);
                json.append(':');
                JsonText.string(json, member[1]);
                json.append(',');
            }
        }
        json.append("\"node\":{");
        if (service.nodeName() != null && !service.nodeName().isEmpty()) {
            json.append("\"name\":");
            JsonText.string(json, service.nodeName());
        }
        return json.append("}}").toString();
    }

    @Override
    public String format(ILoggingEvent event) {
        return line(event).toString();
    }

    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        return line(event).toString().getBytes(charset);
    }

    StringBuilder line(ILoggingEvent event) {
        String message = masker.mask(event.getFormattedMessage());
        IThrowableProxy error = event.getThrowableProxy();
        String stackTrace = (error != null) ? masker.mask(stackTrace(event, error)) : null;
        Set<String> tags = tags(event.getMarkerList());
        StringBuilder json = new StringBuilder(capacity(event, message, stackTrace));
        json.append("{\"@timestamp\":");
        JsonText.string(json, event.getInstant());
        json.append(",\"log\":{\"level\":");
        JsonText.string(json, event.getLevel());
        json.append(",\"logger\":");
        JsonText.string(json, event.getLoggerName());
        json.append('}').append(processUpToThreadName);
        JsonText.string(json, event.getThreadName());
        json.append("}}").append(service).append(",\"message\":");
        JsonText.string(json, message);
        context.append(json, event, error != null, tags != null);
        if (error != null) {
            json.append(",\"error\":{\"type\":");
            JsonText.string(json, masker.mask(error.getClassName()));
            json.append(",\"message\":");
            JsonText.string(json, masker.mask(error.getMessage()));
            json.append(",\"stack_trace\":");
            JsonText.string(json, stackTrace);
            json.append('}');
        }
        if (tags != null) {
            json.append(",\"tags\":");
            JsonText.value(json, tags, masker);
        }
        return json.append(LINE_END);
    }

    private String stackTrace(ILoggingEvent event, IThrowableProxy error) {
        if (stackTracePrinter == null) {
            return throwableProxyConverter.convert(event);
        }
        if (!(error instanceof ThrowableProxy proxy)) {
            throw new IllegalStateException("Instance must be a ThrowableProxy in order to print exception");
        }
        return stackTracePrinter.printStackTraceToString(proxy.getThrowable());
    }

    /** The names of the markers and of the markers they refer to, sorted; {@code null} when there are none. */
    private static Set<String> tags(List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return null;
        }
        Set<String> names = new TreeSet<>();
        addNames(names, markers.iterator());
        return names.isEmpty() ? null : names;
    }

    private static void addNames(Set<String> names, Iterator<Marker> markers) {
        while (markers.hasNext()) {
            Marker marker = markers.next();
            names.add(marker.getName());
            if (marker.hasReferences()) {
                addNames(names, marker.iterator());
            }
        }
    }

    private int capacity(ILoggingEvent event, String message, String stackTrace) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        return FIXED_CAPACITY
                + processUpToThreadName.length()
                + service.length()
                + length(event.getLoggerName())
                + length(event.getThreadName())
                + length(message)
                + ((stackTrace != null) ? stackTrace.length() + FIXED_CAPACITY : 0)
                + ((mdc != null) ? mdc.size() * CAPACITY_PER_CONTEXT_ENTRY : 0);
    }

    private static int length(String text) {
        return (text != null) ? text.length() : 0;
    }
}
