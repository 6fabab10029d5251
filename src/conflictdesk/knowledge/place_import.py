"""User gazetteers: import places from data the analyst holds into a knowledge-base folder.

conflictdesk ships no licensed village-level data. An analyst who holds

- a GeoNames country dump (`SY.txt`, `IQ.zip`, `allCountries.txt`: tab-separated, one feature a
  line: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature
  code, country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code, population, ...),
  downloaded from https://download.geonames.org/export/dump/ under GeoNames' licence, or
- an ACLED export (CSV with `location`, `admin1`, `admin2`, `country`, `latitude`, `longitude`,
  `geo_precision`; upper- or lower-case column names),

imports it once with `conflictdesk kb import-places SOURCE --out DIR`; the places land in
`DIR/places/imported-<name>.tsv`, which the gazetteer indexes from every `--kb` folder
(`Gazetteer(imported=...)`, cached by the files' content hash). The file is a compact TSV, not
YAML: tens of thousands of places load in a fraction of a second.

File format (UTF-8, tab-separated, `#` lines are comments; the `# source:` line is the source
of every place in the file):

    # conflictdesk imported places v1
    # source: ACLED export acled.csv (user-supplied), location as coded by ACLED
    id  name  aliases  country_code  admin1  admin2  latitude  longitude  kind  population  geo_precision

`aliases` is `|`-separated. Rows are validated on read: a bad row fails with file and line.
"""
from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml

from ..errors import Code, InputError, KnowledgeBaseError
from ..ingest.acled import open_text_file, read_acled_rows as ingest_acled_rows

FILE_FORMAT = "conflictdesk imported places v1"
COLUMNS = ("id", "name", "aliases", "country_code", "admin1", "admin2", "latitude", "longitude", "kind",
           "population", "geo_precision")
PREFIX = "imported-"
SUFFIX = ".tsv"

# GeoNames feature classes/codes kept by default, with the kind and geo_precision they become.
# P (populated places) and the admin divisions are kept whole; of L, S, T only the features
# that conflict reporting names as places (regions, bases, airports, camps, crossings, mountains).
GEONAMES_KINDS: dict[str, tuple[str, int]] = {
    "P": ("populated_place", 1),
    "A.ADM1": ("admin1", 3), "A.ADM2": ("admin2", 2), "A.ADM3": ("admin3", 2),
    "L.RGN": ("region", 3), "L.AREA": ("region", 2), "L.OAS": ("region", 2),
    "S.MILB": ("military_base", 1), "S.INSM": ("military_base", 1), "S.AIRB": ("military_base", 1),
    "S.AIRP": ("airport", 1), "S.AIRF": ("airport", 1), "S.CMPRF": ("camp", 1), "S.CMP": ("camp", 1),
    "S.CSTM": ("crossing", 1), "S.PSTB": ("crossing", 1), "S.DAM": ("facility", 1), "S.PRN": ("facility", 1),
    "S.OILF": ("facility", 1), "S.PS": ("facility", 1),
    "T.MT": ("mountain", 2), "T.MTS": ("mountain", 2), "T.HLL": ("hill", 1), "T.PASS": ("pass", 1),
    "H.WAD": ("wadi", 2),
}
DEFAULT_FEATURE_CLASSES = ("P", "A", "L", "S", "T", "H")
_LATINISH = re.compile("[A-Za-z]")
# "Teftnaz - Military Air Base": words that make the part after " - " a generic description.
_GENERIC_PART = frozenset("military air airbase airport base camp old city centre center new village town "
                          "district neighbourhood neighborhood quarter area the of".split())


# first words of "X - Y" locations that are no name on their own ("Kafr - Kafrehmul", "Tal - ...")
_GENERIC_HEADS = frozenset("kafr tal tell deir dayr ain ayn jabal jebel qasr khirbet khirbat wadi bir tall umm abu "
                           "bani beni hay hayy souq suq".split())


@dataclass(frozen=True, slots=True)
class ImportedPlace:
    """One place of a user gazetteer (a row of an imported-*.tsv file)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country_code: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    kind: str
    population: int
    geo_precision: int


# --- reading sources ----------------------------------------------------------------------------
def detect_format(path: Path) -> str:
    """"geonames" or "acled", from the file's first line."""
    with _open_text(path) as fh:
        first = fh.readline()
    if "\t" in first and first.split("\t", 1)[0].strip().isdigit():
        return "geonames"
    if "," in first and {"location", "latitude", "longitude"} <= {c.strip().lower() for c in first.split(",")}:
        return "acled"
    raise KnowledgeBaseError(f"{path}: neither a GeoNames dump (tab-separated, geonameid first) nor an "
                             "ACLED export (CSV with location, latitude, longitude columns)", code=Code.PLACE_SOURCE)


@contextlib.contextmanager
def _open_text(path: Path) -> Iterator[TextIO]:
    """The text of a dump or export (a zip holding one text file too), with reading errors as
    KnowledgeBaseError E330."""
    try:
        with open_text_file(path) as fh:
            yield fh
    except InputError as exc:
        raise KnowledgeBaseError(exc.message, code=Code.PLACE_SOURCE) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:   # a damaged archive, found while unpacking
        raise KnowledgeBaseError(f"{path}: damaged archive ({exc})", code=Code.PLACE_SOURCE) from None


def geonames_places(path: Path, *, countries: Sequence[str] = (),
                    feature_classes: Sequence[str] = DEFAULT_FEATURE_CLASSES) -> list[ImportedPlace]:
    """Places of a GeoNames dump, filtered by country code and feature class (see GEONAMES_KINDS)."""
    wanted_cc = {c.upper() for c in countries}
    wanted_fc = {c.upper() for c in feature_classes}
    features: list[list[str]] = []
    admin1_names: dict[tuple[str, str], str] = {}
    admin2_names: dict[tuple[str, str, str], str] = {}
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            f = line.rstrip("\r\n").split("\t")
            if len(f) < 15:
                if line.strip():
                    raise KnowledgeBaseError(f"{path}:{lineno}: expected 19 tab-separated GeoNames columns, "
                                             f"found {len(f)}", code=Code.PLACE_SOURCE)
                continue
            cc, fclass, fcode = f[8], f[6], f[7]
            if wanted_cc and cc not in wanted_cc:
                continue
            if fcode == "ADM1":
                admin1_names[(cc, f[10])] = f[2] or f[1]
            elif fcode == "ADM2":
                admin2_names[(cc, f[10], f[11])] = f[2] or f[1]
            if fclass not in wanted_fc or (fclass != "P" and f"{fclass}.{fcode}" not in GEONAMES_KINDS):
                continue
            features.append(f)
    out: list[ImportedPlace] = []
    for f in features:
        fclass, fcode, cc = f[6], f[7], f[8]
        kind, precision = GEONAMES_KINDS.get(fclass if fclass == "P" else f"{fclass}.{fcode}", ("place", 1))
        try:
            lat, lon = float(f[4]), float(f[5])
            population = int(f[14] or 0)
        except ValueError:
            raise KnowledgeBaseError(f"{path}: geonameid {f[0]}: bad latitude, longitude or population",
                                     code=Code.PLACE_SOURCE) from None
        names = [f[1], f[2], *(a for a in f[3].split(",") if a and _LATINISH.search(a))]
        out.append(ImportedPlace(
            id=f"geonames:{f[0]}", name=f[1], aliases=tuple(dict.fromkeys(n for n in names[1:] if n != f[1])),
            country_code=cc, admin1=admin1_names.get((cc, f[10]), ""), admin2=admin2_names.get((cc, f[10], f[11]), ""),
            latitude=lat, longitude=lon, kind=kind, population=population, geo_precision=precision))
    return out


def read_acled_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an ACLED export with lower-case column names (`ingest.acled.read_acled_rows`)."""
    try:
        yield from ingest_acled_rows(path)
    except InputError as exc:
        raise KnowledgeBaseError(exc.message, code=Code.PLACE_SOURCE) from None


def acled_places(rows: Iterable[dict[str, str]], *, countries: Sequence[str] = ()) -> list[ImportedPlace]:
    """Unique ACLED locations (by country, admin1, admin2, location) at their most frequent coordinates.

    "Damascus - Jobar" (ACLED's city - quarter) is indexed under the whole name and "Jobar";
    "Deir Hassan - Darhashan" (a second name) under both; "Teftnaz - Military Air Base" under the
    whole name only.
    """
    wanted = {c.upper() for c in countries}
    points: dict[tuple[str, str, str, str], Counter[tuple[float, float]]] = defaultdict(Counter)
    for r in rows:
        location, country = r.get("location", ""), r.get("country", "")
        if not location or not country:
            continue
        cc = country_code_of(country) or r.get("iso2", "").upper()
        if not cc or (wanted and cc not in wanted and country.upper() not in wanted):
            continue
        try:
            point = (round(float(r["latitude"]), 5), round(float(r["longitude"]), 5))
        except (KeyError, ValueError):
            continue
        points[(cc, r.get("admin1", ""), r.get("admin2", ""), location)][point] += 1
    names = {(cc, _slug(loc)) for cc, _, _, loc in points}
    heads = Counter((cc, _slug(loc.split(" - ", 1)[0])) for cc, _, _, loc in points if " - " in loc)
    out: list[ImportedPlace] = []
    seen: set[str] = set()
    for (cc, admin1, admin2, location), counter in sorted(points.items()):
        (lat, lon), _ = counter.most_common(1)[0]
        aliases: list[str] = []
        name, kind = location, "populated_place"   # ACLED codes towns, villages, quarters, bases alike
        if " - " in location:
            head, tail = (p.strip() for p in location.split(" - ", 1))
            if head and tail and not set(_words(tail)) <= _GENERIC_PART:
                name, aliases = tail, [location]
            # "Bedina - Baadinli" (two names of one village): the first is a name too, unless it is a
            # town of its own or heads several entries ("Damascus - Jobar", "Damascus - Barzeh")
            key = (cc, _slug(head))
            if head and key not in names and heads[key] == 1 and len(head) >= 4 \
                    and _words(head)[0] not in _GENERIC_HEADS:
                aliases.append(head)
        place_id = "acled:" + "/".join(_slug(x) for x in (cc, admin1, admin2, location))
        if place_id in seen:
            continue
        seen.add(place_id)
        out.append(ImportedPlace(id=place_id, name=name, aliases=tuple(aliases), country_code=cc, admin1=admin1,
                                 admin2=admin2, latitude=lat, longitude=lon, kind=kind, population=0,
                                 geo_precision=1))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _slug(text: str) -> str:
    return "-".join(_words(text)) or "_"


# --- country names -----------------------------------------------------------------------------
_COUNTRY_CODES: dict[str, str] = {}


def country_code_of(name: str) -> str | None:
    """ISO alpha-2 code of a country as ACLED or ISO names it ("Syria", "Palestine", "DR Congo"...)."""
    if not _COUNTRY_CODES:
        _COUNTRY_CODES.update(_country_table())
    key = " ".join(_words(name))
    return _COUNTRY_CODES.get(key)


def _country_table() -> dict[str, str]:
    import pycountry

    from .gazetteer import REFERENCE_FILE

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_2", "alpha_3"):
            value = getattr(c, attr, None)
            if value:
                table.setdefault(" ".join(_words(value)), c.alpha_2)
    ref = yaml.safe_load(REFERENCE_FILE.read_text(encoding="utf-8")) or {}
    for cc, name in (ref.get("acled_names") or {}).items():
        table[" ".join(_words(name))] = cc
    for cc, names in (ref.get("aliases") or {}).items():
        for name in names:
            table.setdefault(" ".join(_words(name)), cc)
    table.setdefault("kosovo", "XK")
    return table


# --- writing and reading imported files ----------------------------------------------------------
def output_path(out_dir: Path, source: Path) -> Path:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(source).name.rsplit(".", 1)[0]).strip("-") or "places"
    return Path(out_dir) / "places" / f"{PREFIX}{stem}{SUFFIX}"


def write_places(path: Path, places: Iterable[ImportedPlace], *, source: str) -> int:
    """Write places as an imported-places TSV (atomically: a failed write leaves no file behind);
    returns how many were written."""
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    n = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            fh.write(f"# {FILE_FORMAT}\n# source: {_clean(source)}\n" + "\t".join(COLUMNS) + "\n")
            for p in places:
                fh.write("\t".join((_clean(p.id), _clean(p.name), "|".join(_clean(a) for a in p.aliases),
                                    p.country_code, _clean(p.admin1), _clean(p.admin2), f"{p.latitude:.5f}",
                                    f"{p.longitude:.5f}", p.kind, str(p.population), str(p.geo_precision))) + "\n")
                n += 1
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KnowledgeBaseError(f"cannot write {path}: {exc.strerror or exc}", code=Code.PLACES_WRITE) from None
    return n


def _clean(text: str) -> str:
    return re.sub(r"[\t\r\n|]+", " ", text).strip()


def read_places(path: Path) -> tuple[str, list[ImportedPlace]]:
    """(source, places) of an imported-places file; a bad row raises with file and line."""
    path = Path(path)
    source = ""
    places: list[ImportedPlace] = []
    problems: list[str] = []
    header_seen = False
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line:
                continue
            if line.startswith("#"):
                if line[1:].strip().lower().startswith("source:"):
                    source = line[1:].strip()[7:].strip()
                continue
            f = line.split("\t")
            if not header_seen:
                header_seen = True
                if tuple(f) != COLUMNS:
                    problems.append(f"{path}:{lineno}: header must be {' '.join(COLUMNS)} (tab-separated)")
                    break
                continue
            if len(f) != len(COLUMNS):
                problems.append(f"{path}:{lineno}: expected {len(COLUMNS)} columns, found {len(f)}")
                continue
            try:
                lat, lon, pop, prec = float(f[6]), float(f[7]), int(f[9] or 0), int(f[10] or 1)
            except ValueError:
                problems.append(f"{path}:{lineno}: latitude, longitude, population, geo_precision must be numbers")
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or prec not in (1, 2, 3) or not f[0] or not f[1]:
                problems.append(f"{path}:{lineno}: {f[0] or '?'}: needs an id, a name, a position on Earth and "
                                "geo_precision 1-3")
                continue
            places.append(ImportedPlace(id=f[0], name=f[1], aliases=tuple(a for a in f[2].split("|") if a),
                                        country_code=f[3].upper(), admin1=f[4], admin2=f[5], latitude=lat,
                                        longitude=lon, kind=f[8] or "place", population=pop, geo_precision=prec))
    if not source:
        problems.append(f"{path}:1: missing the '# source: ...' line (every imported place needs its source)")
    if problems:
        raise KnowledgeBaseError(f"{path}: {len(problems)} problem(s) in an imported places file",
                                 code=Code.IMPORTED_PLACES, problems=problems)
    return source, places


def imported_place_files(dirs: Iterable[Path | str]) -> list[Path]:
    """The imported-places files of knowledge-base folders (`DIR/places/imported-*.tsv`), in order."""
    out: list[Path] = []
    for d in dirs:
        folder = Path(d).expanduser() / "places"
        if folder.is_dir():
            out.extend(sorted(folder.glob(f"{PREFIX}*{SUFFIX}")))
    return out


def import_places(source: Path, out_dir: Path, *, fmt: str = "auto", countries: Sequence[str] = (),
                  feature_classes: Sequence[str] = DEFAULT_FEATURE_CLASSES) -> tuple[Path, int, str]:
    """Import SOURCE (a GeoNames dump or an ACLED export) into OUT_DIR/places/imported-*.tsv.
    Returns (path written, number of places, the format read)."""
    source = Path(source)
    fmt = detect_format(source) if fmt == "auto" else fmt
    if fmt == "geonames":
        places = geonames_places(source, countries=countries, feature_classes=feature_classes)
        note = f"GeoNames dump {source.name} (user-supplied; https://www.geonames.org, CC BY 4.0)"
    elif fmt == "acled":
        places = acled_places(read_acled_rows(source), countries=countries)
        note = f"ACLED export {source.name} (user-supplied), location as coded by ACLED"
    else:
        raise KnowledgeBaseError(f"unknown source format {fmt!r} (geonames, acled or auto)", code=Code.PLACE_SOURCE)
    if not places:
        raise KnowledgeBaseError(f"{source}: no places to import" + (f" for {', '.join(countries)}" if countries
                                                                       else ""), code=Code.PLACE_SOURCE)
    path = output_path(out_dir, source)
    return path, write_places(path, places, source=note), fmt


def places_as_rows(places: Iterable[ImportedPlace]) -> list[dict[str, Any]]:
    """Imported places as plain dicts (for JSON output)."""
    return [{c: getattr(p, c) for c in COLUMNS} for p in places]
