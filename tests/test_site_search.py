"""The search index (showcase/publish/site_search.py), read from its files by
tests/search_index_files.py. Every page a visitor can land on is in its language's index once,
under its heading, with every word of its article and no other: not the header, navigation,
footer, breadcrumbs or share bar every page repeats. A school profile also carries its names
and the directory's filters, as the data gives them. How search looks and behaves in a browser
is tested in tests/browser/ (test_navigation.py, test_spanish.py, test_directory.py); that no
page loads any of it before a visitor searches, on every page by the sweep."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from search_index_files import FOLDERS, IndexedPage, index_words, indexed_pages

from showcase import urls
from showcase.data.catalog import Catalog

NOT_FOUND = "404.html"


def pages_on_disk(site_dir: Path, language: str) -> list[str]:
    """The site URL of every page one language's build wrote (`es/schools/x/`), but the 404
    page, which a server shows at addresses that lead nowhere."""
    spanish = site_dir / FOLDERS["es"]
    return sorted(
        path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for path in site_dir.rglob("*.html")
        if path.name != NOT_FOUND and path.is_relative_to(spanish) == (language == "es")
    )


def coverage_problems(site_dir: Path) -> list[str]:
    """Pages on disk an index lacks, and index entries that are no page on disk or come twice."""
    problems = []
    indexed = indexed_pages(site_dir)
    for language in FOLDERS:
        listed = [page.url for page in indexed if page.language == language]
        on_disk = pages_on_disk(site_dir, language)
        problems += [f"{language}: /{url} is not indexed" for url in set(on_disk) - set(listed)]
        problems += [f"{language}: /{url} is no page" for url in set(listed) - set(on_disk)]
        twice = {url for url in listed if listed.count(url) > 1}
        problems += [f"{language}: /{url} is indexed twice" for url in twice]
    return sorted(set(problems))


def article_of(site_dir: Path, url: str) -> tuple[str, str]:
    """A page's heading and the text of its article, less what search is to leave out: the
    parts marked `data-search-ignore`, scripts, styles and icons."""
    soup = BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None, f"/{url} has no article"
    for part in article.select("[data-search-ignore], script, style, svg"):
        part.decompose()
    heading = article.select_one("h1")
    return (heading.get_text(" ", strip=True) if heading else ""), article.get_text(" ")


def content_problems(site_dir: Path, pages: list[IndexedPage]) -> list[str]:
    """Pages whose title or words in the index are not their article's."""
    problems = []
    for page in pages:
        heading, text = article_of(site_dir, page.url)
        if page.title != heading:
            problems.append(f"/{page.url}: indexed as {page.title!r}, its heading is {heading!r}")
        for field, expected in [("text", index_words(text)), ("title", index_words(heading))]:
            held = page.words.get(field, set())
            if held != expected:
                lacking, extra = sorted(expected - held)[:5], sorted(held - expected)[:5]
                problems.append(f"/{page.url} {field}: lacks {lacking}, has extra {extra}")
    return problems


def test_every_page_but_the_404_pages_is_in_its_language_s_index_once(site_dir: Path) -> None:
    assert coverage_problems(site_dir) == []
    assert len(pages_on_disk(site_dir, "en")) >= 75 and len(pages_on_disk(site_dir, "es")) >= 75


def test_each_page_is_indexed_with_its_heading_and_every_word_of_its_article(
    site_dir: Path,
) -> None:
    pages = indexed_pages(site_dir)
    assert content_problems(site_dir, pages) == []


def test_a_school_is_found_by_its_names_and_its_directory_filters(
    site_dir: Path, catalog: Catalog
) -> None:
    wrong = []
    for page in indexed_pages(site_dir):
        slug = page.url.removeprefix(FOLDERS[page.language]).removeprefix("schools/").strip("/")
        school = catalog.schools.get(slug) if page.url.endswith(urls.school(slug)) else None
        if school is None:
            if page.words.get("names") or page.filters:
                wrong.append(f"/{page.url}: names or filters on a page that is no profile")
            continue
        names = index_words(" ".join([school.name, *school.aliases]))
        pillars = {pillar.value for pillar in catalog.pillars_by_school[school.slug]}
        filters = {
            ("kind", "school"),
            *(("cohort", listing.cohort) for listing in school.cohorts),
            *([] if school.cohorts else [("cohort", "none")]),
            ("level", school.level.value if school.level else "unknown"),
            *(("pillar", pillar) for pillar in pillars),
            ("district", school.local_district or "unknown"),
        }
        if page.words.get("names") != names or page.filters != filters:
            wrong.append(f"/{page.url}: {page.words.get('names')} {page.filters}")
        if bool(page.aliases) != bool(school.aliases) or not all(
            alias in page.aliases for alias in school.aliases
        ):
            wrong.append(f"/{page.url}: other names {page.aliases!r}")
    assert wrong == [], "\n".join(wrong[:20])


def test_the_checks_catch_a_page_left_out_and_a_word_dropped(
    site_dir: Path, tmp_path: Path, catalog: Catalog
) -> None:
    # The negative control: the same site, its Spanish index with one profile's record
    # replaced by the next page's, and its English index without one word of a profile.
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    slug = next(iter(catalog.schools))
    spanish = indexed_pages(site)
    spanish = [page for page in spanish if page.language == "es"]
    hidden = next(i for i, page in enumerate(spanish) if page.url == "es/" + urls.school(slug))
    chunk_file = site / "es" / "search" / "pages" / "0.json"
    records = json.loads(chunk_file.read_text("utf-8"))
    assert hidden + 1 < len(records), "the profile's record is not in the first file"
    records[hidden] = records[hidden + 1]
    chunk_file.write_text(json.dumps(records), "utf-8")
    assert f"es: /es/{urls.school(slug)} is not indexed" in coverage_problems(site)

    english = [page for page in indexed_pages(site) if page.language == "en"]
    profile = next(page for page in english if page.url == urls.school(slug))
    word = sorted(profile.words["text"])[0]
    shard_file = site / "search" / "words" / f"{word[:3]}.json"
    shard = json.loads(shard_file.read_text("utf-8"))
    shard.pop(word)
    shard_file.write_text(json.dumps(shard), "utf-8")
    changed = [page for page in indexed_pages(site) if page.url == profile.url]
    assert any(f"lacks ['{word}'" in problem for problem in content_problems(site, changed))
