"""The CLI through its entry point: exact exit codes, one-line errors, no tracebacks, files written or not."""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harvester.cli import cli, main
from harvester.serve import Serving
from harvester.output.files import FORMATS
from harvester.pipeline import default_name, harvest
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.conftest import FIXTURES, FakeClock, dataset, write_dataset

SEED = FIXTURES / "wilson" / "seed"
QUERY = "Korean Workers' Party"
KWP = default_name(get_site("wilson"), Search(QUERY))
ADDRESS = "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean+War"


def run_cli(monkeypatch, capsys, *args: str, sleep=lambda seconds: None) -> tuple[int, str, str]:
    """Run `harvester ARGS...` in-process; returns (exit code, stdout, stderr). The command sets up logging, Ctrl-C and
    SIGTERM as for a process of its own (the root logger at INFO, writing to this test's stderr): put back as they were
    after it, else every later test of this process would format its log lines for a stream no one reads."""
    monkeypatch.setattr(sys, "argv", ["harvester", *args])
    root = logging.getLogger()
    level, handlers, stops = root.level, root.handlers[:], {stop: signal.getsignal(stop) for stop in (signal.SIGINT, signal.SIGTERM)}
    try:
        with pytest.raises(SystemExit) as done:
            main(sleep=sleep)   # retries and the delay do not wait
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for stop, handler in stops.items():   # (ignored once the command is done: this process goes on)
            signal.signal(stop, handler)
    out, err = capsys.readouterr()
    return done.value.code, out, err


def dataset_files(folder: Path) -> list[str]:
    """The dataset files in an output folder (not its run state or raw archive, which a failed run may leave)."""
    return sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def assert_one_line_error(err: str, *words: str) -> None:
    errors = [line for line in err.splitlines() if line.startswith("harvester: error:")]
    assert len(errors) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in errors[0], errors[0]


@pytest.mark.parametrize("command", ["harvest", "reparse", "serve", "demo"])
def test_every_command_has_help_with_an_example(monkeypatch, capsys, command):
    code, out, _ = run_cli(monkeypatch, capsys, command, "--help")
    assert code == 0 and "Example" in out and "harvester " + command in out


@pytest.mark.parametrize("args", [["harvest", "Korean", "War", "--help"], ["demo", "--out", "my", "data", "-h"]])
def test_help_is_given_whatever_else_the_line_holds(monkeypatch, capsys, tmp_path, args):
    """--help added to a line that went wrong: its help, not the line's mistake again."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, err) == (0, "") and out.startswith("Usage: ") and f" {args[0]} [OPTIONS]" in out.splitlines()[0]


def test_the_run_help_names_every_key_a_harvests_file_takes(monkeypatch, capsys):
    from harvester.config import KEYS

    code, out, _ = run_cli(monkeypatch, capsys, "run", "--help")
    listed = " ".join(out.split()).split("with _ for -:")[1].split("Keys at the top")[0]   # the sentence that lists them
    words = set(re.findall(r"\w+", listed))
    assert code == 0 and set(KEYS) <= words, set(KEYS) - words


def test_harvester_alone_prints_its_help_not_an_error(monkeypatch, capsys):
    """What a newcomer types first: the help, as --help gives it (it came as one "error" line holding the whole help)."""
    code, out, err = run_cli(monkeypatch, capsys)
    assert (code, err) == (0, "") and "Commands:" in out and "harvester demo --out output" in out
    assert out == run_cli(monkeypatch, capsys, "--help")[1]


def test_top_level_help_lists_exit_codes(monkeypatch, capsys):
    code, out, _ = run_cli(monkeypatch, capsys, "--help")
    assert code == 0 and "4 blocked" in out and "5 page layout" in out


def test_harvest_over_http_writes_the_19_records(monkeypatch, capsys, tmp_path):
    with Serving(SEED) as serving:
        code, out, err = run_cli(monkeypatch, capsys, "harvest", "--site", "wilson", "--query", QUERY, "--base-url",
                                 serving.origin, "--out", str(tmp_path), "--delay", "0", "--format", "csv,json,jsonl")
    assert code == 0, err
    assert "harvested 19 of 19 documents" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == [".harvester", "archive"] + [
        f"{KWP}.{x}" for x in ("csv", "datapackage.json", "json", "jsonl", "people.csv", "people.json",
                                                      "people.jsonl", "report.json")]
    assert [p.name for p in (tmp_path / "archive").iterdir()] == [f"{KWP}-run0001-part1.warc.gz"]
    assert len(json.loads((tmp_path / f"{KWP}.json").read_text(encoding="utf-8"))) == 19


def test_name_option_names_the_files(monkeypatch, capsys, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(tmp_path), "--name", "kwp")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [".harvester", "kwp.csv", "kwp.datapackage.json", "kwp.json",
                                                          "kwp.people.csv", "kwp.people.json"]
    assert sorted(p.name for p in (tmp_path / ".harvester").iterdir()) == ["kwp.files", "kwp.lock"]   # (the lock: held while
    assert all((tmp_path / f"kwp.{x}").is_symlink() for x in ("csv", "json"))                        # the files were written)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("make", [True, False], ids=["make-harvest", "harvester-demo"])
def test_a_demo_port_another_program_holds_is_said_with_what_to_do(monkeypatch, capsys, tmp_path, make):
    """`make harvest` runs the demo on its fixed port (an interrupted demo resumes on it); another program may hold it.
    Run by hand (installed with pip, say, so no .venv/bin/harvester; with --port given, or other options), the demo was
    told make's command too."""
    import socket

    if make:
        monkeypatch.setenv("MAKELEVEL", "1")
    else:   # (the test suite itself may run under make)
        monkeypatch.delenv("MAKELEVEL", raising=False)
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        code, _, err = run_cli(monkeypatch, capsys, "demo", "--out", str(tmp_path / "o"), "--port", str(port))
    # (make cannot pass --port: the command README gives is said too)
    said = (f"--port {port}: cannot listen on 127.0.0.1 (Address already in use); another program holds it: give another "
            "with --port (0: any free one)")
    assert code == 2 and err.strip().endswith(said + ("; make harvest passes none: run .venv/bin/harvester demo --out output "
                                                      "--port 8760" if make else ""))


def test_a_demos_names_file_with_a_mistake_is_said_before_anything_is_served(monkeypatch, capsys, tmp_path):
    """As its formats are: it said "serving the saved pages ..." first, as if the harvest had begun."""
    names = tmp_path / "names.csv"
    names.write_text("not,the,columns\n", encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--out", str(tmp_path / "o"), "--port", "0", "--names", str(names))
    assert code == 2 and err.count("\n") == 1 and err.startswith("harvester: error: ") and str(names) in err, err


def test_demo_harvests_its_packaged_search_over_http_from_any_folder(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)                              # not the repository: the pages ship with the package
    port = str(free_port())
    for run in (1, 2):                                       # a fixed port: the second run is the same harvest again
        code, out, err = run_cli(monkeypatch, capsys, "demo", "--out", "output", "--delay", "0", "--port", port)
        assert code == 0, err
        assert f"harvested 19 of 19 documents for \u201c{QUERY}\u201d (2 results pages" in out
        said = "run 1: 19 documents, all new" if run == 1 else "run 2: 19 documents; since the last run 0 new, 0 changed"
        assert said in out and "warning" not in err
    assert len(json.loads((tmp_path / "output" / "wilson-korean-workers-party.json").read_text(encoding="utf-8"))) == 19


def test_make_clean_removes_every_file_the_demo_writes(monkeypatch, capsys, tmp_path):
    """The database's link and the scans were left: `make clean; make harvest` then warned of them, exit 1, a make error."""
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--out", str(tmp_path / "output"), "--delay", "0", "--port", "0", "-q",
                           "--details", "--pdfs", "--format", ",".join(FORMATS))
    assert code == 0, err
    shutil.copy(FIXTURES.parent / "Makefile", tmp_path)
    subprocess.run(["make", "-s", "-C", str(tmp_path), "clean"], check=True, capture_output=True)
    assert sorted(path.name for path in (tmp_path / "output").iterdir()) == []


def test_a_reparse_of_a_harvests_archive_names_the_dataset_as_the_harvest_did(monkeypatch, capsys, tmp_path):
    """`make harvest`, then `harvester reparse output --out output`: a second dataset, named as a harvest of the search
    is (with a hash: its apostrophe), appeared beside the demo's. Named as the demo's, it is the harvested dataset, which
    a re-parse never replaces (its history would be lost): said so; into another folder, it has the demo's name."""
    monkeypatch.chdir(tmp_path)
    assert run_cli(monkeypatch, capsys, "demo", "--out", "output", "--delay", "0", "--port", "0")[0] == 0
    before = _tree(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, "reparse", "output", "--out", "output")
    assert (code, out) == (2, "") and err.splitlines() == [
        "harvester: error: output: wilson-korean-workers-party is a harvested dataset (its run history is in "
        ".harvester/wilson-korean-workers-party.sqlite), which a re-parse would replace; re-parse into another --out, or give "
        "another --name"]
    assert _tree(tmp_path) == before
    code, out, err = run_cli(monkeypatch, capsys, "reparse", "output/archive", "--out", "again")
    assert code == 0 and dataset_files(tmp_path / "again") == dataset_files(tmp_path / "output")[:-1]   # (but its report)
    assert dataset_files(tmp_path / "output")[-1] == "wilson-korean-workers-party.report.json"


def test_a_reparse_of_warc_files_renamed_to_no_dataset_name_names_it_as_a_harvest_of_its_search_would(monkeypatch, capsys, tmp_path):
    """Copies renamed "My copy-run0001-part1.warc.gz" or ".old-run0001-part1.warc.gz" named the dataset "My copy" (which
    --name refuses) or ".old" (its files hidden from ls): as a copy named "copy.warc.gz" does, they name none."""
    monkeypatch.chdir(tmp_path)
    assert run_cli(monkeypatch, capsys, "demo", "--out", "output", "--delay", "0", "--port", "0")[0] == 0
    [warc] = (tmp_path / "output" / "archive").iterdir()
    (tmp_path / "copies").mkdir()
    written = []
    for copy in ("copy.warc.gz", "My copy-run0001-part1.warc.gz", ".old-run0001-part1.warc.gz"):
        shutil.copy(warc, tmp_path / "copies" / copy)
        assert run_cli(monkeypatch, capsys, "reparse", f"copies/{copy}", "--out", copy)[0] == 0
        written.append(sorted(name for name in os.listdir(copy) if name != ".harvester"))
    assert written[0][0].startswith("wilson-korean-workers-party-") and written == [written[0]] * 3


def test_a_reparse_of_a_harvests_archive_into_its_folder_is_refused_before_any_page_is_parsed(monkeypatch, capsys, tmp_path):
    """`harvester reparse data/archive --out data`: refused once every page was parsed, minutes into a year's archive."""
    import harvester.pipeline

    monkeypatch.chdir(tmp_path)
    assert run_cli(monkeypatch, capsys, "demo", "--out", "output", "--delay", "0", "--port", "0")[0] == 0
    monkeypatch.setattr(harvester.pipeline, "saved_pages", lambda *args: pytest.fail("a page was read"))
    code, _, err = run_cli(monkeypatch, capsys, "reparse", "output/archive", "--out", "output")
    assert code == 2 and "wilson-korean-workers-party is a harvested dataset" in err


def test_a_reparse_of_a_harvests_archive_with_pages_of_another_search_into_its_folder_writes_a_dataset_of_its_own(
        monkeypatch, capsys, tmp_path):
    """`harvester reparse data/archive saved --out data`, the saved pages of another search: two searches, whose
    dataset is "wilson-reparse", which replaces nothing; it was refused as replacing the harvest's."""
    monkeypatch.chdir(tmp_path)
    assert run_cli(monkeypatch, capsys, "demo", "--out", "output", "--delay", "0", "--port", "0")[0] == 0
    seed = (SEED / "page-0.html").read_text(encoding="utf-8")
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "cuba.html").write_text(seed.replace("Korean%20Workers%27%20Party", "Cuba")
                                                  .replace("Korean Workers\\u0027 Party", "Cuba"), encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "reparse", "output/archive", "saved", "--out", "output")
    assert code == 1 and "is a harvested dataset" not in err and "wrote output/wilson-reparse.csv" in out


def test_the_demo_takes_the_harvests_options_a_newcomer_tries_on_it(monkeypatch, capsys, tmp_path):
    """Its own name, names table and transcripts in the CSV, as `harvester harvest` takes them (it said "No such option")."""
    (tmp_path / "names.csv").write_text("canonical,kind,variant,note\nKim Il-song,person,Kim Il Sung,our form\n", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "demo", "--out", str(tmp_path / "o"), "--delay", "0", "--port", str(free_port()),
                             "--name", "kwp", "--names", str(tmp_path / "names.csv"), "--details", "--transcript-in-csv")
    assert code == 0, err
    assert f"wrote {tmp_path / 'o' / 'kwp.csv'}" in out
    with (tmp_path / "o" / "kwp.csv").open(encoding="utf-8") as csv_file:
        assert "transcript" in csv_file.readline().strip().split(",")
    people = json.loads((tmp_path / "o" / "kwp.people.json").read_text(encoding="utf-8"))
    assert "Kim Il-song" in [person["name"] for person in people] and "Kim Il Sung" not in [p["name"] for p in people]


def test_the_demos_options_of_the_harvest_are_the_harvests_and_no_others_that_would_not_fit_it():
    """Declared once: the same option, the same help. Its search, site and fetching are its own."""
    from harvester.cli import cli

    demo, harvest = ({param.name: param.to_info_dict() for param in cli.commands[command].params} for command in ("demo", "harvest"))
    for name in ("formats", "name", "names_file", "transcript_in_csv", "pdfs", "max_pdf_mb"):
        assert demo[name] == harvest[name], name
    assert not {"url", "query", "whole", "base_url", "site", "fetch", "cookies", "contact"} & set(demo)


def test_on_a_terminal_the_progress_bar_follows_each_stage_to_its_end(monkeypatch, capsys, tmp_path):
    """A terminal shows a bar of the results pages, then of the document pages, then of the scans, each counted to its
    own end (a bar of results pages left at 100% said nothing of an hours-long --details)."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run_cli(monkeypatch, capsys, "demo", "--details", "--pdfs", "--out", str(tmp_path / "o"), "--delay", "0",
                             "--port", str(free_port()))
    assert code == 0, err
    shown = [re.sub(r"\s+", " ", frame) for frame in re.split(r"[\r\n]", err)]
    for stage, last in (("results pages", "2/2"), ("document pages", "19/19"), ("scans of documents", "19/19")):
        assert any(frame.startswith(f"{stage}: 100%") and last in frame for frame in shown), (stage, shown[-20:])
        assert any(frame.startswith(f"{stage}: ") and "%" in frame and not frame.startswith(f"{stage}: 100%")
                   for frame in shown), stage


def test_the_demos_packaged_pages_are_the_fixtures_they_come_from():
    from harvester.cli import DEMO

    packaged = [path for path in DEMO.rglob("*") if path.is_file()]
    for path in packaged:
        assert path.read_bytes() == (FIXTURES / "wilson" / path.relative_to(DEMO)).read_bytes(), path
    assert len(list((DEMO / "documents").glob("*.html"))) == 19
    assert len([path for path in packaged if path.read_bytes().startswith(b"%PDF-")]) == 16   # the scans they link


def test_unknown_site_is_a_usage_error(monkeypatch, capsys, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--site", "nope", "--query", "x", "--out", str(tmp_path))
    assert code == 2
    assert_one_line_error(err, "unknown --site 'nope'", "wilson")


def test_bad_format_is_a_usage_error(monkeypatch, capsys, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(tmp_path), "--format", "xls")
    assert code == 2
    assert_one_line_error(err, "--format 'xls'")
    assert dataset_files(tmp_path) == []


def test_bad_name_is_a_usage_error(monkeypatch, capsys, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(tmp_path), "--name", "../escape")
    assert code == 2
    assert_one_line_error(err, "--name '../escape'")


def test_unwritable_output_folder_is_a_usage_error(monkeypatch, capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(blocker / "out"))
    assert code == 2
    assert_one_line_error(err, f"--out {blocker / 'out'}: cannot write there")


@pytest.mark.parametrize(("args", "named"), [
    (["harvest", "--query", "x", "--out", "o", "--fetch", "browser", "--browser-profile", ""], "'--browser-profile'"),
    (["harvest", "--query", "x", "--out", ""], "'--out'"),
    (["harvest", "--query", "x", "--out", "o", "--names", ""], "'--names'"),
    (["reparse", "", "--out", "o"], "'PATHS...'"),
], ids=["browser-profile", "out", "names", "reparse-path"])
def test_an_empty_path_is_a_usage_error_naming_the_option_not_the_current_folder(monkeypatch, capsys, tmp_path, args, named):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(monkeypatch, capsys, *args, "--base-url" if args[0] == "harvest" else "-q",
                           *(["http://127.0.0.1:9"] if args[0] == "harvest" else []))
    assert code == 2
    assert_one_line_error(err, f"Invalid value for {named}: an empty path names no file or folder")
    assert list(tmp_path.iterdir()) == []   # no browser profile, dataset or state in the current folder


def test_a_quoted_tilde_in_a_path_is_ones_home_as_in_a_harvests_file(monkeypatch, capsys, tmp_path):
    """--out "~/kwp": the shell leaves a quoted ~ as it is; it made a folder named "~" in the current folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", "~/kwp", "--name", "kwp")
    assert code == 0, err
    assert "wrote ~" not in out and (tmp_path / "home" / "kwp" / "kwp.csv").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["home"]


@pytest.mark.parametrize("args", [["reparse", "~/pages", "--out", "o"], ["reparse", str(SEED), "--out", "~/o"],
                                  ["reparse", str(SEED), "--out", "o", "--names", "~nosuchuser/names.csv"]])
def test_a_home_no_one_can_tell_in_a_path_is_said_not_a_folder_named_tilde(monkeypatch, capsys, tmp_path, args):
    import pwd

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HOME", raising=False)   # cron's env -i
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: (_ for _ in ()).throw(KeyError(uid)))
    code, _, err = run_cli(monkeypatch, capsys, *args)
    tilde = next(arg for arg in args if arg.startswith("~"))
    assert code == 2
    assert_one_line_error(err, f"'{tilde}': whose home is ~ cannot be told (HOME is not set, or no such user): give the whole path")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["reparse", "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korea",
                                   "--out", "o"], ["report", "http://digitalarchive.wilsoncenter.org/search"]])
def test_a_web_address_where_a_file_goes_is_said_so_not_looked_for_on_disk(monkeypatch, capsys, tmp_path, args):
    """It was "https:/digitalarchive...: no such file or folder" (one slash: the path's), or a dataset looked for there."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(monkeypatch, capsys, *args)
    assert code == 2
    assert_one_line_error(err, f"'{args[1]}': a web address, not a file or folder on this machine (a search's address is "
                               "harvester harvest's URL, or a harvests file's url)")
    assert list(tmp_path.iterdir()) == []


def test_bad_base_url_is_a_usage_error(monkeypatch, capsys, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--base-url", "ftp//nowhere", "--out", str(tmp_path))
    assert code == 2
    assert_one_line_error(err, "--base-url 'ftp//nowhere'")


def test_unreachable_base_url_fails_fast_with_a_fetch_error(monkeypatch, capsys, tmp_path):
    with socket.socket() as probe:          # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--base-url", f"http://127.0.0.1:{port}",
                           "--out", str(tmp_path), "--delay", "0")
    assert code == 3
    assert_one_line_error(err, f"http://127.0.0.1:{port}/robots.txt", "127.0.0.1 refused the connection",
                          "check your connection and proxy, or the address given to --base-url")
    assert "Error" not in err                # no Python exception name: ConnectError, OSError
    assert dataset_files(tmp_path) == []


def test_a_blocked_harvest_stops_with_exit_4_and_writes_nothing(monkeypatch, capsys, tmp_path):
    site = tmp_path / "site"          # the saved challenge page, served where the search's first page is
    site.mkdir()
    challenge = (FIXTURES / "wilson" / "challenge" / "page-0.html").read_text(encoding="utf-8")
    first_page = "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party"
    (site / "page-0.html").write_text(f"<!-- saved from url=({len(first_page):04d}){first_page} -->\n" + challenge.split("\n", 1)[1])
    out = tmp_path / "out"
    with Serving(site) as serving:
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", serving.origin,
                               "--out", str(out), "--delay", "0")
    assert code == 4
    assert_one_line_error(err, "bot-protection challenge")
    assert dataset_files(out) == []


@pytest.mark.parametrize(
    ("make_input", "code", "words"),
    [
        (lambda d: _write(d / "empty.html", b""), 2, ["empty.html", "empty"]),
        (lambda d: _write(d / "blank.html", b"  \n\t "), 2, ["blank.html", "empty"]),
        (lambda d: _write(d / "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)), 2, ["image.html", "binary"]),
        (lambda d: d / "missing.html", 2, ["missing.html", "no such file"]),
        (lambda d: _mkdir(d / "nothing"), 2, ["no saved pages (.html, .htm, .mhtml, .mht, .webarchive) or WARC files found"]),
        (lambda d: FIXTURES / "wilson" / "broken" / "not-results.html", 5, ["not-results.html", "not a search results page"]),
        (lambda d: FIXTURES / "wilson" / "broken" / "no-cards.html", 5, ["no-cards.html", "no result cards"]),
        (lambda d: FIXTURES / "wilson" / "broken" / "no-title-link.html", 5, ["no-title-link.html", "result card 2", "no title link"]),
        (lambda d: FIXTURES / "wilson" / "challenge" / "page-0.html", 4, ["page-0.html", "bot-protection challenge"]),
        (lambda d: _truncated(d), 2, ["truncated.html", "cut short", "save it again"]),
        (lambda d: _write(d / "records.csv", b"id,title\nx,Letter from A to B\n"), 2,
         ["records.csv", "not an HTML page", "give saved pages (.html, .htm, .mhtml, .mht, .webarchive) or WARC files"]),
        (lambda d: _write(d / "home.html", b'<html><body><div class="views-element-container"><p>Featured</p></div></body></html>'),
         5, ["home.html", "no result cards, no totals line and no 'no results' message"]),
        (lambda d: _sparse(d / "huge.html", 1 << 30), 2, ["huge.html: a file of 1,073,741,824 bytes", "not read"]),
        (lambda d: _write(d / "bad-link.html", (SEED / "page-0.html").read_bytes().replace(b'href="/document/', b'href="/about/', 1)),
         5, ["bad-link.html: result", "not to a document"]),
    ],
    ids=["empty", "whitespace", "binary", "missing", "empty-folder", "not-results", "no-cards", "no-title-link", "challenge", "truncated",
         "not-html", "no-results-message", "huge", "card-not-linking-a-document"],
)
def test_bad_input_is_one_line_and_writes_nothing(monkeypatch, capsys, tmp_path, make_input, code, words):
    source = tmp_path / "in"
    source.mkdir()
    out = tmp_path / "out"
    got, _, err = run_cli(monkeypatch, capsys, "reparse", str(make_input(source)), "--out", str(out))
    assert got == code
    assert_one_line_error(err, *words)
    assert not out.exists()


@pytest.mark.parametrize("given", ["missing", "empty-folder"])
def test_a_missing_path_or_an_empty_folder_makes_no_output_folder(monkeypatch, capsys, tmp_path, given):
    source = tmp_path / given
    if given == "empty-folder":
        source.mkdir()
    got, _, err = run_cli(monkeypatch, capsys, "reparse", str(source), "--out", str(tmp_path / "out"))
    assert got == 2 and str(source) in err and not (tmp_path / "out").exists()


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as file:    # a file of `size` bytes that takes no room on the disk
        file.truncate(size)
    return path


def _write(path: Path, body: bytes) -> Path:
    path.write_bytes(body)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _truncated(folder: Path) -> Path:
    """The seed's first page cut off in the middle of its results table."""
    body = (SEED / "page-0.html").read_bytes()
    return _write(folder / "truncated.html", body[: body.index(b"Telegram from Ponomarev")])


def test_serve_says_which_saved_page_of_one_address_it_serves(tmp_path, caplog):
    """Two folders saved from the same addresses (two weeks' saves): the first named is served, and each page it hides
    is said, with the one served in its place; one page is "1 saved page"."""
    import shutil

    from harvester.serve import make_server

    for week in ("weekA", "weekB"):
        shutil.copytree(SEED, tmp_path / week)
    (tmp_path / "weekB" / "page-1.html").unlink()
    server, saved = make_server([tmp_path / "weekA", tmp_path / "weekB"])
    server.server_close()
    hidden = [r.getMessage() for r in caplog.records if "served in its place" in r.getMessage()]
    assert len(saved) == 2 and hidden == [f"{tmp_path / 'weekB' / 'page-0.html'}: saved from the same address as "
                                          f"{tmp_path / 'weekA' / 'page-0.html'}, which is served in its place (a folder named before)"]


def test_serve_serves_the_first_named_folders_page_whatever_the_folders_names(tmp_path):
    """"serve week2 week1": week2's page is served (the names sort the other way), as a harvest of it then shows."""
    import shutil

    for week in ("week1", "week2"):
        shutil.copytree(SEED, tmp_path / week)
    page = tmp_path / "week2" / "page-0.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Soviet and Chinese Delegations</a>", "Soviet and Chinese Delegations (week 2)</a>"), encoding="utf-8")
    clock = FakeClock()
    with Serving([tmp_path / "week2", tmp_path / "week1"]) as serving:
        harvest(get_site("wilson"), Search("Korean Workers' Party"), tmp_path / "out", "d", ["json"],
                Settings(base_url=serving.origin, delay=0), sleep=clock.sleep, now=clock.now)
    titles = [record["title"] for record in dataset(tmp_path / "out", "d")]
    assert "Record of a Meeting between the Soviet and Chinese Delegations (week 2)" in titles, titles


def test_serve_takes_a_folder_of_files_alone_and_a_folder_named_twice(tmp_path, caplog):
    """`serve SAVED SCANS`: the scans' folder holds no page, and serves its files; a folder named twice (once by another
    path) is read once, with no warning that a page hides itself."""
    import httpx

    scans = tmp_path / "scans" / "document"
    scans.mkdir(parents=True)
    (scans / "x.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    relative = Path(os.path.relpath(SEED))
    with Serving([SEED, tmp_path / "scans", relative]) as serving:
        scan = httpx.get(f"{serving.origin}/document/x.pdf", timeout=5)
        page = httpx.get(f"{serving.origin}/search?search_api_fulltext=Korean+Workers%27+Party", timeout=5)
    assert (scan.status_code, scan.content, page.status_code) == (200, b"%PDF-1.4\n%%EOF\n", 200)
    assert "served in its place" not in caplog.text


def test_serve_serves_saved_pages_under_their_own_urls(tmp_path):
    """`harvester serve` in a real process: its first line names the address; the saved page comes back."""
    import subprocess

    import httpx

    process = subprocess.Popen([sys.executable, "-m", "harvester", "serve", str(SEED), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first_line = process.stdout.readline()
        assert first_line.startswith(f"serving 2 saved pages of {SEED} on http://127.0.0.1:")
        origin = first_line.split(" on ")[1].split()[0]
        page = httpx.get(f"{origin}/search?search_api_fulltext=Korean+Workers%27+Party&page=1", timeout=5)
        assert page.status_code == 200 and b"11 - 19 of 19" in page.content
        assert httpx.get(f"{origin}/search?search_api_fulltext=other", timeout=5).status_code == 404
        assert b"Disallow: /search/" in httpx.get(f"{origin}/robots.txt", timeout=5).content
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_an_address_of_many_slashes_is_answered_at_once():
    """A path's slashes at its end were dropped by a pattern tried from each of them: a request of 60,000 slashes (what
    a request line holds) took seconds, a saved page's address of a million hours."""
    import httpx

    with Serving([SEED]) as serving:
        assert httpx.get(f"{serving.origin}/search{'/' * 60_000}x", timeout=5).status_code == 404


def test_a_saved_page_deleted_while_served_is_not_found_and_the_server_goes_on(tmp_path, caplog):
    import shutil

    import httpx

    shutil.copytree(SEED, tmp_path / "seed")
    with Serving([tmp_path / "seed"]) as serving:
        (tmp_path / "seed" / "page-1.html").unlink()
        gone = httpx.get(f"{serving.origin}/search?search_api_fulltext=Korean+Workers%27+Party&page=1", timeout=5)
        kept = httpx.get(f"{serving.origin}/search?search_api_fulltext=Korean+Workers%27+Party", timeout=5)
    assert (gone.status_code, kept.status_code) == (404, 200)
    assert "page-1.html: cannot be read (No such file or directory)" in caplog.text


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_serve_stopped_as_its_line_says_ends_well(stop):
    """Ctrl-C is how a server is stopped (its first line says so), and SIGTERM how a service manager stops it: exit 0,
    not "interrupted: nothing written" and 130."""
    import signal
    import subprocess

    # as a terminal's foreground job: Ctrl-C not ignored (a suite started in the background passes it on ignored)
    served = subprocess.Popen([sys.executable, "-m", "harvester", "serve", str(SEED), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert "(Ctrl-C stops)" in served.stdout.readline()
        served.send_signal(getattr(signal, stop))
        out, err = served.communicate(timeout=30)
    finally:
        served.kill()
    assert (served.returncode, out, err) == (0, "stopped serving\n", "")


def test_serve_of_a_missing_folder_is_a_usage_error(monkeypatch, capsys, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "serve", str(tmp_path / "nowhere"))
    assert code == 2
    assert_one_line_error(err, "nowhere: not a folder of saved pages")


def test_serve_of_an_empty_folder_says_no_saved_page_is_there_not_that_a_warc_file_would_do(monkeypatch, capsys, tmp_path):
    """Serve refuses a folder of WARC files (reparse reads them): that none was found is no news to serve's user."""
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli(monkeypatch, capsys, "serve", str(tmp_path / "empty"))
    assert (code, err) == (2, f"harvester: error: {tmp_path / 'empty'}: no saved pages (.html, .htm, .mhtml, .mht, .webarchive) "
                              "found\n")


def test_python_dash_m_runs_the_cli():
    import subprocess

    done = subprocess.run([sys.executable, "-m", "harvester", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("harvester, version ")


def test_help_does_not_compile_the_title_grammar():
    """The title grammar takes a moment to compile: --help (and every usage error) goes without it, and a harvest
    compiles it with its first record, in the wait before its next request."""
    import subprocess

    code = "import sys; from harvester.cli import main; print('harvester.normalize.titles' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "False\n"), done.stderr


def test_the_cli_does_not_compile_the_kind_phrases():
    """The names table, which the CLI loads, reads the kind phrases' words; their patterns are the title grammar's, and
    are compiled with it, by a harvest's first title."""
    code = ("from harvester.cli import main; from harvester.normalize import kinds, titles; "
            "print(kinds.kind_patterns.cache_info().currsize, end=' '); titles.doc_type('Memorandum of Conversation'); "
            "print(kinds.kind_patterns.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "0 1\n"), done.stderr


@pytest.mark.parametrize("args, words", [
    (["harvest", "--query", "x", "--out", "o", "--delay", "-1"], ["--delay -1: give seconds, 0 to 3600"]),
    (["harvest", "--query", "x", "--out", "o", "--delay", "nan"], ["--delay nan: give seconds, 0 to 3600"]),
    (["harvest", "--query", "x", "--out", "o", "--delay", "1e300"], ["--delay 1e+300: give seconds, 0 to 3600"]),
    (["harvest", "--query", "x", "--out", "o", "--delay", "soon"], ["--delay", "'soon' is not a valid float"]),
    (["harvest", "--query", "x", "--out", "o", "--max-pages", "0"], ["--max-pages 0: give 1 or more"]),
    (["harvest", "--query", "x", "--out", "o", "--max-pdf-mb", "inf"], ["--max-pdf-mb inf: give megabytes, more than 0"]),
    (["harvest", "--query", "x", "--out", "o", "--max-pdf-mb", "0"], ["--max-pdf-mb 0: give megabytes, more than 0"]),
    (["harvest", "--query", "x", "--out", "o", "--challenge-wait", "nan"], ["--challenge-wait nan: give seconds, 1 to 3600"]),
    (["harvest", "--query", "x", "--out", "o", "--challenge-wait", "1e9"], ["--challenge-wait 1000000000: give seconds, 1 to 3600"]),
    (["harvest", "--query", "x", "--out", "o", "--delay", "1234567"], ["--delay 1234567: give seconds, 0 to 3600"]),
    (["demo", "--out", "o", "--delay", "-1"], ["--delay -1: give seconds, 0 to 3600"]),
    (["harvest", "--out", "o"], ["--query"]),
    (["nosuch"], ["nosuch"]),
    (["demo", "--out", "o", "--format", "csv", "--format", "xlsx"], ["--format is given twice: give it once (--format csv,xlsx for "
                                                                    "several)"]),
    (["harvest", "--query", "x", "--out", "a", "--out=b"], ["--out is given twice: give it once"]),
    (["https://digitalarchive.wilsoncenter.org/search?f%5B0%5D=people%3A81908"],
     ["'https://digitalarchive.wilsoncenter.org/search?f%5B0%5D=people%3A81908': a web address, not a command; harvest a "
      "search with: harvester harvest ADDRESS --out DIR"]),
    (["reparse", "--no-such-option"], ["--no-such-option"]),
    # a query not quoted: the shell splits it into words, which click took for arguments more ("Got unexpected extra
    # argument (War)"), or after --query for URL ("give only one of URL, --query or --all")
    (["harvest", "Korean", "War", "--out", "o"], ["Korean War: several words, not one search: give them quoted, as "
                                                  "--query 'Korean War'"]),
    (["harvest", "--query", "Korean", "War", "Armistice", "--out", "o"], ["--query 'Korean War Armistice'"]),
    (["harvest", "digitalarchive.wilsoncenter.org/search?a=1", "digitalarchive.wilsoncenter.org/search?b=2", "--out", "o"],
     ["digitalarchive.wilsoncenter.org/search?b=2: one argument more; harvest takes one search (harvester run takes several)"]),
    (["harvest", "--query", "1950/06", "Korea", "--out", "o"], ["--query '1950/06 Korea'"]),
    # said before the --out left out, which a user who gives it meets next; a word's "/" is no address's
    (["harvest", "Korean", "War"], ["Korean War: several words, not one search: give them quoted, as --query 'Korean War'"]),
    (["harvest", "Korean", "War/Peace", "--out", "o"], ["Korean War/Peace: several words, not one search: give them quoted, "
                                                        "as --query 'Korean War/Peace'"]),
    # a word more, where click said "Got unexpected extra argument (b.csv)", and no more
    (["report", "a.csv", "b.csv"], ["b.csv: one argument more; harvester report takes DATASET"]),
    (["prune", "out", "old", "--keep-runs", "2"], ["old: one argument more; harvester prune takes DIR"]),
    (["demo", "out"], ["out: one argument more; harvester demo takes none"]),
    # load is Python's, not a command, and click's "Did you mean" finds no command near it
    (["load", "data/x y.csv"], ["'load' is no command: harvester.load is Python's: python -c 'import harvester; "
                                "print(harvester.load(\"data/x y.csv\"))'; harvester report 'data/x y.csv' makes a page of it"]),
    (["load", "--help"], ["'load' is no command: harvester.load is Python's: python -c 'import harvester; "
                          "print(harvester.load(\"NAME.csv\"))'; harvester report NAME.csv makes a page of it"]),
])
def test_mistaken_options_are_one_line_and_exit_2(monkeypatch, capsys, tmp_path, args, words):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert code == 2 and err.count("\n") == 1
    assert_one_line_error(err, *words)


@pytest.mark.parametrize("args", [["harvest", ADDRESS, "extra", "--out", "o"], ["report", "a.csv", "b.csv"]])
def test_an_argument_more_ends_as_every_usage_error_does(monkeypatch, capsys, tmp_path, args):
    """Harvest's own "one argument more" points to its --help, as click's usage errors do."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert_one_line_error(err, "extra: one argument more" if args[0] == "harvest" else "b.csv: one argument more")
    assert err.endswith(f" {args[0]} --help)\n"), err


@pytest.mark.parametrize("args", [
    ["report", "my", "data.csv"], ["report", "my", "data.csv", "--out", "page.html"], ["prune", "my", "data", "--keep-runs", "2"],
    ["run", "my", "data.toml"], ["reparse", "my", "data", "--out", "o"], ["serve", "my", "data"],
])
def test_a_path_with_a_space_not_quoted_is_said(monkeypatch, capsys, tmp_path, args):
    """The shell split it in words: click took one for an argument more, or the command the first for the path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my data").mkdir()
    for name in ("my data.csv", "my data.toml"):
        (tmp_path / name).write_text("")
    code, out, err = run_cli(monkeypatch, capsys, *args)
    spaced = " ".join(args[1:3])
    assert code == 2 and err.count("\n") == 1
    assert_one_line_error(err, f"{spaced}: a path with a space: quote it ('{spaced}')")


@pytest.mark.parametrize("args, said", [
    (["reparse", "x.html", "--out", "out/my", "data"], "out/my data: a path with a space: quote it (--out 'out/my data')"),
    (["harvest", "--query", "x", "--out", "out/my", "data"], "out/my data: a path with a space: quote it (--out 'out/my data')"),
    (["harvest", "--out=out/my", "data", "--all"], "out/my data: a path with a space: quote it (--out 'out/my data')"),
    (["harvest", "digitalarchive.wilsoncenter.org/search?a=1", "--out", "out/my", "data"], "(--out 'out/my data')"),
    (["report", "a.csv", "--out", "my", "page.html"], "my page.html: a path with a space: quote it (--out 'my page.html')"),
    (["demo", "--out", "out/my", "data", "--details"], "out/my data: a path with a space: quote it (--out 'out/my data')"),
    (["demo", "--names", "my", "table.csv"], "my table.csv: a path with a space: quote it (--names 'my table.csv')"),
    # no path of the option's, but a mistake of its own: a word that names something, a path the command needs, the
    # option's value a file that is there, harvest's one search; a new folder's words are no path there to tell by
    (["report", "a.csv", "--out", "page.html", "b.csv"], "b.csv: one argument more; harvester report takes DATASET"),
    (["demo", "--out", "new", "data"], "data: one argument more; harvester demo takes none; a folder with a space? quote "
                                       "it, as --out 'new data'"),
    (["reparse", "--out", "o", "pagez"], "pagez: no such file or folder"),
    (["demo", "--names", "names.csv", "extra"], "extra: one argument more; harvester demo takes none"),
    (["harvest", ADDRESS, "--names", "names.csv", "extra", "--out", "o"], "extra: one argument more; harvest takes one search"),
    (["harvest", ADDRESS, "--out", "out", "extra"], "extra: one argument more; harvest takes one search"),
    (["harvest", ADDRESS, "--out", "o", "--base-url", "http://127.0.0.1:8000", "extra"],
     "extra: one argument more; harvest takes one search"),
    (["harvest", "--out", "o", "Korean", "War"], "Korean War: several words, not one search: give them quoted, as "
                                                 "--query 'Korean War'"),
    # a new folder, and pages as many as reparse takes: the word that names nothing is a page mistyped, not the folder's
    (["reparse", "--out", "o", "typo.html", "x.html"], "typo.html: no such file or folder"),
    (["reparse", "--out", "o", "typo.html", "--", "x.html"], "typo.html: no such file or folder"),
], ids=["reparse", "harvest", "equals", "harvest-url", "report", "demo", "names", "named", "new", "needed", "there",
        "harvest-file-there", "harvest-folder-there", "harvest-address", "query", "mistyped", "mistyped-double-dash"])
def test_a_path_with_a_space_given_to_an_option_not_quoted_is_said(monkeypatch, capsys, tmp_path, args, said):
    """The shell split it in words: the command took the words after the first for its arguments ("data: no such file
    or folder"), or harvest for its query's."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out" / "my data").mkdir(parents=True)   # (a run again into a folder of an earlier one)
    for name in ("x.html", "a.csv", "b.csv", "names.csv", "my table.csv", "my page.html"):
        (tmp_path / name).write_text("")
    before = sorted(tmp_path.iterdir())
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert_one_line_error(err, said)
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("args, said", [
    (["harvest", "--out", "my", "data", ADDRESS], "--out my, then data: a folder with a space? quote it, as --out 'my data'"),
    (["harvest", ADDRESS, "--out", "my", "new", "data"], "--out my, then new data: a folder with a space? quote it, as "
                                                         "--out 'my new data'"),
    (["harvest", "--out=my", "data", "--all"], "--out my, then data: a folder with a space? quote it, as --out 'my data'"),
    (["harvest", "--query", "x", "--out", "my", "War"], "--out my, then War: a folder with a space? quote it, as --out 'my War'"),
    (["harvest", "--name", "korean", "war", ADDRESS, "--out", "o"], "--name korean, then war: a dataset's name has no space, "
                                                                    "as --name korean-war"),
    # a file to read, neither its first word nor the words joined there: quoting them would give a file that is not there
    (["harvest", "--all", "--out", "o", "--names", "my", "names.csv"], "--names my, then names.csv: neither my nor "
                                                                       "'my names.csv' is a file there"),
    (["harvest", "--all", "--out", "o", "--cookies", "my", "cookies.txt"], "--cookies my, then cookies.txt: neither my nor "
                                                                           "'my cookies.txt' is a file there"),
    (["harvest", "--all", "--out", "my", "data", "--name", "korean", "war"], "--out my, then data: a folder with a space? quote "
                                                                             "it, as --out 'my data'"),
    # the words are harvest's search: its query's, or one search more
    (["harvest", "--out", "o", "Korean", "War"], "Korean War: several words, not one search: give them quoted, as --query "
                                                 "'Korean War'"),
    (["harvest", "--out", "o", ADDRESS, "a.html"], "a.html: one argument more; harvest takes one search"),
], ids=["out", "out-after-url", "equals", "query", "name", "names", "cookies", "two", "query-words", "page"])
def test_a_new_path_given_to_harvest_not_quoted_is_said(monkeypatch, capsys, tmp_path, args, said):
    """The shell split an option's value, and harvest took its words after the first for a search more: from an empty
    folder, where no path tells it (War is a file here: a bare word is no page)."""
    monkeypatch.chdir(tmp_path)
    for name in ("War", "a.html"):
        (tmp_path / name).write_text("")
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert_one_line_error(err, said)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["War", "a.html"]


@pytest.mark.parametrize("args, said, advised", [
    # --all takes no words: harvest advised a --query alongside it, which it refuses
    (["harvest", "--all", "Korean", "War", "--out", "o"], "Korean War: --all takes no words: drop them, or search for them "
     "in its place, as --query 'Korean War'", ["harvest", "--query", "Korean War", "--out", "o"]),
    (["harvest", "Korean", "--out", "o", "--all"], "Korean: --all takes no words: drop them, or search for them in its "
     "place, as --query Korean", ["harvest", "--out", "o", "--all"]),
    (["harvest", "--all", "--query", "x", "Korean", "War", "--out", "o"], "x Korean War: --all takes no words: drop them, or "
     "search for them in its place, as --query 'x Korean War'", ["harvest", "--query", "x Korean War", "--out", "o"]),
    # no site's name has a space: it advised --site 'wilson center'
    (["harvest", "--site", "wilson", "center", "--all", "--out", "o"], "--site wilson, then center: no site's name has a "
     "space; the sites: wilson", ["harvest", "--site", "wilson", "--all", "--out", "o"]),
    (["harvest", ADDRESS, "--site", "wilson", "center", "--out", "o"], "--site wilson, then center: no site's name has a space",
     ["harvest", ADDRESS, "--out", "o"]),
    # formats are joined by commas: it advised --format 'csv json'
    (["harvest", "--all", "--format", "csv", "json", "--out", "o"], "--format csv, then json: formats are joined by commas, "
     "as --format csv,json", ["harvest", "--all", "--format", "csv,json", "--out", "o"]),
    # the folder o is there: the word more is the one that is no search, not the address after it
    (["harvest", "--out", "there", "extra", ADDRESS], "extra: one argument more; harvest takes one search",
     ["harvest", "--out", "there", ADDRESS]),
    (["harvest", "extra", ADDRESS, "--out", "there"], "extra: one argument more; harvest takes one search",
     ["harvest", ADDRESS, "--out", "there"]),
    # demo and reparse took the folder's word for an argument more, and for a page
    (["demo", "--out", "new", "data"], "data: one argument more; harvester demo takes none; a folder with a space? quote it, "
     "as --out 'new data'", ["demo", "--out", "new data"]),
    (["demo", "--name", "korean", "war"], "war: one argument more; harvester demo takes none; a dataset's name has no space, "
     "as --name korean-war", ["demo", "--name", "korean-war"]),
    (["reparse", "saved/a.html", "--out", "new", "data"], "--out new, then data: a folder with a space? quote it, as --out "
     "'new data'", ["reparse", "saved/a.html", "--out", "new data"]),
    (["reparse", "--out", "new", "data", "saved"], "--out new, then data: a folder with a space? quote it, as --out "
     "'new data'", ["reparse", "--out", "new data", "saved"]),
    (["reparse", "saved", "--name", "korean", "war", "--out", "o"], "--name korean, then war: a dataset's name has no space, "
     "as --name korean-war", ["reparse", "saved", "--name", "korean-war", "--out", "o"]),
    (["harvest", "--all", "--contact", "Ann", "Lee", "--out", "o"], "--contact Ann, then Lee: a value with a space? quote it, "
     "as --contact 'Ann Lee'", ["harvest", "--all", "--contact", "Ann Lee", "--out", "o"]),
    # a word that names no format is not the format's: it advised --format csv,Korean,War, and csv,pagez
    (["harvest", "--all", "--format", "csv", "Korean", "War", "--out", "o"], "Korean War: --all takes no words: drop them, or "
     "search for them in its place, as --query 'Korean War'", ["harvest", "--format", "csv", "--query", "Korean War", "--out", "o"]),
    (["reparse", "saved", "--format", "csv", "pagez", "--out", "o"], "pagez: no such file or folder",
     ["reparse", "saved", "--format", "csv", "--out", "o"]),
    # a name joined that check_name refuses is not advised: it advised --name 'korean-war!'
    (["harvest", "--all", "--name", "korean", "war!", "--out", "o"], "--name korean, then war!: a dataset's name has no space, "
     "and --name 'korean-war!': use letters, digits", ["harvest", "--all", "--name", "korean-war", "--out", "o"]),
    # after a site that is there, a word that makes no site's name with it is the command's: it was said as the site's
    (["reparse", "saved", "--site", "wilson", "pagez", "--out", "o"], "pagez: no such file or folder",
     ["reparse", "saved", "--site", "wilson", "--out", "o"]),
    (["harvest", "--all", "--site", "wilson", "Korean", "--out", "o"], "Korean: --all takes no words: drop them, or search "
     "for them in its place, as --query Korean", ["harvest", "--all", "--site", "wilson", "--out", "o"]),
    # a bare word not there after a new folder, pages given: the folder's word, or a page mistyped (it said only the first)
    (["reparse", "saved", "--out", "o", "pagez"], "--out o, then pagez: a folder with a space? quote it, as --out 'o pagez'; "
     "or pagez: no such file or folder", ["reparse", "saved", "--out", "o pagez"]),
    # a new page with a space, which report writes as it writes any page: it said "page.html: one argument more"
    (["report", "there/a.csv", "--out", "my", "page.html"], "page.html: one argument more; harvester report takes DATASET; "
     "a path with a space? quote it, as --out 'my page.html'", ["report", "there/a.csv", "--out", "my page.html"]),
    # a file with a space there, where its last word names a file too: it said "names.csv: one argument more"
    (["demo", "--names", "my", "names.csv"], "my names.csv: a path with a space: quote it (--names 'my names.csv')",
     ["demo", "--names", "my names.csv"]),
], ids=["all-words", "all-word", "all-query", "site", "site-url", "format", "extra-first", "extra-before-url", "demo",
        "demo-name", "reparse", "reparse-folder", "reparse-name", "contact", "format-query", "format-page", "name-letters",
        "site-then-page", "site-then-word", "reparse-page", "report-page", "names-there"])
def test_a_line_the_shell_split_is_said_with_advice_that_runs(monkeypatch, capsys, tmp_path, args, said, advised):
    """Each word misread is named, and the line the message advises runs: harvest goes on to ask the site (here a port
    that no one listens on: exit 3), the demo and the re-parse write their dataset (the page saved holds some of its
    search's documents: a warning, exit 1), report its page of a dataset (one with no records)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "there").mkdir()
    (tmp_path / "saved").mkdir()
    shutil.copy(SEED / "page-0.html", tmp_path / "saved" / "a.html")
    write_dataset([], tmp_path / "there", "a", ["csv"])
    for name in ("names.csv", "my names.csv"):   # (names tables, the shipped one's columns)
        (tmp_path / name).write_text("canonical,kind,variant,note\n")
    before = sorted(tmp_path.iterdir())
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert_one_line_error(err, said)
    assert sorted(tmp_path.iterdir()) == before
    more = {"harvest": ["--base-url", f"http://127.0.0.1:{free_port()}", "--delay", "0"],
            "demo": ["--port", "0", "--delay", "0"]}.get(args[0], [])
    code, out, err = run_cli(monkeypatch, capsys, *advised, *more)
    assert code in ((3,) if args[0] == "harvest" else (0, 1)), err


@pytest.mark.parametrize("args, said", [
    (["report", "a.csv", "--out", "my", "page"], "page: one argument more; harvester report takes DATASET"),
    (["demo", "--names", "my", "table.csv"], "table.csv: one argument more; harvester demo takes none"),
    (["reparse", "a.csv", "--names", "my", "table", "--out", "o"], "my: cannot read the names file"),
    (["harvest", "--all", "--names", "my", "table.csv", "--out", "o"], "--names my, then table.csv: neither my nor "
     "'my table.csv' is a file there"),
    (["report", "a.csv", "--out", "new/my", "page.html"], "page.html: one argument more; harvester report takes DATASET"),
])
def test_the_words_after_a_file_not_there_get_no_advice_that_would_not_run(monkeypatch, capsys, tmp_path, args, said):
    """A file to read must be there (and one there, with a space, is said so); report's page must end in .html, in a folder there: quoting
    the words would give a file that is not there, or a page refused."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("")
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert_one_line_error(err, said)
    assert "quote it" not in err, err


def test_a_page_there_after_a_new_out_folder_is_a_page(monkeypatch, tmp_path):
    """reparse saved/a.html --out new data, where a folder data is there: data is a folder of pages, not the new folder's."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "a.html").write_text("")
    context = cli.commands["reparse"].make_context("reparse", ["a.html", "--out", "new", "data"])
    assert context.params["paths"] == (Path("a.html"), Path("data"))


def test_a_home_folder_after_a_new_out_folder_is_a_folder_of_pages(monkeypatch, tmp_path):
    """reparse a.html --out new '~': ~ is one's home, as the paths read it, not the new folder's word more."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "a.html").write_text("")
    context = cli.commands["reparse"].make_context("reparse", ["a.html", "--out", "new", "~"])
    assert context.params["paths"] == (Path("a.html"), tmp_path / "home")


@pytest.mark.parametrize("args", [["harvest", "--out", "out", "Korean", "War"], ["harvest", "Korean", "War", "--out", "o"],
                                  ["harvest", "--query", "Korean", "War", "--out", "o"]])
def test_a_query_word_that_names_a_file_here_is_still_a_query_word(monkeypatch, capsys, tmp_path, args):
    """A word with no "/" or "." reads as a query's, even where a file or folder has its name ("War: one argument more")."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "War").write_text("")
    (tmp_path / "Korean").mkdir()
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert_one_line_error(err, "Korean War: several words, not one search: give them quoted, as --query 'Korean War'")


def test_pages_given_after_a_new_out_folder_are_pages(monkeypatch, tmp_path):
    """reparse --out new "~/saved" x.html: the pages are there (a quoted ~ is one's home), and none is the new folder's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "saved").mkdir()
    (tmp_path / "x.html").write_text("")
    context = cli.commands["reparse"].make_context("reparse", ["--out", "new", "~/saved", "x.html"])
    assert context.params["paths"] == (tmp_path / "saved", Path("x.html"))


@pytest.mark.parametrize("folder", ["saved/", ""])
def test_saved_pages_given_to_harvest_are_no_query_words(monkeypatch, capsys, tmp_path, folder):
    """A word's "/" may be a query's (War/Peace), but not a page on this machine's, in a folder or in this one: harvest
    says it takes one search (not to harvest --query 'a.html b.html')."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "saved").mkdir()
    for name in ("a.html", "b.html"):
        (tmp_path / folder / name).write_text("")
    code, out, err = run_cli(monkeypatch, capsys, "harvest", f"{folder}a.html", f"{folder}b.html", "--out", "o")
    assert (code, out) == (2, "")
    assert_one_line_error(err, f"{folder}b.html: one argument more; harvest takes one search (harvester run takes several)")


def test_words_that_are_no_path_are_never_a_path_with_a_space(monkeypatch, tmp_path):
    """run's NAMEs are datasets, not paths, whatever folder their words name; and many paths, none there, are told
    apart with a few looks each at the disk, however many there are (a path's words are joined to the next ones only
    while a file could be named so: not every word to every later one, millions of looks for 2,000 paths)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cold war").mkdir()
    (tmp_path / "h.toml").write_text("")
    assert cli.commands["run"].make_context("run", ["h.toml", "cold", "war"]).params["datasets"] == ("cold", "war")
    looks, length = 0, 0
    def counted(look):
        def looked(path):
            nonlocal looks, length
            looks, length = looks + 1, length + len(os.fspath(path))
            return look(path)
        return looked
    monkeypatch.setattr(os.path, "exists", counted(os.path.exists))
    monkeypatch.setattr(os.path, "isdir", counted(os.path.isdir))
    cli.commands["reparse"].make_context("reparse", [f"page {number}.html" for number in range(2000)] + ["--out", "o"])
    assert 2000 <= looks <= 100 * 2000
    # after an option's path, the words are joined to it only while a path could be there, not each to all the pages
    # before it: "o pages/0.html pages" is no folder
    (tmp_path / "pages").mkdir()
    length = 0
    cli.commands["reparse"].make_context("reparse", ["--out", "o"] + [f"pages/{number}.html" for number in range(20000)])
    assert length <= 1000 * 20000


def test_many_pages_there_are_told_apart_in_work_that_grows_with_their_number(monkeypatch, tmp_path):
    """reparse of a folder's 50,000 pages (pages/*.html): a page that is there is joined to no word after it, so its
    words are not each gone over for every page before them (which took minutes); counted in Python's calls, not time."""
    monkeypatch.chdir(tmp_path)
    pages = [f"{number}.html" for number in range(2000)]
    for page in pages:
        (tmp_path / page).write_text("")
    calls = 0
    def counted(frame, event, arg):
        nonlocal calls
        calls += event == "call"
    sys.setprofile(counted)
    try:
        cli.commands["reparse"].make_context("reparse", ["--out", "o", *pages])
    finally:
        sys.setprofile(None)
    assert calls <= 100 * len(pages)


@pytest.mark.parametrize("args, said", [
    (["harvest", "--query", "--out", "o"], "--query needs a value: --out after it is an option"),
    (["harvest", "--query", "x", "--out", "--name", "d"], "--out needs a value: --name after it is an option"),
    (["harvest", "--query", "x", "--name", "--out", "o"], "--name needs a value: --out after it is an option"),
    (["harvest", "--query", "x", "--base-url", "--out", "o"], "--base-url needs a value: --out after it is an option"),
    (["harvest", "--query", "x", "--out", "o", "--delay", "--details"], "--delay needs a value: --details after it is"),
    (["harvest", "--query", "-q", "--out", "o"], "--query needs a value: -q after it is an option"),
    (["harvest", "--query", "x", "--out", "o", "--format"], "--format needs a value, and none follows it"),
    (["reparse", "--out", "--name=d", "pages"], "--out needs a value: --name=d after it is an option"),
    (["demo", "--out", "--details"], "--out needs a value: --details after it is an option"),
    (["prune", "data", "--keep-runs", "--dry-run"], "--keep-runs needs a value: --dry-run after it is an option"),
    (["harvest", "--query", "--", "--out", "o"], "--query needs a value: -- after it ends the options (--query=-- if you "
                                                 "mean it)"),
    (["reparse", "--out", "--", "pages"], "--out needs a value: -- after it ends the options"),
], ids=["query", "out", "name", "base-url", "delay", "short-option", "last", "equals", "demo", "prune", "double-dash",
        "double-dash-out"])
def test_an_option_whose_value_was_forgotten_is_named_not_taken_for_the_next_option(monkeypatch, capsys, tmp_path, args, said):
    """--query --out o: click took --out for the query, and then said "Missing option '--out'"; --query -- took "--" for
    the query, and --out -- made a folder of that name."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert_one_line_error(err, said)
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_failure_is_one_line_and_exit_7_never_a_success_code(monkeypatch, capsys, tmp_path):
    import harvester.cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(harvester.cli, "reparse", broken)
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(tmp_path))
    assert code == 7
    assert_one_line_error(err, "ZeroDivisionError", "division by zero")


@pytest.mark.parametrize("command", ["harvest", "reparse", "serve", "demo", "run", "report", None])
def test_every_help_shows_a_whole_example_line(monkeypatch, capsys, command):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, err = run_cli(monkeypatch, capsys, *([command] if command else []), "--help")
    examples = [line.strip() for line in out.splitlines() if line.strip().startswith("harvester ")]
    assert code == 0 and examples
    assert all(not line.endswith(("--port", "--contact", "--out")) for line in examples), examples


def test_harvesting_the_live_site_without_a_contact_warns_before_any_request(monkeypatch, capsys, tmp_path):
    import harvester.cli

    def refuse(*args, **kwargs):
        raise harvester.cli.UsageError("stopped here: no network in tests")

    monkeypatch.setattr(harvester.cli, "harvest", refuse)
    code, out, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean War", "--out", str(tmp_path))
    assert code == 2 and "no --contact" in err and "digitalarchive.wilsoncenter.org" in err
    code, out, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean War", "--out", str(tmp_path), "--contact", "me@example.org")
    assert code == 2 and "no --contact" not in err


def test_a_contact_with_accents_is_sent_without_them(monkeypatch, capsys, tmp_path):
    """The User-Agent header carries ASCII only: "José García" is sent as "Jose Garcia", not refused."""
    import harvester.cli

    sent = []
    monkeypatch.setattr(harvester.cli, "harvest", lambda *args, **kwargs: sent.append(args[5]) or sys.exit(0))
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean War", "--out", str(tmp_path),
                           "--contact", "José García, Søren Łukasz Straße <jose@example.org>")
    assert code == 0, err
    assert sent[0].product_token.endswith("(research data harvester; +Jose Garcia, Soren Lukasz Strasse <jose@example.org>)")
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean War", "--out", str(tmp_path),
                           "--contact", "金日成 <kim@example.org>")
    assert code == 2 and err == ("harvester: error: --contact '金日成 <kim@example.org>': the User-Agent header carries plain "
                                 "ASCII only (no line breaks, accents dropped): '金日成' cannot be sent\n")


@pytest.mark.slow
@pytest.mark.parametrize(("stop", "code", "said"), [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "stopped (SIGTERM)")])
def test_ctrl_c_or_sigterm_stops_the_harvest_with_one_line_saying_it_resumes(monkeypatch, capsys, tmp_path, stop, code, said):
    import os
    import signal
    import subprocess
    import sys

    from tests.faultserver import FaultServer, synthetic_pages
    from tests.sitegen import doc

    with FaultServer(synthetic_pages([doc(n) for n in range(200)])) as server:
        command = [sys.executable, "-m", "harvester", "-q", "harvest", "--query", "q", "--base-url", server.origin,
                   "--out", str(tmp_path), "--name", "d", "--delay", "0.05"]
        # as a terminal's foreground job: Ctrl-C not ignored (a shell starts background jobs, CI's too, with it ignored)
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 30
        while len(server.search_requests()) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(process.pid, getattr(signal, stop))   # as a terminal (or cron, systemd) sends it: to the process group
        _, stderr = process.communicate(timeout=20)
        assert process.returncode == code
        assert stderr.strip().splitlines() == [
            f"harvester: {said}: the pages fetched so far are kept ({tmp_path / 'archive'}); the dataset's files are as they "
            "were; run the same command again to resume"]
        assert not (tmp_path / "d.csv").exists()
        fetched = len(server.search_requests())
        resumed, out, err = run_cli(monkeypatch, capsys, *command[3:])   # the same command, in this process
    assert resumed == 0, err
    assert len(server.search_requests()) <= 20 + 1 and len(server.search_requests()) - fetched < 20   # only the rest
    # its summary says its requests are this session's: the rest came from the archive
    said = re.search(r"\(20 results pages, (\d+) requests this time: the resumed run read (\d+) pages? back from its "
                     r"archive\)", out)
    assert said and int(said[2]) >= 1 and int(said[1]) - 1 + int(said[2]) == 20, out   # (and robots.txt)


@pytest.mark.parametrize("host", ["127.1.", "localhost.", "LOCALHOST."])
@pytest.mark.parametrize("given", ["address", "base_url"])
def test_a_host_of_this_machine_with_a_final_dot_is_harvested_as_without_it(monkeypatch, capsys, tmp_path, host, given):
    """127.1. is 127.1, localhost. localhost, as browsers read them: a pasted address on one was said to be no address of
    the site or of this machine, and a --base-url on one could not be reached (no resolver reads 127.1. as an address;
    this machine's hosts file names no localhost.)."""
    from tests.faultserver import FaultServer, synthetic_pages
    from tests.sitegen import doc

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        origin = server.origin.replace("127.0.0.1", host)
        where = [f"{origin}/search?search_api_fulltext=q"] if given == "address" else ["--query", "q", "--base-url", origin]
        code, _, err = run_cli(monkeypatch, capsys, "harvest", *where, "--out", str(tmp_path), "--name", "d", "--delay", "0")
    assert code == 0 and len(dataset(tmp_path, "d")) == 3, err


def test_a_run_started_again_before_any_page_was_fetched_claims_no_pages_from_its_archive(monkeypatch, capsys, tmp_path):
    from tests.faultserver import Fault, FaultServer, synthetic_pages
    from tests.sitegen import doc

    refused = [True]
    with FaultServer(synthetic_pages([doc(n) for n in range(15)]),
                     lambda n, path: Fault(404) if refused[0] and path.startswith("/search") else None) as server:
        args = ["harvest", "--query", "q", "--base-url", server.origin, "--out", str(tmp_path), "--name", "d", "--delay", "0"]
        assert run_cli(monkeypatch, capsys, *args)[0] == 3
        refused[0] = False
        code, out, err = run_cli(monkeypatch, capsys, *args)
    assert code == 0, err
    assert "harvested 15 of 15 documents" in out and "(2 results pages, 3 requests)" in out and "archive" not in out


@pytest.mark.parametrize(("missing", "hint"), [("/search", True), ("page=1", False)], ids=["first-page", "a-later-page"])
def test_a_search_page_the_site_does_not_have_says_to_check_the_address_when_it_is_the_first(monkeypatch, capsys, tmp_path,
                                                                                             missing, hint):
    """A 404 on a search's first page is a mistyped address or --base-url, and is said so; on a later page, as it is."""
    from tests.faultserver import Fault, FaultServer, synthetic_pages
    from tests.sitegen import doc

    with FaultServer(synthetic_pages([doc(n) for n in range(15)]),
                     lambda n, path: Fault(404) if path.startswith("/search") and missing in path else None) as server:
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "q", "--base-url", server.origin, "--out",
                               str(tmp_path / "o"), "--name", "d", "--delay", "0")
    assert code == 3
    assert_one_line_error(err, "HTTP 404")
    assert ("the site has no such search page; check the search's address (or --base-url)" in err) == hint, err


@pytest.mark.parametrize("where", ["new-folder", "over-a-dataset"])
def test_a_file_of_ones_own_where_a_dataset_file_goes_is_never_written_over(monkeypatch, capsys, tmp_path, where):
    out = tmp_path / "o"
    if where == "over-a-dataset":     # a dataset whose CSV was edited and saved in place: no longer harvester's link
        assert run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp")[0] == 0
        (out / "kwp.csv").unlink()
    out.mkdir(exist_ok=True)
    (out / "kwp.csv").write_text("MY OWN WORK\n", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "kwp")
    assert code == 2
    assert_one_line_error(err, f"{out / 'kwp.csv'}: not the link harvester made there", "nothing was written", "move it away")
    assert {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before


@pytest.mark.parametrize("damage", ["torn-through-its-link", "a-file-over-its-link"])
def test_a_damaged_data_package_stops_the_next_harvest_in_one_line_and_nothing_is_lost(monkeypatch, capsys, tmp_path, damage):
    """The data package half written (a program killed while it saved it through harvester's link), or a package of
    another tool saved in its place: the next harvest writes nothing and says which file; `load` still reads the records,
    and `report` names the package it cannot read."""
    import harvester
    from tests.faultserver import FaultServer, synthetic_pages
    from tests.sitegen import doc

    out, package = tmp_path / "o", tmp_path / "o" / "d.datapackage.json"
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        harvest = ("harvest", "--query", "q", "--base-url", server.origin, "--out", str(out), "--name", "d", "--delay", "0")
        assert run_cli(monkeypatch, capsys, *harvest)[0] == 0
        torn = package.read_bytes()[:300]
        if damage == "a-file-over-its-link":
            package.unlink()
        package.write_bytes(torn)
        before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
        code, _, err = run_cli(monkeypatch, capsys, *harvest)
        assert code == 2 and {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == before
        assert_one_line_error(err, f"{package}: ", "nothing was written")
        assert len(harvester.load(package)) == len(harvester.load(out / "d.csv")) == 12
        code, _, err = run_cli(monkeypatch, capsys, "report", str(out / "d.csv"))
        assert code == 2
        assert_one_line_error(err, f"{package}: cannot be read as JSON (")
        package.unlink()
        assert run_cli(monkeypatch, capsys, *harvest)[0] == 0 and json.loads(package.read_text(encoding="utf-8"))["name"] == "d"


@pytest.mark.parametrize("command", ["reparse-from", "reparse-into", "serve", "harvest-into"])
def test_a_path_the_system_refuses_is_one_line_naming_it_not_a_bug(monkeypatch, capsys, tmp_path, command):
    """A path the system refuses (here a name longer than the file system allows; as well a folder the user may not
    open) is the user's to change: exit 2, naming the path, not "a bug"."""
    far = str(tmp_path / ("a" * 300))
    args = {"reparse-from": ["reparse", far, "--out", str(tmp_path / "o")],
            "reparse-into": ["reparse", str(SEED), "--out", far],
            "serve": ["serve", far, "--port", "0"],
            "harvest-into": ["harvest", "--query", "x", "--base-url", "http://127.0.0.1:9", "--out", far]}[command]
    code, _, err = run_cli(monkeypatch, capsys, *args)
    assert code == 2, err
    assert_one_line_error(err, far, "a name in the path is too long for the file system")
    assert "a bug" not in err


def test_a_page_that_does_not_say_its_search_is_never_named_the_whole_archive(monkeypatch, capsys, tmp_path):
    page = (SEED / "page-0.html").read_text(encoding="utf-8")
    page = re.sub(r'<!-- saved from url=\(\d+\)[^>]*-->|<link rel="canonical"[^>]*>', "", page)
    (tmp_path / "p.html").write_text(page.replace('data-drupal-selector="drupal-settings-json"', ""), encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "p.html"), "--out", str(tmp_path / "o"))
    assert code == 1 and "does not say which search it is of" in err
    assert sorted(p.name for p in (tmp_path / "o").glob("*.csv")) == ["wilson-reparse.csv", "wilson-reparse.people.csv"]


def test_a_page_that_says_neither_its_search_nor_its_total_is_said_so_and_its_total_is_unknown(monkeypatch, capsys, tmp_path):
    page = (SEED / "page-0.html").read_text(encoding="utf-8")
    page = re.sub(r'<!-- saved from url=\(\d+\)[^>]*-->|<link rel="canonical"[^>]*>|<div class="results-summary">.*?</div>', "", page)
    (tmp_path / "p.html").write_text(page.replace('data-drupal-selector="drupal-settings-json"', ""), encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "p.html"), "--out", str(tmp_path / "o"))
    assert code == 1 and "does not say which search it is of" in err and "None" not in err
    package = json.loads((tmp_path / "o" / "wilson-reparse.datapackage.json").read_text(encoding="utf-8"))
    assert package["harvest"]["total"] is None     # unknown, not none at all


def test_a_reparse_never_replaces_a_harvested_dataset(monkeypatch, capsys, tmp_path):
    with Serving([SEED]) as serving:
        assert run_cli(monkeypatch, capsys, "harvest", "--query", "Korean Workers' Party", "--base-url", serving.origin,
                       "--out", str(tmp_path), "--delay", "0", "--name", "kwp")[0] == 0
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "archive"), "--out", str(tmp_path), "--name", "kwp")
    assert code == 2
    assert_one_line_error(err, "kwp is a harvested dataset", "re-parse into another --out, or give another --name")
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()} == before
    assert run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "archive"), "--out", str(tmp_path / "again"))[0] == 0


def test_nothing_is_printed_after_a_stops_line_whatever_is_left_to_clean_up_at_exit(tmp_path):
    import subprocess

    # what a Ctrl-C can leave behind (the pipe of a browser driver it killed): an object whose clean-up at exit prints
    script = (
        "import sys\n"
        "import harvester.cli as cli\n"
        "class LeftOver:\n"
        "    def __del__(self):\n"
        "        sys.stderr.write('cleaned up at exit\\n')\n"
        "left = LeftOver()\n"
        "def stopped(*args, **kwargs):\n"
        "    raise KeyboardInterrupt\n"
        "cli.harvest = stopped\n"
        f"sys.argv = ['harvester', '-q', 'harvest', '--query', 'q', '--base-url', 'http://127.0.0.1:9', '--out', {str(tmp_path)!r}]\n"
        "cli.main()\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 130
    assert run.stderr.strip().splitlines() == ["harvester: interrupted: no page was fetched, and nothing written; "
                                               "run the same command again to resume"]


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("command, when", [("demo", "as its summary shows"), ("report", "as Python exits")])
def test_a_ctrl_c_once_the_command_is_done_has_nothing_left_to_stop(monkeypatch, capsys, tmp_path, command, when, stop):
    """Ctrl-C as a run's summary shows (the demo's server still closing): it said "interrupted: nothing written" of the
    files just written, exit 130. As the interpreter exits: it killed the process with nothing said (or a traceback).
    Either comes once everything is done and said: it is ignored. So is a SIGTERM (it said "stopped (SIGTERM): nothing
    written", exit 143; as the interpreter exits, a traceback)."""
    import subprocess

    out = tmp_path / "o"
    if command == "report":   # (its dataset made in this process: only the report's process is stopped)
        assert run_cli(monkeypatch, capsys, "-q", "demo", "--out", str(out), "--delay", "0", "--port", "0")[0] == 0
    args = ["-q", "demo", "--out", str(out), "--delay", "0", "--port", "0"] if command == "demo" else ["report", str(out)]
    script = ("import atexit, os, signal, sys\n"
              "import harvester.cli as cli\n"
              "said = cli._say\n"
              "def stop():\n"
              f"    os.kill(os.getpid(), signal.{stop})\n"
              "def then_stopped(text, err=False):\n"
              "    said(text, err)\n"
              "    if text.startswith('harvested'):\n"
              "        stop()\n"
              + ("cli._say = then_stopped\n" if when == "as its summary shows" else "atexit.register(stop)\n")
              + f"sys.argv = ['harvester', *{args!r}]\n"
              "from harvester.__main__ import run\n"
              "run()\n")
    # as from a terminal: Ctrl-C not ignored (a shell starts background jobs, CI's too, with it ignored)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert (done.returncode, done.stderr) == (0, "") and done.stdout.startswith("harvested" if command == "demo" else "wrote")


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("at", ["harvested", "harvest 1,"], ids=["its-first-harvests-summary", "its-summary"])
def test_a_stop_once_a_harvest_of_a_run_or_the_run_is_done_has_nothing_left_to_stop(tmp_path, stop, at):
    """A run of a harvests file whose second harvest fails (no such search). A SIGTERM as the first harvest's summary
    shows said "harvest 1, kwp: nothing written; to finish the run: ... kwp none" of the harvest done; Ctrl-C or SIGTERM as
    the run's own summary shows, "nothing written" (exit 130, 143), of what the first harvest wrote."""
    import subprocess

    script = ("import os, signal, sys\n"
              "import harvester.cli as cli\n"
              "said = cli._say\n"
              "def then_stopped(text, err=False):\n"
              "    said(text, err)\n"
              f"    if text.startswith({at!r}):\n"
              f"        os.kill(os.getpid(), signal.{stop})\n"
              "cli._say = then_stopped\n"
              f"sys.argv = ['harvester', '-q', 'run', {str(tmp_path / 'h.toml')!r}]\n"
              "from harvester.__main__ import run\n"
              "run()\n")
    with Serving([SEED]) as serving:
        (tmp_path / "h.toml").write_text(f'base_url = "{serving.origin}"\ndelay = 0\ncontact = "me@example.org"\n[[harvest]]\n'
                                         f'query = "{QUERY}"\nname = "kwp"\n[[harvest]]\nquery = "nothing"\nname = "none"\n',
                                         encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # (as from a terminal)
    assert done.returncode == 3 and done.stderr.startswith(f"harvester: error: {tmp_path / 'h.toml'}: harvest 2: ")
    assert done.stderr.count("\n") == 1 and done.stdout.splitlines()[-2:] == [
        "2 harvests: 1 done, 1 failed", f"to run those again: harvester run {tmp_path / 'h.toml'} none"]


def test_a_stop_as_a_harvests_warnings_are_printed_has_nothing_left_to_stop(tmp_path):
    """Ctrl-C as the warnings of a harvest that wrote its files are printed: it said "nothing written" (exit 130)."""
    import subprocess

    script = ("import os, signal, sys\n"
              "import harvester.cli as cli\n"
              "warned = cli.log.warning\n"
              "def then_stopped(*args):\n"
              "    warned(*args)\n"
              "    if 'stopped after 1 page' in args[-1]:\n"
              "        os.kill(os.getpid(), signal.SIGINT)\n"
              "cli.log.warning = then_stopped\n"
              "sys.argv = ['harvester', *sys.argv[1:]]\n"
              "from harvester.__main__ import run\n"
              "run()\n")
    with Serving([SEED]) as serving:
        done = subprocess.run([sys.executable, "-c", script, "-q", "harvest", "--query", QUERY, "--base-url", serving.origin,
                               "--out", str(tmp_path), "--name", "kwp", "--delay", "0", "--max-pages", "1"],
                              capture_output=True, text=True, timeout=60,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # (as from a terminal)
    assert done.returncode == 1 and "interrupted" not in done.stderr and done.stdout.startswith("harvested 10 of 19")


@pytest.mark.parametrize(("command", "stop", "code", "said"), [
    ("harvest", "SIGINT", 130, "interrupted: the pages fetched so far are kept ({archive}); the dataset's files are as they "
                               "were; run the same command again to resume"),
    ("harvest", "SIGTERM", 143, "stopped (SIGTERM): the pages fetched so far are kept ({archive}); the dataset's files are "
                                "as they were; run the same command again to resume"),
    ("run", "SIGINT", 130, "interrupted: harvest 1, kwp: the pages fetched so far are kept ({archive}); the dataset's files "
                           "are as they were; to finish the run: harvester run {harvests} kwp none (this harvest resumes)"),
    ("reparse", "SIGINT", 130, "interrupted: nothing written")])
def test_a_stop_a_library_turns_into_an_error_of_its_own_is_said_as_the_stop(tmp_path, command, stop, code, said):
    """openpyxl catches everything as it converts a value (a bare except), a Ctrl-C or SIGTERM too, and raises a TypeError
    in its place: a stop as the XLSX file was written was said as a bug (exit 7), not as the stop it was. Here the signal
    comes as openpyxl converts a column's width, in its own try."""
    script = ("import os, signal, sys\n"
              "import harvester.output.xlsx as xlsx\n"
              "class Width:\n"
              "    def __float__(self):\n"
              f"        os.kill(os.getpid(), signal.{stop})\n"
              "        return 40.0\n"
              "xlsx._WIDTHS = {**xlsx._WIDTHS, 'id': Width()}\n"
              "sys.argv = ['harvester', *sys.argv[1:]]\n"
              "from harvester.__main__ import run\n"
              "run()\n")
    harvests = tmp_path / "h.toml"   # (the second harvest is not run: the run stops at the first)
    given = {"reparse": ["reparse", str(SEED), "--out", str(tmp_path), "--format", "csv,xlsx"], "run": ["run", str(harvests)],
             "harvest": ["harvest", "--query", QUERY, "--base-url", "{origin}", "--out", str(tmp_path), "--name", "kwp",
                         "--delay", "0", "--format", "csv,xlsx"]}[command]
    with Serving([SEED]) as serving:
        harvests.write_text(f'base_url = "{serving.origin}"\ndelay = 0\ncontact = "me@example.org"\nout = "."\n'
                            f'formats = ["csv", "xlsx"]\n[[harvest]]\nquery = "{QUERY}"\nname = "kwp"\n[[harvest]]\n'
                            'query = "nothing"\nname = "none"\n', encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", script, "-q", *(arg.format(origin=serving.origin) for arg in given)],
                              capture_output=True, text=True, timeout=60,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # (as from a terminal)
    assert (done.returncode, done.stderr.strip().splitlines()) == (
        code, [f"harvester: {said.format(archive=tmp_path / 'archive', harvests=harvests)}"])
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize("at", ["args[0] == 'harvester.cli'", "not args[0].startswith('harvester')"], ids=["cli", "first"])
def test_a_ctrl_c_while_harvester_loads_is_one_line_too(at):
    """A Ctrl-C in the moment harvester loads its command line (before any command runs) is one line, no traceback.
    The process runs the installed command's entry point and sends itself SIGINT as it starts loading the command line
    (when Python is told to import harvester.cli: a timer could fire before or after that, on a busy machine), or the
    first module not harvester's own (importing the package ran Python's typing module, before the entry point's guard)."""
    import signal
    import subprocess

    script = ("import os, signal, sys\n"
              "sys.argv = ['harvester', 'reparse', '--help']\n"
              "sent = []\n"
              "def interrupt(event, args):\n"
              f"    if event == 'import' and {at} and not sent:\n"
              "        sent.append(os.kill(os.getpid(), signal.SIGINT))\n"
              "sys.addaudithook(interrupt)\n"
              "from harvester.__main__ import run\n"
              "run()\n")
    # as from a terminal: Ctrl-C not ignored (a shell starts background jobs, CI's too, with it ignored)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert (done.returncode, done.stderr, done.stdout) == (130, "harvester: interrupted: nothing written\n", "")


@pytest.mark.slow
@pytest.mark.parametrize(("stop", "code", "said"), [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "stopped (SIGTERM)")])
def test_ctrl_c_or_sigterm_stops_a_reparse_on_workers_with_one_line(tmp_path, stop, code, said):
    import os
    import signal
    import subprocess

    shutil.copy(SEED / "page-0.html", tmp_path / "page-0.html")
    for number in range(1, 3000):  # enough pages that the re-parse is still under way when it is stopped (files of their
        os.link(tmp_path / "page-0.html", tmp_path / f"page-{number}.html")   # own: a link to one file is read once)
    command = [sys.executable, "-m", "harvester", "-q", "reparse", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 30
    while process.poll() is None and len(children.read_text().split()) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)                # the workers at work
    os.killpg(process.pid, getattr(signal, stop))   # as a terminal (or cron, systemd) sends it: to the process group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == code and stderr.strip().splitlines() == [f"harvester: {said}: nothing written"]
    assert not (tmp_path / "out").exists()


def test_a_warc_response_that_names_no_address_is_skipped_alone_and_the_records_after_it_are_read(monkeypatch, capsys, tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "x.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for number, page in [(0, "page-0.html"), (None, "page-1.html"), (1, "page-1.html")]:
            record = writer.create_warc_record(f"https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=x&page={number}",
                                               "response", payload=io.BytesIO((SEED / page).read_bytes()),
                                               http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1"))
            if number is None:
                record.rec_headers.remove_header("WARC-Target-URI")   # a response that names no address
            writer.write_record(record)
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "x.warc.gz"), "--out", str(tmp_path / "o"))
    assert code == 1 and "re-parsed 2 saved pages: 19 documents" in out
    assert err.count("x.warc.gz: record 2 (a response) names no address (no WARC-Target-URI); that record is skipped") == 1
    assert "the rest of the file is skipped" not in err and "Traceback" not in err


def test_bytes_after_a_warc_record_that_its_length_leaves_out_are_one_warning_line_and_the_records_are_read(
        monkeypatch, capsys, tmp_path):
    """warcio prints three lines of its own on stderr when a record is followed by more than the blank lines between
    records (an edited file): a log read by lines gets one line, naming the file, and every page is still read."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    written = io.BytesIO()
    writer = WARCWriter(written, gzip=False)
    for number in (0, 1):
        writer.write_record(writer.create_warc_record(
            f"https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=x&page={number}", "response",
            payload=io.BytesIO((SEED / f"page-{number}.html").read_bytes()),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
    first_end = written.getvalue().index(b"\r\n\r\nWARC/1.")
    (tmp_path / "x.warc").write_bytes(written.getvalue()[:first_end] + b"an edit\r\n" + written.getvalue()[first_end:])
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "x.warc"), "--out", str(tmp_path / "o"))
    assert code == 1 and "re-parsed 2 saved pages: 19 documents" in out
    assert "Remainder" not in err and "Offset" not in err and len(err.splitlines()) == 1, err
    assert re.search(r"WARNING .*x\.warc: bytes after a record that its Content-Length leaves out \(an edited file\?\); skipped$", err)


def test_a_warc_response_whose_address_is_no_web_address_is_skipped_alone(monkeypatch, capsys, tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "x.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for address, page in [("https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=x", "page-0.html"),
                              ("https://[::1/search?search_api_fulltext=x", "page-0.html"),   # its bracket left open
                              ("https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=x&page=1", "page-1.html")]:
            writer.write_record(writer.create_warc_record(
                address, "response", payload=io.BytesIO((SEED / page).read_bytes()),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "x.warc.gz"), "--out", str(tmp_path / "o"))
    assert code == 1 and "re-parsed 2 saved pages: 19 documents" in out and "Traceback" not in err
    assert err.count("x.warc.gz: record 2 (a response) names 'https://[::1/search?search_api_fulltext=x', which is not a web "
                     "address; that record is skipped") == 1


BAD_ADDRESS = "https://[::1/search?search_api_fulltext=x"   # its bracket left open


@pytest.mark.parametrize("mark", ["saved-from", "canonical"])
def test_a_saved_page_whose_address_is_no_web_address_is_one_line_naming_it(monkeypatch, capsys, tmp_path, mark):
    page = (SEED / "page-0.html").read_text(encoding="utf-8")
    if mark == "saved-from":
        page = re.sub(r"saved from url=\(\d+\)\S+", f"saved from url=(0041){BAD_ADDRESS}", page, count=1)
    else:   # no mark: the canonical link is the page's address
        page = re.sub(r'<!-- saved from url=\S+ -->', "", page, count=1)
        page = re.sub(r'<link rel="canonical" href="[^"]+"', f'<link rel="canonical" href="{BAD_ADDRESS}"', page, count=1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page-0.html").write_text(page, encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "in"), "--out", str(tmp_path / "o"))
    assert code == 2 and err.splitlines() == [
        f"harvester: error: {tmp_path / 'in' / 'page-0.html'}: saved from '{BAD_ADDRESS}', which is not a web address: "
        "correct it in the page, or save the page again"]
    assert not (tmp_path / "o").exists()


def test_a_warning_that_quotes_a_line_break_is_logged_on_one_line(monkeypatch, capsys, tmp_path):
    """A cron log is read line by line: a search's words with a line break (%0A in a facet of a saved page's address)
    stay on the warning's line, as they do in an error's."""
    page = (SEED / "page-0.html").read_text(encoding="utf-8").replace("search_api_fulltext=Korean%20Workers%27%20Party",
                                                                      "f%5B0%5D=people%3Aa%0Ab", 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page-0.html").write_text(page, encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "in"), "--out", str(tmp_path / "o"))
    [warning] = [line for line in err.splitlines() if "WARNING" in line]
    assert code == 1 and warning.endswith("WARNING saved pages of people: a\\nb hold 10 of its 19 documents (2 pages in all)")
    assert len(err.splitlines()) == 1


def test_warc_dates_with_and_without_their_zone_are_compared_as_utc(monkeypatch, capsys, tmp_path):
    """Another tool's WARC file may write its dates with no zone (the standard's are UTC); the same page in two files:
    the later copy stands, and the times are said in UTC."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    for name, date, title in [("a.warc.gz", "2026-11-26T12:00:00Z", b"Newer title"), ("b.warc.gz", "2025-01-01T12:00:00", b"Older")]:
        with (tmp_path / name).open("wb") as file:
            writer = WARCWriter(file, gzip=True)
            body = (SEED / "page-1.html").read_bytes().replace(b"Letter from Ri Sang-jo to N.S. Khrushchev", title, 1)
            writer.write_record(writer.create_warc_record(
                "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1",
                "response", payload=io.BytesIO(body), warc_headers_dict={"WARC-Date": date},
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc.gz"),
                             "--out", str(tmp_path / "o"), "--name", "d", "--format", "json")
    assert code == 1 and "re-parsed 2 saved pages: 9 documents" in out and "Traceback" not in err   # (10 of 19: a warning)
    records = json.loads((tmp_path / "o" / "d.json").read_text(encoding="utf-8"))
    [letter] = [r for r in records if r["id"] == "letter-ri-sang-jo-ns-khrushchev"]
    assert letter["title"] == "Newer title" and letter["first_seen"] == "2025-01-01T12:00:00+00:00"


def test_a_crawlers_records_that_hold_no_page_are_passed_over_and_an_empty_answer_is_said_by_its_file(
        monkeypatch, capsys, tmp_path):
    """A WARC as wget and Heritrix write them: their warcinfo, requests, metadata and manifest, dns: and whois: answers
    (no HTTP) are passed over without a word; an answer with an empty body (a server's hiccup the crawler kept) is said
    by the file and the record that hold it (it named only its address), and the rest is read."""
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    url = "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party"
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
    with (tmp_path / "crawl.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "Wget/1.21.4 (linux-gnu)"}))
        for address, kind, block in [
                ("dns:digitalarchive.wilsoncenter.org", "text/dns", b"20261126120000\ndigitalarchive.wilsoncenter.org. 300 IN A 1.2.3.4\n"),
                ("whois://whois.verisign-grs.com/wilsoncenter.org", "text/plain", b"Domain Name: WILSONCENTER.ORG\n")]:
            writer.write_record(writer.create_warc_record(address, "response", payload=io.BytesIO(block), warc_content_type=kind))
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(
            b"GET /search HTTP/1.1\r\nHost: digitalarchive.wilsoncenter.org\r\n\r\n"), warc_content_type="application/http; msgtype=request"))
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(b""), length=0, http_headers=http))
        for page, address in (("page-0.html", url), ("page-1.html", url + "&page=1")):
            writer.write_record(writer.create_warc_record(address, "response", payload=io.BytesIO((SEED / page).read_bytes()),
                                                          http_headers=http))
            writer.write_record(writer.create_warc_record(address, "metadata", payload=io.BytesIO(b"outlink: /document/1 L a/@href\n"),
                                                          warc_content_type="application/warc-fields"))
        writer.write_record(writer.create_warc_record("metadata://gnu.org/software/wget/warc/MANIFEST.txt", "resource",
                                                      payload=io.BytesIO(b"<urn:uuid:1>\n"), warc_content_type="text/plain"))
    warc = tmp_path / "crawl.warc.gz"
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(warc), "--out", str(tmp_path / "o"), "--name", "d", "--format", "json")
    assert code == 1 and "re-parsed 2 saved pages: 19 documents" in out and "Traceback" not in err
    # the record as `warcio index` lists it (the fifth line: after the warcinfo, the dns: and whois: answers and the
    # request), as the warnings count a file's records; not the first of the pages read
    assert [line.split(" WARNING ", 1)[1] for line in err.splitlines() if " WARNING " in line] == [
        f"{warc} (record 5, {url}): the page is empty; skipped"]
    with warc.open("rb") as stream:
        assert [record.rec_type for record in ArchiveIterator(stream)][4] == "response"
    assert len(json.loads((tmp_path / "o" / "d.json").read_text(encoding="utf-8"))) == 19


def test_a_revisit_finds_the_answer_it_confirms_among_two_of_one_second_and_other_records_say_nothing(
        monkeypatch, capsys, tmp_path):
    """Two answers for one address a fraction of a second apart, and a revisit of the first: the first's body; a
    revisit with no HTTP answer of its own, dated to the second, finds its answer too; a dns: record (as crawlers keep
    them) and a revisit that names no answer are passed over without a word."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    url = "https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1"
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
    with (tmp_path / "x.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        writer.write_record(writer.create_warc_record("dns:digitalarchive.wilsoncenter.org", "response",
                                                      payload=io.BytesIO(b"digitalarchive.wilsoncenter.org. 300 IN A 1.2.3.4"),
                                                      warc_headers_dict={"WARC-Date": "2026-11-26T12:00:00Z"}))
        for date, title in (("2026-11-26T12:00:00.100Z", b"FIRST"), ("2026-11-26T12:00:00.900Z", b"SECOND")):
            body = (SEED / "page-1.html").read_bytes().replace(b"Letter from Ri Sang-jo to N.S. Khrushchev", title, 1)
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                          warc_headers_dict={"WARC-Date": date}))
        first = url.replace("&page=1", "")   # page 0: its answer's time has a fraction, its revisit's none, as a CDX says
        writer.write_record(writer.create_warc_record(first, "response", payload=io.BytesIO((SEED / "page-0.html").read_bytes()),
                                                      http_headers=http, warc_headers_dict={"WARC-Date": "2026-11-26T12:00:00.250Z"}))
        for address, refers, headers in ((url, "2026-11-26T12:00:00.100Z", StatusAndHeaders("304 Not Modified", [], "HTTP/1.1")),
                                         (first, "2026-11-26T12:00:00Z", None), (url, None, None)):
            revisit = writer.create_warc_record(address, "revisit", http_headers=headers,
                                                warc_headers_dict={"WARC-Date": "2026-11-27T12:00:00Z"})
            if refers:
                revisit.rec_headers.add_header("WARC-Refers-To-Target-URI", address)
                revisit.rec_headers.add_header("WARC-Refers-To-Date", refers)
            writer.write_record(revisit)
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "x.warc.gz"), "--out", str(tmp_path / "o"),
                             "--name", "d", "--format", "json")
    assert "x.warc.gz" not in err and "Traceback" not in err and code == 0, err
    records = {r["id"]: r for r in json.loads((tmp_path / "o" / "d.json").read_text(encoding="utf-8"))}
    letter = records["letter-ri-sang-jo-ns-khrushchev"]
    assert letter["title"] == "FIRST" and letter["harvested_at"] == "2026-11-27T12:00:00+00:00"   # confirmed a day later
    assert len(records) == 19 and {r["harvested_at"] for r in records.values()} == {"2026-11-27T12:00:00+00:00"}


@pytest.mark.parametrize("bad, said", [("f%5B0%5D=nocolon", "f[0]='nocolon' is not a facet"),
                                       ("search_api_fulltext=Korean%0AWar", "'Korean\\nWar': holds a line break")])
def test_a_warc_response_from_an_address_no_search_has_is_skipped_alone(monkeypatch, capsys, tmp_path, bad, said):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "x.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for query, page in [("search_api_fulltext=x", "page-0.html"), (bad, "page-0.html"),
                            ("search_api_fulltext=x&page=1", "page-1.html")]:
            writer.write_record(writer.create_warc_record(
                f"https://digitalarchive.wilsoncenter.org/search?{query}", "response", payload=io.BytesIO((SEED / page).read_bytes()),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "x.warc.gz"), "--out", str(tmp_path / "o"))
    assert code == 1 and "re-parsed 2 saved pages: 19 documents" in out
    assert said in err and "; skipped" in err and "Traceback" not in err
    assert {r["query"] for r in json.loads((tmp_path / "o" / "wilson-x.json").read_text(encoding="utf-8"))} == {"x"}


def test_a_page_of_another_site_among_saved_pages_is_passed_over_and_said(monkeypatch, capsys, tmp_path):
    """A folder of downloads holds other pages too; one that nothing ties to the site is said and passed over, while a
    page of the site that cannot be read still stops the re-parse (its records would be lost, unsaid)."""
    shutil.copytree(SEED, tmp_path / "downloads")
    (tmp_path / "downloads" / "recipe.html").write_text("<html><head><title>Borscht</title></head><body><h1>Borscht</h1>"
                                                         "<p>Beets, cabbage, dill.</p></body></html>", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "downloads"), "--out", str(tmp_path / "o"))
    assert code == 1 and "re-parsed 2 saved pages: 19 documents" in out, err
    assert "recipe.html: not a search results page (no search results view found); nothing in it names " \
           "https://digitalarchive.wilsoncenter.org: a page of another site?; skipped" in err
    page = (SEED / "page-1.html").read_text(encoding="utf-8")
    broken = page[:page.index("<body")] + "<body><p>The page did not load.</p></body></html>"   # its head names the site
    (tmp_path / "downloads" / "page-1.html").write_text(broken, encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "downloads"), "--out", str(tmp_path / "p"))
    assert code == 5 and "page-1.html: not a search results page" in err


def test_a_warc_response_from_the_search_with_a_trailing_slash_is_a_results_page(monkeypatch, capsys, tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "x.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for address, page in [("search?search_api_fulltext=x", "page-0.html"), ("search/?search_api_fulltext=x&page=1", "page-1.html")]:
            writer.write_record(writer.create_warc_record(
                f"https://digitalarchive.wilsoncenter.org/{address}", "response", payload=io.BytesIO((SEED / page).read_bytes()),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")))
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "x.warc.gz"), "--out", str(tmp_path / "o"))
    assert code == 0 and "re-parsed 2 saved pages: 19 documents" in out, err


def test_a_warc_record_larger_than_any_page_is_passed_over_unread(monkeypatch, capsys, tmp_path):
    """A WARC may hold films and scans beside the pages: one larger than a page can be is passed over, and a page so
    large is said."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "x.warc.gz").open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for url, body, kind in [("search?search_api_fulltext=x", (SEED / "page-0.html").read_bytes(), "text/html"),
                                ("sites/default/files/film.mp4", bytes(21_000_000), "video/mp4"),
                                ("search?search_api_fulltext=x&page=9", bytes(21_000_000), "text/html"),
                                ("search?search_api_fulltext=x&page=1", (SEED / "page-1.html").read_bytes(), "text/html")]:
            writer.write_record(writer.create_warc_record(
                f"https://digitalarchive.wilsoncenter.org/{url}", "response", payload=io.BytesIO(body),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", kind)], "HTTP/1.1")))
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "x.warc.gz"), "--out", str(tmp_path / "o"))
    assert code == 1 and "re-parsed 2 saved pages: 19 documents" in out
    assert "film.mp4" not in err and "more than any page (20,000,000); skipped" in err
    assert "record 3 (https://digitalarchive.wilsoncenter.org/search?search_api_fulltext=x&page=9) holds 21,000,0" in err


def test_an_error_naming_a_file_with_a_line_break_in_its_name_is_still_one_line(monkeypatch, capsys, tmp_path):
    (tmp_path / "two\nlines.html").write_bytes(b"")
    code, _, err = run_cli(monkeypatch, capsys, "reparse", str(tmp_path / "two\nlines.html"), "--out", str(tmp_path / "o"))
    assert code == 2 and err.count("\n") == 1 and "two\\nlines.html: " in err


@pytest.mark.parametrize("streams", [{"stdout": "full"}, {"stderr": "full"}, {"stdout": "full", "stderr": "full"},
                                     {"stderr": "closed"}, {"stdout": "closed"}], ids=str)
def test_output_no_one_can_read_never_changes_what_a_run_does_nor_its_exit_code(tmp_path, streams):
    """cron's mail on a full disk (/dev/full), or a stream closed (2>&-): the harvests run, their files are written,
    and the exit code is theirs (it was 120, or 7 with nothing done; `run` counted every harvest as failed)."""
    import subprocess

    fds = [{"stdout": 1, "stderr": 2}[name] for name, how in streams.items() if how == "closed"]
    with Serving([SEED]) as serving, open("/dev/full", "w") as full:
        (tmp_path / "h.toml").write_text(f'base_url = "{serving.origin}"\ndelay = 0\n[[harvest]]\nquery = "{QUERY}"\n'
                                         f'name = "a"\n[[harvest]]\nquery = "{QUERY}"\nname = "b"\n', encoding="utf-8")
        for command, code in ((["run", str(tmp_path / "h.toml")], 0), (["reparse", str(tmp_path / "nothing")], 2)):
            done = subprocess.run([sys.executable, "-m", "harvester", *command], timeout=60,
                                  preexec_fn=lambda: [os.close(fd) for fd in fds],
                                  **{name: full if streams.get(name) == "full" else subprocess.PIPE for name in ("stdout", "stderr")})
            assert done.returncode == code, (command, done.stderr)
    assert [len(dataset(tmp_path / "output", name)) for name in "ab"] == [19, 19]


def test_a_reader_that_goes_away_leaves_the_runs_own_exit_code(tmp_path):
    """`harvester ... | head -1`: the summary's reader is gone before it is written; the run succeeded all the same."""
    import subprocess

    run = subprocess.Popen([sys.executable, "-m", "harvester", "reparse", str(SEED), "--out", str(tmp_path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    run.stdout.close()                                  # before it writes: the re-parse takes longer than this
    err = run.stderr.read().decode()
    assert run.wait(60) == 0 and "Error" not in err and "Traceback" not in err
    assert len(list(tmp_path.glob("*.csv"))) == 2       # its files are written


def test_a_names_file_that_cannot_be_read_is_said_before_the_harvest_begins(monkeypatch, capsys, tmp_path):
    """The mistake came after "harvesting ... from ..." (the log of a harvest that was never to begin)."""
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--base-url", "http://127.0.0.1:9",
                           "--out", str(tmp_path / "o"), "--names", str(tmp_path / "missing.csv"))
    assert code == 2
    assert_one_line_error(err, f"{tmp_path / 'missing.csv'}: cannot read the names file (no such file or directory)")
    assert "harvesting" not in err and not (tmp_path / "o").exists()


@pytest.mark.parametrize("folder, link", [("archive", True), (".harvester", True), (".", True), (".harvester", False),
                                          (".harvester", "to a file")],
                         ids=["archive", "state", "out", "state-a-file", "state-a-link-to-a-file"])   # (DIR/pdfs: in test_pdfs.py)
def test_a_link_to_nothing_or_a_file_where_a_folder_goes_is_said_naming_it(monkeypatch, capsys, tmp_path, folder, link):
    """A folder kept on another disk and linked to, that disk not mounted: "[Errno 17] File exists", or "cannot write
    there (File exists)", said neither what nor where. A link to a file leads somewhere: it is a file in the way."""
    out, elsewhere = tmp_path / "o", tmp_path / "unmounted" / folder
    (out / folder).parent.mkdir(parents=True, exist_ok=True)
    if link == "to a file":
        elsewhere.parent.mkdir()
        elsewhere.write_text("")
    (out / folder).symlink_to(elsewhere) if link else (out / folder).write_text("")
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--details", "--pdfs", "--out", str(out), "--delay", "0", "--port", "0")
    said = (f"a link to {elsewhere}, which leads nowhere (a disk not mounted?): make that folder, or move the link away"
            if link is True else "a file where a folder goes: move it away")
    assert code == 2 and err.splitlines()[-1] == f"harvester: error: {out / folder}: {said}"


def _tree(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("given", ["new", "empty", "another-dataset", "an-empty-state-folder"])
def test_a_harvest_that_fetched_nothing_leaves_no_trace(monkeypatch, capsys, tmp_path, given):
    """A mistyped --base-url (nothing answers): the run failed before any page came, and left DIR/.harvester/NAME.sqlite
    and NAME.lock, in a DIR it had made. What was there stays as it was (an empty DIR/.harvester one made, say); the DIR
    it made goes."""
    out = tmp_path / "o"
    if given != "new":
        out.mkdir()
    if given == "an-empty-state-folder":
        (out / ".harvester").mkdir()
    if given == "another-dataset":
        assert run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(out), "--name", "other")[0] == 0
    before = _tree(tmp_path)
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--base-url", "http://127.0.0.1:9", "--out", str(out))
    assert code == 3 and "refused the connection" in err
    assert _tree(tmp_path) == before


def test_a_first_run_that_fails_after_a_try_killed_before_any_answer_leaves_no_state(monkeypatch, capsys, tmp_path):
    """A first try killed (SIGKILL, a reboot) before the site answered left a state of one run that took no page; the
    next try, failing before any answer too, kept it, as it had not made it: the dataset was not left as it began."""
    from datetime import UTC, datetime, timedelta

    from harvester.state import State

    out = tmp_path / "o"
    with State(out, "wilson-x") as state:   # as the killed try left it: its run begun, nothing archived
        state.start_run("{}", datetime.now(UTC), timedelta(hours=24))
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--base-url", "http://127.0.0.1:9", "--out", str(out))
    assert code == 3 and "refused the connection" in err
    assert _tree(out) == [".harvester"]   # (the folders the killed try made: whose they are, nothing tells)


@pytest.mark.parametrize("given", ["new", "an-empty-archive"])
def test_a_first_run_that_cannot_make_its_warc_file_leaves_no_trace(monkeypatch, capsys, tmp_path, given):
    """The disk full as the first page's WARC file is made: DIR/archive, made for it, stayed empty, and so DIR. An empty
    DIR/archive that was there (a mount point, say) stays."""
    if given != "new":
        (tmp_path / "o" / "archive").mkdir(parents=True)
    before, opened = _tree(tmp_path), Path.open

    def full(path: Path, mode: str = "r", *args, **kwargs):
        if path.name.endswith(".warc.gz") and mode == "ab":
            raise OSError(28, "No space left on device", str(path))
        return opened(path, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", full)
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--out", str(tmp_path / "o"), "--delay", "0", "--port", "0")
    assert code == 2 and "-run0001-part1.warc.gz: cannot write: the disk is full" in err
    assert _tree(tmp_path) == before


@pytest.mark.parametrize("folder", ["pdfs", "archive"])
def test_a_link_that_loops_is_said_to_loop(monkeypatch, capsys, tmp_path, folder):
    """DIR/pdfs a link to itself; DIR/archive to a link that leads back to it: both were said to "lead nowhere (a disk not
    mounted?)"."""
    out = tmp_path / "o"
    out.mkdir()
    if folder == "pdfs":
        (out / folder).symlink_to(out / folder)
    else:
        (tmp_path / "a").symlink_to(out / folder)
        (out / folder).symlink_to(tmp_path / "a")
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--details", "--pdfs", "--out", str(out), "--delay", "0", "--port", "0")
    target = out / folder if folder == "pdfs" else tmp_path / "a"
    assert code == 2 and err.splitlines()[-1] == (f"harvester: error: {out / folder}: a link to {target}, which leads round in "
                                                  "a loop back to itself: point it elsewhere, or move the link away")


def test_a_state_linked_to_a_disk_not_mounted_stays_linked(monkeypatch, capsys, tmp_path):
    """DIR/.harvester/NAME.sqlite a link to the state kept on another disk, not mounted: the run, finding no state there,
    took itself for the dataset's first, and its failure removed the link with what a first run leaves. What is wrong is
    said of the link, not "read-only or not yours: chmod u+w" (SQLite says only "unable to open")."""
    state = tmp_path / "o" / ".harvester" / "wilson-x.sqlite"
    state.parent.mkdir(parents=True)
    state.symlink_to(tmp_path / "unmounted" / state.name)
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--base-url", "http://127.0.0.1:9", "--out", str(tmp_path / "o"))
    assert code == 2 and err.splitlines()[-1] == (f"harvester: error: {state}: a link to {tmp_path / 'unmounted' / state.name}, "
                                                  "which leads nowhere (a disk not mounted?): mount its disk, or move the link away")
    assert state.is_symlink() and os.readlink(state) == str(tmp_path / "unmounted" / state.name)


def test_a_first_harvest_interrupted_before_any_page_says_none_was_fetched(tmp_path):
    """Ctrl-C while it waits to try an unreachable site again: it said the pages fetched were kept in DIR/archive,
    which it had just removed with the rest of what it made."""
    import subprocess

    out = tmp_path / "o"
    script = ("import sys\n"
              "import harvester.cli as cli\n"
              "def stopped(seconds):\n"
              "    raise KeyboardInterrupt\n"
              f"sys.argv = ['harvester', 'harvest', '--query', 'x', '--base-url', 'http://127.0.0.1:9', '--out', {str(out)!r}]\n"
              "cli.main(sleep=stopped)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 130 and run.stderr.splitlines()[-1] == (
        "harvester: interrupted: no page was fetched, and nothing written; run the same command again to resume")
    assert not out.exists()


def test_a_harvest_stopped_by_a_late_found_mistake_or_a_failed_run_of_a_harvests_file_leaves_no_trace(monkeypatch, capsys, tmp_path):
    """A link to nothing where DIR/pdfs goes is found once the dataset's state is open; a harvests file's harvest that
    cannot reach its site: neither leaves anything that was not there before."""
    out = tmp_path / "o"
    out.mkdir()
    (out / "pdfs").symlink_to(tmp_path / "gone")
    (tmp_path / "h.toml").write_text('base_url = "http://127.0.0.1:9"\n[[harvest]]\nquery = "x"\nout = "run"\n', encoding="utf-8")
    before = _tree(tmp_path)
    code, _, err = run_cli(monkeypatch, capsys, "demo", "--details", "--pdfs", "--out", str(out), "--delay", "0", "--port", "0")
    assert code == 2 and "which leads nowhere" in err
    code, _, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"))
    assert code == 3 and "harvest 1, wilson-x (“x”): failed (exit 3)" in err + _
    assert _tree(tmp_path) == before


@pytest.mark.parametrize(("error", "said"), [
    (OSError(errno.ENOSPC, "No space left on device", "/q"), "/q: the disk is full: free some space"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory", b"/bytes"), "/bytes: no such file or folder"),
])
def test_a_path_the_system_refused_is_said_in_words_whatever_its_failure(monkeypatch, capsys, tmp_path, error, said):
    """An OSError naming a path that no part of harvester said first: a full disk in words, as a write says it, and a
    path as the system gave it in bytes written as a path."""
    import harvester.cli

    def refused(*args, **kwargs):
        raise error

    monkeypatch.setattr(harvester.cli, "reparse", refused)
    code, out, err = run_cli(monkeypatch, capsys, "reparse", str(SEED), "--out", str(tmp_path))
    assert code == 2
    assert_one_line_error(err, said)
