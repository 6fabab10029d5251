"""The events stage: ACLED-coded events from a document's parse (see `stage.py`)."""
from .stage import extract_events

__all__ = ["extract_events"]
