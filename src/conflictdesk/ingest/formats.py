"""Which reader a source needs: by file extension first, then by sniffing its first bytes."""
from __future__ import annotations

import re

FORMATS = ("text", "markdown", "html", "feed", "jsonl", "json", "csv")
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(p|div|article|h1|h2)[\s>]", re.IGNORECASE)
_FRONT_MATTER = re.compile(rb"^---\r?\n[A-Za-z_]+:")
_MD_HEADLINE = re.compile(rb"^#{1,2} \S")


def format_from_name(name: str) -> str | None:
    """The format a file name's extension says, or None."""
    lower = name.lower()
    for ext, fmt in EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return None


def sniff_format(data: bytes) -> str:
    """The format the content looks like; plain text when nothing else fits."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_ROOT.search(head) or _HTML_TAGS.search(head):
            return "html"
        if head.startswith(b"<?xml"):
            return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if _FRONT_MATTER.match(head) or _MD_HEADLINE.match(head):
        return "markdown"
    return "text"


def detect_format(name: str, data: bytes, *, content_type: str | None = None) -> str:
    """Extension first (an `.xml` file holding HTML is HTML), then the HTTP content type, then
    the content itself."""
    fmt = format_from_name(name)
    if fmt == "feed":
        return "html" if sniff_format(data) == "html" else "feed"
    if fmt:
        return fmt
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml"):
            return "html"
        if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
            return "feed"
        if kind in ("text/csv",):
            return "csv"
        if kind in ("application/x-ndjson", "application/jsonl"):
            return "jsonl"
        if kind == "text/markdown":
            return "markdown"
    return sniff_format(data)
