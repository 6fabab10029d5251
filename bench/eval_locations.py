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
    .venv/bin/python bench/eval_locations.py --kb DIR        # with a user knowledge base (e.g. imported places)
    .venv/bin/python bench/eval_locations.py --only middle-east --user-gazetteer-from-train
        # calibrated on the user's own export: imports the 2018 file's train-split locations as a
        # user gazetteer (`kb import-places` logic, in a temporary folder) and evaluates on the
        # test-split notes only

The knowledge base is the real one (`load_knowledge_base()`: actors for excluding actor names,
curated places, and the gazetteer with any imported places of the --kb folders).
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
import tempfile
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
MIDDLE_EAST = SHARED / "data" / "acled-2018-middle-east" / "acled_2018_middle_east.csv"
AFRICA = SHARED / "data" / "acled-2016-africa" / "acled_2016_africa.csv"
RADIUS_KM = 25.0


def read_all(path: Path) -> list[dict[str, str]]:
    """Every row, with lower-case column names."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return [{k.lower(): (v or "") for k, v in r.items()} for r in csv.DictReader(text.splitlines())]


def read_rows(path: Path, *, split: str | None = None) -> list[dict[str, Any]]:
    """Rows with geo_precision 1 as {id, notes, latitude, longitude, location, country}
    (only those of `split`, "train" or "test", when given)."""
    out = []
    for i, r in enumerate(read_all(path)):
        if (r.get("geo_precision") or "").strip() != "1" or not (r.get("notes") or "").strip():
            continue
        if split and r.get("split") != split:
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


def user_gazetteer_from_train(path: Path, out_dir: Path) -> dict[str, Any]:
    """Import the train-split rows' locations of an ACLED file as a user gazetteer into `out_dir`
    (what `conflictdesk kb import-places` does with an export the user holds), and say how many
    test-split locations the train split holds."""
    from conflictdesk.knowledge.place_files import output_path, write_places
    from conflictdesk.knowledge.place_import import acled_places

    rows = read_all(path)
    train = [r for r in rows if r.get("split") == "train"]
    places = acled_places(train)
    written = write_places(output_path(out_dir, Path("train-split-" + path.name)), places,
                          source=f"ACLED export {path.name}, train split (user-supplied), location as coded by ACLED")
    seen = {(r["country"], r["location"]) for r in train}
    test = [(r["country"], r["location"]) for r in rows if r.get("split") == "test" and r.get("geo_precision") == "1"]
    unique = set(test)
    return {"imported_places": written, "test_rows_geo1": len(test),
            "test_rows_whose_location_is_in_train": round(sum(t in seen for t in test) / max(1, len(test)), 4),
            "test_locations_unique": len(unique),
            "test_unique_locations_in_train": round(sum(t in seen for t in unique) / max(1, len(unique)), 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=None, help="a seeded sample of this many rows per file")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses per file")
    ap.add_argument("--only", choices=("middle-east", "africa"), default=None)
    ap.add_argument("--kb", action="append", default=[], help="a user knowledge-base folder (repeatable)")
    ap.add_argument("--split", choices=("train", "test"), default=None, help="only rows of this split (2018 file)")
    ap.add_argument("--user-gazetteer-from-train", action="store_true",
                    help="import the 2018 train split's locations as a user gazetteer; evaluate on the test split")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    kb_dirs = list(args.kb)
    split = args.split
    with tempfile.TemporaryDirectory(prefix="conflictdesk-user-kb-") as tmp:
        if args.user_gazetteer_from_train:
            info = user_gazetteer_from_train(MIDDLE_EAST, Path(tmp))
            print(json.dumps({"user_gazetteer": "calibrated on the user's own export (2018 train split)", **info}))
            kb_dirs.append(tmp)
            split = "test"
        started = time.perf_counter()
        kb = load_knowledge_base(kb_dirs)
        gaz = kb.gazetteer
        print(json.dumps({"kb_and_gazetteer_seconds": round(time.perf_counter() - started, 2),
                          "cache_hit": gaz.cache_hit, "imported_files": [str(p) for p in gaz.imported_files]}))
        run(args, kb=kb, nlp=load_pipeline(), split=split)
    return 0


def run(args: argparse.Namespace, *, kb: Any, nlp: Any, split: str | None) -> None:
    for name, path in (("middle-east", MIDDLE_EAST), ("africa", AFRICA)):
        if args.only and args.only != name:
            continue
        if split and name != "middle-east":
            continue   # only the 2018 file has a split column
        rows = sample(read_rows(path, split=split), args.sample)
        result = evaluate(rows, nlp=nlp, kb=kb, misses=args.misses)
        shown = result.pop("misses")
        print(json.dumps({"file": name, "split": split, **result}))
        for m in shown:
            print("  miss:", json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    raise SystemExit(main())
