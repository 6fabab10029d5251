"""`conflictdesk brief` through its real entry point: what the analyst is told about the rewrite."""
from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner

from conflictdesk.cli import main


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_rewrite_endpoint_is_reported_and_the_brief_still_written(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("MOSUL, Iraq — Gunmen attacked a police checkpoint west of Mosul on 3 March 2024, "
                      "killing two policemen, a local official said.\n", encoding="utf-8")
    endpoint = f"http://127.0.0.1:{_closed_port()}/v1"
    result = CliRunner().invoke(main, ["brief", str(report), "--rewrite-endpoint", endpoint])
    assert result.exit_code == 0, result.output
    assert "## What to Know" in result.stdout
    assert "note: the brief was not rewritten" in result.stderr and "E501" in result.stderr
