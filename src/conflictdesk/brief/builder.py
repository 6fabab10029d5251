"""`build_brief`: an analyst's brief of one document from its extraction, the knowledge base and
(optionally) the store — What to Know, The Statement, What Does this Mean?, Named in the Text.

Nothing is invented: every sentence is built from extracted records (with the document offsets
they rest on), knowledge-base facts (with their sources) or stored records (with the offsets of
their evidence in their own documents). Only the statements and events of the reporting period
lead; what the document recalls goes to What Does this Mean? (see `timing.py`). The reader's text
carries no internal id: labels are stated once (The Statement), cue and rule ids go to the
evidence appendix (`Brief.evidence`).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from ..records import Document, Event, Extraction, Point, Statement
from . import context
from .context import doc_cite
from .model import Brief, BriefPoint, BriefStatement, EvidenceEntry, Section, Sentence
from .timing import is_current_event, split_statements, statement_span
from .wording import (Names, article, dateline_length, join, labels_phrase, number_word, possessive,
                      sentence_case, sentence_spans)

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..store import Store

MAX_CONTEXT_ACTORS = 2
GENERIC_TYPES = frozenset({"civilian_group", "unidentified_armed_group", "protesters", "rioters", "other"})
_REPORTING = re.compile(r"\b(?:said|says|told|tells|announced|stated|declared|warned|added|claimed|denied|"
                        r"threatened|vowed|urged|called|insisted|pledged)\b")
_ATTRIBUTION_ONLY = re.compile(r"^\W*(?:told|tells|said|says|according)\b(?:\s+(?:to|in|on|at|the|a|an|reporters|"
                               r"journalists|[A-Z][\w'.-]*)){0,5}\W*$")
_BYLINE = re.compile(r"^(?:By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,4}\b|Photo\b|Credit\b)")
_NOUN_PHRASE_WORDS = frozenset({"the", "of", "for", "by", "to", "from", "with", "and", "a", "an", "in", "on", "its",
                                "their", "'s"})


LEAD_SEARCH_CHARS = 1000


def lead_sentence(text: str, *, min_words: int = 8) -> tuple[int, int] | None:
    """Offsets of the document's lead: the first sentence that opens on a wire dateline ("MANILA — ...",
    after a photo caption or a byline) within the first `LEAD_SEARCH_CHARS` characters, else its first
    full sentence of at least `min_words` words that is not a byline; the dateline itself left out."""
    spans = [(a, b) for a, b in sentence_spans(text) if not _BYLINE.match(text[a:b])]
    for start, end in spans:
        if start >= LEAD_SEARCH_CHARS:
            break
        skip = dateline_length(text[start:end])
        if skip and len(text[start + skip:end].split()) >= min_words and not text[start:end].endswith(":"):
            return start + skip, end
    for start, end in spans:
        body = text[start:end]
        if len(body.split()) >= min_words and not body.endswith(":"):
            return start + dateline_length(body), end
    return None


TITLE_WORDS = 14


def display_title(doc: Document) -> str:
    """The document's title, else the opening words of its lead sentence (its own words, shortened)."""
    if doc.title:
        return doc.title
    lead = lead_sentence(doc.text)
    if lead is None:
        return doc.id
    words = doc.text[lead[0]:lead[1]].split()
    return " ".join(words[:TITLE_WORDS]).rstrip(",;:") + ("…" if len(words) > TITLE_WORDS else "")


def _quoted(text: str) -> str:
    """A document's sentence as quoted by the brief: on one line, without its dateline ("MOSUL, Iraq - ")."""
    return " ".join(text[dateline_length(text):].split())


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3}(?:spokes(?:man|woman|person)|leader|commander|chief|"
                          r"minister|official|president|head|emir|secretary-general|envoy))\s+$")


def issuer(st: Statement, names: Names, text: str = "") -> str:
    """Who issued the statement: its actor, else its speaker (with the actor and role the records or the text
    `text` give them: "Taliban spokesman Zabihullah Mujahid"), else the words the text uses for the speaker
    ("A senior cleric"), else "An unnamed speaker"."""
    if st.actor:
        return names.actor(st.actor)
    person = names.person(st.speaker)
    if person:
        role = names.role(st.speaker, st.date or names.on)
        if role:
            return f"{names.actor(role[1])} {_title_case(role[0])} {person}"
        found = names.people.get(st.speaker or "")
        span = statement_span(st)
        for m in (found.mentions if found is not None and span else []):
            if span[0] <= m.start < span[1]:                  # type: ignore[index]
                before = _ROLE_BEFORE.search(text[max(0, m.start - 60):m.start])
                if before:                                   # "Taliban spokesman Zabihullah Mujahid"
                    return f"{before.group(1)} {person}"
        return person
    if st.evidence is not None:
        m = _REPORTING.search(st.evidence.text)
        if m:
            phrase = re.split(r"[,;:—–(]\s*", st.evidence.text[:m.start()].strip())[-1].strip()
            if 1 <= len(phrase.split()) <= 8 and not phrase.startswith(("“", '"')):
                return sentence_case(phrase)
    return "An unnamed speaker"


_COMMON_OPENINGS = frozenset("""a an the one two three four several some many local state senior security military police
government rebel rebels witnesses residents officials sources medical hospital""".split())


def _mid_sentence(phrase: str) -> str:
    """A speaker phrase as it reads inside a sentence: "Local officials" -> "local officials" (names keep
    their capitals)."""
    first = phrase.split(" ", 1)[0]
    return phrase[:1].lower() + phrase[1:] if first.lower() in _COMMON_OPENINGS else phrase


def _title_case(role: str) -> str:
    """A role as it reads before a name: "spokesman", "Secretary-General" (titles keep their capitals)."""
    return role if any(c.isupper() for c in role[1:]) else role.lower()


_OTHER_SUBJECT = re.compile(r"(?:,\s*|\b)(?:and|while|but|as)\s+(?:a|an|the|its|their)?\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}"
                            r"\s*$")


def reader_points(st: Statement, text: str) -> list[Point]:
    """The statement's points an editor keeps: not an attribution phrase ("told Reuters on Friday"), and
    not reported speech that another subject introduces ("..., and a monitoring group said at least 20
    people were killed": the monitor's words, not the issuer's)."""
    out = []
    for p in st.points:
        if _ATTRIBUTION_ONLY.match(p.text):
            continue
        if p.text[:1].islower() and _OTHER_SUBJECT.search(text[max(0, p.start - 60):p.start]):
            continue
        out.append(p)
    return out


# --- What to Know ---------------------------------------------------------------------------
def _first_mention_in(names: Names, actor_id: str | None, start: int, end: int) -> int | None:
    actor = names.actors.get(actor_id or "")
    if actor is None:
        return None
    inside = [m.start for m in actor.mentions if start <= m.start < end]
    return min(inside) if inside else None


MAX_LEAD_SENTENCES = 2
MAX_REPORTED_POINTS = 2


def _what_to_know(ex: Extraction, names: Names, current: list[Statement]) -> Section:
    """The lead: the news of the reporting period in at most two sentences, in the document's order — a
    current statement as the text introduces it, the main news quoted and attributed to the source — then
    what a current statement announced, in reported speech."""
    doc = ex.document
    section = Section("what_to_know", "What to Know")
    who = doc.source or "The document"
    candidates: list[tuple[int, int, Sentence]] = []
    for st in current:
        if st.evidence is None or not any(lab != "other" for p in st.points for lab in p.labels) \
                and st.channel is None:
            continue
        start = _first_mention_in(names, st.actor, st.evidence.start, st.evidence.end)
        before = doc.text[st.evidence.start:start].split() if start is not None else []
        if before and before[-1].lower() in _NOUN_PHRASE_WORDS:
            start = st.evidence.start        # "the spokesman for the Houthis, said": keep the whole sentence
        if start is not None and st.evidence.end - start > 20:
            text = doc.text[start:st.evidence.end].strip()
            cite = doc_cite(doc.id, start, start + len(text), doc.text)
            candidates.append((start, st.evidence.end, Sentence(" ".join(text.split()), [cite])))
            break
    for ev in (e for e in ex.events if is_current_event(e, ex)):
        span = (ev.evidence.start, ev.evidence.end)
        if not any(_overlaps(span, c[:2]) for c in candidates):
            candidates.append((*span, Sentence(f"{who} reports: “{_quoted(ev.evidence.text)}”",
                                               [doc_cite(doc.id, *span, doc.text)])))
    candidates.sort(key=lambda c: c[0])
    if candidates and candidates[0][0] > 0:
        lead = lead_sentence(doc.text)       # the document's own lead comes first when it is news we hold
        if lead is not None and not any(_overlaps(lead, c[:2]) for c in candidates) and \
                any(_overlaps(lead, (e.evidence.start, e.evidence.end)) for e in ex.events if e.salience == "main"):
            candidates.insert(0, (*lead, Sentence(f"{who} reports: “{_quoted(doc.text[lead[0]:lead[1]])}”",
                                                  [doc_cite(doc.id, *lead, doc.text)])))
    chosen = candidates[:MAX_LEAD_SENTENCES]
    if not chosen:
        lead = lead_sentence(doc.text)
        if lead is not None:
            chosen = [(*lead, Sentence(f"{who} reports: “{_quoted(doc.text[lead[0]:lead[1]])}”",
                                       [doc_cite(doc.id, *lead, doc.text)]))]
    section.sentences += [c[2] for c in chosen]
    covered = [c[:2] for c in chosen]
    reported = 0
    for st in current:
        for point in reader_points(st, doc.text):
            if reported >= MAX_REPORTED_POINTS or point.labels == ["other"] or \
                    any(_overlaps((point.start, point.end), c) for c in covered):
                continue
            if point.start > 0 and doc.text[point.start - 1] in "“\"«":
                continue
            if re.match(r"^[a-z]+ed\b", point.text):    # reported speech: "announced a full resumption ..."
                section.sentences.append(Sentence(f"{issuer(st, names, doc.text)} {point.text.rstrip('.')}.",
                                                  [doc_cite(doc.id, point.start, point.end, doc.text)]))
                covered.append((point.start, point.end))
                reported += 1
    return section


# --- The Statement --------------------------------------------------------------------------
def _statement_heading(st: Statement, points: list[Point], ex: Extraction, names: Names) -> Sentence:
    text = issuer(st, names, ex.document.text)
    speaker = names.person(st.speaker) if st.actor else None      # without an actor, the issuer is the speaker
    role = names.people[st.speaker].role if st.speaker and st.speaker in names.people else None
    if speaker:
        text += f", through {speaker}" + (f" ({role})" if role else "")
    text += f", in {article(st.channel)}" if st.channel else ""
    if st.date:
        text += f", {st.date.isoformat()}"
    n = len(points)
    text += f": {number_word(n)} point{'s' if n != 1 else ''}"
    span = statement_span(st)
    return Sentence(text, [doc_cite(ex.document.id, *span, ex.document.text)] if span else [])


MAX_STATEMENTS = 6


def _labelled(st: Statement, text: str) -> bool:
    return any(lab != "other" for p in reader_points(st, text) for lab in p.labels)


def shown_statements(current: list[Statement], text: str) -> list[Statement]:
    """The current statements The Statement quotes: those with a labelled point (a threat, a call, a claim,
    a denial, ...), at most `MAX_STATEMENTS`; when none is labelled, the first three with points."""
    labelled = [st for st in current if _labelled(st, text)]
    if labelled:
        return labelled[:MAX_STATEMENTS]
    return [st for st in current if reader_points(st, text)][:3]


def _the_statement(ex: Extraction, names: Names, current: list[Statement], recalled: list[Statement]) -> Section:
    """Each shown statement with its points quoted and their labels (stated here, once); the other voices the
    article quotes named in one sentence."""
    section = Section("the_statement", "The Statement")
    doc = ex.document
    shown = shown_statements(current, doc.text)
    for st in shown:
        points = reader_points(st, doc.text)
        bs = BriefStatement(st.id, _statement_heading(st, points, ex, names))
        for i, p in enumerate(points, 1):
            reported = p.text[:1].islower() and doc.text[max(0, p.start - 1):p.start] not in "“\"«"
            bs.points.append(BriefPoint(i, p.text, p.start, p.end, list(p.labels), list(p.cues),
                                        names.targets(p.targets), doc_cite(doc.id, p.start, p.end, doc.text),
                                        reported))
        section.statements.append(bs)
    others = [st for st in current if st not in shown and reader_points(st, doc.text)]
    if others:
        first: dict[str, Statement] = {}
        for st in others:
            first.setdefault(issuer(st, names, doc.text), st)
        voices = [_mid_sentence(v) for v in first]
        spans = [statement_span(st) for st in first.values()]
        n = len(others)
        section.after.append(Sentence(
            f"The article also quotes {join(voices)} ({number_word(n)} statement{'s' if n != 1 else ''} with no "
            "threat, call, claim, denial or other labelled point).",
            [doc_cite(doc.id, *span, doc.text) for span in spans if span]))
    if not section.statements:
        text = "No statement of the reporting period was recognised in this document"
        text += "; the statements it recalls are in What Does this Mean?." if recalled else "."
        section.sentences.append(Sentence(text, []))
    return section


# --- What Does this Mean? -------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, tuple[str, Any]]:
    from ..extract.statements.cues import load_cues

    return {c.id: (c.label, c.pattern) for c in load_cues().cues}


_CLAUSE = re.compile(r"[^,;:.!?—–]+")
MAX_PHRASE_WORDS = 10


def cue_phrases(text: str, cue_ids: list[str]) -> list[tuple[int, str]]:
    """The words of `text` that fired the point's threat, incitement, restraint, claim, denial or demand cues,
    widened to their clause when it is short: (offset in `text`, phrase), in text order, overlaps merged.
    Cues negated, described by a third party or found by syntax are left out."""
    patterns = _cue_patterns()
    found: list[tuple[int, int]] = []
    for cue_id in cue_ids:
        label, pattern = patterns.get(cue_id, (None, None))
        if label not in context.WATCHED_LABELS or label == "call_to_action":
            continue
        m = pattern.search(text)
        if m is None or not m.group(0).strip():
            continue
        start, end = m.start(), m.end()
        for clause in _CLAUSE.finditer(text):
            if clause.start() <= start and end <= clause.end() and len(clause.group(0).split()) <= MAX_PHRASE_WORDS:
                start, end = clause.start(), clause.end()
        found.append((start, end))
    merged: list[list[int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out = []
    for start, end in merged:
        phrase = re.sub(r"^(?:and|but|or|to)\s+", "", " ".join(text[start:end].split()))
        out.append((start, phrase))
    return out


def _lull(ex: Extraction) -> tuple[int, int] | None:
    """The first background sentence the document gives of a pause: a negated background event, or a
    background sentence that names a pause, suspension, halt or truce."""
    for ev in ex.events:
        if ev.salience == "background" and (ev.status == "negated" or _PAUSE.search(ev.evidence.text)):
            return ev.evidence.start, ev.evidence.end
    return None


_PAUSE = re.compile(r"\b(?:pause[sd]?|suspen(?:d|ded|sion)|halt(?:ed)?|truce|lull|ceasefire|cease-fire)\b", re.I)


MAX_NEW_STATEMENTS = 3
_BARE_LABEL = re.compile(r"^(?:claim(?:ed|s)? responsibility|den(?:ied|ies|y)(?: responsibility| involvement)?|"
                         r"threat(?:en(?:ed|s)?)?|warn(?:ed|s)?|vow(?:ed|s)?)(?: for the (?:attack|bombing))?$", re.I)


def _own_words(st: Statement) -> tuple[list[str], list[Any]]:
    """A statement's wording that carries its threat, incitement, restraint, claim, denial or demand, and
    the points it comes from; a bare label verb ("claimed responsibility") is not wording."""
    phrases: list[tuple[int, str]] = []
    points = []
    for p in st.points:
        found = [(p.start + offset, re.sub(r"^(?:said|says|added)(?: that)?\s+", "", phrase))
                 for offset, phrase in cue_phrases(p.text, p.cues)]
        found = [(o, ph) for o, ph in found if not _BARE_LABEL.match(ph) and len(ph.split()) > 1]
        if found:
            phrases += found
            points.append(p)
    return [ph for _, ph in sorted(phrases)], points


def _what_is_new(current: list[Statement], ex: Extraction, names: Names) -> Sentence | None:
    """The current statements' own words against the record (one sentence); when one threatens after a pause
    the document records, that is said first."""
    doc = ex.document
    parts, cites = [], []
    threat_after_lull = None
    for st in current:
        phrases, points = _own_words(st)
        if not phrases:
            continue
        if len(parts) == MAX_NEW_STATEMENTS:
            break
        quoted = join([f"“{phrase}”" for phrase in phrases])
        parts.append(f"{possessive(issuer(st, names, doc.text))} statement says {quoted}")
        cites += [doc_cite(doc.id, p.start, p.end, doc.text) for p in points]
        if threat_after_lull is None and any("threat" in p.labels for p in st.points):
            threat_after_lull = _lull(ex)
    if not parts:
        return None
    if threat_after_lull is not None and len(parts) == 1:
        after = " statement comes after the pause in attacks the article records, and says "
        return Sentence(parts[0].replace(" statement says ", after, 1) + ".",
                        [doc_cite(doc.id, *threat_after_lull, doc.text), *cites], group=context.NEW)
    return Sentence(f"Against this record, {'; '.join(parts)}.", cites, group=context.NEW)


def _context_actors(ex: Extraction, names: Names, kb: "KnowledgeBase | None", current: list[Statement]) -> list[str]:
    """The actors whose record matters: the issuers of current statements (or their speakers' groups), else
    the named non-state actors of the current events (a state's record in the news is every story about it)."""
    out: list[str] = []
    for st in current:
        role = names.role(st.speaker, st.date or names.on) if st.actor is None else None
        actor_id = st.actor or (role[1] if role else None)
        if actor_id and actor_id not in out:
            out.append(actor_id)
    if not out:
        for ev in (e for e in ex.events if is_current_event(e, ex)):
            for actor_id in (ev.actor1, ev.actor2):
                if actor_id and actor_id not in out and not _generic(actor_id, kb, names) \
                        and not context.is_state(actor_id, kb, names):
                    out.append(actor_id)
    return out[:MAX_CONTEXT_ACTORS]


def _generic(actor_id: str, kb: "KnowledgeBase | None", names: Names) -> bool:
    if kb is not None and actor_id in kb.actors:
        return kb.actors[actor_id].type in GENERIC_TYPES
    actor = names.actors.get(actor_id)
    return actor is None or actor.type in GENERIC_TYPES or not actor.known


def _what_it_means(ex: Extraction, names: Names, kb: "KnowledgeBase | None", store: "Store | None",
                   current: list[Statement], recalled: list[Statement]) -> Section:
    doc = ex.document
    on = doc.published or dt.date.today()
    section = Section("what_does_this_mean", "What Does this Mean?")
    sentences = context.article_record(ex, recalled)
    actors = _context_actors(ex, names, kb, current)
    if store is not None:
        for actor_id in actors:
            sentences.append(context.store_events(actor_id, ex, store, names))
            for coalition in context.coalitions(actor_id, kb, on):
                sentences.append(context.store_events(coalition, ex, store, names))
        for st in current:
            sentences += context.store_statements(st, ex, store, names, names.targets)
    if kb is not None:
        for actor_id in actors:
            sentences += [s for s in (context.kb_affiliations(actor_id, kb, on), context.kb_leaders(actor_id, kb, on))
                          if s is not None]
    record = bool(sentences)                  # the article's account or the store's record
    new = _what_is_new(current, ex, names) if record else None
    if new is not None:
        sentences.append(new)
    items: list[str] = []
    cites = []
    for st in current:
        state = st.actor is not None and context.is_state(st.actor, kb, names)
        found = context.watch_items(st, names, names.targets, who=issuer(st, names, doc.text), state=state)
        items += [i for i in found if i not in items]
        if found:
            cites += [doc_cite(doc.id, p.start, p.end, doc.text) for p in st.points
                      if any(lab in context.WATCHED_LABELS for lab in p.labels)]
    if items:
        sentences.append(Sentence(sentence_case("; ".join(items)) + ".", list(dict.fromkeys(cites)),
                                  group=context.WATCH))
    order = [context.ARTICLE, context.STORE, context.KB, context.NEW, context.WATCH]
    section.sentences = sorted(sentences, key=lambda s: order.index(s.group) if s.group in order else len(order))
    if not section.sentences:
        section.sentences.append(Sentence("The document gives no background, and neither the knowledge base nor "
                                          "the store holds context on its actors.", []))
    return section


# --- Named in the Text, evidence ------------------------------------------------------------
def _named(ex: Extraction, names: Names) -> Section:
    """A compact footer: the actors and places the text names, each cited at its first mention."""
    doc = ex.document
    section = Section("named", "Named in the Text")
    named = [a for a in ex.actors if a.mentions][:10]
    if named:
        section.sentences.append(Sentence(
            "Actors: " + ", ".join(names.actor(a.id) for a in named) + ".",
            [doc_cite(doc.id, a.mentions[0].start, a.mentions[0].end, doc.text) for a in named]))
    places: dict[str, Any] = {}
    for pl in ex.places:
        label = pl.name + (f" ({pl.country})" if pl.country and pl.country != pl.name else "")
        places.setdefault(label, pl.span)
    if places:
        shown = list(places.items())[:8]
        section.sentences.append(Sentence("Places: " + ", ".join(k for k, _ in shown) + ".",
                                          [doc_cite(doc.id, s.start, s.end, doc.text) for _, s in shown]))
    return section


def _event_summary(ev: Event) -> str:
    return f"{ev.event_type} / {ev.sub_event_type} ({ev.salience}, {ev.status})"


def _evidence(ex: Extraction, names: Names, current: list[Statement],
              recalled: list[Statement]) -> list[EvidenceEntry]:
    """The appendix: each point with its labels and cue ids, each event with its coding and rule."""
    doc = ex.document
    out = []
    for kind, statements in (("point", current), ("recalled point", recalled)):
        for st in statements:
            for i, p in enumerate(st.points, 1):
                labels = labels_phrase(p.labels, names.targets(p.targets)) or "other"
                out.append(EvidenceEntry(kind, f"{st.id} #{i}", labels, list(p.cues),
                                         doc_cite(doc.id, p.start, p.end, doc.text)))
    for ev in ex.events:
        out.append(EvidenceEntry("event", ev.id, _event_summary(ev), [ev.rule] if ev.rule else [],
                                 doc_cite(doc.id, ev.evidence.start, ev.evidence.end, doc.text)))
    return out


def build_brief(extraction: Extraction, *, kb: "KnowledgeBase | None", store: "Store | None" = None) -> Brief:
    """The brief of one document's extraction (deterministic: the same inputs give the same brief)."""
    doc = extraction.document
    names = Names(extraction, kb)
    current, recalled = split_statements(extraction)
    brief = Brief(document_id=doc.id, title=display_title(doc), published=doc.published, source=doc.source, url=doc.url,
                  store_consulted=store is not None)
    brief.sections.append(_what_to_know(extraction, names, current))
    brief.sections.append(_the_statement(extraction, names, current, recalled))
    brief.sections.append(_what_it_means(extraction, names, kb, store, current, recalled))
    footer = _named(extraction, names)
    if footer.sentences:
        brief.sections.append(footer)
    brief.evidence = _evidence(extraction, names, current, recalled)
    return brief
