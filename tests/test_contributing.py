"""What a contributor meets on GitHub: the guide, the forms and the checks that run."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from screenshots import SCREENSHOTS

from showcase.data.models import Pillar, Story

GITHUB = ROOT / ".github"


def _yaml(path: Path) -> Any:
    # BaseLoader keeps `on:` as the text "on" instead of YAML 1.1's `True`.
    return yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)


def _run_lines(workflow: Any) -> list[str]:
    return [
        step["run"].strip()
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]


def test_pull_requests_run_the_same_checks_as_ci() -> None:
    checks = _yaml(GITHUB / "workflows" / "checks.yml")
    assert "pull_request" in checks["on"]
    runs = _run_lines(checks)
    assert "make validate" in runs
    assert "make test" in runs
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
    assert checks["permissions"] == {"contents": "read"}


def test_pull_requests_test_on_the_same_debian_browser_as_ci() -> None:
    """The browser tests see Debian 12's Chromium and fonts on GitHub too, as `make test` installs
    them here, not the runner's own copies."""
    checks = _yaml(GITHUB / "workflows" / "checks.yml")
    for job in checks["jobs"].values():
        if "make test" in [step.get("run", "").strip() for step in job["steps"]]:
            assert job["container"] == "python:3.11-bookworm"
            assert not [s for s in job["steps"] if "setup-python" in s.get("uses", "")]


def test_the_checks_keep_the_screenshots_that_make_screenshots_writes() -> None:
    checks = _yaml(GITHUB / "workflows" / "checks.yml")
    steps = [step for job in checks["jobs"].values() for step in job["steps"]]
    taken = next(n for n, step in enumerate(steps) if step.get("run") == "make screenshots")
    kept = next(n for n, step in enumerate(steps) if "upload-artifact" in step.get("uses", ""))
    assert taken < kept
    assert steps[kept]["with"]["path"].rstrip("/") == SCREENSHOTS.relative_to(ROOT).as_posix()
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(r"^screenshots:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe is not None, "the Makefile has no `screenshots` target"
    assert "tests/screenshots.py" in recipe[1]


def test_only_main_is_published_and_never_a_pull_request() -> None:
    deploy = _yaml(GITHUB / "workflows" / "deploy.yml")
    assert "pull_request" not in deploy["on"] and "pull_request_target" not in deploy["on"]
    assert deploy["on"]["push"]["branches"] == ["main"]
    # The site as `make build` writes it, from the lock's site part only.
    assert "make build LOCK=requirements-site.txt" in _run_lines(deploy)
    uses = [step.get("uses", "") for job in deploy["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_the_story_form_asks_for_every_field_a_story_needs() -> None:
    form = _yaml(GITHUB / "ISSUE_TEMPLATE" / "story.yml")
    ids = {item.get("id") for item in form["body"]}
    required = {name for name, info in Story.model_fields.items() if info.is_required()}
    assert required <= ids
    assert {"week_of_action", "contributed_by"} <= ids
    pillars = next(item for item in form["body"] if item.get("id") == "pillars")
    assert len(pillars["attributes"]["options"]) == len(Pillar)
    privacy = next(item for item in form["body"] if item.get("id") == "privacy")
    assert all(option["required"] == "true" for option in privacy["attributes"]["options"])
    assert "public" in form["body"][0]["attributes"]["value"].lower()


# A GitHub user (`@name`), a team (`@organisation/team`) or an email address.
_USER = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
_OWNER = re.compile(rf"^@{_USER}(?:/[A-Za-z0-9][A-Za-z0-9_-]*)?$|^[^@\s]+@[^@\s]+\.[a-z]+$")
# Names that stand for an owner rather than being one.
_PLACEHOLDER = re.compile(
    r"your[-_]?(org|team|user|name)|^@(org|owner|organi[sz]ation|user|username|team|example)"
    r"(/|$)|/(team|team-name|your-team)$|todo|fixme|tbd|xxx|changeme|replace|example",
    re.IGNORECASE,
)


def codeowners_problems(text: str) -> list[str]:
    """What keeps a CODEOWNERS file from asking a real person or team for every review."""
    rules = [
        line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    problems = []
    if not rules or rules[0][0] != "*":
        # The last matching line wins: a default for everything comes first.
        problems.append("no `*` rule on the first line: some files have no owner")
    for pattern, *owners in rules:
        if not owners:
            problems.append(f"{pattern}: no owner")
        problems.extend(
            f"{pattern}: {owner} is not a GitHub user, team or email"
            for owner in owners
            if not _OWNER.match(owner)
        )
        problems.extend(
            f"{pattern}: {owner} is a placeholder" for owner in owners if _PLACEHOLDER.search(owner)
        )
    if not any(pattern == "/data/stories/" and owners for pattern, *owners in rules):
        problems.append("no owner for /data/stories/")
    return problems


def test_every_file_and_every_story_has_a_real_owner() -> None:
    assert codeowners_problems((GITHUB / "CODEOWNERS").read_text("utf-8")) == []


@pytest.mark.parametrize(
    "broken",
    [
        "* @your-org/maintainers\n/data/stories/ @your-org/maintainers",
        "* @community-schools-showcase/TODO\n/data/stories/ @someone",
        "* TODO\n/data/stories/ @someone",
        "* @org/team\n/data/stories/ @someone",
        "* @-someone\n/data/stories/ @someone",
        "* @someone\n/data/stories/",
        "/data/ @someone\n/data/stories/ @someone",
        "* @someone",
    ],
)
def test_the_owner_check_refuses_placeholders_and_gaps(broken: str) -> None:
    assert codeowners_problems(broken) != []


def test_the_pull_request_template_asks_about_consent() -> None:
    text = (GITHUB / "pull_request_template.md").read_text("utf-8").lower()
    assert text.count("- [ ]") >= 5
    assert "consent" in text and "surname" in text


def test_pre_commit_runs_the_same_validation() -> None:
    config = _yaml(ROOT / ".pre-commit-config.yaml")
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "make validate" in entries


def test_the_guide_warns_that_a_pull_request_is_public_before_any_upload() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    warning = (
        guide.find("public the moment") if "public the moment" in guide else guide.find("is public")
    )
    first_upload = min(
        position
        for position in (guide.find("Create new file"), guide.find("Upload files"))
        if position >= 0
    )
    assert 0 <= warning < first_upload
