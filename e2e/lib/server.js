'use strict';
// Starts a real Cap server for one test file: its own port, its own SQLite database and mail
// outbox in a fresh temporary folder. Also reads the e-mails the server writes to that outbox.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

const CAP_BIN = process.env.CAP_BIN || '/var/tmp/cap-target/debug/cap';
const SETUP_LINK = /http:\/\/127\.0\.0\.1:\d+\/setup\/[A-Za-z0-9_-]+/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port that was free a moment ago: listen on port 0, read the port, close. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `cap serve` and waits until /healthz answers 200 (120 s at most: loading the demo into a
 * fresh PostgreSQL database with the debug build takes about half a minute on a 2-core machine).
 * @param {{demo?: boolean, databaseUrl?: string, env?: object, venueBundle?: string}} options (SQLite in a
 *   fresh folder by default; `env` adds `CAP_…` settings, such as a short reminder interval;
 *   `venueBundle` runs `cap venue FILE` instead, a laptop's copy of a campaign on its own database)
 */
async function startServer({ demo = false, databaseUrl = null, env: extraEnv = {}, venueBundle = null } = {}) {
  if (!fs.existsSync(CAP_BIN)) {
    throw new Error(`Cap binary not found at ${CAP_BIN} (set CAP_BIN)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cap-e2e-'));
  const outbox = path.join(dir, 'outbox');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = venueBundle
    ? ['venue', venueBundle, '--addr', `127.0.0.1:${port}`, '--public-url', baseUrl]
    : ['serve', '--addr', `127.0.0.1:${port}`];
  if (demo) args.push('--demo');
  const env = { ...process.env };
  // Only the variables of this test decide the configuration.
  for (const name of Object.keys(env)) {
    if (name.startsWith('CAP_') && name !== 'CAP_BIN') delete env[name];
  }
  Object.assign(env, {
    CAP_DATABASE_URL: databaseUrl || `sqlite://${dir}/cap.db`,
    CAP_MAIL_OUTBOX: outbox,
    CAP_LOG: 'warn',
    ...extraEnv,
  });
  let child = null;
  let stdout = '';
  let stderr = '';
  let exited = null;
  /** Starts the process (again) on the same port, database and folder. */
  function launch() {
    exited = null;
    child = spawn(CAP_BIN, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const mine = child;
    mine.on('exit', (code, signal) => { if (child === mine) exited = { code, signal }; });
  }
  /** Waits until the process has exited, killing it with `signal` (SIGKILL after 5 s). */
  async function halt(signal) {
    if (exited !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => { if (exited === null) child.kill('SIGKILL'); }, 5_000);
    await gone;
    clearTimeout(timer);
  }
  /** Waits (120 s at most) until /healthz answers 200. */
  async function ready() {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (exited !== null) {
        throw new Error(`cap exited early (${JSON.stringify(exited)})\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      }
      try {
        const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`cap did not answer /healthz within 120 s\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      }
      await sleep(200);
    }
  }

  const server = {
    baseUrl,
    port,
    dir,
    outbox,
    get process() { return child; },
    /** Everything the server printed on stdout so far. */
    stdout: () => stdout,
    /** Everything the server printed on stderr so far. */
    stderr: () => stderr,
    /** Absolute URL of a path on this server. */
    url: (p = '/') => new URL(p, baseUrl).toString(),
    /** The one-time setup link printed on first start (empty database, no --demo). */
    async setupLink(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = stdout.match(SETUP_LINK);
        if (match) return match[0];
        if (Date.now() > deadline) {
          throw new Error(`no setup link printed within ${timeoutMs} ms; stdout was:\n${stdout}`);
        }
        await sleep(100);
      }
    },
    /**
     * Stops the instance as a crash or an operator would (`SIGKILL` by default: no goodbye to the
     * pages following it) and starts it again on the same port and database, with `moreEnv` added
     * to its environment (see `daysLater`); resolves when it answers again.
     */
    async restart(signal = 'SIGKILL', moreEnv = {}) {
      await halt(signal);
      Object.assign(env, moreEnv);
      launch();
      await ready();
    },
    /** Stops the server and removes its folder. */
    async stop() {
      await halt('SIGTERM');
      if (!process.env.CAP_E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    },
  };

  launch();
  await ready();
  return server;
}

/** Where Debian's libfaketime (package `faketime`) keeps its multithreaded library. */
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

/**
 * The environment that makes a restarted server live `days` days from now (its wall clock only:
 * timers keep the real monotonic clock), for journeys that span weeks, such as an access that
 * expires. Needs Debian's `faketime` package, which `scripts/test.sh` installs.
 */
function daysLater(days) {
  if (!fs.existsSync(LIBFAKETIME)) {
    throw new Error(`${LIBFAKETIME} is missing: apt-get install faketime (scripts/test.sh does it)`);
  }
  return { LD_PRELOAD: LIBFAKETIME, FAKETIME: `+${days}d`, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}

// ---------------------------------------------------------------------------------------------
// E-mails

/** Splits a raw message into unfolded headers and body. */
function parseMessage(raw) {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 2);
  const headers = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** Decodes quoted-printable text: soft line breaks, then =XX escapes (as UTF-8 bytes). */
function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i];
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The readable body of a message, whatever its transfer encoding. */
function decodeBody(headers, body) {
  const encoding = (headers['content-transfer-encoding'] || '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  // Decoding is harmless when the text has no escapes, and covers an undeclared encoding.
  return /=\r?\n|=[0-9A-F]{2}/.test(body) ? decodeQuotedPrintable(body) : body;
}

/**
 * Creates an empty PostgreSQL database for this test file (on the server of
 * CAP_TEST_POSTGRES_URL, by default the local one) and drops it when the file's tests end;
 * returns its URL.
 */
function freshPostgresDatabase() {
  const { execFileSync } = require('node:child_process');
  const { after } = require('node:test');
  const admin = process.env.CAP_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cap_e2e_${process.pid}_${Date.now()}`;
  execFileSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`]);
  after(() => {
    try { execFileSync('psql', [admin, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]); } catch { /* left for the next cleanup */ }
  });
  return admin.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
}

/** Every message in the outbox, oldest first, decoded. */
function readOutbox(outbox) {
  if (!fs.existsSync(outbox)) return [];
  return fs.readdirSync(outbox)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => {
      const file = path.join(outbox, name);
      const raw = fs.readFileSync(file, 'utf8');
      const { headers, body } = parseMessage(raw);
      return { file, mtime: fs.statSync(file).mtimeMs, headers, text: decodeBody(headers, body) };
    })
    .sort((a, b) => a.mtime - b.mtime);
}

const MAIL_LINK = /http:\/\/127\.0\.0\.1:\d+\/(?:invitation|password\/reset)\/[A-Za-z0-9_-]+/;

/**
 * Waits (10 s at most) for a mail to `recipient` in the outbox and returns the first link it
 * holds. `linkPattern` narrows the link (default: invitation or password-reset links); `after`
 * ignores messages already seen (a list of files, as returned in `message.file`).
 */
async function waitForMailLink(outbox, recipient, { linkPattern = MAIL_LINK, timeoutMs = 10_000, after = [] } = {}) {
  const deadline = Date.now() + timeoutMs;
  const wanted = recipient.toLowerCase();
  for (;;) {
    const messages = readOutbox(outbox)
      .filter((m) => !after.includes(m.file))
      .filter((m) => (m.headers.to || '').toLowerCase().includes(wanted));
    for (const message of messages.reverse()) {
      const match = message.text.match(linkPattern);
      if (match) return { link: match[0], message };
    }
    if (Date.now() > deadline) {
      const seen = readOutbox(outbox).map((m) => `${path.basename(m.file)} To: ${m.headers.to}`);
      throw new Error(`no mail with a link to ${recipient} within ${timeoutMs} ms; outbox holds:\n${seen.join('\n') || '(nothing)'}`);
    }
    await sleep(200);
  }
}

module.exports = {
  CAP_BIN,
  startServer,
  daysLater,
  freePort,
  readOutbox,
  freshPostgresDatabase,
  waitForMailLink,
  decodeQuotedPrintable,
};
