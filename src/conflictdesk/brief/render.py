"""Renderers of a brief: Markdown, a small self-contained HTML page (all text escaped, no
script), and JSON.

Citations become numbered notes: `[1]` after a sentence and a Notes list (Markdown), a superscript
link whose tooltip quotes the evidence (HTML), `notes` fields (JSON). Cue and rule ids appear only
in the Evidence appendix (and in JSON)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from typing import Any

from .model import MARKER, Brief, BriefPoint, Citation, Sentence
from .wording import labels_phrase


def md_escape(text: str) -> str:
    """Neutralise Markdown that document text could inject (links, images, HTML)."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")


def md_url(url: str | None) -> str:
    """An http(s) URL as a Markdown autolink `<...>`; anything else (or a URL that could close
    the autolink) as escaped text."""
    if not url:
        return ""
    if url.lower().startswith(("http://", "https://")) and not any(c in url for c in "<> \t\n\r"):
        return f"<{url}>"
    return md_escape(url)


# Bidirectional embedding, override and isolate controls: dropped from HTML so that document
# text cannot reverse what follows it (a title that seems to end in ".pdf").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def html_escape(value: object) -> str:
    """Any value escaped for HTML text or a quoted attribute, without bidi controls."""
    return html.escape(BIDI_CONTROLS.sub("", str(value)), quote=True)


class Notes:
    """The brief's citations numbered in order of first use; a rewritten sentence's inline markers map to
    the same numbers."""

    def __init__(self, brief: Brief) -> None:
        self.cites = brief.notes()
        self.number = {c: i for i, c in enumerate(self.cites, 1)}
        self.by_marker = {c.marker: i for c, i in self.number.items()}

    def refs(self, cites: list[Citation]) -> list[int]:
        return list(dict.fromkeys(self.number[c] for c in cites if c in self.number))

    def describe(self, c: Citation, brief: Brief) -> str:
        """A note's plain text: the quoted evidence and where it is, or the knowledge base's source."""
        if c.kind == "kb":
            return f"Knowledge base, entry {c.ref}: {c.source or 'no source recorded'}"
        where = "this document" if c.ref == brief.document_id else f"document {c.ref}"
        quote = " ".join((c.quote or "").split())
        return (f"“{quote}” — " if quote else "") + f"{where}, characters {c.start}–{c.end}"


def _split_inline(text: str, notes: Notes) -> list[tuple[str, int | None]]:
    """Text and note numbers in order, for a sentence whose citation markers are inline (a rewrite)."""
    out: list[tuple[str, int | None]] = []
    last = 0
    for m in MARKER.finditer(text):
        out.append((text[last:m.start()], notes.by_marker.get(m.group(0))))
        last = m.end()
    out.append((text[last:], None))
    return out


def _md_refs(numbers: list[int]) -> str:
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""


def _md_sentence(s: Sentence, notes: Notes) -> str:
    if MARKER.search(s.text):
        pieces = []
        for part, n in _split_inline(s.text, notes):
            text = md_escape(part)
            pieces.append(text.rstrip() + _md_refs([n]) if n else text)
        return "".join(pieces).strip()
    return md_escape(s.text) + _md_refs(notes.refs(s.citations))


def _paragraphs(sentences: list[Sentence]) -> list[tuple[str, list[Sentence]]]:
    """Consecutive sentences of one group as one paragraph (with the group's run-in head)."""
    out: list[tuple[str, list[Sentence]]] = []
    for s in sentences:
        if s.group and out and out[-1][0] == s.group:
            out[-1][1].append(s)
        else:
            out.append((s.group, [s]))
    return out


def _point_line(p: BriefPoint) -> str:
    """A point's labels, stated once: "call to action, incitement against Jews and justification"."""
    return labels_phrase(p.labels, p.targets)


def render_markdown(brief: Brief) -> str:
    notes = Notes(brief)
    lines = [f"# {md_escape(brief.title or brief.document_id)}", ""]
    meta = []
    if brief.published:
        meta.append(f"published {brief.published.isoformat()}")
    if brief.source:
        meta.append(md_escape(brief.source))
    if brief.url:
        meta.append(md_url(brief.url))
    meta.append(f"document `{brief.document_id}`")
    lines += ["*" + " · ".join(meta) + "*", ""]
    if not brief.store_consulted:
        lines += ["*Built from this document and the knowledge base; no store of earlier reporting was consulted.*",
                  ""]
    for section in brief.sections:
        lines += [f"## {section.title}", ""]
        for group, sentences in _paragraphs(section.sentences):
            head = f"**{md_escape(group)}** " if group else ""
            lines += [head + " ".join(_md_sentence(s, notes) for s in sentences), ""]
        for st in section.statements:
            lines += [f"### {_md_sentence(st.heading, notes)}", ""]
            for p in st.points:
                shown = f"(reported) {md_escape(point_text(p))}" if p.reported else f"“{md_escape(point_text(p))}”"
                labels = _point_line(p)
                lines.append(f"{p.number}. {shown}" + (f" — **{md_escape(labels)}**" if labels else "")
                             + _md_refs(notes.refs([p.citation])))
            lines.append("")
        for sentence in section.after:
            lines += [_md_sentence(sentence, notes), ""]
    if brief.method != "deterministic":
        lines += [f"*Text: {brief.method}; every citation checked against the deterministic brief.*", ""]
    if notes.cites:
        lines += ["## Notes", ""]
        lines += [f"{n}. {md_escape(notes.describe(c, brief))}" for c, n in notes.number.items()]
        lines.append("")
    if brief.evidence:
        lines += ["## Evidence", "", "*How each record was coded: rule and cue ids, and the raw citation.*", ""]
        for e in brief.evidence:
            rules = ", ".join(f"`{r}`" for r in e.rules) or "no rule recorded"
            lines.append(f"- {e.kind} `{e.record}`: {md_escape(e.summary)}; {rules}; `{e.citation.marker}`")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def markdown_body(markdown: str) -> str:
    """The reader's part of a Markdown brief: everything before its Notes and Evidence."""
    return re.split(r"^## (?:Notes|Evidence)$", markdown, maxsplit=1, flags=re.M)[0]


_CSS = """body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1rem}
sup a{text-decoration:none}.labels{font-weight:bold}.meta{color:#555}.notes,.evidence{font-size:.85rem}
.evidence code{font-size:.75rem;color:#555}
blockquote{margin:.3rem 0 .8rem 1rem;padding-left:.8rem;border-left:3px solid #bbb}"""


def _html_refs(numbers: list[int], notes: Notes, brief: Brief) -> str:
    return "".join(f'<sup><a href="#note-{n}" title="{html_escape(notes.describe(notes.cites[n - 1], brief))}">'
                   f"{n}</a></sup>" for n in numbers)


def _html_sentence(s: Sentence, notes: Notes, brief: Brief) -> str:
    if MARKER.search(s.text):
        return "".join(html_escape(part) + (_html_refs([n], notes, brief) if n else "")
                       for part, n in _split_inline(s.text, notes))
    return html_escape(s.text) + _html_refs(notes.refs(s.citations), notes, brief)


def render_html(brief: Brief) -> str:
    notes = Notes(brief)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           f"<title>{html_escape(brief.title or brief.document_id)}</title><style>{_CSS}</style></head><body>",
           f"<h1><bdi>{html_escape(brief.title or brief.document_id)}</bdi></h1>"]
    out.append(brief_body_html(brief, notes))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def brief_body_html(brief: Brief, notes: Notes | None = None) -> str:
    """The brief's HTML without the page around it (meta line, sections, notes, evidence)."""
    notes = notes or Notes(brief)
    out = []
    meta = []
    if brief.published:
        meta.append(f"published {brief.published.isoformat()}")
    if brief.source:
        meta.append(html_escape(brief.source))
    if brief.url:
        meta.append(html_escape(brief.url))
    meta.append(f"document {html_escape(brief.document_id)}")
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if not brief.store_consulted:
        out.append('<p class="meta">Built from this document and the knowledge base; no store of earlier '
                   "reporting was consulted.</p>")
    for section in brief.sections:
        out.append(f"<h2>{html_escape(section.title)}</h2>")
        for group, sentences in _paragraphs(section.sentences):
            head = f"<strong>{html_escape(group)}</strong> " if group else ""
            out.append(f"<p>{head}{' '.join(_html_sentence(s, notes, brief) for s in sentences)}</p>")
        for st in section.statements:
            out.append(f"<h3>{_html_sentence(st.heading, notes, brief)}</h3><ol>")
            for p in st.points:
                labels = _point_line(p)
                shown = f"(reported) {html_escape(point_text(p))}" if p.reported else html_escape(point_text(p))
                out.append(f"<li><blockquote>{shown}</blockquote>"
                           + (f'<span class="labels">{html_escape(labels)}</span>' if labels else "")
                           + f"{_html_refs(notes.refs([p.citation]), notes, brief)}</li>")
            out.append("</ol>")
        for sentence in section.after:
            out.append(f"<p>{_html_sentence(sentence, notes, brief)}</p>")
    if brief.method != "deterministic":
        out.append(f'<p class="meta">Text: {html_escape(brief.method)}; every citation checked against the '
                   "deterministic brief.</p>")
    if notes.cites:
        out.append('<h2>Notes</h2><ol class="notes">')
        out += [f'<li id="note-{n}">{html_escape(notes.describe(c, brief))}</li>' for c, n in notes.number.items()]
        out.append("</ol>")
    if brief.evidence:
        out.append('<details class="evidence"><summary>Evidence: how each record was coded</summary><ul>')
        for e in brief.evidence:
            rules = ", ".join(f"<code>{html_escape(r)}</code>" for r in e.rules) or "no rule recorded"
            out.append(f"<li>{html_escape(e.kind)} <code>{html_escape(e.record)}</code>: {html_escape(e.summary)}; "
                       f"{rules}; <code>{html_escape(e.citation.marker)}</code></li>")
        out.append("</ul></details>")
    return "\n".join(out)


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        data = {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        if isinstance(obj, Citation):
            data["marker"] = obj.marker
        return data
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def point_text(p: BriefPoint) -> str:
    """A point as the reader sees it: its exact words, with a quotation it opens and the point's span stops
    inside closed ("pledging to bring terrorism “to its knees" reads “to its knees”)."""
    text = p.text
    for opening, closing in (("“", "”"), ("‘", "’")):
        if text.count(opening) > text.count(closing):
            text += closing
    return text


def brief_dict(brief: Brief) -> dict[str, Any]:
    """The brief as JSON data: its sections (each sentence and point with `notes`, the numbers of its
    citations), `notes` (number, citation, and the text a reader sees) and the evidence appendix."""
    notes = Notes(brief)
    data = _plain(brief)
    for section, out in zip(brief.sections, data["sections"]):
        for s, o in zip(section.sentences, out["sentences"]):
            o["notes"] = notes.refs(s.citations) if not MARKER.search(s.text) else \
                [n for _, n in _split_inline(s.text, notes) if n]
        for sentence, o in zip(section.after, out["after"]):
            o["notes"] = notes.refs(sentence.citations)
        for st, o in zip(section.statements, out["statements"]):
            o["heading"]["notes"] = notes.refs(st.heading.citations)
            for p, po in zip(st.points, o["points"]):
                po["notes"] = notes.refs([p.citation])
    data["notes"] = [{"number": n, **_plain(c), "text": notes.describe(c, brief)} for c, n in notes.number.items()]
    return data


def render_json(brief: Brief) -> str:
    return json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"


def brief_view(brief: Brief) -> dict[str, Any]:
    """The brief as plain data for a page template: sections of paragraphs (run-in head, sentences as pieces
    of text each with the note numbers that follow it), statements, the numbered notes and the evidence
    appendix. The page shows exactly what the Markdown shows."""
    notes = Notes(brief)

    def pieces(s: Sentence) -> list[dict[str, Any]]:
        if MARKER.search(s.text):
            return [{"text": text, "notes": [n] if n else []} for text, n in _split_inline(s.text, notes)]
        return [{"text": s.text, "notes": notes.refs(s.citations)}]

    sections = []
    for section in brief.sections:
        sections.append({
            "key": section.key, "title": section.title,
            "paragraphs": [{"head": group, "sentences": [pieces(s) for s in sentences]}
                           for group, sentences in _paragraphs(section.sentences)],
            "statements": [{"heading": pieces(st.heading),
                            "points": [{"number": p.number, "text": point_text(p), "reported": p.reported,
                                        "labels": _point_line(p), "notes": notes.refs([p.citation])}
                                       for p in st.points]}
                           for st in section.statements],
            "after": [pieces(sentence) for sentence in section.after]})
    return {
        "sections": sections,
        "notes": [{"number": n, "text": notes.describe(c, brief),
                   "document": c.ref if c.kind == "doc" and c.ref != brief.document_id else None}
                  for c, n in notes.number.items()],
        "note_text": {n: notes.describe(c, brief) for c, n in notes.number.items()},
        "evidence": [{"kind": e.kind, "record": e.record, "summary": e.summary, "rules": e.rules,
                      "marker": e.citation.marker} for e in brief.evidence],
    }
