package org.fentanylkg.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences. Policy prose is full of abbreviations ("U.S.", "P.L.", "S. 331",
 * "E.O. 14059", "21 U.S.C. §§801 et seq."), which defeat {@link java.text.BreakIterator}; so a sentence ends
 * at . ? or ! (optionally followed by a closing quote or bracket) and whitespace, then an upper-case letter or
 * an opening quote, unless the word before the stop is a known abbreviation.
 */
final class SentenceSplitter {
    private SentenceSplitter() {}

    private static final Pattern BOUNDARY = Pattern.compile("[.?!][\"”’)\\]]*(\\s+)(?=[\"“A-Z])");

    /** Words (with their final period) after which a period does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "U.S.", "P.L.", "S.", "H.R.", "E.O.", "U.S.C.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.",
            "No.", "Nos.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "seq.", "e.g.", "i.e.",
            "al.", "St.", "Gen.", "Gov.", "Sec.", "Inc.", "Co.", "Corp.", "v.", "vs.");

    /** Sentence spans [begin, end) within the paragraph, trimmed of surrounding whitespace. */
    static List<int[]> split(String paragraph) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        Matcher m = BOUNDARY.matcher(paragraph);
        while (m.find()) {
            if (endsWithAbbreviation(paragraph, m.start())) continue;
            int end = m.start(1);
            addTrimmed(paragraph, start, end, spans);
            start = m.end();
        }
        addTrimmed(paragraph, start, paragraph.length(), spans);
        return spans;
    }

    private static boolean endsWithAbbreviation(String text, int stopIndex) {
        if (text.charAt(stopIndex) != '.') return false;
        int wordStart = stopIndex;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1)) && text.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        return ABBREVIATIONS.contains(text.substring(wordStart, stopIndex + 1));
    }

    private static void addTrimmed(String text, int begin, int end, List<int[]> spans) {
        while (begin < end && Character.isWhitespace(text.charAt(begin))) begin++;
        while (end > begin && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (begin < end) spans.add(new int[] {begin, end});
    }
}
