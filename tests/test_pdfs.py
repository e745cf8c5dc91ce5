"""--pdfs: each document's original scan downloaded through the Fetcher into DIR/pdfs/ID.pdf, checked, resumable and
incremental; its checksum in the columns and the data package; the counts in the run report."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harvester.errors import BlockedError, UsageError
from harvester.fetch.page import Page
from harvester.pdfs import not_a_pdf, pdf_values
from harvester.pipeline import harvest
from harvester.records import DETAIL_COLUMNS, PDF_COLUMNS, RECORD_COLUMNS
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.conftest import FIXTURES, FakeClock, dataset
from tests.faultserver import Fault, FaultServer, folder_files, folder_pages
from tests.pdfgen import fixture_pdfs, pdf_bytes

WILSON = get_site("wilson")
SEED = FIXTURES / "wilson" / "seed"
DOCUMENTS = FIXTURES / "wilson" / "documents"
QUERY = "Korean Workers' Party"
CHALLENGE = (FIXTURES / "wilson" / "challenge" / "page-0.html").read_bytes()


SERVED = (folder_pages(SEED), folder_pages(DOCUMENTS), folder_files(DOCUMENTS))


def site(path: str) -> bytes | None:
    """The seed search, its document pages, and the PDFs they link, as the archive serves them."""
    return next((body for answer in SERVED if (body := answer(path))), None)


def expected_details() -> dict[str, dict]:
    return {p.name[:-len(".expected.json")]: json.loads(p.read_text(encoding="utf-8"))["details"]
            for p in DOCUMENTS.glob("*.expected.json") if json.loads(p.read_text(encoding="utf-8"))["kind"] == "document"}


DETAILS = expected_details()


def pdf_path(doc_id: str) -> str:
    """The path the archive serves a document's PDF at."""
    return urlsplit(DETAILS[doc_id]["pdf_url"]).path


def served(doc_id: str) -> bytes:
    return (DOCUMENTS / pdf_path(doc_id).lstrip("/")).read_bytes()


def run(out: Path, server: FaultServer, clock: FakeClock | None = None, formats: tuple[str, ...] = ("json",), **settings):
    clock = clock or FakeClock()
    return harvest(WILSON, Search(QUERY), out, "kwp", list(formats),
                   Settings(base_url=server.origin, delay=0, details=True, pdfs=True, **settings),
                   sleep=clock.sleep, now=clock.now)


def pdf_requests(server: FaultServer) -> list[str]:
    return [r for r in server.requests if r.endswith(".pdf") or r.endswith("/download")]


@pytest.fixture(scope="module")
def harvested(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("pdfs")
    with FaultServer(site) as server:
        outcome = run(out, server, formats=("csv", "json"))
    return out, outcome, server, dataset(out, "kwp")


def test_each_linked_pdf_is_downloaded_whole_with_its_checksum_in_the_columns(harvested):
    out, outcome, _, records = harvested
    with_pdf = [r for r in records if r["pdf_url"]]
    assert len(records) == 19 and len(with_pdf) == 16
    for record in with_pdf:
        content = (out / record["pdf_file"]).read_bytes()
        assert record["pdf_file"] == f"pdfs/{record['id']}.pdf" and content == served(record["id"])
        assert record["pdf_sha256"] == hashlib.sha256(content).hexdigest() and record["pdf_bytes"] == len(content)
    for record in records:
        if not record["pdf_url"]:
            assert (record["pdf_file"], record["pdf_sha256"], record["pdf_bytes"]) == (None, None, None)
    assert sorted(p.name for p in (out / "pdfs").iterdir()) == sorted(f"{r['id']}.pdf" for r in with_pdf)
    assert outcome.report["pdfs"] == {"downloaded": 16, "unchanged": 0, "failed": 0} and outcome.warnings == []


def test_the_pdfs_folder_may_be_a_link_to_another_file_system(tmp_path: Path):
    """Scans take room: DIR/pdfs linked to another disk (here /dev/shm, a file system of its own) takes them all the
    same, each renamed into place on its own file system."""
    import shutil
    import tempfile

    if not Path("/dev/shm").is_dir() or os.stat("/dev/shm").st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no file system other than the test folder's at /dev/shm")
    elsewhere = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        (tmp_path / "pdfs").symlink_to(elsewhere)
        with FaultServer(site) as server:
            outcome = run(tmp_path, server)
        assert outcome.report["pdfs"] == {"downloaded": 16, "unchanged": 0, "failed": 0} and outcome.warnings == []
        assert len(list(elsewhere.glob("*.pdf"))) == 16 and not list(elsewhere.glob(".*"))
        assert not (tmp_path / ".harvester" / "kwp.partial").exists()
    finally:
        shutil.rmtree(elsewhere)


def test_the_pdfs_folder_may_be_a_mount_of_a_folder_of_the_same_disk(tmp_path: Path):
    """A folder mounted in place of DIR/pdfs (as a container is given one) is on the same disk, yet a file cannot be
    renamed into it from DIR/.harvester: the run finds so, and writes each download beside its place."""
    import shutil

    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("mounting a folder needs root and unshare")
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "disk").mkdir()
    with FaultServer(site) as server:
        command = (f"mount --bind {tmp_path / 'disk'} {tmp_path / 'pdfs'} && exec {sys.executable} -m harvester -q harvest "
                   f"--query \"{QUERY}\" --base-url {server.origin} --out {tmp_path} --name kwp --details --pdfs --delay 0")
        done = subprocess.run(["unshare", "-m", "sh", "-c", command], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "disk").glob("*.pdf"))) == 16 and not list((tmp_path / "disk").glob(".*"))


@pytest.mark.parametrize("where", ["/proc", "gone"], ids=["a-folder-that-takes-no-file", "a-disk-not-there"])
def test_a_pdfs_folder_that_cannot_be_written_stops_the_run_before_it_asks_for_anything(tmp_path: Path, where: str):
    """DIR/pdfs linked to a folder no file can be made in (/proc: not even root's), or to a disk not mounted."""
    (tmp_path / "pdfs").symlink_to(tmp_path / where / "pdfs" if where == "gone" else Path(where))
    with FaultServer(site) as server:
        with pytest.raises(UsageError) as raised:
            run(tmp_path, server)
    assert str(raised.value).startswith(f"{tmp_path / 'pdfs'}: cannot write") if where == "/proc" else str(raised.value) == (
        f"{tmp_path / 'pdfs'}: a link to {tmp_path / 'gone' / 'pdfs'}, which leads nowhere (a disk not mounted?): make that "
        "folder, or move the link away")   # (it was "[Errno 17] File exists")
    assert server.requests == []


def test_a_pdfs_folder_whose_disk_goes_during_the_run_is_said_to_lead_nowhere(tmp_path: Path, monkeypatch):
    """DIR/pdfs a link to a disk unmounted as the scans are downloaded: "DIR/pdfs/ID.pdf: cannot write: its folder does
    not exist: create it", where the link is what leads nowhere."""
    import harvester.pdfs

    probe = harvester.pdfs._renames_into
    (tmp_path / "disk").mkdir()
    (tmp_path / "pdfs").symlink_to(tmp_path / "disk")

    def unmounted(partial: Path, folder: Path) -> bool:
        renames = probe(partial, folder)
        (tmp_path / "disk").rmdir()
        return renames

    monkeypatch.setattr(harvester.pdfs, "_renames_into", unmounted)
    with FaultServer(site) as server, pytest.raises(UsageError) as raised:
        run(tmp_path, server)
    assert str(raised.value) == (f"{tmp_path / 'pdfs'}: a link to {tmp_path / 'disk'}, which leads nowhere (a disk not "
                                 "mounted?): make that folder, or move the link away")


def test_the_pdf_columns_come_last_and_the_csv_has_them(harvested):
    out, _, _, records = harvested
    assert list(records[0]) == [c.name for c in RECORD_COLUMNS + DETAIL_COLUMNS + PDF_COLUMNS]
    header = (out / "kwp.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[-3:] == ["pdf_file", "pdf_sha256", "pdf_bytes"] and "transcript" not in header


def test_the_data_package_lists_each_pdf_with_its_hash_and_validates(harvested):
    from frictionless import validate

    out, _, _, records = harvested
    package = json.loads((out / "kwp.datapackage.json").read_text(encoding="utf-8"))
    scans = {r["path"]: r for r in package["resources"] if r.get("format") == "pdf"}
    assert sorted(scans) == sorted(r["pdf_file"] for r in records if r["pdf_file"])
    for record in (r for r in records if r["pdf_file"]):
        resource = scans[record["pdf_file"]]
        assert resource["hash"] == f"sha256:{record['pdf_sha256']}" and resource["bytes"] == record["pdf_bytes"]
        assert resource["name"] == f"pdf-{record['id']}" and resource["mediatype"] == "application/pdf"
    report = validate(str(out / "kwp.datapackage.json"))        # frictionless checks each file's size and hash
    assert report.valid, report.flatten(["type", "message"])[:5]


def test_pdfs_are_not_kept_in_the_warc_but_every_page_is(harvested):
    from harvester.fetch.archive import read_warc

    out, *_ = harvested
    urls = [page.url for warc in sorted((out / "archive").iterdir()) for _, page in read_warc(warc, {}, [])]
    assert not [u for u in urls if u.endswith(".pdf") or u.endswith("/download")]
    assert len([u for u in urls if "/document/" in u]) == 19


def test_the_run_report_counts_the_pdfs(harvested):
    from harvester.output.runreport import summary_line

    out, outcome, *_ = harvested
    assert json.loads((out / "kwp.report.json").read_text(encoding="utf-8"))["pdfs"] == outcome.report["pdfs"]
    assert summary_line(outcome.report).endswith("; PDFs: 16 downloaded, 0 unchanged, 0 failed")


def test_a_document_id_too_long_for_a_file_name_keeps_its_pdf_under_a_shorter_one(tmp_path: Path):
    """A slug in another script, percent-encoded, can be longer than a file's name may be: its PDF is kept under the
    slug's start and a hash of it, which its pdf_file says."""
    short = "record-conversation-between-soviet-embassy-counsellor-s-filatov-and-dprk-vice-premier-pak"
    long_id = "%D0%B7%D0%B0%D0%BF%D0%B8%D1%81%D1%8C" * 8      # 288 characters

    def renamed(path: str) -> bytes | None:
        body = site(path.replace(long_id, short))
        return body.replace(f"/document/{short}".encode(), f"/document/{long_id}".encode()) if body else body

    with FaultServer(renamed) as server:
        outcome = run(tmp_path, server)
    [record] = [r for r in dataset(tmp_path, "kwp") if r["id"] == long_id]
    assert outcome.report["pdfs"] == {"downloaded": 16, "unchanged": 0, "failed": 0} and outcome.warnings == []
    assert record["pdf_file"].startswith(f"pdfs/{long_id[:60]}") and len(Path(record["pdf_file"]).name) <= 200
    assert (tmp_path / record["pdf_file"]).read_bytes() == served(short)


def test_a_file_already_downloaded_and_unchanged_is_not_fetched_again(tmp_path: Path):
    """With validators, the next run asks conditionally (304: the file stays); with none, it does not ask at all."""
    with FaultServer(site, etags=True) as server:
        run(tmp_path, server)
        times = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "pdfs").iterdir()}
        server.requests.clear()
        again = run(tmp_path, server)
    assert again.report["pdfs"] == {"downloaded": 0, "unchanged": 16, "failed": 0}
    assert len(pdf_requests(server)) == 16 and server.not_modified >= 16
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "pdfs").iterdir()} == times
    assert all(r["pdf_sha256"] for r in dataset(tmp_path, "kwp") if r["pdf_url"])     # the columns stay filled
    with FaultServer(site) as plain:           # no ETag, no Last-Modified: nothing tells a change, nothing is asked
        run(tmp_path / "plain", plain)
        plain.requests.clear()
        third = run(tmp_path / "plain", plain)
    assert third.report["pdfs"]["unchanged"] == 16 and pdf_requests(plain) == []


def test_a_deleted_or_altered_file_is_fetched_again(tmp_path: Path):
    with FaultServer(site) as server:
        run(tmp_path, server)
        (tmp_path / "pdfs" / "letter-ri-sang-jo-ns-khrushchev.pdf").unlink()
        with (tmp_path / "pdfs" / "telegram-mikoyan-cpsu-central-committee.pdf").open("ab") as stream:
            stream.write(b"junk")
        server.requests.clear()
        again = run(tmp_path, server)
    assert again.report["pdfs"] == {"downloaded": 2, "unchanged": 14, "failed": 0}
    assert sorted(pdf_requests(server)) == sorted(pdf_path(d) for d in ("letter-ri-sang-jo-ns-khrushchev",
                                                                        "telegram-mikoyan-cpsu-central-committee"))
    assert (tmp_path / "pdfs" / "telegram-mikoyan-cpsu-central-committee.pdf").read_bytes() == served(
        "telegram-mikoyan-cpsu-central-committee")


MIKOYAN = "telegram-mikoyan-cpsu-central-committee"


@pytest.mark.parametrize(("fault", "words"), [
    (Fault(200, {"Content-Type": "text/html; charset=utf-8"}, b"<!DOCTYPE html><html><title>Error</title><p>Sorry</p></html>"),
     "an HTML page (text/html) where a PDF should be"),
    (Fault(200, {"Content-Type": "application/pdf"}, CHALLENGE), "an HTML page (application/pdf) where a PDF should be"),
    (Fault(200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"), "sent as image/png, not as a PDF"),
    (Fault(200, {"Content-Type": "application/pdf"}, pdf_bytes(["cut"])[:-300]), "the PDF is cut short (no %%EOF at its end)"),
    (Fault(404, {}, b"not found"), "HTTP 404"),
    (Fault(403, {"Content-Type": "text/html"}, b"<html><body>Access denied</body></html>"),   # no bot check: a closed file
     "refused (HTTP 403) 5 times"),
], ids=["html-error-page", "challenge-sent-as-pdf", "an-image", "pdf-without-its-end", "404", "403"])
def test_a_response_that_is_no_whole_pdf_is_a_failed_download_never_a_file(tmp_path: Path, fault: Fault, words: str):
    with FaultServer(site, lambda n, path: fault if path == pdf_path(MIKOYAN) else None) as server:
        outcome = run(tmp_path, server)
    [warning] = outcome.warnings
    assert words in warning and pdf_path(MIKOYAN) in warning and f"the PDF of {MIKOYAN} is not saved" in warning
    assert not (tmp_path / "pdfs" / f"{MIKOYAN}.pdf").exists() and len(list((tmp_path / "pdfs").iterdir())) == 15
    assert not (tmp_path / ".harvester" / "kwp.partial").exists()
    assert outcome.report["pdfs"] == {"downloaded": 15, "unchanged": 0, "failed": 1}
    [record] = [r for r in dataset(tmp_path, "kwp") if r["id"] == MIKOYAN]
    assert record["pdf_file"] is None and record["pdf_url"].endswith("120194.pdf")


def test_a_pdf_cut_mid_body_is_fetched_again_and_kept_whole(tmp_path: Path):
    cuts = []

    def script(n: int, path: str) -> Fault | None:
        if path == pdf_path(MIKOYAN) and not cuts:
            cuts.append(n)
            return Fault(truncate=True)     # half the body, then the connection closes
        return None

    with FaultServer(site, script) as server:
        outcome = run(tmp_path, server)
    assert cuts and pdf_requests(server).count(pdf_path(MIKOYAN)) == 2
    assert (tmp_path / "pdfs" / f"{MIKOYAN}.pdf").read_bytes() == served(MIKOYAN)
    assert outcome.report["pdfs"]["downloaded"] == 16 and outcome.report["retries"] == 1


def test_a_pdf_always_cut_mid_body_fails_and_leaves_no_file(tmp_path: Path):
    with FaultServer(site, lambda n, path: Fault(truncate=True) if path == pdf_path(MIKOYAN) else None) as server:
        outcome = run(tmp_path, server)
    assert outcome.report["pdfs"]["failed"] == 1 and "closed the connection before the whole answer" in outcome.warnings[0]
    assert not (tmp_path / "pdfs" / f"{MIKOYAN}.pdf").exists()


def test_a_pdf_larger_than_the_cap_is_refused(tmp_path: Path):
    sizes = {doc_id: len(served(doc_id)) for doc_id, d in DETAILS.items() if d["pdf_url"] and doc_id in
             {r["id"] for r in dataset_ids()}}
    cap = sorted(sizes.values())[8]
    with FaultServer(site) as server:
        outcome = run(tmp_path, server, max_pdf_mb=cap / 1_000_000)
    too_large = {doc_id for doc_id, size in sizes.items() if size > cap}
    assert outcome.report["pdfs"] == {"downloaded": 16 - len(too_large), "unchanged": 0, "failed": len(too_large)}
    assert too_large and all(f"larger than {cap:,} bytes; refused" in w for w in outcome.warnings)
    assert {p.stem for p in (tmp_path / "pdfs").iterdir()} == set(sizes) - too_large


def dataset_ids() -> list[dict]:
    return [{"id": card["href"].rsplit("/", 1)[-1]} for name in ("page-0", "page-1")
            for card in json.loads((SEED / f"{name}.expected.json").read_text(encoding="utf-8"))["cards"]]


def test_a_redirect_to_a_file_path_of_the_site_is_followed(tmp_path: Path):
    plenum = "resolution-plenum-korean-workers-party"
    assert pdf_path(plenum) == "/document/120163/download"
    moved = "/sites/default/files/documents/120163.pdf"

    def pages(path: str) -> bytes | None:
        return served(plenum) if path == moved else site(path)

    with FaultServer(pages, lambda n, path: Fault(302, {"Location": moved}) if path == pdf_path(plenum) else None) as server:
        outcome = run(tmp_path, server)
    assert server.requests.index(moved) == server.requests.index(pdf_path(plenum)) + 1
    assert (tmp_path / "pdfs" / f"{plenum}.pdf").read_bytes() == served(plenum) and outcome.warnings == []


def test_a_redirect_off_the_site_is_not_followed(tmp_path: Path):
    away = Fault(302, {"Location": "https://files.example.org/120194.pdf"})
    with FaultServer(site, lambda n, path: away if path == pdf_path(MIKOYAN) else None) as server:
        outcome = run(tmp_path, server)
    assert "redirects off the site to https://files.example.org/120194.pdf; not followed" in outcome.warnings[0]
    assert outcome.report["pdfs"]["failed"] == 1


def test_a_challenge_in_place_of_a_pdf_stops_the_run_as_for_pages(tmp_path: Path):
    with FaultServer(site, lambda n, path: Fault(403, {}, CHALLENGE) if path == pdf_path(MIKOYAN) else None) as server:
        with pytest.raises(BlockedError, match="bot-protection challenge"):
            run(tmp_path, server)


def test_a_pdf_refused_with_429_stops_the_run_as_for_pages(tmp_path: Path):
    """The site asks harvester to slow down, and it keeps asking: the run stops, where a lasting 403 is one closed file."""
    with FaultServer(site, lambda n, path: Fault(429) if path == pdf_path(MIKOYAN) else None) as server:
        with pytest.raises(BlockedError, match=r"still refused \(HTTP 429\) after 5 tries; stopping"):
            run(tmp_path, server)


def test_retries_spent_on_scans_end_the_scans_not_the_run(tmp_path: Path):
    """The scans unwell (503 after 503), the results and document pages whole: the run's retries spent on the scans
    failed the run, writing nothing of the pages it had, and a harvests file then ran no later harvest of the site
    ("the site is unwell"). The scans end there, said and counted as failed; the dataset is written."""
    with FaultServer(site, lambda n, path: Fault(503) if path.endswith((".pdf", "/download")) else None) as server:
        outcome = run(tmp_path, server, max_retries=6)
    assert len(pdf_requests(server)) == 5 + 3   # (the first scan's five tries; the second's three, the budget's last two)
    assert outcome.report["pdfs"] == {"downloaded": 0, "unchanged": 0, "failed": 16} and len(dataset(tmp_path, "kwp")) == 19
    assert outcome.warnings[-1].endswith("HTTP 503; this run has retried 6 times, its limit: stopping the scans; 14 more "
                                         "scans not asked for: their PDFs are as earlier runs left them")


def test_scans_that_spent_the_retries_are_not_asked_for_by_a_later_harvest_of_the_site_spelled_otherwise(tmp_path: Path):
    """localhost and LOCALHOST are one site: a later harvest sharing the set of unwell origins asks for none of its scans."""
    unwell: set[str] = set()
    with FaultServer(site, lambda n, path: Fault(503) if path.endswith((".pdf", "/download")) else None) as server:
        for number, host in enumerate(("localhost", "LOCALHOST")):
            harvest(WILSON, Search(QUERY), tmp_path / str(number), "kwp", ["json"], Settings(
                    base_url=server.origin.replace("127.0.0.1", host), delay=0, details=True, pdfs=True, max_retries=6),
                    sleep=FakeClock().sleep, now=FakeClock().now, unwell=unwell)
    assert len(pdf_requests(server)) == 5 + 3   # the first harvest's alone


def test_scans_kept_whole_are_unchanged_after_the_retries_were_spent(tmp_path: Path):
    """Two scans failed last time, the others were kept with no validators (nothing to ask: unchanged). This run's
    retries spent on those two, the others counted as failed (16), and the dataset gave their earlier files all the
    same. They are unchanged, with no request; a later harvest of the site (retries spent before it) says nothing."""
    with FaultServer(site) as server:
        run(tmp_path / "first", server)
    two = set(pdf_requests(server)[:2])
    with FaultServer(site, lambda n, path: Fault(404, {}, b"gone") if path in two else None) as server:
        run(tmp_path, server)
    with FaultServer(site, lambda n, path: Fault(503) if path.endswith((".pdf", "/download")) else None) as server:
        outcome = run(tmp_path, server, max_retries=6)
        again, whole = (harvest(WILSON, Search(QUERY), out, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True,
                        pdfs=True), sleep=FakeClock().sleep, now=FakeClock().now, unwell={server.origin})
                        for out in (tmp_path, tmp_path / "first"))
    assert outcome.report["pdfs"] == {"downloaded": 0, "unchanged": 14, "failed": 2}
    assert outcome.warnings[-1].endswith("this run has retried 6 times, its limit: stopping the scans")
    assert len(pdf_requests(server)) == 5 + 3 and sum(bool(r["pdf_file"]) for r in dataset(tmp_path, "kwp")) == 14
    assert again.report["pdfs"] == {"downloaded": 0, "unchanged": 14, "failed": 2}
    assert again.warnings == [f"{server.origin}: a harvest before this one spent its retries on the scans; 2 scans not "
                              "asked for: their PDFs are as earlier runs left them"]
    assert (whole.report["pdfs"], whole.warnings) == ({"downloaded": 0, "unchanged": 16, "failed": 0}, [])


def test_scans_kept_with_validators_and_not_asked_for_after_the_retries_were_spent_are_unchanged(tmp_path: Path):
    """Kept with an ETag, each scan is asked whether it changed; once the retries are spent on two, the other 14 are not
    asked: they were not checked, not failed (their files stay, and the dataset gives them), yet were counted as failed;
    so were all 16 in a later harvest of the site, which asked for none."""
    with FaultServer(site, etags=True) as server:
        run(tmp_path, server)
    with FaultServer(site, lambda n, path: Fault(503) if path.endswith((".pdf", "/download")) else None, etags=True) as server:
        outcome = run(tmp_path, server, max_retries=6)
        again = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True,
                        pdfs=True), sleep=FakeClock().sleep, now=FakeClock().now, unwell={server.origin})
    assert outcome.report["pdfs"] == {"downloaded": 0, "unchanged": 14, "failed": 2} and len(pdf_requests(server)) == 5 + 3
    assert again.report["pdfs"] == {"downloaded": 0, "unchanged": 16, "failed": 0}
    assert outcome.warnings[-1].endswith("stopping the scans; 14 more scans not asked for: their PDFs are as earlier runs left them")
    assert sum(bool(r["pdf_file"]) for r in dataset(tmp_path, "kwp")) == 16


def test_a_failed_download_of_a_kept_pdf_leaves_the_earlier_runs_file_and_says_so(tmp_path: Path):
    """The file came with an ETag, so the next run asks whether it changed; the answer is an error."""
    with FaultServer(site, etags=True) as server:
        run(tmp_path, server)
    earlier = (tmp_path / "pdfs" / f"{MIKOYAN}.pdf").read_bytes()
    with FaultServer(site, lambda n, path: Fault(404, {}, b"gone") if path == pdf_path(MIKOYAN) else None, etags=True) as server:
        outcome = run(tmp_path, server)
    [warning] = outcome.warnings
    assert warning.endswith(f"HTTP 404; the PDF of {MIKOYAN} is the one an earlier run saved")
    [record] = [r for r in dataset(tmp_path, "kwp") if r["id"] == MIKOYAN]
    assert (tmp_path / "pdfs" / f"{MIKOYAN}.pdf").read_bytes() == earlier and record["pdf_bytes"] == len(earlier)


def test_pdfs_need_details(tmp_path: Path):
    with pytest.raises(UsageError, match="--pdfs needs --details"):
        harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url="http://127.0.0.1:9", pdfs=True))


def test_a_file_where_the_pdfs_folder_goes_stops_the_run_before_any_request(tmp_path: Path):
    (tmp_path / "pdfs").write_text("not a folder")
    with FaultServer(site) as server:
        with pytest.raises(UsageError) as raised:
            run(tmp_path, server)
    assert str(raised.value) == f"{tmp_path / 'pdfs'}: not a folder, and --pdfs keeps the PDFs there: move it away, or use " \
                                "another --out"
    assert server.requests == []


@pytest.mark.parametrize("stage", ["document pages", "scans of documents"])
def test_a_run_stopped_before_any_scan_came_leaves_no_empty_pdfs_folder(tmp_path: Path, stage: str):
    """Ctrl-C before any scan is whole: an empty DIR/pdfs, made as the run began, looked like scans that went missing."""
    def progress(at: str, done: int, total: int, note: str) -> None:
        if at == stage:
            raise KeyboardInterrupt

    with FaultServer(site) as server, pytest.raises(KeyboardInterrupt):
        harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True,
                                                                           pdfs=True), progress=progress)
    assert sorted(path.name for path in tmp_path.iterdir()) == [".harvester", "archive"]   # what was fetched: kept


def test_a_run_whose_every_scan_failed_leaves_no_empty_pdfs_folder_and_says_why(tmp_path: Path):
    with FaultServer(site, lambda n, path: Fault(404, {}, b"not found") if path.endswith((".pdf", "/download")) else None) as server:
        outcome = run(tmp_path, server)
    assert outcome.report["pdfs"] == {"downloaded": 0, "unchanged": 0, "failed": 16} and len(outcome.warnings) == 16
    assert not (tmp_path / "pdfs").exists()


def test_a_run_of_another_dataset_that_leaves_the_shared_pdfs_folder_empty_does_not_take_it_from_this_one(tmp_path: Path):
    """The datasets of DIR share DIR/pdfs: another's run that made it, and ends with no scan in it, removes it while this
    run downloads into it; this run's scans still come."""
    import threading

    other_began, scans_began = threading.Event(), threading.Event()

    def other_waits(stage: str, done: int, total: int, note: str) -> None:
        other_began.set()
        scans_began.wait()

    def other() -> None:
        with FaultServer(site, lambda n, path: Fault(404, {}, b"") if path.endswith((".pdf", "/download")) else None) as server:
            harvest(WILSON, Search(QUERY), tmp_path, "other", ["json"], Settings(base_url=server.origin, delay=0, details=True,
                                                                                 pdfs=True), progress=other_waits)

    def scans_begin(stage: str, done: int, total: int, note: str) -> None:
        if stage == "scans of documents" and not scans_began.is_set():
            scans_began.set()
            other_run.join()   # (it ends with DIR/pdfs empty, which it made: it removes it)

    other_run = threading.Thread(target=other)
    other_run.start()
    other_began.wait()
    with FaultServer(site) as server:
        outcome = harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0,
                                                                                      details=True, pdfs=True), progress=scans_begin)
    assert outcome.report["pdfs"] == {"downloaded": 16, "unchanged": 0, "failed": 0} and len(list((tmp_path / "pdfs").iterdir())) == 16


@pytest.mark.slow
def test_a_run_killed_mid_file_resumes_that_file(tmp_path: Path):
    """SIGKILL while a PDF is arriving: no file stands for it; the next run fetches it again from its start and
    does not ask again for the PDFs already whole."""
    slow = pdf_path("letter-ri-sang-jo-ns-khrushchev")
    command = [sys.executable, "-m", "harvester", "-q", "harvest", "--query", QUERY, "--out", str(tmp_path), "--name",
               "kwp", "--delay", "0", "--details", "--pdfs", "--format", "json"]
    trickled = []

    def script(n: int, path: str) -> Fault | None:
        if path == slow and not trickled:
            trickled.append(n)
            return Fault(trickle=0.01)          # the answer a byte at a time: several seconds for the whole PDF
        return None

    with FaultServer(site, script) as server:
        process = subprocess.Popen([*command, "--base-url", server.origin], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(Path.cwd())})
        deadline = time.monotonic() + 60
        while server.trickled < 8 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)                    # until the headers and the first bytes of the body are on their way
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
        whole = {p.stem for p in (tmp_path / "pdfs").iterdir()}
        assert "letter-ri-sang-jo-ns-khrushchev" not in whole and not list((tmp_path / "pdfs").glob(".*"))
        assert all((tmp_path / "pdfs" / f"{d}.pdf").read_bytes() == served(d) for d in whole)
        server.requests.clear()
        now = FakeClock()   # on the killed run's clock (the real one): a run begun "later than now" is not resumed
        now.elapsed = (datetime.now(UTC) - now.now()).total_seconds()
        outcome = run(tmp_path, server, now)
    assert outcome.report["resumed"] is True
    assert (tmp_path / "pdfs" / "letter-ri-sang-jo-ns-khrushchev.pdf").read_bytes() == served("letter-ri-sang-jo-ns-khrushchev")
    assert slow in pdf_requests(server) and not {pdf_path(d) for d in whole} & set(pdf_requests(server))
    assert outcome.report["pdfs"] == {"downloaded": 16 - len(whole), "unchanged": len(whole), "failed": 0}


@pytest.mark.parametrize(("content_type", "body", "problem"), [
    ("application/pdf", pdf_bytes(["a"]), None),
    ("application/octet-stream", pdf_bytes(["a"]), None),
    ("", pdf_bytes(["a"]), None),
    ("application/pdf; qs=0.001", pdf_bytes(["a"]), None),
    ("text/plain", pdf_bytes(["a"]), "sent as text/plain, not as a PDF"),
    ("application/pdf", b"%PDF-1.4\n" + b"x" * 2000, "the PDF is cut short (no %%EOF at its end)"),
    ("application/pdf", b"PK\x03\x04zip", "not a PDF (it does not start with %PDF-)"),
    ("", b"<!DOCTYPE html><html></html>", "an HTML page (no type given) where a PDF should be"),
])
def test_what_counts_as_a_pdf(content_type: str, body: bytes, problem: str | None):
    headers = {"content-type": content_type} if content_type else {}
    assert not_a_pdf(Page("https://x/y.pdf", body, 200, headers)) == problem


def test_the_fixture_pdfs_are_what_pdfgen_makes_and_hold_together():
    made = fixture_pdfs()
    assert len(made) >= 16 and all(path.read_bytes() == content for path, content in made.items())
    for content in made.values():      # every cross-reference offset points at its object, startxref at the table
        xref = int(content.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
        assert content[xref:].startswith(b"xref\n") and content.endswith(b"%%EOF\n")
        offsets = [int(line[:10]) for line in content[xref:].split(b"\n")[3:] if line.endswith(b" n ")]
        assert [content[o:].split(b"\n")[0] for o in offsets] == [f"{n} 0 obj".encode() for n in range(1, len(offsets) + 1)]


# the command line, the harvests file, the local server


def test_the_demo_leaves_the_records_their_pdfs_the_links_and_a_searchable_database(monkeypatch, capsys, tmp_path: Path):
    """The issue's Done-when: `harvester demo --details --pdfs --format csv,json,sqlite`."""
    import sqlite3

    from harvester.cli import DEMO_NAME as KWP
    from tests.test_cli import run_cli

    code, out, err = run_cli(monkeypatch, capsys, "demo", "--out", str(tmp_path), "--delay", "0", "--port", "0", "--details",
                             "--pdfs", "--format", "csv,json,sqlite")
    assert code == 0, err
    records = dataset(tmp_path, KWP)
    assert len(records) == 19 and "PDFs: 16 downloaded, 0 unchanged, 0 failed" in out
    for record in (r for r in records if r["pdf_url"]):
        content = (tmp_path / record["pdf_file"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == record["pdf_sha256"] and content == served(record["id"])
    assert "record-meeting-between-soviet-and-chinese-delegations,related" in (tmp_path / f"{KWP}.links.csv").read_text()
    db = sqlite3.connect(tmp_path / f"{KWP}.sqlite")
    found = db.execute("SELECT documents.id FROM documents_fts JOIN documents ON documents.rowid = documents_fts.rowid "
                       "WHERE documents_fts MATCH 'transcript:Pyongyang'").fetchall()
    assert ("telegram-mikoyan-cpsu-central-committee",) in found
    assert db.execute("SELECT count(*) FROM documents WHERE pdf_sha256 IS NOT NULL").fetchone()[0] == 16


def test_pdfs_without_details_is_a_one_line_usage_error(monkeypatch, capsys, tmp_path: Path):
    from tests.test_cli import assert_one_line_error, run_cli

    for command in (["harvest", "--query", QUERY], ["demo"]):
        code, _, err = run_cli(monkeypatch, capsys, *command, "--out", str(tmp_path), "--pdfs")
        assert code == 2
        assert_one_line_error(err, "--pdfs needs --details")
    assert not (tmp_path / "pdfs").exists()


def test_max_pdf_mb_caps_the_size_on_the_command_line(monkeypatch, capsys, tmp_path: Path):
    from harvester.serve import Serving
    from tests.test_cli import run_cli

    with Serving([SEED, DOCUMENTS]) as serving:
        code, out, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", serving.origin, "--out",
                                 str(tmp_path), "--delay", "0", "--details", "--pdfs", "--max-pdf-mb", "0.0005")
    assert code == 1 and "PDFs: 0 downloaded, 0 unchanged, 16 failed" in out
    assert err.count("larger than 500 bytes; refused") == 16 and "Traceback" not in err
    assert not (tmp_path / "pdfs").exists()   # (no scan came: no folder of scans)
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--out", str(tmp_path), "--details", "--pdfs",
                           "--max-pdf-mb", "0")
    assert code == 2 and "--max-pdf-mb" in err


@pytest.mark.parametrize(("text", "message"), [
    ("details = true\npdfs = true\nmax_pdf_mb = 2.5\n", None),
    ("pdfs = true\n", "harvest 1: pdfs = true needs details = true"),
    ("details = true\npdfs = true\nmax_pdf_mb = 0\n", "harvest 1: max_pdf_mb = 0: give megabytes, more than 0"),
    ('details = true\npdfs = "yes"\n', 'harvest 1: pdfs = "yes" is not true or false: give pdfs = true'),
])
def test_the_harvests_file_takes_pdfs_and_max_pdf_mb(tmp_path: Path, text: str, message: str | None):
    from harvester.config import load_jobs

    path = tmp_path / "harvests.toml"
    path.write_text(f'[[harvest]]\nquery = "Korean War"\n{text}', encoding="utf-8")
    if message is None:
        [job] = load_jobs(path)
        assert (job.settings.pdfs, job.settings.max_pdf_bytes) == (True, 2_500_000)
        return
    with pytest.raises(UsageError) as raised:
        load_jobs(path)
    assert str(raised.value).startswith(f"{path}: {message}")


def test_the_local_server_serves_pdfs_at_their_paths_with_last_modified():
    import httpx

    from harvester.serve import Serving

    with Serving([SEED, DOCUMENTS]) as serving, httpx.Client(base_url=serving.origin) as client:
        answer = client.get("/sites/default/files/documents/120194.pdf")
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
        assert answer.content == served(MIKOYAN)
        again = client.get("/sites/default/files/documents/120194.pdf",
                           headers={"If-Modified-Since": answer.headers["last-modified"]})
        assert again.status_code == 304 and again.content == b""
        download = client.get("/document/120163/download")     # a PDF saved without .pdf: told by its first bytes
        assert download.headers["content-type"] == "application/pdf"
        assert client.get("/telegram-mikoyan-cpsu-central-committee.html").status_code == 404   # pages: by their URL only


def test_the_local_server_serves_no_file_outside_its_folders():
    from harvester.serve import static_file

    assert (SEED / "robots.txt").is_file()
    assert static_file([DOCUMENTS], "/%2e%2e/seed/robots.txt") is None
    assert static_file([DOCUMENTS], "/../seed/robots.txt") is None
    assert static_file([DOCUMENTS], "/sites/default/files/documents/120194.pdf") == (
        DOCUMENTS / "sites/default/files/documents/120194.pdf").resolve()
    assert static_file([DOCUMENTS], "/%00") is None and static_file([DOCUMENTS], "/" + "a" * 300) is None   # names no file


def test_the_local_server_serves_no_hidden_file(tmp_path: Path):
    """Serving a harvest's folder (its WARC archive) serves none of its .harvester/ state."""
    from harvester.serve import static_file

    (tmp_path / ".harvester").mkdir()
    (tmp_path / ".harvester" / "kwp.sqlite").write_bytes(b"SQLite format 3\x00")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert static_file([tmp_path], "/notes.txt") == (tmp_path / "notes.txt").resolve()
    assert static_file([tmp_path], "/.harvester/kwp.sqlite") is None and static_file([tmp_path], "/%2eharvester/kwp.sqlite") is None


def test_the_pdf_columns_fit_their_types_in_every_format_and_load_reads_them(tmp_path: Path):
    import harvester
    from tests.test_schema import fits

    with FaultServer(site) as server:
        run(tmp_path, server, formats=("csv", "json", "jsonl", "parquet", "xlsx"))
    for record in dataset(tmp_path, "kwp"):
        for column in PDF_COLUMNS:
            value = record[column.name]
            assert fits(column, "" if value is None and column.type != "integer" else value), (column.name, value)
    frames = {fmt: harvester.load(tmp_path / f"kwp.{fmt}") for fmt in ("csv", "json", "jsonl", "parquet")}
    assert str(frames["json"]["pdf_bytes"].dtype) == "Int64" and frames["json"]["pdf_bytes"].notna().sum() == 16
    for fmt in ("jsonl", "parquet"):
        assert frames[fmt].equals(frames["json"]), fmt
    assert frames["csv"].equals(frames["json"].drop(columns="transcript"))
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "kwp.xlsx")["records"]
    header = [cell.value for cell in sheet[1]]
    sizes = [row[header.index("pdf_bytes")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(s for s in sizes if s is not None) == sorted(r["pdf_bytes"] for r in dataset(tmp_path, "kwp") if r["pdf_bytes"])


def test_a_state_of_the_version_before_keeps_its_history_and_gains_the_pdfs(tmp_path: Path):
    import sqlite3

    from harvester.state import SCHEMA_VERSION, State

    with FaultServer(site) as server:
        harvest(WILSON, Search(QUERY), tmp_path, "kwp", ["json"], Settings(base_url=server.origin, delay=0, details=True))
        db = sqlite3.connect(tmp_path / ".harvester" / "kwp.sqlite")
        db.executescript("DROP TABLE pdfs; PRAGMA user_version = 3;")
        db.close()
        outcome = run(tmp_path, server)
    assert outcome.report["run"] == 2 and outcome.report["new"] == 0 and outcome.report["pdfs"]["downloaded"] == 16
    with State(tmp_path, "kwp") as state:
        assert state.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4


@pytest.mark.parametrize("formats", [["csv", "json"], ["sqlite"], ["xlsx"]], ids="+".join)
def test_a_run_that_leaves_out_pdfs_or_details_says_which_columns_the_records_lose(tmp_path: Path, formats: list[str]):
    """A harvests file that lost its `pdfs = true` (or `details = true`) writes records without those columns: said once,
    by the run that drops them, as a format no longer written is; whatever the formats (the last run's report says its
    columns)."""
    clock = FakeClock()
    with FaultServer(site) as server:
        run(tmp_path, server, clock, formats=tuple(formats))
        no_pdfs, again, no_details = (harvest(WILSON, Search(QUERY), tmp_path, "kwp", formats, Settings(base_url=server.origin,
                                                                                                          delay=0, details=details),
                                              sleep=clock.sleep, now=clock.now) for details in (True, True, False))
    assert [w for w in no_pdfs.warnings if "any more" in w] == [
        "the records have no pdf_file, pdf_sha256, pdf_bytes any more: the last run's files had them "
        "(ask for the same formats, details and PDFs from run to run)"]
    assert no_pdfs.report["status"] == "warnings" and not [w for w in again.warnings if "any more" in w]
    [lost] = [w for w in no_details.warnings if "any more" in w]
    assert lost.startswith("the records have no record_id, authors, ") and "transcript" in lost and "pdf_file" not in lost
    assert no_details.report["columns"] == [column.name for column in RECORD_COLUMNS]


def test_lost_columns_are_said_by_a_reparse_and_after_a_report_that_did_not_list_its_columns(tmp_path: Path):
    """With no run report to compare with (a re-parse; a run of a harvester whose reports did not list their columns),
    the data package's columns are compared."""
    import shutil
    import sqlite3

    from harvester.pipeline import reparse

    pages = tmp_path / "pages"
    shutil.copytree(SEED, pages)
    shutil.copy(DOCUMENTS / "letter-ri-sang-jo-ns-khrushchev.html", pages)
    reparse([pages], WILSON, tmp_path / "r", "d", ["csv", "json"], workers=0)
    (pages / "letter-ri-sang-jo-ns-khrushchev.html").unlink()
    again = reparse([pages], WILSON, tmp_path / "r", "d", ["csv", "json"], workers=0)
    assert any(w.startswith("the records have no record_id, authors, ") for w in again.warnings), again.warnings
    clock = FakeClock()
    with FaultServer(site) as server:
        run(tmp_path / "h", server, clock, formats=("csv", "json"))
        with sqlite3.connect(tmp_path / "h" / ".harvester" / "kwp.sqlite") as db:   # as an earlier harvester wrote it
            db.execute("UPDATE runs SET report = json_remove(report, '$.columns')")
        db.close()
        no_pdfs = harvest(WILSON, Search(QUERY), tmp_path / "h", "kwp", ["csv", "json"],
                          Settings(base_url=server.origin, delay=0, details=True), sleep=clock.sleep, now=clock.now)
    assert "the records have no pdf_file, pdf_sha256, pdf_bytes any more" in " ".join(no_pdfs.warnings)


def test_a_scan_two_documents_link_is_fetched_once_and_both_point_at_its_one_file(tmp_path: Path):
    """The letter's page links the telegram's scan: it is asked for once a run, kept once (the telegram's file, the
    first listed), and both records give that file; the next run asks for it once, conditionally."""
    letter = "letter-ri-sang-jo-ns-khrushchev"

    def sharing(path: str) -> bytes | None:
        body = site(path)
        return body.replace(pdf_path(letter).encode(), pdf_path(MIKOYAN).encode()) if path.endswith(letter) and body else body

    with FaultServer(sharing, etags=True) as server:
        first = run(tmp_path, server)
        asked = pdf_requests(server)
        server.requests.clear()
        again = run(tmp_path, server)
    records = {r["id"]: r for r in dataset(tmp_path, "kwp")}
    assert records[letter]["pdf_url"] == records[MIKOYAN]["pdf_url"]
    assert asked.count(pdf_path(MIKOYAN)) == 1 and len(asked) == 15 and len(list((tmp_path / "pdfs").iterdir())) == 15
    assert [records[d]["pdf_file"] for d in (letter, MIKOYAN)] == [f"pdfs/{MIKOYAN}.pdf"] * 2
    assert records[letter]["pdf_sha256"] == hashlib.sha256(served(MIKOYAN)).hexdigest()
    assert first.report["pdfs"] == {"downloaded": 15, "unchanged": 0, "failed": 0} and first.warnings == []
    assert pdf_requests(server).count(pdf_path(MIKOYAN)) == 1 and again.report["pdfs"]["unchanged"] == 15
    package = json.loads((tmp_path / "kwp.datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"] if r.get("format") == "pdf"].count(f"pdfs/{MIKOYAN}.pdf") == 1


def test_a_shared_scan_is_not_left_in_the_file_of_a_document_that_now_links_another(tmp_path: Path):
    """The letter shares the telegram's scan, kept in the telegram's file; then the telegram links a rescan (of the same
    size): the rescan takes the telegram's file, and the letter's scan a file of its own, not the file now the rescan's."""
    letter, rescan = "letter-ri-sang-jo-ns-khrushchev", "/sites/default/files/documents/rescan.pdf"
    old = served(MIKOYAN)
    new = old.replace(b"%PDF-1.", b"%PDF-2.", 1)
    moved = False

    def sharing(path: str) -> bytes | None:
        if path == rescan:
            return new
        body = site(path)
        if body and path.endswith(letter):
            return body.replace(pdf_path(letter).encode(), pdf_path(MIKOYAN).encode())
        return body.replace(pdf_path(MIKOYAN).encode(), rescan.encode()) if body and moved and path.endswith(MIKOYAN) else body

    with FaultServer(sharing, etags=True) as server:
        run(tmp_path, server)
        moved = True
        run(tmp_path, server)
    records = {r["id"]: r for r in dataset(tmp_path, "kwp")}
    assert len(new) == len(old) and records[MIKOYAN]["pdf_url"].endswith(rescan)
    for doc_id, body in ((MIKOYAN, new), (letter, old)):
        assert (tmp_path / records[doc_id]["pdf_file"]).read_bytes() == body
        assert records[doc_id]["pdf_sha256"] == hashlib.sha256(body).hexdigest()


def test_a_scan_kept_by_its_links_raw_address_before_addresses_were_percent_encoded_is_asked_for_conditionally(tmp_path: Path):
    """A dataset made before pdf_url held the address as sent kept a scan by its link's raw form ("Some File.pdf"): the
    next run knows it for the same address, and asks for it conditionally, not downloading it again."""
    raw, sent = "/sites/default/files/documents/Some File.pdf", "/sites/default/files/documents/Some%20File.pdf"

    def spaced(path: str) -> bytes | None:
        if path == sent:
            return served(MIKOYAN)
        body = site(path)
        return body.replace(pdf_path(MIKOYAN).encode(), raw.encode()) if body and path.startswith("/document/") else body

    with FaultServer(spaced, etags=True) as server:
        run(tmp_path, server)
        with sqlite3.connect(tmp_path / ".harvester" / "kwp.sqlite") as db:   # as an earlier harvester kept it
            db.execute("UPDATE pdfs SET kept = json_set(kept, '$.url', ?) WHERE id = ?", (WILSON.home + raw, MIKOYAN))
        server.requests.clear()
        again = run(tmp_path, server)
    assert again.report["pdfs"] == {"downloaded": 0, "unchanged": 16, "failed": 0}
    assert sent in pdf_requests(server) and server.not_modified >= 16
    record = next(r for r in dataset(tmp_path, "kwp") if r["id"] == MIKOYAN)   # its record still gives the file kept
    assert record["pdf_file"] == f"pdfs/{MIKOYAN}.pdf" and record["pdf_sha256"] == hashlib.sha256(served(MIKOYAN)).hexdigest()


def test_a_records_scan_address_kept_as_its_link_wrote_it_still_gives_the_scans_file(tmp_path: Path):
    """A record whose details an earlier harvester kept (its page not read since) holds the link's raw address: its
    scan, kept by either form of it, is still its file."""
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "a.pdf").write_bytes(b"%PDF-1.4 x")
    raw = "https://digitalarchive.wilsoncenter.org/sites/default/files/documents/Some File.pdf"
    for kept_url in (raw, raw.replace(" ", "%20")):
        kept = {"url": kept_url, "file": "pdfs/a.pdf", "sha256": "ab", "bytes": 10, "validators": {}}
        assert pdf_values(kept, raw, tmp_path) == {"pdf_file": "pdfs/a.pdf", "pdf_sha256": "ab", "pdf_bytes": 10}
