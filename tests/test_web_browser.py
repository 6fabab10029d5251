"""The pages in a real browser: headless Chromium against the server on 127.0.0.1 (a free port,
in a thread), over a store filled by the real `ingest` command. Skipped, with the reason, where
Chromium is not installed (`apt-get install chromium`), unless CONFLICTDESK_REQUIRE_BROWSER is set
(`.ci/run` installs Chromium and sets it): then they fail."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.store import Store
from conflictdesk.web import WebApp, serve_in_thread
from html_support import Tags

ARTICLES = Path(__file__).parent / "fixtures" / "web" / "articles.jsonl"
# CONFLICTDESK_CHROMIUM names another binary (a path that does not exist: skip these tests)
CHROMIUM = next((p for p in ((os.environ["CONFLICTDESK_CHROMIUM"],) if "CONFLICTDESK_CHROMIUM" in os.environ else
                             ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")))
                 if p and Path(p).exists()), None)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,900")

NO_BROWSER = "Chromium is not installed (/usr/bin/chromium); the in-process WSGI tests still cover the pages"


@pytest.fixture(autouse=True)
def _needs_chromium():
    if CHROMIUM is None:
        if os.environ.get("CONFLICTDESK_REQUIRE_BROWSER"):
            pytest.fail(NO_BROWSER + " (CONFLICTDESK_REQUIRE_BROWSER is set)")
        pytest.skip(NO_BROWSER)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'browser.sqlite'}"
    result = CliRunner().invoke(main, ["--db", url, "ingest", str(ARTICLES)])
    assert result.exit_code == 0, result.output
    with Store(url) as store, serve_in_thread(WebApp(store)) as base:
        yield base


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def dom(tmp_path: Path, url: str) -> Tags:
    result = chromium(tmp_path, "--dump-dom", url)
    assert result.returncode == 0, result.stderr[-2000:]
    parsed = Tags()
    parsed.feed(result.stdout)
    return parsed


def screenshot(tmp_path: Path, url: str, name: str) -> Path:
    out = tmp_path / name
    result = chromium(tmp_path, f"--screenshot={out}", url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.exists() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
    return out


def assert_nothing_injected(page: Tags) -> None:
    assert all((a.get("src") or "").startswith("/static/") for t, a in page.tags if t == "script")
    assert not [a for t, a in page.tags if t == "img"]
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]


def test_events_page_in_chromium(base_url, tmp_path):
    page = dom(tmp_path, base_url + "/events")
    text = " ".join(page.text)
    assert "Events" in text and "Air/drone strike" in text and "Deir ez-Zor" in text
    svgs = [a.get("class") for t, a in page.tags if t == "svg"]
    assert "map" in svgs and "timeline" in svgs
    assert len([a for t, a in page.tags if t == "circle" and a.get("class") == "point"]) >= 1
    assert len([a for t, a in page.tags if t == "path" and a.get("class") == "land"]) >= 5
    assert_nothing_injected(page)
    shot = screenshot(tmp_path, base_url + "/events", "events.png")
    keep = os.environ.get("CONFLICTDESK_SCREENSHOTS")   # a folder to keep screenshots in, to look at them
    if keep:
        shutil.copy(shot, Path(keep) / "events.png")


def test_document_page_in_chromium_shows_hostile_text_as_text(base_url, tmp_path):
    page = dom(tmp_path, base_url + "/documents/web-basra-hostile")
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text               # shown as text ...
    assert '"><img src=x onerror=alert(2)>' in text
    assert_nothing_injected(page)                           # ... never as markup
    assert [a for t, a in page.tags if t == "mark" and "hl-event" in (a.get("class") or "")]
    assert not [a for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("javascript:")]
    shot = screenshot(tmp_path, base_url + "/documents/web-basra-hostile", "document.png")
    keep = os.environ.get("CONFLICTDESK_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / "document.png")
