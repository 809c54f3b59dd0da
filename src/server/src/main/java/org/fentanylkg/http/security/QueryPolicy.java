package org.fentanylkg.http.security;

import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * What a query may not do on the public endpoint, checked on the parsed query before it runs:
 * <ul>
 * <li>{@code SERVICE}: it makes this server call any URL it is given, so anyone could use it to reach hosts
 *     behind the firewall (server-side request forgery);</li>
 * <li>{@code <java:...>} functions and property functions: ARQ loads and instantiates the named class.</li>
 * </ul>
 * ARQ's own switches (the context flag {@code arq:httpServiceAllowed}, {@link ExtensionGuard}) refuse both at
 * execution time as well; this check says so up front with a clear 400.
 */
public final class QueryPolicy {
    private QueryPolicy() {}

    /** Why the query is refused, or empty when it may run. */
    public static Optional<String> check(Query query, boolean serviceAllowed) {
        Op op = Algebra.compile(query);
        String[] refusal = new String[1];
        OpVisitorBase ops = new OpVisitorBase() {
            @Override public void visit(OpService s) {
                if (!serviceAllowed) refuse(refusal, "SERVICE is disabled on this server (federated queries could reach other hosts): "
                        + (s.getService().isURI() ? "<" + s.getService().getURI() + ">" : s.getService().toString()));
            }
            @Override public void visit(OpBGP bgp) { bgp.getPattern().forEach(t -> triple(t, refusal)); }
            @Override public void visit(OpTriple t) { triple(t.getTriple(), refusal); }
            @Override public void visit(OpQuadPattern q) { q.getBasicPattern().forEach(t -> triple(t, refusal)); }
            @Override public void visit(OpPath p) {
                if (p.getTriplePath().getPath() != null && p.getTriplePath().getPath().toString().contains("<" + ExtensionGuard.JAVA_SCHEME)) {
                    refuse(refusal, "java: property functions are disabled on this server");
                }
            }
        };
        ExprVisitorBase exprs = new ExprVisitorBase() {
            @Override public void visit(ExprFunctionN f) {
                if (f instanceof E_Function fn && ExtensionGuard.isJava(fn.getFunctionIRI())) {
                    refuse(refusal, "java: functions are disabled on this server: <" + fn.getFunctionIRI() + ">");
                }
            }
        };
        Walker.walk(op, ops, exprs);
        return Optional.ofNullable(refusal[0]);
    }

    private static void triple(Triple t, String[] refusal) {
        Node p = t.getPredicate();
        if (p.isURI() && ExtensionGuard.isJava(p.getURI())) refuse(refusal, "java: property functions are disabled on this server: <" + p.getURI() + ">");
    }

    private static void refuse(String[] refusal, String message) {
        if (refusal[0] == null) refusal[0] = message;
    }
}
