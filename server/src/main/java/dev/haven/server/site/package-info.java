/**
 * What this server tells a visitor before sign-in: who runs it, what it keeps and for how long,
 * the helplines of its region, and how the web page hides (its neutral title and quick exit).
 */
package dev.haven.server.site;
