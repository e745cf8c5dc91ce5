"""Every column is declared once, in records.py; the docs' tables come from it, and what the code makes fits it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from harvester.fetch.saved import read_saved
from harvester.normalize.names import NameTable
from harvester.parse.document import parse_document
from harvester.records import (DETAIL_COLUMNS, LINK_COLUMNS, PDF_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS, Column, details_of,
                               doc_types_table, markdown_table)
from harvester.sites import get_site
from tests.conftest import FIXTURES, people_table

DOCS = (Path(__file__).resolve().parent.parent / "docs" / "dataset.md").read_text(encoding="utf-8")
TYPES = ("string", "edtf", "date", "datetime", "boolean", "integer", "list")


@pytest.mark.parametrize("columns", [RECORD_COLUMNS, DETAIL_COLUMNS, PDF_COLUMNS, PEOPLE_COLUMNS, LINK_COLUMNS],
                         ids=["records", "details", "pdfs", "people", "links"])
def test_every_column_is_declared_once_with_a_type_a_meaning_and_an_example(columns: tuple[Column, ...]):
    assert len({c.name for c in columns}) == len(columns)
    for column in columns:
        assert column.type in TYPES and column.description and column.example, column.name


def test_the_names_of_records_and_details_do_not_collide_and_only_details_stay_out_of_csv():
    names = [c.name for c in RECORD_COLUMNS + DETAIL_COLUMNS + PDF_COLUMNS]
    assert len(names) == len(set(names))
    assert [c.name for c in RECORD_COLUMNS + DETAIL_COLUMNS + PDF_COLUMNS if not c.in_csv] == ["transcript"]


@pytest.mark.parametrize("columns", [RECORD_COLUMNS, DETAIL_COLUMNS, PDF_COLUMNS, PEOPLE_COLUMNS, LINK_COLUMNS],
                         ids=["records", "details", "pdfs", "people", "links"])
def test_the_docs_document_every_column(columns: tuple[Column, ...]):
    assert markdown_table(columns) in DOCS


def test_the_docs_give_every_doc_type_as_the_code_explains_it():
    assert doc_types_table() in DOCS


def fits(column: Column, value: object) -> bool:
    """Whether a value is of its column's declared type, as the code holds it (empty text for no value)."""
    if column.type == "list":
        return isinstance(value, list) and all(isinstance(item, str) and item for item in value)
    if column.type == "boolean":
        return isinstance(value, bool)
    if column.type == "integer":
        return value is None or (isinstance(value, int) and not isinstance(value, bool))
    if not isinstance(value, str):
        return False
    if column.type == "date":
        return value == "" or bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
    if column.type == "datetime":
        return value == "" or bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00", value))
    return True


def test_the_records_details_and_people_of_the_fixtures_fit_their_columns(tmp_path: Path):
    from harvester.pipeline import reparse

    names = NameTable.load()
    site = get_site("wilson")
    reparse([FIXTURES / "wilson" / "seed", FIXTURES / "wilson" / "dates"], site, tmp_path, "r", ["jsonl"], workers=0)
    records = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    for record in records:
        assert list(record) == [c.name for c in RECORD_COLUMNS]
        for column in RECORD_COLUMNS:
            assert fits(column, "" if record[column.name] is None else record[column.name]), (column.name, record[column.name])
    for page in sorted((FIXTURES / "wilson" / "documents").glob("*.html")):
        if json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))["kind"] == "document":
            saved, text, _ = read_saved(page)
            details = details_of(parse_document(text, saved.url, site), names, site)
            assert list(details) == [c.name for c in DETAIL_COLUMNS] + ["warnings"]
            for column in DETAIL_COLUMNS:
                assert fits(column, details[column.name]), (page.name, column.name, details[column.name])
    from tests.test_people import fixture_mentions
    for person in people_table(fixture_mentions(), names):
        assert list(person) == [c.name for c in PEOPLE_COLUMNS]
        for column in PEOPLE_COLUMNS:
            assert fits(column, person[column.name]), (column.name, person[column.name])
