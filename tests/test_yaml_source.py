"""Reading one YAML file: values, their lines, and YAML's surprises reported as problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from showcase.data.problems import Problem
from showcase.data.yaml_source import YamlDocument, dotted, read_yaml


def _read(tmp_path: Path, text: str) -> YamlDocument:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def _where(problems: list[Problem]) -> list[tuple[int, str]]:
    return [(problem.line, problem.field) for problem in problems]


def test_every_value_remembers_its_line(tmp_path: Path) -> None:
    document = _read(
        tmp_path,
        "# a comment\n"
        "schools:\n"
        "  - slug: one\n"
        "    name: One\n"
        "\n"
        "  - slug: two\n"
        "    aliases: [Two, Deux]\n",
    )

    assert document.problems == []
    assert document.lines[("schools", 0, "name")] == 4
    assert document.lines[("schools", 1)] == 6
    assert document.lines[("schools", 1, "slug")] == 6
    assert document.lines[("schools", 1, "aliases", 1)] == 7


def test_a_field_holding_an_indented_list_is_on_the_line_of_its_name(tmp_path: Path) -> None:
    # A problem about `aliases` itself must send people to the `aliases:` line.
    document = _read(tmp_path, "slug: one\naliases:\n  - Uno\n  - Eins\n")

    assert document.lines[("aliases",)] == 2
    assert document.lines[("aliases", 0)] == 3


def test_a_duplicate_key_is_a_problem_on_its_second_line(tmp_path: Path) -> None:
    document = _read(tmp_path, "schools:\n  - slug: one\n    name: One\n    name: Uno\n")

    assert _where(document.problems) == [(4, "schools[0].name")]
    assert "first on line 3" in document.problems[0].message
    assert document.problems[0].fix


@pytest.mark.parametrize("word", ["yes", "No", "NO", "on", "Off", "y", "N"])
def test_a_bare_yaml_11_boolean_is_a_problem(tmp_path: Path, word: str) -> None:
    document = _read(tmp_path, f"title: Example\nconsent: {word}\n")

    assert _where(document.problems) == [(2, "consent")]
    assert f"bare `{word}`" in document.problems[0].message
    assert f'"{word}"' in document.problems[0].fix


@pytest.mark.parametrize("number", ["0123", "017", "0o17", "0x1F"])
def test_a_number_in_another_base_is_a_problem(tmp_path: Path, number: str) -> None:
    document = _read(tmp_path, f"count: {number}\n")

    assert _where(document.problems) == [(1, "count")]
    assert "another base" in document.problems[0].message


def test_plain_values_are_read_as_yaml_12_would(tmp_path: Path) -> None:
    document = _read(
        tmp_path,
        "count: 42\n"
        "negative: -3\n"
        "zero: 0\n"
        "ratio: 1.5\n"
        "yes_flag: true\n"
        "no_flag: False\n"
        "nothing: null\n"
        "tilde: ~\n"
        "empty:\n"
        "date: 2024-04-23\n"
        "words: Leland Street\n",
    )

    assert document.problems == []
    assert document.data == {
        "count": 42,
        "negative": -3,
        "zero": 0,
        "ratio": 1.5,
        "yes_flag": True,
        "no_flag": False,
        "nothing": None,
        "tilde": None,
        "empty": None,
        # Dates stay text: the records decide what a date may be.
        "date": "2024-04-23",
        "words": "Leland Street",
    }


def test_quoted_and_block_values_stay_text(tmp_path: Path) -> None:
    document = _read(
        tmp_path,
        "a: 'yes'\nb: \"NO\"\nc: \"0123\"\nd: '2024'\ne: \"true\"\nf: ''\ng: |\n  no\n",
    )

    assert document.problems == []
    assert document.data == {
        "a": "yes",
        "b": "NO",
        "c": "0123",
        "d": "2024",
        "e": "true",
        "f": "",
        "g": "no\n",
    }


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_a_problem(tmp_path: Path, text: str) -> None:
    document = _read(tmp_path, text)

    assert document.data is None
    assert [(p.line, p.field, p.message) for p in document.problems] == [
        (1, "", "the file is empty")
    ]


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_bytes("name: Escuela Nuestra Señora\n".encode("latin-1"))

    document = read_yaml(path)

    assert document.data is None
    assert [(p.line, p.message) for p in document.problems] == [(1, "the file is not UTF-8 text")]
    assert "UTF-8" in document.problems[0].fix


def test_a_control_character_pasted_into_a_value_is_a_problem(tmp_path: Path) -> None:
    # Word processors paste vertical tabs (\x0b) for line breaks; that must not crash the run.
    document = _read(tmp_path, "title: Garden\nbody: first line\x0bsecond line\n")

    assert document.data is None
    assert [problem.line for problem in document.problems] == [2]
    assert document.problems[0].fix


def test_a_python_tag_is_refused_not_run(tmp_path: Path) -> None:
    document = _read(tmp_path, "title: !!python/object/apply:os.getcwd []\n")

    assert document.data == {"title": None}
    assert _where(document.problems) == [(1, "title")]
    assert "tag" in document.problems[0].message


def test_a_syntax_error_comes_back_as_a_problem_on_its_line(tmp_path: Path) -> None:
    document = _read(tmp_path, 'title: "Garden\nbody: text\n')

    assert document.data is None
    assert [(p.line, p.field) for p in document.problems] == [(1, "")]
    assert "quotation mark" in document.problems[0].message


def test_a_field_path_is_written_as_people_read_it() -> None:
    assert dotted(("photos", 0, "alt")) == "photos[0].alt"
    assert dotted(("schools", 1, "cohorts", 0, "cohort")) == "schools[1].cohorts[0].cohort"
    assert dotted(()) == ""


def test_a_second_document_in_one_file_is_a_problem(tmp_path: Path) -> None:
    document = _read(tmp_path, "title: One\n---\ntitle: Two\n")

    assert document.data is None
    assert len(document.problems) == 1
    assert "another document" in document.problems[0].message


def test_a_tagged_list_is_refused_whole_and_the_rest_still_read(tmp_path: Path) -> None:
    document = _read(tmp_path, "schools: !!python/tuple\n  - [a, b]\n  - c\ntitle: After\n")

    assert document.data == {"schools": None, "title": "After"}
    assert _where(document.problems) == [(1, "schools")]


def test_a_field_name_that_is_not_text_is_a_problem(tmp_path: Path) -> None:
    document = _read(tmp_path, "title: One\n? [a, b]\n: value\nsummary: Two\n")

    assert document.data == {"title": "One", "summary": "Two"}
    assert [p.line for p in document.problems] == [2]
    assert "plain text" in document.problems[0].message


def test_an_alias_repeats_the_value_of_its_anchor(tmp_path: Path) -> None:
    document = _read(tmp_path, "schools: &both [one, two]\nagain: *both\n")

    assert document.data == {"schools": ["one", "two"], "again": ["one", "two"]}
    assert document.problems == []


def test_lines_are_those_of_the_file_as_read_even_when_asked_for_late(tmp_path: Path) -> None:
    # Lines are looked up only when a problem is reported, long after the values were read.
    document = _read(tmp_path, "title: One\nbody: |\n  First line\n")

    assert document.data == {"title": "One", "body": "First line\n"}
    assert document.lines[("title",)] == 1
    assert document.lines[("body",)] == 3
