"""`showcase validate` as a coordinator runs it: exit code, and what it prints."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import clean_env
from helpers import FIXTURES, GOOD, MANY_MISTAKES_FOUND, copy_data, replace_in_file


def _showcase(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "showcase", *args],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_valid_data_set_exits_0_and_says_what_it_holds() -> None:
    run = _showcase("validate", "--data", "good", "--archive", "archive", cwd=FIXTURES)

    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ("The data is valid: 3 schools, 2 cohorts, 2 stories, 3 sources.")
    assert run.stderr == ""
    assert run.stderr == ""


def test_without_the_archive_the_quotes_are_not_checked_and_it_says_so(tmp_path: Path) -> None:
    data = copy_data(GOOD, tmp_path / "data")
    replace_in_file(data / "cohorts.yaml", "The Board approved", "The Board refused")

    checked = _showcase("validate", "--archive", str(FIXTURES / "archive"), cwd=tmp_path)
    unchecked = _showcase("validate", "--archive", "no-such-folder", cwd=tmp_path)

    assert checked.returncode == 1
    assert "these words are not in the text of `example-board-minutes`" in checked.stderr
    assert unchecked.returncode == 0, unchecked.stderr
    assert "the quotes were not checked" in unchecked.stderr


def test_every_problem_is_printed_as_file_line_field_message_fix() -> None:
    run = _showcase("validate", "--data", "many_mistakes", cwd=FIXTURES)

    assert run.returncode == 1
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    lines = run.stderr.strip().splitlines()
    assert lines[-1] == "Found 7 problems in the data. Fix them and run again."
    shown = [re.match(r"^(\S+):(\d+): (\S+): .+ — \S", line) for line in lines[:-1]]
    assert all(shown), lines
    assert [(m[1], int(m[2]), m[3]) for m in shown if m] == [
        (f"many_mistakes/{file}", line, field) for file, line, field in MANY_MISTAKES_FOUND
    ]


def test_github_format_annotates_each_line_at_fault() -> None:
    run = _showcase("validate", "--data", "many_mistakes", "--format", "github", cwd=FIXTURES)

    assert run.returncode == 1
    annotations = [line[2:].partition("::") for line in run.stdout.splitlines()]
    assert [where for where, _, _ in annotations] == [
        f"error file=many_mistakes/{file},line={line}" for file, line, _ in MANY_MISTAKES_FOUND
    ]
    assert all(re.match(r"^\S+: .+ — \S", text) for _, _, text in annotations), annotations
    # The plain report still goes to the log for people reading it.
    assert "Found 7 problems" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_a_missing_data_folder_is_reported_not_a_crash(tmp_path: Path) -> None:
    run = _showcase("validate", "--data", "no-such-folder", cwd=tmp_path)

    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert "no-such-folder/schools.yaml:1: this data file is missing" in run.stderr


def test_a_control_character_in_a_data_file_is_reported_not_a_crash(tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    replace_in_file(
        data_dir / "schools.yaml", "name: Placeholder High School", "name: Placeholder\x0bHigh"
    )

    run = _showcase("validate", cwd=tmp_path)

    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert re.search(r"^data/schools\.yaml:\d+: ", run.stderr, re.MULTILINE), run.stderr


def test_a_file_that_is_not_utf8_is_reported_not_a_crash(tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    story = data_dir / "stories" / "2024" / "robotics-showcase.yaml"
    story.write_bytes(story.read_text(encoding="utf-8").replace("team", "señal").encode("cp1252"))

    run = _showcase("validate", cwd=tmp_path)

    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert "data/stories/2024/robotics-showcase.yaml:1: the file is not UTF-8 text" in run.stderr
