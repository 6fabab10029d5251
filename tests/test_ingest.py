"""conflictdesk.ingest: every format, the seed, folders, standard input, the bundled examples.

The documents under examples/ and tests/fixtures/ingest/ are invented for the project.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest

from conflictdesk.ingest import FetchedPage, is_near_duplicate, read_file, read_sources, read_text_document
from conflictdesk.records import Document, Failure

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def docs_of(items: list[Document | Failure]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def failures_of(items: list[Document | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def only_document(path: Path | str) -> Document:
    items = read_file(path)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


# --- the seed ---------------------------------------------------------------------------------
SEED_POINTS = (
    "“The efforts of the Islamic Resistance are focused on defending the oppressed peoples and protecting the "
    "nation’s gains.",
    "“Suspending military operations is not the end of the matter, and the resistance can rely on its "
    "self-management capabilities for a long-term battle.”",
    "to be consistent with what our ancestors did to the Jews throughout history. The victory of liberation "
    "movements is in the interest of anti-imperialist forces, especially in West Asia and North Africa.”",
)


def test_seed_is_read_with_headline_as_title_and_page_furniture_removed(seed_path: Path) -> None:
    doc = only_document(seed_path)
    assert doc.title == "Kataib Hezbollah Announces Axis of Resistance Meeting in Tehran"
    assert doc.language == "en"
    assert doc.format == "text" and doc.origin == str(seed_path)
    assert doc.text.startswith("What to Know:")
    assert "Kataib Hezbollah Announces" not in doc.text.split("\n", 1)[0]
    assert "Week's Top Stories" not in doc.text
    assert "Editor-In-Chief" not in doc.text and "Unbiased & Unfiltered" not in doc.text
    assert doc.text.endswith("by retaliatory American airstrikes.")
    for point in SEED_POINTS:
        assert point in doc.text
    assert doc.text.count("• “") == 3
    assert "brothers in jihad" in doc.text
    assert doc.content_hash == hashlib.sha256(doc.text.encode()).hexdigest()
    assert doc.id == "h-" + doc.content_hash[:16]
    assert doc.fingerprint is not None and 0 <= doc.fingerprint < 2 ** 64


# --- plain text and its boilerplate -----------------------------------------------------------
def test_plain_text_furniture_is_cut_and_article_sentences_are_kept() -> None:
    doc = only_document(FIXTURES / "article-with-furniture.txt")
    assert doc.title == "Iraqi Court Sentences Five Over Attack on Sinjar Checkpoint"
    for furniture in ("Advertisement", "Read more:", "Sinjar residents return", "Turkish drone strike",
                      "Share this", "©", "All rights reserved"):
        assert furniture not in doc.text
    # sentences that merely contain furniture words stay
    assert "Related cases against more than 20 other suspects" in doc.text
    assert "The editor-in-chief of a local newspaper who covered the trial" in doc.text
    assert doc.text.endswith("according to the council.")
    assert "\n\n\n" not in doc.text


def test_furniture_headings_followed_by_article_paragraphs_cut_nothing() -> None:
    source = (FIXTURES / "brief-with-subheadings.txt").read_text(encoding="utf-8")
    doc = only_document(FIXTURES / "brief-with-subheadings.txt")
    assert doc.title == "Weekly Security Brief: Southern Lebanon and Northern Israel"
    assert doc.text == source.split("\n", 2)[2].strip()     # nothing removed at all


def test_statement_example_keeps_points_and_drops_tail() -> None:
    doc = only_document(EXAMPLES / "statement-islamic-resistance.txt")
    assert doc.title == "Islamic Resistance in Iraq Claims Drone Attack on Ain al-Asad Air Base"
    assert doc.text.count("  • “") == 3
    assert "Week's Top Stories" not in doc.text and "Editor-In-Chief" not in doc.text
    assert "Follow us on Telegram" not in doc.text
    assert doc.text.endswith("that it attributes to Iran-backed groups.")


def test_text_without_headline_keeps_its_first_line() -> None:
    text = ("Gunmen attacked a police checkpoint in Diyala province overnight, killing one officer, police said.\n\n"
            "The attackers fled towards the Hamrin mountains.")
    doc = read_text_document(text, origin="memo")
    assert doc.title is None and doc.text == text and doc.origin == "memo" and doc.format == "text"


def test_read_text_document_takes_metadata() -> None:
    doc = read_text_document("Protesters gathered outside the governorate building in Sulaymaniyah on Tuesday "
                             "to demand unpaid salaries.", title="Salary protest in Sulaymaniyah",
                             published="2024-03-12", url="https://news.example/suli", source="News Example", id="x1")
    assert (doc.id, doc.title, doc.published, doc.url, doc.source) == (
        "x1", "Salary protest in Sulaymaniyah", dt.date(2024, 3, 12), "https://news.example/suli", "News Example")


# --- Markdown -------------------------------------------------------------------------------
def test_markdown_front_matter_and_markup() -> None:
    doc = only_document(FIXTURES / "think-tank-brief.md")
    assert doc.format == "markdown"
    assert doc.title == "Militia Drone Campaign in Eastern Syria: Patterns and Outlook"
    assert doc.published == dt.date(2024, 2, 14)
    assert doc.source == "Frontier Security Institute" and doc.author == "Security Analysis Team"
    assert doc.url == "https://frontiersecurity.example/briefs/militia-drone-campaign"
    assert doc.id.startswith("u-")
    assert "Key judgement: Iran-backed groups have shifted" in doc.text
    assert "• A drone struck near the base at the Conoco gas field on 20 January." in doc.text
    assert "over the Omar oil field" in doc.text
    assert '"We will continue to target the occupation bases," the group said' in doc.text
    for markup in ("**", "](", "![", "`", "---", "# ", "> "):
        assert markup not in doc.text
    assert "Recent incidents" in doc.text and "Militia Drone Campaign in Eastern Syria\n" not in doc.text


def test_markdown_heading_becomes_title() -> None:
    doc = only_document(FIXTURES / "folder" / "sub" / "a-report.md")
    assert doc.title == "Clashes Reported in Daraa Countryside"
    assert doc.text.startswith("Fighting broke out between government forces")


# --- HTML -----------------------------------------------------------------------------------
def test_html_page_main_text_and_metadata() -> None:
    doc = only_document(EXAMPLES / "drone-strike-deir-ez-zor.html")
    assert doc.format == "html"
    assert doc.title == "Drone attack targets coalition base in eastern Syria, no casualties reported"
    assert doc.published == dt.date(2024, 1, 21)
    assert doc.source == "Levant Monitor" and doc.author == "Rana Haddad"
    assert doc.url == "https://levantmonitor.example/syria/2024/01/21/drone-attack-conoco-base"
    assert doc.id.startswith("u-")
    assert doc.text.startswith("DEIR EZ-ZOR, Syria — A one-way attack drone struck near a base")
    assert "claimed the attack in a statement on its Telegram channel" in doc.text
    assert doc.text.endswith("working alongside the Kurdish-led Syrian Democratic Forces.")
    for furniture in ("Home", "Breaking:", "Share on", "About the author", "Rana Haddad covers", "Related",
                      "Rockets fired at Ain al-Asad", "Top Stories", "Shipping companies reroute", "Privacy",
                      "All rights reserved"):
        assert furniture not in doc.text


def test_html_without_date_metadata_has_no_published_date(tmp_path: Path) -> None:
    page = tmp_path / "no-date.htm"
    page.write_text("<html><head><title>Clashes in Tal Abyad</title></head><body><article><h1>Clashes in Tal Abyad"
                    "</h1><p>Clashes broke out between Turkish-backed factions and the Syrian Democratic Forces near "
                    "Tal Abyad on Monday, a war monitor said, adding that three fighters were killed on each side. "
                    "The monitor said the fighting followed a week of shelling on villages along the front line."
                    "</p></article></body></html>", encoding="utf-8")
    doc = only_document(page)
    assert doc.published is None and doc.url is None
    assert doc.text.startswith("Clashes broke out between Turkish-backed factions")


# --- feeds ----------------------------------------------------------------------------------
def test_rss_example_entries_and_linked_page() -> None:
    items = read_file(EXAMPLES / "feed" / "regional-wire.rss")
    docs = docs_of(items)
    assert not failures_of(items) and len(docs) == 3
    houthi, lebanon, baghdad = docs
    assert {d.format for d in docs} == {"feed"}
    assert [d.origin.rsplit("#", 1)[1] for d in docs] == ["entry1", "entry2", "entry3"]
    # entry 1 links the page beside the feed: full text and the page's metadata
    assert houthi.title == "Houthis claim missile attack on cargo ship in the Red Sea"
    assert "Cape of Good Hope" in houthi.text and "Most Read" not in houthi.text
    assert houthi.url == "https://gulfmaritime.example/red-sea/2024/02/06/houthi-missile-cargo-ship"
    assert houthi.published == dt.date(2024, 2, 6) and houthi.source == "Gulf Maritime Desk"
    # entries 2 and 3 carry their text inline (content:encoded, description)
    assert lebanon.text.startswith("BEIRUT — An Israeli air strike hit a car near the town of Naqoura")
    assert lebanon.published == dt.date(2024, 2, 8) and lebanon.author == "Regional Wire staff"
    assert lebanon.source == "Regional Wire — Middle East"
    assert lebanon.url == "https://regionalwire.example/lebanon/2024/02/08/strike-south-lebanon"
    assert "<p>" not in baghdad.text and "Tahrir Square" in baghdad.text
    assert baghdad.text.count("\n\n") == 2 and baghdad.published == dt.date(2024, 2, 10)


def test_feed_follows_local_links_only_inside_its_folder(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text((EXAMPLES / "feed" / "houthi-red-sea-ship.html").read_text(encoding="utf-8"), encoding="utf-8")
    feed = tmp_path / "local.rss"
    feed.write_text((FIXTURES / "escaping-feed.rss").read_text(encoding="utf-8")
                    .replace("file:PAGEPATH", page.as_uri()), encoding="utf-8")
    items = read_file(feed)
    outside, missing, file_url = items
    assert isinstance(outside, Failure) and outside.code == "E105" and outside.stage == "parse"
    assert "outside the feed's folder" in outside.message and outside.origin.endswith("#entry1")
    assert isinstance(missing, Document) and missing.text.startswith("Security forces arrested three people")
    assert isinstance(file_url, Document) and "Cape of Good Hope" in file_url.text


def _feed_with_web_link() -> bytes:
    return b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>
    <title>Drone downed over Erbil</title><link>https://wire.example/erbil-drone</link>
    <description>A drone was shot down near Erbil airport late on Tuesday, officials said.</description>
    <pubDate>Wed, 03 Jan 2024 07:00:00 GMT</pubDate></item></channel></rss>"""


def test_feed_web_links_are_not_fetched_without_fetch(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_bytes(_feed_with_web_link())

    def no_fetch(url: str, **kwargs: object) -> FetchedPage:
        raise AssertionError("fetched without fetch_urls")

    (doc,) = read_sources([str(feed)], fetcher=no_fetch)
    assert doc.text == "A drone was shot down near Erbil airport late on Tuesday, officials said."
    assert doc.url == "https://wire.example/erbil-drone" and doc.published == dt.date(2024, 1, 3)


def test_feed_web_links_are_fetched_with_fetch_and_remote_feeds_never_read_local_files(tmp_path: Path) -> None:
    page = (b"<html><head><title>Drone downed over Erbil</title></head><body><article><p>ERBIL - Air defences "
            b"shot down a drone approaching Erbil International Airport late on Tuesday, the Kurdistan Region's "
            b"counter-terrorism service said. There were no casualties or damage, the service said in a statement."
            b"</p></article></body></html>")
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><p>" + "local secret text. " * 20 + "</p></body></html>", encoding="utf-8")
    remote_feed = _feed_with_web_link().replace(b"</channel>", (
        f"<item><title>Local</title><link>{secret.as_uri()}</link><description>summary only</description></item>"
        "<item><title>Relative</title><link>secret.html</link><description>summary too</description></item>"
        "</channel>").encode())
    fetched: list[str] = []

    def fetcher(url: str, **kwargs: object) -> FetchedPage:
        fetched.append(url)
        if url.endswith(".rss"):
            return FetchedPage(url, url, "application/rss+xml", remote_feed)
        return FetchedPage(url, url, "text/html; charset=utf-8", page)

    items = read_sources(["https://wire.example/feed.rss"], fetch_urls=True, fetcher=fetcher)
    erbil, local, relative = items
    assert fetched == ["https://wire.example/feed.rss", "https://wire.example/erbil-drone"]
    assert erbil.text.startswith("ERBIL - Air defences shot down a drone") and erbil.format == "feed"
    assert local.text == "summary only" and relative.text == "summary too"


def test_malformed_feeds_are_failures() -> None:
    for name in ("broken.rss", "not-a-feed.xml"):
        (failure,) = read_file(FIXTURES / name)
        assert isinstance(failure, Failure) and failure.code == "E105" and failure.stage == "parse"


# --- JSON Lines, JSON and CSV ------------------------------------------------------------------
def test_jsonl_example_with_near_duplicate_wire_copy() -> None:
    items = read_file(EXAMPLES / "wire-reports.jsonl")
    kirkuk, idlib, republished = docs_of(items)
    assert [d.id for d in (kirkuk, idlib, republished)] == [
        "wire-2024-03-04-kirkuk", "wire-2024-03-05-idlib", "repub-2024-03-04-kirkuk"]
    assert kirkuk.origin.endswith("wire-reports.jsonl:1") and republished.origin.endswith(":3")
    assert kirkuk.published == dt.date(2024, 3, 4) and kirkuk.source == "Northern Iraq Wire"
    # the shared news-2016 field names
    assert republished.published == dt.date(2024, 3, 4)
    assert republished.url == "https://gulfdigest.example/iraq/three-soldiers-hurt-kirkuk"
    assert republished.title != kirkuk.title and republished.text != kirkuk.text
    assert is_near_duplicate(kirkuk.fingerprint, republished.fingerprint)
    assert not is_near_duplicate(kirkuk.fingerprint, idlib.fingerprint)


def test_jsonl_bad_lines_are_failures_with_line_numbers() -> None:
    path = FIXTURES / "bad-lines.jsonl"
    items = read_file(path)
    assert [d.id for d in docs_of(items)] == ["ok-1", "ok-2"]
    got = {(f.origin.rsplit(":", 1)[1], f.code, f.stage) for f in failures_of(items)}
    assert got == {("2", "E105", "parse"), ("3", "E105", "parse"), ("5", "E101", "read"), ("6", "E105", "parse")}
    assert all(f.origin.startswith(str(path) + ":") for f in failures_of(items))
    ok2 = docs_of(items)[1]
    assert ok2.published == dt.date(2024, 5, 3) and ok2.url == "https://example.org/a"


def test_json_file_with_a_list(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    path.write_text('[{"id": "a", "text": "Two rockets struck near the Green Zone in Baghdad on Sunday."}, '
                    '{"id": "b"}]', encoding="utf-8")
    doc, failure = read_file(path)
    assert isinstance(doc, Document) and doc.id == "a" and doc.format == "json"
    assert isinstance(failure, Failure) and failure.code == "E105" and failure.origin.endswith("[1]")


def test_csv_rows_found_by_column_name() -> None:
    items = read_file(FIXTURES / "rows-with-empty.csv")
    row1, row3 = docs_of(items)
    assert (row1.id, row1.title, row1.published) == ("row-1", "Rocket lands near Erbil airport", dt.date(2024, 6, 1))
    assert row3.published == dt.date(2024, 6, 3) and row3.text.startswith("Several hundred people protested")
    (empty,) = failures_of(items)
    assert empty.code == "E101" and empty.origin.endswith("rows-with-empty.csv:3")


def test_csv_example_and_missing_text_column() -> None:
    docs = read_file(EXAMPLES / "incident-log.csv")
    assert [d.id for d in docs] == ["log-0001", "log-0002", "log-0003"]
    assert docs[2].url == "https://jordannews.example/2024/04/05/amman-sit-in" and docs[0].url is None
    assert docs[0].source == "Local sources via Telegram" and docs[0].format == "csv"
    (failure,) = read_file(FIXTURES / "no-text-column.csv")
    assert isinstance(failure, Failure) and failure.code == "E105" and failure.stage == "parse"
    assert "no text column" in failure.message and "notes" in failure.message


# --- sources: folders, standard input, URLs ------------------------------------------------
def test_folder_is_read_recursively_sorted_without_hidden_files() -> None:
    items = list(read_sources([str(FIXTURES / "folder")]))
    assert [Path(d.origin).name for d in items] == ["b-report.txt", "a-report.md"]
    assert all(isinstance(d, Document) for d in items)


def test_standard_input_is_sniffed() -> None:
    (doc,) = read_sources(["-"], stdin=io.BytesIO("Shelling Hits Village Near Hama\n\nGovernment artillery shelled "
                                                  "the village of Kafr Zita on Friday, a monitor said.".encode()))
    assert doc.origin == "-" and doc.title == "Shelling Hits Village Near Hama" and doc.format == "text"
    lines = b'{"id": "s1", "text": "Security forces defused a bomb in Mosul."}\n{"id": "s2", "text": ""}\n'
    doc, failure = read_sources(["-"], stdin=io.BytesIO(lines))
    assert doc.id == "s1" and doc.format == "jsonl" and failure.origin == "-:2"


def test_urls_need_fetch_and_unknown_sources_are_failures(tmp_path: Path) -> None:
    items = list(read_sources(["https://news.example/story", str(tmp_path / "missing.txt"), "ftp://x.example/a",
                               str(EXAMPLES / "incident-log.csv")]))
    url, missing, ftp = items[:3]
    assert (url.stage, url.code) == ("fetch", "E110") and "--fetch" in url.message
    assert missing.code == "E100" and "no such file" in missing.message
    assert ftp.code == "E100" and "unsupported" in ftp.message
    assert len(docs_of(items)) == 3                       # the batch goes on


def test_examples_folder_reads_without_failures() -> None:
    items = list(read_sources([str(EXAMPLES)]))
    assert not failures_of(items)
    docs = docs_of(items)
    assert len(docs) >= 11 and {d.language for d in docs} == {"en"}
    assert {d.format for d in docs} == {"html", "feed", "text", "jsonl", "csv"}


def test_shared_news_sample_reads_cleanly(shared_dir: Path) -> None:
    path = shared_dir / "data" / "news-2016" / "articles.jsonl"
    with path.open("rb") as handle:
        sample = b"".join(handle.readline() for _ in range(400))
    items = list(read_sources(["-"], stdin=io.BytesIO(sample)))
    docs = docs_of(items)
    assert len(docs) == 400 and not failures_of(items)
    assert sum(d.language == "en" for d in docs) >= 396
    assert all(d.published is not None and d.published.year == 2016 for d in docs)
    assert all(d.url and d.id.startswith("u-") for d in docs)


@pytest.mark.parametrize("name", ["article-with-furniture.txt", "think-tank-brief.md"])
def test_reading_is_deterministic(name: str) -> None:
    first, second = only_document(FIXTURES / name), only_document(FIXTURES / name)
    assert first == second


def test_a_feed_entry_keeps_the_date_its_publisher_wrote():
    from conflictdesk.ingest.feed import read_feed

    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Desk</title><item>'
           b"<title>Evening attack on Boulkessi post</title><link>https://sahel.example/boulkessi</link>"
           b"<pubDate>Tue, 05 Mar 2024 22:40:00 -0500</pubDate>"
           b"<description>Gunmen attacked an army post in Boulkessi on Tuesday evening, the army said.</description>"
           b"</item></channel></rss>")
    (doc,) = list(read_feed(rss, origin="sahel.xml"))
    assert doc.published == dt.date(2024, 3, 5)     # not 6 March, the UTC date feedparser computes


def test_csv_rows_are_located_by_the_line_they_start_on():
    from conflictdesk.ingest.table import read_csv

    text = ('title,text\n'
            '"Two-line story","Militants shelled a checkpoint near Tal Afar.\nTwo soldiers were wounded."\n'
            '"Empty row",""\n')
    first, empty = list(read_csv(text, origin="rows.csv"))
    assert first.origin == "rows.csv:2"
    assert empty.origin == "rows.csv:4" and "line 4" in empty.message
