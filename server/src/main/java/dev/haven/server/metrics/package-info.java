/**
 * The server's metrics, for {@code GET /metrics} in the Prometheus text format, kept with
 * Micrometer: the fixed {@code haven_*} names dashboards and alert rules are written against,
 * and Micrometer's JVM, GC and thread binders. No series carries a user id, a name, a token or
 * anything a person wrote, in its name, a label or a value; labels are fixed words (an error
 * code, a close code, an alert tier) and, only with {@code metrics.perRoom}, a room id, which
 * operators choose. Counters on the message path are Micrometer's, built on {@code LongAdder}:
 * no lock.
 */
package dev.haven.server.metrics;
