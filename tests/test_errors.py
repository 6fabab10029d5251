"""The one table of error codes: every code raised anywhere is in it, with a name and a meaning."""
from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest

import conflictdesk
from conflictdesk.errors import Code, ConflictDeskError, KnowledgeBaseError, NotFoundError

SRC = Path(conflictdesk.__file__).parent
CODE_LITERAL = re.compile(r"""["'](E\d{3})["']""")


def test_every_code_has_a_unique_name_and_a_one_line_meaning():
    assert len({c.value for c in Code}) == len(Code)
    for code in Code:
        assert re.fullmatch(r"E\d{3}", code.value), code
        assert code.meaning and "\n" not in code.meaning, code.name


def _strings(path: Path) -> list[str]:
    with path.open("rb") as fh:
        return [t.string for t in tokenize.tokenize(fh.readline) if t.type == tokenize.STRING]


def test_raise_sites_name_codes_from_the_table_not_literals():
    literals = [f"{path.relative_to(SRC)}: {s}" for path in SRC.rglob("*.py") if path.name != "errors.py"
                for s in _strings(path) if CODE_LITERAL.fullmatch(s)]
    assert not literals, literals


def test_errors_carry_their_code_as_plain_text():
    exc = KnowledgeBaseError("bad places", code=Code.PLACE_SOURCE, problems=["a.tsv:3: no latitude"])
    assert exc.code == "E330" and type(exc.code) is str
    assert str(exc) == "[E330] bad places\n  a.tsv:3: no latitude"
    assert exc.meaning == Code.PLACE_SOURCE.meaning
    assert str(NotFoundError("no document 'x'")) == "[E201] no document 'x'"


def test_a_code_outside_the_table_is_refused():
    with pytest.raises(ValueError):
        ConflictDeskError("message", code="E999")  # type: ignore[arg-type]
