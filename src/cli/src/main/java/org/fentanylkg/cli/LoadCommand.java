package org.fentanylkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.store.KnowledgeGraphStore;
import org.fentanylkg.store.PrebuiltGeneration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Builds (or rebuilds) the persistent TDB2 store that {@code serve --tdb2} serves, or the prebuilt generation that
 * {@code serve} reads instead of building while the sources are unchanged.
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = {
        "Build the knowledge graph and write it to a TDB2 store: the asserted quads through the bulk loader,"
                + " then the closure, each in one transaction.",
        "Run again on changed sources to publish a new state: a server on the store switches to it atomically.",
        "With --generation, write it instead as files that `serve` reads in place of building it, as long as the"
                + " sources are byte for byte those it was built from (the build writes one for the packaged data)."})
final class LoadCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--tdb2", paramLabel = "DIR", required = true, description = "The store folder (created if absent).")
        Path store;

        @Option(names = "--generation", paramLabel = "DIR", required = true,
                description = "The prebuilt generation's folder (replaced if present): RDF Thrift, derivations, text index.")
        Path generation;
    }

    @Mixin SourcesOption sources;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KnowledgeGraph kg;
        String digest = target.generation != null ? PrebuiltGeneration.digest(sources.root()) : null;
        try {
            kg = sources.build();
        } catch (LoadException e) {
            var err = spec.commandLine().getErr();
            for (Problem p : e.problems()) err.println(p);
            err.println(e.problems().size() + " problem(s); " + (target.store != null ? "the store" : "the generation") + " was not changed.");
            return 1;
        }
        if (target.generation != null) {
            PrebuiltGeneration.write(kg, digest, target.generation);
            spec.commandLine().getOut().println("Wrote " + target.generation.toAbsolutePath().normalize() + ": " + kg.figures());
            return 0;
        }
        KnowledgeGraphStore.LoadReport report = KnowledgeGraphStore.at(target.store).load(kg);
        spec.commandLine().getOut().println("Loaded " + target.store + ": " + report);
        return 0;
    }
}
