"""The candidate sources of the places stage: each reads the text (or its parse) and yields the
spans that may name a place, with what its own wording says of them.

- `curated_candidates`: the knowledge base's curated places (`kb.match` place matches, and the
  gazetteer's curated names and aliases found in the text: `curated.find_curated`),
- `dateline_candidates`: a dateline at the start ("MADAYA, Syria -", "BAGHDAD (Reuters) -");
  `filed_in_country`: the country of a dateline without a dash, a hint rather than a place,
- `locative_candidates`: capitalised names after a locative word ("in", "near", "east of", ...),
  with their shorter left-anchored prefixes,
- `bracket_candidates`: ACLED's "Tafas (Daraa)" where the bracket names a region or country,
- `noun_candidates`: a name before a place noun ("Andan town", "Jobar neighbourhood"),
- `site_candidates`: a town named before a site ("a Brussels apartment", "the Tunis Bardo museum"),
- `entity_candidates`: spaCy's GPE / LOC / FAC entities not used as an actor or modifier (a
  modifier of an event or a site is where it happened: "the Istanbul blast", "a Baghdad market"),
- `object_candidates`: the name a strike or a takeover is done to ("jets pounded Douma", "troops
  retook Palmyra"), which the small model often leaves untagged or tags as a people.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .candidates import Candidate
from .curated import find_curated
from .wording import (ACTOR_DEPS, BARE_DATELINE, CAPITAL_NAMED, CAPITAL_PHRASE, DATELINE, EVENT_HEADS, GATHERING_HEADS,
                      GOVERNMENT_OBJECT_VERBS, LIST_SPLIT, LOCATIVE_PHRASE, LOCATIVES, NAME, NAME_PAREN, NOUN_AFTER,
                      PEOPLE_HEADS, SITE_AFTER, SITE_HEADS, SITE_MIN_POPULATION, STRUCK_PLACE_VERBS, TRAILING_NOUN,
                      governed_before)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge.gazetteer import Gazetteer


def curated_candidates(kb: Any, gaz: "Gazetteer", text: str) -> Iterator[Candidate]:
    """Curated places: the knowledge base's matcher, and the gazetteer's curated names."""
    match = getattr(kb, "match", None)
    if callable(match):
        for m in match(text):
            if getattr(m, "kind", None) == "place" and m.id in gaz.curated:
                yield Candidate(m.start, m.end, text[m.start:m.end], "curated", curated_id=m.id)
    for start, end, place_id in find_curated(gaz, text):
        yield Candidate(start, end, text[start:end], "curated", curated_id=place_id)


def capital_candidates(kb: Any, gaz: "Gazetteer", text: str) -> Iterator[Candidate]:
    """A country's capital named by the country or its people ("the Afghan capital", "Somalia's
    capital", "the capital of Iraq"): the span from the country's word to "capital", read as that
    country's capital city (`Candidate.capital_of`)."""
    demonyms = state_demonym_countries(kb)
    for m in CAPITAL_PHRASE.finditer(text):
        group = "who" if m.group("who") else "of"
        start, words = m.start(group), m.group(group)
        for skip in (0, 1):
            part = words.split(" ", skip)[-1] if skip else words
            cc = gaz.country_code(part) or demonyms.get(part)
            if cc:
                start = m.end(group) - len(part) if group == "who" else m.start()
                yield Candidate(start, m.end(), text[start:m.end()], "capital", governed=True, capital_of=cc)
                break


def capital_named_candidates(text: str) -> Iterator[Candidate]:
    """The city a capital phrase names ("the Yemeni capital Sanaa", "the capital, Kabul"), a place
    as if a locative word governed it."""
    for m in CAPITAL_NAMED.finditer(text):
        yield Candidate(m.start(1), m.end(1), m.group(1), "locative", governed=True)


_DEMONYM_COUNTRIES: dict[int, tuple[Any, dict[str, str]]] = {}


def state_demonym_countries(kb: Any) -> dict[str, str]:
    """The knowledge base's state demonyms by country code ("Afghan" -> "AF"), made once per
    knowledge base."""
    cached = _DEMONYM_COUNTRIES.get(id(kb))
    if cached is None or cached[0] is not kb:
        cached = _DEMONYM_COUNTRIES[id(kb)] = (kb, _state_demonym_countries(kb))
    return cached[1]


def _state_demonym_countries(kb: Any) -> dict[str, str]:
    gaz = getattr(kb, "gazetteer", None)
    out: dict[str, str] = {}
    for entry in (getattr(kb, "actors", None) or {}).values():
        if getattr(entry, "type", None) != "state" or gaz is None:
            continue
        cc = gaz.country_code(getattr(entry, "country", "") or "")
        for d in getattr(entry, "demonyms", None) or ():
            if cc:
                out.setdefault(d, cc)
    return out


def _dash_dateline(text: str) -> re.Match[str] | None:
    m = DATELINE.search(text[:300])
    return m if m and m.start() < 120 else None


def dateline_candidates(text: str) -> Iterator[Candidate]:
    """The city of a dateline in capitals and the country or region after its comma."""
    m = _dash_dateline(text)
    if m and m.group("city").upper() == m.group("city"):
        city = m.group("city")
        region = m.group("region")
        yield Candidate(m.start("city"), m.end("city"), city, "dateline", country_hint=region, governed=True)
        if region:
            yield Candidate(m.start("region"), m.end("region"), region, "dateline", governed=True)


def bare_dateline_candidate(text: str) -> Candidate | None:
    """The first city of a dateline without a dash ("BIRSTALL, England A British member ...", "HANOVER,
    Germany U.S. President ..."), its country or region after the comma as a hint; None when the text has
    a dateline with a dash (`dateline_candidates`) or none. Where the report was filed: the stage places it
    after the others, so it weighs in no choice of theirs (`filed_in_country` is its hint), and the events
    stage takes it only for an event told with no place of its own."""
    m = None if _dash_dateline(text) else BARE_DATELINE.match(text[:300])
    if m is None or len(m.group("city")) < 3:
        return None
    return Candidate(m.start("city"), m.end("city"), m.group("city"), "dateline", country_hint=m.group("region"),
                     governed=True)


def filed_in_country(gaz: "Gazetteer", text: str) -> str | None:
    """A dateline without a dash ("BEIRUT Four suicide bombers ..."): where the report was filed, so
    a hint of the country it is about, not a place of its own (the events stage would take it for
    the place of the events it reports). None when the text has a dateline with a dash."""
    return None if _dash_dateline(text) else bare_dateline_country(gaz, text[:300])


def bare_dateline_country(gaz: "Gazetteer", head: str) -> str | None:
    """The country code of a dateline without a dash ("BEIRUT Four ...", "DIYARBAKIR/ISTANBUL, Turkey
    Eight ..."): its country or region after the comma, else its first city when that is a city
    of at least DATELINE_MIN_POPULATION people or a capital-sized unambiguous name."""
    m = BARE_DATELINE.match(head)
    if m is None:
        return None
    region = m.group("region")
    for name in ((region, region.split()[0]) if region else ()):
        cc = gaz.country_code(name) or getattr(gaz.admin1(name), "country_code", None)
        if cc:
            return cc
    city = gaz.prominent(m.group("city").title())
    return city.country_code if city is not None else None


def locative_candidates(text: str) -> Iterator[Candidate]:
    """Names governed by a locative word ("in X", "near X and Y"), each with its shorter prefixes."""
    for m in LOCATIVE_PHRASE.finditer(text):
        word = m.group(1).lower()
        implied = LOCATIVES.get(word)
        group_start = m.start(2)
        chunk = m.group(2)
        for part in _split_list(chunk, group_start):
            for i, sub in enumerate(_subnames(text, *part)):
                yield Candidate(sub[0], sub[1], text[sub[0]:sub[1]], "locative", precision=implied,
                                governed=True, partial=i > 0, cut=text[sub[1]:part[1]].strip(),
                                via_of=word == "of")


def bracket_candidates(gaz: "Gazetteer", text: str) -> Iterator[Candidate]:
    """ACLED's "Name (Region)": "shelled Tafas (Daraa)", "Hit (Dar'a)" when the bracket names a
    first-level region or a country."""
    for m in NAME_PAREN.finditer(text):
        region = m.group(2)
        if gaz.country_code(region) or gaz.admin1(region) is not None:
            yield Candidate(m.start(1), m.end(1), m.group(1), "paren", governed=True, admin1_hint=None)


def noun_candidates(text: str) -> Iterator[Candidate]:
    """A name followed by a place noun: "Andan town", "Touneh village", "Jobar neighbourhood"."""
    for m in NOUN_AFTER.finditer(text):
        yield Candidate(m.start(1), m.end(1), m.group(1), "locative", governed=True)


def site_candidates(gaz: "Gazetteer", text: str) -> Iterator[Candidate]:
    """A town named before a site ("the Tunis Bardo museum", "a Sousse beach hotel"): the name and its
    shorter prefixes, when a town of that name has at least SITE_MIN_POPULATION people (a brand or a
    company before its store is no town: "a Walmart store" is not Walmart, Pennsylvania)."""
    for m in SITE_AFTER.finditer(text):
        for i, sub in enumerate(_subnames(text, m.start(1), m.end(1))):
            name = text[sub[0]:sub[1]]
            if max((p.population for p in gaz.candidates(name, fuzzy=False)), default=0) >= SITE_MIN_POPULATION:
                yield Candidate(sub[0], sub[1], name, "locative", partial=i > 0)


def _compound_heads(tok: Any) -> set[str]:
    """The nouns a chain of compounds runs through ("Boston" of "Boston marathon bomber Dzhokhar
    Tsarnaev": marathon, bomber, Tsarnaev), lower-cased."""
    out: set[str] = set()
    t = tok
    for _ in range(4):
        if t.dep_ != "compound" or t.head.i == t.i:
            break
        t = t.head
        out.add(t.lower_)
    return out


def entity_candidates(parsed: "Doc", text: str) -> Iterator[Candidate]:
    """spaCy's place entities (and the entity without a trailing place noun: "Ramadi city" ->
    "Ramadi"); an entity the parse uses as an actor or a modifier without a locative word is none."""
    for ent in parsed.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") and not (
                ent.label_ in ("PERSON", "ORG", "NORP") and len(ent) == 1 and ent.root.dep_ == "compound"
                and ent.root.head.lower_ in PEOPLE_HEADS):
            continue   # "219 Chibok girls": a town read as a person's name, the girls' town
        start, end = ent.start_char, ent.end_char
        if text[start:end].lower().startswith("the "):
            start += 4
        governed = governed_before(text, start)
        role = _role(ent.root)
        if role.dep_ in ACTOR_DEPS and not governed and not (
                ent.root.dep_ == "compound" and _compound_heads(ent.root) & (EVENT_HEADS | SITE_HEADS | PEOPLE_HEADS)
                or ent.root.dep_ == "poss" and ent.root.head.lower_ in GATHERING_HEADS):
            continue   # "Israel said", "Iran-backed", "the government and Moscow said": an actor, or a modifier
                       # (not "the Istanbul blast", "a Brussels apartment", "New York City's parade": where)
        if role.dep_ == "pobj" and role.head.dep_ == "agent":
            continue   # "forces supported by Washington": who does it, not where
        if role.dep_ == "dobj" and role.head.lemma_.lower() in GOVERNMENT_OBJECT_VERBS:
            continue   # "militants who are battling Ankara", "a move angering Ankara": the government
        yield Candidate(start, end, text[start:end], "ner", governed=governed,
                        via_of=bool(re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 8):start])))
        trimmed = TRAILING_NOUN.search(text[start:end])
        if trimmed and trimmed.start() > 0:
            # "Ramadi city" names Ramadi; a capitalised noun may be part of the name ("Greenwich Village"):
            # the shorter name is then only a partial reading of it
            noun = trimmed.group(0).strip()
            yield Candidate(start, start + trimmed.start(), text[start:start + trimmed.start()], "ner",
                            governed=True, partial=noun[:1].isupper(), cut=noun if noun[:1].isupper() else "")


def _role(tok: Any) -> Any:
    """The token whose role in the clause a name shares: the first of the names joined to it ("the government
    and Moscow": the subject's), else the name itself."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


_NAME_AT = re.compile(NAME)


def object_candidates(parsed: "Doc", text: str) -> Iterator[Candidate]:
    """The proper name a strike or a takeover is done to, and the names joined to it ("jets pounded
    Douma and Harasta", "troops retook Palmyra", "rebels stormed Jisr al-Shughour"). Not governed by a
    locative word: the chooser takes it only as a town of the report's countries or a large one, and
    an actor's name ("attacked Hezbollah") is none for want of a place of that name."""
    for tok in parsed:
        obj = tok
        while obj.dep_ == "conj":
            obj = obj.head
        if tok.pos_ != "PROPN" or obj.dep_ != "dobj" or obj.head.lemma_.lower() not in STRUCK_PLACE_VERBS:
            continue
        left = tok
        while left.i > 0 and parsed[left.i - 1].pos_ in ("PROPN", "PUNCT") and parsed[left.i - 1].head.i == tok.i \
                and parsed[left.i - 1].text not in (",", "(", '"'):
            left = parsed[left.i - 1]
        m = _NAME_AT.match(text, left.idx)
        if m is not None and m.end() >= tok.idx + len(tok.text):
            yield Candidate(m.start(), m.end(), m.group(0), "object")


def _split_list(chunk: str, offset: int) -> list[tuple[int, int]]:
    """'Idlib, Hama and Homs' -> spans of each name."""
    out: list[tuple[int, int]] = []
    pos = 0
    for sep in LIST_SPLIT.finditer(chunk):
        if sep.start() > pos:
            out.append((offset + pos, offset + sep.start()))
        pos = sep.end()
    if pos < len(chunk):
        out.append((offset + pos, offset + len(chunk)))
    return out


def _subnames(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A name and its shorter left-anchored prefixes ("Kafr Nubl Hospital" -> ..., "Kafr Nubl")."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\s]+", text[start:end])]
    out = []
    for n in range(len(words), 0, -1):
        if n > 1 and text[words[n - 1][0]:words[n - 1][1]].islower():
            continue          # an article joins two names, it ends none: "around Deir al-Zor as Syrian forces ..."
        out.append((words[0][0], words[n - 1][1]))
    return out
