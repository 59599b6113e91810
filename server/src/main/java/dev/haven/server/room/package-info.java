/**
 * Rooms, their members, presence and held history. Nothing here knows Netty: a room talks to
 * its members through the small {@link dev.haven.server.delivery.Session} interface and shares
 * each event as one pre-encoded {@link dev.haven.server.delivery.OutboundFrame}, so the same
 * logic could fan out through a broker across several nodes.
 */
package dev.haven.server.room;
