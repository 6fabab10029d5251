"""Inline SVG charts of stored events, drawn from the counts the database makes: the colours of
ACLED's event types, their legend, and the timeline (events per day, week or month, stacked by
type, each bar a link to its events). Every piece of text is escaped; colours are presentation
attributes, so the pages need no inline style. The map is `mapview.py`."""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..store import DayCount
from ..taxonomy import EVENT_TYPE_COLOURS, colour
from .markup import h

def fmt(value: float) -> str:
    """A coordinate with at most one decimal."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def legend(types: Sequence[str] | None = None) -> str:
    """An HTML legend of event-type colours (all six types, or those given)."""
    shown = list(types) if types else list(EVENT_TYPE_COLOURS)
    items = "".join(f'<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" '
                    f'fill="{colour(t)}"/></svg> {h(t)}</li>' for t in shown)
    return f'<ul class="legend">{items}</ul>'


# --- timeline ---------------------------------------------------------------------------------
def bin_unit(first: dt.date, last: dt.date) -> str:
    """Bars per day up to two months, per week up to two years, else per month."""
    span = (last - first).days
    return "day" if span <= 62 else "week" if span <= 731 else "month"


def bucket(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def next_bucket(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day + dt.timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Range:
    """The dates a timeline shows, and how many events fall before and after them."""

    first: dt.date
    last: dt.date
    before: int = 0
    after: int = 0


def _densest(ordered: Sequence[DayCount], share: float) -> tuple[dt.date, dt.date]:
    """The shortest stretch of days holding `share` of the events."""
    total = sum(d.count for d in ordered)
    best = (ordered[0].day, ordered[-1].day)
    running, j = 0, 0
    for i, start in enumerate(ordered):
        while j < len(ordered) and running < share * total:
            running += ordered[j].count
            j += 1
        if running < share * total:
            break
        if (ordered[j - 1].day - start.day) < (best[1] - best[0]):
            best = (start.day, ordered[j - 1].day)
        running -= start.count
    return best


def fit_range(days: Sequence[DayCount], *, since: dt.date | None = None, until: dt.date | None = None,
              share: float = 0.95) -> Range | None:
    """The range to chart: the filter's dates where given; otherwise the events' dates, but when
    the shortest stretch holding `share` of them (widened by a quarter) is less than half the whole
    range, that stretch: a few events dated years back must not squash the rest into two bars."""
    if not days:
        return None
    ordered = sorted(days, key=lambda d: d.day)
    first, last = since or ordered[0].day, until or ordered[-1].day
    if (since is None or until is None) and share < 1:
        lo, hi = _densest(ordered, share)
        pad = max(dt.timedelta(days=7), (hi - lo) / 4)
        lo = min(d.day for d in ordered if d.day >= lo - pad)
        hi = max(d.day for d in ordered if d.day <= hi + pad)
        if (hi - lo).days * 2 < (last - first).days:
            first, last = (since or lo), (until or hi)
    before = sum(d.count for d in days if d.day < first)
    after = sum(d.count for d in days if d.day > last)
    return Range(first, last, before, after)


def event_timeline(days: Sequence[DayCount], shown: Range, *, link: Callable[[dt.date, dt.date], str],
                   width: float = 860, height: float = 220) -> str:
    """An inline SVG bar chart of the events in `shown`, stacked by event type; each bar links to
    its events (`link(first_day, last_day)`)."""
    unit = bin_unit(shown.first, shown.last)
    counts: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for d in days:
        if shown.first <= d.day <= shown.last:
            counts[bucket(d.day, unit)][d.event_type] += d.count
    if not counts:
        return '<p class="empty">No dated events to chart.</p>'
    buckets = []
    day = bucket(shown.first, unit)
    while day <= shown.last:
        buckets.append(day)
        day = next_bucket(day, unit)
    left, bottom, top = 34.0, 24.0, 8.0
    plot_w, plot_h = width - left - 6, height - bottom - top
    peak = max(sum(c.values()) for c in counts.values())
    slot = plot_w / len(buckets)
    bar = max(1.0, slot * 0.8)
    out = [f'<svg class="timeline" viewBox="0 0 {fmt(width)} {fmt(height)}" role="img" '
           f'aria-label="Events per {unit}" xmlns="http://www.w3.org/2000/svg">']
    for tick in sorted({0, peak // 2, peak}):
        y = top + plot_h - plot_h * tick / peak
        out.append(f'<line class="grid" x1="{fmt(left)}" y1="{fmt(y)}" x2="{fmt(width - 6)}" y2="{fmt(y)}"/>'
                   f'<text class="axis" x="{fmt(left - 4)}" y="{fmt(y + 4)}" text-anchor="end">{tick}</text>')
    seen = {t for c in counts.values() for t in c}
    order = list(EVENT_TYPE_COLOURS) + sorted(seen - set(EVENT_TYPE_COLOURS))
    label_every = max(1, math.ceil(len(buckets) / 8))
    for i, start in enumerate(buckets):
        x = left + i * slot + (slot - bar) / 2
        base = top + plot_h
        here = counts.get(start, Counter())
        end = min(next_bucket(start, unit) - dt.timedelta(days=1), shown.last)
        when = start.isoformat() if unit == "day" else f"{unit} of {start.isoformat()}"
        rects = []
        for event_type in order:
            n = here.get(event_type, 0)
            if not n:
                continue
            bar_h = plot_h * n / peak
            base -= bar_h
            rects.append(f'<rect x="{fmt(x)}" y="{fmt(base)}" width="{fmt(bar)}" height="{fmt(bar_h)}" '
                         f'fill="{colour(event_type)}"><title>{h(when)}: {n} {h(event_type)}</title></rect>')
        if rects:
            out.append(f'<a class="bar" href="{h(link(max(start, shown.first), end))}">{"".join(rects)}</a>')
        if i % label_every == 0:
            text = start.strftime("%Y-%m") if unit == "month" else start.isoformat()
            out.append(f'<text class="axis" x="{fmt(left + i * slot + slot / 2)}" y="{fmt(height - 6)}" '
                       f'text-anchor="middle">{text}</text>')
    out.append(f'<line class="axis-line" x1="{fmt(left)}" y1="{fmt(top + plot_h)}" x2="{fmt(width - 6)}" '
               f'y2="{fmt(top + plot_h)}"/></svg>')
    return "".join(out)
