package org.fentanylkg.http.linkeddata;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKG;

/**
 * Counts about the dataset, for the landing page, VoID and the service description.
 *
 * @param triples          triples in the default graph (asserted ∪ inferred)
 * @param entities         distinct IRIs of the resource namespace ({@code id/}) that are subjects
 * @param distinctSubjects distinct subjects of the default graph
 * @param distinctObjects  distinct objects of the default graph
 * @param classInstances   class → distinct subjects typed with it (any namespace)
 * @param classEntities    class → distinct resources of {@code id/} typed with it
 * @param propertyTriples  property → triples using it
 * @param graphTriples     named graph → its triples, fixed graphs first then fact graphs, by name
 */
public record Statistics(long triples, long entities, long distinctSubjects, long distinctObjects,
                         Map<Node, Long> classInstances, Map<Node, Long> classEntities,
                         Map<Node, Long> propertyTriples, Map<Node, Long> graphTriples) {

    /** Counts the dataset (call inside a read transaction). */
    public static Statistics of(DatasetGraph dsg) {
        Graph g = dsg.getDefaultGraph();
        long triples = 0;
        Set<Node> subjects = new HashSet<>();
        Set<Node> objects = new HashSet<>();
        Map<Node, Set<Node>> instances = new HashMap<>();
        Map<Node, Long> properties = new HashMap<>();
        var it = g.find();
        while (it.hasNext()) {
            Triple t = it.next();
            triples++;
            subjects.add(t.getSubject());
            objects.add(t.getObject());
            properties.merge(t.getPredicate(), 1L, Long::sum);
            if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) {
                instances.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
            }
        }
        long entities = subjects.stream().filter(Statistics::isEntity).count();
        Map<Node, Long> classInstances = new TreeMap<>(java.util.Comparator.comparing(Node::getURI));
        Map<Node, Long> classEntities = new TreeMap<>(java.util.Comparator.comparing(Node::getURI));
        instances.forEach((c, members) -> {
            classInstances.put(c, (long) members.size());
            long e = members.stream().filter(Statistics::isEntity).count();
            if (e > 0) classEntities.put(c, e);
        });
        Map<Node, Long> props = new TreeMap<>(java.util.Comparator.comparing(Node::getURI));
        props.putAll(properties);
        Map<Node, Long> graphs = new LinkedHashMap<>();
        Map<Node, Long> facts = new TreeMap<>(java.util.Comparator.comparing(Node::getURI));
        dsg.listGraphNodes().forEachRemaining(n -> {
            long size = dsg.getGraph(n).size();
            if (n.isURI() && n.getURI().startsWith(FKG.GRAPH)) graphs.put(n, size);
            else facts.put(n, size);
        });
        Map<Node, Long> sortedGraphs = new TreeMap<>(java.util.Comparator.comparing(Node::toString));
        sortedGraphs.putAll(graphs);
        Map<Node, Long> allGraphs = new LinkedHashMap<>(sortedGraphs);
        allGraphs.putAll(facts);
        return new Statistics(triples, entities, subjects.size(), objects.size(), Collections.unmodifiableMap(classInstances),
                Collections.unmodifiableMap(classEntities), Collections.unmodifiableMap(props), Collections.unmodifiableMap(allGraphs));
    }

    static boolean isEntity(Node n) { return n.isURI() && n.getURI().startsWith(FKG.RESOURCE); }

    /** Triples of a named graph, 0 when absent. */
    public long graph(Node name) { return graphTriples.getOrDefault(name, 0L); }

    /** How many named graphs are fact graphs. */
    public long factGraphs() {
        return graphTriples.keySet().stream().filter(n -> n.isURI() && n.getURI().startsWith(FKG.FACT)).count();
    }
}
