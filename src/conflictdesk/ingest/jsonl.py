"""JSON Lines (one document a line) and JSON (one object, or a list of them) to Documents.

Field names: `id`, `text`, `title`, `published`, `url`, `source`, `author`, `language`; the
shared news-2016 names `date` and `source_url` are read as `published` and `url`. A line that
is not JSON, not an object, or has no text is a Failure at `path:line`; the other lines are
still read. A date that cannot be read leaves the document without a date, followed by a
Failure (E108) that says so.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError, MalformedInputError
from ..records import Document, Failure
from .document import build_document, unread_date

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate"),
    "url": ("url", "source_url", "link"),
    "source": ("source", "publisher", "site_name"),
    "id": ("id",),
    "author": ("author", "byline"),
    "language": ("language", "lang"),
}


def _field(record: dict[str, Any], name: str) -> Any:
    for key in FIELDS[name]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def record_document(record: object, *, origin: str, fmt: str) -> Document:
    """A Document from one decoded JSON record. Raises InputError."""
    if not isinstance(record, dict):
        raise MalformedInputError(f"expected a JSON object, found {type(record).__name__}")
    text = _field(record, "text")
    if text is None:
        raise MalformedInputError('no "text" field (expected "text", "body" or "content")')
    if not isinstance(text, str):
        raise MalformedInputError(f'"text" must be a string, not {type(text).__name__}')
    return build_document(
        text, fmt=fmt, origin=origin, title=_optional_str(_field(record, "title")),
        published=_field(record, "published"), url=_optional_str(_field(record, "url")),
        source=_optional_str(_field(record, "source")), id=_optional_str(_field(record, "id")),
        author=_optional_str(_field(record, "author")), language=_optional_str(_field(record, "language")),
    )


def _documents(record: object, *, where: str, fmt: str, line: int | None = None) -> Iterator[Document | Failure]:
    """The record's Document, then a Failure (E108) if its date could not be read."""
    doc = record_document(record, origin=where, fmt=fmt)
    yield doc
    warning = unread_date(_field(record, "published"), doc, where=where, line=line)  # type: ignore[arg-type]
    if warning is not None:
        yield warning


def _failure(origin: str, exc: InputError, line: int | None = None) -> Failure:
    stage = "parse" if isinstance(exc, MalformedInputError) else "read"
    where = f"line {line}: " if line is not None else ""
    return Failure(origin, stage, exc.code, where + exc.message)


def read_jsonl(text: str, *, origin: str) -> Iterator[Document | Failure]:
    """Documents and Failures, one per non-blank line, in order."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, "parse", MalformedInputError.code,
                          f"line {number} is not JSON: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:
            yield Failure(where, "parse", MalformedInputError.code, f"line {number} is JSON nested too deeply")
            continue
        try:
            yield from _documents(record, where=where, fmt="jsonl", line=number)
        except InputError as exc:
            yield _failure(where, exc, number)


def read_json(text: str, *, origin: str) -> Iterator[Document | Failure]:
    """Documents from a JSON object or a list of objects. Raises MalformedInputError when the
    file is not JSON."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    except RecursionError as exc:
        raise MalformedInputError("JSON nested too deeply") from exc
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        where = f"{origin}[{index}]" if isinstance(data, list) else origin
        try:
            yield from _documents(record, where=where, fmt="json")
        except InputError as exc:
            yield _failure(where, exc)
