"""The wording the places stage reads: the capitalised-name pattern, locative words, datelines,
what a name's neighbours say of it ("X province", "X (Region)", "X, Country", "northern X") and
the word lists of capitalised words that are no places. Data and small tests over the text only."""
from __future__ import annotations

import re

ART = r"(?:al|el|ar|as|ash|ad|adh|an|az|at|ath|ez|es|ed|en|er|et|ul|bin|ibn|bani|bani|wa|de|del|la|le|of|du)"
_CAP = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*)"
_NUM = r"(?:\s\d{1,3}\b)"  # "Tower 22", "K 1"
# A capitalised name: "Deir ez-Zor", "al-Mayadin", "Kafr Nubl", "Jisr al-Shughur", "Tower 22".
NAME = rf"(?:(?:{ART}-)?{_CAP}(?:(?:[ \-]{ART})?[ \-](?:{ART}-)?{_CAP})*{_NUM}?)"

# Words that govern a place. Values: the geo_precision the construction implies (None: as named).
# Verbs of striking a place ("artillery fire hit the regions of Suran and Tal El Hisn"), and with those of taking
# one, the verbs whose object may be the town they are done to: "jets pounded Douma", "troops retook Palmyra"
STRIKING_VERBS = frozenset({"hit", "strike", "target", "shell", "bomb", "pound", "attack", "raid", "bombard"})
STRUCK_PLACE_VERBS = STRIKING_VERBS | {"storm", "rocket", "blast", "capture", "seize", "retake", "recapture", "overrun",
                                       "besiege", "encircle", "surround", "liberate", "enter", "reach", "lose",
                                       "abandon", "control",
                                       "retook", "retaken", "overran"}    # lemmas the small model leaves as written
LOCATIVES: dict[str, int | None] = {
    "in": None, "at": None, "inside": None, "into": None, "from": None, "to": None, "toward": None,
    "towards": None, "across": None, "via": None, "over": None, "of": None, "village of": None, "town of": None,
    "city of": None, "area of": None, "areas of": None, "camp of": None, "towns of": None, "villages of": None,
    "cities of": None, "neighbourhood of": None, "neighborhood of": None, "district of": None, "districts of": None,
    "governorate of": None, "province of": None, "region of": None, "port of": None, "port city of": None,
    "near": 2, "nearby": 2, "outside": 2, "outside of": 2, "around": 2, "close to": 2, "vicinity of": 2,
    "outskirts of": 2, "countryside of": 2, "surroundings of": 2, "suburbs of": 2, "edge of": 2,
    "north of": 2, "south of": 2, "east of": 2, "west of": 2, "northeast of": 2, "northwest of": 2,
    "southeast of": 2, "southwest of": 2, "north-east of": 2, "north-west of": 2, "south-east of": 2,
    "south-west of": 2, "km from": 2, "kilometres from": 2, "kilometers from": 2, "miles from": 2,
    "km north of": 2, "km south of": 2, "km east of": 2, "km west of": 2, "between": None,
}
DIRECTIONS = (r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
               r"south-west|central|rural|northern|southern|eastern|western|north-eastern|north-western|"
               r"south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|south\s+eastern|"
               r"north\s+eastern|south\s+western|north\s+western)")
# The Associated Press's abbreviations of US states, as datelines and "Rio Verde, Ariz." write them
US_STATES_AP = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia",
    "Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming",
}
# the AP's dotted abbreviations of two-word US states after a town ("Charleston, S.C.", "Manchester, N.H.")
US_STATES_DOTTED = {
    "N.C.": "North Carolina", "S.C.": "South Carolina", "N.D.": "North Dakota", "S.D.": "South Dakota",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "R.I.": "Rhode Island",
    "W.Va.": "West Virginia", "W. Va.": "West Virginia",
}
DOTTED_STATE_AFTER = re.compile(r"^,\s*(" + "|".join(re.escape(k) for k in US_STATES_DOTTED) + r")")
COMMA_AFTER = re.compile(r"^(?:\s+(?:district|sub-district|subdistrict|town|village|city|area|neighbou?rhood))?"
                          r",\s*(?:(?:in\s+)?(?:the\s+)?" + DIRECTIONS + r"\s+)?(" + NAME + r")")
# lower-case words that may stand between a locative and the direction of a region: "in volatile
# northwestern Pakistan", "in war-torn northern Syria" (never a name: "the city of Manbij in northern Syria")
REGION_EPITHETS = r"(?:[a-z][a-z\-]+\s+){0,2}"
# lower-case words that may stand between a locative and a name with no direction: "fled to neighbouring
# Chad", "were driven out of Ramadi in neighboring Iraq", "in war-torn Yemen"
NAME_EPITHETS = r"(?:neighbou?ring|war-torn|war-ravaged|war-wracked|restive)"
LOCATIVE_PHRASE = re.compile(
    r"\b((?i:" + "|".join(sorted((re.escape(k) for k in LOCATIVES), key=len, reverse=True)) + r"))\s+(?:the\s+)?"
    r"(?:(?:" + REGION_EPITHETS + DIRECTIONS + r"|" + NAME_EPITHETS + r")\s+)?("
    + NAME + r"(?:\s*(?:,|\band\b|\bor\b|, and)\s*(?:the\s+)?" + NAME + r")*)")
LIST_SPLIT = re.compile(r"\s*(?:,\s*and\b|,|\band\b|\bor\b)\s*(?:the\s+)?")
# Words after a name that change what it means.
AFTER_REGION = re.compile(r"^(?:'s|’s)?\s+(?:(?:border|coastal|northern|southern|eastern|western|central|"
                           r"northeastern|northwestern|southeastern|southwestern|eastern|rural|desert|mountainous)\s+)?"
                           r"(?:province|governorate|governorates|region|muhafazah|wilayat|state)\b", re.I)
AFTER_NEAR = re.compile(r"^(?:'s|’s)?\s+(?:countryside|outskirts|suburbs|surroundings|vicinity|environs|"
                         r"desert|outskirt|periphery|district|districts|plain|plains)\b", re.I)
PAREN_AFTER = re.compile(r"^\s*\((" + NAME + r")\)")
DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]+"
    r"(?: [A-Z][A-Za-z.'’\-]+){0,2}))?\s*(?:\([^)\n]{1,40}\))?\s*(?:-|–|—|:)\s", re.M)
# Wire copy without a dash: "BEIRUT Four suicide bombers ...", "DIYARBAKIR/ISTANBUL, Turkey Eight
# Turkish soldiers ...", "KANDAHAR, Afghanistan/CREECH AIR FORCE BASE, Nevada When ...", "LOS ANGELES/BOSTON
# While ...", "HANOVER, Germany U.S. President ...": capitals at the very start, then the first sentence; the
# first city is the dateline, a country or region after a comma its hint.
BARE_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:/[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})*"
    r"(?:,\s*(?P<region>[A-Z][a-z.'’\-]+(?: [A-Z][a-z.'’\-]+)?))?"
    # a second place of filing after the first's country: "CHARSADDA, Pakistan/ISLAMABAD Stuck ..."
    r"(?:/[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][a-z.'’\-]+(?: [A-Z][a-z.'’\-]+)?)?)*"
    r"\s+(?=[A-Z\"“‘'][a-z]|[A-Z]\s|[A-Z]\.[A-Z]\.|\d)")
# A country's capital named by the country or its people: "the Afghan capital", "Somalia's capital",
# "the capital of Iraq"; not when the city's name follows ("the Yemeni capital Sanaa", "the capital,
# Kabul"), which is then a candidate of its own.
CAPITAL_PHRASE = re.compile(
    r"\b(?:(?P<who>[A-Z][A-Za-z.\-]+(?: [A-Z][A-Za-z.\-]+)?)(?:'s|’s)? capital(?: city)?"
    r"|capital(?: city)? of (?:the )?(?P<of>[A-Z][A-Za-z.\-]+(?: [A-Z][A-Za-z.\-]+)?))"
    r"(?![\w\-])(?!\s*,?\s*(?:city\s+(?:of\s+)?)?[A-Z])")
# The city named after a capital phrase: "the Yemeni capital Sanaa", "the capital, Kabul".
CAPITAL_NAMED = re.compile(r"\bcapital(?: city)?,?\s+(?:of\s+[A-Z][\w\-]+,?\s+)?(" + NAME + r")")
# A place named as the container of the place after it: "Baghdad's western suburb of Abu Ghraib".
CONTAINER_OF = re.compile(r"(?:'s|’s)\s+(?:[a-z\-]+\s+){0,2}(?:suburb|suburbs|district|neighbou?rhood|quarter|"
                          r"town|village|area|outskirts)\s+of\s+(?:the\s+)?")
# A town whose possessive names a quarter of it: "Baghdad's Sadr City district", "Istanbul's Sultanahmet square".
POSSESSIVE_OF = re.compile(r"(?:'s|’s)\s+(?:[a-z\-]+\s+){0,2}")
QUARTER_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb|area|square)\b")
# what may follow a quarter named bare after its town's possessive ("Baghdad's Sadr City, where", "... on Monday"):
# not a site it names ("Baghdad's Kadhimiyah shrine" is the shrine's quarter, not the event's place)
QUARTER_BARE_AFTER = re.compile(r"\s*[,.;:)]|\s+(?:on|in|at|and|or|where|when|after|before|as|was|were|is|has|had|"
                                r"killed|killing|left|leaving|wounded)\b")
# buildings named for the government that sits in them ("the White House said", "the Kremlin denied"): the
# office speaks or acts, no event takes place there
GOVERNMENT_SEATS = frozenset({"white house", "kremlin", "pentagon"})
# a route's ends ("en route from Amsterdam to Kuala Lumpur", "a flight to Istanbul"): where a journey starts or
# was to end, not where what befell it happened
ROUTE_END_BEFORE = re.compile(r"\b(?:en\s+route|on\s+(?:its|their|his|her|the|a)\s+way|flight|flights|flying|"
                              r"bound)\s+(?:from\s+(?:the\s+)?" + NAME + r"\s+)?(?:from|to|for)\s+(?:the\s+)?$")
# a region named before a town's noun ("the southern Missouri town of Salem", "the Punjab city of Lahore"): the
# region that holds the town
REGION_TOWN_BEFORE = re.compile(r"(?<![\w-])(" + NAME + r")\s+(?:town|city|village|hamlet|suburb|community)\s+of\s+$")
# the noun that calls the next name a settlement: "the town of Karkamis", "the Turkish border village of Elbeyli"
SETTLEMENT_BEFORE = re.compile(r"\b(?:town|village|city)\s+of\s+$")
# Capitalised words that are never places in these positions (sentence words, months, titles).
STOP_WORDS = frozenset(
    "the a an this that these those he she it they we i his her its their our my your monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august september october "
    "november december today yesterday tomorrow mr mrs ms dr president minister prime general gen col lt "
    "sheikh king prince emir imam islamic state reuters afp ap associated press news agency according "
    "however meanwhile also after before during since until on at by for with about several many some "
    "two three four five six seven eight nine ten one no not ministry government army forces police".split())
# Capitalised common words that GeoNames also holds as small towns ("Union", "Congress", "West"):
# alone, never a place; a direction word is one when a region noun follows ("Northern region").
COMMON_WORDS = frozenset(
    "union congress senate council commerce homeland center centre university secretary supreme post marine "
    "war wall atlantic pacific earth holocaust android north south east west northern southern eastern western "
    "central national federal republic security defense defence justice liberty independence freedom victory "
    "unity hope mission home ocean state capitol white house super still metro subway "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Languages the news names ("in English", "in Kurdish"); GeoNames holds some as small towns.
LANGUAGES = frozenset("english arabic french kurdish turkish persian farsi russian hebrew urdu pashto dari "
                       "spanish german chinese".split())
DIRECTION_WORDS = frozenset("north south east west northern southern eastern western central".split())
PARTIAL_MIN_POPULATION = 100_000   # a city keeps its name inside a longer one ("Pietermaritzburg Magistrate's Court")
# What a partial name may leave out and still name the place: "Kafr Nubl Hospital" is in Kafr Nubl,
# "Khan Touman" is not in Khan.
FACILITY_WORDS = frozenset(
    "hospital clinic airport airbase air base military university college school prison jail mosque church "
    "market square bridge road highway street camp city town village district province governorate "
    "countryside central international stadium hotel station dam port crossing checkpoint citadel "
    "refinery plant factory field fields oilfield gate gates court courthouse high primary secondary general "
    "teaching police magistrate magistrates regional municipal".split())
PLACE_NOUNS = (r"(?:town|towns|village|villages|city|district|sub-district|subdistrict|neighbourhood|neighborhood|"
                r"area|areas|hamlet|camp|countryside|outskirts|suburb|municipality|governorate|province|region|"
                r"hill|hills|mountain|mountains|farms|checkpoint|crossing|airport|port|valley|plain|desert|"
                r"junction|road|highway)")
NAME_PAREN = re.compile(r"(?<![\w-])(" + NAME + r")\s*\((" + NAME + r")\)")
NOUN_AFTER = re.compile(r"(?<![\w-])(" + NAME + r")\s+" + PLACE_NOUNS + r"\b")
TRAILING_NOUN = re.compile(r"\s+" + PLACE_NOUNS + r"$", re.I)
DIRECTION_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central|rural|north-?eastern|"
                               r"north-?western|south-?eastern|south-?western|northeastern|northwestern|"
                               r"southeastern|southwestern)\s+$", re.I)
# A name followed by one of these is an organisation or an operation, not a place.
AFTER_ORG = re.compile(r"^(?:'s|’s)?\s+(?:[A-Z][a-z]+\s+)?(?:Operation|operation|Corps|Company|Army|army|Forces|forces|"
                        r"Brigade|Brigades|Movement|Front|Council|University|Railways?|Party|Division|Regiment|"
                        r"Battalion|Group|Ministry|Court|Authority|Agency|Committee|Union|Bank|Hospital|"
                        r"militia|militias|fighters|troops|soldiers|Guard|Guards|Command|TV|News|Times|"
                        r"news agency|agency|Agency|newspaper|daily|Daily|channel|television|radio|Radio|"
                        r"nightclub|Nightclub|club|Club|bar|restaurant|magazine|website|"
                        # a company's name ("McDonald's Corp", "Excel Industries", "New Delhi Television")
                        r"Corp|Corporation|Inc|Industries|Television|Stores|"
                        # a firm's legal form, an airline ("Delta Air Lines", "Emirates Airlines", "Halliburton Co")
                        r"Co|Ltd|LLC|PLC|Plc|Holdings|Airlines|Airways|Air\s+Lines)\b")
# a possessive with no noun after it, before punctuation or the town it lies in ("workers at McDonald's in Chicago",
# "shoppers at Macy's."): a shop or a firm named after its founder; a town's possessive is followed by what it has
POSSESSIVE_ALONE = re.compile(r"^(?:'s|’s)(?:\s*[,.;:!?)]|\s+(?:in|near|outside|across)\s+(?:the\s+)?[A-Z])")
# "Pulse, a gay nightclub": a name the next words call a venue or a firm is the venue's name, not a town's
VENUE_APPOSITION = re.compile(r"^(?:'s)?,\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:nightclub|club|bar|restaurant|cafe|café|"
                              r"hotel|company|firm|manufacturer|factory|plant|store|supermarket|mall|chain|brand)\b")
# the parent's name may open on an abbreviated "St." or "Mt." ("the Paris suburb of St. Denis")
PART_OF = re.compile(r"^\s+(?:neighbou?rhood|quarter|district|suburb|area|camp)s?\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?("
                      + r"(?:(?:St|Ste|Mt|Ft)\.\s?)?" + NAME + r")")
NOUN_NEXT = re.compile(r"^\s+([a-z]+)\b")
# "Iran-backed", "Saudi-led", "Aleppo-based": the name qualifies who acts, names no place
HYPHEN_NEXT = re.compile(r"^[-‑–](?:backed|led|based|allied|aligned|run|held|controlled|linked|affiliated|sponsored|"
                         r"funded|supported|born|owned|bound|friendly|inspired|trained|armed|dominated|brokered)\b")
# nouns after a name that make it a part of a town ("a building in Midan district", "the Sheikh
# Maqsoud neighbourhood"), which GeoNames' towns seldom hold: a similar spelling elsewhere is no reading
QUARTER_NOUNS = frozenset({"district", "neighbourhood", "neighborhood", "quarter"})
# "Jarada town in the Idleb countryside", "Bedina village in northwest Afrin", "Ghawr area of Ghamr
# district", "Al 'Anad neighbourhood in Maain district": the place lies within the second name.
WITHIN = re.compile(
    r"^(?:\s+(?:and\s+" + NAME + r"\s+)?" + PLACE_NOUNS + r")?\s+(?:in|of|within)\s+(?:the\s+)?"
    r"(?:" + DIRECTIONS + r"\s+)?(?:countryside\s+of\s+|outskirts\s+of\s+|suburbs\s+of\s+)?(?:the\s+)?("
    + NAME + r")")
# the months a place may be followed by: "attacks in Paris in November", "the bombing in Brussels in March" tell
# when, not a place the town lies within
MONTHS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                    "Sept", "Oct", "Nov", "Dec"})
# A sea's coast: "the Red Sea coast", "Red Sea coastal area of Yemen" (a region along the sea).
COAST_AFTER = re.compile(r"^\s+(?:coast|coasts|coastal|coastline|shore|shores|littoral)\b(?:\s+(?:area|areas|region|"
                          r"strip|districts?))?(?:\s+of\s+(" + NAME + r"))?")
FUNCTION_WORDS = frozenset(
    "and or on in at to for from with by since during after before as was is where which while when that near "
    "but over under had has have were are will amid into across against because if than then who whose said "
    "says told reported "
    # other closed-class words and adverbs of time: "fighting in Syria alongside Assad's forces",
    # "clashes in Aleppo until Monday" name the place, not something of it
    "alongside along among amongst between beyond through throughout toward towards until till upon via within "
    "without despite about around behind onto than so not also only even yet nor both either neither "
    "be been being do does did can could may might must shall should would its their his her our they he she it "
    "we this these those last next today yesterday tonight now early earlier late later again ago once "
    "too still already soon just there here what how why whom unless whether though although".split())
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "compound", "amod", "poss", "agent", "npadvmod", "appos"})
# event nouns a place name modifies as where they happened: "the Istanbul blast", "the Paris attacks"
EVENT_HEADS = frozenset({"blast", "blasts", "attack", "attacks", "bombing", "bombings", "explosion", "explosions",
                         "shooting", "shootings", "massacre", "siege", "blockade", "stabbing", "stabbings", "rampage", "clashes",
                         "riots", "protests", "uprising", "offensive", "battle",
                         # the gathering an event happened at: "killed during a Dallas protest", "a Chicago rally"
                         "protest", "rally", "rallies", "demonstration", "demonstrations", "riot",
                         # who struck there: "the Boston marathon bomber", "the Orlando gunman"
                         "bomber", "bombers", "gunman", "gunmen", "shooter", "shooters", "attacker", "attackers"})
# gatherings a town's possessive tells the place of: "New York City's pride parade", "Dallas's rally" (not "Moscow's
# offensive", whose possessive is the side)
GATHERING_HEADS = frozenset({"protest", "protests", "rally", "rallies", "demonstration", "demonstrations", "parade",
                             "parades", "march", "marches", "vigil", "vigils"})
# people a town's name modifies as where they were taken or live: "the Chibok girls", "Dapchi schoolgirls",
# "Aleppo residents"; the parse may read the name as a person's ("Chibok" PERSON), a name it still is
PEOPLE_HEADS = frozenset({"girls", "schoolgirls", "boys", "schoolboys", "pupils", "students", "villagers",
                          "residents", "hostages", "captives", "abductees"})
# sites a town's name modifies as where they are: "a Brussels apartment", "a Dhaka restaurant", "a Baghdad
# market", "the Kabul airport" (not "the Ankara government", "Moscow's policy": a side, not a site)
SITE_HEADS = frozenset({"apartment", "apartments", "restaurant", "restaurants", "hotel", "hotels", "market",
                        "markets", "marketplace", "mosque", "mosques", "church", "churches", "synagogue", "shrine",
                        "school", "schools", "college", "colleges", "university", "campus", "hospital", "hospitals",
                        "clinic", "airport",
                        "checkpoint", "street", "streets", "neighborhood", "neighbourhood", "neighborhoods",
                        "neighbourhoods", "district", "suburb", "suburbs", "cafe", "café", "bakery", "stadium",
                        "mall", "square", "prison", "jail", "courthouse", "court", "station", "nightclub", "club",
                        "beach", "port", "bridge", "highway", "compound", "barracks", "base", "embassy",
                        "consulate", "office", "offices", "home", "house", "building", "bus", "train", "subway",
                        "metro", "bar", "concert", "theater", "theatre", "shop", "store", "supermarket", "museum"})
# a name before a site noun ("the Tunis Bardo museum", "a Sousse beach hotel"): the town the site is in,
# the name's first word(s)
SITE_MIN_POPULATION = 50_000      # a name before a site is a town only when a town that large bears it
SITE_AFTER = re.compile(r"(?<![\w-])(" + NAME + r")\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(SITE_HEADS)) + r")\b")
# verbs whose object, named by a place, is its government: "militants who are battling Ankara", "accused Moscow",
# "a raid angering Ankara"
GOVERNMENT_OBJECT_VERBS = frozenset({"battle", "fight", "accuse", "urge", "warn", "criticize", "criticise", "blame",
                                     "condemn", "pressure", "press", "lobby", "ask", "thank", "praise", "support",
                                     "back", "oppose", "defy", "challenge", "threaten", "persuade", "convince",
                                     "anger", "irk", "infuriate", "upset", "provoke", "reassure", "placate"})
COUNTRYISH = frozenset({"country", "admin1"})


_GOVERNED_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in LOCATIVES) + r")\s+(?:the\s+)?(?:"
                          + REGION_EPITHETS + DIRECTIONS + r"\s+)?$")


def governed_before(text: str, start: int) -> bool:
    return bool(_GOVERNED_BEFORE.search(text[max(0, start - 45):start].lower()))


_NEAR_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k, v in LOCATIVES.items() if v == 2)
                          + r")\s+(?:the\s+)?$")


def near_word_before(text: str, start: int) -> bool:
    return bool(_NEAR_BEFORE.search(text[max(0, start - 30):start].lower()))
