"""The dataset's files: CSV, JSON, JSONL, Parquet and XLSX, the data package, and the run report."""
