package io.mita.ocr.image;

/** What the header of an accepted image says, read without decoding its pixels. */
public record ImageFacts(ImageFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
