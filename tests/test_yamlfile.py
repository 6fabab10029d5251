"""The one YAML reader: values with their lines, and files built to explode refused with file:line."""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictdesk.errors import KnowledgeBaseError
from conflictdesk.extract.events.patterns import parse_event_patterns
from conflictdesk.knowledge import load_knowledge_base
from conflictdesk.yamlfile import MAX_ALIAS_VALUES, YamlError, parse_yaml, read_yaml


def billion_laughs(levels: int = 9) -> str:
    """Nested aliases: `levels` lines, each nine references to the line before (9**levels values)."""
    lines = ['    l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"    l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "- id: laughs\n  name: Laughs\n  type: other\n  source: x\n  notes:\n" + "\n".join(lines) + "\n"


def test_values_carry_their_lines_and_keep_what_was_written() -> None:
    doc = parse_yaml("a: 1\nlist:\n  - x\n  - when: 2009-07-02\n    code: 057\n", origin="f.yaml")
    assert doc.value == {"a": 1, "list": ["x", {"when": "2009-07-02", "code": "057"}]}
    assert str(doc.where("list", 1)) == "f.yaml:4" and doc.where("list", 1, "code").line == 5
    assert doc.where("missing", 3).line == 1 and doc.problems == []


def test_duplicate_keys_are_reported_with_their_line() -> None:
    doc = parse_yaml("a: 1\nb: 2\na: 3\n", origin="f.yaml")
    assert [str(p) for p in doc.problems] == ["f.yaml:3: duplicate key 'a' in the same mapping"]


def test_a_few_aliases_are_fine() -> None:
    doc = parse_yaml("base: &b [1, 2]\nagain: *b\nmore: [*b, *b]\n")
    assert doc.value == {"base": [1, 2], "again": [1, 2], "more": [[1, 2], [1, 2]]}


def test_nested_aliases_are_refused_with_file_and_line(tmp_path: Path) -> None:
    text = billion_laughs()
    assert len(text.encode()) < 1000 and 9 ** 9 > 100 * MAX_ALIAS_VALUES
    path = tmp_path / "laughs.yaml"
    path.write_text(text)
    with pytest.raises(YamlError) as info:
        read_yaml(path)
    assert str(info.value).startswith(f"{path}:") and "aliases expand" in info.value.message


def test_a_knowledge_base_folder_with_nested_aliases_fails_at_load(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    bomb = tmp_path / "actors" / "laughs.yaml"
    bomb.write_text(billion_laughs())
    with pytest.raises(KnowledgeBaseError) as info:
        load_knowledge_base([tmp_path], use_cache=False)
    assert any(p.startswith(f"{bomb}:") and "aliases expand" in p for p in info.value.problems), info.value.problems


def test_an_event_pattern_file_with_nested_aliases_is_e301() -> None:
    with pytest.raises(KnowledgeBaseError) as info:
        parse_event_patterns("triggers: []\n" + billion_laughs().replace("- id", "x:\n- id"), origin="mine.yaml")
    assert info.value.code == "E301" and info.value.problems[0].startswith("mine.yaml:")
