"""harvester: turn an archive's paginated search results into clean, analysis-ready datasets."""

__version__ = "0.1.0"
