package io.mita.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

class PiiMaskingLogCustomizerTest {

    @Test
    void masksPersonalDataInEveryStringOfAStructuredLogLine() {
        PiiMaskingLogCustomizer customizer = new PiiMaskingLogCustomizer();
        JsonWriter<Map<String, String>> writer = JsonWriter.of(members -> {
            members.add("message", line -> line.get("message"));
            members.add("error", line -> line.get("error"));
            members.add("service", line -> line.get("service"));
            customizer.customize(cast(members));
        });

        String json = writer.writeToString(Map.of(
                "message", "login failed for jane.doe@example.com",
                "error", "rejected Bearer abc.def.ghi for card 4111111111111111",
                "service", "auth-service"));

        assertThat(json)
                .contains("j***@example.com")
                .doesNotContain("jane.doe")
                .contains("Bearer [REDACTED]")
                .contains("**** **** **** 1111")
                .doesNotContain("4111111111111111")
                .contains("\"service\":\"auth-service\"");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonWriter.Members<Object> cast(JsonWriter.Members<?> members) {
        return (JsonWriter.Members) members;
    }
}
