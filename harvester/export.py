"""Records -> DataFrame -> CSV / JSON / JSONL / Parquet / XLSX files, each written atomically (temporary file, then rename)."""

from __future__ import annotations

import importlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from harvester.arrow import parquet_bytes
from harvester.errors import UsageError
from harvester.excel import defuse, xlsx_bytes
from harvester.records import Record
from harvester.schema import JSON_ONLY_COLUMNS, RECORD_COLUMNS, Column

FORMATS = ("csv", "json", "jsonl", "parquet", "xlsx", "csv-excel")
SUFFIXES = {"csv-excel": "excel.csv"}          # the file name ending of a format, when it is not the format's name
EXTRAS = {"parquet": "pyarrow", "xlsx": "openpyxl"}     # formats that need an optional extra: the module it brings
LIST_SEPARATOR = "; "


def to_frame(records: Iterable[Record], columns: tuple[Column, ...] = RECORD_COLUMNS) -> pd.DataFrame:
    """A DataFrame whose columns are the schema's, in order, whatever the records (none included)."""
    names = [c.name for c in columns]
    frame = pd.DataFrame([[getattr(r, n) for n in names] for r in records], columns=names, dtype=object)
    for column in columns:
        if column.type == "list":
            frame[column.name] = frame[column.name].map(list).astype(object)
        elif column.type == "boolean":
            frame[column.name] = frame[column.name].astype(bool)
    return frame


def columns_for(fmt: str, columns: tuple[Column, ...], long_text_in_csv: bool = False) -> tuple[Column, ...]:
    """The columns a format carries: spreadsheets and CSV leave out the long text columns (the transcript) unless asked."""
    if fmt in ("json", "jsonl", "parquet") or (long_text_in_csv and fmt != "xlsx"):
        return columns
    return tuple(c for c in columns if c.name not in JSON_ONLY_COLUMNS)


def parse_formats(value: str) -> tuple[str, ...]:
    """'csv,json' -> ('csv', 'json'); an unknown format is a usage error."""
    wanted = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise UsageError(f"--format {value!r}: choose from {', '.join(FORMATS)}")
    for fmt in wanted:
        _require_extra(fmt)
    return wanted


def file_name(name: str, fmt: str) -> str:
    """The file a format is written to: NAME.csv, NAME.parquet, NAME.excel.csv."""
    return f"{name}.{SUFFIXES.get(fmt, fmt)}"


def write_atomically(target: Path, content: str | bytes) -> Path:
    """Write one file so that it appears whole or not at all; an unwritable folder is a usage error naming it."""
    try:
        temporary = _stage(target.parent, target, content)
        os.replace(temporary, target)
    except OSError as error:
        raise UsageError(f"{target}: cannot write ({error.strerror or error})") from None
    return target


def _require_extra(fmt: str) -> None:
    if fmt in EXTRAS:
        try:
            importlib.import_module(EXTRAS[fmt])
        except ImportError:
            raise UsageError(f"--format {fmt} needs {EXTRAS[fmt]}: pip install 'harvester[{fmt}]'") from None


def write_dataset(records: list[Record], out_dir: Path, name: str, formats: Iterable[str],
                  columns: tuple[Column, ...] = RECORD_COLUMNS, long_text_in_csv: bool = False) -> list[Path]:
    """Write NAME.<format> for each format into out_dir; all files appear together or none changes."""
    frame = to_frame(records, columns)
    renderers = {"csv": _csv, "json": _json, "jsonl": _jsonl, "parquet": parquet_bytes, "xlsx": xlsx_bytes, "csv-excel": _excel_csv}
    staged: list[tuple[Path, Path]] = []
    target = out_dir
    try:
        for fmt in formats:
            target = out_dir / file_name(name, fmt)
            chosen = columns_for(fmt, columns, long_text_in_csv)
            staged.append((_stage(out_dir, target, renderers[fmt](frame[[c.name for c in chosen]], chosen)), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as error:
        raise UsageError(f"{target}: cannot write ({error.strerror or error}); earlier files of {name} are untouched") from None
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [target for _, target in staged]


def _file_mode() -> int:
    """The mode an ordinary new file gets under the current umask (mkstemp's own 0600 would hide the data)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(out_dir: Path, target: Path, content: str | bytes) -> Path:
    handle, temporary = tempfile.mkstemp(dir=out_dir, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, _file_mode())
        binary = isinstance(content, bytes)
        with os.fdopen(handle, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def _csv(frame: pd.DataFrame, columns: tuple[Column, ...]) -> str:
    return _flat(frame, columns).to_csv(index=False, lineterminator="\n")


def _flat(frame: pd.DataFrame, columns: tuple[Column, ...]) -> pd.DataFrame:
    flat = frame.copy()
    for column in columns:
        if column.type == "list":
            flat[column.name] = flat[column.name].map(LIST_SEPARATOR.join)
        elif column.type == "boolean":
            flat[column.name] = flat[column.name].map({True: "true", False: "false"})
    return flat


def _excel_csv(frame: pd.DataFrame, columns: tuple[Column, ...]) -> str:
    """The CSV profile for spreadsheets: a UTF-8 byte order mark, and a ' before any cell a spreadsheet would run."""
    return "\ufeff" + _flat(frame, columns).map(defuse).to_csv(index=False, lineterminator="\n")


def _rows(frame: pd.DataFrame) -> list[dict]:
    rows = frame.to_dict(orient="records")
    for row in rows:
        for key, value in row.items():
            if value == "":
                row[key] = None
    return rows


def _json(frame: pd.DataFrame, columns: tuple[Column, ...]) -> str:
    return json.dumps(_rows(frame), ensure_ascii=False, indent=2) + "\n"


def _jsonl(frame: pd.DataFrame, columns: tuple[Column, ...]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in _rows(frame))
