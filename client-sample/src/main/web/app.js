// Haven's web page: signing in, the room on screen, and the wiring between the connection and
// the page's modules (one per panel or concern: directory, messages, composer, notices, people,
// moderation, console, audit, attention, care, checkins, reports, sessions, service, welcome).
// Speaks the protocol only through haven-client.js. Every text that comes from the server or
// from people is inserted with textContent, never as HTML.
import { HavenClient } from './haven-client.js';
import { $, el, time, show, state, isFacilitatorHere, nameWithRole, rememberName } from './dom.js';
import { createCare } from './care.js';
import * as sessions from './sessions.js';
import * as messages from './messages.js';
import * as composer from './composer.js';
import * as notices from './notices.js';
import * as people from './people.js';
import * as directory from './directory.js';
import * as consoleTabs from './console.js';
import { initModeration, openMemberDialog } from './moderation.js';
import { refreshAudit, refreshStats } from './audit.js';
import { initAttention, notify, setUnread } from './attention.js';
import * as checkins from './checkins.js';
import * as service from './service.js';
import * as reports from './reports.js';
import { loadSite, initQuickExit } from './welcome.js';

// What survives a reload of this tab, and nothing longer: sessionStorage ends with the tab.
const TOKEN_KEY = 'haven.token';
const GUEST_KEY = 'haven.guest';   // {name, resume}
const ROOM_KEY = 'haven.room';     // {id, accepted, version}: the room to go back to

const stored = (key) => { try { return JSON.parse(sessionStorage.getItem(key)); } catch { return null; } };
const store = (key, value) => sessionStorage.setItem(key, JSON.stringify(value));

// ---- a token (or an alert's link) passed in the URL moves to sessionStorage and leaves the address bar ----
function takeTokenFromUrl() {
  const url = new URL(location.href);
  const hash = new URLSearchParams(url.hash.slice(1));
  const token = hash.get('token') || url.searchParams.get('token');
  service.takeLink(hash);
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  hash.delete('token');
  url.searchParams.delete('token');
  const rest = hash.toString();
  history.replaceState(null, '', url.pathname + url.search + (rest ? `#${rest}` : ''));
}
takeTokenFromUrl();

/** What the page's modules get from it. */
const page = {
  notice: (note) => notices.showNote(typeof note === 'string' ? { text: note } : note),
  command,
  counters: { set: consoleTabs.setCount },
  attention: notify,
  openMemberDialog,
  showAlerts: () => { if (isFacilitatorHere()) consoleTabs.selectTab('alerts'); },
  addNote: messages.addNote,
  enterRoom,
  openCheckin: checkins.open,
  dropNotice: notices.dropNote,
  status: consoleTabs.status,
  setUnread,
  selectConsoleTab: consoleTabs.selectTab,
};
const care = createCare(page);

// ---- status ----
function renderStatus(detail) {
  const s = $('status');
  s.dataset.state = detail.state;
  if (detail.state === 'open') s.textContent = 'Connected';
  else if (detail.state === 'connecting') s.textContent = 'Connecting…';
  else if (detail.state === 'reconnecting') {
    s.textContent = detail.delayMs ? `Connection lost. Reconnecting in ${Math.ceil(detail.delayMs / 1000)} s…` : 'Connection lost. Reconnecting…';
  } else if (detail.state === 'closed') s.textContent = 'Not connected';
  $('reconnect-now').hidden = detail.state !== 'reconnecting';
}

// ---- signing in, and coming back after a reload ----
async function signIn({ token, name, resume }) {
  $('signin-error').textContent = '';
  const client = new HavenClient({ url: HavenClient.defaultUrl(location), token, name, resume });
  state.client = client;
  client.addEventListener('status', (e) => onStatus(e.detail, { token, name }));
  client.addEventListener('message', (e) => { messages.addMessage(e.detail, true); composer.arrived(e.detail); });
  client.addEventListener('presence', (e) => onPresence(e.detail));
  client.addEventListener('notice', (e) => onNotice(e.detail));
  client.addEventListener('alert', (e) => onAlert(e.detail));
  client.addEventListener('message_deleted', (e) => messages.onDeleted(e.detail));
  client.addEventListener('room_updated', (e) => onRoomUpdated(e.detail.room));
  client.addEventListener('resource', (e) => care.onResource(e.detail));
  client.addEventListener('held_message', (e) => care.onHeldMessage(e.detail));
  client.addEventListener('checkin', (e) => checkins.onCheckin(e.detail));
  client.addEventListener('checkin_ended', (e) => checkins.onCheckin(e.detail));
  client.addEventListener('checkin_message', (e) => checkins.onMessage(e.detail));
  client.addEventListener('checkins_found', () => checkins.onFound());
  client.addEventListener('announcement', (e) => service.onAnnouncement(e.detail));
  client.addEventListener('duty', (e) => service.onDutyReply(e.detail));
  client.addEventListener('round', (e) => { if (e.detail.room === state.roomId) sessions.onRound(e.detail); });
  client.addEventListener('mood_poll', (e) => { if (e.detail.room === state.roomId) sessions.onMoodPoll(e.detail); });
  client.addEventListener('mood_summary', (e) => { if (e.detail.room === state.roomId) sessions.onMoodSummary(e.detail); });
  client.addEventListener('rejoined', (e) => onRejoined(e.detail));
  client.addEventListener('rejoin_failed', (e) => {
    if (e.detail.room !== state.roomId) return;
    page.notice({ key: 'join', text: e.detail.error?.code === 'guidelines_required'
      ? 'The group\'s guidelines changed while you were away. Please read and accept them again from the list.'
      : 'We could not bring you back into the group after reconnecting. You can join it again from the list.' });
    closeRoom();
  });
  client.addEventListener('resume_refused', () => {
    page.notice({ key: 'identity', text: 'Your earlier visit could not be resumed, so you are here as a new guest under the same name.' });
  });
  try {
    state.user = await client.connect();
  } catch (e) {
    $('signin-error').textContent = e.code === 'unauthenticated' && token
      ? service.refusedTokenWords(token, e)
      : `That name cannot be used: ${e.message || 'use 1–32 letters, numbers or spaces'}.`;
    if (token) sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(GUEST_KEY);
    state.client = null;
    show('signin', true);
    return;
  }
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  show('whoami', true);
  show('sign-out', true);
  service.signedIn();
  if (await service.followLink()) return;
  const back = stored(ROOM_KEY);
  if (back) {
    await directory.loadRooms();
    const room = state.rooms.find((r) => r.id === back.id);
    if (room && await directory.join(room, { accepted: back.accepted, version: back.version })) return;
    if (room && state.waitingFor) return;
    sessionStorage.removeItem(ROOM_KEY);
  }
  directory.showDirectory({ focus: true });
}

/** Every hello (the first and each reconnect's) says who I am now: a restart may have changed it. */
function onStatus(detail, { token, name }) {
  renderStatus(detail);
  if (detail.state === 'open') {
    const before = state.user?.id;
    state.user = detail.user;
    rememberName(detail.user.id, detail.user.name);
    $('whoami').textContent = `Signed in as ${nameWithRole(detail.user.name, detail.user.role)}`;
    if (!token) store(GUEST_KEY, { name: detail.user.name || name, resume: detail.resume });
    if (before && before !== detail.user.id) messages.rerenderAll();
  }
  if (detail.state === 'closed' && detail.code === 4001 && state.user) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('signin-error').textContent = service.refusedTokenWords(token || '', detail.error);
    resetToSignIn();
  }
  composer.updateComposer();
}

function resetToSignIn() {
  state.client = null;
  state.user = null;
  care.reset();
  checkins.reset();
  service.signedOut();
  notices.clearNotes();
  for (const id of ['directory', 'guidelines', 'waiting-panel', 'room', 'whoami', 'sign-out', 'reconnect-now']) show(id, false);
  show('signin', true);
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
  show('signin', false);
  signIn(token ? { token } : { name });
});

$('sign-out').addEventListener('click', () => {
  sessionStorage.clear();
  state.client?.close();
  closeRoom({ toDirectory: false });
  resetToSignIn();
  $('signin-name').value = '';
  $('signin-name').focus();
});

// ---- the room on screen ----
function enterRoom(reply, consent) {
  state.room = reply.room;
  state.roomId = reply.room.id;
  state.names.clear();
  notices.clearPageNotes();
  store(ROOM_KEY, { id: reply.room.id, accepted: consent.accepted, version: consent.version });
  messages.clearMessages();
  reports.clearReports();
  people.enterRoom(reply.members);
  sessions.enterRoom(reply);
  for (const m of reply.history) messages.addMessage(m, false);
  if (reply.gap) messages.addNote('Some earlier messages are no longer available.');
  onRoomUpdated(reply.room);
  for (const id of ['guidelines', 'directory', 'waiting-panel', 'signin']) show(id, false);
  show('room', true);
  service.enterRoom();
  showConsole(isFacilitatorHere());
  const alertShown = care.enterRoom();
  composer.updateComposer();
  if (!alertShown) $('message-text').focus();
}

function closeRoom({ toDirectory = true } = {}) {
  notices.moveNotesToPage();
  state.room = null;
  state.roomId = null;
  state.me = null;
  state.members.clear();
  sessionStorage.removeItem(ROOM_KEY);
  messages.clearMessages();
  composer.forgetRoom();
  sessions.leaveRoom();
  showConsole(false);
  show('room', false);
  if (state.client && toDirectory) directory.showDirectory();
}

$('leave-button').addEventListener('click', async () => {
  const room = state.roomId;
  closeRoom();
  try { await state.client.leave(room); } catch { /* already out */ }
  $('directory-title').focus();
});

/** The console shows for staff in a room; the check-ins go into it, or into their own panel. */
function showConsole(visible) {
  consoleTabs.showConsole(visible);
  checkins.place();
}

function onRejoined({ room, reply, restarted }) {
  if (room !== state.roomId) return;
  if (reply.waiting) {
    closeRoom();
    page.notice({ key: 'join', text: 'The group now admits by approval. A facilitator will let you back in shortly.' });
    return;
  }
  if (restarted) messages.restarted();
  people.setMembers(reply.members);
  onRoomUpdated(reply.room);
  sessions.rejoined(reply);
  for (const m of reply.history) { messages.addMessage(m, true); composer.arrived(m); }
  if (reply.gap) messages.addNote('Some earlier messages are no longer available.');
  showConsole(isFacilitatorHere());
  messages.rerenderAll();
  composer.updateComposer();
  composer.flush(room);
}

function onPresence(p) {
  if (p.room !== state.roomId) return;
  people.onPresence(p);
  sessions.presenceChanged();
  care.presenceChanged();
  composer.updateComposer();
}

// ---- private notices ----
function onNotice(n) {
  if (care.onNotice(n) || checkins.onNotice(n) || service.onNotice(n) || directory.onAdmission(n)) return;
  const roomName = state.rooms.find((r) => r.id === n.room)?.name || state.room?.name || 'this group';
  if (sessions.onNotice(n, roomName)) {
    if (n.kind === 'session_closed' && n.room === state.roomId) closeRoom();
    composer.updateComposer();
    return;
  }
  const until = n.until ? ` until ${time(n.until)}` : ' for now';
  const because = n.reason ? ` Their note: “${n.reason}”` : '';
  const here = n.room === state.roomId;
  switch (n.kind) {
    case 'muted':
      page.notice({ key: `mute-${n.room}`, text: `A facilitator has paused your messages in ${roomName}${until}. You can keep reading along.${because}` });
      if (here && state.me) state.me = { ...state.me, muted: true };
      break;
    case 'unmuted':
      page.notice({ key: `mute-${n.room}`, tone: 'done', text: `You can send messages in ${roomName} again.` });
      if (here && state.me) state.me = { ...state.me, muted: false };
      break;
    case 'removed':
    case 'banned':
      // Out of the room: being paused or having the floor there no longer matters.
      notices.dropNote(`mute-${n.room}`);
      notices.dropNote(`floor-${n.room}`);
      if (here) closeRoom();
      page.notice({ key: `room-${n.room}`, text: n.kind === 'removed'
        ? `A facilitator has asked you to step out of ${roomName} for now. You are welcome to come back later.${because}`
        : `You cannot rejoin ${roomName}${until}. Other groups are still open to you.${because}` });
      break;
    case 'warning':
      page.notice({ key: `warning-${n.room}`, text: `A private note from the facilitators of ${roomName}: “${n.reason || ''}”` });
      break;
    case 'voice':
      page.notice({ key: `floor-${n.room}`, text: n.granted ? `You have the floor in ${roomName}. Go ahead when you are ready.`
        : `The floor in ${roomName} has moved on. Raise your hand when you want to speak again.` });
      break;
    case 'admitted':
    case 'denied':
      break; // for a join this page no longer waits on
    default:
      // A kind a newer server added: still a private word for this member, so it is shown, calmly.
      page.notice({ text: `A note about ${roomName} that this page does not know how to show yet.${because}` });
      break;
  }
  notify('notice', 'A private note for you');
  composer.updateComposer();
}

// ---- facilitators ----
/** Runs a room command; after it worked, says so in a short line and refreshes what shows it. */
async function command(type, fields, doneText) {
  try {
    const reply = await state.client.request(type, { room: state.roomId, ...fields });
    if (doneText) consoleTabs.status(doneText);
    consoleTabs.refreshOpenTab();
    return reply;
  } catch (e) {
    page.notice({ key: 'console', text: e.code === 'forbidden' ? 'Facilitators cannot act on one another.'
      : e.code === 'not_found' ? 'That is no longer possible: the member or the item is gone.'
        : 'That did not work. Please try again.' });
    return null;
  }
}

function onAlert(a) {
  if (care.onAlert(a) || sessions.onAlert(a)) return;
  if (a.kind === 'report') {
    reports.onReport(a);
  } else if (a.room !== state.roomId) {
    // another room's alert of a kind this page does not show outside its room
  } else if (a.kind === 'waiting') {
    people.onWaiting(a);
  } else if (a.kind === 'hand_raised') {
    notify('hand', 'A hand is raised'); // the queue itself comes from presence
  }
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
  composer.updateComposer();
}

/** Only what changed goes to the server, so the audit says what was changed. */
$('settings').addEventListener('submit', async (e) => {
  e.preventDefault();
  const room = state.room;
  const slow = Number.parseInt($('set-slow').value, 10);
  const wanted = {
    locked: $('set-locked').checked,
    moderated: $('set-moderated').checked,
    slowModeSeconds: Number.isFinite(slow) ? Math.min(3600, Math.max(0, slow)) : 0,
    admission: $('set-admission').value,
  };
  const changes = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => room[key] !== value));
  if (!Object.keys(changes).length) {
    $('settings-result').textContent = 'Nothing changed.';
    return;
  }
  const ok = await command('set_room', changes, 'The room\'s settings are changed.');
  $('settings-result').textContent = ok ? 'Settings applied.' : 'Settings were not changed.';
});

// ---- start ----
sessions.initSessions({
  $, el, time, notice: page.notice, command, addNote: messages.addNote,
  client: () => state.client,
  state: () => state,
  refreshComposer: () => composer.updateComposer(),
});
messages.initMessages(page);
composer.initComposer();
people.initPeople(page);
initModeration(page);
directory.initDirectory(page);
consoleTabs.initConsole({
  people: people.refreshSanctions,
  alerts: service.refreshRoster,
  activity: () => { refreshStats(); refreshAudit(); },
});
checkins.initCheckins(page);
reports.initReports(page);
service.initService({
  notice: page.notice,
  closeRoom,
  loadRooms: directory.loadRooms,
  openGuidelines: directory.openGuidelines,
  highlightAlert: care.highlight,
  cancelWaiting: directory.cancelWaiting,
});
initAttention();
initQuickExit();
loadSite();

const token = sessionStorage.getItem(TOKEN_KEY);
const guest = stored(GUEST_KEY);
if (token) {
  show('signin', false);
  signIn({ token });
} else if (guest?.name) {
  show('signin', false);
  signIn({ name: guest.name, resume: guest.resume });
} else {
  $('signin-name').focus();
}
