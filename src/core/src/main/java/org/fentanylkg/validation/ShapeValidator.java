package org.fentanylkg.validation;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.util.FmtUtils;
import org.fentanylkg.rdf.FactGraph;
import org.fentanylkg.rdf.ProblemCollector;

/** Validates the materialised graph against the SHACL shapes; each violation is placed at its fact's file:line. */
public final class ShapeValidator {
    private final Shapes shapes;

    public ShapeValidator(Graph shapesGraph) { this.shapes = Shapes.parse(shapesGraph); }

    public void validate(Graph data, List<FactGraph> facts, ProblemCollector problems) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        if (report.conforms()) return;
        FactLocator locator = new FactLocator(facts);
        for (ReportEntry e : report.getEntries()) {
            if (e.severity() == Severity.Info) continue;
            String path = e.resultPath() == null ? "" : " " + e.resultPath();
            String message = "SHACL " + e.severity().level().getLocalName() + " on " + FmtUtils.stringForNode(e.focusNode())
                    + path + ": " + e.message();
            problems.add(locator.problem(e.focusNode(), message));
        }
    }
}
