"""Briefs report what a document says, in its words and attributed; they do not assert it."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conflictdesk.cli import main


def test_coded_events_are_attributed_to_their_source(tmp_path: Path) -> None:
    doc = tmp_path / "checkpoint.txt"
    doc.write_text("Gunmen attack checkpoint west of Mosul\n\nMOSUL, Iraq - Gunmen attacked a police checkpoint "
                   "west of Mosul on 3 March 2024, killing two policemen, a local official said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", str(doc), "--format", "md"])
    assert result.exit_code == 0, result.output
    what_to_know = result.stdout.split("## What to Know", 1)[1].split("## ", 1)[0]
    lines = [line for line in what_to_know.splitlines() if line.strip()]
    assert lines[0].startswith("The document reports: “Gunmen attacked a police checkpoint west of Mosul on 3 March "
                               "2024, killing two policemen, a local official said.” [1]"), what_to_know
    assert "MOSUL, Iraq" not in lines[0]                   # the dateline is not part of the news
