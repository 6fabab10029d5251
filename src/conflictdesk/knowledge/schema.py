"""The knowledge base's file format, as pydantic models (used only to validate YAML files).

Three kinds of entry, one YAML list per file:
`data/actors/*.yaml` holds `ActorEntry`s, `data/people/*.yaml` `PersonEntry`s and
`data/places/*.yaml` curated `PlaceEntry`s (bases, crossings, camps, seas). Unknown keys are
errors (`extra="forbid"`), so a typo never silently drops a fact.

Dates (`since`, `until`) are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and keep their precision
(`PartialDate`). Every entry and every fact on it (designation, relation, role) carries a
`source`: a URL (`https://...`) or a citation `"Publication, YYYY-MM-DD"` (`YYYY` or
`YYYY-MM` accepted when that is all the publication gives).

An entry named only after ACLED's public data (no other publication states anything about it)
says so in its source: `"ACLED actor name (as used in ACLED's public data), name only"`, a
citation whose only fact is the name; such an entry carries no relations, designations or
dates unless each has a source of its own.

Matching rules, as data on an entry (the matcher, `matcher.py`, applies them):
  - `case_sensitive`: names matched only with the same letters in the same case. Short all-caps
    names (<= 5 letters: KH, IRGC, US) always are; list others that are common words in lower
    case (Turkey, China).
  - `english_words`: names that are also English words when written in capitals (US = "us",
    IS = "is", TIP, JAM). They are not matched in all-caps text ("LET US KNOW", "US STRIKES":
    no word within three either side has a lower-case letter); elsewhere they are.
  - `personal_names`: names that are also people's names (Amal, Wagner, Jordan, Chad). They are
    not matched right next to another capitalised word ("Amal Clooney", "Samir Amal"); a
    capitalised function word ("The", "And") or a possessive ("Lebanon's") before them is fine.
  - `not_within`: longer phrases that contain one of the entry's names (or demonyms) as whole
    words but do not name the entry ("Latin America", "North American" for the United States;
    "Fateh-110" for Fatah). The matcher finds them like names; one that wins by longest match
    hides every match inside it and is itself not reported. A phrase that is also a real name of
    some entry is reported as that entry.
  - `demonyms` (states only): adjectives and nouns for the state's people ("Iranian",
    "Iranians"), matched as the state with rule "demonym"; generated for every state by
    `tools/build_state_actors.py`.
  - Fuzzy matching is never applied to demonyms, case-sensitive or guarded names, nor to single
    words; see `matcher.py` for its rules.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, PlainValidator, field_validator,
                      model_validator)

from ..taxonomy import FIXED_INTER

ACTOR_TYPES: tuple[str, ...] = (
    "state", "state_forces", "police", "government", "rebel_group", "political_militia", "identity_militia",
    "umbrella_coalition", "international_force", "political_party", "civilian_group", "protesters", "rioters",
    "unidentified_armed_group", "external_force", "other",
)
RELATION_TYPES: tuple[str, ...] = (
    "member_of", "backed_by", "allied_with", "hostile_to", "splinter_of", "successor_of", "part_of",
)

ActorType = Literal[
    "state", "state_forces", "police", "government", "rebel_group", "political_militia", "identity_militia",
    "umbrella_coalition", "international_force", "political_party", "civilian_group", "protesters", "rioters",
    "unidentified_armed_group", "external_force", "other",
]
RelationType = Literal["member_of", "backed_by", "allied_with", "hostile_to", "splinter_of", "successor_of", "part_of"]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_CITATION = re.compile(r"^\S.*\S, \d{4}(?:-\d{2}(?:-\d{2})?)?$")


# --- dates ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, month or day: `2014`, `2014-06`, `2014-06-15`."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValueError(f"date {value!r} does not parse (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        text = str(value).strip()
        m = _DATE.match(text)
        if not m:
            raise ValueError(f"date {text!r} does not parse (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = int(m[1]), (int(m[2]) if m[2] else None), (int(m[3]) if m[3] else None)
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"date {text!r} does not parse (no such day)") from None
        return cls(year, month, day)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return dt.date(self.year, self.month or 1, self.day)
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out


Date = Annotated[PartialDate, PlainValidator(PartialDate.parse), PlainSerializer(str, return_type=str)]


def is_active(since: PartialDate | None, until: PartialDate | None, on: dt.date | None) -> bool:
    """Whether a fact dated [since, until] may hold on `on` (inclusive at each date's precision)."""
    if on is None:
        return True
    if since is not None and on < since.first_day():
        return False
    return not (until is not None and on > until.last_day())


# --- sources ----------------------------------------------------------------------------------
NAME_ONLY = "ACLED actor name (as used in ACLED's public data), name only"
"""The source of an entry known only by its name in ACLED's public data (see the module docstring)."""


def check_source(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("source is required: a URL or \"Publication, YYYY-MM-DD\"")
    text = value.strip()
    if _URL.match(text) or _CITATION.match(text) or text == NAME_ONLY:
        return text
    raise ValueError(f"source {text!r} is neither a URL (https://...) nor \"Publication, YYYY-MM-DD\"")


Source = Annotated[str, BeforeValidator(check_source)]
Slug = Annotated[str, Field(pattern=SLUG.pattern)]
Name = Annotated[str, Field(min_length=1)]


def _fold(text: str) -> str:
    """Lower case, hyphens and apostrophes as the matcher folds them (for the checks here)."""
    return " ".join(re.sub(r"[-\u2010-\u2014_]", " ", re.sub(r"['\u2019`]", "", text.lower())).split())


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_period(since: PartialDate | None, until: PartialDate | None) -> None:
    if since is not None and until is not None and until.last_day() < since.first_day():
        raise ValueError(f"until ({until}) is before since ({since})")


# --- facts ------------------------------------------------------------------------------------
class DesignationEntry(_Model):
    """A designation by a government or body, e.g. a US Foreign Terrorist Organization listing."""

    by: Name
    kind: Name
    since: Date | None = None
    until: Date | None = None
    source: Source

    @model_validator(mode="after")
    def _period(self) -> "DesignationEntry":
        _check_period(self.since, self.until)
        return self


class RelationEntry(_Model):
    """A relation from the actor holding it to another actor (`object`, an actor id)."""

    type: RelationType
    object: Slug
    since: Date | None = None
    until: Date | None = None
    source: Source
    note: str | None = None

    @model_validator(mode="after")
    def _period(self) -> "RelationEntry":
        _check_period(self.since, self.until)
        return self


class RoleEntry(_Model):
    """A person's role in an actor (`actor`, an actor id), e.g. Secretary-General."""

    title: Name
    actor: Slug | None = None
    since: Date | None = None
    until: Date | None = None
    source: Source

    @model_validator(mode="after")
    def _period(self) -> "RoleEntry":
        _check_period(self.since, self.until)
        return self


# --- entries ----------------------------------------------------------------------------------
class _Named(_Model):
    id: Slug
    name: Name
    aliases: tuple[Name, ...] = ()
    case_sensitive: tuple[Name, ...] = ()      # matched case-sensitively (besides short all-caps aliases)
    ambiguous_aliases: tuple[Name, ...] = ()   # aliases knowingly shared with other entries
    english_words: tuple[Name, ...] = ()       # names that are English words in capitals: US, IS
    personal_names: tuple[Name, ...] = ()      # names that are also people's names: Amal, Badr
    not_within: tuple[Name, ...] = ()          # longer phrases holding a name, not naming the entry
    description: str | None = None
    source: Source

    def all_names(self) -> tuple[str, ...]:
        """Name and aliases, in order, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def matched_names(self) -> tuple[str, ...]:
        """Every name the matcher looks for (for actors: with the ACLED name and demonyms)."""
        return self.all_names()

    @model_validator(mode="after")
    def _listed(self) -> "_Named":
        names = set(self.all_names()) | set(getattr(self, "_extra_names", lambda: ())())
        for field in ("case_sensitive", "ambiguous_aliases"):
            for alias in getattr(self, field):
                if alias not in names:
                    raise ValueError(f"{field}: {alias!r} is not one of the entry's name or aliases")
        if not (self.english_words or self.personal_names or self.not_within):
            return self
        matched = {_fold(n) for n in self.matched_names()}
        wrong = [f"{field}: {alias!r} is not one of the entry's names or demonyms"
                 for field in ("english_words", "personal_names") for alias in getattr(self, field)
                 if _fold(alias) not in matched]
        for phrase in self.not_within:
            folded = f" {_fold(phrase)} "
            if not any(f" {n} " in folded and n != folded.strip() for n in matched):
                wrong.append(f"not_within: {phrase!r} does not contain one of the entry's names as whole words "
                             f"(and must be longer than it)")
        if wrong:
            raise ValueError("; ".join(wrong))
        return self


class ActorEntry(_Named):
    acled_name: str | None = None
    type: ActorType
    inter: int | None = Field(default=None, ge=1, le=8)
    country: str | None = None                 # English short name as ACLED spells it; None: international
    demonyms: tuple[Name, ...] = ()            # for states: "Iranian", "Iranians"
    designations: tuple[DesignationEntry, ...] = ()
    relations: tuple[RelationEntry, ...] = ()
    since: Date | None = None
    until: Date | None = None

    def _extra_names(self) -> tuple[str, ...]:
        return (self.acled_name,) if self.acled_name else ()

    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases, *self._extra_names())))

    def matched_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.all_names(), *(self.demonyms if self.type == "state" else ()))))

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is not None and (not value or not value[0].isupper()):
            raise ValueError(f"country {value!r} must be the English short name as ACLED spells it, e.g. 'Iraq'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "ActorEntry":
        _check_period(self.since, self.until)
        fixed = FIXED_INTER.get(self.type)
        if fixed is not None and self.inter is not None and self.inter != fixed:
            raise ValueError(f"inter {self.inter} does not fit type {self.type} (ACLED codes it {fixed})")
        for rel in self.relations:
            if rel.object == self.id:
                raise ValueError(f"relations: {rel.type} points at the actor itself")
        return self


class PersonEntry(_Named):
    roles: tuple[RoleEntry, ...] = ()
    nationality: str | None = None


class PlaceEntry(_Named):
    """A curated place the gazetteer lacks or places badly: a base, a crossing, a camp, a sea."""

    kind: Name
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    geo_precision: int = Field(ge=1, le=3)
    geonames_id: int | None = None


ENTRY_MODELS: dict[str, type[_Named]] = {"actors": ActorEntry, "people": PersonEntry, "places": PlaceEntry}
