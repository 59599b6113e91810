package dev.haven.server.config;

import static dev.haven.server.config.ConfigException.check;

/**
 * Where the server keeps what must outlive a restart: the rooms changed through the admin API
 * today (later also bans, mutes and the audit log). Never message text.
 *
 * @param dir the state directory; null for {@code $XDG_DATA_HOME/haven}, or
 *            {@code ~/.local/share/haven} when {@code XDG_DATA_HOME} is unset; env
 *            {@code HAVEN_STATE_DIR}
 */
public record StateSettings(String dir) {
    public StateSettings {
        check(dir == null || !dir.isBlank(), "state.dir must not be blank");
    }

    public static StateSettings defaults() {
        return new StateSettings(null);
    }
}
