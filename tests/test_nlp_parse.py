"""Long texts (`nlp/parse.py`): parsed in parts with every offset kept, or refused with E406; a
text the pipeline refuses costs only itself.

The reports are short news paragraphs written for these tests; the long texts pad them with a few
long paragraphs of long made-up words, which the pipeline parses quickly (few tokens per character).
"""
from __future__ import annotations

import pytest

from conflictdesk.errors import ConflictDeskError, ExtractionError, TextTooLongError
from conflictdesk.extract.pipeline import extract_document, extract_documents
from conflictdesk.nlp.parse import MAX_CHARS, parse_text, parse_texts, split_text
from conflictdesk.records import Document, Extraction, Failure

OPENING = ("Gunmen killed five soldiers and wounded three others in an attack on an army checkpoint near Arish in "
           "Egypt's North Sinai province on Sunday, security sources said. Militants fired rockets at a police station in "
           "the town later that day, wounding two policemen.")
CLOSING = ("Thousands of people protested in the Lebanese capital Beirut on Saturday against the government, and "
           "police fired tear gas to disperse demonstrators who threw stones near parliament. Protesters clashed with riot "
           "police in the city again on Sunday.")


def padding(chars: int) -> str:
    """Paragraphs of 90,000 characters of long made-up words, about `chars` characters in all: one
    sentence each, so that the reports' sentences are not drowned (the events stage reads a text
    whose sentences rarely tell of conflict as not about conflict)."""
    paragraph = " ".join(["quorvalentisk" * 5] * (90_000 // 66))
    return "\n\n".join([paragraph] * (chars // (len(paragraph) + 2) + 1))


def long_text(chars: int) -> str:
    return OPENING + "\n\n" + padding(chars) + "\n\n" + CLOSING


def test_split_text_cuts_at_paragraph_breaks_and_rejoins_exactly():
    text = "\n\n".join(f"Paragraph {i} says something. It has two sentences." for i in range(200))
    parts = split_text(text, 500)
    assert "".join(parts) == text
    assert all(len(p) <= 500 for p in parts) and len(parts) > 10
    assert all(p.endswith("\n\n") for p in parts[:-1])
    # no paragraph break in reach: a sentence end, then a space, then (only then) a hard cut
    assert split_text("One sentence here. Another one follows", 25) == ["One sentence here. ", "Another one follows"]
    assert split_text("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_a_long_text_is_parsed_in_parts_with_the_text_unchanged(nlp):
    text = "\n\n".join([OPENING, CLOSING] * 40)
    whole = nlp(text)
    parsed = parse_text(nlp, text, part_chars=2_000)
    assert parsed.text == text
    assert [(t.idx, t.text) for t in parsed] == [(t.idx, t.text) for t in whole]
    assert [(s.start_char, s.end_char) for s in parsed.sents] == [(s.start_char, s.end_char) for s in whole.sents]
    assert [(e.start_char, e.text) for e in parsed.ents] == [(e.start_char, e.text) for e in whole.ents]


def test_a_text_over_spacys_limit_is_extracted_with_valid_offsets(nlp, kb):
    text = long_text(1_100_000)
    assert nlp.max_length < len(text) <= MAX_CHARS
    doc = Document(id="long", text=text, language="en", origin="tests/long")
    extraction = extract_document(doc, nlp=nlp, kb=kb)
    spans = [ev.evidence for ev in extraction.events] + [m for a in extraction.actors for m in a.mentions]
    assert spans and all(text[s.start:s.end] == s.text for s in spans)
    assert any(s.start < 200 for s in spans) and any(s.start > 1_000_000 for s in spans), \
        "both reports, at the start and past the first million characters, are read"
    assert any(ev.evidence.start > 1_000_000 and "protested" in ev.evidence.text for ev in extraction.events)


def test_a_text_over_the_bound_is_refused_with_e406_and_the_batch_goes_on(nlp, kb):
    docs = [Document(id="a", text=OPENING, language="en", origin="tests/a"),
            Document(id="huge", text=long_text(MAX_CHARS + 1000), language="en", origin="tests/huge"),
            Document(id="b", text=CLOSING, language="en", origin="tests/b")]
    got = list(extract_documents(docs, nlp=nlp, kb=kb, batch_size=2))
    assert [type(i) for i in got] == [Extraction, Failure, Extraction]
    failure = got[1]
    assert (failure.code, failure.stage, failure.document_id) == ("E406", "language", "huge")
    assert f"{MAX_CHARS:,}" in failure.message
    assert got[0].events and got[2].events
    with pytest.raises(TextTooLongError):
        extract_document(docs[1], nlp=nlp, kb=kb)
    with pytest.raises(TextTooLongError):
        list(extract_documents(docs, nlp=nlp, kb=kb, strict=True))


class _Refusing:
    """The real pipeline, refusing any text that holds a marker, as a component that breaks on
    some input would: the whole `nlp.pipe` batch fails."""

    MARK = "\u2063REFUSE\u2063"

    def __init__(self, nlp):
        self.nlp = nlp
        self.max_length = nlp.max_length

    def _check(self, text: str) -> None:
        if self.MARK in text:
            raise RuntimeError("component failed on this text")

    def __call__(self, text: str):
        self._check(text)
        return self.nlp(text)

    def pipe(self, items, **kwargs):
        for text, context in items:
            self._check(text)
            yield self.nlp(text), context


def test_a_text_the_pipeline_fails_on_costs_only_itself(nlp):
    texts = [OPENING, "Bad text " + _Refusing.MARK, CLOSING, "Short report of shelling near Aleppo."]
    got = list(parse_texts(_Refusing(nlp), [(t, i) for i, t in enumerate(texts)], batch_size=4))
    assert [context for _, context in got] == [0, 1, 2, 3]
    assert [type(p).__name__ for p, _ in got] == ["Doc", "ExtractionError", "Doc", "Doc"]
    assert [p.text for p, _ in got if not isinstance(p, ConflictDeskError)] == [texts[0], texts[2], texts[3]]
    assert got[1][0].code == ExtractionError.code and "component failed" in got[1][0].message


def test_an_error_of_the_callers_items_is_raised_unchanged(nlp):
    def items():
        yield OPENING, 0
        raise KeyError("the caller's own bug")

    with pytest.raises(KeyError, match="caller's own bug"):
        list(parse_texts(nlp, items()))


def test_is_in_capitals_before_a_verb_is_its_subject(nlp):
    # "IS claimed ..." parsed as a passive ("is claimed") leaves the claim without a subject
    doc = nlp("Gunmen stormed a checkpoint near Kirkuk on Monday. IS claimed responsibility for the raid.")
    tok = next(t for t in doc if t.text == "IS")
    assert (tok.dep_, tok.pos_, tok.head.lower_) == ("nsubj", "PROPN", "claimed")
    # a headline in capitals and an ordinary "is" keep their parse
    doc = nlp("WHAT IS NEXT FOR THE TOWN? The town is held by rebels.")
    assert [t.dep_ for t in doc if t.lower_ == "is"][1] in ("aux", "auxpass")
    assert next(t for t in doc if t.text == "IS").pos_ in ("AUX", "VERB")
