/**
 * Budgets that keep one client from crowding out the others: per-connection rates and bad
 * frames, and how many connections an address, and the server, may hold open.
 */
package dev.haven.server.limits;
