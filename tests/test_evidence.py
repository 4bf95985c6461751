"""The words each fact stands on: how quotes are matched, and the real data's evidence."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from showcase.catalog import Catalog, read_catalog
from showcase.evidence import Archive, ArchivedText, citations, default_archive
from showcase.models import Basis, Citation, Record

ARCHIVE = default_archive(ROOT / "data")
ARCHIVED = ArchivedText(
    Path("minutes.txt"),
    (
        "The Board approved the second",
        "cohort of community schools.   Families",
        "thanked the “family literacy night” team.",
    ),
)


def test_a_quote_is_found_across_lines_and_spaces() -> None:
    assert ARCHIVED.contains("the second cohort of community schools. Families")


def test_typographic_and_plain_quotes_are_the_same() -> None:
    assert ARCHIVED.contains('thanked the "family literacy night" team')
    assert ARCHIVED.contains("thanked the ‘family literacy night’ team") is False


def test_an_ellipsis_leaves_words_out_but_keeps_the_order() -> None:
    assert ARCHIVED.contains("The Board approved … Families thanked")
    assert not ARCHIVED.contains("Families thanked … The Board approved")


def test_words_changed_or_added_are_not_found() -> None:
    assert not ARCHIVED.contains("The Board unanimously approved the second cohort")
    assert not ARCHIVED.contains("the board approved the second")
    assert ARCHIVED.nearest_line("the Board unanimously approved the third") == 1


def _facts(record: Record) -> Iterator[Record]:
    """Every part of a record that cites sources for what it says: the record itself, its
    notes, counts, listings and programs, and the words that date it."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Record) and not isinstance(item, Citation):
                yield from _facts(item)
    if "sources" in type(record).model_fields and getattr(record, "sources"):
        yield record


def _records(catalog: Catalog) -> list[Record]:
    return [
        *catalog.cohorts.values(),
        *catalog.schools.values(),
        *catalog.weeks.values(),
        *catalog.stories.values(),
    ]


def test_every_fact_in_the_data_shows_the_words_it_stands_on(catalog: Catalog) -> None:
    facts = [fact for record in _records(catalog) for fact in _facts(record)]
    cited = [c for record in _records(catalog) for _, c in citations(record)]
    dates = [s.dated_by for s in catalog.sources.values() if s.dated_by is not None]
    by_basis = Counter(c.how for c in [*cited, *dates])

    without = [c for c in cited if c.how is None]
    assert without == [], "citations with no evidence: give each a quote, or `summarised`"
    assert len(facts) >= 150 and len(cited) >= len(facts)
    assert by_basis[Basis.QUOTED] >= 100
    assert by_basis[Basis.INFERRED] >= 15
    assert by_basis[Basis.SUMMARISED] >= 60
    for citation in cited:
        source = catalog.sources[citation.source]
        if source.archived_as:
            assert citation.quote, citation
        else:
            # A page we hold no text of is summarised, and its address is given where known.
            assert citation.how is Basis.SUMMARISED, citation
    # Every story drawn from a source says how its date was found.
    assert all(story.dated_by for story in catalog.stories.values() if story.sources)


@pytest.mark.skipif(
    not ARCHIVE.is_dir() and not os.environ.get("CI"), reason="the archived sources are not here"
)
def test_every_quote_is_in_its_archived_source() -> None:
    # read_catalog raises on a quote not found; CI always has the archive.
    archive = Archive(ARCHIVE)
    catalog = read_catalog(ROOT / "data", ARCHIVE)

    quoted = [
        (catalog.sources[c.source], c.quote)
        for record in _records(catalog)
        for _, c in citations(record)
        if c.quote
    ]
    assert catalog.notices == ()
    assert len(quoted) >= 90
    for source, quote in quoted:
        assert source.archived_as is not None
        text = archive.text(source.archived_as)
        assert text is not None and text.contains(quote), (source.id, quote)
