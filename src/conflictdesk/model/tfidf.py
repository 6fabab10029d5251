"""The one TF-IDF weighting, used by the event-type classifier (`textclf.py`) and by the grouping of
stories for the digest (`brief/stories.py`): sublinear term frequency 1 + log(tf), smoothed inverse
document frequency log((1 + n) / (1 + df)) + 1, each document's vector of unit length."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence


def term_weight(count: int) -> float:
    """Sublinear term frequency: a word said ten times does not weigh ten times as much."""
    return 1.0 + math.log(count)


def inverse_document_frequency(documents: int, frequency: int) -> float:
    """Smoothed idf of a term found in `frequency` of `documents` documents (never zero)."""
    return math.log((1 + documents) / (1 + frequency)) + 1.0


def document_frequencies(token_lists: Iterable[Iterable[str]]) -> Counter[str]:
    """In how many documents each term occurs."""
    df: Counter[str] = Counter()
    for tokens in token_lists:
        df.update(set(tokens))
    return df


def tfidf_vectors(token_lists: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (as term -> weight) of documents given as their tokens."""
    counts = [Counter(tokens) for tokens in token_lists]
    df = document_frequencies(token_lists)
    n = len(counts)
    vectors = []
    for c in counts:
        vec = {w: term_weight(k) * inverse_document_frequency(n, df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors
