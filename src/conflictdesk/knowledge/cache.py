"""On-disk cache of the compiled knowledge base (validated entries, name indexes, the pickled
Aho-Corasick automaton), so that loading takes milliseconds once a KB version has been seen.

The key is a sha256 over conflictdesk's version, this cache's format number, the Python
version, the source of the modules whose objects are pickled, and the names and contents of
every knowledge-base file (never Python's salted `hash()`). Any edit to any file gives a new
key; only the newest MAX_FILES are kept. The folder is
`platformdirs.user_cache_dir("conflictdesk")/kb`, or `$CONFLICTDESK_CACHE_DIR/kb`.
A cache file that cannot be read is ignored and rebuilt; one that cannot be written only costs
speed next time (logged at debug level). Unpickling runs code, so a cache file is loaded only
when it and its folder belong to the current user and nobody else can write them
(`is_private_file`); the folder is created readable by its owner only.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import platformdirs

from .. import __version__
from .loader import content_hash

FORMAT = 1
MAX_FILES = 8
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    root = os.environ.get("CONFLICTDESK_CACHE_DIR") or platformdirs.user_cache_dir("conflictdesk", appauthor=False)
    return Path(root).expanduser() / "kb"


CODE_FILES = ("__init__.py", "schema.py", "loader.py", "matcher.py", "cache.py")


def cache_key(dirs: Sequence[Path]) -> str:
    """sha256 of the version, the code that builds the cached objects, and every KB file."""
    code = hashlib.sha256()
    for name in CODE_FILES:  # an edited (editable-installed) module never meets an old pickle
        code.update((Path(__file__).parent / name).read_bytes())
    salt = (f"conflictdesk {__version__}; kb-cache {FORMAT}; python {sys.version_info[0]}.{sys.version_info[1]}; "
            f"code {code.hexdigest()}")
    return content_hash(dirs, salt=salt)


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


def load_compiled(key: str) -> Any | None:
    """The object cached under `key`, or None when there is none (a cache miss is no error)."""
    path = cache_dir() / f"{key}.pickle"
    if not path.is_file():
        return None
    if not is_private_file(path):
        log.warning("not loading the knowledge-base cache %s: it or its folder is not the user's own "
                    "(owned by another user, or writable by others)", path)
        return None
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError) as exc:
        log.debug("ignoring unreadable knowledge-base cache %s: %s", path, exc)
        path.unlink(missing_ok=True)
        return None


def save_compiled(key: str, obj: Any) -> Path | None:
    """Write `obj` under `key` atomically; returns the path, or None when the folder is not writable."""
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, folder / f"{key}.pickle")
        _prune(folder)
        return folder / f"{key}.pickle"
    except OSError as exc:
        log.debug("cannot write the knowledge-base cache under %s: %s", folder, exc)
        return None


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[MAX_FILES:]:
        old.unlink(missing_ok=True)
