// The dashboard in a real browser: Debian's headless Chromium driven by
// playwright-core.  Starts `parley serve` on a free loopback port with a
// temporary store, pastes the example article and stores it (twice, a month
// apart, so the time axis has a gap), then checks every view: highlighted
// records in "Code a text", the map's shading and markers, the volume chart
// on a true time axis, top actors and dyads, the sortable table, filters kept
// in the address across a reload, the CSV of what is shown, the document
// view, quotes and deadlines, and the RUS–USA timeline; saves a screenshot of
// the whole page to docs/dashboard.png.  Every wait is for a condition, never a fixed sleep.
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
// Storing needs the server's write token; the analyst types it into the dashboard.
const WRITE_TOKEN = 'browser-test-write-token-0123456789';

function startServer() {
  return new Promise((ok, fail) => {
    server = spawn(bin, ['serve', '--db', join(work, 'events.db'), '--port', '0', '--threads', '2',
      '--write-token', WRITE_TOKEN],
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

// The cells of a CSV text (RFC 4180: quoted fields may hold commas,
// doubled quotes and line breaks).
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; ++i; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// The text of column `name` (its header cell's button) in every table row.
async function column(page, name) {
  const headers = await page.locator('#events-table thead th').allInnerTexts();
  const index = headers.findIndex((h) => h.replace(/[▲▼↕]/g, '').trim() === name);
  assert.ok(index >= 0, `no column ${name} in ${headers}`);
  return page.locator(`#events-table tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}

// Waits until the table's rows are those fetched with every one of `params`
// (the table records the query its rows came from in data-shown).
async function tableShows(page, params) {
  await page.waitForFunction((want) => {
    const shown = new URLSearchParams(document.querySelector('#events-table').dataset.shown || '');
    return Object.entries(want).every(([k, v]) => shown.get(k) === v);
  }, params);
}

async function sortedBy(page, key, order) {
  await page.locator(`#events-table th[data-sort="${key}"][aria-sort="${order}"]`).waitFor();
  await tableShows(page, { sort: key, order: order === 'ascending' ? 'asc' : 'desc' });
}

function watch(page) {
  const failures = [];
  page.on('pageerror', (e) => failures.push(String(e)));
  // A reload or a new address aborts the requests still in flight: not a failure.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => { if (!r.url().startsWith(base)) failures.push(`off-origin request ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().includes('/v1/dyads/')) failures.push(`${r.status()} ${r.url()}`); });
  return failures;
}

test('paste the article, see the meeting, its quotes and deadline, open the RUS–USA timeline', async () => {
  const page = await browser.newPage();
  const failures = watch(page);
  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Events in the store' }).waitFor();
  await page.locator('#events-status').filter({ hasText: 'No events match.' }).waitFor();

  await page.fill('#code-text', readFileSync(example, 'utf8'));
  await page.fill('#code-date', '2025-08-06');
  await page.fill('#code-id', 'kremlin-witkoff-2025-08-06');
  // Without the token the store refuses, and the dashboard says why.
  await page.click('#code-store');
  await page.locator('#code-status').filter({ hasText: 'write token' }).waitFor();
  await page.fill('#code-token', WRITE_TOKEN);
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
  // The stored ones, in the quotes and deadlines panels, with their text; the
  // deadline list shows past deadlines by default (nothing typed in "as of").
  await page.locator('#quotes li').filter({ hasText: '“Dialogue will prevail' }).first().waitFor();
  assert.equal(await page.inputValue('#deadline-filters input[name=as_of]'), '');
  const storedDeadline = page.locator('#deadlines li').filter({ hasText: '2025-08-08' }).filter({ hasText: /set by .*Trump/ });
  await storedDeadline.first().waitFor();
  assert.match(await storedDeadline.first().innerText(), /past/);

  // The meeting in the store's event table.
  const meeting = page.locator('#events-table tbody tr')
    .filter({ hasText: 'RUSGOV' }).filter({ hasText: 'USAGOV' }).filter({ hasText: '“met”' });
  await meeting.first().waitFor();
  assert.match(await meeting.first().innerText(), /Putin/);
  assert.match(await meeting.first().innerText(), /Witkoff/);

  // The RUS–USA timeline, opened from the meeting's row.
  await meeting.first().locator('button', { hasText: 'timeline' }).click();
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

  // The document view, opened from the meeting's row: the text with the
  // events, quotes and deadlines highlighted by their spans, and listed.
  await meeting.first().locator('td button.link').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('document') === 'kremlin-witkoff-2025-08-06');
  await page.locator('#document-meta').filter({ hasText: 'kremlin-witkoff-2025-08-06' }).waitFor();
  assert.ok(await page.locator('#document-text mark.src', { hasText: 'Putin' }).count() >= 1);
  assert.ok(await page.locator('#document-text mark.tgt', { hasText: 'Witkoff' }).count() >= 1);
  assert.ok(await page.locator('#document-text mark.quote', { hasText: 'Dialogue will prevail' }).count() >= 1);
  assert.ok(await page.locator('#document-text mark.deadline').count() >= 1);
  const docQuote = page.locator('#document-records li').filter({ has: page.locator('span.quote') }).filter({ hasText: 'Dialogue will prevail' });
  assert.match(await docQuote.first().innerText(), /Dmitriev/);
  const docDeadline = page.locator('#document-records li').filter({ has: page.locator('span.deadline') });
  assert.match(await docDeadline.first().innerText(), /2025-08-08: \S.*set by .*Trump/);
  // Selecting a record dims the others' marks.
  await docQuote.first().click();
  await page.locator('#document-records li.selected').waitFor();
  assert.ok(await page.locator('#document-text mark.dim').count() >= 1);

  assert.deepEqual(failures, []);
  await page.close();
});

test('map, volume over time, top lists, sorting, filters in the address, CSV of what is shown', async () => {
  // The same article stored again the next day and six weeks later: three
  // dates, two of them consecutive, with a gap after.
  for (const [id, date] of [['kremlin-witkoff-next-day', '2025-08-07'], ['kremlin-witkoff-later', '2025-09-20']]) {
    const stored = await fetch(base + '/v1/documents', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${WRITE_TOKEN}` },
      body: JSON.stringify({ id, date, text: readFileSync(example, 'utf8') }),
    });
    assert.equal(stored.status, 200);
  }
  const page = await browser.newPage();
  const failures = watch(page);
  await page.goto(base + '/');

  // The map: shaded countries and a marker per place with coordinates.
  const map = page.locator('#map svg[aria-label="map of events"]');
  await map.waitFor();
  assert.ok(await map.locator('path.country').count() > 150, 'the country outlines are drawn');
  await map.locator('path.country.has-events').first().waitFor();
  const fill = (country) => map.locator(`path.country[data-country="${country}"]`).evaluate((p) => getComputedStyle(p).fill);
  assert.notEqual(await fill('RU'), await fill('BR'), 'Russia is shaded, Brazil (no events) is not');
  await map.locator('circle.marker').first().waitFor();
  const places = await (await fetch(base + '/v1/places?limit=1000')).json();
  assert.ok(places.places.length >= 1);
  assert.equal(await map.locator('circle.marker').count(), places.places.length);
  await page.locator('#map-status').filter({ hasText: /marked/ }).waitFor();

  // Volume over time: points on a true time axis; the month without events
  // between the two stories is a gap, not a bridge.
  const volume = page.locator('#volume svg');
  await volume.waitFor();
  assert.ok(await volume.locator('circle.pt').count() >= 2);
  // x is the date: Aug 6 → Aug 7 is one day of the 45 to Sep 20 (an axis of
  // slots would put Aug 7 halfway).
  const series = volume.locator('g.series[data-group="1"]');
  const xs = await series.locator('circle.pt').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
  assert.equal(xs.length, 3);
  const share = (xs[1] - xs[0]) / (xs[2] - xs[0]);
  assert.ok(Math.abs(share - 1 / 45) < 0.005, `Aug 7 sits at ${share} of the span`);
  // Aug 6 and 7 are joined; the weeks without events before Sep 20 are a gap.
  const d = await series.locator('path.vline').getAttribute('d');
  assert.deepEqual(d.match(/[ML]/g), ['M', 'L', 'M'], `the line: ${d}`);
  await page.selectOption('#volume-group', 'root');
  await page.locator('#volume svg[aria-label="volume by root per day"]').waitFor();
  await page.locator('#volume svg g.series[data-group="04"]').waitFor();

  // Top actors and dyads.
  await page.locator('#top-actors li').filter({ hasText: 'RUSGOV' }).first().waitFor();
  await page.locator('#top-dyads li').filter({ hasText: 'RUSGOV → USAGOV' }).first().waitFor();

  // The table sorts by a clicked header, both ways.
  await page.locator('#events-table th[data-sort="goldstein"] button').click();
  await sortedBy(page, 'goldstein', 'descending');
  const numbers = (cells) => cells.map((c) => c.trim()).filter((c) => c !== '—').map(Number);
  let g = numbers(await column(page, 'Goldstein'));
  assert.ok(g.length >= 2);
  assert.deepEqual(g, [...g].sort((a, b) => b - a));
  await page.locator('#events-table th[data-sort="goldstein"] button').click();
  await sortedBy(page, 'goldstein', 'ascending');
  g = numbers(await column(page, 'Goldstein'));
  assert.deepEqual(g, [...g].sort((a, b) => a - b));
  await page.locator('#events-table th[data-sort="source"] button').click();
  await sortedBy(page, 'source', 'ascending');
  const sources = (await column(page, 'Source')).map((c) => c.split('\n')[0].trim());
  assert.deepEqual(sources, [...sources].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  // Back and Forward walk through the views.
  await page.goBack();
  await sortedBy(page, 'goldstein', 'ascending');
  await page.goForward();
  await sortedBy(page, 'source', 'ascending');

  // Filters go into the address and survive a reload.
  await page.fill('#event-filters input[name=root]', '04');
  await page.check('#event-filters input[name=exclude][value=negated]');
  await page.click('#event-filters button[type=submit]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('root') === '04');
  await tableShows(page, { root: '04' });
  await page.reload();
  assert.equal(await page.inputValue('#event-filters input[name=root]'), '04');
  assert.ok(await page.isChecked('#event-filters input[name=exclude][value=negated]'));
  await tableShows(page, { sort: 'source', order: 'asc', root: '04', exclude: 'negated' });
  const events = await column(page, 'Event');
  assert.ok(events.length >= 1);
  for (const cell of events) assert.match(cell, /^04/);
  await page.locator('#volume svg[aria-label="volume by root per day"]').waitFor();
  assert.equal(await page.locator('#volume svg g.series').count(), 1, 'only root 04 is counted');

  // The CSV link downloads exactly the rows shown, in their order.
  const href = await page.getAttribute('#events-csv', 'href');
  const query = new URL(href, base).searchParams;
  assert.equal(query.get('format'), 'csv');
  assert.equal(query.get('root'), '04');
  assert.equal(query.get('sort'), 'source');
  assert.equal(query.get('exclude'), 'negated');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#events-csv')]);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
  const header = rows[0];
  const csvSources = rows.slice(1).map((r) => r[header.indexOf('source')]);
  const shownSources = (await column(page, 'Source')).map((c) => c.split('\n')[0].trim());
  assert.deepEqual(csvSources, shownSources);
  for (const r of rows.slice(1)) assert.equal(r[header.indexOf('root')], '04');

  // Every panel's CSV link is its own query with the same filters.
  await page.waitForFunction(() => ['#map-csv', '#volume-csv', '#actors-csv', '#dyads-csv']
    .every((link) => (document.querySelector(link).getAttribute('href') || '').includes('root=04')));
  for (const [link, route] of [['#map-csv', '/v1/places'], ['#volume-csv', '/v1/counts'], ['#actors-csv', '/v1/actors'], ['#dyads-csv', '/v1/dyads']]) {
    const url = new URL(await page.getAttribute(link, 'href'), base);
    assert.equal(url.pathname, route);
    assert.equal(url.searchParams.get('root'), '04', link);
    assert.equal(url.searchParams.get('format'), 'csv', link);
    const res = await fetch(url);
    assert.equal(res.status, 200, link);
    assert.match(res.headers.get('content-type'), /^text\/csv/);
  }

  // A click on a shaded country filters by it (and the address follows).
  await page.click('#event-filters button[type=reset]');
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('root'));
  // (dispatched on the shape itself: Russia's box centre may lie on another shape)
  await map.locator('path.country.has-events[data-country="RU"]').dispatchEvent('click');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('place_country') === 'RU');
  assert.equal(await page.inputValue('#event-filters input[name=place_country]'), 'RU');
  await tableShows(page, { place_country: 'RU' });
  for (const cell of await column(page, 'Place')) assert.match(cell, /\bRU\b/);
  // A link made with the older names (country=, sort=country) restores the
  // same view under the field names.
  await page.goto(base + '/?country=RU&sort=country&order=asc');
  assert.equal(await page.inputValue('#event-filters input[name=place_country]'), 'RU');
  await sortedBy(page, 'place_country', 'ascending');
  await tableShows(page, { place_country: 'RU' });

  // The screenshot in the README: every view with the three stories stored.
  await page.goto(base + '/?group=root&document=kremlin-witkoff-2025-08-06');
  await map.locator('circle.marker').first().waitFor();
  await page.locator('#volume svg g.series').first().waitFor();
  await page.locator('#document-text mark.quote').first().waitFor();
  await page.locator('#top-dyads li').first().waitFor();
  await tableShows(page, { sort: 'date' });
  await page.screenshot({ path: join(repo, 'docs/dashboard.png'), fullPage: true });
  assert.deepEqual(failures, []);

  // An address edited by hand with a bad filter: every view says what is
  // wrong (the API's 400 names the parameter); nothing breaks.
  failures.length = 0;
  await page.goto(base + '/?root=99&sort=goldstein');
  for (const status of ['#events-status', '#map-status', '#volume-status']) {
    await page.locator(`${status}.error`).filter({ hasText: /root/ }).waitFor();
  }
  assert.equal(await page.inputValue('#event-filters input[name=root]'), '99');
  assert.ok(failures.every((f) => f.startsWith('400 ')), failures.join('\n'));
  await page.close();
});
