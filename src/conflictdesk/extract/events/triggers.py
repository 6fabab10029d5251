"""Finding event triggers in a parsed sentence: words and phrases from `events.yaml`.

A trigger match is a `Mention`: the matched tokens, the pattern, and the coding it starts with.
Roles, attributes and merging come later (roles.py, attributes.py, stage.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .attributes import PERCEPTION_VERBS
from .patterns import Coding, EventPatterns, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

QUOTES = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
LONG_QUOTE = 60          # characters: a quotation longer than this is a statement, not a report


@dataclass(slots=True)
class Mention:
    """One trigger in one sentence."""

    trigger: Trigger
    head: "Token"
    tokens: list["Token"]
    sent: "SpacySpan"
    coding: Coding
    priority: int
    absorbed: list["Mention"] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


def expelling(m: Mention) -> bool:
    """"were driven out", "pushed from": a territory phrase ending in its particle, whose subject or object
    lost the place rather than being taken."""
    return len(m.tokens) > 1 and m.tokens[-1].lower_ in ("out", "from")


def _keys(tok: "Token") -> tuple[str, ...]:
    """The forms a trigger word is looked up by: lemma and lower case; for a plural the model took
    for a name ("Warplanes" opening a sentence, left unlemmatised), its singular too."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    if tok.pos_ == "PROPN" and lemma == lower and lower.endswith("s") and not lower.endswith("ss"):
        return lemma, lower, lower[:-1]
    return lemma, lower


def _token_matches(tok: "Token", word: str) -> bool:
    return word in _keys(tok)


def sentence_text_forms(sent: "SpacySpan") -> tuple[str, str]:
    """The sentence as space-joined lemmas and as space-joined lower-case words (padded)."""
    toks = list(sent)    # one Token object per token, for both forms
    lemmas = " " + " ".join(t.lemma_.lower() for t in toks) + " "
    words = " " + " ".join(t.lower_ for t in toks) + " "
    return lemmas, words


def has_phrase(forms: tuple[str, str], phrase: tuple[str, ...]) -> bool:
    needle = " " + " ".join(phrase) + " "
    return needle in forms[0] or needle in forms[1]


_OPENING = re.compile("[" + "".join(QUOTES) + "]")


def quoted_ranges(text: str, start: int, end: int, *, min_length: int = LONG_QUOTE) -> list[tuple[int, int]]:
    """Quotations longer than `min_length` within text[start:end] (character ranges). A quotation
    left open at its paragraph's end as the next paragraph opens with the mark again (a long quotation told
    over two paragraphs, the first without its closing mark) ends with its paragraph: the mark that opens the
    next paragraph opens the next quotation, never closes this one."""
    out: list[tuple[int, int]] = []
    opening = _OPENING.search(text, start, end)
    while opening is not None:
        i = opening.start()
        j = text.find(QUOTES[text[i]], i + 1, end)
        if j == -1:
            break
        line_end = text.rfind("\n", i, j)
        if line_end != -1 and not text[line_end:j].strip():
            if line_end - i > min_length:
                out.append((i, line_end))
            opening = _OPENING.search(text, j, end)
            continue
        if j - i > min_length:
            out.append((i, j + 1))
        opening = _OPENING.search(text, j + 1, end)
    return out


# who told the story, not who took part: "clashes occurred on the outskirts, a resident said",
# "according to villagers", "relatives told reporters"
SOURCE_PEOPLE = re.compile(r" (?:an? |one |two |three |several |some |many |other |local |the )*"
                           r"(?:resident|villager|relative)s? (?:say|said|says|tell|told|report|reported|reports) "
                           r"| according to (?:an? |one |two |several |some |local |the )*"
                           r"(?:resident|villager|relative)s? ")


def _unsourced(forms: tuple[str, str]) -> tuple[str, str]:
    """The sentence's forms without the residents or villagers it cites as its source."""
    return SOURCE_PEOPLE.sub(" ", forms[0]), SOURCE_PEOPLE.sub(" ", forms[1])


def _context_ok(trig: Trigger, forms: tuple[str, str], next_forms: tuple[str, str] | None = None,
                prev_forms: tuple[str, str] | None = None) -> bool:
    """The trigger's context_any words in its sentence (for a demonstration, also in the next sentence
    of its paragraph: "Students gathered in X. They denounced ..."; for a riot, also in the sentence
    before: "Locals marched demanding justice. Rioters looted a shop."), and none of its context_none
    (for a riot, in the sentence before either)."""
    riot = trig.coding.event_type == "Riots" and prev_forms is not None
    if trig.coding.event_type == "Riots":
        forms = _unsourced(forms)
        prev_forms = _unsourced(prev_forms) if prev_forms is not None else None
    if trig.context_any and not any(has_phrase(forms, p) for p in trig.context_any):
        if not (riot and any(has_phrase(prev_forms, p) for p in trig.context_any)) and (
                next_forms is None or trig.coding.event_type != "Protests" or
                not any(has_phrase(next_forms, p) for p in trig.context_any)):
            return False
    if riot and any(has_phrase(prev_forms, p) for p in trig.context_none):
        return False
    return not any(has_phrase(forms, p) for p in trig.context_none)


def _root(tokens: list["Token"]) -> "Token":
    """The phrase's head: the token it hangs from outside itself; of two ("weapons were found", the noun
    and its verb each hanging elsewhere), the verb."""
    ids = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return next((t for t in tops if t.pos_ == "VERB"), tops[0]) if tops else tokens[-1]


LABEL = re.compile(r"\s*([^\W\d_][\w /&'-]{1,40}?)\s*:")


def _label_key(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("/", " / ").split())


def _label_mention(sent: "SpacySpan", patterns: EventPatterns) -> Mention | None:
    """ACLED's own label opening a note ("Non-violent activity: ...", "Arrests: ...")."""
    m = LABEL.match(sent.text)
    if m is None:
        return None
    key = _label_key(m.group(1))
    trig = None
    for t in patterns.triggers:
        if t.kind == "label" and any(_label_key(" ".join(p)) == key for p in t.phrases):
            trig = t
            break
    if trig is None:
        return None
    end = sent.start_char + m.end(1)
    span = [t for t in sent if t.idx < end and not t.is_space]
    if not span:
        return None
    return Mention(trigger=trig, head=_root(span), tokens=span, sent=sent, coding=trig.coding, priority=trig.priority)


def _holds_territory(head: "Token") -> bool:
    """"X-held", "under X control", "a house captured by X": who holds a place, not a battle for it."""
    if head.dep_ in ("amod", "acl") or "-" in head.text:
        return True
    if head.tag_ in ("VBP", "VBZ") and head.lemma_.lower() in ("control", "hold", "occupy", "run"):
        return True            # "the Houthis, who control much of northern Yemen": holding, not taking
    if head.lower_ == "control" and head.i >= 2 and head.doc[head.i - 1].lower_ == "of" \
            and head.doc[head.i - 2].lower_ == "out":
        return True            # "the country is out of control": disorder, no ground taken
    t = head
    for _ in range(3):
        if t.lower_ == "under" or (t.dep_ == "pobj" and t.head.lower_ == "under"):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


TAKEN_DEPS = ("dobj", "nsubjpass", "attr")


def _takes_nothing(head: "Token", span: list["Token"]) -> bool:
    """A verb of territory told with nothing taken: no object, no passive's subject, no "of" ("took control of"),
    no verb it shares an object with ("the government that took over after the fall of Saddam", power, not
    ground; not "stormed and captured the town")."""
    if head.pos_ != "VERB" or head.lemma_.lower() in PLACE_SUBJECT_VERBS:
        return False      # "the air base fell to Islamic State": the place is the subject
    ids = {t.i for t in span}
    if any(c.dep_ in TAKEN_DEPS and c.i not in ids for c in head.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for t in span for c in t.children):
        return False
    if head.dep_ in ("conj", "acl", "relcl", "xcomp", "advcl") or any(c.dep_ == "conj" for c in head.children):
        return head.dep_ == "relcl" and _power_taker(head.head)
    return True


def _power_taker(noun: "Token") -> bool:
    """"the government that took over", "the regime that seized power": who rules, not ground taken."""
    return noun.lemma_.lower() in ("government", "regime", "administration", "junta", "leadership")


# territory verbs that as often take a person ("driven out", "pushed out" take fighters from a place, and stay ground)
PERSON_TAKING = {"capture", "recapture", "seize"}


def _person_captured(head: "Token", span: list["Token"], patterns: EventPatterns) -> bool:
    """A territory verb in the passive whose subject is a person ("the journalist was captured by the Taliban"):
    someone taken, no ground; a custody or abduction word may tell it (an active verb's people taken,
    "police seized a man", are the stage's `_person_taken`)."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in PERSON_TAKING:
        return False
    ids = {t.i for t in span}
    objs = [c for c in head.children if c.dep_ == "nsubjpass" and c.i not in ids]
    if not objs and head.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.children):
        # "walked away from his post and was captured": the first verb's subject is the one taken
        objs = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # by a noun or a pronoun of people: a name the tagger calls a person's is as often a town's ("Palmyra")
    return bool(objs) and all(a_person(o, patterns) for o in objs)


FIRE_DEPS = {"compound", "amod", "nmod", "poss"}      # "sniper fire", "heavy fire", "the army's fire"
UNDER_FIRE_PREPS = {"under", "with"}                  # "came under fire", "responded with fire"


def _gunfire(fire: "Token") -> bool:
    """The noun "fire" as shooting: told with what or who fired ("mortar fire", "heavy fire"), opened, returned or
    drawn (its verb's object), or come under; not a blaze ("no one was hurt in the fire", "the fire started")."""
    if any(c.dep_ in FIRE_DEPS for c in fire.children):
        return True
    return fire.dep_ == "dobj" or (fire.dep_ == "pobj" and fire.head.lower_ in UNDER_FIRE_PREPS)


def _object_ok(trig: Trigger, head: "Token", span: list["Token"]) -> bool:
    """A trigger with object_any: its verb's direct object, when it has one, must be one of them
    ("fired three rockets", "opened fire"; not "fired the CEO"); so must the subject of its passive,
    unless the verb is aimed at someone ("shots were fired", "a patrol was fired on"; not "other
    officials were fired")."""
    if trig.object_any and head.pos_ == "NOUN" and head.lemma_.lower() == "fire":
        return _gunfire(head)
    if not trig.object_any or head.pos_ not in ("VERB", "AUX"):
        return True
    ids = {t.i for t in span}
    objs = [c for c in head.children if c.dep_ == "dobj" and c.i not in ids]
    if not objs and not any(c.dep_ == "prep" and c.lower_ in AIMED_PREPS for c in head.children):
        objs = [c for c in head.children if c.dep_ == "nsubjpass" and c.i not in ids and c.pos_ in ("NOUN", "PROPN")]
    return not objs or any(o.lemma_.lower() in trig.object_any or o.lower_ in trig.object_any for o in objs)


def _thrown(head: "Token") -> list["Token"]:
    """What a throwing verb throws: its direct object, its passive's subject, or the object of its "with"
    ("pelted the convoy with stones", "was pelted with rocks"), each with the nouns joined to it
    ("stones and bottles")."""
    out = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    out += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
            if g.dep_ == "pobj"]
    return out + [j for t in out for j in t.conjuncts]


def _thrown_ok(trig: Trigger, head: "Token") -> bool:
    """A trigger with thrown_any counts only when its verb throws one of them: "residents threw stones",
    "the convoy was pelted with bottles"; not "threw a party", "pelted with questions"."""
    if not trig.thrown_any:
        return True
    return head.pos_ == "VERB" and any(k in trig.thrown_any for t in _thrown(head) for k in _keys(t))


# places named like the people in them ("at home", "the village"): never a person
PLACE_LIKE = {"home", "house", "school", "hospital", "market", "mosque", "church", "neighborhood", "village", "shop"}


# people taken together: "seized the trio", "captured a pair of foreigners"
PEOPLE_GROUPS = {"trio", "pair", "duo", "couple", "foreigner", "tourist", "national", "hostage", "captive"}
HELD_POSITIONS = {"position", "checkpoint", "base", "outpost", "post", "headquarters", "stronghold", "airport",
                  "airbase", "barracks", "camp", "garrison"}


def a_person(t: Any, patterns: EventPatterns) -> bool:
    """A person or people ("a man", "the trio", "three Americans", "him"), not a place or a position."""
    lemma = t.lemma_.lower()
    if t.pos_ == "PRON" and t.lower_ not in ("it", "this", "that", "which", "them", "they", "what"):
        return True
    if t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS"):
        return True
    return lemma in PEOPLE_GROUPS or (lemma in patterns.victim_nouns and lemma not in PLACE_LIKE
                                      and lemma not in HELD_POSITIONS)


# places a capture takes: "an attempt to capture the town", "Mosul, captured by Islamic State in 2014"
TAKEN_PLACES = {"town", "city", "village", "area", "district", "province", "region", "territory", "hill", "road",
                "highway", "crossing", "border", "neighbourhood", "neighborhood", "suburb", "port", "field",
                "oilfield", "dam", "bridge", "island", "country", "capital", "ground", "land",
                "peninsula"} | HELD_POSITIONS


# verbs of territory whose subject is the place ("Falluja fell to Islamic State")
PLACE_SUBJECT_VERBS = {"fall"}


def _place_taken(head: "Token") -> "Token | None":
    """What a verb of territory takes or loses (its direct object, its passive's subject) or, for a verb
    whose subject is the place, what falls ("Falluja fell", "the first city to fall")."""
    deps = ("nsubj", "nsubjpass") if head.lemma_.lower() in PLACE_SUBJECT_VERBS else ("dobj", "nsubjpass")
    found = [c for c in head.children if c.dep_ in deps]
    if found:
        return found[0]
    if head.lemma_.lower() in PLACE_SUBJECT_VERBS and head.dep_ in ("acl", "relcl") and head.head.i != head.i:
        return head.head
    return None


def _taker_ok(head: "Token", patterns: EventPatterns) -> bool:
    """The subject that took or lost the place is a side that can hold ground, or a passive left it untold
    ("the Kurds secured two villages", "it lost Ramadi", "the villages were taken"; not "Clinton lost Iowa",
    "after losing Florida", "lessons cities can take from the Danes")."""
    if head.lemma_.lower() in PLACE_SUBJECT_VERBS:
        return True
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None:      # told in the passive; a bare "after losing Florida" is a race's, as often as a war's
        return any(c.dep_ == "nsubjpass" for c in head.children)
    if head.lemma_.lower() in STATE_TAKING and subj.ent_type_ == "GPE":
        return True       # "Russia annexed Crimea": a state, named by its country, takes ground by decree
    return subj.lower_ in ("it", "they") or _a_side(subj, patterns)


STATE_TAKING = {"annex"}


def _a_place(t: "Token") -> bool:
    """A town, a position or a stretch of land ("the villages of Deir Jamal", "Ramadi", "swathes of
    territory"), by its name's entity type or its noun."""
    return any(x.ent_type_ in ("GPE", "LOC", "FAC") or x.lemma_.lower() in TAKEN_PLACES for x in (t, *_of_names(t)))


def _of_names(t: "Token") -> list["Token"]:
    return [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _named_place(t: "Token") -> bool:
    """A place told by its name ("Ramadi", "the town of Baiji", "Mannagh air base"), not a kind of place
    ("its major towns", "two-thirds of the territory"): one incident ACLED can site."""
    named = [t, *_of_names(t), *(c for c in t.children if c.dep_ in ("compound", "appos"))]
    if t.dep_ == "attr":      # "Falluja was the first city to fall": the city is the copula's subject
        named += [c for c in t.head.children if c.dep_ == "nsubj"]
    return any(x.ent_type_ in ("GPE", "LOC", "FAC") or x.pos_ == "PROPN" for x in named)


def _a_side(t: "Token", patterns: EventPatterns) -> bool:
    """A party that can hold ground ("from Islamist insurgents", "to Islamic State"), not a place, an
    amount or a level ("fell to 5 percent", "fell to its lowest")."""
    if _a_place(t) or t.like_num or t.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE", "TIME"):
        return False
    return t.lower_ in ("it", "them") or t.ent_type_ in ("ORG", "NORP") or t.lemma_.lower() in patterns.armed_nouns \
        or (t.pos_ == "PROPN" and t.ent_type_ != "PERSON")


def _territory_ok(trig: Trigger, head: "Token", span: list["Token"], patterns: EventPatterns) -> bool:
    """A trigger with object_place counts only as a verb whose place taken, lost or fallen is a place; with
    side_prep also naming, after that preposition, the side it went from or to ("took the town from
    Islamic State", "fell to the militants"; not "took the lead", "fell to its lowest level")."""
    if not trig.object_place:
        return True
    if head.pos_ != "VERB":
        return False
    place = _place_taken(head)
    if place is None or place.i in {t.i for t in span} or not _a_place(place) or not _named_place(place):
        return False      # "lost ground", "losing its major towns": no one place that changed hands
    if not _taker_ok(head, patterns):
        return False
    if not trig.side_prep:
        return True
    # the parser hangs the side from the verb, from the place or from its name ("secured the villages of
    # Deir Jamal ... from insurgents", "took the village of Tannab from them")
    names = [g for c in place.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"]
    sides = [g for x in (head, place, *names) for c in x.children if c.dep_ in ("prep", "dative")
             and c.lower_ == trig.side_prep for g in c.children if g.dep_ == "pobj"]
    return any(_a_side(g, patterns) for g in sides)


# the dead counted among victims ("picked up the bodies"): no one taken into custody
THE_DEAD = {"body", "corpse", "dead", "fatality", "remains", "life", "death"}


def _person_object_ok(trig: Trigger, head: "Token", span: list["Token"], patterns: EventPatterns) -> bool:
    """A trigger with object_person counts only as a verb whose direct object, or its passive's subject,
    is a living person or people ("police picked up two men", "four suspects were picked up"; not "picked
    up the pace", "picked up the bodies")."""
    if not trig.object_person:
        return True
    if head.pos_ != "VERB":
        return False
    ids = {t.i for t in span}
    objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i not in ids]
    return any(o.lemma_.lower() not in THE_DEAD and (
        o.ent_type_ == "PERSON" or a_person(o, patterns)
        or any(a_person(c, patterns) for c in o.children if c.dep_ == "compound")) for o in objs)


AIMED_PREPS = {"at", "on", "upon", "into", "toward", "towards"}


def _capital_of_the_sentence(tok: "Token") -> bool:
    """A common word capitalised only because it opens its sentence, which the small model may tag
    as a proper noun: one title-case word, not followed by another name word."""
    first = next((t for t in tok.sent if not t.is_space and not t.is_punct), None)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return first is not None and first.i == tok.i and tok.text.istitle() and tok.text[1:].islower() \
        and (nxt is None or nxt.pos_ != "PROPN")


def _title_case(tok: "Token") -> bool:
    return tok.is_alpha and tok.text.istitle() and len(tok.text) > 1


def _title_case_within_name(tok: "Token") -> bool:
    """A title-case word between two others, in a sentence told mostly in lower case (not a headline
    written in title case): a word of a name ("Black Lives Matter"), whatever the tagger calls it."""
    sent = tok.sent
    if tok.i <= sent.start + 1 or tok.i + 1 >= sent.end or not _title_case(tok):
        return False
    if not (_title_case(tok.doc[tok.i - 1]) and _title_case(tok.doc[tok.i + 1])):
        return False
    words = [t for t in sent if t.is_alpha]
    return 2 * sum(_title_case(t) for t in words) < len(words)


def _in_name_or_date(tok: "Token", trig: Trigger, skip: list[tuple[int, int]]) -> bool:
    """A word inside a date ("On 3 March 2018") or a proper noun reports no event unless the
    pattern's pos allows proper nouns."""
    if any(a <= tok.idx < b for a, b in skip):
        return True
    if "PROPN" not in trig.pos and trig.kind != "label" and _title_case_within_name(tok):
        return True       # "a Black Lives Matter march": a word of a name, tagged as the common noun
    if tok.pos_ != "PROPN" or "PROPN" in trig.pos or trig.kind == "label":
        return False
    if _capital_of_the_sentence(tok):
        return False      # "Warplanes have also hit Raqqa": capitalised as the sentence's first word, no name
    # an acronym tagged as a proper noun ("IED", "RPG", "SVBIED") is still the weapon
    return tok.ent_type_ in ("DATE", "TIME") or not tok.is_upper


def _witnessed(tok: "Token") -> bool:
    """"We could hear soldiers battling with the attackers": in a quotation, what the speaker saw or heard done
    is a report of the act, not a statement (the participle told of the object of a verb of perception)."""
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.dep_ == "dobj" \
        and tok.head.head.lemma_.lower() in PERCEPTION_VERBS


def find_mentions(sent: "SpacySpan", patterns: EventPatterns, *, text: str,
                  quotes: list[tuple[int, int]] | None = None,
                  skip: list[tuple[int, int]] = (), forms: tuple[str, str] | None = None,
                  next_forms: tuple[str, str] | None = None,
                  prev_forms: tuple[str, str] | None = None) -> list[Mention]:
    """Every trigger in the sentence (outside long quotations and `skip` ranges: dates), longest
    phrase first, each token once. `forms`: the sentence's `sentence_text_forms`, if computed;
    `next_forms`: those of the next sentence in its paragraph (a demonstration's cues may be there);
    `prev_forms`: those of the sentence before it in its paragraph (a riot's may be)."""
    forms = forms or sentence_text_forms(sent)
    if quotes is None:
        quotes = quoted_ranges(text, sent.start_char, sent.end_char)
    toks = list(sent)
    used: set[int] = set()
    out: list[Mention] = []
    label = _label_mention(sent, patterns)
    if label is not None:
        used.update(t.i for t in label.tokens)
        out.append(label)
    for k, tok in enumerate(toks):
        if tok.i in used or tok.is_punct:
            continue
        if any(a <= tok.idx < b for a, b in quotes) and not _witnessed(tok):
            continue
        candidates: dict[tuple[int, tuple[str, ...]], tuple[tuple[str, ...], Trigger]] = {}
        for key in set(_keys(tok)):
            for phrase, trig in patterns.index.get(key, ()):
                if k + len(phrase) > len(toks):
                    continue
                if all(_token_matches(toks[k + j], w) for j, w in enumerate(phrase)):
                    candidates[(id(trig), phrase)] = (phrase, trig)
        spans: dict[tuple[str, ...], list["Token"]] = {}
        if not any(len(phrase) > 1 for phrase, _ in candidates.values()):
            for phrase, trig, particle in _split_particles(tok, patterns):
                candidates[(id(trig), phrase)] = (phrase, trig)
                spans[phrase] = [tok, particle]
        best: tuple[int, int, list["Token"], Trigger] | None = None
        for phrase, trig in candidates.values():
            span = spans.get(phrase) or toks[k:k + len(phrase)]
            if any(t.i in used for t in span):
                continue
            head = _root(span)
            if trig.kind == "label":
                # a label opens the sentence and is followed by a colon
                if k != next((j for j, t in enumerate(toks) if not t.is_space), 0) or \
                        k + len(phrase) >= len(toks) or toks[k + len(phrase)].text != ":":
                    continue
            elif trig.pos and head.pos_ not in trig.pos:
                continue
            if _in_name_or_date(head, trig, list(skip)) or not _object_ok(trig, head, span) \
                    or not _thrown_ok(trig, head) \
                    or not _person_object_ok(trig, head, span, patterns) \
                    or not _territory_ok(trig, head, span, patterns):
                continue
            if head.dep_ == "compound" and head.head.lemma_.lower() in patterns.armed_nouns \
                    and head.head.i > head.i and trig.kind != "label":
                continue          # "riot police", "attack helicopter": the word names the force, not an event
            if head.dep_ == "compound" and head.head.lemma_.lower() in PICTURED | PLATFORMS | EQUIPMENT \
                    and trig.kind != "label":
                continue          # "Islamic State execution videos", "attack drills", "a missile destroyer",
                #                   "police in riot gear"
            if trig.kind == "territory" and (_holds_territory(head) or _person_captured(head, span, patterns)
                                             or _takes_nothing(head, span)):
                continue
            if len(span) > 1 and " ".join(t.lower_ for t in span) == "air force" and head.dep_ in ("compound", "poss"):
                continue          # "a U.S. Air Force airman", "an Indian Air Force tableau": the force, no strike
            if _only_deployed(head):
                continue          # "Snipers were put on 45 buildings", "FBI snipers posted on a hillside"
            if not _context_ok(trig, forms, next_forms, prev_forms):
                continue
            rank = (len(phrase), trig.priority)
            if best is None or rank > best[:2]:
                best = (rank[0], rank[1], span, trig)
        if best is None:
            continue
        _, _, span, trig = best
        used.update(t.i for t in span)
        out.append(Mention(trigger=trig, head=_root(span), tokens=span, sent=sent, coding=trig.coding,
                           priority=trig.priority))
    return out


# particles a territory verb may leave behind its object ("drove the fighters out of the town")
SPLIT_PARTICLES = {"out", "from"}


def _split_particles(tok: "Token", patterns: EventPatterns) -> list[tuple[tuple[str, ...], Trigger, "Token"]]:
    """A two-word territory verb told with its object between its words ("drove Islamist fighters out of
    the district", "pushed the militants from the hills"): the phrase, its trigger and the particle, when
    the object is a side that can hold ground (not "forced the minister out")."""
    if tok.pos_ != "VERB":
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs or not _a_side(objs[0], patterns):
        return []
    out = []
    for c in tok.children:
        if c.dep_ not in ("prt", "prep") or c.i <= objs[0].i or c.lower_ not in SPLIT_PARTICLES:
            continue
        for key in set(_keys(tok)):
            for phrase, trig in patterns.index.get(key, ()):
                if trig.kind == "territory" and phrase == (phrase[0], c.lower_) and len(phrase) == 2:
                    out.append((phrase, trig, c))
    return out


MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "conj", "poss"}
# nouns an event word may modify without telling an incident
PICTURED = {"video", "footage", "clip", "photo", "photograph", "image", "picture", "film", "movie", "tape",
            "recording", "documentary", "game", "drill", "exercise", "simulation", "rehearsal"}
SEPARATE_WORDS = {"separate", "another", "second", "third", "earlier"}
# what a weapon word may name without any use of it: "a guided missile destroyer", "rocket launchers",
# "a missile defence system", "a drone factory"
PLATFORMS = {"destroyer", "frigate", "cruiser", "ship", "submarine", "boat", "launcher", "battery", "system",
             "defense", "defence", "shield", "programme", "program", "factory", "plant", "depot", "base", "carrier",
             "technology", "capability", "arsenal", "stockpile", "maker", "manufacturer", "industry",
             # what is left once fired: "shell casings were recovered" tells no shelling
             "casing", "cartridge"}
# what a force wears or rides, named after what it is for: "police in riot gear", "riot shields", "a riot van"
EQUIPMENT = {"gear", "helmet", "shield", "van", "truck", "squad", "unit", "equipment", "uniform", "control"}
# who may shoot, told only as placed somewhere: no shooting happened ("snipers were posted on rooftops")
ARMED_PEOPLE = {"gunman", "gunmen", "sniper", "marksman", "sharpshooter"}
DEPLOYING = {"deploy", "post", "station", "position", "place", "put", "send", "train", "arm", "recruit", "hire",
             "stand", "sit", "perch", "guard", "watch", "patrol", "line"}


def _only_deployed(head: "Token") -> bool:
    """An armed person (gunman, sniper) is a trigger for what they do ("gunmen stormed", "a sniper
    shot"); placed or standing somewhere they did nothing yet. True when the noun's verb only places
    them ("snipers were put on buildings", "police snipers stood on rooftops", "deployed snipers"), or
    when the noun is a preposition's object ("talks with the gunmen")."""
    if head.lemma_.lower() not in ARMED_PEOPLE and head.lower_ not in ARMED_PEOPLE:
        return False
    t = head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        return True       # "talks with the gunmen", "a hunt for the gunmen": what they did is told by its own word
    verb = t.head
    if t.dep_ == "acl" or verb.pos_ not in ("VERB", "AUX"):
        verb = next((c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)   # "snipers posted on"
        return verb is not None and verb.lemma_.lower() in DEPLOYING
    return t.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in DEPLOYING


def own_incident(m: Mention) -> bool:
    """"a suicide attack on a bus ... and a separate attack on a court": an event noun joined to
    another with a word setting it apart, or with its own article and its own target or place, is an
    incident of its own, not a modifier of the first ("rocket and drone attacks" share one noun)."""
    head = m.head
    if head.dep_ != "conj" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.lower_ in SEPARATE_WORDS for c in head.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children) and \
        any(c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "near", "against") for c in head.children)


CONTRAST_MARKS = {"while", "whereas"}


def contrast_clause(tok: Any) -> Any:
    """The "while ..." clause with a subject of its own that `tok` lies in ("air strikes killed 91
    while rebel shelling claimed 49 lives"), if any."""
    return _clause_of(tok, lambda t: t.dep_ in ("advcl", "conj") and _has_subject(t) and any(
        c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in t.children))


def joined_clause(tok: Any) -> Any:
    """The clause with a subject of its own that `tok` lies in, joined with "and" to another that has one too
    ("a roadside bomb killed three soldiers near Kandahar and a suicide attack killed two police in Kabul"), if
    any."""
    return _clause_of(tok, lambda t: t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and _has_subject(t)
                      and _has_subject(t.head))


def adverbial_clause(tok: Any) -> Any:
    """The adverbial clause with a subject of its own that `tok` lies in ("police killed one militant, a day
    after an attack by bombers killed eight people"), if any: an incident the sentence tells beside another."""
    return _clause_of(tok, lambda t: t.dep_ == "advcl" and t.pos_ in ("VERB", "AUX") and _has_subject(t))


def _clause_of(tok: Any, is_clause: Callable[[Any], bool]) -> Any:
    """The nearest of `tok` and its heads (eight at most) that `is_clause`, if any."""
    t = tok
    for _ in range(8):
        if is_clause(t):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def contrasted(a: Mention, b: Mention) -> bool:
    """Two events a sentence sets against each other with "while" or "whereas", each with its own
    subject: two incidents, not one told twice."""
    return contrast_clause(a.head) is not contrast_clause(b.head) and \
        (contrast_clause(a.head) is None) != (contrast_clause(b.head) is None)


def absorb_modifiers(mentions: list[Mention]) -> list[Mention]:
    """Triggers that only modify another trigger ("rocket and drone attacks") join it."""
    by_token = {m.head.i: m for m in mentions}
    kept: list[Mention] = []
    for m in mentions:
        tok, host = m.head, None
        for _ in range(3):
            if tok.dep_ not in MODIFIER_DEPS or tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.i in by_token and tok.pos_ in ("NOUN", "PROPN") and m.head.pos_ in ("NOUN", "PROPN", "ADJ"):
                host = by_token[tok.i]
                break
        if host is not None and host is not m and m.trigger.kind != "outcome" and not own_incident(m):
            host.absorbed.append(m)
        else:
            kept.append(m)
    return kept
