package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.client.ScriptedConnections.Connection;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.HelloResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the reconnecting client finds its check-ins again, with the test playing the server:
 * what it asks on a new connection, what it hands the listener (each message once, in order,
 * live ones after the catch-up), and check-ins that ended while it was away.
 */
class JoinedCheckinsTest {
    private static final String ID = "ck:lounge:0123456789abcdef";
    private static final RandomGenerator LONGEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public double nextDouble() {
            return Math.nextDown(1.0);
        }
    };

    /** What the client told about check-ins, one line each. */
    private static final class Told implements ReconnectListener {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void onCheckin(CheckinEvent checkin) {
            lines.add("checkin " + checkin.checkin().id() + " " + checkin.checkin().state().wireName());
        }

        @Override
        public void onCheckinMessage(CheckinMessage message) {
            lines.add("message " + message.seq() + " " + message.text());
        }

        @Override
        public void onCheckinEnded(CheckinInfo lastSeen) {
            lines.add("ended " + lastSeen.id());
        }

        List<String> drain() {
            List<String> told = List.copyOf(lines);
            lines.clear();
            return told;
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ScriptedConnections server = new ScriptedConnections();
    private final Told told = new Told();

    private static String info(String id, String state, long seq) {
        return "{\"id\":\"" + id + "\",\"room\":\"lounge\",\"member\":{\"id\":\"m1\",\"name\":\"Robin\",\"role\":\"member\"},"
                + "\"openedBy\":{\"id\":\"f1\",\"name\":\"Fran\",\"role\":\"facilitator\"},\"state\":\"" + state
                + "\",\"seq\":" + seq + ",\"openedAt\":1000,\"staff\":[]}";
    }

    private static String event(String id, String state, long seq) {
        return "{\"type\":\"checkin\",\"checkin\":" + info(id, state, seq) + "}";
    }

    private static String message(String id, long seq) {
        return "{\"type\":\"checkin_message\",\"checkin\":\"" + id + "\",\"room\":\"lounge\",\"seq\":" + seq
                + ",\"from\":{\"id\":\"f1\",\"name\":\"Fran\",\"role\":\"facilitator\"},\"text\":\"m" + seq
                + "\",\"ts\":" + (1000 + seq) + "}";
    }

    /** Robin is connected, in the check-in, and has seen its messages 1 and 2. */
    @BeforeEach
    void robinInACheckin() throws Exception {
        ReconnectingClient robin = ReconnectingClient.builder(URI.create("ws://haven.test/ws"), Hello.guest("Robin"))
                .listener(told).scheduler(scheduler).random(LONGEST).connector(server).build();
        CompletableFuture<HelloResult> started = robin.start();
        scheduler.runReady();
        Connection first = server.latest();
        first.helloOk("m1", "Robin");
        scheduler.runReady();
        assertThat(started).isCompleted();
        assertThat(first.last("checkins").path("type").asText()).as("asked at once").isEqualTo("checkins");
        first.ok("checkins", "\"checkins\":[]");
        first.event(event(ID, "open", 0));
        first.event(message(ID, 1));
        first.event(message(ID, 2));
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("checkin " + ID + " open", "message 1 m1", "message 2 m2");
    }

    private Connection reconnect() {
        int made = server.made.size();
        server.latest().drop();
        scheduler.runReady();
        for (int step = 0; step < 600 && server.made.size() == made; step++) {
            scheduler.advance(Duration.ofMillis(100));
        }
        Connection next = server.latest();
        next.helloOk("m1", "Robin");
        scheduler.runReady();
        return next;
    }

    @Test
    void afterAReconnect_theMissedMessagesComeOnceAndInOrder_beforeTheLiveOnesThatArrivedMeanwhile() {
        Connection second = reconnect();
        second.event(message(ID, 4));
        second.event(message(ID, 5));
        scheduler.runReady();
        assertThat(told.drain()).as("held until caught up").isEmpty();

        second.ok("checkins", "\"checkins\":[" + info(ID, "open", 5) + "]");
        scheduler.runReady();
        assertThat(second.last("checkin_history").path("checkin").asText()).isEqualTo(ID);
        assertThat(second.last("checkin_history").path("since").asLong()).isEqualTo(2);
        second.ok("checkin_history", "\"checkin\":" + info(ID, "open", 5) + ",\"messages\":[" + message(ID, 3) + ","
                + message(ID, 4) + "],\"gap\":false");
        scheduler.runReady();
        second.event(message(ID, 5));
        second.event(message(ID, 6));
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("message 3 m3", "message 4 m4", "message 5 m5", "message 6 m6");
    }

    @Test
    void aCheckinNoLongerListed_endedWhileAway_andOneNewToTheClientComesWithItsHistory() {
        String other = "ck:circle:fedcba9876543210";
        Connection second = reconnect();

        second.ok("checkins", "\"checkins\":[" + info(other, "open", 1) + "]");
        scheduler.runReady();
        assertThat(second.last("checkin_history").path("since").asLong()).isZero();
        second.ok("checkin_history", "\"checkin\":" + info(other, "open", 1) + ",\"messages\":["
                + message(other, 1).replace("\"room\":\"lounge\"", "\"room\":\"circle\"") + "],\"gap\":false");
        scheduler.runReady();

        assertThat(told.drain()).containsExactly("ended " + ID, "checkin " + other + " open", "message 1 m1");
    }

    @Test
    void nothingMissed_asksNoHistory_andAFailedListingLetsTheLiveEventsThrough() {
        Connection second = reconnect();
        second.ok("checkins", "\"checkins\":[" + info(ID, "open", 2) + "]");
        scheduler.runReady();
        assertThat(second.frames()).extracting(f -> f.path("type").asText()).doesNotContain("checkin_history");
        second.event(message(ID, 3));
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("message 3 m3");

        Connection third = reconnect();
        third.event(message(ID, 4));
        third.error("checkins", "rate_limited", "slow down");
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("message 4 m4");
    }

    @Test
    void aClosedCheckin_isForgotten_andNotAskedAboutAgain() {
        Connection first = server.latest();
        first.event(event(ID, "closed", 2));
        scheduler.runReady();
        assertThat(told.drain()).containsExactly("checkin " + ID + " closed");

        Connection second = reconnect();
        second.ok("checkins", "\"checkins\":[]");
        scheduler.runReady();

        assertThat(told.drain()).isEmpty();
    }
}
