// console.js: the facilitator's console beside the conversation (a side panel on a laptop, below
// the conversation on a phone), in tabs: People, Alerts, Session, Room and Activity, with a
// Check-ins tab to come (issue #18: its tab, panel and counter are in place, hidden). The
// counters under the room's title stay in view: waiting, hands, reports, alerts (and open
// check-ins); each opens its tab. The Activity tab (participation, audit) and the "Muted and
// banned" list refresh by themselves while they are open.
import { $ } from './dom.js';

const TABS = ['people', 'alerts', 'session', 'room', 'activity', 'checkins'];
const REFRESH_MS = 15000;

let hooks = {};      // tab name -> what to do when it shows (and every REFRESH_MS while it does)
let timer = null;
let home = null;     // where the moved sections came from

/** @param tabHooks {people?: fn, activity?: fn}: called when the tab shows, then every 15 s */
export function initConsole(tabHooks) {
  hooks = tabHooks;
  for (const name of TABS) $(`tab-${name}`).addEventListener('click', () => selectTab(name));
  $('console-tabs').addEventListener('keydown', onTabKey);
  for (const counter of document.querySelectorAll('#counters .counter')) {
    counter.addEventListener('click', () => {
      selectTab(counter.dataset.tab);
      $(`panel-${counter.dataset.tab}`).focus();
    });
  }
}

/** Shows the console for a facilitator in a room, or puts everything back for a member. */
export function showConsole(visible) {
  if (!home) home = { hereNow: $('here-now').parentElement, alerts: $('crisis-alerts').parentElement };
  $('console').hidden = !visible;
  $('counters').hidden = !visible;
  if (visible) {
    $('people-slot').append($('here-now'));
    $('alerts-slot').append($('crisis-alerts'));
    selectTab(currentTab() || 'people');
  } else {
    home.hereNow.prepend($('here-now'));
    home.alerts.prepend($('crisis-alerts'));
    stopRefresh();
  }
}

function currentTab() {
  return TABS.find((name) => $(`tab-${name}`).getAttribute('aria-selected') === 'true');
}

export function selectTab(name) {
  for (const other of TABS) {
    const selected = other === name;
    $(`tab-${other}`).setAttribute('aria-selected', String(selected));
    $(`tab-${other}`).tabIndex = selected ? 0 : -1;
    $(`panel-${other}`).hidden = !selected;
  }
  stopRefresh();
  const hook = hooks[name];
  if (hook && !$('console').hidden) {
    hook();
    timer = setInterval(hook, REFRESH_MS);
  }
}

/** Something changed that an open tab shows (a moderation step): refresh it now. */
export function refreshOpenTab() {
  const hook = hooks[currentTab()];
  if (hook && !$('console').hidden) hook();
}

function stopRefresh() {
  clearInterval(timer);
  timer = null;
}

function onTabKey(e) {
  const visible = TABS.filter((name) => !$(`tab-${name}`).hidden);
  const at = visible.indexOf(currentTab());
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: visible.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const name = visible[(next + visible.length) % visible.length];
  selectTab(name);
  $(`tab-${name}`).focus();
}

/** A counter under the room's title; `urgent` makes it stand out (an unanswered crisis alert). */
export function setCount(name, n, urgent = false) {
  const counter = document.querySelector(`#counters [data-counter="${name}"]`);
  if (!counter) return;
  counter.querySelector('.count').textContent = String(n);
  counter.classList.toggle('busy', n > 0);
  counter.classList.toggle('urgent', urgent);
  counter.setAttribute('aria-label', `${counter.firstChild.textContent.trim()}: ${n}${urgent ? ', needs an answer' : ''}`);
}

/** A short confirmation after a step ("Robin is muted for 5 min; only Robin and facilitators know"). */
export function status(text) {
  $('console-status').textContent = text;
}
