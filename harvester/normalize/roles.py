"""The words around a name in a title that are not the name: roles, honorifics, nationalities, bodies, places.

`strip_roles` takes roles and honorifics off ("Soviet Ambassador to the DPRK A.M. Puzanov" ->
"A.M. Puzanov"); `name_in` finds the person inside a party that also names a role or a body
("Secretary of the CC of the CP of Azerbaijan Mustafayev" -> "Mustafayev"). The word lists are
the grammar's vocabulary: extend them when a title shows a new role, nation or kind of body.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from importlib import resources

from harvester.normalize.kinds import KIND_PHRASES


def alt(*options: str) -> str:
    """A regular expression's group of alternatives."""
    return "(?:" + "|".join(options) + ")"


NATIONS = alt("Soviet", "Chinese", "(?:North |South )?Korean", "Mongolian", "Polish", "Hungarian", "Romanian",
              "Czechoslovak", "Czech", "Slovak", "Bulgarian", "Albanian", "Yugoslav(?:ian)?", "(?:East |West )?German",
              "(?:North |South )?Vietnamese", "Cuban", "Japanese", "American", "US", "British", "French", "Indian",
              "Indonesian", "Iranian", "Laotian", "Cambodian", "Kampuchean", "Egyptian", "Italian", "Austrian",
              "Afghan", "Burmese", "Algerian", "Pakistani", "Argentine", "Argentinian", "Brazilian", "Chilean",
              "Mexican", "Canadian", "Guinean", "Iraqi", "Israeli", "Syrian", "Saudi", "Ethiopian", "Somali",
              "Angolan", "Mozambican", "Nicaraguan", "Turkish", "Greek", "Finnish", "Swedish", "Norwegian", "Danish",
              "Dutch", "Belgian", "Spanish", "Portuguese", "Swiss", "Australian", "Ghanaian", "Malian", "Congolese",
              "Nepalese", "Thai", "Sri Lankan", "Ceylonese", "Palestinian", "Jordanian", "Lebanese",
              "Libyan", "Yemeni", "Sudanese", "Tanzanian", "Kenyan", "Nigerian", "Azerbaijani", "Kazakh", "Tibetan",
              "Russian", "Ukrainian", "Estonian", "Latvian", "Lithuanian", "Slovenian", "Croatian", "Serbian",
              "Zambian", "Zimbabwean", "Ugandan", "Senegalese", "Moroccan", "Tunisian", "Peruvian", "Venezuelan",
              "Colombian", "Bolivian", "Uruguayan", "Filipino", "Malaysian", "Singaporean", "Bangladeshi")
# a state's initials after a place's comma, no one's: "Seoul, R.O.K.", "Washington, D.C."
STATES = frozenset({"US", "USA", "UK", "UN", "USSR", "ROK", "DPRK", "PRC", "ROC", "GDR", "DDR", "FRG", "DRV", "DRVN", "CSSR",
                    "PRL", "SFRY", "UAR", "DC"})


def is_state_initials(text: str) -> bool:
    """Whether the text is a state's initials, however spaced and dotted: "D.C.", "R. O. K.", "USSR"."""
    return re.sub(r"[.\s]", "", text) in STATES


# a party's, an organ's or an agency's initials, no state's (which "DPRK", "USSR", "UN" are): shaped as a country's, they are
# none (`COUNTRY`), and no envoy is posted to one ("the Ambassador to the CC CPSU Brezhnev" writes to Brezhnev)
ORGAN_INITIALS = alt("TASS", "CC", "CPSU", "KWP", "CCP", "CPC", "MFA", "KGB", "NKVD", "SED", "HSWP", "PZPR", "PUWP", "BCP", "RCP",
                     "CPCz", "MPRP", "VWP", "CPV", "LCY", "PCI",
                     "MAE",   # a foreign ministry's in French, Spanish or Italian, as "MFA" is in English
                     r"VKP(?:\(b\))?")   # "(b)" optional: "\b" after ")" never matches before a space
# the second name of a country of two joined by "and", which is never a party alone: "Trinidad and Tobago"
AND_COUNTRY = alt("Tobago", "Herzegovina", "Barbuda")
COUNTRY = alt(rf"(?!{ORGAN_INITIALS}\b)[A-Z]{{2,6}}", r"U\.S\.(?:S\.R\.|A\.)?", r"[A-Z][a-z]+\s+SSR",
              r"(?:[A-Z][\w’'-]*\s+)*?People[’']s\s+Republic(?:\s+of\s+[A-Z][\w-]*)?",
              r"Soviet\s+Union", r"United\s+(?:States|Nations|Kingdom)", r"(?:North\s+|South\s+)?(?:Korea|Vietnam)",
              "China", "Mongolia", "Japan", "Poland", "Hungary", "Romania", "Czechoslovakia", "Bulgaria", "Albania",
              "Yugoslavia", "Cuba", "Iran", "Iraq", "India", "Indonesia", "Laos", "Cambodia", "Egypt",
              r"(?:East\s+|West\s+)?Germany", "Mexico", "Brazil", "Argentina", "Chile", "Israel", "Pakistan", "Ethiopia",
              "Afghanistan", "Azerbaijan", "Kazakhstan", "Guinea", "Algeria", "Syria", "Turkey", "Italy", "France",
              "Britain", r"Great\s+Britain", "Austria", "Canada", "Moscow", "Beijing", "Peking", "Pyongyang", "Hanoi", "Havana", "Ottawa",
              "Angola", "Mozambique", r"South\s+Africa", "Namibia", "Rhodesia", "Zimbabwe", "Zambia", "Tanzania", "Nigeria",
              "Ghana", "Congo", "Zaire", "Somalia", "Libya", "Tunisia", "Morocco", "Sudan", "Lebanon", r"Saudi\s+Arabia",
              "Kuwait", "Yemen", "Spain", "Portugal", "Greece", "Netherlands", "Belgium", "Denmark", "Norway", "Sweden",
              "Finland", "Switzerland", "Australia", "Nicaragua", "Guatemala", "Honduras", "Panama", "Venezuela", "Colombia", "Peru",
              "Bolivia", "Uruguay", "Philippines", "Thailand", "Burma", "Malaysia", "Malaya", "Singapore", r"Sri\s+Lanka", "Ceylon", "Nepal",
              "Bangladesh", "Taiwan", "Tibet", r"Hong\s+Kong", r"Costa\s+Rica", r"El\s+Salvador", r"Sierra\s+Leone",
              r"Burkina\s+Faso", r"Upper\s+Volta", r"Ivory\s+Coast", r"New\s+Zealand", r"Dominican\s+Republic", "Ecuador",
              "Paraguay", "Cyprus", "Ireland", "Iceland", "Senegal", "Kenya", "Uganda", "Africa", "Asia", "Europe",
              r"Latin\s+America",
              # a country is a place before a name, though a few are given names or surnames too ("[Georgia]
              # Shevardnadze", "[Jordan] Hussein"); not "Togo", as often the Japanese foreign minister in a title
              "Russia", "Ukraine", "Belorussia", "Byelorussia", "Belarus", "Georgia", "Armenia", "Moldavia", "Moldova",
              "Estonia", "Latvia", "Lithuania", "Uzbekistan", "Turkmenistan", "Tajikistan", "Kirghizia", "Kyrgyzstan",
              "Jordan", "Oman", "Qatar", "Bahrain", "Palestine", "Slovakia", "Slovenia", "Croatia", "Serbia", "Bosnia",
              "Montenegro", "Macedonia", "Kosovo", "Luxembourg", "Malta", "Liberia", "Cameroon", "Mali", "Niger", "Chad",
              "Benin", "Dahomey", "Gabon", "Mauritania", "Madagascar", "Malawi", "Botswana", "Lesotho", "Swaziland",
              "Rwanda", "Burundi", "Djibouti", "Eritrea", "Gambia", "Haiti", "Jamaica", "Grenada", "Guyana", "Suriname",
              "Belize", "Bhutan", "Sikkim", "Brunei", "Maldives", "Mauritius", "Fiji", r"Cape\s+Verde",
              rf"(?:Trinidad|Bosnia|Antigua)\s+[Aa]nd\s+{AND_COUNTRY}")
_KIND_WORDS = sorted({w for row in KIND_PHRASES for phrase in (*row.words, *row.records) for w in phrase.split()})
_SMALL_WORDS = ("between", "with", "from", "to", "and", "of", "the", "for", "by", "on", "about", "in", "at", "regarding",
                "concerning")
MODIFIER = alt(NATIONS, "[A-Z]{2,6}", "Politburo", "Embassy", "Foreign", "Defen[cs]e", "Deputy", "First", "Vice",
               "Acting", "Governing", "Interim", "Senior", "Unnamed", "Commanding", "[Ff]ormer", "[Ll]ate", "Chief", "Military",
               "Communist", "Special", "Personal", "Political", "Federal", "State",
               "Executive", "Assistant", "Permanent", r"\d+(?:st|nd|rd|th)", r"Newly\s+Appointed", "Lieutenant", "Under", "Head",
               r"[A-Z][\w-]*['’]s")   # "Iran's Vice Foreign Minister Vaezi": a possessive before a role
# a relative, named by whose he is: "Khrushchev's Son-in-Law Adzhubei" is Adzhubei, "Kim Il Sung's Son" no one named
KIN = alt(r"(?:Son|Daughter|Brother|Sister|Father|Mother)(?:-in-[Ll]aw)?s?", "Wife", "Wives", "Husband", "Widow", "Children",
          "Nephew", "Niece", "Grandson", "Granddaughter", "Cousin", "Uncle", "Aunt")
ROLE = alt(r"General\s+Secretary", "Secretary[- ]General", r"First\s+Secretary", r"Secretary\s+[Oo]f\s+State",
           "Secretary", r"Prime\s+Minister", "PM", "Premier", r"Minister(?:\s+[Oo]f\s+(?:Foreign\s+Affairs|Defen[cs]e)|\s+without\s+Portfolio)?",
           "Minster", "Chairman", "President", "Ambassador", r"(?:High\s+)?Commissioner", r"Charg[eé](?:\s+[Dd]['’]\s?[Aa]ffaires)?",
           "Consul[- ]General",
           "Consul", r"Counsell?or(?:-Minister)?", r"Councill?or(?:-Minister)?", "Governor", "Governer",
           # "Governer", "the Marshall of the Soviet Union", "the Marshall Zhukov": typos in real titles (but "Marshall"
           # before a name is a given name, where no "the" comes before it: "Consul General in Hong Kong Marshall Green";
           # and "the Marshall Plan", "the Marshall Aid", "the Marshall Islands" are none); before "Marshal", which would match
           # its first letters
           r"(?<=\b[Tt]he\s)Marshall(?!\s+(?:[Pp]lan|[Aa]id|[Ii]slands?)\b)", "Marshal", r"Marshall(?=\s+of\s)",
           r"Chief\s+[Oo]f\s+Staff",   # before "Chief": "White House Chief of Staff Hamilton Jordan" was "White House"
           "[Ll]eader", r"[Mm]embers?(?!\s+States\b)", "Envoy", "Attach[eé]", "Chancellor", "ChefBK", "[Hh]ead", "Chief", "[Dd]irector", "Adviser",
           "Advisor", "Administrator", r"Inspector(?:\s+General)?", "Representative", "Deputy", "Mediator", "Agent", "[ÉE]migr[ée]", "[Oo]fficial",
           "Writer", "Poet", "Journalist", "Correspondent", "Reporter", "Interpreter", "Translator", "Mayor", "Cosmonaut", "Astronaut",
           "Generalissimo", r"General-(?:Colonel|Major|Lieutenant)", r"(?:Colonel|Major|Lieutenant)-General",
           r"(?:(?:Tech(?:nical)?|Staff)\s+)?Sergeant(?:\s+Major)?",   # "Tech" is a body's word too ("Georgia Tech"), "Staff" a body
           r"General(?!\s+(?:Secretary|Counsel)\b)", "Colonel", r"Col\.", r"Lt\.", r"Maj\.", r"Gen\.", r"Bryg\.", r"Capt\.", r"Adm\.",
           r"Major(?=\s+[A-Z]\w*\s+[A-Z]|\s+of\s)", "Captain", "Admiral", "Commander", "Congressman", r"Attorney\s+General",
           r"King(?!\s+[JS]r\b)", "Prince", "Shah", "Senator", "Speaker",   # "Martin Luther King Jr." is a name
           r"Lord\s+Privy\s+Seal", "Archbishop",   # an office, whose "Lord" is no honorific: "Privy Seal" is no name
           r"Editor(?:-in-Chief)?(?:\s+of\s+(?:the\s+)?(?:Journal|Newspaper|Magazine))?",
           rf"(?<=['’]s\s){KIN}")   # only after a possessive: "Son Sann" is a name
ROLE = rf"(?:{ROLE})(?:[- ](?:[Ee]lect|[Ee]meritus|[Dd]esignate)\b)?"   # "President-Elect", "Ambassador Designate"
BODY_WORDS = alt(  # words that make a name a body (or a group of people), not a person
    "Committee", "Party", "Presidium", "Politburo", "Delegations?", "Embassy", "Ministry", "Government", "Council",
    "Secretariat", "Department", "Bureau", "Office", "Army", "Union", "Commission", "Directorate", "Staff", "Command",
    "Headquarters", "Section", "Division", "Front", "League", "Congress", "Assembly", "Comintern", "Cominform",
    # a parliament by its own name ("Duma" is a Romanian surname too: "Ambassador Aurel Duma")
    "Senate", "Parliament", r"Supreme\s+Soviet", "Sejm", "Knesset", "Bundestag", "Volkskammer", "Majlis", "Diet",
    "Agency", "Intelligence", "Institute", "University", "Tech", "Academy", "School", "Republic", "Association", "Society", "Foundation", "Fund",
    "Endowment", "Bank", "Administration",
    "Company(?!s)", "Industries", "Authority",   # "Companies" too, not Catalonia's president "Lluís Companys"
    "Forces", "Missions?", "Plenum", "Conferences?", "Sessions?",   # a gathering: "a Letter to the Plenum"
    r"(?<=Member\s)States",   # "the Warsaw Pact Member States": no member "States"
    "Consulate", "Legation", "Leadership", "Comrades", "Peoples?", "Politboro", "Organi[sz]ation", "Group", "Corporation", "Program",
    "Movement", "Parties", "Lab(?:oratory)?", "Room", "Branch", "Cent(?:er|re)", "Provinces?", "Reporters", "Correspondents",
    "Affairs", "Relations", "Refugees", "Questions?", "Issues?", "Workers", "Officials", "Representatives", "Delegates", "Guests",
    "Experts", "Advisers", "Advisors", "Commanders", "Chiefs", "Board", "Premiers", "Presidents", "Ministers", "Listeners",
    "Members", "Leaders", "Authorities", "Countries", "Residents", r"[A-Z][a-z]+ists", "Deputies", "Heads",
    "Services?", "Inspectorate", "Collective", "Unions", "Archives?", "Ambassadors", "Secretaries", "Defen[cs]e", "Cabinet",
    "Radio", "Broadcasts?", "Pact", "Treaty", "Alliance", "Newspaper", "Gazette", "Times", "Pravda", "Izvesti[iy]?a",
    r"Rud[eé]\s+Pr[aá]vo", r"Nodong\s+Sinmun", r"Renmin\s+Ribao", r"People['’]s\s+Daily",   # a treaty's body, the press
    "Xinhua", ORGAN_INITIALS, "DPRK", "PRC", "USSR", "ROK", "UN", "GDR")
# a body's word (not its initials: "Chairman of the CC CPSU Commission ...") that a role word comes before makes it the body's:
# "General Staff", "General Advisory Committee", "Cosmonaut Training Center" are bodies, not a role and a name (but a comma
# sets the role off: "Chairman, Joint Chiefs of Staff" is the body), and "Bank" is a family name there ("Colonel Aaron Bank")
_NOT_ORG = "(?!(?:[A-Z][a-z]+\\s+){0,2}(?=[A-Z][a-z])(?!Bank\\b)" + BODY_WORDS + r"\b)"
# not "Mrs.", "Ms.", "Madame" nor "Countess": each names a woman, often by her husband's name ("Mrs. Warren L. Chaffin",
# "Madame Zhou", who is Deng Yingchao, "Countess Ciano"), and without it two are one; each begins with a letter, not a
# class, that a search skips to; "the Lord Privy Seal" is a role's (ROLE)
HONORIFIC = alt(r"Cdes?\.?", "Comrades?", "comrades?", "Cmrade", r"Com\.", r"Tov\.", r"Mr\.", r"Dr\.", r"Prof\.", r"Lic\.",
                "Professor", "Mister", "Maulana", r"Sir(?=\s+[A-Z])", r"Lord(?=\s+[A-Z])(?!\s+Privy\b)", r"Count(?=\s+[A-Z])",
                r"Herr(?=\s+[A-Z])", r"Citizen(?=\s+[A-Z])")
_CAPITAL = r"[^\W\d_a-z]"   # a capital letter, accented ones too ("Árbenz")
# the first word of a city's name of two: "New York", "Addis Ababa", "Los Angeles"
CITY_FIRST = alt("New", "San", "Santa", "Santo", "São", "Sao", "Buenos", "Addis", "Phnom", "Kuala", "Tel", "Hong", "Port",
                 "Ulan", "La", "El", "Los", "Las")
# a role that a name follows: "Soviet Ambassador to the DPRK A.M. Puzanov", "the Chinese Ambassador to Mongolia, Zhang
# Canming"; what may stand between the role word and the name (in title case too: "Ambassador To China Stepan V.
# Chervonenko"). A role begins a word: looked for at a word's start only, not at its end too, where \b alone would try
# each of the role words
_ROLE_AT = re.compile(rf"\b(?=\w){ROLE}")
_WHOLE_ROLE = re.compile(rf"{ROLE}\b")   # "Minister", not the "Marshal" of "Marshall Green"
# a past participle that says who made, handed or saw what precedes when "by" follows it (one in "-eed" is a family name,
# "Reed", "Saeed", but "Agreed"), and with its particle: "Handed Over", "Put Forward", "Passed On", "Drawn Up"; a capitalized
# word after a hyphen is a name's ("Al-Sayed"), but after "Co-" or "Counter-" a participle's ("Co-Signed")
PAST = r"(?:(?:Co-|Counter-)?(?:[A-Z][a-z]+(?:-[a-z]+)?(?<!e)ed|Agreed|Kept|Made|Given|Taken|Held|Sent|Written|Drawn|Brought|Found|Seen|Put|Read))"
VERB_PARTICLE = r"(?:[Oo]ver|[Ff]orward|[Oo]n|[Oo]ut|[Uu]p)"
MADE = rf"{PAST}(?:\s+{VERB_PARTICLE})?"
# (but no name: "the Chairman Drafted by Kissinger" is the Chairman's, and Kissinger drafted it; nor a time or a gerund,
# "... in Bonn After the Elections", "... Conveying a Message", nor a kind of paper after a comma: "the Ambassador in
# Bucharest, Report on ..." (without one, a kind may follow a role's word: "the Official Meeting between ..."))
_NO_NAME_FIRST = r"(?:After|Before|During|[A-Z][a-z]+ing\s+(?:the|an?))\s"
_KIND_TITLED = rf"{alt(*(w.title() for w in _KIND_WORDS))}(?![\w.'’-])"
# (a role is "of" a party's organ as of a state, "Secretary of the CC Brezhnev", but posted "to" a state only; and a post
# "in" a city is one word's, or two's after a city's first word, never that word alone: "Consul of the USSR in Cluj L. P.
# Akulov", "Consul General in New York"; the organ's initials may be a party's and its organ's, all of them the
# role's: "of the KWP CC" is no name "CC" (but the last may begin a body's name: "of the CC CPSU Commission")
_TO_NAME = re.compile(rf"(?:\s+(?:(?:[Tt]o|[Ii]n|[Aa]t|[Oo]f)\s+(?:[Tt]he\s+)?{COUNTRY}|"
                      rf"[Oo]f\s+(?:[Tt]he\s+)?{ORGAN_INITIALS}(?:\s+{ORGAN_INITIALS}(?!\w|\s+{BODY_WORDS}\b))*+))?"
                      rf"(?:\s+[Ii]n\s+(?P<city>(?:{CITY_FIRST}\s+|(?!{CITY_FIRST}\s)){_CAPITAL}[\w'’-]*))?"
                      rf"(?:\s+{_NOT_ORG}|,\s+(?!{_KIND_TITLED}))"
                      rf"(?!{alt(*(w.title() for w in _SMALL_WORDS if w != 'to'))}\s|{MADE}\s+[Bb]y\s|{_NO_NAME_FIRST})(?={_CAPITAL}|[\[(])")
# a small word in title case begins no name either, but "To" may, where no other small word is in title case: "Letter From
# The Soviet Ambassador To Kim Il Sung" names none, "Politburo Member To Huu" (Tố Hữu) does
_TITLED_SMALL_WORD = re.compile(rf"(?<=\s){alt(*(w.title() for w in _SMALL_WORDS))}\s")
# (a body's words are capitalized: the lookahead spares the body words' trial at every other character)
_BODY_OF = re.compile(rf"(?=[A-Z])(?:[A-Z][\w’'-]*\s+){{0,3}}{BODY_WORDS}\s+of\s+$")
_NAME_GOES_ON = re.compile(rf"\s+(?!{alt(*(w.title() for w in _SMALL_WORDS))}\s)[A-Z]|[\w'’]")   # not "... To ..."
# whether one may be there, looser than the pattern below: with no \b first, a search skips to honorifics' first letters
_HONORIFIC = re.compile(rf"{HONORIFIC}\s+(?={_CAPITAL})")
_WORDS_AFTER = re.compile(rf"{_CAPITAL}[\w'’.-]*(?:\s+{_CAPITAL}[\w'’.-]*)*")   # the name an honorific stands before
# a place's words, five at most as the names table's longest has (a longer run of capitals after a role is no post's
# place, and is not read to its end from each role in it)
_PLACE_WORDS = rf"{_CAPITAL}[\w'’.-]*(?:\s+{_CAPITAL}[\w'’.-]*){{0,4}}"
# such words (and more set off after them: its country, or a body), then a small word or the end
_CITY_SET_OFF = re.compile(rf"({_PLACE_WORDS})(?:,\s+({_PLACE_WORDS}))?(?=,?\s+[a-z]|,?$)")
_PLACE_SET_OFF = re.compile(rf"({_WORDS_AFTER.pattern}),\s+(?={_CAPITAL})(?!{_KIND_TITLED})")   # such words, then a name's
# a nationality before it goes too, as before a role: "British Lord Home" is Home; "comrades" before a small word in title
# case is a noun, no honorific: "From The Chinese Comrades To Stalin" names the comrades (but "Comrade To Huu" is To Huu)
_NATIONAL_HONORIFIC = re.compile(rf"\b(?:{NATIONS}\s+)?(?P<honorific>{HONORIFIC}(?!(?<=omrades)\s+{alt(*(w.title() for w in _SMALL_WORDS))}\s)"
                                 rf"\s+)(?={_CAPITAL})")
# before a role, any capitalized word may qualify it ("Interior Minister", "Solidarity Leader", "U.S. President"),
# but not a kind, a body or a title's small word ("Memorandum of Conversation Austrian Chancellor Kreisky" keeps its
# kind, "the Armed Forces Admiral X" its body)
_MODIFIER_WORD = re.compile(MODIFIER)
# a portfolio: it qualifies the role after it, not the name before ("Ambassador Lodge Finance Minister Thuan")
_PORTFOLIO = re.compile(alt("Finance", "Interior", "Trade", "Agriculture", "Justice", "Education", "Health", "Culture", "Labou?r",
                            "Industry", "Commerce", "Economic", "Internal", "Home", "War", "Navy", "Information", "Security",
                            "Planning", "Transport"))
_CAPITALIZED_WORD = re.compile(r"[A-Z][\w’'.]*")
_BODY_WORD = re.compile(BODY_WORDS)
_NOT_QUALIFIERS = frozenset((*_KIND_WORDS, *_SMALL_WORDS))
_QUALIFIERS_AT_MOST = 5
_ROLE_FIRST = re.compile(rf"^(?:the\s+|an?\s+)?(?:{MODIFIER}(?:\s+|-))*{ROLE}\b")
_BODY = re.compile(rf"\b{BODY_WORDS}(?:e?s)?(?!\w)")   # a body word, or its plural: "Bureaus", "Offices", "Branches"
_PLURAL_IES = re.compile(r"(?<=[a-z])ies\b")   # "Embassies", "Agencies": the plural of a body word in -y
_BANK_AFTER = re.compile(r"(\S+)\s+Banks?\b")   # "World Bank", "Central Banks"; "Joseph Banks", "Willem van der Bank"
# a noun of a thing, not a name: "Region", "Development", "Science", "Cooperation", "Industry", "Democracy", "Energy",
# "Policy" (not "-try": "Gentry", "Country Team"; nor "-dom": "Norodom"); a word of two letters before the ending is a name ("Vance", "Zion",
# "Mistry"), and so are the names listed ("Klement Gottwald", "Clement Attlee", "Mendes-France")
_NOUN_LIKE_NAMES = alt("Clement", "Klement", "Kliment", "Marion", "Simion", "Larion", "Ilarion", "Illarion", "Lawrence", "Laurence",
                       "Clarence", "Terence", "Florence", "Constance", "France")
ABSTRACT_NOUN = rf"(?:(?!{_NOUN_LIKE_NAMES}\b)[A-Z][a-z]{{2,}}(?:ment|ion|ity|nce|ics|ogy|ism|ure|ness|stry|acy)s?|Energ(?:y|ies)|Polic(?:y|ies))"
COMPASS = r"(?:Far|Middle|Near|East|West|North|South)(?:ern)?"
# a word of land or water that makes the words before it a place, no one's name: "Jordan Valley", "Yalu River" (not "Lake":
# "Anthony Lake")
PLACE_AT_END = re.compile(r"\s(?:Valley|River|Basin|Sea|Gulf|Straits?|Peninsula|Canal|Desert|Islands?|Delta|Mountains)$")
# "West Berlin", "New York", "Le Monde", "Foreign Trade": a place, paper or field of two words (after a role's "of": "Le
# Duan" is a name)
_PLACE_OPENER = re.compile(alt(COMPASS, CITY_FIRST, "Le", "Foreign"))
_PEOPLE = re.compile(NATIONS)   # a people's word: "Soviet", "East German"
# given names that often come second in a name ("Zulfikar Ali Bhutto", "Tunku Abdul Rahman"): a place ends before none
_SECOND_GIVEN = re.compile(alt("Ali", "Abdul", "Abdel", "Abd"))
# "Brazil", "Guinea": a country or capital the names table does not list is still a place, and so is one its regime's
# word qualifies ("Titoist Yugoslavia", "Communist China")
PLACE = re.compile(rf"(?:[A-Z][a-z]+ist\s+)?{COUNTRY}")
# a word that is no name's though not a body's or a place's (initials are: a state's or an organ's): a number, a bracket,
# a thing, a point of the compass
_LIKE_BODY_OR_PLACE = re.compile(rf"\d+\w*|.*[)\]]|{ABSTRACT_NOUN}|{COMPASS}")
# the small words inside a person's name ("Uriel da Costa Ribeiro", "Maurice Couve de Murville", "Ibn Saud")
PARTICLES = frozenset({"de", "da", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "y", "la", "le", "du",
                       "dos", "do"})
# a body's name of two words is one word: "Editor of Rude Pravo Oldrich Svestka", "People's Daily Wu Lengxi"
_TOKEN = re.compile(rf"\[[^\[\]]*\]|{BODY_WORDS}(?!\S)|\S+")
_NAME_WORD = re.compile(r"^(?:(?!And$)[A-Z][\w.'’-]*|\[[\w .'’-]+\])$")   # a title case's "And" joins, no name has it
# up to three words in brackets, and a nickname quoted after them: "[Edgar]", "[Georgi M.]", "[Lawrence “Lance”]"
_BRACKETED_WORDS = re.compile(r"\[([^\[\]\s\"“‘']+(?:\s+[^\[\]\s\"“‘']+){0,2})(?:\s+[\"“‘'][^\[\]\"”’']+[\"”’'])?\]")


def completion(bracket: str) -> str | None:
    """The words an editor adds in brackets before a name to complete it, its nickname aside: "[Edgar]" (Snow) -> "Edgar",
    '[Lawrence “Lance”]' (Sharkey) -> "Lawrence", "[Kim]" (Il Sung) -> "Kim", "[Kim Il]" (Sung) -> "Kim Il", "[Georgi M.]"
    (Dimitrov) -> "Georgi M.". Any capitalized words complete it but one that is no part of a name: a role or its
    fragment, an honorific, a modifier, a body or place word (alone or together), an article, an editor's word or a
    possessive ("[Prime] Minister Nehru", "[Sir] Anthony Eden", "[Late] Premier Nagy", "[The] Chairman", "[Illegible]
    Ivanov", "[Soviet Ambassador] Puzanov", "[Sri Lanka] Bandaranaike", "[His Majesty] Norodom Sihanouk", "[Mao Zedong’s]
    Audience"), each of which would make a false person, nor a place or body the shipped names table knows ("[Geneva]
    Junod", "[Camp David] Carter", "[Santiago] Allende"), though a given name too: the names table's person is
    ("[Santiago] Carrillo", `name_in`). Several words complete it only when one reads as a given name (`_given_word`):
    "[Red Cross] Junod", "[New Zealand] Holyoake" and "[Los Angeles] Mayor Yorty" name no one. A particle after the first
    word is the name's, as it is unbracketed ("[Maria da Graca] Dutra"), but is not that given name, though "al", "do",
    "du" and "le" are spelled as one: "[Banco do Brasil]" and "[Ras al Khaimah]" name no one."""
    m = _BRACKETED_WORDS.fullmatch(bracket)
    words = m[1].split() if m and not _vocabulary_word(m[1]) and shipped_names().kind(m[1]) in (None, "person") else []
    if words and all(w in PARTICLES for w in words):
        return m[1]   # "[de] Gaulle", "[van der] Stoel": the particles the title left out
    return m[1] if words and all(_part_of_a_name(w) or (i and w in PARTICLES) for i, w in enumerate(words)) and (
        len(words) == 1 or any(_given_word(w) for w in words if w not in PARTICLES)) else None


@functools.cache
def shipped_names():  # noqa: ANN201 (names.py imports this module: its NameTable is imported when first needed)
    """The shipped names table, where the grammar asks what a name is: a title reads the same whatever a user's file adds."""
    from harvester.normalize.names import NameTable   # noqa: PLC0415
    return NameTable.load()


def _name_first(city: str) -> bool:
    """Whether a post's city is a name's first word, a given name or a family name written first, that the names table
    lists as no place: "the Ambassador in Kim Il Sung's Residence" (but "in Santiago Salvador Allende")."""
    return _given_word(city.split()[0]) and shipped_names().kind(city) != "place"


def _given_word(word: str) -> bool:
    """An initial ("[Georgi M.]"), a given name of western_given_names.txt ("[John Foster]") or a
    family name written before the given names (family_first.csv: "[Kim Il]")."""
    return bool(_INITIALS.fullmatch(word)) or is_given_name(word) or family_name_shape(word) is not None


def _part_of_a_name(word: str) -> bool:
    return bool(_CAPITAL_FIRST.match(word)) and not _POSSESSIVE.search(word) and not _no_part_of_a_name(word)


# what an editor writes in brackets that is no word of the name after it: "[Illegible] Ivanov", "[Unknown] Petrov", "Se
# [Sic] Hwi", "[Name] Kim"; and an article, "[The] Chairman"
EDITORS_WORDS = frozenset({"illegible", "unknown", "unclear", "unidentified", "unreadable", "indecipherable", "sic",
                           "name", "names", "surname", "given", "last", "full", "initials", "redacted", "deleted",
                           "blank", "missing", "signature", "signed", "handwritten", "probably", "possibly",
                           "presumably", "perhaps", "ed", "eds", "note", "text", "original", "sender", "recipient",
                           "addressee", "author", "someone", "somebody", "person", "illeg", "?"})
# and the possessives that begin a style, no name: "[His Majesty]", "[Her Excellency]", "[His Holiness]"
ARTICLES = frozenset({"the", "a", "an", "his", "her", "their"})
_CAPITAL_FIRST = re.compile(_CAPITAL)
_POSSESSIVE = re.compile(r"['’]s$")
_INITIALS = re.compile(r"(?:[^\W\d_a-z][^\W\d_A-Z]?\.)+")   # "M.", "Kh.", "V.I."
# a role, honorific, modifier, body or place word, as the vocabularies above read one before a name ("Sir" only there)
_VOCABULARY_WORD = re.compile(alt(ROLE, HONORIFIC, MODIFIER, BODY_WORDS, COUNTRY) + r"(?![\w'’-])")
# a word of a role of several words: "Prime" of "Prime Minister", "Attorney" of "Attorney General"
_ROLE_PHRASE_WORDS = frozenset(word.casefold() for word in re.findall(r"(?<![\\\[])\b[A-Z][a-z]+", ROLE))


def _no_part_of_a_name(word: str) -> bool:
    """A word of the grammar's vocabularies (roles, honorifics, modifiers, bodies, places), an article or an editor's word,
    or a word joined by hyphens of which one is ("[Vice-president]")."""
    parts = word.split("-")
    return len(parts) > 1 and any(_no_part_of_a_name(part) for part in parts if part) or _vocabulary_word(word)


def _vocabulary_word(word: str) -> bool:
    plain = word.rstrip(".").casefold()
    if plain in EDITORS_WORDS or plain in ARTICLES or plain in _ROLE_PHRASE_WORDS:
        return True
    m = _VOCABULARY_WORD.match(f"{word} Name")
    return bool(m) and m.end() == len(word)


def begins_a_name(letter: str) -> bool:
    """A capital, or a letter of a script with no case ("毛泽东", "김일성"): a name may begin with it."""
    return letter.isalpha() and not letter.islower()


def is_given_name(word: str) -> bool:
    """A given name of western_given_names.txt ("Edgar", "Svetlana"), case and accents aside."""
    return _folded(word) in _given_names()


@functools.cache
def _given_names() -> frozenset[str]:
    """western_given_names.txt, each name folded: the one reading of the list (headings.py and names.py ask is_given_name)."""
    text = resources.files("harvester.normalize").joinpath("western_given_names.txt").read_text(encoding="utf-8")
    return frozenset(_folded(word) for line in text.splitlines() if not line.startswith("#") for word in line.split())


def family_name_shape(family: str) -> str | None:
    """How family_first.csv lists a family name its culture writes first: "any", or "syllables" (only before a given
    name of short syllables); None when it lists none. Case aside, accents kept: "Lê" (always Vietnamese) is not "Le"
    (also French)."""
    return _family_names().get(unicodedata.normalize("NFC", family).casefold().strip())


@functools.cache
def _family_names() -> dict[str, str]:
    """family_first.csv, each family name folded: the one reading of the list (headings.py asks family_name_shape)."""
    text = resources.files("harvester.normalize").joinpath("family_first.csv").read_text(encoding="utf-8")
    return {unicodedata.normalize("NFC", row["family"]).casefold().strip(): row["shape"]
            for row in csv.DictReader(io.StringIO(text)) if row["family"].strip()}


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def strip_roles(text: str) -> str:
    """The text without the roles and honorifics that stand before names (an honorific that says a person stays: `_unhonored`)."""
    before = None
    while before != text:
        before = text
        text = _without_roles(text)
        if _HONORIFIC.search(text):   # (the slower pattern with the nationality only where there is one: a few titles)
            text = _NATIONAL_HONORIFIC.sub(_unhonored, text)
    return text


def _unhonored(honorific: re.Match[str]) -> str:
    """Nothing for an honorific before a name, but itself where the names table knows the name as a place's: "Mr.
    Richmond" is a person, whom "Richmond" alone would not say (`names.person_form` takes it off him); a nationality
    before it goes all the same ("British Lord Richmond")."""
    name = _WORDS_AFTER.match(honorific.string, honorific.end())
    return honorific["honorific"] if name and shipped_names().kind(name[0]) == "place" else ""


def _without_roles(text: str) -> str:
    """Each role word that a name follows is taken off with its qualifiers, read back from it word by word (a
    pattern that began with the qualifiers would be tried at every word of the title)."""
    kept, last = [], 0
    roles = list(_ROLE_AT.finditer(text))
    for role, after in zip(roles, [*roles[1:], None]):
        to_name = _TO_NAME.match(text, role.end()) if role.start() >= last else None
        # "Deputy Minister": the role qualifies the next, whose qualifiers go with it; and a role that is a qualifier too
        # does across the next's qualifiers, read back from the next: "Deputy Foreign Minister" (but "Ambassador Soviet
        # Ambassador" is two)
        if to_name and (_WHOLE_ROLE.match(text, to_name.end()) or after and _MODIFIER_WORD.fullmatch(role[0])
                        and _qualified_from(text, after.start(), to_name.end()) == to_name.end()):
            continue
        # a place is the post's city or country, no name, after a comma or not: "East German Ambassador, Moscow, to ...",
        # "the Ambassador, Jordan", "the Shah Tehran"
        set_off = to_name and to_name[0].rstrip().endswith(",")
        city = to_name and _CITY_SET_OFF.match(text, to_name.end())
        if to_name and not (text.startswith("To ", to_name.end()) and small_words_titled(text)) \
                and not (to_name["city"] and _name_first(to_name["city"])) and not (city and _post_place(city[1])
                                                                             and (not city[2] or _post_place(city[2]) or is_body(city[2]))):
            start = _qualified_from(text, role.start(), last)
            if kept and start == last and (own := _qualified_from(text, role.start(), last, loose=False)) > last:
                kept.append(text[last:own].rstrip() + " and ")   # "Ambassador Lodge President Diem": the name of the role
            else:                                             # before is no qualifier of this one, and no part of its name
                kept.append(text[last:start])
            last = to_name.end()
            # "the Chairman, Beijing, Mao Zedong": his post, where he is (a city, its country), then him, who alone is the party
            while set_off and (place := _PLACE_SET_OFF.match(text, last)) and _post_place(place[1]):
                last = place.end()
            close = text.find("]", last) if text.startswith("[", last) else -1
            # "the President [George H.W. Bush]": who holds it (but "Writer [Edgar] Snow": a name with a part added)
            if close > 0 and "[" not in text[last + 1:close] and not _NAME_GOES_ON.match(text, close + 1):
                kept.append(text[last + 1:close])
                last = close + 1
    return "".join(kept) + text[last:] if kept else text


def _post_place(words: str) -> bool:
    """A post's city or country after it, set off by a comma or not: not initials, a body's as often ("Chief, ICD")."""
    return shipped_names().kind(words) == "place" or bool(PLACE.fullmatch(words)) and not words.isupper()


def small_words_titled(text: str) -> bool:
    """Whether the text writes its small words in title case, more than one ("To" alone may begin a name: "To Huu")."""
    return len(_TITLED_SMALL_WORD.findall(text)) > 1


def _qualified_from(text: str, start: int, floor: int, loose: bool = True) -> int:
    """Where the qualifiers of the role at `start` begin (at most five words, joined by spaces or hyphens, and a
    "the" before them); none goes back past `floor`. Not `loose`: only the words that qualify a role anywhere
    ("Soviet", "Deputy") and portfolios ("Interior"), no other capitalized word ("Lodge")."""
    role = start
    for _ in range(_QUALIFIERS_AT_MOST):
        end = start - 1 if text[floor:start].endswith("-") else len(text[floor:start].rstrip()) + floor
        if end == start:
            break
        word_start = max(text.rfind(" ", floor, end), text.rfind("-", floor, end)) + 1
        word = text[max(word_start, floor):end]
        if not (_is_qualifier(word) if loose else _MODIFIER_WORD.fullmatch(word) or _PORTFOLIO.fullmatch(word)):
            break
        start = max(word_start, floor)
    if start < role and (body := _BODY_OF.search(text, floor, start)):
        start = body.start()   # "Albanian Council of Ministers Chairman Mehmet Shehu": the body is the role's
    if text[floor:start].endswith("the "):
        start -= 4
    return start


def _is_qualifier(word: str) -> bool:
    if _MODIFIER_WORD.fullmatch(word):
        return True
    return bool(_CAPITALIZED_WORD.fullmatch(word)) and word.lower() not in _NOT_QUALIFIERS \
        and not _BODY_WORD.fullmatch(word)


def is_role(text: str) -> bool:
    """True when the text begins with a role ("the Prime Minister of ...", "Member of the Polish Politburo")."""
    return bool(_ROLE_FIRST.match(text))


def is_body(text: str) -> bool:
    found = _BODY.search(text) or ("ies" in text and _BODY.search(_PLURAL_IES.sub("y", text)))
    if found and found[0].startswith("Bank") and (unbanked := _BANK_AFTER.sub(_family_bank, text)) != text:
        return is_body(unbanked)
    return bool(found)


def _family_bank(m: re.Match[str]) -> str:
    """After a given name or a particle, "Bank" or "Banks" is a family name ("Joseph Banks", "Willem van der Bank"), no
    bank: it is taken out."""
    return m[1] if m[1] in PARTICLES or is_given_name(m[1]) else m[0]


def name_in(item: str) -> str:
    """The person a party names after a role or body, else the party: "CC CPSU G.M. Malenkov" -> "G.M. Malenkov"."""
    # a bracket of several words is one ("[Kim Il] Sung"); a title case's "Of" and "The" are read as "of" and "the"
    words = [word.lower() if word in ("Of", "The") else word for word in _TOKEN.findall(item)]
    if item.isupper():
        return item      # "GONG PUSHENG": a name in capitals, not an acronym before a name
    end = len(words)
    while end > 0 and (_NAME_WORD.match(words[end - 1]) and not _body_or_place(words[end - 1])
                       or end < len(words) and (words[end - 1] in PARTICLES   # "Uriel da Costa Ribeiro"
                                                or completion(words[end - 1])
                                                # "East German Ambassador": the point of the compass is the people's
                                                or _PEOPLE.fullmatch(f"{words[end - 1]} {words[end]}")
                                                # "[Santiago] Carrillo": a place in brackets, but the table's person
                                                or words[end - 1][:1] == "[" and shipped_names().kind(
                                                    " ".join([words[end - 1][1:-1], *words[end:]])) == "person"
                                                # a country that begins the party is a given name: "Jordan Jotov"
                                                or end == 1 and is_given_name(words[0]))):
        end -= 1
    if end > 1 and words[end - 2] in ("of", "for") and _PLACE_OPENER.fullmatch(words[end - 1]):
        end -= 1   # "Governor of West Berlin Willy Brandt", "Department for West Berlin": the place after "of", read below
    # "Mexico City" is one place's name, and "Warsaw Pact Member States" one body's
    if 0 < end < len(words) and _body_or_place(words[end - 1]) and not is_body(rest := " ".join(words[end:])) \
            and shipped_names().kind(" ".join(words[end - 1:])) != "place":
        return rest
    # "Speaker of the House Sam Rayburn": the body's article is no name's either, where a given name shows where the
    # name begins (a body after "the" is seldom one word: "Commander of the Air Force LeMay" is no "Force LeMay"); and so
    # does one after a body's field ("Ministry for Foreign Trade Nikolai Patolichev", no "Mutual Economic Assistance")
    given_after = any(map(is_given_name, words[end + 1:-1]))
    if 1 < end <= len(words) - 3 and ((words[end - 1] in ("of", "for") or words[end - 2:end] == ["of", "the"] and given_after)
                                      and is_role(item) or words[end - 1] == "for" and given_after and is_body(item)):
        return " ".join(words[end + _place_length(words, end):])
    # "Chairman of the Council of Ministers Kosygin": the table's person ends the body, wherever it ends, with the given
    # names or initials it knows him by ("Member of the Supreme Soviet A. A. Gromyko", not "Gromyko"), in its last six
    # words at most (the table's longest person has three: a party of a thousand role words is asked six times)
    for start in range(max(end, len(words) - 6), len(words)) if is_role(item) else ():
        if shipped_names().kind(name := " ".join(words[start:])) == "person":
            return name
    return item


def _body_or_place(word: str) -> bool:
    """A word of a party that is a body's or a place's, or one like them, no name's: "Posts and Communications Diop",
    "Army Forces Far East" (three patterns, not one: the body word's and the place's serve other checks too, and one
    pattern of all would compile both vocabularies again)."""
    return bool(_BODY_WORD.fullmatch(word) or PLACE.fullmatch(word) or _LIKE_BODY_OR_PLACE.fullmatch(word))


def _place_length(words: list[str], start: int) -> int:
    """How many of the words from `start`, a role's "of" (and "the") before them, name its body or place, a name following them: as
    many as the names table knows as a place ("Mayor of Rio de Janeiro Carlos Lacerda", "Mayor of New York City John
    Lindsay"), else two when the first begins a place of two ("Governor of West Berlin Willy Brandt", "Mayor of Los
    Angeles Sam Yorty", "Editor of Le Monde André Fontaine"), else those before a given name that a name follows
    ("Governor of Minas Gerais José de Magalhães Pinto", "Minister of Foreign Trade Nikolai Patolichev"; not "Ali" of
    "Minister of Commerce Zulfikar Ali Bhutto", unless the place has but one word before it: "Governor of Sind Ali Ahmed
    Talpur"), else one ("President of Nuclebrás Paulo Nogueira Batista")."""
    known = [n for n in (4, 3, 2) if start + n < len(words) and shipped_names().kind(" ".join(words[start:start + n])) == "place"]
    if known:
        return known[0]
    given = next((i - start for i in range(start + 1, len(words) - 1)
                  if is_given_name(words[i]) and not (i > start + 1 and _SECOND_GIVEN.fullmatch(words[i]))), None)
    if _PLACE_OPENER.fullmatch(words[start]) and start + 2 < len(words):
        return max(2, given or 0)   # "Le Monde Diplomatique Alain Gresh": longer when a given name comes later
    return given or 1
