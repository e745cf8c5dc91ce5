"""Every search a person can make: a pasted address (facets, sort, page), a full-text query, the whole archive;
harvested over 127.0.0.1, resumed, re-parsed from pages a browser saved."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from harvester.config import given_search, load_jobs
from harvester.errors import FetchError, UsageError
from harvester.pipeline import dataset_name, default_name, harvest, reparse
from harvester.settings import Settings
from harvester.sites import Search, get_site, key_read_now
from tests.conftest import FIXTURES, FakeClock, dataset, run_report, timeless
from tests.faultserver import Fault, FaultServer, folder_pages, synthetic_pages
from tests.sitegen import doc
from tests.test_cli import run_cli

WILSON = get_site("wilson")
HOME = WILSON.home
ROSHCHIN = Search("", (("people", "81908"),), ("81908",))
TWO = Search("", (("people", "84573"), ("topics", "86494")), ("86494", "84573"))
FACETS = FIXTURES / "wilson"


# 1. Addresses: every shape seen on the site gives its search; the page is dropped; anything else is a usage error

@pytest.mark.parametrize(("address", "search"), [
    (f"{HOME}/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),
    (f"{HOME}/search?f%5B1%5D=people%3A81908&fo%5B0%5D=81908&page=3", ROSHCHIN),                  # a gap; a page
    (f"{HOME}/search?fo%5B0%5D=81908&page=3&f%5B0%5D=people%3A81908", ROSHCHIN),                  # another order
    (f"{HOME}/search?f[0]=people:81908&fo[0]=81908", ROSHCHIN),                                    # not encoded
    (f"{HOME}/search?f%5B0%5D=people%3A1&f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),     # repeated: last wins
    (f"{HOME}/search?f%255B0%255D=places%3A85924&f%5B0%5D=people%3A81908&fo%255B0%255D=85924&fo%5B0%5D=81908",
     ROSHCHIN),                                                                                     # double-encoded
    (f"{HOME}/search?f%255B0%255D=people%253A81908&fo%255B0%255D=81908&page=2", ROSHCHIN),           # alone: decoded
    (f"{HOME}/search?f%255B0%255D=places%3A85924&f%255B1%255D=topics%3A86494&f%5B0%5D=people%3A81908&fo%5B0%5D=81908",
     ROSHCHIN),                                                                                     # beside plain: stale
    (f"{HOME}/search?search_api_fulltext=Korea&f%255B0%255D=people%253A81908&fo%255B0%255D=81908",
     Search("Korea", ROSHCHIN.facets, ROSHCHIN.chosen)),                                            # beside a query
    (f"{HOME}/search?f%255B0%255D=people%253A81908&fo%5B0%5D=81908", ROSHCHIN),                     # beside plain fo[]
    (f"{HOME}/search?search_api_fulltext=korea%2520war&f%255B0%255D=people%253A84573&sort_by=created%2Bdate",
     Search("korea war", (("people", "84573"),), (), (("sort_by", "created date"),))),            # every value twice
    (f"{HOME}/search?search_api_fulltext=50%2525%2B&f%255B0%255D=people%253A81908&fo%255B0%255D=81908",
     Search("50% ", ROSHCHIN.facets, ROSHCHIN.chosen)),                                           # "50%+": "50% "
    (f"{HOME}/search?search_api_fulltext=C%2B%2B&f%255B0%255D=people%253A81908&fo%255B0%255D=81908",
     Search("C++", ROSHCHIN.facets, ROSHCHIN.chosen)),                                            # the query once
    (f"{HOME}/search?search_api_fulltext=%2Bnuclear%20%2Btest&f%255B0%255D=people%253A81908&fo%255B0%255D=81908",
     Search("+nuclear +test", ROSHCHIN.facets, ROSHCHIN.chosen)),                                 # (its + are its own)
    (f"{HOME}/search?search_api_fulltext=50%2520&f%5B0%5D=people%3A81908&fo%5B0%5D=81908",
     Search("50%20", ROSHCHIN.facets, ROSHCHIN.chosen)),                                          # once: as it is
    (f"{HOME}/search?search_api_fulltext=50%2520&f%255B0%255D=places%3A85924&f%5B0%5D=people%3A81908&fo%5B0%5D=81908",
     Search("50%20", ROSHCHIN.facets, ROSHCHIN.chosen)),                                          # beside stale copies
    (f"{HOME}/search?f%5B3%5D=topics%3A86494&f%5B1%5D=people%3A84573&fo%5B0%5D=86494&fo%5B1%5D=84573", TWO),
    (f"{HOME}/search?f%5B%5D=people%3A84573&f%5B%5D=topics%3A86494&fo%5B%5D=86494&fo%5B%5D=84573", TWO),   # f[] appends
    (f"{HOME}/search?f%5B3%5D=people%3A84573&f[]=topics%3A86494&fo[]=86494&fo%5B%5D=84573", TWO),   # after the last number
    (f"{HOME}/search?f%255B%255D=people%253A81908&fo%255B%255D=81908", ROSHCHIN),                     # double-encoded
    (f"{HOME}/search?f%5B0%5D=people%3A84573&f%5B00%5D=topics%3A86494&fo%5B0%5D=86494&fo%5B00%5D=84573", TWO),   # PHP:
    # a number written with a leading 0 is another key, so the site narrows by both facets
    (f"{HOME}/search?search_api_fulltext=&f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),   # empty full text
    (f"{HOME}/search?search_api_fulltext=korea&amp;f%5B0%5D=people%3A81908&amp;fo%5B0%5D=81908",
     Search("korea", ROSHCHIN.facets, ROSHCHIN.chosen)),                                          # from HTML: &amp;
    (f"{HOME}/search?search_api_fulltext=korea&amp;amp;f%5B0%5D=people%3A81908&amp;amp;fo%5B0%5D=81908",
     Search("korea", ROSHCHIN.facets, ROSHCHIN.chosen)),                                          # escaped twice
    (f"{HOME}/search?search_api_fulltext=korea&op=Search&_wrapper_format=html&srsltid=AfmBOo&gad_source=1",
     Search("korea")),                                        # the form's button, a search engine's or an ad's tracking
    (f"{HOME}/search?search_api_fulltext=korea&search_api_fulltext_op=or&search_api_language=en&date%5Bmin%5D=1950",
     Search("korea", extra=(("search_api_fulltext_op", "or"), ("search_api_language", "en"), ("date[min]", "1950")))),
    (f"{HOME}/search?search_api_fulltext=korea&_=1699999999", Search("korea")),   # a jQuery request's cache buster
    (f"{HOME}/search?=&search_api_fulltext=korea&=x", Search("korea")),   # nameless: no filter (PHP drops it), none refused
    (f"{HOME}/search?search_api_fulltext=korea&%20=x&+=y&%5B0%5D=z", Search("korea")),   # blank: none
    (f"{HOME}/search?search_api_fulltext=korea&type%5B%5D=letter&type%5B%5D=memo",   # a filter's list, as a form sends it
     Search("korea", extra=(("type[0]", "letter"), ("type[1]", "memo")))),
    (f"{HOME}/search?search_api_fulltext=korea&type%5B0%5D=letter&type%5B%5D=memo",  # as Drupal's pager writes it
     Search("korea", extra=(("type[0]", "letter"), ("type[1]", "memo")))),
    (f"{HOME}/search?search_api_fulltext=Korean+War", Search("Korean War")),
    (f"{HOME}/search?search_api_fulltext=Korean%20War&page=0", Search("Korean War")),
    (f"{HOME}/search?search_api_fulltext=Korean%20Workers%27%20Party", Search("Korean Workers' Party")),
    (f"{HOME}/search?f%5B0%5D=topics%3A86435&fo%5B0%5D=86435&search_api_fulltext=&items_per_page=10&sort_bef_combine="
     "created_DESC&fo%5B0%5D=86435&sort_by=created&sort_order=DESC&page=2",
     Search("", (("topics", "86435"),), ("86435",), (("items_per_page", "10"), ("sort_bef_combine", "created_DESC"),
                                                      ("sort_by", "created"), ("sort_order", "DESC")))),
    (f"{HOME}/search", Search()),
    (f"{HOME}/search/?page=1615", Search()),
    ("https://wilson-center-digital-archive.dvincitest.com/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),
    ("digitalarchive.wilsoncenter.org/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),   # as a bar shows it
    (f"{HOME}/search?utm_source=newsletter&f%5B0%5D=people%3A81908&fo%5B0%5D=81908&utm_medium=email&fbclid=IwAR0x&gclid=x",
     ROSHCHIN),                                                               # a shared link's tracking: not the search's
    ("https://www.digitalarchive.wilsoncenter.org/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),   # www.
    (f"{HOME}/index.php/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),   # Drupal's front file, named
    ("WWW.DigitalArchive.WilsonCenter.org/Search/?f%5B0%5D=people%3A81908&fo%5B0%5D=81908", ROSHCHIN),   # typed in capitals
])
def test_an_address_gives_its_search_whatever_its_shape(address: str, search: Search):
    found, origin = WILSON.search_at(address)
    assert (found, origin) == (search, None)         # the site's own host: fetched from its home
    # the address harvester rebuilds says the same search, its facets, fo[] and other parameters sorted
    assert WILSON.search_of(WILSON.search_url(found)) == Search(found.query, tuple(sorted(found.facets)),
                                                                tuple(sorted(found.chosen)), tuple(sorted(found.extra)))


def test_one_search_is_one_key_whatever_its_parameters_order_case_and_spaces():
    one = WILSON.search_of(f"{HOME}/search?search_api_fulltext=Korean%20War&f%5B0%5D=people%3A81908&fo%5B0%5D=81908")
    other = WILSON.search_of(f"{HOME}/search?fo%5B0%5D=81908&f%5B2%5D=people%3A81908&search_api_fulltext=korean++WAR")
    assert one.key == other.key
    assert one.key != WILSON.search_of(f"{HOME}/search?search_api_fulltext=Korean%20War").key
    assert Search().key == Search("  ").key != ROSHCHIN.key
    twice = WILSON.search_of(f"{HOME}/search?f%5B0%5D=people%3A81908&f%5B1%5D=people%3A81908&fo%5B0%5D=81908")
    assert twice == ROSHCHIN and default_name(WILSON, twice) == "wilson-people_81908"   # a facet given twice is one
    # a filter's list as its form names it (type[]), and as its pager numbers it; as an earlier harvester recorded it
    listed = WILSON.search_of(f"{HOME}/search?search_api_fulltext=korea&type%5B%5D=letter")
    assert listed.key == WILSON.search_of(f"{HOME}/search?search_api_fulltext=korea&type%5B0%5D=letter").key
    assert key_read_now(Search("korea", extra=(("type[]", "letter"),)).key) == listed.key
    assert key_read_now('["korea", [], [["type[]", "letter"], ["type[]", "letter"]]]') == listed.key   # a value twice
    both = WILSON.search_of(f"{HOME}/search?search_api_fulltext=korea&type%5B00%5D=letter&type%5B0%5D=memo")   # (PHP:
    assert both.key == WILSON.search_of(f"{HOME}/search?search_api_fulltext=korea&type[]=letter&type[]=memo").key   # 2 keys)
    for edited in ('["", [], [[]]]', '["", [], [["a", "b", "c"]]]', '[1, [], []]'):   # a key it cannot read stands as it is
        assert key_read_now(edited) == edited


def test_a_query_with_its_accents_decomposed_is_the_same_search_as_composed():
    """Text copied from a PDF or a Mac may write 'ệ' as 'e' and two combining marks: the same words, one dataset."""
    composed, decomposed = (unicodedata.normalize(form, "Quan hệ Việt Nam, Łódź") for form in ("NFC", "NFD"))
    assert composed != decomposed
    assert WILSON.search_at(f"{HOME}/search?search_api_fulltext={decomposed}")[0] == Search(composed)
    assert given_search(WILSON, None, decomposed, False, None, "")[0] == Search(composed)


def test_rebuilt_addresses_number_facets_from_zero_and_page_zero_has_no_page():
    search = WILSON.search_of(f"{HOME}/search?f%5B3%5D=topics%3A86494&f%5B1%5D=people%3A84573&fo%5B0%5D=86494&fo%5B1%5D=84573")
    assert WILSON.search_url(search) == (f"{HOME}/search?f%5B0%5D=people%3A84573&f%5B1%5D=topics%3A86494"
                                         "&fo%5B0%5D=84573&fo%5B1%5D=86494")   # (sorted: one search, one address)
    assert WILSON.search_url(search, 2, "http://127.0.0.1:8000").startswith("http://127.0.0.1:8000/search?f%5B0%5D=")
    assert WILSON.search_url(search, 2).endswith("&page=2") and WILSON.search_url(Search()) == f"{HOME}/search"


@pytest.mark.parametrize("given", ["type%5B1%5D=memo&type%5B0%5D=letter", "type%5B%5D=memo&type%5B%5D=letter",
                                   "type%5B5%5D=letter&type%5B%5D=memo", "type%5B0%5D=memo&type%5B7%5D=letter",
                                   "type%5B%5D=letter&type%5B%5D=memo&type%5B%5D=letter"])
def test_one_list_filter_is_one_address_however_it_was_numbered(given: str):
    """A filter's list as its form, its pager or a hand numbers it is one search (one key), and was as many addresses:
    a dataset's `search` column changed with the address pasted. Numbered from 0, its values sorted, as facets are."""
    search = WILSON.search_of(f"{HOME}/search?items_per_page=50&{given}&sort_by=date")
    assert WILSON.search_url(search) == f"{HOME}/search?items_per_page=50&sort_by=date&type%5B0%5D=letter&type%5B1%5D=memo"
    assert WILSON.search_of(WILSON.search_url(search)).key == search.key


@pytest.mark.parametrize("given", ["extra%5B0%5D=people%3A1&extra%5B1%5D=", "extra%5B%5D=&extra%5B%5D=&extra%5B%5D=b",
                                   "extra%5B5%5D=b&extra%5B%5D=a&extra%5B00%5D=a", "e%5Bx%5D=%2B&extra%5B1%5D=%26&zz=x%20y",
                                   "type%5B%5D=%C3%A9&extra%5B%5D=%5B&sort_by=date"])
def test_the_address_of_a_search_with_unknown_lists_reads_back_as_the_same_search_and_address(given: str):
    """A list harvester does not know (empty, repeated, odd values): the address it writes for the search reads back
    as the same search, and is written again the same (a dataset's `search` column, a resumed run's search)."""
    search = WILSON.search_of(f"{HOME}/search?search_api_fulltext=q&{given}")
    again = WILSON.search_of(WILSON.search_url(search))
    assert again.key == search.key and WILSON.search_url(again) == WILSON.search_url(search)


def test_a_list_value_given_twice_is_one_as_a_facet_is():
    """type[]=letter&type[]=letter was another search than type[]=letter (another dataset), where the site narrows by
    it once, as a facet given twice; and as an earlier harvester recorded it, it is the same search too."""
    once = WILSON.search_of(f"{HOME}/search?search_api_fulltext=korea&type%5B%5D=letter")
    twice = WILSON.search_of(f"{HOME}/search?search_api_fulltext=korea&type%5B%5D=letter&type%5B%5D=letter")
    assert twice.key == once.key and WILSON.search_url(twice) == WILSON.search_url(once)
    assert key_read_now(twice.key) == once.key


def test_a_list_filter_is_said_as_it_is_sent():
    """The run report's parameters and the messages named a list's values by the numbers pasted (type[5]), beside an
    address that sends type[0]: they say what is sent."""
    from harvester.pipeline import Searched

    search = WILSON.search_of(f"{HOME}/search?search_api_fulltext=q&type%5B5%5D=memo&type%5B%5D=letter&sort_by=date")
    assert Searched(search, WILSON.search_url(search)).said()["parameters"] == {"sort_by": "date", "type[0]": "letter",
                                                                                "type[1]": "memo"}
    assert str(search) == "\u201cq\u201d (sort_by=date, type[0]=letter, type[1]=memo)"


def test_a_lists_number_makes_no_name_near_one_the_search_page_takes():
    """The 124th value of a filter's list id[] (id[123]) was refused as a mistyped f[123]: the names were compared with
    their numbers, which made them near. A name is mistyped or not whatever its number."""
    ids = "&".join(f"id%5B%5D={n}" for n in range(124))
    assert len(WILSON.search_at(f"{HOME}/search?search_api_fulltext=korea&{ids}")[0].extra) == 124
    assert WILSON.search_at(f"{HOME}/search?search_api_fulltext=korea&type%5B100000%5D=letter")[0].extra == (
        ("type[100000]", "letter"),)


@pytest.mark.parametrize(("address", "said"), [
    (f"{HOME}/document/telegram-1", "a document's page, not a search"),
    (f"{HOME}/people/soviet-union-embassy-china", "not a search of wilson"),
    (f"{HOME}/people/zhou-enlai", "narrow the archive's search by it (a facet) and give that results page's address"),
    (f"{HOME}/collection/115/china-north-korea-relations/11", "give that results page's address"),
    (f"{HOME}/search?f%5B0%5D=people", "f[0]='people' is not a facet (it reads name:id, as people:81908)"),
    ("https://example.org/search?search_api_fulltext=x", "not an address of wilson"),
])
def test_an_address_that_is_not_a_search_of_the_site_is_a_usage_error_naming_what_was_expected(address: str, said: str):
    with pytest.raises(UsageError, match=re.escape(said)) as raised:
        WILSON.search_at(address)
    assert address.split("://")[-1].split("/")[0] in str(raised.value)


def test_a_facet_numbered_past_any_search_is_a_usage_error_naming_it():
    """A facet's number of 5,000 digits is more than Python reads as a number: it ended in a traceback."""
    with pytest.raises(UsageError, match=r"f\[9{5000}\] is no facet's number"):
        WILSON.search_at(f"{HOME}/search?f%5B{'9' * 5000}%5D=people%3A81908")


def test_a_local_or_base_url_address_is_fetched_from_its_own_origin():
    assert WILSON.search_at("http://127.0.0.1:8123/search?f%5B0%5D=people%3A81908")[1] == "http://127.0.0.1:8123"
    assert WILSON.search_at("http://localhost:8123/search")[1] == "http://localhost:8123"
    assert WILSON.search_at("https://mirror.example/search", "https://mirror.example")[1] == "https://mirror.example"
    assert WILSON.search_at(f"{HOME}/search", "https://mirror.example")[1] == "https://mirror.example"
    # a --base-url (a harvests file's default for all) never moves an address of this machine or of its host elsewhere
    assert WILSON.search_at("http://127.0.0.1:8761/search", "http://127.0.0.1:8771")[1] == "http://127.0.0.1:8761"
    assert WILSON.search_at("https://mirror.example:8443/search", "https://mirror.example")[1] == "https://mirror.example:8443"
    # an address as a browser shows it, without its scheme: --base-url's, or plain HTTP on this machine
    assert WILSON.search_at("127.0.0.1:8761/search", "http://127.0.0.1:8761")[1] == "http://127.0.0.1:8761"
    assert WILSON.search_at("localhost:8123/search")[1] == "http://localhost:8123"
    # an address of this machine written short, fetched as Chromium fetches it (127.1 is 127.0.0.1, [0:0::1] [::1])
    assert WILSON.search_at("http://127.1:8123/search?f%5B0%5D=people%3A81908")[1] == "http://127.0.0.1:8123"
    # and --base-url's host written short, or an address of this machine written long: the browser's bar shows them in full
    assert WILSON.search_at("10.0.0.1:8443/search?f%5B0%5D=people%3A81908", "https://10.1:8443")[1] == "https://10.0.0.1:8443"
    assert WILSON.search_at("http://[0:0::1]:8123/search?f%5B0%5D=people%3A81908")[1] == "http://[::1]:8123"
    assert WILSON.search_at("http://me:pw@127.1:8123/search?f%5B0%5D=people%3A81908")[1] == "http://me:pw@127.0.0.1:8123"
    assert WILSON.search_at("mirror.example/search", "http://mirror.example:8080")[1] == "http://mirror.example"


def test_a_host_with_a_final_dot_is_the_same_host_off_this_machine_too():
    """mirror.example. is mirror.example, as browsers and DNS read them: a --base-url of one kept its dot while a pasted
    address on it was fetched without (one run, two spellings of a host); a link to the site's host so written was not
    taken for the site's own."""
    from harvester.config import checked_origin

    origin = checked_origin("https://mirror.example.", "--base-url")
    assert origin == "https://mirror.example" == WILSON.search_at("https://mirror.example/search?search_api_fulltext=x", origin)[1]
    assert WILSON.search_at("https://mirror.example./search?search_api_fulltext=x", origin)[1] == origin
    assert WILSON.on_origin(f"{HOME}./document/x?a=1", "http://127.0.0.1:8000") == "http://127.0.0.1:8000/document/x?a=1"
    assert WILSON.is_old(f"{HOME}./collection/114") and WILSON.on_site(f"{HOME}./document/x", f"{HOME}/search")


def test_an_address_with_no_origin_is_its_own_page():
    """//host/x and a path name no origin to write one way: each is the page it says (two hosts' were one, "://x")."""
    assert WILSON.same_page("//localhost/document/a") == "//localhost/document/a" != WILSON.same_page("//mirror.example/document/a")
    assert WILSON.same_page("/document/a") == "/document/a" and WILSON.same_page("HTTP://Localhost./document/a") == "http://localhost/document/a"


def test_a_host_with_two_final_dots_is_no_host_of_the_site_nor_of_this_machine():
    """One final dot is the host fully qualified; two are an empty label, no host at all (search_at refuses it): a link
    or a redirect to one is off the site, not on its host nor on localhost."""
    from harvester.fetch.client import origin_of

    assert origin_of("http://localhost..:8000/search") != origin_of("http://localhost:8000") == origin_of("http://localhost.:8000")
    assert not WILSON.on_site(f"{HOME}../document/x", f"{HOME}/search") and not WILSON.is_old(f"{HOME}../collection/114")
    assert WILSON.on_origin(f"{HOME}../document/x", "http://127.0.0.1:8000") == f"{HOME}../document/x"


def test_default_names_tell_searches_apart_and_the_whole_archive_is_wilson_all():
    assert default_name(WILSON, ROSHCHIN) == "wilson-people_81908"
    assert default_name(WILSON, TWO) == "wilson-people_84573-topics_86494"
    assert default_name(WILSON, Search()) == "wilson-all"
    sorted_search = WILSON.search_of(f"{HOME}/search?f%5B0%5D=topics%3A86435&sort_by=created&sort_order=DESC")
    assert default_name(WILSON, sorted_search).startswith("wilson-topics_86435-")        # the sort makes it its own
    assert len({default_name(WILSON, s) for s in (ROSHCHIN, TWO, Search(), sorted_search, Search("people 81908"))}) == 5
    # facet values with punctuation or capitals, as typed by hand, never take the name of another search's facets
    facets = [(("original_repositories", "Archive, Foo: \"Bar\""),), (("original_repositories", "archive-foo-bar"),),
              (("people", "1"), ("people", "2")), (("people", "1-people_2"),), (("people", "1_2"),), (("Topics", "86494"),),
              (("topics", "86494"),)]
    assert len({default_name(WILSON, Search("", f)) for f in facets}) == len(facets)
    # letters Unicode does not decompose are written as their base letters, as a reader would: not dropped
    assert default_name(WILSON, Search("Łódź, Polska")).startswith("wilson-lodz-polska-")
    assert default_name(WILSON, Search("Đảng Lao động, Søren Straße")).startswith("wilson-dang-lao-dong-soren-strasse-")


# 2. Harvest by address: every document of the search exactly once, its search and facets said

def served(*folders: str) -> FaultServer:
    pages = [folder_pages(FACETS / folder / "saved") for folder in folders]
    return FaultServer(lambda path: next((body for body in (answer(path) for answer in pages) if body), None))


def expected_ids(folder: str) -> list[str]:
    ids = []
    for page in sorted((FACETS / folder / "saved").glob("page-*.expected.json"), key=lambda p: int(p.stem.split("-")[1].split(".")[0])):
        ids += [card["href"].rsplit("/", 1)[1] for card in json.loads(page.read_text(encoding="utf-8"))["cards"]]
    return ids


def test_a_pasted_address_is_harvested_whole_each_document_once(tmp_path: Path, monkeypatch, capsys):
    with served("facet-people") as server:
        address = f"{server.origin}/search?f%5B1%5D=people%3A81908&fo%5B0%5D=81908&page=3"   # as pasted: a gap, a page
        code, out, err = run_cli(monkeypatch, capsys, "harvest", address, "--out", str(tmp_path), "--delay", "0")
    assert code == 0, err
    assert "harvested 34 of 34 documents for people: Roshchin, Nikolai Vasilevich" in out
    records = dataset(tmp_path, "wilson-people_81908")
    assert [r["id"] for r in records] == expected_ids("facet-people") and len({r["id"] for r in records}) == 34
    address = f"{HOME}/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908"
    assert {r["search"] for r in records} == {address} and {r["query"] for r in records} == {None}
    assert server.requests[1:] == ["/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908"] + [
        f"/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908&page={n}" for n in (1, 2, 3)]   # robots.txt, then from page 0
    report = json.loads((tmp_path / "wilson-people_81908.report.json").read_text(encoding="utf-8"))
    package = json.loads((tmp_path / "wilson-people_81908.datapackage.json").read_text(encoding="utf-8"))
    said = {"words": "people: Roshchin, Nikolai Vasilevich", "query": "", "address": address,
            "facets": [{"facet": "people", "id": "81908", "label": "Roshchin, Nikolai Vasilevich"}], "parameters": {}}
    assert report["search"] == said and package["harvest"]["searches"] == [said]
    assert report["origin"] == package["harvest"]["origin"] == server.origin != package["harvest"]["home"]
    assert package["sources"] == [{"title": "search: people: Roshchin, Nikolai Vasilevich", "path": address}]


def test_a_two_facet_search_with_its_indexes_out_of_order_is_harvested_whole(tmp_path: Path):
    with served("facet-two") as server:
        search, origin = WILSON.search_at(f"{server.origin}/search?f%5B1%5D=topics%3A86494&f%5B0%5D=people%3A84573"
                                          "&fo%5B0%5D=86494&fo%5B1%5D=84573")
        outcome = harvest(WILSON, search, tmp_path, "two", ["json"], Settings(base_url=origin, delay=0))
    assert outcome.documents == outcome.total == 14 and not outcome.warnings
    assert [r["id"] for r in dataset(tmp_path, "two")] == expected_ids("facet-two")
    assert [f["label"] for f in outcome.report["search"]["facets"]] == ["Soviet Union. Embassy (China)", "Sino-Soviet Alliance"]
    assert outcome.search_words == "people: Soviet Union. Embassy (China) and topics: Sino-Soviet Alliance"


def test_pages_saved_from_a_shared_link_are_served_for_its_search_without_the_links_tracking(tmp_path: Path):
    """Opened from a newsletter, every page's address (the pager keeps it) carries utm_source: harvester asks without it."""
    for page in (FACETS / "facet-two" / "saved").glob("page-*.html"):
        text = page.read_text(encoding="utf-8")
        saved_from = re.search(r"<!-- saved from url=\(\d+\)(\S+) -->", text)[1] + "&utm_source=newsletter&utm_medium=email"
        (tmp_path / page.name).write_text(re.sub(r"<!-- saved from url=.*? -->", f"<!-- saved from url=({len(saved_from):04d})"
                                                 f"{saved_from} -->", text, count=1), encoding="utf-8")
    with FaultServer(folder_pages(tmp_path)) as server:
        search, origin = WILSON.search_at(f"{server.origin}/search?f%5B0%5D=people%3A84573&f%5B1%5D=topics%3A86494&fo%5B0%5D="
                                          "86494&fo%5B1%5D=84573&utm_source=newsletter&utm_medium=email")
        outcome = harvest(WILSON, search, tmp_path / "out", "two", ["json"], Settings(base_url=origin, delay=0))
    assert outcome.documents == outcome.total == 14 and not outcome.warnings


def test_pages_saved_from_drupals_front_file_are_served_at_the_search_path_harvester_asks_for(tmp_path: Path):
    """Saved from /index.php/search (Drupal answers there too): harvest asks /search, and `serve` answers it."""
    from harvester.serve import Serving

    for page in (FACETS / "facet-two" / "saved").glob("page-*.html"):
        text = page.read_text(encoding="utf-8")
        (tmp_path / page.name).write_text(text.replace("/search?", "/index.php/search?"), encoding="utf-8")
    with Serving([tmp_path]) as serving:
        search, origin = WILSON.search_at(f"{serving.origin}/index.php/search?f%5B0%5D=people%3A84573&f%5B1%5D=topics%3A"
                                          "86494&fo%5B0%5D=86494&fo%5B1%5D=84573")
        outcome = harvest(WILSON, search, tmp_path / "out", "two", ["json"], Settings(base_url=origin, delay=0))
    assert outcome.documents == outcome.total == 14 and not outcome.warnings


def test_two_facet_searches_in_one_folder_are_two_datasets_and_a_reordered_address_is_the_same_one(
        tmp_path: Path, monkeypatch, capsys):
    with served("facet-people", "facet-two") as server:
        for address in (f"{server.origin}/search?f%5B0%5D=people%3A81908&fo%5B0%5D=81908",
                        f"{server.origin}/search?f%5B0%5D=people%3A84573&f%5B1%5D=topics%3A86494&fo%5B0%5D=86494&fo%5B1%5D=84573",
                        f"{server.origin}/search?fo%5B0%5D=81908&f%5B4%5D=people%3A81908&page=2"):
            code, _, err = run_cli(monkeypatch, capsys, "harvest", address, "--out", str(tmp_path), "--delay", "0")
            assert code == 0, err
    assert len(dataset(tmp_path, "wilson-people_81908")) == 34
    assert len(dataset(tmp_path, "wilson-people_84573-topics_86494")) == 14
    report = json.loads((tmp_path / "wilson-people_81908.report.json").read_text(encoding="utf-8"))
    assert report["run"] == 2 and report["new"] == [] and report["documents"] == 34    # the same dataset, run again
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == [
        "wilson-people_81908.csv", "wilson-people_81908.people.csv",
        "wilson-people_84573-topics_86494.csv", "wilson-people_84573-topics_86494.people.csv"]


def test_a_reordered_address_keeps_the_datasets_search_column_as_it_was(tmp_path: Path):
    """The same search in another order is the same dataset: its `search` column, the address harvester asks, is one."""
    with served("facet-two") as server:
        for search in (TWO, Search("", TWO.facets[::-1], TWO.chosen[::-1])):
            harvest(WILSON, search, tmp_path, "d", ["json"], Settings(base_url=server.origin, delay=0))
            assert {r["search"] for r in dataset(tmp_path, "d")} == {f"{HOME}/search?f%5B0%5D=people%3A84573&f%5B1%5D="
                                                                     "topics%3A86494&fo%5B0%5D=84573&fo%5B1%5D=86494"}


def test_another_search_into_a_facet_searchs_dataset_is_refused_naming_both(tmp_path: Path):
    with served("facet-people", "facet-two") as server:
        harvest(WILSON, ROSHCHIN, tmp_path, "d", ["json"], Settings(base_url=server.origin, delay=0))
        with pytest.raises(UsageError, match=r"holds the harvests of people: 81908, not of people: 84573 and topics: 86494"):
            harvest(WILSON, TWO, tmp_path, "d", ["json"], Settings(base_url=server.origin, delay=0))


def test_an_interrupted_facet_search_resumes_from_the_same_address_in_another_order(tmp_path: Path):
    with served("facet-people") as server:
        server.script = lambda n, path: Fault(404) if "page=2" in path else None
        with pytest.raises(FetchError):
            harvest(WILSON, ROSHCHIN, tmp_path, "r", ["json"], Settings(base_url=server.origin, delay=0))
        server.script = lambda n, path: None
        server.requests.clear()
        search, _ = WILSON.search_at(f"{server.origin}/search?fo%5B0%5D=81908&f%5B7%5D=people%3A81908&page=1")
        outcome = harvest(WILSON, search, tmp_path, "r", ["json"], Settings(base_url=server.origin, delay=0))
    assert outcome.report["resumed"] is True and outcome.documents == 34
    assert [path for path in server.requests if "page=0" in path or path.endswith("81908")] == []   # pages 0, 1 replayed
    assert [r["id"] for r in dataset(tmp_path, "r")] == expected_ids("facet-people")


def test_a_run_interrupted_before_tracking_was_dropped_resumes_from_its_logged_pages(tmp_path: Path):
    """Its page log holds the addresses it asked with (a link's tracking, the facets in the order then): the resumed run,
    of the same search read now, reads those pages back instead of asking the site again."""
    before = Search("", TWO.facets, TWO.chosen, (("utm_source", "newsletter"),))   # as an earlier harvester read the link
    with served("facet-two") as server:
        server.script = lambda n, path: Fault(404) if "page=1" in path else None
        with pytest.raises(FetchError):
            harvest(WILSON, before, tmp_path, "r", ["json"], Settings(base_url=server.origin, delay=0))
        server.script = lambda n, path: None
        server.requests.clear()
        now = Search("", TWO.facets[::-1], TWO.chosen)
        outcome = harvest(WILSON, now, tmp_path, "r", ["json"], Settings(base_url=server.origin, delay=0))
    assert outcome.report["resumed"] is True and outcome.documents == 14
    assert [path for path in server.requests if path.startswith("/search") and "page=" not in path] == []   # replayed


def test_a_full_text_and_facet_search_is_harvested_with_both(tmp_path: Path):
    with served("facet-fulltext") as server:
        search, origin = WILSON.search_at(f"{server.origin}/search?search_api_fulltext=Kim%20Il%20Sung--Cult%20of%20"
                                          "personality&f%5B0%5D=original_repositories%3A4060&fo%5B0%5D=4060")
        outcome = harvest(WILSON, search, tmp_path, "kim", ["json"], Settings(base_url=origin, delay=0))
    records = dataset(tmp_path, "kim")
    assert outcome.documents == outcome.total == len(records) == 6
    assert {r["query"] for r in records} == {"Kim Il Sung--Cult of personality"}
    assert outcome.search_words == ("\u201cKim Il Sung--Cult of personality\u201d and original_repositories: Archive of Foreign "
                                    "Policy of the Russian Federation (AVPRF)")


# 3. The harvests file takes an address, or the whole archive

def test_the_harvests_file_takes_url_query_or_all_and_exactly_one(tmp_path: Path):
    file = tmp_path / "harvests.toml"
    file.write_text(f'[[harvest]]\nurl = "{HOME}/search?fo%5B0%5D=81908&f%5B1%5D=people%3A81908&page=4"\n'
                    '[[harvest]]\nquery = "Korean War"\n[[harvest]]\nall = true\n'
                    '[[harvest]]\nurl = "http://127.0.0.1:9/search"\n', encoding="utf-8")
    jobs = load_jobs(file)
    assert [job.search for job in jobs] == [ROSHCHIN, Search("Korean War"), Search(), Search()]
    assert [job.settings.base_url for job in jobs] == [None, None, None, "http://127.0.0.1:9"]
    file.write_text('[[harvest]]\nurl = "https://digitalarchive.wilsoncenter.org/search"\nquery = "x"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"harvests.toml: harvest 1: give only one of url, query or all = true"):
        load_jobs(file)
    file.write_text('[[harvest]]\nurl = "https://example.org/search"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"harvests.toml: harvest 1: https://example.org/search: not an address of wilson"):
        load_jobs(file)
    file.write_text('[[harvest]]\nurl = "Korean War"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"harvest 1: Korean War: not an address .* give the words with query = \"WORDS\"$"):
        load_jobs(file)


def test_the_harvests_files_paths_are_from_its_folder_and_a_tilde_is_ones_home(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    file = tmp_path / "jobs" / "harvests.toml"
    file.parent.mkdir()
    file.write_text('names = "~/names.csv"\n[[harvest]]\nquery = "x"\nout = "~/data"\n[[harvest]]\nquery = "y"\nout = "data"\n',
                    encoding="utf-8")
    home, here = load_jobs(file)
    assert home.out == tmp_path / "home" / "data" and home.names_file == tmp_path / "home" / "names.csv"
    assert here.out == tmp_path / "jobs" / "data"


@pytest.mark.parametrize(("args", "said"), [
    ((), "give one of URL, --query or --all"),
    (("--all", "--query", "x"), "give only one of URL, --query or --all"),
    ((f"{HOME}/document/telegram-1",), "a document's page, not a search"),
    (("--query", ""), "--query is empty: give words to search for, or --all for the whole archive"),
    (("https://[digitalarchive/search",), "https://[digitalarchive/search: not a web address (Invalid IPv6 URL)"),
    (("http://127.0.0.1:port/search?search_api_fulltext=x",), "http://127.0.0.1:port/search?search_api_fulltext=x: not a web address"),
    # a host with an empty label, which a browser refuses (not this machine's localhost, with its final dots dropped)
    (("http://localhost..:8000/search?search_api_fulltext=x",), "http://localhost..:8000/search?search_api_fulltext=x: not a "
                                                                "web address (its host is no name DNS takes: a dot too many"),
    # one a --base-url is refused for, this machine's as well (it was asked for, and said to be a redirect not followed)
    (("http://xn--a.localhost:8000/search?search_api_fulltext=x",), "http://xn--a.localhost:8000/search?search_api_fulltext=x: "
                                                                    "not a web address (its host is no name DNS takes"),
    (("--all", "--base-url", "http://[::1"), "--base-url 'http://[::1': give an origin like http://127.0.0.1:8000"),
    (("--all", "--base-url", "http://127.0.0.1:port"), "--base-url 'http://127.0.0.1:port': give an origin like"),
    (("--all", "--base-url", "http://127.0.0.1:8611/mirror"), "--base-url 'http://127.0.0.1:8611/mirror': give the origin "
                                                               "alone, http://127.0.0.1:8611 (a mirror must serve the site's own paths)"),
    (("--query", "  \t"), "--query is empty: give words to search for, or --all for the whole archive"),
    # a query is words as typed: no line break nor escape sequence, in an option or an address; an address's escapes
    # are UTF-8, as a browser writes them (Latin-1 ones would be asked for as U+FFFD: another search)
    (("--query", "Korean\nWar\x1b[31m"), "--query 'Korean\\nWar\\x1b[31m': holds a line break or another control character"),
    ((f"{HOME}/search?search_api_fulltext=Korean%0AWar",), "search_api_fulltext 'Korean\\nWar': holds a line break"),
    ((f"{HOME}/search?search_api_fulltext=%E9t%E9",), "%E9t%E9: its %-escapes are not UTF-8 (as a browser writes them)"),
    ((f"{HOME}/search?f%5B0%5D=people%3A%E2%80",), "its %-escapes are not UTF-8"),
    # bytes that are not UTF-8 in the arguments (Latin-1 in a terminal: Python passes them on as lone surrogates)
    (("--query", "\udce9t\udce9"), "--query '\\udce9t\\udce9': not UTF-8 text"),
    ((f"{HOME}/search?f%5B0%5D=people%3A\udce9",), "search?f%5B0%5D=people%3A\\udce9': not UTF-8 text"),
    (("\udce9t\udce9.example/search",), "'\\udce9t\\udce9.example/search': not UTF-8 text"),
    # words where the address goes, an address given as the words: said so, not searched as something else
    (("",), "the search's address is empty: give one (as https://digitalarchive.wilsoncenter.org/search?...), --query"),
    (("Korean War",), "Korean War: not an address of wilson (https://digitalarchive.wilsoncenter.org/search?...); for a "
                      "full-text search, give the words with --query WORDS"),
    # (more than a host's label holds, or dots in a row: words still, not a host DNS refuses)
    (("Korean War armistice negotiations at Panmunjom in the summer of 1953",),
     "Korean War armistice negotiations at Panmunjom in the summer of 1953: not an address of wilson"),
    (("Korea... war",), "Korea... war: not an address of wilson (https://digitalarchive.wilsoncenter.org/search?...); for a "
                        "full-text search, give the words with --query WORDS"),
    (("--query", f" {HOME}/search?f%5B0%5D=people%3A81908"), "an address, not words to search for: give it as the URL, not as --query"),
    (("--query", "digitalarchive.wilsoncenter.org/search"), "an address, not words to search for"),
    (("--query", "www.digitalarchive.wilsoncenter.org/search?search_api_fulltext=x"), "an address, not words to search for"),
    # pages saved from the browser, given where the search's address goes: they are re-parsed, not harvested
    ((str(FACETS / "seed"),), f"{FACETS / 'seed'}: a file or folder on this machine, not a search's address; saved "
                              f"pages are read with harvester reparse {FACETS / 'seed'} --out DIR"),
    ((str(FACETS / "seed" / "page-0.html"),), "page-0.html: a file or folder on this machine, not a search's address"),
    # an address with parameters but none that narrows the search is cut short, not the whole archive (85 minutes)
    ((f"{HOME}/search?fo%5B0%5D=81908",), "names no search words and no facet, which is the whole archive"),
    ((f"{HOME}/search?utm_source=newsletter&utm_medium=email",), "names no search words and no facet"),   # a shared link
    # a parameter the site does not take: it would ignore it (the whole archive, or a search without those words)
    ((f"{HOME}/search?SEARCH_API_FULLTEXT=korea",), "search?SEARCH_API_FULLTEXT=korea: the search page takes no parameter "
                                                    "'SEARCH_API_FULLTEXT' (did you mean 'search_api_fulltext'?)"),
    ((f"{HOME}/search?search_api_fulltxt=korea&utm_source=x",), "no parameter 'search_api_fulltxt' (did you mean "
                                                                "'search_api_fulltext'?)"),
    ((f"{HOME}/search?f%5B0%5D=people%3A81908&F%5B1%5D=topics%3A86494",), "no parameter 'F[1]' (did you mean 'f[1]'?)"),
    ((f"{HOME}/search?f%5B0%5D=people%3A81908&fq%5B0%5D=81908",), "no parameter 'fq[0]' (did you mean"),
    ((f"{HOME}/search?f%5B0%5D=people%3A81908&fo0%5B1%5D=81908",), "no parameter 'fo0[1]' (did you mean 'fo[1]'?)"),
    # a one-letter name one edit from f[] or fo[] (a letter mistyped, a bracket left out) is as mistyped as a longer one
    ((f"{HOME}/search?search_api_fulltext=korea&g%5B7%5D=people%3A81908",), "no parameter 'g[7]' (did you mean 'f[7]'?)"),
    ((f"{HOME}/search?search_api_fulltext=korea&f%5B1=people%3A81908",), "no parameter 'f[1' (did you mean 'f[1]'?)"),
    # a name that only begins with a name it takes is mistyped too: the site would list the facet without the words
    ((f"{HOME}/search?search_api_fulltextt=korea&f%5B0%5D=people%3A81908",), "no parameter 'search_api_fulltextt' (did "
                                                                           "you mean 'search_api_fulltext'?)"),
    ((f"{HOME}/search?search_api_fulltext=korea&sort_bye=title",), "no parameter 'sort_bye' (did you mean 'sort_by'?)"),
    ((f"{HOME}/search?search_api_fulltext_=korea&f%5B0%5D=people%3A81908",), "no parameter 'search_api_fulltext_' (did "
                                                                           "you mean 'search_api_fulltext'?)"),   # (no _suffix)
    # an empty --name is no name, not the default one
    (("--query", "x", "--name", ""), "--name '': use letters, digits, '.', '-' and '_' only"),
])
def test_the_command_takes_exactly_one_search(tmp_path: Path, monkeypatch, capsys, args, said):
    code, _, err = run_cli(monkeypatch, capsys, "harvest", *args, "--out", str(tmp_path))
    assert code == 2 and said in err and "Traceback" not in err and not list(tmp_path.iterdir())


# 4. The whole archive: a first-class run, resumable, and weekly runs report the new uploads

def test_the_whole_archive_is_wilson_all_and_a_weekly_run_lists_the_new_uploads(tmp_path: Path, monkeypatch, capsys):
    docs = [doc(n) for n in range(25)]
    clock = FakeClock()
    with FaultServer(synthetic_pages(docs)) as server:
        code, out, err = run_cli(monkeypatch, capsys, "harvest", "--all", "--base-url", server.origin, "--out",
                                 str(tmp_path), "--delay", "0")
        assert code == 0, err
        assert "harvested 25 of 25 documents for the whole archive (3 results pages" in out
        docs[:0] = [doc(100), doc(101)]                       # two new uploads, newest first
        search, origin = WILSON.search_at(f"{server.origin}/search")
        again = harvest(WILSON, search, tmp_path, "wilson-all", ["csv", "json"], Settings(base_url=origin, delay=0),
                        now=clock.now)
    assert [p for p in server.requests if "search_api_fulltext" in p] == []      # the whole archive asks with no query
    assert run_report(tmp_path, "wilson-all")["new"] == ["telegram-100", "telegram-101"] and again.documents == 27
    assert len(dataset(tmp_path, "wilson-all")) == 27


def test_the_whole_archive_resumes_where_it_stopped(tmp_path: Path):
    docs = [doc(n) for n in range(45)]
    with FaultServer(synthetic_pages(docs)) as server:
        server.script = lambda n, path: Fault(404) if "page=3" in path else None
        with pytest.raises(FetchError):
            harvest(WILSON, Search(), tmp_path, "all", ["json"], Settings(base_url=server.origin, delay=0))
        server.script, fetched = (lambda n, path: None), len(server.requests)
        server.requests.clear()
        outcome = harvest(WILSON, Search(), tmp_path, "all", ["json"], Settings(base_url=server.origin, delay=0))
    assert fetched >= 4 and outcome.report["resumed"] and outcome.documents == 45
    assert [p for p in server.requests if p.startswith("/search")] == ["/search?page=3", "/search?page=4"]


# 5. Saved pages: read as a browser writes them, grouped by search, facets included

@pytest.mark.parametrize("folder", ["facet-people", "facet-two", "facet-fulltext", "archive-all", "sorted-upload"])
def test_raw_and_browser_saved_pages_give_the_same_records_and_one_search_each(tmp_path: Path, folder: str):
    runs = {}
    for kind in ("raw", "saved"):
        outcome = reparse([FACETS / folder / kind], WILSON, tmp_path / kind, "d", ["json"], workers=0)
        runs[kind] = (outcome, timeless(dataset(tmp_path / kind, "d")))
        package = json.loads((tmp_path / kind / "d.datapackage.json").read_text(encoding="utf-8"))
        assert len(package["harvest"]["searches"]) == 1, kind
        assert not [w for w in outcome.warnings if "does not say which search" in w], outcome.warnings
    assert runs["raw"][1] == runs["saved"][1] and runs["raw"][1]
    assert len({r["search"] for r in runs["saved"][1]}) == 1


def test_a_served_page_saved_from_the_sites_search_form_answers_the_address_it_was_saved_from(tmp_path: Path):
    """The form's address holds an empty search_api_fulltext= and fo[0] twice; harvest asks without either."""
    from harvester.serve import Serving

    saved = (FACETS / "sorted-upload" / "saved" / "page-0.html").read_text(encoding="utf-8")
    address = re.search(r"saved from url=\(\d+\)(\S+)", saved)[1]
    search, _ = WILSON.search_at(address)
    with Serving([FACETS / "sorted-upload" / "saved"]) as serving:
        outcome = harvest(WILSON, search, tmp_path, "d", ["json"], Settings(base_url=serving.origin, delay=0, max_pages=1))
    assert outcome.pages == 1 and outcome.documents == 10 and outcome.total == 846


def test_reparsing_the_harvested_facet_search_pages_gives_the_harvests_records(tmp_path: Path):
    with served("facet-people") as server:
        harvest(WILSON, ROSHCHIN, tmp_path / "h", "d", ["json"], Settings(base_url=server.origin, delay=0))
    outcome = reparse([FACETS / "facet-people" / "saved"], WILSON, tmp_path / "r", None, ["json"], workers=0)
    assert outcome.warnings == [] and outcome.documents == 34
    assert (tmp_path / "r" / "wilson-people_81908.json").is_file()          # one search: named after it
    harvested = {r["id"]: r for r in timeless(dataset(tmp_path / "h", "d"))}
    for record in timeless(dataset(tmp_path / "r", "wilson-people_81908")):
        assert record == {**harvested[record["id"]], "source_page": record["source_page"]}


def test_a_saved_page_that_does_not_say_its_search_joins_the_search_with_its_total_else_is_named(tmp_path: Path):
    folder = tmp_path / "pages"
    shutil.copytree(FACETS / "facet-people" / "saved", folder)
    text = (folder / "page-2.html").read_text(encoding="utf-8")
    stripped = re.sub(r"<!-- saved from[^>]*-->|<link rel=\"canonical\"[^>]*>", "", text)
    stripped = stripped.replace("currentQuery", "notTheQuery")
    (folder / "page-2.html").write_text(stripped, encoding="utf-8")
    outcome = reparse([folder], WILSON, tmp_path / "a", "d", ["json"], workers=0)
    assert outcome.documents == 34 and outcome.warnings == []              # the only search with 34 results
    alone = reparse([folder / "page-2.html"], WILSON, tmp_path / "b", "d", ["json"], workers=0)
    assert alone.warnings == [
        f"{folder / 'page-2.html'}: the page does not say which search it is of (no saved-from mark, canonical link "
        "or settings), and no other page's search has its total; taken as a search of 34 results",
        "saved pages of an unknown search of 34 results hold 10 of its 34 documents (4 pages in all)"]


@pytest.mark.parametrize(("address", "form", "said"), [
    ("search?type=letter", "", "the site's search form has no field 'type' (its fields: search_api_fulltext), so the site "
                           "would list the whole archive without it: correct the address"),
    ("search?search_api_fulltext=korea&type=letter", "", "the site's search form has no field 'type' (its fields: "
                                                     "search_api_fulltext), so the site would list the search without it"),
    ("search?query=korea", "", "no field 'query' (its fields: search_api_fulltext), so the site would list the whole archive "
                           "without it: correct the address (words to search go in search_api_fulltext, or give them "
                           "with --query WORDS)"),
    ("search?type=letter", None, "the page shows no search form: whether the site takes 'type' is not known, and "
                                        "with nothing else to narrow the search it may be the whole archive"),
    ("search?search_api_fulltext=korea&query=x", "", "no field 'query' (its fields: search_api_fulltext), so the site would "
                                                 "list the search without it: correct the address\n"),   # (words given)
    ("search?search_api_fulltext=korea&type=letter", None, None),   # not known: a warning
    ("search?search_api_fulltext=korea&type%5B0%5D=letter", "type[]", None),   # the pager numbers the form's type[]
    ("search?search_api_fulltext=korea&_=1699999999", "", None),             # an AJAX request's cache buster: dropped
    ("search?search_api_fulltext=korea&=x", "", None),                       # a nameless one, which the site drops too
    ("search?type=letter", "type", None),                                     # a filter of the site's: taken alone
    ("search?f%5B0%5D=people%3A81908&type=letter", "type", None),            # and beside a facet
])
def test_a_parameter_harvester_does_not_know_is_taken_when_the_sites_form_has_it_else_refused(
        tmp_path: Path, monkeypatch, capsys, address: str, form: str | None, said: str | None):
    """A parameter the site's search would ignore gave the search without it when it stood beside a query or facet
    (letters asked for, every type harvested), and was refused alone even when the site took it: the first page's search
    form says which filters the site takes, alone or not. A page without a form cannot say: alone, it is refused."""
    # (without its settings, which say it answers people:81908: a page of another search is refused)
    page = (FACETS / "facet-people" / "saved" / "page-0.html").read_text(encoding="utf-8").replace("drupal-settings-json", "")
    if form is None:   # (the page shows no form)
        page = page.replace("views-exposed-form", "other-block")
    elif form:         # (its form has that field too)
        page = page.replace('name="search_api_fulltext"', f'name="search_api_fulltext"><select name="{form}"></select')
    with FaultServer(lambda path: page.replace("1 - 10 of 34", "1 - 10 of 10").encode() if path.startswith("/search")
                     else None) as server:
        code, _, err = run_cli(monkeypatch, capsys, "harvest", f"{server.origin}/{address}", "--out", str(tmp_path / "out"),
                               "--name", "d", "--delay", "0", "--allow-incomplete")
    if said is None:
        assert code in (0, 1) and ("shows no search form" in err) == (form is None) and (tmp_path / "out" / "d.csv").is_file()
    else:
        assert code == 2 and said in err and "Traceback" not in err and not (tmp_path / "out" / "d.csv").exists()


@pytest.mark.parametrize(("facets", "said"), [
    ((("peeple", "81908"),), "the site has no facet 'peeple' (its facets: people, places, topics, original_repositories, "
                             "languages), so its results would not be the search's: correct the address"),
    ((("people", "99999"),), "the site does not show the facet people:99999 as applied (an id it no longer has?)"),
    ((("people", "81908"),), None),
])
def test_a_facet_the_site_does_not_apply_is_said_after_the_first_page(tmp_path: Path, facets, said):
    """A site that lists its results without a facet it does not know (a name mistyped in the harvests file) would be
    harvested whole, week after week, as that search: a facet name the page does not offer stops the run; an id it does
    not show as applied is a warning (a page may lack a facet's label)."""
    saved = FACETS / "facet-people" / "saved"

    def answers(path: str) -> bytes | None:   # whatever the facets asked: the site's page of people:81908 (without its
        page = int(re.search(r"[?&]page=(\d+)", path)[1]) if "page=" in path else 0   # settings, which would say so)
        return (saved / f"page-{page}.html").read_bytes().replace(b"drupal-settings-json", b"") if path.startswith("/search") else None

    clock = FakeClock()
    with FaultServer(answers) as server:
        run = lambda: harvest(WILSON, Search(facets=facets), tmp_path, "d", ["json"],  # noqa: E731
                              Settings(base_url=server.origin, delay=0), sleep=clock.sleep, now=clock.now)
        if facets[0][0] == "peeple":
            with pytest.raises(UsageError, match=re.escape(said)):
                run()
            assert server.search_requests() == [server.search_requests()[0]] and not (tmp_path / "d.json").exists()
            return
        outcome = run()
    assert len(dataset(tmp_path, "d")) == 34
    assert [w for w in outcome.warnings if "as applied" in w] == ([] if said is None else [
        f"{server.origin}/search?f%5B0%5D=people%3A99999: {said}: the results may not be the search's"])


def test_a_named_dataset_of_a_link_with_tracking_or_a_decomposed_query_takes_the_same_search_read_now(tmp_path: Path):
    """Its runs, recorded before a link's tracking was dropped and a query's accents composed, were of this search."""
    decomposed = unicodedata.normalize("NFD", "Quan hệ Việt Nam")
    before = Search(decomposed, (("people", "81908"),), ("81908",), (("utm_source", "newsletter"),))   # as read before
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        harvest(WILSON, before, tmp_path, "viet", ["json"], Settings(base_url=server.origin, delay=0))
        now = WILSON.search_of(f"{HOME}/search?search_api_fulltext={decomposed}&f%5B0%5D=people%3A81908&fo%5B0%5D=81908"
                               "&utm_source=newsletter")
        outcome = harvest(WILSON, now, tmp_path, "viet", ["json"], Settings(base_url=server.origin, delay=0))
    assert outcome.report["run"] == 2 and outcome.report["new"] == 0 and outcome.documents == 12


@pytest.mark.parametrize(("before", "old"), [   # a search as read before, and the name it was given then
    (Search("", (("people", "81908"),), ("81908",), (("utm_source", "newsletter"),)), "wilson-people_81908-c819ade6"),
    (Search(unicodedata.normalize("NFD", "Quan hệ Việt Nam")), "wilson-quan-he-viet-nam-9d13ec3d"),   # as a PDF copies it
    (Search("", (("Topics", "86494"),)), "wilson-topics_86494"),                                     # typed in capitals
    (Search("Łódź, Polska"), "wilson-odz-polska-9a7c77e7"),                                    # its Ł dropped, not written L
])
def test_a_dataset_an_earlier_harvester_named_otherwise_goes_on_under_its_name(tmp_path: Path, monkeypatch, capsys,
                                                                                before: Search, old: str):
    """Its default name, from the search as read then, is not today's: the same search still runs into it."""
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        harvest(WILSON, before, tmp_path, old, ["json"], Settings(base_url=server.origin, delay=0))
        address = WILSON.search_url(before, origin=server.origin)
        for _ in range(2):   # (the second after a run that recorded the search as read now)
            code, _, err = run_cli(monkeypatch, capsys, "harvest", address, "--out", str(tmp_path), "--delay", "0")
            assert code == 0, err
    assert old != default_name(WILSON, WILSON.search_of(address))
    assert [p.name for p in tmp_path.glob("*.report.json")] == [f"{old}.report.json"]
    assert json.loads((tmp_path / f"{old}.report.json").read_text(encoding="utf-8"))["run"] == 3


def test_a_harvests_files_unnamed_harvest_keeps_its_own_dataset_beside_a_named_one_of_its_search(tmp_path: Path, monkeypatch,
                                                                                               capsys):
    """The first harvest, named, makes a dataset of the search the second harvest, unnamed, makes its own of: the second
    runs into the one the checks before the first said, not into the first's."""
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        (tmp_path / "h.toml").write_text(f'base_url = "{server.origin}"\ndelay = 0\n[[harvest]]\nquery = "korean war"\n'
                                         'name = "wilson-kw-full"\n[[harvest]]\nquery = "korean war"\nmax_pages = 1\n',
                                         encoding="utf-8")
        code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"))
    assert code == 1, err   # (the second stopped after a page, as asked: a warning)
    assert len(dataset(tmp_path / "output", "wilson-kw-full")) == 12 and run_report(tmp_path / "output", "wilson-kw-full")["run"] == 1
    assert len(dataset(tmp_path / "output", "wilson-korean-war")) == 10


def test_a_dataset_of_the_search_that_the_user_named_is_not_taken_for_the_searchs_own(tmp_path: Path, monkeypatch, capsys):
    """One named with --name (a snapshot, a trial) is the user's: a harvest of its search without --name makes its own."""
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        harvest(WILSON, Search("korean war"), tmp_path, "wilson-kw-2023", ["json"], Settings(base_url=server.origin, delay=0))
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean War", "--base-url", server.origin,
                               "--out", str(tmp_path), "--delay", "0")
    assert code == 0, err
    assert run_report(tmp_path, "wilson-kw-2023")["run"] == 1 and run_report(tmp_path, "wilson-korean-war")["run"] == 1


def test_the_demos_dataset_is_not_taken_for_a_harvest_of_its_search(tmp_path: Path, monkeypatch, capsys):
    """The demo names its copy of "Korean Workers' Party" without the hash a harvest's name has: a harvest of the search
    into the demo's folder makes its own dataset (it ran into the demo's, under a name the README does not give)."""
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        harvest(WILSON, Search("Korean Workers' Party"), tmp_path, "wilson-korean-workers-party", ["json"],
                Settings(base_url=server.origin, delay=0))
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "Korean Workers' Party", "--base-url",
                               server.origin, "--out", str(tmp_path), "--delay", "0")
    assert code == 0, err
    assert run_report(tmp_path, "wilson-korean-workers-party")["run"] == 1
    assert run_report(tmp_path, default_name(WILSON, Search("Korean Workers' Party")))["run"] == 1


def test_of_two_datasets_an_earlier_harvester_named_for_the_search_the_one_run_last_goes_on(tmp_path: Path, monkeypatch,
                                                                                             capsys):
    """Two links of one search, shared with other tracking, made two datasets: the one the user kept running is theirs."""
    clock = FakeClock()
    links = [Search("", (("people", "81908"),), (), (("utm_source", source),)) for source in ("a", "b")]
    names = [default_name(WILSON, link) for link in links]
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        for link in (links[1], links[0]) if names[0] > names[1] else links:   # the one sorted first, run first
            clock.sleep(3600)
            harvest(WILSON, link, tmp_path, default_name(WILSON, link), ["json"], Settings(base_url=server.origin, delay=0),
                    now=clock.now)
        code, _, err = run_cli(monkeypatch, capsys, "harvest", f"{server.origin}/search?f%5B0%5D=people%3A81908",
                               "--out", str(tmp_path), "--delay", "0")
    assert code == 0, err
    assert sorted(run_report(tmp_path, name)["run"] for name in names) == [1, 2]
    assert run_report(tmp_path, max(names))["run"] == 2


def test_looking_for_the_dataset_an_earlier_harvester_named_leaves_nothing_beside_the_others_states(tmp_path: Path):
    """Each state of the folder is read, not opened as a run opens it: no write-ahead log files are left beside it."""
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        harvest(WILSON, Search("korean war"), tmp_path, "wilson-korean-war", ["json"], Settings(base_url=server.origin, delay=0))
    before = sorted(p.name for p in (tmp_path / ".harvester").iterdir())
    assert dataset_name(tmp_path, WILSON, Search("cuban missile crisis")) == "wilson-cuban-missile-crisis"
    assert sorted(p.name for p in (tmp_path / ".harvester").iterdir()) == before
