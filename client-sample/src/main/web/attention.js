// attention.js: a facilitator with Haven in a background tab still notices what waits: the tab's
// title counts it ("(2) Haven"), an optional sound plays, and an optional desktop notification
// shows (permission is asked from a click, as browsers require). Unread messages of a private
// check-in count in the title in any tab, until they are read (checkins.js says how many). The
// title stays neutral: it counts, it never names a group or a person.
import { $, state } from './dom.js';

let count = 0;
let unread = 0;   // unread check-in messages, counted until read, also in a visible tab
let sound = false;
let audio = null;

const baseTitle = () => state.site?.neutralTitle || 'Haven';

export function initAttention() {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') clear();
  });
  window.addEventListener('focus', clear);
  $('attention-sound').addEventListener('change', (e) => {
    sound = e.target.checked;
    if (sound && !audio) audio = new AudioContext();   // made in the click, so the browser lets it play
    if (sound) beep();
  });
  $('attention-notify').addEventListener('click', async () => {
    if (!('Notification' in window)) {
      $('attention-result').textContent = 'This browser cannot show desktop notifications.';
      return;
    }
    const answer = await Notification.requestPermission();
    $('attention-result').textContent = answer === 'granted'
      ? 'Desktop notifications are on while this tab is in the background.'
      : 'Desktop notifications are off: the browser was not allowed to show them.';
  });
}

/** The neutral title, with the count while the tab is in the background and the unread check-ins. */
export function resetTitle() {
  const n = count + unread;
  document.title = n ? `(${n}) ${baseTitle()}` : baseTitle();
}

/** How many check-in messages wait to be read (a badge in the title until then). */
export function setUnread(n) {
  unread = n;
  resetTitle();
}

function clear() {
  count = 0;
  resetTitle();
}

/**
 * Something needs the facilitator: counted in the title while the tab is hidden, with the
 * sound and notification if chosen. `text` names no member (it may show on a shared screen).
 * `counted: false`: something already counted otherwise (an unread check-in message).
 */
export function notify(kind, text, { counted = true } = {}) {
  if (document.visibilityState !== 'hidden') return;
  if (counted) count += 1;
  resetTitle();
  if (sound) beep();
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(baseTitle(), { body: text, tag: `haven-${kind}` });
    } catch {
      // some browsers only notify from a service worker; the title still counts
    }
  }
}

function beep() {
  if (!audio) return;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 660;
  gain.gain.setValueAtTime(0.15, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.4);
}
