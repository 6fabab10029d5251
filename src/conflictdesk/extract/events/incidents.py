"""From event mentions to incidents: what an analyst codes of the drafts a text yields.

    drafts = incidents_only(drafts)
    anchor = report_date(drafts, published)

An ACLED coder codes what happened, once per incident:
- only what occurred (reported, claimed, attempted): negated, hypothetical, planned and
  threatened violence is no event (a threat is a statement, found by the statements stage);
- an armed group's announced (re)start of violence is the one threat coded, as ACLED codes an
  armed group's declared change of course (status threatened); a government's vow is a statement;
- only incidents: diplomacy (meetings, talks, demands, accusations, announcements) and a group's
  routine activity (deployments, training, recruitment) told in a report are no events; ACLED's
  own labels ("Non-violent activity: ...", "Movement of forces: ...") still code their note, and
  so do a meeting of an armed group's leaders and talks on the withdrawal of foreign forces;
- an event told without a date of its own in the news of the day took place on the report's
  date: the date of the lead's event when the lead dates it, else the publication date.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...taxonomy import ARMED_VIOLENCE
from .notes import Draft

OCCURRED = ("reported", "claimed", "attempted")
# sub-types a report's own words never make an event of (ACLED's labels still do)
NOT_INCIDENTS = {"Other", "Change to group/activity"}
MEETINGS = {"040", "036", "044", "042"}          # CAMEO: consult, meet, visit
TALKS = "046"
WITHDRAWAL = {"withdrawal", "withdraw", "pullout", "departure", "exit", "drawdown"}
ARMED_GROUPS = {"rebel_group", "political_militia", "identity_militia", "umbrella_coalition", "alliance"}
RECENT_DAYS = 7          # the lead's date counts as the report's date when this close to publication


def incidents_only(drafts: list[Draft], *, actor_type: Callable[[str | None], str | None]) -> list[Draft]:
    """The drafts that are incidents (`actor_type`: an actor id's type)."""
    def armed_group(d: Draft) -> bool:
        return any(actor_type(a) in ARMED_GROUPS for a in (d.actor1, *d.assoc1) if a)

    def kept(d: Draft) -> bool:
        if d.status == "threatened":
            return d.coding.event_type in ARMED_VIOLENCE and d.actor1 is not None and actor_type(d.actor1) in ARMED_GROUPS
        if d.status not in OCCURRED:
            return False
        if d.kind == "label" or d.coding.sub_event_type not in NOT_INCIDENTS:
            return True
        if d.coding.cameo in MEETINGS:
            return armed_group(d)
        return d.coding.cameo == TALKS and _about_withdrawal(d)
    return [d for d in drafts if kept(d)]


def _about_withdrawal(d: Draft) -> bool:
    """"talks about the eventual withdrawal of Coalition forces": talks on foreign forces leaving."""
    head = d.mention.head
    return any(t.lemma_.lower() in WITHDRAWAL for t in head.subtree if t.i != head.i)


def report_date(drafts: list[Draft], published: dt.date | None) -> dt.date | None:
    """The date of the news a report tells: its first main event dated to the day within a week
    before publication, else the publication date (None without one)."""
    if published is None:
        return None
    for d in drafts:
        if d.salience != "main" or d.date is None or d.date.date is None or d.date.time_precision != 1:
            continue
        if 0 <= (published - d.date.date).days <= RECENT_DAYS:
            return d.date.date
    return published
