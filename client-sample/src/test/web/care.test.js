// Duty of care end to end, in Debian's Chromium against the real server jar: a member's crisis
// message, the calm support notice with helplines, the facilitator's crisis alert and its
// acknowledgement, a request for a facilitator, and sharing a helpline. Every wait is an
// awaited condition with a timeout; nothing sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, token, launchBrowser, cleanUp } from './harness.js';
import { screenshotPath } from './steps.js';

const TIMEOUT = 15000;
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

async function joinLounge(page) {
  await page.getByRole('button', { name: 'Open Open Lounge' }).click();
  await page.getByLabel('I have read and accept these guidelines').check();
  await page.getByRole('button', { name: 'Join the group' }).click();
  await page.locator('#room-title', { hasText: 'Open Lounge' }).waitFor({ timeout: TIMEOUT });
}

test('a crisis message: a calm notice for the member, an alert for the facilitator to acknowledge', async () => {
  const fac = await (await browser.newContext({ viewport: { width: 1280, height: 1100 } })).newPage();
  const member = await (await browser.newContext({ viewport: { width: 1100, height: 1000 } })).newPage();
  const pageErrors = [];
  for (const p of [fac, member]) p.on('pageerror', (e) => pageErrors.push(e.message));

  await fac.goto(`${server.url}#token=${token({ sub: 'fac-1', name: 'Fran', role: 'facilitator' })}`);
  await fac.locator('#whoami', { hasText: 'Fran (facilitator)' }).waitFor({ timeout: TIMEOUT });
  await joinLounge(fac);
  await member.goto(server.url);
  await member.getByLabel('Your pseudonym').fill('Robin');
  await member.keyboard.press('Enter');
  await member.locator('#status[data-state="open"]').waitFor({ timeout: TIMEOUT });
  await joinLounge(member);
  await fac.locator('#presence', { hasText: 'Robin' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await member.locator('#crisis-alerts').isVisible(), false);

  // The member writes of ending their life: the message still reaches the group.
  const words = "I can't go on like this. I'm going to end my life tonight";
  await member.getByLabel('Your message').fill(words);
  await member.keyboard.press('Enter');
  await fac.locator('#messages .message .text', { hasText: words }).waitFor({ timeout: TIMEOUT });

  // The member alone gets a calm notice with helplines to call or text.
  const support = member.locator('#room-notices .notice.support');
  await support.waitFor({ timeout: TIMEOUT });
  assert.match(await support.textContent(), /Thank you for sharing this/);
  assert.match(await support.textContent(), /facilitators has been told, privately/);
  assert.equal(await support.locator('a[href="tel:988"]').count(), 1, 'a tap-to-call link for 988');
  await support.locator('.card', { hasText: 'Find A Helpline' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await fac.locator('.notice.support').count(), 0, 'only the author gets it');
  // Beside the message box, with the focus: the member sees it where they are looking.
  assert.equal(await member.evaluate(() => document.activeElement.classList.contains('support')), true);
  assert.ok(await support.evaluate((n) => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }),
    'the support note is in view');

  // The facilitator sees the alert prominently, without the member's words.
  const alert = fac.locator('#crisis-list .crisis-item', { hasText: 'Robin may be in crisis' });
  await alert.waitFor({ timeout: TIMEOUT });
  assert.match(await alert.textContent(), /High · in Open Lounge/);
  assert.doesNotMatch(await fac.locator('#crisis-alerts').textContent(), /end my life/);
  assert.equal(await member.locator('#crisis-alerts').isVisible(), false, 'members never see alerts');
  await member.screenshot({ path: screenshotPath('screenshot-support.png'), fullPage: true });
  await fac.screenshot({ path: screenshotPath('screenshot-crisis-alert.png'), fullPage: true });

  // Acknowledge: reaching out keeps it open; handled closes it.
  await alert.getByRole('button', { name: 'I’m reaching out' }).click();
  await alert.locator('.crisis-update', { hasText: 'You: reaching out' }).waitFor({ timeout: TIMEOUT });
  await alert.getByRole('button', { name: 'Handled' }).click();
  await fac.locator('#crisis-list .crisis-item.closed', { hasText: 'Robin' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await fac.locator('#crisis-list .crisis-item.closed [role=group]').count(), 0, 'a closed alert has no actions');
  await fac.locator('#crisis-count', { hasText: 'none open' }).waitFor({ timeout: TIMEOUT });

  // The member asks a facilitator to check in, with a note only facilitators read.
  await member.getByRole('button', { name: 'Talk to a facilitator' }).click();
  await member.getByLabel(/Anything you would like them to know/).fill('Could someone message me?');
  await member.getByRole('button', { name: 'Ask a facilitator' }).click();
  await member.locator('.notice', { hasText: 'A facilitator has been asked to check in with you' })
    .waitFor({ timeout: TIMEOUT });
  const request = fac.locator('#crisis-list .crisis-item.request', { hasText: 'Robin asks for a facilitator' });
  await request.waitFor({ timeout: TIMEOUT });
  assert.match(await request.textContent(), /Could someone message me\?/);
  assert.equal(await fac.getByRole('button', { name: 'Talk to a facilitator' }).isVisible(), false);

  // The facilitator shares a helpline with Robin alone; Robin sees it in the conversation.
  await fac.getByRole('button', { name: 'Helplines' }).click();
  await fac.locator('#resources-list .card', { hasText: 'Crisis Text Line' }).waitFor({ timeout: TIMEOUT });
  await fac.getByLabel('Share with').selectOption({ label: 'Robin' });
  await fac.getByRole('button', { name: 'Share Crisis Text Line' }).click();
  await fac.locator('#resources-result', { hasText: 'Shared Crisis Text Line with Robin.' }).waitFor({ timeout: TIMEOUT });
  await fac.getByRole('button', { name: 'Close', exact: true }).click();
  await member.locator('#messages .shared-card', { hasText: 'Crisis Text Line' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await member.locator('#messages .shared-card a[href="sms:741741"]').count(), 1);

  // Members see the helplines too, without the share controls.
  await member.getByRole('button', { name: 'Helplines' }).click();
  await member.locator('#resources-list .card', { hasText: '988 Suicide & Crisis Lifeline' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await member.locator('#share-controls').isVisible(), false);
  await member.getByRole('button', { name: 'Close', exact: true }).click();

  // The request card is answered with a private check-in, as an alert card is.
  await request.getByRole('button', { name: 'Check in privately with Robin' }).click();
  await fac.locator('#checkin-intro', { hasText: 'A private check-in with Robin' }).waitFor({ timeout: TIMEOUT });
  await member.locator('#checkin-intro', { hasText: 'would like to check in with you, privately' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await member.evaluate(() => document.activeElement.id), 'checkin-thread');
  assert.deepEqual(pageErrors, []);
});
