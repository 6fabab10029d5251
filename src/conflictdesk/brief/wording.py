"""Small helpers that turn records into English: names, numbers in words, lists, articles."""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..records import Actor, Extraction, Person

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
LABEL_NAMES = {
    "threat": "threat", "call_to_action": "call to action", "incitement": "incitement",
    "justification": "justification", "de_escalation": "de-escalation",
    "claim_of_responsibility": "claim of responsibility", "denial": "denial", "demand": "demand", "other": "other",
}
_TYPE_PHRASES = {"state_forces": "a state force", "protesters": "a protester group", "rioters": "a rioter group",
                 "civilian_group": "a civilian group", "umbrella_coalition": "an umbrella coalition",
                 "unidentified_armed_group": "an unidentified armed group"}


def number_word(n: int) -> str:
    return NUMBERS[n] if 0 <= n < len(NUMBERS) else str(n)


def article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def join(items: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def type_phrase(actor_type: str) -> str:
    return _TYPE_PHRASES.get(actor_type) or article(actor_type.replace("_", " "))


def labels_phrase(labels: list[str], targets: list[str]) -> str:
    """"threat", "call to action, incitement against Jews and justification": one point's labels, once."""
    parts = []
    for lab in labels:
        if lab == "other":
            continue
        name = LABEL_NAMES.get(lab, lab.replace("_", " "))
        if lab in ("incitement", "threat") and targets:
            name += " against " + join(targets)
        parts.append(name)
    return join(parts)


class Names:
    """Display names of actors and people: the knowledge base's, else the extraction's, else the id."""

    def __init__(self, ex: Extraction, kb: "KnowledgeBase | None") -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in ex.actors}
        self.people: dict[str, Person] = {p.id: p for p in ex.people}
        self.kb = kb
        self.on = ex.document.published         # the day roles and relations are read as of

    def known_actor(self, actor_id: str) -> bool:
        return actor_id in self.actors or (self.kb is not None and actor_id in self.kb.actors)

    def actor(self, actor_id: str) -> str:
        if self.kb is not None and actor_id in self.kb.actors:
            return self.kb.actors[actor_id].name
        if actor_id in self.actors:
            return self.actors[actor_id].name
        return actor_id

    def person(self, person_id: str | None) -> str | None:
        if person_id is None:
            return None
        if self.kb is not None and person_id in self.kb.people:
            return self.kb.people[person_id].name
        return self.people[person_id].name if person_id in self.people else person_id

    def role(self, person_id: str | None, on: "dt.date | None" = None) -> tuple[str, str] | None:
        """(title, actor id) of the person: as the text gives them, else their knowledge-base role active on
        `on` (the first one recorded)."""
        if person_id is None:
            return None
        found = self.people.get(person_id)
        if found is not None and found.role and found.actor:
            return found.role, found.actor
        entry = self.kb.people.get(person_id) if self.kb is not None else None
        for role in entry.roles if entry is not None else ():
            active = on is None or ((role.since is None or role.since.first_day() <= on)
                                    and (role.until is None or role.until.last_day() >= on))
            if role.actor and active:
                return role.title, role.actor
        return None

    def targets(self, targets: list[str]) -> list[str]:
        """Point targets as names: actor ids named, group names ("Jews") as they are."""
        return [self.actor(t) if self.known_actor(t) else t for t in targets]


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'-]{2,}(?: [A-Z][A-Z'-]+)*(?:, (?:[A-Z][a-z]{1,12}\.?|[A-Z]\.[A-Z]\.)(?: [A-Z][a-z]+\.?)?)?"
    r"(?:/(?=[A-Z]))?)+(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?=\s*[-—–]))?(?: \([A-Za-z]+\))?(?:\s*[-—–]+\s*|\s+)"
    r"(?=[A-Z\"“'‘])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.(?:[A-Z]\.)*|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|Rev|St|"
                           r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|Ltd|No|Fla|Calif|Ariz|Mass|Conn|"
                           r"Ill|Mich|Minn|Penn|Tenn|Va|Wash|Wis|Mo|Ky|La|Md|Ala|Ga|Ore|Okla|Colo|Neb|Nev|Del|vs|"
                           r"approx|Ave|Blvd|Mt|Ft)\.)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(]?[A-Z0-9]|\s*$)")


def dateline_length(text: str) -> int:
    """How many characters a wire dateline takes at the start of `text` ("ORLANDO, Fla. ", "LONDON — ")."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of plain text as offsets: split at . ! ? before a capital, not after an abbreviation
    ("U.S.", "Fla.", "Mr."), and at line breaks."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _SENTENCE_END.finditer(line.group(0)):
            end = line.start() + m.end()
            if _ABBREVIATION.search(text[start:line.start() + m.start() + 1]):
                continue
            out.append((start, end))
            start = end
        if start < line.end():
            out.append((start, line.end()))
    spans = []
    for s, e in out:
        body = text[s:e]
        lead = len(body) - len(body.lstrip())
        if body.strip():
            spans.append((s + lead, s + lead + len(body.strip())))
    return spans
