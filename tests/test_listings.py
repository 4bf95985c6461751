"""Lists that grow with the data go page by page: on the built site, every page of each list,
followed link by link, holds exactly what the data says belongs there; and a bigger synthetic
showcase is cut the same way, with no page growing with the data."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SiteReader, resolve

from benchmarks.bench_data import write_data_set
from showcase import urls
from showcase.data.catalog import Catalog, read_catalog
from showcase.data.models import Pillar
from showcase.i18n import ENGLISH, language
from showcase.pages.site import generate_site
from showcase.pages.views import SchoolCard, StoryCard

# Fixed here, not read from the code: the README promises 48 to a page.
PAGE_SIZE = 48
SITE_URL = "http://127.0.0.1:8000/"
FOLDERS = ("", "es/")


@dataclass(frozen=True)
class Listing:
    """A list on the site: where its first page is, which block of the page holds it, and the
    site URLs its cards must link to, in order."""

    first: str
    block: str
    expected: list[str]
    # Where its later pages are (`pillars/x/stories/page/2/`) and what a page's view calls it.
    part: str = ""
    key: str = "schools"


def pillars_of_school(catalog: Catalog, slug: str) -> set[Pillar]:
    """A school's pillars, from its own programs and priorities and its stories' pillars."""
    school = catalog.schools[slug]
    found = {fact.pillar for fact in school.programs + school.ana_priorities}
    return found | {p for s in catalog.stories.values() if slug in s.schools for p in s.pillars}


def listings(catalog: Catalog) -> Iterator[Listing]:
    """Every paginated list, with what it must hold, worked out from each record's own fields."""
    schools, stories = list(catalog.schools.values()), list(catalog.stories.values())
    yield Listing(urls.SCHOOLS, "cs-directory", [urls.school(s.slug) for s in schools])
    for cohort in catalog.cohorts:
        members = [s for s in schools if cohort in {listing.cohort for listing in s.cohorts}]
        yield Listing(urls.cohort(cohort), "cs-schools", [urls.school(s.slug) for s in members])
    for pillar in Pillar:
        named = [s for s in schools if pillar in pillars_of_school(catalog, s.slug)]
        told = [s for s in stories if pillar in s.pillars]
        first = urls.pillar(pillar)
        yield Listing(first, "cs-schools", [urls.school(s.slug) for s in named], "schools/")
        yield Listing(
            first, "cs-stories", [urls.story(s.slug) for s in told], "stories/", "stories"
        )
    for year in catalog.weeks:
        told = [s for s in stories if s.week_of_action == year]
        yield Listing(
            urls.week(year), "cs-stories", [urls.story(s.slug) for s in told], key="stories"
        )
    other = [urls.story(s.slug) for s in stories if s.week_of_action is None]
    yield Listing(urls.WEEKS, "cs-stories", other, key="other_stories")


def walk(site: SiteReader, listing: Listing, folder: str) -> list[tuple[str, list[str]]]:
    """The pages of a listing in order, each with the site URLs (without the language folder)
    of its cards, followed through each page's "next" link."""
    pages: list[tuple[str, list[str]]] = []
    url: str | None = folder + listing.first
    while url is not None:
        assert url not in {seen for seen, _ in pages}, f"the pages of {listing.first} loop"
        soup = site.page(url)
        block = soup.find(id=listing.block)
        if block is None:
            assert listing.expected == [], f"{url} shows no list #{listing.block}"
            return [(url, [])]
        cards = [
            resolve("/" + url, str(a["href"])).removeprefix(folder)
            for a in block.select(":scope > ul > li.cs-card > a.cs-card__title")
        ]
        pages.append((url, cards))
        following = block.select_one(":scope > nav.cs-pager a[rel=next]")
        url = resolve("/" + url, str(following["href"])) if following else None
    return pages


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_list_holds_exactly_its_entries_across_its_pages(
    site: SiteReader, catalog: Catalog, folder: str
) -> None:
    for listing in listings(catalog):
        pages = walk(site, listing, folder)
        entries = [entry for _, cards in pages for entry in cards]
        assert entries == listing.expected, f"{folder}{listing.first}#{listing.block}"
        assert len(pages) == max(1, math.ceil(len(listing.expected) / PAGE_SIZE))
        assert all(len(cards) <= PAGE_SIZE for _, cards in pages)


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_page_of_a_list_says_where_it_is(
    site: SiteReader, site_dir: Path, catalog: Catalog, folder: str
) -> None:
    sitemap = (site_dir / folder / "sitemap.xml").read_text("utf-8")
    for listing in listings(catalog):
        pages = walk(site, listing, folder)
        if len(pages) == 1:
            assert site.page(pages[0][0]).select(f"#{listing.block} nav.cs-pager") == []
            continue
        titles = set()
        for number, (url, _) in enumerate(pages, 1):
            soup = site.page(url)
            nav = soup.select_one(f"#{listing.block} > nav.cs-pager")
            assert nav is not None and nav.get("aria-label"), url
            current = nav.select('[aria-current="page"]')
            assert [a.get_text() for a in current] == [str(number)], url
            status = nav.select_one(".cs-pager__status")
            assert status is not None, url
            assert [str(number), str(len(pages))] == re.findall(r"\d+", status.get_text()), url
            canonical = soup.select_one("link[rel=canonical]")
            assert canonical is not None and canonical["href"] == SITE_URL + url
            assert f"<loc>{SITE_URL}{url}</loc>" in sitemap, f"{url} is not in the sitemap"
            titles.add(soup.title.get_text() if soup.title else "")
        assert len(titles) == len(pages), f"pages of {listing.first} share a title"


def test_a_pagination_check_sees_a_page_that_drops_a_card(
    site: SiteReader, site_dir: Path, catalog: Catalog, tmp_path: Path
) -> None:
    """Negative control: a copy of the directory's second page without its last card."""
    listing = next(listings(catalog))
    second = walk(site, listing, "")[1][0]
    page = site.file(second)
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    soup.select("#cs-directory > ul > li.cs-card")[-1].decompose()
    broken = SiteReader(site_dir)
    broken._cache[second] = soup
    entries = [e for _, cards in walk(broken, listing, "") for e in cards]
    assert entries != listing.expected


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    folder = tmp_path_factory.mktemp("synthetic") / "data"
    write_data_set(folder, 150)
    return read_catalog(folder)


@pytest.mark.parametrize("code", ["en", "es"])
def test_a_bigger_showcase_is_cut_into_pages_none_of_which_grows(
    synthetic: Catalog, code: str
) -> None:
    lang = ENGLISH if code == "en" else language("es", "Español", "es/")
    site = generate_site(synthetic, SITE_URL, datetime.date(2024, 5, 1), lang)
    directory = [p for p in site.pages if p.template == "directory.html"]
    assert [p.url for p in directory] == ["schools/"] + [
        f"schools/page/{n}/" for n in range(2, math.ceil(150 / PAGE_SIZE) + 1)
    ]
    by_url = site.by_url()
    for listing in listings(synthetic):
        pages = max(1, math.ceil(len(listing.expected) / PAGE_SIZE))
        addresses = [listing.first] + [
            f"{listing.first}{listing.part}page/{n}/" for n in range(2, pages + 1)
        ]
        shown = [
            card.link.url for url in addresses for card in by_url[url].make_view()[listing.key]
        ]
        assert shown == listing.expected, f"{listing.first} {listing.key}"
    assert max(len(listing.expected) for listing in listings(synthetic)) > 2 * PAGE_SIZE
    # However many schools and stories the showcase holds, a page shows at most a page of cards,
    # and any other list within two pages' worth (a Week's page names the schools of its 48
    # stories, a story has at most two schools here).
    for page in site.pages:
        for key, value in page.make_view().items():
            if isinstance(value, list | tuple):
                cards = any(isinstance(v, SchoolCard | StoryCard) for v in value)
                bound = PAGE_SIZE if cards else 2 * PAGE_SIZE
                assert len(value) <= bound, f"{page.url}: {key} holds {len(value)}"
