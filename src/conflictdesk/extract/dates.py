"""Dates in a document: explicit, relative to publication, relative to the previous date, ranges.

Rules and word lists are in data/patterns/dates.yaml. time_precision follows ACLED: 1 the day,
2 within a week, 3 within a month. Relative expressions need `doc.published`; without it they
are returned with `date=None` (`relative=True`), and nothing is guessed. Times coarser than a
month ("in 2014", "last year", "last summer", "over the past few days") are found too, with
`date=None` and rule "coarse": what they date has no ACLED date, not another event's day.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ExtractionError
from ..records import DateMention, Document, Span
from .pattern_files import PATTERN_FILE_CODE, read_pattern_file

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
                 "twenty": 20, "thirty": 30}


COARSE = "coarse"     # the rule of a time coarser than a month ("in 2014", "last year")
# the rule of "a day after" / "hours after" before what it names ("on Friday, a day after an attack"):
# a date of the event the phrase names only, counted back from the date told before it
PHRASE = "before_previous_phrase"


@dataclass(frozen=True, slots=True)
class _Rules:
    months: dict[str, int]
    weekdays: dict[str, int]
    explicit: tuple[tuple[str, re.Pattern[str]], ...]
    weekday: re.Pattern[str]
    relative: tuple[tuple[re.Pattern[str], dict[str, Any]], ...]
    following: tuple[tuple[re.Pattern[str], dict[str, Any]], ...]
    tolerance: int
    coarse: tuple[re.Pattern[str], ...] = ()
    relative_any: re.Pattern[str] | None = None    # matches where any `relative` rule may (see _any_of)
    following_any: re.Pattern[str] | None = None
    future_aux: frozenset[str] = frozenset()       # "will meet on Monday": a weekday ahead
    future_lemmas: frozenset[str] = frozenset()    # "talks due / scheduled / set to resume on Monday"
    occasions: frozenset[str] = frozenset()        # "the Nov. 8 election": occasions fixed ahead of their day
    planned: frozenset[str] = frozenset()          # "ministers meet in Vienna on Friday": a present fixed ahead
    holidays: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)   # "new year's eve": (12, 31)
    holiday: re.Pattern[str] | None = None         # any of `holidays`, an optional year after it


@functools.cache
def _rules() -> _Rules:
    data = read_pattern_file("dates.yaml")
    try:
        months = {str(k): int(v) for k, v in data["months"].items()}
        weekdays = {str(k): int(v) for k, v in data["weekdays"].items()}
        mon = "|".join(sorted(months, key=len, reverse=True))
        mon = rf"(?P<mon>{mon})\.?"
        mon2 = mon.replace("?P<mon>", "?P<mon2>")
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
        year = r"(?P<year>(?:19|20)\d\d)"
        cues = "|".join(re.escape(c) for c in sorted(map(str, data["month_cues"]), key=len, reverse=True))
        dash = r"\s*(?:-|–|—|to|until|and)\s*"
        lead = r"\b(?:(?i:between|from)\s+)?"
        tail = rf"(?:,?\s+{year})?"
        # "in February last year", "on March 3 of last year": the month of the year before the report's
        last_year = r"(?P<ly>,?\s+(?:of\s+)?(?i:last|the previous|the past)\s+year)?"
        explicit = (
            ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
            ("range_dmy", re.compile(rf"{lead}{day}{dash}{day2}\s+(?:of\s+)?{mon}{tail}\b")),
            ("range_mdy", re.compile(rf"{lead}{mon}\s+{day}{dash}{day2}{tail}\b")),
            ("range_cross", re.compile(rf"{lead}{day}\s+{mon}{dash}{day2}\s+{mon2}{tail}\b")),
            ("dmy", re.compile(rf"\b{day}\s+(?:of\s+)?{mon}(?:,?\s+{year}\b|{last_year}\b)")),
            ("mdy", re.compile(rf"\b{mon}\s+{day}\b(?!:)(?:,?\s+{year}|{last_year})")),
            ("month_year", re.compile(rf"\b(?:(?i:{cues})\s+)?{mon}\s+{year}\b")),
            ("month", re.compile(rf"\b(?i:{cues})\s+(?:the\s+)?(?:(?i:early|late|mid)[-\s]+)?{mon}\b(?![-\s]*\d)"
                                 rf"{last_year}")),
            # "November's attacks in Paris": a month's own event ("May's" is a name's more often than not)
            ("month", re.compile(rf"\b(?!May\b){mon}(?=['’]s\b)")),
            # "the November attack", "the January bombings": a month named before the event noun it dates
            ("month", re.compile(rf"\b(?i:the)\s+(?!May\b){mon}(?=\s+[a-z])")),
        )
        weekday = re.compile(r"\b(?:(?P<last>last|this past|past)\s+|(?P<next>next|this coming|coming)\s+|on\s+|"
                             r"early\s+|late\s+)?(?P<wd>"
                             + "|".join(weekdays) + r")(?:\s+(?:night|morning|afternoon|evening))?\b")
        relative = tuple((re.compile(rf"\b(?:{r['pattern']})\b", re.I), dict(r)) for r in data["relative"])
        following = tuple((re.compile(rf"\b(?:{r['pattern']})\b", re.I), dict(r)) for r in data["following"])
        coarse = tuple(re.compile(rf"\b(?:{r['pattern']})\b", re.I) for r in data.get("coarse") or ())
        future = data.get("future_cues") or {}
        holidays = {_holiday_key(str(k)): (int(v[0]), int(v[1])) for k, v in (data.get("holidays") or {}).items()}
        names = "|".join(re.escape(k).replace("'", "['’]") for k in sorted(holidays, key=len, reverse=True))
        holiday = re.compile(rf"\b(?P<holiday>{names})\b(?:,?\s+{year}\b)?", re.I) if holidays else None
        return _Rules(months, weekdays, explicit, weekday, relative, following, int(data["future_tolerance_days"]),
                      coarse, _any_of([r for r, _ in relative]), _any_of([r for r, _ in following]),
                      frozenset(map(str, future.get("auxiliaries") or ())),
                      frozenset(map(str, future.get("lemmas") or ())),
                      frozenset(map(str, future.get("occasions") or ())),
                      frozenset(map(str, future.get("planned_present") or ())), holidays, holiday)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ExtractionError(f"pattern file dates.yaml is malformed: {type(exc).__name__} {exc}",
                              code=PATTERN_FILE_CODE) from exc


def _holiday_key(name: str) -> str:
    """A holiday's name as `_Rules.holidays` keys it: lower case, a straight apostrophe."""
    return name.lower().replace("’", "'")


def _any_of(regexes: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex whose leftmost match is the leftmost match of any of `regexes` (their alternation,
    named groups made plain), to skip a family of rules in one scan when none of them matches and
    to start the others where the first match is; None when that cannot be built faithfully."""
    if not regexes or len({r.flags for r in regexes}) != 1 or any("(?P=" in r.pattern for r in regexes):
        return None
    try:
        return re.compile("|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", r.pattern) + ")" for r in regexes),
                          regexes[0].flags)
    except re.error:
        return None


def _scan_start(any_of: re.Pattern[str] | None, text: str) -> int | None:
    """Where the first match of a rule family can be (None: nowhere). `\\b` and lookbehinds still
    see the text before a `pos`, so scanning from there finds the same matches."""
    if any_of is None:
        return 0
    m = any_of.search(text)
    return m.start() if m is not None else None


# the year told right after a weekday: "on Sunday in 1965", "on a Tuesday of 2004", "Friday, 2015"
_WEEKDAY_YEAR = re.compile(r",?\s+(?:(?:in|of)\s+)?(?P<year>(?:19|20)\d\d)\b(?![\d,.]\d)")
# the words before a weekday that make it any such day ("on a Friday", "every Sunday"), not a day of the report's week
# ("a Thursday ruling" is Thursday's)
_ANY_WEEKDAY = re.compile(r"\b(?:on\s+(?:a|an|any)|every|each)\s+\Z", re.IGNORECASE)
_LINE_BREAK = re.compile(r"(?<=\S)\n(?=\S)")     # one break between words, not a paragraph's


def extract_dates(doc: Document, parsed: "Doc") -> list[DateMention]:
    """Every date expression in `doc.text`, in text order, anchored where the text allows."""
    # a line break inside a phrase is a space to it ("two years\nago" of a text wrapped by line), as long
    # as the text: the spans found are the text's own
    text = _LINE_BREAK.sub(" ", doc.text)
    pub = doc.published
    rules = _rules()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    def add(mention: DateMention) -> None:
        found.append(mention)
        taken.append((mention.span.start, mention.span.end))

    for rule, regex in rules.explicit:
        for m in regex.finditer(text):
            if free(m.start(), m.end()):
                mention = _explicit(text, m, rule, rules, pub,
                                    ahead=_future(parsed, m, rules, group=0) or _occasion(parsed, m, rules))
                if mention is not None:
                    add(mention)
    for m in rules.holiday.finditer(text) if rules.holiday is not None else ():
        if free(m.start(), m.end()):
            add(_holiday(text, m, rules, pub, ahead=_future(parsed, m, rules, group=0)))
    for m in rules.weekday.finditer(text):
        if free(m.start(), m.end()):
            if not (m.group("last") or m.group("next")) and _ANY_WEEKDAY.search(text, max(0, m.start() - 12),
                                                                                m.start()):
                # "on a Friday evening", "every Sunday": some such day, not the one before the report; found so
                # that it dates its event as nothing rather than as the day of another one
                add(DateMention(Span.of(text, m.start(), m.end()), None, None, relative=True, rule=COARSE))
                continue
            year = _WEEKDAY_YEAR.match(text, m.end())
            if year is not None and pub is not None and int(year.group("year")) != pub.year:
                # "on Bloody Sunday in 1965": a weekday of another year, which the report's week does not
                # place; dated as its year is, coarser than a month
                add(DateMention(Span.of(text, m.start(), year.end()), None, None, relative=True, rule=COARSE))
                continue
            add(_weekday(text, m, rules, pub, ahead=bool(m.group("next")) or _future(parsed, m, rules)))
    for regex in rules.coarse:
        for m in regex.finditer(text):
            if free(m.start(), m.end()):
                # coarser than a month: found, so that it dates its event as nothing rather than as
                # the day of another one; anchors nothing. Before the times relative to the report, which
                # a period holds ("over the past month" is no "past month")
                add(DateMention(Span.of(text, m.start(), m.end()), None, None, relative=True, rule=COARSE))
    start = _scan_start(rules.relative_any, text)
    for regex, spec in rules.relative if start is not None else ():
        for m in regex.finditer(text, start):
            if free(m.start(), m.end()):
                if spec.get("recent_weekend") and _future(parsed, m, rules, group=0):
                    continue       # "talks will resume at the weekend": not a past weekend
                add(_relative(text, m, spec, pub))
    following: list[tuple[re.Match[str], dict[str, Any]]] = []
    start = _scan_start(rules.following_any, text)
    for regex, spec in rules.following if start is not None else ():
        for m in regex.finditer(text, start):
            if free(m.start(), m.end()) and _following_ok(m):
                following.append((m, spec))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.span.start)
    for m, spec in sorted(following, key=lambda x: x[0].start()):
        previous = [d for d in found if d.span.end <= m.start() and d.date is not None and d.rule != PHRASE]
        if spec.get("phrase"):
            previous = _days_of_sentence(text, m.start(), previous)
        found.append(_following(text, m, spec, previous[-1] if previous else None, pub))
        found.sort(key=lambda d: d.span.start)
    if text is doc.text:
        return found
    return [d if d.span.text == doc.text[d.span.start:d.span.end] else
            dataclasses.replace(d, span=Span.of(doc.text, d.span.start, d.span.end)) for d in found]


_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s|\n")


def _days_of_sentence(text: str, start: int, previous: list[DateMention]) -> list[DateMention]:
    """The dates a phrase counted in days ("the day after", "a day before") can count from: a week or a month
    told between it and the day its sentence gave before ("marched on Friday against the shootings this week,
    the day after a gunman killed five") is of another phrase, and counts no day; the dates up to that day."""
    if not previous or previous[-1].time_precision == 1:
        return previous
    for n in range(len(previous) - 1, -1, -1):
        d = previous[n]
        if _SENTENCE_END.search(text, d.span.end, start):
            break
        if d.time_precision == 1:
            return previous[:n + 1]
    return previous


# --- rules ------------------------------------------------------------------------------------
def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


AHEAD_DAYS = 183       # how far after the report a day-month told as to come can be: within half a year


def _infer_year(month: int, day: int, pub: dt.date, tolerance: int, *, ahead: bool = False) -> int:
    """The year of a day-month told without one: the report's, unless that puts it more than `tolerance` days
    after the report, when it is last year's ("on Dec. 26" in a January report); a day told as to come
    (`ahead`: "the July 18-21 convention", "talks set for March 9") stays this year's up to half a year on."""
    candidate = _date(pub.year, month, day) or _date(pub.year, month, min(day, 28))
    if candidate is not None and (candidate - pub).days > (AHEAD_DAYS if ahead else tolerance):
        return pub.year - 1
    return pub.year


def _occasion(parsed: "Doc | None", m: re.Match[str], rules: _Rules) -> bool:
    """A date that names the day of an occasion fixed ahead of it ("the Nov. 8 election", "the July 18-21
    convention"): the noun it modifies is one of `occasions`."""
    tok = _root(parsed, m, 0) if rules.occasions else None
    return tok is not None and _names_occasion(tok, rules)


OCCASION_DEPS = ("compound", "nmod", "nummod", "amod", "npadvmod")


def _names_occasion(tok: "Token", rules: _Rules, deps: tuple[str, ...] = OCCASION_DEPS) -> bool:
    return tok.head.i != tok.i and tok.dep_ in deps and tok.head.lemma_.lower() in rules.occasions


def occasion_dates(dates: list[DateMention], parsed: "Doc") -> frozenset[int]:
    """Start offsets of the dates that name the day of an occasion fixed ahead ("ahead of Tuesday's primary",
    "the Nov. 8 election"): that occasion's day, which dates no incident told beside or after it."""
    rules = _rules()
    out: set[int] = set()
    for d in dates:
        span = parsed.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if span is not None and len(span) and _names_occasion(span.root, rules, OCCASION_DEPS + ("poss",)):
            out.add(d.span.start)
    return frozenset(out)


def _explicit(text: str, m: re.Match[str], rule: str, rules: _Rules, pub: dt.date | None, *,
              ahead: bool = False) -> DateMention | None:
    span = Span.of(text, m.start(), m.end())
    g = m.groupdict()
    month = int(g["m"]) if rule == "iso" else rules.months[g["mon"]]
    year = int(g["year"]) if g.get("year") else None
    if year is None and g.get("ly") and pub is not None:
        year = pub.year - 1
    if rule in ("month", "month_year"):
        if year is None:
            if pub is None:
                return DateMention(span, None, 3, relative=True, rule=rule)
            cue = m.group(0).split(None, 1)[0].lower()
            if cue == "next":           # "next March" in a June report: the coming March, next year's
                year = pub.year if month > pub.month else pub.year + 1
            elif cue == "last":         # "last June" in a June report: the June before this one
                year = pub.year if month < pub.month else pub.year - 1
            else:                       # "in June", "since March": this year's, up to the report's month
                year = pub.year if month <= pub.month else pub.year - 1
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return DateMention(span, first, 3, end=last, relative=g.get("year") is None, rule=rule)
    day = int(g["day"])
    if not 1 <= day <= 31:
        return None
    relative = year is None or bool(g.get("ly"))
    if year is None:
        if pub is None:
            return DateMention(span, None, 1 if not rule.startswith("range") else 2, relative=True, rule=rule)
        year = _infer_year(month, day, pub, rules.tolerance, ahead=ahead)
    start = _date(year, month, day)
    if start is None:
        return None
    if rule.startswith("range"):
        month2 = rules.months[g["mon2"]] if g.get("mon2") else month
        year2 = year + 1 if month2 < month else year
        end = _date(year2, month2, int(g["day2"]))
        if end is None or end < start:
            return None
        precision = 2 if (end - start).days <= 7 else 3
        return DateMention(span, start, precision, end=end, relative=relative, rule=rule)
    return DateMention(span, start, 1, relative=relative, rule=rule)


def _holiday(text: str, m: re.Match[str], rules: _Rules, pub: dt.date | None, *, ahead: bool = False) -> DateMention:
    """The day a fixed holiday names ("on New Year's Eve" in a January report: the last day of last year)."""
    span = Span.of(text, m.start(), m.end())
    month, day = rules.holidays[_holiday_key(m.group("holiday"))]
    if m.group("year"):
        return DateMention(span, dt.date(int(m.group("year")), month, day), 1, rule="holiday")
    if pub is None:
        return DateMention(span, None, 1, relative=True, rule="holiday")
    year = _infer_year(month, day, pub, rules.tolerance, ahead=ahead)
    return DateMention(span, dt.date(year, month, day), 1, relative=True, rule="holiday")


def _root(parsed: "Doc | None", m: re.Match[str], group: str | int) -> "Token | None":
    """The parse's head word of a date match's group (None without a parse or tokens there)."""
    if parsed is None:
        return None
    span = parsed.char_span(m.start(group), m.end(group), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _future(parsed: "Doc | None", m: re.Match[str], rules: _Rules, group: str | int = "wd") -> bool:
    """A weekday that dates what is still to come: the verb it hangs from has a future auxiliary
    ("will meet on Monday") or it or a word it depends on is one of plans ("talks due to resume on
    Monday", "a vote scheduled for Sunday")."""
    tok = None if m.groupdict().get("last") else _root(parsed, m, group)
    if tok is None:
        return False
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_.lower() in rules.future_lemmas:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ in rules.future_aux for c in tok.children):
                return True
            if _told_in_present(tok, rules):
                return True        # "ministers meet in Vienna on Thursday", "is meeting on Friday": to come
            if not (tok.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
                return False       # a finite verb without a future auxiliary: the weekday is past
    return False


PRESENT_AUX = frozenset({"is", "are", "am"})


def _told_in_present(verb: "Token", rules: _Rules) -> bool:
    """A verb of what is done on a day fixed ahead (`_Rules.planned`), in the present, simple ("Major powers meet
    on Thursday") or progressive ("the council is meeting on Friday"): a weekday it takes is the coming one. Not
    the present of what tells a sequence ("the violence follows two bombings on Thursday") nor of a report."""
    if verb.lemma_.lower() not in rules.planned:
        return False
    if verb.tag_ in ("VBP", "VBZ"):
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in PRESENT_AUX for c in verb.children)


def _weekday(text: str, m: re.Match[str], rules: _Rules, pub: dt.date | None, *,
             ahead: bool = False) -> DateMention:
    span = Span.of(text, m.start(), m.end())
    if pub is None:
        return DateMention(span, None, 1, relative=True, rule="weekday")
    wd = rules.weekdays[m.group("wd")]
    if ahead:      # "will meet on Monday", "next Monday": the coming one
        forward = (wd - pub.weekday()) % 7
        if forward == 0 and m.group("next"):
            forward = 7
        return DateMention(span, pub + dt.timedelta(days=forward), 1, relative=True, rule="weekday")
    back = (pub.weekday() - wd) % 7
    if back == 0 and m.group("last"):
        back = 7
    return DateMention(span, pub - dt.timedelta(days=back), 1, relative=True, rule="weekday")


def _relative(text: str, m: re.Match[str], spec: dict[str, Any], pub: dt.date | None) -> DateMention:
    span = Span.of(text, m.start(), m.end())
    precision = int(spec["precision"])
    rule = "relative_to_publication"
    if pub is None:
        return DateMention(span, None, precision, relative=True, rule=rule)
    if "ago" in spec:
        n = m.group("n")
        n = int(n) if n.isdigit() else _WORD_NUMBERS[n.lower()]
        if spec["ago"] == "months":       # "six months ago" of a report of May 23: November 23
            year, month = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            day = _date(year, month + 1, min(pub.day, calendar.monthrange(year, month + 1)[1]))
        else:
            day = pub - dt.timedelta(days=n * (7 if spec["ago"] == "weeks" else 1))
        return DateMention(span, day, precision, relative=True, rule=rule)
    if "month" in spec:
        year, month = pub.year, pub.month + int(spec["month"])
        if month < 1:
            year, month = year - 1, month + 12
        first = dt.date(year, month, 1)
        last = min(dt.date(year, month, calendar.monthrange(year, month)[1]), pub)
        return DateMention(span, first, precision, end=last, relative=True, rule=rule)
    day = pub + dt.timedelta(days=int(spec["days"]))
    if spec.get("week"):       # a calendar week, Monday to Sunday, capped at publication
        start = day - dt.timedelta(days=day.weekday())
        return DateMention(span, start, precision, end=min(start + dt.timedelta(days=6), pub), relative=True, rule=rule)
    if spec.get("recent_weekend"):    # "at the weekend" in a report: the last Saturday-Sunday up to publication
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return DateMention(span, saturday, precision, end=min(saturday + dt.timedelta(days=1), pub),
                           relative=True, rule=rule)
    if spec.get("weekend"):
        saturday = day + dt.timedelta(days=(5 - day.weekday()))
        return DateMention(span, saturday, precision, end=saturday + dt.timedelta(days=1), relative=True, rule=rule)
    return DateMention(span, day, precision, relative=True, rule=rule)


def _following_ok(m: re.Match[str]) -> bool:
    n = m.groupdict().get("n") or m.groupdict().get("n2")
    return n is None or n.lower() in _WORD_NUMBERS or n.isdigit()


def _following(text: str, m: re.Match[str], spec: dict[str, Any], previous: DateMention | None,
               pub: dt.date | None = None) -> DateMention:
    span = Span.of(text, m.start(), m.end())
    rule = PHRASE if spec.get("phrase") else "relative_to_previous"
    if "vague_days" in spec:
        lo, hi = (int(x) for x in spec["vague_days"])
        precision = 2 if hi <= 7 else 3
        if previous is None or previous.date is None:
            return DateMention(span, None, precision, relative=True, rule=rule)
        base = previous.end or previous.date
        return DateMention(span, base + dt.timedelta(days=lo), precision, end=base + dt.timedelta(days=hi),
                           relative=True, rule=rule)
    if "days" in spec:
        offset = int(spec["days"])
    else:
        n = m.groupdict().get("n") or m.groupdict().get("n2") or "1"
        offset = (int(n) if n.isdigit() else _WORD_NUMBERS[n.lower()]) * int(spec["unit"])
    if (previous is None or previous.date is None) and offset < 0 and pub is not None:
        # "the bombings carried out the previous day" with no day told before: the day before the report's
        return DateMention(span, pub + dt.timedelta(days=offset), 1, relative=True,
                           rule=PHRASE if spec.get("phrase") else "relative_to_publication")
    if previous is None or previous.date is None or (rule == PHRASE and previous.time_precision != 1):
        # "a day after" a month or a week told before names no day
        return DateMention(span, None, 1, relative=True, rule=rule)
    precision = int(spec.get("precision", max(previous.time_precision or 1, 1)))
    base = (previous.end or previous.date) if offset > 0 else previous.date
    return DateMention(span, base + dt.timedelta(days=offset), precision, relative=True, rule=rule)
