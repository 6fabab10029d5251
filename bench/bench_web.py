"""Web load benchmark: the events page and the events API under load, on loopback.

    .venv/bin/python bench/bench_web.py                          # 5,000 events, waitress, c = 1, 8, 32
    .venv/bin/python bench/bench_web.py --server stdlib --requests 500

Stores 5,000 events in a fresh SQLite database: one document per ACLED 2018 Middle East event
(../shared/data/acled-2018-middle-east, its notes as the text, its coding as the event: real
places, dates, types, actors, fatalities). Starts `conflictdesk serve` in its own process (so
the load generator does not share the server's interpreter), warms it up, then sends
`--requests` requests at each concurrency (keep-alive connections, one per client thread) to
each target and prints requests/s, p50, p99 and errors. Goal (issue 11): p99 under 500 ms at
concurrency 8 on a 2-core machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data" / "acled-2018-middle-east" / "acled_2018_middle_east.csv").resolve()
TARGETS = ("/events", "/api/events?limit=100")
# ACLED's older taxonomy (2018 file) -> (event type, sub-event type)
OLD_TYPES = {
    "Battle-No change of territory": ("Battles", "Armed clash"),
    "Battle-Government regains territory": ("Battles", "Government regains territory"),
    "Battle-Non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "Violence against civilians": ("Violence against civilians", "Attack"),
    "Riots/Protests": ("Protests", "Peaceful protest"),
    "Strategic development": ("Strategic developments", "Other"),
    "Non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "Headquarters or base established": ("Strategic developments", "Headquarters or base established"),
}
INTER_TYPES = {"1": "state_forces", "2": "rebel_group", "3": "political_militia", "4": "identity_militia",
               "5": "rioters", "6": "protesters", "7": "civilian_group", "8": "external_force"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:120]


def _coded(row: dict[str, str]) -> tuple[str, str]:
    if row["event_type"] == "Remote violence":
        notes = row["notes"].lower()
        return "Explosions/Remote violence", ("Air/drone strike" if "air" in notes or "drone" in notes
                                             else "Shelling/artillery/missile attack")
    return OLD_TYPES.get(row["event_type"], ("Strategic developments", "Other"))


def fill_store(url: str, n: int) -> int:
    """Store `n` ACLED events, one document each; how many were stored."""
    from conflictdesk.ingest.acled import read_acled_rows
    from conflictdesk.records import Actor, Document, Event, Extraction, Span
    from conflictdesk.store import Store

    stored = 0
    seen: set[str] = set()
    with Store(url) as store:
        for row in read_acled_rows(DATA):
            if stored >= n:
                break
            notes = row.get("notes") or ""
            if not notes or row["data_id"] in seen:
                continue
            seen.add(row["data_id"])
            kind, sub = _coded(row)
            actors = {}
            for side, inter in (("actor1", "inter1"), ("actor2", "inter2")):
                if row.get(side):
                    actors[side] = Actor(id=_slug(row[side]), name=row[side], acled_name=row[side],
                                         type=INTER_TYPES.get(row.get(inter, ""), "other"))
            day = dt.datetime.strptime(row["event_date"], "%d-%b-%y").date()
            event = Event(id="e1", event_type=kind, sub_event_type=sub, evidence=Span(0, len(notes), notes),
                          actor1=actors["actor1"].id if "actor1" in actors else None,
                          actor2=actors["actor2"].id if "actor2" in actors else None, country=row["country"],
                          admin1=row.get("admin1") or None, location=row.get("location") or None,
                          latitude=float(row["latitude"]), longitude=float(row["longitude"]),
                          geo_precision=int(row.get("geo_precision") or 1), event_date=day, time_precision=1,
                          fatalities=int(row.get("fatalities") or 0), rule="acled", coder="acled")
            doc = Document(id=f"acled-{row['data_id']}", text=notes, title=notes[:90], published=day,
                           source=row.get("source") or None, format="csv")
            store.add_document(doc, Extraction(document=doc, actors=list(actors.values()), events=[event]))
            stored += 1
        store.optimize()   # the planner's statistics, as `conflictdesk ingest` refreshes them after a run
    return stored


def start_server(url: str, server: str, threads: int, cache: bool) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "conflictdesk", "--db", url, "serve", "--port", "0",
                             "--server", server, "--threads", str(threads), "--cache" if cache else "--no-cache"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=REPO)
    assert proc.stderr is not None
    line = proc.stderr.readline()
    match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"the server did not start: {line}")
    threading.Thread(target=proc.stderr.read, daemon=True).start()   # keep its log pipe drained
    return proc, match.group(1)


def load(port: str, path: str, requests: int, concurrency: int) -> dict[str, float]:
    """Send `requests` GETs of `path` from `concurrency` threads; latencies and errors."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                reply = conn.getresponse()
                reply.read()
                ok = reply.status == 200
                if reply.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                errors += 0 if ok else 1
        conn.close()

    began = time.perf_counter()
    workers = [threading.Thread(target=client) for _ in range(concurrency)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"requests": len(latencies), "seconds": elapsed, "rps": len(latencies) / elapsed,
            "p50_ms": pct(0.50), "p99_ms": pct(0.99), "errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000, help="events to store (one document each)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per target and concurrency")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--server", choices=("waitress", "stdlib"), default="waitress")
    parser.add_argument("--threads", type=int, default=8, help="the server's worker threads")
    parser.add_argument("--no-cache", action="store_true", help="serve without the answer cache (every request "
                                                                  "renders its page from the database)")
    parser.add_argument("--target", action="append", help="a path to load (repeatable; default: the events page "
                                                           "and the events API)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    targets = args.target or list(TARGETS)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        started = time.perf_counter()
        stored = fill_store(url, args.events)
        print(f"stored {stored} events in {time.perf_counter() - started:.0f} s; server: {args.server}, "
              f"{args.threads} threads, answer cache {'off' if args.no_cache else 'on'}", flush=True)
        proc, port = start_server(url, args.server, args.threads, not args.no_cache)
        results = []
        try:
            for path in targets:
                load(port, path, 20, 2)                           # warm-up: caches, the knowledge base
                for c in args.concurrency:
                    figures = load(port, path, args.requests, c)
                    results.append({"target": path, "concurrency": c, **figures})
                    print(f"{path:<24} c={c:<3} {figures['requests']:>5} requests  {figures['rps']:7.1f} req/s  "
                          f"p50 {figures['p50_ms']:7.1f} ms  p99 {figures['p99_ms']:7.1f} ms  "
                          f"errors {figures['errors']}", flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    if args.json:
        args.json.write_text(json.dumps({"events": stored, "server": args.server, "threads": args.threads,
                                         "cache": not args.no_cache, "results": results}, indent=2) + "\n",
                             encoding="utf-8")
    worst = max((r["p99_ms"] for r in results if r["concurrency"] == 8), default=0.0)
    print(f"p99 at concurrency 8: {worst:.0f} ms ({'under' if worst < 500 else 'OVER'} the 500 ms goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
