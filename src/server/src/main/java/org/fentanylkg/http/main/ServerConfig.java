package org.fentanylkg.http.main;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.http.linkeddata.PublicBase;
import org.fentanylkg.rdf.LocatingParser;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.rdf.ProblemCollector;
import org.fentanylkg.vocab.FKGC;

/**
 * Reads {@code fuseki-config.ttl}: every {@code fkgc:} term must be one of {@link FKGC} (a misspelt one would
 * otherwise be ignored, leaving a default in force silently), and the values that can be checked cheaply are;
 * each problem is reported as file:line. A relative {@code fkgc:sources} is pinned to the file's own folder.
 */
public final class ServerConfig {
    public static final String FILE_NAME = "fuseki-config.ttl";
    private static final String BASE = "urn:fentanyl-kg:config";

    private ServerConfig() {}

    /** What the value of a property must be. */
    private enum Kind {
        WHOLE_NUMBER("a whole number, 0 or more"),
        FOLDER("a path in quotes or a file: IRI"),
        FILE("a path in quotes"),
        HTTP_IRI("an absolute http(s) IRI");

        final String description;

        Kind(String description) { this.description = description; }
    }

    private static final Map<Property, Kind> VALUES = Map.ofEntries(
            Map.entry(FKGC.sources, Kind.FOLDER), Map.entry(FKGC.location, Kind.FOLDER),
            Map.entry(FKGC.resultCap, Kind.WHOLE_NUMBER), Map.entry(FKGC.maxQueryLength, Kind.WHOLE_NUMBER),
            Map.entry(FKGC.maxRequestBody, Kind.WHOLE_NUMBER), Map.entry(FKGC.maxRequestHeader, Kind.WHOLE_NUMBER),
            Map.entry(FKGC.adminPasswordFile, Kind.FILE),
            Map.entry(FKGC.responseCacheBytes, Kind.WHOLE_NUMBER), Map.entry(FKGC.answerCacheBytes, Kind.WHOLE_NUMBER),
            Map.entry(FKGC.shutdownGrace, Kind.WHOLE_NUMBER),
            Map.entry(FKGC.publicBase, Kind.HTTP_IRI));

    private record At<T>(T item, long line) {}

    /**
     * The configuration model of {@code file} (on disk or inside the jar). A syntax error, an unknown
     * {@code fkgc:} term or a value of the wrong kind is an IllegalArgumentException whose message lists each
     * problem as {@code file:line: message}.
     */
    public static Model read(Path file) throws IOException {
        if (!Files.isReadable(file)) throw new IOException(file + ": configuration file not found or not readable");
        ProblemCollector problems = new ProblemCollector();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(Problem.at(file, 0, "not valid UTF-8").toString());
        }
        Model model = ModelFactory.createDefaultModel();
        List<At<Node>> terms = new ArrayList<>();
        List<At<Triple>> statements = new ArrayList<>();
        try {
            LocatingParser.parse(text, Lang.TURTLE, BASE, problems.errorHandlerFor(file), StreamRDFLib.graph(model.getGraph()),
                    new LocatingParser.Positions() {
                        @Override public void iri(Node iri, long line, long column) {
                            if (isConfigTerm(iri)) terms.add(new At<>(iri, line));
                        }

                        @Override public void triple(Triple t, long line) {
                            if (isConfigTerm(t.getPredicate()) || isConfigTerm(t.getObject())) statements.add(new At<>(t, line));
                        }
                    });
        } catch (RiotException e) {
            // recorded by the error handler, with its line
        }
        if (problems.isEmpty()) check(file, terms, statements, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
        pinSources(model, file.toAbsolutePath().getParent());
        return model;
    }

    /** Sets {@code fkgc:publicBase} on the server node, replacing any the file gives ({@code serve --public-base}). */
    public static void publicBase(Model config, URI base) {
        config.removeAll(null, FKGC.publicBase, null);
        Resource server = config.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).nextOptional()
                .orElseGet(config::createResource);
        server.addProperty(FKGC.publicBase, config.createResource(base.toString()));
    }

    private static boolean isConfigTerm(Node n) { return n.isURI() && n.getURI().startsWith(FKGC.NS); }

    private static void check(Path file, List<At<Node>> terms, List<At<Triple>> statements, ProblemCollector problems) {
        Map<String, Resource> known = new LinkedHashMap<>();
        for (Resource r : FKGC.terms()) known.put(r.getURI(), r);
        for (At<Node> t : terms) {
            if (known.containsKey(t.item().getURI()) || t.item().getURI().equals(FKGC.NS)) continue;
            problems.add(Problem.at(file, t.line(), "unknown configuration term " + shortForm(t.item()) + suggestion(t.item(), known.values())
                    + "; known: " + known.values().stream().map(FKGC::shortForm).collect(Collectors.joining(", "))));
        }
        Map<List<Node>, Long> given = new HashMap<>();
        for (At<Triple> s : statements) {
            Triple t = s.item();
            Resource predicate = known.get(t.getPredicate().getURI());
            Resource object = t.getObject().isURI() ? known.get(t.getObject().getURI()) : null;
            if (predicate != null && !(predicate instanceof Property)) {
                problems.add(Problem.at(file, s.line(), FKGC.shortForm(predicate) + " is a class (the rdf:type of a dataset), not a property"));
            }
            if (object instanceof Property && t.getPredicate().equals(RDF.type.asNode())) {
                problems.add(Problem.at(file, s.line(), FKGC.shortForm(object) + " is a property, not a class"));
            }
            if (!(predicate instanceof Property p)) continue;
            Long first = given.putIfAbsent(List.of(t.getSubject(), t.getPredicate()), s.line());
            if (first != null) {
                problems.add(Problem.at(file, s.line(), FKGC.shortForm(p) + " is given again (first at line " + first + "); give it once"));
            }
            Kind kind = VALUES.get(p);
            Optional<String> wrong = kind == null ? Optional.empty() : wrongValue(kind, t.getObject());
            wrong.ifPresent(why -> problems.add(Problem.at(file, s.line(), FKGC.shortForm(p) + " must be " + kind.description + ", not " + why)));
        }
    }

    /** Why {@code value} is not of {@code kind}, if it is not. */
    private static Optional<String> wrongValue(Kind kind, Node value) {
        String shown = value.isLiteral() ? "\"" + value.getLiteralLexicalForm() + "\"" : value.isURI() ? "<" + value.getURI() + ">" : "a blank node";
        switch (kind) {
            case WHOLE_NUMBER -> {
                if (value.isLiteral()) {
                    try {
                        if (Long.parseLong(value.getLiteralLexicalForm().strip()) >= 0) return Optional.empty();
                    } catch (NumberFormatException e) {
                        // falls through to the message
                    }
                }
                return Optional.of(shown);
            }
            case FOLDER -> {
                if (value.isLiteral()) return Optional.empty();
                if (value.isURI() && (value.getURI().startsWith("file:") || value.getURI().startsWith("jar:"))) return Optional.empty();
                return Optional.of(shown);
            }
            case FILE -> {
                return value.isLiteral() ? Optional.empty() : Optional.of(shown);
            }
            case HTTP_IRI -> {
                if (!value.isURI() && !value.isLiteral()) return Optional.of(shown);
                try {
                    PublicBase.iri(value.isURI() ? value.getURI() : value.getLiteralLexicalForm().strip(), "");
                    return Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.of(shown);
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** A known term that differs only in case, the usual misspelling. */
    private static String suggestion(Node unknown, Iterable<Resource> known) {
        for (Resource r : known) {
            if (r.getURI().equalsIgnoreCase(unknown.getURI())) return " (did you mean " + FKGC.shortForm(r) + "?)";
        }
        return "";
    }

    private static String shortForm(Node term) { return "fkgc:" + term.getURI().substring(FKGC.NS.length()); }

    /** Replaces each relative {@code fkgc:sources} (a string) by the file: (or jar:) IRI of that folder under {@code folder}. */
    private static void pinSources(Model model, Path folder) {
        List<Statement> relative = model.listStatements(null, FKGC.sources, (String) null)
                .filterKeep(s -> s.getObject().isLiteral()).toList();
        for (Statement s : relative) {
            Path resolved = folder.resolve(s.getString()).normalize();
            model.remove(s);
            model.add(s.getSubject(), FKGC.sources, model.createResource(resolved.toUri().toString()));
        }
    }
}
