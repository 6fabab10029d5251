"""Cue lexicons that label statement points, loaded from `data/statements/*.yaml`.

A cue is named data (id, label, regex or phrases, notes); `label_text` applies them to one
point's text and says which cues fired. Reading rules, kept here and documented in cues.yaml:

* a match preceded in the same clause by a negation ("we will *not* target civilians") takes
  the cue's `when_negated` label instead (default: nothing), unless the cue is `negatable: false`;
* a threat or call described by a third party ("officials warned that the group might ...") is
  not the issuer's: `modifiers.third_party` makes the point a description (`other`);
* `suppresses` lets one cue cancel another label on the same point;
* the reporting verb that introduces a point ("called on", "threatened") lends its label
  (`intro_verbs`), except a hedged warning ("warned that ... might") or one of what is, with nothing
  to come ("warned that 20,000 children are trapped": modifiers.prospect finds no will, if, unless);
* a ceasefire or a stop read inside a condition set on another party ("provided there were guarantees
  Russia would cease fire") is what the speaker demands, not a de-escalation of its own;
* advice to take care ("urged citizens to remain aware of their surroundings", `modifiers.precaution`)
  is no call to action;
* a call to stand down, refrain or keep calm (`modifiers.stand_down`) is a demand and a de-escalation,
  not a call to action;
* an appeal at law (`modifiers.legal_appeal`: "appealed to a court to overturn his conviction") lends no call;
* a ceasefire or talks read after a doubt about them (`modifiers.doubt`: "expressed reservations over ...",
  "it is difficult to see a stable ceasefire") is no de-escalation;
* a point no cue labels is `other`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, field_validator

from ...config import DATA_DIR
from ...errors import Code, KnowledgeBaseError
from ...records import POINT_LABELS
from ...yamlfile import YamlError, read_yaml, validated_items
from .relevance import LEXICONS as RELEVANCE_LEXICONS
from .speech import SpeechVerbs
from .syntax import (LEXICONS, Voice, asks_told_of_another, calm_idle_spans, calm_undermined_spans, endangers_only,
                     observer_voice, pledged_words, pledges_restraint, sentences, syntax_hits, violent_content,
                     warns_of_own_act, withholds_only)

if TYPE_CHECKING:
    from spacy.tokens import Span

CUES_DIR = DATA_DIR / "statements"


class CueFileError(KnowledgeBaseError):
    """A cue file that does not load; `problems` lists each with file, line and cue id."""

    code = Code.CUE_FILE


class CueSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    regex: str | None = None
    phrases: list[str] = []
    when_negated: str = "none"
    negatable: bool = True
    suppresses: list[str] = []
    targets: bool = False
    notes: str = ""

    @field_validator("label")
    @classmethod
    def _label(cls, value: str) -> str:
        if value not in POINT_LABELS:
            raise ValueError(f"label {value!r} is not one of {', '.join(POINT_LABELS)}")
        return value

    @field_validator("when_negated")
    @classmethod
    def _negated(cls, value: str) -> str:
        if value != "none" and value not in POINT_LABELS:
            raise ValueError(f"when_negated {value!r} is neither 'none' nor a label")
        return value

    @field_validator("suppresses")
    @classmethod
    def _suppresses(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if v not in POINT_LABELS]
        if bad:
            raise ValueError(f"suppresses unknown labels {bad}")
        return value


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    label: str
    pattern: re.Pattern[str]
    group_slots: tuple[str, ...]      # names of the regex groups that hold a {GROUP}
    when_negated: str
    negatable: bool
    suppresses: tuple[str, ...]
    targets: bool


@dataclass(frozen=True, slots=True)
class CueSet:
    cues: tuple[Cue, ...]
    groups: dict[str, re.Pattern[str]]
    channels: tuple[tuple[str, re.Pattern[str]], ...]
    intro_verbs: dict[str, str]
    reporting_verbs: frozenset[str]
    list_intros: tuple[tuple[str, re.Pattern[str]], ...]
    negation: re.Pattern[str]
    third_party: re.Pattern[str]
    hedge: re.Pattern[str]
    prospect: re.Pattern[str]
    syntax: dict[str, frozenset[str]] = field(default_factory=dict)
    speech_verbs: frozenset[str] = frozenset()
    precaution: re.Pattern[str] | None = None
    stand_down: re.Pattern[str] | None = None
    doubt: re.Pattern[str] | None = None
    legal_appeal: re.Pattern[str] | None = None

    @property
    def speech(self) -> SpeechVerbs:
        """The verbs news reports speech with: `speech_verbs` report a clause or a quotation,
        `reporting_verbs` also their own phrase ("denied reports of ...")."""
        return SpeechVerbs(self.speech_verbs | self.reporting_verbs, self.reporting_verbs)

    def channel_of(self, text: str) -> str | None:
        """The first channel whose pattern the introducing text matches."""
        for name, pattern in self.channels:
            if pattern.search(text):
                return name
        return None

    def group_of(self, text: str) -> str | None:
        for name, pattern in self.groups.items():
            if pattern.search(text):
                return name
        return None


@dataclass(slots=True)
class Labelling:
    labels: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


_FLAGS = re.IGNORECASE | re.VERBOSE


def _compile(source: str, where: str, problems: list[str]) -> re.Pattern[str] | None:
    try:
        return re.compile(source, _FLAGS)
    except re.error as exc:
        problems.append(f"{where}: bad regex: {exc}")
        return None


def _regex_source(spec: CueSpec, group_alt: str) -> tuple[str, tuple[str, ...]]:
    parts = []
    if spec.regex:
        parts.append(spec.regex)
    parts += [r"\b" + r"\s+".join(re.escape(w) for w in p.split()) + r"\b" for p in spec.phrases]
    source = "|".join(f"(?:{p})" for p in parts)
    slots: list[str] = []

    def slot(_: re.Match[str]) -> str:
        name = f"g{len(slots)}"
        slots.append(name)
        return rf"(?:the\s+)?(?P<{name}>{group_alt})"

    return re.sub(r"\{GROUP\}", slot, source), tuple(slots)


def _cue_name(item: Any) -> str:
    return f"cue {item.get('id', '?') if isinstance(item, dict) else '?'}"


def _parse(paths: tuple[Path, ...]) -> CueSet:
    problems: list[str] = []
    cues: list[Cue] = []
    groups: dict[str, re.Pattern[str]] = {}
    group_sources: list[str] = []
    channels: list[tuple[str, re.Pattern[str]]] = []
    intro: dict[str, str] = {}
    modifiers: dict[str, re.Pattern[str]] = {}
    specs: list[tuple[Path, int, CueSpec]] = []
    seen: dict[str, str] = {}
    reporting: set[str] = set()
    speech: set[str] = set()
    list_intros: list[tuple[str, re.Pattern[str]]] = []
    syntax: dict[str, frozenset[str]] = {}
    for path in paths:
        try:
            doc = read_yaml(path)
        except YamlError as exc:
            problems.append(str(exc))
            continue
        problems.extend(map(str, doc.problems))
        data = doc.value or {}
        if not isinstance(data, dict):
            problems.append(f"{path}:1: expected a mapping with cues, groups, channels, intro_verbs, modifiers")
            continue
        line = doc.where().line
        unknown = set(data) - {"cues", "groups", "channels", "intro_verbs", "reporting_verbs", "speech_verbs",
                                 "list_intros", "modifiers", "syntax"}
        if unknown:
            problems.append(f"{path}:{line}: unknown sections {sorted(unknown)}")
        for name, source in (data.get("groups") or {}).items():
            pattern = _compile(str(source), f"{path}: group {name}", problems)
            if pattern is not None:
                groups[name] = pattern
                group_sources.append(str(source))
        for name, source in (data.get("channels") or {}).items():
            pattern = _compile(str(source), f"{path}: channel {name}", problems)
            if pattern is not None:
                channels.append((name, pattern))
        for lemma, label in (data.get("intro_verbs") or {}).items():
            if label not in POINT_LABELS:
                problems.append(f"{path}: intro verb {lemma}: unknown label {label!r}")
            intro[str(lemma)] = str(label)
        for label, source in (data.get("list_intros") or {}).items():
            if label not in POINT_LABELS:
                problems.append(f"{path}: list intro {label}: unknown label")
            pattern = _compile(str(source), f"{path}: list intro {label}", problems)
            if pattern is not None:
                list_intros.append((str(label), pattern))
        reporting.update(str(v) for v in (data.get("reporting_verbs") or []))
        speech.update(str(v) for v in (data.get("speech_verbs") or []))
        for name, source in (data.get("modifiers") or {}).items():
            pattern = _compile(str(source), f"{path}: modifier {name}", problems)
            if pattern is not None:
                modifiers[name] = pattern
        for name, words in (data.get("syntax") or {}).items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                problems.append(f"{path}: syntax list {name}: expected a list of lemmas")
                continue
            syntax[str(name)] = syntax.get(str(name), frozenset()) | frozenset(w.lower() for w in words)
        for origin, spec in validated_items(doc, "cues", CueSpec, problems=problems, name=_cue_name):
            specs.append((path, origin.line, spec))
    group_alt = "|".join(f"(?:{s})" for s in group_sources) or r"(?!x)x"
    for path, line, spec in specs:
        where = f"{path}:{line}: cue {spec.id}"
        if not spec.regex and not spec.phrases:
            problems.append(f"{where}: needs a regex or phrases")
            continue
        if spec.id in seen:
            problems.append(f"{where}: duplicate id (first in {seen[spec.id]})")
            continue
        seen[spec.id] = f"{path}:{line}"
        source, slots = _regex_source(spec, group_alt)
        pattern = _compile(source, where, problems)
        if pattern is None:
            continue
        cues.append(Cue(spec.id, spec.label, pattern, slots, spec.when_negated, spec.negatable,
                        tuple(spec.suppresses), spec.targets))
    for name in ("negation", "third_party", "hedge", "prospect"):
        if name not in modifiers:
            problems.append(f"{paths[0] if paths else CUES_DIR}: modifiers.{name} is missing")
    missing = [name for name in LEXICONS + RELEVANCE_LEXICONS if name not in syntax]
    if missing:
        problems.append(f"{paths[0] if paths else CUES_DIR}: syntax lists missing: {', '.join(missing)}")
    if problems:
        raise CueFileError(f"{len(problems)} problem(s) in statement cue files", problems=problems)
    return CueSet(tuple(cues), groups, tuple(channels), intro, frozenset(reporting), tuple(list_intros),
                  modifiers["negation"], modifiers["third_party"],
                  modifiers["hedge"], modifiers["prospect"], syntax, frozenset(speech),
                  precaution=modifiers.get("precaution"), stand_down=modifiers.get("stand_down"),
                  doubt=modifiers.get("doubt"), legal_appeal=modifiers.get("legal_appeal"))


@functools.lru_cache(maxsize=8)
def _cached(paths: tuple[Path, ...], stamps: tuple[float, ...]) -> CueSet:
    return _parse(paths)


def load_cues(extra: tuple[Path, ...] | list[Path] = ()) -> CueSet:
    """The shipped cue files plus any extra YAML files in the same format (later ones add cues)."""
    paths = tuple(sorted(CUES_DIR.glob("*.yaml"))) + tuple(Path(p) for p in extra)
    stamps = tuple(p.stat().st_mtime if p.exists() else 0.0 for p in paths)
    return _cached(paths, stamps)


_QUOTE_MARKS = re.compile(r'[“”"«»]')
# a turn from a doubt to what is done despite it ("concern over delays, but agreed to a ceasefire")
_TURN = re.compile(r";|\b(?:but|however|yet|although|though|nevertheless)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\bbut\b|\bwhile\b|\band\b", re.IGNORECASE)


def _negated(text: str, match: re.Match[str], negation: re.Pattern[str]) -> bool:
    """Whether a negation precedes the match within its clause (at most ~4 words), or sits inside it."""
    window = text[max(0, match.start() - 40):match.start()]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    window = " ".join(window.split()[-4:])
    return bool(negation.search(window) or negation.search(match.group(0)))


# id(cues) -> (cues, one regex matching where any of them matches, or None when none can be built)
_ANY_CUE: dict[int, tuple[tuple[Cue, ...], re.Pattern[str] | None]] = {}


def _any_cue(cues: tuple[Cue, ...]) -> re.Pattern[str] | None:
    """The alternation of every cue's regex (named groups made plain; a newline ends each part, as
    a verbose pattern may end in a comment); None if the flags differ or a backreference is used."""
    cached = _ANY_CUE.get(id(cues))
    if cached is not None and cached[0] is cues:
        return cached[1]
    pattern: re.Pattern[str] | None = None
    sources = [c.pattern.pattern for c in cues]
    if cues and len({c.pattern.flags for c in cues}) == 1 and \
            not any(re.search(r"\\[1-9]|\(\?P=", src) for src in sources):
        try:
            pattern = re.compile("|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", src) + "\n)" for src in sources),
                                 cues[0].pattern.flags)
        except re.error:
            pattern = None
    _ANY_CUE[id(cues)] = (cues, pattern)
    return pattern


def _cue_scan_start(cues: tuple[Cue, ...], text: str) -> int | None:
    """Where the first cue match can be (None: no cue matches), found in one scan; each cue's own
    scan starts there (lookbehinds and `\\b` still see the text before it)."""
    pattern = _any_cue(cues)
    if pattern is None:
        return 0
    m = pattern.search(text)
    return m.start() if m is not None else None


# entity kinds whose names hold words the cues read ("Moms Demand Action", "the High Negotiations Committee",
# "the Nobel Peace Prize", "the Popular Mobilisation Forces"): a word of such a name says nothing of the point
_NAME_KINDS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})


def _name_spans(text: str, tokens: "Span | None") -> list[tuple[int, int]]:
    """Where in `text` (the point with its quotation marks taken out) the names of several words stand that
    the parse reads as organisations, buildings, laws, events or titles."""
    if tokens is None:
        return []
    out: list[tuple[int, int]] = []
    for ent in tokens.ents:
        if ent.label_ not in _NAME_KINDS or len(ent) < 2:
            continue
        name = _QUOTE_MARKS.sub("", ent.text)
        at = text.find(name)
        while at >= 0:
            out.append((at, at + len(name)))
            at = text.find(name, at + 1)
    return out


def _in_name(match: re.Match[str], names: list[tuple[int, int]]) -> bool:
    """Whether a cue's words are a capitalised part of a name ("Demand" in "Moms Demand Action"): one the parse
    reads as a name, or a run of capitalised words inside a sentence that the cue's word stands in the middle of."""
    if not match.group(0)[:1].isupper():
        return False
    return any(a <= match.start() and match.end() <= b for a, b in names) or _in_title_case(match)


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def _in_title_case(match: re.Match[str]) -> bool:
    """Whether a capitalised match stands between two capitalised words, neither starting a sentence or a
    quotation ("Moms Demand Action for Gun Sense"): a word of a title-case name, not one of the point."""
    text = match.string
    before = _WORD_BEFORE.search(text, 0, match.start())
    after = _WORD_AFTER.match(text, match.end())
    if before is None or after is None or before.start() == 0:
        return False
    ahead = text[:before.start()].rstrip()
    if not ahead or ahead[-1] in '.!?:;"“”':
        return False                        # "... ended. Peace Talks Resume": a heading or a new sentence
    return before.group(1)[:1].isupper() and after.group(1)[:1].isupper() \
        and not before.group(1).isupper() and not after.group(1).isupper()


def _stripped_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` of `text` moved to where they fall once its quotation marks are taken out."""
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text)]
    if not marks:
        return spans
    def at(pos: int) -> int:
        return pos - sum(1 for m in marks if m < pos)
    return [(at(a), at(b)) for a, b in spans]


def _all_undermined(text: str, calm_at: list[int], phrases: list[str]) -> bool:
    """Whether every place a de-escalation cue matched lies inside one of the phrases (found in `text`)."""
    spans = []
    for phrase in phrases:
        phrase = _QUOTE_MARKS.sub("", phrase)
        at = text.find(phrase)
        while at >= 0:
            spans.append((at, at + len(phrase)))
            at = text.find(phrase, at + 1)
    return bool(spans) and all(any(a <= pos < b for a, b in spans) for pos in calm_at)


# a clause the point reports as another party's words ("a missile shield, which Washington says is directed at
# protecting the alliance, is escalating tensions", "what Israel calls self-defence"): named, capitalised, then
# a verb of saying; the clause runs to the next comma, semicolon or full stop
_ATTRIBUTED = re.compile(r"\b(?:[Ww]hich|[Tt]hat|[Ww]hat)\s+(?:the\s+)?(?!I\s)(?:[A-Z][\w.'’-]*\s+){1,4}"
                         r"(?:says?|said|claims?|claimed|calls?|called|describes?|described|insists?|insisted|"
                         r"argues?|argued|maintains?|maintained|considers?|considered)\b[^,;.]*")


def _attributed_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` tells another named party's words inside the speaker's own (see _ATTRIBUTED)."""
    return [(m.start(), m.end()) for m in _ATTRIBUTED.finditer(text)]


# another party's denial the point tells beside the speaker's words ("accused the rebels of the bombing, which the
# rebel command denies", "a charge Moscow has rejected"): the reporter's aside, no denial of the speaker's; not one
# the speaker makes of itself ("which it denies")
_DENIED_BY_ANOTHER = re.compile(r"\b(?:which|a\s+charge|charges|an\s+accusation|accusations|allegations?)\s+"
                                r"(?!(?:it|they|we|he|she|I)\b)(?:the\s+)?(?:[\w.'’-]+\s+){1,4}?"
                                r"(?:(?:has|have|had|strongly|repeatedly|flatly|always)\s+){0,2}"
                                r"(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed))\b", re.IGNORECASE)


def _denied_by_another_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` tells another party's denial in an aside (see _DENIED_BY_ANOTHER)."""
    return [(m.start(), m.end()) for m in _DENIED_BY_ANOTHER.finditer(text)]


# cues that set a condition on another party ("only if ...", "provided that ...", "until ... is lifted"): a
# ceasefire or a stop read after one is what the condition asks, not the speaker's de-escalation
_CONDITION_CUES = frozenset({"demand.condition", "demand.terms", "demand.until"})


def label_text(text: str, cueset: CueSet, *, intro: str | None = None, intro_label: str | None = None,
               tokens: "Span | None" = None, voice: Voice | None = None) -> Labelling:
    """Labels, fired cue ids and group targets of one point's text.

    `intro` is the lemma of the reporting verb that introduced the point, if any; `intro_label` a
    label the introduction of a list lends to each of its items; `tokens` the point's parse (a spaCy
    Span or Doc over exactly `text`), which adds the lemma rules of `syntax.py`; `voice` who speaks it
    (reported speech in news), which lets those rules read a party's account of its own side's acts.
    """
    out = Labelling()
    suppressed: set[str] = set()
    replaced: set[str] = set()
    third_party = bool(cueset.third_party.search(text))
    if tokens is not None and cueset.syntax:
        third_party = third_party or any(observer_voice(sent, cueset.syntax) for sent in sentences(tokens))
        group_in = (lambda s: cueset.group_of(s) is not None) if cueset.groups else None
        for hit in syntax_hits(tokens, cueset.syntax, group_in=group_in, voice=voice):
            cue_id = hit.cue + (":third_party" if third_party else "")
            if cue_id not in out.cues:
                out.cues.append(cue_id)
            if third_party:
                continue
            if hit.label not in out.labels:
                out.labels.append(hit.label)
            if hit.replaces:
                replaced.add(hit.replaces)
            if hit.label == "incitement":
                name = cueset.group_of(text)
                if name and name not in out.targets:
                    out.targets.append(name)
    idle = _stripped_spans(text, calm_idle_spans(tokens)) if tokens is not None and len(tokens) else []
    text = _QUOTE_MARKS.sub("", text)       # 'said the reports were "completely untrue"': the cues read the words
    start = _cue_scan_start(cueset.cues, text)
    names = _name_spans(text, tokens) if start is not None else []
    from_syntax_or_intro = set(out.labels)
    attributed = _attributed_spans(text) if start is not None else []
    denied_aside = _denied_by_another_spans(text) if start is not None else []
    calm_at: list[int] = []                 # where the de-escalation cues matched
    condition_at: list[int] = []            # where a condition set on another party begins
    for cue in cueset.cues if start is not None else ():
        for match in cue.pattern.finditer(text, start):
            if _in_name(match, names):
                if cue.id + ":name" not in out.cues:
                    out.cues.append(cue.id + ":name")
                continue
            label: str | None = cue.label
            cue_id = cue.id
            if cue.negatable and _negated(text, match, cueset.negation):
                label = None if cue.when_negated == "none" else cue.when_negated
                cue_id += ":negated"
            if label is not None and third_party:
                label, cue_id = None, cue_id + ":third_party"
            if label == "justification" and any(a <= match.start() < b for a, b in attributed):
                label, cue_id = None, cue_id + ":attributed"    # grounds another party gives, told by the speaker
            if label == "denial" and any(a <= match.start() < b for a, b in denied_aside):
                label, cue_id = None, cue_id + ":another"       # "..., which the rebels deny": another's denial
            if cue_id not in out.cues:
                out.cues.append(cue_id)
            if label is None:
                continue
            if label == "de_escalation":
                calm_at.append(match.start())
            elif cue.id in _CONDITION_CUES:
                condition_at.append(match.start())
            if label not in out.labels:
                out.labels.append(label)
            suppressed.update(cue.suppresses if label == cue.label else ())
            if cue.targets:
                for slot in cue.group_slots:
                    value = match.group(slot)
                    name = cueset.group_of(value) if value else None
                    if name and name not in out.targets:
                        out.targets.append(name)
    if calm_at and "de_escalation" not in from_syntax_or_intro and tokens is not None and cueset.syntax \
            and _all_undermined(text, calm_at, calm_undermined_spans(tokens, cueset.syntax)):
        # "the talks could die a slow death", "settlement expansion is weakening prospects for peace": the step
        # towards calm is what is harmed, not one the speaker takes
        suppressed.add("de_escalation")
    if calm_at and "de_escalation" not in from_syntax_or_intro and idle \
            and all(any(a <= pos < b for a, b in idle) for pos in calm_at):
        # "after hours of negotiations with the police", "in war and peace", "talks on deploying the system": the
        # word of calm names a time, a common good or talks about arms, no step towards calm
        suppressed.add("de_escalation")
    if calm_at and condition_at and min(calm_at) > min(condition_at) and "de_escalation" not in from_syntax_or_intro:
        # "ending fighting could only succeed if Russia stopped air strikes": the stop is the condition set on
        # another party, what the speaker demands, not a step of its own
        suppressed.add("de_escalation")
    doubt = cueset.doubt.search(text) if calm_at and cueset.doubt is not None else None
    if doubt is not None and min(calm_at) >= doubt.start() and "de_escalation" not in from_syntax_or_intro \
            and not _TURN.search(text, doubt.end(), max(calm_at)):
        # "expressed concern over Russia's role in ensuring the cessation of hostilities": a doubt about the
        # step towards calm, no step of the speaker's
        suppressed.add("de_escalation")
    if intro and intro in cueset.intro_verbs and not third_party:
        label = cueset.intro_verbs[intro]
        # what is pledged is the pledge's own object ("pledged allegiance to ... and is believed to have killed"); a
        # warning's is also in its preposition ("warned the United States against any military action")
        pledged = (pledged_words(tokens, intro) if intro != "warn" else tokens) if tokens is not None else None
        no_force = intro in ("warn", "promise", "pledge", "vow") and pledged is not None and bool(cueset.syntax) \
            and not violent_content(pledged, cueset.syntax)
        # a warning, pledge or vow of what is no force ("vowed a thorough investigation", "vowed to remain until
        # they are found"); a warning or pledge hedged as well
        hedged = intro in ("warn", "promise", "pledge") and (bool(cueset.hedge.search(text)) or no_force) \
            or intro == "vow" and no_force
        # "threatening the safety of civilian aircraft": to endanger, no threat the speaker makes
        hedged = hedged or (intro == "threaten" and tokens is not None and bool(cueset.syntax)
                            and endangers_only(tokens, cueset.syntax))
        # "warned that 20,000 children are trapped": a warning of what is, not of what the speaker will do
        hedged = hedged or (intro == "warn" and not cueset.prospect.search(text))
        # "pledged not to take part in the assault": a pledge of restraint, what the speaker will not do
        hedged = hedged or (intro in ("vow", "pledge", "promise") and tokens is not None
                            and pledges_restraint(tokens, intro))
        # "appealed to a court to have his conviction overturned": an appeal at law, no call to action
        hedged = hedged or (intro == "appeal" and cueset.legal_appeal is not None
                            and bool(cueset.legal_appeal.search(text)))
        if hedged and intro == "warn" and tokens is not None and voice is not None and cueset.syntax:
            hedged = not warns_of_own_act(tokens, cueset.syntax, voice)     # "warned that it might launch a strike"
        if not hedged and label not in out.labels:
            out.labels.append(label)
            out.cues.append(f"intro.{intro}")
    if intro_label and intro_label not in out.labels and not third_party:
        out.labels.append(intro_label)
        out.cues.append(f"list_intro.{intro_label}")
    if "denial" in out.labels and tokens is not None and cueset.syntax and withholds_only(tokens, cueset.syntax):
        suppressed.add("denial")                       # "denying the militants access to terrain": withheld
    elif "denial" in out.labels:
        suppressed.add("claim_of_responsibility")      # "denied that its warplanes hit the hospital"
    told = intro is not None and intro not in cueset.intro_verbs and intro not in cueset.syntax.get("asking_verbs", ())
    if told and {"call_to_action", "demand"} & set(out.labels) and tokens is not None and cueset.syntax \
            and asks_told_of_another(tokens, cueset.syntax, voice):
        # "(said) authorities had asked him to keep quiet": in what the speaker says, a request another party
        # made; no call or demand of the speaker's
        suppressed.add("call_to_action")
        if not any(c.startswith(("syn.demand.must", "syn.demand.should")) for c in out.cues):
            suppressed.add("demand")
        out.cues.append("syntax.asked_by_another")
    if cueset.precaution is not None and cueset.precaution.search(text):
        suppressed.add("call_to_action")               # "urged Americans to take extra precautions": advice
    if "call_to_action" in out.labels and cueset.stand_down is not None and cueset.stand_down.search(text):
        # "urged the holdouts to stand down": a call for calm is what a party is asked to do, not action
        suppressed.add("call_to_action")
        out.labels += [lab for lab in ("demand", "de_escalation") if lab not in out.labels]
        out.cues.append("modifier.stand_down")
    out.labels = [lab for lab in out.labels if lab not in suppressed and lab not in replaced]
    if len(out.labels) > 1:
        out.labels = [lab for lab in out.labels if lab != "other"]      # "other": when nothing else fits
    if not out.labels:
        out.labels = ["other"]
    out.labels.sort(key=POINT_LABELS.index)
    return out
