package dev.haven.protocol.server;

import dev.haven.protocol.model.OnDuty;
import java.util.List;

/**
 * The reply to {@code duty} and {@code duty_roster}: the supervisors on duty now, first on duty first.
 *
 * @param onDuty  who is on duty
 * @param you     for {@code duty}: whether the caller is on duty now; null otherwise
 */
public record DutyResult(List<OnDuty> onDuty, Boolean you) implements Result {
    public DutyResult {
        onDuty = onDuty == null ? List.of() : List.copyOf(onDuty);
    }
}
