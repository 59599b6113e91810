// Starts the real server jar on a loopback port and launches Debian's Chromium headless.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const JAR = path.join(ROOT, 'server/target/haven-server.jar');
const SECRET = 'browser-test-secret-browser-test-secret-0123456789';
const CONFIG_HOME = mkdtempSync(path.join(tmpdir(), 'haven-web-test-'));
const ENV = { ...process.env, HAVEN_TOKEN_SECRET: SECRET, HAVEN_LOG_LEVEL: 'INFO', XDG_CONFIG_HOME: CONFIG_HOME };

let configs = 0;

/**
 * Starts the server, with `config` (YAML text merged over the built-in configuration) when
 * given; resolves once it logs "listening on ws://127.0.0.1:PORT/ws".
 */
export function startServer({ port = 0, timeoutMs = 30000, config } = {}) {
  const args = ['-jar', JAR, '--host', '127.0.0.1', '--port', String(port)];
  if (config) {
    const file = path.join(CONFIG_HOME, `haven-${++configs}.yaml`);
    writeFileSync(file, config);
    args.push('--config', file);
  }
  // A state directory of its own (rooms changed at run time), never the user's real one.
  const env = { ...ENV, HAVEN_STATE_DIR: mkdtempSync(path.join(CONFIG_HOME, 'state-')) };
  const child = spawn('java', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${log.join('\n')}`));
    }, timeoutMs);
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log.join('\n')}`));
    });
    createInterface({ input: child.stderr }).on('line', (line) => log.push(line));
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.push(line);
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)\/ws/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({
          port: Number(match[1]),
          url: `http://127.0.0.1:${match[1]}/`,
          log,
          /** SIGTERM (clients get 1001), and waits for the exit; SIGKILL after timeoutMs. */
          async stop(stopTimeoutMs = 15000) {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
            await exited;
            clearTimeout(killer);
          },
        });
      }
    });
  });
}

/**
 * A token for the test secret, signed here as the server's `token` command signs it (HS256, the
 * same claims): starting a JVM for each token would cost seconds per test on a busy machine.
 */
export function token({ sub, name, role = 'member', ttl = 3600 }) {
  const part = (object) => Buffer.from(JSON.stringify(object)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256' })}.${part({ iss: 'haven', sub, name, role, iat: now, exp: now + ttl })}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

/** Debian's Chromium, headless, with a fresh temporary profile (Playwright makes one per launch). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function cleanUp() {
  rmSync(CONFIG_HOME, { recursive: true, force: true });
}
