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

The imported-places file format and its reader and writer are in `place_files.py`.
"""
from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ..errors import Code, InputError, KnowledgeBaseError
from ..ingest.acled import open_text_file, read_acled_rows as ingest_acled_rows
from .place_files import ImportedPlace, output_path, read_reference, write_places

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

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_2", "alpha_3"):
            value = getattr(c, attr, None)
            if value:
                table.setdefault(" ".join(_words(value)), c.alpha_2)
    ref = read_reference()
    for cc, name in (ref.get("acled_names") or {}).items():
        table[" ".join(_words(name))] = cc
    for cc, names in (ref.get("aliases") or {}).items():
        for name in names:
            table.setdefault(" ".join(_words(name)), cc)
    table.setdefault("kosovo", "XK")
    return table


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
