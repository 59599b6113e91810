package dev.haven.protocol.server;

import dev.haven.protocol.model.RoomInfo;
import java.util.List;

public record RoomsResult(List<RoomInfo> rooms) implements Result {
    public RoomsResult {
        rooms = List.copyOf(rooms);
    }
}
