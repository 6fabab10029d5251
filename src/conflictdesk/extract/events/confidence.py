"""How likely a rules event is right: a small model over what the coder knows of it.

    confidence = load_event_confidence()                      # the shipped model, loaded once
    events = confidence.apply(events, doc, parsed, findings, kb=kb)

Each event gets `confidence`, the model's probability that it pairs with an event an annotator coded
(same event type and country, date within two days: the rule of ../shared/acceptance/score_articles.py).
Events below the model's threshold are dropped; a threshold of 0 drops none (the confidence is still
there for an analyst to sort or filter by). The threshold is chosen by cross-validation by article
when the model is trained (tools/train_event_confidence.py) and kept in the model file.

The model is `model/textclf.py`'s TF-IDF + logistic regression over one text per event: pseudo-words
("xtype-battles", "xsent-first", "xreport-yes") for what the coder knows (type, rule, status,
salience, actors' kinds, place, date, position in the article, ...), and the words of its evidence
when the model was trained with them (its header's "words"; training chooses by cross-validation).
`event_features` makes both; training calls it on the same records, so the two never differ.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...config import DATA_DIR
from ...errors import Code, ConfigError
from ...model.textclf import TextClassifier
from ...records import Document, Event, Findings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge import KnowledgeBase

RIGHT, WRONG = "right", "wrong"
LABELS = [RIGHT, WRONG]
# verbs that tell someone's account of an event, not the event ("officials said", "accused")
REPORTING_LEMMAS = frozenset({"say", "tell", "report", "claim", "accuse", "announce", "state", "add", "allege",
                              "deny", "confirm", "warn", "according", "describe", "recall"})
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
QUOTES = ('"', "\u201c", "\u201d")
NAME_CHARS = re.compile(r"[^a-z]+")


def shipped_model_path() -> Path:
    """Where the shipped model lives (conflictdesk/data/models/event_confidence.npz, beside the point labeller's)."""
    return DATA_DIR / "models" / "event_confidence.npz"


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """What the model reads of one event: its evidence's words and the coder's pseudo-words."""

    words: str
    coded: str

    def text(self, *, words: bool) -> str:
        return f"{self.words} {self.coded}" if words else self.coded


@dataclass(frozen=True, slots=True)
class EventConfidence:
    """The model, the threshold below which an event is dropped (0: none is) and whether the model
    reads the evidence's words besides the pseudo-words."""

    model: TextClassifier
    threshold: float
    words: bool

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        """The probability that each event (given as its `event_features` text) is right."""
        if not texts:
            return []
        column = self.model.labels.index(RIGHT)
        return [float(row[column]) for row in self.model.predict_proba(texts)]

    def apply(self, events: list[Event], doc: Document, parsed: "Doc", findings: Findings, *,
              kb: "KnowledgeBase | None") -> list[Event]:
        """The events with their `confidence` set, those below the threshold left out."""
        texts = [f.text(words=self.words) for f in event_features(events, doc, parsed, findings, kb=kb)]
        probabilities = self.probabilities(texts)
        for ev, p in zip(events, probabilities):
            ev.confidence = round(p, 4)
        return [ev for ev, p in zip(events, probabilities) if p >= self.threshold]


def load_event_confidence(path: Path | None = None) -> EventConfidence:
    """The model at `path` (default: the shipped one), loaded once per path. E904 when it is missing,
    is no model file, or is not an event-confidence model."""
    return _load(str(path or shipped_model_path()))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> EventConfidence:
    target = Path(path)
    if not target.is_file():
        raise ConfigError(f"no event confidence model at {target} (train it with tools/train_event_confidence.py)",
                          code=Code.MODEL_FILE)
    model = TextClassifier.load(target)
    threshold, words = model.meta.get("threshold"), model.meta.get("words")
    if sorted(model.labels) != LABELS or model.meta.get("kind") != "event_confidence":
        raise ConfigError(f"{target} is not an event confidence model (labels {model.labels})", code=Code.MODEL_FILE)
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"{target}: threshold {threshold!r} is not a probability", code=Code.MODEL_FILE)
    if model.weights.shape != (len(model.vocabulary) + 1, len(LABELS)) or model.idf.shape != (len(model.vocabulary),):
        raise ConfigError(f"{target}: its weights do not fit its vocabulary of {len(model.vocabulary)} terms",
                          code=Code.MODEL_FILE)
    if not isinstance(words, bool):
        raise ConfigError(f"{target}: \"words\" {words!r} is not true or false", code=Code.MODEL_FILE)
    return EventConfidence(model=model, threshold=float(threshold), words=words)


def event_features(events: Sequence[Event], doc: Document, parsed: "Doc", findings: Findings, *,
                   kb: "KnowledgeBase | None") -> list[EventFeatures]:
    """What the model reads of each event: its evidence's words, and pseudo-words for what the coder knows."""
    sents = [s for s in parsed.sents if s.text.strip()]
    starts = [s.start_char for s in sents]
    kinds = {a.id: a.type for a in findings.actors}
    found = []
    for n, ev in enumerate(events):
        k = max(0, bisect.bisect_right(starts, ev.evidence.start) - 1)
        sent = sents[k] if sents else None
        coded = [
            _word("type", ev.event_type), _word("sub", ev.sub_event_type), _word("rule", ev.rule),
            _word("status", ev.status), _word("salience", ev.salience),
            _word("actora", _kind(ev.actor1, kinds, kb)), _word("actorb", _kind(ev.actor2, kinds, kb)),
            _word("place", _place(ev)), _word("date", _date(ev)), _word("ago", _ago(ev, doc.published)),
            _word("toll", _toll(ev.fatalities)), _word("count", _count(ev)),
            _word("sent", _position(k)), _word("order", _position(n)), _word("events", _many(len(events))),
        ]
        if ev.country is None:
            coded.append("xcountry-none")
        if ev.assoc_actor_1 or ev.assoc_actor_2:
            coded.append("xassoc-yes")
        if ev.civilian_targeting:
            coded.append("xcivilian-yes")
        if sent is not None and any(t.lemma_.lower() in REPORTING_LEMMAS for t in sent):
            coded.append("xreport-yes")
        if any(q in ev.evidence.text for q in QUOTES):
            coded.append("xquote-yes")
        if doc.published and any(int(y) < doc.published.year for y in YEAR.findall(ev.evidence.text)):
            coded.append("xyear-past")
        if any(_same_incident(ev, other) for other in events[:n]):
            coded.append("xdup-yes")     # the scorer pairs a gold event once: a second telling costs
        found.append(EventFeatures(words=ev.evidence.text, coded=" ".join(coded)))
    return found


def _word(name: str, value: str | None) -> str:
    """A pseudo-word the classifier's tokenizer keeps whole ("xsub-armed-clash"; no digits: they split a word)."""
    return f"x{name}-" + (NAME_CHARS.sub("-", value.lower()).strip("-") if value else "none")


def _kind(actor_id: str | None, kinds: dict[str, str], kb: "KnowledgeBase | None") -> str | None:
    if actor_id is None:
        return None
    entry = kb.actors.get(actor_id) if kb is not None else None
    return entry.type if entry is not None else kinds.get(actor_id, "other")


def _place(ev: Event) -> str:
    if ev.location is None:
        return "none"
    return {1: "exact", 2: "near", 3: "region"}.get(ev.geo_precision or 0, "named")


def _date(ev: Event) -> str:
    if ev.event_month is not None:
        return "month"
    if ev.event_date is None:
        return "none"
    return {1: "day", 2: "week", 3: "month"}.get(ev.time_precision or 0, "day")


def _ago(ev: Event, published: dt.date | None) -> str:
    when = ev.placed_on
    if when is None or published is None:
        return "unknown"
    days = (published - when).days
    if days < 0:
        return "future"
    return "same" if days == 0 else "days" if days <= 3 else "week" if days <= 10 else \
        "month" if days <= 45 else "older"


def _toll(fatalities: int | None) -> str:
    if fatalities is None:
        return "none"
    return "zero" if fatalities == 0 else "few" if fatalities < 10 else "many"


def _count(ev: Event) -> str:
    if ev.count is None:
        return "none"
    return "one" if ev.count.value < 2 else "few" if ev.count.value < 10 else "many"


def _position(index: int) -> str:
    return ("first", "second", "third")[index] if index < 3 else "early" if index < 6 else "later"


def _many(count: int) -> str:
    return "one" if count == 1 else "few" if count <= 3 else "several" if count <= 7 else "many"


def _same_incident(ev: Event, other: Event) -> bool:
    if ev.event_type != other.event_type or ev.country != other.country:
        return False
    a, b = ev.placed_on, other.placed_on
    return a is None or b is None or abs((a - b).days) <= 2

