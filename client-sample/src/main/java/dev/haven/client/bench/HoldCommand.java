package dev.haven.client.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code hold}: K idle members joined in rooms of {@code --room-size}; reports how long the
 * joining took and, with {@code --server-pid}, the server's resident memory per connection:
 * (RSS after holding − RSS before connecting) / connections.
 */
final class HoldCommand {
    static final Set<String> FLAGS = Stream.concat(LoadSettings.FLAGS.stream(),
            Stream.of("--connections", "--room-size", "--hold")).collect(Collectors.toUnmodifiableSet());

    private HoldCommand() {
    }

    static Report run(LoadSettings settings, int connections, int roomSize, double holdSeconds)
            throws InterruptedException {
        Report report = new Report("hold", settings);
        int rooms = (connections + roomSize - 1) / roomSize;
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("connections", connections);
        scenario.put("roomSize", roomSize);
        scenario.put("rooms", rooms);
        scenario.put("holdSeconds", holdSeconds);
        report.put("scenario", scenario);
        List<BenchClient.Member> members = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            members.add(new BenchClient.Member(FanoutCommand.name(i), settings.room(i / roomSize), false));
        }
        try (LoadRun run = new LoadRun(settings)) {
            ProcessProbe.Sample before = run.server() == null ? null : run.server().sample();
            BenchClient.Joined joined = run.connect(members);
            ProcessProbe.Sample afterJoin = run.server() == null ? null : run.server().sample();
            report.put("connections", FanoutCommand.connections(joined, connections));
            boolean all = FanoutCommand.joinedAll(joined, connections);
            long holdUntil = System.nanoTime() + (long) (holdSeconds * 1e9);
            while (all && System.nanoTime() < holdUntil) {
                LockSupport.parkNanos(Math.min(TimeUnit.MILLISECONDS.toNanos(200), holdUntil - System.nanoTime()));
            }
            ProcessProbe.Sample afterHold = run.server() == null ? null : run.server().sample();
            Map<String, Object> server = new LinkedHashMap<>();
            double perConnectionKb = -1;
            if (before != null) {
                server.put("pid", before.pid());
                server.put("rssBeforeKb", before.rssKb());
                server.put("rssAfterJoinKb", afterJoin.rssKb());
                server.put("rssAfterHoldKb", afterHold.rssKb());
                server.put("peakRssKb", afterHold.peakRssKb());
                server.put("threads", afterHold.threads());
                server.put("cpuSecondsJoining", LoadRun.round(afterJoin.cpuSeconds() - before.cpuSeconds()));
                perConnectionKb = joined.connections().isEmpty() ? -1
                        : (afterHold.rssKb() - before.rssKb()) / (double) joined.connections().size();
                server.put("rssPerConnectionKb", LoadRun.round(perConnectionKb));
                report.put("server", server);
            }
            report.put("tool", Report.process(run.tool().sample()));
            report.put("connectionsClosedEarly", run.stats().closedEarlyCount());
            if (!all || run.stats().closedEarlyCount() > 0) {
                report.fail();
            }
            report.summary("hold target=" + settings.target() + " conns=" + joined.connections().size() + "/"
                    + connections + " rooms=" + rooms + " joinSeconds=" + Report.num(joined.seconds())
                    + " joins/s=" + Report.num(joined.connections().size() / Math.max(1e-9, joined.seconds()))
                    + " failed=" + joined.failed()
                    + " closedEarly=" + run.stats().closedEarlyCount()
                    + (before == null ? " serverRss=n/a"
                    : " serverRssBefore=" + Report.num(before.rssKb() / 1024.0) + "MB serverRssAfter="
                    + Report.num(afterHold.rssKb() / 1024.0) + "MB rssPerConnection="
                    + Report.num(perConnectionKb) + "KB serverPeakRss="
                    + Report.num(afterHold.peakRssKb() / 1024.0) + "MB"));
        }
        return report;
    }
}
