package org.fentanylkg.http.security;

import java.util.Iterator;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * ARQ resolves a function or property function IRI of the form {@code <java:some.Class>} by loading and
 * instantiating that class: from a public endpoint, any class on the class path, static initialiser included.
 * This replaces ARQ's registries (in its global context, which every query execution starts from) by copies that
 * refuse the {@code java:} scheme; every registered function, ARQ's library ({@code afn:}, {@code apf:}) included,
 * still works.
 */
public final class ExtensionGuard {
    public static final String JAVA_SCHEME = "java:";

    private ExtensionGuard() {}

    public static boolean isJava(String iri) { return iri != null && iri.regionMatches(true, 0, JAVA_SCHEME, 0, JAVA_SCHEME.length()); }

    /** Installs the guarded registries in ARQ's global context. Idempotent. */
    public static synchronized void install() {
        Context cxt = ARQ.getContext();
        FunctionRegistry functions = FunctionRegistry.get(cxt);
        if (!(functions instanceof NoJavaFunctions)) FunctionRegistry.set(cxt, new NoJavaFunctions(functions));
        PropertyFunctionRegistry pfunctions = PropertyFunctionRegistry.get(cxt);
        if (!(pfunctions instanceof NoJavaPropertyFunctions)) PropertyFunctionRegistry.set(cxt, new NoJavaPropertyFunctions(pfunctions));
    }

    static final class NoJavaFunctions extends FunctionRegistry {
        NoJavaFunctions(FunctionRegistry from) {
            if (from == null) return;
            for (Iterator<String> it = from.keys(); it.hasNext();) {
                String uri = it.next();
                put(uri, from.get(uri));
            }
        }

        @Override
        public FunctionFactory get(String uri) { return isJava(uri) ? null : super.get(uri); }
    }

    static final class NoJavaPropertyFunctions extends PropertyFunctionRegistry {
        NoJavaPropertyFunctions(PropertyFunctionRegistry from) {
            if (from == null) return;
            for (Iterator<String> it = from.keys(); it.hasNext();) {
                String uri = it.next();
                put(uri, from.get(uri));
            }
        }

        @Override
        public boolean manages(String uri) { return !isJava(uri) && super.manages(uri); }

        @Override
        public PropertyFunctionFactory get(String uri) { return isJava(uri) ? null : super.get(uri); }
    }
}
