"""The JSON Schema files that editors use: generated from the models, and named by the data."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES, GOOD, Case, cases
from jsonschema import Draft202012Validator, ValidationError
from jsonschema.validators import validator_for

from showcase.data.schema import SCHEMAS, schema_texts, stale_schemas

REPO = Path(__file__).resolve().parent.parent
SCHEMA_DIR = REPO / "schema"
DATA_DIR = REPO / "data"
_HEADER = re.compile(r"^# yaml-language-server: \$schema=(?P<ref>\S+)$")


def _schema_name(data_file: Path, data_dir: Path) -> str:
    """Which schema a data file must name: its own for each list file, `story` for stories
    and for the story template."""
    relative = data_file.relative_to(data_dir)
    is_story = relative.parts[0] == "stories" or data_file.name == "story-template.yaml"
    return "story" if is_story else data_file.stem


def test_the_committed_schemas_are_the_ones_the_models_generate() -> None:
    assert stale_schemas(SCHEMA_DIR) == [], "run `make schema` and commit the result"


def test_there_is_one_schema_file_per_kind_of_data_file_and_no_other() -> None:
    committed = sorted(path.name for path in SCHEMA_DIR.glob("*.schema.json"))
    assert committed == sorted(schema_texts())
    assert sorted(schema_texts()) == sorted(f"{name}.schema.json" for name in SCHEMAS)


def test_schema_check_fails_on_an_out_of_date_file(tmp_path: Path) -> None:
    for name, text in schema_texts().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    stale = tmp_path / "story.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace("headline", "title"))

    run = subprocess.run(
        [sys.executable, "-m", "showcase", "schema", "--check", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.returncode == 1
    assert "story.schema.json is out of date" in run.stderr
    assert "make schema" in run.stderr


def test_every_schema_is_valid_json_with_a_draft_and_an_id() -> None:
    for name, text in schema_texts().items():
        schema = json.loads(text)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == name
        assert schema["additionalProperties"] is False
        assert validator_for(schema) is Draft202012Validator
        Draft202012Validator.check_schema(schema)


NO_DATA_YET = "data/ has no YAML files yet: nothing to check"


def _real_data_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml")) + sorted(DATA_DIR.glob("stories/*/*.yaml"))


@pytest.mark.parametrize(
    "data_file",
    _real_data_files()
    or [
        pytest.param(
            None, marks=pytest.mark.skip(reason="data/ has no YAML files yet: nothing to check")
        )
    ],
    ids=lambda path: str(path.relative_to(DATA_DIR)) if path else "none",
)
def test_each_data_file_names_its_schema_on_the_first_line(data_file: Path) -> None:
    first_line = data_file.read_text(encoding="utf-8").split("\n", 1)[0]
    header = _HEADER.match(first_line)

    assert header, f"{data_file} must start with `# yaml-language-server: $schema=…`"
    schema_file = (data_file.parent / header["ref"]).resolve()
    assert schema_file.is_file(), f"{header['ref']} does not exist"
    assert schema_file == SCHEMA_DIR / f"{_schema_name(data_file, DATA_DIR)}.schema.json"


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors read data files: `yes`, `NO` and `2024-04-23` stay
    text, only `true` and `false` are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
]:
    Yaml12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}",
        re.compile(_pattern),
        [*_first, ""] if _tag == "null" else list(_first),
    )


def schema_errors(data_file: Path, schema_name: str) -> list[ValidationError]:
    """What an editor checking `data_file` with the committed schema marks as wrong."""
    schema = json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text(encoding="utf-8"))
    data = yaml.load(data_file.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    return list(Draft202012Validator(schema).iter_errors(data))


def dotted(path: Iterable[str | int]) -> str:
    """A place in a file as the validator names it: `schools[1].name`."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(
        "."
    )


def points_at(error: ValidationError, field: str) -> bool:
    """Whether the schema's error is about `field`: there, or a missing or unknown key named
    by its parent, or a whole file of the wrong shape."""
    where = dotted(error.absolute_path)
    name = re.split(r"[.\[]", field)[-1].rstrip("]")
    named_by_parent = field in {f"{where}.{name}", name if not where else ""}
    return (
        where == field
        or (named_by_parent and repr(name) in error.message)
        or (where == "" and error.validator == "type")
    )


def _files_of(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*.yaml")) + sorted(data_dir.glob("stories/*/*.yaml"))


def _schema_of(data_file: Path) -> str:
    kind = data_file.parent.name
    if "stories" in data_file.parts or kind == "story":
        return "story"
    return kind if data_file.parent.parent.name in {"also_good", "bad"} else data_file.stem


# Every data set the validator accepts, and every fixture that adds to one.
VALID_FILES = [
    *(path for path in _files_of(DATA_DIR) if path.name != "story-template.yaml"),
    *(path for folder in ("good", "spanish", "hostile") for path in _files_of(FIXTURES / folder)),
    *(case.fixture for case in cases("also_good")),
]
# The data may name a pillar by its title (`models.PillarName`): this fixture does, and must
# pass its schema as it passes the validator.
PILLAR_BY_TITLE = GOOD / "stories" / "2024" / "family-garden-day.yaml"


def test_a_pillar_named_by_its_title_passes_the_schema_and_a_wrong_name_does_not(
    tmp_path: Path,
) -> None:
    title = "Collaborative Leadership and Practices"
    assert title in PILLAR_BY_TITLE.read_text("utf-8"), "the fixture names no pillar by title"
    assert schema_errors(PILLAR_BY_TITLE, "story") == []
    wrong = tmp_path / PILLAR_BY_TITLE.name
    wrong.write_text(PILLAR_BY_TITLE.read_text("utf-8").replace(title, "Collaborative Leaders"))
    assert [e for e in schema_errors(wrong, "story") if "pillars" in list(e.absolute_path)]


def _label(path: Path) -> str:
    root = DATA_DIR if path.is_relative_to(DATA_DIR) else FIXTURES
    return path.relative_to(root.parent).as_posix()


@pytest.mark.parametrize("data_file", VALID_FILES, ids=_label)
def test_every_valid_data_file_passes_its_schema(data_file: Path) -> None:
    errors = schema_errors(data_file, _schema_of(data_file))
    assert [f"{dotted(e.absolute_path)}: {e.message}" for e in errors] == []


# Mistakes that JSON Schema can express and the generated schema refuses: wrong type, missing
# or unknown field, value outside a list or pattern.
SCHEMA_SEES = {
    "cohorts/school_year_written_in_full",
    "cohorts/text_where_number_expected",
    "disagreements/only_one_side",
    "schools/bare_no",
    "schools/empty_file",
    "schools/list_where_text_expected",
    "schools/missing_required_field",
    "schools/slug_with_capitals",
    "schools/top_level_list",
    "schools/unexpected_top_level_key",
    "schools/unknown_field_in_cohort_listing",
    "sources/missing_required_field",
    "story/bare_yes",
    "story/body_too_long",
    "story/empty_file",
    "story/photo_without_consent",
    "story/summary_too_long_for_a_flyer",
    "story/title_too_long_for_a_flyer",
    "story/top_level_list",
    "story/unknown_field_holding_a_list",
    "story/unknown_field_titel",
    "story/unknown_pillar",
    "weeks-of-action/text_where_number_expected",
}
# Not YAML at all: an editor reports the syntax, before any schema.
NOT_YAML = {
    "schools/bad_indentation",
    "schools/bad_indentation_too_deep",
    "schools/tab_indentation",
    "schools/unclosed_quote",
}
BAD_CASES = cases("bad")


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda case: case.name)
def test_the_schema_refuses_each_mistake_it_can_see_where_it_is(case: Case) -> None:
    if case.name in NOT_YAML:
        with pytest.raises(yaml.YAMLError):
            schema_errors(case.fixture, _schema_of(case.fixture))
        return
    errors = schema_errors(case.fixture, _schema_of(case.fixture))
    if case.name not in SCHEMA_SEES:
        # Across records, YAML 1.1 readings, or rules on the text: only the validator sees it.
        assert errors == [], f"the schema now sees {case.name}: add it to SCHEMA_SEES"
        return
    shown = [f"{dotted(e.absolute_path)}: {e.message}" for e in errors]
    for expected in case.expected:
        assert any(points_at(error, expected.field) for error in errors), (expected.field, shown)


def test_the_lists_of_mistakes_name_real_fixtures() -> None:
    assert {case.name for case in BAD_CASES} >= (SCHEMA_SEES | NOT_YAML)
