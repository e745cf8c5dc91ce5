"""The people table: one row per person, however many spellings and headings name them; never two people in one row."""

from __future__ import annotations

import json
from types import SimpleNamespace
from itertools import combinations
from urllib.parse import urlsplit

import pytest

from harvester.parse.document import card_of, parse_document
from harvester.normalize.dates import parse_date
from harvester.normalize.headings import parse_heading
from harvester.normalize.names import NameTable, match_key, person_names
from harvester.normalize.text import clean_text
from harvester.normalize.titles import parties
from harvester.normalize.people import Mention, People
from harvester.fetch.saved import read_saved
from harvester.sites import get_site
from tests.conftest import FIXTURES, people_table

WILSON = get_site("wilson")
NAMES = NameTable.load()


class Row(SimpleNamespace):
    """A people table row read by attribute; its lists as tuples, as the rows once held them."""


def build_people(mentions: list[Mention], names: NameTable) -> list[Row]:
    return [Row(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}) for row in people_table(mentions, names)]


def row(rows: list[Row], name: str) -> Row:
    [found] = [r for r in rows if r.name == name]
    return found


def test_a_heading_and_a_title_spelling_are_one_person():
    rows = build_people([
        Mention("a", "1956-09-19", "1956-09-19", (), ("Mao, Zedong",)),
        Mention("b", "1949-01-31", "1949-01-31", ("Mao Tse-tung",), ()),
        Mention("c", "1957-11-13", "1957-11-13", ("Mao Zedong",), ()),
    ], NAMES)
    assert [r.name for r in rows] == ["Mao Zedong"]
    mao = rows[0]
    assert (mao.sort_name, mao.documents, mao.first_date, mao.last_date) == ("Mao, Zedong", 3, "1949-01-31", "1957-11-13")
    assert mao.variants == ("Mao Tse-tung", "Mao, Zedong")
    assert mao.document_ids == ("a", "b", "c")


def test_the_heading_gives_sort_form_and_years_and_the_table_the_name():
    rows = build_people([
        Mention("a", "1989-12-02", "1989-12-02", ("Gorbachev",), ()),
        Mention("b", "1990-05-30", "1990-05-30", (), ("Gorbachev, Mikhail Sergeevich, 1931-",)),
    ], NAMES)
    [gorbachev] = rows
    assert (gorbachev.name, gorbachev.sort_name, gorbachev.birth, gorbachev.death) == (
        "Mikhail Gorbachev", "Gorbachev, Mikhail Sergeevich", 1931, None)
    assert "Mikhail Sergeevich Gorbachev" in gorbachev.variants


def test_a_chinese_name_the_table_does_not_know_is_written_and_sorted_family_name_first():
    rows = build_people([
        Mention("a", "1980-02-29", "1980-02-29", (), ("Hu, Yaobang, 1915-1989",)),
        Mention("b", "1986-10-08", "1986-10-08", ("Hu Yaobang",), ()),
        Mention("c", "1979-01-01", "1979-01-01", ("Su Yu",), ()),
    ], NAMES)
    assert [(r.name, r.sort_name, r.documents) for r in rows] == [("Hu Yaobang", "Hu, Yaobang", 2), ("Su Yu", "Su, Yu", 1)]


def test_an_east_asian_name_written_given_name_first_is_the_person_of_the_family_name_first_form():
    """American papers write "Jong Pil Kim" for Kim Jong Pil; "Chung Hee Park" could be read either way (Chung is a
    family name too) and is joined through the names table alone; "Robert Kim" and "Wen Ho Lee" are no reordered names."""
    rows = build_people([
        Mention("a", "1961-11-02", "1961-11-02", ("Jong Pil Kim",), ()),
        Mention("b", "1962-10-29", "1962-10-29", ("Kim Jong Pil",), ()),
        Mention("c", "1965-05-18", "1965-05-18", ("Chung Hee Park",), ()),
        Mention("d", "1966-11-01", "1966-11-01", (), ("Pak, Chŏng-hŭi, 1917-1979",)),
        Mention("e", "1970-01-01", "1970-01-01", ("Robert Kim", "Kim Robert", "Wen Ho Lee"), ()),
        Mention("f", "1955-04-13", "1955-04-13", ("Illarion Dmitriyevich Pak",), ()),   # a Soviet Korean's Russian names
        # a name seen in one order only keeps it: a Western name, a Wade-Giles one whose last syllable is a family name
        Mention("g", "1971-10-25", "1971-10-25", ("Jean-Paul Kim", "Maya Ying Lin", "Chiao Kuan Hua"), ()),
    ], NAMES)
    assert {r.name: r.document_ids for r in rows if r.documents > 1} == {"Kim Jong Pil": ("a", "b"), "Park Chung Hee": ("c", "d")}
    assert sorted(r.name for r in rows if r.documents == 1) == ["Chiao Kuan Hua", "Illarion Dmitriyevich Pak", "Jean-Paul Kim",
                                                                  "Kim Robert", "Maya Ying Lin", "Robert Kim", "Wen Ho Lee"]


def test_a_titles_short_form_meets_the_one_heading_of_its_own_page():
    rows = build_people([
        Mention("t", "1956-09-26", "1956-09-26", ("Ponomarev",), ("Ponomarev, Boris Nikolaevich, 1905-1995",)),
        Mention("u", "1956-10-11", "1956-10-11", ("V. I. Ivanov",), ("Ivanov, V.I. (Vasilii Ivanovich)",)),
    ], NAMES)
    assert [(r.name, r.birth, r.documents) for r in rows] == [("V. I. Ivanov", None, 1), ("Boris Nikolaevich Ponomarev", 1905, 1)]
    assert set(row(rows, "Boris Nikolaevich Ponomarev").variants) >= {"Ponomarev", "Ponomarev, Boris Nikolaevich, 1905-1995"}
    assert "Vasilii Ivanovich Ivanov" in row(rows, "V. I. Ivanov").variants


# initials in the popular romanization meet their page's heading in the Library of Congress's ("Ya." is "Ia.", Я; "Yu."
# is "Iu.", Ю): "Ya. A. Malik" and "Malik, Ia. A." on one page were two people; "Yu. A." is no "Ia. A."
def test_a_titles_initials_meet_their_pages_heading_in_the_library_of_congress_romanization():
    rows = build_people([Mention("t", "1950-08-01", "1950-08-01", ("Ya. A. Malik",), ("Malik, Ia. A.",)),
                         Mention("u", "1950-08-02", "1950-08-02", ("Yu. A. Zhukov",), ("Zhukov, IU. A.",)),
                         Mention("v", "1950-08-03", "1950-08-03", ("Yu. A. Sokolov",), ("Sokolov, Ia. A.",))], NAMES)
    assert sorted(r.name for r in rows) == ["IU. A. Zhukov", "Ia. A. Sokolov", "Yakov Malik", "Yu. A. Sokolov"]


# an initial meets a heading's initial of the same letter only, in either romanization: "I." (Iosif) is no "Ia." (Iakov)
# nor "IU.", and "Ye." is the Library of Congress's "E." ("Ye. M. Primakov" and "Primakov, E. M." were two people)
def test_a_titles_initial_meets_a_headings_of_the_same_letter_only():
    rows = build_people([Mention("t", "1950-08-01", "1950-08-01", ("I. A. Sokolov",), ("Sokolov, Ia. A.",)),
                         Mention("u", "1950-08-02", "1950-08-02", ("I. V. Zhukov",), ("Zhukov, IU. V.",)),
                         Mention("v", "1990-08-03", "1990-08-03", ("Ye. M. Primakov",), ("Primakov, E. M.",)),
                         Mention("w", "1990-08-04", "1990-08-04", ("Ye. K. Ligachev",), ("Ligachev, Egor Kuzʹmich",))], NAMES)
    assert sorted(r.name for r in rows) == ["E. M. Primakov", "Egor Kuzʹmich Ligachev", "I. A. Sokolov", "I. V. Zhukov",
                                            "IU. V. Zhukov", "Ia. A. Sokolov"]


# and a bare "E." (the Library of Congress's Е) is the popular romanization's "Ye": "E. K. Ligachev" and "Ligachev,
# Yegor Kuzmich" on one page were two people; it is still no Ю, Я nor a Korean "Yi" ("Yuri", "Yakov", "Yi-sook")
def test_an_e_initial_meets_a_headings_ye():
    rows = build_people([Mention("t", "1988", "1988", ("E. K. Ligachev",), ("Ligachev, Yegor Kuzmich",)),
                         Mention("u", "1996", "1996", ("E. M. Primakov",), ("Primakov, Yevgeny Maksimovich",)),
                         *(Mention(doc, "1950", "1950", ("E. Zhukov",), (heading,))
                           for doc, heading in (("w", "Zhukov, Yuri"), ("x", "Zhukov, Yakov"), ("y", "Zhukov, Yi-sook")))], NAMES)
    assert sorted(r.name for r in rows) == ["E. Zhukov", "Yakov Zhukov", "Yegor Kuzmich Ligachev",
                                            "Yevgeny Maksimovich Primakov", "Yi-sook Zhukov", "Yuri Zhukov"]


# but only a Russian "Ye" is an Е: a Korean "Yeong" (영, Revised Romanization) or a Hebrew "Yehuda" is no "E."
def test_an_e_initial_meets_no_korean_nor_hebrew_ye():
    rows = build_people([Mention(doc, "1990", "1990", (title,), (heading,)) for doc, title, heading in (
        ("t", "E. Kim", "Kim, Yeong-nam"), ("u", "E. Avner", "Avner, Yehuda"), ("v", "E. Lee", "Lee, Yeon-sook"),
        ("w", "E. Leibowitz", "Leibowitz, Yeshayahu"), ("x", "E. Park", "Park, Ye-jin"))], NAMES)
    assert sorted(r.name for r in rows) == ["E. Avner", "E. Kim", "E. Lee", "E. Leibowitz", "E. Park", "Kim Yeong-nam",
                                            "Lee Yeon-sook", "Park Ye-jin", "Yehuda Avner", "Yeshayahu Leibowitz"]


# and a Russian family name the Library of Congress writes "Ia", "IA", "Iu" is a title's "Ya", "Yu": "Yakovlev" and
# "IAkovlev, Aleksandr Nikolaevich" on one page were two people; a Romanian "Iacob" or "Iancu" is no "Yacob", "Yancu"
def test_a_titles_ya_family_name_meets_its_pages_library_of_congress_heading():
    rows = build_people([Mention("t", "1988", "1988", ("Yakovlev",), ("IAkovlev, Aleksandr Nikolaevich, 1923-2005",)),
                         Mention("u", "1989", "1989", ("A. N. Yakovlev",), ("Iakovlev, A. N.",)),
                         Mention("v", "1990", "1990", ("D. T. Yazov",), ("Iazov, Dmitriĭ Timofeevich",)),
                         Mention("w", "1946", "1946", ("I. Yacob",), ("Iacob, Ion",)),
                         Mention("x", "1946", "1946", ("Yancu",), ("Iancu, Avram",))], NAMES)
    assert sorted((r.name, r.document_ids) for r in rows) == [
        ("A. N. Iakovlev", ("u",)), ("Aleksandr Nikolaevich IAkovlev", ("t",)), ("Avram Iancu", ("x",)),
        ("Dmitriĭ Timofeevich Iazov", ("v",)), ("I. Yacob", ("w",)), ("Ion Iacob", ("w",)), ("Yancu", ("x",))]


# and so is a Ukrainian one (Я, Ю as the Library of Congress writes them in Ukrainian too): "Yushchenko" and
# "IUshchenko, Viktor" on one page were two people
def test_a_titles_ukrainian_ya_or_yu_family_name_meets_its_pages_library_of_congress_heading():
    rows = build_people([Mention(doc, "1991", "1991", (title,), (heading,)) for doc, title, heading in (
        ("t", "Yushchenko", "IUshchenko, Viktor Andriĭovych"), ("u", "V. F. Yanukovych", "IAnukovych, Viktor Fedorovych"),
        ("v", "Yaremchuk", "IAremchuk, Ivan"), ("w", "Yavorivskyi", "IAvorivsʹkyĭ, Volodymyr"))], NAMES)
    assert sorted(r.name for r in rows) == ["Ivan IAremchuk", "Viktor Andriĭovych IUshchenko", "Viktor Fedorovych IAnukovych",
                                            "Volodymyr IAvorivsʹkyĭ"]


def met(pairs: tuple[tuple[str, str, str], ...], year: str = "1960") -> list[tuple[str, tuple[str, ...]]]:
    """The people of documents of `year` whose title names someone as `title` and whose page heads him `heading`
    (`pairs`: document id, title's name, page's heading), with the documents of each."""
    rows = build_people([Mention(doc, year, year, (title,), (heading,)) for doc, title, heading in pairs], NAMES)
    return sorted((r.name, r.document_ids) for r in rows)


# and a Russian family name the Library of Congress begins with "E" (Е) is a title's "Ye", either way round: "Yeltsin" and
# "Elʹtsin, Boris Nikolaevich" on one page were two people; an "Eden" or an "Erhard" is no "Yeden", "Yerhard"
def test_a_titles_ye_family_name_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Yeltsin", "Elʹtsin, Boris Nikolaevich, 1931-2007"), ("u", "Boris Yeltsin", "Elʹtsin, Boris Nikolaevich"),
        ("v", "Eltsin", "Yeltsin, Boris"), ("w", "Yegorov", "Egorov, Aleksandr Ilʹich"), ("x", "M. T. Yefremov", "Efremov, M. T."),
        ("y", "Yeden", "Eden, Anthony, 1897-1977"), ("z", "Yerhard", "Erhard, Ludwig")), year="1990") == [
        ("Aleksandr Ilʹich Egorov", ("w",)), ("Anthony Eden", ("y",)), ("Boris Nikolaevich Elʹtsin", ("t", "u")),
        ("Boris Yeltsin", ("v",)), ("Ludwig Erhard", ("z",)), ("M. T. Efremov", ("x",)), ("Yeden", ("y",)), ("Yerhard", ("z",))]


# and so is a title's full given name: "Yegor Ligachev" and "Ligachev, Egor Kuzʹmich" on one page were two people, and so
# were "Yuri Zhukov" and "Zhukov, IUriĭ Aleksandrovich"; a "Yuri" is still no "Ivan", nor a "Yegor" an "Edward"
def test_a_titles_ye_or_yu_given_name_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Yegor Ligachev", "Ligachev, Egor Kuzʹmich"), ("u", "Yevgeny Primakov", "Primakov, Evgeniĭ Maksimovich"),
        ("v", "Yuri Zhukov", "Zhukov, IUriĭ Aleksandrovich"), ("w", "Yuri Zhukov", "Zhukov, Ivan Petrovich"),
        ("x", "Yegor Smith", "Smith, Edward")), year="1988") == [
        ("Edward Smith", ("x",)), ("Egor Kuzʹmich Ligachev", ("t",)), ("Evgeniĭ Maksimovich Primakov", ("u",)),
        ("IUriĭ Aleksandrovich Zhukov", ("v",)), ("Ivan Petrovich Zhukov", ("w",)), ("Yegor Smith", ("x",)), ("Yuri Zhukov", ("w",))]


# but a "y" between consonants is Ы in either romanization, no "i": a title's "Martyn" or "Dietrych" is no "Martin, John"
# or "Dietrich, Marlene" of its page, as a Ukrainian "Zelenskyy" or "Yanukovych" still is "Zelensʹkyĭ", "IAnukovych"
def test_a_titles_y_between_consonants_is_no_i_of_its_pages_heading():
    assert met((
        ("t", "Martyn", "Martin, John"), ("u", "Dietrych", "Dietrich, Marlene"), ("v", "Zelenskyy", "Zelensʹkyĭ, Volodymyr"),
        ("w", "Yanukovych", "IAnukovych, Viktor")), year="1990") == [
        ("Dietrych", ("u",)), ("John Martin", ("t",)), ("Marlene Dietrich", ("u",)), ("Martyn", ("t",)),
        ("Viktor IAnukovych", ("w",)), ("Volodymyr Zelensʹkyĭ", ("v",))]


# and a given name only a Russian one's: "Ian Smith" is no "Smith, Yan Wei" nor "Bryan Smith" a "Smith, Brian Keith", and
# a second given name agrees by its first letter, as written: "John Yates Smith" is no "Smith, John Ian"
def test_a_titles_given_name_meets_its_pages_in_the_other_romanization_only_when_russian():
    assert met((
        ("t", "Ian Smith", "Smith, Yan Wei"), ("u", "Bryan Smith", "Smith, Brian Keith"),
        ("v", "John Yates Smith", "Smith, John Ian")), year="1990") == [
        ("Brian Keith Smith", ("u",)), ("Bryan Smith", ("u",)), ("Ian Smith", ("t",)), ("John Ian Smith", ("v",)),
        ("John Yates Smith", ("v",)), ("Yan Wei Smith", ("t",))]


# and so is an adjective's ending the Library of Congress writes "-iĭ" ("Trotskiĭ", "IAroslavskiĭ", "Gorʹkiĭ") and a title
# "-y" or "-ii", either way round: "Trotsky" and "Trotskiĭ, Lev" on one page were two people
def test_a_titles_sky_ending_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Trotsky", "Trotskiĭ, Lev, 1879-1940"), ("u", "Yaroslavsky", "IAroslavskiĭ, Emelʹian, 1878-1943"),
        ("v", "Gorky", "Gorʹkiĭ, Maksim, 1868-1936"), ("w", "Trotskii", "Trotsky, Leon, 1879-1940")), year="1930") == [
        ("Emelʹian IAroslavskiĭ", ("u",)), ("Leon Trotsky", ("w",)), ("Lev Trotskiĭ", ("t",)), ("Maksim Gorʹkiĭ", ("v",))]


# and so is a family name the Library of Congress alone writes so ("Tolstoĭ", "Kamennyĭ", "IAgoda", "Gorʹkiĭ") or the
# popular romanization's "-yi", whatever its ending, either way round: "Tolstoy" and "Tolstoĭ, Lev" on one page were two
# people; an English "Kennedi" or "McCoi" is no "Kennedy", "McCoy", a "Trotskoy" no "Trotsky", nor a Romanian "Yacoba" an "Iacoba"
def test_a_family_name_only_russian_is_written_as_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Tolstoy", "Tolstoĭ, Lev, 1828-1910"), ("u", "Kamennyi", "Kamenny, Ivan"), ("v", "Kamenny", "Kamennyĭ, Petr"),
        ("w", "Yagoda", "IAgoda, Genrikh"), ("x", "Kennedi", "Kennedy, John F."), ("y", "McCoi", "McCoy, Ivan"),
        ("z", "Trotskoy", "Trotsky, Leon"), ("zz", "Yacoba", "Iacoba, Ion"))) == [
        ("Genrikh IAgoda", ("w",)), ("Ion Iacoba", ("zz",)), ("Ivan Kamenny", ("u",)), ("Ivan McCoy", ("y",)),
        ("John F. Kennedy", ("x",)), ("Kennedi", ("x",)), ("Leon Trotsky", ("z",)), ("Lev Tolstoĭ", ("t",)), ("McCoi", ("y",)),
        ("Petr Kamennyĭ", ("v",)), ("Trotskoy", ("z",)), ("Yacoba", ("zz",))]


# and so is the adjective's "-oi" or "-oy" after "sk" or "st" (-ской, -стой: the Library of Congress's "-oĭ" without its
# breve) and a "-yy" (-ый as translations of Soviet records write it), either way round: "Tolstoi" and "Tolstoy, Lev" on
# one page were two people, as were "Trubetskoy" and "Trubetskoi, Nikolai", "Belyy" and "Bely, Andrei"; a Korean "Choi",
# a Vietnamese "Hoi", a Japanese "Doi", "Koi" or "Tsuboi", a Kenyan "Moi", a "Leroi" and a Finnish "Pyy" are still no
# "-oy", "-y" of their pages
def test_a_titles_russian_oi_or_yy_ending_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Tolstoi", "Tolstoy, Lev, 1828-1910"), ("u", "Tolstoy", "Tolstoi, Aleksei"), ("v", "Trubetskoy", "Trubetskoi, Nikolai"),
        ("w", "Belyy", "Bely, Andrei"), ("x", "Choi", "Choy, Peter"), ("y", "Choy", "Choi, Kyu-ha"), ("z", "Hoi", "Hoy, Chris"),
        ("za", "Doi", "Doy, Ann"), ("zb", "Koi", "Koy, Ben"), ("zc", "Tsuboi", "Tsuboy, Ken"), ("zd", "Moi", "Moy, Daniel"),
        ("ze", "Leroi", "Leroy, Jean"), ("zf", "Pyy", "Py, Ari"))) == [
        ("Aleksei Tolstoi", ("u",)), ("Andrei Bely", ("w",)), ("Ann Doy", ("za",)), ("Ari Py", ("zf",)), ("Ben Koy", ("zb",)),
        ("Choi", ("x",)), ("Choi Kyu-ha", ("y",)), ("Choy", ("y",)), ("Chris Hoy", ("z",)), ("Daniel Moy", ("zd",)),
        ("Doi", ("za",)), ("Hoi", ("z",)), ("Jean Leroy", ("ze",)), ("Ken Tsuboy", ("zc",)), ("Koi", ("zb",)),
        ("Leroi", ("ze",)), ("Lev Tolstoy", ("t",)), ("Moi", ("zd",)), ("Nikolai Trubetskoi", ("v",)), ("Peter Choy", ("x",)),
        ("Pyy", ("zf",)), ("Tsuboi", ("zc",))]


# but a name that is all a Russian ending is no Russian name, whose "Yi" would be the Library of Congress's "I": a Chinese
# "Yin" and the Korean "In, Chang-ho" on one page were one person, and so were a Korean "In" and "Yin, Shao-ting"
def test_a_name_that_is_all_a_russian_ending_meets_no_heading_in_the_other_romanization():
    assert met((
        ("t", "Yin", "In, Chang-ho"), ("u", "In", "Yin, Shao-ting"))) == [
        ("Chang-ho In", ("t",)), ("In", ("u",)), ("Yin", ("t",)), ("Yin Shao-ting", ("u",))]


# nor is a "-yi" after a vowel (no Russian -ый follows one) or after no syllable: "Bayi" and "Bai, A." on one page were
# one person, even as "A. Bayi", and a Burmese "Kyi" was the Korean "Ki, Mun"
def test_a_yi_after_a_vowel_or_alone_is_no_russian_ending():
    assert met((
        ("t", "Bayi", "Bai, A."), ("u", "A. Bayi", "Bai, A."), ("v", "Kyi", "Ki, Mun"))) == [
        ("A. Bai", ("t", "u")), ("A. Bayi", ("u",)), ("Bayi", ("t",)), ("Ki Mun", ("v",)), ("Kyi", ("v",))]


# but a syllable of a "y" alone is one (Ы, the Ukrainian И): "Tykhyi" and the dissident "Tykhy, Oleksa" of his page, or
# "Myrny" and "Myrnyi, Panas", are one person, as "Podgornyi" and "Podgorny" are
def test_a_yi_after_a_syllable_of_a_y_is_a_russian_ending():
    assert met((
        ("t", "Tykhyi", "Tykhy, Oleksa, 1927-1984"), ("u", "Myrny", "Myrnyi, Panas"), ("v", "Bystryy", "Bystry, Ivan"))) == [
        ("Ivan Bystry", ("v",)), ("Oleksa Tykhy", ("t",)), ("Panas Myrnyi", ("u",))]


# the adjective's "-oi" after "v" or "sh" is Russian too (-вой, -шой), either way round: "Lugovoi" and "Lugovoy, Andrei"
# on one page were two people, as were "Zhivoy" and "Zhivoi, Ivan", "Bolshoi" and "Bolshoy, Ivan"; a Japanese "Aoi",
# "Tsuboi" or "Hiroi", a Korean "Choi" and a "Leroi" are still no "-oy" of their pages
def test_a_titles_russian_voi_or_shoi_ending_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Lugovoi", "Lugovoy, Andrei"), ("u", "Zhivoy", "Zhivoi, Ivan"), ("v", "Bolshoi", "Bolshoy, Ivan"),
        ("w", "Aoi", "Aoy, Ken"), ("x", "Tsuboi", "Tsuboy, Ken"), ("y", "Hiroi", "Hiroy, Ken"), ("z", "Choi", "Choy, Peter"),
        ("za", "Leroi", "Leroy, Jean"))) == [
        ("Andrei Lugovoy", ("t",)), ("Aoi", ("w",)), ("Choi", ("z",)), ("Hiroi", ("y",)), ("Ivan Bolshoy", ("v",)),
        ("Ivan Zhivoi", ("u",)), ("Jean Leroy", ("za",)), ("Ken Aoy", ("w",)), ("Ken Hiroy", ("y",)), ("Ken Tsuboy", ("x",)),
        ("Leroi", ("za",)), ("Peter Choy", ("z",)), ("Tsuboi", ("x",))]


# and so is an "-oi" after two consonants, which no Japanese or Korean name writes before it (-хой, -ной: "Sukhoi",
# "Portnoi"), either way round: "Sukhoi" and "Sukhoy, Pavel" on one page were two people, as were "Portnoy" and
# "Portnoi, Ivan"; a French "Tchoi" (Korean), a Japanese "Tsuboi" or "Kadoi" and a Vietnamese "Khoi" are still no "-oy"
def test_a_titles_russian_oi_after_two_consonants_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Sukhoi", "Sukhoy, Pavel"), ("u", "Portnoy", "Portnoi, Ivan"), ("v", "Tchoi", "Tchoy, Ouen"),
        ("w", "Tsuboi", "Tsuboy, Ken"), ("x", "Kadoi", "Kadoy, Ken"), ("y", "Khoi", "Khoy, Van"))) == [
        ("Ivan Portnoi", ("u",)), ("Kadoi", ("x",)), ("Ken Kadoy", ("x",)), ("Ken Tsuboy", ("w",)), ("Khoi", ("y",)),
        ("Ouen Tchoy", ("v",)), ("Pavel Sukhoy", ("t",)), ("Tchoi", ("v",)), ("Tsuboi", ("w",)), ("Van Khoy", ("y",))]


# and so is the "-oi" of a Russian adjective after one consonant (-дой, -той, -сой), a Japanese name's shape too ("Kadoi",
# "Itoi", which stay apart): "Sedoi" and "Sedoy, Ivan" on one page were two people, as were "Zolotoy" and "Zolotoi, Pavel"
def test_a_titles_russian_adjective_in_oi_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Sedoi", "Sedoy, Ivan"), ("u", "Zolotoy", "Zolotoi, Pavel"), ("v", "Krutoi", "Krutoy, Petr"),
        ("w", "Kosoy", "Kosoi, Oleg"), ("x", "Itoi", "Itoy, Ken"), ("y", "Kadoi", "Kadoy, Ken"))) == [
        ("Itoi", ("x",)), ("Ivan Sedoy", ("t",)), ("Kadoi", ("y",)), ("Ken Itoy", ("x",)), ("Ken Kadoy", ("y",)),
        ("Oleg Kosoi", ("w",)), ("Pavel Zolotoi", ("u",)), ("Petr Krutoy", ("v",))]


# those adjectives are listed, as a Japanese name of their shape is not ("Shirokoi" is "Shi-ro-ko-i" as "Itoi" is "I-to-i"):
# "Molodoi" and "Molodoy, Ivan", "Khudoy" and "Khudoi, Petr", "Shirokoi" and "Shirokoy, Oleg" on one page were two people
def test_a_titles_listed_russian_adjective_in_oi_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Molodoi", "Molodoy, Ivan"), ("u", "Khudoy", "Khudoi, Petr"), ("v", "Shirokoi", "Shirokoy, Oleg"),
        ("w", "Itoi", "Itoy, Ken"))) == [
        ("Itoi", ("w",)), ("Ivan Molodoy", ("t",)), ("Ken Itoy", ("w",)), ("Oleg Shirokoy", ("v",)), ("Petr Khudoi", ("u",))]


# but a "Mc" begins no Russian name, whatever its ending: "McEvoi" and "McEvoy, John" on one page were one person, as
# "McCoi" and "McCoy" are not, though "Polevoi" and "Polevoy, Boris" (-евой) still are
def test_a_mc_name_is_no_russian_name():
    assert met((
        ("t", "McEvoi", "McEvoy, John"), ("u", "Polevoi", "Polevoy, Boris"))) == [
        ("Boris Polevoy", ("u",)), ("John McEvoy", ("t",)), ("McEvoi", ("t",))]


# nor is a name of one syllable an "-in" of Russian ("Lenin", "Putin", "Ilyin"): a Chinese or Korean "Min" or "Lin" is no
# "Lyin", and "Ian Min" and "Min, Yan Wei" on one page were one person, as "Ian Smith" and "Smith, Yan Wei" are not;
# "Ian Lenin" and "Lenin, Yan Wei" still are (Я)
def test_a_one_syllable_in_is_no_russian_ending():
    assert met((
        ("t", "Ian Min", "Min, Yan Wei"), ("u", "Lin", "Lyin, Ho"), ("v", "Ian Lenin", "Lenin, Yan Wei"),
        ("w", "Ilin", "Ilyin, Ivan"))) == [
        ("Ho Lyin", ("u",)), ("Ian Min", ("t",)), ("Ivan Ilyin", ("w",)), ("Lin", ("u",)), ("Yan Wei Lenin", ("v",)),
        ("Yan Wei Min", ("t",))]

# and so is a "-yi" whose consonants hold the soft sign as an apostrophe, or that follows an "ë" (Ё): "Sil'nyi" and
# "Silny, Ivan" on one page were two people, as were "Silny" and "Sil’nyi, Oleg", "Chërnyi" and "Cherny, Ivan"
def test_a_yi_after_an_apostrophe_or_an_e_with_diaeresis_is_a_russian_ending():
    assert met((
        ("t", "Sil'nyi", "Silny, Ivan"), ("u", "Silny", "Sil’nyi, Oleg"), ("v", "Chërnyi", "Cherny, Ivan"))) == [
        ("Ivan Cherny", ("v",)), ("Ivan Silny", ("t",)), ("Oleg Sil’nyi", ("u",))]


# the "j" of Czech, Polish or German for й after a vowel is the "i" of the Library of Congress and the "y" of the popular
# romanization: "Tolstoj" and "Tolstoĭ, Lev" or "Tolstoy, Aleksei" on one page were two people; a "Haj", "Raj" or "Goj"
# is still no "Hay", "Rai" or "Goy" of its page (no Russian name)
def test_a_titles_j_for_the_short_i_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Tolstoj", "Tolstoĭ, Lev, 1828-1910"), ("u", "Tolstoj", "Tolstoy, Aleksei"), ("v", "Haj", "Hay, Ali"),
        ("w", "Raj", "Rai, Ali"), ("x", "Goj", "Goy, Ali"))) == [
        ("Aleksei Tolstoy", ("u",)), ("Ali Goy", ("x",)), ("Ali Hay", ("v",)), ("Ali Rai", ("w",)), ("Goj", ("x",)),
        ("Haj", ("v",)), ("Lev Tolstoĭ", ("t",)), ("Raj", ("w",))]


# and the "je" of Czech, Polish or German after a vowel is the "e" (Е) of the others, their "x" the others' "ks":
# "Dostojevskij" and "Dostoevskiĭ, Fedor" on one page were two people, as were "Maximov" and "Maksimov, Ivan", and
# "Alexej Petrov" and "Petrov, Aleksei Ivanovich"
def test_a_titles_je_or_x_meets_its_pages_heading_in_the_other_romanization():
    assert met((
        ("t", "Dostojevskij", "Dostoevskiĭ, Fedor, 1821-1881"), ("u", "Dostoevsky", "Dostojevskij, Fjodor"),
        ("v", "Maximov", "Maksimov, Ivan"), ("w", "Alexej Petrov", "Petrov, Aleksei Ivanovich"))) == [
        ("Aleksei Ivanovich Petrov", ("w",)), ("Fedor Dostoevskiĭ", ("t",)), ("Fjodor Dostojevskij", ("u",)),
        ("Ivan Maksimov", ("v",))]

# a one-letter "Y." or "J." is an initial of Я, Ю, Е or Ё, and "Ja.", "Ju.", "Je." (German, Polish) are "Ya.", "Yu.",
# "Ye.": "Y. A. Sokolov" and "Sokolov, Yu. A." on one page were two people; "Y." is still no "I." (И)
def test_a_y_or_j_initial_meets_a_headings_initial_of_the_same_letter():
    rows = build_people([Mention("t", "1950-08-01", "1950-08-01", ("Y. A. Sokolov",), ("Sokolov, Yu. A.",)),
                         Mention("u", "1950-08-02", "1950-08-02", ("J. V. Zhukov",), ("Zhukov, IU. V.",)),
                         Mention("v", "1950-08-03", "1950-08-03", ("Ja. A. Petrov",), ("Petrov, Ya. A.",)),
                         Mention("w", "1950-08-04", "1950-08-04", ("Y. A. Lebedev",), ("Lebedev, I. A.",))], NAMES)
    assert sorted(r.name for r in rows) == ["I. A. Lebedev", "IU. V. Zhukov", "Y. A. Lebedev", "Ya. A. Petrov", "Yu. A. Sokolov"]


# but a one-letter "Y." or "J." meets a heading's full name of its own letter only: "J. Kennedy" and "Kennedy, Edward M."
# on one page were one person, and "J. Smith" was Ian Smith, "Y. Kim" Kim Eun-ju
def test_a_y_or_j_initial_meets_a_full_name_of_its_own_letter_only():
    rows = build_people([Mention("t", "1961-08-01", "1961-08-01", ("J. Kennedy",), ("Kennedy, Edward M. (Edward Moore), 1932-2009",)),
                         Mention("u", "1965-08-02", "1965-08-02", ("J. Smith",), ("Smith, Ian, 1919-2007",)),
                         Mention("v", "1990-08-03", "1990-08-03", ("Y. Kim",), ("Kim, Eun-ju",)),
                         Mention("w", "1960-08-04", "1960-08-04", ("J. Kádár",), ("Kádár, János, 1912-1989",))], NAMES)
    assert sorted(r.name for r in rows) == ["Edward M. Kennedy", "Ian Smith", "J. Kennedy", "J. Smith", "János Kádár",
                                            "Kim Eun-ju", "Y. Kim"]


# yet the Library of Congress's "IA" and "IU" (Я, Ю) in capitals are still a "Y." or "J.": "Y. Malik" and "Malik, IAkov
# Aleksandrovich" on one page were two people (and he is the table's Yakov Malik)
def test_a_y_or_j_initial_meets_a_library_of_congress_ia_or_iu():
    rows = build_people([Mention("t", "1950-08-01", "1950-08-01", ("Y. Malik",), ("Malik, IAkov Aleksandrovich, 1906-1980",)),
                         Mention("u", "1950-08-02", "1950-08-02", ("J. Zhukov",), ("Zhukov, IUriĭ Aleksandrovich",))], NAMES)
    assert sorted(r.name for r in rows) == ["IUriĭ Aleksandrovich Zhukov", "Yakov Malik"]


# but an "I." (И) is no "IA" nor "IU", as it is no "Ia." nor "IU.": "I. Malik" and "Malik, IAkov" on one page were one
def test_an_i_initial_meets_no_library_of_congress_ia_or_iu():
    rows = build_people([Mention("t", "1950-08-01", "1950-08-01", ("I. Malik",), ("Malik, IAkov Aleksandrovich, 1906-1980",)),
                         Mention("u", "1950-08-02", "1950-08-02", ("I. Zhukov",), ("Zhukov, IUriĭ Aleksandrovich",))], NAMES)
    assert sorted(r.name for r in rows) == ["I. Malik", "I. Zhukov", "IUriĭ Aleksandrovich Zhukov", "Yakov Malik"]


# but not a whole heading in capitals, where "IAN" is Ian: "J. Smith" and "SMITH, IAN" on one page were one person
def test_a_y_or_j_initial_meets_no_given_name_in_capitals_as_a_library_of_congress_ia():
    rows = build_people([Mention("t", "1965-08-02", "1965-08-02", ("J. Smith",), ("SMITH, IAN",))], NAMES)
    assert sorted(r.name for r in rows) == ["Ian Smith", "J. Smith"]


# and a one-letter "J." is no "E." (the Library of Congress's Е, German "Je."): an English "J." is a John's, and "J. Smith"
# and "Smith, E." on one page were one person; "Je." and an English "Y." are still "E."
# and so is a heading's "Iakov" or "Iurii" the table writes "Yakov", "Yuri": "Y. Malik" and "J. Malik" beside "Malik, Iakov
# Aleksandrovich" were two people, "I. Malik" beside him one; a Romanian "Iuliu" the table does not know is still an "I."'s
def test_a_library_of_congress_ia_the_table_writes_ya_is_a_y_and_no_i():
    rows = build_people([Mention(doc, "1950", "1950", (initial,), ("Malik, Iakov Aleksandrovich",))
                         for doc, initial in (("t", "Y. Malik"), ("u", "J. Malik"), ("v", "I. Malik"))]
                        + [Mention("w", "1946", "1946", ("I. Maniu",), ("Maniu, Iuliu, 1873-1953",)),
                           Mention("x", "1983", "1983", ("I. Andropov",), ("Andropov, Iurii Vladimirovich",))], NAMES)
    assert [(r.name, r.document_ids) for r in rows] == [("I. Andropov", ("x",)), ("Yuri Andropov", ("x",)),
                                                        ("I. Malik", ("v",)), ("Yakov Malik", ("t", "u", "v")),
                                                        ("Iuliu Maniu", ("w",))]


# and a family name so begun is a title's "Ya" or "Yu" one: "A. N. Yakovlev" and "IAkovlev, A. N." on one page were two people
def test_a_library_of_congress_family_name_in_ia_or_iu_is_a_titles_in_ya_or_yu():
    rows = build_people([Mention("t", "1989", "1989", ("A. N. Yakovlev",), ("IAkovlev, A. N. (Aleksandr Nikolaevich), 1923-2005",)),
                         Mention("u", "1989", "1989", ("Yakovlev",), ("Iakovlev, Aleksandr Nikolaevich",)),
                         Mention("v", "1946", "1946", ("Y. Iacob",), ("Iacob, Ion",))], NAMES)
    assert [(r.name, r.document_ids) for r in rows] == [("Ion Iacob", ("v",)), ("Y. Iacob", ("v",)), ("A. N. IAkovlev", ("t", "u"))]


def test_a_one_letter_j_initial_meets_no_e():
    rows = build_people([Mention("t", "1965-08-02", "1965-08-02", ("J. Smith",), ("Smith, E.",)),
                         Mention("u", "1990-08-03", "1990-08-03", ("Y. M. Primakov",), ("Primakov, E. M.",)),
                         Mention("v", "1990-08-04", "1990-08-04", ("Je. K. Ligachev",), ("Ligachev, E. K.",))], NAMES)
    assert sorted(r.name for r in rows) == ["E. K. Ligachev", "E. M. Primakov", "E. Smith", "J. Smith"]


def test_another_initial_is_another_malik():
    """ "G.J. Malik" is no Yakov Malik ("Malik, Yakov Alexandrovich ("Jacob")", as the archive's page writes him), nor Adam
    Malik, though on their page; "Malik, Iakov Aleksandrovich" (the Library of Congress's Я) is Yakov Malik."""
    rows = build_people([Mention("t", "1945-09", "1945-09", ("G.J. Malik",), ('Malik, Yakov Alexandrovich ("Jacob"), 1906-1980',)),
                         Mention("u", "1966", "1966", ("G.J. Malik",), ("Malik, Adam, 1917-1984",)),
                         Mention("v", "1950", "1950", ("Ya. A. Malik",), ("Malik, Iakov Aleksandrovich",))], NAMES)
    assert [(r.name, r.document_ids) for r in rows] == [("Adam Malik", ("u",)), ("G. J. Malik", ("t", "u")),
                                                        ("Yakov Malik", ("t", "v"))]


def test_the_titles_own_spellings_of_a_person_are_variants_and_nothing_else_is():
    rows = build_people([
        # the record's form, and the parties as its title writes them (a body among them)
        Mention("a", "1956-09-03", "1956-09-03", ("Nikita Khrushchev",), (), ("N.S. Khrushchev", "CPSU Central Committee")),
        # a place that is a family name on its own page ("Berlin, Isaiah") is no spelling of that person
        Mention("b", "1961-08-13", "1961-08-13", (), ("Berlin, Isaiah, 1909-1997",), ("Berlin", "Moscow")),
        # an aside is no part of a name
        Mention("c", "1963-09-02", "1963-09-02", ("Maneli",), (), ("Maneli (Saigon)",)),
        # a short form meets its page's heading as the record's form does
        Mention("d", "1956-09-26", "1956-09-26", ("B. Ponomarev",), ("Ponomarev, Boris Nikolaevich, 1905-1995",), ("B. PONOMAREV",)),
        # a spelling counts only for a person the record names
        Mention("e", "1960-01-01", "1960-01-01", (), (), ("N. S. KHRUSHCHEV",)),
    ], NAMES)
    assert row(rows, "Nikita Khrushchev").variants == ("N.S. Khrushchev",)
    assert row(rows, "Isaiah Berlin").variants == ("Berlin, Isaiah, 1909-1997",)
    assert row(rows, "Maneli").variants == ()   # "Maneli" itself: no other spelling
    assert {"B. Ponomarev", "B. PONOMAREV"} <= set(row(rows, "Boris Nikolaevich Ponomarev").variants)
    assert not any("CPSU" in spelling or spelling == "Moscow" for r in rows for spelling in spellings(r))


@pytest.mark.parametrize(("title", "person", "spelling"), [
    ("MEMORANDUM FROM MR. BUNDY TO THE PRESIDENT", "Bundy", "MR. BUNDY"),
    ("Letter from CDE. I.V. STALIN to Mao Zedong", "Joseph Stalin", "CDE. I.V. STALIN"),
])
def test_a_titles_spelling_with_an_honorific_is_a_variant_of_the_person_without_it(title, person, spelling):
    """The record's person is the name without its honorific ("Bundy"), and its title's spelling was looked for under
    the name with it ("Mr. Bundy"): no person had it, and "MR. BUNDY" was no variant of anyone."""
    found = parties(title)
    rows = build_people([Mention("a", "1961", "1961", person_names(found, NAMES), (), (*found.senders, *found.recipients))], NAMES)
    assert spelling in row(rows, person).variants


def test_a_short_form_with_two_candidates_on_its_page_is_left_alone():
    rows = build_people([Mention("c", "1967-11-06", "1967-11-06", ("Chiang",),
                                 ("Chiang, Ching-kuo (Jiang Jingguo)", "Chiang, Kai-shek (Jiang Jieshi)"))], NAMES)
    assert sorted(r.name for r in rows) == ["Chiang", "Chiang Ching-kuo", "Chiang Kai-shek"]


def test_a_short_form_the_names_table_knows_is_one_person_with_its_pages_heading_everywhere():
    """The table knows "T. V. Soong": one person in every document. A page that heads him "Soong, Tse-ven" adds that
    form to his row, and a document without the heading is his all the same: one row, never two of one name."""
    rows = build_people([Mention("a", "1945-06-30", "1945-06-30", ("T. V. Soong",), ("Soong, Tse-ven",)),
                         Mention("b", "1945-07-02", "1945-07-02", ("T. V. Soong",), ())], NAMES)
    [soong] = [r for r in rows if "Soong" in r.name]
    assert soong.name == "T. V. Soong" and soong.document_ids == ("a", "b") and "Soong, Tse-ven" in soong.variants


def test_a_mongolians_own_name_in_a_title_is_his_heading_on_the_page():
    """Mongolian headings file a person under his own name, the patronymic after it: "Batmönkh, Jambyn"."""
    rows = build_people([Mention("b", "1985-05-01", "1985-05-01", ("Batmönkh",), ("Batmönkh, Jambyn, 1926-1997",))], NAMES)
    assert [(r.name, "Batmönkh" in r.variants) for r in rows] == [("Jambyn Batmönkh", True)]


def test_a_given_name_is_not_a_short_form():
    """ "Kim Il" in a title and "Kim, Il-sung" on its page are two people (the table says so, and so do their names)."""
    rows = build_people([Mention("k", "1960-08-13", "1960-08-13", ("Kim Il",), ("Kim, Il-sung, 1912-1994",))], NAMES)
    assert sorted(r.name for r in rows) == ["Kim Il", "Kim Il Sung"]


def test_bodies_and_places_are_not_people():
    rows = build_people([Mention("p", "1966-03-03", "1966-03-03", (), (
        "Poland. Embassy (Canada)", "Japan. Foreign Ministry", "TASS", "Korean Workers' Party. Central Committee", "Martin, Paul, 1903-1992",
    ))], NAMES)
    assert [r.name for r in rows] == ["Paul Martin"]


def test_rows_are_ordered_by_sort_form_and_dates_span_the_documents():
    rows = build_people([
        Mention("x", "1958", "", ("Zhou Enlai",), ()),
        Mention("y", "1956-01-01", "1956-12-31", ("Anastas Mikoyan", "Zhou Enlai"), ()),
        Mention("z", "", "", ("Anastas Mikoyan",), ()),
    ], NAMES)
    assert [(r.name, r.sort_name) for r in rows] == [("Anastas Mikoyan", "Mikoyan, Anastas"), ("Zhou Enlai", "Zhou, Enlai")]
    zhou = row(rows, "Zhou Enlai")
    assert (zhou.first_date, zhou.last_date, zhou.documents) == ("1956-01-01", "1958", 2)
    assert row(rows, "Anastas Mikoyan").first_date == "1956-01-01"


def spelled(rows: list[Row], spelling: str) -> str:
    """The name of the one row that holds a spelling, as its name or one of its variants."""
    [found] = [r.name for r in rows if spelling == r.name or spelling in r.variants]
    return found


def test_every_spelling_a_document_gives_belongs_to_one_row():
    rows = build_people([Mention("t", "1956-09-26", "1956-09-26", ("Ponomarev", "Kim Il Sung"),
                                 ("Ponomarev, Boris Nikolaevich, 1905-1995", "Kim, Il-sŏng, 1912-1994"))], NAMES)
    for spelling in ("Ponomarev", "Ponomarev, Boris Nikolaevich, 1905-1995", "Boris Nikolaevich Ponomarev"):
        assert spelled(rows, spelling) == "Boris Nikolaevich Ponomarev"
    for spelling in ("Kim Il Sung", "Kim, Il-sŏng, 1912-1994"):
        assert spelled(rows, spelling) == "Kim Il Sung"


def test_person_rows_have_the_people_columns_in_order():
    from harvester.records import PEOPLE_COLUMNS

    [row] = people_table([Mention("a", "", "", ("Mao Zedong",), ())], NAMES)
    assert list(row) == [c.name for c in PEOPLE_COLUMNS]


# ---- the seed search and every saved document page ------------------------------------------

def fixture_mentions() -> list[Mention]:
    """What a --details harvest of the seed search carries, plus every other saved document page as a record of its own."""
    pages = {}
    for path in sorted((FIXTURES / "wilson" / "documents").glob("*.html")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        if expected["kind"] == "document":
            saved, text, _ = read_saved(path)
            raw = parse_document(text, saved.url, WILSON, name=str(path))
            pages[urlsplit(saved.url).path] = raw
    headings = {path: tuple(p.text for s in raw.sections if s.field in ("authors", "people_orgs", "contributors") for p in s.pills)
                for path, raw in pages.items()}
    mentions = []
    for name in ("page-0", "page-1"):
        for record in json.loads((FIXTURES / "wilson" / "seed" / f"{name}.expected.json").read_text(encoding="utf-8"))["records"]:
            path = f"/document/{record['id']}"
            mentions.append(Mention(record["id"], record["date_start"], record["date_end"], tuple(record["people"]), headings.pop(path)))
    for path, raw in pages.items():
        if path in headings:
            card = card_of(raw)
            date = parse_date(clean_text(card.date))
            named = person_names(parties(clean_text(card.title)), NAMES)
            mentions.append(Mention(path.rsplit("/", 1)[-1], date.start, date.end, named, headings[path]))
    return mentions


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return build_people(fixture_mentions(), NAMES)


def spellings(person: Row) -> set[str]:
    return {person.name, *person.variants}


def test_the_fixtures_give_one_row_per_person(rows: list[Row]):
    assert len(fixture_mentions()) == 19 + 8
    names = [r.name for r in rows]
    assert len(names) == len(set(names))
    for expected in ("Kim Il Sung", "Mao Zedong", "A. M. Puzanov", "Anastas Mikoyan", "Boris Nikolaevich Ponomarev", "A. M. Petrov",
                     "Chiang Ching-kuo", "Chiang Kai-shek", "Kim Il", "Leonid Brezhnev", "Cornelius Christopher Cremin"):
        assert expected in names


def test_no_person_appears_twice_under_two_spellings(rows: list[Row]):
    for one, other in combinations(rows, 2):
        shared = {match_key(s) for s in spellings(one)} & {match_key(s) for s in spellings(other)}
        assert not shared, f"{one.name!r} and {other.name!r} share {shared}"
    by_table = {}
    for person in rows:
        for spelling in spellings(person):
            known = NAMES.lookup(spelling)
            if known and NAMES.kind(known) == "person":
                assert by_table.setdefault(known, person.name) == person.name, f"{known!r} is in two rows"


def test_no_two_people_share_a_row(rows: list[Row]):
    for person in rows:
        known = {k for s in spellings(person) if (k := NAMES.lookup(s)) and NAMES.kind(k) == "person"}
        assert len(known) <= 1, f"{person.name!r} holds {known}"
        headed = {(match_key(h.family), h.given[:1].casefold()) for s in person.variants if "," in s
                  for h in [parse_heading(s)] if h.kind == "person"}
        assert len(headed) <= 1, f"{person.name!r} holds the headings of {headed}"
    for one, other in [("Kim Il", "Kim Il Sung"), ("Chiang Ching-kuo", "Chiang Kai-shek"), ("Qiao Xiaoguang", "Qiao Guanhua")]:
        assert not any({one, other} <= spellings(person) for person in rows)


def test_the_fixture_rows_carry_headings_years_and_documents(rows: list[Row]):
    kim = row(rows, "Kim Il Sung")
    assert (kim.sort_name, kim.birth, kim.death) == ("Kim, Il-sŏng", 1912, 1994)
    assert "Kim, Il-sŏng, 1912-1994" in kim.variants
    puzanov = row(rows, "A. M. Puzanov")
    assert (puzanov.sort_name, puzanov.birth, puzanov.documents) == ("Puzanov, Aleksandr Mikhailovich", 1906, 3)
    assert (puzanov.first_date, puzanov.last_date) == ("1957-10-01", "1960-08-13")
    assert "Ponomarev" in row(rows, "Boris Nikolaevich Ponomarev").variants
    assert "Petrov" in row(rows, "A. M. Petrov").variants
    assert {"Tony Blair", "Blair"} <= set(row(rows, "Anthony Charles Lynton Blair").variants)   # title: "British PM Blair"
    assert "Con Cremin" in row(rows, "Cornelius Christopher Cremin").variants                   # title: "... to Con Cremin"
    assert "Nakajima Kenzo" in row(rows, "Kenzō Nakajima").variants                             # title: family name first
    assert rows == sorted(rows, key=lambda r: (match_key(r.sort_name), match_key(r.name), r.name))


def test_a_bare_surname_is_its_own_pages_heading_only():
    """ "Petrov" beside the heading "Petrov, A. M." in one document and beside "Petrov, Nikolai Ivanovich" in another
    names two people; a third "Petrov" with no heading stays a row of its own."""
    mentions = [Mention("d1", "1957", "1957", ("Petrov",), ("Petrov, A. M.",)),
                Mention("d2", "1960", "1960", ("Petrov",), ("Petrov, Nikolai Ivanovich",)),
                Mention("d3", "1962", "1962", ("Petrov",), ())]
    rows = build_people(mentions, NAMES)
    assert sorted((r.name, r.document_ids) for r in rows) == [
        ("A. M. Petrov", ("d1",)), ("Nikolai Ivanovich Petrov", ("d2",)), ("Petrov", ("d3",))]
    assert "Petrov" in row(rows, "A. M. Petrov").variants and "Petrov" in row(rows, "Nikolai Ivanovich Petrov").variants


def test_a_father_and_son_of_one_family_name_are_two_rows():
    mentions = [Mention("d1", "1970", "1970", (), ("Gromyko, Andrei Andreevich, 1909-1989",)),
                Mention("d2", "1985", "1985", (), ("Gromyko, Anatolii Andreevich, 1932-2017",)),
                Mention("d3", "1951", "1951", (), ("Mao, Zemin, 1896-1943",)),
                Mention("d4", "1950", "1950", ("Mao Zedong",), ())]
    rows = {r.name: (r.birth, r.document_ids) for r in build_people(mentions, NAMES)}
    assert rows == {"Andrei Gromyko": (1909, ("d1",)), "Anatolii Andreevich Gromyko": (1932, ("d2",)),
                    "Mao Zemin": (1896, ("d3",)), "Mao Zedong": (None, ("d4",))}


def test_every_form_a_document_writes_a_person_in_belongs_to_the_persons_row():
    """The heading's standard form (what page_people holds) is the row's name or one of its variants, in each document."""
    from harvester.normalize.headings import canonical_name, parse_heading

    mentions = [Mention("d1", "", "", ("V. I. Ivanov",), ("Ivanov, V. I. (Vasilii Ivanovich)",)),
                Mention("d2", "", "", (), ("Ivanov, Vasilii Ivanovich",))]
    rows = build_people(mentions, NAMES)
    [ivanov] = [r for r in rows if "d2" in r.document_ids]
    for heading in ("Ivanov, V. I. (Vasilii Ivanovich)", "Ivanov, Vasilii Ivanovich"):
        assert spelled(rows, canonical_name(parse_heading(heading), NAMES)) == ivanov.name


def test_the_people_table_counts_every_document_of_a_person_named_thousands_of_times():
    import sqlite3

    people = People(NAMES, sqlite3.connect(":memory:"))
    for n in range(2500):
        people.add(Mention(f"doc-{n}", f"19{50 + n % 10}-01-01", "", ("KIM IL SUNG" if n % 2 else "Kim Il-sung",), ()))
    [kim] = people.rows()
    assert (kim["name"], kim["documents"], kim["first_date"], kim["last_date"]) == ("Kim Il Sung", 2500, "1950-01-01", "1959-01-01")
    assert kim["document_ids"] == [f"doc-{n}" for n in range(2500)]
    assert {"KIM IL SUNG", "Kim Il-sung"} <= set(kim["variants"])


def test_a_code_name_a_title_writes_is_a_variant_of_the_person_it_names():
    """"Filippov [Stalin]": a historian who looks for Filippov in the people table finds Stalin's row."""
    rows = build_people([
        Mention("a", "1950-01-14", "1950-01-14", ("Joseph Stalin", "Mao Zedong"), (), ("Filippov [Stalin]", "Mao Zedong")),
        Mention("b", "1950-02-01", "1950-02-01", ("Joseph Stalin",), (), ("Feng Xi (Stalin)",)),
    ], NAMES)
    assert set(row(rows, "Joseph Stalin").variants) == {"Filippov", "Feng Xi"}


def test_a_titles_full_name_meets_its_pages_heading_that_adds_a_patronymic_or_a_middle_name():
    """ "Leonid Kuchma" in a title and "Kuchma, Leonid Danylovych" on its page are one person, and so are "Myer 'Mike'
    Feldman" and "Feldman, Myer ("Mike")"; another given name, or a family-first name's, is someone else."""
    rows = build_people([Mention("k", "1994-11-22", "1994-11-22", ("Leonid Kuchma",), ("Kuchma, Leonid Danylovych",)),
                         Mention("f", "1962-08-19", "1962-08-19", ("Myer 'Mike' Feldman",), ('Feldman, Myer ("Mike")',)),
                         Mention("g", "1985", "1985", ("Andrei Gromyko",), ("Gromyko, Anatolii Andreevich",)),
                         Mention("i", "1960", "1960", ("Kim Il",), ("Kim, Il Sung",))], NAMES)
    assert sorted(r.name for r in rows) == ["Anatolii Andreevich Gromyko", "Andrei Gromyko", "Kim Il", "Kim Il Sung",
                                            "Leonid Danylovych Kuchma", "Myer Feldman"]
    assert "Leonid Kuchma" in row(rows, "Leonid Danylovych Kuchma").variants
    assert "Myer 'Mike' Feldman" in row(rows, "Myer Feldman").variants


def test_a_title_the_table_knows_does_not_meet_its_pages_heading_whose_initial_the_table_does_not_write():
    """The table writes Gromyko "A. A." and Brezhnev "L. I.": "Gromyko" or "Leonid Brezhnev" in a title is not the
    "Gromyko, Andreĭ B." or "Brezhnev, Leonid S." of its page, who stays a person of his own; "Andreĭ A." is he."""
    rows = build_people([Mention("a", "1970", "1970", ("Gromyko",), ("Gromyko, Andreĭ B.",)),
                         Mention("b", "1975", "1975", ("Leonid Brezhnev",), ("Brezhnev, Leonid S.",)),
                         Mention("c", "1976", "1976", ("Andrei Gromyko",), ("Gromyko, Andreĭ A.",))], NAMES)
    assert [(r.name, r.document_ids) for r in rows] == [
        ("Leonid Brezhnev", ("b",)), ("Leonid S. Brezhnev", ("b",)), ("Andrei Gromyko", ("a", "c")), ("Andreĭ B. Gromyko", ("a",))]
