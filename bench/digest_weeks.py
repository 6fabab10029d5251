"""The weekly digest of news-2016 weeks, as an analyst would read it: the weeks' articles of
../shared/data/news-2016/articles.jsonl stored and extracted through `conflictdesk ingest` in a
fresh temporary SQLite database, then `conflictdesk digest` of each week.

    .venv/bin/python bench/digest_weeks.py 2016-W24 2016-W07          # top 10 of each week
    .venv/bin/python bench/digest_weeks.py 2016-W24 --top 20 --format md

Prints, per week, each story's rank, title, toll (counted once) and number of reports, and how
many stories were left out as not conflict news. Takes about a minute per week on two cores.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data" / "news-2016" / "articles.jsonl").resolve()


def week_rows(path: Path, weeks: set[tuple[int, int]]) -> list[dict]:
    """The articles published in `weeks` as JSON-lines rows `conflictdesk ingest` reads (id news2016-ROW)."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            r = json.loads(line)
            day = dt.date.fromisoformat(r["date"][:10])
            if day.isocalendar()[:2] in weeks:
                rows.append({"id": f"news2016-{i}", "published": day.isoformat(), "url": r["source_url"],
                             "title": r["title"] if len(r["title"]) > 3 else None, "text": r["text"]})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("weeks", nargs="+", metavar="YYYY-Www")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--format", choices=("table", "md"), default="table")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2

    from click.testing import CliRunner

    from conflictdesk.brief.digest import iso_week
    from conflictdesk.cli import main as cli

    weeks = {iso_week(w)[0].isocalendar()[:2] for w in args.weeks}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "weeks.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in week_rows(args.data, weeks)), encoding="utf-8")
        db = f"sqlite:///{Path(tmp) / 'weeks.sqlite'}"
        runner = CliRunner()
        done = runner.invoke(cli, ["--db", db, "ingest", str(source)])
        print(done.output.strip().splitlines()[-1] if done.output.strip() else "", file=sys.stderr)
        for week in args.weeks:
            fmt = "md" if args.format == "md" else "json"
            out = runner.invoke(cli, ["--db", db, "digest", "--week", week, "--top", str(args.top), "--format", fmt])
            if out.exit_code != 0:
                print(out.output, file=sys.stderr)
                return 1
            if args.format == "md":
                print(out.output)
                continue
            digest = json.loads(out.output)
            print(f"{week}: {digest['documents']} documents, {len(digest['stories'])} stories shown, "
                  f"{digest['left_out']} left out as not conflict news")
            for s in digest["stories"]:
                toll = "" if s["fatalities"] is None else f"{s['fatalities']} killed; "
                print(f"{s['rank']:>3}. {s['title']}  ({toll}{len(s['sources'])} report(s))")
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
