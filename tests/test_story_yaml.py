"""Story files written by a serializer: whatever is typed, the file validates and reads back as
the same story (property-based, with Hypothesis)."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import all_problems
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_schema import schema_errors

from showcase.data.catalog import Catalog
from showcase.data.models import Story
from showcase.data.story_rules import story_text_problems
from showcase.data.yaml_source import read_yaml
from showcase.tools.new_story import write_new_story
from showcase.tools.story_yaml import SCHEMA_LINE, story_yaml

# What breaks YAML written by hand: keys inside text, quotes, comments, document markers,
# YAML 1.1 booleans and numbers, block indicators, Spanish, emoji, odd line breaks.
TRICKY = [
    ": ",
    ":",
    "body:",
    "body: |",
    "contributed_by:",
    "title: ",
    "'",
    "''",
    '"',
    "#",
    " # ",
    "---",
    "...",
    "- ",
    "? ",
    "|",
    "|-",
    "&a",
    "*a",
    "!tag",
    "%",
    "@",
    "`",
    "{",
    "}",
    "[",
    "]",
    ",",
    "yes",
    "NO",
    "on",
    "~",
    "null",
    "0123",
    "08",
    "1.5e5",
    "1e5",
    "0o17",
    "12",
    "2024-04-23",
    "\\",
    "\t",
    "  ",
    "¿Qué tal?",
    "niñas y niños",
    "educación",
    "Ñandú",
    "🌱",
    "👩🏽‍🏫",
    "\u00a0",
    "\u2028",
    "\x85",
    "\ufeff",
    "word " * 60,
]
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúüñÁÉÍÓÚÑ ,.;!?()*_-"


def _texts(max_pieces: int) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(TRICKY), st.text(LETTERS, min_size=1, max_size=12))
    return st.lists(piece, min_size=1, max_size=max_pieces).map("".join)


TITLES = _texts(6)
SUMMARIES = _texts(10)
# Lines as typed at the prompt: no line breaks inside one.
LINES = _texts(8).filter(lambda line: "\n" not in line)

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _valid_story(fields: dict[str, Any]) -> Story:
    """The story these fields make, if the validator accepts its text; else the example is
    not one a coordinator could save, and Hypothesis draws another."""
    try:
        story = Story.model_validate(fields)
    except ValidationError:
        assume(False)
        raise
    assume(not list(story_text_problems(story)))
    return story


def _fields(title: str, summary: str, body: str) -> dict[str, Any]:
    return {
        "title": title,
        "date": "2024-04-23",
        "week_of_action": 2024,
        "schools": ["example-primary-center"],
        "pillars": ["family-and-community-engagement"],
        "summary": summary,
        "body": body,
        "contributed_by": "Community School Coordinator, Example Primary Center",
    }


def _read_back(path: Path) -> Story:
    """The story in the file as the validator reads it, having checked that an editor reading
    it with the story schema (YAML 1.2) finds nothing wrong either."""
    assert schema_errors(path, "story") == [], path.read_text("utf-8")
    document = read_yaml(path)
    assert document.problems == [], path.read_text("utf-8")
    return Story.model_validate(document.data)


def _answers(story: Story, lines: list[str]) -> Iterator[str]:
    """What a coordinator types at `showcase new-story`'s prompts."""
    yield story.schools[0]
    yield story.title
    yield story.date
    yield "3"  # family-and-community-engagement
    yield story.summary
    assert story.contributed_by is not None
    yield story.contributed_by
    yield from lines
    yield ""
    yield ""


@SETTINGS
@given(title=TITLES, summary=SUMMARIES, lines=st.lists(LINES, min_size=1, max_size=6))
@example(
    title="Nobody: a garden for everyone",
    summary="Families planted: beans, squash and corn.",
    lines=["body: |", "contributed_by: nobody", "---", "# not a comment"],
)
def test_new_story_writes_any_typed_story_as_a_valid_file_that_reads_back_the_same(
    good_data: Path, good_catalog: Catalog, title: str, summary: str, lines: list[str]
) -> None:
    # At the prompt, one empty line is a paragraph break and two end the story.
    lines = [line if line.strip() else "" for line in lines]
    assume(lines[0] and all(a or b for a, b in itertools.pairwise(lines)))
    typed = _valid_story(_fields(title.strip(), summary.strip(), "\n".join(lines)))
    answers = _answers(typed, lines)
    path = write_new_story(good_catalog, good_data, lambda _prompt: next(answers), lambda _: None)
    try:
        text = path.read_text("utf-8")
        assert text.startswith(SCHEMA_LINE)
        assert all_problems(good_data) == [], text
        assert _read_back(path) == typed, text
    finally:
        path.unlink()


@SETTINGS
@given(title=TITLES, summary=SUMMARIES, body=st.one_of(_texts(30), st.text(min_size=1)))
@example(title="1e5", summary="08", body="0o17")  # numbers to YAML 1.2, or to our reader
@example(
    title="Nobody: a garden for everyone",
    summary="It worked.",
    body="  indented first line\nbody: |\n\n\n  trailing space \n#end",
)
def test_any_story_text_reads_back_the_same(
    tmp_path_factory: pytest.TempPathFactory, title: str, summary: str, body: str
) -> None:
    story = _valid_story(_fields(title, summary, body))
    folder = tmp_path_factory.mktemp("written")
    path = folder / "story.yaml"
    path.write_text(story_yaml(story), encoding="utf-8")
    assert _read_back(path) == story, path.read_text("utf-8")
    shutil.rmtree(folder)


def test_the_body_is_a_block_people_can_edit() -> None:
    story = Story.model_validate(
        _fields(
            "Nobody: a garden for everyone",
            "Families planted a garden.",
            "First paragraph: with a colon.\n\nSecond # paragraph.",
        )
    )
    assert story_yaml(story) == (
        SCHEMA_LINE + "title: 'Nobody: a garden for everyone'\n"
        "date: 2024-04-23\n"
        "week_of_action: 2024\n"
        "schools:\n"
        "- example-primary-center\n"
        "pillars:\n"
        "- family-and-community-engagement\n"
        "summary: Families planted a garden.\n"
        "body: |-\n"
        "  First paragraph: with a colon.\n"
        "\n"
        "  Second # paragraph.\n"
        "contributed_by: Community School Coordinator, Example Primary Center\n"
    )
