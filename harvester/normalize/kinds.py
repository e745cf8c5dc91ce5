"""The document kinds a title names: one table of phrases, and the one pass over a title's words that finds the first.

Each row of `KIND_PHRASES` is a kind, the words that name it, and the record words that may stand
before those ("Memorandum of Conversation", "Working Notes from the Session"). A title is read
word by word; at each word, only the rows that can begin with that word are tried, so a title
that names no kind costs one look-up per word, like one that does. The first phrase in the title
wins; two phrases that begin at the same word go to the row listed first. To teach the grammar a
new kind word, add it to its row.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from harvester.normalize.text import text_cache


@dataclass(frozen=True)
class KindPhrase:
    """A kind, the words that name it, and the record words that may come before them (then "of", "on", "from", a comma)."""

    kind: str
    words: tuple[str, ...]
    records: tuple[str, ...] = ()
    at_start: bool = False     # the words count only first, or after an owner ("Information about ...", "Mao's Order")
    after: str = ""            # what may follow a word and still belong to the phrase (" records")


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "last", "final", "joint", "plenary", "several",
             "telephone", "official", "private", "consultation", "his", "her", "their")
# what a record of a talk holds of it, no one: "Notes of Main Points of the Conversation", "Record of Key Issues of ..."
_HELD = (r"(?:(?:Main|Key|Basic|Principal|Chief|Major|Important|Brief)\s+)?(?:Points?|Contents?|Results?|Issues?|Questions?|"
         r"Topics?|Matters?|Problems?|Subjects?|Conclusions?|Summary|Excerpts?|Theses|Outcomes?|Substance)")
# the writer "Notes of X of the Conversation" names (titles.py reads him): a name of one or two words, not what they hold
NOTES_WRITER = rf"(?!{_HELD}\s)(?-i:[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*)?)(?=\s+of\s+the\s)"
# "Report by Qiao Xiaoguang on a Conversation", "notes by Igor V. Kurchatov, Director of ..., on a Meeting", "Notes Written
# by Chernyaev of the Conversation", "Notes of V. Kolarov from a Meeting", "Notes of Chernyaev of the Conversation" (a name
# without initials after notes only: a record's "of" names what it holds, "Record of Main Content of the Conversation")
_BY = (r"(?:(?:\s+(?:written|made|taken|kept|recorded))?\s+by\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*(?:,[^,]{1,80},)?"
       rf"|\s+of\s+(?-i:(?:[A-Z]\.\s+)+[A-Z][a-z][\w’'-]*)|(?<=notes)\s+of\s+{NOTES_WRITER})?")
_TALK_RECORDS = ("record", "records", "memorandum", "memo", "minutes", "transcript", "note", "notes", "summary", "excerpt",
                 "excerpts", "report", "abstract", "text", "stenographic record", "summary record", "conversation record",
                 "diary", "journal")   # "Tsedenbal's diary on his conversation with ...": the inner document wins
_NUMBERED = r"(?:(?-i:[IVX]+)\s+)"   # a Roman numeral: "Protocol of the II Plenary Session"
_MEETING_RECORDS = ("summary record", "record", "memorandum", "memo", "minutes", "transcript", "protocol", "stenographic record",
                    "stenographic transcript", "stenographic protocol", "notes", "working notes", "report")

KIND_PHRASES: tuple[KindPhrase, ...] = (
    KindPhrase("note", ("talking points", "speaking notes")),   # before "talking": notes for talks, not their record
    KindPhrase("conversation", ("conversation", "conversations", "discussion", "discussions", "talk", "talks",
                                "negotiations", "consultations", "audience", "reception", "interview", "interrogation",
                                "contact", "talking", "receive", "receives", "received", "meets", "discusses", "discussing",
                                "inquired", "call on", "calls on", "called on", "phone call", "telephone call", "phone conversation", "discuss"),
               _TALK_RECORDS,
               after=r"(?:\s+records?\b)?"),
    KindPhrase("meeting", ("meeting", "meetings", "session", "sessions", "conference", "conferences", "plenum",
                           "plenums", "presidium protocol", "politburo protocol"), _MEETING_RECORDS,
               after=r"(?:\s+minutes\b)?"),
    # "Gorbachev-Bush Malta Summit"; but a word after it is what the summit qualifies ("Summit Conference", "Summit Talks"),
    # other than a small word in title case ("Summit Between Kennedy And Khrushchev")
    KindPhrase("meeting", ("summit", "summits"), _MEETING_RECORDS,
               after=r"(?!\s+(?!(?:Between|With|Of|In|At|On|And|For|To|From|By)\s)(?-i:[A-Z]))"),
    KindPhrase("telegram", ("telegram", "telegrams", "ciphered telegram", "cipher telegram", "coded telegram",
                            "outgoing telegram", "incoming telegram", "ciphergram", "cryptogram", "cipher message", "airgram",
                            "cyper", "cypher telegram",
                            # a message sent in cipher is a ciphergram, however it is translated ("Szyfrogram")
                            "code message", "coded message", "ciphered message", "encrypted message", "encoded message",
                            "decoded message", "deciphered message", "decrypted message")),
    KindPhrase("cable", ("cable", "cables", "outgoing cable", "incoming cable", "cablegram", "cable telegram")),
    KindPhrase("report", ("informational letter", "information letter")),
    KindPhrase("letter", ("letter", "letters", "message", "messages", "telephone message", "correspondence")),
    # greetings are a message's: "New Year Greetings from Mao Zedong to Stalin", "Letter of Greetings from ...", but a
    # kind after them is what carries them ("Greetings Telegram")
    KindPhrase("letter", ("greetings",), after=r"(?!\s+(?:telegram|cable|speech)s?\b)"),
    KindPhrase("journal", ("journal", "diary", "notepad", "notebook")),
    KindPhrase("memorandum", ("memorandum", "memo", "memos", "memoranda", "explanatory memorandum")),
    KindPhrase("report", ("report", "reports", "digest", "digests", "briefing", "briefings", "assessment",
                          "assessments", "analysis", "findings", "account", "circular", "intelligence daily",
                          "scope paper", "briefing paper", "briefing papers", "background paper", "position paper",
                          "discussion paper", "working paper", "bulletin", "bulletins")),
    KindPhrase("report", ("information", "brief information", "information report", "information memorandum"), at_start=True),
    KindPhrase("note", ("note", "notes")),
    KindPhrase("resolution", ("resolution", "resolutions", "decision", "decisions", "decree", "decrees", "edict")),
    KindPhrase("instructions", ("instruction", "instructions", "directive", "directives", "guidelines", "guidance", "notice")),
    # "Order to the New Fourth Army", not "the Order of Lenin", nor "Order of Lenin Awarded to", "Order of Battle"
    KindPhrase("instructions", ("order", "orders"), at_start=True, after=r"(?!\s+of\b)"),
    KindPhrase("speech", ("speech", "speeches", "address", "remarks", "toast", "comments", "intervention")),
    KindPhrase("statement", ("statement", "declaration", "communique", "communiqué", "appeal")),
    KindPhrase("agreement", ("agreement", "implementing agreement", "treaty", "protocol", "accord", "contract")),
    KindPhrase("other", ("gazette", "approval", "dispatch", "despatch", "appointment", "dossier", "log", "program", "programme", "proposal",
                         "proposals", "poem", "poems", "pamphlet", "recollections", "memoir", "memoirs")),
    # what no account is, when the title says so first: "List of Soviet Advisers", not "Attitude Toward the List of ..."
    KindPhrase("other", tuple(f"{article}{word}" for article in ("", "a ", "the ") for word in (
        "map", "maps", "photograph", "photographs", "chronology", "biography", "list", "questionnaire")), at_start=True),
)


_OPENING = "[\\[(“\"‘'«„‚「『]"
# a title's first word, after opening quotes or brackets too, or its owner's ("Mao Zedong's Order to ...")
_AT_START = rf"(?:^|(?<=^{_OPENING})|(?<=^{_OPENING}{{2}})|(?<=['’]s\s))"


# a prefix a hyphen joins to a capital's word, no name of its own: "Co-Chairmen", "Pre-Conference", "Sino-Soviet"
PREFIXES = "Co|Mid|Non|Anti|Ex|Pre|Post|Counter|Inter|Semi|Sub|Multi|Sino|Afro|Indo"


def _words(options: Iterable[str]) -> str:
    return "(?:" + "|".join(r"\s+".join(map(re.escape, o.split())) for o in sorted(options, key=len, reverse=True)) + ")"


def _pattern(row: KindPhrase) -> str:
    named = rf"\b{_words(row.words)}\b{row.after}"
    # "Notes from Politburo Meeting", "Notes of Main Points of the Conversation": the talk recorded, and its one word
    # ("Pre-Conference Meeting"), but no pair of names joined ("Mao-Khrushchev Meeting")
    if row.records:
        named = (rf"(?:\b{_words(row.records)}(?:\s+\d+)?{_BY}(?:\s+(?:of|on|from|about)|,)\s+(?:an?\s+|the\s+)?"
                 rf"(?:{_HELD}\s+of\s+(?:the\s+)?)?{_NUMBERED}?(?:{_words(_ORDINALS)}\s+)?"
                 rf"(?-i:(?:(?:{PREFIXES})-)?[A-Z](?:\w|-(?![A-Z]))+\s+)?)?{named}")
    return _AT_START + named if row.at_start else named


@functools.cache   # compiled by the first title read: the names table, which the CLI loads, needs only the phrases
def kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each row's kind and its phrase's pattern, in table order."""
    return tuple((row.kind, re.compile(_pattern(row), re.IGNORECASE)) for row in KIND_PHRASES)


# first word (lowercase) -> the rows whose phrase may begin with it, in table order
_BEGINS: dict[str, tuple[int, ...]] = {}
for _index, _row in enumerate(KIND_PHRASES):
    for _first in {w.split()[0] for w in (*_row.words, *_row.records)}:
        _BEGINS[_first] = (*_BEGINS.get(_first, ()), _index)
_WORD = re.compile(r"\w+")


@text_cache(256)   # a title's reading asks of the same text more than once
def find_kind(text: str, start: int = 0) -> tuple[str, int, int] | None:
    """The earliest kind phrase in the text (from `start`), with its span; a tie goes to the row listed first."""
    patterns = kind_patterns()
    for word in _WORD.finditer(text, start):
        for index in _BEGINS.get(word[0].lower(), ()):
            kind, pattern = patterns[index]
            if m := pattern.match(text, word.start()):
                return kind, m.start(), m.end()
    return None
