package dev.haven.protocol.client;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Every frame a client may send. The list of subtypes is checked against the permitted ones by a test. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ListRooms.class, name = "rooms"),
    @JsonSubTypes.Type(value = Join.class, name = "join"),
    @JsonSubTypes.Type(value = Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Send.class, name = "send"),
})
public sealed interface ClientMessage permits Hello, Ping, ListRooms, Join, Leave, Send {
    /** The client-chosen request id, or null. */
    String id();

    /** The same request with another id; clients use it to number their requests. */
    ClientMessage withId(String id);
}
