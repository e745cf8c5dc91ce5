"""Any records file harvester writes (CSV, JSON, JSONL, Parquet, SQLite) read back as one DataFrame with the right dtypes."""

from __future__ import annotations

import ast
import codecs
import contextlib
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from harvester.errors import InputError, UsageError, first_line
from harvester import DISTRIBUTION
from harvester.fetch.saved import REPORT_PAGE_SUFFIX
from harvester.output.files import LIST_SEPARATOR, SUFFIXES, columns_for
from harvester.output.package import PACKAGE_SUFFIX, RUN_REPORT_SUFFIX
from harvester.output.sqlite import DATABASE_SUFFIX, METADATA_SUFFIX
from harvester.records import LINKS, PDF_COLUMNS, PEOPLE, RECORD_COLUMNS, TABLES, Column, records_columns

DTYPES = {"date": "datetime64[us]", "datetime": "datetime64[us, UTC]"}
DETAILED = records_columns(detailed=True)
# the column sets a records file can have: plain, with --details, with --details and --pdfs; each whole, or as a CSV
# writes it (without the long text columns, unless asked)
LAYOUTS = tuple(columns_for(fmt, records_columns(detailed, pdfs))
                for detailed, pdfs in ((False, False), (True, False), (True, True)) for fmt in ("json", "csv"))
FIELDS = [c.name for c in RECORD_COLUMNS]
KNOWN = {c.name for layout in LAYOUTS for c in layout}   # every column harvester writes in a records file
NEVER_EMPTY = ("id", "url")   # every record has them: an empty one means a damaged file
# the files the records are read from, tried in this order (the database, which other files may share, the last)
RECORDS_SUFFIXES = (".csv", ".parquet", ".json", ".jsonl", DATABASE_SUFFIX)
DESCRIBING = (PACKAGE_SUFFIX, RUN_REPORT_SUFFIX, REPORT_PAGE_SUFFIX, METADATA_SUFFIX)   # files about a dataset: load() reads its records
EXCEL_CSV = "." + SUFFIXES["csv-excel"]
COMPANION_SUFFIXES = (*DESCRIBING, EXCEL_CSV, ".xlsx", DATABASE_SUFFIX,
                      *(f"{table.suffix}{suffix}" for table in TABLES if table.suffix for suffix in RECORDS_SUFFIXES))


def load(path: str | Path) -> pd.DataFrame:
    """Read a harvester dataset file into a DataFrame whose columns are the record fields, in order, typed as
    docs/outputs.md ("Loading the data") lists them (the detail columns too for a --details dataset, the PDF columns for
    a --pdfs one), then any column of one's own the file has, as text. The file's format comes from its name: .csv,
    .json, .jsonl, .parquet or .sqlite (its documents table); a folder that holds one dataset, DIR/NAME, or the data
    package (or another file about the dataset) is read from the file `harvester report` reads (NAME.csv first).

        >>> import harvester
        >>> df = harvester.load("output/wilson-korean-workers-party.csv")
        >>> df.groupby(df.date_start.dt.year).size()

    A file that is not a harvester dataset raises harvester.errors.InputError, with a one-line message naming the
    file (UsageError for one load() does not read: another type, a spreadsheet, the people or links table beside a
    dataset's records, its run state; and for a folder of no dataset or of several).
    """
    path = Path(path).expanduser()
    readers = {".csv": _csv, ".json": _json, ".jsonl": _jsonl, ".parquet": _parquet, ".sqlite": _sqlite}
    # (not a dataset's own records, x.report.json: a JSON array, where the files about a dataset hold an object)
    describing = path.name.endswith(DESCRIBING) and (_records_file(_stem(path)) or not _json_array(path))
    if path.is_dir() or describing or (path.suffix.lower() not in readers and not path.exists() and _records_file(path)):
        path = locate(path)[0]
    if path.name.endswith(EXCEL_CSV):
        raise UsageError(f"{path}: the spreadsheet profile (cells that could run carry a leading '); load the plain .csv instead")
    if path.suffix.lower() == ".xlsx":
        raise UsageError(f"{path}: the spreadsheet for reading by eye (its dates are Excel dates); load the .csv, .json, "
                         ".jsonl, .parquet or .sqlite of the same dataset instead")
    if path.suffix == DATABASE_SUFFIX and path.with_suffix(".lock").is_file():   # DIR/.harvester/NAME.sqlite, by its lock
        raise UsageError(f"{path}: the dataset's run state, not its records; give {path.parent.parent / path.stem}")
    if path.suffix.lower() not in readers:
        raise UsageError(f"{path}: not a harvester dataset file; load() reads .csv, .json, .jsonl, .parquet and .sqlite")
    table = next((t for t in (PEOPLE, LINKS) if path.stem.endswith(t.suffix)), None)
    stem = path.stem.removesuffix(table.suffix) if table else ""
    # NAME.people.csv beside a records file of NAME (a dataset of its own may be named "x.people")
    if table and (records := next((path.with_name(stem + s) for s in readers if path.with_name(stem + s).is_file()), None)):
        raise UsageError(f"{path}: the dataset's {table.name} table, which load() does not read (pandas does, as it is); "
                         f"load() reads its records, {records.name}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        plain = readers[path.suffix.lower()](path)
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise InputError(f"{path}: cannot be read as a harvester dataset ({first_line(error)})") from None
    return _typed(plain, path)


def _typed(plain: pd.DataFrame, path: Path) -> pd.DataFrame:
    """A frame of plain values ("" when empty, lists as lists) typed column by column from the schema."""
    # in any order (a column moved in a spreadsheet); one's own columns (notes added there) come after, as text
    known, own = [name for name in plain.columns if name in KNOWN], [name for name in plain.columns if name not in KNOWN]
    columns = next((layout for layout in LAYOUTS if sorted(known) == sorted(c.name for c in layout)), None)
    if columns is None:
        missing = [f for f in FIELDS if f not in plain.columns]
        beyond = [name for name in known if name not in FIELDS]   # (a details column is a likely name for one's own)
        detail = (f"missing {', '.join(missing)}" if missing else f"{', '.join(beyond)}: of a --details or --pdfs dataset, "
                  "whose other columns it has not; give a column of your own another name")
        raise InputError(f"{path}: not a harvester records file ({detail})")
    for name in NEVER_EMPTY:
        empty = [number for number, value in enumerate(plain[name], 1) if value in ("", None)]
        if empty:
            raise InputError(f"{path}: record {empty[0]} has no {name} (a damaged or cut-short file?)")
    try:
        return pd.DataFrame({**{c.name: _column(plain[c.name], c) for c in columns},
                             **{name: plain[name].astype("string").replace("", pd.NA) for name in own}},
                            index=pd.RangeIndex(len(plain)))
    except (ValueError, TypeError) as error:
        raise InputError(f"{path}: a value does not fit its column ({first_line(error)})") from None


def _column(values: pd.Series, column: Column) -> pd.Series:
    if column.type == "list":
        return pd.Series([_list(v, column) for v in values], dtype=object)
    if column.type == "boolean":
        if not all(isinstance(v, bool) for v in values):
            raise ValueError(f"{column.name} holds a value that is not true or false")
        return values.astype("bool")
    if column.type == "integer":
        return pd.Series([None if v in ("", None) else int(v) for v in values], dtype="Int64")
    if column.type in ("date", "datetime"):
        text = values.replace("", None)
        try:
            return pd.to_datetime(text, format="ISO8601", utc=column.type == "datetime").astype(DTYPES[column.type])
        except ValueError as error:
            bad = next(((n, v) for n, v in enumerate(text, 1) if v is not None and _date_or_none(v) is None), None)
            raise ValueError(f"record {bad[0]}: {column.name} = {bad[1]!r} is not an ISO 8601 date" if bad
                             else f"{column.name}: {first_line(error)}") from None
    return values.astype("string").replace("", pd.NA)


def _csv(path: Path) -> pd.DataFrame:
    with path.open("rb") as file:
        header, size = file.readline(), file.seek(0, 2)
        file.seek(max(0, size - 1))
        end = file.read(1)
    if header.startswith(codecs.BOM_UTF8):
        raise InputError(f"{path}: begins with a byte-order mark, as the spreadsheet profile and a CSV saved again by Excel do "
                         "(their cells are changed: a guarding ', dates in Excel's form); load the CSV harvester wrote")
    if size and end != b"\n":
        raise InputError(f"{path}: cut short (its last line is not whole: a damaged or half-copied file?)")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if header.endswith(b"\r\n"):   # line ends made CRLF (git's autocrlf, unix2dos), inside cells too: harvester writes \n
        frame = frame.replace("\r\n", "\n", regex=True)
    # lists as pandas' to_csv writes them only in a file pandas wrote (its booleans True, False; harvester's true, false):
    # a name in harvester's own CSV that looks like one ("[]", a heading of brackets and quotes) is that name
    python = any(cell in ("True", "False") for cell in frame.get("date_approximate", ()))
    for column in DETAILED:
        if column.name in frame and column.type == "list":
            frame[column.name] = frame[column.name].map(lambda cell: _csv_list(cell, python))
        elif column.name in frame and column.type == "boolean":
            frame[column.name] = [_boolean(cell, column.name, number) for number, cell in enumerate(frame[column.name], 1)]
    return frame


def _csv_list(cell: str, python: bool) -> list[str]:
    """A "; "-joined cell, or a list as pandas' to_csv writes one ("['Kim Il Sung']": a frame load() gave, saved again)."""
    if python and cell.startswith("[") and cell.endswith("]"):
        with contextlib.suppress(ValueError, TypeError, SyntaxError, MemoryError, RecursionError):   # (literal_eval's, for a malformed one)
            if isinstance(items := ast.literal_eval(cell), list) and all(isinstance(item, str) for item in items):
                return items
    return cell.split(LIST_SEPARATOR) if cell else []


def _json(path: Path) -> pd.DataFrame:
    rows = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise InputError(f"{path}: not a harvester records file (not a JSON array of records)")
    return _from_rows(rows, None if rows else _package_fields(path))


def _jsonl(path: Path) -> pd.DataFrame:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            raise InputError(f"{path}: line {number} is not JSON ({first_line(error)})") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}: line {number} is not a JSON record")
        rows.append(row)
    return _from_rows(rows, None if rows else _package_fields(path))


def _parquet(path: Path) -> pd.DataFrame:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(f"{path}: reading Parquet needs pyarrow: pip install '{DISTRIBUTION}[parquet]'") from None
    try:
        table = pq.read_table(path)
    except Exception as error:          # pyarrow raises its own ArrowInvalid (a ValueError) and others for a damaged file
        raise InputError(f"{path}: cannot be read as Parquet ({first_line(error)})") from None
    return _from_rows(table.to_pylist(), table.schema.names)


def _sqlite(path: Path) -> pd.DataFrame:
    """The database's documents table, in which lists are JSON arrays, true and false 1 and 0, and empty values null."""
    try:
        with contextlib.closing(sqlite3.connect(path)) as db:
            cursor = db.execute("SELECT * FROM documents ORDER BY rowid")
            names = [described[0] for described in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor]
    except sqlite3.Error as error:
        raise InputError(f"{path}: cannot be read as a harvester database ({first_line(error)})") from None
    for column in (c for c in DETAILED + PDF_COLUMNS if c.name in names and c.type in ("list", "boolean")):
        for row in rows:
            value = row[column.name]
            row[column.name] = (json.loads(value) if value else []) if column.type == "list" else value in (1, True)
    return _from_rows(rows, names)


def _package_fields(path: Path) -> list[str] | None:
    """The columns the data package beside a records file gives it: an empty JSON array names none of its own."""
    try:
        package = json.loads(path.with_name(path.stem + PACKAGE_SUFFIX).read_text(encoding="utf-8"))
        [resource] = [r for r in package["resources"] if r.get("path") == path.name]
        return [field["name"] for field in resource["schema"]["fields"]]
    except (OSError, ValueError, KeyError, TypeError):   # no package, or not one harvester wrote: the plain record's
        return None


def _from_rows(rows: list[dict[str, Any]], columns: list[str] | None) -> pd.DataFrame:
    """Records as JSON or Arrow give them (null for empty, real lists, dates and times) -> plain values, in `columns`
    (default: the first record's, else the plain record's)."""
    columns = columns or (list(rows[0]) if rows else list(FIELDS))
    return pd.DataFrame([{k: _plain(v) for k, v in row.items()} for row in rows], columns=columns, dtype=object)


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _list(value: Any, column: Column) -> list[str]:
    if value == "":
        return []
    if not isinstance(value, list):
        raise ValueError(f"{column.name} holds {value!r}, not a list")
    return [str(item) for item in value]


def _json_array(path: Path) -> bool:
    with contextlib.suppress(OSError), path.open("rb") as file:
        return path.suffix == ".json" and file.read(64).lstrip()[:1] == b"["
    return False


def _boolean(cell: str, name: str, number: int) -> bool:
    """true or false, in any case (a spreadsheet saves them as TRUE and FALSE)."""
    if cell.lower() not in ("true", "false"):
        raise ValueError(f"record {number}: {name} = {cell!r} is not true or false")
    return cell.lower() == "true"


def _date_or_none(value: str) -> Any:
    try:
        return pd.to_datetime(value, format="ISO8601")
    except ValueError:
        return None


def locate(dataset: Path) -> tuple[Path, Path]:
    """(the records file to read, DIR/NAME) from any file of a dataset, its DIR/NAME, or a folder holding one dataset."""
    if dataset.is_dir() and (_datasets_in(dataset) or not _records_file(dataset)):
        stem = dataset / _only_dataset(dataset)   # (but DIR/archive, the WARC folder, is also dataset archive's DIR/NAME)
    elif dataset.is_file() and dataset.suffix in RECORDS_SUFFIXES and not dataset.name.endswith(COMPANION_SUFFIXES):
        return dataset, dataset.with_suffix("")
    else:
        stem = _stem(dataset)
    for suffix in RECORDS_SUFFIXES:
        if stem.with_name(stem.name + suffix).is_file():
            return stem.with_name(stem.name + suffix), stem
    if dataset.is_file() and stem == dataset:   # no dataset's file is named so: harvests.toml, a WARC file
        raise UsageError(f"{dataset}: not a file of a dataset; give a dataset's NAME.csv (or another of its files), its folder or DIR/NAME")
    looked = ", ".join(stem.name + s for s in RECORDS_SUFFIXES)
    if sheets := [stem.name + s for s in (".xlsx", EXCEL_CSV) if stem.with_name(stem.name + s).is_file()]:
        raise InputError(f"{dataset}: dataset {stem.name!r} in {stem.parent} has only spreadsheet files ({', '.join(sheets)}), "
                         "which are made for people, not read back; harvest it with --format csv (or json) too")
    raise InputError(f"{dataset}: no records file of dataset {stem.name!r} in {stem.parent} (looked for {looked})")


def _only_dataset(folder: Path) -> str:
    names = _datasets_in(folder)
    if len(names) != 1:
        found = f"datasets {', '.join(names)}" if names else "no dataset"
        raise UsageError(f"{folder} holds {found}: name one, as {folder / (names[0] if names else 'NAME')}")
    return names[0]


def _datasets_in(folder: Path) -> list[str]:
    return sorted({p.name[: -len(PACKAGE_SUFFIX)] for p in folder.glob(f"*{PACKAGE_SUFFIX}")}
                  | {p.stem for s in RECORDS_SUFFIXES for p in folder.glob(f"*{s}") if not p.name.endswith(COMPANION_SUFFIXES)})


def _records_file(stem: Path) -> bool:
    return any(stem.with_name(stem.name + suffix).is_file() for suffix in RECORDS_SUFFIXES)


def _stem(path: Path) -> Path:
    for suffix in COMPANION_SUFFIXES + RECORDS_SUFFIXES:
        if path.name.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)])
    return path
