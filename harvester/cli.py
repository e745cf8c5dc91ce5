"""The commands. Each docstring is its --help; every failure becomes one line and a documented exit code."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import itertools
import json
import logging
import os
import re
import shlex
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import NoReturn
from pathlib import Path
from urllib.parse import urlsplit

import click

from harvester import __version__
from harvester.config import (Job, as_keys, check_fetch_ready, checked_fetch, checked_origin, given_search, home_path,
                              load_jobs)
from harvester.errors import (BlockedError, BusyError, FetchError, HarvesterError, IncompleteError, LayoutError, RetriesSpentError,
                              StorageError, UnreachableError, UsageError, path_error, plural, storage_error)
from harvester.fetch.archive import datasets_archived, files_to_keep, runs_archived
from harvester.normalize.names import NameTable
from harvester.output.files import FORMATS, named_formats, parse_formats
from harvester.fetch.saved import REPORT_PAGE_SUFFIX
from harvester.output.package import PACKAGE_SUFFIX, clashing_names
from harvester.output.runreport import summary_line
from harvester.pipeline import MOST_WORKERS, Outcome, check_name, dataset_name, harvest, reparse
from harvester.settings import DEFAULT_DELAY, DEFAULT_MAX_PDF_MB, MAX_DELAY, Settings
from harvester.sites import DEFAULT_SITE, get_site, known_sites
from harvester.state import State, files_home, state_file

log = logging.getLogger("harvester")

ADDRESS = re.compile(r"\w[\w+.-]*://|[\w-]+(\.[\w-]+)+(:\d+)?/|[\w-]+:\d+/")   # a web address, its scheme left out or not
DEMO = Path(__file__).parent / "demo"     # the saved pages the demo serves: a search's results pages, its documents
DEMO_NAME = "wilson-korean-workers-party"   # (harvest's own name for the search adds a hash: its apostrophe)
DEMO_PORT = 8753
DEMO_DELAY = 0.2
PAGE_SUFFIXES = (".html", ".htm")   # a web page's, as report writes one
EXIT_WARNINGS = 1
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
# for `run`: the most serious outcome wins (the last here)
SEVERITY = (0, EXIT_WARNINGS, *(error.exit_code for error in (UsageError, HarvesterError, FetchError, IncompleteError, BusyError,
                                                              BlockedError, LayoutError)))


class _Path(click.Path):
    """A path, and never an empty one, which would silently be the current folder (Path("") is Path(".")); its ~ is
    one's home, as a shell leaves it when quoted ("~/data"). A file option `writes` a new file of those endings (report's
    page); the other files an option names are read, and must be there."""

    def __init__(self, *args: object, writes: tuple[str, ...] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.writes = writes

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> object:
        if isinstance(value, str) and not value:
            self.fail("an empty path names no file or folder: give one (. for the current folder)", param, ctx)
        try:
            value = home_path(value, repr(value)) if isinstance(value, str) else value
        except UsageError as error:
            self.fail(str(error), param, ctx)
        return super().convert(value, param, ctx)


class _Command(click.Command):
    """A command whose options that take a value are each followed by one: click would take the next option for it
    (--query --out data: a query "--out", then "Missing option '--out'"), or the "--" that ends the options; and given
    once: click would take the last alone (--format csv --format xlsx: no CSV)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        params = [param for param in self.get_params(ctx) if isinstance(param, click.Option)]
        options = {name for param in params for name in (*param.opts, *param.secondary_opts)}
        valued = {name for param in params if not param.is_flag and not param.count for name in param.opts}
        for number, (given, following) in enumerate(zip(args, [*args[1:], None])):
            if given == "--":   # what follows is arguments, whatever it looks like
                break
            name = given.split("=")[0]
            if name in valued and name in [arg.split("=")[0] for arg in args[:number]]:
                raise click.UsageError(f"{name} is given twice: give it once" + (" (--format csv,xlsx for several)" if
                                                                                  name == "--format" else ""), ctx)
            if given in valued and (following in (None, "--") or following.split("=")[0] in options):
                raise click.UsageError(f"{given} needs a value" + (", and none follows it" if following is None else
                                       f": {following} after it {'ends the options' if following == '--' else 'is an option'}"
                                       + (f" ({given}={following} if you mean it)" if given.startswith("--") else "")), ctx)
        if not ctx.resilient_parsing and not {*ctx.help_option_names} & {*args}:   # (shell completion, the look in _split;
            self._split(ctx, args)                                                  # --help: given before any mistake, as click does)
        own, ctx.allow_extra_args = ctx.allow_extra_args or ctx.resilient_parsing, True   # (harvest tells its own apart)
        extra = super().parse_args(ctx, args)
        if extra and not own:   # click said "Got unexpected extra argument (b.csv)"
            raise click.UsageError(self._more(ctx, extra[:1]), ctx)
        return extra

    def _more(self, ctx: click.Context, words: list[str]) -> str:
        """Words after the command's arguments, said with what it takes."""
        takes = " ".join(param.human_readable_name for param in self.get_params(ctx) if isinstance(param, click.Argument))
        more = "one argument" if len(words) == 1 else plural(len(words), "argument")
        return f"{' '.join(words)}: {more} more; harvester {self.name} takes {takes or 'none'}"

    def _split(self, ctx: click.Context, args: list[str]) -> None:
        """Refuse the words of one value the shell split, not quoted: a path with a space (click said "Got unexpected
        extra argument (data.csv)", or the command took the first word for the path), harvest's query. Said before
        anything else (harvest Korean War said "Missing option '--out'"), from a look at the words as click takes them."""
        look = click.Context(self, parent=ctx.parent, info_name=ctx.info_name, resilient_parsing=True)
        extra, params = click.Command.parse_args(self, look, [*args]), look.params
        arguments = [param for param in self.get_params(ctx) if isinstance(param, click.Argument)]
        words = [(str(word), isinstance(param.type, click.Path)) for param in arguments if params[param.name] is not None
                 for word in (params[param.name] if param.nargs == -1 else [params[param.name]])] + [(word, False) for word in extra]
        texts = [word for word, _ in words]
        for start, (word, path) in enumerate(words):   # a path's words (not run's NAMEs), and whatever follows them
            # (the words after it taken from their place, not stepped to from the first: a line of many words no path has)
            if path and (found := _spaced(word, (texts[after] for after in range(start + 1, len(texts))))):
                raise click.UsageError(f"{found}: a path with a space: quote it ({shlex.quote(found)})", ctx)
        texted = {name: param.type for param in self.get_params(ctx) if isinstance(param, click.Option) and not param.is_flag
                  and isinstance(param.type, (click.Path, click.types.StringParamType)) for name in param.opts}
        searches = len(texts) + (params.get("query") is not None) + bool(params.get("whole"))   # (harvest takes one)
        needed = 1 if "query" in params else sum(param.required for param in arguments)
        paths = any(isinstance(param.type, click.Path) for param in arguments)
        for number, given in enumerate(itertools.takewhile(lambda given: given != "--", args)):   # an option's path or text
            name, equals, value = given.partition("=")
            if name not in texted:
                continue
            value, rest = (value, args[number + 1:]) if equals else (args[number + 1], args[number + 2:])
            following = [*itertools.takewhile(lambda word: not word.startswith("-"), rest)]
            # (as an argument's: the longest path there, even where its last word names a file too: my names.csv)
            if isinstance(kind := texted[name], click.Path) and following and (found := _spaced(value, following)):
                raise click.UsageError(f"{found}: a path with a space: quote it ({name} {shlex.quote(found)})", ctx)
            # a new path or a text, split: the command took the words after its first for a search more (harvest, having
            # one without them), pages (reparse, having one), or arguments more; --query's are the query's, below
            spare = [*itertools.takewhile(lambda word: not _named(word, paths and word not in extra), following)]
            if name == "--format":   # csv Korean: a format, then the search's word
                spare = [*itertools.takewhile(_formats, spare)]
            # a value that is a path there or an address is whole, and the words are the command's; so are those after a
            # file's elsewhere than harvest's, but a new one the option writes (report's page.html): a file to read must
            # be there (said above)
            entire = ADDRESS.match(value) or isinstance(kind, _Path) and (
                os.path.exists(value) or kind.file_okay and "query" not in params and not _writes(kind, [value, *spare]))
            taken = paths and not any(word in extra for word in spare)   # (reparse's pages)
            if name != "--query" and not entire and spare and searches - len(spare) >= needed and \
                    (advice := _advice(name, kind, [value, *spare], taken)):
                more = not ctx.allow_extra_args and all(word in extra for word in spare)   # (words no argument took: demo's, prune's)
                said = f"{self._more(ctx, spare)};" if more else f"{name} {value}, then {' '.join(spare)}:"
                raise click.UsageError(f"{said} {advice}", ctx)
        # harvest's query, not quoted: its words, no address or page here among them; or words given to --all
        if "query" in params and len(texts) > (params["query"] is None and not params["whole"]) and not any(map(_named, texts)):
            said = " ".join(word for word in (params["query"], *texts) if word is not None)
            if params["whole"]:   # (--query alongside it is refused)
                raise click.UsageError(f"{said}: --all takes no words: drop them, or search for them in its place, as --query "
                                       f"{shlex.quote(said)}", ctx)
            raise click.UsageError(f"{said}: several words, not one search: give them quoted, as --query {shlex.quote(said)}", ctx)


def _named(word: str, paths: bool = False) -> bool:
    """A word that reads as an address or a page on this machine ("saved/a.html"), not as a query's: a bare word is a
    query's even where a file or folder has its name ("Korean War" where a file War is). Where the command's arguments
    took it for one of their `paths`, any word there is one (~ is one's home, as the paths read it), and a word with a
    "/" or "." that is not there is one mistyped, not an option's word more."""
    if ADDRESS.match(word):
        return True
    marked = any(mark in word for mark in "/.")
    return marked or os.path.exists(os.path.expanduser(word)) if paths else marked and os.path.exists(word)


def _formats(word: str) -> bool:
    """Whether `word` names formats only ("json", "json,xlsx"), as one more word of --format's would."""
    return {*named_formats(word)} <= {*FORMATS}


def _advice(name: str, kind: click.ParamType, words: list[str], taken: bool = False) -> str | None:
    """What to give an option whose value the shell split into `words`: a value that runs (no site's name has a space,
    nor does a dataset's or a list of formats). None where the words are no split value: a site, then words that make
    no name of a site with it (its address's: wilson center is wilsoncenter.org), are the command's. Words the command
    `taken` for its paths may as well be paths mistyped, where nothing tells (as formats, a site's address do): said too."""
    if name == "--site":
        sites = known_sites()
        joined = {mark.join(words).casefold() for mark in ("", "-")}
        if words[0] in sites and not any(spelt in host for site in sites.values() for host in site.hosts for spelt in joined):
            return None
        return f"no site's name has a space; the sites: {', '.join(sorted(sites))}"
    if name == "--format":
        return f"formats are joined by commas, as --format {','.join(named_formats(','.join(words)))}"
    mistyped = f"; or {', '.join(words[1:])}: no such file or folder" if taken else ""
    if name == "--name":   # joined by check_name's letters, where it takes them
        try:
            return f"a dataset's name has no space, as --name {shlex.quote(check_name('-'.join(words)))}{mistyped}"
        except UsageError as error:
            return f"a dataset's name has no space, and {error}{mistyped}"
    if isinstance(kind, click.Path) and not kind.dir_okay:   # a file to read (harvest's): one there is said above
        return f"neither {shlex.quote(words[0])} nor {shlex.quote(' '.join(words))} is a file there"
    return f"a {_kind(kind)} with a space? quote it, as {name} {shlex.quote(' '.join(words))}{mistyped}"


def _writes(kind: _Path, words: list[str]) -> bool:
    """Whether `words`, joined with spaces, are a new file the option writes (report's page: my page.html), in a folder
    that is there (it is made in no other)."""
    joined = " ".join(words)
    return os.path.splitext(joined)[1].lower() in kind.writes and os.path.isdir(os.path.dirname(joined) or ".")


def _kind(kind: click.ParamType) -> str:
    """What an option's value is, in a message: a folder, a file, a path, or a value (a text)."""
    if not isinstance(kind, click.Path):
        return "value"
    return "folder" if not kind.file_okay else "file" if not kind.dir_okay else "path"


def _spaced(first: str, following: Iterable[str]) -> str | None:
    """The longest path there on the disk that the first word and the ones following it make, joined with spaces, if
    the first alone is not there: a path with a space the shell split (whose other words would be no one's). The words
    following are gone over only then: each of a folder's many pages is there."""
    spaced, found = first, None
    for word in following if not os.path.exists(first) else ():
        spaced += " " + word   # no longer once no such name or folder can be: a file's name is at most 255
        if len(os.path.basename(spaced)) > 255 or not os.path.isdir(os.path.dirname(spaced) or "."):
            break
        found = spaced if os.path.exists(spaced) else found
    return found


class _Group(click.Group):
    command_class = _Command   # every command's

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        if args and re.match(r"https?://", args[0], re.I):   # a search's address pasted with no command before it
            raise click.UsageError(f"{args[0]!r}: a web address, not a command; harvest a search with: harvester harvest "
                                   "ADDRESS --out DIR", ctx)
        if args and args[0] == "load":   # README's harvester.load, tried as a command (click's "Did you mean" finds none)
            path = next((arg for arg in args[1:] if not arg.startswith("-")), "NAME.csv")   # (load --help: no file)
            raise click.UsageError("'load' is no command: harvester.load is Python's: python -c " + shlex.quote(
                f"import harvester; print(harvester.load({json.dumps(path, ensure_ascii=False)}))") + f"; harvester report "
                f"{shlex.quote(path)} makes a page of it", ctx)
        return super().resolve_command(ctx, args)


format_option = click.option("--format", "formats", default="csv,json", show_default=True, metavar="LIST",
                             help=f"Comma-separated output formats: {', '.join(FORMATS)}.")
name_option = click.option("--name", default=None, help="File name stem of the dataset (default: from the site and the search).")
names_option = click.option("--names", "names_file", type=_Path(dir_okay=False, path_type=Path), default=None,
                            help="Your own names table (CSV, same columns as the shipped one) added to the shipped one.")
transcript_option = click.option("--transcript-in-csv", is_flag=True,
                                 help="Put the documents' transcripts in the CSV too (they are always in JSON).")
site_option = click.option("--site", default=DEFAULT_SITE, show_default=True, help="Which site's layout and URL scheme to use.")
pdfs_option = click.option("--pdfs", is_flag=True, help="With --details: also download each document's original scan "
                           "(PDF) into DIR/pdfs/ID.pdf.")
max_pdf_option = click.option("--max-pdf-mb", type=float, default=DEFAULT_MAX_PDF_MB,
                              show_default=True, metavar="MB", help="Refuse a PDF larger than this (a failed download).")


class _LogFormatter(logging.Formatter):
    """Each message on one line, whatever it quotes (a log read line by line, by cron's mail or grep, stays whole); on a
    terminal, plain progress lines and "warning: ..." for warnings, else each line with its time and level."""

    def __init__(self, terminal: bool) -> None:
        super().__init__(None if terminal else "%(asctime)s %(levelname)s %(message)s")
        self.terminal = terminal

    def formatMessage(self, record: logging.LogRecord) -> str:   # (a traceback, with -v, is added after, as it is)
        record.message = one_line(record.message)
        if not self.terminal:
            return super().formatMessage(record)
        return record.message if record.levelno < logging.WARNING else f"{record.levelname.lower()}: {record.message}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, cls=_Group)
@click.version_option(__version__, prog_name="harvester")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings, errors and the final summary (here or after the command).")
@click.option("-v", "--verbose", is_flag=True, help="Print every request (here or after the command).")
def cli(quiet: bool, verbose: bool) -> None:
    """Turn an archive's paginated search results into clean datasets (CSV, JSON).

    Exit codes: 0 success, 1 success with warnings, 2 bad usage or input, 3 fetch failed,
    4 blocked by the site, 5 page layout not understood, 6 documents missing, 7 other failure,
    8 another run is working on the same dataset (or harvests file), 130 interrupted (Ctrl-C), 143 stopped (SIGTERM).

    Example (the saved seed search, harvested over HTTP on 127.0.0.1; then its report):

    \b
        harvester demo --out output
        harvester report output/wilson-korean-workers-party.csv
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LogFormatter(terminal=sys.stderr.isatty()))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    _loudness(verbose=verbose, quiet=quiet)


def _loudness(verbose: bool = False, quiet: bool = False) -> None:
    if verbose or quiet:
        logging.getLogger().setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.DEBUG if logging.getLogger().level <= logging.DEBUG else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)   # its connection steps: a dozen lines a request


def loudness(command: Callable) -> Callable:
    """-q and -v after a command's name too (harvester harvest ... -v)."""
    command = click.option("-q", "--quiet", is_flag=True, expose_value=False, help="Print only warnings, errors and the "
                           "final summary.", callback=lambda ctx, param, value: value and _loudness(quiet=True))(command)
    return click.option("-v", "--verbose", is_flag=True, expose_value=False, help="Print more: every request, when there are any.",
                        callback=lambda ctx, param, value: value and _loudness(verbose=True))(command)


@cli.command("harvest", context_settings={"allow_extra_args": True})   # (the words after the search: said what they are)
@loudness
@click.argument("url", required=False)
@site_option
@click.option("--query", default=None, help="A full-text search, as typed in the site's search box (instead of URL).")
@click.option("--all", "whole", is_flag=True, help="The whole archive (instead of URL).")
@click.option("--base-url", default=None, metavar="URL", help="Another origin for the site: a mirror or a local server.")
@click.option("--out", "out_dir", required=True, type=_Path(file_okay=False, path_type=Path), help="Output folder.")
@name_option
@format_option
@click.option("--delay", type=float, default=DEFAULT_DELAY, show_default=True,
              help=f"Seconds from one request to the next, 0 to {MAX_DELAY:g} (one request at a time, always).")
@click.option("--max-pages", type=int, default=None, help="Stop after this many results pages.")
@click.option("--contact", default="", metavar="URL_OR_EMAIL",
              help="How the archive can reach you; sent in the User-Agent (accents dropped: a header carries ASCII only).")
@click.option("--allow-incomplete", is_flag=True, help="Write the dataset even if some documents could not be collected.")
@click.option("--details", is_flag=True, help="Also fetch each result's document page and add its fields (authors, places, "
              "topics, archive, source, language, Record ID, PDF, transcript, ...).")
@pdfs_option
@max_pdf_option
@transcript_option
@names_option
@click.option("--fetch", type=click.Choice(["http", "browser"]), default="http", show_default=True,
              help="How pages are fetched: a plain HTTP client, or a real Chromium (for a site behind a bot check).")
@click.option("--browser-path", default=None, metavar="PATH", type=_Path(dir_okay=False),
              help="The path of the Chromium or Chrome to drive (default: one on PATH by its usual names).")
@click.option("--browser-profile", type=_Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="The browser's profile folder, for harvester alone: never your own browser's (default: in "
                   "DIR/.harvester/, kept for the next run).")
@click.option("--show-browser", is_flag=True, help="Show the browser window, so you can complete a check for humans.")
@click.option("--challenge-wait", type=float, default=Settings.challenge_wait, show_default=True, metavar="SECONDS",
              help=f"How long a bot check may take to pass by itself in the browser (1 to {MAX_DELAY:g}).")
@click.option("--cookies", type=_Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="A cookies.txt exported from your browser, after it passed the site's check (plain client).")
@click.option("--user-agent", default=None, metavar="TEXT", help="Your browser's User-Agent, which its cookies are bound to.")
def harvest_command(url: str | None, site: str, query: str | None, whole: bool, base_url: str | None, out_dir: Path,
                    name: str | None, formats: str, delay: float, max_pages: int | None, contact: str,
                    allow_incomplete: bool, details: bool, pdfs: bool, max_pdf_mb: float, transcript_in_csv: bool,
                    names_file: Path | None, fetch: str, browser_path: str | None, browser_profile: Path | None,
                    show_browser: bool, challenge_wait: float, cookies: Path | None, user_agent: str | None) -> int:
    """Harvest every result of a search into DIR/NAME.csv and DIR/NAME.json.

    The search is URL, a search address copied from the browser (facets, sort and all), or
    --query TEXT for a full-text search, or --all for the whole archive.

    Every page fetched is kept in DIR/archive/NAME-runNNNN-partN.warc.gz (the --pdfs scans in
    DIR/pdfs/); DIR/NAME.report.json tells what changed since the last run. An interrupted run, started again with the same arguments
    within 24 hours, resumes where it stopped.

    Examples:

    \b
        harvester harvest "https://digitalarchive.wilsoncenter.org/search?f%5B0%5D=people%3A81908" --out output
        harvester harvest --query "Korean War" --out output --contact you@example.org
        harvester harvest --all --out output
        harvester harvest --query "Korean War" --out output --fetch browser
        harvester harvest --query "Korean War" --details --pdfs --format csv,json,sqlite --out output
    """
    ctx = click.get_current_context()
    given = [word for word in (url, *ctx.args) if word is not None]   # what harvest took for URL
    if len(given) > 1:   # (words of a query not quoted: said by _Command); click's error, which ends as its others do
        more = next((word for word in given if not _named(word)), given[1])   # the word that reads as no search, if one does
        raise click.UsageError(f"{more}: one argument more; harvest takes one search (harvester run takes several)", ctx)
    origin = checked_origin(base_url, "--base-url") if base_url is not None else None
    search, origin = given_search(get_site(site), url, query, whole, origin, "URL, --query or --all")
    settings = checked_fetch(Settings(
        base_url=origin, delay=delay, max_pages=max_pages, contact=contact, allow_incomplete=allow_incomplete,
        details=details, transcript_in_csv=transcript_in_csv, pdfs=pdfs, max_pdf_mb=max_pdf_mb,
        fetch=fetch, browser_path=browser_path, browser_profile=browser_profile, show_browser=show_browser,
        challenge_wait=challenge_wait, cookies=cookies, own_user_agent=user_agent))
    return _harvest_job(Job(get_site(site), search, out_dir, name, parse_formats(formats), settings, names_file))


@cli.command("reparse")
@loudness
@click.argument("paths", nargs=-1, required=True, type=_Path(path_type=Path))
@site_option
@click.option("--out", "out_dir", required=True, type=_Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--name", default=None, help="File name stem of the dataset (default: the harvest's, for its archive's "
              "pages; else from the site and the search).")
@format_option
@transcript_option
@names_option
@click.option("--workers", type=click.IntRange(0, 32), default=None, metavar="N",
              help=f"Processes that parse the pages (default: one per core, at most {MOST_WORKERS}; 0: all in this one).")
def reparse_command(paths: tuple[Path, ...], site: str, out_dir: Path, name: str | None, formats: str,
                    transcript_in_csv: bool, names_file: Path | None, workers: int | None) -> int:
    """Re-parse saved pages (.html, .mhtml or .webarchive files, WARC files, or folders of them) with no network.

    Saved document pages among them add their details to the records (as harvest --details does).

    Links resolve against the URL the page was saved from when the page records it,
    otherwise against the site's home.

    Example (every page the demo's runs fetched, from any folder after `harvester demo --out output`):

    \b
        harvester reparse output/archive --out output-again
    """
    outcome = reparse(paths, get_site(site), out_dir, check_name(name) if name is not None else None, parse_formats(formats),
                      names=NameTable.load(names_file), transcript_in_csv=transcript_in_csv, workers=workers)
    return _print_outcome(outcome, f"re-parsed {plural(outcome.pages, 'saved page')}: {plural(outcome.documents, 'document')}")


@cli.command("serve")
@loudness
@click.argument("folders", nargs=-1, required=True, type=_Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1 (0: any free port).")
def serve_command(folders: tuple[Path, ...], port: int) -> None:
    """Serve folders of saved pages on 127.0.0.1 under the URLs they were saved from.

    Example (then harvest it in another terminal with --base-url http://127.0.0.1:8000):

    \b
        harvester serve ~/Downloads/saved-pages --port 8000
    """
    from harvester.serve import make_server

    server, saved = make_server(list(folders), port)
    host, bound = server.server_address[:2]
    try:
        _say(f"serving {plural(len(saved), 'saved page')} of {' and '.join(map(str, folders))} on http://{host}:{bound} (Ctrl-C stops)")
        server.serve_forever()
    except KeyboardInterrupt:   # (SIGTERM too): the way a server is stopped, not a failure
        _say("stopped serving")
    finally:
        server.server_close()


@cli.command("demo")
@loudness
@click.option("--out", "out_dir", default=Path("output"), show_default=True, type=_Path(file_okay=False, path_type=Path),
              help="Output folder.")
@name_option
@format_option
@click.option("--details", is_flag=True, help="Also serve the 19 results' saved document pages and harvest with --details.")
@pdfs_option
@max_pdf_option
@transcript_option
@names_option
@click.option("--delay", type=float, default=DEMO_DELAY, show_default=True,
              help="Seconds between requests (the server is this machine's own: it needs no more).")
@click.option("--port", type=click.IntRange(0, 65535), default=DEMO_PORT, show_default=True,
              help="Port on 127.0.0.1 (the same each time, so an interrupted demo resumes; 0: any free port).")
def demo_command(out_dir: Path, name: str | None, formats: str, details: bool, pdfs: bool, max_pdf_mb: float,
                 transcript_in_csv: bool, names_file: Path | None, delay: float, port: int) -> int:
    """Harvest a real 19-result search of the archive, saved with harvester, from a server on 127.0.0.1: every
    stage of a live harvest, HTTP included, with no internet. Works from any folder.

    Examples:

    \b
        harvester demo --out output
        harvester demo --details --pdfs --format csv,json,sqlite --out output
    """
    from harvester.serve import Serving

    settings = Settings(delay=delay, details=details, pdfs=pdfs, max_pdf_mb=max_pdf_mb, transcript_in_csv=transcript_in_csv)
    chosen = parse_formats(formats)   # (the settings, the formats and the names file: checked before serving)
    NameTable.load(names_file)
    site, folders = get_site("wilson"), [DEMO / "seed", *([DEMO / "documents"] if details else [])]
    try:
        serving = Serving(folders, port)
    except UsageError as error:   # `make harvest` runs the demo, and can pass no --port: README's command instead
        if "MAKELEVEL" not in os.environ:   # (make's mark on what it runs: run by hand, the demo takes a --port)
            raise
        raise UsageError(f"{error}; make harvest passes none: run .venv/bin/harvester demo --out output --port 8760") from None
    with serving:
        [address] = {site.search_url(site.search_of(url)) for url in serving.saved_urls if site.is_search(url)}
        log.info("serving the saved pages of a search on %s", serving.origin)
        settings = replace(settings, base_url=serving.origin)
        return _harvest_job(Job(site, site.search_of(address), out_dir, name or DEMO_NAME, chosen, settings, names_file))


@cli.command("run")
@loudness
@click.argument("harvests_file", type=_Path(dir_okay=False, path_type=Path))
@click.argument("datasets", nargs=-1, metavar="[NAME]...")
def run_command(harvests_file: Path, datasets: tuple[str, ...]) -> int:
    """Run every harvest of a TOML file in order, for scheduled runs (cron, systemd timers).

    Each [[harvest]] table takes the options of `harvester harvest`, with _ for -: its search (url,
    query or all = true), site, out, name, formats, base_url, delay, max_pages, contact,
    allow_incomplete, names, details, transcript_in_csv, pdfs, max_pdf_mb, fetch, cookies,
    user_agent, browser_path, browser_profile, show_browser, challenge_wait. Keys at the top of
    the file are defaults for all. Relative paths are relative to the file (out, when left out: output beside it); ~ is your home.
    A blocked harvest (the site is refusing us) stops the later ones of its base_url that fetch the same way (fetch,
    cookies file), or by the plain client without cookies (it passes no check), or any way after HTTP 403/429 time after
    time; so does one that spent its retries on an unwell site, or could not reach it; the others, and those after any
    other failure, run, a delay after the last harvest of their host. The exit code is the most serious outcome. Dataset names (or harvests'
    numbers) after the file run those harvests alone: after a run that failed or was stopped, it says which to run again.
    One run of a file at a time.

    Examples:

    \b
        harvester run ~/harvests.toml
        harvester run ~/harvests.toml wilson-korean-war
    """
    from harvester.fetch.client import origin_of   # (httpx: only a command that fetches needs it)

    # each dataset named once, as checked: a harvest of the file makes a dataset that may have named a later one otherwise
    jobs = [replace(job, name=_name(job)) for job in load_jobs(harvests_file)]
    _check_together(harvests_file, jobs)
    given = [_given(jobs, number) for number in range(1, len(jobs) + 1)]   # each harvest, as NAMES may give it
    numbers = {name: int(name) for name in datasets if _numbers_a_harvest(name, jobs)}
    if unknown := [name for name in datasets if name not in numbers and name not in map(_name, jobs)]:
        number = f"{unknown[0]} (it has {len(jobs)}), nor of dataset " if unknown[0].isdecimal() else "of dataset "
        said = unknown[0] if unknown[0].strip() else f"{unknown[0]!r} (an empty NAME)"   # ("$NAME" of a variable not set)
        raise UsageError(f"{harvests_file}: no harvest {number}{said}; its harvests: {', '.join(given)}")
    chosen = [(number, job) for number, job in enumerate(jobs, 1)
              if not datasets or number in numbers.values() or _name(job) in datasets and _name(job) not in numbers]
    sleep = click.get_current_context().obj or time.sleep
    codes: dict[int, int] = {}   # each harvest run, by its number, and its exit code
    lines: list[str] = []
    asked: dict[str, tuple[float, float]] = {}   # by host, the longest delay of its last harvest that asked it, and when
    refused: dict[tuple[str, str | None, str] | str, str] = {}   # the ways of fetching a site, or the site, not asked again: why
    skipped: list[str] = []   # the harvests not run so far, for the command that finishes the run
    unwell: set[str] = set()   # the origins whose scans spent a harvest's retries: its pages whole, the next asks for none
    stoppable = {stop: signal.getsignal(stop) for stop in STOPS}
    with _only_run(harvests_file):
        for at, (number, job) in enumerate(chosen):
            # (a browser passes checks the plain client cannot; other cookies may; a mirror is another site): cookies by
            # the file they name (given relative, whole or by ~), the site's own origin whether given or left out
            cookies = job.settings.cookies and os.path.realpath(job.settings.cookies)   # (a link loop fails the harvest, later)
            site = origin_of(job.settings.base_url or job.site.home)
            way = (job.settings.fetch, cookies, site)
            if why := refused.get(way) or refused.get(site):
                lines.append(f"harvest {number}, {_dataset(job)}: not run ({why})")
                skipped.append(shlex.quote(given[number - 1]))
                continue
            for stop, handler in stoppable.items():   # (the harvest before said its outcome: they were ignored since)
                signal.signal(stop, handler)
            this, later = shlex.quote(given[number - 1]), [shlex.quote(given[other - 1]) for other, _ in chosen[at + 1:]]
            rest = [*skipped, this, *later]
            finish = f"to finish the run: harvester run {shlex.quote(str(harvests_file))} "
            try:
                code = _harvest_job(job, again=f"{finish}{' '.join(rest)} (this harvest resumes)",
                                    then=f"; {finish}{' '.join([*skipped, *later])}" if skipped or later else "",
                                    paced=_pacer(asked, site, sleep), unwell=unwell)
                lines.append(f"harvest {number}, {_dataset(job)}: {'done, with warnings' if code else 'done'}")
            except KeyboardInterrupt as stop:   # Ctrl-C, SIGTERM: said with the harvest it stopped, and how to finish
                said = stop.args[0] if stop.args else f"nothing written; {finish}{' '.join(rest)}"   # (else the harvest said it)
                stop.args = (f"harvest {number}, {_name(job)}: {said}",)
                raise
            except Exception as error:   # a harvest that fails, even by a bug, does not keep the later ones from running
                said = as_keys(str(error)) if isinstance(error, HarvesterError) else unexpected(error)
                _say(f"harvester: error: {harvests_file}: harvest {number}: {one_line(said)}", err=True)
                code = error.exit_code if isinstance(error, HarvesterError) else HarvesterError.exit_code
                lines.append(f"harvest {number}, {_dataset(job)}: failed (exit {code})")
                if isinstance(error, BlockedError):   # 403 or 429 time after time refuses this machine, whichever way it asks; a
                    ways = {site} if error.status else {way, ("http", None, site)}   # check, this way and the plain client's
                    refused |= dict.fromkeys(ways, "the site is refusing us")
                if isinstance(error, RetriesSpentError):   # (a site down for its maintenance): a browser fares no better
                    refused[site] = "the site is unwell: a harvest spent its retries"
                if isinstance(error, UnreachableError):
                    refused[site] = "the site cannot be reached: a harvest gave up on it"
            codes[number] = code
        _done()   # no harvest is left to stop: the lock file goes, the summary is said
    failed, not_run = sum(code > EXIT_WARNINGS for code in codes.values()), len(chosen) - len(codes)
    again = [given[number - 1] for number, _ in chosen if number not in codes or codes[number] > EXIT_WARNINGS]
    _say("\n".join(lines))
    _say(f"{plural(len(chosen), 'harvest')}: {len(codes) - failed} done, {failed} failed" + (f", {not_run} not run" if not_run else ""))
    if again:
        _say(f"to run those again: harvester run {shlex.quote(str(harvests_file))} {' '.join(map(shlex.quote, again))}")
    return max(codes.values(), key=SEVERITY.index)


def _pacer(asked: dict[str, tuple[float, float]], site: str, sleep: Callable[[float], None]) -> Callable[[float], None]:
    """What a harvest's fetcher tells of its requests: before its first (a harvest that asks nothing waits nothing), what
    is left since the host's last request of the longest delay its last harvest kept (its own, robots.txt's) is waited
    out, as the crawl waits what is left of its own; then this harvest's longest and its last request are the host's.
    A host is `site`'s (see origin_of), on any port: the sites of one shared server or CDN are not one."""
    from harvester.fetch.client import origin_of

    host = urlsplit(origin_of(site)).hostname
    longest: list[float] = []   # this harvest's, once it asked

    def paced(delay: float) -> None:
        if not longest and host in asked:
            kept, last = asked[host]
            if (left := last + max(kept, delay) - time.monotonic()) > 0:
                sleep(left)
        longest[:] = [max([*longest, delay])]
        asked[host] = (longest[0], time.monotonic())

    return paced


@contextlib.contextmanager
def _only_run(path: Path) -> Iterator[None]:
    """One `harvester run` of a harvests file at a time: a second (cron's next while the last still runs) stops at once,
    rather than go on to the harvests the first has not reached yet and ask the site alongside it. The lock is a file
    beside it, .NAME.lock, there while the run goes: the harvests file may be replaced by another (an editor's save,
    `mv new NAME`) meanwhile, which a lock of the file itself would not hold. In a folder that takes no file, it is that;
    a lock file this run may not write (another user's run left it) is locked all the same (a lock needs no write).
    The lock file is removed while still locked, and a run that locked one no longer there (removed after it opened
    it) opens the one there now: else it and a run that made that one would both go."""
    real = path.resolve()   # (a link to the file is the file)
    lock = real.with_name(f".{real.name}.lock")
    while True:
        try:
            held = lock.open("a")
        except OSError:   # (locking the harvests file instead, it would go alongside a run that holds the lock file)
            lock = lock if lock.exists() else real
            held = lock.open("rb")
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            held.close()
            raise BusyError(f"{path}: another harvester run of this file is going; wait for it to finish") from None
        except OSError:   # a file system that keeps no locks: each dataset's own lock still holds
            pass
        with contextlib.suppress(OSError):
            if lock == real or os.path.samestat(os.fstat(held.fileno()), lock.stat()):
                break
        held.close()   # a run that ended removed the lock file after this one opened it: open the one there now
    with held:
        try:
            yield
        finally:
            if lock != real:
                with contextlib.suppress(OSError):   # (another user's, in a folder only its owner may remove it from, stays)
                    lock.unlink(missing_ok=True)


def _check_together(path: Path, jobs: list[Job]) -> None:
    """What each harvest of a harvests file needs of this machine and of the others, checked before the first runs: its
    dataset's name, its folder, its names file, and no two harvests of other searches writing one dataset. (Its cookies
    and browser are its own: a harvest whose cookies have expired fails alone.)"""
    datasets: dict[tuple[Path, str], tuple[int, Job]] = {}
    for number, job in enumerate(jobs, 1):
        try:
            name = check_name(_name(job))
            if job.out.exists() and not job.out.is_dir():
                raise UsageError(f"--out {job.out}: not a folder")
            if job.names_file is not None:
                NameTable.load(job.names_file)
        except UsageError as error:
            raise UsageError(f"{path}: harvest {number}: {as_keys(str(error))}") from None
        earlier, other = datasets.setdefault((job.out.resolve(), name), (number, job))
        if earlier != number:   # of the same search, it would still write over what the earlier run found changed
            same = "" if other.search.key == job.search.key and other.site == job.site else ", of another search"
            raise UsageError(f"{path}: harvest {number}: its dataset {name} in {job.out} is harvest {earlier}'s{same}; "
                             "give one of them another name")
    for (out, name), (number, _) in datasets.items():
        if (clash := next((other for other in clashing_names(name) if (out, other) in datasets), None)):
            other = datasets[out, clash][0]
            raise UsageError(f"{path}: harvest {max(number, other)}: datasets {name} (harvest {number}) and {clash} (harvest "
                             f"{other}) in {out} would write the same files; give one of them another name")


def _dataset(job: Job) -> str:
    """A harvest of a harvests file said by its dataset's name, then its search: two harvests of one search (with other
    names, other options) are told apart."""
    return one_line(f"{_name(job)} ({job.search})")


def _name(job: Job) -> str:
    return dataset_name(job.out, job.site, job.search) if job.name is None else job.name


def _given(jobs: list[Job], number: int) -> str:
    """A harvest of the file as `harvester run FILE NAMES` takes it: its dataset's name, or its number when another
    harvest's dataset has that name too (in another folder), or when the name is another harvest's number."""
    name = _name(jobs[number - 1])
    return name if [_name(job) for job in jobs].count(name) == 1 and not _numbers_a_harvest(name, jobs) else str(number)


def _numbers_a_harvest(name: str, jobs: list[Job]) -> bool:
    """Whether NAME after a harvests file is a harvest's number (a dataset named so, "2", is given by its own number;
    one named "1956", in a file of fewer harvests, by its name)."""
    return name.isdecimal() and 0 < int(name) <= len(jobs)


def _harvest_job(job: Job, again: str = "run the same command again to resume", then: str = "",
                 paced: Callable[[float], None] = lambda delay: None, unwell: set[str] | None = None) -> int:
    """Run one harvest, with a progress bar on a terminal; print what it did; 1 if it had warnings. A stop says what
    is kept, and `again`: how to resume; once the files are written, `then`: what is left to do. `paced` is told the
    delay before each request, and a longer one that robots.txt asks for; `unwell`, as `harvest` is told."""
    name = check_name(_name(job))
    check_fetch_ready(job.settings)   # its cookies, its browser: a harvest that cannot start asks nothing
    names = NameTable.load(job.names_file)   # (a mistake in it is said before the harvest is)
    log.info("harvesting %s from %s into %s", job.search, job.settings.base_url or job.site.home, job.out / name)
    if job.settings.base_url is None and not job.settings.contact:
        log.warning("no --contact: the User-Agent tells %s who harvests but not how to reach you; "
                    "give --contact URL_OR_EMAIL (or contact = ... in the harvests file)", job.site.home)
    sleep = click.get_current_context().obj or time.sleep   # main() may be given another, for tests
    generation = _generation(job.out, name)
    try:
        with _progress() as progress:
            outcome = harvest(job.site, job.search, job.out, name, job.formats, job.settings, sleep=sleep,
                              names=names, progress=progress, paced=paced, unwell=unwell)
    except (KeyboardInterrupt, Exception) as error:
        if (stop := stop_within(error)) is None:
            raise
        kept = runs_archived(job.out / "archive", name)   # (none: a first run stopped before any page removed what it made)
        files = ("the dataset's files are as they were" if _generation(job.out, name) == generation else
                 "the dataset's files are this run's, but its end is not recorded")   # (stopped as it was being recorded)
        stop.args = (f"the pages fetched so far are kept ({job.out / 'archive'}); {files}; {again}"
                     if kept else f"no page was fetched, and nothing written; {again}",)
        raise stop from None
    resumed = (f" this time: the resumed run read {plural(outcome.replayed, 'page')} back from its archive"
               if outcome.replayed else "")
    return _print_outcome(outcome, f"harvested {outcome.documents:,} of {plural(outcome.total, 'document')} for {outcome.search_words} "
                            f"({plural(outcome.pages, 'results page')}, {plural(outcome.requests, 'request')}{resumed})", then)


def _generation(out: Path, name: str) -> int | None:
    """The folder that holds the dataset's files, as a number that a run's end changes (it switches to its own): None
    before the first."""
    with contextlib.suppress(OSError):
        return os.stat(files_home(out, name) / "current").st_ino
    return None


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[str, int, int, str], None]]:
    """A tqdm bar of each stage (results pages, document pages, scans) when stderr is a terminal; log lines (already
    printed) otherwise."""
    if not sys.stderr.isatty() or log.getEffectiveLevel() > logging.INFO:
        yield lambda stage, done, total, note: None
        return
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    with tqdm(desc="results pages", unit=" pages", leave=False) as bar, logging_redirect_tqdm():
        def update(stage: str, done: int, total: int, note: str) -> None:
            if stage != bar.desc:   # the next stage: a bar of its own
                bar.set_description_str(stage, refresh=False)
                bar.unit = " pages" if stage.endswith("pages") else " documents"
                bar.reset(total=total)
            bar.total = max(bar.total or 0, total, done)
            bar.n = done
            bar.set_postfix_str(note, refresh=False)
            bar.refresh()

        yield update


@cli.command("prune")
@loudness
@click.argument("out_dir", metavar="DIR", type=_Path(file_okay=False, path_type=Path))
@click.option("--keep-runs", type=click.IntRange(1), required=True, metavar="N",
              help="Keep the WARC files of each dataset's last N finished runs (and the earlier ones they need).")
@click.option("--name", default=None, help="The dataset (default: every dataset of DIR/archive).")
@click.option("--dry-run", is_flag=True, help="List the files that would go, and remove nothing.")
def prune_command(out_dir: Path, keep_runs: int, name: str | None, dry_run: bool) -> int:
    """Remove the WARC files of older runs from DIR/archive, for a folder harvested every week for years.

    The files of each dataset's last N runs that finished stay, and of every run since, and every
    earlier file that holds a page those runs found unchanged (their 304 answers point at it): a
    re-parse of the files left reads every page of the runs kept. Harvesting needs none of the files
    removed. A file that cannot be read whole is kept, with every file before it.

    Example:

    \b
        harvester prune data --keep-runs 8 --dry-run
    """
    folder = out_dir / "archive"
    datasets = [check_name(name)] if name else datasets_archived(folder.glob("*.warc.gz"))
    datasets = [name for name in datasets if state_file(out_dir, name).is_file() and runs_archived(folder, name)]
    if not datasets:
        hint = f" (give the output folder, {out_dir.parent}, which holds archive/)" if out_dir.name == "archive" else ""
        raise UsageError(f"{out_dir}: no dataset {f'{name} ' if name else ''}with WARC files in {folder}{hint}")
    warnings: list[str] = []
    for name in datasets:
        with State(out_dir, name, read_only=True) as state:   # (and its lock: a run of the dataset going on writes its files)
            archived = set(runs_archived(folder, name).values())
            # those of a history before the state's (a state started afresh) are taken for finished; a finished run whose
            # files were deleted by hand is none a re-parse can read
            finished = {run for run in state.finished_runs() if run in archived} | {run for run in archived if run < state.first_run()}
            kept, old, said = files_to_keep(folder, name, sorted(finished)[-keep_runs:])
            warnings += said
            size = sum(path.stat().st_size for path in old) / 1e6
            for path in old:
                if dry_run:
                    _say(f"would remove {path}")
                    continue
                try:
                    path.unlink()
                except OSError as error:   # (removing a file needs its folder writable; prune has no --out to give instead)
                    if error.errno == errno.EPERM:   # (not the folder's rights, which chmod would change: a mark, or an owner)
                        raise StorageError(f"{path}: cannot remove it: it or its folder is marked immutable or append-only "
                                           "(lsattr -d shows it), or it is another user's in a shared folder") from None
                    if error.errno not in (errno.EACCES, errno.EROFS):
                        raise storage_error(path, error) from None
                    raise StorageError(f"{folder}: cannot remove files from it: " + (
                        "its file system is read-only" if error.errno == errno.EROFS else
                        f"it is read-only or not yours: make it writable (chmod u+w {shlex.quote(str(folder))})")) from None
        _say(f"{name}: {'would remove' if dry_run else 'removed'} {plural(len(old), 'WARC file')} ({size:,.2f} MB), "
                   f"kept {len(kept):,}")
    for warning in warnings:
        log.warning("%s", warning)
    return EXIT_WARNINGS if warnings else 0


@cli.command("report")
@loudness
@click.argument("dataset", type=_Path(path_type=Path))
@click.option("--out", "out_file", type=_Path(path_type=Path, writes=PAGE_SUFFIXES), default=None,
              help="The HTML file to write, or a folder to write NAME.report.html in (default: beside the dataset).")
def report_command(dataset: Path, out_file: Path | None) -> None:
    """Write one self-contained HTML page about a dataset: counts, documents per year, types, people, places, warnings.

    DATASET is any file of it (NAME.csv, .json, .jsonl, .parquet, .sqlite, .datapackage.json), its folder
    and name (output/NAME), or a folder that holds one dataset. The page needs no network to view.

    Example:

    \b
        harvester report output/wilson-korean-workers-party.csv
    """
    from harvester.analysis.report import write_report  # brings pandas: only this command needs it

    if out_file is not None and not out_file.is_dir() and out_file.suffix.lower() not in PAGE_SUFFIXES:
        raise UsageError(f"--out {out_file}: the report is a web page; give a file name ending in .html, or a folder "
                         "that is there")
    _say(f"wrote {write_report(dataset, out_file)}")


def _print_outcome(outcome: Outcome, headline: str, then: str = "") -> int:
    """Print the outcome; return 1 when there were warnings (the run succeeded, but look), else 0."""
    files = outcome.files + _remade_page(outcome, then)
    _done()   # (a stop while the warnings are printed said "nothing written")
    for warning in outcome.warnings:
        log.warning("%s", warning)
    quiet = log.getEffectiveLevel() > logging.INFO   # -q: the summary, not the files (the same every run)
    lines = [headline, *([summary_line(outcome.report)] if outcome.report else []),
             *([] if quiet else (f"wrote {path}" for path in files))]
    _say("\n".join(lines))
    return EXIT_WARNINGS if outcome.warnings else 0


def _remade_page(outcome: Outcome, then: str = "") -> list[Path]:
    """The report page `harvester report` wrote beside the dataset, made again from its new files: left as it was, it
    would tell of an earlier run. One that cannot be made is a warning, and the dataset stands. A stop meanwhile says
    so, and `then`: what is left to do."""
    package = next((path for path in outcome.files if path.name.endswith(PACKAGE_SUFFIX)), None)
    page = package.with_name(package.name.removesuffix(PACKAGE_SUFFIX) + REPORT_PAGE_SUFFIX) if package else None
    if page is None or not page.is_file():
        return []
    try:
        from harvester.analysis.report import made_here, write_report   # brings pandas: only for a dataset that has a page

        if not made_here(page):
            outcome.warnings.append(f"{page}: not a page harvester report made (a file of your own?), so not made again; "
                                    "it tells of no run of the dataset")
            return []
        return [write_report(package)]
    except KeyboardInterrupt as stop:
        stop.args = (f"the dataset's new files are written; {page} still tells of an earlier run: "
                     f"harvester report {package} makes it again{then}",)
        raise
    except HarvesterError as error:
        outcome.warnings.append(f"{page}: not made again, so it tells of an earlier run ({error})")
        return []


STOPS = (signal.SIGINT, signal.SIGTERM)


def _done() -> None:
    """A run's files and page are written, or the command has ended: a Ctrl-C or SIGTERM from here on has nothing left to
    stop, and is ignored (it said "nothing written" of the files just written, or, in the interpreter's exit, killed it
    with nothing said or a traceback)."""
    for stop in STOPS:
        signal.signal(stop, signal.SIG_IGN)


class Terminated(KeyboardInterrupt):
    """SIGTERM: stopped as Ctrl-C stops, with its own exit code."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def stop_within(error: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM that `error` is, or that a library caught and raised as an error of its own, found in what
    it was raised from (openpyxl turns anything, a stop too, into a TypeError as it converts a value): None if none."""
    seen: set[int] = set()
    while error is not None and not isinstance(error, KeyboardInterrupt) and id(error) not in seen:
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return error if isinstance(error, KeyboardInterrupt) else None


def one_line(message: str) -> str:
    """A message as one line, whatever it quotes: a line break in a file's name is shown as \\n."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda control: repr(control[0])[1:-1], message)


def unexpected(error: Exception) -> str:
    """A bug, said in one line (-v prints where it happened)."""
    log.debug("unexpected error", exc_info=error)
    return f"unexpected {type(error).__name__}: {error} (a bug: please report it; -v shows where)"


def _say(text: str, err: bool = False) -> None:
    """Print a line (stdout, or stderr with `err`). Output no one can read (the reader gone: | head -1; a full disk; a
    closed stream) is dropped from then on: what the run did stands, and so does its exit code."""
    try:
        click.echo(text, err=err)
    except OSError:
        _drop(sys.stderr if err else sys.stdout)


def _drop(stream: object) -> None:
    """Send what is left for a stream no one can read to nowhere, so that no later write, nor the flush at exit, fails."""
    with contextlib.suppress(OSError, ValueError, AttributeError):   # (AttributeError: a stream that is None)
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def _flushed() -> None:
    """Both streams flushed, or dropped when they cannot be (else the interpreter's flush at exit fails: exit 120)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            _drop(stream)


def end_now(code: int) -> NoReturn:
    """End the process once a stop is said, without the interpreter's clean-up at exit. The stop has unwound through
    every `with` (the state committed, the lock released, no half-written file), so nothing is lost; what is left for
    that clean-up can only print after the line. A terminal's Ctrl-C also kills a browser's driver, whose pipe would
    be closed at exit against an event loop already closed, with a traceback."""
    logging.shutdown()
    _flushed()
    os._exit(code)


def main(sleep: Callable[[float], None] = time.sleep) -> None:
    """Entry point: run the CLI and turn errors into one line and an exit code (`sleep` waits between requests)."""
    signal.signal(signal.SIGTERM, _terminate)
    for name in ("stdout", "stderr"):   # closed (2>&-): the run goes on, saying nothing there
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    try:
        _main(sleep)
    finally:
        _done()
        _flushed()


def _main(sleep: Callable[[float], None]) -> None:
    try:
        code = cli.main(standalone_mode=False, obj=sleep)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except getattr(click.exceptions, "NoArgsIsHelpError", ()) as asked:   # `harvester` alone (click 8.2 on): its help
        _say(asked.format_message())
        sys.exit(0)
    except click.ClickException as error:
        hint = f" (see: {error.ctx.command_path} --help)" if isinstance(error, click.UsageError) and error.ctx else ""
        _say(f"harvester: error: {error.format_message()}{hint}", err=True)
        sys.exit(error.exit_code)
    except (KeyboardInterrupt, Exception) as error:
        # Ctrl-C, or SIGTERM as cron or systemd stops a run: as raised, wrapped by click (Abort), or made an error of its own
        # by a library
        if (stop := stop_within(error)) or isinstance(error, click.exceptions.Abort):
            what = "stopped (SIGTERM)" if isinstance(stop, Terminated) else "interrupted"
            _say(f"harvester: {what}: {stop.args[0] if stop and stop.args else 'nothing written'}", err=True)
            end_now(EXIT_TERMINATED if isinstance(stop, Terminated) else EXIT_INTERRUPTED)
        # a failure said in one line; a bug too, exit 7 (never 0 or 1, which cron reads as success)
        if isinstance(error, OSError) and error.filename is not None:   # but a path the system refused is the user's
            error = path_error(error)
        known = isinstance(error, HarvesterError)
        _say(f"harvester: error: {one_line(str(error) if known else unexpected(error))}", err=True)
        sys.exit(error.exit_code if known else HarvesterError.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
