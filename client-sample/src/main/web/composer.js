// composer.js: writing and sending. A message gets one clientId for all its tries (retry.js), so
// a retry after a timeout or a reconnect can never arrive twice. Until the server answers, the
// message shows as "Sending…", never as "not sent": a message that timed out may still arrive.
// Offline, Enter keeps the text in the box and says so, with "Reconnect now". The composer says
// why it is closed when it is (paused, lobby, talking stick, moderated).
import { $, state, isStaffRole } from './dom.js';
import * as messages from './messages.js';
import * as sessions from './sessions.js';
import { createOutbox } from './retry.js';

const READY_HINT = 'Enter sends; Shift+Enter starts a new line.';
const OFFLINE_HINT = 'You are offline; your message will wait here. We reconnect by ourselves, or choose “Reconnect now”.';

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

const connected = () => state.client?.state === 'open';

/** My messages on their way to the room, each with one clientId for all its tries. */
const outbox = createOutbox({
  send: (entry) => state.client.send(entry.room, entry.text, entry.clientId, entry.cw),
  connected,
  delivered: (entry, seq) => messages.hasSeq(seq),
  view: {
    sending: (entry) => messages.pendingSending(entry.li),
    unconfirmed: (entry, retry, discard) => messages.pendingUnconfirmed(entry.li, retry, discard),
    done: (entry) => entry.li.remove(),
  },
  // A refusal that a retry would not change: the text goes back into the box, with the reason.
  refused: (entry, e) => {
    const box = $('message-text');
    if (!box.value.trim()) box.value = entry.text;
    $('send-error').textContent = e.code === 'slow_mode'
      ? `Slow mode is on. You can send again in ${Math.ceil((e.retryAfterMs || 1000) / 1000)} s.`
      : REFUSALS[e.code] || 'The group did not take that message. It is back in the box.';
  },
});

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
  const entry = outbox.add({ room: state.roomId, text, cw });
  entry.li = messages.addPending(text);
  box.value = '';
  typedOffline = false;
  sessions.resetCw();
  updateComposer();
  outbox.attempt(entry);
}

/** A message event: if it is one of mine on its way, it has arrived. */
export function arrived(m) {
  if (m.from.id === state.user?.id) outbox.arrived(m.clientId);
}

/** Back in the room after a reconnect: what waited goes now, in order, with the same clientIds. */
export async function flush(room) {
  await outbox.flush((entry) => entry.room === room);
  if (typedOffline && $('message-text').value.trim()) {
    $('composer-hint').textContent = 'You are back online. Press Enter to send what you wrote.';
  }
}

/** Leaving a room: what was on its way there is dropped with the room's page. */
export function forgetRoom() {
  outbox.forget(() => true);
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
