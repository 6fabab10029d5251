"""What a report's sources attribute attacks to, read from the parse: "suspected Boko Haram militants
attacked", "a bombing blamed on the PKK", "the PKK was behind it", "the attack bore the hallmarks of IS",
"IS claimed responsibility". ACLED codes an attack the sources attribute with the group they attribute it
to; the events stage (`_claimed_attackers`) names an unnamed attacker from what this reads.

    told = read_attributions(sentences, groups_in=armed_groups_in)
    told.by_sentence[sentence.start_char]   # groups its sources attribute an attack to
    told.back[sentence.start_char]          # groups a bare claim attributes the incident told before to
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .incidents import ANY_VIOLENCE
from .roles import OUTLET_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# the armed groups named in a range of characters: (where the name ends, the actor's id)
GroupsIn = Callable[[int, int], Iterable[tuple[int, str]]]
# words by which sources attribute an attack: "suspected X militants", "blamed on X", "X was behind",
# "attributed to X", "the hallmarks of X", "X claimed responsibility"
SUSPECTING = {"suspected", "alleged", "presumed"}
ATTRIBUTING = {"blame": ("on",), "attribute": ("to",), "hallmark": ("of",)}
# "an al Qaeda-linked group claimed": a group named as kin of the one claiming is not the one claiming
KIN_SUFFIXES = ("-linked", "-affiliated", "-inspired", "-allied", "-aligned", "-backed", " linked", " affiliated")
# what a bare claim names: an incident told before ("claimed responsibility for it / for the attacks")
BACK_POINTING = {"the", "this", "that", "these", "those"}     # determiners: "for the attack"
# the nouns that name an incident told before ("the attack", not "the government")
INCIDENT_WORDS = ANY_VIOLENCE | {"bombing", "blast", "explosion", "shooting", "killing", "ambush", "siege",
                                 "kidnapping", "abduction"}
BACK_PRONOUNS = {"it", "them"}                                # not the relative "that" ("attacks that were...")
# where a claim was told, no part of what it claims: "claimed the attacks in a statement posted online"
CLAIM_CHANNELS = OUTLET_NOUNS | {"statement", "message", "video", "communique", "communiqué", "posting", "post",
                                 "recording", "audio", "tweet"}


@dataclass(slots=True)
class Attributions:
    """Who the report's sources attribute attacks to: per sentence (by its first character), and per sentence
    the groups attributed an incident told before it (a bare claim, "the attack bore the hallmarks of X")."""
    by_sentence: dict[int, set[str]] = field(default_factory=dict)
    back: dict[int, set[str]] = field(default_factory=dict)


def read_attributions(sents: Sequence["Span"], *, groups_in: GroupsIn) -> Attributions:
    """Who each sentence's sources attribute attacks to (`groups_in`: the armed groups named in a range of
    characters, with the offset where each name ends)."""
    told = Attributions()
    for sent in sents:
        for tok in sent:
            groups, whole = _attributed_by(tok, groups_in=groups_in)
            if groups:
                told.by_sentence.setdefault(sent.start_char, set()).update(groups)
                if whole:
                    told.back.setdefault(sent.start_char, set()).update(groups)
    return told


def _attributed_by(tok: "Token", *, groups_in: GroupsIn) -> tuple[set[str], bool]:
    """The armed groups the phrase at `tok` attributes an attack to, and whether it attributes the report's
    attacks as a whole rather than one incident its sentence tells."""
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "neg" for c in tok.children):
        return set(), False                                   # "no one was blamed", "did not claim"
    phrases: list[Any] = []
    whole = False
    if tok.lower_ in SUSPECTING and tok.dep_ in ("amod", "compound"):
        head = _phrase_head(tok)
        phrases = [head] if _doing(head) else []              # "suspected Boko Haram militants attacked"
    elif lemma in ATTRIBUTING:
        phrases = [g for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ATTRIBUTING[lemma]
                   for g in c.children if g.dep_ == "pobj"]   # "blamed on the PKK", "the hallmarks of IS"
        # "the attack bore the hallmarks of the PKK", "it was blamed on the PKK": of the incident told before
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        whole = any(c.dep_ in ("nsubj", "nsubjpass") and _back_reference(c) for c in verb.children)
        if lemma == "blame" and any(c.lower_ == "for" for c in tok.children):
            # "a network blamed for a series of bombings", "Ankara blamed the PKK for the attack"
            phrases += [tok.head] if tok.dep_ == "acl" else [c for c in tok.children if c.dep_ == "dobj"]
            whole = whole or tok.dep_ == "acl"
    elif tok.lower_ == "behind" and tok.dep_ == "prep" and tok.head.lemma_ == "be":
        phrases = [c for c in tok.head.children if c.dep_ == "nsubj"]         # "the PKK was behind it"
        whole = _bare(tok)
    elif lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in tok.children):
        phrases = [c for c in tok.children if c.dep_ == "nsubj"]              # "IS claimed responsibility"
        whole = _bare(next((c for t in (tok, *tok.children) if t is tok or t.dep_ == "dobj"
                            for c in t.children if c.dep_ == "prep" and c.lower_ == "for"), None))
    return {a for p in phrases for a in _groups_in(p, groups_in)}, whole


def _bare(prep: Any) -> bool:
    """A claim naming no incident of its own: none ("IS claimed responsibility."), or one told before ("for
    it", "for the attacks"); "for the shrine attack" names its own."""
    if prep is None:
        return True
    return all(_back_reference(o) for o in prep.children if o.dep_ == "pobj")


def _back_reference(noun: Any) -> bool:
    """"it", "the attacks": a phrase naming nothing but an incident told before."""
    return noun.lower_ in BACK_PRONOUNS or (
        noun.lemma_.lower() in INCIDENT_WORDS
        and all((c.dep_ == "det" and c.lower_ in BACK_POINTING) or _told_in(c) for c in noun.children))


def _told_in(prep: Any) -> bool:
    """"(the attacks) in a statement", "on its website": where the claim was told, hung from the incident noun."""
    return prep.dep_ == "prep" and prep.lower_ in ("in", "on", "via", "through") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in CLAIM_CHANNELS for g in prep.children)


def _phrase_head(tok: Any) -> Any:
    while tok.dep_ in ("amod", "compound") and tok.head is not tok:
        tok = tok.head
    return tok


def _doing(tok: Any) -> bool:
    """The suspects are told as doers (the subject, "by" them), not as the arrested or the killed
    ("police detained nine suspected militants": suspected of membership, not of an attack)."""
    return tok.dep_ in ("nsubj", "ROOT", "appos") or (tok.dep_ == "pobj" and tok.head.lower_ == "by")


def _groups_in(tok: "Token", groups_in: GroupsIn) -> set[str]:
    lo = min(t.idx for t in tok.subtree)
    hi = max(t.idx + len(t) for t in tok.subtree)
    text = tok.doc.text
    return {a for end, a in groups_in(lo, hi) if not text[end:end + 12].lower().startswith(KIN_SUFFIXES)}
