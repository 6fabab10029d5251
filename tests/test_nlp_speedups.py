"""The pipeline's faster attribute ruler and lemmatizer annotate every token exactly as spaCy's own
components do: checked token by token (part of speech, tag, morphology, lemma, dependency, head,
entity) on real news articles read from ../shared at run time and on written texts with the
patterns' rarer cases (contractions, "gonna", "ain't", whitespace tokens)."""
from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from conflictdesk.nlp import load_stock_pipeline
from conflictdesk.nlp.speedups import CachedLemmatizer, TableRuler

WRITTEN = [
    "I'm gonna tell y'all: we ain't leaving, and you can't make us. Let's go, c'mon!",
    "He'd said that they'd gotta fight.  It's been a long war;\n\n   nothing's changed, somethin' will.",
    "Those who fought there were fewer than these. That is what it is, isn't it? Do you? She does.",
    "The militants, who had been besieged since May, got out; she gets in. Whether or not, 'em all.",
    "\n\t  \n",
]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def stock():
    return load_stock_pipeline()


@pytest.fixture(scope="module")
def news_texts(shared_dir: Path) -> list[str]:
    path = shared_dir / "data" / "news-2016" / "articles.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in islice(fh, 0, 4374, 110)]


def test_the_pipeline_runs_the_faster_components(nlp):
    kinds = {name: type(component) for name, component in nlp.pipeline}
    assert kinds["attribute_ruler"] is TableRuler and kinds["lemmatizer"] is CachedLemmatizer


def test_real_articles_are_annotated_as_by_spacy_itself(nlp, stock, news_texts):
    assert len(news_texts) >= 39
    for ours, theirs in zip(nlp.pipe(news_texts), stock.pipe(news_texts)):
        assert _annotations(ours) == _annotations(theirs)


@pytest.mark.parametrize("text", WRITTEN)
def test_the_rare_patterns_are_applied_as_by_spacy_itself(nlp, stock, text):
    assert _annotations(nlp(text)) == _annotations(stock(text))


def test_a_lemma_seen_before_is_the_same_in_every_later_document(nlp, stock):
    # the cache is keyed by what the rule lemmatizer reads (form, part of speech, morphology)
    texts = ["The fighters were fighting.", "Fighting fighters fought the fight.", "The fighters were fighting."]
    assert [_annotations(d) for d in nlp.pipe(texts)] == [_annotations(d) for d in stock.pipe(texts)]
