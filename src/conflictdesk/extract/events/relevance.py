"""Is a text about political violence, protest or conflict at all, and is a protest word a protest?

    about_conflict(told)             # told: per sentence, does it tell of conflict, violence or protest
    shows_not_protests(mention)      # "the company demonstrated its technology"
    not_an_occurrence(mention)       # "officials fighting Islamic State", "helicopters buzzed overhead"
    accident(sentence)               # "killed when a helicopter crashed due to a technical fault"
    hacking_attack(mention)          # "the attackers destroyed data and systems" (in a report about hacking)

A report about business, sport, elections, technology or a film uses the words of violence
figuratively ("a long battle against deflation", "blistering attacks from the party's
establishment", "shot a film"): when few of its sentences tell of armed conflict, it reports no
violence. Protests are told without conflict words: a sentence telling of one counts as much as one
of armed conflict, and "demonstrate" with an object or a clause shows something.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...taxonomy import ARMED_VIOLENCE
from .attributes import DEATH_LEMMAS, HYPO_MODALS, KILL_VERBS, PERCEPTION_VERBS, judicial_execution

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from .triggers import Mention

# a text is about conflict when this share of its sentences tells of it (annotated conflict news:
# 0.16 and more; news of 2016 about anything else: below 0.06 for 95 of 100 articles)
CONFLICT_SHARE = 0.15
SHOWING = {"ccomp", "dobj", "xcomp", "attr", "oprd"}
INANIMATE_SUBJECTS = {"study", "report", "map", "data", "research", "analysis", "survey", "company", "result",
                      "figure", "test", "experiment", "poll", "record", "finding", "evidence", "chart", "paper"}


def about_conflict(told: list[bool]) -> bool:
    """Is a text about conflict (`told`: per sentence, does it tell of armed conflict, violence or protest)?"""
    return bool(told) and sum(told) / len(told) >= CONFLICT_SHARE


def shows_not_protests(m: "Mention") -> bool:
    """"demonstrated its technology", "demonstrates why", "studies demonstrating leaks", "companies
    need to demonstrate that ...": showing something, not taking to the streets; "sitting in a car": no sit-in."""
    head = m.head
    if _what_it_serves_as(head):
        return True
    if head.pos_ == "NOUN" and head.lemma_.lower() == "rally" and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in CAMPAIGN_WORDS for c in head.children):
        return True               # "at a campaign rally in Ohio": a candidate's meeting, no protest
    if head.pos_ == "VERB" and head.lemma_.lower() == "sit":
        # "a photo shows him sitting in the front seat of a car": sitting somewhere, no sit-in
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" for g in c.children)
                   for c in head.children)
    if head.pos_ != "VERB" or head.lemma_.lower() != "demonstrate":
        return False
    if any(c.dep_ in SHOWING for c in head.children):
        return True
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if head.dep_ in ("acl", "relcl") and not subjects:
        subjects = [head.head]
    if head.dep_ == "xcomp" and not subjects:
        return True               # "need to demonstrate", "a campaign to demonstrate": a showing
    return any(s.lemma_.lower() in INANIMATE_SUBJECTS for s in subjects)


# rallies that are no protests: a candidate's ("a campaign rally"), a market's ("a stock rally")
CAMPAIGN_WORDS = {"campaign", "election", "electoral", "stock", "market"}
# verbs that tell what something is for ("serves as a front-line picket", "acts as a showcase")
SERVING_VERBS = {"serve", "act", "function", "stand", "see", "regard", "view", "describe"}


def _what_it_serves_as(head: "Token") -> bool:
    """"the nation serves as a front-line picket for the West": a protest noun after "as" of a verb of serving
    or regarding tells what something is, no crowd that gathered."""
    return head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "as" \
        and head.head.head.lemma_.lower() in SERVING_VERBS


# verbs that make an agreement ("reached a truce", "extended the ceasefire", "signed a deal")
MAKING = {"agree", "sign", "reach", "broker", "conclude", "seal", "strike", "announce", "declare", "extend",
          "implement", "accept", "approve", "finalize", "finalise", "secure", "renew", "swap", "exchange",
          "mediate", "negotiate", "endorse", "ratify", "forge", "clinch", "hammer"}
IN_FORCE = {"take", "come", "go", "begin", "start", "enter"}       # "the truce took effect"
# what a party signs that is an agreement ("signed a truce", "signed the accord"; not "signing autographs")
SIGNED = {"agreement", "deal", "accord", "truce", "ceasefire", "cease-fire", "treaty", "pact", "memorandum",
          "protocol", "declaration", "armistice", "peace", "document", "charter", "roadmap", "plan", "settlement",
          "understanding", "it", "them", "this", "that"}
OPEN_QUESTIONS = {"possibility", "idea", "prospect", "notion", "concept"}   # "agreed to the possibility of a truce"


def agreement_made(m: "Mention") -> bool:
    """"agreed to a cessation", "extended a truce", "a deal was signed", "the ceasefire took effect":
    an agreement made; not one that collapsed, was breached, is sought or merely exists."""
    head = m.head
    if head.pos_ in ("VERB", "AUX"):
        if any(g.lemma_.lower() in OPEN_QUESTIONS for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
               for g in c.children if g.dep_ == "pobj"):
            return False          # "agreed to the possibility of a temporary truce": a truce not yet made
        if head.lemma_.lower() == "agree" and any(c.dep_ == "ccomp" for c in head.children) and not any(
                c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("to", "on")) for c in head.children):
            return False          # "both sides agreed there has been some progress": a view shared, no agreement
        if head.lemma_.lower() == "sign" and any(c.dep_ == "dobj" and c.lemma_.lower() not in SIGNED
                                                 for c in head.children):
            return False          # "signing autographs", "signed a letter": no agreement
        return head.lemma_.lower() in MAKING
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in MAKING for c in head.children):
        return True               # "a ceasefire brokered by the U.S. and Russia", "the truce agreed in February"
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if head.dep_ in ("compound", "amod", "nmod") and verb.pos_ in ("NOUN", "PROPN"):
        return agreement_made(_as_head(m, verb))       # "a ceasefire deal was reached"
    lemma = verb.lemma_.lower()
    if _carried_out(head):
        return True
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp":
        return False              # "an understanding on renewing a ceasefire", "talks about signing a deal": sought
    if head.dep_ in ("dobj", "nsubjpass", "pobj", "conj", "appos"):
        return lemma in MAKING
    if head.dep_ == "nsubj":
        return lemma in IN_FORCE or lemma in MAKING
    return False


# what is done under an agreement ("two soldiers were freed in a prisoner swap", "fighters were evacuated as part of
# a deal"): the agreement was made and carried out
CARRIED_OUT = {"release", "free", "return", "hand", "evacuate", "exchange", "swap", "transfer"}
UNDER = {"in", "under", "through", "by"}


def _carried_out(head) -> bool:
    """The agreement word is the object of "in", "under" or "as part of" a verb of what such an agreement does."""
    tok = head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "part":
        tok = tok.head.head                      # "as part of a swap": the "part" phrase
    if tok.dep_ != "pobj" or tok.head.lower_ not in UNDER | {"as"}:
        return False
    verb = tok.head.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in CARRIED_OUT


def _as_head(m: "Mention", tok) -> "Mention":
    from dataclasses import replace
    return replace(m, head=tok)


# "officials fighting Islamic State", "the coalition battling the militants": who someone is, not a battle
FIGHT_VERBS = {"fight", "battle", "combat"}
# "helicopters flew overhead", "protect the border with drones": aircraft that strike no one
AIRCRAFT = {"helicopter", "jet", "warplane", "aircraft", "drone", "uav", "plane", "fighter-jet"}
IDLE_AIRCRAFT_VERBS = {"fly", "buzz", "hover", "circle", "patrol", "land", "crash", "train", "help", "protect",
                       "provide", "supply", "sell", "buy", "deliver", "acquire", "purchase", "equip", "build",
                       "manufacture", "station", "park", "escort", "monitor", "watch", "film", "photograph", "see",
                       "evacuate", "ferry", "transport", "airlift", "hear", "deploy", "deployment", "redeploy",
                       "withdraw", "withdrawal", "pullout", "pull", "base", "send", "dispatch",
                       # aircraft that are, remain or are shown somewhere: "20 bombers remain in Syria"
                       "be", "remain", "stay", "arrive", "display", "showcase", "parade",
                       # aircraft met in the air: "sent a fighter plane to intercept a U.S. aircraft approaching
                       # its border"
                       "intercept", "approach", "shadow", "track", "scramble"}
# what brings an aircraft down: the aircraft of "the downing of a warplane" is what was struck
DOWNING_NOUNS = {"downing", "shootdown", "shooting", "interception", "destruction"}
# where someone rides: "told reporters aboard a military aircraft", "flew in on a helicopter"
CARRIED_IN = {"aboard", "onboard", "in", "into", "onto"}
# what an intercept may stop that is no weapon fired: "the Russian SU-27 fighter had intercepted" a U.S.
# reconnaissance plane flying in international airspace (ACLED's disrupted weapons use is of missiles, rockets,
# drones, shells, bombs)
MANNED_AIRCRAFT = {"plane", "aircraft", "airplane", "airliner", "jet", "fighter", "bomber", "helicopter", "warplane",
                   "gunship"}
FIRED_WEAPONS = {"missile", "rocket", "drone", "uav", "shell", "mortar", "bomb", "projectile", "explosive", "ied"}


# what aircraft strike with: "a helicopter raid", "drone strikes" are violence; "a helicopter unit" is not
STRIKE_NOUNS = {"strike", "airstrike", "attack", "raid", "fire", "gunfire", "bombing", "bombardment", "assault",
                "shelling", "rocket", "missile", "bomb", "operation", "sortie", "mission", "crash", "downing"}


def _aircraft_of_a_thing(head: "Token") -> bool:
    """"a police officer in a helicopter tactical unit", "the drone programme", "a fighter-jet pilot": an
    aircraft word naming the kind of a unit, programme or person, not a strike ("a helicopter raid" is one)."""
    if head.dep_ not in ("compound", "nmod", "amod") or head.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = head.head
    while noun.dep_ in ("compound", "nmod", "amod") and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
        noun = noun.head
    striking = STRIKE_NOUNS | AIRCRAFT | MANNED_AIRCRAFT     # "jet fighters", "helicopter gunships" still strike
    return not any(t.lemma_.lower() in striking | {"gunship"} for t in (head.head, noun))


# what aircraft do when they strike: "jets pounded the town", "hit by a drone", "a strike from helicopters"
STRIKING_VERBS = {"strike", "hit", "bomb", "attack", "fire", "shoot", "shell", "pound", "pummel", "hammer", "batter",
                  "target", "kill", "wound", "injure", "destroy", "damage", "raid", "rocket", "bombard", "blast",
                  "launch", "drop", "conduct", "carry", "level", "flatten", "obliterate", "open", "strafe", "down",
                  "hunt", "chase", "engage", "support", "back", "use", "employ", "involve",
                  # aircraft keeping up a campaign: "Russian jets intensified their bombing"
                  "intensify", "escalate", "step", "resume", "mount", "continue", "keep", "press"}


# fire an aircraft trades (with FIGHT_NOUNS): "a gunfire exchange with a helicopter"
EXCHANGE_NOUNS = {"exchange", "clash", "gunfight", "firefight", "duel"}


def _aircraft_strikes_no_one(head: "Token") -> bool:
    """"The jet was assigned to a wing", "a warplane's stealthiness", "flown by helicopter to a hospital",
    "sirens and helicopters", "video taken from an aircraft": an aircraft word tells a strike only as the doer
    of a striking verb or noun ("jets pounded the town", "killed by a drone", "attacks from helicopters");
    tied to any other word it names a machine, and a strike told with it has its own word."""
    tok = head
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in STRIKING_VERBS for c in head.children):
        return False              # "jets that bombed the market"
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
        word = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        word = tok.head.head
    else:
        return False              # a headline or a list: no verb to read the aircraft by
    striking = STRIKING_VERBS | STRIKE_NOUNS | DOWNING_NOUNS | AIRCRAFT | MANNED_AIRCRAFT | FIGHT_NOUNS \
        | EXCHANGE_NOUNS
    if word.lemma_.lower() in striking:
        return False
    # "jets made 40 sorties, hitting 158 targets", "a drone made history when it fired": the strike is the
    # verb's object or a clause of it (not the aircraft itself: "hawks catching drones")
    return not any(c.dep_ in ("dobj", "advcl", "xcomp", "conj") and c.lemma_.lower() in striking and c.i != tok.i
                   and not _carried_off(c) for c in word.children)


def idle_aircraft(head: "Token") -> bool:
    """An aircraft word that strikes no one ("heard gunfire and helicopters"): joined to another event word, it
    names what was there, not the weapon of that event."""
    return head.lemma_.lower() in AIRCRAFT | MANNED_AIRCRAFT and _aircraft_strikes_no_one(head)


# verbs of helping others to violence: "accused of financing attacks" tells support, not an incident
ENABLING_VERBS = {"facilitate", "finance", "fund", "sponsor", "abet", "bankroll"}


def _enabled_only(head: "Token") -> bool:
    """"a lawsuit against the bank for allegedly facilitating attacks", "accused of funding bombings": attacks,
    plural, named as what someone's help made possible (a verb of helping not told as done, an -ing or a bare
    form) are no incident of their own."""
    return head.tag_ in ("NNS", "NNPS") and head.dep_ == "dobj" and head.head.tag_ in ("VBG", "VB") \
        and head.head.lemma_.lower() in ENABLING_VERBS


def _carried_off(verb: "Token") -> bool:
    """"carry" with no "out" ("as the bird carries it off"): carrying something, no strike carried out."""
    return verb.lemma_.lower() == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _aircraft_intercepted(m: "Mention") -> bool:
    if m.head.lemma_.lower() != "intercept" or m.trigger.kind == "label":
        return False
    lemmas = {t.lemma_.lower() for t in m.sent}
    return bool(lemmas & MANNED_AIRCRAFT) and not lemmas & FIRED_WEAPONS


# what is fired from afar: "an arsenal of missiles", "warheads to mount on ballistic missiles" name weapons held
MISSILE_NOUNS = {"missile", "rocket", "warhead"}
# what a fired weapon does besides striking: "rockets landed near the base", "a missile fell short", "a barrage of
# rockets", "the launch of a missile" (the launch or test ACLED codes is told by these words)
MISSILE_FLIGHT = {"land", "fall", "explode", "slam", "crash", "rain", "impact", "detonate", "aim", "direct",
                  "intercept", "test", "launch", "launching", "firing", "barrage", "salvo", "volley", "hail", "shot",
                  "test-fire", "testfire", "fly", "wave", "attack"}

# what one does with a missile one holds, not fires: "keep", "mount" a warhead "on" it, "carry" it, "back" a side
HOLDING_VERBS = {"keep", "mount", "carry", "support", "back", "press", "step"}
# an aircraft's strike words that name no strike of a rocket: "a rocket mission", "the bomb" it carries
NOT_STRIKES = {"bomb", "operation", "mission", "sortie"}
# "what appeared to be a missile", "what seemed to be rockets": a naming clause, not the missile's own verb
SEEMING = {"be", "appear", "seem", "look"}


def _could(verb: "Token") -> bool:
    """"missiles that can be launched from warships": a verb told as possible, not done."""
    return any(c.dep_ == "aux" and c.lower_ in HYPO_MODALS for c in verb.children)


def _missile_strikes_no_one(head: "Token") -> bool:
    """"developing missiles capable of striking the mainland", "an arsenal of missiles", "warheads to mount on
    ballistic missiles", "missile technology": a missile word tells a strike only tied to a word of striking,
    firing, launching or testing ("fired two missiles", "rockets landed", "a missile attack", "dozens of rockets
    hit"); tied to any other word it names a weapon held or built, a capability, not its use."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in MISSILE_NOUNS:
        return False
    striking = (STRIKING_VERBS - HOLDING_VERBS) | (STRIKE_NOUNS - MISSILE_NOUNS - NOT_STRIKES) | DOWNING_NOUNS \
        | FIGHT_NOUNS | EXCHANGE_NOUNS | MISSILE_FLIGHT
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in striking and not _could(c) for c in head.children):
        return False              # "rockets fired from Gaza", "a missile that hit a school" (not "that can be
                                  # launched from warships": what the weapon could do)
    tok = head
    while tok.dep_ in ("conj", "appos", "compound", "amod", "nmod") and tok.head.i != tok.i:
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in striking:
            return False          # "a missile strike", "rocket fire", "a missile launch"
        tok = tok.head
    # "dozens of rockets", "an arsenal of missiles", "weapons including rockets": the quantity, collection or
    # kind stands where the weapon would
    while tok.dep_ == "pobj" and tok.head.lower_ in ("of", "including", "like") \
            and tok.head.head.pos_ in ("NOUN", "PROPN", "NUM") and tok.head.head.lemma_.lower() not in striking:
        tok = tok.head.head
    # "an arsenal of missiles that can be launched from warships": what the weapons could do, told of the
    # collection that holds them
    capable = any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in striking and _could(c)
                  for t in {head, tok} for c in t.children)
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "attr"):
        word = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        word = tok.head.head
    else:
        return capable            # a headline or a list: no verb to read the weapon by, unless told as able
    # "fired what appeared to be a ballistic missile": the weapon is named in a clause the firing verb governs
    while word.lemma_.lower() in SEEMING and word.dep_ in ("xcomp", "ccomp", "dobj", "relcl") and word.head.i != word.i:
        word = word.head
    if word.lemma_.lower() in striking:
        return False
    return not any(c.dep_ in ("dobj", "advcl", "xcomp", "conj") and c.lemma_.lower() in striking
                   for c in word.children)


# "3,000 Tunisians have left to fight with Islamic State": going to fight somewhere, no battle told
JOINING_VERBS = {"leave", "travel", "go", "head", "join", "come", "return", "recruit", "send", "volunteer", "sign",
                 "flock", "move", "cross", "assign", "deploy", "dispatch", "train", "mobilize", "mobilise"}
# "summoned the ambassador to strongly protest and condemn the violation": a protest in words
SPEECH_VERBS = {"condemn", "denounce", "decry", "criticize", "criticise", "deplore", "object", "complain", "summon",
                "reject", "express", "lodge", "voice"}


def _perceived(tok: "Token") -> bool:
    """The object of a verb of perception ("could hear soldiers", "saw gunmen"): who was witnessed acting."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in PERCEPTION_VERBS


def not_an_occurrence(m: "Mention") -> bool:
    """A trigger word that tells no incident: what an actor is ("officials fighting Islamic State"),
    aircraft that only fly ("helicopters buzzed overhead"), going to fight ("left to fight with
    Islamic State"), a clause that only dates ("since the truce took effect"), a protest in words
    ("to strongly protest and condemn the violation"), a plane intercepted in the air."""
    head = m.head
    lemma = head.lemma_.lower()
    if m.coding.sub_event_type == "Agreement" and _carried_out(head):
        return False      # "pilots freed in a prisoner swap": the swap happened (not "fleeing air strikes")
    if head.pos_ == "VERB" and lemma in FIGHT_VERBS:
        if head.dep_ == "acl" and head.tag_ == "VBG" and not _perceived(head.head):
            return True   # (not "we could hear soldiers battling with the attackers": a witness heard it)
        told_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in (*head.children, *head.head.children))
        if head.tag_ == "VB" and told_to and head.dep_ in ("xcomp", "advcl") \
                and head.head.lemma_.lower() in JOINING_VERBS:
            return True   # "left to fight with Islamic State", "recruited people to go fight alongside militants"
    if _engaged_in_fighting(head):
        return True
    if head.pos_ in ("NOUN", "PROPN") and lemma in AIRCRAFT and len(m.tokens) == 1:
        if _aircraft_of_a_thing(head):
            return True
        verb = head
        while verb.dep_ in ("conj", "appos", "compound") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "pobj" and verb.head.dep_ == "prep":
            if verb.head.lower_ in CARRIED_IN or (verb.head.lower_ == "of" and verb.head.head.pos_ in ("NOUN", "PROPN")
                                                  and verb.head.head.lemma_.lower() not in DOWNING_NOUNS):
                return True       # "aboard a military aircraft", "the sale of 36 fighter jets", "the sound of
                                  # helicopters": aircraft as a thing; a strike told with them has its own word
                                  # ("Turkey's downing of a Russian warplane" is told by the warplane: its target)
            verb = verb.head.head
        elif verb.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            verb = verb.head
        if verb.i != head.i and verb.lemma_.lower() in IDLE_AIRCRAFT_VERBS:
            return True
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in IDLE_AIRCRAFT_VERBS for c in head.children):
            return True           # "as helicopters buzzed overhead"
        if _aircraft_strikes_no_one(head):
            return True
    if _aircraft_intercepted(m):
        return True
    if m.coding.sub_event_type == "Shelling/artillery/missile attack" and len(m.tokens) == 1 \
            and _missile_strikes_no_one(head):
        return True
    if _part_of_a_name(head) or _progress_made(head) or _armed_with(head) or _ties_to_a_doer(head) \
            or _enabled_only(head):
        return True
    if (_since_clause(head) and _dayless(head)) or _habitual(head) or _war_toll(head) or _spoken_of(head) \
            or _struggle(head) or _as_a_force(head) or _at_war(head) or _still_trying(head) or _any_one(head) \
            or _blaze(head) or _foreseen(head) or _pattern_of_targets(head) or _a_share(head) or _there_is(head) \
            or _falling_trend(head) or _what_one_does(head) or _how_a_war_began(head) or _stopped(head) \
            or _used_to(head) or _anti(head) or _obstacle(head) or _of_a_kind(head) or _search_raid(head) \
            or _held_now(head) or _vehicle_struck(m) or _described_as_taken(head) or _in_a_series(head) \
            or _earlier_ones(head) or _fire_service(head) or _warning_shots(head) or _near_miss(head) \
            or _explosive_matter(head) or _figurative_explosion(head) or _arrest_evaded(head) \
            or _arrest_as_setting(head) or _words_intercepted(head) or _self_done(m) or _weapon_sought(head) \
            or _office_taken_over(head) or _kind_of_deed(head) or _defined_as(head) or _protest_as_a_means(head) \
            or _gone_from(head) or _life_not_lost(head) or judicial_execution(head) or _likened_to(head):
        return True
    if lemma == "protest" and head.pos_ == "VERB":
        near = [head.head] + [c for c in head.children if c.dep_ == "conj"]
        return any(t.i != head.i and t.lemma_.lower() in SPEECH_VERBS for t in near)
    return False


# "trying to avoid arrest", "fled to escape capture": an arrest someone got away from, none made
EVADING = {"avoid", "evade", "escape", "elude", "dodge", "flee", "prevent", "thwart", "fear"}
ARREST_NOUNS = {"arrest", "capture", "detention"}


def _arrest_evaded(head: "Token") -> bool:
    """An arrest noun that is the object of a verb of getting away from it: no arrest was made."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in ARREST_NOUNS and head.dep_ == "dobj" \
        and head.head.lemma_.lower() in EVADING


def _arrest_as_setting(head: "Token") -> bool:
    """"police shot a man during an arrest", "he died during an arrest": an arrest noun with no one of its own,
    told as the setting of another act (the shooting, the death), no arrest coded beside it ("during the arrest
    of a commander" names its own)."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in ARREST_NOUNS and head.dep_ == "pobj" \
        and head.head.lower_ == "during" and not any(c.dep_ == "poss" or c.lower_ == "of" for c in head.children)


# looking for a weapon is no use of it: "sent a robot in to check for explosives", "dogs that sniff for bombs"
SEEKING_WORDS = {"check", "search", "scan", "sweep", "screen", "sniff", "hunt", "look", "test", "inspect", "comb",
                 "scour", "probe", "detect", "detection", "detector", "sniffer", "scanner"}


def _weapon_sought(head: "Token") -> bool:
    """"police sent a robot in to check for explosives", "a search for bombs", "bomb-detection dogs": an
    explosive looked for, not one that went off (a device found is told by its own words)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() not in DEVICES:
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "for":
        return tok.head.head.lemma_.lower() in SEEKING_WORDS
    return tok.dep_ in ("compound", "nmod", "npadvmod") and tok.head.lemma_.lower() in SEEKING_WORDS


# violence named as a kind of deed, in the plural with nothing that makes it incidents: "videos of police
# shootings", "a frequent target of bombings"
KIND_NOUNS = {"attack", "shooting", "bombing", "killing", "stabbing", "assault", "raid", "explosion", "blast",
              "massacre", "ambush", "beheading", "kidnapping", "abduction", "execution"}
# watching as a pastime: "after viewing Islamic State executions", "to watch beheadings" (a gerund or an infinitive)
VIEWING_VERBS = {"view", "watch"}
# what shows or stands for a kind of deed: "videos of police shootings", "a frequent target of bombings"
PICTURING_NOUNS = {"video", "footage", "image", "picture", "photo", "photograph", "film", "clip", "movie", "memory",
                   "fear", "specter", "spectre", "target", "glorification", "depiction", "simulation", "culture"}


def _kind_of_deed(head: "Token") -> bool:
    """"accustomed to videos of officer-involved shootings", "itself often the target of bombings", "after viewing
    Islamic State executions": a bare plural violence noun, uncounted, with no day, no place and no toll, told as
    what a picture, a memory or a target is of, or as what one watches, names a kind of deed, no incident ("videos
    of two attacks", "of attacks in Paris", "of attacks on Monday", "of the attacks" still do)."""
    noun = _whole_noun(head)
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in KIND_NOUNS or not _uncounted(noun):
        return False
    prep = noun.head
    viewed = noun.dep_ == "dobj" and prep.lemma_.lower() in VIEWING_VERBS and prep.tag_ in ("VBG", "VB")
    if not viewed and (noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in PICTURING_NOUNS):
        return False              # (not "a full resumption of attacks", "the series of shootings north of the city":
                                  # what is resumed or run is told by its own rules; nor "fears grew following deadly
                                  # bombings by the group": the bombings are recalled, in the background)
    words = list(noun.subtree)
    if any(t.like_num or t.lower_ in DAY_WORDS or t.ent_type_ in ("DATE", "TIME") for t in words):
        return False
    if _placed(words) or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in words):
        return False
    return not any(t.lemma_.lower() in TOLL_WORDS for t in words)


def _gone_from(head: "Token") -> bool:
    """"his disappearance from his post", "disappeared from the base": someone leaving a place, no one taken ("the
    disappearance of 43 students" is told with no place left)."""
    if head.lemma_.lower() not in ("disappearance", "disappear"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children)


# what takes a life or lives away: "claimed 49 lives", "lost their lives", "the loss of life", "lives lost"
LIFE_TAKING = {"lose", "claim", "take", "cost", "sacrifice", "give", "end", "loss", "toll"}


def _life_not_lost(head: "Token") -> bool:
    """"put soldiers' lives at risk", "saved lives", "life in the city": a life told with nothing that takes it is
    no death."""
    if head.pos_ != "NOUN" or head.lemma_.lower() != "life":
        return False
    up = head.head.head if head.dep_ == "pobj" else head.head
    if head.head.lemma_.lower() in LIFE_TAKING or up.lemma_.lower() in LIFE_TAKING:
        return False
    return not any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in LIFE_TAKING for c in head.children)


def _defined_as(head: "Token") -> bool:
    """"In Maryland, depraved heart murder is a killing done with extreme disregard for life": a violence noun
    as what a present "is" says a thing is (or as the thing so defined), with a clause of its own that tells
    the kind, defines a word or a charge, no incident ("the blast was an attack that killed 12" tells one,
    in the past)."""
    verb = head.head
    if head.pos_ != "NOUN" or head.dep_ not in ("attr", "nsubj") or verb.lemma_.lower() != "be" \
            or verb.tag_ not in ("VBZ", "VBP"):
        return False              # (the subject too: "murder" of "depraved heart murder is a killing done ...")
    return any(c.dep_ == "attr" and c.pos_ == "NOUN" and any(g.dep_ == "det" and g.lower_ in ("a", "an")
                                                             for g in c.children)
               and any(g.dep_ in ("acl", "relcl") for g in c.children) for c in verb.children)


# words for an opinion of a kind of protest, or for going past it: "derided demonstrations", "beyond protests"
JUDGING_VERBS = {"deride", "mock", "ridicule", "dismiss", "disparage", "scorn", "belittle", "praise", "endorse",
                 "encourage", "discourage", "advocate", "favor", "favour", "ban", "outlaw", "prohibit"}
PROTEST_NOUNS = {"protest", "demonstration", "rally", "march", "sit-in"}


def _protest_as_a_means(head: "Token") -> bool:
    """"videos that derided demonstrations like those after the shooting", "going beyond demonstrations to
    bloodshed": protest as a means judged, banned or gone past, a bare plural with no day or place, names no
    protest held ("banned the rally planned for Friday", "mocked the protesters in the square" still do)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in PROTEST_NOUNS or not _uncounted(head):
        return False
    if not ((head.dep_ == "dobj" and head.head.lemma_.lower() in JUDGING_VERBS)
            or (head.dep_ == "pobj" and head.head.lower_ == "beyond")):
        return False
    words = list(head.subtree)
    return not any(t.like_num or t.lower_ in DAY_WORDS or t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")
                   for t in words)


# what is taken over that is no ground: an office, a job, a business
OFFICE_NOUNS = {"post", "job", "role", "position", "office", "presidency", "chairmanship", "leadership", "helm",
                "rein", "reins", "portfolio", "duty", "responsibility", "company", "business", "firm", "management",
                "team", "show", "program", "programme", "account", "case", "investigation"}


def _office_taken_over(head: "Token") -> bool:
    """"his deputy took over for two days", "she took over the post in May": taking over told of a person
    taking up an office or a task, not of a side taking ground ("militants took over the town" still is)."""
    if head.pos_ != "VERB" or head.lemma_.lower() != "take" \
            or not any(c.dep_ == "prt" and c.lower_ == "over" for c in head.children):
        return False
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if objects:
        return all(o.lemma_.lower() in OFFICE_NOUNS for o in objects)
    if any(c.dep_ == "prep" and c.lower_ in ("in", "at", "of") for c in head.children):
        return False              # "took over in Sirte": a place, however parsed
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return any(s.ent_type_ == "PERSON" or s.lemma_.lower() in SUCCESSORS for s in subjects)


SUCCESSORS = {"deputy", "successor", "assistant", "chief", "director", "mayor", "governor", "president", "minister",
              "secretary", "chairman", "chairwoman", "manager", "coach", "editor", "superintendent", "commissioner",
              "he", "she"}


# words intercepted are no weapon stopped: "intercepted Islamic State messages suggest targets"
MESSAGE_NOUNS = {"message", "communication", "call", "email", "e-mail", "conversation", "chatter", "letter", "text",
                 "transmission", "signal", "phone", "recording", "correspondence"}


def _words_intercepted(head: "Token") -> bool:
    """"intercept" told of a message, a call or a conversation: eavesdropping, no weapon disrupted."""
    if head.lemma_.lower() != "intercept":
        return False
    if head.pos_ == "VERB" and head.dep_ in ("amod", "acl") and head.head.lemma_.lower() in MESSAGE_NOUNS:
        return True
    if head.tag_ == "VBN" and head.i + 1 < len(head.doc) and head.nbor().lemma_.lower() in MESSAGE_NOUNS:
        return True               # "Intercepted messages suggest ...", however parsed
    return any(c.dep_ in ("dobj", "nsubjpass", "compound") and c.lemma_.lower() in MESSAGE_NOUNS
               for c in head.children)


# what news calls explosive that is no weapon: "a potentially explosive risk of confrontation", "an explosive
# situation", "explosive allegations", "explosive growth"
FIGURATIVE_EXPLOSIVE = {"risk", "situation", "issue", "mix", "mixture", "cocktail", "combination", "growth", "topic",
                        "subject", "question", "matter", "allegation", "accusation", "claim", "revelation", "report",
                        "debate", "atmosphere", "tension", "climate", "interview", "testimony", "book", "memoir",
                        "potential", "rise", "increase", "expansion", "temper", "argument", "dispute", "row",
                        "confrontation", "moment", "story", "details", "email", "video", "tape"}


def _explosive_matter(head: "Token") -> bool:
    """"the potentially explosive risk of confrontation": the adjective "explosive" told of a thing no bomb is,
    a figure of speech (not "an explosive device", "explosive belts")."""
    return head.lemma_.lower() == "explosive" and head.pos_ == "ADJ" and head.dep_ in ("amod", "acomp") \
        and (head.head.lemma_.lower() in FIGURATIVE_EXPLOSIVE or any(
            c.dep_ == "nsubj" and c.lemma_.lower() in FIGURATIVE_EXPLOSIVE for c in head.head.children))


# "it sounds like bombings you hear in Syria", "it looked like battles in a film": a likeness, no event
LIKENING_VERBS = {"sound", "look", "seem", "feel", "resemble"}


def _likened_to(head: "Token") -> bool:
    """"It sounds like bombings you hear in Syria": violence of a kind (a bare plural after "like") that something
    is likened to, no event (not "heard what sounded like an explosion", one blast heard)."""
    return head.dep_ == "pobj" and head.head.lower_ == "like" and head.tag_ == "NNS" \
        and head.head.head.lemma_.lower() in LIKENING_VERBS \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)


# what news says explodes or bursts out that is no bomb: "a culture of distrust that exploded", "an explosion of
# anger", "tensions exploded into protests" (the violence, if any, has its own word)
FIGURATIVE_BLASTS = FIGURATIVE_EXPLOSIVE | {
    "distrust", "mistrust", "anger", "rage", "fury", "frustration", "resentment", "outrage", "grief", "emotion",
    "culture", "popularity", "population", "demand", "crisis", "scandal", "violence", "unrest", "protest", "riot",
    "discontent", "hatred", "hostility", "feud", "rivalry", "controversy", "relation", "market", "price", "bubble"}
# people gathered or a place's people, said to explode ("the crowd exploded", "the city exploded in protests"):
# a burst of feeling or unrest (no bomb is a crowd, a city or a stadium; "a bomb exploded in the city" is the bomb's)
FIGURATIVE_BLASTERS = {"crowd", "fan", "audience", "spectator", "stadium", "arena", "city", "town", "country",
                       "nation", "neighborhood", "neighbourhood", "street", "campus", "community", "region",
                       "capital", "media", "internet", "twitter", "room", "hall", "parliament", "chamber"}
# what a crowd or a city bursts into: "exploded in cheers", "exploded into celebration", "exploded with joy"
FIGURATIVE_BURSTS = {"anger", "rage", "fury", "frustration", "outrage", "grief", "emotion", "violence", "unrest",
                     "protest", "riot", "cheer", "applause", "laughter", "joy", "celebration", "jubilation", "chaos",
                     "arson", "looting", "clash", "demonstration", "song", "chant", "noise", "delight"}


def _figurative_explosion(head: "Token") -> bool:
    """"a culture of distrust that exploded", "an explosion of anger", "tensions exploded": the verb "explode" or
    the noun "explosion" told of feelings, dealings or numbers, a figure of speech (not "a bomb exploded")."""
    lemma = head.lemma_.lower()
    if lemma == "explode" and head.pos_ == "VERB":
        nouns = [c for c in head.children if c.dep_ == "nsubj"]
        if head.dep_ == "relcl" and any(n.lower_ in ("that", "which") for n in nouns):
            nouns.append(head.head)
    elif lemma == "explosion" and head.pos_ == "NOUN":
        nouns = [head]
    else:
        return False
    for noun in nouns:
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        if any(t.lemma_.lower() in FIGURATIVE_BLASTS for t in [noun, *of] if t.i != head.i):
            return True
    return lemma == "explode" and _burst_out(head, nouns)


def _burst_out(head: "Token", subjects: list["Token"]) -> bool:
    """"The crowd exploded when the goal went in", "Ferguson exploded", "the city exploded in protests and arson":
    "explode" told, with no object, of gathered people or a place, or bursting "in", "into" or "with" a feeling, a
    sound or unrest: a figure of speech, the unrest (if any) told by its own word."""
    if any(c.dep_ == "dobj" for c in head.children):
        return False                      # "the bomber exploded his vest"
    into = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "with")
            for g in c.children if g.dep_ == "pobj"]
    into += [g for t in list(into) for g in t.conjuncts]
    # bare: "in protests", "with rage" (not "in a crowded market", where a bomb went off)
    if any(t.lemma_.lower() in FIGURATIVE_BURSTS and not any(c.dep_ in ("det", "poss") for c in t.children)
           for t in into):
        return True
    return any(s.lemma_.lower() in FIGURATIVE_BLASTERS and s.pos_ == "NOUN" or s.ent_type_ == "GPE"
               for s in subjects)


# "his connection to a suicide bomber": one's ties to a person, told by a word for the doer of violence
DOER_NOUNS = {"bomber", "gunman", "attacker", "assailant", "shooter", "hijacker", "kidnapper"}
TIES = {"connection", "link", "tie", "contact", "relation", "relationship", "association"}


def _ties_to_a_doer(head: "Token") -> bool:
    """"questioned for his connection to an American suicide bomber", "links to the gunman": ties to a person
    the text names by what that person did, not that deed (told, if at all, by its own sentence)."""
    return head.lemma_.lower() in DOER_NOUNS and head.dep_ == "pobj" and head.head.lower_ in ("to", "with") \
        and head.head.head.lemma_.lower() in TIES


def _armed_with(head: "Token") -> bool:
    """"gunmen armed with assault rifles and hand grenades", "a man armed with a knife and explosives": what
    someone carried, told of who carried it; the violence, if any, has its own word ("opened fire", "threw
    grenades"). A list the parser reads as an apposition ("armed with a shotgun, a machete and petrol bombs")
    is one list."""
    tok = head
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lower_ == "armed"


def _progress_made(head: "Token") -> bool:
    """"Government forces had made significant advances in the northern region", "helped pave the way for
    advances by government forces", "where rebel advances last year were seen as a threat": advances in the
    plural, told with no day and no named place of their own, are how a side's war has gone over weeks or
    months, no incident ("advances against Islamic State in northern Iraq", "Sunday's advances" still are one)."""
    if head.lemma_.lower() != "advance" or head.tag_ != "NNS" or not _dayless(head):
        return False
    return not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree)


# "an AK-47 assault rifle": a trigger word that with the noun after it names a weapon
WEAPON_NAMES = {"rifle", "weapon", "gun"}


def _part_of_a_name(head: "Token") -> bool:
    """A trigger word that is only part of another word's name: the "fire" of "cease-fire" (wire copy
    spells the truce with a hyphen, which the parse splits: "information about the cease-fire", "local
    cease-fires"), the "assault" of "an assault rifle" (a weapon, carried or used: the violence, if any,
    has its own word, "opened fire with an assault rifle")."""
    doc, i = head.doc, head.i
    if head.lemma_.lower() == "fire" and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "cease" \
            and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return True
    if head.lemma_.lower() == "assault" and i + 1 < len(doc) and doc[i + 1].lemma_.lower() in WEAPON_NAMES:
        return True
    return _in_a_name(head)


NAMED_THINGS = {"ORG", "PRODUCT", "WORK_OF_ART", "FAC"}


def _in_a_name(head: "Token") -> bool:
    """"an agent with the Bureau of Alcohol, Tobacco, Firearms and Explosives", "executives from Shell and
    Total": a capitalised word inside the name of an organisation, a product, a work or a building, past the
    sentence's first word, names that thing, no blast or shelling (an incident's own name, "the Marathon
    Bombing", is an event, not one of these). A dateline in capitals opens no words of the sentence: the word
    after it is its first ("BRUSSELS Explosions tore through ...", which the model may read as one name)."""
    if head.pos_ != "PROPN" or head.ent_type_ not in NAMED_THINGS or not head.text[:1].isupper():
        return False
    first = next((t for t in head.sent if not t.is_space and not t.is_punct and not (t.is_upper and len(t) > 1)),
                 None)
    return first is not None and head.i != first.i


# "transferred captured children", "militants arrested in the occupation": a participle telling who people are
TAKING_VERBS = {"capture", "arrest", "detain", "abduct", "kidnap", "seize", "imprison", "jail", "hold"}


def _described_as_taken(head: "Token") -> bool:
    """A taking verb as the participle of the people taken ("captured Yazidi children", "suspects detained
    in the raids"): who they are, not a new incident, unless the participle tells who took them ("girls
    kidnapped by Boko Haram") or dates it ("a soldier captured on Monday")."""
    if head.pos_ != "VERB" or head.tag_ != "VBN" or head.dep_ not in ("amod", "acl") \
            or head.lemma_.lower() not in TAKING_VERBS or head.head.pos_ not in ("NOUN", "PROPN") \
            or any(c.dep_ == "agent" for c in head.children):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") and _verb_of(t).i == head.i for t in head.subtree)


def _verb_of(tok: "Token") -> "Token":
    """The nearest verb a word hangs from ("in a video released on Wednesday": "released")."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


# the nouns of a war one side wages: "forces engaged in the battle against Islamic State"
FIGHT_NOUNS = {"battle", "fight", "fighting", "war", "campaign", "struggle", "offensive", "combat"}


def _engaged_in_fighting(head: "Token") -> bool:
    """"Iraqi forces engaged in the battle against Islamic State": a participle telling who a side is (as
    "officials fighting Islamic State"), not a battle of its own."""
    return head.lemma_.lower() == "engage" and head.dep_ == "acl" and head.tag_ in ("VBN", "VBG") and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lemma_.lower() in FIGHT_NOUNS
                                                       for g in c.children) for c in head.children)


# road, rail and civilian water craft, whose striking something is an accident (aircraft and warships strike as
# weapons do)
VEHICLES = {"car", "truck", "vehicle", "bus", "van", "train", "motorcade", "taxi", "lorry", "pickup", "suv",
            "tractor", "motorcycle", "tram", "locomotive", "boat", "tugboat", "tug", "ferry", "barge", "trawler",
            "yacht"}
BLAST_WORDS = re.compile(r"\b(?:(?:land)?mines?|IEDs?|explosi\w*|devices?|blasts?|detonat\w*)\b", re.IGNORECASE)
# what makes a vehicle a bomb ("an explosives-laden truck", "a booby-trapped car")
LOADED = {"bomb", "explosive", "explosives", "laden", "rigged", "booby", "trapped", "suicide", "packed", "loaded"}


def _vehicle_struck(m: "Mention") -> bool:
    """"A vehicle in the motorcade struck and killed a young boy", "another car struck a tree": a road
    vehicle that hits someone or something, told with no hostile act, is a traffic accident, not a strike
    (a car bomb's word is the bomb; an explosives-laden truck is a bomb)."""
    verb = m.head
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
        verb = verb.head             # "struck and killed": the subject is the first verb's
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("strike", "hit", "kill") or HOSTILE.search(m.sent.text) \
            or BLAST_WORDS.search(m.sent.text):
        return False             # "an army truck struck a roadside mine": the mine's blast
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in VEHICLES
               and not any(t.lemma_.lower() in LOADED for t in c.subtree) for c in verb.children)


# a raid by the police on a house is a search: no violence unless the sentence tells some
SEARCHERS = {"police", "policeman", "officer", "agent", "investigator", "detective", "gendarme", "gendarmerie",
             "prosecutor", "authority", "service"}
SEARCHED = {"house", "home", "apartment", "flat", "building", "office", "premise", "premises", "address",
            "property", "residence", "hideout", "mosque", "shop", "warehouse", "headquarters"}
HARM_WORDS = {"kill", "dead", "die", "death", "wound", "injure", "shoot", "shot", "gunfire", "clash", "fire",
              "firefight", "gunbattle", "shootout", "shoot-out", "blow", "detonate", "explode", "exchange", "beat"}


def _search_raid(head: "Token") -> bool:
    """"Belgian police raided a suspected safe house ... but found no weapons and made no arrests": a
    police raid on a house, with no harm told in its sentence, is a search, no attack (an arrest in it
    is the arrest; "troops raided a village, killing two" is violence)."""
    if head.lemma_.lower() != "raid":
        return False
    if head.pos_ == "VERB":
        doers = [c for c in head.children if c.dep_ == "nsubj"]
        places = [c for c in head.children if c.dep_ == "dobj"]
    else:
        doers = [c for c in head.children if c.dep_ in ("compound", "amod", "poss")]
        places = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "of")
                  for g in c.children if g.dep_ == "pobj"]
    searched = any(t.lemma_.lower() in SEARCHED or any(c.lemma_.lower() in SEARCHED for c in t.children)
                   for t in places)
    by_police = any(t.lemma_.lower() in SEARCHERS or any(c.lemma_.lower() in SEARCHERS for c in t.children)
                    for t in doers)
    return searched and by_police and not any(t.lemma_.lower() in HARM_WORDS for t in head.sent)


# weapons whose presence is told, not their use
DEVICES = {"bomb", "explosive", "device", "ied", "mine", "landmine", "grenade", "weapon", "gun", "rifle"}


def _there_is(head: "Token") -> bool:
    """"The caller claimed there were bombs in and around the building", "some people believed there
    was a bomb": that a weapon is there tells no attack."""
    if head.lemma_.lower() not in DEVICES or head.dep_ not in ("attr", "nsubj"):
        return False
    verb = head.head
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)


# what someone accuses, fears, condemns, flees or works to prevent: "accused Russia of bombing civilians",
# "concerned about Russia's continued bombing", "condemned cross-border shelling", "tens of thousands fleeing
# air strikes"
SPOKEN_OF = {"accuse", "accusation", "allege", "allegation", "concern", "concerned", "worry", "worried", "condemn",
             "condemnation", "denounce", "blame", "link", "complain", "complaint", "criticize", "criticise", "flee",
             "escape", "free", "insistence", "deplore", "decry",
             # what security forces expect or work to stop: "focused on anticipating attacks in vulnerable regions"
             "anticipate", "prevent", "deter", "avert", "forestall", "preempt", "pre-empt",
             # what may happen: "the risk of militants staging a chemical attack", "fears of reprisals"
             "risk", "danger", "fear", "possibility", "prospect", "likelihood", "threat"}
# what people live through as a condition, told by a bare plural: "families enduring bombardments and hunger"
ENDURED = {"endure", "suffer", "withstand"}
CLIMB = {"compound", "pobj", "dobj", "prep", "pcomp", "conj", "amod"}
DEFINITE_DETS = {"the", "this", "that", "these", "those"}
PLACE_PREPS = {"in", "at", "near", "into", "around", "outside", "across", "on"}


def _spoken_of(head: "Token") -> bool:
    """Violence named only as what someone accuses another of, fears, condemns or flees, with no day,
    no place and no incident of its own ("accused Russia of bombing civilians", "fleeing air strikes"):
    an allegation or a pattern, which the statements stage keeps; an incident named so ("condemned
    the attack", "accused Russia of bombing a hospital in Azaz on Monday") is still told. So are a risk
    ("the risk of a chemical attack") and a condition endured ("families enduring air strikes")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = _whole_noun(head)
    phrase = list(noun.subtree)
    if _placed(phrase) or any(t.ent_type_ in ("DATE", "TIME") for t in phrase) or any(
            c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE_DETS or c.ent_type_ in ("DATE", "TIME"))
            for c in (*head.children, *noun.children)):
        return False
    t = head
    for _ in range(4):
        if t.dep_ not in CLIMB or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in ENDURED:
            return _uncounted(noun)
        if t.lemma_.lower() in SPOKEN_OF:
            return True
    return False


def _placed(tokens: "Iterable[Token]") -> bool:
    """A named place among the words, as the object of a site preposition ("in Homs", "near Aleppo")."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS
               for t in tokens)


def _uncounted(noun: "Token") -> bool:
    """A bare plural, with no number, article or owner: "enduring bombardments" is a condition, "has suffered
    two bombings this year" counts incidents."""
    return noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def _whole_noun(head: "Token") -> "Token":
    """The noun a trigger word modifies: "attacks" of "bombing attacks", whose phrase holds the day and place
    ("suffered bombing attacks, including one at the airport two weeks ago")."""
    noun = head
    while noun.dep_ in ("compound", "amod") and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
        noun = noun.head
    return noun


STRUGGLE_NOUNS = {"fight", "battle", "war", "struggle", "campaign"}


def _struggle(head: "Token") -> bool:
    """"the fight against Islamic State", "its best chance in the battle against Islamic State": a side's
    struggle against an enemy, no incident ("the battle for Palmyra", a fight on a day or at a place is one)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in STRUGGLE_NOUNS:
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "against" for c in head.children):
        return False
    phrase = list(head.subtree)
    return not any(t.ent_type_ in ("DATE", "TIME") for t in phrase) and not any(
        t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.ent_type_ in ("GPE", "LOC", "FAC") for t in phrase)


# what violence does to a war or a balance, not to anyone: "Russian air strikes have turned the tide",
# "Russian bombing has transformed the war", "airstrikes have been blamed for increasing the toll"
EFFECT_VERBS = {"transform", "turn", "change", "shape", "fuel", "alter", "tip", "shift", "swing", "undermine",
                "complicate", "derail", "jeopardize", "jeopardise", "bolster", "boost", "blame", "revive", "reshape"}


def _as_a_force(head: "Token") -> bool:
    """Violence named as the force that changes the course of a war, with no day of its own."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    if verb.lemma_.lower() not in EFFECT_VERBS:
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") and t.lower_ in DAY_WORDS for t in verb.subtree)


PRESENT_AUX = {"is", "are", "am", "'s", "'re"}


def _present(verb: "Token") -> bool:
    """"fights", "is fighting", "are trying": the simple or progressive present (not "has been
    fighting since Monday", not "was trying")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and bool(auxes) and all(a in PRESENT_AUX for a in auxes)


SIDE_CLAUSES = {"relcl", "acl", "advcl"}


def _dayless(tok: "Token") -> bool:
    """No day, month or 'today' in the token's sentence, outside clauses that tell something else
    ("in its southeast, where a ceasefire collapsed last July")."""
    for t in tok.sent:
        if t.lower_ not in DAY_WORDS or (t.lower_ == "may" and t.ent_type_ != "DATE"):
            continue
        if not _in_side_clause(t, tok):
            return False
    return True


def _in_side_clause(t: "Token", tok: "Token") -> bool:
    """Is `t` inside a relative or adverbial clause that does not hold `tok`?"""
    a = t
    for _ in range(12):
        if a.dep_ in SIDE_CLAUSES and not (a.left_edge.i <= tok.i <= a.right_edge.i):
            return True
        if a.head.i == a.i:
            return False
        a = a.head
    return False


# verbs that, in the simple present with a bare plural object, tell what an actor does as a rule
DOING_VERBS = {"stage", "carry", "conduct", "launch", "mount", "hold", "organize", "organise", "wage", "perform",
               "practice", "practise", "provide"}
# their third-person forms (the lemmatizer reads "stages" as "stag")
DOING_FORMS = {"stages", "carries", "conducts", "launches", "mounts", "holds", "organizes", "organises", "wages",
               "performs", "provides"}


def _what_one_does(head: "Token") -> bool:
    """"Britain First stages provocative anti-Muslim demonstrations", "the United States carries out most
    airstrikes against the Islamic State", "he practiced shooting a gun at a range": what an actor does as
    a rule or practises, with no day in the sentence, names no incident ("staged a protest on Friday" does)."""
    if head.pos_ not in ("NOUN", "VERB") or not _dayless(head):
        return False
    verb = head.head if head.dep_ in ("dobj", "xcomp") else None
    if verb is None or verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in ("practice", "practise", "rehearse", "learn"):
        return True                                  # "practiced shooting", "learned to shoot"
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or (verb.lemma_.lower() not in DOING_VERBS
                                                      and verb.lower_ not in DOING_FORMS):
        return False
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return not any(c.dep_ in ("det", "nummod", "poss") and c.lower_ not in ("most", "all", "many", "some")
                   for c in head.children)


# how often violence happens, told as a change or a comparison: no incident
# (not "fall", "drop": "shells fell on the Mazzeh area", "bombs dropped on the town" tell incidents)
TREND_VERBS = {"increase", "rise", "decline", "spike", "double", "triple", "surge", "grow", "decrease", "soar",
               "dwindle"}
def _anti(head: "Token") -> bool:
    """"anti-aircraft forces", "an anti-missile system": what is against a weapon is no use of it."""
    doc = head.doc
    before = [t.lower_ for t in doc[max(0, head.i - 2):head.i]]
    return before[-1:] == ["anti"] or before == ["anti", "-"]


def _self_prefixed(tok: "Token") -> bool:
    """Is the word the second half of one opening with "self-" ("self-shot", "self-inflicted")?"""
    doc = tok.doc
    return [t.lower_ for t in doc[max(0, tok.i - 2):tok.i]] == ["self", "-"] and doc[tok.i - 1].whitespace_ == ""


def _self_marked(tok: "Token") -> bool:
    """"self-shot", "a self-shot wound", "a self-inflicted gunshot wound": the word, one modifying it, or one
    modifying the noun it modifies, opens with "self-"."""
    nouns = [tok] + ([tok.head] if tok.dep_ == "compound" and tok.head.i != tok.i else [])
    return _self_prefixed(tok) or any(c.dep_ in ("compound", "amod") and _self_prefixed(c)
                                      for n in nouns for c in n.children)


def _self_done(m: "Mention") -> bool:
    """"a self-shot wound", "died from a self-inflicted gunshot wound": a trigger marked as done to oneself
    (`_self_marked`), or a death told as caused by one, is no attack."""
    if _self_prefixed(m.tokens[0]) or _self_marked(m.head):
        return True
    return m.head.lemma_.lower() in DEATH_LEMMAS - KILL_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ("after", "from", "of") and any(
            g.dep_ == "pobj" and _self_marked(g) for g in c.children) for c in m.head.children)


HAMPERING = {"hamper", "slow", "hinder", "delay", "complicate", "impede", "obstruct"}


def _obstacle(head: "Token") -> bool:
    """"their progress has been hampered by suicide bombers, mines and snipers": the means a side meets on
    its way, no incident of their own."""
    t = head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.lemma_.lower() in HAMPERING


def _used_to(head: "Token") -> bool:
    """"a country more used to low-level strikes on police", "residents accustomed to shelling": what people
    are used to is a pattern, no incident."""
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ in (
        "used", "accustomed", "inured", "habituated")


STOPPING = {"halt", "stop", "cease", "suspend", "pause", "freeze", "refrain", "abstain"}
STOPPING_FORMS = {"halting", "stopping", "ceasing", "suspending", "pausing", "freezing"}   # tagged as adjectives
PAUSES = {"lull", "pause", "halt", "break", "cessation", "end", "stop", "suspension", "freeze", "respite"}


def _stopped(head: "Token") -> bool:
    """"rejected the idea of halting attacks on Nusra", "Israel suspended air strikes": violence halted,
    stopped or suspended is what no longer happens, no incident."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and (c.lemma_.lower() in STOPPING or c.lower_ in STOPPING_FORMS) for c in head.children):
        return True                      # "the idea of halting attacks", the parser's adjective
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "to", "of") and head.head.head.lemma_.lower() in PAUSES:
        return True                      # "a lull in fighting", "an end to the fighting", "a halt to bombardments"
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "from":
        verb = verb.head                 # "refrain from attacks"
    elif head.dep_ != "dobj":
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in STOPPING


CONFLICT_NOUNS = {"war", "conflict", "uprising", "crisis", "revolt", "revolution", "insurgency", "unrest",
                  "rebellion"}
BEGIN_VERBS = {"start", "begin", "erupt", "grow", "emerge"}


def _how_a_war_began(head: "Token") -> bool:
    """"The Syrian war, which started with largely peaceful protests", "the conflict began as protests
    against Assad's rule": how a war began is its story, no incident an ACLED coder would code."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("with", "as", "from", "out"):
        return False
    verb = head.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in BEGIN_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)
    return any(t.lemma_.lower() in CONFLICT_NOUNS for t in subjects)


TREND_NOUNS = {"rise", "increase", "decline", "drop", "fall", "surge", "spike", "uptick", "upsurge", "decrease",
               "jump", "reduction", "lull", "slowdown", "upswing"}            # "a rise in attacks"
COUNT_NOUNS = {"number", "frequency", "tally", "count"}     # "the number of air strikes"
# less of a kind of violence ("a reduction in air strikes", "attacks have declined"): what no longer happens
FALLING = {"decline", "drop", "fall", "decrease", "reduction", "lull", "slowdown", "dwindle", "fewer", "less"}


def _stepping_up(verb: "Token") -> bool:
    """"stepped up", "ramped up", "scaled up", "intensified", "escalated": a verb of doing more of something."""
    lemma = verb.lemma_.lower()
    if lemma in ("intensify", "escalate", "redouble"):
        return True
    return lemma in ("step", "ramp", "scale") and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _falling_trend(head: "Token") -> bool:
    """"a reduction in air strikes", "attacks have declined", "fewer strikes": less of a kind of violence
    tells no incident (more of it is an aggregate: `told_as_trend`)."""
    if not told_as_trend(head):
        return False
    near = {head.head.lemma_.lower(), head.head.head.lemma_.lower()} | {c.lower_ for c in head.children}
    return bool(near & FALLING)


def told_as_trend(head: "Token") -> bool:
    """"Islamic State attacks have increased this year", "a rise in Islamic State attacks in Libya", "almost
    as many attacks in the first three months as in the preceding six", "the number of air strikes fell":
    how often a kind of violence happens, with no day of its own, names no one incident: the stage codes it
    as the annotation guide's aggregate, one background event with no day."""
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and _dayless(head) and _stepping_up(head.head):
        return True       # "government forces have stepped up bombing of rebel-held areas": more of it
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NNS", "NNPS") or not _dayless(head):
        return False
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in TREND_VERBS:
        return True
    if head.dep_ == "pobj" and ((head.head.lower_ == "in" and head.head.head.lemma_.lower() in TREND_NOUNS) or (
            head.head.lower_ == "of" and head.head.head.lemma_.lower() in COUNT_NOUNS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.head.head.children))):   # not "a number of"
        return True
    # "as many attacks as", "more attacks than", "fewer strikes"
    return any(c.dep_ == "amod" and c.lower_ in ("many", "more", "fewer", "less") and any(
        g.lower_ in ("as", "than") for g in (*c.children, *head.children, *head.head.children)) for c in head.children)


# what a picture of an incident is called: "pictures of recent attacks", "footage showed wounded people"
PICTURE_NOUNS = {"footage", "video", "image", "picture", "photo", "photograph", "film", "clip"}


def told_as_state(head: "Token") -> bool:
    """"Despite being pushed out of Somalia's major cities and towns, al-Shabab continues ...": a loss
    conceded as the state things are in, with no day of its own, is background, not the day's news;
    so are incidents named only as what pictures show ("the video began with pictures of recent attacks
    in Paris, Brussels and Orlando")."""
    if head.tag_ in ("NNS", "NNPS") and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.lemma_.lower() in PICTURE_NOUNS and _dayless(head):
        return True
    return head.tag_ == "VBN" and head.dep_ == "pcomp" and head.head.lower_ in ("despite", "of") \
        and (head.head.lower_ == "despite" or head.head.head.lower_ == "spite") \
        and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in head.children) and _dayless(head)


CAUSE_NOUNS = {"cause", "source", "killer"}


def _a_share(head: "Token") -> bool:
    """"followed by roadside bombs at 21 percent and suicide attacks at 17 percent", "40 percent of the
    attacks", "gunfire was the leading cause of casualties": a kind of violence as a share of a count or as the
    cause of a count's harm, no incident."""
    if head.dep_ == "nsubj" and head.head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() in CAUSE_NOUNS for c in head.head.children):
        return True
    after = head.doc[head.i + 1:head.i + 5]
    if len(after) >= 3 and after[0].lower_ == "at" and after[1].like_num and after[2].lower_ in ("percent", "%", "per"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in ("percent", "%")


def _at_war(head: "Token") -> bool:
    """"Hezbollah is fighting in support of Assad", "militants, who are battling Ankara in southeast
    Turkey", "the Nusra Front, which fights government forces", "as pro-government forces clash with
    Islamic State fighters": a side at war, told in the present with no day in its sentence, is what that
    side is doing these months, no incident ("troops were fighting rebels in Aleppo on Sunday", "fighting
    broke out" still are; "has been fighting" is the war as the annotation guide codes it, one background
    aggregate)."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in FIGHT_VERBS | {"clash"} or not _dayless(head):
        return False
    if head.tag_ == "VBG" and head.dep_ == "pcomp" and any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "alongside")) for c in head.children):
        return True       # "Turkey's record in fighting Islamic State", "returning from fighting for Islamic State"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in WHOLE_CONFLICTS for c in head.children):
        return True       # "troops battling a resilient insurgency", "an army that fought a civil war": the war waged
    if _what_a_side_fought(head):
        return True
    return _present(head)


def _what_a_side_fought(verb: "Token") -> bool:
    """"the tribes, many of which fought the occupation after the invasion", "an insurgency that fought the
    army": a relative clause in the past, with no day and no place, says who a group is by the war it waged
    ("the rebels who fought troops in Homs", "who battled police on Sunday" still tell a fight)."""
    if verb.dep_ != "relcl" or verb.tag_ != "VBD" or verb.lemma_.lower() not in FIGHT_VERBS:
        return False
    return not _placed(verb.subtree)


BRINGING_VERBS = {"bring", "put", "place", "take", "come", "fall", "pass", "return"}


def _held_now(head: "Token") -> bool:
    """"Nagorno-Karabakh, which lies inside Azerbaijan but is controlled by ethnic Armenians", "militias
    who control the city of Afrin": who holds a place, told in the present with no day, is how things
    stand, no takeover ("rebels took control of the town on Monday" still is one)."""
    if head.pos_ == "NOUN" and head.lemma_.lower() == "control" and head.dep_ == "pobj" \
            and head.head.lower_ in ("in", "under") and head.head.head.lemma_.lower() not in BRINGING_VERBS:
        return True       # "rebels in control of eastern Aleppo fired mortars", "areas under government control"
                          # (not "brought the town under their control")
    if head.pos_ != "VERB" or head.lemma_.lower() != "control" or not _dayless(head):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("once", "formerly") for c in head.children):
        return True       # "whose fighters once controlled large areas of Baghdad": a hold of the past, no takeover
    return _present(head) or (head.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are")
                                                            for c in head.children))


FORESEEN = {"imminent", "likely", "possible", "probable", "expected", "feared", "inevitable", "unlikely"}


def _foreseen(head: "Token") -> bool:
    """"No intelligence suggested an attack was imminent", "a new offensive is likely": an event
    foreseen or feared, none that took place."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "nsubj":
        return False
    verb = head.head
    return verb.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") and c.lower_ in FORESEEN
                                               for c in verb.children)


PATTERN_VERBS = {"target", "attack", "bomb", "shell", "strike", "hit", "raid", "ambush", "kidnap", "abduct"}


def _pattern_of_targets(head: "Token") -> bool:
    """"Local affiliates of the group have targeted minority Shiites and security officials", "militants
    have attacked police stations and army posts": a kind of target struck again and again, told in the
    perfect with no day and no place, names no incident ("have shelled rebel positions near Aleppo, the
    monitor said on Sunday", "have struck Houthi positions in Sanaa", "have attacked a checkpoint" still do)."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in PATTERN_VERBS or head.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children) or not _dayless(head):
        return False
    if any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree):
        return False              # "have struck Houthi positions in Sanaa": strikes at a place, news
    objects = [c for c in head.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("det", "nummod", "poss") for c in o.children) for o in objects)


# "a spate of attacks", "weeks of shelling": many incidents, or a stretch of time, named as one
SERIES_NOUNS = {"spate", "wave", "string", "rash", "spree", "litany", "slew", "succession", "cycle",
                "day", "week", "month", "year", "decade"}
TOLL_WORDS = {"kill", "wound", "injure", "leave", "claim"}


def _in_a_series(head: "Token") -> bool:
    """"the latest in a spate of attacks on army posts", "in retaliation for weeks of rocket fire": violence
    named as a run of incidents or a stretch of time, with no day and no place, is a pattern and names no
    incident ("a wave of bombings killed 40 people", which gives the run a toll, is one aggregate event;
    "a series of blasts" is often one attack, so "series" is not counted)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    run = head.head.head
    if run.pos_ != "NOUN" or run.lemma_.lower() not in SERIES_NOUNS:
        return False
    if run.lemma_.lower() in ("day", "week", "month", "year", "decade") and run.tag_ != "NNS":
        return False              # "a day of clashes", "the year of the coup": one day, one year
    if run.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "nummod" for c in (*run.children, *head.children)):
        return False              # "a new wave of fighting broke out", "three days of clashes", "a wave of 12 air
                                  # strikes": a run told as it happened, or counted, is the guide's one aggregate
    if any(t.lemma_.lower() in TOLL_WORDS for t in run.subtree):
        return False              # "a spate of bombings that has killed dozens": an aggregate with its toll
    phrase = list(run.subtree)
    return not any(t.lower_ in DAY_WORDS for t in phrase) and not _placed(phrase)


def _any_one(head: "Token") -> bool:
    """"as part of any ground attack against Islamic State", "condemned any attack on civilians": any
    such event, none in particular."""
    return head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "any" for c in head.children)


# "has claimed similar attacks", "such bombings are common": incidents of a kind, none in particular
KIND_WORDS = {"similar", "such"}


def _of_a_kind(head: "Token") -> bool:
    """"Islamic State has claimed similar attacks on Shiite pilgrims", "such bombings": incidents like
    the one told, none in particular (a single "similar attack in March" is one)."""
    return head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("amod", "det", "predet") and c.lower_ in KIND_WORDS for c in head.children)


# "previous attacks on the base were claimed by the group": earlier incidents, uncounted and undated
BEFORE_WORDS = {"previous", "past", "earlier", "prior"}


def _earlier_ones(head: "Token") -> bool:
    """"Previous bombings in the town have been blamed on the group": incidents before the one told, in the
    plural with no count and no day, name none in particular ("two earlier attacks", "earlier clashes on
    Monday" still do)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NNS", "NNPS"):
        return False
    if not any(c.dep_ == "amod" and c.lower_ in BEFORE_WORDS for c in head.children):
        return False
    return not any(c.dep_ == "nummod" for c in head.children) and not any(
        t.lower_ in DAY_WORDS or t.like_num for t in head.subtree)


# what a blaze does: "a fire broke out at the depot", "the fire, which broke out at 3 a.m.", "fire gutted"
BLAZE_VERBS = {"engulf", "gut", "ravage", "spread", "sweep", "consume"}


def _blaze(head: "Token") -> bool:
    """A fire that broke out or spread is a blaze, not gunfire ("a massive fire broke out during a
    fireworks display"); whether anyone set it is told, if at all, by another word."""
    if head.pos_ != "NOUN" or head.lemma_.lower() != "fire":
        return False
    verbs = [c for c in head.children if c.dep_ in ("relcl", "acl")]
    if head.dep_ == "nsubj":
        verbs.append(head.head)
    return any(v.lemma_.lower() in BLAZE_VERBS or (v.lemma_.lower() == "break" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in v.children)) for v in verbs)


# what "fire" may modify and still be shooting: "fire fights", "an exchange of fire", "fire support"
FIRE_EVENT_NOUNS = {"fight", "exchange", "battle", "support", "incident", "attack", "cover"}


def _fire_service(head: "Token") -> bool:
    """"fire and police agencies", "fire officials said", "a fire truck": the noun "fire" naming the kind of a
    service, its people or its gear is firefighting, no shooting ("mortar fire", "the fire from the ridge" are)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() != "fire" or head.dep_ not in ("compound", "nmod", "amod"):
        return False
    noun = head.head
    return noun.pos_ in ("NOUN", "PROPN") and noun.i > head.i and noun.lemma_.lower() not in FIRE_EVENT_NOUNS


def _warning_shots(head: "Token") -> bool:
    """"an officer fired two warning shots into the air", "fired into the air to disperse the crowd": shots
    aimed at no one are a warning, no attack (a crowd dispersed is told by its own word)."""
    if head.lemma_.lower() == "shot" and head.pos_ == "NOUN":
        return any(t.lower_ == "warning" for t in head.children)
    if head.lemma_.lower() != "fire" or head.pos_ != "VERB":
        return False
    for c in head.children:
        if c.dep_ == "dobj" and any(t.lower_ == "warning" for t in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("into", "in") \
                and any(t.dep_ == "pobj" and t.lower_ in ("air", "sky") for t in c.children):
            return True
    return False


def _near_miss(head: "Token") -> bool:
    """"nearly striking a law officer", "almost hit a pedestrian": a blow that nearly landed did not land."""
    return head.pos_ == "VERB" and head.lemma_.lower() in ("strike", "hit") \
        and any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in head.children)


ATTEMPTING = {"try", "seek", "strive", "struggle", "attempt"}


def _still_trying(head: "Token") -> bool:
    """"the Iraqi army is trying to capture Falluja", "tries to encircle the city and wrest control": an aim a
    side is pursuing these days, no incident and no attempt of one; a past attempt ("a Palestinian
    tried to stab a policeman") is still told."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head if head.dep_ == "dobj" else None
    for _ in range(3):
        if verb is None or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in ATTEMPTING:
            return _present(verb) and _dayless(verb)
    return False


DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
             "tonight", "overnight", "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."}


def _since_clause(head: "Token") -> bool:
    """"since the truce took effect", "since a U.S.-led coalition launched a campaign": a clause that
    only dates what the sentence tells (its caller keeps one with a day, month or year of its own: "since
    U.S.-backed forces recaptured al-Shadadi in late February", "since rebels seized the air base in 2014"
    tell that recapture and that seizure)."""
    verb = _since_verb(head)
    return verb is not None and not _year_in_clause(verb)


def _since_verb(head: "Token") -> "Token | None":
    """The verb of the "since ..." clause the trigger is, or is the subject or object of; None outside one."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if verb is None or verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return None
    return verb


def _year_in_clause(verb: "Token") -> bool:
    """The clause names a year ("... captured the air base in 2014"): it tells an incident of that year."""
    return any(t.shape_ == "dddd" and t.ent_type_ == "DATE" and 1900 <= int(t.text) <= 2100 for t in verb.subtree)


# "regularly targets", "has carried out regular air strikes", "continues to launch attacks",
# "mortars frequently rained down": a pattern of violence, told as a habit, not one incident
HABITUAL_ADVERBS = {"regularly", "repeatedly", "routinely", "frequently", "often", "habitually", "periodically",
                    "usually", "typically", "normally", "generally",
                    "constantly", "sporadically", "occasionally", "sometimes"}
HABITUAL_ADJECTIVES = {"regular", "repeated", "routine", "frequent", "periodic", "constant", "sporadic", "occasional"}


def _habitual(head: "Token") -> bool:
    """"regularly targets", "regular air strikes", "continues to launch attacks": the trigger tells a
    habit of an actor, no single incident. A place told in the passive as regularly struck keeps its
    one aggregate event (the annotation guide codes aggregates once)."""
    if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in HABITUAL_ADJECTIVES
                                               for c in head.children):
        return True
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ == "of" and any(
            (c.dep_ == "amod" and c.lower_ in HABITUAL_ADJECTIVES)
            or (c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS) for c in head.head.head.children):
        return True               # "a frequent target of bombings", "the scene of regular clashes", "often the
                                  # target of bombings"
    if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "relcl" and any(
            g.dep_ == "advmod" and g.lower_ in HABITUAL_ADVERBS for g in c.children) for c in head.children):
        return True               # "clashes that have sometimes spilled onto the streets": a habit of clashes
    verb = head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "agent", "prep", "compound", "conj") \
                and verb.head.i != verb.i:
            verb = verb.head
        else:
            return False
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    chain = [verb]
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and len(chain) < 4:
        verb = verb.head
        chain.append(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in chain[0].children)
    present = any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in chain[0].children)
    if passive and not present:
        return False              # "Kilis has been regularly struck by rockets": strikes a place suffered, one aggregate
    # "African Union troops, officials and foreigners are frequently targeted": a habit, told in the present
    for v in chain:
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in v.children):
            return True
        if v is not chain[0] and v.lemma_.lower() == "continue" and v.tag_ in ("VBZ", "VBP"):
            return True           # "continues to launch attacks": an ongoing pattern, in the present
    return False


# "a war that has killed more than 250,000 people": the toll of a whole conflict, no incident
WHOLE_CONFLICTS = {"war", "conflict", "insurgency", "uprising", "crisis", "violence", "bloodshed", "civil"}
TOLL_VERBS = {"kill", "claim", "leave"}


def _war_toll(head: "Token") -> bool:
    """"a war that has killed more than 250,000 people", "the conflict has killed thousands": a toll
    of a whole war told in the perfect, not one incident."""
    verb = head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in TOLL_VERBS:
        return False
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.i != verb.i:
        verb = verb.head
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in [*verb.children, *head.children]):
        return False
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        noun = verb.head if subj.lower_ in ("that", "which") and verb.dep_ == "relcl" else subj
        if noun.lemma_.lower() in WHOLE_CONFLICTS:
            return True
    return False


ACCIDENT = re.compile(r"\b(accident\w*|mishaps?|crash(?:ed|es)?|derail\w*|collision|collided|sank|capsiz\w*|"
                      r"technical (?:fault|failure|problem)|"
                      r"gas (?:explosion|blast|leak|cylinder)s?|"
                      r"blaze|fire (?:broke|breaks) out|malfunction\w*|mechanical (?:fault|failure|problem)|"
                      r"air ?bags?)\b", re.IGNORECASE)
# nature's disasters, when they kill: "a volcano unleashed hot clouds of ash, killing several villagers", "one more
# flood-related death" (not "a flood of refugees", "a photographer since Hurricane Katrina took photos of the protest")
DISASTER = re.compile(r"\b(volcan\w*|flood(?:s|ing| ?waters?|-\w+)|flash floods?|earthquakes?|quakes?|landslides?|"
                      r"mudslides?|avalanches?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|tsunamis?|twisters?|"
                      r"(?:thunder|rain|snow|wind|dust|hail|sand)storms?|blizzards?|lightning|"
                      r"(?:tropical|severe|winter|violent) storms?|storm (?:damage|wreckage|surge))\b",
                      re.IGNORECASE)
DEATHS = re.compile(r"\b(kill\w*|dead|deaths?|died|dies|dying|drown\w*|bod(?:y|ies)|missing|injur\w*|"
                    r"wound\w*|lives|victims?)\b", re.IGNORECASE)
HOSTILE = re.compile(r"\b(shot down|downed|attack\w*|gunm[ae]n|militants?|rebels?|insurgents?|bombs?|bomb(?:ing|er)s?|"
                     r"missiles?|rockets?|shell(?:s|ed|ing)|fired|gunfire|hostile|sabotage\w*|terror\w*)\b",
                     re.IGNORECASE)


# a report about hacking: its "attacks" and "attackers" are on computers, not people ("the attackers destroyed
# data and systems", "part of a broader attack toolkit")
CYBER = re.compile(r"\b(cyber\w*|hack(?:s|ed|ers?|ing)?|malware|ransomware|phishing|botnets?|spyware)\b", re.IGNORECASE)
CYBER_MIN = 3
ARMED_HARM = re.compile(r"\b(kill\w*|dead|deaths?|died|wound\w*|injur\w*|shot|shoot\w*|gun\w*|bomb\w*|blasts?|"
                        r"explo\w*|militants?|troops|soldiers|fighters|stabb\w*|knife|knives|rifles?|suicide|"
                        r"hostages?|jihad\w*|islamic state|isis)\b", re.IGNORECASE)


def about_hacking(text: str) -> bool:
    """Does a text tell of hacking (three or more words of it)?"""
    return len(CYBER.findall(text)) >= CYBER_MIN


def hacking_attack(m: "Mention") -> bool:
    """Violence or destruction told in a report about hacking by a sentence that names no weapon, fighter or
    harm to a person: an attack on computers ("the attackers targeted vulnerabilities", "destroyed data and
    systems"), no political violence (an arrest of hackers is still one)."""
    return (m.coding.event_type in ARMED_VIOLENCE or m.coding.sub_event_type == "Looting/property destruction") \
        and not ARMED_HARM.search(m.head.sent.text)


# works whose explosions are accidents of industry, told with no hostile word ("an explosion rocked a petrochemical
# facility, killing three"): no weapon went off
INDUSTRY = re.compile(r"\b(petrochemical|refiner(?:y|ies)|factory|factories|boilers?|"
                      r"(?:chemical|power|gas|fertili[sz]er|industrial|processing) "
                      r"(?:plants?|facilit(?:y|ies)|complex|works))\b", re.IGNORECASE)
# ... unless the blast is told of forces ("an explosion at a police post near a power plant")
FORCE_SITES = re.compile(r"\b(police\w*|officers?|soldiers?|troops|army|military|checkpoints?|forces|convoys?|"
                         r"patrols?)\b", re.IGNORECASE)


def accident(sentence: str) -> bool:
    """"killed when a helicopter crashed due to a technical fault", "a train derailed, killing two",
    "17 soldiers were killed in the blaze", "a volcano erupted, killing seven", "a blast at a chemical plant":
    deaths in an accident, told with no hostile act."""
    industrial = INDUSTRY.search(sentence) and BLAST_WORDS.search(sentence) and not ORDNANCE.search(sentence) \
        and not FORCE_SITES.search(sentence)
    return bool(ACCIDENT.search(sentence) or DISASTER.search(sentence) and DEATHS.search(sentence) or industrial) \
        and not HOSTILE.search(sentence)


# what explodes only as a weapon: "a truck crashed after it hit a landmine" tells no accidental blast
ORDNANCE = re.compile(r"\b(?:(?:land)?mines?|IEDs?|devices?|shells?|grenades?|ordnance)\b", re.IGNORECASE)
# how many sentences open a report (a dateline may split its lead in two)
LEAD_SENTENCES = 2


def blast_accident_lead(sentences: list[str]) -> bool:
    """Does the report open by telling an explosion as an accident ("A gas explosion tore through a block of
    flats, killing three")? Then "the blast" its later sentences tell with no hostile word is that accident."""
    return any(accident(s) and BLAST_WORDS.search(s) and not ORDNANCE.search(s) for s in sentences[:LEAD_SENTENCES])


def death_accident_lead(sentences: list[str]) -> bool:
    """Does the report open by telling deaths in an accident or a disaster ("Five were killed in floods in
    Texas", "a crewman killed when a tugboat crashed")? Then the dead and the bodies its later sentences tell
    with no hostile word are that accident's."""
    return any(accident(s) and DEATHS.search(s) for s in sentences[:LEAD_SENTENCES])


def accident_death(m: "Mention", *, accident_lead: bool) -> bool:
    """A death or injury word alone ("police took the bodies", "one person is dead") in a sentence with no
    hostile word, in a report that opens with deaths in an accident (`death_accident_lead`): those deaths."""
    return accident_lead and m.trigger.kind == "outcome" and not HOSTILE.search(m.sent.text)


# a death sentence carried out or due ("Texas executed a man", "is set to be put to death by lethal injection")
EXECUTING_WORDS = re.compile(r"\b(?:execut(?:e|es|ed|ing|ion|ions)|put to death)\b", re.IGNORECASE)
DEATH_PENALTY_WORDS = re.compile(r"\b(?:lethal injection|death row|death chamber|death penalty|death sentence|"
                                 r"electric chair|sentenced to death|firing squad|gallows)\b", re.IGNORECASE)
EXECUTION_LEAD_SENTENCES = 3


def execution_lead(sentences: list[str]) -> bool:
    """Does the report open by telling a state's death sentence carried out or due ("Texas on Wednesday executed
    a man who shot a game warden. He died by lethal injection at the state's death chamber")? Then the killings it
    tells are the crime punished, a criminal case, unless called political (terrorism, an armed group)."""
    lead = " ".join(sentences[:EXECUTION_LEAD_SENTENCES])
    return bool(EXECUTING_WORDS.search(lead) and DEATH_PENALTY_WORDS.search(lead))


def accident_blast(m: "Mention", *, accident_lead: bool) -> bool:
    """An explosion told with no hostile word in a report that opens with an accidental one (`blast_accident_lead`):
    that accident told again, no attack."""
    return accident_lead and m.coding.event_type == "Explosions/Remote violence" and not HOSTILE.search(m.sent.text)
