"""harvest() and reparse() end to end: the same records either way, over a real socket on 127.0.0.1."""

from __future__ import annotations

import base64
import gzip
import json
import os
import plistlib
import re
import shutil
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

from harvester.errors import InputError, OffSiteError
from harvester.pipeline import default_name, harvest, reparse
from harvester.serve import Serving, index_folder
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.conftest import FIXTURES, FakeClock, dataset, timeless
from tests.faultserver import Fault, FaultServer, folder_pages

WILSON = get_site("wilson")
SEED = FIXTURES / "wilson" / "seed"
QUERY = "Korean Workers' Party"


def test_harvest_over_http_and_reparse_give_the_same_19_records(tmp_path: Path):
    clock = FakeClock()
    with Serving(SEED) as serving:
        outcome = harvest(WILSON, Search(QUERY), tmp_path / "h", "seed", ["csv", "json"], Settings(base_url=serving.origin, delay=0),
                          now=clock.now)
    reparse([SEED], WILSON, tmp_path / "r", "seed", ["csv", "json"], workers=0)
    harvested, reparsed = dataset(tmp_path / "h", "seed"), dataset(tmp_path / "r", "seed")
    assert len(harvested) == outcome.documents == 19 and outcome.total == 19
    assert timeless(harvested) == timeless(reparsed)
    assert {r["harvested_at"] for r in harvested} == {"2026-11-26T12:00:00+00:00"}
    assert (tmp_path / "h" / "seed.csv").read_text(encoding="utf-8").count("\n") == 20


def test_a_second_harvest_against_serve_is_answered_304_for_its_unchanged_pages(tmp_path: Path):
    """serve dates a saved page as a plain file, by its file's time: a second harvest asks conditionally, and its WARC
    holds revisits of the first's pages (serve sent no Last-Modified for a page: each came again whole)."""
    with Serving(SEED) as serving:
        for _ in range(2):
            harvest(WILSON, Search(QUERY), tmp_path, "seed", ["json"], Settings(base_url=serving.origin, delay=0))
    runs = [[(record.rec_type, urlsplit(record.rec_headers.get_header("WARC-Target-URI")).query)
             for record in ArchiveIterator(path.open("rb")) if record.rec_type != "warcinfo"]
            for path in sorted((tmp_path / "archive").iterdir())]
    pages = [("search_api_fulltext=Korean%20Workers%27%20Party" + page) for page in ("", "&page=1")]
    assert runs == [[("response", ""), *(("response", page) for page in pages)],   # (robots.txt, then the pages)
                    [("response", ""), *(("revisit", page) for page in pages)]]
    assert len(dataset(tmp_path, "seed")) == 19


def test_a_saved_page_rewritten_within_the_second_of_its_date_is_served_again_whole(tmp_path: Path):
    """Asked as the fetcher asks (every validator it kept), a page whose file changed within the second its Last-Modified
    names is no 304: its bytes tell it (it was answered 304, and a second harvest kept the page it had replaced)."""
    import httpx

    page = tmp_path / "page-0.html"
    shutil.copy(SEED / "page-0.html", page)
    with Serving(tmp_path) as serving, httpx.Client(base_url=serving.origin) as client:
        first = client.get("/search?search_api_fulltext=Korean%20Workers%27%20Party")
        kept = {"If-None-Match": first.headers.get("etag", ""), "If-Modified-Since": first.headers["last-modified"]}
        date = page.stat().st_mtime_ns
        page.write_bytes(page.read_bytes().replace(b"Korean Workers", b"Korean Party"))
        os.utime(page, ns=(date, date))   # (rewritten within the same second)
        again = client.get("/search?search_api_fulltext=Korean%20Workers%27%20Party", headers={k: v for k, v in kept.items() if v})
        unchanged = client.get("/search?search_api_fulltext=Korean%20Workers%27%20Party",
                               headers={"If-None-Match": again.headers.get("etag", "-"), "If-Modified-Since": again.headers["last-modified"]})
    assert again.status_code == 200 and b"Korean Party" in again.content and unchanged.status_code == 304


def test_harvest_source_pages_name_the_canonical_host_not_the_mirror(tmp_path: Path):
    with Serving(SEED) as serving:
        harvest(WILSON, Search(QUERY), tmp_path, "seed", ["json"], Settings(base_url=serving.origin, delay=0))
    records = dataset(tmp_path, "seed")
    assert {r["source_page"] for r in records} == {
        "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party",
        "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1",
    }
    assert all(r["url"].startswith("https://digitalarchive.wilsoncenter.org/document/") for r in records)


def test_reparse_of_some_pages_of_a_search_warns_of_the_missing_ones(tmp_path: Path):
    outcome = reparse([SEED / "page-0.html"], WILSON, tmp_path, None, ["json"], workers=0)
    name = default_name(WILSON, Search(QUERY))
    assert outcome.documents == len(dataset(tmp_path, name)) == 10
    assert outcome.warnings == ["saved pages of \u201cKorean Workers' Party\u201d hold 10 of its 19 documents (2 pages in all)"]
    assert outcome.files == [tmp_path / f"{name}.{x}" for x in ("json", "people.json", "datapackage.json")]


def test_reparse_of_pages_that_hold_more_documents_than_they_count_says_so(tmp_path: Path):
    """As a harvest says it: pages saved on different days, of a listing that lost documents in between."""
    pages = tmp_path / "pages"
    shutil.copytree(SEED, pages)
    for page in pages.glob("page-*.html"):
        page.write_text(page.read_text(encoding="utf-8").replace(" of 19<", " of 15<"), encoding="utf-8")
    outcome = reparse([pages], WILSON, tmp_path / "out", "kwp", ["json"], workers=0)
    assert outcome.documents == 19 and outcome.warnings == [
        f"{pages / 'page-1.html'}: the page says results 11 - 19 of 15 and holds 9 cards: its total is fewer than the results it shows",
        "saved pages of \u201cKorean Workers' Party\u201d hold 19 documents, more than the 15 its pages count (pages saved at "
        "different times, of a listing that changed?)"]


def test_reparse_of_a_search_with_no_results_says_the_dataset_is_empty(tmp_path: Path):
    outcome = reparse([FIXTURES / "wilson" / "empty" / "page-0.html"], WILSON, tmp_path, "e", ["json"], workers=0)
    assert outcome.documents == 0 and outcome.warnings == ["the saved pages list no documents: the dataset is empty"]


def test_reparse_of_document_pages_alone_is_no_empty_dataset(tmp_path: Path):
    pages = [FIXTURES / "wilson" / "documents" / f"{name}.html"
             for name in ("letter-ri-sang-jo-ns-khrushchev", "telegram-mikoyan-cpsu-central-committee")]
    outcome = reparse(pages, WILSON, tmp_path, "d", ["json"], workers=0)
    assert outcome.documents == 2 and not any("empty" in warning for warning in outcome.warnings)


def test_reparse_counts_each_document_once_across_files(tmp_path: Path):
    outcome = reparse([SEED / "page-0.html", SEED / "page-0.html", SEED], WILSON, tmp_path, "x", ["json"], workers=0)
    records = dataset(tmp_path, "x")
    assert outcome.documents == len(records) == len({r["id"] for r in records}) == 19


def test_a_file_named_twice_is_read_once(tmp_path: Path, monkeypatch):
    """By its path and within its folder, or by two spellings of one path: two pages read, not four."""
    monkeypatch.chdir(SEED.parent)
    outcome = reparse([Path("seed") / "page-0.html", SEED / "page-0.html", Path("seed"), SEED / ".." / "seed"], WILSON,
                      tmp_path, "x", ["json"], workers=0)
    assert outcome.pages == 2 and outcome.documents == 19


def test_a_page_whose_file_name_is_no_utf8_is_named_with_a_replacement_character(tmp_path: Path):
    """A name from an archive made on another system ("p\\xe9ge", Latin-1): the page is read, and named as UTF-8 can
    hold it in its records' source_page and in the warnings the data package lists."""
    folder = tmp_path / "saved"
    folder.mkdir()
    body = re.sub(rb"<!-- saved from [^>]*>|<link rel=\"canonical\"[^>]*>", b"", (SEED / "page-0.html").read_bytes())
    (folder / os.fsdecode(b"p\xe9ge-0.html")).write_bytes(body.replace(b"</body>", b"\xff</body>", 1))
    outcome = reparse([folder], WILSON, tmp_path / "out", "d", ["csv", "json"], workers=0)
    shown = f"{folder}/p\ufffdge-0.html"
    assert {r["source_page"] for r in dataset(tmp_path / "out", "d")} == {shown}
    package = json.loads((tmp_path / "out" / "d.datapackage.json").read_text(encoding="utf-8"))
    [said] = [w for w in package["harvest"]["warnings"] if w.startswith(shown)]
    assert "1 byte not valid utf-8" in said
    assert outcome.documents == 10


def test_a_folder_is_reparsed_without_harvesters_report_page_or_what_a_browser_keeps_beside_a_saved_page(tmp_path: Path):
    """An output folder holds NAME.report.html; a page saved whole ("Search.html") has its frames and images in
    Search_files/, a frame as saved_resource.html. Neither is a page of the search. A folder that only ends in _files
    is read."""
    folder = tmp_path / "saved"
    (folder / "Search_files").mkdir(parents=True)
    shutil.copy(SEED / "page-0.html", folder / "Search.html")
    (folder / "Search_files" / "saved_resource.html").write_text("<html><body><p>a frame</p></body></html>", encoding="utf-8")
    (folder / "d.report.html").write_text("<html><body><h1>Harvest report</h1></body></html>", encoding="utf-8")
    (folder / "more_files").mkdir()
    shutil.copy(SEED / "page-1.html", folder / "more_files" / "page-1.html")
    outcome = reparse([folder], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    assert outcome.pages == 2 and outcome.documents == len(dataset(tmp_path / "out", "d")) == 19


def test_pages_of_two_searches_that_share_documents_give_no_total_that_counts_them_twice(tmp_path: Path):
    """19 and 16 results, 2 of them in both: 33 documents, all there; no total of 35 says 2 are missing."""
    from harvester.analysis.report import write_report

    outcome = reparse([SEED, FIXTURES / "wilson" / "dates"], WILSON, tmp_path, None, ["csv"], workers=0)
    assert (outcome.documents, outcome.total, outcome.warnings) == (33, None, [])
    package = json.loads((tmp_path / "wilson-reparse.datapackage.json").read_text(encoding="utf-8"))
    assert package["harvest"]["total"] is None and len(package["harvest"]["searches"]) == 2
    report = write_report(tmp_path / "wilson-reparse.csv").read_text(encoding="utf-8")
    assert "of the 35" not in report


def test_pages_saved_under_a_browsers_names_give_the_records_in_the_searchs_order(tmp_path: Path):
    """A browser names the second save "Search (1).html", which sorts before "Search.html": the records still come in
    the order of the search's results, as a harvest lists them."""
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SEED / "page-0.html", folder / "Search _ Wilson Center Digital Archive.html")
    shutil.copy(SEED / "page-1.html", folder / "Search _ Wilson Center Digital Archive (1).html")
    reparse([folder], WILSON, tmp_path / "browser", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "named", "d", ["json"], workers=0)
    ids = [[r["id"] for r in dataset(tmp_path / out, "d")] for out in ("browser", "named")]
    assert ids[0] == ids[1] and ids[0][0] == "record-conversation-between-ng-sudarikov-and-kim-il-sung-general-secretary-central"


def test_a_page_that_does_not_say_its_search_takes_its_place_in_the_search_it_is_put_with(tmp_path: Path):
    """Page 1, saved with no mark of its search and read first, is put with page 0's search by its total: its records
    come after page 0's."""
    folder = tmp_path / "saved"
    folder.mkdir()
    text = (SEED / "page-1.html").read_text(encoding="utf-8")
    text = re.sub(r"<!-- saved from[^>]*-->|<link rel=\"canonical\"[^>]*>", "", text).replace("currentQuery", "notTheQuery")
    (folder / "a-page1.html").write_text(text, encoding="utf-8")
    shutil.copy(SEED / "page-0.html", folder / "b-page0.html")
    outcome = reparse([folder], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "named", "d", ["json"], workers=0)
    assert outcome.warnings == [] and outcome.documents == 19
    assert [r["id"] for r in dataset(tmp_path / "out", "d")] == [r["id"] for r in dataset(tmp_path / "named", "d")]


def test_the_latest_fetched_copy_of_a_page_gives_the_record_whatever_the_order_of_the_files(tmp_path: Path):
    """Two harvests' archives, the newer in a folder whose name sorts first: the newer title stands."""
    from tests.faultserver import synthetic_pages
    from tests.sitegen import doc

    docs = [doc(n) for n in range(3)]
    for folder, title, hours in (("b-older", "Old title", 0), ("a-newer", "New title", 24)):
        docs[1] = (docs[1][0], docs[1][1], title)
        clock = FakeClock()
        clock.sleep(hours * 3600)
        with FaultServer(synthetic_pages(docs)) as server:
            harvest(WILSON, Search("q"), tmp_path / folder, "d", ["json"], Settings(base_url=server.origin, delay=0),
                    sleep=clock.sleep, now=clock.now)
    for order in ((tmp_path / "a-newer", tmp_path / "b-older"), (tmp_path / "b-older", tmp_path / "a-newer")):
        reparse([folder / "archive" for folder in order], WILSON, tmp_path / "out", "r", ["json"], workers=0)
        record = dataset(tmp_path / "out", "r")[1]
        assert record["title"] == "New title" and record["harvested_at"].startswith("2026-11-27")   # a day after
        assert (record["first_seen"], record["last_seen"]) == ("2026-11-26T12:00:00+00:00", record["harvested_at"])


def test_a_reparse_takes_no_total_that_its_page_belies(tmp_path: Path):
    """Every page says "of 0" above its cards: the harvest follows its next links with no total; a re-parse of its
    archive took the 0 for the total, and said its pages, "saved at different times", held more documents than that."""
    from tests.faultserver import synthetic_pages
    from tests.sitegen import doc

    served = synthetic_pages([doc(n) for n in range(25)])
    clock = FakeClock()
    with FaultServer(lambda path: (body := served(path)) and body.replace(b"of 25<", b"of 0<")) as server:
        harvested = harvest(WILSON, Search("q"), tmp_path, "d", ["json"], Settings(base_url=server.origin, delay=0),
                            sleep=clock.sleep, now=clock.now)
    outcome = reparse([tmp_path / "archive"], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (harvested.documents, harvested.total, outcome.documents, outcome.total) == (25, None, 25, None)
    assert not [warning for warning in outcome.warnings if "more than the 0" in warning]


@pytest.mark.parametrize(("modified", "stands"), [(1_795_608_000, "WARC COPY"), (1_795_780_800, "HTML COPY")])
def test_of_a_dated_copy_of_a_page_and_an_undated_one_the_later_saved_stands_whichever_is_read_first(tmp_path: Path,
                                                                                                      modified: int, stands: str):
    """A browser's own "save page" says no time, and is taken to be saved when its file was last modified (a day before
    the archive's copy was fetched, or a day after); the archive's copy says when it was fetched: the later stands."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (SEED / "page-1.html").read_bytes()
    for first, second in (("a", "b"), ("b", "a")):
        root = tmp_path / f"{first}{second}"
        (root / first).mkdir(parents=True)
        (root / second).mkdir()
        (root / first / "page-1.html").write_bytes(page.replace(b"Letter from Ri Sang-jo to N.S. Khrushchev", b"HTML COPY", 1))
        os.utime(root / first / "page-1.html", (modified, modified))
        with (root / second / "x.warc.gz").open("wb") as file:
            writer = WARCWriter(file, gzip=True)
            writer.write_record(writer.create_warc_record(
                "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1",
                "response", payload=io.BytesIO(page.replace(b"Letter from Ri Sang-jo to N.S. Khrushchev", b"WARC COPY", 1)),
                warc_headers_dict={"WARC-Date": "2026-11-26T12:00:00Z"},
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
        reparse([root], WILSON, root / "out", "d", ["json"], workers=0)
        titles = {r["id"]: r["title"] for r in dataset(root / "out", "d")}
        assert titles["letter-ri-sang-jo-ns-khrushchev"] == stands, (first, second)


SEED_URL = "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party"


def _chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 5000]), body[i:i + 5000]) for i in range(0, len(body), 5000)) + b"0\r\n\r\n"


def _raw_deflate(body: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(body) + packer.flush()


SENT = {   # how other tools' WARC files keep a page: as it was sent, its headers saying how to read it
    "gzip": ([("Content-Encoding", "gzip")], gzip.compress),
    "x-gzip": ([("Content-Encoding", "x-gzip")], gzip.compress),
    "deflate": ([("Content-Encoding", "deflate")], zlib.compress),
    "raw deflate": ([("Content-Encoding", "deflate")], _raw_deflate),
    "br": ([("Content-Encoding", "br")], lambda body: __import__("brotli").compress(body)),
    "chunked, capitalized": ([("Transfer-Encoding", "Chunked")], _chunked),
    "gzip and chunked": ([("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")], lambda body: _chunked(gzip.compress(body))),
    "gzip, chunked transfer": ([("Transfer-Encoding", "gzip, chunked")], lambda body: _chunked(gzip.compress(body))),
    "said gzip, kept decoded": ([("Content-Encoding", "gzip")], lambda body: body),
    "a label of no compression": ([("Content-Encoding", "none")], lambda body: body),   # (browsers read it as it is)
}


def _warc(path: Path, pages: list[tuple[str, bytes, list[tuple[str, str]], str]]) -> Path:
    """A WARC file of responses (address, body as kept, headers, status line), as another tool writes them."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for url, body, headers, status in pages:
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), warc_headers_dict={"WARC-Date": "2026-11-26T12:00:00Z"},
                http_headers=StatusAndHeaders(status, [("Content-Type", "text/html; charset=UTF-8"), *headers], "HTTP/1.1")))
    return path


@pytest.mark.parametrize("sent", SENT)
def test_a_warc_file_of_pages_kept_as_sent_reads_as_the_pages_themselves(tmp_path: Path, sent: str):
    headers, encode = SENT[sent]
    pages = [(SEED_URL + ("&page=1" if number else ""), encode((SEED / f"page-{number}.html").read_bytes()), headers, "200 OK")
             for number in (0, 1)]
    outcome = reparse([_warc(tmp_path / "x.warc.gz", pages)], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "seed", "d", ["json"], workers=0)
    assert outcome.warnings == [] and outcome.documents == 19
    assert timeless(dataset(tmp_path / "out", "d")) == timeless(dataset(tmp_path / "seed", "d"))


def test_a_record_that_cannot_be_read_is_skipped_alone_and_named(tmp_path: Path):
    """A compression harvester cannot undo, or a status line without a status: that record is said, the next ones read."""
    page = (SEED / "page-0.html").read_bytes()
    warc = _warc(tmp_path / "x.warc.gz", [(SEED_URL + "&page=1", page, [("Content-Encoding", "compress")], "200 OK"),
                                           (SEED_URL + "&page=2", page, [], "OK"),
                                           (SEED_URL, page, [], "200 OK")])
    outcome = reparse([warc], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    assert f"{warc}: record 1 ({SEED_URL}&page=1): its body is compressed as 'compress', which harvester cannot undo; skipped" \
        in outcome.warnings
    assert f"{warc}: record 2 ({SEED_URL}&page=2): its status line 'OK' gives no status code; skipped" in outcome.warnings
    assert outcome.pages == 1 and outcome.documents == 10


def test_in_another_tools_warc_file_a_page_a_redirect_led_to_is_the_page_of_its_own_address(tmp_path: Path):
    """wget came to a document by its number (from a link elsewhere), and the site sent it on to the page at its slug,
    the address the results page lists: the page is that document's (in harvester's own files, the address asked for
    is the listed one)."""
    documents = FIXTURES / "wilson" / "documents"
    slug = "https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev"
    warc = _warc(tmp_path / "wget.warc.gz", [
        (SEED_URL, (SEED / "page-0.html").read_bytes(), [], "200 OK"),
        (SEED_URL + "&page=1", (SEED / "page-1.html").read_bytes(), [], "200 OK"),
        ("https://digitalarchive.wilsoncenter.org/document/119999", b"", [("Location", slug)], "301 Moved Permanently"),
        (slug, (documents / "letter-ri-sang-jo-ns-khrushchev.html").read_bytes(), [], "200 OK")])
    outcome = reparse([warc], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    records = {r["id"]: r for r in dataset(tmp_path / "out", "d")}
    assert outcome.documents == 19 and records["letter-ri-sang-jo-ns-khrushchev"]["record_id"]


def test_in_harvesters_own_file_a_redirect_holds_for_the_answer_that_comes_next_only(tmp_path: Path):
    """A document page whose redirect led nowhere (its target failed), and the target fetched for itself later: that
    page is the target's own, not the first document's."""
    from harvester.fetch.archive import WarcArchive
    from harvester.fetch.page import Page

    documents, home = FIXTURES / "wilson" / "documents", "https://digitalarchive.wilsoncenter.org/document/"
    html = {"content-type": "text/html; charset=utf-8"}
    with WarcArchive(tmp_path / "own.warc.gz") as archive:
        for url, number in ((SEED_URL, 0), (SEED_URL + "&page=1", 1)):
            archive.write(Page(url, (SEED / f"page-{number}.html").read_bytes(), 200, html, "2026-11-26T12:00:00+00:00"))
        archive.write(Page(home + "telegram-ponomarev-cpsu-central-committee", b"", 301,
                           {"location": home + "letter-ri-sang-jo-ns-khrushchev"}, "2026-11-26T12:00:01+00:00"))
        for slug in ("telegram-mikoyan-cpsu-central-committee", "letter-ri-sang-jo-ns-khrushchev"):   # (the target failed)
            archive.write(Page(home + slug, (documents / f"{slug}.html").read_bytes(), 200, html, "2026-11-26T12:00:02+00:00"))
    outcome = reparse([tmp_path / "own.warc.gz"], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    records = {r["id"]: r for r in dataset(tmp_path / "out", "d")}
    assert outcome.documents == 19 and records["letter-ri-sang-jo-ns-khrushchev"]["record_id"]
    assert records["telegram-ponomarev-cpsu-central-committee"]["record_id"] is None


def test_a_compressed_record_that_unpacks_to_more_than_any_page_is_skipped_unpacked_only_so_far(tmp_path: Path):
    """A few hundred kilobytes that unpack to 2 GB: refused once a page's size is unpacked, in a process that could not
    hold the whole (its memory capped 400 MB above what it holds before reading)."""
    import subprocess
    import sys

    import brotli

    packer = brotli.Compressor(quality=1)
    packed = b"".join(packer.process(b" " * 10_000_000) for _ in range(200)) + packer.finish()
    warc = _warc(tmp_path / "x.warc.gz", [(SEED_URL + "&page=1", packed, [("Content-Encoding", "br")], "200 OK"),
                                           (SEED_URL, (SEED / "page-0.html").read_bytes(), [], "200 OK")])
    script = f"""
import resource
from pathlib import Path
from harvester.pipeline import reparse
from harvester.sites import get_site
held = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (held + 400_000_000, held + 400_000_000))
outcome = reparse([Path({str(warc)!r})], get_site("wilson"), Path({str(tmp_path / "out")!r}), "d", ["json"], workers=0)
print(outcome.documents)
print(chr(10).join(outcome.warnings))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "10"
    assert f"{warc}: record 1 ({SEED_URL}&page=1): its body unpacks to more than 20,000,000 bytes; skipped" \
        in done.stdout


def test_a_304_with_a_content_encoding_and_no_body_confirms_its_page(tmp_path: Path):
    """A 304 has no body, whatever compression its headers name: nothing to unpack, nothing that needs a library."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "x.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        writer.write_record(writer.create_warc_record(SEED_URL, "response", payload=io.BytesIO((SEED / "page-0.html").read_bytes()),
                                                      warc_headers_dict={"WARC-Date": "2026-11-26T12:00:00Z"},
                                                      http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
        revisit = writer.create_warc_record(SEED_URL, "revisit", warc_headers_dict={"WARC-Date": "2026-12-03T12:00:00Z"},
                                            http_headers=StatusAndHeaders("304 Not Modified", [("Content-Encoding", "zstd")], "HTTP/1.1"))
        revisit.rec_headers.add_header("WARC-Refers-To-Target-URI", SEED_URL)
        revisit.rec_headers.add_header("WARC-Refers-To-Date", "2026-11-26T12:00:00Z")
        writer.write_record(revisit)
    outcome = reparse([tmp_path / "x.warc.gz"], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    assert not any("zstd" in warning or "skipped" in warning for warning in outcome.warnings), outcome.warnings
    assert {r["harvested_at"] for r in dataset(tmp_path / "out", "d")} == {"2026-12-03T12:00:00+00:00"}


def test_pages_kept_as_resource_records_are_read_as_pages(tmp_path: Path):
    """warcit makes a WARC file of a folder of saved pages (and their images) as resource records: no HTTP answer."""
    import io

    from warcio.warcwriter import WARCWriter

    with (tmp_path / "saved.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        files = [(SEED_URL + ("&page=1" if number else ""), (SEED / f"page-{number}.html").read_bytes(), "text/html") for number in (0, 1)]
        for url, body, kind in [*files, ("https://digitalarchive.wilsoncenter.org/logo.png", b"\x89PNG\r\n", "image/png"),
                                ("file:///home/me/notes.txt", b"notes", "text/plain")]:
            writer.write_record(writer.create_warc_record(url, "resource", payload=io.BytesIO(body), warc_content_type=kind,
                                                          warc_headers_dict={"WARC-Date": "2026-11-26T12:00:00Z"}))
    outcome = reparse([tmp_path / "saved.warc.gz"], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "seed", "d", ["json"], workers=0)
    assert outcome.warnings == [] and outcome.documents == 19
    assert timeless(dataset(tmp_path / "out", "d")) == timeless(dataset(tmp_path / "seed", "d"))


def test_a_revisit_that_names_its_response_by_record_id_dates_the_page_and_one_without_it_is_said(tmp_path: Path):
    """wget's duplicates (--warc-dedup) name the response they repeat by its WARC-Record-ID alone: the page is the
    response's, seen at the revisit's time; a second crawl given without the first says what it lacks."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [(SEED_URL + ("&page=1" if number else ""), (SEED / f"page-{number}.html").read_bytes()) for number in (0, 1)]
    crawls = [tmp_path / "crawl1.warc.gz", tmp_path / "crawl2.warc.gz"]
    ids = []
    with crawls[0].open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for url, body in pages:
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), warc_headers_dict={"WARC-Date": "2026-11-26T12:00:00Z"},
                                               http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1"))
            ids.append(record.rec_headers.get_header("WARC-Record-ID"))
            writer.write_record(record)
    with crawls[1].open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for (url, _), refers in zip(pages, ids):
            revisit = writer.create_warc_record(url, "revisit", warc_headers_dict={
                "WARC-Date": "2026-12-03T12:00:00Z", "WARC-Refers-To": refers,
                "WARC-Profile": "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"},
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1"))
            writer.write_record(revisit)
    both = reparse(crawls, WILSON, tmp_path / "both", "d", ["json"], workers=0)
    assert both.warnings == [] and both.documents == 19
    assert {r["harvested_at"] for r in dataset(tmp_path / "both", "d")} == {"2026-12-03T12:00:00+00:00"}
    (tmp_path / "again").mkdir()   # the revisits' file read first (named so): their responses come after them
    (tmp_path / "again" / "a.warc.gz").symlink_to(crawls[1])
    (tmp_path / "again" / "b.warc.gz").symlink_to(crawls[0])
    again = reparse([tmp_path / "again"], WILSON, tmp_path / "again-out", "d", ["json"], workers=0)
    assert again.warnings == [] and timeless(dataset(tmp_path / "again-out", "d")) == timeless(dataset(tmp_path / "both", "d"))
    assert {r["harvested_at"] for r in dataset(tmp_path / "again-out", "d")} == {"2026-12-03T12:00:00+00:00"}
    with pytest.raises(InputError, match="no saved results pages found") as error:
        reparse(crawls[1:], WILSON, tmp_path / "second", "d", ["json"], workers=0)
    assert f"a record saying {SEED_URL} was unchanged refers to a response ({ids[0]}) that is not among the files given" \
        in str(error.value)


def test_links_on_other_hosts_become_one_document_on_the_canonical_host(tmp_path: Path):
    reparse([FIXTURES / "wilson" / "views-rows"], WILSON, tmp_path, "x", ["json"], workers=0)
    urls = [r["url"] for r in dataset(tmp_path, "x")]
    assert all(u.startswith("https://digitalarchive.wilsoncenter.org/document/") for u in urls)
    assert "https://digitalarchive.wilsoncenter.org/document/123772" in urls      # the legacy numeric link


def test_people_are_written_one_way_across_the_dataset(tmp_path: Path):
    reparse([SEED, FIXTURES / "wilson" / "dates"], WILSON, tmp_path, "x", ["json"], workers=0)
    people = {p for r in dataset(tmp_path, "x") for p in r["people"]}
    assert "N. G. Sudarikov" in people and "N.G. Sudarikov" not in people
    assert "A. M. Puzanov" in people and "A.M. Puzanov" not in people
    assert "Anastas Mikoyan" in people and "A. Mikoyan" not in people


def test_default_name_is_made_from_the_site_and_the_query():
    assert default_name(WILSON, Search("Korean War")) == default_name(WILSON, Search(" korean  war ")) == "wilson-korean-war"   # case ignored
    assert default_name(WILSON, Search("")) == default_name(WILSON, Search("  ")) == "wilson-all"        # the whole archive


@pytest.mark.parametrize("queries", [
    ("金日成", "毛泽东", "Ким Ир Сен", "Kim Il Sung"),                       # other scripts fold to nothing
    ("Korean Workers' Party", "Korean Workers’ Party", "Korean Workers Party"),  # punctuation the words cannot show
    ("Kádár", "Kadar", "KADAR?"),
    ("x" * 61, "x" * 62),                                                   # cut at 60 letters
])
def test_default_names_of_different_searches_differ(queries):
    """A name that cannot show the whole query carries a short hash of it: two searches never share a dataset."""
    names = [default_name(WILSON, Search(q)) for q in queries]
    assert len(set(names)) == len(names), names
    assert all(re.fullmatch(r"wilson-[a-z0-9-]*", n) and len(n) < 80 for n in names)


def test_over_a_real_socket_503_with_retry_after_is_waited_out(tmp_path: Path):
    clock = FakeClock()
    page_one = lambda n, path: Fault(503, {"Retry-After": "4"}) if "page=1" in path and n <= 3 else None  # noqa: E731
    with FaultServer(folder_pages(SEED), page_one) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "seed", ["csv"], Settings(base_url=server.origin, delay=0),
                          sleep=clock.sleep, now=clock.now)
    assert outcome.documents == 19
    assert clock.sleeps == [4.0]
    assert [p.split("?")[0] for p in server.requests] == ["/robots.txt", "/search", "/search", "/search"]


def test_over_a_real_socket_a_dropped_connection_is_retried(tmp_path: Path):
    clock = FakeClock()
    drop_once = lambda n, path: Fault(drop=True) if n == 2 else None  # noqa: E731
    with FaultServer(folder_pages(SEED), drop_once) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "seed", ["csv"], Settings(base_url=server.origin, delay=0),
                          sleep=clock.sleep, now=clock.now)
    assert outcome.documents == 19 and len(clock.sleeps) == 1


def test_over_a_real_socket_a_redirect_off_the_host_is_refused(tmp_path: Path):
    away = lambda n, path: Fault(302, {"Location": "http://127.0.0.2:9/search"}) if path.startswith("/search") else None  # noqa: E731
    with FaultServer(folder_pages(SEED), away) as server:
        with pytest.raises(OffSiteError, match="redirects off the site to http://127.0.0.2:9/search"):
            harvest(WILSON, Search(QUERY), tmp_path, "seed", ["csv"], Settings(base_url=server.origin, delay=0))
    assert len(server.requests) == 2 and not list(tmp_path.glob("seed.*"))


@pytest.mark.parametrize("failing", [1, 2, 3, 4, 5, 6])
def test_a_write_failing_at_any_file_of_a_run_leaves_the_whole_previous_dataset(tmp_path: Path, monkeypatch, failing):
    """Records, people table, run report and data package appear together or not at all (here: the disk fills up
    while the n-th file of the run is written)."""
    import os

    from harvester.errors import UsageError

    clock = FakeClock()
    with FaultServer(folder_pages(SEED)) as server:
        settings = Settings(base_url=server.origin, delay=0)
        harvest(WILSON, Search("Korean Workers' Party"), tmp_path, "d", ["csv", "json"], settings, sleep=clock.sleep, now=clock.now)
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        assert {"d.csv", "d.json", "d.people.csv", "d.people.json", "d.report.json", "d.datapackage.json"} <= set(before)
        real_fsync, calls = os.fsync, {"n": 0}

        def disk_full_at_the_nth_file(fd):
            calls["n"] += 1
            if calls["n"] == failing:
                raise OSError(28, "No space left on device")
            return real_fsync(fd)

        monkeypatch.setattr(os, "fsync", disk_full_at_the_nth_file)
        with pytest.raises(UsageError, match="cannot write: the disk is full: free some space, then run the same command"):
            harvest(WILSON, Search("Korean Workers' Party"), tmp_path, "d", ["csv", "json"], settings, sleep=clock.sleep, now=clock.now)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_harvest_output_folder_with_its_warc_archive_can_be_served(tmp_path: Path):
    import shutil

    from harvester.serve import index_folder

    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    clock = FakeClock()
    with FaultServer(folder_pages(SEED)) as server:
        harvest(WILSON, Search("Korean Workers' Party"), folder, "d", ["csv"], Settings(base_url=server.origin, delay=0),
                sleep=clock.sleep, now=clock.now)
    assert list((folder / "archive").glob("*.warc.gz"))
    assert {path.name for path, _ in index_folder(folder).values()} == {"page-0.html", "page-1.html"}
    with pytest.raises(InputError, match=r"archive: holds WARC archives only, which harvester reparse reads; "
                       r"serve serves saved pages \(\.html, \.htm, \.mhtml, \.mht, \.webarchive\)$"):
        index_folder(folder / "archive")


def test_pages_saved_as_mhtml_give_what_the_html_pages_give_reparsed_and_served(tmp_path: Path):
    """A browser's "Webpage, Single File" (MHTML: Chrome's and Edge's save) is read as the page it holds, at the address
    its part says, saved at its date; `serve` serves that page, so a harvest of it is the harvest of the HTML pages."""
    mhtml = FIXTURES / "wilson" / "mhtml"
    reparse([mhtml], WILSON, tmp_path / "m", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "h", "d", ["json"], workers=0)
    records = json.loads((tmp_path / "m" / "d.json").read_text(encoding="utf-8"))
    assert timeless(records) == timeless(json.loads((tmp_path / "h" / "d.json").read_text(encoding="utf-8")))
    assert {r["harvested_at"] for r in records} == {"2026-12-04T13:05:09+00:00", "2026-12-04T13:05:31+00:00"}   # its Date
    for folder, out in ((mhtml, "ms"), (SEED, "hs")):
        clock = FakeClock()
        with Serving([folder]) as serving:
            harvest(WILSON, Search("Korean Workers' Party"), tmp_path / out, "d", ["json"],
                    Settings(base_url=serving.origin, delay=0), sleep=clock.sleep, now=clock.now)
    assert timeless(dataset(tmp_path / "ms", "d")) == timeless(dataset(tmp_path / "hs", "d")) != []


def single_file(page: Path, charset: str = "utf-8", frame_first: bool = False, named_by_start: bool = False,
                date: str = "Fri, 4 Dec 2026 13:05:09 -0000") -> bytes:
    """A saved page as Chrome writes it in one file (MHTML), in `charset`; with a frame's page before it (an embedded
    video's), the root named by the message's `start` or by its snapshot address."""
    from harvester.fetch.saved import read_saved

    saved, text, _ = read_saved(page)
    return mhtml(saved.url, text, charset, frame_first, named_by_start, date)


def mhtml(url: str, text: str, charset: str = "utf-8", frame_first: bool = False, named_by_start: bool = False,
          date: str = "Fri, 4 Dec 2026 13:05:09 -0000") -> bytes:
    parts = [("<frame-1@mhtml.blink>", "https://www.youtube.com/embed/x", b"<html><body><p>a video</p></body></html>")] * frame_first
    parts.append(("<page@mhtml.blink>", url, text.encode(charset, "xmlcharrefreplace")))
    head = ["From: <Saved by Blink>", *([] if named_by_start else [f"Snapshot-Content-Location: {url}"]),
            f"Date: {date}", "MIME-Version: 1.0",
            'Content-Type: multipart/related; type="text/html"; boundary="--B--"' + ('; start="<page@mhtml.blink>"' * named_by_start)]
    body = "".join(f"----B--\r\nContent-Type: text/html; charset={charset}\r\nContent-ID: {cid}\r\nContent-Transfer-Encoding: "
                   f"base64\r\nContent-Location: {url}\r\n\r\n{base64.encodebytes(data).decode()}\r\n" for cid, url, data in parts)
    return ("\r\n".join(head) + "\r\n\r\n" + body + "----B----\r\n").encode("ascii")


def web_archive(page: Path) -> bytes:
    """A saved page as Safari's "Web Archive" holds it: a property list of the page, at its address, and an image it shows."""
    import plistlib

    from harvester.fetch.saved import read_saved

    saved, _, _ = read_saved(page)
    main = {"WebResourceData": page.read_bytes(), "WebResourceURL": saved.url, "WebResourceMIMEType": "text/html",
            "WebResourceTextEncodingName": "UTF-8", "WebResourceFrameName": ""}
    image = {"WebResourceData": b"\x89PNG\r\n\x1a\n" + bytes(64), "WebResourceURL": "https://digitalarchive.wilsoncenter.org/logo.png",
             "WebResourceMIMEType": "image/png"}
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": [image]}, fmt=plistlib.FMT_BINARY)


@pytest.mark.parametrize("make", [
    lambda page: single_file(page, frame_first=True),                          # the root at the snapshot's address
    lambda page: single_file(page, frame_first=True, named_by_start=True),     # the root named by `start`
    lambda page: single_file(page, charset="windows-1252"),                    # its part's charset, not the page's meta
    web_archive,                                                               # Safari's .webarchive
], ids=["frame-first", "start", "windows-1252", "webarchive"])
def test_pages_saved_in_one_file_give_what_the_html_pages_give_reparsed_and_served(tmp_path: Path, make):
    """The page an MHTML file or a Safari web archive holds is read (its root, not a frame before it; in the charset
    its part says) and served as it was saved, so a re-parse and a harvest of it give what the .html pages give."""
    suffix = ".webarchive" if make is web_archive else ".mhtml"
    folder = tmp_path / "saved"
    folder.mkdir()
    for page in SEED.glob("page-*.html"):
        (folder / page.with_suffix(suffix).name).write_bytes(make(page))
    reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "h", "d", ["json"], workers=0)
    expected = timeless(json.loads((tmp_path / "h" / "d.json").read_text(encoding="utf-8")))
    assert timeless(json.loads((tmp_path / "r" / "d.json").read_text(encoding="utf-8"))) == expected and len(expected) == 19
    clock = FakeClock()
    with Serving([folder]) as serving:
        outcome = harvest(WILSON, Search(QUERY), tmp_path / "s", "d", ["json"], Settings(base_url=serving.origin, delay=0),
                          sleep=clock.sleep, now=clock.now)
    assert timeless(dataset(tmp_path / "s", "d")) == timeless(dataset(tmp_path / "h", "d")) and outcome.warnings == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_a_web_archive_written_as_an_xml_property_list_is_read(tmp_path: Path, encoding: str):
    """A web archive converted to an XML property list (plutil -convert xml1, to read it; or saved again by an editor,
    with a byte-order mark, or as UTF-16): the same page as Safari's binary one."""
    from harvester.fetch.saved import read_saved

    xml = _xml_plist(web_archive(SEED / "page-0.html")).decode("utf-8")
    declared = "UTF-16" if encoding == "utf-16" else "UTF-8"
    (tmp_path / "page-0.webarchive").write_bytes(xml.replace('encoding="UTF-8"', f'encoding="{declared}"').encode(encoding))
    page, text, _ = read_saved(tmp_path / "page-0.webarchive")
    saved, expected, _ = read_saved(SEED / "page-0.html")
    assert (page.url, text) == (saved.url, expected)


_DECLARATION, _DOCTYPE = '<?xml version="1.0" encoding="UTF-8"?>\n', '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" ' \
    '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'


@pytest.mark.parametrize("prolog", [
    _DECLARATION + "<!-- converted with plutil -->\n" + _DOCTYPE,         # a comment before its doctype
    _DECLARATION + "\n\n<!-- a comment\n   of two lines -->\n\n",        # blank lines and a comment, no doctype
    _DECLARATION + _DOCTYPE + "<!-- saved by Safari -->\n\n",              # after its doctype
    "\n\n" + _DOCTYPE,                                                     # no declaration: blank lines, its doctype
    "<!-- a comment --> " + _DOCTYPE,                                       # no declaration: a comment, its doctype
    "\n\n" + _DECLARATION + _DOCTYPE,                                       # blank lines before its declaration
    "\ufeff\n\n" + _DECLARATION + _DOCTYPE,                                 # and after an editor's byte order mark
], ids=["comment-before-doctype", "blank-lines-and-comment", "comment-after-doctype", "doctype-only", "comment-then-doctype",
        "blank-lines-first", "byte-order-mark-then-blank-lines"])
def test_an_xml_property_list_with_a_comment_or_blank_lines_before_its_plist_tag_is_read(tmp_path: Path, prolog: str):
    """A comment or blank lines in an XML property list's prolog (an editor's, a converter's) are XML as plistlib reads
    it: the web archive was read as an HTML page, or refused as no web archive harvester can read."""
    from harvester.fetch.saved import read_saved

    xml = _xml_plist(web_archive(SEED / "page-0.html")).decode("utf-8")
    (tmp_path / "page-0.webarchive").write_text(prolog + xml[xml.index("<plist"):], encoding="utf-8")
    page, text, _ = read_saved(tmp_path / "page-0.webarchive")
    saved, expected, _ = read_saved(SEED / "page-0.html")
    assert (page.url, text) == (saved.url, expected)


def test_an_xml_property_list_in_utf_16_with_blank_lines_before_its_declaration_is_read(tmp_path: Path):
    """As one in UTF-8 is: it was refused as "a property list that is no Safari web archive harvester can read"."""
    from harvester.fetch.saved import read_saved

    xml = _xml_plist(web_archive(SEED / "page-0.html")).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    (tmp_path / "page-0.webarchive").write_bytes(("\n\n" + xml).encode("utf-16"))
    page, text, _ = read_saved(tmp_path / "page-0.webarchive")
    saved, expected, _ = read_saved(SEED / "page-0.html")
    assert (page.url, text) == (saved.url, expected)


def test_an_html_page_opening_with_a_plist_tag_of_its_text_is_read_as_html(tmp_path: Path):
    """Only an XML declaration or a property list's doctype makes a file an XML property list: a page whose text opens
    with a word in angle brackets is a page."""
    from harvester.fetch.saved import read_saved

    (tmp_path / "page-0.html").write_bytes(b"<plist> of the page\n" + (SEED / "page-0.html").read_bytes())
    _, text, _ = read_saved(tmp_path / "page-0.html")
    assert text == "<plist> of the page\n" + read_saved(SEED / "page-0.html")[1]


def test_an_html_page_opening_with_a_comment_and_quoting_a_plist_doctype_after_another_is_read_as_html(tmp_path: Path):
    """A comment before a doctype makes a file a property list only when nothing but comments and blank lines come
    between them: a page that opens with a browser's saved-from comment, and quotes a property list's doctype after a
    comment of its own further on, is a page."""
    from harvester.fetch.saved import read_saved

    seed = (SEED / "page-0.html").read_bytes()
    opening = b"<!-- saved from url=(0044)https://digitalarchive.wilsoncenter.org/ -->\n<p>A plist: <!-- quoted --><!DOCTYPE plist>\n"
    (tmp_path / "page-0.html").write_bytes(opening + seed)
    _, text, _ = read_saved(tmp_path / "page-0.html")
    assert text == opening.decode("utf-8") + read_saved(SEED / "page-0.html")[1]


def _xml_plist(binary: bytes) -> bytes:
    """A binary property list converted to XML (as plutil -convert xml1 converts one)."""
    import plistlib

    return plistlib.dumps(plistlib.loads(binary), fmt=plistlib.FMT_XML)


def _plist(main: object) -> bytes:
    import plistlib

    return plistlib.dumps({"WebMainResource": main} if main is not None else {"WebSubresources": []}, fmt=plistlib.FMT_BINARY)


_IMAGE = {"WebResourceData": b"\x89PNG", "WebResourceURL": "https://x.org/a.png", "WebResourceMIMEType": "image/png"}


@pytest.mark.parametrize("name, make, said", [
    ("page-0.webarchive", lambda: web_archive(SEED / "page-0.html")[:3000], "a property list that is no Safari web archive harvester can read"),
    ("page-0.webarchive", lambda: b"bplist00" + bytes(range(256)) * 4, "a property list that is no Safari web archive harvester can read"),
    ("page-0.webarchive", lambda: _plist(None), "a Safari web archive with no HTML page in it"),
    ("page-0.webarchive", lambda: _plist(_IMAGE), "a Safari web archive with no HTML page in it"),
    ("page-0.webarchive", lambda: _xml_plist(web_archive(SEED / "page-0.html"))[:3000],
     "a property list that is no Safari web archive harvester can read"),
    ("page-0.mhtml", lambda: single_file(SEED / "page-0.html").replace(b"Content-Type: text/html;", b"Content-Type: image/png;"),
     "an MHTML file with no HTML page in it"),
    # a property list of something else (an app's settings), as XML or binary: no Safari web archive, damaged or not
    ("page-0.webarchive", lambda: plistlib.dumps({"CFBundleName": "Notes"}), "a property list, not a Safari web archive"),
    ("page-0.html", lambda: plistlib.dumps({"CFBundleName": "Notes"}), "a property list, not a Safari web archive"),
    ("page-0.webarchive", lambda: plistlib.dumps(["a", 1], fmt=plistlib.FMT_BINARY), "a property list, not a Safari web archive"),
], ids=["webarchive-torn", "webarchive-garbage", "webarchive-no-main", "webarchive-main-an-image", "webarchive-as-xml-torn",
        "mhtml-no-html", "plist-xml", "plist-xml-named-html", "plist-binary-a-list"])
def test_a_damaged_single_file_page_stops_the_reparse_in_one_line_naming_it(monkeypatch, capsys, tmp_path: Path, name, make, said):
    """A torn or damaged Safari web archive, or an MHTML file with no HTML part: its records would be missing, so the
    re-parse stops before it writes anything, and says which file to save again."""
    from tests.test_cli import run_cli

    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SEED / "page-1.html", folder)
    (folder / name).write_bytes(make())
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(folder), "--out", str(tmp_path / "o"), "--format", "json")
    assert (code, out) == (2, "") and err == f"harvester: error: {folder / name}: {said}; save the page again\n"
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_an_mhtml_file_with_raw_utf8_in_its_headers_or_its_start_in_rfc_2231s_form_is_read(tmp_path: Path, encoding: str):
    """A header of raw bytes, not MIME-encoded (an address with an 'é', a file edited by hand), and a `start` written
    start*=utf-8''... ended in a traceback; the address is read as UTF-8, the root part as `start` names it. An editor
    that saved it in Windows-1252 (its "ANSI") put U+FFFD for its 'é' in the dataset's search: it is read as a page's bytes are."""
    from harvester.fetch.saved import read_saved

    saved, text, _ = read_saved(SEED / "page-0.html")
    body = mhtml(saved.url, text, frame_first=True, named_by_start=True).replace(b"=Korean", "=Koréan".encode(encoding))
    body = body.replace(b'start="<page@mhtml.blink>"', b"start*=utf-8''%3Cpage%40mhtml.blink%3E")
    (tmp_path / "page-0.mhtml").write_bytes(body.replace(b"-0000\r\n", "-0000 (heure d’été)\r\n".encode(encoding)))
    page, read, _ = read_saved(tmp_path / "page-0.mhtml")
    assert (page.url, page.fetched_at, read) == (saved.url.replace("=Korean", "=Koréan"), "2026-12-04T13:05:09+00:00", text)


@pytest.mark.parametrize("suffix", [".html", ".mhtml"])
def test_a_saved_page_cut_short_is_refused_by_serve_as_by_a_reparse(tmp_path: Path, suffix: str):
    """A harvest from it would try the page again and again and fail as the network's fault, naming no file."""
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SEED / "page-0.html", folder)
    whole = (SEED / "page-1.html").read_bytes() if suffix == ".html" else single_file(SEED / "page-1.html")
    (folder / f"page-1{suffix}").write_bytes(whole[:whole.rindex(b"\n", 0, len(whole) * 2 // 3) + 1])   # at a line's end
    for attempt in (lambda: reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0), lambda: Serving([folder])):
        with pytest.raises(InputError, match=rf"page-1\{suffix}: the saved page is cut short \(it stops before </html>\): save it again"):
            attempt()


def wayback_copy(page: Path, relative: bool) -> str:
    """A saved page as the Internet Archive's Wayback Machine serves it, saved from there: the Wayback's scripts and
    toolbar in it, every address of the site behind the Wayback's prefix (absolute, as a browser's "complete" save
    writes them, or as the page has them, /web/TIMESTAMP/https://...), saved from the Wayback's address."""
    prefix = ("" if relative else "https://web.archive.org") + "/web/20240115093012/"
    text = re.sub(r'(href|src)="(?=/[^/])', rf'\1="{prefix}https://digitalarchive.wilsoncenter.org', page.read_text(encoding="utf-8"))
    text = text.replace('="https://digitalarchive.wilsoncenter.org', f'="{prefix}https://digitalarchive.wilsoncenter.org')
    text = re.sub(r"saved from url=\(\d+\)", "saved from url=(0000)https://web.archive.org/web/20240115093012/", text)
    text = text.replace("<head>", '<head><script src="https://web-static.archive.org/_static/js/bundle-playback.js"></script>'
                        '<script>__wm.init("https://web.archive.org/web");</script>', 1)
    toolbar = ('<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp-base"><a href="/web/">Wayback Machine</a>'
               '<a href="/web/2023*/digitalarchive.wilsoncenter.org/search*">12 captures</a><span>1 - 10 of 12</span></div>'
               "<!-- END WAYBACK TOOLBAR INSERT -->")
    return re.sub(r"(<body[^>]*>)", lambda m: m[1] + toolbar, text, count=1) + "<!-- FILE ARCHIVED ON 09:30:12 Jan 15, 2024 -->"


@pytest.mark.parametrize("saved_as", ["complete", "html-only", "single-file", "singlefile-extension"])
def test_pages_saved_from_the_wayback_machine_give_the_sites_records_at_their_capture_time(tmp_path: Path, saved_as: str):
    """Reparsed and served, the Wayback's copies of the results pages and of a document page give what the pages saved
    from the site give, each record harvested when the Wayback captured its page (not when the copy was saved)."""
    from harvester.fetch.saved import read_saved

    document = FIXTURES / "wilson" / "documents" / "telegram-mikoyan-cpsu-central-committee.html"
    folder = tmp_path / "wayback"
    folder.mkdir()
    for page in [*SEED.glob("page-*.html"), document]:
        copy = wayback_copy(page, relative=saved_as == "html-only")
        if saved_as == "singlefile-extension":   # SingleFile's comment in place of the browser's mark
            copy = re.sub(r"<!-- saved from url=\(\d+\)(\S+) -->", lambda m: f"<!--\n Page saved with SingleFile \n url: {m[1]} \n"
                          " saved date: Sat Dec 05 2026 10:00:00 GMT+0000 (Coordinated Universal Time)\n-->", copy)
        if saved_as == "single-file":   # at the Wayback's address, saved today, with no saved-from mark
            (folder / page.with_suffix(".mhtml").name).write_bytes(mhtml(
                "https://web.archive.org/web/20240115093012/" + read_saved(page)[0].url, re.sub(r"<!-- saved from url=.*?-->", "", copy),
                date="Sat, 5 Dec 2026 10:00:00 -0000"))
        else:
            (folder / page.name).write_text(copy, encoding="utf-8")
    reparse([folder], WILSON, tmp_path / "w", "d", ["json"], workers=0)
    reparse([SEED, document], WILSON, tmp_path / "s", "d", ["json"], workers=0)
    records = json.loads((tmp_path / "w" / "d.json").read_text(encoding="utf-8"))
    assert timeless(records) == timeless(json.loads((tmp_path / "s" / "d.json").read_text(encoding="utf-8")))
    assert {r["harvested_at"] for r in records} == {"2024-01-15T09:30:12+00:00"} and len(records) == 19
    assert records[0]["source_page"] == "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party"
    for served, out in ((folder, "hw"), (SEED, "hs")):
        clock = FakeClock()
        with Serving([served]) as serving:
            harvest(WILSON, Search(QUERY), tmp_path / out, "d", ["json"], Settings(base_url=serving.origin, delay=0),
                    sleep=clock.sleep, now=clock.now)
    assert timeless(dataset(tmp_path / "hw", "d")) == timeless(dataset(tmp_path / "hs", "d")) != []


def test_a_warc_file_of_a_crawl_of_the_wayback_machine_gives_the_sites_records_at_their_capture_time(tmp_path: Path):
    """A crawler's WARC file of the Wayback's copies (their addresses https://web.archive.org/web/TIMESTAMP/https://...)
    is read as those copies saved by a browser are: the site's pages, captured when their addresses say (it gave "no
    saved results pages found"). The Wayback's redirect to the nearest capture is no page."""
    wayback = "https://web.archive.org/web/20190101000000/"
    warc = _warc(tmp_path / "wayback.warc.gz", [
        (wayback + SEED_URL, b"", [("Location", wayback.replace("0000/", "1234/") + SEED_URL)], "302 Found"),
        *((wayback + SEED_URL + ("&page=1" if number else ""), wayback_copy(SEED / f"page-{number}.html", relative=number == 1)
           .encode("utf-8"), [], "200 OK") for number in (0, 1))])
    outcome = reparse([warc], WILSON, tmp_path / "w", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "s", "d", ["json"], workers=0)
    records = dataset(tmp_path / "w", "d")
    assert outcome.documents == 19 and outcome.warnings == [] and timeless(records) == timeless(dataset(tmp_path / "s", "d"))
    assert {r["harvested_at"] for r in records} == {"2019-01-01T00:00:00+00:00"} and records[0]["source_page"] == SEED_URL

    old = wayback + "https://digitalarchive.wilsoncenter.org/search-results/1/%7B%22subject%22%3A%221233%22%7D?recordType=Record"
    _warc(tmp_path / "old.warc.gz", [(old, b"<html><ul class='search-res'><li>...</li></ul></html>", [], "200 OK"),
                                     (wayback + "https://[::1/x", b"<html></html>", [], "200 OK")])   # (no web address)
    outcome = reparse([warc, tmp_path / "old.warc.gz"], WILSON, tmp_path / "o", "d", ["json"], workers=0)
    assert outcome.documents == 19 and outcome.warnings == [f"{tmp_path / 'old.warc.gz'}: 1 page(s) of the archive's "
                                                            "old site, whose layout harvester does not read, passed over"]


def test_a_page_that_cites_the_wayback_machine_is_no_wayback_copy(tmp_path: Path):
    """A document whose summary cites an archived address (its page's description repeats it, in the first lines):
    read as the site's page, the address as cited, the page's time unknown."""
    cited = "See https://web.archive.org/web/20080515000000/http://www.kcna.co.jp/item/1956.htm"
    text = (FIXTURES / "wilson" / "documents" / "telegram-mikoyan-cpsu-central-committee.html").read_text(encoding="utf-8")
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "telegram.html").write_text(text.replace('<meta name="description" content="', f'<meta name="description" content="{cited} ', 1)
                                          .replace("</head>", f'<script>var cite = "{cited.split()[1]}";</script></head>', 1), encoding="utf-8")
    reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    [record] = json.loads((tmp_path / "r" / "d.json").read_text(encoding="utf-8"))
    assert record["harvested_at"] is None and record["url"].startswith("https://digitalarchive.wilsoncenter.org/document/")


@pytest.mark.parametrize("translated", [
    ('<html lang="en"', '<html lang="de" class="translated-ltr"'),                     # Chrome's own translation
    ("<title>", '<title _msttexthash="5237184" _msthash="12">'),                          # Edge's
    ("wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1 -->",     # Google Translate's copy
     "wilsoncenter-org.translate.goog/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1&_x_tr_sl=en -->"),
], ids=["chrome", "edge", "translate.goog"])
def test_a_page_saved_translated_is_refused_naming_it(tmp_path: Path, translated: tuple[str, str]):
    """Its titles, dates and names are the translator's: read, they would make a dataset of wrong values, unsaid."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    page = folder / "page-1.html"
    text = page.read_text(encoding="utf-8")
    assert translated[0] in text
    page.write_text(text.replace(translated[0], translated[1], 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"page-1.html: a machine translation of the page .* save the page untranslated"):
        reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert not (tmp_path / "r" / "d.json").exists()


@pytest.mark.parametrize("copies", ["undated", "dated", "identical"])
def test_a_page_saved_twice_is_read_from_one_copy_alike_reparsed_and_served_and_a_difference_said(tmp_path: Path, copies: str):
    """Of two copies of one address with other results, the later saved stands; of two saved at one time (undated, their
    files' times alike, as a copied folder may leave them), the later by name, a browser's name for a second save
    ("page-1 (1).html") after the first's: a re-parse says which, and serve serves that one. Copies alike are one page, unsaid."""
    folder, resaved = tmp_path / "saved", tmp_path / "resaved.html"
    folder.mkdir()
    shutil.copy(SEED / "page-0.html", folder)
    text = (SEED / "page-1.html").read_text(encoding="utf-8")
    resaved.write_text(text if copies == "identical" else text.replace("lists several reasons", "lists SEVERAL reasons"), encoding="utf-8")
    if copies == "dated":   # the copy its name says is the second save was saved earlier: its date decides
        (folder / "page-1 (1).mhtml").write_bytes(single_file(SEED / "page-1.html"))
        (folder / "page-1.mhtml").write_bytes(single_file(resaved, date="Sat, 5 Dec 2026 10:00:00 -0000"))
        first, second, stands, why = folder / "page-1.mhtml", folder / "page-1 (1).mhtml", folder / "page-1.mhtml", "the later saved"
    else:
        shutil.copy(SEED / "page-1.html", folder)
        shutil.copy(resaved, folder / "page-1 (1).html")
        first, second = folder / "page-1.html", folder / "page-1 (1).html"   # in the order read
        for copy in (first, second):
            os.utime(copy, (1_796_083_200, 1_796_083_200))
        stands, why = second, "the later by name: saved at one time"
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    said = [w for w in outcome.warnings if "saved from the same address" in w]
    records = json.loads((tmp_path / "r" / "d.json").read_text(encoding="utf-8"))
    assert len(records) == 19 and any("SEVERAL" in r["summary"] for r in records) == (copies != "identical")
    assert said == ([] if copies == "identical" else
                    [f"{second}: saved from the same address as {first}, with other results; the records of {stands} stand ({why})"])
    clock = FakeClock()
    with Serving([folder]) as serving:
        harvest(WILSON, Search(QUERY), tmp_path / "h", "d", ["json"], Settings(base_url=serving.origin, delay=0),
                sleep=clock.sleep, now=clock.now)
    assert [r["summary"] for r in dataset(tmp_path / "h", "d")] == [r["summary"] for r in records]


def test_of_three_saves_of_a_page_what_is_said_names_the_copy_whose_records_stand(tmp_path: Path):
    """A page saved three times: the second save alike the first but saved last, the third, with other results, saved in
    between. The records of the save made last stand, and what is said names it (as serve serves it), not the first."""
    folder = tmp_path / "saved"
    folder.mkdir()
    text = (SEED / "page-1.html").read_text(encoding="utf-8")
    first, last, between = folder / "page-1.html", folder / "page-1 (1).html", folder / "page-1 (2).html"
    for copy, later in ((first, 0), (last, 300), (between, 100)):
        copy.write_text(text.replace("lists several reasons", "lists SEVERAL reasons") if copy == between else text, encoding="utf-8")
        os.utime(copy, (1_796_083_200 + later, 1_796_083_200 + later))
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    records = json.loads((tmp_path / "r" / "d.json").read_text(encoding="utf-8"))
    assert not any("SEVERAL" in r["summary"] for r in records)
    assert [w for w in outcome.warnings if "same address" in w] == [
        f"{between}: saved from the same address as {last}, with other results; the records of {last} stand (the later saved)"]
    assert last in {path for path, _ in index_folder(folder).values()}


def test_copies_of_a_page_that_write_its_links_otherwise_are_copies_alike(tmp_path: Path):
    """A page saved "complete" (its links made absolute), and the Wayback Machine's copy of it, beside the page saved as
    HTML only: the same results, unsaid (each was said to have other results)."""
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SEED / "page-1.html", folder)
    text = (SEED / "page-1.html").read_text(encoding="utf-8")
    (folder / "page-1 (1).html").write_text(text.replace('href="/document/', 'href="https://digitalarchive.wilsoncenter.org/document/'),
                                            encoding="utf-8")
    (folder / "wayback.html").write_text(wayback_copy(SEED / "page-1.html", relative=True), encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.pages == 3 and outcome.documents == 9 and not [w for w in outcome.warnings if "same address" in w]


def test_the_total_of_a_search_saved_at_several_times_is_its_latest_saved_pages(tmp_path: Path):
    """The search's pages saved this week count 18 results, the Wayback's capture of its first page, read last, 19: the
    total is this week's, and the dataset's 19 documents are more than it."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for page in SEED.glob("page-*.html"):
        (tmp_path / page.name).write_text(page.read_text(encoding="utf-8").replace(" of 19<", " of 18<"), encoding="utf-8")
        (folder / page.with_suffix(".mhtml").name).write_bytes(single_file(tmp_path / page.name, date="Sat, 5 Dec 2026 10:00:00 -0000"))
    (folder / "wayback-page-0.html").write_text(wayback_copy(SEED / "page-0.html", relative=False), encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.total == 18 and outcome.warnings == [
        f"{folder / 'page-1.mhtml'}: the page says results 11 - 19 of 18 and holds 9 cards: its total is fewer than the results it shows",
        "saved pages of \u201cKorean Workers' Party\u201d hold 19 documents, more than the 18 its pages count (pages saved at "
        "different times, of a listing that changed?)"]


@pytest.mark.parametrize("saved", ["after", "before"])
def test_an_undated_save_and_a_wayback_capture_of_one_page_are_ordered_by_when_each_was_saved(tmp_path: Path, saved: str):
    """The Wayback's captures of the search's pages (January 2024: 19 results) beside the user's own "Save page as" of
    them (no date in the file, 18 results, a summary reworded), read after them: the undated saves are taken to be saved
    when their files were last modified, for choosing between the copies only. Saved after the capture, their records
    and total stand (their harvested_at stays empty); saved before, the capture's do. A re-parse and serve agree."""
    folder = tmp_path / "saved"
    folder.mkdir()
    when = 1_796_083_200 if saved == "after" else 1_577_836_800   # 1 December 2026, 1 January 2020 (UTC)
    for page in SEED.glob("page-*.html"):
        (folder / f"capture-{page.name}").write_text(wayback_copy(page, relative=False), encoding="utf-8")
        text = page.read_text(encoding="utf-8").replace(" of 19<", " of 18<").replace("lists several reasons", "lists SEVERAL reasons")
        (folder / page.name).write_text(text, encoding="utf-8")
        os.utime(folder / page.name, (when, when))
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    records = json.loads((tmp_path / "r" / "d.json").read_text(encoding="utf-8"))
    reworded = [r for r in records if "SEVERAL" in r["summary"]]
    stands = folder / ("page-1.html" if saved == "after" else "capture-page-1.html")
    assert len(records) == 19 and outcome.total == (18 if saved == "after" else 19)
    assert [r["harvested_at"] for r in reworded] == ([None] if saved == "after" else [])
    assert [w for w in outcome.warnings if "same address" in w] == [
        f"{folder / 'page-1.html'}: saved from the same address as {folder / 'capture-page-1.html'}, with other results; "
        f"the records of {stands} stand (the later saved)"]
    clock = FakeClock()
    with Serving([folder]) as serving:
        harvest(WILSON, Search(QUERY), tmp_path / "h", "d", ["json"], Settings(base_url=serving.origin, delay=0),
                sleep=clock.sleep, now=clock.now)
    assert [r["summary"] for r in dataset(tmp_path / "h", "d")] == [r["summary"] for r in records]


@pytest.mark.parametrize("saved", ["after", "before"])
def test_an_undated_save_and_a_wayback_capture_of_a_document_page_are_ordered_by_when_each_was_saved(tmp_path: Path, saved: str):
    """As a results page's copies: the document's own record (no results page lists it) is the later saved copy's."""
    page = FIXTURES / "wilson" / "documents" / "telegram-mikoyan-cpsu-central-committee.html"
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "capture.html").write_text(wayback_copy(page, relative=False), encoding="utf-8")
    title = "Telegram from A. Mikoyan to the CPSU Central Committee"
    (folder / "saved.html").write_text(page.read_text(encoding="utf-8").replace(f">{title}<", f">{title} (revised)<"), encoding="utf-8")
    when = 1_796_083_200 if saved == "after" else 1_577_836_800   # 1 December 2026, 1 January 2020 (UTC)
    os.utime(folder / "saved.html", (when, when))
    reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    [record] = dataset(tmp_path / "r", "d")
    assert record["title"] == (f"{title} (revised)" if saved == "after" else title)


def test_a_page_of_the_site_that_is_neither_a_search_nor_a_document_is_passed_over_and_said(tmp_path: Path):
    """A person's page among the saved pages lists documents too ("Popular Documents"): they are no search's results, and
    the page is said and passed over (its cards were records, of a search of its own that the page did not say)."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    shutil.copy(FIXTURES / "wilson" / "documents" / "people-filatov-s.html", folder)
    outcome = reparse([folder], WILSON, tmp_path / "r", None, ["json"], workers=0)
    assert outcome.documents == 19 and outcome.total == 19 and outcome.warnings == [
        f"{folder / 'people-filatov-s.html'}: not a search results page: saved from https://digitalarchive.wilsoncenter.org/people/"
        "filatov-s, which is neither a search nor a document; skipped"]


@pytest.mark.parametrize("host", ["digitalarchive.wilsoncenter.org.", "www.digitalarchive.wilsoncenter.org"])
def test_a_page_of_the_site_saved_from_its_host_with_a_final_dot_is_passed_over_as_from_its_host(tmp_path: Path, host: str):
    """digitalarchive.wilsoncenter.org. is the site's host, its name fully qualified (www. too, as addresses are cited): a
    person's page saved from there is passed over as from the site (it was taken as a search of its own, and its "Popular
    Documents" became records)."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    text = (FIXTURES / "wilson" / "documents" / "people-filatov-s.html").read_text(encoding="utf-8")
    (folder / "people-filatov-s.html").write_text(text.replace("(0056)https://digitalarchive.wilsoncenter.org/",
                                                               f"({len(host) + 25:04d})https://{host}/", 1), encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", None, ["json"], workers=0)
    assert outcome.documents == 19 and outcome.total == 19 and outcome.warnings == [
        f"{folder / 'people-filatov-s.html'}: not a search results page: saved from https://{host}/people/"
        "filatov-s, which is neither a search nor a document; skipped"]


@pytest.mark.parametrize("notice, said", [
    ('<h2 class="blue">Got an HTTP 302 response at crawl time</h2><p class="code">Redirecting to...</p>',
     "Got an HTTP 302 response at crawl time"),
    ('<p class="code">Hrm.</p><p class="code shift target">The Wayback Machine has not archived that URL.</p>',
     "The Wayback Machine has not archived that URL."),
    ('<p class="code">Sorry.</p><p class="code shift target">This URL has been excluded from the Wayback Machine.</p>',
     "This URL has been excluded from the Wayback Machine."),
], ids=["redirect", "not-archived", "excluded"])
def test_the_wayback_machines_notice_saved_among_the_results_pages_is_passed_over_and_said(tmp_path: Path, notice: str, said: str):
    """The Wayback's page "Got an HTTP 302 response at crawl time" (or that it has no copy), saved from its address of a
    results page, is no page of the site: it is named and passed over, as a person's page is (it stopped the re-parse as
    "not a search results page")."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    capture = "https://web.archive.org/web/20240115093012/" + SEED_URL + "&page=2"
    (folder / "notice.html").write_text(
        f'<!-- saved from url=(0000){capture} -->\n<!DOCTYPE html><html lang="en"><head><title>Wayback Machine</title>'
        '<script>__wm.init("https://web.archive.org/web");</script></head><body><div id="error">'
        f'{notice}<p class="code shift target">{SEED_URL}</p><p class="impatient"><a href="/web/20240115093012/{SEED_URL}">Impatient?</a>'
        "</p></div></body></html>", encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", None, ["json"], workers=0)
    assert outcome.documents == 19 and outcome.total == 19 and outcome.warnings == [
        f"{folder / 'notice.html'}: not a page of the site but the Wayback Machine's notice {said!r}, saved in its place; skipped"]
    with Serving([folder]) as serving:
        assert sorted(serving.saved_urls) == [SEED_URL, SEED_URL + "&page=1"]


def test_a_page_of_the_site_that_quotes_the_wayback_machines_notice_is_read_and_served(tmp_path: Path):
    """A summary may quote the notice: a page that reads as results or as a document is the site's (it was passed over
    as the notice, its records missing); serve serves it, the notice being no element's whole text in it."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    page = folder / "page-1.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        '<div class="text-block"><p>', '<div class="text-block"><p>Its log said "Got an HTTP 302 response at crawl time". ', 1),
        encoding="utf-8")
    slug = "telegram-mikoyan-cpsu-central-committee"
    (folder / f"{slug}.html").write_text((FIXTURES / "wilson" / "documents" / f"{slug}.html").read_text(encoding="utf-8")
                                         .replace('<div class="text-block">', '<div class="text-block"><p>Got an HTTP 302 '
                                                  'response at crawl time</p>', 1), encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    records = {r["id"]: r for r in dataset(tmp_path / "r", "d")}
    assert outcome.documents == len(records) == 19 and records[slug]["record_id"] and "crawl time" in page.read_text(encoding="utf-8")
    with Serving([folder]) as serving:
        assert {SEED_URL + "&page=1", f"https://digitalarchive.wilsoncenter.org/document/{slug}"} <= set(serving.saved_urls)


def test_a_results_page_saved_from_another_address_of_the_search_is_read_beside_a_persons_page_passed_over(tmp_path: Path):
    """Drupal answers the search under /index.php/search too: pages saved from there are the search's results, as their
    settings say (they were passed over as a person's page is, and the re-parse found no results page)."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for page in SEED.glob("page-*.html"):
        text = page.read_text(encoding="utf-8").replace(".org/search?", ".org/index.php/search?", 1)
        (folder / page.name).write_text(text, encoding="utf-8")
    shutil.copy(FIXTURES / "wilson" / "documents" / "people-filatov-s.html", folder)
    outcome = reparse([folder], WILSON, tmp_path / "r", None, ["json"], workers=0)
    assert outcome.documents == 19 and [w for w in outcome.warnings if "neither a search nor a document" in w] == [
        f"{folder / 'people-filatov-s.html'}: not a search results page: saved from https://digitalarchive.wilsoncenter.org/people/"
        "filatov-s, which is neither a search nor a document; skipped"]


def test_a_document_page_saved_from_drupals_index_php_address_is_the_documents(tmp_path: Path):
    """Drupal answers a document under /index.php/document/SLUG too, as it answers the search: that page is the document's
    /document/SLUG, its details added to the record its results page gives (it was passed over as a person's page is)."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    slug = "telegram-mikoyan-cpsu-central-committee"
    text = (FIXTURES / "wilson" / "documents" / f"{slug}.html").read_text(encoding="utf-8")
    assert f".org/document/{slug} -->" in text
    (folder / f"{slug}.html").write_text(text.replace(f".org/document/{slug} -->", f".org/index.php/document/{slug} -->", 1),
                                         encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    record = {r["id"]: r for r in dataset(tmp_path / "r", "d")}[slug]
    assert outcome.documents == 19 and not [w for w in outcome.warnings if "neither" in w]
    assert record["record_id"] and record["url"] == f"https://digitalarchive.wilsoncenter.org/document/{slug}"


OLD_SEARCH = "https://digitalarchive.wilsoncenter.org/search-results/1/%7B%22subject%22%3A%221233%22%7D?recordType=Record"


def test_a_page_saved_from_the_old_sites_search_is_read_if_its_cards_are_read_else_named_as_the_old_sites(tmp_path: Path):
    """A results page saved from the old site's /search-results/ address, with no settings: cards the parser reads are
    records of a search not known; the old site's own layout (its `.search-res` list) is none harvester reads, and the
    re-parse stops saying so and what to do (it said only "no search results view found")."""
    folder = tmp_path / "saved"
    folder.mkdir()
    text = re.sub(r'<script[^>]*drupal-settings-json[^>]*>.*?</script>|<link rel="canonical"[^>]*>', "",
                  (SEED / "page-0.html").read_text(encoding="utf-8"), flags=re.S)
    (folder / "old.html").write_text(re.sub(r"(saved from url=\(\d+\))\S+", rf"\g<1>{OLD_SEARCH}", text, count=1), encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 10 and outcome.total == 19 and len(dataset(tmp_path / "r", "d")) == 10
    assert "saved pages of an unknown search of 19 results hold 10 of its 19 documents (2 pages in all)" in outcome.warnings
    (folder / "old.html").write_text(
        f"<!-- saved from url=(0000){OLD_SEARCH} -->\n<html><head><title>Search Results</title></head><body>"
        "<h1>Digital Archive International History Declassified</h1><h2>SEARCH RESULTS</h2><ul class='search-res'><li>"
        "<a class='lnk-res' href='/document/113657'><span class='itm-title'>Record of Conversation</span></a></li></ul>"
        "</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=rf"old.html: saved from {re.escape(OLD_SEARCH)}, a page of the archive's old site, "
                                         "whose layout harvester does not read: remove it, and save the search's pages "
                                         "from the present site$"):
        reparse([folder], WILSON, tmp_path / "r2", "d", ["json"], workers=0)


OLD_DOCUMENT = FIXTURES / "wilson" / "old-site" / "document-113657.html"


@pytest.mark.parametrize("wayback", [False, True])
def test_a_document_page_saved_from_the_old_site_stops_the_reparse_named_as_the_old_sites(tmp_path: Path, wayback: bool):
    """The old site's document page (/document/113657: an address the present site has too) is told by its layout's
    marks, and stops the re-parse as an old results page does: its record or details would be missing (it said "not a
    document page (no document title ...)"). No present-site document page, the demo's too, bears those marks."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    text = wayback_copy(OLD_DOCUMENT, relative=False) if wayback else OLD_DOCUMENT.read_text(encoding="utf-8")
    (folder / "old.html").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"old.html: saved from https://digitalarchive\.wilsoncenter\.org/document/113657, a "
                                         "page of the archive's old site, whose layout harvester does not read: remove it, "
                                         "and save the document's page from the present site$"):
        reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    from harvester.cli import DEMO
    from harvester.parse.document import is_old_layout

    present = [*(FIXTURES / "wilson" / "documents").glob("*.html"), *(DEMO / "documents").glob("*.html")]
    assert len(present) > 30 and not [page for page in present if is_old_layout(page.read_text(encoding="utf-8"), WILSON)]


def test_an_old_site_document_page_saved_with_no_address_stops_the_reparse_named_as_the_old_sites(tmp_path: Path):
    """Saved with no saved-from mark (nor canonical link), the old site's document page is told by its layout alone, as
    one saved with its address is (it was passed over as "a page of another site?", its record missing)."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    text = re.sub(r"<!-- saved from url=[^>]*-->", "", OLD_DOCUMENT.read_text(encoding="utf-8"))
    assert "canonical" not in text and "digitalarchive.wilsoncenter.org" not in text
    (folder / "old.html").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"old.html: a page of the archive's old site, whose layout harvester does not read: "
                                         "remove it, and save the document's page from the present site$"):
        reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_page_of_another_site_saved_with_no_address_whose_list_has_the_old_sites_id_is_passed_over(tmp_path: Path):
    """A library's subjects page, its list called "subj-list" as the old site's was, saved with no address among the
    downloads: it names the archive nowhere and is passed over as another site's page (it stopped the re-parse, said to
    be the archive's old site)."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    (folder / "subjects.html").write_text('<!DOCTYPE html><html><head><title>City Library: subjects</title></head><body><h1>'
                                          'Subjects</h1><ul id="subj-list"><li><a href="/subject/history">History</a></li>'
                                          "</ul></body></html>", encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 19 and outcome.warnings == [
        f"{folder / 'subjects.html'}: not a search results page (no search results view found); nothing in it names "
        f"{WILSON.home}: a page of another site?; skipped"]


def test_an_old_site_document_page_in_a_warc_file_is_passed_over_said_as_the_old_sites(tmp_path: Path):
    """In a crawl of the Wayback's copies, the old site's document page is passed over, as its results pages there are,
    said to be the old site's (each: only its parsed layout tells it from a present-site page at the same address)."""
    wayback = "https://web.archive.org/web/20190101000000/"
    old = wayback + "https://digitalarchive.wilsoncenter.org/document/113657"
    warc = _warc(tmp_path / "old.warc.gz", [
        *((wayback + SEED_URL + ("&page=1" if number else ""), (SEED / f"page-{number}.html").read_bytes(), [], "200 OK")
          for number in (0, 1)),
        (old, wayback_copy(OLD_DOCUMENT, relative=True).encode("utf-8"), [], "200 OK")])
    outcome = reparse([warc], WILSON, tmp_path / "o", "d", ["json"], workers=0)
    assert outcome.documents == 19 and outcome.warnings == [
        f"{warc} (record 3, {old}): saved from https://digitalarchive.wilsoncenter.org/document/113657, a page of the "
        "archive's old site, whose layout harvester does not read; skipped"]


def test_another_sites_collection_page_is_passed_over_as_another_sites_not_stopped_as_the_old_archives(tmp_path: Path):
    """A museum's /collection/ page among the downloads (or in a crawl's WARC file) is no page of the archive's old site:
    it is passed over as another site's page (it stopped the re-parse, said to be the archive's old site's)."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    museum = "https://www.britishmuseum.org/collection/object/A_1234"
    (folder / "museum.html").write_text(f"<!-- saved from url=(0000){museum} -->\n<html><body><h1>A vase</h1></body></html>",
                                        encoding="utf-8")
    _warc(tmp_path / "museum.warc.gz", [(museum, b"<html><body><h1>A vase</h1></body></html>", [], "200 OK")])
    outcome = reparse([folder, tmp_path / "museum.warc.gz"], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 19 and len(outcome.warnings) == 1 and "a page of another site?" in outcome.warnings[0]


def test_pages_that_do_not_say_their_address_are_no_copies_of_one(tmp_path: Path):
    folder = tmp_path / "saved"
    folder.mkdir()
    for page in ("page-0.html", "page-1.html"):
        text = (SEED / page).read_text(encoding="utf-8")
        (folder / page).write_text(re.sub(r"<!-- saved from url=.*?-->|<link rel=\"canonical\"[^>]*>", "", text), encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 19 and not [w for w in outcome.warnings if "same address" in w]
    with pytest.raises(InputError, match="saved: no saved page records the URL it came from; nothing to serve"):
        Serving([folder])


def test_a_saved_page_whose_settings_hold_a_query_no_one_types_is_one_error_naming_it(tmp_path: Path):
    """A page that records no address is known by the query its settings hold; a line break there is no search anyone
    typed (nor sent): the page is named, as a page saved from such an address is."""
    folder = tmp_path / "saved"
    folder.mkdir()
    text = re.sub(r"<!-- saved from url=.*?-->|<link rel=\"canonical\"[^>]*>", "", (SEED / "page-0.html").read_text(encoding="utf-8"))
    (folder / "page-0.html").write_text(text.replace('"currentQuery":{"search_api_fulltext":"Korean Workers\\u0027 Party"}',
                                                     '"currentQuery":{"search_api_fulltext":"Korean\\nWar"}'), encoding="utf-8")
    with pytest.raises(InputError, match=r"page-0.html: its settings say it was asked with "
                                         r"https://digitalarchive\.wilsoncenter\.org/search\?.*'Korean\\nWar': holds a line break"):
        reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert not (tmp_path / "r" / "d.json").exists()


def test_a_folder_linked_into_the_folder_is_read_and_served_once(tmp_path: Path):
    """A link to another folder of saved pages (a second search's) is followed; a link back up is read once, no loop."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    (folder / "second").symlink_to(FIXTURES / "wilson" / "facet-two" / "saved", target_is_directory=True)
    (folder / "again").symlink_to(folder, target_is_directory=True)
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)            # a folder above: not followed
    shutil.copytree(FIXTURES / "wilson" / "facet-people" / "saved", tmp_path / "other")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (outcome.pages, outcome.documents) == (4, 33)
    with Serving([folder]) as serving:
        assert len(serving.saved_urls) == 4


FILES = ("d.csv", "d.json", "d.people.csv", "d.people.json")


def test_a_reparse_on_workers_writes_the_very_files_of_one_process(tmp_path: Path):
    import shutil

    from bench.sitegen import write_site

    site = write_site(tmp_path / "site", "Korean War", 23, seed=11, documents=False)
    saved = tmp_path / "saved"
    shutil.copytree(site.search_dir, saved / "generated")
    shutil.copytree(SEED, saved / "seed")                                    # a second search, re-parsed together
    shutil.copy(site.search_dir / "page-4.html", saved / "generated" / "page-4-again.html")   # a page saved twice
    outputs = {}
    for count in (0, 1, 3):
        out = tmp_path / f"workers-{count}"
        outcome = reparse([saved], WILSON, out, "d", ["csv", "json"], workers=count)
        outputs[count] = {name: (out / name).read_bytes() for name in FILES}
        assert outcome.pages == 23 + 1 + 2
    assert len(dataset(tmp_path / "workers-0", "d")) == 230 + 19
    assert outputs[1] == outputs[0] and outputs[3] == outputs[0]


def test_a_reparse_on_workers_says_its_warnings_in_the_order_of_one_process(tmp_path: Path):
    """The pages' warnings (each page has a byte no UTF-8) and the WARC file's (its last record cut), whichever
    process parses the pages, and however far ahead the WARC file is read."""
    with Serving(SEED) as serving:
        harvest(WILSON, Search(QUERY), tmp_path / "h", "seed", ["json"], Settings(base_url=serving.origin, delay=0))
    saved = tmp_path / "saved"
    saved.mkdir()
    for number in range(8):
        (saved / f"a{number}.html").write_bytes((SEED / "page-0.html").read_bytes().replace(b"</body>", b"\xff</body>", 1))
    [warc] = (tmp_path / "h" / "archive").glob("*.warc.gz")
    with warc.open("rb") as stream:
        records = ArchiveIterator(stream)
        last = [records.get_record_offset() for _ in records][-1]
    (saved / "b.warc.gz").write_bytes(warc.read_bytes()[:last + 300])
    said = [reparse([saved], WILSON, tmp_path / f"out-{count}", "d", ["json"], workers=count).warnings for count in (0, 2)]
    assert said[1] == said[0] and len(said[0]) == 10
    assert "b.warc.gz: " in said[0][0] and said[0][0].endswith("the rest of the file is skipped")


def test_a_saved_page_whose_address_has_latin1_escapes_is_re_parsed(tmp_path: Path):
    """Only an address to be asked for must have UTF-8 escapes; a saved page's is read as it is (its words with U+FFFD)."""
    page = (FIXTURES / "wilson" / "seed" / "page-0.html").read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page-0.html").write_text(page.replace("Korean%20Workers%27%20Party", "Korean%20Workers%27%20P%E9rty"),
                                                 encoding="utf-8")
    outcome = reparse([tmp_path / "in"], WILSON, tmp_path / "out", None, ["json"], workers=0)
    assert outcome.documents == 10


def test_a_subfolder_that_cannot_be_listed_stops_a_reparse_naming_it(tmp_path: Path, monkeypatch):
    """A folder is read with its subfolders; one the system refuses to list (its permissions) stops the re-parse, as
    an unreadable file does: its pages are not left out of the dataset unsaid."""
    pages = tmp_path / "pages"
    shutil.copytree(FIXTURES / "wilson" / "seed", pages)
    shutil.copytree(FIXTURES / "wilson" / "facet-people" / "saved", pages / "people")
    listing = os.scandir

    def refusing(path=".", *args):
        if Path(path) == pages / "people":   # as chmod 000 does, for any user but root
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path, *args)

    monkeypatch.setattr(os, "scandir", refusing)
    with pytest.raises(InputError, match=rf"^{re.escape(str(pages / 'people'))}: cannot be read \(Permission denied\)$"):
        reparse([pages], WILSON, tmp_path / "out", None, ["csv"], workers=0)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.csv"))


def test_a_broken_link_to_a_page_stops_a_reparse_naming_it_as_an_unreadable_page_does(tmp_path: Path):
    """A link named page-2.html whose page is gone: the user thinks a page is there, and its records would be missing
    unsaid (it was passed over without a word); serve refuses it as well."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    (folder / "page-2.html").symlink_to(tmp_path / "gone" / "page-2.html")
    for attempt in (lambda: reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0), lambda: Serving([folder])):
        with pytest.raises(InputError, match=rf"^{re.escape(str(folder / 'page-2.html'))}: a link to "
                                             rf"{re.escape(str(tmp_path / 'gone' / 'page-2.html'))}, which is not there"):
            attempt()
    assert not (tmp_path / "r" / "d.json").exists()
    (folder / "page-2.html").unlink()
    (folder / "page-2.html").symlink_to("page-2.html")   # a link to itself: there, but never a page
    for named in (folder, folder / "page-2.html"):   # (the link itself named was "no such file or folder")
        with pytest.raises(InputError, match=r"page-2\.html: a link to page-2\.html, which leads round in a loop"):
            reparse([named], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_warc_file_that_gives_no_page_says_why(tmp_path: Path):
    with Serving(SEED) as serving:
        harvest(WILSON, Search(QUERY), tmp_path / "h", "seed", ["json"], Settings(base_url=serving.origin, delay=0))
    [warc] = (tmp_path / "h" / "archive").glob("*.warc.gz")
    with warc.open("rb") as stream:
        records = ArchiveIterator(stream)
        first = [records.get_record_offset() for _ in records][1]   # page 0's response, after the warcinfo
    (tmp_path / "cut.warc.gz").write_bytes(warc.read_bytes()[:first + 300])
    # the reason, whichever it is where this cut falls (the records' ids are random, and so is their compression)
    with pytest.raises(InputError, match=r"cut\.warc\.gz: no saved results pages found \(.*cut\.warc\.gz: (not a readable WARC"
                                         r"|record 2 (is cut short|holds no HTTP answer|\(a response\) names no address))"):
        reparse([tmp_path / "cut.warc.gz"], WILSON, tmp_path / "out", "d", ["json"], workers=0)


def test_pages_zipped_say_so(tmp_path: Path):
    """Pages zipped to be sent: "this is a binary file, not an HTML page" said nothing of what to do with them."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        archive.write(SEED / "page-0.html", "page-0.html")
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path / 'pages.zip'))}: a zip archive, not a page: unzip it, "
                                         "and give the pages it holds$"):
        reparse([tmp_path / "pages.zip"], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_saved_pages_compressed_with_gzip_are_read_as_the_pages_they_hold(tmp_path: Path):
    """Pages compressed with gzip (gzip -r over a folder, a server's saved copy, a download asked with gzip and kept as
    it came, under its page's name) are read as the pages they hold: "no saved pages found" in their folder, or
    "decompress it" for each, sent the user to do by hand what gzip, which Python has, does."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for page in SEED.glob("*.html"):
        name = page.name if page.name == "page-0.html" else page.name + ".gz"   # (the one kept under its page's name)
        (folder / name).write_bytes(gzip.compress(page.read_bytes()))
    plain = reparse([SEED], WILSON, tmp_path / "p", "d", ["json"], workers=0)
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (outcome.documents, outcome.warnings) == (plain.documents, plain.warnings)
    assert dataset(tmp_path / "r", "d") == dataset(tmp_path / "p", "d")
    assert index_folder([folder]).keys() == index_folder([SEED]).keys()   # (and `serve` serves them)


def test_a_folder_compressed_with_gzip_r_passes_over_what_it_would_uncompressed(tmp_path: Path):
    """gzip -r over a folder compresses harvester's report page and what a browser keeps beside a page it saved whole
    as well: they are passed over as uncompressed, not read and warned of as pages of another site."""
    folder = tmp_path / "saved"
    (folder / "Search_files").mkdir(parents=True)
    shutil.copy(SEED / "page-0.html", folder / "Search.html")
    shutil.copy(SEED / "page-1.html", folder / "page-1.html")
    (folder / "Search_files" / "saved_resource.html").write_text("<html><body><p>a frame</p></body></html>", encoding="utf-8")
    (folder / "d.report.html").write_text("<html><body><h1>Harvest report</h1></body></html>", encoding="utf-8")
    plain = reparse([folder], WILSON, tmp_path / "p", "d", ["json"], workers=0)
    for file in [file for file in folder.rglob("*") if file.is_file()]:
        file.with_name(file.name + ".gz").write_bytes(gzip.compress(file.read_bytes()))
        file.unlink()
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (outcome.pages, outcome.documents, outcome.warnings) == (plain.pages, plain.documents, plain.warnings) == (2, 19, [])


@pytest.mark.parametrize("name, packed", [("pages.tar.gz", "tar"), ("page-0.html.gz", "gzip")])
def test_pages_packed_again_inside_gzip_say_unpack_them(tmp_path: Path, name: str, packed: str):
    """A .tar.gz of pages, or a page compressed with gzip twice, is no page once decompressed: "this is a binary file,
    not an HTML page" said nothing of what to do with it."""
    import io
    import tarfile

    if packed == "tar":
        held = io.BytesIO()
        with tarfile.open(fileobj=held, mode="w") as archive:
            archive.add(SEED / "page-0.html", "page-0.html")
        (tmp_path / name).write_bytes(gzip.compress(held.getvalue()))
    else:
        (tmp_path / name).write_bytes(gzip.compress(gzip.compress((SEED / "page-0.html").read_bytes())))
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path / name))}: compressed with gzip, and what it holds is "
                                         "packed again \\(a tar or zip archive, or gzip\\), not a page: unpack it, and give the "
                                         "pages it holds$"):
        reparse([tmp_path / name], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_saved_page_compressed_with_gzip_that_unpacks_to_more_than_any_page_is_refused_unpacked_only_so_far(tmp_path: Path):
    """A few megabytes under a page's name that unpack to 600 MB: refused once a page's size is unpacked, in a process that
    could not hold the whole (its memory capped 400 MB above what it holds before reading)."""
    import subprocess
    import sys

    packer = zlib.compressobj(1, zlib.DEFLATED, 31)   # (31: gzip's header and trailer)
    (tmp_path / "page-0.html.gz").write_bytes(b"".join(packer.compress(b" " * 10_000_000) for _ in range(60)) + packer.flush())
    script = f"""
import resource
from pathlib import Path
from harvester.fetch.saved import read_saved
held = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (held + 400_000_000, held + 400_000_000))
read_saved(Path({str(tmp_path / "page-0.html.gz")!r}))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stderr.rstrip().endswith(f"harvester.errors.InputError: {tmp_path / 'page-0.html.gz'}: compressed with gzip, "
                                         "a page larger than any harvester takes (20,000,000 bytes); not read"), done.stderr


def test_a_saved_page_compressed_with_gzip_and_cut_short_says_so(tmp_path: Path):
    whole = gzip.compress((SEED / "page-0.html").read_bytes())
    (tmp_path / "page-0.html.gz").write_bytes(whole[:len(whole) // 2])
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path / 'page-0.html.gz'))}: compressed with gzip, and cut "
                                         "short or damaged: save the page again$"):
        reparse([tmp_path / "page-0.html.gz"], WILSON, tmp_path / "r", "d", ["json"], workers=0)


@pytest.mark.slow
def test_a_saved_page_compressed_with_gzip_in_a_great_many_members_is_read_in_seconds(tmp_path: Path):
    """Each member's end copied the bytes after it, so a file of a great many members (a page each byte its own, empty
    ones after it up to the largest file read) took minutes to read; gzip reads it in seconds."""
    import time

    from harvester.fetch.saved import read_saved

    (tmp_path / "page-0.html.gz").write_bytes(b"".join(gzip.compress(bytes([byte]), mtime=0) for byte in (SEED / "page-0.html").read_bytes())
                                             + gzip.compress(b"", mtime=0) * 800_000)
    started = time.monotonic()
    assert read_saved(tmp_path / "page-0.html.gz")[1] == read_saved(SEED / "page-0.html")[1]
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("after", [b"junk\n", b"\0" * 100, gzip.compress(b"<p>more</p>") + b"junk"],
                         ids=["junk", "zeros", "member-then-junk"])
def test_a_saved_page_compressed_with_gzip_with_bytes_after_its_end_is_read_as_gzip_reads_it(tmp_path: Path, after: bytes):
    """Bytes after a gzip file's last member (a download's padding, junk appended) were "cut short or damaged"; the
    gzip command reads the members and ignores what follows them ("trailing garbage ignored")."""
    from harvester.fetch.saved import read_saved

    (tmp_path / "page-0.html.gz").write_bytes(gzip.compress((SEED / "page-0.html").read_bytes()) + after)
    _, text, _ = read_saved(tmp_path / "page-0.html.gz")
    assert text == read_saved(SEED / "page-0.html")[1] + ("<p>more</p>" if after.startswith(b"\x1f\x8b") else "")


def test_a_saved_page_compressed_with_gzip_in_two_members_with_zeros_between_them_is_not_read_half(tmp_path: Path):
    """Zero bytes between two gzip members end the file as the gzip command reads it (it reads the first member, and
    says "trailing garbage ignored"): the half page of the first member alone is refused, not read short of its cards."""
    page = (SEED / "page-0.html").read_bytes()
    half = len(page) // 2
    (tmp_path / "page-0.html.gz").write_bytes(gzip.compress(page[:half]) + b"\0" * 8 + gzip.compress(page[half:]))
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path / 'page-0.html.gz'))}: the saved page is cut short "
                                         r"\(it stops before </html>\): save it again$"):
        reparse([tmp_path / "page-0.html.gz"], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_folder_of_compressed_files_says_what_it_holds(tmp_path: Path):
    """A folder of pages zipped or packed said "no saved pages (...) found", naming nothing it saw."""
    for name in ("pages.zip", "pages.tar.gz", "more.7z", "notes.txt", "page-0.html.bz2", "d.json.gz"):
        (tmp_path / name).write_bytes(b"")
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path))}: no saved pages \(.*\) or WARC files found; it holds "
                                         r"4 compressed files \(more\.7z, page-0\.html\.bz2, pages\.tar\.gz, \.\.\.\): decompress them, "
                                         "and give the pages they hold$"):
        reparse([tmp_path], WILSON, tmp_path / "r", "d", ["json"], workers=0)


@pytest.mark.parametrize("name", ["d.json.gz", "page-0.gz"])
def test_a_folder_of_a_file_compressed_with_gzip_alone_is_not_told_to_decompress_it_for_pages(tmp_path: Path, name: str):
    """A dataset's file compressed (d.json.gz), or gzip under a name that is no page's, holds no pages to give: a folder
    of it says it holds no saved pages, as one of notes.txt does (a page compressed with gzip is read as it is)."""
    (tmp_path / name).write_bytes(gzip.compress(b"{}"))
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path))}: no saved pages \(.*\) or WARC files found$"):
        reparse([tmp_path], WILSON, tmp_path / "r", "d", ["json"], workers=0)


@pytest.mark.parametrize(("name", "hint"), [("d.json.bz2", False), ("notes.xz", False), ("d.csv.zst", False),
                                           ("page-0.html.bz2", True), ("pages.tar.bz2", True), ("pages.tar.xz", True),
                                           ("pages.tbz2", True), ("pages.txz", True), ("crawl.warc.zst", True),
                                           ("crawl.warc.xz", True)])
def test_a_folder_of_a_file_compressed_alone_is_told_to_decompress_it_only_for_a_page_or_a_tar(tmp_path: Path, name: str,
                                                                                               hint: bool):
    """bzip2, xz and zstd compress one file, as gzip does: a dataset's file so compressed holds no pages to give, and a
    folder of it says it holds no saved pages, as one of d.json.gz does; a page or a tar so compressed is named."""
    (tmp_path / name).write_bytes(b"")
    said = f"; it holds 1 compressed file \\({re.escape(name)}\\): decompress it, and give the pages it holds" if hint else ""
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path))}: no saved pages \(.*\) or WARC files found{said}$"):
        reparse([tmp_path], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_report_page_named_alone_says_it_was_skipped_as_in_a_folder(tmp_path: Path):
    """harvester's own report page named on the command line was parsed as a saved page of the site."""
    report = tmp_path / "d.report.html"
    report.write_text("<html><body><h1>Harvest report</h1></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{re.escape(str(report))}: no saved pages \(.*\) or WARC files found; "
                                         r"d\.report\.html: harvester's own report page, skipped$"):
        reparse([report], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_folder_whose_only_page_is_a_report_says_it_was_skipped(tmp_path: Path):
    """harvester's own report page is skipped on purpose; "no saved pages (.html, ...) found" beside an .html file
    said nothing of why."""
    (tmp_path / "d.report.html").write_text("<html><body><h1>Harvest report</h1></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path))}: no saved pages \(.*\) or WARC files found; "
                                         r"d\.report\.html: harvester's own report page, skipped$"):
        reparse([tmp_path], WILSON, tmp_path / "r", "d", ["json"], workers=0)


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz", ".zst"])
def test_a_folder_whose_only_page_is_a_compressed_report_says_it_was_skipped_as_the_report(tmp_path: Path, suffix: str):
    """harvester's own report compressed (by a user, with any of the tools a page is) holds no pages to decompress for:
    it is passed over as the report itself is."""
    (tmp_path / f"d.report.html{suffix}").write_bytes(b"")
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path))}: no saved pages \(.*\) or WARC files found; "
                                         rf"d\.report\.html{re.escape(suffix)}: harvester's own report page, skipped$"):
        reparse([tmp_path], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_spreadsheet_given_as_a_saved_page_is_no_zip_of_pages_to_unzip(tmp_path: Path):
    """A dataset's own .xlsx (a zip archive, as Office files are) given among the saved pages is a binary file, not
    pages zipped to be sent: "unzip it, and give the pages it holds" would send the user looking for pages in it."""
    reparse([SEED], WILSON, tmp_path / "out", "d", ["xlsx"], workers=0)
    with pytest.raises(InputError, match=rf"^{re.escape(str(tmp_path / 'out' / 'd.xlsx'))}: this is a binary file, not an HTML page$"):
        reparse([tmp_path / "out" / "d.xlsx"], WILSON, tmp_path / "r", "d", ["json"], workers=0)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_an_empty_warc_file_is_warned_and_skipped_and_the_pages_beside_it_read(tmp_path: Path, name: str):
    """A WARC file of no bytes (a download that failed) was passed over without a word, or gave only "no saved results
    pages found"; an empty .html page stops the re-parse, said so. It is said, and the pages beside it read."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    (folder / name).write_bytes(b"")
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 19 and outcome.warnings == [f"{folder / name}: an empty file, no WARC record in it; skipped"]
    with pytest.raises(InputError, match=rf"no saved results pages found \(.*{re.escape(name)}: an empty file, no WARC record"):
        reparse([folder / name], WILSON, tmp_path / "e", "d", ["json"], workers=0)


@pytest.mark.parametrize("cut", [lambda whole: gzip.compress(b""), lambda whole: whole[:10]],
                         ids=["an-empty-file-gzipped", "first-gzip-header-alone"])
def test_a_warc_file_cut_in_its_first_record_says_no_record_was_whole(tmp_path: Path, cut):
    """A WARC file that holds not one whole record (a run killed while writing its first; an empty download
    compressed) was said to be "cut short after record 0". It is said, and the pages beside it read."""
    from harvester.fetch.archive import WarcArchive
    from harvester.fetch.page import Page

    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    with WarcArchive(folder / "crawl.warc.gz") as archive:
        archive.write(Page("https://digitalarchive.wilsoncenter.org/robots.txt", b"User-agent: *", 200, {}, "2024-01-15T09:30:12+00:00"))
    (folder / "crawl.warc.gz").write_bytes(cut((folder / "crawl.warc.gz").read_bytes()))
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 19 and outcome.warnings == [
        f"{folder / 'crawl.warc.gz'}: no whole WARC record in it (cut short in its first: a run killed while writing it?); skipped"]


@pytest.mark.parametrize("cut", [4, 10])   # half its gzip trailer; the trailer and the last bytes of its deflate stream
def test_a_warc_file_whose_last_gzip_member_lacks_its_last_bytes_is_said_to_be_cut(tmp_path: Path, cut: int):
    """A .warc.gz whose last record stops a few bytes before its gzip member's end (a copy or a run stopped) was read
    without a word, where one cut in its first bytes is said. Its page, whole before the cut, is read."""
    from harvester.fetch.archive import WarcArchive
    from harvester.fetch.page import Page

    warc = tmp_path / "crawl.warc.gz"
    with WarcArchive(warc) as archive:
        archive.write(Page(SEED_URL, (SEED / "page-0.html").read_bytes(), 200, {"content-type": "text/html"},
                           "2024-01-15T09:30:12+00:00"))
    warc.write_bytes(warc.read_bytes()[:-cut])
    outcome = reparse([warc], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 10 and [warning for warning in outcome.warnings if warc.name in warning] == [
        f"{warc}: cut short in the last bytes of record 2, the last (a run killed while writing it?)"]


def test_a_warc_file_whose_last_record_is_skipped_and_lacks_its_gzip_end_says_both(tmp_path: Path):
    """The cut in a last record's gzip end went unsaid when that record was skipped with a warning of its own."""
    from harvester.fetch.archive import read_warc

    warc = _warc(tmp_path / "x.warc.gz", [(SEED_URL, (SEED / "page-0.html").read_bytes(), [], "200 OK"),
                                          ("https://example.org:port/", b"<html></html>", [], "200 OK")])
    warc.write_bytes(warc.read_bytes()[:-4])
    warnings: list[str] = []
    assert len(list(read_warc(warc, {}, warnings))) == 1 and warnings == [
        f"{warc}: record 2 (a response) names 'https://example.org:port/', which is not a web address; that record is skipped",
        f"{warc}: cut short in the last bytes of record 2, the last (a run killed while writing it?)"]


@pytest.mark.parametrize("blank", [b"\r\n\r\n\n\n", b" \r\n\t\r\n"])
def test_a_warc_file_of_blank_lines_says_it_holds_no_record(tmp_path: Path, blank: bytes):
    """A WARC file of blank lines alone was said to have "record 1" cut short: it holds no record."""
    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    (folder / "crawl.warc").write_bytes(blank)
    outcome = reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert outcome.documents == 19 and outcome.warnings == [f"{folder / 'crawl.warc'}: opens with blank lines, not a WARC record; skipped"]


@pytest.mark.parametrize("blank", ["before", "after"])
def test_a_warc_file_with_blank_lines_beside_its_records_is_not_said_to_hold_none(tmp_path: Path, blank: str):
    """Blank lines before the first record, or a gzip member of them after the records, were said to be all the file
    held ("blank lines only, no WARC record in it"): the file opens so, or its records before them are read and the
    rest is said to be skipped."""
    from harvester.fetch.archive import WarcArchive, read_warc
    from harvester.fetch.page import Page

    warc = tmp_path / "crawl.warc.gz"
    with WarcArchive(warc) as archive:
        archive.write(Page(SEED_URL, (SEED / "page-0.html").read_bytes(), 200, {"content-type": "text/html"},
                           "2024-01-15T09:30:12+00:00"))
    warcs = {"before": (tmp_path / "crawl.warc", b"\r\n\r\n" + gzip.decompress(warc.read_bytes())),
             "after": (warc, warc.read_bytes() + gzip.compress(b"\r\n\r\n"))}
    path, data = warcs[blank]
    path.write_bytes(data)
    warnings: list[str] = []
    pages = len(list(read_warc(path, {}, warnings)))
    assert (pages, warnings) == ((0, [f"{path}: opens with blank lines, not a WARC record; skipped"]) if blank == "before" else
                                 (1, [f"{path}: record 3 is cut short (a run killed while writing it?); the rest of the file is skipped"]))


@pytest.mark.parametrize("tail", [b"W", b"WAR", b"WARC/1.", b"WAR\n", b"junk appended\n"])
def test_an_uncompressed_warc_file_cut_in_its_last_records_first_bytes_is_torn_as_a_compressed_one_not_junk(tmp_path: Path,
                                                                                                         tail: bytes):
    """A run killed as it began writing a record leaves 'WAR' after the whole records: in a .warc.gz the member cut
    short is a torn end, but in a .warc it was said to be junk after the last record (and a .warc.gz whose cut member
    held 'WAR' was unreadable). A line of text is still junk."""
    from harvester.fetch.archive import WarcArchive, read_warc
    from harvester.fetch.page import Page

    warc = tmp_path / "crawl.warc.gz"
    with WarcArchive(warc) as archive:
        for n in range(2):
            archive.write(Page(f"{SEED_URL}&n={n}", (SEED / "page-0.html").read_bytes(), 200, {"content-type": "text/html"},
                               "2024-01-15T09:30:12+00:00"))
    data = warc.read_bytes()
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(gzip.decompress(data) + tail)
    # the .warc.gz cut where its member's text is the plain file's cut: it read the records before it (said cut short) when
    # the cut left its gzip header alone, and was unreadable when it left a few bytes of text too
    member = gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n")
    cut = next((k for k in range(10, len(member)) if zlib.decompressobj(31).decompress(member[:k]) == tail), 10)
    warc.write_bytes(data + member[:cut])
    said = {}
    for path in (warc, plain):
        warnings: list[str] = []
        assert len(list(read_warc(path, {}, warnings))) == 2 and len(warnings) == 1, warnings
        said[path.suffix] = warnings[0].removeprefix(str(path))
    junk = tail.endswith(b"\n")
    assert said[".gz"] == ": cut short after record 3 (a run killed while writing the next one?)"
    assert said[".warc"] == (f": junk after its last record ({tail.decode().strip()}); the records before it are read whole"
                             if junk else said[".gz"])


@pytest.mark.parametrize("damaged", [1, -1], ids=["middle", "last"])
def test_an_uncompressed_warc_file_whose_record_is_damaged_in_its_first_line_is_no_junk_after_its_last(tmp_path: Path,
                                                                                                     damaged: int):
    """A record whose first line is damaged ('WARC/1.1' become 'WXRC/1.1') in a WARC file not compressed is a record,
    its header's lines after that line: the file is unreadable after the record before it, not read whole with junk
    after its last record (the records from it on would be lost unsaid)."""
    from harvester.fetch.archive import WarcArchive, read_warc
    from harvester.fetch.page import Page

    warc = tmp_path / "crawl.warc.gz"
    with WarcArchive(warc) as archive:
        for n in range(3):
            archive.write(Page(f"{SEED_URL}&n={n}", (SEED / "page-0.html").read_bytes(), 200, {"content-type": "text/html"},
                               "2024-01-15T09:30:12+00:00"))
    plain = tmp_path / "crawl.warc"
    data = gzip.decompress(warc.read_bytes())
    at = [found.start() for found in re.finditer(b"WARC/1.1\r\n", data)][damaged]
    plain.write_bytes(data[:at] + b"WXRC" + data[at + 4:])
    with pytest.raises(InputError, match=r"crawl\.warc: unreadable after record \d+ \(Invalid WARC record, first line: WXRC/1\.1\)$"):
        list(read_warc(plain, {}, []))


def test_a_warc_file_damaged_in_its_first_record_is_not_read_on_to_its_end_to_say_so(tmp_path: Path):
    """Telling junk after a file's last record from a record damaged in its first line read all the file after it
    into memory (a large harvest's file held twice over): a record is told by its header, in its first bytes."""
    import tracemalloc

    from harvester.fetch.archive import WarcArchive, read_warc
    from harvester.fetch.page import Page

    warc = tmp_path / "crawl.warc.gz"
    with WarcArchive(warc) as archive:
        for n in range(2):   # (the second, damaged, of bytes that do not compress: the rest of the file)
            archive.write(Page(f"{SEED_URL}&n={n}", b"<html>" + os.urandom(n * 16_000_000), 200,
                               {"content-type": "text/html"}, "2024-01-15T09:30:12+00:00"))
    data = warc.read_bytes()
    second = data.index(b"\x1f\x8b\x08", 1)
    text = gzip.decompress(data[second:]).replace(b"WARC/1.1", b"WXRC/1.1", 1)
    warc.write_bytes(data[:second] + gzip.compress(text))
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"crawl\.warc\.gz: unreadable after record 1 \(Invalid WARC record"):
            list(read_warc(warc, {}, []))
        assert tracemalloc.get_traced_memory()[1] < 4_000_000
    finally:
        tracemalloc.stop()


def test_a_reparse_on_workers_names_the_page_cut_short_and_writes_nothing(tmp_path: Path):
    from bench.sitegen import write_site

    from harvester.errors import InputError

    site = write_site(tmp_path / "site", "Korean War", 12, seed=3, documents=False)
    page = site.search_dir / "page-9.html"
    page.write_bytes(page.read_bytes()[: len(page.read_bytes()) // 2])
    with pytest.raises(InputError, match=r"page-9\.html: the saved page is cut short"):
        reparse([site.search_dir], WILSON, tmp_path / "out" / "new", "d", ["csv", "json"], workers=2)
    assert not (tmp_path / "out").exists(), "the folders the re-parse made are gone"


@pytest.mark.parametrize("mark", ["file:///home/me/Downloads/page.html", "about:internet"])
def test_a_page_saved_again_from_a_copy_on_disk_is_known_by_its_canonical_link(tmp_path: Path, mark: str):
    """A browser that saves a page opened from disk marks it "saved from url=(..)file:///..." (Internet Explorer:
    about:internet): the page's own canonical link still says its search, and a document page's says its document."""
    saved = tmp_path / "saved"
    saved.mkdir()
    letter = FIXTURES / "wilson" / "documents" / "letter-ri-sang-jo-ns-khrushchev.html"
    for page in [*sorted(SEED.glob("page-*.html")), letter]:
        text = re.sub(r"<!-- saved from url=\(\d+\)\S+ -->", f"<!-- saved from url=({len(mark):04d}){mark} -->",
                      page.read_text(encoding="utf-8"), count=1)
        assert mark in text
        (saved / page.name).write_text(text, encoding="utf-8")
    outcome = reparse([saved], WILSON, tmp_path / "out", None, ["csv", "json"], workers=0)
    expected = reparse([SEED, letter], WILSON, tmp_path / "plain", None, ["csv", "json"], workers=0)
    assert [path.name for path in outcome.files] == [path.name for path in expected.files]   # named by its search
    assert timeless(dataset(tmp_path / "out", expected.files[0].stem)) == timeless(dataset(tmp_path / "plain", expected.files[0].stem))


def test_a_mirror_whose_links_lead_to_its_saved_files_gives_the_pages_records(tmp_path: Path):
    """wget --mirror --convert-links --adjust-extension saves each page as NAME.html and rewrites the links to the pages
    it saved as relative paths to those files ("document/SLUG.html"); it marks no saved-from address (the canonical
    link says it)."""
    mirror = tmp_path / "digitalarchive.wilsoncenter.org"
    mirror.mkdir()
    for number, page in enumerate(sorted(SEED.glob("page-*.html"))):
        text = re.sub(r"<!-- saved from url=\(\d+\)\S+ -->\n", "", page.read_text(encoding="utf-8"), count=1)
        text = re.sub(r'href="/document/([^"]+)"', r'href="document/\1.html"', text)
        assert 'href="document/' in text
        name = "search?search_api_fulltext=Korean Workers' Party" + (f"&page={number}" if number else "") + ".html"
        (mirror / name).write_text(text, encoding="utf-8")
    reparse([mirror], WILSON, tmp_path / "m", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "s", "d", ["json"], workers=0)
    assert timeless(dataset(tmp_path / "m", "d")) == timeless(dataset(tmp_path / "s", "d")) != []


def test_a_whole_page_followed_by_more_than_a_few_lines_is_not_cut_short(tmp_path: Path):
    """What a cache or a proxy appends after </html> (here 80 comments, 6 KB) leaves the page whole."""
    page = (SEED / "page-0.html").read_text(encoding="utf-8") + "".join(f"<!-- cached by proxy {n:04d}: hit, 0.0012 s, "
                                                                        f"node-{n % 7} -->\n" for n in range(80))
    (tmp_path / "page-0.html").write_text(page, encoding="utf-8")
    outcome = reparse([tmp_path / "page-0.html"], WILSON, tmp_path / "out", "d", ["csv"], workers=0)
    assert outcome.documents == 10


def test_a_failed_reparse_leaves_a_folder_that_was_there_before(tmp_path: Path):
    from harvester.errors import InputError

    (tmp_path / "cut.html").write_text("<html><body><div class='views-row'>", encoding="utf-8")
    (tmp_path / "out").mkdir()
    with pytest.raises(InputError, match=r"cut\.html: the saved page is cut short"):
        reparse([tmp_path / "cut.html"], WILSON, tmp_path / "out", "d", ["csv"], workers=0)
    assert (tmp_path / "out").is_dir() and list((tmp_path / "out").iterdir()) == []


def test_results_shrinking_during_a_harvest_give_the_documents_left(tmp_path: Path):
    """95 results (pages 0-9) become 65 (pages 0-6) from the seventh request on: the walk ends at the new last page."""
    from tests.faultserver import synthetic_pages
    from tests.sitegen import doc

    docs = [doc(n) for n in range(95)]
    served = {"count": 0}

    def pages(path: str) -> bytes | None:
        served["count"] += path.startswith("/search")
        return synthetic_pages(docs if served["count"] <= 6 else docs[:65])(path)

    with FaultServer(pages) as server:
        clock = FakeClock()
        outcome = harvest(WILSON, Search("q"), tmp_path, "d", ["json"], Settings(base_url=server.origin, delay=0),
                          sleep=clock.sleep, now=clock.now)
    assert sorted(r["id"] for r in dataset(tmp_path, "d")) == sorted(d[0] for d in docs[:65])
    assert outcome.total == 65 and not [r for r in server.search_requests() if "page=7" in r]


def test_files_written_side_by_side_leave_nothing_when_the_disk_fills(tmp_path: Path):
    """A file size limit stands in for a full disk: the write fails, and so does the flush when the file is closed."""
    import subprocess
    import sys

    script = f"""
import resource, signal
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
from harvester.errors import UsageError
from harvester.output.files import Staging, write_table
from harvester.records import RECORD_COLUMNS
row = {{c.name: ([c.example] if c.type == "list" else c.example == "true" if c.type == "boolean" else c.example) for c in RECORD_COLUMNS}}
try:
    with Staging(Path({str(tmp_path)!r}), "d") as staging:
        write_table(lambda: [row] * 2000, RECORD_COLUMNS, Path({str(tmp_path)!r}), "d", ["csv", "json"], staging)
        staging.commit()
except UsageError as error:
    print(error)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert "d.csv" in done.stdout and "cannot write: the file grew larger than the file system allows; the dataset's files are as " \
        "they were" in done.stdout
    assert [p.name for p in tmp_path.iterdir()] == [".harvester"] and list((tmp_path / ".harvester" / "d.files").iterdir()) == []


def test_a_file_written_whole_or_not_at_all_keeps_the_earlier_one_when_the_disk_fills(tmp_path: Path):
    """The report page and the PDFs are written so: a write that fails leaves the file that was there, and nothing else."""
    import subprocess
    import sys

    (tmp_path / "d.report.html").write_text("the earlier report", encoding="utf-8")
    script = f"""
import resource, signal
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
from harvester.errors import StorageError
from harvester.output.files import write_atomically
try:
    write_atomically(Path({str(tmp_path)!r}) / "d.report.html", "x" * 200_000)
except StorageError as error:
    print(error)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert "d.report.html: cannot write: the file grew larger than the file system allows" in done.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["d.report.html"]
    assert (tmp_path / "d.report.html").read_text(encoding="utf-8") == "the earlier report"


def test_a_saved_pages_harvested_at_is_when_its_tool_saved_it_never_the_files_time(tmp_path: Path):
    copied = tmp_path / "page-0.html"
    shutil.copy(FIXTURES / "wilson" / "seed" / "page-0.html", copied)
    os.utime(copied, (1_000_000_000, 1_000_000_000))                   # a file's time says nothing of the page
    reparse([FIXTURES / "wilson" / "singlefile", copied], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    times = {record["source_page"].split("=")[-1]: record["harvested_at"] for record in dataset(tmp_path / "out", "d")}
    assert times == {"Party%20Congress": "2026-11-20T13:02:11+00:00", "Korean%20Workers%27%20Party": None}


def test_a_card_with_no_title_text_is_a_warning_and_its_record_stays(tmp_path: Path):
    """One odd card costs its title, not the run; a page none of whose cards has a title is a layout error."""
    from harvester.errors import LayoutError

    pages = tmp_path / "pages"
    shutil.copytree(SEED, pages)
    page = pages / "page-0.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace(">Telegram from Ponomarev to the CPSU Central Committee</a>", "></a>"), encoding="utf-8")
    outcome = reparse([pages], WILSON, tmp_path / "out", "kwp", ["json"])
    records = json.loads((tmp_path / "out" / "kwp.json").read_text(encoding="utf-8"))
    untitled = [r for r in records if r["id"] == "telegram-ponomarev-cpsu-central-committee"]
    assert outcome.documents == 19 and len(untitled) == 1 and untitled[0]["title"] is None
    assert untitled[0]["doc_type"] == "other" and untitled[0]["senders"] == []
    assert any("page-0.html: result card 6 has a link but no title text: its record's title is empty" in w for w in outcome.warnings)
    page.write_text(re.sub(r'(<a href="/document/[^"]+">)[^<]+(</a>)', r"\1\2", html), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"page-0\.html: none of its 10 result cards has a title text"):
        reparse([pages], WILSON, tmp_path / "out2", "kwp", ["json"])


def test_a_card_whose_link_is_no_web_address_is_a_layout_error_naming_it(tmp_path: Path):
    from harvester.errors import LayoutError

    pages = tmp_path / "pages"
    shutil.copytree(SEED, pages)
    page = pages / "page-0.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="/document/telegram-ponomarev-cpsu-central-committee"',
                                                             'href="https://[::1/document/x"', 1), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"page-0\.html: result 'Telegram from Ponomarev to the CPSU Central Committee' "
                                          r"links to 'https://\[::1/document/x', not to a document"):
        reparse([pages], WILSON, tmp_path / "out", "kwp", ["json"], workers=0)


def test_the_one_card_of_a_page_with_no_title_text_is_a_warning_as_one_of_ten_is():
    """The last page of a search of 10k + 1 results, or a search of one: where the card falls decides nothing."""
    from harvester.parse.results import parse_results
    from tests.sitegen import results_page

    page = parse_results(results_page([("telegram-1", "March 1, 1956", "")], 0), "http://mirror.test/search?page=0", WILSON)
    assert [card.title for card in page.cards] == [""]
    assert page.warnings == ("result card 1 has a link but no title text: its record's title is empty",)


@pytest.mark.parametrize("element, said", [('<div class="date"', "has a date ('.date' found nothing)"),
                                           ('class="text-block"', "has a summary ('.text-block' found nothing)")])
def test_a_card_field_the_layout_no_longer_gives_on_any_card_of_a_page_is_a_warning(tmp_path: Path, element: str, said: str):
    """A renamed date or summary element leaves those columns empty: the run says so, page by page."""
    pages = tmp_path / "pages"
    shutil.copytree(SEED, pages)
    page = pages / "page-0.html"
    html = page.read_text(encoding="utf-8")
    assert html.count(element) == 10
    page.write_text(html.replace(element, element.replace("date", "when").replace("text-block", "teaser")), encoding="utf-8")
    outcome = reparse([pages], WILSON, tmp_path / "out", "kwp", ["json"])
    assert [w for w in outcome.warnings if "cards has" in w] == [f"{page}: none of its 10 cards {said}: has the layout changed?"]


def test_one_or_two_cards_with_no_summary_are_no_layout_change():
    """The site leaves a card's summary element out when the document has none: a search of one or two results whose
    documents have none is no sign of a changed layout; a card with no date element is."""
    from harvester.parse.results import parse_results
    from tests.sitegen import results_page

    for count in (1, 2):
        html = results_page([(f"telegram-{n}", "March 1, 1956", f"Telegram {n}") for n in range(count)], 0)
        assert html.count('class="text-block"') == count
        page = parse_results(html.replace('class="text-block"', 'class="teaser"'), "http://mirror.test/search", WILSON)
        assert page.warnings == ()
    page = parse_results(html.replace('class="date"', 'class="when"'), "http://mirror.test/search", WILSON)
    assert page.warnings == ("none of its 2 cards has a date ('.date' found nothing): has the layout changed?",)
    one = results_page([("telegram-1", "March 1, 1956", "Telegram 1")], 0).replace('class="date"', 'class="when"')
    assert parse_results(one, "http://mirror.test/search", WILSON).warnings == (
        "its one card has no date ('.date' found nothing): has the layout changed?",)


def test_a_file_whose_name_holds_a_superscript_digit_is_read_in_its_place(tmp_path: Path):
    """'²' is a digit to Python's isdigit but no number: the order of file names once failed on it."""
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SEED / "page-0.html", folder / "results 1²2.html")
    shutil.copy(SEED / "page-1.html", folder / "results 1.html")
    assert reparse([folder], WILSON, tmp_path / "r", "d", ["json"], workers=0).documents == 19


def test_a_reparse_of_weeks_of_saves_whose_latest_pages_have_no_totals_line_lists_them_by_their_page(tmp_path: Path):
    """The site drops its "x - y of N" line: this week's saved pages number no results, last week's do. The documents
    still come in this week's order (each page's by its address), the one no longer listed where it last was (after
    16, the document before it then), not first, ahead of everything this week lists."""
    from tests.sitegen import doc, results_page

    docs = [doc(n) for n in range(25)]
    weeks = [(docs, True, 1_795_608_000), ([doc(900), doc(901), *docs[:17], *docs[18:]], False, 1_796_212_800)]
    for week, (listed, totals, saved) in enumerate(weeks):
        for page in range(3):
            path = tmp_path / "saved" / f"week-{week}" / f"page-{page}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"<!-- saved from url=(0000){WILSON.search_url(Search('q'), page)} -->\n"
                            + results_page(listed, page, total=None if totals else 0), encoding="utf-8")
            os.utime(path, (saved, saved))
    reparse([tmp_path / "saved"], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    ids = [r["id"].removeprefix("telegram-") for r in dataset(tmp_path / "out", "d")]
    assert ids == ["900", "901", *map(str, range(25))]


@pytest.mark.parametrize("saves", [
    [("week-1", False, range(3), 0), ("week-2", True, range(2), 7 * 86400)],   # this week's save stopped after page 1
    [("b-old", False, range(3), 0), ("a-new", True, range(3), 0)],              # copied without their times
], ids=["latest-save-partial", "same-file-times"])
def test_documents_only_an_older_copy_lists_come_beside_their_neighbours_there(tmp_path: Path, saves: list):
    """Three documents were added at the top this week: the order is this week's, and those only last week's pages
    list (this week's save stopped early; or its files, copied, bear the same time) come after the one before them
    there, never among this week's page 1 by their old numbers."""
    from tests.sitegen import doc, results_page

    old = [doc(n) for n in range(25)]
    for folder, new, pages, later in saves:
        (tmp_path / "saved" / folder).mkdir(parents=True)
        for page in pages:
            path = tmp_path / "saved" / folder / f"page-{page}.html"
            path.write_text(f"<!-- saved from url=(0000){WILSON.search_url(Search('q'), page)} -->\n"
                            + results_page([doc(900), doc(901), doc(902), *old] if new else old, page), encoding="utf-8")
            os.utime(path, (1_795_608_000 + later,) * 2)
    reparse([tmp_path / "saved"], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    assert [r["id"].removeprefix("telegram-") for r in dataset(tmp_path / "out", "d")] == ["900", "901", "902", *map(str, range(25))]


def test_a_page_of_last_week_that_listed_a_document_twice_is_read_to_an_end(tmp_path: Path):
    """Last week's page listed document 7 twice (as 7, 7), this week's no longer lists it: each listing was the one
    before the other, and the re-parse looked for where the first came for ever, its memory growing. The page's first
    listing stands: after 6."""
    import signal

    from tests.sitegen import doc, results_page

    weeks = [("week-1", (*range(8), 7, *range(8, 25)), 0), ("week-2", (900, *range(7), *range(8, 25)), 7 * 86400)]
    for folder, listed, later in weeks:
        (tmp_path / "saved" / folder).mkdir(parents=True)
        for page in range(3):
            path = tmp_path / "saved" / folder / f"page-{page}.html"
            path.write_text(f"<!-- saved from url=(0000){WILSON.search_url(Search('q'), page)} -->\n"
                            + results_page([doc(n) for n in listed], page), encoding="utf-8")
            os.utime(path, (1_795_608_000 + later,) * 2)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the re-parse did not end"))
    signal.alarm(10)
    try:
        reparse([tmp_path / "saved"], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    finally:
        signal.alarm(0)
    assert [r["id"].removeprefix("telegram-") for r in dataset(tmp_path / "out", "d")] == ["900", *map(str, range(25))]


def test_pages_with_no_totals_line_that_say_their_search_by_their_settings_alone_come_in_the_searchs_order(tmp_path: Path):
    """No saved-from mark, canonical link or totals line: the settings say each page's search and its page number."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for page, name in ((1, "a.html"), (0, "b.html")):   # page 1 read first
        text = (SEED / f"page-{page}.html").read_text(encoding="utf-8")
        text = re.sub(r'<!-- saved from[^>]*-->|<link rel="canonical"[^>]*>|<div class="results-summary">.*?</div>', "", text)
        (folder / name).write_text(text, encoding="utf-8")
    reparse([folder], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    reparse([SEED], WILSON, tmp_path / "named", "d", ["json"], workers=0)
    assert [r["id"] for r in dataset(tmp_path / "out", "d")] == [r["id"] for r in dataset(tmp_path / "named", "d")]


@pytest.mark.parametrize(("totals", "expected"), [
    # pages 0 and 1 count 19 ("11 - 20 of 19": belied), page 1's next link leads past them to "21 - 29 of 100000": a page
    # past the total counts as wrongly as the pages before it, or anyhow (the harvest's rule), also in a re-parse
    ((19, 19, 100000), 19),
    # page 0 has no totals line, next links lead on: the latest total of the pages stands, as it does when page 0 has one
    ((None, 100000, 29), 29),
])
def test_a_reparse_of_a_harvests_pages_takes_the_total_the_harvest_took(tmp_path: Path, totals, expected):
    from urllib.parse import parse_qs, urlsplit

    from tests.sitegen import doc, results_page

    def answer(path: str) -> bytes | None:
        parts = urlsplit(path)
        number = int(parse_qs(parts.query).get("page", ["0"])[0])
        if parts.path != "/search" or number > 2:
            return None
        page = results_page([doc(n) for n in range(29)], number)
        if totals[number] is None:
            return re.sub(r'<div class="results-summary">.*?</div>', "", page).encode()
        return page.replace("of 29<", f"of {totals[number]}<").encode()

    with FaultServer(answer) as server:
        harvested = harvest(WILSON, Search("q"), tmp_path / "h", "d", ["json"], Settings(base_url=server.origin, delay=0))
    reparsed = reparse([tmp_path / "h" / "archive"], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (harvested.total, reparsed.total) == (expected, expected) and harvested.documents == reparsed.documents == 29
    assert [w for w in reparsed.warnings if "100000" in w] == []



@pytest.mark.parametrize(("runs", "expected"), [
    # a first run found no results ("of 0"), a later one 25: the later pages were set aside as past the total of 0
    (((0, 0), (25, 25)), 25),
    # the site answered its third page empty: an empty page past the first tells no total, in a harvest
    (((20, 25),), 25),
    # the first run counts 30, the next 25 and its third page comes empty: each run's pages together, the later last
    (((30, 30), (20, 25)), 25),
])
def test_a_reparse_takes_the_total_the_harvests_took(tmp_path: Path, runs, expected):
    """A re-parse of runs' archive, all fetched in one second (a local mirror, --delay 0): its total was the 0 of a
    page that told none in the harvest, and it said the documents were more than the 0 its pages count."""
    from datetime import UTC, datetime
    from urllib.parse import parse_qs, urlsplit

    from tests.sitegen import doc, results_page

    shown: list[tuple[int, int]] = []

    def answer(path: str) -> bytes | None:
        parts = urlsplit(path)
        number = int(parse_qs(parts.query).get("page", ["0"])[0])
        listed, total = shown[-1]
        page = results_page([doc(n) for n in range(listed)], number, total=total if number * 10 < listed else 0)
        return page.encode() if parts.path == "/search" else None

    with FaultServer(answer) as server:
        for run in runs:
            shown.append(run)
            harvested = harvest(WILSON, Search("q"), tmp_path / "h", "d", ["json"], Settings(base_url=server.origin, delay=0,
                                allow_incomplete=True), now=lambda: datetime(2024, 5, 1, tzinfo=UTC))
    reparsed = reparse([tmp_path / "h" / "archive"], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (harvested.total, reparsed.total) == (expected, expected)
    assert [w for w in reparsed.warnings if "than the 0" in w] == []


@pytest.mark.parametrize("names", [("a", "b", "c"), ("c", "b", "a")])
def test_a_reparse_of_pages_that_say_no_time_takes_their_totals_in_page_order_whatever_their_names(tmp_path: Path, names):
    """Pages saved by a browser (no time): no totals line on the first, "of 100000" on the second, "21 - 29 of 29" on the
    last, as a harvest's next links take them (29, complete). Named in the other order, the re-parse read the last
    page's total first and the second's after it, and said the 29 documents were 29 of 100000."""
    from tests.sitegen import doc, results_page

    for number, (name, total) in enumerate(zip(names, (None, 100000, 29))):
        page = results_page([doc(n) for n in range(29)], number)
        page = re.sub(r'<div class="results-summary">.*?</div>', "", page) if total is None else page.replace("of 29<", f"of {total}<")
        url = f"https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=q&page={number}"
        (tmp_path / f"{name}.html").write_text(f"<!-- saved from url=({len(url):04d}){url} -->\n{page}")
    reparsed = reparse([tmp_path], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    assert (reparsed.total, reparsed.documents) == (29, 29)


def test_a_reparse_of_rounds_fetched_at_one_time_takes_the_total_of_the_last_round(tmp_path: Path):
    """A harvest's first round counts 30 over 25 documents, its re-walks 25: complete. Its pages fetched in one second
    (a local mirror, --delay 0), the re-parse took the copies of each page by their totals' size, 30 last, and said the
    25 documents were 25 of 30."""
    from datetime import UTC, datetime
    from urllib.parse import parse_qs, urlsplit

    from tests.sitegen import doc, results_page

    asked: list[int] = []

    def answer(path: str) -> bytes | None:
        parts = urlsplit(path)
        asked.append(int(parse_qs(parts.query).get("page", ["0"])[0]))
        page = results_page([doc(n) for n in range(25)], asked[-1], total=30 if len(asked) <= 3 else 25)
        return page.encode() if parts.path == "/search" else None

    with FaultServer(answer) as server:
        harvested = harvest(WILSON, Search("q"), tmp_path / "h", "d", ["json"], Settings(base_url=server.origin, delay=0),
                            now=lambda: datetime(2024, 5, 1, tzinfo=UTC))
    reparsed = reparse([tmp_path / "h" / "archive"], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (harvested.total, reparsed.total, reparsed.warnings) == (25, 25, [])


def test_a_reparse_of_a_later_run_whose_first_page_has_no_total_takes_the_total_its_next_pages_give(tmp_path: Path):
    """A first run counts 5; the next run's first page carries no totals line, its second counts 25, and the run is 25
    of 25. The re-parse kept the first run's 5 (the second run's "11 - 20 of 25" past it) and said 25 were more than 5."""
    from urllib.parse import parse_qs, urlsplit

    from tests.sitegen import doc, results_page

    shown: list[int] = []

    def answer(path: str) -> bytes | None:
        parts = urlsplit(path)
        number = int(parse_qs(parts.query).get("page", ["0"])[0])
        page = results_page([doc(n) for n in range(shown[-1])], number)
        page = re.sub(r'<div class="results-summary">.*?</div>', "", page) if shown[-1] == 25 and number == 0 else page
        return page.encode() if parts.path == "/search" else None

    with FaultServer(answer) as server:
        for listed in (5, 25):
            shown.append(listed)
            harvested = harvest(WILSON, Search("q"), tmp_path / "h", "d", ["json"], Settings(base_url=server.origin, delay=0))
    reparsed = reparse([tmp_path / "h" / "archive"], WILSON, tmp_path / "r", "d", ["json"], workers=0)
    assert (harvested.total, harvested.documents, reparsed.total, reparsed.documents) == (25, 25, 25, 25)


def _weekly_runs(tmp_path: Path, listings: tuple[int, ...], without_totals: int | None = None):
    """Harvests a week apart of a listing of so many documents each ("1 - 10 of N" left out of the pages of a listing of
    `without_totals`), then a re-parse of their archive: the last harvest's outcome and the re-parse's."""
    from datetime import UTC, datetime
    from urllib.parse import parse_qs, urlsplit

    from tests.sitegen import doc, results_page

    shown: list[int] = []

    def answer(path: str) -> bytes | None:
        parts = urlsplit(path)
        page = results_page([doc(n) for n in range(shown[-1])], int(parse_qs(parts.query).get("page", ["0"])[0]))
        page = re.sub(r'<div class="results-summary">.*?</div>', "", page) if shown[-1] == without_totals else page
        return page.encode() if parts.path == "/search" else None

    with FaultServer(answer) as server:
        for week, listed in enumerate(listings):
            shown.append(listed)
            harvested = harvest(WILSON, Search("q"), tmp_path / "h", "d", ["json"], Settings(base_url=server.origin, delay=0),
                                now=lambda at=datetime(2024, 5, 1 + 7 * week, tzinfo=UTC): at)
    return harvested, reparse([tmp_path / "h" / "archive"], WILSON, tmp_path / "r", "d", ["json"], workers=0)


def test_a_reparse_of_a_later_run_whose_pages_have_no_total_keeps_no_earlier_runs_total(tmp_path: Path):
    """A first run counts 25; the next run's pages carry no totals line (30 documents by its next links): the harvest
    counts none, and checks nothing. The re-parse kept the first run's 25, and said the 30 were more than 25."""
    harvested, reparsed = _weekly_runs(tmp_path, (25, 30), without_totals=30)
    assert (harvested.total, reparsed.total, reparsed.documents) == (None, None, 30)
    assert not [warning for warning in reparsed.warnings if "more than" in warning]


def test_a_reparse_lists_a_page_saved_in_anothers_place_where_the_site_lists_it(tmp_path: Path):
    """A cache answered page 0 with page 1, and page 1 with page 0, and the pages were saved so (their saved-from marks
    say the address asked for; their settings, their totals lines, the page they are): each is listed where its "x - y
    of N" line says, as the site lists it."""
    for number, other in ((0, 1), (1, 0)):
        text = (SEED / f"page-{other}.html").read_text(encoding="utf-8")
        asked = f"{SEED_URL}&page=1" if number else SEED_URL
        mark = re.search(r"<!-- saved from url=\(\d+\)(\S+) -->", text)
        (tmp_path / f"page-{number}.html").write_text(text.replace(mark[0], f"<!-- saved from url=({len(asked):04d}){asked} -->"),
                                                      encoding="utf-8")
    reparse([tmp_path / "page-0.html", tmp_path / "page-1.html"], WILSON, tmp_path / "out", "d", ["json"], workers=0)
    reparse(sorted(SEED.glob("page-*.html")), WILSON, tmp_path / "clean", "d", ["json"], workers=0)
    assert [r["id"] for r in dataset(tmp_path / "out", "d")] == [r["id"] for r in dataset(tmp_path / "clean", "d")]


def test_a_reparse_of_runs_of_a_listing_that_shrank_says_it_changed_between_them(tmp_path: Path):
    """A first run lists 30, the next 25 of 25: the re-parse keeps the 5 only the first run listed, and said the 30 were
    more than the 25 its pages count, asking whether the listing changed: it did, between the runs."""
    harvested, reparsed = _weekly_runs(tmp_path, (30, 25))
    assert (harvested.total, harvested.documents, reparsed.documents) == (25, 25, 30)
    assert reparsed.warnings == ["saved pages of \u201cq\u201d hold 30 documents, more than the 25 its pages count: the listing changed "
                                 "between the times its pages were fetched (or saved), and 5 of them are listed only by "
                                 "earlier copies"]
