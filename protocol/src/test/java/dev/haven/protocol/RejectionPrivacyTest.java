package dev.haven.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Named.named;

import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.Result;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.StatsResult;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A rejection's message goes back to the client and into logs: it must never quote the input. */
class RejectionPrivacyTest {
    private static final String CANARY = "q7ZcanaryX9";
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final Map<String, Class<? extends Result>> PENDING =
            Map.of("send", SendResult.class, "rooms", RoomsResult.class, "hello", HelloResult.class,
                    "stats", StatsResult.class, "audit", AuditResult.class);

    /** Frames with {@code C} standing for the canary, in values, field names, the type and the id. */
    static Stream<Named<String>> clientRejections() {
        return Stream.of(
                named("not JSON", "C"),
                named("unterminated", "{\"C\":\"C"),
                named("array", "[\"C\"]"),
                named("string", "\"C\""),
                named("unknown type", "{\"type\":\"C\",\"id\":\"a\",\"C\":\"C\"}"),
                named("numeric type", "{\"type\":5,\"id\":\"a\",\"C\":\"C\"}"),
                named("no type", "{\"id\":\"C\",\"C\":\"C\"}"),
                named("id too long", "{\"type\":\"ping\",\"id\":\"C" + "i".repeat(64) + "\"}"),
                named("id not a string", "{\"type\":\"ping\",\"id\":{\"C\":\"C\"}}"),
                named("string since", "{\"type\":\"join\",\"id\":\"C\",\"room\":\"r\",\"since\":\"C\"}"),
                named("object room", "{\"type\":\"join\",\"id\":\"a\",\"room\":{\"C\":\"C\"}}"),
                named("array room", "{\"type\":\"join\",\"id\":\"a\",\"room\":[\"C\"]}"),
                named("negative since", "{\"type\":\"join\",\"id\":\"a\",\"room\":\"C\",\"since\":-1,\"C\":1}"),
                named("string acceptGuidelines",
                        "{\"type\":\"join\",\"id\":\"a\",\"room\":\"C\",\"acceptGuidelines\":\"C\"}"),
                named("send without text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"C\",\"C\":\"C\"}"),
                named("blank text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"C\",\"text\":\" \",\"clientId\":\"C\"}"),
                named("object text", "{\"type\":\"send\",\"id\":\"a\",\"room\":\"C\",\"text\":{\"C\":\"C\"}}"),
                named("unknown category", "{\"type\":\"rooms\",\"id\":\"a\",\"category\":\"C\",\"tag\":\"C\"}"),
                named("hello without token or name", "{\"type\":\"hello\",\"id\":\"a\",\"C\":\"C\"}"),
                named("array token", "{\"type\":\"hello\",\"id\":\"a\",\"token\":[\"C\"]}"),
                named("duplicate key", "{\"type\":\"ping\",\"C\":1,\"C\":2}"),
                named("trailing content", "{\"type\":\"ping\",\"id\":\"a\"} {\"C\":\"C\"}"),
                named("too deep", "{\"type\":\"ping\",\"C\":" + "[".repeat(40) + "\"C\"" + "]".repeat(40) + "}"),
                named("string too long", "{\"type\":\"send\",\"room\":\"r\",\"text\":\"C" + "x".repeat(64 * 1024) + "\"}"),
                named("number too long", "{\"type\":\"ping\",\"C\":" + "9".repeat(101) + "}"),
                named("broken JSON after canary", "{\"type\":\"send\",\"room\":\"r\",\"text\":\"C\",\"C\":[1,2}"),
                // the members' tools and facilitators' commands: C in user, reason and text
                named("mute seconds 0", "{\"type\":\"mute\",\"id\":\"a\",\"room\":\"C\",\"user\":\"C\",\"seconds\":0,"
                        + "\"reason\":\"C\"}"),
                named("mute fractional seconds", "{\"type\":\"mute\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"seconds\":1.5,\"reason\":\"C\"}"),
                named("mute without user", "{\"type\":\"mute\",\"id\":\"a\",\"room\":\"r\",\"reason\":\"C\"}"),
                named("ban string seconds", "{\"type\":\"ban\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"seconds\":\"C\",\"reason\":\"C\"}"),
                named("ban seconds above max", "{\"type\":\"ban\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"seconds\":99999999999,\"reason\":\"C\"}"),
                named("ban reason too long", "{\"type\":\"ban\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"reason\":\"C" + "x".repeat(500) + "\"}"),
                named("remove object user", "{\"type\":\"remove\",\"id\":\"a\",\"room\":\"r\",\"user\":{\"C\":\"C\"},"
                        + "\"reason\":\"C\"}"),
                named("remove reason too long", "{\"type\":\"remove\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"reason\":\"" + "C".repeat(60) + "\"}"),
                named("remove array reason", "{\"type\":\"remove\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"reason\":[\"C\"]}"),
                named("report seq 0", "{\"type\":\"report\",\"id\":\"a\",\"room\":\"r\",\"seq\":0,\"reason\":\"C\"}"),
                named("report without seq", "{\"type\":\"report\",\"id\":\"a\",\"room\":\"r\",\"reason\":\"C\"}"),
                named("report reason too long", "{\"type\":\"report\",\"id\":\"a\",\"room\":\"r\",\"seq\":1,"
                        + "\"reason\":\"C" + "x".repeat(500) + "\"}"),
                named("report object reason", "{\"type\":\"report\",\"id\":\"a\",\"room\":\"r\",\"seq\":1,"
                        + "\"reason\":{\"C\":\"C\"}}"),
                named("delete string seq", "{\"type\":\"delete\",\"id\":\"a\",\"room\":\"C\",\"seq\":\"C\"}"),
                named("warn text too long", "{\"type\":\"warn\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"text\":\"C" + "x".repeat(500) + "\"}"),
                named("warn blank text", "{\"type\":\"warn\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\",\"text\":\" \"}"),
                named("warn without user", "{\"type\":\"warn\",\"id\":\"a\",\"room\":\"r\",\"text\":\"C\"}"),
                named("warn object text", "{\"type\":\"warn\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"text\":{\"C\":\"C\"}}"),
                named("warn numeric user", "{\"type\":\"warn\",\"id\":\"a\",\"room\":\"r\",\"user\":5,\"text\":\"C\"}"),
                named("voice without granted", "{\"type\":\"voice\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\"}"),
                named("voice string granted", "{\"type\":\"voice\",\"id\":\"a\",\"room\":\"r\",\"user\":\"C\","
                        + "\"granted\":\"C\"}"),
                named("set_room unknown admission", "{\"type\":\"set_room\",\"id\":\"a\",\"room\":\"C\","
                        + "\"admission\":\"C\"}"),
                named("set_room nothing to change", "{\"type\":\"set_room\",\"id\":\"a\",\"room\":\"C\",\"C\":true}"),
                named("set_room slow mode too long", "{\"type\":\"set_room\",\"id\":\"a\",\"room\":\"C\","
                        + "\"slowModeSeconds\":3601}"),
                named("admit array user", "{\"type\":\"admit\",\"id\":\"a\",\"room\":\"r\",\"user\":[\"C\"]}"),
                named("deny without room", "{\"type\":\"deny\",\"id\":\"a\",\"user\":\"C\"}"),
                named("lower_hand numeric room", "{\"type\":\"lower_hand\",\"id\":\"a\",\"room\":5,\"user\":\"C\"}"),
                named("audit string limit", "{\"type\":\"audit\",\"id\":\"a\",\"room\":\"C\",\"limit\":\"C\"}"),
                named("audit limit 501", "{\"type\":\"audit\",\"id\":\"a\",\"room\":\"C\",\"limit\":501}"));
    }

    static Stream<Named<String>> serverRejections() {
        return Stream.of(
                named("unknown type", "{\"type\":\"C\",\"C\":\"C\"}"),
                named("no pending request", "{\"type\":\"ok\",\"id\":\"C\",\"C\":\"C\"}"),
                named("string seq", "{\"type\":\"ok\",\"id\":\"send\",\"seq\":\"C\"}"),
                // An unknown role or notice kind by name is a newer server's, and decodes (UnknownEnumValueTest).
                named("object role", "{\"type\":\"ok\",\"id\":\"hello\",\"user\":{\"id\":\"C\",\"name\":\"C\","
                        + "\"role\":{\"C\":\"C\"}},\"heartbeatSeconds\":1}"),
                named("unknown room category", "{\"type\":\"ok\",\"id\":\"rooms\",\"rooms\":[{\"id\":\"C\",\"category\":\"C\"}]}"),
                named("object message room", "{\"type\":\"message\",\"room\":{\"C\":\"C\"},\"seq\":1,\"text\":\"C\",\"ts\":1}"),
                named("unknown presence event", "{\"type\":\"presence\",\"room\":\"C\",\"event\":\"C\"}"),
                named("unknown error code", "{\"type\":\"error\",\"id\":\"C\",\"code\":\"C\",\"message\":\"C\"}"),
                named("not JSON", "C"),
                named("object notice kind", "{\"type\":\"notice\",\"room\":\"r\",\"kind\":{\"C\":\"C\"},\"reason\":\"C\"}"),
                named("notice without room", "{\"type\":\"notice\",\"kind\":\"warning\",\"reason\":\"C\"}"),
                named("notice object reason", "{\"type\":\"notice\",\"room\":\"r\",\"kind\":\"warning\","
                        + "\"reason\":{\"C\":\"C\"}}"),
                named("unknown alert kind", "{\"type\":\"alert\",\"room\":\"r\",\"kind\":\"C\",\"member\":\"C\","
                        + "\"reason\":\"C\"}"),
                named("alert string seq", "{\"type\":\"alert\",\"room\":\"r\",\"kind\":\"report\",\"seq\":\"C\","
                        + "\"reason\":\"C\"}"),
                named("alert without kind", "{\"type\":\"alert\",\"room\":\"r\",\"reason\":\"C\",\"by\":\"C\"}"),
                named("message_deleted object room", "{\"type\":\"message_deleted\",\"room\":{\"C\":\"C\"},\"seq\":1}"),
                named("room_updated unknown admission", "{\"type\":\"room_updated\",\"room\":{\"id\":\"C\","
                        + "\"admission\":\"C\"}}"),
                named("stats string share", "{\"type\":\"ok\",\"id\":\"stats\",\"windowSeconds\":1,\"members\":[{\"id\":\"C\","
                        + "\"name\":\"C\",\"share\":\"C\"}],\"dominant\":[]}"),
                named("audit object entries", "{\"type\":\"ok\",\"id\":\"audit\",\"entries\":{\"C\":\"C\"}}"));
    }

    private static void assertDoesNotEcho(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ProtocolException.class).hasNoCause();
        assertThat(thrown.getMessage()).isNotBlank().doesNotContainIgnoringCase(CANARY);
        assertThat(thrown.toString()).doesNotContainIgnoringCase(CANARY);
    }

    @ParameterizedTest
    @MethodSource("clientRejections")
    void decodeClient_rejection_messageDoesNotEchoInput(String template) {
        String json = template.replace("C", CANARY);
        assertDoesNotEcho(catchThrowable(() -> CODEC.decodeClient(json)));
    }

    @ParameterizedTest
    @MethodSource("serverRejections")
    void decodeServer_rejection_messageDoesNotEchoInput(String template) {
        String json = template.replace("C", CANARY);
        assertDoesNotEcho(catchThrowable(() -> CODEC.decodeServer(json, PENDING::get)));
    }
}
