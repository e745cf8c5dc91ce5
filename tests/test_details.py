"""harvest --details end to end: document pages fetched over HTTP, their fields on every record, the people table."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest

from harvester.errors import OffSiteError
from harvester.normalize.names import NameTable, match_key, written_form
from harvester.pipeline import harvest, reparse
from harvester.records import DETAIL_COLUMNS, PEOPLE_COLUMNS
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.conftest import FIXTURES, FakeClock, dataset, timeless
from tests.challengeserver import with_js_detections
from tests.faultserver import Fault, FaultServer, folder_pages
from tests.sitegen import results_page

WILSON = get_site("wilson")
SEED = FIXTURES / "wilson" / "seed"
DOCUMENTS = FIXTURES / "wilson" / "documents"
QUERY = "Korean Workers' Party"
NAMES = NameTable.load()


BOTH = (folder_pages(SEED), folder_pages(DOCUMENTS))


def both_folders(path: str) -> bytes | None:
    return next((body for answer in BOTH if (body := answer(path))), None)


@pytest.fixture(scope="module")
def detailed(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("details")
    clock = FakeClock()
    with FaultServer(both_folders) as server:
        outcome = harvest(WILSON, Search(QUERY), out, "kwp", ["csv", "json"], Settings(base_url=server.origin, delay=0, details=True),
                          sleep=clock.sleep, now=clock.now)
    return out, outcome, server, dataset(out, "kwp"), dataset(out, "kwp.people")


def test_every_document_page_of_the_two_page_search_is_fetched_once(detailed):
    _, _, server, records, _ = detailed
    fetched = [r for r in server.requests if r.startswith("/document/")]
    assert sorted(fetched) == sorted(f"/document/{r['id']}" for r in records) and len(fetched) == 19


def test_every_record_carries_every_detail_field_of_its_page(detailed):
    out, _, _, rows, _ = detailed
    assert len(rows) == 19
    for row in rows:
        expected = json.loads((DOCUMENTS / f"{row['id']}.expected.json").read_text(encoding="utf-8"))["details"]
        for column in DETAIL_COLUMNS:
            wanted = expected[column.name]
            assert row[column.name] == (wanted if wanted != "" else None), f"{row['id']}: {column.name}"


def test_the_transcript_is_in_the_json_but_not_in_the_csv_unless_asked(detailed, tmp_path: Path):
    out, *_ = detailed
    with (out / "kwp.csv").open(encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream))
    assert "transcript" not in header and header[-1] == "pdf_url"
    again = reparse([SEED, DOCUMENTS / "telegram-mikoyan-cpsu-central-committee.html"], WILSON, tmp_path, "t", ["csv"],
                    transcript_in_csv=True, workers=0)
    with (tmp_path / "t.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[3]["transcript"].startswith("Top Secret") and again.files[0] == tmp_path / "t.csv"


def test_people_are_one_way_across_titles_and_page_headings(detailed):
    _, _, _, records, people = detailed
    mikoyan = [r for r in records if r["id"] == "telegram-mikoyan-cpsu-central-committee"][0]
    assert mikoyan["authors"] == ["Mikoyan, Anastas Ivanovich, 1895-1978"] and mikoyan["senders"] == ["A. Mikoyan"]
    assert mikoyan["people"] == ["Anastas Mikoyan"]                                 # the title's person, as the table writes him
    assert mikoyan["page_people"][:2] == ["Anastas Mikoyan", "Kim Il Sung"]         # "Kim, Il-sŏng, 1912-1994" on the page
    rows = {spelling: row["name"] for row in people for spelling in (row["name"], *row["variants"])}
    assert all(p in rows for r in records for p in r["people"] + r["page_people"])   # each one in the people table


def test_the_people_table_lists_every_spelling_the_titles_give_a_person(detailed):
    """"A. Mikoyan" (a sender) and "N.S. Khrushchev" (a recipient) are variants of the people the records name."""
    _, _, _, records, people = detailed
    row_of = {spelling: row for row in people for spelling in (row["name"], *row["variants"])}
    assert "A. Mikoyan" in row_of and row_of["A. Mikoyan"]["name"] == "Anastas Mikoyan"
    assert "N.S. Khrushchev" in row_of and row_of["N.S. Khrushchev"]["name"] == "Nikita Khrushchev"
    checked = 0
    for record in records:                  # each party that is one of the record's people, a name alone, is in that row
        for party in (p for p in record["senders"] + record["recipients"] + record["participants"] if not set(p) & set("[(")):
            for person in (p for p in record["people"] if match_key(p) == match_key(NAMES.lookup(party) or written_form(party))):
                assert row_of.get(party, {}).get("name") == row_of[person]["name"], f"{record['id']}: {party}"
                checked += 1
    assert checked >= 19
    assert not any(row["name"] in row["variants"] for row in people)


def test_the_data_package_lists_the_fields_each_file_has_the_transcript_in_the_json_formats(tmp_path: Path):
    import pyarrow.parquet

    reparse([SEED, DOCUMENTS / "telegram-mikoyan-cpsu-central-committee.html"], WILSON, tmp_path, "d",
            ["csv", "json", "jsonl", "parquet"], workers=0)
    resources = {r["name"]: r for r in json.loads((tmp_path / "d.datapackage.json").read_text(encoding="utf-8"))["resources"]}
    with (tmp_path / "d.csv").open(encoding="utf-8", newline="") as stream:
        has = {"records": next(csv.reader(stream))}
    has["records-json"] = list(json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))[0])
    has["records-jsonl"] = list(json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()[0]))
    has["records-parquet"] = pyarrow.parquet.read_schema(tmp_path / "d.parquet").names
    for name, fields in has.items():
        assert [f["name"] for f in resources[name]["schema"]["fields"]] == fields, name
        assert ("transcript" in fields) == (name != "records"), name


def test_people_are_written_the_same_with_and_without_details(detailed, tmp_path: Path):
    """A person's spelling in `people` depends on nothing but what the record's own title says of them."""
    _, _, _, records, _ = detailed
    clock = FakeClock()
    with FaultServer(both_folders) as server:
        harvest(WILSON, Search(QUERY), tmp_path, "plain", ["json"], Settings(base_url=server.origin, delay=0), sleep=clock.sleep,
                now=clock.now)
    plain = {r["id"]: r["people"] for r in dataset(tmp_path, "plain")}
    assert {r["id"]: r["people"] for r in records} == plain
    ponomarev = [r for r in records if r["id"] == "telegram-ponomarev-cpsu-central-committee"][0]
    assert ponomarev["people"] == ["Ponomarev"] and ponomarev["page_people"] == ["Boris Nikolaevich Ponomarev"]


def test_in_the_people_table_no_person_is_twice_and_no_two_share_a_row(detailed):
    _, _, _, records, rows = detailed
    assert list(rows[0]) == [c.name for c in PEOPLE_COLUMNS]
    owner: dict[str, str] = {}
    for row in rows:                               # every spelling (name, variant, heading) belongs to one row only
        for spelling in [row["name"], *row["variants"]]:
            assert owner.setdefault(match_key(spelling), row["name"]) == row["name"], f"{spelling} in two rows"
    assert len({match_key(row["name"]) for row in rows}) == len(rows)
    kim = [r for r in rows if r["name"] == "Kim Il Sung"][0]
    assert (kim["birth"], kim["death"], kim["sort_name"]) == (1912, 1994, "Kim, Il-sŏng")
    assert {r["name"] for r in rows} >= {"Kim Il Sung", "Kim Il"}          # two people, never merged
    assert kim["documents"] == len(kim["document_ids"]) == sum("Kim Il Sung" in r["people"] + r["page_people"] for r in records)


def test_reparse_of_the_saved_pages_gives_the_harvest_records(detailed, tmp_path: Path):
    _, _, _, records, people = detailed
    pages = [DOCUMENTS / f"{r['id']}.html" for r in records]
    reparse([SEED, *pages], WILSON, tmp_path, "kwp", ["json"], workers=0)
    assert timeless(dataset(tmp_path, "kwp")) == timeless(records)
    assert dataset(tmp_path, "kwp.people") == people


def test_a_reparse_with_some_document_pages_says_how_many_documents_have_none(detailed, tmp_path: Path):
    """A --details harvest cut short, or a folder with some of the pages saved: the documents without theirs have
    empty details, and the re-parse says so (where every page given gives nothing to say)."""
    _, _, _, records, _ = detailed
    pages = [DOCUMENTS / f"{r['id']}.html" for r in records[:9]]
    outcome = reparse([SEED, *pages], WILSON, tmp_path, "kwp", ["json"], workers=0)
    assert outcome.warnings == ["10 of the 19 documents have no saved document page among the pages given: their details "
                                "are left empty"]
    assert sum(bool(r["record_id"]) for r in dataset(tmp_path, "kwp")) == 9
    every = reparse([SEED, *[DOCUMENTS / f"{r['id']}.html" for r in records]], WILSON, tmp_path / "all", "kwp", ["json"],
                    workers=0)
    assert every.warnings == []


def test_pages_with_cloudflares_javascript_detections_are_pages_not_challenges(detailed, tmp_path: Path):
    out, _, _, records, _ = detailed
    clock = FakeClock()
    with FaultServer(with_js_detections(both_folders)) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["csv", "json"], Settings(base_url=server.origin, delay=0, details=True),
                          sleep=clock.sleep, now=clock.now)
    assert outcome.warnings == [] and timeless(dataset(tmp_path, "kwp")) == timeless(records) and len(records) == 19


def test_an_empty_details_dataset_loads_with_the_same_columns_from_every_format(tmp_path: Path):
    """No record says which columns there are: the file's own schema (Parquet) or its data package (JSON) does."""
    import harvester

    clock = FakeClock()
    with FaultServer(folder_pages(FIXTURES / "wilson" / "empty")) as server:
        outcome = harvest(WILSON, Search("xyzzy plugh"), tmp_path, "none", ["csv", "json", "jsonl", "parquet"],
                          Settings(base_url=server.origin, delay=0, details=True), sleep=clock.sleep, now=clock.now)
    assert outcome.documents == 0
    for fmt in ("csv", "json", "jsonl", "parquet"):
        frame = harvester.load(tmp_path / f"none.{fmt}")
        assert len(frame) == 0 and "authors" in frame.columns and ("transcript" in frame.columns) == (fmt != "csv"), fmt


def test_a_document_page_saved_from_its_short_address_is_the_document_its_results_page_lists(tmp_path: Path):
    """Saved from /node/89868, the page's canonical link names it /document/letter-ri-sang-jo-ns-khrushchev."""
    page = tmp_path / "letter.html"
    page.write_text((DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html").read_text(encoding="utf-8").replace(
        "url=(0080)https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev",
        "url=(0043)https://digitalarchive.wilsoncenter.org/node/89868", 1), encoding="utf-8")
    reparse([SEED, page], WILSON, tmp_path, "kwp", ["json"], workers=0)
    records = dataset(tmp_path, "kwp")
    [letter] = [r for r in records if r["id"] == "letter-ri-sang-jo-ns-khrushchev"]
    assert len(records) == 19 and letter["record_id"]


@pytest.mark.parametrize("listed", [True, False])
def test_of_two_copies_of_a_document_page_the_later_fetched_gives_its_details(tmp_path: Path, listed: bool):
    """Two archives, the newer in a folder whose name sorts first, each with the page (and, `listed`, the results
    page that lists it); read in either order, the newer copy's details and (alone) record stand."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html"
    for folder, date, said in (("a-newer", "2026-11-26T12:00:00Z", "NEWER COPY"), ("b-older", "2025-01-01T12:00:00Z", "OLDER COPY")):
        (tmp_path / folder).mkdir()
        with (tmp_path / folder / "x.warc.gz").open("wb") as file:
            writer = WARCWriter(file, gzip=True)
            answers = [("https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev",
                        page.read_bytes().replace(b"Dear Comrade", said.encode() + b" Dear Comrade", 1))]
            answers += [("https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1",
                         (SEED / "page-1.html").read_bytes())] if listed else []
            for url, body in answers:
                writer.write_record(writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), warc_headers_dict={"WARC-Date": date},
                    http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
    for order in (("a-newer", "b-older"), ("b-older", "a-newer")):
        out = tmp_path / "out" / "-".join(order)
        reparse([tmp_path / folder for folder in order], WILSON, out, "d", ["json"], workers=0)
        [letter] = [r for r in dataset(out, "d") if r["id"] == "letter-ri-sang-jo-ns-khrushchev"]
        assert letter["transcript"].startswith("NEWER COPY") and letter["harvested_at"].startswith("2026-11-26"), order


def test_a_saved_document_page_without_its_results_page_still_gives_a_record(tmp_path: Path):
    page = DOCUMENTS / "transcript-sed-politburo-session-held-5-september-1989.html"
    reparse([page], WILSON, tmp_path, "one", ["json"], workers=0)
    [record] = dataset(tmp_path, "one")
    assert record["id"] == "transcript-sed-politburo-session-held-5-september-1989"
    assert record["title"].startswith("Transcript of the SED Politburo Session") and record["record_id"]


def test_a_missing_document_page_is_a_warning_and_the_record_stays(tmp_path: Path):
    gone = "/document/telegram-ponomarev-cpsu-central-committee"
    with FaultServer(both_folders, lambda n, path: Fault(404) if path == gone else None) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    records = dataset(tmp_path, "kwp")
    record = [r for r in records if r["id"] == "telegram-ponomarev-cpsu-central-committee"][0]
    assert record["record_id"] is None and record["title"] == "Telegram from Ponomarev to the CPSU Central Committee"
    assert any("HTTP 404" in w and "telegram-ponomarev" in w for w in outcome.warnings)
    assert len(records) == outcome.documents == 19


def test_a_document_page_sent_off_the_site_stops_the_run(tmp_path: Path):
    """A site that sends a document's page to another host sends its documents elsewhere: the run stops, where a page
    that cannot be had is a warning."""
    sent = "/document/telegram-ponomarev-cpsu-central-committee"
    elsewhere = Fault(302, {"Location": "https://elsewhere.test/document"})
    with FaultServer(both_folders, lambda n, path: elsewhere if path == sent else None) as server, \
            pytest.raises(OffSiteError, match=f"{sent}: redirects off the site to https://elsewhere.test/document"):
        harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))


def test_a_document_page_answered_with_another_listed_documents_page_gives_it_no_details(tmp_path: Path):
    """A cache mixed two pages up: the site answered one document's address with another's page (its canonical link and
    title). Its details are not taken for the document asked for: a page that could not be had, said and named."""
    asked, other = "/document/telegram-ponomarev-cpsu-central-committee", "/document/letter-ri-sang-jo-ns-khrushchev"
    with FaultServer(lambda path: both_folders(other if path == asked else path)) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    records = {r["id"]: r for r in dataset(tmp_path, "kwp")}
    assert records["telegram-ponomarev-cpsu-central-committee"]["record_id"] is None
    assert records["letter-ri-sang-jo-ns-khrushchev"]["record_id"] and len(records) == outcome.documents == 19
    assert outcome.warnings == [f"{server.origin}{asked}: the site answered with the page of another document, "
                                "letter-ri-sang-jo-ns-khrushchev (a cache?); the details of "
                                "telegram-ponomarev-cpsu-central-committee are left empty"]
    assert outcome.report["status"] == "warnings" and outcome.report["complete"] is True
    again = reparse([tmp_path / "archive"], WILSON, tmp_path / "again", "kwp", ["json"], workers=0)
    assert timeless(dataset(tmp_path / "again", "kwp")) == timeless(dataset(tmp_path, "kwp"))
    warc = tmp_path / "archive" / "kwp-run0001-part1.warc.gz"
    assert again.warnings == [
        f"{warc} (record 10, {server.origin}{asked}): the page of another document, letter-ri-sang-jo-ns-khrushchev (a cache?), in place of "
        "telegram-ponomarev-cpsu-central-committee's; passed over", "1 of the 19 documents have no saved document page "
        "among the pages given: their details are left empty"]


def test_a_document_page_answered_with_its_twins_page_gives_it_no_details(tmp_path: Path):
    """Two documents of one title, whose slugs Drupal told apart by a number ("...-khrushchev" and "...-khrushchev-0"):
    a cache answered the second's address with the first's page. Their titles are one, and the canonical link alone
    tells the page is the other document's."""
    first = "letter-ri-sang-jo-ns-khrushchev"
    twin, replaced = f"{first}-0", "telegram-ponomarev-cpsu-central-committee"

    def pages(path: str) -> bytes | None:
        if path == f"/document/{twin}":
            return both_folders(f"/document/{first}")
        body = both_folders(path)
        if body and path.startswith("/search"):   # (the twin listed in place of another document, with the first's title)
            body = body.replace(f'/document/{replaced}"'.encode(), f'/document/{twin}"'.encode())
            body = body.replace(b"Telegram from Ponomarev to the CPSU Central Committee", b"Letter from Ri Sang-jo to N.S. Khrushchev")
        return body

    with FaultServer(pages) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    records = {r["id"]: r for r in dataset(tmp_path, "kwp")}
    assert records[twin]["record_id"] is None and records[first]["record_id"] and len(records) == 19
    assert outcome.warnings == [f"{server.origin}/document/{twin}: the site answered with the page of another document, "
                                f"{first} (a cache?); the details of {twin} are left empty"]
    reparse([tmp_path / "archive"], WILSON, tmp_path / "again", "kwp", ["json"], workers=0)   # (as the harvest took it)
    assert timeless(dataset(tmp_path / "again", "kwp")) == timeless(dataset(tmp_path, "kwp"))


@pytest.mark.parametrize(("doc_id", "other", "twins"), [
    ("letter-x", "letter-x-0", True), ("letter-x-0", "letter-x", True),
    ("letter-x-0", "letter-x-1", True),   # (a third document of the title: Drupal numbers each later one)
    ("letter-x", "letter-x", False), ("letter-x", "letter-y", False), ("letter-x", "letter-x-note", False),
    ("letter-x-0", "letter-x-0-note", False), ("120172", "120173", False)])
def test_twins_are_slugs_of_one_title_told_apart_by_drupals_number(doc_id: str, other: str, twins: bool):
    assert WILSON.twins(doc_id, other) is twins


def test_a_document_page_whose_canonical_link_names_its_documents_other_address_is_its_own(tmp_path: Path):
    """A page asked for by a legacy number (or its Drupal path) that the site answers in place with the page whose
    canonical link gives the slug: the same document (its title the listing's), its details taken."""
    slug = "telegram-ponomarev-cpsu-central-committee"

    def pages(path: str) -> bytes | None:
        if path == "/document/110385":
            return both_folders(f"/document/{slug}")
        body = both_folders(path)
        return body.replace(f'href="/document/{slug}"'.encode(), b'href="/document/110385"') if body else body

    with FaultServer(pages) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    records = {r["id"]: r for r in dataset(tmp_path, "kwp")}
    assert records["110385"]["record_id"] == "120202" and slug not in records
    assert outcome.warnings == [] and "/document/110385" in server.requests


def test_a_document_page_retitled_since_the_search_listed_it_is_its_own(tmp_path: Path):
    """The archive retitled a document and moved it to a new slug, its search's index not yet: the card links the old
    slug, which the site answers in place with the page whose canonical link gives the new slug (listed by no result)
    and the new title. The same document, its details taken: the page is no other listed document's."""
    old, new = "/document/telegram-ponomarev-cpsu-central-committee", "/document/telegram-ponomarev-cpsu-cc-retitled"

    def pages(path: str) -> bytes | None:
        body = both_folders(path)
        if path == old and body:
            body = body.replace(f'dvincitest.com{old}"'.encode(), f'dvincitest.com{new}"'.encode())
            assert body.count(new.encode()) == 1
            return body.replace(b"Telegram from Ponomarev", b"Telegram from B. N. Ponomarev")
        return body

    with FaultServer(pages) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    records = {r["id"]: r for r in dataset(tmp_path, "kwp")}
    assert outcome.warnings == [] and records["telegram-ponomarev-cpsu-central-committee"]["record_id"]


def test_the_later_of_two_saves_of_a_documents_page_at_its_legacy_number_stands_though_its_title_changed(tmp_path: Path):
    """A page saved from a legacy number's address (its canonical link gives the slug), saved again once the archive
    retitled it: no results page lists it, so no listing's title says it is another document's. The later copy stands."""
    page = (DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html").read_text(encoding="utf-8").replace(
        "(0080)https://digitalarchive.wilsoncenter.org/document/letter-ri-sang-jo-ns-khrushchev",
        "(0059)https://digitalarchive.wilsoncenter.org/document/120163")
    earlier, later = tmp_path / "earlier.html", tmp_path / "later.html"
    earlier.write_text(page, encoding="utf-8")
    later.write_text(page.replace("to N.S. Khrushchev", "to Nikita S. Khrushchev"), encoding="utf-8")
    os.utime(earlier, (1_600_000_000, 1_600_000_000))
    os.utime(later, (1_700_000_000, 1_700_000_000))
    outcome = reparse([earlier, later], WILSON, tmp_path / "out", "x", ["json"], workers=0)
    assert [(r["id"], r["title"]) for r in dataset(tmp_path / "out", "x")] == [
        ("120163", "Letter from Ri Sang-jo to Nikita S. Khrushchev")]
    assert outcome.warnings == []


def test_a_document_page_that_fails_on_a_later_run_keeps_the_details_an_earlier_run_read(tmp_path: Path):
    gone = "/document/telegram-ponomarev-cpsu-central-committee"
    for fails in (False, True):
        clock = FakeClock()
        with FaultServer(both_folders, lambda n, path, fails=fails: Fault(404) if fails and path == gone else None) as server:
            outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"],
                              Settings(base_url=server.origin, delay=0, details=True), sleep=clock.sleep, now=clock.now)
        [record] = [r for r in dataset(tmp_path, "kwp") if r["id"] == "telegram-ponomarev-cpsu-central-committee"]
        assert record["record_id"] == "120202" and record["authors"], fails
    assert outcome.warnings == [f"{server.origin}{gone}: HTTP 404; the details of "
                                "telegram-ponomarev-cpsu-central-committee are an earlier run's"]


def test_a_reparse_of_a_details_harvests_archive_gives_each_document_the_page_the_harvest_gave_it(tmp_path: Path):
    """A document page that redirects to another address, and one whose canonical link names another document: the
    harvest takes each for the document it asked for, and so does a re-parse of its archive (the canonical link names
    the document of a page saved from its Drupal path only), over two runs, the second's pages "not modified"."""
    moved, mislinked = "/document/telegram-ponomarev-cpsu-central-committee", "/document/letter-ri-sang-jo-ns-khrushchev"
    canonical = b"https://digitalarchive.wilsoncenter.org" + mislinked.encode()

    def pages(path: str) -> bytes | None:
        if path == "/document/ponomarev-moved":
            return both_folders(moved)
        body = both_folders(path)
        return body.replace(canonical, b"https://digitalarchive.wilsoncenter.org/document/telegram-mikoyan-cpsu-central-committee") \
            if path == mislinked and body else body

    redirect = lambda n, path: Fault(301, {"Location": "/document/ponomarev-moved"}) if path == moved else None  # noqa: E731
    with FaultServer(pages, redirect, etags=True) as server:
        for _ in range(2):
            outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
        assert server.not_modified > 19
    again = reparse([tmp_path / "archive"], WILSON, tmp_path / "again", "kwp", ["json"], workers=0)
    harvested = dataset(tmp_path, "kwp")
    assert outcome.warnings == again.warnings == [] and len(harvested) == 19
    assert [r["transcript"] is not None for r in harvested] == [True] * 19
    assert timeless(dataset(tmp_path / "again", "kwp")) == timeless(harvested)


@pytest.mark.parametrize("first_run_read_last", [False, True])
def test_a_reparse_of_a_harvests_archive_reads_the_pages_redirects_led_to_as_the_pages_asked_for(tmp_path: Path,
                                                                                                first_run_read_last: bool):
    """The site sent the search's second page on to another address of it, and a document's page to a path no document
    has: the harvest took each for the page it asked for, and so does a re-parse of its archive (the second page was a
    search of its own, the dataset one of two searches, and the document's page was passed over); so too when the second
    run found them "not modified" and the first run's file is read last (in a folder after the second's)."""
    second, document = f"/search?search_api_fulltext={quote(QUERY)}&page=1", "/document/telegram-ponomarev-cpsu-central-committee"
    moved = {second: second + "&items_per_page=10", document: "/documents/ponomarev"}
    asked = {target: path for path, target in moved.items()}
    with FaultServer(lambda path: both_folders(asked.get(path, path)),
                     lambda n, path: Fault(301, {"Location": moved[path]}) if path in moved else None, etags=True) as server:
        for _ in range(2):
            harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    if first_run_read_last:
        (tmp_path / "archive" / "old").mkdir()
        first = next((tmp_path / "archive").glob("kwp-run0001-*"))
        first.rename(tmp_path / "archive" / "old" / first.name)
    again = reparse([tmp_path / "archive"], WILSON, tmp_path / "again", None, ["json"], workers=0)
    assert set(server.requests) >= set(moved.values()) and again.warnings == [] and again.total == 19
    assert timeless(dataset(tmp_path / "again", "kwp")) == timeless(dataset(tmp_path, "kwp"))


def test_details_warnings_come_after_the_pages_that_could_not_be_had_record_by_record(tmp_path: Path):
    gone = "/document/telegram-ponomarev-cpsu-central-committee"
    vague = "/document/journal-soviet-ambassador-dprk-am-puzanov-1-october-1957"

    def pages(path: str) -> bytes | None:
        found = both_folders(path)
        return found.replace(b"<p>2011-12-06</p>", b"<p>December 2011</p>") if found and path == vague else found

    with FaultServer(pages, lambda n, path: Fault(404) if path == gone else None) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    assert [("HTTP 404" in w, "December 2011" in w) for w in outcome.warnings] == [(True, False), (False, True)]
    assert outcome.warnings[1].startswith(f"https://digitalarchive.wilsoncenter.org{vague}: ")


def test_a_details_run_stopped_midway_resumes_without_fetching_again(tmp_path: Path):
    challenge = (FIXTURES / "wilson" / "challenge" / "page-0.html").read_bytes()
    blocked = "/document/letter-ri-sang-jo-ns-khrushchev"
    settings = dict(delay=0, details=True)
    with FaultServer(both_folders, lambda n, path: Fault(403, {}, challenge) if path == blocked else None) as server:
        with pytest.raises(Exception, match="bot-protection challenge"):
            harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, **settings))
        before = [r for r in server.requests if r != "/robots.txt"]
        server.requests.clear()
        server.script = lambda n, path: None
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, **settings))
    after = [r for r in server.requests if r != "/robots.txt"]
    assert outcome.report["resumed"] is True and len(dataset(tmp_path, "kwp")) == 19
    assert after[0] == blocked and not set(after[1:]) & set(before)    # from the blocked page on, nothing twice
    assert len(before) + len(after) == 2 + 19 + 1


def test_load_and_report_read_a_details_dataset_in_every_format(tmp_path: Path):
    import harvester
    from harvester.analysis.report import write_report

    clock = FakeClock()
    formats = ["csv", "json", "jsonl", "parquet", "sqlite"]
    with FaultServer(both_folders) as server:
        harvest(WILSON, Search(QUERY), tmp_path, "kwp", formats, Settings(base_url=server.origin, delay=0, details=True),
                sleep=clock.sleep, now=clock.now)
    frames = {fmt: harvester.load(tmp_path / f"kwp.{fmt}") for fmt in formats}
    detail_names = [c.name for c in DETAIL_COLUMNS]
    assert list(frames["json"].columns)[-len(detail_names):] == detail_names
    assert "transcript" not in frames["csv"].columns                  # the CSV leaves it out unless asked
    for fmt in ("jsonl", "parquet", "sqlite"):
        assert frames[fmt].equals(frames["json"]), fmt
    assert frames["csv"].equals(frames["json"].drop(columns="transcript"))
    assert str(frames["json"]["uploaded"].dtype).startswith("datetime64") and frames["json"]["uploaded"].notna().any()
    assert frames["json"]["authors"].map(len).sum() > 0
    page = write_report(tmp_path / "kwp.csv", tmp_path / "kwp.report.html", now=clock.now())
    assert page.is_file() and "19" in page.read_text(encoding="utf-8")
    for fmt in ("csv", "json", "jsonl", "parquet"):   # a dataset written as a database alone
        (tmp_path / f"kwp.{fmt}").unlink()
    alone = write_report(tmp_path / "kwp.sqlite", tmp_path / "alone.html", now=clock.now()).read_text(encoding="utf-8")
    assert alone.replace("<b>kwp.sqlite</b>", "<b>kwp.csv</b>") == page.read_text(encoding="utf-8")


def test_a_saved_page_known_only_by_its_drupal_path_gives_its_own_record(tmp_path: Path):
    reparse([DOCUMENTS / "node-95423.html"], WILSON, tmp_path, "n", ["json"], workers=0)
    [record] = dataset(tmp_path, "n")
    assert (record["id"], record["url"]) == ("node-95423", "https://digitalarchive.wilsoncenter.org/node/95423")
    assert record["title"].startswith("Draft of Record of a Meeting") and record["source"].startswith("GARF, Fond 5446")
    assert WILSON.doc_id("https://wilson-center-digital-archive.dvincitest.com/node/95423") == "node-95423"
    assert WILSON.doc_url("node-95423") == "https://digitalarchive.wilsoncenter.org/node/95423"
    assert WILSON.doc_url("node-95423", "http://127.0.0.1:8000") == "http://127.0.0.1:8000/node/95423"
    assert WILSON.doc_id("https://digitalarchive.wilsoncenter.org/node/95423/edit") is None


def test_a_document_known_by_its_drupal_path_is_fetched_there_with_details(tmp_path: Path):
    """A card linking /node/95423 (as staging copies do) is fetched at /node/95423, where the site says it is."""
    node = (DOCUMENTS / "node-95423.html").read_bytes()
    results = results_page([("x", "May 1, 1956", "Draft of Record of a Meeting")], 0).replace("/document/x", "/node/95423")

    def pages(path: str) -> bytes | None:
        return results.encode() if path.startswith("/search") else node if path == "/node/95423" else None

    with FaultServer(pages) as server:
        harvest(WILSON, Search("q"), tmp_path, "n", ["json"], Settings(base_url=server.origin, delay=0, details=True))
    [record] = dataset(tmp_path, "n")
    assert "/node/95423" in server.requests and not [r for r in server.requests if r.startswith("/document/")]
    assert record["source"].startswith("GARF, Fond 5446")


def test_document_links_of_every_shape_give_the_slug():
    assert WILSON.doc_id("/document/120194.pdf") == "120194"
    assert WILSON.doc_id("/document/120194/download") == "120194"
    assert WILSON.doc_id("https://digitalarchive.wilsoncenter.org/document/kim-il-sung.ris/download") == "kim-il-sung.ris"
    assert WILSON.doc_id("/document/letter-mao.ris") == "letter-mao"
    assert WILSON.doc_id("/document/a.b.c") == "a.b.c"
    assert WILSON.doc_id("/document/") is None and WILSON.doc_id("/document/x/y") is None
