"""Where, when, how many, how certain and how central: an event's attributes from its sentence.

- place: the first precise place of the sentence (a country or region only when nothing more
  precise is named; never a place word inside a longer actor name, "Axis" of "Axis of
  Resistance"), else earlier in the paragraph, else later in it, else the dateline;
- date: the nearest date mention in the sentence, else earlier in the paragraph; none: null;
- fatalities: deaths the sentence reports (killed, dead, died, bodies...), the lowest of
  conflicting figures for the same victims, 0 when it says nobody died; wounded are not killed;
  an ACLED coder's own figure ("Unknown fatalities coded as 10", "2 fatalities coded to this
  location", "split across 2 events") wins (coded_fatalities);
- count: "over 150 rocket and drone attacks" -> 150 at_least (never fatalities);
- status: reported / claimed / attempted / threatened / planned / negated / hypothetical;
- salience: main (the news) or background (context the article recalls).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import distance_km
from ...records import Count, DateMention, Place, Quantity
from ..dates import COARSE, PHRASE
from ..places.wording import DATELINE as DASH_DATELINE, SITE_HEADS, STRIKING_VERBS
from .apart import OTHER

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "hundred": 100, "a": 1, "an": 1, "single": 1, "lone": 1,
    # ACLED's codebook: several / few 3, many 10, dozens 12, hundreds 100
    "dozen": 12, "dozens": 12, "several": 3, "few": 3, "many": 10, "hundreds": 100, "scores": 20,
}
AT_LEAST = {"over", "more", "least", "than", "beyond", "exceeding"}
ABOUT = {"about", "around", "nearly", "approximately", "almost", "some", "roughly", "estimated"}
AT_MOST = {"up", "to", "fewer", "less", "under"}
DEATH_LEMMAS = {"kill", "killing", "die", "dead", "death", "fatality", "body", "corpse", "martyr",
                "succumb", "life", "fatally", "assassinate", "execute", "behead"}
KILL_VERBS = {"kill", "killing", "martyr", "assassinate", "execute", "behead"}
# "no fatalities", "without casualties"; not "has given no death toll" (no figure, not no deaths)
NO_DEATHS = re.compile(r"\b(no|neither|nor|without|zero)\b[\w\s,/-]{0,30}?\b(fatalit\w*|deaths?|casualt\w*|dead|"
                       r"killed|lives)\b(?!\s+(?:tolls?|figures?|counts?|numbers?|details?|information|reports?)\b)"
                       r"|\bno one (was|were) (killed|hurt|injured)|\bnobody was (killed|hurt)", re.IGNORECASE)
NEG_LEMMAS = {"lack", "deny", "absence", "without", "fail", "pause", "halt", "lull", "suspension", "cessation", "stop",
              "end"}
ATTEMPT_LEMMAS = {"attempt", "try", "foil", "thwart", "intercept", "fail", "attempted", "bid"}
THREAT_LEMMAS = {"vow", "threaten", "pledge", "warn", "promise", "resumption", "resume", "threat"}
PLAN_LEMMAS = {"plan", "prepare", "intend", "plot", "preparation", "future", "schedule", "aim", "upcoming", "expect",
               "planning", "plotting"}     # "involved in planning attacks" (the parse: a compound)
# a will to act, not the act: "is determined to recapture", "willing to send troops to battle", "ready to fight"
INTENT_WORDS = {"determined", "willing", "unwilling", "ready", "eager", "keen"}
REPORTING_VERBS = {"say", "tell", "report", "announce", "confirm", "state", "add", "specify", "disclose", "reveal",
                   "comment", "explain", "identify"}
# verbs of answering an incident in words ("the mayor on Sunday denounced the rape of a woman"): their day is of
# the words, as a reporting verb's is, not of the incident they name
REACTION_VERBS = {"condemn", "denounce", "deplore", "decry", "mourn", "lament", "criticize", "criticise"}
# prepositions that make an event the time another action is told by ("secured after a gunfight")
TIME_LANDMARK_PREPS = {"after", "before", "following", "since", "until", "during", "amid", "ahead"}
HYPO_MODALS = {"may", "might", "could", "would", "should", "can"}
# "air strikes could be heard", "we could see smoke": a witness's perception, not a possibility
PERCEPTION_VERBS = {"hear", "see", "feel", "smell", "watch"}
CLAIM_LEMMAS = {"claim", "responsibility"}
BACKGROUND_HEADINGS = re.compile(r"what does (this|it) mean|background|context|analysis|why it matters|"
                                 r"what happened before|history", re.IGNORECASE)
# ("not previously seen" tells what is new: no cue)
BACKGROUND_CUES = re.compile(r"\b(since (the )?\w* ?(attacks?|war|strikes?|conflict|fighting) (began|started)|"
                             r"earlier this (year|month)|last (year|month)|(?<!not )(?<!never )previously|"
                             r"in recent months|"
                             r"have been responsible|has been responsible)\b", re.IGNORECASE)


def number_in(tokens: list["Token"], quantities: list[Quantity]) -> tuple[int, str] | None:
    """The number a phrase states (value, qualifier), from Quantity records or the words."""
    if not tokens:
        return None
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t.text) for t in tokens)
    for q in quantities:
        if lo <= q.span.start and q.span.end <= hi:
            return q.value, q.qualifier
    for t in tokens:
        if _not_a_count(t):
            continue
        if t.like_num or t.lower_ in WORD_NUMBERS:
            value: int | None = None
            text = t.text.replace(",", "")
            if text.isdigit():
                value = int(text)
            elif t.lower_ in WORD_NUMBERS:
                if t.lower_ in ("a", "an") and not any(
                        n.lemma_.lower() in ("dozen", "hundred") for n in t.head.children):
                    value = 1 if t.head.tag_ in ("NN", "NNP") else None
                else:
                    value = WORD_NUMBERS[t.lower_]
            if value is None:
                continue
            words = {w.lower_ for w in tokens if w.i < t.i and t.i - w.i <= 3}
            if words & AT_LEAST:
                return value, "at_least"
            if words & ABOUT:
                return value, "about"
            if words & AT_MOST and "up" in words:
                return value, "at_most"
            return value, "exactly"
    return None


PERSON_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "man", "men", "ee", "ling", "ive", "al", "ite", "ary")
NOT_COUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
CUMULATIVE = re.compile(r"\b(since|so far|to date|in total|overall|altogether|over the past|over the last|"
                        r"in the past (few )?(years?|months?|decades?))\b", re.IGNORECASE)
# more deaths than this are a war's toll, unless the text tells them plainly of one incident ("the bombing
# killed 140,000 people")
INCIDENT_MAX = 5000
# incidents that, in the plural with a present perfect, tell a toll of many ("air strikes have killed 1,700")
MANY_INCIDENTS = {"strike", "airstrike", "attack", "raid", "bombing", "clash", "shelling", "bombardment", "assault",
                  "operation", "explosion", "blast"}
_SPAN_NUM = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few)"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# a toll over a span of time, not one incident's: "in three months of fighting", "over two years", "during
# the past five years", "in the past six days", "in one week", "during the first quarter", "Sunday through
# Wednesday", "between March 1 and March 9"
DURATION = re.compile(
    r"\b(?:in|over|during|within|across|throughout)\s+(?:the\s+)?(?:"
    rf"(?:past|last|first|previous|preceding)\s+(?:{_SPAN_NUM}\s+)?(?:\w+\s+)?"
    r"(?:days|weeks|months|years|decades|week|fortnight|month|quarter|year)"
    rf"|{_SPAN_NUM}\s+(?:\w+\s+)?(?:days|weeks|months|years|decades)"
    r"|(?:one|a|a single)\s+(?:week|fortnight|month|quarter|year))\b(?!\s+ago)"
    r"|\byears of\b"
    rf"|\b{_WEEKDAY}\s+(?:through|to|until|till)\s+{_WEEKDAY}\b"
    rf"|\b(?:from|between)\s+{_MONTH}\.?\s+\d{{1,2}}\s+(?:to|and|until|through)\s+(?:{_MONTH}\.?\s+)?\d{{1,2}}\b"
    r"|\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|and|until|through)\s+(?:19|20)\d\d\b",
    re.IGNORECASE)


def _not_a_count(t: "Token") -> bool:
    """A number that counts no one: a date ("Feb 5"), an age ("26-year-old"), money, a percentage."""
    if t.ent_type_ in NOT_COUNT_ENTS:
        return True
    doc = t.doc
    nxt = doc[t.i + 1:t.i + 4]
    after = "".join(x.text_with_ws for x in nxt).lower()
    if after.startswith(("-year", " year-old", " years old", "-month", "%", " percent", " per cent")):
        return True
    prev = doc[t.i - 1] if t.i > 0 else None
    return prev is not None and prev.text in ("$", "€", "£", "US$", "#", "No.")


def _cumulative(cue: "Token", toll_subjects: frozenset[str]) -> bool:
    """"the war has killed 250,000 people since 2011", "a war in which 100,000 people were killed":
    a cumulative toll, context rather than an event's fatalities."""
    chain = [cue] + _ancestors(cue, 4)
    for t in chain[:3]:
        subj = [c for c in t.children if c.dep_ in ("nsubj", "agent")]
        subj += [g for c in t.children if c.dep_ == "agent" for g in c.children]
        if t.dep_ == "relcl":
            subj.append(t.head)            # "a war that has killed ...", "a war in which ... were killed"
            subj += _antecedent(t)         # "the momentum Assad's way in the war that has killed ..."
        if any(x.lemma_.lower() in toll_subjects for x in subj):
            return True
        if _has_perfect(t) and any(x.tag_ == "NNS" and x.lemma_.lower() in MANY_INCIDENTS for x in subj):
            return True                    # "Russian air strikes have killed more than 1,700 civilians"
    verb = cue
    if cue.pos_ not in ("VERB", "AUX") and cue.dep_ in ("dobj", "nsubj", "nsubjpass") and cue.head.pos_ == "VERB":
        verb = cue.head                    # "had claimed 49 lives": the verb whose object the toll is
    clause = verb.head if verb.dep_ in ("xcomp", "conj", "advcl") else verb
    # "since 2011", "so far": a modifier of the death verb itself, not of a clause hanging off it
    # ("killed three soldiers, marking the first deaths since attacks began" is one event)
    mods = [c for t in {cue, verb, clause} for c in t.children if c.dep_ in ("prep", "npadvmod", "advmod", "pobj")
            or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children))]
    words = " ".join(x.text for c in mods for x in c.subtree)
    if DURATION.search(words):
        return True                        # "700 people were killed in three months of fighting"
    perfect = any(c.lower_ in ("has", "have") and c.dep_ == "aux" for t in (cue, verb, clause) for c in t.children)
    return bool(CUMULATIVE.search(words)) and (perfect or "since" in words.lower())


# hundreds killed in the perfect, with no one incident named, are a running toll of many incidents
RUNNING_TOLL_MIN = 100
ONE_INCIDENT = MANY_INCIDENTS | {"massacre", "ambush", "bomb", "explosion", "siege", "battle"}


LARGE_COUNT_WORDS = {"hundreds", "thousands", "millions"}
WAR_TOLL_WORDS = {"thousands", "millions"}      # deaths no one incident of the news brings, in any tense


def told_as_running_toll(head: "Token") -> bool:
    """"Israeli forces have killed at least 177 Palestinians", "Thousands of people have been killed in the
    renewed fighting", "air strikes have killed more than 1,700 civilians": a toll of hundreds or more told in
    the perfect, of no one incident, is the sum of many incidents over a time the report does not bound: the
    guide's aggregate, background. "120 people have been killed in two bombings" names its incidents."""
    cue = head
    if head.lemma_.lower() not in DEATH_LEMMAS:
        gerund = head.tag_ == "VBG" and head.dep_ in ("nsubj", "pobj")      # "Fighting ... killed thousands"
        if (head.pos_ not in ("NOUN", "PROPN") and not gerund) or any(c.dep_ == "nummod" for c in head.children):
            return False
        if head.lemma_.lower() in ONE_INCIDENT and head.tag_ not in ("NNS", "NNPS"):
            return False        # "a suicide bombing has killed 130": one incident's toll
        if head.dep_ in ("nsubj", "nsubjpass"):
            cue = head.head     # "air strikes have killed ..."
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            cue = head.head.head     # "... have been killed in the renewed fighting"
        else:
            return False
    if cue.lemma_.lower() not in DEATH_LEMMAS:
        return False
    for victim in _victims(cue):
        toks = _np_tokens(victim)
        if any(t.lower_ in WAR_TOLL_WORDS for t in toks) and _running_toll(cue, any_tense=True):
            return True         # "Fighting between the rebels and the army killed thousands of people": a war's toll
        if not _running_toll(cue):
            continue
        if any(t.lower_ in LARGE_COUNT_WORDS for t in toks):
            return True
        found = number_in(toks, [])
        if found is not None and found[0] >= RUNNING_TOLL_MIN:
            return True
    return False


def told_as_run_of_attacks(head: "Token") -> bool:
    """"has been a target of jihadist attacks that have killed dozens": incidents named in the plural, not
    counted nor made known by "the" or an owner, whose killing is told in the perfect (the noun or the killing
    its clause tells), a run of them the report does not bound: the guide's aggregate, background. Not "two
    bombings that have killed 40", nor "the attacks that have killed 40" (the news told again)."""
    if head.dep_ == "relcl" and head.lemma_.lower() in KILL_VERBS and _has_perfect(head):
        noun = head.head
    elif any(c.dep_ == "relcl" and c.lemma_.lower() in KILL_VERBS and _has_perfect(c) for c in head.children):
        noun = head
    else:
        return False
    if noun.lemma_.lower() not in MANY_INCIDENTS or noun.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("nummod", "poss") or (c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both"))
                   for c in noun.children)


def _running_toll(cue: "Token", *, any_tense: bool = False) -> bool:
    """"Israeli forces have killed at least 177 Palestinians", "189 Palestinians have been killed": a
    toll in the perfect (in any tense with `any_tense`) with no single incident as its subject or setting
    ("the bombing has killed 120", "120 have died in the blast" are one incident's)."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    if verb.pos_ not in ("VERB", "AUX") or not (any_tense or _has_perfect(verb)):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)         # "a bombing that has killed 120"
    settings = [g for c in verb.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    return not any(t.tag_ in ("NN", "NNP") and t.lemma_.lower() in ONE_INCIDENT for t in subjects + settings)


def _has_perfect(verb: "Token") -> bool:
    return any(c.lower_ in ("has", "have") and c.dep_ == "aux" for c in verb.children)


def _antecedent(relcl: "Token") -> list["Token"]:
    """The noun just before a relative clause's pronoun ("the war that has killed"), which the parser
    may not have made the clause's head."""
    pron = next((c for c in relcl.children if c.tag_ in ("WDT", "WP") or c.lower_ in ("that", "which")), None)
    if pron is None:
        pron = next((g for c in relcl.children if c.dep_ == "prep" for g in c.children
                     if g.tag_ in ("WDT", "WP")), None)      # "a war in which ..."
        if pron is not None:
            pron = pron.head
    if pron is None or pron.i == 0:
        return []
    before = pron.doc[pron.i - 1]
    return [before] if before.pos_ in ("NOUN", "PROPN") else []


def _np_tokens(tok: "Token") -> list["Token"]:
    out = [tok]
    stack = [c for c in tok.children if c.dep_ not in ("prep", "relcl", "acl", "punct", "cc", "conj", "appos")]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("prep", "relcl", "acl", "punct"))
    return sorted(out, key=lambda t: t.i)


# a sentence of death carried out ("was executed by lethal injection", "Texas executed a man convicted of ..."): the
# state's punishment after a trial, which ACLED does not code; the crime punished, if told, has its own words
EXECUTING = {"execute", "execution", "hang", "hanging"}
DEATH_PENALTY_CUES = {"injection", "chair", "electrocution", "gallows", "row", "inmate", "prisoner", "convict",
                      "convicted", "sentence", "sentenced", "penalty", "prison", "penitentiary", "court", "murder",
                      "conviction", "trial", "jury"}


def judicial_execution(head: "Token") -> bool:
    """"A man who killed three people was executed by lethal injection on Wednesday", "Texas executed a man
    convicted of killing a game warden", "the execution of a death row inmate": a death sentence carried out by a
    state (told with a court's, a prison's or the death penalty's words), no killing in a conflict; an execution by
    an armed group ("executed by Islamic State militants") names its doer, who is no state."""
    if head.lemma_.lower() not in EXECUTING:
        return False
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [g for c in head.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
              for g in c.children if g.dep_ == "pobj"]
    if head.pos_ == "NOUN":
        doers += [c for c in head.children if c.dep_ == "poss"]
    doers = [d for d in doers if d.lemma_.lower() not in DEATH_PENALTY_CUES and d.lemma_.lower() != "hanging"]
    if any(d.ent_type_ not in ("GPE",) for d in doers):
        return False
    words = {t.lemma_.lower() for t in head.sent} | {t.lower_ for t in head.sent}
    if "lethal" in words and "injection" in words or "death" in words and words & {"row", "penalty", "sentence"}:
        return True
    return bool(doers) and bool(words & DEATH_PENALTY_CUES)


def _in_other_incidents(cue: "Token") -> bool:
    """"three others were killed in two other incidents", "died in a separate attack": deaths of other events
    than the one the sentence tells."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and any(m.dep_ in ("amod", "det") and m.lower_ in OTHER for m in g.children)
        for g in c.children) for c in cue.children)


def _victims(cue: "Token") -> list["Token"]:
    """The noun phrase(s) naming who died, for one death cue."""
    lemma = cue.lemma_.lower()
    kids = list(cue.children)
    if lemma in KILL_VERBS and cue.pos_ in ("VERB", "AUX"):
        passive = [c for c in kids if c.dep_ == "nsubjpass"]
        if not passive and cue.tag_ == "VBN" and cue.dep_ == "pcomp" and not any(c.dep_ == "aux" for c in kids):
            passive = [c for c in kids if c.dep_ == "nsubj"]     # "with more than 20 people killed"
        if not passive and cue.dep_ == "conj" and cue.tag_ == "VBN":
            # "A woman was shot and killed": the subject of the first verb
            passive = [c for c in cue.head.children if c.dep_ == "nsubjpass"]
        if passive and passive[0].tag_ in ("WP", "WDT") and cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
            return [cue.head]                # "at least 15 people who were killed": the people the clause tells of
        if passive:
            return [passive[0]] + list(passive[0].conjuncts)
        objs = [c for c in kids if c.dep_ == "dobj"]
        if objs:
            return [objs[0]] + list(objs[0].conjuncts)
        if cue.dep_ in ("amod", "acl") and cue.head.pos_ in ("NOUN", "PROPN"):
            return [cue.head]
        return []
    if lemma in ("die", "succumb") and cue.pos_ in ("VERB", "AUX"):
        subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        return subj[:1]
    if lemma in ("death", "killing"):
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == "of":
                return [g for g in c.children if g.dep_ == "pobj"][:1]
        return [cue] if any(c.dep_ == "nummod" for c in kids) else []
    if lemma == "dead":
        if any(c.dep_ == "nummod" for c in kids):
            return [cue]
        if cue.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "advcl"):
            objs = [c for c in cue.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i < cue.i]
            return objs[:1]
        if cue.dep_ == "amod":
            return [cue.head]
        return []
    if lemma in ("fatality", "body", "corpse", "life"):
        return [cue]
    if lemma == "fatally" and cue.dep_ == "advmod" and cue.head.pos_ == "VERB":
        # "fatally shooting nine people", "two men were fatally stabbed": whom the blow struck died
        struck = [c for c in cue.head.children if c.dep_ == "nsubjpass"] or \
            [c for c in cue.head.children if c.dep_ == "dobj"]
        return [struck[0]] + list(struck[0].conjuncts) if struck else []
    return []


def _person_like(victim: "Token", cue: "Token", victim_nouns: frozenset[str]) -> bool:
    """Who died must be people: "five civilians", "two members of Hezbollah", "2 dead", not
    "$2.7 billion" of spending."""
    if not victim_nouns or victim.i == cue.i:
        return True
    if victim.ent_type_ in ("PERSON", "NORP") or victim.lemma_.lower() in victim_nouns or victim.lower_ in victim_nouns:
        return True
    if victim.ent_type_ in NOT_COUNT_ENTS:
        return False
    if victim.pos_ == "PRON" or victim.lower_ in WORD_NUMBERS or victim.like_num:
        # "killing two", "three of them", "two of its fighters": what the number counts, if it says
        of = [g for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
        return not of or of[0].pos_ == "PRON" or _person_like(of[0], cue, victim_nouns)
    lemma = victim.lemma_.lower()
    # agent nouns name people ("bombers", "loyalists", "officials", "trainees", "policemen")
    return victim.pos_ in ("NOUN", "PROPN") and lemma.endswith(PERSON_SUFFIXES) and len(lemma) > 4


def fatalities_in(sent: "SpacySpan", quantities: list[Quantity], *, text: str,
                  victim_nouns: frozenset[str] = frozenset(), toll_subjects: frozenset[str] = frozenset(),
                  tokens: frozenset[int] = frozenset()) -> int | None:
    """Deaths the sentence reports (only its `tokens`, given by index, when some are given): None when
    it says nothing about deaths. A count needs a death word governing it and people counted
    (`victim_nouns`); a cumulative toll (`toll_subjects`: "the conflict has killed 250,000 people since
    2011") is no event's fatalities."""
    groups: dict[str, int] = {}
    for tok in sent:
        if tok.lemma_.lower() not in DEATH_LEMMAS or (tokens and tok.i not in tokens):
            continue
        if _cumulative(tok, toll_subjects):
            continue
        if tok.lemma_.lower() == "life" and not any(a.lemma_.lower() in ("lose", "claim") for a in [tok.head]):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or any(c.lower_ == "no" for c in tok.children):
            continue
        if _in_other_incidents(tok) or judicial_execution(tok):
            continue        # "... was executed by lethal injection": the state's sentence, no one the event killed
        for victim in _victims(tok):
            if victim.lower_ in NO_ONE or (victim.lower_ == "one" and any(c.lower_ == "no" for c in victim.children)):
                continue        # "nobody was killed": no one died (NO_DEATHS below)
            if not _person_like(victim, tok, victim_nouns):
                continue
            toks = _np_tokens(victim)
            found = number_in(toks, [q for q in quantities if sent.start_char <= q.span.start < sent.end_char])
            if found is None:
                if victim.tag_ in ("NN", "NNP") and victim.lemma_.lower() not in ("fatality", "body", "life",
                                                                                  "death", "dead") \
                        and victim.lower_ not in ANY_ONE:
                    found = (1, "exactly")      # "a man was killed"
                else:
                    continue
            if found[0] > INCIDENT_MAX and not (found[1] == "exactly" and tok.tag_ == "VBD"):
                continue        # "more than 250,000 people have died": a war's toll, not one incident's
            if found[0] >= RUNNING_TOLL_MIN and _running_toll(tok):
                continue        # "Israeli forces have killed at least 177 Palestinians": a running toll
            key = victim.lemma_.lower()
            groups[key] = min(groups.get(key, found[0]), found[0])
    if groups:
        return sum(groups.values())
    if not tokens and NO_DEATHS.search(text[sent.start_char:sent.end_char]):
        return 0
    return None


_NUM = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
# ACLED coders' own statements of the figure they coded ("Unknown fatalities coded as 10.",
# "with 2 fatalities coded to this location", "fatalities split across 2 events")
CODED_HERE = re.compile(rf"\b{_NUM}\s+(?:\w+\s+)?(?:fatalities|fatality|deaths?|killed)\s+(?:were\s+|was\s+)?"
                        r"(?:coded|allocated|attributed|assigned)\s+(?:to|at|for|in)\s+(?:this|the)\s+"
                        r"(?:location|event|town|village|city|area)", re.IGNORECASE)
CODED_AS = re.compile(rf"\b(?:fatalities|fatality|deaths|casualties|number|unknown)\b[\w\s,()-]{{0,40}}?\b"
                      rf"(?:coded|estimated|recorded)\s+(?:as|to|at)\s+{_NUM}\b", re.IGNORECASE)
CODED_SPLIT = re.compile(rf"\b(?:split|spread|distributed|divided)\s+(?:evenly\s+)?(?:between|across|among|over|"
                         rf"into)\s+(?:the\s+)?{_NUM}\s+(?:\w+\s+)?(?:events|locations|places|towns|villages|areas)",
                         re.IGNORECASE)
SPLIT_OTHER = re.compile(r"\bsplit\s+with\s+(?:another|one\s+other|a\s+second)\s+(?:event|location)", re.IGNORECASE)
CODED_HALF = re.compile(r"\bfatalities\s+(?:were\s+)?coded\s+as\s+half\b", re.IGNORECASE)
UNKNOWN_DEATHS = re.compile(r"\bunknown\s+(?:number\s+of\s+)?(?:\w+\s+)?fatalities\b", re.IGNORECASE)
UNKNOWN_DEFAULT = 10     # ACLED's 2018 coders: an unknown number of deaths coded as 10


def _num(word: str) -> int:
    return int(word) if word.isdigit() else WORD_NUMBERS[word.lower()]


SPLIT_N = re.compile(rf"\b{_NUM}\s+(?:\w+\s+)?fatalities\s+(?:were\s+)?(?:split|spread|distributed|divided)\s+"
                     rf"(?:evenly\s+)?(?:between|across|among|over)\s+(?:the\s+)?{_NUM}\b", re.IGNORECASE)


def coded_fatalities(text: str) -> tuple[int | None, int, int] | None:
    """The fatalities an ACLED note says were coded for its event (None: the figure the note
    reports), the divisor of a split across events or locations, and where that statement starts."""
    m = CODED_HERE.search(text)
    if m:
        return _num(m.group(1)), 1, m.start()
    m = SPLIT_N.search(text)
    if m:
        return _num(m.group(1)), max(1, _num(m.group(2))), m.start()
    split = CODED_SPLIT.search(text)
    other = SPLIT_OTHER.search(text)
    divisor = max(1, _num(split.group(1))) if split else (2 if other else 1)
    m = CODED_AS.search(text)
    if m:
        return _num(m.group(1)), divisor, m.start()
    h = CODED_HALF.search(text)
    if h:
        return None, 2 * divisor, h.start()
    u = UNKNOWN_DEATHS.search(text)
    if u and divisor > 1:
        return UNKNOWN_DEFAULT, divisor, u.start()
    if divisor > 1:
        where = (split or other).start()  # type: ignore[union-attr]
        return None, divisor, where
    return None


PEOPLE_COUNTED = {"casualty", "victim", "injury", "wounded", "hostage", "captive", "detainee", "prisoner", "people",
                  "person", "civilian"}


ROUNDS_COUNTED = {"shot", "round", "bullet", "gunshot"}     # rounds fired in one shooting, not shootings


def count_of(head: "Token", quantities: list[Quantity]) -> Count | None:
    """"over 150 rocket and drone attacks": a number counting the trigger noun itself."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.lemma_.lower().endswith(("er", "or")) or head.lemma_.lower() in ("gunman", "gunmen", "mob"):
        return None       # "five suicide bombers" counts people, not attacks
    if head.lemma_.lower() in DEATH_LEMMAS or head.lemma_.lower() in PEOPLE_COUNTED:
        return None       # "claimed 49 lives", "freed 126 hostages": people, not a number of incidents
    if head.lemma_.lower() in ROUNDS_COUNTED:
        return None       # "heard a volley of three shots", "20 shots were fired": one shooting's rounds
    holders = [head] + [c for c in head.children if c.dep_ in ("compound", "nmod", "amod") and c.i < head.i]
    nums = [c for h in holders for c in h.children if c.dep_ in ("nummod",) or (c.dep_ == "amod" and c.like_num)]
    if not nums:
        return None
    toks = sorted({t for n in nums for t in n.subtree}, key=lambda t: t.i)
    found = number_in(toks, quantities)
    if found is None or (found[0] <= 1 and found[1] == "exactly"):
        return None       # "a one-way attack drone" is one event, not an aggregate of one
    return Count(found[0], found[1])  # type: ignore[arg-type]


def _ancestors(tok: "Token", limit: int = 8) -> list["Token"]:
    out = []
    t = tok
    for _ in range(limit):
        if t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    return out


def _absolute(chain: list["Token"]) -> list["Token"]:
    """The chain up to an absolute "with X underway" phrase: the talks are underway whatever the
    sentence's main clause says ("With talks underway, the group might weigh its options")."""
    for k in range(1, len(chain)):
        t, below = chain[k], chain[k - 1]
        if t.lower_ == "with" and t.dep_ == "prep" and (below.dep_ == "pobj" and any(
                (c.dep_ == "amod" or (c.dep_ == "acl" and c.tag_ == "VBN")) and c.i > below.i for c in below.children)
                or below.dep_ == "pcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children)):
            return chain[:k]      # "... ended a siege, with more than 20 people killed in the attack"
    return chain


NO_ONE = {"nobody", "none", "noone"}
# "shot anyone who was still there": people not counted, not one person
ANY_ONE = {"anyone", "anybody", "everyone", "everybody", "someone", "somebody"}
# verbs whose object is what someone asks for, not what happened
CALL_LEMMAS = {"urge", "demand", "advocate", "propose", "recommend", "request"}


def _called_for(head: "Token") -> bool:
    """The event is what a speaker calls for: the object of "urged", "demanded", "called for", "pushed
    for" ("Clinton urged increased intelligence gathering and more airstrikes"), or of the verb of
    their call ("urged Russia to stop air strikes"); protesters who are asked ("urged restraint on the part of
    protesters", "called for calm from demonstrators") are whom the call is to, no protest."""
    if _asked_of(head):
        return True
    tok = head
    for _ in range(4):
        if tok.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) \
                and tok.head.lemma_.lower() in CALL_LEMMAS | {"ask", "insist"}:
            return True           # "I'm going to ask that you arrest them", "demanded that police arrest him"
        if tok.dep_ in ("conj", "dobj", "xcomp", "pobj", "appos"):
            up = tok.head
        elif tok.dep_ == "pcomp" and tok.tag_ == "VBG":
            up = tok.head         # "called for bolstering coalition airstrikes": the call is for more of them
        elif tok.dep_ == "prep" and tok.lower_ == "for":
            up = tok.head
        else:
            return False
        if up.i == tok.i:
            return False
        if up.lemma_.lower() in CALL_LEMMAS and tok.dep_ in ("dobj", "xcomp", "conj"):
            return True
        if up.lemma_.lower() in ("call", "push", "press", "appeal", "lobby") and tok.dep_ == "prep":
            return True
        tok = up
    return False


def _asked_of(head: "Token") -> bool:
    """The noun is whom a call is made to: the object of "on" or "from" on the verb of calling ("called on
    protesters", "urged calm from demonstrators"), or of "on the part of" there."""
    if head.pos_ != "NOUN" or head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ == "of" and prep.head.lower_ == "part" and prep.head.dep_ == "pobj":
        prep = prep.head.head
    if prep.lower_ not in ("on", "from") or prep.dep_ != "prep":
        return False
    verb = prep.head
    return verb.lemma_.lower() in CALL_LEMMAS | {"call", "appeal"}


def _participle(chain: list["Token"]) -> list["Token"]:
    """The chain up to the event's own participle that modifies a noun ("26 Qatari hunters kidnapped last
    month ... have not yet been found": the kidnapping is not negated)."""
    t = chain[0]
    if t.dep_ == "acl" and t.tag_ in ("VBG", "VBN") and t.head.pos_ in ("NOUN", "PROPN"):
        return chain[:1]
    return chain


def _relative_clause(chain: list["Token"]) -> list["Token"]:
    """The chain up to the relative clause that holds the event: what a relative clause tells of its
    noun is told as fact, whatever the sentence says around the noun ("authorities were trying to determine
    whether the man who drove a truck into crowds, killing 84, had ties to militants": no attempt; "the gunman
    who attacked the station has not been identified": no negation)."""
    for k, t in enumerate(chain):
        if t.dep_ == "relcl" or (k == 0 and t.dep_ == "acl" and t.tag_ in ("VBG", "VBN")
                                 and t.head.pos_ in ("NOUN", "PROPN")):
            return chain[:k + 1]     # the event's participle is a reduced relative ("the man ..., killing 84 people")
    return chain


# "halted the talks after troops clashed", "has not held the town since rebels seized it": a past event told as
# the occasion of its sentence's main clause
OCCASION_MARKS = {"after", "when", "once", "since"}


def _occasion(chain: list["Token"]) -> list["Token"]:
    """The chain up to the clause that tells the event as what came before the main clause ("the envoy halted
    the talks after the army advanced", "agencies stopped deliveries after rebels shelled the airport"):
    what the main clause stops is not that past event."""
    for k, t in enumerate(chain):
        if t.dep_ == "advcl" and t.tag_ in ("VBD", "VBN") and any(
                c.dep_ == "mark" and c.lower_ in OCCASION_MARKS for c in t.children):
            return chain[:k + 1]
    return chain


# participles that bring in evidence of what a clause says: "as shown by", "as evidenced in", "as seen in"
EVIDENCE_VERBS = {"show", "evidence", "see", "demonstrate", "illustrate", "prove", "underline", "highlight"}


def _evidence(chain: list["Token"]) -> list["Token"]:
    """The chain up to an "as shown by ..." clause that holds the event: the example given as evidence happened,
    whatever the clause it illustrates denies ("the public has not escaped the group's violence, as shown by a 2013
    assault on a mall")."""
    for k, t in enumerate(chain):
        if k and t.dep_ == "advcl" and t.tag_ == "VBN" and t.lemma_.lower() in EVIDENCE_VERBS \
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return chain[:k + 1]
    return chain

# what a negated verb denies of an event noun that is its subject: that it took place ("the protest did not go
# ahead", "the attack never happened"); any other verb denies something of an event that did ("the bombing did not
# cause casualties", "the raids were not aimed at the embassy")
OCCURRING = {"happen", "occur", "take", "materialize", "materialise", "go", "come", "start", "begin", "proceed",
             "resume", "exist", "continue", "last", "pick", "erupt", "break", "unfold", "ensue", "spread"}


# nouns that name an event (not its doers: "gunmen did not attack", "jets did not bomb" deny the act)
EVENT_NOUNS = {"attack", "strike", "airstrike", "raid", "assault", "blast", "clash", "protest", "rally", "march",
               "riot", "offensive", "ambush", "fight", "battle", "arrest", "violence", "unrest", "incident", "siege",
               "massacre", "coup", "uprising", "skirmish", "crackdown", "purge", "sit-in", "strikes", "attacks"}
EVENT_ENDINGS = ("ing", "tion", "sion", "ment")


def _said_of_it(head: "Token", verb: "Token") -> bool:
    """Is the negated `verb` one saying something of the event noun `head`, its subject, not that it happened?"""
    word = head.lemma_.lower()
    return head.head.i == verb.i and head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() not in OCCURRING \
        and (word in EVENT_NOUNS or head.lower_ in EVENT_NOUNS or word.endswith(EVENT_ENDINGS))


def _aimed_at(verb: "Token") -> bool:
    """"the raids were aimed at the depot": a target, not an aim still to be reached ("aimed at
    retaking the town", "aims to")."""
    return verb.lemma_.lower() == "aim" and any(
        c.dep_ == "prep" and c.lower_ == "at" and any(g.dep_ == "pobj" and g.tag_ != "VBG" for g in c.children)
        for c in verb.children)


def _told_as_none(tok: "Token") -> bool:
    """"no soldiers", "no reports": a noun its determiner says there is none of."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def status_of(head: "Token", *, text: str) -> str:
    full = _absolute([head] + _ancestors(head))
    chain = _participle(full)               # what the sentence says around the event participle's noun is not its own
    # nor what its main clause stops (a death alone is no action the clause tells: "failed ... after it admitted
    # the leader had been dead")
    unstopped = chain if head.lemma_.lower() in DEATH_LEMMAS - KILL_VERBS else _occasion(chain)
    lemmas = [t.lemma_.lower() for t in chain]
    # "did not say where they were killed": a report's negation does not negate what it tells
    said = next((k for k, t in enumerate(chain) if k and t.lemma_.lower() in REPORTING_VERBS), len(chain))
    # nor does a main clause's negation deny the past event it is told after ("the army has not held a base
    # there since rebels captured the town in 2014": the capture happened)
    for t in _evidence(_occasion(chain))[:said]:
        if any(c.dep_ == "neg" for c in t.children) and t.pos_ in ("VERB", "AUX") and not _said_of_it(head, t):
            return "negated"
        if t.dep_ == "nsubj" and any(c.dep_ == "neg" for c in t.head.children) and not _said_of_it(head, t.head):
            return "negated"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return "negated"                       # "no arrests were reported"
    if any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
           for c in head.children):
        return "negated"                       # "the Nusra Front no longer being targeted"
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lower_ in NO_ONE or (c.lower_ == "one" and any(
            g.lower_ == "no" for g in c.children))) for c in head.children):
        return "negated"                       # "nobody was killed", "no one was hurt", "killed none"
    if any(c.dep_ in ("nsubj", "nsubjpass") and _told_as_none(c) for c in head.children):
        return "negated"                       # "no soldiers opened fire", "no shots were fired"
    told = head.head if head.dep_ == "acl" and head.pos_ == "VERB" else head
    if told.dep_ == "pobj" and told.head.lower_ == "of":
        told = told.head.head
    if told is not head and told.pos_ == "NOUN" and told.lemma_.lower() in REPORTING_VERBS and _told_as_none(told):
        return "negated"                       # "there were no reports of shots fired"
    # a stopping word negates what it governs ("the shelling stopped", "a halt to the raids"), not a verb
    # coordinated with the event: "wounded a teacher before being stopped and arrested" tells the arrest
    if any(t.lemma_.lower() in NEG_LEMMAS and unstopped[k - 1].dep_ != "conj" for k, t in enumerate(unstopped) if k):
        return "negated"
    if _called_for(head):
        return "hypothetical"                  # "urged more airstrikes on Islamic State territory"
    if _unreal(head):
        return "hypothetical"                  # "a potential attack", "simulated attack passes"
    if any(t.lemma_.lower() in CAPACITY for t in chain[1:6]):
        return "hypothetical"                  # "whether North Korea is even capable of the kind of strikes it threatens"
    # an attempt around a relative clause's noun is not the clause's event ("trying to determine whether the
    # man who drove a truck into crowds, killing 84, had ties to militants")
    if any(t.lemma_.lower() in ATTEMPT_LEMMAS for t in _relative_clause(full)[1:]) or head.lemma_.lower() == "attempt":
        return "attempted"
    # a vow or plan made after a past event is not that event's ("vowed revenge after a bomb killed 30")
    told = _occasion(chain)
    lemmas = lemmas[:len(told)]
    if any(lemma in THREAT_LEMMAS for lemma in lemmas[1:]):
        return "threatened"
    for t in told[:4]:
        if any(c.dep_ == "aux" and c.lower_ in HYPO_MODALS for c in t.children) and \
                t.lemma_.lower() not in PERCEPTION_VERBS:
            return "hypothetical"
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return "hypothetical"      # "a vote on whether to authorize a strike"
    for t in told[:2]:
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in t.children):
            return "hypothetical"      # "agreed to allow a strike if needed"
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in t.children):
            return "planned"
    if _scheduled(chain) and past_dated(head) is None:
        return "planned"       # "Texas is set to execute a man on Wednesday": scheduled, not done
    if (any(lemma in PLAN_LEMMAS and not _aimed_at(t) or intent(t) for lemma, t in zip(lemmas[1:], told[1:]))
            or any(c.lemma_.lower() in PLAN_LEMMAS and c.dep_ != "advcl" for c in head.children)) \
            and past_dated(head) is None:
        # (a plan in the event's adverbial clause is the circumstance of what happened: "was arrested as he
        # prepared a bomb attack", "killed while planning an ambush")
        return "planned"       # not "helping to plan last week's car bombing": that one happened
    if _purpose(head):
        return "planned"       # "an offensive to retake Mosul", "a campaign to reestablish control": the aim
    if any(t.lemma_.lower() in CLAIM_LEMMAS and not _claims_lives(t) and not _claim_denied(t) for t in chain[1:]):
        return "claimed"       # not "there was no immediate claim of responsibility for the blast"
    return "reported"


def intent(t: "Token") -> bool:
    """An adjective of will whose "to ..." the event is ("determined to recapture", "willing to send
    troops to battle"); not "determined" as a verb's participle ("police determined that ...")."""
    return t.pos_ == "ADJ" and t.lower_ in INTENT_WORDS and any(c.dep_ == "xcomp" for c in t.children)


# verbs whose "to ..." tells what happened ("managed to retake", "continued to shell", "appeared to target",
# "helped to push back"), not what someone aims at
FACTIVE = {"manage", "succeed", "continue", "begin", "start", "go", "proceed", "resume", "able", "use", "help",
           "appear", "seem", "happen", "come", "get", "keep", "dare", "fail",
           # fighters who move to take a place are told taking it ("looped round to the seafront to capture the port")
           "loop", "move", "advance", "push", "rush", "sweep", "swing", "storm", "enter", "march", "race", "pour"}


# what one can do, not what one did: "capable of the kind of strikes it threatens", "the capacity to strike"
CAPACITY = {"capable", "capability", "capacity", "incapable"}
# what qualifies an event noun as not (yet) real: "a potential attack", "possible strikes", "simulated attack
# passes", "a mock raid"
UNREAL = {"potential", "possible", "hypothetical", "eventual", "future", "would-be", "simulated", "mock",
          "fake", "practice", "imaginary", "fictional"}


def _unreal(head: "Token") -> bool:
    """The event noun, or the noun it modifies ("simulated attack passes"), is qualified as not real."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    nouns = [head] + ([head.head] if head.dep_ == "compound" and head.head.pos_ == "NOUN" else [])
    return any(c.dep_ == "amod" and c.lower_ in UNREAL for n in nouns for c in n.children)


AIM_NOUNS = {"goal", "purpose", "intention", "objective", "aim"}


def _purpose(head: "Token") -> bool:
    """The event is the aim of a to-infinitive ("an offensive to retake Mosul", "launched an operation to
    recapture Fallujah", "a campaign to reestablish control", "ordered troops to seize the border"), not
    something that happened; a perfect infinitive ("is believed to have killed") and the verbs of
    FACTIVE ("managed to retake") tell a fact."""
    verb = head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        verb = head.head                   # "to reestablish control over", "to take back full control"
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("to", "of") \
            and verb.head.head.lemma_.lower() in AIM_NOUNS | {"view"} and verb.head.head.dep_ == "pobj" \
            and verb.head.head.head.lower_ == "with":
        return True                        # "advanced with a view to capturing the city", "with the goal of retaking"
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.tag_ == "VB":
        verb = verb.head                   # "a campaign to degrade and destroy Islamic State"
    if verb.pos_ == "VERB" and verb.tag_ == "VB" and verb.dep_ == "ccomp" and verb.head.tag_ in ("VBZ", "VBP") \
            and any(c.dep_ == "nsubj" for c in verb.children):
        pass                               # "allows the United States to launch strikes from the base": what a
                                           # present verb lets or wants others do, as a rule, not a deed told
    elif verb.pos_ != "VERB" or verb.tag_ != "VB" or verb.dep_ not in ("acl", "advcl", "xcomp", "relcl"):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "to" not in auxes or "have" in auxes or _ranked_infinitive(verb):
        return False
    return verb.head.lemma_.lower() not in FACTIVE or offensive_between(verb.head, verb)


# what ranks a noun among others of its kind: "the first city to fall", "the only town to hold out"
RANKS = {"first", "last", "only", "latest"}


def _ranked_infinitive(verb: "Token") -> bool:
    """The infinitive tells what its ranked noun did ("Falluja was the first city to fall to the militants",
    "the second town to be retaken", "the biggest force to cross the border"): a fact, no aim; not "the next
    town to fall", a forecast."""
    if verb.dep_ not in ("acl", "relcl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("amod", "advmod") and c.i < verb.head.i and c.lower_ != "next"
               and (c.lower_ in RANKS or c.ent_type_ == "ORDINAL" or c.tag_ == "JJS") for c in verb.head.children)


OFFENSIVE_WORDS = {"offensive", "counteroffensive", "counter-offensive", "operation", "campaign", "assault", "push",
                   "drive", "battle", "fight", "onslaught", "attack", "counterattack", "counter-attack", "advance"}


def offensive_between(gov: "Token", verb: "Token") -> bool:
    """An offensive named between a verb and the infinitive the parser hangs off it ("began the early stages
    of an offensive to retake Mosul"): the infinitive is the offensive's aim."""
    lo, hi = sorted((gov.i, verb.i))
    # (the parser may tag the noun an adjective: "launched an offensive east of Mosul on Sunday to retake")
    return any(t.pos_ in ("NOUN", "ADJ") and t.lemma_.lower() in OFFENSIVE_WORDS for t in gov.doc[lo + 1:hi])


# "no one", "nobody", "none": no claimant
NO_CLAIMANT = {"nobody", "none", "noone"}


def _claim_denied(t: "Token") -> bool:
    """"there was no immediate claim of responsibility", "no one has claimed responsibility", "the group did
    not claim the attack": a claim told as not made, of the word itself or of the claim it belongs to."""
    # "claim of responsibility": the claim "responsibility" belongs to, through its preposition
    up = [t.head, t.head.head] if t.head.pos_ == "ADP" else [t.head]
    words = [t] + [w for w in up if w.lemma_.lower() in CLAIM_LEMMAS][:1]
    for w in words:
        if any(c.dep_ == "det" and c.lower_ == "no" or c.dep_ == "neg" for c in w.children):
            return True
        for subj in (c for c in w.children if c.dep_ == "nsubj"):
            if subj.lower_ in NO_CLAIMANT or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
                return True
    return False


def _claims_lives(t: "Token") -> bool:
    """"shelling had claimed 49 lives": a toll (the shelling killed them), not a claim of responsibility."""
    return t.lemma_.lower() == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "victim")
                                               for c in t.children)


SCHEDULED = {"set", "due", "poised"}      # "is set to", "is due to", "is poised to" + the event's verb


def _scheduled(chain: list["Token"]) -> bool:
    """"X is set to execute", "the court is due to rule": a passive or adjectival "be set/due to"
    above the event's verb schedules it."""
    for below, t in zip(chain, chain[1:4]):
        if below.dep_ == "xcomp" and t.lower_ in SCHEDULED and any(
                c.dep_ in ("aux", "auxpass", "cop") and c.lemma_ == "be" for c in t.children):
            return True
    return False


FUTURE_WORDS = {"next", "coming", "tomorrow", "upcoming", "future"}
DISTANT_PAST = {"last", "previous", "earlier", "ago"}


def past_dated(head: "Token") -> str | None:
    """"last week's car bombing", "Monday's attack": an event noun dated in the past by a possessive
    date. Returns "distant" (last week's, last month's: an earlier event the report recalls),
    "recent" (yesterday's, Monday's) or None (no such date, or a future one: "next week's vote")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in head.children:
        if c.dep_ != "poss" or c.ent_type_ not in ("DATE", "TIME"):
            continue
        words = {t.lower_ for t in c.subtree}
        if words & FUTURE_WORDS:
            return None
        return "distant" if words & DISTANT_PAST or any(t.shape_ == "dddd" for t in c.subtree) else "recent"
    return None


# spans of time an event noun can be told over: "weeks of rocket attacks", "months of fighting"
LONG_SPAN_NOUNS = {"week", "month", "year", "decade"}


def _of_head(head: "Token") -> "Token | None":
    """The noun an event noun's phrase hangs from by "of" ("weeks of [air strikes by jets]", "a series of
    attacks"), climbing through its own phrase; None when there is none."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    t = head
    for _ in range(6):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
            return t.head.head
        if t.dep_ not in ("conj", "compound", "amod", "pobj", "prep") or t.head.i == t.i or \
                t.head.pos_ not in ("NOUN", "PROPN", "ADP"):
            return None
        t = t.head
    return None


def spread_over(head: "Token") -> bool:
    """"in retaliation for weeks of rocket attacks", "after months of fighting", "years of air strikes by
    government jets": the event noun (or a word of its phrase) tells a run of incidents over weeks or more,
    not one of a day (ACLED codes such a run, if at all, as background with no day of its own). "Three
    days of clashes" can still be the news."""
    span = _of_head(head)
    return lasting(head) or span is not None and span.lemma_.lower() in LONG_SPAN_NOUNS and (
        span.tag_ == "NNS" or any(c.lower_ in ("several", "many", "few") for c in span.children))


# the shortest run, per unit, a compound of length names as longer than the day's news ("a 41-day occupation")
LASTING_MIN = {"day": 15, "week": 3, "month": 1, "year": 1, "decade": 1}


def lasting(head: "Token") -> bool:
    """"the 10-month battle at Verdun", "a 41-day occupation", "a two-year civil war", "a two-year-long
    war": an incident noun whose own length (a number-unit compound) is weeks or more tells a run,
    not the day's incident: background, with no day of its own. "A three-day battle" can still be the news,
    and "a 29-year-old gunman" is an age."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in head.children:
        unit = c
        if c.dep_ == "amod" and c.lower_ == "long":
            unit = next((g for g in c.children if g.dep_ == "npadvmod"), c)     # "a two-year-long war"
        elif c.dep_ not in ("compound", "nmod", "amod", "npadvmod"):
            continue
        least = LASTING_MIN.get(unit.lemma_.lower())
        if least is None:
            continue
        for n in unit.children:
            if n.dep_ != "nummod":
                continue
            value = int(n.text) if n.text.isdigit() else WORD_NUMBERS.get(n.lower_)
            if value is not None and value >= least:
                return True
    return False


SERIES_NOUNS = {"series", "spate", "string", "wave", "number", "campaign", "succession"}


def series_told(head: "Token") -> bool:
    """"The group has staged a series of attacks in the kingdom", "PKK militants had carried out a string of
    bombings": a run of incidents told in the perfect is a pattern the report recalls, not one incident."""
    span = _of_head(head)
    return span is not None and span.lemma_.lower() in SERIES_NOUNS and (
        _is_present_perfect(head) or _is_past_perfect(head) or _ranked_in(span))


def _ranked_in(series: "Token") -> bool:
    """"the latest in a spate of attacks", "the deadliest in a series of suicide bombings", "the third in a
    string of attacks": the run an incident is ranked in (a superlative or an ordinal before "in"), the
    incidents before it, not the one the report tells."""
    prep = series.head
    if series.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == prep.i:
        return False
    # "the third in a series": "in" hangs from the rank, or from the copula whose attribute the rank is
    ranks = [prep.head] + [c for c in prep.head.children if c.dep_ == "attr"]
    return any(r.tag_ == "JJS" or r.ent_type_ == "ORDINAL" or r.lower_ in ("latest", "last", "first") for r in ranks)


def _is_past_perfect(head: "Token") -> bool:
    """"The group had attacked the base in 2020" (context), but not reported speech's backshift
    ("a spokesman said the group's forces had fired missiles at the ship")."""
    if any(t.lemma_.lower() in REPORTING_VERBS and t.tag_ == "VBD" for t in _ancestors(head, 5)):
        return False
    for t in [head] + _ancestors(head, 3):
        auxes = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
        if "had" in auxes:
            return True
    return False


def _is_present_perfect(head: "Token") -> bool:
    for t in [head] + _ancestors(head, 3):
        if t.pos_ in ("VERB", "AUX") and t.tag_ == "VBN":
            auxes = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
            if "has" in auxes or "have" in auxes:
                return True
    return False


RECALLED_DAYS = 14        # an incident more than two weeks before its report is recalled, not the news
# an incident dated by a relative day more than this many days before the day of the news its report tells
# is what led to that news (the annotated dev articles code 1 such in 12 as main), not the news itself
NEWS_DAYS = 4


def salience_of(head: "Token", sent: "SpacySpan", *, text: str, section_background: bool,
                event_date: dt.date | None, published: dt.date | None) -> str:
    if section_background:
        return "background"
    if _is_past_perfect(head) or past_dated(head) == "distant" or spread_over(head) or _previous(head) \
            or _in_the_past(head) or after_the_fact(head) or accused_act(head):
        return "background"    # "after convicting them of plotting last week's car bombing"
    if event_date is None and _is_present_perfect(head) and CUMULATIVE.search(text[sent.start_char:sent.end_char]):
        # "Militants have carried out sporadic attacks since 2017": a pattern the article recalls
        return "background"
    if event_date is None and told_as_running_toll(head):
        return "background"    # "Israeli forces have killed at least 177 Palestinians": many incidents' toll
    if background_cue(head, sent, text):
        return "background"
    if told_as_pattern(head):
        return "background"    # "Hadi's forces have been battling the Houthis", "jets regularly strike"
    if event_date and published and (published - event_date).days > RECALLED_DAYS:
        return "background"
    if earlier_year(head, sent, published):
        return "background"
    return "main"


def background_cue(head: "Token", sent: "SpacySpan", text: str) -> bool:
    """A word of the event's sentence that sets what it tells before the report's news ("last month", "earlier
    this year", "previously"), not one told in an "after", "since" or "following" phrase the trigger is not in
    ("protesters blocked a highway on Wednesday after his death in custody last month": the month is the
    death's, the blockade the news)."""
    phrases = [p for p in _sequence_phrases(sent) if head.i not in p]
    for cue in BACKGROUND_CUES.finditer(text, sent.start_char, sent.end_char):
        words = sent.doc.char_span(cue.start(), cue.end(), alignment_mode="expand")
        if words is None or not any(all(w.i in p for w in words) for p in phrases):
            return True
    return False


HABITUAL = {"regularly", "repeatedly", "routinely", "frequently", "often", "daily", "constantly", "long",
            "sporadically", "periodically", "continually", "continuously", "increasingly", "usually",
            "historically", "traditionally", "typically", "generally", "normally", "habitually"}
ONGOING = {"continue", "keep"}
# how often a run of incidents recurs, told as a phrase: "on a near-daily basis", "every week", "almost daily"
FREQUENCY_UNITS = {"day", "week", "month", "night"}
FREQUENCY_WORDS = {"daily", "near-daily", "nightly", "weekly", "monthly", "regular", "frequent", "routine"}


def told_with_frequency(verb: "Token") -> bool:
    """A verb told with how often its incidents recur: an advmod of habit ("often", "almost daily"), "on a
    (near-)daily basis", "every day", "each week"."""
    for c in verb.children:
        if c.dep_ == "advmod" and (c.lower_ in HABITUAL or c.lower_ in FREQUENCY_WORDS):
            return True
        if c.dep_ == "npadvmod" and c.lemma_.lower() in FREQUENCY_UNITS \
                and any(g.lower_ in ("every", "each") for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "on":
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() == "basis" \
                        and any(w.lower_ in FREQUENCY_WORDS or w.lower_.endswith("-daily") for w in g.subtree):
                    return True
    return False


def _habitual(head: "Token") -> bool:
    """A pattern, not an incident: "have been battling" (present perfect progressive), "regularly
    struck", "continues to launch attacks"."""
    for t in [head] + _ancestors(head, 3):
        if t.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
        if t.tag_ == "VBG" and "been" in auxes and ({"has", "have"} & set(auxes)):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in t.children) or told_with_frequency(t):
            return True
        if t.lemma_.lower() in ONGOING and t.tag_ in ("VBZ", "VBP"):
            return True
        break
    return False


# "an earlier shooting", "the recent protest at the refuge": an incident named as before the report's news
PREVIOUS_WORDS = {"previous", "past", "prior", "former", "earlier", "recent"}


def _previous(head: "Token") -> bool:
    """"Previous attacks in Lebanon have been claimed by the IS group", "past bombings": incidents before
    the one the report tells."""
    return head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in PREVIOUS_WORDS
                                                  for c in head.children)


def _in_the_past(head: "Token") -> bool:
    """"militants ... have all carried out attacks in the past": the event's clause is set in the past."""
    for t in [head] + _ancestors(head, 3):
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "past" and g.dep_ == "pobj" for g in c.children)
               for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX"):
            break
    return False


# what is done about an incident after it, or who took part in it: "a suspect in the Paris attacks", "charged over
# the bombing", "a participant in the attacks",
# "an investigation into the shooting", "arrested in connection with the attack"
AFTER_NOUNS = {"suspect", "accomplice", "investigation", "probe", "inquiry", "trial", "connection", "role",
               "involvement", "part", "anniversary", "memorial", "commemoration", "victim", "survivor", "witness",
               "conviction", "sentence", "charge", "verdict", "case", "participant"}
AFTER_VERBS = {"charge", "convict", "sentence", "try", "indict", "suspect", "accuse", "detain", "arrest", "jail",
               "prosecute", "question", "interrogate", "investigate", "probe", "extradite", "acquit", "implicate",
               "link", "tie", "connect", "commemorate", "mark", "mourn", "clear", "exonerate", "absolve"}
AFTER_PREPS = {"in", "for", "over", "of", "with", "into", "to"}


def after_the_fact(head: "Token") -> bool:
    """The event noun is what a suspect, a trial, an arrest or a memorial is about: the incident came before
    the report's news ("arrested a suspect in the Paris attacks on Friday": Friday is the arrest's). So is a verb
    of a relative clause told inside such a noun's phrase ("arrested in connection with attacks on two shops that
    injured three people", wherever the parser hangs the clause)."""
    if head.pos_ == "VERB":
        verb = head
        while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
            verb = verb.head        # "that killed one dog and injured three others"
        return verb.dep_ == "relcl" and _in_after_the_fact_phrase(verb.head)
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    t = head
    while t.dep_ in ("conj", "compound") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in AFTER_PREPS:
        return False
    owner = t.head.head
    if owner.lower_ == "connection" or owner.lemma_.lower() in AFTER_NOUNS:
        return True
    return owner.pos_ == "VERB" and owner.lemma_.lower() in AFTER_VERBS


def _in_after_the_fact_phrase(noun: "Token") -> bool:
    """The noun is an after-the-fact event noun (`after_the_fact`) or hangs in one's phrase through its
    prepositions and the participles that modify its nouns ("attacks on two buses carrying pilgrims to a shrine")."""
    t = noun
    for _ in range(8):
        if t.pos_ in ("NOUN", "PROPN") and after_the_fact(t):
            return True
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "dobj", "compound", "conj") and t.head.i != t.i:
            t = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head
        elif t.pos_ == "VERB" and t.dep_ == "acl" and t.tag_ in ("VBG", "VBN"):
            t = t.head
        else:
            return False
    return False


# what a crime someone is accused, charged, convicted or suspected of is told with ("accused of killing four
# people", "pleaded guilty to shooting", "jailed for bombing"): the act came before the report's news
ACCUSED_WORDS = AFTER_VERBS | {"guilty", "innocent", "plead", "admit", "confess", "deny"}


def accused_act(head: "Token") -> bool:
    """The trigger verb is the act someone is accused, charged, convicted or suspected of ("a man accused of
    killing four people kept a journal, prosecutors said on Saturday"): an incident before the news the report
    tells (`accused_act_times`)."""
    return _accused_phrase(head) is not None


def _accused_phrase(head: "Token") -> "Token | None":
    """The verb of the phrase "of killing ..." / "with shooting ..." / "of attempting to bomb ..." the trigger
    is in, when what governs it is an accusation (`ACCUSED_WORDS`), else None; for an event noun, that of the
    verb it is the object of ("confessed to planting a bomb", "charged with carrying out the attack")."""
    t = head.head if head.pos_ == "NOUN" and head.dep_ == "dobj" else head
    if t.pos_ != "VERB":
        return None
    while t.dep_ in ("conj", "xcomp") and t.head.i != t.i and t.head.pos_ == "VERB":
        t = t.head
    if t.dep_ != "pcomp" or t.head.lower_ not in ("of", "with", "for", "to", "in"):
        return None
    return t if t.head.head.lemma_.lower() in ACCUSED_WORDS else None


def accused_act_times(head: "Token", dates: list[DateMention]) -> frozenset[int]:
    """Start offsets of the dates of the trigger's sentence told outside the accused act's own phrase ("a man
    suspected of shooting a pastor was arrested on Tuesday": Tuesday is the arrest's); one told in it stays
    the act's ("accused of shooting her to death at their home in May 2014"). Empty for any other trigger."""
    act = _accused_phrase(head)
    if act is None:
        return frozenset()
    inside = {t.i for t in act.subtree}
    return frozenset(d.span.start for d, span in _sentence_date_spans(head, dates)
                     if not told_in_clause(span, inside))


PRESENT_AUX = {"is", "are", "am", "'s", "'re"}


def _event_verb(head: "Token") -> "Token | None":
    """The verb whose clause tells the event: the trigger itself when a verb (an infinitive's, the verb it
    is the aim of: "are in a major operation to retake"), else the verb an event noun is the subject or object
    of, directly or through a preposition."""
    return _event_clause(head)[0]


def _event_clause(head: "Token") -> tuple["Token | None", list["Token"]]:
    """The verb of `_event_verb` and the tokens climbed to reach it (the trigger first): the path tells
    whether an event noun is the verb's subject ("the capture of the towns has opened the road")."""
    tok, path = head, []
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and not (tok.tag_ == "VB" and tok.dep_ in ("xcomp", "advcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            return tok, path
        path.append(tok)
        if tok.pos_ in ("VERB", "AUX"):      # "to retake": the clause of the verb it is the aim of
            tok = tok.head
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "prep", "agent") or tok.head is tok:
            return None, path
        tok = tok.head
    return None, path


def _subjects_clause(verb: "Token | None") -> "Token | None":
    """A participle with no auxiliary that modifies a clause's subject (a reduced relative: "fighters backed by air
    strikes are in an operation to retake the town") has no tense of its own: the time is that of the clause
    whose subject it tells of. Any other verb is its own."""
    if verb is None or verb.tag_ != "VBN" or verb.dep_ != "acl" or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return verb
    noun = verb.head
    while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
        noun = noun.head          # "the army, police and fighters backed by ...": the subject the list is
    return noun.head if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") else verb


def told_in_present(head: "Token") -> bool:
    """An event told as what is going on as the report is written, in the present tense or progressive
    ("troops are advancing on the city", "forces are in a major operation to retake it", "protesters have been
    demonstrating for weeks", "civilians are being caught in the crossfire"): it runs over days the report does
    not bound, so neither the report's day nor a day carried from another sentence is its date (the annotation
    guide leaves an ongoing action undated); a day its own sentence gives still is. Not a headline's present
    ("Suicide bomber hits cafe"), told of a past incident: only a sentence that ends as prose does; nor a verb
    of saying ("officials say the attack ...")."""
    if not _prose(head):
        return False
    verb = _subjects_clause(_event_verb(head))
    if verb is None or verb.lemma_.lower() in REPORTING_VERBS:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN" and auxes & {"has", "have", "'ve"} and any(
            (c.lower_ == "since" and c.dep_ == "prep") or (c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in c.children)) for c in verb.children):
        # a run up to now: "protesters have gathered outside the mansion since the shooting", "militants have
        # attacked police posts since the truce collapsed"
        return True
    if verb.tag_ == "VBG":
        # "are advancing"; "have been demonstrating" (the present perfect progressive)
        return bool(auxes & PRESENT_AUX) or ("been" in auxes and bool(auxes & {"has", "have", "'ve"}))
    if verb.tag_ == "VBN" and "being" in auxes:
        return bool(auxes & PRESENT_AUX)      # "are being caught in the crossfire"
    # the copula's present: "are in a major operation", "is under way"
    return verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and not auxes


def told_in_perfect(head: "Token") -> bool:
    """An event told in the perfect with no day of its own ("the militants have focused their attacks on police
    posts", "raids have killed dozens", "a monitor said rebels had seized two villages"): English leaves the time
    of a perfect unsaid (done before now, or before the saying, at no time the writer names), so the report gives
    no way to its day and the report's own date is not it (the annotation guide: null). Not an event noun that is
    the perfect's subject ("the capture of the two towns has opened the road"): the perfect tells what the
    capture brought about, not when; nor a headline ("Rebels have seized town"), nor a verb of saying. A lead's
    perfect told again with its day ("Turkey says a Russian jet has violated its airspace ... violated it on
    Friday") is one incident with that day: the day of the merged telling dates it (`notes.absorb`)."""
    if not _prose(head):
        return False
    verb, path = _event_clause(head)
    if verb is None or verb.lemma_.lower() in REPORTING_VERBS or verb.tag_ != "VBN":
        return False
    if any(t.dep_ in ("nsubj", "nsubjpass", "csubj") for t in path) or _time_landmark(path):
        return False
    return bool({c.lower_ for c in verb.children if c.dep_ == "aux"} & {"has", "have", "'ve", "had", "'d"})


def _time_landmark(path: list["Token"]) -> bool:
    """The event noun is what another action is timed by ("the campus had been secured after a three-hour
    gunfight"): the perfect is that action's, not the event's."""
    return any(t.dep_ == "prep" and t.lower_ in TIME_LANDMARK_PREPS for t in path)


def _prose(head: "Token") -> bool:
    """The trigger's sentence ends as prose does (a full stop, a question or exclamation mark, before any closing
    quote), not as a headline or a caption line."""
    words = [t.text for t in head.sent if not t.is_space and t.text not in ('"', "\u201d", "'")]
    return bool(words) and words[-1] in (".", "!", "?")


def told_as_pattern(head: "Token") -> bool:
    """A pattern of violence rather than one incident: habitual ("has historically struck", "regularly
    shelled"), a series told in the perfect, or a run over weeks or more ("weeks of rocket attacks")."""
    return _habitual(head) or series_told(head) or spread_over(head)


def earlier_year(head: "Token", sent: "SpacySpan", published: dt.date | None) -> bool:
    """"Karadzic was arrested in 2008", "the 1995 Srebrenica massacre": a year before the report's
    own, in the event's clause, tells history. Not "the worst attack since 2014", nor "the first
    truce since the war began in 2011" (a year inside a since-phrase dates something else)."""
    return history_year(head, sent, published) is not None


# how a year sits inside a noun's phrase ("the 2015 attacks", "his 2014 arrest"): it dates that noun
YEAR_MODIFIER_DEPS = {"compound", "nummod", "amod", "nmod", "poss"}
# prepositions that time the act by the dated noun rather than name what it is about
TIME_PREPOSITIONS = frozenset({"ahead", "before", "after", "during", "following", "until", "amid", "in", "at"})


def history_year(head: "Token", sent: "SpacySpan", published: dt.date | None) -> int | None:
    """The year before the report's own that dates the event's clause (`earlier_year`), or None."""
    if published is None:
        return None
    for t in sent:
        year = _year_before(t, published)
        if year is None:
            continue
        chain = [t] + _ancestors(t, 6)
        if _year_of_an_object(t, head):
            continue             # "arrested two men over the 2015 attacks": the year is the attacks', not the arrest's
        if any(a.dep_ in ("relcl", "acl") and a.head.i == t.i for a in [head] + _ancestors(head, 6)):
            return year          # "the first murder on campus since 1966, when a Marine opened fire": 1966's own
        if any(a.lower_ == "since" or any(c.lower_ == "since" and c.dep_ in ("mark", "prep") for c in a.children)
               for a in chain[:4]):
            continue
        if head in chain:
            return year
        verb = next((a for a in chain if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and (verb is head or verb in _ancestors(head, 6)) and not _other_conjunct(head, verb, t):
            return year
    return None


def _year_of_an_object(year: "Token", head: "Token") -> bool:
    """The year sits in the phrase of a noun the trigger governs as its object or in a prepositional phrase
    ("arrested two men over the 2015 attacks", "gathered to mark the anniversary of the 2014 massacre"): it
    dates that noun's event, not the trigger's. Not a month's year ("in June 2013"), nor the year of the
    trigger's own subject ("a 2004 attack on the consulate killed nine")."""
    noun = year.head
    if year.dep_ not in YEAR_MODIFIER_DEPS or noun.pos_ not in ("NOUN", "PROPN") or noun.i == head.i \
            or noun.ent_type_ in ("DATE", "TIME"):
        return False
    t = noun
    for _ in range(6):
        if t.dep_ in ("nsubj", "nsubjpass", "csubj", "ROOT") or t.head.i == t.i:
            return False
        t = t.head
        if t.i == head.i:
            return True
        if t.lower_ in TIME_PREPOSITIONS:
            return False     # "arrested ahead of a 2015 ceremony", "killed in the 2014 war": the year times the act
    return False


def _other_conjunct(head: "Token", verb: "Token", year: "Token") -> bool:
    """The trigger is in a clause with its own subject coordinated after the one the year dates ("the station
    was attacked in 2012, but Monday's bombings were the first ..."): the year is the first clause's. A year
    told before its verb ("In 2008, gunmen stormed a hotel and police killed ten") opens both."""
    if year.i < verb.i:
        return False
    for t in [head, *_ancestors(head, 6)]:
        if t.i == verb.i:
            return False
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            return True
    return False


def _year_before(t: "Token", published: dt.date) -> int | None:
    """The year a token names when it is before the report's own: "2008", or the first year of a decade
    over by then ("in the 2000s", "the 1990s": not "the 2010s" in 2016)."""
    if t.shape_ == "dddd" and 1900 <= int(t.text) < published.year:
        return int(t.text)
    if t.shape_ == "ddddx" and t.lower_.endswith("s") and t.text[3] == "0" and 1900 <= int(t.text[:4]) \
            and int(t.text[:4]) + 9 < published.year:
        return int(t.text[:4])
    return None


def section_flags(text: str) -> list[tuple[int, bool]]:
    """(start offset, is background) for each section; a heading line opens a section."""
    flags = [(0, False)]
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and len(stripped) < 60 and not stripped.endswith(".") and pos > 0:
            flags.append((pos, bool(BACKGROUND_HEADINGS.search(stripped))))
        pos += len(line)
    return flags


def in_background_section(flags: list[tuple[int, bool]], offset: int) -> bool:
    current = False
    for start, bg in flags:
        if start > offset:
            break
        current = bg
    return current


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")


def _one_sentence_paragraph(text: str, para: int) -> bool:
    """The paragraph before the one starting at `para` is one sentence, after a blank line."""
    if para < 2 or text[para - 1] != "\n" or text[para - 2] != "\n":
        return False
    end = para
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = paragraph_start(text, end)
    return end > start and not _SENTENCE_END.search(text, start, end)


def paragraph_start(text: str, offset: int) -> int:
    i = text.rfind("\n", 0, offset)
    return 0 if i == -1 else i + 1


def _distance(a_start: int, b_start: int) -> int:
    return abs(a_start - b_start)


DATELINE = re.compile(r"(,\s*[A-Z][\w .]{1,30})?\s*[-\u2013\u2014]")
# wire copy without a dash: "BEIRUT Four suicide bombers ...", "DIYARBAKIR/ISTANBUL, Turkey Eight ..."
BARE_DATELINE = re.compile(r"\s*[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
                           r"(?:/[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?)*"
                           r"(?=\s+[A-Z\"“‘'][a-z]|\s+[A-Z]\s|\s+\d)")
PRECISION_PENALTY = {"country": 400, "admin1": 150, "sea": 150, "region": 150}
LEAD_CHARS = 400              # the lead: where a report says what happened where
SAME_PLACE_KM = 25.0          # mentions this close name one place (ACLED's location tolerance)


def _dateline(p: Place, text: str, *, dashed: bool = False) -> bool:
    """A place opening the text as its dateline: "BEIRUT —", "KIRKUK, Iraq, March 4 (NIW) -", or
    (unless `dashed`) the capitals before the first sentence of wire copy ("DIYARBAKIR/ISTANBUL,
    Turkey Eight ...")."""
    if p.span.start >= 60:
        return False
    if not text[:p.span.start].strip() and DATELINE.match(text, p.span.end):
        return True
    if _dateline_region(p, text):
        return True
    m = None if dashed else BARE_DATELINE.match(text)
    return m is not None and p.span.end <= m.end()


def _dateline_region(p: Place, text: str) -> bool:
    """The country or region after a dateline's comma ("STUTTGART, Germany —" of a U.S. Africa
    Command briefing on a strike in Libya): where the report was filed, as its city is."""
    m = DASH_DATELINE.search(text[:120])
    return (m is not None and m.group("region") is not None and not text[:m.start()].strip()
            and m.start("region") <= p.span.start < m.end("region"))


def is_dateline(p: Place, text: str) -> bool:
    """Whether `p` is the place a wire report was filed from ("BEIRUT —"): also a name in capitals
    opening the text whatever follows it ("BAGHDAD U.S. officials said ...")."""
    return _dateline(p, text) or (not text[:p.span.start].strip() and text[p.span.start:p.span.end].isupper())


@dataclass(frozen=True, slots=True)
class DocumentPlaces:
    """What a document says about where its story happens, for events whose sentences do not:
    `main`, the place the article is about when it is about one (most of its towns named are that
    place); `dateline`, where the report was filed, when it lies in the country the document names most;
    `story`, failing a main place, the town named more often than any other (at least twice): where
    a report that leads with a region ("killed a Navy SEAL in northern Iraq after overrunning a
    town") and names other towns in passing tells its incident ("killed near the town of Tel Asqof");
    `filed`, the town of a dateline without a dash ("BIRSTALL, England A British member of parliament was
    shot dead ..."), for an event told with no place at all in its own country (`extract_events`);
    `venues`, where the places named only as where talks are held begin (`talks_venue`: "peace talks in
    Geneva"), found once for the document.
    """
    main: Place | None = None
    dateline: Place | None = None
    story: Place | None = None
    sites: dict[str, Place] = field(default_factory=dict)
    filed: Place | None = None
    venues: frozenset[int] = frozenset()


CREDITS = re.compile(r"\((?:[^()]{0,80}\b)?(?:reporting|writing|editing) by\b[^()]*\)", re.IGNORECASE)


def without_credits(places: list[Place], text: str) -> list[Place]:
    """The places, without those of a wire report's credits ("(Additional reporting by ... in GENEVA; Editing
    by ...)"): where its reporters sat, no place of its story nor of its country."""
    credits = [(m.start(), m.end()) for m in CREDITS.finditer(text)]
    return [p for p in places if not any(a <= p.span.start < b for a, b in credits)]


def document_places(places: list[Place], text: str) -> DocumentPlaces:
    """The article's main place: of the towns it names (not its dateline, nor the credits "Reporting
    by ... in Jerusalem", nor countries or regions), the one named most often (mentions within 25 km
    count as one place), unless named only as where talks are held, when it is named at least twice and
    at least as often as all the others together, or is the only town named and named in the lead; and it
    lies in the country the document names most."""
    away = homes(places, text)      # "Joshua Wheeler, 39, of Roland, Oklahoma": no place of the story
    away += likened_sites(places, text)
    named = [p for p in without_credits(places, text) if p not in away]
    towns = [p for p in named if p.kind not in PRECISION_PENALTY and p.latitude is not None
             and p.longitude is not None and not _dateline(p, text)]
    groups: list[list[Place]] = []
    for p in towns:
        for g in groups:
            first = g[0]
            if distance_km(first.latitude, first.longitude,  # type: ignore[arg-type]
                           p.latitude, p.longitude) <= SAME_PLACE_KM:  # type: ignore[arg-type]
                g.append(p)
                break
        else:
            groups.append([p])
    weights: dict[str, int] = {}
    for p in named:
        if p.country:
            weights[p.country] = weights.get(p.country, 0) + (1 if p.kind == "country" else 2)
    country = max(weights, key=lambda c: (weights[c], -next(i for i, p in enumerate(named) if p.country == c))) \
        if weights else None
    main = story = None
    if groups:
        top = max(groups, key=len)
        alone = len(groups) == 1 and top[0].span.start < LEAD_CHARS
        if alone or (len(top) >= 2 and len(top) >= len(towns) - len(top)):
            names = [p.name for p in top]
            main = next(p for p in top if p.name == max(names, key=names.count))
            if main.country != country:
                main = None
        else:
            counts = Counter(p.name for p in towns)
            (first, n), *rest = counts.most_common(2) + [("", 0)]
            if n >= 2 and n > rest[0][1]:
                story = next(p for p in towns if p.name == first)
                story = story if story.country == country else None
    venue_starts = frozenset(p.span.start for p in places if talks_venue(p, text))
    venues = [p for p in towns if p.span.start in venue_starts]
    if venues:
        # a town named only as where talks are held ("peace talks in Geneva") is no town of the story
        main, story = (None if p is not None and all(o in venues for o in towns if o.name == p.name) else p
                       for p in (main, story))
    # a dateline without a dash is where the wire filed from, often far from the story: never a place
    lines = [p for p in places if _dateline(p, text, dashed=True) and p.latitude is not None]
    dateline = lines[0] if lines and country is not None and lines[0].country == country else None
    return DocumentPlaces(main=main, dateline=dateline, story=story, venues=venue_starts)


def filed_story(filed: Place | None, places: list[Place], text: str) -> Place | None:
    """The town a report was filed from (`places.filed_from`, a dateline without a dash) when the story is
    about it: the body names it again before any other town of its country ("HANOVER, Germany ... Thousands
    marched in Hanover ... Berlin"); not a wire's filing point the story never comes back to ("JUNEAU,
    Alaska Alaska State Troopers ... the incidents, which occurred ... from the Nulato checkpoint"), nor a
    capital that files the story of another town ("WASHINGTON ... after the Orlando massacre ... in
    Washington")."""
    if filed is None:
        return None
    again = re.search(rf"\b{re.escape(filed.span.text.title())}\b", text[filed.span.end:])
    if again is None:
        return None
    others = [p for p in places if p.country == filed.country and p.kind not in PRECISION_PENALTY
              and p.latitude is not None and p.longitude is not None and p.span.start >= filed.span.end
              and distance_km(p.latitude, p.longitude,  # type: ignore[arg-type]
                              filed.latitude, filed.longitude) > SAME_PLACE_KM]  # type: ignore[arg-type]
    return filed if all(filed.span.end + again.start() < p.span.start for p in others) else None


# where a side comes from, not where it acts: "brigades based in Misrata", "fighters from Misrata"; nor where
# the people struck come from ("abducted 10 sailors from Indonesia" off the Philippines)
BASED_IN = re.compile(r"\b(?:(?:based|headquartered)\s+(?:in|at)|(?:fighters|militiamen|militias|brigades|troops|"
                      r"tribesmen|volunteers|recruits|sailors|seamen|crew|crewmen|fishermen|hostages|tourists|"
                      r"nationals|citizens|pilgrims|migrants)\s+(?:largely\s+|mainly\s+|mostly\s+)?from)"
                      r"\s+(?:the\s+)?(?:[a-z\-]+\s+)?$")
# where a person lives or comes from, told beside the name: "Joshua Wheeler, 39, of Roland, Oklahoma, ... was
# killed during a raid" (the age apposition of wire copy), "a resident of Jenin", "a native of Homs", "a couple
# who lived in Ohio", "originally from Texas", "people with roots in Chad"
HOME_OF = re.compile(r"(?:\b\d{1,3},\s+of|\b(?:resident|native)s?\s+of|\bwho\s+(?:had\s+)?(?:lived|lives|live)\s+in|"
                     r"\boriginally\s+from|\broots\s+in)\s+(?:the\s+)?$")


# where someone spoke: "told reporters in Geneva", "told a news briefing in Washington", "at a press conference
# in Moscow", "said while on a trip to Tehran"; the town of a telling, not of what it tells
TOLD_IN = re.compile(r"\b(?:(?:told\s+(?:reporters|journalists|(?:a|the)\s+(?:[\w-]+\s+)?(?:briefing|conference))|"
                     r"(?:news|press)\s+(?:briefing|conference))\s+in|"
                     r"on\s+an?\s+(?:[\w-]+\s+)?(?:trip|visit|tour)\s+to)\s+$", re.IGNORECASE)


# where diplomats meet: "peace talks in Geneva", "to be discussed by a working group on Friday in Geneva", "the
# Geneva talks"; the venue of a meeting, not of the war it is about (a gap word of an event or of cause ends the
# phrase: "talks broke down after the bombing in Ankara"); "meet" only told with a time, no one met ("powers are
# due to meet on Thursday in Munich", not "preparing to meet constituents in Birstall")
VENUE_BEFORE = re.compile(r"\b(?:(?:talks|negotiations|negotiate|summit|conference|discussed|convene[sd]?)\b"
                          r"(?:\s+(?!(?:after|over|about|against|following|amid|since|as|when|while|where|that|which|"
                          r"attack\w*|bomb\w*|strikes?|airstrikes?|kill\w*|clash\w*|fight\w*|shell\w*|protest\w*|"
                          r"battle\w*|offensive)\b)[\w'’-]+){0,7}?|(?:meet|meets|met|meeting)\b(?:\s+(?:on|next|this|"
                          r"later|again|today|tomorrow|week|weekend|month|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))"
                          r"{0,3})\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
VENUE_AFTER = re.compile(r"(?:'s?|’s?)?\s+(?:peace\s+)?(?:talks|negotiations|summit|conference)\b", re.IGNORECASE)


def talks_venue(p: Place, text: str) -> bool:
    """Whether a place is named as where a meeting or talks are held (`VENUE_BEFORE`, `VENUE_AFTER`)."""
    return bool(VENUE_BEFORE.search(text, max(0, p.span.start - 90), p.span.start)
                or VENUE_AFTER.match(text, p.span.end))


def agreement_venue(places: list[Place], text: str, document: DocumentPlaces) -> Place | None:
    """Where an agreement told with no town of its own was reached: the town the report was filed from, when the
    text names it as where talks or a meeting were held ("MUNICH Major powers agreed on Friday to implement a
    cessation of hostilities in Syria ... after a meeting in Munich"): the venue, where ACLED codes an agreement,
    not the country the agreement is about; its mention in the body. None otherwise."""
    filed = document.filed or next((p for p in places if _dateline(p, text) and p.kind not in PRECISION_PENALTY), None)
    if filed is None or filed.latitude is None or filed.longitude is None:
        return None
    return next((p for p in places if p.span.start in document.venues and p.latitude is not None
                 and p.longitude is not None and p.span.start > filed.span.start
                 and distance_km(p.latitude, p.longitude, filed.latitude, filed.longitude) <= SAME_PLACE_KM), None)


def told_in(places: list[Place], text: str) -> list[Place]:
    """The places named as where someone spoke (`TOLD_IN`)."""
    return [p for p in places if TOLD_IN.search(text, max(0, p.span.start - 60), p.span.start)]


# a person told with the country they come from ("police shot a teenage friend from Kenya", "a student from
# Nigeria was stabbed"): a nationality, not where the event was
PERSON_FROM = re.compile(r"\b(?:friend|relative|cousin|teen|teenager|student|man|men|woman|women|boy|girl|child|"
                         r"children|family|families|immigrant|refugee|worker|visitor|tourist)s?\s+from\s+(?:the\s+)?$",
                         re.IGNORECASE)


def homes(places: list[Place], text: str) -> list[Place]:
    """The places told as where a person lives or comes from (`HOME_OF`, a country after `PERSON_FROM`), with
    the state or country after their comma ("of Roland, Oklahoma") and the place joined to them ("from Texas
    and Ohio")."""
    out = [p for p in places if HOME_OF.search(text, max(0, p.span.start - 40), p.span.start)
           or p.kind == "country" and PERSON_FROM.search(text, max(0, p.span.start - 40), p.span.start)]
    out += [p for p in places if p not in out
            and any(re.fullmatch(r",\s*|\s+and\s+", text[h.span.end:p.span.start]) for h in out)]
    return out


# where fire was launched from ("rocket fire from northern Syria hit Kilis", "mortars fired by militants from Gaza"):
# where the shooter stands, not where the fire lands
FIRED_FROM = re.compile(r"\b(?:fire[ds]?|firing|launch(?:ed|es|ing)?|rockets?|missiles?|mortars?|shells?|shelling|"
                        r"artillery|projectiles?)\s+(?:[\w-]+\s+){0,4}?from\s+(?:across\s+)?(?:the\s+)?"
                        r"(?:[a-z\-]+\s+)?$", re.IGNORECASE)
# the town a distance is measured from ("Falluja, located 50 km (30 miles) west of Baghdad")
DISTANCE_FROM = re.compile(r"\b(?:km|kilometres|kilometers|miles)\)?\s+(?:\([^)]{0,20}\)\s+)?"
                           r"(?:(?:north|south|east|west)[a-z\-]*\s+of|from)\s+(?:the\s+)?$")
# the town a direction is told from ("Northeast of Baghdad", "just north of the capital")
DIRECTION_FROM = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# a country named as what lies across a border ("seized villages near Turkey's border", "in Hakkari province near
# the border with Iraq"): the far side of the border, not where the event happened
BORDER_OWNER = re.compile(r"['’]s?\s+(?:[a-z\-]+\s+){0,2}(?:border|frontier)s?\b")
BORDER_WITH = re.compile(r"\b(?:border|frontier)s?\s+with\s+(?:the\s+)?$", re.IGNORECASE)
SITE_IN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
# a place after a word of site ("in Syria", "across war-torn Iraq", "in Iraq and Syria", "the bombing of Syria");
# a country named bare is a party or an owner ("drills between the U.S. and South Korea", "Syria's army")
COUNTRY_SITE = re.compile(r"\b(?:in|at|inside|across|throughout|into|near|outside|around|within|of|on|over|to)\s+"
                          r"(?:the\s+)?(?:[\w-]+\s+)?(?:[\w.-]+(?:\s+[\w.-]+)?(?:,\s+|\s+and\s+))?$", re.IGNORECASE)
ANAPHOR_BACK = 600             # characters back to look for the town "the city" refers to
SITE_NOUNS = frozenset({"city", "town", "village", "district", "neighbourhood", "neighborhood"})
# "in the region", "in the province": a wide site named before ("fighting broke out in the Nagorno-Karabakh
# region ... the army had 'liberated strategic heights' in the region")
WIDE_SITE_NOUNS = frozenset({"region", "province"})
SITE_DETERMINERS = frozenset({"the", "that", "this"})


def anaphoric_site(head: "Token") -> int | None:
    """Where the event at trigger `head` has its site told as a definite place noun with no name
    ("took over the city", "occupied the town", "shelling of the village"): the noun's start offset;
    None when the site is named ("the city of Aleppo") or told otherwise. An event noun in the
    verb's phrase shares the verb's site ("took over the city with support from air strikes")."""
    verbs = [head]
    t = head
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i or t.dep_ not in ("pobj", "prep", "dobj", "conj"):
            break
        t = t.head
        if t.pos_ == "VERB":
            verbs.append(t)
    objects = []
    for verb in verbs:
        objects.extend(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))
        for prep in (c for c in verb.children if c.dep_ in ("prep", "agent")):
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
    for tok in objects:
        if tok.lemma_.lower() not in SITE_NOUNS | WIDE_SITE_NOUNS or tok.tag_ in ("NNS", "NNPS"):
            continue
        kids = list(tok.children)
        if not any(k.dep_ == "det" and k.lower_ in SITE_DETERMINERS for k in kids):
            continue
        if any(k.dep_ in ("compound", "appos", "amod", "nmod", "prep", "acl", "relcl") or k.pos_ == "PROPN"
               for k in kids):
            continue     # "the city of Aleppo", "the border town", "the town, Hit", "the town where ..."
        return tok.idx
    return None


# sites a report may name once with their town and again without it: "mortar fire on the Sayyid
# Mohammed shrine ... in Balad", then "a suicide bomber targeted police guarding the shrine's entrance"
TOLD_SITES = frozenset({"shrine", "mosque", "church", "synagogue", "temple", "hotel", "airport", "stadium", "market",
                        "marketplace", "hospital", "school", "university", "embassy", "consulate", "restaurant",
                        "cafe", "café", "bakery", "nightclub", "mall", "museum", "prison", "jail"})


def told_sites(sents: list["SpacySpan"], places: list[Place], text: str) -> dict[str, Place]:
    """The town each kind of site is told in, when the text gives all its sites of that kind one town
    (mentions within 25 km): "the Sayyid Mohammed shrine and a nearby market in Balad, 50 miles north of
    the Iraqi capital" -> shrine and market in Balad, "Istanbul's main airport" -> airport in Istanbul.
    The town is one in the site's own phrase (or in the phrase of a site coordinated with it), never one
    a distance is measured from."""
    towns: dict[str, list[Place]] = {}
    for sent in sents:
        for tok in sent:
            noun = tok.lemma_.lower()
            if noun not in TOLD_SITES or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            found = [p for p in _phrase_places(tok, places, text) if p.kind not in PRECISION_PENALTY
                     and p.latitude is not None]
            if found:
                towns.setdefault(noun, []).append(found[0])
    out: dict[str, Place] = {}
    for noun, named in towns.items():
        first = named[0]
        if all(distance_km(first.latitude, first.longitude, p.latitude, p.longitude) <= SAME_PLACE_KM  # type: ignore[arg-type]
               for p in named):
            out[noun] = first
    return out


def _phrase_places(site: "Token", places: list[Place], text: str) -> list[Place]:
    """The places told with a site: in its own phrase ("Istanbul's main airport", "the shrine in
    Balad"), else in the phrase of the noun it hangs from ("mortar fire on the shrine and a nearby
    market in Balad"), the one nearest after the site first; none a distance is measured from."""
    # a name the site bears ("the upscale Sarona Market") may be no town: only its own words tell
    named = [(c.left_edge.idx, c.idx + len(c)) for c in site.children if c.dep_ == "compound"]

    def within(tok: "Token") -> list[Place]:
        a, b = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        return sorted((p for p in places if a <= p.span.start < b
                       and not any(x <= p.span.start < y for x, y in named)
                       and not DISTANCE_FROM.search(text, max(0, p.span.start - 60), p.span.start)),
                      key=lambda p: (p.span.start < site.idx, abs(p.span.start - site.idx)))
    own = within(site)
    if own:
        return own
    t = site
    for _ in range(3):
        if t.dep_ not in ("pobj", "prep", "conj", "compound") or t.head.i == t.i:
            return []
        t = t.head
        if t.pos_ in ("NOUN", "PROPN"):
            return within(t)
    return []


def _site_town(sites: frozenset[str], document: "DocumentPlaces") -> Place | None:
    """The one town the text gives the kinds of site named (`DocumentPlaces.sites`), if one."""
    told = {document.sites[n].name: document.sites[n] for n in sites if n in document.sites}
    return next(iter(told.values())) if len(told) == 1 else None


def site_nouns(sent: "SpacySpan") -> frozenset[str]:
    """The kinds of site a sentence names ("guarding the shrine's entrance" -> shrine)."""
    return frozenset(t.lemma_.lower() for t in sent if t.lemma_.lower() in TOLD_SITES and t.pos_ in ("NOUN", "PROPN"))


# a province named before the site it holds ("at an Ohio school", "a Texas community college")
SITE_NAMED = re.compile(r"\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(SITE_HEADS)) + r")\b")


def _own_phrase_country(in_sent: list[Place], own: tuple[int, int] | None, text: str = "") -> Place | None:
    """The country the event noun's own phrase names, or a province it names before a site, when every other
    place of the sentence lies outside it ("was arrested in Mali over an attack on a convoy in Niger": the
    attack's country is Niger; "parades in Chicago, weeks after a shooting at an Ohio school": Ohio), else None."""
    if own is None:
        return None
    named = [p for p in in_sent if own[0] <= p.span.start < own[1] and p.country and (
        p.kind == "country" or p.kind == "admin1" and SITE_NAMED.match(text, p.span.end))]
    if not named:
        return None
    area = min(named, key=lambda p: p.span.start)
    others = [p for p in in_sent if not own[0] <= p.span.start < own[1]]
    if area.kind == "admin1":
        # a town or province of the sentence inside it, or the same province named again, may be the event's
        if not others or any(lies_within(p, area) or p.kind == "admin1" and p.admin1 == area.admin1
                             and p.country == area.country for p in others):
            return None
        return area
    if not others or any(p.country == area.country for p in others):
        return None
    return area


def lies_within(p: Place, coarse: Place) -> bool:
    """Whether the town `p` lies in the country or province `coarse` names."""
    if p.country is None or p.country != coarse.country:
        return False
    if coarse.kind == "region":      # "northern Iraq", "the Gaza Strip": the region's province when it names one
        return (coarse.admin1 is None or p.admin1 == coarse.admin1) and _on_its_side(p, coarse)
    return coarse.kind == "country" or (coarse.kind == "admin1" and p.admin1 is not None and p.admin1 == coarse.admin1)


def _sided(region: Place) -> bool:
    """A region phrase that names a side of a country ("southern Philippines", "northwestern Pakistan")."""
    side, _, rest = region.name.lower().partition(" ")
    return region.kind == "region" and rest == (region.country or "").lower() \
        and any(d in side for d in ("north", "south", "east", "west"))


def _lines_after(text: str, end: int) -> int:
    """Where the lines that follow a lead sentence end: the end of the two paragraphs after it, at
    least LEAD_CHARS on and at most twice that."""
    stop = end
    for _ in range(3):
        nxt = text.find("\n", stop + 1)
        if nxt == -1:
            break
        stop = nxt
    return min(max(end + LEAD_CHARS, stop), end + 2 * LEAD_CHARS)


def _on_its_side(p: Place, region: Place) -> bool:
    """Whether a town lies on the side of the country a region phrase names ("the southern Philippines",
    at the country's point): Manila, north of the Philippines' point, is not in its south; a region
    without a direction ("the Gaza Strip") holds any of its towns."""
    side, _, rest = region.name.lower().partition(" ")
    if rest != (region.country or "").lower() or region.latitude is None or region.longitude is None \
            or p.latitude is None or p.longitude is None:
        return True     # "the West Bank" is a region's name, not a side of a country
    sides = [(d, fits) for d, fits in (("north", p.latitude >= region.latitude), ("south", p.latitude <= region.latitude),
                                       ("east", p.longitude >= region.longitude), ("west", p.longitude <= region.longitude))
             if d in side]
    # a country's point is only its middle: a town on either axis of "northwestern" may be in it (Charsadda,
    # north of Pakistan's point and east of it, lies in its northwest)
    return not sides or any(fits for _, fits in sides)


def _first_precise(cands: list[Place], anchor: int) -> Place:
    """ACLED codes an event at the first town a report names; a region or country only failing one."""
    # of two regions, the part before the whole ("northern Iraq's Qandil mountain area": the mountains)
    return min(cands, key=lambda p: (p.kind in PRECISION_PENALTY, PRECISION_PENALTY.get(p.kind, 0),
                                     (p.geo_precision or 3) if p.kind in PRECISION_PENALTY else 0,
                                     p.span.start > anchor + 250, p.span.start))


# a place that names an incident ("a suspect in the Paris attacks", "the planning for the Paris assault"): where
# that incident happened, no other
EVENT_NAMED = re.compile(r"(?:'s)?\s+(?:blasts?|attacks?|assaults?|bombings?|explosions?|shootings?|killings?|"
                         r"massacres?|siege|stabbings?|ambush(?:es)?|atrocit(?:y|ies)|carnage|rampage|clashes|riots|"
                         r"uprising)\b", re.IGNORECASE)


# "the attacks in San Bernardino", "a bombing at the Ankara station": a place named as another incident's site
EVENT_SITE_BEFORE = re.compile(r"\b(?:blasts?|attacks?|bombings?|explosions?|shootings?|killings?|massacres?|"
                               r"stabbings?|rampage)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


# a place told as the site of an incident something is likened to ("has echoes of the siege in Mumbai", "reminiscent
# of the attacks in Paris", "similar to the bombing at a market in Baghdad"): the other incident's, never this one's
# (not "a similar demonstration in Dallas", an incident of its own)
LIKENED_SITE = re.compile(r"\b(?:echo(?:es|ed|ing)?\s+of|reminiscent\s+of|evok(?:es|ed|ing)|"
                          r"(?:similar|comparable|akin|likened)\s+to)\s+(?:the\s+)?[^.;:,]{0,50}?\b(?:in|at|on)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)


def likened_sites(places: list[Place], text: str) -> list[Place]:
    """The places told as the site of an incident the story is likened to ("has echoes of the siege in Mumbai"):
    no place of the story, nor a country it is about."""
    return [p for p in places if LIKENED_SITE.search(text, max(0, p.span.start - 90), p.span.start)]


# a place told as the site of an event of a year ("eclipsing the 2007 massacre of 32 people at Virginia Tech", "since
# the 2014 attack on a school in Peshawar"): that event's, not the place of another the sentence tells
YEAR_EVENT_SITE = re.compile(r"\b(?:19|20)\d\d(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:massacres?|attacks?|bombings?|shootings?|"
                             r"killings?|blasts?|explosions?|siege|rampage|uprising|invasion|coup)\b"
                             r"(?:\s+(?:of|on|against|that\s+killed)\s+[^.;:,]{0,40}?)?\s+(?:at|in|on)\s+(?:the\s+)?"
                             r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# a town told as the scene of the event that follows ("he said he was in Denver, the scene of Sunday's shootings")
SCENE_OF = re.compile(r",\s+(?:the\s+)?(?:scene|site)\s+of\b", re.IGNORECASE)
SCENE_REACH = 80


# a place that names a gathering ("killed during a Dallas protest"): where that gathering met
GATHERING_NAMED = re.compile(r"\s+(?:protests?|rally|rallies|demonstrations?)\b")


# "near Jerusalem", "outside the town of Kilis": the town is the point the site is told from
NEAR_TOWN = re.compile(r"\b(?:near|outside|close to)\s+(?:the\s+)?(?:(?:\w+\s+)?(?:town|city|village)\s+of\s+)?$",
                       re.IGNORECASE)


def _across_border(chosen: Place, in_sent: list[Place], text: str) -> Place:
    """A town named only as what the site is near, in a sentence that puts the site in a region or
    country the town is not in ("at a checkpoint in the West Bank, near Jerusalem"; "in northern
    Syria, near the Turkish town of Kilis"): the site is in that region's country, at the town's
    point, ACLED's geo_precision 2 (near a town)."""
    if chosen.kind in PRECISION_PENALTY or not NEAR_TOWN.search(text, max(0, chosen.span.start - 40),
                                                               chosen.span.start):
        return chosen
    around = [p for p in in_sent if p.kind in ("region", "admin1", "country") and p.country
              and p.country != chosen.country and abs(p.span.start - chosen.span.start) < 80]
    if not around:
        return chosen
    region = min(around, key=lambda p: abs(p.span.start - chosen.span.start))
    return replace(chosen, country=region.country, admin1=region.admin1 if region.kind != "country" else None,
                   geo_precision=max(2, chosen.geo_precision or 2), place_id=None)


# a site told at a distance and a direction from a town ("villages about 20 km (13 miles) east of Mosul", "the town
# of Karkamis, about 60 miles northeast of Aleppo"): the number, its unit and the direction, ending at the town
TOLD_OFFSET = re.compile(r"\b(\d{1,3})\s*-?(km|kilometres|kilometers|kilometre|kilometer|miles|mile)\)?\s+"
                         r"(?:\([^)]{0,20}\)\s+)?(north|south)?-?(east|west)?(?:ern)?\s+of\s+(?:the\s+)?"
                         r"(?:(?:town|city|capital)\s+(?:of\s+)?)?$", re.IGNORECASE)
OFFSET_MAX_KM = 300          # a distance told further than this is no site's offset from a town ("850 miles west of")
KM_PER_DEGREE = 111.2


def told_offset(place: Place, text: str) -> Place:
    """An event's town named only as the point its site is measured from ("troops took villages about 20 km east
    of Mosul"): the site, at that distance in that direction from the town, ACLED's geo_precision 2 (near a town);
    any other place as it is."""
    m = TOLD_OFFSET.search(text, max(0, place.span.start - 60), place.span.start)
    if m is None or place.kind in PRECISION_PENALTY or place.latitude is None or place.longitude is None \
            or not (m.group(3) or m.group(4)):
        return place
    km = int(m.group(1)) * (1.609 if m.group(2).lower().startswith("mile") else 1.0)
    if km > OFFSET_MAX_KM:
        return place
    north = {"north": 1.0, "south": -1.0}.get((m.group(3) or "").lower(), 0.0)
    east = {"east": 1.0, "west": -1.0}.get((m.group(4) or "").lower(), 0.0)
    scale = km / math.hypot(north, east)
    lat = place.latitude + north * scale / KM_PER_DEGREE
    lon = place.longitude + east * scale / (KM_PER_DEGREE * max(0.2, math.cos(math.radians(place.latitude))))
    return replace(place, latitude=round(lat, 5), longitude=round(lon, 5),
                   geo_precision=max(2, place.geo_precision or 2), place_id=None)


# the words of a clause's site phrase before the place it names first: its preposition, an article, a word
# ("in Belgium", "in neighbouring Iraq"), not a longer phrase whose noun names something else ("in the wake of
# the shootings in Minnesota": the place of the shootings)
OWN_SITE_WORDS = re.compile(r"[A-Za-z]+\s+(?:the\s+)?(?:[\w-]+\s+)?")


def _within_own_region(in_sent: list[Place], governed: list[tuple[int, int]], text: str) -> list[Place]:
    """The sentence's places, when the event's own clause names only a country, province or region ("was
    arrested in Belgium after the attacks in Paris"): those lying in it. A town of another country or province
    the sentence names is another clause's (the attacks'), not where the clause puts its event."""
    own = [p for p in in_sent if p.kind in PRECISION_PENALTY
           and any(a <= p.span.start < b and OWN_SITE_WORDS.fullmatch(text, a, p.span.start) for a, b in governed)]
    if not own:
        return in_sent
    return [p for p in in_sent if p in own or any(lies_within(p, region) for region in own)]


def place_for(anchor: int, sent_start: int, sent_end: int, places: list[Place], *, text: str,
              exclude: list[tuple[int, int]] = (), cues: frozenset[str] = frozenset(),
              own: tuple[int, int] | None = None, earlier: list[tuple[int, int]] | None = None,
              later: list[tuple[int, int]] | None = None, document: DocumentPlaces = DocumentPlaces(),
              recalled: bool = False, anaphor: int | None = None,
              tellers: list[tuple[int, int]] = (), sites: frozenset[str] = frozenset(),
              earlier_sites: list[frozenset[str]] = (), governed: list[tuple[int, int]] = (),
              continued: bool = False, earlier_told: list[Place | None] = ()) -> Place | None:
    """The place an event happened at: the most precise of its own sentence, else of the nearest
    sentence before it that names one (`earlier`: those sentences' bounds, nearest first; default
    the paragraph), else of the next one (`later`), else the article's main place, else, for the
    news of the report (not an event it `recalled`), its dateline, else the story's town (`document`).
    A sentence that names only a country, province or region, in an article about one town there
    (its main place, else its story's town), tells of that town; a province named in the lead, failing
    that, tells of the first town in it named in the lines that follow (`LEAD_CHARS`: "38 killed in air
    strikes in Hasaka province ..." then "strikes hit a bakery in the city of al-Shadadi").
    Outside its sentence, a place in a country the sentence itself points to (`cues`: "Houthi radar
    sites" -> Yemen) wins over one of another story ("in support of Palestinians in Gaza").
    `own`: the characters of the event noun's own phrase ("last week's car bombing at a market in
    Mahmudiya"); a precise place named there is the event's, whatever the sentence names first.
    `anaphor`: where the event's site is told as "the city" / "the town" (`anaphoric_site`): it is
    the last town named before those words ("its forces took over the city ..., opening the desert
    leading to Raqqa" happened in the city named before, not in Raqqa).
    `tellers`: where those who tell the event sit (`speaker_phrases`): a place there is the event's only
    when the sentence names no other ("a source in Misrata said fighters ... in the south of Sirte").
    `sites`: the kinds of site the sentence names ("the shrine's entrance"): a sentence that names no
    town, or only a country or region it lies in, is at the town the text gives that site
    (`DocumentPlaces.sites`: "mortar fire on the Sayyid Mohammed shrine ... in Balad"), whatever
    the article's main place or the sentences before it; `earlier_sites`, those of the `earlier`
    sentences, lend that town as a place they name would ("... guarding the shrine's entrance. That
    allowed a second bomber to push into the courtyard").
    `earlier_told`: the place of the event each `earlier` sentence tells (None: it tells none): that place, not
    the first the sentence names, is what a sentence naming none goes on from ("Speaking in Ankara, the minister
    said jets struck villages near Afrin. Six civilians died." died near Afrin).
    `continued`: the event is told as done, once (not as going on or as a toll so far): with no place found
    otherwise, it may take the town of the line right before its own (`_line_before`)."""
    if cues:
        outside = [p for p in places if not sent_start <= p.span.start < sent_end]
        fits = [p for p in outside if p.country in cues]
        if fits and any(p.country not in cues for p in outside):
            places = [p for p in places if sent_start <= p.span.start < sent_end or p.country in cues]
    def usable(p: Place) -> bool:
        # a place word inside a longer actor name ("Axis" of "Axis of Resistance") is not a place;
        # the dateline ("BEIRUT —") says where the report was filed: the last fallback, never named
        # where talks are held ("peace talks in Geneva") is no place of the war they are about, nor of the
        # sentences around them
        return (p.latitude is not None or p.country is not None) and not _dateline(p, text) and not any(
            a <= p.span.start and p.span.end <= b and b - a > p.span.end - p.span.start for a, b in exclude) \
            and (p.span.start not in document.venues or own_phrase(p))

    def own_phrase(p: Place) -> bool:
        return own is not None and own[0] <= p.span.start < own[1]

    scene = [p for p in places if sent_start <= p.span.start and p.span.end <= anchor < p.span.end + SCENE_REACH
             and (p.latitude is not None or p.country is not None) and SCENE_OF.match(text, p.span.end)]
    if scene:
        # the town the sentence calls the event's scene is its place, in whatever clause the town is named
        return max(scene, key=lambda p: p.span.start)
    in_sent = [p for p in places if sent_start <= p.span.start < sent_end and usable(p)
               and (not EVENT_NAMED.match(text, p.span.end) or own_phrase(p))
               and (not YEAR_EVENT_SITE.search(text, max(sent_start, p.span.start - 90), p.span.start)
                    or own_phrase(p))
               and not LIKENED_SITE.search(text, max(sent_start, p.span.start - 90), p.span.start)]
    sited = [p for p in in_sent if COUNTRY_SITE.search(text, max(0, p.span.start - 60), p.span.start)]
    if sited:
        # a sentence that puts its event in a place ("in Seoul") takes no country it names bare beside it
        in_sent = [p for p in in_sent if p.kind != "country" or p in sited]
    main = document.main or document.story
    if main is not None and cues and main.country not in cues \
            and not any(p.country == main.country for p in in_sent):
        # a country the actors point to moves the story only when the sentence names no place in
        # the story's own ("Taliban militants stormed a university in northwestern Pakistan": the
        # Afghan Taliban's country does not take it out of Pakistan)
        main = None

    def finer(p: Place) -> Place:
        return main if main is not None and p.kind in ("country", "admin1", "region") and lies_within(main, p) else p

    def finer_in_lead(p: Place, start: int) -> Place:
        # past the lead, a side of a country a sentence puts its event on ("Al-Shabab attacked Kenyan peacekeepers
        # in southwestern Somalia" in a report on a Mogadishu attack) is away from the story's town, which the
        # sentence would name if it were there: it keeps the region's level, for the sentences that borrow it too
        return p if _sided(p) and start >= LEAD_CHARS else finer(p)

    told_from = [p for p in in_sent if any(a <= p.span.start < b for a, b in tellers)]
    if told_from and len(told_from) < len(in_sent):
        in_sent = [p for p in in_sent if p not in told_from]
    home = [p for p in in_sent if BASED_IN.search(text, max(0, p.span.start - 40), p.span.start)]
    home += [p for p in homes(in_sent, text) if p not in home]
    if home:
        # "the brigades based in Misrata have advanced on Sirte": where a side is based is not where it acts;
        # "Bahrun Naim, an Indonesian based in Syria, ... the bombings": nor where its act is told alone
        in_sent = [p for p in in_sent if p not in home]
    launched = [p for p in in_sent if FIRED_FROM.search(text, max(sent_start, p.span.start - 60), p.span.start)]
    if launched and (any(p not in launched for p in in_sent)
                     or any(c not in {p.country for p in launched} for c in cues)):
        # "rocket fire from southern Lebanon struck the Israeli town of ...": where the shooter stands is not where
        # the fire lands, which the sentence names (a town, or a state's adjective before a place noun)
        in_sent = [p for p in in_sent if p not in launched]
    across = [p for p in in_sent if p.kind == "country" and (BORDER_OWNER.match(text, p.span.end)
                                                            or BORDER_WITH.search(text, max(0, p.span.start - 30), p.span.start))]
    if across:
        # "the SDF seized villages near Turkey's border": the villages are on this side of it, in the country
        # the text tells of elsewhere (a sentence that names nothing else takes the place of the text around it)
        in_sent = [p for p in in_sent if p not in across]
    measured = [p for p in in_sent if DIRECTION_FROM.search(text, max(0, p.span.start - 30), p.span.start)]
    if measured and any(p.kind not in PRECISION_PENALTY and SITE_IN.search(text, max(0, p.span.start - 10), p.span.start)
                        for p in in_sent if p not in measured):
        # "Northeast of Baghdad on Sunday, ... a suicide bomber ... in a cafe in Moqdadiyah": the town a
        # direction is told from is no site when the sentence names the town the event was in (not
        # "villages ... east of Mosul on the road to the regional capital, Erbil": Mosul is the point)
        in_sent = [p for p in in_sent if p not in measured]
    inside = [p for p in in_sent if own is not None and own[0] <= p.span.start < own[1]
              and p.kind not in PRECISION_PENALTY]
    if inside:
        return min(inside, key=lambda p: p.span.start)
    own_country = _own_phrase_country(in_sent, own, text)
    if own_country is not None:
        return finer(own_country)
    if anaphor is not None:
        wide = text.startswith(tuple(WIDE_SITE_NOUNS), anaphor)
        kinds = {"region", "admin1"} if wide else set()        # "the region" is one, "the city" a town
        before_it = [p for p in in_sent if p.span.start < anaphor
                     and (p.kind not in PRECISION_PENALTY or p.kind in kinds)]
        if before_it:
            return max(before_it, key=lambda p: p.span.start)
        # the town named last before the sentence, on its line or the lines before ("The loss of
        # Palmyra ...\nIts forces took over the city")
        told = [p for p in places if sent_start - ANAPHOR_BACK <= p.span.start < sent_start and usable(p)
                and (p.kind not in PRECISION_PENALTY or p.kind in kinds)
                and not DISTANCE_FROM.search(text, max(0, p.span.start - 60), p.span.start)]
        if told:
            return max(told, key=lambda p: p.span.start)
        in_sent = []
    mine = [p for p in in_sent if p.kind not in PRECISION_PENALTY and any(a <= p.span.start < b for a, b in governed)]
    if mine:
        # the town the event's own clause puts it at, whatever town the sentence names first ("Abdeslam was
        # arrested in Brussels after attacks that killed 130 people in Paris"; "jets flew in from Turkey
        # and attacked Aleppo")
        return _across_border(min(mine, key=lambda p: p.span.start), in_sent, text)
    in_sent = _within_own_region(in_sent, governed, text)
    site = _site_town(sites, document)
    if site is not None and not sent_start <= site.span.start < sent_end \
            and not any(p.kind not in PRECISION_PENALTY for p in in_sent) \
            and all(lies_within(site, p) for p in in_sent):
        return site
    if in_sent:
        first = _first_precise(in_sent, anchor)
        # (the lead's "killed in northern Iraq" sums up the story's own town)
        chosen = _across_border(finer_in_lead(first, sent_start), in_sent, text)
        if (chosen.admin1 is not None or _sided(chosen)) and chosen.kind in ("admin1", "region") \
                and sent_start < LEAD_CHARS:
            # the lead names a province ("38 people were killed in air strikes in Hasaka province"), the next
            # lines a town in it ("strikes hit a bakery in the city of al-Shadadi"); not a country, whose
            # next town named may be any other story's ("students in the United States" ... "Miami"); a side
            # of a country is as good ("killed in the war-torn southern Philippines" ... "found ... on the
            # southern Philippine island of Jolo"), its next two paragraphs the lines that follow
            reach = _lines_after(text, sent_end) if _sided(chosen) else sent_end + LEAD_CHARS
            told = [p for p in places if sent_end <= p.span.start < reach and usable(p)
                    and p.kind not in PRECISION_PENALTY and lies_within(p, chosen)]
            if told:
                return min(told, key=lambda p: p.span.start)
        return chosen
    if earlier is None:
        para = paragraph_start(text, sent_start)
        before = [p for p in places if para <= p.span.start < sent_start and usable(p)]
        if before:
            return finer(max(before, key=lambda p: (p.kind not in PRECISION_PENALTY, p.span.start)))
    for k, (s, e) in enumerate(earlier or ()):
        told_there = earlier_told[k] if k < len(earlier_told) else None
        if told_there is not None:
            return told_there
        # a country named on another line ("ALSO: devastation in Ecuador") tells no story of its own
        here = [p for p in places if s <= p.span.start < e and usable(p)
                and (p.kind != "country" or "\n" not in text[p.span.end:sent_start])]
        if here:
            return finer_in_lead(_first_precise(here, e), s)
        lent = _site_town(earlier_sites[k], document) if k < len(earlier_sites) else None
        if lent is not None:
            return lent
    if later is None:
        end = text.find("\n", sent_end)
        later = [(sent_end, len(text) if end == -1 else end)]
    # a place naming another incident there ("the shootings at a Dallas protest", "an echo of the attacks in Paris")
    # lends the sentence before no place
    after = [p for s, e in later for p in places if s <= p.span.start < e and usable(p) and p.kind != "country"
             and not EVENT_NAMED.match(text, p.span.end) and not GATHERING_NAMED.match(text, p.span.end)
             and not EVENT_SITE_BEFORE.search(text, max(s, p.span.start - 40), p.span.start)
             and not LIKENED_SITE.search(text, max(s, p.span.start - 90), p.span.start)]
    if after and not recalled:
        # a short report may name the place only in a later sentence ("Shelling across Eastern Ghouta ...")
        return finer(min(after, key=lambda p: (p.kind in PRECISION_PENALTY, p.span.start)))
    if main is not None and main is document.main:
        return main
    if not recalled and document.dateline is not None and (not cues or document.dateline.country in cues):
        return document.dateline
    if not recalled and main is not None:
        return main          # the story's town, for its news (an incident recalled may lie anywhere)
    return _line_before(sent_start, places, text, usable) if continued else None


def _line_before(sent_start: int, places: list[Place], text: str, usable: Callable[[Place], bool]) -> Place | None:
    """For a sentence that opens its line and finds no place anywhere else, the one town (its mentions within
    25 km) of the line right before it, no blank line between: wire copy sets a story's sentences on lines of
    their own ("The tipping point was New Year's Eve in Cologne." / "Police said gangs of men assaulted
    hundreds of women.")."""
    line = paragraph_start(text, sent_start)
    if line == 0 or text[line:sent_start].strip():
        return None
    prev = paragraph_start(text, line - 1)
    if not text[prev:line - 1].strip():
        return None         # a blank line: another paragraph, maybe another story
    towns = [p for p in places if prev <= p.span.start < line - 1 and usable(p) and p.kind not in PRECISION_PENALTY
             and not EVENT_NAMED.match(text, p.span.end)]
    if not towns or any(p.latitude is None or p.longitude is None or distance_km(
            p.latitude, p.longitude, towns[0].latitude, towns[0].longitude) > SAME_PLACE_KM  # type: ignore[arg-type]
                        for p in towns):
        return None         # a line naming two towns ("shootings in Baton Rouge and St. Paul") tells no one place
    return towns[0]


def date_for(anchor: int, sent_start: int, sent_end: int, dates: list[DateMention], *,
             text: str, reporting: frozenset[int] = frozenset(), back: int | None = None,
             coarse: frozenset[int] = frozenset(), own: tuple[int, int] | None = None,
             latest: dt.date | None = None, scopes: dict[int, tuple[int, int]] | None = None,
             elsewhere: frozenset[int] = frozenset(), occasions: frozenset[int] = frozenset()) -> DateMention | None:
    """The date of an event: the nearest date of its sentence, else the last one before it in its
    paragraph (no further back than `back`, where the second sentence before it starts). A date
    that dates a report ("the military said on Sunday": `reporting`, the start offsets of such
    dates) serves only when its sentence has no other. A time coarser than a month of the
    trigger's clause (`coarse`, their start offsets: "militants who seized the city last year",
    see `clause_times`) and nearest it is returned as it is, with no date: the event has none, not
    the day of another told beside it. `own`: the character range of the event noun's own phrase.
    `latest`: the last day the event can have (the report's, for what has happened): a date after
    it dates something else ("talks due to resume on March 9"). `scopes`: for a date told as "a day
    after" / "hours after" what it names (`phrase_scopes`), the characters of what it names: it
    dates an event there and nothing else. `elsewhere`: start offsets of the sentence's dates told in a
    relative clause the event is not in (`relative_clause_times`): they date that clause's event.
    `occasions`: start offsets of the days of occasions fixed ahead ("ahead of Tuesday's primary",
    `occasion_dates`), which date no event but one whose own phrase tells them."""
    dates = [d for d in dates if d.span.start not in elsewhere and (d.span.start not in occasions or (
        own is not None and own[0] <= d.span.start < own[1]))]
    dates = [d for d in dates if d.rule != PHRASE or any(
        a <= anchor < b for a, b in [(scopes or {}).get(d.span.start, (0, 0))])]
    if latest is not None:
        dates = [d for d in dates if d.date is None or d.date <= latest]
    in_sent = [d for d in dates if sent_start <= d.span.start < sent_end and (d.date is not None or (
        d.rule == COARSE and d.span.start in coarse))]
    told = [d for d in in_sent if d.span.start not in reporting]
    # a date in the event noun's own phrase dates it ("a separate attack on a court on June 1"),
    # whatever date of another event stands nearer ("a suicide attack last month and ...")
    mine = [d for d in told if own is not None and own[0] <= d.span.start < own[1]]
    if mine:
        return min(mine, key=lambda d: _distance(d.span.start, anchor))
    # what "a day after" governs has that day, whatever other day stands nearer ("a day after a SEAL was
    # killed repelling an offensive in Iraq, Carter met Wednesday with ...")
    scoped = [d for d in told if d.rule == PHRASE]
    if scoped:
        return max(scoped, key=lambda d: d.span.start)
    if told:
        return min(told, key=lambda d: _distance(d.span.start, anchor))
    in_sent = [d for d in in_sent if d.date is not None]
    para = max(paragraph_start(text, sent_start), back or 0)
    before = [d for d in dates if para <= d.span.start < sent_start and d.date is not None
              and d.span.start not in reporting and d.rule != PHRASE]
    past = [d for d in dates if para <= d.span.start < sent_start and recalled_time(d, text, latest)
            and d.span.start > max((b.span.start for b in before), default=-1)]
    if past and not in_sent:
        # the paragraph's last time before it is a past one coarser than a month ("Two years ago, gunmen
        # killed nine villagers. They later died in a gun battle."): the story the paragraph recalls goes
        # on, not the news of the report's day
        return max(past, key=lambda d: d.span.start)
    wire = para > 1 and text[para - 2] != "\n" and text[para - 1] == "\n"
    if not before and (wire or _one_sentence_paragraph(text, para)):
        # wire copy sets each sentence on its own line, or in a paragraph of its own: the line before
        # continues the story ("That attack was followed Thursday night by mortar fire on the shrine." and
        # "A suicide bomber first targeted police guarding the shrine's entrance."); over a blank line its
        # day is the event's within a week, as the lead's is for what a later paragraph tells
        prev = max(paragraph_start(text, len(text[:para].rstrip())), back or 0)
        before = [d for d in dates if prev <= d.span.start < para and d.date is not None
                  and d.span.start not in reporting and d.time_precision == 1]
        if before and not wire:
            return replace(max(before, key=lambda d: d.span.start), time_precision=2)
        if not before and wire and (back is None or back < para):
            # lines with no time of their own go on with the story of the last line that has one ("The attackers
            # targeted six sites across the city on May 2." ... "Another gunman targeted a stadium.")
            before = _wire_story_days(text, para, dates, reporting)
    if before:
        return max(before, key=lambda d: d.span.start)
    return min(in_sent, key=lambda d: _distance(d.span.start, anchor)) if in_sent else None


WIRE_LINES_BACK = 4      # wire lines with no time of their own a story runs over, back to the line that dates it


def _wire_story_days(text: str, para: int, dates: list[DateMention], reporting: frozenset[int]) -> list[DateMention]:
    """The days of the nearest earlier wire line that tells a time, over lines that tell none (a blank line,
    a heading or the top of the text ends the story); none if that line's time is no day or dates a report."""
    start = para
    for _ in range(WIRE_LINES_BACK):
        if start < 2 or text[start - 1] != "\n" or text[start - 2] == "\n":
            return []
        prev = paragraph_start(text, start - 1)
        told = [d for d in dates if prev <= d.span.start < start]
        if told:
            return [d for d in told if d.date is not None and d.span.start not in reporting and d.time_precision == 1]
        if not text[prev:start].rstrip().endswith((".", "!", "?", '"', "\u201d")):
            return []        # a heading ("November attacks") opens a story of its own
        start = prev
    return []


PAST_WORDS = re.compile(r"\b(?:ago|last|previous|earlier|before|that|same)\b|\b(?:19|20)\d\d\b|"
                        r"\b(?:past|recent)\b.*\b(?:years|decades)\b", re.IGNORECASE)   # "in past years"


def recalled_time(when: DateMention | None, text: str, published: dt.date | None) -> bool:
    """An event dated only to a time coarser than a month and past ("a decade ago", "last year",
    "in 2014"): history the report recalls, not its news (without a publication date, unknown)."""
    if when is None or when.date is not None or when.rule != COARSE or published is None:
        return False
    words = text[when.span.start:when.span.end]
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", words)]
    if years:
        return min(years) < published.year
    return bool(PAST_WORDS.search(words))


# "last week", "last weekend", "the past week": the week before the report's, a week its news is not of
LAST_WEEK = re.compile(r"\b(?:last|past|previous)\s+week(?:end)?\b", re.IGNORECASE)
LAST_WEEK_DAYS = 3        # a day this many days before the report or fewer is its news ("last weekend" on a Monday)


def told_last_week(when: DateMention | None, published: dt.date | None) -> bool:
    """An event dated only by the week before the report's ("Al-Shabab attacked peacekeepers last week",
    "a mass shooting in Michigan last weekend"): what the report recalls, not its news; not "last weekend"
    told on a Monday, the days just gone."""
    if when is None or when.date is None or published is None or when.time_precision != 2:
        return False
    if not LAST_WEEK.search(when.span.text):
        return False
    day = when.date + (when.end - when.date) // 2 if when.end is not None and when.end > when.date else when.date
    return (published - day).days > LAST_WEEK_DAYS


RANK_WORDS = {"first", "latest", "worst"}


def earlier_this_year(when: DateMention | None, head: "Token") -> bool:
    """An event dated only by "this year" ("bombings in Homs this year killed dozens", "the North, which
    conducted its fourth nuclear test this year"): one of the weeks or months before the report's news, which
    the report recalls. Not where its sentence ranks an incident in the year ("the fourth suicide bombing in
    Turkey this year hit ...", "the deadliest attack this year"): the news itself, set against the year."""
    if when is None or when.date is not None or when.rule != COARSE or when.span.text.lower() != "this year":
        return False
    if head.doc.text[when.span.end:when.span.end + 2] in ("'s", "’s"):
        return False       # "into this year's race": a thing of the year, no time of the event
    return not any(ranks(t) for t in head.sent)


def ranks(t: "Token") -> bool:
    """A word that ranks an incident among others ("the fourth bombing", "the deadliest attack", "the latest")."""
    return t.ent_type_ == "ORDINAL" or _superlative(t) or t.lower_ in RANK_WORDS


CLAUSE_TOPS = {"ROOT", "relcl", "ccomp", "acl", "parataxis"}


def _clause_top(tok: "Token") -> "Token":
    """The head of the clause a token belongs to: up through its heads to the root, a relative or
    complement clause ("militants who seized the city last year": "seized")."""
    t = tok
    for _ in range(40):
        if t.dep_ in CLAUSE_TOPS or t.head.i == t.i:
            break
        t = t.head
    return t


def clause_times(head: "Token", dates: list[DateMention]) -> frozenset[int]:
    """Start offsets of the times coarser than a month told in the clause of the trigger `head`, or
    in a clause describing the event noun itself ("the suicide attacks that ravaged Israeli cities a
    decade ago"); not those of another clause ("drove them out of Palmyra on Sunday, ... militants
    who seized the city last year": "last year" is not the day of the driving out)."""
    doc = head.doc
    top = _clause_top(head)
    out: set[int] = set()
    for d in dates:
        if d.rule != COARSE or not head.sent.start_char <= d.span.start < head.sent.end_char:
            continue
        span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if _superlative_range(span):
            continue       # "the worst fighting in recent years": the range of a comparison, not a time of the event
        own = _clause_top(span.root)
        if _rank_window(span, own):
            continue       # "the fourth suicide bombing to hit Turkey this year": what the rank counts over
        if own.i == top.i or (own.dep_ in ("relcl", "acl") and own.head.i == head.i) or _closes_relative(span, top):
            out.add(d.span.start)
    return frozenset(out)


def _closes_relative(span: "SpacySpan", top: "Token") -> bool:
    """A time told right where the relative clause of the trigger ends, which the parser hangs from the verb
    of the noun the clause describes ("the officer who shot a man as he fled a traffic stop last year was
    indicted"): the clause's time, as the words run, not the news the main verb tells."""
    return top.dep_ == "relcl" and span.start == top.right_edge.i + 1 and span.root not in top.subtree


def _rank_window(span: "SpacySpan", own: "Token") -> bool:
    """A time an incident is ranked over ("the fourth suicide bombing to hit Turkey this year", "the third
    attack this month"): it hangs from the ranked noun or from the clause describing it, and tells no time of
    that incident, which keeps the day its sentence gives it."""
    if own.dep_ in ("relcl", "acl") and own.head.i != own.i:
        noun = own.head
    elif span.root.dep_ in ("npadvmod", "nmod") and span.root.head.i != span.root.i:
        noun = span.root.head
    else:
        return False
    return noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("amod", "nummod") and ranks(c) for c in noun.children)


def _superlative(t: "Token") -> bool:
    """A superlative, also where the tagger takes a nominal one for a noun ("the bloodiest in a number of
    attacks": NN): "-iest" is the superlative of an adjective in "-y" (not "priest"). "Most" is one only as the
    adverb of an adjective (`_superlative_range`)."""
    if t.lower_ in ("least", "most"):
        return False       # "at least the 506th person": a quantity, not a rank
    return t.tag_ == "JJS" or (t.lower_.endswith("iest") and t.lower_ != "priest" and t.pos_ in ("NOUN", "ADJ"))


def _superlative_range(span: "SpacySpan") -> bool:
    """A time told as what a superlative ranges over ("the worst fighting in recent years", "the deadliest
    attack in the past decade", "the bloodiest in a number of attacks in France in the past two years"): the
    word its preposition hangs from, or one its phrase hangs from in turn, is superlative."""
    prep = span.root.head if span.root.dep_ == "pobj" else span.root
    if prep.dep_ != "prep" or prep.head.i == prep.i:
        return False
    t = prep.head
    for _ in range(6):
        if _superlative(t) or any(_superlative(c) or (c.dep_ == "advmod" and c.lower_ == "most") for c in t.children):
            return True
        if t.dep_ not in ("pobj", "prep", "conj", "compound", "appos") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _sentence_date_spans(head: "Token", dates: list[DateMention]) -> Iterator[tuple[DateMention, "SpacySpan"]]:
    """The dates told in the trigger's sentence, each with its tokens."""
    doc = head.doc
    for d in dates:
        if not head.sent.start_char <= d.span.start < head.sent.end_char:
            continue
        span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if span is not None and len(span):
            yield d, span


def relative_clause_times(head: "Token", dates: list[DateMention]) -> frozenset[int]:
    """Start offsets of the dates of the trigger's sentence told in a relative clause that does not hold
    the trigger ("air strikes hit near the town of Khan Touman, which rebels took late on Thursday":
    Thursday is when the rebels took it, not when the strikes hit)."""
    return frozenset(d.span.start for d, span in _sentence_date_spans(head, dates)
                     if _another_nouns_clause(_clause_top(span.root), head)
                     and not _circumstance_clause(_clause_top(span.root), head))


# nouns of what an event happens in ("killed in violence that erupted on Friday"): its circumstance, not a place
CIRCUMSTANCE_NOUNS = frozenset({"violence", "fighting", "clash", "attack", "explosion", "blast", "bombing",
                                "shooting", "raid", "assault", "ambush", "unrest", "riot", "battle", "offensive",
                                "strike", "airstrike", "shelling", "incident", "rampage", "stampede", "crackdown"})
CIRCUMSTANCE_PREPS = frozenset({"in", "during", "amid"})


def _circumstance_clause(clause: "Token", head: "Token") -> bool:
    """A relative clause on the noun of the trigger's own "in" / "during" phrase that names what the event
    happened in ("at least 60 people were killed in violence that erupted on Friday", "died in clashes that
    broke out overnight"): the time of that violence is the event's."""
    noun = clause.head
    prep = noun.head
    return noun.dep_ == "pobj" and noun.lemma_.lower() in CIRCUMSTANCE_NOUNS and prep.lower_ in CIRCUMSTANCE_PREPS \
        and prep.head.i == head.i


PERSON_RELATIVES = frozenset({"who", "whom"})


def outside_who_clause_times(head: "Token", dates: list[DateMention]) -> frozenset[int]:
    """Start offsets of the dates of the trigger's sentence told outside the "who" clause the trigger is in
    ("The seven militants who killed 20 people at a restaurant were local men, police said, as the country
    began two days of mourning on Sunday"): such a clause tells who a person is by what they once did, not
    at the time of the clause it hangs in; Sunday is the mourning's day. The same for a trigger that is the
    person the clause tells of ("gunmen" of "gunmen who stormed a hotel"). Empty when there is no such clause."""
    clause = next((c for c in [_clause_top(head), *head.children] if who_clause(c)), None)
    if clause is None:
        return frozenset()
    inside = {t.i for t in clause.subtree}
    return frozenset(d.span.start for d, span in _sentence_date_spans(head, dates)
                     if not told_in_clause(span, inside))


def told_of_a_person(head: "Token", when: DateMention | None) -> bool:
    """The trigger is in a "who" clause that tells who a person named or known is by what they did ("the man
    who killed 49 people at a nightclub ..., officials said on Tuesday", "Smith, who was arrested, pleaded
    guilty on Friday") and `when` is told outside that clause: a day of saying, of the clause it hangs in, or of an
    earlier sentence, none of which is that act's."""
    clause = _clause_top(head)
    if when is None or not who_clause(clause) or not _identified(clause.head):
        return False
    span = date_in_sentence(head, when)
    return span is None or not told_in_clause(span, {t.i for t in clause.subtree})


def date_in_sentence(head: "Token", when: DateMention) -> "SpacySpan | None":
    """The words of a date told in the trigger's sentence; None for one told in another."""
    span = head.doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
    return span if span is not None and len(span) and span.sent == head.sent else None


IDENTIFYING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "his", "her", "their"})


def _identified(person: "Token") -> bool:
    """A person named ("Smith, who ...") or told as one the reader knows ("the man who ..."): the clause on them
    identifies them by an act, not one newly told ("nine gunmen who targeted the guards": the story's own)."""
    return person.ent_type_ == "PERSON" or person.pos_ == "PROPN" or any(
        c.dep_ in ("det", "poss") and c.lower_ in IDENTIFYING_DETERMINERS for c in person.children)


def who_clause(clause: "Token") -> bool:
    """A relative clause whose relative pronoun is a person's ("who stormed a hotel", "whom police shot")."""
    return clause.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in PERSON_RELATIVES
                                          for c in clause.children)


def told_in_clause(span: "SpacySpan", inside: set[int]) -> bool:
    """A date is told in a clause (its token indices) when the parse hangs it there, or when it follows the
    clause's start with no verb of another clause between ("a man who shot dead four Marines in Chattanooga,
    Tennessee, on July 16, 2015", wherever the parser hangs the date)."""
    if span.root.i in inside:
        return True
    start = min(inside)
    return span.start > start and not any(t.i not in inside and t.pos_ in ("VERB", "AUX")
                                          for t in span.doc[start:span.start])


def result_clause_times(head: "Token", dates: list[DateMention]) -> frozenset[int]:
    """Start offsets of the dates told in the clause a participle of result follows ("the man who rammed a
    van into a market on Sunday, killing 12 people"; "a bus that fell into a gorge a day earlier, killing
    nine"): what the participle tells came of that clause's act, on its day, wherever the parser hangs the
    participle (often from the sentence's main verb or from the noun the clause describes). Only the clause
    that ends at the comma before the participle, and only its own dates, not those of a clause inside it."""
    verb = head.head if head.dep_ == "conj" and head.head.tag_ == "VBG" else head
    if verb.tag_ != "VBG" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return frozenset()
    before = verb.doc[verb.i - 2]
    if before.sent.start != verb.sent.start or before.pos_ == "PUNCT":
        return frozenset()
    clause = _clause_top(before)
    if verb in clause.subtree:
        return frozenset()       # the clause the participle hangs in: its dates are its already
    return frozenset(d.span.start for d, span in _sentence_date_spans(head, dates)
                     if _clause_top(span.root).i == clause.i)


def possessed_times(head: "Token", dates: list[DateMention]) -> frozenset[int]:
    """Start offsets of the days of the trigger's sentence told as the possessive of a noun in a phrase the
    trigger is not in ("police detained 13 people in connection with Tuesday night's attack", "protests
    stemming from Sunday's car bombing"): the day is that noun's event, not the clause's. A day possessed
    by the trigger's own noun, or by the subject or object it acts on, stays the trigger's ("Sunday's
    bombing killed 12")."""
    out: set[int] = set()
    for d, span in _sentence_date_spans(head, dates):
        if d.date is None or span.root.dep_ != "poss":
            continue
        noun = span.root.head
        while noun.dep_ in ("conj", "compound") and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ == "pobj" and head not in noun.subtree:
            out.add(d.span.start)
    return frozenset(out)


# how a day told before a noun modifies it: "the Nov. 13 attacks", "the March 22 suicide bombings"
DAY_MODIFIER_DEPS = frozenset({"nmod", "compound", "nummod", "amod"})


def modified_times(head: "Token", dates: list[DateMention]) -> frozenset[int]:
    """Start offsets of the days of the trigger's sentence told before a noun of a phrase the trigger is not
    in ("the detention of a suspect in the Nov. 13 attacks", "captured a man involved in the March 22 bombings"):
    the day is that noun's event, not the trigger's. Not a phrase that hangs from the trigger itself ("killed
    in the March 22 bombings": the bombings told as what killed)."""
    out: set[int] = set()
    for d, span in _sentence_date_spans(head, dates):
        if d.date is None or span.root.dep_ not in DAY_MODIFIER_DEPS or span.root.head.pos_ != "NOUN":
            continue
        noun = span.root.head
        if noun.i < span.end:
            continue       # a day told after its noun ("the siege at the club last Sunday") dates a clause
        while noun.dep_ in ("conj", "compound") and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in PART_OF_TIME_NOUNS \
                and noun.head.head.dep_ == "pobj":
            noun = noun.head.head      # "shot dead at the end of the June 12 massacre": a time within that day
        if noun.dep_ == "pobj" and head not in noun.subtree and noun.head.head != head:
            out.add(d.span.start)
    return frozenset(out)


# nouns of a part of an event's time: what happens "at the end of" or "in the midst of" an incident is of its day
PART_OF_TIME_NOUNS = frozenset({"end", "start", "beginning", "height", "midst", "middle", "close", "climax"})


# words that set one event after, since or against another: what they lead tells another event, with a day of
# its own ("despite its declared withdrawal two weeks ago, Russian jets carried out dozens of strikes")
SEQUENCE_WORDS = frozenset({"after", "following", "since", "despite"})


def _sequence_phrases(sent: "SpacySpan", words: frozenset[str] = SEQUENCE_WORDS) -> list[set[int]]:
    """Token indices of the phrases of a sentence that tell another event than its clause's: led by
    "after", "following", "since" or "despite", as a preposition ("following a series of attacks") or as the
    conjunction of a clause ("since Turkey shot down a warplane")."""
    out: list[set[int]] = []
    for t in sent:
        if t.lower_ not in words:
            continue
        objects = [c for c in t.children if c.dep_ in ("pobj", "pcomp", "dobj")]
        if t.dep_ == "mark" and t.head.i != t.i:
            out.append({x.i for x in t.head.subtree})
        elif t.dep_ in ("prep", "advcl", "acl") and objects \
                and not any(c.lemma_.lower() in DURATION_UNITS and not any(x.lower_ == "of" for x in c.children)
                            for c in objects):
            out.append({x.i for x in t.subtree})
    return out


# what a phrase of time spans, not an event: "collapsed after just two days" (not "after a week of strikes")
DURATION_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})


def in_sequence_phrase(head: "Token") -> bool:
    """The trigger is in an "after", "following", "since" or "despite" phrase ("at least five people were
    still missing after the blast that ripped through the market"): what it tells came before its clause,
    and a day told in an earlier sentence dates that clause's time, not it."""
    return any(head.i in p for p in _sequence_phrases(head.sent))


# the words that set what their phrase names as what the clause's news came in the wake of ("concerns rose
# following attacks in two capitals", "a review in the wake of a police shooting")
CAUSE_WORDS = frozenset({"following", "wake"})
# the links by which an event noun stays in such a phrase: coordinated, governed, or named in a participle's
# phrase ("following a raid linked to the bombings"); not a clause of its own ("following a blast that ...")
CAUSE_LINKS = frozenset({"pobj", "dobj", "conj", "compound", "appos", "prep", "acl"})


def told_as_cause(head: "Token") -> bool:
    """The event noun is named in a "following" or "in the wake of" phrase ("security was tightened following
    attacks in two capitals"): an incident the report recalls as what led to its news; without a day of its
    own, not the news of the report's day."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    t = head
    for _ in range(8):
        if t.dep_ not in CAUSE_LINKS or t.head.i == t.i:
            return False
        if t.dep_ in ("pobj", "dobj") and t.head.lower_ == "following" and t.head.dep_ in ("prep", "advcl", "acl"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "wake":
            return True
        if t.dep_ == "acl" and t.tag_ != "VBN":
            return False
        t = t.head
    return False


# the words of a phrase that tells what came before its clause ("marched on Friday after police shot a man")
BEFORE_WORDS = frozenset({"after", "following"})


def told_before_clause(head: "Token", dates: list[DateMention], when: DateMention | None,
                       reporting: frozenset[int] = frozenset(), published: dt.date | None = None) -> bool:
    """The trigger is in an "after" / "following" phrase of a clause told with a day of its own, and the
    event's own day is an earlier one ("Thousands marched on Friday, a day after a gunman killed five
    officers", "clashes on Tuesday following a car bombing on Sunday"): the incident the report recalls as
    what led to its news, not the news. Not an event the phrase gives no day ("took a village on Monday after
    a battle": most often the same day's), nor a clause's day still to come or of saying ("police said on
    Friday"). `published`: the report's day."""
    if when is None or when.date is None:
        return False
    if not any(head.i in p for p in _sequence_phrases(head.sent, BEFORE_WORDS)):
        return False
    later, _ = sequence_times(head, dates)
    days = [d.date for d in dates if d.span.start in later and d.span.start not in reporting
            and d.date is not None and d.time_precision == 1 and (published is None or d.date <= published)]
    return bool(days) and when.date < max(days)


# days in a unit of the distance an "after" phrase tells ("a year after", "two weeks after", "months after")
DISTANCE_DAYS = {"week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3650}


def told_long_after(head: "Token") -> bool:
    """The trigger is in an "after" / "following" phrase told as more than two weeks before its clause
    ("protesters marched on Sunday, a year after his death in custody triggered rioting", "the vote came months
    after rebels seized the town"): what the phrase recalls is history (`RECALLED_DAYS`), not the news."""
    for phrase in _sequence_phrases(head.sent, BEFORE_WORDS):
        if head.i not in phrase:
            continue
        lead = next(t for t in head.sent if t.i in phrase and t.lower_ in BEFORE_WORDS)
        owners = [lead] + ([lead.head] if lead.dep_ == "mark" else [])
        for unit in (c for o in owners for c in o.children if c.dep_ == "npadvmod" and c.i < lead.i):
            days = DISTANCE_DAYS.get(unit.lemma_.lower())
            if days is None:
                continue
            count = next((WORD_NUMBERS.get(n.lower_) or (int(n.text) if n.text.isdigit() else None)
                          for n in unit.children if n.dep_ == "nummod"), None)
            if count is None:
                count = 2 if unit.tag_ == "NNS" else 1          # "months after", "a year after"
            if days * count > RECALLED_DAYS:
                return True
    return False


def told_since(head: "Token") -> bool:
    """The trigger is in a "since" phrase ("the fourth race since two brothers bombed the finish line", "the
    first time since a suicide bomber struck the market"): the incident a run of time is counted from, told
    as what came before the clause's news, not of its day."""
    return any(head.i in p for p in _sequence_phrases(head.sent, frozenset({"since"})))


def in_since_phrase(head: "Token", when: DateMention) -> bool:
    """The date is told in a "since" phrase of the trigger's sentence ("arrested since Thursday"): the day a
    run of events began, not a day before the event as "after" tells."""
    span = head.doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and any(
        _in_phrase(p, span) for p in _sequence_phrases(head.sent, frozenset({"since"})))


def _in_phrase(phrase: set[int], span: "SpacySpan") -> bool:
    """A date told within a phrase's words, or after them with no verb nor comma between, is the phrase's,
    wherever the parser hangs it ("remain tense following Turkey's downing of a warplane at the border in
    November", "after terrorists targeted a concert hall in Paris on November 13")."""
    if span.root.i in phrase or min(phrase) < span.start <= max(phrase):
        return True
    last = span.doc[max(phrase)]
    if last.ent_type_ in ("DATE", "TIME") or last.like_num:
        return False         # "since 2011 in October": a time of its own, not the phrase's
    return span.start > last.i and not any(t.pos_ in ("VERB", "AUX") or t.is_punct
                                           for t in span.doc[last.i + 1:span.start])


def sequence_times(head: "Token", dates: list[DateMention]) -> tuple[frozenset[int], frozenset[int]]:
    """Start offsets of the dates of the trigger's sentence on the other side of an "after", "following",
    "since" or "despite" phrase (`SEQUENCE_WORDS`): (`later`, `earlier`). `later`: the day of the clause
    a phrase the trigger is in follows, not the day of what the phrase recalls ("fired the security chief
    Friday following a series of attacks, including one at a shrine": Friday is the firing's), its date
    only when no telling of it gives one (`Draft.clause_day`). `earlier`: the day told in such a phrase
    the trigger is not in, which tells when the trigger's event began or what came before it, not its
    day ("Since October, attacks have killed 34": a run of events; "a crackdown launched after the
    massacre in December 2014"). A date is a phrase's as `_in_phrase` tells. Not a phrase's own offset ("a
    day after", `PHRASE`) nor a time coarser than a month."""
    doc = head.doc
    phrases = _sequence_phrases(head.sent)
    later: set[int] = set()
    earlier: set[int] = set()
    for d in dates if phrases else ():
        if d.rule in (PHRASE, COARSE) or not head.sent.start_char <= d.span.start < head.sent.end_char:
            continue
        span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for p in phrases:
            inside = _in_phrase(p, span)
            if head.i in p and not inside:
                later.add(d.span.start)
            elif inside and head.i not in p:
                earlier.add(d.span.start)
    return frozenset(later), frozenset(earlier - later)


def _another_nouns_clause(clause: "Token", head: "Token") -> bool:
    """A relative clause that does not hold the trigger and is not its own noun's (not "a truce that began
    on Wednesday", which tells the truce itself)."""
    return clause.dep_ == "relcl" and head not in clause.subtree and clause.head.i != head.i \
        and clause.head.head.i != head.i


# prepositions that put what a verb tells at a place ("fought in Aleppo", "attacked a post near Kilis"); not
# "from" / "to", which tell where a side came from or went ("flew in from Turkey and attacked Aleppo")
SITE_PREPOSITIONS = frozenset({"in", "at", "on", "near", "outside", "inside", "into", "across", "around",
                               "throughout", "within"})
LIGHT_ROLES = ("dobj", "nsubj", "nsubjpass", "attr", "pobj")


def clause_sites(head: "Token") -> list[tuple[int, int]]:
    """Character ranges where the clause of the event at trigger `head` names its own site: the phrases of
    the trigger verb's site prepositions and its object ("attacked Aleppo", "was shelled in Douma"); for an
    event noun, those of the verb it is the object or subject of ("carried out an attack in Kabul", "killed
    in an attack in Kabul"). A place named elsewhere in the sentence (where a side came from, where its
    teller sits, another clause's) is not among them."""
    verbs = []
    if head.pos_ in ("VERB", "AUX"):
        verbs.append(head)
    else:
        t = head
        for _ in range(3):        # "the shooting and bombing rampage": the phrase's head noun
            if t.dep_ in ("compound", "nmod", "amod", "conj") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
                t = t.head
            else:
                break
        up = t.head.head if t.dep_ == "pobj" else t.head
        if t.dep_ in LIGHT_ROLES and up.pos_ in ("VERB", "AUX") and up.i != t.i:
            verbs.append(up)
    out: list[tuple[int, int]] = []
    for verb in verbs:
        for c in verb.children:
            objects = c.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX")
            if not objects and not (c.dep_ == "prep" and c.lower_ in SITE_PREPOSITIONS):
                continue
            sub = list(c.subtree)
            out.append((min(x.idx for x in sub), max(x.idx + len(x.text) for x in sub)))
    return out


# what an act did, told in a relative clause of its phrase ("... that killed 130 people in Paris")
ACT_CLAUSE_VERBS = KILL_VERBS | STRIKING_VERBS | {"wound", "injure", "leave", "claim", "destroy", "damage"}


def other_relative_clauses(head: "Token", *, own: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Character ranges of the relative clauses of the trigger's sentence that do not hold the trigger and
    are not its own noun's ("people with links to Islamic State, whose battle lines in Syria and Iraq
    ...": Syria is where the battle lines are, not where police rounded people up). A clause inside the
    event noun's own phrase (`own`) that tells what the act did tells that event, whichever noun of the
    phrase it hangs from ("the bombing rampage by Islamic State militants that killed 130 people in Paris");
    not one that tells of something else ("the cease-fire date, which others saw as a ploy to give Moscow
    ...") nor one opened by "whose" ("the fight against the militants, whose leader was killed in a strike
    across the border": what befell the noun's owner, `whose_clause`)."""
    out: list[tuple[int, int]] = []
    for t in head.sent:
        if not _another_nouns_clause(t, head):
            continue
        sub = list(t.subtree)
        start, end = min(x.idx for x in sub), max(x.idx + len(x.text) for x in sub)
        if own is not None and own[0] <= start and end <= own[1] and t.lemma_.lower() in ACT_CLAUSE_VERBS \
                and not whose_clause(t):
            continue
        out.append((start, end))
    return out


# what opens a clause of contrast ("Although Kenya has been spared ...", "While Mali has seen attacks, ..."):
# another setting set against the event's, not where the event was
CONTRAST_MARKS = frozenset({"although", "though", "whereas"})


def contrast_clauses(head: "Token") -> list[tuple[int, int]]:
    """Character ranges of the clauses of contrast of the trigger's sentence that do not hold the trigger
    ("While Burkina Faso has been spared the violence of groups in Mali, a Romanian was abducted": Mali is
    where the violence is, not where the abduction was). "While" is one only opening the sentence with a
    subject and a verb not told as going on ("While patrolling in Kandahar, soldiers were attacked", "While
    they were patrolling ..." tell when, and where, the event was)."""
    out: list[tuple[int, int]] = []
    for t in head.sent:
        if t.dep_ != "advcl" or head in t.subtree:
            continue
        marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
        sub = list(t.subtree)
        start = min(x.idx for x in sub)
        contrast = bool(marks & CONTRAST_MARKS) or "while" in marks and start == head.sent.start_char \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and t.tag_ != "VBG"
        if contrast:
            out.append((start, max(x.idx + len(x.text) for x in sub)))
    return out


def set_against(places: list[Place], contrasts: list[tuple[int, int]], sent_start: int,
                sent_end: int) -> frozenset[str]:
    """The countries a clause of contrast names and the rest of the sentence does not (`contrast_clauses`):
    "While Burkina Faso has been spared the violence of groups in Mali, a Romanian was abducted" sets the
    abduction against Mali, so no place of Mali, nor a sentence around it that tells of Mali, places it."""
    inside = [p for p in places if any(a <= p.span.start < b for a, b in contrasts)]
    rest = {p.country for p in places if sent_start <= p.span.start < sent_end and p not in inside}
    return frozenset(p.country for p in inside if p.country and p.country not in rest)


def whose_clause(clause: "Token") -> bool:
    """A relative clause opened by "whose" ("the militants, whose leader was killed in a drone strike"): it tells
    what befell the owner of the noun it hangs from, not what that noun did (unlike "that killed 130 people", or
    "when a truck bomb slammed into a checkpoint", which tell the act itself)."""
    return any(x.tag_ == "WP$" for c in clause.children for x in c.children)


def speaker_phrases(head: "Token") -> list[tuple[int, int]]:
    """Character ranges of where the teller of the event at trigger `head` sits, when the trigger is
    in what a reporting verb says: the prepositional phrases of the verb's subject ("A source from the
    operations room in Misrata said fighters ... captured the port"), not the subject's own name
    ("Nagorno-Karabakh's military said ...")."""
    out: list[tuple[int, int]] = []
    below = head
    for verb in _ancestors(head, 8):
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in REPORTING_VERBS \
                and below.dep_ in ("ccomp", "xcomp", "parataxis", "advcl"):
            tellers = [c for c in verb.children if c.dep_ == "nsubj" and head not in c.subtree]
            if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
                # "agencies quoted the defense ministry in Moscow as saying Russian jets ... around Palmyra"
                tellers += [c for c in verb.head.head.children if c.dep_ == "dobj"]
            for subj in tellers:
                for prep in (t for t in subj.subtree if t.dep_ == "prep"):
                    sub = list(prep.subtree)
                    out.append((min(t.idx for t in sub), max(t.idx + len(t.text) for t in sub)))
        below = verb
    return out


def phrase_scopes(dates: list[DateMention], parsed: "Doc") -> dict[int, tuple[int, int]]:
    """For each date told as "a day after" / "hours after" what follows ("police raided homes on
    Friday, a day after an attack in Jakarta", "came a day after government advances") or "days before" it
    ("rallied on Saturday, three days before the primary"), by its start offset: the characters of what
    "after" or "before" governs, the one event that date is of. None for a
    phrase that opens its sentence ("Two days after the bombing, gunmen attacked ..."), which dates
    the clause it leads, counted from a day the text may not have told."""
    out: dict[int, tuple[int, int]] = {}
    for d in dates:
        if d.rule != PHRASE:
            continue
        span = parsed.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if span is None or not len(span) or span[-1].lower_ not in ("after", "before"):
            continue
        after = span[-1]
        if not any(t.is_alpha for t in parsed[span.sent.start:span.start]):
            continue
        if after.dep_ == "mark" and after.head.i > after.i:
            ruled = [after.head]                         # "a day after he was shot"
        else:
            ruled = [c for c in after.children if c.dep_ in ("pobj", "pcomp")]    # "a day after an attack"
        if not ruled:
            continue
        end = max(t.right_edge.idx + len(t.right_edge.text) for t in ruled)
        out[d.span.start] = (d.span.end, end)
    return out


def reporting_dates(dates: list[DateMention], parsed: "Doc") -> frozenset[int]:
    """Start offsets of the dates that date a report, not an event: those whose nearest verb is a
    reporting verb ("officials said on Sunday", "the ministry announced on Monday") or one of answering
    an incident in words ("the mayor on Sunday denounced the shooting", `REACTION_VERBS`)."""
    out: set[int] = set()
    for d in dates:
        span = parsed.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        path = [span.root] + _ancestors(span.root, 4)
        verb = next((a for a in path if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in REPORTING_VERBS | REACTION_VERBS:
            continue
        if any(a.pos_ == "NOUN" and a.lemma_.lower() in CIRCUMSTANCE_NOUNS for a in path[:path.index(verb)]):
            continue       # "officials said ...; a bombing in Baghdad on Saturday that killed 175": the bombing's day
        out.add(d.span.start)
    return frozenset(out)
