package io.mita.insights.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** This service's copy of auth-service's {@code mita.auth.user.erased.v1} (golden file in docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserErased(UUID userId, Instant erasedAt, String erasedBy) {

    public static final String TYPE = "mita.auth.user.erased.v1";
}
