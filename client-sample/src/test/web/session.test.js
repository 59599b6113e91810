// A facilitated session end to end, in Debian's Chromium against the real server jar: a
// facilitator and two members in three browser contexts. Every wait is an awaited condition
// with a timeout; nothing sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, token, launchBrowser, cleanUp } from './harness.js';
import { consoleTab } from './steps.js';

const TIMEOUT = 15000;
// One room that waits for a facilitator, one that does not.
const CONFIG = `
rooms:
  - id: thursday-group
    name: Thursday Group
    category: condition
    topic: A facilitated evening group
    capacity: 10
    requireFacilitator: true
    guidelines: What is shared here stays here.
  - id: open-lounge
    name: Open Lounge
    category: general
    topic: A drop-in room
    capacity: 10
    guidelines: Be kind.
`;

let server;
let browser;

before(async () => {
  server = await startServer({ config: CONFIG });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  cleanUp();
});

async function page(viewport = { width: 1280, height: 1100 }) {
  const p = await (await browser.newContext({ viewport })).newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  return p;
}

async function signInAsGuest(p, name) {
  await p.goto(server.url);
  await p.getByLabel('Your pseudonym').fill(name);
  await p.keyboard.press('Enter');
  await p.locator('#status[data-state="open"]').waitFor({ timeout: TIMEOUT });
}

async function signInAsFacilitator(p) {
  await p.goto(`${server.url}#token=${token({ sub: 'fac-1', name: 'Fran', role: 'facilitator' })}`);
  await p.locator('#whoami', { hasText: 'Fran (facilitator)' }).waitFor({ timeout: TIMEOUT });
}

async function openAndJoin(p, roomName) {
  await p.getByRole('button', { name: `Open ${roomName}` }).click();
  await p.getByLabel('I have read and accept these guidelines').check();
  await p.getByRole('button', { name: 'Join the group' }).click();
  await p.locator('#room-title', { hasText: roomName }).waitFor({ timeout: TIMEOUT });
}

async function send(p, text) {
  await p.getByLabel('Your message').fill(text);
  await p.getByRole('button', { name: 'Send' }).click();
}

test('a round with a talking stick, a content-warned message, a mood check-in, and the session from lobby to close', async () => {
  const fac = await page();
  const robin = await page();
  const sky = await page();
  await signInAsFacilitator(fac);
  // A pseudonym that would let people reach the member outside the group is refused, and why.
  await robin.goto(server.url);
  await robin.getByLabel('Your pseudonym').fill('Robin 555 123 4567');
  await robin.keyboard.press('Enter');
  await robin.locator('#signin-error', { hasText: 'must not contain a phone number' }).waitFor({ timeout: TIMEOUT });
  await signInAsGuest(robin, 'Robin');
  await signInAsGuest(sky, 'Sky');

  // Lobby: members read but cannot write until the facilitator opens the session.
  await openAndJoin(robin, 'Thursday Group');
  await robin.locator('#session-state', { hasText: 'The session has not started yet' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await robin.locator('#send-button').isDisabled(), true, 'no writing in the lobby');
  await openAndJoin(fac, 'Thursday Group');
  await openAndJoin(sky, 'Thursday Group');
  await consoleTab(fac, 'Session');
  await fac.getByRole('button', { name: 'Open the session' }).click();
  await robin.locator('#session-state').waitFor({ state: 'hidden', timeout: TIMEOUT });
  await robin.locator('#send-button:enabled').waitFor({ timeout: TIMEOUT });

  // A message under a content warning is collapsed for others until opened.
  await robin.getByLabel('Content warning').selectOption('self_harm');
  await send(robin, 'Last week I hurt myself again.');
  const warned = sky.locator('#messages details.cw', { hasText: 'Content warning: Self-harm' });
  await warned.waitFor({ timeout: TIMEOUT });
  assert.equal(await warned.locator('.text').isVisible(), false, 'the text waits behind its label');
  await warned.locator('summary').click();
  await warned.locator('.text', { hasText: 'Last week I hurt myself again.' }).waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.equal(await robin.getByLabel('Content warning').inputValue(), '', 'the choice resets after sending');
  await robin.getByLabel('Content warning').selectOption('custom');
  await robin.getByLabel('Warning, in a few words').fill('a car accident');
  await send(robin, 'The anniversary of the crash is today.');
  await sky.locator('#messages details.cw summary', { hasText: 'Content warning: a car accident' }).waitFor({ timeout: TIMEOUT });

  // A check-in round with a talking stick, in join order: Robin, then Sky.
  // (Robin's words raised a crisis alert, which brought the Alerts tab forward.)
  await consoleTab(fac, 'Session');
  await fac.getByLabel('Prompt').fill('One word for how you arrive');
  await fac.getByLabel('Time per turn').selectOption('60');
  await fac.getByLabel('Talking stick (only the speaker writes)').check();
  await fac.getByRole('button', { name: 'Start the round' }).click();
  await robin.locator('#round-turn', { hasText: 'It is your turn' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#round-time', { hasText: /^[01]:\d\d left$/ }).waitFor({ timeout: TIMEOUT });
  await sky.locator('#round-turn', { hasText: 'Robin is speaking; only they write for now.' }).waitFor({ timeout: TIMEOUT });
  await sky.locator('#round-queue', { hasText: 'Next: Sky' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await sky.locator('#round-mine').isVisible(), false, 'no done or pass buttons but the speaker’s');
  await sky.locator('#send-button:disabled').waitFor({ timeout: TIMEOUT });
  assert.match(await sky.locator('#composer-hint').textContent(), /Robin has the talking stick/);
  assert.equal(await fac.locator('#round-controls').isVisible(), true);
  await send(robin, 'Tired.');
  await sky.locator('#messages .text', { hasText: 'Tired.' }).waitFor({ timeout: TIMEOUT });

  // Robin passes; nobody is shown a pass.
  await robin.getByRole('button', { name: 'Pass' }).click();
  await sky.locator('#round-turn', { hasText: 'It is your turn' }).waitFor({ timeout: TIMEOUT });
  await sky.locator('#send-button:enabled').waitFor({ timeout: TIMEOUT });
  await fac.locator('#round-turn', { hasText: 'Sky is speaking' }).waitFor({ timeout: TIMEOUT });
  assert.doesNotMatch(await fac.locator('#room').textContent(), /passed/i);
  await send(sky, 'Hopeful.');
  await sky.getByRole('button', { name: 'I\'m done' }).click();
  await robin.locator('#round').waitFor({ state: 'hidden', timeout: TIMEOUT });
  // Everyone reads that it ended.
  await sky.locator('#messages .note', { hasText: 'The check-in round has ended.' }).waitFor({ timeout: TIMEOUT });

  // A mood check-in: Robin shares an answer with the facilitators; Sky does not.
  await fac.getByRole('button', { name: 'Start the check-in' }).click();
  // Facilitators are not asked their own mood.
  await fac.locator('#mood-result', { hasText: 'Members are answering' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await fac.locator('#mood-form').isVisible(), false);
  await robin.getByLabel('2 · low').check();
  await robin.getByLabel('Let the facilitators see my answer').check();
  await robin.getByRole('button', { name: 'Send my answer' }).click();
  await robin.locator('#mood-result', { hasText: 'The facilitators can see your answer' }).waitFor({ timeout: TIMEOUT });
  await fac.locator('#mood-shared li', { hasText: 'Robin shared their check-in: 2 of 5' }).waitFor({ timeout: TIMEOUT });
  await sky.getByLabel('I\'d rather not say').check();
  await sky.getByRole('button', { name: 'Send my answer' }).click();
  await sky.locator('#mood-result', { hasText: 'only counts in the summary' }).waitFor({ timeout: TIMEOUT });
  assert.doesNotMatch(await sky.locator('#room').textContent(), /2 of 5/);

  // Closing: everyone is told, then everyone is out and the messages are gone.
  await fac.getByLabel('Close in').selectOption('10');
  await fac.getByLabel('Closing words (optional)').fill('Thank you all for tonight.');
  await fac.getByRole('button', { name: 'Close the session' }).click();
  await robin.locator('.notice', { hasText: 'Thank you all for tonight.' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('#session-state', { hasText: 'This session closes at' }).waitFor({ timeout: TIMEOUT });
  await robin.locator('.notice', { hasText: 'This session has ended' }).waitFor({ timeout: 25000 });
  await robin.locator('#directory').waitFor({ timeout: TIMEOUT });
  await openAndJoin(robin, 'Thursday Group');
  assert.equal(await robin.locator('#messages .message').count(), 0, 'nothing of the session can be read back');
  await robin.locator('#session-state', { hasText: 'The session has not started yet' }).waitFor({ timeout: TIMEOUT });

  assert.deepEqual([...fac.errors, ...robin.errors, ...sky.errors], []);
});
