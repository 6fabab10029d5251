"""Extraction speed and memory: bare spaCy `nlp.pipe` against the full conflictdesk pipeline.

    .venv/bin/python bench/bench_pipeline.py                          # all 4,374 articles
    .venv/bin/python bench/bench_pipeline.py --limit 300 --workers 2  # + 2-process phases
    .venv/bin/python bench/bench_pipeline.py --limit 300 --format json
    .venv/bin/python bench/bench_pipeline.py --limit 300 --profile    # cProfile of the full pipeline

Reads the first N articles of ../shared/data/news-2016/articles.jsonl (beside the repository) and
runs each phase in a fresh subprocess, so that each peak-memory figure is that phase's own:

  bare     spaCy `nlp.pipe` over the texts (the pipeline package as spaCy loads it, same batch size),
           results dropped
  full     `extract_documents` (parse + every stage), with the time of each stage; its parse is
           conflictdesk's pipeline, whose attribute ruler and lemmatizer are faster stand-ins
           (`conflictdesk.nlp.speedups`, same annotations)
  bare-N   `nlp.pipe(..., n_process=N)`                  (with --workers N > 1)
  full-N   `extract_documents(..., workers=N)`           (with --workers N > 1)

For each: articles/s and words/s on the wall clock and per CPU-second (user + sys of the phase's
process and its workers: steadier than the wall clock on a shared machine), the resident-memory
high-water mark (`getrusage`) after loading and at the end (and of the largest worker), and the
ratio full/bare. Words are whitespace-separated tokens of the text. Loading the pipeline, the
knowledge base (with its gazetteer, which it builds on first use) and the articles is not timed.
Stage times come from wrapping the stage functions that `conflictdesk.extract.runner` calls, and
the rules coder's `extract_events` (in the benchmark process only); "parse" is the rest.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data" / "news-2016" / "articles.jsonl").resolve()
# Functions `extract_parsed` calls, in order, with the module whose namespace it calls them through.
STAGES = (("runner", "extract_actors"), ("runner", "resolve_places"), ("runner", "extract_dates"),
          ("runner", "extract_quantities"), ("events.coders", "extract_events"),
          ("runner", "extract_statements"), ("runner", "referenced_actors"))


# --- one phase, in its own process ------------------------------------------------------------
def _rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _cpu(who: int) -> float:
    ru = resource.getrusage(who)
    return ru.ru_utime + ru.ru_stime


def _read(data: Path, limit: int | None) -> list:
    from conflictdesk.ingest import read_sources
    from conflictdesk.records import Document

    items = read_sources([str(data)])
    docs = [d for d in itertools.islice(items, limit) if isinstance(d, Document)]
    return docs


class _StageTimer:
    """Wraps the stage functions named in STAGES with timers."""

    def __init__(self) -> None:
        import importlib

        self.wall: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()
        for module_name, name in STAGES:
            module = importlib.import_module(f"conflictdesk.extract.{module_name}")
            func = getattr(module, name, None)
            if callable(func):
                setattr(module, name, self._wrap(name, func))

    def _wrap(self, name: str, func: Any) -> Any:
        wall, cpu = self.wall, self.cpu

        def timed(*args: Any, **kwargs: Any) -> Any:
            w0, c0 = time.perf_counter(), time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                wall[name] += time.perf_counter() - w0
                cpu[name] += time.process_time() - c0

        return timed


def _gc_timer() -> list[float]:
    """CPU seconds spent in the cyclic garbage collector from now on: item 0 of the list returned."""
    import gc

    spent = [0.0, 0.0]

    def callback(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            spent[1] = time.process_time()
        else:
            spent[0] += time.process_time() - spent[1]

    gc.callbacks.append(callback)
    return spent


def run_phase(phase: str, args: argparse.Namespace) -> dict[str, Any]:
    from conflictdesk.nlp import load_pipeline, load_stock_pipeline

    # bare spaCy: the pipeline package as spaCy loads it; conflictdesk's own replaces two of its rule
    # components by faster ones that annotate the same (nlp/speedups.py)
    nlp = load_stock_pipeline() if phase.startswith("bare") else load_pipeline()
    kb = None
    if phase.startswith("full"):
        from conflictdesk.knowledge import load_knowledge_base

        kb = load_knowledge_base()
        kb.gazetteer                       # built on first use: part of loading, as in a long-running process
    docs = _read(args.data, args.limit)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    workers = args.workers if phase.endswith("-N") else 1
    timer = _StageTimer() if phase == "full" else None
    gc_cpu = _gc_timer()
    rss_loaded = _rss_mib()
    failures: Counter[str] = Counter()
    done = 0
    w0, c0, cc0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    if phase.startswith("bare"):
        for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=workers):
            done += 1
    else:
        from conflictdesk.extract.pipeline import extract_documents
        from conflictdesk.records import Failure

        for item in extract_documents(docs, nlp=nlp, kb=kb, batch_size=args.batch_size, workers=workers):
            done += 1
            if isinstance(item, Failure):
                failures[f"{item.code} {item.message[:80]}"] += 1
    wall = time.perf_counter() - w0
    cpu = (_cpu(resource.RUSAGE_SELF) - c0) + (_cpu(resource.RUSAGE_CHILDREN) - cc0)
    out: dict[str, Any] = {
        "phase": phase, "workers": workers, "articles": done, "words": words, "chars": sum(map(len, texts)),
        "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
        "articles_per_s": round(done / wall, 3), "words_per_s": round(words / wall, 1),
        "articles_per_cpu_s": round(done / cpu, 3) if cpu else None,
        "words_per_cpu_s": round(words / cpu, 1) if cpu else None,
        "rss_loaded_mib": round(rss_loaded, 1), "rss_peak_mib": round(_rss_mib(), 1),
        "rss_peak_worker_mib": round(_rss_mib(resource.RUSAGE_CHILDREN), 1) if workers > 1 else None,
        "gc_cpu_s": round(gc_cpu[0], 3),  # cyclic garbage collection in this process (not in workers)
        "loadavg_end": round(os.getloadavg()[0], 2),
        "failures": sum(failures.values()), "failure_kinds": dict(failures.most_common(5)),
    }
    if timer is not None:
        stage_wall = sum(timer.wall.values())
        stage_cpu = sum(timer.cpu.values())
        out["stages_wall_s"] = {"parse (nlp.pipe) + rest": round(wall - stage_wall, 3),
                                **{k: round(v, 3) for k, v in timer.wall.items()}}
        out["stages_cpu_s"] = {"parse (nlp.pipe) + rest": round(cpu - stage_cpu, 3),
                               **{k: round(v, 3) for k, v in timer.cpu.items()}}
    return out


def run_profile(args: argparse.Namespace) -> str:
    """cProfile of `extract_documents` over the articles; the top functions and time per module."""
    import cProfile
    import io
    import pstats

    from conflictdesk.extract.pipeline import extract_documents
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    nlp, kb = load_pipeline(), load_knowledge_base()
    docs = _read(args.data, args.limit)
    prof = cProfile.Profile()
    prof.enable()
    for _ in extract_documents(docs, nlp=nlp, kb=kb, batch_size=args.batch_size):
        pass
    prof.disable()
    stats = pstats.Stats(prof)
    by_module: Counter[str] = Counter()
    for (path, _line, _func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_module[_module_of(path)] += tottime
    total = sum(by_module.values())
    buf = io.StringIO()
    buf.write(f"profile of extract_documents over {len(docs)} articles: {total:.1f} s in profiled functions\n")
    buf.write("\nown time by module (tottime):\n")
    for module, seconds in by_module.most_common(25):
        buf.write(f"  {seconds:8.2f} s  {100 * seconds / total:5.1f}%  {module}\n")
    for key in ("tottime", "cumulative"):
        buf.write(f"\ntop functions by {key}:\n")
        pstats.Stats(prof, stream=buf).sort_stats(key).print_stats(args.profile_top)
    return buf.getvalue()


def _module_of(path: str) -> str:
    if "conflictdesk" in path:
        return "conflictdesk/" + path.split("conflictdesk/", 1)[-1]
    for lib in ("spacy", "thinc", "numpy", "srsly", "ahocorasick", "rapidfuzz", "re/", "sre_", "dataclasses"):
        if f"/{lib}" in path or path.startswith(lib):
            return lib.rstrip("/")
    return path if path.startswith("<") or path == "~" else Path(path).name


# --- the driver ---------------------------------------------------------------------------------
def _phase_in_subprocess(phase: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--data", str(args.data),
           "--batch-size", str(args.batch_size), "--workers", str(args.workers)]
    if args.limit is not None:
        cmd += ["--limit", str(args.limit)]
    print(f"# running {phase} ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit(f"phase {phase} failed with exit code {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _ratios(phases: dict[str, dict[str, Any]], full: str, bare: str) -> dict[str, float] | None:
    if full not in phases or bare not in phases:
        return None
    f, b = phases[full], phases[bare]
    return {"wall": round(f["articles_per_s"] / b["articles_per_s"], 3),
            "cpu": round(f["articles_per_cpu_s"] / b["articles_per_cpu_s"], 3)}


def _table(report: dict[str, Any]) -> str:
    cfg = report["config"]
    lines = [f"articles: {cfg['articles_file']}  limit={cfg['limit']}  batch_size={cfg['batch_size']}  "
             f"workers={cfg['workers']}  cores={cfg['cores']}  load average at start={cfg['loadavg']}", ""]
    head = (f"{'phase':<8} {'proc':>4} {'articles':>8} {'words':>9} {'wall s':>8} {'art/s':>7} {'words/s':>8} "
            f"{'cpu s':>8} {'art/cpu-s':>9} {'words/cpu-s':>11} {'RSS load':>8} {'RSS peak':>8} {'worker':>7} "
            f"{'fail':>4}")
    lines += [head, "-" * len(head)]
    for p in report["phases"].values():
        worker = f"{p['rss_peak_worker_mib']:.0f}" if p.get("rss_peak_worker_mib") else "-"
        lines.append(f"{p['phase']:<8} {p['workers']:>4} {p['articles']:>8} {p['words']:>9} {p['wall_s']:>8.1f} "
                     f"{p['articles_per_s']:>7.2f} {p['words_per_s']:>8.0f} {p['cpu_s']:>8.1f} "
                     f"{p['articles_per_cpu_s']:>9.2f} {p['words_per_cpu_s']:>11.0f} {p['rss_loaded_mib']:>8.0f} "
                     f"{p['rss_peak_mib']:>8.0f} {worker:>7} {p['failures']:>4}")
    lines.append("(RSS in MiB: high-water mark after loading, at the end, and of the largest worker process;"
                 " a forked worker's RSS includes pages it still shares with the parent)")
    lines.append("garbage collection, cpu s: " + ", ".join(f"{p['phase']} {p['gc_cpu_s']:.2f}"
                                                          for p in report["phases"].values()))
    lines.append("")
    for name, ratio in report["ratios"].items():
        if ratio:
            lines.append(f"ratio {name} (speed, full/bare): wall {ratio['wall']:.2f}  cpu {ratio['cpu']:.2f}"
                         "   (target >= 0.80)")
    full = report["phases"].get("full")
    if full and "stages_cpu_s" in full:
        lines += ["", "full pipeline, time by stage (1 process):",
                  f"  {'stage':<26} {'wall s':>8} {'cpu s':>8} {'cpu %':>6} {'ms/article':>10}"]
        for stage, cpu in full["stages_cpu_s"].items():
            wall = full["stages_wall_s"][stage]
            share = 100 * cpu / full["cpu_s"] if full["cpu_s"] else 0.0
            lines.append(f"  {stage:<26} {wall:>8.2f} {cpu:>8.2f} {share:>6.1f} "
                         f"{1000 * cpu / max(full['articles'], 1):>10.1f}")
    for p in report["phases"].values():
        if p["failures"]:
            lines.append(f"WARNING: {p['failures']} of {p['articles']} articles failed in {p['phase']}: its speed "
                         "is not comparable (a failed article skips the remaining stages)")
        for kind, n in p.get("failure_kinds", {}).items():
            lines.append(f"  failures in {p['phase']}: {n} x {kind}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (default: all)")
    parser.add_argument("--workers", type=int, default=1,
                        help="also run the phases with N processes (N > 1); 0 = every core")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (default 32)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--phases", default=None,
                        help="comma-separated subset of bare,full,bare-N,full-N (default: all that apply)")
    parser.add_argument("--profile", action="store_true", help="cProfile the full pipeline instead")
    parser.add_argument("--profile-top", type=int, default=30, help="functions listed by --profile")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # internal: run one phase, print its JSON
    args = parser.parse_args(argv)
    if args.workers == 0:
        from conflictdesk.extract.parallel import default_workers

        args.workers = default_workers()
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    if args.phase:
        print(json.dumps(run_phase(args.phase, args)))
        return 0
    if args.profile:
        print(run_profile(args))
        return 0
    wanted = args.phases.split(",") if args.phases else ["bare", "full"] + (
        ["bare-N", "full-N"] if args.workers > 1 else [])
    phases = {name: _phase_in_subprocess(name, args) for name in wanted}
    report = {
        "config": {"articles_file": str(args.data), "limit": args.limit, "batch_size": args.batch_size,
                   "workers": args.workers, "cores": os.cpu_count(),
                   "loadavg": round(os.getloadavg()[0], 2)},
        "phases": phases,
        "ratios": {"1 process": _ratios(phases, "full", "bare"),
                   f"{args.workers} processes": _ratios(phases, "full-N", "bare-N"),
                   f"full-{args.workers} vs bare (1 process)": _ratios(phases, "full-N", "bare")},
    }
    print(json.dumps(report, indent=2) if args.format == "json" else _table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
