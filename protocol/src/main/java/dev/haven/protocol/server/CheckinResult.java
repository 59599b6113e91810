package dev.haven.protocol.server;

import dev.haven.protocol.Fields;
import dev.haven.protocol.model.CheckinInfo;

/** The reply to {@code checkin_open}: the check-in, new or the one already open with that member. */
public record CheckinResult(CheckinInfo checkin) implements Result {
    public CheckinResult {
        Fields.require(checkin, "checkin");
    }
}
