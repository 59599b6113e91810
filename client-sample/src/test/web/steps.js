// What the browser tests do again and again: open a page, sign in, join a group, act on a member,
// run axe-core. Every wait is an awaited condition with a timeout; nothing sleeps.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer, launchBrowser, cleanUp, ROOT } from './harness.js';

export const TIMEOUT = 15000;

/**
 * The server (with `config`, YAML merged over the built-in one) and Chromium, started before
 * the file's tests and stopped after them; a test may replace `env.server` (a restart).
 */
export function serverAndBrowser(config) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer({ config });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    cleanUp();
  });
  return env;
}
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A page in a fresh context; `errors` collects uncaught page errors. */
export async function newPage(browser, viewport = { width: 1280, height: 900 }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

export function statusIs(page, state, timeout = TIMEOUT) {
  return page.waitForFunction((s) => document.getElementById('status').dataset.state === s, state, { timeout });
}

export async function signInAsGuest(page, url, name) {
  await page.goto(url);
  await page.getByLabel('Your pseudonym').fill(name);
  await page.keyboard.press('Enter');
  await page.locator('#directory:not([hidden])').waitFor({ timeout: TIMEOUT });
}

export async function signInWithToken(page, url, token) {
  await page.goto(`${url}#token=${token}`);
  await page.locator('#directory:not([hidden])').waitFor({ timeout: TIMEOUT });
}

export async function openAndJoin(page, roomName) {
  await page.getByRole('button', { name: `Open ${roomName}` }).click();
  await page.locator('#guidelines-title', { hasText: roomName }).waitFor({ timeout: TIMEOUT });
  const accept = page.getByLabel('I have read and accept these guidelines');
  if (await accept.isVisible()) await accept.check();
  await page.getByRole('button', { name: 'Join the group' }).click();
  await page.locator('#room-title', { hasText: roomName }).waitFor({ timeout: TIMEOUT });
}

export async function send(page, text) {
  await page.getByLabel('Your message').fill(text);
  await page.getByLabel('Your message').press('Enter');
}

export function messageText(page, text) {
  return page.locator('#messages .message:not(.pending) .text', { hasText: text });
}

export async function waitForMessage(page, text) {
  await messageText(page, text).first().waitFor({ timeout: TIMEOUT });
}

/** How many messages (not pending ones) read exactly `text`. */
export function countMessages(page, text) {
  return messageText(page, text).evaluateAll((nodes, t) => nodes.filter((n) => n.textContent === t).length, text);
}

/** Opens a tab of the facilitator's console. */
export async function consoleTab(page, name) {
  await page.getByRole('tab', { name }).click();
  await page.locator(`[role="tabpanel"][aria-labelledby="${await page.getByRole('tab', { name }).getAttribute('id')}"]`)
    .waitFor({ timeout: TIMEOUT });
}

/** The member's Actions dialog: the action's button, then (for remove and ban) the confirmation. */
export async function memberAction(page, name, action, { duration, reason, confirm = true } = {}) {
  await consoleTab(page, 'People');
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  const dialog = page.locator('#member-dialog');
  await dialog.waitFor({ timeout: TIMEOUT });
  if (duration !== undefined) await page.getByLabel('Duration for mute or ban').selectOption(duration);
  if (reason) await page.getByLabel(/Reason or private note/).fill(reason);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  if (/^(Remove|Ban)/.test(action)) {
    const confirmDialog = page.locator('#confirm-dialog');
    await confirmDialog.waitFor({ timeout: TIMEOUT });
    await confirmDialog.getByRole('button', { name: confirm ? new RegExp(`^(Remove|Ban) ${name}$`) : 'Cancel' }).click();
    await confirmDialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  }
}

/** axe-core on the page as it is: no critical and no serious violation. */
export async function assertAccessible(page, screen) {
  // Evaluated through the DevTools protocol, so the page's Content Security Policy lets it in.
  if (!await page.evaluate(() => Boolean(window.axe))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      target: v.nodes[0]?.target?.join(' ') }));
  });
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  assert.deepEqual(bad, [], `axe on ${screen}: ${JSON.stringify(violations)}`);
  return violations;
}

/** The page does not scroll sideways. */
export async function assertNoSidewaysScroll(page, screen) {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `${screen}: ${widths[0]} px wide in a ${widths[1]} px window`);
}

/**
 * Where a screenshot goes: the README's, in docs/, only on request (HAVEN_SCREENSHOTS=1 npm
 * test), so an ordinary test run leaves the working tree as it found it.
 */
export function screenshotPath(name) {
  return process.env.HAVEN_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', name) : path.join(tmpdir(), `haven-${name}`);
}

/** Every WebSocket frame the page receives from now on, as text. */
export function recordFrames(page) {
  const frames = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  return frames;
}
