"""The harvests file for scheduled runs: `harvester run harvests.toml` reads a list of harvests from TOML."""

from __future__ import annotations

import datetime
import difflib
import json
import os
import re
import shlex
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from harvester.errors import UsageError
from harvester.normalize.names import without_accents
from harvester.output.files import parse_formats
from harvester.settings import Settings
from harvester.sites import DEFAULT_SITE, Search, Site, dns_takes, get_site, reachable, typed_query

# keys a [[harvest]] table (or the top level, as defaults for all) may set, with their types
KEYS: dict[str, type | tuple[type, ...]] = {
    "site": str, "query": str, "url": str, "all": bool, "out": str, "name": str, "formats": list, "base_url": str, "delay": (int, float),
    "max_pages": int, "contact": str, "allow_incomplete": bool, "names": str, "details": bool, "transcript_in_csv": bool,
    "fetch": str, "browser_path": str, "browser_profile": str, "show_browser": bool, "challenge_wait": (int, float),
    "cookies": str, "user_agent": str,
    "pdfs": bool, "max_pdf_mb": (int, float),
}
PATH_KEYS = ("out", "names", "browser_path", "browser_profile", "cookies")   # paths from the file's folder: an empty one would be that folder
# the keys a Settings field of the same name takes as they are (the others are checked, converted or renamed first)
AS_GIVEN = ("delay", "challenge_wait", "max_pages", "max_pdf_mb", "contact", "allow_incomplete", "details", "transcript_in_csv",
            "pdfs", "fetch", "show_browser")


def as_keys(message: str) -> str:
    """A message's command-line options said as the harvests file's keys (--allow-incomplete: allow_incomplete = true;
    --cookies FILE: cookies = "FILE"; --fetch browser: fetch = "browser")."""
    def key(option: re.Match) -> str:
        name, value = "formats" if option[1] == "format" else option[1].replace("-", "_"), option[2]
        if name not in KEYS:
            return option[0]
        if KEYS[name] is bool:
            return f"{name} = true" + (f" {value}" if value else "")
        if value and (value.isupper() or (name == "fetch" and value in ("http", "browser"))):   # a placeholder, a choice
            return f'{name} = "{value}"'
        if value and KEYS[name] in (int, (int, float)):   # a number out of range: delay = -3
            return f"{name} = {value}"
        return name + (f" {value}" if value else "")
    # an option (not the "--" inside a path), and the word after it when that word stands alone (not a path's start),
    # or the number before a colon
    return re.sub(r"(?<![\w/.-])--([a-z][a-z-]*)(?: ([A-Za-z]+(?=[\s,;)]|$)|-?(?:\d[\d.]*(?:e[-+]?\d+)?|nan|inf)(?=:)))?",
                  key, message)


@dataclass(frozen=True)
class Job:
    """One harvest of a harvests file, ready to run."""

    site: Site
    search: Search
    out: Path
    name: str | None
    formats: tuple[str, ...]
    settings: Settings
    names_file: Path | None


def load_jobs(path: Path) -> list[Job]:
    """Read and check every harvest of the file; a mistake is one line naming the file and the place."""
    if path.exists() and not path.is_file():   # (<(cat h.toml): click refuses a folder)
        raise UsageError(f"{path}: not a file (a pipe?): a harvests file's relative paths are from its folder, and a run "
                         "stopped is finished by naming it again: save it to a file")
    try:
        text = path.read_text(encoding="utf-8-sig")   # (a byte-order mark, as Notepad saves one)
        data = tomllib.loads(text)
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError as error:   # (PowerShell's `>` writes UTF-16; an old editor, Latin-1)
        line = error.object[:error.start].count(b"\n") + 1
        raise UsageError(f"{path}: not UTF-8 text (line {line}): save it as UTF-8, as TOML files are") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: {_toml_mistake(text, error)}") from None
    tables = data.pop("harvest", None)
    if isinstance(tables, dict):   # [harvest]: one table, where each harvest is one of a list
        raise UsageError(f"{path}: {ONE_BRACKET}")
    if tables is None and (other := next((key for key, value in data.items() if isinstance(value, list) and value
                                          and all(isinstance(table, dict) for table in value)), None)):
        raise UsageError(f"{path}: [[{other}]]: each harvest is a [[harvest]] table")   # misspelt: [[harvests]], [[Harvest]]
    defaults = _checked(data, f"{path}: top level")
    if not isinstance(tables, list) or not tables or not all(isinstance(table, dict) for table in tables):
        raise UsageError(f"{path}: no [[harvest]] tables; each harvest is a [[harvest]] table with a url, a query or all = true")
    return [_job(defaults, _checked(table, f"{path}: harvest {number}"), f"{path}: harvest {number}", path.parent)
            for number, table in enumerate(tables, 1)]


ONE_BRACKET = "[harvest] is written with two brackets, [[harvest]], one for each harvest"


def _toml_mistake(text: str, error: tomllib.TOMLDecodeError) -> str:
    """What tomllib found wrong, in the file's words where its own are cryptic: a key given twice in one table ("Cannot
    overwrite a value"), and [harvest] for each harvest (two of them: "Cannot declare ('harvest',) twice")."""
    said, line = str(error), re.search(r"at line (\d+)", str(error))
    if said.startswith("Cannot") and re.search(r"(?m)^\s*\[\s*harvest\s*\]", text):
        return ONE_BRACKET
    key = line and re.match(r"\s*([^=\[]+?)\s*=", text.split("\n")[int(line[1]) - 1])   # (lines as tomllib counts them)
    if said.startswith("Cannot overwrite a value") and key:
        return f"line {line[1]}: {key[1]} is given twice in one table"
    return f"not valid TOML ({said})"


def _checked(table: dict, where: str) -> dict:
    for key, value in table.items():
        if key not in KEYS:
            near = difflib.get_close_matches(key.replace("-", "_"), KEYS, 1)   # format, max-pages: as the command line writes them
            raise UsageError(f"{where}: unknown key {key!r} ({f'did you mean {near[0]!r}? ' if near else ''}known: {', '.join(KEYS)})")
        if not isinstance(value, KEYS[key]) or (isinstance(value, bool) and KEYS[key] is not bool):
            kind, like = _WANTED[KEYS[key]]
            raise UsageError(f"{where}: {key} = {as_written(value)} is not {kind}: give {key} = {like}")
        if key in PATH_KEYS and not value:
            raise UsageError(f"{where}: {key} = \"\" is an empty path, which names no file or folder: give one "
                             "(\".\" for the harvests file's folder), or leave the key out")
        if key in PATH_KEYS and "\0" in value:
            raise UsageError(f"{where}: {key} = {as_written(value)} holds a NUL character, which no path may hold")
        if key in PATH_KEYS:
            table[key] = home_path(value, f"{where}: {key} = {as_written(value)}")
    return table


def home_path(path: str, said: str) -> str:
    """A path whose ~ is one's home (~user: theirs), as in a shell, never a folder named "~", nor a web address pasted
    there; `said` names the path in the message (cron's env -i leaves no HOME to tell; a user may have none)."""
    if re.match(r"https?://", path, re.I):
        raise UsageError(f"{said}: a web address, not a file or folder on this machine (a search's address is harvester "
                         "harvest's URL, or a harvests file's url)")
    expanded = os.path.expanduser(path)
    if expanded.startswith("~"):
        raise UsageError(f"{said}: whose home is ~ cannot be told (HOME is not set, or no such user): give the whole path")
    return expanded


# what a key of each type takes, and a line of the file that gives it
_WANTED = {str: ("a string", '"..."'), int: ("a whole number", "10"), (int, float): ("a number", "5"),
           bool: ("true or false", "true"), list: ("a list", '["csv", "json"]')}


def as_written(value: object) -> str:
    """A value as the file wrote it, near enough, in TOML's words (true, inf, 1979-05-27T07:32:00, "fast", [1, 2],
    {a = 1}), not Python's (True, datetime.datetime(1979, 5, 27, 7, 32), 'fast') nor JSON's (Infinity), on one line."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)   # inf, nan, 1e+300
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, list):
        return f"[{', '.join(map(as_written, value))}]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key if _BARE_KEY.fullmatch(key) else as_written(key)} = {as_written(item)}"
                               for key, item in value.items()) + "}"
    # (a string's escapes are TOML's: \", \n, \u0000, \U000e0001; a character unseen or a line break JSON leaves too)
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
                   for c in json.dumps(value, ensure_ascii=False, default=str))


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _job(defaults: dict, table: dict, where: str, base: Path) -> Job:
    values = {**defaults, **table}
    # a search given at the top level is every harvest's: one given there and another here are two
    top = " and ".join("all = true" if key == "all" else key for key in ("url", "query", "all")
                       if key not in table and defaults.get(key, False) is not False)
    base_url = checked_origin(values["base_url"], f"{where}: base_url =") if "base_url" in values else None
    if not all(isinstance(fmt, str) for fmt in values.get("formats", [])):
        raise UsageError(f"{where}: formats = {as_written(values['formats'])}: give a list of names, like [\"csv\", \"json\"]")
    paths = {key: base / values[key] for key in ("browser_profile", "cookies") if key in values}
    if "browser_path" in values:
        paths["browser_path"] = str(base / values["browser_path"])
    given = {key: values[key] for key in AS_GIVEN if key in values}
    try:
        formats = parse_formats(",".join(values.get("formats", ["csv", "json"])))
        site = get_site(values.get("site", DEFAULT_SITE))
        search, base_url = given_search(site, values.get("url"), values.get("query"), values.get("all", False), base_url,
                                    "url, query or all = true" + (f" ({top}: given at the top level, for every harvest; "
                                                                  "give each harvest its own search instead)" if top else ""))
        settings = checked_fetch(Settings(base_url=base_url, own_user_agent=values.get("user_agent"), **paths, **given))
    except UsageError as error:   # said in the file's own words: formats, allow_incomplete = true
        raise UsageError(f"{where}: {as_keys(str(error))}") from None
    names = values.get("names")
    return Job(site, search, base / values.get("out", "output"),
               values.get("name"), formats, settings, base / names if names else None)


def given_search(site: Site, url: str | None, query: str | None, whole: bool, base_url: str | None,
             choices: str) -> tuple[Search, str | None]:
    """The search a harvest is given (exactly one of an address, a full-text query, the whole archive), and the
    origin to fetch it from (None: the site's home)."""
    given = [what for what in (url, query) if what is not None] + ([True] if whole else [])
    if len(given) != 1:
        raise UsageError(f"give {'one' if not given else 'only one'} of {choices}")
    if url is not None and "://" not in url and os.path.exists(os.path.expanduser(url)):
        raise UsageError(f"{url}: a file or folder on this machine, not a search's address; saved pages are read with "
                         f"harvester reparse {shlex.quote(url)} --out DIR")
    if url is not None:
        return site.search_at(url, base_url)
    if query is not None and not query.strip():
        raise UsageError("--query is empty: give words to search for, or --all for the whole archive")
    host = query.strip().split("/")[0].casefold().removeprefix("www.") if query is not None else None
    if query is not None and (re.match(r"\s*https?://", query, re.I) or host in site.hosts):   # an address, misplaced
        raise UsageError(f"--query {query.strip()!r}: an address, not words to search for: give it as the URL, not as --query")
    return Search(typed_query(query, "--query") if query is not None else ""), base_url


def checked_origin(base_url: str, said: str) -> str:
    """The origin (scheme, host and port) of a base URL; `said` names the option in the message of a bad one."""
    try:
        parts = urlsplit(base_url)
        good = parts.scheme in ("http", "https") and parts.hostname and (parts.port or True) and dns_takes(parts.hostname)
    except ValueError:   # "http://[::1", a port that is no number
        good = False
    if not good:
        raise UsageError(f"{said} {base_url!r}: give an origin like http://127.0.0.1:8000")
    if parts.path.strip("/") or parts.query or parts.fragment:   # the site's own paths are asked for on it: /search, /document/...
        raise UsageError(f"{said} {base_url!r}: give the origin alone, {parts.scheme}://{parts.netloc} (a mirror must "
                         "serve the site's own paths)")
    return reachable(f"{parts.scheme}://{parts.netloc}")


def checked_fetch(settings: Settings) -> Settings:
    """The fetching options, checked together (said as the command line's options; see `as_keys`)."""
    if settings.fetch not in ("http", "browser"):   # (the command line's --fetch takes these alone: a harvests file's key)
        raise UsageError(f'fetch = {as_written(settings.fetch)}: give "http" or "browser"')
    # "José García" -> "Jose Garcia": the User-Agent header carries ASCII only, and a name without its accents still says
    # who harvests (the --user-agent of a browser's session must be kept exact: only the quotes and line end the console
    # shows it with, which copy with it, are taken off; no User-Agent starts or ends with one)
    settings = replace(settings, own_user_agent=settings.own_user_agent and settings.own_user_agent.strip("'\" \t\r\n"))
    for option, value, fold in (("--contact", settings.contact, without_accents),
                                ("--user-agent", settings.own_user_agent or "", str)):
        if unsent := "".join(dict.fromkeys(c for c in value if not all(f.isascii() and f.isprintable() for f in fold(c)))):
            raise UsageError(f"{option} {value!r}: the User-Agent header carries plain ASCII only (no line breaks"
                             + (", accents dropped" if fold is without_accents else "") + f"): {unsent!r} cannot be sent")
    settings = replace(settings, contact=without_accents(settings.contact))
    if settings.fetch == "browser" and (settings.cookies or settings.own_user_agent):
        raise UsageError("--cookies and --user-agent are for the plain client; the browser keeps its own cookies and User-Agent")
    if settings.fetch != "browser" and (settings.show_browser or settings.browser_path or settings.browser_profile):
        raise UsageError("--show-browser, --browser-path and --browser-profile need --fetch browser")
    if settings.cookies and not settings.own_user_agent:
        raise UsageError("--cookies needs --user-agent: the site binds its clearance cookie to the User-Agent of the browser "
                         "that passed its check")
    return settings


def check_fetch_ready(settings: Settings) -> None:
    """What fetching needs from the machine, checked as a harvest starts (in a harvests file, each harvest's own):
    the cookies file, and for --fetch browser Playwright, a Chromium and a display to show it on."""
    cookies = settings.cookies   # a file, or a pipe (<(...): a harvest reads them once); not a device, which may never end
    if cookies and not (cookies.is_file() or cookies.is_fifo()):   # (/dev/zero)
        raise UsageError(f"--cookies {cookies}: " + ("a folder, not a cookies file" if cookies.is_dir() else
                                                     "a device, not a cookies file" if cookies.exists() else "no such file"))
    if settings.fetch == "browser":
        from harvester.fetch.browser import check_browser

        check_browser(settings)
