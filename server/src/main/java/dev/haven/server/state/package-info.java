/**
 * What the server keeps across restarts, behind small interfaces named by role, each with a
 * file-backed implementation in the state directory and an in-memory twin for tests and tools.
 * Today: {@link dev.haven.server.state.RoomCatalog}, the rooms created, changed or archived at
 * run time. Message text is never written here.
 */
package dev.haven.server.state;
