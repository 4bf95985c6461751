"""The GitHub workflows: actionlint and zizmor find nothing, and no issue or pull request text
written by a visitor can reach a shell.

Each linter is also shown a broken copy of a workflow and must object, so that a silent linter
(wrong folder, missing binary, a config that ignores everything) cannot pass these tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent

# Text a visitor writes: an issue (title, body, comments), a pull request's title, body or
# branch name. Inside `run:` GitHub pastes it into the script before the shell reads it.
VISITOR_TEXT = re.compile(
    r"\$\{\{[^}]*\b(github\.event\.issue\b"
    r"|github\.event\.(comment|review|review_comment|discussion)\b"
    r"|github\.event\.pull_request\.(title|body|head\.)"
    r"|github\.event\.workflow_run\.(head_branch|display_title|head_commit)\b"
    r"|github\.head_ref\b)"
)


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def run_scripts(workflow: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every script of a workflow (`run:`, and github-script's `script:`), with the job and step
    it belongs to."""
    for job_id, job in (workflow.get("jobs") or {}).items():
        for number, step in enumerate(job.get("steps") or [], start=1):
            where = f"{job_id}, step {number} ({step.get('name', '')})"
            if "run" in step:
                yield where, str(step["run"])
            # A github-script step's code is a script too.
            script = (step.get("with") or {}).get("script")
            if script is not None:
                yield where, str(script)


def actionlint(folder: Path) -> subprocess.CompletedProcess[str]:
    files = sorted(str(path) for path in folder.glob("*.yml"))
    return subprocess.run(
        [str(BIN / "actionlint"), "-no-color", *files],
        capture_output=True,
        text=True,
        cwd=folder,
    )


def zizmor(*inputs: Path) -> subprocess.CompletedProcess[str]:
    """zizmor over `inputs`: a repository's `.github` folder, or single workflow files."""
    return subprocess.run(
        [
            str(BIN / "zizmor"),
            "--offline",
            "--strict-collection",
            "--no-progress",
            "--format",
            "plain",
            *(str(path) for path in inputs),
        ],
        capture_output=True,
        text=True,
    )


def copy_with(tmp_path: Path, name: str, replace: str, by: str) -> Path:
    """A folder holding a copy of one workflow with one piece of text replaced."""
    folder = tmp_path / "workflows"
    folder.mkdir()
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert replace in text, f"{name} no longer holds {replace!r}: update this control"
    (folder / name).write_text(text.replace(replace, by, 1), encoding="utf-8")
    return folder


def test_there_are_workflows() -> None:
    names = {path.name for path in workflow_files()}
    assert {"checks.yml", "deploy.yml", "story-from-issue.yml"} <= names
    assert {"preview-build.yml", "preview-comment.yml"} <= names


def test_actionlint_finds_nothing() -> None:
    result = actionlint(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = zizmor(WORKFLOWS.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_sees_a_broken_workflow(tmp_path: Path) -> None:
    # `needs` naming a job that does not exist.
    folder = copy_with(tmp_path, "deploy.yml", "needs: build", "needs: biuld")
    result = actionlint(folder)
    assert result.returncode != 0
    assert "biuld" in result.stdout


def test_zizmor_sees_an_issue_title_in_a_script(tmp_path: Path) -> None:
    folder = copy_with(
        tmp_path,
        "story-from-issue.yml",
        'showcase story-from-issue --data data "$RUNNER_TEMP/issue-body.md"',
        'echo "${{ github.event.issue.title }}"',
    )
    result = zizmor(folder / "story-from-issue.yml")
    assert result.returncode != 0
    assert "template-injection" in result.stdout


def test_no_visitor_text_reaches_a_shell() -> None:
    found = []
    for path in workflow_files():
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, script in run_scripts(workflow):
            if match := VISITOR_TEXT.search(script):
                found.append(f"{path.name}: {where}: {match.group(0)}")
    assert not found, "text a visitor writes is pasted into a script:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "script",
    [
        'echo "${{ github.event.issue.title }}"',
        "echo ${{github.event.issue.body}}",
        'git switch "${{ github.head_ref }}"',
        "echo '${{ github.event.pull_request.title }}'",
        "echo ${{ github.event.comment.body }}",
        "echo ${{ github.event.review.body }}",
        "git fetch ${{ github.event.pull_request.head.repo.clone_url }}",
    ],
)
def test_the_shell_check_sees_visitor_text(script: str) -> None:
    workflow = {"jobs": {"a": {"steps": [{"run": script}]}}}
    assert any(VISITOR_TEXT.search(text) for _, text in run_scripts(workflow))


def test_every_action_is_pinned_by_commit() -> None:
    uses = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.MULTILINE)
    unpinned = []
    for path in workflow_files():
        for action, comment in uses.findall(path.read_text(encoding="utf-8")):
            if action.startswith("./"):
                continue
            if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action) or not re.match(
                r"\s*# v\d+\.\d+\.\d+", comment
            ):
                unpinned.append(f"{path.name}: {action}{comment}")
    assert not unpinned, "pin by full commit SHA with `# vX.Y.Z`:\n" + "\n".join(unpinned)


def test_the_shell_check_reads_github_script_code_too() -> None:
    step = {
        "uses": "actions/github-script",
        "with": {"script": "log(`${{ github.event.issue.body }}`)"},
    }
    workflow = {"jobs": {"a": {"steps": [step]}}}
    assert any(VISITOR_TEXT.search(text) for _, text in run_scripts(workflow))
