"""The schema describes every column of every output once; the README tables and the JSON Schemas come from it."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, fields
from pathlib import Path

import pytest

from harvester.details import DETAIL_FIELDS, DocumentDetails, details_of
from harvester.document import parse_document
from harvester.normalize.names import NameTable
from harvester.people import PEOPLE_FIELDS, PersonRow, build_people
from harvester.saved import read_saved
from harvester.schema import DETAIL_COLUMNS, JSON_ONLY_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS, Column, json_schema, markdown_table
from harvester.sites import get_site
from tests.conftest import FIXTURES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
TYPES = {"tuple[str, ...]": {"list"}, "str": {"string", "date", "edtf", "datetime"}, "int | None": {"integer"},
         "int": {"integer"}, "bool": {"boolean"}}


@pytest.mark.parametrize(("columns", "names", "kind"), [
    (DETAIL_COLUMNS, DETAIL_FIELDS, DocumentDetails),
    (PEOPLE_COLUMNS, PEOPLE_FIELDS, PersonRow),
], ids=["details", "people"])
def test_the_schema_describes_every_field_in_order_with_its_type(columns: tuple[Column, ...], names: tuple[str, ...], kind: type):
    assert tuple(c.name for c in columns) == names
    annotations = {f.name: f.type for f in fields(kind)}
    for column in columns:
        assert column.type in TYPES[annotations[column.name]], column.name
        assert column.description and column.example, column.name


def test_json_only_columns_are_details_columns():
    assert set(JSON_ONLY_COLUMNS) <= set(DETAIL_FIELDS)


@pytest.mark.parametrize("columns", [RECORD_COLUMNS, DETAIL_COLUMNS, PEOPLE_COLUMNS], ids=["records", "details", "people"])
def test_the_readme_documents_every_column(columns: tuple[Column, ...]):
    assert markdown_table(columns) in README


@pytest.mark.parametrize("columns", [RECORD_COLUMNS, DETAIL_COLUMNS, PEOPLE_COLUMNS], ids=["records", "details", "people"])
def test_the_json_schema_lists_the_columns_in_order(columns: tuple[Column, ...]):
    schema = json_schema(columns, "x")
    items = schema["items"]
    assert list(items["properties"]) == [c.name for c in columns] == items["required"]
    assert items["additionalProperties"] is False
    for column in columns:
        assert valid(items["properties"][column.name], items["properties"][column.name]["examples"][0]), column.name
    json.dumps(schema)


def valid(rule: dict, value: object) -> bool:
    """The little of JSON Schema the output schemas use: type (with null), format date, array items."""
    names = rule["type"] if isinstance(rule["type"], list) else [rule["type"]]
    checks = {"string": lambda v: isinstance(v, str), "null": lambda v: v is None, "boolean": lambda v: isinstance(v, bool),
              "integer": lambda v: isinstance(v, int) and not isinstance(v, bool), "array": lambda v: isinstance(v, list)}
    if not any(checks[name](value) for name in names):
        return False
    if rule.get("format") == "date" and isinstance(value, str):
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
    if isinstance(value, list):
        return all(valid(rule["items"], item) for item in value)
    return True


def as_json(row: dict) -> dict:
    """A row as the JSON output writes it: empty values are null, lists are arrays."""
    return {k: (None if v in ("", ()) else list(v) if isinstance(v, tuple) else v) for k, v in row.items()}


def test_the_fixture_data_agrees_with_the_json_schemas():
    names = NameTable.load()
    site = get_site("wilson")
    details = []
    for page in sorted((FIXTURES / "wilson" / "documents").glob("*.html")):
        if json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))["kind"] == "document":
            saved, text = read_saved(page)
            details.append(details_of(parse_document(text, saved.url, site), names))
    detail_rules = json_schema(DETAIL_COLUMNS, "details")["items"]["properties"]
    for item in details:
        row = as_json({k: v for k, v in asdict(item).items() if k != "warnings"})
        for name, value in row.items():
            assert valid(detail_rules[name], value), (name, value)
    from tests.test_people import fixture_mentions
    people_rules = json_schema(PEOPLE_COLUMNS, "people")["items"]["properties"]
    for person in build_people(fixture_mentions(), names):
        for name, value in as_json(asdict(person)).items():
            assert valid(people_rules[name], value), (name, value)
