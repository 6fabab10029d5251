"""Speech as news reports it (statements/speech.py): the shapes of attribution `find_speech` reads."""
from __future__ import annotations

import pytest

from conflictdesk.extract.statements.cues import load_cues
from conflictdesk.extract.statements.speech import find_speech


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
