"""School profiles show what is known and invite the rest: no row of blanks, one invitation
naming what is missing, leading to the profile issue form filled in for that school."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, SiteReader
from test_spanish import glossary_problems

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import School
from showcase.i18n import ENGLISH, language

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
# The form each language's profiles lead to, and the language their labels are in.
FORM = {"": FORMS / "profile.yml", "es/": FORMS / "profile-es.yml"}
LANGUAGE = {"": ENGLISH, "es/": language("es", "Español", "es/")}
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


def read_form(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def form_fields(path: Path) -> list[tuple[str, str]]:
    """Each question of a form: its id and its kind (input, textarea…), in order."""
    return [(field["id"], field["type"]) for field in read_form(path)["body"] if "id" in field]


def invitation_problems(page: BeautifulSoup, school: School, folder: str) -> list[str]:
    """What is wrong with the invitation of the profile `page` of `school`, in the language of
    `folder`: it must appear once where something is missing, never where nothing is, and lead
    to that language's form with the school and what it lacks, in that language, filled in."""
    invitations = page.select(".cs-invite")
    missing = [LANGUAGE[folder]._(label) for label in missing_fields(school)]
    if not missing:
        return ["an invitation on a complete profile"] if invitations else []
    if len(invitations) != 1:
        return [f"{len(invitations)} invitations"]
    anchor = invitations[0].find("a", href=True)
    if anchor is None:
        return ["an invitation without a link"]
    link = urlsplit(str(anchor["href"]))
    query = parse_qs(link.query)
    ids = {field_id for field_id, _ in form_fields(FORM[folder])}
    checks = {
        "not a new issue": link.path.endswith("/issues/new"),
        f"not the form {FORM[folder].name}": query.get("template") == [FORM[folder].name],
        "answers the form does not ask": set(query) - {"template", "title"} <= ids,
        "the title does not name the school": school.name in query.get("title", [""])[0],
        "the title is not the form's": query.get("title", [""])[0].startswith(
            read_form(FORM[folder])["title"]
        ),
        "the school is not filled in": school.name in query.get("school", [""])[0],
        "the missing fields are not filled in": query.get("missing", [""])[0].split("\n")
        == missing,
        # The page names the same fields as the form it leads to.
        "the page does not name what is missing": all(
            field in invitations[0].get_text() for field in missing
        ),
    }
    return [problem for problem, fine in checks.items() if not fine]


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
    problems = {}
    for school in catalog.schools.values():
        page = site.page(folder + urls.school(school.slug))
        problems[school.slug] = invitation_problems(page, school, folder)
    assert {slug: found for slug, found in problems.items() if found} == {}
    incomplete = [school for school in catalog.schools.values() if missing_fields(school)]
    assert incomplete, "the real data has profiles with gaps"


def test_the_invitation_check_sees_a_spanish_page_leading_to_the_english_form(
    site: SiteReader, catalog: Catalog
) -> None:
    """Negative control: a Spanish profile whose link opens the English form, with the English
    labels, and an English profile whose link lost what it lacks."""
    school = next(s for s in catalog.schools.values() if missing_fields(s))
    english = site.page(urls.school(school.slug))
    spanish_copy = BeautifulSoup(str(english), "html.parser")
    problems = invitation_problems(spanish_copy, school, "es/")
    assert "not the form profile-es.yml" in problems
    assert "the missing fields are not filled in" in problems
    english_copy = BeautifulSoup(str(english), "html.parser")
    anchor = english_copy.select_one(".cs-invite a")
    assert anchor is not None
    anchor["href"] = str(anchor["href"]).split("&missing=")[0]
    assert invitation_problems(english_copy, school, "") == ["the missing fields are not filled in"]


def test_both_forms_ask_the_same_questions() -> None:
    """The Spanish form is the English one's twin: the same ids, kinds and order, and the same
    required answers, so a maintainer (or a command) reads either the same way."""
    english, spanish = read_form(FORM[""]), read_form(FORM["es/"])
    assert form_fields(FORM["es/"]) == form_fields(FORM[""])
    assert [f.get("validations") for f in spanish["body"]] == [
        f.get("validations") for f in english["body"]
    ]
    assert spanish["labels"] == english["labels"]
    assert english["title"] == "Profile: " and spanish["title"] == "Perfil: "
    assert glossary_problems("\n".join(form_text(spanish))) == []


def form_text(value: Any) -> list[str]:
    """Every text of a form a visitor reads (its YAML parsed, so no quoting of YAML's own)."""
    if isinstance(value, dict):
        return [
            t for key, item in value.items() if key not in {"id", "type"} for t in form_text(item)
        ]
    if isinstance(value, list):
        return [t for item in value for t in form_text(item)]
    return [value] if isinstance(value, str) else []


def test_the_spanish_form_check_sees_a_forbidden_form() -> None:
    """Negative control: the glossary check reads the form's texts."""
    form = read_form(FORM["es/"])
    form["body"][-1]["attributes"]["description"] = 'Por ejemplo, "coordinador de escuela".'
    problems = glossary_problems("\n".join(form_text(form)))
    assert any("use: coordinador(a)" in p for p in problems)
    assert any("use: « »" in p for p in problems)


@pytest.mark.parametrize(("folder", "word"), [("", "source"), ("es/", "fuente")])
def test_the_form_asks_for_a_source(folder: str, word: str) -> None:
    form = read_form(FORM[folder])
    assert {"school", "missing", "facts"} <= {field_id for field_id, _ in form_fields(FORM[folder])}
    facts = next(field for field in form["body"] if field.get("id") == "facts")
    assert facts["validations"]["required"] is True
    assert word in facts["attributes"]["label"]


@pytest.mark.parametrize(("code", "form"), [("en", "profile.yml"), ("es", "profile-es.yml")])
def test_the_invitation_link(code: str, form: str) -> None:
    url = urls.profile_form(
        "https://github.com/o/r/",
        code,
        "Profile: A & B",
        {"school": "A & B", "missing": "Campus\nGrades"},
    )
    assert url.startswith(f"https://github.com/o/r/issues/new?template={form}&title=")
    assert (FORMS / form).is_file()
    query = parse_qs(urlsplit(url).query)
    assert query["title"] == ["Profile: A & B"]
    assert query["missing"] == ["Campus\nGrades"]
