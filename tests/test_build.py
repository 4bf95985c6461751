"""Building the site: hostile text stays text, and bad data stops the build cleanly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BUILD_DATE, ROOT, SOURCE_DATE_EPOCH, build_site, copy_project
from helpers import site_files

from showcase.data.catalog import Catalog
from showcase.publish.exports import data_date

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def _read(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def test_hostile_text_is_escaped_and_sanitised(tmp_path: Path) -> None:
    result = build_site(tmp_path / "site", HOSTILE)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    every_page = "\n".join(p.read_text("utf-8") for p in site.rglob("*.html"))
    for payload in [
        "jslinkpayload",
        "encodedlinkpayload",
        "mixedcasepayload",
        "spacedpayload",
    ]:
        assert payload not in every_page, payload
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], f"{page}: <{element.name} {handlers}>"
            href = str(element.get("href", "")).strip().lower()
            assert not href.startswith("javascript:"), f"{page}: {href}"
        assert not soup.find_all(["iframe", "object", "embed"]), page
    story = _read(site, "stories/hostile-story")
    assert story.h1 is not None
    assert story.h1.get_text() == 'Title with "quotes" onload="alert(1)" & more'
    description = story.find("meta", attrs={"name": "description"})
    assert description is not None
    assert description["content"] == 'Summary with "quotes" onfocus="alert(1)" & an ampersand.'
    assert story.find("a", href="https://example.org/real") is not None
    photo = story.find("img", src="garden.png")
    assert photo is not None
    assert photo["alt"] == 'Parents and staff planting the "new" school garden'
    assert (site / "stories" / "hostile-story" / "garden.png").read_bytes() == (
        HOSTILE / "stories" / "2024" / "garden.png"
    ).read_bytes()
    school = _read(site, "schools/quote-school")
    assert school.h1 is not None and school.h1.get_text() == "The \"Quote\" & 'Apostrophe' School"
    alias_text = school.get_text()
    assert 'Quote" onmouseover="alert(1)' in alias_text


def test_bad_data_stops_the_build_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(HOSTILE, data)
    story = data / "stories" / "2024" / "hostile-story.yaml"
    story.write_text(
        story.read_text("utf-8").replace("title:", "titel:").replace("2024-04-23", "2024-13-45"),
        "utf-8",
    )
    schools = data / "schools.yaml"
    schools.write_text(schools.read_text("utf-8").replace("cohort: cohort-1", "cohort: cohort-9"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "earlier.html").write_text("the last good build")
    result = build_site(site, data)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "hostile-story.yaml:1: titel: `titel` is not a field we know" in output
    assert "hostile-story.yaml:2: date: `2024-13-45` is not a real date" in output
    assert "schools.yaml:6: schools[0].cohorts[0].cohort: no cohort has the id `cohort-9`" in output
    # Read and checked once for both languages: each problem is reported once.
    assert output.count("`titel` is not a field we know") == 1
    # Nothing half-written: the previous site is left exactly as it was.
    assert [p.name for p in site.iterdir()] == ["earlier.html"]


def test_edit_links_open_the_file_that_made_the_page(tmp_path: Path) -> None:
    edit = "https://github.com/example/showcase/edit/main/"
    result = build_site(tmp_path, None, EDIT_URI=edit)
    assert result.returncode == 0, result.stderr
    expected = {
        "schools/hillcrest-drive-elementary": "data/schools.yaml",
        "cohorts/cohort-4": "data/cohorts.yaml",
        "stories/leland-street-resource-fair": "data/stories/2024/leland-street-resource-fair.yaml",
        "about/coordinators": "docs/about/coordinators.md",
        "": "docs/index.md",
        "es/about/coordinators": "docs/es/about/coordinators.md",
        "es/stories/leland-street-resource-fair": (
            "data/stories/2024/leland-street-resource-fair.yaml"
        ),
    }
    for url, source in expected.items():
        page = BeautifulSoup((tmp_path / url / "index.html").read_text("utf-8"), "html.parser")
        links = {str(a["href"]) for a in page.select("a[href]")}
        assert edit + source in links, url


def test_a_broken_spanish_page_stops_the_build_and_says_which_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "es" / "about" / "research.md"
    page.write_text(page.read_text("utf-8") + "\n[roto](no-such-page.md)\n", "utf-8")
    result = build_site(tmp_path / "site", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "no-such-page.md" in output
    assert "The Español site did not build" in output
    assert "Traceback" not in output


def test_the_callers_environment_does_not_change_the_test_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a developer's shell sets (a publication address, another data folder, another
    date) does not reach a test build."""
    monkeypatch.setenv("SITE_URL", "https://elsewhere.example/")
    monkeypatch.setenv("SHOWCASE_DATA", str(tmp_path / "no-data-here"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    result = build_site(tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "elsewhere.example" not in home
    assert '<link rel="canonical" href="http://127.0.0.1:8000/">' in home
    data = json.loads((tmp_path / "site" / "data" / "schools.json").read_text("utf-8"))
    assert data["as_of"] == BUILD_DATE.isoformat()
    # The control: the same variable, given on purpose, does reach the build.
    moved = build_site(tmp_path / "moved", SITE_URL="https://elsewhere.example/")
    assert "https://elsewhere.example/" in (tmp_path / "moved" / "index.html").read_text("utf-8")
    assert moved.returncode == 0


def test_two_builds_of_the_same_data_are_the_same_byte_for_byte(
    site_dir: Path, tmp_path: Path
) -> None:
    again = tmp_path / "site"
    # From nothing: an empty cache, so every preview and QR code is drawn again and compared.
    result = build_site(again, SHOWCASE_CACHE=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    first = {p.relative_to(site_dir): p.read_bytes() for p in site_files(site_dir)}
    second = {p.relative_to(again): p.read_bytes() for p in site_files(again)}
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_the_data_is_as_of_the_commit_or_else_its_newest_story(catalog: Catalog) -> None:
    assert data_date(catalog, SOURCE_DATE_EPOCH) == BUILD_DATE
    newest = max(
        str(yaml.safe_load(path.read_text("utf-8"))["date"])
        for path in (ROOT / "data" / "stories").glob("*/*.yaml")
    )
    assert data_date(catalog, None).isoformat().startswith(newest)
    assert data_date(catalog, "") == data_date(catalog, None)


def _build_linking_from_about(tmp_path: Path, *links: str) -> tuple[str, int]:
    """Build a copy of the project whose About page ends with `links` (Markdown); the build's
    output and exit status."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about" / "index.md"
    page.write_text(page.read_text("utf-8") + "\n" + "\n\n".join(links) + "\n", "utf-8")
    result = build_site(tmp_path / "site", cwd=project)
    return result.stdout + result.stderr, result.returncode


def test_a_hand_written_page_links_to_generated_pages_by_their_files(tmp_path: Path) -> None:
    """School and story pages are files MkDocs knows: a link to one by its `.md` path, with
    an anchor the page has, passes a strict build and becomes the page's address."""
    output, status = _build_linking_from_about(
        tmp_path,
        "[A profile](../schools/24th-street-elementary/index.md#stories)",
        "[A story](../stories/leland-street-resource-fair/index.md)",
    )
    assert status == 0, output
    links = {str(a["href"]) for a in _read(tmp_path / "site", "about").select("article a[href]")}
    assert "../schools/24th-street-elementary/#stories" in links
    assert "../stories/leland-street-resource-fair/" in links


def test_a_link_to_a_school_page_that_does_not_exist_stops_the_build(tmp_path: Path) -> None:
    output, status = _build_linking_from_about(
        tmp_path,
        "[No such school](../schools/no-such-school/index.md)",
        "[No such part](../schools/24th-street-elementary/index.md#no-such-part)",
    )
    assert status != 0
    assert "'../schools/no-such-school/index.md'" in output
    assert "does not contain an anchor '#no-such-part'" in output
    assert "Traceback" not in output
