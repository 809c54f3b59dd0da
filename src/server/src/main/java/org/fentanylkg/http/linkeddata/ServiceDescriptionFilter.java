package org.fentanylkg.http.linkeddata;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFWriter;

/**
 * SPARQL 1.1 Service Description at the query endpoints: a GET (or HEAD) with no query string that accepts RDF
 * gets the description; a browser (HTML first) is sent to the query UI. Everything else goes on to Fuseki.
 */
public final class ServiceDescriptionFilter implements Filter {
    private final LinkedData ld;
    private final Set<String> endpoints;

    /** @param endpoints the paths of the query endpoints, e.g. {@code /kg}, {@code /kg/sparql} */
    public ServiceDescriptionFilter(LinkedData ld, Set<String> endpoints) {
        this.ld = ld;
        this.endpoints = Set.copyOf(endpoints);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(method.equals("GET") || method.equals("HEAD")) || request.getQueryString() != null || !endpoints.contains(path)) {
            chain.doFilter(req, resp);
            return;
        }
        Format format;
        try {
            format = Negotiation.choose(request, Format.DESCRIPTION);
        } catch (HttpError e) {
            if (e.status() == 406) {
                chain.doFilter(req, resp); // not a request for a description
                return;
            }
            e.send(request, response);
            return;
        }
        Links links = ld.links(request);
        if (format == Format.HTML) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", links.at("query"));
            response.setHeader("Vary", "Accept");
            return;
        }
        LinkedData.Snapshot snapshot = ld.snapshot();
        Representation.of(snapshot.generation(), format, request, links).header("Vary", "Accept").send(request, response, () -> {
            Model sd = ServiceDescription.build(links.at(path), snapshot.statistics());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFWriter.source(sd).format(format.rdf()).output(out);
            return out.toByteArray();
        });
    }
}
