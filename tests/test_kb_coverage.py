"""How much of ACLED's gold actor vocabulary the shipped knowledge base recognises.

Every gold actor mention in the 2018 Middle East file (actor1, actor2 and each `;`-separated
associated actor, each occurrence counted) is looked up by ACLED name or alias with
`KnowledgeBase.find_actor_by_name` (case-, diacritic- and hyphen-insensitive, ignoring a trailing
"(YYYY-)" range). The share recognised is pinned as a floor so a regression in the data or the
lookup fails; the same for the 2016 Africa file (curated `africa_*.yaml` actors plus the
name-only entries of `africa_names.yaml`).
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from conflictdesk.knowledge import load_knowledge_base
from conflictdesk.knowledge.schema import NAME_ONLY
from conftest import missing_shared

ME_FLOOR = 0.99        # measured 0.998
AFRICA_FLOOR = 0.92    # measured 0.939 (0.698 before the Africa files; 0.831 with the curated ones alone)


def _mentions(path: Path, columns: tuple[str, ...]) -> Counter[str]:
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            for column in columns:
                for name in (row.get(column) or "").split(";"):
                    name = name.strip()
                    if name:
                        counts[name] += 1
    return counts


def _coverage(counts: Counter[str]) -> tuple[float, list[tuple[str, int]]]:
    kb = load_knowledge_base()
    missed = [(name, n) for name, n in counts.items() if kb.find_actor_by_name(name) is None]
    total = sum(counts.values())
    return 1 - sum(n for _, n in missed) / total, sorted(missed, key=lambda x: -x[1])


def test_middle_east_2018_actor_coverage(shared_dir: Path) -> None:
    path = shared_dir / "data" / "acled-2018-middle-east" / "acled_2018_middle_east.csv"
    if not path.exists():
        missing_shared(str(path))
    share, missed = _coverage(_mentions(path, ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")))
    assert share >= ME_FLOOR, f"coverage {share:.3f} below {ME_FLOOR}; most frequent misses: {missed[:15]}"


def test_africa_2016_actor_coverage(shared_dir: Path) -> None:
    path = shared_dir / "data" / "acled-2016-africa" / "acled_2016_africa.csv"
    if not path.exists():
        missing_shared(str(path))
    share, missed = _coverage(_mentions(path, ("ACTOR1", "ACTOR2", "ALLY_ACTOR_1", "ALLY_ACTOR_2")))
    assert share >= AFRICA_FLOOR, f"coverage {share:.3f} below {AFRICA_FLOOR}; most frequent misses: {missed[:15]}"


def test_seed_actors_resolve_to_distinct_entries() -> None:
    kb = load_knowledge_base()
    found = {name: kb.find_actor_by_name(name) for name in (
        "Kataib Hezbollah", "Islamic Resistance of Iraq", "Islamic Resistance in Iraq", "Axis of Resistance", "Hezbollah",
        "Houthis", "Hamas", "Iran", "Israel", "United States", "Syrian Democratic Forces", "Coalition forces")}
    assert all(found.values()), [n for n, a in found.items() if a is None]
    assert found["Kataib Hezbollah"].id != found["Hezbollah"].id
    assert found["Islamic Resistance of Iraq"].id == found["Islamic Resistance in Iraq"].id == "islamic-resistance-in-iraq"
    kh = kb.actors["kataib-hezbollah"]
    assert {(r.type, r.object) for r in kh.relations} >= {("member_of", "islamic-resistance-in-iraq"),
                                                          ("member_of", "axis-of-resistance"), ("backed_by", "iran")}
    assert "kurd" in " ".join(found["Syrian Democratic Forces"].aliases).lower()


def test_shipped_matching_rules_and_demonyms() -> None:
    kb = load_knowledge_base()

    def ids(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.id) for m in kb.match(text)]

    assert ids("Iranians, Americans and Britons") == [("Iranians", "iran"), ("Americans", "united-states"),
                                                      ("Britons", "united-kingdom")]
    assert ids("Zika spread across Latin America and South America; African-American voters") == []
    assert ids("Susan Jordan, Michael Jordan and Amal Clooney") == []
    assert ids("Jordan closed its border") == [("Jordan", "jordan")]
    assert ids("WHO IS TO BLAME? SPEAK TO US PLEASE") == []
    assert ids("a missile (Fateh-110) and a Fatah rally") == [("Fatah", "fatah")]
    assert ids("Al Shabaab and Boko Haram") == [("Al Shabaab", "al-shabaab"), ("Boko Haram", "boko-haram")]


def test_name_only_entries_carry_no_other_facts() -> None:
    """An entry sourced only to its ACLED name has no designations or dates, and its relations
    either have their own publication or only restate what the name says (a part_of with a note)."""
    kb = load_knowledge_base()
    name_only = [a for a in kb.actors.values() if a.source == NAME_ONLY]
    assert len(name_only) > 300
    for actor in name_only:
        assert not actor.designations and actor.since is None and actor.until is None, actor.id
        for rel in actor.relations:
            assert rel.source != NAME_ONLY or (rel.type == "part_of" and rel.note), (actor.id, rel)
    codebook = [a.id for a in kb.actors.values() if a.source == "https://acleddata.com/knowledge-base/codebook/"
                and not kb.origins[f"actors:{a.id}"].file.name.startswith(("states", "generic_"))]
    assert codebook == [], f"hand-written entries citing the codebook for facts it does not state: {codebook}"


def test_regional_armed_groups_reporting_names() -> None:
    """Armed groups outside the Middle East that news names (south-east and south Asia, Turkey, Europe, the
    Caucasus, Latin America) are entries of their own, by every form reporting uses, and their short
    names keep clear of what the same letters mean elsewhere."""
    kb = load_knowledge_base()

    def ids(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.id) for m in kb.match(text) if m.kind == "actor"]

    assert ids("Abu Sayyaf gunmen seized five fishermen; the ASG wants a ransom") == [
        ("Abu Sayyaf", "abu-sayyaf-group"), ("ASG", "abu-sayyaf-group")]
    assert ids("The Kurdistan Freedom Hawks (TAK) said it set off the bomb") == [
        ("Kurdistan Freedom Hawks", "kurdistan-freedom-falcons"), ("TAK", "kurdistan-freedom-falcons")]
    assert ids("a Hizbul Mujahideen commander and two LeT fighters") == [
        ("Hizbul Mujahideen", "hizbul-mujahideen"), ("LeT", "lashkar-e-taiba")]
    assert ids("Islamic State Khorasan Province fighters in Nangarhar") == [
        ("Islamic State Khorasan Province", "islamic-state-khorasan-province")]
    assert ids("an old IRA bomb; the FARC and the ELN; the Sinaloa cartel") == [
        ("IRA", "provisional-irish-republican-army"), ("FARC", "farc"),
        ("ELN", "national-liberation-army-colombia"), ("Sinaloa cartel", "sinaloa-cartel")]
    # the same letters elsewhere: a retirement account, a bank's bad loans, an arrival time, a carmaker,
    # the university, a verb in a headline
    assert ids("She moved her Roth IRA; the bank's NPA ratio rose; what is your ETA? an ETA of noon") == []
    assert ids("KIA's Optima") == ids("LEADERS VOW TO MEND FENCES") == ids("a professor at MIT said") == []
    # Jaish-e-Mohammed's "JeM" and Sudan's JEM fold alike; case keeps them apart
    assert ids("JeM in Kashmir, JEM in Darfur") == [("JeM", "jaish-e-mohammed"), ("JEM", "justice-and-equality-movement")]
    # the Iraqi and the Bangladeshi Ansar al-Islam: the country named near the mention decides (the extractor)
    [m] = [m for m in kb.match("Ansar al-Islam") if m.kind == "actor"]
    assert {m.id, *m.alternatives} == {"ansar-al-islam-iraq", "ansarullah-bangla-team"}
    # the Islamic State's branches as ACLED names them, which the event stage finds by country
    assert kb.find_actor_by_name("Islamic State (Afghanistan)").id == "islamic-state-khorasan-province"
    assert kb.find_actor_by_name("Islamic State (Tunisia)").id == "islamic-state-tunisia"
    # ACLED's own names for them, as its 2022 world data writes them
    assert {name: kb.find_actor_by_name(name).id for name in (
        "ASG: Abu Sayyaf", "NPA: New People's Army", "KIO/KIA: Kachin Independence Organization/Kachin Independence Army",
        "JeM: Jaish-e-Mohammad", "Naxal-Maoist Rebels (India)", "Gulf Clan", "Soldiers of the Caliphate")} == {
        "ASG: Abu Sayyaf": "abu-sayyaf-group", "NPA: New People's Army": "new-peoples-army",
        "KIO/KIA: Kachin Independence Organization/Kachin Independence Army": "kachin-independence-army",
        "JeM: Jaish-e-Mohammad": "jaish-e-mohammed", "Naxal-Maoist Rebels (India)": "naxal-maoist-rebels-india",
        "Gulf Clan": "clan-del-golfo", "Soldiers of the Caliphate": "soldiers-of-the-caliphate"}
    # "UDA" is Kenya's United Democratic Alliance as often as the Ulster Defence Association
    assert ids("UDA candidates in Nairobi") == []
    # a group's English name inside another's: the Karen National Liberation Army is not Colombia's ELN
    assert ids("fighters of the Karen National Liberation Army and of the National Revolutionary Front Manipur") == []
