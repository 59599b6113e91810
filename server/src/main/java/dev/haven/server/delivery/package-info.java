/**
 * Where the server's services hand what they have to say to one connection: {@link
 * dev.haven.server.delivery.Session} (a connection as a room, the duty of care or a check-in
 * sees it) and events encoded once for many recipients. Rooms, care and the transport all
 * depend on this package; it depends on none of them.
 */
package dev.haven.server.delivery;
