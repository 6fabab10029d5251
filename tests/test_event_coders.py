"""Event coders: the registry (built-ins and an installed plug-in), the classifier coders over a model
`train` made, the stage a failure names, and `--event-coder` on extract, ingest and evaluate."""
from __future__ import annotations

import json
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.errors import Code, ConfigError, ExtractionError
from conflictdesk.evaluate.acled import read_acled
from conflictdesk.extract import event_coder_names, extract_document, extract_documents, load_event_coder
from conflictdesk.extract.events.coders import BUILTIN_EVENT_CODERS, EVENT_CODER_GROUP
from conflictdesk.evaluate.event_type import train_event_type
from conflictdesk.records import Document, Event, Failure, Findings

REPO = Path(__file__).resolve().parents[1]
EXPORT = Path(__file__).parent / "fixtures" / "acled" / "acled_like_export.csv"
REPORT = ("Syrian government forces shelled the town of Kafr Nabl in Idlib on Monday, killing three civilians, "
          "the Syrian Observatory said.")
NO_EVENT = "Prices of wheat rose sharply in the markets of the capital this week."


@pytest.fixture(scope="module")
def model_path(tmp_path_factory) -> Path:
    """A model trained on the project-written, ACLED-shaped export, saved as `train` saves it."""
    path = tmp_path_factory.mktemp("model") / "event_type.npz"
    train_event_type(read_acled(EXPORT)).save(path)
    return path


def _doc(text: str, doc_id: str = "d1") -> Document:
    return Document(id=doc_id, text=text, language="en")


def test_builtins_are_registered_and_declared_as_entry_points_in_pyproject() -> None:
    assert event_coder_names()[:3] == ["rules.v1", "tfidf-lr.v1", "rules+clf.v1"]
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"][EVENT_CODER_GROUP]
    assert declared == BUILTIN_EVENT_CODERS


def test_unknown_coder_and_a_model_for_a_coder_without_one_are_coded_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_event_coder("nope.v1")
    assert info.value.code == Code.EVENT_CODER and "rules.v1" in info.value.message
    with pytest.raises(ConfigError) as info:
        load_event_coder("rules.v1", model=tmp_path / "m.npz")
    assert info.value.code == Code.EVENT_CODER
    with pytest.raises(ConfigError) as info:
        load_event_coder("tfidf-lr.v1", model=tmp_path / "missing.npz")
    assert info.value.code == Code.MODEL_FILE and "conflictdesk train" in info.value.message


def test_an_installed_plugin_coder_is_found_through_its_entry_point(tmp_path: Path, monkeypatch, nlp, kb) -> None:
    (tmp_path / "cd_first_sentence.py").write_text(textwrap.dedent('''
        from conflictdesk.records import Event, Span

        class FirstSentence:
            name = "first-sentence.v1"

            def __call__(self, doc, parsed, findings, *, kb):
                sent = next(iter(parsed.sents))
                return [Event(id=doc.id + "-ev1", event_type="Strategic developments", sub_event_type="Other",
                              evidence=Span.of(doc.text, sent.start_char, sent.end_char), rule="first",
                              confidence=0.5, actor1=findings.actors[0].id if findings.actors else None)]
    '''))
    info = tmp_path / "cd_first_sentence-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cd-first-sentence\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[{EVENT_CODER_GROUP}]\nfirst-sentence.v1 = cd_first_sentence:FirstSentence\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "cd_first_sentence", raising=False)
    assert "first-sentence.v1" in event_coder_names()
    ex = extract_document(_doc(REPORT), nlp=nlp, kb=kb, coder="first-sentence.v1")
    [ev] = ex.events
    assert (ev.coder, ev.rule, ev.confidence) == ("first-sentence.v1", "first", 0.5)  # the pipeline named the coder
    assert ev.evidence.text == REPORT
    assert ev.actor1 in {a.id for a in ex.actors}


def test_classifier_coder_codes_one_event_per_document_with_its_probability(model_path, nlp, kb) -> None:
    ex = extract_document(_doc(REPORT), nlp=nlp, kb=kb, coder=load_event_coder("tfidf-lr.v1", model=model_path))
    [ev] = ex.events
    assert ev.coder == ev.rule == "tfidf-lr.v1"
    assert 0.0 < ev.confidence <= 1.0
    assert ev.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians",
                             "Strategic developments", "Protests")
    assert ev.sub_event_type == "" and ev.actor1 is None and ev.fatalities is None and ev.location is None
    assert ex.document.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text == REPORT


def test_rules_with_classifier_keeps_the_rules_events_and_adds_confidence(model_path, nlp, kb) -> None:
    rules = extract_document(_doc(REPORT), nlp=nlp, kb=kb).events
    both = extract_document(_doc(REPORT), nlp=nlp, kb=kb,
                            coder=load_event_coder("rules+clf.v1", model=model_path)).events
    # rules.v1: the event-confidence model's probability that the event is right (test_events_confidence.py)
    assert rules and all(ev.coder == "rules.v1" and 0.0 <= ev.confidence <= 1.0 for ev in rules)
    assert [(e.event_type, e.sub_event_type, e.actor1, e.evidence) for e in both] == \
        [(e.event_type, e.sub_event_type, e.actor1, e.evidence) for e in rules]
    assert all(ev.coder == "rules+clf.v1" and 0.0 <= ev.confidence <= 1.0 for ev in both)
    # where the rules find no event, the classifier's event stands in
    assert extract_document(_doc(NO_EVENT), nlp=nlp, kb=kb).events == []
    [fallback] = extract_document(_doc(NO_EVENT), nlp=nlp, kb=kb,
                                  coder=load_event_coder("rules+clf.v1", model=model_path)).events
    assert (fallback.coder, fallback.rule) == ("rules+clf.v1", "tfidf-lr.v1")


class _BrokenCoder:
    name = "broken.v1"

    def __call__(self, doc: Document, parsed, findings: Findings, *, kb) -> list[Event]:
        raise ValueError("no luck")


def test_a_failure_names_the_stage_that_failed(nlp, kb) -> None:
    docs = [_doc(REPORT, "ok"), Document(id="fr", text="Bonjour à tous.", language="fr")]
    results = list(extract_documents(docs, nlp=nlp, kb=kb, coder=_BrokenCoder()))
    assert [(r.stage, r.code) for r in results] == [("events", ExtractionError.code), ("language", "E106")]
    assert all(isinstance(r, Failure) for r in results) and "ValueError: no luck" in results[0].message
    with pytest.raises(ValueError):
        list(extract_documents(docs[:1], nlp=nlp, kb=kb, coder=_BrokenCoder(), strict=True))


def test_cli_extract_evaluate_and_ingest_choose_the_coder(model_path, tmp_path: Path) -> None:
    runner = CliRunner()
    note = tmp_path / "note.txt"
    note.write_text(REPORT)
    out = runner.invoke(main, ["extract", str(note), "--event-coder", "tfidf-lr.v1", "--model", str(model_path)])
    assert out.exit_code == 0, out.output
    assert [e["coder"] for e in json.loads(out.stdout)["events"]] == ["tfidf-lr.v1"]
    bad = runner.invoke(main, ["extract", str(note), "--event-coder", "nope.v1"])
    assert bad.exit_code == 1 and "[E903]" in bad.output

    result = runner.invoke(main, ["evaluate", str(EXPORT), "--limit", "6", "--format", "json",
                                  "--event-coder", "rules.v1", "--event-coder", "tfidf-lr.v1",
                                  "--event-coder", "rules+clf.v1", "--model", str(model_path)])
    assert result.exit_code == 0, result.output
    coders = json.loads(result.stdout)["coders"]
    assert list(coders) == ["rules.v1", "tfidf-lr.v1", "rules+clf.v1"]
    assert all(s["documents"] == 6 for s in coders.values())
    table = runner.invoke(main, ["evaluate", str(EXPORT), "--limit", "3", "--event-coder", "rules.v1",
                                 "--event-coder", "tfidf-lr.v1", "--model", str(model_path)])
    assert table.exit_code == 0 and "rules.v1" in table.stdout.splitlines()[0] and "tfidf-lr.v1" in table.stdout

    db = f"sqlite:///{tmp_path / 'cd.sqlite'}"
    ingested = runner.invoke(main, ["--db", db, "ingest", str(note), "--event-coder", "rules+clf.v1",
                                    "--model", str(model_path)])
    assert ingested.exit_code == 0, ingested.output
    from conflictdesk.store import Store

    with Store(db) as store:
        events = [s.event for s in store.list_events()]
    assert events and all(ev.coder == "rules+clf.v1" and ev.confidence is not None for ev in events)
