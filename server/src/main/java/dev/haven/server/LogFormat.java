package dev.haven.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

/**
 * Switches the console log to one JSON object per line when the configuration file asks for it
 * ({@code logging.format: json}) and {@code HAVEN_LOG_FORMAT} did not already (logback.xml reads
 * that before the file is loaded). The fields are those of {@code logback.xml}'s {@code json}
 * appender: {@code ts}, {@code level}, {@code thread}, {@code logger}, {@code message} (and
 * {@code stack_trace}); what goes into them is what the text lines hold, never message text or
 * tokens.
 */
final class LogFormat {
    static final String APPENDER = "json";

    private LogFormat() {
    }

    /** An encoder writing the JSON fields Haven's log uses. */
    static LogstashEncoder jsonEncoder(LoggerContext context) {
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

    /** Replaces the root logger's appenders with a JSON console appender, unless it has one. */
    static void useJson() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return;
        }
        ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
        json.setName(APPENDER);
        json.setContext(context);
        json.setEncoder(jsonEncoder(context));
        json.start();
        List<Appender<ILoggingEvent>> old = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            old.add(it.next());
        }
        root.addAppender(json);
        for (Appender<ILoggingEvent> appender : old) {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
