"""Current or background: which of a document's statements and events belong to its reporting
period (they lead the brief) and which it recalls (they go to context, in the past tense, dated).

A statement is recalled when its date falls before the reporting period, when the sentence that
reports it is a background sentence (the events coded from it are all background), or when that
sentence opens on a recall ("Earlier, ...", "Immediately following the strikes, ...", "had
announced"). An event leads only when it is main, reported or claimed, and not dated before the
reporting period.
"""
from __future__ import annotations

import datetime as dt
import re

from ..records import Event, Extraction, Statement

REPORTING_DAYS = 7           # a document reports on its own week; anything dated earlier is recalled
LEAD_STATUSES = frozenset({"reported", "claimed"})
_RECALL = re.compile(
    r"^\W*(?:earlier|previously|in the past|last (?:week|month|year)|"
    r"(?:days|weeks|months|years) (?:ago|earlier|before)|"
    r"(?:immediately |shortly |soon )?(?:following|after) (?:the|that|this|those|these|its|their)\b|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|december)\b)",
    re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\bhad (?:announced|said|threatened|warned|vowed|claimed|declared|called|pledged|"
                           r"denied|stated)\b", re.IGNORECASE)


def reporting_start(published: dt.date | None) -> dt.date | None:
    return published - dt.timedelta(days=REPORTING_DAYS) if published else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def statement_span(st: Statement) -> tuple[int, int] | None:
    if st.evidence is not None:
        return st.evidence.start, st.evidence.end
    if st.points:
        return st.points[0].start, st.points[-1].end
    return None


def is_current_statement(st: Statement, ex: Extraction) -> bool:
    """Whether the statement belongs to the document's reporting period (see the module's doc)."""
    start = reporting_start(ex.document.published)
    if st.date is not None and start is not None and st.date < start:
        return False
    span = statement_span(st)
    if span is None:
        return True
    sharing = [e for e in ex.events if _overlaps(span, (e.evidence.start, e.evidence.end))]
    if any(e.salience == "main" for e in sharing):
        return True
    if sharing and all(e.salience == "background" for e in sharing):
        return False
    opening = ex.document.text[span[0]:span[1]]
    return not (_RECALL.search(opening) or _PAST_PERFECT.search(opening))


_RECALLED = re.compile(
    r"\bha(?:s|ve|d)\s+(?:\w+\s+){0,3}(?:killed|claimed|left|carried out|launched|staged|been responsible)\b|"
    r"\b(?:since|earlier this|last) (?:the )?(?:start|beginning|outbreak|year|month|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|(?:19|20)\d\d)\b|\bthis year\b|\bin (?:19|20)\d\d\b|"
    r"\b(?:\w+-year(?:-old)?|decades?-long|\w+-decade)\s+(?:war|conflict|insurgency|campaign)\b", re.IGNORECASE)


def is_recalled_event(ev: Event, ex: Extraction) -> bool:
    """Whether the document recalls the event rather than reports it as news: a background event, one dated
    before the reporting period, or one told as a record ("have killed scores this year", "since 2014")."""
    start = reporting_start(ex.document.published)
    placed = ev.placed_on
    if ev.salience == "background" or (placed is not None and start is not None and placed < start):
        return True
    return bool(_RECALLED.search(ev.evidence.text))


def is_current_event(ev: Event, ex: Extraction) -> bool:
    """Whether the event can lead: main, reported or claimed, and not recalled (see `is_recalled_event`)."""
    return ev.salience == "main" and ev.status in LEAD_STATUSES and not is_recalled_event(ev, ex)


def split_statements(ex: Extraction) -> tuple[list[Statement], list[Statement]]:
    """(current, recalled) statements, each in document order."""
    current, recalled = [], []
    for st in ex.statements:
        (current if is_current_statement(st, ex) else recalled).append(st)
    return current, recalled
