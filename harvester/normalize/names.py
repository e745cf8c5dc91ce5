"""The names table and the rules that give each person, body and place one written form.

The table ships as `harvester/normalize/names.csv`; its columns, how spellings are compared (`match_key`) and how a
user's own file (`NameTable.load(extra=path)`) adds to it are in docs/dataset.md ("The names table"). A file that
breaks its rules is a `UsageError` naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from harvester.errors import UsageError
from harvester.normalize.roles import (HONORIFIC, NATIONS, PARTICLES, PLACE, PLACE_AT_END, ROLE, begins_a_name, completion, is_body,
                                      is_given_name, is_role, is_state_initials)
from harvester.normalize.text import text_cache

if TYPE_CHECKING:   # (the title grammar is compiled by the first title read: records.record_of)
    from harvester.normalize.titles import Parties

KINDS: tuple[str, ...] = ("person", "organization", "place")
_COLUMNS = ["canonical", "kind", "variant", "note"]
# ʹ and ʼ: the soft and hard signs of Russian romanization; ʻ, ʾ and ʿ: an aspirate (McCune-Reischauer, "Chʻoe"), a
# hamza and an ayn (Arabic), as Library of Congress headings write them
_IGNORED = re.compile(r"[\s.,\-'’‘`ʹʼʻʾʿ\"“”„«»\[\]()]+")
# letters that Unicode does not decompose into a base letter and an accent: "Wałęsa", "Lê Đức Thọ", "Søren"
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ħ": "h", "Ħ": "H",
                               "ŧ": "t", "Ŧ": "T", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae",
                               "œ": "oe", "Œ": "Oe", "ß": "ss"})
# a surname, then initials: capitals, or the two letters of one Russian sound ("Ya.", "Yu.", "Iu.", "IU.", "Zh.")
_SURNAME_INITIALS = re.compile(r"([^\W\d_][\w'’-]+),?\s+((?:(?:[^\W\d_a-z]|Ya|Yu|Ye|Yo|Ia|Iu|IA|IU|Ja|Ju|Zh|Kh|Ch|Sh|Ts)\.\s*){1,3})")
BRACKET = re.compile(r"(?<!\s)\s*[\[(]([^\[\]()]*)[\])]")   # (a run of spaces tried from its start alone)
_GLUED = re.compile(r"(?<=\w)\[([^\[\]]*)\]")  # "Yu[mjagiin] Tsedenbal": an editor's completion, not a variant
# "[Edgar] Snow", "[Sir] Anthony Eden", "[Charles] de Gaulle": a bracket before a name, which completes it when it is a
# given name (`completion`)
_BEFORE_A_NAME = re.compile(rf"\[[^\[\]]+\](?=\s+(?:(?:{'|'.join(sorted(PARTICLES))})[\s-]+)*[^\W\d_a-z])")
_NATION_FIRST = re.compile(rf"^{NATIONS}s?(?![\w-])")   # "Soviet Side"; a people: "the Americans"
_INITIALS = re.compile(r"\b([A-Z]\.)(?=[A-Z])")
# "W. Ulbricht", "Yu. V. Andropov", "Nikita S. Khrushchev", "IU. V. Andropov" (the Library of Congress's Ю in capitals)
_INITIALED = re.compile(r"((?:[^\W\d_][\w'’-]+\s+)?(?:[^\W\d_](?:[^\W\d_A-Z]|(?<=I)[UA])?\.\s*)+)([^\W\d_][\w'’-]+)")
# "Ia.", "IU." (the Library of Congress's Я, Ю), "Ja." (German's), which the table writes "Ya.", "Yu."
_YA_YU_INITIAL = re.compile(r"\b[IJ]([AUau])\.")
_IOTATED = re.compile(r"^y(?=[aeou])")   # "Yuri", "Yakov", "Yevgeni", "Yosif": a Cyrillic Ю, Я, Е, Ё (`agrees`)
# "Yefim", "Yegor", "Yekaterina", "Yelena", "Yemelyan", "Yeremei", "Yevgeny": a Russian Е; not "Yeong", "Ye-jin", "Yehuda"
_RUSSIAN_YE = re.compile(r"ye[fgklmrv]")
_OWNED = re.compile(r"['’]s\s")   # "Kim Il Sung's Daughter": a possessive inside, which no name holds
_POST_SET_OFF = re.compile(rf"\b{ROLE},\s+(?![JS]r\b)")   # "Scientific Adviser, Washington": a post and its city (not "King, Jr.")
# a word in capitals of three syllables or more, each a consonant and a vowel, is a name, though short enough for initials;
# not one ending in a silent "e", an English word's ("MINUTE", "NOTICE")
_SYLLABLES = re.compile(r"(?:[B-DF-HJ-NP-TV-Z][AEIOU]){3,}[B-DF-HJ-NP-TV-Z]?(?<!E)")   # "KATORI", not "ASEAN" or "SEATO"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# "Mr. Bundy": what told a person from initials ("MR. BUNDY"), no part of him; but before a small word it is a group's
# word ("COMRADES OF THE RESISTANCE" is no person "Of The Resistance")
_HONORED = re.compile(rf"^{HONORIFIC}\s+(?!(?i:of|in|at|the|for|on|from|and|with|by)\s)(?=\S)")


def looks_like_organization(name: str) -> bool:
    """True when a word of the name marks a body, not a person ("Embassy", "Central Committee", "KWP")."""
    return is_body(BRACKET.sub("", name))


@text_cache(4096)  # a dataset names the same few hundred parties again and again
def match_key(name: str) -> str:
    """The form two spellings share when they are the same name: "N.G. Sudarikov" -> "ngsudarikov"."""
    return _IGNORED.sub("", without_accents(name.casefold()))


def without_accents(text: str) -> str:
    """The text with its accents dropped, and the letters Unicode keeps whole written as their base letters:
    "José", "Wałęsa", "Søren", "Straße" -> "Jose", "Walesa", "Soren", "Strasse"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).translate(_UNDECOMPOSED)


class NameTable:
    """Canonical forms and kinds of names, keyed by match key."""

    def __init__(self) -> None:
        self.extra: Path | None = None   # the user's own file, when there is one
        self._canonical: dict[str, str] = {}  # match key -> canonical form
        self._kinds: dict[str, str] = {}  # canonical form -> kind
        self._spellings: dict[str, list[str]] = {}  # canonical form -> the table's spellings of it
        # emptied by _add; a long heading's forms are asked for again and again (kind, lookup): the last two are kept
        self._resolve = text_cache(4096, long=2)(self._resolve_uncached)

    @classmethod
    def load(cls, extra: Path | None = None) -> NameTable:
        """The shipped names.csv, plus a user's own CSV of the same format (its rows win or add)."""
        table = cls()
        shipped = resources.files("harvester.normalize").joinpath("names.csv").read_text(encoding="utf-8")
        table._add(_rows(shipped, "names.csv"))
        if extra is not None:
            table.extra = Path(extra)
            table._add(_rows(_read(table.extra), str(extra)))
        return table

    def lookup(self, name: str) -> str | None:
        """The canonical form when the name (any variant, case, spacing, punctuation) is in the table."""
        return self._resolve(name)[0]

    def writes(self, canonical: str, name: str) -> bool:
        """Whether the table lists `name` as a spelling of `canonical` (case, accents and punctuation aside)."""
        return self._canonical.get(match_key(name)) == canonical

    def kind(self, name: str) -> str | None:
        """"person", "organization" or "place": from the table, else "organization" by keyword, else None."""
        return self._resolve(name)[1]

    def _add(self, rows: list[tuple[str, str, str]]) -> None:
        self._resolve.cache_clear()
        for canonical, kind, variant in rows:
            self._kinds[canonical] = kind
            for spelling in filter(None, (canonical, variant)):
                self._canonical[match_key(spelling)] = canonical
                self._spellings.setdefault(canonical, []).append(spelling)

    def _known(self, name: str) -> tuple[str, str] | None:
        canonical = self._canonical.get(match_key(name))
        return (canonical, self._kinds[canonical]) if canonical else None

    def _resolve_uncached(self, name: str) -> tuple[str | None, str | None]:
        """Try the whole name, then the name as written (`unbracketed`: an editor's given name in brackets is part of
        it, so "[Sergei] Khrushchev" is not the table's Nikita) or its initials (`_initialed`), then a bracketed code
        name or variant."""
        outer = unbracketed(name)
        found = self._known(name) or self._known(outer) or self._initialed(_initials_first(outer))
        if found:
            return found
        if is_body(outer):
            return None, "organization"
        for inner in BRACKET.findall(name):
            for part in re.split(r"[;,]", inner):
                if (found := self._known(part)) and found[1] == "person" and not self._kin(outer, found[0]):
                    return found   # a code name's person; a place in brackets ("Maneli (Saigon)") says where he was
        return None, None

    def _initialed(self, name: str) -> tuple[str, str] | None:
        """The table's person of a name it lists (its initials in any romanization: "Ia. A. Malik" as "Ya. A."), or of
        initials (after a given name, or alone) and a family name it lists alone that agree with given names it writes the
        person with (`_given_agree`): "W. Ulbricht" (Walter), "I. Stalin" ("I. V. Stalin"), "Nikita S. Khrushchev"
        ("Nikita Sergeevich")."""
        found = self._known(name) or self._known(_YA_YU_INITIAL.sub(lambda m: f"Y{m[1].lower()}.", name))
        if found or (m := _INITIALED.fullmatch(name)) is None:
            return found
        found = self._known(m[2])
        if found and found[1] == "person" and _given_agree(m[1].replace(".", ". ").split(), self._given_names(found[0], m[2])):
            return found
        return None

    def _kin(self, outer: str, canonical: str) -> bool:
        """"Svetlana (Stalin)", "Yakov (Stalin)", "Svetlana Alliluyeva (Stalin)": a given name before the bracket that is
        none the bracketed person is written with names someone of their own, of the family; a code name ("Filippov
        [Stalin]") is no given name, and "Iosif (Stalin)" is he."""
        first = outer.split()[0] if outer.split() else ""
        return is_given_name(first) and all(
            match_key(given[0]) != match_key(first) for given in self._given_names(canonical, canonical.split()[-1]))

    def _given_names(self, canonical: str, family: str) -> list[list[str]]:
        """The given names of each of the table's spellings of a person under that family name: "Leonid Ilʹich"."""
        named = []
        for spelling in self._spellings.get(canonical, ()):
            last, given = spelling.split(",", 1) if "," in spelling else (spelling.split()[-1], spelling.rpartition(" ")[0])
            if match_key(last) == match_key(family) and given.strip():
                named.append(given.replace(".", ". ").split())
        return named


def _given_agree(written: list[str], table: list[list[str]]) -> bool:
    """Whether the given names a name is written with agree with those of one of the table's spellings ("W." with
    "Walter", "I. V." with "I. V."): every initial alone must have its given name ("L. S." is not "Leonid"). A full given
    name then initials ("Nikita S.") agree when the name is one the table writes and each initial agrees with a name the
    table writes in its place ("Leonid S." is no Leonid Ilyich). An initial where it writes none may be another's of the
    family, as "G. W. Bush" is not the table's "George Bush" written so, and nor is "George W. Bush"."""
    if written[0].endswith("."):
        return any(len(written) <= len(given) and all(map(agrees, written, given)) for given in table)
    places = [[given[i] for given in table if len(given) > i] for i in range(len(written))]   # what the table writes there
    return all(any(agrees(word, name) for name in known) for word, known in zip(written, places))


def agrees(written: str, given: str) -> bool:
    """A full given name agrees with the same name ("Nikita", not "Nikolai" nor "N."); an initial with what it begins
    ("W." with "Walter", "Yu." with "Yuri", "I." with "I."), not with a shorter initial: "Ia." and "Ja." are one letter,
    Я, and no "I." nor "J." (Yakov, not Iosif, Stalin). A "J." agrees with a given name the table
    writes with "Yu", "Ya", "Ye" or "Yo" ("J. Andropov" is Yuri): that is a Cyrillic letter (Ю, Я, Е, Ё) that German,
    Polish, Czech and Hungarian write with a J, and a Russian name written in English has no J of its own; so is an
    "Iu." or "Ia." with "Yu" or "Ya", as the Library of Congress writes Ю and Я ("IU. V. Andropov"), and an "E." with
    a Russian "Ye", Е ("E. K. Ligachev" is Yegor; a "Yeong" is Korean, a "Yehuda" Hebrew, a "Yo" as often a Korean
    "Yŏng" or a Japanese "Yoshio"). Only that way:
    a "Ya." is no "J. V." (Yakov, not Iosif, Stalin)."""
    a, b = match_key(written), match_key(given)
    if not written.endswith("."):
        return not given.endswith(".") and a == b
    return (b.startswith(a) or (a[:1] == "j" or a[:2] in ("iu", "ia")) and _IOTATED.sub(a[0], b).startswith(a)
            or a == "e" and _RUSSIAN_YE.match(b) is not None)


def person_names(parties: Parties, table: NameTable) -> tuple[str, ...]:
    """The persons among all parties, each in one canonical form, de-duplicated, in order of first appearance.

    Parties are read senders, then recipients, then participants, then the others the title names. A name the table
    does not know and no organization keyword marks is taken for a person, written as `written_form` says.
    """
    people: dict[str, str] = {}
    for name in (*parties.senders, *parties.recipients, *parties.participants, *parties.others):
        if is_person_party(name, table):
            form = person_form(name, table)
            people.setdefault(match_key(form), form)
    return tuple(people.values())


def person_form(name: str, table: NameTable) -> str:
    """A person party's one form: the table's name, else as written without its honorific ("MR. BUNDY": "Bundy"), which
    the table is asked again ("CDE. I.V. STALIN": Joseph Stalin)."""
    return table.lookup(name) or table.lookup(bare := _HONORED.sub("", written_form(name))) or bare


def is_person_party(name: str, table: NameTable) -> bool:
    """A party the table calls a person, or one it does not know that is shaped like a person's name; one in capitals
    must read so in title case too, as the grammar writes bodies, roles and nations ("SOVIET EMBASSY" is no person); a
    state's initials are no one's ("Washington, D.C." gives a party "D.C."); its honorific, no part of it, says a person
    ("COMRADES PETROV" is no group of "Comrades")."""
    kind = table.kind(name)
    if kind is None and _all_caps(name) and (_name_shaped(name) or _SYLLABLES.fullmatch(name)):
        name = _HONORED.sub("", titled := written_form(name))
        kind = table.kind(name)
        if kind == "place" and name != titled:
            kind = None   # "MR. RICHMOND": a person, though the table knows Richmond as a place (as "Mr. Richmond" is)
    return kind == "person" or (kind is None and _name_shaped(name) and not is_state_initials(name))


def _name_shaped(name: str) -> bool:
    """A person's name: every word capitalized (or a particle such as "van"); "former Editor" is not one, nor a
    role alone ("Soviet Ambassador", "Secretary"), a nationality's thing ("German Question") or someone's ("Kim Il Sung's
    Daughter", "Chen Yi's Wife": a relative the title does not name)."""
    words = [w.lstrip("'‘“\"«") for w in BRACKET.sub("", name).split()]   # "‘Abd al-Mun‘im", "Ernesto “Che” Guevara"
    return (bool(words) and not any(mark in name for mark in "/:") and not _OWNED.search(name)   # "MD/SMD", "Hungary: Situation"
            and all(begins_a_name(w[:1]) or w.lower().split("-")[0] in PARTICLES for w in words)
            and not is_role(name) and not _POST_SET_OFF.search(name)
            and not _NATION_FIRST.match(name) and not PLACE.fullmatch(name) and not PLACE_AT_END.search(name))


@text_cache(4096)   # a dataset names the same people again and again
def written_form(name: str) -> str:
    """A name the table does not know, tidied but not respelled: "N.G. SUDARIKOV [x]" -> "N. G. Sudarikov".

    A bracketed part is dropped (it is a variant or a code name) unless it is glued to a word
    as an editor's completion ("Yu[mjagiin]" -> "Yumjagiin"); initials get one space each;
    ALL CAPS becomes title case, keeping the Korean convention of a lowercase syllable after
    the hyphen of a given name ("PAK HEON-YEONG" -> "Pak Heon-yeong", see `_title_word`).
    """
    name = _initials_first(_INITIALS.sub(r"\1 ", unbracketed(name)).strip())
    return " ".join(_title_word(w, i > 0) for i, w in enumerate(name.split(" "))) if _all_caps(name) else name


def unbracketed(name: str) -> str:
    """The name without its brackets but an editor's completion: "[Edgar] Snow", "Yu[mjagiin] Tsedenbal" and "Filippov
    [Stalin]" -> "Edgar Snow", "Yumjagiin Tsedenbal" and "Filippov"."""
    bracketed = "[" in name or "(" in name   # (most names have no bracket: nothing to look for)
    return " ".join((BRACKET.sub("", _BEFORE_A_NAME.sub(_completed, _GLUED.sub(r"\1", name))) if bracketed else name).split())


def _completed(bracket: re.Match[str]) -> str:
    """An editor's given name before a name without its brackets ("[Edgar] Snow"); any other bracket is left to be dropped."""
    return completion(bracket[0]) or bracket[0]


def _initials_first(name: str) -> str:
    """"Stalin I. V.", "Gromyko, A. A." (the Russian order, surname first) -> "I. V. Stalin", "A. A. Gromyko"."""
    m = _SURNAME_INITIALS.fullmatch(name)
    if m is None or is_state_initials(m[2]):
        return name
    return f"{' '.join(m[2].split())} {m[1]}"


def _all_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _title_word(word: str, later: bool) -> str:
    """Title-case one word; "HEON-YEONG" after a family name -> "Heon-yeong" (short syllables, not first word)."""
    parts = word.split("-")
    syllables = later and len(parts) > 1 and all(len(p) <= 5 for p in parts)
    # (a Turkish "İ" lowers to an "i" and a combining dot above: "Demi̇rel")
    return "-".join([parts[0].capitalize(), *(p.lower() if syllables else p.capitalize() for p in parts[1:])]).replace("i\u0307", "i")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # a spreadsheet may save a byte-order mark
    except OSError as error:
        raise UsageError(f"{path}: cannot read the names file ({(error.strerror or type(error).__name__).lower()})") from None
    except UnicodeError:
        raise UsageError(f"{path}: cannot read the names file (not UTF-8 text: save it as CSV UTF-8)") from None


def _rows(text: str, source: str) -> list[tuple[str, str, str]]:
    """Parse and check one names file; each problem is reported as `<file>:<line>: <what>`."""
    reader = csv.reader(io.StringIO(text))
    rows: list[tuple[str, str, str]] = []
    owner: dict[str, str] = {}  # match key -> canonical, within this file
    kinds: dict[str, str] = {}
    try:
        header = [h.strip() for h in next(reader, [])]
        if header not in (_COLUMNS, _COLUMNS[:3]):
            raise UsageError(f"{source}:1: the header must be {','.join(_COLUMNS)}")
        end = reader.line_num
        for fields in reader:
            line, end = end + 1, reader.line_num   # where the row begins (a quoted value may hold line breaks)
            if not any(f.strip() for f in fields):
                continue
            if not 3 <= len(fields) <= len(header):
                raise UsageError(f"{source}:{line}: expected {len(header)} columns, found {len(fields)}")
            canonical, kind, variant = (f.strip() for f in fields[:3])
            if not match_key(canonical):
                raise UsageError(f"{source}:{line}: the canonical column is empty")
            if ";" in canonical or _CONTROL.search(canonical):
                raise UsageError(f"{source}:{line}: the canonical name {canonical!r} holds "
                                 + ("';', which separates the names in a list column of the CSV" if ";" in canonical
                                    else "a line break or another control character"))
            if kind not in KINDS:
                raise UsageError(f"{source}:{line}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
            if kinds.setdefault(canonical, kind) != kind:
                raise UsageError(f"{source}:{line}: {canonical!r} was given the kind {kinds[canonical]!r} before")
            for spelling in filter(None, (canonical, variant)):
                if owner.setdefault(match_key(spelling), canonical) != canonical:
                    raise UsageError(f"{source}:{line}: {spelling!r} already belongs to {owner[match_key(spelling)]!r}")
            rows.append((canonical, kind, variant))
    except csv.Error as error:
        raise UsageError(f"{source}:{reader.line_num}: {error}") from None
    return rows
