// What the service's operators add, on the page, in Debian's Chromium against the real server jar:
// an admin token told apart at sign-in, scheduled groups (when the next session starts, in the
// member's time; the room not open yet; the lobby's note), an announcement shown once (also after
// a reconnect), a member deleting their own message, and an archived room dropped and never
// rejoined. Every wait is an awaited condition with a timeout; nothing sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { token } from './harness.js';
import { serverAndBrowser, TIMEOUT, newPage, statusIs, signInAsGuest, openAndJoin, send, waitForMessage, recordFrames,
  assertAccessible } from './steps.js';

/** "HH:mm" in UTC, `minutes` from now: the start of a scheduled session. */
function utcClock(minutes) {
  return new Date(Date.now() + minutes * 60000).toISOString().slice(11, 16);
}

const EVERY_DAY = '[mon, tue, wed, thu, fri, sat, sun]';
const CONFIG = `
rooms:
  - {id: open-lounge, name: Open Lounge, category: general, topic: A drop-in room, capacity: 50, guidelines: Be kind.}
  - {id: quiet-room, name: Quiet Room, category: general, topic: Another drop-in room, capacity: 50}
  - id: later-group
    name: Later Group
    category: condition
    topic: A group that meets later
    capacity: 10
    schedule: {days: ${EVERY_DAY}, start: "${utcClock(40)}", durationMinutes: 60, timeZone: UTC, lobbyMinutes: 15}
  - id: soon-group
    name: Soon Group
    category: condition
    topic: A group that meets soon
    capacity: 10
    schedule: {days: ${EVERY_DAY}, start: "${utcClock(10)}", durationMinutes: 60, timeZone: UTC, lobbyMinutes: 15}
`;
const ADMIN = token({ sub: 'ops-1', name: 'Olu', role: 'admin' });

const env = serverAndBrowser(CONFIG);

function admin(method, path, body) {
  return fetch(new URL(path, env.server.url), {
    method,
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
}

test('an admin token is told apart; scheduled groups say when they start, in the member’s time', async () => {
  const olu = await newPage(env.browser);
  await olu.goto(`${env.server.url}#token=${ADMIN}`);
  await olu.locator('#signin-error', { hasText: 'This is an administrator’s token: it opens the admin API, not the groups.' })
    .waitFor({ timeout: TIMEOUT });
  assert.equal(await olu.locator('#signin').isVisible(), true);
  assert.equal(await olu.evaluate(() => sessionStorage.getItem('haven.token')), null, 'the token is not kept');

  const robin = await newPage(env.browser);
  await signInAsGuest(robin, env.server.url, 'Robin');
  const later = robin.locator('.room-card', { hasText: 'Later Group' });
  await later.waitFor({ timeout: TIMEOUT });
  assert.match(await later.textContent(), /session not started yet · starts (on \w+ \d+ \w+ )?at \d\d:\d\d( [AP]M)?, in (39|40) min/);
  await assertAccessible(robin, 'group list with scheduled groups');

  // Before its lobby opens: the room is not open yet, and the page says when it starts.
  await robin.getByRole('button', { name: 'Open Later Group' }).click();
  await robin.getByRole('button', { name: 'Join the group' }).click();
  await robin.locator('#join-error', { hasText: /This group’s next session starts (on .+ )?at .+, in (39|40) min\. Its room opens a little before/ })
    .waitFor({ timeout: TIMEOUT });

  // In its lobby: in, with the note of when it starts.
  await robin.getByRole('button', { name: 'Back to groups' }).click();
  await openAndJoin(robin, 'Soon Group');
  await robin.locator('#room-notices .notice', { hasText: /The group starts (on .+ )?at .+, in (9|10) min\. You can read along/ })
    .waitFor({ timeout: TIMEOUT });
  assert.deepEqual([...olu.errors, ...robin.errors], []);
  for (const page of [olu, robin]) await page.context().close();
});

test('an announcement shows once, also after a reconnect; a member deletes their own message; an archived room is left for good', async () => {
  const robin = await newPage(env.browser);
  const sent = [];
  robin.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(String(frame.payload))));
  await signInAsGuest(robin, env.server.url, 'Robin');
  await openAndJoin(robin, 'Open Lounge');
  const sam = await newPage(env.browser);
  const samFrames = recordFrames(sam);
  await signInAsGuest(sam, env.server.url, 'Sam');
  await openAndJoin(sam, 'Open Lounge');

  // An announcement: a word from the service, apart from what people write.
  assert.equal((await admin('POST', '/api/v1/rooms/open-lounge/announcements', { text: 'The lounge closes at 22:00 tonight.' })).status, 201);
  const announcement = robin.locator('#messages .announcement', { hasText: 'The lounge closes at 22:00 tonight.' });
  await announcement.waitFor({ timeout: TIMEOUT });
  assert.match(await announcement.textContent(), /^From the service · /);
  await assertAccessible(robin, 'room with an announcement');

  // Reconnecting brings it again after the join reply: still shown once.
  await robin.context().setOffline(true);
  await statusIs(robin, 'reconnecting', 30000);
  await robin.context().setOffline(false);
  await robin.locator('#reconnect-now').click({ timeout: 2000 }).catch(() => {}); // it hides once connected
  await statusIs(robin, 'open', 30000);
  await send(robin, 'Back again');
  await waitForMessage(sam, 'Back again');
  assert.equal(await robin.locator('#messages .announcement').count(), 1);

  // Robin deletes his own message; he may not delete Sam's.
  await send(sam, 'Hello from Sam');
  await waitForMessage(robin, 'Hello from Sam');
  assert.equal(await robin.locator('#messages .message', { hasText: 'Hello from Sam' }).getByRole('button', { name: /Delete/ }).count(), 0);
  await robin.locator('#messages .message', { hasText: 'Back again' }).getByRole('button', { name: 'Delete my message' }).click();
  const confirm = robin.locator('#confirm-dialog');
  await confirm.waitFor({ timeout: TIMEOUT });
  assert.match(await confirm.textContent(), /Everyone sees “This message was deleted\.” in its place/);
  await confirm.getByRole('button', { name: 'Delete my message' }).click();
  await robin.locator('#messages .deleted', { hasText: 'You deleted this message.' }).waitFor({ timeout: TIMEOUT });
  await sam.locator('#messages .deleted', { hasText: 'This message was deleted.' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await sam.locator('#messages .message .text', { hasText: 'Back again' }).count(), 0);

  // The room is archived: Robin is told, back at the groups, and the room is gone from them.
  const joinsBefore = sent.filter((f) => f.includes('"join"')).length;
  assert.equal((await admin('DELETE', '/api/v1/rooms/open-lounge')).status < 300, true);
  await robin.locator('#notices .notice', { hasText: 'This group has been closed by the service' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#directory:not([hidden])').waitFor({ timeout: TIMEOUT });
  await robin.locator('.room-card', { hasText: 'Open Lounge' }).waitFor({ state: 'detached', timeout: TIMEOUT });
  await robin.locator('.room-card', { hasText: 'Quiet Room' }).waitFor({ timeout: TIMEOUT });
  // ... and a reconnect, or a reload, never takes it back there.
  await robin.context().setOffline(true);
  await statusIs(robin, 'reconnecting', 30000);
  await robin.context().setOffline(false);
  await robin.locator('#reconnect-now').click({ timeout: 2000 }).catch(() => {});
  await statusIs(robin, 'open', 30000);
  await robin.reload();
  await robin.locator('#directory:not([hidden])').waitFor({ timeout: TIMEOUT });
  assert.equal(sent.filter((f) => f.includes('"join"')).length, joinsBefore, 'no join after the archive');
  assert.ok(samFrames.some((f) => f.includes('room_archived')));
  assert.deepEqual([...robin.errors, ...sam.errors], []);
  for (const page of [robin, sam]) await page.context().close();
});
