package dev.haven.server.session;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.CheckinClose;
import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.CheckinOpen;
import dev.haven.protocol.client.CheckinRequest;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.ListCheckins;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.server.CheckinsResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.checkin.CheckinIds;
import dev.haven.server.room.RoomHandle;
import dev.haven.server.room.RoomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Takes each check-in request to the room it concerns, read from the request alone: the room
 * of {@code checkin_open}, or the room a check-in's id names. A check-in that names no room of
 * this server is {@code not_found}, as one the caller is not in. {@code checkins} asks every
 * room (or the one named) and answers once all have, in the rooms' order. Rooms are reached
 * through their {@link RoomHandle}: in a cluster, the room's owner answers, wherever it is.
 */
final class CheckinRouter {
    private final RoomRegistry rooms;

    CheckinRouter(RoomRegistry rooms) {
        this.rooms = rooms;
    }

    void route(Connection connection, CheckinRequest request, Consumer<ServerMessage> reply) {
        if (request instanceof ListCheckins list) {
            list(connection, list, reply);
            return;
        }
        String roomId = request instanceof CheckinOpen open ? open.room() : CheckinIds.roomOf(checkinOf(request));
        RoomHandle room = roomId == null ? null : rooms.handle(roomId);
        if (room == null) {
            reply.accept(ErrorReply.of(request.id(), ErrorCode.NOT_FOUND, request instanceof CheckinOpen
                    ? "no room with that id" : "no open check-in with that id"));
            return;
        }
        room.checkin(connection, request, reply);
    }

    private static String checkinOf(CheckinRequest request) {
        if (request instanceof CheckinSend send) {
            return send.checkin();
        } else if (request instanceof CheckinHistory history) {
            return history.checkin();
        } else if (request instanceof CheckinClose close) {
            return close.checkin();
        }
        throw new IllegalStateException("no check-in in " + request.getClass().getSimpleName());
    }

    /** Each room answers on its own executor; the last to answer sends the reply. */
    private void list(Connection connection, ListCheckins request, Consumer<ServerMessage> reply) {
        RoomHandle named = request.room() == null ? null : rooms.handle(request.room());
        List<RoomHandle> asked = request.room() == null ? rooms.handles() : named == null ? List.of() : List.of(named);
        if (asked.isEmpty()) {
            reply.accept(request.room() == null ? new Ok(request.id(), new CheckinsResult(List.of()))
                    : ErrorReply.of(request.id(), ErrorCode.NOT_FOUND, "no room with that id"));
            return;
        }
        AtomicReferenceArray<List<CheckinInfo>> answers = new AtomicReferenceArray<>(asked.size());
        AtomicInteger waiting = new AtomicInteger(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            int index = i;
            asked.get(i).listCheckins(connection, found -> {
                answers.set(index, found);
                if (waiting.decrementAndGet() == 0) {
                    List<CheckinInfo> all = new ArrayList<>();
                    for (int r = 0; r < answers.length(); r++) {
                        all.addAll(answers.get(r));
                    }
                    reply.accept(new Ok(request.id(), new CheckinsResult(all)));
                }
            });
        }
    }
}
