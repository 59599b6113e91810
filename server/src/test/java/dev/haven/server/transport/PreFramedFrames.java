package dev.haven.server.transport;

import dev.haven.server.testing.WsWire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;

/**
 * For tests that look at a {@link ConnectionHandler} alone: turns the whole text frames it
 * writes ({@link NettyFrameEncoder}: header and payload in one buffer) back into
 * {@link TextWebSocketFrame}s, and fails on anything that is not exactly one unmasked, final
 * text frame.
 */
final class PreFramedFrames extends MessageToMessageEncoder<ByteBuf> {
    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out) {
        WsWire.Reader reader = new WsWire.Reader();
        reader.feed(ByteBufUtil.getBytes(bytes));
        WsWire.Frame frame = reader.next();
        if (frame == null || !frame.fin() || frame.opcode() != WsWire.TEXT || reader.pending() != 0) {
            throw new AssertionError("not one whole text frame: " + ByteBufUtil.hexDump(bytes));
        }
        out.add(new TextWebSocketFrame(frame.text()));
    }
}
