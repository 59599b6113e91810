// retry.js: messages on their way, for the room's composer and for check-ins alike. A message gets
// one clientId for all its tries, so a retry after a timeout or a reconnect can never arrive
// twice (the server answers a repeat with `duplicate`). Until the server answers, the message is
// "sending", never "not sent": one that timed out may still arrive. After GIVE_UP_MS without an
// answer the view says it cannot confirm it, and offers a retry that cannot duplicate it.

/** After this long without an answer, the view says it cannot confirm the message (with a safe retry). */
export const GIVE_UP_MS = 45000;

/** Errors after which the same message, with the same clientId, is sent again after the wait asked for. */
const WAIT_AND_RETRY = new Set(['rate_limited', 'unavailable']);

/**
 * @param {object} how
 * @param {(entry) => Promise<object>} how.send    sends the entry once (with entry.clientId); resolves with the `ok` reply
 * @param {() => boolean} how.connected            whether a request can go now
 * @param {(entry, seq) => boolean} how.delivered  whether the message with this seq is on screen already
 * @param {object} how.view                        {sending(entry), unconfirmed(entry, retry, discard), done(entry)}
 * @param {(entry, error) => void} how.refused     a refusal a retry would not change (the entry is already dropped)
 */
export function createOutbox({ send, connected, delivered, view, refused }) {
  /** clientId -> entry ({clientId, since, seq?, inFlight?, giveUp?} and the caller's own fields) */
  const entries = new Map();

  /** Puts a new message on its way; `fields` are the caller's (its text, its room or check-in). */
  function add(fields) {
    const entry = { ...fields, clientId: crypto.randomUUID(), since: Date.now() };
    entries.set(entry.clientId, entry);
    return entry;
  }

  async function attempt(entry) {
    if (!entries.has(entry.clientId) || entry.inFlight) return;
    if (!connected()) {
      giveUpLater(entry);
      return; // flush() tries again once the connection is back
    }
    entry.inFlight = true;
    view.sending(entry);
    try {
      const reply = await send(entry);
      entry.inFlight = false;
      // Accepted, or a duplicate of a try that got through: the event (or the catch-up after a
      // reconnect) shows it; a message held for the facilitators comes as held_message.
      if (reply.held || delivered(entry, reply.seq)) done(entry);
      else entry.seq = reply.seq;
    } catch (e) {
      entry.inFlight = false;
      if (e.code === 'not_connected' || e.code === 'timeout') {
        if (e.code === 'timeout' && connected() && Date.now() - entry.since < GIVE_UP_MS) attempt(entry);
        else giveUpLater(entry);
      } else if (WAIT_AND_RETRY.has(e.code)) {
        setTimeout(() => attempt(entry), e.retryAfterMs || 1000);
      } else {
        done(entry);
        refused(entry, e);
      }
    }
  }

  /** No answer for a long while: say so, with a retry that cannot duplicate the message. */
  function giveUpLater(entry) {
    if (entry.giveUp) return;
    entry.giveUp = setTimeout(() => {
      entry.giveUp = null;
      if (!entries.has(entry.clientId) || (connected() && entry.inFlight)) return;
      view.unconfirmed(entry, () => {
        entry.since = Date.now();
        attempt(entry);
      }, () => done(entry));
    }, Math.max(0, GIVE_UP_MS - (Date.now() - entry.since)));
  }

  function done(entry) {
    clearTimeout(entry.giveUp);
    entries.delete(entry.clientId);
    view.done(entry);
  }

  return {
    add,
    attempt,
    /** An event carried this clientId from me: that message has arrived. */
    arrived(clientId) {
      const entry = clientId && entries.get(clientId);
      if (entry) done(entry);
    },
    /** Back after a reconnect: what waited (those `which` picks) goes now, in order, with the same clientIds. */
    async flush(which) {
      for (const entry of [...entries.values()]) {
        if (!which(entry)) continue;
        if (entry.seq && delivered(entry, entry.seq)) done(entry);
        else await attempt(entry);
      }
    },
    /** Drops what `which` picks (its room or check-in is gone from the page), without a word. */
    forget(which) {
      for (const entry of [...entries.values()]) {
        if (!which(entry)) continue;
        clearTimeout(entry.giveUp);
        entries.delete(entry.clientId);
      }
    },
  };
}
