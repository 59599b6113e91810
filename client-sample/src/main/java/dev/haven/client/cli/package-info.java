/**
 * The command-line chat: {@code java -jar haven-client.jar --name Sam [--room ID]}.
 *
 * <p>{@link dev.haven.client.cli.ChatMain} only wires the process (arguments, standard input
 * and output, exit status) to a {@link dev.haven.client.cli.ChatSession}, which holds the chat
 * logic and takes any reader and print stream, so it can be driven in tests. The session keeps
 * what it knows in a {@code ChatState}; {@code RoomCommands} and {@code MemberCommands} handle
 * the members' tools and facilitators' commands, finding members by name with
 * {@code MemberResolver}; {@code ChatEvents} shows events, with the words of notices, alerts
 * and room changes in {@code EventText} and the facilitators' tables in {@code ModerationTables};
 * {@code ConnectionEvents} shows the connection lost and made again, and the room caught up.
 */
package dev.haven.client.cli;
