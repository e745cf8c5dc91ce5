"""Saved pages on disk: find the HTML files under the paths given, and read each as a Page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, UTC
from pathlib import Path

from harvester.errors import InputError
from harvester.page import Page, decode_html, saved_url

HTML_SUFFIXES = (".html", ".htm")


def find_html(paths: Iterable[Path]) -> list[Path]:
    """Every .html/.htm file named or under a named folder, in natural order (page-2 before page-10)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in HTML_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found:
        raise InputError(f"{', '.join(map(str, paths))}: no .html pages found")
    return sorted(dict.fromkeys(found), key=_natural)


def read_saved(path: Path) -> tuple[Page, str]:
    """The saved page as a Page (its URL if the saving tool recorded it, else '') and its decoded text."""
    try:
        body = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    text = decode_html(body, name=str(path))
    mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    return Page(saved_url(text) or "", body, fetched_at=mtime), text


def _natural(path: Path) -> list[object]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", str(path))]
