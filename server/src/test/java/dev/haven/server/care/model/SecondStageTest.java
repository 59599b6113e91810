package dev.haven.server.care.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.haven.server.care.detect.Tier;
import dev.haven.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The second stage's own thread, its bounded queue, and what it does when full or failing. */
class SecondStageTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final List<Tier> answers = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SecondStage.class);
    private final ExecutorService worker = SecondStage.ownThread();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.WARN);
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        logger.detachAppender(log);
        logger.setLevel(null);
        worker.shutdownNow();
        assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** A model that waits until released, then finds a crisis in "crisis", and fails on "fail". */
    private Tier slowModel(String text) {
        threads.add(Thread.currentThread().getName());
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the model");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Tier.NONE;
        }
        if (text.equals("fail")) {
            throw new IllegalStateException("model failure");
        }
        return text.contains("crisis") ? Tier.CONCERN : Tier.NONE;
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void submit_neverRunsTheModelOnTheCallersThread_andAnswersFromItsOwn() {
        SecondStage stage = new SecondStage(this::slowModel, worker, 4, 10_000, clock);
        assertThat(stage.submit("a crisis", answers::add)).isTrue();
        assertThat(stage.submit("hello", answers::add)).isTrue();
        assertThat(answers).as("submit returned before the model read anything").isEmpty();

        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> stage.counters().read() == 2);
        assertThat(answers).containsExactly(Tier.CONCERN);
        assertThat(threads).containsOnly(SecondStage.THREAD_NAME);
        assertThat(stage.counters()).isEqualTo(new SecondStage.Counters(2, 1, 0, 0));
    }

    @Test
    void overload_shedsWhatDoesNotFit_countsIt_andWarnsAtMostOnceAnInterval() {
        SecondStage stage = new SecondStage(this::slowModel, worker, 2, 10_000, clock);
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            if (stage.submit("message " + i, answers::add)) {
                accepted++;
            }
            if (i == 0) {
                // The worker has taken the first one, so the queue's two places are free.
                await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 1);
            }
        }
        assertThat(accepted).as("one being read, two waiting").isEqualTo(3);
        assertThat(stage.counters().shed()).isEqualTo(7);
        assertThat(warnings()).singleElement().satisfies(w -> assertThat(w)
                .startsWith("crisis model overloaded").doesNotContain("message "));

        clock.advance(Duration.ofMillis(SecondStage.LOG_INTERVAL_MILLIS));
        assertThat(stage.submit("one more", answers::add)).isFalse();
        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(1)).contains("7 messages not read").contains("(8 in all)");

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> stage.counters().read() == 3);
    }

    @Test
    void aLongMessage_isShedWhenItWouldPassTheCharacterBudget() {
        SecondStage stage = new SecondStage(this::slowModel, worker, 100, 1_000, clock);
        assertThat(stage.submit("x".repeat(600), answers::add)).isTrue();
        assertThat(stage.submit("y".repeat(600), answers::add)).isFalse();
        assertThat(stage.submit("z".repeat(300), answers::add)).isTrue();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> stage.counters().read() == 2);
        assertThat(stage.submit("w".repeat(900), answers::add)).as("the budget is given back").isTrue();
    }

    @Test
    void aFailingModel_isCounted_loggedWithoutTheText_andTheStageGoesOn() {
        SecondStage stage = new SecondStage(this::slowModel, worker, 4, 10_000, clock);
        stage.submit("fail", answers::add);
        stage.submit("a crisis", answers::add);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> stage.counters().read() == 1);
        assertThat(stage.counters().failed()).isEqualTo(1);
        assertThat(answers).containsExactly(Tier.CONCERN);
        assertThat(warnings()).singleElement().satisfies(w -> assertThat(w)
                .contains("crisis model failed").contains("IllegalStateException"));
    }

    @Test
    void aClassifierOfAnotherEncoder_isRefused() {
        CrisisClassifier classifier = new CrisisClassifier("another-model", new double[4][384], new double[4],
                new double[3][4], new double[3], 0.5, 2, List.of());
        SentenceEncoder encoder = new SentenceEncoder() {
            @Override
            public String name() {
                return "e5-small-v2-q";
            }

            @Override
            public int dimension() {
                return 384;
            }

            @Override
            public float[][] encode(String text) {
                return new float[][] {new float[384]};
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ModelReader(encoder, classifier))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("another-model");
    }
}
