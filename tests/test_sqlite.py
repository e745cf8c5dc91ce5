"""--format sqlite: NAME.sqlite opened with the standard sqlite3 module, checked against the declared columns, searched
with FTS5; NAME.metadata.json in Datasette's format; written with the other files, atomically."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from harvester.errors import StorageError
from harvester.pipeline import reparse
from harvester.records import DETAIL_COLUMNS, LINK_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS
from harvester.sites import get_site
from tests.conftest import FIXTURES, dataset
from tests.test_schema import fits

WILSON = get_site("wilson")
SEED = FIXTURES / "wilson" / "seed"
DOCUMENTS = FIXTURES / "wilson" / "documents"
SEED_PAGES = [DOCUMENTS / f"{card['href'].rsplit('/', 1)[-1]}.html" for name in ("page-0", "page-1")
              for card in json.loads((SEED / f"{name}.expected.json").read_text(encoding="utf-8"))["cards"]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sqlite")
    reparse([SEED, *SEED_PAGES], WILSON, out, "kwp", ["json", "csv", "sqlite"], workers=0)
    return out


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    return db


def plain(value: object, column) -> object:
    """A database value as the JSON file has it: lists from their JSON arrays, booleans from 0/1."""
    if column.type == "list":
        return json.loads(value)
    if column.type == "boolean":
        return bool(value)
    return value


def test_the_documents_table_has_every_column_in_order_and_the_json_files_values(corpus: Path):
    db = connect(corpus / "kwp.sqlite")
    columns = RECORD_COLUMNS + DETAIL_COLUMNS
    assert [row["name"] for row in db.execute("PRAGMA table_info(documents)")] == [c.name for c in columns]
    rows = [{c.name: plain(row[c.name], c) for c in columns} for row in db.execute("SELECT * FROM documents ORDER BY rowid")]
    assert rows == dataset(corpus, "kwp")             # the JSON file: the same values, nulls where it has null
    assert len(rows) == 19 and any(row["transcript"] for row in rows)


def test_every_value_fits_its_declared_column(corpus: Path):
    db = connect(corpus / "kwp.sqlite")
    for table, columns in (("documents", RECORD_COLUMNS + DETAIL_COLUMNS), ("people", PEOPLE_COLUMNS), ("links", LINK_COLUMNS)):
        rows = db.execute(f"SELECT * FROM {table}").fetchall()
        assert rows, table
        for row in rows:
            for column in columns:
                value = plain(row[column.name], column)
                assert fits(column, "" if value is None and column.type != "integer" else value), (table, column.name, value)


def test_a_full_text_query_finds_a_transcript_phrase(corpus: Path):
    db = connect(corpus / "kwp.sqlite")
    found = db.execute("SELECT documents.id FROM documents_fts JOIN documents ON documents.rowid = documents_fts.rowid "
                       "WHERE documents_fts MATCH ?", ('"repressive measures"',)).fetchall()
    assert [row["id"] for row in found] == ["telegram-mikoyan-cpsu-central-committee"]
    titled = db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'title:Puzanov'").fetchone()[0]
    assert titled == 3
    assert [r[1] for r in db.execute("PRAGMA table_info(documents_fts)")] == ["title", "summary", "transcript"]


def test_a_full_text_query_without_accents_finds_words_written_with_them(tmp_path: Path):
    """Vietnamese names carry two marks on a letter ("Lê Duẩn", "Phạm Văn Đồng"); a search typed without them finds them."""
    from harvester.output.sqlite import write_sqlite
    from harvester.records import RECORDS

    titles = ["Conversation between Lê Duẩn and Mao Zedong", "Letter from Phạm Văn Đồng", "Note by Nguyễn Văn Linh",
              "Telegram from Ulbricht"]
    records = [{c.name: [] if c.type == "list" else "" for c in RECORD_COLUMNS} | {"id": f"d{n}", "url": f"u{n}", "title": title}
               for n, title in enumerate(titles)]
    db = connect(write_sqlite(tmp_path / "d.sqlite", [(RECORDS, RECORD_COLUMNS, records)]))
    found = {query: [row[0] for row in db.execute("SELECT documents.id FROM documents_fts JOIN documents ON "
                                                  "documents.rowid = documents_fts.rowid WHERE documents_fts MATCH ?", (query,))]
             for query in ('"Le Duan"', '"Pham Van"', "Nguyen", "Duẩn", "Ulbricht")}
    assert found == {'"Le Duan"': ["d0"], '"Pham Van"': ["d1"], "Nguyen": ["d2"], "Duẩn": ["d0"], "Ulbricht": ["d3"]}


def test_a_full_text_query_in_plain_letters_finds_letters_unicode_does_not_decompose(tmp_path: Path):
    """ł, đ, ø, ß and Cyrillic ё have no accent for unicode61 to drop: "Gomulka" finds "Gomułka" all the same, in the
    order, and with the ranks, the exact spelling gets; the text the index shows (highlight) is the document's own."""
    from harvester.output.sqlite import write_sqlite
    from harvester.records import RECORDS

    titles = ["Conversation between Władysław Gomułka and Khrushchev on Gomułka's line, Gomułka", "Letter from Milovan Đilas",
              "Note by Søren Østergaard on Strauß", "Telegram from Пётр Абрасимов", "Ulbricht on Gomułka",
              "Meeting of Lê Duẩn and Kim Il Sung"]
    records = [{c.name: [] if c.type == "list" else "" for c in RECORD_COLUMNS} | {"id": f"d{n}", "url": f"u{n}", "title": title}
               for n, title in enumerate(titles)]
    path = write_sqlite(tmp_path / "d.sqlite", [(RECORDS, RECORD_COLUMNS, records)])
    db = connect(path)

    def found(query: str) -> list[tuple[str, float, str]]:
        return [tuple(row) for row in db.execute(
            "SELECT documents.id, rank, highlight(documents_fts, 0, '[', ']') FROM documents_fts JOIN documents ON "
            "documents.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank", (query,))]

    gomulka = found("Gomułka")
    assert [(id, marked) for id, _, marked in gomulka] == [
        ("d0", "Conversation between Władysław [Gomułka] and Khrushchev on [Gomułka]'s line, [Gomułka]"),
        ("d4", "Ulbricht on [Gomułka]")]
    assert [(id, rank) for id, rank, _ in found("Gomulka")] == [(id, rank) for id, rank, _ in gomulka]
    snippet = "SELECT snippet(documents_fts, 0, '[', ']', '…', 3) FROM documents_fts WHERE documents_fts MATCH ?"
    assert [db.execute(snippet, (query,)).fetchone()[0] for query in ("Søren", "Soren")] == ["Note by [Søren]…", "……"]  # (as said)
    for plain, exact, ids in (('"Wladyslaw Gomulka"', '"Władysław Gomułka"', ["d0"]), ("Dilas", "Đilas", ["d1"]),
                              ("Soren Ostergaard", "Søren Østergaard", ["d2"]), ("Strauss", "Strauß", ["d2"]),
                              ("Петр", "Пётр", ["d3"]), ('"Le Duan"', '"Lê Duẩn"', ["d5"]), ("title:Dilas", "title:Đilas", ["d1"])):
        assert [row[0] for row in found(plain)] == [row[0] for row in found(exact)] == ids, plain
    assert [row[0] for row in db.execute("SELECT title FROM documents")] == titles     # the table keeps the words as written
    with contextlib.closing(sqlite3.connect(path)) as check:   # (raises if the index is not whole)
        check.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")


def _searched(tmp_path: Path, titles: list[str], transcripts: list[str]) -> sqlite3.Connection:
    from harvester.output.sqlite import write_sqlite
    from harvester.records import RECORDS

    columns = RECORD_COLUMNS + DETAIL_COLUMNS
    records = [{c.name: [] if c.type == "list" else "" for c in columns} | {"id": f"d{n}", "url": f"u{n}", "title": title,
                                                                           "transcript": transcript}
               for n, (title, transcript) in enumerate(zip(titles, transcripts, strict=True))]
    return connect(write_sqlite(tmp_path / "d.sqlite", [(RECORDS, columns, records)]))


def test_a_phrase_or_near_in_plain_letters_finds_words_unicode_does_not_decompose_beside_plain_ones(tmp_path: Path):
    """"Lech Walesa" finds "Lech Wałęsa" as the exact spelling does: the same documents, ranks and highlights."""
    filler = " ".join(f"word{n}" for n in range(40))
    db = _searched(tmp_path, ["Lech Wałęsa and Solidarity", "Letter from Phạm Văn Đồng", "Lech Kaczyński", "Note"],
                   [f"Wałęsa said so. {filler} Then Lech Wałęsa, Jan Józef Lipski and Bronisław Geremek in Gdańsk. {filler}",
                    f"Phạm Văn Đồng wrote. {filler} Đồng again.", "Lech Kaczyński wrote", filler])

    def found(query: str) -> list[tuple[str, float, str]]:
        return [tuple(row) for row in db.execute(
            "SELECT documents.id, rank, highlight(documents_fts, 2, '[', ']') FROM documents_fts JOIN documents ON "
            "documents.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank", (query,))]

    for plain, exact in (('"Lech Walesa"', '"Lech Wałęsa"'), ('"Pham Van Dong"', '"Phạm Văn Đồng"'),
                         ('"Bronislaw Geremek in Gdansk"', '"Bronisław Geremek in Gdańsk"'),
                         ("NEAR(Walesa Gdansk)", "NEAR(Wałęsa Gdańsk)"), ("NEAR(Lech Lipski Walesa, 4)", "NEAR(Lech Lipski Wałęsa, 4)"),
                         ("NEAR(Walesa word0)", "NEAR(Wałęsa word0)"), ('"Dong again"', '"Đồng again"'),
                         ('title:"Walesa and Solidarity"', 'title:"Wałęsa and Solidarity"'), ("Walesa", "Wałęsa")):
        assert [(id, rank) for id, rank, _ in found(plain)] == [(id, rank) for id, rank, _ in found(exact)], plain
        assert [id for id, _, _ in found(exact)] in (["d0"], ["d1"]), exact
    assert [marked for _, _, marked in found('"Lech Wałęsa"')] == [
        f"Wałęsa said so. {filler} Then [Lech Wałęsa], Jan Józef Lipski and Bronisław Geremek in Gdańsk. {filler}"]
    assert found("NEAR(Walesa word20)") == found("NEAR(Wałęsa word20)") == []   # (as NEAR's ten words between: too far)


def test_a_phrase_does_not_run_from_the_text_into_its_folded_words_nor_from_one_run_of_them_into_the_next(tmp_path: Path):
    """The folded words follow the text: a phrase of the text's last word and the first folded one, or of the last word
    of one folded run and the first of the next (words far apart in the text), is in no document."""
    far = " ".join(f"a{n}" for n in range(60))
    db = _searched(tmp_path, ["Lech Wałęsa and Solidarity"], [f"Wałęsa {far} Łódź"])
    for phrase in ('"Solidarity Lech"', '"Solidarity Lech Walesa"', '"Łódź Walesa"', '"a10 a49"'):
        assert db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (phrase,)).fetchone()[0] == 0, phrase
    assert db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", ('"a11 a12"',)).fetchone()[0] == 1


def test_near_in_plain_letters_reaches_as_far_as_in_the_exact_spelling_and_no_further(tmp_path: Path):
    """NEAR(Walesa a30, 30) finds what NEAR(Wałęsa a30, 30) does; NEAR(a8 a51) finds nothing, forty-two words apart in the text."""
    far = " ".join(f"a{n}" for n in range(60))
    db = _searched(tmp_path, ["Note"], [f"Wałęsa {far} Łódź"])
    found = {query: db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query,)).fetchone()[0]
             for query in ("NEAR(Walesa a30, 30)", "NEAR(Wałęsa a30, 30)", "NEAR(a8 a51)", "NEAR(Lodz a10, 50)", "NEAR(Lodz a1, 50)")}
    assert found == {"NEAR(Walesa a30, 30)": 1, "NEAR(Wałęsa a30, 30)": 1, "NEAR(a8 a51)": 0, "NEAR(Lodz a10, 50)": 1,
                     "NEAR(Lodz a1, 50)": 0}


def test_a_text_whose_only_letters_the_fold_changes_are_spaces_or_marks_is_indexed_once(tmp_path: Path):
    """A non-breaking space, an ellipsis or a trademark sign folds otherwise ("\xa0" to " ", "…" to "...") but is no
    letter unicode61 keeps: the text is indexed as it is, its words counted once, and a word beside one is folded alone."""
    db = _searched(tmp_path, ["Note\xa0by Olsen…", "Gomułka™ and Olsen"], ["", ""])
    db.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, documents_fts, 'instance')")
    assert db.execute("SELECT count(*) FROM temp.words WHERE doc = 1").fetchone()[0] == 3
    assert [row[0] for row in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'Gomulka'")] == [2]   # not "GomulkaTM"


def test_a_phrase_in_plain_letters_finds_a_text_with_a_number_the_fold_writes_as_several_words(tmp_path: Path):
    """The fold writes "½" as "1⁄2", three words to the tokenizer, which "1/2" is too: '"1/2 Walesa"' finds "½ Wałęsa",
    as '"½ Wałęsa"' does; "Ⅷ" is one word folded ("VIII"), and plain letters find it."""
    db = _searched(tmp_path, ["Note of ½ Wałęsa", "Pius Ⅷ and Gomułka"], ["", ""])
    found = {query: [row[0] for row in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", (query,))]
             for query in ('"1/2 Walesa"', '"½ Wałęsa"', '"Pius VIII and Gomulka"')}
    assert found == {'"1/2 Walesa"': [1], '"½ Wałęsa"': [1], '"Pius VIII and Gomulka"': [2]}


def test_a_plain_spelling_of_the_catalan_middle_dot_finds_the_letter_with_it(tmp_path: Path):
    """The names' fold writes "ŀ" as "l·" (so "Paraŀlel" is "Paral·lel"), and the search does as well."""
    from harvester.normalize.names import match_key

    assert match_key("Paraŀlel") == match_key("Paral·lel")
    db = _searched(tmp_path, ["Avinguda del Paraŀlel", "Avinguda del Paral·lel", "PARAĿLEL"], ["", "", ""])
    found = {query: [row[0] for row in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid",
                                                  (query,))]
             for query in ('"Paral·lel"', '"del Paral·lel"', "Paraŀlel")}
    assert found == {'"Paral·lel"': [1, 2, 3], '"del Paral·lel"': [1, 2], "Paraŀlel": [1, 3]}


def test_people_and_links_are_the_tables_files(corpus: Path):
    db = connect(corpus / "kwp.sqlite")
    people = [{c.name: plain(row[c.name], c) for c in PEOPLE_COLUMNS} for row in db.execute("SELECT * FROM people")]
    assert people == dataset(corpus, "kwp.people")
    links = [dict(row) for row in db.execute("SELECT * FROM links")]
    assert links == dataset(corpus, "kwp.links") and {link["kind"] for link in links} == {"related", "person"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []   # every link's source is a document of the dataset


def test_the_indexes_datasette_filters_by_are_there(corpus: Path):
    db = connect(corpus / "kwp.sqlite")
    indexed = {row["name"]: [c[2] for c in db.execute(f"PRAGMA index_info([{row['name']}])")]
               for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' "
                                     "AND name NOT LIKE 'sqlite_autoindex%'")}
    assert sorted(indexed.values()) == [["date_start"], ["doc_type"], ["people"]]
    plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE doc_type = 'telegram'"))
    assert "documents_doc_type" in plan


def test_the_metadata_json_describes_every_column_as_records_py_does(corpus: Path):
    metadata = json.loads((corpus / "kwp.metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["kwp"]["tables"]     # Datasette names a database by its file's stem
    assert tables["documents"]["columns"] == {c.name: c.description for c in RECORD_COLUMNS + DETAIL_COLUMNS}
    assert tables["people"]["columns"] == {c.name: c.description for c in PEOPLE_COLUMNS}
    assert tables["links"]["columns"] == {c.name: c.description for c in LINK_COLUMNS}
    assert tables["documents_fts"] == {"hidden": True} and metadata["source_url"] == WILSON.home
    sql = connect(corpus / "kwp.sqlite").execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
    assert "content=[documents]" in sql        # how Datasette (and sqlite-utils) find a table's search index


def test_the_data_package_lists_the_database_with_its_hash(corpus: Path):
    package = json.loads((corpus / "kwp.datapackage.json").read_text(encoding="utf-8"))
    [database] = [r for r in package["resources"] if r["name"] == "database"]
    content = (corpus / "kwp.sqlite").read_bytes()
    assert database["path"] == "kwp.sqlite" and database["mediatype"] == "application/vnd.sqlite3"
    assert database["hash"] == "sha256:" + hashlib.sha256(content).hexdigest() and database["bytes"] == len(content)
    assert "kwp.metadata.json" in [r["path"] for r in package["resources"]]


def test_without_details_the_search_covers_title_and_summary_and_there_are_no_links(tmp_path: Path):
    reparse([SEED], WILSON, tmp_path, "plain", ["sqlite"], workers=0)
    db = connect(tmp_path / "plain.sqlite")
    assert [r[1] for r in db.execute("PRAGMA table_info(documents_fts)")] == ["title", "summary"]
    assert "links" not in {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Brezhnev'").fetchone()[0] == 1


def test_a_database_that_fails_midway_leaves_the_dataset_as_it_was(tmp_path: Path, monkeypatch):
    reparse([SEED], WILSON, tmp_path, "d", ["csv", "sqlite"], workers=0)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    def broken(db, name, columns, rows, key):
        db.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("harvester.output.sqlite._table", broken)
    with pytest.raises(StorageError) as raised:
        reparse([SEED, *SEED_PAGES[:2]], WILSON, tmp_path, "d", ["csv", "sqlite"], workers=0)
    assert str(raised.value) == f"{tmp_path / 'd.sqlite'}: cannot write: the disk is full: free some space, then run the " \
                                "same command again (a harvest resumes); the dataset's files are as they were"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert len(list((tmp_path / ".harvester" / "d.files").glob("gen-*"))) == 1     # the failed generation is gone


@pytest.mark.parametrize("given", [".", "kwp.sqlite", "kwp.metadata.json", "kwp.links.csv", "kwp.links.json"])
def test_the_report_takes_the_database_and_the_links_for_files_of_the_one_dataset(corpus: Path, given: str):
    from harvester.analysis.report import locate

    assert locate(corpus / given) == (corpus / "kwp.csv", corpus / "kwp")
