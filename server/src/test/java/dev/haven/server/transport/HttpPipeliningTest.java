package dev.haven.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pipelined HTTP requests: answered one at a time, and not read while a response is on its way. */
class HttpPipeliningTest {
    private static final String HEALTHZ = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void pipelinedRequests_areAnsweredOneAtATime_eachOnceThePreviousResponseIsTaken() {
        HeldWrites socket = new HeldWrites();
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.ch.pipeline().addFirst(socket);

            pipeline.send(HEALTHZ.repeat(3));

            assertThat(responses(socket)).as("the first response, not yet taken by the peer").isEqualTo(1);
            assertThat(pipeline.ch.config().isAutoRead()).as("nothing more is read meanwhile").isFalse();
            socket.completeAll();
            assertThat(responses(socket)).isEqualTo(2);
            socket.completeAll();
            assertThat(responses(socket)).isEqualTo(3);
            socket.completeAll();
            assertThat(pipeline.ch.config().isAutoRead()).as("reading again once every answer went out").isTrue();
            assertThat(pipeline.ch.isOpen()).isTrue();
        } finally {
            socket.releaseAll();
        }
    }

    @Test
    void pipelinedRequests_moreThanMayWait_closeTheConnection() {
        HeldWrites socket = new HeldWrites();
        try (PipelineHarness pipeline = new PipelineHarness()) {
            pipeline.ch.pipeline().addFirst(socket);

            pipeline.send(HEALTHZ.repeat(HttpPipelining.MAX_WAITING + 1));
            assertThat(pipeline.ch.isOpen()).as("one answered, the rest may wait").isTrue();

            pipeline.send(HEALTHZ);

            assertThat(pipeline.ch.isOpen()).isFalse();
            assertThat(responses(socket)).isEqualTo(1);
        } finally {
            socket.releaseAll();
        }
    }

    @Test
    void upgrade_leavesNoHttpHandlerBehindAndReadingOn() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            assertThat(pipeline.upgrade()).startsWith("HTTP/1.1 101");

            assertThat(pipeline.ch.pipeline().get(HavenChannelInitializer.HTTP_PIPELINING)).isNull();
            assertThat(pipeline.ch.config().isAutoRead()).isTrue();
        }
    }

    /** How many HTTP responses the pipeline wrote so far. */
    private static int responses(HeldWrites socket) {
        int count = 0;
        for (Object message : socket.messages()) {
            if (message instanceof ByteBuf bytes && bytes.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 ")) {
                count++;
            }
        }
        return count;
    }
}
