"""Speech as news reports it (statements/speech.py): the shapes of attribution `find_speech` reads."""
from __future__ import annotations

import pytest

from conflictdesk.extract.statements.cues import load_cues
from conflictdesk.extract.statements.speech import find_speech, sentence_pieces


def _speech(nlp, text: str) -> list[tuple[str, list[str]]]:
    """(speaker, points) of each utterance found in `text`."""
    found = find_speech(nlp(text), text, load_cues().speech)
    return [(text[sp.subject[0]:sp.subject[1]] if sp.subject else "", [text[a:b] for a, b in sp.spans])
            for sp in found]


@pytest.mark.parametrize("text,speaker,point", [
    # set off after the words it reports, however the parse hangs them
    ("A fresh wave of shelling on Monday on government-held districts of the town killed at least 12 more "
     "people, a local medic said.", "a local medic",
     "A fresh wave of shelling on Monday on government-held districts of the town killed at least 12 more people"),
    # set inside them: the words after it are the point
    ("These killings, she said, plainly showed the group's plan to drive the villagers from the valley.", "she",
     "plainly showed the group's plan to drive the villagers from the valley"),
])
def test_set_off_attribution(nlp, text, speaker, point):
    found = _speech(nlp, text)
    assert any(s == speaker and any(point in p for p in points) for s, points in found), found


@pytest.mark.parametrize("text", [
    "After the talks ended in Vienna on Friday, the minister told reporters.",
    "The rebels shelled the town overnight, in an attack claimed by the brigade.",
])
def test_no_set_off_attribution_without_a_speaker_or_words(nlp, text):
    assert _speech(nlp, text) == []


def test_a_topic_after_the_verb_is_no_set_off_attribution(nlp):
    text = "In a letter to the council, the mayor wrote of corruption in the city, of crime and of the poor."
    assert all("In a letter to the council" not in p for _, points in _speech(nlp, text) for p in points)


def test_what_a_panel_finds_is_what_it_says(nlp):
    text = "More than 400 prisoners were still held by the militia in the mountains, the panel found."
    assert ("the panel", ["More than 400 prisoners were still held by the militia in the mountains"]) in _speech(nlp, text)


@pytest.mark.parametrize("text,point", [
    ("The foreign minister expressed deep concern over the shelling of the border villages.",
     "expressed deep concern over the shelling of the border villages"),
    ("The rebel council voiced its opposition to any deal that leaves the president in power.",
     "voiced its opposition to any deal that leaves the president in power"),
])
def test_a_declared_stance_is_a_point(nlp, text, point):
    assert any(point in p for _, points in _speech(nlp, text) for p in points), _speech(nlp, text)


@pytest.mark.parametrize("text,speaker,point", [
    # the parser reads the speaker's description as a clause of its own and leaves the verb no subject
    ("The commander of a tribal militia stationed beside the army in the valley said the raiders had used "
     "two car bombs to break through the checkpoint.", "The commander of a tribal militia",
     "the raiders had used two car bombs to break through the checkpoint"),
    ("A gunman from the Hamza Brigade - which is not part of the truce in the north - said on social "
     "media it was now advancing towards the river crossing.", "A gunman from the Hamza Brigade",
     "it was now advancing towards the river crossing"),
])
def test_a_speaker_the_parse_hides_in_a_clause(nlp, text, speaker, point):
    found = _speech(nlp, text)
    assert any(s.startswith(speaker) and any(point in p for p in points) for s, points in found), found


def test_a_quotation_over_a_wrapped_line_is_one_quotation(nlp):
    # hard-wrapped wire copy: the line breaks fall inside sentences, not only between paragraphs
    text = ('Amina Bello, a regional analyst, said there was little\nhope of progress in the talks.\n'
            '"The ministry is furious about the leak, and so are the\nrebels," she said. "The rebels will not '
            'bargain\nfor the prisoners any more," she said.')
    found = _speech(nlp, text)
    points = [p for _, ps in found for p in ps]
    assert "The ministry is furious about the leak, and so are the\nrebels" in points, found
    assert any(p.startswith("The rebels will not bargain\nfor the prisoners") for p in points), found


def test_an_unclosed_quotation_does_not_run_into_the_next_paragraph():
    from conflictdesk.extract.statements.speech import quotations
    text = '"We will not stop fighting.\n"We will go on," he said.'
    assert [text[a:b] for a, b in quotations(text)] == ["We will go on"]


@pytest.mark.parametrize("text,point", [
    # a paragraph of a long quotation left open, the next paragraph opening with a mark again
    ('The sides disagree on the council.\n"We are not afraid of the deal," Karim said. "But we fear the secrecy '
     'of it. \n"We do not know what has been agreed."', "But we fear the secrecy of it."),
    # a quotation closed by the other kind of mark
    ('Ndlovu said his group has 12 chapters.\n\u201cPeople join us every week.\u201d Ndlovu told Reuters. "They want '
     'to be a part of something bigger than themselves.\u201d\n', "They want to be a part of something bigger than "
     "themselves."),
])
def test_a_quotation_its_line_leaves_open_is_read(nlp, text, point):
    assert any(point in ps for _, ps in _speech(nlp, text)), _speech(nlp, text)


def test_a_paragraph_in_quotation_marks_alone_is_no_open_quotation():
    from conflictdesk.extract.statements.speech import quotations
    assert quotations('The sign said "closed for the season\nThe shop reopened in May.') == []
    # a script's paragraphs each opened with a mark, no closed quotation before them in the paragraph
    text = 'Our reporter files:\n"The minister says he quit because of a campaign against him.\n"He says more.'
    assert quotations(text) == []


@pytest.mark.parametrize("text,speaker,point", [
    # the parse hangs the speaker on the last noun of the words reported (an appositive, a conjunct)
    ("A truck bomb blamed on the militants two weeks ago at the main market killed 18 traders, the district "
     "mayor said at the time, as the army pushed into the hills.", "the district mayor",
     "A truck bomb blamed on the militants two weeks ago at the main market killed 18 traders"),
    ("Crowds gathered at the gates of the compound on Sunday. Police and the cleric's guards set up a joint force "
     "to hold back crowds of marchers, most of whom had reached the square, an aide in the cleric's office told "
     "Reuters.", "an aide in the cleric's office",
     "Police and the cleric's guards set up a joint force to hold back crowds of marchers"),
    # a list of speakers set off by commas of its own
    ("Army units had come within three km of the hill town of Deir Ammar, which puts the coast road within "
     "their range, the rebels, villagers and a local monitor said.", "the rebels, villagers and a local monitor",
     "Army units had come within three km of the hill town of Deir Ammar"),
])
def test_a_set_off_speaker_the_parse_reads_inside_the_words(nlp, text, speaker, point):
    found = _speech(nlp, text)
    assert any(s == speaker and any(p.startswith(point) for p in points) for s, points in found), found
    assert not any("as the army pushed" in p for _, points in found for p in points), found


def test_a_named_speaker_before_his_description_keeps_his_quotation(nlp):
    text = ('"Drones may make force easier to use," Jay Smith, an analyst with the Civil Liberties Group told '
            'the magazine.')
    assert ("Jay Smith, an analyst with the Civil Liberties Group", ["Drones may make force easier to use"]) \
        in _speech(nlp, text)


def test_what_is_told_to_an_audience_without_that(nlp):
    found = _speech(nlp, "The envoy told the summit she had met both commanders on Sunday.")
    assert ("The envoy", ["she had met both commanders on Sunday"]) in found
    assert _speech(nlp, "He told the story he had heard from his father.") == []


@pytest.mark.parametrize("text,point", [
    ("The state broadcaster had reported a night raid on two villages near the lake.",
     "reported a night raid on two villages near the lake"),
    ("The minister spoke of a \"grave danger\" to the region.", "spoke of a \"grave danger\" to the region"),
])
def test_what_a_report_names_is_its_point(nlp, text, point):
    assert any(point in p for _, points in _speech(nlp, text) for p in points), _speech(nlp, text)


@pytest.mark.parametrize("text", [
    "Firms must report any breach to the regulator.",       # what one must report, not what was
    "Local officials reported the death toll.",             # only points back at what was told
    "The agency also reported a statement from the company that said the strike hurt the economy.",
    "The governor spoke about the flooding during his visit.",      # a topic, not what he said of it
])
def test_no_report_of_an_object_that_says_nothing(nlp, text):
    assert not any(p.startswith(("report", "spoke")) for _, points in _speech(nlp, text) for p in points), \
        _speech(nlp, text)


def test_a_doubt_raised_by_an_event_is_no_call(nlp):
    text = "The bombing called into question the army's campaign to crush the insurgency in the peninsula."
    assert not _speech(nlp, text)


@pytest.mark.parametrize("text,speaker,point", [
    ('One placard read: "Stop the bombing of hospitals."', "One placard", "Stop the bombing of hospitals."),
    ('The statement read in part: "We will continue to fight until the occupation ends."', "The statement",
     "We will continue to fight until the occupation ends."),
    ('"Down with the army," the crowd chanted as police fired tear gas.', "the crowd", "Down with the army"),
])
def test_words_a_writing_or_a_crowd_gives(nlp, text, speaker, point):
    assert (speaker, [point]) in _speech(nlp, text)


def test_a_crowd_cry_hung_on_a_place_has_no_speaker(nlp):
    assert _speech(nlp, 'Students marched to the embassy chanting "Death to the dictator" and burning flags.') == []


def test_a_quoted_headline_is_nobody_s_words(nlp):
    # a crosshead over the paragraph: the speaker's own phrase is the point, not the quoted line
    text = ('The vote is due in April.\nTALKS "VERY SOON"\nU.N. chief Ana Ruiz welcomed the joint announcement, '
            'which comes after a failed attempt by her envoy in March to restart the talks.')
    points = [p for _, ps in _speech(nlp, text) for p in ps]
    assert "VERY SOON" not in points and any(p.startswith("welcomed the joint announcement") for p in points)


@pytest.mark.parametrize("text,speaker,point", [
    ("Thousands rallied in the square, answering the cleric's call to press the government over corruption.",
     "the cleric", "to press the government over corruption"),
    ("There was no sign that Moscow would drop its vow to continue the offensive against the armed groups.",
     "Moscow", "to continue the offensive against the armed groups"),
    ("The senator's call for a ban on arms sales to the region drew little support.", "The senator",
     "for a ban on arms sales to the region"),
])
def test_what_a_noun_of_speech_reports_for_its_owner(nlp, text, speaker, point):
    assert (speaker, [point]) in _speech(nlp, text)


def test_a_noun_of_speech_whose_owner_is_for_the_reader_to_tell(nlp):
    # "his": whose call it is the text told before; no speaker to read here
    assert _speech(nlp, "The crowd cheered his call for a war on the militants in the north.") == []


def test_a_quotation_after_a_noun_of_speech_is_not_its_owner_s(nlp):
    text = ('Officials praised the governor\'s call for calm across the province. "We will rebuild the market '
            'within a month."')
    assert all(s == "the governor" for s, _ in _speech(nlp, text)), _speech(nlp, text)


@pytest.mark.parametrize("text,speaker,point", [
    ("The two leaders made clear that they would not send ground troops to the region.", "The two leaders",
     "they would not send ground troops to the region"),
    ("The minister made it clear the army would not withdraw.", "The minister", "the army would not withdraw"),
])
def test_what_a_speaker_made_clear(nlp, text, speaker, point):
    assert (speaker, [point]) in _speech(nlp, text)


def test_a_crowd_s_cry_before_its_speaker(nlp):
    # (the parse may also take the quotation's first noun for a second subject; the speaker is the one outside it)
    text = ('"No justice, no peace, no curfews," students shouted on Friday outside the ministry, where officers '
            'tried to push them back from the gates.')
    assert ("students", ["No justice, no peace, no curfews"]) in _speech(nlp, text)


def test_a_day_after_told_is_no_point_and_the_quotation_after_the_stop_is_the_speakers(nlp):
    text = ('"We bought the first dogs only last spring and trained them all winter," the police chief said. '
            'Omar Haddad, who runs the village council, told reporters on Tuesday. "The gunmen have left the '
            'village and the roads are open again."')
    found = _speech(nlp, text)
    assert not any(p.startswith("told") for _, points in found for p in points), found
    assert any(s.startswith("Omar Haddad") and any(p.startswith("The gunmen have left") for p in points)
               for s, points in found), found


@pytest.mark.parametrize("text,outer,tail,tail_speaker", [
    # a denial or a claim that closes another's words is its own speaker's point, and their words end before it
    ("Turkey, a vocal critic of the government, has long complained of Russian jets flying into Turkish airspace "
     "while carrying out raids along the border - something Moscow denies.",
     "complained of Russian jets flying into Turkish airspace while carrying out raids along the border",
     "something Moscow denies", "Moscow"),
    ("Damascus said on Wednesday that British special forces were present, alongside Dutch personnel, in eastern "
     "Syria, an accusation denied by London.",
     "British special forces were present, alongside Dutch personnel, in eastern Syria",
     "an accusation denied by London", "London"),
    ("South of the capital on Monday, police said a car bomb killed at least five people and wounded 14 when it "
     "exploded near a market in the town, in an attack claimed by the Islamic State group.",
     "a car bomb killed at least five people and wounded 14 when it exploded near a market in the town",
     "an attack claimed by the Islamic State group", "the Islamic State group"),
])
def test_a_denial_or_claim_closing_another_s_words_is_its_own(nlp, text, outer, tail, tail_speaker):
    found = _speech(nlp, text)
    assert any(outer in points for _, points in found)
    assert (tail_speaker, [tail]) in found


def test_talks_called_by_a_party_are_no_tail_of_its_own(nlp):
    text = ("The opposition said it would not take part in the talks in Vienna called by the European Union.")
    assert all(speaker != "the European Union" for speaker, _ in _speech(nlp, text))


@pytest.mark.parametrize("text,count", [
    # an ellipsis set off by spaces leaves words out of one thought: one point
    ("Our men will hold the bridge for as long as it takes ... We will not cross the river first.", 1),
    # one that closes a word ends its sentence: two points
    ("The raid on the depot was stopped at dawn... The whole district is calm again tonight.", 2),
])
def test_an_ellipsis_between_spaces_joins_its_sentences(nlp, text, count):
    assert len(sentence_pieces(nlp(text), text, (0, len(text)))) == count


def test_a_participle_describing_the_subject_does_not_report_the_main_clause(nlp):
    found = _speech(nlp, "Protesters calling for an end to corruption occupied the parliament building on Sunday.")
    assert not any("occupied" in p for _, points in found for p in points), found


@pytest.mark.parametrize("text,point", [
    ("The opposition leader appealed to supporters to gather in the central square on Friday.",
     "appealed to supporters to gather in the central square on Friday"),
    ("The hospital asked residents to donate blood after the bombing.",
     "asked residents to donate blood after the bombing"),
])
def test_a_request_that_someone_act_is_a_point(nlp, text, point):
    found = _speech(nlp, text)
    assert any(point in p for _, points in found for p in points), found


def test_being_asked_to_act_is_no_point(nlp):
    assert not _speech(nlp, "He was asked to resign by the party.")
