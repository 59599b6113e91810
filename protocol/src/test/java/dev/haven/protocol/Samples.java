package dev.haven.protocol;

import dev.haven.protocol.client.DutyRoster;
import dev.haven.protocol.client.SetDuty;
import dev.haven.protocol.model.OnDuty;
import dev.haven.protocol.server.Announcement;
import dev.haven.protocol.server.DutyResult;
import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Admit;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.CheckinClose;
import dev.haven.protocol.client.CheckinHistory;
import dev.haven.protocol.client.CheckinOpen;
import dev.haven.protocol.client.CheckinSend;
import dev.haven.protocol.client.ListCheckins;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Mood;
import dev.haven.protocol.client.MoodPoll;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.Pass;
import dev.haven.protocol.client.ListSanctions;
import dev.haven.protocol.client.RoundEnd;
import dev.haven.protocol.client.RoundStart;
import dev.haven.protocol.client.TurnDone;
import dev.haven.protocol.client.TurnExtend;
import dev.haven.protocol.client.TurnNext;
import dev.haven.protocol.client.Ban;
import dev.haven.protocol.client.ClientMessage;
import dev.haven.protocol.client.Delete;
import dev.haven.protocol.client.Deny;
import dev.haven.protocol.client.Hello;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.Leave;
import dev.haven.protocol.client.ListResources;
import dev.haven.protocol.client.ListRooms;
import dev.haven.protocol.client.LowerHand;
import dev.haven.protocol.client.Mute;
import dev.haven.protocol.client.Ping;
import dev.haven.protocol.client.RaiseHand;
import dev.haven.protocol.client.Remove;
import dev.haven.protocol.client.Report;
import dev.haven.protocol.client.RequestFacilitator;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.SetRoom;
import dev.haven.protocol.client.ShareResource;
import dev.haven.protocol.client.Stats;
import dev.haven.protocol.client.Unban;
import dev.haven.protocol.client.Unmute;
import dev.haven.protocol.client.Voice;
import dev.haven.protocol.client.Warn;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.CheckinInfo;
import dev.haven.protocol.model.CheckinOutcome;
import dev.haven.protocol.model.CheckinState;
import dev.haven.protocol.model.ContentWarning;
import dev.haven.protocol.model.CwLabel;
import dev.haven.protocol.model.ChannelType;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.MemberInfo;
import dev.haven.protocol.model.MoodPhase;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.Participation;
import dev.haven.protocol.model.PresenceKind;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.ResourceChannel;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.model.RoomInfo;
import dev.haven.protocol.model.RoundKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.model.RoundState;
import dev.haven.protocol.model.Sanction;
import dev.haven.protocol.model.UserInfo;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.CheckinEvent;
import dev.haven.protocol.server.CheckinHistoryResult;
import dev.haven.protocol.server.CheckinMessage;
import dev.haven.protocol.server.CheckinResult;
import dev.haven.protocol.server.CheckinSendResult;
import dev.haven.protocol.server.CheckinsResult;
import dev.haven.protocol.server.EmptyResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.HelloResult;
import dev.haven.protocol.server.JoinResult;
import dev.haven.protocol.server.MessageDeleted;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.MoodPollEvent;
import dev.haven.protocol.server.MoodSummary;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.PresenceEvent;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.ResourcesResult;
import dev.haven.protocol.server.RoomUpdated;
import dev.haven.protocol.server.RoomsResult;
import dev.haven.protocol.server.RoundEvent;
import dev.haven.protocol.server.RoundStarted;
import dev.haven.protocol.server.SanctionsResult;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.protocol.server.StatsResult;
import java.util.ArrayList;
import java.util.List;

/** Representative frames of every type, shared by the tests. */
final class Samples {
    static final UserInfo RIVER = new UserInfo("u1", "River", Role.FACILITATOR);
    static final UserInfo SKY = new UserInfo("u2", "Sky", Role.MEMBER);
    static final RoomInfo ANXIETY = new RoomInfo("anx", "Anxiety", RoomCategory.CONDITION, "Evening group",
            List.of("anxiety", "evening"), 3, 20, false, Admission.OPEN, "Be kind.", 0, false);
    static final RoomInfo VETERANS = new RoomInfo("vet", "Veterans", RoomCategory.DEMOGRAPHIC, "Drop in",
            List.of(), 0, 12, true, Admission.APPROVAL, null, 0, false);
    /** The anxiety room after a facilitator turned on slow mode and moderation. */
    static final RoomInfo ANXIETY_MODERATED = new RoomInfo("anx", "Anxiety", RoomCategory.CONDITION, "Evening group",
            List.of("anxiety", "evening"), 3, 20, false, Admission.OPEN, "Be kind.", 30, true);
    static final RoomInfo SCHEDULED = new RoomInfo("anx", "Anxiety", RoomCategory.CONDITION, "Evening group",
            List.of("anxiety"), 3, 30, false, Admission.OPEN, null, 0, false, RoomState.LOBBY, true, 1, null,
            "2026-03-29T19:00:00+01:00", null);
    static final MemberInfo SKY_PLAIN = new MemberInfo("u2", "Sky", Role.MEMBER, false, null, null);
    static final MemberInfo SKY_MUTED = new MemberInfo("u2", "Sky", Role.MEMBER, true, 1_700_000_000_123L, true);
    static final MessageEvent MESSAGE = new MessageEvent("anx", 5, RIVER, "Welcome \"all\" ✓ 😊\n", 1_700_000_000_000L, null);
    static final MessageEvent MESSAGE_WITH_CLIENT_ID = new MessageEvent("anx", 6, SKY, "hi", 1_700_000_000_500L, "c-1");
    static final MessageEvent CW_MESSAGE = new MessageEvent("anx", 7, SKY, "It was hard.", 1_700_000_000_700L, null,
            new ContentWarning(CwLabel.TRAUMA, "an accident"));
    static final RoundEvent ROUND = new RoundEvent("anx", "round-1", RoundKind.CHECK_IN, "One word for how you arrive",
            "u2", List.of("u3", "u4"), 1_700_000_090_000L, RoundState.RUNNING, null, 90, RoundOrder.JOIN, true, true);
    static final Participation SKY_SHARE = new Participation("u2", "Sky", 12, 1_500L, 0.75);
    static final Participation RIVER_SHARE = new Participation("u1", "River", 3, 500L, 0.25);
    static final AuditEntry MUTE_ENTRY = new AuditEntry(1_700_000_000_900L, "u1", "mute", "u2", "cool down");
    static final AuditEntry SET_ROOM_ENTRY = new AuditEntry(1_700_000_000_800L, "u1", "set_room", null, null);
    static final AuditEntry NAMED_ENTRY = new AuditEntry(1_700_000_001_000L, "u1", "checkin_close", "u2", "resolved",
            "River", "Sky");
    static final CheckinInfo CHECKIN = new CheckinInfo("ck:anx:3f9c0a1b2c3d4e5f", "anx", SKY, RIVER,
            CheckinState.OPEN, 2, 1_700_000_003_000L, List.of(RIVER), "alert-7", null, null, null);
    static final CheckinInfo CHECKIN_WITNESS = new CheckinInfo("ck:anx:3f9c0a1b2c3d4e5f", "anx", SKY, RIVER,
            CheckinState.OPEN, 0, 1_700_000_003_000L, List.of(RIVER), null, true, true, null);
    static final CheckinInfo CHECKIN_CLOSED = new CheckinInfo("ck:anx:3f9c0a1b2c3d4e5f", "anx", SKY, RIVER,
            CheckinState.CLOSED, 2, 1_700_000_003_000L, List.of(RIVER), null, null, null, RIVER);
    static final CheckinMessage CHECKIN_MESSAGE = new CheckinMessage("ck:anx:3f9c0a1b2c3d4e5f", "anx", 1, RIVER,
            "How are you doing? ✓", 1_700_000_003_100L, "c-9");
    static final ResourceCard LIFELINE = new ResourceCard("us-988", "988 Suicide & Crisis Lifeline", "US", "general",
            List.of(new ResourceChannel(ChannelType.CALL, "988", null),
                    new ResourceChannel(ChannelType.TEXT, "988", null),
                    new ResourceChannel(ChannelType.CHAT, "https://988lifeline.org/chat", null)),
            "24/7", true, "https://988lifeline.org/", "2026-11-26");
    static final ResourceCard DIRECTORY = new ResourceCard("int-findahelpline", "Find A Helpline", "international",
            "general", List.of(new ResourceChannel(ChannelType.WEB, "https://findahelpline.com", "Helplines by country")),
            "24/7", true, "https://findahelpline.com", "2026-11-26");

    private Samples() {
    }

    static List<ClientMessage> clientFrames() {
        return List.of(
                new Hello("1", "eyJhbGciOi.eyJzdWIi.sig", null),
                new Hello("2", null, "River"),
                new Hello("2r", null, null, "eyJ.resume.sig"),
                Hello.guest("Sky"),
                new Ping("3"),
                new Ping(null),
                new ListRooms("4", RoomCategory.GENERAL, "drop-in", "evening"),
                ListRooms.all(),
                new Join("5", "anx", 41L, true),
                new Join("6", "anx", 0L, false),
                Join.room("vet"),
                new Join(null, "vet", null, null),
                new Leave("7", "anx"),
                new Send("8", "anx", "Hello \"there\" ✓ 😊\n\t<b>", "c-1"),
                Send.text("anx", "hi"),
                new RaiseHand("20", "anx"),
                new LowerHand("21", "anx", null),
                new LowerHand(null, "anx", "u2"),
                new Report("22", "anx", 5L, "unkind \"words\" ✓ 😊"),
                new Report(null, "anx", 1L, null),
                new Mute("23", "anx", "u2", 600L, "cool down"),
                new Mute(null, "anx", "u2", null, null),
                new Mute("24", "anx", "u2", Mute.MAX_SECONDS, null),
                new Mute("25", "anx", "u2", 1L, "x".repeat(Fields.MAX_REASON_CHARS)),
                new Unmute("26", "anx", "u2"),
                new Remove("27", "anx", "u2", "please take a break"),
                new Remove(null, "anx", "u2", null),
                new Ban("28", "anx", "u2", 86_400L, "spam"),
                new Ban(null, "anx", "u2", null, null),
                new Ban("29", "anx", "u2", Ban.MAX_SECONDS, null),
                new Unban("30", "anx", "u2"),
                new Delete("31", "anx", 5L),
                new SetRoom("32", "anx", true, 30, true, Admission.APPROVAL),
                new SetRoom(null, "anx", false, null, null, null),
                new SetRoom("33", "anx", null, 0, null, null),
                new SetRoom("34", "anx", null, SetRoom.MAX_SLOW_MODE_SECONDS, false, Admission.OPEN),
                new Voice("35", "anx", "u2", true),
                new Voice(null, "anx", "u2", false),
                new Admit("36", "vet", "u2"),
                new Deny("37", "vet", "u2"),
                new Warn("38", "anx", "u2", "Please keep to \"I\" statements 🙏"),
                new Stats("39", "anx"),
                new Audit("40", "anx", 50),
                new Audit(null, "anx", null),
                new Audit("41", "anx", Audit.MAX_LIMIT),
                new Audit("42", "anx", 1),
                new RequestFacilitator("43", "anx", "could someone check in with me? 🙏"),
                new RequestFacilitator(null, "anx", null),
                new AckAlert("44", "anx", "alert-7", AlertAction.REACHING_OUT),
                new AckAlert(null, "anx", "alert-7", AlertAction.FALSE_ALARM),
                new AckAlert("45", "anx", "alert-7", AlertAction.HANDLED),
                ListResources.of("anx"),
                new ListResources("46", "anx", "CA"),
                new ShareResource("47", "anx", "us-988", null),
                new ShareResource(null, "anx", "us-988", "u2"),
                new Send("43", "anx", "It was a hard week.", "c-2", ContentWarning.of(CwLabel.SELF_HARM)),
                new Send(null, "anx", "About my dad.", null, new ContentWarning(CwLabel.CUSTOM, "grief, a funeral")),
                new Join("44", "anx", null, true, 2),
                new SetRoom("45", "anx", null, null, null, null, "Be kind.\nSpeak for yourself."),
                new OpenSession("46", "anx"),
                new CloseSession("47", "anx", 120L, "Thank you all for tonight."),
                new CloseSession(null, "anx", null, null),
                new RoundStart("48", "anx", RoundKind.CHECK_IN, "One word for how you arrive", 90L, RoundOrder.RANDOM,
                        false, true),
                new RoundStart(null, "anx", RoundKind.GO_ROUND, "What helped this week?", null, null, null, null),
                new TurnDone("49", "anx"),
                new Pass("50", "anx"),
                new TurnExtend("51", "anx", 60L),
                new RoundEnd("52", "anx"),
                new TurnNext("55", "anx"),
                new ListSanctions("56", "anx"),
                new MoodPoll("53", "anx", MoodPhase.CHECK_OUT, 45L),
                new MoodPoll(null, "anx", MoodPhase.CHECK_IN, null),
                new Mood("54", "anx", "poll-1", 2, true),
                new Mood(null, "anx", "poll-1", null, null),
                new CheckinOpen("55", "anx", "u2", "alert-7"),
                new CheckinOpen(null, "anx", "u2", null),
                new CheckinSend("56", "ck:anx:3f9c0a1b2c3d4e5f", "I'm here if you want to talk 🙏", "c-9"),
                CheckinSend.text("ck:anx:3f9c0a1b2c3d4e5f", "thanks"),
                new CheckinHistory("57", "ck:anx:3f9c0a1b2c3d4e5f", 3L),
                new CheckinHistory(null, "ck:anx:3f9c0a1b2c3d4e5f", null),
                ListCheckins.all(),
                new ListCheckins("58", "anx"),
                new CheckinClose("59", "ck:anx:3f9c0a1b2c3d4e5f", CheckinOutcome.REFERRED),
                new CheckinClose(null, "ck:anx:3f9c0a1b2c3d4e5f", null),
                new SetDuty("60", true),
                new SetDuty(null, false),
                new DutyRoster("61"));
    }

    static List<ServerMessage> serverFrames() {
        return List.of(
                Ok.empty("1"),
                new Ok("2", new HelloResult(RIVER, 30)),
                new Ok("3", new RoomsResult(List.of(ANXIETY, VETERANS))),
                new Ok("4", new RoomsResult(List.of())),
                new Ok("5", JoinResult.joined(ANXIETY, List.of(SKY_PLAIN, SKY_MUTED),
                        List.of(MESSAGE, MESSAGE_WITH_CLIENT_ID), 6, true)),
                new Ok("6", JoinResult.joined(VETERANS, List.of(), List.of(), 0, false)),
                new Ok("6w", JoinResult.waitingForAdmission()),
                new Ok("6m", JoinResult.joined(ANXIETY_MODERATED, List.of(SKY_PLAIN), List.of(), 6, false)),
                new Ok("7", new SendResult(42)),
                new Ok("8", EmptyResult.INSTANCE),
                ErrorReply.of("9", ErrorCode.BAD_REQUEST, "field 'room' is required"),
                new ErrorReply("10", ErrorCode.SLOW_MODE, "slow mode", 1500L),
                ErrorReply.of(null, ErrorCode.UNAUTHENTICATED, "say hello first"),
                MESSAGE,
                MESSAGE_WITH_CLIENT_ID,
                new PresenceEvent("anx", PresenceKind.JOIN, SKY_PLAIN),
                new PresenceEvent("anx", PresenceKind.LEAVE, SKY_PLAIN),
                new PresenceEvent("anx", PresenceKind.UPDATE, SKY_MUTED),
                new Ok("11", new StatsResult(600, List.of(SKY_SHARE, RIVER_SHARE), List.of("u2"))),
                new Ok("12", new StatsResult(600, List.of(), List.of())),
                new Ok("13", new AuditResult(List.of(MUTE_ENTRY, SET_ROOM_ENTRY))),
                new Ok("14", new AuditResult(List.of())),
                new MessageDeleted("anx", 5),
                new RoomUpdated(ANXIETY_MODERATED),
                new RoomUpdated(VETERANS),
                new Notice("anx", NoticeKind.MUTED, 1_700_000_600_000L, "cool down", null),
                new Notice("anx", NoticeKind.MUTED, null, null, null),
                Notice.of("anx", NoticeKind.UNMUTED),
                new Notice("anx", NoticeKind.REMOVED, null, "please take a break", null),
                new Notice("anx", NoticeKind.BANNED, 1_700_086_400_000L, "spam", null),
                new Notice("anx", NoticeKind.WARNING, null, "Please keep to \"I\" statements 🙏", null),
                new Notice("anx", NoticeKind.VOICE, null, null, true),
                new Notice("anx", NoticeKind.VOICE, null, null, false),
                Notice.of("vet", NoticeKind.ADMITTED),
                Notice.of("vet", NoticeKind.DENIED),
                new Alert("anx", AlertKind.REPORT, "u2", "Sky", 5L, "u3", "unkind", 1_700_000_001_000L),
                new Alert("anx", AlertKind.REPORT, null, null, 7L, "u3", null, 1_700_000_001_100L),
                new Alert("anx", AlertKind.HAND_RAISED, "u2", "Sky", null, null, null, 1_700_000_001_200L),
                new Alert("vet", AlertKind.WAITING, "u2", "Sky", null, null, null, 1_700_000_001_300L),
                new Alert("anx", AlertKind.CRISIS, "u2", "Sky", 7L, null, null, 1_700_000_002_000L, "alert-7",
                        CrisisTier.HIGH, false, null, null, null, null, null, null),
                new Alert("anx", AlertKind.CRISIS, "u2", "Sky", null, null, null, 1_700_000_002_000L, "alert-8",
                        CrisisTier.CONCERN, true, true, null, null, true, null, null),
                new Alert("anx", AlertKind.CRISIS_UPDATE, "u2", "Sky", null, "u1", null, 1_700_000_002_100L, "alert-7",
                        null, null, null, AlertAction.REACHING_OUT, null, null, null, null),
                new Alert("anx", AlertKind.REQUEST_FACILITATOR, "u2", "Sky", null, null, null, 1_700_000_002_200L,
                        "alert-9", null, false, null, null, "could someone check in?", null, null, null),
                new Alert("anx", AlertKind.REQUEST_FACILITATOR_UPDATE, "u2", "Sky", null, "u1", null,
                        1_700_000_002_300L, "alert-9", null, null, null, AlertAction.HANDLED, null, null, null, null),
                Notice.support("anx", "alert-7", "Thank you for telling us.", List.of(LIFELINE, DIRECTORY)),
                new Ok("15", new ResourcesResult(List.of(LIFELINE, DIRECTORY))),
                new Ok("16", new ResourcesResult(List.of())),
                new Ok("17", SendResult.heldForFacilitators()),
                new ResourceEvent("anx", LIFELINE),
                new HeldMessage("anx", "alert-8", SKY, "a message for facilitators ✓", 1_700_000_002_000L, "c-2"),
                new HeldMessage("anx", "alert-8", SKY, "no client id", 1_700_000_002_000L, null),
                Alert.unfacilitated("anx", 1_700_000_001_400L),
                Alert.moodShared("anx", "u2", "Sky", 1_700_000_001_500L, "poll-1", 2),
                Notice.unfacilitated("anx", "No facilitator is here.", List.of(LIFELINE)),
                Notice.sessionClosing("anx", 1_700_000_060_000L, "Closing soon."),
                Notice.sessionClosed("anx", "Thank you."),
                new Notice("anx", NoticeKind.TURN_WARNING, 1_700_000_090_000L, null, null),
                ROUND,
                new RoundEvent("anx", "round-1", RoundKind.CHECK_IN, "One word", null, List.of(), null,
                        RoundState.PAUSED, 30_000L, 90, RoundOrder.JOIN, true, false),
                new MoodPollEvent("anx", "poll-1", MoodPhase.CHECK_IN, 1_700_000_060_000L),
                MoodSummary.of("anx", "poll-1", 6, new int[] {0, 1, 2, 2, 0}),
                MoodSummary.suppressed("anx", "poll-2", 3),
                new Ok("18", new RoundStarted("round-1")),
                new Ok("20", new SanctionsResult(List.of(new Sanction("u2", "Sky", 1_700_000_300_000L)),
                        List.of(new Sanction("u3", null, null)))),
                new Ok("21", SendResult.duplicateOf(42)),
                new Ok("22", new HelloResult(RIVER, 30, "eyJ.resume.sig")),
                new Ok("19", JoinResult.joined(ANXIETY, List.of(SKY_PLAIN), List.of(CW_MESSAGE), 7, false, ROUND,
                        new MoodPollEvent("anx", "poll-1", MoodPhase.CHECK_IN, 1_700_000_060_000L))),
                CW_MESSAGE,
                new Ok("20", new AuditResult(List.of(NAMED_ENTRY))),
                Notice.reachingOut("anx", RIVER, "River from the group would like to check in with you."),
                new CheckinEvent(CHECKIN),
                new CheckinEvent(CHECKIN_WITNESS),
                new CheckinEvent(CHECKIN_CLOSED),
                CHECKIN_MESSAGE,
                new Ok("21", new CheckinResult(CHECKIN)),
                new Ok("22", CheckinSendResult.accepted(3)),
                new Ok("23", CheckinSendResult.duplicateOf(1)),
                new Ok("24", new CheckinHistoryResult(CHECKIN, List.of(CHECKIN_MESSAGE), false)),
                new Ok("25", new CheckinsResult(List.of(CHECKIN))),
                new Ok("26", new CheckinsResult(List.of())),
                ErrorReply.of("27", ErrorCode.WITNESS_REQUIRED, "two staff members"),
                new Announcement("anx", "ann-1", "Tonight's group ends at 20:30 ✓", 1_700_000_003_000L),
                new Ok("28", new DutyResult(List.of(new OnDuty("sup-1", "Sam", 1_700_000_000_000L)), true)),
                new Ok("29", new DutyResult(List.of(), null)),
                new Notice("anx", NoticeKind.SESSION_SCHEDULED, null, null, null, null,
                        "The group starts at 19:00 (in 12 min).", null, null),
                new Notice("anx", NoticeKind.ROOM_ARCHIVED, null, null, null, null, "This group has been closed.", null,
                        null),
                new RoomUpdated(SCHEDULED));
    }

    /**
     * Every concrete record a sealed message interface stands for: its permitted subclasses, with
     * nested sealed interfaces (such as {@code RoomRequest}) replaced by their own, recursively.
     */
    static List<Class<?>> concreteSubtypes(Class<?> sealedType) {
        List<Class<?>> concrete = new ArrayList<>();
        for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
            if (permitted.isSealed() && permitted.isInterface()) {
                concrete.addAll(concreteSubtypes(permitted));
            } else {
                concrete.add(permitted);
            }
        }
        return concrete;
    }
}
