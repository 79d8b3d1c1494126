#!/usr/bin/env python3
"""Resident memory of the server over repeated uploads: the plan sent back as a workbook, a
referential file, and good practices with three attachments of 5 MB. Started by
scripts/upload-memory.sh, which starts the server; standard library only.

usage: upload_memory.py PORT SERVER_PID ROUNDS REFERENTIAL_FILE DATABASE_FILE
"""

import http.client
import re
import sqlite3
import sys
import time
import urllib.parse
import uuid

HOST = "127.0.0.1"
PORT, PID, ROUNDS, REFERENTIAL, DB = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
ORIGIN = f"http://{HOST}:{PORT}"


def rss():
    with open(f"/proc/{PID}/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS"))


def request(method, path, cookie=None, body=None, content_type=None, timeout=120):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    headers = {"Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"} if method == "POST" else {}
    if cookie:
        headers["Cookie"] = cookie
    if isinstance(body, dict):
        body, content_type = urllib.parse.urlencode(body), "application/x-www-form-urlencoded"
    if content_type:
        headers["Content-Type"] = content_type
    try:
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        return r.status, r.msg, r.read()
    finally:
        conn.close()


def multipart(fields, files):
    """A multipart/form-data body: text fields, then (field, name, bytes) files."""
    boundary = uuid.uuid4().hex
    out = bytearray()
    for name, value in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for field, name, data in files:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def sign_in(email):
    status, headers, _ = request("POST", "/sign-in", body={"email": email, "password": "cap-demo-2026", "next": "/"})
    cookie = next((c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or [] if c.startswith("cap_session=")), None)
    assert status == 303 and cookie, f"sign-in of {email}: {status}"
    return cookie


def main():
    nord = sign_in("referent.nord@demo.cap")
    admin = sign_in("admin@demo.cap")
    member = sign_in("referente@demo.cap")
    # Nord Bâtiment Solidaire's 2025 campaign: the one with a plan followed up.
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    plan_campaign = db.execute(
        "SELECT c.id FROM campaigns c JOIN organisations o ON o.id = c.organisation_id JOIN plans p ON p.campaign_id = c.id "
        "WHERE o.name = 'Nord Bâtiment Solidaire' AND c.status = 'follow_up'").fetchone()[0]
    db.close()
    status, _, workbook = request("GET", f"/campaigns/{plan_campaign}/export/campagne.xlsx", cookie=nord)
    assert status == 200, f"workbook download: {status}"
    referential = open(REFERENTIAL, "rb").read()
    status, _, form = request("GET", "/practices/new", cookie=member)
    assert status == 200, f"practice form: {status}"
    version = re.search(rb'name="referential" value="(\d+)"', form).group(1).decode()
    organisation = re.search(rb'<select[^>]*name="organisation".*?<option value="(\d+)"', form, re.S).group(1).decode()
    kind = re.search(rb'<select[^>]*name="kind".*?<option value="([a-z_]+)"', form, re.S).group(1).decode()
    indicator = re.search(rb'name="indicators" value="([^"]+)"', form).group(1).decode()
    attachment = b"%PDF-1.4\n" + bytes(range(256)) * (5 * 1024 * 1024 // 256 - 64)

    print(f"workbook {len(workbook) // 1024} KB (campaign {plan_campaign}), referential {len(referential) // 1024} KB, "
          f"attachments 3 × {len(attachment) / 1e6:.1f} MB")
    print(f"resident memory at start (demo loaded, 3 people signed in): {rss()} MB", flush=True)
    statuses = {}
    started = time.monotonic()
    for n in range(1, ROUNDS + 1):
        round_started = time.monotonic()
        body, ctype = multipart([], [("file", "plan.xlsx", workbook)])
        s1 = request("POST", f"/campaigns/{plan_campaign}/plan/import", cookie=nord, body=body, content_type=ctype)[0]
        body, ctype = multipart([], [("file", "referentiel.toml", referential)])
        s2 = request("POST", "/admin/referentials/import", cookie=admin, body=body, content_type=ctype)[0]
        body, ctype = multipart(
            [("referential", version), ("organisation", organisation), ("kind", kind),
             ("title", f"Essai de mémoire {n}"), ("body", "Une pratique avec trois pièces jointes."),
             ("indicators", indicator)],
            [("files", f"piece-{k}.pdf", attachment) for k in range(3)],
        )
        s3 = request("POST", "/practices/new", cookie=member, body=body, content_type=ctype)[0]
        for what, s in (("plan workbook", s1), ("referential", s2), ("practice with 3 attachments", s3)):
            statuses.setdefault(what, {}).setdefault(s, 0)
            statuses[what][s] += 1
        if n == 1 or n % 5 == 0 or n == ROUNDS:
            print(f"after round {n:3}: {rss()} MB", flush=True)
        # Expensive work has a rate per person (20 a minute): keep under it.
        time.sleep(max(0.0, 3.2 - (time.monotonic() - round_started)))
    print(f"answers: {statuses}; {ROUNDS} rounds in {time.monotonic() - started:.0f} s")
    time.sleep(30)
    print(f"resident memory 30 s after the last upload: {rss()} MB")
    for _ in range(20):
        request("GET", "/healthz")
    print(f"after a few more requests: {rss()} MB")


if __name__ == "__main__":
    main()
