"""Event coders that use the event-type classifier `conflictdesk train` makes (TF-IDF + logistic regression).

    tfidf-lr.v1    the classifier alone: the document is one event report, as an ACLED note is;
                   its lead (whole sentences, up to LEAD_CHARS) is read and is the evidence
    rules+clf.v1   the rules' events, each with the classifier's probability for its type (read
                   from the event's evidence) as its confidence; a document the rules find no
                   event in gets the classifier's event instead

The classifier tells the event type only: a classifier event has no sub-event type (""), and
no actors, place, date or fatalities (unknown stays null). A model trained on ACLED's pre-2019
taxonomy says "Protests or Riots"; ACLED codes a demonstration a protest unless its participants
are violent, which the classifier does not see, so that label is coded "Protests".
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import Code, ConfigError
from ...model.textclf import TextClassifier, default_model_path
from ...records import Document, Event, Findings, Span
from ...taxonomy import SUB_EVENT_TYPES
from .coders import RulesCoder

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge import KnowledgeBase

LEAD_CHARS = 1000
# a model's label -> the ACLED event type it codes (labels that are event types code themselves)
LABEL_EVENT_TYPE = {"Protests or Riots": "Protests"}
# an event type -> the label a model trained on the pre-2019 taxonomy gives it
EVENT_TYPE_LABEL = {"Protests": "Protests or Riots", "Riots": "Protests or Riots"}


def _event_type(label: str) -> str | None:
    event_type = LABEL_EVENT_TYPE.get(label, label)
    return event_type if event_type in SUB_EVENT_TYPES else None


def _load(path: Path | None) -> TextClassifier:
    target = path or default_model_path()
    model = TextClassifier.load(target)
    unknown = [label for label in model.labels if _event_type(label) is None]
    if unknown:
        raise ConfigError(f"{target}: labels {', '.join(map(repr, unknown))} are not ACLED event types",
                          code=Code.MODEL_FILE)
    return model


def lead(doc: Document, parsed: "Doc") -> Span | None:
    """The document's first sentences, whole, up to LEAD_CHARS (at least one); None for no text."""
    start = end = None
    for sent in parsed.sents:
        text = sent.text.strip()
        if not text:
            continue
        s = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        e = s + len(text)
        if start is None:
            start = s
        elif e - start > LEAD_CHARS:
            break
        end = e
    if start is None or end is None:
        return None
    return Span.of(doc.text, start, end)


class ClassifierCoder:
    """The classifier alone: one event per document, of the type the model gives its lead."""

    name = "tfidf-lr.v1"

    def __init__(self, model: TextClassifier) -> None:
        self.model = model

    @classmethod
    def from_file(cls, model: Path | None = None) -> "ClassifierCoder":
        """The coder over the model saved at `model` (default: where `conflictdesk train` saves it)."""
        return cls(_load(model))

    def __call__(self, doc: Document, parsed: "Doc", findings: Findings, *,
                 kb: "KnowledgeBase | None") -> list[Event]:
        evidence = lead(doc, parsed)
        if evidence is None:
            return []
        label, probability = self.model.predict([evidence.text])[0]
        return [Event(id=f"{doc.id}-ev1", event_type=_event_type(label) or label, sub_event_type="",
                      evidence=evidence, rule=ClassifierCoder.name, coder=self.name, confidence=round(probability, 4))]


class RulesWithClassifier:
    """The rules' events with the classifier's confidence in their type; the classifier's event
    for a document the rules find none in."""

    name = "rules+clf.v1"

    def __init__(self, model: TextClassifier) -> None:
        self.rules = RulesCoder()
        self.classifier = ClassifierCoder(model)
        self.model = model

    @classmethod
    def from_file(cls, model: Path | None = None) -> "RulesWithClassifier":
        return cls(_load(model))

    def __call__(self, doc: Document, parsed: "Doc", findings: Findings, *,
                 kb: "KnowledgeBase | None") -> list[Event]:
        events = self.rules(doc, parsed, findings, kb=kb)
        if not events:
            events = self.classifier(doc, parsed, findings, kb=kb)
        else:
            columns = {label: j for j, label in enumerate(self.model.labels)}
            rows = self.model.predict_proba([ev.evidence.text for ev in events])
            for ev, row in zip(events, rows):
                j = columns.get(ev.event_type, columns.get(EVENT_TYPE_LABEL.get(ev.event_type, "")))
                ev.confidence = None if j is None else round(float(row[j]), 4)
        for ev in events:
            ev.coder = self.name
        return events
