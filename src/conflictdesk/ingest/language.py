"""Language identification without a model: writing system first, then function words.

Profiles live in `data/languages.yaml`. Only the first few thousand characters are looked at.
The answer is an ISO 639-1 code, or None when the text does not say (too short, no function
word of any profile): unknown is not guessed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ..errors import ConfigError
from ..yamlfile import YamlError, read_yaml

LANGUAGES_FILE = Path(__file__).resolve().parents[1] / "data" / "languages.yaml"
SAMPLE_CHARS = 2500
MIN_HITS = 2

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F]"),
    "arabic": re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "cyrillic": re.compile(r"[\u0400-\u04FF]"),
    "hebrew": re.compile(r"[\u0590-\u05FF]"),
    "greek": re.compile(r"[\u0370-\u03FF]"),
    "han": re.compile(r"[\u4E00-\u9FFF]"),
    "kana": re.compile(r"[\u3040-\u30FF]"),
    "hangul": re.compile(r"[\uAC00-\uD7AF]"),
    "devanagari": re.compile(r"[\u0900-\u097F]"),
    "armenian": re.compile(r"[\u0530-\u058F]"),
    "georgian": re.compile(r"[\u10A0-\u10FF]"),
    "thai": re.compile(r"[\u0E00-\u0E7F]"),
}
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class LanguageProfiles:
    script_defaults: dict[str, str | None]
    words: dict[str, dict[str, frozenset[str]]]     # script -> language -> function words
    index: dict[str, dict[str, tuple[str, ...]]]    # script -> function word -> languages


@lru_cache(maxsize=2)
def load_profiles(path: Path = LANGUAGES_FILE) -> LanguageProfiles:
    try:
        doc = read_yaml(path)
    except YamlError as exc:
        raise ConfigError(f"cannot load language profiles from {path}: {exc}") from exc
    if doc.problems or not isinstance(doc.value or {}, dict):
        raise ConfigError(f"cannot load language profiles from {path}: "
                          f"{'; '.join(map(str, doc.problems)) or 'expected a mapping'}")
    data = doc.value or {}
    words: dict[str, dict[str, frozenset[str]]] = {}
    for code, entry in (data.get("languages") or {}).items():
        script = entry.get("script")
        if script not in _SCRIPTS:
            raise ConfigError(f"{path}: language {code}: unknown script {script!r}")
        bad = [w for w in entry.get("words", []) if not isinstance(w, str)]
        if bad:
            raise ConfigError(f"{path}: language {code}: words must be strings (quote them): {bad}")
        words.setdefault(script, {})[code] = frozenset(w.lower() for w in entry["words"])
    index: dict[str, dict[str, tuple[str, ...]]] = {}
    for script, languages in words.items():
        for code, vocab in languages.items():
            for word in vocab:
                index.setdefault(script, {})[word] = index.get(script, {}).get(word, ()) + (code,)
    return LanguageProfiles(script_defaults=dict(data.get("script_defaults") or {}), words=words, index=index)


def detect_language(text: str, *, profiles: LanguageProfiles | None = None) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when it cannot tell."""
    profiles = profiles or load_profiles()
    sample = text[:SAMPLE_CHARS]
    script = _script(sample)
    if script is None:
        return None
    index = profiles.index.get(script)
    if index:
        hits = dict.fromkeys(profiles.words[script], 0)     # in profile order: ties go to the first
        for word, n in Counter(_WORD.findall(sample.lower())).items():
            for code in index.get(word, ()):
                hits[code] += n
        best = max(hits, key=lambda code: hits[code])
        if hits[best] >= MIN_HITS:
            return best
    return profiles.script_defaults.get(script)


def _script(sample: str) -> str | None:
    """The writing system most of the sample's letters are in."""
    if len(_NON_ASCII.findall(sample)) * 10 < len(sample):     # fast path: mostly ASCII
        return "latin" if _SCRIPTS["latin"].search(sample) else None
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS.items()}
    script, letters = max(counts.items(), key=lambda item: item[1])
    if letters == 0:
        return None
    return "kana" if script == "han" and counts["kana"] else script   # Japanese mixes kanji with kana
