"""The original scans (--pdfs): each document's PDF downloaded through the Fetcher, checked, and kept whole or not
at all; fetched again only when it may have changed.

    DIR/pdfs/ID.pdf                 document ID's scan, as the archive serves it (shared by the datasets of DIR, and by
                                    the documents after ID that link the same address)
    DIR/.harvester/NAME.partial/    a download being written; renamed into DIR/pdfs/ once whole and checked

A download is held in memory (up to --max-pdf-mb), written to NAME.partial/ (or beside its place, when DIR/pdfs is a
link to another disk: a file is renamed within its own file system), synced, then renamed into place: a file
in DIR/pdfs/ is always whole. A run killed mid-file leaves at most a partial file, which the next run removes before
it fetches that PDF again from its start (no HTTP Range requests). The state keeps, for each document, the file, its
checksum and size, and the validators (ETag, Last-Modified) it came with: a file still there at its size is asked for
conditionally (a 304 leaves it as it is), or, when the archive gave no validators, not asked for again at all.
PDFs never go into the WARC: they are files of their own.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harvester.errors import BlockedError, FetchError, RetriesSpentError, plural, storing
from harvester.fetch.page import Page, looks_like_html
from harvester.output.files import write_atomically
from harvester.sites import Site, as_sent
from harvester.state import State, own_folder

if TYPE_CHECKING:   # (the network is imported by harvest() only)
    from harvester.fetch.client import Fetcher

log = logging.getLogger("harvester")

PDF_FOLDER = "pdfs"
MAX_ID_IN_NAME = 180   # bytes of a document's id in its PDF's file name (file systems allow 255 for a name)
# what a server may call a PDF: its own type, and the generic ones download links use
PDF_TYPES = ("application/pdf", "application/x-pdf", "application/acrobat", "application/octet-stream", "binary/octet-stream",
             "application/download", "application/force-download", "application/x-download")
VALIDATORS = ("etag", "last-modified")


@dataclass
class Tally:
    """What the PDF step did: files downloaded, found unchanged, failed; a warning for each failure."""

    downloaded: int = 0
    unchanged: int = 0
    failed: int = 0
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"downloaded": self.downloaded, "unchanged": self.unchanged, "failed": self.failed}


def download_pdfs(fetcher: Fetcher, state: State, run_id: int, site: Site, origin: str, out_dir: Path, name: str,
                  limit: int, progress: Callable[[str, int, int, str], None], unwell: set[str]) -> Tally:
    """The PDF of each document the run lists whose page links one, in the dataset's order, into DIR/pdfs/ (`progress`
    told how many documents are done). `unwell`: the sites (origin_of) whose scans spent a run's retries, which a harvests
    file's later harvests do not ask again; one spent here is added."""
    from harvester.fetch.client import origin_of

    partial = own_folder(out_dir) / f"{name}.partial"
    with storing(partial):
        shutil.rmtree(partial, ignore_errors=True)    # what a killed run left: those files are fetched from the start
        partial.mkdir(parents=True)
        (out_dir / PDF_FOLDER).mkdir(exist_ok=True)   # (gone if another dataset's run here ended with it empty)
        renames = _renames_into(partial, out_dir / PDF_FOLDER)   # else DIR/pdfs is another disk: written beside
    tally, total = Tally(), state.count(run_id)
    had: dict[str, dict | None] = {}   # each scan asked for in this run, by its address: what is kept of it (None: failed)
    spent, skipped = None, 0   # the error that spent this run's retries on a scan; the scans not asked for since
    for number, doc_id in enumerate(state.listing(run_id)):
        progress("scans of documents", number, total, "")
        url, kept = state.pdf_source(doc_id)
        url = as_sent(url)   # (a page an earlier harvester read, and none has read since, gave it as the link wrote it)
        have = _kept_whole(doc_id, url, kept, out_dir)
        if url in had:   # a scan two documents link is asked for and counted once; both give its one file
            if had[url] is not None:
                state.keep_pdf(doc_id, had[url])
        elif have is not None and not have["validators"]:   # nothing tells a change: not asked for
            tally.unchanged, had[url] = tally.unchanged + 1, have
        elif url and origin_of(origin) in unwell:   # (by this harvest, or one before it): not checked; a file kept stays as it was
            had[url], skipped = have, skipped + 1
            tally.unchanged, tally.failed = tally.unchanged + (have is not None), tally.failed + (have is None)
        elif url:
            try:
                had[url] = _download(fetcher, state, doc_id, url, site.on_origin(url, origin), have, out_dir,
                                     partial if renames else None, limit, tally)
            except RetriesSpentError as error:   # (the pages were whole: the scans' trouble ends the scans, not the run)
                spent, had[url] = error, None
                tally.failed += 1
                unwell.add(origin_of(origin))
    if spent or skipped:
        said = f"{spent} the scans" if spent else f"{origin}: a harvest before this one spent its retries on the scans"
        tally.warnings.append(said + (f"; {plural(skipped, 'more scan' if spent else 'scan')} not asked for: their PDFs are "
                                      "as earlier runs left them" if skipped else ""))
    progress("scans of documents", total, total, "")
    shutil.rmtree(partial, ignore_errors=True)
    return tally


def _renames_into(partial: Path, folder: Path) -> bool:
    """Whether a file of `partial` can be renamed into `folder`: not when they are two file systems, or two mounts of
    one (a folder a container is given)."""
    probe = partial / ".probe"
    probe.touch()
    try:
        os.replace(probe, folder / f".{partial.name}.probe")
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        return False
    (folder / f".{partial.name}.probe").unlink()
    return True


def _download(fetcher: Fetcher, state: State, doc_id: str, url: str, asked: str, have: dict | None, out_dir: Path,
              partial: Path | None, limit: int, tally: Tally) -> dict | None:
    """One document's PDF, asked for (conditionally when `have`, what an earlier run kept of it, has validators); kept
    when it is a whole PDF (what is kept of it returned); a failure is counted and said, and never stands as a file
    (None)."""
    target = out_dir / PDF_FOLDER / pdf_name(doc_id)
    left = f"the PDF of {doc_id} is {'the one an earlier run saved' if have else 'not saved'}"
    try:
        page = fetcher.get_file(asked, limit, have["validators"] if have else None)
    except BlockedError as error:
        if error.status != 403:   # a bot check, or 429 (slow down): the run stops
            raise
        return _failed(tally, f"{asked}: refused (HTTP 403) {fetcher.settings.attempts} times: a file the archive keeps closed?; {left}")
    except FetchError as error:     # an HTTP error, a size over the cap, a redirect off the site, the network
        return _failed(tally, f"{error}; {left}")
    if page.status == 304 and have is not None:   # (a 304 to a request that was not conditional is no PDF either)
        tally.unchanged += 1
        return have
    if problem := not_a_pdf(page):
        return _failed(tally, f"{asked}: {problem}; {left}")
    with storing(target.parent):   # gone if another dataset's run that made it ended with it empty; or a link to a disk unmounted meanwhile
        target.parent.mkdir(exist_ok=True)
    write_atomically(target, page.body, partial / target.name if partial else None)
    kept = {"url": url, "file": f"{PDF_FOLDER}/{target.name}", "sha256": hashlib.sha256(page.body).hexdigest(),
            "bytes": len(page.body), "validators": {k: page.headers[k] for k in VALIDATORS if k in page.headers}}
    state.keep_pdf(doc_id, kept)
    tally.downloaded += 1
    log.info("PDF of %s: %s bytes", doc_id, f"{len(page.body):,}")
    return kept


def _kept_whole(doc_id: str, url: str, kept: dict | None, out_dir: Path) -> dict | None:
    """What an earlier run kept of the scan `url` for this document, while its file is there whole (a scan shared in
    another document's file is not this one's to keep: that document may link another scan now; an earlier harvester
    kept a link's address as written, a space unencoded)."""
    ok = kept is not None and as_sent(kept["url"]) == url and kept["file"] == f"{PDF_FOLDER}/{pdf_name(doc_id)}"
    return kept if ok and intact(out_dir, kept) else None


def pdf_name(doc_id: str) -> str:
    """The file a document's PDF is kept in: ID.pdf; for an id too long for a file's name (a slug in another script,
    percent-encoded), its start and a hash of the whole."""
    if len(doc_id.encode()) <= MAX_ID_IN_NAME:
        return f"{doc_id}.pdf"
    start = doc_id.encode()[:MAX_ID_IN_NAME - 17].decode(errors="ignore")
    return f"{start}-{hashlib.sha256(doc_id.encode()).hexdigest()[:16]}.pdf"


def not_a_pdf(page: Page) -> str | None:
    """What makes a response no PDF: an HTML page (a challenge, an error page), a type that is not a PDF's, a body
    that does not start with %PDF-, or one that stops before its %%EOF; None for a PDF."""
    kind = page.headers.get("content-type", "").split(";")[0].strip().lower()
    if looks_like_html(page):
        return f"an HTML page ({kind or 'no type given'}) where a PDF should be"
    if kind and kind not in PDF_TYPES:
        return f"sent as {kind}, not as a PDF"
    if not page.body.startswith(b"%PDF-"):
        return "not a PDF (it does not start with %PDF-)"
    if b"%%EOF" not in page.body[-1024:]:
        return "the PDF is cut short (no %%EOF at its end)"
    return None


def intact(out_dir: Path, kept: dict) -> bool:
    """Whether the file of a kept download is still there, at the size it was downloaded with."""
    path = out_dir / kept["file"]
    return path.is_file() and path.stat().st_size == kept["bytes"]


def pdf_values(kept: dict | None, url: str, out_dir: Path) -> dict[str, Any]:
    """The PDF columns of a record: the file kept for the PDF its page links now, while it is there whole; else empty."""
    # (either address may be an earlier harvester's, kept as the link wrote it: as in _download)
    if kept is None or not url or as_sent(kept["url"]) != as_sent(url) or not intact(out_dir, kept):
        return {"pdf_file": "", "pdf_sha256": "", "pdf_bytes": None}
    return {"pdf_file": kept["file"], "pdf_sha256": kept["sha256"], "pdf_bytes": kept["bytes"]}


def _failed(tally: Tally, warning: str) -> None:
    tally.failed += 1
    tally.warnings.append(warning)
