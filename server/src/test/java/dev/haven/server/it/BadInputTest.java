package dev.haven.server.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.model.Role;
import dev.haven.server.auth.TokenService;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.ServerSettings;
import dev.haven.server.testing.TestClient;
import dev.haven.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input the protocol names, over real WebSocket connections: each gets the
 * documented error code (or close code), echoes the request id when one could be read, never
 * quotes the input back, and leaves the connection, and everyone else on the server, working.
 */
class BadInputTest {
    /** Placed in bad input; must never come back in an error message. */
    private static final String CANARY = "CANARY-q7x";
    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    /** Someone chatting in the lounge throughout, who must not notice anyone else's bad input. */
    private static TestClient bystander;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        bystander = TestClient.guest(server.port(), "Bystander");
        assertOk(bystander.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
    }

    @AfterAll
    static void stop() {
        if (bystander != null) {
            bystander.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- bad frames after hello

    /** One bad frame, the reply it must get, and the id that reply must echo (null: none). */
    record Case(String name, String frame, String code, String id) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case bad(String name, String frame, String code, String id) {
        return new Case(name, frame.replace('\'', '"'), code, id);
    }

    static Stream<Case> badFramesAfterHello() {
        String longId = CANARY + "x".repeat(65 - CANARY.length());
        String deep = "[".repeat(40) + "]".repeat(40);
        return Stream.of(
                // Not a JSON object.
                bad("not JSON", CANARY + " this is not json", "bad_request", null),
                bad("truncated JSON", "{'id':'tr','type':'ping','x':'" + CANARY, "bad_request", null),
                bad("JSON array", "[{'type':'ping','id':'" + CANARY + "'}]", "bad_request", null),
                bad("JSON string", "'" + CANARY + "'", "bad_request", null),
                bad("JSON number", "4242", "bad_request", null),
                bad("JSON null", "null", "bad_request", null),
                bad("JSON boolean", "true", "bad_request", null),
                bad("empty frame", "", "bad_request", null),
                bad("whitespace-only frame", "  \n\t ", "bad_request", null),
                bad("two objects in one frame", "{'id':'tw1','type':'ping'}{'id':'tw2','type':'ping'}",
                        "bad_request", null),
                bad("duplicate key", "{'id':'dk','type':'ping','type':'" + CANARY + "'}", "bad_request", null),
                bad("nested too deeply", "{'id':'dn','type':'ping','x':" + deep + "}", "bad_request", null),
                // No usable type.
                bad("empty object", "{}", "bad_request", null),
                bad("object without type", "{'id':'nt','room':'" + CANARY + "'}", "bad_request", "nt"),
                bad("type is a number", "{'id':'tn','type':7}", "bad_request", "tn"),
                bad("type is null", "{'id':'tz','type':null}", "bad_request", "tz"),
                bad("type is an object", "{'id':'to','type':{'" + CANARY + "':'ping'}}", "bad_request", "to"),
                bad("type is an array", "{'id':'ta','type':['ping']}", "bad_request", "ta"),
                bad("type is a boolean", "{'id':'tb','type':true}", "bad_request", "tb"),
                bad("unknown type", "{'id':'ut','type':'" + CANARY + "'}", "unknown_type", "ut"),
                bad("type in the wrong case", "{'id':'uc','type':'PING'}", "unknown_type", "uc"),
                // An id that is not a client-chosen string of at most 64 characters.
                bad("id is a number", "{'type':'ping','id':42}", "bad_request", null),
                bad("id is an object", "{'type':'ping','id':{'" + CANARY + "':1}}", "bad_request", null),
                bad("id is a boolean", "{'type':'ping','id':true}", "bad_request", null),
                bad("id over 64 chars", "{'type':'ping','id':'" + longId + "'}", "bad_request", null),
                bad("id over 64 chars on an unknown type", "{'type':'dance','id':'" + longId + "'}",
                        "bad_request", null),
                // Missing fields.
                bad("join without room", "{'id':'j1','type':'join'}", "bad_request", "j1"),
                bad("join with null room", "{'id':'j2','type':'join','room':null}", "bad_request", "j2"),
                bad("join with empty room", "{'id':'j3','type':'join','room':''}", "bad_request", "j3"),
                bad("leave without room", "{'id':'l1','type':'leave'}", "bad_request", "l1"),
                bad("send without text", "{'id':'s1','type':'send','room':'lounge'}", "bad_request", "s1"),
                bad("send without room", "{'id':'s2','type':'send','text':'" + CANARY + "'}", "bad_request", "s2"),
                bad("send with null text", "{'id':'s3','type':'send','room':'lounge','text':null}",
                        "bad_request", "s3"),
                // Fields of the wrong JSON type: never coerced.
                bad("join with room a number", "{'id':'m1','type':'join','room':123}", "bad_request", "m1"),
                bad("join with room an object", "{'id':'m2','type':'join','room':{'" + CANARY + "':1}}",
                        "bad_request", "m2"),
                bad("join with room an array", "{'id':'m3','type':'join','room':['lounge']}", "bad_request", "m3"),
                bad("join with since a string", "{'id':'m4','type':'join','room':'lounge','since':'5'}",
                        "bad_request", "m4"),
                bad("join with since a fraction", "{'id':'m5','type':'join','room':'lounge','since':1.5}",
                        "bad_request", "m5"),
                bad("join with since a boolean", "{'id':'m6','type':'join','room':'lounge','since':true}",
                        "bad_request", "m6"),
                bad("join with since negative", "{'id':'m7','type':'join','room':'lounge','since':-1}",
                        "bad_request", "m7"),
                bad("join with since beyond a long",
                        "{'id':'m8','type':'join','room':'lounge','since':99999999999999999999}", "bad_request", "m8"),
                bad("join with acceptGuidelines a string",
                        "{'id':'m9','type':'join','room':'circle','acceptGuidelines':'yes'}", "bad_request", "m9"),
                bad("join with acceptGuidelines a number",
                        "{'id':'m10','type':'join','room':'circle','acceptGuidelines':1}", "bad_request", "m10"),
                bad("leave with room a number", "{'id':'m11','type':'leave','room':5}", "bad_request", "m11"),
                bad("send with text false", "{'id':'m12','type':'send','room':'lounge','text':false}",
                        "bad_request", "m12"),
                bad("send with text a number", "{'id':'m13','type':'send','room':'lounge','text':12}",
                        "bad_request", "m13"),
                bad("send with text an object",
                        "{'id':'m14','type':'send','room':'lounge','text':{'" + CANARY + "':1}}", "bad_request", "m14"),
                bad("send with clientId a number",
                        "{'id':'m15','type':'send','room':'lounge','text':'hi','clientId':5}", "bad_request", "m15"),
                bad("rooms with an unknown category", "{'id':'m16','type':'rooms','category':'" + CANARY + "'}",
                        "bad_request", "m16"),
                bad("rooms with tag a number", "{'id':'m17','type':'rooms','tag':5}", "bad_request", "m17"),
                // Empty text.
                bad("send with empty text", "{'id':'e1','type':'send','room':'lounge','text':''}", "bad_request", "e1"),
                bad("send with whitespace-only text",
                        "{'id':'e2','type':'send','room':'lounge','text':'   \\t\\n  '}", "bad_request", "e2"),
                // Rooms that do not exist or were not joined.
                bad("join an unknown room", "{'id':'n1','type':'join','room':'" + CANARY + "'}", "not_found", "n1"),
                bad("leave an unknown room", "{'id':'n2','type':'leave','room':'" + CANARY + "'}", "not_found", "n2"),
                bad("send to an unknown room", "{'id':'n3','type':'send','room':'" + CANARY + "','text':'hi'}",
                        "not_found", "n3"),
                bad("send to a room not joined", "{'id':'n4','type':'send','room':'lounge','text':'" + CANARY + "'}",
                        "not_in_room", "n4"),
                bad("leave a room not joined", "{'id':'n5','type':'leave','room':'lounge'}", "not_in_room", "n5"),
                // Guidelines.
                bad("join a guidelines room without accepting", "{'id':'g1','type':'join','room':'circle'}",
                        "guidelines_required", "g1"),
                bad("join a guidelines room accepting false",
                        "{'id':'g2','type':'join','room':'circle','acceptGuidelines':false}",
                        "guidelines_required", "g2"),
                bad("join a guidelines room accepting null",
                        "{'id':'g3','type':'join','room':'circle','acceptGuidelines':null}",
                        "guidelines_required", "g3"),
                // A second hello.
                bad("second hello as a guest", "{'id':'h2','type':'hello','name':'" + CANARY + "'}",
                        "bad_request", "h2"),
                bad("second hello without token or name", "{'id':'h3','type':'hello'}", "bad_request", "h3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFramesAfterHello")
    void request_badInputAfterHello_getsErrorAndConnectionKeepsWorking(Case bad) {
        try (TestClient client = TestClient.guest(server.port(), "Tester")) {
            client.sendRaw(bad.frame());

            assertError(nextReply(client), bad.code(), bad.id());
            assertStillServes(client);
        }
    }

    // ---------------------------------------------------------------- bad frames before hello

    static Stream<Case> badFramesBeforeHello() {
        return Stream.of(
                bad("ping before hello", "{'id':'p1','type':'ping'}", "unauthenticated", "p1"),
                bad("rooms before hello", "{'id':'p2','type':'rooms'}", "unauthenticated", "p2"),
                bad("join before hello", "{'id':'p3','type':'join','room':'lounge'}", "unauthenticated", "p3"),
                bad("leave before hello", "{'id':'p4','type':'leave','room':'lounge'}", "unauthenticated", "p4"),
                bad("send before hello", "{'id':'p5','type':'send','room':'lounge','text':'" + CANARY + "'}",
                        "unauthenticated", "p5"),
                bad("not JSON before hello", CANARY + " not json", "bad_request", null),
                bad("JSON array before hello", "[1,2]", "bad_request", null),
                bad("object without type before hello", "{'id':'p6','name':'" + CANARY + "'}", "bad_request", "p6"),
                bad("unknown type before hello", "{'id':'p7','type':'" + CANARY + "'}", "unauthenticated", "p7"),
                bad("hello without token or name", "{'id':'p8','type':'hello'}", "bad_request", "p8"),
                bad("hello with empty name", "{'id':'p9','type':'hello','name':''}", "bad_request", "p9"),
                bad("hello with whitespace-only name", "{'id':'p10','type':'hello','name':'   '}", "bad_request",
                        "p10"),
                bad("hello with name over 32 chars",
                        "{'id':'p11','type':'hello','name':'" + CANARY + "y".repeat(33 - CANARY.length()) + "'}",
                        "bad_request", "p11"),
                bad("hello with a control character in the name",
                        "{'id':'p12','type':'hello','name':'" + CANARY + "\\u0007'}", "bad_request", "p12"),
                bad("hello with name a number", "{'id':'p13','type':'hello','name':7}", "bad_request", "p13"),
                bad("hello with token a number", "{'id':'p14','type':'hello','token':7}", "bad_request", "p14"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFramesBeforeHello")
    void request_badInputBeforeHello_getsErrorAndHelloCanStillFollow(Case bad) {
        try (TestClient client = TestClient.connect(server.port())) {
            client.sendRaw(bad.frame());

            assertError(nextReply(client), bad.code(), bad.id());
            JsonNode hello = client.request("{\"type\":\"hello\",\"name\":\"Retry\"}");
            assertOk(hello);
            assertThat(hello.path("user").path("name").asText()).isEqualTo("Retry");
            assertStillServes(client);
        }
    }

    // ---------------------------------------------------------------- boundaries that are accepted

    @Test
    void request_idOfExactly64Chars_isEchoed() {
        try (TestClient client = TestClient.guest(server.port(), "Tester")) {
            String id = "i".repeat(64);
            client.sendRaw("{\"type\":\"ping\",\"id\":\"" + id + "\"}");

            JsonNode reply = nextReply(client);
            assertOk(reply);
            assertThat(reply.path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void hello_nameOfExactly32CharsAfterTrimming_isAccepted() {
        try (TestClient client = TestClient.connect(server.port())) {
            String name = "n".repeat(32);
            JsonNode reply = client.request("{\"type\":\"hello\",\"name\":\"  " + name + "  \"}");

            assertOk(reply);
            assertThat(reply.path("user").path("name").asText()).isEqualTo(name);
        }
    }

    @Test
    void send_textOfExactly4000Chars_isAcceptedAndDeliveredWhole() {
        try (TestClient client = TestClient.guest(server.port(), "Writer")) {
            assertOk(client.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            String text = "a".repeat(3990) + "0123456789";

            JsonNode reply = client.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}");

            assertOk(reply);
            JsonNode message = client.await(f -> "message".equals(f.path("type").asText())
                    && f.path("seq").asLong() == reply.path("seq").asLong());
            assertThat(message.path("text").asText()).isEqualTo(text);
        }
    }

    @Test
    void send_textOver4000Chars_isTooLarge() {
        try (TestClient client = TestClient.guest(server.port(), "Writer")) {
            assertOk(client.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            String text = CANARY + "b".repeat(4001 - CANARY.length());

            client.sendRaw("{\"id\":\"big\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}");

            assertError(nextReply(client), "too_large", "big");
            assertStillServes(client);
            assertThat(client.drainReceived()).as("no message was broadcast")
                    .noneMatch(f -> "message".equals(f.path("type").asText()));
        }
    }

    @Test
    void send_textOver4000CharsOutsideTheBmp_isTooLarge() {
        try (TestClient client = TestClient.guest(server.port(), "Writer")) {
            assertOk(client.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            String text = "\uD83C\uDF3B".repeat(4001);

            client.sendRaw("{\"id\":\"sunflowers\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}");

            assertError(nextReply(client), "too_large", "sunflowers");
            assertStillServes(client);
        }
    }

    @Test
    void textFrame_ofExactly64KiB_isAnsweredAndConnectionStaysOpen() {
        try (TestClient client = TestClient.guest(server.port(), "Writer")) {
            assertOk(client.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            String frame = padTo("{\"id\":\"edge\",\"type\":\"send\",\"room\":\"lounge\",\"text\":\"", "\"}",
                    MAX_FRAME_BYTES);

            client.sendRaw(frame);

            assertError(nextReply(client), "too_large", "edge");
            assertStillServes(client);
            assertThat(client.isClosed()).isFalse();
        }
    }

    // ---------------------------------------------------------------- session and room rules

    @Test
    void hello_second_isBadRequestAndKeepsTheFirstIdentity() {
        try (TestClient client = TestClient.guest(server.port(), "First")) {
            String token = server.token("fac-9", "Fiona", Role.FACILITATOR);

            assertError(call(client, "h2", "{'type':'hello','name':'Second'}"), "bad_request", "h2");
            assertError(call(client, "h3", "{'type':'hello','token':'" + token + "'}"), "bad_request", "h3");

            assertOk(client.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            JsonNode sent = client.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"who am I\"}");
            assertOk(sent);
            JsonNode message = client.await(f -> "message".equals(f.path("type").asText())
                    && f.path("seq").asLong() == sent.path("seq").asLong());
            assertThat(message.path("from").path("name").asText()).isEqualTo("First");
            assertThat(message.path("from").path("role").asText()).isEqualTo("member");
        }
    }

    @Test
    void join_guidelinesRoomWithoutAcceptance_isRefusedThenAcceptedWithIt() {
        try (TestClient client = TestClient.guest(server.port(), "Reader")) {
            assertError(call(client, "j1", "{'type':'join','room':'circle'}"), "guidelines_required", "j1");
            assertError(call(client, "s1", "{'type':'send','room':'circle','text':'hi'}"), "not_in_room", "s1");

            JsonNode joined = client.request("{\"type\":\"join\",\"room\":\"circle\",\"acceptGuidelines\":true}");

            assertOk(joined);
            assertThat(joined.path("room").path("id").asText()).isEqualTo("circle");
            assertThat(joined.path("room").path("guidelines").asText()).isEqualTo("Be kind.");
            assertOk(client.request("{\"type\":\"send\",\"room\":\"circle\",\"text\":\"hi\"}"));
            assertOk(client.request("{\"type\":\"leave\",\"room\":\"circle\"}"));
            assertError(call(client, "l2", "{'type':'leave','room':'circle'}"), "not_in_room", "l2");
        }
    }

    @Test
    void join_smallRoomAsThirdUser_isRoomFullWhileSecondDeviceOfPresentUserGetsIn() {
        try (TestClient alice = TestClient.withToken(server.port(), server.token("alice", "Alice", Role.MEMBER));
             TestClient bob = TestClient.withToken(server.port(), server.token("bob", "Bob", Role.MEMBER));
             TestClient carol = TestClient.withToken(server.port(), server.token("carol", "Carol", Role.MEMBER));
             TestClient alicePhone = TestClient.withToken(server.port(), server.token("alice", "Alice", Role.MEMBER))) {
            assertOk(alice.request("{\"type\":\"join\",\"room\":\"small\"}"));
            assertOk(bob.request("{\"type\":\"join\",\"room\":\"small\"}"));

            assertError(call(carol, "cj", "{'type':'join','room':'small'}"), "room_full", "cj");
            JsonNode second = alicePhone.request("{\"type\":\"join\",\"room\":\"small\"}");

            assertOk(second);
            assertThat(second.path("room").path("members").asInt()).isEqualTo(2);
            assertThat(second.path("members")).extracting(m -> m.path("id").asText())
                    .containsExactlyInAnyOrder("alice", "bob");
            assertError(call(carol, "cs", "{'type':'send','room':'small','text':'let me in'}"), "not_in_room", "cs");
            assertStillServes(carol);
            assertOk(alicePhone.request("{\"type\":\"send\",\"room\":\"small\",\"text\":\"from my phone\"}"));
        }
    }

    @Test
    void requests_sentBackToBack_areAnsweredInRequestOrder() {
        String tooLong = "c".repeat(4001);
        List<String> frames = List.of(
                "{'id':'o01','type':'ping'}",
                "{'id':'o02','type':'join','room':'lounge'}",
                "{'id':'o03','type':'send','room':'lounge','text':'first'}",
                "not json at all",
                "{'id':'o05','type':'dance'}",
                "{'id':'o06','type':'send','room':'lounge','text':''}",
                "{'id':'o07','type':'join','room':'nowhere'}",
                "{'id':'o08','type':'send','room':'circle','text':'hi'}",
                "{'id':'o09','type':'rooms'}",
                "{'id':'o10','type':'join','room':'circle'}",
                "{'id':'o11','type':'join','room':'circle','acceptGuidelines':true}",
                "{'id':'o12','type':'send','room':'circle','text':'second'}",
                "{'type':'ping','id':7}",
                "{'id':'o14','type':'send','room':'lounge','text':'" + tooLong + "'}",
                "{'id':'o15','type':'leave','room':'circle'}",
                "{'id':'o16','type':'leave','room':'circle'}",
                "{'id':'o17','type':'hello','name':'Again'}",
                "{'id':'o18','room':'lounge'}",
                "{'id':'o19','type':'send','room':'lounge','text':'third'}",
                "{'id':'o20','type':'ping'}");
        List<String> expected = List.of(
                "o01 ok", "o02 ok", "o03 ok", "- bad_request", "o05 unknown_type", "o06 bad_request",
                "o07 not_found", "o08 not_in_room", "o09 ok", "o10 guidelines_required", "o11 ok", "o12 ok",
                "- bad_request", "o14 too_large", "o15 ok", "o16 not_in_room", "o17 bad_request",
                "o18 bad_request", "o19 ok", "o20 ok");
        try (TestClient client = TestClient.guest(server.port(), "Hasty")) {
            for (String frame : frames) {
                client.sendRaw(frame.replace('\'', '"'));
            }

            List<JsonNode> replies = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                replies.add(nextReply(client));
            }

            assertThat(replies).extracting(BadInputTest::describe).containsExactlyElementsOf(expected);
            assertThat(replies.get(18).path("seq").asLong()).as("seq of the lounge message after 'first'")
                    .isEqualTo(replies.get(2).path("seq").asLong() + 1);
            assertStillServes(client);
        }
    }

    /**
     * The contract: the per-connection send rate is 10 per second with a burst of 20, and a
     * refused send gets {@code rate_limited} with {@code retryAfterMs}.
     */
    @Test
    void send_burstPastTheRateLimit_isRateLimitedWithRetryAfter() {
        try (TestClient client = TestClient.guest(server.port(), "Flooder")) {
            assertOk(client.request("{\"type\":\"join\",\"room\":\"circle\",\"acceptGuidelines\":true}"));
            int sends = 30;
            for (int i = 0; i < sends; i++) {
                client.sendRaw("{\"id\":\"f" + i + "\",\"type\":\"send\",\"room\":\"circle\","
                        + "\"text\":\"spam " + i + "\"}");
            }

            List<JsonNode> replies = new ArrayList<>();
            for (int i = 0; i < sends; i++) {
                replies.add(nextReply(client));
            }

            assertThat(replies).extracting(r -> r.path("id").asText())
                    .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(sends).map(i -> "f" + i).toList());
            assertThat(replies.subList(0, 20)).as("the burst of 20 is accepted")
                    .allMatch(r -> "ok".equals(r.path("type").asText()));
            List<JsonNode> limited = replies.stream()
                    .filter(r -> "rate_limited".equals(r.path("code").asText())).toList();
            assertThat(limited).as("sends past the burst of 20, 10 per second").isNotEmpty();
            assertThat(limited).allSatisfy(r -> {
                assertThat(r.path("retryAfterMs").asLong()).isPositive();
                assertError(r, "rate_limited", r.path("id").asText());
            });
            assertThat(replies).noneMatch(r -> "internal".equals(r.path("code").asText()));
        }
    }

    // ---------------------------------------------------------------- inputs that close the connection

    @Test
    void binaryFrame_afterHello_closesWith1003() {
        try (TestClient client = TestClient.guest(server.port(), "Binary")) {
            client.sendBinary(new byte[] {0x7b, 0x7d});

            assertThat(client.awaitClose()).isEqualTo(1003);
        }
        assertBystanderStillChats();
    }

    @Test
    void binaryFrame_beforeHello_closesWith1003() {
        try (TestClient client = TestClient.connect(server.port())) {
            client.sendBinary(CANARY.getBytes(UTF_8));

            assertThat(client.awaitClose()).isEqualTo(1003);
        }
        assertBystanderStillChats();
    }

    @Test
    void textFrame_over64KiB_closesWith1009() {
        try (TestClient client = TestClient.guest(server.port(), "Flood")) {
            String frame = padTo("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CANARY, "\"}",
                    MAX_FRAME_BYTES + 1);
            try {
                client.sendRaw(frame);
            } catch (CompletionException e) {
                // The server may close before the client has written the whole frame.
            }

            assertThat(client.awaitClose()).isEqualTo(1009);
        }
        assertBystanderStillChats();
    }

    @Test
    void message_over64KiBInFragments_closesWith1009() {
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closeCode.complete(-1);
                    }
                })
                .orTimeout(TestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        try {
            String part = "x".repeat(30_000);
            try {
                socket.sendText("{\"type\":\"hello\",\"name\":\"" + part, false).join();
                socket.sendText(part, false).join();
                socket.sendText(part + "\"}", true).join();
            } catch (CompletionException e) {
                // The server may close before the client has written the whole message.
            }

            assertThat(closeCode.orTimeout(TestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join()).isEqualTo(1009);
        } finally {
            socket.abort();
        }
        assertBystanderStillChats();
    }

    static Stream<TokenCase> unusableTokens() {
        String valid = server.token("u-1", "Una", Role.MEMBER);
        String other = server.token("u-2", "Facil", Role.FACILITATOR);
        String[] a = valid.split("\\.");
        String[] b = other.split("\\.");
        TokenService expiring = new TokenService(TestServer.SECRET.getBytes(UTF_8),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        TokenService stranger = new TokenService("another-secret-another-secret-another-00".getBytes(UTF_8),
                Clock.systemUTC());
        return Stream.of(
                new TokenCase("not a JWT", CANARY + "-not-a-jwt"),
                new TokenCase("three garbage parts", CANARY + ".abc.def"),
                new TokenCase("expired", expiring.sign("u-3", "Old", Role.MEMBER, null, Duration.ofHours(1))),
                new TokenCase("signed with another secret",
                        stranger.sign("u-4", "Eve", Role.FACILITATOR, null, Duration.ofHours(1))),
                new TokenCase("payload swapped under a valid signature", a[0] + "." + b[1] + "." + a[2]),
                new TokenCase("unsigned (alg none)", "eyJhbGciOiJub25lIn0." + b[1] + "."));
    }

    record TokenCase(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableTokens")
    void hello_unusableToken_isUnauthenticatedThenClosesWith4001(TokenCase bad) {
        try (TestClient client = TestClient.connect(server.port())) {
            client.sendRaw("{\"id\":\"tok\",\"type\":\"hello\",\"token\":\"" + bad.token() + "\"}");

            JsonNode reply = nextReply(client);
            assertError(reply, "unauthenticated", "tok");
            assertThat(reply.path("message").asText()).doesNotContain(bad.token());
            assertThat(client.awaitClose()).isEqualTo(4001);
        }
        assertBystanderStillChats();
    }

    @Test
    void connection_noHelloWithinTimeout_closesWith4001() {
        HavenConfig config = TestServer.config(200).withServer(new ServerSettings("127.0.0.1", 0, 30, 1, 1));
        try (TestServer quick = TestServer.start(config);
             TestClient chatting = TestClient.guest(quick.port(), "Early");
             TestClient silent = TestClient.connect(quick.port());
             TestClient fumbling = TestClient.connect(quick.port())) {
            assertOk(chatting.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
            assertError(call(fumbling, "fh", "{'type':'hello','name':''}"), "bad_request", "fh");

            assertThat(silent.awaitClose()).isEqualTo(4001);
            assertThat(fumbling.awaitClose()).as("a refused hello is no hello").isEqualTo(4001);

            // Connected before both and past its own timeout by now: a hello in time is kept.
            assertThat(chatting.isClosed()).isFalse();
            assertStillServes(chatting);
            assertOk(chatting.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"still here\"}"));
        }
        assertBystanderStillChats();
    }

    static Stream<Arguments> protocolViolations() {
        return Stream.of(
                Arguments.of(Named.of("text frame with invalid UTF-8", (Violation) raw ->
                        raw.sendFrame(0x81, true, new byte[] {'"', (byte) 0xC3, 0x28, '"'})), 1007),
                Arguments.of(Named.of("unmasked frame", (Violation) raw ->
                        raw.sendFrame(0x81, false, "{\"type\":\"ping\"}".getBytes(UTF_8))), 1002),
                Arguments.of(Named.of("reserved opcode", (Violation) raw ->
                        raw.sendFrame(0x83, true, CANARY.getBytes(UTF_8))), 1002),
                Arguments.of(Named.of("reserved bit set", (Violation) raw ->
                        raw.sendFrame(0xC1, true, "{\"type\":\"ping\"}".getBytes(UTF_8))), 1002));
    }

    @FunctionalInterface
    interface Violation {
        void commit(RawWebSocket raw) throws IOException;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("protocolViolations")
    void frame_protocolViolationAfterHello_closesWithItsCode(Violation violation, int closeCode) throws IOException {
        try (RawWebSocket raw = RawWebSocket.open(server.port())) {
            raw.sendFrame(0x81, true, "{\"id\":\"h\",\"type\":\"hello\",\"name\":\"Raw\"}".getBytes(UTF_8));
            assertOk(JSON.readTree(raw.nextText()));

            violation.commit(raw);

            assertThat(raw.awaitCloseCode()).isEqualTo(closeCode);
        }
        assertBystanderStillChats();
    }

    @Test
    void singleTextFrame_over64KiB_closesWith1009() throws IOException {
        try (RawWebSocket raw = RawWebSocket.open(server.port())) {
            raw.sendFrame(0x81, true, "{\"id\":\"h\",\"type\":\"hello\",\"name\":\"Raw\"}".getBytes(UTF_8));
            assertOk(JSON.readTree(raw.nextText()));
            String frame = padTo("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + CANARY, "\"}",
                    MAX_FRAME_BYTES + 1);

            raw.sendFrame(0x81, true, frame.getBytes(UTF_8));

            assertThat(raw.awaitCloseCode()).isEqualTo(1009);
        }
        assertBystanderStillChats();
    }

    @Test
    void singleTextFrame_ofExactly64KiB_isAnswered() throws IOException {
        try (RawWebSocket raw = RawWebSocket.open(server.port())) {
            raw.sendFrame(0x81, true, "{\"id\":\"h\",\"type\":\"hello\",\"name\":\"Raw\"}".getBytes(UTF_8));
            assertOk(JSON.readTree(raw.nextText()));
            String frame = padTo("{\"id\":\"edge\",\"type\":\"ping\",\"pad\":\"", "\"}", MAX_FRAME_BYTES);

            raw.sendFrame(0x81, true, frame.getBytes(UTF_8));

            JsonNode reply = JSON.readTree(raw.nextText());
            assertOk(reply);
            assertThat(reply.path("id").asText()).isEqualTo("edge");
        }
    }

    @Test
    void send_loneSurrogateEscape_neverBreaksTheRoomForOthers() {
        try (TestClient writer = TestClient.guest(server.port(), "Odd");
             TestClient later = TestClient.guest(server.port(), "Later")) {
            assertOk(writer.request("{\"type\":\"join\",\"room\":\"lounge\"}"));

            JsonNode reply = call(writer, "ls", "{'type':'send','room':'lounge','text':'broken \\uD800 half'}");

            if (!"ok".equals(reply.path("type").asText())) {
                assertError(reply, "bad_request", "ls");
            }
            assertStillServes(writer);
            JsonNode joined = later.request("{\"type\":\"join\",\"room\":\"lounge\"}");
            assertOk(joined);
            assertBystanderStillChats();
        }
    }

    @Test
    void hello_loneSurrogateEscapeInName_neverBreaksTheRoomForOthers() {
        try (TestClient odd = TestClient.connect(server.port())) {
            JsonNode hello = call(odd, "hs", "{'type':'hello','name':'\\uDC00x'}");
            if ("ok".equals(hello.path("type").asText())) {
                assertOk(odd.request("{\"type\":\"join\",\"room\":\"lounge\"}"));
                assertOk(odd.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"hi\"}"));
            } else {
                assertError(hello, "bad_request", "hs");
                // Refused, and the connection may still say hello under another name.
                assertOk(call(odd, "hs2", "{'type':'hello','name':'Odd'}"));
            }
            assertStillServes(odd);
            assertBystanderStillChats();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isReply(JsonNode frame) {
        String type = frame.path("type").asText();
        return "ok".equals(type) || "error".equals(type);
    }

    /** The next reply, keeping any events before it; replies come one per request, in order. */
    private static JsonNode nextReply(TestClient client) {
        return client.await(BadInputTest::isReply);
    }

    /** Sends a request ({@code '} for {@code "}) with this id and returns the next reply. */
    private static JsonNode call(TestClient client, String id, String singleQuoted) {
        client.sendRaw("{\"id\":\"" + id + "\"," + singleQuoted.replace('\'', '"').substring(1));
        return nextReply(client);
    }

    private static String describe(JsonNode reply) {
        String id = reply.hasNonNull("id") ? reply.get("id").asText() : "-";
        String outcome = "ok".equals(reply.path("type").asText()) ? "ok" : reply.path("code").asText();
        return id + " " + outcome;
    }

    private static void assertOk(JsonNode reply) {
        assertThat(reply.path("type").asText()).as("reply %s", reply).isEqualTo("ok");
    }

    private static void assertError(JsonNode reply, String code, String id) {
        assertThat(reply.path("type").asText()).as("reply %s", reply).isEqualTo("error");
        assertThat(reply.path("code").asText()).as("code of %s", reply).isNotEqualTo("internal").isEqualTo(code);
        if (id == null) {
            assertThat(reply.hasNonNull("id")).as("no id in %s", reply).isFalse();
        } else {
            assertThat(reply.path("id").asText(null)).as("id of %s", reply).isEqualTo(id);
        }
        assertThat(reply.path("message").asText()).as("message of %s", reply)
                .isNotBlank()
                .doesNotContainIgnoringCase(CANARY);
    }

    private static void assertStillServes(TestClient client) {
        JsonNode pong = client.request("{\"type\":\"ping\"}");
        assertOk(pong);
    }

    /** The lounge bystander can still ping, send and receive its own message. */
    private static void assertBystanderStillChats() {
        assertThat(bystander.drainReceived()).as("frames the bystander received")
                .noneMatch(f -> "internal".equals(f.path("code").asText()));
        assertStillServes(bystander);
        String text = "still chatting " + UUID.randomUUID();
        assertOk(bystander.request("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"" + text + "\"}"));
        JsonNode message = bystander.await(f -> "message".equals(f.path("type").asText())
                && text.equals(f.path("text").asText()));
        assertThat(message.path("from").path("name").asText()).isEqualTo("Bystander");
    }

    /** {@code head}, then filler, then {@code tail}: exactly {@code bytes} bytes of UTF-8. */
    private static String padTo(String head, String tail, int bytes) {
        int filler = bytes - head.getBytes(UTF_8).length - tail.getBytes(UTF_8).length;
        String frame = head + "z".repeat(filler) + tail;
        assertThat(frame.getBytes(UTF_8)).hasSize(bytes);
        return frame;
    }

    /**
     * A minimal hand-written WebSocket client, for frames the JDK client will not send: invalid
     * UTF-8, unmasked frames, reserved opcodes and bits. Every read has a socket timeout.
     */
    static final class RawWebSocket implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        private RawWebSocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static RawWebSocket open(int port) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TestClient.TIMEOUT.toMillis());
            socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            RawWebSocket raw = new RawWebSocket(socket);
            raw.out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            raw.out.flush();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) raw.in.readUnsignedByte());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            return raw;
        }

        /** Writes one frame with this first byte (FIN, RSV and opcode) and this payload. */
        void sendFrame(int firstByte, boolean masked, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(firstByte);
            int maskBit = masked ? 0x80 : 0;
            if (payload.length < 126) {
                frame.write(maskBit | payload.length);
            } else if (payload.length <= 0xFFFF) {
                frame.write(maskBit | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(maskBit | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            byte[] mask = {0x11, 0x22, 0x33, 0x44};
            if (masked) {
                frame.write(mask);
            }
            for (int i = 0; i < payload.length; i++) {
                frame.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
            }
            try {
                out.write(frame.toByteArray());
                out.flush();
            } catch (SocketException e) {
                // The server may close before it has read the whole frame; the close frame tells why.
            }
        }

        /** The payload of the next text frame. */
        String nextText() throws IOException {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                byte[] payload = readPayload();
                if (opcode == 0x1) {
                    return new String(payload, UTF_8);
                }
                assertThat(opcode).as("a close frame instead of text").isNotEqualTo(0x8);
            }
        }

        /** Skips frames up to the server's close frame and returns its status code. */
        int awaitCloseCode() throws IOException {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                byte[] payload = readPayload();
                if (opcode == 0x8) {
                    assertThat(payload.length).as("close frame with a status code").isGreaterThanOrEqualTo(2);
                    return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                }
            }
        }

        private byte[] readPayload() throws IOException {
            int second = in.readUnsignedByte();
            assertThat(second & 0x80).as("server frames are not masked").isZero();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            return payload;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
