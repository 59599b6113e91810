// A member can trust what the page says, in Debian's Chromium against the real server jar: a
// silent network loss is noticed within the heartbeat and a message retried never arrives twice;
// after a server restart a guest is still themself and no longer paused; a reload brings a guest
// back to their room; a facilitator with the tab in the background sees a count in its title.
// Every wait is an awaited condition with a timeout; nothing sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, token } from './harness.js';
import { serverAndBrowser, TIMEOUT, newPage, statusIs, signInAsGuest, signInWithToken, openAndJoin, send, waitForMessage,
  countMessages, memberAction, consoleTab } from './steps.js';

// A short heartbeat, so that the liveness check (a quarter of it) is quick to see.
const HEARTBEAT_SECONDS = 4;
const CONFIG = `server:\n  heartbeatSeconds: ${HEARTBEAT_SECONDS}\n`;

const env = serverAndBrowser(CONFIG);

async function facilitator(name = 'Sam') {
  const page = await newPage(env.browser);
  await signInWithToken(page, env.server.url, token({ sub: `fac-${name}`, name, role: 'facilitator' }));
  return page;
}

test('a silent network loss is noticed within the heartbeat, and a message sent into it arrives exactly once', async () => {
  const fac = await facilitator();
  const robin = await newPage(env.browser);
  await openAndJoin(fac, 'Open Lounge');
  await signInAsGuest(robin, env.server.url, 'Robin');
  await openAndJoin(robin, 'Open Lounge');
  await statusIs(robin, 'open');

  // The network goes silently: no close, no error, just nothing. The page still believes it is
  // connected for a moment, and Robin writes.
  await robin.context().setOffline(true);
  const lost = Date.now();
  await send(robin, 'Are you all still there?');
  const pending = robin.locator('#messages .message.pending', { hasText: 'Are you all still there?' });
  await pending.locator('.pending-state', { hasText: 'Sending…' }).waitFor({ timeout: TIMEOUT });

  // Within the heartbeat the page knows, and says so.
  await statusIs(robin, 'reconnecting', 3 * HEARTBEAT_SECONDS * 1000);
  assert.ok(Date.now() - lost < 2 * HEARTBEAT_SECONDS * 1000, `noticed after ${Date.now() - lost} ms`);
  await robin.locator('#status', { hasText: 'Connection lost' }).waitFor({ timeout: TIMEOUT });
  assert.doesNotMatch(await robin.locator('#room').textContent(), /not sent/i, 'never "not sent" about a message on its way');

  // Offline, Enter keeps the text in the box and says why; "Reconnect now" is offered.
  await send(robin, 'I will wait here');
  await robin.locator('#composer-hint', { hasText: 'You are offline; your message will wait here' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await robin.getByLabel('Your message').inputValue(), 'I will wait here');
  assert.equal(await robin.locator('#composer-reconnect').isVisible(), true);

  // Back online: the waiting message goes with the clientId it had, and arrives once.
  await robin.context().setOffline(false);
  await robin.locator('#composer-reconnect').click({ timeout: 2000 }).catch(() => {}); // it hides once connected
  await statusIs(robin, 'open', 30000);
  await waitForMessage(fac, 'Are you all still there?');
  await pending.waitFor({ state: 'detached', timeout: TIMEOUT });
  await robin.locator('#composer-hint', { hasText: 'You are back online' }).waitFor({ timeout: TIMEOUT });
  await robin.getByLabel('Your message').press('Enter');
  await waitForMessage(fac, 'I will wait here');
  await waitForMessage(robin, 'I will wait here');
  for (const page of [fac, robin]) {
    assert.equal(await countMessages(page, 'Are you all still there?'), 1);
    assert.equal(await countMessages(page, 'I will wait here'), 1);
  }
  assert.deepEqual([...fac.errors, ...robin.errors], []);
  await fac.context().close();
  await robin.context().close();
});

test('close 1012 (the server restarts elsewhere): the page reconnects at once and misses nothing', async () => {
  const fac = await facilitator('Lee');
  const robin = await newPage(env.browser);
  // Between the page and the server, so the test can close Robin's connection with 1012 as a
  // server handing its connections to another instance would.
  const sockets = [];
  await robin.routeWebSocket(/\/ws$/, (ws) => {
    ws.connectToServer();
    sockets.push(ws);
  });
  await openAndJoin(fac, 'Veterans\' Hall');
  await signInAsGuest(robin, env.server.url, 'Robin');
  await openAndJoin(robin, 'Veterans\' Hall');
  await send(fac, 'Before the handover');
  await waitForMessage(robin, 'Before the handover');

  const closedAt = Date.now();
  await sockets.at(-1).close({ code: 1012, reason: 'service restart' });
  await send(fac, 'During the handover');
  await statusIs(robin, 'open', TIMEOUT);
  await waitForMessage(robin, 'During the handover');
  assert.equal(sockets.length, 2, 'one new connection');
  assert.ok(Date.now() - closedAt < 10000, `back after ${Date.now() - closedAt} ms`);
  assert.equal(await countMessages(robin, 'Before the handover'), 1);
  assert.equal(await countMessages(robin, 'During the handover'), 1);
  assert.deepEqual([...fac.errors, ...robin.errors], []);
  await fac.context().close();
  await robin.context().close();
});

test('after a restart a paused guest is still themself and may write again; a reload brings a guest back to the room', async () => {
  const fac = await facilitator('Fran');
  const robin = await newPage(env.browser);
  await openAndJoin(fac, 'Silver Circle');
  await signInAsGuest(robin, env.server.url, 'Robin');
  await openAndJoin(robin, 'Silver Circle');
  await send(robin, 'Before the restart');
  await waitForMessage(fac, 'Before the restart');
  await memberAction(fac, 'Robin', 'Mute', { duration: '' });
  await robin.locator('#send-button:disabled').waitFor({ timeout: TIMEOUT });
  const robinId = await robin.evaluate(() => JSON.parse(sessionStorage.getItem('haven.guest')).resume.length > 0);
  assert.equal(robinId, true, 'the guest keeps a resume in this tab');

  // The server restarts: mutes are in its memory only, so Robin may write again.
  const port = env.server.port;
  await env.server.stop();
  await statusIs(robin, 'reconnecting');
  env.server = await startServer({ port, config: CONFIG });
  for (const page of [robin, fac]) await page.locator('#reconnect-now').click({ timeout: 2000 }).catch(() => {}); // it hides once connected
  await statusIs(robin, 'open', 30000);
  await robin.locator('#messages .note', { hasText: 'server restarted' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#send-button:enabled').waitFor({ timeout: TIMEOUT });
  await robin.locator('#presence li', { hasText: 'Robin (you)' }).waitFor({ timeout: TIMEOUT });
  // Robin's own message is still Robin's: no Report button on it.
  const before = robin.locator('#messages .message', { hasText: 'Before the restart' });
  assert.equal(await before.getByRole('button', { name: /Report/ }).count(), 0);

  await send(robin, 'After the restart');
  await waitForMessage(fac, 'After the restart');
  const after = robin.locator('#messages .message', { hasText: 'After the restart' });
  await after.waitFor({ timeout: TIMEOUT });
  assert.match(await after.getAttribute('class'), /\bmine\b/);
  assert.equal(await after.getByRole('button', { name: /Report/ }).count(), 0);

  // A reload (or a swipe back on a phone) brings Robin back to the room, as Robin.
  await robin.reload();
  await robin.locator('#room-title', { hasText: 'Silver Circle' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await robin.locator('#signin').isVisible(), false);
  await robin.locator('#whoami', { hasText: 'Signed in as Robin' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#presence li', { hasText: 'Robin (you)' }).waitFor({ timeout: TIMEOUT });
  const mine = robin.locator('#messages .message', { hasText: 'After the restart' });
  await mine.waitFor({ timeout: TIMEOUT });
  assert.match(await mine.getAttribute('class'), /\bmine\b/);
  assert.equal(await fac.locator('#presence li', { hasText: 'Robin' }).count(), 1, 'one Robin, not a second guest');
  assert.deepEqual([...fac.errors, ...robin.errors], []);
  await fac.context().close();
  await robin.context().close();
});

test('a facilitator with the tab in the background sees a count in its neutral title', async () => {
  const fac = await facilitator('Kim');
  const robin = await newPage(env.browser);
  await openAndJoin(fac, 'Rainbow Room');
  await signInAsGuest(robin, env.server.url, 'Robin');
  await openAndJoin(robin, 'Rainbow Room');
  assert.equal(await fac.title(), 'Haven');

  // Headless Chromium always reports a visible page, so the test tells the page what a
  // browser tells it when the tab goes to the background.
  const setHidden = (page, hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(fac, true);
  await robin.getByRole('button', { name: 'Raise hand' }).click();
  await fac.waitForFunction(() => document.title === '(1) Haven', null, { timeout: TIMEOUT });
  await send(robin, "I can't go on like this. I'm going to end my life tonight");
  await fac.waitForFunction(() => document.title === '(2) Haven', null, { timeout: TIMEOUT });
  assert.doesNotMatch(await fac.title(), /Rainbow|Robin|crisis/i, 'the title never names a group or a person');

  await setHidden(fac, false);
  await fac.waitForFunction(() => document.title === 'Haven', null, { timeout: TIMEOUT });
  await consoleTab(fac, 'Alerts');
  await fac.locator('#crisis-list .crisis-item', { hasText: 'Robin may be in crisis' }).waitFor({ timeout: TIMEOUT });
  assert.deepEqual([...fac.errors, ...robin.errors], []);
  await fac.context().close();
  await robin.context().close();
});
