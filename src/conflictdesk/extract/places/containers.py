"""A town named as the container of the place after it ("Baghdad's western suburb of Abu Ghraib",
"Aleppo's district of Midan", "Baghdad's Sadr City district") gives way to the place within it: the event is
there."""
from __future__ import annotations

from ...records import Place
from .wording import CONTAINER_OF, POSSESSIVE_OF, QUARTER_AFTER, QUARTER_BARE_AFTER


def without_containers(places: list[Place], text: str) -> list[Place]:
    """`places` without a place named only as the container of the next one."""
    starts = {p.span.start for p in places}
    quarters = {p.span.start for p in places if QUARTER_AFTER.match(text, p.span.end)
                or (p.kind == "neighbourhood" and QUARTER_BARE_AFTER.match(text, p.span.end))}
    return [p for p in places if not ((m := CONTAINER_OF.match(text, p.span.end)) and m.end() in starts)
            and not (p.kind == "populated_place" and (m := POSSESSIVE_OF.match(text, p.span.end))
                     and m.end() in quarters)]
