package io.mita.ocr.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the words an engine recognised, grouped into the lines the engine saw, into the {@link OcrText} the
 * extraction reads — the same for every engine: lines ordered top to bottom, lines of different blocks that
 * sit at the same height merged (a receipt's label and its amount far to the right can land in two blocks),
 * words ordered left to right, a wide gap written as two spaces, a line's confidence the mean of its words'.
 */
final class WordLines {

    /** One recognised word: its box in pixels and the engine's confidence 0–100. */
    record Word(String text, int left, int top, int width, int height, double confidence) {}

    private WordLines() {}

    static OcrText join(Collection<List<Word>> engineLines) {
        List<List<Word>> lines = new ArrayList<>();
        for (List<Word> line : engineLines) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        lines.sort(Comparator.comparingDouble(WordLines::centre));
        List<List<Word>> merged = new ArrayList<>();
        for (List<Word> line : lines) {
            List<Word> previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null
                    && Math.abs(centre(previous) - centre(line)) < 0.5 * Math.min(height(previous), height(line))
                    && !overlapsHorizontally(previous, line)) {
                previous.addAll(line);
            } else {
                merged.add(new ArrayList<>(line));
            }
        }
        List<OcrLine> result = new ArrayList<>();
        for (List<Word> words : merged) {
            words.sort(Comparator.comparingInt(Word::left));
            int lineHeight = (int) Math.max(1, height(words));
            StringBuilder text = new StringBuilder();
            double confidence = 0;
            int previousRight = -1;
            int top = Integer.MAX_VALUE;
            for (Word w : words) {
                if (!text.isEmpty()) {
                    text.append(w.left() - previousRight > 2 * lineHeight ? "  " : " ");
                }
                text.append(w.text());
                previousRight = w.left() + w.width();
                confidence += w.confidence();
                top = Math.min(top, w.top());
            }
            result.add(new OcrLine(text.toString(), confidence / words.size(), top));
        }
        return new OcrText(result);
    }

    private static double centre(List<Word> words) {
        return words.stream()
                .mapToDouble(w -> w.top() + w.height() / 2.0)
                .average()
                .orElse(0);
    }

    private static double height(List<Word> words) {
        return words.stream().mapToInt(Word::height).average().orElse(1);
    }

    private static boolean overlapsHorizontally(List<Word> a, List<Word> b) {
        int aLeft = a.stream().mapToInt(Word::left).min().orElse(0);
        int aRight = a.stream().mapToInt(w -> w.left() + w.width()).max().orElse(0);
        int bLeft = b.stream().mapToInt(Word::left).min().orElse(0);
        int bRight = b.stream().mapToInt(w -> w.left() + w.width()).max().orElse(0);
        return aLeft < bRight && bLeft < aRight;
    }
}
