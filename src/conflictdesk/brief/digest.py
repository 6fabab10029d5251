"""The weekly digest: the week's stored documents grouped into stories and ranked by significance.

Significance = fatalities reported in the story's main events (log-scaled, the highest figure
among its documents, never summed across copies of the same news) + main events + sources
(documents, copies included) + novelty (1 when no document of the four previous weeks resembles
the story). Each story gets a neutral summary (its lead document's first sentence, attributed
and cited), its sources and the `conflictdesk brief` commands for its documents.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import BriefError
from ..records import Document, StoredEvent
from .builder import lead_sentence
from .model import Citation, Sentence
from .stories import Story, cosine, group_stories, tfidf_vectors, _doc_text

if TYPE_CHECKING:
    from ..store import Store

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
NOVELTY_WEEKS = 4
NOVELTY_THRESHOLD = 0.35


def iso_week(value: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week written "2016-W05"."""
    m = _WEEK.match(value.strip())
    if not m:
        raise BriefError(f"week {value!r} is not an ISO week like 2016-W05", code="E502")
    try:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError as exc:
        raise BriefError(f"week {value!r} does not exist: {exc}", code="E502") from None
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
class Digest:
    week: str
    start: dt.date
    end: dt.date
    documents: int
    stories: list[DigestStory] = field(default_factory=list)


def _summary(doc: Document) -> Sentence:
    lead = lead_sentence(doc.text)
    who = doc.source or "A report"
    if lead is None:
        text = doc.title or doc.id
        return Sentence(f"{who}: “{text}”", [])
    return Sentence(f"{who} reports: “{doc.text[lead[0]:lead[1]]}”", [Citation("doc", doc.id, *lead)])


def build_digest(store: "Store", *, week: str | None = None, top: int = 10, threshold: float = 0.35) -> Digest:
    """The digest of an ISO week (default: the week of the most recently published stored document)."""
    if week is None:
        latest = [d.published for d in store.list_documents(limit=200) if d.published]
        if not latest:
            raise BriefError("the store holds no dated document to digest", code="E503")
        week = week_of(max(latest))
    start, end = iso_week(week)
    docs = store.list_documents(limit=None, since=start, until=end, include_duplicates=True)
    stories = group_stories(docs, threshold=threshold)
    events = store.list_events(since=start, until=end, include_duplicates=True)
    by_doc: dict[str, list[StoredEvent]] = {}
    for s in events:
        by_doc.setdefault(s.document_id, []).append(s)
    earlier = store.list_documents(limit=None, since=start - dt.timedelta(weeks=NOVELTY_WEEKS),
                                   until=start - dt.timedelta(days=1), include_duplicates=False)
    scored = []
    for story in stories:
        main = [e for d in story.documents for e in by_doc.get(d.id, []) if e.event.salience == "main"]
        per_doc = [sum(e.event.fatalities for e in by_doc.get(d.id, [])
                       if e.event.salience == "main" and e.event.fatalities is not None)
                   for d in story.documents
                   if any(e.event.fatalities is not None for e in by_doc.get(d.id, []))]
        fatalities = max(per_doc) if per_doc else None
        mains_per_doc = max((sum(1 for e in by_doc.get(d.id, []) if e.event.salience == "main")
                             for d in story.documents), default=0)
        novel = _novel(story, earlier)
        score = (2.0 * math.log1p(fatalities or 0) + mains_per_doc + len(story.documents) + (1.0 if novel else 0.0))
        scored.append((score, story, fatalities, mains_per_doc, novel, len(main)))
    scored.sort(key=lambda x: (-x[0], x[1].first_published or dt.date.min, x[1].id))
    digest = Digest(week=week, start=start, end=end, documents=len(docs))
    for rank, (score, story, fatalities, mains, novel, _) in enumerate(scored[:top], 1):
        digest.stories.append(DigestStory(
            id=story.id, rank=rank, title=story.title, score=round(score, 3), fatalities=fatalities,
            main_events=mains, novel=novel, summary=_summary(story.lead),
            sources=[DigestSource(d.id, d.title, d.source, d.url, d.published, d.duplicate_of)
                     for d in story.documents],
            commands=[f"conflictdesk brief {d.id}" for d in story.documents if d.duplicate_of is None]))
    return digest


def _novel(story: Story, earlier: list[Document]) -> bool:
    if not earlier:
        return True
    texts = [_doc_text(story.lead)] + [_doc_text(d) for d in earlier]
    vectors = tfidf_vectors(texts)
    return all(cosine(vectors[0], v) < NOVELTY_THRESHOLD for v in vectors[1:])


# --- rendering ------------------------------------------------------------------------------
def digest_dict(digest: Digest) -> dict[str, Any]:
    def plain(obj: Any) -> Any:
        if isinstance(obj, (dt.date,)):
            return obj.isoformat()
        if isinstance(obj, Citation):
            return {"kind": obj.kind, "ref": obj.ref, "start": obj.start, "end": obj.end, "marker": obj.marker}
        if hasattr(obj, "__dataclass_fields__"):
            return {k: plain(getattr(obj, k)) for k in obj.__dataclass_fields__}
        if isinstance(obj, list):
            return [plain(x) for x in obj]
        return obj
    return plain(digest)


def render_digest_json(digest: Digest) -> str:
    return json.dumps(digest_dict(digest), ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")


def render_digest_markdown(digest: Digest) -> str:
    lines = [f"# Week's Top Stories: {digest.week} ({digest.start.isoformat()} to {digest.end.isoformat()})", "",
             f"*{digest.documents} stored documents, {len(digest.stories)} stories shown.*", ""]
    for s in digest.stories:
        facts = [f"significance {s.score}"]
        if s.fatalities is not None:
            facts.append(f"fatalities reported: {s.fatalities}")
        facts.append(f"main events: {s.main_events}")
        if s.novel:
            facts.append("new this week")
        lines += [f"## {s.rank}. {_md(s.title or s.id)}", "", f"*{'; '.join(facts)}* — `{s.id}`", "",
                  " ".join([_md(s.summary.text), *(c.marker for c in s.summary.citations)]), "", "Sources:"]
        for src in s.sources:
            label = _md(src.title or src.document_id)
            where = f" — {_md(src.source)}" if src.source else ""
            when = f", {src.published.isoformat()}" if src.published else ""
            url = f" <{src.url}>" if src.url and src.url.startswith(("http://", "https://")) else ""
            copy = f" (copy of `{src.duplicate_of}`)" if src.duplicate_of else ""
            lines.append(f"- {label}{where}{when}{url}{copy} `{src.document_id}`")
        lines += ["", "Briefs:"] + [f"- `{c}`" for c in s.commands] + [""]
    return "\n".join(lines).rstrip() + "\n"


def render_digest_html(digest: Digest) -> str:
    h = lambda t: html.escape(str(t), quote=True)  # noqa: E731
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           f"<title>Week's Top Stories {h(digest.week)}</title>",
           "<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
           ".cite,code{font-family:monospace;font-size:.75rem;color:#666}</style></head><body>",
           f"<h1>Week's Top Stories: {h(digest.week)}</h1>",
           f"<p>{h(digest.start.isoformat())} to {h(digest.end.isoformat())}; {digest.documents} stored documents.</p>"]
    for s in digest.stories:
        out.append(f"<h2>{s.rank}. {h(s.title or s.id)}</h2>")
        cites = "".join(f' <span class="cite">{h(c.marker)}</span>' for c in s.summary.citations)
        out.append(f"<p>{h(s.summary.text)}{cites}</p><ul>")
        for src in s.sources:
            link = h(src.title or src.document_id)
            if src.url and src.url.startswith(("http://", "https://")):
                link = f'<a href="{h(src.url)}">{link}</a>'
            out.append(f"<li>{link} {h(src.source or '')} <code>{h(src.document_id)}</code></li>")
        out.append("</ul>" + "".join(f"<p><code>{h(c)}</code></p>" for c in s.commands))
    out.append("</body></html>")
    return "\n".join(out) + "\n"
