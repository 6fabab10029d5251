"""Inline SVG charts of stored events: a map (points over Natural Earth country outlines and a
graticule, equirectangular projection) and a timeline (events per day, week or month, stacked
by ACLED event type). Every piece of text is escaped; colours are presentation attributes, so
the pages need no script and no inline style."""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import StoredEvent
from ..taxonomy import EVENT_TYPE_COLOURS, colour
from .atlas import countries, ring_area, ring_centroid
from .markup import h

DEFAULT_EXTENT = (25.0, 10.0, 63.0, 42.0)   # west, south, east, north: the Middle East


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def legend(types: Sequence[str] | None = None) -> str:
    """An HTML legend of event-type colours (all six types, or those given)."""
    shown = list(types) if types else list(EVENT_TYPE_COLOURS)
    items = "".join(f'<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" '
                    f'fill="{colour(t)}"/></svg> {h(t)}</li>' for t in shown)
    return f'<ul class="legend">{items}</ul>'


@dataclass(frozen=True, slots=True)
class Projection:
    """Equirectangular, longitudes shrunk by the cosine of the middle latitude."""

    west: float
    south: float
    east: float
    north: float
    scale: float
    kx: float

    @classmethod
    def fit(cls, extent: tuple[float, float, float, float], *, width: float, max_height: float) -> "Projection":
        west, south, east, north = extent
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

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def map_extent(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    """A view around the points (lon, lat), padded, at least 10 by 7 degrees."""
    if not points:
        return DEFAULT_EXTENT
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_x = max(1.5, (east - west) * 0.12)
    pad_y = max(1.0, (north - south) * 0.12)
    west, east, south, north = west - pad_x, east + pad_x, south - pad_y, north + pad_y
    for lo, hi, least, idx in ((west, east, 10.0, 0), (south, north, 7.0, 1)):
        if hi - lo < least:
            middle = (lo + hi) / 2
            lo, hi = middle - least / 2, middle + least / 2
        if idx == 0:
            west, east = lo, hi
        else:
            south, north = lo, hi
    return max(west, -180.0), max(south, -85.0), min(east, 180.0), min(north, 85.0)


def _grid_step(span: float) -> int:
    for step in (1, 2, 5, 10, 15, 30):
        if span / step <= 8:
            return step
    return 45


def _degrees(value: int, positive: str, negative: str) -> str:
    return f"{abs(value)}°{positive if value >= 0 else negative}" if value else "0°"


MAP_REACH = 25.0   # degrees from the events' median point that the map shows; farther events are listed


def split_outliers(points: Sequence[tuple[float, float]], *, reach: float = MAP_REACH
                   ) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The points (lon, lat) within `reach` degrees of their median point, and the rest: one
    far-away event (a statement in Washington among strikes in Syria) must not shrink the map."""
    if not points:
        return [], []
    lons = sorted(p[0] for p in points)
    lats = sorted(p[1] for p in points)
    mid = (lons[len(lons) // 2], lats[len(lats) // 2])
    near = [p for p in points if abs(p[0] - mid[0]) <= reach and abs(p[1] - mid[1]) <= reach]
    return near, [p for p in points if p not in near]


class _Labels:
    """Greedy placement of point labels: right, left, above or below the point, else none (the
    point's tooltip still names it)."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.taken: list[tuple[float, float, float, float]] = []

    def occupy(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.taken.append((x0, y0, x1, y1))

    def free(self, box: tuple[float, float, float, float]) -> bool:
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


def event_map(events: Sequence[StoredEvent], *, width: float = 860, max_height: float = 600) -> str:
    """An inline SVG map of the located events, grouped by place; events far from the rest are
    named in a note under the map instead of stretching it."""
    groups: dict[tuple[float, float], list[StoredEvent]] = defaultdict(list)
    for stored in events:
        ev = stored.event
        if ev.latitude is not None and ev.longitude is not None:
            groups[(round(ev.longitude, 3), round(ev.latitude, 3))].append(stored)
    near, far = split_outliers(list(groups))
    proj = Projection.fit(map_extent(near), width=width, max_height=max_height)
    w, hgt = proj.width, proj.height
    out = [f'<svg class="map" viewBox="0 0 {_f(w)} {_f(hgt)}" role="img" '
           f'aria-label="Map of {len(near)} event location(s)" xmlns="http://www.w3.org/2000/svg">',
           f'<rect class="sea" width="{_f(w)}" height="{_f(hgt)}"/>']
    labels = []
    for country in countries():
        cw, cs, ce, cn = country.bbox
        if ce < proj.west or cw > proj.east or cn < proj.south or cs > proj.north:
            continue
        d = "".join("M" + "L".join(f"{_f(x)},{_f(y)}" for x, y in (proj(lon, lat) for lon, lat in ring)) + "Z"
                    for ring in country.rings)
        out.append(f'<path class="land" fill-rule="evenodd" d="{d}"><title>{h(country.name)}</title></path>')
        ring = country.largest_ring()
        lon, lat = ring_centroid(ring)
        if proj.west < lon < proj.east and proj.south < lat < proj.north \
                and abs(ring_area(ring)) * proj.scale ** 2 * proj.kx > 2500:
            labels.append((proj(lon, lat), country.name))
    step = _grid_step(max(proj.east - proj.west, proj.north - proj.south))
    for lon in range(math.ceil(proj.west / step) * step, math.floor(proj.east) + 1, step):
        x, _ = proj(lon, proj.north)
        out.append(f'<line class="grid" x1="{_f(x)}" y1="0" x2="{_f(x)}" y2="{_f(hgt)}"/>'
                   f'<text class="grid-label" x="{_f(x + 3)}" y="{_f(hgt - 4)}">{_degrees(lon, "E", "W")}</text>')
    for lat in range(math.ceil(proj.south / step) * step, math.floor(proj.north) + 1, step):
        _, y = proj(proj.west, lat)
        out.append(f'<line class="grid" x1="0" y1="{_f(y)}" x2="{_f(w)}" y2="{_f(y)}"/>')
        if y > 14:   # a label above the top edge would be cut
            out.append(f'<text class="grid-label" x="3" y="{_f(y - 3)}">{_degrees(lat, "N", "S")}</text>')
    placer = _Labels(w, hgt)
    circles, texts, names = [], [], []
    # biggest groups first (drawn below, labelled first); small ones drawn on top stay visible
    for key in sorted(near, key=lambda k: (-len(groups[k]), k)):
        members = groups[key]
        x, y = proj(*key)
        types = Counter(s.event.event_type for s in members)
        deaths = sum(s.event.fatalities or 0 for s in members)
        radius = 4 + 2.5 * math.sqrt(len(members) - 1)
        placer.occupy(x - radius, y - radius, x + radius, y + radius)
        place = members[0].event.location or members[0].event.country or f"{key[1]}, {key[0]}"
        tip = (f"{place}: {len(members)} event(s); " + "; ".join(f"{n} {t}" for t, n in types.most_common())
               + (f"; {deaths} reported fatalities" if deaths else ""))
        circles.append(f'<circle class="point" cx="{_f(x)}" cy="{_f(y)}" r="{_f(radius)}" '
                      f'fill="{colour(types.most_common(1)[0][0])}"><title>{h(tip)}</title></circle>')
        names.append((x, y, radius, place + (f" ({len(members)})" if len(members) > 1 else "")))
    for x, y, radius, text in names:
        spot = placer.place(x, y, radius, text)
        if spot is not None:
            lx, ly, anchor = spot
            texts.append(f'<text class="place" x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}">{h(text)}</text>')
    for (x, y), name in labels:   # country names where no event is drawn or named
        if placer.place_centred(x, y, name):
            out.append(f'<text class="country" x="{_f(x)}" y="{_f(y)}" text-anchor="middle">{h(name)}</text>')
    out.extend(circles)
    out.extend(texts)
    out.append("</svg>")
    if far:
        elsewhere = ", ".join(
            f"{groups[k][0].event.location or groups[k][0].event.country or k} ({len(groups[k])})" for k in far)
        out.append(f'<p class="meta">Off the map: {h(elsewhere)}.</p>')
    return "".join(out)


def _bucket(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day + dt.timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def event_timeline(events: Sequence[StoredEvent], *, width: float = 860, height: float = 220) -> str:
    """An inline SVG bar chart of events per day (per week past two months, per month past two
    years), stacked by event type; events are dated by their event date, else publication."""
    dated = [(s.event.event_date or s.published, s.event.event_type) for s in events]
    dated = [(d, t) for d, t in dated if d is not None]
    if not dated:
        return '<p class="empty">No dated events to chart.</p>'
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = (last - first).days
    unit = "day" if span <= 62 else "week" if span <= 731 else "month"
    counts: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for day, event_type in dated:
        counts[_bucket(day, unit)][event_type] += 1
    buckets = []
    day = _bucket(first, unit)
    while day <= last:
        buckets.append(day)
        day = _next(day, unit)
    left, bottom, top = 34.0, 24.0, 8.0
    plot_w, plot_h = width - left - 6, height - bottom - top
    peak = max(sum(c.values()) for c in counts.values())
    slot = plot_w / len(buckets)
    bar = max(1.0, slot * 0.8)
    out = [f'<svg class="timeline" viewBox="0 0 {_f(width)} {_f(height)}" role="img" '
           f'aria-label="Events per {unit}" xmlns="http://www.w3.org/2000/svg">']
    for tick in sorted({0, peak // 2, peak}):
        y = top + plot_h - plot_h * tick / peak
        out.append(f'<line class="grid" x1="{_f(left)}" y1="{_f(y)}" x2="{_f(width - 6)}" y2="{_f(y)}"/>'
                   f'<text class="axis" x="{_f(left - 4)}" y="{_f(y + 4)}" text-anchor="end">{tick}</text>')
    order = list(EVENT_TYPE_COLOURS) + sorted({t for _, t in dated} - set(EVENT_TYPE_COLOURS))
    label_every = max(1, math.ceil(len(buckets) / 8))
    for i, bucket in enumerate(buckets):
        x = left + i * slot + (slot - bar) / 2
        base = top + plot_h
        for event_type in order:
            n = counts.get(bucket, Counter()).get(event_type, 0)
            if not n:
                continue
            bar_h = plot_h * n / peak
            base -= bar_h
            when = bucket.isoformat() if unit == "day" else f"{unit} of {bucket.isoformat()}"
            out.append(f'<rect x="{_f(x)}" y="{_f(base)}" width="{_f(bar)}" height="{_f(bar_h)}" '
                       f'fill="{colour(event_type)}"><title>{h(when)}: {n} {h(event_type)}</title></rect>')
        if i % label_every == 0:
            text = bucket.strftime("%Y-%m") if unit == "month" else bucket.isoformat()
            out.append(f'<text class="axis" x="{_f(left + i * slot + slot / 2)}" y="{_f(height - 6)}" '
                       f'text-anchor="middle">{text}</text>')
    out.append(f'<line class="axis-line" x1="{_f(left)}" y1="{_f(top + plot_h)}" x2="{_f(width - 6)}" '
               f'y2="{_f(top + plot_h)}"/></svg>')
    return "".join(out)
