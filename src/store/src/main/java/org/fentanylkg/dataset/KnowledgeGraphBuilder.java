package org.fentanylkg.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.inference.Closure;
import org.fentanylkg.inference.Inconsistency;
import org.fentanylkg.inference.OwlRlReasoner;
import org.fentanylkg.rdf.EvidenceResolver;
import org.fentanylkg.rdf.FactFileParser;
import org.fentanylkg.rdf.FactGraph;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.rdf.ProblemCollector;
import org.fentanylkg.rdf.ReportGraph;
import org.fentanylkg.rdf.Vocabularies;
import org.fentanylkg.search.SearchIndex;
import org.fentanylkg.source.ReportText;
import org.fentanylkg.source.Sources;
import org.fentanylkg.validation.FactLocator;
import org.fentanylkg.validation.ShapeValidator;
import org.fentanylkg.validation.VocabularyCheck;
import org.fentanylkg.vocab.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline: sources → RDF (report, facts, provenance) → OWL 2 RL inference → SHACL → dataset, with the labels
 * and definitions of the external terms used, from the vocabularies' published files.
 * Every stage records problems rather than stopping at the first (only a syntax error stops the checks early,
 * since what follows would be noise); the dataset is assembled only when there are none, so a bad source never
 * yields a half-loaded graph.
 */
public final class KnowledgeGraphBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraphBuilder.class);

    private KnowledgeGraphBuilder() {}

    public static KnowledgeGraph build(Path root) throws IOException, LoadException {
        return build(Sources.at(root));
    }

    public static KnowledgeGraph build(Sources sources) throws IOException, LoadException {
        long t0 = System.nanoTime();
        ProblemCollector problems = new ProblemCollector();

        Graph ontology = parseTurtle(sources.ontology(), problems);
        Graph shapes = parseTurtle(sources.shapes(), problems);
        Graph vocabularies = Vocabularies.parse(sources.vocabularies(), problems);
        ReportText report = ReportText.read(sources.report());
        Graph reportGraph = ReportGraph.build(report);

        List<FactGraph> facts = new ArrayList<>();
        Map<Node, FactGraph> seen = new HashMap<>();
        for (Path file : sources.factFiles()) {
            for (FactGraph f : FactFileParser.parse(file, problems)) {
                FactGraph earlier = seen.putIfAbsent(f.name(), f);
                if (earlier != null) {
                    problems.add(new Problem(f.file(), f.line(), f.iri(), "fact graph already defined at "
                            + earlier.file().getFileName() + ":" + earlier.line()));
                } else {
                    facts.add(f);
                }
            }
        }
        // Past a syntax error the later checks would only report noise.
        problems.throwIfAny();

        Graph provenance = GraphFactory.createDefaultGraph();
        EvidenceResolver evidence = new EvidenceResolver(report);
        for (FactGraph f : facts) evidence.resolve(f, provenance, problems);
        VocabularyCheck.check(ontology, facts, problems);

        // Everything asserted, in one graph: the reasoner's input and the dataset's asserted graph.
        Graph asserted = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(asserted::add);
        reportGraph.find().forEachRemaining(asserted::add);
        for (FactGraph f : facts) f.triples().forEach(asserted::add);
        provenance.find().forEachRemaining(asserted::add);
        long t1 = System.nanoTime();

        Closure closure = OwlRlReasoner.compile(ontology).materialise(asserted);
        FactLocator locator = new FactLocator(facts);
        for (Inconsistency i : closure.inconsistencies()) {
            Node about = i.premises().isEmpty() ? null : i.premises().get(0).getSubject();
            problems.add(locator.problem(about, "inconsistent (" + i.rule() + "): " + i.message()));
        }
        long t2 = System.nanoTime();

        Graph union = GraphFactory.createDefaultGraph();
        asserted.find().forEachRemaining(union::add);
        closure.inferred().find().forEachRemaining(union::add);
        // The text index builds from the finished graph while SHACL validates it (both only read it).
        Future<TextIndexLucene> text = SearchIndex.buildAhead(union);
        // A fact already reported (say, for a quote not in the report) would only be reported again by SHACL.
        ProblemCollector shaclProblems = new ProblemCollector();
        new ShapeValidator(shapes).validate(union, facts, shaclProblems);
        Set<String> reported = problems.problems().stream().map(Problem::fact).filter(Objects::nonNull).collect(Collectors.toSet());
        shaclProblems.problems().stream().filter(p -> p.fact() == null || !reported.contains(p.fact())).forEach(problems::add);
        problems.throwIfAny();
        long t3 = System.nanoTime();

        // After inference and validation: the external terms' labels and definitions are read, never reasoned on.
        long validated = union.size();
        TextIndexLucene index = SearchIndex.await(text); // it reads union: done before union grows
        Graph terms = Vocabularies.labelsOfUsedTerms(union, vocabularies);
        terms.find().forEachRemaining(union::add);
        SearchIndex.add(index, terms, union);

        FrozenDataset.Builder dsg = FrozenDataset.builder()
                .add(Quad.defaultGraphIRI, union.find())
                .add(Graphs.ASSERTED, asserted.find())
                .add(Graphs.INFERRED, closure.inferred().find())
                .add(Graphs.ONTOLOGY, ontology.find())
                .add(Graphs.REPORT, reportGraph.find())
                .add(Graphs.PROVENANCE, provenance.find())
                .add(Graphs.VOCABULARIES, vocabularies.find());
        for (FactGraph f : facts) dsg.add(f.name(), f.triples().iterator());
        KnowledgeGraph.Figures figures = new KnowledgeGraph.Figures(asserted.size(), closure.inferred().size(),
                union.size() - validated, union.size(), facts.size(),
                Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
        LOG.info("Knowledge graph built from {}: {}", sources.root(), figures);
        FrozenDataset frozen = dsg.freeze();
        SearchIndex.attach(frozen, index); // text:query and /api/search find it in the dataset's context
        return new KnowledgeGraph(frozen, closure, List.copyOf(facts), figures);
    }

    /** Parses a Turtle file, recording syntax errors with their line. */
    static Graph parseTurtle(Path file, ProblemCollector problems) {
        Graph g = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(file).lang(Lang.TURTLE).errorHandler(problems.errorHandlerFor(file)).parse(g);
        } catch (RiotException e) {
            // recorded by the error handler
        }
        return g;
    }
}
