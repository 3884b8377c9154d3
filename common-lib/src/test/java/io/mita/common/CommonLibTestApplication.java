package io.mita.common;

import io.cloudevents.CloudEvent;
import io.mita.common.events.NonRetryableEventException;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.logging.LogContext;
import io.mita.common.outbox.OutboxWriter;
import io.mita.common.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A minimal service built only from common-lib, for testing its mechanisms against real infrastructure. */
@SpringBootApplication
public class CommonLibTestApplication {

    public static final String INBOUND_TOPIC = "mita.commontest-in.v1";

    /** An endpoint that needs a token, for request-level tests. */
    @RestController
    public static class GreetingController {

        @GetMapping("/api/test/greeting")
        Mono<Map<String, String>> greet(CurrentUser user) {
            return Mono.just(Map.of("userId", user.userId().toString()));
        }
    }

    /** A use case's shape: a query, then an event appended and a line logged on the database's thread. */
    @RestController
    public static class NoteController {

        public static final String EVENT_TYPE = "mita.commontest.note.written.v1";
        private static final Logger log = LoggerFactory.getLogger(NoteController.class);

        private final DatabaseClient database;
        private final OutboxWriter outbox;

        NoteController(DatabaseClient database, OutboxWriter outbox) {
            this.database = database;
            this.outbox = outbox;
        }

        @PostMapping("/api/test/notes")
        Mono<Map<String, String>> write(CurrentUser user) {
            return database.sql("SELECT 1 AS one")
                    .map(row -> row.get("one", Integer.class))
                    .one()
                    .flatMap(one -> outbox.append(
                            new OutgoingEvent(EVENT_TYPE, user.userId().toString(), Map.of("userId", user.userId()))))
                    .doOnEach(LogContext.onNext(eventId -> log.info("note written, event {}", eventId)))
                    .map(eventId -> Map.of("eventId", eventId.toString()));
        }
    }

    @Bean
    RecordingListener recordingListener() {
        return new RecordingListener();
    }

    /** Accepts well-formed events; refuses those typed as poison, as a consumer refuses a malformed event. */
    public static class RecordingListener {

        public final List<CloudEvent> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = INBOUND_TOPIC, groupId = "common-lib-it")
        public void on(ConsumerRecord<String, CloudEvent> record) {
            CloudEvent event = record.value();
            if (event.getType().contains("poison")) {
                throw new NonRetryableEventException("refusing " + event.getId());
            }
            received.add(event);
        }
    }
}
