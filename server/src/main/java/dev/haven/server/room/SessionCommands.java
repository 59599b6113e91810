package dev.haven.server.room;

import static dev.haven.server.room.Room.error;

import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.client.CloseSession;
import dev.haven.protocol.client.Mood;
import dev.haven.protocol.client.MoodPoll;
import dev.haven.protocol.client.OpenSession;
import dev.haven.protocol.client.Pass;
import dev.haven.protocol.client.RoundEnd;
import dev.haven.protocol.client.RoundStart;
import dev.haven.protocol.client.SessionRequest;
import dev.haven.protocol.client.TurnDone;
import dev.haven.protocol.client.TurnExtend;
import dev.haven.protocol.client.TurnNext;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.NoticeKind;
import dev.haven.protocol.model.RoundOrder;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.Notice;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.RoundStarted;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.moderation.Permissions;
import dev.haven.server.sessions.MoodCheckIn;
import dev.haven.server.sessions.Round;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's requests: opening and closing it and running rounds (facilitators), taking
 * one's turn and answering a mood check-in (everyone). Checks who may, then hands the work to
 * the room's {@link GroupSession}. Runs on the room's executor.
 */
final class SessionCommands {
    private static final Logger log = LoggerFactory.getLogger(SessionCommands.class);

    private final Room room;
    private final GroupSession session;

    SessionCommands(Room room, GroupSession session) {
        this.room = room;
        this.session = session;
    }

    ServerMessage handle(Member actor, SessionRequest request) {
        if (request instanceof TurnDone done) {
            return endTurn(actor, done.id(), false);
        } else if (request instanceof Pass pass) {
            return endTurn(actor, pass.id(), true);
        } else if (request instanceof Mood mood) {
            return mood(actor, mood);
        }
        if (!Permissions.mayModerate(actor.role())) {
            return error(request.id(), ErrorCode.FORBIDDEN, "only a facilitator of this room may do that");
        }
        if (request instanceof OpenSession open) {
            return open(actor, open);
        } else if (request instanceof CloseSession close) {
            return close(actor, close);
        }
        if (!session.lifecycle.isOpenToMembers()) {
            return error(request.id(), ErrorCode.SESSION_NOT_OPEN, "open the session first (open_session)");
        }
        if (request instanceof RoundStart start) {
            return startRound(actor, start);
        } else if (request instanceof TurnExtend extend) {
            return extend(actor, extend);
        } else if (request instanceof RoundEnd end) {
            return endRound(actor, end);
        } else if (request instanceof TurnNext next) {
            return nextTurn(actor, next);
        } else if (request instanceof MoodPoll poll) {
            return openPoll(actor, poll);
        }
        throw new IllegalStateException("no handler for " + request.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------- the session

    private ServerMessage open(Member actor, OpenSession request) {
        if (session.lifecycle.open()) {
            room.announceSettings();
            record(actor, "open_session");
        }
        return Ok.empty(request.id());
    }

    private ServerMessage close(Member actor, CloseSession request) {
        long seconds = request.graceSeconds() == null ? CloseSession.DEFAULT_GRACE_SECONDS : request.graceSeconds();
        session.lifecycle.close(Duration.ofSeconds(seconds));
        Long closesAt = session.lifecycle.closesAt();
        String text = request.text() != null ? request.text()
                : "This session will close in " + inWords(seconds) + ". Thank you for what you shared. "
                        + "What was said here stays here: when the session closes, its messages are deleted.";
        Notice notice = Notice.sessionClosing(room.id(), closesAt, text);
        for (Member member : room.presence.all()) {
            Presence.tell(member, notice);
        }
        room.announceSettings();
        record(actor, "close_session");
        return Ok.empty(request.id());
    }

    // ---------------------------------------------------------------- rounds

    private ServerMessage startRound(Member actor, RoundStart request) {
        if (room.presence.memberCount() == 0) {
            return error(request.id(), ErrorCode.BAD_REQUEST, "there is no member in the room to take a turn yet");
        }
        long seconds = request.turnSeconds() == null ? RoundStart.DEFAULT_TURN_SECONDS : request.turnSeconds();
        Round.Setup setup = new Round.Setup(session.nextRoundId(), request.kind(), request.prompt(),
                Duration.ofSeconds(seconds), request.order() == null ? RoundOrder.JOIN : request.order(),
                !Boolean.FALSE.equals(request.allowPass()), Boolean.TRUE.equals(request.talkingStick()));
        Round round = session.startRound(setup);
        record(actor, "round_start");
        return new Ok(request.id(), new RoundStarted(round.roundId()));
    }

    private ServerMessage endTurn(Member actor, String requestId, boolean pass) {
        Round round = session.round();
        if (round == null) {
            return error(requestId, ErrorCode.NOT_YOUR_TURN, "no round is running");
        }
        return switch (round.endTurn(actor.id(), pass)) {
            case DONE -> Ok.empty(requestId);
            case NOT_YOUR_TURN -> error(requestId, ErrorCode.NOT_YOUR_TURN, "it is not your turn");
            case PAUSED -> error(requestId, ErrorCode.NOT_YOUR_TURN,
                    "the round is paused until a facilitator is back");
            case PASS_NOT_ALLOWED -> error(requestId, ErrorCode.FORBIDDEN,
                    "this round asks everyone to take their turn: say as much or as little as you like, then turn_done");
        };
    }

    private ServerMessage extend(Member actor, TurnExtend request) {
        Round round = session.round();
        if (round == null || !round.extend(Duration.ofSeconds(request.seconds()))) {
            return error(request.id(), ErrorCode.NOT_FOUND, "no turn is running");
        }
        record(actor, "turn_extend");
        return Ok.empty(request.id());
    }

    private ServerMessage nextTurn(Member actor, TurnNext request) {
        Round round = session.round();
        if (round == null || !round.skip()) {
            return error(request.id(), ErrorCode.NOT_FOUND, "no turn is running");
        }
        record(actor, "turn_next");
        return Ok.empty(request.id());
    }

    private ServerMessage endRound(Member actor, RoundEnd request) {
        if (session.round() == null) {
            return error(request.id(), ErrorCode.NOT_FOUND, "no round is running");
        }
        session.endRound();
        record(actor, "round_end");
        return Ok.empty(request.id());
    }

    // ---------------------------------------------------------------- mood check-ins

    private ServerMessage openPoll(Member actor, MoodPoll request) {
        long seconds = request.closesInSeconds() == null ? MoodPoll.DEFAULT_SECONDS : request.closesInSeconds();
        session.openPoll(request.phase(), Duration.ofSeconds(seconds));
        record(actor, "mood_poll");
        return Ok.empty(request.id());
    }

    /** A score is only ever a number in a summary, or shared by the member's choice: never an alarm. */
    private ServerMessage mood(Member actor, Mood request) {
        MoodCheckIn poll = session.poll();
        if (poll == null || !poll.pollId().equals(request.pollId())) {
            return error(request.id(), ErrorCode.NOT_FOUND, "that check-in is closed");
        }
        poll.answer(actor.id(), request.value());
        if (Boolean.TRUE.equals(request.shareWithFacilitator())) {
            room.presence.toFacilitatorsExcept(actor.id(), Alert.moodShared(room.id(), actor.id(), actor.name(),
                    room.clock.millis(), poll.pollId(), request.value()));
        }
        return Ok.empty(request.id());
    }

    /** A grace period in words: whole minutes as minutes, anything under two minutes as seconds. */
    static String inWords(long seconds) {
        if (seconds % 60 == 0) {
            return seconds == 60 ? "1 minute" : seconds / 60 + " minutes";
        }
        if (seconds < 120) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return "about " + Math.round(seconds / 60.0) + " minutes";
    }

    private void record(Member actor, String action) {
        room.audit.record(room.clock.millis(), actor.id(), action, null, null);
        log.info("session room={} actor={} action={}", room.id(), actor.id(), action);
    }
}
