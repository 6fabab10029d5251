"""Full-text search over documents: the ONLY module with dialect-specific SQL.

SQLite: an FTS5 external-content table `documents_fts` over documents(title, text), kept in
step by triggers (so a document and its index entry are written in the same transaction),
with the porter stemmer ("attacks" finds "attack").
PostgreSQL: a stored, generated `search_vector` column (`to_tsvector('english', title || ' ' ||
text)`, migration 0005) under a GIN index, so that ranking the matches reads each one's vector
instead of parsing its text again (before 0005: a GIN index on the expression).
Any other dialect: a portable (slow) LIKE scan.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

FTS_TABLE = "documents_fts"

_SQLITE_INSTALL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, text, content='documents', content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON documents BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.pk, new.title, new.text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON documents BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.pk, new.title, new.text);
    END""",
    # index whatever was stored before the table existed
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
_SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{s}" for s in ("ai", "ad", "au")] + [
    f"DROP TABLE IF EXISTS {FTS_TABLE}"]

_PG_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_PG_INSTALL = [f"CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN ({_PG_VECTOR})"]
_PG_DROP = ["DROP INDEX IF EXISTS ix_documents_fts"]
SEARCH_COLUMN = "search_vector"
_PG_STORE_VECTOR = [
    f"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {SEARCH_COLUMN} tsvector GENERATED ALWAYS AS ({_PG_VECTOR}) STORED",
    "DROP INDEX IF EXISTS ix_documents_fts",
    f"CREATE INDEX ix_documents_fts ON documents USING GIN ({SEARCH_COLUMN})",
]
_PG_UNSTORE_VECTOR = ["DROP INDEX IF EXISTS ix_documents_fts",
                      f"ALTER TABLE documents DROP COLUMN IF EXISTS {SEARCH_COLUMN}", *_PG_INSTALL]


def install(conn: Connection) -> None:
    """Create the search index for this connection's dialect (run by the first migration)."""
    for statement in {"sqlite": _SQLITE_INSTALL, "postgresql": _PG_INSTALL}.get(conn.dialect.name, []):
        conn.execute(text(statement))


def uninstall(conn: Connection) -> None:
    for statement in {"sqlite": _SQLITE_DROP, "postgresql": _PG_DROP}.get(conn.dialect.name, []):
        conn.execute(text(statement))


def store_vector(conn: Connection) -> None:
    """PostgreSQL: keep each document's search vector in a generated column, indexed (migration 0005)."""
    if conn.dialect.name == "postgresql":
        for statement in _PG_STORE_VECTOR:
            conn.execute(text(statement))


def unstore_vector(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for statement in _PG_UNSTORE_VECTOR:
            conn.execute(text(statement))


def is_search_table(name: str | None) -> bool:
    """FTS5's virtual and shadow tables, which the models do not declare (for Alembic autogenerate)."""
    return bool(name) and str(name).startswith(FTS_TABLE)


_WORD = re.compile(r"\w+", re.UNICODE)


def _fts5_query(query: str) -> str:
    """User words as an FTS5 query: every word must occur; no FTS5 syntax gets through.
    A trailing `*` on a word is kept as a prefix search."""
    terms = []
    for raw in query.split():
        prefix = raw.endswith("*")
        for word in _WORD.findall(raw):
            terms.append(f'"{word}"')
        if prefix and terms:
            terms[-1] += "*"
    return " ".join(terms)


def search_document_pks(conn: Connection, forms: Sequence[str], limit: int) -> list[int]:
    """Primary keys of documents matching any of `forms` (each a query whose every word must
    occur: the spellings of one name, "ISIS" or "Islamic State"), best first."""
    forms = [f for f in forms if _WORD.search(f)]
    if not forms:
        return []
    dialect = conn.dialect.name
    params: dict[str, Any] = {"limit": limit}
    if dialect == "sqlite":
        params["q"] = " OR ".join(f"({_fts5_query(f)})" for f in forms)
        sql = (f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
               f"ORDER BY bm25({FTS_TABLE}, 2.0, 1.0) LIMIT :limit")
    elif dialect == "postgresql":
        conditions, ranked = [], []
        for i, form in enumerate(forms):
            params[f"q{i}"] = form
            # a form of English stop words only ("the") has no lexemes: match its words as they
            # are (unindexed), as SQLite's FTS5 does, rather than finding nothing
            stop_words_only = conn.execute(text(f"SELECT numnode(plainto_tsquery('english', :q{i})) = 0"),
                                           params).scalar()
            vector = _PG_VECTOR.replace("english", "simple") if stop_words_only else SEARCH_COLUMN
            config = "simple" if stop_words_only else "english"
            conditions.append(f"{vector} @@ plainto_tsquery('{config}', :q{i})")
            ranked.append(f"plainto_tsquery('english', :q{i})")
        sql = (f"SELECT pk FROM documents WHERE {' OR '.join(conditions)} "
               f"ORDER BY ts_rank({SEARCH_COLUMN}, {' || '.join(ranked)}) DESC, pk DESC LIMIT :limit")
    else:
        alternatives = []
        for i, form in enumerate(forms):
            clauses = []
            for j, word in enumerate(_WORD.findall(form)):
                params[f"w{i}_{j}"] = f"%{word.lower()}%"
                clauses.append(f"(lower(text) LIKE :w{i}_{j} OR lower(coalesce(title, '')) LIKE :w{i}_{j})")
            alternatives.append("(" + " AND ".join(clauses) + ")")
        sql = f"SELECT pk FROM documents WHERE {' OR '.join(alternatives)} ORDER BY pk DESC LIMIT :limit"
    return [row[0] for row in conn.execute(text(sql), params)]
