package dev.haven.server.admin;

import java.nio.charset.StandardCharsets;

/**
 * An answer of the admin API: a status and a JSON body.
 *
 * @param retryAfterSeconds for 429: the {@code Retry-After} header; else 0
 * @param location          for 201: the {@code Location} header; else null
 */
public record ApiResponse(int status, String json, long retryAfterSeconds, String location) {
    public static ApiResponse of(int status, String json) {
        return new ApiResponse(status, json, 0, null);
    }

    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
