"""The data package beside each dataset: frictionless validates it, its schemas come from records.py, its provenance from the run."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import validate

import harvester
from harvester import __version__
from harvester.output.files import Staging, write_table
from harvester.output.package import Provenance, write_package
from harvester.pipeline import harvest, reparse
from harvester.records import RECORD_COLUMNS
from harvester.serve import Serving
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.conftest import FIXTURES, FakeClock, T0, replaced
from tests.test_export import RECORD, UNDATED

WILSON = get_site("wilson")
QUERY = "Korean Workers' Party"
EVERY_FORMAT = ["csv", "json", "jsonl", "parquet", "xlsx", "csv-excel"]


@pytest.fixture(scope="module")
def harvested(tmp_path_factory) -> Path:
    """A fresh harvest of the seed search over HTTP, in every format; returns its datapackage.json."""
    out = tmp_path_factory.mktemp("out")
    with Serving(FIXTURES / "wilson" / "seed") as serving:
        harvest(WILSON, Search(QUERY), out, "kwp", EVERY_FORMAT, Settings(base_url=serving.origin, delay=0), now=FakeClock().now)
    return out / "kwp.datapackage.json"


def package(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def error_types(path: Path) -> set[str]:
    return {error.type for task in validate(str(path)).tasks for error in task.errors}


def write(tmp_path: Path, records, formats=("csv",), companions: dict[str, str] | None = None) -> Path:
    """Records written as the pipeline does: the files (and any companions given, as file name: text), then their
    package, all of one generation."""
    stalin = {"words": "\u201cStalin\u201d", "query": "Stalin", "address": WILSON.search_url(Search("Stalin")), "facets": [],
              "parameters": {}}
    origin = Provenance(site="wilson", home=WILSON.home, origin=WILSON.home, searches=(stalin,), mode="harvest", pages=1,
                        total=len(records), documents=len(records), requests=0, first_harvested=None, last_harvested=None,
                        warnings=(), created=T0.isoformat(timespec="seconds"))
    with Staging(tmp_path, "d") as staging:
        files = write_table(lambda: records, RECORD_COLUMNS, tmp_path, "d", formats, staging)
        files += [staging.stage(tmp_path / file, text) for file, text in (companions or {}).items()]
        path = write_package(tmp_path, "d", files, origin, staging, RECORD_COLUMNS)
        staging.commit()
    return path


def test_the_frictionless_command_validates_a_fresh_harvest(harvested: Path):
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", harvested.name], cwd=harvested.parent,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # the records in every format, the people table in the four that carry it, the run report
    assert result.stdout.count("VALID") == len(EVERY_FORMAT) + 4 + 1 and "INVALID" not in result.stdout
    assert "kwp.people.csv" in result.stdout
    assert "run-report" in result.stdout


@pytest.mark.parametrize("fixture", ["seed", "dates", "encoding", "views-rows", "no-url", "empty"])
def test_the_package_of_every_saved_fixture_validates(tmp_path: Path, fixture: str):
    outcome = reparse([FIXTURES / "wilson" / fixture], WILSON, tmp_path, "f", EVERY_FORMAT, workers=0)
    report = validate(str(outcome.files[-1]))
    assert report.valid, report.flatten(["type", "message"])[:5]


def test_every_file_of_the_harvest_is_a_resource_with_its_size_and_hash(harvested: Path):
    resources = package(harvested)["resources"]
    assert [r["path"] for r in resources] == ["kwp.csv", "kwp.json", "kwp.jsonl", "kwp.parquet", "kwp.xlsx", "kwp.excel.csv",
                                              "kwp.people.csv", "kwp.people.json", "kwp.people.jsonl", "kwp.people.parquet",
                                              "kwp.report.json"]
    assert [r["name"] for r in resources] == ["records", "records-json", "records-jsonl", "records-parquet", "records-xlsx",
                                              "records-csv-excel", "people", "people-json", "people-jsonl", "people-parquet",
                                              "run-report"]
    for resource in resources:
        content = (harvested.parent / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content) and resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
    assert [r["type"] for r in resources] == ["table"] + ["file"] * 5 + ["table"] + ["file"] * 3 + ["json"]
    assert [r.get("encoding") for r in resources] == ["utf-8", "utf-8", "utf-8", None, None, "utf-8-sig",
                                                      "utf-8", "utf-8", "utf-8", None, "utf-8"]


def test_the_records_schema_is_the_record_type_with_types_and_key(harvested: Path):
    records, as_json = package(harvested)["resources"][:2]
    fields = {f["name"]: f for f in records["schema"]["fields"]}
    assert list(fields) == list([c.name for c in RECORD_COLUMNS]) and records["schema"]["primaryKey"] == ["id"]
    assert records["schema"]["missingValues"] == [""]
    assert fields["date_start"]["type"] == fields["date_end"]["type"] == "date"
    assert fields["date"]["type"] == "string" and "EDTF" in fields["date"]["description"]
    assert fields["date_approximate"] == {**fields["date_approximate"], "type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    assert fields["harvested_at"]["type"] == "datetime"
    assert fields["people"]["type"] == "string" and 'joined with "; "' in fields["people"]["description"]
    json_fields = {f["name"]: f for f in as_json["schema"]["fields"]}
    assert json_fields["people"]["type"] == "array" and json_fields["people"]["example"] == ["Anastas Mikoyan"]
    assert "trueValues" not in json_fields["date_approximate"]


def test_the_provenance_is_the_run(harvested: Path):
    descriptor = package(harvested)
    run = descriptor["harvest"]
    assert (run["site"], run["home"], run["mode"]) == ("wilson", WILSON.home, "harvest")
    assert run["origin"].startswith("http://127.0.0.1:")             # where the pages came from: the local copy
    assert run["searches"] == [{"words": f"\u201c{QUERY}\u201d", "query": QUERY, "address": WILSON.search_url(Search(QUERY)),
                                "facets": [], "parameters": {}}]
    assert (run["pages"], run["total"], run["documents"], run["requests"]) == (2, 19, 19, 3)
    assert run["first_harvested"] == run["last_harvested"] == "2026-11-26T12:00:00+00:00"
    assert run["created"] == descriptor["created"] == "2026-11-26T12:00:00+00:00"
    assert run["harvester"] == f"harvester {__version__}"
    assert descriptor["sources"] == [{"title": f"search: \u201c{QUERY}\u201d", "path": WILSON.search_url(Search(QUERY))}]
    assert descriptor["name"] == "kwp" and QUERY in descriptor["title"]


def test_a_changed_file_no_longer_validates(tmp_path: Path):
    path = write(tmp_path, [RECORD, UNDATED])
    assert validate(str(path)).valid
    csv_file = tmp_path / "d.csv"
    csv_file.write_text(csv_file.read_text(encoding="utf-8").replace("Mao Zedong", "Mao Tse-tung"), encoding="utf-8")
    assert {"hash-count", "byte-count"} & error_types(path)


def test_a_value_that_breaks_its_type_does_not_validate(tmp_path: Path):
    path = write(tmp_path, [replaced(RECORD, date_start="1950-13-01")])
    assert error_types(path) == {"type-error"}


def test_a_repeated_id_breaks_the_primary_key(tmp_path: Path):
    path = write(tmp_path, [RECORD, replaced(UNDATED, id=RECORD["id"])])
    assert error_types(path) == {"primary-key"}


def test_an_empty_dataset_has_a_valid_package(tmp_path: Path):
    path = write(tmp_path, [], ("csv", "json"))
    assert validate(str(path)).valid and package(path)["harvest"]["documents"] == 0


@pytest.mark.parametrize("formats", [["json"], ["jsonl"], ["csv", "json"]])
def test_the_schema_of_an_empty_dataset_has_the_columns_of_its_run_whatever_its_formats(tmp_path: Path, formats):
    """An empty JSON array says no fields: its schema (and so load()) has the run's columns all the same, not every
    column a run with --details and --pdfs would have."""
    outcome = reparse([FIXTURES / "wilson" / "empty"], WILSON, tmp_path, "e", formats, workers=0)
    [resource] = [r for r in package(tmp_path / "e.datapackage.json")["resources"] if r["name"].startswith("records")][:1]
    fields = [f["name"] for f in resource["schema"]["fields"]]
    assert outcome.documents == 0 and fields == [c.name for c in RECORD_COLUMNS]
    assert list(harvester.load(tmp_path / f"e.{formats[-1]}").columns) == fields


def test_records_files_this_run_did_not_write_are_left_out(tmp_path: Path):
    (tmp_path / "d.parquet").write_bytes(b"last week's")
    path = write(tmp_path, [RECORD], ("csv",))
    assert [r["path"] for r in package(path)["resources"]] == ["d.csv"]


def test_the_people_table_and_run_report_are_listed_when_present(tmp_path: Path):
    path = write(tmp_path, [RECORD], companions={
        "d.people.csv": "name,sort_name,birth,death,variants,documents,first_date,last_date,document_ids\n"
                        "Mao Zedong,\"Mao, Zedong\",1893,1976,Mao Tse-tung,1,1950-04-01,1950-04-30,doc-1\n",
        "d.people.json": '[{"name": "Mao Zedong"}]\n', "d.report.json": '{"warnings": []}\n'})
    resources = {r["name"]: r for r in package(path)["resources"]}
    assert list(resources) == ["records", "people", "people-json", "run-report"]
    people = resources["people"]["schema"]
    assert people["primaryKey"] == ["name"]
    assert [(f["name"], f["type"]) for f in people["fields"]][5:] == [("documents", "integer"), ("first_date", "date"),
                                                                    ("last_date", "date"), ("document_ids", "string")]
    assert resources["run-report"]["type"] == "json"
    assert validate(str(path)).valid
