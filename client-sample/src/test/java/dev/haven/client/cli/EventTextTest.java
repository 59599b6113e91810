package dev.haven.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.Notice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words of notices, alerts and the room's neutral lines. */
class EventTextTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final MemberInfo SAM = new MemberInfo("g-1", "Sam", Role.MEMBER, false, null, null);

    @Test
    void notices_areCalm_private_andSayHowLong() {
        assertThat(EventText.notice(new Notice("lounge", NoticeKind.MUTED, NOW + 300_000 - 40, "please pause", null),
                "Lounge", NOW)).isEqualTo("(private) A facilitator has muted you for 5 minutes. You can still read "
                + "along. Reason: please pause");
        assertThat(EventText.notice(Notice.of("lounge", NoticeKind.MUTED), "Lounge", NOW))
                .isEqualTo("(private) A facilitator has muted you until they lift it. You can still read along.");
        assertThat(EventText.notice(Notice.of("lounge", NoticeKind.REMOVED), "Lounge", NOW))
                .isEqualTo("(private) You were removed from the room.");
        assertThat(EventText.notice(new Notice("lounge", NoticeKind.BANNED, NOW + 3_600_000, null, null), "Lounge", NOW))
                .isEqualTo("(private) You were removed from the room and cannot rejoin for 1 hour.");
        assertThat(EventText.notice(new Notice("lounge", NoticeKind.WARNING, null, "be gentle\nplease", null),
                "Lounge", NOW)).isEqualTo("(private) A word from a facilitator: be gentle\n    please");
        assertThat(EventText.notice(new Notice("lounge", NoticeKind.VOICE, null, null, true), "Lounge", NOW))
                .startsWith("(private) A facilitator has given you the floor");
        assertThat(EventText.notice(Notice.of("lounge", NoticeKind.ADMITTED), "Lounge", NOW))
                .isEqualTo("(private) A facilitator has admitted you to Lounge.");
    }

    @Test
    void notice_reasonWithControlCharacters_isCleaned() {
        assertThat(EventText.notice(new Notice("lounge", NoticeKind.REMOVED, null, "x\u001b[2Jy", null), "Lounge", NOW))
                .isEqualTo("(private) You were removed from the room. Reason: x?[2Jy");
    }

    @Test
    void alerts_areMarked_andNameThePeople() {
        Map<String, String> names = Map.of("g-2", "Alex");
        assertThat(EventText.alert(new Alert("lounge", AlertKind.HAND_RAISED, "g-1", "Sam", null, null, null, NOW),
                "Lounge", names::get, List.of(SAM)))
                .isEqualTo("[facilitator alert] Sam raised a hand (hands up, first raised first: Sam)");
        assertThat(EventText.alert(new Alert("lounge", AlertKind.WAITING, "g-5", "Robin Lee", null, null, null, NOW),
                "Lounge", names::get, List.of()))
                .isEqualTo("[facilitator alert] Robin Lee is waiting to join Lounge: /admit \"Robin Lee\" or /deny \"Robin Lee\"");
        assertThat(EventText.alert(new Alert("lounge", AlertKind.REPORT, "g-1", "Sam", 12L, "g-2", "unkind", NOW),
                "Lounge", names::get, List.of()))
                .isEqualTo("[facilitator alert] Alex reported message 12 (from Sam). Reason: unkind");
        assertThat(EventText.alert(new Alert("lounge", AlertKind.REPORT, null, null, 3L, "g-9", null, NOW),
                "Lounge", names::get, List.of()))
                .isEqualTo("[facilitator alert] g-9 reported message 3");
    }

    @Test
    void kindsFromANewerServer_readCalmly_withoutTheirWireName() throws Exception {
        ProtocolCodec codec = new ProtocolCodec();
        Notice notice = (Notice) codec.decodeServer(
                "{\"type\":\"notice\",\"room\":\"lounge\",\"kind\":\"paused_for_you\",\"reason\":\"take a breath\"}",
                id -> null);
        Alert alert = (Alert) codec.decodeServer(
                "{\"type\":\"alert\",\"room\":\"lounge\",\"kind\":\"long_silence\",\"member\":\"g-1\","
                        + "\"name\":\"Sam\",\"ts\":1}", id -> null);

        assertThat(EventText.notice(notice, "Lounge", NOW)).isEqualTo(
                "(private) A note about Lounge (a notice this client does not know yet). Reason: take a breath");
        assertThat(EventText.alert(alert, "Lounge", id -> null, List.of()))
                .isEqualTo("[facilitator alert] an alert this client does not know yet about Sam in Lounge");
    }

    @Test
    void memberChanges_showHandsAndTheFloor_andMutesOnlyToOthers() {
        MemberInfo handUp = new MemberInfo("g-1", "Sam", Role.MEMBER, false, NOW, null);
        MemberInfo withFloor = new MemberInfo("g-1", "Sam", Role.MEMBER, true, null, null);
        MemberInfo muted = new MemberInfo("g-1", "Sam", Role.MEMBER, false, null, true);
        MemberInfo unmuted = new MemberInfo("g-1", "Sam", Role.MEMBER, false, null, false);

        assertThat(EventText.memberChanges(SAM, handUp, false)).containsExactly("* Sam raised a hand");
        assertThat(EventText.memberChanges(handUp, SAM, false)).containsExactly("* Sam's hand is down");
        assertThat(EventText.memberChanges(handUp, withFloor, false)).containsExactly("* Sam has the floor");
        assertThat(EventText.memberChanges(withFloor, SAM, false)).containsExactly("* Sam no longer has the floor");
        assertThat(EventText.memberChanges(SAM, muted, false)).containsExactly("* Sam is muted (only facilitators see this)");
        assertThat(EventText.memberChanges(muted, unmuted, false)).containsExactly("* Sam can write again");
        assertThat(EventText.memberChanges(SAM, muted, true)).isEmpty();
    }

    @Test
    void roomChanges_sayWhatChangedInPlainWords() {
        RoomInfo open = room(false, 0, false, Admission.OPEN);

        assertThat(EventText.roomChanges(open, room(true, 0, false, Admission.OPEN)))
                .containsExactly("* The room is now locked: nobody new can join for now.");
        assertThat(EventText.roomChanges(open, room(false, 30, true, Admission.APPROVAL))).containsExactly(
                "* Slow mode: one message every 30 seconds per member.",
                "* The room is now moderated: members write when given the floor (/hand asks for it).",
                "* New members now wait for a facilitator to admit them.");
        assertThat(EventText.roomChanges(room(false, 30, false, Admission.OPEN), open))
                .containsExactly("* Slow mode is off.");
        assertThat(EventText.roomChanges(open, open)).isEmpty();
    }

    @Test
    void durations_readInTheLargestFittingUnit() {
        assertThat(EventText.duration(1)).isEqualTo("1 second");
        assertThat(EventText.duration(45)).isEqualTo("45 seconds");
        assertThat(EventText.duration(60)).isEqualTo("1 minute");
        assertThat(EventText.duration(75)).isEqualTo("75 seconds");
        assertThat(EventText.duration(300)).isEqualTo("5 minutes");
        assertThat(EventText.duration(3600)).isEqualTo("1 hour");
        assertThat(EventText.duration(5400)).isEqualTo("90 minutes");
        assertThat(EventText.duration(7 * 86400)).isEqualTo("7 days");
        assertThat(EventText.duration(3598)).isEqualTo("1 hour");
        assertThat(EventText.duration(100_000)).isEqualTo("28 hours");
        assertThat(EventText.remaining(NOW + 299_600, NOW)).isEqualTo("5 minutes");
        assertThat(EventText.remaining(NOW - 5, NOW)).isEqualTo("1 second");
    }

    private static RoomInfo room(boolean locked, int slow, boolean moderated, Admission admission) {
        return new RoomInfo("lounge", "Lounge", RoomCategory.GENERAL, "Drop in", List.of(), 1, 100, locked, admission,
                null, slow, moderated);
    }

    @Test
    void announcementsAndOperatorNotices_areShownAsTheServiceSpeaking() {
        assertThat(EventText.announcement(new dev.haven.protocol.server.Announcement("lounge", "ann-1",
                "Closing at 22:00\u0007", 1L), "Lounge")).isEqualTo("[announcement] Lounge: Closing at 22:00?");
        assertThat(EventText.notice(new dev.haven.protocol.server.Notice("lounge",
                dev.haven.protocol.model.NoticeKind.SESSION_SCHEDULED, null, null, null, null,
                "The group starts at 19:00 (in 12 min).", null, null), "Lounge", 0L))
                .isEqualTo("(private) The group starts at 19:00 (in 12 min).");
        assertThat(EventText.notice(new dev.haven.protocol.server.Notice("lounge",
                dev.haven.protocol.model.NoticeKind.ROOM_ARCHIVED, null, null, null, null,
                "This group has been closed.", null, null), "Lounge", 0L)).contains("This group has been closed.");
    }
}
