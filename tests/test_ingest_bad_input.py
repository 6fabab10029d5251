"""Bad input: each bad document or source is one clear Failure and the batch goes on."""
from __future__ import annotations

import io
import json
import os
import pathlib
from pathlib import Path

import pytest

from conflictdesk.ingest import read_file, read_sources
from conflictdesk.records import Document, Failure

ARTICLE = ("Kurdish Forces Arrest Suspected IS Cell in Hasakah\n\n"
           "The Syrian Democratic Forces said on Thursday they had arrested four suspected members of an Islamic "
           "State cell during a raid on a village east of Hasakah, seizing weapons and explosives.\n")


def one_failure(path: Path, **kwargs: object) -> Failure:
    items = list(read_sources([str(path)], **kwargs))
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


def test_empty_and_blank_files_are_e101(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t \r\n")
    for name in ("empty.txt", "blank.txt"):
        failure = one_failure(tmp_path / name)
        assert (failure.code, failure.stage) == ("E101", "read") and "empty" in failure.message


def test_text_that_is_only_control_characters_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "zero-width.txt"
    path.write_text("\u200b\u200b\ufeff \u2060\n", encoding="utf-8")
    assert one_failure(path).code == "E101"


@pytest.mark.parametrize(("content", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "ZIP"),
    (b"Some text\x00with a NUL byte in the middle", "NUL"),
    (bytes(range(1, 9)) * 40 + b"abc", "control bytes"),
])
def test_binary_files_are_e102(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    failure = one_failure(path)
    assert (failure.code, failure.stage) == ("E102", "read")
    assert what in failure.message


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:                   # sparse: costs no disk and no time
        handle.truncate(50_000_000)

    def no_read(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(pathlib.Path, "read_bytes", no_read)
    failure = one_failure(huge)
    assert (failure.code, failure.stage) == ("E103", "read")
    assert "50.0 MB" in failure.message and "20.0 MB" in failure.message


def test_too_large_standard_input_and_custom_limit(tmp_path: Path) -> None:
    (failure,) = read_sources(["-"], stdin=io.BytesIO(b"x" * 5000), max_bytes=1000)
    assert failure.code == "E103" and failure.origin == "-"
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert one_failure(path, max_bytes=100).code == "E103"


def test_invalid_utf8_is_e104_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Officials said the \u201cceasefire\u201d held in Tal Rifaat.".encode("cp1252"))
    failure = one_failure(path)
    assert (failure.code, failure.stage) == ("E104", "read")
    assert "not valid UTF-8" in failure.message and "offset 19" in failure.message


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    arabic = ("أعلنت وزارة الدفاع العراقية أن قواتها نفذت عملية أمنية في محافظة الأنبار ضد خلايا تنظيم الدولة، "
              "وقالت في بيان إن العملية أسفرت عن اعتقال ثلاثة مشتبه بهم وضبط أسلحة ومتفجرات في منطقة صحراوية "
              "غرب مدينة الرمادي، من دون وقوع إصابات في صفوف القوات الأمنية.")
    page = tmp_path / "ar.html"
    page.write_bytes(('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
                      '<title>عملية أمنية في الأنبار</title></head><body><article><p>' + arabic +
                      '</p></article></body></html>').encode("cp1256"))
    (doc,) = read_file(page)
    assert isinstance(doc, Document) and doc.language == "ar"
    assert "الرمادي" in doc.text


def test_html_declaring_utf8_but_not_utf8_is_e104(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(b'<html><head><meta charset="utf-8"></head><body><p>Caf\xe9 attack in Kirkuk</p></body></html>')
    assert one_failure(page).code == "E104"


def test_byte_order_marks_are_read(tmp_path: Path) -> None:
    utf8 = tmp_path / "bom8.txt"
    utf8.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    utf16 = tmp_path / "bom16.txt"
    utf16.write_bytes(ARTICLE.encode("utf-16"))          # with BOM; full of NUL bytes, still text
    for path in (utf8, utf16):
        (doc,) = read_file(path)
        assert isinstance(doc, Document), doc
        assert doc.title == "Kurdish Forces Arrest Suspected IS Cell in Hasakah"
        assert doc.text.startswith("The Syrian Democratic Forces")


def test_html_without_main_text_and_bad_json_are_e105(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
                                         "</body></html>", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"id": "a", "text": "unterminated', encoding="utf-8")
    for name in ("empty.html", "bad.json"):
        failure = one_failure(tmp_path / name)
        assert (failure.code, failure.stage) == ("E105", "parse"), failure


def test_bad_documents_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-binary.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "c-latin1.txt").write_bytes(b"caf\xe9")
    (tmp_path / "d-good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "e-huge.txt").write_bytes(b"y" * 3000)
    items = list(read_sources([str(tmp_path), str(tmp_path / "missing")], max_bytes=2000))
    assert [(Path(i.origin).name, getattr(i, "code", "doc")) for i in items] == [
        ("a-empty.txt", "E101"), ("b-binary.txt", "E102"), ("c-latin1.txt", "E104"), ("d-good.txt", "doc"),
        ("e-huge.txt", "E103"), ("missing", "E100")]
    assert all(i.message for i in items if isinstance(i, Failure))


NASTY = [
    b"<", b"<html><body><p>unclosed <b>bold", b"<?xml version='1.0'?><rss><channel><item>",
    b"{", b"[" * 50_000 + b"]" * 50_000, b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    b"---\ntitle: [unclosed\n---\n# Heading\n", b"\"unterminated,quote\nrow", b"a,b\n\"x\x00y\",z\n",
    "ﷺ ‮reversed‭ text \U0001F4A3 ⁦isolate⁩".encode(), b"\xef\xbb\xbf", b"\r\r\r\n\n",
]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".rss", ".jsonl", ".json", ".csv", ""])
def test_nasty_input_never_raises(tmp_path: Path, suffix: str) -> None:
    for number, payload in enumerate(NASTY):
        (tmp_path / f"nasty{number}{suffix}").write_bytes(payload)
    items = list(read_sources([str(tmp_path)]))
    assert len(items) >= len(NASTY)
    for item in items:
        assert isinstance(item, (Document, Failure))
        if isinstance(item, Failure):
            assert item.code.startswith("E1") and item.message and item.stage in ("read", "parse")


def test_a_fifo_and_a_device_are_not_regular_files_and_never_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)                                 # opening it for reading would wait for a writer forever
    failure = one_failure(fifo)
    assert (failure.code, failure.stage) == ("E107", "read")
    assert "not a regular file" in failure.message and "FIFO" in failure.message
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))     # inside a folder too; the folder's other files are read
    assert [(Path(i.origin).name, getattr(i, "code", "doc")) for i in items] == [("good.txt", "doc"),
                                                                              ("pipe.txt", "E107")]
    if Path("/dev/zero").exists():                  # endless, and stat() says 0 bytes
        failure = one_failure(Path("/dev/zero"))
        assert failure.code == "E107" and "character device" in failure.message


def test_an_unreadable_jsonl_date_keeps_the_document_and_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [{"id": "d1", "text": ARTICLE, "date": "not-a-date"},
             {"id": "d2", "text": ARTICLE.replace("four", "five"), "date": "2016-03-04"},
             {"id": "d3", "text": ARTICLE.replace("four", "six"), "published": "03/04/2016"}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    items = list(read_sources([str(path)]))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document", "Document", "Failure"]
    first, warning = items[0], items[1]
    assert first.id == "d1" and first.published is None
    assert (warning.code, warning.stage, warning.document_id) == ("E108", "parse", "d1")
    assert warning.origin.endswith("wire.jsonl:1") and "'not-a-date'" in warning.message
    assert "kept without a date" in warning.message
    assert items[2].published.isoformat() == "2016-03-04"
    assert items[4].document_id == "d3" and "'03/04/2016'" in items[4].message


def test_an_unreadable_csv_date_keeps_the_document_and_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(f'id,date,text\nc1,yesterday,"{ARTICLE}"\n', encoding="utf-8")
    doc, warning = read_sources([str(path)])
    assert isinstance(doc, Document) and doc.published is None
    assert (warning.code, warning.document_id) == ("E108", "c1") and "'yesterday'" in warning.message


def test_ragged_csv_rows_are_reported_not_turned_into_documents(tmp_path: Path) -> None:
    article = " ".join(ARTICLE.split())
    path = tmp_path / "wire.csv"
    path.write_text("id,date,text\n"
                    f'r1,2016-03-04,"{article}"\n'
                    f'r2,2016-03-04,"{article}",stray cell\n'       # one cell too many
                    "r3,Clashes erupted in the town\n"               # one too few (an unquoted line break)
                    f'r4,2016-03-05,"{article.replace("four", "five")}"\n', encoding="utf-8")
    items = list(read_sources([str(path)]))
    assert [(Path(i.origin).name, getattr(i, "code", "doc")) for i in items] == [
        ("wire.csv:2", "doc"), ("wire.csv:3", "E105"), ("wire.csv:4", "E105"), ("wire.csv:5", "doc")]
    assert "4 cells where the header has 3" in items[1].message
    assert "2 cells where the header has 3" in items[2].message
