package io.mita.ocr.engine;

/** One line of recognised text with the engine's mean word confidence (0–100) and its top edge in pixels. */
public record OcrLine(String text, double confidence, int top) {}
