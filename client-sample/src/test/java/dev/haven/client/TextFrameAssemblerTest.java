package dev.haven.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TextFrameAssemblerTest {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> closes = new CopyOnWriteArrayList<>();
    private final FakeWebSocket socket = new FakeWebSocket();
    private final TextFrameAssembler assembler =
            new TextFrameAssembler(messages::add, (code, reason) -> closes.add(code + " " + reason));

    @Test
    void onText_partsOfOneMessage_areHandedOnWhole() {
        assembler.onText(socket, "{\"type\":\"mes", false);
        assembler.onText(socket, "sage\",\"text\":\"caf", false);
        assembler.onText(socket, "\u00e9\"}", true);
        assembler.onText(socket, "{\"type\":\"ok\"}", true);

        assertThat(messages).containsExactly("{\"type\":\"message\",\"text\":\"caf\u00e9\"}", "{\"type\":\"ok\"}");
    }

    @Test
    void everyDelivery_asksForTheNextOne() {
        assembler.onOpen(socket);
        assembler.onText(socket, "{", false);
        assembler.onText(socket, "}", true);

        assertThat(socket.requested).hasValue(3);
    }

    @Test
    void onText_whenHandingOnFails_stillAsksForTheNextDelivery() {
        TextFrameAssembler failing = new TextFrameAssembler(text -> {
            throw new IllegalStateException("handler bug");
        }, (code, reason) -> { });

        try {
            failing.onText(socket, "{}", true);
        } catch (IllegalStateException expected) {
            // the handler's own failure is not the point
        }

        assertThat(socket.requested).hasValue(1);
    }

    @Test
    void onText_aFullHistoryReplyOfSeveralMebichars_isHandedOn() {
        // 200 messages of 4000 emoji each, JSON-escaped, is about 1.6 Mi chars; a server with a
        // longer history sends more, and the old 4 Mi guard refused it.
        String chunk = "x".repeat(1024 * 1024);
        for (int i = 0; i < 5; i++) {
            assembler.onText(socket, chunk, false);
        }
        assembler.onText(socket, "!", true);

        assertThat(closes).isEmpty();
        assertThat(messages).singleElement().satisfies(m -> assertThat(m).hasSize(5 * 1024 * 1024 + 1));
    }

    @Test
    void onText_pastTheSizeGuard_dropsTheConnectionAsLostSoTheClientMayReconnect() {
        String chunk = "x".repeat(4 * 1024 * 1024);
        for (int i = 0; i < 5 && closes.isEmpty(); i++) {
            assembler.onText(socket, chunk, false);
        }

        assertThat(closes).containsExactly("1006 a message from the server was too big");
        assertThat(socket.aborted).isTrue();
        assertThat(messages).isEmpty();
        assertThat(ReconnectPolicy.reconnectsAfter(HavenClient.ABNORMAL_CLOSURE, TextFrameAssembler.TOO_BIG_REASON))
                .isTrue();
    }

    @Test
    void onClose_andOnError_reportTheCode() {
        assembler.onClose(socket, 1001, "server shutting down");
        assembler.onError(socket, new java.io.IOException("reset"));

        assertThat(closes).containsExactly("1001 server shutting down", "1006 connection lost (IOException)");
    }
}
