"""A name the text tells as an outlet's ("the daily Zaman") is that outlet wherever the text names it, not a
small town of the same name; unless the text also puts something in it."""
from __future__ import annotations

from conflictdesk.extract.places import resolve_places
from conflictdesk.records import Document


def _names(nlp, kb, text: str) -> list[str]:
    return [p.span.text for p in resolve_places(Document(id="t", text=text), nlp(text), kb=kb)]


def test_a_name_told_as_a_newspaper_is_no_small_town(nlp, kb):
    assert "Zaman" in _names(nlp, kb, "Police raided offices at Zaman at dawn on Sunday.")
    text = "Police raided offices at Zaman at dawn on Sunday. The daily Zaman had criticised the government."
    assert "Zaman" not in _names(nlp, kb, text)
    text = "Police raided offices at Zaman at dawn. The Zaman newspaper said its staff were held."
    assert "Zaman" not in _names(nlp, kb, text)


def test_a_name_the_text_also_puts_things_in_stays_a_town(nlp, kb):
    text = "Fighting went on in Zaman on Sunday, the daily Zaman said."
    assert "Zaman" in _names(nlp, kb, text)
