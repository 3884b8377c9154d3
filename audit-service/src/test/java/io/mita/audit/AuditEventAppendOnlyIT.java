package io.mita.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.audit.ingest.TestAppender;
import io.mita.audit.integrity.TestDigests;
import io.mita.testsupport.MitaIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * Compliance: once stored, an audit event, its chain link and a digest can be neither changed nor removed, not
 * even by the owner of the database (the service's own role is refused earlier still: {@code
 * persistence.LeastPrivilegeIT}). Only switching the triggers off, as a superuser, gets past them; the chain and
 * the digests reveal that ({@code integrity.IntegrityTamperIT}).
 */
@MitaIntegrationTest
class AuditEventAppendOnlyIT {

    @Autowired
    private ApplicationContext context;

    @Value("${mita.service.database}")
    private String database;

    private OwnerSql owner;
    private UUID eventId;

    @BeforeEach
    void storeAnEvent() {
        owner = new OwnerSql(database);
        eventId = TestAppender.append(context, "user-1", 1).get(0);
        TestDigests.signNow(context);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UPDATE audit_event SET subject = 'someone-else'",
                "UPDATE audit_chain SET hash = prev_hash",
                "UPDATE audit_digest SET event_count = 7"
            })
    void noRowCanBeUpdatedEvenByTheOwner(String update) {
        assertThatThrownBy(() -> owner.execute(update)).hasMessageContaining("append-only");

        assertThat(owner.scalar("SELECT subject FROM audit_event WHERE event_id = ?", eventId))
                .isEqualTo("user-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit_event", "audit_chain", "audit_digest"})
    void noRowCanBeDeletedEvenByTheOwner(String table) {
        long before = count(table);

        assertThatThrownBy(() -> owner.execute("DELETE FROM " + table)).hasMessageContaining("append-only");

        assertThat(count(table)).isEqualTo(before).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit_event", "audit_chain", "audit_digest"})
    void noTableCanBeTruncatedEvenByTheOwner(String table) {
        long before = count(table);

        assertThatThrownBy(() -> owner.execute("TRUNCATE " + table)).hasMessageContaining("append-only");

        assertThat(count(table)).isEqualTo(before).isPositive();
    }

    @Test
    void everyStoredEventHasItsChainLink() {
        assertThat(owner.scalar("SELECT count(*) FROM audit_chain WHERE event_id = ?", eventId))
                .isEqualTo(1L);
    }

    private long count(String table) {
        return (Long) owner.scalar("SELECT count(*) FROM " + table);
    }
}
