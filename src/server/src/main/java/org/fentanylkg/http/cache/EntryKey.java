package org.fentanylkg.http.cache;

/** The key of a cached response: the generation of the data it was computed on, and its size in memory. */
interface EntryKey {
    long generation();

    /** Approximate bytes held. */
    int weight();
}
