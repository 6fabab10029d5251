"""Quantities: numbers in words and digits, qualifiers, ACLED's vague counts, the counted noun."""
from __future__ import annotations

import pytest

from conflictdesk.extract.quantities import extract_quantities
from conflictdesk.nlp import load_pipeline
from conflictdesk.records import Document


def counts(text: str):
    found = extract_quantities(Document(id="q", text=text), load_pipeline()(text))
    for q in found:
        assert text[q.span.start:q.span.end] == q.span.text
    return [(q.span.text, q.value, q.qualifier, q.noun) for q in found]


@pytest.mark.parametrize("text, expected", [
    ("Militias have carried out over 150 rocket and drone attacks against US forces.",
     ("over 150", 150, "at_least", "attack")),
    ("A drone strike on the outpost killed three American soldiers.", ("three", 3, "exactly", "soldier")),
    ("Dozens of people were wounded in the blast.", ("Dozens", 12, "about", "people")),
    ("At least twenty-five civilians died in the shelling.", ("At least twenty-five", 25, "at_least", "civilian")),
    ("Some 1,200 families fled the fighting.", ("Some 1,200", 1200, "about", "family")),
    ("Nearly 40 protesters were arrested.", ("Nearly 40", 40, "at_most", "protester")),
    ("Police detained up to 12 students.", ("up to 12", 12, "at_most", "student")),
    ("Several soldiers were injured.", ("Several", 3, "about", "soldier")),
    ("Hundreds of residents marched.", ("Hundreds", 100, "about", "resident")),
    ("About 2 million people are displaced.", ("About 2 million", 2000000, "about", "people")),
])
def test_counts(text, expected):
    assert expected in counts(text)


@pytest.mark.parametrize("text", [
    "The 25-year-old fighter was aged 25 when he joined in 2014.",
    "F-16 jets and MQ-9 drones flew over the T-22 outpost at 10:30.",
    "The council passed Resolution 2254 on 18 December 2015.",
    "The group was founded 12 years ago, about 30 km from the border; it asked for $5 million.",
    "It was the first attack since the 3rd of May, and one of the worst.",
])
def test_not_counts(text):
    assert counts(text) == []


def test_an_article_counts_one_person():
    assert ("a", 1, "exactly", "civilian") in counts("Unidentified gunmen shot and killed a civilian in Azaz city.")
