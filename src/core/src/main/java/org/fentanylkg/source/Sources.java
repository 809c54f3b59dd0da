package org.fentanylkg.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the knowledge graph is built from: a root holding {@code ontology/}, {@code data/report/} and
 * {@code data/facts/}. The root is the repository on disk, or the copy packaged inside the jar (read through
 * the zip file system), so the service runs on its embedded default data from the jar alone.
 * {@link #vocabularies()} are the published files of the external vocabularies the graph reuses, for their
 * labels and definitions; they are listed here rather than found, so that a missing one is a load problem.
 */
public record Sources(Path root, Path ontology, Path shapes, Path report, List<Path> factFiles, List<Path> vocabularies) {

    public static final String ONTOLOGY = "ontology/fentanyl-kg.ttl";
    public static final String SHAPES = "ontology/shapes.ttl";
    public static final String REPORT_DIR = "data/report";
    public static final String FACTS_DIR = "data/facts";
    public static final String VOCABULARIES_DIR = "ontology/vocabularies";
    /** The vocabulary files shipped in {@link #VOCABULARIES_DIR} (origins and licences in its README.md). */
    public static final List<String> VOCABULARY_FILES = List.of(
            "rdf.ttl", "rdfs.ttl", "owl.nq", "skos.nq", "dcterms.ttl", "foaf.nq", "vann.nq",
            "org.ttl", "prov-o.ttl", "nif-core.ttl");

    /** The sources under {@code root}; a missing part is an IOException that names it. */
    public static Sources at(Path root) throws IOException {
        Path ontology = required(root.resolve(ONTOLOGY));
        Path shapes = required(root.resolve(SHAPES));
        Path reportDir = required(root.resolve(REPORT_DIR));
        List<Path> reports = list(reportDir, ".txt");
        if (reports.size() != 1) {
            throw new IOException(reportDir + ": expected exactly one report (*.txt), found " + reports.size());
        }
        List<Path> facts = list(required(root.resolve(FACTS_DIR)), ".trig");
        Path vocabularyDir = root.resolve(VOCABULARIES_DIR);
        List<Path> vocabularies = VOCABULARY_FILES.stream().map(vocabularyDir::resolve).toList();
        return new Sources(root, ontology, shapes, reports.get(0), facts, vocabularies);
    }

    /** The root packaged with the application: the jar's root, or target/classes when run from a build. */
    public static Path embeddedRoot() throws IOException {
        URL marker = Sources.class.getClassLoader().getResource(ONTOLOGY);
        if (marker == null) throw new IOException("no embedded sources on the classpath (" + ONTOLOGY + ")");
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    return FileSystems.getFileSystem(uri).getPath("/");
                } catch (FileSystemNotFoundException e) {
                    return FileSystems.newFileSystem(uri, Map.of()).getPath("/");
                }
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IOException("bad classpath location " + marker, e);
        }
    }

    private static Path required(Path p) throws IOException {
        if (!Files.exists(p)) throw new IOException(p + ": not found");
        if (!Files.isReadable(p)) throw new IOException(p + ": not readable");
        return p;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
