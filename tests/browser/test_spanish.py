"""The Spanish site in a browser: as accessible as the English one, one tap from it, and with a
search of its own."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from browser import page_checks, search_dialog
from browser.conftest import PHONE, Visit, VisitFactory, featured_school
from browser.search_dialog import distinctive_word
from showcase import urls
from showcase.data.catalog import Catalog

ES = "es/"
# What the Spanish search dialog calls its search field, and how it counts results.
SPANISH_SEARCH = "Buscar en este sitio"
SPANISH_RESULTS = re.compile(r"^\d+ resultados? para «")
# Axe, phone fit and privacy run on every Spanish page (test_every_page.py), and the screenshots
# on each kind of Spanish page (tests/screenshots.py); this file tests what only the Spanish site
# has.


def language_switch(page: Page, name: str) -> None:
    page.locator(".md-header").get_by_role("link", name=name, exact=True).click()


def test_the_language_switch_leads_to_the_same_school_and_back(
    visit: Visit, catalog: Catalog
) -> None:
    school = featured_school(catalog)
    profile = urls.school(school.slug)
    page = visit.page
    visit.open(profile)
    language_switch(page, "Español")
    expect(page).to_have_url(visit.site_url + ES + profile)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_have_text(school.name)
    language_switch(page, "English")
    expect(page).to_have_url(visit.site_url + profile)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(school.name)


def search_spanish_site(visit: Visit, words: str) -> Locator:
    """Search from the Spanish home page with the keyboard; the result links, once they show."""
    visit.open(ES)
    field = search_dialog.open_by_keyboard(visit.page)
    expect(field).to_have_accessible_name(SPANISH_SEARCH)
    field.press_sequentially(words)
    links = visit.page.locator(search_dialog.RESULT_LINKS)
    expect(links.first).to_be_visible()
    expect(visit.page.locator(search_dialog.STATUS)).to_have_text(SPANISH_RESULTS)
    return links


def result_addresses(results: Locator) -> list[str]:
    addresses: list[str] = results.evaluate_all("links => links.map(link => link.href)")
    return addresses


def not_spanish(visit: Visit, results: Locator) -> list[str]:
    """The addresses of `results` outside the Spanish site."""
    return [a for a in result_addresses(results) if not a.startswith(visit.site_url + ES)]


def test_spanish_search_finds_a_school_on_its_spanish_page(visit: Visit, catalog: Catalog) -> None:
    school = featured_school(catalog)
    profile = visit.site_url + ES + urls.school(school.slug)
    results = search_spanish_site(visit, distinctive_word(school, catalog))
    assert not_spanish(visit, results) == [], "pages outside the Spanish site"
    search_dialog.go_to_result_by_keyboard(visit.page, "/" + ES + urls.school(school.slug))
    expect(visit.page).to_have_url(re.compile(re.escape(profile) + r"\?"))
    expect(visit.page.locator("html")).to_have_attribute("lang", "es")
    expect(visit.page.locator("h1")).to_have_text(school.name)
    assert visit.console_errors() == []


def test_spanish_search_for_a_spanish_word_shows_only_spanish_pages(visit: Visit) -> None:
    results = search_spanish_site(visit, "escuela")
    assert result_addresses(results)
    assert not_spanish(visit, results) == [], "pages outside the Spanish site"
    assert visit.console_errors() == []


@pytest.mark.parametrize(
    ("path", "old", "new", "caught_by"),
    [
        # The search pointed at the English index: English pages.
        (
            "assets/search.js",
            "new URL(control.dataset.csSearch, location.href)",
            'new URL("/search/", location.href)',
            "pages outside the Spanish site",
        ),
        # A Spanish page whose dialog speaks English.
        (ES, SPANISH_SEARCH, "Search this site", "accessible name\nActual value: Search this site"),
    ],
    ids=["english-index", "english-dialog"],
)
def test_the_spanish_search_test_catches_a_search_in_english(
    path: str, old: str, new: str, caught_by: str, visit: Visit, catalog: Catalog
) -> None:
    search_dialog.change_asset(visit.page, path, old, new)
    with pytest.raises(AssertionError, match=caught_by):
        test_spanish_search_finds_a_school_on_its_spanish_page(visit, catalog)


def search_dialog_on_a_phone(visit: Visit, catalog: Catalog) -> list[str]:
    """Tap the search button of a Spanish profile on a phone, search for a school; what the
    dialog shows that a phone cannot show well or axe finds."""
    visit.page.locator(".md-header").get_by_role("button", name="Buscar").tap()
    field = visit.page.locator(search_dialog.FIELD)
    expect(field).to_be_focused()
    field.press_sequentially(distinctive_word(featured_school(catalog), catalog))
    expect(visit.page.locator(search_dialog.RESULT_LINKS).first).to_be_visible()
    page = visit.page
    page.evaluate(page_checks.AXE_SOURCE)
    problems: list[str] = page.evaluate(page_checks.SIDEWAYS_OVERFLOW)
    problems += page.evaluate(page_checks.SMALL_TAP_TARGETS, page_checks.MIN_TARGET_PX)
    problems += page.evaluate(search_dialog.SMALL_DIALOG_TEXT, page_checks.MIN_BODY_TEXT_PX)
    problems += page.evaluate(page_checks.AXE_VIOLATIONS, page_checks.WCAG_TAGS)
    return problems


def test_the_spanish_search_dialog_fits_a_phone_and_passes_axe(
    new_visit: VisitFactory, page_urls: dict[str, str], catalog: Catalog
) -> None:
    visit = new_visit(PHONE)
    visit.open(page_urls["es-profile"])
    assert search_dialog_on_a_phone(visit, catalog) == []


def test_the_phone_checks_catch_the_dialog_with_small_text(
    new_visit: VisitFactory, page_urls: dict[str, str], catalog: Catalog
) -> None:
    visit = new_visit(PHONE)
    # The dialog's text at .65rem: 13 px on a phone.
    search_dialog.change_asset(
        visit.page, "assets/showcase.css", "--cs-search-text: .8rem;", "--cs-search-text: .65rem;"
    )
    visit.open(page_urls["es-profile"])
    problems = " ".join(search_dialog_on_a_phone(visit, catalog))
    assert "is 13 px" in problems, problems
