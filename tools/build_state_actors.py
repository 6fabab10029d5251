#!/usr/bin/env python3
"""Generate the state and generic per-country actors of the knowledge base.

Writes `src/conflictdesk/data/actors/states*.yaml` (for every state: the state, its military,
police and government as ACLED names them) and `src/conflictdesk/data/actors/generic_*.yaml`
(ACLED's generic per-country actors: Civilians (X), Protesters (X), Rioters (X), Unidentified
Armed Group (X) and the social groups ACLED codes as associated actors, e.g. Students (X)).

Inputs: pycountry (ISO 3166-1 names) plus the hand tables below (ACLED's spelling of country
names, demonyms, and the year range ACLED puts after a state's forces, i.e. the period of the
current head of state or regime). A range is given only where it is known; elsewhere the name
carries no range, and older ACLED names are kept as aliases.

Usage:  .venv/bin/python tools/build_state_actors.py          (rewrites the files)
        .venv/bin/python tools/build_state_actors.py --check  (exit 1 if the files are stale)
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import pycountry
import yaml

OUT_DIR = Path(__file__).resolve().parents[1] / "src" / "conflictdesk" / "data" / "actors"
CODEBOOK = "https://acleddata.com/knowledge-base/codebook/"
ISO_PAGE = "https://www.iso.org/obp/ui/#iso:code:3166:{code}"

# The 193 UN member states (ISO 3166-1 alpha-2), https://www.un.org/en/about-us/member-states
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA
CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE
GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR
LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM
PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK
SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""".split()
# States and territories ACLED lists that are not UN members.
NON_MEMBERS = ["PS", "XK", "TW", "EH"]
KOSOVO = {"alpha_2": "XK", "name": "Kosovo", "official_name": "Republic of Kosovo"}

# ACLED's spelling where it differs from pycountry's common name.
ACLED_COUNTRY = {
    "BN": "Brunei", "CV": "Cape Verde", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CZ": "Czech Republic", "FM": "Micronesia", "PS": "Palestine", "RU": "Russia",
    "TL": "East Timor", "TR": "Turkey", "VA": "Vatican City",
}
# Further names for a state (besides ISO's name and official name).
EXTRA_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "the United Kingdom"],
    "AE": ["UAE", "U.A.E.", "the Emirates", "the United Arab Emirates"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "KP": ["DPRK"], "KR": ["ROK", "Republic of Korea"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of the Congo"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"], "CZ": ["Czechia"], "TL": ["Timor-Leste"],
    "TR": ["Türkiye", "Turkiye"], "SZ": ["eSwatini", "Swaziland"], "MM": ["Burma"],
    "MK": ["Macedonia"], "CV": ["Cabo Verde"], "PS": ["State of Palestine", "Palestinian territories"],
    "VN": ["Viet Nam"], "LA": ["Lao PDR"], "NL": ["Holland"], "EH": ["Sahrawi Arab Democratic Republic"],
    "TW": ["Republic of China"], "BS": ["The Bahamas"], "GM": ["The Gambia"], "VA": ["Holy See"],
}
CASE_SENSITIVE = {"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "U.A.E.", "KSA", "DPRK", "ROK", "DRC"}
# State names that are also common words or people's names, and phrases that hold a state's name
# without naming it (see the matcher's rules in knowledge/schema.py).
NAME_CASE_SENSITIVE = {"Turkey", "China", "Japan"}          # turkey, china (porcelain), japan (lacquer)
ENGLISH_WORDS = {"US": ["US"]}                              # "LET US KNOW" in all-caps text
PERSONAL_NAMES = {"JO": ["Jordan"], "TD": ["Chad"]}         # "Michael Jordan", "Chad Smith"
NOT_WITHIN = {"US": ["Latin America", "South America", "North America", "Central America", "Latin American",
                     "Latin Americans", "South American", "South Americans", "North American", "North Americans",
                     "Central American", "Central Americans", "Native American", "Native Americans",
                     "African American", "African Americans", "Pan American", "Bank of America",
                     "Captain America", "Miss America", "American Samoa", "Organization of American States"]}
# Aliases shared on purpose between entries (the matcher treats them as ambiguous).
SHARED = {"Congo", "Korea", "Guinea", "Sudan", "Georgia"}

# Demonyms (adjective first). Used for aliases such as "Iranian military" and the `demonyms` field.
DEMONYMS = {
    "AF": ["Afghan"], "AL": ["Albanian"], "DZ": ["Algerian"], "AD": ["Andorran"], "AO": ["Angolan"],
    "AG": ["Antiguan"], "AR": ["Argentine", "Argentinian"], "AM": ["Armenian"], "AU": ["Australian"],
    "AT": ["Austrian"], "AZ": ["Azerbaijani"], "BS": ["Bahamian"], "BH": ["Bahraini"],
    "BD": ["Bangladeshi"], "BB": ["Barbadian"], "BY": ["Belarusian"], "BE": ["Belgian"],
    "BZ": ["Belizean"], "BJ": ["Beninese"], "BT": ["Bhutanese"], "BO": ["Bolivian"],
    "BA": ["Bosnian"], "BW": ["Botswanan"], "BR": ["Brazilian"], "BN": ["Bruneian"],
    "BG": ["Bulgarian"], "BF": ["Burkinabe", "Burkinabè"], "BI": ["Burundian"], "CV": ["Cape Verdean"],
    "KH": ["Cambodian"], "CM": ["Cameroonian"], "CA": ["Canadian"], "CF": ["Central African"],
    "TD": ["Chadian"], "CL": ["Chilean"], "CN": ["Chinese"], "CO": ["Colombian"], "KM": ["Comorian"],
    "CG": [], "CD": ["Congolese"], "CR": ["Costa Rican"], "CI": ["Ivorian"], "HR": ["Croatian"],
    "CU": ["Cuban"], "CY": ["Cypriot"], "CZ": ["Czech"], "DK": ["Danish"], "DJ": ["Djiboutian"],
    "DM": [], "DO": ["Dominican"], "EC": ["Ecuadorian"], "EG": ["Egyptian"],
    "SV": ["Salvadoran"], "GQ": ["Equatorial Guinean"], "ER": ["Eritrean"], "EE": ["Estonian"],
    "SZ": ["Swazi", "Emaswati"], "ET": ["Ethiopian"], "FJ": ["Fijian"], "FI": ["Finnish"],
    "FR": ["French"], "GA": ["Gabonese"], "GM": ["Gambian"], "GE": ["Georgian"], "DE": ["German"],
    "GH": ["Ghanaian"], "GR": ["Greek"], "GD": ["Grenadian"], "GT": ["Guatemalan"], "GN": ["Guinean"],
    "GW": ["Bissau-Guinean"], "GY": ["Guyanese"], "HT": ["Haitian"], "HN": ["Honduran"],
    "HU": ["Hungarian"], "IS": ["Icelandic"], "IN": ["Indian"], "ID": ["Indonesian"],
    "IR": ["Iranian"], "IQ": ["Iraqi"], "IE": ["Irish"], "IL": ["Israeli"], "IT": ["Italian"],
    "JM": ["Jamaican"], "JP": ["Japanese"], "JO": ["Jordanian"], "KZ": ["Kazakh", "Kazakhstani"],
    "KE": ["Kenyan"], "KI": ["I-Kiribati"], "KP": ["North Korean"], "KR": ["South Korean"],
    "KW": ["Kuwaiti"], "KG": ["Kyrgyz"], "LA": ["Lao", "Laotian"], "LV": ["Latvian"],
    "LB": ["Lebanese"], "LS": ["Basotho"], "LR": ["Liberian"], "LY": ["Libyan"],
    "LI": ["Liechtensteiner"], "LT": ["Lithuanian"], "LU": ["Luxembourgish"], "MG": ["Malagasy"],
    "MW": ["Malawian"], "MY": ["Malaysian"], "MV": ["Maldivian"], "ML": ["Malian"], "MT": ["Maltese"],
    "MH": ["Marshallese"], "MR": ["Mauritanian"], "MU": ["Mauritian"], "MX": ["Mexican"],
    "FM": ["Micronesian"], "MD": ["Moldovan"], "MC": ["Monegasque"], "MN": ["Mongolian"],
    "ME": ["Montenegrin"], "MA": ["Moroccan"], "MZ": ["Mozambican"], "MM": ["Myanmar", "Burmese"],
    "NA": ["Namibian"], "NR": ["Nauruan"], "NP": ["Nepali", "Nepalese"], "NL": ["Dutch"],
    "NZ": ["New Zealander"], "NI": ["Nicaraguan"], "NE": ["Nigerien"], "NG": ["Nigerian"],
    "MK": ["North Macedonian", "Macedonian"], "NO": ["Norwegian"], "OM": ["Omani"],
    "PK": ["Pakistani"], "PW": ["Palauan"], "PA": ["Panamanian"], "PG": ["Papua New Guinean"],
    "PY": ["Paraguayan"], "PE": ["Peruvian"], "PH": ["Philippine", "Filipino"], "PL": ["Polish"],
    "PT": ["Portuguese"], "QA": ["Qatari"], "RO": ["Romanian"], "RU": ["Russian"], "RW": ["Rwandan"],
    "KN": ["Kittitian"], "LC": ["Saint Lucian"], "VC": ["Vincentian"], "WS": ["Samoan"],
    "SM": ["Sammarinese"], "ST": ["Santomean"], "SA": ["Saudi", "Saudi Arabian"], "SN": ["Senegalese"],
    "RS": ["Serbian"], "SC": ["Seychellois"], "SL": ["Sierra Leonean"], "SG": ["Singaporean"],
    "SK": ["Slovak"], "SI": ["Slovenian", "Slovene"], "SB": ["Solomon Islander"], "SO": ["Somali"],
    "ZA": ["South African"], "SS": ["South Sudanese"], "ES": ["Spanish"], "LK": ["Sri Lankan"],
    "SD": ["Sudanese"], "SR": ["Surinamese"], "SE": ["Swedish"], "CH": ["Swiss"], "SY": ["Syrian"],
    "TJ": ["Tajik", "Tajikistani"], "TZ": ["Tanzanian"], "TH": ["Thai"], "TL": ["Timorese"],
    "TG": ["Togolese"], "TO": ["Tongan"], "TT": ["Trinidadian"], "TN": ["Tunisian"],
    "TR": ["Turkish"], "TM": ["Turkmen"], "TV": ["Tuvaluan"], "UG": ["Ugandan"], "UA": ["Ukrainian"],
    "AE": ["Emirati"], "GB": ["British"], "US": ["American", "US", "U.S."], "UY": ["Uruguayan"],
    "UZ": ["Uzbek"], "VU": ["Ni-Vanuatu"], "VE": ["Venezuelan"], "VN": ["Vietnamese"],
    "YE": ["Yemeni"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"], "PS": ["Palestinian"],
    "XK": ["Kosovar", "Kosovan"], "TW": ["Taiwanese"], "EH": ["Sahrawi"],
}

# Nouns for a state's people that are not the adjective plus "s" (the matcher reads all of them
# from the state's `demonyms` key). Left out: "Poles" (a common noun) and the singular nouns that are
# also names ("Finn", "Dane", "Turk" as in "CNN Turk").
DEMONYM_NOUNS = {
    "GB": ["Briton", "Britons"], "TR": ["Turks"], "DK": ["Danes"], "FI": ["Finns"], "SE": ["Swedes"],
    "ES": ["Spaniard", "Spaniards"], "PH": ["Filipinos"], "IS": ["Icelanders"], "NL": ["Dutchman", "Dutchmen"],
    "FR": ["Frenchman", "Frenchmen"], "IE": ["Irishman", "Irishmen"], "CZ": ["Czechs"],
}
# Adjectives with no plural noun made by adding "s" (Chinese, French, Swiss, Malagasy, ...).
NO_PLURAL = re.compile(r"(?:ese|ish|ch|ss|s|x|z|y|ic|o|è|Philippine|Lao|Myanmar|I-Kiribati|Ni-Vanuatu|Emaswati|"
                       r"Kyrgyz|Turkmen)$")


def demonyms(code: str) -> list[str]:
    """The state's adjectives, their plurals ("Iranian", "Iranians") and DEMONYM_NOUNS."""
    out: list[str] = []
    for adj in DEMONYMS.get(code, []):
        out.append(adj)
        if adj not in {"US", "U.S."} and not NO_PLURAL.search(adj):
            out.append(adj + "s")
    return list(dict.fromkeys(out + DEMONYM_NOUNS.get(code, [])))

# The year range ACLED writes after the names of a state's forces and government: the period of
# the current head of state or regime. Only ranges known to be current are listed.
CURRENT_RANGE = {
    "Iran": "1989-", "Iraq": "2022-", "Israel": "2022-", "Syria": "2024-", "Turkey": "2016-",
    "Saudi Arabia": "2015-", "Bahrain": "1999-", "Egypt": "2014-", "Russia": "2000-", "Palestine": "1994-",
    "Uganda": "1986-", "Cameroon": "1982-", "South Sudan": "2011-", "South Africa": "1994-",
    "Central African Republic": "2016-", "Djibouti": "1999-", "Equatorial Guinea": "1979-",
    "Eritrea": "1993-", "Ivory Coast": "2011-", "Morocco": "1999-", "Republic of Congo": "1997-",
    "Rwanda": "1994-", "Eswatini": "1986-", "Togo": "2005-",
}
# Earlier ACLED names of the same state's forces (as found in ACLED's public data), kept as aliases.
OLD_RANGES = {
    "Iraq": ["2014-", "2014-2018", "1979-2003"], "Israel": ["2009-"], "Syria": ["2000-"],
    "Yemen": ["2012-"], "Lebanon": ["2016-"], "United Arab Emirates": ["2004-"], "Sudan": ["1989-"],
    "Libya": ["2014-", "2015-", "2016-", "1969-2011"], "Algeria": ["1999-"], "Angola": ["1975-"],
    "Benin": ["2006-"], "Burkina Faso": ["2014-"], "Burundi": ["2005-"], "Chad": ["1990-"],
    "Democratic Republic of Congo": ["2001-"], "Ethiopia": ["1991-"], "Gabon": ["2009-"],
    "Gambia": ["1994-"], "Ghana": ["2012-"], "Guinea": ["2010-"], "Guinea-Bissau": ["2014-"],
    "Kenya": ["2013-"], "Liberia": ["2005-"], "Madagascar": ["2014-"], "Malawi": ["2014-"],
    "Mali": ["2013-"], "Mauritania": ["2009-"], "Mozambique": ["2005-"], "Namibia": ["2015-"],
    "Niger": ["2011-"], "Nigeria": ["2015-"], "Senegal": ["2012-"], "Sierra Leone": ["2007-"],
    "Somalia": ["2012-"], "Tanzania": ["2015-"], "Tunisia": ["2014-", "2011-2014"],
    "Zambia": ["2015-"], "Zimbabwe": ["1987-"], "Central African Republic": ["2013-"],
}
# The periods ACLED names a state's forces, police and government by (the head of state's or, for
# Iraq and Israel, the prime minister's time in office): range -> (since, until, source of the
# dates, the range ACLED wrote while the period was current). The open period is the current name
# (it replaces CURRENT_RANGE and takes `since`); each closed one is an entry of its own with
# `since`/`until`, so an event is named by the period it happened in (kb.actor_on): a 2016 Syrian
# army strike is by "Military Forces of Syria (2000-2024)", not "(2024-)".
WIKI = "https://en.wikipedia.org/wiki/"
PERIODS: dict[str, list[tuple[str, str, str | None, str, tuple[str, ...]]]] = {
    "Syria": [("2000-2024", "2000-07-17", "2024-12-08", WIKI + "President_of_Syria", ("2000-",)),
              ("2024-", "2024-12-08", None, WIKI + "Fall_of_the_Assad_regime", ())],
    "Iraq": [("1979-2003", "1979-07-16", "2003-04-09", WIKI + "President_of_Iraq", ()),
             ("2006-2014", "2006-05-20", "2014-09-08", WIKI + "List_of_prime_ministers_of_Iraq", ()),
             ("2014-2018", "2014-09-08", "2018-10-25", WIKI + "List_of_prime_ministers_of_Iraq", ("2014-",)),
             ("2018-2020", "2018-10-25", "2020-05-07", WIKI + "List_of_prime_ministers_of_Iraq", ()),
             ("2020-2022", "2020-05-07", "2022-10-27", WIKI + "List_of_prime_ministers_of_Iraq", ()),
             ("2022-", "2022-10-27", None, WIKI + "List_of_prime_ministers_of_Iraq", ())],
    "Israel": [("2009-2021", "2009-03-31", "2021-06-13", WIKI + "List_of_prime_ministers_of_Israel", ("2009-",)),
               ("2021-2022", "2021-06-13", "2022-12-29", WIKI + "List_of_prime_ministers_of_Israel", ()),
               ("2022-", "2022-12-29", None, WIKI + "List_of_prime_ministers_of_Israel", ())],
    "United States": [
        ("2009-2017", "2009-01-20", "2017-01-20", WIKI + "List_of_presidents_of_the_United_States", ()),
        ("2017-2021", "2017-01-20", "2021-01-20", WIKI + "List_of_presidents_of_the_United_States", ()),
        ("2021-2025", "2021-01-20", "2025-01-20", WIKI + "List_of_presidents_of_the_United_States", ("2021-",)),
        ("2025-", "2025-01-20", None, WIKI + "List_of_presidents_of_the_United_States", ())],
    "Somalia": [("2012-2017", "2012-09-16", "2017-02-16", WIKI + "President_of_Somalia", ("2012-",)),
                ("2017-2022", "2017-02-16", "2022-05-23", WIKI + "President_of_Somalia", ()),
                ("2022-", "2022-05-23", None, WIKI + "President_of_Somalia", ())],
    "Nigeria": [("2015-2023", "2015-05-29", "2023-05-29", WIKI + "President_of_Nigeria", ("2015-",)),
                ("2023-", "2023-05-29", None, WIKI + "President_of_Nigeria", ())],
    "Afghanistan": [("2014-2021", "2014-09-29", "2021-08-15", WIKI + "President_of_Afghanistan", ("2014-",)),
                    # the Taliban's rule: ACLED's range for it is not listed here, the name stays bare
                    ("", "2021-08-15", None, WIKI + "Fall_of_Kabul_(2021)", ())],
}


def current_range(country: str) -> str | None:
    """The range after the current name of a state's forces ("2024-"), None when none is known."""
    periods = PERIODS.get(country)
    if periods:
        return periods[-1][0] or None
    return CURRENT_RANGE.get(country)


def old_ranges(country: str) -> list[str]:
    """Earlier ACLED ranges kept as aliases of the current entry: those no period entry holds."""
    held = {r for rng, *_, aka in PERIODS.get(country, []) for r in (rng, *aka)}
    return [r for r in OLD_RANGES.get(country, []) if r not in held]


# Well-known names of a state's forces (ISO alpha-2 -> kind -> aliases), each from the force's
# Wikipedia article.
FORCE_ALIASES = {
    "IL": {"Military Forces": ["IDF", "Israel Defense Forces", "Israel Defence Forces", "Tzahal", "צה\"ל"],
           "Police Forces": ["Israel Police", "Israeli Police"]},
    "SY": {"Military Forces": ["Syrian Arab Army", "SAA", "Syrian government forces", "Syrian Arab Armed Forces"]},
    "IQ": {"Military Forces": ["Iraqi Security Forces", "ISF", "Iraqi Armed Forces", "Iraqi Army"],
           "Police Forces": ["Iraqi Federal Police", "Federal Police (Iraq)"]},
    "LB": {"Military Forces": ["Lebanese Armed Forces", "LAF", "Lebanese Army"]},
    "TR": {"Military Forces": ["Turkish Armed Forces", "TSK", "TAF"]},
    "JO": {"Military Forces": ["Jordanian Armed Forces", "JAF", "Jordan Armed Forces"]},
    "EG": {"Military Forces": ["Egyptian Armed Forces"]},
    "IR": {"Police Forces": ["FARAJA", "Law Enforcement Command of the Islamic Republic of Iran", "Iranian Police Command"]},
    "SA": {"Military Forces": ["Saudi Arabian Armed Forces", "Royal Saudi Air Force", "RSAF"]},
    "RU": {"Military Forces": ["Russian Armed Forces", "Russian Aerospace Forces", "VKS"]},
    "US": {"Military Forces": ["US Armed Forces", "United States Armed Forces", "US military", "U.S. military",
                               "US Army", "U.S. Army", "US Air Force", "U.S. Air Force", "US Navy", "U.S. Navy"]},
    "GB": {"Military Forces": ["British Armed Forces", "Royal Air Force", "RAF"]},
}
FORCE_SOURCES = {"IL": "https://en.wikipedia.org/wiki/Israel_Defense_Forces"}

# Seats that news names for the government or forces sitting in them ("the Kremlin said", "the Pentagon
# denied"): ISO alpha-2 -> kind -> (alias, source: the Wikipedia article on the metonym). A bare capital
# ("Moscow", "Washington") is not one: it is far more often the place.
SEAT_ALIASES = {
    "RU": {"Government": [("Kremlin", WIKI + "Moscow_Kremlin")]},
    "US": {"Government": [("White House", WIKI + "White_House"),
                          ("State Department", WIKI + "United_States_Department_of_State"),
                          ("US State Department", WIKI + "United_States_Department_of_State"),
                          ("U.S. State Department", WIKI + "United_States_Department_of_State"),
                          ("Foggy Bottom", WIKI + "Foggy_Bottom,_Washington,_D.C.")],
           "Military Forces": [("Pentagon", WIKI + "The_Pentagon"),
                               ("US Defense Department", WIKI + "United_States_Department_of_Defense"),
                               ("U.S. Defense Department", WIKI + "United_States_Department_of_Defense"),
                               ("US Department of Defense", WIKI + "United_States_Department_of_Defense"),
                               ("U.S. Department of Defense", WIKI + "United_States_Department_of_Defense")]},
    "GB": {"Government": [("Downing Street", WIKI + "Downing_Street"),
                          ("Number 10", WIKI + "10_Downing_Street")]},
    "FR": {"Government": [("Elysee", WIKI + "Élysée_Palace"), ("Élysée", WIKI + "Élysée_Palace"),
                          ("Elysee Palace", WIKI + "Élysée_Palace"),
                          ("Élysée Palace", WIKI + "Élysée_Palace"),
                          ("Quai d'Orsay", WIKI + "Quai_d%27Orsay")]},
}
# seats matched only as capitalised: "a white house", "a pentagon" (the shape), "number 10" (a count)
SEAT_CASE_SENSITIVE = {"White House", "Pentagon", "Number 10", "Downing Street", "Foggy Bottom", "Kremlin"}

# ACLED wrote some names without "the" (e.g. "Military Forces of United States" in 2018 data).
THE = {"United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines",
       "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles", "Marshall Islands", "Solomon Islands"}

# ACLED's generic per-country actors: (id prefix, ACLED label, type, inter).
GENERIC = [
    ("civilians", "Civilians", "civilian_group", 7),
    ("protesters", "Protesters", "protesters", 6),
    ("rioters", "Rioters", "rioters", 5),
    ("unidentified-armed-group", "Unidentified Armed Group", "unidentified_armed_group", 3),
]
# Social and other groups ACLED names per country, mostly as associated actors.
GROUPS = [
    ("labour-group", "Labour Group", "civilian_group", 7),
    ("students", "Students", "civilian_group", 7),
    ("teachers", "Teachers", "civilian_group", 7),
    ("farmers", "Farmers", "civilian_group", 7),
    ("fishermen", "Fishermen", "civilian_group", 7),
    ("journalists", "Journalists", "civilian_group", 7),
    ("lawyers", "Lawyers", "civilian_group", 7),
    ("health-workers", "Health Workers", "civilian_group", 7),
    ("aid-workers", "Aid Workers", "civilian_group", 7),
    ("refugees-idps", "Refugees/IDPs", "civilian_group", 7),
    ("prisoners", "Prisoners", "civilian_group", 7),
    ("women", "Women", "civilian_group", 7),
    ("unidentified-communal-militia", "Unidentified Communal Militia", "identity_militia", 4),
    ("unidentified-tribal-militia", "Unidentified Tribal Militia", "identity_militia", 4),
    ("unidentified-military-forces", "Unidentified Military Forces", "external_force", 8),
    ("private-security-forces", "Private Security Forces", "other", 8),
    ("prison-guards", "Prison Guards", "police", 1),
]
# ACLED's actor for one person acting alone, in the countries whose data name it: "Sole Perpetrator (United
# States)", inter 3, actor1 of attacks by a lone assailant in ACLED's US data
# (../shared/data/acled-2022h1-world, 8 rows). Typed as the unidentified armed group it stands in for.
SOLE = [("sole-perpetrator", "Sole Perpetrator", "unidentified_armed_group", 3)]
SOLE_COUNTRIES = ("US",)


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def countries() -> list[dict]:
    out = []
    for code in sorted(UN_MEMBERS + NON_MEMBERS, key=lambda c: c):
        if code == "XK":
            rec = dict(KOSOVO)
        else:
            c = pycountry.countries.get(alpha_2=code)
            rec = {"alpha_2": code, "name": c.name, "common_name": getattr(c, "common_name", None),
                   "official_name": getattr(c, "official_name", None)}
        rec["acled"] = ACLED_COUNTRY.get(code) or rec.get("common_name") or rec["name"]
        out.append(rec)
    return out


def forms(country: str) -> list[str]:
    """`Iran`, and for names ACLED has written both ways, `the United States` too."""
    return [f"the {country}", country] if country in THE else [country]


def state_entries(rec: dict) -> list[dict]:
    code, country = rec["alpha_2"], rec["acled"]
    slug = slugify(country)
    dem = demonyms(code)
    adjectives = [d for d in DEMONYMS.get(code, []) if d not in {"US", "U.S."} or code == "US"]
    rng = current_range(country)
    suffix = f" ({rng})" if rng else ""
    iso_source = ISO_PAGE.format(code=code) if code != "XK" else "https://en.wikipedia.org/wiki/Kosovo"
    names = [rec["name"], rec.get("common_name"), rec.get("official_name"), *EXTRA_ALIASES.get(code, [])]
    aliases = [n for n in dict.fromkeys(n.strip() for n in names if n) if n != country and "," not in n]
    case = [a for a in [country, *aliases] if a in CASE_SENSITIVE or a in NAME_CASE_SENSITIVE]
    shared = [a for a in aliases if a in SHARED]
    state = {"id": slug, "name": country, "type": "state", "country": country, "aliases": aliases}
    if case:
        state["case_sensitive"] = case
    if shared:
        state["ambiguous_aliases"] = shared
    if dem:
        state["demonyms"] = dem
    for key, table in (("english_words", ENGLISH_WORDS), ("personal_names", PERSONAL_NAMES),
                       ("not_within", NOT_WITHIN)):
        if table.get(code):
            state[key] = table[code]
    state["source"] = iso_source

    def old(kind: str) -> list[str]:
        out = [f"{kind} of {form} ({r})" for r in old_ranges(country) for form in forms(country)]
        out += [f"{kind} of {form}" for form in forms(country)]
        if rng:
            out += [f"{kind} of {form} ({rng})" for form in forms(country)]
        return out

    short = [a for a in aliases if a in {"US", "U.S.", "UK", "UAE", "Britain"}]
    mil_aliases = [*old("Military Forces"), *(f"Armed Forces of {f}" for f in forms(country)),
                   f"{country} military", f"{country} armed forces"]
    pol_aliases = [*old("Police Forces"), f"{country} police"]
    gov_aliases = [*old("Government"), f"{country} government"]
    for adj in adjectives + short:
        mil_aliases += [f"{adj} military", f"{adj} armed forces", f"{adj} army", f"{adj} forces",
                        f"{adj} troops", f"{adj} soldiers"]
        pol_aliases += [f"{adj} police", f"{adj} police forces"]
        gov_aliases += [f"{adj} government", f"{adj} authorities"]
    if code == "US":
        mil_aliases += ["American service members", "US service members", "U.S. service members"]
    for kind, extra in FORCE_ALIASES.get(code, {}).items():
        target = mil_aliases if kind == "Military Forces" else pol_aliases
        target[:0] = extra
    for kind, seats in SEAT_ALIASES.get(code, {}).items():
        target = mil_aliases if kind == "Military Forces" else gov_aliases
        target += [alias for alias, _source in seats]
    entries = [state]
    for kind, prefix, typ, aka in (
        ("Military Forces", "military-forces-of", "state_forces", mil_aliases),
        ("Police Forces", "police-forces-of", "police", pol_aliases),
        ("Government", "government-of", "government", gov_aliases),
    ):
        acled = f"{kind} of {forms(country)[0]}{suffix}"
        al = [a for a in dict.fromkeys(aka) if a not in (acled, f"{kind} of {forms(country)[0]}")]
        entry = {"id": f"{prefix}-{slug}", "name": f"{kind} of {forms(country)[0]}", "acled_name": acled,
                 "type": typ, "inter": 1, "country": country}
        periods = PERIODS.get(country, [])
        if periods:
            entry["since"] = periods[-1][1]
        entry["aliases"] = al
        cs = [a for a in al if a.split()[0] in {"US", "U.S.", "UK", "UAE"} or a in {"SAA", "ISF", "LAF", "TSK", "TAF",
                                                                                 "JAF", "RSAF", "VKS", "RAF", "IDF", "FARAJA"}
              or a in SEAT_CASE_SENSITIVE]
        if cs:
            entry["case_sensitive"] = cs
        entry["relations"] = [{"type": "part_of", "object": slug, "source": CODEBOOK}]
        entry["source"] = CODEBOOK
        entries.append(entry)
        entries += [period_entry(kind, prefix, typ, country, period) for period in periods[:-1]]
    return entries


def period_entry(kind: str, prefix: str, typ: str, country: str,
                 period: tuple[str, str, str | None, str, tuple[str, ...]]) -> dict:
    """The forces (police, government) of a closed period: "Military Forces of Syria (2000-2024)",
    with the range ACLED wrote while it was current ("(2000-)") as an alias."""
    rng, since, until, source, current_then = period
    name = f"{kind} of {forms(country)[0]} ({rng})"
    aliases = [f"{kind} of {form} ({r})" for r in (rng, *current_then) for form in forms(country)]
    return {"id": f"{prefix}-{slugify(country)}-{rng}", "name": name, "acled_name": name, "type": typ, "inter": 1,
            "country": country, "since": since, "until": until, "aliases": [a for a in aliases if a != name],
            "relations": [{"type": "part_of", "object": slugify(country), "source": CODEBOOK}], "source": source}


def generic_entries(rec: dict, table: list[tuple[str, str, str, int]]) -> list[dict]:
    country = rec["acled"]
    slug = slugify(country)
    out = []
    for prefix, label, typ, inter in table:
        name = f"{label} ({country})"
        out.append({"id": f"{prefix}-{slug}", "name": name, "acled_name": name, "type": typ, "inter": inter,
                    "country": country, "source": CODEBOOK})
    return out


def international_generic(table: list[tuple[str, str, str, int]]) -> list[dict]:
    out = []
    for prefix, label, typ, inter in table:
        name = f"{label} (International)"
        out.append({"id": f"{prefix}-international", "name": name, "acled_name": name, "type": typ,
                    "inter": inter, "source": CODEBOOK})
    return out


HEADER = """\
# GENERATED by tools/build_state_actors.py from pycountry and the hand tables in that script.
# Do not edit by hand: change the script and re-run it. {what}
"""


class _Dumper(yaml.SafeDumper):
    pass


def _flow_lists(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(x, str) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _flow_lists)


def dump(entries: list[dict], what: str, *, one_line: bool = False) -> str:
    if one_line:
        lines = [yaml.dump([e], Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=10_000,
                           default_flow_style=None) for e in entries]
        body = "".join(line if line.startswith("- {") else "- " + yaml.dump(
            e, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=10_000,
            default_flow_style=True) for line, e in zip(lines, entries))
    else:
        body = yaml.dump(entries, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return HEADER.format(what=what) + body


def build() -> dict[Path, str]:
    """One file per kind of entry (the loader reads many small files faster than one large one)."""
    recs = countries()
    states = [e for rec in recs for e in state_entries(rec)]
    out = {}
    for typ, stem, what in (("state", "states", "States."),
                            ("state_forces", "states_military", "States' military forces."),
                            ("police", "states_police", "States' police forces."),
                            ("government", "states_government", "States' governments.")):
        out[OUT_DIR / f"{stem}.yaml"] = dump([e for e in states if e["type"] == typ], what)
    for row in GENERIC + GROUPS:
        entries = [e for rec in recs for e in generic_entries(rec, [row])] + international_generic([row])
        out[OUT_DIR / f"generic_{row[0].replace('-', '_')}.yaml"] = dump(
            entries, f"ACLED's generic per-country actor {row[1]} (X).", one_line=True)
    sole = [e for rec in recs if rec["alpha_2"] in SOLE_COUNTRIES for e in generic_entries(rec, SOLE)]
    out[OUT_DIR / "generic_sole_perpetrator.yaml"] = dump(
        sole, f"ACLED's actor {SOLE[0][1]} (X), where ACLED names it.", one_line=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the generated files are stale")
    args = parser.parse_args(argv)
    stale = []
    for path, text in build().items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({sum(line.startswith('- ') for line in text.splitlines())} entries)")
    if stale:
        print("stale: " + ", ".join(str(p) for p in stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
