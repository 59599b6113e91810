package dev.haven.server.delivery;

/**
 * An event encoded once for all its recipients. The encoder's caller owns one reference and
 * releases it after handing the frame to every recipient.
 */
public interface OutboundFrame {
    void release();
}
