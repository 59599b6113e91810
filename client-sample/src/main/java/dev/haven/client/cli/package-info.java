/**
 * The command-line chat: {@code java -jar haven-client.jar --name Sam [--room ID]}.
 *
 * <p>{@link dev.haven.client.cli.ChatMain} only wires the process (arguments, standard input
 * and output, exit status) to a {@link dev.haven.client.cli.ChatSession}, which holds the chat
 * logic and takes any reader and print stream, so it can be driven in tests.
 */
package dev.haven.client.cli;
