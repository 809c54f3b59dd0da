package org.fentanylkg.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.fentanylkg.queries.ParameterException;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.vocab.Prefixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a SPARQL query, or a saved query with parameters, against the built graph, without a server. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL query (a .rq file or the query text) or a saved query of queries/ against the built graph.",
                "The shared prefixes (fkg:, fkr:, fact:, report:, rdf:, rdfs:, owl:, xsd:, skos:, dcterms:, prov:, org:, foaf:,"
                        + " nif:, ...) are known: a query may use them without PREFIX lines.",
                "Example: query --saved designations-in-force --param date=2025-01-01"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:answered", "1:the sources do not load", "2:the query, the saved query or a parameter cannot be used"})
final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, tsv, json }

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "A .rq file, or the query itself (not with --saved).")
    String query;

    @Option(names = "--saved", paramLabel = "NAME", description = "Run the saved query NAME (a file name of queries/ without .rq), as /api/queries/NAME does.")
    String saved;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A parameter of the saved query, as the saved-query API takes it (also limit, offset, page); repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, csv, tsv or json (SELECT/ASK); default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin SourcesOption sources;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if ((query == null) == (saved == null)) {
            err.println("error: give either a QUERY or --saved NAME" + (query == null ? "" : ", not both"));
            return 2;
        }
        if (saved == null && !params.isEmpty()) {
            err.println("error: --param applies to a saved query (--saved NAME)");
            return 2;
        }
        Query q;
        try {
            q = saved != null ? savedQuery() : parse();
        } catch (UsageError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Dataset ds;
        try {
            ds = DatasetFactory.wrap(sources.build().dataset());
        } catch (LoadException e) {
            for (Problem p : e.problems()) err.println(p);
            return 1;
        }
        // The answer is written as bytes (UTF-8) by Jena's writers, then passed to the command's writer.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (QueryExecution qe = QueryExecution.create(q, ds)) {
            write(q, qe, bytes);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    /** The query text of the QUERY argument, parsed with the shared prefixes declared. */
    private Query parse() throws Exception {
        Path file = Path.of(query.length() < 4096 ? query : "-");
        boolean isFile = query.endsWith(".rq") || (query.length() < 4096 && Files.isRegularFile(file));
        if (isFile && !Files.isRegularFile(file)) throw new UsageError("query file not found: " + query);
        String text = isFile ? Files.readString(file) : query;
        Query q = new Query();
        // the query's own PREFIX lines, parsed after these, override them
        q.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(Prefixes.PREFIXES));
        try {
            return QueryFactory.parse(q, text, null, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new UsageError((isFile ? query + ": " : "") + e.getMessage());
        }
    }

    /** The saved query {@link #saved} with the {@link #params} bound, as the saved-query API binds a request. */
    private Query savedQuery() throws Exception {
        SavedQueryCatalog catalog;
        try {
            catalog = SavedQueryCatalog.load(sources.root().resolve(SavedQueryCatalog.DIRECTORY));
        } catch (LoadException e) {
            throw new UsageError(e.getMessage());
        }
        Optional<SavedQuery> found = catalog.get(saved);
        if (found.isEmpty()) {
            throw new UsageError("no saved query '" + saved + "'; saved queries: "
                    + String.join(", ", catalog.all().stream().map(SavedQuery::name).toList()));
        }
        Map<String, List<String>> request = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new UsageError("--param '" + p + "': write NAME=VALUE, e.g. --param date=2025-01-01");
            request.computeIfAbsent(p.substring(0, eq), k -> new ArrayList<>()).add(p.substring(eq + 1));
        }
        try {
            return found.get().bind(request);
        } catch (ParameterException e) {
            throw new UsageError("saved query '" + saved + "': " + e.getMessage());
        }
    }

    private void write(Query q, QueryExecution qe, OutputStream out) {
        if (q.isSelectType()) {
            var rs = qe.execSelect();
            switch (format) {
                case table -> ResultSetFormatter.out(out, rs, q.getPrologue());
                case csv -> ResultsWriter.create().lang(ResultSetLang.RS_CSV).write(out, rs);
                case tsv -> ResultsWriter.create().lang(ResultSetLang.RS_TSV).write(out, rs);
                case json -> ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(out, rs);
            }
        } else if (q.isAskType()) {
            boolean b = qe.execAsk();
            if (format == Format.json) ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, b);
            else new PrintWriter(out, true, StandardCharsets.UTF_8).println(b);
        } else if (q.isConstructType() || q.isDescribeType()) {
            RDFDataMgr.write(out, q.isConstructType() ? qe.execConstruct() : qe.execDescribe(), Lang.TURTLE);
        } else {
            RDFDataMgr.write(out, qe.execConstructDataset(), Lang.TRIG);
        }
    }

    /** A mistake in the command line: reported in one line, exit code 2. */
    private static final class UsageError extends Exception {
        UsageError(String message) { super(message); }
    }
}
