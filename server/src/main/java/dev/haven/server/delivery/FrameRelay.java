package dev.haven.server.delivery;

/**
 * Carries encoded events between the processes of a cluster without decoding them: the JSON of
 * a frame a room encoded, and a frame for this process's connections made from JSON another
 * process encoded.
 */
public interface FrameRelay {
    /** The frame's JSON payload, as a client receives it. */
    byte[] json(OutboundFrame frame);

    /** A frame of this JSON payload; the caller releases it after handing it to every recipient. */
    OutboundFrame frame(byte[] json);
}
