package dev.haven.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderSpreadTest {
    private static final BenchConnection.Outcome IGNORED = new BenchConnection.Outcome() {
        @Override
        public void joined(BenchConnection connection) {
        }

        @Override
        public void failed(BenchConnection connection, String reason) {
        }
    };

    /** Rooms of {@code size} members, member i (over the run) on node i mod nodes, as BenchClient opens them. */
    private static List<BenchConnection> members(int rooms, int size, int nodes) {
        RunStats stats = new RunStats();
        List<BenchConnection> connections = new ArrayList<>();
        for (int i = 0; i < rooms * size; i++) {
            connections.add(new BenchConnection("m" + i, "room-" + i / size, false, i % nodes, stats, IGNORED));
        }
        return connections;
    }

    @Test
    void pickSenders_oneSenderPerRoomOfEvenSize_spreadsOverBothNodes() {
        // s2's shape: 10 members a room, so each room's first member is on node 0.
        List<BenchConnection> senders = LoadRun.pickSenders(members(100, 10, 2), 1, 2);

        assertThat(senders).hasSize(100);
        assertThat(senders.stream().filter(c -> c.node() == 1).count()).isEqualTo(50);
        assertThat(senders.stream().map(BenchConnection::room).distinct().count()).isEqualTo(100);
    }

    @Test
    void pickSenders_fiveSendersInOneRoom_alternateNodes() {
        List<BenchConnection> senders = LoadRun.pickSenders(members(1, 200, 2), 5, 2);

        assertThat(senders.stream().map(BenchConnection::node).toList()).containsExactly(0, 1, 0, 1, 0);
        assertThat(senders).doesNotHaveDuplicates();
    }

    @Test
    void pickSenders_oneNode_takesTheFirstOfEachRoomInJoinOrder() {
        List<BenchConnection> connections = members(3, 4, 1);

        assertThat(LoadRun.pickSenders(connections, 2, 1))
                .containsExactly(connections.get(0), connections.get(1), connections.get(4), connections.get(5),
                        connections.get(8), connections.get(9));
    }

    @Test
    void pickSenders_roomWithMembersOnOneNodeOnly_stillGetsItsSenders() {
        List<BenchConnection> connections = members(1, 3, 1);

        assertThat(LoadRun.pickSenders(connections, 3, 2)).containsExactlyElementsOf(connections);
    }
}
