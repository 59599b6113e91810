package dev.haven.client;

import java.io.IOException;

/**
 * A request was made while there was no connection to send it on: the client is reconnecting,
 * or has ended. Nothing was sent, so the request may simply be made again once connected.
 */
public final class NotConnectedException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotConnectedException(String message) {
        super(message);
    }
}
