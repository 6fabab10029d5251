"""The actor network: who fought whom in the stored events (weighted by events) and the
knowledge base's relations between the same actors (alliance, membership, backing, hostility),
laid out by a deterministic force-directed placement and drawn as inline SVG. Each actor is a
link to its page; each line says what it stands for in its tooltip."""
from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .charts import fmt
from .markup import h

EDGE_STYLE: dict[str, tuple[str, str]] = {   # kind: (colour, dash pattern)
    "fought": ("#c0392b", ""),
    "hostile_to": ("#c0392b", "5 4"),
    "allied_with": ("#2471a3", ""),
    "backed_by": ("#17a589", ""),
    "member_of": ("#6c3483", ""),
    "part_of": ("#6c3483", ""),
    "splinter_of": ("#6c7a89", "2 3"),
    "successor_of": ("#6c7a89", "2 3"),
}
EDGE_LABELS = {"fought": "fought (stored events)", "hostile_to": "hostile to (knowledge base)",
               "allied_with": "allied with", "backed_by": "backed by", "member_of": "member of",
               "part_of": "part of", "splinter_of": "splinter of", "successor_of": "successor of"}


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    events: int            # stored events the actor takes part in (in the range)


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: str              # "fought" or a knowledge-base relation type
    weight: int            # events (fought), 1 for a relation
    note: str = ""         # fatalities, a relation's dates and source


def overlaps(since: dt.date | None, until: dt.date | None, first: dt.date | None, last: dt.date | None) -> bool:
    """Whether a fact holding from `since` to `until` (None: open) holds at some time in [first, last]."""
    return (since is None or last is None or since <= last) and (until is None or first is None or until >= first)


@functools.lru_cache(maxsize=64)
def layout(nodes: tuple[str, ...], edges: tuple[tuple[str, str, float], ...], *, width: float = 860,
           height: float = 620, rounds: int = 160, gravity: float = 3.0) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold placement, started from a circle (deterministic), kept inside the box."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pos = [[width / 2 + width * 0.38 * math.cos(2 * math.pi * i / n),
            height / 2 + height * 0.38 * math.sin(2 * math.pi * i / n)] for i in range(n)]
    k = math.sqrt(width * height / n) * 0.6
    springs = [(index[a], index[b], 1 + math.log(w)) for a, b, w in edges if a in index and b in index]
    temperature = width / 8
    for _ in range(rounds):
        move = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = max(math.hypot(dx, dy), 0.01)
                push = k * k / d
                move[i][0] += dx / d * push
                move[i][1] += dy / d * push
                move[j][0] -= dx / d * push
                move[j][1] -= dy / d * push
        for i, j, strength in springs:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = max(math.hypot(dx, dy), 0.01)
            pull = d * d / k * strength
            move[i][0] -= dx / d * pull
            move[i][1] -= dy / d * pull
            move[j][0] += dx / d * pull
            move[j][1] += dy / d * pull
        for i in range(n):   # a weak pull to the middle keeps unconnected actors in view
            move[i][0] += (width / 2 - pos[i][0]) * gravity
            move[i][1] += (height / 2 - pos[i][1]) * gravity
            d = max(math.hypot(*move[i]), 0.01)
            step = min(d, temperature)
            pos[i][0] = min(width - 60, max(60, pos[i][0] + move[i][0] / d * step))
            pos[i][1] = min(height - 20, max(20, pos[i][1] + move[i][1] / d * step))
        temperature = max(1.0, temperature * 0.96)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]   # stretched to fill the box, labels inside
    sx = (width - 160) / max(max(xs) - min(xs), 1.0)
    sy = (height - 60) / max(max(ys) - min(ys), 1.0)
    return {node: (80 + (pos[i][0] - min(xs)) * sx, 36 + (pos[i][1] - min(ys)) * sy) for i, node in enumerate(nodes)}


def network_svg(nodes: Sequence[Node], edges: Sequence[Edge], *, link: Callable[[str], str],
                width: float = 860, height: float = 620) -> str:
    """The network as inline SVG: lines first (fought: width grows with events), then actors."""
    if not nodes:
        return '<p class="empty">No actors to draw for these filters.</p>'
    pairs = tuple(sorted({(min(e.source, e.target), max(e.source, e.target), float(e.weight)) for e in edges}))
    pos = layout(tuple(n.id for n in nodes), pairs, width=width, height=height)
    names = {n.id: n.name for n in nodes}
    out = [f'<svg class="network" viewBox="0 0 {fmt(width)} {fmt(height)}" role="img" '
           f'aria-label="Network of {len(nodes)} actors and {len(edges)} links" xmlns="http://www.w3.org/2000/svg">',
           f'<rect class="paper" width="{fmt(width)}" height="{fmt(height)}" fill="#fcfcfd"/>']
    heaviest = max((e.weight for e in edges if e.kind == "fought"), default=1)
    for e in sorted(edges, key=lambda e: (e.kind != "fought", e.weight)):
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        stroke, dash = EDGE_STYLE.get(e.kind, ("#a0a0a0", ""))
        w = 1 + 6 * math.sqrt(e.weight / heaviest) if e.kind == "fought" else 1.6
        text = (f"{names[e.source]} and {names[e.target]} fought in {e.weight} event(s)" if e.kind == "fought"
                else f"{names[e.source]} {EDGE_LABELS.get(e.kind, e.kind)} {names[e.target]}")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line class="edge edge-{h(e.kind)}" x1="{fmt(x1)}" y1="{fmt(y1)}" x2="{fmt(x2)}" y2="{fmt(y2)}" '
                   f'stroke="{stroke}" stroke-width="{fmt(w)}"{dash_attr}>'
                   f'<title>{h(text + (". " + e.note if e.note else ""))}</title></line>')
    most = max(n.events for n in nodes) or 1
    for n in sorted(nodes, key=lambda n: n.events):
        x, y = pos[n.id]
        r = 4 + 10 * math.sqrt(n.events / most)
        out.append(f'<a class="actor" href="{h(link(n.id))}"><circle class="node" cx="{fmt(x)}" cy="{fmt(y)}" '
                   f'r="{fmt(r)}" fill="#1f2d3d"><title>{h(n.name)}: {n.events} event(s)</title></circle>'
                   f'<text class="node-label" x="{fmt(x)}" y="{fmt(y - r - 3)}" text-anchor="middle">'
                   f'{h(n.name if len(n.name) <= 34 else n.name[:33] + "…")}</text></a>')
    out.append("</svg>")
    return "".join(out)
