package io.mita.audit.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mita.audit.retention.*} (defaults in application.yml only). {@code retention}: how long records stay in
 * the database ({@code AUDIT_RETENTION}, 400 days; PCI DSS 10.5.1 asks for at least 12 months); a month leaves once
 * it lies wholly before now minus this. {@code archiveDir}: where archives and manifests are written ({@code
 * AUDIT_ARCHIVE_DIR}). {@code interval} and {@code firstRunDelay}: how often the job runs and how long after startup
 * its first run comes. {@code partitionsAhead}: how many months ahead of the current one have partitions (0 to 12).
 */
@ConfigurationProperties("mita.audit.retention")
public record RetentionProperties(
        Duration retention, String archiveDir, Duration interval, Duration firstRunDelay, int partitionsAhead) {

    /** The database refuses to drop a month that ended less than this long ago, whatever the configuration. */
    public static final Duration MINIMUM = Duration.ofDays(90);

    public RetentionProperties {
        if (retention == null || retention.compareTo(MINIMUM) < 0) {
            throw new IllegalStateException("AUDIT_RETENTION must be at least 90 days (PCI DSS 10.5.1 keeps the latest"
                    + " three months at hand; 400 days by default), not " + retention);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("mita.audit.retention.interval must be positive");
        }
        if (partitionsAhead < 0 || partitionsAhead > 12) {
            throw new IllegalStateException("mita.audit.retention.partitions-ahead must be 0 to 12");
        }
        if (archiveDir == null || archiveDir.isBlank()) {
            throw new IllegalStateException("AUDIT_ARCHIVE_DIR must name a directory");
        }
    }
}
