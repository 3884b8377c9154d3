package io.mita.common.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.pii.PiiMasker;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.PostgresTestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox of its own for relay tests: a fresh database with common-lib's migrations, so no other relay
 * (such as the test application's) competes for its rows.
 */
final class OutboxTestDatabase {

    final String name;
    final DatabaseClient database;
    final TransactionalOperator transactions;

    OutboxTestDatabase() {
        this.name = PostgresTestDatabase.create("outbox");
        Flyway.configure()
                .dataSource(
                        PostgresTestDatabase.jdbcUrl(name),
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password())
                .locations("classpath:db/mita-common")
                .load()
                .migrate();
        String password = PostgresTestDatabase.password();
        ConnectionFactory connections = ConnectionFactories.get("r2dbc:pool:postgresql://"
                + PostgresTestDatabase.user() + (password.isEmpty() ? "" : ":" + password) + "@"
                + PostgresTestDatabase.host() + ":" + PostgresTestDatabase.port() + "/" + name + "?maxSize=6");
        this.database = DatabaseClient.create(connections);
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }

    OutboxWriter writer(String source) {
        return writer(source, () -> {});
    }

    /** A writer that runs {@code committed} after each commit of events (as the application's wakes its relay). */
    OutboxWriter writer(String source, Runnable committed) {
        return new OutboxWriter(
                database,
                JsonMapper.builder().build(),
                new PiiMasker(),
                source,
                Clock.systemUTC(),
                Optional.empty(),
                committed);
    }

    /** Appends one event in a transaction of its own and returns its id. */
    UUID append(OutboxWriter writer, String type, String subject, Object data) {
        return transactions
                .transactional(writer.append(new OutgoingEvent(type, subject, data), "actor-it"))
                .block();
    }

    long count(String where, Object... bindings) {
        DatabaseClient.GenericExecuteSpec query = database.sql("SELECT count(*) AS n FROM outbox_event WHERE " + where);
        for (int i = 0; i < bindings.length; i++) {
            query = query.bind(i, bindings[i]);
        }
        return query.map(row -> row.get("n", Long.class)).one().block();
    }

    Map<String, Object> row(UUID eventId) {
        return database.sql("SELECT status, refusals, attempts, last_error, parked_reason, claimed_by"
                        + " FROM outbox_event WHERE event_id = :id")
                .bind("id", eventId)
                .fetch()
                .one()
                .map(HashMap::new)
                .block();
    }

    static KafkaTemplate<String, CloudEvent> kafka(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", KafkaTestBroker.bootstrapServers());
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("linger.ms", 5);
        config.putAll(overrides);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new CloudEventSerializer()));
    }
}
