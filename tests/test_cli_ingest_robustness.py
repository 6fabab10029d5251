"""`conflictdesk ingest` under hostile conditions, through the real entry point: a document too
long for the language pipeline, a 100 KB URL, a run killed while its workers extract.

The long documents pad short reports written for these tests with a few long paragraphs of long
made-up words (few tokens per character, so the pipeline parses them quickly).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.nlp.parse import MAX_CHARS
from conflictdesk.store import Store
from conflictdesk.store.database import ERROR_MESSAGE_CHARS, ERROR_ORIGIN_CHARS

REPO = Path(__file__).resolve().parents[1]
REPORT = ("Gunmen killed five soldiers and wounded three others in an attack on an army checkpoint near Arish in "
          "Egypt's North Sinai province on Sunday, security sources said. Militants fired rockets at a police station in "
          "the town later that day, wounding two policemen.")
LATE_REPORT = ("Thousands of people protested in the Lebanese capital Beirut on Saturday against the government, "
               "and police fired tear gas to disperse demonstrators who threw stones near parliament. Protesters clashed with "
               "riot police in the city again on Sunday.")


def _padded(chars: int, word: str = "quorvalentisk") -> str:
    # paragraphs of 90,000 characters: one sentence each, so the reports' sentences are not drowned
    # (the events stage reads a text whose sentences rarely tell of conflict as not about conflict)
    paragraph = " ".join([word * 5] * (90_000 // (len(word) * 5 + 1)))
    padding = "\n\n".join([paragraph] * (chars // (len(paragraph) + 2) + 1))
    return f"Long Report From the Field\n\n{REPORT}\n\n{padding}\n\n{LATE_REPORT}\n"


def run(db: str, *args: str):
    return CliRunner().invoke(main, ["--db", db, *args])


@pytest.fixture()
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'x.sqlite'}"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_documents_over_a_million_characters_are_extracted_in_parts_or_refused_and_the_batch_goes_on(
        db, tmp_path, workers):
    (tmp_path / "a_good.txt").write_text(f"Checkpoint Attack in Sinai\n\n{REPORT}\n", encoding="utf-8")
    (tmp_path / "b_long.txt").write_text(_padded(1_100_000), encoding="utf-8")        # over spaCy's 1,000,000
    (tmp_path / "c_huge.txt").write_text(_padded(MAX_CHARS + 10_000, "bramblethorpe"), encoding="utf-8")  # over the bound
    sources = [str(tmp_path / name) for name in ("a_good.txt", "b_long.txt", "c_huge.txt")]
    result = run(db, "ingest", *sources, "--workers", workers, "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["ingested"], summary["extracted"], summary["failed"]) == (3, 2, 1)
    with Store(db) as store:
        docs = {Path(d.origin).name: d for d in store.list_documents(limit=None)}
        assert set(docs) == {"a_good.txt", "b_long.txt", "c_huge.txt"}
        long_events = store.get_extraction(docs["b_long.txt"].id).events
        (error,) = store.list_errors()
    text = docs["b_long.txt"].text
    assert len(text) > 1_000_000
    assert all(text[ev.evidence.start:ev.evidence.end] == ev.evidence.text for ev in long_events)
    assert any(ev.evidence.start > 1_000_000 for ev in long_events)
    assert (error.code, error.stage, error.document_id) == ("E406", "language", docs["c_huge.txt"].id)
    assert Path(error.origin).name == "c_huge.txt" and "split it into separate documents" in error.message
    # a re-run resumes: nothing new is stored, the refused document is refused again, the rest is done
    again = json.loads(run(db, "ingest", *sources, "--workers", workers, "--format", "json").stdout)
    assert (again["ingested"], again["duplicates"], again["extracted"], again["failed"]) == (0, 3, 0, 1)


def test_a_100_kb_url_is_not_stored_whole_in_errors(db):
    url = "https://example.org/" + "a" * 100_000
    result = run(db, "ingest", url, "--no-extract", "--format", "json")
    assert json.loads(result.stdout)["failed"] == 1
    with Store(db) as store:
        (error,) = store.list_errors()
    assert error.code == "E110"
    assert len(error.origin) <= ERROR_ORIGIN_CHARS and len(error.message) <= ERROR_MESSAGE_CHARS
    assert error.origin.startswith("https://example.org/aaa") and "[cut: 100,020 characters]" in error.origin
    assert "cut:" in error.message


def _children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it has exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="lists processes through /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_ingest_ends_its_worker_processes(tmp_path, sig):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(400):                   # enough work that the workers are busy when the run is killed
        (folder / f"{number:03d}.txt").write_text(f"Report {number}\n\n{REPORT} It was attack number {number}.\n"
                                                  f"\n{LATE_REPORT}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    parent = subprocess.Popen([sys.executable, "-m", "conflictdesk", "--db", f"sqlite:///{tmp_path / 'k.sqlite'}",
                               "ingest", str(folder), "--workers", "2", "--batch-size", "16"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while len(workers) < 2 and parent.poll() is None and time.monotonic() < deadline:
            workers = _children(parent.pid)
            time.sleep(0.2)
        assert len(workers) == 2, "the run never started its two workers"
        parent.send_signal(sig)
        parent.wait(timeout=60)
        deadline = time.monotonic() + 60           # generous: the workers check every half second
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the killed run"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in workers:                         # never leave a failed run's workers behind
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
