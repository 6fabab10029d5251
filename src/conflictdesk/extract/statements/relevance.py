"""Whether a document is about conflict, so that what its speakers say is a conflict statement.

News quotes people on everything; a coach's or a chief executive's words are not conflict
statements. A document is about conflict when it uses conflict words (lemmas of the
`conflict_words` list of `data/statements/cues.yaml`: militants, troops, shelling, ceasefire,
protesters ..., and two-word ones: "hate crime") and names armed actors (knowledge-base actors of
the `armed_actor_types`) often enough: several different ones, and often for the document's length.
A document whose events stage codes an event needs the variety, not the density; one that codes more than
one event of the days it was published, one told as a shooting (the places or victims of a spree; a trial
over an old shooting codes it once, from the day of its telling), also counts the words a gunman's attack
is told in (`attack_words`: "the shooting", "the shooter"), which elsewhere are crime or court news.
Reported speech is kept only in such documents; communiqués and statement lists are statements
whatever they are about.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...records import Actor

# names of the word lists read here (validated at load by cues.py)
LEXICONS = ("conflict_words", "attack_words", "armed_actor_types")
MIN_KINDS = 3                   # different conflict words and armed actors (an armed actor counts two), at
WORDS_PER_KIND = 150            # least 2, and one more for every this many words, up to MIN_KINDS
MIN_PER_THOUSAND = 8.0
MIN_NEWS_EVENTS = 2             # events of the days of the report that make a shooting its news
_NOT_CONFLICT_BEFORE = frozenset({"sexual", "domestic"})    # "sexual assault" is crime news          # and this many conflict words and armed-actor mentions per thousand words


@dataclass(frozen=True, slots=True)
class Relevance:
    signals: int                # conflict words and armed-actor mentions
    kinds: int                  # different conflict words, and two for each armed actor
    words: int
    attack_signals: int = 0     # words of a gunman's attack ("shooting", "shooter"), and their different lemmas
    attack_kinds: int = 0
    attack_is_news: bool = False    # one of them is in the evidence of an event that is the document's news

    @property
    def per_thousand(self) -> float:
        return 1000.0 * self.signals / max(1, self.words)

    @property
    def varied(self) -> bool:
        """Enough different conflict words and armed actors for the document's length."""
        return self.kinds >= min(MIN_KINDS, 2 + self.words // WORDS_PER_KIND)

    @property
    def about_conflict(self) -> bool:
        return self.varied and self.per_thousand >= MIN_PER_THOUSAND

    def about_conflict_with(self, events: int) -> bool:
        """About conflict, knowing how many events the document codes: a long report of an attack tells it
        in words of its own ("shot and stabbed", "the attacker") and quotes many who are no fighters, which
        thins its conflict words below the density asked of a document that codes none; the coded event
        stands for that density (the variety is still asked: a crime story codes an event now and then).
        When the document's news is an attack told as a shooting, the words of a gunman's attack count as
        conflict words."""
        if self.attack_is_news:
            told = Relevance(self.signals + self.attack_signals, self.kinds + self.attack_kinds, self.words)
            return told.about_conflict_with(events)
        return self.about_conflict or (events > 0 and self.varied)


def relevance(parsed: "Doc", actors: list["Actor"], lex: Mapping[str, frozenset[str]],
              news: Sequence[tuple[int, int]] = ()) -> Relevance:
    """How much of a parsed document speaks of conflict: its conflict words and armed-actor mentions. `news`:
    the character spans of the evidence of the events that are the document's news (events.told_as_news)."""
    words = hits = 0
    conflict = lex["conflict_words"]
    attack = lex["attack_words"]
    kinds: set[str] = set()
    attack_kinds: set[str] = set()
    attack_hits = 0
    attack_is_news = False
    for token in parsed:
        if token.is_punct or token.is_space:
            continue
        words += 1
        lemma = token.lemma_.lower()
        pair = f"{parsed[token.i - 1].lemma_.lower()} {lemma}" if token.i > 0 else ""
        if pair in conflict:                # two words that are one ("a hate crime", "a bias crime")
            hits += 1
            kinds.add(pair)
        elif lemma in conflict and not (token.i > 0 and parsed[token.i - 1].lower_ in _NOT_CONFLICT_BEFORE):
            hits += 1
            kinds.add(lemma)
        elif lemma in attack or token.lower_ in attack:
            attack_hits += 1
            attack_kinds.add(token.lower_ if token.lower_ in attack else lemma)
            attack_is_news = attack_is_news or (len(news) >= MIN_NEWS_EVENTS
                                                and any(s <= token.idx < e for s, e in news))
    armed = [a for a in actors if a.type in lex["armed_actor_types"] and a.mentions]
    hits += sum(len(a.mentions) for a in armed)
    return Relevance(hits, len(kinds) + 2 * len(armed), words, attack_hits, len(attack_kinds),
                     attack_is_news)
