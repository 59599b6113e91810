package dev.haven.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the WebSocket closing handshake (RFC 6455 section 7). Netty is configured
 * neither to answer close frames nor to send any close frame of its own
 * ({@code handleCloseFrames(false)}, {@code sendCloseFrame(null)},
 * {@code closeOnProtocolViolation(false)}), so every close frame the server sends is written
 * here or passes through here:
 * <ul>
 *   <li>a peer's close is answered with the same status code (a close without one, with an
 *       empty close), or with 1002 when the code is not one a peer may send; then the server
 *       closes the TCP connection;</li>
 *   <li>a frame Netty's decoder refused closes with the code its exception names: 1002 for a
 *       protocol error (a close frame of one byte, a control frame over 125 bytes, an invalid
 *       close code), 1007 for invalid UTF-8 (also in a close reason), 1009 for a frame or a
 *       fragmented message over the limit;</li>
 *   <li>once a close frame has gone out, no other frame follows it.</li>
 * </ul>
 * Reasons are fixed texts: nothing the peer sent is echoed. State is used on the channel's
 * event loop only.
 */
final class CloseHandshake extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(CloseHandshake.class);

    private boolean closeSent;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof CloseWebSocketFrame close) {
            try {
                answer(ctx, close);
            } finally {
                close.release();
            }
            return;
        }
        if (closeSent && message instanceof WebSocketFrame) {
            // After our close only the peer's close matters.
            ReferenceCountUtil.release(message);
            return;
        }
        ctx.fireChannelRead(message);
    }

    private void answer(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        if (closeSent) {
            // The peer's answer to our close: the handshake is complete.
            ctx.close();
            return;
        }
        int code = close.statusCode();
        CloseWebSocketFrame reply;
        if (code == -1) {
            reply = new CloseWebSocketFrame();
        } else if (isValidFromPeer(code)) {
            reply = new CloseWebSocketFrame(code, "");
        } else {
            reply = new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR.code(), "invalid close code");
        }
        ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Close codes a peer may send (RFC 6455 section 7.4 and the IANA registry): 1000-1003,
     * 1007-1014 and 3000-4999. Not 1004-1006 or 1015, which are reserved, nor anything else.
     */
    static boolean isValidFromPeer(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        WebSocketCloseStatus status = statusFor(cause);
        if (status == null) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        log.info("closing on a bad frame code={} channel={}", status.code(), ctx.channel().id().asShortText());
        if (closeSent || !ctx.channel().isActive()) {
            ctx.close();
        } else {
            ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reasonFor(status)))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The close status a decoding failure calls for, or null when it is not about a frame. */
    private static WebSocketCloseStatus statusFor(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CorruptedWebSocketFrameException corrupted) {
                return corrupted.closeStatus();
            }
            if (t instanceof TooLongFrameException) {
                return WebSocketCloseStatus.MESSAGE_TOO_BIG;
            }
        }
        return null;
    }

    private static String reasonFor(WebSocketCloseStatus status) {
        return switch (status.code()) {
            case 1007 -> "invalid UTF-8";
            case 1009 -> "message too big";
            default -> "protocol error";
        };
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        // After the upgrade a ByteBuf here is a text frame encoded once for many connections.
        if (closeSent && (message instanceof WebSocketFrame || message instanceof ByteBuf)) {
            ReferenceCountUtil.release(message);
            if (!promise.isVoid()) {
                promise.tryFailure(new ClosedChannelException());
            }
            return;
        }
        if (message instanceof CloseWebSocketFrame) {
            closeSent = true;
        }
        ctx.write(message, promise);
    }
}
