"""Sharing: link previews, share links, feeds and open data, on a site built with an address."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import BUILD_DATE, build_site
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for
from PIL import Image

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.publish.exports import (
    CSV_COLUMNS,
    LICENCE,
    CohortsExport,
    SchoolsExport,
    StoriesExport,
)

SITE_URL = "https://showcase.example.org/lausd/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("shared-site")
    result = build_site(out, None, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    yield out


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def _meta(page: BeautifulSoup, key: str) -> str:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    assert tag is not None, key
    return str(tag["content"])


def _lead(page: BeautifulSoup) -> str:
    lead = page.select_one(".cs-lead")
    assert lead is not None
    return " ".join(lead.get_text(" ").split())


def test_school_and_story_pages_carry_their_tags_and_their_school_s_preview(
    shared_site: Path, catalog: Catalog
) -> None:
    # A page is shared with what it shows: its heading, and the sentence under it.
    shared = [(urls.school(slug), school.name) for slug, school in catalog.schools.items()]
    shared += [(urls.story(slug), story.title) for slug, story in catalog.stories.items()]
    for url, title in shared:
        page = _page(shared_site, url)
        assert page.h1 is not None and page.h1.get_text(strip=True) == title, url
        assert _meta(page, "og:title") == title == _meta(page, "twitter:title")
        assert _meta(page, "og:description") == _lead(page) == _meta(page, "description")
        assert _meta(page, "og:url") == SITE_URL + url
        assert _meta(page, "twitter:card") == "summary_large_image"
    for story in catalog.stories.values():
        page = _page(shared_site, urls.story(story.slug))
        assert _meta(page, "og:description") == " ".join(story.summary.split())
        assert _meta(page, "og:type") == "article"
    # Its card: a school's own, with the school's name; a story about one school shows that
    # school's, and a story about several the site's.
    cards: dict[str, bytes] = {}
    for slug, school in catalog.schools.items():
        page = _page(shared_site, urls.school(slug))
        assert _meta(page, "og:image") == SITE_URL + urls.school(slug) + "preview.png"
        # The card's line says what the sources say the school is.
        kind = "LAUSD community school" if school.designated else "Partner network school"
        assert _meta(page, "og:image:alt") == f"{kind}: {school.name}", slug
        with Image.open(shared_site / urls.school(slug) / "preview.png") as image:
            assert image.size == (1200, 630) and image.format == "PNG"
        cards[slug] = (shared_site / urls.school(slug) / "preview.png").read_bytes()
    assert len(set(cards.values())) == len(cards)  # each shows its own school's name
    assert {s.designated for s in catalog.schools.values()} == {True, False}, "both kinds shown"
    kinds = set()
    for story in catalog.stories.values():
        page = _page(shared_site, urls.story(story.slug))
        alone = len(story.schools) == 1
        kinds.add(alone)
        card = urls.school(story.schools[0]) if alone else "assets/"
        assert _meta(page, "og:image") == SITE_URL + card + "preview.png", story.slug
        assert not (shared_site / urls.story(story.slug) / "preview.png").exists()
        if alone:
            school_page = _page(shared_site, urls.school(story.schools[0]))
            alt = _meta(school_page, "og:image:alt")
            assert _meta(page, "og:image:alt") == alt, story.slug
    assert kinds == {True, False}, "the data has stories of one school and of several"


def test_every_other_page_has_tags_and_the_site_preview(shared_site: Path) -> None:
    for url in ["", urls.SCHOOLS, urls.COHORTS, "about/"]:
        page = _page(shared_site, url)
        assert _meta(page, "og:url") == SITE_URL + url
        assert _meta(page, "og:image") == SITE_URL + "assets/preview.png"
        assert _meta(page, "og:description")
    with Image.open(shared_site / "assets" / "preview.png") as image:
        assert image.size == (1200, 630)


def test_share_links_are_plain_links_to_the_page(shared_site: Path, catalog: Catalog) -> None:
    slug = next(iter(catalog.schools))
    page = _page(shared_site, urls.school(slug))
    bar = page.select_one(".cs-share")
    assert bar is not None
    hrefs = [str(a["href"]) for a in bar.find_all("a")]
    assert any(h.startswith("mailto:") for h in hrefs)
    assert any(h.startswith("https://wa.me/") for h in hrefs)
    encoded = (SITE_URL + urls.school(slug)).replace(":", "%3A").replace("/", "%2F")
    assert all(encoded in h for h in hrefs), hrefs
    assert page.select_one("[data-copy-url]")["data-copy-url"] == SITE_URL + urls.school(slug)  # type: ignore[index]
    # No third-party script: every script the page loads is the site's own.
    assert all(not str(s.get("src", "")).startswith("http") for s in page.find_all("script"))


def _feed(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def test_the_feed_lists_every_story_with_absolute_links(
    shared_site: Path, catalog: Catalog
) -> None:
    feed = _feed(shared_site / "feed.xml")
    entries = feed.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert links == [SITE_URL + urls.story(slug) for slug in catalog.stories]
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        s.title for s in catalog.stories.values()
    ]
    years = {s.week_of_action for s in catalog.stories.values() if s.week_of_action is not None}
    assert years
    for year in sorted(years):
        # Newest first, as the whole feed; from the stories themselves, not the catalog's index.
        stories = [s for s in catalog.stories.values() if s.week_of_action == year]
        year_feed = _feed(shared_site / urls.week_feed(year))
        year_links = [e.find(f"{ATOM}link").get("href") for e in year_feed.findall(f"{ATOM}entry")]  # type: ignore[union-attr]
        assert year_links == [SITE_URL + urls.story(s.slug) for s in stories]
        alternates = _page(shared_site, urls.week(year)).find_all(
            "link", type="application/atom+xml"
        )
        assert {str(a["href"]) for a in alternates} == {"../../feed.xml", "feed.xml"}
    home_feed = _page(shared_site, "").find("link", type="application/atom+xml")
    assert home_feed is not None and home_feed["href"] == "feed.xml"


def test_open_data_equals_the_data(shared_site: Path, catalog: Catalog) -> None:
    data = shared_site / "data"
    schools = SchoolsExport.model_validate_json((data / "schools.json").read_bytes())
    assert [s.model_dump(exclude={"url"}) for s in schools.schools] == [
        s.model_dump() for s in catalog.schools.values()
    ]
    assert [s.url for s in schools.schools] == [urls.school(slug) for slug in catalog.schools]
    assert schools.licence == LICENCE and schools.as_of == BUILD_DATE
    cohorts = CohortsExport.model_validate_json((data / "cohorts.json").read_bytes())
    assert [c.model_dump() for c in cohorts.cohorts] == [
        c.model_dump() for c in catalog.cohorts.values()
    ]
    stories = StoriesExport.model_validate_json((data / "stories.json").read_bytes())
    assert [s.id for s in stories.stories] == list(catalog.stories)
    assert [s.body for s in stories.stories] == [s.body for s in catalog.stories.values()]
    rows = list(csv.DictReader(io.StringIO((data / "schools.csv").read_text("utf-8"))))
    assert list(rows[0]) == CSV_COLUMNS
    assert [(r["slug"], r["name"]) for r in rows] == [
        (s.slug, s.name) for s in catalog.schools.values()
    ]
    hillcrest = next(r for r in rows if r["slug"] == "hillcrest-drive-elementary")
    assert hillcrest["cohorts"] == "cohort-2; cohort-3"


def test_each_open_data_file_matches_the_schema_published_beside_it(shared_site: Path) -> None:
    for name in ["schools", "cohorts", "stories"]:
        data = json.loads((shared_site / "data" / f"{name}.json").read_text("utf-8"))
        schema = json.loads((shared_site / "data" / f"{name}.schema.json").read_text("utf-8"))
        assert validator_for(schema) is Draft202012Validator
        validator = Draft202012Validator(schema)
        assert list(validator.iter_errors(data)) == [], name
        assert data[name], name
        # The schema sees a record that lost a required field, or gained one it does not know.
        first = data[name][0]
        for broken in [
            {key: value for key, value in first.items() if key != schema_required(schema, name)},
            {**first, "unknown_field": 1},
        ]:
            assert list(validator.iter_errors({**data, name: [broken]})) != [], (name, broken)


def schema_required(schema: dict[str, Any], name: str) -> str:
    """A field every record of the list `name` must have, as the schema says."""
    items = schema["properties"][name]["items"]
    record = schema["$defs"][items["$ref"].rsplit("/", 1)[1]] if "$ref" in items else items
    required: list[str] = record["required"]
    return required[0]


def test_the_data_page_links_every_file(shared_site: Path) -> None:
    page = _page(shared_site, urls.DATA)
    hrefs = {str(a["href"]) for a in page.select("table a")}
    assert {"schools.json", "schools.csv", "cohorts.json", "stories.json"} <= hrefs
    assert {"schools.schema.json", "cohorts.schema.json", "stories.schema.json"} <= hrefs
    assert all((shared_site / "data" / href).is_file() for href in hrefs)
    assert page.find("time") is not None


def test_the_sitemap_lists_real_page_addresses(shared_site: Path, catalog: Catalog) -> None:
    sitemap = ET.parse(shared_site / "sitemap.xml").getroot()
    locations = {
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    expected = {SITE_URL + urls.school(slug) for slug in catalog.schools}
    expected |= {SITE_URL + urls.story(slug) for slug in catalog.stories}
    assert expected <= locations
    assert all(str(location).startswith(SITE_URL) for location in locations)
