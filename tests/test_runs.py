"""Scheduled runs: WARC archive, resume after SIGKILL, incremental reports, faults, the lock, the harvests file."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from harvester.config import load_jobs
from harvester.errors import (BlockedError, BusyError, FetchError, IncompleteError, LayoutError, RetriesSpentError, StorageError,
                             UsageError)
from harvester.output.runreport import summary_line
from harvester.pipeline import harvest, reparse, run_key
from harvester.settings import Settings
from harvester.sites import Search, get_site
from harvester.state import State
from tests.conftest import FIXTURES, FakeClock, dataset, run_report, timeless
from tests.faultserver import Fault, FaultServer, folder_pages, synthetic_pages
from tests.sitegen import doc, results_page

WILSON = get_site("wilson")
SEED = FIXTURES / "wilson" / "seed"
QUERY = "Korean Workers' Party"


def run(server: FaultServer, out: Path, clock: FakeClock | None = None, query: str = "q", **settings):
    clock = clock or FakeClock()
    chosen = Settings(base_url=server.origin, delay=0, **settings)
    return harvest(WILSON, Search(query), out, "s", ["csv", "json"], chosen, sleep=clock.sleep, now=clock.now)


def test_every_response_is_in_the_warc_and_reparsing_it_gives_the_run_records(tmp_path: Path):
    with FaultServer(folder_pages(SEED), lambda n, p: Fault(503) if n == 3 else None) as server:
        outcome = run(server, tmp_path, query=QUERY)
    [warc] = (tmp_path / "archive").iterdir()
    assert warc.name == "s-run0001-part1.warc.gz"
    from harvester.fetch.archive import read_warc

    statuses = [(page.status, page.url.split("?")[0].rsplit("/", 1)[1]) for _, page in read_warc(warc)]
    assert statuses == [(200, "robots.txt"), (200, "search"), (503, "search"), (200, "search")]
    again = reparse([warc], WILSON, tmp_path / "re", "s", ["json"], workers=0)
    harvested, reparsed = dataset(tmp_path, "s"), dataset(tmp_path / "re", "s")
    assert [{**r, "first_seen": "", "last_seen": ""} for r in reparsed] == [{**r, "first_seen": "", "last_seen": ""} for r in harvested]
    assert again.documents == outcome.documents == 19


def test_each_warc_record_is_its_own_gzip_member(tmp_path: Path):
    """WARC tools seek to a record by its offset: every record must start a gzip member of its own."""
    import zlib

    with FaultServer(folder_pages(SEED)) as server:
        run(server, tmp_path, query=QUERY)
    [warc] = (tmp_path / "archive").iterdir()
    data, members = warc.read_bytes(), []
    while data:
        unpacker = zlib.decompressobj(zlib.MAX_WBITS | 16)
        members.append(unpacker.decompress(data))
        assert unpacker.eof, "a gzip member is cut short"
        data = unpacker.unused_data
    assert [m.split(b"\r\n")[0] for m in members] == [b"WARC/1.1"] * 4
    assert [m.split(b"WARC-Type: ")[1].split(b"\r\n")[0] for m in members] == [b"warcinfo", b"response", b"response", b"response"]


def test_a_second_run_reports_exactly_the_three_new_documents(tmp_path: Path):
    docs = [doc(n) for n in range(25)]
    with FaultServer(synthetic_pages(docs)) as server:
        first = run(server, tmp_path)
        first_report = run_report(tmp_path, "s")
        docs[:0] = [doc(900), doc(901), doc(902)]      # three new uploads, listed first
        second = run(server, tmp_path)
    report = run_report(tmp_path, "s")
    assert first_report["new"] == [f"telegram-{n}" for n in range(25)] and first.report["new"] == 25
    assert report["new"] == ["telegram-900", "telegram-901", "telegram-902"] and second.report["new"] == 3
    assert report["changed"] == report["no_longer_listed"] == [] and second.report["changed"] == second.report["no_longer_listed"] == 0
    rows = dataset(tmp_path, "s")
    assert len(rows) == len({row["id"] for row in rows}) == 28
    assert report["run"] == 2


def test_changed_and_no_longer_listed_documents_are_reported_and_seen_dates_kept(tmp_path: Path):
    docs = [doc(n) for n in range(12)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs)) as server:
        first = run(server, tmp_path, clock)
        clock.sleep(7 * 24 * 3600)                      # a week later
        docs[3] = (docs[3][0], docs[3][1], "A corrected title")
        docs[7] = (docs[7][0], "January 1, 1901", docs[7][2])
        del docs[5]
        second = run(server, tmp_path, clock)
        report = run_report(tmp_path, "s")
        clock.sleep(7 * 24 * 3600)
        (tmp_path / ".harvester" / "s.reports" / "run-0007.json.tmp").write_text("{", encoding="utf-8")   # a killed run's
        third = run(server, tmp_path, clock)
    assert report["changed"] == [   # what changed, as it was and as it is now
        {"id": "telegram-3", "fields": ["title", "summary"],
         "was": {"title": "Telegram No. 3 from Pyongyang to Moscow", "summary": "Summary of Telegram No. 3 from Pyongyang to Moscow."},
         "now": {"title": "A corrected title", "summary": "Summary of A corrected title."}},
        {"id": "telegram-7", "fields": ["date"], "was": {"date": "March 8, 1956"}, "now": {"date": "January 1, 1901"}}]
    assert report["no_longer_listed"] == [   # in no file any more: its title and address as last seen
        {"id": "telegram-5", "title": "Telegram No. 5 from Pyongyang to Moscow", "url": "https://digitalarchive.wilsoncenter.org/document/telegram-5"}]
    assert (second.report["changed"], second.report["no_longer_listed"]) == (2, 1)
    assert (first.report["first_run"], second.report["first_run"]) == (True, False)
    records = dataset(tmp_path, "s")
    assert {r["first_seen"] for r in records} == {first.report["started_at"]}          # the first run's, in every run
    assert {r["last_seen"] for r in records} == {third.report["started_at"]} != {second.report["started_at"]}
    # the third run, with nothing changed, tells of itself; every run's report is kept whole, the week's lists too
    kept = tmp_path / ".harvester" / "s.reports"
    assert sorted(p.name for p in kept.iterdir()) == ["run-0001.json", "run-0002.json", "run-0003.json"]
    assert json.loads((kept / "run-0002.json").read_text(encoding="utf-8")) == report != run_report(tmp_path, "s")
    assert json.loads((kept / "run-0003.json").read_text(encoding="utf-8")) == run_report(tmp_path, "s")


def test_a_clock_put_back_between_runs_is_a_warning_and_never_puts_last_seen_before_first_seen(tmp_path: Path):
    """A virtual machine restored, an NTP correction: the second run begins, by the clock, a day before the first did."""
    docs = [doc(n) for n in range(3)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs)) as server:
        first = run(server, tmp_path, clock)
        clock.sleep(-24 * 3600)
        docs.append(doc(3))
        second = run(server, tmp_path, clock)
    began = (first.report["started_at"], second.report["started_at"])
    assert second.warnings == [f"run 2 began at {began[1]} by this machine's clock, before run 1 did ({began[0]}): the clock was "
                               "put back (check it); the documents' last_seen is kept no earlier than their first_seen, and a "
                               "re-parse of the archive would take run 1's copies of the pages for the later ones"]
    assert [(r["first_seen"], r["last_seen"]) for r in dataset(tmp_path, "s")] == [(began[0], began[0])] * 3 + [(began[1], began[1])]
    with State(tmp_path, "s") as state:
        assert state.db.execute("SELECT count(*) FROM documents WHERE last_seen < first_seen").fetchone()[0] == 0


def test_a_runs_report_is_kept_on_a_file_system_with_no_hard_links_and_a_failure_to_keep_it_is_a_warning(
        tmp_path: Path, monkeypatch):
    """A report that cannot be kept (a disk full at that moment) is a warning of the run, which its report says too: it
    never says "ok" of a run that exits 1."""
    import shutil

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", no_links)     # as on a FAT or exFAT drive
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path / "a")
        assert json.loads((tmp_path / "a" / ".harvester" / "s.reports" / "run-0001.json").read_text(encoding="utf-8")) \
            == run_report(tmp_path / "a", "s")
        monkeypatch.setattr(shutil, "copyfile", full)   # the disk full as the run ends
        outcome = run(server, tmp_path / "b")
        again = run(server, tmp_path / "a")
    assert outcome.documents == 3 and run_report(tmp_path / "b", "s")["run"] == 1          # the run's files are written
    # a warning of the run (exit 1), with what to do: running again would replace the one copy left
    assert outcome.warnings == [f"{tmp_path / 'b' / '.harvester' / 's.reports' / 'run-0001.json'}: cannot keep this run's report "
                                f"there (No space left on device); it is in {tmp_path / 'b' / 's.report.json'} until the next "
                                f"run: copy it into {tmp_path / 'b' / '.harvester' / 's.reports'} before then"]
    for out, done in ((tmp_path / "b", outcome), (tmp_path / "a", again)):   # a first run, and a later one
        report = run_report(out, "s")
        assert len(done.warnings) == 1 and (report["status"], report["warnings"], done.report["status"]) == (
            "warnings", done.warnings, "warnings")
    assert [p.name for p in (tmp_path / "b" / ".harvester" / "s.reports").iterdir()] == []   # (no part-made copy left)
    assert [p.name for p in (tmp_path / "a" / ".harvester" / "s.reports").iterdir()] == ["run-0001.json"]


@pytest.mark.parametrize("in_place", ["file", "dangling link"])
def test_a_file_where_the_reports_are_kept_is_a_warning_saying_what_to_move(tmp_path: Path, in_place: str):
    """The week's harvest is written all the same (the copy of its report is what cannot be kept); the warning names
    the cause and the one copy left."""
    (tmp_path / ".harvester").mkdir()
    reports = tmp_path / ".harvester" / "s.reports"
    if in_place == "file":
        reports.write_text("a file where the folder goes", encoding="utf-8")
    else:
        reports.symlink_to(tmp_path / "gone")
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        outcome = run(server, tmp_path)
    assert outcome.documents == 3 and len(dataset(tmp_path, "s")) == 3
    assert outcome.warnings == [f"{reports}: not a folder, and every run's report is kept there; this run's is in "
                                f"{tmp_path / 's.report.json'} until the next run: move s.reports away and copy it there "
                                "before then"]
    assert (run_report(tmp_path, "s")["status"], run_report(tmp_path, "s")["warnings"]) == ("warnings", outcome.warnings)


def test_a_folder_where_the_runs_kept_report_goes_is_a_warning_its_report_says_too(tmp_path: Path):
    """The kept copy is renamed into place after the switch to the run's files, when the report can no longer say
    what went wrong: a folder in its place is found before then (the report said "ok" of a run that exited 1). The
    warning says to move the folder away: it said to copy the report into the folder the one in the way is in."""
    kept = tmp_path / ".harvester" / "s.reports" / "run-0002.json"
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        kept.mkdir()
        outcome = run(server, tmp_path)
    assert outcome.warnings == [f"{kept}: a folder where this run's report is kept; it is in {tmp_path / 's.report.json'} "
                                "until the next run: move that folder away and copy the report there before then"]
    assert (run_report(tmp_path, "s")["status"], run_report(tmp_path, "s")["warnings"]) == ("warnings", outcome.warnings)
    assert outcome.report["status"] == "warnings" and kept.is_dir()


def test_a_link_to_a_folder_where_the_runs_kept_report_goes_is_replaced(tmp_path: Path):
    """The rename replaces a link, wherever it points: a link to a folder is no folder in the way, and no warning."""
    kept = tmp_path / ".harvester" / "s.reports" / "run-0002.json"
    (tmp_path / "elsewhere").mkdir()
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        kept.symlink_to(tmp_path / "elsewhere")
        outcome = run(server, tmp_path)
    assert outcome.warnings == [] and outcome.report["status"] == "ok"
    assert not kept.is_symlink() and json.loads(kept.read_text(encoding="utf-8")) == run_report(tmp_path, "s")
    assert (tmp_path / "elsewhere").is_dir()


@pytest.mark.parametrize("run_id, new, gone, said", [
    (1, 0, 0, "run 1: 0 documents"),            # a search with no results: nothing is "all new"
    (2, 0, 0, "run 2: 0 documents"),            # and again next week
    (2, 0, 3, "run 2: 0 documents; since the last run 0 new, 0 changed, 3 no longer listed"),
    (1, 4, 0, "run 1: 4 documents, all new"),
])
def test_the_one_line_summary_of_a_run(run_id: int, new: int, gone: int, said: str):
    report = {"run": run_id, "documents": new, "new": new, "listed_again": 0, "changed": 0, "no_longer_listed": gone}
    assert summary_line(report) == said


def test_a_document_back_in_the_search_is_reported_as_listed_again_and_the_counts_add_up(tmp_path: Path):
    docs = [doc(n) for n in range(12)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path)
        gone = docs.pop(5)
        second = run(server, tmp_path)
        docs.insert(5, (gone[0], gone[1], "Its title changed while it was away"))
        third = run(server, tmp_path)
        third_report = run_report(tmp_path, "s")
        fourth = run(server, tmp_path)
    assert second.report["no_longer_listed"] == 1 and second.report["documents"] == 11
    assert third_report["listed_again"] == ["telegram-5"] and third_report["new"] == []
    assert third_report["changed"] == [   # and what changed while it was away, against the copy last listed
        {"id": "telegram-5", "fields": ["title", "summary"],
         "was": {"title": "Telegram No. 5 from Pyongyang to Moscow", "summary": "Summary of Telegram No. 5 from Pyongyang to Moscow."},
         "now": {"title": "Its title changed while it was away", "summary": "Summary of Its title changed while it was away."}}]
    assert third.report["documents"] == 12 == second.report["documents"] + third.report["new"] + third.report["listed_again"] \
        - third.report["no_longer_listed"]
    assert (fourth.report["listed_again"], fourth.report["changed"], fourth.report["no_longer_listed"]) == (0, 0, 0)
    assert summary_line(third.report) == "run 3: 12 documents; since the last run 0 new, 1 listed again, 1 changed, 0 no longer listed"


def test_a_run_short_of_the_total_with_allow_incomplete_never_reports_documents_as_gone(tmp_path: Path):
    docs = [doc(n) for n in range(12)]
    hidden = {"on": False}

    def site(path: str) -> bytes | None:    # page 0 still says "1 - 10 of 12", but one of its cards is not there
        page = synthetic_pages(docs)(path)
        return re.sub(rb"<tr>.*?</tr>", b"", page, count=1) if page and hidden["on"] and "page=" not in path else page

    with FaultServer(site) as server:
        run(server, tmp_path)
        hidden["on"] = True
        short = run(server, tmp_path, allow_incomplete=True)
    assert short.report["complete"] is False and short.report["documents"] == 11
    assert short.report["no_longer_listed"] == 0 and run_report(tmp_path, "s")["no_longer_listed"] == []
    assert any("only 11 distinct" in w for w in short.warnings)


@pytest.mark.parametrize("allowed", [False, True])
def test_a_page_with_fewer_cards_than_its_range_says_is_a_missing_document_not_a_layout_change(tmp_path: Path, allowed: bool):
    docs = [doc(n) for n in range(12)]

    def one_card_hidden(path: str) -> bytes | None:   # page 1 still says "11 - 12 of 12", but shows one card
        page = synthetic_pages(docs)(path)
        return re.sub(rb"<tr>.*?</tr>", b"", page, count=1) if page and "page=1" in path else page

    with FaultServer(one_card_hidden) as server:
        if not allowed:
            with pytest.raises(IncompleteError, match="only 11 distinct"):
                run(server, tmp_path)
            return
        outcome = run(server, tmp_path, allow_incomplete=True)
    assert outcome.documents == 11 and any("says results 11 - 12 but holds 1 cards" in w for w in outcome.warnings)


def test_a_site_that_lists_a_document_twice_is_seen_whole_and_its_removals_are_reported(tmp_path: Path):
    docs = [doc(n) for n in range(11)] + [doc(10)]     # 12 places on the pages, 11 documents: the count is one short
    with FaultServer(synthetic_pages(docs)) as server:
        first = run(server, tmp_path, allow_incomplete=True)
        del docs[3]
        second = run(server, tmp_path, allow_incomplete=True)
    assert first.report["complete"] is True and first.documents == 11 and any("only 11 distinct" in w for w in first.warnings)
    assert second.report["complete"] is True and [gone["id"] for gone in run_report(tmp_path, "s")["no_longer_listed"]] == ["telegram-3"]


def test_a_page_shown_again_in_anothers_place_makes_a_run_incomplete_and_reports_nothing_gone(tmp_path: Path):
    """Page 1 answered with page 0's cards: the ten documents of page 1 were never seen, not removed (unlike a
    document the site lists twice, above: every page there brings documents of its own)."""
    import re as regex

    docs = [doc(n) for n in range(25)]
    whole = synthetic_pages(docs)
    repeated = lambda path: whole(regex.sub(r"&page=1(?=&|$)", "", path))   # noqa: E731
    with FaultServer(whole) as server:
        run(server, tmp_path)
    with FaultServer(repeated) as server:
        outcome = run(server, tmp_path, allow_incomplete=True)
    assert outcome.documents == 15 and any("only 15 distinct" in w for w in outcome.warnings)
    assert outcome.report["complete"] is False and run_report(tmp_path, "s")["no_longer_listed"] == []


@pytest.mark.parametrize("always", [False, True])
def test_a_first_page_answered_once_with_the_seconds_cards_is_walked_again_into_the_sites_order(tmp_path: Path, always: bool):
    """A cache gave page 0 the cards of page 1: their ten documents were first seen in page 0's place, and page 0's own
    were missing. Once, the walk again finds them all, and the dataset lists them as the site does; every time, the run
    says that ten are missing and is partial."""
    docs = [doc(n) for n in range(25)]
    whole, asked = synthetic_pages(docs), []

    def pages(path: str) -> bytes | None:
        asked.append(path)
        first = path == "/search?search_api_fulltext=q"
        return whole(path + "&page=1" if first and (always or asked.count(path) == 1) else path)

    with FaultServer(pages) as server:
        outcome = run(server, tmp_path, allow_incomplete=True)
    listed = [record["id"] for record in dataset(tmp_path, "s")]
    if always:
        assert listed == [f"telegram-{n}" for n in range(10, 25)] and outcome.report["complete"] is False
        assert outcome.warnings == ["the site lists 25 documents for \u201cq\u201d but only 15 distinct ones could be collected"]
    else:
        assert listed == [f"telegram-{n}" for n in range(25)] and outcome.report["complete"] is True and outcome.warnings == []


def test_a_walk_again_that_misses_documents_an_earlier_walk_saw_leaves_the_listing_in_its_order(tmp_path: Path):
    """The first walk showed page 1's cards in page 2's place; the walk again, page 1's in page 0's: page 0's documents
    only the first walk saw. That walk tells not where they go: the listing keeps the order the first walk saw, not
    page 0's documents last."""
    docs = [doc(n) for n in range(25)]
    whole, asked = synthetic_pages(docs), []

    def pages(path: str) -> bytes | None:
        asked.append(path)
        shown = (path.endswith("&page=2") and asked.count(path) == 1) or (path == "/search?search_api_fulltext=q"
                                                                           and asked.count(path) == 2)
        return whole("/search?search_api_fulltext=q&page=1" if shown else path)

    with FaultServer(pages) as server:
        outcome = run(server, tmp_path)
    assert [record["id"] for record in dataset(tmp_path, "s")] == [f"telegram-{n}" for n in range(25)]
    assert len(asked) == 6 and outcome.report["complete"] is True


def test_a_document_removed_during_the_run_follows_the_listing_the_walk_again_saw(tmp_path: Path):
    """Removed after page 0 was read, telegram-3 moved telegram-10 onto page 0, unseen: the walk again sees it in its
    place, and the document no longer listed follows."""
    docs = [doc(n) for n in range(25)]
    whole, asked = synthetic_pages(docs), []

    def pages(path: str) -> bytes | None:
        asked.append(path)
        if len(asked) == 2:
            del docs[3]
        return whole(path)

    with FaultServer(pages) as server:
        outcome = run(server, tmp_path)
    assert [record["id"] for record in dataset(tmp_path, "s")] == [f"telegram-{n}" for n in (*range(3), *range(4, 25), 3)]
    assert len(asked) == 6 and outcome.report["complete"] is True


def test_a_listing_shifted_by_a_full_page_of_uploads_and_walked_again_is_whole_though_a_document_is_listed_twice(tmp_path: Path):
    """Ten uploads after page 0 show page 0's cards again as page 1 (a page shown in another's place), but the walk
    again sees the listing as it stands, with no page repeated: the one missing is the document listed twice."""
    listing = [doc(n) for n in range(100, 119)]
    listing.insert(15, doc(103))
    asked: list[str] = []

    def pages(path: str) -> bytes | None:
        if not path.startswith("/search"):
            return None
        asked.append(path)
        if len(asked) == 2:
            listing[:0] = [doc(n) for n in range(10)]
        return synthetic_pages(listing)(path)

    with FaultServer(pages) as server:
        outcome = run(server, tmp_path, allow_incomplete=True)
    assert (outcome.documents, outcome.total, outcome.report["complete"]) == (29, 30, True)


def test_a_run_limited_by_max_pages_never_reports_documents_as_gone(tmp_path: Path):
    docs = [doc(n) for n in range(30)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path)
        limited = run(server, tmp_path, max_pages=1)
        limited_report = run_report(tmp_path, "s")
        whole = run(server, tmp_path)                  # the documents it did not see were listed all along
    assert limited.report["complete"] is False and limited.report["no_longer_listed"] == 0
    assert limited_report["no_longer_listed"] == []
    assert (whole.report["new"], whole.report["listed_again"], whole.report["no_longer_listed"]) == (0, 0, 0)


@pytest.mark.slow
def test_a_harvest_killed_at_random_points_ends_with_the_records_of_a_clean_run(tmp_path: Path, monkeypatch, capsys):
    """Five times: SIGKILL a 30-page harvest at a random point (between two pages, or while it writes its files),
    start it again (the same command, in this process: its delay does not wait), and compare with one clean run."""
    from tests.test_cli import run_cli

    docs = [doc(n) for n in range(300)]
    rng = random.Random(20261126)
    with FaultServer(synthetic_pages(docs)) as server:
        clean = run(server, tmp_path / "clean")
        expected = json.loads((tmp_path / "clean" / "s.json").read_text(encoding="utf-8"))
        killed_runs = 0
        for trial in range(5):
            out = tmp_path / f"killed-{trial}"
            command = [sys.executable, "-m", "harvester", "-q", "harvest", "--query", "q", "--base-url", server.origin,
                       "--out", str(out), "--name", "s", "--delay", "0.01"]
            server.requests.clear()
            kill_after = rng.randint(1, 31)              # the n-th page arrived; 31: after the last one
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while len(server.search_requests()) < min(kill_after, 30) and time.monotonic() < deadline:
                time.sleep(0.002)
            if kill_after == 31:
                time.sleep(rng.uniform(0, 0.4))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            cut_short = process.returncode == -signal.SIGKILL   # else the run had finished: the next is a new run
            killed_runs += cut_short
            code, _, err = run_cli(monkeypatch, capsys, *command[3:])
            assert code == 0, err
            killed = json.loads((out / "s.json").read_text(encoding="utf-8"))
            assert timeless(killed) == timeless(expected), f"trial {trial}, killed after page {kill_after}"
            if cut_short:   # nothing fetched twice, but the one page that may have been in flight when the process died
                assert len(server.search_requests()) <= 31, f"trial {trial}"
    assert clean.documents == 300
    assert killed_runs >= 4, "the kills must mostly land while the harvest runs, or this tests little"


def test_a_resumed_run_fetches_only_what_it_does_not_have(tmp_path: Path):
    docs = [doc(n) for n in range(50)]
    with FaultServer(synthetic_pages(docs), lambda n, p: Fault(500) if "page=3" in p else None) as server:
        with pytest.raises(Exception, match="HTTP 500"):
            run(server, tmp_path, attempts=2)
        assert [r.split("page=")[-1] for r in server.search_requests()] == ["/search?search_api_fulltext=q", "1", "2", "3", "3"]
        server.requests.clear()
        server.script = lambda n, p: None
        resumed = run(server, tmp_path)
    assert resumed.report["resumed"] is True and resumed.documents == len(dataset(tmp_path, "s")) == 50
    assert [r.split("page=")[-1] for r in server.search_requests()] == ["3", "4"]
    assert sorted(p.name for p in (tmp_path / "archive").iterdir()) == ["s-run0001-part1.warc.gz", "s-run0001-part2.warc.gz"]


def test_a_run_stopped_under_a_version_that_worded_its_search_otherwise_is_resumed(tmp_path: Path):
    """The run key's "said" is the search in words, for messages: a new wording of it is still the same harvest."""
    import sqlite3

    docs = [doc(n) for n in range(50)]
    with FaultServer(synthetic_pages(docs), lambda n, p: Fault(500) if "page=3" in p else None) as server:
        with pytest.raises(Exception, match="HTTP 500"):
            run(server, tmp_path, attempts=2)
        with sqlite3.connect(tmp_path / ".harvester" / "s.sqlite") as db:   # the key as an earlier version wrote it
            [(key,)] = db.execute("SELECT key FROM runs").fetchall()
            db.execute("UPDATE runs SET key = ?", (json.dumps({**json.loads(key), "said": '"q"'}, sort_keys=True),))
        db.close()
        server.requests.clear()
        server.script = lambda n, p: None
        resumed = run(server, tmp_path)
    assert resumed.report["resumed"] is True and resumed.report["run"] == 1 and resumed.documents == 50
    assert [r.split("page=")[-1] for r in server.search_requests()] == ["3", "4"]


@pytest.mark.parametrize("failure", ["layout", "challenge", "incomplete"])
def test_a_run_that_failed_on_what_the_site_gave_never_meets_that_page_again(tmp_path: Path, failure: str):
    """Page 2 is a maintenance page, a bot check served as a page, or leaves a document out; then it is mended. The
    page a run could not take is fetched again when the run resumes; a run that came short starts afresh."""
    docs = [doc(n) for n in range(30)]
    broken = {"on": True}
    bad = {"layout": b"<!DOCTYPE html><html><body><p>Down for maintenance</p></body></html>",
           "challenge": (FIXTURES / "wilson" / "challenge" / "page-0.html").read_bytes()}

    def site(path: str) -> bytes | None:
        page = synthetic_pages(docs)(path)
        if page and "page=2" in path and broken["on"]:
            return bad[failure] if failure in bad else re.sub(rb"<tr>.*?</tr>", b"", page, count=1)
        return page

    with FaultServer(site) as server:
        with pytest.raises({"layout": LayoutError, "challenge": BlockedError, "incomplete": IncompleteError}[failure]):
            run(server, tmp_path)
        broken["on"] = False
        server.requests.clear()
        again = run(server, tmp_path)
    assert again.documents == 30 == len(dataset(tmp_path, "s"))
    fetched = [r.split("page=")[-1] for r in server.search_requests()]
    with State(tmp_path, "s") as state:
        runs = state.db.execute("SELECT id, status FROM runs ORDER BY id").fetchall()
    if failure == "incomplete":
        assert again.report["resumed"] is False and fetched == ["/search?search_api_fulltext=q", "1", "2"]
        assert runs == [(1, "incomplete"), (2, "ok")]
    else:
        assert again.report["resumed"] is True and fetched == ["2"] and runs == [(1, "ok")]


@pytest.mark.parametrize("workers", [0, 2])
def test_a_reparse_of_the_archive_goes_past_the_page_a_failed_run_met(tmp_path: Path, workers: int):
    docs = [doc(n) for n in range(30)]
    down = {"on": True}

    def site(path: str) -> bytes | None:
        page = synthetic_pages(docs)(path)
        if page and "page=2" in path and down["on"]:
            return b"<!DOCTYPE html><html><body><p>Down for maintenance</p></body></html>"
        return page

    with FaultServer(site) as server:
        with pytest.raises(LayoutError):
            run(server, tmp_path)
        down["on"] = False
        run(server, tmp_path)
    again = reparse([tmp_path / "archive"], WILSON, tmp_path / "re", "s", ["json"], workers=workers)
    assert again.documents == 30 and [r["id"] for r in dataset(tmp_path / "re", "s")] == [r["id"] for r in dataset(tmp_path, "s")]
    [skipped] = [w for w in again.warnings if w.endswith("; skipped")]
    assert "s-run0001-part1.warc.gz" in skipped and "not a search results page" in skipped


def test_a_run_stopped_while_writing_its_files_fetches_no_page_again(tmp_path: Path):
    from harvester.errors import StorageError

    docs = [doc(n) for n in range(30)]
    (tmp_path / "s.csv").mkdir()                     # a folder where the dataset's file goes: the writing fails
    (tmp_path / "s.csv" / "in-the-way").write_text("x")
    with FaultServer(synthetic_pages(docs)) as server:
        with pytest.raises(StorageError):
            run(server, tmp_path)
        (tmp_path / "s.csv" / "in-the-way").unlink()
        (tmp_path / "s.csv").rmdir()
        server.requests.clear()
        again = run(server, tmp_path)
    assert again.report["resumed"] is True and server.search_requests() == [] and again.documents == 30


@pytest.mark.parametrize("hours, why", [(25, "it was begun more than 24 hours ago"),
                                         (-14 * 24, "it was begun later than now: the clock was put back since")])
def test_an_interrupted_run_older_than_a_day_is_started_afresh(tmp_path: Path, caplog, hours: int, why: str):
    """Nor one begun "later than now" (the clock put back since: it would be resumed for ever, whatever its age)."""
    caplog.set_level("INFO", logger="harvester")
    docs = [doc(n) for n in range(20)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs), lambda n, p: Fault(500) if "page=1" in p else None) as server:
        with pytest.raises(Exception, match="HTTP 500"):
            run(server, tmp_path, clock, attempts=1)
        clock.sleep(hours * 3600)
        server.script = lambda n, p: None
        again = run(server, tmp_path, clock)
    assert again.report["resumed"] is False and again.report["run"] == 2
    put_back = [w for w in again.warnings if w.startswith("run 2 began at ") and "the clock was put back" in w]
    assert len(put_back) == (hours < 0)   # a warning too, as is any run begun before the one before it (its pages are archived)
    with sqlite3.connect(tmp_path / ".harvester" / "s.sqlite") as db:
        assert db.execute("SELECT id, status FROM runs ORDER BY id").fetchall() == [(1, "abandoned"), (2, "warnings" if put_back else "ok")]
    # the run that is not resumed is said, with why (else the run numbers skip one, unsaid)
    [said] = [r.getMessage() for r in caplog.records if "is not resumed" in r.getMessage()]
    assert said.startswith("run 1, begun ") and said.endswith(f"did not finish and is not resumed ({why}): this run starts afresh")


def test_a_run_killed_before_any_page_is_started_again_as_a_run_of_now(tmp_path: Path, caplog):
    """SIGKILL before the first page came: the next run is run 1 again, and nothing of the killed try is in it. It was
    said "resumed", begun hours ago, and its documents first seen then."""
    caplog.set_level("INFO", logger="harvester")
    clock = FakeClock()
    with State(tmp_path, "s") as state:   # what the killed try left: its run begun, no page logged
        state.start_run(run_key(WILSON, Search("q"), Settings()), clock.now(), timedelta(hours=24))
    clock.sleep(3 * 3600)
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        again = run(server, tmp_path, clock)
    started = clock.now().isoformat(timespec="seconds")
    assert (again.report["run"], again.report["resumed"], again.report["started_at"]) == (1, False, started)
    assert {record["first_seen"] for record in dataset(tmp_path, "s")} == {started}
    assert any(r.getMessage() == "starting run 1 again: it stopped before any page was fetched" for r in caplog.records)


def test_an_interrupted_run_is_not_resumed_by_a_run_with_another_max_pages_and_says_so(tmp_path: Path, caplog):
    caplog.set_level("INFO", logger="harvester")
    clock = FakeClock()
    with FaultServer(synthetic_pages([doc(n) for n in range(20)]), lambda n, p: Fault(500) if "page=1" in p else None) as server:
        with pytest.raises(Exception, match="HTTP 500"):
            run(server, tmp_path, clock, attempts=1)
        again = run(server, tmp_path, clock, max_pages=1)
    assert again.report["resumed"] is False and again.report["run"] == 2
    assert any(r.getMessage().endswith("is not resumed (it was begun with another --max-pages): this run starts afresh")
               for r in caplog.records)


def test_with_a_fifth_of_responses_failing_the_harvest_still_completes_exactly(tmp_path: Path):
    docs = [doc(n) for n in range(300)]
    rng = random.Random(5)
    faults = [Fault(503), Fault(500), Fault(429, {"Retry-After": "2"}), Fault(drop=True), Fault(truncate=True)]
    script = lambda n, p: rng.choice(faults) if rng.random() < 0.2 else None  # noqa: E731
    with FaultServer(synthetic_pages(docs), script) as server:
        outcome = run(server, tmp_path, attempts=8)
    assert [r["id"] for r in dataset(tmp_path, "s")] == [d[0] for d in docs]
    assert outcome.report["retries"] > 0 and len(server.requests) < 60


@pytest.mark.parametrize(
    "fault",
    [Fault(429, {"Retry-After": "3"}), Fault(500), Fault(503), Fault(drop=True), Fault(stall=1.0), Fault(truncate=True)],
    ids=["429-retry-after", "500", "503", "connection-reset", "timeout", "truncated-body"],
)
def test_each_transient_fault_on_a_page_is_retried_and_the_dataset_is_exact(tmp_path: Path, fault: Fault):
    docs = [doc(n) for n in range(25)]
    once = lambda n, p: fault if "page=1" in p and n == 3 else None  # noqa: E731
    with FaultServer(synthetic_pages(docs), once) as server:
        outcome = run(server, tmp_path, timeout=0.5)
    assert [r["id"] for r in dataset(tmp_path, "s")] == [d[0] for d in docs]
    assert outcome.report["retries"] == 1


def test_a_challenge_stops_the_run_and_leaves_the_previous_dataset_untouched(tmp_path: Path):
    challenge = (FIXTURES / "wilson" / "challenge" / "page-0.html").read_bytes()
    docs = [doc(n) for n in range(25)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path)
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        server.script = lambda n, p: Fault(403, {"Content-Type": "text/html"}, challenge) if "page=1" in p else None
        with pytest.raises(BlockedError, match="bot-protection challenge"):
            run(server, tmp_path)
        assert len([r for r in server.search_requests() if "page=1" in r]) == 2     # once per run: no hammering
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_results_shifting_by_one_between_two_page_fetches_give_an_exact_dataset(tmp_path: Path):
    docs = [doc(n) for n in range(25)]

    def upload_after_first_page(n: int, path: str) -> None:
        if path.startswith("/search") and "page" not in path and not any(d[0] == "telegram-999" for d in docs):
            docs.insert(0, doc(999))                     # lands right after page 0 is served

    with FaultServer(synthetic_pages(docs), upload_after_first_page) as server:
        run(server, tmp_path)
    ids = [r["id"] for r in dataset(tmp_path, "s")]
    assert sorted(ids) == sorted(d[0] for d in docs) and len(ids) == len(set(ids)) == 26


def test_a_document_listed_twice_keeps_its_first_place_and_its_last_card(tmp_path: Path):
    slug, date, _ = doc(3)
    second_page = [(slug, date, "Telegram No. 3, corrected"), doc(10), (slug, date, "Telegram No. 3, corrected again")]
    docs = [doc(n) for n in range(10)] + second_page     # telegram-3 on the first page, and twice on the second
    with FaultServer(synthetic_pages(docs)) as server:
        outcome = run(server, tmp_path, allow_incomplete=True)
    records = dataset(tmp_path, "s")
    assert [r["id"] for r in records] == [f"telegram-{n}" for n in range(11)]
    assert records[3]["title"] == "Telegram No. 3, corrected again"
    assert any("only 11 distinct" in w for w in outcome.warnings)


def test_a_second_run_on_the_same_dataset_refuses_while_one_runs(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([doc(1)])) as server, State(tmp_path, "s"):
        with pytest.raises(BusyError, match="another harvester run is working on s"):
            run(server, tmp_path)
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "q", "--base-url", server.origin, "--out",
                               str(tmp_path), "--name", "s", "--delay", "0")
    assert code == 8 and err.count("harvester: error:") == 1 and "another harvester run is working on s" in err


def test_the_harvests_file_exits_with_the_code_of_its_worst_failure_whatever_their_order(tmp_path: Path, monkeypatch, capsys):
    """A page no parser knows (5: the site changed) is worse than a bot check (4: wait, or pass it), which stops the
    harvests after it (the site refuses this machine)."""
    from tests.test_cli import run_cli

    challenge = (FIXTURES / "wilson" / "challenge" / "page-0.html").read_bytes()

    def site(path: str) -> bytes | None:
        return b"<html><body><p>Under maintenance</p></body></html>" if "changed" in path else synthetic_pages([doc(1)])(path)

    script = lambda n, path: Fault(403, {"Content-Type": "text/html"}, challenge) if "checked" in path else None  # noqa: E731
    with FaultServer(site, script) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\n\n'
            + "".join(f'[[harvest]]\nquery = "{query}"\nname = "{query}"\n\n' for query in ("changed", "checked", "fine")),
            encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
    assert code == 5 and out.splitlines()[-2:] == ["3 harvests: 0 done, 2 failed, 1 not run",
                                                   f"to run those again: harvester run {tmp_path / 'harvests.toml'} changed checked fine"], err


def test_the_harvests_file_runs_each_harvest_and_reports_the_worst_outcome(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    with FaultServer(folder_pages(SEED)) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\n\n'
            f'[[harvest]]\nquery = "{QUERY}"\nname = "kwp"\n\n'
            f'[[harvest]]\nquery = "missing search"\nname = "missing"\n\n'
            f'[[harvest]]\nquery = "{QUERY}"\nname = "kwp-json"\nformats = ["json"]\n', encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
    assert code == 3                                        # the second search is not on the server: HTTP 404
    assert "harvest 2:" in err and "HTTP 404" in err
    assert "harvested 19 of 19 documents" in out and (tmp_path / "data" / "kwp.csv").is_file()
    assert out.splitlines()[-5:-1] == [f'harvest 1, kwp (“{QUERY}”): done', 'harvest 2, missing (“missing search”): failed (exit 3)',
                                     f'harvest 3, kwp-json (“{QUERY}”): done',   # one search, two datasets: told apart
                                     "3 harvests: 2 done, 1 failed"]
    assert out.splitlines()[-1] == f"to run those again: harvester run {tmp_path / 'harvests.toml'} missing"


def test_the_harvests_named_after_the_file_run_alone_and_an_unknown_name_is_said(tmp_path: Path, monkeypatch, capsys):
    """After a run where one harvest failed, the summary's command runs that one again, not the ones that finished
    (which would ask the site for all of it again, and leave their reports nothing to tell)."""
    from tests.test_cli import run_cli

    with FaultServer(folder_pages(SEED)) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n'
            '[[harvest]]\nname = "kwp"\n\n[[harvest]]\nname = "kwp-json"\nformats = ["json"]\n', encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), "kwp-json")
        asked = len(server.requests)
        refused = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), "kwp-jsn")
    assert code == 0 and out.splitlines()[-2:] == [f"harvest 2, kwp-json (“{QUERY}”): done", "1 harvest: 1 done, 0 failed"]
    assert (tmp_path / "data" / "kwp-json.json").is_file() and not (tmp_path / "data" / "kwp.csv").exists()
    assert refused[0] == 2 and f"{tmp_path / 'harvests.toml'}: no harvest of dataset kwp-jsn; its harvests: kwp, kwp-json" in refused[2]
    assert len(server.requests) == asked


def test_harvests_of_one_dataset_name_in_two_folders_are_given_again_by_number(tmp_path: Path, monkeypatch, capsys):
    """The command that runs the failed ones again must not run one that finished, of the same name in another folder."""
    from tests.test_cli import run_cli

    with FaultServer(folder_pages(SEED)) as server:
        (tmp_path / "harvests.toml").write_text(
            f'delay = 0\nbase_url = "{server.origin}"\nname = "kwp"\n\n[[harvest]]\nquery = "missing"\nout = "a"\n\n'
            f'[[harvest]]\nquery = "{QUERY}"\nout = "b"\n', encoding="utf-8")
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
        assert code == 3 and out.splitlines()[-1] == f"to run those again: harvester run {tmp_path / 'harvests.toml'} 1"
        asked = len(server.requests)
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), "2")
    assert code == 0 and out.splitlines()[-2:] == [f"harvest 2, kwp (“{QUERY}”): done", "1 harvest: 1 done, 0 failed"]
    assert server.requests[asked:] and all("missing" not in request for request in server.requests[asked:])


def test_a_number_after_the_file_is_a_harvests_number_even_where_a_dataset_is_named_so(tmp_path: Path, monkeypatch, capsys):
    """A dataset named "2" is given again by its own number: "2" runs harvest 2 alone, not it too."""
    from tests.test_cli import run_cli

    with FaultServer(folder_pages(SEED)) as server:
        (tmp_path / "harvests.toml").write_text(
            f'delay = 0\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n[[harvest]]\nname = "kwp"\nout = "a"\n\n'
            '[[harvest]]\nname = "kwp"\nout = "b"\n\n[[harvest]]\nname = "2"\nout = "c"\n', encoding="utf-8")
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), "2")
        assert code == 0 and out.splitlines()[-2:] == [f"harvest 2, kwp (“{QUERY}”): done", "1 harvest: 1 done, 0 failed"]
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), "3")
        assert code == 0 and out.splitlines()[-2:] == [f"harvest 3, 2 (“{QUERY}”): done", "1 harvest: 1 done, 0 failed"]
        refused = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), "4")
        (tmp_path / "harvests.toml").write_text(
            f'delay = 0\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n[[harvest]]\nname = "1956"\nout = "d"\n', encoding="utf-8")
        by_name = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), "1956")   # no harvest's number
    assert refused[0] == 2 and f"{tmp_path / 'harvests.toml'}: no harvest 4 (it has 3), nor of dataset 4; its harvests: 1, 2, 3" in refused[2]
    assert not (tmp_path / "a").exists() and (tmp_path / "b" / "kwp.csv").is_file() and (tmp_path / "c" / "2.csv").is_file()
    assert by_name[0] == 0 and by_name[1].splitlines()[-2:] == [f"harvest 1, 1956 (“{QUERY}”): done", "1 harvest: 1 done, 0 failed"]


def test_no_delay_follows_a_harvest_that_could_not_start(tmp_path: Path, monkeypatch, capsys):
    """Expired cookies, a week on: each harvest fails at once, having asked the site nothing; none waits the delay."""
    from tests.test_cli import run_cli

    (tmp_path / "harvests.toml").write_text(
        'delay = 600\nbase_url = "http://127.0.0.1:9"\ncookies = "gone.txt"\nuser_agent = "Mozilla/5.0"\n'
        + "".join(f'[[harvest]]\nquery = "{query}"\n' for query in ("a", "b", "c")), encoding="utf-8")
    sleeps: list[float] = []
    code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), sleep=sleeps.append)
    assert code == 2 and out.splitlines()[-2] == "3 harvests: 0 done, 3 failed" and sleeps == []


@pytest.mark.parametrize("replaced", [False, True], ids=["as-it-was", "replaced-by-rename"])
def test_a_second_run_of_a_harvests_file_while_one_goes_stops_at_once(tmp_path: Path, monkeypatch, capsys, replaced: bool):
    """cron's next run while the last still goes: it would go on to the harvests the first has not reached yet, and ask
    the site alongside it; so too when the file was replaced by another meanwhile (an editor's save, `mv new old`). The
    lock leaves no file behind."""
    from harvester.cli import _only_run
    from tests.test_cli import run_cli

    with FaultServer(folder_pages(SEED)) as server:
        harvests = tmp_path / "harvests.toml"
        text = f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\n[[harvest]]\nquery = "{QUERY}"\n'
        harvests.write_text(text, encoding="utf-8")
        with _only_run(harvests):   # as the first run holds it
            if replaced:
                (tmp_path / "new.toml").write_text(text + "# edited\n", encoding="utf-8")
                (tmp_path / "new.toml").rename(harvests)
            code, _, err = run_cli(monkeypatch, capsys, "run", str(harvests))
        assert server.requests == []
        assert code == 8 and err.strip() == f"harvester: error: {harvests}: another harvester run of this file is going; wait for it to finish"
        assert run_cli(monkeypatch, capsys, "run", str(harvests))[0] == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "harvests.toml"]


def test_a_lock_file_of_another_user_is_locked_as_it_is(tmp_path: Path, monkeypatch, capsys):
    """.harvests.toml.lock left by another user's run (root's, say), which this one may not write: the run locked the
    harvests file instead, and so went alongside a run that holds that lock file. A lock needs no write; one that is
    not ours to remove stays."""
    import errno
    import fcntl

    from tests.test_cli import run_cli

    harvests, lock = tmp_path / "harvests.toml", tmp_path / ".harvests.toml.lock"
    harvests.write_text('base_url = "http://127.0.0.1:9"\n[[harvest]]\nquery = "q"\n', encoding="utf-8")
    lock.write_text("", encoding="utf-8")
    opened, unlink = Path.open, Path.unlink

    def not_ours(path: Path, mode: str = "r", *args, **kwargs):
        if path == lock and mode != "rb":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opened(path, mode, *args, **kwargs)

    def in_a_sticky_folder(path: Path, *args, **kwargs) -> None:
        if path == lock:
            raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", not_ours)
    monkeypatch.setattr(Path, "unlink", in_a_sticky_folder)
    with open(lock, "rb") as other:   # the other user's run, going
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        code, _, err = run_cli(monkeypatch, capsys, "run", str(harvests))
    assert code == 8 and err.strip() == f"harvester: error: {harvests}: another harvester run of this file is going; wait for it to finish"
    code, out, err = run_cli(monkeypatch, capsys, "run", str(harvests))
    assert code == 3 and "1 harvest: 0 done, 1 failed" in out and lock.exists()


def test_a_run_that_locked_a_lock_file_removed_meanwhile_locks_the_one_there_now(tmp_path: Path, monkeypatch):
    """Run A, ending, removes the lock file run B has just opened, and run C makes and locks a new one before B locks
    the old: B holds a lock of a file no longer there, so it opens the one there now, and finds C's run going."""
    import fcntl

    from harvester.cli import _only_run

    harvests, lock = tmp_path / "harvests.toml", tmp_path / ".harvests.toml.lock"
    harvests.write_text("", encoding="utf-8")
    flock, runs = fcntl.flock, []

    def raced(file, operation):
        if not runs:   # A removes the file B opened; C makes its own and locks it
            lock.unlink()
            runs.append(lock.open("a"))
            flock(runs[0], fcntl.LOCK_EX | fcntl.LOCK_NB)
        flock(file, operation)

    monkeypatch.setattr(fcntl, "flock", raced)
    with pytest.raises(BusyError), _only_run(harvests):
        pass
    runs[0].close()


def test_a_dataset_lock_file_removed_meanwhile_is_opened_again(tmp_path: Path, monkeypatch):
    """A first run that failed before any page came removes its state and lock file just after run B opened that file;
    run C makes and locks a new one before B locks the old: B opens the one there now, and finds C's run going."""
    import fcntl

    from harvester.state import dataset_lock

    lock = tmp_path / ".harvester" / "s.lock"
    flock, runs = fcntl.flock, []

    def raced(file, operation):
        if not runs:
            lock.unlink()
            runs.append(lock.open("a"))
            flock(runs[0], fcntl.LOCK_EX | fcntl.LOCK_NB)
        flock(file, operation)

    monkeypatch.setattr(fcntl, "flock", raced)
    with pytest.raises(BusyError), dataset_lock(tmp_path, "s"):
        pass
    runs[0].close()


def test_a_state_folder_removed_meanwhile_is_made_again(tmp_path: Path, monkeypatch):
    """A first run of dataset B that failed before any page came removes DIR/.harvester, empty again, just after run A
    made it and before A opens its lock file there: A said "its folder does not exist" of a folder it had just made."""
    from harvester.state import State

    folder, mkdir, removed = tmp_path / ".harvester", Path.mkdir, []

    def raced(path: Path, *args, **kwargs) -> None:
        mkdir(path, *args, **kwargs)
        if path == folder and not removed:
            removed.append(folder.rmdir())

    monkeypatch.setattr(Path, "mkdir", raced)
    with State(tmp_path, "a") as state:
        assert removed and state.finished_runs() == []


def test_a_harvests_file_in_a_folder_that_takes_no_file_is_run(tmp_path: Path, monkeypatch, capsys, request):
    """/etc/harvester/harvests.toml, say: the file itself is locked, as there is no room for a lock beside it."""
    from tests.test_cli import run_cli
    from tests.test_faults import _read_only

    (tmp_path / "etc").mkdir()
    with FaultServer(folder_pages(SEED)) as server:
        harvests = tmp_path / "etc" / "harvests.toml"
        harvests.write_text(f'out = "../data"\ndelay = 0\nbase_url = "{server.origin}"\n[[harvest]]\nquery = "{QUERY}"\n',
                            encoding="utf-8")
        _read_only(tmp_path / "etc", request)
        assert run_cli(monkeypatch, capsys, "run", str(harvests))[0] == 0


def _pause(events: list[tuple[str, object]], n: int) -> float | None:
    """The wait just before the n-th robots.txt asked (from 0: a harvest's first request), once after a request (not
    twice); None when there was none."""
    first = [i for i, e in enumerate(events) if e[1] == "/robots.txt"][n]
    waited = events[first - 1]
    return waited[1] if waited[0] == "wait" and events[first - 2][0] != "wait" else None   # type: ignore[return-value]


def _waits(monkeypatch, events: list[tuple[str, object]]):
    """The run's sleep: it notes each wait in `events`, and moves the clock the run paces its harvests by, which moves no
    other way. A pause is then exactly what is left of the delay since the host's last request, however long the
    harvests between took on a loaded machine; and one counted from another request than the last is seen."""
    from types import SimpleNamespace

    from harvester import cli

    now = [0.0]

    def sleep(seconds: float) -> None:
        events.append(("wait", seconds))
        now[0] += seconds

    monkeypatch.setattr(cli, "time", SimpleNamespace(monotonic=lambda: now[0], sleep=time.sleep))
    return sleep


def test_the_delay_holds_from_one_harvest_of_the_file_to_the_next(tmp_path: Path, monkeypatch, capsys):
    """The next harvest's first request (its robots.txt) waits the delay after the last one's last page."""
    from tests.test_cli import run_cli

    events: list[tuple[str, object]] = []   # the site's requests and the run's waits, in order
    with FaultServer(folder_pages(SEED), lambda n, path: events.append(("request", path.split("?")[0]))) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 600\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n'
            '[[harvest]]\nname = "one"\n\n[[harvest]]\nname = "two"\n', encoding="utf-8")
        code, _, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                             sleep=_waits(monkeypatch, events))
    assert code == 0 and [e for e in events if e[0] == "request"] == [("request", p) for p in ("/robots.txt", "/search", "/search")] * 2
    assert _pause(events, 1) == pytest.approx(600)

    events.clear()   # a harvest of a shorter delay after a longer one: the site is asked again after the longer
    with FaultServer(folder_pages(SEED), lambda n, path: events.append(("request", path.split("?")[0]))) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n'
            '[[harvest]]\nname = "one"\ndelay = 600\n\n[[harvest]]\nname = "two"\ndelay = 0.5\n', encoding="utf-8")
        assert run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                       sleep=_waits(monkeypatch, events))[0] == 0
    assert _pause(events, 1) == pytest.approx(600)


def test_a_longer_crawl_delay_of_robots_txt_holds_from_one_harvest_of_the_file_to_the_next(tmp_path: Path, monkeypatch, capsys):
    """Each harvest keeps the site's Crawl-delay within itself; the pause before the next one asks the site keeps it too."""
    from tests.test_cli import run_cli

    def script(n: int, path: str) -> Fault | None:
        events.append(("request", path.split("?")[0]))
        return Fault(200, {}, b"User-agent: *\nCrawl-delay: 30\n") if path == "/robots.txt" else None

    events: list[tuple[str, object]] = []
    with FaultServer(folder_pages(SEED), script) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 5\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n'
            '[[harvest]]\nname = "one"\n\n[[harvest]]\nname = "two"\n', encoding="utf-8")
        assert run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                       sleep=_waits(monkeypatch, events))[0] == 0
    assert _pause(events, 1) == pytest.approx(30)


def test_the_pause_between_harvests_of_a_file_is_the_delay_of_the_host_asked_next(tmp_path: Path, monkeypatch, capsys):
    """A mirror's Crawl-delay was waited before the main site's harvest after it: the pause is per host, the longest
    delay the host's last harvest kept (another host asked meanwhile does not shorten it)."""
    from tests.test_cli import run_cli

    def mirror(n: int, path: str) -> Fault | None:
        events.append(("mirror", path.split("?")[0]))
        return Fault(200, {}, b"User-agent: *\nCrawl-delay: 30\n") if path == "/robots.txt" else None

    events: list[tuple[str, object]] = []
    with FaultServer(folder_pages(SEED), mirror) as slow, \
            FaultServer(folder_pages(SEED), lambda n, path: events.append(("main", path.split("?")[0]))) as main:
        slow_origin = slow.origin.replace("127.0.0.1", "localhost")   # (another host name of this machine: another site)
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 5\nquery = "{QUERY}"\n\n[[harvest]]\nname = "one"\nbase_url = "{slow_origin}"\n\n'
            f'[[harvest]]\nname = "two"\nbase_url = "{main.origin}"\n\n[[harvest]]\nname = "three"\nbase_url = "{slow_origin}"\n',
            encoding="utf-8")
        assert run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                       sleep=_waits(monkeypatch, events))[0] == 0
    firsts = [n for n, e in enumerate(events) if e[1] == "/robots.txt"]
    assert [events[n] for n in firsts] == [("mirror", "/robots.txt"), ("main", "/robots.txt"), ("mirror", "/robots.txt")]
    assert events[firsts[1] - 1] == ("mirror", "/search")
    between = [e[1] for e in events[firsts[1]:firsts[2] - 1] if e[0] == "wait"]   # the main site's harvest, as the run saw it
    assert between and _pause(events, 2) == pytest.approx(30 - sum(between))


def test_the_pause_before_a_host_is_what_is_left_of_its_delay_since_its_last_request(tmp_path: Path, monkeypatch, capsys):
    """A harvest of another host in between (its scans, say) took longer than the first host's delay: the next harvest
    of the first host waited its whole delay all the same, where the crawl waits only what is left of it."""
    from tests.test_cli import run_cli

    def slow(n: int, path: str) -> None:
        events.append(("other", path.split("?")[0]))
        time.sleep(0.5 if path == "/robots.txt" else 0)   # (the other host's harvest outlasts the first's delay)

    events: list[tuple[str, object]] = []
    with FaultServer(folder_pages(SEED), slow) as other, \
            FaultServer(folder_pages(SEED), lambda n, path: events.append(("main", path.split("?")[0]))) as main:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0.3\nquery = "{QUERY}"\n\n[[harvest]]\nname = "one"\nbase_url = "{main.origin}"\n\n'
            f'[[harvest]]\nname = "two"\ndelay = 0\nbase_url = "{other.origin.replace("127.0.0.1", "localhost")}"\n\n'
            f'[[harvest]]\nname = "three"\nbase_url = "{main.origin}"\n', encoding="utf-8")
        assert run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                       sleep=lambda seconds: events.append(("wait", seconds)))[0] == 0
    firsts = [n for n, e in enumerate(events) if e[1] == "/robots.txt"]
    assert [events[n] for n in firsts] == [("main", "/robots.txt"), ("other", "/robots.txt"), ("main", "/robots.txt")]
    assert events[firsts[2] - 1] == ("other", "/search")


def test_the_pause_before_a_host_runs_from_its_last_request_by_the_clock(monkeypatch):
    """The run's tests wait on no clock: a pause counted from the first request of the host's last harvest, or its
    whole delay again, would pass them. Here the clock is the test's: requests at 0, 10 and 20 s with a delay of 10,
    another host's harvest, then the host again (another port, spelled otherwise) at 27 s: 3 s are left."""
    from harvester import cli

    clock, waits, asked = [0.0], [], {}
    monkeypatch.setattr(cli.time, "monotonic", lambda: clock[0])
    first = cli._pacer(asked, "http://localhost:8000", waits.append)
    for clock[0] in (0.0, 10.0, 20.0):
        first(10)
    clock[0] = 26.0
    cli._pacer(asked, "http://127.0.0.1:8000", waits.append)(0)
    clock[0] = 27.0
    then = cli._pacer(asked, "http://LOCALHOST.:9000", waits.append)
    then(1), then(1)   # (its second request is its fetcher's to pace)
    assert waits == [3.0]


def test_a_host_is_one_whatever_its_case_or_final_dot_for_the_pause(tmp_path: Path, monkeypatch, capsys):
    """localhost. and LOCALHOST are one host, as DNS reads them: the second waits the delay after the first; 127.0.0.1,
    another name of this machine, is another site, as it is to the crawl (a redirect to it leaves the site)."""
    import socket

    from tests.test_cli import run_cli

    resolve = socket.getaddrinfo   # (as resolvers do, but for this machine's: it finds no "localhost.")
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kw: resolve(host.rstrip("."), *args, **kw))
    events: list[tuple[str, object]] = []
    with FaultServer(folder_pages(SEED), lambda n, path: events.append(("request", path.split("?")[0]))) as server:
        port = server.origin.rsplit(":", 1)[1]
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nquery = "{QUERY}"\n\n[[harvest]]\nname = "one"\ndelay = 600\n'
            f'base_url = "http://localhost.:{port}"\n\n[[harvest]]\nname = "two"\nbase_url = "http://127.0.0.1:{port}"\n\n'
            f'[[harvest]]\nname = "three"\nbase_url = "http://LOCALHOST:{port}"\n', encoding="utf-8")
        assert run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                       sleep=_waits(monkeypatch, events))[0] == 0
    firsts = [n for n, e in enumerate(events) if e == ("request", "/robots.txt")]
    assert len(firsts) == 3 and _pause(events, 1) is None and _pause(events, 2) == pytest.approx(600)


def test_a_host_written_in_its_own_script_or_as_dns_spells_it_is_one_host_for_the_pause(tmp_path: Path, monkeypatch, capsys):
    """bücher.localhost and xn--bcher-kva.localhost are one name to DNS (the first is sent as the second): the harvest
    of the second asked the host at once after the first's last request, its delay not waited."""
    import socket

    from tests.test_cli import run_cli

    resolve = socket.getaddrinfo   # (both names are this machine, as a mirror's name is the mirror)
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kw: resolve("127.0.0.1", *args, **kw))
    events: list[tuple[str, object]] = []
    with FaultServer(folder_pages(SEED), lambda n, path: events.append(("request", path.split("?")[0]))) as server:
        port = server.origin.rsplit(":", 1)[1]
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 600\nquery = "{QUERY}"\n\n[[harvest]]\nname = "one"\nbase_url = "http://bücher.localhost:{port}"\n\n'
            f'[[harvest]]\nname = "two"\nbase_url = "http://xn--bcher-kva.localhost:{port}"\n', encoding="utf-8")
        assert run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                       sleep=_waits(monkeypatch, events))[0] == 0
    assert events.count(("request", "/robots.txt")) == 2 and _pause(events, 1) == pytest.approx(600)


def test_a_harvest_of_a_file_that_asks_the_site_nothing_waits_no_delay(tmp_path: Path, monkeypatch, capsys):
    """A resumed harvest whose pages were all fetched (its files could not be written) replays them and asks nothing:
    it waited the delay before it all the same, and the harvest after it waited the delay once more."""
    import harvester.pipeline
    from harvester.errors import StorageError
    from tests.test_cli import run_cli

    writing = harvester.pipeline.write_dataset

    def full_disk_for_b(state, run_id, out_dir, name, *args, **kwargs):
        if name == "b":
            raise StorageError(f"{out_dir}: the disk is full")
        return writing(state, run_id, out_dir, name, *args, **kwargs)

    events: list[tuple[str, object]] = []
    with FaultServer(folder_pages(SEED), lambda n, path: events.append(("request", path.split("?")[0]))) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 600\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n'
            '[[harvest]]\nname = "a"\n\n[[harvest]]\nname = "b"\n\n[[harvest]]\nname = "c"\n', encoding="utf-8")
        monkeypatch.setattr(harvester.pipeline, "write_dataset", full_disk_for_b)
        assert run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"), sleep=lambda seconds: None)[0] == 2
        monkeypatch.setattr(harvester.pipeline, "write_dataset", writing)
        events.clear()
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                               sleep=_waits(monkeypatch, events))
    assert code == 0 and "harvest 2, b (“Korean Workers' Party”): done" in out
    # a's requests, then c's after one whole delay: b, between them, asked nothing
    assert events.count(("request", "/robots.txt")) == 2 and _pause(events, 1) == pytest.approx(600)


def test_the_delay_holds_after_a_harvest_that_asked_the_site_and_then_failed_as_a_usage_error(tmp_path: Path, monkeypatch, capsys):
    """A facet the site does not offer is a usage error (exit 2) found on the first page: the site was asked."""
    from tests.test_cli import run_cli

    saved = FIXTURES / "wilson" / "facet-people" / "saved"

    def answers(path: str) -> bytes | None:   # whatever the facets asked: the site's page of people:81908
        number = re.search(r"[?&]page=(\d+)", path)
        return (saved / f"page-{number[1] if number else 0}.html").read_bytes() if path.startswith("/search") else None

    events: list[tuple[str, object]] = []
    with FaultServer(answers, lambda n, path: events.append(("request", path.split("?")[0]))) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 600\nbase_url = "{server.origin}"\n\n[[harvest]]\nurl = "{server.origin}/search?f%5B0%5D=peeple%3A1"\n'
            f'\n[[harvest]]\nurl = "{server.origin}/search?f%5B0%5D=people%3A81908"\n', encoding="utf-8")
        code, _, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"),
                               sleep=_waits(monkeypatch, events))
    assert code == 2 and "the site has no facet 'peeple'" in err
    second = [n for n, e in enumerate(events) if e == ("request", "/robots.txt")][1]
    assert [e for e in events[:second] if e[0] == "request"] == [("request", "/robots.txt"), ("request", "/search")]
    assert _pause(events, 1) == pytest.approx(600)


@pytest.mark.slow
@pytest.mark.parametrize(("stop", "code", "said"), [("SIGTERM", 143, "stopped (SIGTERM)"), ("SIGINT", 130, "interrupted")])
def test_a_run_of_the_file_stopped_names_the_harvest_and_the_command_that_finishes_it(tmp_path: Path, stop, code, said):
    """In the second harvest: Ctrl-C, ignored once the first said its outcome, stops the next one again."""
    pages = lambda path: folder_pages(SEED)(path) or synthetic_pages([doc(n) for n in range(200)])(path)  # noqa: E731
    with FaultServer(pages) as server:
        harvests = tmp_path / "harvests.toml"
        harvests.write_text(f'out = "data"\ndelay = 0.05\nbase_url = "{server.origin}"\ncontact = "me@example.org"\n\n'
                            f'[[harvest]]\nquery = "{QUERY}"\nname = "kwp"\n\n[[harvest]]\nquery = "q"\nname = "big"\n\n'
                            '[[harvest]]\nquery = "r"\nname = "after"\n', encoding="utf-8")
        # (Ctrl-C not ignored, as in a terminal: a shell starts background jobs, CI's too, with it ignored)
        process = subprocess.Popen([sys.executable, "-m", "harvester", "-q", "run", str(harvests)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 30
        while sum("fulltext=q" in r for r in server.search_requests()) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(process.pid, getattr(signal, stop))
        _, err = process.communicate(timeout=20)
    assert process.returncode == code
    assert err.strip().splitlines()[-1] == (
        f"harvester: {said}: harvest 2, big: the pages fetched so far are kept ({tmp_path / 'data' / 'archive'}); "
        f"the dataset's files are as they were; to finish the run: harvester run {harvests} big after (this harvest resumes)")


def test_a_stop_once_the_files_are_switched_but_before_the_run_is_closed_says_they_are_the_runs(tmp_path: Path, monkeypatch, capsys):
    """Ctrl-C as the run is recorded in the state, its files already in place: it said "the dataset's files are as they
    were". The next run resumes it, reading its pages back, and closes it."""
    from tests.test_cli import run_cli

    script = """
import sys
from harvester import cli
from harvester.state import State

def stopped(*args, **kwargs):   # stands in for a Ctrl-C that comes as the run is recorded
    raise KeyboardInterrupt

State.finish_run = stopped
sys.argv = ["harvester", *sys.argv[1:]]
cli.main()
"""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        args = ["harvest", "--query", "q", "--base-url", server.origin, "--out", str(tmp_path), "--name", "s", "--delay", "0"]
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=60,
                              cwd=Path(__file__).resolve().parent.parent)
        assert done.returncode == 130 and done.stderr.splitlines()[-1] == (
            f"harvester: interrupted: the pages fetched so far are kept ({tmp_path / 'archive'}); the dataset's files are "
            "this run's, but its end is not recorded; run the same command again to resume")
        assert len(dataset(tmp_path, "s")) == 3
        code, out, _ = run_cli(monkeypatch, capsys, *args)   # (the resume, in this process: only the stop needs one)
    assert code == 0 and "0 requests this time: the resumed run read 1 page back from its archive" in out
    assert run_report(tmp_path, "s")["resumed"] and len(dataset(tmp_path, "s")) == 3


def test_a_quiet_run_whose_retries_all_succeeded_prints_nothing_on_stderr(tmp_path: Path):
    """cron mails what a job prints on stderr: with -q a run that ends well (exit 0) prints nothing there, however many
    of its requests had to be tried again; the run report counts them."""
    import subprocess
    import sys

    with FaultServer(folder_pages(SEED), lambda n, path: Fault(503, {"Retry-After": "0"}) if n in (2, 3) else None) as server:
        done = subprocess.run([sys.executable, "-m", "harvester", "-q", "harvest", "--query", QUERY, "--base-url", server.origin,
                               "--out", str(tmp_path), "--delay", "0", "--name", "kwp", "--contact", "me@example.org"],
                              capture_output=True, text=True, timeout=120)    # (its own stderr: not the test server's)
    assert (done.returncode, done.stderr) == (0, "") and "harvested 19 of 19 documents" in done.stdout
    assert done.stdout.splitlines()[1:] == ["run 1: 19 documents, all new"]     # -q: the summary, not the files
    assert json.loads((tmp_path / "kwp.report.json").read_text(encoding="utf-8"))["retries"] == 2


def test_a_harvest_that_cannot_start_on_this_machine_fails_alone(tmp_path: Path, monkeypatch, capsys):
    """A cookies file that is gone, a browser that is not installed: that harvest fails, saying why; the others run."""
    from tests.test_cli import run_cli

    with FaultServer(folder_pages(SEED)) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\nquery = "{QUERY}"\n\n'
            '[[harvest]]\nname = "one"\n\n'
            '[[harvest]]\nname = "two"\ncookies = "gone.txt"\nuser_agent = "Mozilla/5.0"\n\n'
            '[[harvest]]\nname = "three"\nfetch = "browser"\nbrowser_path = "no-chromium"\n\n'
            '[[harvest]]\nname = "four"\n', encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
    assert code == 2 and "harvest 2: cookies " in err and "gone.txt: no such file" in err
    assert "harvest 3: browser_path " in err and "no browser there" in err
    assert out.splitlines()[-2:] == ["4 harvests: 2 done, 2 failed", f"to run those again: harvester run {tmp_path / 'harvests.toml'} two three"]
    assert (tmp_path / "data" / "one.csv").is_file() and (tmp_path / "data" / "four.csv").is_file()
    assert not (tmp_path / "data" / ".harvester" / "two.sqlite").exists()     # nothing made for a harvest that could not start


def test_a_page_with_neither_results_nor_the_no_results_message_never_empties_the_dataset(tmp_path: Path):
    docs = [doc(n) for n in range(12)]
    home = {"on": False}

    def site(path: str) -> bytes | None:    # the search answers with another page of the site: no totals, no cards
        if home["on"] and path.startswith("/search"):
            return (b'<!DOCTYPE html><html><head><title>Home | Wilson Center Digital Archive</title></head><body>'
                    b'<div class="views-element-container"><p>Featured collections</p></div></body></html>\n')
        return synthetic_pages(docs)(path)

    with FaultServer(site) as server:
        run(server, tmp_path)
        before = (tmp_path / "s.csv").read_bytes()
        home["on"] = True
        with pytest.raises(LayoutError, match=r"/search\?search_api_fulltext=q: no result cards, no totals line and no "
                                               r"'no results' message"):
            run(server, tmp_path)
    assert (tmp_path / "s.csv").read_bytes() == before and len(dataset(tmp_path, "s")) == 12


@pytest.mark.parametrize("allowed", [False, True])
def test_a_site_that_answers_every_page_alike_is_left_after_five_pages(tmp_path: Path, allowed: bool):
    first = results_page([doc(n) for n in range(10)], 0, total=1_000_000).encode()   # the page parameter is ignored
    with FaultServer(lambda path: first if path.startswith("/search") else None) as server:
        if not allowed:
            with pytest.raises(IncompleteError, match=r"pages 1 to 5 brought no document not seen before: the site seems "
                                                      r"to answer every page alike; stopped at 10 of 1000000 documents"):
                run(server, tmp_path)
        else:
            outcome = run(server, tmp_path, allow_incomplete=True)
            assert outcome.documents == 10 and outcome.report["complete"] is False
        assert len(server.search_requests()) == 6


def test_a_state_started_afresh_numbers_its_runs_after_those_the_archive_holds(tmp_path: Path):
    """As the docs advise for a damaged state file: moved away, the next run starts a new history, whose run numbers
    must not be those of WARC files already in the archive (reparse DIR/archive/NAME-run0001-* is one run)."""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        run(server, tmp_path)
        (tmp_path / ".harvester" / "s.sqlite").rename(tmp_path / "s.sqlite.damaged")
        fresh = run(server, tmp_path)
    assert fresh.report["run"] == 3 and fresh.report["new"] == 3       # a new history: every document new
    assert fresh.report["first_run"] is True and run_report(tmp_path, "s")["first_run"] is True
    from harvester.analysis.report import write_report

    page = write_report(tmp_path / "s.csv").read_text(encoding="utf-8")
    assert "This is the dataset's first run: its 3 documents are all new." in page
    assert sorted(p.name for p in (tmp_path / "archive").iterdir()) == [f"s-run000{n}-part1.warc.gz" for n in (1, 2, 3)]


def test_a_search_with_no_results_is_a_warning_every_run(tmp_path: Path, monkeypatch, capsys):
    """A mistyped query or a facet the site dropped finds nothing, week after week: exit 1 and a warning, never "done"."""
    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([])) as server:
        for number in (1, 2):
            code, out, err = run_cli(monkeypatch, capsys, "harvest", "--query", "xyzzy", "--base-url", server.origin,
                                     "--out", str(tmp_path), "--name", "s", "--delay", "0")
            assert code == 1 and f"run {number}: 0 documents" in out
            assert err.count("the site lists no documents for \u201cxyzzy\u201d: the dataset is empty (a mistyped query, "
                             "or a facet the site no longer has?)") == 1
            assert run_report(tmp_path, "s")["warnings"] == [err.split("WARNING ", 1)[1].strip()]
    assert dataset(tmp_path, "s") == []


def test_a_search_that_empties_after_a_run_that_listed_documents_is_not_written_unless_allowed(tmp_path: Path):
    docs = [doc(n) for n in range(12)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path)
        docs.clear()                                      # the site's "No results found." page
        with pytest.raises(IncompleteError, match=r"the site now lists no documents for .*, where the last run listed 12: "
                                                  r"nothing written \(an outage of its search\?\)"):
            run(server, tmp_path)
        assert len(dataset(tmp_path, "s")) == 12
        emptied = run(server, tmp_path, allow_incomplete=True)
    assert emptied.documents == 0 and emptied.report["no_longer_listed"] == 12 and dataset(tmp_path, "s") == []


def test_a_dataset_written_before_its_files_were_links_is_taken_over_and_an_edited_file_is_not(tmp_path: Path):
    import shutil

    docs = [doc(n) for n in range(12)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path)
        for link in [path for path in tmp_path.iterdir() if path.is_symlink()]:   # as an older harvester left them
            content = link.read_bytes()
            link.unlink()
            link.write_bytes(content)
        shutil.rmtree(tmp_path / ".harvester" / "s.files")
        again = run(server, tmp_path)
        assert again.documents == 12 and (tmp_path / "s.csv").is_symlink() and len(dataset(tmp_path, "s")) == 12
        for name in ("s.csv", "s.json"):   # a copy of what the link gives may be replaced; an edited file may not
            content = (tmp_path / name).read_bytes()
            (tmp_path / name).unlink()
            (tmp_path / name).write_bytes(content + (b"my note\n" if name == "s.csv" else b""))
        with pytest.raises(StorageError, match=r"/s\.csv: not the link harvester made there"):
            run(server, tmp_path)
    assert (tmp_path / "s.csv").read_bytes().endswith(b"my note\n")


def test_a_file_edited_through_its_link_stops_the_next_run_before_the_edit_is_lost(tmp_path: Path):
    """pandas' to_csv, R's write.csv, >> and most editors write through a link, into the run's own copy; the next run
    would replace that copy with its own, and the edit would be gone with no word. Whatever the files' times say (a
    copy made with `cp -r` or `cp -p` has other times), and whatever the data package is edited to say."""
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        run(server, tmp_path)
        current = tmp_path / ".harvester" / "s.files" / "current"
        later = os.lstat(current).st_mtime_ns + 10**9
        for file in current.iterdir():   # newer than the run that made them, as `cp -r` leaves them, but not changed
            os.utime(file, ns=(later, later))
        run(server, tmp_path)
        with (tmp_path / "s.csv").open("a", encoding="utf-8") as stream:   # (the link stays a link)
            stream.write("my note\n")
        os.utime(tmp_path / "s.csv", ns=(0, 0))                             # older than its run, as `cp -p` leaves it
        package = json.loads((tmp_path / "s.datapackage.json").read_text(encoding="utf-8"))
        for resource in package["resources"]:                               # the package told the new sum: no matter
            resource["hash"] = "sha256:" + hashlib.sha256((tmp_path / resource["path"]).read_bytes()).hexdigest()
        (tmp_path / "s.datapackage.json").write_text(json.dumps(package), encoding="utf-8")
        edited, asked = (tmp_path / "s.csv").read_bytes(), len(server.requests)
        with pytest.raises(StorageError, match=r"/s\.csv, \S+/s\.datapackage\.json: changed since harvester wrote them "
                                               r"\(saved through the link\); nothing was written: copy what you want to keep "
                                               r"to another name \(cp, not mv: they are links\), delete them, and run the same "
                                               r"command again$"):
            run(server, tmp_path)
        assert (tmp_path / "s.csv").is_symlink() and (tmp_path / "s.csv").read_bytes() == edited
        assert len(server.requests) == asked                                 # refused before it fetched a page
        (tmp_path / "s.csv").rename(tmp_path / "mine.csv")                  # the link moved, not the file copied
        (tmp_path / "s.datapackage.json").unlink()
        with pytest.raises(StorageError, match=r"/mine\.csv: changed since harvester wrote it"):
            run(server, tmp_path)
        (tmp_path / "mine.csv").unlink()
        (tmp_path / "s.edited.csv").write_bytes(edited)
        again = run(server, tmp_path)
    assert again.documents == 12 and (tmp_path / "s.csv").is_symlink() and not (tmp_path / "s.csv").read_bytes().endswith(b"note\n")
    assert (tmp_path / "s.edited.csv").read_bytes() == edited


def test_links_of_ones_own_to_the_files_go_on_working_and_a_link_that_would_point_at_nothing_stops_the_run(tmp_path: Path):
    """A link through `current` (to a file, or to the folder) or to one of the dataset's links follows each run; one
    to a generation's own folder would point at nothing once the run replaces it. A file deleted by hand is no loss."""
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        run(server, tmp_path)
        (tmp_path / "latest.csv").symlink_to(".harvester/s.files/current/s.csv")
        (tmp_path / "latest").symlink_to(".harvester/s.files/current")
        (tmp_path / "history").symlink_to(".harvester/s.files")
        (tmp_path / "same.csv").symlink_to("s.csv")
        (tmp_path / "elsewhere").symlink_to("/etc/hostname")
        (tmp_path / ".harvester" / "s.files" / "current" / "s.json").unlink()
        run(server, tmp_path)
        assert all((tmp_path / name).read_bytes() == (tmp_path / "s.csv").read_bytes() for name in ("latest.csv", "same.csv"))
        assert (tmp_path / "latest" / "s.json").is_file()
        (tmp_path / "week.csv").symlink_to((tmp_path / "s.csv").resolve())    # the generation's own file, by its path
        with pytest.raises(StorageError, match=r"/week\.csv: a link to this dataset's files that its next files would "
                                               r"leave pointing at nothing; nothing was written: delete it, or make it a copy"):
            run(server, tmp_path)
        (tmp_path.parent / f"{tmp_path.name}-via").symlink_to(tmp_path)          # the folder given by another path
        with pytest.raises(StorageError, match=r"/week\.csv: a link to this dataset's files that its next files"):
            run(server, tmp_path.parent / f"{tmp_path.name}-via")
        (tmp_path / "week.csv").unlink()
        run(server, tmp_path.parent / f"{tmp_path.name}-via")


def test_a_dataset_copied_following_its_links_runs_on(tmp_path: Path):
    """cp -rL, tar -h and zip copy the files the links point at: the links are plain files, and `current`, a folder."""
    import shutil

    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        run(server, tmp_path / "a")
        shutil.copytree(tmp_path / "a", tmp_path / "b", symlinks=False)
        assert not (tmp_path / "b" / ".harvester" / "s.files" / "current").is_symlink()
        again = run(server, tmp_path / "b")
        assert again.documents == 12 and (tmp_path / "b" / "s.csv").is_symlink() and len(dataset(tmp_path / "b", "s")) == 12
        copy = tmp_path / "c" / ".harvester" / "s.files"       # as `tar -h` and `cp -aL` copy: one file, linked twice
        shutil.copytree(tmp_path / "a", tmp_path / "c", symlinks=True)
        generation = copy / os.readlink(copy / "current")
        (copy / "current").unlink()
        generation.rename(copy / "current")
        for name in ("s.csv", "s.json"):
            (tmp_path / "c" / name).unlink()
            os.link(copy / "current" / name, tmp_path / "c" / name)
        with (tmp_path / "c" / "s.csv").open("a", encoding="utf-8") as stream:
            stream.write("my note\n")
        with pytest.raises(StorageError, match=r"/c/s\.csv: not the link harvester made there"):
            run(server, tmp_path / "c")
    assert (tmp_path / "c" / "s.csv").read_bytes().endswith(b"my note\n")


def test_an_empty_page_past_the_end_of_a_shrinking_search_is_no_empty_search(tmp_path: Path):
    docs, served = [doc(n) for n in range(25)], {"count": 0, "shrunk": False}

    def pages(path: str) -> bytes | None:    # after the first two pages of the second run, the search holds 15
        served["count"] += path.startswith("/search")
        now = docs[:15] if served["shrunk"] and served["count"] > 2 else docs
        if path.startswith("/search") and "page=2" in path and len(now) <= 20:   # past the end: Drupal's empty area alone
            return (b'<!DOCTYPE html><html><body class="path-search"><main><div class="view view-search">'
                    b'<div class="view-empty">No results found.</div></div></main></body></html>')
        return synthetic_pages(now)(path)

    with FaultServer(pages) as server:
        run(server, tmp_path)
        served.update(count=0, shrunk=True)
        outcome = run(server, tmp_path)
    assert (outcome.total, outcome.documents) == (15, 20)
    assert "collected 20 distinct documents, more than the 15 the site now lists (some were removed during the run)" in outcome.warnings


def test_a_failed_harvest_of_the_harvests_file_is_told_in_the_files_own_keys(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([doc(n) for n in range(11)] + [doc(10)])) as server:   # one document short
        (tmp_path / "harvests.toml").write_text(f'delay = 0\nbase_url = "{server.origin}"\n[[harvest]]\nquery = "a"\n',
                                                encoding="utf-8")
        code, _, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
    [said] = [line for line in err.splitlines() if line.startswith(f"harvester: error: {tmp_path / 'harvests.toml'}: harvest 1:")]
    assert code == 6 and "with allow_incomplete = true a run writes what it finds" in said and "--" not in said


@pytest.mark.parametrize("out", ["~/data", "~nosuchuser/data"])
def test_a_home_no_one_can_tell_is_a_mistake_in_the_harvests_file_not_a_folder_named_tilde(tmp_path: Path, monkeypatch, out: str):
    """cron's `env -i` leaves no HOME; a user with no entry in the passwords file has no home either."""
    from harvester.config import load_jobs
    import pwd

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: (_ for _ in ()).throw(KeyError(uid)))
    (tmp_path / "h.toml").write_text(f'[[harvest]]\nquery = "x"\nout = "{out}"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=f'h.toml: harvest 1: out = "{out}": whose home is ~ cannot be told'):
        load_jobs(tmp_path / "h.toml")


def test_a_harvests_file_that_is_not_there_is_one_line(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    code, _, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
    assert (code, err) == (2, f"harvester: error: {tmp_path / 'harvests.toml'}: cannot be read (No such file or directory)\n")


def test_a_harvests_file_given_through_a_pipe_is_said_to_need_a_file(tmp_path: Path, monkeypatch, capsys):
    """harvester run <(cat h.toml): its out folders are from the file's folder, and a stopped run is finished by naming
    the file again, which a pipe has neither of. It was said as "/proc/PID/fd/pipe:[NUMBER]: no such file or folder"."""
    from tests.test_cli import run_cli

    reading, writing = os.pipe()
    os.write(writing, b'[[harvest]]\nquery = "x"\n')
    os.close(writing)
    try:
        code, _, err = run_cli(monkeypatch, capsys, "run", f"/dev/fd/{reading}")
    finally:
        os.close(reading)
    assert (code, err) == (2, f"harvester: error: /dev/fd/{reading}: not a file (a pipe?): a harvests file's relative paths "
                              "are from its folder, and a run stopped is finished by naming it again: save it to a file\n")


def test_a_harvests_file_that_fetches_some_other_way_is_said_in_its_own_words(tmp_path: Path):
    """The command line's --fetch takes http or browser alone; the file's fetch key may hold anything."""
    (tmp_path / "h.toml").write_text('[[harvest]]\nquery = "x"\nfetch = "ftp"\n', encoding="utf-8")
    with pytest.raises(UsageError, match='h.toml: harvest 1: fetch = "ftp": give "http" or "browser"$'):
        load_jobs(tmp_path / "h.toml")


@pytest.mark.parametrize(("said", "keys"), [
    ("with --allow-incomplete a run", "with allow_incomplete = true a run"),
    ("--format xlsx needs openpyxl", "formats xlsx needs openpyxl"),
    ("rerun with --show-browser to", "rerun with show_browser = true to"),
    ("give this search a --name of its own (or another --out)", "give this search a name of its own (or another out)"),
    ("--port 80 and --no-such-option", "--port 80 and --no-such-option"),
    ("/data/exports--all/kwp.csv: cannot write", "/data/exports--all/kwp.csv: cannot write"),
    ("(or another --out)", "(or another out)"),
    ("harvest with --fetch browser, or with --cookies FILE --user-agent TEXT from your own browser's cleared session",
     'harvest with fetch = "browser", or with cookies = "FILE" user_agent = "TEXT" from your own browser\'s cleared session'),
    ("--allow-incomplete writes", "allow_incomplete = true writes"),
    ("--cookies C:\\Users\\me\\cookies.txt: no such file", "cookies C:\\Users\\me\\cookies.txt: no such file"),   # a path, whole
    ("--cookies EXPORT.TXT: no such file", "cookies EXPORT.TXT: no such file"),
])
def test_the_options_a_message_names_are_said_as_the_keys_of_a_harvests_file(said: str, keys: str):
    from harvester.config import as_keys

    assert as_keys(said) == keys


def test_a_harvest_that_fails_by_a_bug_does_not_keep_the_next_from_running(tmp_path: Path, monkeypatch, capsys):
    import harvester.cli
    from tests.test_cli import run_cli

    real = harvester.cli.harvest

    def buggy_for_a(site, search, *args, **kwargs):   # a bug met by the first harvest only
        if search.query == "a":
            raise KeyError("oops")
        return real(site, search, *args, **kwargs)

    monkeypatch.setattr(harvester.cli, "harvest", buggy_for_a)
    with FaultServer(folder_pages(SEED)) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\n[[harvest]]\nquery = "a"\n'
            f'[[harvest]]\nquery = "{QUERY}"\nname = "kwp"\n', encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
    assert code == 7 and f"harvester: error: {tmp_path / 'harvests.toml'}: harvest 1: unexpected KeyError: 'oops' (a bug: " \
                         "please report it" in err
    assert out.splitlines()[-4:] == ['harvest 1, wilson-a (“a”): failed (exit 7)', f'harvest 2, kwp (“{QUERY}”): done',
                                     "2 harvests: 1 done, 1 failed", f"to run those again: harvester run {tmp_path / 'harvests.toml'} wilson-a"]
    assert len(dataset(tmp_path / "data", "kwp")) == 19


def test_a_blocked_harvest_stops_the_run_and_the_rest_are_said_not_run(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    with FaultServer(folder_pages(SEED), lambda n, path: Fault(403) if "search" in path else None) as server:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\n[[harvest]]\nquery = "a"\n[[harvest]]\nquery = "b"\n',
            encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
    assert code == 4 and "harvest 1:" in err and "still refused (HTTP 403)" in err
    assert out.splitlines()[-4:] == ['harvest 1, wilson-a (“a”): failed (exit 4)', 'harvest 2, wilson-b (“b”): not run (the site is refusing us)',
                                     "2 harvests: 0 done, 1 failed, 1 not run",
                                     f"to run those again: harvester run {tmp_path / 'harvests.toml'} wilson-a wilson-b"]


def test_a_blocked_harvest_stops_only_the_harvests_that_fetch_the_same_way(tmp_path: Path, monkeypatch, capsys):
    """Cookies gone stale refused: the harvests of other cookies (or the browser) may pass the check, and run."""
    from tests.challengeserver import ChallengeServer
    from tests.test_browser import cookies_file
    from tests.test_cli import run_cli

    with ChallengeServer(folder_pages(SEED)) as server:
        cookies_file(tmp_path / "stale.txt", [("127.0.0.1", "cf_clearance", "expired")])
        cookies_file(tmp_path / "fresh.txt", [("127.0.0.1", "cf_clearance", server.cookie_for("Mozilla/5.0"))])
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nbase_url = "{server.origin}"\nuser_agent = "Mozilla/5.0"\n'
            + "".join(f'[[harvest]]\nquery = "{QUERY}"\nname = "{name}"\ncookies = "{jar}.txt"\n'
                      for name, jar in (("a", "stale"), ("b", "fresh"), ("c", "./stale"), ("d", "fresh"))), encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
        asked = [hit.cookies for hit in server.hits() if hit.is_page]
    assert code == 4 and err.count("harvester: error:") == 1 and "harvest 1:" in err and "stale.txt: they have expired" in err
    assert out.splitlines()[-6:] == [f"harvest 1, a (“{QUERY}”): failed (exit 4)", f"harvest 2, b (“{QUERY}”): done",
                                     f"harvest 3, c (“{QUERY}”): not run (the site is refusing us)", f"harvest 4, d (“{QUERY}”): done",
                                     "4 harvests: 2 done, 1 failed, 1 not run",
                                     f"to run those again: harvester run {tmp_path / 'harvests.toml'} a c"]
    assert len(dataset(tmp_path / "data", "b")) == len(dataset(tmp_path / "data", "d")) == 19
    assert sum("expired" in cookies for cookies in asked) == 1   # the stale cookies were sent once, by harvest 1 alone


def test_a_blocked_harvest_stops_not_a_mirrors_and_a_stop_names_the_harvests_not_run(tmp_path: Path, monkeypatch, capsys):
    """Refused at one origin says nothing of another (a mirror); a run stopped after harvests were not run names them
    in the command that finishes it, as the summary it does not reach would have."""
    from tests.challengeserver import ChallengeServer
    from tests.test_browser import cookies_file
    from tests.test_cli import run_cli

    script = """
import sys
from harvester import cli

def stopped(seconds):   # stands in for a Ctrl-C as harvest 3 waits, by its delay, to ask the host of harvest 1
    raise KeyboardInterrupt

sys.argv = ["harvester", *sys.argv[1:]]
cli.main(sleep=stopped)
"""
    with ChallengeServer(folder_pages(SEED)) as server, FaultServer(folder_pages(SEED)) as mirror:
        cookies_file(tmp_path / "stale.txt", [("127.0.0.1", "cf_clearance", "expired")])
        harvests = tmp_path / "harvests.toml"
        harvests.write_text(f'out = "data"\ndelay = 0\nuser_agent = "Mozilla/5.0"\ncookies = "stale.txt"\nquery = "{QUERY}"\n'
                            + "".join(f'[[harvest]]\nname = "{name}"\nbase_url = "{origin}"\n'
                                      + ('delay = 60\n' if name == "c" else "") for name, origin in
                                      (("a", server.origin), ("b", server.origin), ("c", mirror.origin), ("d", server.origin))),
                            encoding="utf-8")
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(harvests))
        assert code == 4 and out.splitlines()[-6:-2] == [
            f"harvest 1, a (“{QUERY}”): failed (exit 4)", f"harvest 2, b (“{QUERY}”): not run (the site is refusing us)",
            f"harvest 3, c (“{QUERY}”): done", f"harvest 4, d (“{QUERY}”): not run (the site is refusing us)"]
        done = subprocess.run([sys.executable, "-c", script, "run", str(harvests)], capture_output=True, text=True,
                              timeout=60, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 130 and done.stderr.strip().splitlines()[-1] == (
        f"harvester: interrupted: harvest 3, c: the pages fetched so far are kept ({tmp_path / 'data' / 'archive'}); the "
        f"dataset's files are as they were; to finish the run: harvester run {harvests} b c d (this harvest resumes)")


def refusing_run(tmp_path: Path, monkeypatch, capsys, text: str, refusal: BlockedError) -> tuple[int, str, list[str]]:
    """`harvester run` of the harvests TEXT, given as cron's `cd` to its folder leaves it (relative), each harvest stood
    in for: the first refused with REFUSAL, the others done. Returns the exit code, stdout and the harvests run."""
    import harvester.cli
    from tests.test_cli import run_cli

    ran: list[str] = []

    def refusing(job, again, then, paced, unwell):
        ran.append(job.name)
        if len(ran) == 1:
            raise refusal
        return 0

    monkeypatch.setattr(harvester.cli, "_harvest_job", refusing)
    monkeypatch.setattr(harvester.cli, "check_fetch_ready", lambda settings: None)   # (no browser is looked for)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "h.toml").write_text(f'delay = 0\nquery = "{QUERY}"\n{text}', encoding="utf-8")
    code, out, _ = run_cli(monkeypatch, capsys, "run", "h.toml")
    return code, out, ran


def test_cookies_named_by_another_path_and_the_sites_own_base_url_are_the_same_way_of_fetching(tmp_path: Path, monkeypatch, capsys):
    """A harvests file run from its folder: "stale.txt", its whole path and ~/stale.txt are one file, whose cookies the
    site refused; base_url left out and the site's own origin given are one site. None of those harvests is run."""
    monkeypatch.setenv("HOME", str(tmp_path))
    check = BlockedError("the site answered with a bot-protection challenge, not a results page")
    code, out, ran = refusing_run(tmp_path, monkeypatch, capsys, 'user_agent = "Mozilla/5.0"\n' + "".join(
        f'[[harvest]]\nname = "{name}"\ncookies = "{path}"\n' for name, path in
        (("a", "stale.txt"), ("b", tmp_path / "stale.txt"), ("c", "~/stale.txt"))) + '[[harvest]]\nname = "d"\ncookies = '
        '"stale.txt"\nbase_url = "https://digitalarchive.wilsoncenter.org"\n', check)
    assert code == 4 and ran == ["a"] and "4 harvests: 0 done, 1 failed, 3 not run" in out


@pytest.mark.parametrize(("first", "refusal", "run"), [
    ("", BlockedError("still refused (HTTP 429) after 5 tries; stopping", 429), []),
    ('fetch = "browser"\n', BlockedError("the site's bot check did not let the browser through"), ["cookies"])],
    ids=["http-429-every-way", "check-the-plain-client-without-cookies"])
def test_a_refusal_stops_the_later_harvests_it_says_cannot_pass(tmp_path: Path, monkeypatch, capsys, first, refusal, run):
    """Too many requests (or 403 time after time): the site refuses this machine, whichever way it asks. A bot check the
    browser did not pass: the plain client, which passes none, would be refused as well; a person's cookies may pass."""
    code, out, ran = refusing_run(tmp_path, monkeypatch, capsys, f'[[harvest]]\nname = "first"\n{first}'
                                  '[[harvest]]\nname = "plain"\n[[harvest]]\nname = "browser"\nfetch = "browser"\n'
                                  '[[harvest]]\nname = "cookies"\ncookies = "c.txt"\nuser_agent = "Mozilla/5.0"\n', refusal)
    assert code == 4 and ran == ["first", *run] and f"4 harvests: {len(run)} done, 1 failed, {3 - len(run)} not run" in out


@pytest.mark.parametrize(("first", "then"), [
    ("http://localhost:8000", "HTTP://LOCALHOST:8000"), ("http://localhost:8000", "http://localhost.:8000"),
    ("http://localhost", "http://localhost:80"), ("https://bücher.example", "https://XN--BCHER-KVA.example:443")],
    ids=["case", "final-dot", "default-port", "idna"])
def test_a_site_that_refused_us_is_one_site_however_its_base_url_is_spelled(tmp_path: Path, monkeypatch, capsys, first, then):
    """The host in any case, with a final dot or not, in its own script or as IDNA spells it, and the scheme's own port
    given or left out are one site, as they are to the crawl: refused there, the later harvest is not run."""
    code, out, ran = refusing_run(tmp_path, monkeypatch, capsys, f'[[harvest]]\nname = "a"\nbase_url = "{first}"\n'
                                  f'[[harvest]]\nname = "b"\nbase_url = "{then}"\n', BlockedError("still refused (HTTP 403)", 403))
    assert code == 4 and ran == ["a"] and 'harvest 2, b (“Korean Workers\' Party”): not run (the site is refusing us)' in out


def test_a_site_that_used_up_a_harvests_retries_is_not_asked_again_by_the_later_ones(tmp_path: Path, monkeypatch, capsys):
    """A site down for its maintenance at 3 a.m.: the harvest that spent its retries on it stops the later ones of that
    site (a browser would fare no better), each said not run and named in the command that runs them again; another
    site's still runs."""
    unwell = RetriesSpentError("https://digitalarchive.wilsoncenter.org/search?page=3: HTTP 503; this run has retried "
                               "100 times, its limit: stopping")
    code, out, ran = refusing_run(tmp_path, monkeypatch, capsys, '[[harvest]]\nname = "first"\n[[harvest]]\nname = "plain"\n'
                                  '[[harvest]]\nname = "browser"\nfetch = "browser"\n[[harvest]]\nname = "mirror"\n'
                                  'base_url = "http://127.0.0.1:9"\n', unwell)
    assert code == 3 and ran == ["first", "mirror"] and "4 harvests: 1 done, 1 failed, 2 not run" in out
    assert "harvest 2, plain (“Korean Workers' Party”): not run (the site is unwell: a harvest spent its retries)" in out
    assert "to run those again: harvester run h.toml first plain browser" in out


def test_scans_that_spent_a_harvests_retries_are_not_asked_for_by_the_later_harvests_of_the_site(tmp_path: Path, monkeypatch,
                                                                                                capsys):
    """The site's scans unwell (503 after 503), its pages whole: the first harvest's scans spent its retries and ended
    there; the next harvest of the site, with retries of its own, spent them on the same scans again (up to a hundred,
    waiting a minute each on a Retry-After). It asks for none, and says so once; a mirror's scans are asked for."""
    import harvester.fetch.client
    from tests.test_cli import run_cli
    from tests.test_pdfs import site

    monkeypatch.setattr(harvester.fetch.client.Fetcher, "_budget_spent", lambda self, state: self.retries >= 6)
    unwell = lambda n, path: Fault(503) if path.endswith((".pdf", "/download")) else None   # noqa: E731
    with FaultServer(site, unwell) as server, FaultServer(site) as mirror:
        (tmp_path / "harvests.toml").write_text(
            f'out = "data"\ndelay = 0\nquery = "{QUERY}"\ndetails = true\npdfs = true\n'
            + "".join(f'[[harvest]]\nname = "{name}"\nbase_url = "{origin}"\n' for name, origin in
                      (("a", server.origin), ("b", server.origin), ("m", mirror.origin.replace("127.0.0.1", "localhost")))),
            encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "harvests.toml"))
        asked = [path for path in server.requests if path.endswith((".pdf", "/download"))]
    assert code == 1 and out.splitlines()[-4:-1] == [f"harvest {n}, {name} (“{QUERY}”): done{w}" for n, name, w in
                                                      ((1, "a", ", with warnings"), (2, "b", ", with warnings"), (3, "m", ""))]
    assert len(asked) == 5 + 3   # harvest a's alone: the first scan's five tries, the second's three
    assert f"{server.origin}: a harvest before this one spent its retries on the scans; 16 scans not asked for: their PDFs " \
           "are as earlier runs left them" in err
    assert run_report(tmp_path / "data", "b")["pdfs"] == {"downloaded": 0, "unchanged": 0, "failed": 16}


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "no [[harvest]] tables"), ("[[harvest]]\nname = 'x'\n", "harvest 1: give one of url, query or all = true"),
     ("[[harvest]]\nquery = 'x'\nspeed = 3\n", "harvest 1: unknown key 'speed' (known: "),
     ("[[harvest]]\nquery = 'x'\nmax-pages = 3\n", "harvest 1: unknown key 'max-pages' (did you mean 'max_pages'? known: "),
     ("format = ['csv']\n[[harvest]]\nquery = 'x'\n", "top level: unknown key 'format' (did you mean 'formats'? known: "),
     ("delay = 'fast'\n[[harvest]]\nquery = 'x'\n", 'top level: delay = "fast" is not a number: give delay = 5'),
     ("[[harvest]]\nquery = 'x'\nformats = 'csv,json'\n", 'harvest 1: formats = "csv,json" is not a list: give formats = ["csv", "json"]'),
     ("[[harvest]]\nquery = 'x'\nname = true\n", 'harvest 1: name = true is not a string: give name = "..."'),
     ("[[harvest]]\nquery = 1979-05-27T07:32:00\n", 'harvest 1: query = 1979-05-27T07:32:00 is not a string: give query = "..."'),
     ("[[harvest]]\nquery = 'x'\nmax_pages = inf\n", "harvest 1: max_pages = inf is not a whole number: give max_pages = 10"),
     ('[[harvest]]\nquery = "x"\ndelay = "5\\u2028\\u0085\\u00a0"\n', 'harvest 1: delay = "5\\u2028\\u0085\\u00a0" is not a number'),
     ("[[harvest]]\nquery = 'x'\nformats = ['csv', {a = 1, 'b c' = 2.5}]\n",
      'harvest 1: formats = ["csv", {a = 1, "b c" = 2.5}]: give a list of names'),
     ("query = 'x'\n[[harvest]]\nurl = 'https://digitalarchive.wilsoncenter.org/search'\n", "harvest 1: give only one of url, "
      "query or all = true (query: given at the top level, for every harvest; give each harvest its own search instead)"),
     ("[[harvest]\nquery = 'x'\n", "not valid TOML"),
     ("[[harvest]]\nquery = 'x'\nsite = 'nope'\n", "harvest 1: unknown site 'nope'"),
     ("harvest = ['a']\n", "no [[harvest]] tables"),
     ("[harvest]\nquery = 'x'\n", "h.toml: [harvest] is written with two brackets, [[harvest]], one for each harvest"),
     ("[[harvests]]\nquery = 'x'\n", "h.toml: [[harvests]]: each harvest is a [[harvest]] table"),
     ("[[harvest]]\nquery = 'x'\nmax_pages = 0\n", "harvest 1: max_pages = 0: give 1 or more"),
     ("[[harvest]]\nquery = 'x'\ndelay = nan\n", "harvest 1: delay = nan: give seconds, 0 to 3600"),
     ("delay = -3\n[[harvest]]\nquery = 'x'\n", "harvest 1: delay = -3: give seconds, 0 to 3600"),
     ("delay = 1e300\n[[harvest]]\nquery = 'x'\n", "harvest 1: delay = 1e+300: give seconds, 0 to 3600"),
     ("[[harvest]]\nquery = 'x'\nchallenge_wait = 0\n", "harvest 1: challenge_wait = 0: give seconds, 1 to 3600"),
     ("[[harvest]]\nquery = 'x'\nchallenge_wait = inf\n", "harvest 1: challenge_wait = inf: give seconds, 1 to 3600"),
     ("[[harvest]]\nquery = 'x'\ndelay = -inf\n", "harvest 1: delay = -inf: give seconds, 0 to 3600"),
     ("[[harvest]]\nquery = 'x'\nbase_url = 'ftp://mirror'\n", "harvest 1: base_url = 'ftp://mirror': give an origin"),
     ("[[harvest]]\nquery = 'x'\nbase_url = 'http://[::1'\n", "harvest 1: base_url = 'http://[::1': give an origin"),
     ("[[harvest]]\nquery = 'x'\nbase_url = 'http://mirror..example'\n", "harvest 1: base_url = 'http://mirror..example': give an origin"),
     ("[[harvest]]\nquery = 'x'\nbase_url = 'http://xn--a.example'\n", "harvest 1: base_url = 'http://xn--a.example': give an origin"),
     ("[[harvest]]\nquery = 'x'\nformats = [1, 2]\n", "harvest 1: formats = [1, 2]: give a list of names"),
     ("[[harvest]]\nquery = 'x'\nformats = ['xml']\n", "harvest 1: formats 'xml': choose from"),
     ("[[harvest]]\nquery = ' '\n", "harvest 1: query is empty: give words to search for, or all = true for the whole archive"),
     ("[[harvest]]\nquery = 'x'\nfetch = 'browser'\nbrowser_profile = ''\n", "harvest 1: browser_profile = \"\" is an empty path"),
     ("out = ''\n[[harvest]]\nquery = 'x'\n", "top level: out = \"\" is an empty path"),
     ('[[harvest]]\nquery = "x"\nout = "a\\u0000b"\n', 'harvest 1: out = "a\\u0000b" holds a NUL character'),
     ('[[harvest]]\nquery = "x"\nout = "https://digitalarchive.wilsoncenter.org/search"\n', "harvest 1: out = "
      '"https://digitalarchive.wilsoncenter.org/search": a web address, not a file or folder on this machine'),
     ("[[harvest]]\nquery = 'x'\nout = 'a'\n  out = 'b'   # the week after\n", "h.toml: line 4: out is given twice in one table"),
     ("out = 'a'\nout = 'b'\n[[harvest]]\nquery = 'x'\n", "h.toml: line 2: out is given twice in one table"),
     ("[harvest]\nquery = 'x'\n[harvest]\nquery = 'y'\n", "h.toml: [harvest] is written with two brackets, [[harvest]]"),
     ("[harvest]\nquery = 'x'\n[[harvest]]\nquery = 'y'\n", "h.toml: [harvest] is written with two brackets, [[harvest]]")],
    ids=["empty", "no-query", "unknown-key", "dashed-key", "command-line-key", "bad-type", "formats-a-string", "name-true",
         "query-a-date", "max-pages-inf", "delay-unseen-characters", "formats-a-table", "top-level-query-and-url", "bad-toml", "bad-site",
         "harvest-not-tables", "one-bracket",
         "misspelt-table", "max-pages-0",
         "delay-nan", "delay-negative", "delay-huge", "challenge-wait-0", "challenge-wait-inf", "delay-minus-inf", "base-url-ftp", "base-url-bad",
         "base-url-empty-label", "base-url-no-idna-name",
         "formats-not-names", "unknown-format", "empty-query", "empty-browser-profile", "empty-out", "nul-in-out",
         "address-as-out", "key-twice", "top-level-key-twice", "one-bracket-twice", "one-bracket-then-two"],
)
def test_a_bad_harvests_file_is_one_line_naming_the_file(tmp_path: Path, text: str, message: str):
    path = tmp_path / "h.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match="h.toml" if "site" not in message else "nope") as raised:
        load_jobs(path)
    assert message in str(raised.value)


@pytest.mark.parametrize(("value", "written"), [
    (True, "true"), ("fast", '"fast"'), (float("inf"), "inf"), (1e300, "1e+300"),
    (datetime(1979, 5, 27, 7, 32), "1979-05-27T07:32:00"),
    ([float("inf"), -float("inf"), 1], "[inf, -inf, 1]"), ([datetime(1979, 5, 27).date(), [True]], "[1979-05-27, [true]]"),
    ({"a": 1, "b c": 2.5, "d": {"e": False}}, '{a = 1, "b c" = 2.5, d = {e = false}}'),
    ('say "x"\n', '"say \\"x\\"\\n"'), ("5\u2028\x85", '"5\\u2028\\u0085"'), ("tag\U000e0001", '"tag\\U000e0001"'),
])
def test_a_value_in_a_harvests_file_message_is_said_as_toml_writes_it(value, written: str):
    """A message quotes a value as the file wrote it: a list's or a table's values too, in TOML's words (inf, a date
    bare, `key = value`), and a character no one can see by TOML's escape (\\U and eight digits above U+FFFF)."""
    from harvester.config import as_written

    assert as_written(value) == written


def test_a_cookies_file_that_is_a_folder_is_said_so(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    (tmp_path / "h.toml").write_text("query = 'x'\ndelay = 0\nbase_url = 'http://127.0.0.1:9'\n[[harvest]]\nname = 'one'\n"
                                     "cookies = '.'\nuser_agent = 'Mozilla/5.0'\n", encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"))
    assert code == 2 and f"harvester: error: {tmp_path / 'h.toml'}: harvest 1: cookies {tmp_path}: a folder, not a cookies " \
                         "file\n" in err


@pytest.mark.parametrize("name", ["", " "])   # "$NAME", "$A $B": of variables not set
def test_an_empty_name_after_the_harvests_file_is_said_so(tmp_path: Path, monkeypatch, capsys, name):
    from tests.test_cli import run_cli

    (tmp_path / "h.toml").write_text("[[harvest]]\nquery = 'x'\nname = 'one'\n", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"), name)
    assert (code, out) == (2, "") and err == f"harvester: error: {tmp_path / 'h.toml'}: no harvest of dataset {name!r} (an " \
                                             "empty NAME); its harvests: one\n"


@pytest.mark.parametrize("second, said", [
    ("query = 'y'\nnames = 'missing.csv'\n", "h.toml: harvest 2: {tmp}/missing.csv: cannot read the names file"),
    ("query = 'y'\nname = '../evil'\n", "h.toml: harvest 2: name '../evil': use letters"),
    ("query = 'y'\nname = 'one'\n", "h.toml: harvest 2: its dataset one in {tmp}/data is harvest 1's, of another search"),
    ("query = 'y'\nname = 'one.people'\n", "h.toml: harvest 2: datasets one (harvest 1) and one.people (harvest 2) in "
                                            "{tmp}/data would write the same files"),
    ("query = 'y'\nout = 'h.toml'\n", "h.toml: harvest 2: out {tmp}/h.toml: not a folder"),
], ids=["names-file-missing", "bad-name", "one-dataset-two-searches", "one-datasets-people-table", "out-a-file"])
def test_a_harvest_that_could_never_run_stops_the_file_before_any_harvest_runs(tmp_path: Path, monkeypatch, capsys,
                                                                              second: str, said: str):
    from tests.test_cli import run_cli

    (tmp_path / "h.toml").write_text("out = 'data'\ndelay = 0\nbase_url = 'http://127.0.0.1:9'\n[[harvest]]\nquery = 'x'\n"
                                     f"name = 'one'\n[[harvest]]\n{second}", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"))
    assert code == 2 and said.format(tmp=tmp_path) in err and err.count("\n") == 1 and out == ""
    assert not (tmp_path / "data").exists()             # the first harvest did not run


@pytest.mark.parametrize("encoding, line", [("utf-16", 1), ("latin-1", 3)])
def test_a_harvests_file_that_is_not_utf8_is_said_so_with_its_line(tmp_path: Path, encoding: str, line: int):
    """PowerShell's `>` writes UTF-16; an old editor Latin-1: the file is to be saved as UTF-8, as TOML files are."""
    (tmp_path / "h.toml").write_text("[[harvest]]\nout = 'data'\nquery = 'Politique étrangère'\n", encoding=encoding)
    with pytest.raises(UsageError) as raised:
        load_jobs(tmp_path / "h.toml")
    assert str(raised.value) == f"{tmp_path / 'h.toml'}: not UTF-8 text (line {line}): save it as UTF-8, as TOML files are"


def test_a_harvests_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path):
    (tmp_path / "h.toml").write_text("\ufeff[[harvest]]\nquery = 'x'\n", encoding="utf-8")   # as Notepad saves it
    [job] = load_jobs(tmp_path / "h.toml")
    assert job.search.query == "x"


def test_one_search_harvested_twice_into_one_dataset_is_refused(tmp_path: Path):
    """The second run would find nothing changed and write over the first's report of what changed this week."""
    from harvester.cli import _check_together

    (tmp_path / "h.toml").write_text("[[harvest]]\nquery = 'x'\nname = 'one'\n[[harvest]]\nquery = 'x'\nname = 'one'\n"
                                     "details = true\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"h.toml: harvest 2: its dataset one in \S+ is harvest 1's; give one of them another name$"):
        _check_together(tmp_path / "h.toml", load_jobs(tmp_path / "h.toml"))
    (tmp_path / "h.toml").write_text("[[harvest]]\nquery = 'x'\nname = 'one'\n[[harvest]]\nquery = 'x'\nname = 'two'\n"
                                     "details = true\n", encoding="utf-8")
    _check_together(tmp_path / "h.toml", load_jobs(tmp_path / "h.toml"))   # one search into two datasets: as asked


def test_relative_paths_in_the_harvests_file_are_relative_to_the_file(tmp_path: Path):
    (tmp_path / "h.toml").write_text("[[harvest]]\nquery = 'x'\nout = 'data'\nformats = ['jsonl']\n", encoding="utf-8")
    [job] = load_jobs(tmp_path / "h.toml")
    assert (job.out, job.formats, job.settings.delay) == (tmp_path / "data", ("jsonl",), 3.0)
    assert timedelta(hours=job.settings.resume_within) == timedelta(hours=24)


def test_conditional_requests_reuse_unchanged_pages_and_the_archive_still_reparses(tmp_path: Path):
    docs = [doc(n) for n in range(25)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs), etags=True) as server:
        run(server, tmp_path, clock)
        clock.sleep(3600)
        docs[24] = (docs[24][0], docs[24][1], "Changed on the last page")
        second = run(server, tmp_path, clock)
    assert server.not_modified == 2                      # pages 0 and 1 unchanged; page 2 changed
    assert [(c["id"], c["fields"], c["now"]["title"]) for c in run_report(tmp_path, "s")["changed"]] == [
        ("telegram-24", ["title", "summary"], "Changed on the last page")]
    assert second.report["changed"] == 1
    assert [r["id"] for r in dataset(tmp_path, "s")] == [d[0] for d in docs]
    run_two = sorted((tmp_path / "archive").glob("s-run0002-*"))
    again = reparse([tmp_path / "archive"], WILSON, tmp_path / "re", "s", ["json"], workers=0)  # 304s: run 1's copies
    fields = ("id", "title", "harvested_at")   # the unchanged pages' records at the time run 2 confirmed them
    assert [[r[f] for f in fields] for r in dataset(tmp_path / "re", "s")] == [[r[f] for f in fields] for r in dataset(tmp_path, "s")]
    assert {r["harvested_at"] for r in dataset(tmp_path, "s")} == {"2026-11-26T13:00:00+00:00"}
    assert len(run_two) == 1 and again.warnings == []


def test_a_reparse_of_weeks_of_runs_lists_the_documents_in_the_last_runs_order(tmp_path: Path):
    """Each week's uploads come first and move every other result on: a re-parse of the archive lists each document
    where its latest copy lists it, as the last run did, not where the first run's pages had it; one no longer
    listed comes where it was last listed: in run 2, after the one before it there, where that one is now."""
    docs = [doc(n) for n in range(25)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path, clock)
        for week in range(2):
            clock.sleep(7 * 24 * 3600)
            docs[:0] = [doc(900 + 3 * week + n) for n in range(3)]
            gone = docs.pop(12) if week else None
            run(server, tmp_path, clock)
    reparse([tmp_path / "archive"], WILSON, tmp_path / "re", "s", ["json"], workers=0)
    harvested = [r["id"] for r in dataset(tmp_path, "s")]
    before = harvested.index(doc(int(gone[0].removeprefix("telegram-")) - 1)[0])
    assert [r["id"] for r in dataset(tmp_path / "re", "s")] == harvested[:before + 1] + [gone[0]] + harvested[before + 1:]


def _two_runs_in_one_second(tmp_path: Path) -> None:
    """Two runs of a search of 25 documents within one second (a fake clock), the second listing three uploads more."""
    docs = [doc(n) for n in range(25)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path, clock)
        docs[:0] = [doc(900 + n) for n in range(3)]
        run(server, tmp_path, clock)


def test_a_reparse_of_runs_fetched_in_one_second_takes_them_in_run_order_whatever_their_folders(tmp_path: Path):
    """Two runs within one second, the second listing three uploads more: their archive files, named in either order
    from folders that sort the later run first, re-parse as the archive's folder does, the later run's pages last."""
    _two_runs_in_one_second(tmp_path)
    whole = reparse([tmp_path / "archive"], WILSON, tmp_path / "whole", "s", ["json"], workers=0)
    files = [tmp_path / folder / f"s-run000{run}-part1.warc.gz" for folder, run in (("a", 2), ("b", 1))]
    for file in files:
        file.parent.mkdir()
        (tmp_path / "archive" / file.name).rename(file)
    for order in (files, files[::-1]):
        again = reparse(order, WILSON, tmp_path / "again", "s", ["json"], workers=0)
        assert (again.total, again.warnings) == (whole.total, whole.warnings) == (28, [])
        assert dataset(tmp_path / "again", "s") == dataset(tmp_path / "whole", "s")


def test_a_reparse_reads_a_folder_given_by_a_relative_path_as_given_by_its_whole_path(tmp_path: Path, monkeypatch):
    """Two runs within one second, the second listing three uploads more, its archive file renamed by hand (later.warc.gz)
    beside the first's in a folder x: x was read in another order than its whole path (harvester's archive file by its
    name, the other by its path), and took the other run's total."""
    _two_runs_in_one_second(tmp_path)
    (tmp_path / "x").mkdir()
    for run_file, name in (("s-run0001-part1.warc.gz", "s-run0001-part1.warc.gz"), ("s-run0002-part1.warc.gz", "later.warc.gz")):
        (tmp_path / "archive" / run_file).rename(tmp_path / "x" / name)
    monkeypatch.chdir(tmp_path)
    relative = reparse([Path("x")], WILSON, tmp_path / "relative", "s", ["json"], workers=0)
    whole = reparse([tmp_path / "x"], WILSON, tmp_path / "whole", "s", ["json"], workers=0)
    assert relative.total == whole.total
    assert dataset(tmp_path / "relative", "s") == dataset(tmp_path / "whole", "s")


def weekly_runs(out: Path, titles: tuple[str, ...], failing: int = 0) -> None:
    """A run a week of a search of three results pages, the last document's title on each (pages 0 and 1 then answer
    304 on every run after the first); then `failing` runs while the site is down (503)."""
    docs = [doc(n) for n in range(25)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs), etags=True) as server:
        for title in titles:
            docs[24] = (docs[24][0], docs[24][1], title)
            run(server, out, clock)
            clock.sleep(7 * 24 * 3600)
        server.script = lambda n, p: Fault(503)
        for _ in range(failing):
            with pytest.raises(FetchError):
                run(server, out, clock, attempts=1)
            clock.sleep(7 * 24 * 3600)


def test_prune_keeps_the_last_runs_and_the_earlier_files_that_hold_their_unchanged_pages(tmp_path: Path, monkeypatch, capsys):
    """A weekly harvest's archive only grows. Pruning it to the last run keeps the first run's file, which holds the
    copies of the pages the last run found unchanged (304), and removes the second's, whose one page changed again:
    the files left re-parse to the same dataset as all of them, with no warning."""
    from tests.test_cli import run_cli

    weekly_runs(tmp_path, ("As first harvested", "Changed once", "Changed twice"))
    files = sorted(path.name for path in (tmp_path / "archive").iterdir())
    assert files == ["s-run0001-part1.warc.gz", "s-run0002-part1.warc.gz", "s-run0003-part1.warc.gz"]
    before = reparse([tmp_path / "archive"], WILSON, tmp_path / "before", "s", ["json"], workers=0)
    code, out, _ = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1", "--dry-run")
    assert code == 0 and out.splitlines()[0] == f"would remove {tmp_path / 'archive' / 's-run0002-part1.warc.gz'}"
    assert out.splitlines()[1].startswith("s: would remove 1 WARC file (") and out.endswith("MB), kept 2\n")
    assert sorted(path.name for path in (tmp_path / "archive").iterdir()) == files
    code, out, _ = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    assert code == 0 and out.startswith("s: removed 1 WARC file (")
    assert sorted(path.name for path in (tmp_path / "archive").iterdir()) == [files[0], files[2]]
    after = reparse([tmp_path / "archive"], WILSON, tmp_path / "after", "s", ["json"], workers=0)
    assert dataset(tmp_path / "after", "s") == dataset(tmp_path / "before", "s") and dataset(tmp_path, "s")[24]["title"] == \
        "Changed twice" == dataset(tmp_path / "after", "s")[24]["title"]
    assert before.warnings == after.warnings == [] and (before.pages, after.pages) == (9, 6)   # runs 1 and 3: 3 pages each
    naive = reparse([tmp_path / "archive" / files[2]], WILSON, tmp_path / "naive", "s", ["json"], workers=0)
    assert naive.documents == 5 and len(naive.warnings) > 1   # the last run's file alone: its 304s point at run 1's


def test_prune_keeps_the_last_finished_runs_not_the_last_runs(tmp_path: Path, monkeypatch, capsys):
    """Two weeks of an outage: their runs failed; the last run that finished, and what it needs, stay."""
    from tests.test_cli import run_cli

    weekly_runs(tmp_path, ("As first harvested", "Changed once"), failing=2)
    assert len(list((tmp_path / "archive").iterdir())) == 4
    code, out, _ = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    assert code == 0 and out.startswith("s: removed 0 WARC files (0.00 MB), kept 4")   # run 2 needs run 1's pages 0, 1
    again = reparse([tmp_path / "archive"], WILSON, tmp_path / "re", "s", ["json"], workers=0)
    assert (again.documents, again.pages, again.warnings) == (25, 6, [])


@pytest.mark.parametrize("damage", ["flipped", "hole", "torn", "empty"])
def test_prune_keeps_a_damaged_file_and_every_file_before_it(tmp_path: Path, monkeypatch, capsys, damage: str):
    """What a file that cannot be read whole holds, or refers to, is unknown: run 2's file, which prune would remove
    whole (run 3 changed its one page again), stays when damaged, and so does run 1's. A file torn at its end, as a run
    killed while writing it leaves it, is read up to the tear, and is no damage; an empty file (a disk full) holds nothing."""
    from tests.test_cli import run_cli

    weekly_runs(tmp_path, ("As first harvested", "Changed once", "Changed twice"))
    second = tmp_path / "archive" / "s-run0002-part1.warc.gz"
    body = second.read_bytes()
    middle = len(body) // 2
    second.write_bytes({"empty": b"", "flipped": body[:middle] + bytes(b ^ 0x55 for b in body[middle:middle + 64])
                        + body[middle + 64:], "hole": body[:middle] + body[middle + 200:], "torn": body[:-100]}[damage])
    code, out, err = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    if damage in ("torn", "empty"):
        assert (code, err) == (0, "") and out.startswith("s: removed 1 WARC file (")
        return
    assert code == 1 and out.startswith("s: removed 0 WARC files (0.00 MB), kept 3")
    assert f"WARNING {second} cannot be read whole (damaged?): it is kept, and every file before it, as what it holds and " \
        "refers to is unknown (move it away to prune them)" in err
    assert len(list((tmp_path / "archive").iterdir())) == 3


@pytest.mark.parametrize("junk", [b"junk appended\n", bytes(4096), gzip.compress(b"no WARC record") + b"junk"],
                         ids=["text", "zeros", "gzip"])   # bytes appended; a disk's zero padding; a gzip member holding no record
def test_prune_reads_a_file_with_junk_after_its_last_record_whole_as_a_reparse_does(tmp_path: Path, monkeypatch, capsys,
                                                                                   junk: bytes):
    """Junk after the last run's last record hides none of its records (a re-parse reads them all): prune reads its
    304s too, and keeps run 1's file, which holds their pages, and removes run 2's, as for a whole file; one warning
    names the file and its junk."""
    from tests.test_cli import run_cli

    weekly_runs(tmp_path, ("As first harvested", "Changed once", "Changed twice"))
    third = tmp_path / "archive" / "s-run0003-part1.warc.gz"
    third.write_bytes(third.read_bytes() + junk)
    code, out, err = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    assert code == 1 and out.startswith("s: removed 1 WARC file (") and out.endswith("MB), kept 2\n")
    [warning] = err.splitlines()
    assert re.fullmatch(rf".*WARNING {re.escape(str(third))}: junk after its last record \("
                        r"(junk appended|\[4,096 zero bytes\]|no WARC record)\); the records before it are read whole", warning), warning
    assert sorted(path.name for path in (tmp_path / "archive").iterdir()) == ["s-run0001-part1.warc.gz", third.name]


@pytest.mark.parametrize("junk", [b"junk appended\n", bytes(4096)], ids=["text", "zeros"])
def test_prune_says_no_junk_of_a_file_it_removes_and_still_says_that_of_one_it_keeps(tmp_path: Path, monkeypatch, capsys,
                                                                                     junk: bytes):
    """Junk after the last record of run 2's file, which prune removes, can mislead no one: no warning, and the exit of
    a clean file; the same junk in run 3's, which it keeps, is still said."""
    from tests.test_cli import run_cli

    for folder, damaged in (("removed", (2,)), ("both", (2, 3))):
        weekly_runs(tmp_path / folder, ("As first harvested", "Changed once", "Changed twice"))
        second, third = (tmp_path / folder / "archive" / f"s-run000{run}-part1.warc.gz" for run in (2, 3))
        for run in damaged:
            path = (second, third)[run - 2]
            path.write_bytes(path.read_bytes() + junk)
        code, out, err = run_cli(monkeypatch, capsys, "prune", str(tmp_path / folder), "--keep-runs", "1")
        assert out.startswith("s: removed 1 WARC file (") and not second.exists()
        assert (code, err) == (0, "") if folder == "removed" else code == 1 and len(err.splitlines()) == 1
    assert f"WARNING {third}: junk after its last record" in err


def test_prune_takes_a_file_cut_in_its_last_records_first_bytes_for_torn_not_damaged_nor_junk(tmp_path: Path):
    """A run killed while writing the first bytes of its last record (its header's first line, 'WAR', read as a line
    of text after the last whole record) leaves a torn file, no junk: no warning, and run 2's file, which the last
    run's does not need, goes."""
    from harvester.fetch.archive import files_to_keep

    weekly_runs(tmp_path, ("As first harvested", "Changed once", "Changed twice"))
    second, third = (tmp_path / "archive" / f"s-run000{run}-part1.warc.gz" for run in (2, 3))
    body = third.read_bytes()
    last = body.rindex(b"\x1f\x8b\x08")   # (the last record's gzip member)
    for end in range(last + 1, min(last + 200, len(body))):
        third.write_bytes(body[:end])
        _, old, warnings = files_to_keep(tmp_path / "archive", "s", [3])
        assert (old, warnings) == ([second], []), (end - last, warnings)


def test_prune_keeps_every_file_before_one_whose_last_record_is_a_revisit_damaged_in_its_first_line(tmp_path: Path,
                                                                                                       monkeypatch, capsys):
    """A record whose first line is damaged ('WARC/1.1' become 'WXRC/1.1') is no junk after the last record: the
    revisit it is refers to a page of run 1's file, which stays (with run 2's), as for any damaged file."""
    from warcio.archiveiterator import ArchiveIterator

    from tests.test_cli import run_cli

    weekly_runs(tmp_path, ("As first harvested", "Changed once", "Changed twice"))
    third = tmp_path / "archive" / "s-run0003-part1.warc.gz"
    with third.open("rb") as stream:
        records = ArchiveIterator(stream)
        starts = [records.get_record_offset() for record in records if record.rec_type == "revisit"]
    data = third.read_bytes()
    revisit = gzip.decompress(data[starts[0]:starts[1]])
    third.write_bytes(data[:starts[0]] + gzip.compress(b"WXRC" + revisit[4:]))   # (the run's last record: its first revisit)
    code, out, err = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    assert code == 1 and out.startswith("s: removed 0 WARC files (0.00 MB), kept 3")
    assert f"WARNING {third} cannot be read whole (damaged?)" in err
    assert len(list((tmp_path / "archive").iterdir())) == 3


def test_prune_counts_the_runs_of_an_earlier_state_and_not_those_whose_files_were_deleted(tmp_path: Path, monkeypatch, capsys):
    """A state moved away (as the docs advise for a damaged one) starts a history that numbers its runs after the
    archive's: the archive's earlier runs finished too. A finished run whose files were deleted by hand is no run a
    re-parse can read: the last one it can stays."""
    from tests.test_cli import run_cli

    weekly_runs(tmp_path / "a", ("First", "Second", "Third"))
    (tmp_path / "a" / ".harvester" / "s.sqlite").rename(tmp_path / "moved-away.sqlite")
    weekly_runs(tmp_path / "a", ("Fourth", "Fifth"))     # runs 4 and 5; run 4 fetches every page anew
    code, out, _ = run_cli(monkeypatch, capsys, "prune", str(tmp_path / "a"), "--keep-runs", "4", "--dry-run")
    assert code == 0 and out == "s: would remove 0 WARC files (0.00 MB), kept 5\n"   # runs 2 to 5, and run 1 for run 2's 304s
    code, out, _ = run_cli(monkeypatch, capsys, "prune", str(tmp_path / "a"), "--keep-runs", "1")
    assert code == 0 and out.startswith("s: removed 3 WARC files (")
    assert sorted(path.name for path in (tmp_path / "a" / "archive").iterdir()) == ["s-run0004-part1.warc.gz", "s-run0005-part1.warc.gz"]
    weekly_runs(tmp_path / "b", ("First", "Second", "Third"))
    (tmp_path / "b" / "archive" / "s-run0003-part1.warc.gz").unlink()
    code, out, _ = run_cli(monkeypatch, capsys, "prune", str(tmp_path / "b"), "--keep-runs", "1")
    assert code == 0 and out == "s: removed 0 WARC files (0.00 MB), kept 2\n"


def test_no_hole_in_a_record_hides_the_304s_after_it_from_prune(tmp_path: Path):
    """Bytes lost from the middle of a record's gzip member (a bad sector) may go unnoticed by warcio, which then reads
    the members after it as part of it: the 304 revisit after it, which points at run 1's copy, must not go unseen."""
    from harvester.fetch.archive import WarcArchive, files_to_keep
    from harvester.fetch.page import Page

    archive = tmp_path / "archive"
    page = sorted((FIXTURES / "wilson" / "documents").glob("*.html"))[0].read_bytes()
    with WarcArchive(archive / "s-run0001-part1.warc.gz") as first:
        first.write(Page("https://example.org/doc/x", b"<html>x</html>", 200, {"etag": '"x"'}, "2026-11-01T00:00:00+00:00",
                         requested="https://example.org/doc/x"))
    with WarcArchive(archive / "s-run0002-part1.warc.gz") as second:
        second.write(Page("https://example.org/doc/a", page, 200, {"content-type": "text/html"}, "2026-11-08T00:00:00+00:00",
                          requested="https://example.org/doc/a"))
        second.write_not_modified(Page("https://example.org/doc/x", b"", 304, {"etag": '"x"'}, "2026-11-08T00:00:01+00:00",
                                       requested="https://example.org/doc/x"), "https://example.org/doc/x", "2026-11-01T00:00:00+00:00")
    body = (archive / "s-run0002-part1.warc.gz").read_bytes()
    revisit = body.rindex(b"\x1f\x8b\x08")   # where the revisit's gzip member begins
    assert files_to_keep(archive, "s", [2])[:2] == (sorted(archive.iterdir()), [])
    for start in range(revisit - 1200, revisit - 512):
        (archive / "s-run0002-part1.warc.gz").write_bytes(body[:start] + body[start + 512:])
        kept, removable, _ = files_to_keep(archive, "s", [2])
        assert removable == [], f"a hole at byte {start} hid run 2's 304"


def test_prune_waits_for_no_run_and_names_what_it_cannot_find(tmp_path: Path, monkeypatch, capsys):
    from harvester.state import dataset_lock
    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        run(server, tmp_path)
    with dataset_lock(tmp_path, "s"):   # a harvest of the dataset going on
        busy = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    mistyped = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1", "--name", "z")
    assert busy[0] == 8 and "another harvester run is working on s" in busy[2]
    assert "--out" not in busy[2], "prune takes no --out: its advice to use another could not be followed"
    assert mistyped[0] == 2 and mistyped[2] == f"harvester: error: {tmp_path}: no dataset z with WARC files in {tmp_path / 'archive'}\n"
    assert len(list((tmp_path / "archive").iterdir())) == 2
    inside = run_cli(monkeypatch, capsys, "prune", str(tmp_path / "archive"), "--keep-runs", "1")   # the archive itself
    assert inside[0] == 2 and inside[2].endswith(f"(give the output folder, {tmp_path}, which holds archive/)\n")
    code, out, _ = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    assert code == 0 and [path.name for path in (tmp_path / "archive").iterdir()] == ["s-run0002-part1.warc.gz"]


@pytest.mark.parametrize("how", ["read-only", "not-yours"])
def test_prune_in_a_folder_it_cannot_remove_files_from_names_the_folder_and_what_to_do(tmp_path: Path, monkeypatch, capsys,
                                                                                        request, how: str):
    """Removing a file needs its folder writable: prune said of the file "cannot write: it is read-only or not yours: make
    it writable (chmod u+w), or use another --out": the file's rights do not matter, and prune takes no --out. Read-only
    is, for root, a read-only mount; another user's folder is the system's refusal (as root, simulated)."""
    import errno

    from tests.test_cli import run_cli
    from tests.test_faults import _read_only

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        run(server, tmp_path)
    folder = tmp_path / "archive"
    before = sorted(folder.iterdir())
    if how == "read-only":
        _read_only(folder, request)
    else:
        _refuse_unlink(monkeypatch, folder, errno.EACCES)
    code, _, err = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    chmod = f"it is read-only or not yours: make it writable (chmod u+w {folder})"
    assert code == 2 and err in {f"harvester: error: {folder}: cannot remove files from it: {why}\n"
                                 for why in (chmod, *["its file system is read-only"] * (how == "read-only"))}
    assert sorted(folder.iterdir()) == before


def test_prune_of_a_file_the_system_will_not_let_go_names_the_file_not_the_folders_rights(tmp_path: Path, monkeypatch, capsys):
    """EPERM from unlink is not the folder's rights (that is EACCES): the file, or its folder, is marked immutable
    (chattr +i), or the file is another user's in a sticky folder. It was said as a folder to chmod u+w, which is
    writable already. As root, the system's refusal simulated."""
    import errno

    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        run(server, tmp_path)
    folder = tmp_path / "archive"
    before = sorted(folder.iterdir())
    _refuse_unlink(monkeypatch, folder, errno.EPERM)
    code, _, err = run_cli(monkeypatch, capsys, "prune", str(tmp_path), "--keep-runs", "1")
    assert (code, err) == (2, f"harvester: error: {before[0]}: cannot remove it: it or its folder is marked immutable or "
                              "append-only (lsattr -d shows it), or it is another user's in a shared folder\n")
    assert sorted(folder.iterdir()) == before


# a run killed once it committed a change (argv[2]) to the state (argv[1]): the change is in the -wal file alone
KILLED = ("import os, signal, sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('PRAGMA journal_mode=WAL'); "
          "db.execute(sys.argv[2]); db.commit(); os.kill(os.getpid(), signal.SIGKILL)")


def _pruned_folder(tmp_path: Path, request, how: str, killed: bool, gone: str = "") -> Path:
    """Three weekly runs, the third `killed` as it ended; the state's file `gone` deleted since; the disk then full, or
    the state's folder read-only."""
    from tests.test_faults import _read_only, mount_small_disk

    out = tmp_path / "data"
    if how == "full":
        out.mkdir()
        mount_small_disk(out, request, "4m")
    weekly_runs(out, ("First", "Second", "Third"))
    database = out / ".harvester" / "s.sqlite"
    if killed:   # run 3's end (its report) in the write-ahead log alone: prune, not reading it, would keep run 2
        with contextlib.closing(sqlite3.connect(database)) as db:
            db.executescript("CREATE TABLE ended AS SELECT report FROM runs WHERE id = 3; UPDATE runs SET report = NULL WHERE id = 3")
        subprocess.run([sys.executable, "-c", KILLED, str(database), "UPDATE runs SET report = (SELECT report FROM ended) WHERE id = 3"])
        assert database.with_name("s.sqlite-wal").stat().st_size
    if gone:   # (by hand, or by a clean-up of what looks like temporary files)
        database.with_name(gone).unlink()
    if how == "full":
        with pytest.raises(OSError), (out / "filler").open("wb") as filler:
            while True:
                filler.write(bytes(1 << 16))
    else:
        _read_only(out / ".harvester", request)
    return out


@pytest.mark.parametrize("killed, gone", [(False, ""), (True, ""), (False, "s.lock")],
                         ids=["", "after-a-killed-run", "its-lock-file-deleted"])
@pytest.mark.parametrize("how", ["read-only", "full"])
def test_prune_and_its_dry_run_write_nothing_so_work_on_a_full_disk(tmp_path: Path, monkeypatch, capsys, request, how: str,
                                                                     killed: bool, gone: str):
    """Prune is what frees room: on a full disk, or with the state's folder read-only, it reads the state as it is,
    writing nothing there (no SQLite journal either), and so does its dry run; so too when a killed run left its last
    changes in the state's write-ahead log (which SQLite reads with the index the run left beside it, NAME.sqlite-shm).
    A lock file deleted is none a run holds (a run makes it first): where none can be made, there is none to take."""
    from tests.test_cli import run_cli

    out = _pruned_folder(tmp_path, request, how, killed, gone)
    state = sorted(path.name for path in (out / ".harvester").iterdir())
    code, said, _ = run_cli(monkeypatch, capsys, "prune", str(out), "--keep-runs", "1", "--dry-run")
    assert code == 0 and said.startswith(f"would remove {out / 'archive' / 's-run0002-part1.warc.gz'}\ns: would remove 1 WARC file")
    code, said, _ = run_cli(monkeypatch, capsys, "prune", str(out), "--keep-runs", "1")
    assert code == 0 and said.startswith("s: removed 1 WARC file (")
    assert sorted(path.name for path in (out / "archive").iterdir()) == ["s-run0001-part1.warc.gz", "s-run0003-part1.warc.gz"]
    made = ["s.lock"] if gone == "s.lock" and how == "full" else []   # (an empty file fits on a full disk)
    assert sorted(path.name for path in (out / ".harvester").iterdir()) == sorted(state + made)


@pytest.mark.parametrize("how", ["read-only", "full"])
def test_prune_says_what_to_do_when_a_killed_runs_log_has_lost_its_index_and_none_can_be_made(tmp_path: Path, monkeypatch,
                                                                                              capsys, request, how: str):
    """NAME.sqlite-shm deleted while NAME.sqlite-wal holds a killed run's last changes: SQLite reads those only through
    it, which it cannot make again on a full disk or in a read-only folder. It was "cannot write: ... use another
    --out" (prune has none) or "the disk is full: ... (a harvest resumes)"."""
    from tests.test_cli import run_cli

    out = _pruned_folder(tmp_path, request, how, killed=True, gone="s.sqlite-shm")
    archive = sorted((out / "archive").iterdir())
    what = "free some space" if how == "full" else f"make {out / '.harvester'} writable"
    for dry_run in (["--dry-run"], []):
        code, said, err = run_cli(monkeypatch, capsys, "prune", str(out), "--keep-runs", "1", *dry_run)
        assert (code, said, err) == (2, "", f"harvester: error: {out / '.harvester' / 's.sqlite-shm'}: gone or cut short, and SQLite "
                                     "reads the last changes of a run that was killed (in s.sqlite-wal) only through it: it "
                                     f"cannot be made again here: {what} for a moment, then run the same command again\n")
    assert sorted((out / "archive").iterdir()) == archive


def test_prune_reads_what_a_killed_run_left_in_the_states_write_ahead_log(tmp_path: Path):
    """A run killed before its end leaves its last commits in the state's -wal file alone: prune reads them there."""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
    subprocess.run([sys.executable, "-c", KILLED, str(tmp_path / ".harvester" / "s.sqlite"), "UPDATE runs SET report = '{}', id = 2"])
    assert (tmp_path / ".harvester" / "s.sqlite-wal").stat().st_size
    with State(tmp_path, "s", read_only=True) as state:
        assert state.finished_runs() == [2]


def test_pages_that_carry_only_a_last_modified_date_are_asked_for_conditionally_too(tmp_path: Path):
    docs = [doc(n) for n in range(25)]
    with FaultServer(synthetic_pages(docs), last_modified=True) as server:
        run(server, tmp_path)
        docs[24] = (docs[24][0], docs[24][1], "Changed on the last page")
        second = run(server, tmp_path)
    assert server.not_modified == 2 and second.report["changed"] == 1
    assert [(r["id"], r["title"]) for r in dataset(tmp_path, "s")] == [(d[0], d[2]) for d in docs]


def test_a_stopped_run_asked_again_with_other_limits_starts_afresh(tmp_path: Path):
    """--max-pages is part of what a run is: the same search with another limit is another run, not a resume."""
    docs = [doc(n) for n in range(30)]
    with FaultServer(synthetic_pages(docs), lambda n, p: Fault(500) if "page=2" in p else None) as server:
        with pytest.raises(FetchError, match="HTTP 500"):
            run(server, tmp_path, attempts=1)
        server.script = lambda n, p: None
        again = run(server, tmp_path, max_pages=2)
    assert again.report["resumed"] is False and again.report["run"] == 2 and again.documents == 20


def test_the_state_keeps_no_bodies_only_places_in_the_warc_files(tmp_path: Path):
    import sqlite3

    docs = [doc(n) for n in range(25)]
    with FaultServer(synthetic_pages(docs), etags=True) as server:
        run(server, tmp_path)
    with sqlite3.connect(tmp_path / ".harvester" / "s.sqlite") as db:
        kept = db.execute("SELECT warc, warc_offset FROM http_cache ORDER BY url").fetchall()
        columns = {row[1] for table in ("pages", "http_cache") for row in db.execute(f"PRAGMA table_info({table})")}
    assert "body" not in columns
    assert len(kept) == 3 and all(warc == "archive/s-run0001-part1.warc.gz" for warc, _ in kept)  # the 3 pages
    assert len({offset for _, offset in kept}) == 3


def test_a_kept_copy_whose_warc_file_is_gone_is_fetched_afresh(tmp_path: Path):
    import shutil

    docs = [doc(n) for n in range(25)]
    with FaultServer(synthetic_pages(docs), etags=True) as server:
        run(server, tmp_path)
        first = [r["id"] for r in dataset(tmp_path, "s")]
        shutil.rmtree(tmp_path / "archive")
        server.requests.clear()
        run(server, tmp_path)
    assert server.not_modified == 0                      # no copy to fall back on: not asked conditionally
    assert len(server.search_requests()) == 3            # so each page is fetched once, not twice
    second = [r["id"] for r in dataset(tmp_path, "s")]
    assert second == first and len(second) == 25
    reparse([tmp_path / "archive"], WILSON, tmp_path / "re", "s", ["json"], workers=0)   # run 2's archive stands alone
    assert [r["id"] for r in dataset(tmp_path / "re", "s")] == second


def test_a_state_written_by_the_first_version_is_upgraded_in_place(tmp_path: Path):
    import sqlite3

    folder = tmp_path / ".harvester"
    folder.mkdir()
    with sqlite3.connect(folder / "s.sqlite") as db:   # version 1: bodies inside the state
        db.executescript("""
            CREATE TABLE runs (id INTEGER PRIMARY KEY, key TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
                               status TEXT, report TEXT);
            CREATE TABLE fetches (run_id INTEGER NOT NULL, seq INTEGER NOT NULL, requested TEXT NOT NULL, url TEXT NOT NULL,
                                  status INTEGER NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL, fetched_at TEXT NOT NULL,
                                  PRIMARY KEY (run_id, seq));
            CREATE TABLE http_cache (url TEXT PRIMARY KEY, headers TEXT NOT NULL, body BLOB NOT NULL, fetched_at TEXT NOT NULL);
            CREATE TABLE documents (id TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, listed INTEGER NOT NULL,
                                    title TEXT NOT NULL, summary TEXT NOT NULL, date_raw TEXT NOT NULL);
            INSERT INTO runs VALUES (1, '{"max_pages": null, "query": "q", "site": "wilson"}', '2026-01-01T00:00:00+00:00',
                                     '2026-01-01T00:01:00+00:00', 'ok', '{}');
            INSERT INTO documents VALUES ('telegram-0', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 1, 't', 's', 'd');
        """)
    docs = [doc(n) for n in range(5)]
    with FaultServer(synthetic_pages(docs), etags=True) as server:
        outcome = run(server, tmp_path)
    records = dataset(tmp_path, "s")
    assert outcome.documents == len(records) == 5 and outcome.report["run"] == 2 and run_report(tmp_path, "s")["new"] == [
        f"telegram-{n}" for n in range(1, 5)]
    assert records[0]["first_seen"] == "2026-01-01T00:00:00+00:00"    # the documents it knew are still known


def test_a_run_stops_when_its_retry_budget_is_spent(tmp_path: Path):
    docs = [doc(n) for n in range(50)]
    failures: dict[str, int] = {}

    def thrice_per_page(n: int, path: str) -> Fault | None:
        if not path.startswith("/search") or "page" not in path:
            return None
        failures[path] = failures.get(path, 0) + 1
        return Fault(503) if failures[path] <= 3 else None

    with FaultServer(synthetic_pages(docs), thrice_per_page) as server:
        with pytest.raises(RetriesSpentError, match="this run has retried 6 times, its limit: stopping"):
            run(server, tmp_path, attempts=5, max_retries=6)
    assert len(server.search_requests()) == 1 + 4 + 4 + 1   # page 0; pages 1 and 2 after 3 retries each; page 3 once


def test_a_details_run_stops_too_when_its_retry_budget_is_spent(tmp_path: Path):
    """A document page that cannot be had is a warning and the run goes on; but once the run's retries are spent, the
    site is unwell: it stops asking, for the remaining documents as for results pages."""
    docs = [doc(n) for n in range(30)]
    with FaultServer(synthetic_pages(docs), lambda n, path: Fault(503) if path.startswith("/document/") else None) as server:
        with pytest.raises(RetriesSpentError, match="this run has retried 6 times, its limit: stopping"):
            run(server, tmp_path, attempts=3, max_retries=6, details=True)
    assert len([path for path in server.requests if path.startswith("/document/")]) == 3 * 3   # three documents, not 30


def test_a_replayed_page_is_the_logged_response_read_back_from_the_warc(tmp_path: Path):
    from harvester.fetch.archive import WarcArchive
    from harvester.fetch.page import Page
    from harvester.state import Replaying

    page = Page("https://example.org/document/new-slug", "<p>café</p>".encode(), 200,
                {"content-type": "text/html; charset=utf-8"}, "2026-11-26T12:00:00+00:00", requested="https://example.org/document/old")
    clock = FakeClock()
    with State(tmp_path, "s") as state:
        run_ = state.start_run("k", clock.now(), timedelta(hours=1))
        archive = WarcArchive(tmp_path / "archive" / "s-run0001-part1.warc.gz")
        archived = replace(page, archived=archive.write(page))   # as the Fetcher gives it: with where the WARC holds it
        archive.close()
        state.log_page(run_.id, archived, page.requested)
    with State(tmp_path, "s") as state:                  # the process died; the run starts again
        again = state.start_run("k", clock.now(), timedelta(hours=1))
        fetched: list[str] = []
        get = Replaying(lambda url: fetched.append(url) or page, state, again)
        replayed = get("https://example.org/document/old")
    assert again.resumed and fetched == []
    assert (replayed.url, replayed.requested, replayed.body, replayed.status) == (page.url, page.requested, page.body, 200)
    assert replayed.text() == "<p>café</p>" and replayed.fetched_at == page.fetched_at


def test_a_page_cut_short_with_a_matching_length_is_fetched_again(tmp_path: Path):
    """A server that sends a truncated file with its (shorter) length: the page stops before </html>, so it is
    fetched again rather than read as a page with fewer or half-written cards."""
    whole = folder_pages(SEED)
    served: dict[str, int] = {}

    def cut_once(path: str) -> bytes | None:
        body = whole(path)
        served[path] = served.get(path, 0) + 1
        if body is not None and "page=1" in path and served[path] == 1:
            return body[: body.index(b"</h3>") + 40]
        return body

    with FaultServer(cut_once) as server:
        outcome = run(server, tmp_path, query=QUERY)
    assert outcome.documents == 19
    assert [count for path, count in served.items() if "page=1" in path] == [2]


def test_a_saved_page_cut_short_is_refused_naming_the_file(tmp_path: Path):
    from harvester.errors import InputError

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "page-0.html").write_bytes((SEED / "page-0.html").read_bytes()[:16450])   # inside the tenth card
    (folder / "page-1.html").write_bytes((SEED / "page-1.html").read_bytes())
    with pytest.raises(InputError, match=r"page-0.html: the saved page is cut short \(it stops before </html>\)"):
        reparse([folder], WILSON, tmp_path / "out", "s", ["csv"], workers=0)
    assert not (tmp_path / "out" / "s.csv").exists()


def _interrupted_run(server: FaultServer, out: Path, stop_at: str) -> None:
    """A run that fails (HTTP 404 on the page `stop_at`) and so stays unfinished: the next run resumes it."""
    server.script = lambda n, p: Fault(404) if stop_at in p else None
    with pytest.raises(FetchError):
        run(server, out)
    server.script = lambda n, p: None
    server.requests.clear()


def test_a_resumed_run_whose_archive_was_cut_fetches_the_lost_pages_and_forgets_them(tmp_path: Path):
    docs = [doc(n) for n in range(60)]
    with FaultServer(synthetic_pages(docs)) as server:
        run(server, tmp_path / "clean")
        _interrupted_run(server, tmp_path / "cut", "page=4")
        [warc] = (tmp_path / "cut" / "archive").iterdir()
        with State(tmp_path / "cut", "s") as state:
            logged = state.replay(1)
        assert [entry.requested.rsplit("=", 1)[-1] for entry in logged] == ["q", "1", "2", "3"]
        data = warc.read_bytes()
        warc.write_bytes(data[: logged[2].location.offset + 300])      # page 2's record torn, page 3's gone
        run(server, tmp_path / "cut")
        with State(tmp_path / "cut", "s") as state:
            assert state.db.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 0   # the finished run's log is gone
    assert [r["id"] for r in dataset(tmp_path / "cut", "s")] == [r["id"] for r in dataset(tmp_path / "clean", "s")]
    assert [p.split("page=")[-1] for p in server.search_requests()] == ["2", "3", "4", "5"]   # 0 and 1 replayed


def test_a_resumed_run_replays_pages_that_were_redirected(tmp_path: Path):
    docs = [doc(n) for n in range(50)]
    plain = synthetic_pages(docs)

    def moved(path: str) -> bytes | None:
        return plain(path.replace("&moved=1", ""))

    def redirect(n: int, path: str) -> Fault | None:
        return Fault(301, {"Location": path + "&moved=1"}) if path.startswith("/search") and "moved" not in path else None

    with FaultServer(moved, lambda n, p: Fault(404) if "page=3&moved=1" in p else redirect(n, p)) as server:
        with pytest.raises(FetchError):
            run(server, tmp_path)                        # pages 0-2 fetched through their redirects, then a 404
        server.script = redirect
        server.requests.clear()
        resumed = run(server, tmp_path)
    assert resumed.documents == 50
    assert sorted(p.split("page=")[-1] for p in server.search_requests()) == ["3", "3&moved=1", "4", "4&moved=1"]


def test_a_torn_kept_copy_is_fetched_afresh_and_replaced(tmp_path: Path):
    docs = [doc(n) for n in range(25)]
    with FaultServer(synthetic_pages(docs), etags=True) as server:
        run(server, tmp_path)
        ids = [[r["id"] for r in dataset(tmp_path, "s")]]
        [warc] = (tmp_path / "archive").iterdir()
        with State(tmp_path, "s") as state:
            last = state.cache_entry(f"{server.origin}/search?search_api_fulltext=q&page=2")
        warc.write_bytes(warc.read_bytes()[: last.location.offset + 400])     # page 2's kept copy torn
        run(server, tmp_path)
        ids.append([r["id"] for r in dataset(tmp_path, "s")])
        server.requests.clear()
        run(server, tmp_path)
        ids.append([r["id"] for r in dataset(tmp_path, "s")])
    assert ids[0] == ids[1] == ids[2] and len(ids[0]) == 25
    # run 2: three 304s, page 2's copy unreadable so it is asked for again; run 3: three 304s, page 2's new copy good
    assert server.not_modified == 3 + 3
    assert len(server.search_requests()) == 3


def test_a_replay_whose_warc_file_was_replaced_fetches_instead_of_reading_another_page(tmp_path: Path):
    from harvester.fetch.archive import WarcArchive
    from harvester.fetch.page import Page
    from harvester.state import Replaying

    def page(path: str) -> Page:
        return Page(f"https://example.org/{path}", f"<p>{path}</p>".encode(), 200, {"content-type": "text/html"},
                    "2026-11-26T12:00:00+00:00", requested=f"https://example.org/{path}")

    clock, warc = FakeClock(), tmp_path / "archive" / "s-run0001-part1.warc.gz"
    with State(tmp_path, "s") as state:
        run_ = state.start_run("k", clock.now(), timedelta(hours=1))
        archive = WarcArchive(warc)
        archived = replace(page("one"), archived=archive.write(page("one")))
        archive.close()
        state.log_page(run_.id, archived, page("one").url)
    warc.unlink()
    other = WarcArchive(warc)                            # a new file of the same name: another page at the same offset
    other.write(page("two"))
    other.close()
    with State(tmp_path, "s") as state:
        again = state.start_run("k", clock.now(), timedelta(hours=1))
        fetched: list[str] = []
        got = Replaying(lambda url: fetched.append(url) or page("one"), state, again)("https://example.org/one")
    assert fetched == ["https://example.org/one"] and got.body == b"<p>one</p>"


def test_a_dataset_whose_files_would_be_another_datasets_is_refused_before_anything_is_written(tmp_path: Path):
    """"kwp.people" would write the people table of "kwp" (and "kwp" the records of "kwp.people"): each is said at once,
    whichever came first, instead of a refusal of the other's files that moving them away only passes on."""
    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        clock = FakeClock()
        harvest(WILSON, Search("q"), tmp_path, "kwp", ["csv", "json"], Settings(base_url=server.origin, delay=0),
                sleep=clock.sleep, now=clock.now)
        written = sorted(p.name for p in tmp_path.iterdir())
        for name in ("kwp.people", "kwp.report", "kwp.excel"):
            with pytest.raises(UsageError, match=rf"^dataset {re.escape(name)}: dataset kwp in {re.escape(str(tmp_path))} and this "
                                                 rf"one can write files of the same names \({re.escape(name)}\.\*: {re.escape(name)}'s "
                                                 r"records, and a companion file of kwp's\); give this one a --name of its own$"):
                harvest(WILSON, Search("other"), tmp_path, name, ["csv"], Settings(base_url=server.origin, delay=0),
                        sleep=clock.sleep, now=clock.now)
        with pytest.raises(UsageError, match=r"^dataset kwp\.people: dataset kwp in "):
            reparse([SEED], WILSON, tmp_path, "kwp.people", ["csv"])
        assert sorted(p.name for p in tmp_path.iterdir()) == written
        harvest(WILSON, Search("q"), tmp_path / "b", "kwp.people", ["csv"], Settings(base_url=server.origin, delay=0),
                sleep=clock.sleep, now=clock.now)
        # the name of the WARC files re-parsed, which no --name gave: it was said "--name kwp.people"
        with pytest.raises(UsageError, match=r"^dataset kwp\.people: dataset kwp in .*; give this one a --name of its own$"):
            reparse([tmp_path / "b" / "archive"], WILSON, tmp_path, None, ["csv"])
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != "b") == written
        with pytest.raises(UsageError, match=r"^dataset kwp: dataset kwp\.people in "):
            harvest(WILSON, Search("q"), tmp_path / "b", "kwp", ["csv"], Settings(base_url=server.origin, delay=0),
                    sleep=clock.sleep, now=clock.now)


def test_a_site_that_cannot_be_reached_is_not_tried_again_by_the_later_harvests_of_it(tmp_path: Path, monkeypatch, capsys):
    """Nothing answers at the first base_url (a site down, its address mistyped): its harvest gives up after its tries,
    and the later one of that site is not run (it would try as often for nothing); another site's still runs."""
    from tests.test_cli import free_port, run_cli

    down = f"http://127.0.0.1:{free_port()}"
    with FaultServer(folder_pages(SEED)) as server:
        (tmp_path / "h.toml").write_text(
            f'delay = 0\nquery = "{QUERY}"\n[[harvest]]\nname = "a"\nbase_url = "{down}"\n[[harvest]]\nname = "b"\n'
            f'base_url = "{down}"\n[[harvest]]\nname = "c"\nbase_url = "{server.origin}"\n', encoding="utf-8")
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"))
    assert code == 3 and "3 harvests: 1 done, 1 failed, 1 not run" in out
    assert "harvest 2, b (“Korean Workers' Party”): not run (the site cannot be reached: a harvest gave up on it)" in out
    assert [r for r in server.requests if r != "/robots.txt"] and f"harvester run {tmp_path / 'h.toml'} a b" in out


def test_a_search_whose_page_the_site_drops_does_not_stop_the_later_harvests_of_it(tmp_path: Path, monkeypatch, capsys):
    """The site answers, but closes the connection on one search's page time after time (that search crashes it): the
    site was reached, so its other harvests still run."""
    from tests.test_cli import run_cli

    crashes = lambda n, path: Fault(drop=True) if "crash" in path else None   # noqa: E731
    with FaultServer(folder_pages(SEED), crashes) as server:
        (tmp_path / "h.toml").write_text(f'delay = 0\nbase_url = "{server.origin}"\n[[harvest]]\nname = "a"\nquery = "crash"\n'
                                         f'[[harvest]]\nname = "b"\nquery = "{QUERY}"\n', encoding="utf-8")
        code, out, _ = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"))
    assert code == 3 and "2 harvests: 1 done, 1 failed" in out and "harvest 2, b (“Korean Workers' Party”): done" in out


def _listed(state: State, ids: str) -> list[bool]:
    """The run's documents `ids` kept, each a record of the same time."""
    record = {"harvested_at": "2026-01-01T00:00:00+00:00", "first_seen": "", "last_seen": ""}
    return [state.keep(1, {"id": doc_id, **record}) for doc_id in ids]


def test_reordering_changes_no_row_of_a_document_already_in_its_place(tmp_path: Path):
    """Re-parsed pages read in their search's order leave every document where it was kept: putting them in that order
    rewrites none (each move rewrites the listing's index); the others move."""
    with State(tmp_path, None) as state:
        state.start_run("reparse", datetime.now(UTC), timedelta(0))
        _listed(state, "abc")
        changed = state.db.total_changes
        state.reorder(1, ["a", "b", "c"])
        assert state.db.total_changes == changed
        state.reorder(1, ["c", "a", "b"])
        assert [record["id"] for record, _, _ in state.records(1)] == ["c", "a", "b"]
        assert state.db.total_changes == changed + 3


def test_a_document_the_run_lists_anew_is_one_statement_and_one_listed_again_keeps_the_later_copy(tmp_path: Path):
    said: list[str] = []
    with State(tmp_path, None) as state:
        state.start_run("reparse", datetime.now(UTC), timedelta(0))
        state.db.set_trace_callback(said.append)
        assert _listed(state, "abc") == [True] * 3
        assert len([statement for statement in said if "documents" in statement]) == 3
        assert not state.keep(1, {"id": "b", "harvested_at": "2026-01-02T00:00:00+00:00", "first_seen": "", "last_seen": "",
                                  "title": "later"})
        assert [(record["id"], record.get("title")) for record, _, _ in state.records(1)] == [("a", None), ("b", "later"), ("c", None)]


def _refuse_unlink(monkeypatch, folder: Path, error: int) -> None:
    """The system refuses, with `error`, to remove any file of `folder` (as root, where it would not)."""
    unlink = Path.unlink

    def refused(path: Path, missing_ok: bool = False) -> None:
        if path.parent != folder:
            return unlink(path, missing_ok)
        raise PermissionError(error, os.strerror(error), str(path))
    monkeypatch.setattr(Path, "unlink", refused)
