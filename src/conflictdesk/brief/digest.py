"""The weekly digest: the week's conflict stories, reports of one incident grouped, ranked by significance.

Stories: `group_stories` over the week's documents, with the reports of one incident linked
(`incidents.incident_links`: the same death toll in the same country, the same place and day, or the
same rare names in title and lead). A story is listed only when the lead of one of its documents
reports a current conflict event (`incidents.lead_event`); the others (lifestyle, business, opinion,
court follow-ups, crime news without an organised actor) are counted as left out.

Significance = 3 x log(1 + the toll of the story's lead incident, counted once: the highest credible
figure at its place among its documents, never summed across copies or retellings; for a lead no event
was coded from, the toll its lead sentence states)
+ 2 when its documents report or recall political violence (battles, explosions/remote violence,
  violence against civilians, reported or claimed)
+ its main events (at most 3, counted in its richest document)
+ 1.5 x log2(1 + its documents, copies included)
+ novelty (1 when no document of the four previous weeks resembles the story).
So a deadly attack reported once outranks a feature story syndicated five times. Each story gets a
title (its lead document's, else the opening words of its lead), a neutral summary (the lead
document's first sentence, attributed, with a numbered note), its sources and the `conflictdesk
brief` commands for its documents.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import BriefError, Code
from ..records import Document, StoredEvent
from ..taxonomy import ARMED_VIOLENCE, EVENT_TYPE_COLOURS, colour
from .builder import display_title, lead_sentence
from .incidents import headline, incident_links, lead_event, lead_toll, story_fatalities, uncoded_conflict_lead
from .model import Citation, Sentence
from .render import html_escape, md_escape, md_url
from .stories import Story, _doc_text, group_stories, similarities, tfidf_vectors

if TYPE_CHECKING:
    from ..store import Store

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
NOVELTY_WEEKS = 4
MAX_MAIN_EVENTS_SCORED = 3
MAX_EVENT_FATALITIES = 1000      # above this, a figure in the news is a cumulative toll, not one event's
_DEATH_WORDS = re.compile(r"\b(?:kill\w*|dead|deaths?|died|dies|dying|toll|bodies|lives|slain|massacre\w*|"
                          r"executed|fatalit\w+|perish\w*)\b", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\bha(?:s|ve)\s+(?:\w+\s+){0,2}(?:killed|claimed|left)\b|\bsince\s+(?:the\s+)?"
                         r"(?:start|beginning|outbreak|war|conflict|\d{4})\b|\b(?:in|since)\s+(?:19|20)\d\d\b|"
                         r"\b\w+-year(?:-old)?\s+(?:war|conflict|insurgency)\b", re.IGNORECASE)
NOVELTY_THRESHOLD = 0.35


def iso_week(value: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week written "2016-W05"."""
    m = _WEEK.match(value.strip())
    if not m:
        raise BriefError(f"week {value!r} is not an ISO week like 2016-W05", code=Code.BAD_WEEK)
    try:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError as exc:
        raise BriefError(f"week {value!r} does not exist: {exc}", code=Code.BAD_WEEK) from None
    return monday, monday + dt.timedelta(days=6)


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(slots=True)
class DigestSource:
    document_id: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    duplicate_of: str | None


@dataclass(slots=True)
class DigestStory:
    id: str
    rank: int
    title: str | None
    score: float
    fatalities: int | None
    main_events: int
    novel: bool
    summary: Sentence
    sources: list[DigestSource] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DayCount:
    """Events of one day of the week by ACLED event type (one event per original document: copies of the
    same news are not counted twice)."""

    day: dt.date
    by_type: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Digest:
    week: str
    start: dt.date
    end: dt.date
    documents: int
    stories: list[DigestStory] = field(default_factory=list)
    days: list[DayCount] = field(default_factory=list)
    left_out: int = 0                 # stories of the week that are not conflict news (see incidents.py)
    unextracted: int = 0              # documents stored without extraction: the digest cannot judge them


def _summary(doc: Document) -> Sentence:
    lead = lead_sentence(doc.text)
    who = doc.source or "A report"
    if lead is None:
        text = doc.title or doc.id
        return Sentence(f"{who}: “{text}”", [])
    return Sentence(f"{who} reports: “{' '.join(doc.text[lead[0]:lead[1]].split())}”",
                    [Citation("doc", doc.id, *lead, quote=doc.text[lead[0]:lead[1]])])


def _lead_document(docs: list[Document], tolls: list[int | None], toll: int | None) -> Document:
    """The report that leads a story: one whose lead sentence states the story's toll, then one with a title,
    then the highest toll, then the earliest (the breaking report over a later feature on the gunman)."""
    def key(item: tuple[Document, int | None]) -> tuple[bool, bool, int, float]:
        doc, own = item
        lead = lead_sentence(doc.text)
        sentence = doc.text[lead[0]:lead[1]] if lead else ""
        states = toll is not None and any(re.search(rf"\b{t}\b", sentence) for t in (toll, toll - 1, own) if t)
        return (states, doc.title is not None, own or 0, -(doc.published or dt.date.min).toordinal())
    return max(zip(docs, tolls), key=key)[0]


def _story_title(story: Story, lead: Document) -> str:
    """The lead report's headline; when the lead report has no title (wire copy often comes without), the
    earliest report's that has one ("British lawmaker dies after shooting and stabbing attack that stuns
    nation" over the opening words of a later report)."""
    if lead.title:
        return headline(lead)
    titled = [d for d in story.documents if d.title and d.duplicate_of is None]
    return headline(titled[0]) if titled else headline(lead)


def build_digest(store: "Store", *, week: str | None = None, top: int = 10, threshold: float = 0.35) -> Digest:
    """The digest of an ISO week (default: the week of the most recently published stored document): the
    week's conflict stories, reports of one incident grouped, ranked by significance."""
    if week is None:
        latest = [d.published for d in store.list_documents(limit=200) if d.published]
        if not latest:
            raise BriefError("the store holds no dated document to digest", code=Code.NOTHING_TO_DIGEST)
        week = week_of(max(latest))
    start, end = iso_week(week)
    docs = store.list_documents(limit=None, since=start, until=end, include_duplicates=True)
    events = store.list_events(since=start, until=end, include_duplicates=True)
    by_doc: dict[str, list[StoredEvent]] = {}     # every event of the week's documents, whatever its date
    for s in store.list_events(documents=[d.id for d in docs], include_duplicates=True) if docs else []:
        by_doc.setdefault(s.document_id, []).append(s)
    stories = group_stories(docs, threshold=threshold, links=incident_links(docs, by_doc))
    earlier = store.list_documents(limit=None, since=start - dt.timedelta(weeks=NOVELTY_WEEKS),
                                   until=start - dt.timedelta(days=1), include_duplicates=False)
    listed = []
    for story in stories:
        originals = [d for d in story.documents if d.duplicate_of is None] or story.documents
        news = [(d, lead_event(d, by_doc.get(d.id, []))) for d in originals]
        news = [(d, e) for d, e in news if e is not None or uncoded_conflict_lead(d)]
        if news:
            listed.append((story, news))
    left_out = len(stories) - len(listed)
    novel_ids = novel_stories([story for story, _ in listed], earlier)
    scored = []
    for story, news in listed:
        figures = [(e, f) for d in story.documents for e in by_doc.get(d.id, [])
                   if (f := credible_fatalities(e)) is not None]
        tolls = [story_fatalities(e, figures) if e is not None else lead_toll(d) for d, e in news]
        fatalities = max((t for t in tolls if t is not None), default=None)
        lead_doc = _lead_document([d for d, _ in news], tolls, fatalities)
        mains_per_doc = max((sum(1 for e in by_doc.get(d.id, []) if e.event.salience == "main")
                             for d in story.documents), default=0)
        novel = story.id in novel_ids
        violent = any(e.event.event_type in ARMED_VIOLENCE and e.event.status in ("reported", "claimed")
                      for d in story.documents for e in by_doc.get(d.id, [])) or any(t for t in tolls)
        score = (3.0 * math.log1p(fatalities or 0) + (2.0 if violent else 0.0)
                 + min(mains_per_doc, MAX_MAIN_EVENTS_SCORED) + 1.5 * math.log2(1 + len(story.documents))
                 + (1.0 if novel else 0.0))
        scored.append((score, story, lead_doc, fatalities, mains_per_doc, novel))
    scored.sort(key=lambda x: (-x[0], x[1].first_published or dt.date.min, x[1].id))
    unextracted = sum(1 for d in docs if d.duplicate_of is None and not store.is_extracted(d.id))
    digest = Digest(week=week, start=start, end=end, documents=len(docs), left_out=left_out,
                    unextracted=unextracted,
                    days=_days(start, end, events, {d.id for d in docs if d.duplicate_of is None}))
    for rank, (score, story, lead_doc, fatalities, mains, novel) in enumerate(scored[:top], 1):
        digest.stories.append(DigestStory(
            id=story.id, rank=rank, title=_story_title(story, lead_doc), score=round(score, 3), fatalities=fatalities,
            main_events=mains, novel=novel, summary=_summary(lead_doc),
            sources=[DigestSource(d.id, display_title(d), d.source, d.url, d.published, d.duplicate_of)
                     for d in story.documents],
            commands=[f"conflictdesk brief {d.id}" for d in story.documents if d.duplicate_of is None]))
    return digest


def credible_fatalities(stored: StoredEvent) -> int | None:
    """The event's fatalities when they can rank a story: a main, reported (or claimed) event whose evidence
    speaks of deaths, not a cumulative toll ("the conflict has killed 250,000 since 2011") and not above
    `MAX_EVENT_FATALITIES`. Otherwise None (the figure stays in the store; it just does not rank)."""
    ev = stored.event
    if ev.fatalities is None or ev.salience != "main" or ev.status not in ("reported", "claimed"):
        return None
    if ev.fatalities > MAX_EVENT_FATALITIES:
        return None
    text = ev.evidence.text
    if not _DEATH_WORDS.search(text) or _CUMULATIVE.search(text):
        return None
    if re.search(rf"\b{ev.fatalities}[- ](?:year|month|week|day)s?[- ]old\b", text, re.IGNORECASE):
        return None                 # "the death of 26-year-old Mario Woods" is one death, not 26
    return ev.fatalities


def _days(start: dt.date, end: dt.date, events: list[StoredEvent], originals: set[str]) -> list[DayCount]:
    """Events per day of the week by type: each event on its own date when that falls in the week, else on
    its document's publication date; events of copies (near-duplicates) are left out."""
    days = [DayCount(start + dt.timedelta(days=i)) for i in range(7)]
    for s in events:
        if s.document_id not in originals:
            continue
        placed = s.event.placed_on
        day = placed if placed and start <= placed <= end else s.published
        if day is None or not start <= day <= end:
            continue
        counts = days[(day - start).days].by_type
        counts[s.event.event_type] = counts.get(s.event.event_type, 0) + 1
    return days


def novel_stories(stories: list[Story], earlier: list[Document]) -> set[str]:
    """The ids of the stories whose lead no earlier document resembles (TF-IDF cosine under
    `NOVELTY_THRESHOLD`). One TF-IDF over the leads and the earlier documents serves the whole digest (a
    store that has followed the news holds hundreds of earlier documents: weighing them again for each
    story made the digest take most of a minute)."""
    if not earlier:
        return {s.id for s in stories}
    if not stories:
        return set()
    vectors = tfidf_vectors([_doc_text(s.lead) for s in stories] + [_doc_text(d) for d in earlier])
    closest = similarities(vectors[:len(stories)], vectors[len(stories):]).max(axis=1)
    return {s.id for s, c in zip(stories, closest) if c < NOVELTY_THRESHOLD}


# --- rendering ------------------------------------------------------------------------------
def digest_dict(digest: Digest) -> dict[str, Any]:
    def plain(obj: Any) -> Any:
        if isinstance(obj, (dt.date,)):
            return obj.isoformat()
        if isinstance(obj, Citation):
            return {"kind": obj.kind, "ref": obj.ref, "start": obj.start, "end": obj.end, "quote": obj.quote,
                    "marker": obj.marker}
        if hasattr(obj, "__dataclass_fields__"):
            return {k: plain(getattr(obj, k)) for k in obj.__dataclass_fields__}
        if isinstance(obj, list):
            return [plain(x) for x in obj]
        return obj
    return plain(digest)


def render_digest_json(digest: Digest) -> str:
    return json.dumps(digest_dict(digest), ensure_ascii=False, indent=2) + "\n"


def render_digest_markdown(digest: Digest) -> str:
    notes = _notes(digest)
    lines = [f"# Week's Top Stories: {digest.week} ({digest.start.isoformat()} to {digest.end.isoformat()})", "",
             f"*{digest.documents} stored documents, {len(digest.stories)} stories shown"
             + (f"; {digest.left_out} stories left out as not conflict news" if digest.left_out else "") + ".*", ""]
    if digest.unextracted:
        lines += [f"*{digest.unextracted} documents were stored without extraction, so the digest cannot tell "
                  "whether they report conflict; extract them (`conflictdesk ingest` without `--no-extract`).*", ""]
    per_day = [f"{d.day.strftime('%a %d')}: {sum(d.by_type.values())}"
               + (" (" + ", ".join(f"{t} {n}" for t, n in sorted(d.by_type.items())) + ")" if d.by_type else "")
               for d in digest.days]
    if any(d.by_type for d in digest.days):
        lines += ["Events per day: " + "; ".join(per_day) + ".", ""]
    for s in digest.stories:
        facts = [f"significance {s.score}"]
        if s.fatalities is not None:
            facts.append(f"fatalities reported: {s.fatalities}")
        facts.append(f"main events: {s.main_events}")
        if s.novel:
            facts.append("new this week")
        lines += [f"## {s.rank}. {md_escape(s.title or s.id)}", "", f"*{'; '.join(facts)}* — `{s.id}`", "",
                  md_escape(s.summary.text) + "".join(f" [{notes.index(c) + 1}]" for c in s.summary.citations), "",
                  "Sources:"]
        for src in s.sources:
            label = md_escape(src.title or src.document_id)
            where = f" — {md_escape(src.source)}" if src.source else ""
            when = f", {src.published.isoformat()}" if src.published else ""
            url = f" {md_url(src.url)}" if src.url and src.url.lower().startswith(("http://", "https://")) else ""
            copy = f" (copy of `{src.duplicate_of}`)" if src.duplicate_of else ""
            lines.append(f"- {label}{where}{when}{url}{copy} `{src.document_id}`")
        lines += ["", "Briefs:"] + [f"- `{c}`" for c in s.commands] + [""]
    if notes:
        lines += ["## Notes", ""] + [f"{i}. {_note(c)}" for i, c in enumerate(notes, 1)] + [""]
    return "\n".join(lines).rstrip() + "\n"


def _notes(digest: Digest) -> list[Citation]:
    return list(dict.fromkeys(c for s in digest.stories for c in s.summary.citations))


def _note(c: Citation) -> str:
    return f"document `{c.ref}`, characters {c.start}–{c.end}"


def timeline_svg(digest: Digest, *, width: int = 560, height: int = 200) -> str:
    """An inline SVG bar chart of the week's events per day, stacked by event type, with a legend.
    Built by hand (no library); every text is escaped; no script, no external reference."""
    h = html_escape
    types = sorted({t for d in digest.days for t in d.by_type},
                   key=lambda t: (list(EVENT_TYPE_COLOURS).index(t) if t in EVENT_TYPE_COLOURS else 99, t))
    top = max((sum(d.by_type.values()) for d in digest.days), default=0)
    left, bottom, legend_h = 30, 40, 18 * ((len(types) + 1) // 2)
    plot_h = height - bottom - 10
    total_h = height + legend_h
    slot = (width - left - 10) / max(1, len(digest.days))
    bar_w = slot * 0.6
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="{width}" '
           f'height="{total_h}" viewBox="0 0 {width} {total_h}">',
           f"<title>{h('Events per day by type, ' + digest.week)}</title>",
           f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 10}" y2="{10 + plot_h}" stroke="#333"/>',
           f'<text x="{left - 4}" y="{10 + plot_h}" font-size="10" text-anchor="end">0</text>']
    if top:
        out.append(f'<text x="{left - 4}" y="18" font-size="10" text-anchor="end">{top}</text>')
    for i, day in enumerate(digest.days):
        x = left + i * slot + (slot - bar_w) / 2
        y = 10.0 + plot_h
        for t in types:
            n = day.by_type.get(t, 0)
            if not n:
                continue
            bar = plot_h * n / top
            y -= bar
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{bar:.1f}" '
                       f'fill="{colour(t)}"><title>{h(f"{day.day.isoformat()}: {n} {t}")}'
                       f"</title></rect>")
        total = sum(day.by_type.values())
        if total:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle">'
                       f"{total}</text>")
        out.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 24}" font-size="10" text-anchor="middle">'
                   f"{h(day.day.strftime('%a %d'))}</text>")
    for j, t in enumerate(types):
        lx, ly = left + (j % 2) * (width - left) / 2, height + 18 * (j // 2)
        out.append(f'<rect x="{lx:.1f}" y="{ly - 9}" width="10" height="10" '
                   f'fill="{colour(t)}"/>'
                   f'<text x="{lx + 14:.1f}" y="{ly}" font-size="11">{h(t)}</text>')
    if not types:
        out.append(f'<text x="{width / 2:.0f}" y="{10 + plot_h / 2:.0f}" font-size="12" text-anchor="middle">'
                   "No stored event this week</text>")
    out.append("</svg>")
    return "\n".join(out)


def render_digest_html(digest: Digest) -> str:
    h = html_escape
    notes = _notes(digest)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           f"<title>Week's Top Stories {h(digest.week)}</title>",
           "<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
           ".cite,code{font-family:monospace;font-size:.75rem;color:#666}</style></head><body>",
           f"<h1>Week's Top Stories: {h(digest.week)}</h1>",
           f"<p>{h(digest.start.isoformat())} to {h(digest.end.isoformat())}; {digest.documents} stored documents"
           + (f"; {digest.left_out} stories left out as not conflict news" if digest.left_out else "") + ".</p>",
           "<h2>Events per day</h2>", timeline_svg(digest)]
    for s in digest.stories:
        out.append(f"<h2>{s.rank}. {h(s.title or s.id)}</h2>")
        cites = "".join(f'<sup><a href="#note-{notes.index(c) + 1}" title="{h(_note(c).replace("`", ""))}">'
                        f"{notes.index(c) + 1}</a></sup>" for c in s.summary.citations)
        out.append(f"<p>{h(s.summary.text)}{cites}</p><ul>")
        for src in s.sources:
            link = h(src.title or src.document_id)
            if src.url and src.url.startswith(("http://", "https://")):
                link = f'<a href="{h(src.url)}">{link}</a>'
            out.append(f"<li>{link} {h(src.source or '')} <code>{h(src.document_id)}</code></li>")
        out.append("</ul>" + "".join(f"<p><code>{h(c)}</code></p>" for c in s.commands))
    if notes:
        out.append("<h2>Notes</h2><ol>" + "".join(f'<li id="note-{i}">{h(_note(c).replace("`", ""))}</li>'
                                                  for i, c in enumerate(notes, 1)) + "</ol>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
