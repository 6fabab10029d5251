"""From event mentions to incidents: what an analyst codes of the drafts a text yields.

    drafts = incidents_only(drafts)
    anchor = report_date(drafts, published)

An ACLED coder codes what happened, once per incident:
- only incidents of the years coded (from 1990): "Hiroshima in 1945" is history;
- only what occurred (reported, claimed, attempted): negated, hypothetical, planned and
  threatened violence is no event (a threat is a statement, found by the statements stage);
- an armed group's announced (re)start of violence is the one threat coded, as ACLED codes an
  armed group's declared change of course (status threatened); a government's vow is a statement;
- only incidents: diplomacy (meetings, talks, demands, accusations, announcements) and a group's
  routine activity (deployments, training, recruitment) told in a report are no events; ACLED's
  own labels ("Non-violent activity: ...", "Movement of forces: ...") still code their note, and
  so do a meeting of an armed group's leaders and talks on the withdrawal of foreign forces;
- an incident is coded once: a mention that names one told before ("the attack", "Sunday's
  blasts", "claimed responsibility for the bombing", a quoted reaction, what footage of it shows)
  adds to it, never makes another event (`refers_back`, `merge_references`);
- an event told without a date of its own in the news of the day took place on the report's
  date: the date of the lead's event when the lead dates it, else the publication date.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from typing import TYPE_CHECKING

from ...taxonomy import ARMED_VIOLENCE
from ...records import DateMention, Place
from ..dates import PHRASE
from ...knowledge.gazetteer import distance_km
from .apart import NAMED_ANOTHER, NOT_THE_ONE_TOLD, SAME_KIND
from .attributes import DURATION, IDENTIFYING_DETERMINERS, date_in_sentence, is_dateline, told_in_clause, who_clause
from .relevance import PICTURE_NOUNS
from .notes import (COARSE_KINDS, SEQUENCE_PREPS as WHAT_FOLLOWS, UNIDENTIFIED, Draft, absorb, coarse_dated,
                    dated_in_its_clause, dates_differ, family, finer_within, of_mention, same_attacker, told_place)

if TYPE_CHECKING:
    from spacy.tokens import Token
    from .triggers import Mention

OCCURRED = ("reported", "claimed", "attempted")
# sub-types a report's own words never make an event of (ACLED's labels still do)
NOT_INCIDENTS = {"Other", "Change to group/activity"}
# trigger ids of Other that are incidents ("a jet violated Turkish airspace", "the North's fourth nuclear test")
OTHER_INCIDENTS = {"airspace", "weapons-test"}
MEETINGS = {"040", "036", "044", "042"}          # CAMEO: consult, meet, visit
TALKS = "046"
WITHDRAWAL = {"withdrawal", "withdraw", "pullout", "departure", "exit", "drawdown"}
ARMED_GROUPS = {"rebel_group", "political_militia", "identity_militia", "umbrella_coalition", "alliance"}
RECENT_DAYS = 7
FIRST_YEAR = 1990          # events dated earlier are history, not incidents a desk codes
LEAD_CHARS = 400           # a report's lead: its first sentence or two
DEFINITE = {"the", "this", "that", "these", "those", "such"}
INDEFINITE = {"a", "an"}
# "a related raid", "the same attack": an incident told before, whatever its article
SAME = {"related", "same"}
# words for any violent incident, whatever its sub-type ("the attack" after "a suicide bomber killed ...")
ANY_VIOLENCE = {"attack", "assault", "incident", "violence", "operation", "raid", "massacre", "bloodshed"}          # the lead's date counts as the report's date when this close to publication


def incidents_only(drafts: list[Draft], *, actor_type: Callable[[str | None], str | None]) -> list[Draft]:
    """The drafts that are incidents (`actor_type`: an actor id's type)."""
    def armed_group(d: Draft) -> bool:
        return any(actor_type(a) in ARMED_GROUPS for a in (d.actor1, *d.assoc1) if a)

    def kept(d: Draft) -> bool:
        if before_acled(d):
            return False
        if d.status == "threatened":
            return d.coding.event_type in ARMED_VIOLENCE and d.actor1 is not None and actor_type(d.actor1) in ARMED_GROUPS
        if d.status not in OCCURRED:
            return False
        if d.kind == "label" or d.coding.sub_event_type not in NOT_INCIDENTS or d.rule in OTHER_INCIDENTS:
            return True
        if d.coding.cameo in MEETINGS:
            return armed_group(d)
        return d.coding.cameo == TALKS and _about_withdrawal(d)
    return [d for d in drafts if kept(d)]


def before_acled(d: Draft) -> bool:
    """"dropped an atomic bomb on Hiroshima in 1945": history from before the years ACLED codes, no event."""
    year = d.date.date.year if d.date is not None and d.date.date is not None else d.year
    return year is not None and year < FIRST_YEAR


SINCE_YEAR = re.compile(r"\bsince\s+(?:19|20)\d\d\b", re.IGNORECASE)    # "the first murder since 1966"


def history_retold(drafts: list[Draft], told: list[Draft]) -> list[Draft]:
    """The drafts less those that name again, without a day of their own, an incident the report dates before
    the years coded (`before_acled`, of `told`: every draft the text yields, whether an event or only an
    outcome): after "an atomic bomb killed thousands on Aug. 6, 1945", "the bombings" and "the site of the
    world's first atomic bombing" are that bombing again, history and no event of the report's day. A telling
    of the same kind of violence at the same town, an event noun with no date in its own phrase."""
    # "the first murder on campus since 1966, when a sniper opened fire": the news is compared with history,
    # another incident than it
    old = [d for d in told if before_acled(d) and not SINCE_YEAR.search(d.mention.head.sent.text)]
    if not old:
        return drafts
    return [d for d in drafts if before_acled(d) or not any(_retold_history(d, o) for o in old)]


def _retold_history(d: Draft, old: Draft) -> bool:
    """`d` is an event noun telling `old` again: the same kind of violence at the same town, no day of its own."""
    head = d.mention.head
    if head.pos_ not in ("NOUN", "PROPN") or family(d) != family(old):
        return False
    if d.place is None or old.place is None or d.place.name != old.place.name:
        return False
    if d.date is None or d.date.date is None:
        return True
    start = head.left_edge.idx
    end = head.right_edge.idx + len(head.right_edge.text)
    return not start <= d.date.span.start < end       # "the bombing on Friday" is dated by its own phrase


def _about_withdrawal(d: Draft) -> bool:
    """"talks about the eventual withdrawal of Coalition forces": talks on foreign forces leaving."""
    head = d.mention.head
    return any(t.lemma_.lower() in WITHDRAWAL for t in head.subtree if t.i != head.i)


def report_date(drafts: list[Draft], published: dt.date | None, *, dates: list[DateMention] = ()) -> dt.date | None:
    """The date of the news a report tells: the first day its lead names ("... said on Wednesday")
    within a week before publication, else its first main event dated to the day in that week, else
    the publication date (None without one)."""
    if published is None:
        return None

    def recent(d: DateMention | None) -> bool:
        return d is not None and d.date is not None and d.time_precision == 1 and \
            0 <= (published - d.date).days <= RECENT_DAYS
    lead = [d for d in dates if d.span.start < LEAD_CHARS and recent(d) and d.rule != PHRASE]
    if lead:
        return min(lead, key=lambda d: d.span.start).date
    return next((d.date.date for d in drafts if d.salience == "main" and recent(d.date)), published)


def named_as_known(d: Draft, published: dt.date | None) -> bool:
    """An event told only as an incident the reader knows ("the recent shootings by police", "before the
    mall shootings" past the lead, "the 2009 bombing"): a definite noun with no day of its own (none, or one
    carried from an earlier paragraph, `dating`), or one its phrase puts in an earlier year. Not the news of
    the report's day: it is given no day."""
    head = d.mention.head
    when = d.date
    carried = when is not None and when.time_precision == 2 and not d.sent_start <= when.span.start < d.sent_end
    if (when is not None and not carried) or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if published is not None and any(t.like_num and len(t.text) == 4 and t.text.isdigit()
                                     and FIRST_YEAR <= int(t.text) < published.year
                                     for left in head.lefts for t in left.subtree):
        return True
    # "before his arrest": a possessive pronoun names an incident of someone told before as the definite article does
    definite = any((c.dep_ == "det" and c.lower_ in ("the", "those", "these"))
                   or (c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS) for c in head.children)
    if not definite or d.clause_day is not None:
        return False
    # "the recent shootings" anywhere; "following the shootings" past the lead (in it: the lead's own incident)
    return any(c.dep_ == "amod" and c.lower_ in KNOWN_BEFORE for c in head.children) or (
        head.dep_ == "pobj" and head.head.lower_ in AFTERMATH_PREPS and d.sent_start >= LEAD_CHARS)


POSSESSIVE_PRONOUNS = {"his", "her", "their"}
KNOWN_BEFORE = {"recent", "previous", "past", "earlier"}         # "the recent shootings": told as known before
AFTERMATH_PREPS = {"after", "following", "since", "before"}     # "following the shootings": what came of it


SAID_DAY_BACK = 7          # days before the day of saying an incident told again with its own day may be
NEARBY_KM = 30             # places this near are one incident's (a district of the city the lead names)


def said_day_told_later(drafts: list[Draft], reporting: frozenset[int], *, text: str,
                        dates: list[DateMention] = ()) -> None:
    """An incident the lead dates only by the day it was reported ("Turkish authorities detained three
    Russians following a suicide bomb attack in Istanbul, media reports said on Wednesday") takes the
    day the report gives it further on ("A suicide bomber killed ten tourists on Tuesday in Istanbul"): a
    later event of the same sub-type, status, sides and place dated in its own sentence, a few days
    before the day of saying; else, for a violent incident, the one day a later definite incident noun
    carries in its own phrase ("The attack early on Sunday was the third ...", "The killings on Wednesday
    marked ...", `_definite_days`); left alone when those later days disagree."""
    for k, d in enumerate(drafts):
        if d.date is None or d.date.date is None or d.date.span.start not in reporting \
                or not d.sent_start <= d.date.span.start < d.sent_end or d.count is not None \
                or d.sent_start >= LEAD_CHARS:
            continue
        told = {o.date.date: o.date for o in drafts[k + 1:] if _tells_again_with_its_day(d, o, reporting, text)}
        if not told and family(d) == "violent" and d.status in OCCURRED:
            told = _definite_days(d, dates, reporting)
        if len(told) == 1:
            d.date = told.popitem()[1]


# nouns that name a violent incident whatever its sub-type: "the killings on Wednesday" names the lead's shooting
VIOLENT_INCIDENT_NOUNS = ANY_VIOLENCE | {"killing", "shooting", "bombing", "blast", "explosion", "ambush",
                                         "fighting", "clash", "stabbing", "beating", "rampage"}


def _definite_days(d: Draft, dates: list[DateMention], reporting: frozenset[int]) -> dict[dt.date, DateMention]:
    """The days, a few days before the day of saying, that later definite incident nouns carry in their own
    phrase ("The attack early on Sunday", "the killings on Wednesday", "Tuesday night's attack"), none
    marking another incident ("another attack", "the first bombing"): the report's own day for what its lead
    told by the day of saying. Each day with its mention."""
    said = d.date.date          # type: ignore[union-attr]
    doc = d.mention.head.doc
    days: dict[dt.date, DateMention] = {}
    for m in dates:
        if m.date is None or m.time_precision != 1 or m.span.start in reporting or m.rule == PHRASE \
                or m.span.start < d.sent_end or not 0 < (said - m.date).days <= SAID_DAY_BACK:
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        noun = _incident_noun_of(span.root) if span is not None and len(span) else None
        if noun is not None:
            days.setdefault(m.date, m)
    return days


def _incident_noun_of(tok: "Token") -> "Token | None":
    """The definite incident noun whose own phrase holds the date word `tok` (up through prepositions and
    modifiers, never through a verb), or None."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i or t.head.pos_ in ("VERB", "AUX"):
            return None
        t = t.head
        if t.pos_ == "NOUN" and t.lemma_.lower() in VIOLENT_INCIDENT_NOUNS:
            mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "det", "advmod", "compound")}
            definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children) or tok.dep_ == "poss"
            counted = any(c.dep_ == "nummod" for c in t.children)
            return t if definite and not mods & NOT_THE_ONE_TOLD and not counted else None
    return None


def _tells_again_with_its_day(d: Draft, o: Draft, reporting: frozenset[int], text: str) -> bool:
    when = o.date
    if when is None or when.date is None or when.time_precision != 1 or when.span.start in reporting \
            or not o.sent_start <= when.span.start < o.sent_end or o.sent_start < d.sent_end:
        return False
    if not 0 < (d.date.date - when.date).days <= SAID_DAY_BACK:     # type: ignore[union-attr]
        return False
    if o.status not in OCCURRED or d.status not in OCCURRED:
        return False
    if o.coding.sub_event_type != d.coding.sub_event_type and not _names_it_again(o, d) and not _goes_on(o, d, text):
        return False
    if o.count is not None or DURATION.search(text, o.sent_start, o.sent_end):
        return False       # "warplanes hit 146 targets Sunday through Wednesday": many incidents, no one day
    if not (same_attacker(o, d) and (d.actor2 is None or o.actor2 is None or d.actor2 == o.actor2)):
        return False
    a, b = d.place, o.place
    # where the wire filed from ("BAGHDAD U.S. officials said ...") is no place of the incident
    if a is None or b is None or not (d.place_here and o.place_here) or a.name == b.name \
            or is_dateline(a, text) or is_dateline(b, text):
        return True
    if "country" in (a.kind, b.kind) or a.latitude is None or b.latitude is None:
        return a.country == b.country
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEARBY_KM  # type: ignore[arg-type]


def _goes_on(o: Draft, d: Draft, text: str) -> bool:
    """The sentence right after the lead's tells its violence on with the day ("The man suspected of killing
    three people ... authorities said on Friday. The suspect fired at coworkers on Thursday."), whatever sub-type
    each telling's words code (an attack, then an exchange of fire), when nothing in it tells another incident."""
    return family(o) == family(d) == "violent" and not text[d.sent_end:o.sent_start].strip() \
        and NAMED_ANOTHER.search(text, o.sent_start, o.sent_end) is None


def _names_it_again(o: Draft, d: Draft) -> bool:
    """A definite noun of the same family that names an incident told before with its own day ("in connection with
    Tuesday night's attack", "the attack early on Sunday"), whatever sub-type its word alone codes: the day is
    of the incident the lead told (a suicide bombing, a beating), not of what its sentence tells."""
    return o.reference in ("definite", "aftermath") and family(o) == family(d) and o.date is not None \
        and of_mention(o, o.date.span.start)


# lines that are no part of the report's story: a link to another story ("[The ordeal of Post reporter
# Jason Rezaian]"), a correction note ("(This version of the story corrects ...)"), a live page's
# heading ("The Latest on fighting against Islamic State group in Syria and Iraq (all times local):")
ASIDE_LINES = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{3,300}\][ \t]*"
    r"|\((?:This (?:version of the )?story|This story has been|Corrects|Updates|Refiles|Adds|Removes)\b[^\n]*\)[ \t]*"
    r"|The Latest\b[^\n]*\(all times local\):?[ \t]*)$", re.MULTILINE | re.IGNORECASE)
# a photograph's caption: its line carries a credit ("(Photo: Said Yusuf Warsame, epa)", "OMAR SANADIKI /
# Reuters", "(AP Photo/Hussein Malla)", "SAUL LOEB/AFP/Getty Images", "... Thursday, July 7, 2016. (AP)"),
# opens as a wire caption does ("In this photo released by ...", "This file photo taken on ... shows"),
# or follows a heading: BBC's "Image caption", a bare "AP Photo"
PHOTO_CREDIT = re.compile(r"\((?:AP |AFP |Reuters )?Photo\b|\bPhoto: |\(AP Photo|/ ?(?:AFP|Getty Images|EPA)\b|"
                          r"\b[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)+ ?/ ?(?:Reuters|AP|AFP|EPA)\b|"
                          r"\((?:AP|AFP|Reuters)(?:/[^)\n]*)?\)\s*$|"
                          r"^\s*(?:In this|This) (?:(?:undated|file|handout|undated file) )*(?:photo|image|picture|photograph|"
                          r"frame grab)\b")
CAPTION_HEADING = re.compile(r"^[ \t]*(?:Image caption|(?:AP|AFP|Reuters) Photo)[ \t]*$", re.MULTILINE)


# the caption of an old photograph ("This file photo taken on January 8, 2014 shows ...", "In this undated
# photo ..."): what it shows is no part of the news at all
FILE_PHOTO = re.compile(r"^[ \t]*(?:In this|This) (?:(?:undated|file|handout) )*(?:photo|image|picture|photograph)"
                        r"\b[^\n]*$", re.MULTILINE)
OLD_PICTURE = re.compile(r"^[ \t]*(?:In this|This) (?:\w+ )?(?:undated|file)\b")


# a list of links to other stories under its heading ("ALSO", "Read more:", "Related:"): headline lines, up to
# the first line that ends as a sentence does ("The Taliban's spring offensive is on, but Afghan forces make
# gains near strategic city", under "ALSO" at the foot of a report on a Jerusalem bus bombing)
LINK_LIST = re.compile(
    r"^[ \t]*(?:ALSO|RELATED(?: STORIES| COVERAGE| CONTENT| ARTICLES)?|READ MORE|SEE ALSO|MORE ON THIS(?: STORY)?|"
    r"YOU MAY ALSO LIKE|MORE FROM [^\n]{0,40})[ \t]*:?[ \t]*\n"
    r"(?:[ \t]*\S[^\n]{0,160}(?<![.!?\"\u201d])[ \t]*(?:\n|$)){1,8}", re.MULTILINE | re.IGNORECASE)


# a line a web page opens with an upper-case label that points to another story ("RECOMMENDED: Militants attack
# border post, 50 killed", "READ MORE: ...", "RELATED: ...", "WATCH: ..."): that story's headline, not this one's
LINK_LINE = re.compile(r"^[ \t\xa0]*(?:RECOMMENDED|RELATED|READ MORE|ALSO READ|SEE ALSO|MORE|WATCH)[ \t\xa0]*:[^\n]*$",
                       re.MULTILINE)


def aside_ranges(text: str) -> list[tuple[int, int]]:
    """The spans of lines that tell no part of the story (links to other stories, corrections, headings,
    captions of file photos)."""
    return sorted([(m.start(), m.end()) for m in ASIDE_LINES.finditer(text)] +
                  [(m.start(), m.end()) for m in LINK_LIST.finditer(text)] +
                  [(m.start(), m.end()) for m in LINK_LINE.finditer(text)] +
                  [(m.start(), m.end()) for m in FILE_PHOTO.finditer(text) if OLD_PICTURE.match(m.group())])


def caption_ranges(text: str) -> list[tuple[int, int]]:
    """The spans of photograph captions: what a picture of the news shows, not an incident of its own."""
    out: list[tuple[int, int]] = []
    start = 0
    lines = text.split("\n")
    after_heading = False
    for line in lines:
        end = start + len(line)
        if line.strip() and (after_heading or PHOTO_CREDIT.search(line)):
            out.append((start, end))
        if line.strip():
            after_heading = bool(CAPTION_HEADING.match(line))
        start = end + 1
    return out


def refers_back(m: "Mention", *, quotes: list[tuple[int, int]], captions: list[tuple[int, int]] = ()) -> str | None:
    """How a mention names an incident the text may have told before: "quoted" (any word inside a
    quotation, a reaction: "This was an unprecedented attack," the president said), "depicted" (what
    footage or a photograph's caption shows), "definite" (a definite or day-dated event noun with
    nothing marking another incident: "the attack", "Sunday's blasts"); None when it tells an
    incident of its own."""
    if any(a <= m.start < b for a, b in quotes):
        return "quoted"
    if _depicted(m) or any(a <= m.start < b for a, b in captions):
        return "depicted"
    head = m.head
    if head.pos_ != "NOUN" or m.trigger.kind == "label":
        return None
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "det", "nummod", "advmod", "compound")}
    # a number counts incidents ("two attacks"), unless it is the day of a date ("the Oct. 12 shooting")
    if mods & NOT_THE_ONE_TOLD or any(c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in head.children) \
            or _ranked(head):
        return None
    if in_aftermath(head) and any(c.dep_ == "poss" or (c.dep_ == "det" and (c.lower_ not in INDEFINITE
                                                                            or mods & SAME)) for c in head.children):
        # "met with survivors of the shooting", "an investigation into Tuesday's attack", "in connection with a
        # related raid"; not "met with victims of a shooting at a college where nine were killed", told first here
        return "aftermath"
    if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children) or \
            any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in head.children):
        return "definite"
    if head.dep_ == "attr" and head.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in head.head.children):
        return "definite"      # "a senior official said it was an American airstrike": what the strike was
    return None


WEEK_DAYS = 6       # a date told only to its week spans the day it starts and six more


def day_within(day: DateMention | None, span: DateMention | None) -> bool:
    """`day` is dated to a day inside the week or the month `span` is dated to ("this week's bombings" and
    "Tuesday's attacks", "the November shooting" and "the Nov. 15 shooting"): no other date, only a finer one."""
    if day is None or span is None or day.date is None or span.date is None or day.time_precision != 1:
        return False
    if span.time_precision == 3 and not span.rule.startswith("range"):
        return (day.date.year, day.date.month) == (span.date.year, span.date.month)
    if span.time_precision != 2:
        return False
    last = span.end or span.date + dt.timedelta(days=WEEK_DAYS)
    return span.date <= day.date <= last


def _ranked(head: "Token") -> bool:
    """"one of the largest attacks since 2003", "among the deadliest bombings": an incident ranked among a class
    by a superlative, which names no incident told before."""
    if not any(c.dep_ == "amod" and c.tag_ == "JJS" for c in head.children) or head.dep_ != "pobj":
        return False
    prep = head.head
    return prep.lower_ == "among" or (prep.lower_ == "of" and (prep.head.lower_ == "one" or prep.head.like_num))


DEPICTIONS = PICTURE_NOUNS          # what a picture of an incident is called (relevance.py)
# what follows an incident, whose sentence tells of it as known ("survivors of the shooting", "an
# investigation into the attack", "in connection with Tuesday's bombing"): its day is not the incident's
AFTERMATH = {"survivor", "victim", "witness", "family", "relative", "anniversary", "aftermath", "wake", "memorial", "vigil",
             "funeral", "investigation", "probe", "inquiry", "connection", "response", "reaction", "condemnation",
             "trial", "commemoration"}     # not "perpetrators of a car bombing": who did it is its attacker


def in_aftermath(head: "Token") -> bool:
    """The noun hangs, through a preposition or two, from a word of what follows an incident ("survivors
    of the shooting", "families of the dead": the parse may hang the second from the first)."""
    tok = head
    for _ in range(3):
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "for", "into", "with", "to"):
            return False
        tok = tok.head.head
        if tok.lemma_.lower() in AFTERMATH:
            return True
    return False


# who and what a death leaves behind: a killing told as a clause of one of them ("the funeral for a man who was
# killed by police", "families of those killed") came before what the sentence tells of them
LEFT_BEHIND = {"funeral", "burial", "memorial", "vigil", "anniversary", "commemoration", "family", "relative",
               "survivor", "mourner"}
# verbs that tell how a person died ("who was killed", "shot dead"), not what they did ("relatives clashed")
DEATH_VERBS = {"kill", "die", "shoot", "murder", "slay", "stab", "assassinate", "execute", "behead", "gun",
               "massacre", "slaughter"}


def told_of_the_dead(head: "Token") -> bool:
    """The trigger is a clause told of a person the aftermath of a death is of ("the funeral for a man who was
    killed by police has started", "funerals for two of the victims killed in the shooting were held on
    Saturday"): the killing came before, and the day of the sentence's clause is not its."""
    if head.pos_ != "VERB" or head.dep_ not in ("acl", "relcl") or head.lemma_.lower() not in DEATH_VERBS:
        return False
    noun = head.head
    return noun.lemma_.lower() in LEFT_BEHIND or in_aftermath(noun)


# who did an incident, named by it: "one of the Brussels bombers", "the gunman who killed 49"
PERPETRATORS = {"bomber", "gunman", "gunmen", "attacker", "shooter", "assailant", "hijacker", "stabber", "killer"}


def referred_back(head: "Token") -> bool:
    """The incident is told only to say who people are, a reference back to one told or known before (the
    news of the sentence is what those people do or what is done about them): its doer told as whose
    relative, as one of several or as whom a clause describes ("a brother of one of the Lisbon suicide bombers
    was arrested on Friday", "the gunman who killed 12 people ... had visited the bar"), a clause on
    people known to the reader ("relatives of the 31 people massacred in Dayton gathered on Sunday"), or an
    incident named by its place after the lead (`named_by_place`: "security has been tight since the Madrid
    attacks").
    Salience background, with no day but one its own phrase tells (`own_day`)."""
    if head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in PERPETRATORS or head.lower_ in PERPETRATORS):
        t = head
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ == "of"
                                and t.head.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")):
            return True    # "the bombers' brother", "one of the bombers"
        return _known(t) and any(who_clause(c) for c in t.children)
    if head.pos_ == "NOUN" and named_by_place(head) and head.sent.start != 0:
        return True        # "since the Madrid attacks"; not in the lead, where "the Tampa massacre" may be the news
    if head.pos_ != "VERB" or head.dep_ not in ("acl", "relcl") or head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    person = head.head
    if not (head.dep_ == "acl" and head.tag_ == "VBN" or who_clause(head)):
        return False
    if any(g.dep_ == "pobj" and g.lemma_.lower() in VIOLENT_INCIDENT_NOUNS
           and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in g.children)
           for c in head.children if c.dep_ == "prep" for g in c.children):
        return False       # "her daughter who was killed in a shooting": the clause tells an incident of its own
    return _known(person)


def named_by_place(noun: "Token") -> bool:
    """A definite event noun named by the place or group it struck or was done by ("the Brussels bombings",
    "the San Bernardino shooting", "the Nice truck attack"): the name of an incident known to the reader."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG")
        for c in noun.children)


def _known(person: "Token") -> bool:
    """People told as ones the reader knows: named ("Smith, who ...") or with a definite word ("the 31
    people", "his attackers"); not "an American killed in Jordan", told first here."""
    return person.ent_type_ == "PERSON" or any(c.dep_ in ("det", "poss") and c.lower_ in IDENTIFYING_DETERMINERS
                                               for c in person.children)


def own_day(head: "Token", when: DateMention | None) -> bool:
    """`when` is told in the trigger's own phrase ("the March bombers") or clause ("the gunman who killed 12
    people on Sunday")."""
    if when is None:
        return False
    span = date_in_sentence(head, when)
    if span is None:
        return False
    inside = {t.i for t in head.subtree}
    if head.pos_ != "VERB":
        return span.root.i in inside    # "one of the bombers" ends where its words do, not at the next verb
    return told_in_clause(span, inside)


def _depicted(m: "Mention") -> bool:
    """"Footage showed damaged shop fronts and wounded people", "the channel showed footage of ... wounded
    people": what a picture of the incident shows."""
    root = m.head
    while root.dep_ != "ROOT" and root.head.i != root.i:
        root = root.head
    return root.lemma_.lower() in ("show", "depict", "capture", "air", "broadcast") and any(
        c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in DEPICTIONS for c in root.children)


# "So far, 20 people have been killed in the rocket fire": a running toll names the pattern recalled
RUNNING = re.compile(r"\b(?:so far|since|to date|in recent (?:days|weeks|months))\b", re.IGNORECASE)


STRUCK = {"strike", "attack"}     # "when the attackers struck": the perpetrators' act, whatever its kind
# the explosions a bomber's incident is coded as; an air strike needs an air force and names it
BOMBINGS = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Shelling/artillery/missile attack"}
ONE_OF_KIND_CHARS = 600     # how far back the incident told before may be (its paragraph, about)


def another_of_its_kind(drafts: list[Draft], *, weapons: set[str]) -> None:
    """A bombing told, then "a separate attack killed 12 people" or "in another attack, ...": an attack noun
    marked as one more incident of the kind just told, with no weapon of its own in its sentence and no other
    violence there, takes the coding of the bombing told last before it (in its paragraph or the one
    before, a few sentences back): one more bombing (ACLED codes the weapon), not an attack of unknown kind."""
    for d in drafts:
        head = d.mention.head
        if head.lemma_.lower() not in ("attack", "assault") or head.pos_ != "NOUN" or d.coding.event_type not in (
                "Violence against civilians", "Battles") or d.coding.sub_event_type not in ("Attack", "Armed clash"):
            continue
        if not any(c.dep_ in ("det", "amod") and c.lower_ in SAME_KIND for c in head.children):
            continue
        sent = head.sent
        if any(t.lemma_.lower() in weapons for t in sent) or any(
                o is not d and o.sent_start == d.sent_start and family(o) == "violent" for o in drafts):
            continue
        before = [o for o in drafts if o.sent_end <= d.sent_start and d.sent_start - o.sent_end < ONE_OF_KIND_CHARS
                  and family(o) == "violent" and o.kind != "outcome"]
        if before and before[-1].coding.sub_event_type in BOMBINGS:
            d.coding = before[-1].coding


def merge_references(drafts: list[Draft], *, text: str | None = None) -> list[Draft]:
    """Mentions that name an incident told before join the latest such incident (same family; any
    violent sub-type for a word like "attack", the same event type otherwise; no other date or
    place); one with nothing before it is the incident's first telling. Outside the paragraph of
    the incident it follows, a reference of the news that names no place ("Washington condemned the
    attack") names the news the report tells, not an earlier incident it recalls ("On April 25, a
    suicide car bomb struck a checkpoint")."""
    out: list[Draft] = []
    for d in drafts:
        hosts = [o for o in reversed(out) if d.reference and _same_incident(o, d)] or \
            [o for o in reversed(out) if _recalled_again(d) and _same_incident(o, d, years=True)]
        host = hosts[0] if hosts else None
        if host is not None and host.salience != "main" and d.salience == "main" and not d.place_here \
                and text is not None and "\n" in text[host.sent_end:d.sent_start] \
                and not RUNNING.search(text[d.sent_start:d.sent_end]):
            host = next((o for o in hosts if o.salience == "main"), host)
        if host is not None and _what_followed(d):
            # "Following the attack, warplanes bombed camps in northern Iraq on Monday": the news the report
            # tells, not an incident it recalls; the place and day of the sentence are what followed
            host = next((o for o in hosts if o.salience == "main"), host)
            d.place, d.place_here, d.date = None, False, None
        if host is None:
            out.append(d)
            continue
        for o in _also_named(d, host, hosts):
            o.actor1, o.a1_default = d.actor1, False
        recalled = coarse_dated(host.date) and d.date is None
        salience = host.salience
        start = d.date if _started_earlier(host, d) else None
        finer = d.date if day_within(d.date, host.date) else None
        absorb(host, d)
        if finer is not None:
            host.date = finer            # "this week's bombings" told again as "Tuesday's attacks": Tuesday's
        if start is not None:
            host.date = start            # a battle told on Wednesday "that began on Tuesday" is Tuesday's (ACLED)
        if recalled:
            host.salience = salience     # naming history again ("witnesses to the kidnapping") makes it no news
        if host.fatalities is None and host.count is None:
            host.fatalities = d.fatalities     # an aggregate's toll is of many incidents: none of its own
    return _named_ahead_of_its_telling(out)


# "charged ... over the attacks", "ahead of the attacks", "in the wake of the bombing": a preposition of
# what came after an incident, or of what it caused
AFTER_PREPS = WHAT_FOLLOWS | {"since", "over"}
AFTER_NOUNS = {"ahead", "wake", "aftermath"}       # "ahead of", "in the wake of", "in the aftermath of"


def _named_as_known(d: Draft) -> bool:
    """A definite incident noun told only as what something else followed or was about ("charged three men
    on Saturday over the Brussels bomb attacks", "to review efforts after the Brussels attacks"): the
    writer takes the incident as known, and its sentence's day is that of the charges or the review."""
    head = d.mention.head
    if d.reference not in ("definite", "aftermath") or head.dep_ != "pobj":
        return False
    prep = head.head
    return prep.lower_ in AFTER_PREPS or (prep.lower_ == "of" and prep.head.lower_ in AFTER_NOUNS)


def _named_ahead_of_its_telling(drafts: list[Draft]) -> list[Draft]:
    """A lead often names an incident as known before the report tells it ("Prosecutors charged two men
    over the Brussels attacks ... The March 22 attacks in Brussels killed 32"): the reference with nothing
    before it joins the later telling of the same incident (that telling's type, day and salience stand;
    the day of the reference's sentence is the day of what followed). With no later telling it stays."""
    out = list(drafts)
    for d in [o for o in drafts if _named_as_known(o)]:
        told = d.date
        if d.date is not None and not of_mention(d, d.date.span.start):
            d.date = None            # "charged on Saturday": the day of the charges
        later = [o for o in out if o.sent_start > d.sent_start and not _named_as_known(o) and _same_incident(o, d)]
        if not later:
            if d.date is None and told is not None and d.mention.head.tag_ == "NNS" \
                    and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in d.mention.head.subtree):
                # "tightened security on Friday in the wake of the shootings": incidents the writer takes as
                # known, told nowhere in the report, with no place of their own, have no day of that verb
                d.salience = "background"
                continue
            d.date = told
            continue
        host = later[0]
        salience = host.salience
        absorb(host, d)
        host.salience = salience     # naming it as known makes the incident no more the day's news
        out.remove(d)
    return out


# "both those attacks", "these attacks": a plural that names every incident its sentence refers to
BOTH = {"both", "those", "these", "all"}


def _also_named(d: Draft, host: Draft, hosts: list[Draft]) -> list[Draft]:
    """"The blast follows a suicide attack on a bus last month and a separate attack on a court on June 1.
    The Taliban claimed both those attacks": a plural reference with its doer names each incident of
    the sentence it refers back to, not only the last; those told without a doer of their own are its."""
    head = d.mention.head
    if d.reference != "definite" or head.tag_ != "NNS" or d.actor1 is None or d.a1_default or \
            not any(c.lower_ in BOTH for c in head.children if c.dep_ in ("det", "predet", "amod")):
        return []
    return [o for o in hosts if o is not host and o.sent_start == host.sent_start
            and (o.actor1 is None or o.a1_default or o.actor1.startswith(UNIDENTIFIED))]


def _dated_here(d: Draft) -> bool:
    """Whether a draft's date is told in its own sentence (not carried from one before it)."""
    return d.date is None or d.sent_start <= d.date.span.start < d.sent_end


SEQUENCE_PREPS = WHAT_FOLLOWS | {"since"}     # notes.py's words, and "since the attack"


def _what_followed(d: Draft) -> bool:
    """"Following the attack, Turkish warplanes bombed camps early on Monday": the incident a sequence
    phrase names is told before; the day of its sentence is the day of what followed it."""
    head = d.mention.head
    return d.reference == "definite" and head.dep_ == "pobj" and head.head.lower_ in SEQUENCE_PREPS


def _as_told(d: Draft) -> Draft:
    """A definite reference with the time its own words give it: a day or month its sentence tells of
    another phrase ("the mastermind of a massacre in December 2014, claimed responsibility for the
    assault", "charged on Saturday over the attacks") is not the referred incident's, and does not keep
    the reference from the incident told before it. A date carried from another sentence stays (the
    checks below read it as carried)."""
    if d.reference != "definite" or d.date is None or not _dated_here(d) or of_mention(d, d.date.span.start):
        return d
    return dataclasses.replace(d, date=None)


# verbs that tell when an incident still going on started ("the battle that began on Tuesday")
BEGIN_VERBS = {"begin", "start", "erupt", "break", "launch"}
STARTED_DAYS = 2       # an incident still told on this many days after its start is the one that started


def _start_told(d: Draft) -> bool:
    """Whether `d`'s date is told by a clause of its noun that says when it began ("the clashes, which erupted
    on Monday", "the battle that started early on Sunday"), not when it happened."""
    if d.date is None or d.date.date is None:
        return False
    head = d.mention.head
    tok = next((t for t in d.mention.sent if t.idx <= d.date.span.start < t.idx + len(t)), None)
    for _ in range(4):
        if tok is None or tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.head.i == head.i:
            return tok.lemma_.lower() in BEGIN_VERBS
        tok = tok.head
    return False


def _started_earlier(o: Draft, d: Draft) -> bool:
    """`d` names `o`'s incident as begun a day or two before the day `o` is told on ("fighting raged in the
    town on Thursday ... the battle that began on Wednesday"): one incident told at its start and on its
    latest day, not two."""
    if d.reference != "definite" or not _start_told(d) or o.date is None or o.date.date is None:
        return False
    return 0 < (o.date.date - d.date.date).days <= STARTED_DAYS


def _other_country(a: Place | None, b: Place | None) -> bool:
    """Two places in two countries (not both only regions or countries, which a report may name loosely)."""
    return a is not None and b is not None and bool(a.country) and bool(b.country) and a.country != b.country \
        and not (a.kind in COARSE_KINDS and b.kind in COARSE_KINDS)


def _recalled_again(d: Draft) -> bool:
    """"Sam Lee fired his gun on Nov. 12, 2014 ... The shooting helped to inflame tensions": a definite incident
    noun with no time of its own, when no incident of the report's years is there for it to name, names the one
    the report dated years before."""
    return d.reference == "definite" and d.date is None and not d.history


def _same_incident(o: Draft, d: Draft, *, years: bool = False) -> bool:
    """Whether reference `d` names incident `o`; with `years`, an incident dated years before (`_recalled_again`)."""
    if family(o) != family(d) or family(o) not in ("violent", "demonstration") or o.history != (d.history or years):
        return False
    if o.status not in OCCURRED or o.pattern:
        return False             # "the attack" names an incident, not a pattern told before it
    if o.count is not None and not (d.reference == "definite" and d.mention.head.tag_ == "NNS"):
        return False             # "891 attacks ... Those attacks killed 2,150": the aggregate told again
    generic = d.mention.head.lemma_.lower() in ANY_VIOLENCE or d.kind == "outcome" or d.reference == "depicted" \
        or (d.reference == "definite" and d.mention.head.pos_ == "VERB" and d.mention.head.lemma_.lower() in STRUCK)
    if not generic and o.coding.event_type != d.coding.event_type:
        return False
    d = _as_told(d)
    if (o.kind == "territory") != (d.kind == "territory") and d.reference == "quoted":
        return False             # "fighting broke out ... the ministry said the army had 'liberated strategic
                                 # heights'": ground taken, quoted, is no reaction to the fighting but its own event
    if coarse_dated(o.date) != coarse_dated(d.date) and not (d.date is None and coarse_dated(o.date)):
        return False             # history the report recalls is not the news it tells; a reference with no
                                 # time of its own may name it ("kidnapped 219 girls two years ago. Witnesses
                                 # to the kidnapping said ...")
    if dates_differ(o.date, d.date) and d.reference not in ("quoted", "aftermath") and _dated_here(d) \
            and not _what_followed(d) and not _started_earlier(o, d) and not day_within(d.date, o.date):
        return False             # a quoted reaction is dated by when it was said; a date carried
                                 # from another sentence ("died overnight. ... after the blast") is not the incident's
    if d.protested and o.date is None and dated_in_its_clause(d):
        return False             # "a third bomber was killed before he detonated his explosives" and "protests
        #                          stemming from Sunday's car bombing": the news told undated is not the cause
        #                          recalled with its own day
    place = told_place(d)
    if d.place_here and _other_country(o.place, place):
        return False             # "the November attack at a hotel in Mali" after a siege in Ouagadougou: another
        #                          incident, wherever the reference's words fail to give it its own date
    return not (o.place and place and o.place_here and d.place_here and o.place.name != place.name
                and "country" not in (o.place.kind, place.kind)
                and not finer_within(o.place, place) and not finer_within(place, o.place))
