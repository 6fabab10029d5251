"""`conflictdesk kb import-places`: import a user gazetteer (a GeoNames dump or an ACLED export
the analyst holds) into a knowledge-base folder. The work is done in `knowledge/place_import.py`."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from ..knowledge.place_import import DEFAULT_FEATURE_CLASSES, import_places as run_import
from .common import clean_errors, format_option


@click.command("import-places")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Knowledge-base folder to write DIR/places/imported-*.tsv into (default: the first --kb "
                   "folder). Use it with --kb DIR / CONFLICTDESK_KB afterwards.")
@click.option("--country", "countries", multiple=True, metavar="CC",
              help="Only places in this country (ISO alpha-2 code, e.g. SY; repeatable).")
@click.option("--source-format", "source_format", type=click.Choice(["auto", "geonames", "acled"]), default="auto",
              show_default=True,
              help="SOURCE format: a GeoNames dump (SY.txt, SY.zip, allCountries.txt) or an ACLED export (CSV).")
@click.option("--feature-class", "feature_classes", multiple=True, metavar="CLASS",
              help=f"GeoNames feature classes to keep (repeatable; default: {' '.join(DEFAULT_FEATURE_CLASSES)}, "
                   "of which only places, admin divisions, regions, bases, camps, crossings and mountains).")
@format_option("table", "json", help_="Format of the summary.")
@click.pass_obj
@clean_errors
def import_places(settings: Settings | None, source: Path, out_dir: Path | None, countries: tuple[str, ...],
                  source_format: str, feature_classes: tuple[str, ...], fmt: str) -> None:
    """Import places from SOURCE, a GeoNames country dump or an ACLED export you hold, as a user
    gazetteer: village-level places the shipped gazetteer lacks. Each place keeps its source
    ("ACLED export FILE (user-supplied), location as coded by ACLED")."""
    if out_dir is None:
        kb_dirs = settings.kb_dirs if settings is not None else ()
        if not kb_dirs:
            raise click.UsageError("give --out DIR (or --kb DIR) for the knowledge-base folder to write into")
        out_dir = kb_dirs[0]
    path, count, found = run_import(source, out_dir, fmt=source_format, countries=[c.upper() for c in countries],
                                    feature_classes=feature_classes or DEFAULT_FEATURE_CLASSES)
    summary = {"path": str(path), "places": count, "format": found, "kb_dir": str(out_dir)}
    if fmt == "json":
        click.echo(json.dumps(summary))
    else:
        click.echo(f"{count} places from {source.name} ({found}) -> {path}")
        click.echo(f"use them with: conflictdesk --kb {out_dir} extract ...  (or CONFLICTDESK_KB={out_dir})")
