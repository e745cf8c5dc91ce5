"""harvester.load: every format reads back as the same typed frame; Parquet's real types; DuckDB agrees; bad files are one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

import harvester
from harvester.errors import InputError, UsageError
from harvester.output.files import parse_formats
from harvester.pipeline import reparse
from harvester.records import RECORD_COLUMNS
from harvester.sites import get_site
from tests.conftest import FIXTURES, write_dataset
from tests.test_export import RECORD, UNDATED

FORMATS = ["csv", "json", "jsonl", "parquet", "sqlite"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    """The seed, dates and SingleFile fixtures re-parsed into every format: out/d.csv, .json, .jsonl, .parquet, .sqlite (only
    SingleFile's pages say when they were saved: the others' harvested_at are empty)."""
    out = tmp_path_factory.mktemp("out")
    reparse([FIXTURES / "wilson" / name for name in ("seed", "dates", "singlefile")], get_site("wilson"), out, "d", FORMATS)
    return out / "d"


def test_every_format_loads_to_the_same_frame(dataset: Path):
    frames = {fmt: harvester.load(f"{dataset}.{fmt}") for fmt in FORMATS}
    for fmt in FORMATS[1:]:
        assert_frame_equal(frames["csv"], frames[fmt], obj=fmt)
    assert len(frames["csv"]) > 19 and list(frames["csv"].columns) == list([c.name for c in RECORD_COLUMNS])


def test_load_gives_the_documented_dtypes(dataset: Path):
    frame = harvester.load(f"{dataset}.csv")
    assert str(frame["title"].dtype) == "string" and str(frame["date"].dtype) == "string"
    assert str(frame["date_start"].dtype) == "datetime64[us]" and str(frame["date_end"].dtype) == "datetime64[us]"
    assert frame["date_approximate"].dtype == bool
    assert str(frame["harvested_at"].dtype) == "datetime64[us, UTC]"
    assert all(isinstance(people, list) for people in frame["people"])
    undated = frame[frame["date_precision"] == "unknown"]
    assert len(undated) and undated["date_start"].isna().all() and undated["date"].isna().all()


def test_load_values_match_what_was_written(tmp_path: Path):
    write_dataset([RECORD, UNDATED], tmp_path, "d", ["csv"])
    frame = harvester.load(tmp_path / "d.csv")
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["summary"] == RECORD["summary"] and first["people"] == ["Mao Zedong", "Joseph Stalin"]
    assert first["date_start"] == pd.Timestamp("1950-04-01") and first["date_end"] == pd.Timestamp("1950-04-30")
    assert (first["date_approximate"], second["date_approximate"]) == (False, True)
    assert first["harvested_at"] == pd.Timestamp("2026-11-26T12:00:00Z")
    assert second["summary"] is pd.NA and second["people"] == [] and second["date_end"] is pd.NaT


def test_an_empty_dataset_loads_with_its_columns_and_dtypes(tmp_path: Path):
    for path in write_dataset([], tmp_path, "empty", [fmt for fmt in FORMATS if fmt != "sqlite"]):   # (the files alone)
        frame = harvester.load(path)
        assert list(frame.columns) == list([c.name for c in RECORD_COLUMNS]) and len(frame) == 0, path
        assert str(frame["date_start"].dtype) == "datetime64[us]", path


@pytest.mark.parametrize("package", ['{"name": "empty", "resources": [{"path": "empty.json", "sch', "", "[]"])
def test_an_empty_dataset_beside_a_damaged_data_package_loads_with_the_record_columns(tmp_path: Path, package: str):
    """The package names the columns of an empty dataset's records (they hold none to read them from): one torn (a copy
    stopped half way), empty or of another shape gives the record's own, not a failure to read the records."""
    [path] = write_dataset([], tmp_path, "empty", ["json"])
    (tmp_path / "empty.datapackage.json").write_text(package, encoding="utf-8")
    frame = harvester.load(path)
    assert list(frame.columns) == [c.name for c in RECORD_COLUMNS] and len(frame) == 0


def test_parquet_has_real_types(dataset: Path):
    schema = pq.read_schema(f"{dataset}.parquet")
    assert str(schema.field("date_start").type) == "date32[day]"
    assert str(schema.field("date_approximate").type) == "bool"
    assert str(schema.field("people").type) == "list<element: string>"
    assert str(schema.field("harvested_at").type) == "timestamp[us, tz=UTC]"
    assert schema.field("title").metadata[b"description"] == b"the title as the archive shows it (its typos kept)"
    [row] = [r for r in pq.read_table(f"{dataset}.parquet").to_pylist() if r["id"] == "telegram-mikoyan-cpsu-central-committee"]
    assert row["date_start"] == date(1956, 9, 21) and row["people"] == ["Anastas Mikoyan"]


@pytest.mark.parametrize("fixture", ["seed", "dates", "encoding", "views-rows", "no-url", "empty"])
def test_every_saved_fixture_loads_the_same_from_every_format(tmp_path: Path, fixture: str):
    reparse([FIXTURES / "wilson" / fixture], get_site("wilson"), tmp_path, "f", FORMATS)
    frames = [harvester.load(tmp_path / f"f.{fmt}") for fmt in FORMATS]
    for fmt, frame in zip(FORMATS[1:], frames[1:]):
        assert_frame_equal(frames[0], frame, obj=f"{fixture} {fmt}")


def test_pandas_reads_the_parquet_with_its_types(dataset: Path):
    expected = harvester.load(f"{dataset}.csv")
    frame = pd.read_parquet(f"{dataset}.parquet")
    assert frame["date_approximate"].dtype == bool and str(frame["harvested_at"].dtype) == "datetime64[us, UTC]"
    assert pd.to_datetime(frame["date_start"]).astype("datetime64[us]").equals(expected["date_start"])
    assert [list(p) for p in frame["people"]] == expected["people"].tolist()
    assert frame["summary"].isna().tolist() == expected["summary"].isna().tolist()


def test_duckdb_reads_the_parquet_and_the_csv_as_load_does(dataset: Path):
    expected = harvester.load(f"{dataset}.csv")
    from_parquet = duckdb.sql(f"SELECT * FROM read_parquet('{dataset}.parquet')").df()
    from_csv = duckdb.sql(f"""SELECT * REPLACE (
        CASE WHEN people IS NULL THEN [] ELSE string_split(people, '; ') END AS people)
        FROM read_csv('{dataset}.csv', header = true, all_varchar = false,
                      types = {{'date_start': 'DATE', 'date_end': 'DATE', 'date_approximate': 'BOOLEAN',
                               'harvested_at': 'TIMESTAMPTZ', 'date': 'VARCHAR'}})""").df()
    for frame in (from_parquet, from_csv):
        assert list(frame.columns) == list([c.name for c in RECORD_COLUMNS])
        assert frame["id"].tolist() == expected["id"].tolist()
        assert frame["title"].tolist() == expected["title"].tolist()
        assert frame["date_approximate"].tolist() == expected["date_approximate"].tolist()
        assert pd.Series(frame["date_start"]).astype("datetime64[us]").equals(expected["date_start"])
        assert [list(p) for p in frame["people"]] == expected["people"].tolist()
        assert pd.Series(pd.to_datetime(frame["harvested_at"], utc=True)).astype(expected["harvested_at"].dtype).equals(
            expected["harvested_at"])
    assert from_parquet["date_start"].isna().sum() == expected["date_start"].isna().sum() > 0
    assert 0 < expected["harvested_at"].notna().sum() < len(expected)


@pytest.mark.parametrize("pages", ["seed", "details", "numbers"])
def test_the_duckdb_query_of_the_csv_in_the_docs_reads_the_types_load_reads(tmp_path: Path, pages: str):
    """Whatever the dataset: with details, or ids and date lines of digits only, which DuckDB would take for numbers."""
    import re

    from tests.sitegen import results_page

    docs = (Path(__file__).resolve().parent.parent / "docs" / "outputs.md").read_text(encoding="utf-8")
    [query] = re.findall(r"```sql\n(SELECT \* FROM read_csv\(.*?\);)\n```", docs, re.S)
    seed, documents = FIXTURES / "wilson" / "seed", FIXTURES / "wilson" / "documents"
    saved = [seed]
    if pages == "details":      # the types the docs say to add
        assert "add `'uploaded': 'DATE'`" in docs
        query = query.replace("'last_seen': 'TIMESTAMPTZ'}", "'last_seen': 'TIMESTAMPTZ', 'uploaded': 'DATE'}")
        saved += [documents / "telegram-mikoyan-cpsu-central-committee.html", documents / "letter-ri-sang-jo-ns-khrushchev.html"]
    if pages == "numbers":
        saved = [tmp_path / "page-0.html"]
        saved[0].write_text(results_page([("110112", "1956", "Telegram from A to B"), ("0110113", "1957", "Note")], 0), encoding="utf-8")
    reparse(saved, get_site("wilson"), tmp_path, "d", ["csv"], workers=0)
    frame = duckdb.sql(query.replace("output/wilson-korean-workers-party.csv", str(tmp_path / "d.csv"))).df()
    expected = harvester.load(tmp_path / "d.csv")
    assert list(frame.columns) == list(expected.columns) and len(frame) == len(expected) == (2 if pages == "numbers" else 19)
    assert pd.Series(frame["date_start"]).astype("datetime64[us]").equals(expected["date_start"])
    assert frame["date_approximate"].tolist() == expected["date_approximate"].tolist()
    assert all(isinstance(frame[c].dtype, pd.DatetimeTZDtype) for c in ("harvested_at", "first_seen", "last_seen"))   # empty or not
    texts = [c for c in expected.columns if isinstance(expected[c].dtype, pd.StringDtype)]
    assert {"id", "date_raw", "title", "date"} <= set(texts)
    for column in texts:   # text stays text, "0110113" and "1956" too
        assert [v if isinstance(v, str) else None for v in frame[column]] == [None if v is pd.NA else v for v in expected[column]], column
    if pages == "details":
        assert sum(isinstance(value, str) for value in frame["record_id"]) == 2
        assert pd.Series(frame["uploaded"]).astype("datetime64[us]").equals(expected["uploaded"])


def test_a_dataset_named_like_a_people_table_is_loaded_as_records(tmp_path: Path):
    """A dataset may be named "wilson.people" (a name check_name takes): with no wilson.csv beside it, its file is records."""
    reparse([FIXTURES / "wilson" / "seed"], get_site("wilson"), tmp_path, "wilson.people", ["csv"], workers=0)
    assert len(harvester.load(tmp_path / "wilson.people.csv")) == 19


@pytest.mark.parametrize(("name", "content", "error", "message"), [
    ("notes.txt", "hello", UsageError, "not a harvester dataset file"),
    ("d.excel.csv", "\ufeffid\n", UsageError, "the spreadsheet profile"),
    ("d.xlsx", "PK", UsageError, "the spreadsheet for reading by eye"),
    ("resaved.csv", "\ufeffid,url\n", InputError, "begins with a byte-order mark, as the spreadsheet profile and a CSV saved "
                                                   "again by Excel do"),
    ("missing.csv", None, InputError, "no such file"),
    ("d.people.csv", "name,sort_name\n", UsageError, "the dataset's people table, which load() does not read (pandas does, "
                                                     "as it is); load() reads its records, d.csv"),
    ("d.links.json", "[]", UsageError, "the dataset's links table, which load() does not read"),
    ("e.people.csv", "name,sort_name\n", UsageError, "the dataset's people table, which load() does not read (pandas does, "
                                                     "as it is); load() reads its records, e.sqlite"),
    ("other.csv", "a,b\n1,2\n", InputError, "not a harvester records file (missing id, url"),
    ("object.json", '{"id": 1}', InputError, "not a JSON array of records"),
    ("broken.json", "[{", InputError, "cannot be read as a harvester dataset"),
    ("broken.parquet", "PAR1 not really", InputError, "cannot be read as Parquet"),
    ("broken.sqlite", "no database, words " * 10, InputError, "cannot be read as a harvester database (file is not a database)"),
])
def test_anything_else_is_a_one_line_error_naming_the_file(tmp_path: Path, name, content, error, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    if name.startswith("d."):
        (tmp_path / f"d{path.suffix}").write_text("", encoding="utf-8")   # the records the people or links table goes with
    if name.startswith("e."):
        (tmp_path / "e.sqlite").write_bytes(b"")   # a dataset written as SQLite alone
    with pytest.raises(error) as raised:
        harvester.load(path)
    assert str(raised.value).startswith(f"{path}: ") and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_bad_boolean_in_a_csv_is_an_input_error(tmp_path: Path):
    [path] = write_dataset([RECORD], tmp_path, "d", ["csv"])
    path.write_text(path.read_text(encoding="utf-8").replace(",false,", ",maybe,"), encoding="utf-8")
    with pytest.raises(InputError, match="record 1: date_approximate = 'maybe' is not true or false"):
        harvester.load(path)


def test_a_csv_a_spreadsheet_saved_loads_and_what_it_broke_is_named(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["csv"])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",false,", ",FALSE,").replace(",true,", ",TRUE,"), encoding="utf-8")   # as saved
    assert harvester.load(path)["date_approximate"].tolist() == harvester.load(write_dataset(
        [RECORD, UNDATED], tmp_path / "plain", "d", ["csv"])[0])["date_approximate"].tolist()
    path.write_text(text.replace(f",{RECORD['date_start']},", ",1956-13-45,", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"d.csv: a value does not fit its column \(record 1: date_start = '1956-13-45' is "
                                         r"not an ISO 8601 date\)"):
        harvester.load(path)


def test_a_csv_whose_line_ends_were_made_crlf_loads_the_same(tmp_path: Path):
    """git's autocrlf or unix2dos turns every \\n to \\r\\n, inside cells too: a summary's paragraphs came back with a \\r."""
    [path] = write_dataset([{**RECORD, "summary": "One.\n\nTwo."}, UNDATED], tmp_path, "d", ["csv"])
    plain = harvester.load(path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert_frame_equal(harvester.load(path), plain)
    assert plain["summary"][0] == "One.\n\nTwo."


def test_a_csv_of_plain_line_ends_keeps_the_carriage_returns_a_cell_was_written_with(tmp_path: Path):
    """Only a file whose line ends were made CRLF has them undone: a note pasted with its \\r\\n is read as written (and a
    large file is not read twice over, cell by cell, to look for them)."""
    [path] = write_dataset([RECORD], tmp_path, "d", ["csv"])
    pd.read_csv(path, dtype=str, keep_default_na=False).assign(notes="One.\r\nTwo.").to_csv(path, index=False, lineterminator="\n")
    assert harvester.load(path)["notes"][0] == "One.\r\nTwo."


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_column_of_ones_own_and_columns_moved_in_a_spreadsheet_are_kept_after_the_records(tmp_path: Path, fmt: str):
    """A user adds a column of notes and drags another: load() refused the file ("columns harvester does not write")."""
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", [fmt])
    plain = harvester.load(path)
    if fmt == "csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.insert(2, "notes", ["check the date", ""])
        frame.insert(0, "title", frame.pop("title"))
        frame.to_csv(path, index=False)
    else:
        rows = json.loads(path.read_text(encoding="utf-8"))
        rows = [{"title": row.pop("title"), **dict(list(row.items())[:1]), "notes": note, **row}
                for row, note in zip(rows, ["check the date", None])]
        path.write_text(json.dumps(rows), encoding="utf-8")
    loaded = harvester.load(path)
    assert list(loaded.columns) == [*plain.columns, "notes"]
    assert_frame_equal(loaded[plain.columns], plain)
    assert loaded["notes"].tolist() == ["check the date", pd.NA]



@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_frame_load_gave_saved_by_pandas_loads_back_the_same(dataset: Path, tmp_path: Path, fmt: str):
    """load(), filter, to_csv, and load() next week: the CSV's lists, as pandas writes them ("['Kim Il Sung']"), were read
    as one name each, brackets and quotes and all."""
    frame = harvester.load(f"{dataset}.csv")
    getattr(frame, f"to_{fmt}")(tmp_path / f"mine.{fmt}", index=False)
    assert_frame_equal(harvester.load(tmp_path / f"mine.{fmt}"), frame)


def test_a_name_of_harvesters_own_csv_that_looks_like_a_python_list_is_that_name(tmp_path: Path):
    """Lists are read as pandas writes them only from a CSV pandas wrote (its booleans True and False): harvester's own
    cell of one name that looks so ("[]", a page's heading of brackets and quotes) was read as no name, or as two."""
    for people in (["[]"], ["['Kim Il Sung', 'Mao Zedong']"]):
        write_dataset([{**RECORD, "people": people}], tmp_path, "d", ["csv"])
        assert harvester.load(tmp_path / "d.csv")["people"][0] == people


def test_a_cell_of_a_csv_pandas_wrote_that_is_no_list_of_names_is_read_as_harvester_writes_one(tmp_path: Path):
    """A cell Python cannot read as a list ({[]: 1} is unhashable; a run of minus signs runs its parser out of memory)
    ended load() in a traceback."""
    [path] = write_dataset([RECORD], tmp_path, "d", ["csv"])
    for cell in ("[{[]: 1}]", "[" + "-" * 100_000 + "1]"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False).assign(date_approximate="False", people=cell)
        frame.to_csv(tmp_path / "mine.csv", index=False)
        assert harvester.load(tmp_path / "mine.csv")["people"][0] == [cell]


def test_a_column_of_ones_own_named_as_a_details_column_is_named_in_the_error(tmp_path: Path):
    """"topics" added to a dataset harvested without --details: the error listed every column, not the one to rename."""
    [path] = write_dataset([RECORD], tmp_path, "d", ["csv"])
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["topics"] = ["mine"]
    frame.to_csv(path, index=False)
    with pytest.raises(InputError) as raised:
        harvester.load(path)
    assert str(raised.value) == (f"{path}: not a harvester records file (topics: of a --details or --pdfs dataset, whose "
                                 "other columns it has not; give a column of your own another name)")

def test_a_folder_or_a_datasets_name_loads_its_records_and_a_folder_of_two_says_which_to_name(tmp_path: Path):
    reparse([FIXTURES / "wilson" / "seed"], get_site("wilson"), tmp_path / "out", "kwp", ["json", "csv"], workers=0)
    expected = harvester.load(tmp_path / "out" / "kwp.csv")
    for given in (tmp_path / "out", tmp_path / "out" / "kwp", str(tmp_path / "out")):
        assert_frame_equal(harvester.load(given), expected)
    reparse([FIXTURES / "wilson" / "seed"], get_site("wilson"), tmp_path / "out", "other", ["json"], workers=0)
    with pytest.raises(UsageError, match=rf"^{tmp_path / 'out'} holds datasets kwp, other: name one, as {tmp_path / 'out' / 'kwp'}$"):
        harvester.load(tmp_path / "out")
    with pytest.raises(UsageError, match="holds no dataset"):
        harvester.load(tmp_path)


def test_the_data_package_and_the_other_files_that_describe_a_dataset_load_its_records(tmp_path: Path):
    """The data package is what a Frictionless user opens first: load() took it for a records file ("not a JSON array")."""
    reparse([FIXTURES / "wilson" / "seed"], get_site("wilson"), tmp_path, "kwp", ["csv", "sqlite"], workers=0)
    (tmp_path / "kwp.report.html").write_text("<!doctype html>", encoding="utf-8")
    expected = harvester.load(tmp_path / "kwp.csv")
    for name in ("kwp.datapackage.json", "kwp.report.json", "kwp.report.html", "kwp.metadata.json"):
        assert_frame_equal(harvester.load(tmp_path / name), expected, obj=name)
    reparse([FIXTURES / "wilson" / "seed"], get_site("wilson"), tmp_path / "alone", "x.report", ["json"], workers=0)
    assert len(harvester.load(tmp_path / "alone" / "x.report.json")) == 19   # a dataset of that name: its records
    # a dataset of spreadsheets alone: its data package says so, as its folder does (it said "not a JSON array")
    reparse([FIXTURES / "wilson" / "seed"], get_site("wilson"), tmp_path / "sheets", "kwp", ["xlsx"], workers=0)
    for name in ("kwp.datapackage.json", "kwp.report.json"):
        with pytest.raises(InputError, match=r"dataset 'kwp' in .*sheets has only spreadsheet files \(kwp\.xlsx\)"):
            harvester.load(tmp_path / "sheets" / name)


def test_a_path_under_the_home_folder_written_with_a_tilde_loads_as_pandas_reads_it(tmp_path: Path, monkeypatch):
    """load("~/data/kwp.csv") said "no such file", where pandas.read_csv reads it."""
    reparse([FIXTURES / "wilson" / "seed"], get_site("wilson"), tmp_path / "data", "kwp", ["csv"], workers=0)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert_frame_equal(harvester.load("~/data/kwp.csv"), harvester.load(tmp_path / "data" / "kwp.csv"))


def test_parquet_and_xlsx_without_their_extra_say_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)        # as if pyarrow were not installed
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(UsageError, match=r"^--format parquet needs pyarrow: pip install 'wilson-harvester\[parquet\]'$"):
        parse_formats("csv,parquet")
    with pytest.raises(UsageError, match=r"pip install 'wilson-harvester\[xlsx\]'"):
        parse_formats("xlsx")
    assert parse_formats("csv,json") == ("csv", "json")


def test_importing_harvester_does_not_import_pandas():
    code = "import sys, harvester; print('pandas' in sys.modules, callable(harvester.load), 'pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True", "True"]


def test_a_csv_cut_short_is_an_error_not_fewer_rows(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED, RECORD], tmp_path, "d", ["csv"])
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex(RECORD["source_page"]) + 20], encoding="utf-8")
    with pytest.raises(InputError, match=r"d.csv: cut short \(its last line is not whole: a damaged or half-copied file\?\)"):
        harvester.load(path)


def test_a_jsonl_line_holding_a_unicode_line_separator_is_one_record(tmp_path: Path):
    """JSON Lines ends a line at \\n only: U+2028, U+2029 and U+0085 are characters of a value (a query may hold them)."""
    [path] = write_dataset([{**RECORD, "query": "Korea\u2028War\u2029\x85"}, UNDATED], tmp_path, "d", ["jsonl"])
    assert list(harvester.load(path)["query"]) == ["Korea\u2028War\u2029\x85", UNDATED["query"]]


def test_a_bad_jsonl_line_is_named_by_its_number(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["jsonl"])
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(lines[0] + "\n" + lines[1][:40] + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"d\.jsonl: line 2 is not JSON"):
        harvester.load(path)


def test_a_record_without_its_id_is_a_damaged_file(tmp_path: Path):
    [path] = write_dataset([RECORD, {**UNDATED, "id": ""}], tmp_path, "d", ["csv"])
    with pytest.raises(InputError, match=r"d\.csv: record 2 has no id \(a damaged or cut-short file\?\)"):
        harvester.load(path)


def test_a_jsonl_line_that_is_json_but_no_record_is_named_by_its_number(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["jsonl"])
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n[1]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"d\.jsonl: line 2 is not a JSON record$"):
        harvester.load(path)


@pytest.mark.parametrize(("column", "value", "said"), [
    ("date_approximate", "yes", "date_approximate holds a value that is not true or false"),
    ("senders", "Kim Il Sung", "senders holds 'Kim Il Sung', not a list"),
    ("senders", "", None),   # an empty value, as a list of no one
])
def test_a_json_value_edited_to_another_type_is_named_with_its_column(tmp_path: Path, column: str, value: str, said: str | None):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["json"])
    rows = json.loads(path.read_text(encoding="utf-8"))
    rows[1][column] = value
    path.write_text(json.dumps(rows), encoding="utf-8")
    if said is None:
        assert list(harvester.load(path)[column]) == [list(RECORD[column]), []]
        return
    with pytest.raises(InputError, match=f"d\\.json: a value does not fit its column \\({said}\\)"):
        harvester.load(path)
