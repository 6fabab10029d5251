"""`conflictdesk evaluate`: score event extraction against an ACLED file's coding."""
from __future__ import annotations

import json

import click

from ..config import Settings
from ..errors import EmptyInputError
from .common import clean_errors, format_option


@click.command()
@click.argument("acled_csv", type=click.Path(dir_okay=False))
@click.option("--split", type=click.Choice(["train", "test"]), default=None,
              help="Only rows of this split (files with a `split` column).")
@click.option("--limit", type=click.IntRange(1), default=None, metavar="N", help="Score the first N notes.")
@click.option("--sample", "sample_size", type=click.IntRange(1), default=None, metavar="N",
              help="Score a seeded random sample of N notes.")
@click.option("--seed", type=int, default=13, show_default=True, help="Seed of --sample.")
@format_option("table", "json", help_="table: the scores as text; json: every figure.")
@click.pass_obj
@clean_errors
def evaluate(settings: Settings, acled_csv: str, split: str | None, limit: int | None, sample_size: int | None,
             seed: int, fmt: str) -> None:
    """Extract each ACLED note in ACLED_CSV as a document and score its main event against
    ACLED's coding: event type (accuracy, macro-F1), sub-event type, fatalities, date,
    location within 25 km, actor1 and actor2. Both ACLED layouts are read (old and current)."""
    from ..evaluate import evaluate_notes, format_table, read_acled, sample
    from ..knowledge import load_knowledge_base
    from ..nlp import load_pipeline

    golds = sample(read_acled(acled_csv, split=split), limit=limit, size=sample_size, seed=seed)
    if not golds:
        raise EmptyInputError(f"{acled_csv}: no ACLED events with notes to score")
    nlp = load_pipeline(settings.model)
    kb = load_knowledge_base(settings.kb_dirs)
    errors: list = []
    summary = evaluate_notes(golds, nlp=nlp, kb=kb, errors=errors)
    summary["failures"] = len(errors)
    if fmt == "json":
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(summary))
        if errors:
            click.echo(f"{len(errors)} note(s) failed extraction; first: [{errors[0].code}] {errors[0].message}",
                       err=True)
