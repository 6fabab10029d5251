"""`conflictdesk kb`: check, search, show and summarise the knowledge base; harvest unknown actor
names from an ACLED export. The work is done in `conflictdesk.knowledge`; this layer prints."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from ..errors import NotFoundError
from .common import clean_errors, format_option


def _load(settings: Settings, *, use_cache: bool = True) -> Any:
    from ..knowledge import load_knowledge_base

    return load_knowledge_base(settings.kb_dirs, use_cache=use_cache)


@click.group()
def kb() -> None:
    """The knowledge base of actors, people and curated places (shipped, plus --kb folders)."""


@kb.command()
@click.pass_obj
@clean_errors
def check(settings: Settings) -> None:
    """Validate every knowledge-base file, including --kb folders; list each problem as
    file:line: id: message and exit 1 if there is any."""
    kbase = _load(settings, use_cache=False)
    folders = ", ".join(str(d) for d in kbase.dirs)
    click.echo(f"OK: {len(kbase.actors)} actors, {len(kbase.people)} people, {len(kbase.places)} places, "
               f"{kbase.matcher.size} names ({folders})")


@kb.command()
@click.argument("text")
@click.option("--limit", default=10, show_default=True, help="How many results.")
@format_option("text", "json")
@click.pass_obj
@clean_errors
def search(settings: Settings, text: str, limit: int, fmt: str) -> None:
    """Entries whose name or an alias is close to TEXT (fuzzy), best first."""
    kbase = _load(settings)
    rows = []
    for kind, entry_id, alias, score in kbase.search(text, limit=limit):
        _, entry = kbase.entry(entry_id)
        rows.append({"kind": kind, "id": entry_id, "name": entry.name, "matched": alias, "score": round(score, 1)})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"no entry close to {text!r}")
    for r in rows:
        via = "" if r["matched"] == r["name"] else f"  (as {r['matched']!r})"
        click.echo(f"{r['score']:5.1f}  {r['kind']:<6}  {r['id']:<40}  {r['name']}{via}")


def _period(item: dict[str, Any]) -> str:
    since, until = item.get("since"), item.get("until")
    if not since and not until:
        return ""
    return f" [{since or '?'} to {until or 'present'}]"


def _profile_text(p: dict[str, Any]) -> list[str]:
    lines = [f"{p['name']}  ({p['entry_type']} {p['id']})"]
    for label, key in (("ACLED name", "acled_name"), ("Type", "type"), ("Inter", "inter"), ("Country", "country"),
                       ("Kind", "kind"), ("Nationality", "nationality"), ("Admin1", "admin1"),
                       ("Latitude", "latitude"), ("Longitude", "longitude"), ("Geo precision", "geo_precision")):
        if p.get(key) is not None:
            lines.append(f"  {label}: {p[key]}")
    if p.get("since") or p.get("until"):
        lines.append(f"  Active:{_period(p)}")
    if p.get("aliases"):
        lines.append(f"  Aliases: {', '.join(p['aliases'])}")
    if p.get("description"):
        lines.append(f"  {p['description']}")
    lines.append(f"  Source: {p['source']}")
    if p.get("designations"):
        lines.append("  Designations:")
        lines += [f"    {d['kind']} by {d['by']}{_period(d)}  source: {d['source']}" for d in p["designations"]]
    if p.get("relations"):
        lines.append("  Relations:")
        for r in p["relations"]:
            note = f"  ({r['note']})" if r.get("note") else ""
            lines.append(f"    {r['type']} {r['object_name']} ({r['object']}){_period(r)}{note}  source: {r['source']}")
    if p.get("related"):
        lines.append("  Related (held by others):")
        lines += [f"    {r['subject_name']} ({r['subject']}) {r['type']} this{_period(r)}  source: {r['source']}"
                  for r in p["related"]]
    if p.get("people"):
        lines.append("  People:")
        lines += [f"    {r['name']} ({r['person']}): {r['title']}{_period(r)}  source: {r['source']}"
                  for r in p["people"]]
    if p.get("roles"):
        lines.append("  Roles:")
        lines += [f"    {r['title']} of {r.get('actor_name') or '?'} ({r.get('actor') or '-'}){_period(r)}"
                  f"  source: {r['source']}" for r in p["roles"]]
    lines.append(f"  Defined at: {p['origin']}")
    return lines


@kb.command()
@click.argument("entry_id", metavar="ID")
@format_option("text", "json")
@click.pass_obj
@clean_errors
def show(settings: Settings, entry_id: str, fmt: str) -> None:
    """An entry's profile: names, ACLED name, type, country, designations, relations over time and
    people with their roles, every fact with its source."""
    kbase = _load(settings)
    try:
        profile = kbase.profile(entry_id)
    except NotFoundError as exc:
        hits = kbase.search(entry_id, limit=3)
        hint = f" (did you mean: {', '.join(h[1] for h in hits)}?)" if hits else ""
        raise NotFoundError(f"{exc.message}{hint}") from None
    if fmt == "json":
        click.echo(json.dumps(profile, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(_profile_text(profile)))


@kb.command()
@format_option("text", "json")
@click.option("--top", default=15, show_default=True, help="How many countries to list (text format).")
@click.pass_obj
@clean_errors
def stats(settings: Settings, fmt: str, top: int) -> None:
    """Counts of entries by type and country, and the share of facts carrying a source."""
    figures = _load(settings).stats()
    if fmt == "json":
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{figures['actors']} actors, {figures['people']} people, {figures['places']} places, "
               f"{figures['relations']} relations, {figures['roles']} roles, {figures['names']} names")
    click.echo(f"facts with a source: {figures['facts_with_source']}/{figures['facts']} "
               f"({figures['share_with_source']:.1%})")
    click.echo("actors by type:")
    for name, n in figures["by_type"].items():
        click.echo(f"  {n:6d}  {name}")
    click.echo(f"actors by country (top {top}):")
    for name, n in list(figures["by_country"].items())[:top]:
        click.echo(f"  {n:6d}  {name}")


@kb.command()
@click.argument("acled_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_option("table", "csv", help_="csv: name, count, columns, suggestion, suggestion_score.")
@click.option("--min-count", default=1, show_default=True, help="Only names seen at least this often.")
@click.option("--suggest/--no-suggest", default=True, show_default=True,
              help="Add the closest knowledge-base actor for each name (slower on big files).")
@click.pass_obj
@clean_errors
def harvest(settings: Settings, acled_csv: Path, fmt: str, min_count: int, suggest: bool) -> None:
    """Actor names in ACLED_CSV (an ACLED export) that the knowledge base does not recognise, most
    frequent first, for an analyst to review and add to a --kb folder."""
    from ..export.rows import spreadsheet_safe
    from ..knowledge.harvest import harvest_unknown_actors

    kbase = _load(settings)
    rows = [r for r in harvest_unknown_actors(acled_csv, kbase, suggest=suggest) if r.count >= min_count]
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["name", "count", "columns", "suggestion", "suggestion_score"])
        for r in rows:
            writer.writerow([spreadsheet_safe(r.name), r.count, ";".join(r.columns), r.suggestion or "",
                             "" if r.suggestion_score is None else r.suggestion_score])
        return
    if not rows:
        click.echo("every actor name in the file is in the knowledge base")
        return
    width = min(60, max(len(r.name) for r in rows))
    click.echo(f"{'count':>6}  {'name':<{width}}  closest knowledge-base actor")
    for r in rows:
        hint = f"{r.suggestion} ({r.suggestion_score})" if r.suggestion else ""
        click.echo(f"{r.count:6d}  {r.name:<{width}}  {hint}")
    click.echo(f"{len(rows)} unrecognised names, {sum(r.count for r in rows)} mentions")


from .kb_places import import_places  # noqa: E402  (user gazetteers; cli/kb_places.py)
kb.add_command(import_places)
