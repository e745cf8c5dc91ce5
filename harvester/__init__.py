"""harvester: turn an archive's paginated search results into clean, analysis-ready datasets."""

# This module imports nothing, not even typing or __future__: the installed command imports it before its guard of
# Ctrl-C (harvester.__main__.run) is in place, and a Ctrl-C in that moment would end in a traceback.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"
DISTRIBUTION = "wilson-harvester"   # what `pip install` calls this project ("harvester" there is another)
__all__ = ["__version__", "load"]


def __getattr__(name: str) -> "Any":
    """`harvester.load` is imported on first use, so that `import harvester` stays cheap."""
    if name == "load":
        from harvester.analysis.load import load

        return load
    raise AttributeError(f"module 'harvester' has no attribute {name!r}")
