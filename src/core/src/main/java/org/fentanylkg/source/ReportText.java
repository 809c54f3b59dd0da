package org.fentanylkg.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's text split into paragraphs (one per line) and sentences, with character offsets into the
 * whole text. Offsets count UTF-16 chars, which equal code points for this text (no supplementary chars).
 */
public final class ReportText {

    public record Sentence(int paragraph, int number, int begin, int end, String text) {}

    public record Paragraph(int number, int begin, int end, String text, List<Sentence> sentences) {}

    private final String id;
    private final Path file;
    private final String text;
    private final List<Paragraph> paragraphs;

    private ReportText(String id, Path file, String text, List<Paragraph> paragraphs) {
        this.id = id;
        this.file = file;
        this.text = text;
        this.paragraphs = List.copyOf(paragraphs);
    }

    /** Reads a report; its id is the file name without extension (e.g. IF10400-2025-08-26). */
    public static ReportText read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String id = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        return of(id, file, Files.readString(file, StandardCharsets.UTF_8));
    }

    public static ReportText of(String id, Path file, String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int lineStart = 0;
        int number = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                number++;
                List<Sentence> sentences = new ArrayList<>();
                int s = 0;
                for (int[] span : SentenceSplitter.split(line)) {
                    s++;
                    sentences.add(new Sentence(number, s, lineStart + span[0], lineStart + span[1],
                            line.substring(span[0], span[1])));
                }
                paragraphs.add(new Paragraph(number, lineStart, lineEnd, line, sentences));
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        return new ReportText(id, file, text, paragraphs);
    }

    public String id() { return id; }
    public Path file() { return file; }
    public String text() { return text; }
    public List<Paragraph> paragraphs() { return paragraphs; }

    public List<Sentence> sentences() {
        return paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
    }

    /** Start offsets of every occurrence of {@code quote} in the text. */
    public List<Integer> occurrences(String quote) {
        List<Integer> found = new ArrayList<>();
        if (quote.isEmpty()) return found;
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.add(i);
        return found;
    }

    /** The sentences that overlap the span [begin, end). */
    public List<Sentence> sentencesOverlapping(int begin, int end) {
        return sentences().stream().filter(s -> s.begin() < end && begin < s.end()).toList();
    }
}
