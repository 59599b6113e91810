package dev.haven.server.paging;

import java.time.Duration;

/** Where a page's retries wait: a thread of the pager's own in the server, a manual clock in tests. */
public interface PageScheduler {
    void schedule(Runnable task, Duration delay);
}
