package io.mita.ocr.image;

/** The image formats a receipt may come in, recognised by their magic bytes only. */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
