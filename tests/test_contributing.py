"""What a contributor meets on GitHub: the guide, the forms and the checks that run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT

from showcase.models import Pillar, Story

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


def test_only_main_is_published_and_never_a_pull_request() -> None:
    deploy = _yaml(GITHUB / "workflows" / "deploy.yml")
    assert "pull_request" not in deploy["on"] and "pull_request_target" not in deploy["on"]
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert "make build" in _run_lines(deploy)
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


def test_every_story_is_reviewed_by_a_maintainer() -> None:
    owners = [
        line.split()
        for line in (GITHUB / "CODEOWNERS").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert any(rule[0] == "/data/stories/" and len(rule) > 1 for rule in owners)


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
