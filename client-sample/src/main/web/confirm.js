// confirm.js: one confirmation dialog for the steps that cannot be taken back (remove, ban,
// delete): it says what happens and what the member will see; Cancel has the focus.
import { $ } from './dom.js';

/**
 * @param {object} what
 * @param {string} what.title   "Ban Alex from this room?"
 * @param {string} what.text    what happens
 * @param {string} [what.sees]  what the member (or the room) will see
 * @param {string} what.action  the confirming button's words ("Ban Alex")
 * @returns {Promise<boolean>} whether it was confirmed
 */
export function confirmStep({ title, text, sees, action }) {
  const dialog = $('confirm-dialog');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-sees').textContent = sees || '';
  $('confirm-sees').hidden = !sees;
  $('confirm-yes').textContent = action;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
    dialog.showModal();
  });
}
