package io.mita.ocr.engine;

import java.util.List;

/** What an engine read from one image, line by line from top to bottom. */
public record OcrText(List<OcrLine> lines) {

    public OcrText {
        lines = List.copyOf(lines);
    }

    /** Mean word confidence over all lines, weighted by line length, 0–100; 0 when nothing was read. */
    public double meanConfidence() {
        double weighted = 0;
        long characters = 0;
        for (OcrLine line : lines) {
            int n = line.text().replace(" ", "").length();
            weighted += line.confidence() * n;
            characters += n;
        }
        return characters == 0 ? 0 : weighted / characters;
    }

    public int characters() {
        return lines.stream().mapToInt(l -> l.text().replace(" ", "").length()).sum();
    }

    public String plain() {
        return String.join("\n", lines.stream().map(OcrLine::text).toList());
    }
}
