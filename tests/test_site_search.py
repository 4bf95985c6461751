"""The search index (showcase/publish/site_search.py): Pagefind over the finished site. Every
page a visitor can land on is in it, once, in its language and under its title, with the page's
content and not the header, navigation or footer every page repeats; the 404 pages are not.
How search looks and behaves in a browser is tested in tests/browser/ (test_navigation.py,
test_spanish.py); that no page loads it before a visitor searches, on every page by the sweep."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import SiteReader
from pagefind_index import indexed_pages

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.publish.site_search import ENTRY, FOLDER, index, sort_languages

NOT_FOUND = "404.html"


def searchable_pages(site_dir: Path) -> list[str]:
    """The site URL of every page the build wrote (`schools/x/`), but the 404 pages, which a
    server shows at addresses that lead nowhere."""
    return sorted(
        path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for path in site_dir.rglob("*.html")
        if path.name != NOT_FOUND and FOLDER not in path.relative_to(site_dir).parts
    )


def missing_and_extra(site_dir: Path) -> tuple[list[str], list[str]]:
    """Pages on disk the index lacks, and index entries that are no page on disk (or a
    page indexed twice)."""
    indexed = sorted(page.url for page in indexed_pages(site_dir))
    on_disk = searchable_pages(site_dir)
    missing = sorted(set(on_disk) - set(indexed))
    extra = sorted(set(indexed) - set(on_disk)) + sorted(
        {url for url in indexed if indexed.count(url) > 1}
    )
    return missing, extra


def test_every_page_but_the_404_pages_is_in_the_index_once(site_dir: Path) -> None:
    missing, extra = missing_and_extra(site_dir)
    assert missing == [] and extra == [], (missing, extra)
    on_disk = searchable_pages(site_dir)
    assert len(on_disk) >= 150 and any(url.startswith("es/") for url in on_disk)


def test_each_page_is_indexed_in_its_language_under_its_heading(site_dir: Path) -> None:
    site = SiteReader(site_dir)
    wrong = []
    for page in indexed_pages(site_dir):
        language = "es" if page.url.startswith("es/") else "en"
        h1 = site.page(page.url or "/").select_one("article h1")
        heading = h1.get_text(" ", strip=True) if h1 else None
        if page.language != language or page.title != heading:
            wrong.append(f"/{page.url}: {page.language} {page.title!r}, not {language} {heading!r}")
    assert wrong == [], "\n".join(wrong)


def test_the_index_holds_the_content_not_what_every_page_repeats(
    site_dir: Path, catalog: Catalog
) -> None:
    by_url = {page.url: page for page in indexed_pages(site_dir)}
    profile = by_url[urls.school(next(iter(catalog.schools)))]
    site = SiteReader(site_dir)
    # The skip link, tabs, sidebar and footer of a page in each language.
    parts = [
        site.page(url).select_one(selector)
        for url in (urls.ABOUT, "es/" + urls.ABOUT)
        for selector in (".md-skip", ".md-tabs", ".md-sidebar--primary", ".md-footer-meta")
    ]
    repeated = [part.get_text(" ", strip=True) for part in parts if part is not None]
    assert len(repeated) == len(parts)
    chrome = [
        (page.url, words) for page in by_url.values() for words in repeated if words in page.content
    ]
    assert chrome == []
    assert profile.title in profile.content


def test_the_coverage_check_catches_a_page_kept_out_of_the_index(
    site_dir: Path, tmp_path: Path, catalog: Catalog
) -> None:
    # The same site with one profile no longer marked as content, indexed again.
    site = tmp_path / "site"
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns(FOLDER))
    hidden = "es/" + urls.school(next(iter(catalog.schools)))
    page = site / hidden / "index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    body = soup.select("[data-pagefind-body]")
    assert len(body) == 1
    del body[0]["data-pagefind-body"]
    page.write_text(str(soup), "utf-8")
    index(site)

    assert missing_and_extra(site) == ([hidden], [])


def test_the_bundle_lists_its_languages_in_one_order(site_dir: Path, tmp_path: Path) -> None:
    # Pagefind writes them in any order from one run to the next; a build is reproducible.
    built = (site_dir / FOLDER / ENTRY).read_text("utf-8")
    table = json.loads(built)
    assert list(table["languages"]) == ["en", "es"]
    table["languages"] = dict(reversed(table["languages"].items()))
    shuffled = tmp_path / ENTRY
    shuffled.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), "utf-8")
    assert shuffled.read_text("utf-8") != built
    sort_languages(shuffled)
    assert shuffled.read_text("utf-8") == built
