#!/usr/bin/env python3
"""Sentence-level event types learned from the dev annotations, measured against the rules by
cross-validation by article.

    PYTHONPATH=src .venv/bin/python tools/train_event_types.py              # the CV table
    PYTHONPATH=src .venv/bin/python tools/train_event_types.py --out m.npz  # and the all-dev model

Each dev article (../shared/data/annotated + tests/fixtures/annotated, split dev only; never test)
is parsed and split into the pipeline's sentences. A sentence is labelled with the event type of every
gold event whose `evidence` overlaps it, "none" when no gold event cites it. A `TextClassifier`
(model/textclf.py: TF-IDF, softmax over none + the types; a sentence of two types is one example per
type) learns sentence -> type. The rules' events of the same articles (the pipeline as it stands) are
then changed by the model's probabilities for their sentence, in five ways:

    retype   a rules event's type becomes the sentence's most likely type T when T is none of the
             sentence's rules types, p(rules' type) <= a and p(T) >= b
    drop     a rules event goes when p(none) of its sentence >= t
    add      a copy of the sentence's first rules event (its roles, place, date) of type T, for a type
             T >= t the rules did not give that sentence
    propose  a sentence with no rules event, in an article with some: a copy of the article's main
             event of type T >= t, its evidence the sentence
    new type a type T the rules found in no sentence of the article: one event of type T, a copy of
             the rules event told nearest the sentence most likely of type T (p(T) >= t)

and the changed events are scored by the shared scorer (../shared/acceptance/score_articles.py).
Out-of-fold: 5 folds by article (sorted ids, n % 5), each fold's articles changed by a model trained
on the other four, the scorer's counts over all dev articles. In-sample: one model trained on all of
dev, applied to dev. Oracle: the gold labels of each sentence used as its probabilities (1 for each
gold type, "none" 1 for a sentence no gold event cites): the most a perfect sentence model could give
each use, with the rules' roles, places and dates.

Deterministic (L-BFGS from zeros, sentences in document order, articles in id order); re-run it after
a change to the rules to see whether a use now pays.
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from eval_articles import extract_articles, load_gold, load_scorer  # noqa: E402

from conflictdesk.model.textclf import TextClassifier, train_text_classifier  # noqa: E402
from conflictdesk.taxonomy import EVENT_TYPES  # noqa: E402

NONE = "none"
FOLDS = 5
WORD = re.compile(r"\w+")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
# an evidence part shorter than this is a fragment no sentence can be found by
MIN_PART = 15
# an evidence part not found verbatim belongs to the sentence holding this share of its words
WORD_SHARE = 0.6


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    gold: set[str] = field(default_factory=set)          # the types of the gold events citing it
    rules: list[int] = field(default_factory=list)       # indices of the rules' events told in it


def evidence_ranges(text: str, evidence: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a gold event's evidence lies in the text: each part (annotators join sentences with "..."),
    verbatim, else with its white space loosened, else the sentence holding most of its words."""
    ranges = []
    for part in ELLIPSIS.split(evidence):
        part = part.strip()
        if len(part) < MIN_PART:
            continue
        at = text.find(part)
        if at >= 0:
            ranges.append((at, at + len(part)))
            continue
        loose = re.search(r"\s+".join(re.escape(w) for w in part.split()), text)
        if loose:
            ranges.append(loose.span())
            continue
        words = set(WORD.findall(part.lower()))
        share, best = max(((len(words & set(WORD.findall(text[a:b].lower()))) / max(1, len(words)), (a, b))
                           for a, b in sentences), default=(0.0, None))
        if best is not None and share >= WORD_SHARE:
            ranges.append(best)
    return ranges


def _overlap(a: int, b: int, s: int, t: int) -> int:
    return min(b, t) - max(a, s)


def article_sentences(article: dict[str, Any], spans: list[tuple[int, int]],
                      events: list[dict[str, Any]]) -> list[Sentence]:
    """The article's non-empty sentences, each with the gold types citing it and the rules' events in it."""
    text = article["text"]
    out = [Sentence(s, t, text[s:t].strip()) for s, t in spans if text[s:t].strip()]
    for ev in article.get("events") or []:
        for a, b in evidence_ranges(text, ev["evidence"], spans):
            for sent in out:
                # a sentence is cited when the evidence covers a good part of it (not a word across its edge)
                if _overlap(a, b, sent.start, sent.end) > 0.3 * min(b - a, sent.end - sent.start):
                    sent.gold.add(ev["event_type"])
    for n, ev in enumerate(events):
        for sent in out:
            if _overlap(ev["evidence"]["start"], ev["evidence"]["end"], sent.start, sent.end) > 0:
                sent.rules.append(n)
                break                      # an event belongs to the first sentence of its evidence
    return out


def train(sentences: list[Sentence], *, l2: float) -> TextClassifier:
    texts, labels = [], []
    for sent in sentences:
        for label in sorted(sent.gold) or [NONE]:
            texts.append(sent.text)
            labels.append(label)
    return train_text_classifier(texts, labels, min_df=2, l2=l2)


LABELS = [NONE, *EVENT_TYPES]


def probabilities(model: TextClassifier, sentences: list[Sentence]) -> np.ndarray:
    """(sentences, LABELS) probabilities; a label the model never saw is 0."""
    p = model.predict_proba([s.text for s in sentences])
    out = np.zeros((len(sentences), len(LABELS)))
    for j, label in enumerate(model.labels):
        out[:, LABELS.index(label)] = p[:, j]
    return out


def oracle(sentences: list[Sentence]) -> np.ndarray:
    out = np.zeros((len(sentences), len(LABELS)))
    for k, sent in enumerate(sentences):
        for label in sent.gold or {NONE}:
            out[k, LABELS.index(label)] = 1.0
    return out


Use = Callable[[list[dict[str, Any]], list[Sentence], np.ndarray], tuple[list[dict[str, Any]], int]]


def retype(own_max: float, top_min: float) -> Use:
    def use(events: list[dict[str, Any]], sentences: list[Sentence], p: np.ndarray) -> tuple[list[dict[str, Any]], int]:
        events, changed = copy.deepcopy(events), 0
        for sent, row in zip(sentences, p):
            have = {events[n]["event_type"] for n in sent.rules}
            j = 1 + int(row[1:].argmax())
            # one event per sentence: the others of a sentence of several events keep their types
            doubted = [n for n in sent.rules if row[LABELS.index(events[n]["event_type"])] <= own_max]
            if doubted and LABELS[j] not in have and row[j] >= top_min:
                n = min(doubted, key=lambda n: row[LABELS.index(events[n]["event_type"])])
                events[n]["event_type"] = LABELS[j]
                changed += 1
        return events, changed
    return use


def drop(none_min: float) -> Use:
    def use(events: list[dict[str, Any]], sentences: list[Sentence], p: np.ndarray) -> tuple[list[dict[str, Any]], int]:
        gone = {n for sent, row in zip(sentences, p) for n in sent.rules if row[0] >= none_min}
        return [ev for n, ev in enumerate(events) if n not in gone], len(gone)
    return use


def add(type_min: float) -> Use:
    def use(events: list[dict[str, Any]], sentences: list[Sentence], p: np.ndarray) -> tuple[list[dict[str, Any]], int]:
        extra = []
        for sent, row in zip(sentences, p):
            have = {events[n]["event_type"] for n in sent.rules}
            for j in range(1, len(LABELS)):
                if sent.rules and LABELS[j] not in have and row[j] >= type_min:
                    extra.append(dict(copy.deepcopy(events[sent.rules[0]]), event_type=LABELS[j]))
        return events + extra, len(extra)
    return use


def propose(type_min: float) -> Use:
    def use(events: list[dict[str, Any]], sentences: list[Sentence], p: np.ndarray) -> tuple[list[dict[str, Any]], int]:
        main = next((ev for ev in events if ev.get("salience") == "main"), events[0] if events else None)
        extra = []
        for sent, row in zip(sentences, p):
            for j in range(1, len(LABELS)):
                if main is not None and not sent.rules and row[j] >= type_min:
                    extra.append(dict(copy.deepcopy(main), event_type=LABELS[j],
                                      evidence={"start": sent.start, "end": sent.end, "text": sent.text}))
        return events + extra, len(extra)
    return use


def new_type(type_min: float) -> Use:
    def use(events: list[dict[str, Any]], sentences: list[Sentence], p: np.ndarray) -> tuple[list[dict[str, Any]], int]:
        have = {ev["event_type"] for ev in events}
        best: dict[str, tuple[float, Sentence]] = {}
        for sent, row in zip(sentences, p):
            for j in range(1, len(LABELS)):
                if events and LABELS[j] not in have and row[j] >= max(type_min, best.get(LABELS[j], (0.0,))[0]):
                    best[LABELS[j]] = (float(row[j]), sent)
        extra = []
        for label, (_, sent) in sorted(best.items()):
            near = min(events, key=lambda ev: abs(ev["evidence"]["start"] - sent.start))
            extra.append(dict(copy.deepcopy(near), event_type=label,
                              evidence={"start": sent.start, "end": sent.end, "text": sent.text}))
        return events + extra, len(extra)
    return use


USES: list[tuple[str, Use]] = [
    *[(f"retype p(own)<={a} p(T)>={b}", retype(a, b)) for a, b in ((0.1, 0.5), (0.2, 0.5), (0.3, 0.6), (0.1, 0.7))],
    *[(f"drop p(none)>={t}", drop(t)) for t in (0.8, 0.9, 0.95)],
    *[(f"add p(T)>={t}", add(t)) for t in (0.4, 0.5, 0.6, 0.7)],
    *[(f"propose p(T)>={t}", propose(t)) for t in (0.4, 0.5, 0.6, 0.7, 0.8)],
    *[(f"new type p(T)>={t}", new_type(t)) for t in (0.3, 0.4, 0.5, 0.6)],
]


def score(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]]) -> dict[str, float]:
    """The scorer's event figures, its printed report kept out of the table."""
    with contextlib.redirect_stdout(io.StringIO()):
        return load_scorer().score_events(gold, outs, False)


def changed_outs(outs: dict[str, dict[str, Any]], sentences: dict[str, list[Sentence]],
                 probs: dict[str, np.ndarray], use: Use) -> tuple[dict[str, dict[str, Any]], int]:
    new, total = {}, 0
    for doc_id, out in outs.items():
        events, n = use(out.get("events") or [], sentences[doc_id], probs[doc_id])
        new[doc_id] = dict(out, events=events)
        total += n
    return new, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=1e-5, help="the softmax regression's L2 weight (default 1e-5)")
    ap.add_argument("--out", type=Path, help="write the model trained on all of dev here (.npz)")
    args = ap.parse_args()

    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline
    from conflictdesk.nlp.parse import parse_text

    gold = sorted(load_gold("dev"), key=lambda g: g["id"])
    nlp, kb = load_pipeline(), load_knowledge_base()
    outs = extract_articles(gold, nlp=nlp, kb=kb)
    sentences = {g["id"]: article_sentences(g, [(s.start_char, s.end_char) for s in parse_text(nlp, g["text"]).sents],
                                            (outs.get(g["id"]) or {}).get("events") or []) for g in gold}
    outs = {g["id"]: outs.get(g["id"]) or {"events": []} for g in gold}
    ids = [g["id"] for g in gold]
    fold = {doc_id: n % FOLDS for n, doc_id in enumerate(ids)}
    cited = sum(1 for v in sentences.values() for s in v if s.gold)
    print(f"dev: {len(ids)} articles, {sum(map(len, sentences.values()))} sentences, {cited} cited by a gold event")

    out_of_fold: dict[str, np.ndarray] = {}
    for f in range(FOLDS):
        model = train([s for i in ids if fold[i] != f for s in sentences[i]], l2=args.l2)
        out_of_fold.update({i: probabilities(model, sentences[i]) for i in ids if fold[i] == f})
    full = train([s for i in ids for s in sentences[i]], l2=args.l2)
    in_sample = {i: probabilities(full, sentences[i]) for i in ids}
    perfect = {i: oracle(sentences[i]) for i in ids}

    def figures(o: dict[str, dict[str, Any]]) -> str:
        r = score(gold, o)
        return f"{r['ev_recall']:.3f} {r['ev_precision']:.3f} {r['ev_f1']:.3f}"

    print(f"{'use':32s} {'out-of-fold R P F1':>24s} {'n':>4s} | {'in-sample R P F1':>20s} {'n':>4s} | "
          f"{'oracle R P F1':>20s} {'n':>4s}")
    print(f"{'rules (as they stand)':32s} {figures(outs):>24s} {'':>4s} |")
    for name, use in USES:
        cells = []
        for probs in (out_of_fold, in_sample, perfect):
            changed, n = changed_outs(outs, sentences, probs, use)
            cells.append(f"{figures(changed):>20s} {n:4d}")
        print(f"{name:32s} {cells[0]:>29s} | {cells[1]} | {cells[2]}")
    if args.out:
        full.save(args.out)
        print(f"model trained on all of dev: {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
