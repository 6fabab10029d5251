"""Runs the extraction stages over a document, in order, and assembles the Extraction.

The language pipeline and the knowledge base are loaded once by the caller and passed in.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import ConflictDeskError, ExtractionError, UnsupportedLanguageError
from ..records import Document, Extraction, Failure
from .actors import extract_actors
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
            "(the document is still stored and searchable)")
    actors, people, relations = extract_actors(doc, parsed, kb=kb)
    places = resolve_places(doc, parsed, kb=kb)
    dates = extract_dates(doc, parsed)
    quantities = extract_quantities(doc, parsed)
    events = extract_events(doc, parsed, kb=kb, actors=actors, people=people, places=places,
                            dates=dates, quantities=quantities)
    statements = extract_statements(doc, parsed, kb=kb, actors=actors, people=people, dates=dates)
    return Extraction(document=doc, actors=actors, people=people, relations=relations, events=events,
                      statements=statements, places=places, dates=dates, quantities=quantities)


def extract_document(doc: Document, *, nlp: "Language", kb: "KnowledgeBase") -> Extraction:
    return extract_parsed(doc, nlp(doc.text), kb=kb)


def extract_documents(docs: Iterable[Document], *, nlp: "Language", kb: "KnowledgeBase",
                      batch_size: int = 32, n_process: int = 1,
                      strict: bool = False) -> Iterator[Extraction | Failure]:
    """Extract from many documents, parsing them in batches with `nlp.pipe` (streaming).

    A document whose extraction fails yields a `Failure` (stage "extract") and the batch goes
    on; with `strict=True` the exception propagates instead.
    """
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
