"""What lets a harvest of any size hold no records in memory: the record store, the report's lists on disk,
the people table built one record at a time, the files written side by side. Each must give what the
in-memory way gave."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from harvester.crawl import Seen
from harvester.details import DETAIL_FIELDS, DETAIL_LIST_FIELDS, DocumentDetails
from harvester.errors import InputError
from harvester.people import Mention, People
from harvester.pipeline import reparse
from harvester.normalize.names import NameTable
from harvester.parse import RawCard
from harvester.records import DetailedRecord
from harvester.runreport import Decoded, compare, report_pieces
from harvester.state import Known
from harvester.store import Records, RecordStore, stored
from harvester.sites import get_site
from tests.conftest import FIXTURES
from tests.test_export import RECORD, UNDATED

ROOT = Path(__file__).resolve().parent.parent
WILSON = get_site("wilson")

NAMES = NameTable.load()
SEEN = Seen(RawCard("/document/doc-1", "April, 1950", "Telegram", ""), "https://example.org/search", "2026-11-26")


def record(n: int, **changes: object):
    return replace(RECORD, **{"id": f"doc-{n}", "title": f"Telegram {n}",
                              "harvested_at": f"2026-11-{10 + n % 10:02d}T00:00:00+00:00", **changes})


def keep_all(store: RecordStore, records, search: int = 0) -> list[bool]:
    listing = store.listing(search)
    listing.offer(map(stored, records))
    return [listing.keep(one.id, SEEN) for one in records]


def test_a_document_keeps_its_first_place_and_its_latest_record():
    store = RecordStore()
    assert keep_all(store, [record(1), record(2), record(1, summary="the card changed"), record(3)]) == [True, True, False, True]
    assert len(store) == len(store.listing()) == 3 and list(store.listing()) == ["doc-1", "doc-2", "doc-3"]
    assert [(r.id, r.summary) for r in store.records()] == [("doc-1", "the card changed"), ("doc-2", RECORD.summary),
                                                             ("doc-3", RECORD.summary)]
    assert "doc-2" in store and "doc-2" in store.listing() and "doc-9" not in store
    assert [row[:2] for row in store.seen()] == [("doc-1", "Telegram 1"), ("doc-2", "Telegram 2"), ("doc-3", "Telegram 3")]


def test_a_document_listed_by_two_searches_is_read_back_once_as_the_first_search_lists_it():
    store = RecordStore()
    keep_all(store, [record(1), record(2)], search=0)
    keep_all(store, [record(3), record(2, query="second"), record(4)], search=1)
    assert len(store) == 4 and [len(store.listing(0)), len(store.listing(1))] == [2, 3]
    assert [(r.id, r.query) for r in store.records()] == [("doc-1", "Stalin"), ("doc-2", "Stalin"), ("doc-3", "Stalin"),
                                                          ("doc-4", "Stalin")]
    assert [m.doc_id for m in store.mentions()] == [row[0] for row in store.seen()] == ["doc-1", "doc-2", "doc-3", "doc-4"]


def test_document_pages_give_their_records_details_and_a_record_of_their_own_when_no_search_lists_them():
    store = RecordStore()
    keep_all(store, [record(1), record(2)])
    details = DocumentDetails(**{name: () for name in DETAIL_LIST_FIELDS}, **{name: "" for name in DETAIL_FIELDS
                                                                              if name not in DETAIL_LIST_FIELDS},
                              warnings=("the upload date is not a day",))
    details = replace(details, authors=("Kim, Il-sung, 1912-1994",), record_id="R1")
    store.put_details("doc-2", "https://example.org/document/doc-2", SEEN.card, details)
    store.put_details("lone", "https://example.org/document/lone", SEEN.card, replace(details, warnings=()))
    assert store.lone_pages() == ["lone"] and store.page("lone") == ("https://example.org/document/lone", SEEN.card)
    one, two = store.records()
    assert isinstance(one, DetailedRecord) and one.record_id == "" and (two.record_id, two.authors) == ("R1", details.authors)
    assert [m.headings for m in store.mentions()] == [(), ("Kim, Il-sung, 1912-1994",)]
    assert list(store.detail_warnings()) == [f"{RECORD.url}: the upload date is not a day"]
    assert store.get("doc-2") == two


def test_records_read_back_are_the_records_put_and_earlier_first_seen_dates_win():
    store = RecordStore()
    later = replace(UNDATED, harvested_at="2026-11-27T08:00:00+00:00")
    earlier = replace(RECORD, id="d", harvested_at="2026-11-25T08:00:00+00:00", people=("Kim Il Sung",))
    keep_all(store, [RECORD, later, earlier])
    store.first_seen([("undated", "2020-01-01T00:00:00+00:00"), ("not-here", "2019-01-01")])
    assert list(store.records()) == [RECORD, replace(later, first_seen="2020-01-01T00:00:00+00:00"), earlier]
    assert store.get("d") == earlier and store.get("nothing") is None
    assert [m.names for m in store.mentions()] == [RECORD.people, (), ("Kim Il Sung",)]
    assert store.harvested_span() == ("2026-11-25T08:00:00+00:00", "2026-11-27T08:00:00+00:00")


def test_the_store_keeps_the_records_of_cards_only():
    detailed = DetailedRecord(**{f: getattr(RECORD, f) for f in RECORD.__dataclass_fields__}, transcript="text")
    with pytest.raises(TypeError, match="not DetailedRecord"):
        stored(detailed)


def test_records_can_be_read_again_and_again_through_their_rewrite():
    store = RecordStore()
    keep_all(store, [record(n) for n in range(1, 1203)])   # more than a batch of rows
    shouted = Records(store, lambda r: replace(r, title=r.title.upper()))
    assert len(shouted) == 1202 and shouted[0].title == "TELEGRAM 1" and shouted[-1].id == "doc-1202"
    assert [r.id for r in shouted] == [r.id for r in shouted] == [f"doc-{n}" for n in range(1, 1203)]
    with pytest.raises(IndexError):
        shouted[1202]


def test_a_log_is_a_list_kept_on_disk():
    log = RecordStore().log("new")
    for n in range(1203):
        log.append(f"doc-{n}")
    assert len(log) == 1203 and log == [f"doc-{n}" for n in range(1203)] and log != ["doc-0"]


def test_compare_in_batches_finds_new_changed_and_gone_documents():
    known = {f"doc-{n}": Known("2026-01-01", "2026-01-02", True, f"Telegram {n}", RECORD.summary, RECORD.date_raw)
             for n in range(0, 1500, 2)}
    known["doc-4"] = replace(known["doc-4"], title="Telegram four")
    known["gone"] = known["doc-0"]
    seen = [(f"doc-{n}", f"Telegram {n}", RECORD.summary, RECORD.date_raw) for n in range(1200)]
    asked: list[int] = []

    def lookup(ids: list[str]) -> dict[str, Known]:
        asked.append(len(ids))
        return {i: known[i] for i in ids if i in known}

    ids = {row[0] for row in seen}
    unlisted = {"doc-1300", "gone"}     # known to earlier runs, but not listed when they last saw the listing whole
    changes = compare(iter(seen), lookup, (i for i in known if i not in unlisted), ids.__contains__, complete=True)
    assert list(changes.new) == [f"doc-{n}" for n in range(1, 1200, 2)]
    assert list(Decoded(changes.changed)) == [{"id": "doc-4", "fields": ["title"]}]
    assert changes.gone == tuple(sorted(f"doc-{n}" for n in range(1200, 1500, 2) if n != 1300))
    assert asked == [500, 500, 200]


@pytest.mark.parametrize("new, changed", [([], []), (["doc-1", "d\u00f6c \"2\""], [{"id": "doc-3", "fields": ["title", "date"]}])])
def test_the_report_file_is_what_json_dumps_writes(new: list, changed: list):
    report = {"harvester": "1", "query": "Kim Il Sung \u2014 \"quoted\"", "new": new, "changed": changed,
              "no_longer_listed": ["x"], "warnings": ["page 2: \u0000 odd"], "total": None, "complete": True}
    assert "".join(report_pieces(report)) == json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    log = RecordStore().log("changed")
    for item in changed:
        log.append(json.dumps(item))
    assert "".join(report_pieces({**report, "changed": Decoded(log)})) == "".join(report_pieces(report))


def test_files_written_side_by_side_leave_nothing_when_the_disk_fills(tmp_path: Path):
    """A file size limit stands in for a full disk: the write fails, and so does the flush when the file is closed."""
    script = f"""
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
from harvester.errors import UsageError
from harvester.export import write_dataset
from tests.test_export import RECORD
try:
    write_dataset([RECORD] * 2000, Path({str(tmp_path)!r}), "d", ["csv", "json"], chunk=1)
except UsageError as error:
    print(error)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "d.csv" in done.stdout and "cannot write (File too large); the dataset is left as it was" in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_a_run_lets_go_of_its_temporary_database_when_it_fails_or_is_closed(tmp_path: Path, monkeypatch):
    made: list[RecordStore] = []
    monkeypatch.setattr(RecordStore, "__init__", lambda self, init=RecordStore.__init__: (init(self), made.append(self))[0])

    def is_open(store: RecordStore) -> bool:
        try:
            store.db.execute("SELECT 1")
        except sqlite3.ProgrammingError:   # "Cannot operate on a closed database."
            return False
        return True

    cut = tmp_path / "cut.html"
    cut.write_bytes((FIXTURES / "wilson" / "seed" / "page-1.html").read_bytes()[:20000])
    with pytest.raises(InputError, match="cut short"):
        reparse([FIXTURES / "wilson" / "seed" / "page-0.html", cut], WILSON, tmp_path / "a", None, ["csv"], workers=0)
    outcome = reparse([FIXTURES / "wilson" / "seed"], WILSON, tmp_path / "b", None, ["csv"], workers=0)
    assert [is_open(store) for store in made] == [False, True] and len(outcome.records) == 19
    outcome.close()
    assert not is_open(made[1])


def test_the_people_table_counts_every_document_of_a_person_named_thousands_of_times():
    people = People(NAMES)
    for n in range(2500):    # more than one flush of the documents to disk
        people.add(Mention(f"doc-{n}", f"19{50 + n % 10}-01-01", "", ("KIM IL SUNG" if n % 2 else "Kim Il-sung",), ()))
    [kim] = people.table()
    assert (kim.name, kim.documents, kim.first_date, kim.last_date) == ("Kim Il Sung", 2500, "1950-01-01", "1959-01-01")
    assert kim.document_ids == tuple(f"doc-{n}" for n in range(2500))
    assert people.written(Mention("doc-7", "", "", ("KIM IL SUNG",), ()))("KIM IL SUNG") == "Kim Il Sung"


def test_a_worker_keeps_what_the_record_it_no_longer_builds_would_have_given():
    """Workers hand the store `stored_values(record_values(...))`, never building the Record: byte for byte what
    `stored(build_record(...))` gives, for every card of the fixtures (dated, undated, with and without parties)."""
    from harvester.parse import parse_results
    from harvester.records import build_record, record_values
    from harvester.saved import read_saved
    from harvester.store import stored_values

    cards = [card for page in sorted((FIXTURES / "wilson").glob("*/page-*.html")) if "challenge" not in str(page)
             for card in parse_results(read_saved(page)[1], "https://digitalarchive.wilsoncenter.org/search", WILSON).cards]
    assert len(cards) >= 30
    for card in cards:
        doc_id = WILSON.doc_id(card.href)
        args = (doc_id, card, "https://example.org/search?page=1", WILSON, "q", "2026-11-27T00:00:00+00:00", NAMES)
        assert stored_values(record_values(*args)) == stored(build_record(*args))
        assert stored_values(record_values(*args, "2026-01-01", "2026-02-02")) == stored(build_record(*args, "2026-01-01", "2026-02-02"))
