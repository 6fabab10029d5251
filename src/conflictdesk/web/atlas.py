"""Country outlines for the events map, read offline from the shipped Natural Earth 1:110m
TopoJSON (`static/countries-110m.json`, see `static/NOTICE.md`).

    for country in countries():
        country.name, country.rings     # rings: lists of (longitude, latitude)
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    rings: tuple[Ring, ...]              # outer rings and holes alike (drawn with the even-odd rule)
    bbox: tuple[float, float, float, float]   # west, south, east, north

    def largest_ring(self) -> Ring:
        return max(self.rings, key=lambda r: abs(ring_area(r)))


def ring_area(ring: Ring) -> float:
    """Signed area in square degrees (shoelace formula)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def ring_centroid(ring: Ring) -> tuple[float, float]:
    area = ring_area(ring)
    if abs(area) < 1e-9:
        xs, ys = zip(*ring)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:   # quantised and delta-encoded
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return tuple(points)


def decode_countries(topology: dict[str, Any]) -> list[Country]:
    """The countries of a world-atlas TopoJSON topology."""
    arcs = _decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = tuple(_ring(r, arcs) for polygon in polygons for r in polygon)
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        name = (geometry.get("properties") or {}).get("name") or ""
        out.append(Country(name=name, rings=rings, bbox=(min(xs), min(ys), max(xs), max(ys))))
    return out


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    data = resources.files("conflictdesk.web").joinpath("static/countries-110m.json").read_text(encoding="utf-8")
    return tuple(decode_countries(json.loads(data)))
