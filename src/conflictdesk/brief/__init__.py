"""Briefings, stories and digests built from stored facts (deterministic; every sentence cites).

    from conflictdesk.brief import build_brief, render_markdown
    brief = build_brief(extraction, kb=kb, store=store)      # store optional
    print(render_markdown(brief))
"""
from __future__ import annotations

from .builder import build_brief
from .digest import Digest, build_digest, iso_week
from .model import Brief, BriefPoint, BriefStatement, Citation, EvidenceEntry, Section, Sentence
from .render import render_html, render_json, render_markdown
from .stories import Story, group_stories

__all__ = ["Brief", "BriefPoint", "BriefStatement", "Citation", "Digest", "EvidenceEntry", "Section", "Sentence",
           "Story", "build_brief", "build_digest", "group_stories", "iso_week", "render_html", "render_json",
           "render_markdown"]
