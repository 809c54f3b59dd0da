package org.fentanylkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {
    private static final Path REPORT = Path.of("data/report/IF10400-2025-08-26.txt");

    @Test
    void splitsTheReportIntoItsSeventeenParagraphsAndSixtyThreeSentences() throws Exception {
        ReportText r = ReportText.read(REPORT);
        assertEquals("IF10400-2025-08-26", r.id());
        assertEquals(17, r.paragraphs().size());
        assertEquals(63, r.sentences().size());
        assertEquals(List.of(6, 4, 5, 2, 4, 3, 3, 6, 2, 3, 3, 4, 2, 3, 5, 3, 5),
                r.paragraphs().stream().map(p -> p.sentences().size()).toList());
    }

    @Test
    void abbreviationsDoNotEndSentences() throws Exception {
        ReportText r = ReportText.read(REPORT);
        ReportText.Sentence s = r.paragraphs().get(2).sentences().get(2);
        assertEquals("Domestically, fentanyl is regulated by the Drug Enforcement Administration (DEA), pursuant to the"
                + " Comprehensive Drug Abuse Prevention and Control Act of 1970, as amended (21 U.S.C. §§801 et seq.),"
                + " commonly known as the Controlled Substances Act.", s.text());
        assertEquals("The 119th Congress has enacted legislation to stiffen penalties for fentanyl trafficking"
                + " (S. 331/P.L. 119-26) and may consider other measures.", r.paragraphs().get(1).sentences().get(2).text());
    }

    @Test
    void offsetsPointIntoTheWholeText() throws Exception {
        ReportText r = ReportText.read(REPORT);
        for (ReportText.Sentence s : r.sentences()) assertEquals(s.text(), r.text().substring(s.begin(), s.end()));
        int at = r.text().indexOf("48,422");
        List<ReportText.Sentence> hit = r.sentencesOverlapping(at, at + 6);
        assertEquals(1, hit.size());
        assertEquals(3, hit.get(0).paragraph());
        assertEquals(4, hit.get(0).number());
    }

    @Test
    void quotesAreFoundWithEveryOccurrence() throws Exception {
        ReportText r = ReportText.read(REPORT);
        assertEquals(1, r.occurrences("48,422 U.S. overdose deaths").size());
        assertEquals(0, r.occurrences("48,423 U.S. overdose deaths").size());
        assertEquals(true, r.occurrences("fentanyl").size() > 10);
    }
}
