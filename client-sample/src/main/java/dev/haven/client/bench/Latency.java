package dev.haven.client.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Send-to-receive latency of one phase, in milliseconds, from an HdrHistogram of microseconds. */
record Latency(long count, double p50, double p90, double p99, double p999, double max, double mean) {
    static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }
        return new Latency(micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("p50", p50);
        map.put("p90", p90);
        map.put("p99", p99);
        map.put("p999", p999);
        map.put("max", max);
        map.put("mean", mean);
        return map;
    }
}
