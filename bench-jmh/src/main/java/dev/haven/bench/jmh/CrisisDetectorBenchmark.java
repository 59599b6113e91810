package dev.haven.bench.jmh;

import dev.haven.server.care.detect.CrisisDetector;
import dev.haven.server.care.detect.Detection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Crisis-language detection as the room runs it on every member's message, with the built-in
 * English lexicon. The budget is well under 10 µs for a typical message. {@code typical} is an
 * everyday chat line (no match, the common case); {@code trigger} holds an everyday use of a
 * trigger word that the cues must read ("this exam is killing me" style); {@code crisis} matches
 * and is read for cues; {@code long} is 1,000 characters without a match; {@code unicode} has
 * emoji, accents and a zero-width space, so it takes the NFKC path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrisisDetectorBenchmark {
    @Param({"typical", "trigger", "crisis", "long", "unicode"})
    public String message;

    private CrisisDetector detector;
    private String text;

    @Setup
    public void setUp() {
        detector = CrisisDetector.builtin();
        text = switch (message) {
            case "typical" -> "It has been a hard week at work, but talking here really helps me. Thank you all.";
            case "trigger" -> "Honestly this exam is killing me, I'm dying to get it over with and sleep for a week";
            case "crisis" -> "I can't do this anymore. I'm not going to lie, I've been thinking about ending it tonight";
            case "long" -> Fixtures.text(1000);
            case "unicode" -> "Café tonight with my sister 😊 it was lovely\u200B — we talked about everything ✨";
            default -> throw new IllegalArgumentException(message);
        };
    }

    @Benchmark
    public Detection detect() {
        return detector.detect(text);
    }
}
