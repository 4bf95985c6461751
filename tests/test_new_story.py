"""`make new-story` end to end: the answers become a valid story file whose page builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, clean_env

from showcase.data.catalog import read_catalog

ANSWERS = [
    "no such school anywhere",  # refused: no match
    "leland",  # one match, by a word of one of its names
    "Families plant a school garden",
    "2024-13-45",  # refused: not a real date
    "2024-04-24",
    "7",  # refused: no such pillar
    "2 3",
    "Families planted a garden. Then they ate.",  # refused: two sentences
    "Families and staff planted a garden together on a Saturday morning.",
    "Community School Coordinator, Leland Street Elementary",
    "Twenty families came to plant beans and squash.",
    "",
    "The garden now supplies the school's cooking club.",
    "",
    "",
]


def _run_new_story(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "showcase", "new-story", "--data", str(data)],
        input="\n".join(ANSWERS) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=clean_env(),
        check=False,
    )


def test_new_story_writes_a_valid_file_whose_page_builds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    result = _run_new_story(data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No school matches" in result.stdout
    assert "is not a real date" in result.stdout
    assert "from 1 to 4" in result.stdout
    assert "should be one sentence" in result.stdout

    path = data / "stories" / "2024" / "families-plant-a-school-garden.yaml"
    assert path.is_file()
    assert path.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    story = yaml.safe_load(path.read_text("utf-8"))
    assert story["schools"] == ["leland-street-global-awareness-magnet-and-steam-academy"]
    assert story["week_of_action"] == 2024  # the date falls in the 2024 week
    assert story["pillars"] == [
        "expanded-learning-opportunities",
        "family-and-community-engagement",
    ]
    assert story["body"].count("\n\n") == 1  # two paragraphs, as typed
    assert "families-plant-a-school-garden" in read_catalog(data).stories

    site = tmp_path / "site"
    built = build_site(site, data)
    assert built.returncode == 0, built.stderr
    page = BeautifulSoup(
        (site / "stories" / "families-plant-a-school-garden" / "index.html").read_text("utf-8"),
        "html.parser",
    )
    assert page.h1 is not None and page.h1.get_text() == "Families plant a school garden"
    assert "cooking club" in page.get_text()
    assert "Community School Coordinator, Leland Street Elementary" in page.get_text()


def test_new_story_never_overwrites_an_existing_story(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert _run_new_story(data).returncode == 0
    first = (data / "stories" / "2024" / "families-plant-a-school-garden.yaml").read_text()
    assert _run_new_story(data).returncode == 0
    second = data / "stories" / "2024" / "families-plant-a-school-garden-2.yaml"
    assert second.is_file()
    assert (data / "stories" / "2024" / "families-plant-a-school-garden.yaml").read_text() == first


def test_new_story_stops_cleanly_when_input_ends(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    result = subprocess.run(
        [sys.executable, "-m", "showcase", "new-story", "--data", str(data)],
        input="leland\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (data / "stories" / "2024").iterdir()) == sorted(
        p.name for p in (ROOT / "data" / "stories" / "2024").iterdir()
    )
