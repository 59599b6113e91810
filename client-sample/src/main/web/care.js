// care.js: duty of care in the web page. Members get the server's support notice calmly, with
// its helplines, beside the message box and with the focus; they can ask a facilitator to check
// in, and see the room's helplines. Facilitators (and supervisors, from every room) see crisis
// alerts and requests prominently (for a facilitator in a room: in the console's Alerts tab,
// with its counter), answer them with a private check-in (checkins.js) or acknowledge them
// (reaching out / handled / false alarm) and see each other's updates; a card says when its
// member has left, and tells two members of the same name apart; the alert an escalation page
// links to stands out.
// They can share a helpline with everyone or with one member. Texts from people and the server
// are inserted with textContent, never as HTML.
import { $, el, time, state, nameOf, rememberName } from './dom.js';
import { cardElement } from './cards.js';
import { appendItem } from './messages.js';

const ACTIONS = [
  ['reaching_out', 'I’m reaching out'],
  ['handled', 'Handled'],
  ['false_alarm', 'False alarm'],
];
const ACTION_WORDS = { reaching_out: 'reaching out', handled: 'handled', false_alarm: 'false alarm' };

/**
 * @param ctx {notice, counters: {set}, showAlerts(), attention(kind, text), openCheckin({room, user, alertId})}
 */
export function createCare(ctx) {
  /** alertId -> {alert, updates: [], closed} for the alerts this user may acknowledge */
  const alerts = new Map();
  let resourcesCache = null;
  /** the alert an acknowledge link named: it stands out, and takes the focus once it is here */
  let highlighted = null;
  let highlightDone = false;

  const isStaff = () => ['facilitator', 'supervisor'].includes(state.me?.role) || state.user?.role === 'supervisor';
  const roomName = (id) => state.rooms.find((r) => r.id === id)?.name || (state.room?.id === id ? state.room.name : 'another group');

  // ---- the member's side ----

  function supportNotice(n) {
    ctx.notice({ key: 'support', tone: 'support', text: n.text || '', cards: n.resources, focus: true });
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
      list.append(cardElement(card, extra));
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
      if (here) ctx.notice({ key: 'request', text: 'Thank you. A facilitator has been asked to check in with you. Nobody else sees this.' });
    } catch {
      ctx.notice({ key: 'request', text: 'Your request could not be sent. Please try again.' });
    }
  });

  // ---- the facilitator's side ----

  /** The member an alert is about, named so that two members of the same name differ. */
  function whoOf(a) {
    const name = a.name || nameOf(a.member, 'A member');
    const namesake = [...alerts.values()].some((e) => e.alert.member !== a.member && e.alert.name === a.name)
      || [...state.members.values()].some((m) => m.id !== a.member && m.name === a.name);
    return namesake ? `${name} (#${String(a.member).slice(-4)})` : name;
  }

  function renderAlerts() {
    const open = [...alerts.values()].filter((a) => !a.closed);
    const list = $('crisis-list');
    // Drawn again whole: a card that had the focus keeps it.
    const focused = list.contains(document.activeElement) ? document.activeElement.closest('[data-alert]')?.dataset.alert : null;
    list.replaceChildren();
    for (const entry of [...alerts.values()].reverse()) list.append(alertItem(entry));
    $('crisis-alerts').hidden = alerts.size === 0;
    if (focused) list.querySelector(`[data-alert="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
    $('alerts-none').hidden = open.length > 0;
    $('crisis-count').textContent = open.length ? `${open.length} open` : 'none open';
    // A crisis alert nobody has answered yet makes the counter stand out.
    ctx.counters.set('alerts', open.length, open.some((e) => (e.alert.kind === 'crisis' || e.alert.urgent) && !e.updates.length));
    showHighlighted();
  }

  function alertItem({ alert: a, updates, closed }) {
    const crisis = a.kind === 'crisis';
    const classes = ['crisis-item', crisis ? `tier-${a.tier}` : 'request', a.urgent ? 'urgent' : '', closed ? 'closed' : '']
      .filter(Boolean).join(' ');
    const who = whoOf(a);
    const title = crisis ? `${who} may be in crisis` : `${who} asks for a facilitator`;
    const bits = [crisis ? (a.tier === 'high' ? 'High' : 'Concern') : 'Request', `in ${roomName(a.room)}`, time(a.ts)];
    if (a.room === state.roomId && !state.members.has(a.member)) bits.push('has left the room');
    if (a.urgent) bits.push('not acknowledged in time');
    if (a.escalated) bits.push('sent to supervisors');
    if (a.held) bits.push('their message is shown to facilitators only');
    const item = el('li', { class: `${classes}${a.alertId === highlighted ? ' highlighted' : ''}`, 'data-alert': a.alertId,
      tabindex: a.alertId === highlighted ? '-1' : null },
      el('p', { class: 'crisis-title', text: title }),
      el('p', { class: 'hint', text: bits.join(' · ') }));
    if (a.note) item.append(el('p', { class: 'crisis-note', text: `“${a.note}”` }));
    if (crisis && a.seq && a.room === state.roomId) {
      item.append(el('button', { type: 'button', class: 'quiet small', text: `Show message ${a.seq}`,
        onclick: () => { const li = document.querySelector(`#messages [data-seq="${a.seq}"]`); if (li) { li.scrollIntoView({ block: 'nearest' }); li.focus(); } } }));
    }
    for (const u of updates) {
      const by = u.by === state.user?.id ? 'You' : u.byName || nameOf(u.by, 'A supervisor');
      item.append(el('p', { class: 'crisis-update', text: `${time(u.ts)} ${by}: ${ACTION_WORDS[u.action] || u.action}` }));
    }
    if (!closed) {
      const row = el('div', { class: 'row', role: 'group', 'aria-label': `Respond to the alert about ${who}` });
      row.append(el('button', { type: 'button', class: 'small', text: 'Check in',
        'aria-label': `Check in privately with ${who}`,
        onclick: () => ctx.openCheckin({ room: a.room, user: a.member, alertId: a.alertId }) }));
      for (const [action, label] of ACTIONS) {
        row.append(el('button', { type: 'button', class: 'quiet small', text: label,
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
      ctx.notice({ key: 'console', text: e.code === 'not_found' ? 'That alert is already closed.' : 'That did not work. Please try again.' });
    }
  }

  function onAlert(a) {
    if (a.kind === 'crisis' || a.kind === 'request_facilitator') {
      rememberName(a.member, a.name);
      const known = alerts.get(a.alertId);
      alerts.set(a.alertId, { alert: a, updates: known?.updates || [], closed: false });
      renderAlerts();
      if (!known || (a.urgent && !known.alert.urgent)) {
        // A new or newly urgent alert is announced at once to assistive technology, and shown.
        $('crisis-announce').textContent = a.kind === 'crisis'
          ? `Crisis alert: ${whoOf(a)} in ${roomName(a.room)}${a.urgent ? ', not acknowledged in time' : ''}.`
          : `${whoOf(a)} in ${roomName(a.room)} asks for a facilitator.`;
        ctx.showAlerts();
        ctx.attention(a.kind, a.kind === 'crisis' ? 'A crisis alert needs a facilitator' : 'A member asks for a facilitator');
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

  /** The alert of an acknowledge link, once its card is on screen: in view, with the focus. */
  function showHighlighted() {
    if (!highlighted || highlightDone) return;
    const card = $('crisis-list').querySelector(`[data-alert="${CSS.escape(highlighted)}"]`);
    if (!card) return;
    highlightDone = true;
    ctx.showAlerts();
    card.scrollIntoView({ block: 'nearest' });
    card.focus();
  }

  // ---- shared helplines and held messages, in the conversation ----

  function onResource(r) {
    if (r.room !== state.roomId) return;
    const li = el('li', { class: 'shared-card' }, el('p', { class: 'hint', text: 'A facilitator shared a helpline:' }));
    li.append(el('ul', { class: 'cards' }, cardElement(r.card)));
    appendItem(li);
  }

  function onHeldMessage(h) {
    if (h.room !== state.roomId) return;
    const mine = h.from.id === state.user?.id;
    appendItem(el('li', { class: `message held${mine ? ' mine' : ''}` },
      el('div', { class: 'meta' },
        el('span', { class: 'from', text: h.from.name }),
        el('span', { class: 'held-label', text: mine ? 'Shared with the facilitators for now' : 'Shown to facilitators only' }),
        el('time', { datetime: new Date(h.ts).toISOString(), text: time(h.ts) })),
      el('p', { class: 'text', text: h.text })));
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
    /** Presence changed: the cards say who has left. */
    presenceChanged() {
      if (alerts.size) renderAlerts();
    },
    /** The member controls fit the user's role in the room on screen. @returns whether a linked alert took the focus */
    enterRoom() {
      $('request-button').hidden = isStaff();
      resourcesCache = null;
      // In the room of a linked alert, the console shows it first (it may have shown at the top before).
      const linked = Boolean(highlighted && alerts.get(highlighted)?.alert.room === state.roomId);
      if (linked) highlightDone = false;
      renderAlerts();
      return linked;
    },
    reset() {
      alerts.clear();
      highlighted = null;
      renderAlerts();
    },
    /** An acknowledge link named this alert: it stands out when it is (or once it is) here. */
    highlight(alertId) {
      highlighted = alertId;
      highlightDone = false;
      renderAlerts();
    },
  };
}
