"""Name matching over the fixture knowledge base: longest match, possessives, hyphenated
adjectives, case-sensitive acronyms, word boundaries, variants, demonyms and fuzzy matches."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from conflictdesk.knowledge import KnowledgeBase, Match
from conflictdesk.knowledge.loader import load_entries
from conflictdesk.knowledge.matcher import canonical, variants

BASE = Path(__file__).resolve().parent / "fixtures" / "kb" / "base"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(load_entries([BASE]))


def found(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    out = []
    for m in kb.match(text):
        assert text[m.start:m.end] == m.text       # offsets always into the given text
        out.append((m.text, m.id))
    return out


def test_longest_match_wins(kb: KnowledgeBase) -> None:
    text = "Kataib Hezbollah is not Hezbollah."
    assert found(kb, text) == [("Kataib Hezbollah", "kataib-hezbollah"), ("Hezbollah", "hezbollah")]


def test_possessive_and_hyphenated_adjective(kb: KnowledgeBase) -> None:
    assert found(kb, "Hezbollah's leader spoke; Hamas’ office closed.") == [
        ("Hezbollah", "hezbollah"), ("Hamas", "hamas")]
    [m] = kb.match("the Iran-backed Shia militia")
    assert (m.start, m.end, m.text, m.id) == (4, 8, "Iran", "iran")


def test_short_acronym_is_case_sensitive(kb: KnowledgeBase) -> None:
    assert found(kb, "KH fired rockets at a base.") == [("KH", "kataib-hezbollah")]
    assert found(kb, "a price of 5 kh per unit, and Kh too") == []
    assert found(kb, "US forces told us; U.S. troops; USA, not usa") == [
        ("US", "united-states"), ("U.S.", "united-states"), ("USA", "united-states")]


def test_word_boundaries(kb: KnowledgeBase) -> None:
    assert found(kb, "Hamasa village, Hamas, Hamas-run Gaza, anti-Hamas protests") == [
        ("Hamas", "hamas"), ("Hamas", "hamas"), ("Hamas", "hamas")]
    assert found(kb, "Iranians and Irani; Iraqis; Iraq") == [("Iranians", "iran"), ("Iraqis", "iraq"), ("Iraq", "iraq")]


def test_spelling_variants(kb: KnowledgeBase) -> None:
    assert found(kb, "Kata’ib Hizballah and KATAIB HEZBOLLAH and Kataib-Hezbollah") == [
        ("Kata’ib Hizballah", "kataib-hezbollah"), ("KATAIB HEZBOLLAH", "kataib-hezbollah"),
        ("Kataib-Hezbollah", "kataib-hezbollah")]
    matches = kb.match("Abu Hussein el-Hamidawi met Abu Hussein Hamidawi")
    assert [(m.id, m.rule) for m in matches] == [("abu-hussein-al-hamidawi", "variant")] * 2
    assert found(kb, "the United States said") == [("United States", "united-states")]
    assert found(kb, "Military Forces of Iran (1989-) and Military Forces of Iran") == [
        ("Military Forces of Iran (1989-)", "military-forces-of-iran"),
        ("Military Forces of Iran", "military-forces-of-iran")]
    assert found(kb, "a drone hit the T-22 outpost near Tower 22") == [("T-22", "tower-22"), ("Tower 22", "tower-22")]


def test_demonyms(kb: KnowledgeBase) -> None:
    matches = kb.match("Iranian-backed militias attacked American forces")
    assert [(m.text, m.id, m.rule) for m in matches] == [("Iranian", "iran", "demonym"),
                                                         ("American", "united-states", "demonym")]


def test_fuzzy_transliteration(kb: KnowledgeBase) -> None:
    [m] = kb.match("the Kataib Hizbollah militia said")
    assert (m.text, m.id, m.rule) == ("Kataib Hizbollah", "kataib-hezbollah", "fuzzy")
    assert 0.9 <= m.score < 1.0
    [m] = kb.match("Abu Husain al-Hamidawi met them")
    assert (m.id, m.kind) == ("abu-hussein-al-hamidawi", "person") and m.score < 1.0
    assert kb.match("Kataib Hizbollah", fuzzy=False) == [Match(7, 16, "Hizbollah", "actor", "hezbollah",
                                                               "Hizbollah")]
    # short names and lower-case words are never matched fuzzily
    assert found(kb, "Hamaz and kataib hizbolah in lower case, the Islamic Resistence") == []


def test_fuzzy_needs_agreeing_words(kb: KnowledgeBase) -> None:
    # one word differs in its last letter (Iran / Iraq), single words, or no identical word: no match
    assert found(kb, "The Islamic Resistance in Iran and Hezbolah and Kateib Hizbollah") == [
        ("Iran", "iran"), ("Hizbollah", "hezbollah")]
    assert [(m.text, m.rule) for m in kb.match("Kataib Hezbollahs fired")] == [("Kataib Hezbollahs", "fuzzy")]


def test_not_within_hides_shorter_names(kb: KnowledgeBase) -> None:
    text = "Latin America and South America; Latin American leaders; America and American troops"
    assert found(kb, text) == [("America", "united-states"), ("American", "united-states")]
    assert found(kb, "LATIN AMERICA") == []


def test_english_words_are_not_matched_in_capitals(kb: KnowledgeBase) -> None:
    assert found(kb, "PLEASE LET US KNOW\nUS STRIKES KILL 5") == []
    assert found(kb, "US forces struck; the US said") == [("US", "united-states"), ("US", "united-states")]
    assert found(kb, "U.S. STRIKES KILL 5") == [("U.S.", "united-states")]   # only the listed spelling


def test_personal_names_next_to_capitalised_words(kb: KnowledgeBase) -> None:
    assert found(kb, "Amal Clooney spoke, and so did Samir Amal.") == []
    assert found(kb, "Amal and Hezbollah agreed. The Amal leader, Lebanon's Amal, Amal Movement") == [
        ("Amal", "amal-movement"), ("Hezbollah", "hezbollah"), ("Amal", "amal-movement"),
        ("Amal", "amal-movement"), ("Amal Movement", "amal-movement")]


def test_fuzzy_does_not_swallow_a_leading_article(kb: KnowledgeBase) -> None:
    assert [(m.text, m.score) for m in kb.match("The Islamic Resistance in Iraq claimed it")] == [
        ("Islamic Resistance in Iraq", 1.0)]


def test_kinds_and_unicode_offsets(kb: KnowledgeBase) -> None:
    text = "«Ḥamas» — Tower‑22: the Ahmad Mohsen Faraj al-Hamidawi case"
    assert [(m.text, m.kind) for m in kb.match(text)] == [
        ("Ḥamas", "actor"), ("Tower‑22", "place"), ("Ahmad Mohsen Faraj al-Hamidawi", "person")]


def test_canonical_and_variants() -> None:
    assert canonical("  Kata'ib   Ḥizballah-al ") == "kataib hizballah al"
    assert {canonical(v) for v in variants("Abu Hussein al-Hamidawi")} == {"abu hussein el hamidawi",
                                                                         "abu hussein hamidawi"}
    assert "hizballah" in {canonical(v) for v in variants("Hizb-allah")}
    assert "US" in variants("U.S.") and "U.S." in variants("US")
    assert not any(canonical(v) == "sham" for v in variants("al-Sham"))   # never a bare common word


def test_matcher_pickles(kb: KnowledgeBase) -> None:
    again = pickle.loads(pickle.dumps(kb))
    assert again.match("Kataib Hezbollah's KH") == kb.match("Kataib Hezbollah's KH")
