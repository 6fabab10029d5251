"""Faster stand-ins for two rule components of the English pipelines, with the same output.

    from conflictdesk.nlp.speedups import speed_up
    speed_up(nlp)      # in place: the attribute ruler and the lemmatizer, where the pipeline has them

On news text the two rule components cost about a quarter of spaCy's parse (`bench/bench_pipeline.py
--profile`): the attribute ruler runs a general `Matcher` with its ~180 patterns over every token and
builds a `Span` for each match, and the rule lemmatizer re-derives the lemma of every token whose
form is a base form (its own cache skips those). Their replacements here give each token exactly the
attributes the originals give (checked token by token against the originals in
tests/test_nlp_speedups.py):

- `TableRuler` indexes the attribute ruler's patterns by an attribute value that each must have (a
  token's lower-case form, tag, dependency label or whether it is a space), so a token is checked
  only against the few patterns that can match it; all matches are found on the parse as it
  stands and then applied in the ruler's order (later patterns win), as `AttributeRuler` does.
- `CachedLemmatizer` remembers the lemma of each (form, part of speech, morphology), which is all
  the rule lemmatizer reads, and asks the original lemmatizer only for a combination it has not seen.

A pipeline whose components are not the ones expected (another ruler or lemmatizer class, a
pattern with an operator or attribute not handled here) is left as it is.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.symbols import IDS
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc

# the token attributes the patterns test, as columns of `Doc.to_array`
COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
RULER_FACTORY = "conflictdesk_table_ruler"
LEMMATIZER_FACTORY = "conflictdesk_cached_lemmatizer"


class Unsupported(ValueError):
    """A pattern this module cannot match exactly as spaCy's Matcher does."""


Test = Callable[[list[int]], bool]


def _test(col: int, value: Any, strings: Any) -> tuple[Test, frozenset[int] | None]:
    """A test of one token attribute on its row of `Doc.to_array(COLUMNS)`, and the values it accepts
    when they are a finite set (for the index)."""
    def code(v: Any) -> int:
        return int(v) if isinstance(v, bool) else int(strings.add(v))

    if isinstance(value, dict):
        if len(value) != 1:
            raise Unsupported(f"{COLUMNS[col]}: {value}")
        [(op, arg)] = value.items()
        if op == "IN":
            accepted = frozenset(code(v) for v in arg)
            return (lambda row: row[col] in accepted), accepted
        if op == "NOT_IN":
            refused = frozenset(code(v) for v in arg)
            return (lambda row: row[col] not in refused), None
        if op == "REGEX" and COLUMNS[col] != "IS_SPACE":
            pattern = re.compile(arg)
            return (lambda row: bool(pattern.search(strings[row[col]]))), None
        raise Unsupported(f"{COLUMNS[col]}: operator {op}")
    if isinstance(value, (str, bool)):
        wanted = code(value)
        return (lambda row: row[col] == wanted), frozenset((wanted,))
    raise Unsupported(f"{COLUMNS[col]}: {value!r}")


class _Pattern:
    __slots__ = ("order", "tests", "index", "length")

    def __init__(self, order: int, tokens: list[dict[str, Any]], index: int, strings: Any) -> None:
        if not tokens or any(attr not in COLUMNS for spec in tokens for attr in spec):
            raise Unsupported(f"pattern {tokens}")
        self.order = order
        self.length = len(tokens)
        self.tests = [[_test(COLUMNS.index(attr), value, strings)[0] for attr, value in spec.items()]
                      for spec in tokens]
        self.index = index if index >= 0 else len(tokens) + index
        if not 0 <= self.index < self.length:
            raise Unsupported(f"index {index} of {tokens}")

    def matches(self, rows: list[list[int]], start: int) -> bool:
        if start + self.length > len(rows):
            return False
        return all(test(rows[start + k]) for k, tests in enumerate(self.tests) for test in tests)


class TableRuler:
    """An attribute ruler's patterns, matched through an index of the values each pattern needs."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.attrs: list[dict[Any, Any]] = []
        self.index: list[dict[int, list[_Pattern]]] = [{} for _ in COLUMNS]
        self.everywhere: list[_Pattern] = []
        self.columns = [IDS[c] for c in COLUMNS]

    def compile_from(self, ruler: AttributeRuler) -> None:
        """Take `ruler`'s patterns and normalised attributes (raises Unsupported)."""
        strings = ruler.vocab.strings
        index: list[dict[int, list[_Pattern]]] = [{} for _ in COLUMNS]
        everywhere: list[_Pattern] = []
        for order, entry in enumerate(ruler.patterns):
            for tokens in entry["patterns"]:
                pattern = _Pattern(order, tokens, int(entry.get("index", 0)), strings)
                first = tokens[0]
                filed = False
                for col, attr in enumerate(COLUMNS):
                    values = _test(col, first[attr], strings)[1] if attr in first else None
                    if values is not None:
                        for value in values:
                            index[col].setdefault(value, []).append(pattern)
                        filed = True
                        break
                if not filed:
                    everywhere.append(pattern)
        if len(ruler.attrs) != len(ruler.patterns):
            raise Unsupported("patterns and attributes differ in number")
        self.attrs, self.index, self.everywhere = list(ruler.attrs), index, everywhere

    def __call__(self, doc: "Doc") -> "Doc":
        rows = doc.to_array(self.columns).tolist()
        lower, tag, dep, space = self.index
        everywhere = self.everywhere
        found: list[tuple[int, int, _Pattern]] = []
        for i, row in enumerate(rows):
            for candidates in (lower.get(row[0]), tag.get(row[1]), dep.get(row[2]), space.get(row[3]), everywhere):
                if candidates:
                    for p in candidates:
                        if p.matches(rows, i):
                            found.append((p.order, i, p))
        # all matches on the parse as it stands, then applied in the ruler's order: later patterns win
        found.sort(key=lambda m: (m[0], m[1]))
        attrs = self.attrs
        for order, start, p in found:
            set_token_attrs(doc[start + p.index], attrs[order])
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


class CachedLemmatizer:
    """A rule lemmatizer with a cache of every (form, part of speech, morphology) it has lemmatized."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.original: Lemmatizer | None = None
        self.cache: dict[tuple[int, int, int], int] = {}
        self.columns = [IDS["ORTH"], IDS["POS"], IDS["MORPH"], IDS["LEMMA"]]

    def wrap(self, lemmatizer: Lemmatizer) -> None:
        self.original = lemmatizer

    def __call__(self, doc: "Doc") -> "Doc":
        original = self.original
        if original is None:
            raise RuntimeError("CachedLemmatizer used before wrap()")
        cache, strings = self.cache, doc.vocab.strings
        rows = doc.to_array(self.columns)
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma != 0:
                continue            # set by the attribute ruler ("is" -> "be")
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = strings.add(original.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([IDS["LEMMA"]], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


@Language.factory(RULER_FACTORY)
def _make_ruler(nlp: Language, name: str) -> TableRuler:
    return TableRuler(nlp, name)


@Language.factory(LEMMATIZER_FACTORY)
def _make_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp, name)


def speed_up(nlp: Language) -> list[str]:
    """Replace the attribute ruler and the rule lemmatizer of `nlp` in place by their faster
    stand-ins (same names, same output); returns the names of the components replaced."""
    replaced: list[str] = []
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            table = TableRuler(nlp, name)
            try:
                table.compile_from(component)
            except Unsupported:
                continue
            nlp.replace_pipe(name, RULER_FACTORY)
            nlp.get_pipe(name).compile_from(component)
            replaced.append(name)
        elif isinstance(component, Lemmatizer) and component.mode == "rule" and not component.overwrite:
            nlp.replace_pipe(name, LEMMATIZER_FACTORY)
            nlp.get_pipe(name).wrap(component)
            replaced.append(name)
    return replaced
