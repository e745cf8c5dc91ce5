"""The exception tree: every failure a user can meet, each with its exit code.

    HarvesterError                 any failure harvester reports as one line (exit 7)
    ├── UsageError                 bad arguments, unknown site, unwritable output (exit 2)
    ├── InputError                 a saved page that cannot be read: empty, binary, no such file (exit 2)
    ├── FetchError                 the network failed after every retry, or the server refused (exit 3)
    │   └── OffSiteError           a link or redirect that leaves the site's host (exit 3)
    ├── BlockedError               a bot challenge or repeated 403/429: stop, do not hammer (exit 4)
    ├── LayoutError                the page is not what the parser knows: layout drift (exit 5)
    ├── IncompleteError            the documents seen do not add up to the total (exit 6)
    └── BusyError                  another run holds the output folder's lock for this dataset (exit 8)

Exit code 1 is not an error: the run succeeded, with warnings.

The CLI turns each into `harvester: error: <message>` on stderr and its exit code.
"""

from __future__ import annotations


class HarvesterError(Exception):
    """A failure reported to the user as one line; `exit_code` is what the CLI returns."""

    exit_code = 7


class UsageError(HarvesterError):
    """The command was asked for something it cannot do (bad option, unknown site, unwritable folder)."""

    exit_code = 2


class InputError(HarvesterError):
    """A saved page or file given as input cannot be read as a page."""

    exit_code = 2


class FetchError(HarvesterError):
    """A URL could not be fetched after every retry allowed."""

    exit_code = 3


class OffSiteError(FetchError):
    """A link or redirect points off the site's host; harvester never follows it."""


class BlockedError(HarvesterError):
    """The site answered with a bot challenge (or kept refusing): the run stops early."""

    exit_code = 4


class LayoutError(HarvesterError):
    """A page does not have the structure the parser expects; names the page and the missing part."""

    exit_code = 5


class IncompleteError(HarvesterError):
    """The harvest could not collect as many distinct documents as the site's total says."""

    exit_code = 6


class BusyError(HarvesterError):
    """Another harvester run is working on the same dataset in the same output folder."""

    exit_code = 8
