"""Event coders: the contract a coder meets, the rules coder, and the registry that finds one by name.

    coder = load_event_coder("rules+clf.v1", model=path)      # or "rules.v1", "tfidf-lr.v1", a plug-in's
    events = coder(doc, parsed, findings, kb=kb)

A coder is called with the document, its parse, one `Findings` record (what the stages before it
found: actors, people, relations, places, dates, quantities) and the knowledge base, and returns
the document's events, each with its evidence, `rule` (which pattern or model coded it), `coder`
(the coder's versioned name) and `confidence` (None when the coder gives no probability). A name
carries its version ("rules.v1"); a coder that codes differently gets a new one ("rules.v2").

Built-in coders are registered here; a third-party package adds one through the entry-point
group `conflictdesk.event_coders` (name = "module:factory"), where the factory takes the keyword
options it needs (`model=` for a model file) and returns the coder.
"""
from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ...errors import Code, ConfigError
from ...records import Document, Event, Findings
from .confidence import EventConfidence, load_event_confidence
from .stage import extract_events

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge import KnowledgeBase

EVENT_CODER_GROUP = "conflictdesk.event_coders"
DEFAULT_EVENT_CODER = "rules.v1"
# The built-in coders' factories, as their entry points in pyproject.toml name them.
BUILTIN_EVENT_CODERS: dict[str, str] = {
    "rules.v1": "conflictdesk.extract.events.coders:RulesCoder",
    "tfidf-lr.v1": "conflictdesk.extract.events.classifier:ClassifierCoder.from_file",
    "rules+clf.v1": "conflictdesk.extract.events.classifier:RulesWithClassifier.from_file",
}


@runtime_checkable
class EventCoder(Protocol):
    """Codes the events of one document."""

    name: str

    def __call__(self, doc: Document, parsed: "Doc", findings: Findings, *,
                 kb: "KnowledgeBase | None") -> list[Event]: ...


class RulesCoder:
    """ACLED coding by the patterns of data/patterns/events.yaml and the event stage's rules; each event's
    `confidence` the shipped event-confidence model's probability that it is right (`confidence.py`),
    and the events below the model's threshold left out. `scored=False`: the rules alone, no
    confidence (what the model is trained on)."""

    name = "rules.v1"

    def __init__(self, *, scored: bool = True) -> None:
        self.confidence: EventConfidence | None = load_event_confidence() if scored else None

    def __call__(self, doc: Document, parsed: "Doc", findings: Findings, *,
                 kb: "KnowledgeBase | None") -> list[Event]:
        events = extract_events(doc, parsed, kb=kb, actors=list(findings.actors), people=list(findings.people),
                                places=list(findings.places), dates=list(findings.dates),
                                quantities=list(findings.quantities))
        if self.confidence is not None:
            events = self.confidence.apply(events, doc, parsed, findings, kb=kb)
        for ev in events:
            ev.coder = self.name
        return events


def event_coder_names() -> list[str]:
    """Every registered coder's name: the built-ins, then those installed packages declare."""
    names = list(BUILTIN_EVENT_CODERS)
    names += sorted({ep.name for ep in metadata.entry_points(group=EVENT_CODER_GROUP)} - set(names))
    return names


def load_event_coder(name: str, *, model: Path | None = None) -> EventCoder:
    """The coder registered as `name`, made with its options (`model`: a model file, for coders
    that use one). E903 for a name nobody registered or an option the coder does not take."""
    factory = _factory(name)
    options: dict[str, Any] = {"model": model} if model is not None else {}
    if options and not _accepts(factory, "model"):
        raise ConfigError(f"event coder {name} uses no model (--model is for coders such as tfidf-lr.v1)",
                          code=Code.EVENT_CODER)
    coder = factory(**options)
    if not isinstance(coder, EventCoder) or coder.name != name:
        raise ConfigError(f"event coder {name}: its factory made {coder!r}, not a coder named {name}",
                          code=Code.EVENT_CODER)
    return coder


def uses_model(name: str) -> bool:
    """Does the coder registered as `name` take a model file?"""
    return _accepts(_factory(name), "model")


def _factory(name: str) -> Callable[..., EventCoder]:
    target = BUILTIN_EVENT_CODERS.get(name)
    if target is not None:
        module, _, attr = target.partition(":")
        obj: Any = importlib.import_module(module)
        for part in attr.split("."):
            obj = getattr(obj, part)
        return obj  # type: ignore[no-any-return]
    found = [ep for ep in metadata.entry_points(group=EVENT_CODER_GROUP) if ep.name == name]
    if not found:
        raise ConfigError(f"no event coder named {name!r}; registered: {', '.join(event_coder_names())}",
                          code=Code.EVENT_CODER)
    try:
        return found[0].load()  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"event coder {name} ({found[0].value}) does not load: {exc}",
                          code=Code.EVENT_CODER) from exc


def _accepts(factory: Callable[..., Any], option: str) -> bool:
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):  # a builtin or extension without a signature: let the call decide
        return True
    return option in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
