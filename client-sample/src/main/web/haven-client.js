// haven-client.js: a small client for the Haven WebSocket protocol (v1), for browsers.
// No dependencies; lift it into your own app as it is. See docs/protocol.md.
//
//   const client = new HavenClient({ url: HavenClient.defaultUrl(location), name: 'Robin' });
//   client.addEventListener('message', (e) => show(e.detail));
//   const user = await client.connect();                 // resolves after the first hello
//   const joined = await client.join('open-lounge', { acceptGuidelines: true });
//   await client.send('open-lounge', 'Hello');           // rejects with a HavenError on refusal
//
// What it does for you:
// - hello first, request ids, replies matched by id (promises), events as DOM events
//   ('message', 'presence', 'notice', 'alert', 'message_deleted', 'room_updated', 'resource',
//   'held_message', 'round', 'mood_poll', 'mood_summary', 'checkin', 'checkin_message',
//   'announcement', and 'event' for every event, known or not);
// - the last seq seen per room; a hole in the live stream rejoins with `since`;
// - reconnect after any close it did not ask for (1001, 1006, heartbeat 1000, ...), with
//   exponential backoff and full jitter, then rejoin every room with `since`, emitting
//   'rejoined' {room, reply, restarted}; `restarted` is true when the server restarted (its
//   seq numbers began again): the reply then holds the room's whole new history;
// - a room left through a `removed`, `banned`, `session_closed` or `room_archived` notice is not
//   rejoined;
// - check-ins (v1.2): on every connection `checkins` finds the open ones again, each announced as
//   a 'checkin' event with `found: true`, then `checkin_history` with `since` brings what was said
//   meanwhile as 'checkin_message' events (key them by seq: one may repeat a live event); one
//   that is no longer listed has ended ('checkin_ended'); 'checkins_found' follows. A check-in
//   learnt of with messages this client has not seen (a facilitator coming into the room) or a
//   hole in its live messages is caught up the same way. `checkinSend` keeps its clientId;
// - a supervisor's `setDuty(true)` is said again on every new connection (on duty lasts while
//   the connection that said it is open); each reply is a 'duty' event;
// - 'status' events: {state: 'connecting'|'open'|'reconnecting'|'closed', attempt?, delayMs?,
//   code?, reason?, user?}. 4001 and a refused hello stop it (state 'closed'): fix the token or name;
// - liveness: a connection that has been silent for a quarter of the heartbeat the server
//   announced gets a `ping`; one that does not answer within another quarter is taken for dead
//   (a Wi-Fi drop or a sleeping phone never closes a socket by itself), and it reconnects;
// - close 1012 (the server restarts elsewhere): reconnects at once, with a little jitter;
// - guests: the hello reply's `resume` is kept in `client.resume` and said on every reconnect, so
//   the guest stays the same user; a refused resume falls back to the name, as a new guest
//   ('resume_refused' event). Pass `resume` to the constructor to come back after a reload;
// - `reconnectNow()` skips the wait of a reconnect; going back online does too.

/** A refused request: `code` is the protocol's error code. */
export class HavenError extends Error {
  constructor(code, message, retryAfterMs) {
    super(message || code);
    this.name = 'HavenError';
    this.code = code;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

const EVENT_TYPES = new Set(['message', 'presence', 'notice', 'alert', 'message_deleted', 'room_updated', 'resource',
  'held_message', 'round', 'mood_poll', 'mood_summary', 'checkin', 'checkin_message', 'announcement']);

/** Notices after which the member is out of a room and must not rejoin it. */
const OUT_OF_ROOM = new Set(['removed', 'banned', 'session_closed', 'room_archived']);

export class HavenClient extends EventTarget {
  /**
   * @param {object} options
   * @param {string} options.url        ws://host:port/ws
   * @param {string} [options.token]    a signed token, or
   * @param {string} [options.name]     a guest pseudonym
   * @param {string} [options.resume]   a guest's resume from an earlier hello (with its name)
   * @param {number} [options.baseDelayMs=500]   first backoff step
   * @param {number} [options.maxDelayMs=30000]  longest backoff
   * @param {number} [options.requestTimeoutMs=15000]
   * @param {number} [options.connectTimeoutMs=10000] a connection not through its hello by then is dropped and tried again
   * @param {Function} [options.WebSocket]  a WebSocket constructor (tests, Node)
   */
  constructor(options) {
    super();
    this.url = options.url;
    this.token = options.token || undefined;
    this.name = options.name || undefined;
    this.resume = options.resume || undefined;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10000;
    this.WebSocketImpl = options.WebSocket || globalThis.WebSocket;
    this.user = null;
    this.state = 'idle';
    /** room id -> {acceptGuidelines, lastSeq, last: {seq, ts}, joined} for the rooms this client is in */
    this.rooms = new Map();
    /** check-in id -> {info, lastSeq, fetching} for the open check-ins this client is in */
    this.checkins = new Map();
    /** a supervisor's wish to be on duty, said again after every reconnect */
    this.onDuty = false;
    this._ws = null;
    this._nextId = 1;
    this._pending = new Map();
    this._attempt = 0;
    this._timer = null;
    this._stopped = false;
    this._liveness = null;
    this._resumeRefused = false;
    this._onOnline = () => this.reconnectNow();
    globalThis.addEventListener?.('online', this._onOnline);
  }

  /** The /ws address of the server that served `location` (a page on the same server). */
  static defaultUrl(location) {
    return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
  }

  /** Opens the connection and says hello; resolves with the user once the first hello succeeds. */
  connect() {
    this._stopped = false;
    return new Promise((resolve, reject) => {
      this._firstHello = { resolve, reject };
      this._open();
    });
  }

  /** Closes for good: no reconnect. */
  close() {
    this._stopped = true;
    clearTimeout(this._timer);
    clearTimeout(this._connectTimer);
    this._stopLiveness();
    globalThis.removeEventListener?.('online', this._onOnline);
    const ws = this._ws;
    this._ws = null;
    if (ws) {
      // Nothing the old socket says counts any more: 'closed' below is the last event.
      ws.onopen = null;
      ws.onmessage = null;
      ws.onclose = null;
      ws.close(1000, 'bye');
    }
    this._failPending(new HavenError('closed', 'the client was closed'));
    this._setState('closed', { code: 1000 });
  }

  /** Sends a request; resolves with the `ok` reply, rejects with a HavenError. */
  request(type, fields = {}) {
    const ws = this._ws;
    if (!ws || ws.readyState !== 1 || (type !== 'hello' && !this.user)) {
      return Promise.reject(new HavenError('not_connected', 'not connected; try again in a moment'));
    }
    const id = String(this._nextId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this._pending.delete(id);
        reject(new HavenError('timeout', 'no reply in time'));
      }, this.requestTimeoutMs);
      this._pending.set(id, { resolve, reject, timer });
      ws.send(JSON.stringify({ ...fields, type, id }));
    });
  }

  listRooms(filter = {}) {
    const fields = {};
    if (filter.category) fields.category = filter.category;
    if (filter.tag) fields.tag = filter.tag;
    if (filter.q && filter.q.trim()) fields.q = filter.q;
    return this.request('rooms', fields);
  }

  /**
   * Joins (or rejoins) a room; remembers it so a reconnect rejoins it with `since`. With
   * `guidelinesVersion`, the join accepts that version of the guidelines only: if they have
   * changed since, it is refused with `guidelines_required`.
   */
  async join(room, { acceptGuidelines = false, guidelinesVersion } = {}) {
    const known = this.rooms.get(room);
    const fields = { room, acceptGuidelines };
    if (guidelinesVersion !== undefined) fields.guidelinesVersion = guidelinesVersion;
    if (known && known.lastSeq > 0) fields.since = known.lastSeq;
    const entry = known || { acceptGuidelines, lastSeq: 0, last: null, joined: false };
    if (!known) this.rooms.set(room, entry);
    entry.pending = true;
    try {
      const reply = await this.request('join', fields);
      entry.pending = false;
      if (reply.waiting) {
        this.rooms.delete(room);
        return reply;
      }
      entry.acceptGuidelines = acceptGuidelines;
      entry.guidelinesVersion = guidelinesVersion;
      entry.joined = true;
      this._noteHistory(entry, reply);
      return reply;
    } catch (e) {
      entry.pending = false;
      if (!entry.joined) this.rooms.delete(room);
      throw e;
    }
  }

  async leave(room) {
    this.rooms.delete(room);
    return this.request('leave', { room });
  }

  /** Sends a message; `cw` ({label, text?}) puts it under a content warning. */
  send(room, text, clientId, cw) {
    const fields = { room, text };
    if (clientId) fields.clientId = clientId;
    if (cw) fields.cw = cw;
    return this.request('send', fields);
  }

  /** Writes in a check-in; keep `clientId` across retries of the same message. */
  checkinSend(checkin, text, clientId) {
    const fields = { checkin, text };
    if (clientId) fields.clientId = clientId;
    return this.request('checkin_send', fields);
  }

  /** A supervisor goes on duty (or off); on duty is said again on every new connection. */
  setDuty(onDuty) {
    this.onDuty = onDuty;
    return this.request('duty', { onDuty });
  }

  /**
   * While reconnecting: try now instead of at the end of the backoff; an attempt still hanging
   * (a handshake into a network that was gone) is dropped for a fresh one.
   */
  reconnectNow() {
    if (this._stopped || this.state !== 'reconnecting') return;
    clearTimeout(this._timer);
    if (this._ws) this._abandon(this._ws);
    this._open();
  }

  /** The last seq seen in a room (0 if none). */
  lastSeq(room) {
    return this.rooms.get(room)?.lastSeq ?? 0;
  }

  // ---- connection ----

  _open() {
    clearTimeout(this._timer);
    this._setState(this._attempt === 0 ? 'connecting' : 'reconnecting', { attempt: this._attempt });
    let ws;
    try {
      ws = new this.WebSocketImpl(this.url);
    } catch (e) {
      this._scheduleReconnect({ code: 0, reason: String(e.message || e) });
      return;
    }
    this._ws = ws;
    // A handshake into a silent network may hang for minutes: drop it and try again.
    clearTimeout(this._connectTimer);
    this._connectTimer = setTimeout(() => {
      if (this._ws === ws && !this.user) {
        this._abandon(ws);
        this._lost(1006, 'no answer while connecting');
      }
    }, this.connectTimeoutMs);
    ws.onopen = () => this._hello(ws);
    ws.onmessage = (e) => {
      this._lastFrameAt = Date.now();
      this._pingSentAt = null;
      this._onFrame(e.data);
    };
    ws.onclose = (e) => {
      if (this._ws !== ws) return;
      this._lost(e.code, e.reason);
    };
  }

  /** The connection is gone (closed, or taken for dead): fail what waits, then reconnect or stop. */
  _lost(code, reason) {
    this._stopLiveness();
    this._ws = null;
    this.user = null;
    this._failPending(new HavenError('not_connected', 'the connection closed'));
    this._onClose(code, reason);
  }

  async _hello(ws) {
    const fields = this.token ? { token: this.token } : this.resume ? { resume: this.resume } : { name: this.name };
    let reply;
    try {
      reply = await this.request('hello', fields);
    } catch (e) {
      if (this._ws !== ws) return;
      if (e.code === 'unauthenticated' && fields.resume && this.name) {
        // The resume expired (or the server's secret changed): come back under the name, as a new guest.
        this.resume = undefined;
        this._resumeRefused = true;
        this._emit('resume_refused', {});
        return; // the server closes with 4001; _onClose reconnects at once
      }
      if (e.code === 'unauthenticated' || e.code === 'bad_request') {
        this._stop(e);
      }
      return; // other failures end in a close, which reconnects
    }
    clearTimeout(this._connectTimer);
    this.user = reply.user;
    if (reply.resume) this.resume = reply.resume;
    this._attempt = 0;
    this._startLiveness(ws, reply.heartbeatSeconds);
    this._setState('open', { user: reply.user, resume: this.resume });
    if (this._firstHello) {
      this._firstHello.resolve(reply.user);
      this._firstHello = null;
    }
    this._rejoinAll();
    this._refindCheckins();
    this._sayDutyAgain();
  }

  _stop(error) {
    this._stopped = true;
    this._stopLiveness();
    if (this._ws) this._ws.close(1000, 'bye');
    this._setState('closed', { code: error.code === 'unauthenticated' ? 4001 : 1000, reason: error.message, error });
    if (this._firstHello) {
      this._firstHello.reject(error);
      this._firstHello = null;
    }
  }

  _onClose(code, reason) {
    if (this._stopped) {
      this._setState('closed', { code, reason });
      return;
    }
    if (this._resumeRefused) {
      this._resumeRefused = false;
      this._attempt = 0;
      this._open();
      return;
    }
    if (code === 1012) {
      // Service restart: another instance can take the connection now; jitter spreads the crowd.
      // The backoff starts over, as after a first loss.
      this._attempt = 1;
      const delayMs = 100 + Math.round(Math.random() * 900);
      this._setState('reconnecting', { code, reason, attempt: 1, delayMs });
      this._timer = setTimeout(() => this._open(), delayMs);
      return;
    }
    if (code === 4001) {
      this._stop(new HavenError('unauthenticated', reason || 'not signed in'));
      return;
    }
    this._scheduleReconnect({ code, reason });
  }

  _scheduleReconnect(detail) {
    this._attempt += 1;
    // Full jitter: a random delay between 0 and min(max, base * 2^(attempt-1)), at least 100 ms.
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(this._attempt - 1, 16));
    const delayMs = Math.max(100, Math.round(Math.random() * ceiling));
    this._setState('reconnecting', { ...detail, attempt: this._attempt, delayMs });
    this._timer = setTimeout(() => this._open(), delayMs);
  }

  // ---- liveness ----

  /**
   * Checks every quarter of the announced heartbeat: quiet that long, it pings; no answer a
   * quarter later, the connection is dead. So a dead connection is noticed within the heartbeat.
   */
  _startLiveness(ws, heartbeatSeconds) {
    this._stopLiveness();
    const quarterMs = Math.max(250, Math.round((heartbeatSeconds || 30) * 1000 / 4));
    this._lastFrameAt = Date.now();
    this._pingSentAt = null;
    this._liveness = setInterval(() => {
      if (this._ws !== ws) return;
      const now = Date.now();
      if (this._pingSentAt !== null && now - this._pingSentAt >= quarterMs) {
        this._dead(ws);
      } else if (this._pingSentAt === null && now - this._lastFrameAt >= quarterMs) {
        this._pingSentAt = now;
        this.request('ping').catch(() => {});
      }
    }, quarterMs);
  }

  _stopLiveness() {
    clearInterval(this._liveness);
    this._liveness = null;
  }

  /** No answer: the socket may never report its end, so it is left behind and a new one opened. */
  _dead(ws) {
    this._abandon(ws);
    this._lost(1006, 'no answer from the server');
  }

  /** Leaves a socket behind: nothing it says any more counts. */
  _abandon(ws) {
    ws.onopen = null;
    ws.onclose = null;
    ws.onmessage = null;
    try {
      ws.close(4000, 'no answer');
    } catch {
      // already closing
    }
    if (this._ws === ws) this._ws = null;
  }

  async _rejoinAll() {
    for (const [room, entry] of [...this.rooms]) {
      if (!entry.joined) continue;
      this._rejoin(room, entry);
    }
  }

  /**
   * Rejoins with `since`, asking for one message it already has as well: if that message
   * comes back with another timestamp, or the room's seq went back, the server restarted
   * (seq numbers start again), and it rejoins once more from 0 for the new history.
   */
  async _rejoin(room, entry) {
    const last = entry.last;
    const since = last ? Math.max(0, last.seq - 1) : entry.lastSeq;
    try {
      let reply = await this.request('join', this._rejoinFields(room, since, entry));
      const echo = last && reply.history.find((m) => m.seq === last.seq);
      const restarted = reply.seq < entry.lastSeq || Boolean(echo && echo.ts !== last.ts);
      if (restarted) {
        entry.lastSeq = 0;
        entry.last = null;
        reply = await this.request('join', this._rejoinFields(room, 0, entry));
      }
      if (reply.waiting) {
        this.rooms.delete(room);
      } else {
        this._noteHistory(entry, reply);
      }
      this._emit('rejoined', { room, reply, restarted });
    } catch (e) {
      if (e.code === 'not_connected' || e.code === 'timeout') return; // the next connection tries again
      this.rooms.delete(room);
      this._emit('rejoin_failed', { room, error: e });
    }
  }

  /** A rejoin accepts the guidelines as the first join did: the same version, or it is refused. */
  _rejoinFields(room, since, entry) {
    const fields = { room, since, acceptGuidelines: entry.acceptGuidelines };
    if (entry.guidelinesVersion !== undefined) fields.guidelinesVersion = entry.guidelinesVersion;
    return fields;
  }

  _noteHistory(entry, reply) {
    entry.lastSeq = Math.max(entry.lastSeq, reply.seq);
    for (const m of reply.history) this._noteMessage(entry, m);
  }

  _noteMessage(entry, m) {
    if (!entry.last || m.seq >= entry.last.seq) entry.last = { seq: m.seq, ts: m.ts };
  }

  // ---- frames ----

  _onFrame(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.type === 'ok' || frame.type === 'error') {
      const pending = frame.id !== undefined && this._pending.get(frame.id);
      if (!pending) return;
      this._pending.delete(frame.id);
      clearTimeout(pending.timer);
      if (frame.type === 'ok') pending.resolve(frame);
      else pending.reject(new HavenError(frame.code, frame.message, frame.retryAfterMs));
      return;
    }
    this._track(frame);
    if (EVENT_TYPES.has(frame.type)) this._emit(frame.type, frame);
    this._emit('event', frame);
  }

  _track(frame) {
    if (frame.type === 'message') {
      const entry = this.rooms.get(frame.room);
      if (!entry) return;
      const before = entry.lastSeq;
      entry.lastSeq = Math.max(before, frame.seq);
      this._noteMessage(entry, frame);
      // Only between live events of a joined room: events may come before a join reply.
      if (entry.joined && !entry.pending && before > 0 && frame.seq > before + 1) {
        this._catchUp(frame.room, entry, before);
      }
    } else if (frame.type === 'notice' && OUT_OF_ROOM.has(frame.kind)) {
      this.rooms.delete(frame.room);
    } else if (frame.type === 'checkin') {
      this._trackCheckin(frame.checkin);
    } else if (frame.type === 'checkin_message') {
      const known = this.checkins.get(frame.checkin);
      if (!known) return;
      const before = known.lastSeq;
      known.lastSeq = Math.max(before, frame.seq);
      if (before > 0 && frame.seq > before + 1) this._catchUpCheckin(known, before);
    }
  }

  _trackCheckin(info) {
    if (info.state === 'closed') {
      this.checkins.delete(info.id);
      return;
    }
    const known = this.checkins.get(info.id) || { info, lastSeq: 0 };
    known.info = info;
    this.checkins.set(info.id, known);
    if (info.seq > known.lastSeq) this._catchUpCheckin(known, known.lastSeq);
  }

  // ---- check-ins and duty, found again on every connection ----

  async _refindCheckins() {
    let reply;
    try {
      reply = await this.request('checkins');
    } catch {
      return; // the next connection asks again
    }
    const open = new Set(reply.checkins.map((info) => info.id));
    for (const [id, known] of [...this.checkins]) {
      if (open.has(id)) continue;
      this.checkins.delete(id);
      this._emit('checkin_ended', { checkin: { ...known.info, state: 'closed' } });
    }
    const catchUps = [];
    for (const info of reply.checkins) {
      const known = this.checkins.get(info.id) || { info, lastSeq: 0 };
      known.info = info;
      this.checkins.set(info.id, known);
      this._emit('checkin', { type: 'checkin', checkin: info, found: true });
      if (info.seq > known.lastSeq) catchUps.push(this._catchUpCheckin(known, known.lastSeq));
    }
    await Promise.all(catchUps);
    this._emit('checkins_found', { checkins: reply.checkins });
  }

  /** What a check-in said after `since`, as 'checkin_message' events (a closed one answers not_found). */
  async _catchUpCheckin(known, since) {
    if (known.fetching) return;
    known.fetching = true;
    try {
      const reply = await this.request('checkin_history', since > 0 ? { checkin: known.info.id, since } : { checkin: known.info.id });
      for (const m of reply.messages) {
        known.lastSeq = Math.max(known.lastSeq, m.seq);
        this._emit('checkin_message', { ...m, type: 'checkin_message' });
      }
    } catch {
      // closed meanwhile (its closing event comes live), or the connection went: asked again on the next
    } finally {
      known.fetching = false;
    }
  }

  async _sayDutyAgain() {
    if (!this.onDuty) return;
    try {
      this._emit('duty', await this.request('duty', { onDuty: true }));
    } catch {
      // the next connection says it again
    }
  }

  /** A hole in the live stream: ask for what is missing with `since` (join is idempotent). */
  async _catchUp(room, entry, since) {
    try {
      const reply = await this.request('join', this._rejoinFields(room, since, entry));
      this._emit('rejoined', { room, reply, restarted: false });
    } catch {
      // the next reconnect catches up
    }
  }

  _failPending(error) {
    for (const pending of this._pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this._pending.clear();
  }

  _setState(state, detail = {}) {
    this.state = state;
    this._emit('status', { state, ...detail });
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
