"""Read YAML into plain values, remembering the line of every value.

PyYAML follows YAML 1.1, whose surprises (`NO` read as false, `0123` read as octal,
a silently kept second copy of a duplicate key) are mistakes here, reported with the line.
Composing with libyaml's C parser and building the values ourselves keeps it fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from showcase.origin import Loc
from showcase.problems import Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only on a PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLS = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_OCTAL_LOOKING = re.compile(r"^[-+]?0[0-9_]+$|^0[oOxXbB][0-9a-fA-F_]+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?$")
_STANDARD_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary"}


@dataclass
class YamlDocument:
    """The values of one YAML file and the line of each, keyed by its path."""

    file: Path
    data: Any = None
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Values already reported and dropped, so that no later check reports them again.
    bad_locs: set[Loc] = field(default_factory=set)


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
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        document.problems.append(_syntax_problem(path, text, error))
        return document
    except yaml.YAMLError as error:  # e.g. a control character, reported without a mark
        position = getattr(error, "position", 0) or 0
        document.problems.append(
            Problem(
                path,
                text.count("\n", 0, position) + 1,
                "",
                "this line holds an invisible control character that YAML does not accept",
                "delete the line and type it again (copying from a word processor adds these)",
            )
        )
        return document
    if root is None:
        document.problems.append(
            Problem(path, 1, "", "the file is empty", "fill it in, or delete the file")
        )
        return document
    document.data = _Builder(document).value(root, ())
    return document


class _Builder:
    def __init__(self, document: YamlDocument) -> None:
        self.document = document

    def problem(self, node: yaml.Node, loc: Loc, message: str, fix: str) -> None:
        self.document.bad_locs.add(loc)
        self.document.problems.append(
            Problem(self.document.file, node.start_mark.line + 1, dotted(loc), message, fix)
        )

    def value(self, node: yaml.Node, loc: Loc, key_line: int | None = None) -> Any:
        # A field's line is the line of its name, where people look for it.
        self.document.lines[loc] = key_line or node.start_mark.line + 1
        tag = node.tag.rsplit(":", 1)[-1] if node.tag.startswith("tag:yaml.org,2002:") else None
        if tag not in _STANDARD_TAGS:
            self.problem(node, loc, f"the tag `{node.tag}` is not allowed", "remove the tag")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*loc, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node, loc)

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(
                    key_node, loc, "a field name must be plain text", "write `name: value`"
                )
                continue
            key = key_node.value
            if key in first_line:
                self.problem(
                    key_node,
                    (*loc, key),
                    f"`{key}` appears twice in the same place (first on line {first_line[key]})",
                    "keep one of them and delete the other",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.value(value_node, (*loc, key), first_line[key])
        return result

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        text = node.value
        if node.style in ("|", ">"):
            # A block's text starts on the line after its `|` or `>`.
            self.document.lines[loc] = node.start_mark.line + 2
        if node.style:
            return text  # quoted or block text is always text (libyaml gives plain as "")
        if text in _NULLS:
            return None
        if text in _BOOLS:
            return _BOOLS[text]
        if _YAML11_BOOLS.match(text):
            self.problem(
                node,
                loc,
                f"YAML reads a bare `{text}` as true or false, not as the text `{text}`",
                f'write `true` or `false` for yes/no, or put it in quotes ("{text}") for text',
            )
            return None
        if _OCTAL_LOOKING.match(text):
            self.problem(
                node,
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
