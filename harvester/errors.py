"""The exception tree: every failure a user can meet, each with its exit code.

    HarvesterError                 any failure harvester reports as one line (exit 7)
    ├── UsageError                 bad arguments, unknown site, unwritable output (exit 2)
    │   └── StorageError           the disk or a folder refused a write: full, read-only, a name too long (exit 2)
    ├── InputError                 a saved page that cannot be read: empty, binary, no such file (exit 2)
    ├── FetchError                 the network failed after every retry, or the server refused (exit 3)
    │   ├── OffSiteError           a link or redirect that leaves the site's host (exit 3)
    │   └── UnreachableError       the site could not be reached (the network), after every try (exit 3)
    ├── BrowserGoneError           the browser of --fetch browser closed or crashed: the run stops, to resume (exit 3)
    ├── RetriesSpentError          the run spent its retries (Settings.max_retries): the site is unwell; the run stops (exit 3)
    ├── BlockedError               a bot challenge or repeated 403/429: stop, do not hammer (exit 4)
    ├── LayoutError                the page is not what the parser knows: layout drift (exit 5)
    ├── IncompleteError            the documents seen do not add up to the total (exit 6)
    └── BusyError                  another run holds the output folder's lock for this dataset (exit 8)

Exit code 1 is not an error: the run succeeded, with warnings.

The CLI turns each into `harvester: error: <message>` on stderr and its exit code.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path


class HarvesterError(Exception):
    exit_code = 7


class UsageError(HarvesterError):
    exit_code = 2


class StorageError(UsageError):
    """The disk or a folder refused what harvester must write; says what to free or change."""


_STORAGE_REASONS = {
    errno.ENOSPC: "the disk is full: free some space, then run the same command again (a harvest resumes)",
    errno.EDQUOT: "the disk quota is used up: free some space, then run the same command again (a harvest resumes)",
    errno.EROFS: "the file system is read-only: use another --out",
    **dict.fromkeys((errno.EACCES, errno.EPERM), "it is read-only or not yours: make it writable (chmod u+w), or use another --out"),
    errno.ENAMETOOLONG: "the name is too long for the file system: give a shorter --name",
    errno.EFBIG: "the file grew larger than the file system allows",
    errno.ENOENT: "its folder does not exist: create it, or give another path",
    errno.ENOTDIR: "a part of its path is a file, not a folder: give another path",
    errno.EISDIR: "a folder is where the file goes: move it away",
    errno.EBUSY: ("the system has it in use (a mount point, or a file open in a program on a network share?): unmount it "
                  "or close it, or move it away, then run the same command again"),   # (a share's sharing violation is EBUSY)
    "locked": "another program has it open and locked (an SQLite browser?): close it, then run the same command again",
}
_SQLITE_REASONS = {"full": errno.ENOSPC, "readonly": errno.EACCES, "unable to open": errno.EACCES, "locked": "locked"}


SQLITE_MAX_PATH = 505   # bytes: SQLite opens no database whose whole path is this long (its 512, less "-journal")


def too_long_for_sqlite(path: Path) -> bool:
    return len(os.fsencode(os.path.abspath(path))) >= SQLITE_MAX_PATH


def storage_error(path: object, error: OSError | Exception) -> StorageError:
    """A failure to write `path` (an OSError, or SQLite's word for one) said in words, with what to do."""
    code, there = getattr(error, "errno", None), getattr(error, "filename", None)
    if code == errno.EEXIST and there and not os.path.isdir(there):   # a folder to make, where something else is
        if not os.path.islink(there) or os.path.exists(there):          # (a link to a file is a file in the way)
            return StorageError(f"{there}: a file where a folder goes: move it away")
        path = there
    if os.path.islink(str(path)) and not os.path.exists(str(path)):   # (kept on another disk, not mounted: SQLite said "unable to open")
        link = f"{path}: a link to {os.readlink(str(path))}, which"
        if loops(str(path)):
            return StorageError(f"{link} leads round in a loop back to itself: point it elsewhere, or move the link away")
        return StorageError(f"{link} leads nowhere (a disk not mounted?): "
                            + ("make that folder" if code == errno.EEXIST else "mount its disk") + ", or move the link away")
    if code is None and "unable to open" in str(error) and too_long_for_sqlite(Path(str(path))):
        return StorageError(f"{path}: cannot write: its whole path is longer than SQLite takes ({SQLITE_MAX_PATH - 1} "
                            "bytes at most): use a shorter --out or --name")
    if code is None:   # sqlite3 says it in its message; its "disk I/O error" is most often a full disk
        code = next((number for word, number in _SQLITE_REASONS.items() if word in str(error)), None)
        code = errno.ENOSPC if code is None and "I/O error" in str(error) and _full(path) else code
    return StorageError(f"{path}: cannot write: {_STORAGE_REASONS.get(code, str(error) or type(error).__name__)}")


@contextlib.contextmanager
def storing(path: object) -> Iterator[None]:
    """A block that writes `path`: its OSError is said as `storage_error` says it."""
    try:
        yield
    except OSError as error:
        raise storage_error(path, error) from None


_PATH_REASONS = {
    **dict.fromkeys((errno.EACCES, errno.EPERM), "permission denied: it, or a folder on the way to it, is not open to you "
                                                 "(check their rights)"),
    errno.ENAMETOOLONG: "a name in the path is too long for the file system",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ELOOP: "its symbolic links lead round in a loop",
}


def path_error(error: OSError) -> UsageError:
    """A path the system refused to open or list (no rights to it, a name too long), said with the path: the user's to
    change, not a bug."""
    reason = _PATH_REASONS.get(error.errno or 0) or _STORAGE_REASONS.get(error.errno, error.strerror or type(error).__name__)
    return UsageError(f"{os.fsdecode(error.filename)}: {reason}")   # (a full disk as a write says it; a path given in bytes)


def loops(path: str) -> bool:
    """Whether the links that lead from `path` come back round to one of them."""
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def _full(path: object) -> bool:
    """Whether the file system holding `path` (or its nearest existing folder) has next to no room left."""
    folder = Path(str(path))
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 1_000_000


class InputError(HarvesterError):
    exit_code = 2


class FetchError(HarvesterError):
    exit_code = 3

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status    # of an error the site answered with (404); None for the network's failures


class BrowserGoneError(HarvesterError):   # not a FetchError, for which a document's page may be left empty
    exit_code = 3


class RetriesSpentError(HarvesterError):   # the run's retries are all spent: the site is unwell; the run stops there
    exit_code = 3


class OffSiteError(FetchError):
    """A link or redirect points off the site's host; harvester never follows it."""


class UnreachableError(FetchError):
    """The site could not be reached, try after try: it is down, or the connection is; not one search's failure."""


class BlockedError(HarvesterError):
    exit_code = 4

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status    # of a refusal that lasted (403, 429); None for a bot check


class LayoutError(HarvesterError):
    exit_code = 5


class IncompleteError(HarvesterError):
    exit_code = 6


class BusyError(HarvesterError):
    exit_code = 8


def first_line(error: BaseException) -> str:
    """An error's message in one line (its first), or its kind when it says nothing."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def plural(count: int | None, noun: str) -> str:
    """'1 page', '2 pages' ('? pages' when not known), for messages."""
    return f"{'?' if count is None else f'{count:,}'} {noun}{'' if count == 1 else 's'}"
