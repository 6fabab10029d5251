"""Stories: stored documents grouped when they report the same thing.

Documents are compared by TF-IDF cosine over their title (counted twice) and text, computed
here (no scikit-learn; the cosines of all pairs as one sparse product); two documents published
within `window_days` whose similarity reaches `threshold` share a story (single link). A
near-duplicate (`duplicate_of`) always joins its original's story, and so do two documents the
caller links (the digest links reports of the same incident). A story's id is "story-" + the id of
its earliest original (non-duplicate) document.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from ..model import tfidf
from ..records import Document

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
STOPWORDS = frozenset("""
the and for that with from this have has had was were are been being will would could should their there they
them his her its our who whom which what when where why how not but also than then into onto over under after
before about against between during while said says say according told more most some such only other any each
all both few many much very can may might must shall one two three four five six seven eight nine ten new
year years month months week weeks day days time times people official officials report reports reported
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december
""".split())


def _tokens(text: str) -> list[str]:
    return [w.strip("'-") for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of `texts` (the one weighting, `model.tfidf`) over their words
    without stopwords."""
    return tfidf.tfidf_vectors([_tokens(t) for t in texts])


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def similarities(a: list[dict[str, float]], b: list[dict[str, float]]) -> np.ndarray:
    """The cosine of every vector of `a` with every vector of `b` (L2-normalised, as `tfidf_vectors` makes
    them): an len(a) x len(b) array, from one sparse product over the words of `a` (a word only `b` has
    adds nothing to a cosine)."""
    vocabulary: dict[str, int] = {}
    for vec in a:
        for w in vec:
            vocabulary.setdefault(w, len(vocabulary))

    def matrix(vectors: list[dict[str, float]]) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for i, vec in enumerate(vectors):
            for w, v in vec.items():
                if (j := vocabulary.get(w)) is not None:
                    rows.append(i)
                    cols.append(j)
                    values.append(v)
        return sparse.csr_matrix((values, (rows, cols)), shape=(len(vectors), len(vocabulary)))

    if not a or not b:
        return np.zeros((len(a), len(b)))
    return (matrix(a) @ matrix(b).T).toarray()


@dataclass(slots=True)
class Story:
    id: str
    documents: list[Document] = field(default_factory=list)   # earliest first; originals before copies

    @property
    def lead(self) -> Document:
        originals = [d for d in self.documents if d.duplicate_of is None]
        return (originals or self.documents)[0]

    @property
    def title(self) -> str | None:
        return self.lead.title

    @property
    def first_published(self) -> dt.date | None:
        dates = [d.published for d in self.documents if d.published]
        return min(dates) if dates else None

    @property
    def sources(self) -> list[str]:
        return sorted({d.source for d in self.documents if d.source})


def _doc_text(doc: Document, max_chars: int = 4000) -> str:
    title = doc.title or ""
    return f"{title} {title} {doc.text[:max_chars]}"


def group_stories(docs: list[Document], *, threshold: float = 0.35, window_days: int = 7,
                  links: Iterable[tuple[str, str]] = ()) -> list[Story]:
    """Group documents into stories, largest first (ties: earliest first). `links` are pairs of document ids
    known to report the same thing (the same incident, see incidents.py): each pair shares a story."""
    order = sorted(docs, key=lambda d: (d.published or dt.date.min, d.id))
    index = {d.id: i for i, d in enumerate(order)}
    parent = list(range(len(order)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    for i, d in enumerate(order):
        if d.duplicate_of and d.duplicate_of in index:
            union(i, index[d.duplicate_of])
    for a, b in links:
        if a in index and b in index:
            union(index[a], index[b])
    vectors = tfidf_vectors([_doc_text(d) for d in order])
    similar = similarities(vectors, vectors)
    for i in range(len(order)):
        for j in range(i + 1, len(order)):
            a, b = order[i].published, order[j].published
            if a and b and (b - a).days > window_days:
                break                       # sorted by date: no later document is within the window
            if similar[i, j] >= threshold:
                union(i, j)
    groups: dict[int, list[Document]] = {}
    for i, d in enumerate(order):
        groups.setdefault(find(i), []).append(d)
    stories = []
    for members in groups.values():
        originals = [d for d in members if d.duplicate_of is None] or members
        stories.append(Story(f"story-{originals[0].id}", members))
    return sorted(stories, key=lambda s: (-len(s.documents), s.first_published or dt.date.min, s.id))
