package org.fentanylkg.explain;

import java.util.List;

/**
 * Where an asserted triple comes from.
 *
 * @param origin  which part of the sources states it
 * @param graph   the named graph that holds it: the fact graph for a curated fact, else the fixed graph
 *                (ontology, report, provenance)
 * @param quotes  the report's words that state the fact, each located in its sentence(s)
 * @param sources the public sources that state the fact (dcterms:source)
 * @param notes   the curator's notes (skos:editorialNote)
 */
public record Evidence(Origin origin, String graph, List<Quote> quotes, List<String> sources, List<String> notes) {

    public enum Origin {
        /** A curated fact of data/facts/, with its quote or public source. */
        FACT,
        /** The ontology (ontology/fentanyl-kg.ttl). */
        ONTOLOGY,
        /** The report's text structure (documents, paragraphs, sentences) that the loader builds. */
        REPORT,
        /** The provenance the loader records for the facts. */
        PROVENANCE,
        /** Asserted, but in none of the graphs above. */
        OTHER;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * A quote of the report.
     *
     * @param text         the quoted words, verbatim
     * @param sentence     the IRI of a sentence the quote lies in
     * @param sentenceText that sentence's text
     */
    public record Quote(String text, String sentence, String sentenceText) {}

    public Evidence {
        quotes = List.copyOf(quotes);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }
}
