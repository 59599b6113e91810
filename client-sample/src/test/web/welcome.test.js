// A newcomer, a phone and a keyboard, in Debian's Chromium against the real server jar: what the
// welcome says before sign-in (from the operator's configuration), the group cards, guidelines as
// paragraphs, the neutral title, the quick exit (button and Esc twice), no failed request (the
// favicon), focus after sign-in, one tab stop for the whole conversation, the phone layout, and
// axe-core on every screen. Every wait is an awaited condition with a timeout; nothing sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { token } from './harness.js';
import { serverAndBrowser, TIMEOUT, newPage, signInAsGuest, signInWithToken, openAndJoin, send, waitForMessage, assertAccessible,
  assertNoSidewaysScroll } from './steps.js';

const EXIT = 'https://weather.example/';
const CONFIG = `
site:
  operator: Run by the Riverside Clinic's peer support team
  neutralTitle: Notes
  quickExitUrl: ${EXIT}
  emergencyNumber: "911"
`;

const env = serverAndBrowser(CONFIG);

/** A page whose failed requests are counted, and whose quick exit lands on a stand-in site. */
async function visitor(viewport) {
  const page = await newPage(env.browser, viewport);
  page.failed = [];
  page.on('response', (r) => { if (r.status() >= 400) page.failed.push(`${r.status()} ${r.url()}`); });
  await page.route(`${EXIT}**`, (route) => route.fulfill({ contentType: 'text/html',
    body: '<!doctype html><title>Weather</title><p>Sunny spells.</p>' }));
  return page;
}

test('a newcomer reads who runs the server and what happens to their words, then joins a group', async () => {
  const robin = await visitor({ width: 1280, height: 900 });
  await robin.goto(env.server.url);
  await robin.locator('#welcome-operator', { hasText: "Who runs this server: Run by the Riverside Clinic's peer support team" })
    .waitFor({ timeout: TIMEOUT });
  const welcome = (await robin.locator('#signin').textContent()).replace(/\s+/g, ' ');
  for (const said of ['not an emergency service', 'call 911', 'read automatically for crisis language',
    'never the other members', 'could copy what they see', 'never used to train AI models',
    'the last 200 of a group, for at most 24 hours']) {
    assert.ok(welcome.includes(said), `the welcome says "${said}"`);
  }
  assert.equal(await robin.title(), 'Notes');
  await robin.locator('#welcome-helplines summary').click();
  await robin.locator('#welcome-helpline-list a[href="tel:988"]').first().waitFor({ timeout: TIMEOUT });
  await assertAccessible(robin, 'welcome');

  // After sign-in the focus is on the group list.
  await robin.getByLabel('Your pseudonym').fill('Robin');
  await robin.keyboard.press('Enter');
  await robin.locator('#directory:not([hidden])').waitFor({ timeout: TIMEOUT });
  await robin.waitForFunction(() => document.activeElement?.id === 'directory-title', null, { timeout: TIMEOUT });
  const lounge = robin.locator('.room-card', { hasText: 'Open Lounge' });
  assert.match(await lounge.textContent(), /No facilitator here now · open to drop in/);
  await assertAccessible(robin, 'group list');

  // A facilitator arrives: the card says so.
  const sam = await visitor({ width: 1280, height: 900 });
  await signInWithToken(sam, env.server.url, token({ sub: 'fac-sam', name: 'Sam', role: 'facilitator' }));
  await openAndJoin(sam, 'Open Lounge');
  await robin.getByLabel('Search').fill('lounge');
  await robin.locator('.room-card', { hasText: 'A facilitator is here' }).waitFor({ timeout: TIMEOUT });
  await robin.getByLabel('Search').fill('');

  // Guidelines read as paragraphs: a line break in the configuration does not split a sentence.
  await robin.getByRole('button', { name: 'Open Anxiety Circle' }).click();
  const paragraphs = await robin.locator('#guidelines-text p').allTextContents();
  assert.equal(paragraphs.length, 2, paragraphs.join(' | '));
  assert.match(paragraphs[0], /listen without judging/);
  assert.match(paragraphs[1], /^Please know: messages are read automatically for crisis language/);
  await assertAccessible(robin, 'guidelines');
  await robin.getByRole('button', { name: 'Back to groups' }).click();

  await openAndJoin(robin, 'Open Lounge');
  await send(robin, 'Hello, first time here.');
  await waitForMessage(sam, 'Hello, first time here.');
  assert.equal(await robin.title(), 'Notes', 'no group name in the tab title');
  assert.doesNotMatch(robin.url(), /lounge/i, 'no group name in the address');
  await assertAccessible(robin, 'room, member');
  await robin.getByRole('button', { name: 'Helplines' }).click();
  await robin.locator('#resources-list .card').first().waitFor({ timeout: TIMEOUT });
  await assertAccessible(robin, 'helplines dialog');
  await robin.keyboard.press('Escape');
  await robin.getByRole('button', { name: 'Report message from Sam' }).count();
  assert.deepEqual([...robin.failed, ...sam.failed], [], 'no failed request (the favicon included)');
  assert.deepEqual([...robin.errors, ...sam.errors], []);
  for (const page of [robin, sam]) await page.context().close();
});

test('one tab stop for the whole conversation, the phone layout, and the quick exit', async () => {
  const sam = await visitor({ width: 1280, height: 900 });
  await signInWithToken(sam, env.server.url, token({ sub: 'fac-kim', name: 'Kim', role: 'facilitator' }));
  await openAndJoin(sam, 'Silver Circle');
  const robin = await visitor({ width: 390, height: 844 });
  await robin.goto(env.server.url);
  await robin.locator('#welcome-operator', { hasText: 'Riverside' }).waitFor({ timeout: TIMEOUT });
  await assertNoSidewaysScroll(robin, 'welcome, phone');
  await signInAsGuest(robin, env.server.url, 'Robin');
  await assertNoSidewaysScroll(robin, 'group list, phone');
  await openAndJoin(robin, 'Silver Circle');
  for (let i = 1; i <= 12; i++) await send(robin, `Message ${i} about a long week`);
  await waitForMessage(sam, 'Message 12 about a long week');

  // From the message box the facilitator reaches the console in a few Tab presses, whatever the
  // number of messages (each with Report and Delete buttons): the list is one tab stop.
  await sam.getByLabel('Your message').focus();
  let presses = 0;
  while (presses < 20 && await sam.evaluate(() => document.activeElement?.getAttribute('role')) !== 'tab') {
    await sam.keyboard.press('Tab');
    presses += 1;
  }
  assert.ok(presses < 20, 'the console is reached by Tab from the message box');
  await sam.getByRole('tab', { name: 'People' }).waitFor({ timeout: TIMEOUT });
  // Inside the list the arrow keys move between messages.
  await sam.locator('#messages > li[tabindex="0"]').focus();
  await sam.keyboard.press('ArrowUp');
  assert.match(await sam.evaluate(() => document.activeElement.textContent), /Message 11/);

  // The phone: no sideways scrolling, in the room and for the facilitator's console.
  await assertNoSidewaysScroll(robin, 'room, phone');
  await assertAccessible(robin, 'room, phone');
  await sam.setViewportSize({ width: 390, height: 844 });
  await assertNoSidewaysScroll(sam, 'facilitator console, phone');
  assert.ok(await sam.locator('#counters').evaluate((n) => n.getBoundingClientRect().top < innerHeight),
    'the counters are in view on a phone');

  // Quick exit with Esc twice: an everyday site in this tab, nothing of Haven kept.
  const entries = await robin.evaluate(() => history.length);
  await robin.getByLabel('Your message').focus();
  await robin.keyboard.press('Escape');
  await robin.keyboard.press('Escape');
  await robin.waitForURL(EXIT, { timeout: TIMEOUT });
  assert.equal(await robin.title(), 'Weather');
  assert.equal(await robin.evaluate(() => history.length), entries, 'the exit took the page\'s place in the history');
  await robin.goBack().catch(() => null);
  assert.ok(!robin.url().startsWith(env.server.url), `Back does not return to Haven (${robin.url()})`);
  await sam.locator('#presence li', { hasText: 'Robin' }).waitFor({ state: 'detached', timeout: TIMEOUT });
  await robin.goto(env.server.url);
  await robin.locator('#signin:not([hidden])').waitFor({ timeout: TIMEOUT });
  assert.equal(await robin.evaluate(() => sessionStorage.length), 0, 'nothing kept for the tab');

  // And with the button, always in view.
  await sam.setViewportSize({ width: 1280, height: 900 });
  await sam.getByRole('button', { name: 'Quick exit' }).click();
  await sam.waitForURL(EXIT, { timeout: TIMEOUT });
  assert.deepEqual([...robin.errors, ...sam.errors], []);
  for (const page of [robin, sam]) await page.context().close();
});
