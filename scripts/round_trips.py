#!/usr/bin/env python3
"""Counts the SQL statements (database round trips) behind the two hottest paths, on the demo:
an autosaved answer (a first answer, then a change), and a workshop vote as far as the
projector on the wall (the vote itself, then whatever the projector does when the room's event
reaches it: fetch its page again, or nothing when the event carries the new count itself).

The server logs every statement it sends (CAP_LOG=sqlx::query=debug); each request is counted
alone. 127.0.0.1 only; stops by itself.
    usage: scripts/round_trips.py CAP_BINARY [postgres://… database to fill with the demo]
"""

import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

PASSWORD = "cap-demo-2026"


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def call(self, path, form=None, headers=None):
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(), e.headers

    def sign_in(self, email):
        status, _, _ = self.call("/sign-in", {"email": email, "password": PASSWORD})
        assert status == 303, f"sign-in of {email}: {status}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Log:
    """The server's log, read as it grows: statements sent since the last mark."""

    def __init__(self, path):
        self.path = path
        self.mark()

    def lines(self):
        with open(self.path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()

    def mark(self):
        time.sleep(0.3)
        self.seen = len(self.lines())

    def statements(self):
        time.sleep(0.3)
        fresh = self.lines()[self.seen:]
        self.seen += len(fresh)
        return [line for line in fresh if "sqlx::query" in line]


def summaries(statements):
    out = []
    for line in statements:
        m = re.search(r'summary="([^"]*)"', line)
        out.append(m.group(1) if m else line[:80])
    return out


def main():
    cap = sys.argv[1]
    database = sys.argv[2] if len(sys.argv) > 2 else None
    work = tempfile.mkdtemp()
    port = 18989
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, CAP_LOG="warn,sqlx::query=debug", NO_COLOR="1", CAP_MAIL_OUTBOX=f"{work}/outbox",
               CAP_PUBLIC_URL=base, CAP_DATABASE_URL=database or f"sqlite://{work}/cap.db")
    log_path = f"{work}/server.log"
    server = subprocess.Popen([cap, "serve", "--demo", "--addr", f"127.0.0.1:{port}"], env=env,
                              stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(base + "/healthz", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        log = Log(log_path)
        rows = []

        # An autosaved answer: Lucas answers the first question of his campaign, then changes it.
        lucas = Client(base)
        lucas.sign_in("salarie.parcours@demo.cap")
        _, home, _ = lucas.call("/")
        campaign = re.search(r"/campaigns/(\d+)/answer", home).group(1)
        _, page, _ = lucas.call(f"/campaigns/{campaign}/answer/1")
        code = re.search(r'data-code="([^"]+)"', page).group(1)
        version = int(re.search(rf'name="ver_{re.escape(code)}" value="(\d+)"', page).group(1))
        for label in ("first answer", "changed answer"):
            log.mark()
            status, body, _ = lucas.call(f"/campaigns/{campaign}/answers/{code}",
                                         {"value": "2" if label == "first answer" else "3", "comment": "",
                                          "version": str(version)})
            assert status == 200, f"autosave: {status} {body}"
            version = int(re.search(r'"version":\s*(\d+)', body).group(1))
            found = log.statements()
            rows.append((f"autosave ({label})", found))

        # A workshop vote, as far as the projector: Claire runs a workshop, a phone votes.
        claire = Client(base)
        claire.sign_in("referent.nord@demo.cap")
        _, home, _ = claire.call("/")
        pages = [home] + [claire.call(f"/organisations/{o}")[1] for o in set(re.findall(r"/organisations/(\d+)", home))]
        consolidating = None
        for c in sorted(set(re.findall(r"/campaigns/(\d+)", "".join(pages))), key=int):
            _, page, _ = claire.call(f"/campaigns/{c}")
            if f"/campaigns/{c}/workshops" in page:
                consolidating = c
                break
        assert consolidating, "no campaign of the demo offers a workshop"
        status, _, headers = claire.call(f"/campaigns/{consolidating}/workshops",
                                         {"pillar": "", "by_college": "", "admission": "open"})
        assert status == 303, f"open workshop: {status}"
        workshop = re.search(r"/workshops/(\d+)", headers["location"]).group(1)
        _, console, _ = claire.call(f"/workshops/{workshop}")
        room = re.search(r'class="workshop__code"[^>]*>\s*([A-Z0-9-]+)', console).group(1)
        phone = Client(base)
        status, _, _ = phone.call("/w", {"code": room, "first_name": "Ana", "college": "volunteer"})
        assert status == 303, f"join: {status}"
        _, phone_page, _ = phone.call(f"/w/{room}")
        indicator = re.search(r'name="indicator" value="([^"]+)"', phone_page).group(1)

        # The projector follows the room (its page asks for `?wall=1`): read the event a vote sends it.
        events = []
        def follow():
            request = urllib.request.Request(f"{base}/workshops/{workshop}/events?wall=1")
            with claire.opener.open(request, timeout=30) as stream:
                name = None
                for raw in stream:
                    line = raw.decode().rstrip("\n")
                    if line.startswith("event:"):
                        name = line[6:].strip()
                    elif line == "" and name:
                        events.append(name)
                        name = None
                        if len(events) >= 2:
                            return
        listener = threading.Thread(target=follow, daemon=True)
        listener.start()
        time.sleep(0.5)
        log.mark()
        status, _, _ = phone.call(f"/w/{room}/vote", {"value": "2", "indicator": indicator})
        assert status in (200, 303), f"vote: {status}"
        rows.append(("vote (the phone's request)", log.statements()))
        listener.join(10)
        event = events[1] if len(events) > 1 else "none"
        if event == "update":
            # The projector's script fetches its page again on an « update ».
            log.mark()
            claire.call(f"/workshops/{workshop}/projector", headers={"X-Cap-Live": "1"})
            rows.append(("vote, the projector's reaction (« update »: fetches its page)", log.statements()))
        else:
            rows.append((f"vote, the projector's reaction (« {event} »: the count is in the event)", []))

        print("| path | SQL statements | which |")
        print("|---|---|---|")
        for name, found in rows:
            print(f"| {name} | {len(found)} | {'; '.join(summaries(found))} |")
        print(f"\nengine: {'PostgreSQL' if database else 'SQLite'}; demo data; {os.cpu_count()} cores")
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
