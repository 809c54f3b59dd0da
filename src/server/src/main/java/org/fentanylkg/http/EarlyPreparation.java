package org.fentanylkg.http;

import org.apache.jena.rdf.model.Model;

/**
 * A Fuseki module with start-up work that does not need the knowledge graph. {@code http.main.KnowledgeGraphServer} runs it
 * on a second thread while the graph is built, before the module's {@code prepare} step: on two cores that
 * work then costs no time to first answer.
 *
 * <p>It runs concurrently with the graph build and with other modules' early work: it may only read
 * {@code config} (a private copy of the configuration) and set the module's own fields, which its later steps
 * read after the server has waited for it.
 */
public interface EarlyPreparation {
    void prepareEarly(Model config);
}
