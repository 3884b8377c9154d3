package io.mita.common.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** A Kafka producer interceptor that records which thread called {@code send}: it runs in the caller's thread. */
public class SendingThreads implements ProducerInterceptor<Object, Object> {

    static final List<String> NAMES = new CopyOnWriteArrayList<>();

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        NAMES.add(Thread.currentThread().getName());
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
