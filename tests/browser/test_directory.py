"""The schools directory in a real browser: its filters show exactly the schools they should."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from browser.conftest import Visit
from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import School

COHORT = "#cs-filters select[name=cohort]"
NAME = "#cs-filters input[name=q]"


def shown_schools(visit: Visit) -> set[str]:
    """Site URLs of the school cards a visitor can see in the directory."""
    addresses: list[str] = visit.page.eval_on_selector_all(
        "#cs-directory .cs-card",
        "cards => cards.filter(card => card.checkVisibility())"
        ".map(card => card.querySelector('a').href)",
    )
    return {visit.site_path(address) for address in addresses}


def assert_directory_shows(visit: Visit, expected: set[str]) -> None:
    """The directory shows exactly `expected`, and its count line says how many."""
    shown = shown_schools(visit)
    missing, extra = sorted(expected - shown), sorted(shown - expected)
    assert not missing and not extra, f"hidden but wanted: {missing}; shown but unwanted: {extra}"
    count = visit.page.locator("#cs-count").inner_text()
    assert re.search(rf"\b{len(expected)}\b", count), count


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


def test_without_a_filter_every_school_is_shown(visit: Visit, catalog: Catalog) -> None:
    visit.open(urls.SCHOOLS)
    assert_directory_shows(visit, {urls.school(slug) for slug in catalog.schools})


def test_each_cohort_shows_exactly_its_schools(visit: Visit, catalog: Catalog) -> None:
    visit.open(urls.SCHOOLS)
    cohort = visit.page.locator(COHORT)
    options: list[str] = cohort.locator("option").evaluate_all("all => all.map(o => o.value)")
    assert set(catalog.cohorts) <= set(options)
    for option in filter(None, options):
        cohort.select_option(option)
        assert_directory_shows(visit, schools_in(catalog, option))
        assert query(visit) == {"cohort": [option]}


def test_typing_part_of_a_name_shows_the_schools_so_named(visit: Visit, catalog: Catalog) -> None:
    typed = name_part(catalog).upper()
    visit.open(urls.SCHOOLS)
    visit.page.locator(NAME).press_sequentially(typed)
    expected = {urls.school(s.slug) for s in catalog.schools.values() if matching_name(s, typed)}
    assert_directory_shows(visit, expected)
    assert query(visit) == {"q": [typed]}


def test_a_filtered_address_reopens_filtered(visit: Visit, catalog: Catalog) -> None:
    cohort_id, schools = max(catalog.schools_by_cohort.items(), key=lambda item: len(item[1]))
    typed = re.findall(r"[A-Za-z]{4,}", schools[0].name)[0]
    visit.open(f"{urls.SCHOOLS}?cohort={cohort_id}&q={typed}")
    assert visit.page.locator(COHORT).input_value() == cohort_id
    assert visit.page.locator(NAME).input_value() == typed
    expected = {urls.school(s.slug) for s in schools if matching_name(s, typed)}
    assert urls.school(schools[0].slug) in expected
    assert_directory_shows(visit, expected)


def test_the_filters_work_from_the_keyboard_alone(visit: Visit, catalog: Catalog) -> None:
    visit.open(urls.SCHOOLS)
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


def test_the_filter_check_catches_a_broken_filter(visit: Visit, catalog: Catalog) -> None:
    cohort_id, schools = max(catalog.schools_by_cohort.items(), key=lambda item: len(item[1]))
    visit.open(urls.SCHOOLS)
    # The script reads each card's `data-cohorts`; a card without it drops out of its cohort.
    visit.page.locator(
        "#cs-directory .cs-card", has=visit.page.locator(f"a[href$='{schools[0].slug}/']")
    ).evaluate("card => card.removeAttribute('data-cohorts')")
    visit.page.locator(COHORT).select_option(cohort_id)
    with pytest.raises(AssertionError, match=schools[0].slug):
        assert_directory_shows(visit, schools_in(catalog, cohort_id))
