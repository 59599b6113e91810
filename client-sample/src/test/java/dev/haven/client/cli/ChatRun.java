package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.haven.client.ReconnectPolicy;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One command-line chat running on its own thread, with typed input and captured output, as a person would use it. */
final class ChatRun implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TypedInput input = new TypedInput();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private ChatRun(ChatOptions options, ReconnectPolicy policy) {
        ChatSession session = new ChatSession(options, new BufferedReader(input),
                new PrintStream(output, true, StandardCharsets.UTF_8), false, policy);
        Thread thread = new Thread(() -> {
            try {
                exit.complete(session.run());
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "chat-" + options.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a chat with these command-line arguments (no environment). */
    static ChatRun start(String... args) {
        return start(ReconnectPolicy.DEFAULT, args);
    }

    /** Starts a chat that reconnects by this policy. */
    static ChatRun start(ReconnectPolicy policy, String... args) {
        return new ChatRun(ChatOptions.parse(List.of(args), Map.of()), policy);
    }

    /** Starts a chat with {@code --url} for this server and these further arguments. */
    static ChatRun at(URI url, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url.toString()));
        all.addAll(List.of(args));
        return start(all.toArray(String[]::new));
    }

    void type(String line) {
        input.type(line);
    }

    /** Ctrl-D. */
    void endInput() {
        input.end();
    }

    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    void awaitOutput(String expected) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            failIfCrashed();
            assertThat(output()).contains(expected);
        });
    }

    void awaitOutputMatching(String regex) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            failIfCrashed();
            assertThat(output()).containsPattern(regex);
        });
    }

    /**
     * Stops a wait for output at once when the chat's thread died of an exception, with that
     * exception, rather than letting the wait run into its timeout with the cause unseen.
     */
    private void failIfCrashed() {
        if (exit.isCompletedExceptionally()) {
            Throwable crash = exit.handle((status, error) -> error).join();
            throw new IllegalStateException("the chat thread died; output so far:\n" + output(), crash);
        }
    }

    int awaitExit() throws Exception {
        return awaitExit(TIMEOUT);
    }

    int awaitExit(Duration within) throws Exception {
        return exit.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean hasExited() {
        return exit.isDone();
    }

    @Override
    public void close() {
        input.end();
    }
}
