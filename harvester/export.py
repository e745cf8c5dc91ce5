"""Records -> CSV / JSON / JSONL (streamed) and Parquet / XLSX (through a DataFrame) files, each written atomically.

CSV, JSON and JSONL are written by the standard library a chunk at a time: the rows are the bytes
pandas' `to_csv` and `json.dumps(indent=2)` would write (tests hold them to it), without importing
pandas (half a second and some 60 MB) for a harvest that only writes those."""

from __future__ import annotations

import csv
import importlib
import io
import json
import operator
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from harvester.errors import UsageError
from harvester.records import Record
from harvester.schema import JSON_ONLY_COLUMNS, RECORD_COLUMNS, Column

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "json", "jsonl", "parquet", "xlsx", "csv-excel")
SUFFIXES = {"csv-excel": "excel.csv"}          # the file name ending of a format, when it is not the format's name
EXTRAS = {"parquet": "pyarrow", "xlsx": "openpyxl"}     # formats that need an optional extra: the module it brings
LIST_SEPARATOR = "; "


def to_frame(records: Iterable[Record], columns: tuple[Column, ...] = RECORD_COLUMNS) -> pd.DataFrame:
    """A DataFrame whose columns are the schema's, in order, whatever the records (none included)."""
    import pandas as pd

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


class Staging:
    """The files of one run, each written in full to a temporary file beside its target; `commit` then renames them
    all at once, so that a failure anywhere before leaves every earlier file as it was (use as a context manager,
    which removes whatever was staged but not committed)."""

    def __init__(self) -> None:
        self._staged: dict[Path, Path] = {}  # target -> temporary

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        for temporary in self._staged.values():
            temporary.unlink(missing_ok=True)
        self._staged.clear()

    def stage(self, target: Path, content: str | bytes | Iterable[str | bytes]) -> Path:
        try:
            self._staged[target] = _stage(target.parent, target, content)
        except OSError as error:
            raise UsageError(f"{target}: cannot write ({error.strerror or error}); the dataset is left as it was") from None
        return target

    def current(self, target: Path) -> Path:
        """Where the file's newest content is now: its staged copy if it has one, else the file itself."""
        return self._staged.get(target, target)

    def commit(self) -> None:
        for target, temporary in list(self._staged.items()):
            try:
                os.replace(temporary, target)
            except OSError as error:
                raise UsageError(f"{target}: cannot write ({error.strerror or error})") from None
            del self._staged[target]


def write_dataset(records: list[Record], out_dir: Path, name: str, formats: Iterable[str],
                  columns: tuple[Column, ...] = RECORD_COLUMNS, long_text_in_csv: bool = False,
                  staging: Staging | None = None) -> list[Path]:
    """Write NAME.<format> for each format into out_dir; all files appear together or none changes.

    With `staging`, the files are only staged there, to appear when the caller commits it with the run's other files.
    CSV, JSON and JSONL are written a chunk of records at a time, so a large dataset is never held a
    second time as one frame or one string; Parquet and XLSX are built whole (they are opt-in)."""
    if staging is None:
        with Staging() as own:
            written = write_dataset(records, out_dir, name, formats, columns, long_text_in_csv, own)
            own.commit()
        return written
    frame = None
    written = []
    for fmt in formats:
        target = out_dir / file_name(name, fmt)
        chosen = columns_for(fmt, columns, long_text_in_csv)
        if fmt in _STREAMED:
            pieces: Iterable[str | bytes] = _STREAMED[fmt](records, chosen)
        else:
            frame = to_frame(records, columns) if frame is None else frame
            pieces = [_whole(fmt)(frame[[c.name for c in chosen]], chosen)]
        written.append(staging.stage(target, pieces))
    return written


CHUNK = 2000  # records per piece of a streamed file: few writes, and never the whole file held as one string


def _chunks(records: list[Record]) -> Iterator[list[Record]]:
    """The records a chunk at a time; an empty dataset is one empty chunk (its file still gets its header)."""
    for start in range(0, max(len(records), 1), CHUNK):
        yield records[start:start + CHUNK]


def _csv(records: list[Record], columns: tuple[Column, ...], cell: Callable[[str], str] = str) -> Iterator[str]:
    """RFC 4180 CSV as pandas' `to_csv(index=False, lineterminator="\\n")` writes it: a header, fields quoted only
    when they must be, lists joined by "; ", booleans as true/false, nothing for null; `cell` may rewrite each text."""
    flatten = [_flattener(column, cell) for column in columns]
    names = [column.name for column in columns]
    for number, chunk in enumerate(_chunks(records)):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if number == 0:
            writer.writerow(names)
        writer.writerows([[flat(getattr(record, name)) for flat, name in zip(flatten, names)] for record in chunk])
        yield buffer.getvalue()


def _flattener(column: Column, cell: Callable[[str], str]) -> Callable[[object], str]:
    """How one column's value becomes the text of its CSV cell."""
    if column.type == "list":
        return lambda value: cell(LIST_SEPARATOR.join(value))
    if column.type == "boolean":
        return lambda value: "true" if value else "false"
    return lambda value: "" if value is None else cell(str(value))


def _excel_csv(records: list[Record], columns: tuple[Column, ...]) -> Iterator[str]:
    """The CSV profile for spreadsheets: a UTF-8 byte order mark, and a ' before any cell a spreadsheet would run."""
    from harvester.excel import defuse

    yield "\ufeff"
    yield from _csv(records, columns, cell=defuse)


def _json(records: list[Record], columns: tuple[Column, ...]) -> Iterator[str]:
    """One JSON array, laid out as `json.dumps(rows, ensure_ascii=False, indent=2)` would lay it out."""
    if not records:
        yield "[]\n"
        return
    layout = _json_layout(columns)
    yield "[\n"
    for number, chunk in enumerate(_chunks(records)):
        yield (",\n" if number else "") + ",\n".join(map(layout, chunk))
    yield "\n]\n"


def _json_layout(columns: tuple[Column, ...]) -> Callable[[Record], str]:
    """What `_json_object(row)` gives for a record's row, made straight from the record: each column's key is
    encoded once, and each value by the function its type calls for (the writing of large datasets waits on this)."""
    fields = operator.attrgetter(*(c.name for c in columns)) if columns else (lambda record: ())
    keys = [f"    {_encode(c.name)}: " for c in columns]
    values = [_JSON_VALUE.get(c.type, _json_scalar) for c in columns]
    single = len(columns) == 1

    def layout(record: Record) -> str:
        got = (fields(record),) if single else fields(record)
        return "  {\n" + ",\n".join([key + value(v) for key, value, v in zip(keys, values, got)]) + "\n  }" if keys else "  {}"

    return layout


def _json_scalar(value: object) -> str:
    if type(value) is str:
        return _encode_text(value) if value else "null"
    return "null" if value is None else _encode(value)


def _json_list(value: Iterable[str]) -> str:
    return "[\n      " + ",\n      ".join(map(_encode_text, value)) + "\n    ]" if value else "[]"


_JSON_VALUE: dict[str, Callable[..., str]] = {"list": _json_list, "boolean": lambda value: "true" if value else "false"}


def _jsonl(records: list[Record], columns: tuple[Column, ...]) -> Iterator[str]:
    for chunk in _chunks(records):
        yield "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in _rows(chunk, columns))


def _rows(records: list[Record], columns: tuple[Column, ...]) -> Iterator[dict]:
    """Each record as the JSON formats write it: lists as lists, booleans as booleans, empty text as null."""
    for record in records:
        row = {}
        for column in columns:
            value = getattr(record, column.name)
            if column.type == "list":
                value = list(value)
            elif column.type == "boolean":
                value = bool(value)
            elif value == "":
                value = None
            row[column.name] = value
        yield row


_STREAMED = {"csv": _csv, "json": _json, "jsonl": _jsonl, "csv-excel": _excel_csv}


def _whole(fmt: str) -> Callable[..., bytes]:
    """The writer of a format built from a whole DataFrame (imported only when such a format is asked for)."""
    if fmt == "parquet":
        from harvester.arrow import parquet_bytes

        return parquet_bytes
    from harvester.excel import xlsx_bytes

    return xlsx_bytes


def _file_mode() -> int:
    """The mode an ordinary new file gets under the current umask (mkstemp's own 0600 would hide the data)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(out_dir: Path, target: Path, content: str | bytes | Iterable[str | bytes]) -> Path:
    """Write the content (or its pieces, in order) to a new temporary file beside `target`, synced to disk."""
    handle, temporary = tempfile.mkstemp(dir=out_dir, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, _file_mode())
        with os.fdopen(handle, "wb") as stream:
            for piece in [content] if isinstance(content, (str, bytes)) else content:
                stream.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


_encode = json.JSONEncoder(ensure_ascii=False).encode
_encode_text = json.encoder.encode_basestring   # what _encode does with a str, without its checks (lists hold text only)


def json_array(rows: list[dict]) -> str:
    """`json.dumps(rows, ensure_ascii=False, indent=2)`, byte for byte (`_json_object` lays out each row)."""
    return "[\n" + ",\n".join(map(_json_object, rows)) + "\n]" if rows else "[]"


def _json_object(row: dict) -> str:
    """One row as an element of an indented JSON array (two spaces deep), as json.dumps(..., indent=2) writes it.

    json.dumps falls back to its pure-Python encoder whenever it indents, which made the JSON file the slowest
    part of writing a dataset; here each value goes through the C encoder and only the layout is Python."""
    fields = []
    for key, value in row.items():
        if isinstance(value, list) and not any(isinstance(item, (list, dict)) for item in value):
            text = "[\n      " + ",\n      ".join(map(_encode, value)) + "\n    ]" if value else "[]"
        elif isinstance(value, (list, dict)):  # nested containers: not in our datasets; let json lay them out
            return "  " + json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        else:
            text = _encode(value)
        fields.append(f"    {_encode(key)}: {text}")
    return "  {\n" + ",\n".join(fields) + "\n  }" if fields else "  {}"

