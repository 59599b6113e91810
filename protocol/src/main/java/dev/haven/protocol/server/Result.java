package dev.haven.protocol.server;

/** The fields of an {@code ok} reply, one record per kind of request. */
public sealed interface Result permits EmptyResult, HelloResult, RoomsResult, JoinResult, SendResult, StatsResult,
        AuditResult, ResourcesResult, RoundStarted, CheckinResult, CheckinSendResult, CheckinHistoryResult,
        CheckinsResult, DutyResult, SanctionsResult {
}
