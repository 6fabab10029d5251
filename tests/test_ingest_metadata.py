"""Metadata that feeds and exports get wrong: word-less titles, missing publisher."""
from __future__ import annotations

import json
from pathlib import Path

from conflictdesk.ingest import read_sources
from conflictdesk.ingest.document import clean_title, source_from_url


def test_a_title_without_words_is_no_title() -> None:
    assert clean_title(">") is None and clean_title(" | ") is None
    assert clean_title("Houthis claim attack on tanker") == "Houthis claim attack on tanker"


def test_source_is_read_off_the_url_host_when_missing() -> None:
    assert source_from_url("http://feeds.reuters.com/~r/worldNews/story01.htm") == "reuters.com"
    assert source_from_url("https://www.aljazeera.com/news/2024/2/4/x") == "aljazeera.com"
    assert source_from_url(None) is None


def test_jsonl_line_with_placeholder_title(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"title": ">", "date": "2016-01-10 21:45:06",
                                "source_url": "http://feeds.reuters.com/~r/worldNews/~3/abc/story01.htm",
                                "text": "Gunmen attacked a checkpoint north of Baghdad on Sunday, police said."}) + "\n")
    (doc,) = list(read_sources([str(path)]))
    assert doc.title is None and doc.source == "reuters.com" and str(doc.published) == "2016-01-10"
