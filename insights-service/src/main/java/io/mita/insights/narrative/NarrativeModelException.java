package io.mita.insights.narrative;

/** The model answered with an error ({@link Kind#SERVER}, retried) or something unusable ({@link Kind#MALFORMED}). */
public class NarrativeModelException extends RuntimeException {

    public enum Kind {
        SERVER,
        REFUSED,
        MALFORMED
    }

    private final Kind kind;

    public NarrativeModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
