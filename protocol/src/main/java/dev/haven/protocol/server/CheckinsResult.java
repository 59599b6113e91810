package dev.haven.protocol.server;

import dev.haven.protocol.model.CheckinInfo;
import java.util.List;

/** The reply to {@code checkins}: the open check-ins the caller is in. */
public record CheckinsResult(List<CheckinInfo> checkins) implements Result {
    public CheckinsResult {
        checkins = checkins == null ? List.of() : List.copyOf(checkins);
    }
}
