package org.fentanylkg.http.pages;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;

/** Serves the pages' static files ({@link AssetServlet}) at {@code /assets/}. */
public final class AssetsModule implements FusekiModule {
    @Override
    public String name() { return "fentanyl-kg web assets"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        builder.addServlet(AssetServlet.PATH, new AssetServlet());
    }
}
