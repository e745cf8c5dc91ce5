"""Records -> CSV / JSON / JSONL (streamed) and Parquet / XLSX (through a DataFrame) files, each written atomically.

CSV, JSON and JSONL are written by the standard library a chunk at a time: the rows are the bytes
pandas' `to_csv` and `json.dumps(indent=2)` would write (tests hold them to it), without importing
pandas (half a second and some 60 MB) for a harvest that only writes those."""

from __future__ import annotations

import contextlib
import csv
import importlib
import io
import itertools
import json
import operator
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

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

    def stage_together(self, targets: list[Path], pieces: Iterable[list[str | bytes]]) -> list[Path]:
        """Stage several files written side by side: each item of `pieces` holds the next piece of each target, in
        order (so that the records they are made from are read once for all of them)."""
        try:
            self._staged.update(zip(targets, _stage_many(targets, pieces)))
        except OSError as error:
            raise UsageError(f"{' / '.join(map(str, targets))}: cannot write ({error.strerror or error}); "
                             "the dataset is left as it was") from None
        return targets

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


def write_dataset(records: Sequence[Record], out_dir: Path, name: str, formats: Iterable[str],
                  columns: tuple[Column, ...] = RECORD_COLUMNS, long_text_in_csv: bool = False,
                  staging: Staging | None = None, chunk: int = 0, workers: int = 0) -> list[Path]:
    """Write NAME.<format> for each format into out_dir; all files appear together or none changes.

    With `staging`, the files are only staged there, to appear when the caller commits it with the run's other files.
    CSV, JSON and JSONL are written a chunk of records at a time, read as they are written (a harvest's come from
    disk), so a large dataset is never held whole, as records, a frame or one string; Parquet and XLSX are built
    whole (they are opt-in). `chunk`: records a piece (default CHUNK). `workers`: processes that make and encode
    the records of a store's large dataset while this one reads and writes (the same bytes as without)."""
    if staging is None:
        with Staging() as own:
            written = write_dataset(records, out_dir, name, formats, columns, long_text_in_csv, own, chunk, workers)
            own.commit()
        return written
    formats = list(formats)
    targets = {fmt: out_dir / file_name(name, fmt) for fmt in formats}
    streamed = [fmt for fmt in formats if fmt in _ENCODERS]
    if streamed:   # written side by side, as the records are read, once
        encoders = [_ENCODERS[fmt](columns_for(fmt, columns, long_text_in_csv)) for fmt in streamed]
        kept = records.kept() if workers and len(records) >= APART_FROM and hasattr(records, "kept") else None
        pieces = (_together(encoders, _chunks(records, chunk or CHUNK)) if kept is None
                  else _together_apart(encoders, kept, records.made, workers))   # type: ignore[attr-defined]
        staging.stage_together([targets[fmt] for fmt in streamed], pieces)
    frame = None
    for fmt in (fmt for fmt in formats if fmt not in _ENCODERS):
        frame = to_frame(records, columns) if frame is None else frame
        chosen = columns_for(fmt, columns, long_text_in_csv)
        staging.stage(targets[fmt], [_whole(fmt)(frame[[c.name for c in chosen]], chosen)])
    return [targets[fmt] for fmt in formats]


def _together(encoders: list[Encoder], chunks: Iterable[list[Record]]) -> Iterator[list[str]]:
    """The pieces of several streamed files, made from each chunk of records in turn."""
    yield [encoder.head() for encoder in encoders]
    written = False
    for chunk in chunks:
        yield [encoder.body(chunk, not written) for encoder in encoders]
        written = written or bool(chunk)
    yield [encoder.tail(not written) for encoder in encoders]


CHUNK = 2000  # records per piece of a streamed file: few writes, and never the whole file held as one string
APART_FROM = 5000   # records from which workers encode them: below, starting the processes costs what they save
PART = 100         # records a worker makes and encodes at a time


def _together_apart(encoders: list[Encoder], kept: Iterator[Any], made: Callable[[Any], Record],
                    workers: int) -> Iterator[list[str | bytes]]:
    """What `_together` gives, each part of the records made (`made`, from what the store keeps) and encoded on
    worker processes, which are forked now: they start with this process's store and people table, so only the
    kept bytes go to them and the encoded bytes come back, in order."""
    from harvester.workers import Workers

    yield [encoder.head() for encoder in encoders]
    empty = True
    with Workers(_encoded, workers, encoders=encoders, made=made) as pool:
        pending: deque[Callable[[], list[bytes]]] = deque()
        for number, part in enumerate(_chunks(kept, PART)):
            empty = empty and not part
            pending.append(pool.submit((number == 0, part)))
            if len(pending) > 2 * max(pool.count, 1):   # two parts a worker: one to work on, one waiting
                yield pending.popleft()()
        while pending:
            yield pending.popleft()()
    yield [encoder.tail(empty) for encoder in encoders]


def _encoded(item: tuple[bool, list[Any]], encoders: list[Encoder], made: Callable[[Any], Record]) -> list[bytes]:
    """A part of the records, made and encoded (`first`: the dataset's first part). Runs in a worker."""
    first, part = item
    chunk = [made(kept) for kept in part]
    return [encoder.body(chunk, first).encode("utf-8") for encoder in encoders]


def _chunks(records: Iterable[Record], size: int = CHUNK) -> Iterator[list[Record]]:
    """The records a chunk at a time (read as they are needed); an empty dataset is one empty chunk (its file still
    gets its header)."""
    read = iter(records)
    chunk = list(itertools.islice(read, size))
    yield chunk
    while chunk := list(itertools.islice(read, size)):
        yield chunk


class Encoder(Protocol):
    """How a streamed format writes: its start, each chunk of records (`first`: none written before), its end."""

    def head(self) -> str: ...

    def body(self, chunk: list[Record], first: bool) -> str: ...

    def tail(self, empty: bool) -> str: ...


class _Csv:
    """RFC 4180 CSV as pandas' `to_csv(index=False, lineterminator="\\n")` writes it: a header, fields quoted only
    when they must be, lists joined by "; ", booleans as true/false, nothing for null; `cell` may rewrite each text."""

    def __init__(self, columns: tuple[Column, ...], cell: Callable[[str], str] = str, start: str = "") -> None:
        self.flatten = [_flattener(column, cell) for column in columns]
        self.names = [column.name for column in columns]
        self.start = start

    def head(self) -> str:
        return self.start + self._lines([self.names])

    def body(self, chunk: list[Record], first: bool) -> str:
        names = self.names
        return self._lines([[flat(getattr(record, name)) for flat, name in zip(self.flatten, names)] for record in chunk])

    def tail(self, empty: bool) -> str:
        return ""

    @staticmethod
    def _lines(rows: list[list[str]]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        return buffer.getvalue()


def _flattener(column: Column, cell: Callable[[str], str]) -> Callable[[object], str]:
    """How one column's value becomes the text of its CSV cell."""
    if column.type == "list":
        return lambda value: cell(LIST_SEPARATOR.join(value))
    if column.type == "boolean":
        return lambda value: "true" if value else "false"
    return lambda value: "" if value is None else cell(str(value))


def _excel_csv(columns: tuple[Column, ...]) -> _Csv:
    """The CSV profile for spreadsheets: a UTF-8 byte order mark, and a ' before any cell a spreadsheet would run."""
    from harvester.excel import defuse

    return _Csv(columns, cell=defuse, start="\ufeff")


class _Json:
    """One JSON array, laid out as `json.dumps(rows, ensure_ascii=False, indent=2)` would lay it out."""

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.layout = _json_layout(columns)

    def head(self) -> str:
        return ""

    def body(self, chunk: list[Record], first: bool) -> str:
        return ("[\n" if first else ",\n") + ",\n".join(map(self.layout, chunk)) if chunk else ""

    def tail(self, empty: bool) -> str:
        return "[]\n" if empty else "\n]\n"


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


class _Jsonl:
    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.columns = columns

    def head(self) -> str:
        return ""

    def body(self, chunk: list[Record], first: bool) -> str:
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in _rows(chunk, self.columns))

    def tail(self, empty: bool) -> str:
        return ""


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


_ENCODERS: dict[str, Callable[[tuple[Column, ...]], Encoder]] = {"csv": _Csv, "json": _Json, "jsonl": _Jsonl,
                                                                  "csv-excel": _excel_csv}


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
    [staged] = _stage_many([target], ([piece] for piece in ([content] if isinstance(content, (str, bytes)) else content)))
    return staged


def _stage_many(targets: list[Path], pieces: Iterable[list[str | bytes]]) -> list[Path]:
    """Write new temporary files beside the targets, side by side (each item of `pieces`: the next piece of each),
    synced to disk; on any failure none is left."""
    temporaries: list[Path] = []
    streams = []
    try:
        for target in targets:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temporaries.append(Path(temporary))
            try:
                streams.append(os.fdopen(handle, "wb"))
            except BaseException:
                os.close(handle)
                raise
            os.fchmod(handle, _file_mode())
        for row in pieces:
            for stream, piece in zip(streams, row):
                stream.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        for stream in streams:
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
    except BaseException:
        for stream in streams:
            with contextlib.suppress(OSError):   # closing flushes what is buffered, which may fail as the write did
                stream.close()
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
        raise
    return temporaries


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

