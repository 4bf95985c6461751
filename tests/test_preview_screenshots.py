"""Which pages the preview of a pull request photographs, from the files it changes."""

from __future__ import annotations

import pytest
from preview_screenshots import changed_pages

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.tools.pr_preview import screenshot_name


def test_a_story_shows_on_its_page_and_its_schools(catalog: Catalog) -> None:
    story = next(iter(catalog.stories.values()))
    path = f"data/stories/2024/{story.slug}.yaml"
    assert changed_pages([path], catalog) == [
        urls.story(story.slug),
        *(urls.school(slug) for slug in story.schools),
    ]


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("docs/index.md", urls.HOME),
        ("docs/es/index.md", urls.HOME),
        ("docs/about/index.md", urls.ABOUT),
        ("docs/es/about/governance.md", "about/governance/"),
        ("docs/assets/showcase.css", urls.HOME),
        ("data/schools.yaml", urls.SCHOOLS),
        ("data/cohorts.yaml", urls.COHORTS),
        ("data/sources.yaml", urls.HOME),
    ],
)
def test_a_file_shows_on_its_page(path: str, page: str, catalog: Catalog) -> None:
    assert changed_pages([path], catalog) == [page]


def test_a_template_shows_on_a_page_of_each_kind(catalog: Catalog) -> None:
    pages = changed_pages(["overrides/school.html", "docs/index.md"], catalog)
    assert urls.HOME in pages and urls.SCHOOLS in pages and urls.ABOUT in pages
    assert len(pages) == len(set(pages))
    assert not any(page.startswith("es/") for page in pages)


def test_files_outside_the_content_show_nowhere(catalog: Catalog) -> None:
    assert changed_pages(["README.md", "showcase/tools/cli.py", ".github/x.yml"], catalog) == []


def test_screenshot_names() -> None:
    assert screenshot_name("") == "home.png"
    assert screenshot_name("es/stories/a-b/") == "es-stories-a-b.png"
