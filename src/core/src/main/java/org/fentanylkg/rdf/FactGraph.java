package org.fentanylkg.rdf;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/** One curated fact: a named graph of a fact file, where it starts, its triples and its evidence. */
public record FactGraph(Node name, Path file, long line, List<Triple> triples, List<LocatedTriple> evidence) {

    /** A triple with the line the parser read it on. */
    public record LocatedTriple(Triple triple, long line) {}

    public String iri() { return name.getURI(); }
}
