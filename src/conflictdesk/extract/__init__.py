"""Extraction stages: pure functions from a Document and its parse to records.

    from conflictdesk.extract import extract_document, extract_documents
    extraction = extract_document(doc, nlp=nlp, kb=kb)                      # events by "rules.v1"
    extraction = extract_document(doc, nlp=nlp, kb=kb, coder="rules+clf.v1")

Each stage is importable from here or from its own module / package (`extract.events`,
`extract.statements`, `extract.places`, `extract.actors`, `extract.dates`, `extract.quantities`).
"""
from .actors import extract_actors
from .dates import extract_dates
from .events import DEFAULT_EVENT_CODER, EventCoder, event_coder_names, extract_events, load_event_coder
from .pipeline import extract_document, extract_documents, extract_parsed
from .places import resolve_places
from .quantities import extract_quantities
from .relations import find_text_relations
from .statements import extract_statements

__all__ = ["DEFAULT_EVENT_CODER", "EventCoder", "event_coder_names", "extract_actors", "extract_dates",
           "extract_document", "extract_documents", "extract_events", "extract_parsed", "extract_quantities",
           "extract_statements", "find_text_relations", "load_event_coder", "resolve_places"]
