package dev.haven.server.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions one node asks another over the {@link NodeBus} ({@link Envelope.Call}), and their
 * answers ({@link Envelope.Answer}): what the admin API and check-ins need of other nodes. An
 * answer that does not come within the timeout fails the call with
 * {@link StoreUnavailableException}. Handlers are registered by kind before the node listens.
 *
 * <p><b>Threading.</b> Calls may be made from any thread; answers complete on the inbox's
 * thread or the timer's. Handlers are called on the inbox's thread and must not block.
 */
final class NodeCalls {
    private static final Logger log = LoggerFactory.getLogger(NodeCalls.class);

    /** Answers one kind of call. */
    interface Handler {
        CompletableFuture<byte[]> answer(NodeId from, byte[] payload);
    }

    private final NodeBus bus;
    private final ScheduledExecutorService timers;
    private final Duration timeout;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    NodeCalls(NodeBus bus, ScheduledExecutorService timers, Duration timeout) {
        this.bus = bus;
        this.timers = timers;
        this.timeout = timeout;
    }

    void on(String kind, Handler handler) {
        handlers.put(kind, handler);
    }

    CompletableFuture<byte[]> call(NodeId to, String kind, byte[] payload) {
        long id = next.incrementAndGet();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        var timer = timers.schedule(() -> fail(id, "no answer from node " + to), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        answer.whenComplete((done, error) -> timer.cancel(false));
        bus.send(to, Envelope.encode(new Envelope.Call(id, kind, payload))).whenComplete((sent, error) -> {
            if (error != null) {
                fail(id, "the call could not be sent");
            }
        });
        return answer;
    }

    /** Asks every node of {@code to}; the answers of those that answered, in no order. */
    CompletableFuture<List<byte[]>> callAll(Set<NodeId> to, String kind, byte[] payload) {
        List<CompletableFuture<byte[]>> calls = new ArrayList<>();
        for (NodeId node : to) {
            calls.add(call(node, kind, payload).exceptionally(error -> null));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<byte[]> answers = new ArrayList<>();
            calls.forEach(call -> {
                if (call.join() != null) {
                    answers.add(call.join());
                }
            });
            return answers;
        });
    }

    void received(NodeId from, Envelope.Call call) {
        Handler handler = handlers.get(call.kind());
        CompletableFuture<byte[]> answer;
        try {
            answer = handler == null ? CompletableFuture.failedFuture(new IllegalStateException("no handler"))
                    : handler.answer(from, call.payload());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((payload, error) -> {
            if (error != null) {
                log.warn("a {} call from node {} failed: {}", call.kind(), from, LuaScript.unwrap(error).getClass().getSimpleName());
            }
            bus.send(from, Envelope.encode(new Envelope.Answer(call.call(), error != null,
                    error != null || payload == null ? new byte[0] : payload)));
        });
    }

    void answered(Envelope.Answer answer) {
        CompletableFuture<byte[]> waiter = waiting.remove(answer.call());
        if (waiter == null) {
            return;
        }
        if (answer.failed()) {
            waiter.completeExceptionally(new StoreUnavailableException("the other node could not answer", null));
        } else {
            waiter.complete(answer.payload());
        }
    }

    private void fail(long id, String why) {
        CompletableFuture<byte[]> waiter = waiting.remove(id);
        if (waiter != null) {
            waiter.completeExceptionally(new StoreUnavailableException(why, null));
        }
    }
}
