package org.fentanylkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.lang.LangRIOT;
import org.apache.jena.riot.lang.LangTriG;
import org.apache.jena.riot.lang.LangTurtle;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ParserProfileStd;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sys.JenaSystem;

/**
 * Parses Turtle or TriG and says on which line each IRI, triple and quad was read, so that a problem can be
 * reported as file:line. RIOT's public parser API drops positions; its parser profile sees them: the profile's
 * {@code create(...)} hands every IRI token's line to {@code createURI}, and the language parser hands each
 * statement's line to {@code createTriple} / {@code createQuad}. The statement's line is that of the token that
 * ends it (the object, or the {@code ;} or {@code .} after it).
 */
public final class LocatingParser {
    static { JenaSystem.init(); }

    private LocatingParser() {}

    /** What the parser read, with its position; each method does nothing unless overridden. */
    public interface Positions {
        default void iri(Node iri, long line, long column) {}

        default void triple(Triple triple, long line) {}

        default void quad(Quad quad, long line) {}
    }

    /**
     * Parses {@code text} ({@link Lang#TURTLE} or {@link Lang#TRIG}) into {@code dest}; syntax errors go to
     * {@code errorHandler} with their line (a fatal one also stops the parser with a RiotException).
     */
    public static void parse(String text, Lang lang, String base, ErrorHandler errorHandler, StreamRDF dest, Positions positions) {
        IRIxResolver resolver = IRIxResolver.create(IRIs.resolveIRI(base)).resolve(true).allowRelative(false).build();
        ParserProfileStd profile = new ParserProfileStd(RiotLib.factoryRDF(), errorHandler, resolver, PrefixMapFactory.create(),
                RIOT.getContext().copy(), true, false) {
            @Override
            public Node createURI(String uri, long line, long col) {
                Node n = super.createURI(uri, line, col);
                positions.iri(n, line, col);
                return n;
            }

            @Override
            public Triple createTriple(Node s, Node p, Node o, long line, long col) {
                Triple t = super.createTriple(s, p, o, line, col);
                positions.triple(t, line);
                return t;
            }

            @Override
            public Quad createQuad(Node g, Node s, Node p, Node o, long line, long col) {
                Quad q = super.createQuad(g, s, p, o, line, col);
                positions.quad(q, line);
                return q;
            }
        };
        Tokenizer tokenizer = TokenizerText.create().fromString(text).errorHandler(errorHandler).build();
        LangRIOT parser;
        if (RDFLanguages.sameLang(lang, Lang.TRIG)) parser = new LangTriG(tokenizer, profile, dest);
        else if (RDFLanguages.sameLang(lang, Lang.TURTLE)) parser = new LangTurtle(tokenizer, profile, dest);
        else throw new IllegalArgumentException("LocatingParser reads Turtle and TriG, not " + lang);
        parser.parse(); // calls dest.start() and dest.finish()
    }
}
