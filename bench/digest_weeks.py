"""The weekly digest of news-2016 weeks, as an analyst would read it: the weeks' articles of
../shared/data/news-2016/articles.jsonl stored and extracted through `conflictdesk ingest` in a
SQLite database, then `conflictdesk digest` of each week, timed.

    .venv/bin/python bench/digest_weeks.py 2016-W24 2016-W07          # top 10 of each week
    .venv/bin/python bench/digest_weeks.py 2016-W24 --top 20 --format md
    .venv/bin/python bench/digest_weeks.py 2016-W24 2016-W07 --db /tmp/weeks.sqlite   # keep the database;
                                                                      # a second run reuses it (no ingest)

The four weeks before each digested week are stored too, without extraction, as a store that has
followed the news holds them: the digest reads them to tell which stories are new. Prints, per week,
how long the digest took to build, each story's rank, title, toll (counted once) and number of
reports, and how many stories were left out as not conflict news. Ingest takes about three minutes
per week on two cores; a digest a few seconds.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
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


def _store(runner, cli, db: str, folder: Path, data: Path, weeks: list[str]) -> None:
    """Ingest the weeks (extracted) and the four weeks before each (documents only)."""
    from conflictdesk.brief.digest import NOVELTY_WEEKS, iso_week

    mondays = [iso_week(w)[0] for w in weeks]
    digested = {m.isocalendar()[:2] for m in mondays}
    earlier = {(m - dt.timedelta(weeks=k)).isocalendar()[:2] for m in mondays
               for k in range(1, NOVELTY_WEEKS + 1)} - digested
    for name, chosen, extra in (("weeks", digested, []), ("earlier", earlier, ["--no-extract"])):
        source = folder / f"{name}.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in week_rows(data, chosen)), encoding="utf-8")
        done = runner.invoke(cli, ["--db", db, "ingest", *extra, str(source)])
        print(f"{name}: " + (done.output.strip().splitlines()[-1] if done.output.strip() else ""), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("weeks", nargs="+", metavar="YYYY-Www")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--format", choices=("table", "md"), default="table")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--db", type=Path, help="SQLite file to keep (reused, without ingest, when it exists)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2

    from click.testing import CliRunner

    import conflictdesk.brief.digest  # noqa: F401  (imported before the clock starts: what is timed is the digest)
    import conflictdesk.store  # noqa: F401
    from conflictdesk.cli import main as cli

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "weeks.sqlite"
        db = f"sqlite:///{path.resolve()}"
        if not path.exists():
            _store(runner, cli, db, Path(tmp), args.data, args.weeks)
        for week in args.weeks:
            fmt = "md" if args.format == "md" else "json"
            began = time.perf_counter()
            out = runner.invoke(cli, ["--db", db, "digest", "--week", week, "--top", str(args.top), "--format", fmt])
            took = time.perf_counter() - began
            if out.exit_code != 0:
                print(out.output, file=sys.stderr)
                return 1
            if args.format == "md":
                print(out.output)
                continue
            digest = json.loads(out.output)
            print(f"{week}: {digest['documents']} documents, {len(digest['stories'])} stories shown, "
                  f"{digest['left_out']} left out as not conflict news; built in {took:.1f} s")
            for s in digest["stories"]:
                toll = "" if s["fatalities"] is None else f"{s['fatalities']} killed; "
                print(f"{s['rank']:>3}. {s['title']}  ({toll}{len(s['sources'])} report(s))")
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
