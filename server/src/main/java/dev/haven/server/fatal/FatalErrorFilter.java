package dev.haven.server.fatal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Netty catches whatever a task on an event loop throws, an {@link OutOfMemoryError} included,
 * logs it ("A task raised an exception") and runs on; so do other libraries on their threads.
 * This filter, installed in {@code logback.xml}, sees each such line before it is written and
 * ends the process when the throwable it carries is fatal ({@link FatalErrors#isFatal}). It
 * only looks: it never changes what is logged.
 */
public final class FatalErrorFilter extends TurboFilter {
    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable error) {
        if (level != null && level.isGreaterOrEqual(Level.WARN)) {
            Throwable carried = error != null ? error : lastThrowable(params);
            if (carried != null && FatalErrors.isFatal(carried)) {
                FatalErrors.halt(carried, "logger " + (logger == null ? "?" : logger.getName()));
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static Throwable lastThrowable(Object[] params) {
        if (params == null || params.length == 0) {
            return null;
        }
        return params[params.length - 1] instanceof Throwable t ? t : null;
    }
}
