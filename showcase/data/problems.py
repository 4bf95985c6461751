"""Problems found in the data, written for the person who has to fix them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one place: `file:line: field: what is wrong — how to fix it`."""

    file: Path
    line: int
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{display_path(self.file)}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what} — {self.fix}"


class DataError(Exception):
    """The data has problems; carries all of them so they can be shown at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def display_path(path: Path) -> str:
    """The path relative to the working folder where possible, as people type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def report(problems: list[Problem]) -> str:
    """Every problem on a line of its own, then a count."""
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [str(problem) for problem in sorted(problems)]
    lines.append(f"Found {len(problems)} {noun} in the data. Fix them and run again.")
    return "\n".join(lines)
