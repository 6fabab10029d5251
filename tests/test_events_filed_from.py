"""The town a wire report was filed from, for its news told with no place of its own: a dateline without a
dash ("HANOVER, Germany U.S. President ...") is the story's place only when the body names that town again
before any other town of its country, and only for an event of the report's news in that country told
with no town (or with the country alone).

The real articles are news-2016 rows of the annotated `dev` split, read from ../shared/data at run time;
the pure rules are checked on written records."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictdesk.extract.events.attributes import filed_story, is_dateline
from conflictdesk.extract.pipeline import extract_document
from conflictdesk.extract.places.sources import bare_dateline_candidate
from conflictdesk.records import Document, Place, Span


@pytest.fixture(scope="module")
def extracted(shared_dir: Path, nlp, kb) -> dict[int, list]:
    wanted = {2382, 3958}
    path = shared_dir / "data" / "news-2016" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("the shared news-2016 articles are not available")
    out: dict[int, list] = {}
    with path.open(encoding="utf-8") as fh:
        for row, line in enumerate(fh):
            if row in wanted:
                a = json.loads(line)
                doc = Document(id=f"news2016-{row}", text=a["text"], language="en",
                               published=dt.date.fromisoformat(a["date"][:10]))
                out[row] = extract_document(doc, nlp=nlp, kb=kb).events
    return out


def test_the_news_told_with_no_place_is_at_the_town_the_story_names_again(extracted):
    # "HANOVER, Germany U.S. President Barack Obama said ... Thousands of protesters ... marched on Saturday"
    marched = [e for e in extracted[2382] if "marched on Saturday" in e.evidence.text]
    assert marched and all(e.location == "Hanover" for e in marched), [(e.location, e.country) for e in marched]
    # "ISTANBUL Three suspected Islamic State suicide bombers ...": "raids at 16 locations in the city"
    raids = [e for e in extracted[3958] if "simultaneous raids" in e.evidence.text]
    assert raids and all(e.location == "Istanbul" for e in raids), [(e.location, e.country) for e in raids]


def test_a_dateline_without_a_dash_before_an_abbreviation_is_read():
    cand = bare_dateline_candidate("HANOVER, Germany U.S. President Barack Obama said on Sunday ...")
    assert cand is not None and (cand.text, cand.country_hint) == ("HANOVER", "Germany")
    assert bare_dateline_candidate("BAGHDAD - Iraqi forces ...") is None      # a dashed one is a place already
    assert bare_dateline_candidate("U.S. officials said on Sunday ...") is None


def test_a_dateline_with_a_second_filing_point_after_its_country_is_read():
    # "KUNDUZ, Afghanistan/KABUL Gunmen stormed ...": the first city, its country, then the second city
    cand = bare_dateline_candidate("KUNDUZ, Afghanistan/KABUL Gunmen stormed a police post on Monday ...")
    assert cand is not None and (cand.text, cand.country_hint) == ("KUNDUZ", "Afghanistan")
    assert is_dateline(Place(span=Span(0, 6, "KUNDUZ"), name="Kunduz", country="Afghanistan", admin1=None,
                             latitude=36.7, longitude=68.9, geo_precision=1),
                       "KUNDUZ, Afghanistan/KABUL Gunmen stormed a police post on Monday ...")


def _town(text: str, name: str, start: int, lat: float, lon: float, country: str = "United States") -> Place:
    return Place(span=Span.of(text, start, start + len(name)), name=name, country=country, admin1=None,
                 latitude=lat, longitude=lon, geo_precision=1)


def test_a_filing_point_the_story_never_comes_back_to_is_no_place_of_it():
    text = "JUNEAU, Alaska Alaska State Troopers arrested a man over attacks near the Nulato checkpoint."
    juneau = _town(text, "JUNEAU", 0, 58.30, -134.42)
    assert filed_story(juneau, [juneau], text) is None


def test_a_capital_filing_the_story_of_another_town_is_no_place_of_it():
    text = "WASHINGTON Obama spoke after the Orlando massacre. Lawmakers in Washington voted."
    washington = _town(text, "WASHINGTON", 0, 38.90, -77.04)
    orlando = _town(text, "Orlando", text.index("Orlando"), 28.54, -81.38)
    again = _town(text, "Washington", text.index("Washington"), 38.90, -77.04)
    assert filed_story(washington, [orlando, again], text) is None
    text = "DALLAS Dallas police used a robot. Officers from Houston came."
    dallas = _town(text, "DALLAS", 0, 32.78, -96.81)
    houston = _town(text, "Houston", text.index("Houston"), 29.76, -95.36)
    assert filed_story(dallas, [houston], text) is dallas
