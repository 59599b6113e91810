package dev.haven.client.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and memory of a process on this machine, read from {@code /proc/PID/stat} (user and
 * system time, fields 14 and 15, in clock ticks) and {@code /proc/PID/status} ({@code VmRSS},
 * the resident set now, and {@code VmHWM}, its peak since the process started). Linux only; a
 * probe of a process that is gone, or off Linux, reads -1.
 */
final class ProcessProbe {
    /** One reading. Memory in KiB; -1 where it could not be read. */
    record Sample(long pid, Cpu cpu, long rssKb, long peakRssKb, long threads) {
        double cpuSeconds() {
            return cpu.seconds();
        }
    }

    /** CPU time so far, in seconds: in the process's own code, and in the kernel on its behalf. */
    record Cpu(double user, double system) {
        static final Cpu UNKNOWN = new Cpu(-1, -1);

        double seconds() {
            return user < 0 ? -1 : user + system;
        }

        /** The sum of two processes' times; unknown if either is. */
        Cpu plus(Cpu other) {
            return user < 0 || other.user < 0 ? UNKNOWN : new Cpu(user + other.user, system + other.system);
        }

        /** The time spent since an earlier reading. */
        Cpu since(Cpu earlier) {
            return user < 0 || earlier.user < 0 ? UNKNOWN : new Cpu(user - earlier.user, system - earlier.system);
        }
    }

    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private final long pid;

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    static ProcessProbe self() {
        return new ProcessProbe(ProcessHandle.current().pid());
    }

    long pid() {
        return pid;
    }

    Sample sample() {
        return new Sample(pid, cpu(), statusKb("VmRSS:"), statusKb("VmHWM:"), statusKb("Threads:"));
    }

    /** User and system CPU time so far; {@link Cpu#UNKNOWN} if unreadable. */
    Cpu cpu() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) is in parentheses and may hold spaces; count from after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return new Cpu(utime / (double) TICKS_PER_SECOND, stime / (double) TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Cpu.UNKNOWN;
        }
    }

    private long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.US_ASCII)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The kernel's USER_HZ from {@code getconf CLK_TCK}; 100, its value on Linux, if that fails. */
    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            try (InputStream out = getconf.getInputStream()) {
                String text = new String(out.readNBytes(64), StandardCharsets.US_ASCII).trim();
                if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                    long ticks = Long.parseLong(text);
                    return ticks > 0 ? ticks : 100;
                }
            } finally {
                getconf.destroy();
            }
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
