'use strict';
// Chromium through playwright-core, axe-core checks on every page, and a small harness that
// starts one Cap server per test file, screenshots failures and makes sure no page load went
// without its accessibility check.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const assert = require('node:assert/strict');
const { test, before, after } = require('node:test');
const { chromium } = require('playwright-core');
const { startServer } = require('./server');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, '..', 'artifacts');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** The demo accounts' password. */
const DEMO_PASSWORD = 'cap-demo-2026';

function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function artifactPath(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

// ---------------------------------------------------------------------------------------------
// Accessibility

const loads = new WeakMap(); // page -> [{ url, checked }]

/** Records each document the page's main frame shows, so a missed check can be reported. */
function trackLoads(page) {
  const list = [];
  loads.set(page, list);
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = frame.url();
    const last = list[list.length - 1];
    // A change of #fragment only is no new page.
    if (last && last.url.split('#')[0] === url.split('#')[0] && url.includes('#')) return;
    list.push({ url, checked: false });
  });
}

/** The page loads that were never checked with axe. */
function uncheckedLoads(page) {
  return (loads.get(page) || []).filter((entry) => !entry.checked).map((entry) => entry.url);
}

/**
 * Runs axe-core in the page and fails on any `serious` or `critical` violation, naming the rule,
 * its help text and the selectors of the elements concerned.
 */
/** Capitals in parentheses that are words people know, not codes (as in the HTTP wording test). */
const ACRONYMS = new Set(['CSV', 'XLSX', 'PDF', 'GES', 'PMSMP', 'RGPD']);

/**
 * What the page says, read as people read it: no stored date or month in figures (`2026-12-10`,
 * `2026-12`), no code in parentheses (« (OTHER) »), no plural faked with parentheses.
 */
async function checkWording(page, label) {
  const text = await page.evaluate(() => (document.body ? document.body.innerText : ''));
  const found = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_])\d{4}-\d{2}(?![\p{L}\p{N}_])/gu)) found.push(`date in figures « ${m[0]} »`);
  for (const m of text.matchAll(/\(([A-Z][A-Z0-9_]+)\)/g)) if (!ACRONYMS.has(m[1])) found.push(`code in parentheses « ${m[0]} »`);
  for (const fake of ['(s)', '(x)', '(es)', '(ies)', '(e)']) if (text.includes(fake)) found.push(`fake plural « ${fake} »`);
  if (found.length) assert.fail(`wording on ${label} (${page.url()}): ${found.join('; ')}`);
}

async function checkA11y(page, label) {
  await page.waitForLoadState('load');
  await checkWording(page, label);
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const list = loads.get(page);
  if (list && list.length) list[list.length - 1].checked = true;
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (process.env.CAP_E2E_A11Y_VERBOSE) {
    for (const v of results.violations.filter((x) => !bad.includes(x))) {
      console.log(`a11y [${v.impact}] ${v.id} on ${label}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    }
  }
  if (bad.length) {
    const lines = bad.map((v) => {
      const targets = v.nodes.map((n) => `      ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets.join('\n')}`;
    });
    assert.fail(`accessibility violations on ${label} (${page.url()}):\n${lines.join('\n')}`);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Page helpers: every navigation they cause is followed by an axe check.

/** Opens a path (or URL), checks accessibility, returns the response. */
async function visit(page, server, target, label) {
  const response = await page.goto(target.startsWith('http') ? target : server.url(target));
  await checkA11y(page, label || target);
  return response;
}

/** Runs `action` (which submits a form or follows a link), waits for the new page, checks it. */
async function navigate(page, action, label) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    action(),
  ]);
  await checkA11y(page, label);
  return response;
}

/** Clicks the button `name` (exact accessible name) and checks the page it leads to. */
function submit(page, name, label) {
  return navigate(page, () => page.getByRole('button', { name, exact: true }).click(), label || `after "${name}"`);
}

/** Follows the link named `name` (exact accessible name) and checks the page it leads to. */
async function follow(page, name, label) {
  const link = page.getByRole('link', { name, exact: true }).first();
  // On a phone the site's links fold behind « Menu »: tap it first, as a person would.
  const menu = page.locator('.site-menu-toggle');
  if (!(await link.isVisible()) && (await menu.isVisible())) await menu.click();
  return navigate(page, () => link.click(), label || `after link "${name}"`);
}

/** Signs in through the form; returns the response of the page reached. */
async function signIn(page, server, email, password) {
  await visit(page, server, '/sign-in', 'sign-in page');
  await page.fill('#email', email);
  await page.fill('#password', password);
  return submit(page, 'Se connecter', `after signing in as ${email}`);
}

/** Signs out with the header button. */
async function signOut(page) {
  return navigate(page, () => page.locator('form.sign-out button').click(), 'after signing out');
}

/** The visible text of the page's main landmark. */
function mainText(page) {
  return page.locator('main').innerText();
}

/** The text of a PDF as a viewer shows it (poppler's pdftotext), whitespace folded. */
function pdfText(bytes) {
  const file = path.join(os.tmpdir(), `cap-e2e-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  } finally {
    fs.unlinkSync(file);
  }
}

/** A screenshot into artifacts/. */
async function screenshot(page, name, { fullPage = true } = {}) {
  const file = artifactPath(name);
  await page.screenshot({ path: file, fullPage });
  return file;
}

// ---------------------------------------------------------------------------------------------
// The harness

/**
 * Starts one Cap server and one Chromium for the test file (before/after hooks) and returns
 * `{ journey, state }`. `journey(name, fn)` declares a test; `fn` receives
 * `{ server, browser, newPage }`, where `newPage(contextOptions)` opens a page in a NEW browser
 * context. When the journey fails, every open page is screenshotted into artifacts/. When it
 * passes, it must have checked every page it loaded with axe.
 */
function suite({ demo = false, databaseUrl = null, env = {} } = {}) {
  const state = { server: null, browser: null };
  before(async () => {
    state.server = await startServer({ demo, databaseUrl, env });
    state.browser = await launchBrowser();
  });
  after(async () => {
    if (state.browser) await state.browser.close();
    if (state.server) await state.server.stop();
  });

  function journey(name, fn, options = {}) {
    return test(name, { timeout: 240_000, ...options }, async (t) => {
      const contexts = [];
      const pages = [];
      const newPage = async (contextOptions = {}) => {
        const context = await state.browser.newContext({ locale: 'fr-FR', ...contextOptions });
        context.setDefaultTimeout(30_000);
        contexts.push(context);
        const page = await context.newPage();
        trackLoads(page);
        pages.push(page);
        return page;
      };
      try {
        await fn({ server: state.server, browser: state.browser, newPage, t });
        const missed = pages.flatMap((p) => uncheckedLoads(p));
        assert.deepEqual(missed, [], 'every page load must be checked with checkA11y');
      } catch (error) {
        let i = 0;
        for (const page of pages) {
          if (page.isClosed()) continue;
          i += 1;
          try {
            const file = await screenshot(page, `failure-${slug(name)}-${i}.png`);
            t.diagnostic(`screenshot: ${file} (${page.url()})`);
          } catch (shotError) {
            t.diagnostic(`no screenshot: ${shotError.message}`);
          }
        }
        const out = state.server && state.server.stderr().trim();
        if (out) t.diagnostic(`server stderr:\n${out.slice(-4000)}`);
        throw error;
      } finally {
        for (const context of contexts) await context.close().catch(() => {});
      }
    });
  }

  return { journey, state };
}

module.exports = {
  ARTIFACTS,
  DEMO_PASSWORD,
  launchBrowser,
  checkA11y,
  visit,
  navigate,
  submit,
  follow,
  signIn,
  signOut,
  mainText,
  pdfText,
  screenshot,
  suite,
};
