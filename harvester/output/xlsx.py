"""Spreadsheet-safe renderings: an XLSX whose text cells are never formulas, and the guard for the csv-excel profile."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pandas as pd

from harvester.output.files import LIST_SEPARATOR
from harvester.records import Column

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")   # what makes a spreadsheet read a cell as a formula (OWASP CSV injection)
FIRST_EXCEL_DATE = date(1900, 1, 1)                # Excel has no dates before this: earlier ones stay ISO text
MAX_CELL = 32767                                   # Excel's limit on one cell, in UTF-16 units (an emoji is two)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")   # what XML 1.0, and so an XLSX, cannot hold
_WIDTHS = {"id": 40, "url": 30, "title": 60, "summary": 60, "source_page": 30}


def defuse(text: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading ' (shown, never run); any other text is unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


def xlsx_bytes(frame: pd.DataFrame, columns: tuple[Column, ...]) -> bytes:
    """The frame (as output.files.to_frame makes it) as an XLSX workbook: sheet "records", then sheet "columns" describing them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "records"
    for number, column in enumerate(columns, start=1):
        header = sheet.cell(row=1, column=number, value=column.name)
        header.font = Font(bold=True)
        sheet.column_dimensions[header.column_letter].width = _WIDTHS.get(column.name, 16)
    for row_number, row in enumerate(frame[[c.name for c in columns]].itertuples(index=False), start=2):
        for number, (column, value) in enumerate(zip(columns, row), start=1):
            _fill(sheet.cell(row=row_number, column=number), column, value)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    about = book.create_sheet("columns")
    rows = [("column", "type", "meaning", "example"), *((c.name, c.type, c.description, c.example) for c in columns)]
    for row_number, values in enumerate(rows, start=1):
        for number, value in enumerate(values, start=1):
            _text(about.cell(row=row_number, column=number), value)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _fill(cell: Any, column: Column, value: Any) -> None:
    """Dates from 1900 on as real dates, booleans as booleans, numbers as numbers, lists joined with "; ", everything
    else as text."""
    if column.type == "boolean":
        cell.value = bool(value)
    elif column.type == "date" and value and date.fromisoformat(value) >= FIRST_EXCEL_DATE:
        cell.value = date.fromisoformat(value)
        cell.number_format = "yyyy-mm-dd"
    elif column.type == "list":
        _text(cell, LIST_SEPARATOR.join(value))
    elif column.type == "integer":
        cell.value = value
    elif value != "":
        _text(cell, value)


def _text(cell: Any, value: str) -> None:
    """A text cell that stays text: never a formula, and marked so that Excel keeps it text when it is edited."""
    cell.value = _ILLEGAL.sub("", value).encode("utf-16-le")[:2 * MAX_CELL].decode("utf-16-le", "ignore")   # (whole characters)
    cell.data_type = "s"
    cell.quotePrefix = cell.value.startswith(FORMULA_START)   # of what the cell holds: "\x01=1+1" holds "=1+1"
