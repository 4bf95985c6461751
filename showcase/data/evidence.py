"""The words each fact stands on, checked against the project's copies of its sources.

A citation of a source whose text is archived (`archived_as`) carries the words of it that
support the fact, and those words must be in that text: whitespace and typographic quotes
aside, exactly. A source the repository holds no text of can only be summarised.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from showcase.data.models import Basis, Citation, Evidence, Record, Source
from showcase.data.origin import Loc
from showcase.data.problems import Problem, display_path
from showcase.data.yaml_source import dotted

ELLIPSIS = "…"
_SAME_CHARACTER = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
)


def default_archive(data_dir: Path) -> Path:
    """Where the archived texts are: `shared/sources/` beside the project's folder."""
    return data_dir.resolve().parent.parent / "shared" / "sources"


def normalised(text: str) -> str:
    """The text with every run of whitespace one space and typographic quotes plain."""
    return " ".join(text.translate(_SAME_CHARACTER).split())


@dataclass(frozen=True)
class ArchivedText:
    """The project's copy of one source."""

    path: Path
    lines: tuple[str, ...]

    @cached_property
    def flat(self) -> str:
        return normalised("\n".join(self.lines))

    def contains(self, quote: str) -> bool:
        """Whether the quote's words are in the text, in order where `…` leaves some out."""
        start = 0
        for part in (normalised(piece) for piece in quote.split(ELLIPSIS)):
            if not part:
                continue
            found = self.flat.find(part, start)
            if found < 0:
                return False
            start = found + len(part)
        return True

    def nearest_line(self, quote: str) -> int:
        """The line (1-based) that shares the most of the quote's words, rare words counting
        for more than common ones."""
        words = [set(_words(line)) for line in self.lines]
        lines_with = Counter(word for line in words for word in line)
        wanted = set(_words(quote))
        scores = [sum(1 / lines_with[word] for word in wanted & line) for line in words]
        return 1 + max(range(len(scores)), key=scores.__getitem__, default=0)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", normalised(text).lower())


@dataclass
class Archive:
    """The folder of archived source texts, read once per file."""

    folder: Path
    _texts: dict[str, ArchivedText | None] = field(default_factory=dict)

    @property
    def present(self) -> bool:
        return self.folder.is_dir()

    @property
    def notice(self) -> str | None:
        """What a reader of the results must know: whether the excerpts were checked."""
        if self.present:
            return None
        return (
            f"The archived sources ({display_path(self.folder)}) are not here: the quotes "
            "were not checked against them. CI always checks them."
        )

    def text(self, name: str) -> ArchivedText | None:
        if name not in self._texts:
            path = self.folder / name
            try:
                lines = tuple(path.read_text(encoding="utf-8").splitlines())
            except (OSError, UnicodeDecodeError):
                self._texts[name] = None
            else:
                self._texts[name] = ArchivedText(path, lines)
        return self._texts[name]


def citations(record: Record, loc: Loc = ()) -> Iterator[tuple[Loc, Citation]]:
    """Every citation anywhere inside the record, with where it is."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            inner = (*loc, name, index) if isinstance(value, list) else (*loc, name)
            if isinstance(item, Citation):
                yield inner, item
            elif isinstance(item, Record):
                yield from citations(item, inner)


def evidence_problems(
    sources: list[Source], records: list[Record], archive: Archive | None
) -> list[Problem]:
    """Every citation whose words are missing, misplaced or not in its source's text."""
    by_id = {source.id: source for source in sources}
    checked = archive if archive is not None and archive.present else None
    problems = [*_archive_problems(sources, checked)]
    for record in records:
        for loc, citation in citations(record):
            source = by_id.get(citation.source)
            if source is not None:
                problems += _citation_problems(record, loc, citation, source, checked)
    return problems


def _archive_problems(sources: list[Source], archive: Archive | None) -> Iterator[Problem]:
    for source in sources:
        if not source.archived_as:
            continue
        if archive is not None and archive.text(source.archived_as) is None:
            yield record_problem(
                source,
                ("archived_as",),
                f"there is no file `{source.archived_as}` in {display_path(archive.folder)}",
                "correct the file name, or add the source's text there",
            )
            continue
        if source.published and (source.dated_by is None or not source.dated_by.quote):
            yield record_problem(
                source,
                ("published",),
                "the date is not backed by the source's words",
                "add `dated_by:` with a `quote:` of the words that date it (`basis: inferred` "
                "and a `note` if the date is worked out from them), or leave `published` out",
            )
        elif source.dated_by is not None and source.dated_by.quote:
            yield from _words_problems(
                source, ("dated_by",), source.dated_by, source, source.archived_as, archive
            )


def _citation_problems(
    record: Record, loc: Loc, citation: Citation, source: Source, archive: Archive | None
) -> list[Problem]:
    if source.archived_as:
        if citation.quote is None:
            if citation.basis in {Basis.QUOTED, Basis.INFERRED}:
                return []  # reported with the citation itself
            return [
                record_problem(
                    record,
                    loc,
                    f"the text of `{source.id}` is archived ({source.archived_as}), but this "
                    "citation gives none of its words",
                    "add `quote:` with the words that say this, copied exactly (with "
                    "`basis: inferred` and a `note` if the fact is a reading of them)",
                )
            ]
        return list(_words_problems(record, loc, citation, source, source.archived_as, archive))
    if citation.quote is not None:
        return [
            record_problem(
                record,
                (*loc, "quote"),
                f"the repository holds no text of `{source.id}` to find these words in",
                "remove `quote` and write `basis: summarised`, or archive the source's text "
                "and name the file in its `archived_as`",
            )
        ]
    return []


def _words_problems(
    record: Record,
    loc: Loc,
    evidence: Evidence,
    source: Source,
    file_name: str,
    archive: Archive | None,
) -> Iterator[Problem]:
    text = archive.text(file_name) if archive is not None else None
    if text is None or evidence.quote is None or text.contains(evidence.quote):
        return
    yield record_problem(
        record,
        (*loc, "quote"),
        f"these words are not in the text of `{source.id}` ({file_name})",
        f"copy them exactly from {display_path(text.path)} (the nearest words are on its "
        f"line {text.nearest_line(evidence.quote)}); mark left-out words with `…`",
    )


def record_problem(record: Record, loc: Loc, message: str, fix: str) -> Problem:
    """A problem at `loc` inside the record, with the line it was read from."""
    origin = record.origin
    return Problem(origin.file, origin.line(*loc), dotted(origin.prefix + loc), message, fix)
