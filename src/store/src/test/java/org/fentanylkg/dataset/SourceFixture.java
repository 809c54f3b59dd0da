package org.fentanylkg.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A copy of the repository's sources in a temporary folder, to break on purpose. */
public final class SourceFixture {
    private SourceFixture() {}

    public static final String PREFIXES = """
            @prefix fkg: <https://w3id.org/fentanyl-kg/ontology#> .
            @prefix fkr: <https://w3id.org/fentanyl-kg/id/> .
            @prefix fact: <https://w3id.org/fentanyl-kg/fact/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix org: <http://www.w3.org/ns/org#> .
            """;

    /** Copies ontology/ and data/ from the working directory (the repository) into {@code dir}. */
    public static Path copyRepository(Path dir) {
        for (String part : new String[] {"ontology", "data"}) copyTree(Path.of(part), dir.resolve(part));
        return dir;
    }

    /** Adds a fact file with the standard prefixes. */
    public static Path addFactFile(Path root, String name, String body) {
        try {
            return Files.writeString(root.resolve("data/facts").resolve(name), PREFIXES + body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
