// End-to-end test of the hadath web page in a real browser (Debian's Chromium driven by
// playwright-core). Needs a running server: BASE_URL=http://127.0.0.1:PORT node e2e.mjs
// (scripts/e2e.sh starts one). Screenshots go to tests/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HERE = dirname(fileURLToPath(import.meta.url));
const SHOTS = join(HERE, 'screenshots');
const TIMEOUT = 30_000;

const ENGLISH =
  "Officials said the airstrike killed at least 12 people in Mosul on Monday. " +
  "'We will respond,' the minister said.";

let browser;
let context;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
});

after(async () => {
  await browser?.close();
});

/** A new page that records console errors and uncaught exceptions (e.g. CSP violations). */
async function openPage(ctx = context) {
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector('#extract-form');
  return { page, problems };
}

/** The API's answer for the same request the page sends. */
async function apiExtract(body) {
  const resp = await fetch(`${BASE_URL}/v1/extract`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, offsets: 'utf16' }),
  });
  assert.equal(resp.status, 200, `POST /v1/extract answered ${resp.status}`);
  return resp.json();
}

async function submitAndWait(page) {
  const response = page.waitForResponse((r) => r.url().endsWith('/v1/extract') && r.request().method() === 'POST');
  await page.click('#submit');
  assert.equal((await response).status(), 200);
  await page.waitForSelector('#results:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Done'));
}

/** id -> text joined across all elements carrying that id, in document order. */
async function textsById(page, selector, attr) {
  const pairs = await page.$$eval(selector, (els, a) => els.map((e) => [e.getAttribute(a), e.textContent]), attr);
  const out = new Map();
  for (const [id, text] of pairs) out.set(id, (out.get(id) || '') + text);
  return out;
}

/** Screenshot of the whole page with no tooltip or focus ring in the way. */
async function screenshot(page, name) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.mouse.move(0, 0);
  await page.waitForSelector('#tooltip', { state: 'hidden' });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

async function checkResult(page, api, text, dir) {
  // The article view shows exactly the submitted text.
  assert.equal(await page.textContent('#article-view'), text, 'article view text differs from the input');
  assert.equal(await page.getAttribute('#article-view', 'dir'), dir);
  assert.equal(await page.getAttribute('#article-view', 'lang'), api.language);

  const triggers = await textsById(page, '[data-event-id].trigger', 'data-event-id');
  assert.equal(triggers.size, api.events.length, 'distinct highlighted trigger ids != number of events');
  for (const ev of api.events) {
    assert.ok(triggers.has(ev.id), `event ${ev.id} has no highlighted trigger`);
    assert.equal(triggers.get(ev.id), ev.trigger.text, `trigger text of ${ev.id}`);
  }

  const quotes = await textsById(page, '[data-quote-id]', 'data-quote-id');
  assert.equal(quotes.size, api.quotes.length, 'distinct highlighted quote ids != number of quotes');
  for (const q of api.quotes) {
    assert.ok(quotes.has(q.id), `quote ${q.id} has no highlighted content`);
    assert.equal(quotes.get(q.id), q.content.text, `content text of ${q.id}`);
  }

  // Side lists agree with the response.
  assert.equal(await page.locator('#events-list [data-item^="e:"]').count(), api.events.length);
  assert.equal(await page.locator('#quotes-list [data-item^="q:"]').count(), api.quotes.length);

  // Keyboard: a highlighted trigger is focusable and Enter opens its details.
  if (api.events.length) {
    const first = page.locator(`[data-event-id="${api.events[0].id}"].trigger`).first();
    await first.focus();
    assert.equal(await first.getAttribute('tabindex'), '0');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) => document.querySelector('#details').textContent.includes(`(${id})`), api.events[0].id);
  }
}

test('Arabic sample article: highlights match the API, rtl', async () => {
  const { page, problems } = await openPage();
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#article-text').value.length > 100);
  const text = await page.inputValue('#article-text');
  const published_at = await page.inputValue('#published-at');
  const language = await page.inputValue('#language');
  assert.equal(language, 'ar');
  assert.equal(published_at, '2023-11-15');

  await submitAndWait(page);
  const api = await apiExtract({ text, language, published_at });
  assert.equal(api.language, 'ar');
  await checkResult(page, api, text, 'rtl');
  await screenshot(page, 'ar.png');
  assert.deepEqual(problems, [], 'console errors on the page');
  await page.close();
});

test('English article: highlights match the API, ltr', async () => {
  const { page, problems } = await openPage();
  await page.fill('#article-text', ENGLISH);
  await page.fill('#published-at', '2023-11-15');
  await page.selectOption('#language', 'en');
  await submitAndWait(page);
  const api = await apiExtract({ text: ENGLISH, language: 'en', published_at: '2023-11-15' });
  assert.equal(api.language, 'en');
  await checkResult(page, api, ENGLISH, 'ltr');
  await screenshot(page, 'en.png');
  assert.deepEqual(problems, [], 'console errors on the page');
  await page.close();
});

test('narrow viewport (like 200% zoom): layout stacks without horizontal scrolling', async () => {
  const narrow = await browser.newContext({ viewport: { width: 640, height: 900 } });
  narrow.setDefaultTimeout(TIMEOUT);
  const { page, problems } = await openPage(narrow);
  await page.fill('#article-text', ENGLISH);
  await submitAndWait(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls horizontally by ${overflow}px at 640px width`);
  await screenshot(page, 'en-narrow.png');
  assert.deepEqual(problems, [], 'console errors on the page');
  await narrow.close();
});

test('empty text shows an error message', async () => {
  const { page } = await openPage();
  await page.fill('#article-text', '');
  await page.click('#submit');
  await page.waitForSelector('#error', { state: 'visible' });
  const message = (await page.textContent('#error')).trim();
  assert.ok(message.length > 10, `error box has no message: "${message}"`);
  assert.equal(await page.isHidden('#results'), true, 'results shown for an empty article');
  await page.close();
});
