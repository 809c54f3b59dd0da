package org.fentanylkg.bench.synthetic;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.vocab.FKG;

/**
 * A deterministic generator of data shaped like the knowledge graph, for scale benchmarks:
 * <pre>  SyntheticGraph.seed(42).triples(1_000_000).generate(triple -&gt; ...);</pre>
 *
 * <p>It emits blocks until the target number of triples is reached. A block holds an executive department with
 * agencies (and sometimes sub-agencies) under it, statutes and executive orders administered by them and amending
 * those of the previous block, criminal organizations in a parent–faction hierarchy that collaborate with the
 * previous block's, designations of them (the ontology's four designation types, under the block's statutes),
 * and chemicals in precursor chains of depth 1–8 that end at fentanyl or at a block's own drug, some placed under
 * control. Every inference rule the real graph exercises fires here: subclass and subproperty, domain and range,
 * inverse, symmetric and transitive properties, property chains, hasValue and someValuesFrom restrictions.
 *
 * <p>All generated resources live under {@link #NS} and are labelled "synthetic ...": nothing here is a fact.
 * The same seed and size always give the same triples in the same order.
 */
public final class SyntheticGraph {
    /** Namespace of every generated resource; never used by the curated data. */
    public static final String NS = FKG.BASE + "synthetic/";

    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final Node[] DESIGNATION_TYPES = {
            res("fto-designation-type"), res("sdgt-designation-type"),
            res("eo14059-sanctions-designation-type"), res("pmlc-designation-type")};
    private static final Node[] ORG_CLASSES = {
            FKG.term("Cartel"), FKG.term("TransnationalCriminalOrganization"),
            FKG.term("MoneyLaunderingOrganization"), FKG.term("CriminalOrganization")};
    private static final Node FENTANYL = res("fentanyl");
    private static final Node SUB_ORG = NodeFactory.createURI(ORG + "subOrganizationOf");
    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();

    private final long seed;
    private long target = 10_000;

    private SyntheticGraph(long seed) { this.seed = seed; }

    public static SyntheticGraph seed(long seed) { return new SyntheticGraph(seed); }

    /** How many triples to emit, at least (a block is never cut short; blocks are ~60 triples). */
    public SyntheticGraph triples(long target) {
        if (target < 1) throw new IllegalArgumentException("triples must be positive: " + target);
        this.target = target;
        return this;
    }

    /** Emits the triples, in a fixed order; returns how many. */
    public long generate(Consumer<Triple> sink) {
        Emitter out = new Emitter(sink);
        SplittableRandom rnd = new SplittableRandom(seed);
        Node[] countries = new Node[3];
        for (int i = 0; i < countries.length; i++) {
            countries[i] = syn("country/" + i);
            out.add(countries[i], TYPE, FKG.term("Country"));
            out.add(countries[i], LABEL, label("synthetic country " + i));
        }
        Node government = syn("government");
        out.add(government, TYPE, FKG.term("GovernmentBody"));
        out.add(government, LABEL, label("synthetic government"));
        Block previous = null;
        for (int b = 0; out.count < target; b++) previous = block(b, rnd, out, countries, government, previous);
        return out.count;
    }

    /** The triples as an in-memory graph. */
    public Graph generate() {
        Graph g = GraphFactory.createDefaultGraph();
        generate(g::add);
        return g;
    }

    private record Block(Node statute, Node organization) {}

    private static Block block(int b, SplittableRandom rnd, Emitter out, Node[] countries, Node government, Block previous) {
        String p = b + "/";
        // Government: a department, 2-4 agencies under it, sometimes an office under an agency.
        Node dept = syn("department/" + b);
        out.add(dept, TYPE, FKG.term("ExecutiveDepartment"));
        out.add(dept, LABEL, label("synthetic department " + b));
        out.add(dept, SUB_ORG, government);
        int agencyCount = 2 + rnd.nextInt(3);
        Node[] agencies = new Node[agencyCount];
        for (int a = 0; a < agencyCount; a++) {
            agencies[a] = syn("agency/" + p + a);
            out.add(agencies[a], TYPE, FKG.term("GovernmentAgency"));
            out.add(agencies[a], LABEL, label("synthetic agency " + b + "." + a));
            out.add(agencies[a], SUB_ORG, a > 0 && rnd.nextInt(4) == 0 ? agencies[a - 1] : dept);
        }
        // Statutes: an act and an executive order, administered by agencies; each amends the previous block's.
        Node act = syn("statute/" + p + "act");
        out.add(act, TYPE, FKG.term("Act"));
        out.add(act, LABEL, label("synthetic act " + b));
        out.add(act, FKG.term("administeredBy"), agencies[rnd.nextInt(agencyCount)]);
        if (previous != null) out.add(act, FKG.term("amends"), previous.statute());
        Node order = syn("statute/" + p + "eo");
        out.add(order, TYPE, FKG.term("ExecutiveOrder"));
        out.add(order, LABEL, label("synthetic executive order " + b));
        out.add(order, FKG.term("administeredBy"), agencies[rnd.nextInt(agencyCount)]);
        out.add(order, FKG.term("implements"), act);
        Node[] statutes = {act, order};

        // Chemicals: 1-2 precursor chains of depth 1-8, ending at fentanyl or at the block's own drug.
        Node drug = syn("chemical/" + p + "drug");
        out.add(drug, TYPE, rnd.nextBoolean() ? FKG.term("SyntheticOpioid") : FKG.term("Stimulant"));
        out.add(drug, LABEL, label("synthetic drug " + b));
        int chains = 1 + rnd.nextInt(2);
        Node someChemical = drug;
        for (int c = 0; c < chains; c++) {
            int depth = 1 + rnd.nextInt(8);
            Node next = rnd.nextInt(10) < 3 ? FENTANYL : drug;
            for (int s = depth - 1; s >= 0; s--) {
                Node chem = syn("chemical/" + p + c + "-" + s);
                out.add(chem, TYPE, FKG.term("Chemical"));
                out.add(chem, LABEL, label("synthetic chemical " + b + "." + c + "." + s));
                out.add(chem, FKG.term("directPrecursorOf"), next);
                if (rnd.nextInt(3) == 0) {
                    Node decision = syn("control/" + p + c + "-" + s);
                    out.add(decision, TYPE, FKG.term("ControlDecision"));
                    out.add(decision, FKG.term("controlledChemical"), chem);
                    out.add(decision, FKG.term("controllingParty"), agencies[rnd.nextInt(agencyCount)]);
                }
                next = chem;
            }
            someChemical = next;
        }

        // Organizations: 3-6, the first the parent of the others; designations of 0-2 types each.
        int orgCount = 3 + rnd.nextInt(4);
        Node parent = null;
        for (int o = 0; o < orgCount; o++) {
            Node org = syn("organization/" + p + o);
            out.add(org, TYPE, ORG_CLASSES[rnd.nextInt(ORG_CLASSES.length)]);
            out.add(org, LABEL, label("synthetic organization " + b + "." + o));
            out.add(org, FKG.term("basedIn"), countries[rnd.nextInt(countries.length)]);
            if (parent != null) out.add(org, SUB_ORG, parent);
            else if (previous != null) out.add(org, FKG.term("collaboratesWith"), previous.organization());
            if (rnd.nextBoolean()) out.add(org, FKG.term("supplies"), rnd.nextBoolean() ? drug : someChemical);
            int designations = rnd.nextInt(3);
            for (int d = 0; d < designations; d++) {
                Node des = syn("designation/" + p + o + "-" + d);
                out.add(des, TYPE, FKG.term("Designation"));
                out.add(des, LABEL, label("synthetic designation " + b + "." + o + "." + d));
                out.add(des, FKG.term("designee"), org);
                out.add(des, FKG.term("designationType"), DESIGNATION_TYPES[rnd.nextInt(DESIGNATION_TYPES.length)]);
                out.add(des, FKG.term("legalAuthority"), statutes[rnd.nextInt(statutes.length)]);
                out.add(des, FKG.term("dateEffective"), NodeFactory.createLiteralDT(
                        String.format("20%02d-%02d-%02d", 10 + rnd.nextInt(16), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
                        XSDDatatype.XSDdate));
            }
            if (parent == null) parent = org;
        }
        return new Block(act, parent);
    }

    private static Node syn(String local) { return NodeFactory.createURI(NS + local); }

    private static Node res(String local) { return NodeFactory.createURI(FKG.RESOURCE + local); }

    private static Node label(String text) { return NodeFactory.createLiteralLang(text, "en"); }

    private static final class Emitter {
        private final Consumer<Triple> sink;
        long count;

        Emitter(Consumer<Triple> sink) { this.sink = sink; }

        void add(Node s, Node p, Node o) {
            sink.accept(Triple.create(s, p, o));
            count++;
        }
    }
}
