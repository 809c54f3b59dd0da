package org.fentanylkg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.source.Sources;
import picocli.CommandLine.Option;

/**
 * The shared {@code --sources DIR} option. Without it a command run inside a repository reads the repository's
 * files, as {@code serve} does with ./fuseki-config.ttl: checking the copy packaged in the jar there would pass a
 * checkout whose own fact files are broken. Elsewhere it reads the embedded default data.
 */
final class SourcesOption {
    @Option(names = "--sources", paramLabel = "DIR",
            description = "Folder holding ontology/ and data/ (default: the current folder when it holds them, else the data packaged with the application).")
    Path dir;

    /** The folder the graph is built from. */
    Path root() throws IOException {
        if (dir != null) return dir;
        Path here = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(here.resolve(Sources.ONTOLOGY)) && Files.isDirectory(here.resolve(Sources.FACTS_DIR))) return here;
        return Sources.embeddedRoot();
    }

    KnowledgeGraph build() throws IOException, LoadException {
        return KnowledgeGraphBuilder.build(root());
    }
}
