package org.fentanylkg.inference;

/** owl:propertyChainAxiom: steps[0] ∘ … ∘ steps[n-1] ⊑ superProperty (prp-spo2). */
record PropertyChain(int superProperty, int[] steps, int licence) {
}
