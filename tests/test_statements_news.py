"""Statements as news reports them: quotations and their attributions, reported speech, "according
to", continued quotations; who speaks (pronouns, roles); labels read from the point and its speaker.
Real spaCy, the real knowledge base, project-written texts in wire style."""
from __future__ import annotations

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.extract.statements.cues import label_text, load_cues
from conflictdesk.ingest import read_text_document

WIRE = (
    "BAGHDAD Iraqi troops backed by coalition air strikes clashed with Islamic State militants near Falluja on "
    "Sunday, and 15 militants were killed, the military said.\n\n"
    "\"The operation will continue until the last fighter is driven out of the city,\" Pentagon spokesman Peter "
    "Cook told reporters on Monday. \"Our aircraft struck 20 targets overnight.\"\n\n"
    "He said the coalition had conducted more than 40 strikes in the past week.\n\n"
    "A U.S. military official said the militants had used suicide bombers to slow the advance, according to a "
    "transcript of the briefing. Residents said the shelling had destroyed dozens of homes, according to the "
    "Syrian Observatory for Human Rights.\n\n"
    "The Iraqi army said its forces took over the main hospital on Sunday. Islamic State denied reports that its "
    "commanders had fled the city.")


@pytest.fixture(scope="module")
def wire(nlp, kb):
    doc = read_text_document(WIRE, id="wire", published="2016-05-30")
    return extract_document(doc, nlp=nlp, kb=kb)


def _points(ex):
    return {p.text: (st, p) for st in ex.statements for p in st.points}


def test_offsets_hold_and_attributions_are_never_points(wire):
    for st in wire.statements:
        for p in st.points:
            assert wire.document.text[p.start:p.end] == p.text
            assert "told reporters" not in p.text and "the military said" not in p.text


def test_each_shape_of_reported_speech_gives_its_point(wire):
    points = _points(wire)
    expected = [
        # before the attribution ("..., the military said")
        "BAGHDAD Iraqi troops backed by coalition air strikes clashed with Islamic State militants near Falluja on "
        "Sunday, and 15 militants were killed",
        # a quotation, and the next one that continues it with no verb of its own
        "The operation will continue until the last fighter is driven out of the city",
        "Our aircraft struck 20 targets overnight.",
        # "X said (that) ..."
        "the coalition had conducted more than 40 strikes in the past week",
        "its forces took over the main hospital on Sunday",
        # a verb whose own phrase is the point
        "denied reports that its commanders had fled the city",
    ]
    missing = [e for e in expected if e not in points]
    assert not missing, (missing, sorted(points))


def test_pronoun_and_continuation_are_the_earlier_speaker_a_new_role_is_not(wire):
    points = _points(wire)
    cook = points["The operation will continue until the last fighter is driven out of the city"][0]
    assert cook.speaker and "peter-cook" in cook.speaker
    assert points["Our aircraft struck 20 targets overnight."][0] is cook
    he = points["the coalition had conducted more than 40 strikes in the past week"][0]
    assert he.speaker == cook.speaker
    official = next(st for text, (st, _) in points.items() if text.startswith("the militants had used suicide"))
    assert official.speaker != cook.speaker               # "A U.S. military official" is not Peter Cook


def test_labels_come_from_the_point_and_its_speaker(wire):
    points = _points(wire)
    assert "threat" in points["The operation will continue until the last fighter is driven out of the city"][1].labels
    assert "claim_of_responsibility" in points["Our aircraft struck 20 targets overnight."][1].labels
    assert "claim_of_responsibility" in points["its forces took over the main hospital on Sunday"][1].labels
    assert "denial" in points["denied reports that its commanders had fled the city"][1].labels
    # an onlooker's account of an army's act is no claim
    observed = [p for text, (_, p) in points.items() if "shelling had destroyed" in text]
    assert observed and all("claim_of_responsibility" not in p.labels for p in observed)


def test_a_threat_stays_when_the_quote_is_a_direct_one(nlp, kb):
    text = ("Hezbollah fighters fired rockets at Israeli army positions on Tuesday after an air strike killed "
            "two of its commanders in southern Lebanon.\n\n"
            "\"We will strike back at the time and place of our choosing,\" the group's deputy leader said.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    quote = [p for st in ex.statements for p in st.points if p.text.startswith("We will strike back")]
    assert quote and "threat" in quote[0].labels


CONTEXT = ("Syrian troops and Russian warplanes pounded rebel positions near Aleppo on Monday, killing 20 militants, "
           "as fighting raged despite the ceasefire and rebels shelled army posts.\n\n")


@pytest.mark.parametrize("sentence,label,absent", [
    # content decides, not the verb alone: a denial of one's own side's act claims nothing
    ("Russia denied that its warplanes had hit civilian targets.", "denial", "claim_of_responsibility"),
    ("The Pentagon said no U.S. troops were involved in the raid.", "denial", "other"),
    # a party's account of its own side's act is its claim; an onlooker's is not
    ("Kurdish YPG fighters said they had captured the village from Islamic State.", "claim_of_responsibility",
     "other"),
    ("The Syrian Observatory said government forces had captured the village.", "other", "claim_of_responsibility"),
    # what another party should do is a demand; calling on a public to act is a call
    ("The Kurdish leader said Iraq should be divided into three states after the war.", "demand", "other"),
    ("The president called on protesters to leave parliament.", "demand", "other"),
    ("The government called on civilians to flee the city.", "call_to_action", "demand"),
    # a call to fight or to protest is a call to action whoever it addresses; a call made on another party,
    # quoted or reported, is a demand (the annotation guide: "states what another party must do")
    ("The cleric called on Iraqis to take up arms against the militants.", "call_to_action", "demand"),
    ("The Taliban urged Afghans to join the fight against foreign forces.", "call_to_action", "demand"),
    ("The union called for a general strike on Monday.", "call_to_action", "demand"),
    ("The minister called on both sides \"to stop fighting and to respect the ceasefire\".", "demand",
     "call_to_action"),
    ("The envoy urged Moscow to join efforts to bring about a ceasefire.", "demand", "call_to_action"),
    ("The agency called on Monday for the warring parties to allow aid into the town.", "demand", "call_to_action"),
    ("Washington urged Ankara to stop shelling Kurdish positions.", "demand", "claim_of_responsibility"),
    ("Turkey called for the YPG to withdraw east of the Euphrates.", "demand", "other"),
    # talks and truces; a breached truce is no de-escalation
    ("The opposition said it would attend the peace talks in Geneva.", "de_escalation", "other"),
    ("Assad said insurgents had breached the deal from day one.", "other", "de_escalation"),
    # a campaign announced by its own side is a threat; a response given as grounds, a justification
    ("The army said it would press on with its offensive to retake Raqqa.", "threat", "other"),
    ("Israel said its strike was a response to rocket fire from Gaza.", "justification", "other"),
    # how ministries and armed groups give their grounds, deny, and threaten in reported speech
    ("Turkey said the shelling was retaliation for mortar fire that landed on its territory.", "justification",
     "other"),
    ("The group said the bombing was revenge for the killing of its commander.", "justification", "other"),
    ("The Pentagon said the compound was being used by dozens of militants to plan attacks.", "justification",
     "other"),
    ("The army said the soldiers returned fire after coming under attack at a checkpoint.", "justification",
     "other"),
    ("The fighters said they were defending their land against foreign invaders.", "justification", "other"),
    ("The rebels rejected the government's account of the clashes.", "denial", "other"),
    # an act its own side kept at a distance from a place denies hitting the place
    ("The Russian defence ministry said its jets struck no closer than 30 km to the refugee camp.", "denial",
     "claim_of_responsibility"),
    ("The military said reports of civilian casualties were \"completely untrue\".", "denial", "other"),
    ("An army spokesman said it was not aware of any strike in the area.", "denial", "other"),
    ("Tehran said Washington would pay a heavy price for any aggression.", "threat", "other"),
    ("Ankara warned it would not allow a Kurdish state on its southern border.", "threat", "other"),
    ("The army said it would press ahead with the offensive on the city.", "threat", "other"),
    ("Moscow said it would withdraw most of its forces from the region.", "de_escalation", "other"),
    # a protective purpose or a cause given for one's own act is its justification; asked of others, it is not
    ("Officials said the curfew was imposed to prevent further violence.", "justification", "other"),
    ("Moscow said it had scrambled a fighter jet because the plane had switched off its transponder.",
     "justification", "other"),
    # a force led by a named party is that party's, not the side of a speaker who does not name itself
    ("A military source said U.S.-led coalition air strikes killed 30 militants near the town.", "other",
     "claim_of_responsibility"),
    ("The state news agency said the Saudi-led coalition had bombed the bridge on Monday.", "other",
     "claim_of_responsibility"),
    ("Turkey's army said its air strikes killed 30 militants near the border.", "claim_of_responsibility", "other"),
    # an armed act told only as the time of a point that is no act sets its scene; an act told with one is a claim
    ("The army said the toll could rise to 30 as its commandos cleared the last buildings.", "other",
     "claim_of_responsibility"),
    ("The army said its commandos killed 12 gunmen as they cleared the last buildings.", "claim_of_responsibility",
     "other"),
    # "deny" with a party and a thing withholds the thing; it denies no report
    ("The army said its raids were denying the militants access to the river.", "other", "denial"),
    ("The party said it denied him the nomination because of his record.", "other", "denial"),
    ("The ministry denied the rebels' claims about the shelling.", "denial", "other"),
    # a measure told as taken after the other side's act gives that act as its grounds; after a time, no grounds
    ("Police said the road was closed after gunmen opened fire on a checkpoint near the bridge.", "justification",
     "other"),
    ("The governor said a curfew was imposed in the district after militants dug trenches across the streets.",
     "justification", "other"),
    ("Officials said the border crossing was closed after midnight for repairs to the damaged gate.", "other",
     "justification"),
    ("The police said the attacker detonated the bomb early because he was scared of the guards.", "other",
     "justification"),
    ("The prime minister called on security forces to exert every effort to protect civilians.", "call_to_action",
     "justification"),
    ("The government said no chemical weapons had been used in the offensive.", "denial", "other"),
    ("The Pentagon said the strike hit only militant targets.", "justification", "other"),
    # an arrest after the act is its sequel, no grounds; efforts named as any purpose are no grounds
    ("Police said a man was taken into custody after a gunman opened fire on a bus near the depot.", "other",
     "justification"),
    ("Police said two men were arrested after a gunman opened fire on a bus near the depot.", "other",
     "justification"),
    ("The minister said the port deal was signed as part of efforts to improve trade with the north.", "other",
     "justification"),
    ("The ministry said the raids were part of efforts to cut the smugglers' supply lines.", "justification",
     "other"),
    # a fight in court is a lawsuit; "should prove" forecasts; an act told in a relative clause is no claim
    ("The farmer said he would continue the fight in court over the seized land.", "other", "threat"),
    ("The engineer said the new scanners should prove valuable in crowded stations.", "other", "demand"),
    ("Investigators said they had found no evidence that the gunman intended to attack other schools.", "other",
     "threat"),
    # a verb joined to a passive one is passive too: a toll of the speaker's own men, no claim
    ("The army said two soldiers were shot and wounded near the border post.", "other", "claim_of_responsibility"),
    # an armed verb aimed at an ill fought in a figure threatens no one
    ("The mayor said the city would fight poverty and hunger in the northern districts.", "other", "threat"),
    ("The bishop said the parish would eradicate the hatred that divides the two villages.", "other", "threat"),
    ("The army said the rebels must withdraw from the hills they captured last week.", "demand",
     "claim_of_responsibility"),
    # denials as ministries word them, threats and demands in reported speech, restraint
    ("A Taliban spokesman said the group had no links to the bombers.", "denial", "other"),
    ("The ministry called the report \"a lie\".", "denial", "other"),
    ("A spokesman dismissed the claim as \"nonsense\".", "denial", "other"),
    ("Moscow refuted reports that its planes had struck the convoy.", "denial", "claim_of_responsibility"),
    ("The foreign ministry said the reports were part of a campaign of lies.", "denial", "other"),
    ("Moscow said it reserved the right to respond.", "threat", "other"),
    ("The militants said more attacks would follow.", "threat", "other"),
    ("The opposition said it wanted an end to air strikes before talks could start.", "demand", "other"),
    ("He said the truce could only succeed if Moscow stopped its air strikes.", "demand", "other"),
    ("The army said it was refraining from responding to give the truce a chance.", "de_escalation", "other"),
    ("The rebels warned that the capital was within range of their rockets.", "threat", "other"),
    ("\"We will not stand by while our people are killed,\" the commander said.", "threat", "other"),
    ("The president said the operation would not stop until the militants were cleared from the border.",
     "threat", "other"),
    ("\"Any aggression will be met with force,\" the minister said.", "threat", "other"),
    ("The government said those behind the attack would be punished.", "threat", "other"),
    ("The envoy said the proposal would be met with a positive response in Damascus.", "other", "threat"),
    # talks named in an accusation, a grievance, a condition or as a time are no step towards calm
    ("The opposition accused Moscow of putting obstacles in the way of the talks.", "other", "de_escalation"),
    ("The minister said the rebels were to blame for the failure of the peace talks.", "other", "de_escalation"),
    ("The rebels said talks could not resume until the siege of the town was lifted.", "demand", "de_escalation"),
    ("The chancellor said the families would go home once there is peace in their country.", "other",
     "de_escalation"),
    # a warning of what is, with nothing to come, threatens no one
    ("The aid agency warned that thousands of children were trapped in the besieged town.", "other", "threat"),
    # atrocities told of another are a charge, not incitement; a charge of violation denied is a denial
    ("The commission said the militants had committed genocide in an effort to exterminate the villagers.",
     "other", "incitement"),
    ("Tehran said its rocket tests were not a violation of the agreement.", "denial", "other"),
    # a consequence set on the other side's move, an assault announced, a condition for attending talks
    ("The vice president said that if they violate the agreement, we will act.", "threat", "other"),
    ("The commander said the storming of the city will begin within days.", "threat", "other"),
    ("The opposition said it would not attend without an end to the shelling.", "demand", "other"),
    # doubts about talks are assessments; a side open to talking de-escalates; defiance and a vow to root out
    ("The analyst said there was little chance of a breakthrough in the talks.", "other", "de_escalation"),
    ("The minister said the government could talk to the rebels if credible leaders emerged.", "de_escalation",
     "other"),
    ("The president said there would be no surrender.", "threat", "other"),
    # a side telling its own strikes
    ("\"We are carrying out air strikes on their positions every night,\" the general said.",
     "claim_of_responsibility", "other"),
    # denials in their news shapes: accusations called absurd, an "information war", a claim rebuffed
    ("Turkey's foreign ministry called the accusations ridiculous.", "denial", "other"),
    ("Moscow said the reports were part of an information war against Russia.", "denial", "other"),
    ("The group rebuffed the claims, saying its fighters were nowhere near the town.", "denial", "other"),
    # what a verb rejecting a report introduces, and the reasons given with a denial, deny it too
    ("Moscow dismissed the report, saying its planes had not struck the market.", "denial", "other"),
    ("Russia denied targeting civilians, saying its pilots take great care to avoid homes.", "denial",
     "claim_of_responsibility"),
    ("The ministry rejected the accusations and insisted that the unrest was homegrown.", "denial", "other"),
    # a report or its pictures said to be untrue, an act said never to have been, a side's "did not"
    ("The ministry said the casualty figures were exaggerated.", "denial", "other"),
    ("The army said the footage had been doctored.", "denial", "other"),
    ("Iran said the claims were a pack of lies.", "denial", "other"),
    ("A police spokesman said there had been no such raid.", "denial", "other"),
    ("\"We did not attack the convoy,\" the rebel spokesman said.", "denial", "other"),
    # a charge named by the noun a denial's relative clause hangs from; a denial after a semicolon
    ("Opponents accuse the governor of tolerating militancy, a charge he strongly denies.", "denial", "threat"),
    ("Turkey said the plane entered its airspace; Russia insisted the jet had never violated Turkish airspace.",
     "denial", "threat"),
    # calls: a quoted imperative, a people addressed as a public, "encouraged"/"told X to", all parties urged
    ("\"Attack them wherever you find them,\" the spokesman said in the recording.", "call_to_action", "other"),
    ("\"We call on all Muslims to support their brothers in Aleppo,\" the statement said.", "call_to_action",
     "demand"),
    ("The cleric encouraged Sunnis to take up arms against the government.", "call_to_action", "other"),
    ("The army told residents to leave the city before the offensive.", "call_to_action", "other"),
    ("\"We encourage all parties to take steps to reduce tensions,\" the envoy said.", "demand", "call_to_action"),
    ("The spokesman told reporters to expect more strikes.", "other", "call_to_action"),
    # a reporting verb negated lends nothing; a right denied to someone in the passive is no denial
    ("Army officials did not dispute the villagers' account of the raid.", "other", "denial"),
    ("The rebel leader said basic freedoms are denied by the junta.", "other", "denial"),
    # an asking denied is no call
    ("\"I never ask my supporters to fight the protesters,\" the candidate said.", "other", "call_to_action"),
    # an imperative to stop asks a party to stop: a demand
    ("\"Stop the shelling of our villages,\" the elder told the two armies.", "demand", "other"),
    # menaces without a verb of attack: "or face", "will not stop until", "will not be safe", "what is to come"
    ("The Taliban warned foreign troops to leave or face more attacks.", "threat", "other"),
    ("\"Our operations will not stop until the last terrorist is killed,\" he said.", "threat", "de_escalation"),
    ("\"Europe will not be safe,\" the group said in its statement.", "threat", "other"),
    ("The group said the bombing was just a hint of what is to come.", "threat", "other"),
    ("The rebels said their fighters would defend the town to the last man.", "threat", "other"),
    ("The commander said his forces were preparing for the battle of Mosul.", "threat", "other"),
    # a condition is no act done: "if attacked" claims nothing
    ("Iran said it would close the Strait of Hormuz if attacked.", "threat", "claim_of_responsibility"),
    # a side's gains told in the passive or through a part of its forces
    ("The army said six rebel tanks were destroyed near the town.", "claim_of_responsibility", "other"),
    ("The Russian defence ministry said more than 40 targets were destroyed in the past day.",
     "claim_of_responsibility", "other"),
    ("The army said a total of 140 militants had been killed in its air strikes since April.",
     "claim_of_responsibility", "other"),
    ("The rebels said the attack was carried out by one of their suicide bombers.", "claim_of_responsibility",
     "other"),
    ("The Russian defence ministry said its aircraft had flown 60 sorties.", "claim_of_responsibility", "other"),
    # but a toll of fighting is no claim
    ("The army said 15 militants were killed in clashes near the town.", "other", "claim_of_responsibility"),
    # grounds: force forced on a side, a punishment, a cause fought for, an attacker shot in the act, a cause
    # given for strikes told in the passive
    ("The army said it had no choice but to act after repeated attacks on its posts.", "justification", "other"),
    ("The group said the killings were punishment for collaborating with the government.", "justification",
     "other"),
    ("\"We are fighting for our freedom and dignity,\" the rebel commander said.", "justification", "other"),
    ("Police said the man was shot as he tried to stab a soldier.", "justification", "other"),
    ("The army said the strikes were carried out because militants were using the school as a base.",
     "justification", "other"),
    # "told Reuters that ..." reports, it asks nothing; a thing blown up is no side's claim
    ("A rebel commander told Reuters that the air strikes were heavy today.", "other", "demand"),
    ("The minister said the temples had been blown up last year.", "other", "claim_of_responsibility"),
    # talks and peace only named: a committee's name, talks broken down or overshadowed, dying "in peace",
    # stopping terrorist attacks
    ("The opposition High Negotiations Committee said its members would stay home.", "other", "de_escalation"),
    ("The envoy said the talks had been overshadowed by the fighting.", "other", "de_escalation"),
    ("The PKK said it had fought on since the breakdown last July of a fragile peace process.", "other",
     "de_escalation"),
    ("The father said he could die in peace if the killers were punished.", "other", "de_escalation"),
    # peace as a state, a feeling, a prayer or a name is no step towards it; peace talks, peace brought or a path
    # to peace is one
    ("The mayor said she had prayed for peace in the city all night.", "other", "de_escalation"),
    ("The veteran said he was finally at peace with his past.", "other", "de_escalation"),
    ("The spokesman said the Peace Brigades had searched the marchers at the gate.", "other", "de_escalation"),
    ("The envoy said both sides had agreed to resume peace negotiations next month.", "de_escalation", "other"),
    ("The minister said the new council would work to bring peace to the region.", "de_escalation", "other"),
    # harm announced as what is to come, with no subject to carry it
    ("\"There will be retaliation for every village they burn,\" the rebel commander said.", "threat", "other"),
    # an ability told in the past is an act done, and a clause after "before" is no part of what was pledged
    ("The army spokesman said troops were able to push into the village after heavy clashes.", "other", "threat"),
    ("The police chief said the gunman pledged allegiance to the group before being shot dead by officers.",
     "other", "threat"),
    # officers answering a call tell why they were there, no grounds for an act
    ("Police said the two officers were responding to a call about a stolen car when they were shot.", "other",
     "justification"),
    # an aid agency tells of the war, it claims no side's act
    ("A spokeswoman for an international aid agency said a school had been destroyed by an air strike.", "other",
     "claim_of_responsibility"),
    # halting a search or a rescue, or suspending a law, is no halt in fighting
    ("The police union called for the suspension of a state law on carrying guns at rallies.", "demand",
     "de_escalation"),
    # a pledge to shelter people from a war-torn country pledges no war
    ("The prime minister pledged to take in 5,000 refugees fleeing war-torn Yemen.", "other", "threat"),
    # halting a search or a rescue is no halt in fighting
    ("The governor said rescuers had halted search operations at the collapsed mine.", "other", "de_escalation"),
    ("The president said the country must find ways to stop such attacks.", "demand", "de_escalation"),
    # aid let through de-escalates, aid told as delivered is a fact; "the besieged towns" is no act announced
    ("The government said it would allow aid convoys into the besieged towns.", "de_escalation", "threat"),
    ("The agency said aid convoys reached the town on Wednesday.", "other", "de_escalation"),
    # invaders promised coffins; a deployment planned
    ("Damascus said any foreign ground troops entering Syria would return home in wooden coffins.", "threat",
     "other"),
    ("The Pentagon said it plans to send as many as 250 more troops to Syria.", "threat", "other"),
    # what one "should know" is no demand, nor a question whether something should be done
    ("\"The whole world should know this,\" the minister said.", "other", "demand"),
    ("The expert said it was unclear whether the police robots should be armed.", "other", "demand"),
    # any purpose is no grounds for force: "in order to" alone justifies nothing
    ("The analyst said the new leader was seeking a victory in order to win the loyalty of his fighters.", "other",
     "justification"),
    # arrests told in the passive are no claim of an attack
    ("Police said nine suspected militants were detained in dawn raids.", "other", "claim_of_responsibility"),
    ("The army said two militants were captured near the border.", "other", "claim_of_responsibility"),
    # aid needed or blocked is a fact of the war, no step towards calm
    ("The U.N. said 13.5 million people in Syria need humanitarian assistance.", "other", "de_escalation"),
    # "to join the fight" as the purpose of a deployment calls nobody
    ("Saudi Arabia said it had sent aircraft to Incirlik to join the fight against Islamic State.", "other",
     "call_to_action"),
    # in its own words a side says "we": "they" in a quotation is the other side
    ("\"They are bombing Syrians all the time,\" the Turkish minister said of Russia.", "other",
     "claim_of_responsibility"),
    # hostilities announced to go on
    ("Davutoglu said Turkey's fight against Islamic State, at home and abroad, would continue.", "threat", "other"),
    ("Russia said its air strikes would go on until the terrorists were defeated.", "threat", "other"),
    ("Davutoglu said the fight against Islamic State, at home and as part of the U.S.-led coalition, would "
     "continue.", "threat", "other"),
    # steps towards calm in a diplomat's words
    ("Kerry said his hope is they will open some political space to resolve the conflict.", "de_escalation",
     "other"),
    # what a side says it needs from others
    ("Turkish officials say they need more help from Western allies in defending the border.", "demand", "other"),
    # claims without the word "responsibility"
    ("The Taliban claimed the attack.", "claim_of_responsibility", "other"),
    ("Amaq said a soldier of the caliphate carried out the attack.", "claim_of_responsibility", "other"),
    ("The Islamic State group said its fighters attack an army post near the town.", "claim_of_responsibility",
     "other"),
    # terms set on another party, who a party wants kept out, a leader called on to go
    ("Assad said he was ready for a ceasefire on condition that militants did not use the lull to regroup.",
     "demand", "other"),
    ("The opposition said it had agreed to a truce, provided there were guarantees that Russia would cease fire.",
     "demand", "other"),
    ("Damascus said it wants opposition figures it calls terrorists barred from the talks.", "demand", "other"),
    ("Jubeir called for Syrian President Bashar al-Assad to step down.", "demand", "other"),
    # force told as the other way, impunity refused
    ("\"He can leave through a political process, or he will be removed by force,\" Jubeir said.", "threat", "other"),
    ("\"The world is not going to allow them to get away with this,\" Jubeir said.", "threat", "other"),
    # a party's account of acts it did not do: a place it names, a force it backs, arrests, unarmed missions
    ("The Lebanese army said a series of blasts in eastern Lebanon killed five people.", "other",
     "claim_of_responsibility"),
    ("A Pentagon spokesman said U.S.-backed forces recaptured the town in February.", "other",
     "claim_of_responsibility"),
    ("Danish police said they had arrested four people suspected of recruiting fighters.", "other",
     "claim_of_responsibility"),
    ("A U.S. military spokesman said American troops were conducting advise and assist operations near Mosul.",
     "other", "claim_of_responsibility"),
    # credit claimed; a leader with a hyphenated name told to go; troops a government plans to send
    ("The militant group said it was claiming credit for the bombing of the police station.",
     "claim_of_responsibility", "other"),
    ("The minister called for Yemeni President Abd-Rabbu Mansour Hadi to step down.", "demand", "other"),
    ("The White House said the president intends to send as many as 300 more U.S. troops to Iraq.", "threat",
     "other"),
    # responsibility owned; a warning of a response or against any action; fire opened for a stated cause
    ("A spokesman for the group said it was responsible for the bombing of the bus.", "claim_of_responsibility",
     "other"),
    ("The militia warned of a harsh response if the raids on its bases continued.", "threat", "other"),
    ("Iran warned the United States against any military action in the Gulf.", "threat", "other"),
    ("Police said they opened fire because the protesters attacked them with petrol bombs.", "justification",
     "other"),
    # advice to take care is a point, and no call to action
    ("The embassy advised its citizens to avoid the area around the base.", "other", "call_to_action"),
    ("The embassy urged Americans to remain vigilant and take extra precautions.", "other", "call_to_action"),
    # a victory announced; an act told as a response
    ("The president said Iraq would defeat terrorism this year.", "threat", "other"),
    ("The army said it was responding to mortar fire from the border villages.", "justification", "other"),
    # an intent word describing a noun announces nothing; as the predicate it does
    ("The military command said the army was the only force able to uproot terrorism.", "other", "threat"),
    ("The military command said the army was determined to uproot terrorism.", "threat", "other"),
    # a captive's death announced, and the condition set with it in the past tense of reported speech
    ("The kidnappers had said they would behead the hostage on Friday if the ransom was not paid.", "threat",
     "other"),
    ("The kidnappers had said they would behead the hostage on Friday if the ransom was not paid.", "demand",
     "other"),
    # an attack a party says was foiled is its own operation; an onlooker's account of it claims nothing
    ("The army command said an attack by Islamic State militants on the town was thwarted.",
     "claim_of_responsibility", "other"),
    ("The Syrian Observatory said an attack by Islamic State militants on the town was thwarted.", "other",
     "claim_of_responsibility"),
    # a claim the news reports (the claimant's own point, see below), and an offensive announced as launched
    ("Police said the bomber killed five people at a checkpoint, in an attack later claimed by the Taliban.",
     "claim_of_responsibility", "denial"),
    ("The regional government announced the launch of a dawn offensive by 4,000 peshmerga fighters to retake "
     "the villages.", "claim_of_responsibility", "other"),
    # talks that came to nothing, their failure cited (a hyphened word before them), and the end of a war as a
    # time are no step towards calm
    ("The opposition leader said the three rounds of talks were unsuccessful because of the regime.", "other",
     "de_escalation"),
    ("The rebel commander resigned on Sunday, saying the failure of UN-brokered peace talks had left no hope.",
     "other", "de_escalation"),
    ("The agency said the country could need food aid for many years after any end to the fighting.", "other",
     "de_escalation"),
    # the cause a side fights for, named without a determiner; the reason for its own move back
    ("The rebel group says it is fighting for self-rule for the region's Kurds.", "justification", "other"),
    ("\"We are pulling back because we must keep our losses down under this bombing,\" the rebel commander said.",
     "justification", "other"),
    # conditions set on talks however far the condition stands from the refusal, peace said impossible without
    # a party's move, and what a side needs from others
    ("Opposition leaders said they would not take part in the talks with the government, planned for later "
     "this month, until the town and the other sieges are lifted.", "demand", "other"),
    ("The foreign minister said there could be no peace without the president's departure.", "demand", "other"),
    ("The minister said it needs more intelligence from its allies to stop the fighters crossing.", "demand",
     "other"),
    ("The president said the law on terrorism needed to be broadened to cover those who fund the militants.",
     "demand", "other"),
    # a party warning of what its own side might do threatens; what it foresees of others does not
    ("The government warned that it might launch strikes on the rebel bases across the border.", "threat",
     "other"),
    ("The army warned that militants could attack the city in the coming days.", "other", "threat"),
    # the culprits pursued and brought to justice, however the words fall between
    ("\"We will work with our allies to hunt down those responsible and bring every one of them to justice,\" "
     "the prime minister said.", "threat", "other"),
    # condolences extended are a courtesy, no step towards calm; a truce extended is one
    ("\"We extend our deepest sympathy and condolences to his family,\" the government spokesman said.", "other",
     "de_escalation"),
    ("\"We extend the truce by another week,\" the rebel spokesman said.", "de_escalation", "other"),
    # an assault told as hours away
    ("The commander of the operation said it was a matter of hours before his troops entered the city.", "threat",
     "other"),
    # a state's men under arms by any of their names
    ("Two police officials said counter-terrorism teams launched raids at 16 addresses in the city overnight.",
     "claim_of_responsibility", "other"),
    # what must be done, told as warranted
    ("The rights group said the killings warranted an independent investigation.", "demand", "other"),
    # what should have been done is a judgement on the past; what should be done is a demand
    ("The opposition leader said the governor should have ordered the police to protect the marchers.", "other",
     "demand"),
    ("The opposition leader said the governor should order the police to protect the marchers.", "demand",
     "other"),
    # a word of a name is no cue: the "Peace" of a militia's name makes no step towards calm
    ("A spokesman said fighters of the Peace Brigades took up positions on the roads into the town on Sunday.",
     "other", "de_escalation"),
    # "call" that gives a name and "appeal" that contests a ruling call on no one
    ("The government on Sunday set out new rules to block what it called \"extremist propaganda\" on some of the "
     "websites.", "other", "call_to_action"),
    ("The commander was handed to the court on Monday. He could appeal the verdict, but under military law the "
     "appeal would be heard quickly.", "other", "call_to_action"),
    # what a witness says he himself had to do asks nothing of anyone
    ("\"I had to run for cover when the shelling started, and I saw two houses burning,\" a resident said.",
     "other", "demand"),
    # a party's reason for its own act or refusal is its justification; another's motive, an accident's cause not
    ("The rebel command said it would not accept the truce because it did not trust the government's guarantees.",
     "justification", "de_escalation"),
    ("The interior ministry said the attacker detonated the bomb early because he was scared of the police.",
     "other", "justification"),
    ("The defence ministry said two soldiers were killed when a helicopter crashed because of a technical fault.",
     "other", "justification"),    # a step towards calm told as harmed or failing is no step taken
    ("A diplomat said the negotiations might simply fail over the summer.", "other", "de_escalation"),
    ("The envoy said the raids on the camps were weakening the prospects for peace.", "other", "de_escalation"),
    ("An analyst said the new truce plan was more likely to collapse than hold.", "other", "de_escalation"),
    # a bare "you" that has to do something is anyone; "you" named still is asked
    ("\"You have to balance the risk against the gain,\" the mayor said of the plan.", "other", "demand"),
    ("The commander said the rebels need to leave the valley.", "demand", "other"),
    # stopping attacks as a task is prevention; an agreement kept in any tense is calm
    ("A police chief said the challenge of stopping attacks by lone gunmen keeps growing.", "other",
     "de_escalation"),
    ("The army said it is abiding by the agreement signed in the capital.", "de_escalation", "other"),
    # an imperative that names what it asks by the hearers' own speaks to them: a call, whatever the verb
    ("\"Open your homes to the families who fled the shelling,\" the bishop told the congregation.", "call_to_action",
     "other"),
    # what is to be done to the speaker's own side is no act it announces
    ("The union chief said the two officers expect they will be cleared of any wrongdoing.", "other", "threat"),    # a deadline set on another party is a demand; a time of one's own or a forecast is not
    ("The army commander said he gave the rebels 48 hours to leave the town.", "demand", "other"),
    ("The minister said a decision on sanctions would be made within days.", "other", "demand"),    # a need told as possible is a forecast; "should" before its subject opens a condition
    ("The senator said the alliance might need to send more ships to the gulf next year.", "other", "demand"),
    ("The aid agency said that should the roads reopen, the convoy would reach the besieged town on Monday.",
     "other", "demand"),    # an intent told in the past perfect is over, told after the fact; a plan told as current threatens
    ("The interior ministry said the bomber had planned to hit a more crowded spot in the market.", "other",
     "threat"),
    ("The rebel commander said his fighters planned to attack the airport.", "threat", "other"),
    # a harm set on a condition threatens, whoever speaks it: "if ... would", "unless", a move of "any" kind,
    # a harm withheld "unless"; a harm that did not happen ("would have") or an end to war does not
    ("The hijacker said that if the plane landed in the capital he would blow it up.", "threat", "other"),
    ("The army warned that any incursion across the border would result in the destruction of the rebel bases.",
     "threat", "other"),
    ("The president said his country will not use its missiles unless its territory is attacked.", "threat",
     "other"),
    ("The candidate said that if elected he would end the war within a year.", "other", "threat"),
    ("The officer said that if they had seen him, they would have shot him.", "other", "threat"),
    ("The envoy said that if implemented, the agreement will lead to a decline in violence across the country.",
     "other", "threat"),
    # a punishment or a blow the speaker's side will give
    ("\"We will give them the punishment they deserve,\" the rebel commander said.", "threat", "other"),
    # a word of calm that names a time, a common good or talks about arms is no step towards calm; a truce agreed
    # after talks still is
    ("The police chief said the gunman shot himself after hours of negotiations with the officers.", "other",
     "de_escalation"),
    ("\"Of all the threats to security and peace, the worst is the spread of these weapons,\" the president said.",
     "other", "de_escalation"),
    ("The minister said Seoul will begin talks with Washington next week on deploying the missile defence system.",
     "other", "de_escalation"),
    ("\"When he talks about punching people, he is encouraging violence,\" the senator said.", "other",
     "de_escalation"),
    ("The envoy said the parties had agreed to a truce after talks in Geneva.", "de_escalation", "other"),
    # a call for a strike or an uprising, however the noun is qualified, mobilises; a call for a party's move demands
    ("The union leader called for a taxi strike across the city on Monday.", "call_to_action", "demand"),
    ("The foreign minister called for the rebels to withdraw from the town.", "demand", "call_to_action"),
    # a call to stand down or stay away asks for calm: a demand and a de-escalation, no call to action
    ("The protest leader urged the remaining occupiers to stand down.", "de_escalation", "call_to_action"),
    ("The protest leader urged the remaining occupiers to stand down.", "demand", "call_to_action"),
    ("The governor urged the crowd to remain calm and go home.", "de_escalation", "call_to_action"),
    # a place left "peacefully" is a stand-down asked of those holding it
    ("Police urged the squatters to leave the warehouse peacefully.", "de_escalation", "call_to_action"),
    ("Police urged the squatters to leave the warehouse peacefully.", "demand", "call_to_action"),
    # what is asked in the mood of a request ("be" with no modal) is a demand; a question about it is none
    ("The general said he had requested that two more brigades be stationed on the border.", "demand", "other"),
    ("The mayor said she had asked whether the curfew would be lifted.", "other", "demand"),
    # a captive handed to police or intelligence is taken into custody, no step towards calm; one handed to the Red
    # Cross is released
    ("The commander said: \"We gave him water and handed him over to the military police.\"", "other",
     "de_escalation"),
    ("The commander said: \"We will hand over the prisoners to the Red Cross.\"", "de_escalation", "other"),
    # what the speaker wants a party named to do is a demand; what one wants a public to understand, or a pronoun to
    # do, is none
    ("\"I want the Minister to say he is sorry,\" the widow said.", "demand", "other"),
    ("\"I want people to understand what happened here,\" the pastor said.", "other", "demand"),
    # a measure called needed, with its reason, is justified
    ("The governor said the new law was needed because officers risk their lives every day.", "justification",
     "other"),
    # advice to shelter at home is a precaution, no call to action
    ("Police urged residents to stay in their homes while the gunmen were at large.", "other", "call_to_action"),
    # restraint kept to avoid a clash is a step towards calm
    ("The army said it kept its troops out of the town to avoid a confrontation with the protesters.",
     "de_escalation", "other"),
    ("The army said it kept its troops out of the town to avoid a confrontation with the protesters.",
     "justification", "other"),
    # an attacker's plans a party tells of are no plan of its own; fighters described by what they fight announce
    # nothing; the side's own plans do
    ("The police said the gunman's wife had known of his plans to carry out the attack on the club.", "other",
     "threat"),
    ("The Pentagon said most Russian bombs are directed at rebels fighting the Syrian government.", "other",
     "threat"),
    ("The army said it had drawn up its plans to storm the town next week.", "threat", "other"),
    # crimes charged are an accusation, no reason given for an act
    ("The prosecutor said the general committed crimes against humanity in the siege of the city.", "other",
     "justification"),
    # a charge said to be without merit is denied
    ("The militia's spokesman said the accusations over the massacre were without merit.", "denial", "other"),
    # worry about fighting is no plan of one's own ("about" as a preposition names a topic); "about to" is
    ('The minister said: "We are concerned about fighting spreading to the south."', "other", "threat"),
    ('"We are worried about attacking the wrong targets," the general said.', "other", "threat"),
    ("The army said its units were about to storm the town.", "threat", "other"),
    # a pledge of what the speaker will not do is restraint, no threat
    ("The militia pledged not to take part in the assault on the town.", "other", "threat"),
    ("The militia pledged that its men would not join the assault on the town.", "other", "threat"),
    ("The rebels vowed to attack the town again.", "threat", "other"),
    # what is pledged is the pledge's own object, not a killing told beside it; "threaten" with an object put at
    # risk is to endanger, no threat, while a threatened act is one
    ("The faction, led by a former army officer, has pledged allegiance to Islamic State and is believed to have "
     "killed hundreds of villagers.", "other", "threat"),
    ("Government forces advanced on Sunday, threatening rebel supply routes from the border.", "other", "threat"),
    ("The commission threatened strikes against targets in the South.", "threat", "other"),
    ("The league threatened legal action against the club.", "threat", "other"),
    # a party saying its own arms were not used denies its side's act; an onlooker saying so denies nothing of its own
    ("The army said its helicopters were not used in the raid on the village.", "denial", "other"),
    ("The monitor said government warplanes had not been used in the area.", "other", "denial"),
    # a vow of what is no force is no threat; a vow of force is one
    ("The minister vowed a thorough investigation into the shooting.", "other", "threat"),
    ("The mother vowed to remain in the city until her daughter is found.", "other", "threat"),
    ("The president vowed to crush the rebels.", "threat", "other"),
    # a vow to look into an attack is no threat; a plan or order said not to be is none either, while a stop
    # negated keeps the act
    ("The minister vowed to cooperate with the French police in investigating the bombing.", "other", "threat"),
    ("The ministry said it had never planned to seek the execution of the suspect.", "other", "threat"),
    ('The general said: "This is not an order to shoot the insurgents on sight."', "other", "threat"),
    ("The rebels said they would not stop attacking the town.", "threat", "other"),
    # deaths in a crash are an accident, no act claimed; rebels named as soldiers are still the other side
    ("An army helicopter crashed near the base on Monday, killing four crew members, the army said.", "other",
     "claim_of_responsibility"),
    ("The interior minister said mutinous rebel troops were still shooting at the parliament.", "other",
     "claim_of_responsibility"),
    # police talking a gunman down is no step towards calm between parties
    ("The police chief said negotiators talked with the gunman for hours before he surrendered.", "other",
     "de_escalation"),
    # holdouts talked down in a standoff, and a package of money negotiated, are no step towards calm
    ("The sheriff said agents were still trying to negotiate with the last three holdouts at the ranch.", "other",
     "de_escalation"),
    ("The dean said the board was weighing a severance package that the former chief is negotiating.", "other",
     "de_escalation"),
    # "demand" with circumstances as its subject, or demands said to be none, is no demand
    ("The commander said his officers would patrol in light vests unless conditions demand heavier gear.", "other",
     "demand"),
    ("The police said the kidnappers had not made any demands so far.", "other", "demand"),
    # an insistence that something is so asserts it; one that something be done asks it
    ('"I am here to insist that the coalition is still united," the minister said.', "other", "demand"),
    ('"We insist that the monitors reach the town by Friday," the envoy said.', "demand", "other"),
    # "until the end" is a time, no condition set on another party
    ("The president said the army would keep up its campaign against the rebels until the very end.", "other",
     "demand"),
    # conditions talked about are no terms set
    ("The minister said he had spoken with his counterpart about the conditions for a truce in the north.",
     "de_escalation", "demand"),
    # bail denied is withheld, no report denied
    ("The suspect was denied bail on Friday, according to court documents.", "other", "denial"),
    # the words news names a reason with, and a purpose an act is aimed at, give its grounds; a source cited does not
    ("The ministry said it had closed the northern crossing, citing security concerns.", "justification", "other"),
    ("The governor said the checkpoints were meant to protect the market from car bombs.", "justification", "other"),
    ("The alliance said the new brigades would help deter any incursion across the border.", "justification",
     "other"),
    ("The minister said the missile battery would be kept to counter threats from the south.", "justification",
     "other"),
    ("The villagers fled their homes for fear of reprisals, the mayor said.", "justification", "other"),
    ("The army seized the pass on Monday, the agency said, citing local sources.", "other", "justification"),
    # a report named false with any verb, and a criticism rejected, are denials
    ("The embassy described reports of a secret deal as utterly false.", "denial", "other"),
    ("The general said the casualty figures were entirely inaccurate.", "denial", "other"),
    ("The governor rejected the criticism that his police had used excessive force.", "denial", "other"),
    # a provocation the speaker cannot let pass: a threat
    ("\"We cannot simply tolerate these provocations on our border,\" the defence minister said.", "threat",
     "other"),
    # a penalty set on what another party may do, a conduct that will not be tolerated, the next target named:
    # threats; a court's possible sentence is none
    ("The council warned the club would face heavy sanctions if its fans rioted again.", "threat", "other"),
    ("The governor said looting during the protests would not be tolerated.", "threat", "other"),
    ("The commander said the next target of his brigades is the airport.", "threat", "other"),
    ("The prosecutor said the driver could face ten years in prison if convicted.", "other", "threat"),
    # "that is not the case", involvement ruled out, help a party denies giving: denials
    ("The ministry said reports of a secret arms deal were not the case.", "denial", "other"),
    ("The minister ruled out any foreign involvement in the blast.", "denial", "other"),
    ("The Iranian foreign ministry said Iran had never sent troops to fight in Yemen.", "denial", "other"),
    # strikes aimed at a named armed group, people protected from the other side: grounds; what one party wants of
    # another: a demand
    ("The defence ministry said its raids were aimed only at Islamic State fighters.", "justification", "other"),
    ("The spokesman said the soldiers were protecting villagers from the militants.", "justification", "other"),
    ("The envoy said London wants both sides to halt the shelling of the port.", "demand", "other"),
    # readiness for a fight, a fight to the end, death as the other way, a hunt announced: threats
    ("The militia leader said his fighters were ready for any confrontation with the army.", "threat", "other"),
    ("The commander said his men would hold the bridge until the last bullet.", "threat", "other"),
    ("The group told the settlers to leave the valley or be killed.", "threat", "other"),
    ("The minister said the bombers' accomplices would be hunted down.", "threat", "other"),
    # what "we all" must do is addressed to everyone: a call to action
    ("\"We all have a responsibility to stand together against this hatred,\" the mayor said.", "call_to_action",
     "other"),
    # a fight told to go on to its goal, a war's end told as the side's win: threats
    ("The army said its units would now continue their advance towards the old city.", "threat", "other"),
    ("The army said: \"Our brave units are pressing forward until we free every village of the province.\"",
     "threat", "other"),
    ("The defence minister said next spring would bring final victory over the insurgents.", "threat", "other"),
    # a capture announced by the side that made it: a claim
    ("The Syrian army announced the capture of four villages north of the city.", "claim_of_responsibility", "other"),
    # who wants to kill a people, told in a relative clause, is described, not incited against nor threatened
    ("\"Guns are too easy to get for men who want to kill Christians,\" the senator said.", "other", "incitement"),
    ("\"Guns are too easy to get for men who want to kill Christians,\" the senator said.", "other", "threat"),
    # an escalation told as going on or done is a report or a charge, no threat
    ("The opposition said government forces were escalating their air campaign on the city.", "other", "threat"),
    # a calm observed is a report of the situation, no step towards calm; one urged still is
    ("The monitor said calm prevailed in most of the province after midnight.", "other", "de_escalation"),
    ("The monitor said the northern towns remained calm overnight.", "other", "de_escalation"),
    ("The monitor said violence in the valley was below pre-ceasefire levels.", "other", "de_escalation"),
    ("The envoy urged calm in the border towns.", "de_escalation", "other"),
    # a measure urged is asked of a party: a demand, no call to action; action urged of others is a call
    ("The envoy urged restraint in handling any new clashes.", "demand", "call_to_action"),
    ("The envoy urged restraint in handling any new clashes.", "de_escalation", "call_to_action"),
    ("The lawyer for the families urged swift extradition of the suspects.", "demand", "call_to_action"),
    ("The minister urged stronger international action against the militia.", "call_to_action", "demand"),
    ("The cleric urged the militia not to seek revenge against the villagers.", "demand", "call_to_action"),
    # advice to stay inside or away is a precaution; a call to join a march mobilises
    ("The embassy urged visitors to stay in their hotels on Saturday night.", "other", "call_to_action"),
    ("The police chief urged residents to stay away from the area of the blast.", "other", "call_to_action"),
    ("The activist called for volunteers to join the march on the capital.", "call_to_action", "demand"),
    # a place the side will not let fall, a campaign it will not halt, those it will hold to account: threats
    ("The prime minister said: \"We won't let the border town fall.\"", "threat", "other"),
    ("The rebels said they would not halt combat against the jihadists.", "threat", "de_escalation"),
    ("The minister said the government will hold those behind the bombing to account.", "threat", "other"),
    # an act described as retaliatory is given its grounds; the memory of the dead honoured is no step towards calm
    ("The army described its shelling of the hills as a retaliatory measure.", "justification", "other"),
    ("\"We will honour the memory of the fallen officers,\" the minister said.", "other", "de_escalation"),
    # what might have been is no act to come; a blow dealt to a freedom tells damage, no threat
    ("The father said he could not believe that his son would have been involved in shooting police officers.",
     "other", "threat"),
    ("\"The seizure of the paper is a severe blow to the freedom of the press,\" the senator said.", "other",
     "threat"),
    ("The senator said the raid was a severe blow by the government against the independent press.", "other",
     "threat"),
    # a thought or a prayer asked is no call to action, nor is one person invited to come; a rally asked is
    ('"Let us remember that the victims were children," the envoy said.', "other", "call_to_action"),
    ("The White House said it had invited Netanyahu to come to Washington in March.", "other", "call_to_action"),
    ('"Let us take this fight to the streets," the protest leader said.', "call_to_action", "other"),
    # a demand refused is no demand; international law asked of another is a demand, no denial
    ("The militia rejected the army's demands for a withdrawal from the town.", "other", "demand"),
    ("The envoy urged the government to run its inquiry in line with international standards.", "demand", "denial"),
    ("The minister said all sides must comply with international humanitarian law.", "demand", "denial"),
    # fire held and hostilities that must end are steps towards calm; talks to join a union are none
    ("The envoy called on the army to hold its fire around the camps.", "de_escalation", "call_to_action"),
    ("The ministers said that the shelling must stop at once, except strikes on the jihadists.", "de_escalation",
     "other"),
    ('"States negotiating membership of the union must respect the courts," the commissioner said.', "demand",
     "de_escalation"),
    # harm to go on until the enemy gives in
    ('"This will happen again and again until you surrender," a militant said in the video.', "threat", "other"),
    # a question weighed is no intent; justice failed is a grievance, no threat
    ("The activist said the organizers were meeting tonight to decide how to respond to the mayor's ban.", "other",
     "threat"),
    ('"There has been a pattern of failure to hold guards who beat inmates accountable," the lawyer said.', "other",
     "threat"),
    # a motive told beside what its holder did is narrated, no threat; an intent said alone still announces
    ("The sheriff said the gunman had been drinking that night and wanted to kill the guards.", "other", "threat"),
    ("The prosecutor said the two men bought rifles and wanted to shoot the deputies.", "other", "threat"),
    ("The rebel commander said his fighters wanted to attack the garrison before the rains.", "threat", "other"),
    # a social movement's liberation is no armed cause invoked
    ("The mayor said the park would honour the square as the cradle of the gay liberation movement.", "other",
     "justification"),
    # "they" in a quotation of several sentences is the other side
    ('"Thousands are waiting at the crossing. They are shelling the villages every night," Turkish army commander '
     "Mehmet Aydin said.", "other", "claim_of_responsibility"),
    # militants killed in the passive are the side's toll, no attack of theirs met with force
    ("The Turkish army said 30 Kurdish militants were believed to have been killed in its air strikes overnight.",
     "other", "justification"),
    # grounds another party gives, told by the speaker, are not the speaker's
    ("The Kremlin said the new radar base, which Washington says is aimed at protecting its allies from Iran, is "
     "raising tensions in the region.", "other", "justification"),
    # a right to strike declared for what may come is a threat
    ("The Turkish government declared its right to retaliate if attacked, despite the truce.", "threat",
     "justification"),
    # ruin the other side would bring on itself; an armed presence announced
    ("The army warned that the rebels must refrain from any reckless move that would bring ruin upon themselves.",
     "threat", "other"),
    ("The militia leader said his members will carry rifles at the march on Saturday.", "threat", "other"),
    # harm an act is to prevent, safety put first, harm a step would do, a necessity
    ("The minister said the Kurdish region should be given its own state to prevent further bloodshed.",
     "justification", "other"),
    ("The governor said the safety of our residents is an absolute priority.", "justification", "other"),
    ("The government said it would not pay ransoms for hostages, as doing so would endanger more of its citizens.",
     "justification", "other"),
    ("The veteran said the bombing of the port was a necessity to end the war sooner.", "justification", "other"),
    # a word rejected is a denial; an exchange is no grounds
    ('The commander rejected the word "retreat" for the pullback of his men.', "denial", "other"),
    ("The opposition accused the governor of tolerating the militias in return for their votes.", "other",
     "justification"),
    # what a search finds, seized, is no armed act claimed; a place seized is
    ("The interior ministry said police seized documents and laptops in a search of the flat.", "other",
     "claim_of_responsibility"),
    ("The army said its troops seized the airport and two villages after heavy fighting.",
     "claim_of_responsibility", "other"),
    # what another side will ask one day, foretold in a quotation, is no call of the speaker's; its own is
    ('"When it is done, they will invite the West to fight a common enemy," the German lawmaker said.', "other",
     "call_to_action"),
    ('"We will ask every young man to take up arms and fight," the rebel commander said.', "call_to_action",
     "other"),
    # killing told as what attackers were doing is narrated, not urged
    ("The senator said terrorists were using assault rifles to kill Americans.", "other", "incitement"),
    # a request another party made, told in what the speaker says, is no call or demand of the speaker's; a
    # request in the present, voiced by a spokesman, and one of the speaker's own are
    ("The neighbour said the detectives had asked her to keep quiet about the raid.", "other", "call_to_action"),
    ("The prosecutor said the guard fired after he heard his colleague urge him to shoot the driver.", "other",
     "demand"),
    ("The spokesman said the commission urges the parties to return to the negotiating table.", "demand", "other"),
    ("The mayor said he had urged residents to join the march on Sunday.", "call_to_action", "other"),
    # people who will go somewhere to take part intend, they call on no one; people asked to take part are called
    ("The organisers said hundreds of members would travel to the capital to participate in the protest.", "other",
     "call_to_action"),
    ("The opposition party said it had asked its members to participate in the protests against the militias.",
     "call_to_action", "other"),
    # data said to be wrong, however long the phrase that tells which data
    ("The ministry said the figures released by the opposition groups about the shelling of the two towns were "
     "wrong.", "denial", "other"),
    # an appeal to donors or the international community for help is a call to action, no demand on a party;
    # what it must do against a party is still a demand
    ("The aid chief called for more funding from donors to rebuild the shattered villages.", "call_to_action",
     "demand"),
    ('"We hope for greater help from the international community," the governor said.', "call_to_action", "demand"),
    ("The envoy said the international community must take firm measures against the junta.", "demand", "other"),
    # an exhortation to more effort is a call; what the effort is for is its aim, no grounds for an act
    ('"We need to redouble our efforts to protect our towns against the raiders," the governor said.',
     "call_to_action", "justification"),
    # demands only named as someone's tell nothing asked; with what they ask, they are a demand
    ("The organiser said the marchers had been loud in presenting their demands.", "other", "demand"),
    ("The organiser said the marchers repeated their demands for the governor to resign.", "demand", "other"),
    # a request told as not made is no demand
    ("The minister said the inspector did not recommend that the officers be charged.", "other", "demand"),
    # an armed drive named by a noun is force pledged; one the pledge ends is not
    ("There was no sign that the junta would drop its vow to continue its onslaught against the hill tribes.",
     "threat", "other"),
    ("The commander pledged to press the offensive on the town before winter.", "threat", "other"),
    ("The government promised to halt the air campaign and the bombing of the villages.", "other", "threat"),
    # an act said to have become necessary is given its grounds
    ("The sheriff's lawyer said the use of force became necessary in reacting to the driver's moves.",
     "justification", "other"),
    # an appeal to witnesses the speaker makes is a call; witnesses said to be afraid to come forward are not
    ('"We want anybody who saw the shooting to come forward and talk to us," the police chief said.',
     "call_to_action", "other"),
    ("The detective said many witnesses were afraid to come forward.", "other", "call_to_action"),
    ('"As a town, we must say enough is enough," the mayor said.', "call_to_action", "other"),
    # advice to be cautious asks nobody to act
    ("The expert urged caution over drawing conclusions from the size of the debris.", "other", "call_to_action"),
    # told they cannot hide, those named are threatened; people who cannot hide from bombs are not
    ('"We name the hackers so that they know they cannot hide," the attorney general said.', "threat", "other"),
    ("The activist said civilians cannot hide from the bombs.", "other", "threat"),
    # a reason that another party threatens harm is grounds given; a reason of no harm threatened is none
    ('"If the law allows it, we will carry rifles because there are other groups threatening to do harm to us," '
     "the leader said.", "justification", "other"),
    ("The mayor said residents were leaving because they feared the winter.", "other", "justification"),
    # a campaign said to have no end intended goes on: a threat
    ("The foreign minister said his country had no intention of ending its air campaign.", "threat", "other"),
    # advice to wait for the facts asks nobody to act
    ("The governor urged people to reserve judgment until the inquiry is finished.", "other", "call_to_action"),
    # a side's strike on armed men's convoy, named by its nationality, is its claim, not an accusation
    ("A Pentagon spokesman said U.S. aircraft had struck a convoy of fighters near the border.",
     "claim_of_responsibility", "other"),
    ("The Pentagon said Russian warplanes had bombed an aid convoy near the border.", "other",
     "claim_of_responsibility"),
    # one person's reason for his own act, told in reported speech, is his justification
    ("The officer said he fired because he thought he was in danger.", "justification", "other"),
    ("The soldier told the court she shot the man because he was reaching for a gun.", "justification", "other"),
    ('"He fired because he panicked," the lawyer said.', "other", "justification"),
    # one person's account of his own attack is his claim; officials' account of his is not
    ("The suspect told investigators he carried out the killings in revenge for the death of his brother.",
     "claim_of_responsibility", "other"),
    ("Officials said he carried out the killings alone.", "other", "claim_of_responsibility"),
    # a name several actors share counts as the speaker's own when one of them is on its side
    ("The Kurdistan Region Security Council said Kurdish forces had fully retaken three villages east of Mosul.",
     "claim_of_responsibility", "other"),
    # an appeal at law is no call to action; an appeal to people to act still is
    ("The former commander appealed to a court to have his conviction overturned.", "other", "call_to_action"),
    ("The jailed activist appealed against the sentence handed down last week.", "other", "call_to_action"),
    # the purpose a side gives its own operation is its grounds; another side's aim is not
    ("The army said the operation aims to clear the area of militants.", "justification", "other"),
    ("The military said the offensive is meant to drive the insurgents from the province.", "justification",
     "other"),
    ("The army said the rebels' offensive aims to cut the supply line.", "other", "justification"),
    # an inquiry that clears an officer of blame claims no armed act; a village cleared of militants is claimed
    ("The inquiry found evidence of racial bias, police said, but it cleared the two officers of any crime.",
     "other", "claim_of_responsibility"),
    ("The army said its troops cleared the village of militants.", "claim_of_responsibility", "other"),
    # a cue word inside a title-case name says nothing of the point
    ("The organizers said members of Parents Demand Peace Now plan to speak at the rallies.", "other", "demand"),
    # talks one has lost patience with are doubted, no step towards calm
    ("The analyst said Washington is losing patience with promises of talks and is willing to strike their "
     "leaders.", "other", "de_escalation"),
])

def test_news_point_labels(nlp, kb, sentence, label, absent):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    points = [p for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert points, [p.text for st in ex.statements for p in st.points]
    labels = {lab for p in points for lab in p.labels}
    assert label in labels and absent not in labels, (labels, [p.cues for p in points])


def test_a_claim_or_denial_closing_another_s_words_is_a_point_of_its_own(nlp, kb):
    text = CONTEXT + ("Police said a gunman shot three guards at the depot, in an attack claimed by the Taliban. "
                      "Kabul said the raid was planned across the border, a charge Islamabad denies.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert points.get("a gunman shot three guards at the depot") == ["other"], points
    assert points.get("an attack claimed by the Taliban") == ["claim_of_responsibility"], points
    assert points.get("the raid was planned across the border") == ["other"], points
    assert points.get("a charge Islamabad denies") == ["denial"], points


def test_each_forbidden_attack_of_a_quotation_is_a_demand(nlp, kb):
    text = CONTEXT + '"Do not bomb the schools. Don\'t shell the markets," the aid official said.'
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert len(points) == 2 and all("demand" in labels for labels in points.values()), points


@pytest.mark.parametrize("sentence", [
    # a truce or talks conceded: the news is what holds in spite of them
    "The opposition said government forces pressed their offensive despite a pledge to spur peace negotiations.",
    "The army said it would keep up its raids on the villages even if a truce was agreed.",
    # a party said to fail a truce or to lack commitment to it, aid denied, a place left out of a truce
    "The envoy accused both sides of failing to honour the ceasefire in the province.",
    "The envoy said the fighting showed a lack of commitment to the peace process.",
    "The minister said denying humanitarian access to the besieged town was a crime.",
    "The monitor said rebels shelled the town, which was not included in a temporary truce.",
    "The monitor said the groups excluded from the truce were shelled overnight.",
    # talks of money, not of a conflict
    "The senator said the chamber would vote on a funding package negotiated by the two parties.",
    "The union said its members had marched on the company after contract talks broke down.",
    # talks that broke down are no step towards calm
    "The sheriff said deputies stormed the farmhouse only after negotiations with the gunman broke down.",
])
def test_a_truce_or_talks_named_beside_no_step_towards_calm(nlp, kb, sentence):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    points = [p for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert points and not any("de_escalation" in p.labels for p in points), [(p.labels, p.cues) for p in points]


@pytest.mark.parametrize("sentence,label", [
    ("The rebels said they had agreed to a truce despite the bombing.", "de_escalation"),
    # an agreement to be kept, as a truce named is
    ("The envoy urged all parties to accept the terms of the deal.", "de_escalation"),
    ("The envoy urged both sides to abide by the agreement reached in Vienna.", "de_escalation"),
    # "in support of" names whom an act helps, no grounds for it
    ("The monitor said Russian jets carried out strikes in support of government troops.", "other"),
])
def test_steps_and_help_keep_their_reading(nlp, kb, sentence, label):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    points = [p for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert points and any(label in p.labels for p in points), [(p.labels, p.cues) for p in points]
    assert label != "other" or not any("justification" in p.labels for p in points)


def test_a_one_word_quotation_is_the_verbs_verdict_not_a_proclamation(nlp, kb):
    text = CONTEXT + ("Islamic State, which declared a \"caliphate\" in 2014, lost ground near Raqqa. The defence "
                      "ministry dismissed the reports as \"baseless\".")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert not [t for t in points if "caliphate" in t], points
    assert any("denial" in labels for t, labels in points.items() if t.startswith("dismissed the reports")), points


def test_diplomacy_over_fighting_is_a_conflict_story_whose_speakers_are_heard(nlp, kb):
    # no armed group named, few of the older conflict words: the words of fighting and its diplomacy count
    text = ("GENEVA Talks with Russia are getting closer to an understanding on renewing a ceasefire in Syria, "
            "U.S. Secretary of State John Kerry said on Monday.\n"
            "Kerry spoke before a meeting with the Saudi foreign minister to stop a surge in fighting.\n"
            "\"We're getting closer to a place of understanding, but we have some work to do,\" Kerry said.\n"
            "Jubeir condemned the escalation of fighting and called for the end of the bombardment of Aleppo.")
    ex = extract_document(read_text_document(text, id="k", published="2016-05-02"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points]
    assert any("place of understanding" in t for t in points), points


def test_what_a_denial_concedes_after_but_is_not_denied(nlp, kb):
    text = CONTEXT + "The army denied heavy losses in its ranks, but said dozens of rebels had been killed."
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert "denial" in points.get("denied heavy losses in its ranks", []), points
    assert "denial" not in points.get("dozens of rebels had been killed", ["denial"]), points


def test_a_charge_laid_beside_a_denial_is_no_denial(nlp, kb):
    text = CONTEXT + ("Hezbollah denied there had been any deaths in the town, and accused rebel leaders of "
                      "preventing people from leaving.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert "denial" in points.get("there had been any deaths in the town", []), points
    assert points.get("accused rebel leaders of preventing people from leaving") == ["other"], points


def test_coordinated_clauses_of_a_point_are_points_of_their_own(nlp, kb):
    text = CONTEXT + (
        "The minister said the rebels had broken the truce on its first day, and the army was refraining from "
        "responding to give the agreement a chance.\n\n"
        "The foreign minister condemned the shelling of the city, blaming the rebels for the deaths, and called "
        "for the withdrawal of foreign fighters.\n\n"
        "The opposition said talks cannot begin until air strikes are halted and prisoners are freed.\n\n"
        "\"He can leave through a political process, or he will be removed by force,\" the minister said.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert "the rebels had broken the truce on its first day" in points, points
    assert "de_escalation" not in points["the rebels had broken the truce on its first day"], points
    assert "de_escalation" in points.get("the army was refraining from responding to give the agreement a chance",
                                         []), points
    assert "demand" in points.get("called for the withdrawal of foreign fighters", []), points
    assert points.get("condemned the shelling of the city") == ["other"], points
    assert points.get("blaming the rebels for the deaths") == ["other"], points
    # a condition's clauses and an alternative stay one point
    assert "talks cannot begin until air strikes are halted and prisoners are freed" in points, points
    assert any(t.startswith("He can leave") and t.endswith("removed by force") for t in points), points


def test_a_toll_a_speaker_puts_at_a_figure_is_its_point(nlp, kb):
    text = CONTEXT + "Provincial officials put the death toll at 17 people, with dozens more wounded."
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert points.get("put the death toll at 17 people, with dozens more wounded") == ["other"], points


def test_a_reports_finding_and_a_clause_parsed_as_an_object_are_points(nlp, kb):
    text = CONTEXT + (
        "Overall 210 civilians were killed and 90 wounded by air strikes last year, the report found.\n\n"
        "While officials in the capital describe a quiet week, rebels say government forces backed by Russian "
        "air strikes have continued offensives in areas of strategic importance in the north.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert "Overall 210 civilians were killed and 90 wounded by air strikes last year" in points, points
    assert any(t.startswith("government forces backed by Russian air strikes have continued") for t in points), points



def test_a_quotation_inside_a_verbs_own_phrase_stays_in_it(nlp, kb):
    text = CONTEXT + ("The opposition leader accused the ruling party of \"an ideological kinship\" with the "
                      "militants. The ministry called the report \"a lie\".")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert 'accused the ruling party of "an ideological kinship" with the militants' in points, points
    # a verdict quoted after "called" stays the point
    assert "a lie" in points, points


def test_a_clause_after_the_channel_is_what_is_said(nlp, kb):
    text = CONTEXT + ("The local chapter of the rights group, or ARG, said in a statement that a 16-year-old boy was "
                      "attacked outside the community center as he took a break from prayers.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert ("a 16-year-old boy was attacked outside the community center as he took a break from prayers"
            in points), points


@pytest.mark.parametrize("sentence,point", [
    # the channel dated by a participle; a word of the verb's set before "that"
    ("The aid group said in a statement released Monday that the clinic in the northern town was hit by four "
     "rockets a few minutes apart.", "the clinic in the northern town was hit by four rockets a few minutes apart"),
    ("Army sources told Reuters earlier that two armoured vehicles had been spotted near the border crossing.",
     "two armoured vehicles had been spotted near the border crossing"),
])
def test_a_that_clause_the_parse_hangs_elsewhere_is_what_is_said(nlp, kb, sentence, point):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert points == [point], points


def test_a_clause_whose_verb_the_parse_reads_as_a_modifier_is_still_what_is_said(nlp, kb):
    text = CONTEXT + ("A spokesman for the city police said the 16-year-old suffered bruises to the head and was "
                      "treated at a hospital.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert "the 16-year-old suffered bruises to the head and was treated at a hospital" in points, points


def test_blame_laid_is_a_point(nlp, kb):
    text = CONTEXT + ("Turkey blamed Islamic State for the bombing in Istanbul.\n\n"
                      "Ten people died in a car bomb attack the government blamed on Kurdish militants.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert points.get("blamed Islamic State for the bombing in Istanbul") == ["other"], points
    assert any(t.endswith("blamed on Kurdish militants") for t in points), points


def test_a_clause_before_the_attribution_stays_a_point_beside_the_quotation_after_it(nlp, kb):
    text = CONTEXT + ("Two gunmen tried to enter the crowded market on foot, the police chief said, but they \"were "
                      "stopped at the gate and arrested\".")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert "Two gunmen tried to enter the crowded market on foot" in points, points
    assert "were stopped at the gate and arrested" in points, points


def test_a_clause_after_an_attribution_set_inside_the_sentence_is_the_same_speakers(nlp, kb):
    text = CONTEXT + ("The first aid convoy reached the besieged town on Friday, the agency said, but more trucks "
                      "would be needed before the winter.\n\n"
                      "The second convoy was turned back at a checkpoint, the agency said, but officials said it "
                      "would try again.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert "The first aid convoy reached the besieged town on Friday" in points, points
    assert "more trucks would be needed before the winter" in points, points
    # another speaker's clause is that speaker's point, not the agency's
    assert "it would try again" in points, points
    assert not [t for t in points if t.startswith("officials said")], points


def test_according_to_covers_its_clause_not_a_reservation_set_against_it(nlp, kb):
    text = CONTEXT + ("According to the provincial governor, the kidnappers released both hostages for a ransom, but "
                      "the government has not confirmed this.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert "the kidnappers released both hostages for a ransom" in points, points


@pytest.mark.parametrize("sentence,point,label", [
    ("The army maintained that two of its soldiers had been wounded in the clash.",
     "two of its soldiers had been wounded in the clash", "other"),
    ("The ministry disclosed that 40 soldiers had been killed in the fighting.",
     "40 soldiers had been killed in the fighting", "other"),
    ("The spokesman reaffirmed that the army would retake the town.", "the army would retake the town", "threat"),
    ("The rebel commander boasted that his men had shot down two helicopters.",
     "his men had shot down two helicopters", None),
    ("The group repudiated the attack on the school, saying it never targets children.",
     "repudiated the attack on the school", "denial"),
    # a noun of speech restated or issued tells what is said, and the verb it stands for lends its label
    ("The Turkish president renewed a call for a safe zone along the border.",
     "renewed a call for a safe zone along the border", "demand"),
    ("The opposition leader reiterated his call for an inquiry into the shelling.",
     "reiterated his call for an inquiry into the shelling", "demand"),
    # a warning told in an idiom by a speaker
    ("Prime Minister Dmitry Medvedev raised the spectre of a wider war if the talks on the truce failed.",
     "raised the spectre of a wider war if the talks on the truce failed", "threat"),
])
def test_every_verb_that_tells_a_speakers_words_reports_them(nlp, kb, sentence, point, label):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert point in points, points
    assert label is None or label in points[point], points


def test_a_thing_that_raises_a_spectre_or_a_call_made_by_phone_says_nothing(nlp, kb):
    text = CONTEXT + ("The shelling raised the spectre of a wider war in the north. The officer made a call to the "
                      "station after the shooting.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    assert not [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]


def test_a_thing_that_underlines_or_reveals_says_nothing(nlp, kb):
    text = CONTEXT + "The blast underlined how serious the threat facing the capital remains."
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    assert not [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]


@pytest.mark.parametrize("sentence,point", [
    ("The ministry brushed off reports that its jets had bombed the market.",
     "brushed off reports that its jets had bombed the market"),
    ("The army played down reports that the town had fallen.", "played down reports that the town had fallen"),
    ("The group's deputy leader distanced it from the attack on the convoy.",
     "distanced it from the attack on the convoy"),
    ("The ministry said it had no part in the attack.", "it had no part in the attack"),
    ("A spokesman said the accusations were without merit.", "the accusations were without merit"),
])
def test_all_the_ways_english_denies_a_report_are_denials(nlp, kb, sentence, point):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert "denial" in points.get(point, []), points


def test_a_particle_makes_a_reporting_verb_only_with_its_verb(nlp, kb):
    text = CONTEXT + ("The commander said his fighters had played a key role in the offensive. The statement left out "
                      "the town's name, an apparent effort to play down the scale of the defeat.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    assert points.get("his fighters had played a key role in the offensive") == ["other"], points
    assert not [t for t in points if "scale of the defeat" in t], points


def test_a_hate_crime_is_a_story_of_violence_whose_speakers_are_heard(nlp, kb):
    # few of the war words: "hate crime" and "bias crime", two words read as one, count as conflict words
    text = ("Two men were beaten outside a synagogue in Chicago early on Sunday by an attacker who shouted slurs at "
            "them, a community group said on Monday, calling for police to treat the assault as a hate crime.\n"
            "The group said in a statement that the older man was punched and kicked as he left evening prayers, and "
            "that the younger one was chased down the street when he tried to help. It said the attacker had called "
            "them terrorists.\n"
            "A police spokesman said the two men were treated at a hospital and released. The spokesman said the "
            "older man had a broken nose and the younger one cuts to his hands.\n"
            "The director of the group said the slurs showed the incident was a bias crime and asked the city to "
            "post officers outside places of worship over the holidays.\n"
            "Police said the attacker had been identified and a search for him was under way. Officers were "
            "reviewing footage from cameras on the street, the spokesman said, and asked anyone who saw the "
            "beating to come forward.")
    ex = extract_document(read_text_document(text, id="h", published="2016-07-04"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points]
    assert "the two men were treated at a hospital and released" in points, points


def test_a_quotation_in_a_phrase_before_the_attribution_is_not_its_words(nlp, kb):
    text = CONTEXT + ("Calling the minister's remarks an attempt to \"wreck the talks\", the envoy said the government "
                      "was mistaken if it thought it could go on shelling the town.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert "the government was mistaken if it thought it could go on shelling the town" in points, points


def test_a_second_that_clause_told_in_the_passive_goes_on_with_the_first(nlp, kb):
    text = CONTEXT + ("The news website said the bomber died in the blast, and that no other deaths were immediately "
                      "reported.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert "no other deaths were immediately reported" in " ".join(points), points


def test_what_a_speaker_describes_a_thing_as_is_a_point(nlp, kb):
    text = CONTEXT + ("The military spokesman described the advance as \"careful\" and slowed by roadside bombs planted "
                      "by the militants.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p.text for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert any(t.startswith("described the advance as") and t.endswith("planted by the militants") for t in points), \
        points


def test_a_quotation_after_a_call_goes_on_in_words_of_its_own(nlp, kb):
    text = CONTEXT + ("The governor urged the militia to \"lay down its arms.\"\n\"The weather this spring has been "
                      "kind to the farmers and the harvest looks good.\"")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = {p.text: p.labels for st in ex.statements for p in st.points if p.start >= len(CONTEXT)}
    after = [labels for t, labels in points.items() if "harvest" in t]
    assert after and all(labels == ["other"] for labels in after), points


@pytest.mark.parametrize("sentence", ["Do not shell the villages.", "Don't bomb the hospitals."])
def test_an_attack_forbidden_in_the_imperative_is_a_demand(nlp, sentence):
    got = label_text(sentence, load_cues(), tokens=nlp(sentence)[:])
    assert got.labels == ["demand"], got


def test_a_relative_clause_of_the_speaker_names_nobody_who_speaks(nlp, kb):
    text = CONTEXT + ("Gulf states that want Assad gone from power have said they would be willing to send in troops "
                      "against Islamic State.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    speakers = [st.actor for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert speakers and "government-of-syria" not in speakers, speakers


@pytest.mark.parametrize("sentence", [
    # a person done to in the passive, no gain a side claims
    "A Dutch army spokesman said: \"It seems to me that he was pushed to the end of his rope.\"",
])
def test_a_person_done_to_in_the_passive_is_no_claim(nlp, kb, sentence):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    points = [p for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert points and not any("claim_of_responsibility" in p.labels for p in points), \
        [(p.labels, p.cues) for p in points]


def test_a_claim_in_the_claimers_own_report_stays(nlp, kb):
    text = CONTEXT + "Islamic State claimed responsibility for the attack in a statement on Monday."
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    assert any("claim_of_responsibility" in p.labels for st in ex.statements for p in st.points
               if p.start >= len(CONTEXT))


def test_a_veteran_does_not_speak_for_the_force_he_served_in(nlp, kb):
    text = CONTEXT + "A U.S. military veteran who lives in the town said the shooting had lasted ten minutes."
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    speakers = [st.actor for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert speakers and not any(a and "united-states" in a for a in speakers), speakers


@pytest.mark.parametrize("heading", ["BORDER TALKS STALL", "4:15 PM", "[Video: the minister speaks]"])
def test_a_heading_on_its_own_line_is_no_part_of_the_point(nlp, kb, heading):
    text = CONTEXT + heading + "\nThe defence minister said the army would retake the border town within days."
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert points and all(heading not in p.text and "\n" not in p.text for p in points), [p.text for p in points]


def test_a_line_broken_inside_a_sentence_stays_in_the_point(nlp, kb):
    text = CONTEXT + "The defence minister said the army would retake the town and\nthe villages around it."
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = [p for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]
    assert any(p.text.startswith("the army would retake the town and") for p in points), [p.text for p in points]


def _new_points(nlp, kb, sentence):
    ex = extract_document(read_text_document(CONTEXT + sentence, id="t"), nlp=nlp, kb=kb)
    return [p for st in ex.statements for p in st.points if p.start >= len(CONTEXT)]


@pytest.mark.parametrize("sentence", [
    # those who hold a place, a leader of another side, one person named by a pronoun: a demand on them
    "The provincial governor urged the occupiers to leave the farm compound.",
    "The opposition leader called on the president to resign over the shelling.",
    "The senator called on him to condemn the attacks by his supporters.",
])
def test_a_call_on_another_party_is_a_demand(nlp, kb, sentence):
    points = _new_points(nlp, kb, sentence)
    assert points and all(p.labels == ["demand"] for p in points), [(p.labels, p.cues) for p in points]


def test_a_call_on_ones_own_men_stays_a_call(nlp, kb):
    points = _new_points(nlp, kb, "The rebel commander urged his men to keep fighting.")
    assert points and all("call_to_action" in p.labels for p in points), [(p.labels, p.cues) for p in points]


def test_strikes_that_will_go_on_are_no_claim(nlp, kb):
    points = _new_points(nlp, kb, "The ministry said its aircraft will keep bombing the militant camps in the hills.")
    assert points and all("claim_of_responsibility" not in p.labels and "threat" in p.labels for p in points), \
        [(p.labels, p.cues) for p in points]


@pytest.mark.parametrize("sentence,label", [
    # a report called a lie in the contracted form speech takes
    ("\"That's a lie,\" a shopkeeper in the old town said of the reports.", "denial"),
    # arms of mass harm held ready for use
    ("\"We are ready to use chemical weapons if the border is crossed,\" the general said.", "threat"),
    # a measure given its grounds as keeping people safe
    ("The mayor said he had closed the market to keep residents safe.", "justification"),
])
def test_contracted_denial_arms_held_ready_and_safety_grounds(nlp, kb, sentence, label):
    points = _new_points(nlp, kb, sentence)
    assert points and any(label in p.labels for p in points), [(p.text, p.labels, p.cues) for p in points]


def test_an_act_told_as_it_would_have_been_is_no_threat(nlp, kb):
    points = _new_points(nlp, kb, "\"We would raid the house at once were he still living there,\" the police chief "
                                  "said.")
    assert points and not any("threat" in p.labels for p in points), [(p.labels, p.cues) for p in points]


@pytest.mark.parametrize("sentence", [
    # a step towards calm judged as it stands: a view of it, no step taken
    "The opposition spokesman said the talks with the envoy had been \"useful\".",
    "A Western diplomat said the truce in the south was fragile.",
])
def test_a_step_towards_calm_judged_is_no_de_escalation(nlp, kb, sentence):
    points = _new_points(nlp, kb, sentence)
    assert points and not any("de_escalation" in p.labels for p in points), [(p.labels, p.cues) for p in points]


def test_a_truce_agreed_stays_a_de_escalation(nlp, kb):
    points = _new_points(nlp, kb, "The rebel spokesman said they had agreed to a truce in the south.")
    assert points and any("de_escalation" in p.labels for p in points), [(p.labels, p.cues) for p in points]


def test_a_base_told_as_it_was_gives_grounds_no_threat(nlp, kb):
    points = _new_points(nlp, kb, "The defence minister said the valley served as a springboard for raids on the "
                                  "border towns.")
    assert points and all("threat" not in p.labels and "justification" in p.labels for p in points), \
        [(p.labels, p.cues) for p in points]


def test_a_base_to_come_stays_a_threat(nlp, kb):
    points = _new_points(nlp, kb, "The army said the valley will serve as a springboard for the assault on the city.")
    assert points and any("threat" in p.labels for p in points), [(p.labels, p.cues) for p in points]


@pytest.mark.parametrize("sentence", [
    # a need still to come: a forecast of what others will face, no demand
    "\"Aid agencies will have to send more trucks before the winter,\" the relief worker said of the siege.",
    "\"The donors are going to have to pay for the camps,\" a Western analyst said of the fighting.",
])
def test_a_need_to_come_told_by_no_party_is_no_demand(nlp, kb, sentence):
    points = _new_points(nlp, kb, sentence)
    assert points and not any("demand" in p.labels for p in points), [(p.text, p.labels, p.cues) for p in points]


@pytest.mark.parametrize("sentence", [
    # a need told as it is now asks it
    "\"The donors have to pay for the camps,\" a Western analyst said of the fighting.",
    # a need to come that a party sets on another side still demands
    "The Turkish foreign minister said Assad will have to leave power before any election.",
])
def test_a_need_told_now_or_set_on_another_side_stays_a_demand(nlp, kb, sentence):
    points = _new_points(nlp, kb, sentence)
    assert points and any("demand" in p.labels for p in points), [(p.text, p.labels, p.cues) for p in points]



@pytest.mark.parametrize("sentence,call", [
    # a negative imperative of feeling reassures, no call to act
    ("\"Do not be afraid of the gunmen. The army is in the town,\" the governor told residents.", False),
    ("\"Don’t worry about the shelling, we are protecting the district,\" the governor told residents.", False),
    # one that asks the hearers to keep from an act still calls on them
    ("\"Do not leave your homes until the army clears the town,\" the governor told residents.", True),
])
def test_a_reassurance_is_no_call_to_action(nlp, kb, sentence, call):
    points = _new_points(nlp, kb, sentence)
    assert points and any("call_to_action" in p.labels for p in points) == call, \
        [(p.text, p.labels, p.cues) for p in points]


def test_he_after_a_newly_introduced_person_is_that_person(nlp, kb):
    text = ("President Jan Novak said the army would stay in the north of the country. Defence Minister Karel Dvorak "
            "visited troops in Brno on Tuesday. \"We will not abandon these towns to the rebels,\" he said.")
    ex = extract_document(read_text_document(text, id="t"), nlp=nlp, kb=kb)
    points = _points(ex)
    quoted = points["We will not abandon these towns to the rebels"][0]
    assert quoted.speaker and "dvorak" in quoted.speaker, quoted.speaker
    assert "novak" in points["the army would stay in the north of the country"][0].speaker


@pytest.mark.parametrize("sentence,label", [
    # a "should" inside what all sides agreed is the agreement, not a demand
    ("The mediator said all parties had agreed that the talks should resume next month.", "demand"),
    # a ruling or a finding is no demand and no claim
    ("The judge ruled that the defense lawyers should have access to the intelligence files.", "demand"),
    ("The justice ministry said an inquiry had found that police officers shot the protester in the back.",
     "claim_of_responsibility"),
    # "should see" asks no act
    ("\"Everyone should see what is happening in the camps,\" the aid worker said.", "demand"),
    # a site cleared, with no fighters named, claims no act
    ("The airport spokesman said the terminal was quickly cleared and flights resumed.", "claim_of_responsibility"),
    # an onlooker's account of another side's strikes on villages is no claim
    ("A customs official said Russian warplanes had been bombing Syrian villages for two weeks.",
     "claim_of_responsibility"),
    # sarcasm about a truce and ransom talks take no step towards calm
    ("\"Oh yes, that's a very successful truce,\" the rebel commander said.", "de_escalation"),
    ("The family said they were negotiating to pay for the release of the kidnapped engineer.", "de_escalation"),
    # an election campaign continued is no threat
    ("The candidate vowed to continue his campaign until the primary in June.", "threat"),
])
def test_what_only_looks_like_a_label_is_not_it(nlp, kb, sentence, label):
    points = _new_points(nlp, kb, sentence)
    assert not any(label in p.labels for p in points), [(p.text, p.labels, p.cues) for p in points]


def test_a_campaign_against_forces_vowed_stays_a_threat(nlp, kb):
    points = _new_points(nlp, kb, "The rebel leader vowed to continue his campaign against the government forces.")
    assert any("threat" in p.labels for p in points), [(p.text, p.labels, p.cues) for p in points]


def test_a_seat_of_government_speaks_for_its_side(nlp, kb):
    text = ("The Kremlin said on Tuesday its jets had not flown over the town. Later the Pentagon said American "
            "aircraft hit a column of fighter vehicles close to the frontier.")
    ex = extract_document(read_text_document(text, id="seats", published="2016-03-08"), nlp=nlp, kb=kb)
    actors = {st.evidence.text.split()[1]: st.actor for st in ex.statements}
    assert actors.get("Kremlin") == "government-of-russia"
    assert ex.statements and any(st.actor == "military-forces-of-united-states" for st in ex.statements)



def test_an_office_sought_is_not_the_speakers_side():
    from conflictdesk.extract.statements.speakers import Mention, Resolver

    text = "Smith, a senator who ended his bid for the White House in May"
    seat = text.index("White House")
    resolver = Resolver([Mention(seat, seat + len("White House"), "government-of-united-states", None)], {}, text)
    assert resolver.at(0, len(text)) == (None, None)
    said = "a spokesman for the White House"
    resolver = Resolver([Mention(20, 31, "government-of-united-states", None)], {}, said)
    assert resolver.at(0, len(said)) == ("government-of-united-states", None)
