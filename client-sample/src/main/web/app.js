// Haven's web page: the member view and, for facilitators, the facilitation panel.
// Speaks the protocol only through haven-client.js. Every text that comes from the server or
// from people is inserted with textContent, never as HTML.
import { HavenClient } from './haven-client.js';
import { createCare } from './care.js';
import * as sessions from './sessions.js';

const TOKEN_KEY = 'haven.token';
const $ = (id) => document.getElementById(id);

// ---- a token passed in the URL moves to sessionStorage and leaves the address bar ----
function takeTokenFromUrl() {
  const url = new URL(location.href);
  const hash = new URLSearchParams(url.hash.slice(1));
  const token = hash.get('token') || url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  hash.delete('token');
  url.searchParams.delete('token');
  const rest = hash.toString();
  history.replaceState(null, '', url.pathname + url.search + (rest ? `#${rest}` : ''));
}
takeTokenFromUrl();

const state = {
  client: null,
  user: null,
  rooms: [],            // the directory
  room: null,           // the room object of the room on screen
  roomId: null,
  members: new Map(),   // id -> member object
  messages: new Map(),  // seq -> <li>
  me: null,             // my member object in the room
  pendingGuidelines: null,
  reportSeq: null,
  memberTarget: null,
  waiting: new Map(),   // id -> {name, ts}
};

// ---- small DOM helpers ----
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}
const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
function show(id, visible) { $(id).hidden = !visible; }
const isStaffRole = (role) => role === 'facilitator' || role === 'supervisor';
function isFacilitatorHere() { return isStaffRole(state.me?.role); }

function notice(text, tone = 'calm') {
  const item = el('div', { class: `notice ${tone}` }, el('p', { text }));
  item.append(el('button', { type: 'button', class: 'quiet small', text: 'Dismiss', 'aria-label': 'Dismiss notice',
    onclick: () => item.remove() }));
  $('notices').append(item);
  while ($('notices').children.length > 4) $('notices').firstElementChild.remove();
  return item;
}

// Duty of care: support notices, crisis alerts, helplines (care.js).
const care = createCare({ $, el, time, state, notice });

// ---- status ----
function renderStatus(detail) {
  const s = $('status');
  s.dataset.state = detail.state;
  if (detail.state === 'open') s.textContent = 'Connected';
  else if (detail.state === 'connecting') s.textContent = 'Connecting…';
  else if (detail.state === 'reconnecting') {
    s.textContent = detail.delayMs ? `Connection lost. Reconnecting in ${Math.ceil(detail.delayMs / 1000)} s…` : 'Reconnecting…';
    if (state.roomId) $('send-button').disabled = true;
  } else if (detail.state === 'closed') s.textContent = 'Not connected';
}

// ---- sign in ----
async function signIn({ token, name }) {
  $('signin-error').textContent = '';
  const client = new HavenClient({ url: HavenClient.defaultUrl(location), token, name });
  state.client = client;
  client.addEventListener('status', (e) => {
    renderStatus(e.detail);
    if (e.detail.state === 'open') updateComposer();
    if (e.detail.state === 'closed' && e.detail.code === 4001) {
      sessionStorage.removeItem(TOKEN_KEY);
      $('signin-error').textContent = 'This token was not accepted. It may have expired; ask for a new one.';
      resetToSignIn();
    }
  });
  client.addEventListener('message', (e) => addMessage(e.detail, true));
  client.addEventListener('presence', (e) => onPresence(e.detail));
  client.addEventListener('notice', (e) => onNotice(e.detail));
  client.addEventListener('alert', (e) => onAlert(e.detail));
  client.addEventListener('message_deleted', (e) => onDeleted(e.detail));
  client.addEventListener('room_updated', (e) => onRoomUpdated(e.detail.room));
  client.addEventListener('resource', (e) => care.onResource(e.detail));
  client.addEventListener('held_message', (e) => care.onHeldMessage(e.detail));
  client.addEventListener('round', (e) => { if (e.detail.room === state.roomId) sessions.onRound(e.detail); });
  client.addEventListener('mood_poll', (e) => { if (e.detail.room === state.roomId) sessions.onMoodPoll(e.detail); });
  client.addEventListener('mood_summary', (e) => { if (e.detail.room === state.roomId) sessions.onMoodSummary(e.detail); });
  client.addEventListener('rejoined', (e) => onRejoined(e.detail));
  client.addEventListener('rejoin_failed', (e) => {
    if (e.detail.room === state.roomId) {
      notice(e.detail.error?.code === 'guidelines_required'
        ? 'The group\'s guidelines changed while you were away. Please read and accept them again from the list.'
        : 'We could not bring you back into the group after reconnecting. You can join it again from the list.');
      closeRoom();
    }
  });
  try {
    state.user = await client.connect();
  } catch (e) {
    $('signin-error').textContent = e.code === 'unauthenticated'
      ? 'This token was not accepted. It may have expired; ask for a new one.'
      : `That name cannot be used: ${e.message || 'use 1–32 letters, numbers or spaces'}.`;
    if (token) sessionStorage.removeItem(TOKEN_KEY);
    state.client = null;
    return;
  }
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  $('whoami').textContent = `Signed in as ${state.user.name}${isStaffRole(state.user.role) ? ` (${state.user.role})` : ''}`;
  show('whoami', true);
  show('sign-out', true);
  show('signin', false);
  show('directory', true);
  await loadRooms();
  $('directory-title').focus?.();
}

function resetToSignIn() {
  state.client = null;
  care.reset();
  show('signin', true);
  show('directory', false);
  show('guidelines', false);
  show('room', false);
  show('whoami', false);
  show('sign-out', false);
}

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = $('signin-token').value.trim();
  const name = $('signin-name').value.trim();
  if (!token && !name) {
    $('signin-error').textContent = 'Choose a pseudonym, or paste a token.';
    $('signin-name').focus();
    return;
  }
  signIn(token ? { token } : { name });
});

$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  state.client?.close();
  closeRoom();
  resetToSignIn();
  $('signin-name').focus();
});

// ---- directory ----
async function loadRooms() {
  try {
    const reply = await state.client.listRooms({ category: $('filter-category').value, q: $('filter-q').value });
    state.rooms = reply.rooms;
  } catch {
    return;
  }
  const list = $('room-list');
  list.replaceChildren();
  for (const room of state.rooms) {
    const flags = [room.locked ? 'locked' : null, room.admission === 'approval' ? 'join by approval' : null]
      .filter(Boolean).join(', ');
    list.append(el('li', { class: 'room-card' },
      el('h3', { text: room.name }),
      el('p', { class: 'hint', text: `${room.topic} · ${room.members} of ${room.capacity} here${flags ? ` · ${flags}` : ''}` }),
      el('button', { type: 'button', text: `Open ${room.name}`, onclick: () => openGuidelines(room) })));
  }
  show('directory-empty', state.rooms.length === 0);
}
let filterTimer = null;
$('filter').addEventListener('submit', (e) => { e.preventDefault(); loadRooms(); });
$('filter-category').addEventListener('change', () => loadRooms());
$('filter-q').addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(loadRooms, 200);
});

// ---- guidelines and join ----
function openGuidelines(room) {
  state.pendingGuidelines = room;
  $('guidelines-title').textContent = room.name;
  $('guidelines-topic').textContent = room.topic;
  const text = $('guidelines-text');
  text.replaceChildren();
  for (const line of (room.guidelines || 'This group has no written guidelines.').split('\n')) {
    text.append(el('p', { text: line }));
  }
  $('guidelines-accept').checked = false;
  $('join-button').disabled = Boolean(room.guidelines);
  $('guidelines-accept').closest('label').hidden = !room.guidelines;
  $('join-error').textContent = '';
  show('directory', false);
  show('guidelines', true);
  $('guidelines-title').focus();
}
$('guidelines-accept').addEventListener('change', (e) => { $('join-button').disabled = !e.target.checked; });
$('guidelines-back').addEventListener('click', () => {
  show('guidelines', false);
  show('directory', true);
  loadRooms();
});
$('join-button').addEventListener('click', () => join(state.pendingGuidelines));

async function join(room) {
  $('join-error').textContent = '';
  let reply;
  try {
    reply = await state.client.join(room.id, { acceptGuidelines: $('guidelines-accept').checked || !room.guidelines,
      guidelinesVersion: room.guidelines ? room.guidelinesVersion : undefined });
  } catch (e) {
    if (e.code === 'guidelines_required' && $('guidelines-accept').checked) {
      // The guidelines changed since the list was loaded: show the new ones.
      await loadRooms();
      const fresh = state.rooms.find((r) => r.id === room.id);
      if (fresh) openGuidelines(fresh);
      $('join-error').textContent = 'The guidelines have just changed. Please read them again.';
      return;
    }
    const why = {
      banned: 'You cannot join this group at the moment.',
      room_locked: 'This group is not taking new members right now. Please try again later.',
      room_full: 'This group is full right now. Please try again a little later.',
      guidelines_required: 'Please read and accept the guidelines first.',
    }[e.code] || 'Joining did not work. Please try again.';
    $('join-error').textContent = why;
    return;
  }
  if (reply.waiting) {
    $('join-error').textContent = 'Thank you. A facilitator will let you in shortly; please stay on this page.';
    return;
  }
  enterRoom(reply);
}

function enterRoom(reply) {
  state.room = reply.room;
  state.roomId = reply.room.id;
  state.messages.clear();
  state.waiting.clear();
  $('messages').replaceChildren();
  $('reports').replaceChildren(el('li', { class: 'hint empty', text: 'No reports.' }));
  $('waiting').replaceChildren();
  setMembers(reply.members);
  sessions.enterRoom(reply);
  for (const m of reply.history) addMessage(m, false);
  if (reply.gap) addNote('Some earlier messages are no longer available.');
  onRoomUpdated(reply.room);
  show('guidelines', false);
  show('directory', false);
  show('room', true);
  show('facilitator', isFacilitatorHere());
  care.enterRoom();
  updateComposer();
  $('message-text').focus();
}

function closeRoom() {
  state.room = null;
  state.roomId = null;
  state.me = null;
  state.members.clear();
  state.messages.clear();
  sessions.leaveRoom();
  show('room', false);
  if (state.client) {
    show('directory', true);
    loadRooms();
  }
}

$('leave-button').addEventListener('click', async () => {
  const room = state.roomId;
  closeRoom();
  try { await state.client.leave(room); } catch { /* already out */ }
  $('directory-title').setAttribute('tabindex', '-1');
  $('directory-title').focus();
});

// ---- messages ----
function addMessage(m, live) {
  if (m.room !== state.roomId || state.messages.has(m.seq)) return;
  const mine = m.from.id === state.user?.id;
  const li = el('li', { class: `message${mine ? ' mine' : ''}`, 'data-seq': String(m.seq) },
    el('div', { class: 'meta' },
      el('span', { class: 'from', text: m.from.name }),
      isStaffRole(m.from.role) ? el('span', { class: 'badge', text: m.from.role }) : null,
      el('time', { datetime: new Date(m.ts).toISOString(), text: time(m.ts) })),
    sessions.messageBody(m, mine));
  const tools = el('div', { class: 'tools' });
  if (!mine) {
    tools.append(el('button', { type: 'button', class: 'quiet small', text: 'Report',
      'aria-label': `Report message from ${m.from.name}`, onclick: () => openReport(m) }));
  }
  if (isFacilitatorHere()) {
    tools.append(el('button', { type: 'button', class: 'quiet small', text: 'Delete',
      'aria-label': `Delete message from ${m.from.name}`, onclick: () => command('delete', { seq: m.seq }) }));
  }
  if (tools.children.length) li.append(tools);
  // In seq order, whatever order replies and events arrived in.
  let after = null;
  for (const [seq, node] of state.messages) if (seq > m.seq && (!after || seq < Number(after.dataset.seq))) after = node;
  $('messages').insertBefore(li, after);
  state.messages.set(m.seq, li);
  if (live) li.scrollIntoView({ block: 'nearest' });
}

function addNote(text) {
  $('messages').append(el('li', { class: 'note', text }));
}

function onDeleted({ room, seq }) {
  if (room !== state.roomId) return;
  const li = state.messages.get(seq);
  if (li) li.replaceChildren(el('p', { class: 'hint', text: 'A facilitator removed this message.' }));
}

function onRejoined({ room, reply, restarted }) {
  if (room !== state.roomId) return;
  if (reply.waiting) {
    closeRoom();
    notice('The group now admits by approval. A facilitator will let you back in shortly.');
    return;
  }
  if (restarted) {
    // The server restarted: seq numbers begin again, so earlier messages stay as they are, unnumbered.
    for (const li of state.messages.values()) li.removeAttribute('data-seq');
    state.messages.clear();
    addNote('The server restarted. Messages from before are shown above but are no longer kept.');
  }
  setMembers(reply.members);
  onRoomUpdated(reply.room);
  sessions.rejoined(reply);
  for (const m of reply.history) addMessage(m, true);
  if (reply.gap) addNote('Some earlier messages are no longer available.');
  if (isFacilitatorHere()) show('facilitator', true);
  updateComposer();
}

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

async function sendMessage() {
  const box = $('message-text');
  const text = box.value;
  if (!text.trim() || $('send-button').disabled) return;
  if ([...text].length > 4000) {
    $('send-error').textContent = 'That message is too long (at most 4000 characters).';
    return;
  }
  const cw = sessions.chosenCw();
  if (cw === null) {
    $('send-error').textContent = 'Write the content warning in a few words, or choose one from the list.';
    $('cw-text').focus();
    return;
  }
  $('send-error').textContent = '';
  try {
    await state.client.send(state.roomId, text, crypto.randomUUID(), cw);
    box.value = '';
    sessions.resetCw();
  } catch (e) {
    $('send-error').textContent = {
      muted: 'You are paused in this group for now. You can keep reading along.',
      no_voice: 'This group is moderated: raise your hand to ask for the floor.',
      slow_mode: `Slow mode is on. You can send again in ${Math.ceil((e.retryAfterMs || 1000) / 1000)} s.`,
      rate_limited: 'That was quick. Please wait a moment and send again.',
      too_large: 'That message is too long (at most 4000 characters).',
      not_in_room: 'You are no longer in this group.',
      session_not_open: 'The session has not started yet. You can read along until a facilitator opens it.',
      not_your_turn: 'Someone else has the talking stick. You can write when it is your turn.',
      guidelines_required: 'The guidelines have changed. Please read and accept them above to keep writing.',
      not_connected: 'Not connected right now. Your message is still in the box; send it once we are back.',
    }[e.code] || 'Your message was not sent. Please try again.';
  }
}

function updateComposer() {
  const me = state.me;
  const room = state.room;
  const connected = state.client?.state === 'open';
  let why = '';
  if (!connected) why = 'Waiting for the connection…';
  else if (me?.muted) why = 'You are paused in this group for now. You can keep reading along.';
  else if (sessions.composerBlock()) why = sessions.composerBlock();
  else if (room?.moderated && !me?.voice && !sessions.hasTurn()) why = 'This group is moderated: raise your hand to ask for the floor.';
  $('send-button').disabled = Boolean(why);
  $('message-text').setAttribute('aria-disabled', String(Boolean(why)));
  $('message-text').readOnly = Boolean(why);
  $('composer-hint').textContent = why || 'Enter sends; Shift+Enter starts a new line.';
  const hand = $('hand-button');
  const up = Boolean(me?.handRaised);
  hand.textContent = up ? 'Lower hand' : 'Raise hand';
  hand.setAttribute('aria-pressed', String(up));
}

// ---- presence ----
function setMembers(members) {
  state.members = new Map(members.map((m) => [m.id, m]));
  state.me = state.members.get(state.user?.id) || state.me;
  renderPresence();
}

function onPresence({ room, event, member }) {
  if (room !== state.roomId) return;
  if (event === 'leave') state.members.delete(member.id);
  else state.members.set(member.id, member);
  if (event === 'join') {
    state.waiting.delete(member.id);
    renderWaiting();
  }
  if (member.id === state.user?.id) state.me = member;
  renderPresence();
  updateComposer();
}

function renderPresence() {
  const list = $('presence');
  list.replaceChildren();
  for (const m of state.members.values()) {
    const bits = [];
    if (isStaffRole(m.role)) bits.push(m.role);
    if (m.handRaised) bits.push('hand raised');
    if (m.voice && !isStaffRole(m.role)) bits.push('has the floor');
    if (m.muted) bits.push('muted');
    const li = el('li', { class: 'member' },
      el('span', { class: 'name', text: m.name + (m.id === state.user?.id ? ' (you)' : '') }),
      bits.length ? el('span', { class: 'hint', text: ` · ${bits.join(', ')}` }) : null);
    if (isFacilitatorHere() && !isStaffRole(m.role)) {
      li.append(el('button', { type: 'button', class: 'quiet small', text: 'Actions',
        'aria-label': `Actions for ${m.name}`, onclick: () => openMemberDialog(m) }));
    }
    list.append(li);
  }
  renderHands();
  sessions.presenceChanged();
}

$('hand-button').addEventListener('click', async () => {
  const up = Boolean(state.me?.handRaised);
  try {
    await state.client.request(up ? 'lower_hand' : 'raise_hand', { room: state.roomId });
  } catch {
    $('send-error').textContent = 'That did not work. Please try again.';
  }
});

// ---- report ----
function openReport(m) {
  state.reportSeq = m.seq;
  $('report-reason').value = '';
  $('report-dialog').returnValue = '';
  $('report-dialog').showModal();
}
$('report-dialog').addEventListener('close', async () => {
  if ($('report-dialog').returnValue !== 'send' || state.reportSeq === null) return;
  const reason = $('report-reason').value.trim();
  try {
    await state.client.request('report', { room: state.roomId, seq: state.reportSeq, ...(reason ? { reason } : {}) });
    notice('Thank you. The facilitators have your report.');
  } catch {
    notice('Your report could not be sent. Please try again.');
  }
  state.reportSeq = null;
});

// ---- private notices ----
function onNotice(n) {
  if (care.onNotice(n)) return;
  const roomName = state.rooms.find((r) => r.id === n.room)?.name || state.room?.name || 'this group';
  if (sessions.onNotice(n, roomName)) {
    if (n.kind === 'session_closed' && n.room === state.roomId) closeRoom();
    updateComposer();
    return;
  }
  const until = n.until ? ` until ${time(n.until)}` : ' for now';
  const because = n.reason ? ` Their note: “${n.reason}”` : '';
  switch (n.kind) {
    case 'muted':
      notice(`A facilitator has paused your messages in ${roomName}${until}. You can keep reading along.${because}`);
      if (state.me && n.room === state.roomId) state.me = { ...state.me, muted: true };
      break;
    case 'unmuted':
      notice(`You can send messages in ${roomName} again.`);
      if (state.me && n.room === state.roomId) state.me = { ...state.me, muted: false };
      break;
    case 'removed':
      notice(`A facilitator has asked you to step out of ${roomName} for now. You are welcome to come back later.${because}`);
      if (n.room === state.roomId) closeRoom();
      break;
    case 'banned':
      notice(`You cannot rejoin ${roomName}${until}. Other groups are still open to you.${because}`);
      if (n.room === state.roomId) closeRoom();
      break;
    case 'warning':
      notice(`A private note from the facilitators of ${roomName}: “${n.reason || ''}”`);
      break;
    case 'voice':
      notice(n.granted ? `You have the floor in ${roomName}. Go ahead when you are ready.`
        : `The floor in ${roomName} has moved on. Raise your hand when you want to speak again.`);
      break;
    case 'admitted':
      notice(`A facilitator has let you into ${roomName}.`);
      if (state.pendingGuidelines?.id === n.room) join(state.pendingGuidelines);
      break;
    case 'denied':
      notice(`The facilitators could not let you into ${roomName} right now.`);
      $('join-error').textContent = '';
      break;
    default:
      // A kind a newer server added: still a private word for this member, so it is shown, calmly.
      notice(`A note about ${roomName} that this page does not know how to show yet.${because}`);
      break;
  }
  updateComposer();
}

// ---- facilitator view ----
async function command(type, fields) {
  try {
    return await state.client.request(type, { room: state.roomId, ...fields });
  } catch (e) {
    notice(e.code === 'forbidden' ? 'Facilitators cannot act on one another.' : `That did not work (${e.code}).`);
    return null;
  }
}

function onAlert(a) {
  if (care.onAlert(a) || sessions.onAlert(a)) return;
  if (a.room !== state.roomId) return;
  if (a.kind === 'waiting') {
    state.waiting.set(a.member, { name: a.name, ts: a.ts });
    renderWaiting();
  } else if (a.kind === 'report') {
    const about = a.name ? `message ${a.seq} by ${a.name}` : `message ${a.seq}`;
    const reporter = state.members.get(a.by)?.name || a.by;
    const li = el('li', { class: 'alert-item' },
      el('p', { text: `${time(a.ts)}: ${reporter} reported ${about}.` }),
      a.reason ? el('p', { class: 'hint', text: `“${a.reason}”` }) : null);
    const target = state.messages.get(a.seq);
    if (target) {
      target.classList.add('reported');
      li.append(el('button', { type: 'button', class: 'quiet small', text: 'Show message',
        onclick: () => { target.setAttribute('tabindex', '-1'); target.focus(); } }));
    }
    $('reports').querySelector('.empty')?.remove();
    $('reports').prepend(li);
  }
  // hand_raised: the queue comes from presence (handRaised), which arrives with it.
}

function renderHands() {
  const list = $('hands');
  list.replaceChildren();
  const raised = [...state.members.values()].filter((m) => m.handRaised).sort((a, b) => a.handRaised - b.handRaised);
  for (const m of raised) {
    list.append(el('li', {},
      el('span', { text: `${m.name} (since ${time(m.handRaised)}) ` }),
      el('button', { type: 'button', class: 'quiet small', text: 'Give the floor', 'aria-label': `Give the floor to ${m.name}`,
        onclick: () => command('voice', { user: m.id, granted: true }) }),
      el('button', { type: 'button', class: 'quiet small', text: 'Lower', 'aria-label': `Lower the hand of ${m.name}`,
        onclick: () => command('lower_hand', { user: m.id }) })));
  }
  if (!raised.length) list.append(el('li', { class: 'hint', text: 'No hands raised.' }));
}

function renderWaiting() {
  const list = $('waiting');
  list.replaceChildren();
  for (const [id, w] of state.waiting) {
    const done = () => { state.waiting.delete(id); renderWaiting(); };
    list.append(el('li', {},
      el('span', { text: `${w.name} (since ${time(w.ts)}) ` }),
      el('button', { type: 'button', class: 'small', text: 'Admit', 'aria-label': `Admit ${w.name}`,
        onclick: async () => { if (await command('admit', { user: id })) done(); } }),
      el('button', { type: 'button', class: 'quiet small', text: 'Deny', 'aria-label': `Deny ${w.name}`,
        onclick: async () => { if (await command('deny', { user: id })) done(); } })));
  }
  if (!state.waiting.size) list.append(el('li', { class: 'hint', text: 'Nobody is waiting.' }));
}

function onRoomUpdated(room) {
  if (room.id !== state.roomId) return;
  state.room = room;
  $('room-title').textContent = room.name;
  const flags = [];
  if (room.locked) flags.push('locked to new members');
  if (room.moderated) flags.push('moderated: raise your hand to ask for the floor');
  if (room.slowModeSeconds) flags.push(`slow mode: one message every ${room.slowModeSeconds} s`);
  if (room.admission === 'approval') flags.push('new members join by approval');
  $('room-flags').textContent = `${room.topic}${flags.length ? ` · ${flags.join(' · ')}` : ''}`;
  $('set-locked').checked = room.locked;
  $('set-moderated').checked = room.moderated;
  $('set-slow').value = String(room.slowModeSeconds);
  $('set-admission').value = room.admission;
  sessions.roomUpdated(room);
  updateComposer();
}

$('settings').addEventListener('submit', async (e) => {
  e.preventDefault();
  const slow = Number.parseInt($('set-slow').value, 10);
  const ok = await command('set_room', {
    locked: $('set-locked').checked,
    moderated: $('set-moderated').checked,
    slowModeSeconds: Number.isFinite(slow) ? Math.min(3600, Math.max(0, slow)) : 0,
    admission: $('set-admission').value,
  });
  $('settings-result').textContent = ok ? 'Settings applied.' : 'Settings were not changed.';
});

$('stats-button').addEventListener('click', async () => {
  const reply = await command('stats', {});
  if (!reply) return;
  const dominant = new Set(reply.dominant);
  const body = $('stats').tBodies[0];
  body.replaceChildren();
  for (const m of reply.members) {
    const isDominant = dominant.has(m.id);
    body.append(el('tr', { class: isDominant ? 'dominant' : '' },
      el('th', { scope: 'row', text: m.name + (isDominant ? ' (dominant)' : '') }),
      el('td', { text: String(m.messages) }),
      el('td', { text: `${Math.round(m.share * 100)} %` })));
  }
  $('stats-caption').textContent = `Last ${Math.round(reply.windowSeconds / 60)} minutes`;
  show('stats', true);
});

$('audit-button').addEventListener('click', async () => {
  const reply = await command('audit', { limit: 50 });
  if (!reply) return;
  const names = (id) => state.members.get(id)?.name || id;
  const list = $('audit');
  list.replaceChildren();
  for (const entry of reply.entries) {
    const target = entry.target ? ` → ${names(entry.target)}` : '';
    const reason = entry.reason ? ` (${entry.reason})` : '';
    list.append(el('li', { text: `${time(entry.ts)} ${names(entry.actor)}: ${entry.action}${target}${reason}` }));
  }
  if (!reply.entries.length) list.append(el('li', { class: 'hint', text: 'No actions yet.' }));
});

function openMemberDialog(m) {
  state.memberTarget = m;
  $('member-title').textContent = `Actions for ${m.name}`;
  const bits = [m.muted ? 'muted' : 'not muted', m.voice ? 'has the floor' : 'no floor', m.handRaised ? 'hand raised' : 'hand down'];
  $('member-state').textContent = bits.join(' · ');
  $('member-reason').value = '';
  $('member-dialog').returnValue = '';
  $('member-dialog').showModal();
}

$('member-dialog').addEventListener('close', async () => {
  const action = $('member-dialog').returnValue;
  const m = state.memberTarget;
  state.memberTarget = null;
  if (!m || !action || action === 'cancel') return;
  const reason = $('member-reason').value.trim();
  const duration = $('member-duration').value;
  const seconds = duration ? { seconds: Number(duration) } : {};
  const withReason = reason ? { reason } : {};
  const user = m.id;
  const done = {
    mute: () => command('mute', { user, ...seconds, ...withReason }),
    unmute: () => command('unmute', { user }),
    'voice-on': () => command('voice', { user, granted: true }),
    'voice-off': () => command('voice', { user, granted: false }),
    lower: () => command('lower_hand', { user }),
    warn: () => (reason ? command('warn', { user, text: reason })
      : Promise.resolve(notice('Write the private note first, then choose “Send private warning”.'))),
    remove: () => command('remove', { user, ...withReason }),
    ban: () => command('ban', { user, ...seconds, ...withReason }),
  }[action];
  if (done) await done();
});

sessions.initSessions({
  $, el, time, notice, command,
  client: () => state.client,
  state: () => state,
  refreshComposer: () => updateComposer(),
});

// ---- start ----
const stored = sessionStorage.getItem(TOKEN_KEY);
if (stored) signIn({ token: stored });
else $('signin-name').focus();
