/** Objects embedded in several frames: users, rooms, members, and their enumerations. */
package dev.haven.protocol.model;
