// people.js: who is in the room. Members see "Here now"; facilitators see it in the console's
// People tab with an Actions button per member, the raised hands in order, the members waiting
// to be let in, and the "Muted and banned" list (present or not) with Unmute and Unban.
import { $, el, time, state, isStaffRole, isFacilitatorHere, rememberName, nameOf, duration } from './dom.js';

let page = null;          // {command, openMemberDialog, counters, attention}
const waiting = new Map(); // id -> {name, ts}

export function initPeople(p) {
  page = p;
}

export function enterRoom(members) {
  waiting.clear();
  setMembers(members);
  renderWaiting();
  $('sanctions').replaceChildren(el('li', { class: 'hint', text: 'Nobody is muted or banned.' }));
}

export function setMembers(members) {
  state.members = new Map(members.map((m) => [m.id, m]));
  for (const m of members) rememberName(m.id, m.name);
  state.me = state.members.get(state.user?.id) || null;
  render();
}

export function onPresence({ event, member }) {
  rememberName(member.id, member.name);
  if (event === 'leave') state.members.delete(member.id);
  else state.members.set(member.id, member);
  if (event === 'join' && waiting.delete(member.id)) renderWaiting();
  if (member.id === state.user?.id) state.me = event === 'leave' ? null : member;
  render();
}

/** A member waits to be let in (an alert of kind waiting). */
export function onWaiting(a) {
  rememberName(a.member, a.name);
  const fresh = !waiting.has(a.member);
  waiting.set(a.member, { name: a.name, ts: a.ts });
  renderWaiting();
  if (fresh) page.attention('waiting', 'Someone is waiting to join your group');
}

export function render() {
  const list = $('presence');
  list.replaceChildren();
  for (const m of state.members.values()) {
    const bits = [];
    if (isStaffRole(m.role) && !m.name.toLowerCase().includes(m.role)) bits.push(m.role);
    if (m.handRaised) bits.push('hand raised');
    if (m.voice && !isStaffRole(m.role)) bits.push('has the floor');
    if (m.muted) bits.push('muted');
    const li = el('li', { class: 'member' },
      el('span', { class: 'name', text: m.name + (m.id === state.user?.id ? ' (you)' : '') }),
      bits.length ? el('span', { class: 'hint', text: ` · ${bits.join(', ')}` }) : null);
    if (isFacilitatorHere() && !isStaffRole(m.role)) {
      li.append(el('button', { type: 'button', class: 'quiet small', text: 'Actions',
        'aria-label': `Actions for ${m.name}`, onclick: () => page.openMemberDialog(m) }));
    }
    list.append(li);
  }
  renderHands();
}

function renderHands() {
  const list = $('hands');
  list.replaceChildren();
  const raised = [...state.members.values()].filter((m) => m.handRaised).sort((a, b) => a.handRaised - b.handRaised);
  for (const m of raised) {
    list.append(el('li', {},
      el('span', { text: `${m.name} (since ${time(m.handRaised)}) ` }),
      state.room?.moderated ? el('button', { type: 'button', class: 'quiet small', text: 'Give the floor',
        'aria-label': `Give the floor to ${m.name}`,
        onclick: () => page.command('voice', { user: m.id, granted: true }, `${m.name} has the floor.`) }) : null,
      el('button', { type: 'button', class: 'quiet small', text: 'Lower', 'aria-label': `Lower the hand of ${m.name}`,
        onclick: () => page.command('lower_hand', { user: m.id }, `${m.name}'s hand is lowered.`) })));
  }
  if (!raised.length) list.append(el('li', { class: 'hint', text: 'No hands raised.' }));
  page.counters.set('hands', raised.length);
}

function renderWaiting() {
  const list = $('waiting');
  list.replaceChildren();
  for (const [id, w] of waiting) {
    const answered = () => { waiting.delete(id); renderWaiting(); };
    list.append(el('li', {},
      el('span', { text: `${w.name} (since ${time(w.ts)}) ` }),
      el('button', { type: 'button', class: 'small', text: 'Admit', 'aria-label': `Admit ${w.name}`,
        onclick: async () => { if (await page.command('admit', { user: id }, `${w.name} is let in.`)) answered(); } }),
      el('button', { type: 'button', class: 'quiet small', text: 'Deny', 'aria-label': `Deny ${w.name}`,
        onclick: async () => { if (await page.command('deny', { user: id }, `${w.name} was not let in, and was told kindly.`)) answered(); } })));
  }
  if (!waiting.size) list.append(el('li', { class: 'hint', text: 'Nobody is waiting.' }));
  page.counters.set('waiting', waiting.size);
}

/** Asks the server who is muted or banned now (also those who left) and lists them. */
export async function refreshSanctions() {
  if (!isFacilitatorHere()) return;
  let reply;
  try {
    reply = await state.client.request('sanctions', { room: state.roomId });
  } catch {
    return;
  }
  const list = $('sanctions');
  list.replaceChildren();
  const until = (s) => (s.until ? `until ${time(s.until)} (${duration(s.until - Date.now())} more)` : 'until lifted');
  for (const s of [...reply.muted, ...reply.banned]) rememberName(s.id, s.name);
  for (const s of reply.muted) {
    const name = s.name || nameOf(s.id);
    list.append(el('li', {}, el('span', { text: `${name}: muted ${until(s)} ` }),
      el('button', { type: 'button', class: 'quiet small', text: 'Unmute', 'aria-label': `Unmute ${name}`,
        onclick: () => page.command('unmute', { user: s.id }, `${name} can write again.`) })));
  }
  for (const s of reply.banned) {
    const name = s.name || nameOf(s.id);
    list.append(el('li', {}, el('span', { text: `${name}: banned ${until(s)} ` }),
      el('button', { type: 'button', class: 'quiet small', text: 'Unban', 'aria-label': `Unban ${name}`,
        onclick: () => page.command('unban', { user: s.id }, `${name} can join again.`) })));
  }
  if (!reply.muted.length && !reply.banned.length) list.append(el('li', { class: 'hint', text: 'Nobody is muted or banned.' }));
}
