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
    void onText_pastTheSizeGuard_dropsTheConnection() {
        String chunk = "x".repeat(1024 * 1024);
        for (int i = 0; i < 5 && closes.isEmpty(); i++) {
            assembler.onText(socket, chunk, false);
        }

        assertThat(closes).containsExactly("1009 a message from the server was too big");
        assertThat(socket.aborted).isTrue();
        assertThat(messages).isEmpty();
    }

    @Test
    void onClose_andOnError_reportTheCode() {
        assembler.onClose(socket, 1001, "server shutting down");
        assembler.onError(socket, new java.io.IOException("reset"));

        assertThat(closes).containsExactly("1001 server shutting down", "1006 connection lost (IOException)");
    }
}
