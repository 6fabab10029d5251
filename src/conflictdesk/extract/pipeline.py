"""Runs the extraction stages over a document, in order, and assembles the Extraction.

The language pipeline and the knowledge base are loaded once by the caller and passed in.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import ConflictDeskError, ExtractionError, UnsupportedLanguageError
from ..records import Actor, Document, Event, Extraction, Failure, Statement
from .actors import actor_from_entry, extract_actors
from .dates import extract_dates
from .events import extract_events
from .places import resolve_places
from .quantities import extract_quantities
from .statements import extract_statements

SUPPORTED_LANGUAGES = ("en", None)  # None: undetected (very short text); treated as English

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..knowledge import KnowledgeBase


def extract_parsed(doc: Document, parsed: "Doc", *, kb: "KnowledgeBase") -> Extraction:
    """All stages over a document already parsed by the language pipeline."""
    if doc.language not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"document {doc.id} is in language {doc.language!r}; extraction supports English only "
            "(ingest still stores it, searchable)")
    actors, people, relations = extract_actors(doc, parsed, kb=kb)
    places = resolve_places(doc, parsed, kb=kb)
    dates = extract_dates(doc, parsed)
    quantities = extract_quantities(doc, parsed)
    events = extract_events(doc, parsed, kb=kb, actors=actors, people=people, places=places,
                            dates=dates, quantities=quantities)
    statements = extract_statements(doc, parsed, kb=kb, actors=actors, people=people, dates=dates)
    actors = actors + referenced_actors(actors, events, statements, kb=kb)
    return Extraction(document=doc, actors=actors, people=people, relations=relations, events=events,
                      statements=statements, places=places, dates=dates, quantities=quantities)


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


def extract_document(doc: Document, *, nlp: "Language", kb: "KnowledgeBase") -> Extraction:
    return extract_parsed(doc, nlp(doc.text), kb=kb)


def extract_documents(docs: Iterable[Document], *, nlp: "Language", kb: "KnowledgeBase",
                      batch_size: int = 32, n_process: int = 1,
                      strict: bool = False, workers: int = 1) -> Iterator[Extraction | Failure]:
    """Extract from many documents, parsing them in batches with `nlp.pipe` (streaming).

    A document whose extraction fails yields a `Failure` (stage "extract") and the batch goes
    on; with `strict=True` the exception propagates instead. With `workers` > 1 whole documents
    (parsing and every stage) are extracted in that many processes (`parallel.py`), results in
    input order; `n_process` only parallelises parsing and leaves the stages to this process.
    """
    if workers > 1:
        from .parallel import extract_parallel

        yield from extract_parallel(docs, nlp=nlp, kb=kb, workers=workers, batch_size=batch_size, strict=strict)
        return
    pairs = ((d.text, d) for d in docs)
    for parsed, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        try:
            yield extract_parsed(doc, parsed, kb=kb)
        except ConflictDeskError as exc:
            if strict:
                raise
            yield Failure(origin=doc.origin or doc.id, stage="extract", code=exc.code, message=exc.message,
                          document_id=doc.id)
        except Exception as exc:  # a bug in a stage must not stop the batch; it is recorded, not hidden
            if strict:
                raise
            yield Failure(origin=doc.origin or doc.id, stage="extract", code=ExtractionError.code,
                          message=f"{type(exc).__name__}: {exc}", document_id=doc.id)
