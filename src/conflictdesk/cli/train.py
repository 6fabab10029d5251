"""`conflictdesk train`: calibrate event typing on the user's own ACLED export."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..config import Settings
from ..evaluate.acled import GoldEvent, read_acled
from ..errors import Code, ConfigError, EmptyInputError
from .common import clean_errors

if TYPE_CHECKING:
    from ..model.textclf import TextClassifier


@click.command()
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to save the model (default: the user's data directory).")
@click.option("--all-rows", is_flag=True, help="Train on every row (no hold-out score).")
@click.option("--compare", type=click.IntRange(0), default=800, show_default=True, metavar="N",
              help="Score the rules, the model and both together on a seeded sample of N held-out notes "
                   "(0: skip; it parses the notes with the language pipeline).")
@click.pass_obj
@clean_errors
def train(settings: Settings, export: Path, out: Path | None, all_rows: bool, compare: int) -> None:
    """Train an event-type classifier (TF-IDF + logistic regression) on the notes of an ACLED
    EXPORT you are licensed to use, report its score on a held-out part against the rules'
    (coders rules.v1, tfidf-lr.v1, rules+clf.v1 side by side), and save it.

    The export's own `split` column is used when present, else a seeded 20% hold-out. The saved
    model is what `--event-coder tfidf-lr.v1` and `--event-coder rules+clf.v1` read (`--model
    PATH`, default where it is saved) in extract, ingest and evaluate. The model stays on your
    machine: conflictdesk never ships one trained on ACLED data.
    """
    from ..evaluate.event_type import evaluate_event_type, split_rows, train_event_type
    from ..model.textclf import default_model_path

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
    if test_rows and compare:
        _compare(settings, model, test_rows, size=compare)


def _compare(settings: Settings, model: TextClassifier, rows: list[GoldEvent], *, size: int) -> None:
    """The held-out notes (a seeded sample of `size`) coded by the rules, the model and both."""
    from ..evaluate import evaluate_coders, format_comparison, sample
    from ..extract.events import RulesCoder
    from ..extract.events.classifier import ClassifierCoder, RulesWithClassifier
    from ..knowledge import load_knowledge_base
    from ..nlp import load_pipeline

    notes = sample(rows, size=size, seed=13)
    click.echo(f"\nheld-out notes coded through the pipeline ({len(notes)}): the rules against the model", err=True)
    summaries = evaluate_coders(notes, nlp=load_pipeline(settings.model), kb=load_knowledge_base(settings.kb_dirs),
                                coders=[RulesCoder(), ClassifierCoder(model), RulesWithClassifier(model)])
    click.echo(format_comparison(summaries))
