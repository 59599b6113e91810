// composer.js: writing and sending. A message gets one clientId for all its tries, so a retry
// after a timeout or a reconnect can never arrive twice (the server answers a repeat with
// `duplicate`). Until the server answers, the message shows as "Sending…", never as "not
// sent": a message that timed out may still arrive. Offline, Enter keeps the text in the box
// and says so, with "Reconnect now". The composer says why it is closed when it is (paused,
// lobby, talking stick, moderated).
import { $, state, isStaffRole } from './dom.js';
import * as messages from './messages.js';
import * as sessions from './sessions.js';

const READY_HINT = 'Enter sends; Shift+Enter starts a new line.';
const OFFLINE_HINT = 'You are offline; your message will wait here. We reconnect by ourselves, or choose “Reconnect now”.';
/** After this long without an answer, the page says it cannot confirm the message (with a safe retry). */
const GIVE_UP_MS = 45000;

/** clientId -> {clientId, room, text, cw, li, since} for my messages not yet confirmed */
const outbox = new Map();
let typedOffline = false;

const REFUSALS = {
  muted: 'You are paused in this group for now. You can keep reading along.',
  no_voice: 'This group is moderated: raise your hand to ask for the floor.',
  too_large: 'That message is too long (at most 4000 characters).',
  not_in_room: 'You are no longer in this group.',
  session_not_open: 'The session has not started yet. You can read along until a facilitator opens it.',
  not_your_turn: 'Someone else has the talking stick. You can write when it is your turn.',
  guidelines_required: 'The guidelines have changed. Please read and accept them above to keep writing.',
};

export function initComposer() {
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    sendMessage();
  });
  $('message-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendMessage();
    }
  });
  $('composer-reconnect').addEventListener('click', () => state.client?.reconnectNow());
  $('reconnect-now').addEventListener('click', () => state.client?.reconnectNow());
  $('hand-button').addEventListener('click', async () => {
    const up = Boolean(state.me?.handRaised);
    try {
      await state.client.request(up ? 'lower_hand' : 'raise_hand', { room: state.roomId });
    } catch {
      $('send-error').textContent = 'That did not work. Please try again.';
    }
  });
}

const connected = () => state.client?.state === 'open';

async function sendMessage() {
  const box = $('message-text');
  const text = box.value;
  if (!text.trim()) return;
  if (!connected()) {
    typedOffline = true;
    $('composer-hint').textContent = OFFLINE_HINT;
    $('composer-reconnect').hidden = false;
    return;
  }
  if (box.readOnly) return; // closed for a reason the hint gives
  if ([...text].length > 4000) {
    $('send-error').textContent = REFUSALS.too_large;
    return;
  }
  const cw = sessions.chosenCw();
  if (cw === null) {
    $('send-error').textContent = 'Write the content warning in a few words, or choose one from the list.';
    $('cw-text').focus();
    return;
  }
  $('send-error').textContent = '';
  const entry = { clientId: crypto.randomUUID(), room: state.roomId, text, cw, since: Date.now() };
  entry.li = messages.addPending(text);
  outbox.set(entry.clientId, entry);
  box.value = '';
  typedOffline = false;
  sessions.resetCw();
  updateComposer();
  attempt(entry);
}

async function attempt(entry) {
  if (!outbox.has(entry.clientId) || entry.inFlight) return;
  if (!connected()) {
    giveUpLater(entry);
    return; // flush() tries again after the rejoin
  }
  entry.inFlight = true;
  messages.pendingSending(entry.li);
  try {
    const reply = await state.client.send(entry.room, entry.text, entry.clientId, entry.cw);
    entry.inFlight = false;
    // Accepted, or a duplicate of a try that got through: the message event (or the rejoin's
    // history) shows it; a message held for the facilitators comes as held_message.
    if (reply.held || messages.hasSeq(reply.seq)) done(entry);
    else entry.seq = reply.seq;
  } catch (e) {
    entry.inFlight = false;
    if (e.code === 'not_connected' || e.code === 'timeout') {
      if (e.code === 'timeout' && connected() && Date.now() - entry.since < GIVE_UP_MS) attempt(entry);
      else giveUpLater(entry);
      return;
    }
    if (e.code === 'rate_limited' || e.code === 'unavailable' || e.code === 'slow_mode') {
      const seconds = Math.ceil((e.retryAfterMs || 1000) / 1000);
      // rate_limited, and unavailable (v1.2: the server could do nothing just now): the same
      // message, same clientId, after the wait the server asked for.
      if (e.code !== 'slow_mode') {
        setTimeout(() => attempt(entry), e.retryAfterMs || 1000);
        return;
      }
      refused(entry, `Slow mode is on. You can send again in ${seconds} s.`);
      return;
    }
    refused(entry, REFUSALS[e.code] || 'The group did not take that message. It is back in the box.');
  }
}

/** No answer for a long while: say so, with a retry that cannot duplicate the message. */
function giveUpLater(entry) {
  if (entry.giveUp) return;
  entry.giveUp = setTimeout(() => {
    entry.giveUp = null;
    if (!outbox.has(entry.clientId) || connected() && entry.inFlight) return;
    messages.pendingUnconfirmed(entry.li, () => {
      entry.since = Date.now();
      attempt(entry);
    }, () => done(entry));
  }, Math.max(0, GIVE_UP_MS - (Date.now() - entry.since)));
}

function done(entry) {
  clearTimeout(entry.giveUp);
  entry.li.remove();
  outbox.delete(entry.clientId);
}

/** A refusal that a retry would not change: the text goes back into the box, with the reason. */
function refused(entry, why) {
  done(entry);
  const box = $('message-text');
  if (!box.value.trim()) box.value = entry.text;
  $('send-error').textContent = why;
}

/** A message event: if it is one of mine on its way, it has arrived. */
export function arrived(m) {
  if (!m.clientId || m.from.id !== state.user?.id) return;
  const entry = outbox.get(m.clientId);
  if (entry) done(entry);
}

/** Back in the room after a reconnect: what waited goes now, in order, with the same clientIds. */
export async function flush(room) {
  for (const entry of [...outbox.values()]) {
    if (entry.room !== room) continue;
    if (entry.seq && messages.hasSeq(entry.seq)) done(entry);
    else await attempt(entry);
  }
  if (typedOffline && $('message-text').value.trim()) {
    $('composer-hint').textContent = 'You are back online. Press Enter to send what you wrote.';
  }
}

/** Leaving a room: what was on its way there is dropped with the room's page. */
export function forgetRoom() {
  for (const entry of outbox.values()) clearTimeout(entry.giveUp);
  outbox.clear();
}

/** The composer and the hand button as the room and my state allow now. */
export function updateComposer() {
  const me = state.me;
  const room = state.room;
  let why = '';
  if (me?.muted) why = 'You are paused in this group for now. You can keep reading along.';
  else if (sessions.composerBlock()) why = sessions.composerBlock();
  else if (room?.moderated && !me?.voice && !isStaffRole(me?.role) && !sessions.hasTurn()) {
    why = 'This group is moderated: raise your hand to ask for the floor.';
  }
  const offline = Boolean(state.client) && !connected();
  $('send-button').disabled = Boolean(why);
  $('message-text').setAttribute('aria-disabled', String(Boolean(why)));
  $('message-text').readOnly = Boolean(why);
  $('composer-reconnect').hidden = !offline;
  if (why) $('composer-hint').textContent = why;
  else if (offline && typedOffline) $('composer-hint').textContent = OFFLINE_HINT;
  else if (offline) $('composer-hint').textContent = 'Reconnecting… You can keep writing; your message will wait here.';
  else if (!typedOffline) $('composer-hint').textContent = READY_HINT;
  const hand = $('hand-button');
  hand.hidden = isStaffRole(me?.role);
  const up = Boolean(me?.handRaised);
  hand.textContent = up ? 'Lower hand' : 'Raise hand';
  hand.setAttribute('aria-pressed', String(up));
}
