"""The events stage: every event a text reports, coded as ACLED codes it.

    events = extract_events(doc, parsed, kb=kb, actors=actors, people=people, places=places,
                            dates=dates, quantities=quantities)

Per sentence: triggers from `data/patterns/events.yaml` (triggers.py), who did what to whom
(roles.py), where / when / how many / how certain / how central (attributes.py); triggers
of one sentence describing one event are merged following the codebook's hierarchy (a strike in
a battle is a battle); mentions of the same event across the document are merged; each event
gets an ACLED-style note (notes.py) and the id f"{doc.id}-ev{n}".

Actors follow ACLED's conventions: role words resolve through `data/patterns/event_roles.yaml`
("regime forces", "pro-Hadi troops", "coalition airstrikes", "the army" -> the state forces of the
report's country); unnamed perpetrators of reported violence get the default agent of their
sub-type (Unidentified Armed Group (Country)); the demonstrators are a protest's actor1. ACLED's
own labels ("Non-violent activity: ...") code their sentence; an analyst's reasoning in a
background section ("appears to be commenting on the lack of attacks") yields no violent event.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import ahocorasick

from ...knowledge.gazetteer import distance_km
from ...records import Actor, DateMention, Document, Event, Person, Place, Quantity, Span
from ...taxonomy import ARMED_VIOLENCE, DEMONSTRATIONS, DISORDER
from ..dates import COARSE, occasion_dates
from ..parse_tree import text_of
from ..places import filed_from
from .crowds import (MOB_VIOLENCE, by_crowd, demonstration_done, done_by_crowd, intervention_in, mark_protested,
                     met_by_authorities, violent_demonstrations)
from .incidents import (ANY_VIOLENCE, FIRST_YEAR, VIOLENT_INCIDENT_NOUNS, aside_ranges, caption_ranges,
                        another_of_its_kind, history_retold, in_aftermath, incidents_only, merge_references,
                        named_as_known, own_day, PERPETRATORS, referred_back, refers_back, report_date,
                        said_day_told_later, told_of_the_dead)
from .relevance import (FIRED_WEAPONS, MANNED_AIRCRAFT, about_conflict, about_hacking, accident, accident_blast,
                        accident_death, agreement_made, blast_accident_lead, death_accident_lead, execution_lead,
                        hacking_attack, idle_aircraft, not_an_occurrence, shows_not_protests, told_as_state,
                        told_as_trend)
from .animals import done_by_animal, harms_animal
from .attribution import Attributions, read_attributions
from .attributes import (AFTER_VERBS, DURATION, LEAD_CHARS, NEWS_DAYS, OFFENSIVE_WORDS, PLAN_LEMMAS, PRECISION_PENALTY,
                         RECALLED_DAYS, REPORTING_VERBS, SITE_PREPOSITIONS, WORD_NUMBERS, DocumentPlaces,
                         accused_act_times, after_the_fact, agreement_venue, anaphoric_site, clause_sites, clause_times,
                         coded_fatalities, contrast_clauses, count_of, date_for, document_places, earlier_this_year,
                         fatalities_in, filed_story, history_year, homes, in_background_section, in_sequence_phrase,
                         in_since_phrase, intent, likened_sites, modified_times, offensive_between,
                         other_relative_clauses, outside_who_clause_times, phrase_scopes, place_for, possessed_times,
                         ranks, recalled_time, relative_clause_times, reporting_dates, result_clause_times, salience_of,
                         section_flags, set_against, sequence_times, site_nouns, speaker_phrases, spread_over,
                         status_of, told_as_cause, told_since, told_as_pattern, told_as_run_of_attacks,
                         told_before_clause, told_in, told_in_perfect, told_in_present, told_last_week, told_long_after,
                         told_of_a_person, told_offset, told_sites, told_with_frequency, without_credits)
from .notes import (NEW_EVENT, Draft, at_the_scene, dated_in_its_clause, dates_differ, less_lethal, merge_document,
                    merge_sentence, write_note)
from .patterns import Coding, EventPatterns, load_event_patterns
from .recalled import recalled_once, told_over_a_span
from .sites import SITE_PREPS, coordinated_sites, each_place
from .whereabouts import person_place
from .roles import (ARMED_MEN_WORDS, DYING_VERBS, FORCE_VICTIMS, HARMED_OF_NOUNS, LOSING_VERBS, RECIPROCAL,
                    SPEAKING_VERBS, STATE_TYPES, TARGET_PREPS, ActorIndex, Party, accused_of, actor_entry, as_forces,
                    find_roles, generic, noun_anchor, reduced_relative, resolve_phrase, resolve_role_phrase,
                    told_relative)
from .triggers import (LONG_QUOTE, PLACE_LIKE, TAKEN_PLACES, Mention, a_person, absorb_modifiers, adverbial_clause,
                       contrast_clause, expelling, find_mentions, joined_clause, quoted_ranges, sentence_text_forms)

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from ...knowledge import KnowledgeBase

ANALYSIS = re.compile(r"\b(appears? to|seems? to|suggest\w*|indicat\w*|might|may be|could|likely|weigh\w*|"
                      r"options?|goal|aims? to|intends?|in order to|signals?|implies|means?)\b", re.IGNORECASE)
# armed organisations outside the state: who claims attacks (not states, coalitions of states or an unnamed
# gunman); naming one calls the violence told with it political
NON_STATE_GROUPS = {"rebel_group", "political_militia", "identity_militia", "umbrella_coalition"}
STATE_FORCE_TYPES = {"state_forces", "police", "state", "government", "external_force"}
ARMED_TYPES = {"rebel_group", "political_militia", "identity_militia", "umbrella_coalition", "international_force",
               "unidentified_armed_group", "state_forces", "police", "external_force", "alliance"}
# armed actors that fight battles (not police, not an unnamed gunman)
ORGANISED_TYPES = {"rebel_group", "political_militia", "identity_militia", "umbrella_coalition", "international_force",
                   "state_forces", "external_force", "alliance"}
FIGURATIVE_PREPS = {"on", "against", "for", "over", "at", "with", "about"}


def _day_of(when: DateMention) -> dt.date | None:
    """The day an event told by `when` is dated to: its day, or the middle of the week it names
    without a day ("last week"), never more than half a week from the day it happened (its Monday
    can be six days off). A month told without a day gives the first of its month here, which is
    not the event's date (`month_only`)."""
    if when.date is None or when.end is None or when.time_precision != 2 or when.end <= when.date:
        return when.date
    return when.date + (when.end - when.date) // 2


def _year_of_the_news(d: Draft, published: dt.date | None) -> bool:
    """The news told with only the report's year, its own noun ranked in it ("the fourth suicide bombing in
    Turkey this year struck a square"): the news of the report's day, as one told with no time at all, not
    an event with no date. Not where the rank is a victim's ("the second hostage killed this year")."""
    when = d.date
    return d.salience == "main" and published is not None and when is not None and when.date is None \
        and when.rule == COARSE and (when.span.text.lower() == "this year" or when.span.text.endswith(
            str(published.year))) and d.mention.head.lemma_ in VIOLENT_INCIDENT_NOUNS \
        and any(ranks(c) for c in d.mention.head.children)


def month_only(when: DateMention) -> bool:
    """A time told to its month and no day: "in April", "last month", "November's attacks", "six months
    ago", "the next day" after "in April". The contract invents no fact: such an event has no
    event_date, only its month (`Event.event_month`) and time_precision 3, as the annotation guide codes
    it. A range of days within a month ("from 3 to 20 April") names its days and keeps its first."""
    return when.date is not None and when.time_precision == 3 and not when.rule.startswith("range")


def _armed_actor_in(start: int, end: int, *, kb: Any, index: ActorIndex) -> bool:
    return any(_actor_type(a, kb=kb, index=index) in ARMED_TYPES for _, _, a in index.within(start, end))


@functools.lru_cache(maxsize=8)
def _needles(phrases: tuple[tuple[str, ...], ...]) -> Any:
    """An automaton of the padded strings `has_phrase` looks for, built once per phrase list."""
    automaton = ahocorasick.Automaton()
    for p in phrases:
        needle = " " + " ".join(p) + " "
        automaton.add_word(needle, needle)
    if phrases:
        automaton.make_automaton()
    return automaton


def _has_any(automaton: Any, text: str) -> bool:
    """Does `text` contain any of the automaton's strings (as `needle in text` would say)?"""
    return len(automaton) > 0 and next(automaton.iter(text), None) is not None


def _conflict_in(sent: "SpacySpan", patterns: EventPatterns, *, kb: Any, index: ActorIndex,
                 forms: tuple[str, str] | None = None) -> bool:
    """Does the sentence tell of armed conflict: a conflict word (soldiers, gunmen, airstrike,
    ceasefire...) or an armed actor named in it? `forms`: the sentence's `sentence_text_forms`."""
    lemmas, words = forms or sentence_text_forms(sent)
    needles = _needles(patterns.conflict_words)
    return _has_any(needles, lemmas) or _has_any(needles, words) or \
        _armed_actor_in(sent.start_char, sent.end_char, kb=kb, index=index)


# the rule of an event a text about something else tells in passing ("in-passing:kill"): political violence
# it recalls, which makes the text no report of conflict (its speakers' words are no conflict statements)
IN_PASSING = "in-passing:"


def told_in_passing(ev: Event) -> bool:
    """Was the event told in passing by a text about something else (a court case, a policy, an election)?"""
    return ev.rule.startswith(IN_PASSING)


def told_as_news(ev: Event, published: dt.date | None) -> bool:
    """Is the event the news of its report: main, not told in passing, and dated within the days before it
    was published that are not yet recalled (attributes.RECALLED_DAYS)?"""
    return (ev.salience == "main" and not told_in_passing(ev) and ev.event_date is not None
            and published is not None and 0 <= (published - ev.event_date).days <= RECALLED_DAYS)


def _armed_organisation_in(start: int, end: int, *, kb: Any, index: ActorIndex) -> bool:
    """Is an armed organisation outside the state (Islamic State, the YPG, Boko Haram) named between the offsets?"""
    return any(_actor_type(a, kb=kb, index=index) in NON_STATE_GROUPS for _, _, a in index.within(start, end))


def _called_political(sent: "SpacySpan", patterns: EventPatterns, *, kb: Any, index: ActorIndex,
                      forms: tuple[str, str]) -> bool:
    """Does the sentence call violence political: words of terrorism or militancy ("inspired by Islamist
    militants"), or an armed organisation outside the state named ("claimed by Islamic State")?"""
    needles = _needles(patterns.political_violence_words)
    return _has_any(needles, forms[0]) or _has_any(needles, forms[1]) or \
        _armed_organisation_in(sent.start_char, sent.end_char, kb=kb, index=index)


def _tied_names(sents: list["SpacySpan"], *, kb: Any, index: ActorIndex) -> set[str]:
    """The people a text ties to an armed organisation outside the state, by the last word of their names: those
    named in a sentence that names such an organisation ("Smith told police he had answered an appeal by Islamic
    State's leader")."""
    return {e[-1].lower_ for s in sents if _armed_organisation_in(s.start_char, s.end_char, kb=kb, index=index)
            for e in s.ents if e.label_ == "PERSON"}


def _killing_by_tied(m: Mention, tied: set[str]) -> bool:
    """"After John Smith killed a police officer and her partner": a killing of people done by a person the text
    ties to an armed organisation outside the state elsewhere, which tells an attack it calls political there."""
    head = m.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in KILLING_VERBS:
        return False
    doers = [c for c in head.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON" and c.lower_ in tied]
    return bool(doers) and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in head.children)


def _beside(flags: list[bool], k: int, sents: list["SpacySpan"], text: str) -> bool:
    """Is the flag set for the sentence before or after sentence k in its paragraph (no line break between)?"""
    s = sents[k]
    return any(0 <= j < len(sents) and flags[j] and "\n" not in
               text[min(sents[j].end_char, s.end_char):max(sents[j].start_char, s.start_char)] for j in (k - 1, k + 1))


YEAR_DEPS = {"nummod", "compound", "amod", "npadvmod"}
STRUCK_PREPS = {"of", "on", "at", "in", "against"}
# acts done by people: "a 2015 blast at a plant", "a 2015 fire at a platform" may be accidents
DATED_ACT_NOUNS = VIOLENT_INCIDENT_NOUNS - {"blast", "explosion", "incident", "operation"}


def _dated_violence_noun(m: Mention, published: dt.date | None) -> bool:
    """An act of violence named by a noun its own year dates, with what or whom it struck ("the 2011 shooting of a
    congresswoman", "a 2013 assault on a mall in Nairobi"): a past incident the report states, whatever words of
    conflict its sentence lacks."""
    head = m.head
    if published is None or m.coding.event_type not in ARMED_VIOLENCE or head.pos_ != "NOUN" \
            or head.lemma_.lower() not in DATED_ACT_NOUNS:
        return False
    dated = any(c.dep_ in YEAR_DEPS and c.shape_ == "dddd" and c.text.isdigit()
                and FIRST_YEAR <= int(c.text) < published.year for c in head.children)
    return dated and any(c.dep_ == "prep" and c.lower_ in STRUCK_PREPS for c in head.children)


FATAL_ADVERBS = {"fatally", "mortally"}


def _fatal_blow(m: Mention) -> bool:
    """A blow told as deadly ("fatally shooting nine people", "mortally stabbed a guard"): a death, as "killed" is."""
    return m.trigger.kind == "event" and m.coding.event_type in ARMED_VIOLENCE and m.head.pos_ == "VERB" \
        and any(c.dep_ == "advmod" and c.lower_ in FATAL_ADVERBS for c in m.head.children)


def _person_wounded(m: Mention, patterns: EventPatterns) -> bool:
    """A blow that hits a person, told with the person hit and its own day ("she was shot and stabbed on
    Thursday", "stabbed a guard on Monday"): harm told, as "killed" or "wounded" is; not things hit ("shot a
    film"), nor a step of an incident told before ("He then shot the driver", in a retelling of a past crime)."""
    head = m.head
    if m.trigger.kind != "event" or m.coding.event_type not in ARMED_VIOLENCE or head.pos_ != "VERB" \
            or head.lemma_.lower() not in WOUNDING_VERBS:
        return False
    verbs = [head] + ([head.head] if head.dep_ == "conj" and head.head.pos_ == "VERB" else [])
    verbs += [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if not any(t.ent_type_ == "DATE" and (t.head in verbs or t.head.dep_ == "prep" and t.head.head in verbs)
               for t in m.sent) and not _place_told_first(verbs, m.sent):
        return False
    # a name the parse tags no place or organisation is a person's ("Cox was shot"); a pronoun ("where he was
    # shot") is most often the person hit again, in the retelling of an incident told before
    return any(c.dep_ in ("nsubjpass", "dobj") and c.pos_ != "PRON"
               and (_people(c, patterns) or c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and not c.ent_type_))
               for v in verbs for c in v.children)


def _place_told_first(verbs: list[Any], sent: "SpacySpan") -> bool:
    """A sentence that opens on its own place, then tells who struck ("In Hebron, a Palestinian stabbed a
    soldier", in a round-up of the day's attacks): a new incident, as one told with its own day is; not a
    retelling by a pronoun ("In the car, he then shot the driver")."""
    first = sent[0]
    if first.dep_ != "prep" or first.lower_ not in ("in", "at", "near") or first.head not in verbs:
        return False
    phrase = list(first.subtree)
    after = phrase[-1].i + 1
    if after >= sent.end or sent.doc[after].text != "," or not any(t.pos_ == "PROPN" for t in phrase):
        return False
    return any(c.dep_ == "nsubj" and c.pos_ != "PRON" for v in verbs for c in v.children)


def _victim_named(m: Mention) -> bool:
    """An injury or death word with the people it struck ("injuring 5 people", "two soldiers were killed")."""
    head = m.head
    near = list(head.children) + ([head.head] if head.dep_ in ("amod", "acl", "relcl") else [])
    verb = head
    while verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        verb = verb.head               # "a man was beaten, stabbed and killed": the first verb's subject
        near += [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    return any((t.pos_ in ("NOUN", "PROPN") or t.lower_ in COUNTED_PEOPLE)
               and t.dep_ in ("dobj", "nsubjpass", "nsubj", "compound")
               or t.dep_ == "amod" for t in near if t.i != head.i)


# words that stand alone for the people struck ("Both were killed in a shootout", "all were wounded"); a bare
# number is left out ("killed one of his sons", "One dead, 3 hurt" are as often crime news)
COUNTED_PEOPLE = {"both", "all", "several", "many", "dozens", "scores", "hundreds"}


def _violence_to_people(m: Mention, patterns: EventPatterns) -> bool:
    """Another incident of violence told as one: a violent verb with the people it struck and either its
    attackers ("a doctor was shot in an attack by three men") or the victim as another ("another man was
    beaten"); not a noun ("the attack"), a verb without its victim ("shooting broke out"), things struck."""
    head = m.head
    if m.coding.event_type not in ARMED_VIOLENCE or head.pos_ != "VERB" or m.trigger.kind != "event":
        return False
    victims = [c for c in head.children if c.dep_ in ("nsubjpass", "dobj")
               and (_people(c, patterns) or c.ent_type_ == "PERSON")]
    attackers = any(t.lower_ == "by" and any(g.dep_ == "pobj" and _people(g, patterns) for g in t.children)
                    for t in head.subtree)
    return bool(victims) and (attackers or any(c.dep_ == "det" and c.lower_ == "another"
                                               for v in victims for c in v.children))


def _fired_at_forces(m: Mention, patterns: EventPatterns) -> bool:
    """"opened fire at two police officers", "fired on the police station": shots aimed at armed forces."""
    heads = [m.head] + [c for c in m.head.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire"]
    aimed = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon")
             for g in c.children if g.dep_ == "pobj"]
    # "attacks on security targets": a target the forces' own word names
    force_words = patterns.armed_nouns | FORCE_WORDS
    return any(g.lemma_.lower() in patterns.armed_nouns and not _off_duty(g)
               or any(c.dep_ in ("compound", "amod") and {x.lemma_.lower() for x in (c, *c.conjuncts)} & force_words
                      for c in g.children)
               for g in aimed)


HARM_VERBS = {"kill", "wound", "injure", "murder", "lynch"}
# verbs of a blow that hits its object ("three officers were shot", "gunned down", "stabbed a guard"): harm told
WOUNDING_VERBS = {"shoot", "gun", "stab"}


def _killed_by_people(m: Mention, patterns: EventPatterns) -> bool:
    """"a group of locals killed a suspected thief": a death word whose subject is people (a crowd,
    civilians, fighters, a named group or person), not a flood or a crash, tells a killing."""
    head = m.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in HARM_VERBS:
        return False
    verbs = [head] + ([head.head] if head.dep_ == "conj" else [])
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    subjects += [g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    people = patterns.crowd_nouns | patterns.civilian_nouns | patterns.armed_nouns | patterns.unidentified_nouns
    for s in subjects:
        if s.lemma_.lower() in ("group", "number", "band", "gang") or s.lemma_.lower() in people \
                or s.ent_type_ in ("PERSON", "NORP", "ORG"):
            return True
    return False


def _handled(m: Mention, patterns: EventPatterns) -> bool:
    """"confessed to transporting the explosives", "a man carrying a bomb", "wearing an explosive vest": a
    weapon noun, or the noun a weapon word modifies, as the object of a verb that handles it (carrying
    out an attack is doing it)."""
    head = m.head
    if head.pos_ == "ADJ" and head.dep_ == "amod" and head.lemma_.lower() in patterns.weapons:
        head = head.head               # "an explosive vest": the vest is what is worn ("found dead men" tells deaths)
    if head.pos_ not in ("NOUN", "PROPN") or m.trigger.kind == "label":
        return False
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head               # "transported guns, explosives and people"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in AMOUNT_NOUNS:
        head = head.head.head          # "quantities of guns, explosives"
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    return head.dep_ in ("dobj", "nsubjpass", "pobj") and verb.lemma_.lower() in patterns.handling_verbs \
        and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


AMOUNT_NOUNS = {"quantity", "amount", "cache", "stockpile", "supply", "load", "shipment", "consignment", "haul",
                "kilogram", "ton", "tonne", "crate", "box"}


PENALTY_VERBS = {"sentence", "condemn"}
PENALTY_NOUNS = {"sentence", "penalty", "row", "verdict"}


# "his murder trial", "terrorism charges": an event noun naming what a court case is about
LEGAL_NOUNS = {"trial", "charge", "case", "conviction", "hearing", "indictment", "verdict", "sentence", "appeal"}


def _penalty(m: Mention) -> bool:
    """"sentenced two men to death", "the death penalty": a punishment a court hands down, no one
    killed; "his murder trial": a court case, no incident of its own."""
    head = m.head
    if head.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN") and head.head.lemma_.lower() in LEGAL_NOUNS \
            and m.trigger.kind != "label":
        return True
    if m.trigger.kind != "outcome" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ == "compound" and head.head.lemma_.lower() in PENALTY_NOUNS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lemma_.lower() in PENALTY_VERBS


def _attackers_killing(m: Mention) -> bool:
    """"A gunman massacred 49 people", "two suicide bombers killed 15 worshippers": a killing of people counted,
    done by those the text calls attackers, tells an attack even in a text about something else (an alligator,
    a phone's encryption), where it is recalled; "a man shot his neighbour" is not told as an attack."""
    head = m.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in KILLING_VERBS | {"massacre"}:
        return False
    doers = [c for c in head.children if c.dep_ == "nsubj" and c.lemma_.lower() in PERPETRATORS - {"suspect"}]
    counted = [c for c in head.children if c.dep_ == "dobj" and any(n.dep_ == "nummod" for n in c.children)]
    return bool(doers) and bool(counted)


# a court's words: what someone is charged with, convicted or sentenced for is the charge, no incident told
CHARGE_WORDS = {"charge", "convict", "indict", "sentence", "prosecute", "acquit", "plead", "guilty", "innocent"}


def _charged_with(m: Mention) -> bool:
    """"was charged with taking part in ... and attempted terrorist murder", "found guilty of attempting
    to provide material support", "on charges of murder": the charge names an act, the report tells none."""
    head = m.head
    # a charge that names an incident ("convicting them of helping to plan last week's car bombing at a market
    # in Mahmudiya", "convicted of genocide for the 1995 Srebrenica massacre") tells that it happened
    if any(c.dep_ in ("det", "poss", "nummod", "prep") or c.dep_ == "compound" and c.pos_ == "PROPN"
           for c in head.children):
        return False
    for anc in head.ancestors:
        if anc.dep_ == "prep" and anc.lower_ in ("with", "of", "for") and anc.head.lemma_.lower() in CHARGE_WORDS:
            return True
    # "charged with taking part in ..., and attempted terrorist murder": the parser joins the act to the verb
    verb = head.head if head.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") else None
    return verb is not None and verb.lemma_.lower() in CHARGE_WORDS and \
        any(c.dep_ == "prep" and c.lower_ in ("with", "of") for c in verb.children)


CITING_VERBS = {"cite"}


def _cited(m: Mention) -> bool:
    """"resigned, citing the failure of the talks and the continued shelling of rebel-held areas": an event
    noun someone gives as a reason is the reason, not an incident the report tells."""
    t = m.head
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "dobj" and t.head.lemma_.lower() in CITING_VERBS


def _fighting_for(m: Mention) -> bool:
    """"An American fighting for Islamic State was taken into custody", "a U.S. citizen said to have been
    fighting for Islamic State": whose side someone is on, not a battle ("the fighting for Aleppo" is one)."""
    head = m.head
    if m.trigger.kind == "label" or head.lower_ not in ("fighting", "fights", "fought"):
        return False
    sides = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "alongside")
             for p in c.children if p.dep_ == "pobj"]
    # a side, not a place fought for ("the fighting for Aleppo" is a battle)
    # a verb ("have been fighting for"), or a person the parser took into the noun ("An American fighting for"),
    # not the noun of a battle ("the fighting for Aleppo", "heavy fighting for the town")
    who = head.pos_ in ("VERB", "AUX") or any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in head.children)
    return who and any(t.ent_type_ in ("ORG", "NORP") or t.lemma_.lower() in SIDE_NOUNS
                       for p in sides for t in p.subtree)


SIDE_NOUNS = {"group", "militia", "side", "government", "regime", "rebels", "militants", "army", "jihadists"}


def _generic_statement(m: Mention) -> bool:
    """"Gun attacks in Britain are rare", "their attacks on shipping are in support of ...": a plural
    event noun as the subject of a present-tense verb speaks of attacks in general, not of one; so does one a
    present-tense verb of using takes ("militants use roadside bombs, kidnappings and suicide attacks"): tactics."""
    head = m.head
    if head.tag_ == "NNS" and m.trigger.kind != "label" and _tactic_used(head):
        return True
    if head.tag_ != "NNS" or head.dep_ not in ("nsubj", "nsubjpass") or m.trigger.kind == "label":
        return False
    verb = head.head
    if _run_recurring(verb):
        return False      # "small bombings occur on a near-daily basis in Baghdad": a run of real incidents
    return verb.tag_ in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ")
                                               and c.lower_ not in ("has", "have") for c in verb.children)


# verbs whose subject, a plural event noun, is incidents that take place ("bombings occur", "attacks hit the city")
RECURRING_VERBS = {"occur", "happen", "hit", "strike", "rock", "shake", "kill"}


def _run_recurring(verb: Any) -> bool:
    """A present-tense verb of incidents taking place, told with how often they recur ("bombings occur on a
    near-daily basis", "attacks take place almost every day"): the guide's aggregate of incidents that
    happened, background, not a statement about attacks in general ("gun attacks are rare")."""
    occurs = verb.lemma_.lower() in RECURRING_VERBS or (
        verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))
    return occurs and told_with_frequency(verb)


USING_VERBS = {"use", "employ", "favor", "favour", "prefer", "adopt"}


def _tactic_used(head: Any) -> bool:
    """A plural noun (or one of a list of them) that a present-tense verb of using takes as its object."""
    while head.dep_ == "conj":
        head = head.head
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in USING_VERBS:
        return False
    return verb.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ")
                                               and c.lower_ not in ("has", "have") for c in verb.children)


def _shows_something(m: Mention, patterns: EventPatterns) -> bool:
    """"a demonstration of how divided the party is": a showing of something, not a protest (a
    protest is a demonstration by, against or over someone)."""
    head = m.head
    if head.pos_ != "NOUN":
        return False
    of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
          if g.dep_ in ("pobj", "pcomp")]
    return any(g.lemma_.lower() not in patterns.victim_nouns and g.lemma_.lower() not in patterns.protester_nouns
               for g in of)


def _gated(m: Mention, *, here: bool, window: bool) -> bool:
    """The trigger has the context its pattern's gate asks for."""
    gate = m.trigger.gate
    return gate == "none" or (gate == "conflict_sentence" and here) or (gate == "conflict" and window)


# arms an event word names the kind of ("assault rifle", "assault-weapons ban")
ARMS_NOUNS = {"weapon", "rifle", "gun", "carbine"}
# arms held in the hand and what they do: an attack told with one names its own kind
HAND_ARMS = {"gunman", "gunfire", "pistol", "knife", "machete", "axe", "shoot", "shot", "stab", "gunshot", "sniper"}
# "the front lines of battle", "the line of fire": a place near fighting, not a fight
FRONT_NOUNS = {"line", "front", "frontline"}


def _seized_upon(head: Any) -> bool:
    """"the candidate seized upon a familiar issue", "critics seized on the remark": to seize on something
    is to make use of it, no place taken ("rebels seized the town on Monday" has its object)."""
    return head.pos_ == "VERB" and head.lemma_.lower() in ("seize", "pounce") \
        and not any(c.dep_ == "dobj" for c in head.children) \
        and any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") for c in head.children)


# acts and devices of violence: what they strike is a thing that can be hit ("two blasts struck a market"), not a
# market of buyers or a scene of a film
STRIKING_THINGS = FIRED_WEAPONS | {"attack", "blast", "explosion", "bombing", "airstrike", "bomber", "gunman", "gunmen"}


def _struck_by_violence(head: Any) -> bool:
    """"the attack targeted an open-air market", "a car bomb hit the market": the verb's subject is an act or a
    device of violence, so its object is a place or people struck, whatever else the word may mean."""
    return head.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lemma_.lower() in STRIKING_THINGS
                                       for c in head.children)


def _figurative(m: Mention, target: "Any", patterns: EventPatterns) -> bool:
    """"an attack on the bill", "shot a film", "the fight against malaria": the object of a violent
    word is no one who could be attacked."""
    head = m.head
    if _seized_upon(head):
        return True
    objs = [target] if target is not None else []
    objs += [c for c in head.children if c.dep_ in ("dobj", "attr")]
    objs += [g for c in head.children if c.dep_ == "prep" and c.lower_ in FIGURATIVE_PREPS
             for g in c.children if g.dep_ == "pobj"]
    # "a bombing at a market": a place where it happened, not a market that was "attacked"
    objs = [o for o in objs if not (o.dep_ == "pobj" and o.head.lower_ == "at" and o.lemma_.lower() in PLACE_LIKE)
            and not at_the_scene(o)]
    agents = [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if any({c.lemma_.lower() for c in g.children if c.dep_ in ("compound", "amod")} & patterns.not_event_compounds
           for g in agents):
        return True                        # "targeted by tax raids"
    if head.dep_ == "amod":
        objs.append(head.head)             # "explosive growth"
    if (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in FRONT_NOUNS
            and not any(c.dep_ in ("det", "amod", "acl", "relcl", "poss") for c in head.children)) or \
            (head.dep_ == "compound" and head.head.lemma_.lower() in FRONT_NOUNS):
        # "closer to the front lines of battle", "near the battle front": where (not "the front line of a new
        # offensive launched on Sunday", which tells the offensive)
        return True
    if head.lemma_.lower() == "fire" and head.dep_ == "dobj" and head.head.lemma_.lower() == "draw":
        return True                        # "the decision drew fire from the police union": criticism
    if head.dep_ in ("compound", "amod") and head.head.lemma_.lower() in ARMS_NOUNS:
        return True                        # "an assault-weapons ban", "an assault rifle": a kind of arm
    modifiers = {c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "nmod", "amod")}
    if modifiers & patterns.not_event_compounds:
        return True                        # "gun control", "tax raids", "an uphill battle"
    if m.trigger.kind == "territory" and head.lemma_.lower() == "control" and head.dep_ == "compound":
        return True                        # "control booths", "a control tower": a kind of thing, no ground taken
    stop = patterns.not_targets
    if m.trigger.kind == "territory":
        # "captured the market", "regained control of the van": no territory taken
        stop = patterns.not_territories
        # "captured the market"; "took control of the restaurant" (the control's "of", not the verb's)
        holders = [head] + [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() == "control"]
        objs += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"]
    for o in objs:
        if o.lemma_.lower() in patterns.victim_nouns and o.lemma_.lower() not in stop:
            continue                       # "a right to information law activist": a person, whatever their cause
        words = {c.lemma_.lower() for c in o.children if c.dep_ == "compound"}
        if o.lemma_.lower() in patterns.civilian_sites and not words & stop and _harmful(m, patterns):
            continue                       # "a bomb attack on a market" (not "the stock market"), "an attack on
            #                                a market killed 16"
        if not (o.head.i == head.i and o.dep_ == "dobj" and _struck_by_violence(head)):
            words |= {o.lemma_.lower(), o.lower_}     # "the blast hit the stock market": still its compound's
        if words & stop:
            return True
    return False


def _harmful(m: Mention, patterns: EventPatterns) -> bool:
    """The event word names its weapon ("a car bomb attack") or is what killed or hurt ("the attack killed 16"):
    what it was aimed at was struck, whatever else the word may mean ("the market" of a place, not of buyers)."""
    head = m.head
    return _weapon(m, patterns) is not None or (head.dep_ == "nsubj" and head.head.lemma_.lower() in HARM_VERBS)


def _person_taken(m: Mention, patterns: EventPatterns, places: list[Place] = ()) -> bool:
    """"She was captured in 2014", "soldiers captured on a mission", "to capture, not kill, him": a
    person captured is no territory taken. A name the places stage read as a town is none ("troops
    retook Palmyra", the small model's person)."""
    head = m.head
    if m.trigger.kind != "territory":
        return False
    if head.pos_ == "NOUN":
        return _captive_owner(head)
    if head.pos_ != "VERB":
        return False
    if expelling(m):
        return False                       # "fighters were pushed from Palmyra": they lost the place, none was taken
    taken = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    reduced = []                           # "soldiers captured while on a secret mission" (a reduced passive)
    if head.tag_ == "VBN" and head.dep_ in ("acl", "relcl"):
        reduced.append(head.head)
    elif head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in head.children):
        reduced += [c for c in head.children if c.dep_ == "nsubj"]
    if any(r.lemma_.lower() in patterns.victim_nouns and r.lemma_.lower() not in PLACE_LIKE
           and r.lemma_.lower() not in ("position", "checkpoint", "base", "outpost", "post") for r in reduced):
        return True
    if any(c.lower_ == "alive" for c in head.children):
        return True                        # "at least one was captured alive": only the living are
    if not taken and head.dep_ == "conj":
        # "killed two and captured a third"; "was shot and captured by police" (the first verb's passive subject)
        taken = [c for c in head.head.children if c.dep_ == "dobj"
                 or (c.dep_ == "nsubjpass" and any(a.dep_ == "agent" for a in head.children))]
    if not taken:
        # "capturing and killing fighters": the object both verbs share hangs from the second; "captured
        # bombing suspect X" may be parsed with the name under a clause of its own
        taken = [g for c in head.children if c.dep_ in ("conj", "xcomp", "ccomp") and c.pos_ == "VERB"
                 for g in c.children if g.dep_ == "dobj"]
    taken = [x for t in taken for x in _counted(t, head)]
    # a name the places stage did not read as a town, tagged a person's or nothing ("Smith was captured"; not
    # "dislodged Islamic State", a group's name split by the tagger)
    return any((t.pos_ == "PROPN" and (t.ent_type_ == "PERSON" or not t.ent_type_ and not any(
                    c.ent_type_ for c in t.children if c.dep_ == "compound"))
                and not any(p.span.start <= t.idx < p.span.end for p in places))
               or _people(t, patterns) for t in taken)


def _counted(t: Any, verb: Any) -> list[Any]:
    """What a bare number or rank stands for ("six of the militants": the militants; "killing six of the
    militants and capturing a seventh": the militants the other verb counts), else the word itself."""
    if not (t.like_num or t.ent_type_ in ("ORDINAL", "CARDINAL")) or t.pos_ not in ("NUM", "ADJ", "PRON"):
        return [t]
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of:
        return of
    others = [verb.head] if verb.dep_ == "conj" else [c for c in verb.children if c.dep_ == "conj"]
    return [g for v in others if v.pos_ == "VERB" for o in v.children if o.dep_ == "dobj"
            for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


# who a capture noun belongs to when it is theirs as captives: "during their capture", "his capture"
CAPTIVE_OWNERS = {"his", "her", "their", "my", "our", "your"}


def _captive_owner(head: Any) -> bool:
    """A capture noun owned by a person with nothing it takes ("during their capture", "after his capture"):
    people were captured, not a place (not "its capture", "their capture of the town")."""
    if head.lemma_.lower() != "capture" or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False      # "Assad's control over areas": a ruler's hold, not a captive's
    return any(c.dep_ == "poss" and (c.lower_ in CAPTIVE_OWNERS or c.ent_type_ == "PERSON") for c in head.children)


def _people_taken(m: Mention, patterns: EventPatterns) -> bool:
    """Plainly people what a territory word takes ("seized a man", "the trio", "20 soldiers", "him"), not
    a name the parser may take for a person's ("controlled Palmyra")."""
    return any(_people(t, patterns) for t in m.head.children if t.dep_ == "dobj")


# buildings and posts named after who uses them: "seized the district's police station" takes a place
HELD_PLACES = {"station", "headquarters", "building", "post", "base", "compound", "barracks", "office",
               "checkpoint", "academy", "camp", "airport", "prison", "jail"}


def _people(t: Any, patterns: EventPatterns) -> bool:
    if t.lemma_.lower() in HELD_PLACES:
        return False
    return a_person(t, patterns) or any(a_person(c, patterns) for c in t.children if c.dep_ == "compound")


# verbs that take a captive's life: a hostage killed is an attack on a civilian (ACLED Codebook 2023,
# "Abduction/forced disappearance": an abductee killed is coded as an attack)
KILLING_VERBS = {"kill", "behead", "decapitate", "execute", "murder", "slaughter", "slay", "shoot", "hang"}
CAPTIVE_NOUNS = {"hostage", "captive", "abductee"}
HOLDING_VERBS = {"hold", "take", "keep"}      # "held hostage", "took them hostage": the captive is another word


def _killing(tok: Any) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in KILLING_VERBS


def _captives(m: Mention) -> list[Any]:
    """Who an abduction word holds: the captive noun itself ("the 20 hostages"), what the verb took
    ("kidnapped two engineers", "a man kidnapped in May": the noun it describes), or who was held
    hostage ("a Canadian man held hostage")."""
    head = m.head
    as_state = head.lemma_.lower() in CAPTIVE_NOUNS and head.dep_ in ("dobj", "attr", "oprd") \
        and head.head.lemma_.lower() in HOLDING_VERBS
    if head.lemma_.lower() in CAPTIVE_NOUNS and not as_state:
        return [head]
    verb = head.head if as_state else head
    if verb.pos_ != "VERB":
        return []
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i != head.i]
    if verb.dep_ in ("acl", "relcl"):
        held.append(verb.head)
    elif not held and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            and (verb.tag_ == "VBN" or (as_state and not any(c.dep_ == "det" for c in head.children))):
        # a reduced passive read as a subject: "a man kidnapped in May", "a Canadian man held hostage"
        held += [c for c in verb.children if c.dep_ == "nsubj"]
    return held


def _captive_killed(m: Mention) -> bool:
    """"the 20 hostages killed by militants", "beheaded a Canadian hostage", "a man held hostage had been
    beheaded": the abduction word's captive is the one a killing verb struck, so the event is the killing."""
    if m.coding.sub_event_type != "Abduction/forced disappearance":
        return False
    for c in _captives(m):
        if c.dep_ in ("dobj", "nsubjpass") and _killing(c.head):
            return True
        if any(k.dep_ in ("acl", "relcl") and _killing(k) for k in c.children):
            return True
        verb = c.head
        # "a man held hostage had been beheaded", the subject parsed to "held" and the killing verb hung
        # beside it or under it, with no subject of its own
        beside = [k for k in [*verb.children, *verb.head.children] if k.i != verb.i and k.dep_ in ("ccomp", "conj")]
        if c.dep_ == "nsubj" and any(_killing(k) and not any(x.dep_ in ("nsubj", "nsubjpass") for x in k.children)
                                     for k in beside):
            return True
    return False


ARRESTS = Coding("Strategic developments", "Arrests", "173")
BATTLE = Coding("Battles", "Armed clash", "190")


def _offensive_for(head: Any) -> bool:
    """A territory word that is the aim of an offensive ("an offensive to retake Mosul", "launched an
    operation to recapture Fallujah")."""
    verb = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass") else head
    gov = verb.head
    if gov.lemma_.lower() in OFFENSIVE_WORDS or offensive_between(gov, verb):
        return True
    # "launched a military operation over a week ago to recapture": the infinitive hangs off the verb
    return verb.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lemma_.lower() in OFFENSIVE_WORDS for c in gov.children)


def _offensive_intended(head: Any) -> bool:
    """The offensive a territory word is the aim of is itself only meant or foreseen ("is determined to
    accelerate the campaign and recapture ...", "expected Gulf states to send forces to help fighters in their
    drive to retake ..."): no fighting told as happening."""
    verb = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass") else head
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.head.i == verb.i:
        return False
    for t in [verb.head, *verb.head.ancestors][:4]:
        if t.lemma_.lower() in REPORTING_VERBS:
            return False
        if t.lemma_.lower() in PLAN_LEMMAS or intent(t) or any(
                c.dep_ == "aux" and c.lower_ in ("will", "would") for c in t.children):
            return True
    return False


ABDUCTION = Coding("Violence against civilians", "Abduction/forced disappearance", "181")
# words of capture that take places as well as people ("an attempt to capture the town")
CAPTURE_WORDS = {"capture", "seize", "take", "recapture", "overrun"}


def _place_captured(m: Mention) -> bool:
    """An arrest word that takes a place ("an attempt to capture the town", "Mosul, captured by Islamic
    State in June 2014"): territory taken, no arrest (ACLED: arrests are of people)."""
    head = m.head
    if m.coding.sub_event_type != "Arrests" or m.trigger.kind == "label" or head.lemma_.lower() not in CAPTURE_WORDS:
        return False
    taken = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.tag_ == "VBN" and head.dep_ in ("acl", "relcl", "appos") or head.dep_ == "amod":
        taken.append(head.head)              # "Mosul, captured by ...", "the captured town"
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in TAKEN_PLACES for t in taken)


# what records a scene: "captured on camera", "caught on a cellphone video"
RECORDINGS = {"camera", "video", "film", "tape", "footage", "cctv", "videotape", "cellphone", "phone", "photograph",
              "photo", "picture", "audio", "livestream", "stream", "recording", "wiretap", "microphone"}


def _recorded(m: Mention) -> bool:
    """"an attack that was captured on video", "the shooting, captured by a security camera": a scene
    caught on a recording, no place or person taken ("shot dead on camera" is still a shooting)."""
    head = m.head
    if head.pos_ == "VERB" and head.lemma_.lower() in CAPTURE_WORDS | {"catch"} and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in RECORDINGS for c in head.children):
        return True           # "the recordings captured him admitting it", "a camera caught the attack"
    return head.pos_ == "VERB" and head.lemma_.lower() in CAPTURE_WORDS | {"catch"} and any(
        c.dep_ in ("prep", "agent") and c.lower_ in ("on", "by", "in", "during") and any(
            g.lemma_.lower() in RECORDINGS or any(x.dep_ == "compound" and x.lemma_.lower() in RECORDINGS
                                                  for x in g.children) for g in c.children if g.dep_ == "pobj")
        for c in head.children)


# what an arrest word names when it modifies one of these nouns: "an arrest warrant", "a detention center", "his
# arrest record" are a document, a place or a past, no one taken into custody
ARREST_THINGS = {"warrant", "center", "centre", "facility", "camp", "record", "order", "power", "law", "policy",
                 "rate", "quota", "statistic", "figure"}


def _arrest_thing(m: Mention) -> bool:
    """An arrest noun that only qualifies a thing ("issued an arrest warrant for the speaker", "worked at a
    juvenile detention center", "records on arrests and use of force"): no arrest made."""
    head = m.head
    if m.coding.sub_event_type != "Arrests" or m.trigger.kind == "label" or head.pos_ != "NOUN":
        return False
    if head.dep_ in ("compound", "nmod", "amod") and head.head.lemma_.lower() in ARREST_THINGS:
        return True
    # a bare plural told as what a record or a policy is about ("data on arrests"), none of its own
    if head.dep_ != "pobj" or head.tag_ != "NNS" or head.head.lower_ not in ("on", "of", "about") \
            or any(c.dep_ in ("det", "nummod", "poss", "prep") for c in head.children):
        return False
    held = head.head.head           # "records on arrests", or "keep records on arrests" as the parser hangs it
    return held.lemma_.lower() in ARREST_THINGS or held.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ARREST_THINGS for c in held.children)


# who is taken, or what for, that makes an arrest political (ACLED codes arrests of opponents, activists,
# protesters and fighters, and arrests over unrest or violence): such an arrest needs no other word of conflict
# ("The opposition leader was arrested in Harare on Tuesday"); an arrest of a man for stealing a car needs one
# holders of or candidates for office: both detainees who make an arrest political and victims who make violence so
OFFICE_HOLDERS = frozenset({"politician", "lawmaker", "legislator", "senator", "parliamentarian", "minister", "mayor",
                            "governor", "candidate"})
POLITICAL_DETAINEES = OFFICE_HOLDERS | {"opposition", "activist", "protester", "protestor", "demonstrator",
                                        "dissident", "journalist", "blogger", "militant", "rebel", "insurgent",
                                        "jihadist", "islamist", "extremist", "occupier", "holdout", "coup", "plotter",
                                        "mutineer", "separatist", "ringleader"}
POLITICAL_CAUSES = {"protest", "demonstration", "rally", "unrest", "riot", "occupation", "standoff", "stand-off",
                    "coup", "uprising", "insurgency", "attack", "bombing", "plot", "terrorism", "sedition", "treason",
                    "subversion", "rebellion", "mutiny", "siege", "massacre", "blast", "explosion"}
CAUSE_PREPS = {"over", "for", "after", "following"}
ACCUSATION_NOUNS = {"accusation", "charge", "suspicion", "allegation"}


def _political_arrest(m: Mention) -> bool:
    """An arrest told by its verb with a political detainee ("opposition supporters were detained", "arrested
    two activists") or a political cause ("arrested over the occupation", "in connection with the standoff")."""
    head = m.head
    if m.coding.sub_event_type != "Arrests" or m.trigger.kind != "event" or head.pos_ != "VERB":
        return False
    taken = [c for c in head.children if c.dep_ in ("nsubjpass", "dobj")]
    if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
        taken.append(head.head)             # "activists who were arrested", "two activists arrested on Monday"
    if any(w.lemma_.lower() in POLITICAL_DETAINEES for t in taken for w in [t, *t.children]
           if w is t or w.dep_ in ("compound", "amod", "nmod", "poss")):
        return True
    # "arrested over the occupation", "charged with conspiracy in connection with a 2014 standoff"
    if any(prep.dep_ == "prep" and (prep.lower_ in CAUSE_PREPS or prep.lower_ == "with"
                                    and prep.head.lower_ == "connection")
           and any(o.dep_ == "pobj" and o.lemma_.lower() in POLITICAL_CAUSES for o in prep.children)
           for prep in head.subtree):
        return True
    # "jailed on accusations he helped the coup leaders", "held on suspicion of plotting a bombing": what the
    # accusation says runs to the sentence's end (the parser often hangs its clause elsewhere)
    accused = [o for c in [head, *(x for x in head.children if x.dep_ == "conj")] for p in c.children
               if p.dep_ == "prep" and p.lower_ == "on" for o in p.children
               if o.dep_ == "pobj" and o.lemma_.lower() in ACCUSATION_NOUNS]
    return any(w.pos_ == "NOUN" and w.lemma_.lower() in POLITICAL_CAUSES
               for o in accused[:1] for w in m.sent[o.i - m.sent.start + 1:])


# people whose harm makes violence political: "a member of parliament was shot dead", "the killing of a lawmaker"
POLITICIANS = OFFICE_HOLDERS | {"congressman", "congresswoman", "mp", "president"}


def _politician_harmed(m: Mention) -> bool:
    """Violence told against a politician ("a member of parliament was shot dead", "Jones, a senator, was
    attacked", "the killing of the mayor"): political violence, whoever did it."""
    head = m.head
    if m.coding.event_type not in ARMED_VIOLENCE:
        return False
    struck = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] + \
        [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    near = [w for t in struck for w in [t, *t.children] if w is t or w.dep_ in ("appos", "compound", "amod")]
    near += [g for t in struck for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() == "parliament"]
    return any(w.lemma_.lower() in POLITICIANS or w.lemma_.lower() == "parliament" for w in near)


def _unrest_told(sents: list["SpacySpan"], forms: list[tuple[str, str]], found: list[list[Mention]],
                 patterns: EventPatterns, *, kb: Any, index: ActorIndex) -> bool:
    """Does the text tell of war, political violence or unrest, not crime alone: words of them ("troops",
    "protesters", "a coup", "terrorism"), an armed organisation outside the state, a demonstration, or violence
    against a politician? Police, guns and killings alone are crime news, whose arrests ACLED does not code."""
    needles = _needles(patterns.unrest_words + patterns.political_violence_words)
    return any(_has_any(needles, f[0]) or _has_any(needles, f[1]) for f in forms) \
        or any(_armed_organisation_in(s.start_char, s.end_char, kb=kb, index=index) for s in sents) \
        or any((m.coding.event_type in DEMONSTRATIONS and not shows_not_protests(m)) or _politician_harmed(m)
               for f in found for m in f)


def _crime_told(forms: list[tuple[str, str]], patterns: EventPatterns) -> bool:
    """Does the text use words of ordinary crime and its justice ("murder", "robbery", "the escaped inmates")?"""
    needles = _needles(patterns.crime_words)
    return any(_has_any(needles, f[0]) or _has_any(needles, f[1]) for f in forms)


def _crime_arrest(m: Mention) -> bool:
    """An arrest told by its word (not ACLED's label) that its own words do not make political."""
    return m.coding.sub_event_type == "Arrests" and m.trigger.kind != "label" and not _political_arrest(m)


# things a search or a raid takes: "police seized documents and CDs", "seized armaments and vehicles"
SEIZED_THINGS = {"document", "cd", "dvd", "paper", "file", "weapon", "arm", "armament", "ammunition", "munition",
                 "explosive", "detonator", "gun", "rifle", "pistol", "vehicle", "car", "truck", "motorcycle",
                 "drug", "cash", "money", "passport", "computer", "laptop", "phone", "telephone", "equipment",
                 "material", "evidence", "device", "cache", "stockpile", "haul", "contraband", "propaganda",
                 "literature", "item", "flag", "uniform", "shipment", "cargo", "goods", "fuel", "drive",
                 "license", "licence", "card", "id", "belonging", "aid", "food", "supply", "assistance", "relief"}


def _thing_taken(m: Mention) -> bool:
    """A territory or transfer word whose object is a thing ("police seized documents and CDs in a search",
    "claimed it had seized armaments and military vehicles"): no ground changed hands; the search,
    the raid or the battle it followed is the event, if told. Likewise a confiscation of such things
    ("the driver's license confiscated by the peshmerga") is no looting."""
    head = m.head
    if head.lemma_.lower() == "confiscate" and head.pos_ == "VERB":
        taken = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] + \
            ([head.head] if head.dep_ == "acl" else [])
        return bool(taken) and all(t.lemma_.lower() in SEIZED_THINGS for t in taken)
    if m.trigger.kind == "territory" and head.lemma_.lower() == "seizure":
        # a seizure is mostly of goods ("the seizure of two tonnes of cocaine"): ground only when what is
        # seized is a place ("the seizure of Khan Touman by insurgents", "the seizure of the town")
        taken = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        return not any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN" or t.lemma_.lower() in TAKEN_PLACES
                       for t in taken)
    if m.trigger.kind not in ("territory", "transfer") or (head.pos_ != "VERB" and m.trigger.kind != "transfer"):
        return False              # the parser may tag "hand" a noun even with its object ("hand over the keys")
    taken = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken and head.dep_ == "conj":
        taken = [c for c in head.head.children if c.dep_ == "dobj"]
    # "had taken control of aid which they were selling": what the control is of
    taken = [g for t in taken for g in ([t] if t.lemma_.lower() != "control" else
                                        [x for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                                         for x in c.children if x.dep_ == "pobj"] or [t])]
    if m.trigger.kind == "transfer":
        # ground handed over peacefully is a place ("handed over the town", "took control of Homs"); "demanded he
        # hand over the keys", "help it control the situation": a thing or a state of affairs, no territory
        return bool(taken) and not any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN"
                                       or t.lemma_.lower() in TAKEN_PLACES for t in taken)
    return bool(taken) and all(t.lemma_.lower() in SEIZED_THINGS for t in taken)


# who carried out the incident a report tells: "police shot one of the suspects", "the gunman was killed"
PERPETRATORS = {"attacker", "assailant", "gunman", "gunmen", "suspect", "bomber", "perpetrator", "hostage-taker",
                "shooter", "hijacker", "kidnapper"}


def _attackers_struck(tok: Any) -> str | None:
    """"Police officers shot one of the suspects", "one of the attackers was also killed", "police killed
    the gunman": force against the known perpetrators of the incident told is part of that incident
    (ACLED counts them among its fatalities), a reference to it ("definite"), not another event."""
    if tok is None:
        return None
    if (tok.like_num or tok.lemma_.lower() in ("one", "two", "three", "all", "both", "some")):
        tok = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), tok)
    if tok.lemma_.lower() not in PERPETRATORS and tok.lower_ not in PERPETRATORS:
        return None
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "its", "their")
                   for c in tok.children)
    return "definite" if definite else None


def _claimer(tok: Any) -> bool:
    """The "by" agent of a claim ("claimed by X")."""
    return tok.head.dep_ == "agent" and tok.head.head.lemma_.lower() == "claim"


def _attackers_struck_at_all(m: Mention, doer: Any) -> str | None:
    """"... were on the phone when the attackers struck": the known perpetrators striking, with no one or
    nothing struck named, tell the incident again (a reference, "definite"), not another one."""
    head = m.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in ("strike", "attack") or doer is None:
        return None
    if any(c.dep_ in ("dobj", "prep", "npadvmod") for c in head.children):
        return None
    return _attackers_struck(doer)


# verbs that carry an event noun without telling an act of their own ("carried out raids", "launched strikes")
LIGHT_VERBS = {"carry", "conduct", "launch", "stage", "mount", "execute", "perform", "fly", "unleash"}


# explosives worn on the body are set off by the one who wears them ("detonated his explosive vest"): a
# vest or belt made of explosives, not one that stops bullets ("striking a bullet-proof vest")
WORN = {"vest", "belt"}
EXPLOSIVE_WORDS = {"explosive", "explosives", "bomb", "suicide", "explosive-laden"}


def _worn_explosive(m: Mention) -> bool:
    head = m.head
    near = [head, *head.children, *(t for a in m.absorbed for t in a.tokens)]
    if head.dep_ in ("amod", "compound"):
        near.append(head.head)              # "explosive belt" told by its adjective
    return any(t.lemma_.lower() in WORN and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in EXPLOSIVE_WORDS
                                                for c in t.children) for t in near)


# a bomb or a bombing, whatever delivered it: the weapon only when no other is named ("bombing from warplanes")
BOMBING_ACTS = {"bombing", "bomb"}


def _weapon(m: Mention, patterns: EventPatterns) -> Any:
    """A weapon named with a generic attack trigger refines its coding ("rocket attacks")."""
    seen: list[str] = []

    def walk(x: Mention) -> None:
        for a in x.absorbed:
            if idle_aircraft(a.head):
                continue          # "heard gunfire and helicopters": aircraft beside the shooting, not its weapon
            seen.extend(t.lemma_.lower() for t in a.tokens)
            walk(a)
    walk(m)
    head = m.head
    for c in head.children:
        if c.dep_ in ("compound", "amod", "nmod", "nsubj", "dobj"):
            seen.append(c.lemma_.lower())
        if c.dep_ == "compound":       # "a suicide-bomb attack": the modifier's own modifier names the weapon too
            seen.extend(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod"))
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):       # "a suicide car bomber struck": the attacker's kind
            seen.extend(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod"))
        if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "using"):
            seen.extend(g.lemma_.lower() for g in c.subtree)     # "struck by rockets"
    if head.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in head.children):
        # "car bomb blasts that struck a suburb": what the relative pronoun stands for struck
        seen.extend(t.lemma_.lower() for t in (head.head, *head.head.children) if t is head.head
                    or t.dep_ in ("compound", "amod"))
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_.lower() in LIGHT_VERBS:
        # "Russian warplanes carried out 12 raids", "drones conducted strikes": the doer of the verb that
        # carries the event noun is what struck
        for c in head.head.children:
            if c.dep_ == "nsubj":
                seen.extend(t.lemma_.lower() for t in (c, *c.conjuncts))
                seen.extend(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod"))
            if c.dep_ == "agent":
                seen.extend(g.lemma_.lower() for g in c.subtree)
    if _worn_explosive(m):
        seen.insert(0, "suicide")
    codings = [patterns.weapons[lemma] for lemma in seen if lemma in patterns.weapons and lemma not in BOMBING_ACTS] + \
        [patterns.weapons[lemma] for lemma in seen if lemma in BOMBING_ACTS and lemma in patterns.weapons]
    # a suicide bombing is the most telling explosive (ACLED): "detonated his explosive vest" is no IED
    suicide = [c for c in codings if c.sub_event_type == "Suicide bomb"]
    return (suicide or codings or [None])[0]


AIMING_VERBS = {"target"}
LAND_NOUNS = {"country", "town", "city", "capital", "region", "province", "area", "territory", "stronghold"}


def _aim_only(m: Mention, places: list[Place] = ()) -> bool:
    """"were targeting Raqa", "Russia says it is targeting only Islamist militants", "police began targeting
    gang members", "countries have been targeted by the group": a verb of aiming with no weapon named tells
    what someone is after, not an attack, unless told as done once, in the past, at people or a site
    ("militants targeted a police checkpoint", "a convoy was targeted on Sunday"), not at a country, a
    region or a town (a place the places stage found, whatever the parser's entity)."""
    head = m.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in AIMING_VERBS or m.absorbed \
            or any(c.dep_ == "prep" and c.lower_ in ("with", "using") for c in head.children):
        return False      # "forces it has been targeting with cross-border attacks": the means tell the attack
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    once = (head.tag_ == "VBD" and not auxes) or (head.tag_ == "VBN" and bool(auxes) and all(
        c.lower_ in ("was", "were") for c in auxes))
    aims = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]

    def land(a: Any) -> bool:
        return a.ent_type_ in ("GPE", "LOC") or a.lemma_.lower() in LAND_NOUNS \
            or any(p.span.start <= a.idx < p.span.end for p in places) \
            or any(c.dep_ == "appos" and land(c) for c in a.children)   # "Raqa, the group's capital"
    return not (once and aims and not any(land(a) for a in aims))


def _at_civilian_site(m: Mention, target: Any, patterns: EventPatterns) -> bool:
    """The event names a place of civilian life as what was hit (its target, the event noun's own
    modifier or its "on"/"at" object): "the school attack", "assaults on the museum and a beach hotel"."""
    if target is not None and any(t.lemma_.lower() in patterns.civilian_sites for t in [target, *target.conjuncts]):
        return True
    head = m.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    sites: list[Any] = [c for c in head.children if c.dep_ == "compound"]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "at", "against"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    sites += [obj, *obj.conjuncts]
    return any(t.lemma_.lower() in patterns.civilian_sites for t in sites)


# who holds a place may be armed ("the office of a security team", "a hotel housing the government")
HELD_BY_FORCES = {"security", "government", "military", "consulate", "embassy", "minister"}


def _civilian_site_struck(d: Draft, patterns: EventPatterns) -> bool:
    """A bombing or an attack whose target is a place of civilian life, named with no one in it ("a
    suicide attack on a bus near Kabul", "the market bombing", "strikes hit a bakery"): its victims are
    civilians (ACLED), unless the place is told as held by forces or a government."""
    if d.coding.event_type not in ("Explosions/Remote violence", "Violence against civilians"):
        return False
    side = d.side2
    if side.actor is not None or side.phrase is not None or side.kind is not None:
        return False
    if not _at_civilian_site(d.mention, side.token, patterns):
        return False
    return not _forces_site(d, patterns)


def _forces_site(d: Draft, patterns: EventPatterns) -> bool:
    """The words of what an event struck tell fighters or a place forces or a government hold ("a hotel
    housing the government", "an attack on an army checkpoint")."""
    side = d.side2
    near = [side.token] if side.token is not None else []
    near += [c for c in d.mention.head.children if c.dep_ in ("compound", "prep")]
    lemmas = {t.lemma_.lower() for n in near for t in n.subtree}
    if side.token is not None:
        # the words that tell what the place is, however parsed ("a hotel housing the government")
        after = side.token.doc[side.token.i + 1:min(side.token.i + 6, side.token.sent.end)]
        lemmas |= {t.lemma_.lower() for t in itertools.takewhile(lambda t: not t.is_punct, after)}
    return bool(lemmas & (patterns.armed_nouns | HELD_BY_FORCES))


def _fighting_only(sent: "SpacySpan", patterns: EventPatterns, attackers: frozenset[int] = frozenset()) -> bool:
    """The sentence names fighters (soldiers, militants, positions) and no civilian. The attackers' own
    words are not among them ("militants carried out two attacks in Tunisia", "militant attacks"): who
    attacks says nothing of whom they struck. Nor are the words of who tells it ("gunmen shot dead a
    shopkeeper, police said", "according to police"): the police who report a killing did not fight in it."""
    lemmas = {t.lemma_.lower() for t in sent}
    civilians = (lemmas & patterns.civilian_nouns) - PLACE_LIKE
    aside = _teller_words(sent) | _feared_words(sent)
    fighters = {t.lemma_.lower() for t in sent if not _off_duty(t) and t.i not in attackers and t.i not in aside} \
        & patterns.armed_nouns
    return not civilians and bool(fighters)


# nouns of what may come: fighters told after one ("the risk of militants attempting an attack") do nothing told
FEARED_NOUNS = {"risk", "threat", "fear", "danger", "possibility", "prospect", "spectre", "specter", "likelihood"}


def _feared_words(sent: "SpacySpan") -> frozenset[int]:
    """The tokens of fighters named only as what may come: the "of" or "from" phrase of a noun of risk or fear
    ("the risks of militants attempting a nuclear attack", "the threat from jihadists"). They fought nowhere
    the sentence tells, and say nothing of whom its attack struck."""
    return frozenset(w.i for t in sent if t.dep_ == "pobj" and t.head.lower_ in ("of", "from")
                     and t.head.head.lemma_.lower() in FEARED_NOUNS for w in t.subtree)


OWN_PRONOUNS = {"they", "them", "their", "we", "us", "our", "its"}


def _teller_words(sent: "SpacySpan") -> frozenset[int]:
    """The tokens that name who tells the sentence's news: the subject of a verb of saying ("..., police
    said", "a police spokesman told reporters") and the object of "according to" ("according to the army").
    Not a teller the news names again by a pronoun ("rebels said they were under attack"): a side of it."""
    if any(t.lower_ in OWN_PRONOUNS for t in sent):
        return frozenset()
    # not who claims it ("attacks that the militants have claimed"): the doer, who says nothing of the struck
    heads = [t for t in sent if _telling(t) and t.pos_ != "PRON" and t.head.lemma_.lower() != "claim"]
    heads += [t for t in sent if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"]
    return frozenset(w.i for h in heads for w in h.subtree)


def _attacker_words(m: Mention, side1: Party) -> frozenset[int]:
    """The tokens that name who carried out the event: the first side's phrase and the event noun's own
    modifiers ("militant attacks", "Islamist gunmen's raid")."""
    words = {t.i for t in side1.token.subtree} if side1.token is not None else set()
    if m.head.pos_ in ("NOUN", "PROPN"):
        words |= {t.i for c in m.head.children if c.dep_ in ("compound", "amod", "poss", "nmod") for t in c.subtree}
    return frozenset(words)


ANAPHORA = {"group", "militia", "movement", "organisation", "organization", "rebels", "militants", "insurgents",
            "jihadist", "jihadists", "extremist", "extremists"}
OWN_FIGHTERS = {"fighter", "militant", "member", "force", "gunman", "insurgent", "jihadist", "unit", "suicide"}


def _speaker_owning(tok: Any) -> Any:
    """"The army general command said that its forces took over the city": the speaker whose "its" or
    "their" a phrase in what it says is (the subject of the speaking verb, when no pronoun)."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return None
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEAKING_VERBS:
            subjects = [c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subjects[0] if subjects else None
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "conj", "ccomp", "poss"):
            return None
        t = t.head
    return None


def _antecedent(party: Party, *, kb: Any, index: ActorIndex, patterns: EventPatterns) -> Party:
    """"the group's naval forces", "the militia", "its fighters", "the ultra-hardline Sunni militants":
    the armed actor the text last named before it; "militants who seized the city" after a group named
    in the same sentence: that group."""
    tok = party.token
    if party.phrase is not None or tok is None:
        return party
    if tok.lower_ == "they" and party.actor is None:
        return _they(party, kb=kb, index=index, patterns=patterns)
    if tok.lower_ == "it" and party.actor is None:
        return _it(party, kb=kb, index=index, patterns=patterns)
    definite = any(c.lower_ == "the" for c in tok.children)
    if party.actor is not None:
        rec = index.by_id.get(party.actor)
        if rec is None or rec.known or not definite:
            return party          # a named actor; an adjective's group ("Sunni forces") only after "the"
    words = [tok] + [c for c in tok.children if c.dep_ == "poss"]
    own = tok.lemma_.lower() in OWN_FIGHTERS and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                     for c in tok.children)
    anaphor = tok.lemma_.lower() in ANAPHORA or tok.lower_ in ANAPHORA
    if not own and not any((w.lemma_.lower() in ANAPHORA or w.lower_ in ANAPHORA)
                           and any(c.lower_ == "the" for c in w.children) for w in words):
        if not (anaphor and party.actor is None and tok.tag_ == "NNS" and not any(
                c.dep_ in ("det", "amod", "compound", "nummod") for c in tok.children)):
            return _only_group(party, kb=kb, index=index)
        # a bare "militants" refers to a group only named earlier in its own sentence
        start = tok.sent.start_char
        before = [a for s, e, a in index.spans if start <= s and e <= tok.left_edge.idx
                  and _actor_type(a, kb=kb, index=index) in ARMED_TYPES - STATE_FORCE_TYPES]
        return Party(actor=before[-1], kind=party.kind, token=tok) if before else \
            _only_group(party, kb=kb, index=index)
    speaker = _speaker_owning(tok) if own else None
    if speaker is not None:
        # "The army general command said that its forces took over the city": the speaker's forces
        found = resolve_phrase(speaker, index, patterns)
        if found.actor is not None or found.phrase is not None:
            return dataclasses.replace(found, kind=party.kind, token=tok)
    # named before the phrase ("The al Qaeda-linked group" is not al Qaeda); "the militants", "the group"
    # are never a state's forces ("its forces" may be)
    types = ARMED_TYPES if own else ARMED_TYPES - STATE_FORCE_TYPES
    before = [(s, e, a) for s, e, a in index.spans
              if e <= tok.left_edge.idx and _actor_type(a, kb=kb, index=index) in types]
    return Party(actor=_last_named(before, tok), kind=party.kind, token=tok) if before else party


def _capital_state(party: Party, *, kb: Any) -> Party:
    """"Moscow joined the war with air strikes", "strikes carried out by Ankara", "Washington said it targeted":
    a state's capital told as who did an armed act stands for the state, as its name does (never as the one
    struck: "rebels shelled Damascus" is where)."""
    tok = party.token
    if tok is None or party.actor is not None or party.phrase is not None or party.kind is not None \
            or kb is None or tok.pos_ != "PROPN" or tok.ent_type_ != "GPE":
        return party
    if not (tok.dep_ in ("nsubj", "poss") or (tok.dep_ == "pobj" and tok.head.lower_ == "by")):
        return party          # "attacks in Paris, which killed 130": the town a relative clause was hung from
    words = [t for t in tok.subtree if t.ent_type_ == "GPE" and t.i <= tok.i and t.ent_iob_ != "O"]
    if any(c.dep_ in ("det", "amod", "poss") for c in tok.children) or tok.ent_iob_ == "O":
        return party
    name = text_of(tok.doc)[words[0].idx:tok.idx + len(tok.text)] if words else tok.text
    gaz = getattr(kb, "gazetteer", None)
    place = gaz.resolve(name) if gaz is not None else None
    capital = gaz.capital(place.country_code) if place is not None and place.country_code else None
    if capital is None or capital.place_id != place.place_id or not place.country:
        return party
    state = kb.state_actor(place.country, "state")
    return dataclasses.replace(party, actor=state.id) if state is not None else party


def _pronoun_loser(m: Mention, party: Party, *, kb: Any, index: ActorIndex) -> Party:
    """"when it lost Ramadi": the pronoun that lost a place is the armed group the text last named before
    it (no state's forces: "the group has been pulling back since December when it lost Ramadi")."""
    tok = party.token
    if m.trigger.kind != "territory" or m.head.lemma_.lower() not in LOSING_VERBS or tok is None \
            or party.actor is not None or tok.lower_ not in ("it", "they"):
        return party
    before = [(s, e, a) for s, e, a in index.spans if e <= tok.idx
              and _actor_type(a, kb=kb, index=index) in ARMED_TYPES - STATE_FORCE_TYPES]
    return Party(actor=_last_named(before, tok), kind=party.kind, token=tok) if before else party


def _they(party: Party, *, kb: Any, index: ActorIndex, patterns: EventPatterns) -> Party:
    """"... helped by Kurdish-led YPG militias. They have seized a string of villages": "they" is the armed
    side last named by a plural noun before it, in its own sentence or the one before ("the army's
    advance" is an "it", not a "they"); none, no one."""
    tok = party.token
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    # the subject of the sentence's main clause ("They have seized villages, rebels said"), not of a clause
    # inside it ("the men told police they targeted him"), unless the clause it is in is set beside another
    # whose plural subject it repeats ("security forces circled the hotel before they stormed in")
    main = verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.i < verb.head.i
                                   and verb.head.lemma_.lower() in SPEAKING_VERBS | {"tell"})
    outer = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS")
                  and c.i < tok.i), None) if verb.dep_ == "advcl" else None
    if tok.dep_ != "nsubj" or not (main or outer is not None):
        return party
    doc = tok.doc
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    nearest = outer or next((t for t in reversed(doc[start:tok.i]) if t.tag_ in ("NNS", "NNPS")
                             and t.dep_ != "compound"), None)
    if nearest is None:
        return party
    found = _antecedent(resolve_phrase(nearest, index, patterns), kb=kb, index=index, patterns=patterns)
    if found.kind not in ("civilians", "nationals", "protesters", "rioters") and (found.phrase is not None or (
            found.actor is not None and _actor_type(found.actor, kb=kb, index=index) in ARMED_TYPES)):
        return dataclasses.replace(found, token=tok)
    return party


# the words that open a clause of time or cause an "it" subject may stand in ("when it joined the war")
CLAUSE_TIMES = {"when", "after", "before", "as", "since", "while", "once", "until", "because"}


def _it(party: Party, *, kb: Any, index: ActorIndex, patterns: EventPatterns) -> Party:
    """"Islamic State started expanding into Libya in 2014. It took full control of Sirte last year": a
    sentence that opens with "It" as the subject of its main verb continues the sentence before, in the same
    paragraph, about that sentence's subject; when that subject is an armed actor, "it" is that actor. Any
    other "it" (inside a clause, after other words, or after a subject that is no armed actor: a town, an
    attack, a report) names no one."""
    tok = party.token
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    sent = tok.sent
    main = verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.i < verb.head.i
                                   and verb.head.lemma_.lower() in SPEAKING_VERBS | {"tell"})
    if tok.dep_ == "nsubj" and verb.dep_ == "advcl" and any(
            c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in CLAUSE_TIMES)
            for c in verb.children if c.i < tok.i):
        # "Moscow turned the tide when it joined the war with air strikes": "it" in a clause the subject's own
        # verb governs is that subject, when it is an armed actor
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.pos_ == "PRON":
            return party
        found = _capital_state(_antecedent(resolve_phrase(subj, index, patterns), kb=kb, index=index,
                                           patterns=patterns), kb=kb)
        if found.kind is None and found.actor is not None \
                and _actor_type(found.actor, kb=kb, index=index) in ARMED_TYPES | STATE_TYPES:
            return dataclasses.replace(found, token=tok)
        return party
    if tok.dep_ != "nsubj" or not main or tok.i != sent.start or sent.start == 0:
        return party
    doc = tok.doc
    before = doc[sent.start - 1].sent
    if "\n" in text_of(doc)[before.end_char:sent.start_char]:
        return party              # a new paragraph
    subj = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return party
    found = _antecedent(resolve_phrase(subj, index, patterns), kb=kb, index=index, patterns=patterns)
    if found.kind is None and found.actor is not None and _actor_type(found.actor, kb=kb, index=index) in ARMED_TYPES:
        return dataclasses.replace(found, token=tok)
    return party


def _last_named(before: list[tuple[int, int, str]], tok: Any) -> str:
    """The actor an anaphor names ("the group", "its fighters") among those named before it: the last one
    named in its own sentence; from an earlier sentence, that sentence's subject first ("the YPG is also
    fighting Islamic State. The group said 43 of its fighters were killed": the YPG)."""
    s, _, last = before[-1]
    if s >= tok.sent.start_char:
        return last
    doc = tok.doc
    at = next((t for t in doc if t.idx >= s), None)
    if at is None:
        return last
    sent = at.sent
    for s2, _, a in reversed([x for x in before if sent.start_char <= x[0] < sent.end_char]):
        t = next((t for t in sent if t.idx >= s2), None)
        while t is not None and t.dep_ in ("compound", "amod", "det", "poss", "appos", "nmod") and t.head.i != t.i:
            t = t.head
        if t is not None and t.dep_ in ("nsubj", "nsubjpass") and t.head.i == sent.root.i:
            return a
    return last


# the fighters a report names only by what they are ("15 militants were killed", "clashes with insurgents")
MEMBER_NOUNS = {"militant", "insurgent", "jihadist", "extremist"}
NOT_KNOWN = {"unidentified", "unknown", "masked", "suspected", "other", "rival", "some", "many", "foreign"}


def _only_group(party: Party, *, kb: Any, index: ActorIndex) -> Party:
    """"Six soldiers were killed in clashes with militants", "15 militants were killed": in a report
    that names one armed group and no other, its militants are that group's (as ACLED's coders read a
    report); with two groups named, or "unidentified", "suspected" or "Islamist" militants (a kind of
    fighter, as in "attacks claimed by Sunni jihadists"), they stay unnamed."""
    tok = party.token
    if tok is None or party.actor is not None or party.phrase is not None or \
            tok.lemma_.lower() not in MEMBER_NOUNS or tok.tag_ != "NNS" or \
            any(c.lower_ in NOT_KNOWN or c.dep_ in ("det", "amod", "compound", "poss") for c in tok.children):
        # "Islamist militants", "Sunni jihadists" name a kind of fighter, not the one group named
        return party
    groups = {a for a, rec in index.by_id.items() if rec.known and rec.mentions
              and _actor_type(a, kb=kb, index=index) in NON_STATE_GROUPS}
    if len(groups) != 1:
        return party
    return Party(actor=groups.pop(), kind=party.kind, token=tok)


def _draft(m: Mention, *, doc: Document, kb: Any, index: ActorIndex, patterns: EventPatterns,
           places: list[Place], dates: list[DateMention], quantities: list[Quantity], flags: list,
           said: list[tuple[int, int]] = (), reporting: frozenset[int] = frozenset(),
           around: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None, back: int | None = None,
           document: DocumentPlaces = DocumentPlaces(), captions: list[tuple[int, int]] = (),
           scopes: dict[int, tuple[int, int]] | None = None, occasions: frozenset[int] = frozenset(),
           told_at: dict[int, Place] | None = None) -> Draft | None:
    roles = find_roles(m, index=index, patterns=patterns)
    roles.side1 = _antecedent(roles.side1, kb=kb, index=index, patterns=patterns)
    roles.side2 = _antecedent(roles.side2, kb=kb, index=index, patterns=patterns)
    roles.side2 = _pronoun_loser(m, roles.side2, kb=kb, index=index)
    if m.coding.event_type in ARMED_VIOLENCE or m.trigger.kind == "territory":
        roles.side1 = _capital_state(roles.side1, kb=kb)
    if m.trigger.kind != "label" and (m.coding.event_type in ARMED_VIOLENCE or m.trigger.kind == "territory") \
            and (_figurative(m, roles.side2.token, patterns) or harms_animal(m, patterns)
                 or done_by_animal(m, patterns)):
        return None
    if m.coding.event_type == "Protests" and (_shows_something(m, patterns) or shows_not_protests(m)):
        return None
    taken_by = None
    if _person_taken(m, patterns, places):
        # "police seized a man", "gunmen seized the trio": people taken, no territory; by a state's forces
        # an arrest, by anyone else an abduction (ACLED); told without who took them, no event
        doers = [c for c in m.head.children if c.dep_ == "nsubj"]
        if not doers or not _people_taken(m, patterns) or roles.side1.token is None \
                or roles.side1.kind in ("civilians", "nationals"):
            return None
        taken_by = ARRESTS if _state_side(roles.side1, kb=kb, index=index) else ABDUCTION
    if m.trigger.object_person and roles.side1.kind in ("civilians", "nationals"):
        return None       # "parents picked up their children": people taking up people, no custody
    if m.trigger.armed_doer and not _armed_party(roles.side1, kb=kb, index=index):
        return None       # "the mother grabbed her children", "a boy grabbed by an alligator"
    if m.trigger.object_person and _armed_party(roles.side1, kb=kb, index=index) \
            and not _state_side(roles.side1, kb=kb, index=index):
        taken_by = ABDUCTION   # "Boko Haram grabbed 300 schoolgirls": by an armed group, not a state's forces
    if m.coding.sub_event_type == "Arrests" and m.head.lemma_.lower() == "capture" and taken_by is None \
            and _armed_party(roles.side1, kb=kb, index=index) and not _state_side(roles.side1, kb=kb, index=index):
        # "the schoolgirls captured by Boko Haram": people an armed group captures are abducted, as when it
        # "seized" them (ACLED's arrests are a state's, or a de facto authority's, who "detain" or "arrest")
        taken_by = ABDUCTION
    if _place_captured(m) or _thing_taken(m) or _recorded(m) or _arrest_thing(m) \
            or (m.trigger.kind != "label" and not_an_occurrence(m)):
        return None
    if m.coding.sub_event_type == "Agreement" and m.trigger.kind != "label" and not agreement_made(m):
        return None
    if _generic_statement(m) or _handled(m, patterns) or _penalty(m) or _charged_with(m) or _fighting_for(m) \
            or _cited(m):
        return None
    coding, refined = (taken_by, True) if taken_by is not None else (m.coding, False)
    if taken_by is None and _captive_killed(m):
        coding, refined = GROUND_ATTACK, True     # a hostage killed: the killing is the event (ACLED)
    d_kind = None
    if m.trigger.refine == "weapon" and taken_by is None:
        w = _weapon(m, patterns)
        if w is not None:
            coding, refined = w, True
        elif _aim_only(m, places):
            return None
    if not refined and _ground_strike(m, roles.side1, kb=kb, index=index):
        # "the PKK has struck at the security forces": a group with no aircraft strikes on the ground
        coding, refined = (BATTLE if _armed_party(roles.side2, kb=kb, index=index) else GROUND_ATTACK), True
    if not refined and _targeted_on_the_ground(m, roles.side1, kb=kb, index=index):
        # "gunmen who targeted security forces" (an aim only, "were targeting Raqqa", is no event: _aim_only):
        # fighters on the ground fight what they target, unless it is civilians or a place of civilian
        # life ("a concert hall")
        civilian = roles.side2.kind in ("civilians", "nationals") or _actor_type(
            roles.side2.actor, kb=kb, index=index) in UNARMED_TYPES or (
            roles.side2.actor is None and _at_civilian_site(m, roles.side2.token, patterns))
        coding, refined = (GROUND_ATTACK if civilian else BATTLE), True
    if not refined and _state_bombing(m, roles.side1, kb=kb, index=index):
        # "government forces have stepped up bombing of rebel-held areas", "Russian bombing of the town": a
        # state's military bombs from the air (ACLED), a bomb planted is an insurgent's
        coding, refined = AIR_STRIKE, True
    downed = _aircraft_downed(m)
    if downed is not None:
        coding, refined = downed, True
    rule = "person-taken" if taken_by else m.trigger.id
    if not refined and (m.coding.sub_event_type == "Shelling/artillery/missile attack" or _fires_missile(m)) \
            and _launch_at_nothing(m):
        coding, rule = WEAPONS_TEST, "weapons-test"      # a show of force (ACLED: Other), no attack
    side2 = roles.side2
    if side2.kind == "nationals" and _state_side(roles.side1, kb=kb, index=index) \
            and coding.event_type in ARMED_VIOLENCE:       # those it arrests are civilians (ACLED)
        # "troops shot two Palestinians": people a state's forces shoot are its opponents (ACLED:
        # an unidentified armed group of their nationality), not civilians as such
        side2 = roles.side2 = dataclasses.replace(side2, kind="armed_nationals")
    if not refined and (m.trigger.civilian_target or m.trigger.armed_target):
        unarmed = (side2.actor is not None and _actor_type(side2.actor, kb=kb, index=index) in UNARMED_TYPES) \
            or _off_duty(side2.token)
        if (side2.kind in ("civilians", "nationals") or unarmed) and m.trigger.civilian_target:
            coding = m.trigger.civilian_target
        elif side2.actor is None and side2.kind is None and m.trigger.civilian_target \
                and _at_civilian_site(m, side2.token, patterns):
            coding = m.trigger.civilian_target
        elif (side2.actor or side2.phrase or side2.kind in ("armed", "unidentified_armed_group")) \
                and m.trigger.armed_target:
            coding = m.trigger.armed_target
        elif side2.token is None and m.trigger.armed_target \
                and _fighting_only(m.sent, patterns, _attacker_words(m, roles.side1)):
            # no target named, and the sentence tells of fighters, not civilians: armed violence
            coding = m.trigger.armed_target
        elif (side2.token is None or side2.token in m.tokens) and m.trigger.armed_target \
                and _fired_at_forces(m, patterns):
            coding = m.trigger.armed_target
    sent = m.sent
    actor_spans = [(s, e) for s, e, _ in index.spans]
    own = None
    if m.head.pos_ in ("NOUN", "PROPN") and m.trigger.kind != "label":
        # the event noun's own phrase: "car bombing at a market in Mahmudiya"; a noun that modifies another
        # shares that one's phrase ("the shooting and suicide bombing rampage ... that killed 130 people in Paris")
        phrase = noun_anchor(m.head)
        last = phrase.right_edge
        own = (phrase.left_edge.idx, last.idx + len(last.text))
    status = status_of(m.head, text=doc.text)
    if status == "planned" and m.trigger.kind == "territory" and _offensive_for(m.head) \
            and not _offensive_intended(m.head):
        # "launched an operation to recapture Fallujah", "an offensive to retake Mosul": the place is the
        # aim, the offensive for it is the fighting that happens (ACLED: an armed clash)
        coding, status = BATTLE, "reported"
        d_kind = "event"
    # what has happened is not dated after the report ("... despite a truce; talks resume on March 9")
    clause_days, phrase_days = sequence_times(m.head, dates)
    dating = functools.partial(date_for, m.start, sent.start_char, sent.end_char, dates, text=doc.text,
                               reporting=reporting, back=sent.start_char if in_sequence_phrase(m.head) else back,
                               coarse=clause_times(m.head, dates), own=own,
                               scopes=scopes, occasions=occasions,
                               latest=None if status in ("planned", "threatened", "hypothetical") else doc.published)
    # a day of saying is refined later, not dropped
    related = relative_clause_times(m.head, dates) | possessed_times(m.head, dates) | modified_times(m.head, dates) \
        | accused_act_times(m.head, dates) | (outside_who_clause_times(m.head, dates) - reporting)
    # a participle of result takes the day of the clause it follows ("who drove into crowds on Thursday, killing 84")
    elsewhere = (related | clause_days) - result_clause_times(m.head, dates)
    of_the_dead = told_of_the_dead(m.head)
    if of_the_dead:
        # "funerals for the victims killed in the shooting were held on Saturday": Saturday is the funerals'
        lo, hi = m.head.left_edge.idx, m.head.right_edge.idx + len(m.head.right_edge.text)
        elsewhere |= {d.span.start for d in dates if sent.start_char <= d.span.start < sent.end_char
                      and not lo <= d.span.start < hi}
    when = dating(elsewhere=elsewhere)
    described = told_of_a_person(m.head, when)
    if described:
        when = None       # "the man who killed 49 people ..., officials said on Tuesday": no day of that act
    # an incident told to say who people are, or by its known name: a day told for another clause of its sentence
    # is not its ("a brother of one of the bombers was arrested on Friday"); one carried from the story is
    told_back = referred_back(m.head) and not own_day(m.head, when) \
        and (when is None or sent.start_char <= when.span.start < sent.end_char)
    if told_back:
        when = None
    counted_from = told_since(m.head)
    # "Since October, attacks have killed 34": the day the run began is not its day, but tells how long ago
    since = when if when is not None and when.span.start in phrase_days else None
    since_day = since.date if since is not None else None
    if since is not None:
        when = None
    clause = dating(elsewhere=related) if when is None and clause_days and not (counted_from or described) else None
    salience = salience_of(m.head, sent, text=doc.text,
                           section_background=in_background_section(flags, sent.start_char),
                           event_date=when.date if when else since_day, published=doc.published)
    if recalled_time(when, doc.text, doc.published) or earlier_this_year(when, m.head) or counted_from \
            or told_back:
        # "missing since this week's bombings", "tense since the 2015 attacks": what a run of time is counted
        # from came before the clause's news
        salience = "background"
    if since_day is not None and salience == "background":
        # a run since a day long past or what came after it ("Since October, attacks have killed 34"): no
        # day of its own, nor the day of the news told beside it
        when = dataclasses.replace(since, date=None, time_precision=None, end=None)
    elif since_day is not None and in_since_phrase(m.head, since):
        when = since         # since a day of the news ("nine people have been arrested since Thursday"): that day
    trend = told_as_trend(m.head) or told_as_state(m.head) or (told_as_run_of_attacks(m.head) and not (
        when is not None and sent.start_char <= when.span.start < sent.end_char))
    if trend:
        # "government forces have stepped up bombing of rebel-held areas", "a rise in attacks": many incidents
        # told as how often they happen, one background event with no day of its own (the guide's aggregate);
        # a loss conceded or attacks a picture shows likewise have no day of their own
        salience, when = "background", None
    span = told_over_a_span(m.head) if not trend else None
    if span is not None:
        # "have killed 91 in the past six days": a toll of many incidents, dated only by its span (a time
        # coarser than a day, as "last year" is), a run the news of the day is no telling of
        salience, trend = "background", True
        when = DateMention(Span.of(doc.text, span.idx, span.right_edge.idx + len(span.right_edge.text)), None, None)
    if when is not None and (spread_over(m.head) or after_the_fact(m.head)) \
            and not (own and own[0] <= when.span.start < own[1]):
        when = None          # "weeks of rocket attacks", "a suspect in the Paris attacks": the sentence's day is not theirs
    earlier, later = around if around is not None else (None, None)
    cues = _sentence_countries(sent, kb=kb, index=index) | _adjective_country(sent, kb=kb, index=index, head=m.head)
    sites = site_nouns(sent)
    earlier_sites = [site_nouns(sent.doc.char_span(s, e, alignment_mode="expand")) for s, e in earlier or ()]
    contrasts = contrast_clauses(m.head)
    away = set_against(places, contrasts, sent.start_char, sent.end_char)
    place = place_for(m.start, sent.start_char, sent.end_char,
                      [p for p in _not_acting(places, roles.side1, m.head) if p.country not in away],
                      text=doc.text,
                      exclude=actor_spans + other_relative_clauses(m.head, own=own) + contrasts,
                      tellers=speaker_phrases(m.head),
                      cues=cues, own=own, earlier=earlier, later=later, document=document,
                      recalled=salience == "background", anaphor=anaphoric_site(m.head), sites=sites,
                      earlier_sites=earlier_sites, governed=clause_sites(m.head) or _own_clause(m.head),
                      continued=not (told_in_perfect(m.head) or told_in_present(m.head))
                      and count_of(noun_anchor(m.head), quantities) is None,
                      earlier_told=[None if t is not None and t.country in away else t
                                    for t in ((told_at or {}).get(s) for s, _ in earlier or ())])
    if coding.sub_event_type == "Agreement" and (place is None or place.kind in PRECISION_PENALTY):
        # an agreement reached at talks the report was filed from is coded at their venue, not the country it is about
        place = agreement_venue(places, doc.text, document) or place
    if place is not None and sent.start_char <= place.span.start < sent.end_char:
        # a town the sentence measures its site from ("villages about 20 km east of Mosul"); not one another
        # sentence measured another site from ("Balad, 80 km north of the Iraqi capital" lends a car bombing
        # in the capital no offset)
        place = told_offset(place, doc.text)
    if told_last_week(when, doc.published) or told_before_clause(m.head, dates, when, reporting, doc.published) \
            or told_long_after(m.head):
        # "attacked peacekeepers last week", "marched on Friday, a day after a gunman killed": recalled, told
        # with its own day; placed as the sentence places it, not as history is
        salience = "background"
    # a perfect the sentence ties to a day of saying ("state TV said Monday that 65 people had been killed") is
    # the news of that day, not a time left unsaid
    said_on = any(sent.start_char <= r < sent.end_char for r in reporting)
    ongoing = told_in_present(m.head) or (told_in_perfect(m.head) and not said_on)
    if (salience == "background" or ongoing) and when is not None \
            and not sent.start_char <= when.span.start < sent.end_char:
        # the day of the story told around it does not date what the report recalls, nor what it tells as
        # going on ("army units are advancing on the town")
        when = None
    reference = refers_back(m, quotes=said, captions=captions) or _attackers_struck(roles.side2.token) \
        or _attackers_struck_at_all(m, roles.side1.token)
    if (in_aftermath(m.head) or (told_back and m.head.lemma_.lower() in PERPETRATORS)) \
            and roles.side1.token is not None \
            and roles.side1.token not in m.head.subtree and not _claimer(roles.side1.token):
        # "Obama met with survivors of the shooting" (or "of a shooting"): who met them did not shoot; who
        # claimed it did ("inquiries into the bombings - claimed by X -")
        roles.side1, roles.assoc1 = Party(), []
    plover = "COERCE" if taken_by else "MOBILIZE" if rule == "weapons-test" else m.trigger.plover
    d = Draft(mention=m, coding=coding, plover=plover, priority=m.priority, rule=rule,
              side1=roles.side1, side2=roles.side2, assoc1=list(roles.assoc1), assoc2=list(roles.assoc2),
              place=place, date=when, status=status, salience=salience,
              count=count_of(noun_anchor(m.head), quantities), sent_start=sent.start_char, sent_end=sent.end_char,
              kind="event" if taken_by or d_kind else m.trigger.kind,
              # a site the sentence names, told elsewhere with its town ("the shrine's entrance"), is its own place
              place_here=place is not None and (sent.start_char <= place.span.start < sent.end_char
                                                or any(place is document.sites.get(n) for n in sites)),
              reference=reference, pattern=trend or told_as_pattern(m.head),
              clause_day=clause if clause is not None and clause.span.start in clause_days and not trend else None,
              # what a run of time is counted from has no day of the report's week either, nor what a suspect, a
              # trial or survivors are of ("arrested in connection with the killing", "met survivors of the massacre")
              ongoing=ongoing or (when is None and (counted_from or of_the_dead or described or told_back
                                                    or reference == "aftermath" or after_the_fact(m.head))),
              cause=when is None and (told_as_cause(m.head) or counted_from))
    d.place_site = d.place_here and bool(coordinated_sites(m.head, place))
    d.year = history_year(m.head, sent, doc.published)
    if m.head.tag_ == "NNS" and m.head.dep_ == "nsubj" and _run_recurring(m.head.head):
        d.apart = True      # "small bombings occur on a near-daily basis": a run, no incident told before it
    d.history = d.year is not None
    if d.history and d.date is not None and d.date.date is not None and d.date.date.year != d.year:
        if own and own[0] <= d.date.span.start < own[1]:
            # a day of the event noun's own phrase ("sympathy following Sunday's attack", "the AIDS crisis in the
            # 1980s") dates it: the year is another clause's, and the attack is today's news told again
            d.year, d.history = None, False
        else:
            # "the 2012 shooting at a school ..., a judge ruled on Thursday": the year its clause gives dates it;
            # the day told for another clause of the sentence, or carried from another, is not its
            d.date = None
    return d


# actors who are no armed side: an attack on them is violence against civilians ("shot the former
# leader of the PAN", "attacked a CCC candidate")
UNARMED_TYPES = {"political_party", "civilian_group", "government", "protesters", "rioters", "other"}
OFF_DUTY = {"off-duty", "retired", "former", "ex"}


def _own_clause(head: Any) -> list[tuple[int, int]]:
    """The site phrases of the clause with a subject of its own, set against or joined to another, that an
    event word lies in ("while insurgent shelling of army posts in Kunar killed six"): where it names its own
    site when its word governs none."""
    clause = contrast_clause(head) or joined_clause(head)
    if clause is None:
        return []
    return [(t.idx, t.right_edge.idx + len(t.right_edge)) for t in clause.subtree
            if t.dep_ == "prep" and t.lower_ in SITE_PREPOSITIONS]


def _not_acting(places: list[Place], side1: Party, head: Any) -> list[Place]:
    """The places, without a country named as the event's own actor (its first side, or the possessor of
    the event word: "Russia's air strikes", "Since intervening with air strikes ..., Russia has helped"): a
    state acting is not where its act happened (ACLED codes a state's air strikes where they fell); a
    country a locative word governs stays ("air strikes in Syria")."""
    toks = [t for t in (side1.token, *(c for c in head.children if c.dep_ == "poss"))
            if t is not None and not (t.dep_ == "pobj" and t.head.lower_ in SITE_PREPS)]
    return [p for p in places if not (p.kind == "country" and any(p.span.start <= t.idx < p.span.end for t in toks))]


def _off_duty(tok: Any) -> bool:
    """"an off-duty soldier", "a retired police officer", "a former fighter": not in arms when attacked."""
    if tok is None:
        return False
    for c in tok.children:
        if c.dep_ not in ("amod", "compound", "advmod", "nmod"):
            continue
        words = {c.lower_} | {g.lower_ for g in c.children}
        if c.lower_ in OFF_DUTY or {"off", "duty"} <= words:
            return True
    return False


def _sentence_countries(sent: "SpacySpan", *, kb: Any, index: ActorIndex) -> frozenset[str]:
    """The countries of the non-state actors a sentence names ("Houthi radar sites" -> Yemen): where
    an event told without a place of its own happened."""
    out: set[str] = set()
    for _, _, aid in index.within(sent.start_char, sent.end_char):
        if _actor_type(aid, kb=kb, index=index) in ("state", "government", "external_force", "state_forces",
                                                     "police", None):
            continue
        entry = actor_entry(kb, aid) if kb is not None else None
        rec = index.by_id.get(aid)
        country = getattr(entry, "country", None) or (rec.country if rec else None)
        if country:
            out.add(country)
    return frozenset(out)


PLACE_NOUNS = {"town", "village", "city", "capital", "province", "border", "port", "region", "district",
               "territory", "soil", "coast", "side", "countryside", "outskirts", "suburb", "neighbourhood",
               "neighborhood", "camp", "hamlet", "governorate", "state"}


BORDER_NOUNS = {"border", "frontier"}


def _sentence_place_country(d: Draft, *, kb: Any, index: ActorIndex) -> str | None:
    """The state whose adjective names the place of a sentence that names no place of its own ("in a
    Lebanese village", "the Tunisian town of Ben Guerdan")."""
    return next(iter(_adjective_country(d.mention.sent, kb=kb, index=index, head=d.mention.head)), None)


def _adjective_country(sent: "SpacySpan", *, kb: Any, index: ActorIndex, head: Any = None) -> frozenset[str]:
    """The country of the first state adjective that qualifies a place noun in the sentence ("in a
    Lebanese village", "the Tunisian town of Ben Guerdan"), if any. Not a border's: "near the Turkish
    border" is told from the other side of it (Syrian rebels under attack near the Turkish border are in Syria);
    nor a name's ("a Swiss Port delivery van": a firm's name, its noun capitalised, no place); nor one in a
    relative clause that does not hold the trigger `head` ("the militia seized a base, angering Ankara, which
    fights a group that waged war on Turkish soil": the war's soil, not the base's)."""
    away = other_relative_clauses(head) if head is not None else []
    for tok in sent:
        if any(a <= tok.idx < b for a, b in away):
            continue
        if tok.dep_ not in ("amod", "compound") or tok.head.lemma_.lower() not in PLACE_NOUNS - BORDER_NOUNS:
            continue
        if tok.head.pos_ == "PROPN" and tok.head.is_title:
            continue
        for _, _, aid in index.within(tok.idx, tok.idx + len(tok.text)):
            if _actor_type(aid, kb=kb, index=index) == "state":
                entry = actor_entry(kb, aid)
                rec = index.by_id.get(aid)
                country = getattr(entry, "country", None) or (rec.country if rec else None)
                if country:
                    return frozenset({country})
    return frozenset()


def _without_struck_units(drafts: list[Draft]) -> list[Draft]:
    """"A roadside bomb exploded next to an army patrol": the patrol (convoy, deployment) a violent
    event of the sentence struck is its target, no change to the group's activity."""
    if not any(d.coding.event_type in ARMED_VIOLENCE for d in drafts):
        return drafts
    return [d for d in drafts if not (d.coding.sub_event_type == "Change to group/activity"
                                      and d.kind != "label" and d.mention.head.pos_ in ("NOUN", "PROPN"))]


GROUND_ATTACK = Coding("Violence against civilians", "Attack", "1823")
GROUND_TYPES = {"rebel_group", "political_militia", "identity_militia"}
AIR_WORDS = {"air", "aerial", "drone", "airstrike", "jet", "warplane", "plane", "helicopter", "aircraft", "uav"}


def _ground_strike(m: Mention, side1: Party, *, kb: Any, index: ActorIndex) -> bool:
    """The bare verb or noun "strike" (no air, drone or plane word in its phrase) by an armed group that
    has no aircraft, by unidentified attackers or militants, or by someone named by no actor in a
    sentence with no air word: not an air strike."""
    if m.trigger.id != "airstrike" or m.head.lemma_.lower() != "strike" or len(m.tokens) != 1:
        return False
    if any(t.lemma_.lower() in AIR_WORDS for t in m.head.subtree) or \
            any(a.lemma_.lower() in AIR_WORDS for x in m.absorbed for a in x.tokens):
        return False
    if side1.actor is None and side1.phrase is None and side1.token is not None and \
            not any(t.lemma_.lower() in AIR_WORDS for t in m.sent):
        return True        # "the militants ... before they struck in Paris": no one with aircraft, none named
    return side1.kind in ("unidentified_armed_group", "armed") or \
        _actor_type(side1.actor, kb=kb, index=index) in GROUND_TYPES


def _targeted_on_the_ground(m: Mention, side1: Party, *, kb: Any, index: ActorIndex) -> bool:
    """"Targeted" with no weapon named, by gunmen, militants or an armed group without aircraft, with no
    air word in what it targeted: no shelling (the verb's default) but fighting on the ground. Words
    telling the doer ("rebels backed in the air by the coalition") say nothing of the weapon."""
    head = m.head
    if m.trigger.id != "target" or head.pos_ != "VERB":
        return False
    doers = [c for c in head.children if c.dep_ == "nsubj"] + ([head.head] if head.dep_ == "relcl" else [])
    told = [head] + [t for c in head.children if c.dep_ != "nsubj" for t in c.subtree] + \
        [g for d in doers for g in (d, *d.children) if g.dep_ in ("compound", "amod") or g is d]
    if any(t.lemma_.lower() in AIR_WORDS for t in told):
        return False
    return side1.kind in ("unidentified_armed_group", "armed") or \
        _actor_type(side1.actor, kb=kb, index=index) in GROUND_TYPES


AIR_STRIKE = Coding("Explosions/Remote violence", "Air/drone strike", "195")
WEAPONS_TEST = Coding("Strategic developments", "Other", "150")      # as the weapons-test trigger codes it
LAUNCH_NOUNS = {"launch", "launching", "firing", "test"}
OPEN_WATERS = {"sea", "ocean", "water", "waters", "gulf"}
# what a missile fired at something does to it, or how it is aimed: a strike, not a show of force
STRUCK_WORDS = {"kill", "wound", "injure", "hit", "strike", "target", "damage", "destroy", "land", "fall",
                "casualty", "dead", "death", "victim", "at", "against", "toward", "towards", "intercept"}


def _fires_missile(m: Mention) -> bool:
    """"fired what appeared to be a missile": a verb of firing told of a missile or rocket in its sentence."""
    return m.head.lemma_.lower() in ("fire", "launch") and any(
        t.lemma_.lower() in ("missile", "rocket") for t in m.head.sent)


def _launch_at_nothing(m: Mention) -> bool:
    """A missile or rocket launched at no one ("North Korea launched a missile into the sea", "a missile launch by
    the North"): a launch into open water, or a launch noun whose missile hits, kills or aims at nothing in
    the sentence, tells a show of force (ACLED: Strategic developments, Other), not a shelling."""
    head, sent = m.head, m.head.sent
    launch = head.head if head.dep_ == "compound" else None
    into_water = any(t.lemma_.lower() in OPEN_WATERS and t.dep_ == "pobj" and t.head.lower_ in ("into", "in")
                     for t in sent)
    launched = launch is not None and launch.lemma_.lower() in LAUNCH_NOUNS and launch.dep_ != "compound"
    if not (into_water or launched):
        return False
    return not any(t.lemma_.lower() in STRUCK_WORDS for t in sent)
# a military aircraft's designation: "F-16", "Su-24", "MiG-29", "Mi-8"
AIRCRAFT_MODEL = re.compile(r"^(?:[a-z]{1,3})-\d{1,3}[a-z]?s?$", re.IGNORECASE)


def _aircraft_word(tok: Any) -> bool:
    return tok.lemma_.lower() in MANNED_AIRCRAFT or bool(AIRCRAFT_MODEL.match(tok.text))


def _downing(verb: Any) -> bool:
    """"downed", "shot down", "brought down": a verb that brings an aircraft down."""
    return verb.lemma_.lower() == "down" or (verb.lemma_.lower() in ("shoot", "bring") and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children))


def _aircraft_downed(m: Mention) -> Coding | None:
    """A manned aircraft shot down ("Turkish F-16s shot down a Russian Su-24", "Turkey shot down a Russian
    warplane") is no disrupted weapons use (that is of missiles, rockets, drones, shells): an air strike
    when aircraft shot it down, else fighting (from the ground)."""
    head = m.head
    if head.pos_ in ("NOUN", "PROPN") and _aircraft_word(head) and head.dep_ in ("dobj", "nsubjpass") \
            and _downing(head.head):
        head = head.head          # "rebels downed an army helicopter": the aircraft is what was struck
    elif m.trigger.id != "disrupted-weapons" or head.pos_ != "VERB" or not any(
            t.lower_ == "down" for t in m.tokens):
        return None
    downed = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] + \
        [g for t in head.subtree if t.lower_ == "down" for g in t.children if g.dep_ in ("pobj", "dobj")]
    if not downed or not all(_aircraft_word(c) for c in downed):
        return None
    shooters = [c for c in head.children if c.dep_ == "nsubj"] + \
        [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return AIR_STRIKE if any(_aircraft_word(t) for t in shooters) else BATTLE
BOMBING_WORDS = {"bombing", "bomb"}      # the act, as the noun "bombing" or the verb "bomb"
MILITARY_NAMES = ("Military Forces of", "Allied Syrian and/or Russian Forces")


def _state_bombing(m: Mention, side1: Party, *, kb: Any, index: ActorIndex) -> bool:
    """The bare act of bombing ("bombing", "bombed"; not "a bomb", not "car bombing") by a state's
    military forces: an air strike."""
    head = m.head
    if m.trigger.id != "remote-explosive" or head.lemma_.lower() not in BOMBING_WORDS or len(m.tokens) != 1:
        return False
    if (head.lemma_.lower() == "bomb" and head.pos_ != "VERB") or head.lower_ == "bombs":
        return False
    if any(c.dep_ == "compound" for c in head.children):
        return False          # "car bombing", "roadside bombing": a bomb set off on the ground
    if side1.phrase is not None:
        # "government forces", "regime troops" (ACLED's military forces by a convention's name); not police
        return side1.phrase.state == "military" or (side1.phrase.acled or "").startswith(MILITARY_NAMES)
    # an international force bombs from the air too ("a coalition that includes Germany has bombed IS positions")
    return _actor_type(side1.actor, kb=kb, index=index) in ("state_forces", "external_force", "state", "government",
                                                            "international_force")


def _armed_party(party: Party, *, kb: Any, index: ActorIndex) -> bool:
    """A side that bears arms: state forces, police, an armed group (named, by role words or by kind)."""
    if party.phrase is not None or party.kind in ("armed", "unidentified_armed_group"):
        return True
    return _actor_type(party.actor, kb=kb, index=index) in GROUND_TYPES | {"state", "state_forces", "police",
                                                                          "international_force", "external_force"}


def _actor_type(actor_id: str | None, *, kb: Any, index: ActorIndex) -> str | None:
    if actor_id is None:
        return None
    entry = getattr(kb, "actors", {}).get(actor_id) if kb is not None else None
    if entry is not None:
        return entry.type
    rec = index.by_id.get(actor_id)
    return rec.type if rec else None


def _state_side(party: Party, *, kb: Any, index: ActorIndex) -> bool:
    """Is the party a state, its forces, police or government (named, or by role words)?"""
    if party.phrase is not None:
        return bool(party.phrase.state)
    return party.kind is None and _actor_type(party.actor, kb=kb, index=index) in STATE_FORCE_TYPES


def _party_actor(party: Party, country: str | None, *, kb: Any,
                 people_not_forces: frozenset[str] = frozenset()) -> str | None:
    """A party's actor id: named, or named by ACLED's role words ("regime forces") for the country.
    People named by their nationality are an unidentified armed group, never their state's forces: of the
    country where they acted ("a Syrian suicide bomber killed ten in Istanbul": Turkey's, as ACLED names
    nearly all of them), except a people ACLED keeps by its own name ("Palestinians attacked ...")."""
    if party.kind in ("nationals", "armed_nationals"):
        state = getattr(actor_entry(kb, party.actor), "country", None)
        if country and state not in people_not_forces:
            state = country
        return generic("unidentified_armed_group", state or country, kb=kb)
    if party.actor is not None:
        return _state_service(party, kb=kb) or party.actor
    if party.phrase is not None:
        found = resolve_role_phrase(party.phrase, country, kb=kb)
        if found is not None:
            return found
    if party.kind == "unidentified_armed_group":
        return generic("unidentified_armed_group", country, kb=kb)
    return None


def _state_service(party: Party, *, kb: Any) -> str | None:
    """"a French policewoman was shot", "Afghan police were killed": a state named with the words of one of its
    services is that service (its police), not the state's military."""
    if party.phrase is None or not party.phrase.state or kb is None:
        return None
    entry = actor_entry(kb, party.actor)
    if getattr(entry, "type", None) not in STATE_TYPES or not getattr(entry, "country", None):
        return None
    return getattr(kb.state_actor(entry.country, party.phrase.state), "id", None)


def _country_branch(actor_id: str | None, country: str | None, *, kb: Any) -> str | None:
    """A transnational group's ACLED actor for the country ("Islamic State" -> "Islamic State (Iraq)")."""
    if actor_id is None or kb is None or not country:
        return actor_id
    entry = actor_entry(kb, actor_id)
    if entry is None or entry.country or not entry.acled_name:
        return actor_id
    branch = kb.find_actor_by_name(f"{entry.acled_name} ({country})")
    return getattr(branch, "id", None) or actor_id


# a policeman's titles ("two officers shot a man", "Officer Yanez", "a state trooper"); "deputy" only as a
# sheriff's ("a deputy" alone is a lawmaker in France or Britain)
POLICE_TITLES = {"officer", "trooper", "constable", "patrolman", "policewoman", "sheriff"}


def _police_title(tok: Any) -> bool:
    """tok, or the title before a name ("Officer Jeronimo Yanez"), is a policeman's title and no other
    service's ("a prison officer", "a press officer" name another)."""
    if tok is None:
        return False
    for w in [tok, *(c for c in tok.children if c.dep_ == "compound")]:
        lemma = w.lemma_.lower()
        if lemma in POLICE_TITLES or (lemma == "deputy" and any(c.lemma_.lower() == "sheriff" for c in w.children)):
            return not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in w.children)
    return False


def _no_longer_serving(tok: Any) -> bool:
    """tok, or the title before a name, tells one who served and serves no more ("Former Army soldier John Doe",
    "an Army veteran", "a retired police officer")."""
    if tok is None:
        return False
    return any(w.lemma_.lower() == "veteran" or _off_duty(w)
               for w in [tok, *(c for c in tok.children if c.dep_ == "compound")])


def _own_doer(tok: Any, head: Any) -> bool:
    """tok is the event word's own doer as the parse tells it: its subject, its "by" agent, the noun its relative
    clause hangs from ("Officer Yanez, who shot Castile") or one counted with "of" ("one of the officers shot"),
    not a doer found by climbing to another verb ("officers responding to the shooting": they responded)."""
    heads = {head.i, noun_anchor(head).i}
    if _doer_modified(tok, head):
        return True
    t = tok
    while t.dep_ in ("pobj", "compound", "appos") and t.head.i != t.i:
        if t.dep_ == "pobj":
            if t.head.lower_ == "by":
                return t.head.head.i in heads
            if t.head.lower_ != "of":
                return False
            t = t.head.head
        else:
            t = t.head
    return (t.dep_ == "nsubj" and t.head.i in heads) or _doer_modified(t, head)


def _doer_modified(tok: Any, head: Any) -> bool:
    """The event verb modifies its doer: a relative clause ("Yanez, who shot Castile") or a present
    participle ("videos showing two officers shooting a man"); a past participle modifies who it was done
    to ("the officers fatally shot")."""
    return head.head.i == tok.i and head.i != tok.i and (head.dep_ == "relcl" or (head.dep_ == "acl" and
                                                                                 head.tag_ == "VBG"))


def _officers_police(party: Party, country: str | None, *, kb: Any, patterns: EventPatterns,
                     head: Any = None) -> str | None:
    """Officers told by no force's name, where the police keep order (policing_countries), are the state's
    police (ACLED's Police Forces of the country), not an unidentified armed group nor civilians; as the
    doer (`head`: the event word), only when the parse makes them its own doer."""
    if kb is None or party.actor is not None or party.phrase is not None or country not in \
            patterns.policing_countries or not _police_title(party.token):
        return None
    if head is not None and not _own_doer(party.token, head):
        return None
    return getattr(kb.state_actor(country, "police"), "id", None)


GOVERNMENT_WORDS = {"government", "authority"}


def _government_forces(party: Party, country: str | None, *, kb: Any, taking: bool = False,
                       policing_countries: frozenset[str] = frozenset()) -> str | None:
    """"Rebels said the government had shelled the villages", "the authorities had bombed the town": a
    government told by no state's name, as the doer of armed violence, is the state's military (ACLED) in the
    country where it struck. Not authorities where no armed conflict is fought (who they are is left to the
    rules of policing), nor authorities that seize a place (an office, a newspaper: no territory fought for)."""
    tok = party.token
    if kb is None or not country or party.actor is not None or party.phrase is not None or party.kind \
            or tok is None or tok.lemma_.lower() not in GOVERNMENT_WORDS \
            or any(c.dep_ in ("compound", "poss", "nmod") for c in tok.children):
        return None
    if tok.lemma_.lower() == "authority" and (taking or country in policing_countries):
        return None
    return getattr(kb.state_actor(country, "military"), "id", None)


# words for two people acting together ("a Muslim couple"), no civilians' word of their own
PAIR_WORDS = {"couple", "pair", "duo"}


def _lone_assailant(d: Draft) -> bool:
    """People told by a word for ordinary people ("a man", "a teenager", "two students", "a couple"), as the
    subject of the event's own active verb, its "by" agent, or who carried it out ("the brothers who carried out
    the bombing"): the ones who attacked, not the people it struck."""
    tok, head = d.side1.token, d.mention.head
    if tok is None or not (d.side1.kind == "civilians" or (
            d.side1.kind is None and d.side1.actor is None and tok.lemma_.lower() in PAIR_WORDS)):
        return False
    if tok.head.dep_ == "agent" and tok.head.head.i == head.i and head.pos_ == "VERB" \
            and tok.tag_ in ("NN", "NNP", "NNS"):
        return True                   # "stabbed by a 21-year-old student", "14 people were killed by a couple"
    if d.kind not in ("event", None):
        # "a man accused of killing four people": the one accused of a killing is its (alleged) killer
        accused = accused_of(head)
        return accused is not None and accused.i == tok.i and tok.tag_ in ("NN", "NNP")
    if head.pos_ in ("NOUN", "PROPN") and d.coding.event_type == "Explosions/Remote violence" \
            and head.dep_ == "dobj" and head.head.dep_ == "acl" and head.head.tag_ == "VBG" and head.head.head.i == tok.i:
        return True                   # "three women carrying suicide bombs": who carries the bombs uses them
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and head.head.lemma_.lower() in LIGHT_VERBS \
            and tok.tag_ in ("NN", "NNP", "NNS"):
        # "the brothers who carried out the bombing", "a student who carried out the attack": who carries it out
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("who", "that") and head.head.dep_ == "relcl":
            subj = head.head.head
        return subj is not None and subj.i == tok.i
    if tok.tag_ not in ("NN", "NNP", "NNS") or head.pos_ != "VERB":
        return False
    told = told_relative(head)
    if told is not None and told.i == tok.i and not any(c.dep_ == "auxpass" for c in head.children):
        # "a man who police said stabbed two neighbors": the verb after "said" may be tagged a participle
        return head.lemma_.lower() not in DYING_VERBS
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) or (
        head.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children))
    return not passive and head.lemma_.lower() not in DYING_VERBS      # ("a woman shot dead": shot)


# the violence a weapon of one side's own names its doer in ("barrel bombs hit a market": an air strike
# or, as a parse may code it, an attack on civilians)
WEAPON_KINDS = ("Explosions/Remote violence", "Violence against civilians")


def _weapon_agent(d: Draft, country: str | None, *, kb: Any, patterns: EventPatterns) -> str | None:
    """The side the weapon named in the event's sentence belongs to, where only that side uses it
    (event_roles.yaml weapon_agents: "barrel bombs" in Syria are the Syrian government's)."""
    words = [(t.lower_, t.lemma_.lower()) for t in d.mention.sent if t.text != "-"]
    for rp in patterns.weapon_agents:
        if not rp.applies(country):
            continue
        for phrase in rp.phrases:
            if any(all(w in words[i + k] for k, w in enumerate(phrase)) for i in range(len(words) - len(phrase) + 1)):
                return resolve_role_phrase(rp, country, kb=kb)
    return None


def _default_agent(d: Draft, country: str | None, *, kb: Any, patterns: EventPatterns) -> str | None:
    for rp in patterns.default_agents:
        if rp.sub_event_type == d.coding.sub_event_type and rp.applies(country):
            return resolve_role_phrase(rp, country, kb=kb)
    return None


TELLING_VERBS = SPEAKING_VERBS | {"tweet", "tell", "report", "write"}


def _police_telling(sent: Any) -> bool:
    """"..., the police said (tweeted)": the police tell of it in the sentence."""
    return any(t.dep_ == "nsubj" and t.lemma_.lower() == "police" and t.head.lemma_.lower() in TELLING_VERBS
               for t in sent)


def _arresting_forces(a1: str | None, country: str | None, *, kb: Any, index: ActorIndex) -> str | None:
    """Who arrests is a state's forces (ACLED): "nine men were detained in dawn raids" (no one named) or
    "Turkish authorities detained three Russians" (the state or its government named) are arrests by
    the police of the state, of the country where they happened when none is named; a named force
    ("soldiers arrested six", "detained by peshmerga fighters") keeps its name."""
    if kb is None:
        return a1
    if a1 is None:
        entry = kb.state_actor(country, "police") if country else None
        return getattr(entry, "id", None)
    if _actor_type(a1, kb=kb, index=index) not in ("state", "government"):
        return a1
    rec = index.by_id.get(a1)
    state = getattr(actor_entry(kb, a1), "country", None) or (rec.country if rec else None) or country
    entry = kb.state_actor(state, "police") if state else None
    return getattr(entry, "id", None) or a1


INTERVENTION = "Protest with intervention"
# who is named as the one who attacked ("an assailant killed by police")
ATTACKER_NOUNS = {"assailant", "attacker", "raider", "infiltrator"}


def _finish(d: Draft, *, kb: Any, index: ActorIndex, patterns: EventPatterns, note_country: str | None) -> None:
    """Actor ids (states as their forces, generic actors), territory sub-types, protests."""
    # the event's country as the event will be told (its place, "the Tunisian town of", the report's)
    country = (d.place.country if d.place else None) or _sentence_place_country(d, kb=kb, index=index) \
        or note_country
    if by_crowd(d, patterns, armed=lambda a: _actor_type(a, kb=kb, index=index) in ARMED_TYPES):
        d.coding, d.plover = MOB_VIOLENCE, "PROTEST"
        if d.kind == "outcome":
            d.kind = "event"           # "locals killed a thief": the killing itself, by the crowd
    # generic actors ("Civilians (Syria)", "Unidentified Armed Group (Jordan)") take the country of the
    # event's place, as ACLED's do; the report's country when the event has no place
    gcountry = country
    violent = d.coding.event_type in ARMED_VIOLENCE
    a1 = _party_actor(d.side1, gcountry, kb=kb, people_not_forces=patterns.people_not_forces)
    if a1 is not None and violent:
        a1 = _country_branch(as_forces(a1, kb=kb, index=index, country=country), country, kb=kb)
    if a1 is not None and violent and _no_longer_serving(d.side1.token) \
            and _actor_type(a1, kb=kb, index=index) in STATE_FORCE_TYPES:
        # "a former soldier opened fire", "an Army veteran shot three people": one who no longer serves acts for
        # no state's forces; ACLED codes such an assailant as an unidentified armed group
        a1 = generic("unidentified_armed_group", gcountry, kb=kb)
    if a1 is None:
        a1 = _officers_police(d.side1, country, kb=kb, patterns=patterns, head=d.mention.head)
    if a1 is None and violent:
        a1 = _government_forces(d.side1, country, kb=kb, taking=d.kind == "territory",
                                policing_countries=patterns.policing_countries)
    if a1 is None and violent and _lone_assailant(d):
        # "a teenager who attacked a teacher", "stabbed by a 21-year-old student": one person who does armed
        # violence is no civilian of it; ACLED codes the unnamed assailant as an unidentified armed group
        a1 = generic("unidentified_armed_group", gcountry, kb=kb)
    if a1 is None and d.coding.event_type in WEAPON_KINDS:
        # "barrel bombs dropped on Daraya killed 12": a weapon only one side uses names that side (ACLED)
        a1 = _weapon_agent(d, gcountry, kb=kb, patterns=patterns)
    if a1 is None and violent and d.kind != "outcome" and d.status in ("reported", "claimed") \
            and d.side1.kind not in ("civilians", "protesters", "rioters"):
        a1 = _default_agent(d, gcountry, kb=kb, patterns=patterns)
        d.a1_default = a1 is not None
    if d.coding.sub_event_type == "Arrests":
        if a1 is None and (d.side1.token is None or d.side1.token.lemma_.lower() in patterns.security_nouns):
            # no one told ("were detained in dawn raids") or the state's men told by no name ("arrested by
            # officers"): ACLED's police, no evidence for merging; not those "taken by an armed group"
            a1 = _arresting_forces(None, country, kb=kb, index=index)
            d.a1_default = a1 is not None
        elif a1 is not None:
            a1 = _arresting_forces(a1, country, kb=kb, index=index)
    if d.coding.sub_event_type == "Disrupted weapons use" and a1 is None and d.side1.token is None \
            and (country in patterns.policing_countries or _police_telling(d.mention.sent)):
        # "a controlled explosion was carried out at the stadium", "weapons were found in a search, the police
        # tweeted": a device made safe or arms seized by no one named, where no war is fought or as the police
        # tell it, are the police's (ACLED)
        a1 = _arresting_forces(None, country, kb=kb, index=index)
        d.a1_default = a1 is not None
    a2 = d.side2.actor
    if d.side2.kind in ("civilians", "protesters", "rioters", "nationals"):
        # "killing four Israelis": civilians, of the state they are from
        c2 = gcountry
        rec = index.by_id.get(a2) if a2 else None
        if rec is not None and rec.type in ("state", "government") and rec.country:
            c2 = rec.country
        kind2 = "civilians" if d.side2.kind == "nationals" else d.side2.kind
        a2 = generic(kind2, c2, kb=kb) or (a2 if d.side2.kind != "nationals" else None)
        d.civilian_targeting = kind2 == "civilians" and violent
    else:
        a2 = _party_actor(d.side2, gcountry, kb=kb, people_not_forces=patterns.people_not_forces) \
            or _officers_police(d.side2, country, kb=kb, patterns=patterns)
        if a2 is not None and violent:
            a2 = _country_branch(as_forces(a2, kb=kb, index=index, country=country), country, kb=kb)
        elif a2 is None and _civilian_site_struck(d, patterns):
            a2 = generic("civilians", gcountry, kb=kb)
            d.civilian_targeting = a2 is not None
    if a1 is not None and a1 == a2:
        a2 = None
    if a1 is None and violent and a2 is not None and country in patterns.policing_countries and d.kind == "event" \
            and _actor_type(a2, kb=kb, index=index) in ON_DUTY_FORCES \
            and (_told_as_harmed(d.side2.token) or _fired_at(d.side2.token) or _came_under(d.side2.token)):
        # "three police officers were shot", "he fired at the officers", "a shooting killed four marines": where
        # no armed conflict is fought, police or troops shot at by no one named were shot by an unnamed gunman
        # (ACLED's unidentified armed group)
        a1 = generic("unidentified_armed_group", gcountry, kb=kb)
    if d.coding.event_type == "Battles" and a1 is not None and a2 is not None and d.side2.token is not None \
            and d.side2.token.lemma_.lower() in ATTACKER_NOUNS and _state_side(d.side1, kb=kb, index=index) \
            and not _fought_with(d.side2.token):
        # "an armed assailant was killed by police": the attacker is the battle's first side (ACLED); not one
        # the forces are told fighting with ("soldiers battling with the attackers": the sides as told)
        a1, a2 = a2, a1
    if d.coding.event_type in DEMONSTRATIONS and country and kb is not None:
        # ACLED: the demonstrators are actor1; a named group among them is their associate
        kind = "protesters" if d.coding.event_type == "Protests" else "rioters"
        crowd = generic(kind, gcountry, kb=kb)
        if crowd is not None and a1 != crowd:
            if a1 is not None:
                d.assoc1.insert(0, a1)
            a1 = crowd
    d.actor1, d.actor2 = a1, a2
    if d.coding.event_type == "Battles" and d.kind != "territory" and d.civilian_targeting \
            and d.mention.trigger.civilian_target is not None:
        # "Boko Haram gunmen raided Dalori village": a raid on civilians is violence against them (ACLED),
        # not a battle
        d.coding = d.mention.trigger.civilian_target
    _territory_subtype(d, kb=kb, index=index)
    if d.coding.event_type == "Battles" and d.kind != "territory" and d.place is not None \
            and d.place.country in patterns.policing_countries \
            and not {t.lemma_.lower() for t in d.mention.sent if t.i not in _feared_words(d.mention.sent)} \
            & patterns.organised_fighters \
            and _actor_type(a1, kb=kb, index=index) not in ORGANISED_TYPES \
            and _actor_type(a2, kb=kb, index=index) not in ORGANISED_TYPES and not _armed_men_hit(d) \
            and not _gunfight(d.mention):
        # a shooting by a lone or unnamed gunman, or by police, where no armed conflict is fought: an
        # attack (ACLED) on whoever was shot, unless that is armed (_armed_men_hit) or both sides fired
        d.coding = type(d.coding)("Violence against civilians", "Attack", "180")
        if a2 is not None and a2 == a1:
            d.actor2 = None
    d.alone = _told_alone(d, country, kb=kb, index=index, patterns=patterns)
    if violent and d.side2.kind == "protesters" and d.coding.event_type != "Explosions/Remote violence" and \
            {t.lemma_.lower() for t in d.mention.sent} & (patterns.protester_nouns - {"activist"}):
        # force against a demonstration (an activist shot at home is an attack, no protest); tear gas or
        # rubber bullets fired at it are an intervention (ACLED), not excessive force. Bombs or shells that hit
        # a crowd ("two blasts hit a peace rally") are a bombing with the crowd its target, no force it met
        if less_lethal(d.mention.head):
            d.coding = type(d.coding)("Protests", INTERVENTION, "141")
            if _actor_type(d.actor2, kb=kb, index=index) == "protesters":
                # the demonstrators are the first side of a protest the police broke up (ACLED)
                d.actor1, d.actor2 = d.actor2, d.actor1
        else:
            d.coding = type(d.coding)("Protests", "Excessive force against protesters", "175")
        d.plover = "COERCE"


# singular words for several people acting together: "a gang", "the couple" is no one acting alone
COLLECTIVE_NOUNS = {"group", "gang", "cell", "mob", "crowd", "couple", "pair", "duo", "family", "squad", "team",
                    "network", "militia", "unit", "band", "ring", "faction", "organization", "organisation"}

# words a text tells several attackers of an incident by: one of them is no one acting alone
SEVERAL_ATTACKERS = {"gunmen", "attackers", "assailants", "shooters", "accomplice", "accomplices"}


def _one_individual(party: Party, *, kb: Any, index: ActorIndex) -> bool:
    """Is the party one person the text ties to no group: a singular word for a person ("a gunman", "an
    employee", "the shooter") or a person's name, alone ("a man and his wife" are two), in a text that names no
    armed organisation outside the state?"""
    tok, phrase = party.token, party.phrase
    if phrase is not None and (phrase.state or phrase.acled or phrase.generic != "unidentified_armed_group"):
        return False              # role words of a state's forces or a group; "a gunman" names no one
    if tok is None or tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
        return False
    named = tok.tag_ == "NNP" and tok.ent_type_ == "PERSON"
    if not named and (tok.tag_ != "NN" or tok.lemma_.lower() in COLLECTIVE_NOUNS or tok.ent_type_):
        return False
    if any(t.lower_ in SEVERAL_ATTACKERS for t in tok.doc):
        return False              # "two men opened fire ... as a gunman fired, an accomplice shot": not alone
    # a text that names an armed organisation outside the state may tie the attacker to it anywhere ("a man who
    # wanted to join Islamic State", "inspired by al Qaeda"): that is no one acting alone
    return not _armed_organisation_in(0, len(tok.doc.text), kb=kb, index=index)


def _told_alone(d: Draft, country: str | None, *, kb: Any, index: ActorIndex, patterns: EventPatterns) -> bool:
    """Is the attack told as done by one individual tied to no group ("a gunman killed five", "an employee shot
    four", a man named), where ACLED names an actor for one person acting alone (sole_perpetrator_countries)?
    An attack on civilians, or the person's fight with the police (ACLED's "Sole Perpetrator (United States)"
    against its police); `_sole_perpetrators` names the actor once the tellings of each incident are merged."""
    if kb is None or country not in patterns.sole_perpetrator_countries \
            or d.coding.event_type not in ("Violence against civilians", "Battles"):
        return False
    if d.actor1 is None or d.actor1 != generic("unidentified_armed_group", country, kb=kb):
        return False
    if d.coding.event_type == "Battles" and _actor_type(d.actor2, kb=kb, index=index) != "police":
        return False
    if d.side1.token is None and d.coding.event_type == "Violence against civilians" and _rampage(d.mention.head) \
            and not _armed_organisation_in(0, len(d.mention.head.doc.text), kb=kb, index=index):
        return True        # "a mass shooting", "a shooting rampage" with no doer told: one gunman's
    return _one_individual(d.side1, kb=kb, index=index)


RAMPAGE_WORDS = {"rampage", "spree"}


def _rampage(head: Any) -> bool:
    """Is the act told as a rampage: "a shooting rampage", "a killing spree", "a mass shooting" (one person's
    run of killing, as such reports tell it; not "mass killings" of a war)?"""
    words = [head, *(c for c in head.children if c.dep_ in ("compound", "amod")),
             *([head.head] if head.dep_ == "compound" else [])]
    if any(w.lemma_.lower() in RAMPAGE_WORDS for w in words):
        return True
    return head.lemma_.lower() == "shooting" and any(c.lower_ == "mass" for c in head.children)


def _sole_perpetrators(drafts: list[Draft], *, kb: Any, patterns: EventPatterns) -> None:
    """An incident one of whose tellings tells its attacker as one person acting alone (`_told_alone`) is that
    person's, ACLED's Sole Perpetrator of the country, where the incident's attacker is still its unidentified
    armed group; the other side stays as it is. Named after merging, so that a telling that does not say he
    was alone ("Sunday's attack") still joins it."""
    if kb is None:
        return
    for country in patterns.sole_perpetrator_countries:
        unidentified = generic("unidentified_armed_group", country, kb=kb)
        sole = generic("sole_perpetrator", country, kb=kb)
        for d in drafts:
            if d.alone and unidentified is not None and d.actor1 == unidentified:
                d.actor1 = sole


BATTLE_SHOT = Coding("Battles", "Armed clash", "193")
# words of firing told of both sides: "killed in a shootout with police", "traded fire with the gunman"
# ("out" as the clash trigger's "shoot - out" splits it)
GUNFIGHT_WORDS = {"shootout", "shoot-out", "gunfight", "firefight", "gunbattle", "trade", "exchange", "out"}


def _gunfight(m: Mention) -> bool:
    """A clash word that tells both sides fired (a shootout, fire traded): armed men on each side."""
    return m.trigger.id == "clash" and any(t.lemma_.lower() in GUNFIGHT_WORDS or t.lower_ in GUNFIGHT_WORDS
                                           for t in m.tokens)


ON_DUTY_FORCES = {"police", "state_forces"}


def _armed_side_attacked(d: Draft, *, kb: Any, index: ActorIndex, patterns: EventPatterns) -> bool:
    """An attack, as its tellings merged, whose target is a state's police or military (not off duty) and whose
    doer is another side ("an officer died after he was shot" with "a gunman shot him"): a battle (ACLED). Not
    one told as hitting a place of civilian life ("the attack on a beachside hotel")."""
    if (d.coding.event_type, d.coding.sub_event_type) != ("Violence against civilians", "Attack"):
        return False
    if _at_civilian_site(d.mention, d.side2.token, patterns):
        return False
    forces = [t for t in d.mention.sent if t.lemma_.lower() in FORCE_VICTIMS or t.lower_ in FORCE_VICTIMS]
    if all(_off_duty(t) for t in forces):
        return False       # none on duty ("an off-duty soldier"), or the forces come from another telling merged in
    if d.actor1 is None or d.actor2 is None or d.actor1 == d.actor2 or _off_duty(d.side2.token):
        return False
    return _actor_type(d.actor2, kb=kb, index=index) in ON_DUTY_FORCES


def _territory_subtype(d: Draft, *, kb: Any, index: ActorIndex) -> None:
    """Territory taken by state forces is regained; by anyone else, overtaken."""
    if d.kind == "territory" and d.coding.event_type == "Battles":
        # the side that lost the ground is not who took it, however the tellings merged named it
        taker = d.actor1 if d.actor1 != d.actor2 else None
        t = _actor_type(taker, kb=kb, index=index)
        # a non-state group pushed out by no side told ("despite being pushed out of Somalia's major cities,
        # al-Shabab ..."): what the state's forces regained, the common case (not a non-state taker nobody named)
        lost = taker is None and _actor_type(d.actor2, kb=kb, index=index) in NON_STATE_GROUPS
        sub = "Government regains territory" if t in STATE_FORCE_TYPES or lost else "Non-state actor overtakes territory"
        d.coding = type(d.coding)("Battles", sub, d.coding.cameo)


def _complete_battle(d: Draft, *, note_country: str | None, kb: Any, index: ActorIndex,
                     patterns: EventPatterns) -> None:
    """A battle's sides its telling left open, from the armed parties its sentence names."""
    if d.coding.event_type != "Battles" or (d.actor1 is not None and d.actor2 is not None):
        return
    country = (d.place.country if d.place else None) or note_country
    a1, a2, struck = _battle_sides(d, d.actor1, d.actor2, country=country, kb=kb, index=index, patterns=patterns)
    if struck and a1 is None and country in patterns.policing_countries and kb is not None:
        # where no armed conflict is fought, troops an unnamed attacker's act killed were struck by an unnamed
        # gunman (ACLED's unidentified armed group), as police are (`_finish`)
        a1 = generic("unidentified_armed_group", country, kb=kb)
    # the state's forces are only among the dead: told as killed, or known only from the toll told
    # with the battle ("Eight soldiers and 22 militants have been killed in clashes", merged), not as
    # the target the battle's own phrase names ("an attack on soldiers")
    victim = _told_as_harmed(d.side2.token) or (d.side2.token is None and d.actor2 is not None)
    if d.actor1 is None and a1 is not None and a2 is not None and d.kind != "territory" and victim and not struck \
            and _actor_type(a2, kb=kb, index=index) in STATE_FORCE_TYPES \
            and _actor_type(a1, kb=kb, index=index) not in STATE_FORCE_TYPES:
        # "Eight soldiers and 22 militants have been killed in clashes": no attacker told (the state's
        # forces only among the dead, not a target the parse names), the state's forces first
        a1, a2 = a2, a1
    if a1 is None and a2 is not None and d.kind != "territory" and not struck \
            and d.side1.kind not in ("civilians", "nationals", "protesters", "rioters") \
            and not _attacked(d.side2.token) and not _harmed_by_the_attack(d) and not _killed_by_subject(d) \
            and _actor_type(a2, kb=kb, index=index) in STATE_FORCE_TYPES:
        # "a militant commander died in a gunfight with the Indian army": no attacker named (a civilian
        # told as one is not left out: "a woman who tried to stab police officers"), and the one side
        # named is the state's forces, first as ACLED lists them; a side told as attacked stays the target
        # ("militia forces began attacks against Kurdish positions")
        a1, a2 = a2, None
    if a1 is None and a2 is not None and kb is not None and country and d.kind != "territory" \
            and _actor_type(a2, kb=kb, index=index) in NON_STATE_GROUPS:
        op = d.mention.head if d.mention.head.lemma_.lower() in OPERATION_NOUNS else next(
            (t for t in d.mention.sent if t.lemma_.lower() in OPERATION_NOUNS and t.dep_ == "pobj"
             and t.head.lower_ in ("in", "during")), None)      # "killed in an operation"
        a1 = _operation_forces(op, country, kb=kb) if op is not None else None
    if a1 != d.actor1:
        d.actor1 = a1
        _territory_subtype(d, kb=kb, index=index)
    d.actor2 = a2
    if d.actor1 is None and d.kind == "territory" and d.coding.sub_event_type == "Government regains territory" \
            and kb is not None and country:
        # "the Islamic State group was pushed out of Fallujah": an armed group driven out by no side told is
        # coded as territory the government regained (above), so by the state's forces, as ACLED names them
        d.actor1 = getattr(kb.state_actor(country, "military"), "id", None)
        d.a1_default = d.actor1 is not None


# the nouns of violence told between two sides (no one of them the attacker): "clashes killed two soldiers"
MUTUAL_FIGHTING = RECIPROCAL | {"fighting", "fight", "gunfight", "firefight", "gunbattle", "combat", "confrontation"}


def _harmed_by_the_attack(d: Draft) -> bool:
    """"An attack on a checkpoint killed four soldiers", "a shooting wounded two officers": the side the
    attack itself killed or wounded (the trigger the subject of the harming verb) is its target, not the
    attacker; not the dead of a clash ("clashes killed two soldiers": a side of the fighting)."""
    tok, head = d.side2.token, d.mention.head
    if tok is None or head.lemma_.lower() in MUTUAL_FIGHTING or not _told_as_harmed(tok):
        return False
    return head.dep_ == "nsubj" and head.head.i == tok.head.i and tok.dep_ == "dobj"


def _killed_by_subject(d: Draft) -> bool:
    """"After John Smith killed a police commander", "the shooting rampage that killed four servicemen": the
    side is the object of the event's own harming verb, whose subject (someone the text names, not a side the
    knowledge base knows, or the attack itself) did it; the side is the target. Not the dead of fighting
    between sides ("clashes that killed two soldiers": a side of the clashes)."""
    tok = d.side2.token
    return tok is not None and tok.head.i == d.mention.head.i and _struck_by_the_attack(tok)


def _struck_by_the_attack(tok: Any, armed_nouns: frozenset[str] = frozenset()) -> bool:
    """"a shooting that killed four marines", "John Smith killed two officers": the object of a harming verb
    whose subject is a person the text names or an act (not fighting between sides, "clashes that killed two
    soldiers", nor a side the armed-people words tell, "militants killed two soldiers")."""
    if tok is None or tok.dep_ != "dobj" or not _told_as_harmed(tok):
        return False
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subj = verb.head                        # "the rampage that killed": the noun the clause tells of
    return subj is not None and (subj.ent_type_ == "PERSON" or (
        subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() not in MUTUAL_FIGHTING | armed_nouns))


def _told_as_harmed(tok: Any) -> bool:
    """A side named as the one killed or wounded ("eight soldiers were killed", "killed two officers")."""
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num:
        tok = tok.head.head                     # "two of the officers were killed": the number is the subject
    if tok is not None and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "leave" and _object_left_harmed(tok):
        return True
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in HARMED_OF_NOUNS:
        return True                              # "the killing of two officers"
    if tok is None or tok.head.lemma_.lower() not in HARM_VERBS | WOUNDING_VERBS:
        return False
    return tok.dep_ in ("nsubjpass", "dobj") or (tok.dep_ == "nsubj" and reduced_relative(tok.head, tok))


LEFT_STATES = {"dead", "injured", "wounded", "hurt"}


def _object_left_harmed(tok: Any) -> bool:
    """"the shooting left seven officers injured", "the blast left two soldiers dead": the side an attack left
    so is one it harmed (the state told after the object, hung from it or from "left")."""
    after = [c for c in (*tok.children, *tok.head.children) if c.i > tok.i and c.dep_ != "conj"]
    return any(c.lower_ in LEFT_STATES or (c.tag_ == "VBN" and c.lemma_.lower() in HARM_VERBS) for c in after)


def _fired_at(tok: Any) -> bool:
    """A side named as what was shot or struck at ("fired at the officers", "an attack on police")."""
    return tok is not None and tok.dep_ == "pobj" and (tok.head.lower_ in TARGET_PREPS or (
        tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in HARMED_OF_NOUNS))   # "the killing of officers"


def _came_under(tok: Any) -> bool:
    """A side named as the subject of coming or being under fire ("police came under fire", "troops were under
    attack"): what was fired at, not who fired."""
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(g.dep_ == "pobj" and g.lemma_.lower() in UNDER_FIRE
                                                         for g in c.children) for c in tok.head.children)


# what a side "comes under" when it is the one attacked
UNDER_FIRE = {"fire", "attack", "assault", "gunfire", "shelling", "bombardment", "ambush"}


def _fought_with(tok: Any) -> bool:
    """A side named as the one fought with ("clashed with the attackers", "a gunfight with the raiders")."""
    while tok is not None and tok.dep_ in ("compound", "amod", "conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "with"


def _attacked(tok: Any) -> bool:
    """Whether a side is named as the one attacked ("attacks against Kurdish positions", "an assault on the
    army"), not as one fought with ("a gunfight with the Indian army")."""
    while tok is not None and tok.dep_ in ("compound", "amod", "conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "pobj" and (tok.head.lower_ in TARGET_PREPS or (
        tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in HARMED_OF_NOUNS))   # "the killing of officers"


# who of the state's forces tells what happened: "a senior security officer told Reuters", "army sources said"
FORCE_TELLERS = {"officer", "official", "spokesman", "spokesperson", "commander"}   # (sources: no side)
FORCE_WORDS = {"security", "military", "army"}


def _military_reporting(tok: Any) -> bool:
    """"15 militants were killed in clashes, the military said", "a senior security officer at the scene
    told Reuters ... after a three-hour gunfight with the militants ended": the military, or one of the
    security forces, tells of its own fighting."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in SPEAKING_VERBS | {"tell"}:
        return False
    if tok.lemma_.lower() == "military":
        return True
    return tok.lemma_.lower() in FORCE_TELLERS and any(c.dep_ in ("compound", "amod") and c.lower_ in FORCE_WORDS
                                                       for c in tok.children)


def _state_of(actor_id: str | None, *, kb: Any, index: ActorIndex) -> str | None:
    """The country whose forces an actor is."""
    rec = index.by_id.get(actor_id) if actor_id else None
    return getattr(actor_entry(kb, actor_id), "country", None) or (rec.country if rec else None)


def _own_launch_country(d: Draft, *, kb: Any, index: ActorIndex) -> str | None:
    """A state's forces firing or testing a weapon with no place and no one struck ("North Korea launched a
    long-range rocket", "North Korea conducted a missile test", in a report filed from Seoul): the launch is
    in their own country, not in the report's."""
    fired = d.coding.sub_event_type == "Shelling/artillery/missile attack" or d.rule == "weapons-test"
    if d.actor2 is not None or not fired or _actor_type(d.actor1, kb=kb, index=index) not in ("state", "state_forces"):
        return None
    return _state_of(d.actor1, kb=kb, index=index)


def _tester_country(d: Draft, places: list[Place], *, kb: Any, index: ActorIndex) -> str | None:
    """A weapons test told with no state as its side ("Pyongyang's latest nuclear test", "North Korea conducted
    its fourth nuclear test", in a report filed from Seoul or Washington): English names the state before its
    test (as its possessor or the subject that conducts it), so the test is in the country of the state or place
    the sentence names last before the test word, not in the report's."""
    if d.rule != "weapons-test":
        return None
    start, head = d.mention.sent.start_char, d.mention.head.idx
    named = [(p.span.start, p.country) for p in places if start <= p.span.start and p.span.end <= head and p.country]
    named += [(a, _state_of(aid, kb=kb, index=index)) for a, _, aid in index.within(start, head)
              if _actor_type(aid, kb=kb, index=index) in ("state", "government")]
    named = [(at, country) for at, country in named if country]
    return max(named)[1] if named else None


def _police_home(d: Draft, *, kb: Any, index: ActorIndex) -> str | None:
    """The country of the police the text names as the event's first side ("arrested by Malian police",
    "Saudi Arabia detained the attache"): a state's police act only in their own country, whatever town the
    report or another clause of the sentence names. Not the police a report's country lent an unnamed
    arrest (its default agent)."""
    if d.a1_default or _actor_type(d.actor1, kb=kb, index=index) != "police":
        return None
    return _state_of(d.actor1, kb=kb, index=index)


def _telling(tok: Any) -> bool:
    """Is the word the subject of a verb of saying ("..., police said", "the military told reporters")?"""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEAKING_VERBS | {"tell"}


# "killed in an operation", "a military operation", "a security crackdown": what a state's forces do to an
# armed group (an operation by anyone else names them: "a rebel operation")
OPERATION_NOUNS = {"operation", "crackdown", "sweep"}
STATE_MODIFIERS = {"military": "military", "security": "military", "army": "military", "counter-terrorism": "military",
                   "counterterrorism": "military", "anti-terror": "military", "police": "police"}


def _operation_forces(head: Any, country: str, *, kb: Any) -> str | None:
    """"Six PKK militants were also killed in an operation in that region": the state's forces ran it."""
    if head.lemma_.lower() not in OPERATION_NOUNS or head.pos_ != "NOUN":
        return None
    mods = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    if any(m not in STATE_MODIFIERS and m not in ("new", "major", "large", "joint", "big") for m in mods):
        return None
    kind = next((STATE_MODIFIERS[m] for m in mods if m in STATE_MODIFIERS), "military")
    entry = kb.state_actor(country, kind)
    return entry.id if entry is not None else None


def _battle_sides(d: Draft, a1: str | None, a2: str | None, *, country: str | None, kb: Any, index: ActorIndex,
                  patterns: EventPatterns) -> tuple[str | None, str | None]:
    """The sides of a battle its trigger's parse leaves open, from the armed parties its sentence names
    ("Six soldiers were killed in clashes with militants": the state's forces and an armed group),
    state forces first, as ACLED's coders list them when a report does not say who attacked; and whether the
    second is one the act itself struck ("a shooting that killed four soldiers"), never a doer."""
    sides: list[str] = []
    tellers: list[str] = []
    struck: list[str] = []
    # a doer the parse named but no actor resolves ("Kurdish-backed forces were fighting with insurgents,
    # while government forces shelled ...") is not the doer of another clause of its sentence
    doers = _other_doers(d) if a1 is None else frozenset()
    allies = {*d.assoc1, *(_country_branch(as_forces(a, kb=kb, index=index, country=country), country, kb=kb)
                           for a in d.assoc1)}
    # who the doer is listed with ("the offensive by Syrian forces, Hezbollah and Shiite militias") fights beside
    # it, the list also where the parse hangs it on the noun the doer's "by" follows ("offensive ... , militias")
    beside = _listed_with(d.side1.token)
    for tok in d.mention.sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound" or \
                (tok.lemma_.lower() not in patterns.armed_nouns and not _military_reporting(tok)):
            continue
        if tok.dep_ == "nsubj" and tok.head.i != d.mention.head.i and tok.head.lemma_.lower() in AFTER_VERBS:
            continue        # "police detained two suspects in the attacks": who arrests or charges after is no side
        if tok.i in beside:
            continue
        told = _telling(tok)
        party = _antecedent(resolve_phrase(tok, index, patterns), kb=kb, index=index, patterns=patterns)
        if party.kind in ("civilians", "protesters", "rioters", "nationals"):
            continue
        actor = _party_actor(party, country, kb=kb, people_not_forces=patterns.people_not_forces)
        if actor is None and kb is not None and country and _military_reporting(tok):
            actor = getattr(kb.state_actor(country, "military"), "id", None)    # "a security officer told"
        actor = _country_branch(as_forces(actor, kb=kb, index=index, country=country), country, kb=kb)
        if actor is not None and actor != a1 and _struck_by_the_attack(tok, patterns.armed_nouns):
            struck.append(actor)            # "the shooting that killed four soldiers": its target, never its doer
            continue
        if actor is not None and tok.i not in doers and actor not in sides and actor not in (a1, a2, *allies):
            (tellers if told else sides).append(actor)   # an ally ("fighting alongside Assad's forces") is no opponent
    # who tells of the fighting ("the military said", "a rebel commander told Reuters") is one of its sides,
    # unless the state it serves already has its forces in it: "a gunfight with the Indian army, police said"
    # is the army's, the police only tell of it
    fighting = {_state_of(s, kb=kb, index=index) for s in (a1, a2, *sides)
                if _actor_type(s, kb=kb, index=index) in STATE_FORCE_TYPES}
    sides += [t for t in tellers if t not in sides and not (
        _actor_type(t, kb=kb, index=index) in STATE_FORCE_TYPES and _state_of(t, kb=kb, index=index) in fighting)]
    sides = [s for s in sides if s not in struck]     # the army whose soldiers an act killed is not its doer
    if a1 is None and sides:
        state = [s for s in sides if _actor_type(s, kb=kb, index=index) in STATE_FORCE_TYPES]
        a1 = (state or sides)[0]
        sides.remove(a1)
    if a2 is None and (struck or sides):
        a2 = (struck or sides)[0]
    return a1, a2, a2 in struck


def _listed_with(doer: "Token | None") -> set[int]:
    """The tokens listed with a side ("Syrian forces, Hezbollah and Shiite militias"), also when the parse hangs
    the list on the noun the side's "by" follows ("the offensive by Syrian forces, Hezbollah and ...")."""
    if doer is None:
        return set()
    listed = {c.i for c in doer.conjuncts}
    if doer.dep_ == "pobj" and doer.head.lower_ == "by" and doer.head.head.pos_ == "NOUN":
        listed |= {c.i for c in doer.head.head.conjuncts if c.i > doer.i}
    return listed


def _other_doers(d: Draft) -> frozenset[int]:
    """The subjects of the other verbs of the sentence, when the event's own doer is told by a noun that names
    no actor: each is the doer of its own clause, not of this event (a pronoun may stand for one of them: "as
    the army gained strength, it led offensives")."""
    own = d.side1.token
    if own is None or own.pos_ == "PRON":
        return frozenset()
    return frozenset(t.i for t in d.mention.sent if t.dep_ in ("nsubj", "nsubjpass") and t.i != own.i
                     and t.head.i != d.mention.head.i)


OCCURRED = ("reported", "claimed", "attempted")
SAME_SITE_KM = 25.0


def _claimed_attackers(drafts: list[Draft], anchor: Any, *, kb: Any, index: ActorIndex,
                       sents: Sequence["SpacySpan"] = ()) -> None:
    """One incident, one attacker: an unnamed attacker ("a suicide car bomber", "an armed assailant", an
    unclaimed bombing's unidentified armed group) is the one armed group the report names as doing what
    happened on the same day at the same place ("in an attack claimed by al-Shabab", "the Taliban claimed
    responsibility"), as ACLED codes a claimed attack. Never when two groups acted that day there, and
    never a state's forces (who fired back is no attacker of the incident).

    ACLED codes an attack the sources attribute with the group they attribute it to, so an attribution
    counts as a claim: one group blamed in the attack's own sentence ("a bombing blamed on the PKK") is its
    attacker; one claim naming several attacks ("IS claimed the bombing in Brussels and attacks in Paris")
    names the attacker of each, whatever their days and places; a bare claim ("IS has claimed
    responsibility.", "the attack bore the hallmarks of the PKK") names the incident told just before it; and
    "three suspected IS bombers killed 43" is as good as a claim for the other tellings of that incident."""
    def unnamed(actor_id: str | None) -> bool:
        return _actor_type(actor_id, kb=kb, index=index) == "unidentified_armed_group"

    def named_group(actor_id: str | None) -> bool:
        return _actor_type(actor_id, kb=kb, index=index) in NON_STATE_GROUPS

    def day(d: Draft) -> Any:
        # as the event will be dated: its own date, or the report's for the news of the day
        return d.date.date if d.date is not None else anchor if d.salience == "main" else None

    attributed = read_attributions(sents, groups_in=functools.partial(_armed_groups_in, kb=kb, index=index))
    told_named = {id(o) for o in drafts if named_group(o.actor1)}   # before any is named from another telling
    for d in drafts:
        if not unnamed(d.actor1) or d.status not in OCCURRED:
            continue
        groups = set() if day(d) is None else {
            o.actor1 for o in drafts if o is not d and named_group(o.actor1) and o.status in OCCURRED
                  and day(o) == day(d) and _same_site(o.place, d.place)
                  and (o.sent_start == d.sent_start or (id(o) in told_named and _named_in_the_news(o, d)) or (
                      (_claimed(o) or _suspected(o, attributed, kb=kb)) and (
                          o.coding.sub_event_type == d.coding.sub_event_type or _back_at_the_incident(d)
                          or _claim_word(o) in ANY_VIOLENCE)))}
        if len(groups) != 1:
            groups = _attributed_to(d, drafts, attributed, kb=kb, named_group=named_group)
        if len(groups) == 1:
            group = groups.pop()
            if group != d.actor2:
                d.actor1 = group


def _named_in_the_news(o: Draft, d: Draft) -> bool:
    """"Boko Haram gunmen stormed the village ... three women carrying bombs blew themselves up there": the
    report's news told twice, once with its attackers named as a group's, once without, on the same day at the
    same site told (the caller's test; not two tellings without a place), the named one with its own day (not a
    habit, "IS attacks have killed dozens"): the group that did the one did the other. Not a strike from afar
    (who flew or fired is never told by who attacked on the ground). Only for the report's news (both
    main) and only a bombing or an attack on civilians left unnamed, never a battle (its unnamed side fights
    the named group, it is not it)."""
    return o.salience == "main" and d.salience == "main" and not o.a1_default and not _claimed(o) \
        and o.place is not None and d.place is not None and o.date is not None \
        and o.coding.event_type in CLAIMED_KINDS and d.coding.event_type in CLAIMED_KINDS \
        and o.coding.sub_event_type not in STRUCK_FROM_AFAR and d.coding.sub_event_type not in STRUCK_FROM_AFAR


def _attributed_to(d: Draft, drafts: list[Draft], told: "Attributions", *, kb: Any, named_group: Any) -> set[str]:
    """The group the report attributes `d` to, closest telling first: its own sentence's attribution ("a
    bombing blamed on the PKK"), the claim its own sentence makes of it ("IS claimed the bombing in Brussels
    and attacks in Paris"), then an attribution of the incident told before it ("IS has claimed
    responsibility.", "the attack bore the hallmarks of the PKK"): only for the kinds of violence a claim is
    made of, and only when no other group is told doing that kind."""
    country = d.place.country if d.place is not None else None

    def branched(groups: set[str]) -> set[str]:
        return {_country_branch(g, country, kb=kb) or g for g in groups}

    own = told.by_sentence.get(d.sent_start, set())
    if own:
        return branched(own)
    if d.status == "claimed":
        return {o.actor1 for o in drafts if o is not d and o.sent_start == d.sent_start and o.status == "claimed"
                and named_group(o.actor1)}
    if d.coding.event_type not in CLAIMED_KINDS:
        return set()
    groups = set()
    for start, claimed in told.back.items():
        # "IS claimed responsibility." names the incident told just before it: the report's news (all its
        # tellings, not Bali in 2002 told later), or the attack it recalls ("ISIS claimed responsibility for
        # that attack" after Paris in a report of Nice) and that one only
        incident = max((o for o in drafts if o.sent_start < start and o.coding.event_type in ARMED_VIOLENCE),
                       key=lambda o: o.sent_start, default=None)
        if incident is not None and (incident.sent_start == d.sent_start or (
                incident.salience == "main" and d.salience == "main" and _one_incident(incident, d))):
            groups |= branched(claimed)
    doers = {o.actor1 for o in drafts if o.coding.event_type == d.coding.event_type and named_group(o.actor1)}
    return groups if doers <= groups else set()


def _armed_groups_in(lo: int, hi: int, *, kb: Any, index: ActorIndex) -> list[tuple[int, str]]:
    """The non-state armed groups named between characters `lo` and `hi`, with where each name ends."""
    return [(end, a) for _, end, a in index.within(lo, hi) if _actor_type(a, kb=kb, index=index) in NON_STATE_GROUPS]


def _one_incident(a: Draft, b: Draft) -> bool:
    """Two tellings of the day's news may be one incident: the same day or the same site (not the kidnapping
    in Djibo the day after the claimed hotel siege in Ouagadougou)."""
    day_a, day_b = (a.date.date if a.date else None), (b.date.date if b.date else None)
    return (day_a is not None and day_a == day_b) or (a.place is not None and _same_site(a.place, b.place))


# the kinds of violence a report attributes to a group as a whole ("IS claimed responsibility"): bombings and
# attacks, not battles (an unnamed side in a firefight is no claimed attacker)
CLAIMED_KINDS = {"Explosions/Remote violence", "Violence against civilians"}
def _suspected(d: Draft, told: Attributions, *, kb: Any) -> bool:
    """An incident its sources attribute to its doer ("three suspected IS bombers killed 43"): as good as a
    claim for the other tellings of that day's incident."""
    country = d.place.country if d.place is not None else None
    return d.actor1 in {_country_branch(g, country, kb=kb) or g for g in told.by_sentence.get(d.sent_start, ())}


def _claimed(d: Draft) -> bool:
    """A claimed incident: told as a claim, or a claim of responsibility told of it again ("IS claimed
    responsibility for the shrine attack" after the lead told the attack)."""
    return d.status == "claimed" or d.claim_word is not None


def _claim_word(d: Draft) -> str | None:
    """The word the claim names the incident with: "the attack" claims every act of it (the bombers, the
    gunmen, the mortar fire at the site that day), "the bombing" only bombings."""
    return d.claim_word or (d.mention.head.lemma_.lower() if d.status == "claimed" else None)


STRUCK_FROM_AFAR = ("Air/drone strike", "Shelling/artillery/missile attack")


def _unnamed_strikers(drafts: list[Draft], anchor: Any = None) -> None:
    """"Strikes hit a bakery in al-Shadadi" in a report of U.S.-led strikes: an air strike told without
    who flew it is by the one air force the report names as striking (ACLED's coders read the report so);
    with two named (Russian and Syrian jets), it stays without. Shelling likewise: "artillery fire hit
    Suran" in a report of Turkish shelling, and no other side named as shelling. The side named as
    striking that day counts first: Turkish shelling on Saturday and "weeks of rocket attacks" by Islamic
    State make Saturday's "artillery fire hit Suran" Turkish, and the town "struck by rockets in recent
    weeks" Islamic State's."""
    def strike(d: Draft) -> bool:
        return d.coding.sub_event_type in STRUCK_FROM_AFAR and d.status in OCCURRED

    def day(d: Draft) -> Any:
        # as the event will be dated: its own date, or the report's for the news of the day
        return d.date.date if d.date is not None else anchor if d.salience == "main" else None

    for d in drafts:
        if (d.actor1 is not None and not d.a1_default) or not strike(d):
            continue
        named = [o for o in drafts if o is not d and strike(o) and o.actor1 is not None and not o.a1_default
                 and o.coding.sub_event_type == d.coding.sub_event_type]
        strikers = {o.actor1 for o in named if day(o) == day(d)} or {o.actor1 for o in named}
        if len(strikers) == 1:
            striker = strikers.pop()
            if striker != d.actor2:
                d.actor1 = striker


def _no_armed_group_flies(drafts: list[Draft], *, kb: Any, index: ActorIndex) -> None:
    """"Air strikes hit a clinic" merged with "the attack on the clinic": the attack's default agent (an
    unidentified armed group) is no default of an air strike, which only states' air forces fly; with no
    striker named, the strike keeps no actor."""
    for d in drafts:
        if d.coding.sub_event_type == "Air/drone strike" and d.a1_default \
                and _actor_type(d.actor1, kb=kb, index=index) == "unidentified_armed_group":
            d.actor1, d.a1_default = None, False


TAKING = "Abduction/forced disappearance"


def _unnamed_kidnappers(drafts: list[Draft], *, kb: Any, index: ActorIndex) -> None:
    """"Robert Hall was abducted in September" and "a Canadian held hostage had been beheaded" in a report
    of Abu Sayyaf's kidnappings ("In March, Abu Sayyaf abducted 10 sailors"): an abduction, or the killing
    of a captive, told without who took the captives is by the one armed group the report names as taking
    captives in the same country (ACLED's coders read the report so); with two named, it stays unidentified."""
    def taking(d: Draft) -> bool:
        return d.status in OCCURRED and (d.coding.sub_event_type == TAKING or (
            d.coding.sub_event_type == "Attack" and d.rule == "abduction"))     # a captive killed

    def country(d: Draft) -> str | None:
        return d.place.country if d.place is not None else None

    for d in drafts:
        if not taking(d) or _actor_type(d.actor1, kb=kb, index=index) not in ("unidentified_armed_group", None):
            continue
        takers = {o.actor1 for o in drafts if o is not d and taking(o) and not o.a1_default
                  and _actor_type(o.actor1, kb=kb, index=index) in NON_STATE_GROUPS and country(o) in (country(d), None)}
        if len(takers) == 1:
            taker = takers.pop()
            if taker != d.actor2:
                d.actor1, d.a1_default = taker, False


# bombs that strike where people are, not at a target chosen from afar: told with no target, their victims are
# civilians (ACLED codes the unnamed victims of a suicide or roadside bombing as Civilians of the country)
CROWD_BOMBS = {"Suicide bomb", "Remote explosive/landmine/IED"}


# who, hurt, is no civilian: the state's armed men, and the attacker shot by them ("a police officer was shot
# during a traffic stop", "the gunman was shot dead by police")
NOT_CIVILIAN_VICTIMS = ARMED_MEN_WORDS | {"gunman", "gunmen", "suspect", "bomber", "shooter"} | ATTACKER_NOUNS


REFLEXIVE = {"himself", "herself", "themselves", "itself"}


def _armed_men_hit(d: Draft) -> bool:
    """Did the shooting hit armed men: police or soldiers ("five officers were killed by a sniper", "an officer was
    shot dead") or the attacker they fought ("police shot the gunman dead")? ACLED's violence against civilians is
    done to the unarmed; an armed side fired on, where no war is fought too, is in a battle. A "suspect" shot by
    police may have been unarmed."""
    return _armed_among(_victim_words(d)) or _clause_hit_armed(d.mention.head)


def _armed_among(words: list[Any]) -> bool:
    return any((w.lemma_.lower() in NOT_CIVILIAN_VICTIMS or w.lower_ in NOT_CIVILIAN_VICTIMS)
               and w.lemma_.lower() != "suspect" for w in words)


def _clause_hit_armed(head: Any) -> bool:
    """"The attack that killed five police officers": an event noun's relative clause tells whom it hit."""
    return _armed_among([o for c in head.children if c.dep_ == "relcl" for o in c.children if o.dep_ == "dobj"])


def _victim_words(d: Draft) -> list[Any]:
    """The words that name who an event hurt: its parsed target, the subject of its verb in the passive ("the
    gunman was shot dead"), the noun a participle hangs from ("the guard shot dead by police"), and for a
    pronoun the first noun subject before it in its sentence ("An officer ... a day after he was shot")."""
    head, target = d.mention.head, d.side2.token
    words = [t for t in head.children if t.dep_ == "nsubjpass"]
    if head.dep_ == "acl":
        words.append(head.head)
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in ("in", "during") \
            and head.head.head.tag_ == "VBN":
        # "seven officers were wounded in the ambush": who the verb the event noun hangs from hurt, it hurt
        words += [w for t in head.head.head.children if t.dep_ == "nsubjpass" for w in (t, *t.conjuncts)]
    if target is not None and target.lower_ not in REFLEXIVE:       # "the bomber blew himself up": no victim
        words.append(target)
    for pronoun in [w for w in words if w.pos_ == "PRON"]:
        words += [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in ("nsubj", "nsubjpass")
                  and t.pos_ in ("NOUN", "PROPN")][:1]
    return words


def _civilian_victims(d: Draft, country: str | None, *, kb: Any, index: ActorIndex,
                      patterns: EventPatterns) -> None:
    """"A man was shot dead at his shop", "gunmen abducted three aid workers": ACLED's violence against
    civilians is, by its definition, done to civilians, so its second side is the civilians of the country
    where it happened when the text names no other victim (never a side the first one is). So is a suicide
    or roadside bombing that happened with no target told ("a bomber blew himself up at the market"), not
    one at a place of forces or a government ("a hotel housing the government")."""
    bombing = d.coding.sub_event_type in CROWD_BOMBS and d.status in OCCURRED
    if d.actor2 is not None or not (d.coding.event_type == "Violence against civilians" or bombing):
        return
    if d.coding.event_type != "Violence against civilians" and _forces_site(d, patterns):
        return
    if any(w.lemma_.lower() in NOT_CIVILIAN_VICTIMS or w.lower_ in NOT_CIVILIAN_VICTIMS for w in _victim_words(d)):
        return
    victims = generic("civilians", country, kb=kb)
    if victims is not None and victims != d.actor1 \
            and _actor_type(d.actor1, kb=kb, index=index) != "civilian_group":
        d.actor2 = victims


def _demonstration_sides(d: Draft, country: str | None, *, kb: Any, index: ActorIndex,
                         patterns: EventPatterns) -> None:
    """ACLED's sides of a protest: "police used pepper spray on protesters": who broke up a demonstration its
    own sentence tells of is its second side (the force the text names, the police of its country when it
    names none), never an associate of the demonstrators; a peaceful protest has none (what it is against is
    no side: "marches against the use of force by police")."""
    if d.coding.sub_event_type == "Peaceful protest":
        d.actor2 = None
    elif d.coding.sub_event_type == INTERVENTION and d.actor2 is None and d.actor1 is not None \
            and (d.rule == "protest-intervention" or intervention_in(d.mention.sent, patterns)):
        named = [a for a in d.assoc1 if _actor_type(a, kb=kb, index=index) in ("state_forces", "police")]
        d.actor2 = named[0] if named else _arresting_forces(None, country, kb=kb, index=index)
        d.assoc1 = [a for a in d.assoc1 if a != d.actor2]


def _side_told(tok: Any) -> bool:
    """A side told by a noun ("tribal volunteers"), not by a pronoun ("its worst fighting")."""
    return tok is not None and tok.pos_ in ("NOUN", "PROPN")


def _unnamed_sides(drafts: list[Draft]) -> None:
    """"Fighting continued around the town" in a report of the army's battles with Islamic State there: a battle
    told with neither side is between the one pair of sides the report names fighting in that country (ACLED's
    coders read the report so); with two pairs named, or none, it stays without. Not one whose sentence tells a
    side by words no actor was found for ("tribal volunteers fought battles"): that side is
    unknown, not the report's pair."""
    def battle(d: Draft) -> bool:
        return d.coding.event_type == "Battles" and d.kind != "territory" and d.status in OCCURRED

    def country(d: Draft) -> str | None:
        return d.place.country if d.place is not None else None

    for d in drafts:
        if not battle(d) or d.actor1 is not None or d.actor2 is not None or _side_told(d.side1.token):
            continue
        pairs = [(o.actor1, o.actor2) for o in drafts if o is not d and battle(o) and o.actor1 and o.actor2
                 and not o.a1_default and country(o) in (country(d), None)]
        if len({frozenset(p) for p in pairs}) == 1:
            # in the order the report tells them most often
            d.actor1, d.actor2 = max(pairs, key=pairs.count)


# words for an armed side by its kind, not its name ("rebels", "insurgents"): a sentence that fights one the text
# does not name fights someone the report's named enemy may not be
UNNAMED_ENEMY_WORDS = {"rebel", "insurgent", "opposition", "jihadist", "militant", "guerrilla", "extremist"}


def _unnamed_opponents(drafts: list[Draft], *, kb: Any, index: ActorIndex) -> None:
    """"Army helicopters were rocketing positions near the town", "the army took control of the city", in a
    report of that state's forces fighting one armed group there: a strike or a battle a state's forces fought
    in their own country (or a coalition's), told with no enemy, is against the one armed group the report
    names them fighting in that country (ACLED's coders read the report so); with two enemies named, or none,
    or an enemy its own sentence tells only by kind ("advances against insurgents"), the second side stays
    empty. Not a bombing (its victims are whoever was there), not a side itself a default."""
    def fought(d: Draft) -> bool:
        return d.coding.event_type in ("Battles", "Explosions/Remote violence") and d.status in OCCURRED \
            and d.coding.sub_event_type not in CROWD_BOMBS

    def country(d: Draft) -> str | None:
        return d.place.country if d.place is not None else None

    def at_home(d: Draft) -> bool:
        kind = _actor_type(d.actor1, kb=kb, index=index)
        return kind == "international_force" or (
            kind in STATE_FORCE_TYPES and _state_of(d.actor1, kb=kb, index=index) in (country(d), None))

    def unnamed_enemy(d: Draft) -> bool:
        named = index.within(d.mention.sent.start_char, d.mention.sent.end_char)
        return any(t.lemma_.lower() in UNNAMED_ENEMY_WORDS
                   and not any(a <= t.idx < b for a, b, _ in named) for t in d.mention.sent)

    for d in drafts:
        if not fought(d) or d.actor2 is not None or d.a1_default or not at_home(d) or unnamed_enemy(d):
            continue
        enemies = {o.actor2 if o.actor1 == d.actor1 else o.actor1 for o in drafts
                   if o is not d and fought(o) and not o.a1_default and d.actor1 in (o.actor1, o.actor2)
                   and country(o) in (country(d), None)} - {d.actor1, None}
        if len(enemies) == 1 and _actor_type(enemy := enemies.pop(), kb=kb, index=index) in NON_STATE_GROUPS:
            d.actor2 = enemy


# "killed by police at the site", "the attackers are still inside": a sentence back at an incident told before
INCIDENT_NOUNS = {"site", "scene", "attack", "attacker", "assailant", "gunman", "gunmen", "bomber", "blast",
                  "explosion", "bombing", "raid", "siege", "building", "compound"}


def _back_at_the_incident(d: Draft) -> bool:
    return any(t.lemma_.lower() in INCIDENT_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
               for t in d.mention.sent)


def _same_site(a: Place | None, b: Place | None) -> bool:
    """Two events' places may name one site: the same place, within 25 km, or none told."""
    if a is None or b is None:
        return a is None and b is None
    if a.country != b.country:
        return False
    if a.name == b.name:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_SITE_KM  # type: ignore[arg-type]


def _filed_place(d: Draft, document: DocumentPlaces, country: str | None) -> Place | None:
    """The event's place, or for the news of the report told with no town, the town the report was filed
    from (a dateline without a dash, `DocumentPlaces.filed`; a dashed one is `place_for`'s own fallback)
    when it lies in the event's country, or in the country the event is told at ("DHAKA A pizza chef killed
    during a militant attack on a cafe ... The attack was one of the deadliest ever in Bangladesh"):
    ACLED codes a wire report's news at its dateline when the text names no nearer place."""
    line = document.filed
    if line is None or d.salience != "main" or d.status not in ("reported", "claimed"):
        return d.place
    if d.place is None:
        return line if line.country == country else None
    # a province or a named region ("a wildlife refuge in Oregon", "the Nagorno-Karabakh region") says where
    # in the country the event was, and the town filed from is only one town of it
    return line if d.place.kind == "country" and d.place.country == line.country else d.place


def news_country(drafts: list[Draft], note: str | None, *, filed: Place | None = None) -> str | None:
    """The country of the news a report's lead tells (that of the first event of its news the lead places in its
    own sentence), when the country the report names most (`note`) is that of none of the events it places, nor
    the one it was `filed` from: a report on victims' home towns or where people reacted ("Three students at
    colleges in the United States were among the 20 killed in an attack in Bangladesh") names many places of
    another country, and more of its news told without a place (not what it recalls) happened where the lead's
    did."""
    placed = [d for d in drafts if d.place is not None and d.place.country
              and d.sent_start <= d.place.span.start < d.sent_end]
    if any(d.place.country == note for d in placed) or (filed is not None and filed.country == note):
        return None
    return next((d.place.country for d in placed if d.sent_start < LEAD_CHARS and d.salience == "main"
                 and d.status in ("reported", "claimed")), None)


def note_country(places: list[Place], actors: list[Actor], parties: list[Party], *, kb: Any,
                 filed: Place | None = None) -> str | None:
    """The country a report is about when an event's own place does not say: the country of its
    places (most named, then first), else of the actors it names, else of its role words, else of the
    town it was filed from (`filed`, a dateline without a dash: "CINCINNATI A gorilla was shot ...")."""
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + (2 if p.kind != "country" else 1)
    if counts:
        return max(counts, key=lambda c: (counts[c], -next(i for i, p in enumerate(places) if p.country == c)))
    for a in actors:
        entry = actor_entry(kb, a.id)
        country = getattr(entry, "country", None) or a.country
        if country and a.type not in ("state", "government", "external_force") and entry is not None \
                and not entry.name.startswith(("Civilians", "Protesters")):
            return country
    for party in parties:
        if party.phrase is not None and party.phrase.own_country() is not None:
            return party.phrase.own_country()
    return filed.country if filed is not None else None


def _sentences(parsed: "Doc") -> list["SpacySpan"]:
    """The parser's sentences, also split at line breaks (headlines, headings, bullets)."""
    out: list["SpacySpan"] = []
    for sent in parsed.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text and tok.is_space:
                if tok.i > start:
                    out.append(parsed[start:tok.i])
                start = tok.i + 1
            elif "\n" in tok.whitespace_ and tok.i + 1 < sent.end:
                out.append(parsed[start:tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(parsed[start:sent.end])
    return [s for s in out if any(not t.is_space for t in s)]


def _told_place(drafts: list[Draft], sent: "SpacySpan") -> Place | None:
    """The place of the event a sentence tells, which the sentences after it that name no place go on from: that
    of its news (not of an event it recalls), the last told when its events lie apart; none when none is placed in
    the sentence itself."""
    placed = [d for d in drafts if d.place is not None and sent.start_char <= d.place.span.start < sent.end_char]
    news = [d for d in placed if d.salience != "background"] or placed
    return max(news, key=lambda d: d.mention.start).place if news else None


PLACE_BACK = 2     # earlier sentences that may lend an event told without a place their own


def _around(sents: list["SpacySpan"], k: int, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The bounds of the sentences that may lend sentence k a place: the two before it (nearest
    first) and the next one, those of its paragraph (wire copy sets each sentence on a line of its
    own: a place named on another line is another story's, or the article's main place)."""
    def joined(a: int, b: int) -> bool:
        return "\n" not in text[sents[a].end_char:sents[b].start_char]
    earlier = []
    for j in range(k - 1, max(-1, k - 1 - PLACE_BACK), -1):
        if not joined(j, j + 1):
            break
        earlier.append((sents[j].start_char, sents[j].end_char))
    later = [(sents[k + 1].start_char, sents[k + 1].end_char)] if k + 1 < len(sents) and joined(k, k + 1) else []
    return earlier, later


def extract_events(doc: Document, parsed: "Doc", *, kb: "KnowledgeBase | None", actors: list[Actor],
                   people: list[Person], places: list[Place], dates: list[DateMention],
                   quantities: list[Quantity], patterns: EventPatterns | None = None) -> list[Event]:
    """Every event the document reports, in order of first mention."""
    patterns = patterns or load_event_patterns()
    index = ActorIndex(_outside_dateline(_not_places(actors, places), doc.text, kb=kb), people)
    flags = section_flags(doc.text)
    said = quoted_ranges(doc.text, 0, len(doc.text), min_length=0)   # every quotation: what someone said
    quotes = [(a, b) for a, b in said if b - 1 - a > LONG_QUOTE]
    reporting = reporting_dates(dates, parsed)
    scopes = phrase_scopes(dates, parsed)
    occasions = occasion_dates(dates, parsed)
    news_dates = [d for d in dates if d.span.start not in occasions]    # the days a lead's news may have
    sents = _sentences(parsed)
    # where the wire's reporters sat ("(Reporting by ... in GENEVA)") is no event's place, and tells the report's
    # country only when the report names no other place
    told = without_credits(places, doc.text)
    credited, places = [p for p in places if p not in told], told
    line = filed_from(doc.text, places, kb=kb)
    document = dataclasses.replace(document_places(places, doc.text), sites=told_sites(sents, places, doc.text),
                                   filed=filed_story(line, places, doc.text))
    asides, captions = aside_ranges(doc.text), caption_ranges(doc.text)
    drafts: list[Draft] = []
    found: list[tuple["SpacySpan", list[Draft]]] = []
    told_at: dict[int, Place] = {}       # sentence start -> the place of the event it tells, for those after it
    date_spans = [(d.span.start, d.span.end) for d in dates]
    forms = [sentence_text_forms(s) for s in sents]
    context = [_conflict_in(s, patterns, kb=kb, index=index, forms=f) for s, f in zip(sents, forms)]
    following = [forms[k + 1] if k + 1 < len(sents) and "\n" not in doc.text[s.end_char:sents[k + 1].start_char]
                 else None for k, s in enumerate(sents)]
    # the sentence before, in the same paragraph
    preceding = [forms[k - 1] if k and following[k - 1] is not None else None for k in range(len(sents))]
    found_all = [find_mentions(s, patterns, text=doc.text, quotes=quotes, skip=date_spans, forms=f, next_forms=n,
                               prev_forms=p) for s, f, n, p in zip(sents, forms, following, preceding)]
    # violence with victims named in the same sentence needs no other cue ("a mysterious explosion
    # injured several children"); an outcome word alone does not ("14 people died in flooding")
    hurts = [any((m.trigger.kind == "outcome" or _fatal_blow(m)) and _victim_named(m) or _person_wounded(m, patterns)
                 for m in f) for f in found_all]
    # "members of two rival parties clashed", "residents beat a suspected thief": a crowd's violence
    crowd_acts = {id(m) for f in found_all for m in f if done_by_crowd(m, patterns)}
    # a text about anything but conflict, violence or protest reports none ("a long battle against deflation")
    # ACLED's own label ("Displacement: ...", "Property destruction: ...") says what the text reports
    relevant = about_conflict([c or h or any(m.trigger.kind == "label" or id(m) in crowd_acts
                                             or (m.coding.event_type in DEMONSTRATIONS
                                                                           and not shows_not_protests(m))
                                             for m in f) for c, h, f in zip(context, hurts, found_all)])
    # the context of a sentence: its own, or that of its neighbours in the same paragraph
    windows = [context[k] or _beside(context, k, sents, doc.text) for k in range(len(sents))]
    # the violence against people a text tells in a context of conflict ("beaten outside a mosque by an
    # attacker who shouted slurs") makes its other tellings of such violence events of the story ("another
    # man was beaten outside a mosque in Florida")
    told = {m.trigger.id for k, f in enumerate(found_all) for m in f
            if m.coding.event_type in ARMED_VIOLENCE and _gated(m, here=context[k], window=windows[k])}
    # a text about something else (a court case, a policy, an election) still reports the political violence
    # it recalls: the violence, and nothing else (no figurative battles, statements or developments), of a
    # sentence telling people killed or hurt (`hurts`) that calls it political or stands next to one in its
    # paragraph ("Both were killed in a shootout with police." before "... links with militant groups"); a
    # shooting told without such words is crime news, and an armed group named with no one hurt is most often
    # a figure of speech in such a text ("a clash of civilizations", "under fire from")
    called = [] if relevant else [_called_political(s, patterns, kb=kb, index=index, forms=f)
                                  for s, f in zip(sents, forms)]
    tied = set() if relevant else _tied_names(sents, kb=kb, index=index)
    political = [not relevant and (hurts[k] and (called[k] or _beside(called, k, sents, doc.text))
                                   or any(_attackers_killing(m) or _killing_by_tied(m, tied) for m in found_all[k]))
                 for k in range(len(sents))]
    hacking = about_hacking(doc.text)     # its "attacks" with no weapon or harm are on computers
    # a text that tells ordinary crime ("charged with first-degree murder") and no war, political violence or unrest
    # is crime news: its arrests are police work ACLED does not code
    crime_only = relevant and any(_crime_arrest(m) for f in found_all for m in f) \
        and _crime_told(forms, patterns) and not _unrest_told(sents, forms, found_all, patterns, kb=kb, index=index)
    accident_lead = blast_accident_lead([s.text for s in sents])
    deaths_lead = death_accident_lead([s.text for s in sents])
    # a report of a death sentence carried out: its killings are the crime punished, criminal unless called political
    punished = execution_lead([s.text for s in sents])
    # ... and the demonstrations it tells as done by a crowd ("On Friday, protesters marched to the mayor's office"),
    # never one only named ("a rally", "in protest at")
    done = [{id(m) for m in f if demonstration_done(m)} for f in found_all]
    marched = [set() if relevant else d for d in done]
    for k, sent in enumerate(sents):
        if not relevant and not political[k] and not marched[k]:
            continue
        if any(a <= sent.start_char < b for a, b in asides):
            continue              # a link to another story, a correction note, a live page's heading
        here, window = context[k] or political[k], windows[k] or political[k]
        found_here, hurt = found_all[k], hurts[k]
        if accident(sent.text):
            continue              # "two were killed when a helicopter crashed due to a technical fault"

        def gated(m: Mention) -> bool:
            return _gated(m, here=here, window=window) or (m.trigger.id in told and _violence_to_people(m, patterns)) \
                or _dated_violence_noun(m, doc.published) or _political_arrest(m)

        mentions = [m for m in found_here if gated(m) or m.trigger.kind == "outcome"
                    or (hurt and m.coding.event_type in ARMED_VIOLENCE) or id(m) in crowd_acts or id(m) in done[k]]
        if not relevant:
            mentions = [m for m in mentions if (political[k] and m.coding.event_type in ARMED_VIOLENCE)
                        or id(m) in marched[k]]
        if hacking:
            mentions = [m for m in mentions if not hacking_attack(m)]
        if crime_only:
            mentions = [m for m in mentions if not _crime_arrest(m)]
        # "The blast destroyed the second floor", after a lead telling a gas explosion: the accident again
        mentions = [m for m in mentions if not accident_blast(m, accident_lead=accident_lead)]
        # "Police took the bodies to a morgue", after a lead telling deaths in a flood: the accident's dead
        mentions = [m for m in mentions if not accident_death(m, accident_lead=deaths_lead)]
        if punished and not political[k] and not _called_political(sent, patterns, kb=kb, index=index, forms=forms[k]):
            mentions = [m for m in mentions if m.coding.event_type not in ARMED_VIOLENCE]
        # a death or injury word outside any context only tells the outcome of the event before it
        # ("No fatalities reported."); alone it is no event ("14 people have died in flooding")
        loose = {id(m) for m in mentions if not gated(m) and not
                 (hurt and m.trigger.kind != "outcome" and m.coding.event_type in ARMED_VIOLENCE)
                 and not (hurt and _killed_by_people(m, patterns)) and id(m) not in crowd_acts and id(m) not in done[k]}
        mentions = absorb_modifiers(mentions)
        # an announcement of an event is that event ("X announced that its leader met ...")
        mentions = [m for m in mentions if m.trigger.kind != "reporting"
                    or not any(o.trigger.kind != "reporting" for o in mentions)]
        if not mentions:
            continue
        around = _around(sents, k, doc.text)
        sdrafts = [_draft(m, doc=doc, kb=kb, index=index, patterns=patterns, places=places, dates=dates,
                          quantities=quantities, flags=flags, said=said, reporting=reporting, around=around,
                          back=sents[max(0, k - PLACE_BACK)].start_char,
                          document=document, captions=captions, scopes=scopes, occasions=occasions,
                          told_at=told_at) for m in mentions]
        sdrafts = [d for d in sdrafts if d is not None]
        sdrafts = _without_struck_units(sdrafts)
        placed = _told_place(sdrafts, sent)
        if placed is not None:
            told_at[sent.start_char] = placed
        for d in sdrafts:
            d.loose = id(d.mention) in loose
        if sdrafts:
            found.append((sent, sdrafts))
    # where people live or come from, where someone spoke or talks are held, an incident the story is likened to
    # tells no country of the events
    away = homes(places, doc.text) + told_in(places, doc.text) + likened_sites(places, doc.text) \
        + [p for p in places if p.span.start in document.venues]
    country = note_country([p for p in places if p not in away] or credited, actors,
                           [p for _, ds in found for d in ds for p in (d.side1, d.side2)], kb=kb, filed=line)
    for sent, sdrafts in found:
        mark_protested(sdrafts, patterns)
        for d in sdrafts:
            _finish(d, kb=kb, index=index, patterns=patterns, note_country=country)
            if not relevant:
                # told in passing by a text about something else: background, never dated by the report's day
                d.salience = "background"
        if in_background_section(flags, sent.start_char) and ANALYSIS.search(sent.text):
            # an analyst's reasoning ("appears to be commenting on the lack of attacks", "might conduct
            # new attacks") reports no violence unless it tells one that happened, against someone named
            sdrafts = [d for d in sdrafts if d.coding.event_type not in DISORDER
                       or (d.status in ("reported", "claimed") and d.actor2 is not None)]
            if not sdrafts:
                continue
        sdrafts = merge_sentence(sdrafts)
        sdrafts = [c for d in sdrafts for c in each_place(d, places, dates)]
        deaths = fatalities_in(sent, quantities, text=doc.text, victim_nouns=patterns.victim_nouns,
                               toll_subjects=patterns.toll_subjects)
        prior = _previous_violent(drafts, sent.start_char, doc.text)
        if prior is None and deaths is not None and all(_bare_outcome(d) for d in sdrafts) \
                and not NEW_EVENT.search(sent.text):
            # "But the Observatory said at least 20 were killed.", a paragraph of its own: the toll of the
            # news the report tells, not an incident without place, date or actor
            prior = next((d for d in reversed(drafts) if d.coding.event_type in DISORDER and d.salience == "main"
                          and d.status in ("reported", "claimed")), None)
        if prior is not None and all(d.kind == "outcome" and d.actor1 is None and not _dated_apart(d, prior)
                                     for d in sdrafts):
            # "No fatalities reported." / "Three of them died.": the outcome of the event just told
            if deaths is not None:
                # a retelling ("The two men were killed instantly") restates the toll, never adds to it
                # nor replaces it (a toll told after an event is often a wider one: "700 killed in the area")
                if prior.fatalities is None:
                    prior.fatalities = deaths
            continue
        if all(d.kind == "outcome" and d.actor1 is None and d.actor2 is None and d.side2.kind is None
               for d in sdrafts) and not deaths:
            continue      # "Neither injuries nor fatalities reported." alone reports no event
        if not deaths:
            # "Both sides also reported civilian casualties": no toll, place, day or side to code
            sdrafts = [d for d in sdrafts if not _bare_outcome(d)]
        sdrafts = [d for d in sdrafts if not d.loose]
        if not sdrafts:
            continue
        if deaths is not None:
            # a peaceful protest kills no one (ACLED): a toll told beside one is of the killing it protests
            violent = [d for d in sdrafts if d.status in ("reported", "claimed") and d.coding.event_type in DISORDER
                       and d.coding.sub_event_type != "Peaceful protest"]
            if any(_aggregate(d, doc.text) for d in violent):
                violent = []       # "891 attacks in May killed 2,150": the toll of many, context
            clauses = _contrast_groups(violent)
            tolls = []
            if len(clauses) < 2:
                # "police killed one militant, a day after bombers killed eight": the deaths an adverbial
                # clause's own verb tells are its incident's, never added to those of the main clause
                clauses = _contrast_groups(violent, adverbial=True)
                tolls = [fatalities_in(sent, quantities, text=doc.text, victim_nouns=patterns.victim_nouns,
                                       toll_subjects=patterns.toll_subjects, tokens=tokens) for _, tokens in clauses]
                if sum(t is not None for t in tolls) < 2:
                    clauses, tolls = [], []
            if len(clauses) > 1:
                # "air strikes killed 27 while rebel shelling killed 14": each toll is its own clause's
                for n, (group, tokens) in enumerate(clauses):
                    own = tolls[n] if tolls else fatalities_in(
                        sent, quantities, text=doc.text, victim_nouns=patterns.victim_nouns,
                        toll_subjects=patterns.toll_subjects, tokens=tokens)
                    if own is not None:
                        max(group, key=lambda d: d.priority).fatalities = own
            elif violent:
                max(violent, key=lambda d: d.priority).fatalities = deaths
        drafts.extend(sdrafts)
    _apply_coded_fatalities(drafts, doc.text)
    drafts = met_by_authorities(drafts, sents, text=doc.text, patterns=patterns)
    violent_demonstrations(drafts, sents, text=doc.text, patterns=patterns)
    said_day_told_later(drafts, reporting, text=doc.text, dates=dates)
    news_day = report_date(drafts, doc.published, dates=news_dates)
    drafts = history_retold(drafts, [d for _, ds in found for d in ds])
    another_of_its_kind(drafts, weapons=set(patterns.weapons) | ARMS_NOUNS | HAND_ARMS)
    merged = incidents_only(merge_document(merge_references(drafts, text=doc.text), text=doc.text,
                                           news_day=news_day),
                            actor_type=functools.partial(_actor_type, kb=kb, index=index))
    for d in merged:
        if d.actor1 is not None and d.actor1 == d.actor2:
            d.actor2 = None          # two tellings merged may give one side twice: no side fights itself
        _complete_battle(d, note_country=country, kb=kb, index=index, patterns=patterns)
        if _armed_side_attacked(d, kb=kb, index=index, patterns=patterns):
            # police or soldiers on duty are no civilians: an armed side fired on by another is in a battle
            d.coding, d.civilian_targeting = BATTLE_SHOT, False
        # the sides as merged from every telling: who took the ground codes the change of territory,
        # whichever telling named them
        _territory_subtype(d, kb=kb, index=index)
    for d in merged:
        if d.coding.sub_event_type == "Peaceful protest":
            # ACLED: a peaceful protest kills no one; a toll told beside one is another event's ("funerals for
            # two of the 49 victims killed in the shooting ... under the watch of anti-gay protesters")
            d.fatalities = None
        if _aggregate(d, doc.text):
            # the guide and ACLED: an aggregate stays one event with its count and no fatalities (a toll
            # told with it, or by "those attacks" after it, is of many incidents); one of weeks, months
            # or years is background, not the news of the day
            d.fatalities = None
            if _long_aggregate(d, doc.text):
                d.salience = "background"
    for d in merged:
        if d.date is None and d.clause_day is not None and d.salience == "main":
            # no telling of it gave its own day: that of the clause it came just before ("violence erupted on
            # Friday after a faction of the army attempted to seize power")
            d.date = d.clause_day
    anchor = report_date(merged, doc.published, dates=news_dates)
    _claimed_attackers(merged, anchor, kb=kb, index=index, sents=sents)
    _unnamed_strikers(merged, anchor)
    _no_armed_group_flies(merged, kb=kb, index=index)
    _unnamed_kidnappers(merged, kb=kb, index=index)
    _unnamed_sides(merged)
    _unnamed_opponents(merged, kb=kb, index=index)
    _sole_perpetrators(merged, kb=kb, patterns=patterns)
    lead_country = news_country(merged, country, filed=line)
    events: list[Event] = []
    for n, d in enumerate(merged, start=1):
        start, end = d.sent_start, d.sent_end
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        home = _own_launch_country(d, kb=kb, index=index)
        tester = _tester_country(d, places, kb=kb, index=index) if home is None and d.actor1 is None else None
        if tester is not None and kb is not None:
            # a state's weapons are tested by its military (ACLED: "Military Forces of North Korea")
            home, d.actor1 = tester, getattr(kb.state_actor(tester, "military"), "id", None)
        if d.place is not None and not d.place_here and home is not None and d.place.country != home:
            d.place = None       # the report's town or dateline ("SEOUL —") is not where a state fired from home
        if not d.place_here:
            # a person the sentence names was named earlier at a town ("Castile near St. Paul"): the incident's place
            d.place = person_place(d.mention.sent, places=places, text=doc.text) or d.place
        # told without a place: the country its sentence or the report is about; told without a date
        # in the news of the day: the report's date, to the week (not one dated coarser than a month)
        where = d.place.country if d.place and d.place.country else _sentence_place_country(d, kb=kb, index=index) \
            or home or (lead_country if d.salience == "main" else None) or country
        police = _police_home(d, kb=kb, index=index)
        if police is not None and where != police:
            d.place, where = None, police      # "he was arrested by Malian police", told in a report from Brooklyn
        d.place = _filed_place(d, document, where)
        _civilian_victims(d, where, kb=kb, index=index, patterns=patterns)
        _demonstration_sides(d, where, kb=kb, index=index, patterns=patterns)
        when, precision = (None, None) if d.salience == "main" and named_as_known(d, doc.published) else \
            (_day_of(d.date), d.date.time_precision if d.date.date else None) if d.date and not \
            _year_of_the_news(d, doc.published) else \
            (anchor, 2) if d.salience == "main" and anchor and not d.ongoing else (None, None)
        month = f"{when:%Y-%m}" if when is not None and d.date is not None and month_only(d.date) else None
        if d.cause and d.date is None and d.clause_day is None and not d.rules:
            # told once, with no day, as what the news came in the wake of ("concerns rose following attacks in
            # Paris"): recalled, not the news; dated only as the report's week, as the news told undated is
            d.salience = "background"
        if when and doc.published and (doc.published - when).days > RECALLED_DAYS:
            d.salience = "background"    # dated by another telling of it: "the Nov. 13 rampage in Paris"
        elif when and anchor and d.date is not None and d.date.relative and not month \
                and (anchor - when).days > NEWS_DAYS:
            # a day told relative to the report more than a few days before the day of its news ("Thursday's
            # shooting in Dallas" told in a report of the next Tuesday's, "shot dead on July 5" in one of July
            # 12's): what led to the news, recalled; not a day told with its year ("On 5 June 2022, ..."), as
            # a coder's note dates its news
            d.salience = "background"
        # a state's forces, police and government under the name of the event's period (ACLED's
        # "Military Forces of Syria (2000-2024)" for 2016); an undated event: the report's date
        dated = functools.partial(_actor_on, kb=kb, on=when or doc.published)
        ev = Event(
            id=f"{doc.id}-ev{n}", event_type=d.coding.event_type, sub_event_type=d.coding.sub_event_type,
            evidence=Span.of(doc.text, start, end), actor1=dated(d.actor1),
            assoc_actor_1=_unique([dated(a) for a in d.assoc1], dated(d.actor1)),
            actor2=dated(d.actor2), assoc_actor_2=_unique([dated(a) for a in d.assoc2], dated(d.actor2)),
            country=where, admin1=d.place.admin1 if d.place else None,
            location=d.place.name if d.place else None,
            latitude=d.place.latitude if d.place else None, longitude=d.place.longitude if d.place else None,
            geo_precision=d.place.geo_precision if d.place else None,
            event_date=None if month else when, time_precision=precision, event_month=month,
            fatalities=d.fatalities, count=d.count, status=d.status, salience=d.salience,  # type: ignore[arg-type]
            civilian_targeting=d.civilian_targeting, cameo=d.coding.cameo, plover=d.plover,
            rule=d.rule if relevant else IN_PASSING + d.rule)
        events.append(ev)
    events = recalled_once(events)
    for n, ev in enumerate(events, start=1):
        ev.id = f"{doc.id}-ev{n}"
        ev.notes = write_note(ev, names=_names(kb, index))
    return events


def _actor_on(actor_id: str | None, *, kb: Any, on: Any) -> str | None:
    """The knowledge base's id for the actor on the day `on` (`KnowledgeBase.actor_on`)."""
    if actor_id is None or kb is None or on is None or not hasattr(kb, "actor_on"):
        return actor_id
    return kb.actor_on(actor_id, on)


AGGREGATE_MIN = 100       # "at least 50 raids on Duma, killing 75" is one day's event (ACLED); 891 attacks are not
SINCE = re.compile(r"\b(?:since|so far|to date)\b", re.IGNORECASE)


def _aggregate(d: Draft, text: str) -> bool:
    """"891 attacks in May, killing 2,150", "four suicide bombings since January", "12 air strikes in the
    past week": many incidents told as one (a count, and hundreds of them or a span of time in
    their sentence). ACLED codes them as one background event with their count; their toll is context."""
    if d.count is None or d.count.value < 2:
        return False
    sentence = text[d.sent_start:d.sent_end]
    return d.count.value >= AGGREGATE_MIN or bool(DURATION.search(sentence) or SINCE.search(sentence))


LONG_SPAN = re.compile(r"\b(?:weeks?|fortnight|months?|quarter|years?|decades?)\b", re.IGNORECASE)


def _long_aggregate(d: Draft, text: str) -> bool:
    """An aggregate of hundreds of incidents, or over weeks, months or years ("891 attacks during the first
    quarter", "four suicide bombings since January"), not of a few days' fighting."""
    sentence = text[d.sent_start:d.sent_end]
    span = DURATION.search(sentence)
    return (d.count is not None and d.count.value >= AGGREGATE_MIN) or bool(SINCE.search(sentence)) or \
        (span is not None and LONG_SPAN.search(span.group(0)) is not None)


def _contrast_groups(drafts: list[Draft], *, adverbial: bool = False) -> list[tuple[list[Draft], frozenset[int]]]:
    """The drafts of a sentence grouped by the "while ..." clause, or the clause joined with "and" to
    another with a subject of its own (with `adverbial`: the adverbial clause with a subject of its own), each
    lies in (none: the main clause), with the token indices of each clause; one group when the sentence sets
    nothing against anything."""
    by_clause: dict[int | None, list[Draft]] = {}
    heads: dict[int | None, Any] = {}
    for d in drafts:
        head = d.mention.head
        clause = adverbial_clause(head) if adverbial else contrast_clause(head) or joined_clause(head)
        key = clause.i if clause is not None else None
        by_clause.setdefault(key, []).append(d)
        heads[key] = clause
    if len(by_clause) < 2:
        return [(drafts, frozenset())]
    sent = drafts[0].mention.sent
    inside = {k: frozenset(t.i for t in c.subtree) for k, c in heads.items() if c is not None}
    rest = frozenset(t.i for t in sent) - frozenset().union(*inside.values())
    return [(group, inside.get(k, rest) if k is not None else rest) for k, group in by_clause.items()]


def _apply_coded_fatalities(drafts: list[Draft], text: str) -> None:
    """A coder's statement of the figure ("Unknown fatalities coded as 10") sets the fatalities of the
    violent event told just before it in the same paragraph."""
    start = 0
    for para in text.split("\n\n"):
        found = coded_fatalities(para)
        if found is not None:
            value, divisor, at = found
            at += start
            before = [d for d in drafts if start <= d.sent_start <= at and d.status in ("reported", "claimed")
                      and d.coding.event_type in DISORDER]
            if value is None:       # "Fatalities coded as half", "split across 2 events": of the figure reported
                reported = [d.fatalities for d in before if d.fatalities is not None] or \
                    [n for n in (_reported_number(para),) if n is not None]
                value = max(reported) if reported else None
            if before and value is not None:
                value //= divisor
                best = max(before, key=lambda d: d.priority)
                best.fatalities = value
                for d in before:
                    if d is not best and d.fatalities is not None:
                        d.fatalities = min(d.fatalities, value)
        start += len(para) + 2


REPORTED_NUMBER = re.compile(r"\b(dozens|scores|hundreds|several|many|\d+)\b", re.IGNORECASE)


def _reported_number(text: str) -> int | None:
    """The figure of a "killing and wounding dozens" report when no death was counted."""
    m = REPORTED_NUMBER.search(text)
    if m is None:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else WORD_NUMBERS.get(word)


DATELINE = re.compile(r"\s*[A-Z]{3,}[A-Z.'/ -]*?(?:,\s*[A-Z][a-z]+)?(?=\s+[A-Z]|\s*[-\u2013\u2014(])")


def _outside_dateline(actors: list[Actor], text: str, *, kb: Any) -> list[Actor]:
    """Actors without their mentions in the dateline ("KABUL A suicide bomber ...", "STUTTGART, Germany
    Islamic State militants ..."): where the report was filed names no side of its events. An armed
    group's acronym opening the text ("ISIS fighters ...") is no dateline."""
    m = DATELINE.match(text)
    if m is None:
        return actors
    end = m.end()
    out = []
    for a in actors:
        inside = [x for x in a.mentions if x.start < end]
        if inside and a.type not in ("state", "government", "unknown", None) and a.known:
            return actors                  # "PKK militants attacked ...": the text opens with its actor
        out.append(dataclasses.replace(a, mentions=[x for x in a.mentions if x.start >= end]) if inside else a)
    return out


def _not_places(actors: list[Actor], places: list[Place]) -> list[Actor]:
    """Actors, without unknown names that are only ever the names of places ("took control of Al Manarh")."""
    spans = [(p.span.start, p.span.end) for p in places]

    def is_place(a: Actor) -> bool:
        return not a.known and bool(a.mentions) and all(
            any(s < m.end and m.start < e for s, e in spans) for m in a.mentions)
    return [a for a in actors if not is_place(a)]


def _bare_outcome(d: Draft) -> bool:
    """A death or injury told with no one who caused it, no place and no date of its own."""
    return d.kind == "outcome" and d.actor1 is None and d.side1.token is None and not d.place_here and \
        d.side2.actor is None and d.side2.phrase is None and d.count is None and \
        (d.date is None or not d.sent_start <= d.date.span.start < d.sent_end)


def _dated_apart(d: Draft, prior: Draft) -> bool:
    """A death or injury its own clause dates to another day than the event told before it ("Castile was
    killed on Wednesday. Sterling was killed on Tuesday ..."): another incident, not that event's outcome."""
    return dates_differ(d.date, prior.date) and dated_in_its_clause(d)


def _previous_violent(drafts: list[Draft], start: int, text: str) -> Draft | None:
    """The last violent event told earlier in the same paragraph."""
    if not drafts or "\n\n" in text[drafts[-1].sent_end:start]:
        return None
    for d in reversed(drafts):
        if d.coding.event_type in DISORDER and d.status in ("reported", "claimed"):
            return d
    return None


def _unique(ids: list[str], exclude: str | None) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i and i != exclude and i not in out:
            out.append(i)
    return out


PERIOD_SUFFIX = re.compile(r"\s*\(\d{4}-\d{4}\)$")


def _names(kb: Any, index: ActorIndex) -> dict[str, str]:
    class _Names(dict):  # actor id -> display name, looked up lazily
        def __missing__(self, key: str) -> str:
            rec = index.by_id.get(key)
            if rec is not None:
                return rec.name
            entry = getattr(kb, "actors", {}).get(key) if kb is not None else None
            if entry is not None:
                # a period's forces as notes name them: "Military Forces of Syria", not "... (2000-2024)"
                return PERIOD_SUFFIX.sub("", entry.name) if entry.until is not None else entry.name
            return key.replace("-", " ").title()
    return _Names()
