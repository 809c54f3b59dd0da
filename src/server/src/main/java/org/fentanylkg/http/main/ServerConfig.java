package org.fentanylkg.http.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;

/** Reads {@code fuseki-config.ttl} and pins its relative source folder to the file's own folder. */
public final class ServerConfig {
    public static final String FILE_NAME = "fuseki-config.ttl";

    private ServerConfig() {}

    /** The configuration model of {@code file} (on disk or inside the jar). */
    public static Model read(Path file) throws IOException {
        if (!Files.isReadable(file)) throw new IOException(file + ": configuration file not found or not readable");
        Model model = ModelFactory.createDefaultModel();
        try (var in = Files.newInputStream(file)) {
            RDFParser.source(in).lang(Lang.TURTLE).base("urn:fentanyl-kg:config").parse(model);
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Statement> relative = model.listStatements(null, KnowledgeGraphAssembler.SOURCES, (String) null)
                .filterKeep(s -> s.getObject().isLiteral()).toList();
        for (Statement s : relative) {
            Path resolved = folder.resolve(s.getString()).normalize();
            model.remove(s);
            model.add(s.getSubject(), KnowledgeGraphAssembler.SOURCES, model.createResource(resolved.toUri().toString()));
        }
        return model;
    }
}
