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

    @Test
    void masksTheMessageTheErrorAndContextEntriesOfAnEcsLineButNotTheMembersTheLoggerFills() {
        PiiMaskingLogCustomizer customizer = new PiiMaskingLogCustomizer();
        String jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl";
        JsonWriter<Map<String, String>> writer = JsonWriter.of(members -> {
            members.add("@timestamp", line -> "2026-11-30T09:31:36.123Z");
            members.add("log").usingMembers(log -> {
                log.add("level", line -> "INFO");
                log.add("logger", line -> "mita.request");
            });
            members.add("message", line -> line.get("message"));
            members.add("error").usingMembers(error -> {
                error.add("message", line -> line.get("error"));
                error.add("stack_trace", line -> line.get("stack"));
            });
            members.add("userEmail", line -> line.get("mdc"));
            members.add("correlationId", line -> "3f2a9c1e-8d4b-4a6f-9e1c-2b7d5a3c8e90");
            customizer.customize(cast(members));
        });

        String json = writer.writeToString(Map.of(
                "message", "GET /api/users/jane.doe@example.com -> 200 in 3 ms",
                "error", "token " + jwt + " refused",
                "stack", "java.lang.IllegalStateException: card 4111 1111 1111 1111\n\tat x.y(Z.java:1)",
                "mdc", "john.roe@example.org"));

        assertThat(json)
                .contains("GET /api/users/j***@example.com -> 200 in 3 ms")
                .contains("token [REDACTED] refused")
                .contains("card **** **** **** 1111")
                .contains("j***@example.org")
                .doesNotContain("jane.doe", "john.roe", jwt, "4111 1111 1111 1111")
                .contains("\"@timestamp\":\"2026-11-30T09:31:36.123Z\"")
                .contains("\"logger\":\"mita.request\"")
                .contains("3f2a9c1e-8d4b-4a6f-9e1c-2b7d5a3c8e90");
    }

    @Test
    void aMemberPathIsMaskedUnlessItsTopLevelMemberIsOneTheLoggingSystemFills() {
        assertThat(PiiMaskingLogCustomizer.mayCarryPersonalData(JsonWriter.MemberPath.of("message")))
                .isTrue();
        assertThat(PiiMaskingLogCustomizer.mayCarryPersonalData(JsonWriter.MemberPath.of("error.stack_trace")))
                .isTrue();
        assertThat(PiiMaskingLogCustomizer.mayCarryPersonalData(JsonWriter.MemberPath.of("userEmail")))
                .isTrue();
        assertThat(PiiMaskingLogCustomizer.mayCarryPersonalData(JsonWriter.MemberPath.of("log.logger")))
                .isFalse();
        assertThat(PiiMaskingLogCustomizer.mayCarryPersonalData(JsonWriter.MemberPath.of("process.thread.name")))
                .isFalse();
        assertThat(PiiMaskingLogCustomizer.mayCarryPersonalData(JsonWriter.MemberPath.of("@timestamp")))
                .isFalse();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonWriter.Members<Object> cast(JsonWriter.Members<?> members) {
        return (JsonWriter.Members) members;
    }
}
