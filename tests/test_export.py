"""Export: columns from the schema (never from the first row), lists and booleans, atomic writes."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from harvester.errors import UsageError
from harvester.output.files import parse_formats
from harvester.records import RECORD_COLUMNS
from tests.conftest import replaced, write_dataset

RECORD = dict(
    id="cable-mao-zedong-filippov-stalin", url="https://digitalarchive.wilsoncenter.org/document/cable-mao-zedong-filippov-stalin",
    title="Cable, Mao Zedong to Filippov [Stalin]", summary="First paragraph, with \u201ccurly\u201d and \"straight\" quotes.\n\nSecond.",
    date="1950-04", date_start="1950-04-01", date_end="1950-04-30", date_precision="month", date_approximate=False,
    date_raw="April, 1950", doc_type="cable", senders=("Mao Zedong",), recipients=("Filippov [Stalin]",), participants=(),
    people=("Mao Zedong", "Joseph Stalin"), query="Stalin", search="https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Stalin",
    source_page="https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Stalin",
    harvested_at="2026-11-26T12:00:00+00:00", first_seen="2026-11-26T12:00:00+00:00", last_seen="2026-11-26T12:00:00+00:00",
)
UNDATED = replaced(RECORD, **{"id": "undated", "date": "", "date_start": "", "date_end": "", "date_precision": "unknown",
                    "date_raw": "", "summary": "", "people": (), "date_approximate": True})


def test_csv_header_is_the_schema_even_for_an_empty_dataset(tmp_path: Path):
    [path] = write_dataset([], tmp_path, "empty", ["csv"])
    assert path.read_text(encoding="utf-8") == ",".join([c.name for c in RECORD_COLUMNS]) + "\n"


def test_csv_round_trips_text_exactly_and_joins_lists(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["csv"])
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list([c.name for c in RECORD_COLUMNS])
    assert rows[0]["summary"] == RECORD["summary"]
    assert rows[0]["people"] == "Mao Zedong; Joseph Stalin"
    assert (rows[0]["date_approximate"], rows[1]["date_approximate"]) == ("false", "true")
    assert rows[1]["date"] == "" and rows[1]["people"] == ""


def test_json_is_an_array_with_real_lists_booleans_and_nulls(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["json"])
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert list(rows[0]) == list([c.name for c in RECORD_COLUMNS])
    assert rows[0]["people"] == ["Mao Zedong", "Joseph Stalin"] and rows[0]["date_approximate"] is False
    assert rows[1]["date"] is None and rows[1]["people"] == [] and rows[1]["date_approximate"] is True
    assert "\u201ccurly\u201d" in path.read_text(encoding="utf-8")       # UTF-8, not \\u escapes


def test_jsonl_has_one_record_per_line(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["jsonl"])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [RECORD["id"], "undated"]


def test_pandas_reads_back_the_same_values(tmp_path: Path):
    csv_path, json_path = write_dataset([RECORD], tmp_path, "d", ["csv", "json"])
    from_csv = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    from_json = pd.read_json(json_path, orient="records", dtype=False)
    assert from_csv.loc[0, "title"] == from_json.loc[0, "title"] == RECORD["title"]
    assert from_csv.loc[0, "summary"] == RECORD["summary"]


def test_a_write_failing_midway_leaves_the_previous_dataset_untouched(tmp_path: Path, monkeypatch):
    write_dataset([RECORD], tmp_path, "d", ["csv", "json"])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    real_fsync = os.fsync
    calls = {"n": 0}

    def disk_full_on_second_file(fd):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", disk_full_on_second_file)
    with pytest.raises(UsageError, match=r"d.json: cannot write: the disk is full: .*; the dataset's files are as they were"):
        write_dataset([RECORD, UNDATED], tmp_path, "d", ["csv", "json"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert len(list((tmp_path / ".harvester" / "d.files").glob("gen-*"))) == 1      # the failed generation is gone


def test_a_write_stopped_midway_writes_nothing_into_a_file_opened_after_it(tmp_path: Path):
    """What the CSV writer still holds when its rows stop is never written later, when it is let go of, into whatever
    file has come to hold its descriptor's number."""
    import gc

    from harvester.output.files import Staging, write_table

    def rows():
        yield RECORD
        raise KeyboardInterrupt    # a stop midway: the row above is still in the writer's buffer

    with pytest.raises(KeyboardInterrupt) as stopped, Staging(tmp_path, "d") as staging:
        write_table(rows, RECORD_COLUMNS, tmp_path, "d", ["csv"], staging)
    with (tmp_path / "other").open("wb") as other:   # the lowest free number: the one the CSV had
        del stopped                                  # the stop's frames, and the writer they hold, are let go of
        gc.collect()
        other.write(b"mine")
    assert (tmp_path / "other").read_bytes() == b"mine"


@pytest.mark.parametrize(("value", "expected"), [("csv", ("csv",)), ("csv,json", ("csv", "json")), (" JSONL , csv ", ("jsonl", "csv"))])
def test_formats(value, expected):
    assert parse_formats(value) == expected


@pytest.mark.parametrize("value", ["xls", "", "csv,pdf"])
def test_unknown_formats_are_usage_errors(value):
    with pytest.raises(UsageError, match="--format"):
        parse_formats(value)


def test_files_get_the_ordinary_permissions_of_new_files(tmp_path: Path):
    old = os.umask(0o022)
    try:
        [path] = write_dataset([RECORD], tmp_path, "d", ["csv"])
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "csv-excel"])
def test_each_streamed_format_holds_every_record_in_order_as_its_library_writes_it(tmp_path: Path, fmt):
    records = [replaced(RECORD if n % 2 else UNDATED, id=f"doc-{n}") for n in range(7)]
    [whole] = write_dataset(records, tmp_path, "d", [fmt])
    text = whole.read_text(encoding="utf-8-sig")
    if fmt == "json":
        assert [row["id"] for row in json.loads(text)] == [f"doc-{n}" for n in range(7)]
        assert text == "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in json.loads(text)) + "\n]\n"
    elif fmt == "jsonl":
        assert [json.loads(line)["id"] for line in text.splitlines()] == [f"doc-{n}" for n in range(7)]
    else:
        rows = list(csv.DictReader(text.splitlines(keepends=True)))
        assert [row["id"] for row in rows] == [f"doc-{n}" for n in range(7)]


def _pandas_csv(rows: list, columns: tuple, cell=None) -> str:
    """What the CSV files were before they were written without pandas: to_csv of the flattened frame."""
    from harvester.output.files import LIST_SEPARATOR, to_frame

    frame = to_frame(rows, columns)
    for column in columns:
        if column.type == "list":
            frame[column.name] = frame[column.name].map(LIST_SEPARATOR.join)
        elif column.type == "boolean":
            frame[column.name] = frame[column.name].map({True: "true", False: "false"})
    if cell is not None:  # as the csv-excel profile was: every (text) cell through the guard
        frame = frame.map(cell)
    return frame.to_csv(index=False, lineterminator="\n")


TRICKY = replaced(RECORD, **{"id": "tricky", "title": '=HYPERLINK("x"), a "quoted", \r\n and \r, ; and \t',
                   "summary": " leading space, trailing space ", "senders": ("-1", "a, b", 'say "x"'),
                   "recipients": ("",), "date_approximate": True, "query": "@sum", "people": ("한국어 \u2028 \x00",)})


@pytest.mark.parametrize("records", [[], [RECORD], [RECORD, UNDATED, TRICKY]])
def test_the_csv_is_byte_for_byte_what_pandas_to_csv_writes(tmp_path: Path, records):
    from harvester.output.xlsx import defuse
    from harvester.records import RECORD_COLUMNS

    plain, excel = write_dataset(records, tmp_path, "d", ["csv", "csv-excel"])
    assert plain.read_bytes().decode("utf-8") == _pandas_csv(records, RECORD_COLUMNS)
    assert excel.read_bytes().decode("utf-8") == "\ufeff" + _pandas_csv(records, RECORD_COLUMNS, defuse)


def test_the_people_csv_is_what_pandas_writes_for_years_and_counts(tmp_path: Path):
    from harvester.records import PEOPLE_COLUMNS

    names = [c.name for c in PEOPLE_COLUMNS]
    rows = [dict(zip(names, ("Kim Il Sung", "Kim, Il Sung", 1912, 1994, ["KIM IL SUNG", "Kim Il-sung"], 2, "1950-01-01",
                             "1956-12-31", ["a", "b"]))),
            dict(zip(names, ("Petrov", "Petrov", None, None, [], 1, "", "", ["c"])))]
    [path] = write_dataset(rows, tmp_path, "d.people", ["csv"], PEOPLE_COLUMNS)
    assert path.read_text(encoding="utf-8") == _pandas_csv(rows, PEOPLE_COLUMNS)
    assert "Kim Il Sung,\"Kim, Il Sung\",1912,1994," in path.read_text(encoding="utf-8")


def test_the_run_report_with_its_lists_read_as_it_is_written_is_the_indented_json_of_the_whole(tmp_path: Path):
    from harvester.output.files import Staging

    report = {"run": 2, "r\u00e9sum\u00e9": "", "search": {"words": "\u201cKim Il\u00a0Sung\u201d", "facets": [], "parameters": {"sort": "date"}},
              "new": ["telegram-1", "telegram-2"], "changed": [{"id": "telegram-3", "fields": ["title", "date"]}],
              "no_longer_listed": [], "warnings": ["a line\nand another"]}
    streamed = {key: iter(value) if key in ("new", "changed", "no_longer_listed") else value for key, value in report.items()}
    with Staging(tmp_path, "d") as staging:
        staging.stage_json(tmp_path / "d.report.json", streamed)
        staging.commit()
    assert (tmp_path / "d.report.json").read_text(encoding="utf-8") == json.dumps(report, ensure_ascii=False, indent=2) + "\n"
