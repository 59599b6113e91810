package dev.haven.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a room's presence list.
 *
 * @param handRaised when the hand went up (epoch ms), or null; always written so clients can
 *                   order the queue
 * @param muted      present only for facilitators and for the member itself
 */
public record MemberInfo(
        String id,
        String name,
        Role role,
        boolean voice,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long handRaised,
        Boolean muted) {
}
