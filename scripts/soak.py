#!/usr/bin/env python3
"""Simulated people using Cap for a while, on 127.0.0.1, with the server's memory sampled every
10 s. Started by scripts/soak.sh, which builds the binary, fills the database and starts the
server(s); runs in a virtual environment with aiohttp (installed by soak.sh).

usage: soak.py ENGINE DATABASE_URL MINUTES USERS PORT[:PID],PORT[:PID]...

The mix, per 100 people (each signed in with their own session, spread over the servers as a
load balancer would, and over source addresses 127.0.0.2… as many machines would be):
- 50 participants answering: open the answering page, then save an answer every 2–6 s (autosave),
  now and then the next page;
- 14 coordinators: their campaign, the consolidation, the photographie, the plan, and an action
  edited (form opened, notes changed, saved) every 3–8 s;
- 10 delegates and administrators on the network's pages: the dashboard (national and a region),
  the deployment, a region, the good practices, every 4–10 s;
- 22 phones in workshops: join with a code, follow the room's live stream, read the question and
  vote every 3–8 s; each room's facilitator reveals and moves to the next question every 40 s;
- 4 people downloading the PDF report, its summary or the campaign's workbook every 30–90 s.
An error is any answer other than the expected one (a 5xx, an unexpected 4xx, a refused or
broken connection, a timeout of 30 s).
"""

import asyncio
import json
import random
import re
import sqlite3
import subprocess
import sys
import time

from html.parser import HTMLParser

import aiohttp

ENGINE, DB_URL, MINUTES, USERS = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
SERVERS = []
for item in sys.argv[5].split(","):
    port, _, pid = item.partition(":")
    SERVERS.append((int(port), int(pid) if pid else None))
PASSWORD = "cap-demo-2026"
DEADLINE = None
rng = random.Random(2026)


def sql(query):
    if ENGINE == "sqlite":
        db = sqlite3.connect(f"file:{DB_URL.removeprefix('sqlite://')}?mode=ro", uri=True, timeout=30)
        try:
            return [tuple(r) for r in db.execute(query).fetchall()]
        finally:
            db.close()
    out = subprocess.run(["psql", DB_URL, "-qAtX", "-F", "\t", "-c", query], check=True, capture_output=True,
                         text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


class Stats:
    def __init__(self):
        self.latencies = {}
        self.errors = {}
        self.samples = []  # (seconds since start, [RSS MB per server])
        self.started = time.monotonic()
        self.measuring = False

    def ok(self, kind, seconds):
        if self.measuring:
            self.latencies.setdefault(kind, []).append(seconds)

    def error(self, kind, what):
        if self.measuring:
            self.errors.setdefault(kind, {}).setdefault(what, 0)
            self.errors[kind][what] += 1


STATS = Stats()


class Person:
    """One simulated person: a session of their own on one server, from one source address."""

    def __init__(self, n):
        port, _ = SERVERS[n % len(SERVERS)]
        self.base = f"http://127.0.0.1:{port}"
        connector = aiohttp.TCPConnector(limit=4, keepalive_timeout=5,
                                         local_addr=(f"127.0.0.{2 + n % 40}", 0))
        self.http = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.CookieJar(unsafe=True),
                                          timeout=aiohttp.ClientTimeout(total=30))

    async def request(self, kind, method, path, form=None, expect=(200,), redirects=True, read=True):
        """Sends, times and checks one request; returns (status, body text) or None on error."""
        headers = {"Origin": self.base, "Sec-Fetch-Site": "same-origin"} if method == "POST" else {}
        started = time.monotonic()
        try:
            async with self.http.request(method, self.base + path, data=form, headers=headers,
                                         allow_redirects=redirects) as r:
                body = await r.read() if read else b""
                seconds = time.monotonic() - started
                if r.status in expect:
                    STATS.ok(kind, seconds)
                    return r.status, body, r.headers
                STATS.error(kind, str(r.status))
                return None
        except asyncio.TimeoutError:
            STATS.error(kind, "timeout")
        except aiohttp.ClientError as e:
            STATS.error(kind, type(e).__name__)
        return None

    async def sign_in(self, email):
        for attempt in range(5):
            answer = await self.request("sign-in", "POST", "/sign-in",
                                        {"email": email, "password": PASSWORD, "next": "/"}, expect=(303,),
                                        redirects=False)
            if answer:
                return True
            await asyncio.sleep(2 + attempt)
        return False

    async def close(self):
        await self.http.close()


def running():
    return time.monotonic() < DEADLINE


async def think(low, high):
    await asyncio.sleep(max(0.0, min(rng.uniform(low, high), DEADLINE - time.monotonic())))


async def participant(p, campaign, codes):
    await p.request("answer page", "GET", f"/campaigns/{campaign}/answer")
    versions, page, k = {}, 1, rng.randrange(len(codes))
    while running():
        await think(2, 6)
        code = codes[k % len(codes)]
        k += 1
        answer = await p.request("autosave", "POST", f"/campaigns/{campaign}/answers/{code}",
                                 {"value": str(rng.randint(1, 4)), "comment": f"soak {k}",
                                  "version": str(versions.get(code, 0))}, expect=(200, 409))
        if answer:
            data = json.loads(answer[1] or b"{}")
            versions[code] = data.get("version", versions.get(code, 0))
        if k % 8 == 0:
            page = page % 6 + 1
            await p.request("answer page", "GET", f"/campaigns/{campaign}/answer/{page}")


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



async def coordinator(p, campaign, plan_campaign, actions):
    pages = [("campaign", f"/campaigns/{campaign}"), ("consolidation", f"/campaigns/{campaign}/consolidation"),
             ("photographie", f"/campaigns/{campaign}/results"), ("plan", f"/campaigns/{plan_campaign}/plan")]
    k = 0
    while running():
        await think(3, 8)
        k += 1
        if actions and k % 3 == 0:
            action = rng.choice(actions)
            path = f"/campaigns/{plan_campaign}/plan/actions/{action}"
            answer = await p.request("action form", "GET", path)
            if not answer:
                continue
            reader = FormReader()
            reader.feed(answer[1].decode())
            form = next((f for f in reader.forms if "version" in f and "notes" in f), None)
            if form is None:
                STATS.error("action form", "no form")
                continue
            form["notes"] = f"Point d'étape {k}"
            await p.request("action save", "POST", path, form, expect=(303, 409), redirects=False)
        else:
            kind, path = pages[k % len(pages)]
            await p.request(kind, "GET", path)


async def delegate(p, regions, deployment):
    k = 0
    while running():
        await think(4, 10)
        k += 1
        choice = k % 5
        if choice == 0:
            await p.request("network", "GET", "/network")
        elif choice == 1:
            await p.request("network", "GET", f"/network?region={rng.choice(regions)}")
        elif choice == 2 and deployment:
            await p.request("deployment", "GET", "/deployment")
        elif choice == 3:
            await p.request("region", "GET", f"/regions/{rng.choice(regions)}")
        else:
            await p.request("practices", "GET", "/practices")


async def phone(p, code, n):
    answer = await p.request("join", "POST", "/w", {"code": code, "first_name": f"Voix {n}", "college": "volunteer"},
                             expect=(303,), redirects=False)
    if not answer:
        return

    async def follow():
        try:
            async with p.http.get(f"{p.base}/w/{code}/events",
                                  timeout=aiohttp.ClientTimeout(total=None, sock_read=None)) as r:
                async for _ in r.content.iter_any():
                    if not running():
                        break
        except (aiohttp.ClientError, asyncio.TimeoutError):
            if running():
                STATS.error("live stream", "broken")

    stream = asyncio.create_task(follow())
    while running():
        page = await p.request("phone page", "GET", f"/w/{code}")
        await think(3, 8)
        m = re.search(rb'name="indicator" value="([^"]*)"', page[1]) if page else None
        if m and m.group(1):
            await p.request("vote", "POST", f"/w/{code}/vote", {"value": str(rng.randint(1, 4)),
                                                                "indicator": m.group(1).decode()},
                            expect=(303,), redirects=False)
    stream.cancel()


async def facilitator(p, workshop):
    k = 0
    while running():
        await asyncio.sleep(20)
        k += 1
        action = "reveal" if k % 2 else "next"
        await p.request("workshop control", "POST", f"/workshops/{workshop}/control", {"action": action},
                        expect=(303,), redirects=False)


async def downloader(p, campaign):
    files = [("PDF report", "rapport.pdf"), ("PDF summary", "synthese.pdf"), ("XLSX workbook", "campagne.xlsx")]
    k = rng.randrange(3)
    await think(0, 60)
    while running():
        kind, name = files[k % 3]
        k += 1
        await p.request(kind, "GET", f"/campaigns/{campaign}/export/{name}")
        await think(30, 90)


async def sample_memory():
    while True:
        rss = []
        for _, pid in SERVERS:
            try:
                with open(f"/proc/{pid}/status") as f:
                    rss.append(next(int(l.split()[1]) // 1024 for l in f if l.startswith("VmRSS")))
            except (OSError, StopIteration, TypeError):
                rss.append(None)
        STATS.samples.append((time.monotonic() - STATS.started, rss))
        await asyncio.sleep(10)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


async def main():
    global DEADLINE
    # Who is who, read from the database.
    participants = sql(
        "SELECT u.email, c.id FROM campaign_participants p JOIN users u ON u.id = p.user_id "
        "JOIN campaigns c ON c.id = p.campaign_id WHERE c.status = 'self_assessment' ORDER BY p.id")
    codes = {}
    for campaign, code in sql("SELECT DISTINCT campaign_id, indicator_code FROM answers a JOIN campaigns c "
                              "ON c.id = a.campaign_id WHERE c.status = 'self_assessment' AND a.kind = 'level'"):
        codes.setdefault(str(campaign), []).append(code)
    coordinators = sql(
        "SELECT u.email, c.id, p.id, (SELECT c2.id FROM campaigns c2 JOIN plans p2 ON p2.campaign_id = c2.id "
        " WHERE c2.organisation_id = c.organisation_id LIMIT 1) FROM campaigns c JOIN users u ON u.id = c.created_by "
        "LEFT JOIN plans p ON p.campaign_id = c.id WHERE c.status IN ('consolidation', 'follow_up') ORDER BY c.id")
    coordinators = [(e, c, pc) for e, c, _, pc in coordinators if pc not in (None, "")]
    actions = {}
    for campaign, action in sql("SELECT p.campaign_id, a.id FROM plan_actions a JOIN plans p ON p.id = a.plan_id"):
        actions.setdefault(str(campaign), []).append(action)
    regions = [r for (r,) in sql("SELECT id FROM regions ORDER BY id")]
    open_campaigns = sql("SELECT u.email, c.id FROM campaigns c JOIN users u ON u.id = c.created_by "
                         "WHERE c.status = 'self_assessment' ORDER BY c.id")
    reports = [(e, c) for e, c, _ in coordinators]
    # Delegates read their own region; the administrator, every region.
    delegates = [("admin@demo.cap", regions, True)]
    for email, region in sql("SELECT u.email, m.region_id FROM memberships m JOIN users u ON u.id = m.user_id "
                             "WHERE m.role = 'regional_delegate' AND u.email LIKE '%@demo.cap' ORDER BY u.email"):
        delegates.append((email, [region], True))

    n_part = USERS * 50 // 100
    n_coord = USERS * 14 // 100
    n_deleg = USERS * 10 // 100
    n_down = USERS * 4 // 100
    n_phone = USERS - n_part - n_coord - n_deleg - n_down
    rooms = max(1, n_phone // 25)
    print(f"{USERS} people: {n_part} participants, {n_coord} coordinators, {n_deleg} delegates, {n_phone} phones "
          f"in {rooms} workshops, {n_down} downloading reports; {len(SERVERS)} server(s); {MINUTES:g} minutes",
          flush=True)

    memory = asyncio.create_task(sample_memory())
    people, tasks = [], []
    sign_ins = []

    async def person(n, email):
        p = Person(n)
        people.append(p)
        if email and not await p.sign_in(email):
            raise SystemExit(f"sign-in of {email} failed")
        return p

    # Sign-ins first (before the measured window), a few at a time as people arrive.
    limit = asyncio.Semaphore(6)
    n = 0

    async def arrive(email):
        nonlocal n
        n += 1
        mine = n
        async with limit:
            return await person(mine, email)

    started = time.monotonic()
    part = [arrive(participants[i % len(participants)][0]) for i in range(n_part)]
    coord = [arrive(coordinators[i % len(coordinators)][0]) for i in range(n_coord)]
    deleg = [arrive(delegates[i % len(delegates)][0]) for i in range(n_deleg)]
    down = [arrive(reports[i % len(reports)][0]) for i in range(n_down)]
    facil = [arrive(open_campaigns[i % len(open_campaigns)][0]) for i in range(rooms)]
    phones = [arrive(None) for _ in range(n_phone)]
    part, coord, deleg, down, facil, phones = [await asyncio.gather(*g) for g in (part, coord, deleg, down, facil, phones)]
    print(f"signed in {n_part + n_coord + n_deleg + n_down + rooms} sessions in {time.monotonic() - started:.0f} s",
          flush=True)
    workshops = []
    for i, f in enumerate(facil):
        campaign = open_campaigns[i % len(open_campaigns)][1]
        answer = await f.request("workshop open", "POST", f"/campaigns/{campaign}/workshops", {"pillar": ""},
                                 expect=(303,), redirects=False)
        assert answer, "a workshop could not be opened"
        wid = int(answer[2]["Location"].rsplit("/", 1)[1])
        code = sql(f"SELECT code FROM workshops WHERE id = {wid}")[0][0]
        workshops.append((wid, code))

    DEADLINE = time.monotonic() + MINUTES * 60
    STATS.measuring = True
    measured_from = time.monotonic()
    for i, p in enumerate(part):
        email, campaign = participants[i % len(participants)]
        tasks.append(participant(p, campaign, codes.get(str(campaign)) or ["IDE.1.1.1"]))
    for i, p in enumerate(coord):
        _, campaign, plan_campaign = coordinators[i % len(coordinators)]
        tasks.append(coordinator(p, campaign, plan_campaign, actions.get(str(plan_campaign), [])))
    for i, p in enumerate(deleg):
        _, theirs, deployment = delegates[i % len(delegates)]
        tasks.append(delegate(p, theirs, deployment))
    for i, p in enumerate(down):
        tasks.append(downloader(p, reports[i % len(reports)][1]))
    for i, p in enumerate(phones):
        tasks.append(phone(p, workshops[i % len(workshops)][1], i))
    for f, (wid, _) in zip(facil, workshops):
        tasks.append(facilitator(f, wid))

    async def staggered(k, coro):
        await asyncio.sleep(k * 20 / max(1, len(tasks)))  # arrivals over 20 s
        await coro

    await asyncio.gather(*(staggered(k, t) for k, t in enumerate(tasks)))
    elapsed = min(time.monotonic(), DEADLINE) - measured_from
    memory.cancel()
    for p in people:
        await p.close()

    total = sum(len(v) for v in STATS.latencies.values())
    errors = sum(sum(v.values()) for v in STATS.errors.values())
    print(f"\n{total} requests answered as expected in {elapsed:.0f} s ({total / elapsed:.0f}/s); errors: {errors}")
    print("\n| request | count | p50 (ms) | p99 (ms) | max (ms) | errors |")
    print("|---|---|---|---|---|---|")
    for kind in sorted(set(STATS.latencies) | set(STATS.errors), key=lambda k: -len(STATS.latencies.get(k, []))):
        v = STATS.latencies.get(kind, [])
        e = STATS.errors.get(kind, {})
        print(f"| {kind} | {len(v)} | {percentile(v, 50) * 1000:.1f} | {percentile(v, 99) * 1000:.1f} | "
              f"{max(v, default=0) * 1000:.1f} | {sum(e.values())}{' ' + str(e) if e else ''} |")
    print("\nresident memory (MB) every 10 s, per server:")
    for t, rss in STATS.samples:
        print(f"  {t:6.0f} s  " + "  ".join(str(r) for r in rss))
    after = [rss for t, rss in STATS.samples if t >= STATS.samples[0][0] + (measured_from - STATS.started) + 120]
    if len(after) >= 4:
        for i, _ in enumerate(SERVERS):
            series = [rss[i] for rss in after if rss[i] is not None]
            q = max(1, len(series) // 4)
            first, last = sum(series[:q]) / q, sum(series[-q:]) / q
            print(f"server {i + 1}: after 2 minutes of load, first quarter {first:.0f} MB, last quarter {last:.0f} MB, "
                  f"min {min(series)} MB, max {max(series)} MB")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    asyncio.run(main())
