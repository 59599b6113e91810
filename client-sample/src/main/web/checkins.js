// checkins.js: private check-ins (v1.2), a two-way conversation between one member and the staff
// of a room. The member sees one as a panel fixed in the corner of the screen, wherever the page
// is scrolled, marked private and saying who can read it; it takes the focus when it opens, and
// its unread messages count in the tab's title until read. Facilitators open one with "Check in"
// on an alert, a request or a member's Actions (a supervisor also from an alert escalated to
// them, in any room) and keep several in the console's Check-ins tab, one tab each with its
// unread count; without the console (a supervisor in no room) they have the member's panel. A
// check-in stays across a reconnect (haven-client.js finds it again); closing it (staff may
// record how it ended) deletes its messages, here too. Messages keep one clientId across retries
// (retry.js). Texts from people go in with textContent, never as HTML.
import { $, el, time, state, nameWithRole } from './dom.js';
import { confirmStep } from './confirm.js';
import { createOutbox } from './retry.js';
import { pendingItem, pendingSending, pendingUnconfirmed } from './messages.js';

let page = null;   // {notice, status, attention, setUnread, counters, selectConsoleTab}
/** check-in id -> {info, messages: Map(seq -> message), pending: Set(entry), unread, draft, ended, loading} */
const threads = new Map();
let selected = null;
/** room id -> the `reaching_out` notice's words, shown as the introduction of that room's check-in */
const reachingOut = new Map();

const me = () => state.user?.id;
const withMember = (t) => t.info.member.id === me();
const roomName = (id) => state.rooms.find((r) => r.id === id)?.name || (state.room?.id === id ? state.room.name : 'a group');
const connected = () => state.client?.state === 'open';
const inConsole = () => !$('console').hidden;

const outbox = createOutbox({
  send: (entry) => state.client.checkinSend(entry.checkin, entry.text, entry.clientId),
  connected,
  delivered: (entry, seq) => Boolean(threads.get(entry.checkin)?.messages.has(seq)),
  view: {
    sending: (entry) => pendingSending(entry.li),
    unconfirmed: (entry, retry, discard) => pendingUnconfirmed(entry.li, retry, discard, 'it may still arrive'),
    done: (entry) => {
      entry.li.remove();
      threads.get(entry.checkin)?.pending.delete(entry);
    },
  },
  refused: (entry, e) => {
    const t = threads.get(entry.checkin);
    if (e.code === 'not_found' && t) {
      end(t, null);
      return;
    }
    if (t === selected && !$('checkin-text').value.trim()) $('checkin-text').value = entry.text;
    $('checkin-error').textContent = {
      witness_required: witnessWords(t),
      too_large: 'That message is too long (at most 4000 characters).',
    }[e.code] || 'That message could not be sent. It is back in the box.';
  },
});

/** @param p what the page lends: {notice, status, attention, setUnread, counters: {set}, selectConsoleTab} */
export function initCheckins(p) {
  page = p;
  $('checkin-composer').addEventListener('submit', (e) => { e.preventDefault(); sendMessage(); });
  $('checkin-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendMessage();
    }
  });
  $('checkin-close').addEventListener('submit', (e) => { e.preventDefault(); closeSelected(); });
  $('checkin-dismiss').addEventListener('click', () => { if (selected) drop(selected); });
  $('checkins-minimise').addEventListener('click', () => minimise(!$('checkin-dock').classList.contains('minimised')));
  $('checkin-list').addEventListener('keydown', onTabKey);
  // Read once the reader does something in it (the focus it takes on opening does not count).
  for (const type of ['pointerdown', 'keydown']) $('checkin-thread').addEventListener(type, () => markRead(selected));
  $('checkin-text').addEventListener('focus', () => markRead(selected));
}

// ---- events ----

/** A `checkin` event: opened, joined, changed or closed; `found` when found again after a (re)connect. */
export function onCheckin({ checkin: info, found = false }) {
  let t = threads.get(info.id);
  if (info.state === 'closed') {
    if (t) end(t, info.closedBy);
    return;
  }
  if (t) {
    const waited = t.info.awaitingWitness;
    t.info = info;
    t.witnessJoined = Boolean(waited && !info.awaitingWitness);
    render();
    return;
  }
  t = { info, messages: new Map(), pending: new Set(), unread: 0, draft: '', loading: found };
  threads.set(info.id, t);
  if (withMember(t) && reachingOut.has(info.room)) {
    t.intro = reachingOut.get(info.room);
    reachingOut.delete(info.room);
    page.dropNotice(`reaching_out-${info.room}`);
  }
  const mine = info.openedBy.id === me();
  if (!found && !mine) {
    t.unread = 1;
    page.attention('checkin', 'A private check-in was opened', { counted: false });
  }
  if (!selected || (!found && withMember(t))) selected = t;
  place();
  render();
  if (!found && withMember(t)) {
    // Where the member is looking: the panel is fixed on screen; the focus goes to it.
    minimise(false);
    $('checkin-thread').focus();
  }
}

export function onMessage(m) {
  const t = threads.get(m.checkin);
  if (!t || t.ended || t.messages.has(m.seq)) return;
  t.messages.set(m.seq, m);
  if (m.from.id === me()) {
    outbox.arrived(m.clientId);
  } else if (!t.loading) {
    t.unread += 1;
    page.attention('checkin', 'A private message for you', { counted: false });
  }
  if (t === selected) insertMessage(m);
  renderCounts();
}

/** Every open check-in was found again after a (re)connect: what waited is sent now. */
export function onFound() {
  for (const t of threads.values()) t.loading = false;
  outbox.flush(() => true);
  render();
}

/** A `reaching_out` notice: a calm line where the member looks; it introduces the check-in that follows. */
export function onNotice(n) {
  if (n.kind !== 'reaching_out') return false;
  const words = n.text || `${n.by?.name || 'Someone'} from the group would like to check in with you, privately.`;
  const open = [...threads.values()].find((t) => t.info.room === n.room && withMember(t) && !t.ended);
  if (open) {
    open.intro = words;
    render();
  } else {
    reachingOut.set(n.room, words);
    page.notice({ key: `reaching_out-${n.room}`, text: words });
  }
  return true;
}

// ---- staff: opening ----

/** Opens (or joins) a check-in with a member, from an alert (`alertId`) or the member's Actions. */
export async function open({ room, user, alertId }) {
  let reply;
  try {
    reply = await state.client.request('checkin_open', { room, user, ...(alertId ? { alertId } : {}) });
  } catch (e) {
    page.notice({ key: 'console', text: {
      not_found: alertId ? 'That alert is closed or the member has gone: open the check-in from the member’s Actions in the room.'
        : 'That member is no longer in the room.',
      not_in_room: 'Join the room first to open a check-in there.',
    }[e.code] || (e.code === 'forbidden' ? `That is not possible: ${e.message}.` : 'The check-in could not be opened. Please try again.') });
    return false;
  }
  onCheckin({ checkin: reply.checkin, found: true });
  selected = threads.get(reply.checkin.id);
  selected.loading = false;
  place();
  render();
  if (inConsole()) page.selectConsoleTab('checkins');
  minimise(false);
  $('checkin-text').focus();
  return true;
}

// ---- where it shows ----

/** In the console while it shows (a facilitator in a room), else fixed in the corner when there is one. */
export function place() {
  const home = inConsole() ? $('panel-checkins') : $('checkin-dock');
  if ($('checkins').parentElement !== home) home.append($('checkins'));
  $('checkin-dock').hidden = inConsole() || threads.size === 0;
  $('checkins-minimise').hidden = inConsole();
  if (inConsole()) minimise(false);
}

function minimise(yes) {
  $('checkin-dock').classList.toggle('minimised', yes);
  $('checkins-body').hidden = yes;
  $('checkins-minimise').textContent = yes ? 'Show' : 'Minimise';
  $('checkins-minimise').setAttribute('aria-expanded', String(!yes));
}

/** Signing out: nothing of the last person's check-ins stays on screen. */
export function reset() {
  outbox.forget(() => true);
  threads.clear();
  reachingOut.clear();
  selected = null;
  place();
  render();
}

// ---- writing, closing ----

function sendMessage() {
  const t = selected;
  const text = $('checkin-text').value;
  if (!t || t.ended || !text.trim()) return;
  if (t.info.awaitingWitness) {
    $('checkin-error').textContent = witnessWords(t);
    return;
  }
  if ([...text].length > 4000) {
    $('checkin-error').textContent = 'That message is too long (at most 4000 characters).';
    return;
  }
  $('checkin-error').textContent = '';
  markRead(t);
  const entry = outbox.add({ checkin: t.info.id, text });
  entry.li = pendingItem(text, 'checkin-message');
  t.pending.add(entry);
  $('checkin-messages').append(entry.li);
  entry.li.scrollIntoView({ block: 'nearest' });
  $('checkin-text').value = '';
  outbox.attempt(entry);
}

async function closeSelected() {
  const t = selected;
  if (!t || t.ended) return;
  const staff = !withMember(t);
  const outcome = staff ? $('checkin-outcome').value : '';
  const who = staff ? t.info.member.name : 'the staff';
  if (!await confirmStep({
    title: staff ? `Close the check-in with ${who}?` : 'End this private conversation?',
    text: 'Its messages are deleted for everyone in it, here and on the server.',
    sees: staff ? `${who} reads that the check-in has ended.${outcome ? ' How it ended goes to the audit log, never the conversation.' : ''}`
      : 'The staff read that it has ended. You can ask for a facilitator again at any time.',
    action: staff ? 'Close the check-in' : 'End the conversation',
  })) return;
  try {
    await state.client.request('checkin_close', { checkin: t.info.id, ...(outcome ? { outcome } : {}) });
    drop(t);
    page.status(staff ? `The check-in with ${who} is closed; its messages are deleted.` : '');
  } catch (e) {
    if (e.code === 'not_found') end(t, null);
    else $('checkin-error').textContent = 'That did not work. Please try again.';
  }
}

/** It ended (closed, the session's close, the idle lifetime): its messages go, a line says so. */
function end(t, by) {
  if (by?.id === me()) {
    drop(t);
    return;
  }
  t.ended = by ? `This check-in was closed by ${by.name}. Its messages have been deleted.`
    : 'This check-in has ended. Its messages have been deleted.';
  t.messages.clear();
  t.unread = 0;
  outbox.forget((entry) => entry.checkin === t.info.id);
  t.pending.clear();
  render();
}

function drop(t) {
  outbox.forget((entry) => entry.checkin === t.info.id);
  threads.delete(t.info.id);
  if (selected === t) selected = [...threads.values()][0] || null;
  place();
  render();
}

function markRead(t) {
  if (!t || !t.unread) return;
  t.unread = 0;
  renderList();
  renderCounts();
}

// ---- drawing ----

function witnessWords(t) {
  return t && withMember(t)
    ? 'For your safety this group always has two staff members in a private conversation. Nothing can be written until a second one joins; it should not be long.'
    : 'This group asks for two staff members in a check-in before anything is written in it (a safeguard for young people). A second facilitator or supervisor needs to join: one who comes into the room is in it, or ask a colleague to choose “Check in” for this member.';
}

function label(t) {
  if (withMember(t)) return `With the staff of ${roomName(t.info.room)}`;
  return t.info.room === state.roomId ? t.info.member.name : `${t.info.member.name} · ${roomName(t.info.room)}`;
}

function render() {
  const t = selected && threads.has(selected.info.id) ? selected : null;
  $('checkins-title').textContent = threads.size > 1 || inConsole() ? 'Private check-ins' : 'Private check-in';
  $('checkins-private').textContent = 'Private: nothing here is shown in the group.';
  $('checkins-empty').hidden = threads.size > 0;
  renderList();
  renderThread(t);
  renderCounts();
}

function renderList() {
  const list = $('checkin-list');
  const all = [...threads.values()];
  list.hidden = all.length === 0 || (all.length === 1 && withMember(all[0]));
  list.replaceChildren(...all.map((t, i) => {
    const unread = t.unread ? ` (${t.unread} new)` : '';
    return el('button', { type: 'button', role: 'tab', id: `checkin-tab-${i}`, class: t.unread ? 'has-unread' : null,
      'aria-selected': String(t === selected), tabindex: t === selected ? '0' : '-1', 'aria-controls': 'checkin-thread',
      text: `${label(t)}${t.ended ? ' (ended)' : ''}${unread}`, onclick: () => choose(t) });
  }));
  const tab = list.hidden ? null : list.querySelector('[aria-selected="true"]');
  $('checkin-thread').setAttribute('role', tab ? 'tabpanel' : 'region');
  $('checkin-thread').setAttribute('aria-labelledby', tab ? tab.id : 'checkins-title');
}

function choose(t) {
  if (selected && selected !== t) selected.draft = $('checkin-text').value;
  selected = t;
  $('checkin-text').value = t.draft || '';
  markRead(t);
  render();
}

function onTabKey(e) {
  const all = [...threads.values()];
  const at = all.indexOf(selected);
  const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1 }[e.key];
  if (next === undefined || !all.length) return;
  e.preventDefault();
  choose(all[(next + all.length) % all.length]);
  $('checkin-list').querySelector('[aria-selected="true"]')?.focus();
}

function renderThread(t) {
  $('checkin-thread').hidden = !t;
  if (!t) return;
  const { info } = t;
  const staffView = !withMember(t);
  const opener = info.openedBy.id === me() ? 'you' : nameWithRole(info.openedBy.name, info.openedBy.role);
  $('checkin-intro').textContent = staffView
    ? `A private check-in with ${info.member.name} in ${roomName(info.room)}, opened by ${opener} at ${time(info.openedAt)}${info.alertId ? ' from an alert' : ''}.`
    : t.intro || `${info.openedBy.name} from ${info.openedBy.role === 'supervisor' ? 'the support team' : 'the group'} would like to check in with you, privately.`;
  const readers = [staffView ? info.member.name : 'you',
    ...(info.staff || []).map((s) => (s.id === me() ? 'you' : nameWithRole(s.name, s.role)))];
  $('checkin-who').textContent = `Who can read it: ${[...new Set(readers)].join(', ')}.`;
  const witness = $('checkin-witness');
  witness.hidden = !(info.awaitingWitness || t.witnessJoined);
  witness.textContent = info.awaitingWitness ? witnessWords(t) : 'A second member of staff is here now: you can write.';
  witness.classList.toggle('waiting', Boolean(info.awaitingWitness));
  const list = $('checkin-messages');
  list.replaceChildren(...[...t.messages.values()].sort((a, b) => a.seq - b.seq).map(messageItem),
    ...[...t.pending].map((entry) => entry.li));
  list.lastElementChild?.scrollIntoView({ block: 'nearest' });
  $('checkin-ended').hidden = !t.ended;
  $('checkin-ended-text').textContent = t.ended || '';
  $('checkin-composer').hidden = Boolean(t.ended);
  $('checkin-close').hidden = Boolean(t.ended);
  $('checkin-outcome-row').hidden = !staffView;
  $('checkin-close-button').textContent = staffView ? 'Close the check-in' : 'End this conversation';
  const blocked = Boolean(info.awaitingWitness);
  $('checkin-send').disabled = blocked;
  $('checkin-text').readOnly = blocked;
  $('checkin-text').setAttribute('aria-disabled', String(blocked));
  $('checkin-hint').textContent = blocked ? 'Writing opens when a second member of staff has joined.'
    : 'Enter sends; Shift+Enter starts a new line.';
}

function messageItem(m) {
  const mine = m.from.id === me();
  return el('li', { class: `checkin-message${mine ? ' mine' : ''}`, 'data-seq': String(m.seq) },
    el('div', { class: 'meta' },
      el('span', { class: 'from', text: mine ? 'You' : nameWithRole(m.from.name, m.from.role) }),
      el('time', { datetime: new Date(m.ts).toISOString(), text: time(m.ts) })),
    el('p', { class: 'text', text: m.text }));
}

function insertMessage(m) {
  const li = messageItem(m);
  const list = $('checkin-messages');
  const after = [...list.children].find((node) => node.dataset.seq && Number(node.dataset.seq) > m.seq)
    || list.querySelector('li.pending');
  list.insertBefore(li, after || null);
  li.scrollIntoView({ block: 'nearest' });
}

function renderCounts() {
  const all = [...threads.values()];
  const unread = all.reduce((n, t) => n + t.unread, 0);
  page.setUnread(unread);
  page.counters.set('checkins', all.filter((t) => !t.ended).length, unread > 0);
  $('checkins-unread').hidden = !unread;
  $('checkins-unread').textContent = `${unread} new`;
}
