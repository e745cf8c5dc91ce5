"""Name headings as the archive writes them ("Mao, Zedong", "Gorbachev, Mikhail Sergeevich, 1931-") and whom they name.

`parse_heading` splits one into its parts and gives the person's display form in the order their culture writes
names; which family names mark a family-name-first culture is data (family_first.csv, pinyin.txt and
western_given_names.txt beside this module). The rules, with examples: docs/dataset.md ("Name headings").
When the names table knows the person, the table's form wins (`canonical_name`), so "Mao, Zedong" on a document
page and "Mao Zedong" in a title are one person.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from harvester.normalize.names import BRACKET, NameTable, looks_like_organization, match_key, written_form
from harvester.normalize.roles import family_name_shape, is_given_name
from harvester.normalize.text import text_cache

# after a comma, or a space alone ("Kim, Il-sung 1912-1994"), or in brackets ("Kim, Il-sung (1912-1994)")
_YEARS = re.compile(
    r"(?:(?P<comma>,)\s*|\s+)(?P<open>\()?(?:(?:b\.|born)\s*(?P<born>\d{4})|(?:d\.|died)\s*(?P<died>\d{4})"
    r"|(?:ca\.\s*)?(?P<birth>\d{4})\??\s*[-–]\s*(?:ca\.\s*)?(?P<death>\d{4})?\??)(?(open)\))\.?\s*$"
)
_NICKNAME = re.compile(r"""\s*\(\s*["“'‘]([^"”'’()]+)["”'’]\s*\)|\s+["“]([^"”]+)["”]""")
_CORPORATE = re.compile(r"\b\w{2,}\)?\.\s+\S")           # "Poland. Embassy", "Korea (North). Chosŏn ..."
_ROMAN = re.compile(r"\s[IVXL]+$")                      # "John Paul II"
_TITLES = frozenset({"pope", "saint", "king", "queen", "emperor", "empress", "prince", "princess", "shah", "sultan",
                     "cardinal", "patriarch", "dalai", "grand", "archbishop", "caliph", "emir", "tsar", "czar"})
_MONGOLIAN_PATRONYMIC = re.compile(r"(?:iin|iyn|ijn|iĭn|ïn|[bdgjkmnstvz]yn|ын|ийн)$", re.IGNORECASE)  # not "Evelyn"
# what only Korean (McCune-Reischauer: ŏ, ŭ) and Vietnamese (ă, ơ, ư, đ, the dot below, the hook) romanizations write
_ROMANIZED = frozenset("\u0306\u031b\u0323\u0309\u0111")
INITIAL = re.compile(r"^(?:[^\W\d_]{1,2}\.)+$")      # "S.", "Yu.", "V.I."
_LOC_IOTATED = re.compile(r"^I([AUau])(?=[^\W\d_A-Z])")   # "Iakov", "IUriĭ"; not "IAN" in capitals
_SYLLABLE = re.compile(r"^[^\W\d_](?:[^\W\d_]|'){0,6}$")   # "Hu", "Yew", "t'ao" (Wade-Giles)


@dataclass(frozen=True)
class Heading:
    """One name heading, split: who (person or organization), the name's parts, its forms and life years."""

    raw: str
    kind: str                      # "person" or "organization"
    family: str                    # for a Mongolian heading, the patronymic
    given: str
    display: str                   # the name in its culture's order: "Mao Zedong", "Mikhail Sergeevich Gorbachev"
    sort: str                      # "Family, Given", without years: "Gorbachev, Mikhail Sergeevich"
    birth: int | None
    death: int | None
    alternatives: tuple[str, ...]  # the heading's parenthesized forms: "Jiang Jingguo", "Vasilii Ivanovich"
    nickname: str                  # "Con" in Cremin, Cornelius Christopher ("Con")
    title: str                     # "Pope" in John Paul II, Pope
    order: str                     # "family-first", "given-first", or "" for an organization

    @property
    def variants(self) -> tuple[str, ...]:
        """Other full forms the heading itself gives: an alternative romanization, a fuller form, a nickname, a title."""
        forms = [self._fuller(alt) for alt in self.alternatives]
        if self.nickname:
            forms.append(self._ordered(self.family, self.nickname) if self.family else self.nickname)
        if self.title:
            forms.append(f"{self.title} {self.display if self.family else self.given}")
        return tuple(dict.fromkeys(f for f in forms if f and f != self.display))

    def _fuller(self, alternative: str) -> str:
        """How an alternative form reads: a fuller form of initials ("V. I." -> "Vasilii Ivanovich") completes the name;
        anything else is a whole name."""
        if _has_initials(self.given):
            return self._ordered(self.family, alternative)
        if _has_initials(self.family):   # a Mongolian patronymic written as initials: "Tsedenbal, Yu. (Yumjaagiin)"
            return self._ordered(alternative, self.given)
        return alternative

    def _ordered(self, family: str, given: str) -> str:
        return f"{family} {given}" if self.order == "family-first" else f"{given} {family}"


def parse_heading(text: str) -> Heading:
    """Split one heading: "Chiang, Ching-kuo (Jiang Jingguo)", "Stalin, Joseph, 1879-1953", "Poland. Embassy (Canada)"."""
    raw = " ".join(text.split())
    rest, birth, death = _years(raw)
    if _is_organization(rest):
        return Heading(raw, "organization", "", "", rest, rest, None, None, (), "", "", "")
    rest, nickname = _nickname(rest)
    alternatives = tuple(a.strip() for a in BRACKET.findall(rest) if a.strip())
    parts = [p.strip() for p in BRACKET.sub("", rest).split(",") if p.strip()] or [rest]
    sort = ", ".join(parts)
    if len(parts) > 1 and _forename_entry(parts):
        return Heading(raw, "person", "", parts[0], parts[0], sort, birth, death, alternatives, nickname, parts[1], "given-first")
    family, given = parts[0], parts[1] if len(parts) > 1 else ""
    title = next((p for p in parts[2:] if _is_title(p)), "")
    suffix = " ".join(p for p in parts[2:] if p != title)     # "Jr."
    if _mongolian(family, given, alternatives):
        display = written_form(f"{given} {family}")
        return Heading(raw, "person", given, family, display, sort, birth, death, alternatives, nickname, title, "family-first")
    order = "family-first" if family_first(family, given) else "given-first"
    name = f"{family} {given}" if order == "family-first" else f"{given} {family}"
    display = written_form(" ".join(f"{name} {suffix}".split()))
    return Heading(raw, "person", family, given, display, sort, birth, death, alternatives, nickname, title, order)


_BODY_QUALIFIER = re.compile(r"\((?:[^()]*\b(?:organi[sz]ation|firm|agency|group|party|movement|program+e?)\b[^()]*)\)", re.I)


_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")


def is_person(heading: Heading, table: NameTable) -> bool:
    """Whether a heading names a person: the names table decides when it knows the name. Otherwise a heading
    must read like a personal one: inverted ("Family, Given"), or with life years, or entered under a forename;
    an uninverted phrase the table does not know ("United Nations", "Kuomintang", "Khmer Rouge") is taken
    as a body, as is one qualified as a body ("Solidarność (Labor organization)")."""
    if heading.kind != "person" or not any(c.isalpha() for c in heading.display):   # ", 1900-1950": no name at all
        return False
    known = table.kind(heading.display) or table.kind(canonical_name(heading, table))
    if known is not None:
        return known == "person"
    if _BODY_QUALIFIER.search(heading.raw):
        return False
    return bool(heading.given or heading.title or heading.birth or heading.death)


@text_cache(4096)   # a dataset's pages give the same headings again and again
def person_of(text: str, table: NameTable) -> tuple[Heading, str]:
    """A heading, and the name its person is written in ("" when it names no person)."""
    heading = parse_heading(text)
    return heading, canonical_name(heading, table) if is_person(heading, table) else ""


def _has_initials(part: str) -> bool:
    return any(INITIAL.match(word) for word in part.split())


def _years(text: str, tail: str = "") -> tuple[str, int | None, int | None]:
    """Life years at the end ("Stalin, Joseph, 1879-1953"), or before a last parenthesized form
    ("Wang, Shijie, 1891-1981 (Wang Shih-chieh)", which then stays: "Wang, Shijie (Wang Shih-chieh)")."""
    match = _YEARS.search(text)
    parens = _TRAILING_PARENS.search(text) if match is None and not tail else None
    if parens is not None and (inner := _years(text[: parens.start()], parens.group(0).strip()))[1:] != (None, None):
        return inner
    if match is None:
        return text, None, None
    birth, death = match.group("birth") or match.group("born"), match.group("death") or match.group("died")
    if not match["comma"] and "," not in text[: match.start()]:
        birth = death = None   # "Kuomintang (1912-1949)": a body's years; a person's without a comma follow "Family, Given"
    rest = f"{text[: match.start()].strip()} {tail}".strip()
    return rest, int(birth) if birth else None, int(death) if death else None


def _nickname(text: str) -> tuple[str, str]:
    match = _NICKNAME.search(text)
    if match is None:
        return text, ""
    return (text[: match.start()] + text[match.end():]).strip(), (match.group(1) or match.group(2)).strip()


def _is_organization(text: str) -> bool:
    """A body: "Japan. Foreign Ministry" (a jurisdiction and its parts), or a name with a body's word before any comma."""
    head = BRACKET.sub("", text).split(",")[0]
    return bool(_CORPORATE.search(head)) or looks_like_organization(head)


def _forename_entry(parts: list[str]) -> bool:
    """ "John Paul II, Pope": a name entered under the forename, with a title or an ordinal, not "Family, Given"."""
    return _is_title(parts[1]) or bool(_ROMAN.search(parts[0]))


def _is_title(part: str) -> bool:
    words = part.lower().split()
    return bool(words) and words[0] in _TITLES


def _mongolian(family: str, given: str, alternatives: tuple[str, ...]) -> bool:
    """ "Tsedenbal, Yumjaagiin": the part after the comma is a patronymic (genitive -iin, -yn), written first."""
    if len(family.split()) != 1:
        return False
    words = [w for w in (given, *alternatives) if w]
    return any(len(w.split()) == 1 and _MONGOLIAN_PATRONYMIC.search(w) and not INITIAL.match(w) for w in words)


def family_first(family: str, given: str) -> bool:
    """True when a family name marks a culture that writes it first (family_first.csv), given the given name's shape."""
    shape = family_name_shape(family)
    if shape is None or not given or _has_initials(given):
        return False
    return shape == "any" or _syllabic(given)


def _syllabic(given: str) -> bool:
    """ "Hu-rak", "Kuan Yew", "Văn Đồng", "Kuo-t'ao": short syllables, hyphenated or two or more; a Korean or
    Vietnamese romanization's own letters ("Myŏn", "Mười"); or one word of one or two Pinyin syllables: "Xu",
    "Jintao", "Guangen" (guan-gen), "De'an". Not "Robert", "Hamilton" or "Andrew Jackson", nor a given name that
    begins with a Western one ("Anna", "John Davis", western_given_names.txt).

    A second Pinyin syllable that begins with a vowel is written after an apostrophe ("De'an"): "Dean" is not Pinyin."""
    words = given.split()
    if not words or _western(words):
        return False
    if any(mark in _ROMANIZED for mark in unicodedata.normalize("NFD", given.casefold())):
        return True
    syllables = re.split(r"[\s-]+", given.replace("\u2019", "'"))   # "Kuo-t’ao" as "Kuo-t'ao"
    if len(syllables) > 1:
        return all(_SYLLABLE.match(s) and len(s) - s.count("'") <= 5 for s in syllables)
    return _pinyin_word(_plain(syllables[0]))


def _western(words: list[str]) -> bool:
    """A given name that begins with a Western one: alone ("Anna"), or before another ("Mary Ann") or a word no East
    Asian syllable is ("John Davis", "Gypsy Rose"; but "Don Ho", "Sam Yong", "Jan Sik" are Korean)."""
    if not is_given_name(words[0]):
        return False
    return len(words) == 1 or any(is_given_name(word) or (len(word) >= 4 and not _pinyin_word(_plain(word)))
                                  for word in words[1:])


def _pinyin_word(word: str) -> bool:
    """One or two Pinyin syllables (lower case, accents aside): "xu", "jintao", "guangen" (guan-gen), "de'an"."""
    pinyin = _word_list("pinyin.txt")
    if "'" in word:
        return word.count("'") == 1 and all(part in pinyin for part in word.split("'"))
    return word in pinyin or any(word[:cut] in pinyin and word[cut:] in pinyin and word[cut] not in "aeo"
                                 for cut in range(1, len(word)))


def _plain(word: str) -> str:
    """Lower case, accents aside: "Lü" -> "lu"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


@functools.cache
def _word_list(file: str) -> frozenset[str]:
    """A list of words shipped beside this module (pinyin.txt), each as `_plain` gives it."""
    text = resources.files("harvester.normalize").joinpath(file).read_text(encoding="utf-8")
    return frozenset(_plain(word) for line in text.splitlines() if not line.startswith("#") for word in line.split())


def split_name(name: str) -> tuple[str, str]:
    """A written name (not a heading) as (family, given): "Kim Il Sung" -> ("Kim", "Il Sung"), "N. G. Sudarikov" -> ("Sudarikov", "N. G.")."""
    words = name.split()
    if len(words) < 2:
        return name, ""
    if len(words) == 2 and _MONGOLIAN_PATRONYMIC.search(words[0]):
        return words[1], words[0]
    if family_first(words[0], " ".join(words[1:])):
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])


@text_cache(4096)   # a dataset names the same people again and again
def family_name_first(name: str) -> str | None:
    """"Chung Hee Park" -> "Park Chung Hee": the order of its culture for an East Asian name written given name first,
    as English-language papers write it (a given name of two or more syllables, then a family name of
    family_first.csv); None for a name already in that order ("Kim Il Sung") and for any other name."""
    words = name.split()
    if len(words) < 2 or (len(words) == 2 and "-" not in words[0]) or split_name(name)[0] == words[0]:
        return None
    family, given = words[-1], " ".join(words[:-1])   # not "Illarion Dmitriyevich Pak": a Russian given name
    return f"{family} {given}" if family_first(family, given) and _syllabic(given) else None


def sort_form(name: str) -> str:
    """The sort form of a written name: "Kim Il Sung" -> "Kim, Il Sung", "Anastas Mikoyan" -> "Mikoyan, Anastas";
    a name with an ordinal is entered under the forename ("John Paul II"), a suffix goes last ("King, Martin Luther, Jr.")."""
    words = name.split()
    if len(words) > 1 and _ORDINAL.fullmatch(words[-1]):
        return name
    if len(words) > 2 and _SUFFIX.fullmatch(words[-1]):
        family, given = split_name(" ".join(words[:-1]))
        return f"{family}, {given}, {words[-1]}" if given else f"{family}, {words[-1]}"
    family, given = split_name(name)
    return f"{family}, {given}" if given else family


_ORDINAL = re.compile(r"(?:[IVX]{1,4})")
_SUFFIX = re.compile(r"(?:Jr|Sr)\.?")


def canonical_name(heading: Heading, table: NameTable) -> str:
    """The one form to write the heading's person or body in: the names table's, else the heading's display form.

    The table is asked for the display form, the sort form, the other name order, the
    heading's own alternatives, the initials form ("A. M. Puzanov") and the first given name
    with the family name; last, a lone family name the table lists, if its given name agrees.
    """
    if heading.kind != "person":
        return table.lookup(heading.display) or heading.display
    for form in _candidates(heading):
        found = table.lookup(form)
        # a shortened form ("A. A. Gromyko") may name a relative: the table's person must bear the same given names, or
        # the table write the person with the heading's first given name ("Aleksei Kosygin" of "Kosygin, Aleksei ..."),
        # the heading's initials aside ("Gromyko, Andreĭ B." is no "A. A." Gromyko: `_initials_agree` says)
        if found and table.kind(found) == "person" and (
                form in _exact_forms(heading) or _initials_agree(found, heading, table)
                or table.writes(found, form) and not _has_initials(f"{form} {heading.given}")):
            return found
    lone = table.lookup(heading.family) or table.lookup(popular(heading.family)) if heading.family else None
    if lone and table.kind(lone) == "person" and _initials_agree(lone, heading, table):
        return lone
    return heading.display


def _exact_forms(heading: Heading) -> tuple[str, ...]:
    """The forms of the heading that are the whole name (not shortened to initials or a first given name)."""
    family, given = heading.family, heading.given
    whole = (f"{given} {family}", f"{family} {given}") if family and given else ()
    return (heading.display, heading.sort, *heading.variants, *heading.alternatives, *whole)


def _candidates(heading: Heading) -> list[str]:
    """The whole forms, then the shortened ones: the initials form and the first given name with the family name, and
    those two as the popular romanization writes them (`popular`: "Malik, Iakov" as "Yakov Malik", "Iudin, Pavel" as
    "Pavel Yudin")."""
    family, words = heading.family, heading.given.split()
    forms = list(_exact_forms(heading))
    if family and words:
        forms += [" ".join(f"{w[0]}." for w in words if w[0].isalpha()) + f" {family}", f"{words[0]} {family}",
                  f"{popular(words[0])} {popular(family)}"]
    return [f for f in dict.fromkeys(forms) if f.strip()]


def popular(name: str) -> str:
    """A name begun with the Library of Congress's Я or Ю as the popular romanization writes it: "Iakov", "IUdin" ->
    "Yakov", "Yudin"; not "IAN" in capitals."""
    return _LOC_IOTATED.sub(lambda m: f"Y{m[1].lower()}", name)


def _initials_agree(canonical: str, heading: Heading, table: NameTable) -> bool:
    """ "A. M. Puzanov" agrees with "Puzanov, Aleksandr Mikhailovich"; "Joseph Stalin" does not with "Stalin, Vasilii",
    nor "Andrei Gromyko" with "Gromyko, Anatolii Andreevich" (his son): two given names written out must be the same,
    in either romanization of Russian ("Yuri Andropov" with "Andropov, IUriĭ Vladimirovich": `russian_key`). A
    heading's initials must each agree with the table's spellings of the person, as a title's do: "Chernenko, K. IU."
    is no "K. U. Chernenko", nor "Gromyko, A. B." the table's "A. A. Gromyko"; a whole given name beside them, which
    agrees with the table's, as the initial of the table's ("Andropov, IUriĭ V." as "Y. V. Andropov")."""
    family, given = split_name(canonical)
    return russian_key(family) == russian_key(heading.family) and all(
        _given_agree(one, other) for one, other in zip(given.split(), heading.given.split())) and initials_written(canonical, heading, table)


def initials_written(canonical: str, heading: Heading, table: NameTable) -> bool:
    """Whether the table writes its person with the heading's initials, a whole given name beside them as its initial
    ("Gromyko, Andreĭ A." as "A. A. Gromyko"; not "Andreĭ B."); a heading without initials says nothing against it."""
    family, given = split_name(canonical)
    theirs, ours = given.split(), heading.given.split()
    written = [other if _abbreviated(other) else f"{one[0]}." for one, other in zip(theirs, ours)] + ours[len(theirs):]
    return not _has_initials(heading.given) or table.lookup(f"{' '.join(written)} {family}") == canonical


def _given_agree(one: str, other: str) -> bool:
    """An initial or abbreviation ("A.", "Yu.") agrees with a name of its first letter; two whole names must be one."""
    if _abbreviated(one) or _abbreviated(other):
        return _first_letter(one) == _first_letter(other)
    return russian_key(one) == russian_key(other)


def russian_key(name: str) -> str:
    """The match key with the Library of Congress romanization of Russian and the popular one written alike: "Beriia",
    "IUriĭ", "Lavrentiĭ", "Sergeevich", "Elʹtsin", "Trotskiĭ" as "Beria", "Yuri", "Lavrentiy", "Sergeyevich", "Yeltsin",
    "Trotsky" write them, and the "j" of Czech, Polish or German after a vowel ("Tolstoj", "Sergej": й; "Dostojevskij":
    Е) and their "x" ("Alexej", "Maximov": кс); a "y" between consonants is Ы in both ("Martyn" is no "Martin"). Too
    loose to find a person by: it only compares a heading's names with those of the person the table lists its family
    name for, and a title's Russian family name with its page's headings (`people._filed_under`)."""
    key = re.sub(r"ye|(?<=[aeiouy])je", "e", match_key(name).replace("x", "ks"))
    return re.sub(r"i+", "i", re.sub(r"(?<![^aeiouy])y|y(?![^aeiouy])|(?<=[aeiouy])j(?![aeiouy])", "i", key))


def _abbreviated(word: str) -> bool:
    return word.endswith(".") or len(word.strip(".")) == 1


def _first_letter(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.casefold())
    return next((c for c in folded if c.isalpha()), "")
