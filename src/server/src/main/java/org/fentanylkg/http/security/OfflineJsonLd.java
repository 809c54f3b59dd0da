package org.fentanylkg.http.security;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.SchemeRouter;

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
 */
public final class OfflineJsonLd {
    private static final DocumentLoader REFUSE = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                "this server does not fetch JSON-LD documents or remote contexts: " + url);
    };

    private OfflineJsonLd() {}

    /** Makes Titanium's default document loader refuse every URL. Idempotent. */
    public static synchronized void install() {
        SchemeRouter router = (SchemeRouter) SchemeRouter.defaultInstance();
        router.set("http", REFUSE).set("https", REFUSE).set("file", REFUSE);
    }
}
