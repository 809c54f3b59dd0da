package org.fentanylkg.queries;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.shared.PrefixMapping;
import org.fentanylkg.vocab.Prefixes;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.XSD;

/**
 * One parameter of a saved query, declared grlc-style by a variable whose name starts with an underscore:
 * <ul>
 *   <li>{@code ?_name} a required parameter, {@code ?__name} an optional one (left unbound when absent);</li>
 *   <li>a suffix gives the type: {@code ?_name_iri} an IRI, {@code ?_name_number} a number,
 *       {@code ?_name_integer} (any XSD datatype name) a typed literal, {@code ?_name_xsd_gYear}
 *       ({@code prefix_local}) a literal of that datatype, {@code ?_name_en} (two letters) a language-tagged
 *       string; no suffix, {@code _literal} or {@code _string}: a plain string.</li>
 * </ul>
 * {@code #+ defaults} gives a value used when the parameter is absent (so a parameter with a default is not
 * required); {@code #+ enumerate} restricts the values.
 *
 * @param name        the API name ("resource" for {@code ?_resource_iri})
 * @param variable    the query variable, without "?" ("_resource_iri")
 * @param kind        how a value becomes an RDF term
 * @param datatype    the datatype IRI of a {@link Kind#TYPED} parameter, else null
 * @param lang        the language tag of a {@link Kind#LANG} parameter, else null
 * @param optional    declared with a double underscore: absent means unbound
 * @param defaultValue the {@code #+ defaults} value, if any
 * @param enumeration the allowed values ({@code #+ enumerate}), empty when any value of the type is allowed
 */
public record QueryParameter(String name, String variable, Kind kind, String datatype, String lang, boolean optional,
                             Optional<String> defaultValue, List<String> enumeration) {

    /** How a parameter value is put into the query. */
    public enum Kind { IRI, STRING, NUMBER, TYPED, LANG }

    // grlc's variable pattern: _ or __, a name without underscores, then an optional type and a second part.
    private static final Pattern VARIABLE = Pattern.compile("(_{1,2})([^_]+)(?:_([A-Za-z0-9]+))?(?:_([A-Za-z0-9]+))?.*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.[0-9]+");
    private static final Pattern DOUBLE = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)[eE][+-]?[0-9]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    public QueryParameter {
        enumeration = List.copyOf(enumeration);
    }

    /** Whether a variable name (without "?") declares a parameter. */
    public static boolean isParameter(String variable) {
        return VARIABLE.matcher(variable).matches();
    }

    /**
     * The parameter a variable declares, without default or enumeration.
     *
     * @param prefixes the query's prefixes, for {@code ?_name_prefix_local} datatypes
     * @throws IllegalArgumentException when the datatype's prefix is not declared
     */
    static QueryParameter declaredBy(String variable, PrefixMapping prefixes) {
        Matcher m = VARIABLE.matcher(variable);
        if (!m.matches()) throw new IllegalArgumentException("?" + variable + " is not a parameter variable");
        boolean optional = m.group(1).length() == 2;
        String name = m.group(2);
        String type = m.group(3);
        String second = m.group(4);
        Kind kind = Kind.STRING;
        String datatype = null;
        String lang = null;
        if (type != null) {
            switch (type) {
                case "iri" -> kind = Kind.IRI;
                case "number" -> kind = Kind.NUMBER;
                case "literal", "string" -> kind = Kind.STRING;
                default -> {
                    if (second != null) {
                        String ns = prefixes.getNsPrefixURI(type);
                        if (ns == null && type.equals("xsd")) ns = XSD.NS; // grlc adds the xsd prefix itself
                        if (ns == null) {
                            throw new IllegalArgumentException("?" + variable + ": the datatype prefix '" + type
                                    + ":' is not declared in the query");
                        }
                        kind = Kind.TYPED;
                        datatype = ns + second;
                    } else if (TypeMapper.getInstance().getTypeByName(XSD.NS + type) != null) {
                        kind = Kind.TYPED;
                        datatype = XSD.NS + type;
                    } else if (LANGUAGE.matcher(type).matches()) {
                        kind = Kind.LANG;
                        lang = type;
                    }
                    // anything else: a plain string, as grlc does
                }
            }
        }
        return new QueryParameter(name, variable, kind, datatype, lang, optional, Optional.empty(), List.of());
    }

    QueryParameter withDefault(String value) {
        return new QueryParameter(name, variable, kind, datatype, lang, optional, Optional.of(value), enumeration);
    }

    QueryParameter withEnumeration(List<String> values) {
        return new QueryParameter(name, variable, kind, datatype, lang, optional, defaultValue, values);
    }

    /** Absent, the request fails: no default and not declared optional. */
    public boolean required() {
        return !optional && defaultValue.isEmpty();
    }

    public Var var() {
        return Var.alloc(variable);
    }

    /** The type in words, as an error message or the API description says it. */
    public String expected() {
        String type = switch (kind) {
            case IRI -> "an absolute IRI (or a prefixed name: the query's or a shared one such as fkr:)";
            case NUMBER -> "a number (integer, decimal or double)";
            case STRING -> "a string";
            case LANG -> "a string (in language '" + lang + "')";
            case TYPED -> "a literal of type " + shortDatatype();
        };
        return enumeration.isEmpty() ? type : "one of " + String.join(", ", enumeration);
    }

    /** The datatype written with a shared prefix (xsd:date) where one applies. */
    public String shortDatatype() {
        return datatype == null ? null : Prefixes.PREFIXES.shortForm(datatype);
    }

    /** The type's name in the API listing: iri, string, number, or the datatype. */
    public String typeName() {
        return switch (kind) {
            case IRI -> "iri";
            case NUMBER -> "number";
            case STRING -> "string";
            case LANG -> "string@" + lang;
            case TYPED -> shortDatatype();
        };
    }

    /**
     * The RDF term a request value stands for, checked against the type and the enumeration.
     *
     * @param prefixes the query's prefixes (an IRI parameter accepts a prefixed name)
     * @throws ParameterException naming this parameter and what was expected
     */
    public Node parse(String value, PrefixMapping prefixes) throws ParameterException {
        Node node = switch (kind) {
            case IRI -> iri(value, prefixes);
            case NUMBER -> number(value);
            case STRING -> NodeFactory.createLiteralString(value);
            case LANG -> NodeFactory.createLiteralLang(value, lang);
            case TYPED -> typed(value);
        };
        if (!enumeration.isEmpty() && !allowed(node, prefixes)) {
            throw new ParameterException(name, "one of " + String.join(", ", enumeration), "'" + value + "' is not allowed");
        }
        return node;
    }

    private boolean allowed(Node node, PrefixMapping prefixes) {
        for (String v : enumeration) {
            try {
                Node allowed = switch (kind) {
                    case IRI -> iri(v, prefixes);
                    case NUMBER -> number(v);
                    case STRING -> NodeFactory.createLiteralString(v);
                    case LANG -> NodeFactory.createLiteralLang(v, lang);
                    case TYPED -> typed(v);
                };
                if (allowed.equals(node) || (allowed.isLiteral() && node.isLiteral() && allowed.sameValueAs(node))) return true;
            } catch (ParameterException e) {
                // an enumeration value of the wrong type is reported when the catalog loads
            }
        }
        return false;
    }

    private Node iri(String value, PrefixMapping prefixes) throws ParameterException {
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        int colon = v.indexOf(':');
        if (colon > 0 && !v.contains("/")) {
            String ns = prefixes.getNsPrefixURI(v.substring(0, colon));
            if (ns != null) v = ns + v.substring(colon + 1);
        }
        try {
            IRIx iri = IRIx.create(v);
            if (!iri.isReference() || v.isEmpty()) throw new IRIException("not an absolute IRI"); // isAbsolute() excludes fragments
        } catch (IRIException e) {
            throw new ParameterException(name, "an absolute IRI (such as " + example() + ")", "'" + value + "' is not an absolute IRI");
        }
        return NodeFactory.createURI(v);
    }

    private String example() {
        return defaultValue.orElse(enumeration.isEmpty() ? "https://w3id.org/fentanyl-kg/id/..." : enumeration.get(0));
    }

    private Node number(String value) throws ParameterException {
        String v = value.strip();
        XSDDatatype dt = INTEGER.matcher(v).matches() ? XSDDatatype.XSDinteger
                : DECIMAL.matcher(v).matches() ? XSDDatatype.XSDdecimal
                : DOUBLE.matcher(v).matches() ? XSDDatatype.XSDdouble : null;
        if (dt == null) throw new ParameterException(name, "a number (integer, decimal or double)", "'" + value + "' is not a number");
        if (dt == XSDDatatype.XSDdecimal) v = new BigDecimal(v).toPlainString();
        return NodeFactory.createLiteralDT(v, dt);
    }

    private Node typed(String value) throws ParameterException {
        RDFDatatype dt = TypeMapper.getInstance().getSafeTypeByName(datatype);
        if (dt.getJavaClass() != null || dt instanceof XSDDatatype) {
            if (!dt.isValid(value)) {
                throw new ParameterException(name, "a literal of type " + shortDatatype(),
                        "'" + value + "' is not a valid " + shortDatatype());
            }
        }
        return NodeFactory.createLiteralDT(value, dt);
    }

    @Override
    public String toString() {
        return name + " (?" + variable + ", " + typeName() + ")";
    }
}
