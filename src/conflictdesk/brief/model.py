"""The typed records of a brief: sections of sentences, each sentence with its citations.

Reader-facing text (`Sentence.text`, headings) carries no internal id: citations travel beside the
text and the renderers turn them into numbered notes (Markdown footnotes, HTML tooltips, JSON
fields). Rule and cue ids live only in `Brief.evidence`, the appendix.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

CitationKind = Literal["doc", "kb"]
UNNOTED_SECTIONS = frozenset({"named"})
MARKER = re.compile(r"\[(?:doc|kb):[^\]\s]+(?: [^\]]+)?\]")


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a sentence's facts come from: a stretch of a document, or a knowledge-base entry's source."""

    kind: CitationKind
    ref: str                          # document id, or knowledge-base entry id
    start: int | None = None          # kind "doc": offsets into that document's text
    end: int | None = None
    source: str | None = None         # kind "kb": the URL or "Publication, date" the fact rests on
    quote: str | None = None          # kind "doc": the cited text itself (document.text[start:end])

    @property
    def marker(self) -> str:
        """The machine form of the citation (JSON, the evidence appendix, the rewrite check)."""
        if self.kind == "doc":
            return f"[doc:{self.ref} {self.start}-{self.end}]"
        return f"[kb:{self.ref} {self.source}]"


@dataclass(slots=True)
class Sentence:
    text: str
    citations: list[Citation] = field(default_factory=list)
    group: str = ""                   # a paragraph's run-in head ("The article's account."); "" stands alone

    def with_markers(self) -> str:
        """The sentence with its citations' markers after it (or inline, as a rewrite leaves them)."""
        if MARKER.search(self.text):
            return self.text
        return " ".join([self.text, *(c.marker for c in self.citations)])


@dataclass(slots=True)
class BriefPoint:
    number: int
    text: str                         # quoted exactly: document.text[start:end]
    start: int
    end: int
    labels: list[str]
    cues: list[str]
    targets: list[str]
    citation: Citation
    reported: bool = False            # reported speech ("announced ..."), not a quotation


@dataclass(slots=True)
class BriefStatement:
    id: str
    heading: Sentence                 # who issued it, through which channel, when
    points: list[BriefPoint] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    key: str                          # what_to_know, the_statement, what_does_this_mean, named
    title: str
    sentences: list[Sentence] = field(default_factory=list)
    statements: list[BriefStatement] = field(default_factory=list)
    after: list[Sentence] = field(default_factory=list)     # shown after the statements


@dataclass(slots=True)
class EvidenceEntry:
    """One line of the evidence appendix: an extracted record, how it was coded, where it rests."""

    kind: str                         # "point", "recalled point", "event"
    record: str                       # the record's id (statement or event id)
    summary: str                      # "threat", "Battles / Armed clash (background, reported)"
    rules: list[str]                  # cue ids or the event's rule
    citation: Citation


@dataclass(slots=True)
class Brief:
    document_id: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    sections: list[Section] = field(default_factory=list)
    evidence: list[EvidenceEntry] = field(default_factory=list)
    store_consulted: bool = False
    method: str = "deterministic"     # or "rewritten" after a verified LLM rewrite

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def sentences(self) -> list[Sentence]:
        out = []
        for s in self.sections:
            out += s.sentences
            for st in s.statements:
                out.append(st.heading)
            out += s.after
        return out

    def notes(self) -> list[Citation]:
        """Every citation of the reader-facing text once, in order of first use: note 1, 2, ...
        (the footer of names is left out: its citations are first mentions, kept in JSON only)."""
        seen: dict[Citation, None] = {}
        for section in self.sections:
            if section.key in UNNOTED_SECTIONS:
                continue
            for s in section.sentences:
                seen.update(dict.fromkeys(s.citations))
            for st in section.statements:
                seen.update(dict.fromkeys(st.heading.citations))
                seen.update(dict.fromkeys(p.citation for p in st.points))
            for s in section.after:
                seen.update(dict.fromkeys(s.citations))
        return list(seen)
