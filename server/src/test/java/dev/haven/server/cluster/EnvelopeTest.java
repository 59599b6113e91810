package dev.haven.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.haven.protocol.model.Role;
import dev.haven.server.auth.Identity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void request_roundTrip_keepsTheIdentityAndTheRequest() {
        Identity facilitator = new Identity("fac-1", "Fran", Role.FACILITATOR, Set.of("lounge", "circle"), false,
                Instant.parse("2026-12-01T10:00:00Z"));
        Envelope.Request request = new Envelope.Request("lounge", 7, 42, facilitator, "10.0.0.9",
                utf8("{\"type\":\"send\",\"room\":\"lounge\",\"text\":\"héllo\"}"));
        Envelope.Request back = (Envelope.Request) Envelope.decode(Envelope.encode(request));
        assertThat(back.room()).isEqualTo("lounge");
        assertThat(back.conn()).isEqualTo(7);
        assertThat(back.req()).isEqualTo(42);
        assertThat(back.identity()).isEqualTo(facilitator);
        assertThat(back.remoteAddress()).isEqualTo("10.0.0.9");
        assertThat(new String(back.request(), StandardCharsets.UTF_8)).contains("héllo");

        Identity guest = new Identity("guest-1", "Sky", Role.MEMBER, null, true);
        Envelope.Request guestBack = (Envelope.Request) Envelope.decode(Envelope.encode(
                new Envelope.Request("lounge", 1, 1, guest, null, new byte[0])));
        assertThat(guestBack.identity()).isEqualTo(guest);
        assertThat(guestBack.remoteAddress()).isNull();
    }

    @Test
    void disconnect_roundTrip() {
        assertThat(Envelope.decode(Envelope.encode(new Envelope.Disconnect("circle", 99))))
                .isEqualTo(new Envelope.Disconnect("circle", 99));
    }

    @Test
    void batch_roundTrip_keepsEveryItemInOrder() {
        Envelope.Batch batch = new Envelope.Batch(List.of(
                new Envelope.OkReply("lounge", 41, 3, 10, "JoinResult", utf8("{\"seq\":4}")),
                new Envelope.Event("lounge", 41, new long[] {3, 5, 8}, utf8("{\"type\":\"message\"}")),
                new Envelope.ErrorItem("lounge", 41, 5, 11, "slow_mode", "slow mode is on", 2500),
                new Envelope.ErrorItem("circle", 0, 8, 12, "not_in_room", "join first", -1)));
        Envelope.Batch back = (Envelope.Batch) Envelope.decode(Envelope.encode(batch));
        assertThat(back.items()).hasSize(4);
        Envelope.OkReply ok = (Envelope.OkReply) back.items().get(0);
        assertThat(ok.result()).isEqualTo("JoinResult");
        assertThat(new String(ok.json(), StandardCharsets.UTF_8)).isEqualTo("{\"seq\":4}");
        Envelope.Event event = (Envelope.Event) back.items().get(1);
        assertThat(event.conns()).containsExactly(3, 5, 8);
        assertThat(event.epoch()).as("the tenure that produced it").isEqualTo(41);
        assertThat(back.items().get(2)).isEqualTo(batch.items().get(2));
        assertThat(back.items().get(3)).isEqualTo(batch.items().get(3));
    }

    @Test
    void ownerFreeSuperviseCallAnswer_roundTrip() {
        assertThat(Envelope.decode(Envelope.encode(new Envelope.Owner("lounge", 1_700_000_000_123L))))
                .isEqualTo(new Envelope.Owner("lounge", 1_700_000_000_123L));
        assertThat(Envelope.decode(Envelope.encode(new Envelope.Free(List.of("lounge", "circle")))))
                .isEqualTo(new Envelope.Free(List.of("lounge", "circle")));
        Envelope.Supervise supervise = (Envelope.Supervise) Envelope.decode(Envelope.encode(
                new Envelope.Supervise((byte) 5, "u-sam", utf8("{\"type\":\"alert\"}"))));
        assertThat(supervise.kind()).isEqualTo((byte) 5);
        assertThat(supervise.exceptUser()).isEqualTo("u-sam");
        assertThat(new String(supervise.alert(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"alert\"}");
        Envelope.Call call = (Envelope.Call) Envelope.decode(Envelope.encode(new Envelope.Call(7, "alerts", utf8("x"))));
        assertThat(call.call()).isEqualTo(7);
        assertThat(call.kind()).isEqualTo("alerts");
        Envelope.Answer answer = (Envelope.Answer) Envelope.decode(Envelope.encode(new Envelope.Answer(7, true, utf8(""))));
        assertThat(answer.failed()).isTrue();
        assertThat(answer.payload()).isEmpty();
    }

    @Test
    void decode_garbage_isRefused() {
        assertThatThrownBy(() -> Envelope.decode(new byte[] {9, 1, 2})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.decode(new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
