"""Runs the extraction stages over documents, in order, and assembles each Extraction.

    extraction = extract_document(doc, nlp=nlp, kb=kb)                      # events by rules.v1
    for item in extract_documents(docs, nlp=nlp, kb=kb, coder="rules+clf.v1", workers=2):
        ...                                                                 # Extraction | Failure

The language pipeline and the knowledge base are loaded once by the caller and passed in; the
event coder is chosen by name (see `events/coders.py`) or passed in made. The stages themselves
run in `runner.py`, the worker processes in `parallel.py`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..nlp.parse import parse_text
from ..records import Document, Extraction, Failure
from .events.coders import DEFAULT_EVENT_CODER, EventCoder, load_event_coder
from .parallel import extract_parallel
from .runner import SUPPORTED_LANGUAGES, extract_parsed, extract_serial, referenced_actors

if TYPE_CHECKING:
    from spacy.language import Language

    from ..knowledge import KnowledgeBase

__all__ = ["SUPPORTED_LANGUAGES", "event_coder", "extract_document", "extract_documents", "extract_parsed",
           "referenced_actors"]


def event_coder(coder: EventCoder | str) -> EventCoder:
    """A coder given by name (made with its default options) or already made."""
    return load_event_coder(coder) if isinstance(coder, str) else coder


def extract_document(doc: Document, *, nlp: "Language", kb: "KnowledgeBase",
                     coder: EventCoder | str = DEFAULT_EVENT_CODER) -> Extraction:
    """All stages over one document. Raises ConflictDeskError (E406: too long to parse, see
    `nlp/parse.py`)."""
    return extract_parsed(doc, parse_text(nlp, doc.text), kb=kb, coder=event_coder(coder))


def extract_documents(docs: Iterable[Document], *, nlp: "Language", kb: "KnowledgeBase",
                      coder: EventCoder | str = DEFAULT_EVENT_CODER, batch_size: int = 32, n_process: int = 1,
                      strict: bool = False, workers: int = 1) -> Iterator[Extraction | Failure]:
    """Extract from many documents, parsing them in batches with `nlp.pipe` (streaming; a long
    document in parts, `nlp/parse.py`).

    A document whose extraction fails yields a `Failure` naming the stage that failed and the
    batch goes on; with `strict=True` the exception propagates instead. With `workers` > 1 whole
    documents (parsing and every stage) are extracted in that many processes (`parallel.py`),
    results in input order; `n_process` only parallelises parsing and leaves the stages to this
    process.
    """
    made = event_coder(coder)
    if workers > 1:
        yield from extract_parallel(docs, nlp=nlp, kb=kb, coder=made, workers=workers, batch_size=batch_size,
                                    strict=strict)
        return
    yield from extract_serial(docs, nlp=nlp, kb=kb, coder=made, batch_size=batch_size, n_process=n_process,
                              strict=strict)
