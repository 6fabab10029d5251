"""Is a text about political violence, protest or conflict at all, and is a protest word a protest?

    about_conflict(told)             # told: per sentence, does it tell of conflict, violence or protest
    shows_not_protests(mention)      # "the company demonstrated its technology"

A report about business, sport, elections, technology or a film uses the words of violence
figuratively ("a long battle against deflation", "blistering attacks from the party's
establishment", "shot a film"): when few of its sentences tell of armed conflict, it reports no
violence. Protests are told without conflict words: a sentence telling of one counts as much as one
of armed conflict, and "demonstrate" with an object or a clause shows something.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .triggers import Mention

# a text is about conflict when this share of its sentences tells of it (annotated conflict news:
# 0.16 and more; news of 2016 about anything else: below 0.06 for 95 of 100 articles)
CONFLICT_SHARE = 0.15
SHOWING = {"ccomp", "dobj", "xcomp", "attr", "oprd"}
INANIMATE_SUBJECTS = {"study", "report", "map", "data", "research", "analysis", "survey", "company", "result",
                      "figure", "test", "experiment", "poll", "record", "finding", "evidence", "chart", "paper"}


def about_conflict(told: list[bool]) -> bool:
    """Is a text about conflict (`told`: per sentence, does it tell of armed conflict, violence or protest)?"""
    return bool(told) and sum(told) / len(told) >= CONFLICT_SHARE


def shows_not_protests(m: "Mention") -> bool:
    """"demonstrated its technology", "demonstrates why", "studies demonstrating leaks", "companies
    need to demonstrate that ...": showing something, not taking to the streets."""
    head = m.head
    if head.pos_ != "VERB" or head.lemma_.lower() != "demonstrate":
        return False
    if any(c.dep_ in SHOWING for c in head.children):
        return True
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if head.dep_ in ("acl", "relcl") and not subjects:
        subjects = [head.head]
    if head.dep_ == "xcomp" and not subjects:
        return True               # "need to demonstrate", "a campaign to demonstrate": a showing
    return any(s.lemma_.lower() in INANIMATE_SUBJECTS for s in subjects)


# verbs that make an agreement ("reached a truce", "extended the ceasefire", "signed a deal")
MAKING = {"agree", "sign", "reach", "broker", "conclude", "seal", "strike", "announce", "declare", "extend",
          "implement", "accept", "approve", "finalize", "finalise", "secure", "renew", "swap", "exchange",
          "mediate", "negotiate", "endorse", "ratify", "forge", "clinch", "hammer"}
IN_FORCE = {"take", "come", "go", "begin", "start", "enter"}       # "the truce took effect"


def agreement_made(m: "Mention") -> bool:
    """"agreed to a cessation", "extended a truce", "a deal was signed", "the ceasefire took effect":
    an agreement made; not one that collapsed, was breached, is sought or merely exists."""
    head = m.head
    if head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() in MAKING
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if head.dep_ in ("compound", "amod", "nmod") and verb.pos_ in ("NOUN", "PROPN"):
        return agreement_made(_as_head(m, verb))       # "a ceasefire deal was reached"
    lemma = verb.lemma_.lower()
    if head.dep_ in ("dobj", "nsubjpass", "pobj", "conj", "appos"):
        return lemma in MAKING
    if head.dep_ == "nsubj":
        return lemma in IN_FORCE or lemma in MAKING
    return False


def _as_head(m: "Mention", tok) -> "Mention":
    from dataclasses import replace
    return replace(m, head=tok)
