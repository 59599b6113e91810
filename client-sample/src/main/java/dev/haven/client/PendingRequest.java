package dev.haven.client;

import dev.haven.protocol.server.Result;
import java.util.concurrent.CompletableFuture;

/** A request sent and not yet answered: the result type its reply decodes to, and the future the reply completes. */
record PendingRequest<R extends Result>(Class<R> resultType, CompletableFuture<R> future) {
    void complete(Result result) {
        if (resultType.isInstance(result)) {
            future.complete(resultType.cast(result));
        } else {
            future.completeExceptionally(new IllegalStateException("reply of an unexpected type"));
        }
    }
}
