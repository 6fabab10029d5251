"""`conflictdesk watch` through the real entry point: the feed list (YAML and OPML) with every
problem at its file and line, --once, --status, a watcher stopped by SIGTERM, and the SSRF guard
left on (a loopback feed is refused, never fetched). Polling itself: tests/test_watch.py."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.errors import FeedListError
from conflictdesk.store import Store
from conflictdesk.watch import read_feed_list
from feed_server import FeedServer

SRC = Path(__file__).resolve().parents[1] / "src"


def run(db: str, *args: str):
    return CliRunner().invoke(main, ["--db", db, *args])


def test_a_yaml_feed_list_with_defaults(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text("politeness: 5s\nevery: 30m\nsources:\n  - https://wire.example/rss\n"
                    "  - url: https://ministry.example/statements/\n    name: Ministry\n    every: 2h\n"
                    "    timeout: 45\n    follow: false\n", encoding="utf-8")
    feeds = read_feed_list(path)
    assert feeds.politeness == 5
    wire, ministry = feeds.sources
    assert (wire.url, wire.every, wire.timeout, wire.follow) == ("https://wire.example/rss", 1800, 20, True)
    assert (ministry.name, ministry.every, ministry.timeout, ministry.follow) == ("Ministry", 7200, 45, False)


def test_every_problem_of_a_feed_list_is_reported_with_its_line(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text("sources:\n  - https://wire.example/rss\n  - url: file:///etc/passwd\n"
                    "  - url: https://a.example/\n    every: 5s\n  - url: https://b.example/\n    colour: red\n"
                    "  - https://wire.example/rss\n", encoding="utf-8")
    with pytest.raises(FeedListError) as info:
        read_feed_list(path)
    message = info.value.message
    assert info.value.code == "E130" and "4 problem(s)" in message
    assert f"{path}:3: 'file:///etc/passwd' is not an http(s) URL" in message
    assert f"{path}:5: every: '5s' is under the least allowed, 60 seconds" in message
    assert f"{path}:7: unknown key 'colour'" in message
    assert "https://wire.example/rss is listed twice" in message


def test_an_opml_feed_list(tmp_path):
    path = tmp_path / "subscriptions.opml"
    path.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>desk</title></head><body>'
                    '<outline text="Iraq"><outline type="rss" text="Wire" xmlUrl="https://wire.example/iraq.rss"/>'
                    '<outline type="rss" title="Ministry" xmlUrl="https://ministry.example/feed"/></outline>'
                    '<outline text="no feed here"/></body></opml>', encoding="utf-8")
    feeds = read_feed_list(path)
    assert [(s.url, s.name) for s in feeds.sources] == [("https://wire.example/iraq.rss", "Wire"),
                                                          ("https://ministry.example/feed", "Ministry")]
    path.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body>'
                    '<outline xmlUrl="https://x.example/&a;"/></body></opml>', encoding="utf-8")
    with pytest.raises(FeedListError, match="may not declare a DTD"):
        read_feed_list(path)


def test_watch_needs_a_feed_list_that_reads(tmp_path, new_db_url):
    db = new_db_url("cli-watch")
    result = run(db, "watch", "--once")
    assert result.exit_code == 1 and "[E900]" in result.output
    result = run(db, "watch", str(tmp_path / "missing.yaml"), "--once")
    assert result.exit_code == 1 and "[E130]" in result.output and "cannot read" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - url: ftp://files.example/\n", encoding="utf-8")
    result = run(db, "watch", str(bad), "--once")
    assert result.exit_code == 1 and f"[E130] the feed list {bad} has 1 problem(s)" in result.output
    assert f"{bad}:2:" in result.output and "Traceback" not in result.output


def test_watch_once_keeps_the_guard_and_status_shows_each_source(tmp_path, new_db_url):
    db = new_db_url("cli-watch")
    with FeedServer() as server:
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(f"sources:\n  - url: {server.base}/feed.xml\n    name: Local wire\n", encoding="utf-8")
        result = run(db, "watch", str(feeds), "--once", "--no-extract")
        assert result.exit_code == 0, result.output
        assert "Local wire: failed [E111]" in result.output and "loopback" in result.output
        assert server.paths() == []                              # refused before connecting
        again = run(db, "watch", str(feeds), "--once", "--no-extract")
        assert "no source is due" in again.output                # backing off
    status = run(db, "watch", "--status", "--format", "json")
    assert status.exit_code == 0, status.output
    [state] = json.loads(status.stdout)
    assert (state["name"], state["health"], state["failures"], state["last_error_code"]) == ("Local wire", "failing",
                                                                                           1, "E111")
    assert state["next_poll"] > state["last_polled"]
    table = run(db, "watch", str(feeds), "--status")
    header, row = table.stdout.splitlines()                      # tab-separated when piped
    assert header.split("\t")[:3] == ["source", "health", "failures"]
    assert row.split("\t")[:3] == ["Local wire", "failing", "1"]
    with Store(db) as store:
        [error] = store.list_errors()
        assert (error.stage, error.code, error.origin) == ("fetch", "E111", f"{server.base}/feed.xml")


def test_status_of_a_database_that_does_not_exist(tmp_path):
    result = run(str(tmp_path / "none.sqlite"), "watch", "--status")
    assert result.exit_code == 1 and "[E203]" in result.output


def test_a_running_watcher_polls_and_stops_on_sigterm(tmp_path):
    db = f"sqlite:///{tmp_path / 'watch.sqlite'}"
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("sources:\n  - url: http://127.0.0.1:9/feed.xml\n    name: Local\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    watcher = subprocess.Popen([sys.executable, "-m", "conflictdesk", "--db", db, "watch", str(feeds), "--no-extract"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 120
        polled = []
        while time.monotonic() < deadline and not polled:
            time.sleep(0.5)
            if Path(tmp_path / "watch.sqlite").exists():
                with Store(db) as store:
                    polled = [s for s in store.watch_states() if s.polls]
        assert polled and polled[0].last_error_code == "E111"
        watcher.send_signal(signal.SIGTERM)
        out, err = watcher.communicate(timeout=60)
    finally:
        if watcher.poll() is None:
            watcher.kill()
    assert watcher.returncode == 0, err
    assert "watching 1 source(s)" in err and "Local: failed [E111]" in err


def test_watch_without_extraction_available_is_an_error_not_a_store_only_run(tmp_path):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("sources:\n  - https://wire.example/rss\n", encoding="utf-8")
    db = tmp_path / "store.sqlite"
    code = "import sys; sys.modules['spacy'] = None; from conflictdesk.cli import main; main()"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)}
    result = subprocess.run([sys.executable, "-c", code, "--db", str(db), "watch", str(feeds), "--once"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[E407] extraction cannot be loaded" in result.stderr and "--no-extract" in result.stderr
    assert "Traceback" not in result.stderr and not db.exists()
