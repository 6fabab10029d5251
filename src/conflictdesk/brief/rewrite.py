"""Optional rewrite of a brief's prose by a language model behind an OpenAI-compatible endpoint.

Off by default. The model gets one section's sentences (with their citation markers) at a
time; its answer is kept only if it holds exactly the same citation markers and no digit
sequence the original lacks. Otherwise the deterministic sentences stay. The quoted points of
The Statement are never sent or changed.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..errors import BriefError, Code
from .model import MARKER, Brief, Sentence

Complete = Callable[[str], str]
PROMPT = ("Rewrite the following briefing paragraph in clear, neutral English for a conflict analyst. "
          "Do not add any fact, number, name or opinion. Keep every bracketed citation marker exactly as "
          "written, right after the sentence it supports. Answer with the paragraph only.\n\n")
_DIGITS = re.compile(r"\d+")


def markers(text: str) -> Counter[str]:
    return Counter(MARKER.findall(text))


def digits(text: str) -> set[str]:
    return set(_DIGITS.findall(MARKER.sub(" ", text)))


def keeps_citations(original: str, rewritten: str) -> bool:
    """Whether the rewrite holds the same citation markers and invents no number."""
    return markers(original) == markers(rewritten) and digits(rewritten) <= digits(original)


def rewrite_brief(brief: Brief, complete: Complete) -> Brief:
    """The brief with each section's prose rewritten by `complete`, where the rewrite keeps every
    citation; a section whose rewrite fails the check (or raises BriefError) keeps its text."""
    rewritten_any = False
    for section in brief.sections:
        if not section.sentences:
            continue
        original = "\n".join(s.with_markers() for s in section.sentences)
        try:
            answer = complete(PROMPT + original).strip()
        except BriefError:
            continue
        if answer and keeps_citations(original, answer):
            cites = list(dict.fromkeys(c for s in section.sentences for c in s.citations))
            section.sentences = [Sentence(answer, cites)]   # markers are inline in the rewritten text
            rewritten_any = True
    if rewritten_any:
        brief.method = "rewritten by a language model"
    return brief


def endpoint_completer(url: str, *, model: str = "default", timeout: float = 60.0,
                       api_key: str | None = None) -> Complete:
    """A `complete` function that posts to an OpenAI-compatible /chat/completions endpoint."""
    import httpx

    target = url.rstrip("/")
    if not target.endswith("/chat/completions"):
        target += "/chat/completions"

    def complete(prompt: str) -> str:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        try:
            response = httpx.post(target, json={"model": model, "temperature": 0,
                                                "messages": [{"role": "user", "content": prompt}]},
                                  headers=headers, timeout=timeout)
            response.raise_for_status()
            return str(response.json()["choices"][0]["message"]["content"])
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:   # TypeError: not an object
            raise BriefError(f"rewrite endpoint {url} failed: {exc}", code=Code.REWRITE) from exc

    return complete
