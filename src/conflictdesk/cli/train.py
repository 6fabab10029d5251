"""`conflictdesk train`: calibrate event typing on the user's own ACLED export."""
from __future__ import annotations

from pathlib import Path

import click

from ..evaluate.acled import read_acled
from ..errors import Code, ConfigError, EmptyInputError
from .common import clean_errors


@click.command()
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to save the model (default: the user's data directory).")
@click.option("--all-rows", is_flag=True, help="Train on every row (no hold-out score).")
@clean_errors
def train(export: Path, out: Path | None, all_rows: bool) -> None:
    """Train an event-type classifier (TF-IDF + logistic regression) on the notes of an ACLED
    EXPORT you are licensed to use, report its score on a held-out part, and save it.

    The export's own `split` column is used when present, else a seeded 20% hold-out. The model
    stays on your machine: conflictdesk never ships one trained on ACLED data.
    """
    from ..model.event_type import default_model_path, evaluate_event_type, split_rows, train_event_type

    rows = read_acled(export)
    if not rows:
        raise EmptyInputError(f"{export}: no rows with notes and an event type (is it an ACLED export?)")
    train_rows, test_rows = (rows, []) if all_rows else split_rows(rows)
    click.echo(f"training on {len(train_rows)} notes ...", err=True)
    model = train_event_type(train_rows)
    if test_rows:
        result = evaluate_event_type(model, test_rows)
        click.echo(f"held-out notes: {result.n}  accuracy: {result.accuracy:.3f}  macro-F1: {result.macro_f1:.3f}")
        for label, f1 in sorted(result.per_label.items()):
            click.echo(f"  {label:<28} F1 {f1:.3f}")
    target = out or default_model_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create {target.parent}: {exc.strerror or exc}", code=Code.CANNOT_WRITE) from exc
    model.save(target)
    click.echo(f"saved {target}")
