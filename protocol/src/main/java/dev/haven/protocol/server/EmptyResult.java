package dev.haven.protocol.server;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The result of a request that returns nothing but success: {@code ping}, {@code leave}. */
public record EmptyResult() implements Result {
    public static final EmptyResult INSTANCE = new EmptyResult();

    @JsonCreator
    public static EmptyResult create() {
        return INSTANCE;
    }
}
