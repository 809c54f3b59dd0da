package org.fentanylkg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import org.fentanylkg.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code fentanyl-kg explain S P O}: the text tree, JSON, and clear errors. */
class ExplainCommandTest {
    private static CliRun run(String... args) { return CliRun.of(args); }

    @Test
    void explainsTheChainDownToItsSources() {
        CliRun r = run("explain", "--sources", ".", "fkr:4-piperidone", "a", "fkg:FentanylPrecursor");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("inferred  4-piperidone · type · fentanyl precursor", lines[0]);
        assertEquals("  rule cls-hv2: FentanylPrecursor ≡ precursorOf value fentanyl", lines[2]);
        assertEquals("  inferred  4-piperidone · precursor of · fentanyl", lines[3]);
        assertEquals("    rule prp-trp: precursorOf is transitive", lines[5]);
        assertTrue(r.out().contains("      quote    \"UN member states scheduled three additional fentanyl precursors in 2022\"\n"
                + "               in https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p5-s2\n"), r.out());
        assertTrue(r.out().contains("      fact     https://w3id.org/fentanyl-kg/fact/4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl\n"), r.out());
    }

    @Test
    void jsonFormat() {
        CliRun r = run("explain", "--sources", ".", "--format", "json", "fkr:fentanyl", "fkg:firstSynthesized", "\"1959\"^^xsd:gYear");
        assertEquals(0, r.exit(), r.err());
        var o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("asserted", o.get("status").getAsString());
        assertEquals("https://w3id.org/fentanyl-kg/fact/fentanyl-first-synthesized",
                o.getAsJsonArray("evidence").get(0).getAsJsonObject().get("graph").getAsString());
    }

    @Test
    void notInTheGraphAndBadTerms() {
        CliRun missing = run("explain", "--sources", ".", "fkr:fentanyl", "fkg:precursorOf", "fkr:npp");
        assertEquals(1, missing.exit());
        assertEquals("not in the graph (neither asserted nor inferred): fkr:fentanyl fkg:precursorOf fkr:npp\n", missing.err());
        CliRun bad = run("explain", "--sources", ".", "fkr:fentanyl", "precursor of", "fkr:npp");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("error: PREDICATE: 'precursor of' is not an IRI"), bad.err());
    }
}
