"""`conflictdesk brief` and `conflictdesk digest`: thin layers over conflictdesk.brief."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import Settings
from ..errors import BriefError, Code, NotFoundError
from ..records import Extraction, Failure
from .common import clean_errors, format_option, open_store


def _extract_path(settings: Settings, path: str) -> Extraction:
    from ..extract.pipeline import extract_document
    from ..ingest import read_file
    from ..knowledge import load_knowledge_base
    from ..nlp import load_pipeline

    items = read_file(path)
    docs = [i for i in items if not isinstance(i, Failure)]
    if not docs:
        failure = next((i for i in items if isinstance(i, Failure)), None)
        raise BriefError(f"{path}: no document could be read"
                         + (f" ([{failure.code}] {failure.message})" if failure else ""), code=Code.BRIEF_SOURCE)
    if len(docs) > 1:
        click.echo(f"note: {path} holds {len(docs)} documents; briefing the first", err=True)
    return extract_document(docs[0], nlp=load_pipeline(settings.model), kb=load_knowledge_base(settings.kb_dirs))


def _story_lead(store, story_id: str) -> str:  # type: ignore[no-untyped-def]
    import datetime as dt

    from ..brief.stories import group_stories

    first_id = story_id.removeprefix("story-")
    first = store.get_document(first_id)
    if first.published is None:
        return first.id
    docs = store.list_documents(limit=None, since=first.published - dt.timedelta(days=7),
                                until=first.published + dt.timedelta(days=7), include_duplicates=True)
    for story in group_stories(docs):
        if story.id == story_id:
            return story.lead.id
    return first.id


@click.command()
@click.argument("target")
@format_option("md", "html", "json", help_="md: Markdown; html: a self-contained page without script.")
@click.option("--rewrite-endpoint", metavar="URL", help="OpenAI-compatible endpoint to rewrite the prose "
              "(off by default; kept only when every citation survives).")
@click.option("--rewrite-model", metavar="NAME", default="default", show_default=True,
              help="Model name sent to the rewrite endpoint.")
@click.pass_obj
@clean_errors
def brief(settings: Settings, target: str, fmt: str, rewrite_endpoint: str | None, rewrite_model: str) -> None:
    """Write the brief of TARGET: a file (read and extracted on the fly, no store needed), a stored
    document id, or a story id from `conflictdesk digest`."""
    from ..brief import build_brief, render_html, render_json, render_markdown
    from ..knowledge import load_knowledge_base

    kb = load_knowledge_base(settings.kb_dirs)
    if Path(target).exists():
        extraction, store = _extract_path(settings, target), None
        made = build_brief(extraction, kb=kb, store=None)
    else:
        with open_store(settings) as store:
            doc_id = _story_lead(store, target) if target.startswith("story-") else target
            try:
                extraction = store.get_extraction(doc_id)
            except NotFoundError:
                raise BriefError(f"{target!r} is neither a file nor a stored document or story id",
                                 code=Code.BRIEF_TARGET) \
                    from None
            made = build_brief(extraction, kb=kb, store=store)
    if rewrite_endpoint:
        from ..brief.rewrite import endpoint_completer, rewrite_brief

        complete = endpoint_completer(rewrite_endpoint, model=rewrite_model)
        failures: list[str] = []

        def noted(prompt: str) -> str:
            try:
                return complete(prompt)
            except BriefError as exc:
                failures.append(str(exc))
                raise

        method = made.method
        made = rewrite_brief(made, noted)
        if made.method == method:
            why = failures[0] if failures else "every rewrite dropped or changed a citation or a figure"
            click.echo(f"note: the brief was not rewritten ({why}); this is the deterministic brief", err=True)
    render = {"md": render_markdown, "html": render_html, "json": render_json}[fmt]
    sys.stdout.write(render(made))


@click.command()
@click.option("--week", metavar="YYYY-Www", help="ISO week, e.g. 2016-W05 (default: the latest week stored).")
@format_option("md", "html", "json", help_="md: Markdown; html: a self-contained page with an SVG timeline.")
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True, help="Stories to list.")
@click.pass_obj
@clean_errors
def digest(settings: Settings, week: str | None, fmt: str, top: int) -> None:
    """The week's top stories from the store, ranked by significance, with sources and brief commands."""
    from ..brief.digest import build_digest, render_digest_html, render_digest_json, render_digest_markdown

    with open_store(settings) as store:
        made = build_digest(store, week=week, top=top)
    render = {"md": render_digest_markdown, "html": render_digest_html, "json": render_digest_json}[fmt]
    sys.stdout.write(render(made))
