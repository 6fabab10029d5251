"""Stores made for web tests without the language pipeline: documents with hand-coded events
(real places, real knowledge-base actors), so a test can hold hundreds of events and know
exactly what each page must show. Also the in-process WSGI call the web tests share."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from wsgiref.util import setup_testing_defaults

from conflictdesk.records import Actor, Document, Event, Extraction, Point, Span, Statement
from conflictdesk.store import Store

PLACES = {   # name: (country, latitude, longitude)
    "Aleppo": ("Syria", 36.20124, 37.16117), "Deir ez-Zor": ("Syria", 35.33588, 40.14084),
    "Raqqa": ("Syria", 35.95283, 39.00788), "Mosul": ("Iraq", 36.335, 43.11889),
    "Fallujah": ("Iraq", 33.34913, 43.77907), "Baghdad": ("Iraq", 33.34058, 44.40088),
    "Beirut": ("Lebanon", 33.89332, 35.50157), "Washington": ("United States", 38.89511, -77.03637),
}
ACTORS = {"islamic-state": ("Islamic State", "rebel_group"), "hezbollah": ("Hezbollah", "political_militia"),
          "military-forces-of-syria": ("Military Forces of Syria", "state_forces"),
          "kataib-hezbollah": ("Kataib Hezbollah", "political_militia")}


@dataclass(frozen=True)
class Spec:
    """One hand-coded event."""

    day: dt.date
    place: str
    event_type: str = "Battles"
    sub_event_type: str = "Armed clash"
    actor1: str | None = "islamic-state"
    actor2: str | None = "military-forces-of-syria"
    fatalities: int | None = None
    salience: str = "main"
    note: str = ""


def document_with(doc_id: str, specs: list[Spec], *, title: str | None = None,
                  statements: list[tuple[str, str, list[str]]] = ()) -> Extraction:
    """A document whose text tells each spec's event (one sentence each), with the events coded."""
    sentences, events, actors = [], [], {}
    for i, spec in enumerate(specs):
        country, lat, lon = PLACES[spec.place]
        start = sum(len(s) + 1 for s in sentences)
        sentence = f"Fighting near {spec.place} on {spec.day.isoformat()}.{(' ' + spec.note) if spec.note else ''}"
        sentences.append(sentence)
        events.append(Event(id=f"e{i + 1}", event_type=spec.event_type, sub_event_type=spec.sub_event_type,
                            evidence=Span(start, start + len(sentence), sentence), actor1=spec.actor1,
                            actor2=spec.actor2, country=country, location=spec.place, latitude=lat, longitude=lon,
                            geo_precision=1, event_date=spec.day, time_precision=1, fatalities=spec.fatalities,
                            salience=spec.salience, rule="test", coder="rules.v1"))
        for a in (spec.actor1, spec.actor2):
            if a:
                actors[a] = Actor(id=a, name=ACTORS[a][0], type=ACTORS[a][1])
    stated = []
    for j, (actor, text, labels) in enumerate(statements):
        start = sum(len(s) + 1 for s in sentences)
        sentences.append(text)
        stated.append(Statement(id=f"s{j + 1}", actor=actor, date=specs[0].day if specs else None,
                                points=[Point(text=text, start=start, end=start + len(text), labels=labels)],
                                evidence=Span(start, start + len(text), text)))
        actors[actor] = Actor(id=actor, name=ACTORS[actor][0], type=ACTORS[actor][1])
    text = " ".join(sentences)
    doc = Document(id=doc_id, text=text, title=title or f"Report {doc_id}",
                   published=max((s.day for s in specs), default=dt.date(2016, 6, 1)), source="Test Wire",
                   format="text")
    return Extraction(document=doc, actors=list(actors.values()), events=events, statements=stated)


def fill(store: Store, documents: list[Extraction]) -> None:
    for ex in documents:
        store.add_document(ex.document, ex)


class Reply:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.code = int(status.split()[0])
        self.headers = {k.lower(): v for k, v in headers}
        self.all_headers = headers
        self.body = body
        self.text = body.decode("utf-8")

    def json(self):
        """The body as JSON, which the answer must declare (JSON, GeoJSON or STIX)."""
        assert self.headers["content-type"].split(";")[0] in ("application/json", "application/geo+json",
                                                              "application/stix+json")
        return json.loads(self.text)


class _Sink:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def call(app, path: str, query: str = "", method: str = "GET", *, body: bytes = b"",
         headers: dict[str, str] | None = None) -> Reply:
    """One request to the WSGI app, in process."""
    import io

    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD=method, CONTENT_LENGTH=str(len(body)),
                   CONTENT_TYPE="application/x-www-form-urlencoded")
    environ["wsgi.input"] = io.BytesIO(body)
    environ["wsgi.errors"] = _Sink()
    for name, value in (headers or {}).items():
        if name.lower() == "content-type":
            environ["CONTENT_TYPE"] = value
        else:
            environ["HTTP_" + name.upper().replace("-", "_")] = value
    seen: dict = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, headers

    out = b"".join(app(environ, start_response))
    return Reply(seen["status"], seen["headers"], out)
