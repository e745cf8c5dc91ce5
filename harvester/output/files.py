"""Rows -> CSV / JSON / JSONL (written as the rows stream by, by the csv and json modules) and Parquet / XLSX
(through a DataFrame), all of a run's files staged beside their targets and renamed into place together."""

from __future__ import annotations

import contextlib
import csv
import errno
import hashlib
import importlib.util
import io
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from harvester import DISTRIBUTION
from harvester.errors import StorageError, UsageError, storage_error, storing
from harvester.records import Column, Record, to_json
from harvester.state import OWN_FOLDER, files_home

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger("harvester")

FORMATS = ("csv", "json", "jsonl", "parquet", "xlsx", "csv-excel", "sqlite")
TABLE_FORMATS = FORMATS[:-1]                   # one file per table; sqlite is one database of them all (output/sqlite.py)
STREAMED = ("csv", "json", "jsonl", "csv-excel")   # written a row at a time; the others are built whole
SUFFIXES = {"csv-excel": "excel.csv"}          # the file name ending of a format, when it is not the format's name
EXTRAS = {"parquet": "pyarrow", "xlsx": "openpyxl"}     # formats that need an optional extra: the module it brings
LIST_SEPARATOR = "; "
SUMS = ".sha256.json"   # in a generation: the SHA-256 of each of its files, as written


def named_formats(value: str) -> tuple[str, ...]:
    """'csv, JSON' -> ('csv', 'json'): the formats a value names, known or not."""
    return tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))


def parse_formats(value: str) -> tuple[str, ...]:
    """'csv,json' -> ('csv', 'json'); an unknown format, or one whose extra is not installed, is a usage error."""
    wanted = named_formats(value)
    if not wanted or not set(wanted) <= set(FORMATS):
        raise UsageError(f"--format {value!r}: choose from {', '.join(FORMATS)}")
    for fmt in wanted:
        if fmt in EXTRAS and importlib.util.find_spec(EXTRAS[fmt]) is None:
            raise UsageError(f"--format {fmt} needs {EXTRAS[fmt]}: pip install '{DISTRIBUTION}[{fmt}]'")
    return wanted


def file_name(name: str, fmt: str) -> str:
    """The file a format is written to: NAME.csv, NAME.parquet, NAME.excel.csv."""
    return f"{name}.{SUFFIXES.get(fmt, fmt)}"


def columns_for(fmt: str, columns: tuple[Column, ...], long_text_in_csv: bool = False) -> tuple[Column, ...]:
    """The columns a format carries: spreadsheets and CSV leave out the long text columns (the transcript) unless asked."""
    if fmt in ("json", "jsonl", "parquet") or (long_text_in_csv and fmt != "xlsx"):
        return columns
    return tuple(c for c in columns if c.in_csv)


def write_table(rows: Callable[[], Iterable[Record]], columns: tuple[Column, ...], out_dir: Path, stem: str,
                formats: Iterable[str], staging: Staging, long_text_in_csv: bool = False) -> list[Path]:
    """Stage STEM.<format> for each format. `rows()` gives the rows afresh each time it is called: once for all the
    streamed formats together, once more for Parquet and XLSX, which are built whole (they are opt-in)."""
    formats = list(formats)
    streamed = [fmt for fmt in formats if fmt in STREAMED]
    if streamed:
        with staging.files([out_dir / file_name(stem, fmt) for fmt in streamed]) as streams:
            writers = [_WRITERS[fmt](stream, columns_for(fmt, columns, long_text_in_csv)) for fmt, stream in zip(streamed, streams)]
            for row in rows():
                for writer in writers:
                    writer.row(row)
            for writer in writers:
                writer.end()
    whole = [fmt for fmt in formats if fmt not in STREAMED]
    if whole:
        frame = to_frame(rows(), columns)
        for fmt in whole:
            chosen = columns_for(fmt, columns, long_text_in_csv)
            with staging.files([out_dir / file_name(stem, fmt)]) as (stream,):
                stream.write(_whole(fmt)(frame[[c.name for c in chosen]], chosen))
    return [out_dir / file_name(stem, fmt) for fmt in formats]


def to_frame(rows: Iterable[Record], columns: tuple[Column, ...]) -> pd.DataFrame:
    """A DataFrame whose columns are the schema's, in order, whatever the rows (none included)."""
    import pandas as pd

    names = [c.name for c in columns]
    frame = pd.DataFrame([[row[n] for n in names] for row in rows], columns=names, dtype=object)
    for column in columns:
        if column.type == "boolean":
            frame[column.name] = frame[column.name].astype(bool)
    return frame


class _Csv:
    """CSV as pandas writes it: a header, fields quoted only when they must be, lists joined by "; ", booleans as
    true/false, nothing for null; `cell` may rewrite each text (the spreadsheet profile)."""

    def __init__(self, stream: IO[bytes], columns: tuple[Column, ...], cell: Callable[[str], str] = str, start: str = "") -> None:
        self.text = io.TextIOWrapper(stream, encoding="utf-8", newline="")   # let go of at the end: the stream is the file's
        self.writer = csv.writer(self.text, lineterminator="\n")
        self.columns, self.cell = columns, cell
        self.text.write(start)
        self.writer.writerow([c.name for c in columns])

    def row(self, row: Record) -> None:
        self.writer.writerow([self._flat(row[c.name], c) for c in self.columns])

    def _flat(self, value: Any, column: Column) -> str:
        if column.type == "list":
            return self.cell(LIST_SEPARATOR.join(value))
        if column.type == "boolean":
            return "true" if value else "false"
        return "" if value is None else self.cell(str(value))

    def end(self) -> None:
        self.text.flush()
        self.text.detach()


def _excel_csv(stream: IO[bytes], columns: tuple[Column, ...]) -> _Csv:
    """The CSV profile for spreadsheets: a UTF-8 byte-order mark, and a ' before any cell a spreadsheet would run."""
    from harvester.output.xlsx import defuse

    return _Csv(stream, columns, cell=defuse, start="\ufeff")


class _Json:
    """One JSON array of objects, one object to a line (a record per line: quick to write, easy to diff and grep);
    lists are arrays, empty text null. With `lines`, JSON Lines: the same objects without the array."""

    def __init__(self, stream: IO[bytes], columns: tuple[Column, ...], lines: bool = False) -> None:
        self.stream, self.names, self.lines, self.count = stream, [c.name for c in columns], lines, 0

    def row(self, row: Record) -> None:
        values = {name: None if (value := row[name]) == "" else value for name in self.names}
        before = "" if self.lines else "[\n" if self.count == 0 else ",\n"
        after = "\n" if self.lines else ""
        self.stream.write((before + to_json(values) + after).encode("utf-8"))
        self.count += 1

    def end(self) -> None:
        if not self.lines:
            self.stream.write(b"\n]\n" if self.count else b"[]\n")


_WRITERS: dict[str, Callable[[IO[bytes], tuple[Column, ...]], Any]] = {
    "csv": _Csv, "json": _Json, "jsonl": lambda stream, columns: _Json(stream, columns, lines=True), "csv-excel": _excel_csv}


def _whole(fmt: str) -> Callable[..., bytes]:
    """The writer of a format built from a whole DataFrame (imported only when such a format is asked for)."""
    if fmt == "parquet":
        from harvester.output.parquet import parquet_bytes

        return parquet_bytes
    from harvester.output.xlsx import xlsx_bytes

    return xlsx_bytes


@contextlib.contextmanager
def writable_folder(folder: Path, kept: str) -> Iterator[None]:
    """A folder of the dataset's (`kept` says what goes there), made if need be and proved writable as a run starts: a
    file in its place, or a folder that cannot take one, stops the run before it asks the site for anything. One made
    here goes again when the run ends with nothing in it (stopped before, or with nothing to keep there)."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder, and {kept}")
    made = not folder.exists()
    with storing(folder):
        folder.mkdir(exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    try:
        yield
    finally:
        if made:
            with contextlib.suppress(OSError):   # (one that holds anything stays)
                folder.rmdir()


class Staging:
    """The files of one run, written in full into a new generation folder, DIR/.harvester/NAME.files/gen-*/, then made
    the dataset's files all at once (`commit`): DIR/NAME.csv and the others are links into .../NAME.files/current/,
    and `current` is one link, switched by one atomic rename. A run that fails, or is killed, before that rename
    leaves every earlier file as it was; files of formats this run did not write are removed after it. As a context
    manager, it removes a generation that was not committed. `warnings`: the earlier generations it could not remove."""

    def __init__(self, out_dir: Path, name: str, earlier: bool = False) -> None:
        """`earlier`: the dataset has runs before this one (its files may be plain files, from before the links)."""
        self.out_dir, self.name, self.earlier = out_dir, name, earlier
        self.home = files_home(out_dir, name)
        self.current_dir = self.home / "current"   # the link to the generation that holds the dataset's files
        self.generation: Path | None = None
        self.warnings: list[str] = []

    def __enter__(self) -> Staging:
        with storing(self.home):
            self.home.mkdir(parents=True, exist_ok=True)
            self._adopt_copied_current()
            # what a run killed while writing left behind, and the generation the last commit replaced (whose removal
            # then failed: it is said now, in this run's warnings)
            self.warnings = [f"{old}: an earlier run's files, which cannot be removed (not yours? read-only?); remove it "
                             "by hand" for old in self._clear_uncommitted()]
            self.generation = Path(tempfile.mkdtemp(prefix="gen-", dir=self.home))
            umask = os.umask(0)   # the modes new folders get (mkdtemp's own would hide the data from everyone else)
            os.umask(umask)
            self.generation.chmod(0o777 & ~umask)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.generation is not None:
            shutil.rmtree(self.generation, ignore_errors=True)

    @contextlib.contextmanager
    def files(self, targets: list[Path]) -> Iterator[list[IO[bytes]]]:
        """New files for the targets (DIR/NAME.x) in the generation, to write side by side; synced when the block ends."""
        streams: list[IO[bytes]] = []
        try:
            for target in targets:
                streams.append(self.current(target).open("wb"))
            yield streams
            for stream in streams:
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:
            said = storage_error(" / ".join(map(str, targets)), error)
            raise StorageError(f"{said}; the dataset's files are as they were") from None
        finally:
            for stream in streams:
                with contextlib.suppress(OSError):   # closing flushes what is buffered, which may fail as the write did
                    stream.close()

    def stage(self, target: Path, text: str) -> Path:
        with self.files([target]) as (stream,):
            stream.write(text.encode("utf-8"))
        return target

    def stage_json(self, target: Path, value: dict) -> Path:
        """`value` as indented JSON; a value that is an iterator is written as an array an item at a time (the run
        report's lists of documents come from the database so: a first run's lists every document)."""
        def text(item: object, indent: str) -> str:
            return json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)   # (a JSON string holds no \n)

        with self.files([target]) as (stream,):
            for number, (key, item) in enumerate(value.items()):
                stream.write(f"{',' if number else '{'}\n  {json.dumps(key, ensure_ascii=False)}: ".encode())
                if not isinstance(item, Iterator):
                    stream.write(text(item, "  ").encode())
                    continue
                opening = "["
                for one in item:
                    stream.write(f"{opening}\n    {text(one, '    ')}".encode())
                    opening = ","
                stream.write(b"[]" if opening == "[" else b"\n  ]")
            stream.write(b"\n}\n" if value else b"{}\n")
        return target

    def current(self, target: Path) -> Path:
        """Where the file is in this generation (it is there once written; the files of earlier ones do not count)."""
        assert self.generation is not None, "Staging is used inside `with`"
        return self.generation / target.name

    def commit(self) -> None:
        """Make this generation the dataset's files, in one rename; then link any file new to the dataset, and unlink
        the files of formats this generation has not."""
        assert self.generation is not None
        written = self._refuse_losses(self.generation)
        with storing(self.out_dir):
            sums = {file: sha256_of(self.generation / file) for file in sorted(written)}
            write_atomically(self.generation / SUMS, json.dumps(sums, indent=1) + "\n")
            _link(self.current_dir, self.generation.name, self.home)
            self.generation = None       # the dataset's files now: a failure below must not remove them
            for file in written:
                if not (self.out_dir / file).is_symlink():
                    _link(self.out_dir / file, self._link_text(file), self.home)
            for link in self.leaving(written):
                link.unlink()
        self._clear_uncommitted()

    def leaving(self, names: set[str]) -> list[Path]:
        """The dataset's links to files not among `names`: the files of formats a run did not write, which its commit
        removes."""
        with storing(self.out_dir):
            return sorted(link for link in self.out_dir.iterdir() if link.is_symlink() and link.name not in names
                          and os.readlink(link) == self._link_text(link.name))

    def check(self) -> None:
        """What `commit` refuses, looked for before a run fetches anything (its files taken to be the current ones): a
        run that its end would refuse is refused at its start."""
        self._refuse_losses(self.current_dir)

    def _refuse_losses(self, folder: Path) -> set[str]:
        """A file of one's own where the dataset's link to a file of `folder` goes, or one of `_check_links`'s, stops
        the run; returns the names of the folder's files."""
        with storing(self.out_dir):
            written = {path.name for path in folder.iterdir() if path.name != SUMS} if folder.is_dir() else set()
            sums = self._sums()
            if foreign := [str(self.out_dir / file) for file in sorted(written) if not self._ours(file, sums)]:
                raise StorageError(f"{', '.join(foreign)}: not the link{'s' if len(foreign) > 1 else ''} harvester made there "
                                   "(a file saved over it, or another one); nothing was written: move it away and run the "
                                   "same command again")
            self._check_links(written, sums)
        return written

    def _clear_uncommitted(self) -> list[Path]:
        """Remove every generation but the one `current` names (by its name: the link holds nothing else); returns those
        that are left."""
        current = os.readlink(self.current_dir) if os.path.lexists(self.current_dir) else None
        for old in self.home.glob("gen-*"):
            if old.name != current:
                shutil.rmtree(old, ignore_errors=True)
        return sorted(old for old in self.home.glob("gen-*") if old.name != current)

    def _check_links(self, written: set[str], sums: dict[str, str]) -> None:
        """Nothing the files this run replaces hold may be lost: a link into them that would point at nothing once they
        are replaced (made to a generation's folder, or to a file this run does not write, under a name of its own), or
        a file changed through its link since its run wrote it (pandas' to_csv, >>, most editors write through a
        link: the new files would drop the changes) stops the run. Links through `current` to a file the run writes
        (or to the folder) go on working, and so do links to the dataset's links."""
        current = self.current_dir
        # the folder of the files as the link's text may name it: by the path given, or by its real one
        homes = {Path(os.path.abspath(self.home)), Path(os.path.realpath(self.home))}
        stranded, edited = [], []
        for link in sorted(path for path in self.out_dir.iterdir() if path.is_symlink()):
            text = os.readlink(link)
            points = Path(os.path.normpath(os.path.join(os.path.abspath(self.out_dir), text)))
            home = next((home for home in homes if points.is_relative_to(home)), None)
            if home is None:
                continue   # another file, or a link to one of the dataset's links
            within = points.relative_to(home).parts   # ("current", "NAME.csv"), ("current",), ("gen-x", "NAME.csv"), ()
            file = within[1] if len(within) > 1 and within[0] == "current" else None
            ours = text == self._link_text(link.name)
            if not ours and within not in ((), ("current",)) and file not in written:
                stranded.append(str(link))
            elif file in sums and (current / file).is_file() and sha256_of(current / file) != sums[file]:
                edited.append(str(link))
        if stranded:
            raise StorageError(f"{', '.join(stranded)}: a link to this dataset's files that its next files would leave "
                               "pointing at nothing; nothing was written: delete it, or make it a copy (cp -L NAME "
                               "NAME.copy && mv NAME.copy NAME), and run the same command again")
        if edited:
            it, links = ("them", "they are links") if len(edited) > 1 else ("it", "it is a link")
            raise StorageError(f"{', '.join(edited)}: changed since harvester wrote {it} (saved through the link); nothing "
                               f"was written: copy what you want to keep to another name (cp, not mv: {links}), "
                               f"delete {it}, and run the same command again")

    def _sums(self) -> dict[str, str]:
        """What the current files held when their run wrote them: file name -> SHA-256; for a file the kept sums do not
        give (unreadable, or written before harvester kept them), the data package's hash of it."""
        try:
            kept = json.loads((self.current_dir / SUMS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            kept = {}
        recorded = {name: value.removeprefix("sha256:") for name, value in _recorded_hashes(self.current_dir).items()}
        if isinstance(kept, dict):
            recorded |= {name: value for name, value in kept.items() if isinstance(value, str)}
        return recorded

    def _adopt_copied_current(self) -> None:
        """A dataset copied following its links (cp -L, tar -h, zip) has a folder where the `current` link was: it
        becomes a generation of its own, and `current` a link to it again."""
        current = self.current_dir
        if current.is_dir() and not current.is_symlink():
            adopted = Path(tempfile.mkdtemp(prefix="gen-", dir=self.home))
            adopted.rmdir()
            current.rename(adopted)
            _link(current, adopted.name, self.home)

    def _ours(self, file: str, sums: dict[str, str]) -> bool:
        """Whether DIR/FILE may be replaced: nothing is there, or harvester's link, or a plain file harvester wrote before
        it made links (the dataset has earlier runs but no links yet), or a plain copy of what its run wrote."""
        target = self.out_dir / file
        if not os.path.lexists(target) or (target.is_symlink() and os.readlink(target) == self._link_text(file)):
            return True
        if target.is_symlink() or not target.is_file():
            return False
        if not os.path.lexists(self.current_dir):
            return self.earlier
        # (a copy made with cp -aL or tar -h shares its bytes with the kept file: compared by sum)
        return file in sums and sha256_of(target) == sums[file]

    def _link_text(self, file: str) -> str:
        """What the dataset's link DIR/FILE holds: the file through `current`, relative (the folder may be moved)."""
        return f"{OWN_FOLDER}/{self.home.name}/current/{file}"


def _recorded_hashes(folder: Path) -> dict[str, str]:
    """What the data packages in a folder say its files hold: file name -> "sha256:..." (none for a package that
    cannot be read). Files written before harvester kept their own sums are checked against these."""
    from harvester.output.package import PACKAGE_SUFFIX   # (the package is written with the files' staging)

    recorded: dict[str, str] = {}
    for package in folder.glob(f"*{PACKAGE_SUFFIX}"):
        try:
            resources = json.loads(package.read_text(encoding="utf-8")).get("resources", [])
        except (OSError, ValueError, AttributeError):
            continue
        recorded |= {r["path"]: r["hash"] for r in resources if isinstance(r, dict) and isinstance(r.get("path"), str)
                     and isinstance(r.get("hash"), str)}
    return recorded


def sha256_of(path: Path) -> str:
    """A file's SHA-256, read a block at a time (a large dataset is not read whole)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _link(path: Path, target: str, scratch: Path) -> None:
    """Make `path` a link to `target`, in place of what was there, atomically: a new link made in `scratch`, a folder of
    harvester's, and renamed over it (a run killed between the two leaves nothing beside the dataset's files); or made
    beside `path` when `scratch` is on another file system (DIR/.harvester a link to another disk)."""
    for folder in (scratch, path.parent):
        temporary = folder / f".{path.name}.{os.getpid()}.link"
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(target)
        try:
            os.replace(temporary, path)
            return
        except OSError as error:
            temporary.unlink(missing_ok=True)
            if error.errno != errno.EXDEV or folder == path.parent:
                raise


def write_atomically(target: Path, content: str | bytes, temporary: Path | None = None) -> Path:
    """Write one file so that it appears whole or not at all: written to `temporary` (default: beside it; on the same
    file system), synced, and renamed into place."""
    temporary = temporary or target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as stream:
            stream.write(content.encode("utf-8") if isinstance(content, str) else content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise storage_error(target, error) from None
    return target
