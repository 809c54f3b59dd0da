package org.fentanylkg.http.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.fentanylkg.http.linkeddata.Links;

/**
 * The HTML templates ({@code web/templates/*.mustache} on the classpath), rendered by Mustache.java, which
 * HTML-escapes every {@code {{value}}}: the templates never use the unescaped forms, so any text taken from the
 * data renders as text.
 */
public final class Templates {
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("web/templates");

    private Templates() {}

    /**
     * Renders {@code web/templates/{name}.mustache} with a scope. Every list in the scope (at any depth) gets two
     * flags beside it, {@code has_X} (not empty) and {@code many_X} (more than one), since Mustache is logic-less;
     * a null value becomes false, so that it hides a section instead of letting an outer value of the same name show.
     */
    public static String render(String name, Map<String, Object> scope) {
        flag(scope);
        Mustache m = FACTORY.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        m.execute(out, scope);
        return out.toString();
    }

    /**
     * The scope every page starts from: title, base and the site's navigation.
     *
     * @param report the report's IRI (see {@link ReportPage#reportIri}), or null
     */
    public static Map<String, Object> page(Links links, Node report, String title, String section) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("title", title);
        scope.put("base", links.base());
        scope.put("css", links.at("assets/css/site.css"));
        scope.put("nav", List.of(
                nav(links.base(), "Home", section.equals("home")),
                nav(report == null ? links.base() : links.local(report.getURI()), "Report", section.equals("report")),
                nav(links.at("ontology"), "Ontology", section.equals("ontology")),
                nav(links.at("query"), "Query", section.equals("query")),
                nav(links.at(".well-known/void"), "Dataset", section.equals("dataset"))));
        return scope;
    }

    @SuppressWarnings("unchecked")
    private static void flag(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            for (var e : List.copyOf(m.entrySet())) {
                // a missing value must not fall through to an outer scope's value of the same name
                if (e.getValue() == null) m.put(e.getKey(), Boolean.FALSE);
                if (e.getValue() instanceof List<?> list) {
                    m.put("has_" + e.getKey(), !list.isEmpty());
                    m.put("many_" + e.getKey(), list.size() > 1);
                }
                flag(e.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (Object o : list) flag(o);
        }
    }

    private static Map<String, Object> nav(String href, String text, boolean current) {
        return View.of("href", href, "text", text, "current", current);
    }
}
