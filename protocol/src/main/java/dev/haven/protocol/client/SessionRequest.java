package dev.haven.protocol.client;

/**
 * A request about the room's session: opening and closing it, rounds, and mood check-ins.
 */
public sealed interface SessionRequest extends RoomRequest
        permits OpenSession, CloseSession, RoundStart, TurnDone, Pass, TurnExtend, RoundEnd, MoodPoll, Mood, TurnNext {
}
