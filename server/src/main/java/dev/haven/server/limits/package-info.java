/** Per-connection budgets that keep one client from crowding out the others. */
package dev.haven.server.limits;
