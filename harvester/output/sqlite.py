"""NAME.sqlite: the dataset as one self-describing SQLite database (documents, people, links, full-text search), and
its NAME.metadata.json in Datasette's format; Datasette and sqlite-utils open both as they are.

    documents        every column of the records, in the dataset's order (rowid); lists as JSON arrays, empty values NULL
    documents_fts    FTS5 over title, summary and transcript (those the documents have), its content the documents table
    people           the people table
    links            the links table (with --details)
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from harvester.errors import SQLITE_MAX_PATH, StorageError, storage_error, too_long_for_sqlite
from harvester.normalize.names import without_accents
from harvester.output.files import Staging
from harvester.records import Column, Record, Table

DATABASE_SUFFIX = ".sqlite"
METADATA_SUFFIX = ".metadata.json"

SEARCHED = ("title", "summary", "transcript")   # the text full-text search covers
INDEXED = ("date_start", "doc_type", "people")  # what a browser filters and sorts the documents by
SQL_TYPES = {"boolean": "INTEGER", "integer": "INTEGER"}   # the rest is TEXT (dates ISO, lists JSON arrays)
APART = "\n\ue000\n"   # a word no one searches (a private-use letter) between the text and its folded copy: no phrase spans the two


def write_database(out_dir: Path, name: str, tables: list[tuple[Table, tuple[Column, ...], Iterable[Record]]],
                   staging: Staging, home: str) -> list[Path]:
    """Stage NAME.sqlite (built in the staging generation) and NAME.metadata.json beside it."""
    database = out_dir / f"{name}{DATABASE_SUFFIX}"
    if too_long_for_sqlite(staging.current(database)):   # (a harvest says so as it starts; a re-parse, here)
        raise StorageError(f"{database}: cannot write: it is built in {staging.current(database).parent}, a path longer "
                           f"than SQLite takes ({SQLITE_MAX_PATH - 1} bytes at most): use a shorter --out or --name")
    try:
        write_sqlite(staging.current(database), tables)
    except sqlite3.OperationalError as error:     # said of the dataset's file, not of the generation it is built in
        raise StorageError(f"{storage_error(database, error)}; the dataset's files are as they were") from None
    metadata = datasette_metadata(name, home, [(table, columns) for table, columns, _ in tables])
    return [database, staging.stage(out_dir / f"{name}{METADATA_SUFFIX}", json.dumps(metadata, ensure_ascii=False, indent=2) + "\n")]


def write_sqlite(path: Path, tables: Iterable[tuple[Table, tuple[Column, ...], Iterable[Record]]]) -> Path:
    """Write the database at `path` (a new file): each table with its columns and rows, then the search index and the
    indexes; the first table is the documents'. SQLite's failures (a full disk) are its OperationalErrors."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        for table, columns, rows in tables:
            _table(db, _sql_name(table), columns, rows, table.primary_key)
        _search_index(db)
        for column in INDEXED:
            if column in _columns(db, "documents"):
                db.execute(f"CREATE INDEX documents_{column} ON documents ({column})")
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'links'").fetchone():
            db.execute("CREATE INDEX links_target_id ON links (target_id)")
        db.commit()
    return path


def datasette_metadata(name: str, home: str, tables: Iterable[tuple[Table, tuple[Column, ...]]]) -> dict[str, Any]:
    """The database described in Datasette's metadata.json (its databases are named by their file's stem): each
    table's description and its columns' descriptions, from records.py."""
    described = {_sql_name(table): {"description": table.description, "columns": {c.name: c.description for c in columns}}
                 for table, columns in tables}
    described["documents_fts"] = {"hidden": True}
    return {"title": f"{name}: documents of {urlsplit(home).hostname}", "source": home, "source_url": home,
            "description": "Collected by harvester: the documents (search them in documents_fts), the people they name, and "
                           "with --details the links between them. Column descriptions come from harvester/records.py.",
            "databases": {name: {"tables": described}}}


def _table(db: sqlite3.Connection, name: str, columns: tuple[Column, ...], rows: Iterable[Record],
           key: tuple[str, ...]) -> None:
    fields = [f"[{c.name}] {SQL_TYPES.get(c.type, 'TEXT')}" for c in columns]
    refers = ", FOREIGN KEY ([source_id]) REFERENCES documents ([id])" if name == "links" else ""
    primary = f", PRIMARY KEY ({', '.join(f'[{k}]' for k in key)})" if key else ""
    db.execute(f"CREATE TABLE [{name}] ({', '.join(fields)}{primary}{refers})")
    marks = ", ".join("?" * len(columns))
    db.executemany(f"INSERT INTO [{name}] VALUES ({marks})", ([_value(row[c.name], c) for c in columns] for row in rows))


def _value(value: Any, column: Column) -> Any:
    if column.type == "list":
        return json.dumps(value, ensure_ascii=False)
    if column.type == "boolean":
        return int(bool(value))
    return None if value == "" else value


def _search_index(db: sqlite3.Connection) -> None:
    """FTS5 whose content is the documents table (rowid for rowid), as sqlite-utils makes it and Datasette finds it.
    Its words are matched without their accents, stacked ones too ("Le Duan" finds "Lê Duẩn", "Nguyen" "Nguyễn"); as
    unicode61 keeps whole the letters with no accent to drop (ł, ø, ß, Cyrillic ё), each column is indexed with its text,
    then, if it has any, its text again with them folded ("Lech Wałęsa ... Lech Walesa"), so that plain letters find
    them too, in phrases and NEAR as well. The documents table keeps the text as written: highlight() and snippet() show
    it, and a 'rebuild' indexes it alone."""
    searched = [c for c in SEARCHED if c in _columns(db, "documents")]
    db.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5({', '.join(searched)}, content=[documents], "
               "tokenize='unicode61 remove_diacritics 2')")
    db.create_function("also_folded", 1, _also_folded, deterministic=True)   # this connection's only: not in the schema
    db.execute(f"INSERT INTO documents_fts (rowid, {', '.join(searched)}) "
               f"SELECT rowid, {', '.join(f'also_folded({c})' for c in searched)} FROM documents")


def _also_folded(text: str | None) -> str | None:
    """The text, then, if it has a letter unicode61 keeps, the text again with those letters folded, after a word no one
    searches (APART): "Lech Wałęsa met Olsen" -> "Lech Wałęsa met Olsen", APART, "Lech Walesa met Olsen"."""
    if not text or text.isascii():   # (most texts: no look at their letters)
        return text
    folded = {ord(letter): _fold(letter) for letter in set(text) if _kept(letter)}
    return f"{text}{APART}{text.translate(folded)}" if folded else text


@functools.cache   # a few hundred letters, met again and again
def _kept(letter: str) -> bool:
    """True of a letter unicode61 keeps though the fold writes it otherwise: one Unicode does not decompose (ł, đ, ø, ß),
    or one whose base letter is not Latin (Cyrillic ё: unicode61 drops the accents of Latin letters only)."""
    return letter.isalnum() and not unicodedata.normalize("NFD", letter)[0].isascii() and _fold(letter) != letter


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", without_accents(word))   # (NFC: a Korean syllable stays one letter)


def _sql_name(table: Table) -> str:
    return "documents" if table.name == "records" else table.name


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info([{table}])")]
