"""HTML building blocks. Every value from a document, the store or the knowledge base passes
through `h` (markupsafe.escape, quotes included, bidi controls removed) before it becomes markup; links are built only
from our own paths or from http(s) URLs."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markupsafe import escape

from ..records import Extraction


# Bidirectional embedding, override and isolate controls: never shown, so that untrusted text
# cannot reverse what follows it (a title that seems to end in ".pdf").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# a path part that percent-encoding leaves as it is (checked first: cheaper than quote())
_PLAIN_PART = re.compile(r"[A-Za-z0-9_.~-]+")


def h(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute (as the templates' autoescape does),
    without bidi controls; None is empty."""
    if value is None:
        return ""
    text = str(value)
    return str(escape(text if text.isascii() else BIDI_CONTROLS.sub("", text)))


def path(*parts: str, **query: object) -> str:
    """A URL path on this site with each part percent-encoded (and a query of the non-empty values)."""
    url = "/" + "/".join(p if _PLAIN_PART.fullmatch(p) else quote(p, safe="") for p in parts)
    args = {k: v for k, v in query.items() if v not in (None, "")}
    return url + ("?" + urlencode(args) if args else "")


def link(href: str, text: object, *, cls: str | None = None) -> str:
    klass = f' class="{h(cls)}"' if cls else ""
    return f'<a href="{h(href)}"{klass}>{h(text)}</a>'


def external_link(url: str | None, text: object | None = None) -> str:
    """A link to an http(s) URL (never javascript: or data:), else the URL as plain text."""
    if not url:
        return ""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{h(url)}" rel="noopener noreferrer nofollow">{h(text or url)}</a>'
    return h(url)


NAV = (("/", "Dashboard"), ("/documents", "Documents"), ("/events", "Events"), ("/actors", "Actors"),
       ("/network", "Network"), ("/digest", "Digest"), ("/review", "Review"), ("/errors", "Errors"), ("/api", "API"))


def table(columns: Sequence[str], rows: Iterable[Sequence[str]], *, cls: str = "") -> str:
    """A table; cells are markup already escaped by the caller."""
    head = "".join(f"<th>{h(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    klass = f' class="{h(cls)}"' if cls else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --- evidence highlighting --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str        # actor, person, place, date, quantity, event, point
    note: str        # shown on hover


HIGHLIGHT_KINDS = {"actor": "actor", "person": "person", "place": "place", "date": "date",
                   "quantity": "quantity", "event": "event evidence", "point": "statement point"}


def highlights_of(ex: Extraction) -> list[Highlight]:
    """Every evidence span of an extraction, with what it is evidence of."""
    out: list[Highlight] = []
    for actor in ex.actors:
        out += [Highlight(m.start, m.end, "actor", f"actor: {actor.name} ({actor.id})") for m in actor.mentions]
    for person in ex.people:
        out += [Highlight(m.start, m.end, "person", f"person: {person.name}") for m in person.mentions]
    out += [Highlight(p.span.start, p.span.end, "place", f"place: {p.name}" + (f", {p.country}" if p.country else ""))
            for p in ex.places]
    out += [Highlight(d.span.start, d.span.end, "date", f"date: {d.date.isoformat() if d.date else 'unanchored'}")
            for d in ex.dates]
    out += [Highlight(q.span.start, q.span.end, "quantity", f"quantity: {q.qualifier} {q.value}")
            for q in ex.quantities]
    out += [Highlight(e.evidence.start, e.evidence.end, "event",
                      f"event {e.id}: {e.sub_event_type} ({e.status})") for e in ex.events]
    for st in ex.statements:
        out += [Highlight(p.start, p.end, "point", f"statement point: {', '.join(p.labels) or 'unlabelled'}")
                for p in st.points]
    return out


def highlight_text(text: str, highlights: Iterable[Highlight]) -> str:
    """The text as HTML with every highlighted stretch wrapped in <mark> elements.

    Overlapping spans are handled by cutting the text at every span boundary: each piece is
    escaped on its own and wrapped once, with the classes of all the spans covering it. Spans
    outside the text are ignored."""
    valid = [s for s in highlights if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = h(text[start:end])
        covering = [s for s in valid if s.start <= start and end <= s.end]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({s.kind for s in covering})
        notes = "; ".join(dict.fromkeys(s.note for s in covering))
        out.append(f'<mark class="{" ".join("hl-" + k for k in kinds)}" title="{h(notes)}">{piece}</mark>')
    return "".join(out)


def short(text: str | None, n: int = 110) -> str:
    """Whitespace collapsed, cut to `n` characters with an ellipsis."""
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"
