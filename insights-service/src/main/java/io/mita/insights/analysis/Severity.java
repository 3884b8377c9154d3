package io.mita.insights.analysis;

/** How much an insight asks for attention; HIGH ones are published as {@code insight.generated} events. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH
}
