/**
 * What happens when the process itself fails: an {@link OutOfMemoryError} anywhere, or an
 * {@code Error} that nothing handles, ends the process after one last log line, so that a
 * supervisor restarts it, rather than leaving a live process that serves nobody.
 */
package dev.haven.server.fatal;
