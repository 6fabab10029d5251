"""The learned point labeller: the shipped model, how its label joins the rules', bad model files."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conflictdesk.errors import ConfigError
from conflictdesk.extract.runner import extract_parsed
from conflictdesk.extract.statements.labeller import (MODEL_PATH, PROVENANCE, RULES_ONLY, PointInput, PointLabeller,
                                                      combine, load_labeller, model_text, read_labeller)
from conflictdesk.ingest import read_file
from conflictdesk.model.textclf import TextClassifier
from conflictdesk.nlp.parse import parse_text
from conflictdesk.records import POINT_LABELS


def _best(point: PointInput) -> str:
    model = load_labeller().model
    assert model is not None
    return model.predict([model_text(point)])[0][0]


def test_shipped_model_loads_with_its_settings():
    labeller = load_labeller()
    assert MODEL_PATH.is_file() and MODEL_PATH.stat().st_size < 2_000_000
    assert labeller.model is not None and set(labeller.model.labels) <= set(POINT_LABELS)
    assert labeller.mode in ("rules", "model", "override", "add")
    assert labeller.model.meta["point_labels"]["trained_on"] == "dev gold points"
    assert load_labeller() is labeller                      # read once


def test_shipped_model_labels_plain_examples():
    assert _best(PointInput("The group denied any role in the attack", 0, 40, "phrase", "deny")) == "denial"
    assert _best(PointInput("We will strike again if the occupation does not leave our land", 0, 60, "quote",
                            "warn")) == "threat"
    assert _best(PointInput("ten people were killed in the blast", 0, 35, "reported", "say")) == "other"


def test_pseudo_words_survive_the_tokenizer():
    text = model_text(PointInput("calm", 0, 4, "according", intro="brush off", intro_label="de_escalation",
                                 party=True, armed_group=True))
    assert text.endswith("zkind-according zintro-brush-off zlent-de-escalation zvoice-armed")


@pytest.mark.parametrize("mode, prob, expected, by_model", [
    ("rules", 0.99, ["denial"], False),
    ("model", 0.10, ["threat"], True),
    ("override", 0.50, ["denial"], False),              # below the threshold: the rules
    ("override", 0.80, ["threat"], True),
    ("add", 0.80, ["threat", "denial"], True),          # in POINT_LABELS order
])
def test_combine(mode, prob, expected, by_model):
    assert combine(["denial"], "threat", prob, mode, 0.7) == (expected, by_model)


def test_add_drops_other_beside_a_label():
    assert combine(["other"], "demand", 0.9, "add", 0.5) == (["demand"], True)
    assert combine(["demand"], "other", 0.9, "add", 0.5) == (["demand"], False)


def test_missing_model_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError) as err:
        load_labeller(tmp_path / "point_labels.npz")
    assert err.value.code == "E904" and "train_point_labels" in err.value.message


def test_corrupt_model_is_a_config_error(tmp_path: Path):
    bad = tmp_path / "point_labels.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ConfigError) as err:
        read_labeller(bad)
    assert err.value.code == "E904"


def test_model_without_settings_or_with_a_bad_mode_is_refused(tmp_path: Path):
    path = tmp_path / "m.npz"
    model = TextClassifier(["other", "threat"], {"strike": 0}, np.ones(1), np.zeros((2, 2)))
    model.save(path)
    with pytest.raises(ConfigError, match="no point_labels settings"):
        read_labeller(path)
    model.meta = {"point_labels": {"mode": "vote"}}
    model.save(path)
    with pytest.raises(ConfigError) as err:
        read_labeller(path)
    assert err.value.code == "E904"


def test_the_model_changes_labels_never_points(nlp, kb, seed_path: Path):
    doc = next(d for d in read_file(seed_path) if not hasattr(d, "stage"))
    model_only = PointLabeller(load_labeller().model, "model")
    by_rules = extract_parsed(doc, parse_text(nlp, doc.text), kb=kb, labeller=RULES_ONLY)
    by_model = extract_parsed(doc, parse_text(nlp, doc.text), kb=kb, labeller=model_only)
    rules_points = [p for s in by_rules.statements for p in s.points]
    model_points = [p for s in by_model.statements for p in s.points]
    assert [(p.start, p.end) for p in rules_points] == [(p.start, p.end) for p in model_points]
    assert all(len(p.labels) == 1 for p in model_points)
    for ruled, modelled in zip(rules_points, model_points):
        assert (PROVENANCE in modelled.cues) == (modelled.labels[0] not in ruled.labels)
        assert set(ruled.cues) <= set(modelled.cues)            # the rules' cues stay, to say what they read
