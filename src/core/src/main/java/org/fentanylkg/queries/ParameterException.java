package org.fentanylkg.queries;

/**
 * A request value a saved query cannot take: missing, of the wrong type, outside the enumeration, or a
 * parameter the query does not have. Carries the parameter's name and what was expected, for a 400 answer.
 */
public final class ParameterException extends Exception {
    private final String parameter;
    private final String expected;
    private final String problem;

    public ParameterException(String parameter, String expected, String problem) {
        super("parameter '" + parameter + "': " + problem + (expected == null ? "" : "; expected " + expected));
        this.parameter = parameter;
        this.expected = expected;
        this.problem = problem;
    }

    /** The parameter's name as the request gives it. */
    public String parameter() { return parameter; }

    /** What a valid value looks like (null when the parameter itself is unknown). */
    public String expected() { return expected; }

    /** What is wrong with the value, without the parameter name. */
    public String problem() { return problem; }
}
