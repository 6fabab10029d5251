"""The events map: every matching event, counted by the database per place (`Store.event_places`),
clustered on a screen grid for the view, drawn as inline SVG over Natural Earth outlines.

    view = fit_view(places)                      # the data's extent (far-off places listed apart)
    svg = event_map(places, view, link=lambda area: "/events?area=...")

Each cluster is a link to its events (an `area` filter around its places); zoom and pan are
plain links to other views (`view=west,south,east,north`), so the map works without script;
`static/map.js` adds wheel zoom and drag pan. Every piece of text is escaped.
"""
from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..store import PlaceCount
from .atlas import countries, ring_area, ring_centroid
from .charts import colour, fmt
from .markup import h

Box = tuple[float, float, float, float]   # west, south, east, north
DEFAULT_VIEW: Box = (25.0, 10.0, 63.0, 42.0)   # the Middle East
WORLD: Box = (-180.0, -60.0, 180.0, 80.0)
REACH = 30.0          # degrees from the events' weighted median within which the fitted view reaches ...
FIT_SHARE = 0.9       # ... when that holds this share of the events; else the view fits them all
CELL = 34.0           # cluster grid cell, in map pixels
MIN_SPAN = (0.6, 0.4)  # the narrowest view, in degrees (lon, lat): a city and its outskirts


@dataclass(frozen=True, slots=True)
class Projection:
    """Equirectangular, longitudes shrunk by the cosine of the middle latitude; fills `width`
    (the view is widened or heightened to keep the shape)."""

    west: float
    south: float
    east: float
    north: float
    scale: float
    kx: float

    @classmethod
    def fit(cls, box: Box, *, width: float, max_height: float) -> "Projection":
        west, south, east, north = box
        kx = math.cos(math.radians((south + north) / 2))
        scale = width / ((east - west) * kx)
        if (north - south) * scale > max_height:   # too tall: widen the view to fill the width
            scale = max_height / (north - south)
            extra = (width / (kx * scale) - (east - west)) / 2
            west, east = west - extra, east + extra
        return cls(west, south, east, north, scale, kx)

    @property
    def width(self) -> float:
        return (self.east - self.west) * self.kx * self.scale

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale

    @property
    def box(self) -> Box:
        return self.west, self.south, self.east, self.north

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def clamp(box: Box) -> Box:
    """A view inside the world, at least MIN_SPAN wide and high."""
    west, south, east, north = box
    for i, least in enumerate(MIN_SPAN):
        lo, hi = (west, east) if i == 0 else (south, north)
        if hi - lo < least:
            middle = (lo + hi) / 2
            lo, hi = middle - least / 2, middle + least / 2
        if i == 0:
            west, east = lo, hi
        else:
            south, north = lo, hi
    return max(west, -180.0), max(south, -85.0), min(east, 180.0), min(north, 85.0)


def _weighted_median(values: Sequence[tuple[float, int]]) -> float:
    total = sum(w for _, w in values)
    running = 0
    for value, weight in sorted(values):
        running += weight
        if running * 2 >= total:
            return value
    return values[0][0]


def fit_view(places: Sequence[PlaceCount]) -> tuple[Box, list[PlaceCount]]:
    """The view that fits the places (padded), and the places left out of it: those farther
    than REACH degrees from the events' weighted median point when the rest hold FIT_SHARE of
    the events (one statement in Washington among strikes in Syria must not shrink the map)."""
    if not places:
        return DEFAULT_VIEW, []
    mid_lon = _weighted_median([(p.longitude, p.count) for p in places])
    mid_lat = _weighted_median([(p.latitude, p.count) for p in places])
    near = [p for p in places if abs(p.longitude - mid_lon) <= REACH and abs(p.latitude - mid_lat) <= REACH]
    if sum(p.count for p in near) < FIT_SHARE * sum(p.count for p in places):   # spread out: fit them all
        near = list(places)
    kept = {id(p) for p in near}
    far = [p for p in places if id(p) not in kept]
    lons, lats = [p.longitude for p in near], [p.latitude for p in near]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_x, pad_y = max(1.0, (east - west) * 0.08), max(0.8, (north - south) * 0.08)
    return clamp((west - pad_x, south - pad_y, east + pad_x, north + pad_y)), far


def zoomed(box: Box, factor: float) -> Box:
    """The view around the same centre, `factor` times as wide (0.5: zoom in)."""
    west, south, east, north = box
    cx, cy = (west + east) / 2, (south + north) / 2
    hw, hh = (east - west) * factor / 2, (north - south) * factor / 2
    return clamp((cx - hw, cy - hh, cx + hw, cy + hh))


def panned(box: Box, dx: float, dy: float) -> Box:
    """The view moved by a share of its width (dx, east) and height (dy, north)."""
    west, south, east, north = box
    w, hgt = east - west, north - south
    move_x = max(-180 - west, min(180 - east, dx * w))
    move_y = max(-85 - south, min(85 - north, dy * hgt))
    return west + move_x, south + move_y, east + move_x, north + move_y


def around(lon: float, lat: float, span: float = 8.0) -> Box:
    return clamp((lon - span, lat - span * 0.7, lon + span, lat + span * 0.7))


@dataclass(slots=True)
class Cluster:
    """The places that fall in one grid cell of the view."""

    places: list[PlaceCount] = field(default_factory=list)
    count: int = 0                                          # events in its places
    by_type: Counter[str] = field(default_factory=Counter)

    def add(self, place: PlaceCount) -> None:
        self.places.append(place)
        self.count += place.count
        self.by_type.update(place.by_type)

    @property
    def area(self) -> Box:
        """The smallest box holding the cluster's places (its events' filter)."""
        lons = [p.longitude for p in self.places]
        lats = [p.latitude for p in self.places]
        eps = 1e-4
        return (max(min(lons) - eps, -180), max(min(lats) - eps, -90), min(max(lons) + eps, 180),
                min(max(lats) + eps, 90))

    @property
    def centre(self) -> tuple[float, float]:
        n = self.count
        return (sum(p.longitude * p.count for p in self.places) / n,
                sum(p.latitude * p.count for p in self.places) / n)

    @property
    def name(self) -> str:
        first = self.places[0]
        name = first.location or first.country or f"{first.latitude:.2f}, {first.longitude:.2f}"
        others = len(self.places) - 1
        return name + (f" +{others} place{'s' if others > 1 else ''}" if others else "")


def cluster(places: Sequence[PlaceCount], proj: Projection, *, cell: float = CELL) -> list[Cluster]:
    """The places inside the view grouped by grid cell (places most events first in each)."""
    cells: dict[tuple[int, int], Cluster] = {}
    for place in sorted(places, key=lambda p: (-p.count, p.longitude, p.latitude)):
        if not proj.contains(place.longitude, place.latitude):
            continue
        x, y = proj(place.longitude, place.latitude)
        cells.setdefault((int(x // cell), int(y // cell)), Cluster()).add(place)
    return sorted(cells.values(), key=lambda c: -c.count)


def _grid_step(span: float) -> float:
    for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30):
        if span / step <= 8:
            return step
    return 45


def _degrees(value: float, positive: str, negative: str) -> str:
    text = fmt(abs(value))
    return f"{text}°{positive if value >= 0 else negative}" if value else "0°"


class _Labels:
    """Greedy label placement: right, left, above or below a mark, else none (its tooltip names it)."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.taken: list[Box] = []

    def occupy(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.taken.append((x0, y0, x1, y1))

    def free(self, box: Box) -> bool:
        return not any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in self.taken)

    def place_centred(self, x: float, y: float, text: str) -> bool:
        w = 6.0 * len(text)
        box = (x - w / 2, y - 10, x + w / 2, y + 3)
        if not self.free(box):
            return False
        self.taken.append(box)
        return True

    def place(self, x: float, y: float, radius: float, text: str) -> tuple[float, float, str] | None:
        w, hh = 6.6 * len(text) + 2, 13.0
        for lx, ly, anchor in ((x + radius + 3, y + 4, "start"), (x - radius - 3, y + 4, "end"),
                               (x, y - radius - 4, "middle"), (x, y + radius + 12, "middle")):
            x0 = lx if anchor == "start" else lx - w if anchor == "end" else lx - w / 2
            box = (x0, ly - hh + 3, x0 + w, ly + 3)
            if box[0] < 0 or box[2] > self.width or box[1] < 0 or box[3] > self.height:
                continue
            if not self.free(box):
                continue
            self.taken.append(box)
            return lx, ly, anchor
        return None


@functools.lru_cache(maxsize=64)
def _outlines(proj: Projection) -> tuple[str, tuple[tuple[tuple[float, float], str], ...]]:
    """The country outlines in the view (SVG paths) and where their names may go; the same view
    is drawn from memory the next time."""
    paths, labels = [], []
    for country in countries():
        cw, cs, ce, cn = country.bbox
        if ce < proj.west or cw > proj.east or cn < proj.south or cs > proj.north:
            continue
        d = "".join("M" + "L".join(f"{fmt(x)},{fmt(y)}" for x, y in (proj(lon, lat) for lon, lat in ring)) + "Z"
                    for ring in country.rings)
        paths.append(f'<path class="land" fill-rule="evenodd" d="{d}"><title>{h(country.name)}</title></path>')
        ring = country.largest_ring()
        lon, lat = ring_centroid(ring)
        if proj.contains(lon, lat) and abs(ring_area(ring)) * proj.scale ** 2 * proj.kx > 2500:
            labels.append((proj(lon, lat), country.name))
    return "".join(paths), tuple(labels)


def _graticule(proj: Projection, out: list[str]) -> None:
    w, hgt = proj.width, proj.height
    step = _grid_step(max(proj.east - proj.west, proj.north - proj.south))
    lon = math.ceil(proj.west / step) * step
    while lon <= proj.east:
        x, _ = proj(lon, proj.north)
        out.append(f'<line class="grid" x1="{fmt(x)}" y1="0" x2="{fmt(x)}" y2="{fmt(hgt)}"/>'
                   f'<text class="grid-label" x="{fmt(x + 3)}" y="{fmt(hgt - 4)}">{_degrees(lon, "E", "W")}</text>')
        lon += step
    lat = math.ceil(proj.south / step) * step
    while lat <= proj.north:
        _, y = proj(proj.west, lat)
        out.append(f'<line class="grid" x1="0" y1="{fmt(y)}" x2="{fmt(w)}" y2="{fmt(y)}"/>')
        if y > 14:   # a label above the top edge would be cut
            out.append(f'<text class="grid-label" x="3" y="{fmt(y - 3)}">{_degrees(lat, "N", "S")}</text>')
        lat += step


def tooltip(c: Cluster) -> str:
    deaths = sum(p.fatalities for p in c.places)
    places = "; ".join(f"{p.location or p.country or 'unnamed'} ({p.count})" for p in c.places[:8])
    more = f"; and {len(c.places) - 8} more places" if len(c.places) > 8 else ""
    return (f"{c.count} event(s): " + ", ".join(f"{n} {t}" for t, n in c.by_type.most_common())
            + (f"; {deaths} reported fatalities" if deaths else "") + f". {places}{more}. Click to list them.")


def projection(view: Box, *, width: float = 860, max_height: float = 560) -> Projection:
    """The map's projection of `view` (widened or heightened to the map's shape)."""
    return Projection.fit(view, width=width, max_height=max_height)


def event_map(places: Sequence[PlaceCount], proj: Projection, *, link: Callable[[Box], str]) -> str:
    """The inline SVG map of `places` in the projection's view: one linked circle per cluster,
    sized by its events; `link(area)` is the URL of the events inside `area`."""
    w, hgt = proj.width, proj.height
    clusters = cluster(places, proj)
    shown = sum(c.count for c in clusters)
    west, south, east, north = proj.box
    out = [f'<svg class="map" viewBox="0 0 {fmt(w)} {fmt(hgt)}" role="img" '
           f'aria-label="Map of {shown} event(s) in {len(clusters)} cluster(s)" xmlns="http://www.w3.org/2000/svg" '
           f'data-west="{west:.5f}" data-south="{south:.5f}" data-east="{east:.5f}" data-north="{north:.5f}">',
           f'<rect class="sea" width="{fmt(w)}" height="{fmt(hgt)}"/>']
    land, labels = _outlines(proj)
    out.append(land)
    _graticule(proj, out)
    placer = _Labels(w, hgt)
    marks, names = [], []
    for c in clusters:
        x, y = proj(*c.centre)
        radius = min(5 + 2.6 * math.sqrt(c.count - 1), CELL * 0.9)
        placer.occupy(x - radius, y - radius, x + radius, y + radius)
        number = (f'<text class="count" x="{fmt(x)}" y="{fmt(y + 3.5)}" text-anchor="middle">{c.count}</text>'
                  if radius >= 9 else "")
        marks.append(f'<a class="cluster" href="{h(link(c.area))}"><circle class="point" cx="{fmt(x)}" '
                     f'cy="{fmt(y)}" r="{fmt(radius)}" fill="{colour(c.by_type.most_common(1)[0][0])}">'
                     f'<title>{h(tooltip(c))}</title></circle>{number}</a>')
        names.append((x, y, radius, c.name))
    texts = []
    for x, y, radius, text in names:
        spot = placer.place(x, y, radius, text)
        if spot is not None:
            lx, ly, anchor = spot
            texts.append(f'<text class="place" x="{fmt(lx)}" y="{fmt(ly)}" text-anchor="{anchor}">{h(text)}</text>')
    for (x, y), name in labels:   # country names where no event is drawn or named
        if placer.place_centred(x, y, name):
            out.append(f'<text class="country" x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle">{h(name)}</text>')
    out.extend(marks)
    out.extend(texts)
    out.append("</svg>")
    return "".join(out)


def outside(places: Sequence[PlaceCount], view: Box) -> list[PlaceCount]:
    """The places the view leaves out, most events first."""
    west, south, east, north = view
    return [p for p in places if not (west <= p.longitude <= east and south <= p.latitude <= north)]
