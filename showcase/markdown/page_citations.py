"""Citations written by hand in the Markdown pages (`docs/`), and their check.

A page cites a source where its prose names it, in brackets followed by the evidence:

    … a "gargantuan task" [(LAUSD CSI home page)]{cite=lausd-csi-home quote="gargantuan task"}.

Inside the braces: `cite=` the id of an entry in `data/sources.yaml`; `quote="…"` the words
of the source, copied exactly (`…` for words left out; a `"` inside is written `“ ”`);
`basis=inferred` with `note="…"` where the sentence is a reading of the words;
`basis=summarised` for a source whose text the repository does not hold. One mention can
carry several sources, one pair of braces each: `[(L.A. Compact; EdSource)]{cite=…}{cite=…}`.

The Markdown extension (`showcase.markdown.citations`) shows them as the data's facts are
shown; this module finds them in a page's text and checks them as `showcase validate` checks
the data's quotes, against the same archived texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from showcase.data.evidence import Archive
from showcase.data.models import Basis
from showcase.data.problems import Problem

# One `{cite=… …}`: bare words and "quoted values", whatever they hold.
_BRACES = r'\{cite=(?:[^"}]|"[^"]*")*\}'
# The mention as the page writes it, then one pair of braces for each source.
CITATION = re.compile(r"\[(?P<label>[^\[\]]+)\](?P<sources>(?:" + _BRACES + r")+)")
_ONE = re.compile(_BRACES)
_ATTRIBUTE = re.compile(r'(?P<key>[a-z_]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"}]+))')
KNOWN_KEYS = ("cite", "quote", "basis", "note")


@dataclass(frozen=True)
class PageCitation:
    """One source of a mention: the words of it the page stands on, and how."""

    source: str
    quote: str | None = None
    basis: str | None = None
    note: str | None = None
    # What the braces hold that is not a citation's field, or not well written.
    mistakes: tuple[str, ...] = ()

    @property
    def how(self) -> str | None:
        """quoted, inferred or summarised; None where the braces do not say."""
        if self.basis is None and self.quote:
            return Basis.QUOTED.value
        return self.basis


@dataclass(frozen=True)
class Mention:
    """A source named in a page's prose, `[label]{cite=…}…`, with its citations."""

    label: str
    citations: tuple[PageCitation, ...]
    line: int


def parse_braces(braces: str) -> tuple[PageCitation, ...]:
    """Every `{cite=…}` of a mention, read into its fields."""
    return tuple(_citation(one.group(0)[1:-1]) for one in _ONE.finditer(braces))


def _citation(inner: str) -> PageCitation:
    fields: dict[str, str] = {}
    mistakes = []
    rest = inner
    for attribute in _ATTRIBUTE.finditer(inner):
        key = attribute.group("key")
        value = attribute.group("quoted")
        value = attribute.group("bare") if value is None else value
        if key not in KNOWN_KEYS:
            mistakes.append(f"`{key}` is not a field of a citation (they are {_listed()})")
        elif key in fields:
            mistakes.append(f"`{key}` is given twice")
        fields[key] = " ".join(value.split())
        rest = rest.replace(attribute.group(0), "", 1)
    if rest.strip():
        mistakes.append(f'`{rest.strip()}` is not written `name=value` or `name="value"`')
    return PageCitation(
        fields.get("cite", ""),
        fields.get("quote") or None,
        fields.get("basis") or None,
        fields.get("note") or None,
        tuple(mistakes),
    )


def _listed() -> str:
    return ", ".join(f"`{key}`" for key in KNOWN_KEYS)


def mentions(text: str) -> Iterator[Mention]:
    """Every cited mention in a page's Markdown, with the line it starts on."""
    for match in CITATION.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        label = " ".join(match.group("label").split())
        yield Mention(label, parse_braces(match.group("sources")), line)


def read_sources(path: Path) -> dict[str, dict[str, Any]]:
    """The entries of `sources.yaml` by id, as plain values (checked by `showcase validate`);
    read again only when the file changes, not once per page that cites them."""
    try:
        changed = path.stat().st_mtime_ns
    except OSError:
        return {}
    return _read_sources(path, changed)


@cache
def _read_sources(path: Path, changed: int) -> dict[str, dict[str, Any]]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    found = entries.get("sources") if isinstance(entries, dict) else None
    return {
        str(entry["id"]): entry
        for entry in found or []
        if isinstance(entry, dict) and entry.get("id")
    }


def pages(docs_dir: Path) -> list[Path]:
    """Every Markdown page under `docs_dir`, in a stable order."""
    return sorted(docs_dir.rglob("*.md"))


def docs_problems(
    docs_dir: Path, sources: Mapping[str, Mapping[str, Any]], archive: Archive | None
) -> list[Problem]:
    """Every citation of every page under `docs_dir` that names an unknown source, lacks or
    misquotes its words, or does not say how the sentence follows from them."""
    checked = archive if archive is not None and archive.present else None
    problems = []
    for page in pages(docs_dir):
        text = page.read_text(encoding="utf-8")
        for mention in mentions(text):
            for citation in mention.citations:
                problems += citation_problems(page, mention.line, citation, sources, checked)
    return problems


def citation_problems(
    page: Path,
    line: int,
    citation: PageCitation,
    sources: Mapping[str, Mapping[str, Any]],
    archive: Archive | None,
) -> list[Problem]:
    """What is wrong with one citation on a page, each with how to fix it."""

    def problem(message: str, fix: str) -> Problem:
        return Problem(page, line, "citation", message, fix)

    problems = [
        problem(mistake, f"write the citation's fields as {_listed()}")
        for mistake in citation.mistakes
    ]
    source = sources.get(citation.source)
    if source is None:
        problems.append(
            problem(
                f"`{citation.source}` is not a source in data/sources.yaml",
                "write the `id` of one of its entries after `cite=`, or add the source there",
            )
        )
        return problems
    basis = citation.how
    archived = source.get("archived_as")
    if citation.basis is not None and citation.basis not in {b.value for b in Basis}:
        problems.append(
            problem(
                f"`basis={citation.basis}` is not a basis we know",
                "write `basis=inferred` (with a `note`) or `basis=summarised`, or leave it out "
                "after a `quote`",
            )
        )
    elif basis == Basis.INFERRED and not citation.note:
        problems.append(
            problem(
                "an inferred citation needs a `note` saying what was read from the words",
                'add `note="…"`, e.g. `note="The article says “this school year”; we read '
                'it as 2023-24."`',
            )
        )
    if basis == Basis.SUMMARISED and citation.quote:
        problems.append(
            problem(
                "a summarised citation has no words to quote",
                "remove `quote`, or remove `basis=summarised`",
            )
        )
    elif archived and not citation.quote:
        problems.append(
            problem(
                f"the text of `{citation.source}` is archived ({archived}), but this citation "
                "gives none of its words",
                'add `quote="…"` with the words that say this, copied exactly (with '
                "`basis=inferred` and a `note` if the sentence is a reading of them)",
            )
        )
    elif not archived and citation.quote:
        problems.append(
            problem(
                f"the repository holds no text of `{citation.source}` to find these words in",
                "remove `quote` and write `basis=summarised`",
            )
        )
    elif not archived and basis != Basis.SUMMARISED:
        problems.append(
            problem(
                f"the repository holds no text of `{citation.source}`, and the citation does "
                "not say so",
                "write `basis=summarised`",
            )
        )
    if archived and citation.quote and archive is not None:
        text = archive.text(str(archived))
        if text is not None and not text.contains(citation.quote):
            problems.append(
                problem(
                    f"these words are not in the text of `{citation.source}` ({archived}): "
                    f"“{citation.quote}”",
                    f"copy them exactly from the archived text (the nearest words are on its "
                    f"line {text.nearest_line(citation.quote)}); mark left-out words with `…`",
                )
            )
    return problems
