"""Extraction on a Dask LocalCluster (`--scheduler local`): the same extractions as one process,
each worker loading the pipeline and the knowledge base once, and storage exactly-once when a
worker is killed mid-run (SIGKILL; its tasks run again elsewhere), on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import os
import signal
import socket

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.config import DEFAULT_MODEL
from conflictdesk.errors import ConfigError
from conflictdesk.extract import extract_documents
from conflictdesk.extract.cluster import ClusterExtractor, worker_loads
from conflictdesk.extract.events.coders import load_event_coder
from conflictdesk.ingest import read_text_document
from conflictdesk.records import Extraction
from conflictdesk.store import Store, ingest_batch
from feed_server import ARTICLES

PLACES = ["Mosul", "Kirkuk", "Tikrit", "Ramadi", "Fallujah", "Samarra"]


def _docs(n: int):
    """Short invented reports (the feed server's), each at another place and with a number."""
    docs = []
    for i in range(n):
        title, body = ARTICLES[1 + i % len(ARTICLES)]
        place = PLACES[i % len(PLACES)]
        text = body.replace("Mosul", place).replace("Basra", place) + f" It was the {i + 1}th such incident this month."
        docs.append(read_text_document(text, title=title, id=f"report-{i:02d}"))
    return docs


@pytest.fixture(scope="module")
def cluster():
    with ClusterExtractor.open("local", workers=2, model=DEFAULT_MODEL, kb_dirs=(),
                               coder=load_event_coder("rules.v1"), chunk_size=2) as running:
        yield running


def _events(items) -> dict[str, list[tuple]]:
    return {x.document.id: [(e.event_type, e.sub_event_type, e.actor1, e.location, e.evidence.start)
                            for e in x.events] for x in items if isinstance(x, Extraction)}


def test_a_local_cluster_extracts_what_one_process_does_loading_once_per_worker(cluster, nlp, kb):
    docs = _docs(8)
    expected = _events(extract_documents(docs, nlp=nlp, kb=kb))
    got = list(cluster(docs))
    assert [x.document.id for x in got] == [d.id for d in docs]          # input order
    assert _events(got) == expected and sum(map(len, expected.values())) >= 4
    assert sorted(cluster.client.run(worker_loads).values()) == [1, 1]


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(cluster, new_db_url, nlp, kb):
    docs = _docs(24)
    expected = _events(extract_documents(docs, nlp=nlp, kb=kb))
    pids_before = cluster.client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(_outcome) -> None:
        if killed:
            return
        busy = [address for address, keys in cluster.client.processing().items() if keys]
        pid = pids_before[busy[0] if busy else next(iter(pids_before))]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    with Store(new_db_url("dask")) as store:
        summary = ingest_batch(docs, store, extractor=cluster, batch_size=24, on_outcome=kill_a_busy_worker)
        assert killed and summary.failed == 0 and summary.extracted == len(docs)
        stored = store.list_documents(limit=None)
        assert sorted(d.id for d in stored) == sorted(d.id for d in docs)      # each once
        assert {d.id: [(e.event_type, e.sub_event_type, e.actor1, e.location, e.evidence.start)
                       for e in store.get_extraction(d.id).events] for d in docs} == expected
        assert store.list_errors() == []
    cluster.client.wait_for_workers(2, timeout=120)
    pids_after = cluster.client.run(os.getpid)
    assert killed[0] not in pids_after.values()                             # a new worker took its place
    assert sorted(cluster.client.run(worker_loads).values()) == [1, 1]      # ... and loaded once too


def test_an_unreachable_scheduler_is_a_coded_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ConfigError) as info:
        ClusterExtractor.open(f"tcp://127.0.0.1:{port}", model=DEFAULT_MODEL, kb_dirs=(),
                              coder=load_event_coder("rules.v1"), timeout=2)
    assert info.value.code == "E905" and f"tcp://127.0.0.1:{port}" in info.value.message


def test_ingest_with_a_local_cluster_through_the_command(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for doc in _docs(4):
        (folder / f"{doc.id}.txt").write_text(f"{doc.title}\n\n{doc.text}\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'dask.sqlite'}"
    result = CliRunner().invoke(main, ["--db", db, "ingest", str(folder), "--scheduler", "local", "--workers", "1",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["ingested"], summary["extracted"], summary["failed"]) == (4, 4, 0) and summary["events"] >= 3
