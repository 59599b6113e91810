// reports.js: members' reports of messages, for facilitators: in the console's Alerts tab, with
// the Reports counter, a way to the reported message and "Done". A report about a facilitator's
// message also reaches the supervisors (v1.2): one who is not in that room reads it as a note.
import { $, el, time, state, nameOf } from './dom.js';
import * as messages from './messages.js';

let page = null;   // {counters: {set}, notice, attention}
let count = 0;

export function initReports(p) {
  page = p;
}

/** A new room on screen: no report yet. */
export function clearReports() {
  count = 0;
  $('reports').replaceChildren(el('li', { class: 'hint empty', text: 'No reports.' }));
  page.counters.set('reports', 0);
}

export function onReport(a) {
  const about = a.name ? `a message by ${a.name}` : 'a message';
  page.attention('report', 'A message was reported');
  if (a.room !== state.roomId) {
    const room = state.rooms.find((r) => r.id === a.room)?.name || 'another group';
    page.notice({ key: `report-${a.room}-${a.seq}`, text: `In ${room}, a member reported ${about} (message ${a.seq}), written by one of its staff.${a.reason ? ` “${a.reason}”` : ''}` });
    return;
  }
  const li = el('li', { class: 'alert-item' },
    el('p', { text: `${time(a.ts)}: ${nameOf(a.by, 'Someone')} reported ${about} (message ${a.seq}).` }),
    a.reason ? el('p', { class: 'hint', text: `“${a.reason}”` }) : null);
  const target = messages.messageElement(a.seq);
  if (target) {
    target.classList.add('reported');
    li.append(el('button', { type: 'button', class: 'quiet small', text: 'Show message',
      onclick: () => { target.scrollIntoView({ block: 'nearest' }); target.focus(); } }));
  }
  li.append(el('button', { type: 'button', class: 'quiet small', text: 'Done',
    'aria-label': `Mark the report about ${about} as done`,
    onclick: () => { li.remove(); page.counters.set('reports', --count); } }));
  $('reports').querySelector('.empty')?.remove();
  $('reports').prepend(li);
  page.counters.set('reports', ++count);
}
