"""Who did what to whom: actor1 (agent) and actor2 (target) of a trigger, from the parse.

Verbs: nsubj is the agent, dobj the target; passive voice swaps (nsubjpass target, "by X" agent).
Nouns: possessive or national modifier ("Israel's strike", "a US strike"), "by X", and the
subject of the verb that governs them ("X began attacks", "X announced a resumption of attacks").
"against / on / targeting X" names the target everywhere; "with X" the other side of a clash.
A phrase resolves to an actor found in it (the actors stage's mentions, a person's group), or to
a generic ACLED actor by its head noun (civilians, unidentified gunmen, protesters), or to ACLED's
actor for role words (`event_roles.yaml`: "regime forces", "pro-Hadi", "coalition", "the army"),
resolved with the report's country by `resolve_role_phrase`. "a number of X" names X; "missiles
fired by X" names X; "X claim to have killed ... after firing" makes X the agent of the firing.

No guessing: who says, condemns or suffers an event, or did something "after" or "since" it, is not
its agent ("the UN condemned the shelling"), except a group's own outlet reporting its attack; "X
said it ..." is X; who a retaliation struck carried out the attacks retaliated for. A nationality
names the state only before the state's own (forces, jets, a patrol): "27 Israelis" are nationals
(civilians, or an armed group of their state when its opponents' forces shoot them), "a British man"
and "the Britain-based Observatory" no side. The name nearest a phrase's head names it ("Iraqi
Kurdish Peshmerga forces"); "X known as Y" is Y, not the members it includes; "the X-linked group"
is not X.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...records import Actor, Person
from ..actors import short_name_words
from ..parse_tree import climb_to_subject, text_of
from .patterns import EventPatterns, RolePhrase
from .attributes import KILL_VERBS, REPORTING_VERBS, after_the_fact
from .relevance import HARM_WORDS
from .triggers import Mention, expelling

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = {"against", "on", "upon", "at", "targeting", "toward", "towards", "into"}
RELATIVE = {"that", "which", "who", "whom"}
CLIMB_DEPS = {"dobj", "pobj", "prep", "compound", "xcomp", "conj", "acomp", "attr", "nsubj", "appos", "advcl",
              "relcl", "ccomp", "pcomp", "amod", "npadvmod", "oprd"}
STATE_TYPES = {"state", "government"}


@dataclass(slots=True)
class Party:
    """One side of an event: an actor id, or a generic kind (resolved with the country later)."""

    actor: str | None = None
    # civilians, unidentified_armed_group, protesters, rioters, armed; nationals: people named by their
    # nationality ("27 Israelis", "a Palestinian"), `actor` their state (never its forces)
    kind: str | None = None
    token: "Token | None" = None
    phrase: RolePhrase | None = None   # role words naming an actor by ACLED's conventions ("regime forces")


@dataclass(slots=True)
class Roles:
    side1: Party = field(default_factory=Party)
    side2: Party = field(default_factory=Party)
    assoc1: list[str] = field(default_factory=list)
    assoc2: list[str] = field(default_factory=list)


class ActorIndex:
    """Character offsets -> the actor (or person's group) mentioned there."""

    def __init__(self, actors: list[Actor], people: list[Person]) -> None:
        self.spans: list[tuple[int, int, str]] = []
        self.by_id = {a.id: a for a in actors}
        for a in actors:
            for m in a.mentions:
                self.spans.append((m.start, m.end, a.id))
        for p in people:
            if p.actor:
                for m in p.mentions:
                    self.spans.append((m.start, m.end, p.actor))
        self.spans.sort()

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [s for s in self.spans if s[0] < end and s[1] > start]


def _same_line(a: "Token", b: "Token") -> bool:
    """No line break between two tokens: a heading run into the next line ("IRAQ BORDER\nSix soldiers
    were killed", parsed as one phrase) is no part of its phrase."""
    lo, hi = sorted((a, b), key=lambda t: t.i)
    return "\n" not in text_of(lo.doc)[lo.idx:hi.idx]


def _subtree_range(tok: "Token", *, stop: set[str] | None = None) -> tuple[int, int]:
    """Character range of tok's phrase, without relative clauses and trailing prepositions."""
    stop = stop if stop is not None else {"relcl", "acl", "advcl", "prep", "punct", "cc", "conj", "appos"}
    toks = [tok]
    stack = [c for c in tok.children if c.dep_ not in stop and _same_line(c, tok)]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in stop and _same_line(c, tok))
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    return lo, hi


# what a state owns: its modifier or possessor is whose it is, not who acted ("violated Turkish airspace")
OWNED_NOUNS = {"airspace", "territory", "waters", "sovereignty", "border", "soil"}
PLACE_WORDS = {"frontier", "region", "province", "coast", "island"}
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "make", "wage", "execute", "perform", "begin",
               "start", "initiate", "commit"}
COUNTING_NOUNS = {"number", "dozen", "dozens", "score", "scores", "hundred", "hundreds", "group", "handful",
                  "several", "some", "many", "few", "one", "two", "three", "four", "five", "all", "most", "member",
                  "members", "total", "couple"}
# the nouns by which an apposition makes a person one of a group: "the gunman, a member of the Taliban"
MEMBER_NOUNS = {"member", "fighter", "militant", "operative", "commander", "loyalist", "jihadist"}
CASED_WORDS = {"is", "us"}           # role words read only in capitals ("IS", "US-led")
DIPLOMATIC_SITES = {"embassy", "consulate", "legation", "chancery"}
# "forces aligned with X", "fighters loyal to X", "militias allied to X": X's side
ALLEGIANCE = {"align", "aligned", "loyal", "ally", "allied", "affiliate", "affiliated"}
NOT_AGENT_AFTER = {"controlled", "held", "run", "occupied", "besieged", "dominated", "bound", "loyal"}


def _phrase_words(tok: "Token") -> list[tuple[str, str, str]]:
    """(lower, lemma, original) words of tok's phrase with its appositions and coordinations,
    hyphenated words split ("pro-Hadi" -> pro, hadi)."""
    stop = {"relcl", "acl", "advcl", "prep", "agent"}
    toks = [tok]
    stack = [c for c in tok.children if c.dep_ not in stop and _same_line(c, tok)]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in stop and _same_line(c, tok))
    words: list[tuple[str, str, str]] = []
    for t in sorted(toks, key=lambda t: t.i):
        if t.is_punct and t.text not in ("-", "/"):
            words.append(("|", "|", "|"))
            continue
        parts = [x for x in t.text.replace("/", "-").split("-") if x]
        if len(parts) == 1:
            words.append((t.lower_, t.lemma_.lower(), t.text))
        else:
            words.extend((x.lower(), x.lower(), x) for x in parts)
    return words


def _word_ok(word: str, want: str) -> bool:
    lower, lemma, original = word  # type: ignore[misc]
    if want in CASED_WORDS:
        return original == want.upper()
    return want in (lower, lemma)


def role_phrase_in(tok: "Token", patterns: EventPatterns) -> RolePhrase | None:
    """The role phrase tok's noun phrase holds (the longest match, first in the phrase)."""
    if not patterns.role_phrases:
        return None
    words = _phrase_words(tok)
    index = _role_index(patterns.role_phrases)
    best: tuple[int, int, RolePhrase] | None = None
    for k, word in enumerate(words):
        for key in {word[0], word[1]}:
            for phrase, rp in index.get(key, ()):
                n = len(phrase)
                if k + n > len(words) or not all(_word_ok(words[k + j], w)  # type: ignore[arg-type]
                                                 for j, w in enumerate(phrase)):
                    continue
                if k + n < len(words) and words[k + n][0] in NOT_AGENT_AFTER:
                    continue
                rank = (n, -k)
                if best is None or rank > best[:2]:
                    best = (n, -k, rp)
    if best is None:
        return _shared_head_phrase(tok, index)
    return best[2]


def _shared_head_phrase(tok: "Token", index: dict[str, list[tuple[tuple[str, ...], RolePhrase]]]) -> RolePhrase | None:
    """"government and allied forces": a bare noun coordinated with a modified noun shares that noun ("government
    forces"), the role phrase the two words make, where its own phrase makes none."""
    if tok.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in ("det", "amod", "compound", "poss", "nummod")
                                                for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ != "conj" or c.pos_ != "NOUN" or not any(g.dep_ in ("amod", "compound") for g in c.children):
            continue
        for first, last in ((tok.lower_, c.lower_), (tok.lemma_.lower(), c.lemma_.lower())):
            for phrase, rp in index.get(first, ()):
                if phrase == (first, last):
                    return rp
    return None


@functools.lru_cache(maxsize=8)
def _role_index(phrases: tuple[RolePhrase, ...]) -> dict[str, list[tuple[tuple[str, ...], RolePhrase]]]:
    """First word of each role phrase -> (phrase, entry)."""
    index: dict[str, list[tuple[tuple[str, ...], RolePhrase]]] = {}
    for rp in phrases:
        for phrase in rp.phrases:
            index.setdefault(phrase[0], []).append((phrase, rp))
    return index


def resolve_role_phrase(rp: RolePhrase, country: str | None, *, kb: Any) -> str | None:
    """The actor id a role phrase stands for in a note about `country`."""
    if kb is None:
        return None
    if country is None:
        country = rp.own_country()
    if not rp.applies(country):
        return None
    # by_country beside acled names the actor of the same words in another war ("rebels" in Ukraine)
    name = dict(rp.by_country).get(country or "") or rp.acled or (rp.default if rp.by_country else None)
    if name:
        entry = kb.find_actor_by_name(name)
        return getattr(entry, "id", None)
    if rp.state and country:
        entry = kb.state_actor(country, rp.state)
        return getattr(entry, "id", None)
    if rp.generic:
        return generic(rp.generic, country, kb=kb)
    return None


def resolve_phrase(tok: "Token", index: ActorIndex, patterns: EventPatterns) -> Party:
    """The actor a noun phrase names (its own words first, then its 'of X' / appositive)."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        who = tok.lower_ in ("who", "whom")
        if not who and _struck_by_the_act(tok.head.head, tok.head):
            return Party()
        tok = tok.head.head
        if tok.ent_type_ in ("DATE", "TIME"):
            # "a man at around 2:45 p.m. EDT who pulled out a gun": no time is who; the person told before it
            start = (tok.head if tok.dep_ == "pobj" else tok).left_edge.i
            tok = next((w for w in reversed(tok.doc[tok.sent.start:start]) if w.pos_ in ("NOUN", "PROPN")
                        and w.ent_type_ not in ("DATE", "TIME")), None) if who else None
            if tok is None:
                return Party()
    speaker = _speaker_of_pronoun(tok) or _holder_of_pronoun(tok)
    if speaker is not None:
        return resolve_phrase(speaker, index, patterns)
    if tok.lemma_.lower() in COUNTING_NOUNS or (tok.like_num and tok.pos_ == "NUM"):
        # "a number of pro-Hadi soldiers", "dozens of civilians", "43 of its fighters": the people counted
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
        if of:
            tok = of[0]
        else:
            tok = _counted_before(tok) or tok
    rp = role_phrase_in(tok, patterns)
    if rp is not None and rp.first:
        return Party(phrase=rp, token=tok)
    known = _known_as(tok)
    if known is not None:
        return resolve_phrase(known, index, patterns)
    lo, hi = _subtree_range(tok)
    hits = index.within(lo, hi)
    if tok.ent_type_ == "PERSON":
        # "former NFL athlete John Doe": an organisation no knowledge-base entry holds, told as what a named
        # person works or plays for, is no side; the person is
        hits = [h for h in hits if h[1] > tok.idx or getattr(index.by_id.get(h[2]), "known", True)]
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and _ranked_in(tok, owner):
        a, b = _subtree_range(owner)        # "Indonesia's deadliest terror attack, which killed 202": no side
        hits = [h for h in hits if not a <= h[0] < b]
    owned_by = False
    if not hits:
        for child in tok.children:
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of"):
                # "the gates of a restaurant in Somalia's capital": the place after the "of" phrase is no side
                lo2, hi2 = _subtree_range(child, stop={"relcl", "acl", "advcl", "punct"} |
                                          ({"prep"} if child.dep_ == "appos" else set()))
                if child.dep_ == "prep":
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    spans = [_subtree_range(g, stop={"relcl", "acl", "advcl", "punct", "prep"}) for g in objs]
                    lo2, hi2 = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (lo2, lo2)
                # "an alliance of insurgents, including the Nusra Front": a member is not the alliance
                members = [r for t in child.subtree if t.dep_ == "prep" and t.lower_ in MEMBER_PREPS
                           for r in [_subtree_range(t, stop=set())]]
                hits = [h for h in index.within(lo2, hi2) if not any(a <= h[0] < b for a, b in members)]
                if not hits and child.dep_ == "appos" and child.lemma_.lower() in MEMBER_NOUNS:
                    # "the gunman, a member of the Taliban": the group the apposition makes him one of
                    hits = [h for o in _pobj_of(child, {"of"})
                            for h in index.within(*_subtree_range(o, stop={"relcl", "acl", "advcl", "punct", "prep"}))]
                text = text_of(tok.doc)
                # "the center of the Indonesian capital": where, not who; "an associate of a Chinese doctor":
                # a nationality, not the state
                hits = [h for h in hits if getattr(index.by_id.get(h[2]), "type", None) not in STATE_TYPES or (
                    tok.lemma_.lower() not in SITE_NOUNS and _state_named(h, text, index))]
                national = _national_in_apposition(child, hits, index, patterns) if child.dep_ == "appos" else None
                if national is not None:
                    return Party(actor=national, kind="nationals", token=tok)   # "Jane Doe, a U.S. woman"
                if hits:
                    owned_by = child.dep_ == "prep"
                    break
    if not hits and (rp is None or rp.generic == "unidentified_armed_group"):
        # "Forces aligned with Libya's unity government", "fighters loyal to Haftar", "gunmen affiliated with
        # Islamic State": whose side they are on (unnamed gunmen so told are that side's)
        for c in tok.children:
            if c.dep_ in ("acl", "amod") and c.lemma_.lower() in ALLEGIANCE:
                for side in _pobj_of(c, {"with", "to"}):
                    found = resolve_phrase(side, index, patterns)
                    if found.actor or found.phrase:
                        return Party(actor=found.actor, phrase=found.phrase, token=tok)
    lemma = tok.lemma_.lower()
    kind = None
    if lemma in patterns.protester_nouns:
        kind = "protesters"
    elif lemma in patterns.rioter_nouns:
        kind = "rioters"
    elif lemma in patterns.unidentified_nouns or any(
            c.lemma_.lower() in UNKNOWN_WORDS or c.lower_ in UNKNOWN_WORDS for c in tok.children) or (
            lemma in ARMED_PEOPLE and any(c.dep_ in ("amod", "compound") and c.lower_ in ARMED_WORDS
                                          for c in tok.children)):
        # "masked men" (the tagger's verb "mask"), "two armed men", "hooded men": unnamed armed men, no civilians
        kind = "unidentified_armed_group"
    elif lemma in patterns.civilian_nouns and not (owned_by and lemma in DWELLINGS and all(
            getattr(index.by_id.get(h[2]), "type", None) in ARMED_GROUP_TYPES for h in hits)):
        # "a shootout at the house of a Taliban leader": the home of an armed group's man is that group's side
        kind = "civilians"
    elif lemma in patterns.armed_nouns:
        kind = "armed"
    # "the al Qaeda-linked group", "Iran-backed militias": the party is not the one it is linked to
    hits = [h for h in hits if not BACKER.match(text_of(tok.doc), h[1])]
    if kind == "civilians":
        # "a Stanford professor", "an Acme employee": an organisation no knowledge-base entry holds, told as
        # where a civilian works or studies, is no side; the civilian is
        hits = [h for h in hits if h[1] > tok.idx or getattr(index.by_id.get(h[2]), "known", True)]
    # "a Palestinian-American", "a Jordanian-Palestinian": a person of two nationalities is told by the last,
    # the noun itself; the state before the hyphen is no side of its own
    hits = [h for h in hits if not any(o[0] == h[1] + 1 and text_of(tok.doc)[h[1]:o[0]] == "-"
                                       and getattr(index.by_id.get(h[2]), "type", None) in STATE_TYPES
                                       and getattr(index.by_id.get(o[2]), "type", None) in STATE_TYPES
                                       for o in hits)]
    if hits and rp is not None and rp.state == "police" and not any(
            getattr(index.by_id.get(h[2]), "known", True) for h in hits):
        # "the Oregon State Police", "Fresno Police Department officers": a police force named by the place it
        # serves, which no knowledge-base entry holds, is the state's police (ACLED codes local police so)
        return Party(phrase=rp, token=tok)
    if hits and tok.dep_ in MODIFIER_DEPS and len(hits) == 1 and hits[0][0] <= tok.idx < hits[0][1]:
        rec = index.by_id.get(hits[0][2])
        if rec is not None and rec.type == "state" and rec.country in patterns.people_not_forces:
            return Party(actor=hits[0][2], kind="nationals", token=tok)     # "Palestinian attacks"
        if rec is not None and rec.type == "state" and tok.dep_ == "amod" and tok.head.lemma_.lower() not in \
                OWNED_NOUNS | SITE_NOUNS | PLACE_WORDS and (
                tok.head.lemma_.lower() in patterns.nationality_heads or tok.head.lower_ in patterns.nationality_heads):
            return Party(actor=hits[0][2], kind="nationals", token=tok)     # "a Syrian suicide bomber"
    if hits and kind is None and len(hits) == 1 and _people_modifier(tok, hits[0], index=index, patterns=patterns):
        return Party(actor=hits[0][2], kind="nationals", token=tok)         # "Palestinian stabbings have killed"
    if hits and tok.lemma_.lower() in DIPLOMATIC_SITES:
        rec = index.by_id.get(hits[0][2])
        if rec is not None and rec.type == "state":
            # "the U.S. consulate in Jiddah": a state's diplomats and staff are civilians, not its forces
            return Party(actor=hits[0][2], kind="nationals", token=tok)
    if hits and tok.dep_ not in MODIFIER_DEPS:
        # "a British man", "Palestinian assailants", "the Turkish border town", "the Britain-based
        # Observatory": a nationality or a base, not the state acting
        people = [h for h in hits if _nationality_only(h, tok, index, patterns)]
        hits = [h for h in hits if h not in people]
        if not hits and people and (people[0][0] <= tok.idx < people[0][1] or
                                    tok.lemma_.lower() in NATIONALS_ABROAD or _counted_people(tok, patterns) or
                                    (tok.lemma_.lower() in PERSON_HEADS and tok.dep_ == "nsubj") or
                                    (tok.tag_ == "NNPS" and rp is None and tok.dep_ == "nsubj")):
            # "27 Israelis", "a Palestinian", "three Russian nationals", "nine German tourists", "Belgian
            # Islamists killed 32 people" (a plural the tagger calls proper: people told by what they are)
            return Party(actor=people[0][2], kind="nationals", token=tok)
    if hits and rp is not None and rp.acled and not rp.state and all(
            h[1] <= tok.idx and getattr(index.by_id.get(h[2]), "type", None) in STATE_TYPES for h in hits):
        return Party(phrase=rp, token=tok)   # "Syria's opposition", "Syrian rebels": the rebels, not the state
    if hits:
        # the head word's own actor first ("Kurdish positions" -> the Kurdish actor), then the one nearest
        # it ("Iraqi Kurdish Peshmerga forces" -> the Peshmerga, not Iraq)
        hits.sort(key=lambda h: (not (h[0] <= tok.idx < h[1]), h[0] > tok.idx, -h[0]))
        # "a French policewoman", "Afghan police": the state's service the role words name, kept with the state
        service = rp if rp is not None and rp.state == "police" else None
        return Party(actor=hits[0][2], kind=kind if kind in ("civilians", "protesters", "rioters") else None,
                     token=tok, phrase=service)
    if rp is not None and rp.state and not hits:
        state = _speakers_country(tok, index)
        if state is not None:
            return Party(actor=state, token=tok, phrase=rp if rp.state == "police" else None)
    if rp is not None and kind not in ("civilians", "protesters", "rioters"):
        return Party(phrase=rp, kind=kind, token=tok)
    if kind not in ("civilians", "protesters", "rioters"):
        # "stabbings and shootings by Palestinians": the "by" of the last of coordinated event nouns
        for c in [*tok.children, *(g for k in tok.children if k.dep_ == "conj" for g in k.children)]:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in BACKING | TOLD_BY | INSPIRING:
                agents = _pobj_of(c, {"by"})         # "three missiles fired by regime forces"
            elif c.dep_ in ("prep", "agent") and c.lower_ == "by":   # "attacks by Palestinians killed ..."
                agents = [g for g in c.children if g.dep_ == "pobj"]
            else:
                continue
            if agents:
                found = resolve_phrase(agents[0], index, patterns)
                if found.actor or found.phrase:
                    return found
    if kind is not None:
        return Party(kind=kind, token=tok)
    if tok.pos_ == "PRON" and tok.lower_ in RELATIVE:
        return Party(token=tok)
    return Party(token=tok)


DWELLINGS = {"home", "house"}
ARMED_GROUP_TYPES = {"rebel_group", "political_militia", "identity_militia", "unidentified_armed_group"}
# words that tell men as unnamed armed ones ("masked gunmen", "unknown assailants"), and the people words that
# only a word of arms or disguise makes so ("armed men", "hooded men")
UNKNOWN_WORDS = {"unidentified", "unknown", "masked"}
ARMED_WORDS = {"armed", "hooded", "gun-toting", "heavily-armed"}
ARMED_PEOPLE = {"man", "men", "person", "people", "individual", "youth"}


# nouns of an act whose "on X" names what it struck ("an attack on the newspaper", "a raid on the camp")
STRIKING_NOUNS = {"attack", "bombing", "blast", "explosion", "massacre", "shooting", "assault", "raid", "strike",
                  "airstrike", "attempt", "ambush", "rampage"}
# what the act itself did, told by a clause the parser may hang from the nearer noun it struck
ACT_HARMS = KILL_VERBS | {"wound", "injure", "leave", "claim"}


def _struck_by_the_act(antecedent: "Token", clause: "Token") -> bool:
    """"an attack on the newspaper that killed 12", "a raid on a village which left five dead": what
    killed is the act, not what it struck; the parser hangs the clause from the nearer noun, the place
    or people struck, which did nothing."""
    return antecedent.dep_ == "pobj" and antecedent.head.lower_ in TARGET_PREPS \
        and antecedent.head.head.lemma_.lower() in STRIKING_NOUNS and clause.lemma_.lower() in ACT_HARMS


def _national_in_apposition(appos: "Token", hits: list[tuple[int, int, str]], index: ActorIndex,
                            patterns: EventPatterns) -> str | None:
    """"Jane Doe, a U.S. woman", "Ali, a Syrian student": a person the apposition tells by a state's name
    on a word for people is one of its nationals, not the state's forces; the state, or None."""
    lemma = appos.lemma_.lower()
    if lemma not in patterns.nationality_heads or lemma in OWNED_NOUNS | SITE_NOUNS | PLACE_WORDS or len(hits) != 1:
        return None
    rec = index.by_id.get(hits[0][2])
    if rec is None or rec.type != "state":
        return None
    own = any(c.dep_ in ("amod", "compound", "nmod") and hits[0][0] <= c.idx < hits[0][1] for c in appos.children)
    return hits[0][2] if own else None


def _counted_before(num: "Token") -> "Token | None":
    """"killed 33 militants and arrested six": a bare number object counts the people the coordinated
    verb's counted object names."""
    if not (num.like_num and num.pos_ == "NUM" and num.dep_ == "dobj"):
        return None
    verb = num.head
    for other in ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]:
        obj = next((c for c in other.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                    and any(g.dep_ == "nummod" for g in c.children)), None)
        if obj is not None:
            return obj
    return None


# "with the help of airstrikes", "under the cover of artillery fire": support given to the side that acts
SUPPORT_NOUNS = {"help", "support", "backing", "cover", "aid", "assistance"}
SPEAKING_VERBS = {"say", "claim", "announce", "deny", "insist", "confirm", "add", "state", "declare", "vow"}


def _speaker_of_pronoun(tok: "Token") -> "Token | None":
    """"Russia said it extended a truce", "Islamic State said they carried out the attack": the pronoun
    subject of what a speaker says is the speaker (when the speaker is no pronoun itself); so is the owner
    of that subject ("the Russian defence ministry said its air strikes hit 40 targets")."""
    if tok.pos_ != "PRON":
        return None
    if tok.lower_ in ("its", "their", "our") and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        said = tok.head.head
    elif tok.lower_ in ("it", "they", "we") and tok.dep_ in ("nsubj", "nsubjpass"):
        said = tok.head
    else:
        return None
    if said.dep_ != "ccomp" or said.head.lemma_.lower() not in SPEAKING_VERBS:
        return None
    # "Islamic State said they carried out the attack", not "They have seized villages, rebels said": a
    # speaker told after the pronoun only says so (the pronoun names someone told before)
    speakers = [c for c in said.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON" and c.i < tok.i]
    if not speakers or any(w.lemma_.lower() in WITNESS_NOUNS for w in (speakers[0], *speakers[0].conjuncts)):
        return None
    return speakers[0]


def _holder_of_pronoun(tok: "Token") -> "Token | None":
    """"demanding that the militia withdraw from areas it has captured": "it", the subject of a relative clause
    with no relative word, is the one-word subject (no plural) of the clause whose object the clause qualifies."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "relcl" \
            or any(c.lower_ in RELATIVE for c in tok.head.children):
        return None
    t = tok.head.head
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ == "PRON" or subj.tag_ in ("NNS", "NNPS") or subj.i > tok.i:
                return None
            return subj
    return None


def _speakers_country(tok: "Token", index: ActorIndex) -> str | None:
    """"Turkey's prime minister said his country's military fired at Kurdish fighters": the state the
    speaker's own phrase names (the state whose forces "his country's", "their nation's" are), or None."""
    country = next((c for c in tok.children if c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation")), None)
    if country is None or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in country.children):
        return None
    t = tok
    while t.dep_ not in ("ccomp", "ROOT") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "ccomp" or t.head.lemma_.lower() not in SPEAKING_VERBS:
        return None
    speaker = next((c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    if speaker is None:
        return None
    lo, hi = _subtree_range(speaker)
    states = [a for _, _, a in index.within(lo, hi) if getattr(index.by_id.get(a), "type", None) == "state"]
    return states[0] if len(set(states)) == 1 else None


# who tells what happened, not who did it: "they killed 20 people, police and medical sources said"
WITNESS_NOUNS = frozenset({"source", "witness", "eyewitness", "resident", "medic", "doctor", "activist",
                           "monitor", "journalist", "reporter", "observer", "correspondent"})


MEMBER_PREPS = {"including", "among", "like"}
NAMING_VERBS = {"know", "call", "name", "dub"}


def _known_as(tok: "Token") -> "Token | None":
    """"an alliance of Islamist insurgents known as Jaish al-Fatah": the name the phrase is known by."""
    for t in (tok, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj")):
        for c in t.children:
            if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS:
                named = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                         if g.dep_ == "pobj"]
                if named:
                    return named[0]
    return None


# "Iran-backed militias", "Russian-made missiles", "a Syrian-born man": the state or group before the hyphen
# backs, arms, made or bore them
BACKER = re.compile(r"-(?:backed|linked|affiliated|allied|aligned|sponsored|funded|supported|inspired|loyal"
                    r"|made|built|manufactured|supplied|produced|designed|born)\b", re.IGNORECASE)
OUTLET_NOUNS = {"agency", "outlet", "channel", "media", "television", "tv", "station", "newspaper", "website",
                "radio", "account", "wing"}
OWN_OUTLET = re.compile(r"-(?:affiliated|linked|run|owned|controlled|allied)\b", re.IGNORECASE)


def _own_outlet(verb: "Token", index: ActorIndex) -> "Token | None":
    """"The IS-affiliated Aamaq news agency reported an attack": a group's own outlet telling of an
    attack is the group's claim; the token of the group's mention."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in OUTLET_NOUNS:
        return None
    for t in subj.subtree:
        if t.i >= subj.i:
            break
        rest = text_of(t.doc)[t.idx + len(t.text):t.idx + len(t.text) + 12]
        if OWN_OUTLET.match(rest) and index.within(t.idx, t.idx + len(t.text)):
            return t
    return None


MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
RANKED_NOUNS = {"attack", "bombing", "blast", "explosion", "massacre", "shooting", "assault"}


def _ranked_in(head: "Token", owner: "Token") -> bool:
    """"Indonesia's deadliest terror attack", "the country's worst bombing": an attack ranked among a
    country's own is one it suffered; the country is where it happened, not who attacked ("Russia's
    heaviest air strikes" and "Islamic State's deadliest attack" keep their attacker)."""
    ranked = any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ == "worst") for c in head.children)
    country = owner.ent_type_ == "GPE" or owner.lemma_.lower() in ("country", "nation")
    return ranked and country and head.lemma_.lower() in RANKED_NOUNS
# parts of a place: "the center of the capital" names where an attack struck, not a side
SITE_NOUNS = {"center", "centre", "heart", "capital", "city", "town", "village", "outskirts", "edge", "part",
              "area", "district", "province", "region", "street", "streets", "north", "south", "east", "west",
              "border", "countryside", "suburb", "neighborhood", "neighbourhood"}
# people named by where they are from, and no more: civilians of that state (ACLED)
NATIONALS_ABROAD = {"national", "tourist", "visitor", "expatriate", "citizen", "contractor", "engineer"}
# one person told by nationality as the one who acted ("a Palestinian man stabbed two soldiers"): that
# country's people (an unidentified armed group); as a victim ("a British man was shot") a civilian where it happened
PERSON_HEADS = {"man", "woman", "teenager", "youth", "boy", "girl", "bomber", "gunman", "assailant", "attacker"}
BASED = ("-based", " based", "-born", " born")
# heads a state's own name may modify as where they are from: "a U.S. citizen", "U.S. soil" (not "U.S. troops")
NAMED_ORIGIN_HEADS = NATIONALS_ABROAD | {"soil", "man", "woman", "teen", "teenager", "boy", "girl"}


def _people_modifier(tok: "Token", hit: tuple[int, int, str], *, index: ActorIndex,
                     patterns: EventPatterns) -> bool:
    """An event noun whose adjective names a people with no state forces of its own ("Palestinian
    stabbings have killed 28 Israelis"): the acts of that people, as "Palestinian attacks" is when the
    adjective is the party's own word."""
    rec = index.by_id.get(hit[2])
    if rec is None or rec.type != "state" or rec.country not in patterns.people_not_forces:
        return False
    return any(c.dep_ in ("amod", "compound") and hit[0] <= c.idx < hit[1] for c in tok.children)


def _nationality_only(hit: tuple[int, int, str], tok: "Token", index: ActorIndex, patterns: EventPatterns) -> bool:
    """Does a state's mention in a party's phrase only say where people or places are from or based
    ("27 Israelis", "a British man", "Palestinian assailants", "the Turkish border town", "the
    Britain-based Observatory") rather than name the state or its own ("Turkish F-16s")?"""
    rec = index.by_id.get(hit[2])
    if rec is None or rec.type != "state":
        return False
    text = text_of(tok.doc)
    if text[hit[1]:hit[1] + 6].lower().startswith(BASED):
        return True
    said = text[hit[0]:hit[1]].lower()
    if said in {n.lower() for n in (rec.name, *rec.aliases)} or said in short_name_words():
        # "Israel", "the United States", "the North": the state named; but not as the word before people,
        # ground or civilian places it only tells the origin of ("three U.S. nationals", "a U.S. citizen", "on
        # U.S. soil", "a U.S. hospital")
        lemma = tok.lemma_.lower()
        return lemma in NAMED_ORIGIN_HEADS | patterns.civilian_nouns | patterns.civilian_sites and any(
            c.dep_ in ("compound", "amod") and hit[0] <= c.idx < hit[1] for c in tok.children)
    own = hit[0] <= tok.idx < hit[1]                  # "Palestinians", "a Palestinian"
    return own or _people_word(tok, patterns.nationality_heads) \
        or _counted_people(tok, patterns)


def _people_word(tok: "Token", words: frozenset[str]) -> bool:
    """Is the word one of `words`, in its own form or its lemma; a plural the tagger reads as a proper noun
    keeps its "s" in the lemma ("Belgian Islamists", "Iraqi Kurds")."""
    lower = tok.lemma_.lower()
    return lower in words or tok.lower_ in words or (tok.tag_ == "NNPS" and lower.endswith("s") and lower[:-1] in words)


# a model designation names hardware, not people: "two Turkish F-16s", "Russian Su-24s", "MiG-29s", "T-72s"
MODEL_DESIGNATION = re.compile(r"[A-Za-z]{1,4}-\d+[A-Za-z]*")


def _counted_people(tok: "Token", patterns: EventPatterns) -> bool:
    """"two Israeli hikers", "three Turkish engineers": a counted plural told by its country, with no word
    of arms, of a site or of a weapon, is people of that country, not its forces (a state's forces are told
    by an armed noun: "two Israeli soldiers", or by what they use: "two Russian jets"); "four American
    civilians" are civilians already."""
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.children) \
        and not MODEL_DESIGNATION.fullmatch(tok.lemma_) \
        and lemma not in patterns.armed_nouns and lemma not in patterns.security_nouns \
        and lemma not in patterns.weapons and lemma not in OWNED_NOUNS | SITE_NOUNS \
        and lemma not in patterns.civilian_nouns \
        and role_phrase_in(tok, patterns) is None


def _state_named(hit: tuple[int, int, str], text: str, index: ActorIndex) -> bool:
    """The mention is the state's own name ("Syria", "the United States"), not a word made from it."""
    rec = index.by_id.get(hit[2])
    return rec is not None and text[hit[0]:hit[1]].lower() in {n.lower() for n in (rec.name, *rec.aliases)}


def _children(tok: "Token", deps: set[str]) -> list["Token"]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobj_of(tok: "Token", preps: set[str]) -> list["Token"]:
    out = []
    kids = list(tok.children) + [g for c in tok.children if c.dep_ == "dobj" for g in c.children]
    for c in kids:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "pcomp" or (c.dep_ == "prep" and c.lower_ == "targeting"):
            out.extend(g for g in c.children if g.dep_ in ("dobj", "pobj"))
    # "On 3 March 2018": a date is no party ("March" is not a march)
    return [g for g in out if g.ent_type_ not in ("DATE", "TIME")]


PLACE_ENTITIES = {"GPE", "LOC", "FAC"}


def _origin(tok: "Token") -> bool:
    """"rocket fire from northern Syria", "mortars from the Gaza Strip": a place after "from" is where the
    fire came from, not who fired it (unlike "an attack from rebels"); `by` still names the agent."""
    if tok.head.lower_ != "from":
        return False
    return tok.ent_type_ in PLACE_ENTITIES or tok.lemma_.lower() in SITE_NOUNS | HELD_SITES


def _conjuncts(tok: "Token") -> list["Token"]:
    return [c for c in tok.conjuncts if c.i > tok.i]


_ACTIVE_SUBJECT, _PASSIVE_SUBJECT = frozenset({"nsubj", "csubj"}), frozenset({"nsubjpass"})
_SUBJECT_THROUGH = frozenset({"conj", "xcomp", "advcl", "ccomp"})
# who says that something happened did not do it ("in what police said was a terror attack")
_SPEECH = frozenset(REPORTING_VERBS)


# "what appeared to be", "what seemed to be", "what looked like": the thing the outer verb tells
SEEMING = {"appear", "seem", "look", "sound"}


def _noun_read_as_verb(v: "Token") -> "tuple[Token | None] | None":
    """"a day after government advances against Islamic State", parsed as the verb "advances" with
    "government" its compound: a noun phrase ("government advances"), which names who acted, not the
    subject of the clause it hangs from."""
    if v.i != v.head.i and v.tag_ == "VBZ" and v.i > 0:
        before = v.doc[v.i - 1]
        if before.dep_ == "compound" and before.head.i == v.i and before.pos_ in ("NOUN", "PROPN"):
            return (v,)
    return None


def _modified_noun(v: "Token") -> "tuple[Token | None] | None":
    """"three women carrying suicide bombs", "gunmen firing rockets": the noun an active participle
    modifies is its subject; one helping or backing ("a coalition helping to fight the militants") is an ally
    of whoever fights, not a side (BACKING)."""
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
        return (None,) if v.lemma_.lower() in BACKING else (v.head,)
    return _noun_read_as_verb(v)


# verbs through which a relative clause is told by someone else ("a man who police say shot a boy")
TOLD_RELATIVE = {"say", "allege", "believe", "claim", "think", "suspect"}


def told_relative(verb: "Token") -> "Token | None":
    """"a man who police say shot a boy", "militants who officials said attacked a checkpoint": a relative
    clause told through a speaker ("who X say(s) V") has for V's subject the noun the clause qualifies; the
    speaker only tells it. The parser reads it two ways: the speaker as V's subject with "say" its auxiliary,
    or "said" as the relative clause with V its complement (with "who", or no subject at all)."""
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        says = [c for c in verb.children if c.dep_ == "aux" and c.lemma_.lower() in TOLD_RELATIVE]
        speakers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE]
        if says and speakers and speakers[0].i < says[0].i < verb.i and any(
                t.lower_ in RELATIVE for t in verb.doc[verb.head.i + 1:speakers[0].i]):
            return verb.head
    said = verb.head
    if verb.dep_ == "ccomp" and said.dep_ == "relcl" and said.lemma_.lower() in TOLD_RELATIVE \
            and said.head.pos_ in ("NOUN", "PROPN") and said.i < verb.i:
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not own or own[0].lower_ in RELATIVE:
            return said.head
    return None


# a meeting of a few people that turned violent, not a fight between armed sides ("an altercation with police")
ENCOUNTER_NOUNS = {"altercation", "struggle", "scuffle", "encounter", "standoff", "argument", "dispute"}


def _met_in_encounter(verb: "Token") -> list["Token"]:
    """"Jones was killed during an altercation with two officers": one harmed in a brush with others, told
    with no "by", was harmed by those he met (the "with" of the encounter noun)."""
    return [w for p in verb.children if p.dep_ == "prep" and p.lower_ in ("during", "in", "after")
            for e in _children(p, {"pobj"}) if e.lemma_.lower() in ENCOUNTER_NOUNS
            for w in _pobj_of(e, {"with"})]


def _agent_hung_low(verb: "Token", index: ActorIndex, patterns: EventPatterns) -> list["Token"]:
    """"shot during a traffic stop by two officers", "fired into his back by police": the parser hangs a
    passive verb's "by" agent from the object of its own preposition; a "by" there that names an armed
    side (not a place: "by the river") is the verb's agent."""
    out = []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ == "by":
            continue
        for obj in _children(p, {"pobj"}):
            for a in _pobj_of(obj, {"by"}):
                party = resolve_phrase(a, index, patterns)
                if party.actor or party.phrase or party.kind in ("armed", "unidentified_armed_group"):
                    out.append(a)
    return out


def _subject(verb: "Token") -> tuple["Token | None", bool]:
    """The verb's subject (inherited from a coordinated verb, or through "after firing a missile"),
    and whether it is passive."""
    told = told_relative(verb)
    if told is not None:
        return told, bool(_children(verb, {"auxpass"}))
    event = _event_before_participle(verb)
    if event is not None:
        return next(iter(_pobj_of(event, {"by"})), None), False
    subj, group = climb_to_subject(verb, subjects=(_ACTIVE_SUBJECT, _PASSIVE_SUBJECT), through=_SUBJECT_THROUGH,
                                   steps=4, through_prepositions=True, not_into=_SPEECH,
                                   otherwise=_modified_noun)
    if group == 1 and (_controls(subj, verb) or _active_conjunct(verb, subj)):
        return subj, False
    return subj, group == 1


def _active_conjunct(verb: "Token", subj: "Token") -> bool:
    """"the officer was wounded but killed two attackers": a verb in the active past with its own object
    shares the subject of the passive verb it is joined to, as its doer, not as what was done to."""
    return subj.head.i != verb.i and verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") \
        and bool(_children(verb, {"dobj"})) and not _children(verb, {"auxpass"})


# verbs whose passive tells who takes part in the fighting its "in" names ("were engaged in clashes with X",
# "were locked in fierce fighting"), not what was done to them
PARTAKING = {"engage", "involve", "embroil", "lock"}


def _partaking(verb: "Token") -> bool:
    return verb.lemma_.lower() in PARTAKING and bool(_pobj_of(verb, {"in"})) and not _pobj_of(verb, {"by"})


def _event_before_participle(verb: "Token") -> "Token | None":
    """"Police were on alert after the attack by a suicide bomber, killing three": a participle hung from a
    clause that only tells a state (a copula) tells what the attack noun before it did, not what the
    clause's subject did; that noun (its "by" names the doer), or None."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.lemma_.lower() not in COPULAS:
        return None
    return next((t for t in reversed(verb.doc[verb.head.i:verb.i]) if t.lemma_.lower() in RANKED_NOUNS
                 and t.pos_ == "NOUN" and t.head.i != verb.i), None)


def _clause_subject_owning(pron: "Token", head: "Token") -> "Token | None":
    """"pro-government forces pressed ahead with their offensive", "the army went on with its shelling":
    "its" or "their" on an event noun is the subject of the verb the noun hangs from, when that verb has
    its own subject named before the pronoun (no verb of saying or seeing: "rebels said their attack")."""
    if pron.lower_ not in ("its", "their") or pron.pos_ != "PRON":
        return None
    verb = _governing_verb(head)
    if verb is None or verb.lemma_.lower() in NOT_AGENT_VERBS | _SPEECH:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or subj.i > pron.i:
        return None
    return subj


def _controls(subj: "Token", verb: "Token") -> bool:
    """"militants were caught attempting attacks", "soldiers were ordered to fire": the subject of a passive
    verb is the one who does what its complement tells (the complement itself not passive: "were ordered
    to be executed")."""
    t = verb
    while t.head.i != t.i and t.head.i != subj.head.i:
        t = t.head
    return t.head.i == subj.head.i and t.i != subj.head.i and t.dep_ == "xcomp" and \
        t.pos_ in ("VERB", "AUX") and not _children(t, {"auxpass", "nsubjpass"})


def _what_it_seemed(verb: "Token") -> "Token | None":
    """"police carried out what appeared to be controlled explosions": the verb that tells the act
    ("carried out"), of which "what appeared to be" only says what it looked like; never a verb of
    saying ("in what police said appeared to be a terror attack"). The noun after "to be" hangs from
    "be" ("North Korea fired what appeared to be a missile"): the seeming verb is the one above it."""
    if verb.lemma_.lower() == "be" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SEEMING:
        verb = verb.head
    what = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "what" and c.tag_ == "WP"), None)
    if what is None or verb.lemma_.lower() not in SEEMING or verb.dep_ not in ("ccomp", "dobj"):
        return None
    outer = verb.head
    if outer.pos_ != "VERB" or outer.lemma_.lower() in NOT_AGENT_VERBS | _SPEECH:
        return None
    return outer


# "after a shooting attack", "in retaliation for rocket attacks", "since the truce": the event told in
# such a phrase is not done by the subject of the verb it hangs from
NOT_AGENT_PREPS = {"after", "before", "since", "following", "despite", "amid", "amidst", "during", "until",
                   "ahead", "like", "unlike", "than", "without"}
NOT_AGENT_NOUNS = {"retaliation", "response", "revenge", "reprisal", "wake", "face", "aftermath", "fear", "risk",
                   "victim", "target", "toll", "suspect", "investigation", "probe", "inquiry", "trial", "connection",
                   "anniversary", "memorial", "survivor", "motive",
                   # who works out what caused a death or who the dead man was did not kill him ("police were
                   # trying to determine the cause of death of a man found in a car")
                   "cause", "identity",
                   # who works at the place of an attack did not carry it out ("police cordoned off the site of
                   # the attack", "checked a sample from the blast scene")
                   "scene", "site"}
# who answers an attack or a call about it did not carry it out ("officers responded to the shooting")
RESPONDING = {"respond", "react", "rush", "race", "hurry"}
# who looks into an attack did not carry it out, however the parser hangs the "into" ("opened a probe into it")
INQUIRY_NOUNS = {"investigation", "probe", "inquiry", "inquest"}
# who says, condemns, sees or suffers an attack did not carry it out ("the UN condemned the shelling",
# "rebels say government forces continued offensives", "Pakistan has suffered years of violence")
NOT_AGENT_VERBS = {"say", "tell", "report", "state", "add", "comment", "explain", "describe", "accuse", "blame",
                   "condemn", "denounce", "deplore", "criticise", "criticize", "deny", "allege", "warn", "fear",
                   "document", "record", "cite", "see", "show", "suffer", "survive", "witness", "confirm", "face",
                   "mourn", "investigate", "urge", "welcome", "praise", "dismiss", "protest", "reject", "complain",
                   "call", "term", "label", "brand", "dub",
                   # who flees or escapes it was exposed to it ("residents fleeing the shelling")
                   "flee", "escape", "evade", "endure",
                   # who examines it did not do it ("officials are still analyzing the links between X and an attack")
                   "analyze", "analyse", "examine", "study", "probe", "review", "discuss", "speculate", "delve",
                   # who names the attacker did not attack ("the gunman, identified by police as ...")
                   "identify", "name",
                   # who finds the dead did not kill them ("police discovered three dead men", "troops found the
                   # bodies of 12 people")
                   "find", "discover", "recover", "uncover", "exhume",
                   # nor who takes them away or counts them ("police were pulling bodies from the club", "police
                   # revised the death count in the shootings")
                   "pull", "retrieve", "remove", "collect", "bury", "count", "revise", "update", "tally",
                   # who picks it up on radar did not fire it ("the U.S. military detected a missile launch")
                   "detect", "track", "spot", "observe",
                   # who tries to establish what happened did not do it ("police are trying to determine the cause")
                   "determine", "establish", "ascertain", "verify"}
# an act "reported by state media", "condemned by the UN", a gunman "described by police": the "by" of such a
# participle names who tells or judges it, not who did it (a strike "called by unions" is theirs)
TOLD_BY = NOT_AGENT_VERBS - {"call"}
# "Turkey accuses Russia of targeting civilians", "Russia was accused of bombing hospitals", "blamed the
# PKK for the attack": who is accused of, blamed for or charged with an act is its agent as told
ACCUSING = {"accuse", "suspect", "blame", "charge", "convict", "condemn", "criticize", "criticise", "fault",
            "credit", "sentence", "arrest", "detain", "indict", "sanction"}


# an act done to the people its "of" phrase names ("the killing of two police officers")
HARMED_OF_NOUNS = {"killing", "murder", "assassination", "shooting", "stabbing", "slaying", "execution", "beheading",
                   "kidnapping", "abduction", "ambush"}


# "a series of suicide bombings", "a wave of attacks": many acts told as one run of them
SERIES_NOUNS = {"series", "wave", "string", "spate", "spree", "campaign"}


def accused_of(head: "Token") -> "Token | None":
    """The one a verb of accusing names as the doer of the act its "of"/"for" phrase tells; with the
    verb a participle, the noun it qualifies ("an Islamic State network blamed for a series of suicide
    bombings", "the cell accused of the attack")."""
    t = head
    while t.dep_ == "conj" and t.head.i != t.i and (t.head.pos_ in ("NOUN", "PROPN") or (
            t.head.pos_ == "VERB" and t.head.dep_ == "pcomp")):
        # "sanctioned the North over a nuclear test and a rocket launch", "accused of robbing and killing a
        # guard": each act told
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in SERIES_NOUNS:
        t = t.head.head
    if t.dep_ not in ("pcomp", "pobj") or t.head.dep_ != "prep" or t.head.lower_ not in ("of", "for", "over"):
        return None
    verb = t.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ACCUSING:
        return None
    named = _children(verb, {"dobj", "nsubjpass"})
    if not named and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        named = [verb.head]
    return named[0] if named else None


RETALIATION_NOUNS = {"retaliation", "response", "revenge", "reprisal"}


def _retaliated_by(tok: "Token") -> "Token | None":
    """"X shelled Y in retaliation for rocket attacks": who carried out the attacks retaliated for is the
    one the retaliation struck (the object of the verb the retaliation phrase hangs from)."""
    t = tok
    for _ in range(8):
        if t.dep_ not in CLIMB_DEPS or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in RETALIATION_NOUNS:
            break
    else:
        return None
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ == "VERB":
            if t.lemma_.lower() in NOT_AGENT_VERBS:   # "..., sources said, in retaliation for": what they said
                t = next((c for c in t.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), t)
            struck = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            return struck[0] if struck else None
    return None


def _governing_verb(tok: "Token") -> "Token | None":
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in NOT_AGENT_NOUNS:
        return None          # "the government has given no death toll": who tells a toll did not kill
    t = tok
    for _ in range(6):
        if t.dep_ not in CLIMB_DEPS or t.head.i == t.i:
            return None
        below, t = t, t.head
        if (t.dep_ == "prep" or t.pos_ == "ADP") and t.lower_ in NOT_AGENT_PREPS:
            return None
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in NOT_AGENT_NOUNS:
            return None
        if t.pos_ in ("VERB", "AUX"):
            if below.dep_ == "prep" and any(c.dep_ == "dobj" and c.lemma_.lower() in INQUIRY_NOUNS
                                            for c in t.children):
                return None      # "will lead the investigation into the shooting", "into" hung from the verb
            if below.dep_ == "prep" and below.lower_ == "to" and t.lemma_.lower() in RESPONDING:
                return None      # "police responded to reports of a shooting": who answers it did not do it
            return t
    return None


# what an event does to what is not struck by it: "the attack plunged France into grief", "each launch improves
# North Korea's missile technology", "the bombing sparked protests" (its object is no side of it)
EFFECT_VERBS = {"plunge", "improve", "spark", "trigger", "prompt", "raise", "draw", "fuel", "stoke", "reignite",
                "renew", "revive", "heighten", "deepen", "highlight", "underscore", "mark", "follow", "precede",
                "cause", "lead", "shock", "stun", "horrify", "complicate"}


# a participle that fills a thing with a weapon ("a car packed with explosives", "a robot equipped with explosives")
PACKING = {"pack", "lade", "laden", "load", "rig", "equip", "fit", "stuff", "fill", "strap", "wire"}


def _carrier(verb: "Token | None") -> "Token | None":
    """"a car packed with explosives", "a drone rigged with explosives": the weapon is part of the thing the
    participle describes, so whoever uses the thing used it ("militants drove a car packed with explosives
    into the gate"); the thing, for the verb that governs it."""
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in PACKING \
            or verb.head.pos_ not in ("NOUN", "PROPN") or _children(verb, {"nsubj", "nsubjpass", "agent"}):
        return None
    return verb.head


def noun_anchor(head: "Token") -> "Token":
    """The noun phrase a modifier trigger belongs to ("rocket" in "rocket and drone attacks")."""
    t = head
    for _ in range(3):
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("compound", "nmod", "amod", "conj") and \
                t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
            t = t.head
        else:
            break
    return t


# who an attack is blamed on or attributed to carried it out, as the report tells it ("two bombings
# blamed on the group", "an attack Turkey blamed on Islamic State", "the blast was attributed to X")
BLAME_VERBS = {"blame", "attribute", "pin"}
BLAME_PREPS = {"on", "to"}
# a copula's subject is what something is, not who did what its complement tells ("Turkey has become
# a target, with two bombings last year"; "the town was the scene of heavy fighting")
COPULAS = {"be", "become", "remain", "seem", "appear"}
# what a copula's adjective says of who did an act told after it
DOER_ADJECTIVES = {"responsible", "guilty", "culpable", "complicit", "accountable", "involved", "active", "behind"}


def _blamed_on(verb: "Token", head: "Token") -> "Token | None":
    """"Turkey blamed the attack on Islamic State", "the bombing was blamed on X": the one blamed;
    "X blamed Y for the attack": Y."""
    if verb.lemma_.lower() not in BLAME_VERBS:
        return None
    head = head.conjuncts[0] if head.dep_ == "conj" and head.conjuncts else head
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.i == verb.i:
        objs = _children(verb, {"dobj"})
        return objs[0] if objs else None
    if not (head.i == verb.i or (head.head.i == verb.i and head.dep_ in ("dobj", "nsubjpass"))):
        return None          # "blame the leadership for lapses that allow such violence": no one's attack
    named = [g for t in (verb, head) for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ in BLAME_PREPS
             for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    return named[0] if named else None       # (the parser may hang "on X" from the attack blamed)


def _blamed_in_loose_clause(head: "Token") -> "Token | None":
    """"killed in attacks in 2010 that Seoul blames on the North", its relative clause parsed as a clause
    of the sentence's verb: a blame verb whose object is the relative pronoun just after the noun's phrase
    blames the noun."""
    doc = head.doc
    after = max(t.i for t in head.subtree) + 1
    while after < len(doc) and (doc[after].ent_type_ in ("DATE", "TIME") or (
            doc[after].dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in doc[after].children))):
        after += 1           # "attacks in 2010 that ...": the time the parser hung from the verb
    if after >= len(doc) or doc[after].lower_ not in RELATIVE or doc[after].dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = doc[after].head
    if verb.dep_ in ("acl", "relcl") or verb.i < after:
        return None          # a relative clause parsed as one is read with its noun
    return _blamed_on(verb, doc[after])


def _claimed_by_beside(head: "Token") -> list["Token"]:
    """"attacks claimed by the group killed 32", "bombings on Tuesday - also claimed by X -": a claim's
    participle with its "by" agent told of the event noun, which the parser made the participle's subject
    or left beside it (the dashes of an aside), names who claimed the noun's event."""
    doc = head.doc
    verb = head.head if head.dep_ == "nsubj" else None
    if verb is None:
        after = max(t.i for t in head.subtree) + 1
        while after < len(doc) and (doc[after].is_punct or doc[after].dep_ == "advmod" or _told_time(doc[after])) \
                and doc[after].text not in (".", ";", ":") and after - head.i < 12:
            after += 1          # "bombings in Brussels on Tuesday - also claimed by X": the day hung elsewhere
        verb = doc[after] if after < len(doc) else None
    if verb is not None and verb.lemma_.lower() != "claim" and head.dep_ == "nsubj":
        return _claimed_by_after(verb)
    if verb is None or verb.lemma_.lower() != "claim" or verb.tag_ != "VBN":
        return []
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _told_time(tok: "Token") -> bool:
    """A word of a time told after an event's phrase, whatever the parser hung it from ("on Tuesday")."""
    return tok.ent_type_ in ("DATE", "TIME") or (tok.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children))


def _place_chain(head: "Token") -> list["Token"]:
    """The nouns of the event noun's "at"/"in"/"on" phrases, nested ("a bombing at a mosque in Karbala"): the
    parser often hangs the event's own relative clause from the last of them ("... in Karbala that killed 30")."""
    chain, tok = [], head
    while True:
        nxt = next((g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "on", "near")
                    for g in p.children if g.dep_ == "pobj"), None)
        if nxt is None or len(chain) >= 3:
            return chain
        chain.append(nxt)
        tok = nxt


def _claimed_by_after(verb: "Token") -> list["Token"]:
    """"bombings killed 30 and were claimed by X", "an attack that killed 37 and was claimed by X": a passive
    claim joined to the verb the event noun is the subject of shares that subject, so names who claimed it."""
    return [g for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() == "claim" and c.tag_ == "VBN"
            and any(a.dep_ == "auxpass" for a in c.children) and not any(a.dep_ in ("nsubj", "nsubjpass")
                                                                         for a in c.children)
            for b in c.children if b.dep_ == "agent" for g in b.children if g.dep_ == "pobj"]


def _in_attribute(tok: "Token", verb: "Token") -> bool:
    """Is tok in what the copula says its subject is ("a PKK member was one of the perpetrators of a
    car bombing": the subject did it), rather than beside it ("Turkey has become a target, with two
    bombings")?"""
    t = tok
    while t.head.i != t.i and t.head.i != verb.i:
        t = t.head
    # an adjective tells the subject did it only when it says so ("was responsible for the attack"); not
    # "is aware of the shooting", "was critical of the strikes"
    return t.head.i == verb.i and (t.dep_ == "attr" or (t.dep_ == "acomp" and t.lemma_.lower() in DOER_ADJECTIVES))


def _verb_of_noun(head: "Token") -> "Token":
    """"took 400 civilians hostage", "were taken captive": a noun that completes its verb is told by
    the verb (its subject took, its object was taken)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.head.pos_ != "VERB":
        return head
    if head.dep_ in ("xcomp", "oprd") and head.head.lemma_.lower() in NOT_AGENT_VERBS:
        return head          # "in what the police called a terrorist attack": who names it did not do it
    if head.dep_ in ("xcomp", "oprd", "advcl") or (head.dep_ == "dobj" and any(     # parsed as a second object
            c.dep_ == "dobj" and c.i < head.i and not any(t.text == "-" for t in head.doc[c.i:head.i])
            for c in head.head.children)):       # ("a counter-attack" parsed as three objects is one)
        return head.head
    return head


# verbs whose subject is who died, not who killed ("two soldiers died", "migrants drowned")
DYING_VERBS = {"die", "perish", "drown", "starve", "suffocate"}
# verbs whose coordinated subject is both sides ("troops and militants clashed") and what is exchanged
RECIPROCAL = {"clash", "skirmish", "exchange", "battle"}
EXCHANGED = {"fire", "gunfire", "shot", "shell", "blow", "rocket"}

# the words of the state's armed men, police or soldiers
ARMED_MEN_WORDS = {"police", "policeman", "policemen", "policewoman", "officer", "deputy", "trooper", "soldier",
                   "troop", "cop", "gendarme"}
# the words that tell police or soldiers among those an attack hit
FORCE_VICTIMS = ARMED_MEN_WORDS | {"detective", "agent", "sergeant", "constable", "guard"}

# who backs, supports or helps an action is an ally of its agent, not the agent ("an offensive backed by Russia")
BACKING = {"back", "support", "help", "aid", "assist", "sponsor", "fund", "arm", "cover", "supply", "accompany",
           "bolster", "reinforce", "escort"}
# who inspires, trains or recruits a man did not act through him ("a gunman inspired by Islamic State"), as
# BACKER's "IS-inspired" tells in one word
INSPIRING = {"inspire", "motivate", "influence", "radicalise", "radicalize", "recruit", "train", "indoctrinate"}
# places a side holds, and the verbs that say it ("villages held by Islamic State")
HELD_SITES = {"village", "town", "city", "area", "district", "neighbourhood", "neighborhood", "position", "base",
              "stronghold", "territory", "region", "hamlet", "suburb", "outpost"}
HOLDING = {"hold", "control", "occupy", "run", "besiege"}
# what a place is under when a side holds it ("under Islamic State control", "under rebel rule")
HOLDING_NOUNS = {"control", "rule", "occupation", "siege"}
# verbs whose subject is the side attacked, not the attacker ("repelled an attack by X")
REPELLING = {"repel", "repulse", "deflect", "thwart", "foil", "rebuff"}


FOUGHT = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
# verbs of territory whose subject lost the place or is the place: the taker is told after "to"
LOSING_VERBS = {"lose", "fall"}


def reduced_relative(verb: "Token", subj: "Token") -> bool:
    """"Two of the officers fatally shot were veterans": a participle misread as the finite verb, whose own
    clause goes on with a bare "were" the parser hangs from it; the noun before it is who was shot."""
    if verb.tag_ not in ("VBD", "VBN") or subj.i > verb.i or _children(verb, {"dobj", "auxpass", "aux"}):
        return False
    # hung as its complement, or as a conjunct with no "and" before it
    joined = any(c.dep_ == "cc" for c in verb.children)
    return any((c.dep_ == "ccomp" or (c.dep_ == "conj" and not joined)) and c.lemma_.lower() == "be"
               and c.i > verb.i and not _children(c, {"mark", "nsubj", "nsubjpass", "expl"}) for c in verb.children)


TARGET_NOUNS = {"target", "victim"}


def _told_target_of(head: "Token") -> "Token | None":
    """"Police officers were the target of two bombs", "the convoy became the target of an ambush": the subject
    told as the target (or victims) of the event noun is what it struck."""
    of = head.head
    noun = of.head
    if head.dep_ != "pobj" or of.lower_ != "of" or noun.lemma_.lower() not in TARGET_NOUNS or noun.dep_ != "attr" \
            or noun.head.lemma_.lower() not in COPULAS:
        return None
    # "Saudi Arabia has been a target of attacks": a country or town told so is where they struck, no side
    subj = [t for t in _children(noun.head, {"nsubj"}) if t.ent_type_ not in PLACE_ENTITIES]
    return subj[0] if subj else None


LEFT_HARMS = {"kill", "wound", "injure", "hurt", "maim"}


def _left_harmed(verb: "Token") -> "Token | None":
    """"the shooting left seven officers injured", "an ambush left four soldiers wounded": the people a harm
    participle told after the object of "left" are the ones harmed, not its doers (None otherwise)."""
    if verb.lemma_.lower() not in LEFT_HARMS or _children(verb, {"nsubjpass", "dobj"}):
        return None
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.lemma_.lower() == "leave" \
            and not _children(verb, {"nsubj"}):
        return verb.head
    if verb.dep_ in ("ccomp", "advcl", "xcomp", "oprd", "conj") and verb.head.lemma_.lower() == "leave":
        # the people as the object of "left", or as the participle's subject ("left [four officers wounded]")
        objs = [o for o in _children(verb.head, {"dobj"}) + _children(verb, {"nsubj"}) if verb.head.i < o.i < verb.i]
        return objs[0] if objs else None
    return None


def _participle_noun(verb: "Token") -> "Token | None":
    """The noun a past participle qualifies: "the girls captured by X", and its second participle ("a man
    pinned down and shot by police", "shot" tagged as a past tense joined to the first); None otherwise."""
    first = verb
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and not _children(verb, {"nsubj", "nsubjpass", "aux"}):
        first = verb.head
    if first.dep_ == "acl" and first.tag_ == "VBN" and first.head.pos_ in ("NOUN", "PROPN"):
        return first.head
    return None


def find_roles(m: Mention, *, index: ActorIndex, patterns: EventPatterns) -> Roles:
    head = _verb_of_noun(noun_anchor(m.head))
    roles = Roles()
    agent: "Token | None" = None
    target: "Token | None" = None
    accused = accused_of(head)
    if accused is not None:
        agent = accused
        target = next(iter(_children(head, {"dobj"})), None) if head.pos_ == "VERB" else None
    elif head.pos_ in ("VERB", "AUX"):
        subj, passive = _subject(head)
        noun = _participle_noun(head)
        if subj is None and noun is not None and (_pobj_of(head, {"by"}) or (
                head.dep_ == "conj" and _agent_hung_low(head, index, patterns))):
            subj, passive = noun, True   # "the girls captured by Boko Haram": what was done to the noun
        if _children(head, {"auxpass"}) and (m.trigger.kind == "territory" or m.coding.event_type not in FOUGHT):
            # a verb in the passive tells what was done to the subject it inherits from another verb:
            # "occupied the town but were driven out by the peshmerga" (who drove them out took it), "nine
            # men, thought to be militants, were detained" (the men were detained). Not in a fight: "a man
            # opened fire at police before being shot dead" is one incident, the shooting back its end
            passive = True
        if not passive and subj is not None and reduced_relative(head, subj):
            passive = True
        left = _left_harmed(head)
        if left is not None:
            subj, passive = left, True
        by = _pobj_of(head, {"by"})
        objs = _children(head, {"dobj"})
        if m.trigger.kind in ("territory", "transfer"):
            objs = []                 # what is taken is a place, not the other side
        # "troops were engaged in fierce fighting with insurgents": the subject is a side (PARTAKING)
        if (passive or _children(head, {"nsubjpass", "agent"})) and not _partaking(head):
            # a "by" phrase the parser marks as agent is the doer of a passive verb even with no passive
            # subject or auxiliary ("the 20th man shot and killed by police": killed by them)
            target = subj if m.trigger.kind not in ("territory", "transfer") or expelling(m) else None
            if not by and m.trigger.kind == "territory":
                # "pushed from the city of Palmyra by government forces": the parser hangs the agent from the place
                by = [a for p in _pobj_of(head, {"from", "of"}) for a in _pobj_of(p, {"by"})]
            if not by and m.trigger.kind != "territory":
                by = _agent_hung_low(head, index, patterns)
            if not by and m.coding.event_type != "Battles":
                by = _met_in_encounter(head)
            agent = by[0] if by else None
        elif head.lemma_.lower() in DYING_VERBS:
            target = subj     # "two soldiers died": who died is the victim, never the killer
        else:
            agent = subj
            target = objs[0] if objs else None
            if target is not None and target.lemma_.lower() in EXCHANGED:
                # "a gunman opened fire on police officers": the fire is no side, whom it was aimed at is (told
                # after it: "at a vigil, a gunman opened fire" names a place)
                aimed = [g for g in _pobj_of(head, TARGET_PREPS) if g.i > target.i]
                target = min(aimed, key=lambda g: g.i) if aimed else target
            if target is None and m.coding.event_type in ("Battles", "Riots"):
                withs = _pobj_of(head, {"with", "against", "from"})
                target = withs[0] if withs else None
            if target is None:
                for c in (head.conjuncts if m.trigger.kind not in ("territory", "transfer") else ()):
                    more = _children(c, {"dobj"})
                    if more:
                        target = more[0]
                        break
        # "with X" is the other side of a clash; "between X and Y"
        if m.coding.event_type in ("Battles", "Riots") and target is None:
            withs = _pobj_of(head, {"with", "against", "from"})
            if withs:
                target = withs[0]
        if m.coding.event_type in ("Battles", "Riots") and agent is None and target is None \
                and head.tag_ == "VBG" and head.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj"):
            # "Fighting between the rebels and Ukraine's forces killed thousands": a gerund read as a verb,
            # used as a noun; its "between X and Y" names both sides, as the noun's does
            pair = _sides_between(head, index, patterns)
            if pair is not None:
                agent, target = pair
        if head.lemma_.lower() in REPELLING and not passive and target is not None:
            # "the peshmerga deflected Islamic State attacks": who attacked is the battle's first side (ACLED),
            # who repelled them the second; an attack noun's own attacker is that side
            own = next((c for c in target.children if c.dep_ in ("compound", "poss", "amod")
                        and index.within(c.idx, c.idx + len(c.text))), None)
            agent, target = (own or target), agent
        if m.trigger.kind == "territory" and head.lemma_.lower() in LOSING_VERBS:
            # "the group lost Ramadi to the army", "the first city to fall to Islamic State": who took the
            # place is the side after "to"; who lost it, the subject of "lose"
            gainers = _pobj_of(head, {"to"})
            agent = gainers[0] if gainers else None
            target = subj if head.lemma_.lower() == "lose" and not passive else None
    else:
        # "Saturday's suicide bombing", "last week's attack": a time owns no act, it tells when
        poss = [c for c in _children(head, {"poss"}) if c.ent_type_ not in ("DATE", "TIME")]
        # "a Syrian government offensive ... has sent thousands fleeing": the parser may take the noun before an
        # event noun for its subject; it is the noun's modifier
        mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") or (
            c.dep_ == "nsubj" and c.i == head.i - 1 and c.pos_ == "NOUN" and head.pos_ == "NOUN")]
        # "an attack from rebels": by them; "the capture of the town from rebels": taken from them (the loser)
        by = _pobj_of(head, {"by"}) if m.trigger.kind == "territory" else \
            [g for g in _pobj_of(head, {"by", "from"}) if not _origin(g)]
        if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.lemma_.lower() in BACKING:
            by += _pobj_of(head.head.head, {"from"})   # "backed by air strikes from the coalition": the parser
            #                                              hangs who struck from the verb of backing
        for c in head.children:
            if c.dep_ == "acl" and c.lemma_.lower() not in BACKING | TOLD_BY | INSPIRING:
                # "missiles fired by regime forces"; not "an offensive backed by Russia" (an ally), nor "a gunman
                # described by police", "the bombing, condemned by the UN" (who tells of it or judges it)
                by += _pobj_of(c, {"by"})
            if c.dep_ in ("acl", "relcl"):       # "bombings blamed on the group"
                blamed = _blamed_on(c, c)          # (the clause itself tells the blame)
                by += [blamed] if blamed is not None else []
                by += _claimed_by_after(c)         # "an attack that killed 37 and was claimed by X"
        by += [g for c in _place_chain(head) for r in c.children if r.dep_ == "relcl" for g in _claimed_by_after(r)]
        by += _believed_by(head)
        blamed = _blamed_in_loose_clause(head)
        by += [blamed] if blamed is not None else []
        by += _claimed_by_beside(head)
        # "the man shot and killed by police": the noun's coordinated participle tells who did both
        by += [g for c in head.children if c.dep_ == "conj" and c.tag_ == "VBN" for g in _pobj_of(c, {"by"})]
        # "an IS-claimed suicide bombing", "a Taliban-claimed attack": who claimed it, before the hyphen
        claimer = next((g for c in head.children if c.dep_ == "amod" and c.lemma_.lower() == "claim"
                        and c.i > 0 and head.doc[c.i - 1].text == "-"
                        for g in c.children if g.i == c.i - 2), None)
        acted_on = head.dep_ == "dobj" and head.head.pos_ == "VERB" and \
            head.head.lemma_.lower() not in LIGHT_VERBS | NOT_AGENT_VERBS
        owned = acted_on and head.lemma_.lower() in OWNED_NOUNS
        if claimer is not None:
            agent = claimer
        elif owned or (acted_on and poss and poss[0].pos_ == "PRON"):
            # "a Russian jet has violated its airspace", "X stepped up its attacks": the verb's subject acted;
            # "violated Turkish airspace": whose airspace it is was struck
            subj, passive = _subject(head.head)
            agent = subj if subj is not None and not passive else None
            if owned:
                target = next((c for c in poss + mods if index.within(c.idx, c.idx + len(c.text))), None)
        elif poss and not _ranked_in(head, poss[0]):
            agent = _clause_subject_owning(poss[0], head) or poss[0]
        elif by:
            agent = by[0]
        else:
            for c in mods:
                if index.within(c.idx, c.idx + len(c.text)) or (
                        c.dep_ in ("compound", "nsubj") and role_phrase_in(c, patterns) is not None):
                    agent = c
                    break
                if c.dep_ in ("compound", "nsubj") and c.lemma_.lower() == "government" and \
                        getattr(role_phrase_in(head, patterns), "state", None):
                    agent = head           # "a government attack", "government air strikes": the state's forces
                    break
            if agent is None and head.dep_ in ("nsubjpass", "dobj"):
                agent = _blamed_on(head.head, head)     # "the bombing was blamed on the PKK"
            if agent is None and head.dep_ == "dobj":
                # "suffered two bombings blamed on the PKK", the clause parsed as the verb's
                agent = next((b for c in head.head.children if c.dep_ == "advcl" and c.tag_ == "VBN"
                              and c.i > head.i and not _children(c, {"nsubj", "nsubjpass"})
                              for b in [_blamed_on(c, c)] if b is not None), None)
            helper = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
            if agent is None and helper is not None and helper.lemma_.lower() in SUPPORT_NOUNS:
                # "driven back with the help of airstrikes from a U.S.-led coalition": who gave the help struck,
                # not the side it helped
                agent = next(iter(_pobj_of(helper, {"from", "by"})), None) or helper
            if agent is None:
                agent = _retaliated_by(head)
            if agent is None:
                # "forces ... have continued offensives" parsed with the verb as the noun's modifier; "a U.S.-led
                # coalition launching airstrikes against X", its doer hung from the verb as a bare noun before it
                agent = next((g for c in head.children if c.dep_ in ("amod", "acl") and c.pos_ == "VERB"
                              and c.i < head.i for g in c.children if g.dep_ == "nsubj" or (
                                  g.dep_ == "npadvmod" and g.i < c.i and c.tag_ == "VBG"
                                  and _names_a_side(g, index, patterns))), None)
            if agent is None:
                # "police arrested a suspect in the Paris attacks": who acts on an incident afterwards did not do it
                verb = _governing_verb(head) if not after_the_fact(head) else None
                carrier = _carrier(verb)
                if carrier is not None:
                    verb = _governing_verb(carrier)      # "Police used a robot rigged with explosives": used
                if verb is not None and head.dep_ == "pobj" and head.head.lower_ == "under":
                    # "rebels said they were under fierce government attack": who is under it was attacked
                    subj, _ = _subject(verb)
                    target = target or subj
                    verb = None
                if verb is not None and m.trigger.kind == "outcome" and verb.lemma_.lower() in REPORTING_VERBS:
                    verb = None               # "Hezbollah announced the deaths": who reports did not kill
                if verb is not None and verb.lemma_.lower() in BLAME_VERBS:
                    agent = _blamed_on(verb, head)
                    verb = None
                if verb is not None and (done := _what_it_seemed(verb)) is not None:
                    verb = done
                if verb is not None and verb.lemma_.lower() in COPULAS and not _in_attribute(head, verb):
                    verb = None
                if verb is not None and any(c.dep_ == "expl" for c in verb.children):
                    verb = None               # "saying there were some fatalities": no one is said to have acted
                if verb is not None and verb.lemma_.lower() in NOT_AGENT_VERBS:
                    # who reports an attack did not carry it out, unless it is the group's own outlet
                    agent = _own_outlet(verb, index)
                    verb = None
                if verb is not None and verb.lemma_.lower() in DYING_VERBS and m.coding.event_type != "Battles":
                    # "two soldiers died in a bomb attack": who died is its victim, never its agent (a battle's
                    # sides are left to the battle's own rules: both fight, and both may die)
                    subj, _ = _subject(verb)
                    target = target or (subj if subj is not None and subj.i != head.i else None)
                    verb = None
                if verb is not None:
                    subj, passive = _subject(verb)
                    passive = passive and not _partaking(verb)      # "were locked in fighting": a side
                    if subj is not None and subj.i != head.i and not passive and (
                            not (subj.i < head.i and head.i in {t.i for t in subj.subtree})
                            or _modified_noun(verb) == (subj,)):      # "women carrying suicide bombs"
                        agent = subj
                    # "a drone strike ... killed three soldiers": the verb's object is the target; not what
                    # the attack only caused ("the attack plunged France into grief", "sparked protests")
                    if head.dep_ == "nsubj" and head.head.i == verb.i:
                        objs = _children(verb, {"dobj"}) if verb.lemma_.lower() not in EFFECT_VERBS else []
                        target = objs[0] if objs else None
                        # "a gunman killed 20 people", "opened fire": a word for the one who attacks is the doer
                        # of the harm it does (not "gunmen were hiding in the house")
                        harming = {verb.lemma_.lower(), *(o.lemma_.lower() for o in objs)} & (HARM_WORDS | KILL_VERBS)
                        agent = head if harming and head.lemma_.lower() in PERSON_HEADS | patterns.unidentified_nouns \
                            else None
        if target is None and m.coding.event_type == "Battles":
            withs = _pobj_of(head, {"with", "against", "from"})   # "clashes with X", "took X from Y"
            target = withs[0] if withs else None
        between = _pobj_of(head, {"between"})
        if between and (_names_a_side(between[0], index, patterns)
                        or any(_names_a_side(c, index, patterns) for c in _conjuncts(between[0]))):
            agent = between[0]
            conj = _conjuncts(between[0])
            target = conj[0] if conj else None
    if m.coding.event_type == "Battles" and head.dep_ == "nsubj" and head.head.pos_ == "VERB" \
            and not _pobj_of(head, {"between"}):
        # "fighting flared anew in Aleppo between insurgents and the YPG", "clashes broke out between X
        # and Y": the sides of the fighting, hung from the verb it is the subject of
        pair = _sides_between(head.head, index, patterns)
        if pair is not None:
            agent, target = pair
    if target is None and m.trigger.kind == "territory" and not expelling(m):
        # "took back Islamic State-held villages", "the capture of 18 villages from Islamic State": who held them
        taken = _children(head, {"dobj"}) if head.pos_ in ("VERB", "AUX") else _pobj_of(head, {"of"})
        target = next((h for t in taken for x in (t, *_conjuncts(t)) for h in [_holder(x, index, patterns)]
                       if h is not None), None)
    if agent is not None and head.pos_ == "VERB" and m.coding.event_type == "Battles" and (
            (head.lemma_.lower() in RECIPROCAL and target is None)
            or (head.lemma_.lower() in RECIPROCAL | {"trade"} and target is not None
                and target.lemma_.lower() in EXCHANGED)):
        # "Turkish troops and PKK militants clashed", "X and Y exchanged (traded) fire": each side fought the other
        others = _conjuncts(agent)
        target = others[0] if others else target
    targets = _pobj_of(head, TARGET_PREPS)
    if agent is not None and agent in targets:
        targets = []                 # "blamed the attack on the Islamic State group": who was blamed
    if not targets and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and \
            head.head.lemma_.lower() in LIGHT_VERBS:
        targets = _pobj_of(head.head, TARGET_PREPS)     # "launched an attack on X"
    if target is None and targets:
        target = targets[0]
    if target is None and head.pos_ in ("NOUN", "PROPN"):
        target = _told_target_of(head)
    if target is None and head.pos_ == "NOUN" and m.trigger.kind not in ("territory", "transfer"):
        # "the shelling of Islamic State positions", "bombing of rebel-held areas": what was struck
        struck = [g for g in _pobj_of(head, {"of"}) if g.ent_type_ not in ("DATE", "TIME")]
        if struck and struck[0].lemma_.lower() in HELD_SITES | {"position", "post", "base", "stronghold"}:
            target = _held_by(struck[0], index, patterns) or (
                struck[0] if _names_a_side(struck[0], index, patterns) else None)
        elif struck and head.lemma_.lower() in HARMED_OF_NOUNS and struck[0].lemma_.lower() in FORCE_VICTIMS:
            # "the killing of two police officers", "the murder of a soldier": who was killed, never the killer
            target = struck[0]
    word = noun_anchor(m.head)
    if agent is None or (word.dep_ == "acl" and agent.i == word.head.i):
        agent = _stranded_modifier(word, index, patterns) or agent
    downer = _downed_by(head)
    if downer is not None:
        agent, target = downer, head
    if agent is not None:
        roles.side1 = resolve_phrase(agent, index, patterns)
        for c in _conjuncts(agent):
            if c is target or (target is not None and c.i == target.i):
                continue
            p = resolve_phrase(c, index, patterns)
            if p.actor and p.kind != "nationals" and p.actor != roles.side1.actor:
                roles.assoc1.append(p.actor)
    if target is not None and target.lemma_.lower() in HELD_SITES:
        # "attacked three villages held by Islamic State", "bombed rebel-held areas": the side struck is the
        # one holding them
        target = _held_by(target, index, patterns) or target
    if target is not None:
        roles.side2 = resolve_phrase(target, index, patterns)
        for c in _conjuncts(target):
            p = resolve_phrase(c, index, patterns)
            if p.actor and p.kind != "nationals" and p.actor != roles.side2.actor:
                roles.assoc2.append(p.actor)
    for c in _pobj_of(head, {"alongside"}) + _backers(agent) + _backers(head):
        p = resolve_phrase(c, index, patterns)
        if p.actor and p.actor != roles.side1.actor and p.actor not in roles.assoc1:
            roles.assoc1.append(p.actor)
    return roles


def _stranded_modifier(head: "Token", index: ActorIndex, patterns: EventPatterns) -> "Token | None":
    """"killed in heavy rebel shelling of ...", "Fighting and government shelling erupted": the word just
    before an event noun (or a gerund read as a noun's modifier) that names a side, parsed as no part of its
    phrase (the object of the preposition, or a conjunct), is who did it."""
    if head.i == 0 or head.tag_ not in ("NN", "NNS", "VBG") or head.dep_ not in ("advcl", "acl", "appos", "conj"):
        return None
    prev = head.doc[head.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.head.i == head.i or prev.dep_ not in ("pobj", "conj") \
            or head.head.i not in (prev.i, prev.head.i, prev.head.head.i):
        return None
    return prev if _names_a_side(prev, index, patterns) else None


DOWNED_AIRCRAFT = {"jet", "warplane", "aircraft", "plane", "helicopter", "drone", "fighter", "bomber"}


def _downed_by(head: "Token") -> "Token | None":
    """"Turkey's downing of a Russian warplane", "Turkish F-16s shot down a Russian jet": an aircraft
    brought down is the target (its owner's), who downed it the agent; the aircraft's own country did
    not strike."""
    if head.lemma_.lower() not in DOWNED_AIRCRAFT:
        return None
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() == "downing":
        owner = _children(head.head.head, {"poss"}) + _pobj_of(head.head.head, {"by"})
        return owner[0] if owner else None
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down"
                                                                      for c in verb.children):
        subj, passive = _subject(verb)
        return subj if subj is not None and not passive else None
    return None


def _names_a_side(tok: "Token", index: ActorIndex, patterns: EventPatterns) -> bool:
    found = resolve_phrase(tok, index, patterns)
    return found.actor is not None or found.phrase is not None


def _sides_between(tok: "Token", index: ActorIndex, patterns: EventPatterns) -> "tuple[Token, Token] | None":
    """"fighting between the rebels and the army": the two sides "between X and Y" names; none when neither
    names a side ("an offensive between the city of Aleppo and the Turkish border" names two places)."""
    for b in _pobj_of(tok, {"between"}):
        others = _conjuncts(b)
        if others and (_names_a_side(b, index, patterns) or _names_a_side(others[0], index, patterns)):
            return b, others[0]
    return None


def _held_by(place: "Token", index: ActorIndex, patterns: EventPatterns) -> "Token | None":
    """Who holds a place: "villages held by Islamic State", "Islamic State-held villages", "rebel-held
    areas" (a side, named or by its role word)."""
    for c in place.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in HOLDING:
            by = _pobj_of(c, {"by"})
            if by and _names_a_side(by[0], index, patterns):
                return by[0]
            if c.i >= 2 and place.doc[c.i - 1].text == "-":
                named = place.doc[c.i - 2]
                if _names_a_side(named, index, patterns):
                    return named
    # "Fallujah, which has been under Islamic State control since 2014": the side whose control it is under;
    # "a base that had been in the hands of rebels", "in rebel hands": the side whose hands it was in
    for clause in [place, *(c for c in place.children if c.dep_ == "relcl")]:
        rules = [r for r in _pobj_of(clause, {"under"}) if r.lemma_.lower() in HOLDING_NOUNS] + \
            [r for r in _pobj_of(clause, {"in"}) if r.lower_ == "hands"]
        for rule in rules:
            named = next((c for c in [*rule.children, *_pobj_of(rule, {"of"})] if c.dep_ in (
                "compound", "poss", "amod", "pobj") and _names_a_side(c, index, patterns)), None)
            if named is not None:
                return named
    return None


def _holder(place: "Token", index: ActorIndex, patterns: EventPatterns) -> "Token | None":
    """Who held a place taken: "Islamic State-held villages", "villages held by Islamic State",
    "18 villages from Islamic State" (a side after "from", not a place: "20 km from Aleppo")."""
    for c in place.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for g in c.children:
                if g.dep_ == "pobj" and _names_a_side(g, index, patterns):
                    return g
    return _held_by(place, index, patterns)


# "a strike believed to have been carried out by X": who is believed, thought or said to have done it
BELIEF_VERBS = {"believe", "think", "suspect", "say", "report", "understand", "presume"}


def _believed_by(head: "Token") -> list["Token"]:
    """"a drone strike believed to have been carried out by the United States" (the belief an acl of the
    noun, or parsed as its verb): the one named as having done it."""
    beliefs = [c for c in head.children if c.dep_ == "acl"]
    if head.dep_ in ("nsubj", "nsubjpass"):
        beliefs.append(head.head)
    for v in beliefs:
        if v.lemma_.lower() not in BELIEF_VERBS:
            continue
        for x in v.children:
            if x.dep_ == "xcomp" and x.lemma_.lower() in LIGHT_VERBS and x.tag_ == "VBN":
                found = _pobj_of(x, {"by"})
                if found:
                    return found
    return []


def _backers(tok: "Token | None") -> list["Token"]:
    """"forces, backed by Russian air strikes and Hezbollah fighters", "an offensive backed by Russia and
    Iran": who backs the agent or its action, with those coordinated with them (allies, not sides)."""
    if tok is None:
        return []
    found = [g for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in BACKING
             for g in _pobj_of(c, {"by"})]
    return found + [x for g in found for x in _conjuncts(g)]


def actor_entry(kb: Any, actor_id: str | None) -> Any:
    if kb is None or actor_id is None:
        return None
    actors = getattr(kb, "actors", None) or {}
    return actors.get(actor_id)


def as_forces(actor_id: str | None, *, kb: Any, index: ActorIndex, country: str | None = None) -> str | None:
    """A state named as the side of a violent event stands for its military forces."""
    if actor_id is None or kb is None:
        return actor_id
    entry = actor_entry(kb, actor_id)
    rec = index.by_id.get(actor_id)
    a_type = getattr(entry, "type", None) or (rec.type if rec else None)
    if a_type not in STATE_TYPES:
        return actor_id
    state_country = getattr(entry, "country", None) or (rec.country if rec else None) or country
    if not state_country:
        return actor_id
    forces = kb.state_actor(state_country, "military")
    return getattr(forces, "id", None) or actor_id


def generic(kind: str | None, country: str | None, *, kb: Any) -> str | None:
    """A generic ACLED actor id, e.g. Civilians (Syria), for a party known only by its kind."""
    if kind is None or kind == "armed" or kb is None or not country:
        return None
    entry = kb.generic_actor(kind, country)
    return getattr(entry, "id", None)
