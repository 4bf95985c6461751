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

from showcase.tools.pr_preview import BRANCH

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent

# Text a visitor writes: an issue (title, body, comments), a pull request's title, body or
# branch name. Inside `run:` GitHub pastes it into the script before the shell reads it.
VISITOR_TEXT = re.compile(
    r"\$\{\{[^}]*\b(github\.event\.issue\b"
    r"|github\.event\.(comment|review|review_comment|discussion)\b"
    r"|github\.event\.pull_request\.(title|body|head\.)"
    r"|github\.event\.workflow_run\.(head_branch|display_title|head_commit|pull_requests)\b"
    r"|github\.head_ref\b)"
)


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def load(name: str) -> dict[str, Any]:
    workflow: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return workflow


def step_named(workflow: dict[str, Any], job: str, name: str) -> dict[str, Any]:
    step: dict[str, Any] = next(s for s in workflow["jobs"][job]["steps"] if s.get("name") == name)
    return step


def step_using(workflow: dict[str, Any], job: str, action: str) -> dict[str, Any]:
    step: dict[str, Any] = next(
        s for s in workflow["jobs"][job]["steps"] if str(s.get("uses", "")).startswith(action)
    )
    return step


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
    assert {"preview-build.yml", "preview-comment.yml", "preview-prune.yml"} <= names


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


@pytest.mark.parametrize(
    ("name", "replace", "by"),
    [
        (
            "story-from-issue.yml",
            'showcase story-from-issue --data data "$RUNNER_TEMP/issue-body.md"',
            'echo "${{ github.event.issue.title }}"',
        ),
        # The script that holds the token that may push.
        (
            "preview-comment.yml",
            'git commit -q -m "Preview of #$NUMBER at ${HEAD_SHA:0:7}"',
            'git commit -q -m "${{ github.event.workflow_run.head_branch }}"',
        ),
    ],
)
def test_zizmor_sees_visitor_text_in_a_script(
    tmp_path: Path, name: str, replace: str, by: str
) -> None:
    folder = copy_with(tmp_path, name, replace, by)
    result = zizmor(folder / name)
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
        "git switch ${{ github.event.workflow_run.pull_requests[0].head.ref }}",
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


# An expression inside a script is pasted into it before the shell reads it: a value from the
# preview's artifact (a step's output) or a dispatch's input would be code there. Every value
# reaches our scripts as an environment variable instead.
EXPRESSION = re.compile(r"\$\{\{")


def expressions_in_scripts(workflow: dict[str, Any]) -> list[str]:
    return [where for where, script in run_scripts(workflow) if EXPRESSION.search(script)]


def test_no_script_holds_an_expression() -> None:
    found = []
    for path in workflow_files():
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [f"{path.name}: {where}" for where in expressions_in_scripts(workflow)]
    assert not found, "pass the value in `env:` instead:\n" + "\n".join(found)


def test_the_expression_check_sees_an_artifact_value_in_a_script(tmp_path: Path) -> None:
    folder = copy_with(
        tmp_path,
        "preview-comment.yml",
        'cp -R "$staged/$HEAD_SHA" "pr-$NUMBER/"',
        'cp -R "$staged/$HEAD_SHA" "pr-${{ steps.check.outputs.number }}/"',
    )
    workflow = yaml.safe_load((folder / "preview-comment.yml").read_text(encoding="utf-8"))
    assert expressions_in_scripts(workflow) == [
        "publish, step 4 (Push the screenshots to the previews branch)"
    ]


def test_the_checks_read_the_steps_that_publish_and_start_previews() -> None:
    """The new steps that hold a write token are among the scripts the checks above read."""
    read = {
        name: {where for where, _ in run_scripts(load(name))}
        for name in ("preview-comment.yml", "story-from-issue.yml")
    }
    assert (
        "publish, step 4 (Push the screenshots to the previews branch)"
        in read["preview-comment.yml"]
    )
    assert "comment, step 3 (Post or update the comment)" in read["preview-comment.yml"]
    assert (
        "start, step 1 (Start the checks and the preview on the story's branch)"
        in read["story-from-issue.yml"]
    )


def untrusted_checkouts(workflow: dict[str, Any]) -> list[str]:
    """Checkouts that could fetch the pull request's code, or keep the token in `.git`."""
    found = []
    for job_id, job in workflow["jobs"].items():
        for step in job["steps"]:
            if not str(step.get("uses", "")).startswith("actions/checkout@"):
                continue
            options = step.get("with") or {}
            if {"ref", "repository"} & set(options) or options.get(
                "persist-credentials"
            ) is not False:
                found.append(job_id)
    return found


def test_the_preview_comment_runs_only_the_base_branch_code() -> None:
    workflow = load("preview-comment.yml")
    assert untrusted_checkouts(workflow) == []
    # The negative control: the same workflow checking out the pull request's commit.
    checkout = step_using(workflow, "publish", "actions/checkout@")
    checkout["with"]["ref"] = "${{ github.event.workflow_run.head_sha }}"
    assert untrusted_checkouts(workflow) == ["publish"]


def test_each_write_token_is_given_to_one_job() -> None:
    workflow = load("preview-comment.yml")
    assert workflow["permissions"] == {}
    granted = {job_id: job["permissions"] for job_id, job in workflow["jobs"].items()}
    assert granted == {
        "publish": {"actions": "read", "contents": "write", "pull-requests": "read"},
        "comment": {"actions": "read", "pull-requests": "write"},
    }
    prune = load("preview-prune.yml")
    assert prune["permissions"] == {}
    assert prune["jobs"]["prune"]["permissions"] == {"contents": "write", "pull-requests": "read"}
    story = load("story-from-issue.yml")
    assert story["jobs"]["start"]["permissions"] == {"actions": "write"}
    assert [j for j, job in story["jobs"].items() if "actions" in job["permissions"]] == ["start"]


def test_screenshots_are_pushed_where_the_comment_shows_them() -> None:
    workflow = load("preview-comment.yml")
    push = step_named(workflow, "publish", "Push the screenshots to the previews branch")["run"]
    assert f"HEAD:refs/heads/{BRANCH}" in push and f'"$remote" {BRANCH}' in push
    comment = step_named(workflow, "comment", "Post or update the comment")["run"]
    assert f"/raw/{BRANCH}" in comment
    assert "python3 -m showcase.tools.pr_preview body" in comment
    check = step_named(workflow, "publish", "Check the screenshots and the pull request")["run"]
    assert "python3 -m showcase.tools.pr_preview stage" in check
    # Only a build of the pull request's head is commented.
    assert '"$pr_head" != "$HEAD_SHA"' in check


def test_a_story_pull_request_gets_its_checks_and_its_preview() -> None:
    """A pull request opened with the workflow's token starts no workflow; the story workflow
    starts both by `workflow_dispatch`, which the preview's comment accepts."""
    start = step_named(
        load("story-from-issue.yml"),
        "start",
        "Start the checks and the preview on the story's branch",
    )["run"]
    assert "gh workflow run checks.yml" in start
    assert 'gh workflow run preview-build.yml --ref "$branch" -f "pull-request=' in start
    # BaseLoader keeps `on:` as the text "on".
    build = yaml.load((WORKFLOWS / "preview-build.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert "pull-request" in build["on"]["workflow_dispatch"]["inputs"]
    checks = yaml.load((WORKFLOWS / "checks.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert "workflow_dispatch" in checks["on"]
    condition = load("preview-comment.yml")["jobs"]["publish"]["if"]
    assert "workflow_dispatch" in condition and "pull_request" in condition
    assert "conclusion != 'cancelled'" in condition


def test_pruning_keeps_open_pull_requests_and_loses_no_new_preview() -> None:
    """The prune rewrites the branch from the numbers of open pull requests alone (it checks
    out nothing), and its forced push fails if a preview was pushed in the meantime."""
    prune = load("preview-prune.yml")
    steps = prune["jobs"]["prune"]["steps"]
    assert [step.get("uses") for step in steps] == [None]
    script = step_named(prune, "prune", "Rewrite the previews branch")["run"]
    assert "gh pr list --state open" in script
    assert f'--force-with-lease="refs/heads/{BRANCH}:$fetched"' in script
    assert f'"$commit:refs/heads/{BRANCH}"' in script
