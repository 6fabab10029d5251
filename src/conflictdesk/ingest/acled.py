"""ACLED exports (and other large tables an analyst holds) read as plain rows: the one reader
behind `evaluate` and `train` (gold events), `kb harvest` (unknown actor names) and
`kb import-places` (user gazetteers).

    for row in read_acled_rows(path):          # {"event_date": "...", "actor1": "...", ...}

- column names lower-cased and stripped, values stripped, so current exports (`actor1`) and
  older ones (`ACTOR1`) read alike;
- UTF-8 (a byte-order mark is dropped) or, when the first 64 KB are not UTF-8, Latin-1; a
  stray bad byte later in a UTF-8 file becomes U+FFFD instead of stopping a long read;
- a `.zip` holding one `.txt`/`.csv` file is read in place, refused when it would unpack to
  more than MAX_UNPACKED_BYTES or more than MAX_RATIO times its packed size (a zip bomb).

Raises InputError subclasses (file missing, empty, not a table, unsafe archive).
"""
from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TextIO

from ..errors import EmptyInputError, InputError, InputTooLargeError, MalformedInputError

MAX_UNPACKED_BYTES = 4_000_000_000   # GeoNames' allCountries.txt unpacks to about 1.6 GB
MAX_RATIO = 100                      # text packs about 4-10 to 1; a zip bomb packs thousands to 1
_SNIFF = 65536


def open_text_file(path: str | Path) -> TextIO:
    """A text stream over a file, or over the one text member of a zip archive (see above)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() == ".zip":
        return _open_zip_member(path)
    raw = path.open("rb")
    head = raw.read(_SNIFF)
    raw.seek(0)
    try:
        head.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:
        encoding = "utf-8-sig" if exc.start > len(head) - 4 else "latin-1"   # a cut multibyte char is fine
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def _open_zip_member(path: Path) -> TextIO:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise MalformedInputError(f"{path}: not a readable zip archive ({exc})") from None
    with archive:   # the open member keeps the file open until it is closed itself
        members = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith((".txt", ".csv"))
                   and not Path(i.filename).name.lower().startswith("readme")]
        if len(members) != 1:
            raise MalformedInputError(f"{path}: expected one .txt or .csv file in the archive, found "
                                      f"{[i.filename for i in members]}")
        info = members[0]
        if info.file_size > MAX_UNPACKED_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1_000_000):
            raise InputTooLargeError(f"{path}: {info.filename} would unpack to {info.file_size:,} bytes from "
                                     f"{info.compress_size:,}; refused (at most {MAX_UNPACKED_BYTES:,} bytes and "
                                     f"{MAX_RATIO} times the packed size)")
        try:
            member = archive.open(info)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as exc:  # encrypted, unknown method
            raise MalformedInputError(f"{path}: cannot read {info.filename} ({exc})") from None
    return io.TextIOWrapper(member, encoding="utf-8-sig", errors="replace", newline="")


def read_acled_rows(path: str | Path, *, need_any: Collection[str] = (),
                    need_what: str | None = None) -> Iterator[dict[str, str]]:
    """Rows of an ACLED export as {lower-case column: stripped value}. With `need_any`, a header
    holding none of those (lower-case) columns raises MalformedInputError ("no `need_what` in
    the header")."""
    try:
        with open_text_file(path) as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None:
                raise EmptyInputError(f"{path}: empty file, no CSV header")
            columns = [(c, (c or "").strip().lower()) for c in reader.fieldnames]
            if need_any and not {low for _, low in columns} & set(need_any):
                what = need_what or "column " + " or ".join(sorted(need_any))
                raise MalformedInputError(f"{path}: no {what} in the header")
            for row in reader:
                yield {low: (row.get(c) or "").strip() for c, low in columns if low}
    except csv.Error as exc:
        raise MalformedInputError(f"{path}: not a readable CSV file ({exc})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:   # a damaged archive, found while unpacking
        raise MalformedInputError(f"{path}: damaged archive ({exc})") from None
