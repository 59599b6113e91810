package dev.haven.client.cli;

import dev.haven.protocol.model.AlertAction;
import dev.haven.protocol.model.AlertKind;
import dev.haven.protocol.model.CrisisTier;
import dev.haven.protocol.model.ResourceCard;
import dev.haven.protocol.model.ResourceChannel;
import dev.haven.protocol.server.Alert;
import dev.haven.protocol.server.HeldMessage;
import dev.haven.protocol.server.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words for duty of care: the calm private support notice with its helplines, a shared
 * helpline, a message held for facilitators, and for facilitators and supervisors the crisis
 * alerts and requests, marked so they stand out, with what to type to respond. Text from people
 * and the server is cleaned for the terminal here.
 */
final class CareText {
    static final String ALERT = "[CRISIS ALERT] ";
    static final String REQUEST = "[facilitator requested] ";

    private CareText() {
    }

    static boolean isCare(Alert alert) {
        return switch (alert.kind()) {
            case CRISIS, CRISIS_UPDATE, REQUEST_FACILITATOR, REQUEST_FACILITATOR_UPDATE -> true;
            default -> false;
        };
    }

    /** The support notice: its words, then one line per helpline. */
    static List<String> support(Notice notice) {
        List<String> lines = new ArrayList<>();
        lines.add(EventText.PRIVATE + Transcript.cleanLines(notice.text() == null ? "" : notice.text()));
        if (notice.resources() != null && !notice.resources().isEmpty()) {
            lines.add("  Free, confidential support:");
            notice.resources().forEach(card -> lines.add("  - " + card(card)));
        }
        return lines;
    }

    /** A card on one line: {@code Name: call 988, text 988, chat https://… (24/7)}. */
    static String card(ResourceCard card) {
        String channels = card.channels().stream().map(CareText::channel).collect(Collectors.joining(", "));
        return Transcript.clean(card.name()) + ": " + channels
                + (card.hours() == null ? "" : " (" + Transcript.clean(card.hours()) + ")");
    }

    private static String channel(ResourceChannel channel) {
        String value = Transcript.clean(channel.value());
        if (channel.label() != null) {
            return Transcript.clean(channel.label()) + (channel.label().contains(channel.value()) ? "" : " " + value);
        }
        return switch (channel.type()) {
            case CALL -> "call " + value;
            case TEXT -> "text " + value;
            case CHAT -> "chat " + value;
            case WEB, UNKNOWN -> value;
        };
    }

    /** {@code /resources}: one card per line, with its id to share it by. */
    static List<String> cards(List<ResourceCard> cards, boolean withIds) {
        if (cards.isEmpty()) {
            return List.of("No helplines are configured for this room.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("Helplines (free and confidential):");
        for (ResourceCard card : cards) {
            lines.add("  - " + card(card) + (withIds ? "  [" + Transcript.clean(card.id()) + "]" : ""));
        }
        return lines;
    }

    /**
     * A crisis alert, a request for a facilitator, or an update of one.
     *
     * @param roomName the name of the alert's room
     * @param byName   the name of whoever acted, for an update; null when unknown
     */
    static String alert(Alert alert, String roomName, String byName) {
        String who = Transcript.clean(alert.name() != null ? alert.name() : alert.member() == null ? "someone" : alert.member());
        String where = " in " + Transcript.clean(roomName);
        String flags = (Boolean.TRUE.equals(alert.urgent()) ? "URGENT, not yet acknowledged. " : "")
                + (Boolean.TRUE.equals(alert.escalated()) ? "Escalated to supervisors. " : "");
        String respond = " Respond: /ack " + Transcript.clean(alert.alertId()) + " reaching|handled|false";
        return switch (alert.kind()) {
            case CRISIS -> ALERT + flags + who + where + " may be in crisis (" + (alert.tier() == null ? "concern"
                    : alert.tier() == CrisisTier.UNKNOWN ? "level not known to this client" : alert.tier().wireName()) + ")" + (alert.seq() == null ? "" : ", message " + alert.seq())
                    + (Boolean.TRUE.equals(alert.held()) ? ", held for facilitators" : "") + "." + respond;
            case REQUEST_FACILITATOR -> REQUEST + flags + who + where + " asks for a facilitator"
                    + (alert.note() == null ? "." : ": \"" + Transcript.clean(alert.note()) + "\".") + respond;
            case CRISIS_UPDATE, REQUEST_FACILITATOR_UPDATE -> "* " + Transcript.clean(byName == null ? alert.by() : byName)
                    + " marked the " + (alert.kind() == AlertKind.CRISIS_UPDATE ? "alert" : "request") + " about " + who
                    + where + ": " + action(alert.action()) + ".";
            default -> throw new IllegalArgumentException("not a duty-of-care alert");
        };
    }

    static String action(AlertAction action) {
        if (action == null) {
            return "updated";
        }
        return switch (action) {
            case REACHING_OUT -> "reaching out";
            case HANDLED -> "handled";
            case FALSE_ALARM -> "false alarm";
            case UNKNOWN -> "updated";
        };
    }

    /** A held message: the author sees its own, marked; facilitators see it marked as held. */
    static String held(HeldMessage held, boolean mine) {
        String text = Transcript.cleanLines(held.text());
        return mine ? "(shared with the facilitators for now) You: " + text
                : "[held for facilitators] " + Transcript.clean(held.from().name()) + ": " + text;
    }
}
