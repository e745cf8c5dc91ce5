"""Read a document's kind and the parties it names from an archive title."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

DOC_TYPE_HELP: dict[str, str] = {
    "telegram": 'wired dispatches: "Telegram", "Ciphered Telegram No. 25553", "Cipher Message No. 145101"',
    "cable": 'what the archive calls cables: "Cable, Mao Zedong to Filippov [Stalin]", "Outgoing Cable No. 18249"',
    "letter": 'letters and messages: "Letter from Seo Hwi ... to ...", "Letter, I. V. Stalin to ...", "Message from"',
    "conversation": 'talks: "Memorandum/Record/Minutes of Conversation", "Discussion between", "Conversation, A and B"',
    "meeting": 'meetings of bodies or delegations: "Record of a Meeting between", "Meeting of the Politburo ..."',
    "journal": 'diaries and journals with no other kind inside: "Journal of Soviet Ambassador ...", "Notepad of ..."',
    "memorandum": 'memoranda other than of conversation: "Memorandum for the Record from ...", "Memorandum to ..."',
    "report": 'reports and digests: "Report of Cde. Peng Dehuai about ...", "TASS Digest ...", "Information about ..."',
    "note": 'notes other than of conversation: "Note on Certain Characteristics ...", "Preparatory Notes for ..."',
    "resolution": 'decisions of a body: "Resolution", "Decision", "Decree" ("CPSU Politburo Decision to Adopt ...")',
    "instructions": 'instructions and directives: "Instructions to ...", "Directive ..."',
    "speech": 'speeches and addresses: "Zhou Enlai\'s Speech to ...", "Address by ...", "Remarks", "Toast"',
    "statement": 'public statements: "Statement", "Declaration", "Communique", "Appeal"',
    "agreement": 'agreements: "Agreement", "Treaty", "Protocol", "Accord"',
    "other": 'anything else, or an empty title: "Gazette of the State Council ...", "List of Products Brought Back"',
}
DOC_TYPES: tuple[str, ...] = tuple(DOC_TYPE_HELP)


@dataclass(frozen=True)
class Parties:
    """The parties a title names, spelled as written, roles and honorifics stripped."""

    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    participants: tuple[str, ...]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _alt(*options: str) -> str:
    return "(?:" + "|".join(options) + ")"


class _Guarded:
    """A pattern tried only when a cheap one it cannot match without is found (the date pattern is slow to fail)."""

    def __init__(self, pattern: re.Pattern[str], needs: str) -> None:
        self.pattern, self.needs = pattern, re.compile(needs)

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.needs.search(text) else text


_RECORD_OF = _alt("records?", "memorandum", "minutes", "transcript", "notes?", "summary", "excerpts?")
_MINUTES_OF = _alt(r"summary\s+record", "record", "minutes", "transcript", "protocol", r"stenographic\s+record",
                   r"stenographic\s+transcript", "notes")
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("conversation", _rx(rf"(?:\b{_RECORD_OF}\s+(?:of|on|from)\s+(?:an?\s+|the\s+)?"
                         r"(?:(?:first|second|third|last)\s+)?)?"
                         r"\b(?:conversations?(?:\s+records?)?|discussions?|talks)\b")),
    ("meeting", _rx(rf"(?:\b{_MINUTES_OF}\s+of\s+(?:an?\s+|the\s+)?(?:(?:first|second|third|joint|plenary)\s+)?)?"
                    r"\b(?:meeting|session|conference|plenum)s?(?:\s+minutes)?\b")),
    ("telegram", _rx(r"\b(?:(?:ciphered|cipher|coded|outgoing|incoming)\s+)?(?:telegram|ciphergram)s?\b"
                     r"|\bcipher\s+message\b")),
    ("cable", _rx(r"\b(?:(?:outgoing|incoming)\s+)?cables?\b")),
    ("letter", _rx(r"\b(?:letter|message)s?\b")),
    ("journal", _rx(r"\b(?:journal|diary|notepad|notebook)\b")),
    ("memorandum", _rx(r"\bmemorandum\b")),
    ("report", _rx(r"\b(?:report|digest|briefing|assessment)s?\b|^information\b")),
    ("note", _rx(r"\bnotes?\b")),
    ("resolution", _rx(r"\b(?:resolution|decision|decree)s?\b")),
    ("instructions", _rx(r"\b(?:instructions?|directives?)\b")),
    ("speech", _rx(r"\b(?:speech|address|remarks|toast)\b")),
    ("statement", _rx(r"\b(?:statement|declaration|communiqu[eé]|appeal)\b")),
    ("agreement", _rx(r"\b(?:agreement|treaty|protocol|accord)\b")),
)  # a tie at one position goes to the earlier kind: "Memorandum of Conversation" is a conversation
_ANY_KIND = re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in _KINDS), re.IGNORECASE)

_MONTH = _alt("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
_DAYS = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"  # "13", "1-2"
_DATE = rf"{_DAYS}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+{_DAYS},?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
_NOTE_WORDS = _alt("fragments?", "excerpts?", "extracts?", "session", "part", "draft", "undated", "abridged", "version")
_SECRET = _alt(r"top\s+secret", r"strictly\s+secret", "secret", "urgent", "confidential", r"eyes\s+only")
_CONTAINER = _rx(r"^(?:excerpts?\s+)?from\s+the\s+(?:diary|journal|notebook|notepad)\s+of\s+"
                 r"(?P<author>[^:,]+?)(?:\s*[:,]\s*(?P<inner>.+))?$")
# each pattern that is slow to fail is guarded by what it cannot match without (most titles have none of it)
_CLEAN: tuple[tuple[re.Pattern[str] | _Guarded, str], ...] = (
    (_Guarded(_rx(r"\s+for\s+the\s+record\b"), "(?i)record"), ""),                  # "Memorandum for the Record"
    (_Guarded(_rx(rf"\s*[(\[][^()\[\]]*\b{_NOTE_WORDS}\b[^()\[\]]*[)\]]"), r"[(\[]"), ""),  # "(fragments)", "[Excerpt]"
    # a quoted name inside: "Journal 'Novaya Koreya' Song"
    (_Guarded(re.compile(r"\s+['‘\"“«][^'’\"”»,]+['’\"”»](?=\s+[A-Z])"), "['‘\"“«]"), ""),
    (_Guarded(re.compile(r",?\s+['‘\"“«](?=\w).*$"), "['‘\"“«]"), ""),                # a quoted subject: ", 'Korea Has ...'"
    (_Guarded(re.compile(r"\s*(?:No\.?|Nº|N°|#)\s*\d[\w./-]*"), "No|N[º°]|#"), ""),   # "No. 76.247", "Nº 31343/31353"
    (_Guarded(_rx(rf",?\s*(?:\b(?:on|of|for|dated)\s+)?(?:{_DATE})"), r"\d{4}"), ""),  # "for 13 August 1960", ", July 28, 1967"
    (_rx(rf",\s*{_SECRET}\b.*$"), ""),                             # ", TOP SECRET, ..."
    (_rx(rf"^{_SECRET}\s+"), ""),                                  # "Top Secret Memorandum of ..."
)

_NATIONS = _alt("Soviet", "Chinese", "(?:North |South )?Korean", "Mongolian", "Polish", "Hungarian", "Romanian",
                "Czechoslovak", "Bulgarian", "Albanian", "Yugoslav", "(?:East |West )?German",
                "(?:North |South )?Vietnamese", "Cuban", "Japanese", "American", "British", "French", "Indian",
                "Indonesian", "Iranian", "Laotian", "Cambodian", "Egyptian", "Italian", "Austrian", "Afghan", "Burmese")
_MODIFIER = _alt(_NATIONS, "[A-Z]{2,6}", "Politburo", "Embassy", "Foreign", "Defen[cs]e", "Deputy", "First", "Vice",
                 "Acting", "Senior", "[Ff]ormer", "Chief", "Military")
_ROLE = _alt(r"General\s+Secretary", "Secretary[- ]General", r"First\s+Secretary", r"Secretary\s+of\s+State",
             "Secretary", r"Prime\s+Minister", "PM", "Premier", r"Minister(?:\s+of\s+(?:Foreign\s+Affairs|Defen[cs]e))?",
             "Chairman", "President", "Ambassador", r"Charg[eé]\s+d['’]\s?Affaires", "Consul[- ]General", "Consul",
             "Counsell?or", "Governor", "Governer", "Marshal",  # "Governer": a typo in a real title
             "[Ll]eader", "[Mm]embers?", "Envoy", "Attach[eé]",
             r"King(?!\s+[JS]r\b)", "Prince", "Shah", "Senator",   # "Martin Luther King Jr." is a name
             r"Editor(?:-in-Chief)?(?:\s+of\s+(?:the\s+)?(?:Journal|Newspaper|Magazine))?")
_COUNTRY = _alt("[A-Z]{2,6}", r"(?:[A-Z][\w’'-]*\s+)*?People[’']s\s+Republic(?:\s+of\s+[A-Z][\w-]*)?",
                r"Soviet\s+Union", r"United\s+(?:States|Nations)", r"(?:North\s+|South\s+)?(?:Korea|Vietnam)", "China",
                "Mongolia", "Japan", "Poland", "Hungary", "Romania", "Czechoslovakia", "Bulgaria", "Albania",
                "Yugoslavia", "Cuba", "Iran", "India", "Indonesia", "Laos", "Cambodia", "Egypt", "Germany", "Moscow",
                "Beijing", "Peking", "Pyongyang", "Hanoi", "Havana")
_NOT_ORG = "(?!" + _alt("Staff", "Committee", "Council", "Assembly", "Department", "Directorate", "Secretariat",
                        "Bureau", "Office", "Ministry", "Embassy", "Commission", "Command", "Delegation", "Government",
                        "Presidium", "Politburo") + r"\b)"  # "General Staff" is a body, not a role before a name
_HONORIFIC = _alt(r"Cdes?\.?", "Comrades?", r"Com\.", r"Tov\.", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.", r"Prof\.",
                  "Professor", r"Mme\.?", "Madame")
_ROLES: tuple[re.Pattern[str] | _Guarded, ...] = (
    # "Soviet Ambassador to the DPRK A.M. Puzanov", "the Chinese Ambassador to Mongolia, Zhang Canming"
    re.compile(rf"\b(?:the\s+)?(?:{_MODIFIER}\s+)*{_ROLE}(?:\s+(?:to|in|of|at)\s+(?:the\s+)?{_COUNTRY})?"
               rf"(?:\s+|,\s+)(?=[A-Z]){_NOT_ORG}"),
    # "the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov" (tried only on a title with an honorific)
    _Guarded(re.compile(rf"\b(?:the\s+)?(?:{_MODIFIER}\s+)*{_ROLE}\s+(?:of|to|in|at)\s+[^,]+,\s+(?={_HONORIFIC}\s)"),
             rf"{_HONORIFIC}\s"),
    re.compile(rf"\b{_HONORIFIC}\s+(?=[A-Z])"),
)
_ROLE_WORD = re.compile(_ROLE)

_WHO = r"(?P<who>(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['’]s\s+"  # "Mao Zedong’s ": capitalized words only
_POSSESSIVE_TAIL = re.compile(r"['’]s\s+(?:[A-Z]\w*\s+){0,2}$")  # "...'s Background " before "Report"
_CAPITALIZED = re.compile(r"[A-Z][\w.-]*")
_TAIL = _rx(r",?\s+" + _alt("about", "regarding", "concerning", "on", r"in\s+connection\s+with",
                             r"in\s+regard\s+to", "which", "that", "who", r"headed\s+by", r"led\s+by", "marked",
                             "transmitting", "containing", "enclosing", "forwarding", "conveying", "attaching",
                             r"for\s+(?:the|a|an)\s", r"at\s+(?:the|a|an)\s", r"based\s+on",
                             r"with\s+(?:a|an)\s+(?:letter|message|note|telegram|cable|request|report|copy|text)")
            + r"\b.*$")
_LEAD = _rx(r"\s*(?:(?:held|distributed|sent|addressed|delivered|written)\s+)?"
            r"(?:\b(of|from|to|for|between|with|by)\b\s+|(,|:)\s*)")
_SLOT = _rx(r"\s+\b(from|to|with)\b\s+")
_AND = re.compile(r"\s+and\s+|\s+[–—]\s+")
_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+[–—]\s+|\s+&\s+")
_PARTICLES = frozenset({"and", "de", "van", "von", "os", "al", "bin", "y", "la", "le", "du", "ibn"})
_NATION_ONLY = re.compile(_NATIONS)
_ROLE_OF = {"from": "senders", "by": "senders", "to": "recipients", "for": "recipients", "with": "participants",
            "between": "participants"}  # what follows each keyword; "of", "," and ":" depend on the kind

_WHO_RX = re.compile(_WHO)
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_INITIAL_AT_END = re.compile(r"\b(?:\w|[JS]r)\.$")   # an initial's period, or Jr.'s, is kept
_TRIM = " ,.;:'’\""
_NOT_LETTER = re.compile(r"[\W_]")

def doc_type(title: str) -> str:
    """The controlled-vocabulary kind of a document, from its title's wording ("other" if unknown)."""
    author, text, cleaned = _read(title)
    found = _find_kind(cleaned) or _find_kind(text)  # a kind only inside a quoted title still counts
    if found:
        return found[0]
    return "journal" if author else "other"


def parties(title: str) -> Parties:
    """The senders, recipients and participants a title names, as written."""
    author, _, cleaned = _read(title)
    text = _strip_roles(cleaned)
    found = _find_kind(text)
    kind, start, end = found if found else (None, len(text), 0)
    lead = [_strip_roles(author)] if author else []
    who = _possessor(text[:start]) if found else (m["who"] if (m := _WHO_RX.match(text)) else None)
    lead += [who] if who else []
    return _assign(kind, lead, _TAIL.sub("", text[end:] if found else text))


def _possessor(text: str) -> str | None:
    """The capitalized words just before a possessive 's that ends the text but for two capitalized words at most
    ("... Comrade Zimyanin's Background " -> "Zimyanin"), read back word by word (a pattern would try every start)."""
    tail = _POSSESSIVE_TAIL.search(text)
    if tail is None:
        return None
    parts = re.split(r"(\s+)", text[:tail.start()])
    words = len(parts)
    while words > 0 and _CAPITALIZED.fullmatch(parts[words - 1]):
        words -= 2      # the word, and the space before it
    return "".join(parts[words + 1:]) or None


@functools.lru_cache(maxsize=64)  # doc_type and parties read each title in turn: the second asks again
def _read(title: str) -> tuple[str | None, str, str]:
    """The title's container author (if any), the document's own title, and that title cleaned of notes and dates."""
    author, text = _split_container(" ".join(title.split()))
    return author, text, _clean(text)


def _split_container(title: str) -> tuple[str | None, str]:
    """"From the Diary of X: <document>" -> (X, <document>); the document's own kind wins."""
    m = _CONTAINER.match(title)
    if not m:
        return None, title
    return m["author"].strip(), (m["inner"] or "").strip().strip("'‘’\"“”")


def _clean(text: str) -> str:
    for pattern, replacement in _CLEAN:
        text = pattern.sub(replacement, text)
    start = len(text) - len(text.lstrip(_TRIM))
    cleaned = text.strip(_TRIM)
    if text.startswith(".", start + len(cleaned)) and _INITIAL_AT_END.search(cleaned + "."):
        cleaned += "."   # a title ending in "... King Jr." or "... the U.S." keeps that period
    return cleaned


def _strip_roles(text: str) -> str:
    before = None
    while before != text:
        before = text
        # the first two patterns are slow to fail and cannot match without a role word: skip them when there is none
        for pattern in _ROLES if _ROLE_WORD.search(text) else _ROLES[2:]:
            text = pattern.sub("", text)
    return text


def _find_kind(text: str) -> tuple[str, int, int] | None:
    """The earliest kind phrase in the text, with its span; a tie goes to the kind listed first."""
    m = _ANY_KIND.search(text)  # one scan: leftmost match, alternatives tried in the order of _KINDS
    return (m.lastgroup, m.start(), m.end()) if m and m.lastgroup else None


def _assign(kind: str | None, lead: list[str], rest: str) -> Parties:
    slots = _slots(rest, bare=kind is None)
    talk = kind in ("conversation", "meeting") or any(key in ("with", "between") for key, _ in slots)
    roles: dict[str, list[str]] = {"senders": [], "recipients": [], "participants": []}
    roles["participants" if talk else "senders"].extend(lead)
    for key, segment in slots:
        role = _ROLE_OF.get(key, "participants" if talk else "senders")
        roles[role].extend(_items(segment))
    return Parties(*(_dedupe(roles[r]) for r in ("senders", "recipients", "participants")))


def _slots(rest: str, bare: bool) -> list[tuple[str, str]]:
    """Split what follows the kind into (keyword, segment) pairs: ("from", "A. Mikoyan"), ("to", ...)."""
    m = _LEAD.match(rest)
    if m:
        key, body = (m[1] or m[2]).lower(), rest[m.end():]
    elif bare and " to " in rest and _namelike(rest.split(" to ")[0]):
        key, body = "", rest  # "G. Zhukov to the CPSU CC"
    else:
        return []
    pieces = _SLOT.split(body)
    return [(key, pieces[0]), *zip((k.lower() for k in pieces[1::2]), pieces[2::2])]


def _namelike(text: str) -> bool:
    words = text.replace(",", " ").split()
    return bool(words) and all(w[0].isupper() or w.split("-")[0] in _PARTICLES for w in words)


def _items(segment: str) -> list[str]:
    """A list of names, "A, B, and C"; a comma after the last item starts a tail (a role, a place)."""
    joins = list(_AND.finditer(segment))
    comma = segment.find(",", joins[-1].end() if joins else 0)
    segment = segment if comma < 0 else segment[:comma]
    items = [_tidy(part) for part in _SEP.split(segment)]
    return _distribute([item for item in items if any(c.isupper() for c in item)])


@functools.lru_cache(maxsize=16384)   # the same parties recur from title to title ("the CPSU Central Committee")
def _tidy(item: str) -> str:
    item = _ARTICLE.sub("", _strip_roles(item.strip())).strip(" ,;:'’\"")
    if item.endswith(".") and not _INITIAL_AT_END.search(item):
        item = item[:-1]  # "Tsedenbal." -> "Tsedenbal", but "... N." and "... Jr." keep their periods
    return item


def _distribute(items: list[str]) -> list[str]:
    """"the Soviet and Chinese Delegations" -> "Soviet Delegation", "Chinese Delegation"."""
    *head, last = items or [""]
    words = last.split()
    if not head or len(words) < 2 or not words[-1].endswith("s") or not any(_NATION_ONLY.fullmatch(i) for i in head):
        return items
    noun = words[-1][:-1]
    return [f"{i} {noun}" if _NATION_ONLY.fullmatch(i) else i for i in head] + [" ".join([*words[:-1], noun])]


def _dedupe(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_NOT_LETTER.sub("", name).casefold(), name)
    return tuple(seen.values())
