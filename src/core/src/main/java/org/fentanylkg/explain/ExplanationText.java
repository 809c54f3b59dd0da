package org.fentanylkg.explain;

import java.io.PrintWriter;
import org.fentanylkg.vocab.Prefixes;

/**
 * An explanation as an indented text tree, for the command line:
 * <pre>
 * inferred  4-piperidone · rdf:type · fentanyl precursor
 *   rule cls-hv2: FentanylPrecursor ≡ precursorOf value fentanyl
 *   inferred  4-piperidone · precursor of · fentanyl
 *     rule prp-trp: precursorOf is transitive
 *     asserted  4-piperidone · precursor of · N-phenylpiperidin-4-amine
 *       fact   https://w3id.org/fentanyl-kg/fact/...
 *       source http://...
 * </pre>
 */
public final class ExplanationText {
    private final Labels labels;

    public ExplanationText(Labels labels) { this.labels = labels; }

    public void write(Explanation e, PrintWriter out) {
        write(e, out, "");
        out.flush();
    }

    private void write(Explanation e, PrintWriter out, String indent) {
        out.println(indent + String.format("%-9s ", e.status().word()) + labels.of(e.triple()));
        String more = indent + "  ";
        out.println(indent + "          " + Prefixes.shortForm(e.triple().getSubject()) + " " + Prefixes.shortForm(e.triple().getPredicate())
                + " " + Prefixes.shortForm(e.triple().getObject()));
        if (e.inferred()) {
            out.println(more + "rule " + e.rule() + ": " + e.ruleDescription());
            for (Explanation p : e.premises()) write(p, out, more);
            return;
        }
        for (Evidence ev : e.evidence()) {
            switch (ev.origin()) {
                case FACT -> out.println(more + "fact     " + ev.graph());
                case ONTOLOGY -> out.println(more + "stated by the ontology (" + ev.graph() + ")");
                case REPORT -> out.println(more + "part of the report's text structure (" + ev.graph() + ")");
                case PROVENANCE -> out.println(more + "provenance recorded by the loader (" + ev.graph() + ")");
                case OTHER -> out.println(more + "asserted (" + ev.graph() + ")");
            }
            for (Evidence.Quote q : ev.quotes()) {
                out.println(more + "quote    \"" + q.text() + "\"");
                out.println(more + "         in " + q.sentence());
            }
            for (String s : ev.sources()) out.println(more + "source   " + s);
            for (String n : ev.notes()) out.println(more + "note     " + n);
        }
    }
}
