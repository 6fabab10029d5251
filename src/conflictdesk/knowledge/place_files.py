"""Files of places, read and written below both the gazetteer and the importer of user gazetteers:
the gazetteer's reference data (`data/places/reference/countries.yaml`), curated place YAML
files, and imported-places files (`DIR/places/imported-*.tsv`).

Imported-places file format (UTF-8, tab-separated, `#` lines are comments; the `# source:` line
is the source of every place in the file):

    # conflictdesk imported places v1
    # source: ACLED export acled.csv (user-supplied), location as coded by ACLED
    id  name  aliases  country_code  admin1  admin2  latitude  longitude  kind  population  geo_precision

`aliases` is `|`-separated. Rows are validated on read: a bad row fails with file and line.
Files are written atomically: a failed write leaves neither a partial file nor a temporary one.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from ..config import DATA_DIR
from ..errors import Code, KnowledgeBaseError
from ..yamlfile import YamlError, read_yaml
from .cache import write_atomically

REFERENCE_FILE = DATA_DIR / "places" / "reference" / "countries.yaml"
FILE_FORMAT = "conflictdesk imported places v1"
COLUMNS = ("id", "name", "aliases", "country_code", "admin1", "admin2", "latitude", "longitude", "kind",
           "population", "geo_precision")
PREFIX = "imported-"
SUFFIX = ".tsv"


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


# --- the reference data and curated places -------------------------------------------------------
def read_reference() -> dict[str, Any]:
    """The gazetteer's reference data (`reference/countries.yaml`): ACLED country and admin1 names,
    aliases, macro-regions that are no places."""
    try:
        doc = read_yaml(REFERENCE_FILE)
    except YamlError as exc:
        raise KnowledgeBaseError(f"{REFERENCE_FILE}: cannot be read ({exc})", code=Code.GAZETTEER_FILE) from None
    data = doc.value
    if doc.problems:
        raise KnowledgeBaseError(f"{REFERENCE_FILE}: {'; '.join(map(str, doc.problems))}", code=Code.GAZETTEER_FILE)
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{REFERENCE_FILE}: expected a mapping", code=Code.GAZETTEER_FILE)
    return data


def load_curated_files(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Read curated place YAML files (a list of entries each) without the knowledge-base loader."""
    out: list[dict[str, Any]] = []
    for path in paths:
        try:
            data = read_yaml(Path(path)).value or []
        except YamlError as exc:
            raise KnowledgeBaseError(f"{path}: cannot be read ({exc})", code=Code.GAZETTEER_FILE) from None
        if not isinstance(data, list):
            raise KnowledgeBaseError(f"{path}: expected a list of places", code=Code.GAZETTEER_FILE)
        out.extend(data)
    return out


def shipped_curated() -> list[dict[str, Any]]:
    """The shipped curated places, read directly (for tools and tests that need no KnowledgeBase)."""
    return load_curated_files(sorted((DATA_DIR / "places").glob("*.yaml")))


# --- imported-places files ----------------------------------------------------------------------
def output_path(out_dir: Path, source: Path) -> Path:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(source).name.rsplit(".", 1)[0]).strip("-") or "places"
    return Path(out_dir) / "places" / f"{PREFIX}{stem}{SUFFIX}"


def write_places(path: Path, places: Iterable[ImportedPlace], *, source: str) -> int:
    """Write places as an imported-places TSV (atomically: a failed write leaves no file behind);
    returns how many were written."""
    path = Path(path)
    written = 0

    def write(stream: Any) -> None:
        nonlocal written
        fh = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        fh.write(f"# {FILE_FORMAT}\n# source: {_clean(source)}\n" + "\t".join(COLUMNS) + "\n")
        for p in places:
            fh.write("\t".join((_clean(p.id), _clean(p.name), "|".join(_clean(a) for a in p.aliases),
                                p.country_code, _clean(p.admin1), _clean(p.admin2), f"{p.latitude:.5f}",
                                f"{p.longitude:.5f}", p.kind, str(p.population), str(p.geo_precision))) + "\n")
            written += 1
        fh.flush()
        fh.detach()      # write_atomically closes the file

    try:
        write_atomically(path, write)
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot write {path}: {exc.strerror or exc}", code=Code.PLACES_WRITE) from None
    return written


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
