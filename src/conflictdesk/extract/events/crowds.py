"""What crowds do, as ACLED codes it: the cause a demonstration protests, a demonstration met by the
authorities, and violence by ordinary people acting together (mob violence).

    mark_protested(drafts, patterns)             # "demonstrated against the killing of ...": context
    met_by_authorities(drafts, sents, text=..., patterns=...)   # "Police dispersed them." -> with intervention
    by_crowd(draft, patterns, armed=...)         # "a group of locals killed a suspected thief"

The word lists are data (`data/patterns/events.yaml`: crowd_nouns, protest_causes, intervention_verbs,
security_nouns, crowd_targets). Source: ACLED Codebook (2023), "Protests", "Riots".
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...taxonomy import ARMED_VIOLENCE
from .notes import Draft, absorb
from .patterns import Coding, EventPatterns
from .roles import DYING_VERBS, EFFECT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .triggers import Mention

WITH_INTERVENTION = Coding("Protests", "Protest with intervention", "141")
MOB_VIOLENCE = Coding("Riots", "Mob violence", "145")
VIOLENT_DEMONSTRATION = Coding("Riots", "Violent demonstration", "145")
THREAT_VERBS = {"threaten", "vow", "warn", "plan", "try", "attempt", "want"}
COLLECTIVE = {"mob", "crowd", "townspeople", "youth"}
FEW = {"two", "three", "2", "3"}          # "two people", "three men": a pair or a trio, no crowd
FOLLOWING_SENTENCES = 3          # how far after a demonstration its intervention may be told


def protest_cause(head: "Token", patterns: EventPatterns, *, words: frozenset[str] | None = None) -> bool:
    """Is a violent word of a demonstration's sentence what the crowd protests ("against the killing
    of", "demanding justice for a man who was shot", "after a pupil died", "on the anniversary of the
    massacre")? Its own "after"/"following", a relative clause telling who someone is, or a cause word
    among the words that govern it."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head       # "after he was shot and killed": the first of the joined verbs
    if first.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ in ("after", "following")
                                     for c in first.children):
        return True              # "demonstrated ... after a pupil died in a fire"
    tok = head
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() not in patterns.crowd_targets:
            return True          # "relatives of a man who was shot": who someone is, not what befell the crowd
        tok = tok.head
        if tok.lemma_.lower() in (patterns.protest_causes if words is None else words):
            return True
    return False


def _set_off(head: "Token") -> bool:
    """Is a demonstration told as what something set off ("the killing sparked protests", "he died, setting off
    protests", "the anger that fueled protests")? A causing verb among the words that govern it."""
    tok = head
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in EFFECT_VERBS or (tok.lemma_.lower() in ("set", "touch") and any(
                c.dep_ == "prt" and c.lower_ == "off" for c in tok.children)):
            return True
    return False


def mark_protested(drafts: list[Draft], patterns: EventPatterns) -> None:
    """In a sentence that tells of a demonstration, the violence it protests is context: background,
    and no force met by the demonstration (`Draft.protested`); so is the violence that set the
    demonstration off, outside the words of it. So is the violence an arrest of the sentence follows
    ("arrested two locals after the explosion")."""
    set_off = []
    if any(d.coding.event_type == "Protests" for d in drafts):
        words = patterns.protest_causes
        set_off = [d.mention.head for d in drafts if d.coding.event_type == "Protests" and _set_off(d.mention.head)]
    elif any(d.coding.sub_event_type == "Arrests" and d.kind != "label" for d in drafts):
        words = patterns.arrest_causes
    else:
        return
    for d in drafts:
        if (d.coding.event_type in ARMED_VIOLENCE or d.kind == "outcome") and (
                protest_cause(d.mention.head, patterns, words=words)
                or any(d.mention.head not in demo.subtree for demo in set_off)):
            d.protested = True
            d.salience = "background"


def _subjects(verb: "Token") -> list["Token"]:
    found = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    found = [g for c in found for g in ([c] if c.dep_ == "nsubj" else c.children)]
    if not found and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subjects(verb.head)      # "Police intervened and detained ...": the first verb's subject
    return found


def _names(tok: "Token", words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in words for c in tok.children)


# "warring parties", "belligerent factions": the sides of a war, never a crowd
WARRING = {"warring", "belligerent"}


def _warring(tok: "Token") -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in WARRING for c in tok.children)


def intervention_in(sent: "SpacySpan", patterns: EventPatterns) -> bool:
    """Does the sentence tell of the authorities meeting a crowd ("Police intervened in the event",
    "Security forces fired teargas", "21 people were arrested")?"""
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in patterns.intervention_verbs:
            continue
        if protest_cause(tok, patterns):
            continue             # "protested against the arrest of ...": the cause, not the intervention
        if any(_names(s, patterns.security_nouns) for s in _subjects(tok)):
            return True
        done_to = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(_names(o, patterns.crowd_targets) or (o.pos_ == "NUM") for o in done_to):
            return True
    return False


def met_by_authorities(drafts: list[Draft], sents: list["SpacySpan"], *, text: str,
                       patterns: EventPatterns) -> list[Draft]:
    """A peaceful protest the authorities met in its own sentence or the next ones of its paragraph
    ("Police intervened and detained 5 protesters.") is a protest with intervention; the arrests
    told there are that intervention, not events of their own."""
    starts = [s.start_char for s in sents]
    dropped: set[int] = set()
    for d in drafts:
        if d.coding.sub_event_type != "Peaceful protest" or d.status not in ("reported", "claimed"):
            continue
        k = next((i for i, s in enumerate(starts) if s == d.sent_start), None)
        if k is None:
            continue
        for j in range(k, min(len(sents), k + 1 + FOLLOWING_SENTENCES)):
            if j > k and "\n" in text[sents[j - 1].end_char:sents[j].start_char]:
                break
            if not intervention_in(sents[j], patterns):
                continue
            d.coding = WITH_INTERVENTION
            for a in drafts:
                if a.coding.sub_event_type == "Arrests" and a.sent_start == sents[j].start_char \
                        and a.status == d.status and a.kind != "label":
                    absorb(d, a)
                    if a.actor1 is not None and a.actor1 != d.actor1:
                        d.actor2 = a.actor1          # the crowd met the police that arrested them
                    elif d.actor2 == d.actor1:
                        d.actor2 = None
                    dropped.add(id(a))
            break
    return [d for d in drafts if id(d) not in dropped]


def _crowd_violence_in(sent: "SpacySpan", patterns: EventPatterns) -> bool:
    """Does the sentence tell of a crowd's own violence ("blocked the highway by setting obstacles on
    fire", "burnt several homes", "Demonstrators attacked vehicles"), not of the violence it protests
    nor of what the authorities did?"""
    for tok in sent:
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        fire = lemma == "set" and any(t.lower_ in ("fire", "ablaze", "alight") for t in tok.subtree)
        if lemma not in patterns.crowd_violence and not fire:
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            continue             # "their houses had been damaged by the works": done to them
        if tok.head.i != tok.i and tok.head.lemma_.lower() in THREAT_VERBS:
            continue             # "threatened to destroy the sites": a threat
        if any(c.dep_ == "dobj" and c.lemma_.lower() in patterns.symbolic_objects for c in tok.children):
            continue             # "burned effigies of the prime minister": a symbol, not violence
        spoken = patterns.spoken_targets
        if any(c.dep_ == "dobj" and (c.lemma_.lower() in spoken or c.lower_ in spoken) for c in tok.children):
            continue             # "diverted to attacking the news media": words, not violence
        if protest_cause(tok, patterns) or any(_names(s, patterns.security_nouns) for s in _subjects(tok)):
            continue
        return True
    return False


def violent_demonstrations(drafts: list[Draft], sents: list["SpacySpan"], *, text: str,
                           patterns: EventPatterns) -> None:
    """A demonstration whose crowd turns violent in its own sentence or the next one of its paragraph
    ("residents blocked the road by setting tyres on fire to demonstrate ...") is a violent
    demonstration (ACLED Codebook 2023, "Riots"), met by the authorities or not."""
    starts = [s.start_char for s in sents]
    for d in drafts:
        if d.coding.sub_event_type not in ("Peaceful protest", "Protest with intervention") \
                or d.status not in ("reported", "claimed"):
            continue
        k = next((i for i, s in enumerate(starts) if s == d.sent_start), None)
        if k is None:
            continue
        for j in range(k, min(len(sents), k + 2)):
            if j > k and "\n" in text[sents[j - 1].end_char:sents[j].start_char]:
                break
            if _crowd_violence_in(sents[j], patterns):
                d.coding = VIOLENT_DEMONSTRATION
                break


def done_by_crowd(m: "Mention", patterns: EventPatterns) -> bool:
    """A violent verb whose doers are a crowd of ordinary people ("residents beat a suspected thief",
    "members of two rival parties clashed", "a man was stabbed to death by people"): violence
    without any armed-conflict word around it."""
    head = m.head
    if m.trigger.kind != "event" or m.coding.event_type not in ARMED_VIOLENCE or head.pos_ != "VERB":
        return False
    doers = _subjects(head)
    doers = [g for d in doers for g in ([d] + [c for c in d.children if c.dep_ == "prep" and c.lower_ == "of"
                                               for c in c.children if c.dep_ == "pobj"]
                                       if d.lemma_.lower() in ("group", "member", "band") else [d])]
    return any((d.tag_ in ("NNS", "NNPS") or d.lemma_.lower() in COLLECTIVE) and _names(d, patterns.mob_nouns)
               and not _warring(d) for d in doers)


def by_crowd(d: Draft, patterns: EventPatterns, *, armed: Callable[[str], bool]) -> bool:
    """Violence whose agent is a crowd of ordinary people ("a group of locals", "residents", "a
    mob") and no organised armed group: mob violence. `armed(actor_id)`: is that actor armed?"""
    if d.coding.event_type not in ("Battles", "Violence against civilians") or d.kind in ("territory", "label") \
            or d.protested or (d.kind == "outcome" and d.mention.head.pos_ != "VERB"):
        return False             # "residents denounced the death of a driver": no one the crowd killed
    side1 = d.side1
    if side1.token is None or (side1.actor is not None and armed(side1.actor)) or side1.phrase is not None:
        return False
    head, tok = d.mention.head, side1.token
    if head.lemma_.lower() in DYING_VERBS:
        return False             # "63 people have died in air strikes": who died are the victims, never a mob
    if head.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children) \
            and not (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return False             # "left 20 people dead and more wounded": the people are its victims
    passive = tok.dep_ == "nsubj" and tok.head.tag_ == "VBN" and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in tok.head.children)
    if tok.dep_ == "nsubjpass" or passive or any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children):
        return False             # "with more than 20 people killed in the attack": victims, not attackers
    tok = side1.token
    if tok.lemma_.lower() != "party" and any(c.dep_ == "nummod" and c.lower_ in FEW for c in tok.children):
        return False             # "abducted by two people who stole her car": a pair or a trio is no crowd
    many = tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in COLLECTIVE   # one student who shot is no mob
    return many and _names(tok, patterns.crowd_nouns) and not _warring(tok)


# what a crowd of demonstrators does when it demonstrates ("protesters marched", "demonstrators gathered")
PROTEST_VERBS = {"protest", "march", "rally", "demonstrate"}
NOT_DOING = {"be", "have", "say", "tell", "find", "seem", "become", "remain", "need", "want"}
CROWD_PEOPLE = {"protester", "protestor", "demonstrator", "marcher", "picketer"}


CLASH_VERBS = {"clash", "scuffle", "brawl"}


def _clashed_with_protesters(head: "Token") -> bool:
    """"members of a group clashed with counter-protesters", "protesters clashed with police": a demonstration
    that turned violent, told as done in the past by a crowd on one side."""
    if head.tag_ != "VBD" or head.lemma_.lower() not in CLASH_VERBS:
        return False
    sides = [c for c in head.children if c.dep_ == "nsubj"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in CROWD_PEOPLE and t.tag_ == "NNS" for t in sides)


def demonstration_done(m: "Mention") -> bool:
    """A demonstration told as done, in the past, by a crowd: "protesters marched to the town hall",
    "demonstrators stood outside the court", "hundreds of farmers protested in the square"; not a
    demonstration named ("a rally", "in protest at"), planned, showing something or one person's complaint."""
    head = m.head
    if m.coding.sub_event_type == "Violent demonstration" and m.trigger.kind == "event":
        return _clashed_with_protesters(head)
    if m.coding.event_type != "Protests" or m.trigger.kind != "event":
        return False
    if head.lemma_.lower() in CROWD_PEOPLE and head.tag_ == "NNS":
        verb = head.head
        return head.dep_ == "nsubj" and verb.tag_ == "VBD" and verb.lemma_.lower() not in NOT_DOING
    if head.tag_ != "VBD" or head.lemma_.lower() not in PROTEST_VERBS:
        return False
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    return any(d.tag_ in ("NNS", "NNPS") or d.lemma_.lower() in COLLECTIVE or d.lemma_.lower() in ("dozen", "hundred",
               "thousand") for d in doers) and not any(c.dep_ == "ccomp" for c in head.children)
