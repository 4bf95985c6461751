"""What templates show: plain values prepared from records, so templates only print them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from markupsafe import Markup

from showcase import urls
from showcase.data.catalog import Catalog, disagreement_page
from showcase.data.models import (
    PILLAR_TITLES,
    Basis,
    Citation,
    Cohort,
    Disagreement,
    Pillar,
    PillarFact,
    School,
    SourcedCount,
    SourcedFact,
    Story,
    source_ids,
)
from showcase.data.story_html import story_html
from showcase.i18n import ENGLISH, N_, Language, Text

NOT_RECORDED = N_("Not yet recorded")
# The section of a page that shows where its sources disagree.
DISAGREEMENTS_ANCHOR = "disagreements"


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    # The language of the page it leads to, when not the page's own.
    lang: str | None = None


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    # What a citation calls it: its publisher, or its title where no publisher is known.
    name: str
    url: str | None
    publisher: str | None = None
    published: str | None = None
    # The language of `title` where it is not the page's: a document's own title is English.
    title_lang: str | None = None


@dataclass(frozen=True)
class Words:
    """One source's part in a fact: its words, how the fact follows from them, and why."""

    source: SourceRef
    quote: str | None
    basis: str
    note: Text | None = None


@dataclass(frozen=True)
class Evidence:
    """What a visitor opens to see the words a fact stands on; `basis` is the fact's as a
    whole: `inferred` if any of it is a reading, `summarised` if no words can be shown."""

    words: tuple[Words, ...]
    basis: str

    @property
    def style(self) -> str:
        """Material's kind of collapsible block that looks the part."""
        return {"quoted": "quote", "inferred": "info"}.get(self.basis, "abstract")


@dataclass(frozen=True)
class Fact:
    """A statement and the sources behind it; `lang` is set when it is not translated."""

    text: str
    sources: tuple[SourceRef, ...]
    lang: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class DisagreementView:
    """Sources that say different things, each side with its words; `place` is where on the
    site the disagreement is shown."""

    id: str
    topic: Text
    text: Text
    sides: tuple[Fact, ...]
    place: Link


@dataclass(frozen=True)
class PillarGroup:
    pillar: Link
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Detail:
    """One labelled line of a profile; `value` is None where the sources are silent."""

    label: str
    value: str | None
    links: tuple[Link, ...] = ()
    is_link: bool = False


@dataclass(frozen=True)
class Invitation:
    """What a page does not say yet (`text`), and where a visitor can help say it."""

    text: str
    link: Link


@dataclass(frozen=True)
class SchoolCard:
    """A school in a list, with what the directory filters on."""

    link: Link
    aliases: tuple[str, ...]
    cohorts: tuple[Link, ...]
    level: str | None
    designated: bool
    cohort_ids: str
    level_id: str
    pillar_ids: str
    district: str
    search_name: str
    # The card's line under the name (level · cohorts), and its other names ("Also: …" or "").
    meta: str
    also: str


@dataclass(frozen=True)
class StoryCard:
    link: Link
    date: str
    iso_date: str
    summary: Text
    schools: tuple[Link, ...]
    # Set when the title and summary are shown in English on a page in another language.
    lang: str | None
    # The date is a reading of the source's words (a weekday, the month of the article).
    date_inferred: bool = False


@dataclass(frozen=True)
class Figure:
    """A number on the home page, computed from the data, and where it leads."""

    count: int
    label: str
    url: str


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str


@dataclass
class Sources:
    """Collects the sources a page cites, each once, in order of first use."""

    catalog: Catalog
    lang: Language
    cited: dict[str, SourceRef] = field(default_factory=dict)

    def refs(self, citations: list[Citation]) -> tuple[SourceRef, ...]:
        return tuple(self._ref(source_id) for source_id in source_ids(citations))

    def _ref(self, source_id: str) -> SourceRef:
        if source_id not in self.cited:
            source = self.catalog.sources[source_id]
            title = self.lang.text(source.title, source.title_es)
            self.cited[source_id] = SourceRef(
                source.id,
                title.text,
                source.publisher or title.text,
                source.url,
                source.publisher,
                source.published,
                title.lang,
            )
        return self.cited[source_id]

    def evidence(self, citations: list[Citation]) -> Evidence | None:
        """The words behind a fact, each source's once; None where no citation gives any."""
        words = []
        for citation in dict.fromkeys(citations):
            basis = citation.how
            if basis is None:
                continue
            note = self.lang.text(citation.note, citation.note_es) if citation.note else None
            words.append(Words(self._ref(citation.source), citation.quote, basis.value, note))
        if not words:
            return None
        bases = {w.basis for w in words}
        overall = (
            Basis.INFERRED
            if Basis.INFERRED in bases
            else Basis.QUOTED
            if Basis.QUOTED in bases
            else Basis.SUMMARISED
        )
        return Evidence(tuple(words), overall.value)

    def fact(self, fact: SourcedFact | PillarFact) -> Fact:
        text = self.lang.text(fact.text, fact.text_es)
        return Fact(text.text, self.refs(fact.sources), text.lang, self.evidence(fact.sources))

    def count(self, count: SourcedCount) -> Fact:
        text = f"{count.count}" + (f" ({count.note})" if count.note else "")
        # The note is English data: it has no Spanish version yet.
        lang = None if self.lang.is_default or not count.note else "en"
        return Fact(text, self.refs(count.sources), lang, self.evidence(count.sources))

    def all(self) -> tuple[SourceRef, ...]:
        return tuple(self.cited.values())


def disagreement_views(
    sources: Sources, disagreements: list[Disagreement]
) -> tuple[DisagreementView, ...]:
    lang = sources.lang
    return tuple(
        DisagreementView(
            id=disagreement.id,
            topic=lang.text(disagreement.topic, disagreement.topic_es),
            text=lang.text(disagreement.text, disagreement.text_es),
            sides=tuple(sources.fact(side) for side in disagreement.sides),
            place=Link(
                urls.at(disagreement_page(disagreement), disagreement.id),
                _place_name(sources.catalog, disagreement, lang),
            ),
        )
        for disagreement in disagreements
    )


def _place_name(catalog: Catalog, disagreement: Disagreement, lang: Language) -> str:
    if disagreement.cohort is not None:
        return cohort_name(catalog.cohorts[disagreement.cohort], lang)
    if disagreement.school is not None:
        return catalog.schools[disagreement.school].name
    assert disagreement.pillar is not None  # the model requires one of the three
    return lang._(PILLAR_TITLES[disagreement.pillar])


def cohort_name(cohort: Cohort, lang: Language) -> str:
    """`Cohort IV` · `Cohorte IV`: the cohort's name in the page's language, where recorded."""
    return lang.text(cohort.name, cohort.name_es).text


def pillar_link(pillar: Pillar, lang: Language) -> Link:
    return Link(urls.pillar(pillar), lang._(PILLAR_TITLES[pillar]))


def human_date(value: datetime.date, lang: Language = ENGLISH) -> str:
    return lang.date(value)


def story_date(value: str, lang: Language = ENGLISH) -> str:
    """`2024-04-23` → April 23, 2024; `2024-04` → April 2024 (in the page's language)."""
    year, month, *day = (int(part) for part in value.split("-"))
    if day:
        return lang.date(datetime.date(year, month, day[0]))
    return lang.month(year, month)


def school_link(school: School) -> Link:
    return Link(urls.school(school.slug), school.name)


def school_card(catalog: Catalog, school: School, lang: Language) -> SchoolCard:
    _ = lang._
    cohort_ids = list(dict.fromkeys(listing.cohort for listing in school.cohorts))
    pillars = catalog.pillars_by_school[school.slug]
    cohorts = tuple(Link(urls.cohort(c), cohort_name(catalog.cohorts[c], lang)) for c in cohort_ids)
    level = _(school.level.label) if school.level else None
    if cohorts:
        listed = ", ".join(cohort.text for cohort in cohorts)
    elif school.designated:
        listed = _("Cohort not given in the sources")
    else:
        listed = _("Partner network school")
    # Translated outside the f-strings below, where the catalogue's extractor can find them.
    level_line = level or _("Level not yet recorded")
    also = _("Also:")
    return SchoolCard(
        link=school_link(school),
        aliases=tuple(school.aliases),
        cohorts=cohorts,
        level=level,
        designated=school.designated,
        cohort_ids=" ".join(cohort_ids) or "none",
        level_id=school.level.value if school.level else "unknown",
        pillar_ids=" ".join(p.value for p in pillars),
        district=school.local_district or "unknown",
        search_name=" ".join([school.name, *school.aliases]).lower(),
        meta=f"{level_line} · {listed}",
        also=f"{also} {', '.join(school.aliases)}" if school.aliases else "",
    )


def story_card(catalog: Catalog, story: Story, lang: Language) -> StoryCard:
    title = lang.text(story.title, story.title_es)
    return StoryCard(
        link=Link(urls.story(story.slug), title.text),
        date=story_date(story.date, lang),
        iso_date=story.date,
        summary=lang.text(story.summary, story.summary_es),
        schools=tuple(school_link(catalog.schools[slug]) for slug in story.schools),
        lang=title.lang,
        date_inferred=story.dated_by is not None and story.dated_by.basis == Basis.INFERRED,
    )


def pillar_groups(sources: Sources, facts: list[PillarFact]) -> tuple[PillarGroup, ...]:
    return tuple(
        PillarGroup(
            pillar_link(pillar, sources.lang),
            tuple(sources.fact(f) for f in facts if f.pillar == pillar),
        )
        for pillar in Pillar
        if any(f.pillar == pillar for f in facts)
    )


def safe_story_body(body: str) -> Markup:
    """A story body as sanitised HTML, marked safe for templates."""
    return Markup(story_html(body))
