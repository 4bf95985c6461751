"""School profiles show what is known and invite the rest: no row of blanks, one invitation
naming what is missing, leading to the profile issue form filled in for that school."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import ROOT, SiteReader

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import School

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "profile.yml"
BLANKS = ("Not yet recorded", "Aún no registrado")
MISSING_LABELS = (
    "Level",
    "Campus",
    "Grades",
    "Local District",
    "Website",
    "Programs and partners",
    "Assets and Needs Assessment priorities",
)


def missing_fields(school: School) -> list[str]:
    """The English labels of what the record of `school` lacks, in the profile's order."""
    values = (
        school.level,
        school.campus,
        school.grades,
        school.local_district,
        school.website,
        school.programs,
        school.ana_priorities,
    )
    return [label for label, value in zip(MISSING_LABELS, values, strict=True) if not value]


def form_ids() -> set[str]:
    form = yaml.safe_load(FORM.read_text("utf-8"))
    return {field["id"] for field in form["body"] if "id" in field}


@pytest.mark.parametrize("folder", ["", "es/"])
def test_no_profile_lists_blanks(site: SiteReader, catalog: Catalog, folder: str) -> None:
    repeated = []
    for school in catalog.schools.values():
        text = site.page(folder + urls.school(school.slug)).get_text(" ", strip=True)
        if any(blank in text for blank in BLANKS):
            repeated.append(school.slug)
    assert repeated == []


@pytest.mark.parametrize("folder", ["", "es/"])
def test_the_invitation_is_where_something_is_missing(
    site: SiteReader, catalog: Catalog, folder: str
) -> None:
    complete = incomplete = 0
    for school in catalog.schools.values():
        page = site.page(folder + urls.school(school.slug))
        invitations = page.select(".cs-invite")
        missing = missing_fields(school)
        if not missing:
            assert invitations == [], school.slug
            complete += 1
            continue
        incomplete += 1
        assert len(invitations) == 1, school.slug
        anchor = invitations[0].find("a", href=True)
        assert anchor is not None, school.slug
        link = urlsplit(str(anchor["href"]))
        assert link.path.endswith("/issues/new"), anchor["href"]
        query = parse_qs(link.query)
        assert query["template"] == [FORM.name]
        assert set(query) - {"template", "title"} <= form_ids()
        assert school.name in query["title"][0] and school.name in query["school"][0]
        named = query["missing"][0].split("\n")
        assert len(named) == len(missing), school.slug
        if not folder:
            assert named == missing
            # The page names the same fields as the form it leads to.
            assert all(field in invitations[0].get_text() for field in missing)
    assert incomplete, "the real data has profiles with gaps"


def test_the_form_asks_for_a_source() -> None:
    form = yaml.safe_load(FORM.read_text("utf-8"))
    assert {"school", "missing", "facts"} <= form_ids()
    facts = next(field for field in form["body"] if field.get("id") == "facts")
    assert facts["validations"]["required"] is True
    assert "source" in facts["attributes"]["label"]


def test_the_invitation_link() -> None:
    url = urls.profile_form(
        "https://github.com/o/r/",
        "Profile: A & B",
        {"school": "A & B", "missing": "Campus\nGrades"},
    )
    assert url.startswith("https://github.com/o/r/issues/new?template=profile.yml&title=")
    query = parse_qs(urlsplit(url).query)
    assert query["title"] == ["Profile: A & B"]
    assert query["missing"] == ["Campus\nGrades"]
