"""Fuzzing the readers (text, HTML, feed, JSON lines, CSV) with generated bad input.

Every input, however broken, must come out of `read_sources` as Documents and coded Failures
(E1xx): never an exception, never a hang. The inputs are generated from a fixed seed (so a
failure can be replayed) by breaking small valid samples written for these tests: random bytes,
truncations, wrong encodings, NULs, huge lines, deep nesting, entity expansion bombs.

No timing is asserted; an alarm only turns a hang into a failure that names the input.
"""
from __future__ import annotations

import random
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conflictdesk.ingest import read_sources
from conflictdesk.records import Document, Failure

SEED = 20160304
HANG_SECONDS = 120           # per input; generous, as the test machine may be busy
ARTICLE = ("Gunmen killed five soldiers and wounded three others in an attack on an army checkpoint near Arish "
           "in Egypt's North Sinai province on Sunday, security sources said. Islamic State's Sinai affiliate "
           "said in a statement that its fighters carried out the attack.")
SAMPLES: dict[str, bytes] = {
    ".txt": f"Checkpoint Attack in Sinai\n\n{ARTICLE}\n\nThe army said it was hunting the attackers.\n".encode(),
    ".html": (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Checkpoint attack</title>"
              f"<meta name='date' content='2016-03-06'></head><body><nav><a href='/'>Home</a></nav><article>"
              f"<h1>Checkpoint attack</h1><p>{ARTICLE}</p><p>The army said it was hunting the attackers, "
              f"and that roads near the town were closed.</p></article><footer>(c) Wire</footer></body></html>"
              ).encode(),
    ".rss": (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Wire</title>"
             f"<item><title>Checkpoint attack</title><pubDate>Sun, 06 Mar 2016 10:00:00 GMT</pubDate>"
             f"<description>{ARTICLE}</description></item><item><title>Second</title>"
             f"<description>&lt;p&gt;{ARTICLE.replace('five', 'six')}&lt;/p&gt;</description></item>"
             f"</channel></rss>").encode(),
    ".jsonl": "\n".join(f'{{"id": "f{i}", "date": "2016-03-0{i}", "title": "Report {i}", '
                        f'"text": "{ARTICLE.replace("five", str(i))}"}}' for i in range(1, 4)).encode(),
    ".csv": ("id,date,title,text\n" + "".join(f'c{i},2016-03-0{i},Report {i},"{ARTICLE.replace("five", str(i))}"\n'
                                              for i in range(1, 4))).encode(),
}
LAUGHS = (b"<!DOCTYPE lolz [<!ENTITY lol 'lol'>"
          + b"".join(b"<!ENTITY lol%d '%s'>" % (i, (b"&lol%s;" % (str(i - 1).encode() if i > 1 else b"")) * 10)
                     for i in range(1, 10))
          + b"]>")


def _laughs_feed() -> bytes:
    return (b"<?xml version='1.0'?>" + LAUGHS + b"<rss version='2.0'><channel><title>&lol9;</title><item>"
            b"<title>&lol9;</title><description>&lol9; " + ARTICLE.encode() + b"</description></item></channel></rss>")


def _laughs_html() -> bytes:
    return (b"<?xml version='1.0'?>" + LAUGHS + b"<html><body><article><p>&lol9;</p><p>" + ARTICLE.encode()
            + b"</p></article></body></html>")


def _deep(open_tag: bytes, close_tag: bytes, depth: int, inner: bytes) -> bytes:
    return open_tag * depth + inner + close_tag * depth


def _mutate(rng: random.Random, data: bytes) -> bytes:
    """`data` with a few random bytes flipped, dropped or inserted."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        where = rng.randrange(len(out) + 1)
        kind = rng.random()
        if kind < 0.4 and where < len(out):
            out[where] = rng.randrange(256)
        elif kind < 0.7 and where < len(out):
            del out[where]
        else:
            out[where:where] = rng.choice([b"\x00", b"<", b">", b"\"", b",", b"\n", b"{", b"&", b"\xff",
                                           b"\xc3", b"]]>", b"<!--", b"\r", "\u202e".encode()])
    return bytes(out)


def generated(ext: str) -> Iterator[tuple[str, bytes]]:
    """(what, bytes) of the bad inputs for the reader of files ending in `ext`."""
    rng = random.Random(f"{SEED}{ext}")
    sample = SAMPLES[ext]
    for n in range(6):
        yield f"random bytes {n}", rng.randbytes(rng.choice([1, 7, 100, 5000, 70_000]))
    for n in range(8):
        yield f"truncation {n}", sample[:rng.randrange(1, len(sample))]
    for n in range(10):
        yield f"mutation {n}", _mutate(rng, sample)
    text = sample.decode()
    non_ascii = text.replace("Sinai", "Sinaï").replace("army", "armée — «army»")
    yield "cp1252 without a declaration", non_ascii.encode("cp1252", "replace")
    yield "utf-16 without a byte-order mark", non_ascii.encode("utf-16-le")
    yield "utf-16 with a byte-order mark", non_ascii.encode("utf-16")
    yield "latin-1 declared as utf-8", non_ascii.encode("latin-1", "replace")
    yield "a NUL in the middle", sample[:50] + b"\x00" + sample[50:]
    yield "NULs throughout", b"\x00".join(sample[i:i + 3] for i in range(0, len(sample), 3))
    yield "a 3 MB line", sample + b"x" * 3_000_000
    yield "3 MB of one word repeated without spaces", b"attack" * 500_000
    yield "only line breaks", b"\n" * 100_000
    yield "deeply nested HTML", _deep(b"<div>", b"</div>", 100_000, ARTICLE.encode())
    yield "deeply nested unclosed HTML", b"<html><body>" + b"<div><span>" * 50_000 + ARTICLE.encode()
    yield "deeply nested XML", (b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>"
                                + _deep(b"<x>", b"</x>", 100_000, ARTICLE.encode())
                                + b"</description></item></channel></rss>")
    yield "billion laughs in a feed", _laughs_feed()
    yield "billion laughs in HTML", _laughs_html()
    yield "deeply nested JSON", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    yield "a CSV cell with an unclosed quote", b'id,text\n1,"' + ARTICLE.encode() * 100
    yield "a CSV with 10,000 columns", b",".join(b"c%d" % i for i in range(10_000)) + b"\n" + b"x," * 9_999 + b"y\n"


class Hang(Exception):
    pass


@contextmanager
def hang_guard(what: str) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"reading {what!r} did not finish in {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("ext", sorted(SAMPLES))
def test_generated_bad_input_yields_documents_or_coded_failures(tmp_path: Path, ext: str) -> None:
    # the valid sample is read as documents: breaking it is what the rest of the test does
    good = tmp_path / f"good{ext}"
    good.write_bytes(SAMPLES[ext])
    assert all(isinstance(i, Document) for i in read_sources([str(good)]))
    limit = sys.getrecursionlimit()
    for number, (what, data) in enumerate(generated(ext)):
        path = tmp_path / f"fuzz{number:02d}{ext}"
        path.write_bytes(data)
        with hang_guard(f"{what} ({ext})"):
            try:
                items = list(read_sources([str(path)]))
            except Exception as exc:  # noqa: BLE001 - the point of the test: name the input that escaped
                pytest.fail(f"{what} ({ext}, {len(data)} bytes) raised {type(exc).__name__}: {exc}")
        assert items, f"{what} ({ext}): neither a document nor a failure"
        for item in items:
            assert isinstance(item, (Document, Failure)), (what, item)
            if isinstance(item, Failure):
                assert item.code.startswith("E1") and item.message and item.stage in ("read", "parse"), (what, item)
            else:
                assert item.text.strip() and "\x00" not in item.text, (what, item.text[:100])
                assert len(item.text) <= len(data), f"{what} ({ext}): the text grew (entities expanded?)"
        if what in ("cp1252 without a declaration", "latin-1 declared as utf-8"):
            # the encoding policy holds for every format (feeds included): refused, never guessed
            assert [getattr(i, "code", "doc") for i in items] == ["E104"], (what, ext, items)
        assert sys.getrecursionlimit() == limit
        path.unlink()
