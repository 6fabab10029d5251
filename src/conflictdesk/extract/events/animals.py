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
        if not found:
            # "shot at animals"; "shot and killed a mountain lion": the object the verbs share, told after the last
            found = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "at"
                     for g in c.children if g.dep_ == "pobj"]
            found += [g for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      for g in c.children if g.dep_ in VICTIM_DEPS and g.i not in skip]
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


def _an_animal(t: Any, patterns: EventPatterns) -> bool:
    return t.pos_ == "NOUN" and (t.lemma_.lower() in patterns.animals or t.lower_ in patterns.animals)


def done_by_animal(m: Mention, patterns: EventPatterns) -> bool:
    """"A tiger killed a keeper", "a man was mauled by a bear", "the alligator's attack": a violent word whose doer
    is an animal (its subject, its passive's "by", its possessor) tells no political violence."""
    if not patterns.animals:
        return False
    head = m.head
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if head.pos_ == "VERB":
        # "fought the crocodile off", "fought against the bear", "fought to free his son from the jaws of the
        # crocodile": the animal one fights (not "fought the protesters with dogs", the dogs a means)
        verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
        preps = ("from", "against") if any(c.dep_ == "dobj" for c in head.children) else ("from", "against", "with")
        found = [g for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pobj"]
        doers += found + [c for t in found for c in t.children if c.dep_ == "poss"]    # "the alligator's grasp"
        doers += [g for t in found for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    if head.pos_ == "NOUN":
        doers += [c for c in head.children if c.dep_ == "poss"]
        doers += [c for c in head.children if c.dep_ == "prep" and c.lower_ == "by" for c in c.children
                  if c.dep_ == "pobj"]
    # "a pack of dogs": the animals the group word counts
    doers = [g for d in doers for g in ([d] + [p for c in d.children if c.dep_ == "prep" and c.lower_ == "of"
                                               for p in c.children if p.dep_ == "pobj"])]
    return any(_an_animal(d, patterns) for d in doers)
