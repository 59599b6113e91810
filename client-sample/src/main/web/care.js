// care.js: duty of care in the web page. Members get the server's support notice calmly, with
// its helplines, can ask a facilitator to check in, and can see the room's helplines.
// Facilitators (and supervisors, from every room) see crisis alerts and requests prominently,
// acknowledge them (reaching out / handled / false alarm) and see each other's updates; they
// can share a helpline with everyone or with one member. Texts from people and the server are
// inserted with textContent, never as HTML.

const ACTIONS = [
  ['reaching_out', 'I’m reaching out'],
  ['handled', 'Handled'],
  ['false_alarm', 'False alarm'],
];
const ACTION_WORDS = { reaching_out: 'reaching out', handled: 'handled', false_alarm: 'false alarm' };

/** A link for a helpline channel: tel: and sms: for numbers, the page itself for chat and web. */
function channelLink(el, channel) {
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

/** One helpline card: its name, how to reach it, its hours. */
export function cardElement(el, card, extra) {
  const item = el('li', { class: 'card', 'data-card': card.id },
    el('strong', { class: 'card-name', text: card.name }));
  const ways = el('span', { class: 'card-ways' });
  card.channels.forEach((channel, i) => {
    if (i > 0) ways.append(' · ');
    ways.append(channelLink(el, channel));
  });
  item.append(ways);
  if (card.hours) item.append(el('span', { class: 'hint card-hours', text: card.hours }));
  if (extra) item.append(extra);
  return item;
}

/**
 * @param ctx {$, el, time, state, notice}: the page's helpers and state (state.client, state.user,
 *            state.roomId, state.room, state.members, state.rooms)
 */
export function createCare(ctx) {
  const { $, el, time, state } = ctx;
  /** alertId -> {alert, updates: [], closed} for the alerts this user may acknowledge */
  const alerts = new Map();
  let resourcesCache = null;

  const isStaff = () => ['facilitator', 'supervisor'].includes(state.me?.role) || state.user?.role === 'supervisor';
  const roomName = (id) => state.rooms.find((r) => r.id === id)?.name || (state.room?.id === id ? state.room.name : id);
  const nameOf = (id) => state.members.get(id)?.name || (id === state.user?.id ? 'You' : id);

  // ---- the member's side ----

  function supportNotice(n) {
    const item = el('section', { class: 'notice support', 'aria-label': 'Support for you' },
      el('p', { text: n.text || '' }));
    if (n.resources?.length) {
      item.append(el('ul', { class: 'cards' }, ...n.resources.map((card) => cardElement(el, card))));
    }
    item.append(el('button', { type: 'button', class: 'quiet small', text: 'Close', 'aria-label': 'Close this note',
      onclick: () => item.remove() }));
    $('notices').prepend(item);
  }

  function showResources(cards) {
    const list = $('resources-list');
    list.replaceChildren();
    const share = isStaff() && state.roomId;
    $('share-controls').hidden = !share;
    if (share) {
      const to = $('share-to');
      to.replaceChildren(el('option', { value: '', text: 'Everyone in the group' }));
      for (const m of state.members.values()) {
        if (m.id !== state.user?.id && m.role === 'member') to.append(el('option', { value: m.id, text: m.name }));
      }
    }
    for (const card of cards) {
      const extra = share ? el('button', { type: 'button', class: 'small', text: 'Share',
        'aria-label': `Share ${card.name}`, onclick: () => shareCard(card) }) : null;
      list.append(cardElement(el, card, extra));
    }
    if (!cards.length) list.append(el('li', { class: 'hint', text: 'No helplines are set up for this group.' }));
  }

  async function shareCard(card) {
    const user = $('share-to').value;
    try {
      await state.client.request('share_resource', { room: state.roomId, card: card.id, ...(user ? { user } : {}) });
      $('resources-result').textContent = `Shared ${card.name} with ${user ? nameOf(user) : 'everyone'}.`;
    } catch {
      $('resources-result').textContent = 'That did not work. Please try again.';
    }
  }

  $('resources-button').addEventListener('click', async () => {
    $('resources-result').textContent = '';
    try {
      const reply = await state.client.request('resources', { room: state.roomId });
      resourcesCache = reply.cards;
      showResources(reply.cards);
    } catch {
      showResources(resourcesCache || []);
      $('resources-result').textContent = 'The list could not be loaded just now.';
    }
    $('resources-dialog').showModal();
  });

  $('request-button').addEventListener('click', () => {
    $('request-note').value = '';
    $('request-dialog').returnValue = '';
    $('request-dialog').showModal();
  });

  $('request-dialog').addEventListener('close', async () => {
    if ($('request-dialog').returnValue !== 'send') return;
    const note = $('request-note').value.trim();
    try {
      await state.client.request('request_facilitator', { room: state.roomId, ...(note ? { note } : {}) });
      const here = [...state.members.values()].some((m) => m.role !== 'member' && m.id !== state.user?.id);
      // With nobody here the server's own notice says so, honestly, and lists services open now.
      if (here) ctx.notice('Thank you. A facilitator has been asked to check in with you. Nobody else sees this.');
    } catch {
      ctx.notice('Your request could not be sent. Please try again.');
    }
  });

  // ---- the facilitator's side ----

  function renderAlerts() {
    const open = [...alerts.values()].filter((a) => !a.closed);
    const list = $('crisis-list');
    list.replaceChildren();
    for (const entry of [...alerts.values()].reverse()) list.append(alertItem(entry));
    $('crisis-alerts').hidden = alerts.size === 0;
    $('crisis-count').textContent = open.length ? `${open.length} open` : 'none open';
  }

  function alertItem({ alert: a, updates, closed }) {
    const crisis = a.kind === 'crisis';
    const classes = ['crisis-item', crisis ? `tier-${a.tier}` : 'request', a.urgent ? 'urgent' : '', closed ? 'closed' : '']
      .filter(Boolean).join(' ');
    const title = crisis ? `${a.name || a.member} may be in crisis` : `${a.name || a.member} asks for a facilitator`;
    const bits = [crisis ? (a.tier === 'high' ? 'High' : 'Concern') : 'Request', `in ${roomName(a.room)}`, time(a.ts)];
    if (a.urgent) bits.push('not acknowledged in time');
    if (a.escalated) bits.push('sent to supervisors');
    if (a.held) bits.push('their message is shown to facilitators only');
    const item = el('li', { class: classes, 'data-alert': a.alertId },
      el('p', { class: 'crisis-title', text: title }),
      el('p', { class: 'hint', text: bits.join(' · ') }));
    if (a.note) item.append(el('p', { class: 'crisis-note', text: `“${a.note}”` }));
    if (crisis && a.seq && a.room === state.roomId) {
      item.append(el('button', { type: 'button', class: 'quiet small', text: `Show message ${a.seq}`,
        onclick: () => { const li = document.querySelector(`#messages [data-seq="${a.seq}"]`); if (li) { li.setAttribute('tabindex', '-1'); li.focus(); } } }));
    }
    for (const u of updates) {
      item.append(el('p', { class: 'crisis-update',
        text: `${time(u.ts)} ${u.by === state.user?.id ? 'You' : nameOf(u.by)}: ${ACTION_WORDS[u.action] || u.action}` }));
    }
    if (!closed) {
      const row = el('div', { class: 'row', role: 'group', 'aria-label': `Respond to the alert about ${a.name || a.member}` });
      for (const [action, label] of ACTIONS) {
        row.append(el('button', { type: 'button', class: action === 'reaching_out' ? 'small' : 'quiet small', text: label,
          onclick: () => acknowledge(a, action) }));
      }
      item.append(row);
    }
    return item;
  }

  async function acknowledge(a, action) {
    try {
      await state.client.request('ack_alert', { room: a.room, alertId: a.alertId, action });
    } catch (e) {
      ctx.notice(e.code === 'not_found' ? 'That alert is already closed.' : 'That did not work. Please try again.');
    }
  }

  function onAlert(a) {
    if (a.kind === 'crisis' || a.kind === 'request_facilitator') {
      const known = alerts.get(a.alertId);
      alerts.set(a.alertId, { alert: a, updates: known?.updates || [], closed: false });
      renderAlerts();
      if (!known || (a.urgent && !known.alert.urgent)) {
        // A new or newly urgent alert is announced at once to assistive technology.
        $('crisis-announce').textContent = a.kind === 'crisis'
          ? `Crisis alert: ${a.name || a.member} in ${roomName(a.room)}${a.urgent ? ', not acknowledged in time' : ''}.`
          : `${a.name || a.member} in ${roomName(a.room)} asks for a facilitator.`;
      }
      return true;
    }
    if (a.kind === 'crisis_update' || a.kind === 'request_facilitator_update') {
      const entry = alerts.get(a.alertId);
      if (entry) {
        entry.updates.push(a);
        entry.closed = a.action === 'handled' || a.action === 'false_alarm';
        renderAlerts();
      }
      return true;
    }
    return false;
  }

  // ---- shared helplines and held messages, in the conversation ----

  function onResource(r) {
    if (r.room !== state.roomId) return;
    const li = el('li', { class: 'shared-card' }, el('p', { class: 'hint', text: 'A facilitator shared a helpline:' }));
    li.append(el('ul', { class: 'cards' }, cardElement(el, r.card)));
    $('messages').append(li);
    li.scrollIntoView({ block: 'nearest' });
  }

  function onHeldMessage(h) {
    if (h.room !== state.roomId) return;
    const mine = h.from.id === state.user?.id;
    const li = el('li', { class: `message held${mine ? ' mine' : ''}` },
      el('div', { class: 'meta' },
        el('span', { class: 'from', text: h.from.name }),
        el('span', { class: 'held-label', text: mine ? 'Shared with the facilitators for now' : 'Shown to facilitators only' }),
        el('time', { datetime: new Date(h.ts).toISOString(), text: time(h.ts) })),
      el('p', { class: 'text', text: h.text }));
    $('messages').append(li);
    li.scrollIntoView({ block: 'nearest' });
  }

  return {
    isStaff,
    /** @return whether the notice was a support notice, shown here */
    onNotice(n) {
      if (n.kind !== 'support') return false;
      supportNotice(n);
      return true;
    },
    onAlert,
    onResource,
    onHeldMessage,
    /** The member controls fit the user's role in the room on screen. */
    enterRoom() {
      $('request-button').hidden = isStaff();
      resourcesCache = null;
    },
    reset() {
      alerts.clear();
      renderAlerts();
    },
  };
}
