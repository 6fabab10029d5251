"""Acceptance of the seed article's brief (issue 10): What Does this Mean? places the statement in the
record the article gives, each fact cited into the article; the Islamic Resistance in Iraq's earlier
announcement is background, not a second statement; the reader's text carries no internal id."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.brief.render import markdown_body
from conflictdesk.cli import main

# What the seed's own "What Does this Mean?" places the statement against, and the article's words for it.
RECORD = {
    "over 150 attacks on US forces": r"over 150 rocket and drone attacks against American forces",
    "the Tower 22 strike that killed three US soldiers": r"drone strike against the T-22 outpost in Jordan killed "
                                                         r"three American soldiers",
    "the US strikes in Iraq and Syria": r"United States responded with a retaliatory strike campaign against militia "
                                       r"targets and leadership in Iraq and Syria",
    "the suspension of operations": r"amid a pause in attacks|attacks against American forces never picked up",
    "the shift to Kurdish targets and an attempt on Israel": r"attacks against Kurdish positions in Syria, as well as "
                                                              r"attempting carrying out attacks against Israel",
    "the talks on the Coalition's withdrawal": r"official talks underway about the eventual withdrawal of Coalition "
                                                r"forces from Iraq",
}


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def seed_text(seed_path: Path) -> str:
    """The seed's text as the brief's offsets index it (as read: the page's boilerplate left out)."""
    from conflictdesk.ingest import read_file

    return read_file(seed_path)[0].text


@pytest.fixture(scope="module")
def seed_json(seed_path: Path) -> dict:
    return json.loads(_run(["brief", str(seed_path), "--format", "json"]))


@pytest.fixture(scope="module")
def seed_md(seed_path: Path) -> str:
    return _run(["brief", str(seed_path)])


def _section(brief: dict, key: str) -> dict:
    return next(s for s in brief["sections"] if s["key"] == key)


@pytest.mark.parametrize("fact", list(RECORD))
def test_what_does_this_mean_states_the_record_with_citations_into_the_article(fact, seed_json, seed_text):
    meaning = _section(seed_json, "what_does_this_mean")
    pattern = re.compile(RECORD[fact])
    found = [s for s in meaning["sentences"] if pattern.search(" ".join(s["text"].split()))]
    assert found, f"What Does this Mean? does not state {fact}"
    sentence = found[0]
    cited = [c for c in sentence["citations"] if c["kind"] == "doc" and c["ref"] == seed_json["document_id"]]
    assert cited, f"{fact}: no citation into the article"
    assert any(pattern.search(" ".join(c["quote"].split())) for c in cited), f"{fact}: the citation does not hold it"
    assert all(seed_text[c["start"]:c["end"]] == c["quote"] for c in cited)
    assert sentence["notes"], f"{fact}: no note number for the reader"


def test_the_record_is_in_time_order_and_comes_first(seed_json):
    meaning = _section(seed_json, "what_does_this_mean")["sentences"]
    article = [s for s in meaning if s["group"] == "The article's account."]
    assert meaning[:len(article)] == article
    starts = [s["citations"][0]["start"] for s in article]
    assert starts == sorted(starts)                       # undated: the article's own (narrative) order
    order = [next(i for i, s in enumerate(article) if re.search(RECORD[f], " ".join(s["text"].split())))
             for f in ("over 150 attacks on US forces", "the Tower 22 strike that killed three US soldiers",
                       "the US strikes in Iraq and Syria", "the talks on the Coalition's withdrawal")]
    assert order == sorted(order)


def test_the_earlier_announcement_is_background_not_a_second_statement(seed_json, seed_md):
    statements = _section(seed_json, "the_statement")["statements"]
    assert [s["heading"]["text"].split(",")[0] for s in statements] == ["Kataib Hezbollah"]
    assert "Islamic Resistance in Iraq" not in " ".join(s["heading"]["text"] for s in statements)
    know = " ".join(s["text"] for s in _section(seed_json, "what_to_know")["sentences"])
    assert "full resumption" not in know                  # not news of the reporting period
    meaning = _section(seed_json, "what_does_this_mean")["sentences"]
    recalled = [s for s in meaning if "announced a full resumption of attacks against American forces" in s["text"]]
    assert recalled and recalled[0]["group"] == "The article's account."
    kinds = {e["kind"] for e in seed_json["evidence"] if "full resumption" in e["citation"]["quote"]
             or "brothers in jihad" in e["citation"]["quote"]}
    assert "recalled point" in kinds and "point" not in kinds


def test_the_markdown_body_carries_no_internal_id(seed_md, seed_json):
    body = markdown_body(seed_md)
    assert "## Notes" in seed_md and "## Evidence" in seed_md and "## Notes" not in body
    assert not re.search(r"\[(?:doc|kb):", body), "raw citation in the reader's text"
    assert not re.search(r"\b\d+-\d+\]", body), "raw offsets in the reader's text"
    cues = {r for e in seed_json["evidence"] for r in e["rules"] if "." in r}          # "threat.not_the_end"
    records = {e["record"].split(" ")[0] for e in seed_json["evidence"]}              # "h-...-st1", "h-...-ev3"
    assert cues and records and not [i for i in cues | records if i in body], "cue or record id in the reader's text"
    assert "threat.not_the_end" in seed_md.split("## Evidence", 1)[1]         # kept in the appendix


def test_each_label_is_stated_once(seed_md):
    body = markdown_body(seed_md)
    for label in ("threat", "call to action", "incitement", "justification"):
        assert len(re.findall(rf"\b{label}\b", body)) == (2 if label == "justification" else 1), label


def test_notes_quote_the_evidence_with_offsets(seed_md, seed_json, seed_text):
    body = markdown_body(seed_md)
    used = {int(n) for refs in re.findall(r" \[(\d+(?:, \d+)*)\]", body) for n in refs.split(", ")}
    notes = {n["number"]: n for n in seed_json["notes"]}
    assert used and used <= set(notes)
    for n in notes.values():
        if n["kind"] == "doc":
            assert seed_text[n["start"]:n["end"]] == n["quote"] and f"characters {n['start']}–{n['end']}" in n["text"]
        else:
            assert n["source"] and n["source"] in n["text"]
    listed = seed_md.split("## Notes", 1)[1].split("## Evidence", 1)[0]
    assert re.search(r"^4\. “Suspending military operations is not the end of the matter.*characters 902–1050$",
                     listed, re.M)


def test_knowledge_base_affiliations_in_one_sentence(seed_json):
    meaning = _section(seed_json, "what_does_this_mean")["sentences"]
    kb = [s for s in meaning if s["group"] == "In the knowledge base."]
    affiliations = [s for s in kb if "backed by" in s["text"]]
    assert len(affiliations) == 1
    text = affiliations[0]["text"]
    assert text.startswith("Kataib Hezbollah, a political militia based in Iraq, is a member of the Islamic "
                           "Resistance in Iraq (since 2023-10-18)")
    assert "backed by Iran and the Quds Force" in text and "Popular Mobilization Forces (since 2014-06-15)" in text
    assert all(c["kind"] == "kb" and c["source"] for c in affiliations[0]["citations"])


def test_what_is_new_reads_the_statement_against_the_record(seed_json):
    meaning = _section(seed_json, "what_does_this_mean")["sentences"]
    new = [s for s in meaning if s["group"] == "What is new."]
    assert len(new) == 1
    text = new[0]["text"]
    assert "comes after the pause in attacks the article records" in text
    assert "“Suspending military operations is not the end of the matter”" in text and "long-term battle" in text
    quotes = [c["quote"] for c in new[0]["citations"]]
    assert any("pause in attacks" in q for q in quotes) and any(q.startswith("Suspending military") for q in quotes)
