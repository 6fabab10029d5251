"""The evaluation library and `conflictdesk evaluate`, on small ACLED-shaped files written here."""
from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.evaluate import coarse_type, km, macro_f1, main_event, norm_actor, read_acled, sample
from conflictdesk.records import Event, Span

NEW = """event_date,event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,location,latitude,longitude,fatalities,notes,split
2018-02-03,Remote violence,Military Forces of Syria (2000-),,Civilians (Syria),,Syria,Saraqab,35.86,36.80,5,"Regime warplanes carried out airstrikes on the town of Saraqab, killing 5 civilians.",test
2018-02-03,Remote violence,Military Forces of Syria (2000-),,Civilians (Syria),,Syria,Saraqab,35.86,36.80,5,"Regime warplanes carried out airstrikes on the town of Saraqab, killing 5 civilians.",test
2018-01-29,Riots/Protests,Protesters (Palestine),,,,Palestine,Bethlehem,31.70,35.20,0,"The Palestinian youth movement organized a protest in front of the UNRWA headquarters in Bethlehem.",train
"""
OLD = """EVENT_DATE,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,ACTOR2,ALLY_ACTOR_2,COUNTRY,LOCATION,LATITUDE,LONGITUDE,FATALITIES,NOTES
12/03/2016,Battle-No change of territory,Military Forces of Nigeria (2015-),,Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad,,Nigeria,Maiduguri,11.85,13.16,4,"Soldiers clashed with Boko Haram fighters near Maiduguri, killing 4 militants."
"""


def test_read_both_layouts(tmp_path):
    new = tmp_path / "new.csv"
    new.write_text(NEW, encoding="utf-8")
    old = tmp_path / "old.csv"
    old.write_text(OLD, encoding="utf-8")
    golds = read_acled(new)
    assert len(golds) == 2, "repeated notes are kept once"
    assert golds[0].label == "Explosions/Remote violence" and golds[0].event_date == dt.date(2018, 2, 3)
    assert [g.label for g in read_acled(new, split="train")] == ["Protests or Riots"]
    [g] = read_acled(old)
    assert g.event_date == dt.date(2016, 3, 12) and g.sub_event_type == "Armed clash" and g.fatalities == 4
    assert sample(golds * 5, size=3, seed=1) == sample(golds * 5, size=3, seed=1)


def test_scoring_helpers():
    assert coarse_type("Riots") == coarse_type("Riots/Protests") == "Protests or Riots"
    assert coarse_type("Battle-Government regains territory") == "Battles"
    assert norm_actor("Military Forces of Syria (2000-)") == "military forces of syria"
    assert 20 < km(33.32, 38.70, 33.5, 38.9) < 30
    f1, per = macro_f1(["a", "a", "b"], ["a", "b", "b"], ["a", "b"])
    assert abs(f1 - (2 / 3)) < 1e-9 and per["a"]["support"] == 2
    ev = dict(evidence=Span(0, 1, "x"))
    bg = Event(id="1", event_type="Battles", sub_event_type="Armed clash", salience="background", rule="clash", **ev)
    sd = Event(id="2", event_type="Strategic developments", sub_event_type="Arrests", rule="arrest", **ev)
    strike = Event(id="3", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                   rule="airstrike", **ev)
    assert main_event([bg, sd, strike], {"clash": 80, "arrest": 45, "airstrike": 75}) is strike
    assert main_event([], {}) is None


def test_cli_evaluate_json_and_table(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(NEW, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["documents"] == 2 and summary["event_type_accuracy"] == 1.0
    assert summary["fatalities"]["hits"] >= 1
    result = runner.invoke(main, ["evaluate", str(path), "--split", "test", "--limit", "1"])
    assert result.exit_code == 0 and "event_type accuracy" in result.output
    missing = runner.invoke(main, ["evaluate", str(tmp_path / "nope.csv")])
    assert missing.exit_code != 0
