// notices.js: private notes for this member (paused, warned, admitted, the support note after a
// crisis message, ...) where the member is looking: in a room, right above the message box; else
// at the top of the page. A note replaces the stale one of the same kind (the "paused until 8:08"
// note gives way to "you can send again"), a helpline already listed on screen is not listed
// twice, and a support note takes the focus so that it is seen and read out.
import { $, el, state } from './dom.js';
import { cardElement } from './cards.js';

const MAX_NOTES = 4;

/** Where notes go now: beside the composer in a room, else the page's own slot. */
function container() {
  return state.roomId && !$('room').hidden ? $('room-notices') : $('notices');
}

/** The helpline cards already shown in a note on screen. */
function cardsOnScreen() {
  return new Set([...document.querySelectorAll('#room-notices [data-card], #notices [data-card]')]
    .map((node) => node.dataset.card));
}

/**
 * Shows a private note.
 *
 * @param {object} note
 * @param {string} note.text
 * @param {string} [note.key]    notes with the same key replace one another
 * @param {string} [note.tone]   'calm' (default), 'support' or 'done'
 * @param {Array}  [note.cards]  helpline cards to list under it
 * @param {boolean} [note.focus] take the focus (support notes)
 * @returns {HTMLElement} the note
 */
export function showNote({ text, key, tone = 'calm', cards, focus = false }) {
  const box = container();
  if (key) document.querySelectorAll(`.notice[data-key="${CSS.escape(key)}"]`).forEach((old) => old.remove());
  const item = el('section', { class: `notice ${tone}`, 'data-key': key, tabindex: focus ? '-1' : null,
    'aria-label': tone === 'support' ? 'Support for you' : null }, el('p', { text }));
  if (cards?.length) {
    const shown = cardsOnScreen();
    const fresh = cards.filter((card) => !shown.has(card.id));
    if (fresh.length) item.append(el('ul', { class: 'cards', 'aria-label': 'Helplines' }, ...fresh.map((c) => cardElement(c))));
    if (fresh.length < cards.length) item.append(el('p', { class: 'hint', text: 'The helplines listed in the other note are open to you too.' }));
  }
  item.append(el('button', { type: 'button', class: 'quiet small', text: 'Dismiss', 'aria-label': 'Dismiss this note',
    onclick: () => item.remove() }));
  box.append(item);
  while (box.children.length > MAX_NOTES) box.firstElementChild.remove();
  if (focus) {
    item.scrollIntoView({ block: 'nearest' });
    item.focus({ preventScroll: true });
  } else {
    item.scrollIntoView({ block: 'nearest' });
  }
  return item;
}

/** Removes the note with this key, if any. */
export function dropNote(key) {
  document.querySelectorAll(`.notice[data-key="${CSS.escape(key)}"]`).forEach((old) => old.remove());
}

/** Leaving a room: its notes stay readable at the top of the page. */
export function moveNotesToPage() {
  const notes = [...$('room-notices').children];
  $('notices').append(...notes);
  while ($('notices').children.length > MAX_NOTES) $('notices').firstElementChild.remove();
}

/** Entering a room: the notes of the page before it have been read, and would push the room down. */
export function clearPageNotes() {
  $('notices').replaceChildren();
}

/** Signing out: nothing of the last person's notes stays on screen. */
export function clearNotes() {
  $('notices').replaceChildren();
  $('room-notices').replaceChildren();
}
