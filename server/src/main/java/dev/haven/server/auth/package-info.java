/**
 * Who a connection is: signed tokens (JWT, HS256), guest pseudonyms, and the secret that
 * signs tokens. Tokens and secrets never reach a log line or an error message.
 */
package dev.haven.server.auth;
