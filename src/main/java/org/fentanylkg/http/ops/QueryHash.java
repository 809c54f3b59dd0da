package org.fentanylkg.http.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable fingerprint of a query's text for the request log: the first 16 hex digits (64 bits) of its
 * SHA-256. Repeated queries share a hash, so an operator can count and correlate them, while the log never holds
 * the query itself (which may be long, or carry what a user typed).
 */
public final class QueryHash {
    private QueryHash() {}

    public static String of(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
