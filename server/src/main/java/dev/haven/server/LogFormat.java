package dev.haven.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

/**
 * Switches the console log to one JSON object per line when the configuration file asks for it
 * ({@code logging.format: json}) and {@code HAVEN_LOG_FORMAT} did not already (logback.xml reads
 * that before the file is loaded). The JSON fields: {@code ts}, {@code level}, {@code thread}, {@code logger}, {@code message} (and
 * {@code stack_trace}); what goes into them is what the text lines hold, never message text or
 * tokens.
 */
final class LogFormat {
    private LogFormat() {
    }

    /** An encoder writing the JSON fields Haven's log uses. */
    static LogstashEncoder jsonEncoder(ch.qos.logback.core.Context context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeContext(false);
        LogstashFieldNames names = encoder.getFieldNames();
        names.setTimestamp("ts");
        names.setVersion("[ignore]");
        names.setLevelValue("[ignore]");
        names.setLogger("logger");
        names.setThread("thread");
        encoder.setShortenedLoggerNameLength(0);
        encoder.start();
        return encoder;
    }

    /** Turns the console's encoder to JSON, unless it is already. */
    static void useJson() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> console
                    && console.getEncoder() instanceof LogEncoder encoder && !encoder.json()) {
                console.stop();
                encoder.stop();
                encoder.setFormat("json");
                encoder.start();
                console.start();
            }
        }
    }
}
