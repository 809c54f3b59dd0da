package org.fentanylkg.http.security;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.SchemeRouter;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.ReaderRIOTFactory;

/**
 * Jena 5's JSON-LD reader (Titanium) resolves a remote {@code @context} with the document loader of its
 * options; Jena's default options ({@code new JsonLdOptions()}) take Titanium's shared
 * {@link SchemeRouter#defaultInstance()}, which fetches http:, https: and file: URLs. A JSON-LD document could
 * then make the server fetch any URL (server-side request forgery) or read local files.
 *
 * <p>No request parses JSON-LD on this server (there is no upload, no update, no Graph Store write and SPARQL
 * {@code LOAD} is refused), so this is defence in depth: the shared router refuses every scheme, for every
 * JSON-LD parse in this JVM. (Setting Jena's {@code JSONLD_OPTIONS} context symbol instead would share one
 * mutable options object, whose base IRI Jena sets per parse, between concurrent parses.)
 *
 * <p>The router is made to refuse when Jena's parser registry first hands out a JSON-LD reader, not at start:
 * Titanium's router, once loaded, builds an HTTP client with the JVM's TLS context, work that a server which
 * never parses JSON-LD need not do on its way to the first answer.
 */
public final class OfflineJsonLd {
    private static final DocumentLoader REFUSE = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                "this server does not fetch JSON-LD documents or remote contexts: " + url);
    };
    private static final List<Lang> JSON_LD = List.of(Lang.JSONLD, Lang.JSONLD11);
    private static boolean installed;

    private OfflineJsonLd() {}

    /** Makes every JSON-LD reader Jena's registry gives out parse with a router that refuses every URL. Idempotent. */
    public static synchronized void install() {
        if (installed) return;
        for (Lang lang : JSON_LD) {
            ReaderRIOTFactory jenas = RDFParserRegistry.getFactory(lang);
            if (jenas == null) continue;
            RDFParserRegistry.registerLangQuads(lang, (l, profile) -> {
                refuseEveryUrl();
                return jenas.create(l, profile);
            });
        }
        installed = true;
    }

    private static volatile boolean refusing;

    /** Makes Titanium's shared router refuse http:, https: and file: URLs. */
    static void refuseEveryUrl() {
        if (refusing) return;
        synchronized (OfflineJsonLd.class) {
            SchemeRouter router = (SchemeRouter) SchemeRouter.defaultInstance();
            router.set("http", REFUSE).set("https", REFUSE).set("file", REFUSE);
            refusing = true;
        }
    }
}
