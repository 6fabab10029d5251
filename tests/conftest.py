"""Shared test fixtures."""
from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SEED = SHARED / "seed" / "000_b8eb48052bb7749d.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def missing_shared(what: str) -> NoReturn:
    """Shared data a test needs is absent: skip locally, fail under CI (env CI set), where a
    floor or seed test that skips would pass without checking anything."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: under CI the tests that read ../shared must run")
    pytest.skip(f"{what} is not beside the repository")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        missing_shared("../shared")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return SEED


@pytest.fixture(scope="session")
def nlp():
    """The shipped language pipeline, loaded once for the whole run."""
    from conflictdesk.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def kb():
    """The shipped knowledge base, loaded once for the whole run."""
    from conflictdesk.knowledge import load_knowledge_base

    return load_knowledge_base()


# --- databases: every test that takes `new_db_url` runs on SQLite and on PostgreSQL -------------
from db_support import BACKENDS, REQUIRED, PostgresServer  # noqa: E402


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer()
    yield server
    server.drop_all()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request, pg_server) -> str:
    if request.param == "postgresql":
        request.getfixturevalue("postgresql_url")   # skips (or fails where required) without a server
    return request.param


@pytest.fixture(scope="session")
def postgresql_url(pg_server):
    """Call it for a new, empty PostgreSQL database (for what only PostgreSQL has)."""
    if not pg_server.available:
        message = f"NO POSTGRESQL SERVER at {pg_server.admin_url} ({pg_server.problem}): PostgreSQL store tests NOT RUN"
        if REQUIRED:
            pytest.fail(message + " (CONFLICTDESK_REQUIRE_PG is set)")
        pytest.skip(message)
    return pg_server.create


@pytest.fixture(scope="session")
def new_db_url(backend, pg_server, tmp_path_factory):
    """Call it for the URL of a new, empty database on the backend under test."""
    def make(name: str = "store") -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp(name) / (name + '.sqlite')}"
        return pg_server.create()
    return make


@pytest.fixture(scope="session")
def web_articles_db(new_db_url) -> str:
    """A database (per backend) holding tests/fixtures/web/articles.jsonl ingested through the real
    `conflictdesk ingest` with extraction, shared by the tests that only read it; a test that
    writes makes a database of its own."""
    from click.testing import CliRunner

    from conflictdesk.cli import main

    url = new_db_url("web-articles")
    result = CliRunner().invoke(main, ["--db", url, "ingest", str(FIXTURES / "web" / "articles.jsonl")])
    assert result.exit_code == 0, result.output
    return url


def pytest_terminal_summary(terminalreporter):
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "NO POSTGRESQL SERVER" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_sep("!", f"{len(skipped)} PostgreSQL tests were SKIPPED: no server answered", red=True)
