package dev.haven.server.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haven.protocol.ErrorCode;
import dev.haven.protocol.ProtocolCodec;
import dev.haven.protocol.model.Admission;
import dev.haven.protocol.model.AuditEntry;
import dev.haven.protocol.model.RoomState;
import dev.haven.protocol.server.ErrorReply;
import dev.haven.protocol.server.Ok;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.care.RoomCare;
import dev.haven.server.moderation.Sanctions;
import dev.haven.server.state.Fence;
import dev.haven.server.state.RoomStateStore;
import dev.haven.server.state.StateWrites;
import dev.haven.server.state.WriteThrough;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What of a room outlives its process: kept in a {@link RoomStateStore} (the lone node's state
 * directory, or Redis in a cluster) as it changes, and loaded when the room starts again or a
 * new owner takes it over. Never what people said.
 *
 * <p><b>What is kept</b>, in named parts, each a small JSON document:
 * <ul>
 *   <li>{@code settings}: what facilitators set at run time: locked, slow mode, moderated,
 *       admission, the guidelines' text and version;</li>
 *   <li>{@code session}: lobby, open or unfacilitated, and {@code closesAt} while it is closing;
 *       how many rounds and check-ins it had (their ids are not given twice);</li>
 *   <li>{@code sanctions}: each mute and ban in force, its end, the guest address it also holds
 *       against, and the name the member had;</li>
 *   <li>{@code audit.N}: audit entry number N, one part each, so that a new entry is one small
 *       write (names and facilitators' reasons; never message text, never a warning's words);</li>
 *   <li>{@code alerts}: open crisis and request alerts with their tier, acknowledgement and
 *       escalation deadlines (never the held message or a request's note);</li>
 *   <li>{@code seq}: a seq beyond every one given, reserved {@link #SEQ_AHEAD} ahead, so that a
 *       restart never gives a seq twice.</li>
 * </ul>
 * Not kept, on purpose: messages, check-ins and reports (people's words, memory only); who is
 * present and who waits (connections do not outlive a restart: people rejoin and ask again);
 * a round or mood check-in under way (a live activity among those present; a mood answer is
 * never written anywhere); raised hands, the floor, slow-mode times and participation stats
 * (one visit's); recently seen guests' addresses (only a sanction's address is kept);
 * operators' announcements.
 *
 * <p><b>When.</b> Written through: each change names its part ({@link #changed}), and the
 * room's {@link WriteThrough} writes the parts changed by a task after it, coalesced, one write
 * in flight per room, never on the room's thread. A facilitator's command (and {@code ack_alert},
 * {@code request_facilitator}, {@code open_session}, {@code set_room}…) gets its {@code ok} only
 * once its change is kept ({@link #afterKept}); if the write fails the command has still taken
 * effect here, and its answer is {@code unavailable} with {@code retryAfterMs} while the room
 * keeps retrying. A message's {@code ok} never waits for a state write.
 *
 * <p><b>Loaded.</b> {@link #restoreFrom} (the lone node at start; a cluster's new owner at
 * takeover) loads the parts, replaces the room's with them, re-arms their timers (a timed mute
 * ending, a session's close, the facilitator grace, alert escalation) from the kept deadlines
 * on the room's clock, and writes through from then on. {@link #export} gives the parts as they
 * are now.
 *
 * <p><b>Threading.</b> Belongs to its room: the room's side runs on the room's executor; the
 * public methods may be called from any thread and do their work as a task on that executor.
 */
public final class DurableState {
    private static final Logger log = LoggerFactory.getLogger(DurableState.class);
    static final String SETTINGS = "settings";
    static final String SESSION = "session";
    static final String SANCTIONS = "sanctions";
    static final String ALERTS = "alerts";
    static final String SEQ = "seq";
    static final String AUDIT = "audit.";
    /** How far ahead of the last seq given the store's seq is kept: one write per this many messages / 2. */
    static final long SEQ_AHEAD = 1000;
    private static final byte[] NONE = new byte[0];

    record SettingsPart(boolean locked, int slowModeSeconds, boolean moderated, Admission admission,
                        String guidelines, int guidelinesVersion) {
    }

    record SessionPart(RoomState state, Long closesAt, long rounds, long polls) {
    }

    /** @param name the member's name when it was sanctioned, or null */
    record KeptSanction(String user, long until, String address, String name) {
    }

    record SanctionsPart(List<KeptSanction> mutes, List<KeptSanction> bans) {
    }

    record SeqPart(long seq) {
    }

    private final Room room;
    private final ObjectMapper json = ProtocolCodec.newMapper();
    /** Null until the room keeps its state somewhere; then with the store and fence it writes to. */
    private WriteThrough writer;
    private RoomStateStore store;
    private Fence fence;
    /** The seq the store holds: no seq up to it may be given after a restart. */
    private long seqKept;

    DurableState(Room room) {
        this.room = room;
    }

    // ---------------------------------------------------------------- the room's side

    /** A part changed; it is written with the next write. */
    void changed(String part) {
        if (writer != null) {
            writer.changed(part);
        }
    }

    /** Audit entry {@code number} was recorded; the one the bound dropped with it goes. */
    void auditRecorded(long number, int capacity) {
        changed(AUDIT + number);
        if (number >= capacity) {
            changed(AUDIT + (number - capacity));
        }
    }

    /** A message took this seq: the kept seq moves ahead before the room reaches it. */
    void seqUsed(long seq) {
        if (writer != null && seq > seqKept - SEQ_AHEAD / 2) {
            seqKept = seq + SEQ_AHEAD;
            changed(SEQ);
        }
    }

    /**
     * The reply of a request that may have changed kept state: an {@code ok} goes once the
     * change is kept, or becomes {@code unavailable} if its write failed; errors go at once.
     */
    Consumer<ServerMessage> afterKept(Consumer<ServerMessage> reply) {
        return result -> {
            if (writer == null || !(result instanceof Ok ok)) {
                reply.accept(result);
                return;
            }
            writer.whenKept(() -> reply.accept(result), failure -> reply.accept(new ErrorReply(ok.id(),
                    ErrorCode.UNAVAILABLE, "this took effect, but could not be kept yet: it is kept as soon as the"
                    + " store answers again, and sending the request again is safe",
                    WriteThrough.LAST_RETRY.toMillis())));
        };
    }

    // ---------------------------------------------------------------- the API

    /**
     * Loads the room's kept parts from {@code store}, puts them in place of the room's own
     * ({@link #restore}), then writes every later change through to {@code store} under
     * {@code fence}. The lone node calls it for each room at start, before serving; a cluster's
     * new owner at takeover, with its lease as the fence. Fails when a part cannot be read.
     */
    public CompletableFuture<Void> restoreFrom(RoomStateStore store, Fence fence, StateWrites health) {
        return store.load(room.id()).thenCompose(parts -> onRoomThread(() -> {
            apply(parts);
            keepIn(store, fence, health, parts);
            return null;
        }));
    }

    /**
     * Puts kept parts in place of the room's own, re-arming their timers: for a room that has
     * served nothing yet. A part missing is as a new room has it.
     */
    public CompletableFuture<Void> restore(Map<String, byte[]> parts) {
        return onRoomThread(() -> {
            apply(parts);
            return null;
        });
    }

    /** Every part of the room's kept state as it is now, encoded as a store holds it. */
    public CompletableFuture<Map<String, byte[]>> export() {
        return onRoomThread(() -> {
            Map<String, byte[]> parts = new TreeMap<>();
            encode(allParts()).forEach((name, value) -> {
                if (value.length > 0) {
                    parts.put(name, value);
                }
            });
            if (room.seq > 0) {
                // A live room's own seq: nothing was given beyond it.
                parts.put(SEQ, encodeSeq(room.seq));
            }
            return parts;
        });
    }

    /**
     * Writes whatever is not kept yet, now, with the room's exact seq (a clean stop loses no seq
     * and claims none ahead); completes once it is kept. Completes at once when the room keeps
     * nothing.
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            room.executor.execute(() -> {
                if (writer == null) {
                    done.complete(null);
                    return;
                }
                if (room.seq > 0 && seqKept != room.seq) {
                    seqKept = room.seq;
                    writer.changed(SEQ);
                }
                writer.flushNow();
                writer.whenKept(() -> done.complete(null), done::completeExceptionally);
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * This node still runs the room as it is, and keeps it under a new fence from now on, every
     * part written again: the store lost what it held (a Redis restarted empty), or this node
     * claimed the room again with a new epoch. Completes once every part is kept.
     */
    public CompletableFuture<Void> writeAllTo(RoomStateStore store, Fence fence, StateWrites health) {
        CompletableFuture<Void> kept = new CompletableFuture<>();
        onRoomThread(() -> {
            keepIn(store, fence, health, Map.of());
            writer.whenKept(() -> kept.complete(null), kept::completeExceptionally);
            return null;
        }).exceptionally(error -> {
            kept.completeExceptionally(error);
            return null;
        });
        return kept;
    }

    /** Stops writing through: this node no longer owns the room. Changes not kept yet are dropped here. */
    public CompletableFuture<Void> release() {
        return onRoomThread(() -> {
            if (writer != null) {
                writer.stop();
                writer = null;
            }
            return null;
        });
    }

    /** The room was archived: writing stops, and the store forgets the room. On the room's executor. */
    void forget() {
        if (writer == null) {
            return;
        }
        writer.stop();
        writer = null;
        store.clear(fence).whenComplete((done, error) -> {
            if (error != null) {
                log.warn("the state of archived room {} could not be deleted: {}", room.id(),
                        error.getClass().getSimpleName());
            }
        });
    }

    // ---------------------------------------------------------------- encoding

    private void keepIn(RoomStateStore keptIn, Fence keptUnder, StateWrites health, Map<String, byte[]> stored) {
        if (writer != null) {
            writer.stop();
        }
        store = keptIn;
        fence = keptUnder;
        writer = new WriteThrough(keptIn, keptUnder, stored, room.executor, room.executor::schedule, health,
                this::encode);
        // Once, so that the store drops what ended while the room was down (a lapsed ban, a
        // dropped audit entry) and takes what the restore changed; parts unchanged are not written.
        Set<String> names = new HashSet<>(allParts());
        names.addAll(stored.keySet());
        names.forEach(writer::changed);
    }

    private Set<String> allParts() {
        Set<String> names = new HashSet<>(List.of(SETTINGS, SESSION, SANCTIONS, ALERTS, SEQ));
        long recorded = room.audit.recorded();
        for (long n = Math.max(0, recorded - room.audit.capacity()); n < recorded; n++) {
            names.add(AUDIT + n);
        }
        return names;
    }

    private Map<String, byte[]> encode(Set<String> names) {
        Map<String, byte[]> parts = new HashMap<>();
        for (String name : names) {
            parts.put(name, encode(name));
        }
        return parts;
    }

    private byte[] encode(String name) {
        try {
            return switch (name) {
                case SETTINGS -> json.writeValueAsBytes(new SettingsPart(room.policy.locked(),
                        room.policy.slowModeSeconds(), room.policy.moderated(), room.policy.admission(),
                        room.guidelines.ownText(), room.guidelines.version()));
                case SESSION -> {
                    long[] counters = room.group.counters();
                    yield json.writeValueAsBytes(new SessionPart(room.group.lifecycle.state(),
                            room.group.lifecycle.closesAt(), counters[0], counters[1]));
                }
                case SANCTIONS -> sanctions();
                case ALERTS -> {
                    List<RoomCare.KeptAlert> alerts = room.care.keptAlerts();
                    yield alerts.isEmpty() ? NONE : json.writeValueAsBytes(alerts);
                }
                case SEQ -> seqKept == 0 ? NONE : encodeSeq(seqKept);
                default -> auditEntry(name);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode part " + name + " of room " + room.id(), e);
        }
    }

    private byte[] encodeSeq(long seq) {
        try {
            return json.writeValueAsBytes(new SeqPart(seq));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] sanctions() throws IOException {
        List<Sanctions.Kept> mutes = room.sanctions.keptMutes();
        List<Sanctions.Kept> bans = room.sanctions.keptBans();
        if (mutes.isEmpty() && bans.isEmpty()) {
            return NONE;
        }
        return json.writeValueAsBytes(new SanctionsPart(named(mutes), named(bans)));
    }

    private List<KeptSanction> named(List<Sanctions.Kept> kept) {
        return kept.stream().map(k -> new KeptSanction(k.user(), k.until(), k.address(),
                room.sanctionRoll.nameOf(k.user()))).toList();
    }

    private byte[] auditEntry(String name) throws IOException {
        if (!name.startsWith(AUDIT)) {
            throw new IllegalArgumentException("no part " + name);
        }
        AuditEntry entry = room.audit.entry(Long.parseLong(name.substring(AUDIT.length())));
        return entry == null ? NONE : json.writeValueAsBytes(entry);
    }

    // ---------------------------------------------------------------- restoring

    private void apply(Map<String, byte[]> parts) {
        try {
            SettingsPart settings = read(parts, SETTINGS, SettingsPart.class);
            if (settings != null) {
                room.policy = new RoomPolicy(settings.locked(), settings.slowModeSeconds(), settings.moderated(),
                        settings.admission());
                // Operators may have raised the version in the configuration while the room was down.
                if (settings.guidelinesVersion() >= room.guidelines.version()) {
                    room.guidelines.replaceWith(settings.guidelines(), settings.guidelinesVersion());
                }
            }
            SessionPart session = read(parts, SESSION, SessionPart.class);
            room.group.lifecycle.restore(session == null ? null : session.state(),
                    session == null ? null : session.closesAt());
            if (session != null) {
                room.group.restoreCounters(session.rounds(), session.polls());
            }
            SanctionsPart sanctions = read(parts, SANCTIONS, SanctionsPart.class);
            restoreSanctions(sanctions == null ? new SanctionsPart(List.of(), List.of()) : sanctions);
            restoreAudit(parts);
            RoomCare.KeptAlert[] alerts = read(parts, ALERTS, RoomCare.KeptAlert[].class);
            room.care.restoreAlerts(alerts == null ? List.of() : List.of(alerts));
            SeqPart seq = read(parts, SEQ, SeqPart.class);
            if (seq != null && seq.seq() > room.seq) {
                room.seq = seq.seq();
                seqKept = seq.seq();
                // The held messages were in memory: catch-up from before this seq finds a gap.
                room.history.lostThrough(seq.seq());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the kept state of room " + room.id() + " cannot be read: "
                    + e.getClass().getSimpleName(), e);
        }
        room.refreshInfo();
        log.info("room state restored room={} parts={}", room.id(), parts.size());
    }

    private void restoreSanctions(SanctionsPart kept) {
        room.sanctions.restore(unnamed(kept.mutes()), unnamed(kept.bans()));
        for (KeptSanction sanction : kept.mutes()) {
            room.sanctionRoll.noted(sanction.user(), sanction.name());
            if (sanction.until() != Sanctions.FOREVER) {
                room.commands.endMuteAt(sanction.user(), sanction.until());
            }
        }
        kept.bans().forEach(sanction -> room.sanctionRoll.noted(sanction.user(), sanction.name()));
    }

    private static List<Sanctions.Kept> unnamed(List<KeptSanction> kept) {
        return kept.stream().map(k -> new Sanctions.Kept(k.user(), k.until(), k.address())).toList();
    }

    private void restoreAudit(Map<String, byte[]> parts) throws IOException {
        TreeMap<Long, AuditEntry> entries = new TreeMap<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            if (part.getKey().startsWith(AUDIT)) {
                entries.put(Long.parseLong(part.getKey().substring(AUDIT.length())),
                        json.readValue(part.getValue(), AuditEntry.class));
            }
        }
        room.audit.restore(new ArrayList<>(entries.values()), entries.isEmpty() ? 0 : entries.lastKey() + 1);
    }

    private <T> T read(Map<String, byte[]> parts, String name, Class<T> type) throws IOException {
        byte[] value = parts.get(name);
        return value == null || value.length == 0 ? null : json.readValue(value, type);
    }

    private <T> CompletableFuture<T> onRoomThread(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            room.executor.execute(() -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }
}
