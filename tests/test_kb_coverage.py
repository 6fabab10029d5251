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

import pytest

from conflictdesk.knowledge import load_knowledge_base

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
        pytest.skip("ACLED 2018 Middle East file absent")
    share, missed = _coverage(_mentions(path, ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")))
    assert share >= ME_FLOOR, f"coverage {share:.3f} below {ME_FLOOR}; most frequent misses: {missed[:15]}"


def test_africa_2016_actor_coverage(shared_dir: Path) -> None:
    path = shared_dir / "data" / "acled-2016-africa" / "acled_2016_africa.csv"
    if not path.exists():
        pytest.skip("ACLED 2016 Africa file absent")
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
