package dev.haven.server.fatal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process on an error it cannot recover from. An {@link OutOfMemoryError} (Netty's
 * {@code OutOfDirectMemoryError} included) leaves a server whose threads may each have lost a
 * task half done: an event loop that accepts nothing, a room that answers nobody. Rather than
 * run on like that, the process writes one last line and halts with {@link #OUT_OF_MEMORY_STATUS}
 * (3, as the JVM's own {@code -XX:+ExitOnOutOfMemoryError}), or {@link #ERROR_STATUS} for
 * another {@code Error} that reached no handler, so that a supervisor (systemd, a container
 * runtime) starts it again.
 *
 * <p>Where errors are seen: the room's task runner and the pipeline's last handler ask
 * {@link #exitIfFatal}; {@link FatalErrorFilter} sees the ones Netty catches and only logs (a
 * failed task on an event loop); {@link #installUncaughtHandler} the ones no code catches. It
 * halts rather than exits: the shutdown hook would wait on the very threads that failed.
 * Thread-safe: the first fatal error wins, later ones wait for the halt.
 */
public final class FatalErrors {
    public static final int OUT_OF_MEMORY_STATUS = 3;
    public static final int ERROR_STATUS = 70;

    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);
    private static final AtomicBoolean HALTING = new AtomicBoolean();

    private FatalErrors() {
    }

    /**
     * Whether the process cannot go on after this: an {@link OutOfMemoryError} or another
     * {@link VirtualMachineError} (not a {@link StackOverflowError}, which unwinds cleanly),
     * here or among its causes.
     */
    public static boolean isFatal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Halts the process when {@code error} is fatal; returns otherwise. */
    public static void exitIfFatal(Throwable error, String where) {
        if (isFatal(error)) {
            halt(error, where);
        }
    }

    /** Writes one last line naming the error's type (never its message) and halts. */
    public static void halt(Throwable error, String where) {
        int status = isOutOfMemory(error) ? OUT_OF_MEMORY_STATUS : ERROR_STATUS;
        if (HALTING.compareAndSet(false, true)) {
            try {
                log.error("fatal {} in {}: exiting with status {} so that a supervisor restarts the server",
                        error.getClass().getName(), where, status);
            } catch (Throwable loggingFailed) {
                System.err.println("haven: fatal " + error.getClass().getName() + " in " + where
                        + ": exiting with status " + status);
            }
            System.err.flush();
            System.out.flush();
        }
        Runtime.getRuntime().halt(status);
    }

    /** An {@code Error} that escapes a thread ends the process; an exception is logged and the thread ends. */
    public static void installUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof Error) {
                halt(error, "thread " + thread.getName());
            } else {
                log.error("uncaught {} in thread {}", error.getClass().getName(), thread.getName(), error);
            }
        });
    }

    private static boolean isOutOfMemory(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
