"""HTML pages to Documents: trafilatura finds the main text and the page's metadata.

Navigation, footers, link lists and comments are left out by trafilatura; the same
data-driven `boilerplate` rules as for plain text then cut what it kept of "Top stories" tails
and author bios. The publication date is taken from the page's metadata and markup only
(htmldate without its "extensive" search through the text), so a date the page does not
declare stays None.
"""
from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params

from ..errors import MalformedInputError
from ..records import Document
from .document import build_document
from .normalize import is_web_url, normalize_line

# trafilatura falls back to any text at all: a few words without a sentence are menu or link text
_MIN_WORDS_WITHOUT_SENTENCE = 20
_SENTENCE_END = re.compile(r"[.!?؟。…]")
# trafilatura logs every page it finds too short at WARNING; our Failure records say it instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def read_html(html: str, *, origin: str | None = None, url: str | None = None) -> Document:
    """A Document from an HTML page. `url` is where it was fetched from (if it was).
    Raises MalformedInputError when no main text can be found."""
    if "<" not in html:
        raise MalformedInputError("not HTML: no markup at all")
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False,
            date_extraction_params=set_date_params(False),
        )
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError) as exc:   # badly broken markup
        raise MalformedInputError(f"the HTML could not be parsed: {exc}") from exc
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise MalformedInputError("no main text found in the HTML page")
    if len(text.split()) < _MIN_WORDS_WITHOUT_SENTENCE and not _SENTENCE_END.search(text):
        raise MalformedInputError(f"no main text found in the HTML page, only a few words ({text.strip()[:60]!r})")
    first, _, rest = text.strip().partition("\n")
    if result.title and rest.strip() and normalize_line(first).casefold() == normalize_line(result.title).casefold():
        text = rest                     # the headline is the title, not part of the main text
    canonical = result.url if is_web_url(result.url) else None
    return build_document(
        text, fmt="html", origin=origin, title=result.title, published=result.date,
        url=canonical or (url if is_web_url(url) else None), source=result.sitename or result.hostname,
        author=result.author,
    )


_BLOCKS = frozenset({"p", "div", "br", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "tr", "table", "section", "article", "pre", "hr", "figure", "figcaption", "dd", "dt"})


def html_fragment_text(fragment: str) -> str:
    """The visible text of an HTML fragment (a feed entry's content): paragraphs on their own
    lines, list items as "• " bullets, scripts and styles dropped. Plain text passes through."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        raise MalformedInputError(f"the entry's HTML could not be parsed: {exc}") from exc
    for bad in root.xpath("//script|//style|//noscript|//iframe|//form|//nav|//footer"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "li":
            parts.append("\n• ")
        elif tag in _BLOCKS:
            parts.append("\n\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n\n")
        elif tag == "li":
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(root)
    return re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t\r\f\v]+", " ", "".join(parts)))
