package io.mita.insights.narrative;

/** The model's text and what it cost, in tokens as the API reports them (0 when it does not). */
public record Narration(String text, long promptTokens, long completionTokens) {}
