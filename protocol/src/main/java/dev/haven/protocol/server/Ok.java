package dev.haven.protocol.server;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.haven.protocol.Fields;

/**
 * A successful reply: {@code {"type":"ok","id":...}} followed by the result's own fields.
 * The result's type follows from the request, so clients decode it by the request's id.
 */
@JsonSerialize(using = OkSerializer.class)
public record Ok(String id, Result result) implements ServerMessage {
    public Ok {
        Fields.require(result, "result");
    }

    public static Ok empty(String id) {
        return new Ok(id, EmptyResult.INSTANCE);
    }
}
