package dev.haven.protocol;

import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import java.nio.charset.StandardCharsets;

/**
 * Writes the frames a server sends most, by hand: {@code message}, {@code presence},
 * {@code error}, and {@code ok} for a send, a hello and the empty result (ping, leave). These
 * are most of the frames of a busy server, and Jackson's per-call machinery (a generator,
 * contexts, type ids, boxed numbers) made them cost several hundred bytes of garbage each;
 * written here, a frame costs none. The bytes are Jackson's, field for field and escape for
 * escape ({@link JsonOutput}); {@code HotFramesTest} holds the two writers to that over
 * generated frames. Anything else, and anything unusual in these (a lone surrogate, an
 * enumeration's {@code UNKNOWN}), is left to Jackson. Stateless.
 */
final class HotFrames {
    private static final byte[] MESSAGE = ascii("{\"type\":\"message\",\"room\":");
    private static final byte[] SEQ = ascii(",\"seq\":");
    private static final byte[] FROM_ID = ascii(",\"from\":{\"id\":");
    private static final byte[] NAME = ascii(",\"name\":");
    private static final byte[] ROLE = ascii(",\"role\":");
    private static final byte[] TEXT = ascii(",\"text\":");
    private static final byte[] TS = ascii(",\"ts\":");
    private static final byte[] CLIENT_ID = ascii(",\"clientId\":");
    private static final byte[] CW_LABEL = ascii(",\"cw\":{\"label\":");
    private static final byte[] OK = ascii("{\"type\":\"ok\"");
    private static final byte[] ID = ascii(",\"id\":");
    private static final byte[] HELD = ascii(",\"held\":");
    private static final byte[] DUPLICATE = ascii(",\"duplicate\":");
    private static final byte[] USER_ID = ascii(",\"user\":{\"id\":");
    private static final byte[] HEARTBEAT = ascii(",\"heartbeatSeconds\":");
    private static final byte[] RESUME = ascii(",\"resume\":");
    private static final byte[] PRESENCE = ascii("{\"type\":\"presence\",\"room\":");
    private static final byte[] EVENT = ascii(",\"event\":");
    private static final byte[] MEMBER_ID = ascii(",\"member\":{\"id\":");
    private static final byte[] VOICE = ascii(",\"voice\":");
    private static final byte[] HAND_RAISED = ascii(",\"handRaised\":");
    private static final byte[] MUTED = ascii(",\"muted\":");
    private static final byte[] ERROR = ascii("{\"type\":\"error\"");
    private static final byte[] CODE = ascii(",\"code\":");
    private static final byte[] MESSAGE_FIELD = ascii(",\"message\":");
    private static final byte[] RETRY_AFTER = ascii(",\"retryAfterMs\":");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    private HotFrames() {
    }

    /**
     * Appends the frame's JSON to {@code out} if it is one of the frames written here.
     *
     * @return false, with {@code out} as it was, when Jackson must write it
     */
    static boolean write(ServerMessage message, JsonOutput out) {
        int start = out.length();
        boolean written;
        if (message instanceof MessageEvent event) {
            written = message(event, out);
        } else if (message instanceof Ok ok) {
            written = ok(ok, out);
        } else if (message instanceof PresenceEvent presence) {
            written = presence(presence, out);
        } else if (message instanceof ErrorReply error) {
            written = error(error, out);
        } else {
            written = false;
        }
        if (!written) {
            out.truncate(start);
        }
        return written;
    }

    private static boolean message(MessageEvent event, JsonOutput out) {
        out.raw(MESSAGE);
        if (!out.string(event.room())) {
            return false;
        }
        out.raw(SEQ);
        out.number(event.seq());
        UserInfo from = event.from();
        out.raw(FROM_ID);
        if (!user(from, out)) {
            return false;
        }
        out.raw('}');
        out.raw(TEXT);
        if (!out.string(event.text())) {
            return false;
        }
        out.raw(TS);
        out.number(event.ts());
        if (event.clientId() != null) {
            out.raw(CLIENT_ID);
            if (!out.string(event.clientId())) {
                return false;
            }
        }
        ContentWarning cw = event.cw();
        if (cw != null) {
            if (WireNames.isUnknown(cw.label())) {
                return false;
            }
            out.raw(CW_LABEL);
            if (!out.string(cw.label().wireName())) {
                return false;
            }
            if (cw.text() != null) {
                out.raw(TEXT);
                if (!out.string(cw.text())) {
                    return false;
                }
            }
            out.raw('}');
        }
        out.raw('}');
        return true;
    }

    /** A user's id, name and role, after the opening of its object. */
    private static boolean user(UserInfo user, JsonOutput out) {
        if (WireNames.isUnknown(user.role()) || !out.string(user.id())) {
            return false;
        }
        out.raw(NAME);
        if (!out.string(user.name())) {
            return false;
        }
        out.raw(ROLE);
        return out.string(user.role().wireName());
    }

    private static boolean ok(Ok ok, JsonOutput out) {
        boolean known = ok.result() instanceof SendResult || ok.result() instanceof EmptyResult
                || ok.result() instanceof HelloResult;
        if (!known) {
            return false;
        }
        out.raw(OK);
        if (ok.id() != null) {
            out.raw(ID);
            if (!out.string(ok.id())) {
                return false;
            }
        }
        if (ok.result() instanceof SendResult send) {
            if (send.seq() != null) {
                out.raw(SEQ);
                out.number(send.seq());
            }
            if (send.held() != null) {
                out.raw(HELD);
                out.raw(send.held() ? TRUE : FALSE);
            }
            if (send.duplicate() != null) {
                out.raw(DUPLICATE);
                out.raw(send.duplicate() ? TRUE : FALSE);
            }
        } else if (ok.result() instanceof HelloResult hello) {
            if (hello.user() != null) {
                out.raw(USER_ID);
                if (!user(hello.user(), out)) {
                    return false;
                }
                out.raw('}');
            }
            out.raw(HEARTBEAT);
            out.number(hello.heartbeatSeconds());
            if (hello.resume() != null) {
                out.raw(RESUME);
                if (!out.string(hello.resume())) {
                    return false;
                }
            }
        }
        out.raw('}');
        return true;
    }

    private static boolean presence(PresenceEvent presence, JsonOutput out) {
        MemberInfo member = presence.member();
        if (WireNames.isUnknown(presence.event()) || member.role() == null || WireNames.isUnknown(member.role())
                || member.id() == null || member.name() == null) {
            return false;
        }
        out.raw(PRESENCE);
        if (!out.string(presence.room())) {
            return false;
        }
        out.raw(EVENT);
        out.string(presence.event().wireName());
        out.raw(MEMBER_ID);
        if (!out.string(member.id())) {
            return false;
        }
        out.raw(NAME);
        if (!out.string(member.name())) {
            return false;
        }
        out.raw(ROLE);
        out.string(member.role().wireName());
        out.raw(VOICE);
        out.raw(member.voice() ? TRUE : FALSE);
        out.raw(HAND_RAISED);
        if (member.handRaised() == null) {
            out.raw(NULL);
        } else {
            out.number(member.handRaised());
        }
        if (member.muted() != null) {
            out.raw(MUTED);
            out.raw(member.muted() ? TRUE : FALSE);
        }
        out.raw('}');
        out.raw('}');
        return true;
    }

    private static boolean error(ErrorReply error, JsonOutput out) {
        out.raw(ERROR);
        if (error.id() != null) {
            out.raw(ID);
            if (!out.string(error.id())) {
                return false;
            }
        }
        out.raw(CODE);
        out.string(error.code().wireName());
        out.raw(MESSAGE_FIELD);
        if (!out.string(error.message())) {
            return false;
        }
        if (error.retryAfterMs() != null) {
            out.raw(RETRY_AFTER);
            out.number(error.retryAfterMs());
        }
        out.raw('}');
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
