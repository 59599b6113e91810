package dev.haven.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.LimitSettings;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and half-valid frames from a seeded generator: each gets exactly one
 * reply, never {@code internal}, and a member chatting in the same room is still served. The
 * seed is fixed so a failure can be replayed; {@code -Dhaven.fuzz.seed=N} tries another.
 * Rate and bad-frame limits are lifted here: they are tested on their own, and would otherwise
 * end the connection long before the generator runs out.
 */
class RandomFramesTest {
    private static final long SEED = Long.getLong("haven.fuzz.seed", 20_240_611L);
    private static final int FRAMES_AFTER_HELLO = 3000;
    private static final int FRAMES_BEFORE_HELLO = 500;
    private static final int BATCH = 50;
    private static final Duration MAX_TIME = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> TYPES = List.of("hello", "ping", "rooms", "join", "leave", "send", "raise_hand",
            "lower_hand", "report", "mute", "unmute", "remove", "ban", "unban", "delete", "set_room", "voice", "admit",
            "deny", "warn", "stats", "audit", "dance", "PING", "");
    private static final List<String> KEYS = List.of("type", "id", "room", "text", "name", "token", "since",
            "acceptGuidelines", "user", "seconds", "reason", "seq", "locked", "granted", "limit", "category", "tag",
            "q", "clientId", "slowModeSeconds", "moderated", "admission", "cw", "x");
    private static final List<String> ROOMS = List.of("lounge", "circle", "small", "nowhere", "", "LOUNGE");
    /** Valid requests, each to be bent a little. */
    private static final List<String> TEMPLATES = List.of(
            "{'type':'ping','id':'p'}",
            "{'type':'rooms','id':'r','category':'general'}",
            "{'type':'join','id':'j','room':'lounge'}",
            "{'type':'join','id':'j','room':'circle','acceptGuidelines':true,'since':0}",
            "{'type':'leave','id':'l','room':'lounge'}",
            "{'type':'send','id':'s','room':'lounge','text':'hello there','clientId':'c1'}",
            "{'type':'raise_hand','id':'h','room':'lounge'}",
            "{'type':'report','id':'rp','room':'lounge','seq':1,'reason':'spam'}",
            "{'type':'mute','id':'m','room':'lounge','user':'guest-x','seconds':60}",
            "{'type':'set_room','id':'sr','room':'lounge','locked':true}",
            "{'type':'hello','id':'hi','name':'Again'}",
            "{'type':'audit','id':'a','room':'lounge','limit':5}");

    @Test
    void frames_randomAndHalfValid_eachGetOneReplyNeverInternalAndABystanderIsServed() {
        LimitSettings lifted = new LimitSettings(4000, 65536, 100_000, 100_000, 100_000, 100_000, 100_000)
                .withBadFramesPerMinute(100_000);
        HavenConfig config = TestServer.config(50).withLimits(lifted);
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try (TestServer server = TestServer.start(config);
             TestClient bystander = TestClient.guest(server.port(), "Bystander");
             TestClient anonymous = TestClient.connect(server.port());
             TestClient fuzzer = TestClient.guest(server.port(), "Fuzzer")) {
            assertThat(bystander.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");
            assertThat(fuzzer.request("{\"type\":\"join\",\"room\":\"lounge\"}").path("type").asText()).isEqualTo("ok");

            int anonymousReplies = exchange(anonymous, random, FRAMES_BEFORE_HELLO, deadline);
            int replies = exchange(fuzzer, random, FRAMES_AFTER_HELLO, deadline);

            assertThat(anonymousReplies).as("replies before hello, seed %d", SEED).isEqualTo(FRAMES_BEFORE_HELLO);
            assertThat(replies).as("replies after hello, seed %d", SEED).isEqualTo(FRAMES_AFTER_HELLO);
            assertThat(fuzzer.isClosed()).as("seed %d", SEED).isFalse();
            assertThat(fuzzer.request("{\"type\":\"ping\"}").path("type").asText()).isEqualTo("ok");
            assertThat(bystander.drainReceived()).noneMatch(f -> "internal".equals(f.path("code").asText()));
            String text = "still here " + UUID.randomUUID();
            assertThat(bystander.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}")
                    .path("type").asText()).isEqualTo("ok");
            bystander.await(f -> "message".equals(f.path("type").asText()) && text.equals(f.path("text").asText()));
        }
    }

    /**
     * Sends {@code count} generated frames in batches and counts the replies; every reply is
     * checked. (A generated {@code hello} may well sign the anonymous connection in part-way.)
     */
    private static int exchange(TestClient client, Random random, int count, long deadline) {
        int replies = 0;
        for (int sent = 0; sent < count; sent += BATCH) {
            assertThat(System.nanoTime()).as("time left, seed %d", SEED).isLessThan(deadline);
            int batch = Math.min(BATCH, count - sent);
            for (int i = 0; i < batch; i++) {
                client.sendRaw(frame(random));
            }
            for (int i = 0; i < batch; i++) {
                JsonNode reply = client.await(RandomFramesTest::isReply);
                assertThat(reply.path("code").asText()).as("reply %s, seed %d", reply, SEED).isNotEqualTo("internal");
                replies++;
            }
            client.drainReceived().stream().filter(RandomFramesTest::isReply).findAny().ifPresent(extra -> {
                throw new AssertionError("a reply too many: " + extra + ", seed " + SEED);
            });
        }
        return replies;
    }

    private static boolean isReply(JsonNode frame) {
        String type = frame.path("type").asText();
        return "ok".equals(type) || "error".equals(type);
    }

    // ---------------------------------------------------------------- the generator

    private static String frame(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1 -> garbage(random);
            case 2, 3, 4 -> randomObject(random, 0).toString();
            default -> bend(random, TEMPLATES.get(random.nextInt(TEMPLATES.size())).replace('\'', '"'));
        };
    }

    /** Characters JSON is made of, and some it is not, in no particular order. */
    private static String garbage(Random random) {
        return garbage(random, random.nextInt(120));
    }

    private static String garbage(Random random, int length) {
        String alphabet = "{}[]\":,\\ \t\n0123456789.-+eEtrufalsn\u00e9\u00df\u4e2d";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(40) == 0) {
                text.appendCodePoint(0x1F33B);
            } else {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString();
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        if (random.nextInt(4) != 0) {
            object.put("type", TYPES.get(random.nextInt(TYPES.size())));
        }
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            object.set(KEYS.get(random.nextInt(KEYS.size())), randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 7 : 9)) {
            case 0 -> NODES.textNode(ROOMS.get(random.nextInt(ROOMS.size())));
            case 1 -> NODES.textNode(garbage(random));
            case 2 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.nullNode();
            case 7 -> randomObject(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
        };
    }

    /** A valid request bent one way: a field dropped, retyped or added, the text cut or spliced. */
    private static String bend(Random random, String valid) {
        ObjectNode request;
        try {
            request = (ObjectNode) JSON.readTree(valid);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            names.add(field.getKey());
        }
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(8)) {
            case 0 -> request.remove(name);
            case 1 -> request.set(name, randomValue(random, 2));
            case 2 -> request.set(KEYS.get(random.nextInt(KEYS.size())), randomValue(random, 2));
            case 3 -> {
                String text = request.toString();
                return text.substring(0, random.nextInt(text.length()));
            }
            case 4 -> {
                String text = request.toString();
                int at = random.nextInt(text.length());
                return text.substring(0, at) + garbage(random, 1 + random.nextInt(3)) + text.substring(at);
            }
            case 5 -> {
                String text = request.toString();
                return text.substring(0, text.length() - 1) + ",\"" + name + "\":" + randomValue(random, 3) + "}";
            }
            case 6 -> request.put("type", TYPES.get(random.nextInt(TYPES.size())));
            default -> {
                // Left valid: some frames must reach the rooms.
            }
        }
        return request.toString();
    }
}
