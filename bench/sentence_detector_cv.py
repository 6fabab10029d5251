#!/usr/bin/env python3
"""Could a learned sentence detector, trained on our own dev annotations, find the events the rules miss?

The rules miss about a third of the `dev` gold events. Before building a learned trigger model, this measures
its ceiling on `dev` alone: each article's sentences are labelled by whether a gold event's evidence quotes
them, a TF-IDF softmax regression (`model.textclf`, the project's own) is trained on four fifths of the
articles and scores the fifth (five folds, by article), and the script counts, at each threshold, how many
sentences without any rule prediction it flags, how many of those quote a gold event, and how many quote a
gold event that no prediction paired with (`eval_articles.paired_events`): what a recall pass could add at
best, before it has to get the event's type, country and date right. It also asks the converse: whether the
detector's low scores separate the rules' wrong sentences from their right ones (a precision pass).

    .venv/bin/python bench/eval_articles.py --split dev --out /tmp/dev.jsonl
    .venv/bin/python bench/sentence_detector_cv.py /tmp/dev.jsonl

Sentences are cut by a plain punctuation rule (an experiment over 2,600 sentences; the parse is not needed).
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eval_articles import REPO, load_gold, paired_events, read_outputs

sys.path.insert(0, str(REPO / "src"))
from conflictdesk.model.textclf import train_text_classifier  # noqa: E402  (src/, without an install)

SENTENCE_BREAK = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])|\n+")
FOLDS = 5


@dataclass(slots=True)
class Sentence:
    article: int
    text: str
    quotes_gold: bool       # a gold event's evidence quotes it
    quotes_unpaired: bool   # ... a gold event no prediction paired with
    predicted: bool         # a predicted event's evidence overlaps it


def _evidence_spans(text: str, events: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Where the gold evidence pieces (joined by " ... ") sit in the text."""
    spans = []
    for event in events:
        for piece in (event.get("evidence") or "").split("..."):
            piece = piece.strip()
            at = text.find(piece[:60]) if len(piece) >= 20 else -1
            if at >= 0:
                spans.append((at, at + len(piece)))
    return spans


def _sentences(article: int, gold: dict[str, Any], out: dict[str, Any]) -> list[Sentence]:
    text, gold_events, predicted = gold["text"], gold.get("events") or [], out.get("events") or []
    paired = {n for n, _ in paired_events(gold_events, predicted)}
    quoted = _evidence_spans(text, gold_events)
    unpaired = _evidence_spans(text, [e for n, e in enumerate(gold_events) if n not in paired])
    told = [(e["evidence"]["start"], e["evidence"]["end"]) for e in predicted if (e.get("evidence") or {}).get("end")]
    found, at = [], 0
    for part in SENTENCE_BREAK.split(text):
        start = text.find(part, at)
        if start < 0 or len(part) < 15:
            continue
        end = at = start + len(part)

        def overlaps(spans: list[tuple[int, int]]) -> bool:
            return any(a < end and b > start for a, b in spans)

        found.append(Sentence(article, part, overlaps(quoted), overlaps(unpaired), overlaps(told)))
    return found


def cross_validated(sentences: list[Sentence]) -> np.ndarray:
    """Each sentence's probability of quoting a gold event, from a model that never saw its article."""
    proba = np.zeros(len(sentences))
    fold = np.array([s.article % FOLDS for s in sentences])
    for k in range(FOLDS):
        train, held = np.where(fold != k)[0], np.where(fold == k)[0]
        model = train_text_classifier([sentences[i].text for i in train],
                                      ["event" if sentences[i].quotes_gold else "none" for i in train], l2=1e-5)
        proba[held] = model.predict_proba([sentences[i].text for i in held])[:, model.labels.index("event")]
    return proba


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("output", type=Path, help="contract JSON Lines of eval_articles.py --split dev --out")
    args = ap.parse_args()
    outs = read_outputs(args.output)
    sentences = [s for n, g in enumerate(load_gold("dev")) for s in _sentences(n, g, outs.get(g["id"]) or {})]
    proba = cross_validated(sentences)
    gold = np.array([s.quotes_gold for s in sentences])
    unpaired = np.array([s.quotes_unpaired for s in sentences])
    bare = ~np.array([s.predicted for s in sentences])
    print(f"{len(sentences)} dev sentences; {gold.sum()} quote a gold event, {(gold & bare).sum()} of them without "
          f"a prediction; {unpaired.sum()} quote an unpaired gold event, {(unpaired & bare).sum()} of them without "
          "a prediction")
    print("recall pass: sentences without a prediction that the detector flags")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        flagged = bare & (proba >= threshold)
        print(f"  p >= {threshold}: {flagged.sum():4d} flagged, {(flagged & gold).sum():3d} quote a gold event, "
              f"{(flagged & unpaired).sum():3d} an unpaired one")
    told = ~bare
    right, wrong = proba[told & gold], proba[told & ~gold]
    auc = float((right[:, None] > wrong[None, :]).mean()) if len(right) and len(wrong) else float("nan")
    print(f"precision pass: {told.sum()} sentences with a prediction, {(~gold & told).sum()} quote no gold event; "
          f"AUC {auc:.3f}")
    for threshold in (0.2, 0.3, 0.4):
        dropped = told & (proba < threshold)
        print(f"  p < {threshold}: {dropped.sum():4d} dropped, {(dropped & ~gold).sum():3d} quote no gold event, "
              f"{(dropped & gold).sum():3d} quote one")


if __name__ == "__main__":
    main()
