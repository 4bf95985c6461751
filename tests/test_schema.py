"""The JSON Schema files that editors use: generated from the models, and named by the data."""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import GOOD

from showcase.schema import SCHEMAS, schema_texts, stale_schemas
from showcase.yaml_source import read_yaml

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


def _good_files() -> list[Path]:
    return sorted(GOOD.glob("*.yaml")) + sorted(GOOD.glob("stories/*/*.yaml"))


def _check_with_jsonschema(data: Any, schema_text: str) -> None:
    jsonschema: Any = importlib.import_module("jsonschema")
    jsonschema.validate(data, json.loads(schema_text))


@pytest.mark.parametrize("data_file", _good_files(), ids=lambda path: path.name)
def test_the_good_fixtures_match_the_schema(data_file: Path) -> None:
    name = _schema_name(data_file, GOOD)
    document = read_yaml(data_file)
    assert document.problems == []

    if importlib.util.find_spec("jsonschema") is not None:
        _check_with_jsonschema(document.data, schema_texts()[f"{name}.schema.json"])
    else:
        # Without jsonschema installed, the model the schema is generated from stands in.
        SCHEMAS[name].model_validate(document.data)
