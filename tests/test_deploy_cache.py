"""The deploy workflow keeps the drawn previews and QR codes between runs, so that a deploy
draws only the images of new or renamed pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from mkdocs.utils.yaml import yaml_load

from showcase.publish.build_cache import BuildCache
from showcase.publish.page_images import ImageDrawing, Preview, QrCode

DEPLOY = ROOT / ".github" / "workflows" / "deploy.yml"


def folders_the_build_draws_into(tmp_path: Path) -> set[str]:
    """The build cache's folders that a page's images are drawn into, found by drawing them."""
    cache = tmp_path / "cache"
    previews = [Preview("schools/x/", "X", "Kicker")]
    qr_codes = [QrCode("schools/x/", "https://example.org/schools/x/")]
    ImageDrawing(previews, qr_codes, "Footer", BuildCache(cache, "any")).finish(tmp_path / "site")
    return {folder.name for folder in cache.iterdir()}


def cache_dir(monkeypatch: pytest.MonkeyPatch) -> str:
    """`extra.cache_dir` as a deploy sees it: with no SHOWCASE_CACHE set."""
    monkeypatch.delenv("SHOWCASE_CACHE", raising=False)
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return str(yaml_load(file)["extra"]["cache_dir"])


def cache_problems(workflow: dict[str, Any], folders: set[str], cache: str) -> list[str]:
    steps = workflow["jobs"]["build"]["steps"]
    build = next(i for i, step in enumerate(steps) if "make build" in str(step.get("run", "")))
    kept = [
        step for step in steps[:build] if str(step.get("uses", "")).startswith("actions/cache@")
    ]
    if not kept:
        return ["no actions/cache step before `make build`"]
    paths = set(str(kept[0]["with"]["path"]).split())
    problems = [
        f"{cache}/{name} is not kept" for name in sorted(folders) if f"{cache}/{name}" not in paths
    ]
    key = str(kept[0]["with"]["key"])
    if "hashFiles(" not in key or "showcase/" not in key or "data/" not in key:
        problems.append(f"the key {key!r} does not change with the data and the code")
    return problems


def test_the_deploy_keeps_every_drawn_image_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = folders_the_build_draws_into(tmp_path)
    assert folders, "drawing a page's images wrote nothing into the cache"
    workflow = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))
    assert cache_problems(workflow, folders, cache_dir(monkeypatch)) == []


def test_the_check_sees_a_deploy_that_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = folders_the_build_draws_into(tmp_path)
    workflow = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    without = [s for s in steps if not str(s.get("uses", "")).startswith("actions/cache@")]
    workflow["jobs"]["build"]["steps"] = without
    assert cache_problems(workflow, folders, cache_dir(monkeypatch)) != []
    # A cache of one folder of the two, or one the build never writes, is caught too.
    workflow["jobs"]["build"]["steps"] = steps
    assert cache_problems(workflow, folders | {"flyers"}, cache_dir(monkeypatch)) == [
        ".cache/flyers is not kept"
    ]
