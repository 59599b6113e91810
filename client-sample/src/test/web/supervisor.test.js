// A supervisor on the page, in Debian's Chromium against the real server jar: on duty (said again
// after a reconnect and a reload), the roster as facilitators see it, an escalated alert answered
// with a check-in from no room at all, and the acknowledge link of an escalation page opening the
// room with the alert shown first. Every wait is an awaited condition with a timeout; nothing sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { token } from './harness.js';
import { serverAndBrowser, TIMEOUT, newPage, statusIs, signInAsGuest, signInWithToken, openAndJoin, send, consoleTab,
  assertAccessible } from './steps.js';

// Escalation within seconds: re-sent as urgent after 1 s, to the supervisors 1 s later.
const CONFIG = `
care:
  ackTimeoutSeconds: {high: 1, concern: 1, request: 1}
  supervisorAfterSeconds: 1
`;
const WORDS = "I can't go on like this. I'm going to end my life tonight";

const env = serverAndBrowser(CONFIG);

test('a supervisor on duty answers an escalated alert with a check-in, and follows an escalation page’s link', async () => {
  const sueToken = token({ sub: 'sup-sue', name: 'Sue', role: 'supervisor' });
  const sue = await newPage(env.browser, { width: 1280, height: 1000 });
  const sueSent = watched();
  const sockets = [];
  // Between the page and the server, so the test can take Sue's connection away and read what she sends.
  await sue.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      sueSent.push(String(m));
      server.send(m);
    });
    sockets.push(ws);
  });
  await signInWithToken(sue, env.server.url, sueToken);
  await sue.getByRole('switch', { name: /I am on duty/ }).check();
  await sue.locator('#duty-roster li', { hasText: /^You, since/ }).waitFor({ timeout: TIMEOUT });
  await sue.locator('#duty-result', { hasText: 'You are on duty' }).waitFor({ timeout: TIMEOUT });
  await assertAccessible(sue, 'supervisor, on duty');

  const fran = await newPage(env.browser, { width: 1280, height: 1000 });
  await signInWithToken(fran, env.server.url, token({ sub: 'fac-fran', name: 'Fran', role: 'facilitator' }));
  await openAndJoin(fran, 'Open Lounge');
  await consoleTab(fran, 'Alerts');
  await fran.locator('#duty-roster-console li', { hasText: /^Sue, since/ }).waitFor({ timeout: TIMEOUT });

  // Sue's connection goes: on duty is said again on the new one.
  await sockets.at(-1).close({ code: 1012, reason: 'service restart' });
  await statusIs(sue, 'open', TIMEOUT);
  await sueSent.until((all) => all.filter((f) => f.includes('"type":"duty"')).length === 2, 'duty said again after the reconnect');
  await sue.locator('#duty-roster li', { hasText: /^You, since/ }).waitFor({ timeout: TIMEOUT });
  await consoleTab(fran, 'People');
  await consoleTab(fran, 'Alerts');
  await fran.locator('#duty-roster-console li', { hasText: /^Sue, since/ }).waitFor({ timeout: TIMEOUT });

  // Robin writes of ending his life; nobody in the room answers; it reaches Sue, who checks in.
  const robin = await newPage(env.browser, { width: 1100, height: 800 });
  await signInAsGuest(robin, env.server.url, 'Robin');
  await openAndJoin(robin, 'Open Lounge');
  await send(robin, WORDS);
  const alert = sue.locator('#crisis-list .crisis-item', { hasText: 'Robin may be in crisis' });
  await alert.locator('.hint', { hasText: 'sent to supervisors' }).waitFor({ timeout: 20000 });
  const alertId = await alert.getAttribute('data-alert');
  await alert.getByRole('button', { name: 'Check in privately with Robin' }).click();
  const dock = sue.locator('#checkin-dock');
  await dock.waitFor({ timeout: TIMEOUT });
  await sue.locator('#checkin-intro', { hasText: 'A private check-in with Robin in Open Lounge, opened by you' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await sue.evaluate(() => document.activeElement.id), 'checkin-text');
  await robin.locator('#checkin-intro', { hasText: 'Sue from the support team would like to check in with you' }).waitFor({ timeout: TIMEOUT });
  await sue.getByLabel('Your private message').fill('Hi Robin, I am Sue from the support team. I am here with you.');
  await sue.getByLabel('Your private message').press('Enter');
  await robin.locator('#checkin-messages .checkin-message', { hasText: 'I am Sue from the support team' }).waitFor({ timeout: TIMEOUT });
  await robin.getByLabel('Your private message').fill('Thank you, Sue.');
  await robin.getByLabel('Your private message').press('Enter');
  await sue.locator('#checkin-messages .checkin-message', { hasText: 'Thank you, Sue.' }).waitFor({ timeout: TIMEOUT });
  // Fran, in the room, is in it too.
  await fran.locator('#counters [data-counter="checkins"] .count', { hasText: '1' }).waitFor({ timeout: TIMEOUT });
  await assertAccessible(sue, 'supervisor’s check-in panel');

  // The escalation page's acknowledge link: no group in the address, the room, the alert first.
  const second = await newPage(env.browser, { width: 1280, height: 1000 });
  await second.goto(`${env.server.url}#token=${sueToken}&room=open-lounge&alert=${encodeURIComponent(alertId)}`);
  await second.locator('#guidelines-title', { hasText: 'Open Lounge' }).waitFor({ timeout: TIMEOUT });
  assert.doesNotMatch(second.url(), /lounge|alert/i, 'the link left the address bar');
  await second.locator('#notices .notice', { hasText: 'You came from an alert’s link' }).waitFor({ timeout: TIMEOUT });
  await second.getByLabel('I have read and accept these guidelines').check();
  await second.getByRole('button', { name: 'Join the group' }).click();
  await second.locator('#tab-alerts[aria-selected="true"]').waitFor({ timeout: TIMEOUT });
  const highlighted = second.locator(`#crisis-list .crisis-item.highlighted[data-alert="${alertId}"]`);
  await highlighted.waitFor({ timeout: TIMEOUT });
  await second.waitForFunction((id) => document.activeElement?.dataset?.alert === id, alertId, { timeout: TIMEOUT });
  assert.match(await highlighted.textContent(), /Sue: reaching out|You: reaching out/);

  // Sue closes the check-in with an outcome; Robin reads that it ended.
  await sue.getByLabel(/How it ended/).selectOption('resolved');
  await sue.getByRole('button', { name: 'Close the check-in' }).click();
  await sue.locator('#confirm-dialog').getByRole('button', { name: 'Close the check-in' }).click();
  await robin.locator('#checkin-ended', { hasText: 'closed by Sue' }).waitFor({ timeout: TIMEOUT });

  // A reload keeps Sue on duty in this tab.
  await sue.reload();
  await sue.locator('#duty-roster li', { hasText: /^You, since/ }).waitFor({ timeout: TIMEOUT });
  assert.equal(await sue.getByRole('switch', { name: /I am on duty/ }).isChecked(), true);
  assert.deepEqual([...sue.errors, ...fran.errors, ...robin.errors, ...second.errors], []);
  for (const page of [sue, fran, robin, second]) await page.context().close();
});

/** A list of frames with `until(condition)`: resolves once the frames so far meet it, or fails after a timeout. */
function watched() {
  const all = [];
  const waiters = new Set();
  all.push = (...items) => {
    Array.prototype.push.apply(all, items);
    for (const w of waiters) if (w.condition(all)) w.resolve();
    return all.length;
  };
  all.until = (condition, what, timeoutMs = TIMEOUT) => new Promise((resolve, reject) => {
    if (condition(all)) return resolve();
    const w = { condition, resolve: () => { clearTimeout(w.timer); waiters.delete(w); resolve(); } };
    w.timer = setTimeout(() => { waiters.delete(w); reject(new Error(`timed out: ${what}`)); }, timeoutMs);
    waiters.add(w);
  });
  return all;
}
