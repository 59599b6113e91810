// audit.js: the console's Activity tab. The audit log in plain words with the names people had
// at the time ("Sam banned Alex for 15 min", "Sam turned on slow mode: 30 s"): the server's
// actorName and targetName when it sends them, else the names this page saw, never a raw id or
// a protocol word. And the participation table, members only, which fits its card.
import { $, el, time, state, duration, nameOf, isStaffRole } from './dom.js';

/** How long a timed mute or ban was given for, or "until lifted". */
function forHow(entry) {
  return entry.until ? `for ${duration(entry.until - entry.ts)}` : 'until lifted';
}

/** The settings a set_room changed ("locked=true slowModeSeconds=30"), in words. */
function settingsInWords(description) {
  const words = [];
  for (const part of (description || '').split(/\s+/).filter(Boolean)) {
    const [key, value] = part.split('=');
    if (key === 'locked') words.push(value === 'true' ? 'locked the room to new members' : 'opened the room to new members');
    else if (key === 'slowModeSeconds') words.push(value === '0' ? 'turned off slow mode' : `turned on slow mode: ${value} s`);
    else if (key === 'moderated') words.push(value === 'true' ? 'turned on moderated mode' : 'turned off moderated mode');
    else if (key === 'admission') words.push(value === 'approval' ? 'asked new members to wait for approval' : 'let new members join without approval');
    else if (key === 'guidelines') words.push('changed the group’s guidelines');
  }
  return words.length ? words.join('; ') : 'changed the room’s settings';
}

/** One audit entry as a sentence. `names(id)` gives a name for an id the entry does not name. */
export function describe(entry, names = nameOf) {
  // The reader's own steps read "You muted …"; others' by the name the server kept.
  const actor = entry.actor === state.user?.id ? 'You' : entry.actorName || names(entry.actor, 'A facilitator');
  const target = entry.targetName || names(entry.target);
  const words = {
    mute: () => `muted ${target} ${forHow(entry)}`,
    unmute: () => `unmuted ${target}`,
    remove: () => `asked ${target} to leave the room`,
    ban: () => `banned ${target} ${forHow(entry)}`,
    unban: () => `lifted the ban on ${target}`,
    delete: () => (entry.target ? `deleted a message by ${target}` : 'deleted a message'),
    set_room: () => settingsInWords(entry.reason),
    voice: () => (entry.reason === 'taken' ? `took the floor from ${target}` : `gave ${target} the floor`),
    admit: () => `let ${target} in`,
    deny: () => `did not let ${target} in`,
    warn: () => `sent ${target} a private warning`,
    lower_hand: () => `lowered ${target}’s hand`,
    open_session: () => 'opened the session',
    close_session: () => 'began closing the session',
    round_start: () => 'started a round',
    turn_extend: () => 'gave the speaker more time',
    turn_next: () => 'moved the round on to the next speaker',
    round_end: () => 'ended the round',
    mood_poll: () => 'started a mood check-in',
    checkin_open: () => `opened a private check-in with ${target}`,
    checkin_close: () => `closed a private check-in with ${target}`,
  }[entry.action];
  const what = words ? words() : `took a step the page cannot name yet${entry.target ? ` about ${target}` : ''}`;
  return `${actor} ${what}`;
}

/** The reasons a facilitator gave are their own words; set_room's "reason" is its settings. */
function reasonOf(entry) {
  return entry.reason && !['set_room', 'voice'].includes(entry.action) ? entry.reason : null;
}

export async function refreshAudit() {
  let reply;
  try {
    reply = await state.client.request('audit', { room: state.roomId, limit: 50 });
  } catch {
    return;
  }
  const list = $('audit');
  list.replaceChildren();
  for (const entry of reply.entries) {
    const reason = reasonOf(entry);
    list.append(el('li', {},
      el('time', { datetime: new Date(entry.ts).toISOString(), text: `${time(entry.ts)} ` }),
      el('span', { text: describe(entry) }),
      reason ? el('span', { class: 'hint', text: ` (“${reason}”)` }) : null));
  }
  if (!reply.entries.length) list.append(el('li', { class: 'hint', text: 'No actions yet.' }));
}

export async function refreshStats() {
  let reply;
  try {
    reply = await state.client.request('stats', { room: state.roomId });
  } catch {
    return;
  }
  const dominant = new Set(reply.dominant);
  const body = $('stats').tBodies[0];
  body.replaceChildren();
  const members = reply.members.filter((m) => !isStaffRole(state.members.get(m.id)?.role));
  for (const m of members) {
    const isDominant = dominant.has(m.id);
    body.append(el('tr', { class: isDominant ? 'dominant' : '' },
      el('th', { scope: 'row', text: m.name + (isDominant ? ' (speaks a lot)' : '') }),
      el('td', { text: String(m.messages) }),
      el('td', { text: `${Math.round(m.share * 100)} %` })));
  }
  $('stats-caption').textContent = `Members, last ${Math.round(reply.windowSeconds / 60)} minutes`;
  $('stats').hidden = members.length === 0;
  $('stats-empty').hidden = members.length > 0;
}
