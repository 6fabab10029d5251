"""Helpers every command shares: opening the store, clean errors, output formats, progress.

    @click.command()
    @format_option("table", "json")
    @click.pass_obj
    @clean_errors
    def documents(settings, fmt): ...
        with open_store(settings) as store: ...

A ConflictDeskError becomes a `click.ClickException` ("Error: [E201] ..." on stderr, exit 1),
never a traceback.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..config import Settings, sqlite_path
from ..errors import Code, ConflictDeskError, KnowledgeBaseError, StoreError
from ..records import EVENT_STATUSES
from ..records import Failure

if TYPE_CHECKING:
    from ..store import Store

F = TypeVar("F", bound=Callable[..., Any])


def clean_errors(func: F) -> F:
    """The CLI's one error path, on every command: a ConflictDeskError raised by the command ends
    it as "Error: [Exxx] message" on standard error with exit status 1, never a traceback. The
    problems a KnowledgeBaseError lists (file:line: ...) are printed first, one a line."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KnowledgeBaseError as exc:
            for problem in exc.problems:
                click.echo(problem, err=True)
            raise click.ClickException(f"[{exc.code}] {exc.message}") from None
        except ConflictDeskError as exc:
            raise click.ClickException(str(exc)) from None
    wrapper.clean_errors = True  # type: ignore[attr-defined]  # held by tests/test_cli_help.py
    return wrapper  # type: ignore[return-value]


def open_store(settings: Settings, *, create: bool = False) -> "Store":
    """The store named by the settings (`--db`, $CONFLICTDESK_DB, or the default file).
    Commands that only read pass `create=False`: a SQLite file that does not exist is then an
    error (a mistyped --db), not a new empty database. Commands that store pass `create=True`."""
    from ..store import Store

    path = sqlite_path(settings.db_url)
    if path is not None:
        if create:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot make the folder for the database {path}: {exc.strerror}") from exc
        elif not path.exists():
            raise StoreError(f"there is no database at {path}: check --db / $CONFLICTDESK_DB, "
                             "or store documents first with `conflictdesk ingest`", code=Code.NO_DATABASE)
    return Store(settings.db_url)


def format_option(*choices: str, default: str | None = None, help_: str | None = None) -> Callable[[F], F]:
    """A `--format` option (passed to the command as `fmt`)."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default or choices[0],
                        show_default=True, help=help_ or "Output format.")


class DateParam(click.ParamType):
    """A YYYY-MM-DD date."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            if len(text) == 10 and text[4] == "-" and text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdigit():
                self.fail(f"{value!r} is not a valid date ({exc})", param, ctx)
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


DATE = DateParam()


class ProbabilityParam(click.ParamType):
    """A probability: a number from 0 to 1 (a usage error otherwise, as a bad date is)."""

    name = "P"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number from 0 to 1", param, ctx)
        if not 0 <= number <= 1:     # NaN fails too
            self.fail(f"{value!r} is not a probability: give a number from 0 to 1 (0.7 = 70%)", param, ctx)
        return number


PROBABILITY = ProbabilityParam()


def echo_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str | None = None,
                wide: Sequence[str] = ()) -> None:
    """A table on standard output: drawn with rich on a terminal (columns named in `wide` are
    wrapped to fit), tab-separated lines with a header when piped or redirected, so that every
    value is kept whole for other tools."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if not sys.stdout.isatty():
        def clean(value: str) -> str:
            return " ".join(value.split())
        sys.stdout.write("\t".join(columns) + "\n")
        sys.stdout.writelines("\t".join(clean(v) for v in row) + "\n" for row in cells)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, header_style="bold")
    for i, name in enumerate(columns):
        if name in wide:  # wrapped to fit
            table.add_column(name, min_width=10, ratio=1, overflow="fold")
        else:  # ids, dates, codes: one line, cut with an ellipsis past 26 characters
            longest = max([len(name), *(len(row[i]) for row in cells)])
            table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(longest, 26), max_width=26)
    for row in cells:
        table.add_row(*row)
    Console(file=sys.stdout).print(table)


def describe_failure(failure: Failure) -> str:
    where = f" (document {failure.document_id})" if failure.document_id else ""
    return f"error: {failure.origin}{where}: [{failure.code}] {failure.message} (stage: {failure.stage})"


class Progress:
    """Progress of a long run on standard error: on a terminal a bar with the count, the total
    (when known, e.g. estimated from the input files), the rate and the time left; otherwise a
    quiet line every `every` items with the rate. `stage("loading language model")` says what a
    long pause is; messages printed through `note` do not garble the display."""

    def __init__(self, description: str, *, total: int | None = None, every: int = 1000,
                 enabled: bool = True) -> None:
        self.description = description
        self.total = total
        self.every = every
        self.count = 0
        self._started = time.monotonic()
        self._live: Any = None
        self._task: Any = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress, SpinnerColumn,
                                       TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self._live = RichProgress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), TaskProgressColumn(),
                                      TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                                      TextColumn("left"), TimeRemainingColumn(),
                                      TextColumn("{task.fields[status]}"),
                                      console=Console(stderr=True), transient=True)
        self._quiet = enabled and self._live is None

    def __enter__(self) -> "Progress":
        if self._live is not None:
            self._live.start()
            self._task = self._live.add_task(self.description, total=self.total, status="", rate="")
        return self

    def rate(self) -> float:
        """Items a second so far."""
        return self.count / max(time.monotonic() - self._started, 1e-9)

    def stage(self, message: str) -> None:
        """Say what the run is doing while no item advances (loading a model, say)."""
        if self._live is not None:
            self._live.update(self._task, status=message)
        elif self._quiet and message:
            click.echo(f"{self.description}: {message}", err=True)

    def __exit__(self, *_exc: object) -> None:
        if self._live is not None:
            self._live.stop()

    def advance(self, status: str = "") -> None:
        self.count += 1
        if self.total is not None and self.count > self.total:   # an estimate fell short
            self.total = None
            if self._live is not None:
                self._live.update(self._task, total=None)
        if self._live is not None:
            self._live.update(self._task, completed=self.count, status=status, rate=f"{self.rate():.1f}/s")
        elif self._quiet and self.count % self.every == 0:
            of = f"/{self.total}" if self.total is not None else ""
            click.echo(f"{self.description}: {self.count}{of} ({self.rate():.1f}/s) {status}".rstrip(), err=True)

    def note(self, message: str) -> None:
        if self._live is not None:
            self._live.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)


def resolved_event_filters(settings: Settings, store: "Store", *, actor: str | None, event_type: str | None,
                           country: str | None) -> dict[str, Any]:
    """The `event_filters` values as the store holds them: an actor by any spelling the knowledge
    base knows (Hizballah = Hezbollah), a country and an event type as stored; an unknown value
    is an error naming the closest known ones ([E120])."""
    from .. import lookup

    resolved: dict[str, Any] = {"actor": None, "event_type": None, "country": None}
    if actor is not None:
        from ..knowledge import load_knowledge_base
        resolved["actor"] = lookup.actor_ids(load_knowledge_base(settings.kb_dirs), store, actor)
    if event_type is not None:
        resolved["event_type"] = lookup.event_type_name(event_type)
    if country is not None:
        resolved["country"] = lookup.country_name(store, country)
    return resolved


def event_filters(command: F) -> F:
    """The filters of stored events shared by `events` and `export`."""
    options = [
        click.option("--actor", metavar="NAME", help="Events involving this actor, in any role (id, name or any "
                     "alias the knowledge base knows: Hizballah = Hezbollah)."),
        click.option("--type", "event_type", metavar="T", help="ACLED event type or sub-event type."),
        click.option("--country", metavar="C", help="Country name, e.g. Iraq."),
        click.option("--since", type=DATE, help="On or after this date (event date, else publication date)."),
        click.option("--until", type=DATE, help="On or before this date."),
        click.option("--status", type=click.Choice(EVENT_STATUSES),
                     help="Only events with this status (ACLED CSV otherwise holds only reported, claimed and "
                          "attempted events)."),
        click.option("--min-confidence", "min_confidence", type=PROBABILITY, metavar="P",
                     help="Only events whose coder's confidence (the probability that the event is right, 0..1) "
                          "is at least P, and events an analyst accepted or corrected; events with no "
                          "confidence (a coder that gives none) are left out."),
        click.option("--limit", type=click.IntRange(1), help="At most this many events (most recent first)."),
        click.option("--include-duplicates", is_flag=True, help="Also events from near-duplicate documents."),
        click.option("--mentions", is_flag=True, help="One row per report: an incident several documents report "
                     "is otherwise one row (its lead report, the lowest toll given, every source)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def event_coder_options(*, several: bool = False) -> Callable[[F], F]:
    """`--event-coder NAME` (passed as `event_coder`; a tuple of names with `several`) and `--model PATH`."""
    coder_help = ("Event coder by versioned name: rules.v1 (the patterns; each event's confidence the shipped model's "
                  "probability that it is right), tfidf-lr.v1 (a model `train` made), "
                  "rules+clf.v1 (the rules with the model's confidence, and its event where the rules find none), "
                  "or one an installed plug-in registers.")
    if several:
        coder_help += " Repeat it to score coders side by side."
    coder = click.option("--event-coder", "event_coder", metavar="NAME", multiple=several,
                         default=("rules.v1",) if several else "rules.v1", show_default=True, help=coder_help)
    model = click.option("--model", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help="The model file of tfidf-lr.v1 / rules+clf.v1 (default: where `train` saves it).")

    def decorate(command: F) -> F:
        return coder(model(command))
    return decorate


def load_event_coders(names: Sequence[str], model: Path | None) -> list[Any]:
    """The named event coders, each made with `model` when it uses one (a model-less coder ignores it
    when several are named; named alone, it refuses it)."""
    from ..extract.events.coders import load_event_coder, uses_model

    if len(names) == 1:
        return [load_event_coder(names[0], model=model)]
    return [load_event_coder(name, model=model if uses_model(name) else None) for name in names]
