"""The schools directory in a real browser: its filters search every school, not only the
cards of the page, in both languages, and the search bundle loads only once a filter is used."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from browser.conftest import Visit
from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import School

COHORT = "#cs-filters select[name=cohort]"
NAME = "#cs-filters input[name=q]"
FOLDERS = ["", "es/"]
BUNDLE = "/pagefind/"


def shown_schools(visit: Visit, folder: str = "") -> set[str]:
    """Site URLs (without the language folder) of the school cards a visitor can see."""
    addresses: list[str] = visit.page.eval_on_selector_all(
        "#cs-directory .cs-card, #cs-results .cs-card",
        "cards => cards.filter(card => card.checkVisibility())"
        ".map(card => card.querySelector('a').href)",
    )
    return {visit.site_path(address).removeprefix(folder) for address in addresses}


def wait_for_results(visit: Visit) -> None:
    """Until the search has answered and its cards are drawn."""
    visit.page.wait_for_function(
        "() => { const c = document.getElementById('cs-count');"
        " return c.textContent && c.textContent !== c.dataset.searching; }"
    )
    visit.settle()


def assert_directory_shows(visit: Visit, expected: set[str], folder: str = "") -> None:
    """The directory shows exactly `expected`, and its count line says how many."""
    wait_for_results(visit)
    shown = shown_schools(visit, folder)
    missing, extra = sorted(expected - shown), sorted(shown - expected)
    assert not missing and not extra, f"hidden but wanted: {missing}; shown but unwanted: {extra}"
    count = visit.page.locator("#cs-count").inner_text()
    assert re.search(rf"\b{len(expected)}\b", count) or not expected, count


def schools_in(catalog: Catalog, cohort_option: str) -> set[str]:
    """What the cohort filter should show for one of its options."""
    if cohort_option == "none":
        return {urls.school(s.slug) for s in catalog.schools.values() if not s.cohorts}
    assert cohort_option in catalog.cohorts, f"the filter offers an unknown cohort {cohort_option}"
    # From each school's own listings, not the catalog's index that the page is made from.
    return {
        urls.school(s.slug)
        for s in catalog.schools.values()
        if cohort_option in {listing.cohort for listing in s.cohorts}
    }


def matching_name(school: School, typed: str) -> bool:
    return any(typed.lower() in name.lower() for name in [school.name, *school.aliases])


def name_part(catalog: Catalog) -> str:
    """A word of school names that narrows the list the most while still matching several."""
    words: set[str] = {
        w for s in catalog.schools.values() for w in re.findall(r"[A-Za-z]{4,}", s.name)
    }
    counts = {word: sum(matching_name(s, word) for s in catalog.schools.values()) for word in words}
    narrowing = [w for w, n in counts.items() if 1 < n < len(catalog.schools)]
    assert narrowing, "no word of the school names picks out some schools but not all"
    return min(narrowing, key=lambda w: (counts[w], w))


def query(visit: Visit) -> dict[str, list[str]]:
    return parse_qs(urlsplit(visit.page.url).query)


def bundle_requests(visit: Visit) -> list[str]:
    return [r.url for r in visit.requests if BUNDLE in urlsplit(r.url).path]


def test_the_search_bundle_loads_only_once_a_filter_is_used(visit: Visit, catalog: Catalog) -> None:
    visit.open(urls.SCHOOLS)
    visit.settle()
    assert bundle_requests(visit) == []
    first_page = list(catalog.schools)[:48]
    assert shown_schools(visit) == {urls.school(slug) for slug in first_page}
    visit.page.locator(COHORT).select_option(next(iter(catalog.cohorts)))
    wait_for_results(visit)
    assert bundle_requests(visit) != []


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_cohort_shows_exactly_its_schools(visit: Visit, catalog: Catalog, folder: str) -> None:
    visit.open(folder + urls.SCHOOLS)
    cohort = visit.page.locator(COHORT)
    options: list[str] = cohort.locator("option").evaluate_all("all => all.map(o => o.value)")
    assert set(catalog.cohorts) <= set(options)
    for option in filter(None, options):
        cohort.select_option(option)
        assert_directory_shows(visit, schools_in(catalog, option), folder)
        assert query(visit) == {"cohort": [option]}


@pytest.mark.parametrize("folder", FOLDERS)
def test_typing_part_of_a_name_shows_the_schools_so_named(
    visit: Visit, catalog: Catalog, folder: str
) -> None:
    typed = name_part(catalog).upper()
    visit.open(folder + urls.SCHOOLS)
    # The filters show once the directory's script has run, after the first paint (and maybe
    # after `load`); a visitor cannot type in them before, and neither can this test.
    expect(visit.page.locator(NAME)).to_be_visible()
    visit.page.locator(NAME).press_sequentially(typed)
    expected = {urls.school(s.slug) for s in catalog.schools.values() if matching_name(s, typed)}
    assert_directory_shows(visit, expected, folder)
    assert query(visit) == {"q": [typed]}


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_filtered_address_reopens_filtered(visit: Visit, catalog: Catalog, folder: str) -> None:
    cohort_id, schools = max(catalog.schools_by_cohort.items(), key=lambda item: len(item[1]))
    typed = re.findall(r"[A-Za-z]{4,}", schools[0].name)[0]
    # From the directory's last page: the filters search every school, wherever they are opened.
    last = urls.listing_page(urls.SCHOOLS, -(-len(catalog.schools) // 48))
    visit.open(f"{folder}{last}?cohort={cohort_id}&q={typed}")
    # The directory's script runs once the page is painted, which may be after `load`.
    expect(visit.page.locator(COHORT)).to_have_value(cohort_id)
    expect(visit.page.locator(NAME)).to_have_value(typed)
    expected = {urls.school(s.slug) for s in schools if matching_name(s, typed)}
    assert urls.school(schools[0].slug) in expected
    assert_directory_shows(visit, expected, folder)


def test_the_filters_work_from_the_keyboard_alone(visit: Visit, catalog: Catalog) -> None:
    visit.open(urls.SCHOOLS)
    expect(visit.page.locator(COHORT)).to_be_visible()
    for _ in range(100):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("document.activeElement.name") == "cohort":
            break
    else:
        pytest.fail("Tab never reaches the cohort filter")
    visit.page.keyboard.press("ArrowDown")
    chosen = visit.page.locator(COHORT).input_value()
    assert chosen, "the arrow key chose no cohort"
    assert_directory_shows(visit, schools_in(catalog, chosen))


def test_the_filter_check_catches_a_school_left_out(visit: Visit, catalog: Catalog) -> None:
    """Negative control: the search bundle answers without one school of the cohort."""
    cohort_id, schools = max(catalog.schools_by_cohort.items(), key=lambda item: len(item[1]))
    left_out = schools[-1].slug
    visit.open(urls.SCHOOLS)
    visit.page.evaluate(
        """slug => { const list = document.querySelector('#cs-results ul');
        new MutationObserver(() => list.querySelectorAll('a').forEach(a => {
          if (a.href.endsWith('/' + slug + '/')) a.closest('li').remove(); }))
          .observe(list, {childList: true}); }""",
        left_out,
    )
    visit.page.locator(COHORT).select_option(cohort_id)
    with pytest.raises(AssertionError, match=left_out):
        assert_directory_shows(visit, schools_in(catalog, cohort_id))
