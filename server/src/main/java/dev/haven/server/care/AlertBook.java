package dev.haven.server.care;

import dev.haven.protocol.model.AlertKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A room's open alerts, oldest first: at most one of each kind per member. Used on the room's executor alone. */
final class AlertBook {
    private final Map<String, OpenAlert> byId = new LinkedHashMap<>();

    OpenAlert get(String alertId) {
        return byId.get(alertId);
    }

    /** The member's open alert of this kind, or null. */
    OpenAlert openFor(String member, AlertKind kind) {
        for (OpenAlert alert : byId.values()) {
            if (alert.member.equals(member) && alert.kind == kind) {
                return alert;
            }
        }
        return null;
    }

    void add(OpenAlert alert) {
        byId.put(alert.id, alert);
    }

    void remove(OpenAlert alert) {
        byId.remove(alert.id);
    }

    List<OpenAlert> all() {
        return new ArrayList<>(byId.values());
    }

    boolean anyEscalating() {
        return byId.values().stream().anyMatch(OpenAlert::escalating);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }
}
