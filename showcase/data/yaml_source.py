"""Read YAML into plain values, remembering the line of every value.

PyYAML follows YAML 1.1, whose surprises (`NO` read as false, `0123` read as octal,
a silently kept second copy of a duplicate key) are mistakes here, reported with the line.
Composing with libyaml's C parser and building the values ourselves keeps it fast.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.composer import ComposerError
from yaml.error import Mark

from showcase.data.origin import Loc
from showcase.data.problems import Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only on a PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_NULLS = {"", "~", "null", "Null", "NULL"}
# Short texts (ids, slugs, dates) repeat across records, a source's id in every citation of it:
# one copy of each, some 10 MB less at 10,000 schools.
_SHARED_TEXT = 80
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLS = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_OCTAL_LOOKING = re.compile(r"^[-+]?0[0-9_]+$|^0[oOxXbB][0-9a-fA-F_]+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?$")
_STANDARD_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary"}


def reads_as_text(text: str) -> bool:
    """Whether `text`, written as a plain (unquoted) scalar, is read here as that same text and
    not as a null, a boolean (YAML 1.2's or 1.1's), a number or an octal-looking refusal."""
    return not (
        text in _NULLS
        or text in _BOOLS
        or _YAML11_BOOLS.match(text)
        or _OCTAL_LOOKING.match(text)
        or _INT.match(text)
        or _FLOAT.match(text)
    )


class LineMap(Mapping[Loc, int]):
    """The line of every value of a YAML file, keyed by its path.

    Lines serve only to report problems, and a valid file has none; so the file is read again
    for its lines the first time one is asked for. At ten thousand schools, holding every line
    from the start took more memory than the records themselves."""

    # One for every story file: without a `__dict__` each, some 9 MB less at 10,000 schools.
    __slots__ = ("_lines", "file")

    def __init__(self, file: Path) -> None:
        self.file = file
        self._lines: dict[Loc, int] | None = None

    def _read(self) -> dict[Loc, int]:
        if self._lines is None:
            self._lines = {}
            with contextlib.suppress(OSError, UnicodeDecodeError, yaml.YAMLError):
                text = self.file.read_text(encoding="utf-8")
                _Builder(
                    YamlDocument(self.file), yaml.parse(text, Loader=_Loader), self._lines
                ).build()
        return self._lines

    def __getitem__(self, loc: Loc) -> int:
        return self._read()[loc]

    def __iter__(self) -> Iterator[Loc]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def forget(self) -> None:
        """Let the lines go; they are read again if asked for."""
        self._lines = None


@dataclass
class YamlDocument:
    """The values of one YAML file and the line of each, keyed by its path."""

    file: Path
    data: Any = None
    lines: LineMap = field(init=False)
    problems: list[Problem] = field(default_factory=list)
    # Values already reported and dropped, so that no later check reports them again.
    bad_locs: set[Loc] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.lines = LineMap(self.file)


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file; syntax mistakes come back as problems, never as exceptions."""
    document = YamlDocument(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        document.problems.append(
            Problem(path, 1, "", "the file is not UTF-8 text", "save it as UTF-8 text")
        )
        return document
    try:
        found, document.data = _Builder(document, yaml.parse(text, Loader=_Loader), None).build()
    except yaml.MarkedYAMLError as error:
        return _unreadable(document, _syntax_problem(path, text, error))
    except yaml.YAMLError as error:  # e.g. a control character, reported without a mark
        position = getattr(error, "position", 0) or 0
        return _unreadable(
            document,
            Problem(
                path,
                text.count("\n", 0, position) + 1,
                "",
                "this line holds an invisible control character that YAML does not accept",
                "delete the line and type it again (copying from a word processor adds these)",
            ),
        )
    if not found:
        document.problems.append(
            Problem(path, 1, "", "the file is empty", "fill it in, or delete the file")
        )
    return document


def _unreadable(document: YamlDocument, problem: Problem) -> YamlDocument:
    """A file YAML cannot read holds nothing but that one problem."""
    document.data = None
    document.bad_locs.clear()
    document.problems[:] = [problem]
    return document


class _Builder:
    """Builds values from the parser's events one at a time, never holding the whole file's
    tree of nodes: at ten thousand schools that tree took hundreds of megabytes."""

    def __init__(
        self, document: YamlDocument, events: Iterator[yaml.Event], lines: dict[Loc, int] | None
    ) -> None:
        self.document = document
        self.events = events
        # Where to note the line of every value, when asked to (`LineMap`).
        self.lines = lines
        self.anchors: dict[str, Any] = {}

    def build(self) -> tuple[bool, Any]:
        """(whether the file holds a document, the document's value)."""
        next(self.events)  # the start of the stream
        start = next(self.events)
        if isinstance(start, yaml.StreamEndEvent):
            return False, None
        value = self.value(next(self.events), ())
        next(self.events)  # the end of the document
        after = next(self.events)
        if not isinstance(after, yaml.StreamEndEvent):
            raise ComposerError(
                "expected a single document in the stream",
                _mark(start),
                "but found another document",
                _mark(after),
            )
        return True, value

    def problem(self, event: yaml.Event, loc: Loc, message: str, fix: str) -> None:
        self.document.bad_locs.add(loc)
        self.document.problems.append(
            Problem(self.document.file, _line(event), dotted(loc), message, fix)
        )

    def value(self, event: yaml.Event, loc: Loc, key_line: int | None = None) -> Any:
        if self.lines is not None:
            # A field's line is the line of its name, where people look for it.
            self.lines[loc] = key_line or _line(event)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise ComposerError(
                    None, None, f"found undefined alias {event.anchor}", _mark(event)
                )
            return self.anchors[event.anchor]
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and _short_tag(tag) not in _STANDARD_TAGS:
            self.problem(event, loc, f"the tag `{tag}` is not allowed", "remove the tag")
            self.skip(event)
            return None
        result: Any
        if isinstance(event, yaml.MappingStartEvent):
            result = self.mapping(loc)
        elif isinstance(event, yaml.SequenceStartEvent):
            result = []
            for item in self.until(yaml.SequenceEndEvent):
                result.append(self.value(item, (*loc, len(result))))
        else:
            assert isinstance(event, yaml.ScalarEvent)
            result = self.scalar(event, loc)
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.anchors[anchor] = result
        return result

    def until(self, end: type[yaml.Event]) -> Iterator[yaml.Event]:
        """The events of a mapping's or a sequence's items, up to its `end`."""
        for event in self.events:
            if isinstance(event, end):
                return
            yield event

    def skip(self, event: yaml.Event) -> None:
        """Pass over the rest of the value that starts with `event`."""
        depth = int(isinstance(event, yaml.CollectionStartEvent))
        while depth:
            event = next(self.events)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1

    def mapping(self, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_event in self.until(yaml.MappingEndEvent):
            value_event = next(self.events)
            if not isinstance(key_event, yaml.ScalarEvent):
                self.problem(
                    key_event, loc, "a field name must be plain text", "write `name: value`"
                )
                self.skip(key_event)
                value_event = next(self.events)
                self.skip(value_event)
                continue
            key = key_event.value
            if key in first_line:
                self.problem(
                    key_event,
                    (*loc, key),
                    f"`{key}` appears twice in the same place (first on line {first_line[key]})",
                    "keep one of them and delete the other",
                )
                self.skip(value_event)
                continue
            first_line[key] = _line(key_event)
            result[key] = self.value(value_event, (*loc, key), first_line[key])
        return result

    def scalar(self, event: yaml.ScalarEvent, loc: Loc) -> Any:
        text = event.value
        if len(text) <= _SHARED_TEXT:
            text = sys.intern(text)
        if event.style in ("|", ">") and self.lines is not None:
            # A block's text starts on the line after its `|` or `>`.
            self.lines[loc] = _line(event) + 1
        if event.style:
            return text  # quoted or block text is always text (libyaml gives plain as "")
        if text in _NULLS:
            return None
        if text in _BOOLS:
            return _BOOLS[text]
        if _YAML11_BOOLS.match(text):
            self.problem(
                event,
                loc,
                f"YAML reads a bare `{text}` as true or false, not as the text `{text}`",
                f'write `true` or `false` for yes/no, or put it in quotes ("{text}") for text',
            )
            return None
        if _OCTAL_LOOKING.match(text):
            self.problem(
                event,
                loc,
                f"YAML reads `{text}` as a number in another base, not as written",
                f'put it in quotes ("{text}") if it is text, or drop the leading zero',
            )
            return None
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        return text


def _mark(event: yaml.Event) -> Mark | None:
    return cast(Mark | None, event.start_mark)


def _line(event: yaml.Event) -> int:
    """The line (1-based) where `event` starts."""
    mark = event.start_mark
    return mark.line + 1 if mark is not None else 1


def _short_tag(tag: str) -> str | None:
    return tag.rsplit(":", 1)[-1] if tag.startswith("tag:yaml.org,2002:") else None


def dotted(loc: Loc) -> str:
    """A field path as people read it: `photos[0].alt`."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line_number = (mark.line + 1) if mark else 1
    lines = text.splitlines()
    line = lines[line_number - 1] if 0 < line_number <= len(lines) else ""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    if "\t" in line or "\t" in problem:
        message = "this line is indented with a tab; YAML only accepts spaces"
        fix = "replace the tab at the start of the line with spaces"
    elif "quoted scalar" in context:
        message = "a quotation mark is opened but never closed"
        fix = "add the closing quotation mark at the end of the text"
        if error.context_mark is not None:
            line_number = error.context_mark.line + 1
    elif "mapping values are not allowed" in problem:
        message = "YAML does not expect a `name: value` here"
        fix = (
            "check that this line is indented like the lines around it, and put text "
            "that contains `: ` in quotes"
        )
    elif any(clue in problem for clue in ("expected <block end>", "expected key", "expected '-'")):
        message = "the indentation of this line does not match the lines above it"
        fix = "line it up with the other fields of the same record, using spaces"
    else:
        message = f"YAML cannot read this: {problem or context or 'syntax error'}"
        fix = "compare the line with the story template in CONTRIBUTING.md"
    return Problem(path, line_number, "", message, fix)
