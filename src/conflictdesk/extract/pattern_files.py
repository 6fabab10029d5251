"""Reading the shipped pattern files of conflictdesk/data/patterns/ (used by several stages)."""
from __future__ import annotations

from importlib import resources
from typing import Any

from ..errors import Code, ExtractionError
from ..yamlfile import YamlError, read_yaml

PATTERN_FILE_CODE = Code.PATTERN_FILE     # a pattern file that does not load or does not compile


def read_pattern_file(name: str) -> dict[str, Any]:
    """A YAML mapping from conflictdesk/data/patterns/; E410 when it is missing or malformed."""
    path = resources.files("conflictdesk") / "data" / "patterns" / name
    try:
        doc = read_yaml(path, origin=name)
    except YamlError as exc:
        raise ExtractionError(f"pattern file {name} does not load: {exc}", code=PATTERN_FILE_CODE) from exc
    if doc.problems:
        raise ExtractionError(f"pattern file {name} does not load: {'; '.join(map(str, doc.problems))}", code=PATTERN_FILE_CODE)
    if not isinstance(doc.value, dict):
        raise ExtractionError(f"pattern file {name} is not a mapping", code=PATTERN_FILE_CODE)
    return doc.value
