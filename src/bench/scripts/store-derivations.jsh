// Measures what keeping the closure's derivations costs a TDB2 store: the load stage, the files' size, and a
// lookup. Run from the repository after `mvn -q -DskipTests package`:
//   jshell --feedback silent -R-Xmx4g --class-path target/fentanyl-kg-bench.jar src/bench/scripts/store-derivations.jsh
// Size (asserted synthetic triples) from the FKG_SIZE environment variable, default 300000.
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.store.KnowledgeGraphStore;
import org.apache.jena.graph.*;
import java.nio.file.*;

long size = Long.parseLong(System.getenv().getOrDefault("FKG_SIZE", "300000"));
Path dir = Files.createTempDirectory("fkg-store-derivations");
KnowledgeGraph kg = SyntheticKnowledgeGraph.build(42, size);
KnowledgeGraphStore.LoadReport report = KnowledgeGraphStore.at(dir).load(kg);
kg = null;
System.out.println("load: " + report);
Path gen = dir.resolve(report.generation());
long database = Files.walk(gen).filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("derivations.")).mapToLong(p -> p.toFile().length()).sum();
System.out.printf("files: derivations %.1f MB, index %.1f MB, database %.1f MB (TDB2's files, apparent size)%n", Files.size(gen.resolve("derivations.jsonl.blocks")) / 1e6, Files.size(gen.resolve("derivations.idx")) / 1e6, database / 1e6);

var served = KnowledgeGraphStore.at(dir).serve();
java.util.List<Triple> sample = new java.util.ArrayList<>();
served.executeRead(() -> {
    var it = served.getGraph(NodeFactory.createURI("https://w3id.org/fentanyl-kg/graph/inferred")).find();
    for (int i = 0; it.hasNext() && sample.size() < 1000; i++) { Triple t = it.next(); if (i % 97 == 0) sample.add(t); }
});
Runtime rt = Runtime.getRuntime();
System.gc();
long heapBefore = rt.totalMemory() - rt.freeMemory();
for (int round = 1; round <= 3; round++) {
    long t0 = System.nanoTime();
    int[] found = {0};
    served.executeRead(() -> { for (Triple t : sample) if (served.derivation(t).isPresent()) found[0]++; });
    System.out.printf("lookup round %d: %d of %d found, %.3f ms each%n", round, found[0], sample.size(), (System.nanoTime() - t0) / 1e6 / sample.size());
}
System.gc();
System.out.printf("heap after the lookups: %+.1f MB%n", (rt.totalMemory() - rt.freeMemory() - heapBefore) / 1e6);
served.close();
try (var files = Files.walk(dir)) { files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
/exit
