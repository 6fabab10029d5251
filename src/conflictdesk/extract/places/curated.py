"""The gazetteer's curated names and aliases found in a text (`find_curated`), with one
Aho-Corasick automaton per gazetteer."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import ahocorasick

if TYPE_CHECKING:
    from ...knowledge.gazetteer import Gazetteer


def find_curated(gaz: "Gazetteer", text: str) -> list[tuple[int, int, str]]:
    """(start, end, curated place id) for each curated name or alias in `text` (longest first).

    Matching ignores case but the matched text must contain a capital letter or a digit, so
    "the gulf" is not the Persian Gulf while "the Gulf of Aden" is the Gulf of Aden.

    An Aho-Corasick automaton over the lower-cased text finds every alias; the scan then keeps,
    left to right, the longest alias at each start with word boundaries on both sides (what
    one case-insensitive regex alternation, longest alias first, would find). Texts whose
    lower-casing changes their length or that hold characters the regex engine folds specially
    go through that regex instead.
    """
    automaton, pattern, by_alias = _curated_matchers(gaz)
    if pattern is None:
        return []
    lowered = text.lower()
    if len(lowered) != len(text) or (not text.isascii() and _SPECIAL_FOLDS.intersection(text)):
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    else:
        spans = _curated_spans(automaton, text, lowered)
    out: list[tuple[int, int, str]] = []
    for start, end in spans:
        found = text[start:end]
        if not any(ch.isupper() or ch.isdigit() for ch in found):
            continue
        place_id = by_alias.get(found.lower())
        if place_id is not None:
            start = start + 4 if found[:4].lower() == "the " else start
            out.append((start, end, place_id))
    return out


# characters Python's regex engine matches case-insensitively with others beyond lower() (ı ~ i, ſ ~ s, ...)
_SPECIAL_FOLDS = frozenset("\u0131\u017f\u00b5\u03bc\u03c2\u03c3\u03d0\u03b2\u03d1\u03b8\u03d5\u03c6"
                           "\u03d6\u03c0\u03f0\u03ba\u03f1\u03c1\u03f5\u03b5\u1e9b\u1e61\ufb05\ufb06"
                           "\u0130\u212a\u212b\u2126\u1e9e\u0345\u0399\u03b9\u1fbe")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _curated_spans(automaton: Any, text: str, lowered: str) -> list[tuple[int, int]]:
    """Leftmost, then longest, non-overlapping alias occurrences bounded as the regex bounds them:
    `(?<![\\w-])` before and `(?![\\w]|-\\w)` after."""
    at: dict[int, list[int]] = {}
    for last, length in automaton.iter(lowered):
        at.setdefault(last + 1 - length, []).append(length)
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for start in sorted(at):
        if start < pos:
            continue
        if start > 0 and (text[start - 1] == "-" or _is_word(text[start - 1])):
            continue
        for length in sorted(at[start], reverse=True):
            end = start + length
            if end < n and (_is_word(text[end]) or (text[end] == "-" and end + 1 < n and _is_word(text[end + 1]))):
                continue
            out.append((start, end))
            pos = end
            break
    return out


_CURATED_CACHE: dict[int, tuple[Any, Any, Any, dict[str, str]]] = {}


def _curated_matchers(gaz: "Gazetteer") -> tuple[Any, re.Pattern[str] | None, dict[str, str]]:
    aliases = gaz.curated_aliases()
    cached = _CURATED_CACHE.get(id(gaz))
    if cached is not None and cached[0] is gaz and len(cached[3]) >= len(aliases):
        return cached[1], cached[2], cached[3]
    by_alias: dict[str, str] = {}
    for place_id, names in aliases.items():
        for name in names:
            by_alias.setdefault(name.lower(), place_id)
    if not by_alias:
        return None, None, by_alias
    body = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w]|-\w)", re.IGNORECASE)
    automaton = ahocorasick.Automaton()
    for alias in by_alias:
        if alias:
            automaton.add_word(alias, len(alias))
    automaton.make_automaton()
    _CURATED_CACHE[id(gaz)] = (gaz, automaton, pattern, by_alias)
    return automaton, pattern, by_alias
