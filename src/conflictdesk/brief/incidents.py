"""Incidents behind stories: which documents report the same violent incident, whether a story's news
is a conflict event at all, and its fatalities counted once per incident.

Wire copy about one attack takes many angles (the gunman, the investigation, the politics), so the
words of two articles can differ more than those of two unrelated ones; what they share is the
incident. Two documents report the same incident when they share an anchor:
* a death toll of at least `MIN_ANCHOR_TOLL` in the same country, stated or coded on a main event
  near the top of the text (its first `ANCHOR_CHARS` characters: "the man who killed 49 people at a
  gay nightclub in Florida"); a toll under `SHARED_TOLL` ("15 killed" in Syria) is common to unrelated
  incidents, so it links only reports that also share some rare names, or
* a main violent event near the top of the text at the same named place on the same day (coded
  fields, so only between reports that also share some rare names), or
* the same incident named in title or lead ("the Orlando nightclub massacre", "Orlando Shooting
  Victim": a place the week's events know, before or after an incident noun), or
* the same rare names in their titles and leads (TF-IDF over the capitalised words of the title and
  the first `LEAD_CHARS` characters, weighted by how rare each is in the week): a cosine of
  `SAME_NAMES` at least, or `SAME_NAMES_NEAR` when both leads report a violent event in the same
  country and at the same place (or one of them not placed more precisely than the country).
A story is a conflict story when the lead of one of its documents (its title and first `LEAD_CHARS`
characters) speaks of conflict and reports a current conflict event (or, where none was coded, its
first sentence names an organised party, a strategic development and its day): a battle, an explosion or
remote violence, violence against civilians, a protest or a riot, reported, claimed or attempted,
and not dated (or said to be) long before the document, in a sentence that says when it happened
(or under a headline in the news present: "Turkey shells Kurdish positions"); or a strategic development of a conflict
(a truce, talks, an offensive, a capture, a withdrawal). The sentence must say that violence (or a
protest) happened, not only name a weapon ("a missile defence system") or use a word that has other
senses ("a strike vote", "a virtual reality demonstration", "chief executive"); a sentence about court
proceedings does not lead. Violence with no named actor (the police alone is none) and no organised
party in the lead is crime news when the lead speaks of a lone offender ("shooting spree", "arrested
on suspicion of murder"), whatever its toll, and when it is small-scale and names no political figure
or weapon of organised violence; an opinion piece is not news of an event. The word lists are data:
`data/patterns/digest.yaml`.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable

from ..records import Document, StoredEvent
from ..taxonomy import DISORDER, POLITICAL_VIOLENCE, UNIDENTIFIED_ID_PREFIXES
from .builder import display_title, lead_sentence
from .lexicon import words
from .wording import dateline_length

MIN_ANCHOR_TOLL = 5
SHARED_TOLL = 20                 # a toll below this links two reports only when they also share rare names
LEAD_CHARS = 600
ANCHOR_CHARS = 1200              # anchors are read near the top of a report, where it says what it is about
CURRENT_DAYS = 30                # a lead event dated earlier than this before its document is recalled
LEAD_STATUSES = frozenset({"reported", "claimed", "attempted"})
_WORD_NUMBERS = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "dozens": 0, "scores": 0}
_NUMBER = r"(\d{1,4}|five|six|seven|eight|nine|ten|eleven|twelve)"
_TOLL = re.compile(
    rf"\b(?:kill(?:ed|ing|s)?|shot|slaughter(?:ed|ing)?|massacred?|gunned down|death toll (?:\w+ )?(?:to|of|at)|"
    rf"left|claimed the lives of)\s+(?:at least |more than |some |nearly |about |as many as |up to )?{_NUMBER}\b"
    rf"|\b{_NUMBER}\s+(?:\w+\s+){{0,2}}(?:people|persons|civilians|soldiers|policemen|police officers|troops|"
    rf"fighters|militants|children|men|women|worshippers|protesters|students)?\s*(?:were |have been |are )?"
    rf"(?:killed|dead|died|slain)\b", re.IGNORECASE)


Anchor = tuple[str, object, object]
SAME_NAMES = 0.45
SAME_NAMES_NEAR = 0.25
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’.-]*[a-z][\w'’-]*)*")
_NOT_NAMES = frozenset("""the a an in on at he she it they we this that but and or for after before as his her its
their our while when where what who how if of by to from with new monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december reuters photo credit
president minister police officials observatory human rights britain-based monitor monitoring group state media news
agency ministry department spokesman spokeswoman american americans british britain u.s. us u.n. un eu
european""".split())
_TITLE_SOURCE = re.compile(r"\s+[–—-]\s+[^–—-]{2,60}$")
_TITLE_SECTION = re.compile(r"^[A-Z][\w ]{1,30}\|")


def _figure(text: str) -> int | None:
    value = text.lower()
    if value.isdigit():
        return int(value)
    return _WORD_NUMBERS.get(value) or None


def text_tolls(text: str) -> list[int]:
    """Death tolls stated near the top of a text ("killed 49 people", "25 people were killed")."""
    out = []
    for m in _TOLL.finditer(text[:ANCHOR_CHARS]):
        figure = _figure(next(g for g in m.groups() if g))
        if figure is not None and figure >= MIN_ANCHOR_TOLL and not re.match(r"(?:19|20)\d\d$", str(figure)):
            out.append(figure)
    return out


def _is_violent(s: StoredEvent) -> bool:
    return s.event.event_type in POLITICAL_VIOLENCE and s.event.status in LEAD_STATUSES


def _country(events: list[StoredEvent]) -> str | None:
    """The country of the document's news: that of its first violent main event, else of its first main event."""
    for pick in (lambda s: _is_violent(s) and s.event.salience == "main", lambda s: s.event.salience == "main"):
        for s in sorted(events, key=lambda s: s.event.evidence.start):
            if pick(s) and s.event.country:
                return s.event.country
    return None


_INCIDENT = "(?:shooting|massacre|attack|attacks|bombing|bombings|blasts?|rampage|killings|siege)"
_NAMED_BEFORE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:['’]s)?(?i:(?: (?:gay|night ?club|nightclub|church|"
                           r"school|market|mall|airport|concert|mass|suicide|car|truck|bomb|terror|terrorist))* "
                           + _INCIDENT + r")\b")
_NAMED_AFTER = re.compile(r"(?i:" + _INCIDENT + r" (?:at|in|on) (?:an? |the )?(?:[\w-]+ ){0,3}?(?:in )?)"
                          r"([A-Z][a-z]+)\b")


# "the San Bernardino attack", "the Orlando nightclub massacre", "the terror in Orlando": an incident named
# as known, not reported
_REFERENCE = re.compile(r"\b[Tt]he (?:[A-Z][\w'’.-]*\s+){1,3}(?:[a-z-]+\s+)?(?i:" + _INCIDENT + r")\b|"
                        r"\b[Tt]he (?i:" + _INCIDENT[3:-1] + r"|terror|killing) (?:in|at) (?:[A-Z][\w'’.-]*\s?)+")


def named_incidents(doc: Document, places: frozenset[str]) -> set[str]:
    """Places whose incident the title or lead names ("the Orlando nightclub massacre", "a mass shooting in
    Orlando"), among `places` (the week's event locations)."""
    text = _clean_title(doc.title) + "\n" + doc.text[:LEAD_CHARS]
    found = {m.group(1) for rx in (_NAMED_BEFORE, _NAMED_AFTER) for m in rx.finditer(text)}
    return {p for p in found if p in places and p[0].isupper()}


def anchors(doc: Document, events: list[StoredEvent], places: frozenset[str] = frozenset()) -> set[Anchor]:
    """The incident anchors of one document (see the module's doc); `places`: the week's event locations,
    which an incident named in the lead must be one of."""
    country = _country(events)
    out: set[Anchor] = {("named", place, None) for place in named_incidents(doc, places)}
    if country is not None:
        for toll in text_tolls(doc.text):
            out.add(("toll", country, toll))
    for s in events:
        ev = s.event
        if not _is_violent(s) or ev.salience != "main" or ev.evidence.start >= ANCHOR_CHARS:
            continue                        # an incident recalled further down does not anchor the report
        if ev.fatalities is not None and ev.fatalities >= MIN_ANCHOR_TOLL and (ev.country or country):
            out.add(("toll", ev.country or country, ev.fatalities))
        if ev.location and ev.placed_on and ev.location not in (ev.country, ev.admin1):
            out.add(("place", ev.location, ev.placed_on))
    return out


def _same(a: Anchor, b: Anchor) -> bool:
    if a[0] != b[0] or a[1] != b[1]:
        return False
    if a[0] == "toll":
        x, y = int(a[2]), int(b[2])  # type: ignore[call-overload]
        return x == y or (min(x, y) >= 20 and abs(x - y) <= 1)     # "49 killed" / "50 dead, with the gunman"
    return a[2] == b[2]


def _different_tolls(a: set[Anchor], b: set[Anchor]) -> bool:
    """Both reports give a toll and none of them agree: two incidents at one place ("a bombing in Baghdad")."""
    ta, tb = [x for x in a if x[0] == "toll"], [x for x in b if x[0] == "toll"]
    return bool(ta and tb) and not any(_same(x, y) for x in ta for y in tb)


def incident_links(docs: list[Document], by_doc: dict[str, list[StoredEvent]]) -> list[tuple[str, str]]:
    """Pairs of document ids that report the same incident (see the module's doc). A shared place and day
    comes from coded fields, which can be wrong, and a small toll recurs across incidents, so they link only
    reports that also share some names."""
    locations = frozenset(s.event.location for events in by_doc.values() for s in events if s.event.location)
    countries = frozenset(s.event.country.lower() for events in by_doc.values() for s in events if s.event.country)
    similar = name_similarities(docs, countries=countries)
    found = {d.id: anchors(d, by_doc.get(d.id, []), locations) for d in docs}
    index: dict[tuple[str, object], list[tuple[str, Anchor]]] = {}
    for doc_id, own in found.items():
        for a in own:
            index.setdefault((a[0], a[1]), []).append((doc_id, a))
    links = set()
    for members in index.values():
        for i, (d1, a1) in enumerate(members):
            for d2, a2 in members[i + 1:]:
                pair = (min(d1, d2), max(d1, d2))
                if d1 == d2 or not _same(a1, a2):
                    continue
                if a1[0] == "named" and _different_tolls(found[d1], found[d2]):
                    continue
                if (a1[0] == "place" or (a1[0] == "toll" and int(a1[2]) < SHARED_TOLL)) and pair not in similar:
                    continue                # a place or a small toll alone is shared by unrelated incidents
                links.add(pair)
    leads: dict[str, tuple[str, str | None] | None] = {}
    for d in docs:
        lead = lead_event(d, by_doc.get(d.id, []), follow_ups=True)
        ok = lead is not None and _is_violent(lead) and lead.event.country is not None
        leads[d.id] = (lead.event.country, _placed(lead)) if ok else None  # type: ignore[union-attr,arg-type]
    for (a, b), sim in similar.items():
        if sim >= SAME_NAMES or _near(leads.get(a), leads.get(b)):
            links.add((a, b))
    return sorted(links)


def _placed(s: StoredEvent) -> str | None:
    """The event's location when it is more precise than its country or province."""
    ev = s.event
    return ev.location if ev.location and ev.location not in (ev.country, ev.admin1) else None


def _clean_title(title: str | None) -> str:
    """A title without its publisher ("... – New York Times") or section ("Middle East|...")."""
    return _TITLE_SECTION.sub("", _TITLE_SOURCE.sub("", title or ""))


def _names(doc: Document, countries: frozenset[str] = frozenset()) -> Counter[str]:
    """The capitalised words of the title and lead, lower-cased, without function words, sources ("the
    Syrian Observatory for Human Rights") and names of `countries` or their adjectives ("Syrian")."""
    lead = doc.text[dateline_length(doc.text):][:LEAD_CHARS]
    words: Counter[str] = Counter()
    for source in (_clean_title(doc.title), lead):
        for m in _NAME.finditer(source):
            for w in m.group(0).split():
                w = re.sub(r"['’]s$", "", w.lower())
                if w not in _NOT_NAMES and not _country_word(w, countries):
                    words[w] += 1
    return words


def _country_word(word: str, countries: frozenset[str]) -> bool:
    return word in countries or any(len(c) > 3 and word.startswith(c[:-1]) and len(word) - len(c) <= 3
                                    for c in countries)


def _near(a: tuple[str, str | None] | None, b: tuple[str, str | None] | None) -> bool:
    """Two violent lead events in the same country, at the same place or one of them not placed."""
    return a is not None and b is not None and a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def name_similarities(docs: list[Document], *, countries: frozenset[str] = frozenset(),
                      floor: float = SAME_NAMES_NEAR) -> dict[tuple[str, str], float]:
    """The cosine of every pair of documents (ids in order) whose titles and leads share rare names, when it
    reaches `floor`; names of `countries` (lower case) do not count."""
    counts = [_names(d, countries) for d in docs]
    df: Counter[str] = Counter(w for c in counts for w in c)
    n = len(docs)
    vectors = []
    for c in counts:
        vec = {w: (1 + math.log(k)) * math.log((1 + n) / (1 + df[w])) for w, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    out = {}
    for i in range(n):
        for j in range(i + 1, n):
            a, b = vectors[i], vectors[j]
            sim = sum(v * b.get(w, 0.0) for w, v in a.items())
            if sim >= floor:
                out[(min(docs[i].id, docs[j].id), max(docs[i].id, docs[j].id))] = sim
    return out


def is_opinion(doc: Document) -> bool:
    lists = words()
    return bool((doc.url and lists["opinion_url"].search(doc.url))
                or (doc.title and lists["opinion_title"].search(doc.title)))


def headline(doc: Document) -> str:
    """The story's headline as a desk prints it: the title without its section or publisher ("Middle East|...
    – New York Times"; the source is listed apart), else the opening words of the lead."""
    return _clean_title(doc.title).strip() or display_title(doc)


def lead_text(doc: Document) -> str:
    return _clean_title(doc.title) + "\n" + doc.text[:LEAD_CHARS]


def _organised(s: StoredEvent) -> bool:
    """An actor of the event is a named party (not an unidentified group, one person acting alone, civilians,
    protesters, unknown, or the police alone: police work on its own is crime news, not conflict)."""
    generic = (*UNIDENTIFIED_ID_PREFIXES, "civilians-", "protesters-", "rioters-", "unknown-", "police-forces-")
    return any(a and not a.startswith(generic) for a in (s.event.actor1, s.event.actor2))


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_PAST = re.compile(r"\blast (year|" + "|".join(_MONTHS) + r")\b|\b(?:in|since|of) ((?:19|20)\d\d)\b|"
                   r"\b((?:19|20)\d\d) (?:murder|killing|attack|bombing|massacre|shooting)", re.IGNORECASE)


def _current(s: StoredEvent, doc: Document) -> bool:
    """Not dated more than `CURRENT_DAYS` before the document, and said to have happened now: the sentence
    says when ("on Friday"), or the headline is in the news present ("Russia bombs"), before the sentence
    recalls anything older ("last June", "the 2013 murder", "in 2015")."""
    day, published = s.event.placed_on, doc.published
    if day is not None and published is not None and day < published - dt.timedelta(days=CURRENT_DAYS):
        return False
    text = s.event.evidence.text
    now = words()["current_time_words"].search(text)
    if now is None and doc.title and words()["headline_words"].search(_clean_title(doc.title)):
        now = re.match("", text)
    if now is None:
        return False
    for m in _PAST.finditer(text):
        said, year = (m.group(1) or "").lower(), m.group(2) or m.group(3)
        older = said in _MONTHS or said == "year" or (year is not None and published is not None
                                                          and int(year) < published.year)
        if older and m.start() < now.start():
            return False
    return True


def lead_event(doc: Document, events: list[StoredEvent], *, follow_ups: bool = False) -> StoredEvent | None:
    """The conflict event the document's lead reports, if any (see the module's doc). With `follow_ups`, a
    lead about the court case that followed counts too: it does not make a story, but it tells which
    incident a report is about."""
    lists = words()
    lead = lead_text(doc)
    if is_opinion(doc) or not lists["conflict_words"].search(lead):
        return None
    for s in sorted(events, key=lambda s: s.event.evidence.start):
        ev = s.event
        if ev.evidence.start >= LEAD_CHARS or ev.salience != "main" or ev.status not in LEAD_STATUSES:
            continue
        if not _current(s, doc):
            continue
        if ev.event_type == "Strategic developments":
            if lists["strategic_words"].search(ev.evidence.text):
                return s
            continue
        if not lists["conflict_words"].search(_REFERENCE.sub(" ", ev.evidence.text)):
            continue                        # the sentence must speak of conflict, not only name a past one
        if ev.event_type not in DISORDER:
            continue
        told = _REFERENCE.sub(" ", ev.evidence.text)
        if not lists["protest_words" if ev.event_type in ("Protests", "Riots") else "violence_words"].search(told):
            continue                        # a strike vote, a missile deployment: nothing happened to report
        if not follow_ups and lists["court_words"].search(told):
            continue                        # "the suspect had been charged with murder": a court follow-up
        party = _organised(s) or lists["organised_words"].search(lead)
        if not party and lists["crime_words"].search(lead):
            continue                        # a lone offender or a criminal case, whatever the toll: crime news
        small = (ev.fatalities or 0) < MIN_ANCHOR_TOLL and max(text_tolls(doc.text), default=0) < MIN_ANCHOR_TOLL
        if small and ev.event_type != "Protests" and not party and not (
                lists["political_words"].search(lead) or lists["weapon_words"].search(lead)):
            continue                        # small-scale violence by no named actor: crime news
        return s
    return None


def uncoded_conflict_lead(doc: Document) -> bool:
    """A lead no conflict event was coded from that still reports one: its first sentence says when, and
    either speaks of conflict and names an organised (armed) party ("U.S. warplanes carried out air strikes
    against Islamic State-linked militants in western Libya on Friday") or speaks of a strategic development
    (talks, a truce, a prisoner exchange) and names a party or a political figure ("Yemen's government and
    the Houthi movement resumed indirect talks in Muscat on Thursday"); not a court case ("charged a man in
    the slaying of lawmaker Jo Cox"), not a politician's word on a past killing."""
    lists = words()
    sentence = lead_of(doc)
    if not sentence or is_opinion(doc):
        return False
    told = _REFERENCE.sub(" ", sentence)
    if not lists["current_time_words"].search(told) or lists["court_words"].search(told):
        return False
    party = lists["organised_words"].search(told)
    return bool((lists["conflict_words"].search(told) and party)
                or (lists["strategic_words"].search(told) and (party or lists["political_words"].search(told))))


def lead_of(doc: Document) -> str:
    """The document's lead sentence (its first full sentence, without dateline), or ""."""
    lead = lead_sentence(doc.text)
    return doc.text[lead[0]:lead[1]] if lead else ""


def lead_toll(doc: Document) -> int | None:
    """The death toll the lead sentence states ("killing as many as 40 people"), for a lead no event was
    coded from."""
    return max(text_tolls(lead_of(doc)), default=None)


def story_fatalities(lead: StoredEvent, events: Iterable[tuple[StoredEvent, int]]) -> int | None:
    """The toll of the story's lead incident, counted once: the highest credible figure (`events`: event and
    figure) in the lead event's country and at its place (or not placed more precisely), or the toll its
    sentence gives over a few days; None when the lead is not violent. Other incidents a report recalls or
    adds (a bombing elsewhere) do not count."""
    if not _is_violent(lead):
        return None
    country, place = lead.event.country, _placed(lead)
    figures = [figure for s, figure in events
               if (country is None or s.event.country in (None, country))
               and (place is None or _placed(s) in (None, place))]
    return max(figures + [t for t in [few_days_toll(lead)] if t is not None], default=None)


_SHORT_SPAN = re.compile(r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?"
                         r"(?:(?P<days>two|three|four|five|six|seven|[2-7])\s+days|(?P<hours>\d{1,3})\s+hours)\b",
                         re.IGNORECASE)


def few_days_toll(lead: StoredEvent) -> int | None:
    """"At least 38 people were killed in air strikes ... in the past two days": the toll a main event's
    sentence gives for a few days' strikes (a week at most). The extraction does not give it to the event,
    for it is of several incidents (ACLED codes each day's: the event may carry one day's toll, told in
    another sentence), but it is the story's toll."""
    ev = lead.event
    if ev.salience != "main" or ev.status not in ("reported", "claimed"):
        return None
    span = _SHORT_SPAN.search(ev.evidence.text)
    if span is None or (span.group("hours") and not 12 <= int(span.group("hours")) <= 168):
        return None
    return max(text_tolls(ev.evidence.text), default=None)
