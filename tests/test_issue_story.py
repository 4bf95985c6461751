"""`showcase story-from-issue`: a story sent with the issue form, English or Spanish, becomes a
valid story file, or every mistake is named under its form field and nothing is written."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from helpers import ARCHIVE, FIXTURES, GOOD, all_problems, copy_data
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from showcase.data.catalog import Catalog, read_catalog
from showcase.data.models import PILLAR_TITLES, Pillar, Story
from showcase.data.story_rules import story_text_problems
from showcase.data.yaml_source import read_yaml
from showcase.tools.cli import main
from showcase.tools.issue_form import FORMS_FOLDER, NO_RESPONSE, Form, IssueError, read_forms
from showcase.tools.issue_story import story_from_issue
from showcase.tools.story_yaml import SCHEMA_LINE

ISSUES = FIXTURES / "issues"
FORMS = read_forms(ROOT / FORMS_FOLDER)
ENGLISH, SPANISH = FORMS


def _stories(data: Path) -> set[Path]:
    return set((data / "stories").glob("*/*.yaml"))


def _convert(
    data: Path, issue: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    monkeypatch.chdir(ROOT)
    if issue == "-":
        status = main(["story-from-issue", "--data", str(data), "-"])
    else:
        typed = (ISSUES / issue).relative_to(ROOT).as_posix()
        status = main(["story-from-issue", "--data", str(data), typed])
    out, err = capsys.readouterr()
    return status, out, err


def _read(path: Path) -> Any:
    """The values of a story file, as the validator reads them."""
    document = read_yaml(path)
    assert document.problems == []
    return document.data


def _written(data: Path, before: set[Path]) -> Path:
    [path] = _stories(data) - before
    assert all_problems(data, ARCHIVE) == [], path.read_text("utf-8")
    return path


def test_the_two_forms_ask_the_same_questions_with_the_privacy_rules_first() -> None:
    for name in ("story.yml", "story-es.yml"):
        form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text("utf-8"))
        first = form["body"][0]
        assert first["type"] == "markdown"
        assert re.search(r"public|público", first["attributes"]["value"])
        assert re.search(r"Privacy rules|Reglas de privacidad", first["attributes"]["value"])
    assert [f.id for f in ENGLISH.fields] == [f.id for f in SPANISH.fields]
    assert [f.kind for f in ENGLISH.fields] == [f.kind for f in SPANISH.fields]
    assert [len(f.options) for f in ENGLISH.fields] == [len(f.options) for f in SPANISH.fields]
    # Each language's labels differ, so the headings of an issue say which form it came from.
    assert not {f.label for f in ENGLISH.fields} & {f.label for f in SPANISH.fields}
    # The pillars' boxes are in the order of the pillars.
    for option, pillar in zip(ENGLISH.field("pillars").options, Pillar, strict=True):
        assert option.startswith(PILLAR_TITLES[pillar])


def test_an_english_issue_becomes_a_valid_story_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy_data(GOOD, tmp_path / "data")
    before = _stories(data)
    status, out, err = _convert(data, "english.md", capsys, monkeypatch)
    assert status == 0, err
    path = _written(data, before)
    assert path.relative_to(data).as_posix() == "stories/2024/nobody-a-garden-for-everyone.yaml"
    assert f"Wrote {path}" in out
    text = path.read_text("utf-8")
    assert text.startswith(SCHEMA_LINE)
    assert "body: |" in text
    story = _read(path)
    assert story["title"] == "Nobody: a garden for everyone"
    assert story["date"] == "2024-04-23"
    assert story["week_of_action"] == 2024  # the day falls in the 2024 week
    assert story["schools"] == ["example-primary-center", "sample-avenue-elementary"]
    assert story["pillars"] == ["family-and-community-engagement", "collaborative-leadership"]
    assert story["summary"].endswith("beans, squash and corn.")
    # The story's own `### ` heading, `---` and `body:` stay text of the story.
    assert "### What we planted\n\nbody: beans" in story["body"]
    assert story["body"].endswith("[the district's page](https://example.org/garden).")
    assert story["contributed_by"] == "Community School Coordinator, Example Primary Center"


def test_a_spanish_issue_becomes_a_valid_story_file_read_from_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy_data(GOOD, tmp_path / "data")
    before = _stories(data)
    monkeypatch.setattr("sys.stdin", io.StringIO((ISSUES / "spanish.md").read_text("utf-8")))
    status, _, err = _convert(data, "-", capsys, monkeypatch)
    assert status == 0, err
    story = _read(_written(data, before))
    assert story["title"] == "Los jóvenes periodistas: ¿qué aprendimos?"
    assert story["date"] == "2024-05"
    assert "week_of_action" not in story
    assert story["schools"] == ["placeholder-high"]
    assert story["pillars"] == ["expanded-learning-opportunities"]
    assert story["body"].endswith("se unirán al equipo 🌱.")
    assert story["contributed_by"] == "Coordinadora de Escuela Comunitaria, Placeholder High"


MISTAKES = {
    "english_with_mistakes.md": [
        "School or schools: no school in the showcase is called `Nowhere Middle School` — ",
        "Title: must not contain `<` or `>` — ",
        "Date: `2024-13-45` is not a real date — ",
        "Week of Action year (optional): `next year` is not a year — ",
        "Pillars: no pillar is ticked — tick at least one",
        "Summary: should be one sentence — ",
        "The story: this looks like an email address: `maria.parent@example.com` — ",
        "Your role and school: this answer is empty — fill it in",
        "Privacy: not every privacy point is ticked — ",
    ],
    "spanish_with_mistakes.md": [
        "Escuela o escuelas: `ample` could be several schools: `example-primary-center` ",
        "Año de la Semana de Acción (opcional): there is no Week of Action 2019 in the data — ",
        "Título: is too long — shorten it to at most 90 characters",
        "La historia: this looks like a phone number: `(213) 555-0123` — ",
    ],
}


@pytest.mark.parametrize("issue", sorted(MISTAKES))
def test_every_mistake_is_named_under_its_form_field_and_nothing_is_written(
    issue: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = copy_data(GOOD, tmp_path / "data")
    before = _stories(data)
    status, out, err = _convert(data, issue, capsys, monkeypatch)
    assert status == 1
    assert _stories(data) == before
    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert lines[-2:] == [
        f"Found {len(MISTAKES[issue])} problems in the issue.",
        "Nothing was written.",
    ]
    where = f"tests/fixtures/issues/{issue}: "
    for line in lines[:-2]:
        assert re.match(rf"^{re.escape(where)}[^:]+: .+ — \S.*$", line), line
    for expected in MISTAKES[issue]:
        assert [line for line in lines if line.startswith(where + expected)], (expected, err)


def test_a_text_that_is_not_from_the_form_is_refused(tmp_path: Path) -> None:
    data = copy_data(GOOD, tmp_path / "data")
    before = _stories(data)
    catalog = read_catalog(data, ARCHIVE)
    with pytest.raises(IssueError) as refused:
        story_from_issue("Hello, here is my story: a garden.", "issue.md", catalog, data, FORMS)
    assert "not a story sent with the story form" in str(refused.value)
    half = (ISSUES / "english.md").read_text("utf-8").replace("### Summary\n", "Summary\n")
    with pytest.raises(IssueError) as broken:
        story_from_issue(half, "issue.md", catalog, data, FORMS)
    assert str(broken.value).startswith("issue.md: Summary: the form's heading `### Summary`")
    assert _stories(data) == before


def test_an_issue_copied_with_windows_line_endings_reads_the_same(tmp_path: Path) -> None:
    data = copy_data(GOOD, tmp_path / "data")
    catalog = read_catalog(data, ARCHIVE)
    text = (ISSUES / "english.md").read_text("utf-8")
    unix = story_from_issue(text, "issue.md", catalog, data, FORMS)
    windows = story_from_issue(text.replace("\n", "\r\n"), "issue.md", catalog, data, FORMS)
    assert windows.name == unix.name.replace(".yaml", "-2.yaml")
    assert windows.read_text("utf-8") == unix.read_text("utf-8")


# What GitHub does with an issue form's answers.
def _issue_body(form: Form, answers: dict[str, Any]) -> str:
    parts = []
    for field in form.fields:
        if field.kind == "checkboxes":
            ticked = answers[field.id]
            answer = "\n".join(
                f"- [{'X' if n in ticked else ' '}] {label}"
                for n, label in enumerate(field.options)
            )
        else:
            answer = answers[field.id] or NO_RESPONSE
        parts.append(f"### {field.label}\n\n{answer}")
    return "\n\n".join(parts)


PIECES = [
    ": ",
    "body: |",
    "'",
    '"',
    " # ",
    "---",
    "- ",
    "yes",
    "0123",
    "¿Qué tal?",
    "niñas y niños",
    "🌱",
    "\t",
    "word " * 40,
]
BODY_PIECES = [*PIECES, "\n", "\n\n", "\n### Your role and school\n", "\n### Privacy\n", "\n### "]
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñÑ ,.;!?()*_"


def _texts(pieces: list[str], most: int) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.text(LETTERS, min_size=1, max_size=12))
    return st.lists(piece, min_size=1, max_size=most).map("".join)


SCHOOLS = {
    "example-primary-center": "Example Primary Center",
    "placeholder-high": "Placeholder High School",
    "sample-avenue-elementary": "Sample Avenue Elementary",
}


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    spanish=st.booleans(),
    title=_texts(PIECES, 6).filter(lambda t: "\n" not in t),
    summary=_texts(PIECES, 8).filter(lambda t: "\n" not in t),
    body=_texts(BODY_PIECES, 20),
    schools=st.lists(st.sampled_from(sorted(SCHOOLS)), min_size=1, max_size=3, unique=True),
    by_name=st.booleans(),
    pillars=st.sets(st.integers(0, len(Pillar) - 1), min_size=1),
    date=st.sampled_from(["2024-04-23", "2024-05", "2023-11-02"]),
)
@example(
    spanish=False,
    title="Nobody: a garden for everyone",
    summary="It worked: all of it.",
    body="First.\n### Your role and school\nbody: |\n---\n### Privacy",
    schools=["example-primary-center"],
    by_name=True,
    pillars={0},
    date="2024-04-23",
)
def test_any_story_sent_with_either_form_reads_back_the_same(
    good_data: Path,
    good_catalog: Catalog,
    spanish: bool,
    title: str,
    summary: str,
    body: str,
    schools: list[str],
    by_name: bool,
    pillars: set[int],
    date: str,
) -> None:
    expected_fields: dict[str, Any] = {
        "title": title,
        "date": date,
        **({"week_of_action": 2024} if date == "2024-04-23" else {}),
        "schools": schools,
        "pillars": [list(Pillar)[n].value for n in sorted(pillars)],
        "summary": summary,
        "body": body,
        "contributed_by": "Community School Coordinator, Example Primary Center",
    }
    try:
        expected = Story.model_validate(expected_fields)
    except ValidationError:
        assume(False)
        raise
    assume(not list(story_text_problems(expected)) and NO_RESPONSE not in body)
    form = SPANISH if spanish else ENGLISH
    issue = _issue_body(
        form,
        {
            **expected_fields,
            "schools": ", ".join(SCHOOLS[s] if by_name else s for s in schools),
            "week_of_action": "",
            "pillars": pillars,
            "privacy": set(range(len(form.field("privacy").options))),
        },
    )
    path = story_from_issue(issue, "issue.md", good_catalog, good_data, FORMS)
    try:
        assert all_problems(good_data, ARCHIVE) == [], path.read_text("utf-8")
        written = Story.model_validate(_read(path))
        assert written == expected, path.read_text("utf-8")
    finally:
        path.unlink()
