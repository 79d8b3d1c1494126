#!/usr/bin/env python3
"""Plays a hostile client with one ordinary machine against a Cap server on 127.0.0.1, while
well-behaved clients (another address, 127.0.0.1) keep using it. Started by
scripts/hostile-clients.sh, which starts the server; standard library only.

usage: hostile_clients.py PORT SERVER_PID DATABASE_FILE
"""

import http.client
import json
import os
import resource
import selectors
import signal
import socket
import sqlite3
import sys
import threading
import time
import urllib.parse

HOST = "127.0.0.1"
ATTACKER = "127.0.0.2"
PORT = int(sys.argv[1])
PID = int(sys.argv[2])
DB = sys.argv[3]
ORIGIN = f"http://{HOST}:{PORT}"

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def server_status():
    try:
        with open(f"/proc/{PID}/status") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        return {k: fields[k].strip() for k in ("State", "VmRSS", "VmHWM") if k in fields}
    except FileNotFoundError:
        return {"State": "gone"}


def server_alive():
    return not server_status().get("State", "gone").startswith(("Z", "X", "gone"))


def open_files():
    try:
        return len(os.listdir(f"/proc/{PID}/fd"))
    except OSError:
        return -1


def memory():
    s = server_status()
    return f"resident {s.get('VmRSS', '?')}, peak {s.get('VmHWM', '?')}"


def request(method, path, cookie=None, body=None, headers=None, timeout=5, conn=None):
    """One request; returns (status, headers, body bytes, seconds)."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    h = {"Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"}
    if cookie:
        h["Cookie"] = cookie
    if body is not None:
        body = urllib.parse.urlencode(body)
        h["Content-Type"] = "application/x-www-form-urlencoded"
    h.update(headers or {})
    started = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        return r.status, r.msg, data, time.monotonic() - started
    finally:
        if own:
            conn.close()


def sign_in(email):
    status, headers, _, _ = request("POST", "/sign-in", body={"email": email, "password": "cap-demo-2026", "next": "/"})
    assert status == 303, f"sign-in of {email}: {status}"
    cookie = next((c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or [] if "session" in c), "")
    assert cookie, f"no session cookie for {email}"
    return cookie


class Probe(threading.Thread):
    """A well-behaved client from 127.0.0.1: a fresh connection every 100 ms."""

    def __init__(self, path, cookie=None):
        super().__init__(daemon=True)
        self.path, self.cookie = path, cookie
        self.latencies, self.failures, self.running = [], 0, True

    def run(self):
        while self.running:
            try:
                status, _, _, seconds = request("GET", self.path, cookie=self.cookie, timeout=5)
                if status == 200:
                    self.latencies.append(seconds)
                else:
                    self.failures += 1
            except OSError:
                self.failures += 1
            time.sleep(0.1)

    def stop(self):
        self.running = False
        self.join()
        n = len(self.latencies) + self.failures
        return (
            f"{self.path}: {len(self.latencies)}/{n} answered, p50 {percentile(self.latencies, 50) * 1000:.1f} ms, "
            f"p99 {percentile(self.latencies, 99) * 1000:.1f} ms, max {max(self.latencies, default=0) * 1000:.1f} ms"
        )


def connect_from(source, payload=b""):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(5)
    s.bind((source, 0))
    s.connect((HOST, PORT))
    if payload:
        s.sendall(payload)
    s.setblocking(False)
    return s


def watch(sockets, seconds, on_tick=None):
    """Waits `seconds`, noting when the server closes each socket and whether it said 503 first."""
    sel = selectors.DefaultSelector()
    opened = {}
    for s, t0 in sockets:
        sel.register(s, selectors.EVENT_READ)
        opened[s] = [t0, b""]
    closed = []  # (seconds after opening, first bytes)
    deadline = time.monotonic() + seconds
    next_tick = time.monotonic() + 1
    while opened and time.monotonic() < deadline:
        for key, _ in sel.select(timeout=0.2):
            s = key.fileobj
            try:
                data = s.recv(65536)
            except (ConnectionResetError, BlockingIOError, OSError):
                data = b""
            if data:
                opened[s][1] += data
                continue
            t0, received = opened.pop(s)
            sel.unregister(s)
            closed.append((time.monotonic() - t0, received[:12]))
            s.close()
        if on_tick and time.monotonic() >= next_tick:
            on_tick()
            next_tick += 1
    for s in list(opened):
        sel.unregister(s)
        s.close()
    refused = [t for t, first in closed if first.startswith(b"HTTP/1.1 503") and t < 2]
    answered = sorted(t for t, first in closed if first.startswith(b"HTTP/1.1 503") and t >= 2)
    others = sorted(t for t, first in closed if not first.startswith(b"HTTP/1.1 503"))
    summary = f"{len(refused)} refused at once with 503 (within {max(refused, default=0):.2f} s)"
    if answered:
        summary += (
            f"; {len(answered)} answered 503 « trop de temps » and closed after {answered[0]:.1f}–"
            f"{answered[-1]:.1f} s"
        )
    if others:
        summary += (
            f"; {len(others)} closed by the server without an answer after {others[0]:.1f}–{others[-1]:.1f} s "
            f"(median {percentile(others, 50):.1f} s)"
        )
    summary += f"; {len(opened)} still open after {seconds} s"
    return summary


def phase(title):
    print(f"\n## {title}", flush=True)


def with_probes(cookie, action):
    probes = [Probe("/healthz"), Probe("/", cookie)]
    for p in probes:
        p.start()
    time.sleep(1)
    outcome = action()
    results = [p.stop() for p in probes]
    print(f"- attacker (from {ATTACKER}): {outcome}")
    for r in results:
        print(f"- well-behaved client (from {HOST}): {r}")
    print(f"- server: {memory()}, {open_files()} open files now")


def half_sent_headers(count, seconds):
    sockets = []
    refused_connect = 0
    for i in range(count):
        try:
            sockets.append((connect_from(ATTACKER, b"GET /healthz HTTP/1.1\r\nHost: cap\r\nX-Slow: " + str(i).encode() + b"\r\n"), time.monotonic()))
        except OSError:
            refused_connect += 1
    note = f" ({refused_connect} could not even connect)" if refused_connect else ""
    return f"{count} half-sent requests{note}: " + watch(sockets, seconds)


def slow_bodies(count, seconds):
    sockets = []
    head = (
        f"POST /sign-in HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nOrigin: {ORIGIN}\r\nSec-Fetch-Site: same-origin\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4096\r\n\r\nemail="
    ).encode()
    for _ in range(count):
        sockets.append((connect_from(ATTACKER, head), time.monotonic()))

    def trickle():
        for s, _ in sockets:
            try:
                s.send(b"a")
            except OSError:
                pass

    return f"{count} bodies sent at one byte a second: " + watch(sockets, seconds, on_tick=trickle)


def idle_keep_alive(count, seconds):
    sockets = []
    for _ in range(count):
        s = connect_from(ATTACKER, b"GET /healthz HTTP/1.1\r\nHost: cap\r\n\r\n")
        sockets.append((s, time.monotonic()))
    return f"{count} keep-alive connections left idle after one request: " + watch(sockets, seconds)


def flood(count, seconds):
    sockets, failed = [], 0
    for _ in range(count):
        try:
            sockets.append((connect_from(ATTACKER), time.monotonic()))
        except OSError:
            failed += 1
    return f"{count} connections opened at once, nothing sent ({failed} failed to connect): " + watch(sockets, seconds)


def level_answers(email):
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    rows = db.execute(
        """SELECT c.id, a.indicator_code, a.version FROM answers a
           JOIN campaign_participants p ON p.id = a.participant_id
           JOIN campaigns c ON c.id = a.campaign_id JOIN users u ON u.id = p.user_id
           WHERE u.email = ? AND c.status = 'self_assessment' AND a.kind = 'level'""",
        (email,),
    ).fetchall()
    db.close()
    return rows


class Autosaver(threading.Thread):
    """Saves answers in a loop over one keep-alive connection, as the answering page does."""

    def __init__(self, cookie, answers, tag):
        super().__init__(daemon=True)
        self.cookie, self.answers, self.tag = cookie, answers, tag
        self.latencies, self.errors, self.running, self.acknowledged = [], {}, True, {}
        self.seq = 0

    def run(self):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
        versions = {code: version for _, code, version in self.answers}
        i = 0
        while self.running:
            campaign, code, _ = self.answers[i % len(self.answers)]
            self.seq += 1
            comment = f"{self.tag}-{self.seq}"
            try:
                status, _, data, seconds = request(
                    "POST",
                    f"/campaigns/{campaign}/answers/{code}",
                    cookie=self.cookie,
                    body={"value": str(1 + i % 4), "comment": comment, "version": str(versions[code])},
                    conn=conn,
                )
                body = json.loads(data or b"{}")
                if "version" in body:
                    versions[code] = body["version"]
                if status == 200:
                    self.latencies.append(seconds)
                    self.acknowledged[code] = self.seq
                else:
                    self.errors[status] = self.errors.get(status, 0) + 1
            except (OSError, http.client.HTTPException, ValueError):
                self.errors["connection"] = self.errors.get("connection", 0) + 1
                conn.close()
                if not server_alive():
                    break
                conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
            i += 1

    def stop(self):
        self.running = False
        self.join()


def pdf_burst(people, campaign, answers, autosave_cookie):
    savers = [Autosaver(autosave_cookie, answers[k::4], f"burst{k}") for k in range(4)]
    for s in savers:
        s.start()
    time.sleep(3)
    before = [x for s in savers for x in s.latencies]
    outcomes, lock = [], threading.Lock()

    def one(k):
        try:
            status, headers, body, seconds = request(
                "GET", f"/campaigns/{campaign}/export/rapport.pdf", cookie=people[k % len(people)], timeout=120
            )
            clear = "réessayez" in body.decode("utf-8", "replace") if status != 200 else True
            with lock:
                outcomes.append((status, seconds, headers.get("Retry-After"), clear))
        except OSError as e:
            with lock:
                outcomes.append((str(e), 0, None, False))

    started = time.monotonic()
    threads = [threading.Thread(target=one, args=(k,)) for k in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    burst = time.monotonic() - started
    time.sleep(1)
    for s in savers:
        s.stop()
    during = [x for s in savers for x in s.latencies][len(before):]
    by_status = {}
    for status, seconds, retry, clear in outcomes:
        by_status.setdefault(status, []).append((seconds, retry, clear))
    print(f"- 50 PDF reports asked at once by {len(people)} people, all answered within {burst:.1f} s:")
    for status, items in sorted(by_status.items(), key=lambda kv: str(kv[0])):
        secs = [s for s, _, _ in items]
        retry = {r for _, r, _ in items}
        clear = all(c for _, _, c in items)
        print(
            f"  - {status}: {len(items)} (slowest {max(secs):.2f} s"
            + (f", Retry-After {sorted(map(str, retry))}, message « réessayez » shown: {clear}" if status != 200 else "")
            + ")"
        )
    errors = {}
    for s in savers:
        for k, v in s.errors.items():
            errors[k] = errors.get(k, 0) + v
    print(
        f"- autosave (4 clients, one keep-alive connection each): before the burst p99 "
        f"{percentile(before, 99) * 1000:.1f} ms ({len(before)} saves); during it p50 "
        f"{percentile(during, 50) * 1000:.1f} ms, p99 {percentile(during, 99) * 1000:.1f} ms, max "
        f"{max(during, default=0) * 1000:.1f} ms ({len(during)} saves, refused: {errors or 'none'})"
    )
    print(f"- server: {memory()}")


def sigterm(coordinator, answers, workshop_path):
    events = {"text": b"", "ended": None}

    def follow():
        conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
        try:
            conn.request("GET", f"{workshop_path}/events", headers={"Cookie": coordinator})
            r = conn.getresponse()
            while True:
                chunk = r.read1(4096)
                if not chunk:
                    break
                events["text"] += chunk
        except (OSError, http.client.HTTPException):
            pass
        events["ended"] = time.monotonic()

    stream = threading.Thread(target=follow, daemon=True)
    stream.start()
    half = [
        (connect_from(ATTACKER, b"GET /healthz HTTP/1.1\r\nHost: cap\r\n"), time.monotonic()) for _ in range(50)
    ]
    savers = [Autosaver(coordinator, answers[k::2], f"term{k}") for k in range(2)]
    for s in savers:
        s.start()
    time.sleep(2)
    sent = time.monotonic()
    os.kill(PID, signal.SIGTERM)
    while server_alive() and time.monotonic() - sent < 180:
        time.sleep(0.05)
    took = time.monotonic() - sent
    for s in savers:
        s.stop()
    stream.join(timeout=5)
    still_open = 0
    for s, _ in half:
        try:
            s.recv(1)  # b"" once closed by the server
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
        s.close()
    print(f"- 50 half-sent requests from {ATTACKER}, a workshop stream and 2 clients saving answers")
    print(f"- SIGTERM to exit: {took:.2f} s; alive after: {server_alive()}; half-sent left open: {still_open}")
    told = b"event: reconnect" in events["text"]
    print(f"- workshop stream told to reconnect: {told}; ended {((events['ended'] or sent) - sent):.2f} s after SIGTERM")
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    acknowledged, lost = 0, []
    for s in savers:
        for code, seq in s.acknowledged.items():
            acknowledged += 1
            row = db.execute(
                "SELECT a.comment FROM answers a JOIN campaign_participants p ON p.id = a.participant_id "
                "JOIN users u ON u.id = p.user_id WHERE u.email = 'referente@demo.cap' AND a.indicator_code = ? "
                "AND a.campaign_id = ?",
                (code, answers[0][0]),
            ).fetchone()
            stored = int(row[0].rsplit("-", 1)[1]) if row and row[0].startswith(s.tag) else -1
            if stored < seq:
                lost.append(code)
    db.close()
    saves = sum(len(s.latencies) for s in savers)
    print(f"- saves acknowledged: {saves} ({acknowledged} last ones checked in the database): lost {len(lost)}")


def main():
    print(f"server pid {PID}, limit of open files: ", end="")
    with open(f"/proc/{PID}/limits") as f:
        print(next(line.split()[3:5] for line in f if line.startswith("Max open files")))
    print(f"at start: {memory()}, {open_files()} open files")
    coordinator = sign_in("referente@demo.cap")
    people = [sign_in("referent.nord@demo.cap"), sign_in("admin@demo.cap")]
    answers = level_answers("referente@demo.cap")
    assert answers, "no open campaign with answers for referente@demo.cap"
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    report_campaign = db.execute(
        "SELECT c.id FROM campaigns c JOIN organisations o ON o.id = c.organisation_id "
        "WHERE o.name = 'Nord Bâtiment Solidaire' AND c.status = 'follow_up'"
    ).fetchone()[0]
    db.close()

    phase("1. Half-sent headers beyond the limit of open files")
    with_probes(coordinator, lambda: half_sent_headers(1100, 15))
    phase("2. Slow bodies")
    with_probes(coordinator, lambda: slow_bodies(100, 40))
    phase("3. Idle keep-alive connections")
    with_probes(coordinator, lambda: idle_keep_alive(200, 15))
    phase("4. Connection flood")
    with_probes(coordinator, lambda: flood(3000, 15))
    phase("5. A burst of PDF reports during an autosave load")
    pdf_burst(people, report_campaign, answers, coordinator)
    phase("6. SIGTERM with half-sent requests and a workshop stream open")
    status, headers, _, _ = request(
        "POST", f"/campaigns/{answers[0][0]}/workshops", cookie=coordinator, body={"pillar": ""}
    )
    assert status == 303, f"workshop not opened: {status}"
    sigterm(coordinator, answers, headers["Location"])


if __name__ == "__main__":
    main()
