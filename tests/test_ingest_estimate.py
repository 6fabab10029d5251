"""The rough document count that gives ingest's progress bar its total."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.ingest.estimate import estimate_documents

BATCH = Path(__file__).parent / "fixtures" / "store" / "batch"


def test_estimate_counts_lines_rows_and_files(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}', encoding="utf-8")
    (tmp_path / "b.csv").write_text("title,text\nx,one\ny,two\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("A statement.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped, as ingest skips it", encoding="utf-8")
    assert estimate_documents([str(tmp_path)]) == 3 + 2 + 1
    assert estimate_documents([str(tmp_path / "c.txt"), str(tmp_path / "missing.txt")]) == 2
    assert estimate_documents([str(tmp_path), "-"]) is None          # standard input: unknown
    assert estimate_documents(["https://example.org/a"]) is None


def test_ingest_says_when_it_loads_the_language_model(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.sqlite"), "ingest", str(BATCH)])
    assert result.exit_code == 0, result.output
    assert "loading language model" in result.stderr
    no_model = CliRunner().invoke(main, ["--db", str(tmp_path / "y.sqlite"), "ingest", str(BATCH), "--no-extract"])
    assert "loading language model" not in no_model.stderr
