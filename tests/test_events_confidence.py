"""The event-confidence model (extract/events/confidence.py): the shipped file loads once, a missing or
foreign one is E904, and the rules coder's events on real dev articles carry a probability in [0, 1]
while the articles' main incidents are kept (tools/train_event_confidence.py trains it)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from conflictdesk.errors import Code, ConfigError
from conflictdesk.extract.events.coders import RulesCoder
from conflictdesk.extract.events.confidence import load_event_confidence, shipped_model_path
from conflictdesk.extract.pipeline import extract_document
from conflictdesk.model.textclf import train_text_classifier
from conflictdesk.records import Document

# dev articles of the annotated set (news-2016 rows) and words of the evidence of their main incident
MAIN_INCIDENTS = {387: "claimed responsibility for a suicide car bombing",
                  3067: "Iraqi government forces fought Islamic State militants near Falluja"}


def test_the_shipped_model_loads_once_and_is_small() -> None:
    confidence = load_event_confidence()
    assert confidence is load_event_confidence()             # cached: loaded once per path
    assert sorted(confidence.model.labels) == ["right", "wrong"]
    assert 0.0 <= confidence.threshold <= 1.0 and isinstance(confidence.words, bool)
    assert shipped_model_path().stat().st_size < 2_000_000


def test_a_missing_or_foreign_model_file_is_e904(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_event_confidence(tmp_path / "missing.npz")
    assert info.value.code == Code.MODEL_FILE and "train_event_confidence" in info.value.message
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"PK\x03\x04 not a zip at all")
    with pytest.raises(ConfigError) as info:
        load_event_confidence(garbage)
    assert info.value.code == Code.MODEL_FILE
    # a model file of another kind (the event-type classifier's labels, no threshold)
    other = tmp_path / "event_type.npz"
    train_text_classifier(["troops shelled the town", "protesters marched"] * 2, ["Battles", "Protests"] * 2).save(other)
    with pytest.raises(ConfigError) as info:
        load_event_confidence(other)
    assert info.value.code == Code.MODEL_FILE and "not an event confidence model" in info.value.message


def test_a_threshold_that_is_no_probability_or_weights_that_do_not_fit_are_e904(tmp_path: Path) -> None:
    model = load_event_confidence().model
    bad = tmp_path / "bad.npz"
    type(model)(model.labels, model.vocabulary, model.idf, model.weights, meta={**model.meta, "threshold": 1.5}).save(bad)
    with pytest.raises(ConfigError) as info:
        load_event_confidence(bad)
    assert info.value.code == Code.MODEL_FILE and "threshold" in info.value.message
    short = tmp_path / "short.npz"
    type(model)(model.labels, model.vocabulary, model.idf, model.weights[1:], meta=model.meta).save(short)
    with pytest.raises(ConfigError) as info:
        load_event_confidence(short)
    assert info.value.code == Code.MODEL_FILE and "do not fit" in info.value.message


@pytest.fixture(scope="module")
def articles(shared_dir: Path) -> dict[int, Document]:
    path = shared_dir / "data" / "news-2016" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("the shared news-2016 articles are not available")
    out: dict[int, Document] = {}
    with path.open(encoding="utf-8") as fh:
        for row, line in enumerate(fh):
            if row in MAIN_INCIDENTS:
                a = json.loads(line)
                out[row] = Document(id=f"news2016-{row}", text=a["text"], language="en",
                                    published=dt.date.fromisoformat(a["date"][:10]))
            if len(out) == len(MAIN_INCIDENTS):
                break
    return out


def test_rules_events_of_real_articles_get_a_probability_and_the_main_incident_stays(articles, nlp, kb) -> None:
    threshold = load_event_confidence().threshold
    for row, doc in articles.items():
        scored = extract_document(doc, nlp=nlp, kb=kb).events
        bare = extract_document(doc, nlp=nlp, kb=kb, coder=RulesCoder(scored=False)).events
        assert bare and all(ev.confidence is None for ev in bare)
        assert all(ev.coder == "rules.v1" and 0.0 <= ev.confidence <= 1.0 for ev in scored)
        # the drop leaves out only events below the threshold, and nothing else changes
        assert [ev.id for ev in scored] == [ev.id for ev in bare if ev.id in {s.id for s in scored}]
        assert all(ev.confidence >= threshold for ev in scored)
        [main] = [ev for ev in scored if MAIN_INCIDENTS[row] in ev.evidence.text]
        assert main.salience == "main" and main.confidence >= 0.5
        # the main incident is among the likeliest right of its article
        assert main.confidence >= np.median([ev.confidence for ev in scored])
