package dev.haven.protocol.client;

/** A request about one room beyond joining, leaving and sending: members' tools and facilitators' commands. */
public sealed interface RoomRequest extends ClientMessage
        permits RaiseHand, LowerHand, Report, Mute, Unmute, Remove, Ban, Unban, Delete, SetRoom, Voice, Admit, Deny,
        Warn, Stats, Audit, CareRequest, SessionRequest, ListSanctions {
    String room();
}
