"""Plain text and Markdown to Documents.

Plain text: a short first line followed by a blank line is the headline (`title`) and is kept
out of `text`; page furniture is cut by `boilerplate`. Markdown: YAML front matter gives
metadata, the first level-1 heading is the title, markup is reduced to the text a reader
sees (link text, not URLs; list items become "• " bullets).
"""
from __future__ import annotations

import re

from ..records import Document
from ..yamlfile import YamlError, parse_yaml
from .document import build_document, split_headline
from .normalize import normalize_text


def read_text(text: str, *, origin: str | None = None, title: str | None = None, published: object = None,
              url: str | None = None, source: str | None = None, id: str | None = None,
              fmt: str = "text") -> Document:
    """A Document from plain text. Without a given title, a headline first line becomes the title."""
    body = normalize_text(text)
    if title is None:
        title, body = split_headline(body)
    return build_document(body, fmt=fmt, origin=origin, title=title, published=published, url=url,
                          source=source, id=id)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# Every pattern is bounded so that hostile input (thousands of "[" or "**") stays linear.
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\n]{0,500}\)"), ""),                 # images
    (re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\n]{0,500}\)"), r"\1"),                # links
    (re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,100}\]"), r"\1"),             # reference links
    (re.compile(r"<(https?://[^<>\s]{1,500})>"), r"\1"),                             # autolinks
    (re.compile(r"</?[A-Za-z][^<>\n]{0,500}>"), ""),                                 # inline HTML tags
    (re.compile(r"`([^`\n]{1,500})`"), r"\1"),                                       # code
    (re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,300}?)(?<=\S)\1"), r"\2"),                # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),      # italic *
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),        # italic _
    (re.compile(r"~~([^~\n]{1,300}?)~~"), r"\1"),                                   # strikethrough
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),                               # escapes
)


def _inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = parse_yaml(match.group(1), origin="front matter").value
    except YamlError:
        return {}, text                   # not front matter after all (or aliases that explode): keep it as text
    if not isinstance(meta, dict):
        return {}, text
    return {str(k).lower(): v for k, v in meta.items()}, text[match.end():]


def markdown_to_text(markdown: str) -> tuple[str | None, str]:
    """(title, text) of a Markdown document: the first level-1 heading, and the rest as text."""
    title: str | None = None
    out: list[str] = []
    in_fence = False
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and _SETEXT.match(nxt) and not _RULE.match(line) and not _SETEXT.match(line):
            heading = _inline(line.strip())
            if title is None and nxt.strip().startswith("=") and not any(o.strip() for o in out):
                title = heading
            else:
                out.append(heading)
            lines[i + 1] = ""             # the underline
            continue
        atx = _ATX.match(line)
        if atx:
            heading = _inline(atx.group(2))
            if title is None and len(atx.group(1)) == 1:
                title = heading
            else:
                out.append(heading)
            continue
        if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line):
            out.append("")
            continue
        line = _QUOTE.sub("", line)
        line = _BULLET.sub(r"\1• ", line)
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            line = " | ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(_inline(line))
    return title, "\n".join(out)


def read_markdown(markdown: str, *, origin: str | None = None) -> Document:
    """A Document from Markdown, with front-matter fields (title, date, url, source, author, id)."""
    meta, body = _front_matter(normalize_text(markdown))
    heading, text = markdown_to_text(body)
    title = meta.get("title") or heading
    return build_document(
        text, fmt="markdown", origin=origin, title=str(title) if title else None,
        published=meta.get("published") or meta.get("date"),
        url=str(meta.get("url") or meta.get("source_url") or meta.get("link") or "") or None,
        source=str(meta["source"]) if meta.get("source") else None,
        id=str(meta["id"]) if meta.get("id") else None,
        author=str(meta["author"]) if meta.get("author") else None,
    )
