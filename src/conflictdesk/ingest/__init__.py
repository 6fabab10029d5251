"""Raw input to Documents: plain text, Markdown, HTML, RSS/Atom, JSON Lines, CSV, standard
input and (when asked) web pages. No NLP here.

    from conflictdesk.ingest import read_sources
    for item in read_sources(["examples/", "-"], fetch_urls=False):
        ...   # a Document, or a Failure(origin, stage, code, message); bad input never raises

Modules: `sources` (paths, folders, stdin, URLs), `formats` (which reader), `decoding` (bytes
to text, binary refusal), one reader per format (`plaintext`, `webpage`, `feed`, `jsonl`,
`table`), `document` (assembly), `normalize`, `boilerplate`, `language`, `dedupe`, `fetch`;
`acled` reads ACLED exports (and GeoNames dumps) as rows, not documents.
"""
from __future__ import annotations

from pathlib import Path

from ..records import Document, Failure
from .dedupe import bands, fingerprint, hamming, is_near_duplicate
from .document import parse_date
from .fetch import FetchedPage, fetch_url
from .language import detect_language
from .normalize import content_hash, normalize_text
from .plaintext import read_text
from .sources import DEFAULT_MAX_BYTES, read_sources

__all__ = [
    "DEFAULT_MAX_BYTES", "FetchedPage", "bands", "content_hash", "detect_language", "fetch_url", "fingerprint",
    "hamming", "is_near_duplicate", "normalize_text", "parse_date", "read_file", "read_sources",
    "read_text_document",
]


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | Failure]:
    """Every Document and Failure of one file (or folder); never raises for bad input."""
    return list(read_sources([str(path)], max_bytes=max_bytes))


def read_text_document(text: str, *, title: str | None = None, published: object = None, url: str | None = None,
                       source: str | None = None, id: str | None = None, origin: str | None = None) -> Document:
    """A Document from text already in memory, normalised and cleaned like a `.txt` file (without
    a given title, a headline first line becomes the title). Raises EmptyInputError."""
    return read_text(text, origin=origin, title=title, published=published, url=url, source=source, id=id)
