"""Getting pages: the Page type, the polite client, the browser transport, the WARC archive of every response, and saved
pages on disk."""
