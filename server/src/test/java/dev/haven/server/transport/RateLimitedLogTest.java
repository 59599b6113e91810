package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Remote peers cannot make the server log without bound: a few lines a minute, then a count. */
class RateLimitedLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("rate-limited-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final long[] now = {0};

    RateLimitedLogTest() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void log_manyTimesAMinute_writesTheFirstFewThenCountsTheRest() {
        RateLimitedLog log = new RateLimitedLog(logger, Level.WARN, 3, () -> now[0]);

        for (int i = 0; i < 75; i++) {
            log.log("connection error {} channel={}", "java.io.IOException", "c" + i);
        }
        assertThat(lines.list).hasSize(3);

        now[0] += TimeUnit.MINUTES.toNanos(1);
        log.log("connection error {} channel={}", "java.io.IOException", "later");

        assertThat(lines.list).hasSize(4);
        assertThat(lines.list.get(3).getFormattedMessage())
                .isEqualTo("connection error java.io.IOException channel=later suppressed=72");
        assertThat(lines.list.get(3).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
    }
}
