"""Name headings: every style the archive uses, split into parts, ordered by culture, reconciled with the names table."""

from __future__ import annotations

import pytest

from harvester.normalize.headings import canonical_name, family_first, parse_heading, sort_form, split_name
from harvester.normalize.names import NameTable

TABLE = NameTable.load()

# raw heading -> (kind, display, sort, birth, death)
HEADINGS = [
    ("Mao, Zedong", "person", "Mao Zedong", "Mao, Zedong", None, None),
    ("Deng, Xiaoping", "person", "Deng Xiaoping", "Deng, Xiaoping", None, None),
    ("Lin, Biao", "person", "Lin Biao", "Lin, Biao", None, None),
    ("Surname, Given", "person", "Given Surname", "Surname, Given", None, None),
    ("Yeltsin, Boris", "person", "Boris Yeltsin", "Yeltsin, Boris", None, None),
    ("Kohl, Helmut", "person", "Helmut Kohl", "Kohl, Helmut", None, None),
    ("Primakov, Yevgeni Maksimovich", "person", "Yevgeni Maksimovich Primakov", "Primakov, Yevgeni Maksimovich", None, None),
    ("Stalin, Joseph, 1879-1953", "person", "Joseph Stalin", "Stalin, Joseph", 1879, 1953),
    ("Gorbachev, Mikhail Sergeevich, 1931-", "person", "Mikhail Sergeevich Gorbachev", "Gorbachev, Mikhail Sergeevich", 1931, None),
    ("Bush, George, 1924-", "person", "George Bush", "Bush, George", 1924, None),
    ("Surname, Given, 1893-1976", "person", "Given Surname", "Surname, Given", 1893, 1976),
    ("Kim, Il-sung, 1912- 1994", "person", "Kim Il-sung", "Kim, Il-sung", 1912, 1994),       # the person panel's spacing
    ("Kim, Il-sŏng, 1912-1994", "person", "Kim Il-sŏng", "Kim, Il-sŏng", 1912, 1994),
    ("Chiang, Ching-kuo (Jiang Jingguo)", "person", "Chiang Ching-kuo", "Chiang, Ching-kuo", None, None),
    ("Chiang, Kai-shek (Jiang Jieshi)", "person", "Chiang Kai-shek", "Chiang, Kai-shek", None, None),
    ('Cremin, Cornelius Christopher ("Con")', "person", "Cornelius Christopher Cremin", "Cremin, Cornelius Christopher", None, None),
    ('Blair, Anthony Charles Lynton ("Tony")', "person", "Anthony Charles Lynton Blair", "Blair, Anthony Charles Lynton", None, None),
    ("John Paul II, Pope, 1920-2005", "person", "John Paul II", "John Paul II, Pope", 1920, 2005),
    ("Satō, Eisaku", "person", "Eisaku Satō", "Satō, Eisaku", None, None),          # Japanese: given name first
    ("Ushiba, Nobuhiko", "person", "Nobuhiko Ushiba", "Ushiba, Nobuhiko", None, None),
    ("Filatov, S.", "person", "S. Filatov", "Filatov, S.", None, None),
    ("Ivanov, V.I. (Vasilii Ivanovich)", "person", "V. I. Ivanov", "Ivanov, V.I.", None, None),
    ("Hồ, Chí Minh, 1890-1969", "person", "Hồ Chí Minh", "Hồ, Chí Minh", 1890, 1969),
    ("Phạm, Văn Đồng, 1906-2000", "person", "Phạm Văn Đồng", "Phạm, Văn Đồng", 1906, 2000),
    ("Tsedenbal, Yumjaagiin, 1916-1991", "person", "Yumjaagiin Tsedenbal", "Tsedenbal, Yumjaagiin", 1916, 1991),
    ("Lee, Hu-rak", "person", "Lee Hu-rak", "Lee, Hu-rak", None, None),
    ("Lee, Kuan Yew", "person", "Lee Kuan Yew", "Lee, Kuan Yew", None, None),
    ("Lee, Robert E. (Robert Edward), 1807-1870", "person", "Robert E. Lee", "Lee, Robert E.", 1807, 1870),
    ("Lê, Duẩn, 1907-1986", "person", "Lê Duẩn", "Lê, Duẩn", 1907, 1986),
    ("Le, Duc Tho", "person", "Le Duc Tho", "Le, Duc Tho", None, None),            # "Le" is family first only before syllables
    ("Le, John", "person", "John Le", "Le, John", None, None),
    ("King, Martin Luther, Jr., 1929-1968", "person", "Martin Luther King Jr.", "King, Martin Luther, Jr.", 1929, 1968),
    ("Guterres, António Manuel de Oliveira", "person", "António Manuel de Oliveira Guterres",
     "Guterres, António Manuel de Oliveira", None, None),
    ("Brezhnev, Leonid Ilʹich, 1906-1982", "person", "Leonid Ilʹich Brezhnev", "Brezhnev, Leonid Ilʹich", 1906, 1982),
    ("Nehru, Jawaharlal, b. 1889", "person", "Jawaharlal Nehru", "Nehru, Jawaharlal", 1889, None),
    ("Ponomarev", "person", "Ponomarev", "Ponomarev", None, None),
    ("Poland. Embassy (Canada)", "organization", "Poland. Embassy (Canada)", "Poland. Embassy (Canada)", None, None),
    ("Japan. Foreign Ministry. Asian Affairs Bureau", "organization", "Japan. Foreign Ministry. Asian Affairs Bureau",
     "Japan. Foreign Ministry. Asian Affairs Bureau", None, None),
    ("Romania. Embassy (Korea (North))", "organization", "Romania. Embassy (Korea (North))",
     "Romania. Embassy (Korea (North))", None, None),
    ("Japan-China Import-Export Association", "organization", "Japan-China Import-Export Association",
     "Japan-China Import-Export Association", None, None),
    ("Korean Workers' Party. Central Committee", "organization", "Korean Workers' Party. Central Committee",
     "Korean Workers' Party. Central Committee", None, None),
    ("TASS", "organization", "TASS", "TASS", None, None),
]


@pytest.mark.parametrize(("raw", "kind", "display", "sort", "birth", "death"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_heading_parts(raw: str, kind: str, display: str, sort: str, birth: int | None, death: int | None):
    heading = parse_heading(raw)
    assert (heading.kind, heading.display, heading.sort, heading.birth, heading.death) == (kind, display, sort, birth, death)
    assert heading.raw == raw


@pytest.mark.parametrize(("raw", "order"), [
    ("Mao, Zedong", "family-first"), ("Kim, Il-sung", "family-first"), ("Hồ, Chí Minh", "family-first"),
    ("Tsedenbal, Yumjaagiin", "family-first"), ("Gorbachev, Mikhail Sergeevich", "given-first"),
    ("Satō, Eisaku", "given-first"), ("Lee, Robert E.", "given-first"), ("Poland. Embassy (Canada)", ""),
])
def test_name_order_by_culture(raw: str, order: str):
    assert parse_heading(raw).order == order


@pytest.mark.parametrize(("raw", "alternatives", "nickname", "title", "variants"), [
    ("Chiang, Ching-kuo (Jiang Jingguo)", ("Jiang Jingguo",), "", "", ("Jiang Jingguo",)),
    ('Cremin, Cornelius Christopher ("Con")', (), "Con", "", ("Con Cremin",)),
    ('Blair, Anthony Charles Lynton ("Tony")', (), "Tony", "", ("Tony Blair",)),
    ("Ivanov, V. I. (Vasilii Ivanovich)", ("Vasilii Ivanovich",), "", "", ("Vasilii Ivanovich Ivanov",)),
    ("Boland, Frederick H. (Frederick Henry), 1904-1985", ("Frederick Henry",), "", "", ("Frederick Henry Boland",)),
    ("Tsedenbal, Yu. (Yumjaagiin)", ("Yumjaagiin",), "", "", ("Yumjaagiin Tsedenbal",)),
    ("John Paul II, Pope, 1920-2005", (), "", "Pope", ("Pope John Paul II",)),
    ("Sihanouk, Norodom, Prince, 1922-2012", (), "", "Prince", ("Prince Norodom Sihanouk",)),
    ("Mao, Zedong", (), "", "", ()),
])
def test_alternatives_nicknames_and_titles(raw, alternatives, nickname, title, variants):
    heading = parse_heading(raw)
    assert (heading.alternatives, heading.nickname, heading.title, heading.variants) == (alternatives, nickname, title, variants)


@pytest.mark.parametrize(("raw", "canonical"), [
    ("Mao, Zedong", "Mao Zedong"),                                   # the table lists the heading form
    ("Kim, Il-sung, 1912-1994", "Kim Il Sung"),                      # same match key as the table's form
    ("Kim, Il-sŏng, 1912-1994", "Kim Il Sung"),                      # the Library of Congress romanization, listed
    ("Kim, Il", "Kim Il"),                                           # a different person, never merged with Kim Il Sung
    ("Gorbachev, Mikhail Sergeevich, 1931-", "Mikhail Gorbachev"),
    ("Stalin, Joseph, 1879-1953", "Joseph Stalin"),
    ("Mikoyan, Anastas Ivanovich, 1895-1978", "Anastas Mikoyan"),    # by initials: A. I. Mikoyan
    ("Puzanov, Aleksandr Mikhailovich, 1906-1998", "A. M. Puzanov"),
    ("Sudarikov, Nikolai Georgievich", "N. G. Sudarikov"),
    ("Khrushchev, Nikita Sergeevich, 1894-1971", "Nikita Khrushchev"),
    ("Hồ, Chí Minh, 1890-1969", "Ho Chi Minh"),                      # accents aside
    ("Tsedenbal, Yu. (Yumjaagiin)", "Yumjaagiin Tsedenbal"),         # by its fuller form
    ("Brezhnev, Leonid Ilʹich, 1906-1982", "Leonid Brezhnev"),
    ("Chiang, Kai-shek (Jiang Jieshi)", "Chiang Kai-shek"),
    ("Stalin, Vasilii Iosifovich, 1921-1962", "Vasilii Iosifovich Stalin"),  # "Stalin" alone is Joseph: initials disagree
    # a first given name the table writes the person with, in another romanization than its own form's
    ("Kosygin, Alekseĭ Nikolaevich, 1904-1980", "Alexei Kosygin"), ("Molotov, Viacheslav Mikhaĭlovich", "Vyacheslav Molotov"),
    ("Gromyko, Anatolii Andreevich", "Anatolii Andreevich Gromyko"),  # a given name the table writes for no Gromyko
    # the Library of Congress romanization of Russian (ia, iu, ĭ, -ii) against the popular one the table writes
    ("Beriia, Lavrentiĭ Pavlovich, 1899-1953", "Lavrentiy Beria"), ("Mikoian, Anastas Ivanovich, 1895-1978", "Anastas Mikoyan"),
    ("Andropov, IUriĭ Vladimirovich, 1914-1984", "Yuri Andropov"), ("Andropov, IU. V.", "Yuri Andropov"),
    ("Ustinov, Dmitriĭ Fedorovich", "Dmitry Ustinov"),
    ("Beriia, Sergo Lavrentʹevich, 1924-2000", "Sergo Lavrentʹevich Beriia"),   # his son: given names disagree
    ("Andropov, Igorʹ IUrʹevich", "Igorʹ IUrʹevich Andropov"),
    # every initial meets the table's spellings, not the first alone: he is "K. U." (Ustinovich) and "A. A." (Andreevich)
    ("Chernenko, K. IU.", "K. IU. Chernenko"), ("Gromyko, A. B.", "A. B. Gromyko"), ("Gromyko, A. A.", "Andrei Gromyko"),
    # and beside a whole given name the table writes the person with: he is no "Andreĭ B." nor "Leonid S."
    ("Gromyko, Andreĭ B.", "Andreĭ B. Gromyko"), ("Brezhnev, Leonid S.", "Leonid S. Brezhnev"),
    ("Gromyko, Andreĭ A.", "Andrei Gromyko"), ("Brezhnev, Leonid I.", "Leonid Brezhnev"),
    # and a whole given name beside them in the Library of Congress romanization meets them as the table writes it
    ("Andropov, IUriĭ V.", "Yuri Andropov"), ("Ustinov, Dmitriĭ F.", "Dmitry Ustinov"), ("Andropov, IUriĭ A.", "IUriĭ A. Andropov"),
    ("Malik, Ia. A.", "Yakov Malik"), ("Malik, Adam", "Adam Malik"),   # the table lists no "Malik" alone: Adam is one too
    # the Library of Congress's Я and Ю ("Iakov", "IUriĭ") begin a given name the table writes "Ya", "Yu"
    ("Malik, Iakov Aleksandrovich", "Yakov Malik"), ("Malik, IAkov Aleksandrovich, 1906-1980", "Yakov Malik"),
    ("Malik, Iakov B.", "Iakov B. Malik"), ("Malik, G. J.", "G. J. Malik"),
    # and a family name: the table's Pavel Yudin is "Iudin" and "IUdin" to the Library of Congress
    ("Iudin, Pavel Fedorovich, 1899-1968", "Pavel Yudin"), ("IUdin, P. F. (Pavel Fedorovich), 1899-1968", "Pavel Yudin"),
    ("Cherniaev, A. S. (Anatoliĭ Sergeevich)", "Anatoly Chernyaev"),
    ("Filatov, S.", "S. Filatov"),                                   # unknown to the table: the heading's display form
    ("Poland. Embassy (Canada)", "Poland. Embassy (Canada)"),
])
def test_canonical_name_goes_through_the_names_table(raw: str, canonical: str):
    assert canonical_name(parse_heading(raw), TABLE) == canonical


def test_a_heading_and_a_title_name_meet():
    assert canonical_name(parse_heading("Mao, Zedong"), TABLE) == TABLE.lookup("Mao Zedong")


@pytest.mark.parametrize(("family", "given", "expected"), [
    ("Kim", "Il Sung", True), ("Mao", "Zedong", True), ("Nguyễn", "Văn Thiệu", True),
    ("Lee", "Hu-rak", True), ("Lee", "Robert", False), ("Chang", "Robert", False), ("Chang", "Chun-ha", True),
    ("Kim", "I. S.", False), ("Smith", "John", False), ("Kim", "", False),
    # one word of one or two Pinyin syllables, read as Pinyin reads (longest first syllable; no vowel after it)
    ("Hu", "Yaobang", True), ("Su", "Yu", True), ("Shen", "Jian", True), ("Lü", "Zhengcao", True),
    ("Lee", "Hamilton", False), ("Lee", "Dean", False), ("Chang", "Gene", False), ("Wan", "Waithayakon", False),
    ("Ding", "Guangen", True), ("Hu", "Angang", True), ("Song", "De'an", True),       # guan-gen, an-gang; the apostrophe
    # a Western given name first, however short or Pinyin-like its words
    ("Lee", "Anna", False), ("Lee", "Mike", False), ("Sun", "Lena", False), ("Long", "John Davis", False),
    ("Lee", "Mary Ann", False), ("Lee", "Anna Mae", False), ("Chang", "Tom Lee", False),
    ("Lee", "Don Ho", True), ("Hong", "Sam Yong", True), ("Lee", "Jan Sik", True),   # Korean, whose first word is Western too
    # Korean and Vietnamese romanizations' own letters; Wade-Giles syllables with their apostrophes
    ("Chang", "Myŏn", True), ("Do", "Mười", True), ("Chang", "Kuo-t'ao", True), ("Lo", "Jui-ch’ing", True),
])
def test_family_first_is_driven_by_the_family_names_file(family: str, given: str, expected: bool):
    assert family_first(family, given) is expected


@pytest.mark.parametrize(("name", "split", "sort"), [
    ("Kim Il Sung", ("Kim", "Il Sung"), "Kim, Il Sung"),
    ("Mao Zedong", ("Mao", "Zedong"), "Mao, Zedong"),
    ("N. G. Sudarikov", ("Sudarikov", "N. G."), "Sudarikov, N. G."),
    ("Anastas Mikoyan", ("Mikoyan", "Anastas"), "Mikoyan, Anastas"),
    ("Yumjaagiin Tsedenbal", ("Tsedenbal", "Yumjaagiin"), "Tsedenbal, Yumjaagiin"),
    ("Ponomarev", ("Ponomarev", ""), "Ponomarev"),
    ("Hu Yaobang", ("Hu", "Yaobang"), "Hu, Yaobang"),          # "Hu" is also a Western name: the given name decides
    ("Su Yu", ("Su", "Yu"), "Su, Yu"),
    ("Xiong Xianghui", ("Xiong", "Xianghui"), "Xiong, Xianghui"),
    ("Wan Li", ("Wan", "Li"), "Wan, Li"),
    ("Lee Hamilton", ("Hamilton", "Lee"), "Hamilton, Lee"),
    ("Hun Sen", ("Hun", "Sen"), "Hun, Sen"), ("Ieng Sary", ("Ieng", "Sary"), "Ieng, Sary"),   # Khmer
    ("Chai Yu Choi", ("Choi", "Chai Yu"), "Choi, Chai Yu"),   # a Korean name in Western order, as US letters write them
])
def test_split_and_sort_a_written_name(name: str, split: tuple[str, str], sort: str):
    assert split_name(name) == split
    assert sort_form(name) == sort


@pytest.mark.parametrize("raw, display", [
    ("Han, Nianlong", "Han Nianlong"), ("Tan, Zhenlin", "Tan Zhenlin"), ("Hu, Yaobang, 1915-1989", "Hu Yaobang"),
    ("Lee, Dean", "Dean Lee"), ("Chang, Gene", "Gene Chang"),
])
def test_a_one_word_given_name_of_pinyin_puts_the_family_name_first(raw: str, display: str):
    assert parse_heading(raw).display == display


def test_whitespace_in_a_heading_is_collapsed():
    assert parse_heading("  Mao,   Zedong ").display == "Mao Zedong"


@pytest.mark.parametrize("text, person", [
    ("United Nations", False), ("Kuomintang", False), ("Khmer Rouge", False), ("Warsaw Pact", False),
    ("Solidarność (Labor organization)", False), ("Poland. Embassy (Canada)", False),
    ("Mao, Zedong, 1893-1976", True), ("Sukarno, 1901-1970", True), ("John Paul II, Pope, 1920-2005", True),
    ("Kim Il Sung", True),            # uninverted, but the names table knows him
    ("Cremin, Cornelius Christopher (\"Con\")", True), ("Kim, Il", True),
    (", 1900-1950", False), ("., .", False),   # life years or punctuation with no name: nobody
])
def test_a_heading_is_a_person_only_when_it_reads_like_one_or_the_table_says_so(text, person):
    from harvester.normalize.headings import is_person
    from harvester.normalize.names import NameTable

    assert is_person(parse_heading(text), NameTable.load()) is person


@pytest.mark.parametrize("text, name", [
    ("Le, Duan, 1907-1986", "Le Duan"), ("Lê, Duẩn, 1907-1986", "Le Duan"), ("Song, Qingling", "Song Qingling"),
    ("Chu, Teh", "Zhu De"), ("Kim, Chŏng-il, 1941-2011", "Kim Jong Il"),
])
def test_one_syllable_given_names_and_other_romanizations_come_from_the_names_table(text, name):
    from harvester.normalize.names import NameTable

    assert canonical_name(parse_heading(text), NameTable.load()) == name


def test_life_years_before_a_parenthesized_form_are_read():
    heading = parse_heading("Wang, Shijie, 1891-1981 (Wang Shih-chieh)")
    assert (heading.display, heading.birth, heading.death, heading.variants) == ("Wang Shijie", 1891, 1981, ("Wang Shih-chieh",))


# Life years set off by a space alone or in brackets are years too: the name kept them as words, and a bracket of years
# was taken for another form of the name ("1912-1994" as a variant). The archive's person page of Georgi Dimitrov is
# headed "Dimitrov, Georgi 1882- 1949"; the others are constructed on it.
@pytest.mark.parametrize(("raw", "display", "sort", "birth", "death"), [
    ("Dimitrov, Georgi 1882- 1949", "Georgi Dimitrov", "Dimitrov, Georgi", 1882, 1949),
    ("Kim, Il-sung 1912-1994", "Kim Il-sung", "Kim, Il-sung", 1912, 1994),
    ("Kim, Il-sung (1912-1994)", "Kim Il-sung", "Kim, Il-sung", 1912, 1994),
    ("Kim, Il-sung 1912-1994 (Kim Il Sung)", "Kim Il-sung", "Kim, Il-sung", 1912, 1994),
])
def test_life_years_without_a_comma_are_read(raw: str, display: str, sort: str, birth: int, death: int):
    heading = parse_heading(raw)
    assert (heading.display, heading.sort, heading.birth, heading.death) == (display, sort, birth, death)
    assert not any(any(c.isdigit() for c in form) for form in heading.variants)


# Without a comma, years after an uninverted name are a body's (the Library of Congress qualifies bodies and meetings
# so, and writes a person's life years after a comma): they leave the name and make no person of it
@pytest.mark.parametrize("raw", ["Kuomintang (1912-1949)", "Paris Peace Conference (1919-1920)", "Solidarność (1980- )",
                                 "Warsaw Pact 1955-1991"])
def test_years_without_a_comma_after_an_uninverted_name_make_no_person(raw: str):
    from harvester.normalize.headings import is_person
    from harvester.normalize.names import NameTable

    heading = parse_heading(raw)
    assert (is_person(heading, NameTable.load()), heading.birth, heading.death) == (False, None, None)
    assert not any(c.isdigit() for c in heading.display + "".join(heading.variants))


@pytest.mark.parametrize("name, sort", [("John Paul II", "John Paul II"), ("Pius XII", "Pius XII"),
                                        ("Martin Luther King Jr.", "King, Martin Luther, Jr."), ("Kim Il", "Kim, Il"),
                                        ("Anastas Mikoyan", "Mikoyan, Anastas")])
def test_sort_forms_of_names_with_ordinals_and_suffixes(name, sort):
    assert sort_form(name) == sort


def test_a_heading_with_no_name_puts_no_empty_person_on_the_page():
    from harvester.records import page_people
    from harvester.normalize.names import NameTable

    assert page_people([", 1900-1950", "., .", "Kim, Il Sung, 1912-1994"], NameTable.load()) == ["Kim Il Sung"]
