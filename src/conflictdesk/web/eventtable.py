"""The events table several pages share (events, document, actor pages), built in Python rather
than in a template loop: at 50 rows a page it was half the events page's rendering time. Every
value passes through `h` (escaped, bidi controls removed), as the templates' autoescape would;
actor links come from `Names.link` (markup already escaped)."""
from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from ..records import StoredEvent
from .markup import h, path, short
from .names import Names

HEAD = ("<table class=\"events\"><thead><tr><th>date</th><th>event</th><th>actors</th><th>location</th>"
        "<th>fatalities</th><th title=\"the coder's probability that the event is right\">confidence</th>"
        "<th>status</th><th>{last}</th></tr></thead><tbody>\n")


def _distinct(values: Sequence[str | None]) -> list[str]:
    """The non-empty values, each once (case-insensitively, the first spelling kept)."""
    seen: set[str] = set()
    out = []
    for value in values:
        if value and value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return out


def _row(s: StoredEvent, names: Names, evidence: bool) -> str:
    ev = s.event
    when = h(ev.event_date) if ev.event_date else f"{h(ev.event_month)} (month)" if ev.event_month else \
        (f"{h(s.published)} (published)" if s.published else "")
    side1 = ", ".join(names.link(a) for a in [ev.actor1, *ev.assoc_actor_1] if a)
    side2 = [a for a in [ev.actor2, *ev.assoc_actor_2] if a]
    actors = side1 + (' <span class="vs">vs</span> ' + ", ".join(names.link(a) for a in side2) if side2 else "")
    status = f'<span class="status-{h(ev.status)}">{h(ev.status)}</span>'
    if ev.salience == "background":
        status += ' <span class="muted">background</span>'
    if ev.review:
        status += f' <span class="review-{h(ev.review)}">{h(ev.review)}</span>'
    status += f' <a class="review-link" href="{h(path("review", "events", s.document_id, ev.id))}">review</a>'
    if evidence:
        last = f'<td><q dir="auto">{h(short(ev.evidence.text, 220))}</q></td>'
    else:
        last = (f'<td><bdi><a href="{h(path("documents", s.document_id))}">'
                f'{h(short(s.title or s.document_id, 60))}</a></bdi></td>')
    return (f"<tr><td>{when}</td>\n<td>{h(ev.sub_event_type)}<br><span class=\"muted\">{h(ev.event_type)}</span></td>\n"
            f"<td>{actors}</td>\n<td><bdi>{h(', '.join(_distinct([ev.location, ev.admin1, ev.country])))}</bdi></td>\n"
            f"<td>{'' if ev.fatalities is None else h(ev.fatalities)}</td>\n<td>{h(percent(ev.confidence))}</td>\n"
            f"<td>{status}</td>\n{last}\n</tr>\n")


def percent(confidence: float | None) -> str:
    """A confidence as a whole percentage ("87%"); empty when the coder gave none."""
    return "" if confidence is None else f"{round(confidence * 100)}%"


def events_table(found: Sequence[StoredEvent], names: Names, evidence: bool = False) -> Markup:
    if not found:
        return Markup('<p class="empty">No events.</p>')
    rows = "".join(_row(s, names, evidence) for s in found)
    return Markup(HEAD.format(last="evidence" if evidence else "document") + rows + "</tbody></table>")
