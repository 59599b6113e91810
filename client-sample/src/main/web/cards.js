// cards.js: a helpline card (its name, tap-to-call and tap-to-text links, its hours), as the
// support note, the helplines dialog, the welcome and a shared helpline all show it.
import { el } from './dom.js';

/** A link for a helpline channel: tel: and sms: for numbers, the page itself for chat and web. */
function channelLink(channel) {
  const digits = channel.value.replace(/[^\d+]/g, '');
  const label = channel.label || { call: `Call ${channel.value}`, text: `Text ${channel.value}`, chat: 'Chat online',
    web: channel.value.replace(/^https?:\/\//, '').replace(/\/$/, '') }[channel.type] || channel.value;
  let href = null;
  if ((channel.type === 'call' || channel.type === 'text') && digits) href = `${channel.type === 'call' ? 'tel' : 'sms'}:${digits}`;
  else if (/^https:\/\//.test(channel.value)) href = channel.value;
  if (!href) return el('span', { text: label });
  const link = el('a', { href, text: label });
  if (href.startsWith('https:')) {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  return link;
}

/** One helpline card; `extra` (a button) goes at its end. */
export function cardElement(card, extra) {
  const item = el('li', { class: 'card', 'data-card': card.id },
    el('strong', { class: 'card-name', text: card.name }));
  const ways = el('span', { class: 'card-ways' });
  card.channels.forEach((channel, i) => {
    if (i > 0) ways.append(' · ');
    ways.append(channelLink(channel));
  });
  item.append(ways);
  if (card.hours) item.append(el('span', { class: 'hint card-hours', text: card.hours }));
  if (extra) item.append(extra);
  return item;
}
