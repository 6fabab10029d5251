"""The places stage: place mentions resolved against the gazetteer.

`stage.py` (`resolve_places`) is the face; below it the candidate sources (`sources.py`, with
`curated.py` for the gazetteer's curated names), what the words around a candidate say
(`context.py`), the vetoes (`vetoes.py`) and the chooser (`chooser.py`, with `regions.py` and
`spelling.py`), all reading the wording of `wording.py` and the `Candidate` of `candidates.py`."""
from .stage import filed_from, resolve_places

__all__ = ["filed_from", "resolve_places"]
