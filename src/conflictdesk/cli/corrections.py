"""`conflictdesk corrections`: the review audit trail (who accepted, corrected or rejected which
event or statement point, when, with the machine's and the analyst's values) as a correction file."""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys

import click

from ..config import Settings
from .common import DATE, clean_errors, format_option, open_store
from .export import _output


@click.command()
@format_option("jsonl", "json", "csv", help_="jsonl: one correction a line (the correction file); csv: one row per "
               "changed field.")
@click.option("-o", "--output", "output", metavar="FILE", default="-", show_default=True,
              help="Write to FILE (- for standard output).")
@click.option("--document", metavar="ID", help="Only the corrections of this stored document.")
@click.option("--since", type=DATE, help="Only corrections made on or after this day (UTC).")
@click.pass_obj
@clean_errors
def corrections(settings: Settings, fmt: str, output: str, document: str | None, since: dt.date | None) -> None:
    """Export analysts' corrections (the review audit trail), oldest first, as a correction file."""
    with open_store(settings) as store:
        found = store.list_corrections(document_id=document, since=dt.datetime.combine(
            since, dt.time(), dt.timezone.utc) if since else None)
    with _output(output) as out:
        if fmt == "jsonl":
            out.writelines(json.dumps(c.as_dict(), ensure_ascii=False) + "\n" for c in found)
        elif fmt == "json":
            json.dump([c.as_dict() for c in found], out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            writer = csv.writer(out)
            writer.writerow(["id", "at", "reviewer", "document_id", "target", "target_id", "action", "field",
                             "before", "after", "note"])
            for c in found:
                for name, (before, after) in (c.changes.items() or [("", ("", ""))]):
                    writer.writerow([c.id, c.at.isoformat(), c.reviewer, c.document_id, c.target, c.target_id,
                                     c.action, name, json.dumps(before) if name else "",
                                     json.dumps(after) if name else "", c.note])
    click.echo(f"{len(found)} correction(s)", err=True)
    sys.stdout.flush()
