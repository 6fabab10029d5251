"""tools/train_event_types.py: sentences labelled by the gold events whose evidence cites them."""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _tool() -> ModuleType:
    if "train_event_types" not in sys.modules:
        spec = importlib.util.spec_from_file_location("train_event_types", REPO / "tools" / "train_event_types.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["train_event_types"] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules["train_event_types"]


TEXT = ("Gunmen killed five villagers in Kano on Monday. Police said the attackers fled.\n"
        "Separately,   the army  shelled rebel positions near Goma. No one claimed the attack.")


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SENTENCE.finditer(text) if m.group().strip()]


def test_evidence_parts_joined_by_an_ellipsis_are_each_found():
    tool = _tool()
    ranges = tool.evidence_ranges(TEXT, "Gunmen killed five villagers in Kano on Monday. ... the army shelled rebel "
                                        "positions near Goma.", _spans(TEXT))
    assert [TEXT[a:b] for a, b in ranges] == ["Gunmen killed five villagers in Kano on Monday.",
                                              "the army  shelled rebel positions near Goma."]


def test_evidence_not_verbatim_is_the_sentence_holding_most_of_its_words():
    tool = _tool()
    ranges = tool.evidence_ranges(TEXT, "Police said that the attackers fled", _spans(TEXT))
    assert [TEXT[a:b].strip() for a, b in ranges] == ["Police said the attackers fled."]
    assert tool.evidence_ranges(TEXT, "Nothing of this kind is in the text at all", _spans(TEXT)) == []


def test_sentences_carry_the_gold_types_citing_them_and_the_rules_events_told_in_them():
    tool = _tool()
    article = {"text": TEXT, "events": [
        {"event_type": "Violence against civilians", "evidence": "Gunmen killed five villagers in Kano on Monday."},
        {"event_type": "Explosions/Remote violence", "evidence": "the army shelled rebel positions near Goma."}]}
    shelled = TEXT.index("Separately")
    rules = [{"event_type": "Battles", "evidence": {"start": shelled, "end": shelled + 20}}]
    sents = tool.article_sentences(article, _spans(TEXT), rules)
    assert [(s.gold, s.rules) for s in sents] == [({"Violence against civilians"}, []), (set(), []),
                                                  ({"Explosions/Remote violence"}, [0]), (set(), [])]
    # the perfect model of those labels: "none" for an uncited sentence, 1 for each type citing one
    p = tool.oracle(sents)
    assert p[1, tool.LABELS.index("none")] == 1.0 and p[2, tool.LABELS.index("Explosions/Remote violence")] == 1.0


def test_retype_changes_one_doubted_event_and_drop_removes_sentences_told_as_none():
    tool = _tool()
    article = {"text": TEXT, "events": []}
    rules = [{"event_type": "Battles", "evidence": {"start": 0, "end": 10}}]
    sents = tool.article_sentences(article, _spans(TEXT), rules)
    p = np.zeros((len(sents), len(tool.LABELS)))
    p[0, tool.LABELS.index("Violence against civilians")] = 0.8
    p[0, tool.LABELS.index("Battles")] = 0.05
    events, n = tool.retype(0.1, 0.5)(rules, sents, p)
    assert n == 1 and events[0]["event_type"] == "Violence against civilians" and rules[0]["event_type"] == "Battles"
    p[0, tool.LABELS.index("none")] = 0.95
    assert tool.drop(0.9)(rules, sents, p) == ([], 1)


def test_every_dev_gold_event_is_found_in_its_article(shared_dir):
    tool = _tool()
    gold = tool.load_gold("dev")
    lost = [(g["id"], ev["evidence"][:60]) for g in gold for ev in g.get("events") or []
            if not tool.evidence_ranges(g["text"], ev["evidence"], _spans(g["text"]))]
    assert gold and not lost, lost
