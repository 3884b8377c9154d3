package io.mita.ocr.extraction;

/** A line of OCR text with the engine's confidence in it (0 to 1). */
public record ReadLine(String text, double confidence) {}
