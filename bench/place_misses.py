#!/usr/bin/env python3
"""Where events' places go wrong: the loc25 misses of the annotated articles, sorted into classes.

    PYTHONPATH=src .venv/bin/python bench/place_misses.py --split dev [--show CLASS] [--limit 20]

Pairs gold and predicted events as the shared scorer does (`score_events`: same event_type, same country,
date within 2 days or gold date null, the first such prediction, one with the same sub-event type first),
keeps the pairs whose gold event has coordinates and whose prediction lies over 25 km from them (or has no
point), and sorts each miss by what the prediction is:

    none     the prediction has no point
    wide     the prediction is a country's, province's or region's point (its place a country, admin1 or region)
    abroad   a town in another country than the gold event's
    far      a town in the right country, over 25 km away

and by where the text names the gold place: `sentence` (the gold event's evidence names it: its name, or a
place the places stage resolved within 25 km of it), `article` (elsewhere in the text), `nowhere`.
Prints the counts, then the misses of the class asked for with the sentence, the gold and predicted places.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import load_gold, load_scorer, paired_events  # noqa: E402

WIDE = {"country", "admin1", "region"}


def extract(gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Each gold article's Extraction (places and all), keyed by document id."""
    from conflictdesk.extract.pipeline import extract_documents
    from conflictdesk.ingest.jsonl import record_document
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline
    from conflictdesk.records import Extraction

    docs = [record_document({k: g.get(k) for k in ("id", "title", "published", "text")},
                            origin=f"annotated:{g['id']}", fmt="jsonl") for g in gold]
    return {x.document.id: x for x in extract_documents(docs, nlp=load_pipeline(), kb=load_knowledge_base())
            if isinstance(x, Extraction)}


def pairs(gold: list[dict[str, Any]], outs: dict[str, Any]) -> list[tuple[dict, Any, Any]]:
    """(gold article, gold event, predicted Event) as the scorer pairs them (`eval_articles.paired_events`)."""
    from conflictdesk.contract import event_dict

    found = []
    for g in gold:
        x = outs.get(g["id"])
        preds = list(x.events) if x is not None else []
        golds = g.get("events") or []
        for n, i in paired_events(golds, [event_dict(e) for e in preds]):
            found.append((g, golds[n], preds[i]))
    return found


def classify(g: dict, ge: dict, pe: Any, x: Any) -> tuple[str, str] | None:
    """(what the prediction is, where the gold place is named), or None when the prediction is within 25 km."""
    km = load_scorer().km
    if pe.latitude is None or pe.longitude is None:
        what = "none"
    elif km(ge["latitude"], ge["longitude"], pe.latitude, pe.longitude) <= 25:
        return None
    else:
        place = next((p for p in x.places if p.latitude == pe.latitude and p.longitude == pe.longitude
                      and p.name == pe.location), None)
        kind = place.kind if place is not None else "populated_place"
        if kind in WIDE or (pe.geo_precision or 0) >= 3:
            what = "wide"
        elif place is not None and place.country != ge.get("country"):
            what = "abroad"
        else:
            what = "far"
    return what, named_where(g, ge, x), told_alike(g, ge, pe)


def told_alike(g: dict, ge: dict, pe: Any) -> str:
    """`same` when the prediction's sentence is one of the gold event's evidence pieces (the pair tells one
    event), else `other` (the scorer paired tellings of different events: no place is right for both)."""
    told = pe.evidence.text if pe.evidence is not None else ""
    pieces = [_squeeze(x) for x in (ge.get("evidence") or "").split(" ... ") if x.strip()]
    return "same" if told and any(_squeeze(told) in x or x in _squeeze(told) for x in pieces) else "other"


def _squeeze(s: str) -> str:
    return " ".join(s.split())


def _bounds(g: dict, ge: dict) -> list[tuple[int, int]]:
    """The characters of the gold event's evidence pieces in the text (found with spaces squeezed)."""
    text = g["text"]
    out = []
    for piece in (ge.get("evidence") or "").split(" ... "):
        words = piece.split()
        if not words:
            continue
        m = re.search(r"\s+".join(re.escape(w) for w in words), text)
        if m:
            out.append((m.start(), m.end()))
    return out


def named_where(g: dict, ge: dict, x: Any) -> str:
    km = load_scorer().km
    text = g["text"]
    bounds = _bounds(g, ge)
    name = (ge.get("location") or "").lower()
    near = [p for p in x.places if p.latitude is not None and p.kind not in WIDE
            and km(ge["latitude"], ge["longitude"], p.latitude, p.longitude) <= 25]
    if any((name and name in text[a:b].lower()) or any(a <= p.span.start < b for p in near) for a, b in bounds):
        return "sentence"
    if (name and name in text.lower()) or near:
        return "article"
    return "nowhere"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev"])
    ap.add_argument("--show", help="print the misses of this class (far, wide/sentence, same, other, all)")
    ap.add_argument("--limit", type=int, default=20)
    args = ap.parse_args()
    gold = load_gold(args.split)
    outs = extract(gold)
    located = [(g, ge, pe) for g, ge, pe in pairs(gold, outs)
               if ge.get("latitude") is not None and ge.get("longitude") is not None]
    misses = [(c, g, ge, pe) for g, ge, pe in located
              if (c := classify(g, ge, pe, outs[g["id"]])) is not None]
    print(f"located matched {len(located)}, loc25 {1 - len(misses) / max(1, len(located)):.3f}, misses {len(misses)}")
    counts = Counter(c[:2] for c, *_ in misses)
    alike = Counter(c[::2] for c, *_ in misses)
    for what in ("none", "wide", "abroad", "far"):
        row = {where: counts[(what, where)] for where in ("sentence", "article", "nowhere")}
        print(f"  {what:7s} {sum(row.values()):3d}  " + "  ".join(f"{k} {v:3d}" for k, v in row.items())
              + f"   (pair tells the same event {alike[(what, 'same')]}, another {alike[(what, 'other')]})")
    if not args.show:
        return
    shown = 0
    for (what, where, pair), g, ge, pe in misses:
        if args.show != "all" and args.show not in (f"{what}/{where}", what, pair):
            continue
        shown += 1
        if shown > args.limit:
            break
        print(f"\n[{what}/{where}/{pair}] {g['id']} {ge['event_type']} / {ge.get('sub_event_type')}")
        print(f"  gold: {ge.get('location')} ({ge.get('admin1')}, {ge.get('country')}) "
              f"{ge['latitude']},{ge['longitude']}")
        print(f"  pred: {pe.location} ({pe.admin1}, {pe.country}) {pe.latitude},{pe.longitude} "
              f"p{pe.geo_precision} rule {pe.rule}")
        print(f"  gold sentence: {(ge.get('evidence') or '')[:300]}")
        print(f"  pred sentence: {pe.evidence.text[:300] if pe.evidence else ''}")
        x = outs[g["id"]]
        told = (pe.evidence.start, pe.evidence.end) if pe.evidence else (0, 0)
        print("  places: " + "; ".join(f"{p.name}[{p.kind},{p.country}]@{p.span.start}"
                                       + ("*" if told[0] <= p.span.start < told[1] else "") for p in x.places))


if __name__ == "__main__":
    main()
