"""Statements: recognition, points with exact offsets, labels, targets, issuers, channels."""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.extract.statements.cues import CueFileError, label_text, load_cues
from conflictdesk.ingest import read_file, read_text_document
from conflictdesk.records import POINT_LABELS


def _extract(nlp, kb, text: str, *, title: str | None = None, doc_id: str = "t"):
    doc = read_text_document(text, title=title, id=doc_id, published="2024-02-10")
    return extract_document(doc, nlp=nlp, kb=kb)


def _offsets_hold(ex) -> None:
    for st in ex.statements:
        for p in st.points:
            assert ex.document.text[p.start:p.end] == p.text
            assert p.labels and set(p.labels) <= set(POINT_LABELS)


@pytest.fixture(scope="module")
def seed_extraction(nlp, kb, seed_path: Path):
    doc = next(d for d in read_file(seed_path) if not hasattr(d, "stage"))
    return extract_document(doc, nlp=nlp, kb=kb)


def test_seed_kataib_hezbollah_statement_has_three_points(seed_extraction):
    kh = [s for s in seed_extraction.statements if s.actor == "kataib-hezbollah"]
    assert len(kh) == 1
    st = kh[0]
    assert st.channel == "official release"
    texts = [p.text for p in st.points]
    assert len(texts) == 3
    assert texts[0].startswith("The efforts of the Islamic Resistance")
    assert texts[1] == ("Suspending military operations is not the end of the matter, and the resistance can rely "
                        "on its self-management capabilities for a long-term battle.")
    assert texts[2].startswith("The performance of the people of Iraq") and texts[2].endswith("North Africa.")
    assert "threat" in st.points[1].labels and "de_escalation" not in st.points[1].labels
    assert "incitement" in st.points[2].labels and st.points[2].targets == ["Jews"]
    assert "threat.not_the_end" in st.points[1].cues and "incite.ancestors" in st.points[2].cues
    assert "announced that its Secretary-General" in st.evidence.text
    _offsets_hold(seed_extraction)


def test_seed_islamic_resistance_call_to_action(seed_extraction):
    iri = [s for s in seed_extraction.statements if s.actor == "islamic-resistance-in-iraq"]
    assert len(iri) == 1
    points = iri[0].points
    call = [p for p in points if p.text.startswith("our brothers in jihad")]
    assert call and "call_to_action" in call[0].labels
    assert not call[0].text.endswith("”")
    resume = [p for p in points if "resumption of attacks" in p.text]
    assert resume and "threat" in resume[0].labels
    assert any("united-states" in t for t in resume[0].targets)


def test_third_party_description_is_not_the_groups_statement(nlp, kb):
    ex = _extract(nlp, kb, "U.S. officials warned on Friday that Kataib Hezbollah might launch new attacks on "
                           "bases in Syria, citing intelligence reports.\n\nThe Pentagon declined to comment.")
    assert not [s for s in ex.statements if s.actor == "kataib-hezbollah"]
    assert not [p for s in ex.statements for p in s.points if "threat" in p.labels]


def test_threat_reported_by_a_journalist_is_the_speakers(nlp, kb):
    ex = _extract(nlp, kb, "Kataib Hezbollah warned on Sunday that it would strike American bases in Iraq if the "
                           "raids on its positions continued.")
    kh = [s for s in ex.statements if s.actor == "kataib-hezbollah"]
    assert kh and "threat" in kh[0].points[0].labels
    _offsets_hold(ex)


def test_negated_threat_is_de_escalation_and_quote_marks_are_left_out(nlp, kb):
    ex = _extract(nlp, kb, "In a statement on its Telegram channel, Kataib Hezbollah said: “We will not target "
                           "civilians or diplomatic missions, and our operations are directed only at the occupation "
                           "forces.”")
    kh = [s for s in ex.statements if s.actor == "kataib-hezbollah"]
    assert kh and kh[0].channel == "Telegram channel"
    point = kh[0].points[0]            # its two clauses joined by "and" are two points
    assert point.text == "We will not target civilians or diplomatic missions"
    assert kh[0].points[-1].text == "our operations are directed only at the occupation forces."
    assert "threat" not in point.labels and "de_escalation" in point.labels
    _offsets_hold(ex)


def test_quoted_declaration_names_speaker_actor_and_channel(nlp, kb):
    ex = _extract(nlp, kb, "“If the aggression continues, we will respond at the time and place of our choosing,” "
                           "Kataib Hezbollah Secretary-General Abu Hussein al-Hamidawi said in a televised speech "
                           "on Saturday.")
    st = [s for s in ex.statements if s.speaker == "abu-hussein-al-hamidawi"]
    assert st, [(s.actor, s.speaker) for s in ex.statements]
    assert st[0].actor == "kataib-hezbollah"
    assert st[0].channel == "televised speech"
    assert "threat" in st[0].points[0].labels and st[0].points[0].text.startswith("If the aggression")
    _offsets_hold(ex)


def test_document_that_is_a_communique(nlp, kb):
    text = ("Statement by the Islamic Resistance in Iraq\n\n"
            "In the name of God, the Most Gracious, the Most Merciful.\n\n"
            "Our mujahideen targeted the occupation base at Harir in northern Iraq with two drones this morning, "
            "achieving direct hits.\n\n"
            "We will continue to strike the bases of the occupation until its forces leave our country.\n\n"
            "We deny any involvement in the attack on the market in Baghdad, and we condemn it.\n\n"
            "The Islamic Resistance in Iraq")
    ex = _extract(nlp, kb, text, title="Statement by the Islamic Resistance in Iraq")
    assert len(ex.statements) == 1
    st = ex.statements[0]
    assert st.actor == "islamic-resistance-in-iraq" and st.channel == "statement"
    labels = [p.labels for p in st.points]
    assert len(st.points) == 3, [p.text for p in st.points]
    assert "claim_of_responsibility" in labels[0]
    assert "threat" in labels[1] and "demand" in labels[1]
    assert "denial" in labels[2]
    _offsets_hold(ex)


def test_numbered_list_of_demands(nlp, kb):
    text = ("Kataib Hezbollah issued a statement on Monday. The statement listed the following demands:\n\n"
            "1. The immediate withdrawal of all foreign forces from Iraqi territory.\n"
            "2) The release of the fighters detained at the border.\n")
    ex = _extract(nlp, kb, text)
    st = [s for s in ex.statements if len(s.points) == 2]
    assert st and st[0].actor == "kataib-hezbollah"
    assert [p.text for p in st[0].points] == ["The immediate withdrawal of all foreign forces from Iraqi territory.",
                                              "The release of the fighters detained at the border."]
    assert all("demand" in p.labels for p in st[0].points)
    _offsets_hold(ex)


def test_police_account_is_a_point_not_a_threat(nlp, kb):
    ex = _extract(nlp, kb, "A car bomb exploded at a market in Baghdad on Tuesday, killing twelve people, police "
                           "said.\n\nThe market had reopened a week earlier after repairs.")
    points = [p for s in ex.statements for p in s.points]
    assert [p.text for p in points] == ["A car bomb exploded at a market in Baghdad on Tuesday, killing twelve people"]
    assert points[0].labels == ["other"]
    assert [(s.actor, s.speaker) for s in ex.statements] == [(None, None)]     # "police": no known actor named
    _offsets_hold(ex)


@pytest.mark.parametrize("text,label,absent", [
    ("If the occupation continues its raids, we will strike its bases.", "threat", "de_escalation"),
    ("We will never attack aid convoys.", "de_escalation", "threat"),
    ("Analysts believe the group could resume attacks soon.", "other", "threat"),
    ("The resistance will not remain silent in the face of these crimes.", "threat", "de_escalation"),
    ("Our fighters struck the base with three drones, achieving direct hits.", "claim_of_responsibility", "denial"),
    ("Our fighters did not carry out the attack on the embassy.", "denial", "claim_of_responsibility"),
    # a capture claimed, or celebrated as the side's achievement
    ("The rebels are claiming the capture of six villages near the border.", "claim_of_responsibility", "other"),
    ("The recapture of the old city is a great victory for our army.", "claim_of_responsibility", "other"),
    ("The fall of the old city was a heavy blow to the government.", "other", "claim_of_responsibility"),
    # a choice set before another party, what must be done told in the passive, land claimed
    ("The rebels have two options: either lay down their weapons or leave the city.", "demand", "other"),
    ("The agreement must be fully implemented before anything else.", "demand", "other"),
    ("The agreement was implemented last year.", "other", "demand"),
    ("The separatists claim the northern valley, with its mines, as part of their homeland.", "demand", "other"),
    # the motive given for an act, a threat the other side is said to pose
    ("The young men attacked the patrol out of anger at the demolitions.", "justification", "other"),
    ("Returning fighters could pose a serious terrorist threat to the country.", "justification", "other"),
    # a stop set as the condition on another party is demanded; a truce offered under a condition is both
    ("The opposition will take part only if the army stops its air strikes on the city.", "demand", "de_escalation"),
    ("We are ready for a truce on condition that the sieges are lifted.", "de_escalation", "other"),
    ("We are ready for a truce on condition that the sieges are lifted.", "demand", "other"),
    ("The opposition wants a halt in attacks on civilians.", "demand", "other"),
    ("We will not defeat them in a week.", "other", "de_escalation"),
    # grounds named with any article and several words before them; a last resort; safety first
    ("The checkpoints were doubled because of a new and credible threat.", "justification", "other"),
    ("The guards fired tear gas only as a last resort.", "justification", "other"),
    ("The rally was called off in the interest of public safety.", "justification", "other"),
    # a dispute to be settled through dialogue
    ("Both capitals want to settle the border quarrel through dialogue.", "de_escalation", "other"),
    # blame refused, one's own restraint told as policy, a report called untrue with an adverb
    ("The movement's leaders were not to blame for the riot.", "denial", "other"),
    ("The militia says it does not target farmers.", "denial", "other"),
    ("Absolutely untrue.", "denial", "other"),
    # a condition that terms be carried out; a campaign announced to grow
    ("The rebels will quit the town unless the accord is implemented.", "demand", "other"),
    ("The air campaign against the insurgents would be stepped up.", "threat", "other"),
    # a number of attacks claimed; one's own interests protected
    ("The movement repeated its claim of responsibility for the ambush.", "claim_of_responsibility", "other"),
    ("There was no claim of responsibility for the ambush.", "other", "claim_of_responsibility"),
    ("The faction claimed two bombings near the border post.", "claim_of_responsibility", "other"),
    ("We are only protecting our vital interests in the strait.", "justification", "other"),
    # a consequence set on the other side's move, the condition inverted first; not a mere question faced
    ("Should the militia shell the port again, it will face a crushing response.", "threat", "other"),
    ("Should the vote fail, the minister will face questions in parliament.", "other", "threat"),
    # an officials' anonymity is no condition set on a party
    ("Two officials speaking on condition of anonymity said the depot burned.", "other", "demand"),
    # "demand" in another sense, or demands told as met, asks nothing
    ("Fuel sales fell with the drop in demand over the winter.", "other", "demand"),
    ("It has been a demanding year for the ministry.", "other", "demand"),
    ("The city had met demands for an outside inquiry into the shooting.", "other", "demand"),
    ("The students will return once their demands are met.", "other", "demand"),
    ("The families demanded an inquiry into the shooting.", "demand", "other"),
    # a war's end announced as won; a capture announced; an escalation told as going on
    ("This will be the year of final victory over the rebels.", "threat", "other"),
    ("The brigade announced the capture of the hill overlooking the road.", "claim_of_responsibility", "other"),
    ("The police announced the capture of the two suspects in the robbery.", "other", "claim_of_responsibility"),
    ("The government was escalating its air campaign in the east.", "other", "threat"),
    ("The movement announced a renewal of its attacks on the pipeline.", "threat", "other"),
    # a measure said to be justified in so many words; not a motive imputed to another, nor a justification denied
    ("The rising number of raids on the border posts justifies the curfew.", "justification", "other"),
    ("The warning shots fired by the patrol were fully justified.", "justification", "other"),
    ("The opposition says the cabinet staged the crisis to justify emergency rule.", "other", "justification"),
    ("Attacks on aid workers can never be justified.", "other", "justification"),
    ("There is no justification for shelling a hospital.", "other", "justification"),
    # a doubt about a truce or talks is no step towards calm; the step itself still is
    ("The rebels voiced serious reservations about how the truce would be monitored.", "other", "de_escalation"),
    ("It is difficult to see a lasting ceasefire holding in the valley.", "other", "de_escalation"),
    ("The council expressed concern over delays, but agreed to a ceasefire in the valley.", "de_escalation",
     "other"),
    # a step said to follow from grounds; trust built between sides; a side ready to take a place, not talks
    ("The pardon was dictated by humanitarian considerations.", "justification", "other"),
    ("The exchange of prisoners will help build trust between the two capitals.", "de_escalation", "other"),
    ("The brigade is ready to storm the town at any moment.", "threat", "other"),
    ("The rebels are ready to enter talks with the government.", "de_escalation", "threat"),
    # a conditional right to strike threatens; a right invoked for what was done justifies
    ("The army reserves its right to respond should the rockets continue.", "threat", "justification"),
    ("The strikes were an exercise of our right to self-defence.", "justification", "threat"),
    # an act framed as defence, or as denying the enemy a base
    ("The naval drills in the strait are purely defensive in nature.", "justification", "other"),
    ("The raid ends the militia's ability to use the valley as a base for attacks on the capital.", "justification",
     "other"),
    # grounds told as another named party's are not the speaker's; the speaker's own "what I say" are
    ("The shield, which Washington says is aimed at protecting its allies, raises tensions.", "other",
     "justification"),
    ("The raids, which I say were necessary to protect the border villages, will go on.", "justification", "other"),
    # an idiom of the narrator's, no reason a speaker gives
    ("Investors were nervous, and for good reason.", "other", "justification"),
    # a negation read inside its word ("doesn't", "won't"), as "does not" is
    ("The junta doesn't want a negotiated settlement of the dispute.", "other", "de_escalation"),
    ("The rebels won't agree to a truce in the hills.", "other", "de_escalation"),
    # a denial negated concedes; a denial told as another party's aside is not the speaker's
    ("The ministry does not deny that the camps carry some risk.", "other", "denial"),
    ("Nobody denies that the bridge was hit twice.", "other", "denial"),
    ("The governor blamed the militia for the fire at the depot, which the militia denies.", "other", "denial"),
    ("The governor blamed the militia for the fire, a charge its commander has flatly rejected.", "other", "denial"),
    ("The militia denies starting the fire at the depot.", "denial", "other"),
    # a proposal of talks turned down is no step towards calm; one taken up after a turn still is
    ("The council rejected a proposal from the islanders to discuss a peace accord.", "other", "de_escalation"),
    ("The council rejected the proposal, but said it was ready for talks next month.", "de_escalation", "other"),
    # a condition set on another party, in the active voice, or as what an acceptance depends on
    ("The farmers will not leave the depot unless the police drop the charges against their leader.", "demand",
     "other"),
    ("Its acceptance depends on whether the army ends the blockade of the port.", "demand", "de_escalation"),
    ("The harvest may be lost unless the rain stops.", "other", "demand"),
    # access agreed to is a step towards calm; refused, none
    ("The junta had agreed to allow access to the besieged valley.", "de_escalation", "other"),
    ("The junta has not agreed to allow access to the valley.", "other", "de_escalation"),
    # a fight said to go on without pause, or kept up as vowed; harm the other side could face
    ("The general said there would be no let-up in the offensive against the rebels.", "threat", "other"),
    ("The brigade would not let up until the bridge was retaken.", "threat", "other"),
    ("The president vowed to keep up the struggle against the insurgent groups.", "threat", "other"),
    ("The candidate vowed to keep up his campaign for the nomination.", "other", "threat"),
    ("The president vowed to keep up Turkey's struggle against the armed groups.", "threat", "other"),
    ("The senator vowed to keep up Obama's campaign for the nomination.", "other", "threat"),
    ("Anyone who attacks the border posts could face severe consequences.", "threat", "other"),
    # what someone should be, or is called on to be, is demanded, not threatened; what will be stays a threat
    ("The officers should be held accountable for the beating.", "demand", "threat"),
    ("The union called for the guards to be brought to justice.", "other", "threat"),
    ("Those behind the bombing will be brought to justice.", "threat", "other"),
    # an act a side says it did, told with "claimed to have"; a victory over an armed enemy, not a vote
    ("The breakaway faction claimed to have seized the state radio station.", "claim_of_responsibility", "other"),
    ("The prime minister declared the defeat of the militants in the river town.", "claim_of_responsibility",
     "other"),
    ("The senator declared victory in the primary election.", "other", "claim_of_responsibility"),
    ("The militia was claiming credit Sunday for the raid on the depot.", "claim_of_responsibility", "other"),
    ("it was responsible", "claim_of_responsibility", "other"),
    ("it was responsible for the delays at the port", "other", "claim_of_responsibility"),
    # a cause told of a state is no grounds of an act; an occupation to be ended is asked, no grounds
    ("The truce is in danger of collapse because of attacks by the army.", "de_escalation", "justification"),
    ("The talks to end the occupation of the farm were continuing.", "de_escalation", "justification"),
    ("The commander said his men were cautious because of the presence of civilians.", "justification", "other"),
    # force said to be forced on the side; the side's own word for its targets
    ('"We had no other option," the colonel said of the shelling.', "justification", "other"),
    ("Residents said they had no choice.", "other", "justification"),
    ("The jets targeted terrorist positions east of the river.", "justification", "other"),
    # thanks to those who serve is no grounds given for an act; a measure taken to keep people safe is
    ("The trooper put on a uniform and risked his life every day to keep us safe.", "other", "justification"),
    ("The organisers postponed the march to keep everyone safe.", "justification", "other"),
])
def test_label_rules(text, label, absent):
    got = label_text(text, load_cues())
    assert label in got.labels and absent not in got.labels, got


def test_cue_file_errors_name_file_line_and_cue(tmp_path):
    bad = tmp_path / "extra.yaml"
    bad.write_text("cues:\n  - id: custom.ok\n    label: threat\n    phrases: [scorched earth]\n"
                   "  - id: custom.bad\n    label: menace\n    regex: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(CueFileError) as err:
        load_cues(extra=[bad])
    problems = "\n".join(err.value.problems)
    assert f"{bad}:5: cue custom.bad" in problems and "label" in problems
    assert err.value.code == "E320"


def test_extra_cue_file_adds_a_cue(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("cues:\n  - id: custom.scorched\n    label: threat\n    phrases: [scorched earth]\n"
                     "    notes: analyst-added\n", encoding="utf-8")
    got = label_text("They promised a scorched earth campaign.", load_cues(extra=[extra]))
    assert got.labels == ["threat"] and "custom.scorched" in got.cues


def test_attribution_without_content_is_no_point(nlp, kb):
    ex = _extract(nlp, kb, "Kataib Hezbollah said on Thursday. Kataib Hezbollah told a news conference in Baghdad "
                           "that it had suspended its operations against the coalition.")
    points = [p.text for s in ex.statements for p in s.points]
    assert points == ["it had suspended its operations against the coalition"], points
    assert "de_escalation" in ex.statements[0].points[0].labels


@pytest.mark.parametrize("text,label,absent", [
    ("We are determined to hunt down every agent of the occupation.", "threat", "other"),
    ("Security sources said militants were preparing car bombs to target the capital.", "other", "threat"),
    ("O people of the valley, rise up against the tyrant.", "call_to_action", "other"),
    ("Do not leave your homes and do not hand over your weapons.", "call_to_action", "de_escalation"),
    ("Our air defences intercepted two hostile drones over the capital.", "claim_of_responsibility", "other"),
    ("We will not attack the relief convoys.", "de_escalation", "threat"),
    ("The occupation must withdraw its forces from our villages.", "demand", "other"),
    ("The Yazidis are vermin who must be cleansed from the mountain.", "incitement", "other"),
    ("The Kurdish regional government has failed to pay salaries for five months.", "other", "incitement"),
    ("We will not hesitate to strike any ship that approaches our waters.", "threat", "de_escalation"),
    ("The tribunal does not deny that the new camps carry some risk.", "other", "denial"),
])
def test_parse_rules(nlp, text, label, absent):
    from conflictdesk.extract.statements.stage import label_sentence

    labels, cues, targets = label_sentence(text, nlp(text))
    assert label in labels and absent not in labels, (labels, cues)
    if label == "incitement":
        assert targets == ["Yazidis"]


def test_what_speakers_say_in_conflict_news_is_a_statement(nlp, kb):
    ex = _extract(nlp, kb, "Iraqi troops clashed with Islamic State militants near Mosul on Friday. Kataib Hezbollah "
                           "said its members had attended the funeral in Karbala on Friday.")
    kh = [s for s in ex.statements if s.actor == "kataib-hezbollah"]
    assert [p.text for s in kh for p in s.points] == ["its members had attended the funeral in Karbala on Friday"]
    assert kh[0].points[0].labels == ["other"]


@pytest.mark.parametrize("text", [
    "Apple said its quarterly revenue rose 12 percent, and chief executive Tim Cook told analysts that demand for "
    "the new phone was strong in China. \"We are very pleased with the launch,\" he said.",
    "\"We attacked from the first minute and never let them breathe,\" the coach said after the battle for the title, "
    "adding that his strikers had shot well. The club said ticket sales would open on Monday.",
])
def test_what_speakers_say_outside_conflict_news_is_no_statement(nlp, kb, text):
    assert _extract(nlp, kb, text).statements == []


def test_a_patron_is_not_the_speaker(nlp, kb):
    ex = _extract(nlp, kb, "Iran-backed groups claimed responsibility for the drone attack on the base in Syria.")
    assert all(s.actor != "iran" for s in ex.statements), [(s.actor, s.points) for s in ex.statements]


def test_the_statement_list_belongs_to_the_statement_not_to_an_observer(nlp, kb, tmp_path):
    path = Path(__file__).resolve().parents[1] / "examples" / "statement-islamic-resistance.txt"
    doc = next(d for d in read_file(path) if not hasattr(d, "stage"))
    ex = extract_document(doc, nlp=nlp, kb=kb)
    three = [s for s in ex.statements if len(s.points) == 3]
    assert three and three[0].actor == "islamic-resistance-in-iraq"
    assert "claim_of_responsibility" in three[0].points[0].labels
    assert not [s for s in ex.statements if s.actor == "iraq" and len(s.points) > 1]
    _offsets_hold(ex)


def _speakers_of(ex) -> dict[str, tuple[str | None, str | None]]:
    return {p.text: (st.speaker, st.actor) for st in ex.statements for p in st.points}


def test_the_group_said_is_the_group_heard_before(nlp, kb):
    text = ('Hezbollah fighters shelled the town on Monday, killing four soldiers. Hezbollah said it had struck an '
            'army post near the border. "Our fighters hit the post at dawn and will strike again," the group said '
            'in a statement.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert said["Our fighters hit the post at dawn and will strike again"][1] == "hezbollah"
    text = ('Airstrikes killed nine fighters near Raqqa on Monday. While battling Islamic State with the help of '
            'Russian jets, Hezbollah is also fighting Hamas in the south. The group said that 12 of its fighters '
            'were killed.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert said["12 of its fighters were killed"][1] == "hezbollah"


def test_the_army_said_is_the_army_named_however_far_back(nlp, kb):
    text = ('The Iraqi army said on Sunday its troops had retaken two villages south of Mosul.\n\n'
            'Aid agencies said thousands of families were fleeing the fighting.\n\n'
            'The United Nations said its camps were close to full.\n\n'
            'Local officials said the roads out of the area were mined.\n\n'
            'The army said it had killed 40 militants in the villages late on Sunday.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert said["it had killed 40 militants in the villages late on Sunday"][1] == "military-forces-of-iraq"


def test_the_group_said_far_from_its_name_is_the_armed_group_named_last(nlp, kb):
    text = ('Boko Haram fighters raided a village near Maiduguri on Sunday, killing 12 people.\n\n'
            'Aid agencies said thousands of families were fleeing the area.\n\n'
            'The United Nations said its camps were close to full.\n\n'
            'Local officials said the roads out of the area were mined.\n\n'
            'The extremist group said its fighters would strike again.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert said["its fighters would strike again"][1] == "boko-haram"


def test_a_pages_furniture_is_no_paragraph_between_a_speaker_and_its_pronoun(nlp, kb):
    text = ('Turkish jets struck Kurdish militant camps in northern Iraq on Tuesday, the Turkish military said.\n\n'
            'Continue reading the main story\n\n'
            '4:15 p.m.\n\n'
            'BORDER POSTS\n\n'
            'It said the strikes hit shelters and arms depots used by the militants.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert said["the strikes hit shelters and arms depots used by the militants"][1] is not None


def test_rebels_named_by_their_country_do_not_speak_for_its_state(nlp, kb):
    text = ('Government jets bombed rebel-held towns near Idlib on Monday. Three Syrian rebel commanders told '
            'reporters on Monday their fighters had received new anti-tank missiles from foreign backers.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert said["their fighters had received new anti-tank missiles from foreign backers"][1] not in (
        "syria", "government-of-syria", "military-forces-of-syria")


def test_he_said_names_the_sentence_speaker_not_one_told_aside(nlp, kb):
    text = ('Air strikes killed 12 civilians in Idlib on Saturday, residents said. "Our aircraft never strike homes, '
            'whatever the rebels claim," Sergei Shoigu told reporters in Moscow, shortly after Jean-Yves Le Drian '
            'said the air raids on Idlib had to end. "We only defend our own country," he said.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert "le-drian" in said["the air raids on Idlib had to end"][0]
    assert "shoigu" in said["We only defend our own country"][0]


def test_speaker_side_is_neither_the_opponent_nor_a_rank(nlp, kb):
    text = ('Russian air strikes killed 30 people in Aleppo on Monday, activists said. The Baghdad spokesman for the '
            'U.S.-led coalition against the Islamic State group rejected Russian claims that coalition jets had '
            'bombed a school. Russian defence ministry spokesman Major General Pavel Kovrigin said Russian jets '
            'struck only militant positions. Kovrigin said the school had been empty for months. Hamid Karimi, an '
            'expert who knows the bomber named by Afghan authorities, said more raids would follow.')
    said = _speakers_of(_extract(nlp, kb, text))
    assert said["more raids would follow"][1] is None
    text = ('Air strikes killed 12 civilians in Idlib on Saturday. Syria\'s main opposition negotiator, Ahmed Karim, '
            'said the government\'s bombing had wrecked the peace talks.')
    assert _speakers_of(_extract(nlp, kb, text))["the government's bombing had wrecked the peace talks"][1] is None
    assert said["rejected Russian claims that coalition jets had bombed a school"][1] != "islamic-state"
    assert said["Russian jets struck only militant positions"][1] == "russia"
    assert said["the school had been empty for months"][1] == "russia"


def test_an_unconfirmed_report_of_a_strike_claims_nothing(nlp, kb):
    text = ('Air strikes killed 12 civilians in Mosul on Monday. Iraqi military officials said they could not '
            'confirm a report that an Islamic State commander had been wounded in an air strike near the city.')
    points = [p for st in _extract(nlp, kb, text).statements for p in st.points]
    point = next(p for p in points if "could not confirm" in p.text or "commander had been wounded" in p.text)
    assert "claim_of_responsibility" not in point.labels
