// sessions.js: the facilitated session on Haven's page: the session's state, rounds, mood
// check-ins, content warnings and changed guidelines, for members and facilitators. app.js
// owns the page and hands this module what it needs through initSessions(). Every text from
// the server or from people goes in with textContent, never as HTML.

import { paragraphs, isStaffRole, sessionStart } from './dom.js';

const CW_LABELS = {
  suicide: 'Suicide',
  self_harm: 'Self-harm',
  substance_use: 'Substance use',
  trauma: 'Trauma',
  abuse: 'Abuse',
};

let ui = null;          // what app.js gives: {$, el, time, notice, command, addNote, client(), state()}
let round = null;       // the last round event of the room on screen, or null
let poll = null;        // the open mood check-in, or null
let acceptedVersion = 0;
let ticker = null;

/** Connects the module to the page; call once. */
export function initSessions(page) {
  ui = page;
  const { $ } = ui;
  $('round-done').addEventListener('click', () => endTurn('turn_done'));
  $('round-pass').addEventListener('click', () => endTurn('pass'));
  $('round-next').addEventListener('click', () => ui.command('turn_next', {}, 'The round moved on to the next speaker.'));
  $('round-extend').addEventListener('click', () => ui.command('turn_extend', { seconds: 60 }, 'The speaker has one more minute.'));
  $('round-end').addEventListener('click', () => ui.command('round_end', {}, 'The round has ended.'));
  $('session-open').addEventListener('click', () => ui.command('open_session', {}, 'The session is open: members can write.'));
  $('session-close').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('session-close-text').value.trim();
    ui.command('close_session', { graceSeconds: Number($('session-close-grace').value), ...(text ? { text } : {}) },
      'The session is closing; everyone has been told.');
  });
  $('round-start').addEventListener('submit', (e) => {
    e.preventDefault();
    const prompt = $('round-prompt-input').value.trim();
    if (!prompt) {
      ui.notice({ key: 'console', text: 'Write the prompt that each member speaks to first.' });
      return;
    }
    ui.command('round_start', {
      kind: $('round-kind').value,
      prompt,
      turnSeconds: Number($('round-seconds').value),
      order: $('round-random').checked ? 'random' : 'join',
      allowPass: $('round-allow-pass').checked,
      talkingStick: $('round-stick').checked,
    }, 'The round has started.');
  });
  $('mood-start').addEventListener('submit', (e) => {
    e.preventDefault();
    ui.command('mood_poll', { phase: $('mood-phase').value, closesInSeconds: Number($('mood-seconds').value) },
      'The mood check-in is open.');
  });
  $('mood-form').addEventListener('submit', (e) => {
    e.preventDefault();
    answerMood();
  });
  $('cw-label').addEventListener('change', () => {
    const custom = $('cw-label').value === 'custom';
    $('cw-text').hidden = !custom;
    $('cw-text-label').hidden = !custom;
    if (custom) $('cw-text').focus();
  });
  $('guidelines-changed-accept').addEventListener('click', acceptGuidelines);
}

// ---- entering and leaving a room ----

/** The join reply of the room now on screen. */
export function enterRoom(reply) {
  acceptedVersion = reply.room.guidelinesVersion ?? 1;
  round = null;
  poll = null;
  ui.$('mood-shared').replaceChildren(emptyItem('No one has shared a check-in.'));
  ui.$('mood-result').textContent = '';
  ui.$('guidelines-changed').hidden = true;
  showSession(reply.room);
  showRound(reply.round || null);
  showPoll(reply.moodPoll || null);
}

export function leaveRoom() {
  round = null;
  poll = null;
  stopTicker();
  ui.$('round').hidden = true;
  ui.$('mood').hidden = true;
}

/** A rejoin after a reconnect: the round and check-in as they stand now. */
export function rejoined(reply) {
  showSession(reply.room);
  showRound(reply.round || null);
  showPoll(reply.moodPoll || null);
}

// ---- the session's state ----

export function roomUpdated(room) {
  showSession(room);
  const me = ui.state().me;
  if (room.guidelines && (room.guidelinesVersion ?? 1) > acceptedVersion && !isStaffRole(me?.role)) {
    ui.$('guidelines-changed-text').replaceChildren(...paragraphs(room.guidelines));
    ui.$('guidelines-changed').hidden = false;
  } else if (isStaffRole(me?.role)) {
    acceptedVersion = room.guidelinesVersion ?? acceptedVersion;
  }
}

function showSession(room) {
  const { $ } = ui;
  const words = sessionWords(room);
  $('session-state').textContent = words;
  $('session-state').hidden = !words;
  $('session-state').dataset.state = room.state || 'open';
  $('session-fac-state').textContent = {
    lobby: 'Members are waiting in the lobby: they can read but not write until you open the session.',
    open: room.closesAt ? `Closing at ${ui.time(room.closesAt)}.` : 'The session is open.',
    unfacilitated: 'No facilitator was present.',
  }[room.state || 'open'] ?? '';
  $('session-open').textContent = room.closesAt ? 'Keep the session open' : 'Open the session';
  $('session-open').hidden = room.state !== 'lobby' && !room.closesAt;
}

function sessionWords(room) {
  if (room.closesAt) return `This session closes at ${ui.time(room.closesAt)}. What was said in it is then deleted.`;
  if (room.state === 'lobby') return 'The session has not started yet. You can read along until a facilitator opens it.';
  if (room.state === 'unfacilitated') return 'No facilitator is with the group right now. The room stays open.';
  return '';
}

async function acceptGuidelines() {
  const room = ui.state().room;
  const version = room?.guidelinesVersion ?? 1;
  try {
    await ui.client().join(room.id, { acceptGuidelines: true, guidelinesVersion: version });
    acceptedVersion = version;
    ui.$('guidelines-changed').hidden = true;
    ui.refreshComposer();
  } catch (e) {
    ui.notice({ key: 'guidelines', text: e.code === 'guidelines_required' ? 'The guidelines changed again; please read them once more.'
      : 'That did not work. Please try again.' });
  }
}

/** Whether the guidelines changed since this member accepted them. */
export function guidelinesPending() {
  return !ui.$('guidelines-changed').hidden;
}

// ---- private notices and facilitators' alerts ----

/** @returns whether the notice was one of the session's */
export function onNotice(n, roomName) {
  switch (n.kind) {
    case 'unfacilitated':
      ui.notice({ key: 'session', tone: 'support', text: n.text || 'No facilitator is with the group right now.',
        cards: n.resources });
      return true;
    case 'session_closing':
      ui.notice({ key: 'session', text: n.text || `The session in ${roomName} is closing.` });
      return true;
    case 'session_closed':
      ui.notice({ key: 'session', text: n.text || `The session in ${roomName} has ended.` });
      return true;
    case 'session_scheduled': {
      // A scheduled group's lobby: when it starts, in the member's own time (the server's words
      // give the room's time zone).
      const room = ui.state().rooms.find((r) => r.id === n.room) || ui.state().room;
      const next = room?.id === n.room && room.nextSession && sessionStart(room.nextSession);
      ui.notice({ key: 'session', text: next && !next.past
        ? `The group starts ${next.text}. You can read along until a facilitator opens the session.` : n.text });
      return true;
    }
    case 'turn_warning':
      ui.$('round-turn').textContent = 'Your time is nearly up. Finish your thought, then choose “I\'m done”.';
      return true;
    default:
      return false;
  }
}

/** @returns whether the alert was one of the session's */
export function onAlert(a) {
  if (a.kind === 'unfacilitated') {
    // For supervisors, from any room.
    const name = ui.state().rooms.find((r) => r.id === a.room)?.name || 'a group';
    ui.notice({ key: `unfacilitated-${a.room}`, text: `No facilitator has been with ${name} since ${ui.time(a.ts)}. Its members were told and offered helplines.` });
    return true;
  }
  if (a.kind !== 'mood_shared') return false;
  if (a.room !== ui.state().roomId) return true;
  const list = ui.$('mood-shared');
  list.querySelector('.empty')?.remove();
  const value = a.value == null ? 'chose not to give a number' : `${a.value} of 5`;
  list.prepend(ui.el('li', { class: 'alert-item', text: `${ui.time(a.ts)}: ${a.name} shared their check-in: ${value}` }));
  return true;
}

// ---- rounds ----

export function onRound(ev) {
  const was = round;
  showRound(ev.state === 'ended' ? null : ev);
  if (ev.state === 'ended' && was) ui.addNote(`The ${kindWords(ev.kind).toLowerCase()} round has ended.`);
  ui.refreshComposer();
}

function kindWords(kind) {
  return { check_in: 'Check-in', check_out: 'Check-out', go_round: 'Go-round' }[kind] || 'Round';
}

function showRound(ev) {
  const { $ } = ui;
  const wasMine = isMyTurn();
  round = ev;
  const facilitator = isStaffRole(ui.state().me?.role);
  $('round').hidden = !round;
  $('round-controls').hidden = !round || !facilitator;
  stopTicker();
  if (!round) return;
  $('round-title').textContent = `${kindWords(round.kind)} round`;
  $('round-prompt').textContent = round.prompt;
  const mine = isMyTurn();
  $('round-mine').hidden = !mine;
  $('round-pass').hidden = !round.allowPass;
  if (round.state === 'paused') {
    $('round-turn').textContent = 'The round is paused until a facilitator is back.';
  } else if (mine) {
    $('round-turn').textContent = `It is your turn${round.talkingStick ? ' (only you write now)' : ''}. Take your time.`;
    if (!wasMine) $('round-done').focus();
  } else {
    $('round-turn').textContent = `${nameOf(round.speaker)} is speaking${round.talkingStick ? '; only they write for now' : ''}.`;
  }
  $('round-queue').textContent = round.queue.length ? `Next: ${round.queue.map(nameOf).join(', ')}` : 'Last turn.';
  tick();
  if (round.state === 'running') ticker = setInterval(tick, 1000);
}

function tick() {
  const el = ui.$('round-time');
  if (!round || round.state !== 'running' || !round.turnEndsAt) {
    el.textContent = round?.remainingMs != null ? `${clock(round.remainingMs)} left when it goes on` : '';
    return;
  }
  el.textContent = `${clock(Math.max(0, round.turnEndsAt - Date.now()))} left`;
}

function clock(ms) {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function stopTicker() {
  clearInterval(ticker);
  ticker = null;
}

function isMyTurn() {
  return Boolean(round && round.state === 'running' && round.speaker === ui.state().user?.id);
}

function nameOf(id) {
  return ui.state().members.get(id)?.name || 'someone who left';
}

async function endTurn(type) {
  if (await ui.command(type, {})) ui.$('message-text').focus();
}

/** The names in the round follow the presence list. */
export function presenceChanged() {
  if (round) showRound(round);
}

/** Why the composer is closed to this member now, or ''. */
export function composerBlock() {
  const state = ui.state();
  if (isStaffRole(state.me?.role)) return '';
  if (state.room?.state === 'lobby') return 'The session has not started yet. You can read along until a facilitator opens it.';
  if (guidelinesPending()) return 'The guidelines have changed. Please read and accept them above to keep writing.';
  if (round && round.state === 'running' && round.talkingStick && round.speaker !== state.user?.id) {
    return `${nameOf(round.speaker)} has the talking stick. You can write when it is your turn.`;
  }
  return '';
}

/** The speaker of a round may write in a moderated room. */
export function hasTurn() {
  return isMyTurn();
}

// ---- mood check-ins ----

export function onMoodPoll(ev) {
  ui.$('mood-result').textContent = '';
  showPoll(ev);
}

function showPoll(ev) {
  const { $ } = ui;
  poll = ev;
  const staff = isStaffRole(ui.state().me?.role);
  $('mood').hidden = !poll && !$('mood-result').textContent;
  // Facilitators are not asked their own mood: they see that it is open, then the summary.
  $('mood-form').hidden = !poll || staff;
  if (!poll) return;
  $('mood-title').textContent = poll.phase === 'check_out' ? 'Mood check-out' : 'Mood check-in';
  if (staff) {
    $('mood-result').textContent = `Members are answering until ${ui.time(poll.closesAt)}. You will see the group's summary then.`;
    return;
  }
  for (const input of document.querySelectorAll('input[name="mood-value"]')) input.checked = false;
  $('mood-share').checked = false;
  $('mood-closes').textContent = `Open until ${ui.time(poll.closesAt)}.`;
}

async function answerMood() {
  const chosen = document.querySelector('input[name="mood-value"]:checked');
  if (!poll || !chosen) {
    ui.notice({ key: 'mood', text: 'Choose a number from 1 to 5, or “I\'d rather not say”.' });
    return;
  }
  const share = ui.$('mood-share').checked;
  const ok = await ui.command('mood', { pollId: poll.pollId, value: chosen.value ? Number(chosen.value) : null,
    ...(share ? { shareWithFacilitator: true } : {}) });
  if (!ok) return;
  ui.$('mood-form').hidden = true;
  ui.$('mood-result').textContent = share ? 'Thank you. The facilitators can see your answer.'
    : 'Thank you. Your answer only counts in the summary.';
}

export function onMoodSummary(s) {
  const { $ } = ui;
  if (poll?.pollId === s.pollId) poll = null;
  $('mood-form').hidden = true;
  $('mood').hidden = false;
  const took = `${s.n} ${s.n === 1 ? 'person' : 'people'} took part.`;
  if (s.suppressed || !s.distribution) {
    $('mood-result').textContent = `${took} Fewer than five gave a number, so no breakdown is shown: that keeps everyone's answer private.`;
    return;
  }
  const parts = Object.entries(s.distribution).map(([score, count]) => `${score}: ${count}`);
  $('mood-result').textContent = `${took} How the group feels, from 1 (very low) to 5 (very good): ${parts.join(' · ')}.`;
}

// ---- content warnings ----

/** The text of a message; under a content warning, collapsed behind its label until opened. */
export function messageBody(m, mine) {
  const text = ui.el('p', { class: 'text', text: m.text });
  if (!m.cw) return text;
  const label = m.cw.label === 'custom' ? m.cw.text : `${CW_LABELS[m.cw.label] || m.cw.label}${m.cw.text ? `: ${m.cw.text}` : ''}`;
  const details = ui.el('details', { class: 'cw' },
    ui.el('summary', { text: `Content warning: ${label}` }), text);
  if (mine) details.open = true;
  return details;
}

/** The content warning the sender chose, or undefined. */
export function chosenCw() {
  const label = ui.$('cw-label').value;
  if (!label) return undefined;
  const text = ui.$('cw-text').value.trim();
  if (label === 'custom') return text ? { label, text } : null;
  return { label };
}

export function resetCw() {
  ui.$('cw-label').value = '';
  ui.$('cw-text').value = '';
  ui.$('cw-text').hidden = true;
  ui.$('cw-text-label').hidden = true;
}

function emptyItem(text) {
  return ui.el('li', { class: 'hint empty', text });
}
