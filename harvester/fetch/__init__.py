"""Getting pages: the polite client, the WARC archive of every response, saved pages on disk, and serving them locally."""
