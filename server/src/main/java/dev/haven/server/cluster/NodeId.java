package dev.haven.server.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One Haven process of a cluster. Made anew at every start, so a restarted process is a new
 * node: nothing addressed to the process that died reaches the new one by mistake.
 */
public record NodeId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public NodeId {
        if (value == null || !value.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a node id is 1-64 of a-z, 0-9 and '-'");
        }
    }

    public static NodeId random() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return new NodeId("n-" + HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
