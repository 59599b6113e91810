// moderation.js: the member's Actions dialog. It offers only what fits the member's state now
// (Unmute only when muted, Lower hand only with a hand up, the floor only in a moderated room),
// opens a private check-in with the member (checkins.js),
// asks before removing or banning, saying what the member will see, and each step ends with a
// short confirmation ("Robin is muted for 5 min; only Robin and facilitators know").
import { $, state, duration } from './dom.js';
import { confirmStep } from './confirm.js';

let page = null;   // {command, notice, openCheckin}
let target = null;

export function initModeration(p) {
  page = p;
  $('member-dialog').addEventListener('close', () => act($('member-dialog').returnValue));
}

export function openMemberDialog(m) {
  target = m;
  const room = state.room;
  $('member-title').textContent = `Actions for ${m.name}`;
  const bits = [m.muted ? 'muted' : 'not muted', m.handRaised ? 'hand raised' : 'hand down'];
  if (room?.moderated) bits.push(m.voice ? 'has the floor' : 'no floor');
  $('member-state').textContent = bits.join(' · ');
  const fits = {
    mute: !m.muted,
    unmute: Boolean(m.muted),
    'voice-on': Boolean(room?.moderated) && !m.voice,
    'voice-off': Boolean(m.voice),
    lower: Boolean(m.handRaised),
    warn: true,
    checkin: true,
  };
  for (const button of $('member-actions').querySelectorAll('button')) button.hidden = !fits[button.value];
  $('member-reason').value = '';
  $('member-dialog').returnValue = '';
  $('member-dialog').showModal();
}

async function act(action) {
  const m = target;
  target = null;
  if (!m || !action || action === 'cancel') return;
  const reason = $('member-reason').value.trim();
  const secondsText = $('member-duration').value;
  const seconds = secondsText ? Number(secondsText) : null;
  const forHow = seconds ? `for ${duration(seconds * 1000)}` : 'until you lift it';
  const withReason = reason ? { reason } : {};
  const timed = seconds ? { seconds } : {};
  const user = m.id;
  const roomName = state.room?.name || 'this group';
  switch (action) {
    case 'mute':
      return page.command('mute', { user, ...timed, ...withReason }, `${m.name} is muted ${forHow}; only ${m.name} and facilitators know.`);
    case 'unmute':
      return page.command('unmute', { user }, `${m.name} can write again.`);
    case 'voice-on':
      return page.command('voice', { user, granted: true }, `${m.name} has the floor.`);
    case 'voice-off':
      return page.command('voice', { user, granted: false }, `The floor has moved on from ${m.name}.`);
    case 'lower':
      return page.command('lower_hand', { user }, `${m.name}'s hand is lowered.`);
    case 'checkin':
      return page.openCheckin({ room: state.roomId, user });
    case 'warn':
      if (!reason) {
        page.notice({ key: 'console', text: 'Write the private note first, then choose “Send private warning”.' });
        return null;
      }
      return page.command('warn', { user, text: reason }, `Your private note went to ${m.name}; only ${m.name} sees it.`);
    case 'remove':
      if (!await confirmStep({
        title: `Remove ${m.name} from the room?`,
        text: `${m.name} leaves the room at once and may come back later.`,
        sees: `${m.name} reads: “A facilitator has asked you to step out of ${roomName} for now. You are welcome to come back later.”${reason ? ' With your note.' : ''} The others see only that ${m.name} left.`,
        action: `Remove ${m.name}`,
      })) return null;
      return page.command('remove', { user, ...withReason }, `${m.name} has left the room; the others saw only that ${m.name} left.`);
    case 'ban':
      if (!await confirmStep({
        title: `Ban ${m.name} from ${roomName} ${forHow}?`,
        text: `${m.name} leaves the room at once and cannot come back ${seconds ? `for ${duration(seconds * 1000)}` : 'until you lift the ban'}. You can lift it under “Muted and banned”.`,
        sees: `${m.name} reads: “You cannot rejoin ${roomName} ${seconds ? 'until a set time' : 'for now'}. Other groups are still open to you.”${reason ? ' With your note.' : ''} The others see only that ${m.name} left.`,
        action: `Ban ${m.name}`,
      })) return null;
      return page.command('ban', { user, ...timed, ...withReason }, `${m.name} is banned ${forHow}; lift it under “Muted and banned”.`);
    default:
      return null;
  }
}
