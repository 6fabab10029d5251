"""Counts in a document: numbers in digits and words, their qualifier, and what they count.

"over 150 rocket and drone attacks" -> Quantity(150, "at_least", noun "attack");
"killed three American soldiers" -> Quantity(3, "exactly", noun "soldier"); "dozens of
people" -> Quantity(12, "about", noun "people") as ACLED codes vague counts. Years, dates,
times, ages, ordinals, measures, money and labels ("T-22", "Resolution 2254") are not counts.
Word lists: data/patterns/quantities.yaml. Deciding what a count means (fatalities, wounded,
arrests, attacks) is the events stage's work; the counted noun's lemma is given for it.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ExtractionError
from ..records import Document, Quantity, Span
from .pattern_files import PATTERN_FILE_CODE, read_pattern_file

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    number: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifiers: dict[str, str]
    vague: dict[str, int]
    vague_re: re.Pattern[str]
    label: re.Pattern[str]
    measure: re.Pattern[str]
    currency: re.Pattern[str]
    article_nouns: frozenset[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.cache
def _lexicon() -> _Lexicon:
    data = read_pattern_file("quantities.yaml")
    try:
        units = {str(k): int(v) for k, v in data["units"].items()}
        tens = {str(k): int(v) for k, v in data["tens"].items()}
        scales = {str(k): int(v) for k, v in data["scales"].items()}
        word = _alt([*units, *tens, *scales])
        digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
        number = re.compile(
            rf"(?<![\w.,$€£/:-])(?:(?P<digits>{digits})(?:\s+(?P<dscale>{_alt(list(scales))}))?"
            rf"|(?P<words>(?:{word})(?:(?:\s+and\s+|\s+|-)(?:{word}))*))(?![\w%])", re.I)
        qualifiers = {str(p).lower(): q for q, phrases in data["qualifiers"].items() for p in phrases}
        qualifier = re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{_alt(list(qualifiers))})\s+$", re.I)
        vague = {str(k).lower(): int(v) for k, v in data["vague"].items()}
        vague_re = re.compile(rf"\b(?P<v>{_alt(list(vague))})(?=\s+[a-z])", re.I)
        label = re.compile(rf"(?:{_alt([str(w) for w in data['labels']])})[\s#-]*$", re.I)
        measure = re.compile(rf"[\s-]*(?:{_alt([str(w) for w in data['measure_nouns']])})(?![\w])", re.I)
        currency = re.compile(rf"(?:{_alt([str(w) for w in data['currency']])})\s*$")
        article_nouns = frozenset(str(w).lower() for w in data.get("article_nouns") or ())
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise ExtractionError(f"pattern file quantities.yaml is malformed: {type(exc).__name__} {exc}",
                              code=PATTERN_FILE_CODE) from exc
    return _Lexicon(units, tens, scales, number, qualifier, qualifiers, vague, vague_re, label, measure, currency,
                    article_nouns)


def extract_quantities(doc: Document, parsed: "Doc") -> list[Quantity]:
    """Every count in `doc.text`, in text order, with its qualifier and counted noun."""
    text = doc.text
    lex = _lexicon()
    starts = _token_starts(parsed)
    out: list[Quantity] = []
    for m in lex.number.finditer(text):
        value = _value(m, lex)
        if value is None or _not_a_count(text, m, lex):
            continue
        token = _token_at(parsed, starts, m.end() - 1)
        if m.group("words") and m.group("words").lower() == "one" and not _counts_noun(token):
            continue        # "one of the groups", "no one"
        start, qualifier = _qualifier(text, m.start(), lex)
        noun = _noun(token)
        if m.group("digits") and noun is None and not _qualified(qualifier, start, m.start()):
            continue        # a bare figure that counts nothing ("12+ years", scores, codes)
        out.append(Quantity(Span.of(text, start, m.end()), value, qualifier, noun, "number"))
    taken = [(q.span.start, q.span.end) for q in out]
    for m in lex.vague_re.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        phrase = re.sub(r"\s+", " ", m.group("v").lower())
        token = _token_at(parsed, starts, m.start())
        noun = _noun(token) if token is not None else None
        if noun is None:
            continue        # "many of them", "several times" stay uncounted
        end = m.start() + len(re.sub(r"\s+of$", "", m.group("v"), flags=re.I))
        out.append(Quantity(Span.of(text, m.start(), end), lex.vague[phrase], "about", noun, "vague"))
    taken = [(q.span.start, q.span.end) for q in out]
    for tok in parsed:          # "a civilian was killed": one, by the article
        if tok.lower_ in ("a", "an") and tok.dep_ == "det" and tok.head.tag_ == "NN" \
                and tok.head.lemma_.lower() in lex.article_nouns and tok.head.i - tok.i <= 4:
            if not any(s <= tok.idx < e for s, e in taken):
                out.append(Quantity(Span.of(text, tok.idx, tok.idx + len(tok.text)), 1, "exactly",
                                    tok.head.lemma_.lower(), "article"))
    return sorted(out, key=lambda q: q.span.start)


def _qualified(qualifier: str, start: int, number_start: int) -> bool:
    return start < number_start


def _value(m: re.Match[str], lex: _Lexicon) -> int | None:
    if m.group("digits"):
        raw = m.group("digits").replace(",", "")
        value = float(raw)
        if m.group("dscale"):
            value *= lex.scales[m.group("dscale").lower()]
        elif "." in raw:
            return None     # 2.5 without a scale is a measure, not a count
        return int(value)
    words = [w for w in re.split(r"[\s-]+", m.group("words").lower()) if w and w != "and"]
    total, current = 0, 0
    for w in words:
        if w in lex.units:
            current += lex.units[w]
        elif w in lex.tens:
            current += lex.tens[w]
        elif w in lex.scales:
            scale = lex.scales[w]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
    value = total + current
    if words[0] in lex.scales and not re.search(r"\ba\s+$", m.string[max(0, m.start() - 3):m.start()]):
        return None         # "hundreds" is vague (handled there); "a hundred" counts
    return value


def _not_a_count(text: str, m: re.Match[str], lex: _Lexicon) -> bool:
    before = text[max(0, m.start() - 30):m.start()]
    after = text[m.end():m.end() + 20]
    if after.startswith("-year-old") or after.startswith("-year") or re.match(r"[-\s]years?[-\s]old", after):
        return True                                                  # ages
    if re.search(r"\b(?:aged|age)\s+$", before, re.I):
        return True
    if re.match(r"\s*(?:st|nd|rd|th)\b", after) or re.match(r"(?:st|nd|rd|th)\b", after):
        return True                                                  # ordinals
    if re.match(r"[:.]\d", after) or re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT|UTC)", after, re.I):
        return True                                                  # times
    if re.match(rf"\s*(?:(?:-|–|and|to)\s*\d{{1,2}}\s+)?(?:{_MONTHS})\b", after, re.I) \
            or re.search(rf"\b(?:{_MONTHS})\.?\s+$", before, re.I):
        return True                                                  # dates
    if m.group("digits") and re.fullmatch(r"(?:1[89]|20)\d\d", m.group("digits")):
        if not re.match(r"\s+(?:[a-z]+\s+)?(?:people|civilians|fighters|soldiers|troops|members|families)\b", after):
            return True                                              # years
    if lex.currency.search(before) or lex.measure.match(after):
        return True                                                  # money, measures, durations
    prev = re.search(r"([A-Za-z][\w.]*)[\s#]*$", before)
    if prev and prev.group(1)[0].isupper() and lex.label.search(before):
        return True                                                  # "Resolution 2254", "Tower 22"
    if m.group("digits") and (re.search(r"[A-Za-z]-$", before) or re.search(r"\b[A-Z]{1,3}\s?$", before)):
        return True                                                  # "T-22", "F-16", "MQ-9", "Su-24"
    if re.match(r"-[A-Za-z]", after) and m.group("digits"):
        return True                                                  # "9-M", "22-A" model codes
    return False


def _qualifier(text: str, start: int, lex: _Lexicon) -> tuple[int, str]:
    before = text[max(0, start - 40):start]
    q = lex.qualifier.search(before)
    if q is None:
        return start, "exactly"
    phrase = re.sub(r"\s+", " ", q.group("q").lower())
    return start - len(before) + q.start("q"), lex.qualifiers[phrase]


def _token_starts(parsed: "Doc") -> list[int]:
    """Each token's character offset (read as one array: no Token object per token)."""
    if len(parsed) == 0:
        return []
    return [int(i) for i in parsed.to_array("IDX").tolist()]


def _token_at(parsed: "Doc", starts: list[int], offset: int) -> "Token | None":
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return None
    tok = parsed[i]
    return tok if tok.idx <= offset < tok.idx + len(tok.text) + 1 else None


def _counts_noun(token: "Token | None") -> bool:
    return token is not None and token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN")


def _noun(token: "Token | None") -> str | None:
    """The lemma of what the number at `token` counts."""
    if token is None:
        return None
    if token.dep_ in ("nummod", "quantmod", "compound") and token.head.i > token.i \
            and token.head.pos_ in ("NOUN", "PROPN"):
        return _lemma(_climb(token.head))
    for child in token.children:                                    # "dozens of people", "three of them"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return _lemma(_climb(obj))
    for tok in token.doc[token.i + 1: token.i + 6]:                 # the next noun, across adjectives
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "ORG"):
            return _lemma(_climb(tok))
        if tok.pos_ not in ("ADJ", "NUM", "PUNCT", "ADV", "CCONJ", "DET", "PROPN") and tok.lower_ != "of":
            break
    return None


def _climb(token: "Token") -> "Token":
    """From "rocket" in "rocket and drone attacks" to "attacks": follow compounds and modifiers rightwards."""
    seen = 0
    while token.dep_ in ("compound", "nmod", "amod", "conj") and token.head.i > token.i \
            and token.head.pos_ in ("NOUN", "PROPN") and seen < 5:
        token = token.head
        seen += 1
    return token


def _lemma(token: "Token") -> str:
    lemma = token.lemma_.lower() if token.lemma_ else token.lower_
    return "people" if lemma in ("person", "people") else lemma
