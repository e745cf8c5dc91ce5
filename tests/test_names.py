"""The names table and one written form per person, on real archive titles and spellings."""

from __future__ import annotations

from pathlib import Path

import pytest

from harvester.errors import UsageError
from harvester.normalize.names import NameTable, match_key, person_names, written_form
from harvester.normalize.titles import Parties, parties
from harvester.normalize.people import Mention
from tests.conftest import people_table


def written(seen: list[str], table: NameTable) -> dict[str, str]:
    """The form a record writes each name in (the same in every dataset): the table's, else its written form."""
    return {name: table.lookup(name) or written_form(name) for name in seen}


def rows_of(seen: list[str], table: NameTable) -> list[dict]:
    """The people table of a dataset in which each name is seen in a document of its own (as its record writes it)."""
    as_written = [table.lookup(name) or written_form(name) for name in seen]
    return people_table([Mention(f"doc-{i}", "", "", (name,), ()) for i, name in enumerate(as_written)], table)


@pytest.fixture(scope="module")
def table() -> NameTable:
    return NameTable.load()


# (real title, the persons it names, each in its one written form)
PEOPLE_CASES = [
    ("Cable, Mao Zedong to Filippov [Stalin]", ("Mao Zedong", "Joseph Stalin")),
    ("Telegram from A. Mikoyan to the CPSU Central Committee", ("Anastas Mikoyan",)),
    ("Letter from Seo Hwi, Yun Gong-heum, Li Pil-gyu, and Kim Gwan to the Chinese Communist Party Central Committee",
     ("Seo Hwi", "Yun Gong-heum", "Li Pil-gyu", "Kim Gwan")),
    ("Record of Conversation between N.G. Sudarikov and Kim Il Sung, General Secretary of the Central Committee of "
     "the Workers' Party of Korea", ("N. G. Sudarikov", "Kim Il Sung")),
    ("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 13 August 1960", ("A. M. Puzanov",)),
    ("From the Diary of P. F. Yudin: Memorandum of Conversation with Mao Zedong", ("Pavel Yudin", "Mao Zedong")),
    ("Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium", ()),
    ("Record of a Meeting between the Soviet and Chinese Delegations", ()),
    ("The Main Issues for the Conversation with the Korean Comrades", ()),
    ("Telegram from Pyongyang to Bucharest, TOP SECRET, No. 76.247, July 28, 1967", ()),
    ("Cable from Qiao Xiaoguang to the Central Committee, 'Korea Has Decided Not to Send a Party Delegation to "
     "Yugoslavia'", ("Qiao Xiaoguang",)),
    ("Telegram from Ponomarev to the CPSU Central Committee", ("Ponomarev",)),
    ("Record of Conversation with Prime Minister of the Mongolian People's Republic Comrade Tsedenbal",
     ("Yumjaagiin Tsedenbal",)),
    ("Letter from Governer Shicai Sheng to Cdes. Stalin, Molotov, and Voroshilov",
     ("Sheng Shicai", "Joseph Stalin", "Vyacheslav Molotov", "Kliment Voroshilov")),
    ("Cable from Tehran Nº 31343/31353", ()),
    ("Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]", ("N. V. Roshchin", "Joseph Stalin")),
    ("Ciphered Telegram No. 35678 from Feng Xi [Stalin] to Shtykov", ("Joseph Stalin", "Terentii Shtykov")),
    # the people of the message a telegram transmits are people of its title (tests/data/README.md)
    ("Ciphered Telegram No. 50333, Terebin to Kuznetsov, transmitting a Message from Mao Zedong to Stalin",
     ("Terebin", "Kuznetsov", "Mao Zedong", "Joseph Stalin")),
    ("Cable, Liu Shaoqi to Chairman Mao [Zedong]", ("Liu Shaoqi", "Mao Zedong")),
    ("Record of the First Conversation between Chairman Mao and Khrushchev", ("Mao Zedong", "Nikita Khrushchev")),
    ("TASS Digest Distributed to Cde. I.V. Stalin and Cde. C.M. Molotov, 'French Newspaper concerning Rumors'",
     ("Joseph Stalin", "Vyacheslav Molotov")),
    ("Conversation, V.M. Molotov and A.Y Vyshinsky with Mao Zedong, Moscow, 17 January 1950",
     ("Vyacheslav Molotov", "Andrei Vyshinsky", "Mao Zedong")),
    ("From the Journal of K.A. Krutikov, 'Record of a Conversation with GONG PUSHENG, Chief of the PRC MFA Department "
     "of International Organizations'", ("K. A. Krutikov", "Gong Pusheng")),
    ("From the Diary of S. V. Chervonenko, Memorandum of Conversation between Soviet Ambassador to China Stepan V. "
     "Chervonenko and Mongolian Ambassador to China Dondongiin Tsevegmid",
     ("Stepan Chervonenko", "Dondogiin Tsevegmid")),
    ("Memorandum of Conversation, Charge d’Affaires of the Soviet Embassy with Chinese Foreign Minister Zhou Enlai on "
     "9 December 1949", ("Zhou Enlai",)),
    # a name in brackets after a body is the person who wrote for it (tests/data/README.md)
    ("Telegram from Polish Embassy in Havana (Jeleń), 21 November 1962", ("Jeleń",)),
    ("Telegram from Szabó Ferenc, 'Embassy tasks regarding the KWP’s 6th Congress'", ("Szabó Ferenc",)),
    ("Cable, Central Military Commission to Lin Biao, Deng Zihui, Tan Zhen, Xiao Ke, and Zhao Erlu",
     ("Lin Biao", "Deng Zihui", "Tan Zhen", "Xiao Ke", "Zhao Erlu")),
    ("Record of a Conversation between Soviet Embassy Counsellor S. Filatov and DPRK Vice Premier Pak Ui-wan",
     ("S. Filatov", "Pak Ui-wan")),
    ("Record of a Meeting between the Soviet and Chinese Delegations", ()),
    ("The Main Issues for the Conversation with the Korean Comrades", ()),
    # a group of advisers is nobody's name; a generalissimo is Stalin
    ("Meeting between Saddam Hussein and Top Political Advisors Concerning Diplomacy with the United States and Russia",
     ("Saddam Hussein",)),
    ("Telephone Message via VCh, Kim Il Sung to Generalissimo Iosif Vissarionovich Stalin", ("Kim Il Sung", "Joseph Stalin")),
    # countries, parts of the world and boards are no people; an interim chargé and an agent are roles; a code name in
    # quotes is the agent's name; a phone call a note reports names its caller
    ("Meetings between Angola, Cuba, South Africa and the United States, 'Reuniones para lograr una solución al conflicto "
     "de la región del suroeste de Africa' #4-8", ()),
    ("Letter by United Nations Commander Mark W. Clark to the Joint Chiefs of Staff on Solving the Prisoner of War Issue",
     ("Mark W. Clark",)),
    ("Report from Political Board of Polish Second Army", ()),
    ("KGB Annual Report for 1981 (Excerpts)", ()),
    ("Political Report No. 8 of the Embassy of the People’s Republic of Poland in the Democratic People's Republic of Korea "
     "for the Period of 1 December to 31 December 1953", ()),
    ("Minutes of Conversation Between British Interim Charge d’Affaires of Hong Kong John Addis and Deputy Department Head "
     "Zhang Yue", ("John Addis", "Zhang Yue")),
    ("Report by Agent 'Tulon' on New Priorities of Western Anti-Socialist Propaganda", ("Tulon",)),
    ("Report by Agent ‘Gerard’ on Paris-Based Polish Bookstore and Activities of CIA-Funded International Literacy Center",
     ("Gerard",)),
    # a talk has no sender: the caller is a participant after the note's writer (as tests/data/titles-4.csv labels it)
    ("Notes of G. Dimitrov on a Phone Call from Stalin", ("Georgi Dimitrov", "Joseph Stalin")),
    # a gerund after a name begins what a letter asks; a second document after a semicolon brings its people in
    ("Letter to Saudi Crown Prince Abdallah Bin Abdul Aziz from Saddam Hussein Asking for Help and Admitting a Mistake; "
     "Letter from Izzat Ibrahim to the Same Prince", ("Saddam Hussein", "Abdallah Bin Abdul Aziz", "Izzat Ibrahim")),
    # a talk a quoted subject names as a thing ("the Postponement of the 12th Meeting") and an editor's "[Nation]" name nobody
    ("Cable from the Chinese Foreign Ministry, 'Agree to the Postponement of the 12th Meeting of the Sino-US Talks to the "
     "31st of August'", ()),
    ("'Agreement Between the Government of [Nation] and the International Atomic Energy Agency about the Application of "
     "Safeguards in Accordance with the NPT'", ()),
    # a classification after a container's date, and provincial premiers, are no people; a name ending in -ion is a name
    ("From the Journal of V. V. Vaskov, 27 August 1954: Top Secret Memorandum of Conversation with Comrade Mao Zedong on 5 "
     "July 1954", ("V. V. Vaskov", "Mao Zedong")),
    ("Letter, Jawaharlal Nehru to All Provincial Premiers", ("Jawaharlal Nehru",)),
    ("Record of a Conversation with Illarion Dmitriyevich Pak, Chairman of the Jagang Provincial People's Committee",
     ("Illarion Dmitriyevich Pak",)),
    # the people of an exchange of letters a report is about
    ("Report to I. V. Stalin on Exchange of Letters between Iranian Prime Minister Mossadegh and US Ambassador Henderson",
     ("Joseph Stalin", "Mossadegh", "Henderson")),
    # what those rules must not take (constructed on the archive's shapes): a name in -ing, a quoted record "of" its
    # people, a region or battalion before a name, an event "by" its actor, a mission's addressee, a record's key points
    ("Memorandum of Conversation with Deng Xiaoping about the Soviet Union", ("Deng Xiaoping",)),
    ("Telegram from Ambassador Pickering about the Elections", ("Pickering",)),
    ("Cable from the Chinese Embassy in the Soviet Union, 'Content of the Conversation of Ambassador Liu Xiao with "
     "Khrushchev'", ("Liu Xiao", "Nikita Khrushchev")),
    ("Conversation with Chairman of the Inner Mongolia Autonomous Region Ulanhu", ("Ulanhu",)),
    ("Report by the Commander of the Third Battalion Kim Chang Bong", ("Kim Chang Bong",)),
    ("Report on the Speech by N. S. Khrushchev", ()),
    ("Letter from the Polish Military Mission to Marshal Rokossovsky", ("Rokossovsky",)),
    ("Text of Zhou Enlai's Telegram on the Talks with Nehru", ("Zhou Enlai", "Nehru")),
    ("Minutes of Main Points of Talks between Zhou Enlai and Kim Il Sung", ("Zhou Enlai", "Kim Il Sung")),
    ("[The Chinese Side's] Reply to the Soviet Note", ()),
    ("Information on Discussions from the Bandung Conference", ()),
    ("Letter from Jordan Jotov to Todor Zhivkov", ("Jordan Jotov", "Todor Zhivkov")),
    ("Report on the Bombing of Haiphong by U.S. Navy", ()),
    ("Summary of U.S. Position on Talks with North Korea", ()),
    ("Proposal from Zhou Enlai to Hold Talks in Geneva", ("Zhou Enlai",)),   # its maker, not "Hold Talks"
    ("Memorandum of Conversation between Raúl Roa, Sr. Carlos Lechuga, and Adlai Stevenson",
     ("Raúl Roa", "Sr. Carlos Lechuga", "Adlai Stevenson")),
    ("Report in Hungarian with Appendices", ()),
    ("Letter from Mao Zedong [from Kim Il Sung's Collected Works]", ("Mao Zedong",)),
    ("Memorandum of Conversation between Secretary Dulles and Prime Minister Holland", ("Dulles", "Holland")),
    ("Economic Cooperation Division [Ministry of Foreign Affairs, Japan], 'Main Points of Meeting Between Prime Minister "
     "Sato and National Defense Minister Chiang Ching-kuo'", ("Sato", "Chiang Ching-kuo")),
    # the fifth sample's shapes: a kind's own first word ("Phone", "Speaking", "Implementing"), a marking, a role alone,
    # a heading's label, an office's abbreviation or a service's name are nobody
    ("Phone Conversation between Gromyko and Rusk", ("Andrei Gromyko", "Rusk")),
    ("Speaking Notes for the Talks with Chancellor Schmidt", ("Schmidt",)),
    ("Implementing Agreement between the Ministry of Defense of Italy and the US Department of Defense", ()),
    ("Letter from Frederick H. Boland to Con Cremin (Private and Confidential)", ("Frederick H. Boland", "Con Cremin")),
    ("Note for the Inspector General [of the CIA]", ()),
    ("Hungary: Situation Report", ()),
    ("Memorandum from the MFA to MD/SMD on Missile Deployment", ()),
    ("Ministry of State Security (Stasi), 'Information on the Situation in Poland'", ()),
    ("Department of State Security (Securitate), 'Report on the Situation'", ()),
    # a role before a name: "without Portfolio", "director of ...", an interpreter, two roles set off before the name
    ("Note by Minister without Portfolio Galili on the Border", ("Galili",)),
    ("Conversation between Lord Home and Gromyko", ("Home", "Andrei Gromyko")),   # as "Sir"
    # a given name that is a nationality's word: the names table's person keeps it ("S. Titov" was no one's name)
    ("Conversation with German S. Titov", ("Gherman Titov",)),
    ("Conversation between N. S. Khrushchev and German Titov", ("Nikita Khrushchev", "Gherman Titov")),
    # an office whose "Lord" is no honorific, a see after a role's "of", an office of several words
    ("Memorandum of Conversation between Lord Privy Seal Edward Heath and Gromyko", ("Edward Heath", "Andrei Gromyko")),
    ("Letter from the Lord Privy Seal to the Soviet Ambassador", ()),
    ("Letter from Archbishop of San Salvador Oscar Romero to President Carter", ("Oscar Romero", "Carter")),
    ("Letter from Archbishop Makarios to Eisenhower", ("Makarios", "Eisenhower")),   # the see's name alone is his
    ("Letter from Tech Sergeant Smith to Eisenhower", ("Smith", "Eisenhower")),   # a rank of two words ("Sergeant Smith")
    ("Memorandum from White House Chief of Staff Hamilton Jordan to President Carter", ("Hamilton Jordan", "Carter")),
    ("Record of Conversation between Mao Zedong and the director of the Foreign Ministry's office, Li Kenong",
     ("Mao Zedong", "Li Kenong")),
    ("Information from Major of the Romanian Army, Interpreter Vasile Pop, on his Conversation with Gheorghiu-Dej",
     ("Vasile Pop", "Gheorghe Gheorghiu-Dej")),
    ("Letter to the Chairman of the Communist Party of Italy, Member of the Italian Senate, Luigi Longo", ("Luigi Longo",)),
    # a stray possessive; writers by their initials after the topic (but not a speech's maker, above)
    ("Record of Conversation between I.V. Stalin's and Polish Leader B. Bierut", ("Joseph Stalin", "Bolesław Bierut")),
    ("Report on the Economic Situation by A. Popescu and V. Ionescu", ("A. Popescu", "V. Ionescu")),
    # a name that ends as a noun does ("Vance" as "Finance", "Klement" as "Element") is a name, before "and" or after
    ("Memorandum of Conversation between Vance and Gromyko", ("Vance", "Andrei Gromyko")),
    ("Letter from Brezhnev to Carter and Vance", ("Leonid Brezhnev", "Carter", "Vance")),
    ("Record of Conversation between Mao Zedong and Clement Attlee", ("Mao Zedong", "Clement Attlee")),
    ("Record of Conversation between Klement Gottwald and Mao Zedong", ("Klement Gottwald", "Mao Zedong")),
    ("Memorandum of Conversation between Dobrynin and Lawrence Eagleburger", ("Dobrynin", "Lawrence Eagleburger")),
    ("The Prime Minister Hopes to Visit Moscow to Discuss Trade", ()),
    # "Will" first is a given name; after a name, a sentence's
    ("Letter from Will Clayton to Dean Acheson", ("Will Clayton", "Dean Acheson")),
    ("Telegram: Khrushchev Will Visit Beijing", ()),
    ("Will Mao Go to Moscow?", ()),   # a question's mark is no part of a name ("Moscow?")
    # a post set off before its city is no one's name, whatever qualifies its role ("Scientific Adviser, Washington" was a person)
    ("Telegram from the Scientific Adviser, Washington", ()),
    ("Letter from Martin Luther King, Jr. to Kennedy", ("Martin Luther King Jr.", "Kennedy")),   # a name's role word, no post
]


@pytest.mark.parametrize(("title", "people"), PEOPLE_CASES, ids=[t[:50] for t, _ in PEOPLE_CASES])
def test_person_names(title: str, people: tuple[str, ...], table: NameTable) -> None:
    assert person_names(parties(title), table) == people


# (a spelling seen in the archive, the table's canonical form)
SAME_PERSON = [
    ("Filippov [Stalin]", "Joseph Stalin"), ("Filippov (Stalin)", "Joseph Stalin"),
    ("Flippov [Stalin]", "Joseph Stalin"),
    ("Feng Xi (Stalin)", "Joseph Stalin"), ("FENG XI [FYN SI; Stalin]", "Joseph Stalin"),
    ("Instantsia (Stalin)", "Joseph Stalin"), ("Semenov [Stalin]", "Joseph Stalin"),
    ("Kuznetsov (Stalin)", "Joseph Stalin"), ("Stalin [Kuznetsov]", "Joseph Stalin"), ("Filippov", "Joseph Stalin"),
    ("I. V. Stalin", "Joseph Stalin"), ("I.V. Stalin", "Joseph Stalin"),
    ("Iosif Vissarionovich STALIN", "Joseph Stalin"), ("Stalin, Joseph", "Joseph Stalin"),
    ("Kim Il Sung", "Kim Il Sung"), ("KIM IL SUNG", "Kim Il Sung"), ("Kim Il-sung", "Kim Il Sung"),
    ("Kim Il-Sung", "Kim Il Sung"),
    ("PAK HEON-YEONG", "Pak Heon-yeong"), ("Pak Heon-Yeong", "Pak Heon-yeong"), ("Pak Heon-yeong", "Pak Heon-yeong"),
    ("PAK HEONYEONG", "Pak Heon-yeong"), ("Pak Hon Yong", "Pak Heon-yeong"),
    ("Kim Gwang-hyeop [Kim Kwang Hyop]", "Kim Gwang-hyeop"), ("Kim Kwang Hyop", "Kim Gwang-hyeop"),
    ("Kim Gwanghyeop", "Kim Gwang-hyeop"), ("Pak Jeong-ae [Pak Jong Ae]", "Pak Jeong-ae"),
    ("Heo Seok-seon [Ho Sok Son]", "Heo Seok-seon"), ("Choe Yeong-geon", "Choe Yong-geon"),
    ("N.G. Sudarikov", "N. G. Sudarikov"), ("N. G. Sudarikov", "N. G. Sudarikov"),
    ("T.V. Soong", "T. V. Soong"), ("T. V. Soong", "T. V. Soong"),
    ("P.F. Yudin", "Pavel Yudin"), ("P. F. Yudin", "Pavel Yudin"), ("Pavel F. Yudin", "Pavel Yudin"),
    ("Pavel Yudin", "Pavel Yudin"),
    ("Nikita Jruschov", "Nikita Khrushchev"), ("N. S. Khrushchev", "Nikita Khrushchev"),
    ("N.S. Khrushchev", "Nikita Khrushchev"), ("N. Khrushchev", "Nikita Khrushchev"), ("Yu. Andropov", "Yuri Andropov"),
    ("Chung Hee Park", "Park Chung Hee"), ("Pak Chong-hui", "Park Chung Hee"), ("Kim Dae Chung", "Kim Dae Jung"),
    ("Rhee Syngman", "Syngman Rhee"), ("Doo Hwan Chun", "Chun Doo Hwan"),
    ("Nikolai Roshchin", "N. V. Roshchin"), ("Roshchin, Nikolai Vasilevich", "N. V. Roshchin"),
    ("A. Mikoyan", "Anastas Mikoyan"), ("A[nastas] I. Mikoyan", "Anastas Mikoyan"),
    ("Roschin", "N. V. Roshchin"), ("Shytkov", "Terentii Shtykov"), ("Krasvosky", "Krasovsky"),
    ("Kang Shen", "Kang Sheng"), ("Deng Xioaping", "Deng Xiaoping"), ("Mao, Zedong", "Mao Zedong"),
    ("Yu[mjagiin] Tsedenbal", "Yumjaagiin Tsedenbal"), ("Yumjaagiyn Tsedenbal", "Yumjaagiin Tsedenbal"),
    ("Yu. Tsedenbal", "Yumjaagiin Tsedenbal"), ("Dondongiin Tsevegmid", "Dondogiin Tsevegmid"),
    ("Pham Hùng", "Pham Hung"), ("Shicai Sheng", "Sheng Shicai"),
    # spellings real titles write, which the table now lists
    ("Zhou", "Zhou Enlai"), ("Andrey Vyshinsky", "Andrei Vyshinsky"), ("Vyshinky", "Andrei Vyshinsky"),
    ("Beria", "Lavrentiy Beria"), ("Lavrenti Beria", "Lavrentiy Beria"), ("T. Shtykov", "Terentii Shtykov"),
    ("Joseph V. Stalin", "Joseph Stalin"), ("Leonid I. Brezhnev", "Leonid Brezhnev"), ("N. Ceausescu", "Nicolae Ceausescu"),
    ("Nicolae Ceaușescu", "Nicolae Ceausescu"), ("T. Zhivkov", "Todor Zhivkov"), ("Saddam", "Saddam Hussein"),
    # the Russian order, surname then initials
    ("Stalin I.V.", "Joseph Stalin"), ("Gromyko, A. A.", "Andrei Gromyko"),
    ("Kosygin", "Alexei Kosygin"), ("A.N. Kosygin", "Alexei Kosygin"), ("Wałęsa", "Lech Walesa"),
    ("François Mitterrand", "Francois Mitterrand"), ("Henry A. Kissinger", "Henry Kissinger"),
    # a wife named by her husband's name is she, never he
    ("Madame Zhou", "Deng Yingchao"), ("Madame Mao", "Jiang Qing"), ("Madame Chiang Kai-shek", "Song Meiling"),
    ("Mme. Sun Yat-sen", "Song Qingling"), ("Mme. Soong Ching-ling", "Song Qingling"), ("Mrs. Sun Yat-sen", "Song Qingling"),
    ("Madame Deng Yingchao", "Deng Yingchao"), ("Madam Mao", "Jiang Qing"),
]


# letters Unicode does not decompose (a stroke, a ligature) fold as accents do, and a nickname's quotes are no part of it
@pytest.mark.parametrize(("one", "other"), [
    ("Lech Wałęsa", "Lech Walesa"), ("Władysław Gomułka", "Wladyslaw Gomulka"), ("Lê Đức Thọ", "Le Duc Tho"),
    ("Ernesto “Che” Guevara", "Ernesto 'Che' Guevara"), ('Ernesto "Che" Guevara', "Ernesto Che Guevara"),
    # the marks of romanization in Library of Congress headings: an aspirate, an ayn, a hamza
    ("Chʻoe Yong-gŏn", "Ch'oe Yong-gon"), ("Chʻoe Yong-gŏn", "Choe Yong Gon"), ("ʿAbd al-Nāṣir", "Abd al-Nasir"),
    ("Raʾūf", "Rauf"),
])
def test_spellings_that_differ_in_letters_unicode_keeps_apart_share_a_key(one: str, other: str) -> None:
    assert match_key(one) == match_key(other)


@pytest.mark.parametrize(("spelling", "canonical"), SAME_PERSON, ids=[s for s, _ in SAME_PERSON])
def test_lookup_finds_the_canonical_form(spelling: str, canonical: str, table: NameTable) -> None:
    assert table.lookup(spelling) == canonical


# Pairs that look alike but are different people: never one form.
DIFFERENT_PEOPLE = [
    ("Kim Il Sung", "Kim Il"), ("Kim Il Sung", "Kim Jong Il"), ("Kim Il", "Kim Jong Il"), ("Kim Il Sung", "Kim Gwan"),
    ("Kim Gwan", "Kim Gwang-hyeop"), ("Qiao Xiaoguang", "Qiao Guanhua"), ("Pak Il-u", "Pak Heon-yeong"),
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT_PEOPLE, ids=[f"{a} vs {b}" for a, b in DIFFERENT_PEOPLE])
def test_different_people_never_merge(one: str, other: str, table: NameTable) -> None:
    assert match_key(one) != match_key(other)
    assert table.lookup(one) != table.lookup(other)
    assert len(set(written([one, other], table).values())) == 2 and len(rows_of([one, other], table)) == 2
    assert len(set(written([one, other], NameTable()).values())) == 2 and len(rows_of([one, other], NameTable())) == 2


# Names the table must not guess: a lone surname or code name shared by several people.
@pytest.mark.parametrize("name", ["Ponomarev", "Kuznetsov", "Semenov", "Kim", "Premier Kim", "Rhee", "Grechko",
                                  "Ms. Nixon", "Mrs. Kissinger",   # (Rhee Tong-won, Georgy Grechko; a wife)
                                  # two of a family (Fidel and Raúl, John and Robert, Dwight and Milton), an ambassador of
                                  # the prime minister's family (R. K. Nehru), a wife or a brother named in full
                                  "Castro", "Kennedy", "Eisenhower", "Nehru", "Gandhi", "Carter", "Nagy", "Elena Ceausescu",
                                  "Margot Honecker", "M. Honecker", "Nexhmije Hoxha", "R.K. Nehru", "Milton Eisenhower",
                                  "Nicu Ceausescu", "Ahmad Khomeini", "Jehan Sadat", "Fadil Hoxha", "Alfredo Guevara"])
def test_ambiguous_names_are_not_guessed(name: str, table: NameTable) -> None:
    assert table.lookup(name) is None


KIND_CASES = [
    ("Mao Zedong", "person"), ("Filippov [Stalin]", "person"), ("CPSU Central Committee", "organization"),
    ("CPSU CC", "organization"), ("Central Committee", "organization"), ("Sino-Soviet Delegation", "organization"),
    ("Korean Workers' Party Presidium", "organization"), ("Hungarian Embassy in Pyongyang", "organization"),
    ("Polish Embassy in Havana (Jeleń)", "organization"), ("Politburo of the CC CPSU", "organization"),
    ("Central Military Commission", "organization"), ("VKP(b) CC", "organization"), ("Pyongyang", "place"),
    ("Bucharest", "place"), ("Tehran", "place"), ("Peking", "place"), ("DPRK", "place"), ("Ponomarev", None),
    # a parliament by its own name, which was a person ("Message from President Truman to the Senate"); not a surname
    ("Senate", "organization"), ("Supreme Soviet", "organization"), ("Sejm", "organization"), ("Aurel Duma", None),
]


@pytest.mark.parametrize(("name", "kind"), KIND_CASES, ids=[n for n, _ in KIND_CASES])
def test_kind(name: str, kind: str | None, table: NameTable) -> None:
    assert table.kind(name) == kind


# (names seen in a dataset, the name of the one row the people table gives them) with an empty table: the rules alone.
UNIFY_CASES = [
    (["N.G. Sudarikov", "N. G. Sudarikov"], ["N. G. Sudarikov", "N. G. Sudarikov"]),
    (["GONG PUSHENG", "Gong Pusheng"], ["Gong Pusheng", "Gong Pusheng"]),
    (["GONG PUSHENG"], ["Gong Pusheng"]),
    (["PAK HEON-YEONG"], ["Pak Heon-yeong"]),
    (["PAK HEON-YEONG", "Pak Heon-Yeong"], ["Pak Heon-Yeong", "Pak Heon-Yeong"]),
    (["Li Zhou-yuan", "Li Zhouyuan", "Li Zhouyuan"], ["Li Zhouyuan", "Li Zhouyuan", "Li Zhouyuan"]),
    (["Kim Il-sung", "Kim Il-Sung"], ["Kim Il-Sung", "Kim Il-Sung"]),
    (["TEIMURAZ STEPANOV-MAMALADZE"], ["Teimuraz Stepanov-Mamaladze"]),
    (["Szabó Ferenc", "SZABÓ FERENC"], ["Szabó Ferenc", "Szabó Ferenc"]),
]


@pytest.mark.parametrize(("seen", "expected"), UNIFY_CASES, ids=[" / ".join(s) for s, _ in UNIFY_CASES])
def test_spellings_of_one_name_are_one_row_without_table(seen: list[str], expected: list[str]) -> None:
    """Each record keeps its spelling's written form; the people table puts them in one row, under the best spelling."""
    [row] = rows_of(seen, NameTable())
    assert [row["name"]] * len(seen) == expected
    assert {written_form(name) for name in seen} <= {row["name"], *row["variants"]}


def test_the_table_writes_the_names_it_knows_in_every_record() -> None:
    seen = ["PAK HEON-YEONG", "Pak Heon-Yeong", "Pak Heon-yeong", "Kim Il-sung", "KIM IL SUNG", "Ponomarev",
            "Filippov (Stalin)", "I.V. Stalin"]
    assert written(seen, NameTable.load()) == {
        "PAK HEON-YEONG": "Pak Heon-yeong", "Pak Heon-Yeong": "Pak Heon-yeong", "Pak Heon-yeong": "Pak Heon-yeong",
        "Kim Il-sung": "Kim Il Sung", "KIM IL SUNG": "Kim Il Sung", "Ponomarev": "Ponomarev",
        "Filippov (Stalin)": "Joseph Stalin", "I.V. Stalin": "Joseph Stalin",
    }


WRITTEN_FORMS = [
    ("N.G. Sudarikov", "N. G. Sudarikov"), ("A.Y Vyshinsky", "A. Y Vyshinsky"), ("GONG PUSHENG", "Gong Pusheng"),
    ("PAK HEON-YEONG", "Pak Heon-yeong"), ("Kim Gwang-hyeop [Kim Kwang Hyop]", "Kim Gwang-hyeop"),
    ("Yu[mjagiin] Tsedenbal", "Yumjagiin Tsedenbal"), ("Ponomarev", "Ponomarev"), ("  Kim   Gwan ", "Kim Gwan"),
    ("Sudarikov N.G.", "N. G. Sudarikov"), ("Puzanov, A. M.", "A. M. Puzanov"), ("Kim Il", "Kim Il"),
    ("Eliot Jr.", "Eliot Jr."), ("Mitsubishi Co.", "Mitsubishi Co."), ("Berlin, G.D.R.", "Berlin, G. D. R."),
    # a Turkish "İ" in lower case is an "i", with no combining dot above it ("Demi̇rel")
    ("SÜLEYMAN DEMİREL", "Süleyman Demirel"), ("İSMET İNÖNÜ", "İsmet İnönü"),
]


@pytest.mark.parametrize(("name", "expected"), WRITTEN_FORMS, ids=[n.strip() for n, _ in WRITTEN_FORMS])
def test_written_form(name: str, expected: str) -> None:
    assert written_form(name) == expected


def test_every_spelling_of_a_person_gives_the_tables_form(table: NameTable) -> None:
    for spelling in ("Feng Xi (Stalin)", "Filippov", "Feng Xi", "Instantsia", "I. V. Stalin"):
        assert table.lookup(spelling) == "Joseph Stalin", spelling
    assert table.lookup("Ponomarev") is None


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my-names.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_extra_rows_add_and_win(tmp_path: Path) -> None:
    extra = write(tmp_path, "canonical,kind,variant,note\n"
                            "Boris Ponomarev,person,Ponomarev,this dataset only has the CC secretary\n"
                            "Filippov,person,,our dataset's own Filippov\n"
                            "Kremlin,place,,\n")
    table = NameTable.load(extra)
    assert table.lookup("Ponomarev") == "Boris Ponomarev"
    assert table.lookup("Filippov") == "Filippov"
    assert table.lookup("Filippov [Stalin]") == "Filippov"
    assert table.lookup("Feng Xi (Stalin)") == "Joseph Stalin"
    assert table.kind("Kremlin") == "place"


def test_a_user_file_may_have_three_columns_and_a_byte_order_mark(tmp_path: Path) -> None:
    table = NameTable.load(write(tmp_path, "\ufeffcanonical,kind,variant\nKim Tu-bong,person,Kim Tu Bong\n"))
    assert table.lookup("KIM TU BONG") == "Kim Tu-bong"


MALFORMED = [
    ("name,kind\nStalin,person\n", ":1: the header must be canonical,kind,variant,note"),
    ("", ":1: the header must be"),
    ("canonical,kind,variant,note\nKim Il,person,,\nKim Il,people,,\n", ":3: kind must be one of"),
    ("canonical,kind,variant,note\n,person,Stalin,\n", ":2: the canonical column is empty"),
    ("canonical,kind,variant,note\nKim Il,person,,a,b\n", ":2: expected 4 columns, found 5"),
    ("canonical,kind,variant,note\nKim Il,person\n", ":2: expected 4 columns, found 2"),
    ("canonical,kind,variant,note\nA,person,Kim Il,\nB,person,KIM IL,\n", ":3: 'KIM IL' already belongs to 'A'"),
    ("canonical,kind,variant,note\nPyongyang,place,,\nPyongyang,person,Heijo,\n", ":3: 'Pyongyang' was given the kind"),
    # the list columns of the CSV join names with "; ": a name holding one would come back as two
    ("canonical,kind,variant,note\nKim; Il Sung,person,Kim Il Sung,\n",
     ":2: the canonical name 'Kim; Il Sung' holds ';', which separates the names in a list column of the CSV"),
    ('canonical,kind,variant,note\n"Kim\nIl Sung",person,,\n', ":2: the canonical name 'Kim\\nIl Sung' holds a line break"),
    # rows of nothing (a spreadsheet's empty lines) are passed over, and the lines after them still counted
    ("canonical,kind,variant,note\n,,,\n\nA,person,Kim Il,\nB,person,KIM IL,\n", ":5: 'KIM IL' already belongs to 'A'"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED,
                         ids=["header", "empty", "kind", "canonical", "too-many", "too-few", "clash", "two-kinds", "semicolon",
                              "line-break", "empty-rows"])
def test_malformed_user_file_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        NameTable.load(path)
    assert str(caught.value).startswith(f"{path}:") and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unreadable_user_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"my-names.csv: cannot read the names file \(no such file or directory\)$"):
        NameTable.load(tmp_path / "my-names.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("canonical,kind,variant,note\nSzab\xf3,person,,\n".encode("latin-1"))
    with pytest.raises(UsageError, match=r"latin1.csv: cannot read the names file \(not UTF-8 text: save it as CSV UTF-8\)"):
        NameTable.load(bad)


@pytest.mark.parametrize("canonical", ["Joseph Stalin", "Mao Zedong", "Kim Il Sung", "Anastas Mikoyan", "Pyongyang",
                                       "CPSU Central Committee", "Pak Heon-yeong", "N. G. Sudarikov"])
def test_a_canonical_form_is_its_own_canonical(canonical: str, table: NameTable) -> None:
    assert table.lookup(canonical) == canonical


@pytest.mark.parametrize(("party", "is_person"), [("former Editor of the Journal", False), ("Song Jin-hwa", True),
                                                  ("Ludwig van Beethoven", True), ("leaders of the party", False),
                                                  ("CHARGÉ D’AFFAIRES COUNSELOR", False),   # a post in capitals too
                                                  # and a post with its city
                                                  ("Personal Representative, Moscow", False),
                                                  ("Political Representative, Bucharest", False),
                                                  # a name in capitals short enough for initials, as in title case
                                                  ("KATORI", True), ("Katori", True), ("ASEAN", False), ("SEATO", False),
                                                  # but a word of that shape with a silent "e" is an English one
                                                  ("MINUTE", False), ("DECODE", False), ("NOTICE", False)])
def test_only_name_shaped_unknown_parties_are_people(party: str, is_person: bool, table: NameTable) -> None:
    assert bool(person_names(Parties((), (), (party,)), table)) is is_person


def test_will_first_is_a_given_name_only_before_one_word() -> None:
    """"Will Clayton" is a person; "Will Mao Go to Moscow?" asks, and names no sender."""
    assert parties("Letter from Will Clayton to Dean Acheson").senders == ("Will Clayton",)
    assert parties("Will Mao Go to Moscow?").senders == ()
    assert parties("Letter from Will L. Clayton to Dean Acheson").senders == ("Will L. Clayton",)


@pytest.mark.parametrize(("title", "people"), [
    ("Letter from Khrushchev to Ulbricht, in Response to Ulbricht's Previous Letter Regarding a Peace Treaty",
     ("Nikita Khrushchev", "Walter Ulbricht")),
    ("Stenographic Protocol of the II Plenary Session of the Central Committee of the Polish United Workers' Party "
     "(excerpts)", ()),
    ("Speech Given by Comrade Le Duc Tho to the Leaders of Public Security's Departments, Bureaus, and City and "
     "Provincial Offices", ("Le Duc Tho",)),
    ("Message from President Truman to the Senate", ("Truman",)),
    ("Letter from the Knesset to the Supreme Soviet", ()),
    # and its speaker's role is no part of his name
    ("Letter from Majlis Speaker Rafsanjani to Gorbachev", ("Rafsanjani", "Mikhail Gorbachev")),
    ("Letter from Japanese Diet Speaker Tsutsumi Yasujiro to Zhou Enlai", ("Tsutsumi Yasujiro", "Zhou Enlai")),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_phrases_that_are_no_names_are_no_persons(title: str, people: tuple[str, ...], table: NameTable) -> None:
    assert person_names(parties(title), table) == people


# "Kim Il Sung's Daughter" is a party, but no person's name: a relative the title does not name (nor is she Kim Il Sung)
@pytest.mark.parametrize(("title", "people"), [
    ("[Kim Il Sung's] Son", ()), ("Meeting with Kim Il Sung's Daughter", ()), ("Meeting with Kim Il Sung's Adviser", ()),
    ("Letter from [Kim Il Sung's] Son to Stalin", ("Joseph Stalin",)),
    ("Memorandum of Conversation with Zhou Enlai, Chen Yi's Wife and Deng Yingchao", ("Zhou Enlai", "Deng Yingchao")),
    ("Conversation with Khrushchev's Son-in-Law Adzhubei", ("Adzhubei",)),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_a_relative_the_title_does_not_name_is_no_person(title: str, people: tuple[str, ...], table: NameTable) -> None:
    assert person_names(parties(title), table) == people

@pytest.mark.parametrize("party", ["Bureaus", "Provincial Offices", "Yugoslav Embassies", "Agencies",
                                   "Branches", "Central Committees"])
def test_the_plural_of_a_body_word_is_a_body(party: str, table: NameTable) -> None:
    assert table.kind(party) == "organization" and not person_names(Parties((), (), (party,)), table)


@pytest.mark.parametrize(("title", "people"), [
    ("[Mao Zedong's] Conversation with [Richard] Dixon and [Lawrence \"Lance\"] Sharkey [then President of the Australian "
     "Communist Party]", ("Mao Zedong", "Richard Dixon", "Lawrence Sharkey")),
    ("Chairman Mao Receives American Writer [Edgar] Snow", ("Mao Zedong", "Edgar Snow")),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_an_editors_given_name_before_a_name_is_part_of_the_persons_name(title, people, table: NameTable) -> None:
    assert person_names(parties(title), table) == people


@pytest.mark.parametrize(("name", "expected"), [("[Edgar] Snow", "Edgar Snow"), ('[Lawrence "Lance"] Sharkey', "Lawrence Sharkey"),
                                                ("Filippov [Stalin]", "Filippov"), ("Mao [Zedong]", "Mao"),
                                                ("[Georgi M.] Dimitrov", "Georgi M. Dimitrov"),
                                                ("Pak Jeong-ae [Pak Jong Ae]", "Pak Jeong-ae")])
def test_a_bracket_before_a_name_completes_it_and_one_after_it_is_no_part_of_it(name: str, expected: str) -> None:
    assert written_form(name) == expected


# Initials and a family name the table lists alone are its person's when they agree with a given name the table writes
# him with ("I. V. Stalin" is Iosif); initials that disagree, or that the table cannot check, are left as written. A "J"
# is the "Yu" of Yuri as German, Polish, Czech or Hungarian write it (an archive title has "Comrade J. Andropov"); his
# son Igor ("I. Andropov") and Stalin's son Yakov ("Ya. Stalin", "Y. Stalin", though the table writes "J. V. Stalin")
# are still no one else.
@pytest.mark.parametrize(("spelling", "canonical"), [
    ("W. Ulbricht", "Walter Ulbricht"), ("Ulbricht W.", "Walter Ulbricht"), ("I. Stalin", "Joseph Stalin"),
    ("J. Stalin", "Joseph Stalin"), ("L. Brezhnev", "Leonid Brezhnev"), ("M. Gorbachev", "Mikhail Gorbachev"),
    ("J. Andropov", "Yuri Andropov"), ("Ju. V. Andropov", "Yuri Andropov"), ("J. Tsedenbal", "Yumjaagiin Tsedenbal"),
    ("I. Andropov", None), ("Ja. Andropov", None), ("Ya. Stalin", None), ("Y. Stalin", None),
    ("N. Stalin", None), ("L. S. Brezhnev", None), ("B. Ponomarev", None),
    # the Library of Congress writes Ю as "Iu", in capitals "IU": "IU. V. Andropov" was no one the table knows
    ("IU. V. Andropov", "Yuri Andropov"), ("Iu. V. Andropov", "Yuri Andropov"), ("Andropov, IU. V.", "Yuri Andropov"),
    # and Я as "Ia", "IA" (Ja in German): a two-letter initial is one letter, no "I. V." nor "J. V." Stalin the table writes
    ("Ia. Stalin", None), ("IA. Stalin", None), ("IU. Stalin", None), ("Ja. Stalin", None),
    # and a person the table lists with initials only, no family name alone, is his in any romanization
    ("Ia. A. Malik", "Yakov Malik"), ("IA. A. Malik", "Yakov Malik"), ("Ia. Malik", "Yakov Malik"),
    ("Malik, IA. A.", "Yakov Malik"), ("I. A. Malik", None), ("Iu. A. Malik", None), ("IU. Malik", None),
    ("Ja. A. Malik", "Yakov Malik"), ("Malik, Ja. A.", "Yakov Malik"), ("Ju. A. Malik", None),
])
def test_initials_that_agree_with_the_tables_person_are_that_person(spelling: str, canonical: str | None,
                                                                    table: NameTable) -> None:
    assert table.lookup(spelling) == canonical


# A given name or initials an editor brackets before a family name the table lists alone are part of the name, as they
# are unbracketed: they name the table's person only when they agree with him ("[Sergei Kh.] Khrushchev" is his son)
@pytest.mark.parametrize(("spelling", "canonical"), [
    ("[Sergei Kh.] Khrushchev", None), ("[Sergei] Khrushchev", None), ("Sergei Khrushchev", None), ("[S.] Khrushchev", None),
    ("S. Khrushchev", None), ("[Igor] Andropov", None), ("Igor Andropov", None), ("[N. S.] Khrushchev", "Nikita Khrushchev"),
    ("[Nikita] Khrushchev", "Nikita Khrushchev"), ("[Yuri] Andropov", "Yuri Andropov"), ("[J.] Andropov", "Yuri Andropov"),
])
def test_a_bracketed_given_name_that_disagrees_with_the_tables_person_is_someone_else(spelling: str, canonical: str | None,
                                                                                      table: NameTable) -> None:
    assert table.lookup(spelling) == canonical


# A full given name and initials after it are the table's person when the name is his and each initial agrees with a
# given name the table writes in its place ("Nikita S." with "Nikita Sergeevich"); another given name ("Sergei",
# "Nikolai", whom "N. S." would fit), an initial that disagrees with the patronymic the table writes ("Leonid S.":
# Ilyich), or one where the table writes none ("Walter E." of "Walter Ulbricht", as "W. E." is), is someone else
@pytest.mark.parametrize(("spelling", "canonical"), [
    ("Nikita S. Khrushchev", "Nikita Khrushchev"), ("[Nikita S.] Khrushchev", "Nikita Khrushchev"),
    ("Iosif V. Stalin", "Joseph Stalin"), ("Walter E. Ulbricht", None), ("Leonid I. Brezhnev", "Leonid Brezhnev"),
    ("Yuri V. Andropov", "Yuri Andropov"), ("Sergei N. Khrushchev", None), ("[Sergei N.] Khrushchev", None),
    ("Nikolai S. Khrushchev", None), ("Leonid S. Brezhnev", None), ("Yakov I. Stalin", None), ("Igor Yu. Andropov", None),
])
def test_a_given_name_and_initials_that_agree_with_the_tables_person_are_that_person(spelling: str, canonical: str | None,
                                                                                     table: NameTable) -> None:
    assert table.lookup(spelling) == canonical


def test_a_given_name_and_an_initial_the_table_writes_none_for_is_another_of_the_family(tmp_path: Path) -> None:
    table = NameTable.load(write(tmp_path, "canonical,kind,variant\nGeorge Bush,person,\nGeorge Bush,person,Bush\n"))
    assert table.lookup("George Bush") == "George Bush"
    assert table.lookup("G. W. Bush") is None
    assert table.lookup("George W. Bush") is None


def test_a_title_writing_a_given_name_and_an_initial_names_the_tables_person(table: NameTable) -> None:
    assert person_names(parties("Letter from [Nikita S.] Khrushchev to Mao Zedong"), table) == ("Nikita Khrushchev", "Mao Zedong")
    assert person_names(parties("Letter from Sergei Khrushchev to S. Khrushchev"), table) == ("Sergei Khrushchev", "S. Khrushchev")


def test_a_bracketed_given_name_makes_its_person_no_spelling_of_the_tables(table: NameTable) -> None:
    assert person_names(parties("Conversation with [Sergei Kh.] Khrushchev"), table) == ("Sergei Kh. Khrushchev",)
    title = "Conversation between Nikita Khrushchev and [Sergei] Khrushchev"
    named = parties(title)
    mention = Mention("a", "", "", person_names(named, table), (), named.participants)
    assert {row["name"]: row["variants"] for row in people_table([mention], table)} == {
        "Nikita Khrushchev": [], "Sergei Khrushchev": []}


def test_a_title_writing_initials_and_one_writing_the_family_name_alone_name_one_person(table: NameTable) -> None:
    title = "Notes on the Conversation of Comrade N.S. Khrushchev with Comrade W. Ulbricht on 1 August 1961"
    assert person_names(parties(title), table) == ("Nikita Khrushchev", "Walter Ulbricht")
    assert [row["name"] for row in rows_of(["W. Ulbricht", "Ulbricht"], table)] == ["Walter Ulbricht"]


# A code name before its person's bracketed name is that person ("Filippov [Stalin]"); a given name before a family
# name in brackets is someone of that family, unless it is one the person is written with.
@pytest.mark.parametrize(("spelling", "canonical"), [
    ("Svetlana (Stalin)", None), ("Yakov (Stalin)", None), ("Svetlana Alliluyeva (Stalin)", None), ("Vasily (Stalin)", None),
    ("Iosif (Stalin)", "Joseph Stalin"), ("Filippov [Stalin]", "Joseph Stalin"), ("Semenov [Stalin]", "Joseph Stalin"),
])
def test_a_given_name_before_a_bracketed_family_name_is_a_person_of_their_own(spelling: str, canonical: str | None,
                                                                               table: NameTable) -> None:
    assert table.lookup(spelling) == canonical
    assert ("Joseph Stalin" in person_names(Parties((), (), (spelling,)), table)) is (canonical is not None)


# Soviet leaders and a Korean minister the table lists, each in the spellings the archive's titles and pages write
@pytest.mark.parametrize(("spelling", "canonical"), [
    ("G. M. Malenkov", "Georgy Malenkov"), ("G.M. Malenkov", "Georgy Malenkov"), ("Georgy M. Malenkov", "Georgy Malenkov"),
    ("Malenkov", "Georgy Malenkov"), ("Voroshilov", "Kliment Voroshilov"), ("K.E. Voroshilov", "Kliment Voroshilov"),
    ("Podgorny", "Nikolai Podgorny"), ("N. V. Podgornyy", "Nikolai Podgorny"), ("Kim Seung-hwa", "Kim Seung-hwa"),
    ("Kim Sung-hwa", "Kim Seung-hwa"),
    # the leaders of the other parties and states the archive's collections are about, as titles and headings write them
    ("Tito", "Josip Broz Tito"), ("Josef Broz Tito", "Josip Broz Tito"),
    ("Josip Broz-Tito", "Josip Broz Tito"), ("Honecker", "Erich Honecker"), ("E. Honecker", "Erich Honecker"),
    ("Hoxha", "Enver Hoxha"), ("Kádár", "János Kádár"), ("Janos Kadar", "János Kádár"), ("Gomulka", "Władysław Gomułka"),
    ("Wladyslaw Gomulka", "Władysław Gomułka"), ("W. Gomulka", "Władysław Gomułka"), ("Kania", "Stanisław Kania"),
    ("Jaruzelski", "Wojciech Jaruzelski"), ("Dubcek", "Alexander Dubček"), ("Ceausescu", "Nicolae Ceausescu"),
    ("Gh. Gheorghiu-Dej", "Gheorghe Gheorghiu-Dej"), ("Suslov", "Mikhail Suslov"), ("N.A. Bulganin", "Nikolai Bulganin"),
    ("Eduard A. Shevardnadze", "Eduard Shevardnadze"), ("Fidel Castro Ruz", "Fidel Castro"), ("Raul Castro Ruz", "Raúl Castro"),
    ("Ernesto 'Che' Guevara", "Ernesto Guevara"), ("Che Guevara", "Ernesto Guevara"), ("Pandit Nehru", "Jawaharlal Nehru"),
    ("Mrs. Gandhi", "Indira Gandhi"), ("Nasser", "Gamal Abdel Nasser"), ("Gamal Abdul Nasser", "Gamal Abdel Nasser"),
    ("Gamal Nasser", "Gamal Abdel Nasser"), ("Gamal Abd al-Nasser", "Gamal Abdel Nasser"), ("Josip Broz", "Josip Broz Tito"),
    ("Abdul Nasser", "Gamal Abdel Nasser"),
    ("Anwar el-Sadat", "Anwar Sadat"), ("Gaddafi", "Muammar Qaddafi"), ("Ayatollah Khomeini", "Ruhollah Khomeini"),
    ("Imam Khomeini", "Ruhollah Khomeini"), ("Mrs. Indira Gandhi", "Indira Gandhi"),
    ("Samdech Norodom Sihanouk", "Norodom Sihanouk"), ("Soekarno", "Sukarno"),
    ("Sihanouk", "Norodom Sihanouk"), ("Mengistu", "Mengistu Haile Mariam"),
    ("Adenauer", "Konrad Adenauer"), ("J.F. Kennedy", "John F. Kennedy"), ("Reagan", "Ronald Reagan"),
    # the Library of Congress romanization of Soviet leaders' names
    ("Aleksei Kosygin", "Alexei Kosygin"), ("Viacheslav Molotov", "Vyacheslav Molotov"), ("Mikoian", "Anastas Mikoyan"),
    ("Beriia", "Lavrentiy Beria"),
    # people the sample titles (tests/data) write in more than one way
    ("G. Dimitrov", "Georgi Dimitrov"), ("Georgi M. Dimitrov", "Georgi Dimitrov"), ("A. S. Chernyaev", "Anatoly Chernyaev"),
    ("I.V. Kurchatov", "Igor Kurchatov"), ("Igor V. Kurchatov", "Igor Kurchatov"), ("I.Kurchatov", "Igor Kurchatov"),
    ("I. G. Maurer", "Ion Gheorghe Maurer"), ("M.D. Bagirov", "Mir Jafar Bagirov"), ("Mir Bagirov", "Mir Jafar Bagirov"),
    ("Ya. Malik", "Yakov Malik"), ("Ya. A. Malik", "Yakov Malik"), ("Malik, Ia. A.", "Yakov Malik"),
])
def test_the_table_knows_these_people(spelling: str, canonical: str, table: NameTable) -> None:
    assert table.lookup(spelling) == canonical and table.kind(spelling) == "person"


# An editor's bracketed word before a name completes it, whatever name it is: a given name ("[Richard] Dixon"), the
# family name of an East Asian name written first ("[Kim] Il Sung"), a given name no list holds ("[Imre] Nagy"); a role
# or its fragment, an honorific, a modifier, an article or an editor's word does not ("[Prime] Minister Nehru" is Nehru,
# "[Sir] Anthony Eden" is Anthony Eden, "[The] Chairman" nobody), nor several words of which none reads as a given name
# ("[Red Cross] Junod" is Junod)
@pytest.mark.parametrize(("title", "people"), [
    ("Letter from [Prime] Minister Nehru to Zhou Enlai", ("Nehru", "Zhou Enlai")),
    ("Letter from [Party] Secretary Kádár to Khrushchev", ("János Kádár", "Nikita Khrushchev")),
    ("Letter from [Late] Premier Nagy to Tito", ("Nagy", "Josip Broz Tito")),
    ("Letter from [Illegible] Ivanov to Molotov", ("Ivanov", "Vyacheslav Molotov")),
    ("Letter from [Unknown] Petrov to Molotov", ("Petrov", "Vyacheslav Molotov")),
    ("Letter from [Citizen] Petrov to Molotov", ("Petrov", "Vyacheslav Molotov")),
    ("Letter from [Comrade] Dixon to Mao Zedong", ("Dixon", "Mao Zedong")),
    ("Letter from [Sir] Anthony Eden to Molotov", ("Anthony Eden", "Vyacheslav Molotov")),
    ("Letter from [Herr] Blankenhorn to Khrushchev", ("Blankenhorn", "Nikita Khrushchev")),
    ("Letter from [Mister] Harriman to Stalin", ("Harriman", "Joseph Stalin")),
    ("Letter from Se [Sic] Hwi to Mao Zedong", ("Se Hwi", "Mao Zedong")),
    ("Conversation with [The] Chairman", ()),
    ("Letter from [Richard] Dixon to Mao Zedong", ("Richard Dixon", "Mao Zedong")),
    ("Conversation between Zhou Enlai and [Ambroise] Noumazalaye", ("Zhou Enlai", "Ambroise Noumazalaye")),
    ("Letter from [Kim] Il Sung to Stalin", ("Kim Il Sung", "Joseph Stalin")),
    ("Letter from [Zhou] Enlai to Stalin", ("Zhou Enlai", "Joseph Stalin")),
    ("Letter from [Deng] Xiaoping to Stalin", ("Deng Xiaoping", "Joseph Stalin")),
    ("Letter from [Le] Duan to Mao Zedong", ("Le Duan", "Mao Zedong")),
    ("Letter from [Pham] Van Dong to Mao Zedong", ("Pham Van Dong", "Mao Zedong")),
    ("Letter from [Park] Chung-hee to Nixon", ("Park Chung Hee", "Richard Nixon")),
    ("Letter from [Imre] Nagy to Tito", ("Imre Nagy", "Josip Broz Tito")),
    ("Letter from [János] Kádár to Khrushchev", ("János Kádár", "Nikita Khrushchev")),
    ("Letter from [Fidel] Castro to Khrushchev", ("Fidel Castro", "Nikita Khrushchev")),
    ("Letter from [Enver] Hoxha to Khrushchev", ("Enver Hoxha", "Nikita Khrushchev")),
    ("Letter from [Nicolae] Ceausescu to Brezhnev", ("Nicolae Ceausescu", "Leonid Brezhnev")),
    ("Letter from [Wojciech] Jaruzelski to Brezhnev", ("Wojciech Jaruzelski", "Leonid Brezhnev")),
    ("Letter from [Jawaharlal] Nehru to Zhou Enlai", ("Jawaharlal Nehru", "Zhou Enlai")),
    ("Letter from [Sékou] Touré to Khrushchev", ("Sékou Touré", "Nikita Khrushchev")),
    ("Letter from [Unclear] Ivanov to Molotov", ("Ivanov", "Vyacheslav Molotov")),
    ("Letter from [Name] Ivanov to Molotov", ("Ivanov", "Vyacheslav Molotov")),
    ("Letter from [Red Cross] Junod to Molotov", ("Junod", "Vyacheslav Molotov")),
    ("Conversation with [New York] Gromyko", ("Andrei Gromyko",)),
    ("Letter from [New Zealand] Holyoake to Zhou Enlai", ("Holyoake", "Zhou Enlai")),
    ("Letter from [Los Angeles] Mayor Yorty to Zhou Enlai", ("Yorty", "Zhou Enlai")),
    # nor a place the names table knows, as the grammar's own list knows Moscow and Hanoi
    ("Letter from [Geneva] Junod to Molotov", ("Junod", "Vyacheslav Molotov")),
    ("Letter from [East Berlin] Ulbricht to Khrushchev", ("Walter Ulbricht", "Nikita Khrushchev")),
    ("Letter from [Moscow] Gromyko to Mao Zedong", ("Andrei Gromyko", "Mao Zedong")),
    ("Letter from [Hanoi] Pham Van Dong to Mao Zedong", ("Pham Van Dong", "Mao Zedong")),
    # a place that is a given name too is the city, but before the names table's person it is his: Santiago Carrillo, the
    # Spanish communist leader
    ("Letter from [Santiago] Allende to Castro", ("Allende", "Castro")),
    ("Telegram from [Santiago] Ambassador Korry to Kissinger", ("Korry", "Henry Kissinger")),
    ("Conversation between Zhou Enlai and [Santiago] Carrillo", ("Zhou Enlai", "Santiago Carrillo")),
    ("Letter from [Santiago de Chile] Allende to Castro", ("Allende", "Castro")),
    ("Letter from [Edgar] Snow to Mao Zedong", ("Edgar Snow", "Mao Zedong")),
    # an Arabic given name of several words, which reads as one by its words of the list
    ("Letter from [Gamal Abdel] Nasser to Khrushchev", ("Gamal Abdel Nasser", "Nikita Khrushchev")),
    ("Letter from [Abdul Rahman] Arif to Khrushchev", ("Abdul Rahman Arif", "Nikita Khrushchev")),
    # while a body or place of two words the lists lack still reads as none: no word of it is a given name
    ("Letter from [Khmer Rouge] Ieng Sary to Zhou Enlai", ("Ieng Sary", "Zhou Enlai")),
    ("Letter from [Pathet Lao] Souphanouvong to Zhou Enlai", ("Souphanouvong", "Zhou Enlai")),
    # a particle inside is the name's, as it is unbracketed; and "Mme." stays, as "Madame" does
    ("Letter from [Maria da Graca] Dutra to Mao Zedong", ("Maria da Graca Dutra", "Mao Zedong")),
    ("Letter from Mme. [Maria da Graca] Dutra to Mao Zedong", ("Mme. Maria da Graca Dutra", "Mao Zedong")),
    # but no particle is the given name a bracket of several words needs, though "al", "do", "du" and "le" are spelled as one
    ("Conversation with [Banco do Brasil] President Souza", ("Souza",)),
    ("Conversation with [Banque du Liban] Governor Sarkis", ("Sarkis",)),
    ("Conversation with [Ras al Khaimah] Saqr", ("Saqr",)),
    # a bracket of particles alone completes the name too: it was dropped as an editor's summary in lower case
    ("Conversation between [de] Gaulle and Adenauer", ("de Gaulle", "Konrad Adenauer")),
    ("Letter from Helmut Schmidt to [von] Weizsäcker", ("Helmut Schmidt", "von Weizsäcker")),
    ("Letter from Charles [de] Gaulle to Khrushchev", ("Charles de Gaulle", "Nikita Khrushchev")),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_a_bracketed_name_before_a_name_completes_it_and_a_role_honorific_or_editors_word_does_not(title, people,
                                                                                                  table: NameTable) -> None:
    assert person_names(parties(title), table) == people


@pytest.mark.parametrize(("name", "expected"), [
    ("[Sir] Anthony Eden", "Anthony Eden"), ("[Herr] Adenauer", "Adenauer"), ("[Mister] Harriman", "Harriman"),
    ("[Party] Kádár", "Kádár"), ("[Late] Nagy", "Nagy"), ("[Illegible] Ivanov", "Ivanov"), ("[Unknown] Petrov", "Petrov"),
    ("[Citizen] Petrov", "Petrov"), ("[Comrade] Dixon", "Dixon"), ("[Prime] Nehru", "Nehru"), ("[The] Chairman", "Chairman"),
    ("Se [Sic] Hwi", "Se Hwi"), ("[Ambroise] Noumazalaye", "Ambroise Noumazalaye"), ("[Richard] Dixon", "Richard Dixon"),
    ("[Kim] Il Sung", "Kim Il Sung"), ("[Zhou] Enlai", "Zhou Enlai"), ("[Imre] Nagy", "Imre Nagy"),
    ("[Park] Chung-hee", "Park Chung-hee"), ("[Surname] Ivanov", "Ivanov"), ("[A] Petrov", "Petrov"),
    ("[Attorney] Kennedy", "Kennedy"), ("[Herr] Adenauer", "Adenauer"), ("[Vice-president] Rodriguez", "Rodriguez"),
    ("[Jean-Paul] Sartre", "Jean-Paul Sartre"), ("[Red Cross] Junod", "Junod"), ("[New Zealand] Holyoake", "Holyoake"),
    ("[Los Angeles] Yorty", "Yorty"), ("[Kim Il] Sung", "Kim Il Sung"), ("[Sergei Kh.] Khrushchev", "Sergei Kh. Khrushchev"),
    ("[Geneva] Junod", "Junod"), ("[Camp David] Carter", "Carter"), ("[Santiago] Allende", "Allende"),
    ("[Georgia] Shevardnadze", "Shevardnadze"), ("[Jordan] Hussein", "Hussein"),
    ("[Maria da Graca] Dutra", "Maria da Graca Dutra"), ("[Charles de] Gaulle", "Charles de Gaulle"),
    # and before a particle that begins the name, as "[Charles de]" does
    ("[Charles] de Gaulle", "Charles de Gaulle"), ("[Anwar] el-Sadat", "Anwar el-Sadat"), ("[General] de Gaulle", "de Gaulle"),
    ("[de] Gaulle", "de Gaulle"), ("[van der] Stoel", "van der Stoel"),
])
def test_the_written_form_takes_a_bracketed_name_before_a_name_and_drops_any_other_bracketed_word(name: str,
                                                                                                  expected: str) -> None:
    assert written_form(name) == expected


@pytest.mark.parametrize("seen", [["[Sir] Anthony Eden", "Anthony Eden"], ["[Herr] Blankenhorn", "Blankenhorn"],
                                  ["[Mister] Harriman", "Harriman"]])
def test_an_honorific_in_brackets_makes_no_second_person(seen: list[str], table: NameTable) -> None:
    assert [row["name"] for row in rows_of(seen, table)] == [seen[1]]


@pytest.mark.parametrize(("title", "people"), [
    ("Letter of the CPSU Central Committee from Khrushchev to Mao Zedong", ("Nikita Khrushchev", "Mao Zedong")),
    ("Memorandum of the Department from Kissinger to Nixon", ("Henry Kissinger", "Richard Nixon")),
    ("Note of the Ministry from Andrei Gromyko to Zhou Enlai", ("Andrei Gromyko", "Zhou Enlai")),
    ("Conversation between Zhou Enlai and Delegates from Vietnam and Laos", ("Zhou Enlai",)),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_a_person_a_body_is_from_is_a_sender_and_a_person(title, people, table: NameTable) -> None:
    assert person_names(parties(title), table) == people


@pytest.mark.parametrize("title", [
    "Conversation with a Delegation from Ukraine", "Conversation with a Delegation from Pravda",
    "Record of Conversation with Journalists from Asahi Shimbun", "Meeting with Representatives from Siemens",
    "Meeting with the Group from Yale",
])
def test_what_a_body_is_from_is_no_person(title, table: NameTable) -> None:
    assert person_names(parties(title), table) == ()


def test_an_editors_two_bracketed_words_complete_the_name_and_make_no_other_person(table: NameTable) -> None:
    # "[Kim Il] Sung" is Kim Il Sung, neither "Sung" nor Kim Il, who is another man of the table
    assert person_names(parties("Letter from [Kim Il] Sung to Stalin"), table) == ("Kim Il Sung", "Joseph Stalin")


# A nationality before a name, with the words that qualify it, is no part of it when what follows reads as a person (the
# table's, initials, or a given name and more): the person was lost, as "East German Honecker" was no name-shaped party.
# A nationality before what does not read so stays a party but no person: "the Chinese Side"
@pytest.mark.parametrize(("title", "people"), [
    ("Memorandum of Conversation between Brezhnev and East German Honecker", ("Leonid Brezhnev", "Erich Honecker")),
    ("Letter from Soviet Brezhnev to Honecker", ("Leonid Brezhnev", "Erich Honecker")),
    ("Letter from Polish W. Gomulka to Khrushchev", ("Władysław Gomułka", "Nikita Khrushchev")),
    ("Letter from Polish Gomulka to Khrushchev", ("Władysław Gomułka", "Nikita Khrushchev")),
    ("Letter from Hungarian R. Nyers to Khrushchev", ("R. Nyers", "Nikita Khrushchev")),
    ("Conversation with Cuban Communist Antonio Nunez Jimenez", ("Antonio Nunez Jimenez",)),
    ("Conversation between Zhou Enlai and the Chinese Side", ("Zhou Enlai",)),
    # nor a body named after someone: a foundation or a fund
    ("Letter from American Henry Luce Foundation to Zhou Enlai", ("Zhou Enlai",)),
    ("Letter from the Konrad Adenauer Foundation to Gorbachev", ("Mikhail Gorbachev",)),
    ("Letter from the International Monetary Fund to Ceausescu", ("Nicolae Ceausescu",)),
    # a bank, a company, an industry's firm, an authority: "Bank of China" gave a person "Bank"
    ("Letter from Bank of China to Zhou Enlai", ("Zhou Enlai",)), ("Letter from the World Bank to Ceausescu", ("Nicolae Ceausescu",)),
    ("Letter from Ford Motor Company to Kosygin", ("Alexei Kosygin",)),
    ("Letter from Israel Aircraft Industries to Sadat", ("Anwar Sadat",)),
    ("Letter from the Tennessee Valley Authority to Zhou Enlai", ("Zhou Enlai",)),
    ("Letter from Georgia Tech to the Jordan Valley Authority", ()),   # a school, though "Georgia" begins names too
    # a country its regime's word qualifies ("Titoist Yugoslavia" was a person)
    ("Letter from Titoist Yugoslavia to the Cominform", ()), ("Telegram from Nationalist China to Moscow", ()),
    ("Letter from Lluís Companys to Stalin", ("Lluís Companys", "Joseph Stalin")),   # a surname, not companies
    # and "Bank" or "Banks" after a given name or a particle is a family name, no bank ("Joseph Banks" was one)
    ("Letter from Joseph Banks to Willem van der Bank", ("Joseph Banks", "Willem van der Bank")),
    ("Letter from the Central Banks of Hungary and Poland to the Bank for International Settlements", ()),
    # a people is no one, nor is a school ("Americans", "School" were persons)
    ("Letter to the Americans", ()), ("Letter from the Soviets to Zhou Enlai", ("Zhou Enlai",)),
    ("Lecture on Marxism, Delivered to the Party School", ()), ("Letter to the Higher Party School", ()),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_a_nationality_before_a_name_is_no_part_of_it(title, people, table: NameTable) -> None:
    assert person_names(parties(title), table) == people


@pytest.mark.parametrize(("name", "expected"), [("Mao  Zedong ", "Mao Zedong"), ("Filippov [Stalin]", "Filippov"),
                                                ("[Edgar] Snow", "Edgar Snow"), ("Maneli (Saigon)", "Maneli")])
def test_a_name_is_unbracketed_and_one_with_no_bracket_only_has_its_spaces_made_single(name: str, expected: str, monkeypatch):
    """The people table asks it of every party a title writes, which mostly holds no bracket: no pattern is tried there."""
    from harvester.normalize import names

    if "[" not in name and "(" not in name:
        for pattern in ("BRACKET", "_GLUED", "_BEFORE_A_NAME"):
            monkeypatch.setattr(names, pattern, None)
    assert names.unbracketed(name) == expected


# A party in capitals is read as its title case is: the grammar's words (bodies, roles, nations) are written so, and
# "SOVIET EMBASSY IN PYONGYANG", "SOVIET AMBASSADOR" and "SCIENCE AND TECHNOLOGY COMMITTEE" were persons (constructed);
# a body's initials stay a body ("CPSU CC"), and a name in capitals stays a person
@pytest.mark.parametrize(("title", "people"), [
    ("TELEGRAM FROM THE SOVIET EMBASSY IN PYONGYANG TO STALIN", ("Joseph Stalin",)),
    ("LETTER FROM THE SOVIET AMBASSADOR TO KIM IL SUNG", ("Kim Il Sung",)),
    ("Memorandum from the SCIENCE AND TECHNOLOGY COMMITTEE to Zhou Enlai", ("Zhou Enlai",)),
    ("LETTER FROM THE CPSU CC TO MAO ZEDONG", ("Mao Zedong",)),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_a_party_in_capitals_is_read_as_in_title_case(title: str, people: tuple[str, ...], table: NameTable) -> None:
    assert person_names(parties(title), table) == people


# A party in capitals that its written form leaves in capitals (initials alone) is read once as written: the reading
# went on for ever ("Letter from A A A A A" raised RecursionError)
def test_a_party_in_capitals_its_written_form_keeps_so_is_read_once(table: NameTable) -> None:
    from harvester.normalize.names import is_person_party

    assert is_person_party("A A", table)
    assert person_names(parties("Letter from A A A A A"), table) == ("A A A A",)


def test_a_value_larger_than_csv_reads_is_one_line_naming_its_row(tmp_path: Path) -> None:
    """The csv module's limit is the process's: another library may have raised it, so it is set here."""
    import csv

    path = write(tmp_path, 'canonical,kind,variant,note\nA,person,"' + "x" * 200_000 + '",\n')
    before = csv.field_size_limit(131_072)
    try:
        with pytest.raises(UsageError, match=r"my-names\.csv:2: field larger than field limit \(131072\)$"):
            NameTable.load(path)
    finally:
        csv.field_size_limit(before)
