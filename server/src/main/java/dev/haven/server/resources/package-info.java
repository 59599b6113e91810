/**
 * The helpline cards of the configuration, chosen for a room by its region and audience: for
 * a member's support notice, for {@code resources}, and for facilitators to share.
 */
package dev.haven.server.resources;
