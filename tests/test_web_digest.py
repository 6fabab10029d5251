"""The digest and the briefs on the web: on the site's one layout, with navigation between weeks, from a
story to its documents and briefs, and from a brief back to its document and its week; numbered notes
whose tooltips quote the evidence; the same digest as JSON under /api/digest."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.store import Store
from conflictdesk.web import CONTENT_SECURITY_POLICY, WebApp
from html_support import Tags, assert_own_scripts_only

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "statements" / "digest" / "articles.jsonl"


@pytest.fixture(scope="module")
def app(new_db_url):
    url = new_db_url("webdigest")
    result = CliRunner().invoke(main, ["--db", url, "ingest", str(ARTICLES)])
    assert result.exit_code == 0, result.output
    with Store(url) as store:
        yield WebApp(store)


def _scripts_ok(page: str) -> None:
    tags = Tags()
    tags.feed(page)
    assert_own_scripts_only(page, tags)


def _get(app: WebApp, path: str, query: str = "") -> tuple[int, dict[str, str], str]:
    from wsgiref.util import setup_testing_defaults

    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET")
    seen: dict = {}
    body = b"".join(app(environ, lambda status, headers, exc_info=None: seen.update(status=status, headers=headers)))
    return int(seen["status"].split()[0]), {k.lower(): v for k, v in seen["headers"]}, body.decode("utf-8")


def test_the_digest_page_links_weeks_stories_documents_and_briefs(app):
    code, headers, page = _get(app, "/digest", "week=2016-W05")
    assert code == 200 and headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    _scripts_ok(page)
    assert '<a href="/digest" class="active">Digest</a>' in page                 # in the site's navigation
    assert 'href="/digest?week=2016-W04"' in page and 'href="/digest?week=2016-W06"' in page
    assert "Week&#39;s Top Stories: 2016-W05" in page or "Week's Top Stories: 2016-W05" in html.unescape(page)
    stories = re.findall(r"<h2>(\d+)\. <bdi>(.*?)</bdi></h2>", page)
    assert [n for n, _ in stories] == ["1", "2", "3"]
    assert "Celebrity chef" not in page                                           # not conflict news
    assert 'href="/documents/w05-mali-wire"' in page and 'href="/briefs/w05-mali-wire?week=2016-W05"' in page
    assert "<svg" in page and "2 stories left out as not conflict news" in page
    note = re.search(r'<sup class="note"><a href="#note-1" title="([^"]+)">1</a></sup>', page)
    assert note and 'id="note-1"' in page
    quoted = html.unescape(note[1])                 # the tooltip quotes the first story's lead, with its offsets
    assert quoted.startswith("“") and "characters" in quoted and quoted[1:60] in html.unescape(page.split(note[0])[0])


def test_the_digest_as_json_and_bad_weeks(app):
    code, headers, body = _get(app, "/api/digest", "week=2016-W05")
    import json

    data = json.loads(body)
    assert code == 200 and data["ok"] is True and data["digest"]["week"] == "2016-W05"
    assert len(data["digest"]["stories"]) == 3 and data["digest"]["left_out"] == 2
    code, _, page = _get(app, "/digest", "week=2016-5")
    assert code == 400 and "E502" in page
    code, _, body = _get(app, "/api/digest", "week=2016-W99")
    assert code == 400 and json.loads(body)["ok"] is False
    code, _, body = _get(app, "/api/digest", "weeks=2016-W05")
    assert code == 400


def test_a_brief_page_has_notes_navigation_and_no_internal_ids(app):
    code, headers, page = _get(app, "/briefs/w05-mali-wire", "week=2016-W05")
    assert code == 200 and headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    _scripts_ok(page)
    assert 'href="/documents/w05-mali-wire"' in page and 'href="/digest?week=2016-W05"' in page
    assert 'href="/api/briefs/w05-mali-wire"' in page
    reader = page.split('<details class="evidence">')[0]
    assert "[doc:" not in reader and "[kb:" not in reader                      # raw citations only in the appendix
    notes = re.findall(r'<sup class="note"><a href="#note-(\d+)" title="([^"]+)">', reader)
    assert notes and all(f'id="note-{n}"' in page for n, _ in notes)
    assert any("characters" in html.unescape(t) for _, t in notes)
    assert "[doc:w05-mali-wire" in page.split('<details class="evidence">')[1]
    code, _, default = _get(app, "/briefs/w05-mali-wire")
    assert code == 200 and 'href="/digest?week=2016-W05"' in default           # the week it was published
