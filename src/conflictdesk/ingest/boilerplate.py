"""Removal of page furniture from plain text: "Top Stories" tails, editor bios, share buttons.

The rules are data (`data/boilerplate.yaml`); this module only applies them, conservatively:
- a line that is exactly a known tail heading ("Week's Top Stories", "Related", "About the
  author", ...) cuts the rest of the text, when it sits in the text's last part and only short
  lines follow it, at most two of them sentences (link lists, a bio), never more article;
- lines at the very end that match promo/bio/copyright patterns are dropped;
- a few promo lines ("Advertisement", "Read more: ...") are dropped wherever they stand.
A rule matches whole lines only, so an article sentence that merely contains "related" or
"subscribe" is never touched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ..errors import ConfigError
from ..yamlfile import YamlError, read_yaml

BOILERPLATE_FILE = Path(__file__).resolve().parents[1] / "data" / "boilerplate.yaml"
_BLANK_RUNS = re.compile(r"\n{3,}")
_MAX_ROUNDS = 5
_SENTENCE_LINE = re.compile(r"[.!?][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    section_headings: re.Pattern[str]
    tail_lines: re.Pattern[str]
    any_lines: re.Pattern[str]
    tail_fraction: float
    max_tail_line: int
    max_tail_sentences: int


def _compile(patterns: list[str], key: str, path: Path) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{path}: bad pattern under {key}: {exc}") from exc


@lru_cache(maxsize=4)
def load_rules(path: Path = BOILERPLATE_FILE) -> BoilerplateRules:
    """The rules of a boilerplate YAML file (the shipped one by default), compiled."""
    try:
        doc = read_yaml(path)
    except YamlError as exc:
        raise ConfigError(f"cannot load boilerplate rules from {path}: {exc}") from exc
    if doc.problems or not isinstance(doc.value or {}, dict):
        raise ConfigError(f"cannot load boilerplate rules from {path}: "
                          f"{'; '.join(map(str, doc.problems)) or 'expected a mapping'}")
    data = doc.value or {}
    lists = {}
    for key in ("section_headings", "tail_lines", "any_lines"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            raise ConfigError(f"{path}: {key} must be a list of strings")
        lists[key] = _compile(value, key, path)
    return BoilerplateRules(tail_fraction=float(data.get("tail_fraction", 0.5)),
                            max_tail_line=int(data.get("max_tail_line", 250)),
                            max_tail_sentences=int(data.get("max_tail_sentences", 2)), **lists)


def _cut_tail_section(lines: list[str], rules: BoilerplateRules) -> list[str]:
    n = len(lines)
    # for each line: the longest line after it, and how many lines after it end like a sentence
    longest_after, sentences_after = [0] * (n + 1), [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        line = lines[i].strip()
        longest_after[i] = max(longest_after[i + 1], len(line))
        sentences_after[i] = sentences_after[i + 1] + bool(line and _SENTENCE_LINE.search(line))
    start_of_tail = sum(len(line) + 1 for line in lines) * (1 - rules.tail_fraction)
    offset = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if offset >= start_of_tail and stripped and len(stripped) <= 80 and rules.section_headings.fullmatch(stripped) \
                and longest_after[i + 1] <= rules.max_tail_line and sentences_after[i + 1] <= rules.max_tail_sentences:
            return lines[:i]
        offset += len(line) + 1
    return lines


def _cut_tail_lines(lines: list[str], rules: BoilerplateRules) -> list[str]:
    end = len(lines)
    while end > 0:
        stripped = lines[end - 1].strip()
        if stripped and not (len(stripped) <= 400 and rules.tail_lines.fullmatch(stripped)):
            break
        end -= 1
    return lines[:end]


def strip_boilerplate(text: str, *, rules: BoilerplateRules | None = None) -> str:
    """`text` (already normalised) without page furniture; the article's own lines are unchanged."""
    rules = rules or load_rules()
    lines = [line for line in text.split("\n")
             if not (line and len(line) <= 200 and rules.any_lines.fullmatch(line.strip()))]
    for _ in range(_MAX_ROUNDS):        # a cut can uncover more furniture above it
        kept = _cut_tail_lines(_cut_tail_section(lines, rules), rules)
        done = len(kept) == len(lines) or not kept
        lines = kept
        if done:
            break
    result = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    return result or text     # rules that would leave nothing were wrong about this text
