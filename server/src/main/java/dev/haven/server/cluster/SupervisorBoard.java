package dev.haven.server.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the supervisors of the whole cluster share: the escalated alerts still open in any room
 * (each as its frames: the escalation, then what was done about it), so a supervisor who
 * connects to any node receives them; and how many supervisors each node has connected and on
 * duty, so an escalation counts the supervisors it reached wherever they are. Written by the
 * rooms' owners; alerts are keyed by room and alert id, so writing one twice is harmless.
 */
public interface SupervisorBoard {
    /** An alert was escalated: {@code frame} is its first frame. */
    CompletableFuture<Void> escalated(String room, String alertId, byte[] frame);

    /** What was done about an escalated alert; nothing when the alert is not on the board. */
    CompletableFuture<Void> updated(String room, String alertId, byte[] frame);

    /** The alert is closed or forgotten. */
    CompletableFuture<Void> closed(String room, String alertId);

    /** Every open escalation's frames, oldest first within each. */
    CompletableFuture<List<List<byte[]>>> open();

    /** Says who this node's supervisors are (connected, on duty: {@code mine}, opaque), and learns every node's. */
    CompletableFuture<Map<NodeId, byte[]>> duty(NodeId self, byte[] mine);
}
