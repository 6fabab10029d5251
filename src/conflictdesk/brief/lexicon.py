"""The named word lists of briefs and digests (`data/patterns/digest.yaml`), each compiled once as one
case-insensitive, whole-word regex: what speaks of conflict, of an organised party or a political figure,
of violence or a protest happening, of crime or a court case, of a strategic development, of now; which
headlines are in the news present; what is an opinion piece."""
from __future__ import annotations

import functools
import re

from ..errors import ExtractionError
from ..extract.pattern_files import PATTERN_FILE_CODE, read_pattern_file

LISTS = ("conflict_words", "organised_words", "political_words", "weapon_words", "violence_words", "protest_words",
         "crime_words", "court_words", "strategic_words", "current_time_words", "headline_words", "opinion_url",
         "opinion_title")


@functools.lru_cache(maxsize=1)
def words() -> dict[str, re.Pattern[str]]:
    """The digest's named word lists (data/patterns/digest.yaml), each compiled as one whole-word regex."""
    data = read_pattern_file("digest.yaml")
    out = {}
    for key in LISTS:
        items = data.get(key)
        if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
            raise ExtractionError(f"pattern file digest.yaml: {key} must be a list of regexes",
                                  code=PATTERN_FILE_CODE)
        source = "|".join(f"(?:{i})" for i in items)
        try:
            out[key] = re.compile(source if key.startswith("opinion") else rf"\b(?:{source})\b", re.IGNORECASE)
        except re.error as exc:
            raise ExtractionError(f"pattern file digest.yaml: {key}: {exc}", code=PATTERN_FILE_CODE) from exc
    return out
