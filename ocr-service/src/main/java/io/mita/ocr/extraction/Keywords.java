package io.mita.ocr.extraction;

import java.util.List;

/** Whole-word keyword matching on {@link OcrNoise#words} text, tolerant to one OCR error in longer words. */
final class Keywords {

    private Keywords() {}

    /** Whether the words contain the phrase (one or more words in a row), each word fuzzily. */
    static boolean contains(String words, String phrase) {
        if (words.isEmpty()) {
            return false;
        }
        String[] have = words.split(" ");
        String[] want = phrase.split(" ");
        for (int i = 0; i + want.length <= have.length; i++) {
            boolean all = true;
            for (int j = 0; j < want.length && all; j++) {
                all = similar(have[i + j], want[j]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    static boolean containsAny(String words, List<String> phrases) {
        for (String phrase : phrases) {
            if (contains(words, phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Equal, or (for words of five letters and more) one substitution, insertion or deletion apart. */
    static boolean similar(String word, String keyword) {
        if (word.equals(keyword)) {
            return true;
        }
        if (keyword.length() < 5 || Math.abs(word.length() - keyword.length()) > 1) {
            return false;
        }
        return editDistanceAtMostOne(word, keyword);
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (a.length() == b.length()) {
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i) && ++differences > 1) {
                    return false;
                }
            }
            return true;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        int i = 0;
        int j = 0;
        boolean skipped = false;
        while (i < longer.length() && j < shorter.length()) {
            if (longer.charAt(i) == shorter.charAt(j)) {
                i++;
                j++;
            } else if (skipped) {
                return false;
            } else {
                skipped = true;
                i++;
            }
        }
        return true;
    }
}
