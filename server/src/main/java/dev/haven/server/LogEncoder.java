package dev.haven.server;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The console's encoder (logback.xml): one line per event, as text or as one JSON object per
 * line ({@code format}: {@code text} or {@code json}, from {@code HAVEN_LOG_FORMAT}). Both carry
 * the same fields, the time, the level, the thread, the logger and the message, and both carry
 * what Haven logs, never message text or tokens. One appender with this encoder, rather than two
 * appenders to choose from, so Logback has nothing to warn about at start.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n";

    private String format = "text";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean json() {
        return "json".equals(format);
    }

    @Override
    public void start() {
        if (json()) {
            delegate = LogFormat.jsonEncoder(getContext());
        } else {
            if (!"text".equals(format)) {
                addWarn("HAVEN_LOG_FORMAT must be text or json; writing text");
            }
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(getContext());
            text.setPattern(TEXT_PATTERN);
            text.start();
            delegate = text;
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
