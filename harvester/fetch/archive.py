"""The raw archive: every page a run fetches (robots.txt, results and document pages, not the scans), kept as WARC records,
and read back for re-parsing."""

from __future__ import annotations

import contextlib
import glob
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from http.client import responses
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from harvester import __version__
from harvester.errors import InputError, UsageError, first_line, plural, storage_error, storing
from harvester.fetch.page import GZIP, Page, Unreadable, unpacked
from harvester.fetch.saved import RUN_FILE
from harvester.settings import DEFAULT_MAX_RESPONSE
from harvester.sites import web_address

# httpx hands us the decoded body; these headers described the encoded one, so they are not kept.
_ENCODING_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


@dataclass(frozen=True)
class Location:
    """Where a record lies: its WARC file and the offset of its first byte (of its gzip member, in a .gz file)."""

    path: Path
    offset: int


_CUT_SHORT = "is cut short (a run killed while writing it?); the rest of the file is skipped"
_CUT_AFTER = "cut short after record {} (a run killed while writing the next one?)"   # (in the next one's first bytes)


class CutShortError(ValueError):
    """A record that stops before the length its header gives (a run killed while writing it)."""


class WarcArchive:
    """Appends one WARC record per response received (each its own gzip member, as warcio writes them), flushed as
    it is written, so that a run killed at any point leaves every earlier record whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: BinaryIO | None = None
        self._writer: WARCWriter | None = None

    def _open(self) -> WARCWriter:
        """The file is created with the first response, so a run that fetches nothing leaves no empty file."""
        if self._writer is None:
            made = not self.path.parent.is_dir()
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._stream = self.path.open("ab")
            except OSError as error:
                with contextlib.suppress(OSError):   # the folder this made goes (a failed first run leaves nothing)
                    if made:
                        self.path.parent.rmdir()
                raise storage_error(self.path, error) from None
            self._writer = WARCWriter(self._stream, gzip=self.path.suffix == ".gz", warc_version="1.1")
            if self._stream.tell() == 0:
                info = {"software": f"harvester/{__version__}", "format": "WARC File Format 1.1"}
                self._write_record(self._writer.create_warcinfo_record(self.path.name, info))
        return self._writer

    def _write_record(self, record: object) -> Location:
        """One record appended and flushed; returns where it starts."""
        assert self._stream is not None and self._writer is not None
        offset = self._stream.tell()
        with storing(self.path):
            self._writer.write_record(record)
            self._stream.flush()
        return Location(self.path, offset)

    def write(self, page: Page) -> Location:
        """Keep one response: its request URL, status, headers, body and the time it was received."""
        headers = [(k, v) for k, v in page.headers.items() if k.lower() not in _ENCODING_HEADERS]
        headers.append(("Content-Length", str(len(page.body))))
        http = StatusAndHeaders(f"{page.status} {responses.get(page.status, 'Unknown')}", headers, protocol="HTTP/1.1")
        writer = self._open()
        record = writer.create_warc_record(
            page.requested or page.url, "response", payload=io.BytesIO(page.body), length=len(page.body),
            http_headers=http, warc_headers_dict={"WARC-Date": _warc_date(page.fetched_at)})
        return self._write_record(record)

    def write_not_modified(self, page: Page, original_url: str, original_date: str) -> None:
        """Keep a 304 answer as a WARC revisit record pointing at the earlier response it confirms."""
        writer = self._open()
        http = StatusAndHeaders("304 Not Modified", list(page.headers.items()), protocol="HTTP/1.1")
        record = writer.create_warc_record(page.requested or page.url, "revisit", http_headers=http,
                                           warc_headers_dict={"WARC-Date": _warc_date(page.fetched_at)})
        record.rec_headers.add_header("WARC-Profile", NOT_MODIFIED_PROFILE)
        record.rec_headers.add_header("WARC-Refers-To-Target-URI", original_url)
        record.rec_headers.add_header("WARC-Refers-To-Date", _warc_date(original_date))
        self._write_record(record)

    def close(self) -> None:
        if self._stream is not None:
            with contextlib.suppress(OSError):   # a write that failed has been said; closing only flushes it again
                self._stream.close()

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def next_part(folder: Path, name: str, run: int) -> Path:
    """The WARC file for this session of run `run`: a resumed run writes a new part, never into a torn file."""
    stem = f"{name}-run{run:04d}-part"
    numbers = (p.name[len(stem):].split(".")[0] for p in folder.glob(f"{stem}*.warc.gz"))
    return folder / f"{stem}{max((int(n) for n in numbers if n.isdigit()), default=0) + 1}.warc.gz"


def last_archived_run(folder: Path, name: str) -> int:
    """The highest run number of the dataset's WARC files in `folder` (0: none)."""
    return max(runs_archived(folder, name).values(), default=0)


def runs_archived(folder: Path, name: str) -> dict[Path, int]:
    """The dataset's WARC files in `folder`, each with the number of the run that wrote it."""
    part = re.compile(re.escape(name) + RUN_FILE)
    return {p: int(m[1]) for p in sorted(folder.glob(f"{glob.escape(name)}-run*.warc.gz")) if (m := part.fullmatch(p.name))}


def datasets_archived(files: Iterable[Path]) -> list[str]:
    """The names of the datasets whose WARC files (by their names) are among `files`."""
    return sorted({m[1] for path in files if (m := re.fullmatch("(.+)" + RUN_FILE, path.name))})


def files_to_keep(folder: Path, name: str, runs: list[int]) -> tuple[list[Path], list[Path], list[str]]:
    """(the dataset's WARC files to keep, the others, warnings): the files of `runs` and of every run after the
    first of them, and every earlier file that holds a response their 304 revisits refer to (a page unchanged since;
    and so on, for the files kept for that), so that a re-parse of the files kept reads every page of those runs.
    What a file that cannot be read whole holds, and what it refers to, are unknown: it is kept, and every file
    before it."""
    files, junk = runs_archived(folder, name), {}
    read = {path: _responses_and_revisits(path, junk) for path in files}
    damaged = [path for path, found in read.items() if found is None]
    kept = [path for path, run in files.items()
            if run >= (runs[0] if runs else 0) or run <= max((files[path] for path in damaged), default=0)]
    wanted = set().union(*(found[1] for path in kept if (found := read.pop(path))))
    while more := [path for path, (responses, _) in read.items() if responses & wanted]:
        for path in more:
            kept.append(path)
            wanted |= read.pop(path)[1]
    return sorted(kept), sorted(read), [junk[path] for path in sorted(kept) if path in junk] + [
        f"{path} cannot be read whole (damaged?): it is kept, and every file before it, as what it holds and refers to is "
        "unknown (move it away to prune them)" for path in damaged]


def _responses_and_revisits(path: Path, junk_said: dict[Path, str]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]] | None:
    """The (address, time to the second) of a WARC file's responses, and of those its revisits refer to; None for a
    file that cannot be read whole: one that stops before its last record (warcio says on stderr what it reads past,
    a record longer than its length or a broken gzip member; a broken member may also swallow those after it). A
    record torn at the end, as a run killed while writing it leaves it, is no damage; nor is an empty file; nor junk
    where a record would begin after the last (bytes appended, a disk's zero padding), said in `junk_said` (a file
    removed can mislead no one: only a kept file's is said)."""
    responses, revisits, junk = set(), set(), ""
    try:
        with path.open("rb") as stream, contextlib.redirect_stderr(io.StringIO()) as printed:
            records, last = ArchiveIterator(stream, no_record_parse=True), 0
            try:
                for record in records:
                    last, headers = records.offset, record.rec_headers   # (where this record begins)
                    if record.rec_type == "response":
                        responses.add((headers.get_header("WARC-Target-URI") or "", _second(_iso(headers.get_header("WARC-Date") or ""))))
                    elif record.rec_type == "revisit":
                        revisits.add((headers.get_header("WARC-Refers-To-Target-URI") or "",
                                      _second(_iso(headers.get_header("WARC-Refers-To-Date") or ""))))
            except ArchiveLoadFailed:   # no record where the last one ends: a re-parse too reads every record before
                if (junk := _junk_after(path, records.offset)) is None:
                    raise
            stream.seek(last + 1)   # (after the last record's first byte: a member it swallowed is damage)
            damaged = printed.getvalue() or _whole_record_in(stream.read())
    except Exception:  # warcio fails on damaged files with anything from ValueError to AttributeError
        return None
    if junk and not damaged:
        junk_said[path] = junk
    return None if damaged else (responses, revisits)


_GZIP_MEMBER = re.compile(b"\x1f\x8b\x08")   # how a gzip member begins


def _junk_after(path: Path, offset: int) -> str | None:
    """The warning for junk where the WARC reader stopped, at `offset`, after a file's last record (bytes appended, a
    disk's zero padding): zero bytes or a line of text, in a gzip member or not, hiding no record; '' for a record cut
    short in its first bytes (no junk, no damage); None for what is or may be a record, damaged, and for no record
    before it."""
    if offset <= 0:
        return None
    with path.open("rb") as stream:
        stream.seek(offset)
        data = stream.read(1 << 16)
        member = zlib.decompressobj(31)
        try:   # (a gzip member: its text, as the reader reads it; a record is told by its header, in its first bytes)
            if b"WARC-Type:" in (member.decompress(data, 1 << 16) if data.startswith(GZIP) else data):
                return None
            data, member = data + stream.read(), zlib.decompressobj(31)
            text = member.decompress(data) if data.startswith(GZIP) else data
        except zlib.error:   # a record's member broken
            return None
    # a record's member cut short, or a plain file's record in its first line ("WAR"): a run killed while writing it
    if not member.eof if data.startswith(GZIP) else b"WARC/1.".startswith(data):
        return ""
    line = text.split(b"\n", 1)[0].rstrip(b"\r")
    if not re.fullmatch(rb"\0+|[\t -~]+", line) or b"WARC-Type:" in text or _whole_record_in(data):
        return None
    return f"{path}: junk after its last record ({_short(line.decode())}); the records before it are read whole"


def _whole_record_in(data: bytes) -> bool:
    """Whether a whole gzip member holding a WARC record (its header's lines: its first may be damaged) begins in
    `data`."""
    for found in _GZIP_MEMBER.finditer(data):
        member = zlib.decompressobj(31)
        try:
            text = member.decompress(data[found.start():])
        except zlib.error:
            continue
        if member.eof and b"WARC-Type:" in text:
            return True
    return False


def read_warc(path: Path, earlier: dict[tuple[str, str], Location] | None = None, warnings: list[str] | None = None,
              unresolved: list[Revisit] | None = None) -> Iterator[tuple[int, Page]]:
    """Every response of a WARC file (plain or gzipped) as a Page, in file order, with its record's number in the file
    (from 1, every record counted: as `warcio index` lists them, and as the warnings name a record); what had to be
    skipped is appended to `warnings`. A damaged file is an InputError where the damage is.

    A revisit record (a 304, a duplicate) comes back as the response it refers to (with the revisit's time), looked up
    in `earlier`: where the responses read so far lie, by (URI, date) and record id. One whose response has not been
    read is added to `unresolved` (its response may be in a file read later: Revisit.page then), or without that list,
    said in `warnings`. A record larger than any page (a film, a scan) is passed over unread.
    """
    warnings = [] if warnings is None else warnings
    pending: list[Revisit] = [] if unresolved is None else unresolved
    pages = _read_warc(path, {} if earlier is None else earlier, warnings, pending)
    while (numbered := _quietly(lambda: next(pages, None), path, warnings)) is not None:
        yield numbered
    if unresolved is None:
        warnings.extend(revisit.unmatched() for revisit in pending)


@dataclass(frozen=True)
class Revisit:
    """A revisit record: the page it says was unchanged at its time, and the response it names, by its address and
    date or by its record's id (as wget names it)."""

    path: Path
    url: str
    fetched_at: str
    target: tuple[str, str]
    refers: str
    requested: str   # the address asked for (in harvester's own file, where a redirect to `url` came from)

    def page(self, earlier: dict[tuple[str, str], Location]) -> Page | None:
        """The response it names, seen at the revisit's time; None when that response is not among those read."""
        found = (earlier.get(self.target) or earlier.get((self.target[0], _second(self.target[1])))   # (a date may be to the second)
                 or (earlier.get((self.refers, "")) if self.refers else None))
        if found is None:
            return None
        original = read_record(found)
        return Page(self.url, original.body, 200, original.headers, self.fetched_at, requested=self.requested)

    def unmatched(self) -> str:
        return (f"{self.path}: a record saying {self.url} was unchanged refers to a response ({self.target[1] or self.refers}) "
                "that is not among the files given")


def _read_warc(path: Path, earlier: dict[tuple[str, str], Location], warnings: list[str],
               unresolved: list[Revisit]) -> Iterator[tuple[int, Page]]:
    # in harvester's own file, the page a redirect led to is the page of the address asked for (a document's, as its
    # results page links it); another tool may have come to an address by another way than the search's links
    own, moved, number, headerless = False, {}, 0, 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream, no_record_parse=True)
            for number, record in enumerate(records, 1):
                member = records.reader.decompressor   # (a .warc.gz file's: this record's gzip member)
                if record.length is None:   # a whole record's header says its length: this one was cut in its header
                    warnings.append(f"{path}: record {number} {_CUT_SHORT}" if record.rec_headers.protocol or number > 1
                                    else f"{path}: opens with blank lines, not a WARC record; skipped")   # (no WARC/1.1 line)
                    return
                if record.rec_type == "warcinfo" and record.length < 10_000:
                    own = own or b"software: harvester/" in record.raw_stream.read()
                if record.rec_type not in ("response", "revisit", "resource"):
                    continue
                headers = record.rec_headers
                target = headers.get_header("WARC-Target-URI") or ""
                if not target or not web_address(target):
                    if record.rec_type != "resource":   # (a resource may be any file, named as it was on a disk)
                        named = f"{target!r}, which is not a web address" if target else "no address (no WARC-Target-URI)"
                        warnings.append(f"{path}: record {number} (a {record.rec_type}) names {named}; that record is skipped")
                    continue
                when = _iso(headers.get_header("WARC-Date") or "")
                if record.rec_type == "resource":   # a page kept as a file, with no HTTP answer around it (as warcit keeps one)
                    if record.length <= DEFAULT_MAX_RESPONSE:   # (one cut short is found so as a page: no </html>)
                        yield number, Page(target, record.raw_stream.read(), 200,
                                           {"content-type": headers.get_header("Content-Type") or ""}, when, requested=target)
                    continue
                # parsed here, as warcio parses them: its own parsing fails on a response that names no WARC-Target-URI,
                # and its iterator stops at the first failure (the records after it would be lost)
                record.http_headers = _LOADER.load_http_headers(record.rec_type, target, record.raw_stream, record.length)
                if record.http_headers is None and record.rec_type == "response":   # a dns: response is no HTTP answer
                    if target.startswith(("http:", "https:")):
                        warnings.append(f"{path}: record {number} holds no HTTP answer (cut short in its header?); skipped")
                        headerless = number
                    continue
                if record.length > DEFAULT_MAX_RESPONSE:   # a film, a scan: passed over unread; a page so large is said
                    if "html" in (record.http_headers.get_header("Content-Type") or "").lower():
                        warnings.append(f"{path}: record {number} ({target}) holds "
                                        f"{record.length:,} bytes, more than any page ({DEFAULT_MAX_RESPONSE:,}); skipped")
                    continue
                try:   # (a revisit may carry no HTTP answer of its own: the one it refers to is its answer)
                    page = _page_of(record) if record.http_headers is not None else Page(target, b"", 304, {}, when, requested=target)
                except CutShortError:
                    warnings.append(f"{path}: record {number} {_CUT_SHORT}")
                    return
                except Unreadable as why:
                    warnings.append(f"{path}: record {number} ({target}): {why}; skipped")
                    continue
                asked = moved.pop(page.url, page.url)
                moved.clear()   # (a redirect holds for the answer that comes next only)
                if own and record.rec_type == "response" and 300 <= page.status < 400 and page.headers.get("location"):
                    moved[urljoin(page.url, page.headers["location"])] = asked
                if record.rec_type == "response":
                    here = earlier[(page.url, page.fetched_at)] = Location(path, records.get_record_offset())
                    earlier.setdefault((page.url, _second(page.fetched_at)), here)
                    if record_id := headers.get_header("WARC-Record-ID"):   # (an id is no address: keys apart)
                        earlier[(record_id, "")] = here
                    yield number, replace(page, requested=asked)
                    continue
                revisit = Revisit(path, page.url, page.fetched_at, ((headers.get_header("WARC-Refers-To-Target-URI") or "").strip("<>"),
                                  _iso(headers.get_header("WARC-Refers-To-Date") or "")), headers.get_header("WARC-Refers-To") or "", asked)
                if (confirmed := revisit.page(earlier)) is not None:
                    yield number, confirmed
                elif revisit.target[1] or revisit.refers:   # (one that names no response, as a revisit by digest may, says nothing)
                    unresolved.append(revisit)
            if records.offset < stream.seek(0, io.SEEK_END):   # a record cut in its first bytes reads as the end; so does one byte of junk
                warnings.append(_junk_after(path, records.offset) or (f"{path}: {_CUT_AFTER.format(number)}" if number
                                else f"{path}: no whole WARC record in it (cut short in its first: a run killed while writing it?); skipped"))
            elif not number:   # (a download that failed: said, as an empty saved page is)
                warnings.append(f"{path}: an empty file, no WARC record in it; skipped")
            elif member is not None and not member.eof and headerless != number:   # (read whole: its gzip trailer is missing)
                warnings.append(f"{path}: cut short in the last bytes of record {number}, the last (a run killed while writing it?)")
    except Exception as error:  # warcio fails on damaged files with anything from ValueError to AttributeError
        if "non-chunked gzip" in str(error):   # nothing is damaged: the file is whole, and one command makes it readable
            raise UsageError(f"{path}: compressed whole (as gzip FILE does), not record by record as WARC files are; "
                             f"recompress it (warcio recompress {path} NEW.warc.gz) and give the new file") from None
        if isinstance(error, ArchiveLoadFailed) and (junk := _junk_after(path, records.offset)) is not None:   # (every record read)
            warnings.append(junk or f"{path}: {_CUT_AFTER.format(number)}")
            return
        where = f"unreadable after record {number}" if number else "not a readable WARC file"   # (the records before it were read)
        raise InputError(f"{path}: {where} ({_short(error)})") from None


def _quietly(read: Callable[[], Any], path: Path, warnings: list[str]) -> Any:
    """What `read` gives. warcio prints what it finds wrong in a file on stderr, in lines of its own: it is made one
    warning line here, naming the file (a log is read by lines)."""
    try:
        with contextlib.redirect_stderr(io.StringIO()) as printed:
            return read()
    finally:
        if said := " ".join(printed.getvalue().split()):
            warnings.append(f"{path}: " + ("bytes after a record that its Content-Length leaves out (an edited file?); "
                                           "skipped" if "Content-Length is invalid" in said else f"the WARC reader says {said[:160]!r}"))


def read_record(location: Location) -> Page:
    """The response record at a location (as `WarcArchive.write` returned it)."""
    try:
        with location.path.open("rb") as stream:
            stream.seek(location.offset)
            record = next(iter(ArchiveIterator(stream)), None)
            if record is None or record.rec_type != "response" or record.http_headers is None:
                raise ValueError(f"no response record at offset {location.offset}")
            return _page_of(record)
    except Exception as error:  # a torn or damaged record: warcio raises anything from ValueError to AttributeError
        raise InputError(f"{location.path}: cannot read the record at offset {location.offset} ({_short(error)})") from None


_LOADER = ArcWarcRecordLoader(verify_http=False, arc2warc=False)   # as ArchiveIterator makes its own


def _page_of(record: ArcWarcRecord) -> Page:
    """The answer a response record holds, its body as the site meant it: unchunked, and its codings undone, the last
    applied first (harvester's own records hold it so already; other tools keep it as it was sent, compressed)."""
    http = record.http_headers
    headers = {k.lower(): v for k, v in http.headers}
    when = record.rec_headers.get_header("WARC-Date") or ""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    status = (http.get_statuscode() or "0").strip()
    if not status.isdigit():
        raise Unreadable(f"its status line {http.statusline!r} gives no status code")
    transfer = [coding.strip().lower() for coding in headers.get("transfer-encoding", "").split(",")]
    body = (ChunkedDataReader(record.raw_stream) if "chunked" in transfer else record.raw_stream).read()
    if getattr(record.raw_stream, "limit", 0):
        raise CutShortError(f"the record of {url} is cut short")
    codings = [coding.strip().lower() for coding in headers.get("content-encoding", "").split(",")] + transfer
    return Page(url, unpacked(body, codings, DEFAULT_MAX_RESPONSE), int(status), headers, _iso(when), requested=url)


def _short(error: BaseException | str) -> str:
    """An error's first line (or a file's), at most 160 characters: a run of zero bytes in it said by its length (a disk's padding),
    anything else unprintable escaped (damaged files hold binary)."""
    line = re.sub("\0+", lambda zeros: f"[{plural(len(zeros[0]), 'zero byte')}]", first_line(error))[:160]
    return line if line.isprintable() else line.encode("unicode_escape").decode("ascii")[:160]


def _warc_date(iso: str) -> str:
    """'2026-11-26T12:00:00+00:00' -> '2026-11-26T12:00:00Z' (WARC dates are UTC with a Z)."""
    return iso.replace("+00:00", "Z") if iso else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _second(iso: str) -> str:
    """A time to the second ('' stays '')."""
    return datetime.fromisoformat(iso).replace(microsecond=0).isoformat() if iso else ""


def _iso(warc_date: str) -> str:
    """A WARC-Date as harvester writes times: ISO 8601 in UTC (one with no zone is UTC, as the standard writes them),
    its fraction of a second kept (a revisit names the answer it confirms by its time: two may be a second apart);
    '' for none, or for one that is no date."""
    try:
        when = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    except (ValueError, OverflowError):   # no date, or one that in UTC falls outside the years 1 to 9999
        return ""
