package dev.haven.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.AckAlert;
import dev.haven.protocol.client.Audit;
import dev.haven.protocol.client.Join;
import dev.haven.protocol.client.ListResources;
import dev.haven.protocol.client.RequestFacilitator;
import dev.haven.protocol.client.RoomRequest;
import dev.haven.protocol.client.Send;
import dev.haven.protocol.client.ShareResource;
import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.Role;
import dev.haven.protocol.model.RoomCategory;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.AuditResult;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.MessageEvent;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ResourceEvent;
import dev.haven.protocol.server.ResourcesResult;
import dev.haven.protocol.server.SendResult;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.care.CareServices;
import dev.haven.server.config.ConfigLoader;
import dev.haven.server.config.HavenConfig;
import dev.haven.server.config.RoomSettings;
import dev.haven.server.delivery.Session;
import dev.haven.server.testing.ManualClock;
import dev.haven.server.testing.ManualRoomExecutor;
import dev.haven.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duty of care in a room without sockets: crisis language, support notices, alerts and their
 * escalation on the manual clock, supervisors, requests for a facilitator, resources, the hold.
 */
class RoomCareTest {
    private static final String ROOM = "group";
    private static final String CRISIS = "I'm going to kill myself tonight";
    private static final String CONCERN = "I just want to die";
    private static final String METHOD = "I'm going to hang myself";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final ManualRoomExecutor executor = new ManualRoomExecutor(clock);
    private final FakeFrameEncoder encoder = new FakeFrameEncoder();
    private final List<ServerMessage> replies = new ArrayList<>();
    private final List<FakeSession> everyone = new ArrayList<>();
    private HavenConfig config;
    private CareServices care;
    private Room room;
    private FakeSession fac;
    private FakeSession fac2;
    private FakeSession alice;
    private FakeSession bob;
    private FakeSession supervisor;
    private int sends;

    @BeforeEach
    void setUp() {
        HavenConfig defaults = new ConfigLoader().load(null, Map.of());
        config = TestServer.config(100).withResources(defaults.resources());
        // The model's answers come from its own thread; SecondStageRoomTest drives them by hand.
        config = config.withCare(config.care().withModel(false));
        room = room(false);
        fac = session("fac", "Fran", Role.FACILITATOR);
        fac2 = session("fac2", "Fay", Role.FACILITATOR);
        alice = session("alice", "Alice", Role.MEMBER);
        bob = session("bob", "Bob", Role.MEMBER);
        supervisor = session("sup", "Sam", Role.SUPERVISOR);
        joined(fac);
        joined(fac2);
        joined(alice);
        joined(bob);
        clearAll();
    }

    private Room room(boolean hold) {
        care = CareServices.create(config, clock);
        RoomSettings settings = new RoomSettings(ROOM, "Group", RoomCategory.CONDITION, "topic", List.of(), 10, null,
                false, "US", null, hold);
        return new Room(settings, config, executor, clock, encoder, care);
    }

    private FakeSession session(String id, String name, Role role) {
        FakeSession session = new FakeSession(new Identity(id, name, role, null, false));
        everyone.add(session);
        return session;
    }

    private void clearAll() {
        everyone.forEach(s -> s.received.clear());
    }

    private ServerMessage call(Consumer<Consumer<ServerMessage>> action) {
        int before = replies.size();
        action.accept(replies::add);
        assertThat(replies).as("exactly one reply").hasSize(before + 1);
        return replies.get(before);
    }

    private void joined(Session session) {
        assertThat(call(reply -> room.join(session, new Join("j", ROOM, null, true), reply))).isInstanceOf(Ok.class);
    }

    /** Each send is a new message, with a clientId of its own (a repeated one would be a retry). */
    private SendResult send(Session session, String text) {
        String clientId = "c-" + ++sends;
        ServerMessage reply = call(r -> room.send(session, new Send("s", ROOM, text, clientId), r));
        assertThat(reply).as("reply to send").isInstanceOf(Ok.class);
        return (SendResult) ((Ok) reply).result();
    }

    private ServerMessage command(Session session, RoomRequest request) {
        return call(reply -> room.command(session, request, reply));
    }

    private static ErrorCode error(ServerMessage reply) {
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).code();
    }

    private static List<Alert> alerts(FakeSession session, AlertKind kind) {
        return session.received(Alert.class).stream().filter(a -> a.kind() == kind).toList();
    }

    private static List<Notice> support(FakeSession session) {
        return session.received(Notice.class).stream().filter(n -> n.kind() == NoticeKind.SUPPORT).toList();
    }

    private Alert openCrisis(String text) {
        send(alice, text);
        return alerts(fac, AlertKind.CRISIS).get(0);
    }

    // ------------------------------------------------------------------ a member's crisis message

    @Test
    void crisisMessage_reachesTheRoom_theAuthorAloneGetsSupport_facilitatorsGetAnAlert() {
        long seq = send(alice, CRISIS).seq();

        for (FakeSession s : List.of(fac, fac2, alice, bob)) {
            assertThat(s.received(MessageEvent.class)).as("the message reaches everyone").singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo(CRISIS));
        }
        assertThat(support(alice)).singleElement().satisfies(n -> {
            assertThat(n.text()).contains("facilitators has been told, privately").contains("emergency number")
                    .doesNotContain("kill").doesNotContain("tonight");
            assertThat(n.resources()).extracting(ResourceCard::id)
                    .containsExactly("us-988", "us-crisis-text-line", "int-findahelpline");
        });
        for (FakeSession f : List.of(fac, fac2)) {
            assertThat(alerts(f, AlertKind.CRISIS)).singleElement().satisfies(a -> {
                assertThat(a.member()).isEqualTo("alice");
                assertThat(a.name()).isEqualTo("Alice");
                assertThat(a.tier()).isEqualTo(CrisisTier.HIGH);
                assertThat(a.seq()).isEqualTo(seq);
                assertThat(a.urgent()).isFalse();
                assertThat(a.alertId()).isEqualTo(support(alice).get(0).alertId());
                assertThat(a.reason()).isNull();
                assertThat(a.note()).isNull();
            });
        }
        assertThat(bob.received).as("the others see only the message").hasSize(1);
        assertThat(alice.received(Alert.class)).isEmpty();
    }

    @Test
    void facilitatorsMessages_neverTrigger() {
        send(fac, CRISIS);
        assertThat(everyone.stream().flatMap(s -> s.received(Alert.class).stream())).isEmpty();
        assertThat(everyone.stream().flatMap(s -> support(s).stream())).isEmpty();
    }

    @Test
    void everydayMessage_triggersNothing() {
        send(alice, "This exam is killing me, but I'll survive");
        assertThat(everyone.stream().flatMap(s -> s.received(Alert.class).stream())).isEmpty();
        assertThat(support(alice)).isEmpty();
    }

    @Test
    void laterMatches_attachToTheOpenAlert_sendingNothingNew() {
        openCrisis(CONCERN);
        send(alice, CONCERN);
        send(alice, CRISIS);
        assertThat(alerts(fac, AlertKind.CRISIS)).hasSize(1);
        assertThat(support(alice)).hasSize(1);
    }

    @Test
    void aHigherTierLater_shortensTheEscalation() {
        Alert alert = openCrisis(CONCERN);
        assertThat(alert.tier()).isEqualTo(CrisisTier.CONCERN);
        send(alice, CRISIS);
        executor.advance(Duration.ofSeconds(60));
        assertThat(alerts(fac, AlertKind.CRISIS)).hasSize(2).last().satisfies(a -> {
            assertThat(a.urgent()).isTrue();
            assertThat(a.tier()).isEqualTo(CrisisTier.HIGH);
        });
    }

    // ------------------------------------------------------------------ escalation

    @Test
    void unacknowledgedHighAlert_isUrgentAfter60s_thenReachesSupervisorsAfter60sMore() {
        care.supervisors().register(supervisor);
        Alert alert = openCrisis(CRISIS);
        executor.advance(Duration.ofSeconds(59));
        assertThat(alerts(fac, AlertKind.CRISIS)).hasSize(1);

        executor.advance(Duration.ofSeconds(1));
        assertThat(alerts(fac, AlertKind.CRISIS)).hasSize(2).last().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(alert.alertId());
            assertThat(a.urgent()).isTrue();
            assertThat(a.escalated()).isNull();
        });
        assertThat(supervisor.received).isEmpty();

        executor.advance(Duration.ofSeconds(60));
        assertThat(supervisor.received(Alert.class)).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(alert.alertId());
            assertThat(a.room()).isEqualTo(ROOM);
            assertThat(a.urgent()).isTrue();
            assertThat(a.escalated()).isTrue();
        });
        assertThat(alerts(fac2, AlertKind.CRISIS)).hasSize(3).last()
                .satisfies(a -> assertThat(a.escalated()).isTrue());
        executor.advance(Duration.ofMinutes(10));
        assertThat(alerts(fac, AlertKind.CRISIS)).as("nothing more after escalation").hasSize(3);
    }

    @Test
    void concernAlert_waits180sBeforeItIsUrgent() {
        openCrisis(CONCERN);
        executor.advance(Duration.ofSeconds(179));
        assertThat(alerts(fac, AlertKind.CRISIS)).hasSize(1);
        executor.advance(Duration.ofSeconds(1));
        assertThat(alerts(fac, AlertKind.CRISIS)).hasSize(2);
    }

    @Test
    void supervisorConnectingLater_receivesTheEscalatedAlertsStillOpen() {
        Alert alert = openCrisis(CRISIS);
        executor.advance(Duration.ofSeconds(120));
        care.supervisors().register(supervisor);
        assertThat(supervisor.received(Alert.class)).singleElement()
                .satisfies(a -> assertThat(a.alertId()).isEqualTo(alert.alertId()));
    }

    // ------------------------------------------------------------------ acknowledging

    @Test
    void reachingOut_reachesEveryFacilitator_stopsEscalation_andKeepsTheAlertOpen() {
        Alert alert = openCrisis(CRISIS);
        assertThat(command(fac, new AckAlert("a", ROOM, alert.alertId(), AlertAction.REACHING_OUT)))
                .isEqualTo(Ok.empty("a"));
        for (FakeSession f : List.of(fac, fac2)) {
            assertThat(alerts(f, AlertKind.CRISIS_UPDATE)).singleElement().satisfies(u -> {
                assertThat(u.alertId()).isEqualTo(alert.alertId());
                assertThat(u.by()).isEqualTo("fac");
                assertThat(u.action()).isEqualTo(AlertAction.REACHING_OUT);
                assertThat(u.member()).isEqualTo("alice");
            });
        }
        assertThat(alice.received(Alert.class)).isEmpty();
        executor.advance(Duration.ofMinutes(10));
        assertThat(alerts(fac, AlertKind.CRISIS)).as("no urgent re-send").hasSize(1);
        send(alice, CONCERN);
        assertThat(alerts(fac, AlertKind.CRISIS)).as("still open: later matches attach").hasSize(1);
        assertThat(command(fac2, new AckAlert("b", ROOM, alert.alertId(), AlertAction.HANDLED))).isEqualTo(Ok.empty("b"));
    }

    @Test
    void handledOrFalseAlarm_closesTheAlert_andTheNextMatchOpensANewOne() {
        Alert first = openCrisis(CRISIS);
        command(fac, new AckAlert("a", ROOM, first.alertId(), AlertAction.FALSE_ALARM));
        assertThat(error(command(fac, new AckAlert("b", ROOM, first.alertId(), AlertAction.HANDLED))))
                .isEqualTo(ErrorCode.NOT_FOUND);
        send(alice, CRISIS);
        assertThat(alerts(fac, AlertKind.CRISIS)).hasSize(2).last()
                .satisfies(a -> assertThat(a.alertId()).isNotEqualTo(first.alertId()));
        assertThat(support(alice)).as("within the cooldown the member is not prompted again").hasSize(1);
        clock.advance(Duration.ofMinutes(31));
        command(fac, new AckAlert("c", ROOM, alerts(fac, AlertKind.CRISIS).get(1).alertId(), AlertAction.HANDLED));
        send(alice, CRISIS);
        assertThat(support(alice)).hasSize(2);
    }

    @Test
    void ackAlert_byAMember_isForbidden_andUnknownIdsAreNotFound() {
        Alert alert = openCrisis(CRISIS);
        assertThat(error(command(bob, new AckAlert("a", ROOM, alert.alertId(), AlertAction.HANDLED))))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error(command(fac, new AckAlert("b", ROOM, "alert-nope-1", AlertAction.HANDLED))))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void supervisorConnectingLater_learnsThatSomeoneIsReachingOut_afterTheAlert() {
        Alert alert = openCrisis(CRISIS);
        executor.advance(Duration.ofSeconds(120));
        command(fac, new AckAlert("a", ROOM, alert.alertId(), AlertAction.REACHING_OUT));
        care.supervisors().register(supervisor);
        assertThat(supervisor.received(Alert.class)).extracting(Alert::kind)
                .containsExactly(AlertKind.CRISIS, AlertKind.CRISIS_UPDATE);
        assertThat(supervisor.received(Alert.class).get(1).action()).isEqualTo(AlertAction.REACHING_OUT);
    }

    @Test
    void supervisor_acknowledgesWithoutJoining_andEscalatedUpdatesReachSupervisors() {
        care.supervisors().register(supervisor);
        Alert alert = openCrisis(CRISIS);
        executor.advance(Duration.ofSeconds(120));
        supervisor.received.clear();
        assertThat(command(supervisor, new AckAlert("a", ROOM, alert.alertId(), AlertAction.HANDLED)))
                .isEqualTo(Ok.empty("a"));
        assertThat(alerts(fac, AlertKind.CRISIS_UPDATE)).singleElement()
                .satisfies(u -> assertThat(u.by()).isEqualTo("sup"));
        assertThat(supervisor.received(Alert.class)).singleElement()
                .satisfies(u -> assertThat(u.action()).isEqualTo(AlertAction.HANDLED));
        FakeSession late = session("sup2", "Sue", Role.SUPERVISOR);
        care.supervisors().register(late);
        assertThat(late.received).as("a handled alert is no longer handed to new supervisors").isEmpty();
    }

    @Test
    void ackAlert_isInTheAuditLog_withoutText() {
        Alert alert = openCrisis(CRISIS);
        command(fac, new AckAlert("a", ROOM, alert.alertId(), AlertAction.REACHING_OUT));
        List<AuditEntry> entries = ((AuditResult) ((Ok) command(fac, new Audit("x", ROOM, null))).result()).entries();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ack_alert");
            assertThat(e.actor()).isEqualTo("fac");
            assertThat(e.target()).isEqualTo("alice");
            assertThat(e.reason()).isEqualTo("crisis reaching_out");
        });
    }

    // ------------------------------------------------------------------ nobody there

    @Test
    void noFacilitatorPresent_aSupervisorConnectedButNotOnDuty_theNoticePromisesNobody() {
        care.supervisors().register(supervisor);
        call(r -> room.leave(fac, "l", r));
        call(r -> room.leave(fac2, "l", r));
        send(alice, CRISIS);
        assertThat(support(alice)).singleElement().satisfies(n ->
                assertThat(n.text()).contains("nobody from the support team is online"));
        assertThat(supervisor.received(Alert.class)).as("still told").singleElement()
                .satisfies(a -> assertThat(a.escalated()).isTrue());
    }

    @Test
    void noFacilitatorPresent_theNoticeSaysSo_listsAlwaysOpenServices_andSupervisorsHearAtOnce() {
        care.supervisors().register(supervisor);
        care.supervisors().onDuty().set(supervisor, true);
        call(r -> room.leave(fac, "l", r));
        call(r -> room.leave(fac2, "l", r));
        send(alice, CRISIS);
        assertThat(support(alice)).singleElement().satisfies(n -> {
            assertThat(n.text()).contains("No facilitator is in this room at the moment")
                    .contains("Someone from the support team has been told");
            assertThat(n.resources()).allSatisfy(c -> assertThat(c.alwaysOpen()).isTrue());
        });
        assertThat(supervisor.received(Alert.class)).singleElement()
                .satisfies(a -> assertThat(a.escalated()).isTrue());
    }

    @Test
    void nobodyOnline_theNoticeSaysNobodyCanReachOutRightAway() {
        call(r -> room.leave(fac, "l", r));
        call(r -> room.leave(fac2, "l", r));
        send(alice, CRISIS);
        assertThat(support(alice)).singleElement().satisfies(n -> assertThat(n.text())
                .contains("nobody here can reach out to you right away"));
    }

    @Test
    void facilitatorJoiningLater_receivesTheOpenAlerts() {
        call(r -> room.leave(fac2, "l", r));
        Alert alert = openCrisis(CRISIS);
        fac2.received.clear();
        joined(fac2);
        assertThat(alerts(fac2, AlertKind.CRISIS)).singleElement()
                .satisfies(a -> assertThat(a.alertId()).isEqualTo(alert.alertId()));
    }

    // ------------------------------------------------------------------ request_facilitator

    @Test
    void requestFacilitator_alertsFacilitatorsWithTheNote_once() {
        assertThat(command(alice, new RequestFacilitator("r", ROOM, "could someone check in?"))).isEqualTo(Ok.empty("r"));
        assertThat(command(alice, new RequestFacilitator("r2", ROOM, null))).isEqualTo(Ok.empty("r2"));
        assertThat(alerts(fac, AlertKind.REQUEST_FACILITATOR)).singleElement().satisfies(a -> {
            assertThat(a.member()).isEqualTo("alice");
            assertThat(a.note()).isEqualTo("could someone check in?");
            assertThat(a.urgent()).isFalse();
        });
        assertThat(support(alice)).as("facilitators are here: the ok is enough").isEmpty();
        assertThat(bob.received).isEmpty();
        Alert alert = alerts(fac, AlertKind.REQUEST_FACILITATOR).get(0);
        command(fac, new AckAlert("a", ROOM, alert.alertId(), AlertAction.REACHING_OUT));
        assertThat(alerts(fac2, AlertKind.REQUEST_FACILITATOR_UPDATE)).singleElement()
                .satisfies(u -> assertThat(u.action()).isEqualTo(AlertAction.REACHING_OUT));
    }

    @Test
    void requestFacilitator_escalatesLikeACrisisAlert() {
        command(alice, new RequestFacilitator("r", ROOM, null));
        executor.advance(Duration.ofSeconds(180));
        assertThat(alerts(fac, AlertKind.REQUEST_FACILITATOR)).hasSize(2).last()
                .satisfies(a -> assertThat(a.urgent()).isTrue());
    }

    @Test
    void requestFacilitator_withNobodyThere_getsTheHonestNotice() {
        call(r -> room.leave(fac, "l", r));
        call(r -> room.leave(fac2, "l", r));
        command(alice, new RequestFacilitator("r", ROOM, null));
        assertThat(support(alice)).singleElement().satisfies(n -> {
            assertThat(n.text()).contains("No facilitator is in this room at the moment");
            assertThat(n.resources()).isNotEmpty().allSatisfy(c -> assertThat(c.alwaysOpen()).isTrue());
        });
    }

    @Test
    void requestFacilitator_byAFacilitator_isForbidden_andOutsiderIsNotInRoom() {
        assertThat(error(command(fac, new RequestFacilitator("r", ROOM, null)))).isEqualTo(ErrorCode.FORBIDDEN);
        FakeSession stranger = session("x", "Xan", Role.MEMBER);
        assertThat(error(command(stranger, new RequestFacilitator("r", ROOM, null)))).isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    // ------------------------------------------------------------------ resources

    @Test
    void resources_listTheRoomsRegionThenTheDirectories_forAnyoneInTheRoom() {
        ResourcesResult result = (ResourcesResult) ((Ok) command(bob, ListResources.of(ROOM))).result();
        assertThat(result.cards()).extracting(ResourceCard::id).startsWith("us-988", "us-crisis-text-line")
                .endsWith("int-findahelpline", "int-iasp").allMatch(id -> id.startsWith("us-") || id.startsWith("int-"));
        ResourcesResult canada = (ResourcesResult) ((Ok) command(bob, new ListResources("c", ROOM, "ca"))).result();
        assertThat(canada.cards()).extracting(ResourceCard::id).containsExactly("ca-988", "int-findahelpline", "int-iasp");
        assertThat(error(command(bob, new ListResources("c", ROOM, "Narnia")))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void shareResource_toEveryoneOrOneMember_isAFacilitatorsCommand() {
        assertThat(command(fac, new ShareResource("s", ROOM, "us-988", null))).isEqualTo(Ok.empty("s"));
        for (FakeSession s : List.of(fac, fac2, alice, bob)) {
            assertThat(s.received(ResourceEvent.class)).singleElement()
                    .satisfies(e -> assertThat(e.card().id()).isEqualTo("us-988"));
        }
        clearAll();
        assertThat(command(fac, new ShareResource("s", ROOM, "gb-samaritans", "bob"))).isEqualTo(Ok.empty("s"));
        assertThat(bob.received(ResourceEvent.class)).hasSize(1);
        assertThat(alice.received).isEmpty();
        assertThat(error(command(fac, new ShareResource("s", ROOM, "nope", null)))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error(command(fac, new ShareResource("s", ROOM, "us-988", "ghost")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error(command(alice, new ShareResource("s", ROOM, "us-988", "bob")))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(everyone.stream().flatMap(s -> s.received(Alert.class).stream())).as("resource text triggers nothing")
                .isEmpty();
    }

    // ------------------------------------------------------------------ holding method detail

    @Test
    void holdMethodDetail_showsTheMessageToFacilitatorsAndItsAuthorOnly_forNow() {
        room = room(true);
        for (FakeSession s : List.of(fac, alice, bob)) {
            joined(s);
        }
        clearAll();
        SendResult result = send(alice, METHOD);
        assertThat(result.held()).isTrue();
        assertThat(result.seq()).isNull();
        assertThat(bob.received).as("the group sees nothing").isEmpty();
        for (FakeSession s : List.of(fac, alice)) {
            assertThat(s.received(HeldMessage.class)).singleElement().satisfies(h -> {
                assertThat(h.text()).isEqualTo(METHOD);
                assertThat(h.from().id()).isEqualTo("alice");
                assertThat(h.clientId()).startsWith("c-");
            });
        }
        assertThat(support(alice)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("shared with the facilitators for now"));
        assertThat(alerts(fac, AlertKind.CRISIS)).singleElement().satisfies(a -> {
            assertThat(a.held()).isTrue();
            assertThat(a.seq()).isNull();
            assertThat(a.tier()).isEqualTo(CrisisTier.HIGH);
        });
        assertThat(send(bob, "hello").seq()).as("a held message takes no seq").isEqualTo(1);
    }

    @Test
    void holdMethodDetail_neverHoldsWhenNoFacilitatorCouldReadIt_orWithoutAMethod() {
        room = room(true);
        joined(alice);
        joined(bob);
        assertThat(send(alice, METHOD).seq()).isEqualTo(1);
        joined(fac);
        assertThat(send(alice, CRISIS).seq()).as("no method described").isEqualTo(2);
    }

    @Test
    void holdMethodDetail_isOffByDefault() {
        assertThat(send(alice, METHOD).held()).isNull();
        assertThat(bob.received(MessageEvent.class)).hasSize(1);
    }

    @Test
    void otherFeatures_alertSupervisors_andGetTheAlwaysOpenCards() {
        care.supervisors().register(supervisor);
        Alert unfacilitated = new Alert(ROOM, AlertKind.HAND_RAISED, null, null, null, null, null, 1L);
        assertThat(room.care.alertSupervisors(unfacilitated)).isEqualTo(1);
        assertThat(supervisor.received(Alert.class)).containsExactly(unfacilitated);
        assertThat(room.care.alwaysOpenCards()).extracting(ResourceCard::id)
                .containsExactly("us-988", "us-crisis-text-line", "int-findahelpline");
    }

    @Test
    void purge_endsEveryAlert() {
        care.supervisors().register(supervisor);
        openCrisis(CRISIS);
        executor.advance(Duration.ofSeconds(120));
        room.care.purge();
        FakeSession late = session("sup2", "Sue", Role.SUPERVISOR);
        care.supervisors().register(late);
        assertThat(late.received).isEmpty();
        clearAll();
        executor.advance(Duration.ofMinutes(5));
        assertThat(fac.received).isEmpty();
    }
}
