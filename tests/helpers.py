"""The fixture data sets, and how a bad-case fixture is put in place and what it expects.

A bad case is one YAML file under `fixtures/bad/<target>/<mistake>.yaml`. Its first lines say
what the validator must report, one problem per line:

    # expect: line 7, field schools[1].name, message contains "…", fix contains "…"

`field (none)` stands for a problem about the whole file. A story may say where it goes with
`# place as: stories/2024/Garden Day!.yaml`; by default it is added as
`stories/2024/<mistake-with-hyphens>.yaml`. Cases under `fixtures/also_good/` expect nothing.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from showcase.data.evidence import Archive
from showcase.data.load import load_data
from showcase.data.problems import Problem
from showcase.data.validate import check_references

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
# The project's copies of the fixtures' sources, as `shared/sources/` is for the real data.
ARCHIVE = FIXTURES / "archive"
MANY_MISTAKES = FIXTURES / "many_mistakes"
# What the validator finds in `many_mistakes`: file, line, field; one mistake in each place.
MANY_MISTAKES_FOUND = [
    ("cohorts.yaml", 17, "cohorts[1].name"),
    ("schools.yaml", 6, "schools[0].designated"),
    ("schools.yaml", 34, "schools[2].cohorts[0].cohort"),
    ("sources.yaml", 9, "sources[1].title"),
    ("stories/2024/family-garden-day.yaml", 6, "pillars[1]"),
    ("stories/2024/robotics-showcase.yaml", 4, "schools[1]"),
    ("weeks-of-action.yaml", 11, "weeks[1].end"),
]

# The file of the good set that each kind of fixture replaces.
REPLACES = {
    "sources": "sources.yaml",
    "cohorts": "cohorts.yaml",
    "schools": "schools.yaml",
    "weeks-of-action": "weeks-of-action.yaml",
    "disagreements": "disagreements.yaml",
}

_EXPECT = re.compile(r"^# expect: line (?P<line>\d+), field (?P<field>[^,\s]+)(?P<rest>.*)$")
_CONTAINS = re.compile(r', (?P<part>message|fix) contains "(?P<words>[^"]+)"')
_PLACE = re.compile(r"^# place as: (?P<path>.+)$")


@dataclass(frozen=True)
class Expected:
    """One problem a fixture must produce."""

    line: int
    field: str
    message_words: tuple[str, ...]
    fix_words: tuple[str, ...]

    def matches(self, problem: Problem) -> bool:
        return (
            problem.line == self.line
            and problem.field == self.field
            and all(words in problem.message for words in self.message_words)
            and all(words in problem.fix for words in self.fix_words)
        )


@dataclass(frozen=True)
class Case:
    """A fixture file, where it goes in a copy of the good set, and what it must produce."""

    fixture: Path
    place_as: str
    expected: tuple[Expected, ...]

    @property
    def name(self) -> str:
        return f"{self.fixture.parent.name}/{self.fixture.stem}"


def _parse_expected(line: str, fixture: Path) -> Expected:
    match = _EXPECT.match(line)
    if match is None:
        raise ValueError(f"{fixture}: cannot read the expectation {line!r}")
    parts = [(m["part"], m["words"]) for m in _CONTAINS.finditer(match["rest"])]
    if not parts or _CONTAINS.sub("", match["rest"]).strip():
        raise ValueError(f"{fixture}: cannot read what follows the field in {line!r}")
    field = "" if match["field"] == "(none)" else match["field"]
    return Expected(
        line=int(match["line"]),
        field=field,
        message_words=tuple(words for part, words in parts if part == "message"),
        fix_words=tuple(words for part, words in parts if part == "fix"),
    )


def read_case(fixture: Path) -> Case:
    """The case a fixture file describes in its leading comments."""
    target = fixture.parent.name
    if target == "story":
        place_as = f"stories/2024/{fixture.stem.replace('_', '-')}.yaml"
    else:
        place_as = REPLACES[target]
    expected = []
    for line in fixture.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if place := _PLACE.match(line):
            place_as = place["path"]
        elif line.startswith("# expect: line "):
            expected.append(_parse_expected(line, fixture))
    return Case(fixture, place_as, tuple(expected))


def cases(folder: str) -> list[Case]:
    """Every fixture under `fixtures/<folder>/`, sorted by name."""
    return [read_case(path) for path in sorted((FIXTURES / folder).glob("*/*.yaml"))]


def copy_data(source: Path, destination: Path) -> Path:
    """A copy of a fixture data set that a test may change."""
    shutil.copytree(source, destination)
    return destination


def put_in_place(case: Case, data_dir: Path) -> Path:
    """Copy the case's fixture into `data_dir`; return where it now is."""
    placed = data_dir / case.place_as
    placed.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case.fixture, placed)
    return placed


def all_problems(data_dir: Path, archive: Path = ARCHIVE) -> list[Problem]:
    """Every problem the validator finds, from the files and across them, with the quotes
    looked for in the archived texts under `archive`."""
    data = load_data(data_dir)
    return sorted(data.problems + check_references(data, Archive(archive)))


def replace_in_file(path: Path, old: str, new: str) -> None:
    """Change one exact piece of a data file, failing loudly if it is not there once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def site_files(site: Path) -> list[Path]:
    """Every file of a built site."""
    return [path for path in site.rglob("*") if path.is_file()]
