"""The digest on real wire copy: one week (2016-W05) of ../shared/data/news-2016 lists really
distinct stories, and known same-story articles share one story."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.brief.stories import _doc_text, cosine, group_stories, tfidf_vectors
from conflictdesk.cli import main
from conflictdesk.records import Document

WEEK = (2016, 5)


@pytest.fixture(scope="module")
def week_rows(shared_dir: Path) -> list[dict]:
    rows = []
    with (shared_dir / "data" / "news-2016" / "articles.jsonl").open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            r = json.loads(line)
            day = dt.date.fromisoformat(r["date"][:10])
            if day.isocalendar()[:2] == WEEK:
                rows.append({"id": f"news2016-{i}", "published": day.isoformat(), "url": r["source_url"],
                             "title": r["title"] if len(r["title"]) > 3 else None, "text": r["text"]})
    return rows


def _story_of(stories, needle: str) -> set[str]:
    return {s.id for s in stories for d in s.documents if needle.lower() in (d.title or "").lower()}


@pytest.mark.slow
def test_week_stories_are_distinct_and_copies_grouped(week_rows):
    docs = [Document(id=r["id"], text=r["text"], title=r["title"], published=dt.date.fromisoformat(r["published"]))
            for r in week_rows]
    stories = group_stories(docs)
    assert sorted(d.id for s in stories for d in s.documents) == sorted(d.id for d in docs)
    assert len(stories) < len(docs)
    leads = [s.lead for s in stories]
    vectors = tfidf_vectors([_doc_text(d) for d in leads])
    close = [(leads[i].title, leads[j].title) for i in range(len(leads)) for j in range(i + 1, len(leads))
             if cosine(vectors[i], vectors[j]) >= 0.4]
    assert not close, close[:5]            # measured: the closest two story leads score 0.356
    for needle in ("Zika", "Assange", "Flint"):
        assert len(_story_of(stories, needle)) <= 2, needle      # a topic's wire copies share (at most two) stories
    assert len(_story_of(stories, "Assange")) == 1


@pytest.mark.slow
def test_digest_of_a_stored_week_through_the_cli(week_rows, tmp_path):
    source = tmp_path / "week.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in week_rows) + "\n", encoding="utf-8")
    db = tmp_path / "store.sqlite"
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "ingest", "--no-extract", str(source)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--db", str(db), "digest", "--week", "2016-W05", "--format", "json", "--top", "20"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    digest = json.loads(result.output)
    ids = [s["document_id"] for st in digest["stories"] for s in st["sources"]]
    assert len(ids) == len(set(ids))
    leads = [st["summary"]["text"] for st in digest["stories"]]
    assert len(leads) == len(set(leads)) == 20
    assert sum(len(st["sources"]) > 1 for st in digest["stories"]) >= 3
