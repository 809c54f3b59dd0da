package org.fentanylkg.http.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entries, bounded by bytes (Caffeine, weighed by body, headers and key), and the newest dataset generation
 * seen: when it moves on, every entry of an older one is dropped, since no request will ask for it again.
 */
final class ResponseCache {
    private final Cache<EntryKey, CachedResponse> entries;
    private final int maxEntryBytes;
    private final AtomicLong newest = new AtomicLong(Long.MIN_VALUE);

    ResponseCache(long maxBytes, int maxEntryBytes) { this(maxBytes, maxEntryBytes, () -> {}); }

    /** @param evicted called for each entry dropped to stay within {@code maxBytes} */
    ResponseCache(long maxBytes, int maxEntryBytes, Runnable evicted) {
        this.maxEntryBytes = maxEntryBytes;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((EntryKey k, CachedResponse r) -> k.weight() + r.weight())
                .evictionListener((EntryKey k, CachedResponse r, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) evicted.run();
                })
                .build();
    }

    /** The largest body worth keeping. */
    int maxEntryBytes() { return maxEntryBytes; }

    /** Notes the generation a request runs on; the first request on a new one clears the old entries. */
    void observe(long generation) {
        if (generation <= newest.get()) return; // the usual case: a read, no write to a shared line
        if (newest.getAndAccumulate(generation, Math::max) < generation) entries.invalidateAll();
    }

    CachedResponse get(EntryKey key) { return entries.getIfPresent(key); }

    /**
     * Keeps a response, unless it was computed on a generation already replaced (it could never be asked for;
     * one that slips past this check in a race is never asked for either, and is evicted by weight).
     */
    void put(EntryKey key, CachedResponse response) {
        if (key.generation() >= newest.get()) entries.put(key, response);
    }

    /** Entries now held (tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
