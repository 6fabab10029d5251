"""The on-disk caches of built indexes: the compiled knowledge base (pickle: validated entries,
name indexes, the Aho-Corasick automaton) and the gazetteer's index and user layers (marshal).

    cache = Cache(cache_root() / "kb", family="kb", codec="pickle", keep=8)
    key = content_key(salt=build_salt(*module_files), files=[...], parts=["format 3"])
    obj = cache.load(key)            # None on a miss, an unreadable file or a foreign one
    cache.save(key, obj)             # atomically; None when the folder cannot be written

One key recipe for every cache: a sha256 over conflictdesk's version, the Python
implementation and version (pickle and marshal formats follow them), the source of the modules
that build the cached object (an edited module never meets an old file), and the names and
contents of the files the object is built from (never Python's salted `hash()`). Files are
written atomically (a temporary file in the same folder, then a rename); a failed write leaves
no temporary file behind, and a temporary file a killed process left is removed by the next
save. Only the newest `keep` files of a family are kept.

The root is `$CONFLICTDESK_CACHE_DIR`, else the user cache directory. Loading a pickle or
marshal file runs or trusts its content, so a file is loaded only when it and its folder belong
to the current user and nobody else can write them (`is_private_file`); folders are created
readable by their owner only. A cache that cannot be read is rebuilt; one that cannot be
written only costs speed next time (logged at debug level).
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

import platformdirs

from .. import __version__

STALE_TEMP_SECONDS = 3600     # a temporary file this old belongs to a writer that died
log = logging.getLogger(__name__)


def cache_root() -> Path:
    """`$CONFLICTDESK_CACHE_DIR`, else the user cache directory."""
    root = os.environ.get("CONFLICTDESK_CACHE_DIR") or platformdirs.user_cache_dir("conflictdesk", appauthor=False)
    return Path(root).expanduser()


def build_salt(*modules: Path) -> str:
    """conflictdesk's version, the Python implementation and version, and the source of `modules`."""
    code = hashlib.sha256()
    for path in (Path(__file__), *modules):
        code.update(Path(path).name.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    python = f"{sys.implementation.name} {'.'.join(map(str, sys.version_info[:3]))}"
    return f"conflictdesk {__version__}; python {python}; code {code.hexdigest()}"


def content_key(*, salt: str, files: Iterable[Path] = (), parts: Iterable[str] = ()) -> str:
    """sha256 over the salt, the given parts, and each file's name and content."""
    digest = hashlib.sha256(salt.encode())
    for part in parts:
        digest.update(b"\0part\0" + part.encode())
    for path in files:
        digest.update(b"\0file\0" + Path(path).name.encode() + b"\0")
        digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    return digest.hexdigest()


def is_private_file(path: Path) -> bool:
    """Whether `path` and its folder belong to the current user and are writable by nobody else
    (always true where the system has no such ownership, e.g. Windows)."""
    if not hasattr(os, "getuid"):
        return True
    try:
        stats = (path.stat(), path.parent.stat())
    except OSError:
        return False
    return all(st.st_uid == os.getuid() and not st.st_mode & 0o022 for st in stats)


def write_atomically(path: Path, write: Callable[[BinaryIO], None], *, private: bool = False) -> None:
    """Write `path` through `write(stream)` into a temporary file beside it, then rename it into
    place: readers see the old file or the whole new one. On any error the temporary file is
    removed and the error raised (OSError included)."""
    path = Path(path)
    path.parent.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class _Codec:
    dump: Callable[[Any, BinaryIO], None]
    load: Callable[[BinaryIO], Any]
    unreadable: tuple[type[Exception], ...]      # what loading a damaged or foreign file raises


_CODECS = {
    "pickle": _Codec(lambda obj, fh: pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL), pickle.load,
                     (EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError)),
    "marshal": _Codec(marshal.dump, marshal.load, (EOFError, TypeError, ValueError)),
}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:      # removed meanwhile by another process
        return 0.0


@dataclass(frozen=True, slots=True)
class Cache:
    """A folder of cached objects of one family (`FAMILY-KEY.pickle` / `.marshal`)."""

    folder: Path
    family: str
    codec: Literal["pickle", "marshal"] = "pickle"
    keep: int = 8

    def path(self, key: str) -> Path:
        return Path(self.folder) / f"{self.family}-{key[:32]}.{self.codec}"

    def load(self, key: str) -> Any | None:
        """The object cached under `key`, or None (a miss, an unreadable file, or a file that is
        not the user's own)."""
        path = self.path(key)
        if not path.is_file():
            return None
        if not is_private_file(path):
            log.warning("not loading the cache file %s: it or its folder is not the user's own "
                        "(owned by another user, or writable by others)", path)
            return None
        codec = _CODECS[self.codec]
        try:
            with path.open("rb") as fh:
                return codec.load(fh)
        except FileNotFoundError:
            return None
        except (OSError, *codec.unreadable) as exc:
            log.debug("ignoring the unreadable cache file %s: %s", path, exc)
            path.unlink(missing_ok=True)
            return None

    def save(self, key: str, obj: Any) -> Path | None:
        """Write `obj` under `key` atomically; the path, or None when the folder is not writable."""
        path = self.path(key)
        codec = _CODECS[self.codec]
        try:
            write_atomically(path, lambda fh: codec.dump(obj, fh), private=True)
            self._prune(path)
        except OSError as exc:
            log.debug("cannot write the cache file %s: %s", path, exc)
            return None
        return path

    def _prune(self, newest: Path) -> None:
        """Keep the newest `keep` files of the family; drop temporary files of dead writers."""
        files = [p for p in Path(self.folder).glob(f"{self.family}-*.{self.codec}") if p != newest]
        files.sort(key=_mtime, reverse=True)
        for old in files[max(self.keep - 1, 0):]:
            old.unlink(missing_ok=True)
        for tmp in Path(self.folder).glob(f".{self.family}-*.tmp"):
            if _mtime(tmp) < time.time() - STALE_TEMP_SECONDS:
                tmp.unlink(missing_ok=True)
