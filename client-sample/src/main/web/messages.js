// messages.js: the conversation. Messages in seq order whatever order replies and events came
// in; notes in it (a restart, a gap, a round that ended); my messages still being sent; reports;
// deletes, confirmed first: a member's of their own messages (v1.2), a facilitator's of any. The list is one stop in the tab order: the
// arrow keys move between messages (a roving tabindex), so a facilitator does not tab through
// every message's buttons to reach the console.
import { $, el, time, state, isStaffRole, isFacilitatorHere, rememberName } from './dom.js';
import { confirmStep } from './confirm.js';
import * as sessions from './sessions.js';

const bySeq = new Map();   // seq -> {m, li}
const deletedByMe = new Set();   // seqs this page asked to delete
let command = null;
let notice = null;
let reportSeq = null;

/** @param page {command, notice} */
export function initMessages(page) {
  command = page.command;
  notice = page.notice;
  $('messages').addEventListener('keydown', onKey);
  $('messages').addEventListener('focusin', (e) => {
    const li = e.target.closest('#messages > li');
    if (li) setActive(li);
  });
  $('report-dialog').addEventListener('close', async () => {
    if ($('report-dialog').returnValue !== 'send' || reportSeq === null) return;
    const reason = $('report-reason').value.trim();
    const seq = reportSeq;
    reportSeq = null;
    try {
      await state.client.request('report', { room: state.roomId, seq, ...(reason ? { reason } : {}) });
      page.notice({ key: 'report', text: 'Thank you. The facilitators have your report.' });
    } catch {
      page.notice({ key: 'report', text: 'Your report could not be sent. Please try again.' });
    }
  });
}

export function clearMessages() {
  bySeq.clear();
  deletedByMe.clear();
  $('messages').replaceChildren();
}

export function hasSeq(seq) {
  return bySeq.has(seq);
}

export function messageElement(seq) {
  return bySeq.get(seq)?.li || null;
}

/** A message of the room on screen; `live` ones scroll into view. */
export function addMessage(m, live) {
  if (m.room !== state.roomId || bySeq.has(m.seq)) return;
  rememberName(m.from.id, m.from.name);
  const li = render(m);
  bySeq.set(m.seq, { m, li });
  let after = null;
  for (const [seq, entry] of bySeq) if (seq > m.seq && (!after || seq < Number(after.dataset.seq))) after = entry.li;
  $('messages').insertBefore(li, after || $('messages').querySelector('li.pending'));
  keepActive();
  if (live) li.scrollIntoView({ block: 'nearest' });
}

function render(m) {
  const mine = m.from.id === state.user?.id;
  const staff = isStaffRole(m.from.role);
  const li = el('li', { class: `message${mine ? ' mine' : ''}`, 'data-seq': String(m.seq), 'data-from': m.from.id },
    el('div', { class: 'meta' },
      el('span', { class: 'from', text: m.from.name + (mine ? ' (you)' : '') }),
      staff && !m.from.name.toLowerCase().includes(m.from.role) ? el('span', { class: 'badge', text: m.from.role }) : null,
      el('time', { datetime: new Date(m.ts).toISOString(), text: time(m.ts) })),
    sessions.messageBody(m, mine));
  const tools = el('div', { class: 'tools' });
  if (!mine) {
    tools.append(el('button', { type: 'button', class: 'quiet small', text: 'Report',
      'aria-label': `Report message from ${m.from.name}`, onclick: () => openReport(m) }));
  }
  if (isFacilitatorHere()) {
    tools.append(el('button', { type: 'button', class: 'quiet small', text: 'Delete',
      'aria-label': `Delete message from ${m.from.name}`, onclick: () => confirmDelete(m) }));
  } else if (mine) {
    tools.append(el('button', { type: 'button', class: 'quiet small', text: 'Delete',
      'aria-label': 'Delete my message', onclick: () => confirmOwnDelete(m) }));
  }
  if (tools.children.length) li.append(tools);
  return li;
}

/** After a reconnect I may be someone else (a new guest), or my role changed: draw every message again. */
export function rerenderAll() {
  const active = $('messages').querySelector('li[tabindex="0"]');
  for (const entry of bySeq.values()) {
    if (!entry.li.isConnected || entry.li.classList.contains('deleted')) continue;
    const fresh = render(entry.m);
    entry.li.replaceWith(fresh);
    if (active === entry.li) setActive(fresh);
    entry.li = fresh;
  }
  keepActive();
}

function openReport(m) {
  reportSeq = m.seq;
  $('report-reason').value = '';
  $('report-dialog').returnValue = '';
  $('report-dialog').showModal();
}

async function confirmDelete(m) {
  const ok = await confirmStep({
    title: `Delete this message from ${m.from.name}?`,
    text: 'It disappears for everyone in the room and from what the room keeps.',
    sees: `Everyone sees “This message was deleted.” in its place. ${m.from.name} is not told anything else.`,
    action: 'Delete the message',
  });
  if (!ok) return;
  deletedByMe.add(m.seq);
  if (!await command('delete', { seq: m.seq }, 'The message was deleted.')) deletedByMe.delete(m.seq);
}

/** A member deletes a message of their own, while the room still holds it. */
async function confirmOwnDelete(m) {
  if (!await confirmStep({
    title: 'Delete your message?',
    text: 'It disappears for everyone in the room and from what the room keeps. Someone may have read it already.',
    sees: 'Everyone sees “This message was deleted.” in its place.',
    action: 'Delete my message',
  })) return;
  deletedByMe.add(m.seq);
  try {
    await state.client.request('delete', { room: state.roomId, seq: m.seq });
  } catch (e) {
    deletedByMe.delete(m.seq);
    notice({ key: 'delete', text: e.code === 'not_found'
      ? 'That message is no longer kept by the room, so it cannot be deleted now.'
      : 'Your message could not be deleted. Please try again.' });
  }
}

export function addNote(text) {
  appendItem(el('li', { class: 'note', text }));
}

/** Something else in the conversation (a shared helpline, a held message): after the messages so far. */
export function appendItem(li) {
  $('messages').insertBefore(li, $('messages').querySelector('li.pending'));
  keepActive();
  li.scrollIntoView({ block: 'nearest' });
}

export function onDeleted({ room, seq }) {
  if (room !== state.roomId) return;
  const entry = bySeq.get(seq);
  if (!entry) return;
  entry.li.classList.add('deleted');
  entry.li.replaceChildren(el('p', { class: 'hint', text: deletedByMe.has(seq) ? 'You deleted this message.' : 'This message was deleted.' }));
}

/** The server restarted: seq numbers begin again, so earlier messages stay as they are, unnumbered. */
export function restarted() {
  for (const entry of bySeq.values()) entry.li.removeAttribute('data-seq');
  bySeq.clear();
  deletedByMe.clear();
  addNote('The server restarted. Messages from before are shown above but are no longer kept.');
}

// ---- my messages on their way ----

/** A message of mine on its way, as the conversation (or a check-in, `kind`) shows it. */
export function pendingItem(text, kind = 'message') {
  return el('li', { class: `${kind} mine pending` },
    el('div', { class: 'meta' },
      el('span', { class: 'from', text: kind === 'message' ? `${state.user?.name || 'You'} (you)` : 'You' }),
      el('span', { class: 'pending-state', text: 'Sending…' })),
    el('p', { class: 'text', text }));
}

/** Shows a message of mine that is being sent; returns its element. */
export function addPending(text) {
  const li = pendingItem(text);
  $('messages').append(li);
  keepActive();
  li.scrollIntoView({ block: 'nearest' });
  return li;
}

/** The message could not be confirmed: say so honestly, with a retry that cannot duplicate it. */
export function pendingUnconfirmed(li, retry, discard, may = 'it may still reach the group') {
  li.querySelector('.pending-state').textContent = `Not confirmed yet: ${may}.`;
  li.querySelector('.tools')?.remove();
  li.append(el('div', { class: 'tools' },
    el('button', { type: 'button', class: 'quiet small', text: 'Try again', onclick: retry,
      'aria-label': 'Try sending again; it cannot arrive twice' }),
    el('button', { type: 'button', class: 'quiet small', text: 'Remove from this page', onclick: discard })));
  keepActive();
}

export function pendingSending(li) {
  li.querySelector('.pending-state').textContent = 'Sending…';
  li.querySelector('.tools')?.remove();
}

// ---- one tab stop for the whole list ----

function items() {
  return [...$('messages').children];
}

const FOCUSABLE = 'button, summary, a, [tabindex]';

function setActive(li) {
  for (const node of $('messages').querySelectorAll(`:scope > li, ${FOCUSABLE}`)) node.tabIndex = -1;
  if (!li) return;
  li.tabIndex = 0;
  for (const node of li.querySelectorAll(FOCUSABLE)) node.tabIndex = 0;
}

/**
 * After a change: the newest item is the list's tab stop unless the reader is on another message right
 * now; whatever else is in it (its buttons, a content warning's summary) stays out of the
 * tab order.
 */
function keepActive() {
  const active = $('messages').querySelector(':scope > li[tabindex="0"]');
  const reading = active && $('messages').contains(document.activeElement);
  setActive(reading ? active : items().at(-1) || null);
}

function onKey(e) {
  const list = items();
  const current = e.target.closest('#messages > li');
  if (!current || e.target !== current) return;
  const at = list.indexOf(current);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
  if (next === undefined || next < 0 || next >= list.length) return;
  e.preventDefault();
  setActive(list[next]);
  list[next].focus();
}
