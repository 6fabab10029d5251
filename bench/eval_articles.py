#!/usr/bin/env python3
"""Events and statement points on hand-annotated real articles, scored by the shared scorer.

Runs the pipeline in this process over the annotated gold (../shared/data/annotated/articles.jsonl
and every tests/fixtures/annotated/*.jsonl; lines without "text" read it from news-2016 by "row"),
writes the contract JSON Lines (as `conflictdesk extract --format jsonl` prints them) and scores
them with ../shared/acceptance/score_articles.py (imported, not copied).

    .venv/bin/python bench/eval_articles.py --split dev
    .venv/bin/python bench/eval_articles.py --split test --out /tmp/test.jsonl
    .venv/bin/python bench/eval_articles.py --split all --main-only
    .venv/bin/python bench/eval_articles.py --event-coder rules+clf.v1
    .venv/bin/python bench/eval_articles.py --split all --gold tests/fixtures/annotated/batch-14.jsonl

`--gold FILE` (repeatable) scores those gold files only: a batch annotated after the rules were written,
scored before and after a change, tells whether the change reaches articles nobody tuned on.

Prints the scorer's report, its key=value line, then events per article (gold and predicted).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SCORER = SHARED / "acceptance" / "score_articles.py"
SHARED_GOLD = SHARED / "data" / "annotated" / "articles.jsonl"
FIXTURE_GOLD = REPO / "tests" / "fixtures" / "annotated"


def gold_files() -> list[Path]:
    """The shared annotated set, then the project's own annotations (sorted by name)."""
    return [SHARED_GOLD, *sorted(FIXTURE_GOLD.glob("*.jsonl"))]


def load_scorer() -> ModuleType:
    """../shared/acceptance/score_articles.py as a module (loaded once)."""
    if "score_articles" not in sys.modules:
        spec = importlib.util.spec_from_file_location("score_articles", SCORER)
        module = importlib.util.module_from_spec(spec)
        sys.modules["score_articles"] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules["score_articles"]


def load_gold(split: str = "all", files: list[Path] | None = None) -> list[dict[str, Any]]:
    """Gold articles of `split` (dev, test or all) in `files` (default: every gold file), text filled in
    from news-2016 where left out."""
    return load_scorer().load_gold([str(p) for p in (files or gold_files())], split)


def extract_articles(gold: list[dict[str, Any]], *, nlp: Any, kb: Any,
                     event_coder: str | None = None) -> dict[str, dict[str, Any]]:
    """Contract JSON of each gold article, keyed by document id. The documents are built the
    way `conflictdesk extract` reads the scorer's `--inputs` lines (id, title, published, text)."""
    from conflictdesk.contract import extraction_dict
    from conflictdesk.extract.pipeline import extract_documents
    from conflictdesk.ingest.jsonl import record_document
    from conflictdesk.records import Extraction

    options: dict[str, Any] = {"coder": event_coder} if event_coder else {}
    docs = [record_document({k: g.get(k) for k in ("id", "title", "published", "text")},
                            origin=f"annotated:{g['id']}", fmt="jsonl") for g in gold]
    outs: dict[str, dict[str, Any]] = {}
    for item in extract_documents(docs, nlp=nlp, kb=kb, **options):
        if isinstance(item, Extraction):
            outs[item.document.id] = extraction_dict(item)
        else:
            print(f"failed: {item.document_id}: [{item.code}] {item.message}", file=sys.stderr)
    return outs


def read_outputs(path: Path) -> dict[str, dict[str, Any]]:
    """The contract JSON Lines `--out` wrote, keyed by document id (for the miss listings that read them)."""
    outs: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out = json.loads(line)
            outs[out["document"]["id"]] = out
    return outs


def score(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]], *,
          main_only: bool = False) -> dict[str, float]:
    """The scorer's figures (ev_recall, ev_precision, ..., st_found, st_label_f1) for these gold
    articles; the scorer prints its report to standard output."""
    scorer = load_scorer()
    result = scorer.score_events(gold, outs, main_only)
    result.update(scorer.score_statements(gold, outs))
    return result


def paired_events(gold_events: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) of the pairs the shared scorer makes in one article: its `score_events`
    loop (same event_type and country, date within 2 days or gold date null; each event paired once, the first
    eligible prediction, one of the same sub-event type first), over contract event dicts."""
    scorer = load_scorer()
    found: list[tuple[int, int]] = []
    used: set[int] = set()
    for n, ge in enumerate(gold_events):
        best = None
        for i, pe in enumerate(predicted):
            if i in used or pe.get("event_type") != ge.get("event_type"):
                continue
            if scorer.norm(pe.get("country")) != scorer.norm(ge.get("country")):
                continue
            d = scorer.days(pe.get("event_date"), ge.get("event_date"))
            if ge.get("event_date") and (d is None or d > 2):
                continue
            best = i
            if pe.get("sub_event_type") == ge.get("sub_event_type"):
                break
        if best is not None:
            used.add(best)
            found.append((n, best))
    return found


def events_per_article(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    """(id, gold events, predicted events, title) for each gold article."""
    return [(g["id"], len(g.get("events") or []), len((outs.get(g["id"]) or {}).get("events") or []),
             g.get("title") or "") for g in gold]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--main-only", action="store_true", help="score main events only (the scorer's option)")
    ap.add_argument("--event-coder", help="event coder by name (as `conflictdesk extract --event-coder`); default the pipeline's")
    ap.add_argument("--out", type=Path, help="keep the contract JSON Lines here (default: a temporary file)")
    ap.add_argument("--gold", type=Path, action="append",
                    help="score only this gold file (repeatable); default: the shared set and every fixture batch")
    args = ap.parse_args()

    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    files = args.gold or gold_files()
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        ap.error(f"no such gold file: {', '.join(missing)}")
    gold = load_gold(args.split, files)
    started = time.perf_counter()
    outs = extract_articles(gold, nlp=load_pipeline(), kb=load_knowledge_base(), event_coder=args.event_coder)
    seconds = time.perf_counter() - started
    with (args.out.open("w", encoding="utf-8") if args.out
          else tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")) as fh:
        fh.writelines(json.dumps(o, ensure_ascii=False) + "\n" for o in outs.values())
        written = fh.name
    print(f"split {args.split}: {len(gold)} articles from {len(files)} gold files; "
          f"extracted in {seconds:.0f} s; contract JSONL: {written}")
    result = score(gold, outs, main_only=args.main_only)
    print(" ".join(f"{k}={v:.3f}" for k, v in result.items()))
    rows = events_per_article(gold, outs)
    print(f"\nevents per article: gold {sum(r[1] for r in rows) / max(1, len(rows)):.2f}, "
          f"predicted {sum(r[2] for r in rows) / max(1, len(rows)):.2f}")
    for doc_id, n_gold, n_pred, title in rows:
        print(f"  {doc_id:14s} gold {n_gold:3d} predicted {n_pred:3d}  {title[:70]}")


if __name__ == "__main__":
    main()
