package org.fentanylkg.dataset;

import java.time.Instant;

/**
 * One version of the served data: a number that changes whenever the content does (an administrative reload, a
 * new TDB2 generation), and when that content was built or published. HTTP validators (ETag, Last-Modified) and
 * caches are keyed by it, so a conditional request is answered without rendering anything.
 */
public record Generation(long number, Instant built) {}
