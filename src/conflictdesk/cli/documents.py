"""`conflictdesk documents`, `show` and `errors`: what the store holds."""
from __future__ import annotations

import dataclasses

import click

from ..config import Settings
from ..contract import document_dict, extraction_dict
from .common import DATE, clean_errors, echo_json, format_option, open_store, print_table


def _short(text: str | None, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


@click.command()
@click.option("--search", metavar="TEXT", help="Full-text search: documents containing every word; a name the "
              "knowledge base knows finds all its spellings (ISIS = Islamic State = Daesh; Falluja = Fallujah).")
@click.option("--since", type=DATE, help="Published on or after this date.")
@click.option("--until", type=DATE, help="Published on or before this date.")
@click.option("--source", metavar="NAME", help="Only documents from this publisher.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="At most this many documents.")
@format_option("table", "json", help_="table: drawn on a terminal, tab-separated when piped.")
@click.pass_obj
@clean_errors
def documents(settings: Settings, search: str | None, since, until, source: str | None, limit: int,  # noqa: ANN001
              fmt: str) -> None:
    """List stored documents, most recently stored first, or search them (--search, best matches first)."""
    with open_store(settings) as store:
        if search:
            from ..knowledge import load_knowledge_base
            from ..lookup import search_forms

            filtered = since is not None or until is not None or source is not None
            # Filters apply after the search: ask for every match, then keep the first `limit`.
            docs = store.search_documents(search_forms(load_knowledge_base(settings.kb_dirs), search),
                                          limit=100_000 if filtered else limit)
            docs = [d for d in docs if (since is None or (d.published and d.published >= since))
                    and (until is None or (d.published and d.published <= until))
                    and (source is None or (d.source or "").lower() == source.lower())][:limit]
        else:
            docs = store.list_documents(limit=limit, since=since, until=until, source=source)
    if fmt == "json":
        echo_json([{k: v for k, v in document_dict(d).items() if k != "text"} | {"origin": d.origin}
                   for d in docs])
        return
    print_table(["id", "published", "source", "title", "duplicate_of"],
                ([d.id, d.published, d.source, _short(d.title or d.text, 80), d.duplicate_of] for d in docs),
                wide=("source", "title"))


@click.command()
@click.argument("document_id", metavar="ID")
@format_option("text", "json", help_="text: a readable summary; json: the document and its extraction as the "
               "contract JSON.")
@click.pass_obj
@clean_errors
def show(settings: Settings, document_id: str, fmt: str) -> None:
    """Show a stored document and what was extracted from it."""
    with open_store(settings) as store:
        extraction = store.get_extraction(document_id)
    if fmt == "json":
        echo_json(extraction_dict(extraction))
        return
    doc = extraction.document
    click.echo(doc.title or doc.id)
    for label, value in (("id", doc.id), ("published", doc.published), ("source", doc.source), ("url", doc.url),
                         ("language", doc.language), ("duplicate of", doc.duplicate_of)):
        if value:
            click.echo(f"  {label}: {value}")
    click.echo("")
    click.echo(doc.text)
    if extraction.actors:
        click.echo("\nActors:")
        for actor in extraction.actors:
            click.echo(f"  {actor.id} ({actor.type}): {actor.name}, {len(actor.mentions)} mention(s)")
    if extraction.events:
        click.echo("\nEvents:")
        for ev in extraction.events:
            actors = " vs ".join(a for a in (ev.actor1, ev.actor2) if a) or "unknown actors"
            where = ", ".join(x for x in (ev.location, ev.country) if x) or "unknown place"
            click.echo(f"  [{ev.status}] {ev.event_type} / {ev.sub_event_type}: {actors}; {where}; "
                       f"{ev.event_date or ev.event_month or 'no date'}; "
                       f"fatalities {ev.fatalities if ev.fatalities is not None else 'n/r'}")
            click.echo(f"      \"{_short(ev.evidence.text, 160)}\" [{ev.evidence.start}:{ev.evidence.end}]")
    if extraction.statements:
        click.echo("\nStatements:")
        for st in extraction.statements:
            click.echo(f"  {st.id}: {st.actor or 'unattributed'}" + (f" via {st.channel}" if st.channel else ""))
            for point in st.points:
                click.echo(f"    - {', '.join(point.labels) or 'other'}: \"{_short(point.text, 140)}\"")


@click.command()
@click.option("--stage", metavar="STAGE", help="Only failures at this stage (read, fetch, extract, store, ...).")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True, help="At most this many failures.")
@format_option("table", "json", help_="table: drawn on a terminal, tab-separated when piped.")
@click.pass_obj
@clean_errors
def errors(settings: Settings, stage: str | None, limit: int, fmt: str) -> None:
    """List recorded failures, newest first: which input, which stage, the code and message."""
    with open_store(settings) as store:
        found = store.list_errors(limit=limit, stage=stage)
    if fmt == "json":
        echo_json([dataclasses.asdict(e) | {"at": e.at.isoformat()} for e in found])
        return
    print_table(["at", "origin", "stage", "code", "message"],
                ([e.at.strftime("%Y-%m-%d %H:%M:%S"), e.origin, e.stage, e.code, _short(e.message, 100)]
                 for e in found), wide=("origin", "message"))
