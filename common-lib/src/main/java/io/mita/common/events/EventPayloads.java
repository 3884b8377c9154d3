package io.mita.common.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON {@code data} of a received event into the consumer's own copy of the payload. */
public class EventPayloads {

    private final JsonMapper jsonMapper;

    public EventPayloads(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public <T> T read(CloudEvent event, Class<T> type) {
        return jsonMapper.readValue(bytes(event), type);
    }

    public JsonNode tree(CloudEvent event) {
        return jsonMapper.readTree(bytes(event));
    }

    private static byte[] bytes(CloudEvent event) {
        CloudEventData data = event.getData();
        if (data == null) {
            throw new NonRetryableEventException("event " + event.getId() + " has no data");
        }
        return data.toBytes();
    }
}
