"""Renderers of a brief: Markdown, a small self-contained HTML page (all text escaped, no
script), and JSON."""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
from typing import Any

from .builder import LABEL_NAMES
from .model import MARKER, Brief, BriefPoint, Citation, Sentence


def _labels(point: BriefPoint) -> str:
    return ", ".join(LABEL_NAMES.get(lab, lab) for lab in point.labels)


def _md_escape(text: str) -> str:
    """Neutralise Markdown that document text could inject (links, images, HTML)."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")


def _md_text(text: str) -> str:
    """Escape text but keep inline citation markers (a rewritten section carries them inline)."""
    out, last = [], 0
    for m in MARKER.finditer(text):
        out += [_md_escape(text[last:m.start()]), m.group(0)]
        last = m.end()
    return "".join(out + [_md_escape(text[last:])])


def _md_sentence(s: Sentence) -> str:
    return " ".join([_md_text(s.text), *(c.marker for c in s.citations)])


def render_markdown(brief: Brief) -> str:
    lines = [f"# {_md_escape(brief.title or brief.document_id)}", ""]
    meta = [f"document `{brief.document_id}`"]
    if brief.published:
        meta.append(f"published {brief.published.isoformat()}")
    if brief.source:
        meta.append(_md_escape(brief.source))
    if brief.url:
        meta.append(f"<{brief.url}>" if brief.url.startswith(("http://", "https://")) else _md_escape(brief.url))
    lines += ["*" + " · ".join(meta) + "*", ""]
    for section in brief.sections:
        lines += [f"## {section.title}", ""]
        for s in section.sentences:
            lines.append(_md_sentence(s))
            lines.append("")
        for st in section.statements:
            lines += [f"### {_md_sentence(st.heading)}", ""]
            for p in st.points:
                shown = f"(reported) {_md_escape(p.text)}" if p.reported else f"“{_md_escape(p.text)}”"
                lines.append(f"{p.number}. {shown} — **{_labels(p)}**"
                             + (f"; targets: {_md_escape(', '.join(p.targets))}" if p.targets else "")
                             + (f" (cues: {', '.join(p.cues)})" if p.cues else "") + f" {p.citation.marker}")
            lines.append("")
    if brief.method != "deterministic":
        lines += [f"*Text: {brief.method}; every citation checked against the deterministic brief.*", ""]
    return "\n".join(lines).rstrip() + "\n"


_CSS = """body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1rem}
.cite{font-family:monospace;font-size:.75rem;color:#666}.labels{font-weight:bold}.meta{color:#555}
blockquote{margin:.3rem 0 .8rem 1rem;padding-left:.8rem;border-left:3px solid #bbb}"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_cites(cites: list[Citation]) -> str:
    return "".join(f' <span class="cite">{_h(c.marker)}</span>' for c in cites)


def render_html(brief: Brief) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           f"<title>{_h(brief.title or brief.document_id)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{_h(brief.title or brief.document_id)}</h1>"]
    meta = [f"document {_h(brief.document_id)}"]
    if brief.published:
        meta.append(f"published {brief.published.isoformat()}")
    if brief.source:
        meta.append(_h(brief.source))
    if brief.url:
        meta.append(_h(brief.url))
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    for section in brief.sections:
        out.append(f"<h2>{_h(section.title)}</h2>")
        for s in section.sentences:
            out.append(f"<p>{_h(s.text)}{_html_cites(s.citations)}</p>")
        for st in section.statements:
            out.append(f"<h3>{_h(st.heading.text)}{_html_cites(st.heading.citations)}</h3><ol>")
            for p in st.points:
                targets = f"; targets: {_h(', '.join(p.targets))}" if p.targets else ""
                out.append(f"<li><blockquote>{_h(p.text)}</blockquote>"
                           f'<span class="labels">{_h(_labels(p))}</span>{targets}'
                           f' <span class="cite">cues: {_h(", ".join(p.cues))}</span>{_html_cites([p.citation])}</li>')
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
