"""The Spanish site in a browser: as accessible as the English one, one tap from it, and with a
search of its own."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from browser.conftest import Visit, featured_school
from showcase import urls
from showcase.data.catalog import Catalog

ES = "es/"
# What Material's Spanish calls its search field.
SPANISH_SEARCH = "Búsqueda"
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


def distinctive_word(catalog: Catalog) -> str:
    """A word of the featured school's name that few other school names share."""
    school = featured_school(catalog)
    words: list[str] = re.findall(r"[A-Za-z]{4,}", school.name)
    return min(words, key=lambda w: sum(w in s.name for s in catalog.schools.values())).lower()


def search_spanish_site(visit: Visit, words: str) -> Locator:
    """Type into the search field of the Spanish home page; the result links."""
    visit.open(ES)
    search = visit.page.get_by_role("textbox", name=SPANISH_SEARCH)
    search.click()
    search.press_sequentially(words)
    return visit.page.locator(".md-search-result a[href]")


def result_addresses(results: Locator) -> list[str]:
    addresses: list[str] = results.evaluate_all("links => links.map(link => link.href)")
    return addresses


def test_spanish_search_finds_a_school_on_its_spanish_page(visit: Visit, catalog: Catalog) -> None:
    school = featured_school(catalog)
    profile = visit.site_url + ES + urls.school(school.slug)
    results = search_spanish_site(visit, distinctive_word(catalog))
    # Results carry the search words (`?h=…`) so that the page can highlight them.
    found = visit.page.locator(f".md-search-result a[href^='{profile}?']").first
    expect(found).to_be_visible()
    outside = [a for a in result_addresses(results) if not a.startswith(visit.site_url + ES)]
    assert outside == []
    found.click()
    expect(visit.page).to_have_url(re.compile(re.escape(profile) + r"(\?.*)?$"))
    expect(visit.page.locator("html")).to_have_attribute("lang", "es")
    expect(visit.page.locator("h1")).to_have_text(school.name)
    assert visit.console_errors() == []


def test_spanish_search_for_a_spanish_word_shows_only_spanish_pages(visit: Visit) -> None:
    results = search_spanish_site(visit, "escuela")
    expect(results.first).to_be_visible()
    addresses = result_addresses(results)
    assert addresses
    assert [a for a in addresses if not a.startswith(visit.site_url + ES)] == []
    assert visit.console_errors() == []
