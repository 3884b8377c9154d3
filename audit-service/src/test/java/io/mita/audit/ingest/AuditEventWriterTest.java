package io.mita.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.chain.ChainedRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditEventWriterTest {

    @Test
    void aBatchIsOneStatementOfOneArrayPerColumnUnnestedInBatchOrder() {
        String sql = AuditEventWriter.INSERT_SQL;

        assertThat(sql)
                .startsWith("INSERT INTO audit_event (event_id, source, type, subject, actor_id, "
                        + "correlation_id, occurred_at, topic, partition, kafka_offset, email_hashes, sealed_data) "
                        + "SELECT ");
        assertThat(sql).contains("WITH ORDINALITY").contains("ORDER BY v.position");
        assertThat(sql).endsWith(" RETURNING " + ChainedRecord.COLUMNS);
        assertThat(sql).as("the sealed data travels as hex").contains("decode(v.sealed_data, 'hex')");
    }

    @Test
    void aBatchOfAnySizeIsTwelveBindParametersNumberedInOrder() {
        assertThat(parameterNumbers(AuditEventWriter.INSERT_SQL)).isEqualTo(12);
    }

    @Test
    void theClearDataColumnIsNeverWritten() {
        String insertedColumns =
                AuditEventWriter.INSERT_SQL.substring(0, AuditEventWriter.INSERT_SQL.indexOf(" SELECT "));

        assertThat(insertedColumns.split("[(,)]\\s*")).doesNotContain("data");
    }

    @Test
    void theChainRowsOfABatchAreOneStatementWithHashesSentAsHexAndTheirRecordsMonth() {
        String sql = AuditEventWriter.CHAIN_INSERT_SQL;

        assertThat(sql).startsWith("INSERT INTO audit_chain (seq, event_id, prev_hash, hash, received_at) SELECT ");
        assertThat(sql).contains("decode(l.prev_hash, 'hex')").contains("decode(l.hash, 'hex')");
        assertThat(parameterNumbers(sql)).isEqualTo(5);
    }

    /** How many parameters the statement has, failing unless they are $1, $2, ... in order. */
    private static int parameterNumbers(String sql) {
        Matcher parameters = Pattern.compile("\\$(\\d+)").matcher(sql);
        int expected = 1;
        while (parameters.find()) {
            assertThat(Integer.parseInt(parameters.group(1))).isEqualTo(expected++);
        }
        return expected - 1;
    }
}
