"""Parsing texts of any length with the language pipeline; a text the pipeline refuses fails alone.

    from conflictdesk.nlp.parse import parse_text, parse_texts
    parsed = parse_text(nlp, text)                 # a Doc with parsed.text == text
    for parsed, doc in parse_texts(nlp, ((d.text, d) for d in docs), batch_size=32):
        ...   # parsed: a Doc, or the ConflictDeskError that refused this text (the others go on)

spaCy refuses a text over `nlp.max_length` characters (1,000,000: "[E088]"), and its parser's
memory grows with the length of what it is given. A text longer than `PART_CHARS` is therefore
parsed in parts of at most that many characters, cut after a paragraph break (else a line break,
a sentence end, a space; a hard cut only in a stretch without any), and the parsed parts are
joined with `Doc.from_docs`. The joined Doc's text is checked to be the original text, character
for character, so every offset the stages take from it is an offset into the document. A
sentence never spans a cut; cuts fall at paragraph breaks wherever the text has them.

Up to `MAX_CHARS` characters are parsed this way. A longer text is refused before any parsing
with TextTooLongError (E406): the extraction stages compare what a document names with
everything else it names, so their time grows faster than the text (measured in the README's
"Robustness" section). A text the pipeline still fails on is refused with ExtractionError (E401);
in `parse_texts` the texts around it are parsed as usual.
"""
from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from ..errors import ConflictDeskError, ExtractionError, TextTooLongError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

PART_CHARS = 100_000       # longest stretch of text given to the pipeline at once
MAX_CHARS = 1_500_000      # longest text parsed at all (in parts); see the module docstring

C = TypeVar("C")
# Where a part may end, best first: after a paragraph break, a line break, a sentence end, a space.
_CUTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?\u061f\u3002][\"'\u201d\u2019)\]]?\s+"),
    re.compile(r"\s+"),
)


def split_text(text: str, part_chars: int = PART_CHARS) -> list[str]:
    """`text` in consecutive parts of at most `part_chars` characters whose concatenation is `text`."""
    if part_chars < 1:
        raise ValueError("part_chars must be at least 1")
    parts: list[str] = []
    start = 0
    while len(text) - start > part_chars:
        end = _cut(text, start, start + part_chars)
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def _cut(text: str, start: int, limit: int) -> int:
    """Where the part starting at `start` ends: the last good cut in the second half of the
    allowed stretch, else a hard cut at `limit`."""
    floor = start + (limit - start) // 2
    for pattern in _CUTS:
        end = -1
        for match in pattern.finditer(text, floor, limit):
            end = match.end()
        if end > start:
            return end
    return limit


def parse_text(nlp: "Language", text: str, *, max_chars: int = MAX_CHARS, part_chars: int = PART_CHARS) -> "Doc":
    """The parse of `text`, in parts when it is long. Raises TextTooLongError (E406) over
    `max_chars`, ExtractionError (E401) when the pipeline fails on it."""
    for parsed, _ in parse_texts(nlp, [(text, None)], max_chars=max_chars, part_chars=part_chars):
        if isinstance(parsed, ConflictDeskError):
            raise parsed
        return parsed
    raise AssertionError("parse_texts yields one result per text")


@dataclass(slots=True)
class _Pending(Generic[C]):
    """A text sent to the pipeline (or refused before it), waiting for its parsed parts."""

    serial: int
    text: str
    context: C
    parts: int = 0                        # parts sent to the pipeline; 0 when refused
    error: ConflictDeskError | None = None
    docs: list["Doc"] = field(default_factory=list)


def parse_texts(nlp: "Language", items: Iterable[tuple[str, C]], *, batch_size: int = 32, n_process: int = 1,
                max_chars: int = MAX_CHARS,
                part_chars: int = PART_CHARS) -> Iterator[tuple["Doc | ConflictDeskError", C]]:
    """(parse, context) for each (text, context) of `items`, in order, streaming through
    `nlp.pipe`. The parse is a Doc, or the ConflictDeskError that refused that text: E406 over
    `max_chars`, E401 when the pipeline fails on it (the texts of the same batch are then
    parsed one by one, and the stream goes on). Parts are at most `part_chars` characters
    (and never over `nlp.max_length`)."""
    source = iter(items)
    part_chars = max(1, min(part_chars, nlp.max_length))
    serials = iter(range(1 << 62))
    while True:
        pending: deque[_Pending[C]] = deque()
        feed = _feed(source, pending, serials, part_chars=part_chars, max_chars=max_chars)
        try:
            for parsed, serial in nlp.pipe(feed, as_tuples=True, batch_size=batch_size, n_process=n_process):
                while pending[0].serial != serial:          # texts refused before parsing come first
                    refused = pending.popleft()
                    yield refused.error, refused.context  # type: ignore[misc]
                entry = pending[0]
                entry.docs.append(parsed)
                if len(entry.docs) == entry.parts:
                    pending.popleft()
                    yield _joined(entry), entry.context
        except Exception as exc:  # noqa: BLE001 - the pipeline failed on a text of this batch: find which
            if isinstance(exc, _SourceError):
                raise exc.__cause__ from None                # the caller's error, not the pipeline's
            if not pending:
                raise                                      # not a text's fault: the pipeline itself fails
            log.debug("the language pipeline failed in a batch (%s: %s); parsing its texts one by one",
                      type(exc).__name__, exc)
            while pending:
                entry = pending.popleft()
                yield _parse_alone(nlp, entry, part_chars), entry.context
            continue
        while pending:                                     # only texts refused before parsing remain
            refused = pending.popleft()
            yield refused.error, refused.context  # type: ignore[misc]
        return


class _SourceError(Exception):
    """An error raised by the caller's `items`: carried through `nlp.pipe`, then re-raised as it was."""


def _feed(source: Iterator[tuple[str, C]], pending: deque[_Pending[C]], serials: Iterator[int], *,
          part_chars: int, max_chars: int) -> Iterator[tuple[str, int]]:
    """The parts of each text for `nlp.pipe`, each with its text's serial; every text taken from
    `source` is put in `pending` before its first part leaves, so a failed batch knows its texts."""
    while True:
        try:
            text, context = next(source)
        except StopIteration:
            return
        except Exception as exc:
            raise _SourceError() from exc
        entry = _Pending(next(serials), text, context)
        pending.append(entry)
        if len(text) > max_chars:
            entry.error = TextTooLongError(
                f"the text is {len(text):,} characters long, over the {max_chars:,} the extractor parses "
                f"(in parts of {part_chars:,}); split it into separate documents")
            continue
        parts = split_text(text, part_chars)
        entry.parts = len(parts)
        for part in parts:
            yield part, entry.serial


def _joined(entry: _Pending[C]) -> "Doc | ConflictDeskError":
    """The parsed parts of a text as one Doc, checked to be exactly the text."""
    if len(entry.docs) == 1:
        return entry.docs[0]
    from spacy.tokens import Doc

    joined = Doc.from_docs(entry.docs, ensure_whitespace=False)
    if joined.text != entry.text:
        return ExtractionError(f"the {len(entry.docs)} parsed parts of this {len(entry.text):,}-character text do "
                               "not join back into it; refused rather than give wrong offsets")
    return joined


def _parse_alone(nlp: "Language", entry: _Pending[C], part_chars: int) -> "Doc | ConflictDeskError":
    if entry.error is not None:
        return entry.error
    try:
        entry.docs = [nlp(part) for part in split_text(entry.text, part_chars)]  # one at a time
    except Exception as exc:  # noqa: BLE001 - recorded as this text's failure; the others go on
        return ExtractionError(f"the language pipeline failed on this text: {type(exc).__name__}: {exc}")
    entry.parts = len(entry.docs)
    return _joined(entry)
