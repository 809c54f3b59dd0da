package org.fentanylkg.explain;

/** A subject, predicate or object that cannot be read; names the part ("s", "p" or "o") and what is wrong. */
public final class TermException extends Exception {
    private final String part;

    public TermException(String part, String message) {
        super(part + ": " + message);
        this.part = part;
    }

    /** "s", "p" or "o": the request parameter at fault. */
    public String part() { return part; }

    /** The message without the part's name. */
    public String problem() { return getMessage().substring(part.length() + 2); }
}
