package io.mita.ocr.processing;

/** Failure reasons as stored (at most 200 characters, one line). */
final class Reasons {

    private Reasons() {}

    static String shorten(String reason) {
        if (reason == null) {
            return null;
        }
        String line = reason.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
