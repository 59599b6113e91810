package dev.haven.server.config;

/**
 * {@code GET /metrics} (Prometheus text format).
 *
 * @param enabled whether {@code /metrics} is served (404 when off)
 * @param perRoom adds series labelled with each room's id; off by default, since a server with
 *                many rooms makes many series, and room ids are chosen by operators
 */
public record MetricsSettings(Boolean enabled, Boolean perRoom) {
    public MetricsSettings {
        enabled = enabled == null || enabled;
        perRoom = perRoom != null && perRoom;
    }

    public static MetricsSettings defaults() {
        return new MetricsSettings(true, false);
    }
}
