package io.mita.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

import io.cloudevents.CloudEvent;
import io.mita.common.events.NonRetryableEventException;

/** A minimal service built only from common-lib, for testing its mechanisms against real infrastructure. */
@SpringBootApplication
public class CommonLibTestApplication {

    public static final String INBOUND_TOPIC = "mita.commontest-in.v1";

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
