"""Evaluation against ACLED's coding: read an ACLED file, extract each note, score its event.

    golds = read_acled(path, split="test")
    summary = evaluate_notes(sample(golds, size=800, seed=13), nlp=nlp, kb=kb)
    print(format_table(summary))
    summaries = evaluate_coders(golds, nlp=nlp, kb=kb, coders=["rules.v1", "tfidf-lr.v1"])  # side by side
    print(format_comparison(summaries))
"""
from .acled import LABELS, OLD_TYPES, GoldEvent, coarse_type, norm_actor, read_acled, sample
from .runner import evaluate_coders, evaluate_notes, format_comparison, format_table, main_event
from .scoring import Scores, km, macro_f1

__all__ = ["LABELS", "OLD_TYPES", "GoldEvent", "Scores", "coarse_type", "evaluate_coders", "evaluate_notes",
           "format_comparison", "format_table", "km", "macro_f1", "main_event", "norm_actor", "read_acled", "sample"]
