"""Databases for tests: a SQLite file, or a PostgreSQL database made for this run.

PostgreSQL is the server at CONFLICTDESK_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres,
the developers' and CI's server, trust auth). Each test that asks gets a database of its own,
named cdtest_<run>_<n>; every database made by the run is dropped when the run ends.
Where no server answers, PostgreSQL tests are skipped with a loud reason, unless
CONFLICTDESK_REQUIRE_PG is set (CI sets it): then they fail.
"""
from __future__ import annotations

import itertools
import os
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ADMIN_URL = os.environ.get("CONFLICTDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REQUIRED = bool(os.environ.get("CONFLICTDESK_REQUIRE_PG"))
BACKENDS = ("sqlite", "postgresql")


class PostgresServer:
    """Makes and drops this run's databases on one PostgreSQL server."""

    def __init__(self, admin_url: str = ADMIN_URL) -> None:
        self.admin_url = admin_url
        self.run = uuid.uuid4().hex[:8]
        self._numbers = itertools.count()
        self.made: list[str] = []
        self.problem: str | None = None
        try:
            self._engine = create_engine(admin_url, isolation_level="AUTOCOMMIT", pool_pre_ping=True,
                                         connect_args={"connect_timeout": 3})
            with self._engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # noqa: BLE001 - any failure to reach the server means "not available"
            self.problem = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            self._engine = None

    @property
    def available(self) -> bool:
        return self._engine is not None

    def create(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        assert self._engine is not None
        name = f"cdtest_{self.run}_{next(self._numbers)}"
        with self._engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.made.append(name)
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if self._engine is None:
            return
        with self._engine.connect() as conn:
            for name in self.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._engine.dispose()
