package dev.haven.client.cli;

import java.util.Locale;

/**
 * A typed line that is a command, such as {@code /join anxiety-circle}.
 *
 * @param name      the command in lower case, with its slash
 * @param argument  the rest of the line, trimmed; empty when none
 */
record SlashCommand(String name, String argument) {
    static final String HELP = """
            Type a line to send it to the room you are in (start it with // to send a line that
            begins with /). Commands:
              /rooms                  list the rooms
              /join ROOM              enter a room (you leave the one you are in)
              /leave                  leave the room
              /who                    who is in the room, raised hands, who waits to join
              /hand                   raise your hand to ask for the floor; /hand down lowers it
              /report SEQ [reason]    tell the facilitators about message SEQ (the number in
                                      [brackets]); nobody else sees your report
              /help-request [note]    ask a facilitator to check in with you, privately
              /reply N TEXT           write in private check-in #N (only you and the group's
                                      staff read it); /reply N writes every line there until
                                      /room; /checkins lists them
              /resources [REGION]     free helplines for this room (or a country: CA, GB, ...)
              /cw LABEL text          send under a content warning: suicide, self-harm,
                                      substance-use, trauma, abuse, or your own words in
                                      "quotes"; others see the label until they /show it
              /show SEQ               read message SEQ shown under a content warning
              /delete SEQ             delete your own message SEQ for everyone
              /done, /pass            end your turn in a round, or pass (others cannot tell
                                      which)
              /mood 1-5 [share]       answer a mood check-in, 1 very low to 5 very good;
                                      /mood skip takes part without a score; "share" lets the
                                      facilitators see your answer
              /accept                 accept the group's guidelines after they changed
              /help                   show this list
              /quit                   leave and disconnect (Ctrl-D does the same)

            Facilitators' commands. NAME is a name from /who (in "quotes" if you like; case does
            not matter) or a user id. DURATION is seconds, or 90s, 5m, 2h, 1d; without one, a
            mute or ban lasts until lifted. The member concerned is told privately; the rest of
            the room sees at most that someone left.
              /mute NAME [DURATION] [reason]   stop a member writing; /unmute NAME
              /remove NAME [reason]            take a member out of the room; they may rejoin
              /ban NAME [DURATION] [reason]    remove and keep out; /unban NAME-or-ID
              /warn NAME text                  a private word to one member
              /voice NAME [off]                give (or take) the floor in a moderated room
              /lower NAME                      lower a member's raised hand
              /admit NAME, /deny NAME          answer a member waiting to join
              /delete SEQ                      remove any message SEQ for everyone
              /slow SECONDS                    one message per member per SECONDS; 0 turns it off
              /lock, /unlock                   stop or allow new members joining
              /moderated on|off                only members given the floor may write
              /approval on|off                 new members wait until a facilitator admits them
              /stats                           who takes part how much; dominant members marked
              /audit [N]                       the last N moderation actions, newest first
              /alerts                          crisis alerts and requests still open
              /ack [ALERT] reaching|handled|false   answer an alert: reaching out stops its
                                               escalation; handled or false closes it
              /checkin NAME                    open a private check-in with a member (it answers
                                               an open alert about them as reaching out)
              /endcheckin N [resolved|referred|emergency|no_reply]
                                               close check-in #N; the outcome goes to the audit
                                               log, never what was said
              /share CARD [NAME]               share a helpline from /resources with everyone
                                               here, or with one member
              /duty [on|off]                   who is on duty; a supervisor goes on or off duty
              /open                            open the session: members may write
              /close [DURATION] [words]        close the session after DURATION (default 1m):
                                               then everyone leaves and its messages are deleted
              /round checkin|checkout|go [DURATION] [random] [stick] [nopass] PROMPT
                                               start a round: each member takes a turn of
                                               DURATION (default 2m); "stick": only the speaker
                                               writes; "nopass": no passing
              /round extend DURATION, /round end   more time for the speaker; end the round
              /mood checkin|checkout [DURATION]    open a mood check-in (default 1m)""";

    /** The command on a line, or null for a line to send: text, or {@code //...} which sends {@code /...}. */
    static SlashCommand parse(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("/") || trimmed.startsWith("//")) {
            return null;
        }
        String[] words = trimmed.split("\\s+", 2);
        return new SlashCommand(words[0].toLowerCase(Locale.ROOT), words.length > 1 ? words[1].strip() : "");
    }

    /** The text a non-command line sends: as typed, with the escaping slash of {@code //} removed. */
    static String textToSend(String line) {
        return line.strip().startsWith("//") ? line.substring(line.indexOf('/') + 1) : line;
    }
}
