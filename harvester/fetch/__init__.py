"""Getting pages: the Page type, the polite client, the browser transport, the WARC archive of every response, saved
pages on disk, and serving them locally."""
