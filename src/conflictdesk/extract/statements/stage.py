"""Statements: who declared what, through which channel, split into labelled points.

Three shapes of statement are recognised, each point with exact offsets into the text:

1. **Lists** — bulleted or numbered points (•, -, *, "1.", "1)") introduced as a statement's
   content ("The statement gave three main points:"). A quoted bullet's point is the quotation
   without its quotation marks. A list whose introduction names no issuer ("The statement ...")
   belongs to the statement reported just before it (the same release), whose reporting
   sentence becomes the statement's evidence.
2. **Reported speech and quoted declarations** — a reporting verb ("announced", "called on",
   "warned", "said") whose subject is an actor or a known person. Its point is the quotation it
   introduces (without quotation marks) or, with no quotation, the verb and its complement
   ("announced a full resumption of attacks ..."). A subject that is no actor ("officials",
   "analysts") makes no statement: a threat described by a third party is not the group's.
3. **Communiqués** — a document that is itself a statement (its title says so, or it opens with
   a formula, and it speaks as "we"): its paragraphs (or its list) are the points, the issuer is
   the actor its title or signature names.

Points are labelled by the cues of `data/statements/cues.yaml` (see `cues.py`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...records import Actor, DateMention, Document, Person, Point, Span, Statement
from ..parse_tree import climb_to_subject
from .cues import CueSet, label_text, load_cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...knowledge import KnowledgeBase

_BULLET = re.compile(r"^[ \t]*(?:[•▪●◦·‣*\-–]|\(?\d{1,2}[.)])[ \t]+(?P<body>\S.*?)[ \t]*$", re.MULTILINE)
_LIST_INTRO = re.compile(
    r"\b(?:statement|communiqu[eé]|release|declaration|speech|address|points?|demands?|said|stated|announced|"
    r"declared|added|read|following|message|pledged|warned|called)\b[^\n]*:\s*$", re.IGNORECASE)
_QUOTE = re.compile(r"“(?P<a>[^“”]{3,3000}?)”|\"(?P<b>[^\"\n]{3,3000}?)\"|«(?P<c>[^«»]{3,3000}?)»")
_QUOTED_BODY = re.compile(r"^[“\"«‘](?P<inner>.+?)[”\"»’][.,;]?$", re.DOTALL)
_COMMUNIQUE_TITLE = re.compile(
    r"\b(?:statement|communiqu[eé]|declaration|bayan|speech|message|announcement|proclamation|"
    r"press\s+release)\b", re.IGNORECASE)
_FORMULA = re.compile(r"^\s*(?:in\s+the\s+name\s+of\s+(?:god|allah)|bismillah|statement\s+(?:no\.?|number|issued|by|from|of))",
                      re.IGNORECASE)
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us|ourselves)\b", re.IGNORECASE)
_ANAPHOR_SUBJECTS = {"it", "they", "we", "he", "she", "group", "movement", "militia", "organization", "organisation",
                     "brigades", "faction", "statement", "release", "communiqué", "communique", "spokesman",
                     "spokesperson"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_COMPLEMENT_DEPS = {"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "obj", "npadvmod", "acomp"}
MIN_QUOTE_WORDS = 5
_ALLY_RELATIONS = {"member_of", "allied_with", "backed_by", "part_of"}


@dataclass(slots=True)
class _Draft:
    actor: str | None
    speaker: str | None
    points: list[Point] = field(default_factory=list)
    evidence: Span | None = None
    channel_text: str = ""
    paragraph: int = -1
    kind: str = "reported"            # reported, list, communique
    inherited: bool = False


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    actor: str | None
    person: str | None


def _mentions(actors: list[Actor], people: list[Person]) -> list[_Mention]:
    out = [_Mention(m.start, m.end, a.id, None) for a in actors for m in a.mentions]
    out += [_Mention(m.start, m.end, p.actor, p.id) for p in people for m in p.mentions]
    return sorted(out, key=lambda m: (m.start, -m.end))


def _paragraph_starts(text: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
    return sorted(set(starts))


def _paragraph_of(starts: list[int], offset: int) -> int:
    lo = 0
    for i, s in enumerate(starts):
        if s <= offset:
            lo = i
        else:
            break
    return lo


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace, and trailing commas and dashes."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _strip_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """A quoted bullet's content without the quotation marks (a trailing ".", "," after the mark goes too)."""
    body = text[start:end]
    m = _QUOTED_BODY.match(body)
    if m and not re.search(r"[”\"»]", m.group("inner")[:-1]):
        return _trim(text, start + m.start("inner"), start + m.end("inner"))
    return start, end


# --- shape 1: lists ---------------------------------------------------------------------------
@dataclass(slots=True)
class _Block:
    start: int
    end: int
    items: list[tuple[int, int]]      # point spans


def _bullet_blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    for m in _BULLET.finditer(text):
        start, end = _trim(text, m.start("body"), m.end("body"))
        start, end = _strip_quotes(text, start, end)
        if end <= start:
            continue
        gap = text[blocks[-1].end:m.start()] if blocks else None
        if blocks and gap is not None and not gap.strip():
            blocks[-1].items.append((start, end))
            blocks[-1].end = m.end()
        else:
            blocks.append(_Block(m.start(), m.end(), [(start, end)]))
    return blocks


def _intro_before(text: str, offset: int) -> tuple[int, int]:
    """The last non-empty line before `offset` (the list's introduction)."""
    before = text[:offset].rstrip()
    line_start = before.rfind("\n") + 1
    return line_start, len(before)


# --- shape 2: reported speech -----------------------------------------------------------------
def _quotes(text: str, excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for m in _QUOTE.finditer(text):
        name = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        start, end = _trim(text, m.start(name), m.end(name))
        if len(text[start:end].split()) < MIN_QUOTE_WORDS:
            continue
        if any(s <= start < e for s, e in excluded):
            continue
        out.append((start, end))
    return out


_SUBJECT_THROUGH = frozenset({"advcl", "xcomp", "conj", "acl"})


def _subject_of(verb: "Token") -> "Token | None":
    """The reporting verb's subject, climbing advcl/xcomp/conj/acl chains."""
    return climb_to_subject(verb, subjects=(frozenset(_SUBJECT_DEPS),), through=_SUBJECT_THROUGH, steps=4)[0]


def _complement_end(verb: "Token") -> int:
    """Character end of the verb's complements (objects, clauses, 'on ...'), within its sentence."""
    end = verb.idx + len(verb.text)
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in _COMPLEMENT_DEPS:
            continue
        last = child.right_edge
        end = max(end, last.idx + len(last.text))
    sent_end = verb.sent.end_char
    return min(end, sent_end)


_CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "obj", "dative"}


def _has_own_content(verb: "Token", quotes: list[tuple[int, int]]) -> bool:
    """Whether the verb reports something outside the quotations ("“...,” he said" reports the quotation)."""
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS or (child.dep_ == "prep" and child.lower_ in ("on", "upon")
                                           and verb.lemma_.lower() in ("call", "urge", "appeal")):
            if not any(q[0] - 1 <= child.idx < q[1] + 1 for q in quotes):
                return True
    return False


def _reports_content(verb: "Token") -> bool:
    """Whether a reporting verb without a quotation reports something: a clause, an object (not the
    addressee of "tell"), or whom "call on" addresses."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return True
        if child.dep_ in ("dobj", "obj") and lemma not in ("tell", "say", "add"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "for") and lemma in ("call", "urge", "appeal"):
            return True
    return False


def _first_quote_in(quotes: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Quotations that open inside [start, end): the ones a verb's complement introduces."""
    return [q for q in quotes if start <= q[0] < end + 2]


# "Iran-backed groups" are not Iran: a mention followed by one of these is a patron, not the speaker
_PATRON = re.compile(r"-(?:backed|aligned|allied|linked|supported|affiliated|funded|sponsored)\b", re.IGNORECASE)


class _Resolver:
    """Resolves a subject's characters to an actor or a person, with a little anaphora."""

    def __init__(self, mentions: list[_Mention], people: dict[str, Person], text: str = "") -> None:
        self.text = text
        self.mentions = mentions
        self.people = people
        self.last_issuer: tuple[str | None, str | None] | None = None

    def at(self, start: int, end: int, head: int | None = None) -> tuple[str | None, str | None]:
        """The actor (and person) named in [start, end): the mention holding the head, else the last one
        ("the Iran-backed militia Kataib Hezbollah" is Kataib Hezbollah, not Iran)."""
        inside = [m for m in self.mentions if m.start >= start and m.end <= end
                  and not _PATRON.match(self.text, m.end)]
        if head is not None:
            at_head = [m for m in inside if m.start <= head < m.end]
            inside = at_head + [m for m in reversed(inside) if m not in at_head]
        else:
            inside = list(reversed(inside))
        person = next((m.person for m in inside if m.person), None)
        if person:
            return self.people[person].actor if person in self.people else None, person
        actor = next((m.actor for m in inside if m.actor), None)
        return actor, None

    def subject(self, subj: "Token") -> tuple[str | None, str | None]:
        left, right = subj.left_edge, subj.right_edge
        actor, person = self.at(left.idx, right.idx + len(right.text), subj.idx)
        if actor or person:
            return actor, person
        if subj.lower_ in _ANAPHOR_SUBJECTS and self.last_issuer is not None:
            if subj.lower_ in ("he", "she"):
                return self.last_issuer if self.last_issuer[1] else (None, None)
            return self.last_issuer
        return None, None


_TARGET_BEFORE = re.compile(
    r"\b(?:against|on|at|targeting|target|targets|strike|striking|strikes|attack|attacks|attacking|hit|hitting|"
    r"expel|expelling|expulsion\s+of|fight|fighting|punish)\s+(?:the\s+|all\s+|every\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE)


def _targets(point: Point, group_targets: list[str], mentions: list[_Mention], text: str, issuer: str | None,
             allies: set[str]) -> list[str]:
    """Groups the cues name (incitement, threats) and, for threats, actors named where a target stands
    ("attacks against American forces"), never the issuer or its allies."""
    out = list(group_targets)
    if "threat" not in point.labels:
        return out
    for m in mentions:
        if not (m.start >= point.start and m.end <= point.end and m.actor):
            continue
        if m.actor == issuer or m.actor in allies or m.actor in out:
            continue
        if _TARGET_BEFORE.search(text[max(point.start, m.start - 40):m.start]):
            out.append(m.actor)
    return out


def _allies(kb: "KnowledgeBase | None", actor: str | None) -> set[str]:
    if kb is None or actor is None:
        return set()
    if actor not in kb.actors:
        return set()
    return {r.object for r in kb.relations_of(actor) if r.type in _ALLY_RELATIONS}


def _make_point(text: str, start: int, end: int, cues: CueSet, intro: str | None,
                intro_label: str | None = None, parsed: "Doc | None" = None) -> tuple[Point, list[str]]:
    tokens = parsed.char_span(start, end, alignment_mode="expand") if parsed is not None else None
    labelling = label_text(text[start:end], cues, intro=intro, intro_label=intro_label, tokens=tokens)
    point = Point(text=text[start:end], start=start, end=end, labels=labelling.labels, cues=labelling.cues)
    return point, labelling.targets


def _communique_issuer(doc: Document, mentions: list[_Mention], paragraphs: list[int]) -> tuple[str | None, str | None]:
    text = doc.text
    title = doc.title or text[:paragraphs[1] if len(paragraphs) > 1 else 200]
    regions = []
    if doc.title and text.startswith(doc.title):
        regions.append((0, len(doc.title)))
    else:
        regions.append((0, min(len(text), len(title) + 2)))
    regions.append((paragraphs[-1], len(text)))            # the signature
    for start, end in regions:
        inside = [m for m in mentions if m.start >= start and m.end <= end]
        person = next((m.person for m in inside if m.person), None)
        actor = next((m.actor for m in inside if m.actor), None)
        if actor or person:
            return actor, person
    counts = Counter(m.actor for m in mentions if m.actor)
    return (counts.most_common(1)[0][0], None) if counts else (None, None)


def is_communique(doc: Document) -> bool:
    """Whether the document is itself a statement (title or opening formula, and a first-person voice)."""
    head = doc.title or doc.text[:200]
    marked = bool(_COMMUNIQUE_TITLE.search(head) or _FORMULA.search(doc.text[:300]))
    words = max(1, len(doc.text.split()))
    voice = len(_FIRST_PLURAL.findall(doc.text))
    reported = len(re.findall(r"\b(?:said|according to|told)\b", doc.text, re.IGNORECASE))
    return marked and voice >= 3 and voice / words >= 0.01 and reported <= voice // 3


def _communique_points(doc: Document, paragraphs: list[int], blocks: list[_Block]) -> list[tuple[int, int]]:
    text = doc.text
    if blocks:
        return [item for b in blocks for item in b.items]
    spans = []
    bounds = paragraphs + [len(text)]
    for i in range(len(paragraphs)):
        start, end = _trim(text, bounds[i], bounds[i + 1])
        body = text[start:end]
        if not body or (doc.title and body == doc.title.strip()) or _FORMULA.match(body):
            continue
        if len(body.split()) < 8 and not re.search(r"[.!?]$", body):
            continue                                        # headers, signatures, date lines
        spans.append((start, end))
    return spans


def _statement_date(doc: Document, dates: list[DateMention], evidence: Span | None) -> dt.date | None:
    """The date a date mention in the statement's evidence gives, else the document's publication date."""
    if evidence is not None:
        for d in dates:
            if d.date is not None and evidence.start <= d.span.start < evidence.end:
                return d.date
    return doc.published


def extract_statements(doc: Document, parsed: "Doc", *, kb: "KnowledgeBase | None", actors: list[Actor],
                       people: list[Person], dates: list[DateMention],
                       cues: CueSet | None = None) -> list[Statement]:
    """Statements in a document (official releases, quoted and reported declarations, the document
    itself when it is a communiqué), each split into labelled points with exact offsets."""
    cueset = cues or load_cues()
    text = doc.text
    mentions = _mentions(actors, people)
    paragraphs = _paragraph_starts(text)
    resolver = _Resolver(mentions, {p.id: p for p in people}, text)
    blocks = _bullet_blocks(text)
    drafts: list[_Draft] = []

    if is_communique(doc):
        actor, speaker = _communique_issuer(doc, mentions, paragraphs)
        draft = _Draft(actor, speaker, kind="communique", channel_text=(doc.title or "") + " " + text[:300])
        for start, end in _communique_points(doc, paragraphs, blocks):
            point, targets = _make_point(text, start, end, cueset, None, parsed=parsed)
            draft.points.append(point)
            point.targets = targets
        if draft.points:
            first = draft.points[0]
            draft.evidence = Span.of(text, first.start, draft.points[-1].end)
            drafts.append(draft)
        return _finish(doc, drafts, dates, cueset, mentions, kb)

    list_blocks = []
    for block in blocks:
        intro_start, intro_end = _intro_before(text, block.start)
        intro = text[intro_start:intro_end]
        quoted = sum(1 for s, _ in block.items if s > 0 and text[s - 1] in "“\"«")
        if _LIST_INTRO.search(intro) or quoted * 2 > len(block.items):
            list_blocks.append((block, intro_start, intro_end))
    excluded = [(b.start, b.end) for b, _, _ in list_blocks]
    quotes = _quotes(text, excluded)

    # reported speech, sentence by sentence, merged with the lists in text order
    events: list[tuple[int, str, object]] = [(b.start, "list", (b, s, e)) for b, s, e in list_blocks]
    for sent in parsed.sents:
        if any(s <= sent.start_char < e for s, e in excluded):
            continue
        events.append((sent.start_char, "sent", sent))
    events.sort(key=lambda x: x[0])

    used_quotes: set[tuple[int, int]] = set()
    for _, kind, payload in events:
        if kind == "list":
            block, intro_start, intro_end = payload  # type: ignore[misc]
            _add_list(text, block, intro_start, intro_end, parsed, resolver, drafts, paragraphs, cueset)
            continue
        sent = payload
        for token in sent:  # type: ignore[union-attr]
            if token.lemma_.lower() not in cueset.reporting_verbs or token.pos_ not in ("VERB", "AUX"):
                continue
            if any(q[0] <= token.idx < q[1] for q in quotes):
                continue
            subj = _subject_of(token)
            if subj is None or subj.lower_ in ("i", "you"):
                continue
            actor, speaker = resolver.subject(subj)
            if actor is None and speaker is None:
                continue
            end = _complement_end(token)
            sent_quotes = [q for q in quotes if sent.start_char <= q[0] < sent.end_char]  # type: ignore[union-attr]
            own = [q for q in _first_quote_in(sent_quotes, token.idx, end) if q not in used_quotes]
            if not own and sent_quotes and not _has_own_content(token, sent_quotes):
                own = [q for q in sent_quotes if q not in used_quotes]   # “...,” he said.
            if not own and any(q[0] <= end and token.idx <= q[1] for q in sent_quotes):
                continue                                                 # its quotation is another verb's point
            lemma = _intro_lemma(token)
            if not own and not _reports_content(token):
                continue                                                 # "said on Thursday", "told a news conference"
            spans = own or [_trim(text, token.idx, end)]
            if not own and len(text[spans[0][0]:spans[0][1]].split()) < 3:
                continue
            para = _paragraph_of(paragraphs, token.idx)
            draft = _attach(drafts, actor, speaker, para, sent, text=text)
            for start, stop in spans:
                if own:
                    used_quotes.add((start, stop))
                if any(p.start == start and p.end == stop for d in drafts for p in d.points):
                    continue
                point, targets = _make_point(text, start, stop, cueset, lemma, parsed=parsed)
                point.targets = targets
                draft.points.append(point)
            resolver.last_issuer = (actor, speaker)
    drafts = [d for d in drafts if d.points]
    return _finish(doc, drafts, dates, cueset, mentions, kb)


def _attach(drafts: list[_Draft], actor: str | None, speaker: str | None, para: int, sent: object, *,
            text: str) -> _Draft:
    """The statement a reported point belongs to: the latest one if it has the same issuer and was
    reported in this paragraph or the one before, else a new one. `text`: the document's text (the
    parsed text; spaCy rebuilds `Doc.text` from the tokens on every access)."""
    for draft in reversed(drafts):
        if draft.kind != "reported":
            break
        if draft.actor == actor and draft.speaker == speaker and para - draft.paragraph <= 1:
            draft.paragraph = para          # the next paragraph goes on reporting the same statement
            return draft
        break
    s = sent  # spaCy Span
    start, end = s.start_char, s.end_char  # type: ignore[attr-defined]
    full = text
    start, end = _trim(full, start, end)
    brk = full.rfind("\n\n", start, end)
    start, end = _trim(full, brk + 2 if brk >= 0 else start, end)
    evidence = Span.of(full, start, end)
    draft = _Draft(actor, speaker, evidence=evidence, channel_text=evidence.text, paragraph=para)
    drafts.append(draft)
    return draft


def _add_list(text: str, block: _Block, intro_start: int, intro_end: int, parsed: "Doc", resolver: _Resolver,
              drafts: list[_Draft], paragraphs: list[int], cueset: CueSet) -> None:
    intro_span = parsed.char_span(intro_start, intro_end, alignment_mode="expand")
    actor = speaker = None
    if intro_span is not None:
        for token in intro_span:
            subj = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
            if token.dep_ == "ROOT" and subj:
                found = resolver.at(subj[0].left_edge.idx, subj[0].right_edge.idx + len(subj[0].right_edge.text),
                                    subj[0].idx)
                if found != (None, None):
                    actor, speaker = found
    draft = _Draft(actor, speaker, kind="list", paragraph=_paragraph_of(paragraphs, block.start),
                   evidence=Span.of(text, intro_start, intro_end), channel_text=text[intro_start:intro_end])
    if actor is None and speaker is None:
        # "The statement gave three points:" continues the statement reported before it: the latest one the
        # text calls a statement, else the latest that is a declaration, else the latest reported speech
        reported = [d for d in reversed(drafts) if d.kind == "reported"]
        previous = next((d for d in reported if _CALLED_STATEMENT.search(d.channel_text)),
                        next((d for d in reported if is_declaration(d)), reported[0] if reported else None))
        if previous is not None:
            draft.actor, draft.speaker, draft.inherited = previous.actor, previous.speaker, True
            # the same release: its reporting sentence is this statement's evidence, not a point
            if all(not _is_quote(text, p) for p in previous.points):
                drafts.remove(previous)
                draft.evidence = previous.evidence
                draft.channel_text = previous.channel_text + " " + draft.channel_text
    intro_text = text[intro_start:intro_end]
    lent = next((label for label, pattern in cueset.list_intros if pattern.search(intro_text)), None)
    for start, end in block.items:
        point, targets = _make_point(text, start, end, cueset, None, lent, parsed=parsed)
        point.targets = targets
        draft.points.append(point)
    resolver.last_issuer = (draft.actor, draft.speaker)
    drafts.append(draft)


def _is_quote(text: str, point: Point) -> bool:
    return point.start > 0 and text[point.start - 1] in "“\"«"


_CALLED_STATEMENT = re.compile(
    r"\b(?:statements?|communiqu[eé]s?|declarations?|announcements?|press\s+releases?|bayan|proclamation|"
    r"manifesto|ultimatum|fatwa|audio\s+message|video\s+message|open\s+letter)\b", re.IGNORECASE)


def is_declaration(draft: "_Draft") -> bool:
    """Whether a recognised statement is kept: a communiqué, one with at least one labelled (not "other")
    point, or one the text itself calls a statement, communiqué, declaration or announcement. Ordinary
    news attributions ("the minister said the talks were positive") are not statements."""
    if draft.kind == "communique":
        return True
    if any(lab != "other" for p in draft.points for lab in p.labels):
        return True
    return bool(_CALLED_STATEMENT.search(draft.channel_text))


def _finish(doc: Document, drafts: list[_Draft], dates: list[DateMention], cueset: CueSet,
            mentions: list[_Mention], kb: "KnowledgeBase | None") -> list[Statement]:
    out = []
    for n, draft in enumerate(d for d in drafts if d.points and is_declaration(d)):
        allies = _allies(kb, draft.actor)
        for point in draft.points:
            point.targets = _targets(point, point.targets, mentions, doc.text, draft.actor, allies)
        channel = cueset.channel_of(draft.channel_text)
        if channel is None:
            channel = "statement" if draft.kind == "communique" else None
        out.append(Statement(id=f"{doc.id}-st{n + 1}", actor=draft.actor, speaker=draft.speaker, channel=channel,
                             date=_statement_date(doc, dates, draft.evidence),
                             points=draft.points, evidence=draft.evidence))
    return out


def _intro_lemma(verb: "Token") -> str:
    """The reporting verb's lemma as an intro: "call on" calls to action, "call for" demands."""
    lemma = verb.lemma_.lower()
    if lemma == "call":
        preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")}
        if preps & {"on", "upon"}:
            return "call"
        return "demand" if "for" in preps else "say"
    return lemma


def label_sentence(text: str, parsed: "Doc", cues: CueSet | None = None) -> tuple[list[str], list[str], list[str]]:
    """Labels, cues and group targets of one free-standing sentence or point (the evaluation uses this):
    its main verb, when it is a reporting verb, lends its label as in a reported statement."""
    cueset = cues or load_cues()
    intro = None
    for token in parsed:
        if token.dep_ == "ROOT":
            intro = _intro_lemma(token)
            break
    labelling = label_text(text, cueset, intro=intro, tokens=parsed[:])
    return labelling.labels, labelling.cues, labelling.targets
