"""Renderers of a brief: Markdown, a small self-contained HTML page (all text escaped, no
script), and JSON."""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from typing import Any

from .builder import LABEL_NAMES
from .model import MARKER, Brief, BriefPoint, Citation, Sentence


def _labels(point: BriefPoint) -> str:
    return ", ".join(LABEL_NAMES.get(lab, lab) for lab in point.labels)


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


def _md_text(text: str) -> str:
    """Escape text but keep inline citation markers (a rewritten section carries them inline)."""
    out, last = [], 0
    for m in MARKER.finditer(text):
        out += [md_escape(text[last:m.start()]), m.group(0)]
        last = m.end()
    return "".join(out + [md_escape(text[last:])])


def _md_sentence(s: Sentence) -> str:
    return " ".join([_md_text(s.text), *(c.marker for c in s.citations)])


def render_markdown(brief: Brief) -> str:
    lines = [f"# {md_escape(brief.title or brief.document_id)}", ""]
    meta = [f"document `{brief.document_id}`"]
    if brief.published:
        meta.append(f"published {brief.published.isoformat()}")
    if brief.source:
        meta.append(md_escape(brief.source))
    if brief.url:
        meta.append(md_url(brief.url))
    lines += ["*" + " · ".join(meta) + "*", ""]
    for section in brief.sections:
        lines += [f"## {section.title}", ""]
        for s in section.sentences:
            lines.append(_md_sentence(s))
            lines.append("")
        for st in section.statements:
            lines += [f"### {_md_sentence(st.heading)}", ""]
            for p in st.points:
                shown = f"(reported) {md_escape(p.text)}" if p.reported else f"“{md_escape(p.text)}”"
                lines.append(f"{p.number}. {shown} — **{_labels(p)}**"
                             + (f"; targets: {md_escape(', '.join(p.targets))}" if p.targets else "")
                             + (f" (cues: {', '.join(p.cues)})" if p.cues else "") + f" {p.citation.marker}")
            lines.append("")
    if brief.method != "deterministic":
        lines += [f"*Text: {brief.method}; every citation checked against the deterministic brief.*", ""]
    return "\n".join(lines).rstrip() + "\n"


_CSS = """body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1rem}
.cite{font-family:monospace;font-size:.75rem;color:#666}.labels{font-weight:bold}.meta{color:#555}
blockquote{margin:.3rem 0 .8rem 1rem;padding-left:.8rem;border-left:3px solid #bbb}"""


def _html_cites(cites: list[Citation]) -> str:
    return "".join(f' <span class="cite">{html_escape(c.marker)}</span>' for c in cites)


def render_html(brief: Brief) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           f"<title>{html_escape(brief.title or brief.document_id)}</title><style>{_CSS}</style></head><body>",
           f"<h1><bdi>{html_escape(brief.title or brief.document_id)}</bdi></h1>"]
    meta = [f"document {html_escape(brief.document_id)}"]
    if brief.published:
        meta.append(f"published {brief.published.isoformat()}")
    if brief.source:
        meta.append(html_escape(brief.source))
    if brief.url:
        meta.append(html_escape(brief.url))
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    for section in brief.sections:
        out.append(f"<h2>{html_escape(section.title)}</h2>")
        for s in section.sentences:
            out.append(f"<p>{html_escape(s.text)}{_html_cites(s.citations)}</p>")
        for st in section.statements:
            out.append(f"<h3>{html_escape(st.heading.text)}{_html_cites(st.heading.citations)}</h3><ol>")
            for p in st.points:
                targets = f"; targets: {html_escape(', '.join(p.targets))}" if p.targets else ""
                out.append(f"<li><blockquote>{html_escape(p.text)}</blockquote>"
                           f'<span class="labels">{html_escape(_labels(p))}</span>{targets}'
                           f' <span class="cite">cues: {html_escape(", ".join(p.cues))}</span>{_html_cites([p.citation])}</li>')
            out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


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


def brief_dict(brief: Brief) -> dict[str, Any]:
    return _plain(brief)


def render_json(brief: Brief) -> str:
    return json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"
