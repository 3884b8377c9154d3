package io.mita.insights.narrative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible chat-completions API ({@code POST <base-url>/chat/completions}: OpenAI, Ollama's
 * {@code /v1}, llama.cpp's server, ...). Sends a system message and the {@link NarrativePrompt} as JSON; reads
 * {@code choices[0].message.content} and {@code usage.prompt_tokens}/{@code completion_tokens}. A 5xx or 429 is
 * {@link NarrativeModelException.Kind#SERVER}, any other refusal {@code REFUSED}, an answer without text
 * {@code MALFORMED}.
 */
public class OpenAiCompatibleNarrativeModel implements NarrativeModel {

    static final String SYSTEM = "You write one or two short, friendly sentences of personal-finance advice for the"
            + " user of a budgeting app, from the figures of one insight given as JSON. Use only those figures;"
            + " never invent numbers, names or places.";

    private final WebClient client;
    private final JsonMapper json;
    private final String model;
    private final int maxTokens;

    public OpenAiCompatibleNarrativeModel(JsonMapper json, String baseUrl, String apiKey, String model, int maxTokens) {
        WebClient.Builder configured = WebClient.builder().baseUrl(baseUrl);
        if (apiKey != null && !apiKey.isBlank()) {
            configured = configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
        }
        this.client = configured.build();
        this.json = json;
        this.model = model;
        this.maxTokens = maxTokens;
    }

    @Override
    public Mono<Narration> narrate(NarrativePrompt prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put(
                "messages",
                List.of(
                        Map.of("role", "system", "content", SYSTEM),
                        Map.of("role", "user", "content", json.writeValueAsString(prompt))));
        body.put("temperature", 0.2);
        body.put("max_tokens", maxTokens);
        body.put("stream", false);
        return client.post()
                .uri("/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(body))
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status >= 500 || status == 429) {
                        return response.releaseBody()
                                .then(Mono.<Narration>error(new NarrativeModelException(
                                        NarrativeModelException.Kind.SERVER, "the model answered " + status)));
                    }
                    if (status >= 300) {
                        return response.releaseBody()
                                .then(Mono.<Narration>error(new NarrativeModelException(
                                        NarrativeModelException.Kind.REFUSED, "the model answered " + status)));
                    }
                    return response.bodyToMono(String.class).defaultIfEmpty("").map(this::read);
                });
    }

    private Narration read(String answer) {
        JsonNode tree;
        try {
            tree = json.readTree(answer);
        } catch (JacksonException e) {
            throw new NarrativeModelException(NarrativeModelException.Kind.MALFORMED, "the answer is not JSON");
        }
        JsonNode content = tree == null
                ? null
                : tree.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isString() || content.asString().isBlank()) {
            throw new NarrativeModelException(
                    NarrativeModelException.Kind.MALFORMED, "the answer has no choices[0].message.content");
        }
        JsonNode usage = tree.path("usage");
        return new Narration(
                content.asString().strip(),
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0));
    }
}
