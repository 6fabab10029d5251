"""Evaluate place resolution on ACLED's notes: is the place we pick within 25 km of ACLED's?

Each ACLED row with geo_precision 1 is a document (its `notes`); we run `resolve_places` and pick
the place nearest the start of the note that is not a country or a province (else the first
province, else the first country) and measure the share of rows whose pick lies within 25 km of
the row's latitude/longitude. ACLED repeats a note for each location it names, so the figure is
also given over unique notes (a note counts as a hit when the pick is within 25 km of any of its
rows' locations).

    .venv/bin/python bench/eval_locations.py                 # both files, every row
    .venv/bin/python bench/eval_locations.py --sample 1500   # a seeded sample
    .venv/bin/python bench/eval_locations.py --misses 30     # show some misses
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
MIDDLE_EAST = SHARED / "data" / "acled-2018-middle-east" / "acled_2018_middle_east.csv"
AFRICA = SHARED / "data" / "acled-2016-africa" / "acled_2016_africa.csv"
RADIUS_KM = 25.0


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Rows with geo_precision 1 as {id, notes, latitude, longitude, location, country}."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    out = []
    for i, r in enumerate(csv.DictReader(text.splitlines())):
        r = {k.lower(): v for k, v in r.items()}
        if (r.get("geo_precision") or "").strip() != "1" or not (r.get("notes") or "").strip():
            continue
        try:
            lat, lon = float(r["latitude"]), float(r["longitude"])
        except (KeyError, ValueError):
            continue
        out.append({"id": str(i), "notes": r["notes"].strip(), "latitude": lat, "longitude": lon,
                    "location": r.get("location"), "country": r.get("country")})
    return out


def sample(rows: list[dict[str, Any]], n: int | None, seed: int = 20180430) -> list[dict[str, Any]]:
    if not n or n >= len(rows):
        return rows
    return random.Random(seed).sample(rows, n)


def pick(places: list[Any]) -> Any | None:
    """The place nearest the start that is a town/base/camp, else a province, else a country."""
    for kinds in (lambda p: p.kind not in ("country", "admin1") and (p.geo_precision or 3) < 3,
                  lambda p: p.kind not in ("country",),
                  lambda p: True):
        found = [p for p in places if kinds(p) and p.latitude is not None]
        if found:
            return min(found, key=lambda p: p.span.start)
    return None


def evaluate(rows: list[dict[str, Any]], *, nlp: Any, kb: Any, misses: int = 0) -> dict[str, Any]:
    from conflictdesk.extract.places import resolve_places
    from conflictdesk.knowledge.gazetteer import distance_km
    from conflictdesk.records import Document

    by_note: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_note[r["notes"]].append(r)
    notes = list(by_note)
    picks: dict[str, Any] = {}
    started = time.perf_counter()
    for note, parsed in zip(notes, nlp.pipe(notes, batch_size=64), strict=True):
        places = resolve_places(Document(id="n", text=note), parsed, kb=kb)
        picks[note] = pick(places)
    seconds = time.perf_counter() - started
    hits = found = 0
    note_hits = 0
    shown = []
    for note, rs in by_note.items():
        p = picks[note]
        any_hit = False
        for r in rs:
            if p is None:
                continue
            found += 1
            if distance_km(p.latitude, p.longitude, r["latitude"], r["longitude"]) <= RADIUS_KM:
                hits += 1
                any_hit = True
        note_hits += any_hit
        if not any_hit and len(shown) < misses:
            shown.append({"note": note[:160], "gold": [r["location"] for r in rs][:3],
                          "picked": None if p is None else f"{p.span.text} -> {p.name} ({p.country})"})
    return {"rows": len(rows), "notes": len(by_note), "within_25km_rows": round(hits / max(1, len(rows)), 4),
            "within_25km_notes": round(note_hits / max(1, len(by_note)), 4),
            "rows_with_a_place": round(found / max(1, len(rows)), 4), "seconds": round(seconds, 1),
            "misses": shown}


def standalone_kb() -> Any:
    """The gazetteer with the shipped curated places, without the rest of the knowledge base."""
    from conflictdesk.knowledge.gazetteer import Gazetteer, shipped_curated

    gaz = Gazetteer(shipped_curated())
    return SimpleNamespace(gazetteer=gaz, places={}, match=lambda text: [])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=None, help="a seeded sample of this many rows per file")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses per file")
    ap.add_argument("--only", choices=("middle-east", "africa"), default=None)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from conflictdesk.nlp import load_pipeline

    started = time.perf_counter()
    kb = standalone_kb()
    print(json.dumps({"gazetteer_seconds": round(time.perf_counter() - started, 2),
                      "cache_hit": kb.gazetteer.cache_hit}))
    nlp = load_pipeline()
    for name, path in (("middle-east", MIDDLE_EAST), ("africa", AFRICA)):
        if args.only and args.only != name:
            continue
        rows = sample(read_rows(path), args.sample)
        result = evaluate(rows, nlp=nlp, kb=kb, misses=args.misses)
        shown = result.pop("misses")
        print(json.dumps({"file": name, **result}))
        for m in shown:
            print("  miss:", json.dumps(m, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
