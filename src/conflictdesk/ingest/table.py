"""CSV (and TSV) files to Documents, one per row.

The text column is found by name (the first of `TEXT_COLUMNS` present, case-insensitive);
`title`, `published`/`date`, `url`, `source`, `author`, `id` columns are used when present.
A file without a text column is one Failure; a row with empty text, or with more or fewer
cells than the header (its columns cannot be trusted), is a Failure at `path:line`, and the
other rows are still read. A date that cannot be read leaves the document without a date,
followed by a Failure (E108) that says so.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..errors import EmptyInputError, InputError, MalformedInputError
from ..records import Document, Failure
from .document import build_document, unread_date

TEXT_COLUMNS = ("text", "body", "content", "notes", "article")
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("published", "date", "event_date", "published_at"),
    "url": ("url", "source_url", "link"),
    "source": ("source", "publisher"),
    "author": ("author", "byline"),
    "id": ("id", "document_id", "doc_id"),
    "language": ("language", "lang"),
}
_DELIMITERS = (",", ";", "\t", "|")
_MAX_FIELD = 50_000_000


def _delimiter(header_line: str, origin: str) -> str:
    if origin.lower().endswith(".tsv"):
        return "\t"
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(text: str, *, origin: str) -> Iterator[Document | Failure]:
    """Documents and Failures, one per data row. Raises MalformedInputError (no text column)
    or EmptyInputError (no header)."""
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise EmptyInputError("the CSV file has no header row")
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_FIELD))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line, origin))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except csv.Error as exc:
        raise MalformedInputError(f"the CSV header cannot be parsed: {exc}") from exc
    text_col = next((header.index(name) for name in TEXT_COLUMNS if name in header), None)
    if text_col is None:
        raise MalformedInputError(f"no text column: expected one of {', '.join(TEXT_COLUMNS)}; "
                                  f"found {', '.join(header) or 'none'}")
    columns = {field: next((header.index(n) for n in names if n in header), None) for field, names in COLUMNS.items()}
    while True:
        start = reader.line_num + 1        # a row with quoted line breaks spans several lines
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Failure(f"{origin}:{start}", "parse", MalformedInputError.code,
                          f"line {start}: {exc}; the rest of the file was not read")
            return
        if not any(cell.strip() for cell in row):
            continue
        where = f"{origin}:{start}"
        if len(row) != len(header):
            # cells out of line with the header: which one is the text, the date, the id is a guess
            yield Failure(where, "parse", MalformedInputError.code,
                          f"line {start}: {len(row)} cells where the header has {len(header)}; the row was not "
                          "read (a stray delimiter or an unquoted line break?)")
            continue

        def cell(index: int | None) -> str | None:
            return row[index].strip() or None if index is not None else None

        try:
            doc = build_document(
                row[text_col], fmt="csv", origin=where,
                title=cell(columns["title"]), published=cell(columns["published"]), url=cell(columns["url"]),
                source=cell(columns["source"]), id=cell(columns["id"]), author=cell(columns["author"]),
                language=cell(columns["language"]),
            )
        except InputError as exc:
            yield Failure(where, "read", exc.code, f"line {start}: {exc.message}")
            continue
        yield doc
        warning = unread_date(cell(columns["published"]), doc, where=where, line=start)
        if warning is not None:
            yield warning
