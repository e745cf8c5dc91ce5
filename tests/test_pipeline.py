"""harvest() and reparse() end to end: the same records either way, over a real socket on 127.0.0.1."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from harvester.errors import OffSiteError
from harvester.pipeline import default_name, harvest, reparse
from harvester.serve import Serving
from harvester.settings import Settings
from harvester.sites import get_site
from tests.conftest import FIXTURES, FakeClock
from tests.faultserver import Fault, FaultServer, folder_pages

WILSON = get_site("wilson")
SEED = FIXTURES / "wilson" / "seed"
QUERY = "Korean Workers' Party"


def without_time(records):
    return [replace(r, harvested_at="", first_seen="", last_seen="") for r in records]


def test_harvest_over_http_and_reparse_give_the_same_19_records(tmp_path: Path):
    clock = FakeClock()
    with Serving(SEED) as serving:
        harvested = harvest(WILSON, QUERY, tmp_path / "h", "seed", ["csv"], Settings(base_url=serving.origin, delay=0),
                            now=clock.now)
    reparsed = reparse([SEED], WILSON, tmp_path / "r", "seed", ["csv"])
    assert len(harvested.records) == 19 and harvested.total == 19
    assert without_time(harvested.records) == without_time(reparsed.records)
    assert {r.harvested_at for r in harvested.records} == {"2026-11-26T12:00:00+00:00"}
    assert (tmp_path / "h" / "seed.csv").read_text(encoding="utf-8").count("\n") == 20


def test_harvest_source_pages_name_the_canonical_host_not_the_mirror(tmp_path: Path):
    with Serving(SEED) as serving:
        outcome = harvest(WILSON, QUERY, tmp_path, "seed", ["json"], Settings(base_url=serving.origin, delay=0))
    assert {r.source_page for r in outcome.records} == {
        "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party",
        "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1",
    }
    assert all(r.url.startswith("https://digitalarchive.wilsoncenter.org/document/") for r in outcome.records)


def test_reparse_of_some_pages_of_a_search_warns_of_the_missing_ones(tmp_path: Path):
    outcome = reparse([SEED / "page-0.html"], WILSON, tmp_path, None, ["json"])
    assert len(outcome.records) == 10
    assert outcome.warnings == ["saved pages of \"Korean Workers' Party\" hold 10 of its 19 documents (2 pages in all)"]
    assert outcome.files == [tmp_path / f"wilson-korean-workers-party.{x}" for x in ("json", "people.json", "datapackage.json")]


def test_reparse_counts_each_document_once_across_files(tmp_path: Path):
    outcome = reparse([SEED / "page-0.html", SEED / "page-0.html", SEED], WILSON, tmp_path, "x", ["json"])
    assert len(outcome.records) == len({r.id for r in outcome.records}) == 19


def test_links_on_other_hosts_become_one_document_on_the_canonical_host(tmp_path: Path):
    outcome = reparse([FIXTURES / "wilson" / "views-rows"], WILSON, tmp_path, "x", ["json"])
    urls = [r.url for r in outcome.records]
    assert all(u.startswith("https://digitalarchive.wilsoncenter.org/document/") for u in urls)
    assert "https://digitalarchive.wilsoncenter.org/document/123772" in urls      # the legacy numeric link


def test_people_are_written_one_way_across_the_dataset(tmp_path: Path):
    records = reparse([SEED, FIXTURES / "wilson" / "dates"], WILSON, tmp_path, "x", ["json"]).records
    people = {p for r in records for p in r.people}
    assert "N. G. Sudarikov" in people and "N.G. Sudarikov" not in people
    assert "A. M. Puzanov" in people and "A.M. Puzanov" not in people
    assert "Anastas Mikoyan" in people and "A. Mikoyan" not in people


def test_default_name_is_made_from_the_site_and_the_query():
    assert default_name(WILSON, "Korean Workers’ Party") == "wilson-korean-workers-party"
    assert default_name(WILSON, "Kim Il Sung--Cult of personality") == "wilson-kim-il-sung-cult-of-personality"
    assert default_name(WILSON, "") == "wilson-all"


def test_over_a_real_socket_503_with_retry_after_is_waited_out(tmp_path: Path):
    clock = FakeClock()
    page_one = lambda n, path: Fault(503, {"Retry-After": "4"}) if "page=1" in path and n <= 3 else None  # noqa: E731
    with FaultServer(folder_pages(SEED), page_one) as server:
        outcome = harvest(WILSON, QUERY, tmp_path, "seed", ["csv"], Settings(base_url=server.origin, delay=0),
                          sleep=clock.sleep, now=clock.now)
    assert len(outcome.records) == 19
    assert clock.sleeps == [4.0]
    assert [p.split("?")[0] for p in server.requests] == ["/robots.txt", "/search", "/search", "/search"]


def test_over_a_real_socket_a_dropped_connection_is_retried(tmp_path: Path):
    clock = FakeClock()
    drop_once = lambda n, path: Fault(drop=True) if n == 2 else None  # noqa: E731
    with FaultServer(folder_pages(SEED), drop_once) as server:
        outcome = harvest(WILSON, QUERY, tmp_path, "seed", ["csv"], Settings(base_url=server.origin, delay=0),
                          sleep=clock.sleep, now=clock.now)
    assert len(outcome.records) == 19 and len(clock.sleeps) == 1


def test_over_a_real_socket_a_redirect_off_the_host_is_refused(tmp_path: Path):
    away = lambda n, path: Fault(302, {"Location": "http://127.0.0.2:9/search"}) if path.startswith("/search") else None  # noqa: E731
    with FaultServer(folder_pages(SEED), away) as server:
        with pytest.raises(OffSiteError, match="redirects off the site to http://127.0.0.2:9/search"):
            harvest(WILSON, QUERY, tmp_path, "seed", ["csv"], Settings(base_url=server.origin, delay=0))
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
        harvest(WILSON, "Korean Workers' Party", tmp_path, "d", ["csv", "json"], settings, sleep=clock.sleep, now=clock.now)
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        assert {"d.csv", "d.json", "d.people.csv", "d.people.json", "d.report.json", "d.datapackage.json"} <= set(before)
        real_fsync, calls = os.fsync, {"n": 0}

        def disk_full_at_the_nth_file(fd):
            calls["n"] += 1
            if calls["n"] == failing:
                raise OSError(28, "No space left on device")
            return real_fsync(fd)

        monkeypatch.setattr(os, "fsync", disk_full_at_the_nth_file)
        with pytest.raises(UsageError, match="No space left on device"):
            harvest(WILSON, "Korean Workers' Party", tmp_path, "d", ["csv", "json"], settings, sleep=clock.sleep, now=clock.now)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_harvest_output_folder_with_its_warc_archive_can_be_served(tmp_path: Path):
    import shutil

    from harvester.serve import index_folder

    folder = tmp_path / "saved"
    shutil.copytree(SEED, folder)
    clock = FakeClock()
    with FaultServer(folder_pages(SEED)) as server:
        harvest(WILSON, "Korean Workers' Party", folder, "d", ["csv"], Settings(base_url=server.origin, delay=0),
                sleep=clock.sleep, now=clock.now)
    assert list((folder / "archive").glob("*.warc.gz"))
    assert {path.name for path, _ in index_folder(folder).values()} == {"page-0.html", "page-1.html"}
