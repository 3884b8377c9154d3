package io.mita.insights.narrative;

import reactor.core.publisher.Mono;

/** A language model that writes a short narrative for an insight; the adapter is {@link OpenAiCompatibleNarrativeModel}. */
public interface NarrativeModel {

    /** Fails with {@link NarrativeModelException} for an error answer or a malformed one. */
    Mono<Narration> narrate(NarrativePrompt prompt);
}
