// End to end, in Debian's Chromium against the real server jar: a member and a facilitator in
// two browser contexts. Every wait is an awaited condition with a timeout; nothing sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, token, launchBrowser, cleanUp } from './harness.js';
import { statusIs, countMessages, waitForMessage, openAndJoin, memberAction, consoleTab, TIMEOUT,
  screenshotPath } from './steps.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  cleanUp();
});

/** Joins with the keyboard alone: the checkbox takes Space. */
async function openAndJoinByKeyboard(page, roomName) {
  await page.getByRole('button', { name: `Open ${roomName}` }).click();
  await page.locator('#guidelines-title', { hasText: roomName }).waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator('#join-button').isDisabled(), true, 'join waits for the guidelines');
  await page.getByLabel('I have read and accept these guidelines').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Join the group' }).click();
  await page.locator('#room-title', { hasText: roomName }).waitFor({ timeout: TIMEOUT });
}

test('a member joins, is muted and removed by a facilitator, and catches up after a restart', async () => {
  const base = server.url;
  const fac = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  const member = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  const pageErrors = [];
  for (const p of [fac, member]) p.on('pageerror', (e) => pageErrors.push(e.message));

  // The facilitator arrives with a token in the URL: it moves to sessionStorage and leaves the address bar.
  const facToken = token({ sub: 'fac-1', name: 'Fran', role: 'facilitator' });
  await fac.goto(`${base}#token=${facToken}`);
  await fac.locator('#whoami', { hasText: 'Signed in as Fran (facilitator)' }).waitFor({ timeout: TIMEOUT });
  assert.ok(!fac.url().includes(facToken), 'the token left the address bar');
  assert.equal(await fac.evaluate(() => sessionStorage.getItem('haven.token')), facToken);
  await openAndJoinByKeyboard(fac, 'Anxiety Circle');
  await fac.locator('#console').waitFor({ timeout: TIMEOUT });

  // The member chooses a pseudonym and finds the group by kind and text.
  await member.goto(base);
  await member.getByLabel('Your pseudonym').fill('Robin');
  await member.keyboard.press('Enter');
  await member.locator('#status[data-state="open"]').waitFor({ timeout: TIMEOUT });
  await member.getByLabel('Kind of group').selectOption('condition');
  await member.getByRole('button', { name: 'Open Depression Peer Support' }).waitFor({ timeout: TIMEOUT });
  await member.getByLabel('Search').fill('panic');
  await member.getByRole('button', { name: 'Open Depression Peer Support' }).waitFor({ state: 'detached', timeout: TIMEOUT });
  assert.deepEqual(await member.locator('#room-list h3').allTextContents(), ['Anxiety Circle']);
  assert.equal(await member.locator('#console').isVisible(), false);
  await openAndJoinByKeyboard(member, 'Anxiety Circle');
  await member.locator('#presence', { hasText: 'Fran' }).waitFor({ timeout: TIMEOUT });

  // The member sends; the facilitator sees it. Markup in a message stays text.
  await member.getByLabel('Your message').fill('Hello everyone, I am new here.');
  await member.keyboard.press('Enter');
  await waitForMessage(member, 'Hello everyone, I am new here.');
  await waitForMessage(fac, 'Hello everyone, I am new here.');
  await fac.getByLabel('Your message').fill('Welcome, Robin. Take your time.');
  await fac.getByRole('button', { name: 'Send' }).click();
  await waitForMessage(member, 'Welcome, Robin. Take your time.');
  for (const text of ['It has been a hard week.', 'Work has been a lot lately.',
    'I have not been sleeping well.', 'Thank you for listening.']) {
    await member.getByLabel('Your message').fill(text);
    await member.keyboard.press('Enter');
    await waitForMessage(fac, text);
  }
  // A report reaches the facilitators' alerts only.
  await member.getByRole('button', { name: 'Report message from Fran' }).click();
  await member.getByLabel(/What concerns you/).fill('Checking how reports work.');
  await member.getByRole('button', { name: 'Send report' }).click();
  await member.locator('.notice', { hasText: 'The facilitators have your report' }).waitFor({ timeout: TIMEOUT });
  // (The server does not tell a facilitator about reports of its own messages.) A report of
  // Robin's message reaches the facilitators' alerts.
  await fac.getByRole('button', { name: 'Report message from Robin' }).nth(1).click();
  await fac.getByRole('button', { name: 'Send report' }).click();
  // The counter under the room's title shows it, and opens the tab that lists it.
  await fac.locator('#counters [data-counter="reports"] .count', { hasText: '1' }).waitFor({ timeout: TIMEOUT });
  await fac.locator('#counters [data-counter="reports"]').click();
  await fac.locator('#reports li', { hasText: 'Fran reported a message by Robin (message 3)' }).waitFor({ timeout: TIMEOUT });
  await member.getByRole('button', { name: 'Raise hand' }).click();
  await fac.locator('#counters [data-counter="hands"] .count', { hasText: '1' }).waitFor({ timeout: TIMEOUT });
  await consoleTab(fac, 'People');
  await fac.locator('#hands li', { hasText: 'Robin' }).waitFor({ timeout: TIMEOUT });

  // The facilitator mutes the member for 5 minutes: a calm private notice, and no sending.
  await memberAction(fac, 'Robin', 'Mute', { duration: '300', reason: 'Taking a short pause; we will come back to you.' });
  await member.locator('#room-notices .notice', { hasText: 'paused your messages' }).waitFor({ timeout: TIMEOUT });
  await fac.locator('#console-status', { hasText: 'Robin is muted for 5 min; only Robin and facilitators know.' })
    .waitFor({ timeout: TIMEOUT });
  await member.locator('#send-button:disabled').waitFor({ timeout: TIMEOUT });
  await fac.locator('#presence li', { hasText: 'muted' }).waitFor({ timeout: TIMEOUT });
  await member.getByLabel('Your message').press('Enter');
  assert.equal(await countMessages(fac, 'Hello everyone, I am new here.'), 1);
  assert.equal(await member.locator('#send-button').isDisabled(), true, 'the muted member cannot send');
  await member.screenshot({ path: screenshotPath('screenshot-member.png'), fullPage: true });

  await consoleTab(fac, 'Activity');
  // (With two present nobody can be dominant: that needs more than twice an equal share.)
  await fac.locator('#stats tbody tr', { hasText: 'Robin' }).waitFor({ timeout: TIMEOUT });
  await fac.locator('#audit li', { hasText: 'You muted Robin for 5 min' }).waitFor({ timeout: TIMEOUT });
  await consoleTab(fac, 'People');
  await fac.screenshot({ path: screenshotPath('screenshot-facilitator.png') });

  // The facilitator removes the member: the member is told kindly and is back at the groups.
  await memberAction(fac, 'Robin', 'Remove from room…');
  await member.locator('#notices .notice', { hasText: 'step out of Anxiety Circle' }).waitFor({ timeout: TIMEOUT });
  await member.locator('#directory').waitFor({ timeout: TIMEOUT });
  assert.equal(await member.locator('#room').isVisible(), false);
  await fac.locator('#presence li', { hasText: 'Robin' }).waitFor({ state: 'detached', timeout: TIMEOUT });

  // The member joins the open lounge; so does the facilitator; a message before the restart.
  await member.getByLabel('Kind of group').selectOption('');
  await member.getByLabel('Search').fill('');
  await openAndJoin(member, 'Open Lounge');
  await fac.getByRole('button', { name: 'Leave group' }).click();
  await openAndJoin(fac, 'Open Lounge');
  await fac.getByLabel('Your message').fill('Before the restart');
  await fac.keyboard.press('Enter');
  await waitForMessage(member, 'Before the restart');

  // Restart on the same port. The member stays offline until the facilitator has written again,
  // so what it gets comes from the rejoin, not from the live stream.
  const port = server.port;
  await member.context().setOffline(true);
  await server.stop();
  await statusIs(fac, 'reconnecting');
  await statusIs(member, 'reconnecting');
  server = await startServer({ port });
  // Waiting out the backoff is not needed: "Reconnect now" tries at once.
  if (await fac.locator('#status').getAttribute('data-state') !== 'open') {
    await fac.locator('#reconnect-now').click({ timeout: 2000 }).catch(() => {}); // it hides once connected
  }
  await statusIs(fac, 'open', 40000);
  await fac.locator('#messages .note', { hasText: 'server restarted' }).waitFor({ timeout: TIMEOUT });
  await fac.getByLabel('Your message').fill('While you were away');
  await fac.keyboard.press('Enter');
  await waitForMessage(fac, 'While you were away');
  assert.notEqual(await member.locator('#status').getAttribute('data-state'), 'open', 'the member is still away');
  await member.context().setOffline(false);
  await statusIs(member, 'open', 40000);
  await waitForMessage(member, 'While you were away');
  await member.locator('#messages .note', { hasText: 'server restarted' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await countMessages(member, 'While you were away'), 1);
  assert.equal(await countMessages(member, 'Before the restart'), 1);

  // Markup in a message stays text.
  await member.getByLabel('Your message').fill('<img src=x onerror="window.pwned=1"> <b>not bold</b>');
  await member.getByRole('button', { name: 'Send' }).click();
  await waitForMessage(fac, '<b>not bold</b>');
  assert.equal(await fac.locator('#messages img, #messages b').count(), 0, 'message text is never HTML');
  assert.equal(await fac.evaluate(() => window.pwned), undefined);

  // At phone width the page is one column.
  await member.setViewportSize({ width: 390, height: 844 });
  await member.screenshot({ path: screenshotPath('screenshot-phone.png') });
  assert.ok(await member.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');

  // And live again after the catch-up.
  await fac.getByLabel('Your message').fill('Welcome back');
  await fac.keyboard.press('Enter');
  await waitForMessage(member, 'Welcome back');
  assert.deepEqual(pageErrors, []);
});
