"""bench/read_sample.py: the rows the guide keeps apart, and what a change moved per article."""
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _read_sample():
    spec = importlib.util.spec_from_file_location("read_sample_under_test", BENCH / "read_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rows_kept_apart_are_read_from_the_line_after_the_guides_words():
    guide = "Source: news.\nDo not use these rows (kept apart):\n12, 7, 305\n(and the same stories)\n"
    assert _read_sample().rows_kept_apart(guide) == {12, 7, 305}


def test_a_guide_without_the_list_is_an_error():
    with pytest.raises(ValueError):
        _read_sample().rows_kept_apart("Source: news.\n")


def test_changes_lists_removed_and_added_items_per_article():
    quiet = {"type": "Protests", "date": "2016-03-02"}
    base = {"r1": {"title": "A", "events": [{"type": "Battles", "date": None}, quiet]},
            "r2": {"title": "B", "events": [quiet]}}
    new = {"r1": {"title": "A", "events": [{"type": "Riots", "date": None}, quiet]},
           "r2": {"title": "B", "events": [quiet]}}
    lines = _read_sample().changes(base, new, "events")
    assert lines[0] == "== r1 A"
    assert lines[1].startswith("  - ") and '"Battles"' in lines[1]
    assert lines[2].startswith("  + ") and '"Riots"' in lines[2]
    assert len(lines) == 3


def test_readable_takes_the_contract_fields_and_names_the_ids():
    out = {"actors": [{"id": "a1", "name": "Police Forces of Kenya (2013-)"}],
           "people": [{"id": "p1", "name": "A Spokesman"}],
           "events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2016-05-03",
                       "country": "Kenya", "location": "Mombasa", "fatalities": 2, "status": "reported",
                       "salience": "main", "actor1": "a1", "actor2": None,
                       "evidence": {"text": "Police fought gunmen.", "start": 0, "end": 21}}],
           "statements": [{"speaker": "p1", "actor": "a1",
                           "points": [{"text": "We will respond.", "start": 30, "end": 46, "labels": ["threat"]}]}]}
    got = _read_sample().readable(out)
    assert got["events"][0]["date"] == "2016-05-03" and got["events"][0]["actor1"].startswith("Police Forces")
    assert got["events"][0]["evidence"] == "Police fought gunmen."
    assert got["points"] == [{"speaker": "A Spokesman", "actor": "Police Forces of Kenya (2013-)",
                              "text": "We will respond.", "labels": ["threat"]}]


def test_a_draw_about_a_pattern_keeps_articles_that_name_it_twice():
    import re
    about = re.compile("Syria|Iraq")
    docs = _read_sample().draw(3, 5, about)
    assert len(docs) == 5
    assert all(len(about.findall(d["text"])) >= 2 for d in docs)
