package org.fentanylkg.inference;

/** A rule-table entry: the id of the class or property a rule leads to, and the licence that allows it. */
record Link(int target, int licence) {
}
