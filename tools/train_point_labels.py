#!/usr/bin/env python3
"""Train the statement-point labeller on the dev gold points, choose how it joins the rules by
cross-validation by article, and write `src/conflictdesk/data/models/point_labels.npz`.

Training examples: the pipeline runs over the dev articles of the annotated set (../shared and
tests/fixtures/annotated, as bench/eval_articles.py reads them) with the rules alone; each predicted
point takes the labels of the gold point it overlaps most (a point on two labels gives two examples),
and its features are what the stage knows when it labels it (`statements/labeller.py`: `PointInput`,
`model_text`). Scoring follows the shared scorer (`score_statements`): a gold point is found when the
predicted points overlapping it cover half of it, and its predicted labels are all of theirs.

Variants (5 folds by article, every fold's model trained on the other four; figures summed over the
held-out folds): rules only, model only, the model where its probability reaches t else the rules
(`override`), the rules plus the model's label where its probability reaches t (`add`). The best
out-of-fold micro-F1 is written into the model file with the model trained on all dev points.
Deterministic: folds by sorted article id, L-BFGS from zeros.

    PYTHONPATH=src .venv/bin/python tools/train_point_labels.py              # table, writes the model
    PYTHONPATH=src .venv/bin/python tools/train_point_labels.py --no-write   # table only
    PYTHONPATH=src .venv/bin/python tools/train_point_labels.py --examples /tmp/points.json  # keep/reuse examples
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from conflictdesk.extract.statements.labeller import MODEL_PATH, PointInput, PointLabeller, combine, model_text
from conflictdesk.model.textclf import TextClassifier, train_text_classifier
from conflictdesk.records import POINT_LABELS

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))             # eval_articles: the gold as the evaluation reads it

FOLDS = 5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MIN_DF = 2
L2 = 1e-4


@dataclass(slots=True)
class Article:
    id: str
    points: list[PointInput]                       # predicted points, with what the stage knew of them
    gold: list[tuple[int, int, list[str]]]         # gold points: start, end (-1, -1: not in the text), labels


class _Recorder:
    """A labeller that keeps what the stage passes it and answers with the rules' labels."""

    def __init__(self) -> None:
        self.seen: list[PointInput] = []

    def label(self, points: Sequence[PointInput]) -> list[tuple[list[str], bool]]:
        self.seen.extend(points)
        return [(list(p.rule_labels) or ["other"], False) for p in points]


def collect(split: str = "dev") -> list[Article]:
    """The predicted points of every article of `split`, with their inputs, and its gold points."""
    from eval_articles import load_gold

    from conflictdesk.extract.runner import extract_parsed
    from conflictdesk.ingest.jsonl import record_document
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline
    from conflictdesk.nlp.parse import parse_text

    nlp, kb = load_pipeline(), load_knowledge_base()
    articles = []
    for g in load_gold(split):
        doc = record_document({k: g.get(k) for k in ("id", "title", "published", "text")},
                              origin=f"annotated:{g['id']}", fmt="jsonl")
        recorder = _Recorder()
        extraction = extract_parsed(doc, parse_text(nlp, doc.text), kb=kb, labeller=recorder)  # type: ignore[arg-type]
        points = recorder.seen                      # the stage labels the points it keeps, in their order
        kept = [(p.start, p.end) for s in extraction.statements for p in s.points]
        if [(p.start, p.end) for p in points] != kept:
            raise SystemExit(f"{g['id']}: the points labelled are not the points kept")
        text = extraction.document.text or g["text"]
        gold = []
        for gp in g.get("statements") or []:
            start = text.find(gp["point"])
            if start < 0:
                start = g["text"].find(gp["point"])
            gold.append((start, start + len(gp["point"]), list(gp.get("labels") or [])) if start >= 0
                        else (-1, -1, list(gp.get("labels") or [])))
        articles.append(Article(g["id"], points, gold))
    return articles


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def targets(article: Article) -> list[list[str] | None]:
    """Each predicted point's gold labels: those of the gold point it overlaps most (None: no gold point)."""
    out: list[list[str] | None] = []
    for p in article.points:
        best = max(((_overlap(p.start, p.end, gs, ge), labels) for gs, ge, labels in article.gold if gs >= 0),
                   default=(0, None), key=lambda x: x[0])
        out.append(best[1] if best[0] > 0 else None)
    return out


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> float:
        p, r = self.tp / max(1, self.tp + self.fp), self.tp / max(1, self.tp + self.fn)
        return 2 * p * r / max(1e-9, p + r)


def score(articles: Sequence[Article],
          labels: Sequence[Sequence[list[str]]]) -> tuple[Counts, dict[str, Counts], float]:
    """Micro counts, per-label counts and the share of gold points found, as `score_statements` counts them."""
    total, per = Counts(), defaultdict(Counts)
    n = found = 0
    for article, point_labels in zip(articles, labels):
        for gs, ge, gold in article.gold:
            n += 1
            hits = [i for i, p in enumerate(article.points) if gs >= 0 and min(p.end, ge) > max(p.start, gs)]
            covered: set[int] = set()
            for i in hits:
                covered.update(range(max(article.points[i].start, gs), min(article.points[i].end, ge)))
            hit = len(covered) >= 0.5 * (ge - gs) if gs >= 0 else False
            found += hit
            gl = set(gold)
            pl = {lab for i in hits for lab in point_labels[i]} if hit else set()
            for lab in gl | pl:
                if lab in gl and lab in pl:
                    total.tp += 1; per[lab].tp += 1       # noqa: E702
                elif lab in pl:
                    total.fp += 1; per[lab].fp += 1       # noqa: E702
                else:
                    total.fn += 1; per[lab].fn += 1       # noqa: E702
    return total, per, found / max(1, n)


@dataclass(frozen=True, slots=True)
class Recipe:
    """How the training examples are built and the model fitted."""

    unannotated_other: bool = False   # points overlapping no gold point train as `other`
    gold_text: bool = False           # the gold points' own words as extra examples
    l2: float = L2

    def examples(self, articles: Sequence[Article]) -> tuple[list[str], list[str]]:
        texts, labels = [], []
        for article in articles:
            for p, gold in zip(article.points, targets(article)):
                if gold is None and not self.unannotated_other:
                    continue
                for lab in gold or ["other"]:
                    texts.append(model_text(p))
                    labels.append(lab)
            if self.gold_text:
                for gs, ge, gold in article.gold:
                    near = [p for p in article.points if gs >= 0 and _overlap(p.start, p.end, gs, ge) > 0]
                    if not near:
                        continue
                    given = near[0]
                    text = _text_of(article, gs, ge, given)
                    for lab in gold:
                        texts.append(model_text(PointInput(text, gs, ge, given.kind, given.intro,
                                                           given.intro_label, given.party, given.armed_group)))
                        labels.append(lab)
        return texts, labels

    def fit(self, articles: Sequence[Article]) -> TextClassifier:
        texts, labels = self.examples(articles)
        return train_text_classifier(texts, labels, min_df=MIN_DF, l2=self.l2)


def _text_of(article: Article, start: int, end: int, near: PointInput) -> str:
    """A gold point's words, read from the predicted point's text where that covers it (the article's
    text is not kept), else that point's words."""
    if near.start <= start and end <= near.end:
        return near.text[start - near.start:end - near.start]
    return near.text


def folds(articles: Sequence[Article]) -> list[list[int]]:
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    return [[i for n, i in enumerate(order) if n % FOLDS == k] for k in range(FOLDS)]


Predictions = list[list[tuple[str, float]]]


def out_of_fold(articles: Sequence[Article], recipe: Recipe) -> Predictions:
    """Each point's best label and its probability from the model trained without its article's fold."""
    out: Predictions = [[] for _ in articles]
    for held in folds(articles):
        held_set = set(held)
        model = recipe.fit([a for i, a in enumerate(articles) if i not in held_set])
        for i in held:
            out[i] = model.predict([model_text(p) for p in articles[i].points]) if articles[i].points else []
    return out


def variant_labels(articles: Sequence[Article], predictions: Predictions, mode: str,
                   threshold: float) -> list[list[list[str]]]:
    return [[combine(list(p.rule_labels) or ["other"], label, prob, mode, threshold)[0]
             for p, (label, prob) in zip(a.points, preds)] for a, preds in zip(articles, predictions)]


def variants() -> list[tuple[str, float]]:
    return [("rules", 0.0), ("model", 0.0)] + [(m, t) for m in ("override", "add") for t in THRESHOLDS]


def table(articles: Sequence[Article], predictions: Predictions,
          show: Callable[[str], None] = print) -> tuple[str, float, float]:
    """Print each variant's out-of-fold micro P/R/F1; return the best (mode, threshold, F1)."""
    best = ("rules", 0.0, -1.0)
    for mode, t in variants():
        total, _, _ = score(articles, variant_labels(articles, predictions, mode, t))
        p, r = total.tp / max(1, total.tp + total.fp), total.tp / max(1, total.tp + total.fn)
        name = mode if mode in ("rules", "model") else f"{mode} t={t:.1f}"
        show(f"  {name:16s} P {p:.3f} R {r:.3f} F1 {total.f1():.3f}")
        if total.f1() > best[2] + 1e-9:
            best = (mode, t, total.f1())
    return best


def per_label(articles: Sequence[Article], labels: Sequence[Sequence[list[str]]], title: str) -> None:
    total, per, found = score(articles, labels)
    print(f"{title}: found {found:.3f}, micro F1 {total.f1():.3f} (tp {total.tp} fp {total.fp} fn {total.fn})")
    for lab in POINT_LABELS:
        c = per.get(lab, Counts())
        print(f"  {lab:25s} P {c.tp / max(1, c.tp + c.fp):.2f} R {c.tp / max(1, c.tp + c.fn):.2f} "
              f"(tp {c.tp} fp {c.fp} fn {c.fn})")


def _load_examples(path: Path) -> list[Article]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Article(a["id"], [PointInput(**{**p, "rule_labels": tuple(p["rule_labels"])}) for p in a["points"]],
                    [tuple(g) for g in a["gold"]]) for a in data]  # type: ignore[misc]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help=f"where to write the model (default {MODEL_PATH})")
    ap.add_argument("--no-write", action="store_true", help="print the cross-validation table only")
    ap.add_argument("--examples", type=Path, help="keep the collected points here, or read them if the file exists")
    ap.add_argument("--unannotated-other", action="store_true",
                    help="train points that overlap no gold point as `other` (measured 12-06: model alone 0.626)")
    ap.add_argument("--gold-text", action="store_true",
                    help="add the gold points' own words as examples (measured 12-06: model alone 0.638)")
    ap.add_argument("--l2", type=float, default=L2,
                    help=f"L2 penalty (default {L2}; 1e-5 .. 1e-3 measured 0.600-0.640)")
    args = ap.parse_args()

    if args.examples and args.examples.is_file():
        articles = _load_examples(args.examples)
    else:
        articles = collect("dev")
        if args.examples:
            args.examples.write_text(json.dumps([{"id": a.id, "points": [asdict(p) for p in a.points],
                                                  "gold": a.gold} for a in articles]), encoding="utf-8")
    n_points = sum(len(a.points) for a in articles)
    n_gold = sum(len(a.gold) for a in articles)
    print(f"dev: {len(articles)} articles, {n_gold} gold points, {n_points} predicted points; {FOLDS} folds by article")
    recipe = Recipe(unannotated_other=args.unannotated_other, gold_text=args.gold_text, l2=args.l2)
    predictions = out_of_fold(articles, recipe)
    print("out-of-fold label micro-F1 by variant:")
    mode, threshold, f1 = table(articles, predictions)
    print(f"chosen: {mode}" + (f" t={threshold:.1f}" if mode in ("override", "add") else "") + f" (F1 {f1:.3f})")
    per_label(articles, variant_labels(articles, predictions, "rules", 0.0), "rules (dev; written on dev)")
    per_label(articles, variant_labels(articles, predictions, "model", 0.0), "model only (out of fold)")
    if mode not in ("rules", "model"):
        per_label(articles, variant_labels(articles, predictions, mode, threshold),
                  f"{mode} t={threshold:.1f} (out of fold)")
    model = recipe.fit(articles)
    fitted = [model.predict([model_text(p) for p in a.points]) if a.points else [] for a in articles]
    inside, _, _ = score(articles, variant_labels(articles, fitted, "model", 0.0))
    print(f"model only, trained on all dev and scored on it (in sample): micro F1 {inside.f1():.3f}")
    if args.no_write:
        return
    model.meta = {"point_labels": {"mode": mode, "threshold": threshold, "cv_f1": round(f1, 4),
                                   "trained_on": "dev gold points", "min_df": MIN_DF, "l2": recipe.l2}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    written = TextClassifier.load(args.out)
    PointLabeller(written, mode, threshold)           # the file reads back as a labeller
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(written.vocabulary):,} terms)")


if __name__ == "__main__":
    main()
