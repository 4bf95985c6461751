"""A story record → the text of its YAML file, written by a YAML serializer, never by hand.

Whatever a coordinator types (colons, quotes, `#`, `---`, `body:`), the file reads back as the
same story: PyYAML quotes what needs quoting, and the body is a `|` block wherever YAML allows
one, as people expect to edit it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from showcase.data.models import Story
from showcase.data.yaml_source import reads_as_text

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/story.schema.json\n"
_BLOCK_FIELDS = ("body", "body_es")
# Numbers as YAML 1.2 reads them, as editors that check the schema do (`1e5`, `0o17`).
_YAML12_NUMBER = re.compile(r"^[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?$|^0o[0-7]+$|^0x[\da-fA-F]+$")
# YAML 1.1 reads these as line breaks: written as they are, they come back as `\n` or a space.
_ODD_BREAKS = frozenset("\x85\u2028\u2029")


class _Block(str):
    """Text to write as a `|` block."""

    __slots__ = ()


class _StoryDumper(yaml.SafeDumper):
    """PyYAML's safe writer, reading plain text as our reader does (`yaml_source`)."""


# Our reader keeps `2024-04-23` as text, so a date needs no quotes; drop PyYAML's timestamps.
_StoryDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _reads_as_text(text: str) -> bool:
    """Whether our reader (`yaml_source`), and an editor's, take `text`, written plain, as
    that same text."""
    return reads_as_text(text) and not _YAML12_NUMBER.match(text)


def _style(text: str, wanted: str | None) -> str | None:
    if _ODD_BREAKS.intersection(text):
        return '"'  # the only style that escapes them
    # PyYAML quotes what it would read as something else; quote what our reader would too.
    return wanted if _reads_as_text(text) else "'"


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=_style(text, None))


def _block(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # PyYAML falls back to quotes where a block cannot hold the text (trailing spaces…).
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style=_style(text, "|"))


_StoryDumper.add_representer(str, _text)
_StoryDumper.add_representer(_Block, _block)


def story_yaml(story: Story) -> str:
    """The text of `story`'s file: the schema line editors read, then its fields in the
    order of the model, without the empty ones."""
    return record_yaml(story.model_dump(mode="json", exclude_defaults=True))


def record_yaml(fields: dict[str, Any]) -> str:
    """The text of a story file holding `fields`, valid or not, in their order."""
    fields = {
        name: _Block(value) if name in _BLOCK_FIELDS and isinstance(value, str) else value
        for name, value in fields.items()
    }
    text = yaml.dump(
        fields,
        Dumper=_StoryDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=96,
    )
    return SCHEMA_LINE + text
