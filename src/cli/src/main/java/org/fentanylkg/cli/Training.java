package org.fentanylkg.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fentanylkg.source.Sources;

/**
 * The build's class-data-sharing training run ({@code serve --train-and-exit} under
 * {@code -XX:ArchiveClassesAtExit}): what a served request loads, loaded once, so that the archive the build writes
 * (target/fentanyl-kg.jsa) holds it and a start with {@code -XX:SharedArchiveFile} maps it instead of loading it.
 */
final class Training {
    private Training() {}

    static void run(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        Path queries = Sources.embeddedRoot().resolve("queries");
        List<Path> files;
        try (Stream<Path> s = Files.list(queries)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        for (Path f : files) {
            String q = URLEncoder.encode(Files.readString(f), StandardCharsets.UTF_8);
            for (String accept : List.of("application/sparql-results+json", "text/csv")) {
                get(http, base + "/kg/sparql?query=" + q, accept);
            }
        }
        for (String path : List.of("/", "/id/sinaloa-cartel", "/api/queries", "/api/queries/timeline", "/ontology", "/$/ping", "/$/metrics")) {
            get(http, base + path, "text/html");
        }
        get(http, base + "/kg/sparql?query=" + URLEncoder.encode("DESCRIBE <https://w3id.org/fentanyl-kg/id/sinaloa-cartel>", StandardCharsets.UTF_8), "text/turtle");
    }

    private static void get(HttpClient http, String url, String accept) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(), HttpResponse.BodyHandlers.discarding());
    }
}
