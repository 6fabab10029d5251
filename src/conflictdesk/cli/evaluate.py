"""`conflictdesk evaluate`: score event extraction against an ACLED file's coding."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from ..errors import EmptyInputError
from .common import clean_errors, event_coder_options, format_option, load_event_coders


@click.command()
@click.argument("acled_csv", type=click.Path(dir_okay=False))
@click.option("--split", type=click.Choice(["train", "test"]), default=None,
              help="Only rows of this split (files with a `split` column).")
@click.option("--limit", type=click.IntRange(1), default=None, metavar="N", help="Score the first N notes.")
@click.option("--sample", "sample_size", type=click.IntRange(1), default=None, metavar="N",
              help="Score a seeded random sample of N notes.")
@click.option("--seed", type=int, default=13, show_default=True, help="Seed of --sample.")
@format_option("table", "json", help_="table: the scores as text; json: every figure.")
@event_coder_options(several=True)
@click.pass_obj
@clean_errors
def evaluate(settings: Settings, acled_csv: str, split: str | None, limit: int | None, sample_size: int | None,
             seed: int, fmt: str, event_coder: tuple[str, ...], model: Path | None) -> None:
    """Extract each ACLED note in ACLED_CSV as a document and score its main event against
    ACLED's coding: event type (accuracy, macro-F1), sub-event type, fatalities, date,
    location within 25 km, actor1 and actor2. Both ACLED layouts are read (old and current).

    With several --event-coder options, each coder is scored on the same notes, side by side
    (e.g. --event-coder rules.v1 --event-coder tfidf-lr.v1 --event-coder rules+clf.v1 --model M)."""
    from ..evaluate import evaluate_coders, format_comparison, read_acled, sample
    from ..knowledge import load_knowledge_base
    from ..nlp import load_pipeline

    golds = sample(read_acled(acled_csv, split=split), limit=limit, size=sample_size, seed=seed)
    if not golds:
        raise EmptyInputError(f"{acled_csv}: no ACLED events with notes to score")
    coders = load_event_coders(list(dict.fromkeys(event_coder)), model)
    nlp = load_pipeline(settings.model)
    kb = load_knowledge_base(settings.kb_dirs)
    errors: dict[str, list] = {c.name: [] for c in coders}
    summaries = evaluate_coders(golds, nlp=nlp, kb=kb, coders=coders, errors=errors)
    for name, summary in summaries.items():
        summary["failures"] = len(errors[name])
    if fmt == "json":
        # one coder: its summary (as before); several: a summary per coder name
        payload = next(iter(summaries.values())) if len(summaries) == 1 else {"coders": summaries}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        click.echo(format_comparison(summaries))
        for name, failed in errors.items():
            if failed:
                click.echo(f"{name}: {len(failed)} note(s) failed extraction; first: [{failed[0].code}] "
                           f"{failed[0].message}", err=True)
