"""The real site, built from the real data, read as a visitor reads it."""

from __future__ import annotations

from pathlib import Path

from conftest import SiteReader, resolve
from search_index_files import index_words, indexed_pages

from showcase import urls
from showcase.data.catalog import Catalog


def test_every_school_has_a_profile_linking_its_cohorts(site: SiteReader, catalog: Catalog) -> None:
    for school in catalog.schools.values():
        page = site.page(urls.school(school.slug))
        assert page.h1 is not None and page.h1.get_text(strip=True) == school.name
        links = site.links(urls.school(school.slug))
        for listing in school.cohorts:
            assert urls.cohort(listing.cohort) in links, school.slug


def test_school_without_cohort_says_so(site: SiteReader, catalog: Catalog) -> None:
    silent = [s for s in catalog.schools.values() if not s.cohorts]
    assert silent, "the real data has schools whose cohort no source gives"
    for school in silent:
        text = site.page(urls.school(school.slug)).get_text(" ", strip=True)
        # Said once, in the lead, not as a blank row.
        assert "Not yet recorded" not in text
        assert "do not give its cohort" in text or "not in a cohort" in text, school.slug


def test_every_cohort_page_lists_exactly_its_schools(site: SiteReader, catalog: Catalog) -> None:
    for cohort_id in catalog.cohorts:
        listed = {
            link
            for link in site.links(urls.cohort(cohort_id), "#schools ~ ul .cs-card__title")
            | site.links(urls.cohort(cohort_id), ".cs-cards")
            if link.startswith(urls.SCHOOLS) and link != urls.SCHOOLS
        }
        # From each school's own listings, not the catalog's index that the page is made from.
        expected = {
            urls.school(s.slug)
            for s in catalog.schools.values()
            if cohort_id in {listing.cohort for listing in s.cohorts}
        }
        assert listed == expected, cohort_id


def test_every_story_links_its_schools_and_is_on_its_year_page(
    site: SiteReader, catalog: Catalog
) -> None:
    assert catalog.stories
    for story in catalog.stories.values():
        links = site.links(urls.story(story.slug))
        assert {urls.school(slug) for slug in story.schools} <= links
        if story.week_of_action is not None:
            assert urls.story(story.slug) in site.links(urls.week(story.week_of_action))


def test_every_school_profile_lists_its_stories(site: SiteReader, catalog: Catalog) -> None:
    for school in catalog.schools.values():
        linked = {
            link for link in site.links(urls.school(school.slug)) if link.startswith("stories/")
        }
        expected = {
            urls.story(s.slug) for s in catalog.stories.values() if school.slug in s.schools
        }
        assert linked == expected, school.slug


def test_home_page_figures_equal_the_data(site: SiteReader, catalog: Catalog) -> None:
    figures = {
        a.get_text(" ", strip=True).split(" ", 1)[1]: int(a.strong.get_text())
        for a in site.page(urls.HOME).select(".cs-figures a")
        if a.strong is not None
    }
    # Each figure says what it counts: the records held here, not the district's total.
    assert figures == {
        "schools profiled here": len(catalog.schools),
        "cohorts recorded": len(catalog.cohorts),
        "stories": len(catalog.stories),
    }


def test_home_page_gives_the_districts_own_latest_count_with_its_source(
    site: SiteReader, catalog: Catalog
) -> None:
    latest = max(
        (c for c in catalog.cohorts.values() if c.total_designated), key=lambda c: c.started
    )
    home = site.page(urls.HOME)
    counts = home.select(".cs-district-count + ul > li")
    assert len(counts) == len(latest.total_designated)
    for item, count in zip(counts, latest.total_designated, strict=True):
        text = item.get_text(" ", strip=True)
        assert text.startswith(str(count.count)) and latest.started in text
        assert item.select_one(".cs-cite") and item.select_one("details.cs-evidence")


def test_every_internal_link_leads_to_a_page(site_dir: Path) -> None:
    broken = []
    for html in site_dir.rglob("*.html"):
        url = "/" + html.relative_to(site_dir).as_posix().removesuffix("index.html")
        reader = SiteReader(site_dir)
        for target in reader.links(url.lstrip("/") or "/", "body"):
            if not reader.file(target).exists() and not (site_dir / target).exists():
                broken.append(f"{url} → {target}")
    assert broken == []


def test_school_and_story_pages_stay_out_of_the_sidebar(site: SiteReader, catalog: Catalog) -> None:
    some_school = next(iter(catalog.schools))
    sidebar = site.links(urls.school(some_school), "nav.md-nav--primary")
    assert not [
        link
        for link in sidebar
        if link.startswith(("schools/", "stories/")) and link.count("/") > 1
    ]
    assert urls.SCHOOLS in sidebar and urls.COHORTS in sidebar


def breadcrumb_trail(site: SiteReader, url: str) -> list[tuple[str, str]]:
    """What the breadcrumbs of a page say, in order, and the site URL each leads to."""
    return [
        (link.get_text(strip=True), resolve("/" + url, str(link["href"])))
        for link in site.page(url).select(".cs-breadcrumbs a[href]")
    ]


def test_breadcrumbs_lead_back_up(site: SiteReader, catalog: Catalog) -> None:
    home = ("Home", urls.HOME)
    for story in catalog.stories.values():
        expected = [home, ("Week of Action", urls.WEEKS)]
        if story.week_of_action is not None:
            expected.append((str(story.week_of_action), urls.week(story.week_of_action)))
        assert breadcrumb_trail(site, urls.story(story.slug)) == expected, story.slug
    for school in catalog.schools:
        assert breadcrumb_trail(site, urls.school(school)) == [home, ("Schools", urls.SCHOOLS)]
    for cohort in catalog.cohorts:
        assert breadcrumb_trail(site, urls.cohort(cohort)) == [home, ("Cohorts", urls.COHORTS)]
    # Every crumb opens a page.
    assert all(site.file(target).is_file() for _, target in [home, *expected])


def test_sources_are_named_on_every_generated_page(site: SiteReader, catalog: Catalog) -> None:
    for url in [urls.school(s) for s in catalog.schools] + [urls.story(s) for s in catalog.stories]:
        section = site.page(url).select_one(".cs-sources")
        assert section is not None and section.select("li"), url


def test_no_page_requests_fonts_or_scripts_from_elsewhere(site_dir: Path) -> None:
    for html in site_dir.rglob("*.html"):
        text = html.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html
        assert "api.github.com" not in text, html


def test_search_finds_every_story_by_the_words_of_its_body(
    site_dir: Path, catalog: Catalog
) -> None:
    # Story pages are rendered one at a time outside MkDocs's page list; each must still
    # reach the search index, with its own text.
    words_at = {page.url: page.words.get("text", set()) for page in indexed_pages(site_dir)}
    for story in catalog.stories.values():
        words = index_words(story.body)
        assert words <= words_at.get(urls.story(story.slug), set()), story.slug


def test_the_public_site_is_for_visitors(site_dir: Path) -> None:
    # How the site is built is for its builders (PERFORMANCE.md), not for its visitors.
    for folder in ("", "es/"):
        assert not (site_dir / folder / "performance").exists()
        sidebar = SiteReader(site_dir).page(folder or "/").select_one("nav.md-nav--primary")
        assert sidebar is not None and "Performance" not in sidebar.get_text(" ")
