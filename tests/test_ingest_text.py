"""Normalisation, ids, dates, language identification and near-duplicate fingerprints."""
from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys

import pytest

from conflictdesk.ingest import bands, detect_language, fingerprint, hamming, is_near_duplicate, normalize_text, \
    parse_date, read_text_document
from conflictdesk.ingest.boilerplate import strip_boilerplate
from conflictdesk.ingest.dedupe import DuplicateIndex, from_signed, to_signed
from conflictdesk.ingest.normalize import content_hash, document_id, normalize_url

# --- normalisation --------------------------------------------------------------------------


def test_normalize_text() -> None:
    raw = ("\ufeffCafe\u0301 attack\r\nin Kirkuk\u200b\x07\rsecond line\u2028third\n\n\n\n\n"
           "  • “quoted point” — with\u00a0nbsp \t \nmi\u200cشود\x00")
    assert normalize_text(raw) == ("Caf\u00e9 attack\nin Kirkuk\nsecond line\nthird\n\n"
                                   "  • “quoted point” — with nbsp\nmi\u200cشود")


def test_normalize_is_idempotent_and_keeps_offsets_of_quotes(seed_path) -> None:
    text = normalize_text(seed_path.read_text(encoding="utf-8"))
    assert normalize_text(text) == text
    assert "  • “The efforts" in text and "nation’s gains" in text


def test_content_hash_and_ids() -> None:
    text = "Two rockets struck near the Green Zone."
    assert content_hash(text) == hashlib.sha256(text.encode()).hexdigest()
    assert document_id(given=" doc-7 ", url="https://a.example/x", text_hash=content_hash(text)) == "doc-7"
    by_url = document_id(url="https://News.Example:443/a/b/?utm_source=x&id=3#top", text_hash="0" * 64)
    assert by_url == document_id(url="https://news.example/a/b?id=3", text_hash="f" * 64)
    assert by_url.startswith("u-") and len(by_url) == 18
    assert document_id(url="/local/file.html", text_hash=content_hash(text)) == "h-" + content_hash(text)[:16]
    with pytest.raises(ValueError):
        document_id()


def test_normalize_url() -> None:
    assert normalize_url("HTTP://Example.ORG:80/path/?b=2&utm_medium=x&fbclid=y#frag") == "http://example.org/path?b=2"


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-01-10 21:45:06", dt.date(2016, 1, 10)),
    ("2024-02-06T14:05:00+00:00", dt.date(2024, 2, 6)),
    ("2024/02/06", dt.date(2024, 2, 6)),
    ("Tue, 06 Feb 2024 14:05:00 GMT", dt.date(2024, 2, 6)),
    ("3 June 2024", dt.date(2024, 6, 3)),
    ("June 3, 2024", dt.date(2024, 6, 3)),
    (dt.datetime(2024, 6, 3, 12, 0), dt.date(2024, 6, 3)),
    ("03/04/2024", None),                      # day or month first? not guessed
    ("2024-13-45", None),
    ("last Tuesday", None),
    ("", None),
    (None, None),
])
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


# --- boilerplate rules --------------------------------------------------------------------------
def test_boilerplate_only_whole_lines_and_never_everything() -> None:
    text = "Subscribe to our newsletter"
    assert strip_boilerplate(text) == text          # would leave nothing: kept
    body = ("Militants attacked an army post in the Hamrin mountains, killing two soldiers, officials said.\n\n"
            "Top Stories\n\nArmy says operation in Hamrin continues\nDrone strike kills commander in Qaim\n\n"
            "© 2024 Example News. All rights reserved.")
    assert strip_boilerplate(body) == body.split("\n\n")[0]


def test_a_tail_heading_followed_by_short_article_paragraphs_cuts_nothing() -> None:
    text = ("Militants attacked an army post in the Hamrin mountains overnight, officials said.\n"
            "Two soldiers were killed and three wounded in the attack, which began shortly after midnight.\n"
            "Read\n"
            "Army reinforcements arrived at dawn and began searching nearby valleys.\n"
            "A local official said the attackers had used night-vision equipment.\n"
            "The area has seen repeated attacks this year.")
    assert strip_boilerplate(text) == text
    with_links = ("Militants attacked an army post in the Hamrin mountains overnight, killing two soldiers, officials "
                  "said, in the third such attack this month.\n\nRead more:\nArmy says Hamrin operation continues\n"
                  "Drone strike kills commander in Qaim\n\nSara Ali covers Iraq for Example News.")
    assert strip_boilerplate(with_links) == with_links.split("\n\n")[0]


# --- language ---------------------------------------------------------------------------------
LANGUAGE_SAMPLES = {
    "en": "Two rockets landed near Victory base at Baghdad airport on Monday night, causing no casualties, the "
          "Iraqi security media cell said in a statement.",
    "fr": "Des tirs de roquettes ont visé lundi une base de la coalition dans l'est de la Syrie, selon un "
          "responsable militaire qui a précisé qu'il n'y avait pas de victimes.",
    "es": "Un ataque con drones contra una base de la coalición en el este de Siria no causó víctimas, según un "
          "portavoz militar que habló con los periodistas.",
    "de": "Bei einem Drohnenangriff auf einen Stützpunkt der Koalition im Osten Syriens wurde nach Angaben des "
          "Militärs niemand verletzt, die Gruppe hat sich zu dem Angriff bekannt.",
    "tr": "Suriye'nin kuzeyinde bir pazar yerinde meydana gelen bomba yüklü araç saldırısında dört kişi hayatını "
          "kaybetti ve saldırıyı üstlenen olmadı, yetkililer açıklama yaptı.",
    "ru": "В результате удара беспилотника по базе коалиции на востоке Сирии никто не пострадал, сообщил "
          "представитель военных, который также заявил о начале расследования.",
    "ar": "أعلنت وزارة الدفاع العراقية أن قواتها نفذت عملية أمنية في محافظة الأنبار ضد خلايا تنظيم الدولة، وقالت "
          "في بيان إن العملية أسفرت عن اعتقال ثلاثة مشتبه بهم.",
    "fa": "سخنگوی وزارت امور خارجه ایران گفت که این حمله به پایگاه نظامی در شرق سوریه هیچ ارتباطی با ایران "
          "نداشته است و این اتهامات را رد کرد.",
    "he": "לפי דובר הצבא, מטוסי חיל האוויר תקפו מבנה צבאי של חיזבאללה בדרום לבנון לאחר ירי טילים נגד טנקים "
          "לעבר צפון ישראל.",
}


@pytest.mark.parametrize("code", sorted(LANGUAGE_SAMPLES))
def test_detect_language(code: str) -> None:
    assert detect_language(LANGUAGE_SAMPLES[code]) == code


@pytest.mark.parametrize("text", ["", "Kirkuk", "12 345 / 2024", "!!! ???"])
def test_detect_language_does_not_guess(text: str) -> None:
    assert detect_language(text) is None


# --- near-duplicate fingerprints ----------------------------------------------------------------
WIRE = (
    "BAGHDAD, Feb 12 (Regional Wire) - Two rockets struck near the U.S. embassy in Baghdad's Green Zone early on "
    "Monday, causing minor damage but no casualties, Iraqi security officials said.\n\n"
    "The rockets were fired from the Jadriya district on the eastern bank of the Tigris, the officials said, adding "
    "that a launcher with three unfired rockets was found in a parked truck. Sirens sounded inside the embassy "
    "compound and the C-RAM air defence system was activated.\n\n"
    "No group immediately claimed responsibility. Iraqi Prime Minister's office condemned the attack as an act "
    "aimed at undermining the country's stability and ordered an investigation. Iran-backed groups have claimed "
    "several attacks on U.S. facilities in Iraq in recent months.\n\n"
    "Reporting by Regional Wire staff; Editing by the Baghdad desk"
)
SAME_TOPIC = (
    "BAGHDAD, March 3 (Regional Wire) - A rocket landed inside Baghdad's Green Zone late on Sunday, hitting an empty "
    "parking lot near the parliament building without causing casualties, a security source said.\n\n"
    "Security forces closed roads leading to the heavily fortified area for several hours and searched nearby "
    "neighbourhoods for the launch site. Police later said they had found the launch pad in an orchard south of "
    "the capital.\n\n"
    "The attack was the first on the Green Zone in several weeks. Lawmakers called on the government to hold those "
    "responsible to account, while armed factions denied any involvement in a series of statements."
)


def test_fingerprint_is_stable_across_processes() -> None:
    text = ("Two rockets landed near Victory base at Baghdad airport on Monday night, causing no casualties, the "
            "Iraqi security media cell said.")
    assert fingerprint(text) == 18059499611456854457
    code = "from conflictdesk.ingest import fingerprint; import sys; print(fingerprint(sys.argv[1]))"
    out = subprocess.run([sys.executable, "-c", code, text], check=True, capture_output=True, text=True,
                         env={"PYTHONHASHSEED": "12345"}).stdout
    assert int(out) == 18059499611456854457


def test_republished_wire_copy_is_a_near_duplicate() -> None:
    fp = fingerprint(WIRE)
    new_dateline = WIRE.replace("BAGHDAD, Feb 12 (Regional Wire) - Two rockets struck",
                                "BAGHDAD (Gulf Daily Digest) — Two Katyusha rockets hit an area")
    new_lead = "Rockets hit Green Zone near U.S. embassy, no casualties.\n\n" + WIRE.split("\n\n", 1)[1]
    new_credit = WIRE.replace("Reporting by Regional Wire staff; Editing by the Baghdad desk", "(Gulf Daily Digest)")
    with_headline = "Rockets hit near US embassy in Baghdad\n" + WIRE
    for copy in (WIRE, new_dateline, new_lead, new_credit, with_headline):
        assert is_near_duplicate(fp, fingerprint(copy)), hamming(fp, fingerprint(copy))
    as_page = read_text_document("Rockets Hit Near US Embassy in Baghdad\n\n" + new_dateline)
    assert as_page.title == "Rockets Hit Near US Embassy in Baghdad"
    assert is_near_duplicate(fp, as_page.fingerprint)


def test_different_stories_on_the_same_topic_are_not_near_duplicates() -> None:
    distance = hamming(fingerprint(WIRE), fingerprint(SAME_TOPIC))
    assert not is_near_duplicate(fingerprint(WIRE), fingerprint(SAME_TOPIC))
    assert distance > 12


def test_bands_and_index() -> None:
    fp = fingerprint(WIRE)
    b = bands(fp)
    assert all(0 <= x < 2 ** 16 for x in b)
    assert (b[0] << 48) | (b[1] << 32) | (b[2] << 16) | b[3] == fp
    near = fp ^ (1 << 3) ^ (1 << 20) ^ (1 << 60)          # three bits off: one band at least is shared
    assert sum(x == y for x, y in zip(bands(fp), bands(near))) >= 1
    index = DuplicateIndex()
    index.add("wire-1", fp)
    assert index.find(near) == "wire-1" and index.find(fingerprint(SAME_TOPIC)) is None
    assert from_signed(to_signed(fp)) == fp and -(2 ** 63) <= to_signed(fp) < 2 ** 63
    assert fingerprint("") == 0 and fingerprint("Kirkuk") != 0
