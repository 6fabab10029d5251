"""Near-duplicate fingerprints: a 64-bit SimHash over word 3-shingles.

Wire copy is republished with a new headline, a new dateline or a rewritten first line; the
fingerprint is therefore taken over the text's *core*: without headline-like lines on top
(short, no closing punctuation), without its first line (or, for a one-paragraph text, its
first sentence) and without a short last line (credits), whenever enough words remain. Copies that differ only there get the same or an almost equal
fingerprint; different stories, even on the same topic, differ in about half of the 64 bits.

Hashes come from blake2b (never Python's salted `hash()`), so fingerprints are stable across
runs and machines. `bands` cuts a fingerprint into four 16-bit bands: two fingerprints within
Hamming distance 3 share at least one band, so a store can look candidates up by band.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE = 3
MIN_CORE_WORDS = 40     # drop the lead or credit line only when at least this many words remain
_SHORT_LAST_LINE = 15   # words
_HEADLINE_WORDS = 20
_MAX_HEADLINE_LINES = 3
_SENTENCE_CLOSERS = ".!?:\"'”’)"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _core(text: str) -> list[str]:
    """The words a fingerprint is taken over (see the module's docstring)."""
    text = text.strip()
    for _ in range(_MAX_HEADLINE_LINES):   # headline-like lines on top: a headline, a bare dateline, a byline
        first, sep, rest = text.partition("\n")
        line = first.strip()
        if not sep or (line and (len(line.split()) >= _HEADLINE_WORDS or line[-1] in _SENTENCE_CLOSERS)) \
                or len(_words(rest)) < MIN_CORE_WORDS:
            break
        text = rest.strip()
    lead_end = text.find("\n")
    if lead_end == -1:
        sentence = _SENTENCE_END.search(text)
        lead_end = sentence.end() if sentence else len(text)
    tail_start = text.rfind("\n")
    if tail_start < lead_end:
        tail_start = len(text)
    lead, middle, tail = _words(text[:lead_end]), _words(text[lead_end:tail_start]), _words(text[tail_start:])
    if len(middle) + len(tail) >= MIN_CORE_WORDS:
        lead = []
    if len(tail) >= _SHORT_LAST_LINE or len(lead) + len(middle) < MIN_CORE_WORDS:
        return lead + middle + tail
    return lead + middle


_WORD_HASHES: dict[str, int] = {}
_WORD_CACHE_MAX = 200_000
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_ROT = (np.uint64(0), np.uint64(21), np.uint64(42))


def _word_hashes(words: list[str]) -> np.ndarray:
    """blake2b (64-bit) of each word, through a bounded cache of the vocabulary seen so far."""
    if len(_WORD_HASHES) > _WORD_CACHE_MAX:
        _WORD_HASHES.clear()
    for word in set(words).difference(_WORD_HASHES):
        _WORD_HASHES[word] = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")
    return np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))


def _rotl(x: np.ndarray, r: np.uint64) -> np.ndarray:
    return x if not r else (x << r) | (x >> (np.uint64(64) - r))


def _feature_hashes(words: list[str]) -> np.ndarray:
    """One 64-bit hash per distinct word 3-shingle: blake2b hashes of the words, combined by
    position-dependent rotation and a splitmix64 finaliser (deterministic everywhere)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = _word_hashes(words)
    if len(hashes) < SHINGLE:
        hashes = np.concatenate([hashes, np.zeros(SHINGLE - len(hashes), dtype=np.uint64)])
    n = len(hashes) - SHINGLE + 1
    x = _rotl(hashes[:n], _ROT[0]) ^ _rotl(hashes[1:n + 1], _ROT[1]) ^ _rotl(hashes[2:n + 2], _ROT[2])
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    x = x ^ (x >> np.uint64(31))
    return np.unique(x)


def fingerprint(text: str) -> int:
    """The 64-bit SimHash (unsigned) of `text`'s core; 0 for a text without words."""
    hashes = _feature_hashes(_core(text))
    if hashes.size == 0:
        return 0
    bits = np.unpackbits(hashes.astype(">u8").view(np.uint8).reshape(-1, 8), axis=1)   # (n, 64), MSB first
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - hashes.size
    return int.from_bytes(np.packbits(votes > 0).tobytes(), "big")


def hamming(a: int, b: int) -> int:
    """The number of bits in which two fingerprints differ."""
    return (a ^ b).bit_count()


def is_near_duplicate(a: int, b: int, threshold: int = 3) -> bool:
    """True when two fingerprints differ in at most `threshold` bits."""
    return hamming(a, b) <= threshold


def bands(fp: int) -> tuple[int, int, int, int]:
    """Four 16-bit bands, most significant first, for candidate lookup."""
    return ((fp >> 48) & 0xFFFF, (fp >> 32) & 0xFFFF, (fp >> 16) & 0xFFFF, fp & 0xFFFF)


def to_signed(fp: int) -> int:
    """The fingerprint as a signed 64-bit integer (for SQL INTEGER columns)."""
    return fp - (1 << 64) if fp >= 1 << 63 else fp


def from_signed(value: int) -> int:
    """Inverse of `to_signed`."""
    return value + (1 << 64) if value < 0 else value


class DuplicateIndex:
    """An in-memory band index: `find` the first earlier fingerprint within `threshold` bits."""

    def __init__(self, *, threshold: int = 3) -> None:
        if not 0 <= threshold <= 3:
            raise ValueError("a four-band index finds every match only for thresholds up to 3")
        self.threshold = threshold
        self._bands: list[dict[int, list[tuple[str, int]]]] = [{}, {}, {}, {}]

    def find(self, fp: int) -> str | None:
        for table, band in zip(self._bands, bands(fp)):
            for doc_id, other in table.get(band, ()):
                if hamming(fp, other) <= self.threshold:
                    return doc_id
        return None

    def add(self, doc_id: str, fp: int) -> None:
        for table, band in zip(self._bands, bands(fp)):
            table.setdefault(band, []).append((doc_id, fp))
