"""Finds knowledge-base names in text: one Aho-Corasick automaton over every alias of every
actor, person and curated place, plus fuzzy matching for misspelt transliterations.

Text and aliases are compared in a canonical form: lower case, diacritics removed, apostrophes
removed (Kata'ib = Kataib), hyphens and runs of white space as one space (Iran-backed =
"iran backed"). Each alias also yields variants: hyphens dropped (Hizb-allah = Hizballah), the
Arabic article swapped or dropped (al-/el-/ash-), a leading "the" dropped, dots in acronyms
(U.S. = US). States get demonyms (Iranian, Americans) from `DEMONYMS` and their `demonyms` key.

A match must sit on word boundaries (a possessive "'s" counts as a boundary); short all-caps
aliases (<= 5 letters: KH, IRGC, US) and those listed in `case_sensitive` must match with the
same letters in the same case. Overlapping matches resolve to the longest ("Kataib Hezbollah",
not "Hezbollah"). Offsets are always into the text as given.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import product
from typing import Literal

import ahocorasick
from rapidfuzz import fuzz, process

from .schema import ActorEntry, PersonEntry, PlaceEntry

MatchKind = Literal["actor", "person", "place"]
MatchRule = Literal["alias", "variant", "demonym", "fuzzy"]

APOSTROPHES = frozenset("'\u2019\u2018`\u02bc\u02bb\u02bf\u02be\u00b4")
HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014_")
ARTICLES = ("al", "el")
SUN_ARTICLES = ("ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az")
FUZZY_MIN_LENGTH = 8          # only aliases at least this long are matched fuzzily
FUZZY_MIN_SCORE = 90          # rapidfuzz ratio, 0-100
FUZZY_MAX_TOKENS = 6
FUZZY_CONNECTORS = frozenset({"al", "el", "of", "in", "the", "bin", "ibn", "abu", "and", "for", "de", "ad", "ash",
                              "as", "ar", "at", "az", "an", "bint", "umm"})
FUZZY_SKIP_FIRST = frozenset({"of", "in", "the", "and", "for", "a", "on", "to", "by", "with", "from", "after",
                              "before", "when", "while", "but", "if", "this", "that", "these", "those", "his", "her",
                              "its", "their"})   # an n-gram never starts with these
_RULE_RANK = {"alias": 0, "variant": 1, "demonym": 2, "fuzzy": 3}
_KIND_RANK = {"actor": 0, "person": 1, "place": 2}
_YEAR_RANGE = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)\s*$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")

# Demonyms of states, keyed by the country's name as ACLED spells it. Used for the actor of type
# "state" in that country. Plural forms are listed; "Lebanese" has none.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan", "Afghans"), "Algeria": ("Algerian", "Algerians"), "Bahrain": ("Bahraini", "Bahrainis"),
    "Cameroon": ("Cameroonian", "Cameroonians"), "Chad": ("Chadian", "Chadians"), "China": ("Chinese",),
    "Democratic Republic of Congo": ("Congolese",), "Egypt": ("Egyptian", "Egyptians"),
    "Ethiopia": ("Ethiopian", "Ethiopians"), "France": ("French",), "Germany": ("German", "Germans"),
    "India": ("Indian", "Indians"), "Iran": ("Iranian", "Iranians"), "Iraq": ("Iraqi", "Iraqis"),
    "Israel": ("Israeli", "Israelis"), "Jordan": ("Jordanian", "Jordanians"), "Kenya": ("Kenyan", "Kenyans"),
    "Kuwait": ("Kuwaiti", "Kuwaitis"), "Lebanon": ("Lebanese",), "Libya": ("Libyan", "Libyans"),
    "Mali": ("Malian", "Malians"), "Morocco": ("Moroccan", "Moroccans"), "Niger": ("Nigerien", "Nigeriens"),
    "Nigeria": ("Nigerian", "Nigerians"), "Oman": ("Omani", "Omanis"), "Pakistan": ("Pakistani", "Pakistanis"),
    "Palestine": ("Palestinian", "Palestinians"), "Qatar": ("Qatari", "Qataris"), "Russia": ("Russian", "Russians"),
    "Saudi Arabia": ("Saudi", "Saudis"), "Somalia": ("Somali", "Somalis"), "South Sudan": ("South Sudanese",),
    "Sudan": ("Sudanese",), "Syria": ("Syrian", "Syrians"), "Tunisia": ("Tunisian", "Tunisians"),
    "Turkey": ("Turkish", "Turks"), "Ukraine": ("Ukrainian", "Ukrainians"),
    "United Arab Emirates": ("Emirati", "Emiratis"), "United Kingdom": ("British", "Briton", "Britons"),
    "United States": ("American", "Americans"), "Yemen": ("Yemeni", "Yemenis"),
}


@dataclass(frozen=True, slots=True)
class Match:
    """A knowledge-base name found in a text; `text == original[start:end]`."""

    start: int
    end: int
    text: str
    kind: MatchKind
    id: str
    alias: str                    # the alias (as written in the knowledge base) that matched
    score: float = 1.0            # 1.0 exact (in canonical form); < 1.0 fuzzy
    rule: MatchRule = "alias"     # alias, variant (generated spelling), demonym, fuzzy
    alternatives: tuple[str, ...] = ()   # other ids sharing the alias (declared ambiguous)


@dataclass(frozen=True, slots=True)
class AliasRef:
    kind: MatchKind
    id: str
    alias: str                    # as written in the knowledge base
    form: str                     # the spelling this key was made from (alias or variant), original case
    key: str                      # canonical form of `alias` (for the disambiguation table)
    case_sensitive: bool
    rule: MatchRule


# --- canonical text ---------------------------------------------------------------------------
def canonical_map(text: str) -> tuple[str, list[int], frozenset[int]]:
    """The canonical form of `text`, the index in `text` of each of its characters, and the
    canonical positions right after a removed apostrophe (for possessives)."""
    out: list[str] = []
    index: list[int] = []
    after_apostrophe: set[int] = set()
    for i, ch in enumerate(text):
        if ch in APOSTROPHES:
            after_apostrophe.add(len(out))
            continue
        if ch in HYPHENS or ch.isspace():
            if out and out[-1] == " ":
                continue
            out.append(" ")
            index.append(i)
            continue
        if ch.isascii():
            out.append(ch.lower())
            index.append(i)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)) or ch
        for c in base.lower():
            out.append(c)
            index.append(i)
    return "".join(out), index, frozenset(after_apostrophe)


_ASCII_FOLD = str.maketrans({"'": None, "`": None, "-": " ", "_": " "})
_SPACE_RUN = re.compile(r"\s+")


def canonical(text: str) -> str:
    """Lower case, no diacritics or apostrophes, hyphens and white space as single spaces
    (the same as `canonical_map(text)[0].strip()`, faster for ASCII)."""
    if text.isascii():
        return _SPACE_RUN.sub(" ", text.translate(_ASCII_FOLD)).strip().lower()
    return canonical_map(text)[0].strip()


def strip_year_range(name: str) -> str:
    """ "Military Forces of Iran (1989-)" -> "Military Forces of Iran"."""
    return _YEAR_RANGE.sub("", name)


def is_case_sensitive(alias: str, listed: Iterable[str] = ()) -> bool:
    letters = [c for c in alias if c.isalnum()]
    return alias in set(listed) or (alias == alias.upper() and any(c.isalpha() for c in letters) and len(letters) <= 5)


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def variants(alias: str) -> list[str]:
    """Other spellings of `alias` (original case kept where possible), without the alias itself."""
    forms: list[str] = []
    base = _LEADING_THE.sub("", alias)
    if base != alias and base:
        forms.append(base)
    if any(h in base for h in HYPHENS) and " " not in base:
        forms.append("".join(c for c in base if c not in HYPHENS))
    if re.fullmatch(r"(?:[A-Z]\.){2,}", base):                   # U.S. -> US
        forms.append(base.replace(".", ""))
    elif re.fullmatch(r"[A-Z]{2,3}", base):                      # US -> U.S.
        forms.append(".".join(base) + ".")
    tokens = canonical(base).split(" ")
    options: list[list[str]] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ARTICLES and nxt:
            rest = " ".join(tokens[i + 1:])
            droppable = i > 0 or len(rest) >= 7
            options.append(["al", "el", ""] if droppable else ["al", "el"])
        elif tok in SUN_ARTICLES and nxt and nxt[0] == tok[1]:
            options.append([tok, "al"])
        else:
            options.append([tok])
    if any(len(o) > 1 for o in options):
        for combo in list(product(*options))[:16]:
            form = " ".join(t for t in combo if t)
            if form:
                forms.append(form)
    seen = {canonical(alias)}
    out = []
    for form in forms:
        key = canonical(form)
        if key and key not in seen:
            seen.add(key)
            out.append(form)
    return out


# --- the matcher ------------------------------------------------------------------------------
@dataclass(slots=True)
class Matcher:
    """Compiled name index. Build with `Matcher.build(...)`; picklable (see cache.py)."""

    automaton: ahocorasick.Automaton
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_refs: list[tuple[AliasRef, ...]] = field(default_factory=list)
    disambiguation: dict[str, str] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)     # every canonical name, for search
    fuzzy_by_length: dict[int, tuple[list[str], list[int]]] = field(default_factory=dict)  # filled on use
    size: int = 0

    @classmethod
    def build(cls, *, actors: Mapping[str, ActorEntry], people: Mapping[str, PersonEntry],
              places: Mapping[str, PlaceEntry], disambiguation: Mapping[str, str] | None = None) -> "Matcher":
        table: dict[str, list[AliasRef]] = {}

        def add(kind: MatchKind, entry_id: str, alias: str, listed: Iterable[str], rule: MatchRule = "alias") -> None:
            key = canonical(alias)
            if not key:
                return
            sensitive = is_case_sensitive(alias, listed)
            bare = _LEADING_THE.sub("", alias)   # "the United States": the mention is "United States"
            forms = [(bare or alias, rule)] + [(v, rule if rule != "alias" else "variant") for v in variants(alias)]
            for form, form_rule in forms:
                ref = AliasRef(kind, entry_id, alias, form, key, sensitive, form_rule)  # type: ignore[arg-type]
                refs = table.setdefault(canonical(form), [])
                same = [i for i, r in enumerate(refs) if r.kind == kind and r.id == entry_id]
                if not same:
                    refs.append(ref)
                elif _RULE_RANK[ref.rule] < _RULE_RANK[refs[same[0]].rule]:
                    refs[same[0]] = ref   # "U.S." listed as an alias beats "U.S." made from "US"

        for actor_id, actor in actors.items():
            for alias in actor.all_names():
                add("actor", actor_id, alias, actor.case_sensitive)
            if actor.acled_name and strip_year_range(actor.acled_name) != actor.acled_name:
                add("actor", actor_id, strip_year_range(actor.acled_name), (), "variant")
            if actor.type == "state":
                for demonym in (*actor.demonyms, *DEMONYMS.get(actor.country or "", ())):
                    add("actor", actor_id, demonym, actor.case_sensitive, "demonym")
        for person_id, person in people.items():
            for alias in person.all_names():
                add("person", person_id, alias, person.case_sensitive)
        for place_id, place in places.items():
            for alias in place.all_names():
                add("place", place_id, alias, place.case_sensitive)

        automaton = ahocorasick.Automaton()
        fuzzy_keys: list[str] = []
        fuzzy_refs: list[tuple[AliasRef, ...]] = []
        for key, refs in table.items():
            ordered = tuple(sorted(refs, key=lambda r: (_RULE_RANK[r.rule], _KIND_RANK[r.kind], r.id)))
            automaton.add_word(key, (len(key), ordered))
            fuzzy = tuple(r for r in ordered if not r.case_sensitive and r.rule != "demonym")
            if len(key) >= FUZZY_MIN_LENGTH and fuzzy:
                fuzzy_keys.append(key)
                fuzzy_refs.append(fuzzy)
        if len(table):
            automaton.make_automaton()
        return cls(automaton=automaton, fuzzy_keys=fuzzy_keys, fuzzy_refs=fuzzy_refs,
                   disambiguation=dict(disambiguation or {}), keys=list(table), size=len(table))

    # --- matching ---
    def match(self, text: str, *, fuzzy: bool = True) -> list[Match]:
        """Every knowledge-base name in `text`, longest first where they overlap, in text order."""
        if not text or not self.size:
            return []
        canon, index, after_apostrophe = canonical_map(text)
        candidates: list[Match] = []
        for end_pos, (length, refs) in self.automaton.iter(canon):
            ns, ne = end_pos - length + 1, end_pos + 1
            if ns > 0 and canon[ns - 1].isalnum() and canon[ns].isalnum():
                continue
            if ne < len(canon) and canon[ne].isalnum() and canon[ne - 1].isalnum():
                possessive = (canon[ne] == "s" and ne in after_apostrophe
                              and (ne + 1 == len(canon) or not canon[ne + 1].isalnum()))
                if not possessive:
                    continue
            start, end = index[ns], index[ne - 1] + 1
            found = self._resolve(refs, text[start:end])
            if found is not None:
                ref, alternatives = found
                candidates.append(Match(start, end, text[start:end], ref.kind, ref.id, ref.alias, 1.0, ref.rule,
                                        alternatives))
        chosen = _longest_non_overlapping(candidates)
        if fuzzy and self.fuzzy_keys:
            chosen = _longest_non_overlapping(chosen + self._fuzzy(text, chosen))
        return sorted(chosen, key=lambda m: (m.start, m.end))

    def _resolve(self, refs: tuple[AliasRef, ...], span: str) -> tuple[AliasRef, tuple[str, ...]] | None:
        ok = [r for r in refs if not r.case_sensitive or _alnum(span) == _alnum(r.form)]
        if not ok:
            return None
        best_rank = _RULE_RANK[ok[0].rule]
        ok = [r for r in ok if _RULE_RANK[r.rule] == best_rank]
        preferred = self.disambiguation.get(ok[0].key)
        if preferred is not None:
            ok.sort(key=lambda r: r.id != preferred)
        first = ok[0]
        alternatives = tuple(dict.fromkeys(r.id for r in ok[1:] if r.id != first.id))
        return first, alternatives

    def _fuzzy(self, text: str, exact: list[Match]) -> list[Match]:
        """Fuzzy matches over capitalised n-grams that no exact match covers. An n-gram may contain
        whole exact matches (a misspelt "Kataib Hizbollah" around an exact "Hizbollah"), never cut one."""
        grams: list[tuple[int, int]] = []
        for run in _capitalised_runs(text):
            for i, (start, first_end) in enumerate(run):
                first = text[start:first_end]
                if not _is_capitalised(first) or first.lower() in FUZZY_SKIP_FIRST:
                    continue
                for j in range(i, min(len(run), i + FUZZY_MAX_TOKENS)):
                    end = run[j][1]
                    if not _is_capitalised(text[run[j][0]:end]):
                        continue
                    if any(start < m.end and m.start < end and not (start <= m.start and m.end <= end)
                           or (m.start, m.end) == (start, end) for m in exact):
                        continue
                    if end - start >= FUZZY_MIN_LENGTH - 1:
                        grams.append((start, end))
        if not grams:
            return []
        best_of: dict[str, tuple[str, float, int] | None] = {}
        out: list[Match] = []
        for start, end in grams:
            query = canonical(text[start:end])
            if query not in best_of:
                keys, where = self._fuzzy_candidates(len(query))
                hit = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE) if keys else None
                best_of[query] = (hit[0], hit[1], where[hit[2]]) if hit else None
            hit = best_of[query]
            if hit is None:
                continue
            _, score, best = hit
            found = self._resolve(self.fuzzy_refs[best], text[start:end])
            if found is None:
                continue
            ref, alternatives = found
            if any(m.id == ref.id and start <= m.start and m.end <= end for m in exact):
                continue  # the exact match inside already names this entry
            out.append(Match(start, end, text[start:end], ref.kind, ref.id, ref.alias, min(score / 100, 0.99),
                             "fuzzy", alternatives))
        return out

    def _fuzzy_candidates(self, length: int) -> tuple[list[str], list[int]]:
        """Fuzzy keys whose length allows a ratio >= FUZZY_MIN_SCORE with a query of `length`
        (|a - b| <= (1 - r)(a + b)), with their indexes into `fuzzy_keys`."""
        cached = self.fuzzy_by_length.get(length)
        if cached is None:
            r = FUZZY_MIN_SCORE / 100
            low, high = length * r / (2 - r), length * (2 - r) / r
            where = [i for i, k in enumerate(self.fuzzy_keys) if low <= len(k) <= high]
            cached = ([self.fuzzy_keys[i] for i in where], where)
            self.fuzzy_by_length[length] = cached
        return cached

    # --- search (for `kb search`) ---
    def search(self, query: str, *, limit: int = 10, min_score: float = 75) -> list[tuple[AliasRef, float]]:
        """Names close to `query` (partial and fuzzy), best first, one row per entry."""
        key = canonical(query)
        if not key:
            return []
        hits = process.extract(key, self.keys, scorer=fuzz.WRatio, limit=limit * 5, score_cutoff=min_score)
        out: list[tuple[AliasRef, float]] = []
        seen: set[tuple[str, str]] = set()
        for found, score, _ in hits:
            _, refs = self.automaton.get(found)
            for ref in refs:
                if (ref.kind, ref.id) not in seen:
                    seen.add((ref.kind, ref.id))
                    out.append((ref, float(score)))
        out.sort(key=lambda x: -x[1])
        return out[:limit]


def _is_capitalised(token: str) -> bool:
    return any(part[:1].isupper() for part in re.split(r"[\-'\u2019]", token))


def _capitalised_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with connectors like "al", "of" inside) separated only by spaces."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -1
    for m in _WORD.finditer(text):
        word = m.group()
        joined = last_end >= 0 and text[last_end:m.start()].strip(" \t") == "" and "\n" not in text[last_end:m.start()]
        usable = _is_capitalised(word) or (word.lower() in FUZZY_CONNECTORS and current)
        if usable and (joined or not current):
            current.append((m.start(), m.end()))
        else:
            if current:
                runs.append(current)
            current = [(m.start(), m.end())] if _is_capitalised(word) else []
        last_end = m.end()
    if current:
        runs.append(current)
    return runs


def _longest_non_overlapping(matches: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), -m.score, m.start)):
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    return chosen
