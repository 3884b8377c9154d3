package io.mita.common.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serialises what goes to a dead-letter topic. The recoverer copies the original record's headers
 * (for a CloudEvent in binary mode, its {@code ce_*} attributes), so the value is the event's data
 * as it was; a record that failed deserialisation is forwarded as its original bytes.
 */
class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof CloudEvent event) {
            return event.getData() == null ? null : event.getData().toBytes();
        }
        throw new IllegalArgumentException(
                "cannot dead-letter a " + value.getClass().getName());
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object value) {
        return serialize(topic, value);
    }
}
