/**
 * Weekly sessions of a scheduled room, read on an injected clock: when the next session starts
 * and ends, when its lobby opens, and what a member who comes early is told. Pure time
 * arithmetic in the room's own time zone; knows nothing of rooms or connections.
 */
package dev.haven.server.schedule;
