"""Walks over a dependency parse that several stages share."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def climb_to_subject(verb: "Token", *, subjects: Sequence[frozenset[str]], through: frozenset[str], steps: int,
                     through_prepositions: bool = False, not_into: frozenset[str] = frozenset(),
                     otherwise: "Callable[[Token], tuple[Token | None] | None] | None" = None,
                     ) -> tuple["Token | None", int]:
    """The subject of `verb`, or of the verb it hangs from ("we are ready to strike" -> we).

    At each verb, the first child whose dependency is in subjects[0] is the subject (else in
    subjects[1], ...); with none, climb to the verb's head when the verb's own dependency is in
    `through` (and, with `through_prepositions`, from "firing" in "... after firing a missile" to the
    verb its preposition hangs from), looking at `steps` verbs at most. Returns the subject and the
    index of the group it was found by (-1 and None when there is none). It never climbs from a
    clausal complement into a verb whose lemma is in `not_into` (who said that X happened is not
    who did it). `otherwise(v)`, asked at a verb without a subject before climbing from it, may end
    the walk with its own answer, as a one-tuple (the speaker of "a statement saying" is the
    statement: `(token,)`; `(None,)` for none), returned with the group index -1; None lets the
    walk go on.
    """
    v = verb
    for _ in range(steps):
        for group, deps in enumerate(subjects):
            found = [c for c in v.children if c.dep_ in deps]
            if len(found) > 1:
                # "SEOUL, South Korea - North Korea fired a missile": the dateline parsed as a second subject
                found = [c for c in found if not _dateline_word(c)] or found
                # "she was begging her boyfriend, John Doe, after an officer shot him": the parser hangs the
                # subject of the main clause on the subordinate verb; the subject after its "after" is its own
                mark = max((c.i for c in v.children if c.dep_ == "mark" and c.i < v.i), default=None)
                if mark is not None:
                    found = [c for c in found if c.i > mark] or found
            if found:
                return found[0], group
        if otherwise is not None:
            answer = otherwise(v)
            if answer is not None:
                return answer[0], -1
        if v.dep_ in through and v.head.i != v.i and not (v.dep_ == "ccomp" and v.head.lemma_.lower() in not_into):
            v = v.head
            continue
        if through_prepositions and v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head
            continue
        break
    return None, -1


def _dateline_word(tok: "Token") -> bool:
    """A place in capitals opening the text ("SEOUL", "SEOUL/TOKYO"): where the report was filed."""
    return tok.left_edge.i == 0 and len(tok.text) > 2 and tok.text.isupper() and tok.ent_type_ in ("GPE", "LOC", "ORG")


TEXT_KEY = "conflictdesk.text"


def text_of(doc: "Doc") -> str:
    """The parsed text. spaCy joins every token's text anew on each read of `Doc.text`, so the
    first read is kept in the doc's `user_data` for the stages that slice it token by token."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
