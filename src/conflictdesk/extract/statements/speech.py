"""Speech as news reports it: who said what, found on the parse of each sentence.

News carries what people say in a handful of shapes, each handled here:

* a direct quotation and its attribution: `"...," he said`, `"...," said X`, `X said: "..."`
  (a quotation may run over several sentences);
* reported speech: `X said (that) ...`, `..., X told Reuters`, `X denied that ...`;
* a verb whose own phrase is the point: `X denied reports of ...`, `X claimed responsibility
  for ...`, `X called on Y to ...`, `X vowed to ...`;
* a speech verb whose object is what was said (`X reported a heavy assault on ...`, `X spoke of a "grave
  danger"`), the words a writing or a crowd gives (`The banners read "..."`, `"...," the crowd chanted`);
* a noun of speech with a named owner: `answering the cleric's call to ...`, `X would drop its vow to ...`;
* `according to X`: the rest of the sentence is X's;
* a quotation no verb attributes that continues an attributed speaker's words (the next sentence
  or paragraph opens with a quotation mark; a paragraph's quotation its line leaves open counts).

`find_speech` returns `Speech` records in text order: the speaker's characters (the subject noun
phrase; empty for a continuation) and the point spans, attribution left out ("told Reuters on
Friday" is never part of a point). Who the speaker is (a person, an actor, an earlier speaker)
is decided by the caller. The verb lists are data: `speech_verbs` and `phrase_verbs` in
`data/statements/cues.yaml`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..parse_tree import climb_to_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# a straight-quoted span never runs over a paragraph's end (an unclosed mark there is a quotation the next
# paragraph goes on with), but hard-wrapped copy breaks lines inside a sentence ("because we are\nin the
# same area"): a line break between two words, after no full stop, stays inside the quotation
_WRAPPED = r"(?<![\s.!?:;\"])\n(?![\s\"])"
_QUOTE = re.compile(r"“(?P<a>[^“”]{2,3000}?)”|\"(?P<b>(?:[^\"\n]|" + _WRAPPED + r"){2,3000}?)\"|«(?P<c>[^«»]{2,3000}?)»")
_SUBJ = {"nsubj", "nsubjpass"}
_MARKS = {"that", "whether", "if"}
# between a quotation's closing mark and its attribution ("...,” he said"; "...," said X)
_QUOTE_TO_VERB = re.compile(r"^[\s,;:.!?'’”\"\-–—]*$")
# between an attribution and the quotation it introduces (X said: "..."; X said on Friday, "...")
_VERB_TO_QUOTE = re.compile(r"^[^.!?\"“”]{0,80}?[:,]?\s*(?:that\s+)?$")
# words that make a quotation a phrase inside the narrative, not somebody's words
# from an attribution's full stop to the quotation that opens the next sentence, in the same paragraph
_AFTER_STOP = re.compile(r"^[.:][ \t]*\n?[ \t]*[\"“«]?$")
_MIN_CONTINUATION_WORDS = 4
_MIN_POINT_WORDS = 2
# verbs whose one-word quotation names what was proclaimed, not a verdict ('declared a "caliphate"')
_NAMING_VERBS = frozenset({"declare", "proclaim", "announce"})


@dataclass(frozen=True, slots=True)
class Speech:
    """One reported utterance. `subject` is the character span of the speaker's noun phrase and
    `head` its head token's offset (both None for a continuation quotation); `spans` the points."""

    kind: str                          # quote, reported, phrase, nominal, according, continuation
    verb: str                          # the reporting verb's lemma ("according" for according to)
    intro: str                         # the lemma as it introduces its point (see intro_lemma)
    verb_start: int
    subject: tuple[int, int] | None
    head: int | None
    head_lemma: str
    plural: bool
    spans: tuple[tuple[int, int], ...]
    sentence: tuple[int, int]          # the attribution sentence (the statement's evidence)
    tail: str = ""                     # "relative" or "passive": a noun that closes the sentence, its own
                                       # speaker's words ("..., a charge Moscow denies", "..., in an attack
                                       # claimed by ISIS"), even inside another's point


@dataclass(frozen=True, slots=True)
class SpeechVerbs:
    """`speech`: lemmas whose clause or quotation is the point (say, tell, add ...); `phrase`: lemmas
    whose own phrase is the point when they have no clause (deny reports, claim responsibility,
    call on, vow to ...)."""

    speech: frozenset[str]
    phrase: frozenset[str]

    def __contains__(self, lemma: str) -> bool:
        return lemma in self.speech or lemma in self.phrase


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of the text inside quotation marks (the marks left out), in order; with the quotations a paragraph
    opens and leaves open (`_open_quotations`)."""
    out = []
    matches = list(_QUOTE.finditer(text))
    for m in matches:
        name = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        out.append(_trim(text, m.start(name), m.end(name)))
    out += _open_quotations(text, [(m.start(), m.end()) for m in matches])
    return sorted(q for q in out if q[1] > q[0])


_OPENING = re.compile(r"(?:^|(?<=[\s(]))[\"“](?=\w)", re.MULTILINE)


def _open_quotations(text: str, matched: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations no mark of their own kind closes in their line, after a closed quotation of the same paragraph
    ('"...," X said. "But ...'): a paragraph of a long quotation, left open as the next paragraph opens with a
    quotation mark again ('"But we fear the secrecy.\n"We do not know ...'), or closed by the other kind of mark
    ('"They want to be part of a rebellion.”', copy whose marks were half converted). The quotation runs from
    its opening mark to the line's end (its closing mark left out)."""
    out = []
    for m in _OPENING.finditer(text):
        if _inside(m.start(), matched):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not any(line_start <= a and b <= m.start() for a, b in matched):
            continue                        # only after a closed quotation of the same paragraph ('"...," X said.
                                            # "But ...'): a script's paragraphs in quotation marks are no one's words
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        line = text[m.end():end]
        if any(mark in line for mark in "\"“«"):
            continue                        # another mark in the line: no quotation of one line to read
        tail = line.rstrip()
        nxt = text[end:].lstrip()
        if tail.endswith(("”", "»")) or tail.endswith((".", "!", "?", "...")) and nxt.startswith(("\"", "“")):
            out.append(_trim(text, m.end(), m.end() + len(tail)))
    return out


def sentence_pieces(parsed: "Doc", text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A point of several sentences split into one point a sentence (a fragment of fewer than three
    words stays with the sentence before it, and so does the sentence after an ellipsis set off by spaces:
    "we will hold the bridge ... we will not cross the river" leaves words out of one thought, where
    "the raid was stopped... The town is calm" ends a sentence)."""
    pieces: list[tuple[int, int]] = []
    start, end = span
    first = parsed.char_span(start, end, alignment_mode="expand")
    if first is None:
        return [span]
    for sent in first.sents:
        piece = _trim(text, max(sent.start_char, start), min(sent.end_char, end))
        if piece[1] <= piece[0]:
            continue
        if pieces and (_words(text, piece) < 3 or _elided(text, pieces[-1][1])):
            pieces[-1] = (pieces[-1][0], piece[1])
        else:
            pieces.append(piece)
    return pieces or [span]


def _elided(text: str, end: int) -> bool:
    """Whether text before `end` closes on an ellipsis set off by a space: words left out of a quotation."""
    for mark in ("...", "…"):
        if text.endswith(mark, 0, end):
            return end > len(mark) and text[end - len(mark) - 1].isspace()
    return False


# a point's clauses joined by these are its distinct points ("the army breached the deal, and we refrained")
_CLAUSE_JOINS = frozenset({"and", "but"})
_MIN_CLAUSE_WORDS = 4


def clause_pieces(parsed: "Doc", text: str, span: tuple[int, int], verbs: SpeechVerbs) -> list[tuple[int, int]]:
    """A point of one sentence split at its coordinated clauses, each a point of its own: a clause with its own
    subject joined by "and" ("insurgents had breached the deal, and the army was refraining from responding"),
    another reporting verb of the speaker's joined by "and" or "but" ("condemned the escalation ... and called
    for Assad to step down"), or a clause after a semicolon. Only the point's own clauses split, not those
    inside a condition or a reported clause ("until air strikes are halted and detainees freed"); clauses of
    fewer than four words stay together; "but" with a new subject turns one thought ("we are ready to stop,
    but the issue is ..."), and "or" joins one alternative ("he can leave ..., or he will be removed")."""
    start, end = span
    tokens = parsed.char_span(start, end, alignment_mode="expand")
    if tokens is None:
        return [span]
    cuts: list[tuple[int, int]] = []                 # (end of the piece before, start of the next)
    for t in tokens:
        if t.idx < start or t.idx >= end:
            continue
        if t.text == ";" and t.i + 1 < len(parsed):
            nxt = parsed[t.i + 1]
            if nxt.lower_ in _CLAUSE_JOINS and t.i + 2 < len(parsed):
                nxt = parsed[t.i + 2]
            cuts.append((t.idx, nxt.idx))
            continue
        if t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX") or t.head.i >= t.i:
            continue                        # (its head may be the reporting verb: "said A, and B")
        if not _top_clause(t.head, tokens) or not _finite(t):
            continue                        # "talks cannot begin until strikes are halted and detainees freed"
        joins = [c for c in t.head.children if c.dep_ == "cc" and max(t.head.i, tokens.start) < c.i < t.i]
        if not joins or joins[-1].lower_ not in _CLAUSE_JOINS:
            continue
        own_subject = any(c.dep_ in _SUBJ for c in t.children)
        if own_subject and joins[-1].lower_ != "and" or not own_subject and _lemma_of(t) not in verbs.phrase:
            continue                        # "we are ready to stop, but the issue relates to ...": one point
        cc = joins[-1]
        first = t.left_edge if own_subject else t
        if first.i <= cc.i:
            continue
        before = cc.i
        while before > tokens.start and parsed[before - 1].is_punct:
            before -= 1
        cuts.append((parsed[before].idx, first.idx))
    if not cuts:
        return [span]
    pieces: list[tuple[int, int]] = []
    cur = start
    for stop, nxt in sorted(cuts):
        if stop <= cur or nxt >= end:
            continue
        a, b = _trim(text, cur, stop), _trim(text, nxt, end)
        if _words(text, a) >= _MIN_CLAUSE_WORDS and _words(text, b) >= _MIN_CLAUSE_WORDS:
            pieces.append(a)
            cur = nxt
    pieces.append(_trim(text, cur, end))
    return [p for p in pieces if p[1] > p[0]] or [span]


def _top_clause(verb: "Token", tokens: "Span") -> bool:
    """Whether a verb heads the point: its head stands outside the point, or it is the sentence's root, or it
    is a participle that goes on with the point's verb ("condemned the escalation, blaming the strikes on ...");
    not a verb under a condition or a time ("until strikes are halted")."""
    while verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children) and verb.head.i != verb.i \
            and tokens.start <= verb.head.i < tokens.end:
        verb = verb.head
    return verb.head.i == verb.i or not tokens.start <= verb.head.i < tokens.end


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})     # past or present tense, or a modal


def _finite(verb: "Token") -> bool:
    """A verb that tells a clause of its own: past or present tense, or with an auxiliary ("has vowed")."""
    return verb.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _lemma_of(t: "Token") -> str:
    return t.lemma_.lower()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace and quotation marks, and trailing commas and dashes."""
    while start < end and (text[start].isspace() or text[start] in "\"“”‘'«"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-\"“”’'»"):
        end -= 1
    return start, end


def _words(text: str, span: tuple[int, int]) -> int:
    return len(text[span[0]:span[1]].split())


_SUBJECTS = frozenset(_SUBJ)
_SPEAKER_THROUGH = frozenset({"conj", "xcomp", "advcl"})


def _subject(verb: "Token") -> "Token | None":
    """The speaker of a reporting verb: its subject, the subject of the verb it hangs from ("... and
    added"), the noun a participle modifies ("a statement saying"), or whom "quoted ... saying" quotes."""
    return climb_to_subject(verb, subjects=(_SUBJECTS,), through=_SPEAKER_THROUGH, steps=3,
                            otherwise=_speaker_otherwise)[0]


def _speaker_in_modifier(verb: "Token") -> "tuple[Token, Token] | None":
    """The speaker the parser hid in a clause of its own: "The leader of a Christian militia deployed
    alongside peshmerga said the insurgents ...", "A fighter from the Nusra Front - which is not involved
    in a ceasefire - said ..." are read as two reported clauses, "leader ... deployed" before the verb
    and what was said after it, and the verb has no subject. A participle clause before a subjectless
    reporting verb, its nominal subject before it, is the speaker's noun and what describes him:
    (the clause, the noun). None when the verb has a subject or nothing reported follows it."""
    if verb.dep_ != "ROOT" or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not any(c.i > verb.i for c in clauses):
        return None
    for clause in clauses:
        if clause.i > verb.i or clause.tag_ not in ("VBN", "VBG"):
            continue
        nouns = [c for c in clause.children if c.dep_ in _SUBJ and c.pos_ in ("NOUN", "PROPN") and c.i < clause.i]
        if nouns and nouns[0].left_edge.i == verb.sent.start:
            return clause, nouns[0]
    return None


def _speaker_otherwise(token: "Token") -> "tuple[Token | None] | None":
    """The speaker when the verb has no subject but hangs from a noun ("a statement saying") or
    from "quote"/"cite" ("quoted the minister as saying"); None to climb on."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return (head,)
    if token.dep_ == "pcomp" and head.lower_ == "as" and head.head.i != head.i:
        head = head.head                    # "quoted Assad as telling ...": through "as" to "quoted"
    if head.lemma_.lower() in ("quote", "cite"):
        obj = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        return (obj[0] if obj else None,)
    return None


def intro_lemma(verb: "Token") -> str:
    """The reporting verb's lemma as an intro: "call on" calls to action, "call for" demands ("called on
    Monday for talks": a day, not whom it calls on), "told X to ..." urges; a verb whose object is a noun of
    speech or a warning's idiom introduces as that noun's verb ("renewed a call for talks" demands, see
    `_spoken_object`)."""
    spoken = _spoken_object(verb)
    if spoken is not None:
        return spoken
    lemma = verb.lemma_.lower()
    if lemma == "call":
        preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt") and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj")}
        if preps & {"on", "upon"}:
            return "call"
        return "demand" if "for" in preps or _for_clause(verb) else "say"
    if lemma == "tell" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in ("reporter", "journalist")
                               for c in verb.children) and any(
            c.dep_ == "xcomp" and _to_infinitive(c) for c in verb.children):
        return "urge"                       # "told residents to leave": what it tells them to do, not a report
    return lemma


def _phrasal_lemma(verb: "Token", verbs: SpeechVerbs) -> str:
    """A verb's lemma, with its particle when the two are a reporting verb of their own ("brushed off the
    reports", "played down reports that ...": "brush off", "play down"), else the lemma alone ("played a role")."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in verbs:
            return f"{lemma} {child.lower_}"
    return _spoken_object(verb) or lemma


# verbs a speaker restates or issues words of its own with ("renewed a call for a no-fly zone", "reiterated his
# demand that ...", "issued a warning that ...", "made an appeal to donors to ..."): the noun of speech they take
# for object tells what is said
_RESTATING_VERBS = frozenset({"renew", "repeat", "reiterate", "restate", "issue", "make", "echo", "sound", "deliver"})
# verbs and the nouns that make with them an idiom of warning: "raised the specter of a wider war" warns of it
_WARNING_IDIOMS = {"raise": frozenset({"specter", "spectre"}), "conjure": frozenset({"specter", "spectre"})}
# who can warn in an idiom: not "the attack raised the specter of reprisals", where a thing is the subject
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _spoken_object(verb: "Token") -> str | None:
    """The reporting verb a verb stands for through its object: a noun of speech with what it says after it
    ("renewed a call for talks": demand; "repeated his vow to retake the city": vow; not one whose owner is
    somebody else, "renewed the cleric's call", nor a call with nothing said, "made a call to the police"), or
    the specter of what a speaker or a party raises ("raised the specter of a wider war": warn). None for any
    other verb or object."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return None
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "obj") or obj.i < verb.i or obj.pos_ != "NOUN":
            continue
        noun = obj.lemma_.lower()
        if noun in _WARNING_IDIOMS.get(lemma, ()) and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
            subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
            if subj is not None and (subj.ent_type_ in _SPEAKER_ENTS or subj.pos_ in ("PROPN", "PRON")):
                return "warn"
        if lemma in _RESTATING_VERBS and noun in _SPEECH_NOUNS and not any(
                c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in obj.children):
            said = _speech_complement(obj)
            if said is not None:
                # a call or an appeal "to" do a thing lends nothing: a public rallied ("to take to the streets")
                # and a policy asked for ("calls to ban sales of rifles") read alike; its words decide
                return "say" if said[1] in ("call", "appeal") else said[1]
    return None


def _for_clause(verb: "Token") -> bool:
    """Whether a verb has a "for X to ..." clause ("called for the YPG to withdraw")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
               for c in verb.children)


def _plural(token: "Token") -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in ("they", "we")


# words of a relative clause that tells whose side the speaker is on or what body he leads ("Amaq, which is associated
# with Islamic State", "Rahman, who heads the Islamic Center")
_SIDE_WORDS = frozenset({"associated", "affiliated", "linked", "close", "allied", "loyal", "tied", "aligned",
                         "connected", "belongs", "belonging", "heads", "headed", "leads", "led", "runs", "ran",
                         "chairs", "commands", "commanded", "represents", "represented"})


def _np_span(token: "Token") -> tuple[int, int]:
    """The characters of a noun phrase (its subtree, without a trailing appositive's comma), up to a relative
    clause of its head: what the clause tells of the speaker names nobody who speaks ("Gulf states that want
    Assad gone said ..." are the Gulf states, not Assad's side), unless it tells the speaker's side ("Amaq,
    which is associated with Islamic State, said ...")."""
    left, right = token.left_edge, token.right_edge
    clause = next((c for c in token.children if c.dep_ == "relcl" and c.left_edge.i > token.i), None)
    if clause is not None and not any(t.lower_ in _SIDE_WORDS for t in clause.subtree):
        right = token.doc[clause.left_edge.i - 1]
        while right.i > token.i and right.is_punct:
            right = right.nbor(-1)
    return left.idx, right.idx + len(right.text)


def _clause_span(text: str, clause: "Token") -> tuple[int, int]:
    """A reported clause's characters without its "that" (the clause's own mark, not that of a clause
    inside it: "said that if they break the deal, we will act" keeps its "if"), nor a word of the verb's the
    parse hangs before that mark ("told Reuters earlier that ...")."""
    tokens = [t for t in clause.subtree]
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    adverbs = {t.i for c in clause.children if c.dep_ in ("advmod", "npadvmod") for t in c.subtree}
    if mark is not None and all(t.i in adverbs for t in tokens if t.i < mark.i):
        tokens = [t for t in tokens if t.i >= mark.i]
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ in _MARKS and tokens[0].head == clause
                      or tokens[0].is_punct):
        tokens = tokens[1:]
    if not tokens:
        return clause.idx, clause.idx
    return _trim(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _reported_span(text: str, verb: "Token", clause: "Token", subj: "Token", verbs: SpeechVerbs) -> tuple[int, int]:
    """What a reported clause says: before the attribution, everything from the sentence's start
    ("Eight soldiers were killed on Friday, the military said"); after it, the clause and whatever
    else hangs from the verb to the sentence's end ("said 15 people were wounded, two of them
    seriously, in the blast"), up to another speaker's clause."""
    sent = verb.sent
    if clause.i < verb.i:
        start = min(subj.left_edge.idx, verb.idx) if subj.i > clause.i else verb.idx
        begin = sent.start_char
        line = text.rfind("\n", begin, clause.left_edge.idx)
        if line >= 0:                       # a headline or "Story highlights" run into the sentence
            begin = line + 1
        return _trim(text, begin, start)
    start = _clause_span(text, clause)[0]
    end = clause.right_edge.idx + len(clause.right_edge.text)
    for child in verb.rights:
        if child.i <= clause.i or child.is_punct:
            continue
        if any(t.lemma_.lower() in verbs and any(c.dep_ == "nsubj" for c in t.children) for t in child.subtree):
            break                           # another speaker; not a passive ("no other deaths were reported")
        end = max(end, child.right_edge.idx + len(child.right_edge.text))
    end = _next_speaker(verb, start, end, verbs)
    start, end = _trim(text, start, end)
    while end > start and (text[end - 1] in ".!?" or text[max(start, end - 4):end].lower() in (" and", "and,")):
        end = _trim(text, start, end - (1 if text[end - 1] in ".!?" else 4))[1]
    return start, end


def _next_speaker(verb: "Token", start: int, end: int, verbs: SpeechVerbs) -> int:
    """Where another utterance begins inside a reported clause: "Washington was working with Moscow, and
    the WHO said ..." (a speaker of its own), "talks would begin on March 9, urging warring sides ..."
    (a participle that reports something else). The clause ends there."""
    for t in verb.sent:
        if t.i == verb.i or not (start < t.idx < end) or t.lemma_.lower() not in verbs or t.pos_ != "VERB":
            continue
        if any(c.dep_ == "nsubj" for c in t.children) and t.dep_ in ("conj", "parataxis"):
            return min(end, t.left_edge.idx)    # not a passive: "and that no other deaths were reported"
        if t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj"):
            return min(end, t.idx)
    return end


def _phrase_span(text: str, verb: "Token", verbs: SpeechVerbs) -> tuple[int, int]:
    """A verb and its complements ("denied reports of evacuation", "called on protesters to leave"),
    with coordinated verbs that share its subject ("ruled out talks and vowed to crush the group"),
    up to another reporting verb ("announced ..., calling on ..." is two points)."""
    end = verb.idx + len(verb.text)
    for child in verb.children:
        if child.i < verb.i or child.dep_ in ("punct", "cc") or child.dep_ in _SUBJ:
            continue
        if child.dep_ in ("advcl", "conj") and child.lemma_.lower() in verbs:
            break
        if child.dep_ == "ccomp" and _main_verb_read_as_clause(verb, child):
            continue                        # "protesters calling for ... occupied ...": not what they called for
        if child.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in child.children):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
        elif child.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "obj", "prt", "acomp",
                            "advcl"):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return _trim(text, verb.idx, min(end, verb.sent.end_char))


# what a report finds is what it says ("..., the report found"; "a report by the institute showed ...")
_FINDING_VERBS = frozenset({"find", "show", "conclude", "document"})
_REPORTS = frozenset({"report", "study", "investigation", "survey", "inquiry", "review", "assessment", "analysis",
                      "probe",
                      # and what a body that judges finds ("..., the panel found"; "a jury found on Friday")
                      "panel", "commission", "jury", "court", "tribunal", "committee"})


def _found_by_a_report(verb: "Token") -> bool:
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return subj is not None and subj.lemma_.lower() in _REPORTS and verb.i + 1 < len(verb.doc)


def _clause_parsed_as_object(verb: "Token") -> bool:
    """Whether "say" has its reported clause parsed as an object ("rebels say government forces ... have
    continued offensives", the verb read as an adjective): an object, and a subject of another verb after it,
    or a tensed verb inside the object ("said the 16-year-old suffered bruises to the head")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i]
    if not objects or verb.i + 1 >= verb.sent.end:
        return False
    if any(t.tag_ in ("VBD", "VBZ", "VBP") and t.i != verb.i for t in objects[0].subtree):
        return True                         # "said the 16-year-old suffered bruises": a tensed verb read as a modifier
    return any(t.dep_ in _SUBJ and t.head.i > verb.i and t.head.i != verb.i
               for t in verb.doc[verb.i + 1:verb.sent.end])


# what a speaker puts at a number: "state television put the death toll at 14"
_FIGURES = frozenset({"toll", "number", "figure", "count", "tally"})


def _puts_a_figure(verb: "Token") -> bool:
    """Whether a verb gives a speaker's figure: "put (or puts, putting) the death toll at 14", "officials put
    the number of dead at 30"."""
    return verb.lemma_.lower() == "put" and verb.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _FIGURES for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "at" for c in verb.subtree)


def _according(token: "Token") -> "Token | None":
    """The speaker of "according to X" (X's head), or None."""
    if token.lower_ != "according":
        return None
    to = [c for c in token.children if c.lower_ == "to"]
    if not to:
        return None
    obj = [c for c in to[0].children if c.dep_ == "pobj"]
    return obj[0] if obj else None


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def find_speech(parsed: "Doc", text: str, verbs: SpeechVerbs) -> list[Speech]:
    """Every reported utterance in a parsed document, in text order. `text`: the document's text
    (spaCy rebuilds `Doc.text` on every access)."""
    quotes = quotations(text)
    used: set[tuple[int, int]] = set()
    found: list[Speech] = []
    for sent in parsed.sents:
        found += _sentence_speech(sent, text, quotes, used, verbs)
    found = _drop_nested(found, text)
    covered = [s for sp in found for s in sp.spans]
    for q in quotes:
        if q in used or _inside(q[0], covered) or _words(text, q) < _MIN_CONTINUATION_WORDS:
            continue
        previous = [sp for sp in found if sp.verb_start < q[0] and sp.kind != "nominal"]   # a noun's words
        # ("his call for ...") are told by the reporter: the quotation after them goes on with no speaker of theirs
        if not previous or not _opens_sentence(text, q[0]):
            continue
        last = max(previous, key=lambda sp: sp.verb_start)
        if _paragraph_gap(text, last.sentence[1], q[0]) > 1:
            continue
        found.append(Speech("continuation", last.verb, last.intro, q[0], None, None, "", False, (q,), last.sentence))
    return sorted(found, key=lambda sp: sp.spans[0][0])


def _sentence_speech(sent: "Span", text: str, quotes: list[tuple[int, int]], used: set[tuple[int, int]],
                     verbs: SpeechVerbs) -> list[Speech]:
    out = []
    bounds = (sent.start_char, sent.end_char)
    for token in sent:
        speaker = _according(token)
        if speaker is not None and not _inside(token.idx, quotes):
            span = _according_span(text, sent, token)
            if span and _words(text, span) >= _MIN_POINT_WORDS:
                out.append(Speech("according", "according", "according", token.idx, _np_span(speaker), speaker.idx,
                                  speaker.lemma_.lower(), _plural(speaker), (span,), bounds))
            continue
        nominal = _nominal_speech(text, token, quotes)
        if nominal is not None:
            out.append(Speech("nominal", token.lemma_.lower(), nominal[2], token.idx, nominal[0], nominal[1].idx,
                              _POSSESSIVE_PRONOUNS.get(nominal[1].lower_, nominal[1].lemma_.lower()),
                              _plural(nominal[1]) or nominal[1].lower_ == "their", (nominal[3],), bounds))
            continue
        lemma = _phrasal_lemma(token, verbs)
        if _puts_a_figure(token) and not _inside(token.idx, quotes):
            subj = _subject(token)
            if subj is not None and subj.lower_ not in ("i", "you"):
                last = token.right_edge
                while last.i > token.i and last.is_punct:
                    last = last.nbor(-1)
                span = _trim(text, token.idx, last.idx + len(last.text))
                out.append(Speech("phrase", lemma, "say", token.idx, _np_span(subj), subj.idx, subj.lemma_.lower(),
                                  _plural(subj), (span,), bounds))
            continue
        if lemma in _FINDING_VERBS and token.pos_ == "VERB" and _found_by_a_report(token):
            lemma = "say"                   # "..., the report found": a report's finding is what it says
        elif lemma not in verbs and not (_speaks_of(token) or _voices_words(token) or _clause_made_clear(token)
                                         or _asks_to_act(token)) \
                or token.pos_ not in ("VERB", "AUX") or _inside(token.idx, quotes):
            continue
        if lemma in ("quote", "cite") and any(c.tag_ == "VBG" and c.lemma_.lower() in verbs
                                              for c in token.subtree if c.i > token.i):
            continue                        # "it quoted a military source saying ...": the source speaks
        if lemma == "call" and any(c.dep_ in ("prep", "prt") and c.lower_ == "into" for c in token.children):
            continue                        # "the crash called into question the campaign": a doubt raised, no words
        if _to_infinitive(token) and (
                token.dep_ == "acl" or token.head.lemma_.lower() == "use"):
            continue                        # "an apparent effort to downplay the target", "a term used to describe
                                            # pro-Iranian factions": what one means or names, no words
        agent = _passive_tail_agent(token, sent) if lemma in _TAIL_VERBS else None
        if agent is not None:
            span = _trim(text, token.head.left_edge.idx, token.right_edge.idx + len(token.right_edge.text))
            out.append(Speech("phrase", lemma, intro_lemma(token), token.idx, _np_span(agent), agent.idx,
                              agent.lemma_.lower(), _plural(agent), (span,), bounds, tail="passive"))
            continue
        hidden = _speaker_in_modifier(token)
        subj = _reporter_of_participle(token, sent, verbs) or _subject(token) or (hidden[1] if hidden else None)
        setoff = _set_off_attribution(text, sent, token, quotes) \
            if lemma in verbs.speech and not any(c.dep_ == "ccomp" and c.i > token.i for c in token.children) else None
        if setoff is not None and any(c.dep_ == "ccomp" for c in token.children):
            # "Fighting eased near the town, a source in the militia told Reuters.": the parse hangs the speaker
            # inside the words before the comma (an appositive or a conjunct of their last noun) and leaves the
            # verb without a subject, or with one of those words for its subject; the word order names him
            if subj is not None and (subj.i >= setoff.head.i or subj.left_edge.i == 0
                                     or subj.doc[subj.left_edge.i - 1].pos_ not in ("VERB", "AUX", "ADP")):
                setoff = None               # the parse's subject is a speaker of its own ('"...," Jay Smith, an
                                            # analyst, said'), not the object of the verb before it
            else:
                hidden = None
        if setoff is not None:
            subj = setoff.head                  # the parse's subject may sit inside the words reported
        elif subj is not None and _inside(subj.idx, quotes):
            # '"No justice, no peace," demonstrators shouted': the parse takes the quotation's first noun for a
            # subject beside the speaker's
            subj = next((c for c in token.children if c.dep_ in _SUBJ and not _inside(c.idx, quotes)), subj)
        if subj is None or subj.lower_ in ("i", "you") or _inside(subj.idx, quotes):
            continue
        subject = _np_span(subj) if setoff is None else setoff.subject
        if subj.i < token.i < subj.right_edge.i:      # "a source saying ...": the noun, not what it says
            subject = _trim(text, subject[0], token.idx)
        clauses = _clause_made_clear(token) or [
            c for c in token.children if c.dep_ == "ccomp" and not (hidden and c.i == hidden[0].i)
            and not (setoff and c.i < token.i)] or _clause_in_channel(token) or _clause_after_audience(token) \
            or _that_clause_as_adverbial(token)
        clauses = [c for c in clauses if not _main_verb_read_as_clause(token, c)]
        # "Turkey complained that ...; Russia insisted the jet was ...": a clause before the verb and one
        # after it, the one after is what it reports
        clause = next((c for c in clauses if c.i > token.i), None) if len(clauses) > 1 else None
        clause = clause or (clauses[0] if clauses else None)
        quoted = _quoted_points(text, token, subject, quotes, used, sent, _clause_opening(text, clause, quotes))
        spans = [s for s in quoted if _words(text, s) >= _MIN_POINT_WORDS]
        kind, tail = "quote", ""
        if spans and (_quote_inside_phrase(text, token, spans[0], verbs) or _speaks_of(token)):
            spans, kind = [_phrase_span(text, token, verbs)], "phrase"
        # "three women tried to make their way into a crowd, Anka said, but they "were intercepted"": the
        # clause before the attribution is a point beside the quotation after it
        before = next((c for c in clauses if c.i < token.i), None)
        told = None
        if spans and before is not None and not _inside(before.idx, quotes):
            told = _reported_span(text, token, before, subj, verbs)
        elif spans and token.dep_ == "parataxis" and token.head.i < subj.i < token.i \
                and not _inside(token.head.idx, quotes):
            told = _trim(text, sent.start_char, min(subj.left_edge.idx, token.idx))
        if told and told[1] <= spans[0][0] and _words(text, told) >= _MIN_CONTINUATION_WORDS \
                and not any(_inside(x, quotes) for x in told):
            spans = [told] + spans
        if quoted and not spans:
            # a one-word quotation is a verdict inside the verb's own phrase ('dismissed the claim as "nonsense"',
            # 'called the report "lies"'), not the words of a "declared a "caliphate"" told as history
            if lemma in verbs.phrase and lemma not in _NAMING_VERBS and _has_phrase(token):
                spans = [_phrase_span(text, token, verbs)]
                kind = "phrase"
        elif not spans:
            if clause is not None and (not _inside(clause.idx, quotes) or _clause_opening(text, clause, quotes)):
                spans = [_reported_span(text, token, clause, subj, verbs)]
                kind = "reported"
            elif setoff is not None and any(c.dep_ == "ccomp" for c in token.children):
                spans, kind = list(setoff.spans), "reported"        # the clause the speaker was read inside
            elif token.dep_ == "parataxis" and token.head.i < subj.i < token.i:
                spans = [_trim(text, sent.start_char, min(subj.left_edge.idx, token.idx))]   # "..., it said"
                after = _clause_after_attribution(text, token, quotes, verbs)
                spans += [after] if after else []
                kind = "reported"
            elif (lemma in verbs.phrase or _asks_to_act(token)) and _has_phrase(token):
                spans = [_phrase_span(text, token, verbs)]
                kind = "phrase"
            elif lemma in verbs.phrase and _names_its_object(token):
                spans = [_trim(text, token.head.left_edge.idx, token.right_edge.idx + len(token.right_edge.text))]
                kind = "phrase"
                tail = "relative" if lemma in _TAIL_VERBS and _ends_sentence(token.right_edge, sent) else ""
            elif _speaks_of(token) or _reports_its_object(token, verbs):
                spans = [_phrase_span(text, token, verbs)]
                kind = "phrase"
            elif lemma == "say" and _clause_parsed_as_object(token):
                last = sent[-1] if not sent[-1].is_punct else sent[-2]
                spans = [_trim(text, token.nbor(1).idx, last.idx + len(last.text))]
                kind = "reported"
            elif setoff is not None:
                spans, kind = list(setoff.spans), "reported"
            elif _bare_attribution(token) \
                    and (after_stop := _quotation_after_stop(text, sent, quotes, used)) is not None:
                spans, kind = [after_stop], "quote"
        spans = [s for s in spans if _words(text, s) >= _MIN_POINT_WORDS]
        if spans:
            out.append(Speech(kind, lemma, intro_lemma(token), token.idx, subject, subj.idx, subj.lemma_.lower(), _plural(subj),
                              tuple(spans), bounds, tail=tail))
    return out


@dataclass(frozen=True, slots=True)
class _SetOff:
    head: "Token"                      # the speaker's head word
    subject: tuple[int, int]           # the speaker's noun phrase
    spans: tuple[tuple[int, int], ...]


# words that open a clause of time or cause, not the words of a speaker ("After the talks ended, he told reporters")
_SUBORDINATORS = frozenset({"after", "when", "before", "while", "as", "if", "because", "although", "though", "since",
                            "once", "until", "unless", "whether"})
_SETOFF_SPEAKER_TOKENS = 12            # at most this many words name the speaker of a set-off attribution
_SETOFF_TAIL_TOKENS = 8                # and this many follow its verb (its audience, when and where)


def _set_off_attribution(text: str, sent: "Span", verb: "Token", quotes: list[tuple[int, int]]) -> _SetOff | None:
    """An attribution set off by a comma after the words it reports, read from the word order when the parse
    hangs it elsewhere: "..., a rescue worker said.", "..., the sheriff told reporters on Thursday." (the words
    before the comma are the point), or set inside them: "Those acts, he said, clearly showed ..." (the words on
    both sides). The speaker is the noun phrase between the comma and the verb (no verb of its own); after the
    verb only its audience, when and where, up to the sentence's end or a comma."""
    doc = verb.doc
    if not _finite(verb) or verb.tag_ == "VBN":
        return None                         # "..., in an attack claimed by ISIS": a participle, no speaker
    comma = next((t for t in reversed(doc[sent.start:verb.i]) if t.text == ","), None)
    if comma is not None:
        comma = _list_of_speakers(comma, verb)
    if comma is None or not 1 <= verb.i - comma.i - 1 <= _SETOFF_SPEAKER_TOKENS or comma.i - sent.start < 2:
        return None
    speaker = doc[comma.i + 1:verb.i]
    if any(t.tag_ in _FINITE_TAGS or t.is_punct and t.text != "," or t.is_quote for t in speaker) \
            or speaker[0].lower_ in _SUBORDINATORS or speaker[0].pos_ in ("ADP", "CCONJ", "SCONJ") \
            or speaker[0].dep_ in ("cc", "mark") or speaker[0].tag_ in ("WDT", "WP") \
            or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in speaker):
        return None
    tail = []
    for t in doc[verb.i + 1:sent.end]:
        if t.text == "," or t.is_punct and t.text in ".!?":
            break
        tail.append(t)
    if len(tail) > _SETOFF_TAIL_TOKENS or any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in tail) \
            or tail and tail[0].lower_ in ("of", "about"):
        return None                         # "Wirth wrote of corruption, ...": what it was about, not when or where
    before = doc[sent.start:comma.i]
    if before[0].lower_ in _SUBORDINATORS or any(_inside(t.idx, quotes) or t.is_quote for t in before[-2:]):
        return None
    begin = sent.start_char
    line = text.rfind("\n", begin, comma.idx)
    if line >= 0:                           # a headline run into the sentence
        begin = line + 1
    spans = [_trim(text, begin, comma.idx)]
    after_verb = tail[-1].i + 1 if tail else verb.i + 1
    if after_verb < sent.end and doc[after_verb].text == "," and not any(t.tag_ in _FINITE_TAGS for t in before) \
            and before[0].pos_ != "ADP":        # "In recent weeks, one source said, ...": a time, not the words
        last = sent[-1] if not sent[-1].is_punct else sent[-2]      # "Those acts, he said, clearly showed ..."
        rest = _trim(text, doc[after_verb].idx + 1, last.idx + len(last.text))
        if after_verb + 1 < sent.end and doc[after_verb + 1].lower_ in _SUBORDINATORS:
            rest = (rest[0], rest[0])       # "..., the governor said, as troops advanced ...": the reporter's
        spans = [s for s in (spans[0], rest) if _words(text, s) >= _MIN_CONTINUATION_WORDS]
    if not spans or _words(text, spans[0]) < _MIN_CONTINUATION_WORDS and len(spans) == 1:
        return None
    head = next((t for t in speaker if not speaker.start <= t.head.i < speaker.end), speaker[-1])
    return _SetOff(head, (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)), tuple(spans))


def _list_of_speakers(comma: "Token", verb: "Token") -> "Token":
    """The comma a set-off attribution begins at when it names a list of speakers ("..., the rebels, residents
    and a monitoring group said."): the last comma before the verb, moved back over the list's earlier items,
    each short, set off by a comma, and a noun the parse joins to a later one as a conjunct. Only a speaker that
    holds "and" or "or" is a list; the comma itself otherwise."""
    doc = verb.doc
    if not any(t.dep_ == "cc" for t in doc[comma.i + 1:verb.i]):
        return comma
    while True:
        before = next((t for t in reversed(doc[max(0, comma.i - _SETOFF_ITEM_TOKENS - 1):comma.i]) if t.text == ","),
                      None)
        if before is None or before.i + 1 >= comma.i:
            return comma
        item = doc[before.i + 1:comma.i]
        head = next((t for t in item if not before.i < t.head.i < comma.i), None)
        if head is None or head.pos_ not in ("NOUN", "PROPN") or item[0].pos_ in ("ADP", "SCONJ", "CCONJ") \
                or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in item) \
                or not any(t.dep_ == "conj" and t.head.i == head.i for t in doc[comma.i + 1:verb.i]):
            return comma
        comma = before


_SETOFF_ITEM_TOKENS = 4                # each earlier item of a list of speakers is this short ("residents")


# verbs whose quotation names what their object is called ('called the report "a lie"', 'described it as ...')
_VERDICT_VERBS = frozenset({"call", "describe", "brand", "label", "dub", "term"})


def _quote_inside_phrase(text: str, verb: "Token", quote: tuple[int, int], verbs: SpeechVerbs) -> bool:
    """Whether a quotation after a verb is a piece of the verb's own phrase, not its words reported ('accused
    the ruling party of "an ideological kinship" with the militants', 'reiterated its policy of not paying
    ransoms, "as doing so would endanger lives"'): a verb whose phrase is its point, with its object named in
    the reporter's words before the quotation (not 'calling on "our brothers to join the ranks"', whose quotation
    is all the call)."""
    if verb.lemma_.lower() not in verbs.phrase or verb.lemma_.lower() in ("say", "tell", "add") or quote[0] < verb.idx:
        return False
    if any(c.dep_ == "ccomp" for c in verb.children) or not _has_phrase(verb):
        return False
    if verb.lemma_.lower() in _VERDICT_VERBS and not any(c.dep_ == "prep" for c in verb.children):
        return False                        # 'called the report "a lie"': the quoted verdict is the point
    own = [c for c in verb.children if c.dep_ in ("dobj", "obj", "prep") and c.i > verb.i]
    named = any(t.pos_ in ("NOUN", "PROPN", "PRON") and verb.i < t.i and t.idx < quote[0] for t in verb.subtree)
    return bool(own) and own[0].idx < quote[0] and named and verb.right_edge.idx >= quote[0]


def _clause_in_channel(verb: "Token") -> list["Token"]:
    """The reported clause the parse hangs from the channel the verb names ("said in a statement that a boy
    was attacked", "told Reuters in an interview that ..."): a "that" clause of its own subject under the
    noun of a phrase after the verb, or under the participle that dates the channel ("said in a statement
    released on Monday that ...")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            dated = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i]
            for clause in [*noun.children, *(c for p in dated for c in p.children if c.dep_ == "ccomp")]:
                if clause.dep_ in ("acl", "relcl", "ccomp") and clause.i > noun.i and _that_clause(clause):
                    return [clause]
    return []


def _that_clause(clause: "Token") -> bool:
    """A clause of its own subject opened by "that"."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
        and any(c.dep_ in _SUBJ for c in clause.children)


# words that make "that" an adverbial's: "so that", "now that", "such that", "except that", "in that"
_THAT_JOINED = frozenset({"so", "now", "such", "except", "in", "given", "provided"})


def _that_clause_as_adverbial(verb: "Token") -> list["Token"]:
    """The reported clause the parse reads as an adverbial of the verb when a word stands between them ("told
    Reuters earlier that two vehicles had been spotted"): a "that" clause after the verb, not "so that" or
    "now that"."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _that_clause(c)
            and not any(m.dep_ == "mark" and m.lower_ == "that" and m.i > 0 and m.nbor(-1).lower_ in _THAT_JOINED
                        for m in c.children)][:1]


# verbs whose object is whom the words are said to, the words following it ("told the conference he had ...")
_AUDIENCE_VERBS = frozenset({"tell", "inform", "assure", "remind"})
# what is told, not whom: "told the story he had heard" is a relative clause of it
_THINGS_TOLD = frozenset({"story", "truth", "lie", "tale", "joke", "news", "detail", "account", "version", "secret"})


def _clause_after_audience(verb: "Token") -> list["Token"]:
    """The reported clause the parse reads as a relative clause of the audience when "that" is left out ("told
    the conference he had spoken to ...", "assured lawmakers the army would ..."): a finite clause right after
    the verb's object, with a subject of its own and no relative pronoun ("the lawmakers who ...")."""
    if verb.lemma_.lower() not in _AUDIENCE_VERBS:
        return []
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "obj") or obj.i < verb.i or obj.lemma_.lower() in _THINGS_TOLD:
            continue
        for clause in obj.children:
            if clause.dep_ != "relcl" or clause.left_edge.i != obj.i + 1 or not _finite(clause):
                continue
            if any(c.dep_ in _SUBJ for c in clause.children) and not any(
                    c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.lower_ == "that" for c in clause.children):
                return [clause]
    return []


def _clause_after_attribution(text: str, verb: "Token", quotes: list[tuple[int, int]],
                              verbs: SpeechVerbs) -> tuple[int, int] | None:
    """The clause a sentence goes on with after an attribution set inside it ("The first convoy arrived on
    Friday, the agency said, but more trucks would be needed"): a clause of its own subject joined by "but" or
    "and" to the one the attribution follows is the same speaker's, a point of its own; not one that another
    speaker says ("..., the agency said, but officials said ...")."""
    head = verb.head
    for conj in head.children:
        if conj.dep_ != "conj" or conj.i < verb.i or conj.pos_ not in ("VERB", "AUX") or not _finite(conj) \
                or not any(c.dep_ in _SUBJ for c in conj.children):
            continue
        joins = [c for c in head.children if c.dep_ == "cc" and verb.i < c.i < conj.i]
        if not joins or joins[-1].lower_ not in _CLAUSE_JOINS:
            return None
        if any(t.lemma_.lower() in verbs and t.pos_ == "VERB" for t in conj.subtree) or _inside(conj.idx, quotes):
            return None
        last = conj.right_edge
        while last.i > conj.i and last.is_punct:
            last = last.nbor(-1)
        span = _trim(text, conj.left_edge.idx, last.idx + len(last.text))
        if span[1] > span[0] and text[span[1] - 1] in ".!?":
            span = _trim(text, span[0], span[1] - 1)
        return span if _words(text, span) >= _MIN_CLAUSE_WORDS else None
    return None


def _clause_opening(text: str, clause: "Token | None", quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The words a reported clause says in its own voice before a quotation inside it (`said the attacks
    "will not stop us"`, `said there "are limits"`): the clause, not the quoted fragment, is the point.
    None when the clause opens with the quotation or holds none."""
    if clause is None:
        return None
    start, end = _clause_span(text, clause)
    inner = [q for q in quotes if start < q[0] < end]
    if not inner or _inside(start, quotes) or not re.search(r"\w", text[start:inner[0][0]]):
        return None
    return start, inner[0][0]


def _main_verb_read_as_clause(verb: "Token", clause: "Token") -> bool:
    """"Protesters calling for an end to graft occupied the parliament": the parse makes the participle that
    describes the subject the root and the sentence's own verb its clause; a clause whose finite verb has no
    subject of its own, after a bare participle, is what the subject did, not what it said."""
    return verb.tag_ == "VBG" and clause.i > verb.i and clause.tag_ in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and not any(c.dep_ in _SUBJ or c.dep_ == "expl" for c in clause.children) \
        and not any(t.is_punct for t in verb.doc[verb.i + 1:clause.i] if t.text in (",", ":", ";", "\"", "“"))


def _reporter_of_participle(verb: "Token", sent: "Span", verbs: SpeechVerbs) -> "Token | None":
    """The speaker of a participle that goes on reporting ("..., it said, promising to ..."), when the parse
    hangs it from the reported clause rather than from the attribution: the subject of the speech verb
    before it in the sentence."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.lemma_.lower() in verbs:
        return None
    said = [t for t in sent if t.i < verb.i and t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")
            and any(c.dep_ in _SUBJ for c in t.children)]
    return next((c for c in said[-1].children if c.dep_ in _SUBJ), None) if said else None


def _quoting_start(verb: "Token") -> int:
    """Where "X quoted Y as saying" begins, for a speech verb Y speaks through a quoting one."""
    for head in (verb.head, verb.head.head):
        if head.lemma_.lower() in ("quote", "cite") and head.i < verb.i:
            subj = [c for c in head.children if c.dep_ in _SUBJ]
            return subj[0].left_edge.idx if subj else head.idx
    return verb.idx


def _quoted_points(text: str, verb: "Token", subject: tuple[int, int], quotes: list[tuple[int, int]],
                   used: set[tuple[int, int]], sent: "Span",
                   opening: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """The quotations a verb attributes: the one closing just before the attribution ("...," X said),
    or opening just after it (X said: "..."), unless the quotation sits inside a reported clause that
    `opening` begins in the reporter's words."""
    start = min(subject[0], verb.idx, _quoting_start(verb))
    end = max(subject[1], verb.idx + len(verb.text))
    for q in quotes:
        if q in used:
            continue
        # the quotation closes in the attribution's sentence: '“...,” he said', not '“... .” He said ...', nor
        # one inside a phrase of the verb's before it ('Calling the comments an attempt to "disrupt the process",
        # Kerry said the government was mistaken')
        if sent.start_char < q[1] <= start and _QUOTE_TO_VERB.match(text[q[1]:start]) \
                and not _inside(q[0], _phrases_before(verb)) and not _headline_before(text, q, start):
            used.add(q)
            return [q]
    for q in quotes:
        if q in used or q[0] < end:
            continue
        if opening is not None and opening[0] < q[0] and opening[1] >= q[0]:
            continue
        if q[0] - end > 120:
            break
        if _VERB_TO_QUOTE.match(text[end:q[0]].rstrip("“\"« ")):
            if not _opens_clause(text, end, q[0]):
                continue
            used.add(q)
            return [q]
    return []


def _bare_attribution(verb: "Token") -> bool:
    """A sentence that is only an attribution: "say", "tell" or "add" its main verb, with nothing said of its own
    ("X told reporters on Friday.", not "she says yes, he nods" nor "whose website posted videos")."""
    lemma = verb.lemma_.lower()
    return verb.dep_ == "ROOT" and lemma in ("say", "tell", "add") and not any(
        c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "intj") and lemma != "tell" for c in verb.children)


def _quotation_after_stop(text: str, sent: "Span", quotes: list[tuple[int, int]],
                          used: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that opens the next sentence after an attribution that reports nothing of its own
    ('X, who heads the council, told Reuters on Sunday. "..."'): the speaker's words, as a colon would give."""
    for q in quotes:
        if q in used or q[0] < sent.end_char:
            continue
        if _AFTER_STOP.match(text[sent.end_char - 1:q[0]]) and _words(text, q) >= _MIN_CONTINUATION_WORDS:
            used.add(q)
            return q
        return None
    return None


def _headline_before(text: str, quote: tuple[int, int], start: int) -> bool:
    """Whether a quotation before an attribution is a line of its own, a headline or a crosshead ('TALKS "VERY
    SOON"' over 'The U.N. chief welcomed ...'): a line break between it and the attribution with no comma or
    full stop to hand it on, as '"...," he said' always has."""
    after = re.match(r"\W*", text[quote[1]:max(start, quote[1]) + 80]).group()   # up to the next word
    return "\n" in after and "," not in after and text[quote[1] - 1:quote[1]] not in (",", ".", "!", "?")


def _phrases_before(verb: "Token") -> list[tuple[int, int]]:
    """The characters of the clauses and phrases that hang from a verb before it, its subject aside ("Calling
    the comments ..., Kerry said")."""
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in verb.lefts
            if c.dep_ in ("advcl", "prep", "npadvmod") and c.right_edge.i - c.left_edge.i >= 1]


def _opens_clause(text: str, end: int, start: int) -> bool:
    """Whether the words between a verb and a quotation leave the quotation as its object ("said:",
    "said on Friday,", "told Reuters that") rather than a phrase inside another clause."""
    between = text[end:start].strip(" “\"«")
    return not between or between.endswith((":", ",", "that")) or len(between.split()) <= 4


def _has_phrase(verb: "Token") -> bool:
    """Whether a verb has a complement to report (an object, a clause, "on"/"for" someone)."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return True
        if child.dep_ in ("dobj", "obj") and lemma not in ("tell", "say", "add"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "for", "against") and lemma != "say" \
                and not _when(child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "about") and lemma in ("warn", "caution"):
            return True                     # "warned of a harsh response"
    if lemma in ("call", "appeal", "urge") and any(c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")
                                                   for c in verb.children) \
            and any(c.dep_ == "advcl" and _to_infinitive(c) for c in verb.children):
        return True                         # "appealed to supporters to gather ...": the parse hangs the act apart
    return lemma in ("call", "appeal") and _for_clause(verb)


def _to_infinitive(verb: "Token") -> bool:
    """Does the verb open with "to" ("to gather", "to leave")?"""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _asks_to_act(verb: "Token") -> bool:
    """"asked residents to donate blood", "requested foreigners to leave the area": a request that someone act,
    whose phrase is the point (not "asked about the attack", a question, nor "was asked to resign")."""
    return verb.lemma_.lower() in ("ask", "request") and verb.pos_ == "VERB" \
        and any(c.dep_ in ("dobj", "obj") for c in verb.children) \
        and any(c.dep_ == "xcomp" and _to_infinitive(c) for c in verb.children) \
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _when(prep: "Token") -> bool:
    """Whether a preposition only tells when ("told Reuters on Sunday", "said on Friday"): its object a day or
    a time, nothing said."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


# speech verbs whose object, with no clause, is what was said ("reported a heavy assault on the town",
# "estimated the damage at ...", "admitted the killings"); not those whose object is whom it is said to
# ("told reporters") or what carries it ("posted a video", "wrote a letter")
_OBJECT_REPORTS = frozenset({"report", "allege", "predict", "forecast", "estimate", "acknowledge", "admit",
                             "concede"})


def _reports_its_object(verb: "Token", verbs: SpeechVerbs) -> bool:
    """Whether a speech verb reports its noun object: "The agency had reported a heavy assault on the town"
    (the assault is what the agency reported); not a pronoun ("reported it": nothing said), a day, nor an object
    that speaks itself ("reported a statement that said ...": the statement's words are the point). Only a verb
    that tells what was done ("reported", "has reported"), not one that asks it ("must report any instance",
    "additional reporting by")."""
    if verb.lemma_.lower() not in _OBJECT_REPORTS or not _tells(verb):
        return False
    return any(c.dep_ in ("dobj", "obj") and c.i > verb.i and c.pos_ in ("NOUN", "PROPN", "NUM")
               and c.ent_type_ not in ("DATE", "TIME") and not _told_before(c)
               and not any(t.lemma_.lower() in verbs and t.pos_ == "VERB" for t in c.subtree) for c in verb.children)


def _tells(verb: "Token") -> bool:
    """A verb in the past or present tense, or a participle after "have" ("had reported"): what somebody did
    say, not what one must, may or will (a base form, a modal) nor a participle ("reporting by")."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _told_before(noun: "Token") -> bool:
    """Whether an object only points back at what the text has told ("reported the death toll", "admitted the
    incident"): "the" or "this" and the noun, nothing after it to say what it was."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children) \
        and not any(c.i > noun.i for c in noun.children)


# what carries written words: 'The statement read: "..."', 'One placard read "..."'
_WRITINGS = frozenset({"statement", "message", "letter", "note", "communique", "communiqué", "leaflet", "banner",
                       "sign", "placard", "poster", "slogan", "graffiti", "inscription", "headline", "caption",
                       "tweet", "post", "text", "sticker", "flyer", "declaration"})
# verbs a crowd says its words with ('"Down with the army," the crowd chanted')
_CRY_VERBS = frozenset({"chant", "shout", "yell", "scream", "cry"})


def _voices_words(verb: "Token") -> bool:
    """Whether a verb that is no reporting verb gives somebody's words: "read" whose subject is a writing ('The
    banners read "..."', 'The statement read in part: "..."'), a crowd's cry with a subject of its own
    ('"...," the protesters shouted'; not a participle hung on a noun, 'marched to the embassy chanting', where
    the parse's noun is no speaker). What they give is their quotation or clause, never their own phrase."""
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ in _SUBJ]
    if lemma == "read":
        return bool(subjects) and subjects[0].lemma_.lower() in _WRITINGS
    return lemma in _CRY_VERBS and verb.pos_ == "VERB" and (bool(subjects) or verb.dep_ in ("advcl", "conj", "xcomp"))


# nouns of speech whose complement is what a possessor said ("the cleric's call to ...", "its vow to ..."), and
# the reporting verb each stands for
_SPEECH_NOUNS = {"call": "call", "appeal": "appeal", "demand": "demand", "vow": "vow", "pledge": "pledge",
                 "threat": "threaten", "warning": "warn", "promise": "promise", "claim": "say", "denial": "deny",
                 "ultimatum": "threaten", "plea": "appeal", "order": "say"}
_POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# verbs a speaker keeps or drops his own words with ("renewed its call for", "would drop its vow to"): the
# possessive pronoun of their object is their subject
_OWN_WORDS_VERBS = frozenset({"renew", "repeat", "drop", "abandon", "withdraw", "keep", "make", "issue", "restate",
                              "press", "step", "soften", "harden", "retract", "honour", "honor", "fulfil", "fulfill",
                              "break"})


def _speech_complement(noun: "Token") -> "tuple[Token, str] | None":
    """What a noun of speech says and the reporting verb it stands for: its infinitive ("call to press ...",
    "vow to continue ..."), its "that" clause ("claim that ...") or, for a call, "for ..." (a demand); None
    when nothing said follows it."""
    lemma = noun.lemma_.lower()
    complement, intro = None, _SPEECH_NOUNS[lemma]
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in ("acl", "xcomp", "relcl") and c.pos_ in ("VERB", "AUX") and _to_infinitive(c):
            complement = c                  # "call to press ...", "vow to continue ..."
        elif c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            complement = c                  # "claim that ..."
        elif c.dep_ == "prep" and c.lower_ == "for" and lemma in ("call", "appeal", "demand", "plea"):
            complement, intro = c, "demand"     # "call for a ban on ..."
        if complement is not None:
            break
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if complement is None and after is not None and after.lower_ == "to" and after.dep_ == "aux" \
            and after.head.i > after.i and after.head.pos_ == "VERB" \
            and any(a.i == after.head.head.i for a in list(noun.ancestors)[:3]):
        complement = after.head             # "answering the cleric's call to press ...": the parse hangs the
                                            # infinitive on the verb the noun is the object of
    return (complement, intro) if complement is not None else None


def _nominal_speech(text: str, noun: "Token", quotes: list[tuple[int, int]]) \
        -> tuple[tuple[int, int], "Token", str, tuple[int, int]] | None:
    """What a noun of speech with a possessor reports: "responding to the cleric's call to press the government
    over ...", "would drop its vow to continue the offensive", "rejected the army's claim that ..." (the
    possessor speaks; the complement, an infinitive, a "that" clause or "for ...", is the point). None when the
    noun has no such possessor (a "call for calm" of nobody's) or no complement. (possessor's characters, its
    head, the reporting verb the noun stands for, the point)"""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in _SPEECH_NOUNS or _inside(noun.idx, quotes):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and (
        c.pos_ in ("NOUN", "PROPN") or c.lower_ in _POSSESSIVE_PRONOUNS)), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON":                # "Moscow would drop its vow": the clause's own subject, or nobody
        subject = next((c for c in noun.head.children if c.dep_ in _SUBJ and c.i < noun.i), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or _plural(subject) != (owner.lower_ == "their") \
                or noun.dep_ not in ("dobj", "obj") or noun.head.lemma_.lower() not in _OWN_WORDS_VERBS:
            return None                     # "the crowd cheered his call for ...": whose is for the reader to tell
        owner = subject
    said = _speech_complement(noun)
    if said is None:
        return None
    complement, intro = said
    last = complement.right_edge
    while last.i > complement.i and last.is_punct:
        last = last.nbor(-1)
    point = _trim(text, complement.left_edge.idx, last.idx + len(last.text))
    if text[point[0]:point[0] + 5].lower() == "that ":
        point = _trim(text, point[0] + 5, point[1])
    if _words(text, point) < _MIN_CONTINUATION_WORDS or _inside(point[0], quotes):
        return None
    words = [t for t in owner.subtree if not (t.dep_ == "case" and t.head.i == owner.i)]
    return (words[0].idx, words[-1].idx + len(words[-1].text)), owner, intro, point


def _clause_made_clear(verb: "Token") -> list["Token"]:
    """The clause "made clear" (or "made it clear", "made plain") says: "The two leaders made clear that they would
    not send troops" tells what they said as a reporting verb does; the parse hangs the clause on "clear"."""
    if verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
        return []
    for adj in verb.children:
        if adj.lower_ not in ("clear", "plain") or adj.i < verb.i:
            continue
        for clause in adj.children:
            if clause.i > adj.i and clause.pos_ in ("VERB", "AUX") and _finite(clause) \
                    and any(c.dep_ in _SUBJ for c in clause.children):
                return [clause]
    return []


def _speaks_of(verb: "Token") -> bool:
    """Whether "speak" has what it speaks of for its point: "spoke of a grave danger to the region" (what it names
    is the speaker's; not "spoke to reporters", nor "spoke about the incident", a topic only)."""
    return verb.lemma_.lower() == "speak" and _tells(verb) and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


# verbs whose tail ("..., a charge Moscow denies") is a claim or denial of its own speaker's
_TAIL_VERBS = frozenset({"deny", "claim", "dispute", "reject", "refute", "disavow", "contest"})


def _ends_sentence(token: "Token", sent: "Span") -> bool:
    """Whether only punctuation follows `token` in its sentence."""
    return all(t.is_punct or t.is_space for t in sent if t.i > token.i)


def _passive_tail_agent(verb: "Token", sent: "Span") -> "Token | None":
    """Who a participle at the end of the sentence names as the one who claims or denies what its noun stands
    for ("..., an accusation denied by Berlin", "..., in an attack claimed by the group"): the agent's noun; the
    noun and the participle are that speaker's point, not part of the words before them. None otherwise."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ != "NOUN" \
            or verb.head.dep_ not in ("appos", "pobj", "dobj", "npadvmod") or not _ends_sentence(verb.right_edge, sent):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _names_its_object(verb: "Token") -> bool:
    """Whether a reporting verb's object is the noun its relative clause hangs from ("..., a charge he
    strongly denies", "an account the army disputed"): the noun and the clause are the point."""
    return verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PRON") and not any(
        c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in verb.children)


def _according_span(text: str, sent: "Span", token: "Token") -> tuple[int, int] | None:
    """The part of the sentence outside "according to X", up to a clause of another subject that "but" sets
    against it ("According to local reports, both groups paid ransoms, but the government has not confirmed
    this": the reporter's reservation, not the reports')."""
    pp_start, pp_end = token.idx, token.right_edge.idx + len(token.right_edge.text)
    before = _trim(text, sent.start_char, pp_start)
    after = _trim(text, pp_end, _contrast_start(token.head, pp_end) or sent.end_char)
    while after[1] > after[0] and text[after[0]] in ",;:":            # "According to X, ...": not its comma
        after = _trim(text, after[0] + 1, after[1])
    after = (after[0], after[1] - 1) if after[1] > after[0] and text[after[1] - 1] in ".!?" else after
    best = max((before, after), key=lambda s: s[1] - s[0])
    return best if best[1] > best[0] else None


def _contrast_start(clause: "Token", after: int) -> int | None:
    """Where a clause of its own subject joined to `clause` by "but" begins (at the "but"), after offset
    `after`; None when there is none."""
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.idx <= after or not any(c.dep_ in _SUBJ for c in conj.children):
            continue
        joins = [c for c in clause.children if c.dep_ == "cc" and after < c.idx < conj.idx]
        if joins and joins[-1].lower_ == "but":
            return joins[-1].idx
    return None


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a quotation opens a sentence (after a full stop, a closing quote or a line break)."""
    before = text[:start].rstrip("“\"« \t")
    return not before or before[-1] in ".!?\n”\"" or before.endswith(":")


def _paragraph_gap(text: str, a: int, b: int) -> int:
    return len(re.findall(r"\n\s*\n|\n", text[a:b]))


def _drop_nested(found: list[Speech], text: str) -> list[Speech]:
    """A verb inside another utterance's point ("X said Y told him ...") is part of that point; but "X said
    ..., according to a transcript" is X's: "according to" yields to a speech verb in its sentence."""
    verbs = [sp for sp in found if sp.kind != "according"]
    found = [sp for sp in found if sp.kind != "according"
             or not any(s <= v.verb_start < e for v in verbs for s, e in sp.spans)]
    spans = [(sp, s) for sp in found for s in sp.spans]
    # "... along the border - something Moscow denies": a tail that closes another's words is its own speaker's,
    # and those words end where it begins; a participle's tail inside no one's words is the reporter's
    tails = [sp for sp in found if sp.tail and any(other is not sp and not other.tail and s[0] < sp.spans[0][0]
                                                   and sp.spans[0][1] <= s[1] for other, s in spans)]
    found = [sp for sp in found if sp.tail != "passive" or sp in tails]
    spans = [(sp, s) for sp in found for s in sp.spans]
    kept = []
    for sp in found:
        if sp not in tails and any(other is not sp and other not in tails and s[0] <= sp.verb_start < s[1]
                                   for other, s in spans):
            continue
        if sp not in tails and tails:
            sp = replace(sp, spans=tuple(_cut_at_tail(text, span, tails) for span in sp.spans))
        kept.append(sp)
    return kept


_PREPOSITION_LAST = re.compile(r"[\s,]+(?:in|on|at|during|after|with|for|from|amid|following)$", re.IGNORECASE)


def _cut_at_tail(text: str, span: tuple[int, int], tails: list[Speech]) -> tuple[int, int]:
    """`span` ended where a tail inside it begins."""
    for tail in tails:
        start = tail.spans[0][0]
        if span[0] < start and tail.spans[0][1] <= span[1]:
            cut = _trim(text, span[0], start)
            before = _PREPOSITION_LAST.search(text, cut[0], cut[1])     # "..., in" before "an attack claimed by"
            return _trim(text, cut[0], before.start()) if before else cut
    return span
