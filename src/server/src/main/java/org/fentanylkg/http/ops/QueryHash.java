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

    // One digest per thread: looking one up costs more than hashing a query (it runs on every request).
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    public static String of(String query) {
        byte[] digest = SHA256.get().digest(query.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
