package io.mita.ocr.image;

/** An upload that is not an image we can safely read; the web layer maps {@link Reason} to a status and code. */
public class RejectedImageException extends RuntimeException {

    public enum Reason {
        /** neither JPEG nor PNG by its magic bytes */
        UNSUPPORTED_TYPE,
        /** a JPEG or PNG whose structure is broken or cut short */
        CORRUPT,
        /** more pixels than allowed (decompression bomb) */
        TOO_MANY_PIXELS,
        /** too small to hold a receipt (e.g. 1×1) */
        TOO_SMALL
    }

    private final Reason reason;

    public RejectedImageException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
