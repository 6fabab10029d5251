"""Running the stages over one parsed document, and over a stream of documents in this process.

    extraction = extract_parsed(doc, parsed, kb=kb, coder=coder)        # raises what a stage raises
    for item in extract_serial(docs, nlp=nlp, kb=kb, coder=coder):      # Extraction | Failure
        ...

`pipeline.py` (the public face, which also picks serial or parallel extraction) and
`parallel.py` (whose workers run `extract_serial` over their chunks) both build on this module.
A failing document becomes a `Failure` whose `stage` names the stage that raised
("language", "actors", "places", "dates", "quantities", "events", "statements").
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import ConflictDeskError, ExtractionError, UnsupportedLanguageError
from ..nlp.parse import parse_texts
from ..records import Actor, Document, Event, Extraction, Failure, Findings, Statement
from .actors import actor_from_entry, extract_actors
from .dates import extract_dates
from .events.coders import EventCoder, RulesCoder
from .events.stage import told_as_news, told_in_passing
from .places import resolve_places
from .quantities import extract_quantities
from .statements import extract_statements

SUPPORTED_LANGUAGES = ("en", None)  # None: undetected (very short text); treated as English

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..knowledge import KnowledgeBase
    from .statements.labeller import PointLabeller


class _Stages:
    """The stages in order over one document, remembering which one runs (a Failure's stage)."""

    def __init__(self) -> None:
        self.current = "extract"

    def run(self, doc: Document, parsed: "Doc", *, kb: "KnowledgeBase", coder: EventCoder | None,
            labeller: "PointLabeller | None" = None) -> Extraction:
        self.current = "language"
        if doc.language not in SUPPORTED_LANGUAGES:
            raise UnsupportedLanguageError(
                f"document {doc.id} is in language {doc.language!r}; extraction supports English only "
                "(ingest still stores it, searchable)")
        self.current = "actors"
        actors, people, relations = extract_actors(doc, parsed, kb=kb)
        self.current = "places"
        places = resolve_places(doc, parsed, kb=kb)
        self.current = "dates"
        dates = extract_dates(doc, parsed)
        self.current = "quantities"
        quantities = extract_quantities(doc, parsed)
        self.current = "events"
        coder = coder or RulesCoder()
        findings = Findings(actors=tuple(actors), people=tuple(people), relations=tuple(relations),
                            places=tuple(places), dates=tuple(dates), quantities=tuple(quantities))
        events = coder(doc, parsed, findings, kb=kb)
        for ev in events:
            ev.coder = ev.coder or coder.name
        self.current = "statements"
        statements = extract_statements(doc, parsed, kb=kb, actors=actors, people=people, dates=dates,
                                        labeller=labeller,
                                        events=sum(1 for ev in events if not told_in_passing(ev)),
                                        news=[(ev.evidence.start, ev.evidence.end) for ev in events
                                              if told_as_news(ev, doc.published)])
        self.current = "actors"
        actors = actors + referenced_actors(actors, events, statements, kb=kb)
        return Extraction(document=doc, actors=actors, people=people, relations=relations, events=events,
                          statements=statements, places=places, dates=dates, quantities=quantities)


def extract_parsed(doc: Document, parsed: "Doc", *, kb: "KnowledgeBase",
                   coder: EventCoder | None = None, labeller: "PointLabeller | None" = None) -> Extraction:
    """All stages over a document already parsed by the language pipeline; events by `coder`
    (default: the rules, `rules.v1`), statement points' labels by `labeller` (default: the shipped model
    with the rules, `statements/labeller.py`; tools/train_point_labels.py passes its own)."""
    return _Stages().run(doc, parsed, kb=kb, coder=coder, labeller=labeller)


def extract_or_fail(doc: Document, parsed: "Doc", *, kb: "KnowledgeBase", coder: EventCoder | None = None,
                    strict: bool = False) -> Extraction | Failure:
    """`extract_parsed`, with an exception turned into a Failure naming the stage that raised it
    (with `strict=True` it propagates instead)."""
    stages = _Stages()
    try:
        return stages.run(doc, parsed, kb=kb, coder=coder)
    except ConflictDeskError as exc:
        if strict:
            raise
        return Failure(origin=doc.origin or doc.id, stage=stages.current, code=exc.code, message=exc.message,
                       document_id=doc.id)
    except Exception as exc:  # a bug in a stage must not stop the batch; it is recorded, not hidden
        if strict:
            raise
        return Failure(origin=doc.origin or doc.id, stage=stages.current, code=ExtractionError.code,
                       message=f"{type(exc).__name__}: {exc}", document_id=doc.id)


def extract_serial(docs: Iterable[Document], *, nlp: "Language", kb: "KnowledgeBase",
                   coder: EventCoder | None = None, batch_size: int = 32, n_process: int = 1,
                   strict: bool = False) -> Iterator[Extraction | Failure]:
    """Extract from many documents in this process, parsing them in batches with `nlp.pipe` (a
    long document in parts; one the language pipeline refuses is a Failure of stage "language",
    see `nlp/parse.py`)."""
    pairs = ((d.text, d) for d in docs)
    for parsed, doc in parse_texts(nlp, pairs, batch_size=batch_size, n_process=n_process):
        if not isinstance(parsed, ConflictDeskError):
            yield extract_or_fail(doc, parsed, kb=kb, coder=coder, strict=strict)
        elif strict:
            raise parsed
        else:
            yield Failure(origin=doc.origin or doc.id, stage="language", code=parsed.code, message=parsed.message,
                          document_id=doc.id)


def referenced_actors(actors: list[Actor], events: list[Event], statements: list[Statement], *,
                      kb: "KnowledgeBase") -> list[Actor]:
    """Knowledge-base actors that events or statements name without a mention of their own.

    An event coder maps "three American soldiers" to the US military and "a civilian" to
    Civilians (Country); the contract wants every actor id used to be listed in `actors`.
    Such actors carry no mentions: the event's evidence span is where the text supports them.
    """
    present = {a.id for a in actors}
    wanted: list[str] = []
    for ev in events:
        wanted += [ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2]
    wanted += [st.actor for st in statements]
    added: list[Actor] = []
    for actor_id in wanted:
        if not actor_id or actor_id in present:
            continue
        present.add(actor_id)
        entry = kb.actors.get(actor_id)
        if entry is None:
            # an id no stage listed (e.g. a generic actor the knowledge base lacks): listed as unknown,
            # named by its id, so that every id an event uses resolves in `actors`
            added.append(Actor(id=actor_id, name=actor_id, type="unknown", known=False))
            continue
        added.append(actor_from_entry(entry))
    return added
