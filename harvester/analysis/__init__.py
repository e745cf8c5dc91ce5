"""Datasets read back: load() into pandas, a dataset's figures, and the self-contained HTML report."""
