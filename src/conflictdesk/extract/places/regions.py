"""Places within places and region phrases: the region or town a candidate lies within ("Jarada
town in the Idleb countryside"), whether a reading lies inside it, and "northern Syria" or "the
Red Sea coastal area of Yemen" as a region."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...knowledge.gazetteer import distance_km
from ...records import Place, Span
from .candidates import Candidate
from .wording import COUNTRYISH

if TYPE_CHECKING:
    from ...knowledge.gazetteer import Gazetteer, ResolvedPlace


def resolve_container(gaz: "Gazetteer", c: Candidate, *, countries: Any, near: Any) -> "ResolvedPlace | None":
    """The region or town a candidate lies within ("... town in the Idleb countryside" -> Idleb);
    a region also becomes the candidate's admin1 hint, a country its country hint."""
    name = c.within or ""
    if gaz.is_not_place(name):
        return None
    cc = gaz.country_code(name)
    if cc:
        c.country_hint = c.country_hint or name
        return gaz.country(name)
    region = gaz.admin1(name, country=countries[0] if countries else None) or gaz.admin1(name)
    if region is not None:
        c.admin1_hint = c.admin1_hint or name
        return region
    return gaz.resolve(name, countries=countries, near=near)


def lies_inside(r: "ResolvedPlace", within: "ResolvedPlace") -> bool:
    """Whether `r` may lie within `within` (same country; a town: within 60 km)."""
    if within.country_code and r.country_code and within.country_code != r.country_code:
        return False
    if within.kind in COUNTRYISH or r.kind in COUNTRYISH:
        return True
    return distance_km(r.latitude, r.longitude, within.latitude, within.longitude) <= 60


def region_phrase(gaz: "Gazetteer", c: Candidate, r: "ResolvedPlace", text: str) -> Place | None:
    """"northern Syria" (part of a country: a region, geo_precision 3), "the Red Sea coastal area of
    Yemen" (a coast: a region, geo_precision 3); None when the candidate is no region phrase."""
    if c.direction and r.kind == "country" and c.region_start is not None:
        span = Span(c.region_start, c.end, text[c.region_start:c.end])
        return Place(span=span, name=f"{c.direction} {r.name}", country=r.country, admin1=None,
                     latitude=r.latitude, longitude=r.longitude, geo_precision=3, kind="region",
                     place_id=r.place_id)
    if c.coast_of is not None and r.kind in ("sea", "gulf", "strait", "waterway"):
        country = gaz.country(c.coast_of) if c.coast_of else None
        name = f"{r.name} coast" + (f" of {country.name}" if country is not None else "")
        return Place(span=Span(c.start, c.end, c.text), name=name,
                     country=country.country if country is not None else r.country, admin1=None,
                     latitude=r.latitude, longitude=r.longitude, geo_precision=3, kind="region",
                     place_id=r.place_id)
    return None
