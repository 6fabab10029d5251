"""Sides of an event told more than once: what a later telling may add to the sides of the first (notes.absorb)."""
from __future__ import annotations

from types import SimpleNamespace

from conflictdesk.extract.events.notes import absorb
from conflictdesk.extract.events.patterns import Coding


def _telling(nlp, text, word, *, event_type, actor1, actor2, civilian_targeting=False):
    head = next(t for t in nlp(text) if t.lower_ == word)
    return SimpleNamespace(mention=SimpleNamespace(head=head), coding=Coding(event_type, "Armed clash"),
                           actor1=actor1, actor2=actor2, a1_default=False, alone=False, claim_word=None,
                           status="reported", reference=False, date=None, place=None, place_here=False,
                           pattern=False, assoc1=[], assoc2=[], civilian_targeting=civilian_targeting,
                           count=None, salience="background", apart=False, rules=[], rule="clash")


def test_the_dead_of_a_war_retold_are_no_side_of_its_battle(nlp):
    # "army troops routed the insurgents" told again as "years of fighting that has killed 300,000 people":
    # the people the fighting killed are its dead, not the side the troops fought
    advance = _telling(nlp, "The push has seen army troops rout the insurgents near the town.", "push",
                       event_type="Battles", actor1="military-forces-of-syria", actor2=None)
    war = _telling(nlp, "Their aim through years of fighting that has killed 300,000 people.", "fighting",
                   event_type="Battles", actor1=None, actor2="civilians-syria", civilian_targeting=True)
    absorb(advance, war, retold=True)
    assert advance.actor2 is None and not advance.civilian_targeting


def test_an_attack_retold_keeps_the_civilians_it_struck(nlp):
    attack = _telling(nlp, "Gunmen opened fire in the market.", "fire", event_type="Violence against civilians",
                      actor1="unidentified-armed-group-syria", actor2=None)
    again = _telling(nlp, "The shooting killed six shoppers.", "shooting", event_type="Violence against civilians",
                     actor1=None, actor2="civilians-syria", civilian_targeting=True)
    absorb(attack, again, retold=True)
    assert attack.actor2 == "civilians-syria" and attack.civilian_targeting
