"""Hostile sites and failing disks: each fault ends within seconds, with the right exit code, a plain message, and
the earlier dataset intact. Servers bind 127.0.0.1; each test is bounded in requests and time."""

from __future__ import annotations

import contextlib
import csv
import errno
import gzip
import json
import os
import re
import shutil
import sqlite3
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from harvester.errors import IncompleteError, StorageError, UsageError
from harvester.pipeline import harvest, reparse
from harvester.settings import Settings
from harvester.sites import Search, get_site
from harvester.state import state_file
from tests.conftest import FIXTURES, FakeClock, dataset, run_report
from tests.faultserver import Fault, FaultServer, folder_pages, synthetic_pages
from tests.sitegen import doc, results_page

WILSON = get_site("wilson")


def run(server: FaultServer, out: Path, query: str = "q", name: str = "s", **settings):
    clock = FakeClock()
    return harvest(WILSON, Search(query), out, name, ["csv", "json"], Settings(base_url=server.origin, delay=0, **settings),
                   sleep=clock.sleep, now=clock.now)


def files(folder: Path) -> dict[str, bytes]:
    """The dataset files of a folder and what they hold (not the filler of a test's full disk)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(".") and p.name != "filler"}


# 1. One invalid byte garbles nothing but itself

def test_a_page_walked_again_says_its_invalid_byte_once(tmp_path: Path):
    """Pages that count one document more than they hold are walked again (--allow-incomplete keeps what they hold):
    the invalid byte of the first page is said once, not once a walk."""
    docs = [doc(n) for n in range(15)]

    def answer(path: str) -> bytes | None:
        if not path.startswith("/search"):
            return None
        number = int(path.split("page=")[1]) if "page=" in path else 0
        body = results_page(docs, number, total=16).encode("utf-8")
        return body.replace(b"Summary of Telegram", b"Summary \xe9 of Telegram", 1) if number == 0 else body

    with FaultServer(answer) as server:
        outcome = harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0,
                                                                                 allow_incomplete=True))
    assert len(dataset(tmp_path, "s")) == 15 and len([w for w in outcome.warnings if "not valid utf-8" in w]) == 1
    assert len(outcome.warnings) == len(set(outcome.warnings))


def test_one_invalid_utf8_byte_is_replaced_where_it_is_and_said(tmp_path: Path):
    docs = [("letter-kadar", "May 1, 1957", "Letter from János Kádár to Władysław Gomułka"), doc(1)]
    body = results_page(docs, 0).encode("utf-8").replace(b"Summary of Telegram", b"Summary \xe9 of Telegram")   # cut mid-character

    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    [kadar, one] = dataset(tmp_path, "s")
    assert kadar["title"] == "Letter from János Kádár to Władysław Gomułka"
    assert kadar["people"] == ["János Kádár", "Władysław Gomułka"]
    assert "\ufffd" in one["summary"] and one["summary"].startswith("Summary \ufffd of Telegram")
    [warning] = [w for w in outcome.warnings if "not valid utf-8" in w]
    assert warning.startswith(f"{server.origin}/search") and "1 byte not valid utf-8" in warning


def test_a_page_that_declares_nothing_and_is_not_utf8_is_read_as_windows_1252():
    from harvester.fetch.page import decode_html

    text, problem = decode_html("<html><p>Kádár – “Moscow”</p></html>".encode("cp1252"))
    assert "Kádár – “Moscow”" in text and problem is None
    text, problem = decode_html("<html><p>Kádár</p></html>".encode() + b"\xff</html>")
    assert "Kádár" in text and "1 byte not valid utf-8" in problem


@pytest.mark.parametrize("declared", ["base64", "rot13", "zlib", "undefined", "idna", "no-such-charset", "utf-16", "UTF-16LE",
                                      "utf_16", "utf-32", "punycode", "utf-7", "unicode_escape"])
def test_a_charset_that_is_no_text_encoding_or_cannot_be_the_pages_is_passed_over_for_what_the_bytes_are(declared: str):
    from harvester.fetch.page import decode_html

    page = f'<html><head><meta charset="{declared}"></head><p>Kádár</p></html>'.encode()
    assert decode_html(page) == (page.decode(), None)
    plain = page.replace("Kádár".encode(), b"Kadar")       # no byte beyond ASCII to tell the encoding by
    assert decode_html(plain) == (plain.decode(), None)
    if not declared.lower().startswith("utf"):   # (a server's UTF-16 is taken at its word, as a browser takes it)
        assert decode_html(page, f"text/html; charset={declared}") == (page.decode(), None)


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "koi8-r"])
def test_a_utf8_page_a_server_sends_as_a_single_byte_charset_is_read_as_utf8(tmp_path: Path, charset: str):
    """A server's default charset (Apache's AddDefaultCharset) on the site's UTF-8 pages: every title with an accent or
    a curly quote was garbled ("KÃ¡dÃ¡r"), and the run said nothing. A single-byte charset's text is almost never UTF-8."""
    docs = [("letter-kadar", "May 1, 1957", "Letter from János Kádár to Władysław Gomułka"), doc(1)]
    body = results_page(docs, 0).encode("utf-8")
    sent = Fault(200, {"Content-Type": f"text/html; charset={charset}"}, body)
    with FaultServer(lambda path: body, lambda n, path: sent if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    assert outcome.documents == 2 and dataset(tmp_path, "s")[0]["title"] == "Letter from János Kádár to Władysław Gomułka"


def test_a_utf8_page_cut_mid_character_a_server_sends_as_iso_8859_1_is_read_as_utf8_its_byte_said(tmp_path: Path):
    """The site's pages may hold a byte cut mid-character (as a page that declares nothing, it is replaced and said):
    sent with a server's default charset, that one byte made the whole page read as ISO-8859-1, every accent garbled."""
    docs = [("letter-kadar", "May 1, 1957", "Letter from János Kádár to Władysław Gomułka"), doc(1)]
    body = results_page(docs, 0).encode("utf-8").replace(b"Summary of Telegram", b"Summary \xe9 of Telegram")
    sent = Fault(200, {"Content-Type": "text/html; charset=iso-8859-1"}, body)
    with FaultServer(lambda path: body, lambda n, path: sent if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    assert dataset(tmp_path, "s")[0]["title"] == "Letter from János Kádár to Władysław Gomułka"
    assert [w for w in outcome.warnings if "1 byte not valid utf-8" in w]


@pytest.mark.parametrize("charset", ["iso-8859-1", "latin1", "us-ascii", "windows-1252"])
def test_a_windows_1252_page_sent_as_latin1_reads_its_quotes_and_dashes(charset: str):
    """The HTML standard reads a page labelled ISO-8859-1 or ASCII as Windows-1252, which is what such pages are written
    in: Python's Latin-1 made their curly quotes and dashes control characters; and one pair of letters that happens
    to be UTF-8 ("daß“") does not make the page UTF-8."""
    from harvester.fetch.page import decode_html

    page = "<html><p>„Gespräch“ – Kádár’s letter, daß“</p></html>".encode("cp1252")
    assert decode_html(page, f"text/html; charset={charset}") == (page.decode("cp1252"), None)


def test_a_body_that_is_not_the_gzip_it_says_is_a_failed_fetch_naming_the_page(tmp_path: Path):
    from harvester.errors import FetchError

    garbage = Fault(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, b"\x1f\x8b" + bytes(range(256)) * 2)
    with FaultServer(synthetic_pages([doc(1)]), lambda n, path: garbage if path.startswith("/search") else None) as server:
        with pytest.raises(FetchError, match=r"/search\?search_api_fulltext=q: .*cannot be decoded as its Content-Encoding"):
            run(server, tmp_path, attempts=2)
        assert len(server.search_requests()) == 2


def test_a_nul_byte_early_in_a_fetched_page_is_no_usage_error(tmp_path: Path):
    body = results_page([doc(n) for n in range(3)], 0).encode().replace(b"<title>", b"<title>\x00", 1)
    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    assert outcome.documents == 3


def test_a_binary_answer_where_a_results_page_should_be_is_a_layout_error(tmp_path: Path):
    from harvester.errors import LayoutError

    with FaultServer(lambda path: b"%PDF-1.4\n" + bytes(300) if path.startswith("/search") else None) as server:
        with pytest.raises(LayoutError, match="binary file, not an HTML page"):
            run(server, tmp_path)


@pytest.mark.parametrize(("fault", "said"), [
    (Fault(204), r"HTTP 204, not a page"),
    (Fault(304), r"HTTP 304 \(not modified\) where the page itself was asked for"),   # to a request with no validators
    (Fault(200, {}, b"  \n"), r"the answer is empty \(gave up after 2 tries\)"),       # and no Content-Type to go by
])
def test_an_answer_that_is_no_page_is_a_failed_fetch_naming_its_status(tmp_path: Path, fault: Fault, said: str):
    """Not "the layout changed" (exit 5): the site sent no page (exit 3)."""
    from harvester.errors import FetchError

    with FaultServer(synthetic_pages([doc(n) for n in range(15)]), lambda n, path: fault if "page=1" in path else None) as server:
        with pytest.raises(FetchError, match=r"/search\?search_api_fulltext=q&page=1: " + said):
            run(server, tmp_path, attempts=2)


# 2. Different searches never share a dataset

def test_searches_in_other_scripts_get_datasets_of_their_own(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        for search in (["--query", "金日成"], ["--query", "毛泽东"], ["--all"]):
            code, _, err = run_cli(monkeypatch, capsys, "harvest", *search, "--base-url", server.origin,
                                   "--out", str(tmp_path), "--delay", "0")
            assert code == 0, err
    names = sorted(p.name for p in tmp_path.glob("*.csv") if ".people." not in p.name)
    assert len(names) == 3 and "wilson-all.csv" in names, names


def test_a_search_other_than_the_datasets_is_refused_and_the_dataset_kept(tmp_path: Path):
    from harvester.errors import UsageError

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path, query="Korean War", name="kw")
        before = files(tmp_path)
        run(server, tmp_path, query="KOREAN  war", name="kw")              # the same search: case and spaces aside
        with pytest.raises(UsageError, match=r'dataset kw holds the harvests of “KOREAN  war”, not of “Cuba”; '
                                             r"give this search a --name of its own"):
            run(server, tmp_path, query="Cuba", name="kw")
    assert files(tmp_path).keys() == before.keys() and dataset(tmp_path, "kw")[0]["query"] == "KOREAN  war"


def test_a_search_other_than_the_archives_is_refused_once_the_datasets_state_is_deleted(tmp_path: Path):
    """DIR/.harvester/NAME.sqlite deleted by hand: another search took the dataset, and its pages joined the first
    search's in DIR/archive/NAME-run*.warc.gz, which a re-parse then read as one dataset. The same search starts afresh."""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path, query="Korean War", name="kw")
        state_file(tmp_path, "kw").unlink()
        archived = sorted((tmp_path / "archive").iterdir())
        with pytest.raises(UsageError, match=r"dataset kw holds the harvests of “Korean War” \(kw-run0001-part1.warc.gz in "
                                             r".*archive\), not of “Cuba”; give this search a --name of its own"):
            run(server, tmp_path, query="Cuba", name="kw")
        assert sorted((tmp_path / "archive").iterdir()) == archived and not state_file(tmp_path, "kw").exists()
        assert run(server, tmp_path, query="Korean War", name="kw").documents == 3
    assert [path.name for path in sorted((tmp_path / "archive").iterdir())] == ["kw-run0001-part1.warc.gz", "kw-run0002-part1.warc.gz"]


def test_a_search_other_than_the_archives_is_refused_after_a_failed_try_of_the_new_state(tmp_path: Path):
    """The state deleted, a try of the same search failed once the site answered (its 404 archived as the new state's
    run 2): the archive's search was then checked no more, and another search took the dataset, which held no document."""
    from harvester.errors import FetchError

    pages, down = synthetic_pages([doc(n) for n in range(3)]), [False]
    with FaultServer(lambda path: None if down[0] else pages(path)) as server:
        run(server, tmp_path, query="Korean War", name="kw")
        state_file(tmp_path, "kw").unlink()
        down[0] = True
        with pytest.raises(FetchError, match="404"):
            run(server, tmp_path, query="Korean War", name="kw")
        down[0] = False
        with pytest.raises(UsageError, match=r"dataset kw holds the harvests of “Korean War” \(kw-run0001-part1.warc.gz in "):
            run(server, tmp_path, query="Cuba", name="kw")
        assert run(server, tmp_path, query="Korean War", name="kw").documents == 3


def test_a_search_other_than_the_archives_is_refused_when_its_last_run_found_every_page_unchanged(tmp_path: Path):
    """The site sends validators, and the last run was answered 304 for every results page (its WARC file holds revisits
    of the run before's): the archive's search was not found, and another search took the dataset."""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)]), etags=True) as server:
        run(server, tmp_path, query="Korean War", name="kw")
        run(server, tmp_path, query="Korean War", name="kw")
        assert server.not_modified == 1
        state_file(tmp_path, "kw").unlink()
        with pytest.raises(UsageError, match=r"dataset kw holds the harvests of “Korean War” \(kw-run0001-part1.warc.gz in "):
            run(server, tmp_path, query="Cuba", name="kw")


def test_a_state_started_afresh_whose_runs_found_nothing_keeps_its_search(tmp_path: Path, monkeypatch):
    """A state started afresh by an earlier version with another search than its archive's, whose runs found no document
    (a search that lists nothing, watched every week): its own search is no other search's."""
    import harvester.pipeline

    pages, empty = synthetic_pages([doc(n) for n in range(3)]), synthetic_pages([])
    with FaultServer(lambda path: empty(path) if "Cuba" in path else pages(path)) as server:
        run(server, tmp_path, query="Korean War", name="kw")
        state_file(tmp_path, "kw").unlink()
        with monkeypatch.context() as before:   # (that version did not look at the archive)
            before.setattr(harvester.pipeline, "check_archived_search", lambda *args, **kwargs: None)
            assert run(server, tmp_path, query="Cuba", name="kw").documents == 0
        assert run(server, tmp_path, query="Cuba", name="kw").documents == 0


def test_the_archives_search_is_read_from_its_last_runs_first_results_page_alone(tmp_path: Path, monkeypatch):
    """The last run resumed (its part 2 may hold every document page, gigabytes): each of its parts was read up to a
    results page, part 2 whole when it has none, at every start of a state that holds no document."""
    import harvester.pipeline
    from harvester.errors import FetchError

    pages, down = synthetic_pages([doc(n) for n in range(13)]), [True]
    with FaultServer(lambda path: None if down[0] and "page=1" in path else pages(path)) as server:
        with pytest.raises(FetchError, match="404"):
            run(server, tmp_path, query="Korean War", name="kw")
        down[0] = False
        assert run(server, tmp_path, query="Korean War", name="kw").documents == 13   # (resumed: part 2)
        state_file(tmp_path, "kw").unlink()
        read, reading = [], harvester.pipeline.read_warc
        monkeypatch.setattr(harvester.pipeline, "read_warc", lambda path: read.append(path.name) or reading(path))
        assert run(server, tmp_path, query="Korean War", name="kw").documents == 13
    assert read == ["kw-run0001-part1.warc.gz"]


def test_a_first_run_that_fails_once_its_archives_disk_is_gone_keeps_the_state_of_the_pages_it_took(tmp_path: Path):
    """DIR/archive a link to a disk unmounted as the first run went (its WARC file still open), which then failed: no
    WARC file was seen, and the state was removed with the log of the pages it had taken, which the next run resumes."""
    from harvester.errors import FetchError

    (tmp_path / "disk").mkdir()
    (tmp_path / "archive").symlink_to(tmp_path / "disk")
    pages, mounted = synthetic_pages([doc(n) for n in range(13)]), [True]

    def unmounted(path: str) -> bytes | None:
        if "page=1" not in path or not mounted[0]:
            return pages(path)
        mounted[0] = False
        (tmp_path / "disk").rename(tmp_path / "away")
        return None

    with FaultServer(unmounted) as server:
        with pytest.raises(FetchError, match="404"):
            run(server, tmp_path, query="Korean War", name="kw")
        assert state_file(tmp_path, "kw").exists()
        (tmp_path / "away").rename(tmp_path / "disk")   # mounted again
        assert run(server, tmp_path, query="Korean War", name="kw").replayed == 1


def test_a_search_corrected_after_a_first_run_that_found_nothing_takes_the_dataset(tmp_path: Path, caplog):
    """A mistyped search that the site answered (a 404 is kept, as every answer is) left a state that held no document:
    the corrected search, under the same --name, was refused as another search's dataset."""
    from harvester.errors import FetchError

    pages = synthetic_pages([doc(n) for n in range(3)])
    with FaultServer(lambda path: None if "Kuba" in path else pages(path)) as server:
        with pytest.raises(FetchError, match="404"):
            run(server, tmp_path, query="Kuba", name="c")
        assert (tmp_path / ".harvester" / "c.sqlite").exists()   # (the site's answer is kept)
        caplog.set_level("INFO")
        assert run(server, tmp_path, query="Cuba", name="c").documents == 3
        assert "did not finish and is not resumed (it was of another search)" in caplog.text
        assert dataset(tmp_path, "c")[0]["query"] == "Cuba"
        with pytest.raises(UsageError, match=r"dataset c holds the harvests of “Cuba”, not of “Kuba”"):
            run(server, tmp_path, query="Kuba", name="c")
    # a run that saw documents and did not finish: its pages are in the archive, and another search mixes none in
    more = synthetic_pages([doc(n) for n in range(13)])
    with FaultServer(lambda path: None if "page=1" in path else more(path)) as server:
        with pytest.raises(FetchError, match="404"):
            run(server, tmp_path / "d", query="Cuba", name="d")
        with pytest.raises(UsageError, match=r"dataset d holds the harvests of “Cuba”, not of “Kuba”"):
            run(server, tmp_path / "d", query="Kuba", name="d")


@pytest.mark.parametrize("mistyped", ["no results", "404"])
def test_a_search_corrected_after_a_first_run_that_found_nothing_takes_the_dataset_whose_state_was_deleted(tmp_path: Path,
                                                                                                         mistyped):
    """As with its state: the mistyped search's answer, in the archive, held the dataset for the mistyped search alone."""
    from harvester.errors import FetchError

    pages, empty = synthetic_pages([doc(n) for n in range(3)]), synthetic_pages([])
    with FaultServer(lambda path: pages(path) if "Cuba" in path else None if mistyped == "404" else empty(path)) as server:
        with pytest.raises(FetchError, match="404") if mistyped == "404" else contextlib.nullcontext():
            run(server, tmp_path, query="Kuba", name="c")
        state_file(tmp_path, "c").unlink()
        assert run(server, tmp_path, query="Cuba", name="c").documents == 3


def test_a_reparse_of_the_archive_of_a_corrected_search_is_the_corrected_search_alone(tmp_path: Path):
    """A mistyped search that the site answered with no results left its empty results page in the archive, and the
    corrected search took the dataset: a re-parse of the archive read two searches, named the dataset 'wilson-reparse',
    knew no total and gave the mistyped search as a source."""
    from harvester.pipeline import reparse

    pages, empty = synthetic_pages([doc(n) for n in range(3)]), synthetic_pages([])
    with FaultServer(lambda path: empty(path) if "Kuba" in path else pages(path)) as server:
        assert run(server, tmp_path, query="Kuba", name="c").documents == 0
        assert run(server, tmp_path, query="Cuba", name="c").documents == 3
    outcome = reparse([tmp_path / "archive"], WILSON, tmp_path / "re", None, ["json"], workers=0)
    assert (outcome.documents, outcome.total) == (3, 3)
    sources = json.loads((tmp_path / "re" / "c.datapackage.json").read_text())["sources"]
    assert [source["title"] for source in sources] == ["search: “Cuba”"]


# 3. Nothing hangs: a trickling server, a huge Crawl-delay, a next link that leads back, pages no parser should build

def test_a_body_compressed_by_a_package_not_installed_says_which_to_install(monkeypatch):
    import sys

    from harvester.fetch.page import Unreadable, unpacked

    monkeypatch.setitem(sys.modules, "zstandard", None)   # (an import of it fails, as where it is not installed)
    with pytest.raises(Unreadable, match=r"^its body is compressed as zstd, which needs the zstandard package to be read "
                                         r"\(pip install zstandard\)$"):
        unpacked(b"(zstd bytes)", ["zstd"], 1000)


def test_a_page_compressed_in_a_way_not_asked_for_is_unpacked_within_the_size_cap(tmp_path: Path):
    """harvester asks for gzip and deflate, whose unpacking httpx does within the size cap; brotli sent all the same is
    unpacked by harvester within it too: a page is read, a bot check known as one, a bomb (50 MB unpacked) refused."""
    import brotli

    from harvester.errors import BlockedError, FetchError
    from harvester.fetch.client import make_client

    assert make_client(Settings()).headers["accept-encoding"] == "gzip, deflate"   # (httpx asks for br when it can read it)
    docs = [doc(n) for n in range(15)]
    sent = {"Content-Encoding": "br", "Content-Type": "text/html; charset=utf-8"}
    small = lambda n, path: Fault(200, sent, brotli.compress(results_page(docs, 1).encode())) if "page=1" in path else None  # noqa: E731
    with FaultServer(synthetic_pages(docs), small) as server:
        assert run(server, tmp_path / "small").documents == 15
    bomb = brotli.compress(b"<html><body>" + b" " * 50_000_000, quality=1)
    with FaultServer(synthetic_pages(docs), lambda n, path: Fault(200, sent, bomb) if "page=1" in path else None) as server:
        with pytest.raises(FetchError, match=r"page=1: its body unpacks to more than 20,000,000 bytes; refused"):
            run(server, tmp_path / "bomb", attempts=2)
    assert sum("page=1" in path for path in server.requests) == 1   # not asked again
    check = brotli.compress((FIXTURES / "wilson" / "challenge" / "page-0.html").read_bytes())
    with FaultServer(synthetic_pages(docs), lambda n, path: Fault(403, sent, check) if "page=1" in path else None) as server:
        with pytest.raises(BlockedError, match="bot-protection challenge"):
            run(server, tmp_path / "check", attempts=2)
    busy = {"page=1": Fault(503, sent, bomb)}   # an error's body past the cap is not read: its status says what to do
    with FaultServer(synthetic_pages(docs), lambda n, path: busy.pop("page=1", None) if "page=1" in path else None) as server:
        outcome = run(server, tmp_path / "again", attempts=2)
    assert outcome.documents == 15 and outcome.requests == 4   # robots.txt, page 0, page 1 twice


@pytest.mark.slow
@pytest.mark.parametrize("where", ["/robots.txt", "/search"])
def test_a_server_that_trickles_a_byte_at_a_time_is_given_up_on_at_the_deadline(tmp_path: Path, where: str):
    from harvester.errors import FetchError

    trickle = lambda n, path: Fault(trickle=0.05) if path.startswith(where) else None  # noqa: E731
    with FaultServer(synthetic_pages([doc(1)]), trickle) as server:
        with pytest.raises(FetchError, match=r"no whole answer within 0.5 s \(the server sends too slowly\) \(gave up after 2 tries\)"):
            run(server, tmp_path, response_deadline=0.5, attempts=2, timeout=5)
    assert not (tmp_path / "s.csv").exists()


def test_a_crawl_delay_of_a_day_is_capped_and_said(tmp_path: Path):
    robots = b"User-agent: *\nCrawl-delay: 100000\n"
    with FaultServer(synthetic_pages([doc(n) for n in range(25)]), lambda n, p: Fault(200, {}, robots) if p == "/robots.txt" else None) as server:
        clock, started = FakeClock(), time.monotonic()
        outcome = harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0, max_crawl_delay=5),
                          sleep=clock.sleep, now=clock.now)
        took = time.monotonic() - started   # (the pause runs from one request's start: less the real time a request took)
    assert len(clock.sleeps) == 3 and all(5.0 - took <= pause <= 5.0 for pause in clock.sleeps), (clock.sleeps, took)
    # (after robots.txt, before each of the three pages)
    assert any("asks for 100000 s between requests; waiting 5 s" in w for w in outcome.warnings)


@pytest.mark.parametrize("location", ["http://[::1", "http://127.0.0.1:port/search", "http://xn--a/search", "javascript:void(0)"])
def test_a_redirect_to_no_address_is_a_failed_fetch_naming_it(tmp_path: Path, location: str):
    from harvester.errors import FetchError

    moved = Fault(302, {"Location": location})
    with FaultServer(synthetic_pages([doc(1)]), lambda n, path: moved if path.startswith("/search") else None) as server:
        with pytest.raises(FetchError, match=r"/search\?search_api_fulltext=q: redirects to .*(no address|none).*; not followed"):
            run(server, tmp_path)
        assert len(server.search_requests()) == 1


def test_a_results_page_of_another_search_is_refused_and_none_of_its_documents_kept(tmp_path: Path):
    """A cache or a redirect answers the search's first page with another search's results (their page's settings say
    which search it answers): the run stops there, the last run's files stand, and the next run lists none of them."""
    from harvester.errors import LayoutError
    from tests.faultserver import folder_pages

    query, seed = "Korean Workers' Party", FIXTURES / "wilson" / "seed"
    other = Fault(200, {"Content-Type": "text/html"}, (FIXTURES / "wilson" / "facet-two" / "raw" / "page-0.html").read_bytes())
    wrong = [True]
    with FaultServer(folder_pages(seed), lambda n, path: other if wrong[0] and path.startswith("/search") else None) as server:
        wrong[0] = False
        run(server, tmp_path, query=query)
        before, wrong[0] = files(tmp_path), True
        with pytest.raises(LayoutError, match=r"/search\?search_api_fulltext=Korean%20Workers%27%20Party: the site answered "
                                              r"with the results of another search, people: 84573 and topics: 86494 \(a cache, "
                                              r"or a redirect\?\); not taken"):
            run(server, tmp_path, query=query)
        assert files(tmp_path) == before
        wrong[0] = False
        outcome = run(server, tmp_path, query=query)
    assert outcome.documents == 19 and files(tmp_path) != before
    assert [r["id"] for r in dataset(tmp_path, "s")] == [r["id"] for r in json.loads(before["s.json"])]


def test_the_whole_archives_first_page_in_place_of_the_searchs_is_refused(tmp_path: Path):
    """A cache or a redirect answers the search with the archive's search page asked with no query at all, whose
    settings then write no query (currentQuery left out): that is the whole archive's listing, not the search's."""
    from harvester.errors import LayoutError

    body = (FIXTURES / "wilson" / "seed" / "page-0.html").read_text(encoding="utf-8")
    whole = re.sub(r',"currentQuery":\{[^}]*\}', "", body, count=1)
    assert whole != body
    page = Fault(200, {"Content-Type": "text/html"}, whole.encode("utf-8"))
    with FaultServer(synthetic_pages([]), lambda n, path: page if path.startswith("/search") else None) as server:
        with pytest.raises(LayoutError, match="the site answered with the results of another search, the whole archive"):
            run(server, tmp_path, query="Korean Workers' Party")
    assert not (tmp_path / "s.json").exists()


def _with_settings_query(body: str, value: str) -> str:
    """A results page whose settings say it was asked with a facet `value` (JSON) beside its query."""
    changed = body.replace('"currentQuery":{', '"currentQuery":{"f":' + value + ",", 1)
    assert changed != body
    return changed


def test_a_page_whose_settings_hold_a_facet_with_no_value_is_taken_by_a_harvest(tmp_path: Path):
    """The site answered a search asked with a facet left empty (f[0]=, as a form sends one) and its settings say so:
    they name no search to hold the page against, so the page is taken, as a page whose settings say nothing is."""
    from tests.faultserver import folder_pages

    seed = folder_pages(FIXTURES / "wilson" / "seed")
    with FaultServer(lambda path: _with_settings_query(body.decode("utf-8"), '[""]').encode("utf-8")
                     if (body := seed(path)) else None) as server:
        outcome = run(server, tmp_path, query=SEED_QUERY)
    assert outcome.documents == 19 and len(server.search_requests()) == 2


@pytest.mark.parametrize("value, said", [('["people:"]', "f[0]='people:'"), ('[""]', "f[0]=''"), ("[null]", "f[0]=''")])
def test_a_saved_page_whose_settings_hold_a_facet_with_no_value_is_said_in_one_line(tmp_path: Path, value: str, said: str):
    """A page saved with no address (no saved-from mark, no canonical link), whose settings say it was asked with a
    facet that has no value: which search it is of is unknown, and said of the page, with the address as the site
    has it (a JSON null is no value, not Python's 'None'); nothing is written."""
    from harvester.errors import InputError

    folder = tmp_path / "saved"
    folder.mkdir()
    for page in ("page-0.html", "page-1.html"):
        text = (FIXTURES / "wilson" / "seed" / page).read_text(encoding="utf-8")
        text = re.sub(r'<!-- saved from url=.*?-->\n|<link rel="canonical"[^>]*>\n', "", text)
        (folder / page).write_text(_with_settings_query(text, value), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        reparse([folder], WILSON, tmp_path / "o", "d", ["json"], workers=0)
    said_of_page = str(raised.value)
    assert said_of_page.startswith(f"{folder / 'page-0.html'}: its settings say it was asked with "
                                   "https://digitalarchive.wilsoncenter.org/search?f%5B0%5D=") and f": {said} is not a facet" in said_of_page
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("value, sent", [("true", "extra=true"), ("false", "extra=false"), ("2.5", "extra=2.5"),
                                         ('[["people:1"]]', "extra%5B0%5D=%5B%22people%3A1%22%5D")])
def test_a_saved_pages_settings_holding_other_json_are_sent_as_json_not_python(value: str, sent: str):
    """A boolean, a number or a list in a list among the query a page's settings give is sent as the JSON it is: not
    Python's 'True' or "['people:1']" in the dataset's search."""
    text = (FIXTURES / "wilson" / "seed" / "page-0.html").read_text(encoding="utf-8")
    searched = WILSON.saved_search(text.replace('"currentQuery":{', '"currentQuery":{"extra":' + value + ",", 1))
    assert searched == f"{WILSON.home}/search?search_api_fulltext=Korean%20Workers%27%20Party&{sent}"


def test_a_saved_pages_settings_holding_null_are_no_value(tmp_path: Path):
    """A JSON null among the query a page's settings give is no value: not Python's 'None' in the dataset's search."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for page in ("page-0.html", "page-1.html"):
        text = (FIXTURES / "wilson" / "seed" / page).read_text(encoding="utf-8")
        text = re.sub(r'<!-- saved from url=.*?-->\n|<link rel="canonical"[^>]*>\n', "", text)
        (folder / page).write_text(text.replace('"currentQuery":{', '"currentQuery":{"extra":null,', 1), encoding="utf-8")
    reparse([folder], WILSON, tmp_path / "o", "d", ["json"], workers=0)
    assert "None" not in {r["search"] for r in dataset(tmp_path / "o", "d")}.pop()


@pytest.mark.parametrize("fault, size", [(None, r"of [\d,]+ bytes, "), (Fault(chunked=True), "")], ids=["its-length-said", "chunked"])
def test_a_results_page_larger_than_the_limit_is_refused_whether_or_not_it_says_its_length(tmp_path: Path, fault: Fault | None,
                                                                                           size: str):
    """A body sent in chunks says no length before it ends: it is counted as it comes, and refused at the limit as one
    whose Content-Length says it is too large, not tried again; the run stops and writes nothing."""
    from harvester.errors import FetchError

    seed = FIXTURES / "wilson" / "seed"
    with FaultServer(folder_pages(seed), lambda n, path: fault if path.startswith("/search") else None) as server:
        with pytest.raises(FetchError, match=r"/search\?search_api_fulltext=Korean%20Workers%27%20Party: response "
                                             rf"{size}larger than 10,000 bytes; refused$"):
            run(server, tmp_path, query=SEED_QUERY, max_response_bytes=10_000)
        assert len(server.search_requests()) == 1
    assert not any(tmp_path.glob("s.*"))


# 2b. A page of the search served in another page's place, as its settings say

SEED_QUERY = "Korean Workers' Party"


def served_as(swaps: dict[tuple[str, int], str]) -> FaultServer:
    """The seed search's pages, the n-th request of page `p` ("0", "1") answered with page `swaps[p, n]`'s (a cache)."""
    whole, asked = folder_pages(FIXTURES / "wilson" / "seed"), []

    def pages(path: str) -> bytes | None:
        asked.append(path)
        if not path.startswith("/search"):
            return whole(path)
        number = "1" if path.endswith("&page=1") else "0"
        served = swaps.get((number, asked.count(path)), number)
        return whole(path.removesuffix("&page=1") + ("&page=1" if served == "1" else ""))

    return FaultServer(pages)


def test_a_results_page_whose_settings_name_another_page_is_not_taken_and_the_run_is_partial(tmp_path: Path):
    """A cache answers page 0 of the search with page 1 every time (its settings say page 1): page 0's ten documents
    were never seen, not removed; the run is partial and reports none of them gone (page 1's cards are no full page's:
    they never show as a page repeated)."""
    with FaultServer(folder_pages(FIXTURES / "wilson" / "seed")) as server:
        run(server, tmp_path, query=SEED_QUERY)
    server = served_as({("0", n): "1" for n in range(1, 10)})
    with server:
        outcome = run(server, tmp_path, query=SEED_QUERY, allow_incomplete=True)
    assert outcome.documents == 9 and outcome.report["complete"] is False
    assert run_report(tmp_path, "s")["no_longer_listed"] == []


@pytest.mark.parametrize("swaps", [{("0", 1): "1"}, {("1", 1): "0"}])
def test_a_results_page_served_once_in_anothers_place_is_walked_again_into_the_sites_order(tmp_path: Path, swaps: dict):
    """Page 1's cards in page 0's place, or page 0's in page 1's, once: the walk again sees each page in its own place."""
    with FaultServer(folder_pages(FIXTURES / "wilson" / "seed")) as server:
        run(server, tmp_path / "clean", query=SEED_QUERY)
    server = served_as(swaps)
    with server:
        outcome = run(server, tmp_path, query=SEED_QUERY)
    assert (outcome.documents, outcome.report["complete"], outcome.warnings) == (19, True, [])
    assert dataset(tmp_path, "s") == dataset(tmp_path / "clean", "s")


def test_a_page_served_in_anothers_place_during_the_walk_again_leaves_the_sites_order(tmp_path: Path):
    """The first walk is given page 1 in page 0's place; the walk again, page 0 in page 1's: each page was seen once in
    its own place, and the dataset lists them as the site does."""
    with FaultServer(folder_pages(FIXTURES / "wilson" / "seed")) as server:
        run(server, tmp_path / "clean", query=SEED_QUERY)
    server = served_as({("0", 1): "1", ("1", 2): "0"})
    with server:
        outcome = run(server, tmp_path, query=SEED_QUERY)
    assert (outcome.documents, outcome.report["complete"], outcome.warnings) == (19, True, [])
    assert [r["id"] for r in dataset(tmp_path, "s")] == [r["id"] for r in dataset(tmp_path / "clean", "s")]


def pages_with_settings(docs: list, swaps: dict[tuple[int, int], int], name_page: bool = True) -> Callable[[str], bytes | None]:
    """The results pages of `docs`, each with Drupal settings that carry its search and (`name_page`) its number; `swaps`:
    (page, its nth request) -> the page served in its place."""
    asked = []

    def pages(path: str) -> bytes | None:
        asked.append(path)
        if not path.startswith("/search"):
            return None
        number = int(parse_qs(urlsplit(path).query).get("page", ["0"])[0])
        served = swaps.get((number, asked.count(path)), number)
        query = {"search_api_fulltext": "q", **({"page": str(served)} if name_page else {})}
        settings = json.dumps({"path": {"currentPath": "search", "currentQuery": query}})
        return results_page(docs, served).replace("</body>", f'<script type="application/json" '
                                                             f'data-drupal-selector="drupal-settings-json">{settings}</script></body>').encode()
    return pages


def test_a_middle_page_served_in_anothers_place_during_the_walk_again_is_listed_as_the_first_walk_took_it(tmp_path: Path):
    """Three pages, whose settings say the page each is: the first walk is given page 2 in page 0's place, the walk again
    page 0 in page 1's. Page 1's documents, seen only by the first walk, keep their place between pages 0 and 2."""
    docs = [doc(n) for n in range(25)]
    with FaultServer(pages_with_settings(docs, {(0, 1): 2, (1, 2): 0})) as server:
        outcome = run(server, tmp_path)
    assert (outcome.documents, outcome.report["complete"], outcome.warnings) == (25, True, [])
    assert [r["id"] for r in dataset(tmp_path, "s")] == [slug for slug, _, _ in docs]


def test_a_page_shown_in_anothers_place_on_the_walk_again_too_says_the_order_may_differ(tmp_path: Path):
    """Three pages with no settings to tell the page each is: the first walk is given page 1 in page 0's place, the walk
    again page 0 in page 1's (a full page repeated, each time). Every document is found, but neither walk saw the pages
    each in its own place: the run is whole, and says its order may not be the site's."""
    docs, asked = [doc(n) for n in range(25)], []

    def pages(path: str) -> bytes | None:
        asked.append(path)
        if not path.startswith("/search"):
            return None
        number = int(parse_qs(urlsplit(path).query).get("page", ["0"])[0])
        return results_page(docs, {(0, 1): 1, (1, 2): 0}.get((number, asked.count(path)), number)).encode()

    with FaultServer(pages) as server:
        outcome = run(server, tmp_path)
    assert (outcome.documents, outcome.report["complete"]) == (25, True)
    assert outcome.warnings == ["the order of the listing may differ from the site's: when the pages were walked again, "
                                "a page was served in another's place"]


def test_five_pages_in_a_row_served_in_anothers_place_stop_the_walk_saying_so(tmp_path: Path):
    """A cache answers pages 1 to 5 with page 0 (their settings say so): five pages in a row bring nothing new, and the
    walk stops there, saying what happened, not that the site answers every page alike."""
    docs = [doc(n) for n in range(100)]
    with FaultServer(pages_with_settings(docs, {(n, 1): 0 for n in range(1, 6)})) as server:
        with pytest.raises(IncompleteError, match=r"^pages 1 to 5 were each answered with another page of the search, as "
                                                  r"their settings say \(a cache\?\); stopped at 10 of 100 documents"):
            run(server, tmp_path)


def test_settings_that_name_no_page_leave_the_pages_counted_further_on_taken(tmp_path: Path):
    """Settings that carry the search but never its page (the site stopped writing it) say page 0 on every page: a page
    whose line counts from further on than the first result is taken all the same, and the run is whole."""
    docs = [doc(n) for n in range(25)]
    with FaultServer(pages_with_settings(docs, {}, name_page=False)) as server:
        outcome = run(server, tmp_path)
    assert (outcome.documents, outcome.report["complete"], outcome.warnings) == (25, True, [])
    assert [r["id"] for r in dataset(tmp_path, "s")] == [slug for slug, _, _ in docs]


@pytest.mark.parametrize("settings", ["broken", "missing"])
def test_a_results_page_whose_settings_cannot_be_read_is_taken_as_one_without_settings(tmp_path: Path, settings: str):
    """The settings say which search a page answers, and a page that answers another comes with its own, whole; a page
    whose settings cannot be read (or that has none: a mirror's, an older copy's) tells nothing to check, and is taken."""
    seed = FIXTURES / "wilson" / "seed"
    whole = folder_pages(seed)

    def pages(path: str) -> bytes | None:
        body = whole(path)
        if body is None or not path.startswith("/search"):
            return body
        found = re.search(rb'(<script[^>]*drupal-settings-json[^>]*>)(.*?)(</script>)', body, re.S)
        assert found and json.loads(found[2])["path"]["currentQuery"]
        return body.replace(found[0], found[1] + found[2][:-40] + found[3] if settings == "broken" else b"")

    with FaultServer(pages) as server:
        outcome = run(server, tmp_path, query="Korean Workers' Party")
    assert (outcome.documents, outcome.pages, outcome.report["complete"], outcome.warnings) == (19, 2, True, [])


def test_a_page_whose_settings_name_parameters_the_address_left_out_answers_the_same_search(tmp_path: Path):
    """An address pasted with the form's combined sort alone: the site's settings add the sort it stands for (sort_by,
    sort_order), as its form sends them; the page is still the search's, and taken."""
    page = Fault(200, {"Content-Type": "text/html"}, (FIXTURES / "wilson" / "sorted-upload" / "raw" / "page-0.html").read_bytes())
    search = WILSON.search_of(f"{WILSON.home}/search?f[0]=topics:86435&search_api_fulltext=&sort_bef_combine=created_DESC")
    with FaultServer(synthetic_pages([]), lambda n, path: page if path.startswith("/search") else None) as server:
        outcome = harvest(WILSON, search, tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0, max_pages=1))
    assert outcome.pages == 1 and outcome.documents == 10 and outcome.total == 846


@pytest.mark.parametrize("filters", ["type%5B0%5D=letter", "search_api_fulltext_op=or"])
def test_a_page_of_the_search_without_its_filter_is_another_searchs(tmp_path: Path, filters: str):
    """A filter of the site's form narrows or widens the results, as words and facets do: a page whose settings say the
    search without it (a cache, a redirect gave it) is refused, as a page of other words is."""
    from harvester.errors import LayoutError

    html = (FIXTURES / "wilson" / "seed" / "page-0.html").read_bytes()   # (settings: search_api_fulltext alone)
    page = Fault(200, {"Content-Type": "text/html"}, html.replace(b'name="search_api_fulltext"',
                                                                  b'name="search_api_fulltext"><select name="type[]"></select><select '
                                                                  b'name="search_api_fulltext_op"></select'))
    search = WILSON.search_of(f"{WILSON.home}/search?search_api_fulltext=Korean%20Workers%27%20Party&{filters}")
    with FaultServer(synthetic_pages([]), lambda n, path: page if path.startswith("/search") else None) as server, \
            pytest.raises(LayoutError, match=r"another search, .Korean Workers' Party. \(a cache"):
        harvest(WILSON, search, tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0, max_pages=1))
    assert not (tmp_path / "s.json").exists()


def test_a_robots_txt_moved_on_the_site_is_followed_and_obeyed(tmp_path: Path):
    from harvester.errors import FetchError

    def robots(n: int, path: str) -> Fault | None:
        if path == "/robots.txt":
            return Fault(301, {"Location": "/static/robots.txt"})
        return Fault(200, {}, b"\xef\xbb\xbfUser-agent: *\nDisallow: /search\n") if path == "/static/robots.txt" else None

    with FaultServer(synthetic_pages([doc(1)]), robots) as server:
        with pytest.raises(FetchError, match=r"/search\?search_api_fulltext=q: disallowed by .*/robots.txt; not fetched"):
            run(server, tmp_path)
        assert server.search_requests() == []


def test_a_robots_txt_that_is_no_text_allows_what_it_cannot_say(tmp_path: Path):
    gzipped = Fault(200, {"Content-Type": "text/plain"}, zlib.compress(b"User-agent: *\nDisallow: /private\n") * 3)
    with FaultServer(synthetic_pages([doc(n) for n in range(3)]), lambda n, p: gzipped if p == "/robots.txt" else None) as server:
        assert run(server, tmp_path).documents == 3


def test_a_page_whose_next_link_points_at_itself_is_not_fetched_again_and_again(tmp_path: Path):
    import re

    body = re.sub(r'<div class="results-summary">.*?</div>', "", results_page([doc(1), doc(2)], 0)).replace(
        "</div></main>", '<a rel="next" href="?search_api_fulltext=q">Next</a></div></main>').encode()
    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    assert len(server.search_requests()) == 1 and outcome.documents == 2
    assert any("leads back to a page already fetched" in w for w in outcome.warnings)


@pytest.mark.parametrize("page", ["deep", "huge"])
def test_a_page_no_site_serves_is_refused_before_its_tree_is_built(tmp_path: Path, page: str):
    from harvester.errors import LayoutError

    cards = results_page([doc(1)], 0)
    body = (cards.replace("<main>", "<main>" + "<div>" * 100_000) if page == "deep"
            else cards.replace("<main>", "<main>" + "<p>x</p>" * 700_000)).encode()
    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        with pytest.raises(LayoutError, match="nested more than 400 deep" if page == "deep" else "larger than any page of the site"):
            run(server, tmp_path)


@pytest.mark.parametrize("nesting", ["<div>" * 500, "<DIV>" * 500, "<Div><BR>" * 500,
                                     "</P>" * 400 + "<div>" * 400 + "x" * 9000 + "<div>" * 400,
                                     "</Li></BR>" * 400 + "<div>" * 300 + "x" * 9000 + "<div>" * 300,
                                     "<div><p>x</p>" * 500])
def test_a_page_nested_too_deep_is_refused_whatever_the_case_of_its_tags(nesting: str):
    from harvester.errors import LayoutError
    from harvester.parse.text import check_bounds

    with pytest.raises(LayoutError, match="nested more than 400 deep"):
        check_bounds(f"<html><body>{nesting}</body></html>", "page")
    check_bounds(f"<html><body>{'<DIV><P>x</P><BR></DIV>' * 5000}</body></html>", "a page of the site in capitals")


@pytest.mark.parametrize("end", ["</p_x>", "</p\u0663>"])
def test_an_end_the_walk_reads_as_a_p_lowers_no_depth(end: str):
    """The walk reads "</p_x>" as the end of a p (a name stops at "_"), which holds nothing: counted as an end, it let
    a page nest ever deeper stretch by stretch while the quick count stayed low."""
    from harvester.errors import LayoutError
    from harvester.parse.text import check_bounds

    with pytest.raises(LayoutError, match="nested more than 400 deep"):
        check_bounds(f"<html><body>{(end * 400 + '<div>' * 395 + 'x' * 9000) * 3}</body></html>", "page")


@pytest.mark.parametrize("shape", ["<a", "<div <", "<DIV x='"])
def test_the_depth_check_reads_tags_never_closed_in_linear_time(shape: str):
    """A tag left open ran, for each "<" after it, on to the end of the page: a page of 160 KB took a minute, one of the
    largest size hours. Run in a process of its own, bounded in time."""
    import subprocess
    import sys

    script = f"from harvester.parse.text import check_bounds\ncheck_bounds('<html><body>' + {shape!r} * 400_000, 'page')"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def finished_alone(script: str) -> None:
    """Run `script` (a hostile input's check that prints "done") in a Python process of its own, from the project's root,
    given up after 30 s: a parse that would take minutes fails the test, not the suite."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "done", done.stderr


@pytest.mark.slow
def test_long_hostile_titles_and_headings_are_read_in_linear_time():
    """Each of these once took seconds to minutes (a pattern that tried every start, a recursion per bracket); now
    each is read in a time that grows with its length, no faster. Run in a process of its own, bounded in time."""
    script = """
from harvester.normalize.titles import parties, doc_type
from harvester.normalize.names import NameTable, person_names, written_form
from harvester.records import page_people
names = NameTable.load()
for shape in ["[", "(", "[a", "(a", "[a]", "(a)", "A. ", "A ", "(a, 1900-1950)", "Kim, a ", "with ", "transmitting a ",
              "Adviser to the Embassy, A B, ", "in the Conversations ", "A-B Talks ", "Soviet Ambassador ", "A - ", "A – b ",
              ", A's Visit ", "Embassy, A, ", "[and A] ", "12345 ", "No.: A/1 ", ", Supplying A ", "Council of A Chairman ",
              "Deputy Minister "]:
    size = 100000 if shape == "A - " else 40000   # (a subject after a dash was once looked for to the end from each dash)
    for text in (shape * (size // len(shape)), "Letter from " + shape * (size // len(shape))):
        person_names(parties(text), names), doc_type(text), written_form(text), page_people([text], names)
# a bracket closed at the end only: whether one was open was counted again from the start at each slot's word and topic
for shape, size in [("A to ", 300000), ("A on B ", 200000)]:
    text = "Letter from (" + shape * (size // len(shape)) + ")"
    person_names(parties(text), names), doc_type(text), written_form(text), page_people([text], names)
print("done")
"""
    finished_alone(script)


def test_a_long_headings_forms_are_each_looked_up_in_the_names_table_once(monkeypatch):
    """A heading no longer than any title is looked up once, then cached; a longer one (40,000 characters of a hostile
    page) was not cached and so was looked up whole four times over (its kind, then each form's canonical name, twice),
    most of the time its reading took. The last two are kept: the table's answers are short."""
    from collections import Counter

    from harvester.normalize.names import NameTable
    from harvester.records import page_people

    looked_up = Counter()
    resolve = NameTable._resolve_uncached

    def counted(self, name: str) -> tuple[str | None, str | None]:
        looked_up[name] += 1
        return resolve(self, name)

    monkeypatch.setattr(NameTable, "_resolve_uncached", counted)
    names = NameTable.load()
    for heading in ("Letter from " + "A B, " * 8000, "A. " * 13000, "Kim, Il-sŏng, 1912-1994"):
        page_people([heading, heading], names)
    assert looked_up and set(looked_up.values()) == {1}


def test_a_party_of_a_long_run_of_spaces_is_judged_a_person_or_not_in_linear_time():
    """A bracket was looked for from each space of a run, to its end: a party of 40,000 spaces or tabs (as a caller that
    does not collapse them may give one) took a minute to be judged. Run in a process of its own, bounded in time."""
    script = """
from harvester.normalize.names import NameTable, is_person_party
names = NameTable.load()
for text in ("  " * 20_000 + "x", "\\t" * 40_000 + "Kim"):
    is_person_party(text, names)
print("done")
"""
    finished_alone(script)


def test_a_long_run_of_digits_or_spaces_where_the_totals_line_goes_is_read_in_linear_time():
    """The totals line is looked for in its places, then in any element: text of 100,000 digits and commas, or of
    spaces, once took minutes there (a pattern that tried every start). Run in a process of its own, bounded in time."""
    script = """
from harvester.parse.results import parse_results
from harvester.sites import get_site
from tests.sitegen import doc, results_page
page = results_page([doc(1)], 0)
for text in ("1," * 50000, " " * 100000 + "x"):
    hostile = page.replace('<span>1 - 1 of 1</span>', '<span>' + text + '</span>')
    hostile = hostile.replace('<div class="view-content">', '<div>' + text + '</div><div class="view-content">')
    assert parse_results(hostile, "https://digitalarchive.wilsoncenter.org/search", get_site("wilson")).total is None
print("done")
"""
    finished_alone(script)


def test_text_nested_deep_where_the_totals_line_goes_is_read_once_not_once_a_box():
    """Each box around the totals' place was read whole, and the boxes inside it again: 2 MB of text in 390 boxes,
    each a .view-header, took over a minute. Run in a process of its own, bounded in time."""
    script = """
from harvester.parse.results import parse_results
from harvester.sites import get_site
from tests.sitegen import doc, results_page
page = results_page([doc(1)], 0).replace('<span>1 - 1 of 1</span>', '<span></span>')
boxes = '<div class="view-header">' * 390 + '1 ' * 1_000_000 + '</div>' * 390
hostile = page.replace('<div class="view-content">', boxes + '<div class="view-content">')
assert parse_results(hostile, "https://digitalarchive.wilsoncenter.org/search", get_site("wilson")).total is None
print("done")
"""
    finished_alone(script)


def test_a_search_form_of_thousands_of_fields_is_checked_once_and_said_in_a_line_of_a_few():
    """Each of an address's parameters was looked for among the page's form fields read again for it: 5,000 of a list's
    values beside a form of 20,000 fields took a minute; and the refusal listed every field, a line of megabytes. Run in
    a process of its own, bounded in time."""
    script = """
from harvester.crawl import Walk
from harvester.errors import UsageError
from harvester.parse.results import parse_results
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.sitegen import doc, results_page
form = '<form class="views-exposed-form">' + "".join(f'<input name="x{i}">' for i in range(20_000)) + '<input name="type[]"></form>'
page = results_page([doc(1)], 0).replace('<div class="view-content">', form + '<div class="view-content">')
wilson = get_site("wilson")
parsed = parse_results(page, wilson.home + "/search", wilson)
try:
    Walk(wilson, Search("q", extra=(*((f"type[{i}]", "letter") for i in range(5_000)), ("zz", "1"))), Settings()).took(parsed, 1, ())
except UsageError as error:
    assert "has no field 'zz' (its fields: x0, x1, " in str(error) and len(str(error)) < 1000, str(error)[:300]
    print("done")
"""
    finished_alone(script)


def test_a_totals_line_whose_number_no_search_counts_is_no_totals_line():
    """A total of 400 digits overflowed the page count (a float), one of 5,000 is more than Python reads as a number:
    both ended in a traceback. Such a line is no count of the search's; the page is read without one, and says so."""
    from harvester.parse.results import parse_results

    page = results_page([doc(1)], 0)
    for number in ("9" * 13, "9" * 400, "9" * 5000):
        parsed = parse_results(page.replace("1 - 1 of 1", f"1 - 1 of {number}"), f"{WILSON.home}/search", WILSON)
        assert (parsed.total, len(parsed.cards)) == (None, 1)
        assert parsed.warnings == ("no 'x - y of N' totals line: the page does not count the search's results",)
    assert parse_results(page.replace("1 - 1 of 1", "1 - 1 of 999,999,999"), f"{WILSON.home}/search", WILSON).total == 999999999


@pytest.mark.parametrize("line, said", [("1 - 10 of 0", "results 1 - 10 of 0"), ("1 - 10 of 4", "results 1 - 10 of 4"),
                                         ("1 - 1 of 0", "results 1 - 1 of 0")])
def test_a_total_smaller_than_the_results_its_page_shows_is_said(line: str, said: str):
    """"1 - 10 of 0" above ten cards gave a total of 0 with no word: a search lists no fewer results than one page shows."""
    from harvester.parse.results import parse_results

    page = results_page([doc(n) for n in range(10)], 0).replace("1 - 10 of 10", line)
    parsed = parse_results(page, f"{WILSON.home}/search", WILSON)
    assert parsed.warnings[-1] == f"the page says {said} and holds 10 cards: its total is fewer than the results it shows"


@pytest.mark.parametrize("separator", [",", ".", "'", " ", "\u00a0", "\u2009", "\u202f"])
def test_a_total_with_thousands_separated_as_a_locale_writes_them_is_read_whole(separator: str):
    """"1.234 results" (German), "1 234" (French, with a narrow no-break space), as a browser's locale may show the line:
    each was read as a total of 1, and the search as complete with its first ten documents."""
    from harvester.parse.results import parse_results

    line = f"1{separator}231 - 1{separator}234 of 1{separator}234"
    parsed = parse_results(results_page([doc(n) for n in range(4)], 0).replace("1 - 4 of 4", line), f"{WILSON.home}/search", WILSON)
    assert (parsed.first, parsed.last, parsed.total, parsed.warnings) == (1231, 1234, 1234, ())


@pytest.mark.parametrize("number", ["1·234", "1 2345", "1.23.456", "1,234.567", "1.234,567", "0,500"])
def test_a_total_written_in_no_way_a_locale_writes_it_is_no_totals_line(number: str):
    """A number of the line read in part ("of 1" of "of 1·234") would be a wrong total, taken for the search's: the
    page is read as one without a totals line, which is said."""
    from harvester.parse.results import parse_results

    page = results_page([doc(n) for n in range(10)], 0, total=1234).replace("of 1234", f"of {number}")
    parsed = parse_results(page, f"{WILSON.home}/search", WILSON)
    assert (parsed.total, parsed.warnings) == (None, ("no 'x - y of N' totals line: the page does not count the search's results",))

# 7. The run's files switch as one unit, and formats not asked for this time go

def test_a_reparse_that_writes_no_links_this_time_says_so_in_a_reparses_words(tmp_path: Path):
    """A re-parse has no --details: its links come from the document pages given, and the advice says so."""
    from harvester.pipeline import reparse

    page = FIXTURES / "wilson" / "documents" / "letter-ri-sang-jo-ns-khrushchev.html"
    reparse([FIXTURES / "wilson" / "seed", page], WILSON, tmp_path, "d", ["json"], workers=0)
    again = reparse([FIXTURES / "wilson" / "seed"], WILSON, tmp_path, "d", ["json"], workers=0)
    assert [w for w in again.warnings if w.startswith("removed ")] == [
        f"removed {tmp_path / 'd.links.json'}: this run did not write it (keep --format the same, and give the document "
        "pages again for their details)"]


def test_the_files_of_a_run_switch_together_and_stale_formats_go(tmp_path: Path, caplog):
    caplog.set_level("INFO", logger="harvester")
    docs = [doc(n) for n in range(3)]
    with FaultServer(synthetic_pages(docs)) as server:
        clock = FakeClock()
        harvest(WILSON, Search("q"), tmp_path, "s", ["csv", "json", "jsonl"], Settings(base_url=server.origin, delay=0), sleep=clock.sleep,
                now=clock.now)
        docs.append(doc(3))
        second = harvest(WILSON, Search("q"), tmp_path, "s", ["csv", "json"], Settings(base_url=server.origin, delay=0),
                         sleep=clock.sleep, now=clock.now)
    assert not (tmp_path / "s.jsonl").exists() and not (tmp_path / "s.jsonl").is_symlink()
    removed = (f"removed {tmp_path / 's.jsonl'}, {tmp_path / 's.people.jsonl'}: this run did not write them (ask for the "
               "same formats, details and PDFs from run to run)")
    assert second.warnings == [removed]   # a warning of the run (exit 1), said once
    report = json.loads((tmp_path / "s.report.json").read_text(encoding="utf-8"))
    package = json.loads((tmp_path / "s.datapackage.json").read_text(encoding="utf-8"))
    assert (report["warnings"], report["status"], package["harvest"]["warnings"]) == ([removed], "warnings", [removed])
    with contextlib.closing(sqlite3.connect(state_file(tmp_path, "s"))) as db:   # the state keeps the run's report as written
        status, kept = db.execute("SELECT status, report FROM runs WHERE id = 2").fetchone()
    assert (status, json.loads(kept)["warnings"]) == ("warnings", [removed])
    assert sorted(r["path"] for r in package["resources"]) == sorted(set(files(tmp_path)) - {"s.datapackage.json"})   # each listed
    links = {p.name: p.readlink() for p in tmp_path.iterdir() if p.is_symlink()}
    assert set(links) == set(files(tmp_path)) and {str(t.parent) for t in links.values()} == {".harvester/s.files/current"}
    [generation] = (tmp_path / ".harvester" / "s.files").glob("gen-*")    # the earlier one is gone
    assert (tmp_path / ".harvester" / "s.files" / "current").readlink() == Path(generation.name)


@pytest.mark.parametrize("out", ["absolute", "relative", "through-a-link"])
def test_a_run_killed_between_writing_and_switching_leaves_the_earlier_files(tmp_path: Path, monkeypatch, out: str):
    """The switch is one rename: until it, every file is the earlier run's, however --out is written (`--out output`,
    as the quick start has it, or a folder reached through a link); a killed run's generation is cleared next time."""
    from harvester.output import files as output

    folder = tmp_path / "o"
    if out == "relative":
        monkeypatch.chdir(tmp_path)
        folder = Path("o")
    elif out == "through-a-link":
        (tmp_path / "real").mkdir()
        folder.symlink_to("real")
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, folder)
        before = files(folder)

        def killed(path: Path, target: str, scratch: Path) -> None:
            raise KeyboardInterrupt    # the moment before the rename

        with monkeypatch.context() as patched:
            patched.setattr(output, "_link", killed)
            with pytest.raises(KeyboardInterrupt):
                run(server, folder, max_pages=1)
        assert files(folder) == before and len(before) == 6
        run(server, folder)
    assert len(list((folder / ".harvester" / "s.files").glob("gen-*"))) == 1


def test_an_earlier_runs_files_that_cannot_be_removed_are_said_once_by_the_next_run(tmp_path: Path, request):
    """A generation another user's run left, or made read-only, stays: the run says so, once, as a warning of its own."""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        stuck = tmp_path / ".harvester" / "s.files" / "gen-stuck"
        stuck.mkdir()
        (stuck / "s.csv").write_text("id\n", encoding="utf-8")
        _read_only(stuck, request)
        second = run(server, tmp_path)
    said = f"{stuck}: an earlier run's files, which cannot be removed (not yours? read-only?); remove it by hand"
    report = json.loads((tmp_path / "s.report.json").read_text(encoding="utf-8"))
    assert second.warnings == [said] and (report["status"], report["warnings"]) == ("warnings", [said])


def test_a_run_that_fails_after_the_switch_leaves_the_new_files_readable(tmp_path: Path, monkeypatch):
    """Once `current` names the new generation, it is the dataset's: a failure linking a file new to the dataset (its
    first report, say) is said, and every file the folder has gives the new run's content."""
    from harvester.output import files as output

    link = output._link

    def full_disk(path: Path, target: str, scratch: Path) -> None:
        if path.name != "current":
            raise OSError(errno.ENOSPC, "No space left on device")
        link(path, target, scratch)

    docs = [doc(n) for n in range(3)]
    with FaultServer(synthetic_pages(docs)) as server:
        clock = FakeClock()
        harvest(WILSON, Search("q"), tmp_path, "s", ["csv"], Settings(base_url=server.origin, delay=0), sleep=clock.sleep,
                now=clock.now)
        docs.append(doc(3))
        with monkeypatch.context() as patched:
            patched.setattr(output, "_link", full_disk)
            with pytest.raises(StorageError, match="the disk is full"):   # s.json is new to the dataset: its link fails
                harvest(WILSON, Search("q"), tmp_path, "s", ["csv", "json"], Settings(base_url=server.origin, delay=0),
                        sleep=clock.sleep, now=clock.now)
    with (tmp_path / "s.csv").open(encoding="utf-8", newline="") as csv_file:
        assert len(list(csv.DictReader(csv_file))) == 4            # the new run's, through the switched link
    assert all(path.exists() for path in tmp_path.iterdir())       # no link left dangling


def test_a_file_of_ones_own_stays_refused_after_runs_that_wrote_nothing(tmp_path: Path):
    """A plain file where a dataset file goes is taken over only from a dataset that wrote files before links: runs
    that were refused, or abandoned for another search's settings, wrote none."""
    (tmp_path / "s.csv").write_text("MY OWN WORK\n", encoding="utf-8")
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        for max_pages in (None, 5, None):    # each run abandons the one before it, which never finished
            with pytest.raises(StorageError, match="s.csv: not the link harvester made there"):
                run(server, tmp_path, max_pages=max_pages)
    assert (tmp_path / "s.csv").read_text(encoding="utf-8") == "MY OWN WORK\n"


# 4. A full disk, a read-only folder or file, a name or a query too long: exit 2, saying what to free or change

@pytest.fixture
def small_disk(tmp_path: Path, request):
    """A file system of 2 MB (a tmpfs, where this process may mount one), emptied and unmounted after the test."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mount_small_disk(disk, request, "2m")
    return disk


def mount_small_disk(folder: Path, request, size: str) -> None:
    """A tmpfs of `size` mounted on the (empty) folder until the test ends; the test is skipped where none can be."""
    import subprocess

    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (it needs root); the simulated full-disk tests cover it")
    request.addfinalizer(lambda: subprocess.run(["umount", "-l", str(folder)], check=True))


def _fill(disk: Path, leave: int) -> None:
    """Fill the disk but for `leave` bytes."""
    import os

    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    (disk / "filler").write_bytes(b"\0" * max(0, free - leave))


@pytest.mark.parametrize("leave", [0, 60_000, 140_000])
def test_a_full_disk_is_said_and_the_earlier_dataset_kept(small_disk: Path, leave: int):

    docs = [doc(n) for n in range(40)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, small_disk)
        before = files(small_disk)
        docs.insert(0, doc(99))
        _fill(small_disk, leave)
        with pytest.raises(StorageError, match=r"cannot write: the disk is full: free some space, then run the same command again"):
            run(server, small_disk)
        assert files(small_disk) == before
        (small_disk / "filler").unlink()
        again = run(server, small_disk)
    assert again.documents == 41 and run_report(small_disk, "s")["new"] == ["telegram-99"]


def test_a_full_disk_is_said_and_the_run_resumes_later_simulated(tmp_path: Path, monkeypatch):
    """Where no small file system can be mounted: the disk fills while the WARC is written (ENOSPC from the write)."""
    import errno

    from harvester.fetch import archive

    docs = [doc(n) for n in range(25)]
    real = archive.WARCWriter.write_record
    calls = {"n": 0}

    def fills_up(self, record, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, record, *args, **kwargs)

    with FaultServer(synthetic_pages(docs)) as server:
        monkeypatch.setattr(archive.WARCWriter, "write_record", fills_up)
        with pytest.raises(StorageError, match=r"s-run0001-part1.warc.gz: cannot write: the disk is full"):
            run(server, tmp_path)
        monkeypatch.undo()
        resumed = run(server, tmp_path)
    # run 1 goes on (no page was logged before the disk filled: it begins again, and is not "resumed")
    assert (resumed.report["run"], resumed.report["resumed"], resumed.documents) == (1, False, 25)


def test_a_full_temporary_folder_is_said(tmp_path: Path, monkeypatch):
    import sqlite3

    from harvester.normalize import people

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(people.People, "add", full)
    with pytest.raises(StorageError, match=r"the temporary folder .*: cannot write: the disk is full"):
        from harvester.pipeline import reparse
        reparse([FIXTURES / "wilson" / "seed"], WILSON, tmp_path, "r", ["csv"], workers=0)


def _read_only(path: Path, request) -> None:
    """Make a file or folder read-only for this process, root included (a read-only bind mount), until the test ends."""
    import os
    import subprocess

    if os.geteuid() != 0:
        path.chmod(path.stat().st_mode & ~0o222)
        request.addfinalizer(lambda: path.chmod(path.stat().st_mode | 0o200))
        return
    for command in (["mount", "--bind", str(path), str(path)], ["mount", "-o", "remount,bind,ro", str(path), str(path)]):
        if subprocess.run(command, capture_output=True).returncode:
            pytest.skip("cannot make a read-only bind mount here")
    request.addfinalizer(lambda: subprocess.run(["umount", "-l", str(path)], check=True))


@pytest.mark.parametrize("part", ["archive", ".harvester/s.lock", ".harvester/s.sqlite", ".harvester"])
def test_a_read_only_part_of_the_output_is_said_and_nothing_is_lost(tmp_path: Path, part: str, request):

    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        run(server, tmp_path)
        before = files(tmp_path)
        _read_only(tmp_path / part, request)
        with pytest.raises(StorageError, match=r"cannot write: (it is read-only or not yours|the file system is read-only)"):
            run(server, tmp_path)
    assert files(tmp_path) == before
    assert not list((tmp_path / ".harvester").glob("*-shm")) or all(p.stat().st_mode & 0o200 for p in (tmp_path / ".harvester").glob("*-shm"))


def test_a_read_only_state_file_is_refused_before_sqlite_opens_it(tmp_path: Path):
    """SQLite gives its journal the state file's mode: a read-only state file would leave a read-only -shm behind, and
    every later run would fail. Refused first, whoever runs (root writes read-only files)."""

    with FaultServer(synthetic_pages([doc(1)])) as server:
        run(server, tmp_path)
        state = tmp_path / ".harvester" / "s.sqlite"
        for leftover in state.parent.glob("s.sqlite-*"):
            leftover.unlink()
        state.chmod(0o444)
        with pytest.raises(StorageError, match=r"s.sqlite: cannot write: it is read-only or not yours: make it writable"):
            run(server, tmp_path)
        assert not list(state.parent.glob("s.sqlite-*"))
        state.chmod(0o644)
        assert run(server, tmp_path).documents == 1


@pytest.mark.slow   # SQLite waits its five seconds for the lock
def test_a_state_file_another_program_holds_locked_is_said_with_what_to_do(tmp_path: Path, monkeypatch):
    """The state opened in an SQLite browser that is writing to it: SQLite's own "database is locked" said nothing of
    what to do."""
    import functools

    # SQLite waits 5 s (its default timeout) for the lock, which is never let go here, before it says so
    monkeypatch.setattr(sqlite3, "connect", functools.partial(sqlite3.connect, timeout=0.05))
    with FaultServer(synthetic_pages([doc(1)])) as server:
        run(server, tmp_path)
        before = files(tmp_path)
        other = sqlite3.connect(tmp_path / ".harvester" / "s.sqlite", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StorageError, match=r"s.sqlite: cannot write: another program has it open and locked "
                                                   r"\(an SQLite browser\?\): close it"):
                run(server, tmp_path)
        finally:
            other.close()
        assert files(tmp_path) == before
        assert run(server, tmp_path).documents == 1


def test_a_busy_mount_point_is_said_so_not_as_a_database_an_sqlite_browser_holds(tmp_path: Path, request):
    """The report page a bind mount (the system's EBUSY on renaming a page over it): it was said to be held by "an
    SQLite browser", as SQLite's "database is locked" is."""
    import subprocess

    from harvester.analysis.report import write_report

    with FaultServer(synthetic_pages([doc(1)])) as server:
        run(server, tmp_path)
    page = write_report(tmp_path / "s.csv")
    if subprocess.run(["mount", "--bind", str(page), str(page)], capture_output=True).returncode:
        pytest.skip("cannot bind-mount a file here (it needs root)")
    request.addfinalizer(lambda: subprocess.run(["umount", "-l", str(page)], check=True))
    with pytest.raises(StorageError) as said:
        write_report(tmp_path / "s.csv")
    assert str(said.value) == (f"{page}: cannot write: the system has it in use (a mount point, or a file open in a program "
                               "on a network share?): unmount it or close it, or move it away, then run the same command again")


def test_a_name_too_long_and_a_query_too_long_are_usage_errors(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "q", "--name", "n" * 300, "--out", str(tmp_path))
    assert code == 2 and "--name: 300 bytes long; give at most 120" in err
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "kim " * 17000, "--out", str(tmp_path), "--name", "k")
    assert code == 2 and "the search's address would be" in err and "shorten the search" in err


# 5. A card that links off the site is never taken for one of its documents

def test_a_card_linking_to_another_hosts_document_is_an_off_site_error(tmp_path: Path):
    from harvester.errors import OffSiteError

    body = results_page([doc(1), doc(2)], 0).replace('href="/document/telegram-2"', 'href="https://evil.test/document/telegram-2"')
    with FaultServer(lambda path: body.encode() if path.startswith("/search") else None) as server:
        with pytest.raises(OffSiteError, match=r"result 'Telegram No. 2 from Pyongyang to Moscow' links off the site, "
                                               r"to https://evil.test/document/telegram-2"):
            run(server, tmp_path)
    assert not (tmp_path / "s.json").exists()


@pytest.mark.parametrize("host", ["wilson-center.drivingcreative.com", "www.digitalarchive.wilsoncenter.org"],
                         ids=["staging", "www-as-cited"])
def test_cards_on_the_sites_other_hosts_are_its_documents(tmp_path: Path, host: str):
    """A card's link on www. is the site's as its former pages and a page saved from www. are (it was off the site)."""
    body = results_page([doc(1), doc(2)], 0).replace('href="/document/telegram-2"', f'href="https://{host}/document/telegram-2"')
    with FaultServer(lambda path: body.encode() if path.startswith("/search") else None) as server:
        run(server, tmp_path)
    assert [r["url"] for r in dataset(tmp_path, "s")][1] == "https://digitalarchive.wilsoncenter.org/document/telegram-2"


# 6. A truncated answer is fetched again, whatever its type says

@pytest.mark.parametrize("content_type", ["", "text/plain", "application/octet-stream"])
def test_a_truncated_page_without_an_html_type_is_fetched_again(tmp_path: Path, content_type: str):
    docs = [doc(n) for n in range(15)]
    whole = synthetic_pages(docs)
    served = {"n": 0}

    def cut_once(n: int, path: str) -> Fault | None:
        if "page=1" in path and not served["n"]:
            served["n"] += 1
            body = whole(path) or b""
            return Fault(200, {"Content-Type": content_type} if content_type else {}, body[: body.index(b"</h3>") + 20])
        return None

    with FaultServer(whole, cut_once) as server:
        outcome = run(server, tmp_path)
    assert outcome.documents == 15 and outcome.report["retries"] == 1
    assert [r["summary"] for r in dataset(tmp_path, "s")][-1] == "Summary of Telegram No. 14 from Pyongyang to Moscow."


def test_the_state_folder_may_be_a_link_to_another_file_system(tmp_path: Path):
    """DIR/.harvester linked to another disk (here /dev/shm): the dataset's links in DIR are made in DIR, where they
    can be renamed into place (made in .harvester, they could not be moved across, and every run failed at its end)."""
    import shutil
    import tempfile

    if not Path("/dev/shm").is_dir() or os.stat("/dev/shm").st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no file system other than the test folder's at /dev/shm")
    elsewhere = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        (tmp_path / ".harvester").symlink_to(elsewhere)
        with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
            for formats in (["csv"], ["csv", "json"]):   # a format new to the dataset: a new link
                outcome = harvest(WILSON, Search("q"), tmp_path, "s", formats, Settings(base_url=server.origin, delay=0))
                assert outcome.documents == 3 and outcome.warnings == []
        assert len(dataset(tmp_path, "s")) == 3 and (tmp_path / "s.csv").is_symlink()
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".") or p.name.endswith(".link")) == [".harvester"]
    finally:
        shutil.rmtree(elsewhere)


@pytest.mark.parametrize("spare", [-10, 20])   # the state's own path too long, or only the SQLite copy's
def test_a_folder_whose_path_is_too_long_for_sqlite_is_said_before_any_request(tmp_path: Path, spare: int):
    """SQLite opens no database whose path is 505 bytes or longer (512 with its journal's name): said as such (it read
    "read-only or not yours"), and for the SQLite copy, built deeper in DIR/.harvester, before the run fetches
    everything to fail at its end; a re-parse says it as it writes the copy."""
    from harvester.errors import SQLITE_MAX_PATH

    base = len(str(tmp_path / ("d" * 200))) + 1
    out = tmp_path / ("d" * 200) / ("e" * (SQLITE_MAX_PATH - base - len("/.harvester/s.sqlite") - spare))   # (a state path
    # of SQLITE_MAX_PATH + 10 bytes, or of 20 fewer than it, with the copy's 21 more)
    out.mkdir(parents=True)
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        with pytest.raises(StorageError if spare < 0 else UsageError) as raised:
            harvest(WILSON, Search("q"), out, "s", ["csv"] if spare < 0 else ["csv", "sqlite"], Settings(base_url=server.origin, delay=0))
        assert server.requests == []
    said = str(raised.value)
    assert ("s.sqlite: cannot write: its whole path is longer than SQLite takes (504 bytes at most): use a shorter --out or --name"
            in said) if spare < 0 else said.endswith("a path too long for SQLite to open a database in: use a shorter --out or --name")
    if spare > 0:
        from harvester.pipeline import reparse

        with pytest.raises(StorageError, match=r"s.sqlite: cannot write: it is built in .*, a path longer than SQLite takes \(504"):
            reparse([FIXTURES / "wilson" / "seed"], WILSON, out, "s", ["csv", "sqlite"], workers=0)


# 8. A damaged state file is said, never silently replaced

@pytest.mark.parametrize("damage", ["empty", "one-byte", "garbage", "header-only", "torn"])
def test_a_damaged_state_file_is_refused_with_the_history_kept(tmp_path: Path, damage: str):
    from harvester.errors import UsageError

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        run(server, tmp_path)
        state = tmp_path / ".harvester" / "s.sqlite"
        for leftover in state.parent.glob("s.sqlite-*"):
            leftover.unlink()
        data = state.read_bytes()
        state.write_bytes({"empty": b"", "one-byte": b"\n", "garbage": b"not a database at all" * 200, "header-only": data[:60],
                           "torn": data[:4096] + bytes(len(data) - 8192) + data[-4096:]}[damage])
        damaged = state.read_bytes()
        with pytest.raises(UsageError, match=r"s.sqlite: (an empty file \(0 bytes\), not a harvester state file|not a harvester "
                                             r"state file|a damaged state file).*restore it from a backup, or move it away") as raised:
            run(server, tmp_path)
    assert state.read_bytes() == damaged             # left for the person to look at, not overwritten
    assert "\n" not in str(raised.value)               # one line, whatever SQLite's own report holds


def test_a_folder_where_the_state_file_goes_is_said_in_words(tmp_path: Path):
    """The state file's path a folder: the one line gave Python's own "[Errno 21] Is a directory: '...'"."""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        state = tmp_path / ".harvester" / "s.sqlite"
        state.unlink()
        state.mkdir()
        with pytest.raises(StorageError) as raised:
            run(server, tmp_path)
    assert str(raised.value) == f"{state}: cannot write: a folder is where the file goes: move it away"


def test_an_empty_state_file_a_first_run_left_on_a_full_disk_is_no_history_and_the_dataset_starts(tmp_path: Path):
    """SQLite makes the state file before it can write a byte: a first run stopped by a full disk leaves it empty. No
    page of the dataset was ever archived, so there is no history to lose: the next run starts (it was refused, every
    week, until someone deleted the file)."""
    state = tmp_path / ".harvester" / "s.sqlite"
    state.parent.mkdir()
    state.write_bytes(b"")
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        outcome = run(server, tmp_path)
    assert outcome.documents == 3 and outcome.report["run"] == 1 and state.stat().st_size > 0
    shutil.rmtree(tmp_path / "archive")   # its WARC files pruned by hand: its files still tell of its history
    state.write_bytes(b"")
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server, pytest.raises(UsageError, match="an empty file"):
        run(server, tmp_path)


def test_sqlites_report_of_a_damaged_page_is_said_on_one_line(tmp_path: Path):
    import contextlib
    import sqlite3

    from harvester.errors import UsageError

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        state = tmp_path / ".harvester" / "s.sqlite"
        with contextlib.closing(sqlite3.connect(state)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = db.execute("PRAGMA page_size").fetchone()[0]
        data = state.read_bytes()
        for page in range(1, len(data) // size):   # a page whose header, overwritten, SQLite reports over several lines
            damaged = data[:page * size] + b"\xff" * 8 + data[page * size + 8:]
            state.write_bytes(damaged)
            with contextlib.closing(sqlite3.connect(state)) as db, contextlib.suppress(sqlite3.DatabaseError):
                if "\n" in db.execute("PRAGMA quick_check").fetchone()[0]:
                    break
        else:
            pytest.fail("no page whose damage SQLite reports over several lines")
        with pytest.raises(UsageError, match=r"s.sqlite: a damaged state file \(\*\*\* in database main \*\*\* Page \d+: ") as raised:
            run(server, tmp_path)
    assert "\n" not in str(raised.value) and state.read_bytes() == damaged


def test_a_database_of_something_else_where_the_state_goes_is_refused_and_left_as_it_is(tmp_path: Path):
    import contextlib
    import sqlite3

    from harvester.errors import UsageError

    state = tmp_path / ".harvester" / "s.sqlite"
    state.parent.mkdir()
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server, \
            pytest.raises(UsageError, match=r"s\.sqlite: not a harvester state file \(it has no runs\); restore it from a backup"):
        run(server, tmp_path)
    with contextlib.closing(sqlite3.connect(state)) as db:
        assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]
        assert db.execute("SELECT text FROM notes").fetchall() == [("mine",)]


def test_the_state_of_a_newer_harvester_is_refused_and_left_as_it_is(tmp_path: Path):
    import contextlib
    import sqlite3

    from harvester.errors import UsageError

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        state = tmp_path / ".harvester" / "s.sqlite"
        with contextlib.closing(sqlite3.connect(state)) as db, db:
            db.execute("PRAGMA user_version = 99")
        written = files(tmp_path)
        with pytest.raises(UsageError, match=r"s.sqlite: the state of a newer harvester \(version 99; this one reads up to \d+\); "
                                             "upgrade harvester"):
            run(server, tmp_path)
    with contextlib.closing(sqlite3.connect(state)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 99
    assert files(tmp_path) == written


@pytest.mark.parametrize(("edit", "said"), [
    ("UPDATE runs SET started_at = 'yesterday', finished_at = NULL WHERE id = 2",   # an unfinished run, which would resume
     "runs.started_at of run 2 is 'yesterday', not a timestamp with its time zone"),
    ("UPDATE runs SET started_at = '2026-11-26T03:00:00', finished_at = NULL WHERE id = 2",
     "runs.started_at of run 2 is '2026-11-26T03:00:00', not a timestamp with its time zone"),
    ("UPDATE documents SET first_seen = 'last week' WHERE id = 'telegram-1'",
     "documents.first_seen of document 'telegram-1' is 'last week', not a timestamp"),
    ("UPDATE documents SET details = '{\"authors\": [' WHERE id = 'telegram-2'",
     "documents.details of document 'telegram-2' is '{\"authors\": [', not a JSON object"),
    ("UPDATE documents SET record = '[]' WHERE id = 'telegram-0'", "documents.record of document 'telegram-0' is '[]', not a JSON object"),
], ids=["started-at", "started-at-no-zone", "first-seen", "details", "record"])
def test_a_value_edited_by_hand_in_the_state_is_one_line_naming_the_file_and_the_value(tmp_path: Path, edit: str, said: str):
    import contextlib
    import sqlite3

    from harvester.errors import UsageError

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        run(server, tmp_path)
        state = tmp_path / ".harvester" / "s.sqlite"
        with contextlib.closing(sqlite3.connect(state)) as db, db:
            db.execute(edit)
        written = files(tmp_path)
        with pytest.raises(UsageError) as raised:
            run(server, tmp_path)
    assert raised.value.exit_code == 2 and str(raised.value).startswith(f"{state}: a damaged state file ({said}")
    assert files(tmp_path) == written                # nothing half written


def test_a_run_key_edited_by_hand_is_another_search_not_a_bug(tmp_path: Path):
    import contextlib
    import sqlite3

    from harvester.errors import UsageError

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        with contextlib.closing(sqlite3.connect(tmp_path / ".harvester" / "s.sqlite")) as db, db:
            db.execute("UPDATE runs SET key = '5'")    # JSON, but not the object harvester writes
        with pytest.raises(UsageError, match="dataset s holds the harvests of 5, not of"):
            run(server, tmp_path)


def test_a_resumed_numbering_continues_after_the_runs_before(tmp_path: Path):
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        reports = [run(server, tmp_path).report["run"] for _ in range(3)]
    assert reports == [1, 2, 3]


# 9. One damaged WARC file does not sink a re-parse of an archive

def test_a_damaged_warc_file_is_skipped_with_a_warning(tmp_path: Path):
    from harvester.pipeline import reparse

    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        run(server, tmp_path)
        run(server, tmp_path)
    first, second = sorted((tmp_path / "archive").glob("*.warc.gz"))
    data = first.read_bytes()
    # the garbage goes between the first record and the next: inside a record's deflate stream it may inflate without
    # an error (warcio does not check a gzip member's checksum), and the test would depend on the bytes compressed
    member = zlib.decompressobj(wbits=31)
    member.decompress(data)
    at = len(data) - len(member.unused_data)
    first.write_bytes(data[:at] + b"\x00garbage between two records" + data[at:])
    outcome = reparse([tmp_path / "archive"], WILSON, tmp_path / "re", "re", ["json"], workers=0)
    assert outcome.documents == 12                  # from the second run's file
    assert any(first.name in w and "the rest of the file is skipped" in w for w in outcome.warnings)


def test_a_warc_file_compressed_whole_is_refused_with_the_command_that_makes_it_readable(tmp_path: Path):
    """`gzip FILE.warc` makes one stream of all its records, which a WARC reader reads only the first record of: not a
    damaged file whose rest is skipped (a dataset short of documents), but one the user can make readable."""
    import gzip
    import subprocess
    import sys

    from harvester.errors import UsageError
    from harvester.pipeline import reparse

    with FaultServer(synthetic_pages([doc(n) for n in range(25)])) as server:
        run(server, tmp_path)
    [warc] = (tmp_path / "archive").glob("*.warc.gz")
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(gzip.decompress(warc.read_bytes())))
    with pytest.raises(UsageError, match=rf"{whole}: compressed whole .* recompress it \(warcio recompress {whole} NEW.warc.gz\)"):
        reparse([whole], WILSON, tmp_path / "re", "re", ["json"], workers=0)
    assert not (tmp_path / "re").exists()
    warcio = Path(sys.executable).with_name("warcio")   # the advice works: the command is installed with harvester
    subprocess.run([str(warcio), "recompress", str(whole), str(tmp_path / "new.warc.gz")], check=True, capture_output=True)
    assert reparse([tmp_path / "new.warc.gz"], WILSON, tmp_path / "re", "re", ["json"], workers=0).documents == 25


@pytest.mark.parametrize("kept", [10, 60])   # the last record's gzip header alone; a few bytes of its deflate stream
def test_a_warc_file_cut_in_the_first_bytes_of_its_last_record_is_said_to_be_cut(tmp_path: Path, kept: int):
    from warcio.archiveiterator import ArchiveIterator

    from harvester.pipeline import reparse

    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        run(server, tmp_path)
    [warc] = (tmp_path / "archive").glob("*.warc.gz")
    with warc.open("rb") as stream:
        records = ArchiveIterator(stream)
        last = [records.get_record_offset() for _ in records][-1]   # page 1's response
    warc.write_bytes(warc.read_bytes()[:last + kept])
    outcome = reparse([warc], WILSON, tmp_path / "re", "re", ["json"], workers=0)
    assert outcome.documents == 10                  # page 0's
    assert [w for w in outcome.warnings if warc.name in w] == [f"{warc}: cut short after record 3 (a run killed while "
                                                               "writing the next one?)"]


def reparse_damaged(tmp_path: Path, monkeypatch, capsys, documents: int,
                    damage: Callable[[bytes, list[int]], bytes]) -> tuple[int, str, str, Path]:
    """`harvester reparse` of a harvest's WARC file (of `documents` documents, ten a page) once `damage` changed its
    bytes (given them and where each record begins): the exit code, what it printed, and the file."""
    from warcio.archiveiterator import ArchiveIterator

    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([doc(n) for n in range(documents)])) as server:
        run(server, tmp_path)
    [warc] = (tmp_path / "archive").glob("*.warc.gz")
    with warc.open("rb") as stream:
        records = ArchiveIterator(stream)
        starts = [records.get_record_offset() for _ in records]
    warc.write_bytes(damage(warc.read_bytes(), starts))
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(warc), "--out", str(tmp_path / "re"), "--name", "re",
                             "--format", "json")
    return code, out, err, warc


@pytest.mark.parametrize("tail", ["torn", "zeros"])   # a run killed while writing; a disk that left the rest as zeros
def test_reparse_of_a_warc_file_torn_in_its_last_record_says_so_and_keeps_the_pages_before(tmp_path: Path, monkeypatch,
                                                                                          capsys, tail: str):
    def tear(data: bytes, starts: list[int]) -> bytes:   # in its last record, page 1's response
        middle = starts[-1] + (len(data) - starts[-1]) // 2
        return data[:middle] + (bytes(len(data) - middle) if tail == "zeros" else b"")

    code, out, err, warc = reparse_damaged(tmp_path, monkeypatch, capsys, 12, tear)
    assert code == 1 and "re-parsed 1 saved page: 10 documents" in out and "Traceback" not in err
    assert f"WARNING {warc}: record 4 is cut short (a run killed while writing it?); the rest of the file is skipped\n" in err
    assert len(json.loads((tmp_path / "re" / "re.json").read_text(encoding="utf-8"))) == 10   # page 0's


@pytest.mark.parametrize(("junk", "first"), [(b"junk appended\n", "junk appended"),
                                           (gzip.compress(b"no WARC record") + b"junk", "no WARC record"),
                                           (bytes(4096), "[4,096 zero bytes]"), (bytes(1), "[1 zero byte]")],
                         ids=["text", "gzip", "zeros", "one-zero"])   # (one byte the WARC reader took for the end)
def test_reparse_of_a_warc_file_with_junk_after_its_last_record_reads_every_record_and_says_the_junk_once(
        tmp_path: Path, monkeypatch, capsys, junk: bytes, first: str):
    """Bytes appended after a WARC file's last gzip member lose none of its records: one warning names the file and
    what follows its last record, binary (a disk's zero padding, a block's last byte alone) said short, never a run
    killed while writing."""
    code, out, err, warc = reparse_damaged(tmp_path, monkeypatch, capsys, 25, lambda data, starts: data + junk)
    assert code == 1 and "re-parsed 3 saved pages: 25 documents" in out and "Traceback" not in err
    [warning] = [line for line in err.splitlines() if " WARNING " in line]
    assert warning.endswith(f"WARNING {warc}: junk after its last record ({first}); the records before it are read whole")


def test_reparse_of_a_warc_file_with_a_hole_in_a_record_keeps_the_pages_before_and_says_the_rest_is_skipped(
        tmp_path: Path, monkeypatch, capsys):
    """A disk that lost a block in the middle of a record (zeros where its bytes were): the pages before it are read,
    and a warning names the file, whose rest is skipped; the dataset says it is short of the search's documents."""
    def hole(data: bytes, starts: list[int]) -> bytes:   # in the fourth record, page 1's response
        return data[:starts[3] + 200] + bytes(300) + data[starts[3] + 500:]

    code, out, err, warc = reparse_damaged(tmp_path, monkeypatch, capsys, 25, hole)
    assert code == 1 and "re-parsed 1 saved page: 10 documents" in out and "Traceback" not in err
    assert re.search(rf"WARNING {re.escape(str(warc))}: unreadable after record 3 \(.*\); the rest of the file is skipped\n", err)
    assert "hold 10 of its 25 documents" in err


def test_no_cut_in_a_warc_files_last_record_goes_unsaid(tmp_path: Path):
    """A run killed while writing its last record, wherever it was cut (but in the gzip trailer, after the record's
    bytes): the page is left out and a warning says so, or the file is said to be unreadable from there."""
    from warcio.archiveiterator import ArchiveIterator

    from harvester.errors import InputError
    from harvester.fetch.archive import read_warc

    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        run(server, tmp_path)
    [warc] = (tmp_path / "archive").glob("*.warc.gz")
    data = warc.read_bytes()
    with warc.open("rb") as stream:
        records = ArchiveIterator(stream)
        last = [records.get_record_offset() for _ in records][-1]
    whole = len(list(read_warc(warc)))
    cut = tmp_path / "cut.warc.gz"
    for end in range(last + 1, len(data) - 16, 5):
        cut.write_bytes(data[:end])
        warnings: list[str] = []
        try:
            pages = len(list(read_warc(cut, {}, warnings)))
        except InputError:
            continue        # said, with the rest of the file skipped
        assert pages == whole - 1 and len(warnings) == 1 and "cut short" in warnings[0], (end - last, warnings)


# 10. A re-parse holds its dataset's lock while it writes

def test_a_reparse_into_a_dataset_being_harvested_is_refused(tmp_path: Path):
    from harvester.errors import BusyError
    from harvester.pipeline import reparse
    from harvester.state import dataset_lock

    with dataset_lock(tmp_path, "d"):
        with pytest.raises(BusyError, match="another harvester run is working on d"):
            reparse([FIXTURES / "wilson" / "seed"], WILSON, tmp_path, "d", ["csv"], workers=0)
    assert not (tmp_path / "d.csv").exists()


def test_a_read_error_while_the_new_files_are_summed_is_a_storage_error_and_the_old_files_stay(tmp_path: Path, monkeypatch):
    """The run sums each file it wrote before it switches to them: a disk that fails then is said in one line, and the
    files stay the last run's."""
    from harvester.output import files as output

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        before = {name: (tmp_path / name).read_bytes() for name in files(tmp_path)}
        real = output.sha256_of

        def failing(path: Path) -> str:
            if ".harvester" in path.parts and "current" not in path.parts:   # a file of the new generation
                raise OSError(errno.EIO, "Input/output error")
            return real(path)

        monkeypatch.setattr(output, "sha256_of", failing)
        with pytest.raises(StorageError, match=r"cannot write: .*Input/output error"):
            run(server, tmp_path)
    assert {name: (tmp_path / name).read_bytes() for name in files(tmp_path)} == before


@pytest.mark.parametrize("key", ["delay", "challenge_wait", "max_pdf_mb"])
def test_a_number_too_large_for_any_float_in_a_harvests_file_is_out_of_range(tmp_path: Path, key: str):
    """A whole number of 400 digits is out of every range: said of its key, as a number out of range is (it was a
    crash, exit 7)."""
    from harvester.config import load_jobs

    path = tmp_path / "harvests.toml"
    path.write_text(f'{key} = 1{"0" * 400}\n[[harvest]]\nquery = "q"\ndetails = true\npdfs = true\n', encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        load_jobs(path)
    assert str(raised.value).startswith(f"{path}: harvest 1: {key} = 1000")


@pytest.mark.parametrize("stamp", ["Mon Jan 01 0001 00:00:00 GMT+0100", "Fri Dec 31 9999 23:59:59 GMT-0100"])
def test_a_saved_date_outside_the_calendar_in_utc_is_no_date(stamp: str):
    """SingleFile's saved date, and a WARC record's, that fall before year 1 or after 9999 once in UTC are no date:
    the record's time stays empty (they were a crash, exit 7)."""
    from harvester.fetch.archive import _iso
    from harvester.fetch.page import saved_date

    assert saved_date(f"<!DOCTYPE html><html><!--\n Page saved with SingleFile \n saved date: {stamp} (x)\n-->") == ""
    assert _iso("0001-01-01T00:00:00+01:00") == "" and _iso("9999-12-31T23:59:59-01:00") == ""


def test_a_results_page_kept_under_its_facets_in_another_order_is_asked_for_conditionally(tmp_path: Path, monkeypatch):
    """An earlier harvester asked for a search's facets in the order given, and kept its copy under that address: the
    next run, asking with them sorted, revalidates that copy (it fetched the page whole, as never seen), and its 304's
    record refers to that copy (a re-parse of the archive, and prune, would miss it)."""
    import harvester.sites

    search = Search("q", (("topics", "2"), ("people", "1")))
    with FaultServer(synthetic_pages([doc(n) for n in range(3)]), etags=True) as server:
        with monkeypatch.context() as before:   # (that harvester did not sort them)
            before.setattr(harvester.sites, "sorted", list, raising=False)
            harvest(WILSON, search, tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0))
        harvest(WILSON, search, tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0))
        assert server.not_modified == 1 and "f%5B0%5D=topics" in server.requests[1] and "f%5B0%5D=people" in server.requests[-1]
    again = reparse([tmp_path / "archive"], WILSON, tmp_path / "re", "s", ["json"], workers=0)   # (its 304: a revisit of the copy)
    assert again.documents == 3 and again.warnings == []


def test_a_dataset_harvested_from_its_base_urls_host_in_capitals_is_asked_for_conditionally_after(tmp_path: Path):
    """An earlier harvester kept --base-url http://LOCALHOST:PORT as given, and its copies under it: the next run, which
    asks for localhost, revalidates them (it fetched every page whole, as never seen)."""
    from harvester.config import checked_origin

    with FaultServer(synthetic_pages([doc(n) for n in range(25)]), etags=True) as server:
        given = server.origin.replace("127.0.0.1", "LOCALHOST")
        harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=given, delay=0))
        harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=checked_origin(given, "--base-url"), delay=0))
    assert server.not_modified == 3 and checked_origin(given, "--base-url") != given


def test_a_run_stopped_on_its_base_urls_host_in_capitals_resumes_where_it_stopped(tmp_path: Path):
    """The page log of a run of an earlier harvester, which asked for LOCALHOST, is replayed by the run that resumes it
    on localhost (it fetched every page again)."""
    from harvester.config import checked_origin

    with FaultServer(synthetic_pages([doc(n) for n in range(50)]), lambda n, p: Fault(500) if "page=3" in p else None) as server:
        given = server.origin.replace("127.0.0.1", "LOCALHOST")
        with pytest.raises(Exception, match="HTTP 500"):
            harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=given, delay=0, attempts=2))
        server.requests.clear()
        server.script = lambda n, p: None
        resumed = harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=checked_origin(given, "--base-url"), delay=0))
    assert resumed.report["resumed"] is True and resumed.documents == 50
    assert [r.split("page=")[-1] for r in server.search_requests()] == ["3", "4"]


def test_a_next_link_that_reads_as_no_search_is_followed_as_before(tmp_path: Path):
    """A page is looked up in the http cache as Site.same_page tells pages apart: a next link of the site's that reads as
    no search (a facet that is no name:id) is a page by its address, not the user's mistake that stops the run."""
    docs = [doc(n) for n in range(15)]

    def answer(path: str) -> bytes | None:
        number = int("oops" in path)
        body = re.sub(r'<div class="results-summary">.*?</div>', "", results_page(docs, number))   # (next links are followed)
        return body.replace("page=1", "f%5B0%5D=oops&amp;page=1").encode() if path.startswith("/search") else None

    with FaultServer(answer) as server:
        outcome = harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0))
    assert outcome.documents == 15 and "f%5B0%5D=oops" in server.requests[-1]


def test_a_next_link_to_a_page_numbered_past_any_search_is_followed(tmp_path: Path):
    """A page number of 5,000 digits is more than Python reads as a number: the cache's look-up of it ended the run in a
    traceback."""
    docs, huge = [doc(n) for n in range(15)], "9" * 5000

    def answer(path: str) -> bytes | None:
        body = re.sub(r'<div class="results-summary">.*?</div>', "", results_page(docs, int(huge in path)))
        return body.replace("page=1", f"page={huge}").encode() if path.startswith("/search") else None

    with FaultServer(answer) as server:
        outcome = harvest(WILSON, Search("q"), tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0))
    assert outcome.documents == 15 and huge in server.requests[-1]


def test_a_next_link_of_many_unnumbered_facets_is_read_in_linear_time():
    """Each f[] took the number after the highest before it by looking at every one: an address of 100,000 took minutes.
    Run in a process of its own, bounded in time."""
    script = """
from harvester.sites import get_site
url = "https://digitalarchive.wilsoncenter.org/search?" + "&".join(f"f[]=people:{i}&fo[]={i}" for i in range(100_000))
assert len(get_site("wilson").search_of(url).facets) == 100_000
print("done")
"""
    finished_alone(script)


def test_of_two_copies_earlier_harvesters_kept_of_a_results_page_the_later_is_revalidated(tmp_path: Path):
    """Its facets asked in one order, then in another (as given): the copy kept last is the one the site may still
    have, and the one asked for with the facets sorted revalidates it."""
    from harvester.fetch.archive import Location
    from harvester.fetch.page import Page
    from harvester.state import State

    search = f"{WILSON.home}/search?search_api_fulltext=q&f%5B0%5D="
    for order, etag in (("topics%3A2&f%5B1%5D=people%3A1&f%5B2%5D=places%3A3", '"1"'),
                        ("places%3A3&f%5B1%5D=topics%3A2&f%5B2%5D=people%3A1", '"2"')):   # (two earlier harvesters' runs)
        with State(tmp_path, "s", same_page=WILSON.same_page) as state:
            state.remember(Page(search + order, b"", 200, {"etag": etag}, "2026-01-01T00:00:00+00:00"), Location(tmp_path, 0))
            state.db.commit()   # (as a run's next logged page does)
    with State(tmp_path, "s", same_page=WILSON.same_page) as state:
        assert state.cache_entry(search + "people%3A1&f%5B1%5D=places%3A3&f%5B2%5D=topics%3A2").headers == {"etag": '"2"'}


def test_a_results_page_fetched_anew_drops_the_copy_an_earlier_harvester_kept_under_another_address(tmp_path: Path):
    """Its facets asked in another order by an earlier harvester, then changed on the site: the copy kept now is the
    page's one; the other stayed beside it, never asked for again."""
    from harvester.fetch.archive import Location
    from harvester.fetch.page import Page
    from harvester.state import State

    search = f"{WILSON.home}/search?search_api_fulltext=q&f%5B0%5D="
    for order, etag in (("topics%3A2&f%5B1%5D=people%3A1", '"1"'), ("people%3A1&f%5B1%5D=topics%3A2", '"2"')):
        with State(tmp_path, "s", same_page=WILSON.same_page) as state:   # (the earlier harvester's run, then this one's)
            state.remember(Page(search + order, b"", 200, {"etag": etag}, "2026-01-01T00:00:00+00:00"), Location(tmp_path, 0))
            state.db.commit()   # (as a run's next logged page does)
    with State(tmp_path, "s", same_page=WILSON.same_page) as state:
        assert state.db.execute("SELECT url, headers FROM http_cache").fetchall() == [
            (search + "people%3A1&f%5B1%5D=topics%3A2", '{"etag": "\\"2\\""}')]
        assert state.cache_entry(search + "topics%3A2&f%5B1%5D=people%3A1").headers == {"etag": '"2"'}
