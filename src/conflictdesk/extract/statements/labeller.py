"""The learned point labeller: a small TF-IDF + softmax model beside the cue rules of `cues.py`.

The model (`data/models/point_labels.npz`, made by `tools/train_point_labels.py` from the project's
hand-labelled dev points) reads what the stage knows of a point when it labels it: the point's words,
and pseudo-words for how it was reported (`PointInput`: the shape of speech, the reporting verb that
introduced it, what a list's introduction lends, whether a party to the conflict speaks it). How its
label is combined with the rules' labels (`mode`, `threshold`) was chosen by cross-validation by
article on dev and is kept in the model file with it:

* `rules`: the rules' labels (the model is not used);
* `model`: the model's label;
* `override`: the model's label where its probability is at least `threshold`, else the rules';
* `add`: the rules' labels, plus the model's label where its probability is at least `threshold`
  (an `other` is dropped beside another label, as the rules do).

A label the model gave is recorded in the point's cues as `model.point_labels` (the rules' own cue ids
stay), so each point still says where its labels came from.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...config import DATA_DIR
from ...errors import Code, ConfigError
from ...model.textclf import TextClassifier
from ...records import POINT_LABELS

MODEL_PATH = DATA_DIR / "models" / "point_labels.npz"
MODES = ("rules", "model", "override", "add")
PROVENANCE = "model.point_labels"
_NOT_WORD = re.compile(r"[^a-z]+")


@dataclass(frozen=True, slots=True)
class PointInput:
    """What the stage knows of a point when it labels it (`start`, `end`: where it stands). `kind`: quote,
    reported, phrase, according, continuation (speech.py's shapes), list or communique; `intro` the reporting verb's lemma as it
    introduces the point (None for lists, communiqués and "according to"); `intro_label` the label a
    list's introduction lends; `party`/`armed_group` the speaker's voice (syntax.Voice), when known."""

    text: str
    start: int
    end: int
    kind: str
    intro: str | None = None
    intro_label: str | None = None
    party: bool = False
    armed_group: bool = False
    rule_labels: tuple[str, ...] = ()


def _word(value: str) -> str:
    return _NOT_WORD.sub("-", value.lower()).strip("-")


def model_text(point: PointInput) -> str:
    """The text the model reads: the point's words, then pseudo-words (letters and hyphens, which the
    classifier's tokenizer keeps whole) for how it was reported."""
    marks = [f"zkind-{_word(point.kind)}"]
    if point.intro:
        marks.append(f"zintro-{_word(point.intro)}")
    if point.intro_label:
        marks.append(f"zlent-{_word(point.intro_label)}")
    if point.party:
        marks.append("zvoice-armed" if point.armed_group else "zvoice-party")
    return point.text + " \n " + " ".join(marks)


@dataclass(frozen=True, slots=True)
class PointLabeller:
    """The model and how its label joins the rules' (`mode`, `threshold`; see the module's docstring)."""

    model: TextClassifier | None
    mode: str = "rules"
    threshold: float = 0.0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"point labeller mode {self.mode!r} is not one of {', '.join(MODES)}",
                              code=Code.MODEL_FILE)
        if self.mode != "rules" and self.model is None:
            raise ConfigError(f"point labeller mode {self.mode!r} needs a model", code=Code.MODEL_FILE)

    def label(self, points: Sequence[PointInput]) -> list[tuple[list[str], bool]]:
        """Each point's labels (in POINT_LABELS order) and whether the model gave one of them."""
        if self.mode == "rules" or self.model is None or not points:
            return [(list(p.rule_labels) or ["other"], False) for p in points]
        predicted = self.model.predict([model_text(p) for p in points])
        return [combine(list(p.rule_labels) or ["other"], label, prob, self.mode, self.threshold)
                for p, (label, prob) in zip(points, predicted)]


def combine(rules: list[str], label: str, prob: float, mode: str, threshold: float) -> tuple[list[str], bool]:
    """The labels of one point from the rules' labels and the model's best label with its probability."""
    if mode == "model" or (mode == "override" and prob >= threshold):
        return [label], label not in rules
    if mode == "add" and prob >= threshold and label not in rules:
        labels = [lab for lab in rules + [label] if lab != "other"] or ["other"]
        return sorted(labels, key=POINT_LABELS.index), label in labels
    return rules, False


RULES_ONLY = PointLabeller(None, "rules")


def read_labeller(path: Path) -> PointLabeller:
    """The labeller a model file holds (its mode and threshold are in the file's settings)."""
    if not path.is_file():
        raise ConfigError(f"no point-label model at {path} (make it with tools/train_point_labels.py)",
                          code=Code.MODEL_FILE)
    model = TextClassifier.load(path)
    settings = model.meta.get("point_labels")
    if not isinstance(settings, dict) or "mode" not in settings:
        raise ConfigError(f"{path} is not a point-label model (no point_labels settings)", code=Code.MODEL_FILE)
    unknown = set(model.labels) - set(POINT_LABELS)
    if unknown:
        raise ConfigError(f"{path}: labels {sorted(unknown)} are not point labels", code=Code.MODEL_FILE)
    try:
        threshold = float(settings.get("threshold", 0.0))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: threshold {settings.get('threshold')!r} is not a number",
                          code=Code.MODEL_FILE) from exc
    return PointLabeller(model, str(settings["mode"]), threshold)


@functools.lru_cache(maxsize=4)
def _cached(path: Path, stamp: float) -> PointLabeller:
    return read_labeller(path)


def load_labeller(path: Path | None = None) -> PointLabeller:
    """The shipped point-label model (or the one at `path`), read once and kept while the file is unchanged."""
    path = Path(path) if path is not None else MODEL_PATH
    stamp = path.stat().st_mtime if path.exists() else 0.0
    return _cached(path, stamp)
