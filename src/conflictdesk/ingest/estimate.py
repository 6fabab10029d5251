"""How many documents a set of sources holds, roughly and cheaply, for a progress bar's total.

Counts without parsing: a JSON Lines file holds a document a line, a CSV file one a
row after the header (a quoted cell spanning lines makes this an over-count), any other file one
document (a feed is counted as one: its entries are not known until it is read). Standard
input and URLs are unknown: the estimate is then None.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .sources import walk_folder

_LINE_COUNTED = {".jsonl": 0, ".ndjson": 0, ".csv": 1, ".tsv": 1}   # suffix -> header lines
_CHUNK = 1 << 20


def _lines(path: Path) -> int:
    count = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _in_file(path: Path) -> int:
    header = _LINE_COUNTED.get(path.suffix.lower())
    if header is None:
        return 1
    try:
        return max(_lines(path) - header, 0)
    except OSError:
        return 1


def estimate_documents(sources: Sequence[str]) -> int | None:
    """About how many documents `sources` hold (None when a source cannot be counted ahead)."""
    total = 0
    for source in sources:
        if source == "-" or "://" in source:
            return None
        path = Path(source)
        if path.is_dir():
            total += sum(_in_file(f) for f in walk_folder(path))
        elif path.is_file():
            total += _in_file(path)
        else:
            total += 1   # reported as a failure, still one step
    return total
