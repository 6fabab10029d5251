"""Stories and the weekly digest, on project-written articles over two weeks (one wire story
re-headlined twice, a lifestyle story syndicated three times, a court follow-up of an earlier bombing)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.brief.digest import iso_week
from conflictdesk.brief.stories import cosine, group_stories, tfidf_vectors
from conflictdesk.cli import main
from conflictdesk.errors import BriefError
from conflictdesk.records import Document

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "statements" / "digest" / "articles.jsonl"
MALI = {"w05-mali-wire", "w05-mali-copy1", "w05-mali-copy2"}
CHEF = {"w05-chef-wire", "w05-chef-copy1", "w05-chef-copy2"}
WEEK5 = MALI | CHEF | {"w05-kenya-protest", "w05-idlib-strikes", "w05-baghdad-court"}
CONFLICT5 = MALI | {"w05-kenya-protest", "w05-idlib-strikes"}      # news of a current conflict event


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def db(new_db_url) -> str:
    url = new_db_url("digest")
    _run(["--db", url, "ingest", str(ARTICLES)])
    return url


@pytest.fixture(scope="module")
def week5(db) -> dict:
    return json.loads(_run(["--db", str(db), "digest", "--week", "2016-W05", "--format", "json"]))


def test_digest_lists_distinct_stories_with_their_sources(week5):
    assert week5["week"] == "2016-W05" and week5["start"] == "2016-02-01" and week5["end"] == "2016-02-07"
    listed = [s["document_id"] for story in week5["stories"] for s in story["sources"]]
    assert sorted(listed) == sorted(CONFLICT5)          # every conflict report of the week, once, nothing else
    assert week5["left_out"] == 2                        # the restaurant opening, and the court's sentence
    mali = [st for st in week5["stories"] if {s["document_id"] for s in st["sources"]} & MALI]
    assert len(mali) == 1, "the wire story and its two re-headlined copies are one story"
    titles = {s["title"] for s in mali[0]["sources"]}
    assert titles == {"Militants attack army post in northern Mali, killing four soldiers",
                      "Four Malian soldiers killed in attack on army post",
                      "Mali: gunmen storm military post near Timbuktu"}
    assert all(s["url"].startswith("https://example.org/") for s in mali[0]["sources"])
    assert len(week5["stories"]) == 3
    assert [st["rank"] for st in week5["stories"]] == [1, 2, 3]
    scores = [st["score"] for st in week5["stories"]]
    assert scores == sorted(scores, reverse=True)


def test_each_story_has_a_cited_summary_and_brief_commands(week5, db):
    for story in week5["stories"]:
        summary = story["summary"]
        assert summary["citations"] and " reports: “" in summary["text"]
        cite = summary["citations"][0]
        assert cite["ref"] in {s["document_id"] for s in story["sources"]}
        assert story["commands"] and all(c.startswith("conflictdesk brief ") for c in story["commands"])
    # the command a story lists works
    first = week5["stories"][0]["commands"][0].split()[-1]
    assert "## The Statement" in _run(["--db", str(db), "brief", first])
    story_md = _run(["--db", str(db), "brief", week5["stories"][0]["id"]])
    assert "## What to Know" in story_md


def test_digest_markdown_and_html(db):
    md = _run(["--db", str(db), "digest", "--week", "2016-W05"])
    assert md.startswith("# Week's Top Stories: 2016-W05")
    assert md.count("\n## ") == 4 and "Sources:" in md and "3 stories shown; 2 stories left out" in md
    assert "[doc:" not in md and re.search(r"^1\. document `w05-[\w-]+`, characters \d+–\d+$", md, re.M)
    assert "Events per day: Mon 01: 0; Tue 02: " in md
    page = _run(["--db", str(db), "digest", "--week", "2016-W05", "--format", "html"])
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page.lower()
    week4 = json.loads(_run(["--db", str(db), "digest", "--week", "2016-W04", "--format", "json"]))
    assert {s["document_id"] for st in week4["stories"] for s in st["sources"]} == {"w04-baghdad-bomb",
                                                                                     "w04-yemen-talks"}


def test_a_bad_week_is_a_clean_error(db):
    result = CliRunner().invoke(main, ["--db", str(db), "digest", "--week", "2016-5"])
    assert result.exit_code != 0 and "E502" in result.output


def test_iso_week_bounds():
    assert iso_week("2016-W05") == (dt.date(2016, 2, 1), dt.date(2016, 2, 7))
    with pytest.raises(BriefError):
        iso_week("2016-W54")


def test_group_stories_joins_copies_and_keeps_unrelated_apart():
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    docs = [Document(id=r["id"], text=r["text"], title=r["title"], published=dt.date.fromisoformat(r["published"]),
                     source=r["source"]) for r in rows]
    stories = group_stories(docs)
    by_doc = {d.id: s.id for s in stories for d in s.documents}
    assert len({by_doc[i] for i in MALI}) == 1
    assert len({by_doc[i] for i in CHEF}) == 1
    assert len(set(by_doc.values())) == len(docs) - 4
    # a near-duplicate flagged by the store joins its original even when its text is rewritten
    odd = Document(id="rewrite", text="Entirely different words about a football match.", title="Sport",
                   published=dt.date(2016, 2, 2), duplicate_of="w05-kenya-protest")
    stories = group_stories(docs + [odd])
    assert {d.id for s in stories for d in s.documents if s.id == "story-w05-kenya-protest"} >= {"rewrite"}


def test_tfidf_cosine():
    v = tfidf_vectors(["rockets hit the base", "rockets hit the base", "talks on prisoners resume"])
    assert cosine(v[0], v[1]) == pytest.approx(1.0)
    assert cosine(v[0], v[2]) == 0.0


def _story_of(digest: dict, doc_id: str) -> dict:
    return next(st for st in digest["stories"] if doc_id in {s["document_id"] for s in st["sources"]})


def test_deadly_conflict_events_outrank_a_syndicated_lifestyle_story(week5):
    mali, idlib = _story_of(week5, "w05-mali-wire"), _story_of(week5, "w05-idlib-strikes")
    assert not [st for st in week5["stories"] if CHEF & {s["document_id"] for s in st["sources"]}]  # three copies
    assert mali["fatalities"] == 4                                 # one figure, not summed over its three copies
    assert idlib["fatalities"] == 9
    assert {mali["rank"], idlib["rank"]} == {1, 2}                 # the two deadly stories lead the week
    days = {d["day"]: d["by_type"] for d in week5["days"]}
    assert len(days) == 7 and days["2016-02-01"] == {}
    assert days["2016-02-05"].get("Explosions/Remote violence", 0) >= 1      # the Idlib strikes


def test_digest_html_has_an_escaped_inline_svg_timeline(db):
    import xml.etree.ElementTree as ET

    page = _run(["--db", str(db), "digest", "--week", "2016-W05", "--format", "html"])
    start, end = page.index("<svg"), page.index("</svg>") + len("</svg>")
    svg = ET.fromstring(page[start:end])                           # well-formed, self-contained
    ns = "{http://www.w3.org/2000/svg}"
    bars = svg.findall(f"{ns}rect/{ns}title")
    assert bars and all(re.match(r"2016-02-0[1-7]: \d+ ", b.text) for b in bars)
    labels = [t.text for t in svg.findall(f"{ns}text")]
    assert "Mon 01" in labels and "Sun 07" in labels and "Explosions/Remote violence" in labels
    assert "<script" not in page.lower() and "href=\"http" not in page[start:end]


def test_timeline_escapes_text_and_handles_an_empty_week():
    from conflictdesk.brief.digest import DayCount, Digest, timeline_svg

    days = [DayCount(dt.date(2016, 2, 1) + dt.timedelta(days=i)) for i in range(7)]
    days[2].by_type = {"<script>alert(1)</script>": 2, "Battles": 1}
    svg = timeline_svg(Digest("2016-W05", days[0].day, days[-1].day, 3, days=days))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    empty = timeline_svg(Digest("2016-W05", days[0].day, days[-1].day, 0,
                                days=[DayCount(d.day) for d in days]))
    assert "No stored event this week" in empty


@pytest.mark.parametrize("evidence,fatalities,credible", [
    ("Air strikes hit the town on Friday, killing at least nine civilians.", 9, True),
    ("The five-year conflict has killed an estimated 250,000 people.", 250000, False),
    ("The war has killed more than 400 people since 2014.", 400, False),
    ("Protesters railed against the chief over the shooting death of 26-year-old Mario Woods.", 26, False),
    ("The world spent $2.7 billion treating malaria in 2013.", 438, False),
    ("Militants stormed the post, killing four soldiers.", 4, True),
])
def test_credible_fatalities(evidence, fatalities, credible):
    from conflictdesk.brief.digest import credible_fatalities
    from conflictdesk.records import Event, Span, StoredEvent

    event = Event("e1", "Battles", "Armed clash", Span(0, len(evidence), evidence), fatalities=fatalities)
    got = credible_fatalities(StoredEvent(event, "d1"))
    assert (got == fatalities) if credible else got is None


@pytest.mark.parametrize("evidence,toll", [
    ("At least 38 people were killed in air strikes carried out by a U.S.-led coalition in Hasaka province in the "
     "past two days, the monitor said.", 38),
    ("Air strikes killed 27 people over 48 hours in Idlib, the monitor said.", 27),
    ("Air strikes on Aleppo have killed 91 people in the past six weeks, the monitor said.", None),   # not a few days
    ("At least 38 people were killed in air strikes in Hasaka on Tuesday.", None),     # one day's: the event's own
])
@pytest.mark.parametrize("own", [None, 15])
def test_a_few_days_toll_is_the_storys(evidence, toll, own):
    # the extraction gives a few days' strikes no fatalities (several incidents), or one day's told in another
    # sentence ('Air raids killed 15 others on Thursday'); the story's toll is the few days'
    from conflictdesk.brief.incidents import few_days_toll
    from conflictdesk.records import Event, Span, StoredEvent

    event = Event("e1", "Explosions/Remote violence", "Air/drone strike", Span(0, len(evidence), evidence),
                  salience="main", status="reported", fatalities=own)
    assert few_days_toll(StoredEvent(event, "d1")) == toll
