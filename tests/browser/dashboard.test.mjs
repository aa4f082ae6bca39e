// The dashboard in a real browser: Debian's headless Chromium driven by
// playwright-core.  Starts `parley serve` on a free loopback port with a
// temporary store, pastes the example article, stores it, finds the
// Putin–Witkoff meeting in the event table, opens the RUS–USA timeline, and
// saves a screenshot to docs/dashboard.png.
//   PARLEY_BIN=build/parley node --test tests/browser/dashboard.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const bin = process.env.PARLEY_BIN || join(repo, 'build/parley');
const example = resolve(repo, '../shared/examples/kremlin-witkoff-2025-08-06.txt');
const work = mkdtempSync(join(tmpdir(), 'parley-dashboard-'));
let server, browser, base;

function startServer() {
  return new Promise((ok, fail) => {
    server = spawn(bin, ['serve', '--db', join(work, 'events.db'), '--port', '0', '--threads', '2'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => fail(new Error('parley serve did not start in 60 s')), 60000);
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on('exit', (code) => { clearTimeout(timer); fail(new Error(`parley serve exited ${code}`)); });
  });
}

before(async () => {
  base = await startServer();
  // A new empty profile (--user-data-dir) through the persistent-context API.
  browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: process.env.PARLEY_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 1100 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

test('paste the article, see the meeting, open the RUS–USA timeline', async () => {
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(String(e)));
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => { if (!r.url().startsWith(base)) failures.push(`off-origin request ${r.url()}`); });
  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Events in the store' }).waitFor();
  await page.locator('#events-status').filter({ hasText: 'No events match.' }).waitFor();

  await page.fill('#code-text', readFileSync(example, 'utf8'));
  await page.fill('#code-date', '2025-08-06');
  await page.fill('#code-id', 'kremlin-witkoff-2025-08-06');
  await page.click('#code-store');
  await page.locator('#code-status').filter({ hasText: 'Stored as' }).waitFor();

  // Highlighted evidence in the pasted text: Putin as source, "met", Witkoff as target.
  assert.ok(await page.locator('#code-output mark.src', { hasText: 'Putin' }).count() >= 1);
  assert.ok(await page.locator('#code-output mark.verb', { hasText: 'met' }).count() >= 1);
  assert.ok(await page.locator('#code-output mark.tgt', { hasText: 'Witkoff' }).count() >= 1);

  // Quotes and deadlines in the "Code a text" panel show their text (they read
  // the same field names as the store's /v1/quotes and /v1/deadlines).
  const codedQuote = page.locator('#code-events li').filter({ has: page.locator('span.quote') })
    .filter({ hasText: 'Dialogue will prevail' });
  await codedQuote.first().waitFor();
  assert.match(await codedQuote.first().innerText(), /Dmitriev/);
  const codedDeadline = page.locator('#code-events li').filter({ has: page.locator('span.deadline') });
  await codedDeadline.first().waitFor();
  assert.match(await codedDeadline.first().innerText(), /2025-08-08: \S.*set by .*Trump/);
  assert.ok(await page.locator('#code-output mark.quote', { hasText: 'Dialogue will prevail' }).count() >= 1);
  assert.ok(await page.locator('#code-output mark.deadline').count() >= 1);
  // The stored ones, in the quotes and deadlines panels, with their text;
  // the deadline list shows past deadlines by default.
  await page.locator('#quotes li').filter({ hasText: '“Dialogue will prevail' }).first().waitFor();
  await page.fill('#deadline-filters input[name=as_of]', '');
  await page.click('#deadline-filters button[type=submit]');
  await page.locator('#deadlines li').filter({ hasText: '2025-08-08' }).filter({ hasText: /set by .*Trump/ }).first().waitFor();

  // The meeting in the store's event table.
  const meeting = page.locator('#events-table tbody tr')
    .filter({ hasText: 'RUSGOV' }).filter({ hasText: 'USAGOV' }).filter({ hasText: '“met”' });
  await meeting.first().waitFor();
  assert.match(await meeting.first().innerText(), /Putin/);
  assert.match(await meeting.first().innerText(), /Witkoff/);

  // Filters: the table narrows to the root and pages report the total.
  await page.fill('#event-filters input[name=root]', '13');
  await page.click('#event-filters button[type=submit]');
  // The unfiltered table already shows "of N": wait for the filtered one to
  // replace it (the 040 meeting leaves) before reading its rows.
  await meeting.first().waitFor({ state: 'detached' });
  await page.locator('#events-page').filter({ hasText: /of \d+/ }).waitFor();
  for (const row of await page.locator('#events-table tbody tr').all()) assert.match(await row.innerText(), /\b13\d*\b/);
  await page.click('#event-filters button[type=reset]');
  await meeting.first().waitFor();

  // The RUS–USA timeline, opened from the meeting's row.
  await meeting.first().locator('button').click();
  const chart = page.locator('#timeline svg[aria-label="timeline RUS USA"]');
  await chart.waitFor();
  assert.ok(await chart.locator('rect.bar').count() >= 1);
  assert.ok(await chart.locator('.gdot').count() >= 1);
  await page.locator('#tl-status').filter({ hasText: 'RUS ↔ USA' }).waitFor();

  // Bad input is reported, not crashed on.
  await page.fill('#tl-b', 'U$A');
  await page.click('#tl-go');
  await page.locator('#tl-status.error').waitFor();
  await page.fill('#tl-b', 'USA');
  await page.click('#tl-go');
  await page.locator('#tl-status:not(.error)').filter({ hasText: 'RUS ↔ USA' }).waitFor();

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(repo, 'docs/dashboard.png'), fullPage: true });
  assert.deepEqual(failures, []);
});
