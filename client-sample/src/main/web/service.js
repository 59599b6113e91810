// service.js: what the service's operators add, as the page shows it (docs/protocol.md, section
// 16): an announcement is a word from the service in the conversation, apart from what people
// write, shown once; an archived room leaves the page and is never rejoined; a supervisor says
// when they are on duty (said again after a reconnect or a reload) and staff see who is; the
// acknowledge link of an escalation page (#room=…&alert=…) opens the room and shows the alert;
// an admin token is told apart from a token that did not work. Texts from the server go in with
// textContent, never as HTML.
import { $, el, time, state, show, isStaffRole } from './dom.js';
import { appendItem } from './messages.js';

const DUTY_KEY = 'haven.duty';    // a supervisor's "on duty", for this tab's life
const LINK_KEY = 'haven.link';    // {room, alert} from an acknowledge link, until followed
const ROSTER_MS = 30000;

let page = null;   // {notice, closeRoom, loadRooms, openGuidelines, highlightAlert, cancelWaiting}
const shown = new Set();   // the announcements on screen, by id and time (ids start again after a restart)
let rosterTimer = null;

export function initService(p) {
  page = p;
  $('duty-toggle').addEventListener('change', (e) => setDuty(e.target.checked));
}

// ---- announcements ----

/** A new room on screen: its current announcement comes again after the join reply, and shows again. */
export function enterRoom() {
  shown.clear();
}

export function onAnnouncement(a) {
  const key = `${a.id}@${a.ts}`;
  if (a.room !== state.roomId || shown.has(key)) return;
  shown.add(key);
  appendItem(el('li', { class: 'announcement' },
    el('p', { class: 'announcement-from', text: `From the service · ${time(a.ts)}` }),
    el('p', { class: 'text', text: a.text })));
}

// ---- an archived room ----

/** @returns whether the notice was the service's (room_archived) */
export function onNotice(n) {
  if (n.kind !== 'room_archived') return false;
  state.rooms = state.rooms.filter((r) => r.id !== n.room);
  if (state.waitingFor?.room.id === n.room) page.cancelWaiting();
  if (n.room === state.roomId) page.closeRoom();
  page.notice({ key: `room-${n.room}`, text: n.text || 'This group has been closed by the service and is no longer available.' });
  return true;
}

// ---- on duty ----

/** After sign-in: a supervisor gets the duty switch (on again if it was on in this tab), staff the roster. */
export async function signedIn() {
  const supervisor = state.user?.role === 'supervisor';
  show('duty', supervisor);
  clearInterval(rosterTimer);
  rosterTimer = null;
  if (!supervisor) return;
  const wasOn = sessionStorage.getItem(DUTY_KEY) === 'true';
  $('duty-toggle').checked = wasOn;
  if (wasOn) await setDuty(true);
  else await refreshRoster();
  rosterTimer = setInterval(refreshRoster, ROSTER_MS);
}

export function signedOut() {
  clearInterval(rosterTimer);
  rosterTimer = null;
  show('duty', false);
}

async function setDuty(onDuty) {
  try {
    const reply = await state.client.setDuty(onDuty);
    sessionStorage.setItem(DUTY_KEY, String(onDuty));
    $('duty-result').textContent = onDuty
      ? 'You are on duty: escalated alerts from every group come to you here, and members are told someone from the team has been told.'
      : 'You are off duty. Escalated alerts still reach you while you are connected, but members are not promised you.';
    onDutyReply(reply);
  } catch {
    $('duty-toggle').checked = !onDuty;
    $('duty-result').textContent = 'That did not work. Please try again.';
  }
}

/** A `duty` or `duty_roster` reply (also the one the client gets when it says "on duty" again after a reconnect). */
export function onDutyReply(reply) {
  if (typeof reply.you === 'boolean') $('duty-toggle').checked = reply.you;
  const items = reply.onDuty.map((s) => el('li', { text: `${s.id === state.user?.id ? 'You' : s.name}, since ${time(s.since)}` }));
  const none = () => el('li', { class: 'hint', text: 'Nobody is on duty now. An alert nobody answers still reaches every supervisor connected, but members are not told someone has been told.' });
  for (const id of ['duty-roster', 'duty-roster-console']) {
    $(id).replaceChildren(...(items.length ? items.map((li) => li.cloneNode(true)) : [none()]));
  }
}

/** Who is on duty (facilitators and supervisors). */
export async function refreshRoster() {
  if (!isStaffRole(state.user?.role)) return;
  try {
    onDutyReply(await state.client.request('duty_roster'));
  } catch {
    // shown again at the next refresh
  }
}

// ---- the acknowledge link of an escalation page ----

/** `#room=…&alert=…` leaves the address bar at once (no group is named there) and waits for the sign-in. */
export function takeLink(hash) {
  const room = hash.get('room');
  const alert = hash.get('alert');
  hash.delete('room');
  hash.delete('alert');
  if (room) sessionStorage.setItem(LINK_KEY, JSON.stringify({ room, alert }));
}

/** After sign-in: opens the room of the link and shows its alert. @returns whether there was a link */
export async function followLink() {
  let link;
  try { link = JSON.parse(sessionStorage.getItem(LINK_KEY)); } catch { link = null; }
  sessionStorage.removeItem(LINK_KEY);
  if (!link?.room) return false;
  if (link.alert) page.highlightAlert(link.alert);
  await page.loadRooms();
  const room = state.rooms.find((r) => r.id === link.room);
  if (!room) {
    page.notice({ key: 'link', text: 'The group of that link is no longer available.' });
    return false;
  }
  page.notice({ key: 'link', text: `You came from an alert’s link. Once you are in ${room.name}, the alert is shown first.` });
  page.openGuidelines(room);
  return true;
}

// ---- an admin token ----

/** What to say when a token is refused at hello: an admin token is for the admin API, not for chat. */
export function refusedTokenWords(token, error) {
  let role = null;
  try {
    role = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).role;
  } catch {
    // not a token this page can read; the server's answer decides
  }
  if (role === 'admin' || /admin/i.test(error?.message || '')) {
    return 'This is an administrator’s token: it opens the admin API, not the groups. Sign in with your facilitator or supervisor token, or with a pseudonym.';
  }
  return 'This token was not accepted. It may have expired; ask for a new one.';
}
