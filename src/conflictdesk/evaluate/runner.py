"""Running the extraction pipeline over ACLED notes and scoring each note's main event.

Each note is a document without a publication date (the notes state their own dates). The
note's event is the first of its main events with the highest trigger priority.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..records import Document, Event, Extraction, Failure
from .acled import LABELS, GoldEvent, coarse_type, norm_actor
from .scoring import Scores, km

if TYPE_CHECKING:
    from spacy.language import Language

    from ..extract.events.coders import EventCoder
    from ..knowledge import KnowledgeBase

LOCATION_KM = 25.0
# the codebook's hierarchy between types, for a trigger whose type its target decided
TYPE_FLOOR = {"Battles": 80, "Explosions/Remote violence": 72, "Violence against civilians": 66, "Riots": 55,
              "Protests": 50}


def main_event(events: Sequence[Event], priorities: dict[str, int]) -> Event | None:
    """The event a short report is about: main before background, then reported status, then
    the codebook's hierarchy (trigger priority), then the first mentioned."""
    if not events:
        return None
    ranked = sorted(enumerate(events), key=lambda ie: (
        ie[1].salience != "main", ie[1].status not in ("reported", "claimed"),
        -max(priorities.get(ie[1].rule, 0), TYPE_FLOOR.get(ie[1].event_type, 0)), ie[0]))
    return ranked[0][1]


def actor_names(actor_id: str | None, extraction: Extraction, kb: Any) -> list[str]:
    """Normalised ACLED names an actor id stands for."""
    if not actor_id:
        return []
    names: list[str] = []
    entry = getattr(kb, "actors", {}).get(actor_id) if kb is not None else None
    if entry is not None:
        names += [entry.acled_name or "", entry.name]
    for a in extraction.actors:
        if a.id == actor_id:
            names += [a.acled_name or "", a.name]
    if not names:
        names.append(actor_id.replace("-", " "))
    return [n for n in (norm_actor(x) for x in names) if n]


def actor_match(gold: str, names: list[str]) -> bool:
    g = norm_actor(gold)
    return bool(g) and any(n == g or g.startswith(n + " ") for n in names)


def score_one(scores: Scores, gold: GoldEvent, ex: Extraction | None, pred: Event | None, kb: Any) -> None:
    scores.n += 1
    scores.gold_labels.append(gold.label)
    scores.pred_labels.append(coarse_type(pred.event_type) if pred else "none")
    if pred is None:
        scores.no_event += 1
    if gold.sub_event_type:
        scores.tally("sub_event_type").add(pred is not None and pred.sub_event_type == gold.sub_event_type)
    if gold.fatalities is not None:
        scores.tally("fatalities").add((pred.fatalities or 0) == gold.fatalities if pred else gold.fatalities == 0)
    if gold.event_date is not None:
        ok = pred is not None and pred.event_date == gold.event_date
        scores.tally("event_date").add(ok)
        if states_date(gold.notes):
            # the honest figure: the notes have no publication date, so only a stated date can be found
            scores.tally("event_date_when_stated").add(ok)
        if pred is not None and pred.event_date is not None:
            scores.tally("event_date_when_predicted").add(ok)
    if gold.latitude is not None and gold.longitude is not None:
        has = pred is not None and pred.latitude is not None and pred.longitude is not None
        ok = has and km(pred.latitude, pred.longitude, gold.latitude, gold.longitude) <= LOCATION_KM  # type: ignore[union-attr,arg-type]
        scores.tally("location_25km").add(ok)
        if has:
            scores.tally("location_25km_when_predicted").add(ok)
        scores.tally("country").add(pred is not None and (pred.country or "").lower() == gold.country.lower())
    if gold.actor1 and ex is not None:
        scores.tally("actor1").add(pred is not None and actor_match(gold.actor1, actor_names(pred.actor1, ex, kb)))
    if gold.actor2 and ex is not None:
        scores.tally("actor2").add(pred is not None and actor_match(gold.actor2, actor_names(pred.actor2, ex, kb)))


def note_record(gold: GoldEvent, ex: Extraction | None, pred: Event | None, kb: Any) -> dict[str, Any]:
    """One note's gold coding beside the predicted main event (for error analysis, `--dump`)."""
    out: dict[str, Any] = {
        "id": gold.id, "notes": gold.notes, "gold_type": gold.label, "gold_sub": gold.sub_event_type,
        "gold_actor1": gold.actor1, "gold_actor2": gold.actor2, "gold_fatalities": gold.fatalities,
        "gold_date": gold.event_date.isoformat() if gold.event_date else None, "gold_country": gold.country,
        "gold_lat": gold.latitude, "gold_lon": gold.longitude}
    if pred is not None and ex is not None:
        names1, names2 = actor_names(pred.actor1, ex, kb), actor_names(pred.actor2, ex, kb)
        out.update({
            "type": coarse_type(pred.event_type), "sub": pred.sub_event_type, "rule": pred.rule,
            "actor1": names1[0] if names1 else None, "actor2": names2[0] if names2 else None,
            "actor1_ok": actor_match(gold.actor1, names1), "actor2_ok": actor_match(gold.actor2, names2),
            "fatalities": pred.fatalities, "date": pred.event_date.isoformat() if pred.event_date else None,
            "location": pred.location, "country": pred.country, "lat": pred.latitude, "lon": pred.longitude,
            "events": len(ex.events),
            "places": [[p.span.text, p.name, p.country, p.kind, p.geo_precision, p.latitude, p.longitude]
                       for p in ex.places]})
        if pred.latitude is not None and gold.latitude is not None and gold.longitude is not None:
            out["km"] = round(km(pred.latitude, pred.longitude, gold.latitude, gold.longitude), 1)  # type: ignore[arg-type]
    return out


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
STATED_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
                         r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)


def states_date(text: str) -> bool:
    """Does a note state a calendar day ("on Feb 09", "10 February 2018", "12/03/2016")?
    Independent of the dates stage, so that it can serve as the denominator of an honest score."""
    return STATED_DATE.search(text) is not None


def evaluate_notes(golds: Iterable[GoldEvent], *, nlp: "Language", kb: "KnowledgeBase",
                   coder: "EventCoder | str" = "rules.v1", batch_size: int = 64, errors: list[Failure] | None = None,
                   records: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Extract every note through the pipeline and score its main event against ACLED's coding;
    `records`, when given, receives one `note_record` per note."""
    made = _coder(coder)
    summaries = evaluate_coders(golds, nlp=nlp, kb=kb, coders=[made], batch_size=batch_size,
                                errors={made.name: errors} if errors is not None else None,
                                records={made.name: records} if records is not None else None)
    return summaries[made.name]


def evaluate_coders(golds: Iterable[GoldEvent], *, nlp: "Language", kb: "KnowledgeBase",
                    coders: Sequence["EventCoder | str"], batch_size: int = 64,
                    errors: dict[str, list[Failure]] | None = None,
                    records: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, dict[str, Any]]:
    """Each coder scored on the same notes, side by side: every note is parsed once and each
    coder codes it after the same earlier stages. Returns a summary per coder name; `errors` and
    `records`, when given, receive each coder's failures and note records under its name."""
    from ..extract.events.patterns import load_event_patterns
    from ..extract.runner import extract_or_fail

    made = [_coder(c) for c in coders]
    priorities = {t.id: t.priority for t in load_event_patterns().triggers}
    golds = list(golds)
    by_id = {f"acled-{i}": g for i, g in enumerate(golds)}
    docs = [Document(id=k, text=g.notes, language="en", format="csv") for k, g in by_id.items()]
    scores = {c.name: Scores() for c in made}
    pairs = ((d.text, d) for d in docs)
    for parsed, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        gold = by_id[doc.id]
        for c in made:
            result = extract_or_fail(doc, parsed, kb=kb, coder=c)
            kept = records.get(c.name) if records is not None else None
            if isinstance(result, Failure):
                if errors is not None and errors.get(c.name) is not None:
                    errors[c.name].append(result)
                score_one(scores[c.name], gold, None, None, kb)
                if kept is not None:
                    kept.append(note_record(gold, None, None, kb))
                continue
            pred = main_event(result.events, priorities)
            score_one(scores[c.name], gold, result, pred, kb)
            if kept is not None:
                kept.append(note_record(gold, result, pred, kb))
    return {name: s.summary(LABELS) for name, s in scores.items()}


def _coder(coder: "EventCoder | str") -> "EventCoder":
    from ..extract.pipeline import event_coder

    return event_coder(coder)


def format_table(summary: dict[str, Any]) -> str:
    """The scores as a plain-text table."""
    lines = [f"{'measure':<34}{'score':>8}{'n':>8}",
             f"{'event_type accuracy':<34}{summary['event_type_accuracy']:>8.3f}{summary['documents']:>8}",
             f"{'event_type macro-F1':<34}{summary['event_type_macro_f1']:>8.3f}{summary['documents']:>8}"]
    for name in ("sub_event_type", "fatalities", "event_date", "event_date_when_stated", "event_date_when_predicted",
                 "location_25km",
                 "location_25km_when_predicted", "country", "actor1", "actor2"):
        t = summary.get(name)
        if t and t["rate"] is not None:
            lines.append(f"{name:<34}{t['rate']:>8.3f}{t['total']:>8}")
    lines.append(f"{'notes with no event found':<34}{summary['no_event']:>8}")
    lines.append("")
    lines.append(f"{'per type':<30}{'P':>7}{'R':>7}{'F1':>7}{'n':>7}")
    for lab, v in summary["per_type"].items():
        lines.append(f"{lab:<30}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['support']:>7}")
    return "\n".join(lines)


def format_comparison(summaries: dict[str, dict[str, Any]]) -> str:
    """Several coders' scores side by side, one column each (a single coder: `format_table`)."""
    if len(summaries) == 1:
        return format_table(next(iter(summaries.values())))
    names = list(summaries)
    width = max(12, *(len(n) + 2 for n in names))
    head = f"{'measure':<34}" + "".join(f"{n:>{width}}" for n in names) + f"{'n':>8}"
    first = summaries[names[0]]
    lines = [head]

    def row(label: str, values: list[float | None], n: int) -> None:
        cells = "".join(f"{v:>{width}.3f}" if v is not None else f"{'-':>{width}}" for v in values)
        lines.append(f"{label:<34}{cells}{n:>8}")

    row("event_type accuracy", [summaries[n]["event_type_accuracy"] for n in names], first["documents"])
    row("event_type macro-F1", [summaries[n]["event_type_macro_f1"] for n in names], first["documents"])
    for name in ("sub_event_type", "fatalities", "event_date", "event_date_when_stated", "location_25km",
                 "country", "actor1", "actor2"):
        tallies = [summaries[n].get(name) for n in names]
        if any(t and t["rate"] is not None for t in tallies):
            row(name, [t["rate"] if t else None for t in tallies], max(t["total"] for t in tallies if t))
    lines.append(f"{'notes with no event found':<34}" + "".join(f"{summaries[n]['no_event']:>{width}}" for n in names))
    lines.append("")
    lines.append(f"{'per type F1':<34}" + "".join(f"{n:>{width}}" for n in names) + f"{'n':>8}")
    for lab, v in first["per_type"].items():
        row(lab, [summaries[n]["per_type"][lab]["f1"] for n in names], v["support"])
    return "\n".join(lines)
