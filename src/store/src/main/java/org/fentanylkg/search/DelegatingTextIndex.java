package org.fentanylkg.search;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Resource;

/**
 * A read-only text index that answers from the index {@code current} returns at each call: for a dataset whose
 * content switches (a TDB2 store following its generations), the index of the generation this thread's
 * transaction reads, so that a text query and the data it joins with are of one generation.
 */
public final class DelegatingTextIndex implements TextIndex {
    private final Supplier<TextIndex> current;

    public DelegatingTextIndex(Supplier<TextIndex> current) { this.current = current; }

    /** The index a call now goes to. */
    public TextIndex current() { return current.get(); }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the knowledge graph's text index is read-only");
    }

    @Override public void prepareCommit() {}
    @Override public void commit() {}
    @Override public void rollback() {}
    @Override public void close() {} // the generations close their own
    @Override public void addEntity(Entity entity) { throw readOnly(); }
    @Override public void updateEntity(Entity entity) { throw readOnly(); }
    @Override public void deleteEntity(Entity entity) { throw readOnly(); }

    @Override public Map<String, Node> get(String uri) { return current().get(uri); }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit) {
        return current().query(property, qs, graphURI, lang, limit);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang) {
        return current().query(property, qs, graphURI, lang);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return current().query(property, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return current().query(props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String subjectUri, List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return current().query(subjectUri, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(Node subj, List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return current().query(subj, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String subjectUri, Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return current().query(subjectUri, property, qs, graphURI, lang, limit, highlight);
    }

    @Override public EntityDefinition getDocDef() { return current().getDocDef(); }
}
