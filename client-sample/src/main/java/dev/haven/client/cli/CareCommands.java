package dev.haven.client.cli;

import dev.haven.client.HavenRoom;
import dev.haven.protocol.model.AlertAction;
import java.util.Locale;

/**
 * The duty-of-care commands: {@code /help-request [note]} (a member asks a facilitator to check
 * in), {@code /resources [REGION]} (the room's helplines), and for facilitators and supervisors
 * {@code /alerts}, {@code /ack [ALERT] reaching|handled|false} and {@code /share CARD [NAME]};
 * {@code /duty} shows who is on duty, and a supervisor goes on or off duty with {@code /duty on|off}.
 */
final class CareCommands {
    private static final String ACK_USAGE = "/ack [ALERT] reaching|handled|false (ALERT from /alerts; without it,"
            + " the only open alert)";

    private final ChatState state;
    private final Transcript out;
    private final ReplyWaiter replies;

    CareCommands(ChatState state, Transcript out, ReplyWaiter replies) {
        this.state = state;
        this.out = out;
        this.replies = replies;
    }

    /** @return false when the command is none of these */
    boolean handle(SlashCommand command) throws CommandException, InterruptedException {
        String arg = command.argument();
        switch (command.name()) {
            case "/help-request" -> helpRequest(arg);
            case "/resources" -> replies.await(arg.isEmpty() ? room().resources() : room().resources(arg))
                    .ifPresent(result -> CareText.cards(result.cards(), true).forEach(out::info));
            case "/alerts" -> alerts();
            case "/ack" -> ack(arg);
            case "/share" -> share(arg);
            case "/duty" -> duty(arg);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void duty(String arg) throws CommandException, InterruptedException {
        String word = arg.toLowerCase(Locale.ROOT);
        var reply = switch (word) {
            case "" -> state.client.dutyRoster();
            case "on" -> state.client.duty(true);
            case "off" -> state.client.duty(false);
            default -> throw CommandException.usage("/duty [on|off]");
        };
        var result = replies.await(reply);
        if (result.isEmpty()) {
            return;
        }
        if (result.get().you() != null) {
            out.info(result.get().you() ? "You are on duty: escalated alerts count on you until you go off duty"
                    + " (/duty off) or disconnect." : "You are off duty.");
        }
        out.info(result.get().onDuty().isEmpty() ? "Nobody from the support team is on duty."
                : "On duty: " + String.join(", ", result.get().onDuty().stream()
                        .map(d -> Transcript.clean(d.name())).toList()) + ".");
    }

    private void helpRequest(String note) throws CommandException, InterruptedException {
        CurrentRoom current = state.requireRoom();
        boolean facilitatorHere = current.members().stream()
                .anyMatch(m -> m.role().isStaff() && !state.isMe(m.id()));
        if (replies.await(room().requestFacilitator(CommandArgs.optional(note))).isPresent() && facilitatorHere) {
            out.info("Thank you. A facilitator of " + Transcript.clean(current.name())
                    + " has been asked to check in with you; nobody else sees your request.");
        }
    }

    private void alerts() {
        if (state.openAlerts.isEmpty()) {
            out.info("No open alerts.");
            return;
        }
        out.info("Open alerts, oldest first:");
        for (ChatState.OpenAlert alert : state.openAlerts.values()) {
            out.info("  " + Transcript.clean(alert.id()) + "  " + Transcript.clean(alert.memberName() == null ? "?"
                    : alert.memberName()) + " in " + Transcript.clean(state.roomName(alert.room())));
        }
    }

    private void ack(String arg) throws CommandException, InterruptedException {
        String[] words = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        if (words.length < 1 || words.length > 2) {
            throw CommandException.usage(ACK_USAGE);
        }
        AlertAction action = switch (words[words.length - 1].toLowerCase(Locale.ROOT)) {
            case "reaching", "reaching_out", "reaching-out" -> AlertAction.REACHING_OUT;
            case "handled" -> AlertAction.HANDLED;
            case "false", "false_alarm", "false-alarm" -> AlertAction.FALSE_ALARM;
            default -> throw CommandException.usage(ACK_USAGE);
        };
        ChatState.OpenAlert alert;
        if (words.length == 2) {
            alert = state.openAlerts.get(words[0]);
            if (alert == null) {
                throw new CommandException("not_found", "no open alert " + words[0] + "; /alerts lists them");
            }
        } else if (state.openAlerts.size() == 1) {
            alert = state.openAlerts.values().iterator().next();
        } else {
            throw CommandException.usage(state.openAlerts.isEmpty() ? "there is no open alert"
                    : "several alerts are open; name one: " + ACK_USAGE);
        }
        // Everyone, this user included, receives the update, which the events show.
        replies.await(state.client.room(alert.room()).ackAlert(alert.id(), action));
    }

    private void share(String arg) throws CommandException, InterruptedException {
        String[] words = CommandArgs.firstWord(arg);
        if (words[0].isEmpty()) {
            throw CommandException.usage("/share CARD [NAME]: CARD from /resources; without NAME, everyone here");
        }
        String user = null;
        if (!words[1].isEmpty()) {
            MemberResolver.Match match = MemberResolver.resolve(words[1], ChatState.present(state.requireRoom()),
                    "in this room");
            user = match.person().id();
        }
        String to = user == null ? "everyone here" : Transcript.clean(words[1]);
        if (replies.await(room().shareResource(words[0], user)).isPresent()) {
            out.info("You shared " + Transcript.clean(words[0]) + " with " + to + ".");
        }
    }

    private HavenRoom room() throws CommandException {
        return state.client.room(state.requireRoom().id());
    }
}
