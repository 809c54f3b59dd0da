package org.fentanylkg.rdf;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.source.ReportText;
import org.fentanylkg.vocab.FKG;

/**
 * Turns a fact's authored evidence into provenance: each quote is found in the report and linked to the
 * sentence(s) it lies in, with offsets; each public source becomes prov:wasDerivedFrom. The claim layer
 * (attribution, status, time) is kept as written; a fact given no status is stated. A fact whose evidence
 * is missing, whose quote is not in the report, or is ambiguous, is a problem.
 */
public final class EvidenceResolver {
    private final ReportText report;
    private final Node reportIri;

    public EvidenceResolver(ReportText report) {
        this.report = report;
        this.reportIri = ReportGraph.reportIri(report);
    }

    /** Adds the fact's provenance to {@code provenance}; records problems instead of throwing. */
    public void resolve(FactGraph fact, Graph provenance, ProblemCollector problems) {
        Node f = fact.name();
        boolean hasEvidence = false;
        int quoteNumber = 0;
        provenance.add(Triple.create(f, RDF.Nodes.type, FKG.Assertion));
        for (FactGraph.LocatedTriple lt : fact.evidence()) {
            Triple t = lt.triple();
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (p.equals(FKG.quote)) {
                if (!o.isLiteral() || o.getLiteralLexicalForm().isBlank()) {
                    problems.add(new Problem(fact.file(), lt.line(), fact.iri(), "fkg:quote must be a non-empty string"));
                    continue;
                }
                String quote = o.getLiteralLexicalForm();
                List<Integer> found = report.occurrences(quote);
                if (found.isEmpty()) {
                    problems.add(new Problem(fact.file(), lt.line(), fact.iri(),
                            "quote not found in report " + report.id() + ": \"" + abbreviate(quote) + "\""));
                    continue;
                }
                if (found.size() > 1) {
                    problems.add(new Problem(fact.file(), lt.line(), fact.iri(), "quote occurs " + found.size()
                            + " times in report " + report.id() + "; lengthen it so it is unique: \"" + abbreviate(quote) + "\""));
                    continue;
                }
                int begin = found.get(0);
                int end = begin + quote.length();
                Node q = NodeFactory.createURI(f.getURI() + "/quote-" + (++quoteNumber));
                provenance.add(t);
                provenance.add(Triple.create(f, FKG.evidence, q));
                ReportGraph.span(provenance, q, FKG.Quotation, reportIri, quote, begin, end);
                for (ReportText.Sentence s : report.sentencesOverlapping(begin, end)) {
                    Node sentence = ReportGraph.sentenceIri(report, s);
                    provenance.add(Triple.create(q, FKG.sentence, sentence));
                    provenance.add(Triple.create(f, FKG.provWasDerivedFrom, sentence));
                }
                hasEvidence = true;
            } else if (p.equals(FKG.dctSource)) {
                if (!o.isURI() || !(o.getURI().startsWith("https://") || o.getURI().startsWith("http://"))) {
                    problems.add(new Problem(fact.file(), lt.line(), fact.iri(),
                            "dcterms:source must be the http(s) IRI of a public source, not " + o));
                    continue;
                }
                provenance.add(t);
                provenance.add(Triple.create(f, FKG.provWasDerivedFrom, o));
                hasEvidence = true;
            } else {
                provenance.add(t); // editorial note, or the claim layer (attribution, status, time)
            }
        }
        if (fact.evidence().stream().noneMatch(lt -> lt.triple().getPredicate().equals(FKG.epistemicStatus))) {
            provenance.add(Triple.create(f, FKG.epistemicStatus, FKG.statusStated));
        }
        if (!hasEvidence && fact.evidence().stream().noneMatch(lt -> isEvidence(lt.triple()))) {
            problems.add(new Problem(fact.file(), fact.line(), fact.iri(),
                    "fact has no evidence: add a fkg:quote of the report or a dcterms:source IRI in the default graph"));
        }
    }

    private static boolean isEvidence(Triple t) {
        return t.getPredicate().equals(FKG.quote) || t.getPredicate().equals(FKG.dctSource);
    }

    private static String abbreviate(String s) { return s.length() <= 120 ? s : s.substring(0, 117) + "..."; }
}
