// dom.js: the page's small DOM helpers and its shared state. Every text from the server or from
// people goes in with textContent (the `text` property of el()), never as HTML.

export const $ = (id) => document.getElementById(id);

/** An element with properties (`text`, `class`, `on<event>`, attributes) and children. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

export const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function show(id, visible) { $(id).hidden = !visible; }

export const isStaffRole = (role) => role === 'facilitator' || role === 'supervisor';

/** "5 min", "1 h", "2 days": a duration in words for people. */
export function duration(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/**
 * When a scheduled session starts, in the member's own time: "at 19:00, in 12 min", or "on
 * Thursday 10 December at 19:00, in 2 days" when it is not today; `past` once it is due.
 */
export function sessionStart(iso, now = Date.now()) {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const today = new Date(at).toDateString() === new Date(now).toDateString();
  const day = today ? '' : `on ${new Date(at).toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' })} `;
  return { past: at <= now, text: `${day}at ${time(at)}${at > now ? `, in ${duration(at - now)}` : ''}` };
}

/**
 * Guidelines and other configured prose as paragraphs: a blank line starts a new paragraph; a
 * single line break inside one (YAML folds lines so) is a space.
 */
export function paragraphs(text) {
  return text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean)
    .map((p) => el('p', { text: p }));
}

/** A name with the role after it, unless the name already says it ("Sam (facilitator)"). */
export function nameWithRole(name, role) {
  if (!isStaffRole(role) || name.toLowerCase().includes(role)) return name;
  return `${name} (${role})`;
}

/** The page's state, shared by its modules. */
export const state = {
  client: null,
  user: null,           // {id, name, role} from the latest hello
  site: null,           // /site.json
  rooms: [],            // the directory
  room: null,           // the room object of the room on screen
  roomId: null,
  members: new Map(),   // id -> member object
  me: null,             // my member object in the room
  names: new Map(),     // id -> the last name seen for it in this room (for alerts and the audit)
  pendingGuidelines: null,
  waitingFor: null,     // the room this member waits to be let into
};

/** Whether the user is staff in the room on screen. */
export function isFacilitatorHere() { return isStaffRole(state.me?.role); }

/** Remembers a name for an id, so alerts and the audit still name people who left. */
export function rememberName(id, name) {
  if (id && name) state.names.set(id, name);
}

/** The name of an id as last seen, or a kind description. */
export function nameOf(id, fallback = 'a member who has left') {
  if (!id) return fallback;
  if (id === state.user?.id) return state.user.name;
  return state.members.get(id)?.name || state.names.get(id) || fallback;
}
