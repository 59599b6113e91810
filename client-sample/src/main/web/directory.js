// directory.js: finding a group and getting in. The group list with what matters on each card
// (a facilitator here or not, the session open or not yet, when a scheduled group next starts in
// the member's own time, how many are here), the group's
// guidelines as paragraphs with their acceptance, joining, and, in a room that admits by
// approval, a calm waiting state with Cancel until a facilitator lets the member in.
import { $, el, show, state, paragraphs, sessionStart } from './dom.js';

let page = null; // {enterRoom(reply), notice}
let filterTimer = null;

export function initDirectory(p) {
  page = p;
  $('filter').addEventListener('submit', (e) => { e.preventDefault(); loadRooms(); });
  $('filter-category').addEventListener('change', () => loadRooms());
  $('filter-q').addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(loadRooms, 200);
  });
  $('guidelines-accept').addEventListener('change', (e) => { $('join-button').disabled = !e.target.checked; });
  $('guidelines-back').addEventListener('click', () => showDirectory());
  $('join-button').addEventListener('click', () => join(state.pendingGuidelines, { accepted: $('guidelines-accept').checked }));
  $('waiting-cancel').addEventListener('click', cancelWaiting);
}

/** The session and facilitation of a group, in words for its card. */
function cardFacts(room) {
  const facts = [];
  if (room.facilitatorPresent) facts.push('A facilitator is here');
  else if (room.facilitatorPresent === false) facts.push('No facilitator here now');
  if (room.state === 'lobby') facts.push('session not started yet');
  else if (room.state === 'unfacilitated') facts.push('open, without a facilitator for now');
  else if (room.requireFacilitator) facts.push('session open');
  else facts.push('open to drop in');
  const next = room.nextSession && sessionStart(room.nextSession);
  if (next && !next.past) facts.push(`${room.state === 'lobby' ? 'starts' : 'next session'} ${next.text}`);
  else if (next && room.state === 'lobby') facts.push(`was due to start ${next.text}`);
  facts.push(`${room.members} of ${room.capacity} here`);
  if (room.locked) facts.push('not taking new members now');
  if (room.admission === 'approval') facts.push('join by approval');
  return facts.join(' · ');
}

export async function loadRooms() {
  try {
    const reply = await state.client.listRooms({ category: $('filter-category').value, q: $('filter-q').value });
    state.rooms = reply.rooms;
  } catch {
    return;
  }
  const list = $('room-list');
  list.replaceChildren();
  for (const room of state.rooms) {
    list.append(el('li', { class: 'room-card' },
      el('h3', { text: room.name }),
      el('p', { text: room.topic }),
      el('p', { class: `hint facts${room.facilitatorPresent ? ' facilitated' : ''}`, text: cardFacts(room) }),
      el('button', { type: 'button', text: `Open ${room.name}`, onclick: () => openGuidelines(room) })));
  }
  show('directory-empty', state.rooms.length === 0);
}

export function showDirectory({ focus = false } = {}) {
  for (const id of ['guidelines', 'waiting-panel', 'room', 'signin']) show(id, false);
  show('directory', true);
  loadRooms();
  if (focus) $('directory-title').focus();
}

export function openGuidelines(room) {
  state.pendingGuidelines = room;
  $('guidelines-title').textContent = room.name;
  $('guidelines-topic').textContent = room.topic;
  $('guidelines-text').replaceChildren(...paragraphs(room.guidelines || 'This group has no written guidelines.'));
  $('guidelines-accept').checked = false;
  $('join-button').disabled = Boolean(room.guidelines);
  $('guidelines-accept').closest('label').hidden = !room.guidelines;
  $('join-error').textContent = '';
  show('directory', false);
  show('waiting-panel', false);
  show('guidelines', true);
  $('guidelines-title').focus();
}

/**
 * Joins a room. `accepted`: the member accepted the guidelines (this time, or before a reload,
 * with `version`, the version they read).
 */
export async function join(room, { accepted, version } = {}) {
  $('join-error').textContent = '';
  let reply;
  try {
    reply = await state.client.join(room.id, { acceptGuidelines: accepted || !room.guidelines,
      guidelinesVersion: room.guidelines ? version ?? room.guidelinesVersion : undefined });
  } catch (e) {
    if (e.code === 'guidelines_required' && accepted) {
      // The guidelines changed since they were read: show the new ones.
      await loadRooms();
      const fresh = state.rooms.find((r) => r.id === room.id);
      if (fresh) openGuidelines(fresh);
      $('join-error').textContent = 'The guidelines have just changed. Please read them again.';
      return false;
    }
    const why = {
      session_not_open: notOpenYet(room, e.message),
      not_found: 'This group is no longer available.',
      banned: 'You cannot join this group at the moment.',
      room_locked: 'This group is not taking new members right now. Please try again later.',
      room_full: 'This group is full right now. Please try again a little later.',
      guidelines_required: 'Please read and accept the guidelines first.',
    }[e.code] || 'Joining did not work. Please try again.';
    if ($('guidelines').hidden) page.notice({ key: 'join', text: why });
    else $('join-error').textContent = why;
    return false;
  }
  if (reply.waiting) {
    showWaiting(room, accepted);
    return false;
  }
  state.waitingFor = null;
  page.enterRoom(reply, { accepted: accepted || !room.guidelines, version: room.guidelinesVersion });
  return true;
}

/** A scheduled group whose room is not open yet: when it starts, in the member's own time. */
function notOpenYet(room, serverWords) {
  const fresh = state.rooms.find((r) => r.id === room.id) || room;
  const next = fresh.nextSession && sessionStart(fresh.nextSession);
  if (!next || next.past) return `This group is not open yet: ${serverWords}.`;
  return `This group’s next session starts ${next.text}. Its room opens a little before; please come back then.`;
}

function showWaiting(room, accepted) {
  state.waitingFor = { room, accepted };
  $('waiting-title').textContent = `Waiting to be let into ${room.name}`;
  $('waiting-text').textContent = 'A facilitator will let you in shortly. You can stay on this page: you will go in by yourself.';
  for (const id of ['guidelines', 'directory', 'room']) show(id, false);
  show('waiting-panel', true);
  $('waiting-title').focus();
}

export async function cancelWaiting() {
  const waited = state.waitingFor;
  state.waitingFor = null;
  if (waited) {
    try { await state.client.request('leave', { room: waited.room.id }); } catch { /* no longer waiting */ }
  }
  showDirectory({ focus: true });
}

/** A facilitator let the member in (notice admitted), or not (denied). */
export function onAdmission(n) {
  const waited = state.waitingFor;
  if (!waited || waited.room.id !== n.room) return false;
  if (n.kind === 'admitted') {
    join(waited.room, { accepted: waited.accepted });
  } else {
    state.waitingFor = null;
    page.notice({ key: 'join', text: `The facilitators could not let you into ${waited.room.name} right now.${n.reason ? ` ${n.reason}` : ''}` });
    showDirectory({ focus: true });
  }
  return true;
}
