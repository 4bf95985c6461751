"""The words each fact stands on: how quotes are matched, and the real data's evidence."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import Tag
from conftest import ROOT, SiteReader, resolve

from showcase import urls
from showcase.data.catalog import Catalog, read_catalog
from showcase.data.evidence import Archive, ArchivedText, citations, default_archive, normalised
from showcase.data.models import Basis, Citation, Pillar, Record

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
    if getattr(record, "sources", []):
        yield record


def _records(catalog: Catalog) -> list[Record]:
    return [
        *catalog.cohorts.values(),
        *catalog.schools.values(),
        *catalog.weeks.values(),
        *catalog.stories.values(),
        *catalog.disagreements.values(),
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


# The project's CI (`.ci/run`) always has the archive beside the checkout and says so, so there
# this test never skips; GitHub's runners and a contributor's clone may not have it.
@pytest.mark.skipif(
    not ARCHIVE.is_dir() and not os.environ.get("SHOWCASE_ARCHIVE_REQUIRED"),
    reason="the archived sources are not here",
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


# --- On the page ---------------------------------------------------------------------------


def _shown_words(page: Tag) -> list[str]:
    return [
        normalised(quote.get_text(" ")) for quote in page.select("details.cs-evidence blockquote")
    ]


def _cited_records(catalog: Catalog) -> Iterator[tuple[str, Record]]:
    """Each page of the data and the record whose citations it shows."""
    for school in catalog.schools.values():
        yield urls.school(school.slug), school
    for cohort in catalog.cohorts.values():
        yield urls.cohort(cohort.id), cohort
    for week in catalog.weeks.values():
        yield urls.week(week.year), week
    for story in catalog.stories.values():
        yield urls.story(story.slug), story


@pytest.mark.parametrize("language", ["", "es/"])
def test_every_cited_fact_on_every_page_opens_onto_its_words(
    site: SiteReader, catalog: Catalog, language: str
) -> None:
    checked = 0
    for url, record in _cited_records(catalog):
        page = site.page(language + url)
        shown = " | ".join(_shown_words(page))
        for _, citation in citations(record):
            source = catalog.sources[citation.source]
            if citation.quote:
                assert normalised(citation.quote) in shown, (url, citation.quote)
            else:
                # A title the site wrote itself shows in Spanish on the Spanish pages.
                title = (language and source.title_es) or source.title
                labels = [
                    d
                    for d in page.select("details.cs-evidence--summarised, details.cs-evidence")
                    if title in d.get_text(" ")
                ]
                assert labels, (url, source.id)
            checked += 1
    assert checked >= 170


def test_every_citation_on_a_page_has_its_disclosure_beside_it(site_dir: Path) -> None:
    reader = SiteReader(site_dir)
    bare = []
    for html in site_dir.rglob("*.html"):
        url = html.relative_to(site_dir).as_posix().removesuffix("index.html")
        for cite in reader.page(url).select("article .cs-cite"):
            holder = cite.parent
            assert holder is not None
            details = holder.find("details", class_="cs-evidence", recursive=False)
            if details is None:
                bare.append(f"{url}: {holder.get_text(' ', strip=True)[:80]}")
    assert bare == []


def test_the_disclosure_is_closed_works_without_javascript_and_says_what_it_holds(
    site: SiteReader, catalog: Catalog
) -> None:
    leland = site.page(urls.story("leland-street-resource-fair"))
    date = leland.select_one(".cs-details time")
    assert date is not None and date.parent is not None
    inferred = date.parent.select_one("details.cs-evidence--inferred")
    assert inferred is not None and not inferred.has_attr("open")
    summary = inferred.find("summary")
    assert summary is not None and inferred.find(True) == summary
    assert summary.get_text(strip=True).startswith("Inferred from")
    assert "whose Tuesday was April 23" in inferred.get_text(" ")
    assert "On Tuesday, Leland Street Elementary" in inferred.get_text(" ")
    # The words are the source's: English on every page, with the source's name, date, link.
    assert all(q.get("lang") == "en" for q in leland.select("details.cs-evidence blockquote"))
    link = inferred.select_one(".cs-evidence__source a[href]")
    assert link is not None and link["href"] == catalog.sources["utla-week-of-action-2024"].url
    assert "April 2024" in inferred.get_text(" ")

    cohort = site.page(urls.cohort("cohort-6"))
    summarised = cohort.select("details.cs-evidence--summarised")
    assert summarised and all(
        d.summary is not None and d.summary.get_text(strip=True).startswith("Summarised")
        for d in summarised
    )

    spanish = site.page("es/" + urls.story("leland-street-resource-fair"))
    label = spanish.select_one("details.cs-evidence--inferred summary")
    assert label is not None and label.get_text(strip=True).startswith("Deducido de")


# --- Where the sources disagree ----------------------------------------------------------


def test_the_data_records_every_known_disagreement(catalog: Catalog) -> None:
    # The cases found in the sources: none may be dropped without a reason.
    assert set(catalog.disagreements) >= {
        "hillcrest-cohort",
        "cohort-2-start",
        "cohort-4-size",
        "ccspp-grant-2022",
        "pillar-spelling",
    }
    for disagreement in catalog.disagreements.values():
        named = {c.source for side in disagreement.sides for c in side.sources}
        assert len(disagreement.sides) >= 2 and named, disagreement.id


@pytest.mark.parametrize("language", ["", "es/"])
def test_each_disagreement_is_shown_in_one_place_and_listed_on_the_about_page(
    site: SiteReader, catalog: Catalog, language: str
) -> None:
    about = site.page(language + urls.ABOUT)
    listed = about.select(".cs-disagreements > ul > li")
    assert len(listed) == len(catalog.disagreements)
    assert "showcase: where the sources disagree" not in str(about)
    for item, disagreement in zip(listed, catalog.disagreements.values(), strict=True):
        link = item.find("a", href=True)
        assert link is not None
        target = resolve("/" + language + urls.ABOUT, str(link["href"]).split("#")[0])
        assert str(link["href"]).endswith("#" + disagreement.id)
        page = site.page(target)
        boxes = page.select(f"#{disagreement.id}.cs-disagreement")
        assert len(boxes) == 1, (target, disagreement.id)
        # Both sides, each with the words it stands on, in the box and in the list.
        for shown in (boxes[0], item):
            sides = shown.select(":scope > ul > li")
            assert len(sides) == len(disagreement.sides)
            assert all(side.select_one("details.cs-evidence") for side in sides)
    # Not repeated elsewhere: each box appears on its own page only.
    places = [url for url, _ in _cited_records(catalog)] + [urls.pillar(p) for p in Pillar]
    pages = [language + url for url in places]
    for disagreement in catalog.disagreements.values():
        holding = [url for url in pages if site.page(url).select(f"#{disagreement.id}")]
        assert len(holding) == 1, (disagreement.id, holding)


def test_the_cohort_timeline_points_to_each_cohorts_disagreements(
    site: SiteReader, catalog: Catalog
) -> None:
    timeline = site.page(urls.COHORTS)
    for cohort in catalog.cohorts.values():
        shown = [d for d in catalog.disagreements.values() if d.cohort == cohort.id]
        row = next(
            th.parent
            for th in timeline.select("tbody th")
            if th.a is not None and th.a.get_text(strip=True) == cohort.name and th.parent
        )
        links = row.select("a.cs-disagree")
        assert len(links) == (1 if shown else 0), cohort.id
        if shown:
            assert str(len(shown)) in links[0].get_text()
