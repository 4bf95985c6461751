"""Where a value was read: the file, and the line of every value in it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Origin:
    """A data file and the line (1-based) of each value in it, keyed by its path."""

    file: Path
    lines: Mapping[Loc, int] = field(default_factory=dict, repr=False)
    prefix: Loc = ()

    def line(self, *loc: str | int) -> int:
        """The line of the value at `loc`, or of its nearest enclosing value."""
        full = self.prefix + tuple(loc)
        while full:
            if full in self.lines:
                return self.lines[full]
            full = full[:-1]
        return self.lines.get((), 1)

    def has(self, *loc: str | int) -> bool:
        """Whether the file has a value of its own at `loc`."""
        return self.prefix + tuple(loc) in self.lines

    def forget_lines(self) -> None:
        """Let the line of every value go (its whole file's), once nothing is left to report."""
        forget = getattr(self.lines, "forget", None)
        if forget is not None:
            forget()

    def within(self, *loc: str | int) -> Origin:
        """The origin of a record nested at `loc` in this file."""
        return Origin(self.file, self.lines, self.prefix + tuple(loc))
