"""The schools directory in a real browser: its filters search every school, not only the
cards of the page, in both languages, through the site's own search index (`search/`), which
loads only once a filter is used. What each filter should show is worked out from the data,
never from the index or the directory's script; each check has a control that breaks the index
and sees the check fail."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from browser.conftest import Visit
from browser.search_dialog import change_asset
from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import School

COHORT = "#cs-filters select[name=cohort]"
NAME = "#cs-filters input[name=q]"
FOLDERS = ["", "es/"]
# What the filters fetch once used: the search core and the language's index folder.
CORE = "/assets/search-index.js"
INDEX = "/search/"


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


def words(text: str) -> list[str]:
    """The words of `text` as the search index has them: lowercased, accents dropped (NFKD
    without its combining marks), runs of a-z and 0-9."""
    bare = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"[a-z0-9]+", "".join(c for c in bare if not unicodedata.combining(c)))


def matching_name(school: School, typed: str) -> bool:
    """Whether the name filter should show `school` for `typed`: every typed word starts a word
    of the school's name or other names (a word of 3 or more letters), or is one (a shorter
    word). Typed text without a word matches every school."""
    named = {word for name in [school.name, *school.aliases] for word in words(name)}
    return all(
        any(n.startswith(w) for n in named) if len(w) >= 3 else w in named for w in words(typed)
    )


def name_part(catalog: Catalog) -> str:
    """A word of school names that narrows the list the most while still matching several."""
    candidates: set[str] = {
        w for s in catalog.schools.values() for w in re.findall(r"[A-Za-z]{4,}", s.name)
    }
    counts = {w: sum(matching_name(s, w) for s in catalog.schools.values()) for w in candidates}
    narrowing = [w for w, n in counts.items() if 1 < n < len(catalog.schools)]
    assert narrowing, "no word of the school names picks out some schools but not all"
    return min(narrowing, key=lambda w: (counts[w], w))


def query(visit: Visit) -> dict[str, list[str]]:
    return parse_qs(urlsplit(visit.page.url).query)


def search_requests(visit: Visit) -> list[str]:
    """Paths of the search core and index files the tab asked for."""
    paths = [urlsplit(r.url).path for r in visit.requests]
    return [path for path in paths if INDEX in path or path.endswith(CORE)]


def test_the_search_index_loads_only_once_a_filter_is_used(visit: Visit, catalog: Catalog) -> None:
    visit.open(urls.SCHOOLS)
    visit.settle()
    assert search_requests(visit) == []
    first_page = list(catalog.schools)[:48]
    assert shown_schools(visit) == {urls.school(slug) for slug in first_page}
    visit.page.locator(COHORT).select_option(next(iter(catalog.cohorts)))
    wait_for_results(visit)
    fetched = search_requests(visit)
    assert CORE in fetched
    # This language's index, and nothing of the other's (the Spanish one is under es/search/).
    assert [path for path in fetched if path != CORE] != []
    assert all(path == CORE or path.startswith(INDEX) for path in fetched), fetched


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


def test_typed_word_starts_find_a_school_by_its_name_and_other_name(
    visit: Visit, catalog: Catalog
) -> None:
    """Two typed word starts, one of a word of a school's name, one of a word only its other
    name has: the school is found, with every school whose names have both."""
    school, name_word, alias_word = next(
        (s, words(s.name)[0], w)
        for s in catalog.schools.values()
        for alias in s.aliases
        for w in words(alias)
        if len(w) >= 4 and w.isalpha() and not any(n.startswith(w[:4]) for n in words(s.name))
    )
    typed = f"{name_word[:3].upper()} {alias_word[:4]}"
    expected = {urls.school(s.slug) for s in catalog.schools.values() if matching_name(s, typed)}
    assert urls.school(school.slug) in expected
    assert len(expected) < len(catalog.schools), f"{typed!r} narrows nothing"
    visit.open(urls.SCHOOLS)
    expect(visit.page.locator(NAME)).to_be_visible()
    visit.page.locator(NAME).press_sequentially(typed)
    assert_directory_shows(visit, expected)


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


def fail_once(page: Page, path: str) -> list[str]:
    """Make the first request for the site file `path` fail, as on a dropped connection; the
    list of failed addresses it returns fills as it does."""
    failed: list[str] = []

    def once(route: Route) -> None:
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            route.abort()

    page.route(re.compile(r"^[^?]*://[^/]+/" + re.escape(path) + r"(\?.*)?$"), once)
    return failed


def try_twice(visit: Visit, catalog: Catalog, path: str) -> None:
    """Choose a cohort while `path` fails to load: the count line says the search failed;
    then choose another: its schools show."""
    failed = fail_once(visit.page, path)
    first, second = list(catalog.schools_by_cohort)[:2]
    visit.open(urls.SCHOOLS)
    visit.page.locator(COHORT).select_option(first)
    count = visit.page.locator("#cs-count")
    expect(count).to_have_text(count.get_attribute("data-failed") or "")
    assert failed, f"{path} was never asked for"
    visit.page.locator(COHORT).select_option(second)
    assert_directory_shows(visit, schools_in(catalog, second))


@pytest.mark.parametrize("path", [CORE.lstrip("/"), INDEX.lstrip("/") + "filters.json"])
def test_a_search_that_fails_to_load_says_so_and_can_be_tried_again(
    visit: Visit, catalog: Catalog, path: str
) -> None:
    try_twice(visit, catalog, path)


def test_a_failure_left_unsaid_is_caught(visit: Visit, catalog: Catalog) -> None:
    """Negative control: the script says nothing when the search fails to load."""
    change_asset(visit.page, "assets/directory.js", 'say("failed", "")', "void 0")
    with pytest.raises(AssertionError, match="expected to have text"):
        try_twice(visit, catalog, CORE.lstrip("/"))


def test_the_filter_check_catches_a_school_left_out(
    visit: Visit, catalog: Catalog, site_dir: Path
) -> None:
    """Negative control: the index's cohort filter lists every school of the cohort but one."""
    cohort_id, schools = max(catalog.schools_by_cohort.items(), key=lambda item: len(item[1]))
    left_out = schools[-1].slug
    left_out_id = page_id(site_dir, urls.school(left_out))
    filters = json.loads((site_dir / "search" / "filters.json").read_text(encoding="utf-8"))
    assert left_out_id in decoded(filters["cohort"][cohort_id]), "the control would change nothing"

    def drop(data: Any) -> None:
        listed = decoded(data["cohort"][cohort_id])
        data["cohort"][cohort_id] = encoded([i for i in listed if i != left_out_id])

    change_index_file(visit.page, "filters.json", drop)
    visit.open(urls.SCHOOLS)
    visit.page.locator(COHORT).select_option(cohort_id)
    with pytest.raises(AssertionError, match=re.escape(left_out)):
        assert_directory_shows(visit, schools_in(catalog, cohort_id))


def test_the_name_check_catches_a_school_left_out(
    visit: Visit, catalog: Catalog, site_dir: Path
) -> None:
    """Negative control: the index's shard of the typed word leaves out one school's names."""
    typed = name_part(catalog)
    expected = [s for s in catalog.schools.values() if matching_name(s, typed)]
    left_out = expected[-1].slug
    left_out_id = page_id(site_dir, urls.school(left_out))
    shard = f"words/{words(typed)[0][:3]}.json"
    entries = json.loads((site_dir / "search" / shard).read_text(encoding="utf-8"))
    assert any(left_out_id in decoded(fields.get("names", [])) for fields in entries.values()), (
        "the control would change nothing"
    )

    def drop(data: Any) -> None:
        for fields in data.values():
            if "names" in fields:
                listed = decoded(fields["names"])
                fields["names"] = encoded([i for i in listed if i != left_out_id])

    change_index_file(visit.page, shard, drop)
    visit.open(urls.SCHOOLS)
    expect(visit.page.locator(NAME)).to_be_visible()
    visit.page.locator(NAME).press_sequentially(typed)
    with pytest.raises(AssertionError, match=re.escape(left_out)):
        assert_directory_shows(visit, {urls.school(s.slug) for s in expected})


def decoded(deltas: list[int]) -> list[int]:
    """The page ids of an index list, stored as the first id and then differences."""
    return list(accumulate(deltas))


def encoded(ids: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *ids], ids, strict=False)]


def page_id(site_dir: Path, url: str) -> int:
    """The English index's id of the page at `url`, from its records (`search/pages/<k>.json`)."""
    folder = site_dir / "search"
    chunk: int = json.loads((folder / "index.json").read_text(encoding="utf-8"))["chunk"]
    for path in (folder / "pages").glob("*.json"):
        records = json.loads(path.read_text(encoding="utf-8"))
        for number, record in enumerate(records):
            if record[0] == url:
                return int(path.stem) * chunk + number
    raise AssertionError(f"the index has no record of {url}")


def change_index_file(page: Page, name: str, change: Callable[[Any], None]) -> None:
    """Serve the English index's file `name` (`filters.json`) to this tab as `change` leaves
    its JSON: the index broken on purpose, for a negative control."""

    def changed(route: Route) -> None:
        response = route.fetch()
        data = response.json()
        change(data)
        route.fulfill(response=response, body=json.dumps(data))

    page.route(re.compile(r"^[^?]*://[^/]+" + re.escape(INDEX + name) + r"(\?.*)?$"), changed)
