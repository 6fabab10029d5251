"""Near-duplicate fingerprints: a 64-bit SimHash over word 3-shingles.

Wire copy is republished with a new headline, a new dateline or a rewritten first line; the
fingerprint is therefore taken over the text's *core*: without its first line (or, for a
one-paragraph text, its first sentence) and without a short last line (credits), whenever
enough words remain. Copies that differ only there get the same or an almost equal
fingerprint; different stories, even on the same topic, differ in about half of the 64 bits.

Hashes come from blake2b (never Python's salted `hash()`), so fingerprints are stable across
runs and machines. `bands` cuts a fingerprint into four 16-bit bands: two fingerprints within
Hamming distance 3 share at least one band, so a store can look candidates up by band.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

FINGERPRINT_BITS = 64
SHINGLE = 3
MIN_CORE_WORDS = 40     # drop the lead or credit line only when at least this many words remain
_SHORT_LAST_LINE = 15   # words
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _core(text: str) -> list[str]:
    """The words a fingerprint is taken over (see the module's docstring)."""
    text = text.strip()
    words = _words(text)
    first_break = text.find("\n")
    if first_break == -1:
        end = _SENTENCE_END.search(text)
        first_break = end.end() if end else -1
    if first_break > 0:
        rest = _words(text[first_break:])
        if len(rest) >= MIN_CORE_WORDS:
            text, words = text[first_break:].strip(), rest
    last_break = text.rfind("\n")
    if last_break > 0:
        last = _words(text[last_break:])
        if len(last) < _SHORT_LAST_LINE and len(words) - len(last) >= MIN_CORE_WORDS:
            words = words[:len(words) - len(last)]
    return words


def _feature_hashes(words: list[str]) -> np.ndarray:
    if len(words) < SHINGLE:
        shingles = {" ".join(words)} if words else set()
    else:
        shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in sorted(shingles))
    return np.frombuffer(digests, dtype=">u8")


def fingerprint(text: str) -> int:
    """The 64-bit SimHash (unsigned) of `text`'s core; 0 for a text without words."""
    hashes = _feature_hashes(_core(text))
    if hashes.size == 0:
        return 0
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1)   # (n, 64), most significant first
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
