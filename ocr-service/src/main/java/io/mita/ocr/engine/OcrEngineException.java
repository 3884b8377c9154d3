package io.mita.ocr.engine;

/** The engine failed on an image (the process died, answered garbage, or ran out of time). */
public class OcrEngineException extends RuntimeException {

    public enum Kind {
        /** the engine took longer than the per-image timeout and was stopped */
        TIMEOUT,
        /** the engine ran and failed */
        ENGINE_ERROR
    }

    private final Kind kind;

    public OcrEngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OcrEngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
