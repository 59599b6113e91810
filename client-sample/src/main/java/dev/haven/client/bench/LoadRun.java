package dev.haven.client.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The machinery every load command shares: a client, its counters, the joined connections,
 * and phases of sending at a fixed rate, each measured on its own. Driven from one thread (the
 * command's); every wait in it is bounded in time.
 */
final class LoadRun implements AutoCloseable {
    /** How often the driving thread looks at the counters while it waits for deliveries. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** A phase's deliveries are given up on when none has come for this long. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * The outcome of one phase. Latency in ms; CPU in seconds and in % of one core; -1 where
     * unknown. {@code serverCpu} is summed over the server processes, {@code serverCpuPerProcess}
     * gives each in the order of {@code --server-pid}.
     */
    record Phase(int phase, double ratePerSender, int senders, double sendSeconds, double seconds, long sent,
                 long expected, long received, Latency latency, double deliveriesPerSecond, ProcessProbe.Cpu serverCpu,
                 List<ProcessProbe.Cpu> serverCpuPerProcess, ProcessProbe.Cpu toolCpu, long acks, long errors) {
        double serverCpuSeconds() {
            return serverCpu.seconds();
        }

        double serverCpuPercent() {
            return serverCpu.user() < 0 ? -1 : 100 * serverCpu.seconds() / seconds;
        }

        double toolCpuPercent() {
            return toolCpu.user() < 0 ? -1 : 100 * toolCpu.seconds() / seconds;
        }

        long loss() {
            return Math.max(0, expected - received);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("ratePerSender", ratePerSender);
            map.put("sendersTotal", senders);
            map.put("offeredDeliveriesPerSecond", round(ratePerSender * senders * (sent == 0 ? 0
                    : (double) expected / sent)));
            map.put("sendSeconds", round(sendSeconds));
            map.put("seconds", round(seconds));
            map.put("messagesSent", sent);
            map.put("sendsAcked", acks);
            map.put("errors", errors);
            map.put("deliveriesExpected", expected);
            map.put("deliveriesReceived", received);
            map.put("loss", loss());
            map.put("latencyMs", latency.toMap());
            map.put("deliveriesPerSecond", round(deliveriesPerSecond));
            map.put("serverCpuSeconds", round(serverCpuSeconds()));
            map.put("serverUserCpuSeconds", round(serverCpu.user()));
            map.put("serverSystemCpuSeconds", round(serverCpu.system()));
            map.put("serverCpuPercentOfOneCore", round(serverCpuPercent()));
            if (serverCpuPerProcess.size() > 1) {
                map.put("serverCpuSecondsPerProcess", serverCpuPerProcess.stream().map(cpu -> round(cpu.seconds()))
                        .toList());
            }
            map.put("toolCpuSeconds", round(toolCpu.seconds()));
            map.put("toolCpuPercentOfOneCore", round(toolCpuPercent()));
            return map;
        }
    }

    private final LoadSettings settings;
    private final RunStats stats = new RunStats();
    private final BenchClient client;
    private final List<ProcessProbe> servers;
    private final ProcessProbe tool = ProcessProbe.self();
    private final Map<String, Integer> receiversByRoom = new HashMap<>();
    private List<BenchConnection> connections = List.of();

    LoadRun(LoadSettings settings) {
        this.settings = settings;
        this.client = new BenchClient(settings.urls(), settings.threads());
        this.servers = settings.serverPids().stream().map(ProcessProbe::new).toList();
    }

    RunStats stats() {
        return stats;
    }

    /** The (first) server's process, or null when no PID was given. */
    ProcessProbe server() {
        return servers.isEmpty() ? null : servers.get(0);
    }

    /** Every server process given, in the order of {@code --server-pid}. */
    List<ProcessProbe> servers() {
        return servers;
    }

    ProcessProbe tool() {
        return tool;
    }

    List<BenchConnection> connections() {
        return connections;
    }

    /** Opens and joins every member; afterwards {@link #connections()} holds those that joined. */
    BenchClient.Joined connect(List<BenchClient.Member> members) throws InterruptedException {
        BenchClient.Joined joined = client.connectAll(members, stats, settings.connectConcurrency(),
                settings.joinTimeout());
        connections = joined.connections();
        receiversByRoom.clear();
        for (BenchConnection connection : connections) {
            if (connection.receives()) {
                receiversByRoom.merge(connection.room(), 1, Integer::sum);
            }
        }
        return joined;
    }

    /**
     * Every sender sends {@code ratePerSender × seconds} messages stamped with {@code phase};
     * then the run waits, at most {@code drainSeconds}, for every delivery they call for.
     */
    Phase phase(int phase, List<BenchConnection> senders, double ratePerSender, double seconds, String text,
                double drainSeconds) throws InterruptedException {
        long count = Math.max(1, Math.round(ratePerSender * seconds));
        long acks0 = stats.acks();
        long errors0 = stats.errorCount();
        List<ProcessProbe.Cpu> serverCpu0 = servers.stream().map(ProcessProbe::cpu).toList();
        ProcessProbe.Cpu toolCpu0 = tool.cpu();
        long start = stats.now();
        CountDownLatch done = new CountDownLatch(senders.size());
        List<Sender> running = new ArrayList<>(senders.size());
        for (BenchConnection connection : senders) {
            running.add(Sender.start(connection, text, phase, ratePerSender, count, stats, done));
        }
        // A sender that cannot keep its schedule still ends: the wait is bounded by twice the
        // phase plus half a minute.
        boolean allSent = done.await((long) (seconds * 2e9) + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
        long sendEnd = stats.now();
        long sent = 0;
        long expected = 0;
        for (Sender sender : running) {
            long n = sender.sent();
            sent += n;
            expected += n * receiversByRoom.getOrDefault(sender.connection().room(), 0);
        }
        if (!allSent) {
            stats.error("sender_behind_schedule");
        }
        long received = awaitDeliveries(phase, expected, sendEnd + (long) (drainSeconds * 1e9));
        long end = stats.now();
        double wall = (end - start) / 1e9;
        long last = stats.lastDeliveryNanos();
        double deliverySpan = (Math.max(last, sendEnd) - start) / 1e9;
        List<ProcessProbe.Cpu> perServer = new ArrayList<>(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            perServer.add(servers.get(i).cpu().since(serverCpu0.get(i)));
        }
        ProcessProbe.Cpu serverCpu = perServer.stream().reduce(ProcessProbe.Cpu::plus)
                .orElse(ProcessProbe.Cpu.UNKNOWN);
        ProcessProbe.Cpu toolCpu = tool.cpu().since(toolCpu0);
        return new Phase(phase, ratePerSender, senders.size(), (sendEnd - start) / 1e9, wall, sent, expected,
                received, Latency.of(stats.takeLatency(phase)), received / Math.max(1e-9, deliverySpan),
                serverCpu, List.copyOf(perServer), toolCpu, stats.acks() - acks0, stats.errorCount() - errors0);
    }

    /** Waits until the phase's deliveries are all in, none has come for a while, or the deadline. */
    private long awaitDeliveries(int phase, long expected, long deadline) {
        long received = stats.delivered(phase);
        long lastProgress = stats.now();
        while (received < expected) {
            long now = stats.now();
            if (now >= deadline || now - lastProgress >= IDLE_NANOS) {
                break;
            }
            LockSupport.parkNanos(POLL_NANOS);
            long next = stats.delivered(phase);
            if (next != received) {
                received = next;
                lastProgress = stats.now();
            }
        }
        return received;
    }

    /** {@code perRoom} joined connections of each room, spread over the nodes ({@link #pickSenders}). */
    List<BenchConnection> sendersPerRoom(int perRoom) {
        return pickSenders(connections, perRoom, settings.urls().size());
    }

    /**
     * {@code perRoom} receiving connections of each room, rooms and members in join order, spread
     * over the nodes: the j-th sender picked (over the whole run) is one on node j mod n when its
     * room has one left there, else the room's next. One node alone: the first of each room.
     */
    static List<BenchConnection> pickSenders(List<BenchConnection> connections, int perRoom, int nodes) {
        Map<String, List<BenchConnection>> byRoom = new LinkedHashMap<>();
        for (BenchConnection connection : connections) {
            if (connection.receives()) {
                byRoom.computeIfAbsent(connection.room(), room -> new ArrayList<>()).add(connection);
            }
        }
        List<BenchConnection> senders = new ArrayList<>();
        for (List<BenchConnection> room : byRoom.values()) {
            for (int k = 0; k < perRoom && !room.isEmpty(); k++) {
                int wanted = senders.size() % nodes;
                int at = 0;
                for (int i = 0; i < room.size(); i++) {
                    if (room.get(i).node() == wanted) {
                        at = i;
                        break;
                    }
                }
                senders.add(room.remove(at));
            }
        }
        return senders;
    }

    @Override
    public void close() {
        for (BenchConnection connection : connections) {
            connection.ending();
        }
        client.close();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
