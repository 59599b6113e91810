/**
 * Escalation paging: an alert escalated to the supervisors is posted to the operators' webhooks,
 * signed with HMAC-SHA256 and retried with backoff, so that a pager, a chat or an on-call tool
 * reaches a person when nobody is connected. What is sent names no person and holds no text.
 */
package dev.haven.server.paging;
