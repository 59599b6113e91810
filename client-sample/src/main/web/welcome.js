// welcome.js: what a newcomer reads before choosing a name (who runs this server, what it keeps
// and for how long, that it reads messages for crisis language, that it is not an emergency
// service, and the region's helplines), taken from the server's /site.json so it is true of this
// server; the neutral tab title; and the quick exit: a button always in view, or Esc twice,
// that leaves at once for an everyday site and takes nothing of Haven along in the tab.
import { $, el, state } from './dom.js';
import { cardElement } from './cards.js';
import { resetTitle } from './attention.js';

const ESC_TWICE_MS = 1200;
let lastEscape = 0;

export async function loadSite() {
  try {
    const response = await fetch('site.json', { cache: 'no-store' });
    if (!response.ok) return;
    state.site = await response.json();
  } catch {
    return; // the welcome's own words stay; they say nothing untrue
  }
  const site = state.site;
  resetTitle();
  $('welcome-operator').textContent = site.operator
    ? `Who runs this server: ${site.operator}`
    : 'The people who run this server have not said who they are here. If you are not sure, ask whoever gave you the link before you share anything personal.';
  if (site.emergencyNumber) {
    $('welcome-emergency').replaceChildren(el('strong', { text: 'Haven is not an emergency service.' }),
      ` If you are in danger right now, call ${site.emergencyNumber}.`);
  }
  const kept = [`Messages are kept in the server’s memory only: the last ${site.historyMessages} of a group, for at most ${site.historyHours} hours, and they are deleted when a facilitator closes the session. The server’s logs never hold what you write.`];
  if (site.guestResumeHours > 0) {
    kept.push(`As a guest, this tab remembers you for up to ${site.guestResumeHours} hours, so that a reload brings you back as yourself; signing out or closing the tab forgets you.`);
  }
  $('welcome-kept').textContent = kept.join(' ');
  const cards = site.helplines || [];
  $('welcome-helpline-list').replaceChildren(...cards.map((card) => cardElement(card)));
  $('welcome-helplines').hidden = cards.length === 0;
}

/** Leaves now: nothing on screen at once, nothing kept in the tab, then the everyday site in this entry. */
export function quickExit() {
  const to = state.site?.quickExitUrl || 'https://www.google.com/';
  try {
    sessionStorage.clear();
    state.client?.close();
  } finally {
    document.title = state.site?.neutralTitle || 'Haven';
    document.body.hidden = true;
    location.replace(to);
  }
}

export function initQuickExit() {
  $('quick-exit').addEventListener('click', quickExit);
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const now = Date.now();
    if (now - lastEscape < ESC_TWICE_MS) quickExit();
    lastEscape = now;
  });
}
