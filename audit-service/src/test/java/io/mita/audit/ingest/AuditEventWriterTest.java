package io.mita.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.chain.ChainedRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditEventWriterTest {

    @Test
    void aBatchIsOneStatementWithOneValuesTuplePerEvent() {
        String sql = AuditEventWriter.insertSql(3);

        assertThat(sql)
                .startsWith("INSERT INTO audit_event (event_id, source, type, subject, actor_id, "
                        + "correlation_id, occurred_at, topic, partition, kafka_offset, data, email_hashes, sealed_data) "
                        + "VALUES (");
        assertThat(sql).endsWith(") RETURNING " + ChainedRecord.COLUMNS);
        assertThat(count(sql, "\\(\\$\\d+(, \\$\\d+){11}, decode\\(\\$\\d+, 'hex'\\)\\)"))
                .as("the sealed data travels as hex")
                .isEqualTo(3);
    }

    @Test
    void everyValueIsABindParameterNumberedInOrder() {
        String sql = AuditEventWriter.insertSql(2);

        Matcher parameters = Pattern.compile("\\$(\\d+)").matcher(sql);
        int expected = 1;
        while (parameters.find()) {
            assertThat(Integer.parseInt(parameters.group(1))).isEqualTo(expected++);
        }
        assertThat(expected - 1).isEqualTo(26);
    }

    @Test
    void aFullChunkStaysWithinPostgresBindParameterLimit() {
        String sql = AuditEventWriter.insertSql(AuditEventWriter.MAX_ROWS_PER_STATEMENT);

        assertThat(count(sql, "\\$\\d+"))
                .isEqualTo(AuditEventWriter.MAX_ROWS_PER_STATEMENT * 13)
                .isLessThan(65_535);
    }

    @Test
    void theChainRowsOfABatchAreOneStatementWithHashesSentAsHexAndTheirRecordsMonth() {
        String sql = AuditEventWriter.chainInsertSql(2);

        assertThat(sql)
                .isEqualTo("INSERT INTO audit_chain (seq, event_id, prev_hash, hash, received_at) VALUES "
                        + "($1, $2, decode($3, 'hex'), decode($4, 'hex'), $5), "
                        + "($6, $7, decode($8, 'hex'), decode($9, 'hex'), $10)");
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
