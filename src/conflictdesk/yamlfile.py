"""YAML with line numbers: the one reader of conflictdesk's data files (knowledge base, event
patterns, statement cues, word lists, language and boilerplate lists, the gazetteer reference).

    doc = read_yaml(path)                     # or parse_yaml(text, origin="events.yaml")
    doc.value                                 # plain Python values
    doc.where("triggers", 3)                  # Origin(file, line) of triggers[3] ("file:line")
    doc.problems                              # duplicate or non-string keys (YamlError: origin, message)
    for where, item in validated_items(doc, "triggers", TriggerModel, problems=problems): ...
                                              # each item checked by a pydantic model, problems with file:line

Scalars keep what was written where YAML 1.1 would silently change it: dates stay strings
("2009-07-02", precision included) and numbers with a leading zero stay strings ("03", "057").
Anchors and aliases are allowed, but what they expand to is bounded (MAX_ALIAS_VALUES values
beyond the file's own, MAX_DEPTH levels of nesting): a file built to explode (a "billion laughs"
file of nested aliases) is refused with its file and line instead of filling memory. A file that
cannot be read or parsed raises `YamlError` ("file:line: message"); callers wrap it in their own
coded error.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

MAX_ALIAS_VALUES = 10_000
MAX_DEPTH = 200

try:  # the C parser is much faster; node marks work the same
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Loc = tuple[Any, ...]
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"
_STR = "tag:yaml.org,2002:str"


class _Readable(Protocol):
    def read_text(self, encoding: str = ...) -> str: ...


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value was written: a file and a 1-based line."""

    file: Path | str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class YamlError(ValueError):
    """A YAML file that cannot be read, does not parse, or expands beyond the bounds."""

    def __init__(self, origin: Origin, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


@dataclass(slots=True)
class YamlDocument:
    """A YAML file's value, where each of its values was written, and its non-fatal problems."""

    value: Any
    origin: str
    lines: dict[Loc, Origin] = field(default_factory=dict)   # () -> the document; ("triggers", 3) -> ...
    problems: list[YamlError] = field(default_factory=list)   # not fatal to parsing; callers decide

    def where(self, *loc: Any) -> Origin:
        """The origin of the value at `loc`, or of the nearest value enclosing it."""
        key = tuple(loc)
        while key not in self.lines and key:
            key = key[:-1]
        return self.lines.get(key, Origin(self.origin, 1))


ModelT = TypeVar("ModelT", bound=BaseModel)


def validated_items(doc: YamlDocument, key: str, model: type[ModelT], *, problems: list[str],
                    name: Callable[[Any], str] | None = None) -> Iterator[tuple[Origin, ModelT]]:
    """Each item of the top-level sequence `key` validated by the pydantic `model`, with where it
    was written. An item that fails is skipped and each of its problems appended to `problems` as
    "file:line: [name: ]field: message" (`name(item)` names the raw item, e.g. "cue custom.bad")."""
    for i, raw in enumerate((doc.value or {}).get(key) or []):
        where = doc.where(key, i)
        try:
            yield where, model.model_validate(raw)
        except ValidationError as exc:
            prefix = f"{where}: {name(raw)}: " if name is not None else f"{where}: "
            problems.extend(f"{prefix}{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in exc.errors())


def read_yaml(path: Path | str | _Readable, *, origin: str | None = None) -> YamlDocument:
    """Read and parse a YAML file (a path or an importlib.resources file)."""
    name = origin or str(path)
    try:
        text = (Path(path) if isinstance(path, str) else path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(Origin(name, 1), f"cannot read the file: {exc}") from exc
    return parse_yaml(text, origin=name)


def parse_yaml(text: str, *, origin: str | Path = "<text>") -> YamlDocument:
    """Parse YAML text; `origin` names it in lines and errors."""
    name = str(origin)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = " ".join(str(x) for x in (getattr(exc, "context", None), getattr(exc, "problem", None)) if x)
        raise YamlError(Origin(name, mark.line + 1 if mark is not None else 1),
                        f"malformed YAML: {what or exc}") from exc
    doc = YamlDocument(value=None, origin=name)
    if node is None:
        return doc
    reader = _Reader(name, doc)
    try:
        doc.value = reader.value(node, (), 0)
    except yaml.YAMLError as exc:  # e.g. an unknown tag
        mark = getattr(exc, "problem_mark", None)
        raise YamlError(Origin(name, mark.line + 1 if mark else 1), f"malformed YAML: {exc}") from exc
    return doc


class _Reader:
    """Turns a composed node tree into Python values, noting each value's line and bounding how
    much the aliases expand (a node reached again through an alias counts again)."""

    def __init__(self, origin: str, doc: YamlDocument) -> None:
        self.origin = origin
        self.doc = doc
        self.constructor = yaml.constructor.SafeConstructor()
        self.visits = 0
        self.seen: set[int] = set()

    def _origin(self, node: yaml.Node) -> Origin:
        return Origin(self.origin, node.start_mark.line + 1)

    def value(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.visits += 1
        self.seen.add(id(node))
        if self.visits - len(self.seen) > MAX_ALIAS_VALUES:
            raise YamlError(self._origin(node), f"aliases expand to more than {MAX_ALIAS_VALUES} values "
                                                "(refused: nested aliases that multiply a file's size)")
        if depth > MAX_DEPTH:
            raise YamlError(self._origin(node), f"values nested deeper than {MAX_DEPTH} levels (refused)")
        self.doc.lines.setdefault(loc, self._origin(node))
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                where = self._origin(key_node)
                if not isinstance(key, (str, int)):
                    self.doc.problems.append(YamlError(where, f"mapping key {key!r} is not a string"))
                    continue
                if key in out:
                    self.doc.problems.append(YamlError(where, f"duplicate key {key!r} in the same mapping"))
                self.doc.lines[(*loc, key)] = where
                out[key] = self.value(value_node, (*loc, key), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return None
        if node.tag == _STR:
            return node.value
        if node.tag == _TIMESTAMP:  # keep dates as written: "2009-07-02", precision included
            return node.value
        if node.tag == _INT and node.value[:1] == "0" and len(node.value) > 1:
            return node.value       # "03" stays as written (YAML 1.1 would read an octal 3)
        return self.constructor.construct_object(node, deep=True)
