// The facilitator's console, in Debian's Chromium against the real server jar: counters, actions
// that fit the member's state, confirmations before remove, ban and delete, a banned member found
// and unbanned from "Muted and banned", the audit in plain words, the calm waiting room, alert
// cards for members who left or share a name, and moving a round on. Every wait is an awaited
// condition with a timeout; nothing sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { token } from './harness.js';
import { serverAndBrowser, TIMEOUT, newPage, signInAsGuest, signInWithToken, openAndJoin, send, waitForMessage, memberAction,
  consoleTab, assertAccessible } from './steps.js';

const env = serverAndBrowser();

async function facilitator(sub, name) {
  const page = await newPage(env.browser, { width: 1280, height: 1000 });
  await signInWithToken(page, env.server.url, token({ sub, name, role: 'facilitator' }));
  return page;
}

async function guest(name, room) {
  const page = await newPage(env.browser);
  await signInAsGuest(page, env.server.url, name);
  if (room) await openAndJoin(page, room);
  return page;
}

/** The Actions dialog's buttons that are offered now. */
async function offered(page, name, { axe = false } = {}) {
  await consoleTab(page, 'People');
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  const dialog = page.locator('#member-dialog');
  await dialog.waitFor({ timeout: TIMEOUT });
  if (axe) await assertAccessible(page, 'member actions dialog');
  const names = await dialog.locator('button:visible').allTextContents();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  return names;
}

test('safe moderation: fitting actions, confirmations, unban from the list, and the audit in plain words', async () => {
  const sam = await facilitator('fac-sam', 'Sam');
  await openAndJoin(sam, 'Anxiety Circle');
  const alex = await guest('Alex', 'Anxiety Circle');
  const robin = await guest('Robin', 'Anxiety Circle');
  await sam.locator('#presence li', { hasText: 'Robin' }).waitFor({ timeout: TIMEOUT });
  await assertAccessible(sam, 'facilitator console, People');

  // Only what fits: Alex has no hand up and is not muted; the room is not moderated.
  await robin.getByRole('button', { name: 'Raise hand' }).click();
  await sam.locator('#counters [data-counter="hands"] .count', { hasText: '1' }).waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await offered(sam, 'Alex', { axe: true }), ['Mute', 'Send private warning', 'Check in privately', 'Remove from room…', 'Ban from room…', 'Close']);
  assert.ok((await offered(sam, 'Robin')).includes('Lower hand'));

  // Delete asks first, and says what everyone will see; Cancel keeps the message.
  await send(alex, 'A message that crosses a line');
  await waitForMessage(sam, 'A message that crosses a line');
  const message = sam.locator('#messages .message', { hasText: 'A message that crosses a line' });
  await message.getByRole('button', { name: 'Delete message from Alex' }).click();
  const confirm = sam.locator('#confirm-dialog');
  await confirm.waitFor({ timeout: TIMEOUT });
  assert.match(await confirm.textContent(), /Everyone sees “This message was deleted\.”/);
  assert.equal(await sam.evaluate(() => document.activeElement.textContent), 'Cancel', 'Cancel has the focus');
  await assertAccessible(sam, 'confirmation dialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'hidden', timeout: TIMEOUT });
  await message.getByRole('button', { name: 'Delete message from Alex' }).click();
  await confirm.getByRole('button', { name: 'Delete the message' }).click();
  await robin.locator('#messages .message', { hasText: 'This message was deleted.' }).waitFor({ timeout: TIMEOUT });
  await sam.locator('#messages .message', { hasText: 'You deleted this message.' }).waitFor({ timeout: TIMEOUT });
  await sam.locator('#console-status', { hasText: 'The message was deleted.' }).waitFor({ timeout: TIMEOUT });

  // Mute, with a short confirmation; now Unmute is offered instead of Mute.
  await memberAction(sam, 'Alex', 'Mute', { duration: '300' });
  await sam.locator('#console-status', { hasText: 'Alex is muted for 5 min; only Alex and facilitators know.' })
    .waitFor({ timeout: TIMEOUT });
  const now = await offered(sam, 'Alex');
  assert.ok(now.includes('Unmute') && !now.includes('Mute'), now.join());
  // Alex's note beside the message box is replaced, not piled up, when the mute is lifted.
  await alex.locator('#room-notices .notice', { hasText: 'paused your messages' }).waitFor({ timeout: TIMEOUT });
  await memberAction(sam, 'Alex', 'Unmute');
  await alex.locator('#room-notices .notice', { hasText: 'You can send messages in Anxiety Circle again.' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await alex.locator('.notice', { hasText: 'paused your messages' }).count(), 0, 'the stale note is replaced');
  await memberAction(sam, 'Alex', 'Mute', { duration: '300' });

  // Remove, cancelled: Robin stays.
  await memberAction(sam, 'Robin', 'Remove from room…', { confirm: false });
  assert.equal(await robin.locator('#room').isVisible(), true);

  // Ban: the confirmation says what Alex will read; Alex leaves every list of the room...
  await sam.getByRole('button', { name: 'Actions for Alex' }).click();
  await sam.getByLabel('Duration for mute or ban').selectOption('900');
  await sam.locator('#member-dialog').getByRole('button', { name: 'Ban from room…' }).click();
  await confirm.waitFor({ timeout: TIMEOUT });
  assert.match(await confirm.textContent(), /Ban Alex from Anxiety Circle for 15 min\?/);
  assert.match(await confirm.textContent(), /Alex reads: “You cannot rejoin Anxiety Circle/);
  await confirm.getByRole('button', { name: 'Ban Alex' }).click();
  await alex.locator('.notice', { hasText: 'You cannot rejoin Anxiety Circle' }).waitFor({ timeout: TIMEOUT });
  await sam.locator('#presence li', { hasText: 'Alex' }).waitFor({ state: 'detached', timeout: TIMEOUT });
  await sam.locator('#console-status', { hasText: 'Alex is banned for 15 min' }).waitFor({ timeout: TIMEOUT });

  // ...but not the "Muted and banned" list, from which Sam lets Alex back.
  const banned = sam.locator('#sanctions li', { hasText: 'Alex: banned until' });
  await banned.waitFor({ timeout: TIMEOUT });
  await sam.locator('#sanctions li', { hasText: 'Alex: muted until' }).waitFor({ timeout: TIMEOUT });
  await banned.getByRole('button', { name: 'Unban Alex' }).click();
  await sam.locator('#console-status', { hasText: 'Alex can join again.' }).waitFor({ timeout: TIMEOUT });
  await banned.waitFor({ state: 'detached', timeout: TIMEOUT });
  await openAndJoin(alex, 'Anxiety Circle');
  // Unmuted from the list too.
  await sam.locator('#sanctions li', { hasText: 'Alex: muted until' }).getByRole('button', { name: 'Unmute Alex' }).click();
  await alex.locator('.notice', { hasText: 'You can send messages in Anxiety Circle again.' }).waitFor({ timeout: TIMEOUT });

  // Slow mode, set from the Room tab: only what changed goes to the server.
  await consoleTab(sam, 'Room');
  await assertAccessible(sam, 'facilitator console, Room');
  await sam.getByLabel(/Slow mode/).fill('30');
  await sam.getByRole('button', { name: 'Apply settings' }).click();
  await sam.locator('#settings-result', { hasText: 'Settings applied.' }).waitFor({ timeout: TIMEOUT });

  // A second facilitator reads the audit: plain words, the names of the time, no ids.
  const kim = await facilitator('fac-kim', 'Kim');
  await openAndJoin(kim, 'Anxiety Circle');
  await consoleTab(kim, 'Activity');
  const audit = kim.locator('#audit');
  for (const line of ['Sam turned on slow mode: 30 s', 'Sam unmuted Alex', 'Sam lifted the ban on Alex', 'Sam banned Alex for 15 min',
    'Sam muted Alex for 5 min', 'Sam deleted a message by Alex']) {
    await audit.locator('li', { hasText: line }).first().waitFor({ timeout: TIMEOUT });
  }
  assert.doesNotMatch(await audit.textContent(), /guest-|fac-|set_room|slowModeSeconds/);
  await assertAccessible(kim, 'facilitator console, Activity');
  await consoleTab(kim, 'Session');
  await assertAccessible(kim, 'facilitator console, Session');
  assert.deepEqual([...sam.errors, ...alex.errors, ...robin.errors, ...kim.errors], []);
  for (const page of [sam, alex, robin, kim]) await page.context().close();
});

test('a calm waiting room, alert cards for members who left or share a name, the round moved on, and staff shown once', async () => {
  // A token whose name already says the role: shown once; staff get no "Raise hand".
  const sam = await facilitator('fac-sam2', 'Sam (facilitator)');
  await sam.locator('#whoami', { hasText: /^Signed in as Sam \(facilitator\)$/ }).waitFor({ timeout: TIMEOUT });
  await openAndJoin(sam, 'Depression Peer Support');
  assert.equal(await sam.getByRole('button', { name: 'Raise hand' }).count(), 0);
  await sam.locator('#presence li', { hasText: /^Sam \(facilitator\) \(you\)$/ }).waitFor({ timeout: TIMEOUT });

  await consoleTab(sam, 'Room');
  await sam.getByLabel('Admission').selectOption('approval');
  await sam.getByRole('button', { name: 'Apply settings' }).click();
  await sam.locator('#settings-result', { hasText: 'Settings applied.' }).waitFor({ timeout: TIMEOUT });

  // Casey waits calmly, may cancel, asks again, and is let in.
  const casey = await guest('Casey');
  const join = async () => {
    await casey.getByRole('button', { name: 'Open Depression Peer Support' }).click();
    await casey.getByLabel('I have read and accept these guidelines').check();
    await casey.getByRole('button', { name: 'Join the group' }).click();
    await casey.locator('#waiting-panel', { hasText: 'A facilitator will let you in shortly' }).waitFor({ timeout: TIMEOUT });
  };
  await join();
  assert.equal(await casey.locator('.error:visible').evaluateAll((n) => n.filter((e) => e.textContent.trim()).length), 0,
    'waiting is not an error');
  await assertAccessible(casey, 'waiting to be let in');
  await casey.getByRole('button', { name: 'Cancel and go back to the groups' }).click();
  await casey.locator('#directory:not([hidden])').waitFor({ timeout: TIMEOUT });
  await join();
  await sam.locator('#counters [data-counter="waiting"] .count', { hasText: '1' }).waitFor({ timeout: TIMEOUT });
  await sam.locator('#counters [data-counter="waiting"]').click();
  await sam.getByRole('button', { name: 'Admit Casey' }).click();
  await casey.locator('#room-title', { hasText: 'Depression Peer Support' }).waitFor({ timeout: TIMEOUT });

  // Two members called Alex, one after the other, both in crisis: the cards tell them apart,
  // and say when one has left.
  await sam.locator('#counters [data-counter="waiting"]').click();
  const words = "I can't go on like this. I'm going to end my life tonight";
  const firstAlex = await guest('Alex');
  await firstAlex.getByRole('button', { name: 'Open Depression Peer Support' }).click();
  await firstAlex.getByLabel('I have read and accept these guidelines').check();
  await firstAlex.getByRole('button', { name: 'Join the group' }).click();
  await sam.getByRole('button', { name: 'Admit Alex' }).click();
  await firstAlex.locator('#room-title').waitFor({ timeout: TIMEOUT });
  await send(firstAlex, words);
  await sam.locator('#crisis-list .crisis-item', { hasText: 'Alex may be in crisis' }).waitFor({ timeout: TIMEOUT });
  await firstAlex.getByRole('button', { name: 'Leave group' }).click();
  await sam.locator('#crisis-list .crisis-item', { hasText: 'has left the room' }).waitFor({ timeout: TIMEOUT });

  const secondAlex = await guest('Alex');
  await secondAlex.getByRole('button', { name: 'Open Depression Peer Support' }).click();
  await secondAlex.getByLabel('I have read and accept these guidelines').check();
  await secondAlex.getByRole('button', { name: 'Join the group' }).click();
  await consoleTab(sam, 'People');
  await sam.getByRole('button', { name: 'Admit Alex' }).click();
  await secondAlex.locator('#room-title').waitFor({ timeout: TIMEOUT });
  await send(secondAlex, words);
  const cards = sam.locator('#crisis-list .crisis-item .crisis-title');
  await sam.waitForFunction(() => document.querySelectorAll('#crisis-list .crisis-item').length === 2, null, { timeout: TIMEOUT });
  const titles = await cards.allTextContents();
  assert.equal(new Set(titles).size, 2, `two different cards: ${titles}`);
  assert.ok(titles.every((t) => /^Alex \(#[0-9a-f]{4}\) may be in crisis$/.test(t)), titles.join(' | '));
  await assertAccessible(sam, 'facilitator console, Alerts');

  // A round: the facilitator moves it on, and everyone reads that it ended.
  await consoleTab(sam, 'Session');
  await sam.getByLabel('Prompt').fill('One word for tonight');
  await sam.getByRole('button', { name: 'Start the round' }).click();
  await casey.locator('#round-turn', { hasText: 'It is your turn' }).waitFor({ timeout: TIMEOUT });
  await sam.getByRole('button', { name: 'Next speaker' }).click();
  await secondAlex.locator('#round-turn', { hasText: 'It is your turn' }).waitFor({ timeout: TIMEOUT });
  await sam.getByRole('button', { name: 'Next speaker' }).click();
  await casey.locator('#messages .note', { hasText: 'The check-in round has ended.' }).waitFor({ timeout: TIMEOUT });
  await sam.locator('#messages .note', { hasText: 'The check-in round has ended.' }).waitFor({ timeout: TIMEOUT });
  assert.deepEqual([...sam.errors, ...casey.errors, ...firstAlex.errors, ...secondAlex.errors], []);
  for (const page of [sam, casey, firstAlex, secondAlex]) await page.context().close();
});
