"""Throughput measurement for the language pipeline, alone and with extraction stages.

    python -m conflictdesk.nlp.speed ../shared/data/news-2016/articles.jsonl --limit 300

prints the pipeline's load time, the time of `nlp.pipe` alone, and of `nlp.pipe` plus the
actor, date and quantity stages (with the knowledge base when it loads).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..records import Document


@dataclass(frozen=True, slots=True)
class PipeTiming:
    docs: int
    chars: int
    seconds: float

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


def time_pipeline(nlp: "Language", docs: Sequence["Document"], *, batch_size: int = 32,
                  stages: Callable[["Document", "Doc"], Any] | None = None) -> PipeTiming:
    """Parse `docs` with `nlp.pipe` (and run `stages(doc, parsed)` on each when given); time it all."""
    start = time.perf_counter()
    pairs = ((d.text, d) for d in docs)
    n = 0
    for parsed, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        if stages is not None:
            stages(doc, parsed)
        n += 1
    return PipeTiming(docs=n, chars=sum(len(d.text) for d in docs), seconds=time.perf_counter() - start)


def _main(argv: list[str] | None = None) -> None:  # pragma: no cover - benchmark entry point
    import argparse
    import datetime as dt
    import json

    from ..records import Document
    from .pipeline import load_pipeline

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("jsonl", help="JSON lines with text (and date/published)")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    docs: list[Document] = []
    with open(args.jsonl, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if len(docs) >= args.limit:
                break
            row = json.loads(line)
            pub = row.get("published") or row.get("date")
            try:
                published = dt.date.fromisoformat(str(pub)[:10]) if pub else None
            except ValueError:
                published = None
            docs.append(Document(id=str(row.get("id", i)), text=row.get("text") or "", published=published))
    t0 = time.perf_counter()
    nlp = load_pipeline(args.model) if args.model else load_pipeline()
    print(f"load_pipeline: {time.perf_counter() - t0:.2f} s (first load in this process, hash check included)")
    alone = time_pipeline(nlp, docs)
    print(f"nlp.pipe alone: {alone.docs} docs, {alone.chars} chars, {alone.seconds:.2f} s "
          f"({alone.docs_per_second:.1f} docs/s)")

    from ..extract.actors import extract_actors
    from ..extract.dates import extract_dates
    from ..extract.quantities import extract_quantities
    from ..knowledge import load_knowledge_base

    t0 = time.perf_counter()
    kb = load_knowledge_base()
    print(f"load_knowledge_base: {time.perf_counter() - t0:.2f} s")

    def stages(doc: Document, parsed: "Doc") -> None:
        extract_actors(doc, parsed, kb=kb)
        extract_dates(doc, parsed)
        extract_quantities(doc, parsed)

    both = time_pipeline(nlp, docs, stages=stages)
    print(f"nlp.pipe + actors/dates/quantities: {both.seconds:.2f} s ({both.docs_per_second:.1f} docs/s); "
          f"stages add {both.seconds - alone.seconds:.2f} s")


if __name__ == "__main__":  # pragma: no cover
    _main()
