"""The directory's "Show more": the filtered list grows a batch at a time, as a visitor sees it.

The real data has too few schools for any filter to find more than one batch of results, so
this builds a synthetic showcase (`benchmarks.bench_data`: schools named "Synthetic School
00001", each also called "Synthetic Academy 00001") and types the word every name shares. What
a visitor should see is worked out from that data, not from the directory's script: every
school named so, each once, in the order already shown, the count line saying how many from
the first batch on (the index answers with every match at once), and after each "Show more"
the focus on the first school it added.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_site
from playwright.sync_api import Browser, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from benchmarks.bench_data import NAME_PREFIX, write_data_set
from benchmarks.static_server import serve
from browser.conftest import DESKTOP, Visit, context_options
from browser.search_dialog import change_asset
from browser.test_directory import NAME, matching_name, wait_for_results
from showcase import urls
from showcase.data.catalog import Catalog, read_catalog

SCHOOLS = 60
TYPED = NAME_PREFIX.lower()
MORE = "#cs-more"
RESULT_CARDS = "#cs-results .cs-card a"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    """A showcase of `SCHOOLS` synthetic schools, built, and its data read."""
    folder = tmp_path_factory.mktemp("show-more")
    write_data_set(folder / "data", SCHOOLS)
    result = build_site(folder / "site", folder / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site", read_catalog(folder / "data")


@pytest.fixture(scope="module")
def synthetic_url(synthetic: tuple[Path, Catalog]) -> Iterator[str]:
    with serve(synthetic[0]) as address:
        yield address


@pytest.fixture
def tab(browser: Browser, synthetic_url: str) -> Iterator[Visit]:
    """A fresh desktop tab on the synthetic showcase."""
    context = browser.new_context(**context_options(DESKTOP))
    yield Visit(context.new_page(), synthetic_url, DESKTOP)
    context.close()


def result_cards(tab: Visit) -> list[str]:
    """Site URLs of the schools the filtered list shows, in order."""
    addresses: list[str] = tab.page.eval_on_selector_all(
        RESULT_CARDS, "all => all.map(a => a.href)"
    )
    return [tab.site_path(address) for address in addresses]


def count_line(tab: Visit, key: str, number: int) -> str:
    """What the count line says for `number` schools, in the page's own words (`data-many`…)."""
    template: str = tab.page.locator("#cs-count").get_attribute(f"data-{key}") or ""
    return template.replace("{count}", str(number))


def type_the_shared_word(tab: Visit) -> None:
    tab.open(urls.SCHOOLS)
    field = tab.page.locator(NAME)
    expect(field).to_be_visible()
    field.press_sequentially(TYPED)
    wait_for_results(tab)


def show_more(tab: Visit, wait_ms: int = 10_000) -> tuple[list[str], list[str]]:
    """Press "Show more" as a visitor does; the schools shown before, and those it added
    within `wait_ms`."""
    before = result_cards(tab)
    tab.page.locator(MORE).click()
    try:
        tab.page.wait_for_function(
            "([selector, shown]) => document.querySelectorAll(selector).length > shown",
            arg=[RESULT_CARDS, len(before)],
            timeout=wait_ms,
        )
    except PlaywrightTimeoutError:
        raise AssertionError(f"Show more added no school to the {len(before)} shown") from None
    tab.settle()
    after = result_cards(tab)
    assert after[: len(before)] == before, "the schools shown before moved or went"
    return before, after[len(before) :]


def show_all(tab: Visit, expected: set[str]) -> list[str]:
    """Press "Show more" until it goes, checking each press: it adds schools of `expected`
    never shown before, takes focus to the first it added, and the count line still says how
    many match in all. The schools shown in the end."""
    shown = result_cards(tab)
    more = tab.page.locator(MORE)
    while more.is_visible():
        before, added = show_more(tab)
        shown = before + added
        assert len(set(shown)) == len(shown), "a school is shown twice"
        assert set(added) <= expected, sorted(set(added) - expected)
        focused = tab.page.evaluate("document.activeElement.href || ''")
        assert focused and tab.site_path(focused) == added[0], (
            f"focus is on {focused or 'nothing'}, not on {added[0]}, the first school added"
        )
        expected_count = count_line(tab, "many", len(expected))
        expect(tab.page.locator("#cs-count")).to_have_text(expected_count)
    return shown


def test_show_more_adds_the_next_schools_and_takes_focus_to_the_first(
    tab: Visit, synthetic: tuple[Path, Catalog]
) -> None:
    _, catalog = synthetic
    expected = {urls.school(s.slug) for s in catalog.schools.values() if matching_name(s, TYPED)}
    assert len(expected) == SCHOOLS
    type_the_shared_word(tab)
    first_batch = result_cards(tab)
    # More schools match than one batch shows: the button offers the rest, and the count line
    # already says how many match in all.
    assert 0 < len(first_batch) < len(expected)
    assert set(first_batch) <= expected, sorted(set(first_batch) - expected)
    expect(tab.page.locator(MORE)).to_be_visible()
    expect(tab.page.locator("#cs-count")).to_have_text(count_line(tab, "many", len(expected)))
    shown = show_all(tab, expected)
    assert set(shown) == expected
    # Every school shown: the count line says the same, and the button is gone.
    expect(tab.page.locator("#cs-count")).to_have_text(count_line(tab, "many", len(expected)))
    expect(tab.page.locator(MORE)).to_be_hidden()
    assert tab.console_errors() == []


def test_a_show_more_that_adds_nothing_is_caught(tab: Visit) -> None:
    """Negative control: the button's handler listens for another event, as if never wired."""
    change_asset(
        tab.page,
        "assets/directory.js",
        'more.addEventListener("click"',
        'more.addEventListener("dblclick"',
    )
    type_the_shared_word(tab)
    expect(tab.page.locator(MORE)).to_be_visible()
    # Two seconds are plenty for schools already read to show; the real test waits longer.
    with pytest.raises(AssertionError, match="Show more added no school"):
        show_more(tab, wait_ms=2_000)


def test_focus_left_behind_is_caught(tab: Visit, synthetic: tuple[Path, Catalog]) -> None:
    """Negative control: the script shows more schools but leaves focus where it was."""
    _, catalog = synthetic
    change_asset(tab.page, "assets/directory.js", 'card.querySelector("a").focus()', "void card")
    type_the_shared_word(tab)
    expected = {urls.school(s.slug) for s in catalog.schools.values()}
    with pytest.raises(AssertionError, match="the first school added"):
        show_all(tab, expected)
