package org.fentanylkg.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.source.Sources;
import picocli.CommandLine.Option;

/** The shared {@code --sources DIR} option: the repository to build from, or the embedded default data. */
final class SourcesOption {
    @Option(names = "--sources", paramLabel = "DIR",
            description = "Folder holding ontology/ and data/ (default: the data packaged with the application).")
    Path dir;

    KnowledgeGraph build() throws IOException, LoadException {
        return KnowledgeGraphBuilder.build(dir != null ? dir : Sources.embeddedRoot());
    }
}
