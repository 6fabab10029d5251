"""Relations and roles stated in a document's text, from patterns in data/patterns/relations.yaml.

The actor stage (`extract/actors.py`) finds the actor and person mentions first; this module
masks them (same length, so offsets stay the text's) and matches the relation and role
patterns over the masked text. Every relation found carries `source="text"` and its evidence.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ExtractionError
from ..records import Relation, Span
from .pattern_files import PATTERN_FILE_CODE, read_pattern_file

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ACTOR_HEAD, _ACTOR_BODY = "\x01", "\x02"
_PERSON_HEAD, _PERSON_BODY = "\x03", "\x04"
_ACTOR = f"{_ACTOR_HEAD}{_ACTOR_BODY}*"
_PERSON = f"{_PERSON_HEAD}{_PERSON_BODY}*"
_STOP = r"(?:in|of|and|or|against|with|from|to|for|by|on|at|the|a|an|that|which|who|is|are|was|were|as)"
_PLACEHOLDERS = {
    "{S}": f"(?P<S>{_ACTOR})",
    "{O}": f"(?P<O>{_ACTOR})",
    "{P}": f"(?P<P>{_PERSON})",
    "{LIST}": rf"(?P<LIST>(?:the\s+)?{_ACTOR}(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?{_ACTOR})*)",
    "{ITS}": r"(?P<ITS>its|their|the group(?:'s|’s)|the movement(?:'s|’s)|the militia(?:'s|’s))",
    "{MOD}": rf"(?:(?!{_STOP}\b)[A-Za-z][\w'’-]*\s+){{0,4}}?",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """An actor or person mention the actor stage found: `kind` "actor" or "person"."""

    start: int
    end: int
    kind: str
    id: str
    rule: str = ""


@dataclass(frozen=True, slots=True)
class RoleTitle:
    pattern: re.Pattern[str]
    title: str
    leader: bool


@dataclass(frozen=True, slots=True)
class StatedRole:
    """A person's role as the text states it: "its Secretary-General, Abu Hussein al-Hamidawi"."""

    person: str
    title: str
    actor: str | None
    leader: bool
    evidence: Span
    rule: str


@dataclass(frozen=True, slots=True)
class _Pattern:
    id: str
    relation: str | None
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class RelationPatterns:
    relations: tuple[_Pattern, ...]
    roles: tuple[_Pattern, ...]
    titles: tuple[RoleTitle, ...]


@functools.cache
def relation_patterns() -> RelationPatterns:
    """The compiled patterns of relations.yaml and role titles of roles.yaml (loaded once)."""
    roles_data = read_pattern_file("roles.yaml")
    problems: list[str] = []
    titles: list[RoleTitle] = []
    for i, item in enumerate(roles_data.get("roles") or []):
        try:
            titles.append(RoleTitle(re.compile(item["pattern"], re.I), str(item["title"]), bool(item.get("leader"))))
        except (KeyError, TypeError, re.error) as exc:
            problems.append(f"roles.yaml: roles[{i}]: {exc}")
    role_alt = "|".join(sorted((t.pattern.pattern for t in titles), key=len, reverse=True))
    placeholders = dict(_PLACEHOLDERS, **{"{ROLE}": f"(?P<ROLE>{role_alt})"})
    data = read_pattern_file("relations.yaml")
    compiled: dict[str, list[_Pattern]] = {"relations": [], "roles": []}
    for section in ("relations", "roles"):
        for i, item in enumerate(data.get(section) or []):
            try:
                source = str(item["pattern"]).replace(" ", r"\s+")
                for key, value in placeholders.items():
                    source = source.replace(key, value)
                rel = item.get("relation") if section == "relations" else None
                if section == "relations" and not rel:
                    raise KeyError("relation")
                compiled[section].append(_Pattern(str(item["id"]), rel, re.compile(source, re.I)))
            except (KeyError, TypeError, re.error) as exc:
                pid = item.get("id", "?") if isinstance(item, dict) else "?"
                problems.append(f"relations.yaml: {section}[{i}] ({pid}): "
                                f"{type(exc).__name__} {exc}")
    if problems:
        raise ExtractionError("relation patterns do not compile:\n  " + "\n  ".join(problems), code=PATTERN_FILE_CODE)
    return RelationPatterns(tuple(compiled["relations"]), tuple(compiled["roles"]), tuple(titles))


def mask(text: str, hits: list[Hit]) -> str:
    """`text` with each (non-overlapping) mention replaced by control characters of the same length."""
    chars = list(text)
    for h in hits:
        head, body = (_ACTOR_HEAD, _ACTOR_BODY) if h.kind == "actor" else (_PERSON_HEAD, _PERSON_BODY)
        chars[h.start] = head
        for i in range(h.start + 1, h.end):
            chars[i] = body
    return "".join(chars)


def find_text_relations(text: str, parsed: "Doc", hits: list[Hit]) -> tuple[list[Relation], list[StatedRole]]:
    """Relations between actors and people's roles that the text states, with their evidence."""
    pats = relation_patterns()
    masked = mask(text, hits)
    by_start = {h.start: h for h in hits}
    relations: list[Relation] = []
    for pat in pats.relations:
        for m in pat.regex.finditer(masked):
            evidence = Span.of(text, m.start(), m.end())
            obj = by_start[m.start("O")].id
            subjects = ([by_start[m.start("S")].id] if "S" in m.re.groupindex and m.group("S")
                        else [by_start[s].id for s in _heads(masked, m.start("LIST"), m.end("LIST"))])
            for subj in subjects:
                if subj != obj:
                    relations.append(Relation(subject=subj, relation=str(pat.relation), object=obj, source="text",
                                              evidence=evidence))
    roles: list[StatedRole] = []
    actor_hits = sorted((h for h in hits if h.kind == "actor"), key=lambda h: h.start)
    for pat in pats.roles:
        for m in pat.regex.finditer(masked):
            person = by_start[m.start("P")].id
            role_text = m.group("ROLE")
            title = next((t for t in pats.titles if t.pattern.fullmatch(role_text)), None)
            if title is None:      # pragma: no cover - the alternation is built from the same titles
                continue
            if "S" in m.re.groupindex and m.group("S"):
                actor: str | None = by_start[m.start("S")].id
            else:
                actor = _owner(parsed, actor_hits, m.start("ITS"))
            roles.append(StatedRole(person=person, title=title.title, actor=actor, leader=title.leader,
                                    evidence=Span.of(text, m.start(), m.end()), rule=pat.id))
    return relations, roles


def _heads(masked: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if masked[i] == _ACTOR_HEAD]


def _owner(parsed: "Doc", actor_hits: list[Hit], at: int) -> str | None:
    """Whom "its" at offset `at` refers to: the nearest preceding actor in the sentence, a subject first."""
    sent_start = 0
    starts = [t.idx for t in parsed]
    i = bisect.bisect_right(starts, at) - 1
    if i >= 0:
        sent_start = parsed[i].sent.start_char if parsed.has_annotation("SENT_START") else 0
    before = [h for h in actor_hits if h.end <= at and h.start >= sent_start]
    if not before:
        before = [h for h in actor_hits if h.end <= at and at - h.end < 300][-1:]
    if not before:
        return None
    for h in reversed(before):
        span = parsed.char_span(h.start, h.end, alignment_mode="expand")
        if span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span):
            return h.id
    return before[-1].id
