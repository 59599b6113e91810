package dev.haven.server.admin;

/**
 * One HTTP request to the admin API, as the transport read it.
 *
 * @param path          the decoded path, without the query
 * @param limit         the {@code limit} query parameter, or null
 * @param authorization the {@code Authorization} header, or null
 * @param remoteAddress the peer's address without the port, for rate limits and the audit log
 * @param body          the request body; empty when there is none
 */
public record ApiRequest(String method, String path, String limit, String authorization, String remoteAddress,
                         byte[] body) {
    /** Keeps the token and the body out of logs. */
    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + "]";
    }
}
