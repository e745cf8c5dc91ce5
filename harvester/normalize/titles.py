"""Read a document's kind and the parties it names from an archive title.

A title is read in four steps: a container is split off ("From the Diary of X: <document>",
"Author, 'Record of ...'"), notes, numbers and dates are cleaned away, the kind phrase is found
(kinds.py: one table, one pass), and what stands before and after it is read into slots
("from", "to", "with", ...) whose names become senders, recipients or participants, with their
roles taken off (roles.py). The people a document brings in besides its parties (those of a message
it transmits, of a talk it reports or quotes, the writer a body's telegram names) are its others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from harvester.normalize.dates import MONTH_NAMES
from harvester.normalize.kinds import NOTES_WRITER, PREFIXES, find_kind
from harvester.normalize.roles import (ABSTRACT_NOUN, AND_COUNTRY, BODY_WORDS, CITY_FIRST, COMPASS, COUNTRY, HONORIFIC, KIN, MADE, MODIFIER, NATIONS,
                                      ORGAN_INITIALS, PARTICLES, PAST, PLACE_AT_END, ROLE, STATES, VERB_PARTICLE, alt, begins_a_name,
                                      family_name_shape, is_body, is_given_name, is_role, is_state_initials, name_in, shipped_names,
                                      small_words_titled, strip_roles)
from harvester.normalize.text import text_cache

DOC_TYPE_HELP: dict[str, str] = {
    "telegram": 'wired dispatches: "Telegram", "Ciphered Telegram No. 25553", "Cipher Message No. 145101", "Code Message No. 803", "Airgram"',
    "cable": 'what the archive calls cables: "Cable, Mao Zedong to Filippov [Stalin]", "Outgoing Cable No. 18249"',
    "letter": 'letters and messages: "Letter from Seo Hwi ... to ...", "Message from", "New Year Greetings from", '
              '"Reply from Stalin to Mao", a bare "L. Beria to Cde. Molotov"',
    "conversation": 'talks: "Memorandum/Record/Minutes of Conversation", "Discussion between", "Audience", "Talks"',
    "meeting": 'meetings of bodies or delegations: "Record of a Meeting between", "Meeting of the Politburo ..."',
    "journal": 'diaries and journals with no other kind inside: "Journal of Soviet Ambassador ...", "Notepad of ..."',
    "memorandum": 'memoranda other than of conversation: "Memorandum for the Record from ...", "A to B, \'Subject\'"',
    "report": 'reports, digests and accounts: "Report of Cde. Peng Dehuai about ...", "Information about ...", "TASS Digest '
              '...", and a title that names no kind of document ("The DPRK Attitude Toward ...": most are accounts)',
    "note": 'notes other than of conversation: "Note on Certain Characteristics ...", "Preparatory Notes for ..."',
    "resolution": 'decisions of a body: "Resolution", "Decision", "Decree" ("CPSU Politburo Decision to Adopt ...")',
    "instructions": 'instructions and directives: "Instructions to ...", "Directive ...", "Order to ...", "Guidelines", "Guidance"',
    "speech": 'speeches and addresses: "Zhou Enlai\'s Speech to ...", "Address by ...", "Remarks", "Comments"',
    "statement": 'public statements: "Statement", "Declaration", "Communique", "Appeal"',
    "agreement": 'agreements: "Agreement", "Treaty", "Protocol", "Accord", "Contract"',
    "other": 'anything else, or an empty title: "Gazette of the State Council ...", "Recollections", a poem, a map, a list',
}


@dataclass(frozen=True)
class Parties:
    """The parties a title names, spelled as written, roles and honorifics stripped."""

    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    participants: tuple[str, ...]
    # people the document brings in who are not its parties: the people of a message it transmits or of a talk it
    # reports, the person a body's telegram names ("Polish Embassy in Havana (Jeleń)"); they are among its `people`
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Reading:
    """A title split into its container's author (if any) and the document's own title, raw and cleaned."""

    author: str | None
    text: str
    cleaned: str
    signed: bool = False     # "Author, 'Quoted Title'": the author wrote the document
    outer: str | None = None   # "<series> here: <document>": the series, whose people are the document's too
    capitals: bool = False   # written in capitals, read as title case writes it


def _unquoted(m: re.Match[str]) -> str:
    """A quoted name is dropped, but one word quoted after a capitalized one is a nickname and stays, and one a body's
    word follows is the body's name, its quotes taken off ("the 'Workers' Party' Central Committee")."""
    before = m.string[max(0, m.string.rfind(" ", 0, m.start()) + 1):m.start()]
    if _BODY_NEXT.match(m.string, m.end()):   # (the apostrophe of a plural that closed it stays: "'... the Workers' Party")
        return f" {m['quoted']}{m[0][-1] if m['quoted'].endswith('s') else ''}"
    return m[0] if " " not in m["quoted"] and before[:1].isupper() else ""


_BODY_NEXT = re.compile(rf"\]?(?:\s+[A-Z][\w'’-]*){{0,2}}?\s+{BODY_WORDS}\b")   # "... Central Committee"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class _Guarded:
    """A pattern tried only when a cheap one it cannot match without is found (the date pattern is slow to fail). By
    default that is the pattern itself after the spaces it begins with, "\\(X\\)" for "\\s*\\(X\\)": a search skips to its
    fixed first character, where the whole pattern is tried at every character."""

    def __init__(self, pattern: re.Pattern[str], needs: str | None = None) -> None:
        self.pattern = pattern
        self.needs = re.compile(needs) if needs else re.compile(pattern.pattern.removeprefix(r"\s*"), pattern.flags)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.pattern.sub(replacement, text) if self.needs.search(text) else text



# the words that begin a slot: a lower-case phrase set off by commas that begins with one is no description
_SLOT_WORDS = ("and", "or", "to", "from", "with", "between", "by", "for", "via", "on", "in", "at", "of", "about", "regarding",
               "concerning", "led", "headed", "signed", "sent", "attention")
# the US states' abbreviations a person's initials are too: "Md." (Muhammad), "N.M.", "S.C.", "R.I."
_STATE_AS_INITIALS = re.compile(r"Md\.|N\.\s?[CDM]\.|S\.\s?[CD]\.|R\.\s?I\.")
# (an abbreviation takes its period: "5 Sept" of "5 Sept. Vyshinsky" left the period, which hid the parties after it)
_MONTH = alt(*(name.title() for name in MONTH_NAMES), r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b(?!\.))")
_PLACE_WORDS_AT_MOST = 5   # the names table's longest place: "Great Hall of the People"
_DAYS = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"  # "13", "1-2"
# "13 August 1960", "23 April-4 May 1966", "1 December to 31 December 1953", "August 13, 1960", "August 1960",
# "14 Feb 1950", "Sept. 1950"; "5 May" with no year, but not of "3 Mayors", nor of a name: "the 26 July Movement";
# "February 21" with none only at the end or before a comma ("on April 4 meeting with" is what the meeting was)
_DATE = (rf"(?:{_DAYS}\s+{_MONTH}\s*(?:[-–]|\bto\b)\s*)?{_DAYS}\s+{_MONTH}(?:,?\s+\d{{4}}|(?!\w)(?!\s+(?!{alt(*_SLOT_WORDS)}\b)(?-i:[A-Z])))"
         rf"|{_MONTH}\s+(?:{_DAYS},?\s+)?\d{{4}}|{_MONTH}\s+{_DAYS}(?=,|$)")
# "(Private and Confidential)": a marking, no one's name; "(Exerpt)", a typo in a real title; "(Summary)" alone (not
# "(Summary of Conversation with ...)"), "(Personal)" and "(Personal Message)" with nothing more (not "(Via Harriman,
# Personal)"); "[Ciphergram No. 7237]": the paper's number
_NOTE_WORDS = alt("fragments?", "exc?erpts?", "extracts?", "session", "part", "draft", "undated", "abridged", "version",
                  "translation", "confidential", "secret", r"eyes\s+only", r"summary(?=[)\]])",
                  r"(?<=[(\[])(?:strictly\s+)?personal(?:\s+message)?(?=[)\]])", r"nos?\.\s*\d[\w./-]*")
# "Most Secret and Personal", "Personal and Confidential": the British cables' marking is personal too
_SECRET = (r"(?:personal\s+and\s+)?" + alt(r"(?:top|most)\s+secret", r"strictly\s+(?:secret|confidential)", "secret",
                                          r"(?:(?:very|most)\s+)?(?:urgent|immediate)", "confidential", r"eyes\s+only",
                                          "nodis", "exdis", "limdis")   # (the State Department's distribution markings)
           + r"(?:,?\s+(?:and\s+)?personal)?")   # "Secret Urgent Personal", "Most Secret, Personal"
_QUOTE = "['‘\"“«]"
_CAPITALS = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"   # "British Embassy"
_TIME = r"\b\d{1,2}(?:[.:]\d{2}\s*(?:[ap]\.\s?m\.|hours?\b|noon\b)?|\s*[ap]\.\s?m\.)"   # "2.30 p.m.", "17:00", "3 p.m."
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY = _rx(rf",?\s*(?:on\s+|for\s+)?{_DAY}\b,?")
# "Today's Meeting", "Last Week's Talks", "Sunday's Conversation": when it was, not whose
_WHENS = _rx(rf"\b(?:(?:this|last|next|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night|week|weekend|month|year)|"
             rf"today|tonight|yesterday|tomorrow|{_DAY})['’]s\s+")
# "No. 76.247", "Nos. 408-410", "No.: MEX/104/1/81", "number 538-540", "No. 32/II/0012309/23.07.1982"
_NUMBER = re.compile(r"\s*(?:Nos?\.?|nos?\.|Nº|N°|#|[Nn]umbers?)\s*:?\s*(?:[A-Z]+/)?\d[\w./-]*")
_JR = re.compile(r",\s+Jr\.?(?=[\s,;:)]|$)")   # "Cord Meyer, Jr.": the suffix is the name's, in a title or before one
# "[about the Military Doctrine ...]": an editor's summary; but "[de] Gaulle", "[van der] Stoel": a name's particles
_PARTICLE = alt(*sorted(PARTICLES))
_EDITORIAL = re.compile(rf"\s*\[(?!{_PARTICLE}(?:\s+{_PARTICLE})*\])[a-z][^\[\]]*\]")
# containers: (pattern with `author` and `inner`, whether the inner part must begin with a kind of its own)
_CONTAINERS: tuple[tuple[re.Pattern[str], bool], ...] = (
    # "From the Diary of P. F. Yudin: Memorandum of ...", "Excerpt from the Diary of Anatoly Chernyaev"
    (_rx(r"^(?:excerpts?\s+)?from\s+the\s+(?:diary|journal|notebook|notepad)\s+of\s+(?P<author>[^:,]+?)"
         r"(?:\s*[:,]\s*(?P<inner>.+))?$"), False),
    # "Journal of Soviet Ambassador Puzanov, Memorandum of Conversation with ...", "Notes by A. S. Chernyaev, Record ..."
    (_rx(r"^(?:the\s+)?(?:diary|journal|notes\s+by)\s+(?:of\s+)?(?P<author>[^:,]+?)\s*[:,]\s*(?P<inner>.+)$"), True),
    # "Meeting Minutes, Zhou Enlai’s Conversation with ...": the record is named, then the document
    (_rx(r"^(?P<author>)(?:meeting\s+minutes|minutes)\s*,\s*(?P<inner>.+)$"), True),
    # "Notes Kept during the Verbal Report given to A by B", "Minutes of Conversation Taken on the Occasion of the Audience
    # ...": a record kept of a document or talk is that document, as the samples label it (the inner kind wins)
    (_rx(r"^(?P<author>)(?:notes|minutes|record|transcript|summary)(?:\s+of\s+(?:the\s+)?conversations?)?\s+"
         r"(?:kept|taken|made|recorded|drawn\s+up)\s+(?:during|at|on\s+the\s+occasion\s+of)\s+(?:the|an?)\s+(?P<inner>.+)$"), True),
)
# "Col. Mieczysław Białek, 'Record of Conversation ...'", "British Foreign Office, 'Soviet Role in the Horn of Africa'"
# ... or, after "Excerpts from", without the comma: "Excerpts from V.P. Tkachenko 'The Korean Peninsula ...'"
_SIGNED = re.compile(rf"^(?:(?P<excerpt>excerpts?\s+from\s+))?(?P<author>[^'\"“:]+?)(?(excerpt),?\s*|,\s*){_QUOTE}"
                     r"(?P<inner>.+?)['’\"”»]?(?:\s*[(\[][^()\[\]]*[)\]])?$", re.IGNORECASE)
_HERE = _rx(" here: ")   # "... Meetings with Yeltsin (...) here: Conversation ...", in a title whose spaces are single
# "Science and Technology Committee", "Nuclear Affairs and Disarmament": an abstract noun's "and" joins one name
_ABSTRACT = rf"(?!{BODY_WORDS}\b){ABSTRACT_NOUN}\b"
# what an "and" joins into one name: an abstract noun, a country's second word ("Trinidad and Tobago"), or a field a body's
# name goes on with ("the Ministry of Industry and Trade", "... of Foreign Trade and Economic Cooperation"), or a second
# possessive after one, which shares the body after them ("the ... Worker’s and Peasant’s Government")
_ONE_NAME_AFTER_AND = rf"(?:{_ABSTRACT}|{AND_COUNTRY}\b|(?:Trade|Commerce|Economic)\b|(?<=['’]s\s[Aa]nd\s)[A-Z][\w-]*['’]s\s)"
# each pattern that is slow to fail is guarded by what it cannot match without (most titles have none of it); a guard's
# search skips to its first character when that is fixed or a class, not a repeat nor a letter in any case: "(?i) record"
# (a title's spaces are single), "\d\d\d\d" (not "\d{4}"); a replacement that takes a group is a function, which
# Python 3.11 does not parse anew at each call as it does "\1"
_CLEAN: tuple[tuple[re.Pattern[str] | _Guarded, str | Callable[[re.Match[str]], str]], ...] = (
    # "for the Files of the Embassy (in Hanoi)", "... of the Political Section of the Embassy": the files are a body's,
    # which is no sender
    (_Guarded(_rx(rf"(?<=\sfiles)\s+of\s+the\s+(?:(?-i:[A-Z])\S*\s+){{0,3}}?(?-i:{BODY_WORDS})"
                  r"(?:\s+(?:of|in)\s+(?:the\s+)?(?-i:[A-Z])\S*(?:\s+(?-i:[A-Z])\S*)*)*"
                  rf"(?:\s+and\s+{_ONE_NAME_AFTER_AND}(?:\s+(?-i:[A-Z])\S*)*)?"), "(?i) files of"), ""),
    # "Memorandum for the Record", "... for the Record and (for) the President", "... for the President and the Record":
    # the record is no one, nor are the files ("Memorandum to the File", "for the Personal File"), and the one it is for
    # besides is its recipient (but "and the Record of Conversation ..." is a paper)
    (_Guarded(_rx(r"\s+for\s+the\s+(?:personal\s+)?(?:record|files?)\s+and(?:\s+for)?\b"), "(?i) (?:record|files?) and"), " for"),
    (_Guarded(_rx(r"\s+for\s+the\s+(?:personal\s+)?(?:record|files?)\b|\s+to\s+the\s+files?\b|\s+and\s+the\s+(?:record|files?)\b(?!\s+of\b)"),
              "(?i) (?:record|files?)"), ""),
    # "Letter from Khrushchev ... and Reply from Kennedy": the reply after a party is a second paper, its sender one of the
    # title's, and so is the one it goes to ("Reply from Kennedy and Answer to Khrushchev"); but "Letter and Reply from
    # Kennedy" is the paper the title names
    (_Guarded(_rx(r"(\s(?:from|to|by|with|between)\s.*?),?\s+and\s+(?:the\s+)?(?:answers?|repl(?:y|ies)|responses?)(?=\s+(?:from|to)\s)"),
              "(?i) (?:answ|repl|resp)"), lambda m: f"{m[1]} and"),
    (_Guarded(_rx(r"\s*\[approved\s+for\s+release\b[^\[\]]*\]")), ""),   # a declassification stamp
    (_Guarded(re.compile(r",?\s+Re:\s.*$"), "Re:"), ""),                               # ", Re: Meeting with ...": its subject
    (_Guarded(_rx(r"\s+addressed\s+to\b"), "(?i) addressed"), " to"),                    # "from the MFA addressed to ..."
    # "to the Embassy for Delivery to Zhou Enlai": the paper goes to both, the errand is no one's name
    (_Guarded(_rx(r"(\sto\s[^,;:]*?)\s+for\s+(?:onward\s+)?(?:delivery|handing|forwarding|transmission)(?=\s+to\s)"),
              "(?i) for (?:onward )?(?:deliv|hand|forw|transm)"), lambda m: m[1]),
    # a US state's abbreviation after its city is the place's ("Atlanta, Ga.", "Louisville, Ky."), no one's initials (but
    # not one a person's initials are too, `_STATE_AS_INITIALS`; "Ky" is Nguyen Cao Ky without the period)
    (_Guarded(re.compile(r"(?<=[a-z]),\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kans?|Ky|La|Mass|Mich|Minn|Mo|Mont|"
                         r"Neb|Nev|N\.\s?[HJY]|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|W\.\s?Va|Wyo)\.(?=[\s,;:)]|$)"),
              r",\s[A-Z][a-zA-Z]{0,4}\."), ""),
    # "by Courier", "Delivered by Hand", "by Diplomatic Pouch": how it went, no one's name; but a name goes on: "by Radio
    # Moscow", "by Telegraph Agency of the Soviet Union" name their maker
    (_Guarded(_rx(r"(?:\s+(?:sent|delivered|transmitted))?\s+by\s+(?:(?:special|diplomatic|air)\s+)?(?:courier|messenger|hand|"
                  rf"telegraph|telephone|wire|radio|telex|teletype|pouch|mail)\b(?!\s+(?!{alt(*_SLOT_WORDS)}\b)(?-i:[A-Z]))"),
              "(?i) by "), ""),
    # a writer's name before the markings stays, and whom the paper goes to after them: "Saigon (Lodge, Secret, to Rusk)"
    (_Guarded(_rx(rf"\s*\(((?-i:[A-Z])[^(),;]*),\s*(?:{_SECRET}[,;]?\s+)+((?:to|for)\s+[^()]+)\)")), lambda m: f" ({m[1]}) {m[2]}"),
    # "(fragments)", "[Excerpt]", a closed bracket (each scan possessive: a long one is read once); but not markings alone
    # "for" or "to" someone ("(Top Secret for Rusk)", "(Secret, Personal, to Churchill)"): whom they are for is read below
    (_Guarded(_rx(rf"\s*[(\[](?=[^()\[\]]*+[)\]])(?!(?:{_SECRET}[,;]?\s+(?:and\s+)?)++(?:for|to)\s+(?:the\s+)?(?-i:[A-Z]))"
                  rf"[^()\[\]]*\b{_NOTE_WORDS}\b[^()\[\]]*[)\]]")), ""),
    (_Guarded(re.compile(r"\s*\((?:[A-Z]|\d+)\)")), ""),   # "Memorandum (D)", "(2)"
    # "His Wife [Mrs. Árbenz]", "Myself [Kadri Hazbiu]": the bracket names who the words stand for
    (_Guarded(re.compile(r"\b(?:(?:His|Her|Their|Our|My)\s+[A-Za-z]+|Myself|Himself|Herself)\s+\[([^\[\]]+)\]"), r"\["),
     lambda m: m[1]),
    # "Mr. and Mrs. Warren L. Chaffin": two people, the wife named by her husband's name
    (_Guarded(re.compile(r"\bMr\.\s+and\s+Mrs\.\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)"), "Mrs"), lambda m: f"{m[1]} and Mrs. {m[1]}"),
    # an editor's addition of a person: "Mao Zedong [and Beqir Balluku]", "Mao Zedong [via Terebin]", "(via Roshchin)",
    # "Directive [from Mao Zedong] Regarding ..."
    (_Guarded(re.compile(r"\s*\[(and|via|from)\s+([A-Z][^\[\]'’]*)\]")), lambda m: f" {m[1]} {m[2]}"),
    (_Guarded(_rx(r"\s*\[sic!?\]")), ""),   # "Se [SIC] Hwi": the editor's mark, in any case, is no word of the name
    (_Guarded(_EDITORIAL), ""),
    (_Guarded(_rx(r"\s*\(\s*via\s+([^()]+)\)")), lambda m: f" via {m[1]}"),
    # an aside in lower case or with a comma: "(at the Airport and on the way to the Embassy)", "(British Embassy,
    # Islamabad)", or one of what the document includes: "(Including Discussion on China)"; a name with its place, "Maneli
    # (Saigon)", or a body with its head, "(Jeleń)", "(de Gamboa)", stays, and so do markings before "To" or "For" whom, read below
    (_Guarded(re.compile(rf"\s*\((?:(?!(?:de|da|du|van|von)\s+[A-Z])[a-z][^()]*|Including\s[^()]*|(?!(?i:{_SECRET}|personal),(?:[^()]*,)?\s*(?:To|For)\s)"
                         rf"{_CAPITALS}(?:,\s*{_CAPITALS})+)\)")), ""),
    # an aide's post set off after a name, "to" the one he serves, who is no addressee: "to McGeorge Bundy, Special Assistant
    # to the President for National Security Affairs"; the post runs to an "and" ("to the President and Rostow": a second
    # addressee) but in the field of the one he serves ("of Posts and Telecommunications") or before a second post ("and
    # Director of the Budget", but "and Secretary McNamara" names him)
    (_Guarded(re.compile(rf",\s+(?:[A-Z][a-z]+\s+)*(?:Assistant|Advis[eo]r|Aide)\s+to\s+the\s+[A-Z][\w.'’-]*"
                         rf"(?:\s+(?!And\b)[A-Z][\w.'’-]*)*(?:\s+(?:of|for)\s[^,]*|\s+and\s+(?:{MODIFIER}\s+)*{ROLE}(?:\s+(?:of|for)\s[^,]*)?(?![^,]))?"),
              r"(?:Assistant|Advis[eo]r|Aide) to"), ""),
    # a description set off by commas: "I.V. Kurchatov, lead scientist for the Soviet nuclear effort, and Stalin"
    (_Guarded(re.compile(rf",\s+(?!{alt(*_SLOT_WORDS)}\b|\w+ing\b)[a-z][^,]*(?=,)"), r",\s+[a-z][^,]*,"), ""),
    # an agent's code name: "Report by Agent 'Tulon' on ..."
    (_Guarded(re.compile(r"\bAgent\s+['‘\"“]([A-Z][^'’\"”\s]*)['’\"”]"), "Agent"), lambda m: f"Agent {m[1]}"),
    # a publication's name: "Editor-in-Chief of the journal 'Problemy Mira i Sotsializma', and Cde. Blas Roca"
    (_Guarded(re.compile(rf"\b(journal|newspaper|magazine)\s+{_QUOTE}[^'’\"”»]+['’\"”»]"), _QUOTE),
     lambda m: m[1]),
    # a quoted name inside, "Journal 'Novaya Koreya' Song", but not a nickname: "Ernesto “Che” Guevara"; a curly quote
    # closes a straight one ("'Novaya Koreya’ Song") but a plural's apostrophe does not: "'American Scientists’ Visit to ...'",
    # nor one a quote after it closes: "the 'Workers' Party' Central Committee"
    (_Guarded(re.compile(r"\s+(?:(?P<straight>')|[‘\"“«])(?P<quoted>[^'’\"”»,]+(?:(?<=s)['’]\s[^'’\"”»,]+)?)"
                         r"(?(straight)(?:'|(?<!s)’)|['’\"”»])(?=\]?\s+[A-Z])"), _QUOTE),
     _unquoted),
    # a quoted subject: ", 'Korea Has ...'" (not a nickname: "Ernesto “Che” Guevara", "[Lawrence “Lance”] Sharkey")
    (_Guarded(re.compile(r",?\s+['‘\"“«](?=\w)(?![^'’\"”»\s]+['’\"”»]\]?\s+[A-Z]).*$"), _QUOTE), ""),
    (_Guarded(_NUMBER), ""),
    # a message's own number, "Telegram 066764 from ...": five digits or more, no year nor day
    (_Guarded(re.compile(r"\s+\d{5,}[\w./-]*"), r"\d\d\d\d\d"), ""),
    (_Guarded(re.compile(r"\s+[A-Z]{2,}[-/]\d[\w./-]*(?=,)"), r"[A-Z][-/]\d"), ""),   # "Memorandum DEM/89, ..."
    # "for 13 August 1960"; a date begins with a digit or a month's initial, which most places in a title do not
    (_Guarded(_rx(rf"(?:,?\s*\b(?:on|of|for|dated|at)\s+|,\s*|\s+|\b)(?=[\dJFMASOND])(?:{_DATE})"), r"\d(?:\d\d\d| [JFMASOND])|[a-z.] \d"), ""),
    # a day and month before what it dates: "Report of 5 May Meeting with", "the 11 September Telegram from" (but not the
    # name of a body, all its words capitalized: "the 26 July Movement", not "of 5 May Stalin to Party Leaders")
    (_Guarded(_rx(rf"\b{_DAYS}\s+{_MONTH}\s+(?!(?:(?-i:[A-Z])[\w'’-]*\s+){{0,2}}{BODY_WORDS}\b)(?=(?-i:[A-Z]))"), r"\d [JFMASOND]"), ""),
    (_Guarded(_rx(r"\s*\([^()]*\d{4}[^()]*\)")), ""),                         # "(18 - 20 February 1996)"
    (_Guarded(_WHENS, "['’]s "), "the "),
    (_Guarded(_WEEKDAY, "(?i)day"), ""),                                          # "on Saturday, 10 May 1997"
    # "2.30 p.m. - 3.45 p.m.", "from 9.55 to 11.05 a.m."
    (_Guarded(_rx(rf",?\s*(?:(?:from|at)\s+)?{_TIME}(?:\s*(?:[-–]|to|until)\s*{_TIME})?"), r"\d[.:]\d\d|\d\s*[ap]\.\s?m\."), ""),
    # "between 1000 and 1130 hours": the 24-hour clock without a separator
    (_Guarded(_rx(r",?\s*(?:from|between)\s+\d{4}\s+(?:and|to|[-–])\s+\d{4}\s+hours\b"), "(?i) hours"), ""),
    (_Guarded(re.compile(r"\s*\(\s*\)")), ""),   # "(2 October 1963)", "(8:30-8:55, 27 July 1953)": date, time gone
    (_Guarded(_rx(r",?\s+et\s+al\b\.?"), "(?i) et al"), ""),                       # "Helmut Kohl et al"
    (_Guarded(_JR, r"Jr"), " Jr."),   # "William K. Harrison, Jr." (", Sr." is a Señor)
    # "from Andropov, Iu. to ...": a family name and its initials, as the Library of Congress writes a name, are one person
    (_Guarded(_rx(r"(^|,\s|\s(?:from|to|and|with|by)\s)((?-i:[A-Z])[\w'’-]+),\s+((?-i:[A-Z][a-z]?\.\s?)+)"
                  r"(?=\s(?:to|and|from|with)\s|,|$)"), r", (?-i:[A-Z])[a-z]?\."),
     # not "Washington, D.C.", nor a US state's after a place the names table knows: "Baltimore, Md." is no Muhammad's, as
     # "Rahman, Md." is, "Raleigh, N.C." no one's, as "Shvernik, N.M." is Nikolai Mikhailovich's (but "London, A." is Artur
     # London)
     lambda m: m[0] if is_state_initials(m[3]) else m[1] + m[2] if _STATE_AS_INITIALS.fullmatch(m[3].strip())
     and shipped_names().kind(m[2]) == "place" else
     f"{m[1]}{m[3].strip()} {m[2]}"),
    (_Guarded(re.compile(r"\s+via\s+VCh\b"), "VCh"), ""),   # "Telephone Message via VCh": the Soviet government line
    (_rx(r"\s+to\s+be\s+\w+(?=\s+(?:to|from)\s)"), ""),   # "Letter from Mao to Be Delivered to Stalin": no one is "Be"
    (_rx(r"\s+to\s+be\s+read\s+(?:only\s+)?by\s+([^,]+?)(?:\s+(?:alone|only))?(?=,|$)"), lambda m: f" to {m[1]}"),   # "to Be Read by Rusk Alone"
    # "Talks of the Day", "Meeting of the Minds": no one (but "Day" is a man's name, and "Orders of the Day" a kind's)
    (re.compile(r"(?<!Order)(?<!Orders)\s+of\s+the\s+(?:Day|Minds)\b"), ""),
    # ", From the Archive", ", from the Archive of the President": where the paper is kept, no sender; and so is one after
    # the paper's sender ("from Kim to Stalin from the Archives") or before it ("from the Archive, from Mao"), or first, up
    # to a slot: "from the Archive of the President to Stalin" (but "the Archive Director" is someone, and "Letter from the
    # Archive" alone names the body)
    (_Guarded(_rx(r"(?P<sent>\sfrom\s[^,]*?)?(?:(?P<set_off>,)\s*|\s+)from\s+the\s+archives?\b(?!\s+(?-i:[A-Z]))"
                  r"(?:(?!\s(?:to|from)\s)[^,])*(?P<before>,(?=\s*from\s))?"), "(?i) from the archive"),
     lambda m: m["sent"] or ("" if m["set_off"] or m["before"] or _SENT_OR_TO.match(m.string, m.end()) else m[0])),
    # "Top Secret Memorandum of ...", ": Top Secret ...", "Eyes Only, to", "Secret and Urgent, Exdis, Telegram from ..."; but
    # the word alone before a noun it makes a name with is none: "Secret Service", "Secret Police", "Confidential Agent"
    # (yet "Top Secret" and "Eyes Only" are markings before them too)
    (_rx(rf"^[\s:,.]*(?:(?:and\s+)?(?!(?:secret|confidential)\s+(?-i:Service|Police|Agents?|Informants?|Sources?)\b)"
         rf"{_SECRET},?\s+)+"), ""),
    (_rx(rf",\s*{_SECRET}(?=,?\s+(?:from|to)\s)"), ""),            # "Ciphered Telegram, Urgent, from A to B"
    # ", TOP SECRET, ...": the rest is notes, but not in "Top Secret, Urgent Telegram from A to B" nor "(Secret, Eyes Only, for B)"
    (_rx(rf",\s*{_SECRET}\b(?![^,]*,?\s(?:from|to|for)\s).*$"), ""),
    # "... the Ambassador in Bucharest Secret", "... Secret Urgent", and before a slot: "from A Top Secret Urgent to B";
    # "Personal" (or "Personal Message", or "(Personal", "(Eyes Only") alone at the end only ("to Gromyko Personal") or
    # before a slot or "For" whom, where no name or post goes on from it; a bare "to" or "from" before them is left with
    # no one ("from Molotov to Top Secret", "from Secret to Rusk"); the comma that set them off goes with them (", Eyes
    # Only, To Rusk": the slot's "To")
    (_rx(rf"(?:\s+(?:to|from))?(?:[,;]?\s+\(?(?:(?=(?-i:[A-Z])){_SECRET}|(?-i:Personal)(?:\s+(?-i:Message))?))+"
         r",?(?=$|\s+(?:to|from|for)\s)"), ""),
    (_rx(r"\s+(?-i:to)$"), ""),   # and so is one at the end ("from Molotov to"), though not a name's "To" ("Nguyen Van To")
)

_POSSESSIVE_TAIL = re.compile(r"['’][sS]\s+(?:[A-Z]\w*\s+){0,2}$")  # "...'s Background " before "Report"
_POSSESSIVE = re.compile(r"['’][sS]\b")
_POSSESSIVE_END = re.compile(r"(?<=\w)['’]s$")
_INFINITIVE = _rx(r"to\s(?:discuss|receive|call\s+on)$")   # a verb of talk after "to": what someone means to do
# a lower-case "to" before a verb and its object says what is to be done, no addressee ("Decision to Confirm the
# Following Directive", "Commission ... to Investigate the Events"): no name is followed by an article; nor is any a
# verb that papers ask to do ("Proposal from Zhou Enlai to Hold Talks", "Request to Send Specialists", "Order to
# Advance"; not "Begin" nor "Grant", who are written to); a title in title case says it with "To" before such a verb
# ("Request To Send Specialists"), but no "To" before any word and an article ("To Huu the Poet" is a name)
_PURPOSE = re.compile(r"\s+(?:to\s+[A-Z][a-z]+\s+(?:the|an?|his|her|their|its)\s|(?:to|To)\s+" + alt(
    "Hold", "Send", "Establish", "Open", "Conclude", "Sign", "Provide", "Supply", "Convene", "Create", "Organi[sz]e",
    "Withdraw", "Allow", "Permit", "Accept", "Invite", "Visit", "Resume", "Stop", "Cease", "Reduce", "Increase", "Build",
    "Return", "Release", "Transfer", "Purchase", "Buy", "Sell", "Deliver", "Exchange", "Restore", "Recogni[sz]e",
    "Discuss", "Expand", "Strengthen", "Improve", "Support", "Implement", "Investigate", "Confirm", "Advance", "Attack",
    "Launch", "Prepare", "Postpone", "Adopt", "Approve", "Travel", "Study", "Emigrate", "Help", "Be") + r"\b)")
# " from Brezhnev's ", " of [Zhou Enlai's] "
_OWNERS_EVENT = re.compile(r"\s+(?:of|from|on)\s+\[?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\]?\s+")
# " on Visit of General Clark with President Rhee": a visit with someone is their talk (its "of" names the visitor), who
# is named and followed by no more than a setting; not a visit to a place ("of Kim Il Sung to China with Premier Zhou"),
# nor one with something or someone along ("with Gifts for ...", "with His Wife to ...", "with a Government Delegation")
_VISITED = r"(?:the\s+)?(?-i:[A-Z])\S*(?:\s+(?:(?-i:[A-Z])\S*|of|the|and))*(?:$|,|\s+(?:on|in|at|during)\s)"
_VISIT_WITH = _rx(rf"\s+(?:of|on|about)\s+(?:the\s+)?(visit)(?=\s+of\s+(?P<visitor>(?:(?!\sto\s).)+?)\s+with\s+{_VISITED})")
_CAPITALIZED = re.compile(r"\[?[A-Z][\w.-]*\]?")
# "[Mao Zedong's] Audience with", "Premier Zhou Enlai's Reception of": the possessor takes part in what follows
_EVENT = _rx(r"['’]s\s+(?:(?:first|second|third|fourth|fifth|telephone|official)\s+)?"
             r"(?:audience|reception|meetings?|conversations?|talks|consultations|visit)\s+(?:with|of)\s+")
# "[Mao Zedong's] Reply ...": the editor names whose it is; "[Kim Il Sung's] Son" is his relative's, no paper of his
_OWNER_FIRST = re.compile(rf"\[([^\[\]]+?)['’]s\]\s(?!{KIN}\b)")
_BRACKETED_WHO = re.compile(r"\[([^\[\]]+?['’]s)\]")   # "[Mao Zedong's] Audience"
# "Chou En-Lai's [Zhou Enlai's] Letter", "The Chancellor's [Helmut Kohl's] Meeting": a gloss of who owns what follows
_GLOSSED_WHO = re.compile(r"['’]s\s+\[([^\[\]]+?)['’]s\]")
_GUEST = _rx(r"\s+(?:in\s+honou?r\s+)?of\s+")   # "Reception by A of B", "Dinner Hosted by A in Honor of B"
_JOINED = _rx(r"\b(?:the\s+)?(?:participation|presence)\s+(?:by|of)\s+")   # "with the Participation of X"
# ("Rergarding": a typo in a real title; a word in "-ing" before talks is a name's too, "from Beijing Meetings with ...")
_TAIL = _rx(r"(?:^|,?\s+)" + alt(
    "about", "regarding", "rergarding", "concerning", "discussing", r"in\s+connection\s+with", r"in\s+regard\s+to", "which", "that", "who",
    "marked", "transmitting", "containing", "enclosing", "forwarding", "conveying",
    "attaching", "relaying", "reporting", "requesting", "pertaining", "referring", "during", "before", "after",
    r"for\s+(?:the|a|an)\s+(?-i:[a-z])", r"at\s+(?:the|a|an)\s", r"based\s+on", r"here:", r"in\s+(?:reply|response|answer)\s+to",
    # but not a participle's particle: "Passed On to", "Sent On to", "Given Over to", "Brought Over to", "Handed Over by"
    # (yet "Le Duan on To Huu" is a topic's)
    r"(?!(?<=(?:ed|nt|wn|ut|en|ht)\s)(?:on|over)\s+to\s)(?:on|over)(?!\s+by\s)",
    r"with\s+(?:(?:a|an|the|enclosed|attached)\s+)+(?:letter|message|note|telegram|cable|request|report|copy|text)",
    r"and\s+(?:the\s+)?(?:answers?|repl(?:y|ies)|responses?)$",   # "..., and Answers": a second paper, at the end
    r"(?-i:[a-z]+ing)",
    # "from Saddam Hussein Asking for Help": a gerund with its object (a list: names end in -ing too, "Deng Xiaoping")
    r"(?-i:Asking|Requesting|Seeking|Calling|Urging|Thanking|Inviting|Offering|Proposing|Expressing|Explaining|Admitting|"
    r"Demanding|Protesting|Complaining)(?=\s+(?:for|about|how|that|whether)\s)",
    r"(?<=,\s)(?-i:Requests?)\s+(?:to|for)",   # ", Request to Give Hekmat Assistance": the letter's subject
    # ", Pol Pot’s Visit to ..." (but ", Chen Yi's Wife and ...": a person)
    r"(?<=,\s)(?-i:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s\s+(?:(?:first|second|official|state|planned)\s+)?"
    r"(?:visit|trip|journey|tour|stay|arrival|departure|speech|statement|proposals?|position|attitude|policy|views|"
    r"reaction|response|remarks|request|illness|death|funeral|election|resignation)\b",
    rf"(?<=,\s)(?-i:[A-Z][a-z]*[a-ik-lnoprs-z]ing)(?=\s+(?!{BODY_WORDS}\b)(?-i:[A-Z][a-z]+\s+(?:to|for|from|of|in|with|on)\b|[a-z]))") + r"\b.*$")
# (", Supplying Arms to Angola": a gerund and its object, not "Beijing" nor "Harding Institute to ...")
# what may stand between the kind and its first slot: "A-691 ", "Given ", "and Recommendations " ("Report and
# Recommendations by Yolbars Khan")
_LEAD = _rx(r"\s*(?:[A-Z]+[-/]\d[\w/-]*\s+)?(?:and\s+(?-i:[A-Z])\w+\s+)?(?:,\s*)?"
            # the occasion of a talk, before its people: "... from the Meeting between", "at a Dinner Hosted by", "Communique
            # of the Talks between"
            # or, after a comma, which one it was: "Memorandum of Conversation, Last Meeting between"
            r"(?:(?:(?:from|at|during|of|on\s+the\s+occasion\s+of)\s+(?:the|an?)\s+|"
            r"(?<=,\s)(?:(?:first|second|third|fourth|fifth|last|final|private|\d+(?:st|nd|rd|th))\s+)?)"
            r"(?:meeting|talks|conversations?|discussions?|dinner|luncheon|lunch|reception)\s+"
            r"(?=(?:hosted\s+|given\s+)?(?:between|with|by)\b))?"
            rf"(?:(?:in|at)\s+(?!(?:{NATIONS}|English)\b)(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?\s+(?=(?:between|with)\b))?"
            r"(?:(?:co-)?(?:held|distributed|sent|addressed|delivered|written|made|recorded|given|transmitted|prepared|"
            r"submitted|compiled|signed|proposed|presented|handed(?:\s+over)?|hosted|granted|wired|taken(?=\s+by\b)|(?P<kept>kept)(?=\s+by\b))\s+|"
            # any participle in "-ed" before "by" ("Letter Penned by", `_by_whom` says whose slot it opens), or one with its
            # particle before "by" or "to" ("Message Passed On to"); not another irregular one alone
            rf"(?P<made>(?-i:(?:Co-|Counter-)?[A-Z][a-z]+(?:-[a-z]+)?(?<!e)ed(?=\s+(?i:by)\b)|{PAST}\s+{VERB_PARTICLE}(?=\s+(?i:to|by)\b)))\s+)?"
            r"(?P<key>\b(?:of|from|to|for|between|with|by)\b(?=\s)|,|:)\s*")
# the kinds "Kept by" names the writer of: notes, a diary, a journal ("Notes Kept by Dean Acheson")
_KEPT_BY_WRITER = ("note", "journal")
# "on a Conversation between A and B", "about A.N. Kosygin’s Conversation With B", "on April 4 meeting with B"
# "regarding the Conversation of Petre Balaceanu with Dean Rusk", "on the Meeting of the Economic Delegation led by
# Comrade Abdyl Kellezi with Comrade Mao Zedong", "Regarding Audience of Leslie Charles Glass, [the Ambassador ...,] with ...",
# "on Meeting of Zhou Enlai, Premier of the State Council, with Nixon"
_REPORTED_TALK = _rx(r"\b(?:on|about|regarding|concerning)\s+(?:(?:the|an?|his|her|their)\s+)?"
                     r"(?:(?P<owner>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)['’]s\s+)?(?:[\w-]+\s+){0,2}?"
                     r"(?:conversations?|meetings?|talks|discussions?|audiences?|(?:tele)?phone\s+calls?|"
                     r"exchange\s+of\s+(?:letters|messages|telegrams))\b(?:\s+"
                     r"(?:of\s+(?:the\s+|an?\s+)?(?P<host>(?-i:(?:[A-Z][\w.’'-]*|[LlHh]e(?:ade)?d\s+by)\s+){0,9}[A-Z][\w.’'-]*)"
                     # his post set off by commas, or a second host: "of Zhou Enlai, Premier of the State Council, with
                     # Nixon", "of Zhou Enlai, Chairman Mao, with Nixon" (read without the role's word)
                     rf"(?:,\s+(?:(?=(?:the\s+)?(?-i:(?:{MODIFIER}\s+)*{ROLE})\b)[^,]+|(?P<also>(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}))))?"
                     r",?\s+)?"
                     r"(?P<key>between|with|from)\s+(?P<who>.+)$)?")
_HEADED_BY = _rx(r"\s+(?:led|headed)\s+by\s+")
_TOPIC_BEFORE = _rx(r"\s(?:on|about|regarding|concerning)\s")
# a quoted headline names people when its talk is a verb ("Premier Kim Received ...") or has its people after it ("...
# Conversation with Chairman Deng"); a talk named as a thing is a topic: "Trade Negotiations", "The Geneva Conference"
_TALK_VERB = re.compile(r"\w+ed|met|\w+(?<!talk)(?<!tion)(?<!ting)(?<!ence)s", re.I)   # "Discusses", not "Talks"
# "the Postponement of the 12th Meeting of the Sino-US Talks": a talk as a thing (but "Main Points of Meeting Between ...")
_OF_A_NOUN = _rx(r"\b(?:postponement|cancellation|resumption|suspension|date|schedule|agenda|venue|arrangements?|"
                 r"preparations?)\s+of\s+(?:the\s+)?(?:\w+\s+)?$")
_PEOPLE_NEXT = _rx(r"\s*(?:with|between)\s")
_BETWEEN_PEOPLE = re.compile(r"\s+(?i:between)\s+(?=[A-Z][^,;]*\s(?i:and)\s)")   # "between A and B", not "between Sessions"
_TALK_SLOT = _rx(r"\s*(?:with|between|of|by)\s")
_PARTICLES = PARTICLES | {"and", "os"}   # the small words of a name, and "and" between names
# "Cable from A to B: The Korean Armistice Negotiations", "Telegram from A to B - C's visit to Magadan": B, then the
# subject (what follows the dash begins in lower case, or with someone's something); a dash between names ("Todor
# Zhivkov – Leonid I. Brezhnev regarding ...") is no subject's
_SUBTITLE = re.compile(r":\s.*$|\s+[-–—]\s+(?=[a-z]|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+[a-z]).*$")
# a party's organ by its initials, or its central committee or politburo, whose post the person named after it holds ("to
# VKP(b) CC, Stalin" writes to Stalin, as "to VKP(b) CC Stalin" does); an embassy is no party's organ, and stays a party
# beside the envoy who speaks for it ("Chinese Embassy, Liu Xiao", in `_items`)
_PARTY_ORGAN_AT_END = re.compile(rf"(?:\b{ORGAN_INITIALS}|\bCentral\s+Committee|\bPolitburo)$")
_ORGAN_AT_END = re.compile(r"\b(?:Politburo|Presidium|Committee|Council|Secretariat|Bureau|Commission|Cabinet)$")
_SETTING = _rx(r"\b(?:in|at|during)\s+(?:the|an?)\s+(?:\w+\s+)?$")   # "in the Conversations", "During the 21st Session"
_RECORD_WITH = _rx(r"^(?:memorandum|notes?|record|minutes)\s+of\s+(?:(?!\b(?:on|about|regarding|to|from)\b)[^'‘\"“])*?"
                   r"\bwith\s+")
# a finite verb makes a quoted title a sentence, someone's words: "... Still Depends on ...", "... Are Different ..."
_FINITE_VERB = _rx(r"\b(?:is|are|was|were|be|cannot|can|could|must|should|shall|would|has|have|had|does|did|depends)\b")
_TOPIC_WORD_AT_END = _rx(r"\b(?:concerning|regarding|about|on)$")
# a delegation "headed by" or "led by" X: X makes nothing (but "Compiled by", "Assembled by" name its maker)
# a paper first that is sent as a letter is, then its sender or recipient: "Request from Kim Il Sung to Stalin", "Reply
# to Stalin", "Proposal from ...", "Complaint to ...", "Thanks to ...", "Answer of Stalin to Kim Il Sung" (not "Request for
# Aid", what is asked for, nor "Request of the Korean Government for Aid", which has no addressee)
_ASKING = r"requests?|petitions?|appeals?|inquir(?:y|ies)|quer(?:y|ies)"
_ANSWERING = r"repl(?:y|ies)|answers?|responses?"
_INVITING = r"invitations?"
_MESSAGES = (r"proposals?|complaints?|protests?|reminders?|thanks|greetings?|congratulations?|condolences?|gratitude|appreciation|"
             r"dispatch|despatch")
_MESSAGE_WORD = rf"(?:(?P<asks>{_ASKING})|(?P<answer>{_ANSWERING})|(?P<invites>{_INVITING})|{_MESSAGES})"
# what a letter is "of" that says what it is, as a message's word does ("Letter of Thanks"): "Letter of Credence", "of Intent",
# "of Acceptance"
_LETTER_OF = r"credence|credentials|intent|sympathy|support|recall|acceptance|refusal"
# whom a letter of recall is "of" is the one recalled, and where he is recalled "from" his post, no sender: "Letter of
# Recall of the Soviet Ambassador from Pyongyang"
_RECALL_OF = _rx(r"^recall\s+of\s")
# (but whom an invitation is "of" is the one invited, what a reminder is "of" what it recalls: "Invitation of Khrushchev
# to Visit ...", "Reminder of the Need to Act" name no sender)
_MESSAGE_FIRST = _rx(r"(?:(?P<owner>(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,3})['’]s\s+)?"   # "Mao Zedong's Reply to ..."
                     rf"(?!(?:invitations?|reminders?)\s+of\s){_MESSAGE_WORD}"
                     r"(?=\s+(?:from|to)\s|\s+of\s+(?:(?!\s(?:on|about|for|regarding|concerning)\s)[^,])+?\sto\s"
                     # and a paper that asks names them after what it asks too: "Request (of Kim) for Help to the UN"
                     r"|(?(asks)(?P<by_asked>)(?:\s+of\s+[^,]+?)?\s+for\s+[^,]+?\s(?:to|from)\s+(?:the\s+)?(?-i:[A-Z])|(?!)))")
# a message's word alone, or a few joined ("Thanks and Congratulations"), is what the paper is, no one
_ONE_MESSAGE = rf"(?:{_ASKING}|{_ANSWERING}|{_INVITING}|{_MESSAGES}|{_LETTER_OF})"
_MESSAGE_ONLY = _rx(rf"{_ONE_MESSAGE}(?:(?:,\s*|,?\s+and\s+){_ONE_MESSAGE})*")
_FOR = _rx(r"\s+for\s+")
_ON = _rx(r",?\s+on\s+")
_TO = _rx(r"\s+to\s+")
_OF = _rx(r"\s+of\s+")
_DELEGATION = re.compile(r"\bDelegations?\b")
_SENT_OR_TO = _rx(r"\s+(?:to|from|by)\s+")
_SENDER_AT_END = _rx(r"\s(?:from|by)\s+(?:(?!\s(?:to|from|by)\s).)*$")   # "from the Committee": the last party named sends
_ASKS_AT_END = _rx(rf"\b(?:{_ASKING})$")   # "Appeal", "Joint Appeal": the kind asks as the message's word does
# the "for" before what papers ask or thank for, in a paper of any kind: "Letter to the Soviet Government for Aid", "... for
# the Help of the USSR" (but "... for Stalin" names one more addressee, and "for Aid Delegation" a delegation); a title in title
# case capitalises the word that names a party after it ("For Help From Kim Il Sung")
_ASKED_FOR = re.compile(r"\s+(?i:for)\s+(?=(?:(?i:the|your|his|their|its)\s+)?(?:[A-Z][a-z]+\s+){0,2}"
                        r"(?:Aid|Help|Support|Assistance|Arms|Weapons|Credits?|Loans?)\b"
                        r"(?:\s+(?:Suppl(?:y|ies)|Deliver(?:y|ies)|Shipments?)\b)?"   # "for Military Aid Supply to ..."
                        r"(?!\s+(?!(?:From|To|By|And|With)\s)[A-Z]))")
_OF_ASKING = _rx(rf"\s+of\s+(?:an?\s+)?(?:{_ASKING})\b")   # and so does a letter "of Appeal"
_OF_MESSAGE = _rx(rf"\s+of\s+(?:an?\s+)?(?:{_ONE_MESSAGE})\b")   # what a letter is "of" ("of Thanks") names no one
# an event an invitation is "to", which it invites to, and no addressee: "to the Ceremony", "to the 20th Congress of the
# CPSU", "to the Celebrations of the Tenth Anniversary", "to the Bandung Conference" (but "to the Chinese Delegation to the
# Ceremony" goes to the delegation); but a congress bare or a state's is the body ("to Congress", "to the US Congress",
# "to the Congress of the United States"); nor is an event's word before a name ("to the Festival Committee")
_EVENT_WORD = r"(?!(?:to|from|the)\b)[\w'’-]+\s+"
_TO_EVENT = _rx(rf"\s+to\s+(?:the\s+)?(?:(?:{_EVENT_WORD}){{0,3}}"
                r"(?:ceremon(?:y|ies)|celebrations?|festivities|festival|conference|plenum|session|anniversary|funeral|"
                r"parade|games|olympics|exhibition|fair|banquet|inauguration|opening)|"
                rf"(?!(?-i:{COUNTRY})\s)(?:{_EVENT_WORD}){{1,3}}congress|congress(?=\s+of\s+(?!(?:the\s+)?(?-i:{COUNTRY})\b)))"
                r"\b(?!\s+(?!(?:of|in|on|from|to|for|by|and)\b)(?-i:[A-Z]))(?:\s+(?:of|in|on)\s+(?:(?!\s(?:from|to)\s).)*)?")
# a letter "of" or "with" an invitation, or one after a letter's parties, invites as an invitation does: "Letter of
# Invitation to the Ceremony", "Letter with an Invitation to ...", "Letter from Mao to Kim Il Sung, Invitation to ..."
_OF_INVITATION = _rx(rf"(?:\b(?:of|with)|,)\s+(?:an?\s+)?(?:{_INVITING})(?=\s)")
# a letter "of" a message's word and then "of" someone is his, as a letter "of" him is: "Letter of Thanks of the Soviet
# Government", "Letter of Invitation of the Soviet Government to the Conference" (but one "of Appeal" asks, what a reminder
# is "of" is what it recalls, and whom one of recall or credence is "of" is the envoy: `_LETTER_OF`); but an invitation
# "of" someone "to" do something, or "of" a delegation, invites him, as one "to" him does: "Letter of Invitation of
# Khrushchev to Visit the US", "Letter of Invitation of the Korean Workers Party Delegation to the 20th Congress"
_OF_MESSAGE_OF = _rx(rf"\s+of\s+(?:an?\s+)?(?!reminders?\s)(?:{_ANSWERING}|(?P<invites>{_INVITING})|{_MESSAGES})"
                    rf"(?:(?:,\s*|,?\s+and\s+)(?:{_ANSWERING}|{_MESSAGES}))*(?=\s+of\s)")   # "of Greetings and Thanks"
# what thanks are "of" is no one's name, up to whom they go: "Letter of Appreciation of the Support of the USSR" (not "of
# the Support Committee")
_THANKED_FOR = _rx(r"^\s+of\s+(?:the\s+)?(?:support|help|aid|assistance|hospitality)\b(?!\s+(?-i:[A-Z]))(?:(?!\s(?:to|from|by)\s).)*")
_TO_NATION_AT_END = re.compile(rf"\s(?i:to)\s+(?:(?i:the)\s+)?{NATIONS}\s*$")
# a government, embassy, party, delegation, people, central committee or ministry of affairs has no "for" in its name: "to the
# Soviet Government for Aid" asks for aid, "to the Soviet Government for Stalin" names one more addressee, "to the
# Ministry of Foreign Affairs for Information" asks; nor have a body's initials ("to the UN for Clemency"); but a party's
# cause is its name's: "the Party for Democracy"
_NO_FOR_IN_NAME = re.compile(r"\b(?:Government|Embassy|Party|Delegation|Central\s+Committee|Affairs|Peoples?|[A-Z]{2,6})$")
# and what a paper asks of any body a word names, before its body's word or after it, is what follows ("to the Soviet
# Union for Aid", "to the Arab League for Support", "to the Council of Ministers for Aid"); but one whose name begins with
# the body's word keeps its "for" ("the Council for Mutual Economic Assistance"), and so do one a nation's word alone
# names, other than a union or council ("the Soviet Ministry for Foreign Trade"), a cause with its article
# ("the National Council for the Liberation of ...") and a body the names table lists (`_listed_body`); a state's or a
# party's organ is named alone ("to the Presidium for Help", "to the Supreme Soviet for Clemency")
_LISTED_WORDS = 5   # the words a listed body's name has on either side of its "for" ("Science and Technology" is three)
_NAMED_BODY = re.compile(rf"(?<!\S)(?!The\s)(?!(?:{NATIONS})\s+(?!Union|Council))[A-Z][\w'’-]*\s+{BODY_WORDS}$|"
                         rf"\b{BODY_WORDS}\s+(?i:of)\s+(?:(?i:the)\s+)?[A-Z][\w'’-]*$|"
                         r"\b(?P<organ>Presidium|Politburo|Secretariat|Supreme\s+Soviet)$")
# "Democracy", "Socialism", "Freedom", "Unity" after "the Party" (but "for Security Guarantees" asks for them, and "the Soviet
# Party for Solidarity" for solidarity)
_CAUSE = re.compile(r"[A-Z][a-z]+(?:acy|ism|dom|ity)\b(?!\s+[A-Z])")
_BY_AT_END = re.compile(r"(?<!\b[Hh]eaded)(?<!\b[Ll]ed)\sby\s+(?=[A-Z])[^,]+$")
# writers after the topic, each by initials and family name: "... by M. Cristian and I. Nitescu" (not "by U.S. Navy")
_INITIALED = r"(?:[A-Z]\.\s+)+[A-Z][a-z][\w'’-]*"
_BY_INITIALS_AT_END = re.compile(rf"\sby\s+(?P<who>{_INITIALED}(?:(?:,\s*|\s+and\s+){_INITIALED})*)$")
# "..., with Corrections by Mao Zedong": the one who revised the document, a person it brings in (as the samples label him)
_REVISED = _rx(r",?\s+with\s+(?:(?:his|her|the|handwritten|marginal)\s+)?(?:corrections|annotations|comments|revisions|edits|"
               r"amendments|remarks|notes|additions)\s+(?:by|of|from)\s+(?P<who>(?-i:[A-Z\[]).*)$")
_SENT_BY = _rx(r"\b(?:sent|written|prepared|compiled|submitted)\s+by\s+(?=[A-Z])")   # "Report on ... sent by X"
# "Questions on Berlin, Delivered to Ambassador Thompson": whom the paper went to, after its topic
_SENT_TO = _rx(rf",\s*(?:sent|delivered|handed|passed|given|transmitted|forwarded|presented)(?:\s+{VERB_PARTICLE})?\s+to\s+(?=[A-Z])")
# a verb of talk after which comes what was talked about, not who: "Saddam and Senior Advisers Discussing ..."
_TOPIC_VERB = _rx(r"discuss(?:ing|es|ed)?|inquired|inquires")
# "Session Nominating Gorbachev", "Notes Kept during ...": a topic follows
_PARTICIPLE = re.compile(rf"\s(?:[A-Z][a-z]+ing|{MADE}|No)\b")
# a participle before "by" is no name's word, and "by" names who made what precedes, no party of the paper ("Telegram
# to the Committee Formed by the Party", "to the Prisoners Held by the Chinese"); but who made the paper sends it, as a
# plain "by" does ("Telegram to the Embassy Sent by the Ministry", "to Stalin Signed by Mao Zedong"), who received it
# is its recipient ("Telegram from Beijing to Moscow Received by the Foreign Ministry")
_MADE_AT_END = re.compile(rf"\s{MADE}$")
# who wrote it with another wrote it: "Co-signed", "Countersigned", "Co-Authored"
_WRITING = re.compile(r"(?:Co-?|Counter-?)?(?i:Signed|Initiall?ed|Sent|Written|Penned|Drawn|Drafted|Prepared|Compiled|Composed|"
                      r"Dictated|Authored|Approved|Adopted|Made|"
                      r"Given|Presented|Published|Transmitted|Forwarded|Passed|Relayed|Cabled|Endorsed|Issued|Submitted|Dispatched|Delivered|"
                      r"Handed|Conveyed|Put|Wired|Taken)\b")
# "from Mao Passed On to Stalin", "from Gromyko, Delivered to Thompson", "of the Commission Submitted to the CC": his
# addressee follows
_PASSED_ON_AT_END = re.compile(rf"\s{PAST}\s+{VERB_PARTICLE}$|,\s*{PAST}$|\s{_WRITING.pattern}$")
# and "the Delegation Chaired by Mikoyan": who leads a party takes its part, as one it is "headed by" does
_LEADING = re.compile(r"(?:Chaired|Presided|Directed|Commanded|Accompanied)\b")
# "Answer to Questions Asked by Khrushchev", "Reply to a Question Asked by ...": the answer goes to the one who asked
# and "Answer to Questions Put to Khrushchev[, Chairman of ...,] by Journalists", "... Put by Journalists to Khrushchev",
# "Reply to Questions Put to Him": the answer is his, to them
_ANSWERED = re.compile(rf"\s(?i:to)\s+(?:(?i:the|an?)\s+)?(?:[A-Z][\w-]*\s+)+?(?P<made>{MADE})"
                       r"(?:\s+(?i:to)\s+(?P<asked>[^,]+?)(?:,[^,]*,)?)?"
                       r"(?:\s+(?i:by)\s+(?(asked)|(?:(?P<askers>[^,]+?)\s+(?i:to)\s+(?=(?P<answerer>.*)))?)|(?(asked)$|(?!)))")
_ASKED = r"(?:questions?|quer(?:y|ies)|inquir(?:y|ies)|requests?)"
# "Reply to Khrushchev's Questions", "to the Chairman's Inquiry of 5 May": his; "to the Soviet Request for ...": no one's,
# its "to" gone with it (what follows is the paper's, up to a sender); "to the Questions of Khrushchev", "to Questions from
# Journalists": theirs
_QUESTIONS = _rx(rf"(?:(?<=\w)['’]s|\s+to\s+(?:the\s+)?{NATIONS})\s+{_ASKED}\b(?:(?!\s(?:from|by)\s).)*|"
                 rf"\b(?:the\s+)?{_ASKED}\s+(?:of|from)\s+(?:the\s+)?(?=(?-i:[A-Z]))")
_NAME_NEXT = re.compile(r"\s(?:[^\W\d_a-z]|\[)")   # a kind followed by a name, no word between
# words of a sentence, which no name has: "'Soviet Attaché in India Tells Us That Nehru Initiated ...'" ("Will" first
# and a name after it is a given name: "Will Clayton", "Will L. Clayton"; "Will Mao Go" asks)
_SENTENCE = re.compile(r"\b(?:That|Us|We|It|Is|Are|Was|Were|Has|Have|Had|(?<!^)Will|^Will(?=\s+(?![A-Z]\.)\S+\s+\S)|Would|Not|Tells?|"
                       r"Told|Says?|Said|Hopes|Wants|Asks|Agrees|Refuses|Plans|Intends|Expects|Wishes|Seeks)\b")
_RECORD_OF = _rx(r"^(?:minutes|record|memorandum|transcript|notes|summary)\s+of\s+(?:the\s+)?")
_TALKS = ("conversation", "meeting")
_DISPATCHES = ("cable", "telegram")   # the kinds that report talks as a record does: "Cable, Nehru-Khrushchev Talks"
# a document that records a talk, which is sent as documents are: "Memorandum of Conversation from A to the CC"
_RECORD_OF_TALK = _rx(r"(?:memorandum|record|minutes|notes?|summary|transcript)\s+of\s+(?:an?\s+|the\s+)?conversation")
_OF_NAME = _rx(r"\s*of\s+(?!the\s)")
_COUNTRY_ALONE = re.compile(rf"{COUNTRY}(?![\w\-–—/])")   # "Hungary and ...", not "Korea-Japan Basic Relations"
_BETWEEN = _rx(r"\b(?:between|with)\s")
# a quote no word runs into (the lookbehind after it, which first would be tried at every character)
_QUOTED = re.compile(rf"{_QUOTE}(?<!\w.)(?P<inner>[^'‘\"“«].*?)['’\"”»]?$")
_BRACKETED_LIST = re.compile(r"\s*\[[^\[\]]*,[^\[\]]*\]")
_ASIDE = re.compile(r"\s*[()]\s*")
_CARRYING = ("transmitting", "containing", "enclosing", "forwarding", "conveying", "relaying", "attaching", "including",
             "with")
_CARRIES = _rx(rf"\b{alt(*_CARRYING)}\s+")
_ON_BEHALF = _rx(r"\bin\s+((?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3})['’]s\s+name\b")   # "in Stalin's Name"
_SIGNED_BY = re.compile(r"\[signed\s+by\s+([^\[\]]+)\]")   # "the HSWP CC [signed by Janos Kadar]"
_BRACKET_AT_END = re.compile(r"\s*[(\[]([^()\[\]]+)[)\]]$")
_BY_IN_KIND = re.compile(rf"\s(?:by|of(?=\s+(?:[A-Z]\.\s+)+[A-Z][a-z])|(?<=[Nn]otes\s)of(?=\s+{NOTES_WRITER}))"
                         r"\s+(?P<who>[^,]+?)(?:,[^,]*,)?\s+(?:on|of|from|about)\s")
_PRONOUN = re.compile(r"^(?:His|Her|Him|Them|Their|Its|Our|Same)\b")   # "to the Same Prince", "Put to Him"
_SLOT = _rx(r"(?:,?\s+(and))?,?\s+\b(from|to|with|for|by|via|receives|meets(?:\s+with)?|led\s+by|headed\s+by|attention)\b\s+")
# "To" after "and" begins a name, one more of a list ("Le Duan and To Huu"), and so does
# "To" after a comma where the small words are in lower case ("Le Duan, To Huu and ..."); elsewhere it is a slot's
# ("Kim Il Sung To Stalin", and a "TO" in capitals: "Mao TO Stalin", not a name's before a "to": "Nguyen Van TO to"), and
# after a slot's "to" of its case too, whose addressees it goes on listing ("To Kim And To Mao"; "from To Lam to Xi and To
# Huu" has none in its case); but no name goes on with "the" ("And To the Ministry")
_TO_NO_NAME = r"(?-i:To)(?=\s+the\s)"
_SLOT_AND_TO = re.compile(_SLOT.pattern.replace("|to|", rf"|(?-i:to)|(?<!\sand\s)(?-i:To|TO(?!\s+to\s))|{_TO_NO_NAME}|"), re.IGNORECASE)
_SLOT_LOWER_TO = re.compile(_SLOT.pattern.replace("|to|", rf"|(?-i:to)|(?<!\sand\s)(?<!,\s)(?-i:To|TO(?!\s+to\s))|{_TO_NO_NAME}|"), re.IGNORECASE)
_ADDRESSED_AND_TO = re.compile(r"(?<!(?i:from|\sand)\s)\bTo\s.*\s(?i:and)\sTo\s")
# ... but not before one the names table knows: "Kim Il Sung and To Stalin" ("To Huu" is no "Huu" of the table)
_AND_TO = re.compile(r"\s(?i:and)\sTo\s((?:[^\s,]+\s?){1,3})")
# "Implications", "Politics", "Civics"; but a name in -vics is Hungarian ("Markovics", "Jankovics", "Pavics"), and so
# may a short one in -ics be ("Babics")
_ABSTRACT_ONLY = re.compile(rf"(?!{BODY_WORDS}\b)(?:[A-Z][a-z]{{3,}}(?:ment|tion|sion|ity|(?<!v)ics|ogy|ism|ness)s?|Civics)")
_DASHES = "-–—"   # a hyphen, and an en or em dash written as one: "Mao–Khrushchev"
# a subject, no party: "US-Greek Relations", "the German Question", "Policy Toward Eastern Europe", what two nations joined by
# a dash qualify, "Soviet-Chinese Border" (but a body's words before them make a body: "Council on Foreign Relations",
# "Commission on the German Question", "Soviet-Chinese Friendship Society"; and a name after a policy's subject stays:
# "Policy Towards China between Nixon")
_TOPIC_ONLY = re.compile(rf"(?:(?!{BODY_WORDS}\b)[A-Z][\w’'-]*\s+){{0,3}}(?:Relations|Questions?)|Polic(?:y|ies)\s+(?i:toward|towards|on)"
                         r"(?:\s+(?:[A-Z][\w-]*|of|in|the|and))+|"
                         rf"(?:Sino|{NATIONS})[{_DASHES}]{NATIONS}(?:\s+(?!{BODY_WORDS}\b)[A-Z][\w’'-]*){{1,3}}")
# what a body's "for" names its field by: "the Committee for Security", "the Directorate for Nuclear Affairs", "the State
# Committee for Nuclear Energy", "the Ministry for Foreign Trade", "the Institute for Nuclear Research", "the Bureau for
# Intelligence and Research"
_FIELD_NOUN = r"(?:Affairs|Trade|Commerce|Research|Studies|Relations|Economy|Corps|Aid)\b"   # no abstract noun's shape
_ABSTRACT_FIRST = re.compile(rf"(?:the\s+)?(?:{_ABSTRACT}|(?:[A-Z][\w-]*\s+(?:and\s+)?){{1,2}}(?:{_FIELD_NOUN}|{_ABSTRACT}))")
_COMPASS_PLACE = re.compile(rf"{COMPASS}\s+[A-Z][a-z]+(?:\s|$)")   # "West Berlin", "Eastern Europe"
_ABSTRACT_AT_END = re.compile(rf"{_ABSTRACT}$")
_NOT_AUTHOR = re.compile(r"(?:Draft|Excerpts?|Extracts?|Fragments?|Untitled|Joint|Final|Annex|Attachments?|Enclosures?|Supplements?|"
                         r"Addend(?:um|a)|Append(?:ix|ices)|Postscripts?|Continuations?|Summary|Copy|Translation)\b")
_TRAVEL_AT_END = _rx(r"\b(?:visit|trip|journey|tour|travel|return)$")
_BODY_AT_END = re.compile(rf"\b{BODY_WORDS}$")
_BODY_WORD_ALONE = re.compile(rf"(?=[A-Z][a-z]+$){BODY_WORDS}")   # "Party", "Government"; not "CPSU"
# ("And" in a title in title case: "Conversation Between Mao Zedong And Kim Il Sung"; "Ministry of Industry and Trade" is one
# body, but "the Minister of Light Industry and Zhou Enlai" two, and so is a body's "Authority" or "University" and what
# follows; a cause of two is one: "the Party for Democracy and Freedom"; the lookahead first spares the lookbehinds' trial
# at every character)
_AND_JOIN = (rf"(?=\s+[Aa]nd\s)(?<![a-z]{{3}}ment)(?<![a-z]{{3}}(?:(?<!Author)(?<!Univers)ity|nce|ics|ogy|acy))\s+[Aa]nd\s+"
             rf"(?!{_ONE_NAME_AFTER_AND})")
_AND = re.compile(rf"{_AND_JOIN}|\s+(?:[–—]|or)\s+")
_SEP = re.compile(rf"\s*,\s*(?:[Aa]nd\s+)?|{_AND_JOIN}|\s+(?:[–—-]|&|or)\s+")
_AND_WORD = re.compile(r"\s+[Aa]nd\s+")
_SEP_KEPT = re.compile(f"({_SEP.pattern})")   # the separators kept, to be put back where a list is one party's
_NATION_ONLY = re.compile(NATIONS)
# the plural of a place's or a body's unit, which the names before it share: "Guangdong, ... and Fujian Provinces"
_UNITS = {"Provinces": "Province", "Regions": "Region", "Districts": "District", "Republics": "Republic",
          "Embassies": "Embassy", "Ministries": "Ministry", "Committees": "Committee", "Parties": "Party",
          "Offices": "Office", "Bureaus": "Bureau", "Departments": "Department"}   # "City and Provincial Offices"
_NATION_FIRST = re.compile(rf"^(?:the\s+)?{NATIONS}(?![\w’'-]*\s+{alt('Embassy', 'Ministry', 'Government')})\b")
# where, when or how a talk was had: "Luncheon Conversation", "Farewell Conversation", "Post-Flight Conversation", "Secret
# Talks", "Top Secret Talks"
_TALK_SETTINGS = (r"Luncheon|Dinner|Breakfast|Farewell|Summit|Plenary|Opening|Closing|Airport|(?:Top\s+)?Secret|(?:Back[- ]?)?[Cc]hannel|"
                  r"Post-[A-Za-z]+|Pre-[A-Za-z]+|Follow-[Uu]p|T[eê]te-[aà]-[Tt][eê]te")
_GENERIC = re.compile(r"\b(?:Untitled|Draft|Special|Handwritten|Joint|Final|Official|Main|Additional|Preliminary|"
                      r"National|Intelligence|Research|Background|High|Level|Several|Various|Others|Distinguished|"
                      r"Leading|Key|Head|Deputy|Political|Economic|Cultural|Military|Private|Working|Internal|Brief|Action|"
                      r"Policy|Work|Situation|Annex|Visit|Daily|Weekly|Monthly|Annual|Period|Certain|Same|Nation|Information|"
                      # what a paper is sent for: "to the Central Committee for Comment", "Draft Letter for Signature"
                      r"Comments?|Review|Signature|Clearance|Concurrence|Perusal|"
                      rf"{_TALK_SETTINGS}|"
                      # the occasion a message marks, or its greeting's tone: "New Year's Message", "Fraternal Greetings"
                      r"(?:Lunar\s+)?New\s+Year|Christmas|Anniversary|Birthday|Season|May\s+Day|Congratulatory|Fraternal|Warm|"
                      # how a message was given, sent or kept: "Personal Letter", "Oral Message", "Coded Message",
                      # "Hand-delivered letter", "Typed Letter" (a word before the kind that qualifies it, no sender)
                      r"Personal|Oral|Verbal|Written|Typed|Typewritten|Unofficial|Informal|Code|Coded|Encrypted|Encoded|Ciphered|Enciphered|"
                      r"Decoded|Deciphered|Decrypted|Hand-[a-z]+|"
                      r"First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
                      r"One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\b")
# "Review and Comment": the errands of a paper, joined, are no one either
_GENERIC_ONLY = re.compile(rf"{_GENERIC.pattern}(?:\s+and\s+{_GENERIC.pattern})*")
# which of a series a document is, or which version ("Another Letter", "Revised Report"): words that begin names too ("New
# Zealand", "New China News Agency", "Jef Last"), so they are no name only when they are all the words
_WHICH_ONE = r"\b(?:New|Another|Further|Latest|Last|Earlier|Previous|Next|Supplementary|Revised|Corrected|Amended|Original)\b"
# "Verbal Report", "Oral Message", "Another Urgent Telegram": a kind all the same; "Farewell Dinner" alone names no one
_QUALIFIERS = re.compile(rf"^(?:(?:{_GENERIC.pattern}|{_WHICH_ONE}|(?i:{_SECRET}))(?:\s+|$))+")
_TALK_SETTING = re.compile(rf"\b(?:{_TALK_SETTINGS})\b")   # "Farewell Dinner" names no one; "Military Intelligence" does
_SETTING_GATHERING = re.compile(rf"(?:{_GENERIC.pattern}\s+)+(?:Session|Conference)s?")   # "Plenary Session", "Summit Conference"
# "Furui-Zhou Enlai"; a word that qualifies the talk is no part of the second name ("Reagan-Gorbachev Summit Talks")
# (a name of three words is one half, "Kim Il Sung-Mao", but no role's, and a dash between spaces joins them too: "Mao –
# Khrushchev"); a word of a name may hold a hyphen ("Kim Il-sung", "Gheorghiu-Dej": `_halves` tells which dash joins them),
# and a role's too ("Vice-Premier"); a word that qualifies the talk is no part of the first name either, before it or
# after it ("Post-Summit Mao-Khrushchev Talks", "Mao-Khrushchev Post-Summit Talks"); the second runs on to the place of
# their talks, which `_pair` takes off ("Zhou Enlai Hong Kong", "Mao Great Hall of the People")
_PAIR_WORD = r"[A-Z][\w.’']*(?:-[\w.’']+)*"
_PAIR = (rf"(?P<one>(?!(?:[A-Z][a-z]+-)?{ROLE}\s|{_GENERIC.pattern}){_PAIR_WORD}(?:\s+(?!{_GENERIC.pattern}){_PAIR_WORD}){{0,2}})"
         rf"(?:[{_DASHES}]|\s+[{_DASHES}]\s+)"
         rf"(?P<other>{_PAIR_WORD}(?:\s+(?!{_GENERIC.pattern}){_PAIR_WORD}){{0,3}}?(?:\s+of\s+the\s+{_PAIR_WORD})?)")
# a half of a hyphenated word that is no name: a prefix ("Co-Chairmen", "Mid-Term", "Sino-Soviet") or a verb's particle
# ("Run-Up"); and two compass points are none ("East-West", "North-South": the blocs' or the Koreas' talks), where one
# beside a name is a surname ("West-Brandt Talks")
_NO_NAME_HALF = re.compile(rf"{PREFIXES}|{VERB_PARTICLE}")
_COMPASS_POINT = re.compile(COMPASS)
_COMPASS_FIRST = re.compile(rf"^{COMPASS}\s+(?=[A-Z])")
_INITIALS_ONLY = re.compile(r"(?:[^\W\d_a-z]\.)+")   # "T.", "V.I."
# a body's word, no initials ("Politburo-Presidium Meeting"; but "CPSU-CCP Talks" are the parties')
_BODY_NOUN = re.compile(rf"(?=[A-Z][a-z])(?:{BODY_WORDS})")
_PAIR_ONLY = re.compile(rf"{_PAIR}(?:\s+{_GENERIC.pattern})*")
_PAIRED = re.compile(rf"(?<![\w-])(?:{_GENERIC.pattern}\s+)*{_PAIR}(?:\s+{_GENERIC.pattern})*"
                     r"\s+(?i:talks|meetings?|conversations?|summit|memorandum\s+of\s+conversation)\b")
_COMMA_PAIRED = re.compile(rf",\s+(?={_PAIRED.pattern})")
_OF_PAIRED = re.compile(rf"\s+(?i:of\s+(?:the\s+)?)(?={_PAIRED.pattern})")   # "Memorandum of the Nixon-Mao Conversation"
_ON_PAIRED = re.compile(rf"\b(?i:on|about|regarding|concerning)\s+(?:(?i:the)\s+)?(?={_PAIRED.pattern})")
_HYPHEN_BEFORE_CAPITAL = re.compile(r"-(?=[A-Z])")
_ACRONYM = re.compile(r"^[A-Z]{2,6}(?:\s|$)")   # "MN [Moscow News] Interview", "CDS Report": a body's initials
_HONORIFIC_AND_WORD = re.compile(rf"\b{HONORIFIC}\s+(?=(\w+))")   # "Mr. Bundy"; its word only looked at, so "PROF. DR. LI" finds "DR. LI"
# "the Ambassadors to Jordan" too, but not a body named for its members: "the Council of Ministers to the CC CPSU"
_ROLE_AT_END = re.compile(rf"{ROLE}$|^(?:the\s+)?(?:{MODIFIER}\s+)*{ROLE}s$")
# a role that is a seat in the body after its "to", so the name after the body is its holder's: "Deputy to the Supreme
# Soviet Sakharov", "Adviser to the CC CPSU Zagladin" (an envoy has none there: "Ambassador to the Presidium Khrushchev"
# writes to Khrushchev)
_SEAT_AT_END = re.compile(r"\b(?:Deputy|Representative|Advis[eo]r)$")
# a post, in its city
_MISSION_AT_END = re.compile(r"\b(?:Embassy|Ambassador|Minister|Representative|Advis[eo]r|Envoy|Consul(?:ate)?(?:[\s-]General)?|Legation|"
                             r"Mission)$")
# a city: one word, with its article or first word ("New York", "Addis Ababa"), particle ("Rio de Janeiro") or "City", and
# the envoy in brackets after it; "Chinese Embassy, Liu Xiao": a person, not a city
_CITY = re.compile(rf"(?:{CITY_FIRST}\s+)?[A-Z][\w’'.-]*(?:\s+(?:de|do|da|del|es)\s+[A-Z][\w’'.-]*)?(?:\s+City)?"
                   r"(?:\s+\([A-Z][^()]*\))?")
_ROLE_WORD = re.compile(rf"\b(?=\w){ROLE}")   # a role after a name begins a word: tried at words' starts only
_ROLE_AFTER_NAME = re.compile(rf"\s+(?P<qualifiers>(?:{MODIFIER}\s+){{0,4}}){ROLE}\b(?P<after>.*)$")
_COUNTRY_FIRST = re.compile(rf"^(?:the\s+)?{COUNTRY}\b")
_NATION_BEFORE = re.compile(rf"{NATIONS}(?:\s+{MODIFIER})*\s+")   # a nationality and what qualifies it before a name
# a place the grammar knows: a country or city, or a state named as a republic ("the Democratic Republic of Vietnam",
# "the United Arab Republic")
_PLACE_FIRST = re.compile(rf"(?:the\s+)?(?:{COUNTRY}|(?:[A-Z][\w’'-]*\s+){{1,3}}Republic)\b")
# "Delegates from Vietnam and Laos", "the Ambassadors of Poland and Hungary", "the Ambassadors in Beijing and Moscow", "the
# Ambassador to Jordan and Syria": places listed after "from", a plural's "of" or "in" (its office's too: "the Heads of
# State of Egypt and Syria") or a role's "to" (a "to" is inside a party only where it runs on) are the party's
_FROM_PLACE_AT_END = re.compile(rf"(?:\b(?i:from|to)|s(?:\s+(?i:of)\s+[A-Z][a-z]+)?\s+(?i:of|in))\s+(?:(?i:the)\s+)?"
                                rf"(?P<place>{COUNTRY}|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)$")
_ROLE_OF = {"from": "senders", "by": "senders", "to": "recipients", "for": "recipients", "via": "recipients",
            "receives": "participants", "meets": "participants", "meets with": "participants",
            "attention": "recipients", "received by": "recipients",
            "with": "participants", "between": "participants"}  # what follows each keyword; "of", "," and ":" vary

_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_ARTICLE_AT_END = re.compile(r"(?<=[,:])\s+(?:the|an?)$", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|an?)(?:\s+|$)", re.IGNORECASE)
# "Zhao Ziyang in Beijing", "Kim Il Sung Of North Korea" (in capitals, "SOVIET EMBASSY IN ..." may be a body's)
_PLACE_TAIL = re.compile(r"\s+([Ii]n|[Aa]t|[Oo]f|[Dd]uring|[Ff]rom)\s+.*$")
_INITIAL_AT_END = re.compile(r"\b(?:\w|[JS]r)\.$")   # an initial's period, or Jr.'s, is kept
_TRIM = " ,.;:'’\""
_NOT_LETTER = re.compile(r"[\W_]")


def doc_type(title: str) -> str:
    """The controlled-vocabulary kind of a document, from its title's wording."""
    reading = _read(title)
    found = _own_kind(reading.cleaned) or _own_kind(reading.text)  # a kind only inside a quoted title still counts
    if found and (message := _message_first(reading.cleaned, found)) and found[1] >= message.end():
        found = None   # "Reply to the Letter from ...", "Request to Stalin to Hold Talks": a kind it answers or asks for
    if found:
        kind, start, end = found
        if kind == "meeting":   # "... High Level Meeting, Reykjavik, Record of Conversations ...": the record inside
            inner = (find_kind(part.strip()[:80]) for part in reading.cleaned[end:].split(",")[1:])
            kind = next((f[0] for f in inner if f and f[1] == 0), kind)
        elif kind == "conversation" and _ORGAN_AT_END.search(reading.cleaned[:start].rstrip()):
            kind = "meeting"    # "CPSU Politburo Discussion of ...": the talk of a body that meets is its meeting
        elif kind in ("memorandum", "note") and start == 0 and _RECORD_WITH.match(reading.cleaned):
            kind = "conversation"   # "Note of Comrade Bergold, ..., with the Polish Ambassador ...": of their talk
        elif talk := _recorded_talk(reading.cleaned, found):
            kind = talk[0]
        return kind
    if reading.signed:   # "Author, 'Title'": a body's paper is a report; a person's is his words if they are a
        # sentence ("Mao Zedong, 'The Chinese People Cannot Be Cowed ...'"), else a work of his (a poem, a book)
        author = reading.author or ""
        if _bare_to(author):
            return "memorandum"
        return "report" if is_body(author) else "speech" if _FINITE_VERB.search(reading.text) else "other"
    if reading.author is not None:
        return "journal"
    if _bare_to(reading.cleaned) or _MESSAGE_FIRST.match(reading.cleaned):
        return "letter"    # "L. Beria to Cde. V.M. Molotov", "Reply from Stalin to Mao": a message with no kind word
    return "report" if reading.cleaned else "other"   # an untitled account: "The DPRK Attitude Toward ..."


def _message_first(text: str, found: tuple[str, int, int] | None) -> re.Match[str] | None:
    """The message's word the title begins with ("Reply to ...", "Request from ..."); but one that is a message only by
    whom it names after what it asks ("Request for Help to the UN") yields to a kind in what it asks: "Request for
    Instructions from the Embassy" is instructions, from the embassy."""
    message = _MESSAGE_FIRST.match(text)
    return None if message and message["by_asked"] is not None and found and found[1] >= message.end() else message


def _recorded_talk(text: str, found: tuple[str, int, int]) -> tuple[str, int, int] | None:
    """"Notes from Brezhnev's Meeting with ...", "Memorandum of [Zhou Enlai's] Conversation with ...", "Notes on Visit of
    General Clark with President Rhee": the talk a note or memorandum records, which the document is: its kind, and its
    people (the talk's owner, or the visitor, takes part and sends nothing). A delegation's visit is a meeting."""
    if found[0] not in ("note", "memorandum"):
        return None
    if owner := _OWNERS_EVENT.match(text, found[2]):
        inner = find_kind(text, owner.end())
        return inner if inner and inner[1] == owner.end() and inner[0] in _TALKS else None
    if visit := _VISIT_WITH.match(text, found[2]):
        return "meeting" if is_body(visit["visitor"]) else "conversation", visit.start(1), visit.end(1)
    if (of := _OF_PAIRED.match(text, found[2])) and _two_people(_PAIRED.match(text, of.end())) \
            and (talk := find_kind(text, of.end())) and not _SENT_OR_TO.match(text, talk[2]):   # the talks of a pair, not sent on
        return talk
    return None


def _own_kind(text: str) -> tuple[str, int, int] | None:
    """The first kind phrase that names the document itself: not one in the topic of a message ("From A to B on ...
    June Plenum") or in a setting ("The Issue of ... in the Conversations of ... During the 21st Session ...")."""
    found = find_kind(text)
    if found and (topic := _TOPIC_BEFORE.search(text, 0, found[1])) and _bare_to(text[:topic.start()]):
        return None
    while found and (_SETTING.search(text, max(0, found[1] - 40), found[1])
                     or _INFINITIVE.match(text[max(0, found[1] - 3):found[2]])):   # "Hopes to Visit China to Discuss ..."
        found = find_kind(text, found[2])
    return found


def parties(title: str) -> Parties:
    """The senders, recipients and participants a title names, as written, and the others it brings in."""
    reading = _read(title)
    roles = _quoted_talk(_parties(reading), reading.text)
    text, lower = reading.text, reading.text.lower()
    # each reading below is tried only when its words are there: most titles bring no one in
    others = [*_headed(roles), *_inner_record(reading.cleaned)]
    if any(word in lower for word in _CARRYING):
        others += _carried(reading.cleaned)
    if "[signed" in text:
        others += [name for signers in _SIGNED_BY.findall(text) for name in _items(signers)]
    if any(dash in text for dash in _DASHES):
        others += _paired(text)
    if "name" in lower:
        others += _ON_BEHALF.findall(text)
    if reading.outer:
        others += _people_of(_parties(_read(reading.outer)))
    if "; " in text:   # "...; Letter from Izzat Ibrahim to the Same Prince": a second document in the item
        others += [name for part in text.split("; ")[1:] if _begins_with_kind(part) for name in _people_of(_parties(_read(part)))]
    roles = _with_others(roles, others) if others else roles
    return _as_written(roles, " ".join(title.split())) if reading.capitals else roles


def _as_written(roles: Parties, title: str) -> Parties:
    """The parties read in a title in capitals, each as the title writes it (`_title_case` keeps each letter's place)."""
    titled = _CAPITALS_WORD.sub(_title_case, title)
    def written(name: str) -> str:
        # "MR. BUNDY": his honorific says a person, which "BUNDY" alone (initials) is not; the one it stands before, not
        # the same letters earlier ("LIN BIAO AND MR. LI", "DEAN RUSK AND MR. RUSK")
        if _ACRONYM.fullmatch(name.upper()) and not shipped_names().kind(name) and (
                m := next((m for m in _HONORIFIC_AND_WORD.finditer(titled) if m[1] == name), None)):
            return title[m.start():m.end(1)]
        if (at := titled.find(name)) < 0:
            return name.upper()   # "SCIENCE And TECHNOLOGY" as "SCIENCE AND TECHNOLOGY"
        return _CAPITALS_SMALL_WORD.sub(lambda m: m[0].upper(), title[at:at + len(name)])
    return Parties(*(tuple(map(written, names)) for names in (roles.senders, roles.recipients, roles.participants, roles.others)))


def _parties(reading: _Reading) -> Parties:
    """The parties of a title's own words, without what it transmits, quotes or reports."""
    text = _BRACKETED_WHO.sub(lambda m: m[1], _unglossed(reading.cleaned))
    # "Letter to the Ambassador, Request": a paper's word that ends a title cut short after its kind is no name of the
    # role before it (but "Khrushchev, Speech" is his speech)
    head, _, last = text.rpartition(", ")
    text = strip_roles(head if head and _papers_word(last) and find_kind(head) else text)
    if revised := _REVISED.search(text):
        text = text[:revised.start()]   # the reviser is no party of the document; he is brought in (below)
    # the event an invitation is "to" goes before the kind is looked for, which its words may name ("the Bandung Conference")
    if (invitation := _MESSAGE_FIRST.match(text)) and invitation["invites"] or (invitation := _OF_INVITATION.search(text)):
        text = text[:invitation.end()] + _TO_EVENT.sub("", text[invitation.end():], count=1)
    found = find_kind(text)
    found = found and (_recorded_talk(text, found) or found)
    if found and (of_message := _OF_MESSAGE_OF.match(text, found[2])):
        whose = _THANKED_FOR.sub("", text[of_message.end():], count=1)
        to = _TO.search(whose)
        invited = to and _PURPOSE.match(whose, to.start()) or _DELEGATION.search(whose[:to.start() if to else None])
        if of_message["invites"] and invited:
            whose = _OF.sub(" to ", whose, count=1)
        text = text[:found[2]] + whose
    kind, start, end = found if found else (None, len(text), 0)
    lead = []
    if reading.author:
        author = strip_roles(_BRACKETED_LIST.sub("", _JR.sub(" Jr.", reading.author)))   # "Bureau [Ministry of ..., Japan]"
        lead = [*_items(author)] if reading.signed else [author]
    if by := _BY_IN_KIND.search(text, start, end):
        lead += _items(by["who"])   # "Report by Qiao Xiaoguang on a Conversation with ..."
    elif found and (by := _BY_INITIALS_AT_END.search(text, end)) and not (
            (inner := find_kind(text, end)) and inner[1] < by.start()):   # not "Report on the Speech by N. S. Khrushchev"
        lead += _items(by["who"])   # "Report on the Marshall Plan by M. Cristian and I. Nitescu"
    # a kind after the message word names the paper it answers or asks for ("Reply to the Proposal of ...", "Request to
    # Stalin to Hold Talks"): none of its words is a party, and nothing before it
    asking = bool((message := _message_first(text, found)) and message["asks"])   # "Appeal", a kind too, still asks
    # and so it does alone: "Appeal for Help", "Letter of Appeal for Help"
    appeal = not asking and bool(found and (_ASKS_AT_END.search(text, start, end) or _OF_ASKING.match(text, end)))
    asking = asking or appeal
    if message and found and kind != "other" and start < message.end():
        message = None
    rest = text[message.end():start if start > message.end() else None] if message else text[end:] if found else text
    if message and start > message.end():   # "Response to the Soviet Proposals": the paper a nation made, no one;
        rest = _TO_NATION_AT_END.sub("", _POSSESSIVE_END.sub("", rest.rstrip()))   # "to the Ambassador's Note": his
    if purpose := _PURPOSE.search(rest):
        rest = rest[:purpose.start()]
    if message and message["answer"]:
        rest = _ANSWERED.sub(_answered, _QUESTIONS.sub("", rest), count=1)
    # "Request to Stalin for Aid", "Appeal to the UN for Help", "Letter to the Soviet Government for Aid": what it asks
    # for, no one (but "Committee for ...")
    # and it names after what it asks the parties it named none of before (`_named_after`): "Appeal of Kim Il Sung for
    # Help to the UN", "Appeal for Help from Nagy", "Request to Stalin for Aid from Kim Il Sung"
    elif asked := _asked(rest, asking):
        named = rest[:asked.start()]
        named = named[of_what.end():] if (of_what := _OF_MESSAGE.match(named)) else named   # not "of Thanks"
        tail = _named_after(named, rest[asked.end() - 1:], bool(message and message["owner"]))
        rest = named + (tail[:more.start()] if (more := _asked(tail, asking)) else tail)   # "to the Soviet Union for Arms"
    if message:   # "Proposal from Deputy Minister Ecobescu to ...", "Reply to Stalin": sent as a letter is
        kind, lead = None, [*lead, *([_tidy(message["owner"])] if message["owner"] else [])]
    elif kind == "other" or not found:   # "Gazette of ...", "Appointment of X as ... by Syngman Rhee", "Record of the
        # Third Congress ... by L.I. Brezhnev": only its maker is a party, if named, and whom it was delivered to after
        # its topic ("Proposals on Disarmament, Delivered to Cuba", "..., Delivered to Cuba by Gromyko": from the first)
        maker = min(filter(None, (_BY_AT_END.search(rest), _SENT_TO.search(rest) if found else None)), default=None,
                    key=lambda match: match.start())
        kind, rest = None, rest[maker.start():] if maker else ("" if found else rest)
    elif found and _TOPIC_VERB.fullmatch(text[start:end]):
        rest = ""   # "Saddam and Senior Advisers Discussing ...": what follows is what they talked about
    # "Treaty of Friendship, Alliance ... between A and B": the agreement's name, then its parties; "of the Soviet
    # Government", "of Hungary and Czechoslovakia" name its parties
    elif kind == "agreement" and (named := _OF_NAME.match(rest)) and not _COUNTRY_ALONE.match(rest[named.end():]):
        between = _BETWEEN.search(rest)
        rest = rest[between.start():] if between else ""
    roles = _assign(kind, lead, _before(text[:start], kind in _TALKS) if found and not message else [], rest,
                    recorded=bool(found) and bool(_RECORD_OF_TALK.match(text, start, end)))
    if reading.signed and _bare_to(reading.author or ""):
        roles = _assign(None, [], [], reading.author or "")
    owner = _tidy(found[1]) if (found := _OWNER_FIRST.match(reading.cleaned)) else ""
    if owner and _namelike(owner) and not _NATION_FIRST.match(owner) and owner not in _people_of(roles):
        roles = Parties(_dedupe([owner, *roles.senders]), roles.recipients, roles.participants)
    return _with_others(roles, [*_items(revised["who"])]) if revised else roles


def _named_after(named: str, asked: str, owned: bool) -> str:
    """What a paper that asks names after what it asks: from the first slot of a kind it named no one in before, "to" its
    addressee or "from" or "by" its sender, to the end ("Appeal for Help from Nagy", "Request of Kim Il Sung for Help to
    the UN", "Request to Stalin for Aid from Kim Il Sung"). A slot of a kind named before is the thing asked's: "to Stalin
    for Aid to Korea", "from Kim to Stalin for Aid from the Soviet Union", and so is a place it is asked "from": "for Arms
    from the Soviet Union" is where they come from, and a place it is asked "to" is where it goes: "for Aid to Korea" (but
    the UN, a body the names table lists, is written to); `owned`: the paper is someone's ("Kim's Request")."""
    to = _TO.search(named)
    sent = owned or bool(named[:to.start() if to else None].strip())
    slots = list(_SENT_OR_TO.finditer(asked))
    for slot, following in zip(slots, [*slots[1:], None]):
        party = _ARTICLE.sub("", asked[slot.end():following.start() if following else None])
        where = _is_place(party) and shipped_names().kind(party) != "organization"
        if not (where or (to if slot[0].strip().lower() == "to" else sent)):
            return asked[slot.start():]
    return ""


def _answered(m: re.Match[str]) -> str:
    """The slots of an answer to the questions `_ANSWERED` found: it comes from the one they were put to and goes to
    whoever put them (but "to Mohammed Ahmed by" is a name's, and "by the Ambassador to the USSR" a role's "to")."""
    if is_given_name(m["made"]):
        return m[0]
    if not m["askers"]:   # (none after "Put to Khrushchev": the "to" of "by the Ambassador to the USSR" is the role's)
        return f" from {m['asked']} to " if m["asked"] else " to "
    return f" to {m['askers']} {'to' if _runs_on(m['askers'], 'to', m['answerer'], False) else 'from'} "


def _quoted_talk(roles: Parties, text: str) -> Parties:
    """A quoted record of talks ("Cable ..., 'Memorandum of Conversation: Huang Meets with Khrushchev'") adds the
    people who talked to the participants; a quoted headline of talks ("'Premier Kim Received the Study Delegation'",
    "'Prime Minster Visit to China (Conversation with Chairman Deng Xiaoping)'") adds them to the others."""
    m = _QUOTED.search(text)
    found = find_kind(m["inner"]) if m else None
    if found is None or found[0] not in _TALKS or _TOPIC_BEFORE.search(m["inner"], 0, found[1]) \
            or (_OF_A_NOUN.search(m["inner"], 0, found[1]) and not _PEOPLE_NEXT.match(m["inner"], found[2])) or not (
            _begins_with_kind(m["inner"]) or _TALK_VERB.fullmatch(m["inner"], found[1], found[2])
            or _TALK_SLOT.match(m["inner"], found[2])):
        return roles   # no talk, or one the paper is about: "'Draft ... Regarding of A. I. Mikoyan's Conversations ...'"
    inner = _people_of(_parties(_read(_ASIDE.sub(", ", m["inner"]))))
    outer = {w for name in (*roles.senders, *roles.recipients) for w in name.split()}
    # not "Ambassador Yuan" in the record Yuan Zhongxin sends, nor a body the quote does not name ("... with the Delegation")
    inner = [name for name in inner if name not in outer and not (" " not in name and is_body(name) and not name.isupper())]
    if _begins_with_kind(m["inner"]):
        return Parties(roles.senders, roles.recipients, _dedupe([*roles.participants, *inner]), roles.others)
    return Parties(roles.senders, roles.recipients, roles.participants, _dedupe([*roles.others, *inner]))


def _carried(text: str) -> list[str]:
    """The people of a message or record a document carries: "..., transmitting a Message from Mao Zedong to
    Stalin", "Containing a Record of a Conversation between Rossow and Pishevari". Each carrying word is tried once,
    on a few words after it, so a long title costs no more than its length."""
    for m in _CARRIES.finditer(text):
        start = m.end()
        for _ in range(4):   # "a Message", "verbatim transcript telephone conversation": words before the kind
            if _begins_with_kind(text[start:start + 80]):
                return _people_of(_parties(_read(text[start:])))
            if not text[start:start + 1].islower() or (space := text.find(" ", start, start + 40)) < 0:
                break
            start = space + 1
    return []


def _inner_record(text: str) -> list[str]:
    """"Cable, Summary of Averell Harriman Meeting with T. V. Soong": the people of the record a document is."""
    found = find_kind(text)
    if found is None or not text.startswith(",", found[2]) or not _is_record(inner := text[found[2] + 1:].strip()):
        return []
    return _people_of(_parties(_read(inner)))


def _is_record(text: str) -> bool:
    """Whether the text begins with a document of its own: "Summary of Averell Harriman Meeting ...", "Letter ..."."""
    return bool(_RECORD_OF.match(text)) or _begins_with_kind(text[:80])


def _headed(roles: Parties) -> list[str]:
    """"Polish Embassy in Havana (Jeleń)": the name in brackets after a body is the person who wrote for it."""
    found = []
    for party in (*roles.senders, *roles.recipients, *roles.participants):
        m = _BRACKET_AT_END.search(party)
        if m and is_body(party[:m.start()]) and _namelike(m[1]) and not is_body(m[1]) and not _GENERIC.fullmatch(m[1]) \
                and not _COUNTRY_FIRST.fullmatch(m[1]) and not _ACRONYM.match(m[1]):
            found.append(m[1])
    return found


def _paired(text: str) -> list[str]:
    """"Nehru-Khrushchev Talks", "Record of Furui-Zhou Enlai Meeting": the two people of the talks, not two nations
    ("Soviet-American High Level Meeting")."""
    return [name for m in _PAIRED.finditer(text) if _two_people(m) for name in _pair(m)]


def _asked(rest: str, asking: bool = True) -> re.Match[str] | None:
    """The "for" what a paper asks begins at ("Request to Stalin for Aid"), not one of a name ("the Committee for ...");
    in a paper that is no request (not `asking`), only one before what papers ask for (`_ASKED_FOR`), and not in its
    topic (`_TAIL`): "from Saddam Hussein Asking for Help" is read in its slots."""
    if asking:
        fors = _FOR.finditer(rest)
    else:
        topic = _TAIL.search(rest) if _ASKED_FOR.search(rest) else None
        fors = _ASKED_FOR.finditer(rest, 0, topic.start() if topic else len(rest))
    # a paper that asks nothing asks nothing of its sender, whose "for" is read as the slots read it: "Letter from the
    # Committee for Economic Assistance" names the committee's field
    return next((m for m in fors if not _runs_on(rest[:m.start()], "for", rest[m.end():],
                                                   asking or not _SENDER_AT_END.search(rest, 0, m.start()), asking=True)), None)


def _pair(pair: re.Match[str]) -> tuple[str, ...]:
    """The names of a pair; a place the names table knows after them is where they met: "Gorbachev-Bush Malta Summit",
    "Kissinger-Zhou Enlai Beijing Talks", and a month when ("Zhou Enlai-Kissinger July Talks"); words the table does not
    know after a person it knows are no part of his name ("Kissinger-Dobrynin Back Channel Talks"), unless what it knows is the
    family name he is written with first, which a given name may follow ("Mao Anying" is no Mao Zedong); a half that joins people
    the table knows, and is none itself, is each of them: "Brezhnev-Tito-Kadar Talks"."""
    one, other = _halves(pair)
    other = re.sub(r"\s+of\s+the\s+\S+$", "", _before_place(other))   # "Hall of the People": a place the table does not know
    table = shipped_names()
    if table.kind(other) is None:
        words = other.split(" ")
        other = next((known for i in range(len(words) - 1, 0, -1) if table.kind(known := " ".join(words[:i])) == "person"
                      and (table.lookup(known) or "").split(" ")[0] != known), other)
    halves = (one, other)
    return tuple(name for half in halves for name in _each_known(half))


def _before_place(name: str) -> str:
    """The name without the place the names table knows (a point of the compass before it or not), or the month, after
    it: where and when its talks were ("Zhou Enlai Hong Kong", "Brandt West Berlin", "Kissinger July", "Mao Great Hall of
    the People"), in as many last words as a place has at most."""
    words = name.split(" ")
    table = shipped_names()
    return next((" ".join(words[:i]) for i in range(max(1, len(words) - _PLACE_WORDS_AT_MOST), len(words))
                 if table.kind(_COMPASS_FIRST.sub("", rest := " ".join(words[i:]))) == "place" or re.fullmatch(_MONTH, rest)), name)


def _without_setting(name: str) -> str:
    """One who talked, or a list of them, without the place the names table knows after him, where it was ("Mao Great
    Hall", "Dobrynin Washington", "the Shah Tehran", "Kissinger, Dobrynin Washington"); not a body's ("... of the Soviet
    Union"), nor what a first name, an initial, an honorific or a point of the compass begins ("George Washington",
    "Booker T. Washington", "Mr. Richmond", "South Korea"), nor what a small word does ("Kim Il Sung In Pyongyang", "Cuba,
    South Africa and the United States"); a role's post set off is his ("the Ambassador, Washington"), and a list's
    place is a party ("Cuba, South Africa")."""
    bare = _before_place(name)
    last = bare.rsplit(" ", 1)[-1]
    first = is_given_name(last) or _COMPASS_POINT.fullmatch(last) or _INITIALS_ONLY.fullmatch(last) \
        or _HONORIFIC_AND_WORD.match(name, len(bare) - len(last))
    named = _namelike(_LEADING_ARTICLE.sub("", bare)) and begins_a_name(last[:1]) and last.lower() not in _SLOT_WORDS
    return bare.rstrip(",") if named and not (first or is_body(bare) or is_role(bare) and bare.endswith(",")
                                              or _is_place(_SEP.split(bare.rstrip(","))[-1])) else name


def _each_known(half: str) -> list[str]:
    """The people a half of a pair joins by hyphens before capitals when the names table knows each of them and not the
    whole ("Brezhnev-Tito"), else the half ("Gheorghiu-Dej", "Kim Il-sung")."""
    table = shipped_names()
    names = _HYPHEN_BEFORE_CAPITAL.split(half)
    joins = len(names) > 1 and table.kind(half) != "person" and all(table.kind(name) == "person" for name in names)
    return names if joins else [half]


def _halves(pair: re.Match[str]) -> tuple[str, str]:
    """The two halves of a pair, split at the hyphen before a capital where the names table knows the most of them as
    people: "Khrushchev-Gheorghiu-Dej" (else as matched); a dash between spaces splits them as written."""
    found = (pair["one"], pair["other"])
    joined = pair.string[pair.start("one"):pair.end("other")]
    if joined != "-".join(found):
        return found
    splits = [(joined[:dash.start()], joined[dash.end():]) for dash in _HYPHEN_BEFORE_CAPITAL.finditer(joined)]
    table = shipped_names()
    return max(splits, key=lambda halves: (sum(table.kind(half) == "person" for half in halves), halves == found))


def _two_people(pair: re.Match[str]) -> bool:
    """"Furui-Zhou Enlai" names two people; "Post-Flight", "Co-Chairmen", "Run-Up", "East-West", "Warsaw-Pact" (a place),
    "Politburo-Presidium" (two bodies' words: but "Nixon-Congress" is a man and the body he met) and "the Preparations –
    Khrushchev" (a thing, "Relations", "Preparations") are no pair of them."""
    halves = _halves(pair)
    return not _GENERIC.fullmatch("-".join(halves)) and not all(map(_COMPASS_POINT.fullmatch, halves)) \
        and not all(map(_BODY_NOUN.fullmatch, halves)) and not any(
        _NATION_FIRST.match(p) or _COUNTRY_FIRST.fullmatch(p) or _GENERIC.search(p) or _LEADING_ARTICLE.match(p)
        or _NO_NAME_HALF.fullmatch(p) or _ABSTRACT_AT_END.search(p) or _TOPIC_ONLY.fullmatch(p)
        or shipped_names().kind(p) == "place" for p in halves)


def _people_of(roles: Parties) -> list[str]:
    return [*roles.senders, *roles.recipients, *roles.participants, *roles.others]


def _with_others(roles: Parties, others: list[str]) -> Parties:
    """The others, each once, and none that is already a party, even by a word of its name."""
    named = {_NOT_LETTER.sub("", n).casefold() for n in _people_of(roles)}
    words = {w for name in _people_of(roles) for w in name.split()}
    kept = [o for o in others if _NOT_LETTER.sub("", o).casefold() not in named and o not in words]
    return Parties(roles.senders, roles.recipients, roles.participants, _dedupe([*roles.others, *kept]))


def _before(text: str, talk: bool = False) -> list[tuple[str, str]]:
    """Slots from what stands before the kind: "Andropov Report", "Mao Zedong’s Speech", "A to B, Report ...",
    "Hungarian Embassy in Havana (Beck), Report ..."."""
    who = _possessor(text)
    if who:
        return [("", who)]
    signed = text.rstrip().endswith(",")
    text = _RECORD_OF.sub("", _LEADING_ARTICLE.sub("", _ARTICLE_AT_END.sub("", text.strip(" ,:")).strip(" ,:")))   # "Minutes of
    # Zhivkov – Castro Meeting"; "Tran Quang Co: A Memoir": the kind's article is no name's
    text = _without_setting(text) if talk else text   # "Mao Great Hall Conversation": where he talked
    if not text or _TOPIC_WORD_AT_END.search(text):   # "Documents Concerning Conversations ...": papers about them
        return []
    if _bare_to(text):
        return _slots(text)
    if talk and (pair := _PAIR_ONLY.fullmatch(text)):   # "Record of Furui-Zhou Enlai Meeting"; but a pair of no people
        return [("", name) for name in _pair(pair)] if _two_people(pair) else []   # is no one's name: "Mid-Term Talks"
    if (signed or _named_body(text)) and is_body(text) and not find_kind(text):
        # the author, then the document: "Hungarian Embassy in Havana (Beck), Report on ...", "CPSU CC Politburo Decision"
        return [("", text)]
    if signed and text[:1] == "(" and text[-1:] == ")" and _namelike(text[1:-1]):
        return [("", text[1:-1])]   # "Czechoslovak Ambassador ... (Dr. Miloslav Ruzek), Report on ...", its role taken off
    head = text if _namelike(text) else text.split(",")[0]
    if _namelike(head) and not _POSSESSIVE.search(head):
        # a place before a talk is where it was, no one in it: "Vienna Summit", "Paris Meeting"
        return [("", part) for part in _SEP.split(head) if not _NATION_FIRST.match(part) and not is_body(part)
                and not (talk and shipped_names().kind(part) == "place")
                and not _ACRONYM.match(part) and not _GENERIC.search(part)
                and not _QUALIFIERS.fullmatch(part)]
    parts = _SEP.split(text)
    if talk and len(parts) > 1 and all(_namelike(part) or part[:1].islower() for part in parts):
        # "Saddam Hussein and political officials discussing ...": the one named among those who talk
        return [("", part) for part in parts if _namelike(part)]
    return []


def _named_body(text: str) -> bool:
    """The words of one name and nothing else (`is_body` says whose): "Soviet Council of Ministers", "State Department
    Office of Policy Coordination"; not "Draft State Department", "Excerpt on Xinjiang from Minutes of the ...
    Politburo", "Main Issues for the", nor two names ("Saddam and Senior Advisers")."""
    words = text.split()
    return bool(words) and begins_a_name(words[-1][0]) and not _NOT_AUTHOR.match(text) and not _AND.search(text) and all(
        begins_a_name(word[0]) or word in ("of", "for", "the", "and") for word in words)


def _possessor(text: str) -> str | None:
    """The capitalized words just before a possessive 's that ends the text but for two capitalized words at most
    ("... Comrade Zimyanin's Background " -> "Zimyanin"), read back word by word (a pattern would try every start)."""
    tail = _POSSESSIVE_TAIL.search(text)
    if tail is None:
        return None
    parts = re.split(r"(\s+)", text[:tail.start()])
    words = len(parts)
    while words > 0 and (_CAPITALIZED.fullmatch(parts[words - 1]) or parts[words - 1] == "and"):
        words -= 2      # the word, and the space before it
    who = "".join(parts[words + 1:])
    return who if who and not is_role(who) else None   # "Chancellor’s Conversation": a role, not a name


# an editor's words the title lacked: "Kim Il Sung [to] Stalin", "Kim Il Sung [to the] CPSU Central Committee"
_CONNECTIVE = re.compile(r"\[((?:to|and|from|with)(?: the)?)\]", re.I)
# "re" is "regarding" ("Memorandum re Conversation between ...", "RE", a title's first word, a last "re" or "RE:"), but a name's "Re"
# goes on ("Giovanni Re to", "To Giovanni Re"), and a "Re" is a name's where the title writes its small words in lower case
# ("Giovanni Re on Disarmament") unless a colon follows or it begins the title; a ", Re:" sets off a subject line already,
# and the clean pattern knows no "re:" nor "RE:" ("to Kennedy RE: Berlin")
_RE = re.compile(r"(?<!\S)(re|Re|RE)(?=(:?)(?:$(?<!Re|RE)|\s(?!(?i:to|from|and|with)\s)))")
# a title in capitals may write its "and" or "or" small or as in title case ("DELEGATES FROM VIETNAM and LAOS")
_CAPITALS_SMALL_WORD = re.compile(r"(?<=\s)(?i:and|or)(?=\s)")
_CAPITALS_ASIDE = re.compile(rf"{_CAPITALS_SMALL_WORD.pattern}|\b{_MONTH}")   # and a date's month: "..., 2 October 1950"
_TWO_SMALL = re.compile(r"[a-z][^a-z]*[a-z]")
_CAPITALS_WORD = re.compile(r"[^\W\d_]+")
# in capitals, initials ("CC", "CPSU", a state's: "US", a word without a vowel: "BCP", "KWP") stay so, as title case writes them
_CAPITALS_INITIALS = re.compile(rf"{BODY_WORDS}|{alt(*STATES)}|[^\W\d_AEIOUYÁÉÍÓÚ]+")
_INITIALS_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_AEIOUYÁÉÍÓÚ]{2,}\s$")
_NUMBERED = re.compile(r"[-/]\d")   # "MEX/104", "A-691": a series' letters
_NAME_BEFORE = re.compile(r"(?:AND|FROM|WITH|BETWEEN)\s$")
_SMALL_IN_CAPITALS = frozenset(("a", "an", "of", "the", "to", "in", "for", "at", "on", "by", "with", "from", "and", "or"))
_NAME_AFTER = re.compile(rf"\s+(?!(?i:{alt(*sorted(_SMALL_IN_CAPITALS))})\b)[^\W\d_]")   # "DPRK KIM IL": a name goes on


def _title_case(word: re.Match[str]) -> str:
    """A word in capitals as title case writes it: "STALIN" -> "Stalin", "OF" -> "of", "CPSU" and "BCP" kept."""
    lower = word[0].replace("İ", "I").lower()   # its places kept: "İ" is the one capital two letters in lower case
    if word.string.startswith(".", word.end()):
        return word[0][0] + lower[1:]   # "MR.", "LT.", "A.": abbreviations and initials
    if _NUMBERED.match(word.string, word.end()):
        return word[0]
    if lower == "to" and _NAME_BEFORE.search(word.string, 0, word.start()):
        return "To"   # "LE DUAN AND TO HUU": a name's, as title case writes it
    if lower in _SMALL_IN_CAPITALS or lower == "s" and word.string[word.start() - 1:word.start()] in "'’" \
            or word.start() and word.string[word.start() - 1].isdigit():
        return lower   # "OF", "A", "WALLACE'S", "10TH"
    return word[0] if _CAPITALS_INITIALS.fullmatch(word[0]) or len(lower) < 5 and (
        _INITIALS_BEFORE.search(word.string, 0, word.start()) and not _NAME_AFTER.match(word.string, word.end())
        or word.string[word.start() - 1:word.end() + 1] == f"({word[0]})") else word[0][0] + lower[1:]   # "CC UCY", "(CNEA)"


def _in_capitals(text: str) -> bool:
    """Whether the text is written in capitals, one stray small letter aside (a sample's "FOZ DO IGUAçU"), and an "and" or
    "or" written small ("DELEGATES FROM VIETNAM and LAOS"); two small letters of ASCII say not at once, as in most titles."""
    text = _CAPITALS_ASIDE.sub("", text)
    return not _TWO_SMALL.search(text) and sum(map(str.islower, text)) <= 1 and sum(map(str.isupper, text)) > 1


@text_cache(64)  # doc_type and parties read each title in turn: the second asks again
def _read(title: str) -> _Reading:
    """The title's container author (if any), the document's own title, and that title cleaned of notes and dates."""
    title = _CONNECTIVE.sub(lambda m: m[1], " ".join(title.split()))
    title = _RE.sub(lambda m: m[0] if m[0] == "Re" and m.start() and not (m[2] or small_words_titled(title))
                    and not _known(title[:m.start()].split()[-3:], ending=True)
                    else m[1] + ("GARDING" if m[1] == "RE" else "garding"), title)
    if capitals := _in_capitals(title):   # read as title case writes it ("the Delegation of the CPSU"); `parties` gives
        title = _CAPITALS_WORD.sub(_title_case, title)   # its names as written
    if (m := _HERE.search(title)) and _begins_with_kind(_POSSESSIVE_START.sub("", inner := title[m.end():])):
        return _Reading(None, inner, _clean(inner), outer=title[:m.start()], capitals=capitals)
    author, text, signed = _split_container(title)
    return _Reading(author, text, _clean(text), signed, capitals=capitals)


def _split_container(title: str) -> tuple[str | None, str, bool]:
    """"From the Diary of X: <document>" -> (X, <document>, False); "X, 'Title'" -> (X, <title>, True)."""
    for pattern, needs_kind in _CONTAINERS:
        m = pattern.match(title)
        if m and (not needs_kind or _begins_with_kind(_QUALIFIERS.sub("", m["inner"] or ""))):   # "Verbal Report"
            inner = (m["inner"] or "").strip().strip("'‘’\"“”")
            return (m["author"].strip() or None), inner, False
    m = _SIGNED.match(title)
    author = _NUMBER.sub("", m["author"]).strip(" ,") if m else ""   # "Captain Ion Iordache, No. 32/II/0012309, 'Memo'"
    if m and find_kind(author) is None and (_namelike(author.replace(" to ", " ")) or is_body(author)):
        inner = m["inner"].strip()
        return author, inner if _begins_with_kind(inner) else title, True
    return None, title, False


_POSSESSIVE_START = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’][sS]\s+")


def _begins_with_kind(text: str | None) -> bool:
    found = find_kind(_POSSESSIVE_START.sub("", (text or "").lstrip("'‘\"“ ")))
    return bool(found) and found[1] == 0


def _clean(text: str) -> str:
    """The title's words, its spaces single (as _read leaves them: some guards look for a word after one space)."""
    for pattern, replacement in _CLEAN:
        text = pattern.sub(replacement, text)
    start = len(text) - len(text.lstrip(_TRIM))
    cleaned = text.strip(_TRIM)
    if text.startswith(".", start + len(cleaned)) and _INITIAL_AT_END.search(cleaned + "."):
        cleaned += "."   # a title ending in "... King Jr." or "... the U.S." keeps that period
    return cleaned


def _assign(kind: str | None, lead: list[str], before: list[tuple[str, str]], rest: str, recorded: bool = False) -> Parties:
    talk = kind in _TALKS
    after = _slots(rest, kind=kind)
    slots = before + (_talked(after, recorded) if talk else after)
    talk = talk or any(key in ("with", "between") for key, _ in slots)
    roles: dict[str, list[str]] = {"senders": [], "recipients": [], "participants": []}
    roles["participants" if talk else "senders"].extend(lead)
    role = "participants"
    for key, segment in slots:
        if talk and key == "by":   # "Reception by A of B", "Conversation by A with B": the host talks too
            host, *guest = _GUEST.split(segment, maxsplit=1)
            hosted = guest and _namelike(host) and not is_role(_tidy(host))   # not "the Chairman of ..., Mao Zedong"
            roles["participants"].extend(_items(host) + _items(guest[0]) if hosted else _items(segment))
            continue
        if key == "made by" and not talk:
            continue   # "the Committee Formed by the Party": who made a party is none (but the host of a talk's takes part)
        # the one a party is "led by" or "headed by" takes its part: in a talk, or sending a message ("Telegram from the
        # Delegation Headed by Mikoyan to ...")
        role = role if key in ("led by", "headed by") else _ROLE_OF.get(key, "participants" if talk else "senders")
        # where a talk was had is no party of it after the one it was with ("with Mao Zedong Beijing", as before it:
        # `_before`), looked for before the list is read ("Brandt West Berlin" was "Berlin", the name after a compass's
        # word) and in each name it reads (a topic's "of" is left alone); but where the list reads the place into its last
        # name, that name loses it after (the place made the names alike in length: "Kim Il Sung, Pak Hon-yong Pyongyang")
        items = _items(segment, between=key == "between")
        if talk and key in ("with", "between") and items and _without_setting(items[-1]) == items[-1]:
            items = _items(_without_setting(segment), between=key == "between")
        if talk and key == ",":   # and after it: "Zhou Enlai-Kissinger Talks, Beijing"
            items = tuple(item for item in items if shipped_names().kind(item) != "place")
        elif talk:
            items = tuple(map(_without_setting, items))
        roles[role].extend(items)
    if talk:   # a gathering named by the talk's setting is where it was had, no party of it (but a letter's is)
        roles["participants"] = [p for p in roles["participants"] if not _SETTING_GATHERING.fullmatch(p)]
    return Parties(*(_dedupe(roles[r]) for r in ("senders", "recipients", "participants")))


def _talked(slots: list[tuple[str, str]], recorded: bool = False) -> list[tuple[str, str]]:
    """A talk has no sender: the one "a Phone Call from Stalin" or "Conversation from [Mao Zedong's] Audience" names
    takes part in it, and so does the one such a talk is "to" ("a Phone Call from Stalin to Mao Zedong") or who received
    its party ("with the Delegation Received by Mao Zedong"), as the samples label a talk's people. But the record of a
    talk is sent as a document is, and a body it is "to" is its recipient, no party of the talk: "Memorandum of
    Conversation from Ambassador Puzanov to the CPSU Central Committee"."""
    talked, spoken = [], False
    for key, segment in slots:
        spoken = spoken or key in ("from", "by")
        addressed = recorded and key == "to" and is_body(segment)
        talked.append(("with" if key in ("from", "received by") or (spoken and key == "to" and not addressed) else key, segment))
    return talked


def _slots(rest: str, kind: str | None = None) -> list[tuple[str, str]]:
    """Split what follows the kind into (keyword, segment) pairs: ("from", "A. Mikoyan"), ("to", ...)."""
    talk = kind in _TALKS
    m = _LEAD.match(rest)
    if m and m["kept"] and kind not in _KEPT_BY_WRITER:
        m = None   # "Letter Kept by the Archive": who keeps a letter holds it, no writer
    if m:
        key, body = m["key"].lower(), rest[m.end():]
        key = _by_whom(m["made"]) if m["made"] and key == "by" else key
        if key == "," and (_is_record(body) or _POSSESSIVE_START.match(body)):
            # "Cable, Summary of ... Meeting with ...": the record's people (`_inner_record`), not a sender;
            # "Telegram, Haig’s Visit to Mexico": a subject
            return []
        if key == "of" and talk and (people := _BETWEEN_PEOPLE.search(body)):
            # "Discussion of US-Soviet Relations between Nixon and Brezhnev": a talk "between" names all its people, so
            # what it is "of" before them is what they talked about
            key, body = "between", body[people.end():]
        comma = None if key == "," else _COMMA_PAIRED.search(body)   # the talks after a sender's, "from Beijing, ..."
        if kind in (*_TALKS, *_DISPATCHES) and (key == "," or comma) and (pair := _PAIRED.match(body, comma.end() if comma else 0)):
            # "Memorandum of Conversation, CPSU-CCP Talks", "Cable, Nehru-Khrushchev Talks": the talks recorded or
            # reported, named by their two parties, as alone, and those they had them with ("Vance-Gromyko Meeting with
            # Brezhnev"); and so after its sender ("Cable from Beijing, Mao-Khrushchev Talks")
            # (its writer, "by", sends it still, though the talks make the title a talk's, whose host takes part)
            sender = _slots(rest[:len(rest) - len(body) + comma.start()], kind) if comma else []
            sent = [("from" if before == "by" else before, segment) for before, segment in sender]
            met = _slots(body[pair.end():], kind) if _PEOPLE_NEXT.match(body, pair.end()) else []
            return sent + [("with", name) for name in _pair(pair) if _two_people(pair)] + met
    elif _bare_to(rest) or (kind and _NAME_NEXT.match(rest) and not _PARTICIPLE.match(rest)):
        key, body = "", rest  # "G. Zhukov to the CPSU CC", "Memorandum of Conversation Austrian Chancellor ...",
        # "Untitled report [the Polish Minister of Foreign Affairs] Stefan Olszowski concerning ..."
    elif sent := _SENT_BY.search(rest):
        key, body = "by", rest[sent.end():]   # "Report on the 1st conference ... sent by Tahmaz Beqari, to ..."
    elif sent := _SENT_TO.search(rest):
        key, body = "to", rest[sent.end():]
    else:
        return _reported(rest, talk)
    reported = _reported(body, talk)
    if (joined := _JOINED.sub("", _EVENT.sub(" with ", body))) != body:   # "A's Meeting with B": a talk looked for anew
        body, reported = joined, reported or _reported(joined, talk)
    slot = _SLOT if _ADDRESSED_AND_TO.search(rest) or _known(m[1].split() if (m := _AND_TO.search(rest)) else []) else \
        _SLOT_AND_TO if small_words_titled(rest) else _SLOT_LOWER_TO
    pieces = slot.split(_without_topic(_SUBTITLE.sub("", body)))
    slots: list[tuple[str, list[str]]] = [(key, [pieces[0]])]   # each slot's pieces, joined once at the end
    words = [k.lower() for k in pieces[2::3]]
    addressed = key == "to" or "to" in words
    # the brackets the last slot leaves open, in a title that closes each it opens (one never closed is a slip, whose
    # words run on to no end: "from Lodge (Saigon to Rusk")
    opened, closed = _opened(pieces[0]), _opened(body) <= 0
    for anded, word, segment in zip(pieces[1::3], words, pieces[3::3]):
        if word == "by" and (made := _participle(_MADE_AT_END, slots[-1][1][-1])):
            word = _by_whom(made[0][1:])
            slots[-1][1][-1] = slots[-1][1][-1][:made.start()]
        elif word == "to" and (passed := _participle(_PASSED_ON_AT_END, slots[-1][1][-1])):
            slots[-1][1][-1] = slots[-1][1][-1][:passed.start()]
        if _runs_on(slots[-1][1][-1], word, segment, addressed) or closed and opened > 0 \
                or _whence(slots[-1][0], slots[-1][1][-1], anded, word, segment):
            slots[-1][1].extend((word, segment))   # lowered, as the grammar reads it: "Ambassador to Jordan", not "To Jordan"
            opened += _opened(segment)
        else:
            slots.append((" ".join(word.split()), [segment]))
            opened = _opened(segment)
    return [(key, " ".join(parts)) for key, parts in slots] + reported


def _without_topic(text: str) -> str:
    """The text before its topic (`_TAIL`); but an "on" in a body's name the names table lists begins none: "from the
    Council on Foreign Relations to Kennedy", nor does the "at" of a delegation's post, a gathering or a body: "from the Brazilian
    Delegation at the 17th Session of the UN General Assembly (Afonso Arinos)", nor the "on" before that gathering's field:
    "from the Soviet Delegation at the Conference on Disarmament"."""
    start, at_gathering, opened, counted, closed = 0, False, 0, 0, _opened(text) <= 0   # (brackets as `_slots` reads them)
    while topic := _TAIL.search(text, start):
        opened, counted = opened + _opened(text, counted, topic.start()), topic.start()
        on = _ON.match(text, topic.start())
        if closed and opened > 0:
            start = topic.start() + 1   # a bracket's words are one name: "from Geneva (Conference on Disarmament)"
        elif on and (_listed_body(text[:on.start()], text[on.end():], "on") or at_gathering and _ABSTRACT_FIRST.match(text, on.end())):
            start = on.end()
        elif text.startswith(" at ", topic.start()) and text[:topic.start()].endswith(("Delegation", "Delegations")) \
                and is_body(text[topic.start() + len(" at "):]):
            start, at_gathering = topic.start() + len(" at "), True
        else:
            break
    return text[:topic.start()] if topic else text


def _opened(text: str, start: int = 0, end: int | None = None) -> int:
    """How many more brackets the text opens than it closes: inside one, no slot or topic begins ("(Delegation to the
    Conference on ...)"); counted a piece at a time, as the pieces are read."""
    return text.count("(", start, end) - text.count(")", start, end)


def _participle(at_end: re.Pattern[str], party: str) -> re.Match[str] | None:
    """The participle that ends a party, unless it is a name's word: a given name ("Ahmed by", ", Ahmed to") or one after
    a given name or an initial ("Herbert Read by", "Benjamin H. Read by"); a writer's ("Mohammed Signed by") is no name's."""
    found = at_end.search(party)
    if not found:
        return None
    words = [found[0].strip(" ,").split()[0]]
    if _WRITING.fullmatch(words[0]):
        return found
    if found[0][0] != ",":   # (after a comma the word before ends another party)
        words += party[:found.start()].split()[-1:]
    return None if any(is_given_name(word) or re.fullmatch(r"[A-Z]\.", word) for word in words) else found


def _by_whom(made: str) -> str:
    """The slot "by" opens after a participle: who leads a party takes its part, who received or saw the paper received it,
    who wrote or sent it sends it; but who formed, elected or holds the party before it makes none ("the Committee Formed
    by the Party"), nor does who did anything else to the paper: "Report Requested by", "Letter Answered by", "Translated
    by" name no sender, so a participle no list knows names no one."""
    return "headed by" if _LEADING.match(made) else "received by" if made in ("Received", "Seen") else \
        "by" if _WRITING.match(made) else "made by"


def _known(words: list[str], ending: bool = False) -> bool:
    """Whether the names table knows a name the words begin with ("STALIN", "Mao Zedong"), or end with (`ending`)."""
    return any(shipped_names().kind(" ".join(words[n:] if ending else words[:n + 1])) for n in range(len(words)))


def _whence(key: str, before: str, anded: str | None, word: str, segment: str) -> bool:
    """Whether "from" after a body that takes part, owns or sends the document says where it came from, one party with it:
    "with a Delegation from Guinea", "from the Delegation from Hanoi", "by the Delegation from Hanoi", "with Journalists
    from Asahi Shimbun", "Delegates from Vietnam and Laos"; unless what follows reads as a person, who is still the
    sender: "Letter of the CPSU Central Committee from Khrushchev", nor after "and", which begins a second sender: "from
    the Embassy and from the Ministry". A place, a body, a paper or a firm need not be known to the grammar to be no
    person. A place one is recalled from is his post ("Recall of the Soviet Ambassador from Pyongyang"), but a body or a
    person sends the recall."""
    if word == "from" and _RECALL_OF.match(before):
        return _is_place(_ARTICLE.sub("", segment.strip()))
    return word == "from" and not anded and key in ("with", "between", "of", "from", "by") and bool(_BODY_AT_END.search(before)) \
        and not _reads_as_person(segment)


_INITIALS_FIRST = re.compile(r"(?:[A-Z][a-z]?\.\s*)+[A-Z][a-z]")   # "A. A. Gromyko", "Yu.V. Andropov"


def _lone_name(text: str) -> bool:
    """"Novotny", "Kennedy": one word that is no place, body, role, paper's word nor abstract noun, which after a party's
    organ is a name the names table need not know ("the Central Committee, Novotny")."""
    return " " not in text and not (_is_place(text) or is_body(text) or is_role(text) or _papers_word(text)
                                    or _ABSTRACT_ONLY.fullmatch(text))


def _papers_word(text: str) -> bool:
    """"Telegram", "Request", "Excerpt": one word that says what a paper is or is part of, no one's name, where a title
    cut short goes on after its parties ("Letter to Stalin, Request"). Not an abstract noun's shape, which a name among
    names may have too ("Kennedy, Harkness", "Tito, Jankovics")."""
    return " " not in text and bool(find_kind(text) or _MESSAGE_ONLY.fullmatch(text) or _NOT_AUTHOR.fullmatch(text))


def _reads_as_person(segment: str) -> bool:
    """Whether the first party of a segment reads as a person: the names table knows it as one ("Khrushchev", "Andrei
    Gromyko"), or it has initials ("A. A. Gromyko") or begins with a known given name, or a family name written first,
    and goes on ("Henry Kissinger", "Liu Xiao");
    a place the grammar knows ("the U.S.S.R.", "Georgia" is no given name here) or a body ("Israel Defense Forces") never
    does."""
    first = _SEP.split(segment.strip(), maxsplit=1)[0].strip()
    words = first.split()
    if not words or _PLACE_FIRST.fullmatch(first):
        return False
    kind = shipped_names().kind(first)
    return kind == "person" or kind is None and (bool(_INITIALS_FIRST.match(first)) or (
        len(words) > 1 and (is_given_name(words[0]) or family_name_shape(words[0]) is not None) and begins_a_name(words[1][:1])))


def _runs_on(before: str, word: str, segment: str, addressed: bool, asking: bool = False) -> bool:
    """Whether "for", "to" or "with" continues a role's or a body's name instead of starting a slot: "Ambassador to
    Mexico", "Adviser to the Bulgarian Embassy in Beijing, Ivan Dimitrov", "Deputy to the Supreme Soviet Sakharov",
    "National Center for the Liberation of Eastern Turkestan", and, in a message with its addressee ("to ..."), before or
    after, "Committee for State Security", "Commission for Liaison with Foreign Communist Parties"; a party's cause is its
    name's ("from the Chilean Party for Democracy", "to the Chilean Party for Democracy") unless the paper asks (`asking`)
    for what follows: "Request to the Soviet Party for Solidarity", though not of "the Party" alone."""
    if word == "to" and _TRAVEL_AT_END.search(before):
        return True   # "His Visit to Washington to the Central Committee": where he went is no addressee
    if _ROLE_AT_END.search(before):
        # a country an envoy is posted to ("Ambassador to Mexico", "to the DPRK", "to the UN"), not a party ("to the CC CPSU")
        return word == "for" or word == "to" and (_COUNTRY_FIRST.match(segment) or (
            is_body(segment.split(",")[0]) and "," in segment and _namelike(segment.split(",")[1].strip()))
            or _SEAT_AT_END.search(before) and is_body(segment) and _namelike(held := name_in(segment)) and held != segment)
    if word == "for" and _BODY_AT_END.search(before):
        if _listed_body(before, segment) or _field_before_name(segment):
            return True
        if asking and addressed and _ASKED_FOR.match(f" for {segment}") and not _FOR.search(segment):
            return False   # "Request to the Ministry for Aid": what is asked is no field (but "... for Aid" may follow one)
        if _NO_FOR_IN_NAME.search(before):
            return (before.endswith(("the Party", "The Party")) or not asking and before.endswith("Party")) and bool(_CAUSE.match(segment))
        if asking and (named := _NAMED_BODY.search(before)):
            # a cause named as a thing is a council's name's ("the National Council for the Liberation of ..."), no organ's
            return not named["organ"] and segment.startswith(("the ", "The "))
        return addressed or bool(_ABSTRACT_FIRST.match(segment)) or _served_place(segment)
    return word == "with" and bool(_ABSTRACT_AT_END.search(before)) and is_body(segment)


def _field_before_name(segment: str) -> bool:
    """Whether the first party after a body's "for" is its field and then a person, no role between: "the Institute for
    Nuclear Research Georgy Flerov", "the Committee for Peace Nikolai Tikhonov" (the field is no addressee's name)."""
    words = _SEP.split(segment.strip(), maxsplit=1)[0].split()
    given = next((i for i, w in enumerate(words) if is_given_name(w) or family_name_shape(w) is not None), 0)
    field = " ".join(words[:given])
    return 0 < given < len(words) - 1 and all(begins_a_name(w[:1]) and w.lower() not in _SLOT_WORDS for w in words) \
        and not _ROLE_WORD.search(field) and not _HONORIFIC_AND_WORD.search(field)


def _served_place(segment: str) -> bool:
    """Whether the first party after a body's "for" is a place of two words or more that reads as no one, the field the body
    serves: "the Department for West Berlin", "... for South Korea" (but two words of no place may be a name whose given
    name the grammar does not know: "the Central Intelligence Agency for Walt Rostow" writes to him)."""
    first = _SEP.split(segment.strip(), maxsplit=1)[0]
    words = first.split()
    return len(words) > 1 and (bool(_COMPASS_PLACE.match(first)) or shipped_names().kind(" ".join(words[:2])) == "place") \
        and not _reads_as_person(first) and not _ROLE_WORD.search(first) and not _HONORIFIC_AND_WORD.search(first)


def _listed_body(before: str, segment: str, word: str = "for") -> bool:
    """Whether the names table lists a body whose name runs on through the `word` between `before` and `segment`: "the
    Supreme Council for National Reconstruction", "the State Committee for Science and Technology", "the Council on
    Foreign Relations" (a name of at most `_LISTED_WORDS` words on either side, each end a capitalized word)."""
    table = shipped_names()
    ends, goes_on = before.split()[-_LISTED_WORDS:], segment.split()[:_LISTED_WORDS]
    for start in (i for i, end_word in enumerate(ends) if begins_a_name(end_word[:1])):
        for end in (i + 1 for i, next_word in enumerate(goes_on) if begins_a_name(next_word[:1])):
            name = " ".join([*ends[start:], word, *goes_on[:end]])
            if (listed := table.lookup(name)) and table.kind(listed) == "organization":
                return True
    return False


def _reported(text: str, talk: bool = False) -> list[tuple[str, str]]:
    """The people of talks a document reports: "... on a Conversation between A and B" -> ("with", "A and B"), and
    the one whose talks they were: "about A.N. Kosygin’s Conversation With B" -> ("with", "A.N. Kosygin")."""
    m = _REPORTED_TALK.search(text)
    on = _ON_PAIRED.search(text)
    # "on the Kim Il-sung - Zhou Enlai Talks": the two who had them, unless the document is a talk, or a talk named
    # before is the one reported ("Conversation between Gromyko and Rusk on the Brezhnev-Nixon Talks", "Kosygin's
    # Conversation with Zhou Enlai on the Brezhnev-Nixon Talks": those talks are their topic); they met, and the document
    # stays no talk, whose writer sends it ("Report by Gromyko on the Brezhnev-Nixon Talks")
    if on and not talk and (m is None or on.start() <= m.start()) and _two_people(pair := _PAIRED.match(text, on.end())):
        return [("meets", name) for name in _pair(pair)]
    if m is None:
        return []
    said = m["who"] if m["key"] != "from" or "call" in m[0].lower() else None   # from whom a phone call came
    hosts = _HEADED_BY.split(m["host"] or "")   # a delegation and the one it is led by
    # a second host, who reads as a person without his role; not where or when they met ("Beijing", "Afternoon Session")
    also = m["also"] if m["also"] and _reads_as_person(strip_roles(m["also"])) else None
    return [("with", who) for who in (m["owner"], *hosts, also, _TAIL.sub("", said or "")) if who]


def _unglossed(text: str) -> str:
    """"Premier Chou En-Lai's [Zhou Enlai's] Letter" -> "Premier Chou En-Lai [Zhou Enlai]'s Letter": a name and its
    gloss own what follows. "The Chancellor's [Helmut Kohl's] Meeting" -> "Helmut Kohl's Meeting": the gloss names
    who holds the role, and he owns it. The owner is read back word by word, as in `_possessor`."""
    m = _GLOSSED_WHO.search(text)
    if m is None:
        return text
    parts = re.split(r"(\s+)", text[:m.start()])
    words = len(parts)
    while words > 0 and _CAPITALIZED.fullmatch(parts[words - 1]):
        words -= 2
    owner = "".join(parts[words + 1:])
    if not owner:
        return text
    if is_role(strip_roles(_LEADING_ARTICLE.sub("", owner))):
        return f"{''.join(parts[:words + 1])}{m[1]}'s{text[m.end():]}"
    return f"{text[:m.start()]} [{m[1]}]'s{text[m.end():]}"


def _bare_to(text: str) -> bool:
    """"G. Zhukov to the CPSU CC": names, " to ", more; no word before the names but capitalized ones, and no verb of
    a sentence ("The Former Japanese Prime Minister Ishibashi Tanzan Hopes to Visit China ...")."""
    head = text.split(" to ")[0].split(",")[0] if " to " in text else ""
    return _namelike(head) and not _NATION_FIRST.match(head) and not _GENERIC.search(head) and not _SENTENCE.search(head)


def _namelike(text: str) -> bool:
    words = text.replace(",", " ").split()
    return bool(words) and all(begins_a_name(w[0]) or w[0] in "[‘–—-" or w.split("-")[0] in _PARTICLES for w in words)


@text_cache(4096)   # the same lists of parties recur from title to title ("Mao Zedong", "Zhou Enlai")
def _items(segment: str, between: bool = False) -> tuple[str, ...]:
    """A list of names, "A, B, and C"; a comma after the last item starts a tail (a role, a place), unless the
    last item is a role alone, a paper's word or a place and the tail is a name ("Member of the Polish Politburo, Zenon Kliszko").
    A semicolon separates as a comma does (and no name holds one: it joins a list's items in CSV). A message's word alone
    says what the paper is, no one's name: "Letter of Thanks from ...", "Protest Note to ...", and so does a part's:
    "Enclosure to the Letter from ...", "Postscript to Stalin"."""
    parts = [p.strip() for p in segment.replace(";", ",").split(",")]
    # "Luiz Augusto de Castro Neves, Deputy Chief of Energy and Mineral Resources, ...": a role set off after a name
    # says who the name is, and its "and" joins no names; but a role that names its holder is a party of the list
    # ("between Mao Zedong, Minister of Light Industry Pak Il-u and Liu Shaoqi")
    if len(parts) > 1:
        parts = [p for i, p in enumerate(parts) if not (i and is_role(p) and _namelike(parts[i - 1]) and not is_role(parts[i - 1])
                                                        and name_in(p) == p)]
        # those named after a party's organ, or a post in it, hold its posts and are the party alone, as with no comma:
        # "VKP(b) CC, Stalin and Molotov", "the Secretary of the CC CPSU, Brezhnev", "the Central Committee, Novotny"
        parts = [p for i, p in enumerate(parts) if not (i + 1 < len(parts) and _PARTY_ORGAN_AT_END.search(_tidy(p))
                                                        and _namelike(parts[i + 1])
                                                        and (_reads_as_person(parts[i + 1]) or _lone_name(parts[i + 1])))]
        segment = ", ".join(parts)
    if _names_only(parts):   # "A. S. Kapto, A. S. Pavlov, Ye. Z. Razumov", but a place the table knows after the first is
        # where they were ("Johnson, Saigon"; "Berlin, G.D.R." is a place)
        return tuple(_tidy(part) for i, part in enumerate(parts) if not (i and shipped_names().kind(part) == "place"))
    joins = list(_AND.finditer(segment)) if len(parts) > 1 else []   # only a comma after the last join ends the list
    comma = segment.find(",", joins[-1].end() if joins else 0)
    tails = [part.strip() for part in segment[comma + 1:].split(",")] if comma >= 0 else [""]
    while len(tails) > 1 and is_role(tails[0]) and not _namelike(tails[0]):   # "Chairman of the SPD, Chairman of the SI, Willy Brandt"
        tails.pop(0)
    tail = tails[0]
    segment = segment if comma < 0 else segment[:comma]
    items = [_tidy(part) for part in _parts(segment, between)]
    # "Polish Embassy, Washington", "... Washington (Van Roijen)", "... Cao Bang", and any role's post: "Assistant Secretary, Washington"
    if items and tail and (_MISSION_AT_END.search(items[-1]) and (_CITY.fullmatch(tail) or shipped_names().kind(tail) == "place")
                           or is_role(items[-1]) and _is_place(tail)) and not _ROLE_WORD.search(tail):
        # and its country or a body after it: "Ambassador, Moscow, USSR", "Ambassador, Saigon, Embassy"
        items[-1] = ", ".join([items[-1], *tails[:2 if tails[1:] and (_is_place(tails[1]) or is_body(tails[1])) else 1]])
    elif items and tail and _namelike(tail) and not _COUNTRY_FIRST.fullmatch(_tidy(tail)) and not _papers_word(tail):
        if is_role(items[-1]) or _papers_word(items[-1]):   # "Excerpt, Stalin to Mao": the paper is his
            items[-1] = _tidy(tail)
        elif _COUNTRY_FIRST.fullmatch(items[-1]) or is_body(items[-1]) and _reads_as_person(tail):
            # "from Beijing, Mao Zedong to ...": the place of dispatch, then the sender; "from Chinese Embassy, Liu Xiao":
            # a body, then the one who speaks for it (not its city: "Polish Embassy, Washington", above)
            items.append(_tidy(tail))
    return tuple(_distribute([item for item in items if any(map(begins_a_name, item)) and item != "Others"
                        and not _is_kind_phrase(item) and not _MESSAGE_ONLY.fullmatch(item) and not _NOT_AUTHOR.fullmatch(item)
                        and not _RECALL_OF.match(item)
                        and not _PRONOUN.match(item)
                        and not _SENTENCE.search(item) and not _ABSTRACT_ONLY.fullmatch(item) and not _GENERIC_ONLY.fullmatch(item)
                        and not _TOPIC_ONLY.fullmatch(item) and not _PAIRED.fullmatch(item)   # "Mao-Khrushchev Talks"
                        and not (_QUALIFIERS.fullmatch(item) and _TALK_SETTING.search(item))]))   # "Farewell Dinner"


def _parts(segment: str, between: bool = False) -> list[str]:
    """The segment split at its separators, but the places listed after one a party is "from" (or a plural's "of" or
    "in", a role's "to") stay with it, all of them: "Delegates from Vietnam and Laos", "the Ambassadors in Beijing and
    Moscow", "a Delegation from Vietnam, Laos and Cambodia" are one party each, "the Delegation from Hanoi and Kim Il
    Sung" two. In a "between" slot the list's "and" separates its parties, so they are merged only when two parties are
    left: "between Delegates from North Korea and South Korea" is two, "between Zhou Enlai and Delegates from Vietnam and
    Laos" two too."""
    pieces = [part for i, piece in enumerate(_SEP_KEPT.split(segment)) for part in (_person_after_and(piece) if i % 2 == 0 else [piece])]
    parts, listing = [pieces[0]], False
    for separator, piece in zip(pieces[1::2], pieces[2::2]):
        listing = (listing or bool((m := _FROM_PLACE_AT_END.search(parts[-1].rstrip())) and _is_place(m["place"]))) \
            and _is_place(piece.strip())
        if listing or _shared_body(parts[-1], separator, piece):
            parts[-1] += separator + piece
        else:
            parts.append(piece)
    return pieces[::2] if between and len(parts) < 2 else parts


def _person_after_and(piece: str) -> list[str]:
    """"the Party for Democracy and Khrushchev" -> "the Party for Democracy", " and ", "Khrushchev": an abstract noun's
    "and" joins one name (`_AND_JOIN`), but what reads as a person after it is a second party."""
    for m in _AND_WORD.finditer(piece):
        if _reads_as_person(piece[m.end():]):
            return [piece[:m.start()], m[0], piece[m.end():]]
    return [piece]


def _is_place(text: str) -> bool:
    """A country the grammar knows, or a place the names table does ("Beijing", "Moscow")."""
    return bool(_COUNTRY_FIRST.fullmatch(text)) or shipped_names().kind(text) == "place"


def _shared_body(before: str, separator: str, after: str) -> bool:
    """"the Party and Government Delegation of the GDR", "Party and State Leadership": a body's word alone before "and"
    shares the body named after it, which is one party (but "the Ministry and Embassy", "the Party and the Government"
    are two)."""
    before, after = _ARTICLE.sub("", before.strip()), after.strip()
    return separator.strip().lower() == "and" and bool(_BODY_WORD_ALONE.fullmatch(before)) and after[:1].isupper() \
        and " " in after and is_body(after) and not is_role(after)   # not "State and Defense and Director of ..."


def _names_only(parts: list[str]) -> bool:
    """"A. S. Kapto, A. S. Pavlov, Ye. Z. Razumov", "Chamberlin, Ennis": names alike in length, with no "and", no role,
    body, place ("Patricio Aylwin, Santiago de Chile" is a name and a place, and so is "Eric Johnston, Jordan Valley") nor
    paper's word ("Stalin, Request")."""
    return len(parts) > 1 and len({len(p.split()) for p in parts}) == 1 and all(
        p and all(begins_a_name(w[0]) and w not in ("Of", "The") for w in p.split()) and not is_role(p) and not is_body(p)
        and not _COUNTRY_FIRST.fullmatch(p) and not PLACE_AT_END.search(p) and not _GENERIC.search(p) and not _papers_word(p)
        for p in parts)


def _is_kind_phrase(item: str) -> bool:
    """"Letter", "Audience", "Presidential Approval", "Luncheon Meeting": a kind word (after words that qualify it) left
    where a name was expected is not a party; but a meeting or a treaty named by its place or body is ("the Geneva
    Conference"), and so is a gathering, which a body's word names ("the Plenum", "the Preliminary Conference")."""
    found = find_kind(item)
    return bool(found) and found[2] == len(item) and not is_body(item[found[1]:]) and (
        found[1] == 0 or bool(_QUALIFIERS.fullmatch(item[:found[1]]))
        or len(item[:found[1]].split()) == 1 and found[0] not in (*_TALKS, "agreement"))


@text_cache(4096)   # the same parties recur from title to title ("the CPSU Central Committee")
def _tidy(item: str) -> str:
    item = _ARTICLE.sub("", strip_roles(item.strip())).strip(" ,;:?!")
    if (nation := _NATION_BEFORE.match(item)) and _reads_as_person(item[nation.end():]) \
            and shipped_names().kind(item) != "person":   # but "German S. Titov" (Gherman) is the table's person
        item = item[nation.end():]   # "East German Honecker", "Cuban Communist Antonio Nunez Jimenez": no name's words
    if item[:1] in "‘“" and item[-1:] in "’”":
        item = item[1:-1]   # a code name in quotes: "Agent ‘Gerard’"
    item = item.strip(" ,;:'’\"")
    if item.startswith("(") and item.endswith(")") and "(" not in item[1:]:
        item = item[1:-1]   # "the President (Syngman Rhee)": the role is gone, the name stays
    elif item.endswith(")") and "(" not in item:
        item = item[:-1].rstrip()   # "... (Notes from Meetings with Feng Xuan and Li Yimang)": the aside's end
    item = name_in(_without_place(_without_role(item)))
    if item.endswith(".") and not _INITIAL_AT_END.search(item):
        item = item[:-1]  # "Tsedenbal." -> "Tsedenbal", but "... N." and "... Jr." keep their periods
    # "between I.V. Stalin's and ...": a stray possessive, not a body's ("Hungarian ... Worker's and Peasant's Government")
    return item if _NATION_FIRST.match(item) else _POSSESSIVE_END.sub("", item)


def _without_role(item: str) -> str:
    """"Mir Bagirov CC Secretary of the Communist Party of Azerbaijan" -> "Mir Bagirov": a role after a name is not
    part of it; a role word that ends a name with nothing before or after it may be the name ("W.L. Mackenzie King")."""
    m = _ROLE_AFTER_NAME.search(item) if _ROLE_WORD.search(item) and not is_role(item) else None
    if m is None or not (m["qualifiers"] or m["after"].strip()) or _POSSESSIVE.search(m["qualifiers"]):
        return item   # "Kim Il Sung's Adviser": the role is someone's of his, and no name of "Kim Il"
    name = item[:m.start()]
    return name if " " in name and _namelike(name) and not is_body(name) and not is_role(name) else item


def _without_place(item: str) -> str:
    """"Zhao Ziyang in Beijing", "Deng Xiaoping of the People's Republic of China", "... head Boris N. Ponomarev in
    Moscow": a person's name has no "in" or "of", so what follows is a place or a time; a body's ("Embassy in Havana",
    "Ministry of Foreign Affairs") or a role's ("Secretary of the CC ...") keeps it, and so does one word before "of"
    a body ("Goverment of Republic of Korea", "Representative of the ... Council"): "Árbenz of Guatemala" is a name."""
    if (bracket := _BRACKET_AT_END.search(item)) and _is_place(item[:bracket.start()]) and _namelike(bracket[1]) \
            and not (_is_place(bracket[1]) or _MISSION_AT_END.fullmatch(bracket[1]) or bracket[1] in ("Conference", "Delegation")):
        # "Saigon (Lodge)", "Beijing (Xinhua)": a place writes nothing, the name or body in brackets does (but a mission's,
        # a delegation's or a conference's word alone is the place's: "Paris (Embassy)", "Geneva (Delegation)")
        return bracket[1]
    m = _PLACE_TAIL.search(item)
    if m is None or (m[1].lower() == "of" and " " not in item[:m.start()] and is_body(item[m.end(1):])) \
            or _PAIRED.fullmatch(item):   # talks named by their pair and their place: "Nixon-Mao Great Hall of the People Talks"
        return item
    head = item[:m.start()]
    named = name_in(head)
    if named != head:   # a name after a body or a role ("... Department Boris N. Ponomarev"), not a kind ("1st Meeting")
        return item if find_kind(named) else named
    return head if _namelike(head) and not is_body(head) and not is_role(head) else item


def _distribute(items: list[str]) -> list[str]:
    """"the Soviet and Chinese Delegations" -> "Soviet Delegation", "Chinese Delegation"; "Guangdong, Guangxi, Yunnan,
    and Fujian Provinces" -> "Guangdong Province", ..., "Fujian Province"."""
    *head, last = items or [""]
    words = last.split()
    if not head or len(words) < 2 or not words[-1].endswith("s"):
        return items
    noun = _UNITS.get(words[-1], words[-1][:-1])
    if not is_body(noun) and words[-1] not in _UNITS:
        noun = words[-1]   # "Chinese and Foreign Comrades" are groups each, not a "Foreign Comrade"
    shared = [i for i in head if _NATION_ONLY.fullmatch(i) or (words[-1] in _UNITS and " " not in i and not is_body(i))]
    if not shared:
        return items
    return [f"{i} {noun}" if i in shared else i for i in head] + [" ".join([*words[:-1], noun])]


def _dedupe(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_NOT_LETTER.sub("", name).casefold(), name)
    return tuple(seen.values())
