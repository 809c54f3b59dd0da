package org.fentanylkg.http.linkeddata;

import org.apache.jena.graph.Node;

/**
 * The HTML side of content negotiation, supplied by the pages package: the page of a canonical IRI (the
 * namespace root, the dataset description, the ontology, the report, a named graph or any resource).
 * Called inside a read transaction, and only for an IRI the dataset holds.
 */
@FunctionalInterface
public interface HtmlPages {
    String page(Node iri, LinkedData.Snapshot snapshot, Links links);
}
