"""The dataset's files: CSV, JSON, JSONL, Parquet, XLSX and SQLite, the data package, and the run report."""
