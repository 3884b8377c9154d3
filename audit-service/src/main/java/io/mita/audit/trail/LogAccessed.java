package io.mita.audit.trail;

import java.util.Map;

/**
 * The data of a {@value AccessTrail#TYPE} record, before masking: what a compliance user did ({@code search},
 * {@code read}, {@code story}, {@code export} (its details also name the {@code format}), {@code integrity}) and with which filters or ids. Stored by audit-service in its
 * own chain, never published on Kafka (golden file {@code docs/events/mita.audit.log.accessed.v1.json}).
 */
public record LogAccessed(String action, Map<String, String> details) {}
