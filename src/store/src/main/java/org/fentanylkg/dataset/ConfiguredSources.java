package org.fentanylkg.dataset;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKGC;

/**
 * The one reading of {@code fkgc:sources} (and of any other folder-valued term, such as {@code fkgc:location}):
 * a {@code file:} or {@code jar:} IRI, as {@code ServerConfig} leaves a relative path after resolving it
 * against the configuration's folder, or a path as written.
 */
public final class ConfiguredSources {
    private ConfiguredSources() {}

    /** The folder a {@code fkgc:KnowledgeGraph} dataset is built from, if it names one. */
    public static Optional<Path> of(Resource dataset) {
        Statement s = dataset.getProperty(FKGC.sources);
        return s == null ? Optional.empty() : Optional.of(path(s.getObject(), FKGC.sources));
    }

    /** The sources of the configuration's {@code fkgc:KnowledgeGraph} dataset, if it declares one. */
    public static Optional<Path> of(Model config) {
        for (Resource ds : config.listResourcesWithProperty(RDF.type, FKGC.KnowledgeGraph).toList()) {
            Optional<Path> p = of(ds);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    /** A folder-valued term's value as a path; an IllegalArgumentException naming the term when it is not one. */
    public static Path path(RDFNode value, Property term) {
        try {
            if (value.isURIResource()) return Path.of(URI.create(value.asResource().getURI()));
            if (value.isLiteral()) return Path.of(value.asLiteral().getLexicalForm());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) { // InvalidPathException included
            throw new IllegalArgumentException(FKGC.shortForm(term) + " " + value + " is not a folder: give a path or a file: IRI");
        }
        throw new IllegalArgumentException(FKGC.shortForm(term) + " must be a path or a file: IRI, not a blank node");
    }
}
