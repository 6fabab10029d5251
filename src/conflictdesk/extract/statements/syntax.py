"""Lemma rules over the spaCy parse of a statement point, complementing the regex cues.

The regex cues of `cues.yaml` catch formulas ("legitimate targets", "claimed responsibility");
these rules catch the constructions behind them, whatever the words: a modal or intent verb
governing a violent verb with the issuer as subject (a threat), an imperative or "must" addressed
to supporters (a call), "must" addressed to an adversary (a demand), a past violent act in the
first person (a claim), a violent verb negated against protected people (de-escalation), a people
or religion made the object of violence or of a dehumanising predicate (incitement). Their word
lists are data: the `syntax:` section of `data/statements/cues.yaml`.

Every rule reads one sentence at a time and yields `SyntaxHit`s; `observer_voice` tells when the
point is an observer's description ("security sources said militants were preparing ..."), which
makes it nobody's statement.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..events.relevance import accident
from ..parse_tree import climb_to_subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# what one extends or welcomes as a courtesy, no step towards calm ("we extend our condolences to his family")
_COURTESIES = frozenset({"condolence", "sympathy", "thanks", "gratitude", "congratulation", "wish", "greeting",
                         "prayer", "appreciation",
                         # the dead honoured or respected ("will honour his memory", "we respect the fallen")
                         "memory", "legacy", "victim", "dead", "fallen", "sacrifice"})
# whom a captive is handed to when taken into custody ("handed him over to military intelligence"): an arrest's
# sequel, no release or exchange
_CUSTODY = frozenset({"police", "intelligence", "authority", "prosecutor", "prosecution", "court", "custody",
                      "judiciary", "investigator", "security", "service", "agency", "jail", "prison"})
# names of the word lists the rules read (validated at load by cues.py)
LEXICONS = ("violent_verbs", "intent_heads", "first_person", "own_forces", "addressees", "call_verbs",
            "demand_verbs", "protected", "observers", "cognition_verbs", "dehumanising", "asking_verbs",
            "deescalation_verbs", "denial_verbs", "self_names", "core_attack_verbs", "operation_verbs",
            "operation_nouns", "state_forces", "group_forces", "attackers", "mobilising_verbs", "purpose_verbs",
            "measure_verbs", "measure_nouns", "rejecting_verbs", "report_nouns", "military_objects",
            "undermining_verbs", "failing_verbs", "calm_nouns", "abstract_ills")

# besides violent verbs, what makes a warning a threat: consequences, force, arrest, military targets
WARNING_WORDS = frozenset({"consequence", "price", "punishment", "force", "response", "retaliation", "revenge",
                           "war", "arrest", "detain", "prosecute", "imprison", "military", "danger", "target"})
_FUTURE = {"will", "shall", "'ll", "wo"}
_REPORTED_FUTURE = {"would"}
_NEG = {"neg"}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
# verbs that tell to stop what goes on: as an imperative they ask a party to stop ("Stop the killing")
_STOPPING = frozenset({"stop", "end", "halt", "cease"})


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks a point, as far as reading it needs: `party` when the speaker is a party to the conflict
    (a government, its forces or police, an armed group; not a monitor, a medic, a witness or an
    analyst), `armed_group` when that party is a non-state armed group, and the character spans of
    the document's actor mentions on the speaker's side (`own`) and on another side (`other`)."""

    party: bool
    armed_group: bool = False
    own: tuple[tuple[int, int], ...] = ()
    other: tuple[tuple[int, int], ...] = ()
    one_person: bool = False           # one person's reported speech ("the officer said he fired"): "he" is him


@dataclass(frozen=True, slots=True)
class SyntaxHit:
    label: str
    cue: str
    negated: bool = False
    replaces: str = ""                 # a label this reading takes the place of ("call on" an adversary: a demand)


def _lemma(t: "Token") -> str:
    return t.lemma_.lower()


def _negated(t: "Token") -> bool:
    if any(c.dep_ in _NEG for c in t.children):
        return True
    return any(c.lower_ in ("never", "no") and c.dep_ in ("advmod", "neg") for c in t.children)


_SUBJECT_THROUGH = frozenset({"xcomp", "conj", "acomp", "advcl"})


def _hindsight(t: "Token") -> bool:
    """A modal of the past perfect ("should have recused herself", "must have known", "ought to have been
    foreseen"): a judgement on what was or was not done, no longer something anyone can be asked to do."""
    auxes = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
    return t.tag_ == "VBN" and "have" in auxes and bool({"must", "should", "ought"} & set(auxes))


# modals of possibility: a need told with one is a forecast ("may well need to use force", "could have to
# close the plant"), not what anyone is asked to do ("will have to go", said of an adversary, still demands)
_FORESEEING = frozenset({"may", "might", "could"})


def _foreseen_need(head: "Token") -> bool:
    """Whether "need" or "have" (to ...) carries a modal of possibility."""
    return any(c.dep_ == "aux" and c.lower_ in _FORESEEING for c in head.children)


def _of_other_side(np: "Token | None", voice: Voice) -> bool:
    """Whether a noun phrase holds a mention of a side other than the speaker's."""
    if np is None:
        return False
    start, end = np.left_edge.idx, np.right_edge.idx + len(np.right_edge.text)
    return any(start <= s < end for s, _ in voice.other)


def _need_to_come(head: "Token") -> bool:
    """Whether "need" or "have" (to ...) is told as still to come ("will have to deploy more officers", "are going
    to have to explain"): a forecast, not what anyone is asked to do."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in head.children):
        return True
    going = head.head if head.dep_ == "xcomp" else None
    return going is not None and _lemma(going) == "go" and any(c.dep_ == "aux" for c in going.children)


def _inverted_condition(t: "Token") -> bool:
    """"Should it choose to undertake another provocation, ...": "should" before its subject opens a
    condition, no demand."""
    subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
    should = next((c for c in t.children if c.dep_ == "aux" and c.lower_ == "should"), None)
    return subj is not None and should is not None and should.i < subj.i


# nouns of a finding: an intent said to be without one ("no evidence that he intended to target other sites") is
# the speaker's doubt of the intent, no threat
_FINDING_NOUNS = frozenset({"evidence", "sign", "indication", "proof", "suggestion"})


def _found_absent(t: "Token") -> bool:
    """Whether `t` stands in the clause of a finding said to be missing ("found no evidence that ...",
    "there was no sign that ..."), the clause hung on the noun or, as parsed, on its verb beside it."""
    cur = t
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        for x in (cur, *cur.children):
            if _lemma(x) in _FINDING_NOUNS and x.pos_ == "NOUN" and x.i < t.i:
                return any(c.lower_ == "no" for c in x.children) or _negated(x.head)
    return False


def _subject(t: "Token") -> "Token | None":
    """The subject of `t`, climbing xcomp/conj/acomp/advcl chains ("we are ready to strike" -> we)."""
    return climb_to_subject(t, subjects=(frozenset(_SUBJ),), through=_SUBJECT_THROUGH, steps=5)[0]


def _phrase_lemmas(tok: "Token") -> set[str]:
    return {_lemma(x) for x in tok.subtree}


def _is_first_person(subj: "Token | None", lex: Mapping[str, frozenset[str]]) -> bool:
    """"we", "our fighters", "the mujahideen", "the soldiers of the caliphate": the issuer's own voice."""
    if subj is None:
        return False
    if subj.lower_ in lex["first_person"]:
        return True
    words = {x.lower_ for x in subj.subtree}
    if "our" in words and _lemma(subj) in lex["own_forces"]:
        return True
    return bool(words & lex["self_names"])


def _past_conditional(t: "Token") -> bool:
    """"would have been involved", "could have shot", "would arrest him were he alive": what might have been, no
    act to come."""
    auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    if not auxes & {"would", "could", "might", "should"}:
        return False
    return t.tag_ == "VBN" and "have" in auxes or any(_counterfactual(c) for c in t.children
                                                      if c.dep_ in ("advcl", "ccomp")) \
        or t.dep_ in ("advcl", "ccomp") and t.head.i != t.i and _counterfactual(t.head)


def _counterfactual(clause: "Token") -> bool:
    """"were he still alive", "had the army not arrived": a condition told by inversion, what is not so (not
    "were the shelling to go on", a condition that may yet come)."""
    inverted = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "had")]
    inverted += [clause] if clause.lower_ in ("were", "had") else []
    subj = next((c for c in clause.children if c.dep_ in _SUBJ), None)
    return bool(inverted) and subj is not None and min(c.i for c in inverted) < subj.i and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _future_or_intent(verb: "Token", lex: Mapping[str, frozenset[str]], reported: bool) -> bool:
    """Whether `verb` is announced (will/shall; would in reported speech), intended (ready/determined/vow to)
    or ordered."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if (auxes & _FUTURE or (reported and auxes & _REPORTED_FUTURE)) and not _past_conditional(verb):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i and not _open_question(verb):
        if _lemma(head) in lex["intent_heads"] and not (head.dep_ == "amod" and head.pos_ == "ADJ") \
                and not _past_perfect(head) and not _ability_told_as_past(head) and not _describes_who(head) \
                and not _narrated_intent(head):
            return True                     # not "the only force able to uproot terrorism": a description
        if _lemma(head) == "go" and any(c.lower_ in ("is", "are", "am", "'re") for c in head.children):
            return True
        if _lemma(head) in ("continue", "keep") and _future_or_intent(head, lex, reported):
            return True                     # "will continue striking", "will keep bombing": still to come
    if verb.dep_ == "conj" and head.i != verb.i and (_lemma(head) in lex["violent_verbs"] or not any(
            c.dep_ in _SUBJ or c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return _future_or_intent(head, lex, reported)           # "would stand up and fight": the head's modal
    return False


def _open_question(verb: "Token") -> bool:
    """"decide how to respond", "will decide whether to strike": a question weighed, no act intended."""
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "whether") and c.i < verb.i for c in verb.children)


def _describes_who(head: "Token") -> bool:
    """Whether an intent is told of whom a relative clause describes: "people who want to kill Americans",
    "those who plan to attack us" say who they are, no act anyone announces."""
    return head.dep_ == "relcl" and any(c.dep_ in _SUBJ and c.lower_ in ("who", "that") for c in head.children)


def _narrated_intent(head: "Token") -> bool:
    """"the gunman was angry and wanted to kill officers", "they stole rifles and planned to shoot guards": an
    intent told in the past beside what its holder did or was, a motive narrated, no act announced ("it said
    it wanted to strike" stays: the intent stands alone as what was said)."""
    if head.tag_ != "VBD" or head.dep_ != "conj" or head.head.i == head.i:
        return False
    auxes = [c for c in head.head.children if c.dep_ in ("aux", "auxpass")]
    return not any(c.tag_ == "MD" for c in auxes) and (head.head.tag_ in ("VBD", "VBN")
                                                       or any(c.tag_ == "VBD" for c in auxes))


def _ability_told_as_past(head: "Token") -> bool:
    """"were able to storm into the town", "had been able to retake the hill": an ability told in the past is
    an act done, not one to come ("will be able to strike" still announces)."""
    if _lemma(head) != "able":
        return False
    verbs = [c for c in head.children if c.dep_ in ("cop", "aux")]
    if head.dep_ == "acomp" and head.head.i != head.i:
        verbs.append(head.head)
    return any(v.tag_ in ("VBD", "VBN") for v in verbs)


# prepositions of time or circumstance: a clause they govern tells when or despite what, never what is
# pledged or planned ("pledged allegiance to the group before being shot by police")
_CIRCUMSTANCE_PREPS = frozenset({"before", "after", "while", "since", "without", "despite", "upon", "until",
                                 "when", "during"})


def _past_perfect(t: "Token") -> bool:
    """"had planned to hit a crowded spot", "had intended to": an intent told as over, after the fact."""
    return t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in t.children)


def _in_reported_clause(t: "Token") -> bool:
    cur = t
    for _ in range(6):
        if cur.dep_ == "ccomp":
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def observer_voice(sent: "Span", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether the sentence is an observer's account of someone else's intentions or acts: a reporting or
    cognition verb whose subject is an observer (analysts, sources, officials, reports) and whose clause
    has another subject, or "according to" an observer."""
    for t in sent:
        if _lemma(t) == "accord" and any(_lemma(x) in lex["observers"] for x in t.subtree):
            return True
        if t.dep_ not in ("ROOT", "conj") or _lemma(t) not in lex["cognition_verbs"]:
            continue
        subj = _subject(t)
        if subj is None or _lemma(subj) not in lex["observers"]:
            continue
        for c in t.children:
            if c.dep_ in ("ccomp", "xcomp", "dobj"):
                inner = _subject(c) if c.dep_ == "ccomp" else None
                if inner is None or inner.lower_ not in ("we", "i"):
                    return True
    return False


def sentences(tokens: "Span") -> Iterable["Span"]:
    """The sentences of a point, clipped to it (a quotation may be part of a longer sentence)."""
    doc = tokens.doc
    out = []
    for s in tokens.sents:
        start, end = max(s.start, tokens.start), min(s.end, tokens.end)
        if end > start:
            out.append(doc[start:end])
    return out or [tokens]


def syntax_hits(tokens: "Span", lex: Mapping[str, frozenset[str]], *,
                group_in: Callable[[str], bool] | None = None, voice: Voice | None = None) -> Iterator[SyntaxHit]:
    """The rules' hits on a parsed point (a spaCy Span or Doc). `group_in(text)` says whether a text names
    a people or religious group (the cue set's `groups`); `voice`, who speaks the point (reported speech
    in news: "the army said its forces took the town" is the army's claim)."""
    for sent in sentences(tokens):
        yield from _sentence_hits(sent, lex, group_in)
        if voice is not None:
            yield from _speaker_hits(sent, lex, voice)


def _own_side(np: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether a noun phrase names the speaker's side: a mention of its own side, a pronoun ("it had hit",
    "they took"), or its forces by a common noun ("troops", "artillery fire", "the group") with no
    mention of another side."""
    start, end = np.left_edge.idx, np.right_edge.idx + len(np.right_edge.text)
    if any(start <= s < end for s, _ in voice.other):
        return False
    if any(start <= s < end and _names_the_np(np, s) for s, _ in voice.own):
        return True
    if any(_backed(x) or _hyphened(x, _LEADER_WORDS) for x in np.subtree if x.i < np.i):
        return False                        # "U.S.-backed forces", "the U.S.-led coalition": named by another side
    lemma = _lemma(np)
    if lemma in ("it", "they") and _in_quotation(np):
        return False                        # '"They are bombing Syrians all the time"': in its own words a side says we
    if lemma in ("it", "they", "we", "i") or _is_first_person(np, lex):
        return True
    forces = lex["group_forces"] if voice.armed_group else lex["state_forces"]
    if not voice.armed_group and any(c.dep_ in ("amod", "compound") and _lemma(c) in lex["attackers"]
                                     for c in np.children):
        return False                        # "rebel soldiers", "insurgent fighters": forces of the other side
    return lemma in forces


# what makes a force another's when its leader is not the speaker ("the U.S.-led coalition", said by Turkey):
# a force its speaker leads is named by the speaker's own mention ("U.S.-led", said by the United States)
_LEADER_WORDS = frozenset({"led", "commanded"})
# prepositions that tell where a noun phrase is, not whose it is ("blasts in eastern Lebanon")
_PLACE_PREPS = frozenset({"in", "near", "at", "around", "across", "outside", "inside", "throughout", "within", "along"})
# what makes a mention a patron, not the side itself ("U.S.-backed forces")
_PATRON_WORDS = frozenset({"backed", "aligned", "allied", "supported", "sponsored", "funded", "trained",
                           "armed"})


def _names_the_np(np: "Token", start: int) -> bool:
    """Whether the mention starting at character `start` inside a noun phrase names whose it is: not a place
    it stands in ("a series of blasts in eastern Lebanon", said by Lebanon), nor its patron ("U.S.-backed
    forces", said by the United States)."""
    tok = next((x for x in np.subtree if x.idx <= start < x.idx + len(x.text)), None)
    if tok is None:
        return True
    for x in np.doc[tok.i:min(tok.i + 6, np.right_edge.i + 1)]:
        if _backed(x):
            return False                                       # "U.S.-backed", "Iran-allied"
        if x.text != "-" and (x.is_punct or x.pos_ != "PROPN"):
            break
    cur = tok
    while cur.i != np.i and cur.head.i != cur.i:
        if cur.dep_ == "pobj" and cur.head.lower_ in _PLACE_PREPS:
            return False
        cur = cur.head
    return True


def _backed(x: "Token") -> bool:
    """"backed" in "U.S.-backed", "Iran-allied": a patron's mark, hyphened to its name."""
    return _hyphened(x, _PATRON_WORDS)


def _hyphened(x: "Token", words: frozenset[str]) -> bool:
    """Whether `x` is one of `words` hyphened to a name ("U.S.-backed", "Saudi-led"), as one token or two."""
    if "-" in x.lower_.strip("-"):
        return x.lower_.rsplit("-", 1)[1] in words                  # one token: "U.S.-backed"
    return x.lower_ in words and x.i > 0 and x.nbor(-1).text == "-" and \
        x.idx == x.nbor(-1).idx + len(x.nbor(-1).text)


def _in_quotation(t: "Token") -> bool:
    """Whether a token stands inside a quotation opened earlier in its paragraph (a quotation of several
    sentences: '"Thousands are waiting. They are shelling the villages every night," a farmer said')."""
    start = t.i
    while start > 0 and "\n" not in t.doc[start - 1].text and "\n" not in t.doc[start - 1].whitespace_:
        start -= 1
    marks = [x.text for x in t.doc[start:t.i] if x.text in ('"', "“", "”")]
    return marks.count('"') % 2 == 1 or marks.count("“") > marks.count("”")


def _operation(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """A verb of armed action: "killed", "shelled", "took over", "launched an air strike"."""
    lemma = _lemma(t)
    if lemma == "clear" and _exonerates(t):
        return False                                                     # "cleared the officer of wrongdoing"
    if lemma in lex["core_attack_verbs"] or lemma in lex["operation_verbs"]:
        return True
    if lemma in ("take", "gain", "retake", "regain") and any(
            c.lower_ in ("over", "control") or _lemma(c) == "control" for c in t.subtree if c.i > t.i):
        return True
    if lemma in ("blow", "detonate") and not any(c.dep_ == "auxpass" for c in t.children) and (
            lemma == "detonate" or any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children)):
        return True                                                      # "blew himself up among the soldiers"
    if lemma == "open" and any(c.dep_ == "dobj" and _lemma(c) == "fire" for c in t.children):
        return True                                                      # "opened fire on the crowd"
    if lemma == "fly" and any(_lemma(c) in ("sortie", "mission") for c in t.subtree if c.i > t.i):
        return True                                                      # "had flown 60 sorties"
    if lemma in ("launch", "conduct", "carry", "mount", "stage") and any(c.dep_ == "auxpass" for c in t.children):
        return any(c.dep_ == "nsubjpass" and _lemma(c) in lex["operation_nouns"] for c in t.children)
    return lemma in ("launch", "conduct", "carry", "mount", "stage") and any(
        _lemma(c) in lex["operation_nouns"] and not _unarmed(c) for c in t.subtree if c.i > t.i)


# whom "clear" frees of blame, and what of ("the inquiry cleared the officer of wrongdoing", "he was cleared of
# all charges"): an exoneration, no place cleared of fighters
_CLEARED_PEOPLE = frozenset({"officer", "policeman", "policewoman", "soldier", "trooper", "guard", "agent", "deputy",
                             "man", "woman", "he", "she", "him", "her", "they", "them", "defendant", "suspect",
                             "pilot", "commander", "sergeant", "constable", "detective", "official", "minister"})
_BLAME = frozenset({"wrongdoing", "charge", "misconduct", "allegation", "crime", "blame", "suspicion", "murder",
                    "manslaughter", "negligence", "liability", "responsibility", "accusation", "offence", "offense"})


def _exonerates(t: "Token") -> bool:
    """Whether a verb "clear" frees people of blame: its object (or passive subject) a person, or what it clears
    of blame ("cleared the officer", "was cleared of wrongdoing"), not a place cleared of fighters."""
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or _lemma(c) in _CLEARED_PEOPLE
                                                or c.lower_ in _CLEARED_PEOPLE):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(_lemma(g) in _BLAME for g in c.children):
            return True
    return False


# what an operation is for when it is no armed action ("advise and assist operations", "rescue operations")
_UNARMED = frozenset({"advise", "assist", "train", "training", "rescue", "relief", "humanitarian", "evacuation",
                      "recovery", "mentoring", "reconstruction", "demining"})


def _unarmed(noun: "Token") -> bool:
    """Whether an operation noun is qualified as no armed action: "advise and assist operations"."""
    before = noun.doc[max(noun.sent.start, noun.i - 3):noun.i]    # the parse often makes "assist" a verb
    return any(x.lower_ in _UNARMED or _lemma(x) in _UNARMED for x in before)


_PLANNED = frozenset({"will", "would", "shall", "should", "'ll", "wo"})
# nouns that announce an act to come: "our commitment to defeating", "in preparation for an assault"
_ORDERS = frozenset({"order", "instruct", "authorize", "authorise", "direct", "command"})
_INTENT_NOUNS = frozenset({"commitment", "determination", "plan", "pledge", "promise", "vow", "preparation", "bid",
                           "resolve", "readiness", "launchpad", "springboard"})


def _goal_until(t: "Token") -> bool:
    """An act in the present after "until", the goal a fight goes on to: "we will advance until we liberate every
    inch of the land" (not one told in the past: "they held out until the army took the town")."""
    return t.tag_ in ("VBP", "VBZ") and any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in t.children)


def _announced(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether an act is announced, intended or ordered, not done: "will crush", "pledged to retake",
    "determined to wipe out", "our commitment to defeating", "will take steps to attack", "have been
    instructed to kill", "should begin advancing"."""
    if _future_or_intent(t, lex, True) or _goal_until(t):
        return True
    if t.dep_ == "acl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False                        # "rebels fighting the government": a participle says who, no act to come
    cur = t
    for _ in range(4):
        if {c.lower_ for c in cur.children if c.dep_ in ("aux", "auxpass")} & _PLANNED:
            return not _past_conditional(cur)           # not "would have been involved in shooting"
        head = cur.head
        if cur.dep_ in ("pcomp", "pobj") and head.lower_ in _CIRCUMSTANCE_PREPS:
            return False                    # "pledged allegiance before being shot": when, not what is pledged
        if _ability_told_as_past(head):
            return False                    # "were able to storm the town": done, not announced
        if head.i == cur.i or cur.dep_ in ("ccomp", "ROOT", "parataxis") or cur.dep_ == "relcl" and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            return False                    # "take steps to attack" (an infinitive of purpose) climbs on
        if head.dep_ == "amod" and head.pos_ == "ADJ":
            return False                    # as in _future_or_intent
        if _lemma(head) in lex["intent_heads"] and head.pos_ != "ADP" or _lemma(head) in _INTENT_NOUNS \
                or _lemma(head) in _ORDERS:
            return True                     # not the preposition "about" ("concerned about the upsurge in
        cur = head                          # fighting"): a topic, where "about to attack" is an act to come
    return False


def _at_an_ill(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether an armed verb is aimed only at an ill fought in a figure ("fight poverty", "eradicate the hatred",
    "fight against corruption"): its objects, direct or after "against", are all `abstract_ills`."""
    objects = [c for c in t.children if c.dep_ in ("dobj", "obj")] + [
        g for c in t.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and all(_lemma(o) in lex["abstract_ills"] for o in objects)


# what a side goes on with when it fights on: "the fight will continue", "will now continue their advance"
_ADVANCES = frozenset({"fight", "war", "pressure", "battle", "campaign", "advance", "push", "march"})


def _threat_act(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """An armed act to come: an attack verb, an operation ("retake", "advance", "win against"), or the
    fight itself going on ("the fight ... will continue", "expand military operations"); not an ill fought
    in a figure (`_at_an_ill`)."""
    lemma = _lemma(t)
    if _at_an_ill(t, lex):
        return False
    if lemma in lex["violent_verbs"] or _operation(t, lex):
        return True
    if lemma in ("win", "advance", "tighten", "wipe", "dislodge", "retake", "recapture", "liberate", "enter"):
        return True
    if lemma in ("give", "inflict", "deal", "deliver", "mete") and any(
            c.dep_ == "dobj" and _lemma(c) in ("punishment", "blow", "retaliation", "lesson") for c in t.children):
        return True                                                     # "we will give them the punishment"
    if lemma in ("conduct", "launch", "lead", "mount", "wage", "carry") and any(c.dep_ == "auxpass" for c in t.children) \
            and any(_lemma(g) in lex["state_forces"] | lex["group_forces"]
                    for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
        return True                                                     # "it would be conducted by the army"
    objects = [c for c in t.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in t.children):
        lemma = "continue"                                              # "the operation will go on"
    return lemma in ("continue", "expand", "intensify", "escalate", "increase", "step", "conduct", "begin", "launch") \
        and any(_lemma(o) in lex["operation_nouns"] | _ADVANCES for o in objects)


def _done(t: "Token") -> bool:
    """Whether a passive act is told as done ("were destroyed", "had been captured"), not in a clause of
    time or condition ("after Daesh is defeated", "once the city is taken")."""
    if any(c.dep_ == "mark" and c.lower_ in ("after", "once", "when", "if", "until", "before", "unless")
           for c in t.children):
        return False
    return any(c.dep_ in ("auxpass", "aux") and c.tag_ in ("VBD", "VBN") or c.lower_ in ("has", "have", "had")
               for c in t.children) or (t.tag_ == "VBN" and t.dep_ in ("conj", "ROOT", "ccomp"))


_TIMES = frozenset({"mid", "midday", "noon", "midnight", "dawn", "dusk", "nightfall", "sunset", "sunrise", "morning",
                    "afternoon", "evening", "night", "day", "today", "tonight", "monday", "tuesday", "wednesday",
                    "thursday", "friday", "saturday", "sunday", "end", "time"})


# a place taken is a gain claimed, though a place hit is no claim ("the village was captured" vs "was shelled")
_TAKEN = frozenset({"capture", "seize", "retake", "recapture", "liberate"})
_PLACES = frozenset({"village", "neighbourhood", "neighborhood", "camp", "station"})


# verbs of a finding: an act told in what a court, an inquiry or a judge found or ruled is its finding, not a side's
# claim ("the court found that the soldier had shot the man"), and what it rules should be is its ruling, no demand
# ("the judge ruled that the defense should have access to the files")
_FINDING_VERBS = frozenset({"find", "rule", "conclude", "determine", "establish"})


def _under_finding(t: "Token") -> bool:
    """Whether `t` stands in the clause a verb of finding takes ("an inquiry found that police shot ...")."""
    cur = t
    while cur.head.i != cur.i:
        if cur.dep_ == "ccomp" and _lemma(cur.head) in _FINDING_VERBS and cur.head.pos_ == "VERB":
            return True
        cur = cur.head
    return False


# verbs of agreeing: what the parties agreed should be done is their agreement, no demand ("all sides had agreed
# that the talks should resume")
_AGREEING = frozenset({"agree", "concur"})


def _under_agreement(t: "Token") -> bool:
    """Whether `t` stands in the clause of an agreement ("agreed that the talks should resume", "reached an
    agreement that ... should")."""
    cur = t
    while cur.head.i != cur.i:
        head = cur.head
        if cur.dep_ in ("ccomp", "acl") and (_lemma(head) in _AGREEING or _lemma(head) in ("agreement", "consensus")):
            return True
        cur = head
    return False


def _cleared_of_them(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether a passive "cleared" names whom the place was cleared of as fighters ("the village was cleared of
    militants"): an armed gain; a site "cleared" with no one named was emptied of its people."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        _lemma(g) in lex["attackers"] | lex["group_forces"] | {"terrorist", "fighter"}
        for g in c.children if g.dep_ == "pobj") for c in t.children)


def _accused(t: "Token", subj: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether an act on the unarmed, told by a speaker whose side is unknown, of forces named by a people or a
    state ("Russian warplanes had been bombing the villages"), is an accusation against that side, no claim."""
    if voice.own or voice.other or not any(x.ent_type_ in ("NORP", "GPE") and x.i < subj.i for x in subj.subtree):
        return False
    return any(c.dep_ == "dobj" and _lemma(c) in lex["protected"] and not _held_by_fighters(c, lex)
               for c in t.children)


def _held_by_fighters(noun: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether a noun names what armed men hold or ride in ("a convoy of fighters", "a militant convoy", "an
    insurgent camp"): a military target, not the unarmed."""
    armed = lex["attackers"] | lex["group_forces"] | {"terrorist", "fighter", "weapon", "ammunition", "arm"}
    return any(x.i != noun.i and _lemma(x) in armed and (x.head.i == noun.i or x.head.head.i == noun.i)
               for x in noun.subtree)


def _time_word(t: "Token") -> bool:
    """Whether a "by" phrase names a time, not an agent ("captured by mid-day", "taken by nightfall")."""
    return t.ent_type_ in ("DATE", "TIME") or _lemma(t) in _TIMES


def _met_with_force(sent: "Span", attacker: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether the sentence tells that the attacker was met with force: shot, killed or arrested (by
    anyone), or the speaker's side responded ("soldiers responded and shot the attackers")."""
    for t in sent:
        if t.pos_ != "VERB" or t.i == attacker.head.i:
            continue
        lemma = _lemma(t)
        subj = _subject(t)
        if lemma in ("respond", "return", "retaliate") and (subj is None or _own_side(subj, lex, voice)):
            return True
        if lemma in lex["core_attack_verbs"] | {"arrest", "capture", "neutralize", "neutralise", "detain"}:
            passive = any(c.dep_ == "auxpass" for c in t.children)
            if (passive and (subj is None or subj.i == attacker.i)) or (subj is not None and _own_side(subj, lex, voice)):
                return True
    return False


# what one "should know" or "must remember" is no demand on a party ("the whole world should know this")
# ("Russia needs to understand that our patience is limited" asks a change of stance: a demand)
# (and what one sees, hears or grasps: "everyone should see what is happening there" asks no act)
_KNOWING = frozenset({"know", "assume", "remember", "forget", "wonder", "imagine", "see", "hear", "realize",
                      "realise", "understand", "notice", "witness", "watch"})
# "should" before a verb of how a thing turns out is a forecast ("the dogs should prove valuable", "the repairs
# should appear complete"), no demand: epistemic "should", like "be", which the rule already leaves out; with an
# object "prove" is something done ("they need to prove that they can comply" still asks it)
_TURNING_OUT = frozenset({"prove", "seem", "appear"})


def _generic_you(subj: "Token | None") -> bool:
    """A bare "you" that needs or has to do something is anyone ("you have to weigh that against the cost", "you
    need to create a conflict zone"): a general truth, no demand; "you Muslims need to ..." still names whom."""
    return subj is not None and subj.lower_ == "you" and not any(True for _ in subj.children)


def _turns_out(t: "Token") -> bool:
    """Whether `t` tells how a thing turns out ("should prove valuable"), not an act with an object."""
    return _lemma(t) in _TURNING_OUT and not any(c.dep_ in ("dobj", "ccomp") for c in t.children)


def _speaker_hits(sent: "Span", lex: Mapping[str, frozenset[str]], voice: Voice) -> Iterator[SyntaxHit]:
    """Readings of reported speech in news: what someone should do is a demand ("Iraq should be divided",
    "must be treated the same"); calling on someone other than one's own people is a demand ("called on
    protesters to leave parliament"), and so is urging a measure ("urged restraint"); and a party's account of
    its own side (`_own_side_hits`)."""
    demand = call_is_demand = measure = threat = False
    for t in sent:
        if t.pos_ not in ("VERB", "AUX") or _negated(t) and _lemma(t) != "delay" or t.dep_ == "amod":
            continue
        if t.dep_ == "relcl" or t.head.dep_ == "relcl":
            continue                                            # "those who need to be defended"
        modal = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")} & {"must", "should", "ought"}
        modal = modal if not (_hindsight(t) or _inverted_condition(t) or _under_agreement(t)
                              or _under_finding(t)) else set()
        needs = t.dep_ == "xcomp" and _lemma(t.head) in ("have", "need") and not _negated(t.head) \
            and not any(c.dep_ == "auxpass" for c in t.children) and not _foreseen_need(t.head)
        subj = _subject(t)
        # a need still to come is a forecast, unless a party says it of another side ("Assad will have to go")
        needs = needs and not (_need_to_come(t.head) and not (voice.party and _of_other_side(subj, voice)))
        needs = needs and not _generic_you(subj if subj is not None else _subject(t.head))
        mine = subj is not None and (_is_first_person(subj, lex) or (voice.party and _own_side(subj, lex, voice)))
        undergoes = subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == t.i \
            and not any(c.dep_ == "agent" for c in t.children)                        # "we will be cleared"
        if mine and not undergoes and _announced(t, lex) and _threat_act(t, lex):
            threat = True                                       # "we will enter it", "our forces will advance"
        # what the speaker says he himself must or had to do ("I had to run inside the store") asks nothing of another
        asked = (modal or needs) and not mine and not (subj is not None and subj.lower_ == "i") \
            and _lemma(t) not in lex["cognition_verbs"] | _KNOWING and _lemma(t) != "be" and not _turns_out(t) \
            and not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in t.children)
        if asked or (_lemma(t) == "delay" and _negated(t)):
            demand = True
        if call_is_demand_on(t, lex, voice):
            call_is_demand = True
        measure = measure or urges_a_measure(t, lex)
    if any(_his_act_with_reason(t, lex, voice) for t in sent):
        yield SyntaxHit("justification", "syn.just.his_reason")
    if any(_his_act(t, lex, voice) for t in sent):
        yield SyntaxHit("claim_of_responsibility", "syn.claim.his_act")
    if threat and not voice.party:
        yield SyntaxHit("threat", "syn.threat.own_side_plan")
    if demand and not threat:
        yield SyntaxHit("demand", "syn.demand.should")
    if call_is_demand:
        yield SyntaxHit("demand", "syn.demand.call_on_other", replaces="call_to_action")
    if measure:
        yield SyntaxHit("demand", "syn.demand.urged_measure", replaces="call_to_action")   # "urged restraint"
    if voice.party:
        yield from _own_side_hits(sent, lex, voice)


# what a call or an appeal is made on or for: "called on the army", "called for calm", "appealed to residents"
_CALL_PREPS = frozenset({"on", "upon", "for", "to"})


def names_or_contests(verb: "Token") -> bool:
    """Whether "call" or "appeal" is used in a sense that calls on no one: naming ("what it called terrorist
    content", "called the attack a crime") or contesting a ruling ("could appeal the extradition"): a direct
    object and neither a preposition of a call nor a clause of what is asked."""
    if _lemma(verb) not in ("call", "appeal"):
        return False
    kids = list(verb.children)
    if any(c.dep_ == "oprd" for c in kids):
        return True                                     # "called X Y": a name given
    if any(c.dep_ == "prep" and c.lower_ in _CALL_PREPS for c in kids):
        return False
    if any(c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
           for c in kids):
        return False                                    # "called the people to rise up"
    return any(c.dep_ == "dobj" for c in kids)


def _calls_on(verb: "Token") -> bool:
    """"called on X to ...", "urged X to ...", "asked X to ..." (not "called the attack a crime")."""
    lemma = _lemma(verb)
    if lemma in ("call", "appeal"):             # "called on Monday for a strike": a day, not whom it calls on
        return any(c.dep_ == "prep" and c.lower_ in ("on", "upon") and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj") for c in verb.children)
    if lemma == "tell":                         # "told residents to leave", not "told Reuters that ..."
        return any(c.dep_ == "xcomp" for c in verb.children)
    return lemma in ("urge", "ask", "press", "encourage", "exhort", "implore") and any(
        c.dep_ in ("xcomp", "ccomp") for c in verb.children)


# modals of what may come: in a party's warning about its own side, a threat all the same
_POSSIBLE = frozenset({"might", "may", "could"})


def warns_of_own_act(tokens: "Span", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether a warning tells an armed act the speaker's own side may do ("North Korea warned that it might
    launch a pre-emptive strike"): the hedge of "might" hedges no threat a party makes of itself, only what an
    onlooker foresees ("warned that militants could attack")."""
    if not voice.party:
        return False
    for t in tokens:
        if t.pos_ != "VERB" or _negated(t) or not _threat_act(t, lex):
            continue
        if not {c.lower_ for c in t.children if c.dep_ == "aux"} & _POSSIBLE:
            continue
        subj = _subject(t)
        if subj is not None and (_is_first_person(subj, lex) or _own_side(subj, lex, voice)):
            return True
    return False


def call_is_demand_on(verb: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether "called on X to ...", "urged X to ..." makes a demand on another party ("called on both sides to
    respect the ceasefire", "urged Moscow to stop bombing") rather than a call to action: a call rallies a
    public or the speaker's own side, or asks for mobilisation whoever it addresses ("called on Iraqis to take
    up arms", "urged Afghans to join the fight")."""
    return _calls_on(verb) and not _addressed_to_own(verb, lex, voice) and not _mobilises(verb, lex)


# what advice to take care urges ("urged greater caution"): no measure asked of a party; and action or help
# urged of others, a call to act ("urging stronger international action", "urged more support")
_NO_MEASURE = frozenset({"caution", "care", "vigilance", "precaution", "action", "effort", "support", "help",
                         "assistance", "cooperation", "solidarity", "participation", "contribution", "unity"})


def urges_a_measure(verb: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether "urged ..." asks for a measure or a course, not for someone to act ("urged restraint", "urging swift
    extradition", "urged calm"): a direct object that names no one, no mobilisation ("urged a general strike" calls
    to action) and no action or help (`_NO_MEASURE`), and no clause of what an addressee is to do ("urged supporters to
    march")."""
    if _lemma(verb) != "urge" or _negated(verb):
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("xcomp", "ccomp") for c in kids):
        return False
    obj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG"):
        return False                                    # "urged them on", "urged Iraqis ...": whom it urges
    lemma = _lemma(obj)
    return lemma not in _NO_MEASURE and lemma not in lex["addressees"] and lemma not in _PARTIES \
        and lemma not in _RANKS and lemma not in lex["mobilising_verbs"] \
        and lemma not in ("boycott", "mobilisation", "mobilization")


def _mobilises(verb: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether what a call asks for is to fight, join, protest or mobilise ("to take up arms", "to wage
    jihad", "to take to the streets")."""
    for act in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl")):
        for t in [act] + [c for c in act.children if c.dep_ == "conj"]:
            lemma = _lemma(t)
            if _negated(t):
                continue
            if lemma in lex["mobilising_verbs"]:
                return True
            if lemma in ("take", "join") and any(_lemma(x) in _RANKS for x in t.subtree if x.i > t.i):
                return True                 # "take up arms", "join the fight" (not "join efforts for a truce")
    return False


def calls_for_mobilisation(verb: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether "called for ..." asks for a mobilisation, a call to action rather than a demand: a strike, a
    protest, an uprising or a boycott ("called for a general strike", "called for mass protests on Friday"), or
    a public to rise, march or fight ("called for supporters to march on the capital")."""
    if _lemma(verb) != "call":
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            if any(g.dep_ == "pobj" and _lemma(g) in _RANKS - {"arms", "arm", "weapon", "army", "war"}
                   and not _negated(g) for g in c.children):
                return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children) \
                and not _negated(c) and (_lemma(c) in lex["mobilising_verbs"] or _lemma(c) in ("take", "join") and any(
                    _lemma(x) in _RANKS for x in c.subtree if x.i > c.i)):
            return True                     # "called for supporters to march", "... to join the resistance"
    return False


# what one takes up or joins when mobilised
_RANKS = frozenset({"arms", "arm", "weapon", "street", "fight", "rank", "jihad", "struggle", "resistance", "battle",
                    "protest", "uprising", "revolution", "march", "strike", "army", "war", "demonstration"})


# whom a call addresses as another party (a demand on them), not as a public to rally
_PARTIES = frozenset({"protester", "demonstrator", "side", "party", "government", "regime", "council", "rebel",
                      "militant", "group", "authority", "administration", "opposition", "leadership", "militia",
                      "politician", "lawmaker", "parliament", "leader", "state", "country", "power", "force",
                      "army", "military", "troop", "coalition", "faction", "movement", "belligerent",
                      # who holds a place or people, and who leads another side ("urged the occupiers to leave",
                      # "called on the president to resign")
                      "occupier", "holdout", "kidnapper", "captor", "gunman", "hijacker", "president", "minister",
                      "premier", "chancellor", "official"})


def _addressed_to_own(verb: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether a call rallies a public or the speaker's own side ("called on civilians to flee", "urged
    the international community to act", "called on security forces to ..."), rather than making a
    demand on another party ("called on protesters to leave parliament", "urged Russia to stop")."""
    named = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children
             if g.dep_ == "pobj"] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not named:
        return True
    who = named[0]
    if _of_other_side(who, voice):
        return False
    if voice.party and _own_side(who, lex, voice):
        return True
    if who.pos_ == "PRON" and who.lower_ in ("him", "her") and _lemma(verb) in ("call", "appeal", "urge"):
        return False                        # one person called on ("called on him to denounce the violence"; not
                                            # an order told in a scene, "told him to drop the gun")
    if who.ent_type_ == "NORP" and who.tag_ in ("NNPS", "NNS") and not any(
            c.dep_ == "det" and c.lower_ == "the" for c in who.children):
        return True                         # a people or a faith ("urged Palestinians to ...", "all Muslims")
    return _lemma(who) not in _PARTIES and who.pos_ != "PROPN"


_ENEMY_NAMES = frozenset({"terrorist", "militant", "extremist", "jihadist", "insurgent", "terrorism", "terror"})


def _fights_terrorists(t: "Token", subj: "Token | None", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """A party saying its side fights or targets "terrorists" or "militants", as its campaign goes on: the
    grounds it gives for the campaign ("its air campaign is targeting militant groups")."""
    if t.tag_ not in ("VBZ", "VBP", "VBG") or _lemma(t) not in lex["core_attack_verbs"] | {"fight", "combat"}:
        return False
    if t.tag_ == "VBG" and not any(c.lemma_ == "be" and c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")
                                   for c in t.children):
        return False
    if subj is None or not _own_side(subj, lex, voice):
        return False
    return any(_lemma(o) in _ENEMY_NAMES or _ENEMY_NAMES & _phrase_lemmas(o)
               for o in t.children if o.dep_ in ("dobj", "obj"))


# acts a party denies its side did: "had never violated Turkish airspace", "did not target civilians", and the
# help it is charged with giving another side ("has not sent troops to Syria", "never armed or funded the rebels")
_DENIABLE = frozenset({"violate", "breach", "cross", "enter", "involve", "use", "carry", "commit", "drop", "fire",
                       "send", "deploy", "supply", "arm", "fund", "finance", "sponsor", "harbour", "harbor", "train",
                       "order", "torture"})


# what gives a reason: "because ...", "because of ...", "due to ...", "for fear of ..."
_REASON_MARKS = frozenset({"because"})
_REASON_PREPS = frozenset({"because", "due", "for fear"})


def _gives_reason(verb: "Token") -> bool:
    """Whether a verb carries a reason of its own: a clause marked "because" or a "because of" / "due to" /
    "for fear of" phrase hanging from it."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _REASON_MARKS for g in c.children):
            return True
        if c.dep_ == "prep" and (c.lower_ in _REASON_PREPS or c.lower_ == "for" and any(
                g.dep_ == "pobj" and _lemma(g) == "fear" for g in c.children)):
            return True
    return False


def _his_act(t: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """One person's account, in reported speech, of an attack he carried out ("told investigators he carried out
    the killings", "said she had shot the guard"): his claim of it. Done, active, not negated, not asked or
    supposed; not an arrest; not in a quotation, where "he" is someone else."""
    if not voice.one_person or t.pos_ != "VERB" or _negated(t) or t.tag_ not in ("VBD", "VBN") \
            or not _operation(t, lex) or _lemma(t) in ("arrest", "detain") or t.dep_ in ("relcl", "amod"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "could", "might", "may", "should", "must", "to",
                                                        "was", "were", "been", "be")
           for c in t.children) or _asked_for(t, lex) or _unconfirmed(t) or accident(t.sent.text):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in ("he", "she") and not _in_quotation(subj)


def _reasoned_act_subject(t: "Token", lex: Mapping[str, frozenset[str]]) -> "Token | None":
    """The subject of an act told with its reason ("closed the crossing due to security threats", "fired because
    he thought he was in danger"), or None: not the speech or belief verbs ("said ... because"), not the cause
    of an accident; the acts are those of the measure, violent and de-escalation verb lists and operations."""
    if t.pos_ != "VERB" or t.dep_ == "amod" or _lemma(t) in lex["cognition_verbs"] or not _gives_reason(t):
        return None
    if not (_lemma(t) in lex["measure_verbs"] | lex["violent_verbs"] | lex["deescalation_verbs"] or _operation(t, lex)):
        return None                         # "we mourn fewer people because of your actions": no act of a side
    if accident(t.sent.text):
        return None                         # "a helicopter crashed due to a technical fault": a cause, no grounds
    subjects = [c for c in t.children if c.dep_ in _SUBJ]
    return subjects[-1] if subjects else _subject(t)


def _own_act_with_reason(t: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """A party's reason for what its own side did, does or will not do ("broke off the talks because the
    prime minister did not want to interfere", "cannot accept a truce because it does not trust the Russians",
    "closed the crossing due to security threats"): the grounds it gives for its act or stance, not what
    someone else did."""
    subj = _reasoned_act_subject(t, lex)
    return subj is not None and _own_side(subj, lex, voice)


def _his_act_with_reason(t: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """One person's reason for his own act, in his account told in reported speech ("the officer said he fired
    because he thought he was in danger"): his grounds, as a side's are. Not in a quotation, where "he" is
    someone else ('"He fired because he panicked," the lawyer said')."""
    if not voice.one_person:
        return False
    subj = _reasoned_act_subject(t, lex)
    if subj is None or subj.lower_ not in ("he", "she") or _in_quotation(subj):
        return False
    return not _negated(t)


def _denied_act(t: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """A party's denial of its own side's act: an attack or a violation told as done, negated, with its
    side as the subject ("its jets did not strike the market", "had never violated Turkish airspace")."""
    if t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBN", "VB"):
        return False
    if _lemma(t) not in lex["core_attack_verbs"] | _DENIABLE and not _operation(t, lex):
        return False
    subj = _subject(t)
    if any(c.dep_ == "auxpass" for c in t.children) and _lemma(t) != "involve":
        # "no soldiers were killed" tells a toll; "the market was not struck by our jets" names its agent;
        # "no chemical weapons were used", "no barrel bombs were dropped", said by a party, deny its side's use
        thing = subj
        subj = next((g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if subj is None and thing is not None and _lemma(t) in _DENIABLE - {"involve", "enter", "cross"} \
                and any(c.dep_ == "det" and c.lower_ == "no" for c in thing.children):
            return voice.party
        if subj is None and thing is not None and _lemma(t) == "use" and _negated(t) \
                and {c.lower_ for c in t.children if c.dep_ == "aux"} & {"did", "had", "has", "have"} | {
                    c.lower_ for c in t.children if c.dep_ == "auxpass"} & {"was", "were"} \
                and _own_side(thing, lex, voice):
            return True                     # "government warplanes had not been used in the area", said by the army
    if _kept_from(t) and subj is not None and _own_side(subj, lex, voice):
        return True                         # "our jets hit targets no closer than 20 km from the town": not the town
    none_of = subj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
    if not (_negated(t) or none_of):
        return False                        # "no Russian aircraft were involved" is a denial too
    auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    if auxes & (_PLANNED | {"could", "might", "may", "must", "can", "to"}) or not auxes & {
            "did", "had", "has", "have", "was", "were"}:
        return False                                    # "will not target civilians" is no denial but a pledge
    return subj is not None and _own_side(subj, lex, voice)


_NEARER = frozenset({"closer", "nearer"})


def _kept_from(t: "Token") -> bool:
    """Whether an act is told as kept at a distance from a place ("hit targets no closer than 20 km from the
    town", "struck not nearer than 15 km to it"): a negated comparative of nearness in the verb's own phrase."""
    subj = _subject(t)
    skip = set(x.i for x in subj.subtree) if subj is not None else set()
    return any(x.lower_ in _NEARER and x.i not in skip and x.i > 0 and x.doc[x.i - 1].lower_ in ("no", "not", "never")
               for x in t.subtree)


def _denies_report(verb: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """A verb of denial ("denied", "refuted"), or one that rejects a report as its object ("rejected the
    claims", "dismissed reports that ...", "disputed the army's account")."""
    lemma = _lemma(verb)
    if lemma in lex["denial_verbs"]:
        return True
    return lemma in lex["rejecting_verbs"] and any(
        c.dep_ in ("dobj", "obj") and _lemma(c) in lex["report_nouns"] for c in verb.children)


def denial_context(verb: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether a reporting verb introduces a denial: it rejects a report ("rejected claims that its jets hit
    the hospital"), or it gives the reasons of a denial it goes with ("denied targeting civilians, saying
    they take great care ...", "dismissed the claims and insisted that ...")."""
    if _negated(verb):
        return False
    if _lemma(verb) in lex["rejecting_verbs"] and _denies_report(verb, lex):
        return True
    head = verb.head
    if head.i == verb.i or _negated(head):
        return False
    if verb.dep_ == "conj" and (any(c.dep_ in _SUBJ for c in verb.children) or any(
            c.dep_ == "cc" and c.lower_ in ("but", "yet", "while") for c in head.children)):
        return False                        # "denied heavy losses, but said dozens of civilians were killed"
    if verb.dep_ == "conj" or verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        return _denies_report(head, lex)
    return False


def _asked_for(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether an act is what someone is asked to do or to stop ("urged Ankara to stop shelling YPG positions",
    "called on the army to halt its strikes"), not an act told as done."""
    cur = t
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep"):
            return False
        cur = cur.head
        if _lemma(cur) in lex["asking_verbs"] or _lemma(cur) in ("stop", "halt", "cease", "end", "refrain"):
            return True
    return False


def _unconfirmed(t: "Token") -> bool:
    """Whether an act is what a report the speaker could not confirm tells ("could not confirm reports that the
    commander was wounded in a strike"): the speaker's side claims nothing."""
    return any(_lemma(a) in ("confirm", "verify") and _negated(a) for a in list(t.ancestors)[:4])


def _one_of(np: "Token | None") -> "Token | None":
    """"one of its fighters", "a total of 140 militants": the group named after "of"."""
    if np is None or _lemma(np) not in ("one", "two", "three", "some", "several", "many", "most", "all", "each",
                                        "total", "number", "dozen", "hundred", "score"):
        return np
    pobj = next((g for c in np.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"), None)
    return pobj if pobj is not None else np


def _the_other_sides(np: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether a noun phrase, in a party's account, names the other side's fighters or military assets:
    a mention of another side, its fighters by a common noun ("militants" for a state, "soldiers" for an
    armed group), or its military targets ("40 targets were hit", "rebel tanks were destroyed")."""
    start, end = np.left_edge.idx, np.right_edge.idx + len(np.right_edge.text)
    if any(start <= s < end for s, _ in voice.own) or _is_first_person(np, lex):
        return False
    words = _phrase_lemmas(np)
    if words & lex["protected"]:
        return False
    if any(start <= s < end for s, _ in voice.other) or "enemy" in words:
        return True
    lemma = _lemma(np)
    fighters = lex["state_forces"] if voice.armed_group else lex["attackers"] | {"fighter"}
    return lemma in fighters and lemma not in ("man", "palestinian", "suspect") or lemma in lex["military_objects"]


# marks of a clause that tells no act done: a condition or a time to come ("if attacked", "once it is taken")
_CONDITIONS = frozenset({"if", "unless", "once", "until", "whenever", "lest"})


# heads whose negation keeps the act they govern ("will not hesitate to strike", "did not stop firing", "does not
# rule out strikes"): a negated stop or refusal to exclude is no renunciation
_NEGATION_KEEPS = _STOPPING | {"hesitate", "rule", "exclude", "refrain", "stop", "cease"}


def _plan_negated(t: "Token") -> bool:
    """Whether the plan, order or intent an act hangs from is negated ("never planned to pursue the death
    penalty", "this is not an order to target the group"): the act is said not to be intended, no threat."""
    cur = t
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acl", "attr") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if _negated(cur) and _lemma(cur) not in _NEGATION_KEEPS:
            return True
    return False


def _planner(t: "Token") -> "Token | None":
    """Whose plan an act is when an intent noun's possessive names someone ("his plans to carry out the attack":
    his); the side's own "our", "its", "their" plans stay the speaker's."""
    head = t.head
    if t.dep_ == "acl" and head.i != t.i and _lemma(head) in _INTENT_NOUNS:
        return next((c for c in head.children if c.dep_ == "poss" and c.lower_ not in ("our", "my", "its", "their")),
                    None)
    return None


def _headline_present(t: "Token", voice: Voice) -> bool:
    """An armed group's own news tells its attacks in the present, as headlines do ("our commandos attack a
    barracks in the city"): a present verb of its own side's operation is an act done, not a habit."""
    kids = list(t.children)       # the parse may tag it VB after "said": with a subject and no auxiliary, it is present
    return voice.armed_group and t.tag_ in ("VBP", "VBZ", "VB") and any(c.dep_ == "nsubj" for c in kids) \
        and not any(c.dep_ in ("aux", "auxpass") for c in kids)


def _own_side_undergoes(t: "Token", subj: "Token | None", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether the speaker's own side is the subject of a passive verb ("the officers would be cleared", "our
    men will be targeted"): what is to be done to it, no act it announces; with an agent named, the subject may be
    the operation itself ("it would be conducted by the army"), which `_threat_act` reads."""
    return subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == t.i \
        and not any(c.dep_ == "agent" for c in t.children) and _own_side(subj, lex, voice)


# people a passive act is done to, no gain a side claims ("he was pushed", "we were hit")
_PERSONAL_PRONOUNS = frozenset({"he", "she", "i", "you", "we"})


# what a search finds and police take away: a seizure of these is an investigation's step, no armed act
_EVIDENCE = frozenset({"document", "paper", "cd", "dvd", "computer", "laptop", "phone", "telephone", "hard", "drive",
                       "evidence", "material", "cash", "money", "passport", "drug", "book", "literature", "item",
                       "file", "record", "device", "sim", "card"})


def _evidence_seized(t: "Token") -> bool:
    """Whether a verb of seizing takes only what a search finds ("seized documents and CDs in a search", "laptops
    were confiscated"), not a place, arms or people."""
    if _lemma(t) not in ("seize", "confiscate"):
        return False
    things = [c for c in t.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    things += [c for x in things for c in x.conjuncts]
    return bool(things) and all(_lemma(x) in _EVIDENCE for x in things)


def _served_as_base(noun: "Token") -> bool:
    """"the town served as a launchpad for attacks on the capital": a base told as it was, no attack to come."""
    if _lemma(noun) not in ("launchpad", "springboard") or noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return False
    verb = noun.head.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and bool(auxes & {"has", "have", "had"})


# verbs that give a measure its purpose ("the operation aims to clear the area", "the curfew is meant to ...")
_AIMING = frozenset({"aim", "seek", "intend", "design", "mean"})


def _aimed_measure(t: "Token", lex: Mapping[str, frozenset[str]], voice: Voice) -> bool:
    """Whether a party tells the purpose of its own side's operation or measure ("the operation aims to clear the
    area of militants", "the offensive is meant to drive the insurgents out"): its grounds. Not one of another
    side's ("the rebels' offensive aims to cut the road")."""
    if _lemma(t) not in _AIMING or _negated(t) or not any(c.dep_ == "xcomp" for c in t.children):
        return False
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or _lemma(subj) not in lex["operation_nouns"] | lex["measure_nouns"]:
        return False
    start, end = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
    if any(start <= s < end for s, _ in voice.other):
        return False
    others = lex["state_forces"] if voice.armed_group else lex["attackers"] | lex["group_forces"]
    return not any(x.i != subj.i and (_lemma(x) in others or x.ent_type_ in ("NORP", "GPE", "ORG")
                                      and not any(start <= s < end for s, _ in voice.own))
                   for x in subj.subtree)


def _own_side_hits(sent: "Span", lex: Mapping[str, frozenset[str]], voice: Voice) -> Iterator[SyntaxHit]:
    """A party's account of its own side's armed action: done or under way, its claim of it ("troops
    killed 33 militants", "its forces took over the city", "25 vehicles were destroyed"); announced, a
    threat ("pledged to retake Mosul", "the fight ... will continue"); the other side's violence
    recounted beside it, its justification ("a Palestinian tried to stab a policeman and was shot")."""
    threat = claim = justification = denial = reason = False
    for t in sent:
        if _denied_act(t, lex, voice):
            denial = True
        if _own_act_with_reason(t, lex, voice) or _aimed_measure(t, lex, voice):
            reason = True                                       # negated too: "cannot accept a truce because ..."
        if t.pos_ not in ("VERB", "NOUN") or _negated(t) or t.dep_ == "amod":
            continue                                            # "the besieged towns": a state, no act
        if t.pos_ == "NOUN":
            if _lemma(t) in lex["operation_nouns"] and t.dep_ == "pobj" and _lemma(t.head) in ("for", "of") \
                    and _lemma(t.head.head) in _INTENT_NOUNS | {"ahead", "expand", "operation"} \
                    and not _served_as_base(t.head.head):
                threat = True                                   # "in preparation for an eventual assault"
            continue
        subjects = [c for c in t.children if c.dep_ in _SUBJ]
        subj = subjects[-1] if subjects else _subject(t) or _planner(t)
        if _announced(t, lex) and _threat_act(t, lex) and not _own_side_undergoes(t, subj, lex, voice) \
                and not _plan_negated(t) \
                and (subj is None or _own_side(subj, lex, voice)
                     or _lemma(subj) in lex["operation_nouns"] | {"fight", "war"}):
            threat = True
        if _fights_terrorists(t, subj, lex, voice):
            justification = True
        if voice.armed_group is False and _lemma(t) in lex["violent_verbs"] | {"stab", "hurl", "throw", "open"} \
                and subj is not None and subj.dep_ != "nsubjpass" \
                and _lemma(subj) in lex["attackers"] and not _own_side(subj, lex, voice) \
                and _met_with_force(sent, subj, lex, voice):
            justification = True
    if threat:
        yield SyntaxHit("threat", "syn.threat.own_side_plan")
    # deaths in a crash or a fire are an accident the speaker reports, no act its side claims ("a helicopter
    # crashed, killing four soldiers")
    for t in () if accident(sent.text) else sent:
        if t.pos_ != "VERB" or not _operation(t, lex) or _negated(t) or t.tag_ not in ("VBD", "VBN", "VBG") \
                and not _headline_present(t, voice):
            continue
        if _asked_for(t, lex) or _unconfirmed(t):
            continue                                               # "urged Ankara to stop shelling": asked, not done
        if _evidence_seized(t):
            continue                                               # "police seized documents in a search"
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children):
            continue                                               # "would close the strait if attacked"
        if t.dep_ == "relcl":
            continue                        # "withdraw from land it recently captured": an act that describes a noun
        if _scene_of(t, lex):
            continue                                               # "the toll could rise as commandos cleared ..."
        if _future_or_intent(t, lex, True) or any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may",
                                                                                 "should", "must", "to")
                                                  for c in t.children):
            continue
        subjects = [c for c in t.children if c.dep_ in _SUBJ]     # the nearest ("ANKARA Turkish shelling killed")
        subj = subjects[-1] if subjects else _subject(t)
        if subj is None and t.dep_ == "pcomp" and t.head.lower_ == "by" and t.head.head.i != t.head.i:
            subj = _subject(t.head.head)                           # "helped the militia by conducting strikes"
        subj = _one_of(subj)
        # a verb joined to a passive one shares its auxiliary: "an officer was shot and wounded" is passive twice
        passive = any(c.dep_ == "auxpass" for c in t.children) or t.dep_ == "conj" and not subjects and any(
            c.dep_ == "auxpass" for c in t.head.children)
        if _under_finding(t):
            continue                        # "the inquiry found that officers shot the man": a finding, no claim
        if passive:
            if _lemma(t) == "clear" and not _cleared_of_them(t, lex):
                continue                    # "the terminal was quickly cleared": emptied of people, no armed gain
            if subj is not None and subj.lower_ in _PERSONAL_PRONOUNS:
                continue                    # "he was pushed to the end of his rope", "we were attacked": one done to
            if _lemma(t) in ("arrest", "detain") or _lemma(t) in ("capture", "seize") and subj is not None \
                    and _lemma(subj) in lex["attackers"] | {"fighter", "member", "leader", "commander", "person"}:
                continue                    # "two terrorists were captured", "nine suspects were detained": arrests
            if _lemma(t) in lex["core_attack_verbs"] | {"wound", "injure"}:
                if _done(t) and subj is not None and _the_other_sides(subj, lex, voice) and any(
                        _lemma(g) in lex["operation_nouns"] for c in t.children if c.dep_ in ("prep", "agent")
                        for g in c.children if g.dep_ == "pobj"):
                    claim = True                    # "140 militants have been killed in the strikes", said by the army
                    break
                continue                                           # "six soldiers were killed": a toll, no claim
            agent = next((g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if agent is not None and _time_word(agent):
                agent = None                                       # "was captured by mid-day": a time, no agent
            if agent is not None:
                if _own_side(_one_of(agent), lex, voice):
                    claim = True
                    break
                continue
            if not _done(t) or subj is not None and _lemma(subj) in lex["operation_nouns"] and _lemma(t) in (
                    "launch", "conduct", "carry", "mount", "stage"):
                continue                    # "the offensive was conducted with air support" ("was repelled" claims)
            if subj is not None and _the_other_sides(subj, lex, voice):
                claim = True                                       # "six Armenian tanks were destroyed"
                break
            own_kind = lex["group_forces"] if voice.armed_group else lex["state_forces"]
            spared = lex["protected"] - _PLACES if _lemma(t) in _TAKEN else lex["protected"]
            if subj is not None and not _own_side(subj, lex, voice) and not (
                    _phrase_lemmas(subj) & (spared | own_kind)):
                claim = True
                break
            continue
        if _lemma(t) in ("arrest", "detain"):
            continue                        # "police said they had arrested four people": arrests, as when passive
        if subj is not None and _own_side(subj, lex, voice) and not _accused(t, subj, lex, voice):
            claim = True
            break
    if denial:
        yield SyntaxHit("denial", "syn.deny.own_side_act")
    if claim and not denial:
        yield SyntaxHit("claim_of_responsibility", "syn.claim.own_side_act")
    if justification:
        yield SyntaxHit("justification", "syn.just.their_attack")
    if reason:
        yield SyntaxHit("justification", "syn.just.own_reason")


def _sentence_hits(sent: "Span", lex: Mapping[str, frozenset[str]],
                   group_in: Callable[[str], bool] | None) -> Iterator[SyntaxHit]:
    violent, addressees = lex["violent_verbs"], lex["addressees"]
    reported = any(_lemma(t) in lex["cognition_verbs"] and t.dep_ == "ROOT" for t in sent)
    root = sent.root
    for t in sent:
        lemma = _lemma(t)
        if t.pos_ != "VERB" and not (t.pos_ == "AUX" and t.dep_ == "ROOT"):
            continue
        if _harm_on_condition(t, lex):
            yield SyntaxHit("threat", "syn.threat.on_condition")
            continue
        subj = _subject(t)
        obj_lemmas = set().union(*(_phrase_lemmas(c) for c in t.children if c.dep_ in ("dobj", "prep", "pobj",
                                                                                       "nsubjpass")))
        # --- violent verbs: threat / de-escalation / claim / imperative call ---------------------
        if lemma in violent and not _at_an_ill(t, lex):
            neg = _negated(t) or (t.dep_ == "xcomp" and _negated(t.head) and _lemma(t.head) != "hesitate")
            protected = bool(obj_lemmas & lex["protected"])
            future = _future_or_intent(t, lex, reported) or (
                t.dep_ == "xcomp" and _lemma(t.head) == "hesitate" and _future_or_intent(t.head, lex, reported))
            passive = any(c.dep_ == "auxpass" for c in t.children)
            own = _is_first_person(subj, lex)
            if future and neg and (protected or lemma in lex["core_attack_verbs"]):
                yield SyntaxHit("de_escalation", "syn.deesc.will_not_attack", negated=True)
                continue
            if future and neg or future and _found_absent(t):
                continue
            if future and (own or passive or (subj is not None and subj.lower_ in ("they", "it", "he", "she")
                                              and _in_reported_clause(t))):
                yield SyntaxHit("threat", "syn.threat.intent")
                continue
            if future and subj is not None and _lemma(subj) not in lex["observers"] and _in_reported_clause(t):
                yield SyntaxHit("threat", "syn.threat.reported_intent")
                continue
            if t.tag_ in ("VBD", "VBN") and own and not neg and not passive and not _in_reported_clause(t) \
                    and t.dep_ in ("ROOT", "conj", "xcomp"):
                yield SyntaxHit("claim_of_responsibility", "syn.claim.first_person_act")
                continue
            did = t.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in ("did", "do", "does")
                                                 for c in t.children)       # "we did not attack the convoy"
            if did and own and neg:
                yield SyntaxHit("denial", "syn.deny.did_not")
                continue
            if _imperative(t, sent) and neg:
                yield SyntaxHit("demand", "syn.demand.do_not_attack")    # "Don't attack hospitals": told to refrain
                continue
            if _imperative(t, sent) and not neg:
                yield SyntaxHit("call_to_action", "syn.call.imperative")
                if group_in is not None and any(group_in(_text(c)) for c in _objects(t)):
                    yield SyntaxHit("incitement", "syn.incite.violence_on_group")
                continue
        # --- calls: imperatives and "must" to supporters -------------------------------------
        if _let_us(t) or (lemma in lex["call_verbs"] or _addressed(t)) and _imperative(t, sent) or _dont(t, sent):
            yield SyntaxHit("call_to_action", "syn.call.imperative")
            continue
        # --- "Stop the shelling", "End this war": an imperative to stop asks a party to stop, a demand ---------
        if lemma in _STOPPING and _imperative(t, sent) and not _negated(t):
            yield SyntaxHit("demand", "syn.demand.imperative_stop")
            continue
        modal = {c.lower_ for c in t.children if c.dep_ == "aux"} & {"must", "should"} \
            if not (_hindsight(t) or _inverted_condition(t)) else set()
        has_to = t.dep_ == "xcomp" and _lemma(t.head) in ("have", "need") and t.head.dep_ == "ROOT" \
            and not _foreseen_need(t.head)
        if modal or has_to:
            who = subj if subj is not None else (_subject(t.head) if has_to else None)
            who_lemma = _lemma(who) if who is not None else ""
            who_words = {x.lower_ for x in who.subtree} if who is not None else set()
            if (who_lemma in addressees or who_words & {"every", "all", "everyone"} or who_lemma in ("we",)) and \
                    (lemma in lex["call_verbs"] or lemma in violent) and not _negated(t):
                yield SyntaxHit("call_to_action", "syn.call.must_act")
                continue
            if lemma in lex["demand_verbs"] and who is not None and who_lemma not in addressees \
                    and who.lower_ not in lex["first_person"] and not _negated(t) \
                    and not (group_in is not None and group_in(_text(who))):
                yield SyntaxHit("demand", "syn.demand.must")
                continue
        # --- "X asked/urged/called on Y to Z" (also passive "are asked to rise up") -----------
        # (not when the asking is denied: "I don't ask them to fight")
        if lemma in lex["asking_verbs"] and not _negated(t) and not _invites_one(t) and not _foretold(t) and any(
                c.dep_ in ("xcomp", "ccomp") and _lemma(c) in (lex["call_verbs"] | violent) for c in t.children):
            yield SyntaxHit("call_to_action", "syn.call.asked_to")
            continue
        # --- de-escalation verbs in the first person (abide by, release, withdraw, welcome) ---------
        if lemma in lex["deescalation_verbs"] and _is_first_person(subj, lex) and not _negated(t) \
                and not any(_lemma(o) in _COURTESIES for o in _objects(t)) and not _into_custody(t):
            yield SyntaxHit("de_escalation", "syn.deesc.own_step")
            continue
        # --- denial verbs with the issuer as subject ----------------------------------------------
        # (not in the passive: "rights are denied by fanatics" is withheld from someone, no denial; nor negated,
        # which concedes: "the court does not deny that the refugees pose some risk", "no one denies it")
        if lemma in lex["denial_verbs"] and (t.i == root.i or t.dep_ == "conj") and subj is not None \
                and _lemma(subj) not in lex["observers"] and not _deprives(t) and not _negated(t) \
                and not _nobody(subj) and not any(c.dep_ == "auxpass" for c in t.children):
            yield SyntaxHit("denial", "syn.deny.verb")
            continue
    # --- justification: an act done for a protective purpose or for a reason given ---------------
    if any(_grounds_of_act(t, lex) or _measure_after_their_act(t, lex) for t in sent):
        yield SyntaxHit("justification", "syn.just.grounds_of_act")
    # --- incitement: a people or religion as the subject of a dehumanising predicate ------------
    if group_in is not None:
        for t in sent:
            if _lemma(t) in lex["dehumanising"] and t.pos_ in ("NOUN", "PROPN"):
                if group_in(sent.text):
                    yield SyntaxHit("incitement", "syn.incite.dehumanise")
                    break


def _nobody(subj: "Token") -> bool:
    """Whether a subject is no one ("nobody", "no one", "none of us")."""
    return _lemma(subj) in ("nobody", "none") or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


# what a harm set on a condition is: besides violent verbs and the words of WARNING_WORDS, ruin and escalation
_HARM_NOUNS = WARNING_WORDS | frozenset({"destruction", "annihilation", "escalation", "death", "bloodshed", "blow",
                                          "attack", "violence", "conflict"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_ARMS = frozenset({"weapon", "missile", "rocket", "bomb", "arsenal", "nuke"})
_ENDING = frozenset({"end", "stop", "prevent", "avoid", "resolve", "settle", "limit", "reduce", "contain"})


def _into_custody(t: "Token") -> bool:
    """Whether a captive is handed to police, intelligence or a court ("handed him over to military
    intelligence"): custody, no step towards calm ("we will hand over the prisoners to the Red Cross" is one)."""
    return _lemma(t) == "hand" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(_lemma(g) in _CUSTODY for g in c.children if g.dep_ == "pobj")
        for c in t.children)


def _foretold(t: "Token") -> bool:
    """"then they will invite the West to fight", quoted: what another will ask one day, foretold by the speaker,
    no call of the speaker's (whose own is "we will ask", and in reported speech "would")."""
    subj = _subject(t)
    return subj is not None and subj.lower_ in ("they", "he", "she") and _in_quotation(t) \
        and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in t.children)


def _invites_one(t: "Token") -> bool:
    """"invited Netanyahu to come", "asked the minister to visit": one person asked to come is an invitation,
    no call to action."""
    who = next((c for c in t.children if c.dep_ in ("dobj", "obj")), None)
    return who is not None and who.ent_type_ == "PERSON" and any(
        c.dep_ in ("xcomp", "ccomp") and _lemma(c) in ("come", "visit", "attend", "go") for c in t.children)


def _harm_on_condition(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether a harm is announced on a condition set on someone's move: a "will" or "would" clause of harm
    with an "if" or "unless" clause ("if the plane lands in Egypt he would blow it up", "the government will
    be brought down unless the reforms pass"), or with a move of "any" kind as its subject ("any provocation
    would result in the destruction of its leadership"). A negated harm ("would not attack if") is none."""
    if t.pos_ != "VERB" or t.dep_ in ("amod", "relcl", "advcl") or _lemma(t) in _ENDING \
            or _lemma(t) in lex["deescalation_verbs"]:
        return False                                    # "if elected, he would end the war": no harm
    auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    if not auxes & (_FUTURE | _REPORTED_FUTURE) or "have" in auxes:
        return False                                    # "they would have shot him": what did not happen
    marks = {g.lower_ for c in t.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark"
             and not (g.i > 0 and g.doc[g.i - 1].lower_ == "even")}      # "even if": no condition
    if _negated(t):                                     # "will not use nuclear weapons unless ...": use if ...
        return "unless" in marks and (_lemma(t) in lex["violent_verbs"] or _threat_act(t, lex) or any(
            _lemma(x) in _HARM_NOUNS | _ARMS for c in t.children if c.dep_ == "dobj" for x in c.subtree))
    subj = _subject(t)
    condition = bool(marks & _CONDITION_MARKS)
    condition = condition or subj is not None and subj.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ == "any" for c in subj.children)
    if not condition:
        return False
    if _lemma(t) in lex["violent_verbs"] or _threat_act(t, lex):
        return True
    if _lemma(t) == "bring" and any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children):
        return True                                     # "the government would be brought down"
    harmed = [x for c in t.children if c.dep_ in ("dobj", "attr", "prep", "agent") for x in c.subtree]
    return any(_lemma(x) in _HARM_NOUNS and not _lessened(x, t) for x in harmed
               if x.pos_ == "NOUN" and x.dep_ != "compound")


# what lessens a harm named after it ("lead to a decline in violence", "an end to the war")
_LESSENING = _ENDING | frozenset({"decline", "reduction", "drop", "decrease", "cessation", "halt", "lull", "fall",
                                  "de-escalation", "easing"})


def _lessened(x: "Token", verb: "Token") -> bool:
    """Whether a harm noun stands under a word that lessens it, between it and `verb`."""
    for a in x.ancestors:
        if a.i == verb.i:
            return False
        if _lemma(a) in _LESSENING:
            return True
    return False


def _grounds_of_act(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether `t` gives the grounds of an act: a purpose to protect or prevent ("the curfew was imposed to
    prevent further violence", "intervened to restore the legitimate government", "should be divided to
    prevent further bloodshed") or a cause ("sent a plane to intercept the aircraft because it had turned off
    its transponder"), hanging from an act or measure that is not itself asked of someone ("called on the
    forces to exert efforts to prevent attacks" is a call) nor negated."""
    if t.dep_ not in ("advcl", "xcomp") or t.head.i == t.i or _negated(t):
        return False
    head = t.head
    if _asked_for(head, lex) or _lemma(head) in lex["asking_verbs"] or _lemma(head) in lex["intent_heads"] \
            or _lemma(head) in ("have", "need", "ought", "be", "use"):
        return False                        # "the bombing has to stop": a demand, no purpose
    subj = _subject(head)
    measure = subj is not None and _lemma(subj) in lex["measure_nouns"] | lex["operation_nouns"]
    if not (_lemma(head) in lex["measure_verbs"] | lex["violent_verbs"] or _operation(head, lex) or measure):
        return False                        # "tried to stop the attack", "works to protect VIPs": no act
    if _lemma(t) in lex["purpose_verbs"] and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return True
    # a cause given for the speaker's own act ("it had sent a plane ... because"), not an account of why
    # someone else acted ("the attacker detonated the bomb because they were scared of the police")
    because = t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "because" for c in t.children)
    own = subj is not None and (_is_first_person(subj, lex) or subj.lower_ in ("it", "they"))
    # a measure or operation told in the passive ("the strikes were carried out because ...")
    own = own or measure and any(c.dep_ == "auxpass" for c in head.children)
    return because and own and not _negated(head)


# what is granted or refused, not reported: "denied bail", "was denied entry" withhold it
_GRANTED = frozenset({"bail", "access", "entry", "visa", "permission", "passage", "haven", "sanctuary", "asylum",
                      "parole", "request", "application", "permit"})


def _deprives(t: "Token") -> bool:
    """Whether a verb takes both a party and a thing ("denying the militants access to terrain", "denied the
    rebels a safe haven") or a thing that is granted ("he was denied bail", "denied the request"): it withholds the
    thing, it denies no report."""
    objects = [c for c in t.children if c.dep_ in ("dobj", "dative", "iobj")]
    return len(objects) >= 2 or any(c.dep_ == "dobj" and _lemma(c) in _GRANTED for c in objects)


def withholds_only(tokens: "Span", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether every denial verb of a point withholds a thing from a party ("denying the militants access",
    "denied him the nomination") and none denies a report: its "deny" is no denial."""
    verbs = [t for t in tokens if _lemma(t) in lex["denial_verbs"] and t.pos_ == "VERB"]
    return bool(verbs) and all(_deprives(t) for t in verbs)


def asks_told_of_another(tokens: "Span", lex: Mapping[str, frozenset[str]], voice: Voice | None) -> bool:
    """Whether every asking verb of a point ("asked", "urged", "called on") has another party named as its
    subject inside the point ("authorities had asked him to keep quiet", "he heard the officer urge him to
    shoot"): the point tells of a request someone else made, no call or demand of the speaker's. A pronoun
    subject ("he urged", "they called on") may be the speaker, and so may a mention of its own side; a request
    in the present ("the Secretary-General urges the parties to ...") is made now, through its spokesman."""
    verbs = [t for t in tokens if _lemma(t) in lex["asking_verbs"] and t.pos_ == "VERB"]
    if not verbs:
        return False
    for t in verbs:
        if t.tag_ in ("VBZ", "VBP"):
            return False
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.dep_ == "nsubjpass" or subj.pos_ not in ("NOUN", "PROPN") \
                or _is_first_person(subj, lex):
            return False
        if voice is not None and voice.party and _own_side(subj, lex, voice):
            return False
    return True


# marks of a clause that tells what went on while the main clause held ("as troops cleared the hostels")
_SCENE_MARKS = frozenset({"as", "while", "when"})


def _scene_of(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether an armed act is told only as the time of a point that is no act ("the death toll could rise as
    army commandos cleared out the hostels"): what the point says is its main clause, not a claim."""
    if t.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _SCENE_MARKS for c in t.children):
        return False
    return t.head.i != t.i and not _operation(t.head, lex)


def _measure_after_their_act(t: "Token", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether a measure is told as taken after the other side's act, its grounds: "a curfew was imposed
    after moves by militants to dig ditches", "closed the crossing after gunmen fired on a patrol". The
    "after" phrase or clause must name attackers (`attackers`); "imposed a curfew after midnight" or
    "after talks" gives a time, no grounds. An arrest after an attack ("two men were arrested after a gunman
    opened fire") is its sequel, told as news, not a reason a party gives."""
    if _lemma(t) not in lex["measure_verbs"] or t.pos_ != "VERB" or _negated(t) or _asked_for(t, lex):
        return False
    if _lemma(t) in ("arrest", "detain"):
        return False
    for c in t.children:
        after = c.dep_ == "prep" and c.lower_ == "after" or c.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ == "after" for g in c.children)
        if after and any(_lemma(x) in lex["attackers"] for x in c.subtree if x.pos_ in ("NOUN", "PROPN")):
            return True
    return False


def _text(t: "Token") -> str:
    return "".join(x.text_with_ws for x in t.subtree)


def _objects(t: "Token") -> list["Token"]:
    out = []
    for c in t.children:
        if c.dep_ in ("dobj", "obj"):
            out.append(c)
        elif c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _imperative(t: "Token", sent: "Span") -> bool:
    """A base-form verb heading its sentence (or coordinated with one) without a subject:
    "Join the ranks", "O Muslims, rise up", "Let every man take up arms"."""
    if t.tag_ != "VB":
        return False
    if any(c.dep_ in _SUBJ or c.dep_ == "expl" for c in t.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ not in ("do",) for c in t.children):
        return False
    if t.i > sent.start and sent.doc[t.i - 1].lower_ in ("to",):
        return False
    if _heads(t, sent):
        return True
    if t.dep_ == "conj" and _heads(t.head, sent) and t.head.tag_ == "VB" and not any(
            c.dep_ in _SUBJ for c in t.head.children):
        return True
    return False


def _heads(t: "Token", sent: "Span") -> bool:
    """Whether a token heads the point's sentence: its root, or a quotation's verb that opens it and hangs
    from the attribution outside it ('"Attack them wherever you find them," the spokesman said'), its own
    "do" and "not" before it ('"Don't fire on the markets," the official said')."""
    if t.dep_ == "ROOT":
        return True
    first = next((x for x in sent if not x.is_punct and not (x.head.i == t.i and x.dep_ in ("aux", "neg"))), None)
    return t.dep_ in ("ccomp", "parataxis") and t.i != t.head.i and first is not None and first.i == t.i \
        and not sent.start <= t.head.i < sent.end


# what a negative imperative of feeling asks is calm, no act ("Don't worry", "Do not be afraid", "Don't panic")
_FEARS = frozenset({"worry", "panic", "fear", "despair", "afraid", "scared", "frightened", "worried", "alarmed",
                    "nervous", "concerned"})


def _dont(t: "Token", sent: "Span") -> bool:
    """A negative imperative addressed to the audience: "Do not leave your homes"; not one that reassures ("Don't
    worry", "Don't be afraid of them")."""
    auxes = [c for c in t.children if c.dep_ == "aux"]
    feeling = _lemma(t) in _FEARS or _lemma(t) == "be" and any(
        c.dep_ == "acomp" and c.lower_ in _FEARS for c in t.children)
    return (_imperative(t, sent) and len(auxes) == 1 and auxes[0].lower_ == "do" and auxes[0].tag_ == "VB"
            and _negated(t) and not feeling)


_SECOND_PERSON = frozenset({"your", "yours", "yourself", "yourselves"})


def _addressed(t: "Token") -> bool:
    """Whether an imperative names what it asks by the hearers' own ("Serve your communities", "Open your doors to
    the displaced"): it speaks to people and asks them to act, whatever the verb, as `call_verbs` do."""
    return any(x.lower_ in _SECOND_PERSON for c in t.children if c.dep_ in ("dobj", "prep", "dative")
               for x in c.subtree)


# what "let us" asks when it asks a thought or a prayer, no act ("let us remember the victims", "let us pray")
_THOUGHTS = frozenset({"remember", "pray", "mourn", "recall", "hope", "reflect", "think", "honour", "honor",
                       "thank", "grieve", "not"})


def _let_us(t: "Token") -> bool:
    """"Let us ...", "Let every man ...", "Let all ...": an exhortation (not "let them come")."""
    if _lemma(t) != "let" or t.tag_ != "VB" or any(c.dep_ in _SUBJ for c in t.children):
        return False
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp") and _lemma(c) in _THOUGHTS:
            return False                    # "let us remember that ...", "let us pray": no act asked
        if c.dep_ in ("ccomp", "xcomp", "dobj"):
            subj = _subject(c) if c.dep_ != "dobj" else c
            words = {x.lower_ for x in subj.subtree} if subj is not None else set()
            if words & {"us", "every", "all", "each", "everyone"}:
                return True
    return False


def calm_undermined_spans(tokens: "Span", lex: Mapping[str, frozenset[str]]) -> list[str]:
    """The phrases of a point that tell a step towards calm as harmed or failing: the object of an undermining
    verb ("weakening prospects for peace", "test the boundaries of a fragile truce", "the first steps in the
    peace talks had been undermined") or the subject of a failing one ("the talks could die a slow death").
    Each phrase holds a noun of such a step; the texts are returned for the caller to find in its text."""
    out: list[str] = []
    for t in tokens:
        if t.pos_ != "VERB" or _negated(t):
            continue
        lemma = _lemma(t)
        if lemma in lex["undermining_verbs"]:
            deps = ("dobj", "nsubjpass")
        elif lemma in lex["failing_verbs"]:
            deps = ("nsubj",)
        else:
            continue
        heads = [c for c in t.children if c.dep_ in deps]
        heads += _foreseen_subjects(t) if lemma in lex["failing_verbs"] else []
        for c in heads:
            if any(_lemma(x) in lex["calm_nouns"] for x in c.subtree):
                out.append("".join(x.text_with_ws for x in c.subtree).strip())
    return out


def _foreseen_subjects(t: "Token") -> list["Token"]:
    """The subject of what a failure is foreseen by ("the plan was more likely to fail", "the truce is expected
    to collapse"): the failing verb hangs as xcomp on "likely" or "expected", whose clause holds the subject."""
    out: list["Token"] = []
    cur = t
    for _ in range(2):
        if cur.dep_ not in ("xcomp", "acomp") or cur.head.i == cur.i:
            break
        cur = cur.head
        out += [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


# prepositions whose phrase tells when something happened ("after hours of negotiations with the police")
_TIME_PREPS = frozenset({"during", "after", "before", "since", "amid", "following", "throughout", "ahead"})
# what peace is named beside as a common good or a time ("in war and peace", "regional peace and stability")
_PEACE_PAIRS = frozenset({"war", "security", "stability", "prosperity", "order", "harmony", "justice", "freedom"})
# what talks are about when they are about arms or money, no step towards calm ("talks on deploying the system")
_ARMS_TOPICS = frozenset({"deploy", "deployment", "system", "weapon", "missile", "assistance", "budget", "sale",
                          "purchase", "contract", "package", "funding"})
# talks of trade, work and money named by a noun before them ("contract talks", "wage negotiations")
_MONEY_TALKS = frozenset({"contract", "budget", "funding", "package", "sale", "purchase", "trade", "wage", "pay",
                          "salary", "labor", "labour", "merger", "price", "tariff", "debt", "loan", "bailout"})
# one man police talk down in a standoff: negotiating with him is crisis work, no step between parties to a conflict
_STANDOFF_PARTIES = frozenset({"gunman", "suspect", "shooter", "kidnapper", "hijacker", "hostage-taker", "man",
                               "woman", "attacker", "holdout"})
# words that concede what follows, the news being what holds in spite of it ("fighting raged despite a truce")
_CONCESSIVE = frozenset({"despite", "notwithstanding"})
# verbs whose subject is a calm that holds ("calm prevails", "calm returned"), and the verbs of a state a
# calm is told as ("the town was calm", "the night remained calm")
_CALM_HOLDS = frozenset({"prevail", "reign", "return", "hold", "settle", "descend"})
_CALM_STATES = frozenset({"be", "remain", "stay", "seem", "appear", "look"})
# words that tell a calm as a state observed ("a relative calm", "an uneasy calm")
_CALM_KINDS = frozenset({"relative", "relatively", "uneasy", "tense", "eerie", "fragile", "precarious", "cautious"})


def _calm_observed(t: "Token") -> bool:
    """Whether "calm" tells a state someone observes ("calm prevails", "there was calm in many towns", "the
    city remained calm", "an otherwise calm march", "a relative calm", "In Idlib, calm"), not calm asked for,
    kept or restored ("urged calm", "to restore calm", "remain calm"): a report of the situation, no step."""
    if t.lower_ != "calm":
        return False
    head = t.head
    modal = any(c.dep_ == "aux" and c.lower_ in ("must", "should", "will", "would", "to") for c in head.children)
    if t.dep_ in ("nsubj", "nsubjpass") and _lemma(head) in _CALM_HOLDS and not modal:
        return True
    if t.dep_ in ("acomp", "attr") and _lemma(head) in _CALM_STATES and head.tag_ in ("VBD", "VBZ", "VBP") \
            and not modal:
        return True
    if t.dep_ == "amod" and head.pos_ == "NOUN":
        return True                                     # "a calm night", "an otherwise calm march"
    if t.dep_ == "conj" and head.ent_type_ in ("GPE", "LOC"):
        return True                                     # "In Idlib, calm, and ...": a place and its state
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in _CALM_KINDS for c in t.children)


def calm_idle_spans(tokens: "Span") -> list[tuple[int, int]]:
    """Where (character offsets from the start of `tokens`) a word of calm names no step towards it: "talks"
    as a verb ("when he talks about ..."), talks or a truce as the time of something else ("after hours of
    negotiations with the police", "during the talks"), peace named beside war or security as a common good
    ("in war and peace", "threats to security and peace"), talks about arms or money ("talks on deploying
    the missile defence system", "in talks on a military assistance agreement", "contract talks", "a funding
    package negotiated by the House", "a severance package he is negotiating"), and a truce or talks conceded
    ("fighting raged despite a truce", "will not stop its strikes even if there is a truce"): the news is what
    holds in spite of them; and a calm observed ("calm prevails", "the town remained calm", `_calm_observed`)."""
    base = tokens[0].idx if len(tokens) else 0
    out: list[tuple[int, int]] = []

    def span(x: "Token") -> tuple[int, int]:
        sub = list(x.subtree)
        return sub[0].idx - base, sub[-1].idx + len(sub[-1].text) - base

    for t in tokens:
        lemma = _lemma(t)
        if lemma == "talk" and t.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "about" for c in t.children):
            out.append((t.idx - base, t.idx + len(t.text) - base))
        elif _calm_observed(t):
            out.append((t.idx - base, t.idx + len(t.text) - base))     # "calm prevails": a state, no step
        elif t.dep_ == "prep" and t.lower_ in _TIME_PREPS and t.head.pos_ in ("VERB", "AUX", "NOUN"):
            out.append(span(t))
        elif lemma == "peace" and (t.dep_ == "conj" and _lemma(t.head) in _PEACE_PAIRS or any(
                c.dep_ == "conj" and _lemma(c) in _PEACE_PAIRS for c in t.children)):
            head = t.head if t.dep_ == "conj" else t
            out.append(span(head))
        elif t.dep_ == "prep" and t.lower_ in _CONCESSIVE or t.lower_ == "spite" and t.head.lower_ == "in" \
                or t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "though") for c in t.children) \
                and any(c.dep_ == "advmod" and c.lower_ == "even" for c in t.children):
            out.append(span(t))                         # "despite a truce", "even if there is a truce": conceded
        elif lemma in ("talk", "negotiation") and t.pos_ == "NOUN" and any(
                c.dep_ == "compound" and _lemma(c) in _MONEY_TALKS for c in t.children):
            out.append(span(t))                         # "after contract talks hit an impasse"
        elif lemma == "negotiate" and t.pos_ == "VERB" and (
                t.dep_ in ("acl", "relcl") and _lemma(t.head) in _MONEY_TALKS
                or any(c.dep_ == "dobj" and _lemma(c) in _MONEY_TALKS for c in t.children)):
            out.append((t.idx - base, t.idx + len(t.text) - base))  # "a funding package negotiated by the House"
        elif lemma in ("negotiate", "talk", "negotiation") and any(
                _lemma(c) in ("pay", "ransom") and (c.dep_ in ("xcomp", "dobj", "compound") or c.dep_ == "prep")
                or c.dep_ == "prep" and any(_lemma(g) == "ransom" for g in c.children) for c in t.children):
            out.append(span(t))                         # "negotiating to pay for the release": a ransom, no calm
        elif lemma in ("talk", "negotiation", "negotiate") and any(
                c.dep_ == "prep" and c.lower_ == "with" and any(_lemma(x) in _STANDOFF_PARTIES for x in c.children)
                for c in t.children):
            out.append(span(t))                         # "officers negotiated with the gunman": a standoff
        elif lemma in ("talk", "negotiation") and t.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ in ("on", "about", "over") and any(_lemma(x) in _ARMS_TOPICS for x in c.subtree)
                for c in list(t.children) + (list(t.head.children) if t.dep_ == "dobj" else [])):
            out.append(span(t))                         # "began talks with Washington on deploying the system"
        elif _calm_judged(t):
            out.append(span(t))                         # "the talks had been positive": a judgement of them
    return out


# the steps towards calm a speaker may judge as they stand ("the talks were positive", "the truce is barely alive")
_JUDGED_STEPS = frozenset({"talk", "negotiation", "truce", "ceasefire", "cease-fire", "cessation", "agreement", "deal",
                           "dialogue", "process"})


def _calm_judged(t: "Token") -> bool:
    """Whether a step towards calm is the subject of a judgement of how it stands ("the talks had been positive",
    "the cessation of hostilities was barely alive"): a view of the step, none taken."""
    head = t.head
    if _lemma(t) in _JUDGED_STEPS and t.pos_ == "NOUN" and t.dep_ == "attr" and _lemma(head) == "be" \
            and any(c.dep_ in _SUBJ and c.lower_ in ("that", "this", "it") for c in head.children) \
            and any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in t.children):
        return True                                     # "that's a very effective ceasefire": the step judged
    return _lemma(t) in _JUDGED_STEPS and t.pos_ == "NOUN" and t.dep_ == "nsubj" and _lemma(head) == "be" \
        and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children) \
        and not any(c.dep_ == "aux" and c.lower_ in ("must", "should", "will", "would", "to") for c in head.children)


def pledges_restraint(tokens: "Span", intro: str) -> bool:
    """Whether a pledge, vow or promise is of what the speaker will not do ("pledged not to take part in the
    assault", "vowed that its fighters would never enter the town"): the verb of what is pledged (the clause or
    infinitive of the reporting verb when the point holds it, else the point's own main verb) is negated."""
    for sent in sentences(tokens):
        root = sent.root
        if _lemma(root) == intro:
            root = next((c for c in root.children if c.dep_ in ("xcomp", "ccomp")), None)
        return root is not None and _negated(root)
    return False


def _verb_complements(tokens: "Span", intro: str) -> "list[Token] | None":
    """The clause, infinitive and object of the reporting verb `intro` when the point holds the verb as its
    first sentence's root ("pledged allegiance to the group", "threatened the army's lines"); None otherwise."""
    for sent in sentences(tokens):
        if _lemma(sent.root) != intro:
            return None
        kids = [c for c in sent.root.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
        return [x for c in kids for x in c.subtree] or None
    return None


def pledged_words(tokens: "Span", intro: str) -> "Span | list[Token]":
    """What a pledge or promise is of: the words of the verb's clause, infinitive or object when the point
    holds the verb ("pledged allegiance to the group and is believed to have killed thousands": allegiance, not
    the killing told beside it), else the whole point."""
    return _verb_complements(tokens, intro) or tokens


# what a threat made with a noun object threatens to do ("threatened legal action", "threatened sanctions")
_THREATENED_ACTS = frozenset({"action", "sanction", "boycott", "measure", "reprisal", "strike", "walkout"})


def endangers_only(tokens: "Span", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether "threaten" has the sense of endanger: its object is what is put at risk ("threatening the safety
    of civilian aircraft", "threatened the army's defensive lines", "threatening rebel supply routes"), with no
    infinitive or clause of what the speaker will do ("threatened to retaliate") and no act or harm named in the
    object ("threatened strikes against targets in the South", "threatened legal action")."""
    for sent in sentences(tokens):
        root = sent.root
        if _lemma(root) != "threaten" or any(c.dep_ in ("xcomp", "ccomp") for c in root.children):
            return False
        objects = [c for c in root.children if c.dep_ == "dobj"]
        words = {_lemma(x) for c in objects for x in c.subtree}
        return bool(objects) and not words & (lex["violent_verbs"] | _HARM_NOUNS | _THREATENED_ACTS)
    return False


# an armed drive named by a noun ("its vow to continue its onslaught", "pledged to press the offensive"): force as
# much as a violent verb, unless it is what the pledge ends ("promised to halt the bombardment")
_ARMED_DRIVES = frozenset({"offensive", "onslaught", "bombardment", "bombing", "airstrike", "counteroffensive",
                           "counterattack", "jihad"})
_HALTING = frozenset({"end", "stop", "halt", "cease", "suspend", "pause", "call", "scale", "wind"})


def violent_content(tokens: "Span", lex: Mapping[str, frozenset[str]]) -> bool:
    """Whether a point speaks of violence or its consequences (what makes a warning a threat); not the first
    half of a hyphened modifier ("to take in 10,000 people fleeing war-torn Syria" pledges no war)."""
    return any((_lemma(t) in lex["violent_verbs"] or _lemma(t) in WARNING_WORDS or _armed_drive(t))
               and not _hyphen_prefix(t) and not _inquired_into(t) for t in tokens)


def _armed_drive(t: "Token") -> bool:
    """Whether a noun names an armed drive the point goes on with, not one it ends ("to halt the offensive")."""
    if t.pos_ != "NOUN" or _lemma(t) not in _ARMED_DRIVES:
        return False
    while t.dep_ == "conj" and t.head.i != t.i:        # "to halt the air campaign and the bombing"
        t = t.head
    return not (t.dep_ == "dobj" and _lemma(t.head) in _HALTING)


# verbs and nouns of looking into what happened: their object is the past act looked into, no force pledged
_INQUIRY = frozenset({"investigate", "probe", "examine", "investigation", "inquiry", "review"})


def _inquired_into(t: "Token") -> bool:
    """Whether a violent noun is what an inquiry looks into ("vowed to help in investigating the bombing", "an
    inquiry into the shooting"): the act is past and examined, the pledge one of inquiry."""
    if t.pos_ != "NOUN" or t.dep_ not in ("dobj", "pobj"):
        return False
    head = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("into", "of") else t.head
    return _lemma(head) in _INQUIRY


def _hyphen_prefix(t: "Token") -> bool:
    """Whether a token is the first half of a hyphened word ("war" in "war-torn", "force" in "force-fed")."""
    return t.i + 2 < len(t.doc) and t.nbor(1).text == "-" and t.nbor(1).idx == t.idx + len(t.text) \
        and t.nbor(2).idx == t.nbor(1).idx + 1
