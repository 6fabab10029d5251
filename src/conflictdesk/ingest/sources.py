"""Sources (paths, folders, standard input, URLs) to a stream of Documents and Failures.

Nothing raised by a bad source or document leaves `read_sources`: each becomes a `Failure`
with the origin, the stage ("read", "parse" or "fetch"), the error code and a message, and
the stream goes on with the next document.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from ..errors import (EmptyInputError, FetchError, InputError, InputTooLargeError, MalformedInputError,
                      NotRegularFileError)
from ..records import Document, Failure
from .decoding import check_not_binary, decode_bytes
from .feed import read_feed
from .fetch import fetch_url
from .formats import detect_format
from .jsonl import read_json, read_jsonl
from .plaintext import read_markdown, read_text
from .table import read_csv
from .webpage import read_html

DEFAULT_MAX_BYTES = 20_000_000
Item = Document | Failure


@dataclass(frozen=True, slots=True)
class ReadOptions:
    fetch_urls: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    fetcher: Callable[..., object] = fetch_url     # replaced in tests
    keep_entry: Callable[[str], bool] | None = None   # feeds: read only the entries whose key it accepts


def stage_of(exc: InputError) -> str:
    if isinstance(exc, FetchError):
        return "fetch"
    if isinstance(exc, MalformedInputError):
        return "parse"
    return "read"


def failure_of(origin: str, exc: InputError | OSError | ValueError | RecursionError) -> Failure:
    if isinstance(exc, InputError):
        return Failure(origin, stage_of(exc), exc.code, exc.message)
    if isinstance(exc, OSError):
        return Failure(origin, "read", InputError.code, f"cannot read: {exc.strerror or exc}")
    # a parser library choking on input it should have reported as malformed
    return Failure(origin, "parse", MalformedInputError.code, f"cannot parse: {type(exc).__name__}: {exc}")


def _guarded(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """`items`, with an error raised while producing them turned into a Failure: ours
    (InputError), the file system's (OSError), and parsers' on bad input (ValueError,
    RecursionError)."""
    try:
        yield from items
    except (InputError, OSError, ValueError, RecursionError) as exc:
        yield failure_of(origin, exc)


def _size_text(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def read_bytes(data: bytes, *, origin: str, name: str = "", content_type: str | None = None,
               url: str | None = None, base_dir: Path | None = None,
               options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Documents and Failures from the bytes of one source. Raises InputError for the whole source."""
    if len(data) > options.max_bytes:
        raise InputTooLargeError(f"{_size_text(len(data))} is over the limit of {_size_text(options.max_bytes)}")
    if not data.strip():
        raise EmptyInputError("empty input")
    check_not_binary(data)
    fmt = detect_format(name, data, content_type=content_type)
    if fmt == "feed":
        # feedparser reads the bytes itself and would guess a charset: hold feeds to the same policy
        decode_bytes(data, content_type=content_type)
        yield from read_feed(
            data, origin=origin, base_dir=base_dir,
            read_local=lambda path: _read_linked_page(Path(path), options),
            fetch_remote=(lambda link: _fetch_linked_page(link, options)) if options.fetch_urls else None,
            keep=options.keep_entry,
        )
        return
    text = decode_bytes(data, content_type=content_type, allow_declared=fmt == "html")
    if fmt == "html":
        yield read_html(text, origin=origin, url=url)
    elif fmt == "markdown":
        yield read_markdown(text, origin=origin)
    elif fmt == "jsonl":
        yield from read_jsonl(text, origin=origin)
    elif fmt == "json":
        yield from read_json(text, origin=origin)
    elif fmt == "csv":
        yield from read_csv(text, origin=origin)
    else:
        yield read_text(text, origin=origin, url=url)


def _first_document(items: Iterator[Item]) -> Document:
    for item in items:
        if isinstance(item, Failure):
            raise InputError(item.message, code=item.code)
        return item
    raise EmptyInputError("no document in the linked page")


def _read_linked_page(path: Path, options: ReadOptions) -> Document:
    """A page a local feed links to, read as a single document."""
    try:
        return _first_document(read_path(path, options=options, expand=False))
    except OSError as exc:
        raise InputError(f"cannot read the linked page {path}: {exc.strerror or exc}") from exc


def _fetch_linked_page(url: str, options: ReadOptions) -> Document:
    page = options.fetcher(url, max_bytes=options.max_bytes)
    return _first_document(read_bytes(page.body, origin=url, name=urlsplit(page.final_url).path,
                                      content_type=page.content_type, url=page.final_url,
                                      options=ReadOptions(fetch_urls=False, max_bytes=options.max_bytes)))


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "another kind of file"


def read_path(path: Path, *, options: ReadOptions = ReadOptions(), expand: bool = True) -> Iterator[Item]:
    """Documents and Failures from one file. Raises InputError/OSError for the whole file
    (use `read_sources` for a stream that never raises). Only regular files are read: a FIFO
    or a device (`/dev/zero`) is refused without being opened, so it can never block."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(f"not a regular file but {_file_kind(info.st_mode)}; give a file, a folder "
                                  "or - for standard input")
    size = info.st_size
    if size > options.max_bytes:        # refused before reading a byte of it
        raise InputTooLargeError(f"{_size_text(size)} is over the limit of {_size_text(options.max_bytes)}")
    if size == 0:
        raise EmptyInputError("empty file")
    yield from read_bytes(path.read_bytes(), origin=str(path), name=path.name, base_dir=path.parent,
                          options=options if expand else ReadOptions(False, options.max_bytes, options.fetcher))


def walk_folder(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, recursively, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_stream(stream: BinaryIO, *, origin: str = "-", options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputTooLargeError(f"standard input is over the limit of {_size_text(options.max_bytes)}")
    yield from read_bytes(data, origin=origin, options=options)


def read_url(url: str, *, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    if not options.fetch_urls:
        raise FetchError(f"{url} is a web address; pass --fetch (fetch_urls=True) to download it")
    page = options.fetcher(url, max_bytes=options.max_bytes)
    yield from read_bytes(page.body, origin=url, name=urlsplit(page.final_url).path,
                          content_type=page.content_type, url=page.final_url, options=options)


def read_sources(sources: Sequence[str], *, fetch_urls: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                 stdin: BinaryIO | None = None, fetcher: Callable[..., object] = fetch_url) -> Iterator[Item]:
    """Documents and Failures from files, folders (recursive), `-` (standard input) and http(s)
    URLs (fetched only with `fetch_urls`). Never raises for bad input."""
    options = ReadOptions(fetch_urls=fetch_urls, max_bytes=max_bytes, fetcher=fetcher)
    for source in sources:
        scheme = urlsplit(source).scheme.lower() if "://" in source else ""
        if source == "-":
            yield from _guarded("-", read_stream(stdin or sys.stdin.buffer, options=options))
        elif scheme in ("http", "https"):
            yield from _guarded(source, read_url(source, options=options))
        elif scheme and scheme != "file":
            yield Failure(source, "read", InputError.code,
                          f"unsupported source scheme {scheme!r}: give a path, a folder, '-' or an http(s) URL")
        else:
            path = Path(unquote(urlsplit(source).path)) if scheme == "file" else Path(source)
            if path.is_dir():
                for file in walk_folder(path):
                    yield from _guarded(str(file), read_path(file, options=options))
            elif path.exists():
                yield from _guarded(str(path), read_path(path, options=options))
            else:
                yield Failure(source, "read", InputError.code, "no such file or folder")
