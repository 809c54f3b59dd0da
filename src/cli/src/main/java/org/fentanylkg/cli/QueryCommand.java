package org.fentanylkg.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a SPARQL query against the built graph, without a server. */
@Command(name = "query", description = "Run a SPARQL query (a .rq file or the query text) against the built graph.")
final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, tsv, json }

    @Parameters(paramLabel = "QUERY", description = "A .rq file, or the query itself.")
    String query;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, csv, tsv or json (SELECT/ASK); default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin SourcesOption sources;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Path file = Path.of(query.length() < 4096 ? query : "-");
        boolean isFile = query.endsWith(".rq") || (query.length() < 4096 && Files.isRegularFile(file));
        if (isFile && !Files.isRegularFile(file)) {
            err.println("error: query file not found: " + query);
            return 2;
        }
        String text = isFile ? Files.readString(file) : query;
        Query q;
        try {
            q = QueryFactory.create(text);
        } catch (QueryParseException e) {
            err.println("error: " + (isFile ? query + ": " : "") + e.getMessage());
            return 2;
        }
        Dataset ds;
        try {
            ds = DatasetFactory.wrap(sources.build().dataset());
        } catch (LoadException e) {
            for (Problem p : e.problems()) err.println(p);
            return 1;
        }
        PrintStream out = System.out;
        try (QueryExecution qe = QueryExecution.create(q, ds)) {
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
                else out.println(b);
            } else if (q.isConstructType() || q.isDescribeType()) {
                RDFDataMgr.write(out, q.isConstructType() ? qe.execConstruct() : qe.execDescribe(), Lang.TURTLE);
            } else {
                RDFDataMgr.write(out, qe.execConstructDataset(), Lang.TRIG);
            }
        }
        out.flush();
        return 0;
    }
}
