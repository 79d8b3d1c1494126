#!/usr/bin/env python3
"""One benchmark for the whole product, on SQLite and PostgreSQL (run through scripts/bench.sh).

For each engine it fills a fresh database with the demo federation, organisations with people
and answers, a network of organisations with three campaigns each and good practices; starts the
server; signs in as each role; then, three rounds, measures `/healthz` and every page a user opens
(oha, 127.0.0.1 only, each load stops by itself), an autosaved answer (each request a real write)
and, when asked, the workshops' vote → projector delay. It prints one Markdown table per engine:
page, requests/s, p50, p99, ratio to `/healthz` in the same round (medians of the rounds), errors,
and the bytes a browser receives for the page's HTML.
"""

import argparse
import json
import os
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

# What Chromium sends: pages are measured as a browser receives them, compressed.
BROWSER_ENCODING = "gzip, deflate, br, zstd"
# What the load sends (`--encoding identity` measures pages uncompressed, to compare with a build
# that did not compress them yet).
LOAD_ENCODING = BROWSER_ENCODING
# Downloads run under the bound on expensive work (half the cores at once): the load sends as
# many at a time as run, so a queue never fills and what is measured is the document.
EXPORT_CONNECTIONS = max(1, (os.cpu_count() or 2) // 2)


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Engine:
    """A fresh database on one engine, and the few queries that find what to measure."""

    def __init__(self, name, work, pg_admin):
        self.name = name
        if name == "sqlite":
            self.path = os.path.join(work, "cap.db")
            self.url = f"sqlite://{self.path}"
        else:
            self.admin = pg_admin.rstrip("/")
            self.url = f"{self.admin}/cap_bench"
            self.psql(f"{self.admin}/postgres", "DROP DATABASE IF EXISTS cap_bench")
            self.psql(f"{self.admin}/postgres", "CREATE DATABASE cap_bench")

    @staticmethod
    def psql(url, sql):
        out = subprocess.run(["psql", url, "-qAtc", sql], check=True, capture_output=True, text=True)
        return [line.split("|") for line in out.stdout.splitlines() if line]

    def rows(self, sql):
        if self.name == "sqlite":
            with sqlite3.connect(self.path) as db:
                return [[str(v) for v in r] for r in db.execute(sql)]
        return self.psql(self.url, sql)

    def one(self, sql):
        found = self.rows(sql)
        if not found:
            raise SystemExit(f"benchmark data missing: {sql}")
        return found[0][0]


class Server:
    """`cap serve` on 127.0.0.1, with its resident memory read from /proc."""

    def __init__(self, cap, env, port, demo=False):
        self.base = f"http://127.0.0.1:{port}"
        args = [cap, "serve", "--addr", f"127.0.0.1:{port}"] + (["--demo"] if demo else [])
        self.log = open(os.path.join(env["CAP_WORK"], "server.log"), "a")
        self.proc = subprocess.Popen(args, env=env, stdout=self.log, stderr=self.log)
        for _ in range(240):
            if self.proc.poll() is not None:
                raise SystemExit(f"the server stopped (port {port} taken?); see {self.log.name}")
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=1).read()
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        raise SystemExit("the server did not answer /healthz")

    def memory_mb(self, field):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1]) // 1024
        return 0

    def heap_peak_of(self, run):
        """Runs `run` while reading the server's anonymous resident memory (`RssAnon`: its heap
        and stacks, without the pages of its own binary that the first PDF maps in, the
        typesetter's code and fonts, which the kernel can drop) every 20 ms: (what `run`
        returned, the highest reading in MB)."""
        highest, done = [0], threading.Event()

        def sample():
            while not done.wait(0.02):
                highest[0] = max(highest[0], self.memory_mb("RssAnon"))
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            return run(), max(highest[0], self.memory_mb("RssAnon"))
        finally:
            done.set()
            sampler.join()

    def reset_peak(self):
        """Starts the peak of resident memory (VmHWM) afresh, so that each load reports its own
        peak (Linux: writing 5 to clear_refs)."""
        with open(f"/proc/{self.proc.pid}/clear_refs", "w") as refs:
            refs.write("5")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def sign_in(base, email, password):
    data = urllib.parse.urlencode({"email": email, "password": password}).encode()
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(urllib.request.Request(f"{base}/sign-in", data=data))
    except urllib.error.HTTPError as redirect:
        for header in redirect.headers.get_all("Set-Cookie") or []:
            found = re.match(r"(cap_session=[^;]+)", header)
            if found:
                return found.group(1)
    raise SystemExit(f"could not sign in as {email}")


def fetch(base, path, cookie, encoding=None):
    headers = {"Cookie": cookie}
    if encoding:
        headers["Accept-Encoding"] = encoding
    with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers), timeout=60) as r:
        return r.status, r.read()


def post(base, path, cookie, fields):
    data = urllib.parse.urlencode(fields).encode()
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(base + path, data=data, headers={"Cookie": cookie, "Origin": base})
    try:
        return opener.open(request).status, ""
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location", "")


def oha(tool, url, cookie, seconds, connections):
    args = [tool, "-z", f"{seconds}s", "-c", str(connections), "--no-tui", "--output-format", "json"]
    args += ["-H", f"Accept-Encoding: {LOAD_ENCODING}"]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(args + [url], check=True, capture_output=True, text=True).stdout
    d = json.loads(out)
    codes = d.get("statusCodeDistribution", {})
    ok = sum(v for k, v in codes.items() if k.startswith("2"))
    total = sum(codes.values())
    p = d["latencyPercentiles"]
    # No response within the window (a page slower than the run): no latency, every request failed.
    ms = lambda v: float("inf") if v is None else v * 1000  # noqa: E731
    return {"rps": d["summary"]["requestsPerSec"] or 0.0, "p50": ms(p["p50"]), "p99": ms(p["p99"]),
            "errors": total - ok, "total": total}


def generate(cap, env, args):
    started = time.time()
    steps = [["generate", "--organisations", str(args.organisations)]]
    if args.network:
        steps.append(["generate", "--organisations", str(args.network), "--network", "3"])
    if args.practices:
        steps.append(["generate", "--practices", str(args.practices)])
    for step in steps:
        log(f"  cap {' '.join(step)}")
        subprocess.run([cap] + step, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.time() - started


def discover(engine, base, password):
    """The pages to measure, each with the role that opens it."""
    cookies = {}

    def as_(email):
        if email not in cookies:
            cookies[email] = sign_in(base, email, password)
        return cookies[email]

    campaign = lambda org, title: engine.one(  # noqa: E731
        "SELECT c.id FROM campaigns c JOIN organisations o ON o.id = c.organisation_id "
        f"WHERE o.name LIKE '{org}%' AND c.title = '{title}' ORDER BY c.id LIMIT 1")
    followed = campaign("Nord", "Auto-évaluation 2025")
    consolidating = campaign("Nord", "Auto-évaluation 2026")
    answering = engine.one(
        "SELECT p.campaign_id FROM campaign_participants p JOIN users u ON u.id = p.user_id "
        "JOIN campaigns c ON c.id = p.campaign_id WHERE u.email = 'referente@demo.cap' "
        "AND c.status = 'self_assessment' ORDER BY p.campaign_id DESC LIMIT 1")
    reviewed = engine.one(
        "SELECT g.campaign_id FROM review_grants g JOIN users u ON u.id = g.user_id "
        "WHERE u.email = 'pair.gironde@demo.cap' ORDER BY g.id DESC LIMIT 1")
    region = engine.one("SELECT id FROM regions WHERE code = 'HDF'")
    referential, indicator = engine.rows(
        "SELECT p.referential_code, i.node_code FROM good_practice_indicators i "
        "JOIN good_practices p ON p.id = i.practice_id GROUP BY p.referential_code, i.node_code "
        "ORDER BY COUNT(*) DESC, i.node_code LIMIT 1")[0]
    coordinator, participant = "referent.nord@demo.cap", "referente@demo.cap"
    admin, delegate, pair = "admin@demo.cap", "delegue.hdf@demo.cap", "pair.gironde@demo.cap"
    pages = [
        ("home of a participant", "/", participant),
        ("« À répondre »: an answering page", f"/campaigns/{answering}/answer/1", participant),
        ("the campaign page", f"/campaigns/{followed}", coordinator),
        ("consolidation (every indicator)", f"/campaigns/{consolidating}/consolidation", coordinator),
        ("photographie", f"/campaigns/{followed}/results", coordinator),
        ("targets", f"/campaigns/{followed}/targets", coordinator),
        ("plan as a list", f"/campaigns/{followed}/plan", coordinator),
        ("plan as a board", f"/campaigns/{followed}/plan?view=board", coordinator),
        ("benchmark against the network", f"/campaigns/{followed}/benchmark", coordinator),
        ("a pair's review page", f"/campaigns/{reviewed}/review", pair),
        ("network, national", "/network", admin),
        ("network, one region", f"/network?region={region}", delegate),
        ("deployment", "/deployment", admin),
        ("pair directory", "/directory", admin),
        ("good practices", "/practices", admin),
        ("good practices on one indicator",
         f"/practices?referential={urllib.parse.quote(referential)}&indicator={urllib.parse.quote(indicator)}", admin),
        ("audit log", "/admin/audit", admin),
        ("API: campaigns", "/api/campaigns", coordinator),
        ("API: a plan's actions", f"/api/campaigns/{followed}/actions", coordinator),
        ("summary PDF", f"/campaigns/{followed}/export/synthese.pdf", coordinator),
        ("workbook XLSX", f"/campaigns/{followed}/export/campagne.xlsx", coordinator),
    ]
    return [(name, path, as_(email)) for name, path, email in pages], as_


def saves_setup(engine, base, cookie_of):
    """A campaign answered by its coordinator, made through the pages: its id, the
    coordinator's cookie and the indicator codes of its pages."""
    cookie = cookie_of("referente@demo.cap")
    org = engine.one("SELECT o.id FROM organisations o JOIN memberships m ON m.organisation_id = o.id "
                     "JOIN users u ON u.id = m.user_id WHERE u.email = 'referente@demo.cap' "
                     "AND m.role = 'coordinator' LIMIT 1")
    ref = engine.one("SELECT id FROM referential_versions WHERE code = 'cap-exemple' ORDER BY id DESC LIMIT 1")
    status, location = post(base, f"/organisations/{org}/campaigns/new", cookie,
                            {"title": "Banc d'essai", "referential": ref})
    campaign = location.rstrip("/").split("/")[-1]
    if status not in (302, 303) or not campaign.isdigit():
        raise SystemExit(f"could not create the benchmark's campaign ({status} {location})")
    me = engine.one(f"SELECT id FROM users WHERE email = 'referente@demo.cap'")
    post(base, f"/campaigns/{campaign}/participants", cookie, {"user": me, "college": "direction"})
    post(base, f"/campaigns/{campaign}/advance", cookie, {"version": "1"})
    codes, page = [], 1
    while True:
        try:
            _, html = fetch(base, f"/campaigns/{campaign}/answer/{page}", cookie)
        except urllib.error.HTTPError:
            break
        codes += re.findall(r'data-code="([^"]+)"', html.decode())
        page += 1
    return campaign, cookie, sorted(set(codes), key=codes.index)


def measure(engine_name, args, tools, env, port):
    work = env["CAP_WORK"]
    engine = Engine(engine_name, work, args.postgres)
    env = dict(env, CAP_DATABASE_URL=engine.url)
    log(f"[{engine_name}] demo federation")
    Server(tools["cap"], env, port, demo=True).stop()
    log(f"[{engine_name}] generating data")
    took = generate(tools["cap"], env, args)
    if engine_name == "postgres":
        # A database just filled in bulk has no statistics yet: autovacuum would gather them within
        # a minute on a real server, but the load starts at once, and the planner without them
        # took 12 ms for a page of practices that takes 2 ms.
        engine.psql(engine.url, "ANALYZE")
    server = Server(tools["cap"], env, port)
    try:
        return measure_with(engine, engine_name, args, tools, server, took,
                            second=lambda: Server(tools["cap"], env, port + 1))
    finally:
        server.stop()


def measure_with(engine, engine_name, args, tools, server, took, second):
    counts = {k: engine.one(f"SELECT COUNT(*) FROM {t}") for k, t in (
        ("organisations", "organisations"), ("campaigns", "campaigns"), ("answers", "answers"),
        ("shared answers", "consolidated_answers"), ("good practices", "good_practices"),
        ("audit entries", "audit_log"))}
    base = server.base
    time.sleep(1)
    idle = server.memory_mb("VmRSS")
    # The peak of each load, measured apart: the sign-ins (a password hash takes 19 MiB) and the
    # first visit of every page, then the pages, the saves and the workshops.
    peaks, heaps = {}, {}

    def peak_of(load, run):
        server.reset_peak()
        out, heap = server.heap_peak_of(run)
        peaks[load] = max(peaks.get(load, 0), server.memory_mb("VmHWM"))
        heaps[load] = max(heaps.get(load, 0), heap)
        return out

    pages, cookie_of = peak_of("signing in", lambda: discover(engine, base, args.password))
    sizes = {}
    for name, path, cookie in pages:
        _, identity = fetch(base, path, cookie)
        _, compressed = fetch(base, path, cookie, BROWSER_ENCODING)
        sizes[name] = (len(identity), len(compressed))
    runs = {name: [] for name, _, _ in pages}
    runs["/healthz"] = []
    runs["save one answer"] = []
    runs["bare one-row commit"] = []
    for round_ in range(1, args.rounds + 1):
        # A fresh campaign each round: every answer starts at version 0, so no save is stale.
        saves = saves_setup(engine, base, cookie_of) if args.scenario in ("all", "saves") else None
        log(f"[{engine_name}] round {round_}/{args.rounds}")
        floor = oha(tools["oha"], f"{base}/healthz", None, args.seconds, args.connections)
        runs["/healthz"].append((floor, 1.0))
        if args.scenario in ("all", "pages"):
            for name, path, cookie in pages:
                # The exports are bounded on purpose (half the cores at a time, a short queue):
                # as many connections as run at once, so the figure is a document's, not a refusal's.
                connections = EXPORT_CONNECTIONS if "/export/" in path else args.connections
                # Each page's own peak: it starts from what the pages before it left resident.
                r = peak_of(("page", name), lambda: oha(tools["oha"], base + path, cookie, args.seconds, connections))
                runs[name].append((r, r["rps"] / floor["rps"]))
                peaks["pages"] = max(peaks.get("pages", 0), peaks[("page", name)])
                heaps["pages"] = max(heaps.get("pages", 0), heaps[("page", name)])
        if saves:
            campaign, cookie, codes = saves
            d = json.loads(peak_of("saves", lambda: subprocess.run(
                [tools["saves"], base, cookie, campaign, ",".join(codes), str(args.seconds), str(args.connections)],
                check=True, capture_output=True, text=True).stdout))
            r = {"rps": d["per_second"], "p50": d["p50_ms"], "p99": d["p99_ms"], "errors": d["errors"],
                 "total": d["saves"] + d["errors"]}
            runs["save one answer"].append((r, r["rps"] / floor["rps"]))
            # The floor of a write, in the same round: one-row commits with the engine's settings.
            out = subprocess.run([tools["commits"], engine.url, str(args.seconds), str(args.connections)],
                                 check=True, capture_output=True, text=True).stdout
            d = json.loads(out)
            r = {"rps": d["per_second"], "p50": d["p50_ms"], "p99": d["p99_ms"], "errors": d["errors"],
                 "total": d["commits"] + d["errors"]}
            runs["bare one-row commit"].append((r, r["rps"] / floor["rps"]))
    workshops = workshops_two = None
    if args.scenario in ("all", "workshops") and tools.get("workshops"):
        log(f"[{engine_name}] workshops")
        # The generated organisations are numbered after those already there (the demo's): the
        # rooms are run by the coordinators of the first thirty generated ones.
        coordinators = engine.rows("SELECT email FROM users WHERE email LIKE 'gen%.0@generated.cap'")
        first = min(int(row[0][3:row[0].index(".")]) for row in coordinators)
        load = lambda first, *phones: subprocess.run(  # noqa: E731
            [tools["workshops"], base, "30", "30", "20", args.password, str(first), *phones], check=True,
            capture_output=True, text=True).stdout
        workshops = json.loads(peak_of("workshops", lambda: load(first)))
        if engine_name == "postgres":
            # Two instances on the one database: the phones vote on the second while each
            # projector follows its room on the first (NOTIFY carries every vote across). The
            # next thirty organisations run these rooms.
            log(f"[{engine_name}] workshops on two instances")
            other = second()
            try:
                workshops_two = json.loads(load(first + 30, other.base))
            finally:
                other.stop()
    return {"engine": engine_name, "runs": runs, "sizes": sizes, "idle": idle, "peaks": peaks, "heaps": heaps,
            "counts": counts, "generated_in": took, "workshops": workshops, "workshops_two": workshops_two,
            "connections": args.connections, "seconds": args.seconds, "rounds": args.rounds}


def table(result):
    out = [f"### {result['engine']}", ""]
    c = result["counts"]
    out.append("Data: " + ", ".join(f"{v} {k}" for k, v in c.items()) +
               f" (generated in {result['generated_in']:.0f} s).")
    out.append(f"Memory: {result['idle']} MB idle; at the peak of each load, resident (of it anonymous: "
               f"the heap, without the binary's own pages mapped in): " +
               ", ".join(f"{load} {mb} MB ({result['heaps'][load]} MB)" for load, mb in result["peaks"].items()
                         if isinstance(load, str)) +
               " (each page's own in the table's last column).")
    out.append("")
    out.append("| page | requests/s | p50 (ms) | p99 (ms) | ratio to `/healthz` | errors | HTML bytes (compressed) "
               "| peak memory, resident (anonymous), MB |")
    out.append("|---|---|---|---|---|---|---|---|")
    for name, runs in result["runs"].items():
        if not runs:
            continue
        med = lambda key: statistics.median(r[key] for r, _ in runs)  # noqa: E731
        ratio = statistics.median(q for _, q in runs)
        errors = sum(r["errors"] for r, _ in runs)
        total = sum(r["total"] for r, _ in runs)
        size = result["sizes"].get(name)
        bytes_ = f"{size[0]:,} ({size[1]:,})" if size else ""
        flag = "" if ratio >= 0.25 or name in ("/healthz", "bare one-row commit") else " ⚠"
        peak = result["peaks"].get(("page", name))
        peak = f"{peak} ({result['heaps'][('page', name)]})" if peak else ""
        out.append(f"| {name} | {med('rps'):,.0f} | {med('p50'):.1f} | {med('p99'):.1f} | {ratio:.3f}{flag} | "
                   f"{errors}/{total} | {bytes_} | {peak} |")
    saves, commits = result["runs"].get("save one answer"), result["runs"].get("bare one-row commit")
    if saves and commits:
        per_round = [s["rps"] / c["rps"] for (s, _), (c, _) in zip(saves, commits) if c["rps"]]
        if per_round:
            out.append("")
            out.append(f"A saved answer (with its audit entry, in one transaction) against the bare one-row "
                       f"commit of the same round: {statistics.median(per_round):.2f} (median of the rounds).")
    for key, where in (("workshops", "one instance"),
                       ("workshops_two", "two instances on one database, phones on the second, projectors on the first")):
        w = result.get(key)
        if not w:
            continue
        out.append("")
        failed = w.get("failed_rooms") or []
        out.append(f"Workshops ({where}), 30 rooms × 30 phones × 20 indicators: {w['votes']} votes, vote → projector "
                   f"p50 {w['p50_ms']:.1f} ms, p99 {w['p99_ms']:.1f} ms, {w['errors']} errors, "
                   f"{len(failed)} rooms failed{(' (' + failed[0] + ')') if failed else ''}.")
    out.append("")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", nargs="?", default="all", choices=["all", "pages", "saves", "workshops"])
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--organisations", type=int, default=200, help="organisations with people and answers")
    parser.add_argument("--network", type=int, default=10000, help="organisations of the network (3 campaigns each)")
    parser.add_argument("--practices", type=int, default=20000)
    parser.add_argument("--postgres", default=os.environ.get("PGURL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--password", default="cap-demo-2026")
    parser.add_argument("--encoding", default=BROWSER_ENCODING,
                        help="the Accept-Encoding the load sends (identity: pages uncompressed)")
    args = parser.parse_args()
    global LOAD_ENCODING
    LOAD_ENCODING = args.encoding
    tools = {"cap": os.environ["CAP_BIN"], "oha": os.environ["OHA"], "saves": os.environ["SAVES_BIN"],
             "commits": os.environ["COMMITS_BIN"],
             "workshops": os.environ.get("WORKSHOPS_BIN")}
    results = []
    for i, engine in enumerate(e for e in args.engines.split(",") if e):
        with tempfile.TemporaryDirectory(prefix="cap-bench-") as work:
            env = dict(os.environ, CAP_LOG="warn", CAP_MAIL_OUTBOX=os.path.join(work, "outbox"), CAP_WORK=work,
                       # Every client of the load comes from 127.0.0.1 where people come from their
                       # own addresses: 30 rooms of 30 phones hold 930 connections, past the cap of
                       # one address (256), and one signed-in account stands for many people
                       # downloading, past one person's share of the expensive work.
                       CAP_MAX_CONNECTIONS_PER_ADDRESS="4096", CAP_HEAVY_PER_PERSON_PER_MINUTE="1000000")
            port = 18900 + i
            env["CAP_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
            results.append(measure(engine, args, tools, env, port))
    cpus = os.cpu_count()
    with open("/proc/meminfo") as meminfo:
        mem = int(meminfo.readline().split()[1]) / 1048576
    print(f"Machine: {cpus} cores, {mem:.0f} GiB; {args.connections} connections ({EXPORT_CONNECTIONS} for the "
          f"exports, bounded on purpose), {args.seconds} s per page and round, {args.rounds} rounds, medians; "
          f"requests sent with `Accept-Encoding: {LOAD_ENCODING}`.\n")
    for result in results:
        print(table(result))


if __name__ == "__main__":
    main()
