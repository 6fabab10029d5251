"""The one cache module of the knowledge base and the gazetteer: what its keys hold, and that a
failed or killed write leaves no temporary file behind."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from conflictdesk.knowledge import cache_key as kb_cache_key
from conflictdesk.knowledge.cache import STALE_TEMP_SECONDS, Cache, build_salt, content_key, write_atomically
from conflictdesk.knowledge.gazetteer import cache_key as gazetteer_key
from conflictdesk.knowledge.gazetteer import user_cache_key
from conflictdesk.knowledge.loader import source_dirs


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_every_key_holds_the_python_version_the_package_version_and_the_builders_source(monkeypatch):
    import conflictdesk.knowledge.cache as module

    keys = (lambda: kb_cache_key(source_dirs()), gazetteer_key, lambda: user_cache_key([]))
    before = [k() for k in keys]
    assert before == [k() for k in keys]                       # deterministic
    monkeypatch.setattr(sys, "version_info", (3, 99, 0, "final", 0))
    assert all(a != k() for a, k in zip(before, keys))
    monkeypatch.undo()
    monkeypatch.setattr(module, "__version__", "0.0.0-other")
    assert all(a != k() for a, k in zip(before, keys))
    monkeypatch.undo()
    assert "gazetteer.py" not in build_salt() and build_salt() != build_salt(Path(module.__file__).parent / "gazetteer.py")


def test_a_key_holds_its_files_names_and_contents(tmp_path):
    a = tmp_path / "a.tsv"
    a.write_text("one", encoding="utf-8")
    key = content_key(salt="s", files=[a])
    a.write_text("two", encoding="utf-8")
    changed = content_key(salt="s", files=[a])
    assert changed != key
    assert content_key(salt="s", files=[a.rename(tmp_path / "b.tsv")]) != changed    # same content, new name
    assert content_key(salt="s", parts=["v1"]) != content_key(salt="s", parts=["v2"])
    assert content_key(salt="s") != content_key(salt="t")


@pytest.mark.parametrize("codec", ["pickle", "marshal"])
def test_round_trip_and_a_damaged_file_is_a_miss(tmp_path, codec):
    cache = Cache(tmp_path / "c", family="test", codec=codec)
    path = cache.save("k" * 64, {"rows": [1, 2, 3]})
    assert path is not None and path.name == f"test-{'k' * 32}.{codec}"
    assert cache.load("k" * 64) == {"rows": [1, 2, 3]}
    path.write_bytes(b"\x00damaged")
    assert cache.load("k" * 64) is None and not path.exists()
    assert cache.load("m" * 64) is None


@pytest.mark.parametrize("codec,bad", [("pickle", lambda: None), ("marshal", object())])
def test_a_failed_write_leaves_no_temporary_file(tmp_path, codec, bad):
    folder = tmp_path / "c"
    cache = Cache(folder, family="test", codec=codec)
    with pytest.raises(Exception):  # noqa: B017 - pickle and marshal raise different errors
        cache.save("k" * 64, {"unserialisable": bad})
    assert _leftovers(folder) == [] and not cache.path("k" * 64).exists()


def test_an_unwritable_folder_costs_only_the_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert Cache(blocker / "c", family="test").save("k" * 64, {"a": 1}) is None


def test_write_atomically_keeps_the_old_file_when_a_write_fails(tmp_path):
    target = tmp_path / "places.tsv"
    target.write_text("old", encoding="utf-8")

    def fail(stream):
        stream.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, fail)
    assert target.read_text(encoding="utf-8") == "old" and _leftovers(tmp_path) == []


def test_a_temporary_file_of_a_killed_writer_is_removed_by_the_next_save(tmp_path):
    cache = Cache(tmp_path, family="test", codec="marshal")
    stale = tmp_path / f".test-{'k' * 32}.marshal.abc123.tmp"     # what write_atomically names them
    fresh = tmp_path / f".test-{'m' * 32}.marshal.def456.tmp"      # a writer still at work
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    cache.save("n" * 64, {"a": 1})
    assert not stale.exists() and fresh.exists()
