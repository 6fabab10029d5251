"""Statements: who declared what, through which channel, split into labelled points.

Three shapes of statement are recognised, each point with exact offsets into the text:

1. **Lists** — bulleted or numbered points (•, -, *, "1.", "1)") introduced as a statement's
   content ("The statement gave three main points:"). A quoted bullet's point is the quotation
   without its quotation marks. A list whose introduction names no issuer ("The statement ...")
   belongs to the statement reported just before it (the same release), whose reporting
   sentence becomes the statement's evidence.
2. **Speech as news reports it** — quotations and their attributions ("...," he said), reported
   speech ("officials said ...", "..., X told Reuters"), a verb's own phrase ("denied reports of
   ..."), "according to X" and continued quotations, found by `speech.py`; the attribution is
   never part of a point. Any speaker counts ("officials", "a source in Sadr's office"), resolved
   to a person or actor where the text names one (`speakers.py`), but only in a document about
   conflict (`relevance.py`): a coach's or a chief executive's words are no conflict statement.
3. **Communiqués** — a document that is itself a statement (its title says so, or it opens with
   a formula, and it speaks as "we"): its paragraphs (or its list) are the points, the issuer is
   the actor its title or signature names.

Points are labelled from their content by the cues of `data/statements/cues.yaml` and the parse rules
of `syntax.py` (see `cues.py`), reported speech also by who speaks it (`syntax.Voice`); then the learned
labeller (`labeller.py`, the shipped model of `data/models/point_labels.npz`) joins its label to the
rules' as cross-validation on dev chose. The rules' labels alone decide how points are split and which
statement a list continues, so the model changes labels only, never which points are found.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...records import Actor, DateMention, Document, Person, Point, Span, Statement
from .cues import CueSet, label_text, load_cues
from .labeller import PROVENANCE, PointInput, PointLabeller, load_labeller
from .relevance import relevance
from .speakers import (Mention, Resolver, Sides, Speakers, Who, allies, discourse_starts, mentions_of,
                       paragraph_of, paragraph_starts)
from .speech import Speech, clause_pieces, find_speech, intro_lemma, sentence_pieces
from .syntax import (Voice, call_is_demand_on, calls_for_mobilisation, denial_context, names_or_contests,
                     urges_a_measure)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...knowledge import KnowledgeBase

_BULLET = re.compile(r"^[ \t]*(?:[•▪●◦·‣*\-–]|\(?\d{1,2}[.)])[ \t]+(?P<body>\S.*?)[ \t]*$", re.MULTILINE)
_LIST_INTRO = re.compile(
    r"\b(?:statement|communiqu[eé]|release|declaration|speech|address|points?|demands?|said|stated|announced|"
    r"declared|added|read|following|message|pledged|warned|called)\b[^\n]*:\s*$", re.IGNORECASE)
_QUOTED_BODY = re.compile(r"^[“\"«‘](?P<inner>.+?)[”\"»’][.,;]?$", re.DOTALL)
_COMMUNIQUE_TITLE = re.compile(
    r"\b(?:statement|communiqu[eé]|declaration|bayan|speech|message|announcement|proclamation|"
    r"press\s+release)\b", re.IGNORECASE)
_FORMULA = re.compile(r"^\s*(?:in\s+the\s+name\s+of\s+(?:god|allah)|bismillah|statement\s+(?:no\.?|number|issued|by|from|of))",
                      re.IGNORECASE)
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us|ourselves)\b", re.IGNORECASE)
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


# each point made, by id() (the point is kept with it, so the id stays its own), with what the labeller reads
_Inputs = dict[int, tuple[Point, PointInput]]


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
    key: str = ""                     # who the speaker is, for grouping points (see Who)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace, and trailing commas and dashes."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


_HEADING_END = re.compile(r"[\]\)]\W*$")


def _past_headings(text: str, start: int, end: int) -> tuple[int, int]:
    """Start a point past the lines of a page's furniture it opens with: a heading, a time stamp or a caption
    set on its own line before the sentence ("APPARENTLY SELF-RADICALIZED\nThen as now ...", "3:59 PM\nThe
    president ...", "[Obama condemns shooting]\n Obama noted ..."): a line with no lower-case letter or one that
    closes a bracket, followed by a line that opens with a capital. A line broken inside a sentence ("publicly
    and\nprivately") is kept."""
    while True:
        cut = text.find("\n", start, end)
        if cut < 0:
            return start, end
        line = text[start:cut].strip()
        rest_start, _ = _trim(text, cut + 1, end)
        if rest_start >= end or not text[rest_start].isupper():
            return start, end
        if line and (not any(c.islower() for c in line) or _HEADING_END.search(line)):
            start = rest_start
        else:
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


# --- shape 2: reported speech (found by speech.py) ---------------------------------------------
_TARGET_BEFORE = re.compile(
    r"\b(?:against|on|at|targeting|target|targets|strike|striking|strikes|attack|attacks|attacking|hit|hitting|"
    r"expel|expelling|expulsion\s+of|fight|fighting|punish)\s+(?:the\s+|all\s+|every\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE)


def _targets(point: Point, group_targets: list[str], mentions: list[Mention], text: str, issuer: str | None,
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


def _make_point(text: str, start: int, end: int, cues: CueSet, intro: str | None,
                intro_label: str | None = None, parsed: "Doc | None" = None,
                voice: Voice | None = None, *, kind: str, inputs: _Inputs) -> tuple[Point, list[str]]:
    start, end = _past_headings(text, start, end)
    tokens = parsed.char_span(start, end, alignment_mode="expand") if parsed is not None else None
    labelling = label_text(text[start:end], cues, intro=intro, intro_label=intro_label, tokens=tokens, voice=voice)
    point = Point(text=text[start:end], start=start, end=end, labels=labelling.labels, cues=labelling.cues)
    inputs[id(point)] = (point, PointInput(
        text=point.text, start=start, end=end, kind=kind, intro=intro, intro_label=intro_label,
        party=bool(voice and voice.party), armed_group=bool(voice and voice.armed_group),
        rule_labels=tuple(labelling.labels)))
    return point, labelling.targets


def _clause_points(text: str, piece: tuple[int, int], cues: CueSet, intro: str | None, parsed: "Doc",
                   voice: Voice, *, kind: str, inputs: _Inputs) -> list[tuple[Point, list[str]]]:
    """The points of one sentence: its coordinated clauses (`speech.clause_pieces`), unless a label of the
    whole sentence is read across them ("two men shot at officers, and they responded and shot the two":
    the attack told with the force that met it is a justification), when it stays one point."""
    whole = _make_point(text, piece[0], piece[1], cues, intro, parsed=parsed, voice=voice, kind=kind, inputs=inputs)
    clauses = clause_pieces(parsed, text, piece, cues.speech)
    if len(clauses) < 2:
        return [whole]
    parts = [_make_point(text, a, b, cues, _own_intro(parsed, a, cues) or intro, parsed=parsed, voice=voice,
                         kind=kind, inputs=inputs) for a, b in clauses]
    read = {lab for point, _ in parts for lab in point.labels}
    if set(whole[0].labels) - {"other"} - read:
        return [whole]
    return parts


# verbs that lay a charge on another: beside a denial, a point of their own and none of its reasons
_CHARGING = frozenset({"accuse", "blame", "charge", "condemn", "criticise", "criticize", "denounce"})


def _own_intro(parsed: "Doc", start: int, cues: CueSet) -> str | None:
    """The reporting verb a clause of a point opens with, when it introduces that clause itself: one that
    lends a label of its own ("... and called for talks", "... and vowed to retake the town") or lays a charge
    ("denied there had been deaths, and accused the rebels of ...": the charge is no denial); None for one
    that goes on with the first ("dismissed the claims and insisted that ...": the reasons of the denial)."""
    token = next((t for t in parsed if t.idx == start), None)
    if token is None or token.pos_ != "VERB" or token.lemma_.lower() not in cues.speech:
        return None
    lemma = intro_lemma(token)
    return lemma if lemma in cues.intro_verbs or lemma in _CHARGING else None


def _communique_issuer(doc: Document, mentions: list[Mention], paragraphs: list[int]) -> tuple[str | None, str | None]:
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
                       cues: CueSet | None = None, labeller: PointLabeller | None = None,
                       events: int = 0, news: Sequence[tuple[int, int]] = ()) -> list[Statement]:
    """Statements in a document (official releases, quoted and reported declarations, the document
    itself when it is a communiqué), each split into labelled points with exact offsets. `events` is how
    many events the document codes (relevance.py: a document with one needs fewer conflict words), `news`
    the evidence spans of those that are its news (a shooting told in one makes its words of a shooting count);
    `labeller` joins a learned label to the rules' (default: the shipped model, `labeller.RULES_ONLY`
    for the rules alone)."""
    cueset = cues or load_cues()
    labeller = labeller or load_labeller()
    inputs: _Inputs = {}
    text = doc.text
    mentions = mentions_of(actors, people)
    paragraphs = paragraph_starts(text)
    resolver = Resolver(mentions, {p.id: p for p in people}, text)
    blocks = _bullet_blocks(text)
    drafts: list[_Draft] = []

    if is_communique(doc):
        actor, speaker = _communique_issuer(doc, mentions, paragraphs)
        draft = _Draft(actor, speaker, kind="communique", channel_text=(doc.title or "") + " " + text[:300])
        for start, end in _communique_points(doc, paragraphs, blocks):
            point, targets = _make_point(text, start, end, cueset, None, parsed=parsed, kind="communique",
                                         inputs=inputs)
            draft.points.append(point)
            point.targets = targets
        if draft.points:
            first = draft.points[0]
            draft.evidence = Span.of(text, first.start, draft.points[-1].end)
            drafts.append(draft)
        return _finish(doc, drafts, dates, cueset, mentions, kb, _relabelled(drafts, inputs, labeller))

    list_blocks = []
    for block in blocks:
        intro_start, intro_end = _intro_before(text, block.start)
        intro = text[intro_start:intro_end]
        quoted = sum(1 for s, _ in block.items if s > 0 and text[s - 1] in "“\"«")
        if _LIST_INTRO.search(intro) or quoted * 2 > len(block.items):
            list_blocks.append((block, intro_start, intro_end))
    excluded = [(b.start, b.end) for b, _, _ in list_blocks]
    speech = [] if not relevance(parsed, actors, cueset.syntax, news).about_conflict_with(events) else \
        [sp for sp in find_speech(parsed, text, cueset.speech) if not any(s <= sp.verb_start < e for s, e in excluded)]
    items: list[tuple[int, str, object]] = [(b.start, "list", (b, s, e)) for b, s, e in list_blocks]
    items += [(sp.spans[0][0], "speech", sp) for sp in speech]
    items.sort(key=lambda x: x[0])
    sides = Sides(actors, people, kb)
    told = discourse_starts(text)                     # furniture paragraphs left out of the distances back
    speakers = Speakers(resolver, told, sides.kind)
    for _, kind, payload in items:
        if kind == "list":
            block, intro_start, intro_end = payload  # type: ignore[misc]
            _add_list(text, block, intro_start, intro_end, parsed, resolver, drafts, told, cueset, inputs)
            continue
        sp: Speech = payload  # type: ignore[assignment]
        who = speakers.resolve(text, sp, aside=_told_aside(parsed, sp, speech))
        para = paragraph_of(told, sp.sentence[0])
        draft = _attach(drafts, who, para, sp.sentence, text=text)
        voice = sides.voice(text, who, sp.subject, reported=sp.kind not in ("quote", "continuation"))
        intro = _intro(parsed, sp, cueset, voice)
        for piece in (piece for span in sp.spans for piece in sentence_pieces(parsed, text, span)):
            for point, targets in _clause_points(text, piece, cueset, intro, parsed, voice, kind=sp.kind,
                                                 inputs=inputs):
                if any(p.start == point.start and p.end == point.end for d in drafts for p in d.points):
                    continue
                point.targets = targets
                draft.points.append(point)
    drafts = [d for d in drafts if d.points]
    return _finish(doc, drafts, dates, cueset, mentions, kb, _relabelled(drafts, inputs, labeller))


def _verb_token(parsed: "Doc", sp: Speech) -> "Token | None":
    """The token of an utterance's reporting verb (the one that starts at `sp.verb_start`), found by offset."""
    span = parsed.char_span(sp.verb_start, sp.verb_start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == sp.verb_start else None


def _told_aside(parsed: "Doc", sp: Speech, speech: list[Speech]) -> bool:
    """Whether an utterance's reporting verb stands below another reporting verb of its sentence ("X told a
    conference, moments after Y said ..."): Y's words are an aside to X's (see `Speakers.resolve`)."""
    others = {s.verb_start for s in speech if s.sentence == sp.sentence and s.verb_start != sp.verb_start}
    verb = _verb_token(parsed, sp) if others else None
    return verb is not None and any(a.idx in others for a in verb.ancestors)


def _relabelled(drafts: list[_Draft], inputs: _Inputs, labeller: PointLabeller) -> dict[int, tuple[list[str], bool]]:
    """The labeller's labels of the points kept (one batch for the document), by id()."""
    kept = [id(p) for d in drafts for p in d.points if id(p) in inputs]
    labelled = labeller.label([inputs[key][1] for key in kept])
    return dict(zip(kept, labelled))


def _intro(parsed: "Doc", sp: Speech, cues: CueSet, voice: Voice) -> str | None:
    """The reporting verb as it introduces its points: a call made on another party is a demand, whether its
    words are quoted or reported ('called on both sides "to respect the ceasefire"'; see
    `syntax.call_is_demand_on`); "according to" introduces nothing."""
    if sp.kind == "according":
        return None
    if sp.kind == "continuation" and cues.intro_verbs.get(sp.intro) in ("call_to_action", "demand"):
        return None                             # 'urged security to "get them out." "Isn't this better?"': the
        # call was the verb's own object; a quotation after it goes on with words of its own
    if sp.intro in cues.intro_verbs:
        verb = _verb_token(parsed, sp)
        if verb is not None and any(c.dep_ == "neg" for c in verb.children):
            return None                         # "did not dispute the account", "did not call for": nothing lent
    if cues.syntax and sp.intro not in cues.intro_verbs:
        # "rejected claims that ...", "denied ..., saying ...": what it introduces denies a report
        verb = _verb_token(parsed, sp)
        if verb is not None and denial_context(verb, cues.syntax):
            return "deny"
    if sp.intro == "demand" and cues.syntax:
        verb = _verb_token(parsed, sp)
        if verb is not None and calls_for_mobilisation(verb, cues.syntax):
            return "call"                       # "called for a general strike": a call to mobilise, no demand
    if cues.intro_verbs.get(sp.intro) == "call_to_action" and cues.syntax:
        verb = _verb_token(parsed, sp)
        if verb is not None and names_or_contests(verb):
            return None                         # "what it called 'terrorist content'": a name, no call
        if verb is not None and (call_is_demand_on(verb, cues.syntax, voice) or urges_a_measure(verb, cues.syntax)):
            return "demand"                     # "urged Moscow to stop bombing", "urged restraint": asked of a party
    return sp.intro


def _attach(drafts: list[_Draft], who: Who, para: int, sentence: tuple[int, int], *, text: str) -> _Draft:
    """The statement a reported point belongs to: the latest one if it has the same speaker and was
    reported in this paragraph or the one before, else a new one whose evidence is the attribution
    sentence. `text`: the document's text (spaCy rebuilds `Doc.text` from the tokens on every access)."""
    if drafts:
        last = drafts[-1]
        if last.kind == "reported" and last.key == who.key and para - last.paragraph <= 1:
            last.paragraph = para          # the next paragraph goes on reporting the same statement
            return last
    start, end = _trim(text, *sentence)
    brk = text.rfind("\n\n", start, end)
    start, end = _trim(text, brk + 2 if brk >= 0 else start, end)
    evidence = Span.of(text, start, end)
    draft = _Draft(who.actor, who.person, evidence=evidence, channel_text=evidence.text, paragraph=para, key=who.key)
    drafts.append(draft)
    return draft


def _add_list(text: str, block: _Block, intro_start: int, intro_end: int, parsed: "Doc", resolver: Resolver,
              drafts: list[_Draft], paragraphs: list[int], cueset: CueSet, inputs: _Inputs) -> None:
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
    draft = _Draft(actor, speaker, kind="list", paragraph=paragraph_of(paragraphs, block.start),
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
        point, targets = _make_point(text, start, end, cueset, None, lent, parsed=parsed, kind="list", inputs=inputs)
        point.targets = targets
        draft.points.append(point)
    drafts.append(draft)


def _is_quote(text: str, point: Point) -> bool:
    return point.start > 0 and text[point.start - 1] in "“\"«"


_CALLED_STATEMENT = re.compile(
    r"\b(?:statements?|communiqu[eé]s?|declarations?|announcements?|press\s+releases?|bayan|proclamation|"
    r"manifesto|ultimatum|fatwa|audio\s+message|video\s+message|open\s+letter)\b", re.IGNORECASE)


def is_declaration(draft: "_Draft") -> bool:
    """Whether a statement is a declaration (the release an unattributed list continues): a communiqué,
    one with at least one labelled (not "other") point, or one the text itself calls a statement,
    communiqué, declaration or announcement, not an ordinary remark ("the minister said the talks were
    positive")."""
    if draft.kind == "communique":
        return True
    if any(lab != "other" for p in draft.points for lab in p.labels):
        return True
    return bool(_CALLED_STATEMENT.search(draft.channel_text))


def _finish(doc: Document, drafts: list[_Draft], dates: list[DateMention], cueset: CueSet,
            mentions: list[Mention], kb: "KnowledgeBase | None",
            relabelled: dict[int, tuple[list[str], bool]]) -> list[Statement]:
    out = []
    for n, draft in enumerate(d for d in drafts if d.points):
        friends = allies(kb, draft.actor)
        for point in draft.points:
            if id(point) in relabelled:
                point.labels, by_model = relabelled[id(point)]
                if by_model and PROVENANCE not in point.cues:
                    point.cues.append(PROVENANCE)
            point.targets = _targets(point, point.targets, mentions, doc.text, draft.actor, friends)
        channel = cueset.channel_of(draft.channel_text)
        if channel is None:
            channel = "statement" if draft.kind == "communique" else None
        out.append(Statement(id=f"{doc.id}-st{n + 1}", actor=draft.actor, speaker=draft.speaker, channel=channel,
                             date=_statement_date(doc, dates, draft.evidence),
                             points=draft.points, evidence=draft.evidence))
    return out


def label_sentence(text: str, parsed: "Doc", cues: CueSet | None = None) -> tuple[list[str], list[str], list[str]]:
    """Labels, cues and group targets of one free-standing sentence or point (the evaluation uses this):
    its main verb, when it is a reporting verb, lends its label as in a reported statement; negated, nothing
    ("does not deny that ...", as a reported statement's verb)."""
    cueset = cues or load_cues()
    intro = None
    for token in parsed:
        if token.dep_ == "ROOT":
            intro = None if any(c.dep_ == "neg" for c in token.children) else intro_lemma(token)
            break
    labelling = label_text(text, cueset, intro=intro, tokens=parsed[:])
    return labelling.labels, labelling.cues, labelling.targets
