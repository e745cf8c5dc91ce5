"""The Frictionless Data Package beside each dataset: its files, their Table Schemas (from records.py) and the run's provenance."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from harvester import __version__
from harvester.output.files import LIST_SEPARATOR, SUFFIXES, TABLE_FORMATS, Staging, columns_for, file_name, sha256_of
from harvester.output.sqlite import DATABASE_SUFFIX, METADATA_SUFFIX
from harvester.records import RECORDS, TABLES, Column, Record, Table

PACKAGE_SUFFIX = ".datapackage.json"
RUN_REPORT_SUFFIX = ".report.json"
# what a dataset's companion files add to its name, before their format's ending: NAME.people.csv, NAME.report.json,
# NAME.report.html, NAME.excel.csv, ...
COMPANIONS = (*(table.suffix for table in TABLES if table.suffix),
              *(suffix.removesuffix(".json") for suffix in (PACKAGE_SUFFIX, RUN_REPORT_SUFFIX, METADATA_SUFFIX)),
              *("." + suffix.rsplit(".", 1)[0] for suffix in SUFFIXES.values()))


def clashing_names(name: str) -> list[str]:
    """The names of the datasets whose files one named `name` would write, or which would write its own: "kwp.people"
    would write "kwp"'s people table, and "kwp" would write "kwp.people"'s records."""
    return [name + suffix for suffix in COMPANIONS] + [name.removesuffix(s) for s in COMPANIONS if name.endswith(s)]


MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "jsonl": "application/jsonl", "parquet": "application/vnd.apache.parquet",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv-excel": "text/csv"}
FORMAT_NOTES = {
    "csv": "CSV, UTF-8, one header row; lists joined with \"; \"; empty cells are empty values",
    "json": "a JSON array of objects with the same fields; lists are arrays, empty values null",
    "jsonl": "JSON Lines: one object per line, as in the JSON file",
    "parquet": "Parquet with real types: dates, booleans, lists of strings, UTC timestamps; empty values null",
    "xlsx": "an Excel workbook for reading by eye: text cells are never formulas, date_start and date_end are Excel dates",
    "csv-excel": "the CSV for spreadsheets: UTF-8 with a byte-order mark, and a ' before any cell that starts with = + - @",
}
TEXT_FORMATS = ("csv", "json", "jsonl", "csv-excel")
DATABASE_NOTE = ("the records (table documents, every column; lists as JSON arrays), the people and (with --details) the "
                 "links in one SQLite database, with full-text search (documents_fts, FTS5) over title, summary and transcript")
TABLE_SCHEMA_TYPES = {"edtf": "string", "list": "array"}


@dataclass(frozen=True)
class Provenance:
    """Where, when and how the data came: stored under "harvest" in the package."""

    site: str
    home: str
    origin: str                 # where the pages came from: the site's home, a mirror or local server, or "saved pages"
    searches: tuple[dict, ...]  # each search: its words, query, address (on the site's own host), facets with labels
    mode: str                   # "harvest" (over HTTP) or "reparse" (saved pages)
    pages: int
    total: int | None
    documents: int
    requests: int
    first_harvested: str | None
    last_harvested: str | None
    warnings: tuple[str, ...]
    created: str
    harvester: str = f"harvester {__version__}"


def write_package(out_dir: Path, name: str, written: list[Path], provenance: Provenance, staging: Staging,
                  columns: tuple[Column, ...], long_text_in_csv: bool = False, scans: Iterable[Record] = ()) -> Path:
    """Stage NAME.datapackage.json: title, sources, provenance, and one resource per file this run wrote (staged with
    it; the records files carry `columns`, as write_table wrote them), and the PDFs (`scans`: the records whose PDF is
    kept, with its file's path, size and SHA-256 as downloaded in their PDF columns)."""
    searches = "; ".join(search["words"] for search in provenance.searches) or "saved results pages"
    fetched = f", fetched from {provenance.origin}" if provenance.origin != provenance.home else ""
    described = {
        "name": _slug(name),
        "title": f"{searches} on {urlsplit(provenance.home).hostname}",
        "description": f"{provenance.documents} documents from the search results of {provenance.home} ({searches}{fetched}), "
                       f"one row each, collected by {provenance.harvester} ({provenance.mode}).",
        "created": provenance.created,
        "homepage": provenance.home,
        "sources": [{"title": f"search: {search['words']}", "path": search["address"]} for search in provenance.searches
                    if search["address"]],
        "harvest": asdict(provenance),
        "resources": resources(out_dir, name, written, staging.current, columns, long_text_in_csv) + pdf_resources(scans),
    }
    return staging.stage(out_dir / f"{name}{PACKAGE_SUFFIX}", json.dumps(described, ensure_ascii=False, indent=2) + "\n")


def resources(out_dir: Path, name: str, written: Iterable[Path], current: Callable[[Path], Path], columns: tuple[Column, ...],
              long_text_in_csv: bool) -> list[dict[str, Any]]:
    """A resource for each file written: each table's, with the columns its format carries (the records': of `columns`),
    the database's and the run report's.

    `current(path)` is where a file's content is now (a staged copy, before the run's files appear together)."""
    written = set(written)
    found = []
    for table in TABLES:
        for fmt in TABLE_FORMATS:
            path = out_dir / file_name(name + table.suffix, fmt)
            if path in written:
                records = table is RECORDS   # the columns of its format, as write_table chose them
                carried = columns_for(fmt, columns if records else table.columns, long_text_in_csv and records)
                found.append(_resource(table, fmt, path, carried, current(path)))
    database = out_dir / f"{name}{DATABASE_SUFFIX}"
    if database in written:
        found.append({"name": "database", "path": database.name, "type": "file", "format": "sqlite",
                      "mediatype": "application/vnd.sqlite3", "description": DATABASE_NOTE, **_integrity(current(database))})
        metadata = out_dir / f"{name}{METADATA_SUFFIX}"
        found.append({"name": "database-metadata", "path": metadata.name, "type": "json", "format": "json",
                      "mediatype": "application/json", "encoding": "utf-8",
                      "description": "the database's tables and columns described, in Datasette's metadata.json format",
                      **_integrity(current(metadata))})
    report = out_dir / f"{name}{RUN_REPORT_SUFFIX}"
    if report in written:
        found.append({"name": "run-report", "path": report.name, "type": "json", "format": "json", "mediatype": "application/json",
                      "encoding": "utf-8", "description": "how the run went: pages, requests, new and changed documents, warnings",
                      **_integrity(current(report))})
    return found


def pdf_resources(scans: Iterable[Record]) -> list[dict[str, Any]]:
    """One resource per original scan in DIR/pdfs/ (a data package has no folder resource: each file is checked by its
    size and hash as it was downloaded), named pdf-ID."""
    found, names, paths = [], set(), set()
    for scan in scans:
        if scan["pdf_file"] in paths:   # a scan two documents link is one file
            continue
        paths.add(scan["pdf_file"])
        doc_id, name = scan["id"], _slug(f"pdf-{scan['id']}")
        name = name if name not in names else f"{name}-{len(found)}"
        names.add(name)
        found.append({"name": name, "path": scan["pdf_file"], "type": "file", "format": "pdf", "mediatype": "application/pdf",
                      "description": f"the original scan of document {doc_id}, as the archive serves it",
                      "bytes": scan["pdf_bytes"], "hash": f"sha256:{scan['pdf_sha256']}"})
    return found


def table_schema(table: Table, columns: tuple[Column, ...], fmt: str = "csv") -> dict[str, Any]:
    """The Table Schema of a table's file that carries `columns`: its fields, described; its key."""
    schema: dict[str, Any] = {"fields": [_field(c, fmt) for c in columns], "missingValues": [""]}
    if table.primary_key and set(table.primary_key) <= {c.name for c in columns}:
        schema["primaryKey"] = list(table.primary_key)
    return schema


def _resource(table: Table, fmt: str, path: Path, columns: tuple[Column, ...], content: Path) -> dict[str, Any]:
    """CSV is the tabular resource frictionless checks row by row; the other formats are files checked by size and hash."""
    resource = {
        "name": table.name if fmt == "csv" else f"{table.name}-{fmt}",
        "path": path.name,
        "type": "table" if fmt == "csv" else "file",
        "format": "csv" if fmt == "csv-excel" else fmt,
        "mediatype": MEDIA_TYPES[fmt],
        **({"encoding": "utf-8-sig" if fmt == "csv-excel" else "utf-8"} if fmt in TEXT_FORMATS else {}),
        "description": f"{table.description}; {FORMAT_NOTES[fmt]}",
        **_integrity(content),
    }
    if fmt in ("csv", "json", "jsonl", "parquet"):
        resource["schema"] = table_schema(table, columns, fmt)
    return resource


def _field(column: Column, fmt: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": TABLE_SCHEMA_TYPES.get(column.type, column.type), "description": column.description}
    example: Any = column.example
    if column.type == "list" and fmt == "csv":
        field["type"] = "string"
        field["description"] += f' (a list: its items joined with "{LIST_SEPARATOR}")'
    elif column.type == "list":
        example = column.example.split(LIST_SEPARATOR)
    if column.type == "boolean" and fmt == "csv":
        field.update(trueValues=["true"], falseValues=["false"])
    if column.type == "edtf":
        field["description"] += " (Extended Date/Time Format, ISO 8601-2)"
    if column.example:
        field["example"] = example
    return field


def _integrity(path: Path) -> dict[str, Any]:
    return {"bytes": path.stat().st_size, "hash": f"sha256:{sha256_of(path)}"}


def _slug(name: str) -> str:
    """A package name as the spec wants it: lower case letters, digits, '-', '_', '.'."""
    return re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-") or "dataset"
