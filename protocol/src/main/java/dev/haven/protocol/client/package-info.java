/** Requests a client sends. Each may carry an {@code id}, echoed in its reply. */
package dev.haven.protocol.client;
