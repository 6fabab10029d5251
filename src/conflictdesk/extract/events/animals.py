"""Harm done to an animal ("the gorilla was shot dead", "officers shot the animal to death", "the shot that killed
the bear"): a violent word whose only victims are animals reports no political violence."""
from __future__ import annotations

from typing import Any

from .patterns import EventPatterns
from .triggers import Mention

VICTIM_DEPS = ("dobj", "nsubjpass")
OF_VICTIM = ("of", "on")          # "the shooting of the gorilla", "an attack on a dog"


FIRED = {"shot", "round", "bullet"}   # "fired the shot that killed the wolf": the victim is the shot's
DEAD_DEPS = ("oprd", "acomp", "xcomp", "ccomp")   # "was shot dead", "shot the bear dead"


def _victims(head: Any, skip: set[int], depth: int = 0) -> list[Any]:
    """Who a violent word is done to: a verb's object or its passive's subject (the subject of "die"); for a noun,
    the object of the verb of its relative clause ("the shot that killed the ape"), its "of" or "on" phrase, or its
    possessor; for "dead" told of a verb ("was shot dead"), that verb's."""
    if depth > 2:
        return []
    if head.pos_ == "ADJ":
        return _victims(head.head, skip, depth + 1) if head.dep_ in DEAD_DEPS and head.head.i != head.i else []
    if head.pos_ in ("VERB", "AUX"):
        deps = VICTIM_DEPS + ("nsubj",) if head.lemma_.lower() == "die" else VICTIM_DEPS
        found = [c for c in head.children if c.dep_ in deps and c.i not in skip]
        return [v for c in found for v in (_victims(c, skip, depth + 1) if c.lower_ in FIRED else [c])]
    found = [c for c in head.children if c.dep_ == "poss"]
    found += [g for c in head.children if c.dep_ == "prep" and c.lower_ in OF_VICTIM
              for g in c.children if g.dep_ == "pobj"]
    found += [g for c in head.children if c.dep_ == "relcl" and c.pos_ == "VERB"
              for g in c.children if g.dep_ == "dobj"]
    return found


def harms_animal(m: Mention, patterns: EventPatterns) -> bool:
    """True when every victim the violent word names is an animal ("a ranger shot the wolf"; not "shot a man and
    his dog", where the man is the first victim)."""
    if not patterns.animals:
        return False
    victims = _victims(m.head, {t.i for t in m.tokens})
    # a common noun only: "a Black Hawk was shot down" is a helicopter
    return bool(victims) and all(v.pos_ == "NOUN" and (v.lemma_.lower() in patterns.animals
                                                       or v.lower_ in patterns.animals) for v in victims)
