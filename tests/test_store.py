"""What lets a harvest of any size hold no records in memory: the record store, the report's lists on disk,
the people table built one record at a time, the files written side by side. Each must give what the
in-memory way gave."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from harvester.crawl import Seen
from harvester.export import Staging
from harvester.people import Mention, People
from harvester.normalize.names import NameTable
from harvester.parse import RawCard
from harvester.records import DetailedRecord
from harvester.runreport import Decoded, compare, report_pieces
from harvester.state import Known
from harvester.store import Records, RecordStore, stored
from tests.test_export import RECORD, UNDATED

NAMES = NameTable.load()
SEEN = Seen(RawCard("/document/doc-1", "April, 1950", "Telegram", ""), "https://example.org/search", "2026-11-26")


def record(n: int, **changes: object):
    return replace(RECORD, **{"id": f"doc-{n}", "title": f"Telegram {n}",
                              "harvested_at": f"2026-11-{10 + n % 10:02d}T00:00:00+00:00", **changes})


def test_a_document_keeps_its_first_place_and_its_latest_record():
    store = RecordStore()
    for one in (record(1), record(2), record(1, summary="the card changed"), record(3)):
        store.put(stored(one))
    assert len(store) == 3 and list(store) == ["doc-1", "doc-2", "doc-3"]
    assert [(r.id, r.summary) for r in store.records()] == [("doc-1", "the card changed"), ("doc-2", RECORD.summary),
                                                             ("doc-3", RECORD.summary)]
    assert "doc-2" in store and "doc-9" not in store
    assert [row[:2] for row in store.seen()] == [("doc-1", "Telegram 1"), ("doc-2", "Telegram 2"), ("doc-3", "Telegram 3")]


def test_the_crawl_keeps_the_record_offered_for_each_card_and_counts_new_documents():
    store = RecordStore()
    store.offer([stored(record(1)), stored(record(2))])
    assert [store.keep("doc-1", SEEN), store.keep("doc-2", SEEN)] == [True, True]
    store.offer([stored(record(2, title="Telegram 2, again"))])
    assert store.keep("doc-2", SEEN) is False
    assert [r.title for r in store.records()] == ["Telegram 1", "Telegram 2, again"]


def test_records_read_back_are_the_records_put_and_earlier_first_seen_dates_win():
    store = RecordStore()
    detailed = DetailedRecord(**{**{f: getattr(RECORD, f) for f in RECORD.__dataclass_fields__}, "id": "d"},
                              authors=("Kim, Il-sung, 1912-1994",), transcript="text")
    for one in (RECORD, UNDATED, detailed):
        store.put(stored(one))
    store.first_seen([("undated", "2020-01-01T00:00:00+00:00"), ("not-here", "2019-01-01")])
    assert list(store.records()) == [RECORD, replace(UNDATED, first_seen="2020-01-01T00:00:00+00:00"), detailed]
    assert store.get("d") == detailed and store.get("nothing") is None
    assert [m.headings for m in store.mentions()] == [(), (), ("Kim, Il-sung, 1912-1994",)]
    assert store.harvested_span() == (RECORD.harvested_at, RECORD.harvested_at)


def test_records_can_be_read_again_and_again_through_their_rewrite():
    store = RecordStore()
    for n in range(1, 1203):   # more than a batch of rows
        store.put(stored(record(n)))
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
    changes = compare(iter(seen), lookup, (i for i in known if i != "doc-6"), ids.__contains__, complete=True)
    assert list(changes.new) == [f"doc-{n}" for n in range(1, 1200, 2)]
    assert list(Decoded(changes.changed)) == [{"id": "doc-4", "fields": ["title"]}]
    assert changes.gone == tuple(sorted({i for i in known if i not in ids and i != "doc-6"}))
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


def test_files_written_side_by_side_leave_nothing_when_writing_fails(tmp_path: Path):
    def pieces():
        yield ["a", "b"]
        raise OSError(28, "No space left on device")

    with Staging() as staging, pytest.raises(Exception, match="No space left"):
        staging.stage_together([tmp_path / "one.csv", tmp_path / "two.json"], pieces())
    assert list(tmp_path.iterdir()) == []


def test_the_people_table_counts_every_document_of_a_person_named_thousands_of_times():
    people = People(NAMES)
    for n in range(2500):    # more than one flush of the documents to disk
        people.add(Mention(f"doc-{n}", f"19{50 + n % 10}-01-01", "", ("KIM IL SUNG" if n % 2 else "Kim Il-sung",), ()))
    [kim] = people.table()
    assert (kim.name, kim.documents, kim.first_date, kim.last_date) == ("Kim Il Sung", 2500, "1950-01-01", "1959-01-01")
    assert kim.document_ids == tuple(f"doc-{n}" for n in range(2500))
    assert people.written(Mention("doc-7", "", "", ("KIM IL SUNG",), ()))("KIM IL SUNG") == "Kim Il Sung"
