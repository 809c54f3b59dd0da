package org.fentanylkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The command line run in-process through picocli: help, {@code query} with prefixes and saved queries, {@code explain}'s prefixes, {@code serve}'s port. */
class CommandLineTest {
    private static CliRun run(String... args) { return CliRun.of(args); }

    @Test
    void everySubcommandAnswersHelpAndHelpCommand() {
        Set<String> names = new TreeSet<>(Main.commandLine().getSubcommands().keySet());
        names.remove("help");
        assertEquals(Set.of("serve", "query", "explain", "validate", "load"), names);
        for (String name : names) {
            CliRun help = run(name, "--help");
            assertEquals(0, help.exit(), name + ": " + help.err());
            String usage = help.out();
            assertTrue(usage.startsWith("Usage: fentanyl-kg " + name + " "), usage);
            assertTrue(usage.contains("-h, --help"), name + ": " + usage);
            CliRun viaHelp = run("help", name);
            assertEquals(0, viaHelp.exit(), name + ": " + viaHelp.err());
            assertEquals(usage, viaHelp.out(), name);
            CliRun version = run(name, "--version");
            assertEquals("fentanyl-kg 0.1.0", version.out().strip(), name);
        }
        CliRun unknown = run("help", "nosuch");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("nosuch"), unknown.err());
    }

    @Test
    void queryKnowsTheSharedPrefixes() {
        // no PREFIX line: fkg:, fkr: and prov: as on Wikidata's query service; the year and the report sentence of the fact
        CliRun r = run("query", "--sources", ".", "--format", "csv",
                "SELECT ?year ?source WHERE { GRAPH ?fact { fkr:fentanyl fkg:firstSynthesized ?year } ?fact prov:wasDerivedFrom ?source }"
                        + " ORDER BY ?source");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("year,source", lines.get(0));
        assertTrue(lines.contains("1959,https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p3-s1"), r.out());
    }

    @Test
    void aQueryStillReadsItsOwnPrefixesAndReportsSyntaxErrors() {
        CliRun bad = run("query", "--sources", ".", "SELECT ?x WHERE { ?x fkx:precursorOf fkr:fentanyl }");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("fkx"), bad.err());
        assertFalse(bad.err().contains("\tat "), bad.err());
        CliRun neither = run("query", "--sources", ".");
        assertEquals(2, neither.exit());
        assertEquals("error: give either a QUERY or --saved NAME\n", neither.err());
        CliRun both = run("query", "--sources", ".", "--saved", "designations", "SELECT * { ?s ?p ?o }");
        assertEquals(2, both.exit());
        assertEquals("error: give either a QUERY or --saved NAME, not both\n", both.err());
    }

    @Test
    void querySavedWithParameters() {
        // the February 2025 FTO and SDGT designations took effect on 2025-02-20; limit 3 keeps the first three by label
        CliRun r = run("query", "--sources", ".", "--format", "csv", "--saved", "designations-in-force",
                "--param", "date=2025-02-20", "--param", "limit=3");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("onDate,inForceFrom,designationTypeLabel,designeeLabel,designatedByLabel,dateSigned,dateEffective,designation", lines.get(0));
        assertEquals(4, lines.size(), r.out());
        assertEquals(List.of("Cártel del Noreste", "Cárteles Unidos", "Gulf Cartel"), lines.subList(1, 4).stream().map(l -> l.split(",")[3]).toList());
        for (String row : lines.subList(1, 4)) {
            assertTrue(row.startsWith("2025-02-20,2025-02-20,Foreign Terrorist Organization designation,"), row);
        }
    }

    @Test
    void anUnknownSavedQueryOrParameterIsNamed() {
        CliRun unknown = run("query", "--sources", ".", "--saved", "designations-in-farce");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("error: no saved query 'designations-in-farce'; saved queries: "), unknown.err());
        assertTrue(unknown.err().contains("designations-in-force"), unknown.err());

        CliRun param = run("query", "--sources", ".", "--saved", "designations-in-force", "--param", "when=2025-02-20");
        assertEquals(2, param.exit());
        assertEquals("error: saved query 'designations-in-force': parameter 'when': query 'designations-in-force' has no such parameter;"
                + " expected one of this query's parameters: date, limit, offset\n", param.err());

        CliRun value = run("query", "--sources", ".", "--saved", "designations-in-force", "--param", "date=yesterday");
        assertEquals(2, value.exit());
        assertTrue(value.err().contains("parameter 'date': 'yesterday' is not a valid xsd:date"), value.err());

        CliRun form = run("query", "--sources", ".", "--saved", "designations-in-force", "--param", "2025-02-20");
        assertEquals(2, form.exit());
        assertTrue(form.err().startsWith("error: --param '2025-02-20': write NAME=VALUE"), form.err());

        CliRun noSaved = run("query", "--sources", ".", "--param", "date=2025-02-20", "SELECT * { ?s ?p ?o }");
        assertEquals(2, noSaved.exit());
        assertEquals("error: --param applies to a saved query (--saved NAME)\n", noSaved.err());
    }

    @Test
    void explainNamesAnUnknownPrefix() {
        CliRun r = run("explain", "--sources", ".", "fkx:fentanyl", "fkg:precursorOf", "fkr:npp");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: SUBJECT: unknown prefix 'fkx:' in 'fkx:fentanyl'; known prefixes: fkg:, fkr:, "), r.err());
        assertFalse(r.err().contains("not in the graph"), r.err());
        CliRun predicate = run("explain", "--sources", ".", "fkr:fentanyl", "fkgg:precursorOf", "fkr:npp");
        assertEquals(2, predicate.exit());
        assertTrue(predicate.err().startsWith("error: PREDICATE: unknown prefix 'fkgg:'"), predicate.err());
    }

    @Test
    void serveFailsAtOnceOnAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            // a configuration that does not exist: reading it (the first step of the build) would fail with another message
            CliRun r = run("serve", "--host", "127.0.0.1", "--port", String.valueOf(port), "--config", "no-such-dir/fuseki-config.ttl");
            assertEquals(1, r.exit(), r.err());
            assertEquals("", r.out());
            List<String> lines = r.err().lines().toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("error: port " + port + " on 127.0.0.1 is already in use"), r.err());
            assertFalse(r.err().contains("no-such-dir"), r.err());
        }
    }

    @Test
    void serveWithAMissingConfigurationSaysSoWhenThePortIsFree() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // the counterpart of the test above: without the port taken, the same command fails on the configuration
        CliRun r = run("serve", "--host", "127.0.0.1", "--port", String.valueOf(port), "--config", "no-such-dir/fuseki-config.ttl");
        assertTrue(r.exit() != 0, r.out());
        assertTrue(r.err().contains("no-such-dir"), r.err());
        assertFalse(Arrays.stream(r.err().split("\n")).anyMatch(l -> l.contains("already in use")), r.err());
    }
}
