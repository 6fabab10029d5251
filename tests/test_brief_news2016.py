"""Five real articles briefed as an editor would want them (issue 10, item 6), read by row from
../shared/data/news-2016/articles.jsonl (no article text is kept in the repository): a claim of
responsibility (Islamic State), a denial (the Taliban), a ceasefire statement (Syria's opposition), an
official's threat (Turkey) and a jihadist leader's threat (al-Qaeda). Each brief must lead with the news
of the reporting period, quote the statement once with its labels, place it in the record the article
gives, and keep internal ids out of the reader's text."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conflictdesk.brief import build_brief, render_json, render_markdown
from conflictdesk.brief.render import markdown_body
from conflictdesk.records import Document

# row -> what a good brief of it must contain (sections by key; phrases as the brief writes them)
FIXTURES = {
    3515: {   # Islamic State claims the blasts near the Sayeda Zeinab shrine, Damascus, 2016-06-11
        "lead": "Islamic State claimed responsibility for suicide and car bomb blasts that struck a Damascus suburb",
        "issuers": ["Islamic State"],
        "labels": {"claim of responsibility"},
        "record": ["three bomb attacks claimed by Islamic State have killed and wounded scores of people this year"],
        "meaning": ["Islamic State, a rebel group, is the successor of Al-Qaeda in Iraq",
                    "Confirmation by other sources of what Islamic State claimed."],
        "absent": ["said at least 20 people were killed"],     # the monitoring group's words, not a point
    },
    155: {    # Suicide bombing in Jalalabad, 2016-01-17; the Taliban deny it
        "lead": "A suicide bomber killed 13 people in the eastern Afghan city of Jalalabad on Sunday",
        "issuers": ["Taliban, through Zabihullah Mujahid (spokesperson)"],   # the speaker resolved to his group
        "labels": {"denial"},
        "record": ["Islamic State in the same city last week claimed their first attack on a major urban center"],
        "meaning": ["evidence for or against what Taliban denied"],
        "absent": ["### Islamic State"],                        # its claim of last week is background
    },
    1119: {   # Syria's opposition on the cessation of hostilities, 2016-02-29
        "lead": "A senior official from Syria's main opposition group said on Monday that a fragile international "
                "attempt to halt nearly five years of fighting was in danger of total collapse",
        "issuers": ["HNC"],
        "labels": {"de-escalation"},
        "record": ["Talks in Geneva in early February collapsed before they started"],
        "meaning": ["whether the called-for or announced restraint holds"],
        "absent": [],
    },
    1454: {   # Turkey vows retaliation after the Ankara car bomb, 2016-03-14
        "lead": "Turkish officials vowed to retaliate swiftly against militants after a car bomb attack killed at "
                "least 34 people in the capital Ankara on Sunday",
        "issuers": ["Turkey"],
        "labels": {"threat"},
        "record": ["Islamic State militants hit the city’s main train station in October",
                   "TAK, blamed for the February 17 car bomb"],
        "meaning": ["Attacks by Turkey reported after this statement"],     # and the Prime Minister's promised "heaviest punishment"
        "absent": ["Turkey is recorded as a state"],            # nothing the reader needs
    },
    3968: {   # Al-Qaeda's leader on the Boston marathon bomber, 2016-07-01
        "lead": "Al Qaeda leader Ayman al-Zawahri warned the United States of the \"gravest consequences\"",
        "issuers": ["Al-Qaeda, through Ayman al-Zawahiri (leader)"],
        "labels": {"threat"},
        "record": ["was sentenced to death by lethal injection on June 24 last year"],
        "meaning": ["Al-Qaeda's leadership: Ayman al-Zawahiri, emir since 2011-06-16.",
                    "Attacks by Al-Qaeda reported after this statement."],
        "absent": [],
    },
}


@pytest.fixture(scope="module")
def briefs(shared_dir: Path, nlp) -> dict[int, tuple[Document, str, dict]]:
    from conflictdesk.extract.pipeline import extract_document
    from conflictdesk.knowledge import load_knowledge_base

    kb = load_knowledge_base()
    out = {}
    with (shared_dir / "data" / "news-2016" / "articles.jsonl").open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i not in FIXTURES:
                continue
            r = json.loads(line)
            doc = Document(id=f"news2016-{i}", text=r["text"], title=r["title"] if len(r["title"]) > 3 else None,
                           published=dt.date.fromisoformat(r["date"][:10]), url=r["source_url"])
            brief = build_brief(extract_document(doc, nlp=nlp, kb=kb), kb=kb)
            out[i] = (doc, render_markdown(brief), json.loads(render_json(brief)))
    assert set(out) == set(FIXTURES)
    return out


def _section(md: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", md, re.S | re.M)
    assert m, title
    return m.group(1)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("row", list(FIXTURES))
def test_the_lead_is_the_news_of_the_reporting_period(row, briefs):
    _, md, _ = briefs[row]
    know = [line for line in _section(md, "What to Know").splitlines() if line.strip()]
    assert FIXTURES[row]["lead"] in _flat(" ".join(know[:2])), know[:2]
    assert len(know) <= 4


@pytest.mark.slow
@pytest.mark.parametrize("row", list(FIXTURES))
def test_the_statement_is_quoted_once_with_its_labels(row, briefs):
    _, md, data = briefs[row]
    statements = next(s for s in data["sections"] if s["key"] == "the_statement")["statements"]
    headings = [s["heading"]["text"] for s in statements]
    for issuer in FIXTURES[row]["issuers"]:
        assert any(h.startswith(issuer) for h in headings), headings
    labels = {lab.replace("_", " ").replace("de escalation", "de-escalation")
              for s in statements for p in s["points"] for lab in p["labels"]}
    assert FIXTURES[row]["labels"] <= labels, labels
    body = markdown_body(md)
    outside = _section(md, "What to Know") + _section(md, "What Does this Mean?")
    for label in FIXTURES[row]["labels"]:
        assert label not in outside, label                               # stated once, in The Statement
        assert label in _section(body, "The Statement")


@pytest.mark.slow
@pytest.mark.parametrize("row", list(FIXTURES))
def test_what_does_this_mean_places_it_in_the_record(row, briefs):
    doc, md, data = briefs[row]
    meaning = next(s for s in data["sections"] if s["key"] == "what_does_this_mean")["sentences"]
    for phrase in FIXTURES[row]["record"]:
        found = [s for s in meaning if phrase in _flat(s["text"]) and s["group"] == "The article's account."]
        assert found, phrase
        cite = found[0]["citations"][0]
        assert doc.text[cite["start"]:cite["end"]] == cite["quote"] and phrase in _flat(cite["quote"])
    text = _flat(_section(md, "What Does this Mean?"))
    for phrase in FIXTURES[row]["meaning"]:
        assert phrase.lower() in text.lower(), phrase


@pytest.mark.slow
@pytest.mark.parametrize("row", list(FIXTURES))
def test_reader_text_is_clean_and_every_note_holds(row, briefs):
    doc, md, data = briefs[row]
    body = markdown_body(md)
    assert "[doc:" not in body and "[kb:" not in body
    cues = {r for e in data["evidence"] for r in e["rules"] if "." in r}
    assert not [c for c in cues if c in body]
    statement = _section(body, "The Statement")
    for line in statement.splitlines():          # a quotation a point's span stops inside is closed for the reader
        assert line.count("“") <= line.count("”"), line
    for phrase in FIXTURES[row]["absent"]:
        assert phrase not in (statement if phrase[0].islower() else body), phrase
    for note in data["notes"]:
        if note["kind"] == "doc" and note["ref"] == doc.id:
            assert doc.text[note["start"]:note["end"]] == note["quote"]
    for section in data["sections"]:
        if section["key"] in ("what_to_know", "what_does_this_mean"):
            uncited = [s["text"] for s in section["sentences"] if not s["notes"]]
            assert not uncited, uncited
