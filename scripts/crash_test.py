#!/usr/bin/env python3
"""Kills the server with SIGKILL under concurrent writes, restarts it, and checks in the
database that every acknowledged write is there and that the database is sound. Started by
scripts/crash-test.sh, which builds the binary and prepares the database; standard library only
(PostgreSQL is read through `psql`).

usage: crash_test.py ROUNDS ENGINE CAP_BIN WORK_DIR PORT DATABASE_URL

The writers use the real pages over HTTP, signed in as the demo's people, with the headers a
browser sends on a form (`Origin`, `Sec-Fetch-Site`):
- participants of Atelier du Lac save answers (autosave, `POST /campaigns/{id}/answers/{code}`),
  each comment carrying the writer's name and a sequence number;
- phones join a workshop of that campaign (`POST /w`) and vote (`POST /w/{code}/vote`);
- Nord Bâtiment Solidaire's coordinator edits the notes of the actions of its plan
  (`POST /campaigns/{id}/plan/actions/{action}`), each note carrying a sequence number;
- a pair, the tiers and the coordinator reply in a review thread
  (`POST /campaigns/{id}/review/threads/{thread}/reply`), each reply a distinct text.

A write is acknowledged when its answer arrived: 200 `saved` for an answer, 303 to the page the
handler sends back to for the others. A request whose answer never came (the server died with
it in flight) may or may not have been committed: it is "in doubt", and either outcome is
accepted. After each restart: for every row a writer owns, the value stored is the last
acknowledged one or a later one in doubt; every acknowledged reply and joined phone is there,
once; SQLite passes `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; PostgreSQL passes
`amcheck` on every B-tree index (with every heap row looked up), and no row breaks a foreign key
or a unique key.
"""

import http.client
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from html.parser import HTMLParser

ROUNDS = int(sys.argv[1])
ENGINE = sys.argv[2]
CAP = sys.argv[3]
WORK = sys.argv[4]
PORT = int(sys.argv[5])
DB_URL = sys.argv[6]
HOST = "127.0.0.1"
ORIGIN = f"http://{HOST}:{PORT}"
PASSWORD = "cap-demo-2026"
RUN = f"{int(time.time()) % 100000}"  # tells this run's markers from an earlier run's


# ---------------------------------------------------------------- database, read directly


def sql(query):
    """Rows of a query, read straight from the database (strings for PostgreSQL)."""
    if ENGINE == "sqlite":
        path = DB_URL.removeprefix("sqlite://")
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            return [tuple(r) for r in db.execute(query).fetchall()]
        finally:
            db.close()
    out = subprocess.run(
        ["psql", DB_URL, "-qAtX", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line != ""]


def soundness():
    """Problems found by the engine's own checks, as lines of text (none when sound)."""
    problems = []
    if ENGINE == "sqlite":
        result = sql("PRAGMA integrity_check")
        if result != [("ok",)]:
            problems += [f"integrity_check: {r[0]}" for r in result[:10]]
        problems += [f"foreign_key_check: {r}" for r in sql("PRAGMA foreign_key_check")[:10]]
        checked = "integrity_check ok, foreign_key_check empty"
    else:
        subprocess.run(["psql", DB_URL, "-qAtX", "-c", "CREATE EXTENSION IF NOT EXISTS amcheck"], check=True,
                       capture_output=True)
        indexes = sql(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace"
        )
        try:
            # heapallindexed: every row of the table is looked up in the index too.
            sql(
                "SELECT bt_index_check(i.indexrelid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace"
            )
        except subprocess.CalledProcessError as e:
            problems.append(f"amcheck: {e.stderr.strip()[:300]}")
        # Foreign keys, checked row by row (not trusting the constraint), and unique keys, by a
        # sequential scan (not trusting the index).
        fks = sql(
            "SELECT conrelid::regclass, a.attname, confrelid::regclass, b.attname FROM pg_constraint k "
            "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
            "JOIN pg_attribute b ON b.attrelid = k.confrelid AND b.attnum = k.confkey[1] "
            "WHERE k.contype = 'f' AND array_length(k.conkey, 1) = 1 AND k.connamespace = 'public'::regnamespace"
        )
        orphan_queries = [
            f"SELECT '{t}.{c}', count(*) FROM {t} x WHERE x.{c} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {pt} y WHERE y.{pc} = x.{c})"
            for t, c, pt, pc in fks
        ]
        uniques = sql(
            "SELECT conrelid::regclass, (SELECT string_agg(attname, ', ') FROM pg_attribute "
            "WHERE attrelid = k.conrelid AND attnum = ANY(k.conkey)) FROM pg_constraint k "
            "WHERE k.contype IN ('u', 'p') AND k.connamespace = 'public'::regnamespace"
        )
        dup_queries = [
            f"SELECT '{t}({cols})', count(*) FROM (SELECT 1 FROM {t} GROUP BY {cols} HAVING count(*) > 1) d"
            for t, cols in uniques
        ]
        for q in orphan_queries + dup_queries:
            rows = sql("SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off; " + q)
            for what, n in rows:
                if int(n):
                    problems.append(f"{what}: {n} row(s) break the constraint")
        checked = (
            f"amcheck on {len(indexes)} B-tree indexes, {len(fks)} foreign keys and {len(uniques)} unique keys "
            "checked row by row"
        )
    return problems, checked


# ---------------------------------------------------------------- the server


class Server:
    def __init__(self):
        self.proc = None
        self.log = open(os.path.join(WORK, "server.log"), "ab")

    def start(self, timeout=300):
        env = dict(os.environ, CAP_DATABASE_URL=DB_URL, CAP_PUBLIC_URL=ORIGIN,
                   CAP_MAIL_OUTBOX=os.path.join(WORK, "outbox"), CAP_LOG=os.environ.get("CAP_LOG", "warn"))
        started = time.monotonic()
        self.proc = subprocess.Popen([CAP, "serve", "--demo", "--addr", f"{HOST}:{PORT}"], env=env,
                                     stdout=self.log, stderr=self.log)
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise SystemExit(f"the server exited with {self.proc.returncode}; see {WORK}/server.log")
            try:
                status, _, _ = plain("GET", "/healthz", timeout=2)
                if status == 200:
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("the server did not answer /healthz in time")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


def plain(method, path, cookie=None, body=None, conn=None, timeout=10):
    """One request as a browser's form sends it; returns (status, headers, body)."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    headers = {"Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"} if method == "POST" else {}
    if cookie:
        headers["Cookie"] = cookie
    if body is not None:
        body = urllib.parse.urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        return r.status, r.msg, r.read()
    finally:
        if own:
            conn.close()


def cookie_of(headers, name):
    for c in headers.get_all("Set-Cookie") or []:
        if c.startswith(name + "="):
            return c.split(";", 1)[0]
    return None


def sign_in(email):
    status, headers, _ = plain("POST", "/sign-in", body={"email": email, "password": PASSWORD, "next": "/"})
    cookie = cookie_of(headers, "cap_session")
    if status != 303 or not cookie:
        raise SystemExit(f"sign-in of {email}: {status}")
    return cookie


class FormReader(HTMLParser):
    """The fields of each POST form of a page, with the values a browser would send."""

    def __init__(self):
        super().__init__()
        self.forms, self.fields, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.fields = {}
            self.forms.append(self.fields)
        if self.fields is None:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "checkbox", "radio"):
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self.select = a.get("name")
            self.fields.setdefault(self.select, "")
        elif tag == "option" and self.select and "selected" in a:
            self.fields[self.select] = a.get("value") or ""
        elif tag == "textarea":
            self.textarea = a.get("name")
            self.fields[self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.fields = None

    def handle_data(self, data):
        if self.textarea and self.fields is not None:
            self.fields[self.textarea] += data

    def form_with(self, *names):
        """The first form holding all these fields."""
        return next((f for f in self.forms if all(n in f for n in names)), None)


# ---------------------------------------------------------------- writers


class Writer:
    """A client writing in a loop over one keep-alive connection, in a thread of its own while a
    round lasts. Per row it owns (`key`), it keeps the sequence of values sent: each acknowledged
    or in doubt (sent, no answer)."""

    def __init__(self, tag):
        self.tag = tag
        self.running = False
        self.worker = None
        self.conn = None
        self.sent = {}  # key -> [(marker, "ack" | "doubt")]
        self.acknowledged = 0
        self.refused = {}  # answers that are not an acknowledgement, by status
        self.doubts = {}  # writes left in doubt, by what broke
        self.seq = 0

    def post(self, path, cookie, body, key, marker, ok):
        """Sends a write; `ok(status, headers, data)` tells an acknowledgement. Returns the answer,
        or None when none came."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, PORT, timeout=15)
            try:
                self.conn.connect()
            except OSError:
                self.conn = None
                time.sleep(0.05)
                return None  # not even connected: nothing was sent
        try:
            status, headers, data = plain("POST", path, cookie=cookie, body=body, conn=self.conn)
        except (OSError, http.client.HTTPException) as e:
            self.sent.setdefault(key, []).append((marker, "doubt"))
            self.doubts[type(e).__name__] = self.doubts.get(type(e).__name__, 0) + 1
            self.conn.close()
            self.conn = None
            return None
        if ok(status, headers, data):
            self.sent.setdefault(key, []).append((marker, "ack"))
            self.acknowledged += 1
        else:
            self.refused[status] = self.refused.get(status, 0) + 1
        return status, headers, data

    def get(self, path, cookie):
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, PORT, timeout=15)
            return plain("GET", path, cookie=cookie, conn=self.conn)
        except (OSError, http.client.HTTPException):
            if self.conn:
                self.conn.close()
            self.conn = None
            time.sleep(0.05)
            return None

    def run(self):
        while self.running:
            self.step()

    def start(self):
        self.running = True
        self.worker = threading.Thread(target=self.run, daemon=True)
        self.worker.start()

    def stop(self):
        self.running = False
        self.worker.join()
        if self.conn:
            self.conn.close()
            self.conn = None

    def allowed(self, key):
        """The values the row may hold now: the last acknowledged and any later one in doubt
        (None: whatever it held before, when nothing was acknowledged)."""
        tail = [None]
        for marker, state in self.sent.get(key, []):
            if state == "ack":
                tail = [marker]
            else:
                tail.append(marker)
        acked = any(s == "ack" for _, s in self.sent.get(key, []))
        return tail, acked


class Answerer(Writer):
    """A participant saving answers as the answering page does."""

    def __init__(self, tag, cookie, campaign, codes):
        super().__init__(tag)
        self.cookie, self.campaign, self.codes = cookie, campaign, list(codes)
        self.versions = {}

    def step(self):
        code = self.codes[self.seq % len(self.codes)]
        self.seq += 1
        marker = f"crash {RUN} {self.tag} {self.seq}"
        answer = self.post(
            f"/campaigns/{self.campaign}/answers/{code}", self.cookie,
            {"value": str(1 + self.seq % 4), "comment": marker, "version": str(self.versions.get(code, 0))},
            code, marker, lambda s, h, d: s == 200 and b'"saved"' in d,
        )
        if answer:
            try:
                body = json.loads(answer[2] or b"{}")
            except ValueError:
                body = {}
            if "version" in body:
                self.versions[code] = body["version"]


class Phone(Writer):
    """A phone in the workshop: joins with a first name of its own, then votes."""

    def __init__(self, tag, code):
        super().__init__(tag)
        self.code, self.cookie, self.indicator, self.joined = code, None, None, []

    def step(self):
        if not self.cookie:
            name = f"{self.tag} {RUN} {len(self.joined) + 1}"
            answer = self.post("/w", None, {"code": self.code, "first_name": name, "college": "volunteer"},
                               ("join", name), name, lambda s, h, d: s == 303 and cookie_of(h, "cap_voter"))
            if answer and answer[0] == 303:
                self.cookie = cookie_of(answer[1], "cap_voter")
                self.joined.append(name)
            return
        if not self.indicator:
            page = self.get(f"/w/{self.code}", self.cookie)
            if page and page[0] == 200:
                m = re.search(rb'name="indicator" value="([^"]+)"', page[2])
                self.indicator = m.group(1).decode() if m else None
            return
        self.seq += 1
        value = str(1 + self.seq % 4)
        self.post(f"/w/{self.code}/vote", self.cookie, {"value": value, "indicator": self.indicator},
                  ("vote", self.joined[-1], self.indicator), value,
                  lambda s, h, d: s == 303 and h.get("Location") == f"/w/{self.code}")


class PlanEditor(Writer):
    """A coordinator editing the notes of some actions: opens the form, changes, saves."""

    def __init__(self, tag, cookie, campaign, actions):
        super().__init__(tag)
        self.cookie, self.campaign, self.actions = cookie, campaign, actions

    def step(self):
        action = self.actions[self.seq % len(self.actions)]
        path = f"/campaigns/{self.campaign}/plan/actions/{action}"
        page = self.get(path, self.cookie)
        if not page or page[0] != 200:
            return
        reader = FormReader()
        reader.feed(page[2].decode("utf-8"))
        form = reader.form_with("version", "title", "notes")
        if form is None:
            raise SystemExit(f"no action form on {path}")
        self.seq += 1
        marker = f"crash {RUN} {self.tag} {self.seq}"
        fields = dict(form, notes=marker)
        self.post(path, self.cookie, fields, action, marker,
                  lambda s, h, d: s == 303 and (h.get("Location") or "").startswith(f"/campaigns/{self.campaign}/plan"))


class Reviewer(Writer):
    """A reviewer or the coordinator replying in a thread."""

    def __init__(self, tag, cookie, campaign, thread):
        super().__init__(tag)
        self.cookie, self.campaign, self.thread = cookie, campaign, thread

    def step(self):
        self.seq += 1
        marker = f"crash {RUN} {self.tag} {self.seq}"
        self.post(f"/campaigns/{self.campaign}/review/threads/{self.thread}/reply", self.cookie,
                  {"body": f"Réponse {marker}"}, marker, marker,
                  lambda s, h, d: s == 303 and (h.get("Location") or "").startswith(f"/campaigns/{self.campaign}/review"))
        time.sleep(0.02)


# ---------------------------------------------------------------- checks


def seq_of(marker):
    return int(marker.rsplit(" ", 1)[1]) if marker else 0


def check(answerers, phones, editors, reviewers, ids):
    """Checks every acknowledged write against the database. Returns (rows checked, losses, notes)."""
    losses, checked = [], 0
    q = lambda s: s.replace("'", "''")
    # Answers: the comment stored is the last acknowledged one or later.
    for w in answerers:
        stored = dict(sql(
            f"SELECT a.indicator_code, a.comment FROM answers a JOIN campaign_participants p ON p.id = a.participant_id "
            f"WHERE a.campaign_id = {ids['lac']} AND p.id = {w.participant}"
        ))
        for code in w.sent:
            values, acked = w.allowed(code)
            have = stored.get(code)
            have = have if have and have.startswith(f"crash {RUN} {w.tag} ") else None
            checked += acked
            if have not in values:
                losses.append(f"answer {w.tag} {code}: stored {have!r}, expected one of {values}")
    # Phones: each acknowledged join is a voter; each vote stored is the last acknowledged or later.
    voters = {name: vid for vid, name in sql(f"SELECT id, first_name FROM workshop_voters WHERE workshop_id = {ids['workshop']}")}
    votes = {(str(v), c): str(l) for v, c, l in sql(
        f"SELECT voter_id, indicator_code, level_value FROM workshop_votes WHERE workshop_id = {ids['workshop']}")}
    for p in phones:
        for key, events in p.sent.items():
            if key[0] == "join":
                if any(s == "ack" for _, s in events):
                    checked += 1
                    if key[1] not in voters:
                        losses.append(f"phone {key[1]}: joined but not in the database")
                continue
            _, name, indicator = key
            values, acked = p.allowed(key)
            have = votes.get((str(voters.get(name)), indicator))
            checked += acked
            if have not in values:
                losses.append(f"vote of {name}: stored {have!r}, expected one of {values}")
    # Plan: the notes stored are the last acknowledged ones or later.
    notes = {str(a): n for a, n in sql(f"SELECT id, notes FROM plan_actions WHERE plan_id = {ids['plan']}")}
    for e in editors:
        for action in e.sent:
            values, acked = e.allowed(action)
            have = notes.get(str(action))
            have = have if have and have.startswith(f"crash {RUN} {e.tag} ") else None
            checked += acked
            if have not in values:
                losses.append(f"action {action}: notes {have!r}, expected one of {values}")
    # Replies: every acknowledged one is there, once; none appears twice.
    bodies = {}
    for (body,) in sql(f"SELECT body FROM review_comments WHERE campaign_id = {ids['review']} AND body LIKE 'Réponse crash {RUN} %'"):
        bodies[body] = bodies.get(body, 0) + 1
    for r in reviewers:
        for marker, events in r.sent.items():
            n = bodies.get(f"Réponse {marker}", 0)
            if events[-1][1] == "ack":
                checked += 1
                if n != 1:
                    losses.append(f"reply {marker}: {n} in the database")
            elif n > 1:
                losses.append(f"reply {marker}: {n} copies")
    return checked, losses


# ---------------------------------------------------------------- main


def main():
    server = Server()
    took = server.start(timeout=600)
    print(f"server up in {took:.1f} s (demo loaded on first start)", flush=True)
    one = lambda q: sql(q)[0][0]
    lac = one("SELECT c.id FROM campaigns c JOIN organisations o ON o.id = c.organisation_id "
              "WHERE o.name = 'Atelier du Lac' AND c.status = 'self_assessment'")
    nord = "(SELECT id FROM organisations WHERE name = 'Nord Bâtiment Solidaire')"
    plan_campaign = one(f"SELECT id FROM campaigns WHERE organisation_id = {nord} AND title = 'Auto-évaluation 2025'")
    review_campaign = one(f"SELECT id FROM campaigns WHERE organisation_id = {nord} AND title = 'Auto-évaluation 2026'")
    plan = one(f"SELECT id FROM plans WHERE campaign_id = {plan_campaign}")
    actions = [a for (a,) in sql(f"SELECT id FROM plan_actions WHERE plan_id = {plan} ORDER BY id")]
    thread = one(f"SELECT id FROM review_comments WHERE campaign_id = {review_campaign} AND thread_id IS NULL ORDER BY id LIMIT 1")
    codes = [c for (c,) in sql(f"SELECT DISTINCT indicator_code FROM answers WHERE campaign_id = {lac} AND kind = 'level' ORDER BY 1")]

    coordinator = sign_in("referente@demo.cap")
    status, headers, _ = plain("POST", f"/campaigns/{lac}/workshops", cookie=coordinator, body={"pillar": ""})
    assert status == 303, f"workshop not opened: {status}"
    workshop = int(headers["Location"].rsplit("/", 1)[1])
    workshop_code = one(f"SELECT code FROM workshops WHERE id = {workshop}")
    ids = {"lac": lac, "workshop": workshop, "plan": plan, "review": review_campaign}

    people = ["referente", "benevole", "administratrice", "encadrant", "salarie.parcours", "salariee.parcours", "directeur"]
    answerers = []
    for k, who in enumerate(people):
        email = f"{who}@demo.cap"
        w = Answerer(f"a{k}", sign_in(email), lac, codes[k % 3::3][:20])
        w.participant = one(f"SELECT p.id FROM campaign_participants p JOIN users u ON u.id = p.user_id "
                            f"WHERE p.campaign_id = {lac} AND u.email = '{email}'")
        answerers.append(w)
    phones = [Phone(f"Tel{k}", workshop_code) for k in range(6)]
    nord_cookie = sign_in("referent.nord@demo.cap")
    editors = [PlanEditor(f"p{k}", nord_cookie, plan_campaign, actions[k::2]) for k in range(2)]
    reviewers = [Reviewer(f"r{k}", sign_in(email), review_campaign, thread)
                 for k, email in enumerate(["pair.gironde@demo.cap", "delegue.hdf@demo.cap", "referent.nord@demo.cap"])]
    writers = answerers + phones + editors + reviewers
    print(f"writers: {len(answerers)} participants saving answers, {len(phones)} phones voting, "
          f"{len(editors)} plan editors, {len(reviewers)} people replying in a review", flush=True)

    started = time.monotonic()
    total_losses, problems_seen = 0, 0
    rng = random.Random()
    for round_no in range(1, ROUNDS + 1):
        # Each round the phones join again under new names, so joins are written under load too.
        for p in phones:
            p.cookie, p.indicator = None, None
        before = sum(w.acknowledged for w in writers)
        for w in writers:
            w.start()
        wait = rng.uniform(1.0, 8.0)
        time.sleep(wait)
        server.kill()
        in_round = sum(w.acknowledged for w in writers) - before
        time.sleep(0.3)
        for w in writers:
            w.stop()
        doubt = sum(1 for w in writers for ev in w.sent.values() for _, s in ev if s == "doubt")
        restart = server.start()
        checked, losses = check(answerers, phones, editors, reviewers, ids)
        problems, how = soundness()
        total_losses += len(losses)
        problems_seen += len(problems)
        print(f"round {round_no:2}: killed after {wait:.1f} s with {in_round} writes acknowledged in the round; "
              f"restart {restart:.1f} s; {checked} acknowledged rows checked ({doubt} writes in doubt so far): "
              f"lost {len(losses)}; database: {'sound' if not problems else 'PROBLEMS'}", flush=True)
        for line in losses[:20] + problems[:20]:
            print(f"    {line}", flush=True)
    server.kill()
    acknowledged = sum(w.acknowledged for w in writers)
    refused = {}
    for w in writers:
        for k, v in w.refused.items():
            refused[k] = refused.get(k, 0) + v
    kinds = {
        "answers": sum(w.acknowledged for w in answerers),
        "joins and votes": sum(w.acknowledged for w in phones),
        "plan edits": sum(w.acknowledged for w in editors),
        "review replies": sum(w.acknowledged for w in reviewers),
    }
    print()
    print(f"engine: {ENGINE}; rounds: {ROUNDS}; duration {time.monotonic() - started:.0f} s")
    print(f"acknowledged writes: {acknowledged} ({', '.join(f'{k} {v}' for k, v in kinds.items())}); "
          f"answers that were not an acknowledgement: {refused or 'none'} (409: an answer saved without the version "
          f"stored, the first time a row is written or after a write in doubt; the writer takes the version given)")
    doubts = {}
    for w in writers:
        for k, v in w.doubts.items():
            doubts[k] = doubts.get(k, 0) + v
    print(f"writes in doubt (sent when the server was killed, no answer): {sum(doubts.values())} {doubts or ''}")
    print(f"last check: {checked} acknowledged rows (the latest write of each row, every reply and join) "
          f"compared with the database; {how}")
    print(f"losses: {total_losses}; soundness problems: {problems_seen}")
    sys.exit(1 if total_losses or problems_seen else 0)


if __name__ == "__main__":
    main()
