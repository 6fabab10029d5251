"""Who speaks: the person or actor a speaker's noun phrase names, the speaker a pronoun or a
definite role refers back to, and which actors are on the speaker's side.

Reported speech gives a speaker as a noun phrase ("Pentagon spokesman Peter Cook", "a source in
Sadr's office", "he", "the official"). `Speakers.resolve` turns it into a `Who`: the person the
phrase names at its head or in apposition, else the actor it names (its side); a pronoun or a
definite role ("the official said") is the latest fitting speaker within two paragraphs (a page's
furniture, a heading or "Continue reading the main story", is no paragraph), and a body by its kind
("the army said") the one of that kind named or heard last, however far back; an indefinite role
("a Pentagon spokesman") is a new speaker, never an earlier one. `Sides` tells which mentions in the text
are the speaker's own side, for reading its points (`syntax.Voice`).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ...records import Actor, Person
from .syntax import Voice

if TYPE_CHECKING:
    from ...knowledge import KnowledgeBase
    from .speech import Speech

_ALLY_RELATIONS = {"member_of", "allied_with", "backed_by", "part_of"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: str | None
    person: str | None


def mentions_of(actors: list[Actor], people: list[Person]) -> list[Mention]:
    out = [Mention(m.start, m.end, a.id, None) for a in actors for m in a.mentions]
    out += [Mention(m.start, m.end, p.actor, p.id) for p in people for m in p.mentions]
    return sorted(out, key=lambda m: (m.start, -m.end))


def paragraph_starts(text: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
    return sorted(set(starts))


# a page's furniture set apart as a paragraph: a heading, a time stamp, "Continue reading the main story", "___"
_TIME_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_FURNITURE_WORDS = 8


def discourse_starts(text: str) -> list[int]:
    """The starts of the paragraphs that tell something, for the distance back to a speaker: a paragraph of a
    page's furniture (a heading, a time stamp, "Continue reading the main story") joins the one before it."""
    starts = paragraph_starts(text)
    bounds = starts + [len(text)]
    kept = []
    for i, start in enumerate(starts):
        body = text[start:bounds[i + 1]].strip()
        furniture = body and len(body.split()) < _FURNITURE_WORDS and "\n" not in body and (
            not _SENTENCE_END.search(body) or _TIME_STAMP.match(body))
        if i == 0 or not furniture:
            kept.append(start)
    return kept


def paragraph_of(starts: list[int], offset: int) -> int:
    lo = 0
    for i, s in enumerate(starts):
        if s <= offset:
            lo = i
        else:
            break
    return lo


def anaphor_window(starts: list[int], offset: int) -> int:
    """Where a pronoun or role at `offset` may find its antecedent: the opening of the paragraph two before its own."""
    return starts[max(0, paragraph_of(starts, offset) - _ANAPHOR_PARAGRAPHS)]


def allies(kb: "KnowledgeBase | None", actor: str | None) -> set[str]:
    if kb is None or actor is None:
        return set()
    if actor not in kb.actors:
        return set()
    return {r.object for r in kb.relations_of(actor) if r.type in _ALLY_RELATIONS}


# "the spokesman for the coalition against Islamic State" is not Islamic State: a mention after one of these
# (up to the phrase's end) is the body's opponent, not the speaker's side
_OPPONENT = re.compile(r"\b(?:against|fighting|battling|targeting)\s+(?:the\s+)?$", re.IGNORECASE)
# an office sought ("X, who lost his bid for the White House"): the seat is the post, not whom X speaks for
_OFFICE_SOUGHT = re.compile(r"\b(?:bid|run|race|campaign|quest|nomination|candidacy)\s+for\s+(?:the\s+)?$",
                            re.IGNORECASE)
# "Syria's opposition negotiator X", "Turkey's main opposition leader X": the country names whom X opposes
_AGAINST_THE_STATE = re.compile(r"\b(?:opposition|rebels?|insurgents?|dissidents?|exiled|militants?)\b",
                                re.IGNORECASE)
# "Iran-backed groups" are not Iran: a mention followed by one of these is a patron, not the speaker
_PATRON = re.compile(r"-(?:backed|aligned|allied|linked|supported|affiliated|funded|sponsored)\b", re.IGNORECASE)
_TITLE = re.compile(r"^\s*(?:the\s+)?(?:mr|mrs|ms|dr|gen|col|maj|capt|lt|sgt|president|prime\s+minister|minister|"
                    r"general|colonel|sheikh|ayatollah|king|prince|emir)\.?\s+", re.IGNORECASE)
_APPOSITION = re.compile(r"^\w*[,\s]+$")
# heads of bodies that speak for themselves, whatever country or group modifies them
_OWN_NAME_HEAD = re.compile(
    r"(?:observatory|monitor|institute|organi[sz]ation|charity|network|cent(?:er|re)|newspaper|hospital|university|"
    r"watchdog|foundation|union|website|daily)\b", re.IGNORECASE)


# heads of one who served and serves no more: the body that modifies them is not whom they speak for
_FORMER_HEAD = re.compile(r"veterans?\b", re.IGNORECASE)


class Resolver:
    """Resolves a subject's characters to an actor or a person, with a little anaphora."""

    def __init__(self, mentions: list[Mention], people: dict[str, Person], text: str = "") -> None:
        self.text = text
        self.mentions = mentions
        self.people = people

    def at(self, start: int, end: int, head: int | None = None) -> tuple[str | None, str | None]:
        """The actor (and person) named in [start, end): the mention holding the head, else the last one
        ("the Iran-backed militia Kataib Hezbollah" is Kataib Hezbollah, not Iran)."""
        inside = [m for m in self.mentions if m.start >= start and m.end <= end
                  and not _PATRON.match(self.text, m.end) and not _OPPONENT.search(self.text, start, m.start)
                  and not _OFFICE_SOUGHT.search(self.text, start, m.start)]
        if head is not None:
            at_head = [m for m in inside if m.start <= head < m.end]
            if not at_head and _OWN_NAME_HEAD.match(self.text, head):
                # "the Syrian Observatory for Human Rights" is not Syria: a name the mentions only modify
                inside = [m for m in inside if m.person]
            inside = at_head + [m for m in reversed(inside) if m not in at_head]
        else:
            inside = list(reversed(inside))
        person = next((m.person for m in inside if m.person), None)
        if person:
            # "Russian defence ministry spokesman X": X, who speaks for the known body the phrase names before
            # X's name when the knowledge base knows no side of X's (an unknown one is as likely his rank read
            # as a name; what follows the name tells of others: "X, an expert who knows the man police named")
            named = min(m.start for m in inside if m.person == person)
            title = None if _AGAINST_THE_STATE.search(self.text, start, named) else next(
                (m.actor for m in inside if m.actor and not m.person and m.end <= named
                 and not m.actor.startswith("unknown-")), None)
            return self.actor_of(person) or title, person
        return next((m.actor for m in inside if m.actor), None), None

    def speaker_at(self, start: int, end: int, head: int | None) -> tuple[str | None, str | None]:
        """The actor and person a speaker's noun phrase names: a person only at its head or in
        apposition to it ("Carter's spokesman, Peter Cook"), else the side the people it mentions
        belong to ("a spokesman for Prime Minister Netanyahu" is Netanyahu's side, not Netanyahu)."""
        actor, person = self.at(start, end, head)
        if person is None and head is not None and _FORMER_HEAD.match(self.text, head):
            return None, None               # "a U.S. military veteran" no longer speaks for the U.S. military
        if person is None or head is None:
            return actor, person
        for m in self.mentions:
            if m.person == person and start <= m.start and m.end <= end:
                if m.start <= head < m.end or _APPOSITION.match(self.text[head:m.start]):
                    return actor, person
        return actor, None

    def by_surname(self, phrase: str) -> tuple[str | None, str | None]:
        """The one person of the document a bare surname names, with a title or not ("Abadi said",
        "Mr. Sediqi said" after "Interior Ministry spokesman Sediq Sediqi")."""
        words = _TITLE.sub("", phrase).split()
        if len(words) != 1 or not words[0][:1].isupper():
            return None, None
        found = [p for p in self.people.values() if p.name.split()[-1].lower() == words[0].lower()
                 or p.name.lower().endswith("-" + words[0].lower())]
        if len(found) != 1:
            return None, None
        return found[0].actor, found[0].id

    def person_before(self, offset: int, paragraphs: list[int]) -> tuple[str | None, str] | None:
        """The person mentioned last before `offset`, within two paragraphs."""
        lo = anaphor_window(paragraphs, offset)
        before = [m for m in self.mentions if m.person and lo <= m.start and m.end <= offset]
        if not before:
            return None
        person = before[-1].person
        return self.actor_of(person), person

    def actor_of(self, person: str) -> str | None:
        """The side the people list gives a person, if any."""
        return self.people[person].actor if person in self.people else None


# role nouns: a speaker named by role ("a Pentagon spokesman", "the official") is not the person the
# phrase mentions ("a spokesman for Prime Minister Netanyahu" speaks for Netanyahu's side)
_ROLE_HEADS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "officer", "source", "minister", "ministry", "commander",
    "army", "military", "police", "council", "command", "government", "statement", "agency", "office", "envoy",
    "diplomat", "analyst", "expert", "witness", "resident", "leader", "chief", "head", "governor", "mayor",
    "general", "colonel", "member", "fighter", "activist", "observatory", "group", "movement", "militia", "tv",
    "television", "media", "authority", "department", "director", "president", "committee", "monitor"})
# a definite phrase that names an armed group by its kind alone ("the group said", "the militant group said")
_BODY_PHRASE = re.compile(r"^the (?:(?:militant|armed|rebel|jihadist|insurgent|islamist|terror|terrorist|extremist) )?"
                          r"(?:group|militia|movement)$")
# role heads that name a body, which "the army said" names however far back the text named it
_BODY_HEADS = frozenset({"army", "military", "ministry", "police", "government", "command"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
_ANAPHOR_PARAGRAPHS = 2
# heads that name one person, who tells his own acts as "he" ("the officer said he fired because ...")
_ONE_PERSON_HEADS = frozenset({"he", "she", "officer", "policeman", "policewoman", "soldier", "trooper", "guard",
                               "sergeant", "pilot", "man", "woman", "gunman", "shooter", "suspect", "defendant",
                               "deputy", "agent", "marine", "sniper", "commander", "constable", "detective"})


@dataclass(frozen=True, slots=True)
class Who:
    """A resolved speaker: actor and person ids (None when the text names no known one) and `key`,
    what tells two unresolved speakers apart ("security officials", "residents")."""

    actor: str | None
    person: str | None
    key: str
    head: str = ""
    plural: bool = False
    paragraph: int = -1
    phrase: str = ""                   # how the text first named the speaker ("Interior Ministry spokesman X")
    sentence: int = -1                 # where the sentence that reported it starts


class Speakers:
    """Who each reported utterance is by: the person or actor its subject names; a pronoun ("he
    said") or a definite role ("the official said") is the latest fitting speaker within two
    paragraphs; an indefinite role ("a Pentagon spokesman") is a new speaker, never an earlier one."""

    def __init__(self, resolver: Resolver, paragraphs: list[int],
                 kind: "Callable[[str], tuple[str | None, str | None]] | None" = None) -> None:
        """`kind`: an actor's type and country (`Sides.kind`), for the armed group "the group" names."""
        self.kind = kind
        self.resolver = resolver
        self.paragraphs = paragraphs
        self.history: list[Who] = []

    def resolve(self, text: str, sp: "Speech", *, aside: bool = False) -> Who:
        """`aside`: the utterance is told below another's reporting verb in its sentence ("X told ..., moments
        after Y said ..."): it is kept behind the speakers already heard in that sentence, so a later "he said"
        names the sentence's own speaker, X."""
        para = paragraph_of(self.paragraphs, sp.verb_start)
        recent = [w for w in self.history if para - w.paragraph <= _ANAPHOR_PARAGRAPHS]
        if sp.subject is None:                              # a continuation quotation
            who = recent[-1] if recent else Who(None, None, "", paragraph=para)
        elif sp.head_lemma in _PRONOUNS:
            who = self._antecedent(sp.head_lemma, recent, sp.verb_start, text) or Who(None, None, sp.head_lemma)
        else:
            who = self._named(text, sp, recent)
        who = Who(who.actor, who.person, who.key, who.head, who.plural, para, who.phrase, sp.sentence[0])
        at = len(self.history)
        while aside and at and self.history[at - 1].sentence == sp.sentence[0]:
            at -= 1
        self.history.insert(at, who)
        return who

    def _named(self, text: str, sp: "Speech", recent: list[Who]) -> Who:
        start, end = sp.subject  # type: ignore[misc]
        phrase = " ".join(text[start:end].lower().split())
        actor, person = self.resolver.speaker_at(start, end, sp.head)
        if person is None and actor is not None and self._rises_against(text, start, end, actor):
            actor = None                    # "two Syrian rebel commanders" do not speak for Syria
        if actor is None and person is None:
            actor, person = self.resolver.by_surname(text[start:end])
        if person is not None and actor is None:
            # "Konashenkov said" after "Russian defence ministry spokesman Igor Konashenkov said": the side
            # the person was heard speaking for
            actor = next((w.actor for w in reversed(self.history) if w.person == person and w.actor), None)
        if sp.head_lemma in _ROLE_HEADS and phrase.startswith(("the ", "this ")) and person is None:
            same = [w for w in recent if w.head == sp.head_lemma and (actor is None or w.actor == actor)]
            if same:
                return same[-1]
            if actor is None and sp.head_lemma in _BODY_HEADS:
                # "the army said" three paragraphs after "the Syrian army announced": the body of that kind
                # named or heard last, however far back
                body = self._body_named_before(text, start, sp.head_lemma)
                if body is not None:
                    return Who(body, None, body, sp.head_lemma, phrase=text[start:end])
            if actor is None and self.kind is not None and _BODY_PHRASE.match(phrase):
                # '"... a gathering of crusaders," the group said': the armed group named last before the phrase
                # in this paragraph or the one before (else the text before them), not one named as another's
                # opponent ("fighting X")
                for lo in (self.paragraphs[max(0, paragraph_of(self.paragraphs, start) - 1)], 0):
                    named = [m for m in self.resolver.mentions if lo <= m.start and m.end <= start and m.actor
                             and not m.person and self.kind(m.actor)[0] in _GROUP_TYPES
                             and not _OPPONENT.search(text, lo, m.start)]
                    if named:
                        break
                if named:
                    return Who(named[-1].actor, None, named[-1].actor, sp.head_lemma, phrase=text[start:end])
        return Who(actor, person, person or actor or phrase, sp.head_lemma, sp.plural, phrase=text[start:end])

    def _rises_against(self, text: str, start: int, end: int, actor: str) -> bool:
        """Whether a speaker's phrase names the state `actor` before a word of those who rise against it
        ("Syrian rebel commanders", "the Yemeni opposition"): the state is where they fight, not their side."""
        if self.kind is None or self.kind(actor)[0] not in _STATE_TYPES:
            return False
        last = max((m.end for m in self.resolver.mentions if m.actor == actor and start <= m.start and m.end <= end),
                   default=None)
        return last is not None and bool(_AGAINST_THE_STATE.search(text, last, end))

    def _body_named_before(self, text: str, offset: int, head: str) -> str | None:
        """The actor of the latest speaker with `head` ("the Russian defence ministry said") or of the latest
        mention that ends in it ("the Syrian army") before `offset`."""
        heard = [(w.sentence, w.actor) for w in self.history if w.head == head and w.actor and w.person is None]
        named = [(m.start, m.actor) for m in self.resolver.mentions if m.end <= offset and m.actor and not m.person
                 and re.search(rf"\b{head}\w*$", text[m.start:m.end], re.IGNORECASE)]
        found = max(heard + named, default=None, key=lambda x: x[0])
        return found[1] if found else None

    def _antecedent(self, pronoun: str, recent: list[Who], offset: int, text: str = "") -> Who | None:
        for who in reversed(recent):
            if pronoun in ("he", "she"):
                if who.person or (who.head in _ROLE_HEADS and not who.plural):
                    return self._person_introduced_after(who, offset, text) or who
            elif pronoun == "it":
                if who.person is None and not who.plural:
                    return who
            elif who.plural or (who.actor and who.person is None):
                return who
        if pronoun in ("he", "she"):
            person = self.resolver.person_before(offset, self.paragraphs)
            if person is not None:
                return Who(person[0], person[1], person[1], "", False)
        return None

    def _person_introduced_after(self, who: Who, offset: int, text: str) -> Who | None:
        """'President X said ... Defence Minister Y visited the troops. "...," he said': a person who opens a
        sentence after the last speaker's and before the pronoun's is the one "he" names, not the speaker."""
        if not text or who.sentence < 0:
            return None
        ends = [m.end() for m in _SENTENCE_END.finditer(text, who.sentence, offset)]
        if not ends:
            return None
        lo = max(ends[0], anaphor_window(self.paragraphs, offset))
        opening = [m for m in self.resolver.mentions if m.person and m.person != who.person and lo <= m.start
                   and m.end <= offset and _title_words(text, m.start) <= _TITLE_WORDS]
        if not opening or any(_SENTENCE_END.search(text, m.end, offset) is None for m in opening[-1:]):
            return None
        m = opening[-1]
        return Who(self.resolver.actor_of(m.person), m.person, m.person, "", False)


# a sentence's end, and the words from a sentence's opening up to a mention (its title: "Defence Minister")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“A-Z])")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n)(?P<words>[^.!?\n]*)\Z")
_TITLE_WORDS = 4


def _title_words(text: str, start: int) -> int:
    """How many words open the sentence before `start`."""
    m = _OPENS_SENTENCE.search(text, max(0, start - 400), start)
    words = m.group("words").split() if m else []
    return len(words) if m and (not words or words[0][:1].isupper()) else _TITLE_WORDS + 1


_STATE_TYPES = frozenset({"state", "government", "state_forces", "police"})
_GROUP_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "unidentified_armed_group",
                          "umbrella_coalition"})
_FOREIGN_TYPES = frozenset({"external_force", "international_force"})
# speakers by role: a government's or an army's voice, or an onlooker's (whose account claims nothing)
_PARTY_WORDS = frozenset({"army", "military", "command", "ministry", "government", "police", "forces", "troops",
                          "security", "defense", "defence", "interior", "pentagon", "coalition", "authorities",
                          "official", "officials", "spokesman", "spokeswoman", "spokesperson", "commander",
                          "council", "minister", "navy", "brigade", "militia", "group", "president", "ambassador",
                          "general", "colonel", "king", "leader", "chief", "governor", "mayor", "envoy", "army's",
                          "rebel", "rebels", "militants", "insurgents", "fighters", "jihadists", "guerrillas"})
_ARMED_GROUP_WORDS = frozenset({"rebel", "rebels", "militants", "insurgents", "fighters", "jihadists", "guerrillas",
                                "militia", "group"})
# state media speak for their government ("state TV said", "the state news agency SANA")
_STATE_MEDIA = re.compile(r"\bstate(?:-run|-owned)?\s+(?:tv|television|media|news\s+agency|broadcaster|radio)\b|"
                          r"\b(?:sana|irna|anadolu|kcna|wam|spa)\b", re.IGNORECASE)
_ONLOOKER = re.compile(
    r"\b(?:observatory|monitor\w*|activists?|residents?|witness(?:es)?|hospitals?|medical|medics?|doctors?|"
    r"analysts?|experts?|diplomats?|diplomatic|u\.?n\.?|united\s+nations|unhcr|unicef|human\s+rights|journalists?|"
    r"reporters?|students?|teachers?|relatives?|survivors?|rescue|red\s+(?:cross|crescent)|aid\s+workers?|"
    # humanitarian agencies and charities tell of the war, they are no side in it ("a spokeswoman for an
    # international aid agency says a clinic was destroyed by an air strike" claims nothing)
    r"(?:aid|relief|humanitarian)\s+(?:agency|agencies|groups?|organi[sz]ations?)|charit(?:y|ies)|ngos?|"
    r"m[ée]decins\s+sans\s+fronti[èe]res|msf|oxfam|save\s+the\s+children|amnesty|"
    # the press among those who tell it ("the police department and local media said"): the reporter's account
    r"(?:local|news|social)\s+media|media\s+reports?|news\s+reports?)\b",
    re.IGNORECASE)


class Sides:
    """Which actors are on whose side: the same actor, a state's government, forces and police, and the
    allies the knowledge base lists."""

    def __init__(self, actors: list[Actor], people: list[Person], kb: "KnowledgeBase | None") -> None:
        self.actors = {a.id: a for a in actors}
        self.people = {p.id: p for p in people}
        self.kb = kb
        self.spans = [(m.start, m.end, a.id) for a in actors for m in a.mentions]
        self.spans += [(m.start, m.end, p.actor) for p in people if p.actor for m in p.mentions]
        self._maybe: dict[tuple[str, str], bool] = {}

    def kind(self, actor_id: str) -> tuple[str | None, str | None]:
        """An actor's type and country, from the document's actors or else the knowledge base."""
        actor = self.actors.get(actor_id)
        if actor is not None:
            return actor.type, actor.country
        entry = self.kb.actors.get(actor_id) if self.kb is not None else None
        return (entry.type, entry.country) if entry is not None else (None, None)

    def _described(self, who: Who) -> str:
        """What the text says the speaker is besides the phrase that reports it: a person's stated role
        and the name of the actor they speak for ("Sediqi said" is the Interior Ministry's spokesman)."""
        person = self.people.get(who.person) if who.person else None
        actor = self.actors.get(who.actor) if who.actor else None
        return " ".join(x for x in (person.role if person else None, actor.name if actor else None) if x)

    def _may_name(self, speaker: str, name: str) -> bool:
        """Whether a name the knowledge base shares among several actors ("Kurdish forces": the Peshmerga or
        the SDF) may name one on the speaker's side: a Kurdish body's "Kurdish forces" are its own, whichever
        the document's actors took them for."""
        key = (speaker, name)
        if key not in self._maybe:
            found = self.kb.match(name, fuzzy=False) if self.kb is not None else []
            self._maybe[key] = any(m.start == 0 and m.end == len(name) and m.alternatives
                                   and any(self.same(speaker, i) for i in (m.id, *m.alternatives)) for m in found)
        return self._maybe[key]

    def same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        (x_type, x_country), (y_type, y_country) = self.kind(a), self.kind(b)
        if x_country and x_country == y_country and x_type in _STATE_TYPES and y_type in _STATE_TYPES:
            return True
        return b in allies(self.kb, a) or a in allies(self.kb, b)

    def voice(self, text: str, who: Who, subject: tuple[int, int] | None, *, reported: bool = True) -> Voice:
        """The speaker as its points are read: a party (its KB type, or a role such as "the army",
        "military sources", "officials") or an onlooker, its side's mentions, and whether one person speaks
        in reported speech (`reported`: not a quotation), whose "he" or "she" is himself."""
        one = reported and (who.person is not None or not who.plural and who.head in _ONE_PERSON_HEADS)
        return dataclasses.replace(self._voice(text, who, subject), one_person=one)

    def _voice(self, text: str, who: Who, subject: tuple[int, int] | None) -> Voice:
        phrase = text[subject[0]:subject[1]] if subject else ""
        described = " ".join((phrase, who.phrase, self._described(who)))
        words = set(re.findall(r"[\w.]+", described.lower()))
        kind = self.kind(who.actor)[0] if who.actor else None
        if _ONLOOKER.search(described) or kind in ("civilian_group", "protesters", "rioters", "other"):
            return Voice(party=False)
        party = kind in _STATE_TYPES | _GROUP_TYPES | _FOREIGN_TYPES or bool(words & _PARTY_WORDS) or (
            who.head in ("it", "they", "we") and who.actor is not None) or bool(_STATE_MEDIA.search(described))
        if not party:
            return Voice(party=False)
        if who.actor is None or kind in (None, "unknown"):
            # sides unknown: its forces by common nouns only
            return Voice(party=True, armed_group=bool(words & _ARMED_GROUP_WORDS) and not words & _PARTY_WORDS
                         - _ARMED_GROUP_WORDS)
        mine = {(s, e) for s, e, a in self.spans if a and (self.same(who.actor, a)
                                                          or self._may_name(who.actor, text[s:e]))}
        own = tuple((s, e) for s, e, a in self.spans if (s, e) in mine)
        other = tuple((s, e) for s, e, a in self.spans if a and (s, e) not in mine
                      and self.kind(a)[0] in _STATE_TYPES | _GROUP_TYPES | _FOREIGN_TYPES)
        return Voice(party=True, armed_group=kind in _GROUP_TYPES, own=own, other=other)
