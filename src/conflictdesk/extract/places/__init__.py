"""The places stage: place mentions resolved against the gazetteer (see `stage.py`)."""
from .stage import resolve_places

__all__ = ["resolve_places"]
