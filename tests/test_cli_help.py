"""Every command has help, is documented in README.md, and fails as `Error: [Exxx] message`."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictdesk.cli import COMMANDS, main
from conflictdesk.store import Store

README = Path(__file__).resolve().parents[1] / "README.md"
# the words --format takes anywhere: one name per format, the same name for the same thing
FORMAT_WORDS = {"table", "text", "json", "jsonl", "csv", "acled-csv", "geojson", "stix", "md", "html",
                "auto", "geonames", "acled"}


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(main)
    out = []

    def walk(cmd: click.Command, name: str) -> None:
        out.append((name, cmd))
        if isinstance(cmd, click.Group):
            for sub in cmd.list_commands(ctx):
                walk(cmd.get_command(ctx, sub), f"{name} {sub}")

    for name in COMMANDS:
        cmd = main.get_command(ctx, name)
        assert cmd is not None, f"{name}: {COMMANDS[name]} does not import"
        walk(cmd, name)
    return out


ALL = _commands()


@pytest.mark.parametrize("name,cmd", ALL, ids=[n for n, _ in ALL])
def test_every_command_has_help_and_every_option_a_description(name, cmd):
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    description = " ".join((cmd.help or "").split())
    assert len(description) >= 30, f"{name}: no useful description"
    assert description[:30] in " ".join(result.output.split())
    undocumented = [p.opts[0] for p in cmd.params if isinstance(p, click.Option) and not p.help]
    assert not undocumented, f"{name}: options without help: {undocumented}"
    for p in cmd.params:
        if p.name == "fmt":
            assert set(p.type.choices) <= FORMAT_WORDS, f"{name} --format: {p.type.choices}"


@pytest.mark.parametrize("name,cmd", [(n, c) for n, c in ALL if not isinstance(c, click.Group)],
                         ids=[n for n, c in ALL if not isinstance(c, click.Group)])
def test_every_command_goes_through_the_one_error_path(name, cmd):
    assert getattr(cmd.callback, "clean_errors", False), f"{name}: its function lacks @clean_errors"


def test_every_command_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    # "conflictdesk events ..." for a command, "kb search ..." for a subcommand of a group
    pattern = {name: r"conflictdesk " + re.escape(name) + r"\b" if " " not in name
               else re.escape(" ".join(name.split()[-2:])) + r"\b" for name, _ in ALL}
    missing = [name for name, regex in pattern.items() if not re.search(regex, text)]
    assert not missing, f"commands not mentioned in README.md: {missing}"


def _invoke(*args: str, db: Path | None = None) -> click.testing.Result:
    prefix = ["--db", f"sqlite:///{db}"] if db else []
    return CliRunner().invoke(main, [*prefix, *args])


def _assert_clean_error(result: click.testing.Result, code: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert re.search(rf"^Error: \[{code}\] ", result.output, re.M), result.output


def test_errors_are_coded_messages_not_tracebacks(tmp_path):
    db = tmp_path / "store.sqlite"
    _assert_clean_error(_invoke("show", "no-such-document", db=db), "E203")     # no database there yet
    Store(f"sqlite:///{db}").close()
    _assert_clean_error(_invoke("show", "no-such-document", db=db), "E201")
    _assert_clean_error(_invoke("brief", "no-such-document", db=db), "E505")
    empty = tmp_path / "empty"
    empty.mkdir()
    _assert_clean_error(_invoke("ingest", str(empty), db=db), "E101")
    _assert_clean_error(_invoke("extract", str(empty)), "E101")
    _assert_clean_error(_invoke("ingest", str(tmp_path / "missing.txt"), db=db), "E100")
    header_only = tmp_path / "acled.csv"
    header_only.write_text("event_date,event_type,notes\n", encoding="utf-8")
    _assert_clean_error(_invoke("evaluate", str(header_only)), "E101")
    _assert_clean_error(_invoke("train", str(header_only), "--out", str(tmp_path / "m.npz")), "E101")
    _assert_clean_error(_invoke("export", "-o", str(tmp_path / "no-such-folder" / "out.csv"), db=db), "E511")


def test_kb_import_places_refuses_a_damaged_or_oversized_archive(tmp_path, monkeypatch):
    damaged = tmp_path / "SY.zip"
    damaged.write_bytes(b"PK\x03\x04 not really a zip archive")
    _assert_clean_error(_invoke("kb", "import-places", str(damaged), "--out", str(tmp_path / "kb")), "E330")
    bomb = tmp_path / "IQ.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("IQ.txt", "\t" * 3_000_000)          # packs about 1000 to 1
    import conflictdesk.ingest.acled as acled_file
    monkeypatch.setattr(acled_file, "MAX_UNPACKED_BYTES", 1_000_000)
    result = _invoke("kb", "import-places", str(bomb), "--out", str(tmp_path / "kb"))
    _assert_clean_error(result, "E330")
    assert "refused" in result.output


@pytest.mark.parametrize("option", ["--sample", "--limit"])
def test_evaluate_refuses_a_count_below_one(tmp_path, option):
    notes = tmp_path / "acled.csv"
    notes.write_text("event_date,event_type,notes\n2024-03-01,Battles,Clashes were reported in Mosul.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(notes), option, "-3"])
    assert result.exit_code == 2 and "x>=1" in result.stderr, result.output
