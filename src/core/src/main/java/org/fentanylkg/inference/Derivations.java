package org.fentanylkg.inference;

import java.util.Optional;
import org.apache.jena.graph.Triple;

/**
 * Where to find how an inferred triple was derived: the closure just computed ({@link Closure}), or the
 * derivations a TDB2 store keeps beside each generation ({@code store.DerivationFile}).
 */
@FunctionalInterface
public interface Derivations {
    /** How {@code t} was first derived; empty for asserted or unknown triples. */
    Optional<Derivation> derivation(Triple t);
}
