"""Multi-process extraction (`extract/parallel.py`, `extract_documents(..., workers=N)`): the same
extractions as one process, in input order, and a bad document costs only itself.

The documents are short news reports written for these tests (not taken from the shared data).
No timing is asserted here; speed is measured by bench/bench_pipeline.py.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os

import pytest

from conflictdesk.contract import extraction_dict
from conflictdesk.errors import ExtractionError, UnsupportedLanguageError
from conflictdesk.extract import parallel
from conflictdesk.extract.pipeline import extract_documents
from conflictdesk.records import Document, Extraction, Failure

TEXTS = {
    "par-1": (
        "BAGHDAD, March 4 (Reuters) - Two rockets struck near the U.S. embassy in Baghdad's Green Zone late "
        "on Tuesday, causing no casualties, an Iraqi security official said. No group claimed responsibility, "
        "but Washington has blamed Iran-backed militias such as Kataib Hezbollah for similar attacks. The "
        "Iraqi army said it found the launcher in a field east of the capital."),
    "par-2": (
        "Gunmen killed five soldiers and wounded three others in an attack on an army checkpoint near Arish in "
        "Egypt's North Sinai province on Sunday, security sources said. Islamic State's Sinai affiliate said in "
        "a statement posted online that its fighters carried out the attack and vowed to continue targeting "
        "the Egyptian army."),
    "par-3": (
        "Thousands of people protested in the Lebanese capital Beirut on Saturday against the government's "
        "failure to collect rubbish, and police fired tear gas and water cannon to disperse demonstrators who "
        "threw stones near parliament. The Red Cross said 35 people were treated for injuries."),
    "par-4": (
        "Hezbollah leader Hassan Nasrallah said on Friday that his group would respond to any Israeli attack on "
        "Lebanon, in a televised speech marking the anniversary of the 2006 war. \"The resistance is ready,\" "
        "Nasrallah said, warning Israel against new strikes in southern Lebanon."),
    "par-5": (
        "Saudi-led coalition air strikes hit a market in the Yemeni town of Mastaba in Hajjah province on "
        "Tuesday, killing at least 65 civilians, residents and medics said. The Houthi movement, which controls "
        "the capital Sanaa, condemned the strikes. The coalition said it targeted a gathering of Houthi fighters."),
    "par-6": (
        "Turkish jets struck Kurdistan Workers Party (PKK) targets in the Qandil mountains of northern Iraq on "
        "Wednesday, the Turkish military said, a day after two soldiers were killed in a PKK attack in Hakkari "
        "province in southeast Turkey."),
}
FRENCH = ("Des hommes armés ont tué trois soldats lors d'une attaque contre un poste de contrôle près de "
          "Gao, au Mali, a déclaré l'armée malienne lundi.")


def _documents() -> list[Document]:
    docs = [Document(id=doc_id, text=text, title=text[:40], published=dt.date(2016, 3, 8), source="Test Wire",
                     language="en", origin=f"tests/{doc_id}", format="text")
            for doc_id, text in TEXTS.items()]
    french = Document(id="par-fr", text=FRENCH, published=dt.date(2016, 3, 8), language="fr",
                      origin="tests/par-fr", format="text")
    return docs[:3] + [french] + docs[3:]


@pytest.fixture(scope="module")
def resources():
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    return load_pipeline(), load_knowledge_base()


@pytest.fixture(scope="module")
def serial(resources):
    nlp, kb = resources
    return list(extract_documents(_documents(), nlp=nlp, kb=kb))


def _ids(items: list[Extraction | Failure]) -> list[str | None]:
    return [i.document.id if isinstance(i, Extraction) else i.document_id for i in items]


def test_serial_baseline_extracts_the_english_documents(serial):
    extractions = [i for i in serial if isinstance(i, Extraction)]
    assert len(extractions) == len(TEXTS)
    assert sum(len(ex.actors) for ex in extractions) > 0  # a baseline that extracted nothing proves nothing


@pytest.mark.parametrize("chunk_size", [1, 2, 16])
def test_two_workers_give_the_same_extractions_in_input_order(resources, serial, chunk_size):
    nlp, kb = resources
    got = list(parallel.extract_parallel(_documents(), nlp=nlp, kb=kb, workers=2, chunk_size=chunk_size,
                                         prefetch=1))
    assert _ids(got) == _ids(serial) == [d.id for d in _documents()]
    for mine, theirs in zip(got, serial):
        assert type(mine) is type(theirs)
        if isinstance(mine, Extraction):
            assert extraction_dict(mine) == extraction_dict(theirs)
            assert mine == theirs  # places, dates and quantities too
        else:
            assert mine == theirs


def test_extract_documents_workers_uses_processes_and_isolates_the_failure(resources, serial):
    nlp, kb = resources
    got = list(extract_documents(_documents(), nlp=nlp, kb=kb, workers=2))
    assert _ids(got) == _ids(serial)
    failures = [i for i in got if isinstance(i, Failure)]
    assert len(failures) == 1
    failure = failures[0]
    assert failure.document_id == "par-fr"
    assert failure.code == UnsupportedLanguageError.code
    assert failure.stage == "language" and failure.origin == "tests/par-fr"
    assert "'fr'" in failure.message
    assert [extraction_dict(i) for i in got if isinstance(i, Extraction)] == \
        [extraction_dict(i) for i in serial if isinstance(i, Extraction)]


def test_strict_raises_the_workers_error_in_the_caller(resources):
    nlp, kb = resources
    with pytest.raises(UnsupportedLanguageError) as info:
        list(extract_documents(_documents(), nlp=nlp, kb=kb, workers=2, strict=True))
    assert info.value.code == UnsupportedLanguageError.code
    assert "par-fr" in info.value.message


def test_empty_input_yields_nothing(resources):
    nlp, kb = resources
    assert list(parallel.extract_parallel([], nlp=nlp, kb=kb, workers=2)) == []


def test_bad_settings_are_refused(resources):
    nlp, kb = resources
    with pytest.raises(ValueError):
        list(parallel.extract_parallel(_documents(), nlp=nlp, kb=kb, workers=0))


def _die_on_marked_chunk(chunk, strict):  # runs in a worker: a crash in native code, simulated
    if any(d.id == "par-crash" for d in chunk):
        os._exit(70)
    return _ORIGINAL_EXTRACT_CHUNK(chunk, strict)


_ORIGINAL_EXTRACT_CHUNK = parallel._extract_chunk


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method")
def test_a_worker_that_dies_costs_only_its_own_chunk(resources, serial, monkeypatch):
    nlp, kb = resources
    # Forked workers inherit this patch; the marked document's worker exits as if it crashed.
    monkeypatch.setattr(parallel, "_extract_chunk", _die_on_marked_chunk)
    docs = _documents()
    docs.insert(2, Document(id="par-crash", text=TEXTS["par-1"], language="en", origin="tests/par-crash"))
    got = list(parallel.extract_parallel(docs, nlp=nlp, kb=kb, workers=2, chunk_size=1, prefetch=2))
    assert _ids(got) == [d.id for d in docs]
    crashed = got[2]
    assert isinstance(crashed, Failure) and crashed.code == ExtractionError.code
    assert "worker process died" in crashed.message
    rest = got[:2] + got[3:]
    assert [type(i) for i in rest] == [type(i) for i in serial]
    assert [extraction_dict(i) for i in rest if isinstance(i, Extraction)] == \
        [extraction_dict(i) for i in serial if isinstance(i, Extraction)]
