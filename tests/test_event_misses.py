"""bench/event_misses.py: a type miss says whether its nearest prediction tells the gold sentence."""
import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _misses():
    spec = importlib.util.spec_from_file_location("event_misses_under_test", BENCH / "event_misses.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLD = {"event_type": "Explosions/Remote violence", "country": "Iraq", "event_date": None,
        "evidence": "The army said it shelled the village. ... A total of 40 militants have been killed in such attacks."}


def test_prediction_of_a_quoted_piece_is_same_sentence():
    pred = {"event_type": "Battles", "evidence": {"text": "A total of 40 militants have been killed in such attacks."}}
    assert _misses().same_sentence(GOLD, pred)


def test_prediction_of_another_sentence_is_not():
    pred = {"event_type": "Battles", "evidence": {"text": "Clashes broke out in Mosul on Friday, officials said."}}
    assert not _misses().same_sentence(GOLD, pred)


def test_type_miss_prefers_the_prediction_of_its_own_sentence():
    other = {"event_type": "Battles", "country": "Iraq", "event_date": "2016-05-01",
             "evidence": {"text": "Clashes broke out in Mosul on Friday, officials said."}}
    own = {"event_type": "Violence against civilians", "country": "Iraq", "event_date": "2016-05-01",
           "evidence": {"text": "A total of 40 militants have been killed in such attacks."}}
    reason, near = _misses().miss_reason(GOLD, [other, own])
    assert reason == "type" and near is own
