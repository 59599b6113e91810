// Private check-ins on the page, in Debian's Chromium against the real server jar: the crisis flow
// from the member's message to the alert, "Check in", a two-way conversation in a private panel
// where the member is looking, two threads side by side for the facilitator with unread counts,
// the thread found again after a reconnect, and the close with an outcome; a bystander receives
// nothing. Then the witness rule of a youth room. Every wait is an awaited condition with a
// timeout; nothing sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { token } from './harness.js';
import { serverAndBrowser, TIMEOUT, newPage, signInAsGuest, signInWithToken, openAndJoin, send, waitForMessage, memberAction,
  consoleTab, assertAccessible, recordFrames, screenshotPath } from './steps.js';

const CONFIG = `
rooms:
  - {id: open-lounge, name: Open Lounge, category: general, topic: A drop-in room for anyone who needs to talk,
     tags: [drop-in], capacity: 50, region: US}
  - {id: youth-circle, name: Youth Circle, category: demographic, topic: A group for young people aged 16 to 24,
     tags: [youth], capacity: 20, region: US, checkinWitness: true}
`;
const WORDS = "I can't go on like this. I'm going to end my life tonight";

const env = serverAndBrowser(CONFIG);

async function staff(sub, name, role = 'facilitator') {
  const page = await newPage(env.browser, { width: 1280, height: 1000 });
  await signInWithToken(page, env.server.url, token({ sub, name, role }));
  return page;
}

async function guest(name, room, viewport) {
  const page = await newPage(env.browser, viewport);
  await signInAsGuest(page, env.server.url, name);
  if (room) await openAndJoin(page, room);
  return page;
}

/** The member's check-in panel is on screen: inside the window, whatever the page's scroll. */
function inView(locator) {
  return locator.evaluate((n) => {
    const r = n.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });
}

test('the crisis flow: the member’s message, the alert, "Check in", a private two-way conversation, and its close', async () => {
  const fran = await staff('fac-fran', 'Fran');
  await openAndJoin(fran, 'Open Lounge');
  const robin = await guest('Robin', 'Open Lounge', { width: 1100, height: 800 });
  const ada = await guest('Ada', 'Open Lounge');
  const sky = await newPage(env.browser);
  const skyFrames = recordFrames(sky);
  await signInAsGuest(sky, env.server.url, 'Sky');
  await openAndJoin(sky, 'Open Lounge');
  await fran.locator('#presence li', { hasText: 'Sky' }).waitFor({ timeout: TIMEOUT });
  // Robin is reading earlier messages, scrolled away from the message box.
  for (let i = 1; i <= 8; i++) await send(ada, `Ada's message ${i} about a long week`);
  await waitForMessage(robin, "Ada's message 8 about a long week");

  // Robin writes of ending his life: the alert reaches Fran, who checks in from its card.
  await send(robin, WORDS);
  await robin.locator('#room-notices .notice.support').waitFor({ timeout: TIMEOUT });
  await robin.evaluate(() => window.scrollTo(0, 0));
  const alert = fran.locator('#crisis-list .crisis-item', { hasText: 'Robin may be in crisis' });
  await alert.waitFor({ timeout: TIMEOUT });
  await alert.getByRole('button', { name: 'Check in privately with Robin' }).click();

  // Fran: the console's Check-ins tab, the thread, the focus in its message box.
  await fran.locator('#tab-checkins[aria-selected="true"]').waitFor({ timeout: TIMEOUT });
  await fran.locator('#checkin-intro', { hasText: 'A private check-in with Robin in Open Lounge, opened by you' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await fran.evaluate(() => document.activeElement.id), 'checkin-text');
  // Opening it from the alert acknowledged the alert: Fran is reaching out.
  await alert.locator('.crisis-update', { hasText: 'You: reaching out' }).waitFor({ state: 'attached', timeout: TIMEOUT });

  // Robin: a private panel where he is looking, with the focus, and a badge in the title.
  const dock = robin.locator('#checkin-dock');
  await dock.waitFor({ timeout: TIMEOUT });
  await robin.locator('#checkin-intro', { hasText: 'Fran from the group would like to check in with you, privately.' })
    .waitFor({ timeout: TIMEOUT });
  assert.ok(await inView(dock), 'the check-in panel is on screen');
  assert.equal(await robin.evaluate(() => document.activeElement.id), 'checkin-thread', 'the focus moved to the check-in');
  assert.match(await dock.textContent(), /Private: nothing here is shown in the group\./);
  assert.match(await robin.locator('#checkin-who').textContent(), /Who can read it: you, Fran \(facilitator\)\./);
  await robin.waitForFunction(() => document.title === '(1) Haven', null, { timeout: TIMEOUT });
  assert.equal(await robin.locator('.notice', { hasText: 'would like to check in' }).count(), 0,
    'the reaching-out words introduce the check-in, not a second note');
  await assertAccessible(robin, 'the member’s check-in panel');

  // Both ways.
  await fran.getByLabel('Your private message').fill('Hi Robin, it’s Fran. I saw your message. How are you doing right now?');
  await fran.getByLabel('Your private message').press('Enter');
  await robin.locator('#checkin-messages .checkin-message', { hasText: 'How are you doing right now?' }).waitFor({ timeout: TIMEOUT });
  await robin.waitForFunction(() => document.title === '(2) Haven', null, { timeout: TIMEOUT });
  await robin.getByLabel('Your private message').click();
  await robin.waitForFunction(() => document.title === 'Haven', null, { timeout: TIMEOUT });
  await robin.getByLabel('Your private message').fill('Not great. Thank you for asking.');
  await robin.getByLabel('Your private message').press('Enter');
  await fran.locator('#checkin-messages .checkin-message', { hasText: 'Not great. Thank you for asking.' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#checkin-messages .checkin-message.mine:not(.pending)', { hasText: 'Not great' }).waitFor({ timeout: TIMEOUT });
  await assertAccessible(fran, 'facilitator console, Check-ins');

  // A second thread, from Ada's Actions: two tabs; Robin's unread count shows on his while Ada's is open.
  await memberAction(fran, 'Ada', 'Check in privately');
  await fran.locator('#checkin-list [role="tab"][aria-selected="true"]', { hasText: 'Ada' }).waitFor({ timeout: TIMEOUT });
  await ada.locator('#checkin-dock').waitFor({ timeout: TIMEOUT });
  await robin.getByLabel('Your private message').fill('I am still here.');
  await robin.getByLabel('Your private message').press('Enter');
  await fran.locator('#checkin-list [role="tab"]', { hasText: 'Robin (1 new)' }).waitFor({ timeout: TIMEOUT });
  await fran.locator('#counters [data-counter="checkins"] .count', { hasText: '2' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await ada.locator('#checkin-messages').textContent().then((t) => t.includes('still here')), false,
    'Ada’s check-in holds nothing of Robin’s');
  await fran.locator('#checkin-list [role="tab"]', { hasText: 'Robin' }).click();
  await fran.locator('#checkin-messages .checkin-message', { hasText: 'I am still here.' }).waitFor({ timeout: TIMEOUT });
  await fran.locator('#checkin-list [role="tab"]', { hasText: /^Robin$/ }).waitFor({ timeout: TIMEOUT });

  // Robin's connection drops; Fran writes meanwhile; back, the thread is there with it, once.
  await robin.context().setOffline(true);
  await robin.locator('#status[data-state="reconnecting"]').waitFor({ timeout: 30000 });
  await fran.getByLabel('Your private message').fill('Take your time. I am here.');
  await fran.getByLabel('Your private message').press('Enter');
  await fran.locator('#checkin-messages .checkin-message', { hasText: 'Take your time.' }).waitFor({ timeout: TIMEOUT });
  await robin.context().setOffline(false);
  await robin.locator('#reconnect-now').click({ timeout: 2000 }).catch(() => {}); // it hides once connected
  await robin.locator('#status[data-state="open"]').waitFor({ timeout: 30000 });
  await robin.locator('#checkin-messages .checkin-message', { hasText: 'Take your time. I am here.' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await robin.locator('#checkin-messages .checkin-message').count(), 4, 'each message once');
  await robin.screenshot({ path: screenshotPath('screenshot-checkin.png') });
  await fran.screenshot({ path: screenshotPath('screenshot-checkin-console.png') });

  // Fran closes it, recording how it ended: the messages are gone for both; the audit has the outcome.
  await fran.getByLabel(/How it ended/).selectOption('referred');
  await fran.getByRole('button', { name: 'Close the check-in' }).click();
  const confirm = fran.locator('#confirm-dialog');
  await confirm.waitFor({ timeout: TIMEOUT });
  assert.match(await confirm.textContent(), /Robin reads that the check-in has ended/);
  await confirm.getByRole('button', { name: 'Close the check-in' }).click();
  await fran.locator('#console-status', { hasText: 'The check-in with Robin is closed; its messages are deleted.' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#checkin-ended', { hasText: 'This check-in was closed by Fran. Its messages have been deleted.' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await robin.locator('#checkin-messages .checkin-message').count(), 0);
  assert.equal(await robin.locator('#checkin-composer').isVisible(), false);
  await assertAccessible(robin, 'a check-in that ended');
  await robin.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await robin.locator('#checkin-dock').waitFor({ state: 'hidden', timeout: TIMEOUT });
  await consoleTab(fran, 'Activity');
  await fran.locator('#audit li', { hasText: 'You closed a private check-in with Robin: referred to other help' }).waitFor({ timeout: TIMEOUT });
  await fran.locator('#audit li', { hasText: 'You opened a private check-in with Robin, from an alert' }).waitFor({ timeout: TIMEOUT });

  // Sky, in the same room all along, saw nothing and received nothing of it.
  assert.equal(await sky.locator('#checkin-dock').isVisible(), false);
  assert.ok(skyFrames.some((f) => f.includes('"type":"message"')), 'Sky’s frames were recorded');
  assert.deepEqual(skyFrames.filter((f) => /"type":"checkin|reaching_out|"checkins":\[\{/.test(f)), [],
    'no check-in frame reached a bystander');
  assert.doesNotMatch(skyFrames.join('\n'), /How are you doing right now|Not great/);
  assert.deepEqual([...fran.errors, ...robin.errors, ...ada.errors, ...sky.errors], []);
  for (const page of [fran, robin, ada, sky]) await page.context().close();
});

test('a youth room: nothing is written in a check-in until a second member of staff is in it, and the page says so', async () => {
  const fran = await staff('fac-fran2', 'Fran');
  await openAndJoin(fran, 'Youth Circle');
  const robin = await guest('Robin', 'Youth Circle', { width: 390, height: 844 });
  await memberAction(fran, 'Robin', 'Check in privately');
  const waiting = fran.locator('#checkin-witness', { hasText: 'asks for two staff members in a check-in' });
  await waiting.waitFor({ timeout: TIMEOUT });
  assert.equal(await fran.locator('#checkin-send').isDisabled(), true);
  await robin.locator('#checkin-witness', { hasText: 'always has two staff members in a private conversation' }).waitFor({ timeout: TIMEOUT });
  assert.ok(await inView(robin.locator('#checkin-dock')), 'on a phone too, the panel is on screen');
  await assertAccessible(robin, 'a check-in waiting for a second member of staff, phone');

  // Gil comes into the room: he is in the check-in, and messages flow.
  const gil = await staff('fac-gil', 'Gil');
  await openAndJoin(gil, 'Youth Circle');
  await fran.locator('#checkin-witness', { hasText: 'A second member of staff is here now' }).waitFor({ timeout: TIMEOUT });
  await fran.locator('#checkin-send:enabled').waitFor({ timeout: TIMEOUT });
  await fran.getByLabel('Your private message').fill('Hi Robin, Gil and I are both here.');
  await fran.getByRole('button', { name: 'Send privately' }).click();
  await robin.locator('#checkin-messages .checkin-message', { hasText: 'Gil and I are both here' }).waitFor({ timeout: TIMEOUT });
  await consoleTab(gil, 'Check-ins');
  await gil.locator('#checkin-messages .checkin-message', { hasText: 'Gil and I are both here' }).waitFor({ timeout: TIMEOUT });
  assert.match(await robin.locator('#checkin-who').textContent(), /Fran \(facilitator\), Gil \(facilitator\)/);
  // The member may end it too, without an outcome.
  await robin.getByRole('button', { name: 'End this conversation' }).click();
  await robin.locator('#confirm-dialog').getByRole('button', { name: 'End the conversation' }).click();
  await fran.locator('#checkin-ended', { hasText: 'closed by Robin' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#checkin-dock').waitFor({ state: 'hidden', timeout: TIMEOUT });
  assert.deepEqual([...fran.errors, ...robin.errors, ...gil.errors], []);
  for (const page of [fran, robin, gil]) await page.context().close();
});

test('a check-in message lost on its way is sent again after the reconnect with the same clientId, and arrives once', async () => {
  const fran = await staff('fac-fran3', 'Fran');
  await openAndJoin(fran, 'Open Lounge');
  const robin = await newPage(env.browser);
  // Between Robin's page and the server: the test loses his first check-in message on its way,
  // then the connection, as a network failing at that moment would.
  const sends = [];
  const sockets = [];
  await robin.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      const frame = JSON.parse(String(m));
      if (frame.type === 'checkin_send') {
        sends.push(frame);
        if (sends.length === 1) return;
      }
      server.send(m);
    });
    sockets.push(ws);
  });
  await signInAsGuest(robin, env.server.url, 'Robin');
  await openAndJoin(robin, 'Open Lounge');
  await memberAction(fran, 'Robin', 'Check in privately');
  await robin.locator('#checkin-dock').waitFor({ timeout: TIMEOUT });

  await robin.getByLabel('Your private message').fill('Can we talk after the group?');
  await robin.getByLabel('Your private message').press('Enter');
  const pending = robin.locator('#checkin-messages .pending', { hasText: 'Can we talk after the group?' });
  await pending.locator('.pending-state', { hasText: 'Sending…' }).waitFor({ timeout: TIMEOUT });
  assert.equal(sends.length, 1);
  await sockets.at(-1).close({ code: 1012, reason: 'service restart' });
  await fran.locator('#checkin-messages .checkin-message', { hasText: 'Can we talk after the group?' }).waitFor({ timeout: TIMEOUT });
  await pending.waitFor({ state: 'detached', timeout: TIMEOUT });
  await robin.locator('#checkin-messages .checkin-message.mine', { hasText: 'Can we talk after the group?' }).waitFor({ timeout: TIMEOUT });
  assert.equal(sends.length, 2);
  assert.equal(sends[1].clientId, sends[0].clientId, 'the retry keeps the clientId');
  for (const page of [fran, robin]) {
    assert.equal(await page.locator('#checkin-messages .checkin-message', { hasText: 'Can we talk after the group?' }).count(), 1);
  }
  assert.deepEqual([...fran.errors, ...robin.errors], []);
  for (const page of [fran, robin]) await page.context().close();
});
