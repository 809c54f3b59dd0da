package org.fentanylkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.store.KnowledgeGraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds (or rebuilds) the persistent TDB2 store that {@code serve --tdb2} serves. */
@Command(name = "load", mixinStandardHelpOptions = true, description = {
        "Build the knowledge graph and write it to a TDB2 store: the asserted quads through the bulk loader,"
                + " then the closure, each in one transaction.",
        "Run again on changed sources to publish a new state: a server on the store switches to it atomically."})
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--tdb2", paramLabel = "DIR", required = true, description = "The store folder (created if absent).")
    Path store;

    @Mixin SourcesOption sources;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KnowledgeGraph kg;
        try {
            kg = sources.build();
        } catch (LoadException e) {
            var err = spec.commandLine().getErr();
            for (Problem p : e.problems()) err.println(p);
            err.println(e.problems().size() + " problem(s); the store was not changed.");
            return 1;
        }
        KnowledgeGraphStore.LoadReport report = KnowledgeGraphStore.at(store).load(kg);
        spec.commandLine().getOut().println("Loaded " + store + ": " + report);
        return 0;
    }
}
