"""The typed records of a brief: sections of sentences, each sentence with its citations."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

CitationKind = Literal["doc", "kb"]
MARKER = re.compile(r"\[(?:doc|kb):[^\]\s]+(?: [^\]]+)?\]")


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a sentence's facts come from: a stretch of a document, or a knowledge-base entry's source."""

    kind: CitationKind
    ref: str                          # document id, or knowledge-base entry id
    start: int | None = None          # kind "doc": offsets into that document's text
    end: int | None = None
    source: str | None = None         # kind "kb": the URL or "Publication, date" the fact rests on

    @property
    def marker(self) -> str:
        if self.kind == "doc":
            return f"[doc:{self.ref} {self.start}-{self.end}]"
        return f"[kb:{self.ref} {self.source}]"


@dataclass(slots=True)
class Sentence:
    text: str
    citations: list[Citation] = field(default_factory=list)

    def with_markers(self) -> str:
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
    key: str                          # what_to_know, the_statement, what_does_this_mean, sources
    title: str
    sentences: list[Sentence] = field(default_factory=list)
    statements: list[BriefStatement] = field(default_factory=list)


@dataclass(slots=True)
class Brief:
    document_id: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    sections: list[Section] = field(default_factory=list)
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
        return out
