package org.fentanylkg.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Triple;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.explain.Explanation;
import org.fentanylkg.explain.ExplanationJson;
import org.fentanylkg.explain.ExplanationText;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.explain.TermException;
import org.fentanylkg.explain.Terms;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Why does the graph hold a triple: the derivation down to asserted facts, each with its evidence. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = {
        "Explain a triple: the rule and premises of an inferred triple, recursively, down to asserted facts with"
                + " their evidence (quote of the report or public source).",
        "Terms: <IRI>, a bare IRI, or a prefixed name of the shared prefixes (fkg:, fkr:, fact:, report:, rdf:, rdfs:, owl:, xsd:, prov:, ...; a mistyped one is reported with the list);"
                + " 'a' for rdf:type; the object may be a literal such as '\"1959\"^^xsd:gYear'.",
        "Example: explain fkr:4-piperidone a fkg:FentanylPrecursor"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:explained", "1:the triple is not in the graph, or the sources do not load", "2:a term cannot be read"})
final class ExplainCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "SUBJECT") String subject;
    @Parameters(index = "1", paramLabel = "PREDICATE") String predicate;
    @Parameters(index = "2", paramLabel = "OBJECT") String object;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin SourcesOption sources;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Triple t;
        try {
            t = Terms.triple(subject, predicate, object);
        } catch (TermException e) {
            err.println("error: " + (e.part().equals("s") ? "SUBJECT" : e.part().equals("p") ? "PREDICATE" : "OBJECT") + ": " + e.problem());
            return 2;
        }
        KnowledgeGraph kg;
        try {
            kg = sources.build();
        } catch (LoadException e) {
            for (Problem p : e.problems()) err.println(p);
            return 1;
        }
        Optional<Explanation> why = kg.explainer().explain(t);
        if (why.isEmpty()) {
            err.println("not in the graph (neither asserted nor inferred): " + Prefixes.shortForm(t.getSubject()) + " "
                    + Prefixes.shortForm(t.getPredicate()) + " " + Prefixes.shortForm(t.getObject()));
            return 1;
        }
        Labels labels = kg.labels();
        if (format == Format.json) out.println(new ExplanationJson(labels).write(why.get()));
        else new ExplanationText(labels).write(why.get(), out);
        out.flush();
        return 0;
    }
}
