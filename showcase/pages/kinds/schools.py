"""The schools directory and one profile per school."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from markupsafe import escape

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import LEVEL_TITLES, PILLAR_TITLES, Level, Pillar, School
from showcase.i18n import Language
from showcase.pages.page import (
    HOME,
    SCHOOL_RANK,
    SCHOOLS,
    Page,
    PreviewCard,
    SchoolEntry,
    View,
    crumbs,
    paged_title,
    section_index,
)
from showcase.pages.paging import PageNav, page_nav, paginate
from showcase.pages.views import (
    NOT_RECORDED,
    Detail,
    FilterOption,
    Invitation,
    Link,
    SchoolCard,
    Sources,
    cohort_name,
    disagreement_views,
    pillar_groups,
    school_card,
    story_card,
)


def directory_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    """The directory, 48 schools a page: `schools/`, `schools/page/2/`…"""
    _ = lang._
    pages = paginate(list(catalog.schools.values()))
    filters = _directory_filters(catalog, lang)
    description = _("The {count} schools profiled in the showcase, from its sources.").format(
        count=len(catalog.schools)
    )
    for number, schools in enumerate(pages, 1):
        url = urls.listing_page(urls.SCHOOLS, number)
        nav = page_nav(
            _("Pages of the school list"),
            number,
            len(pages),
            partial(urls.listing_page, urls.SCHOOLS),
        )
        page: dict[str, Any] = {
            "url": url,
            "title": paged_title(_("Schools"), number, lang),
            "template": "directory.html",
            "description": description,
            "make_view": partial(_directory_view, catalog, schools, nav, filters, lang),
        }
        if number == 1:
            yield section_index(SCHOOLS, lang, **page)
        else:
            yield Page(**page, breadcrumbs=crumbs(lang, HOME, SCHOOLS))


def _directory_filters(catalog: Catalog, lang: Language) -> View:
    _ = lang._
    cohorts = [FilterOption(c.id, cohort_name(c, lang)) for c in catalog.cohorts.values()]
    if any(not s.cohorts for s in catalog.schools.values()):
        cohorts.append(FilterOption("none", _("Cohort not given in the sources")))
    levels = {s.level for s in catalog.schools.values()}
    districts = sorted({s.local_district for s in catalog.schools.values() if s.local_district})
    return {
        "cohorts": cohorts,
        "levels": [FilterOption(lv.value, _(LEVEL_TITLES[lv])) for lv in Level if lv in levels]
        + ([FilterOption("unknown", _(NOT_RECORDED))] if None in levels else []),
        "pillars": [FilterOption(p.value, _(PILLAR_TITLES[p])) for p in Pillar],
        "districts": [FilterOption(d, d) for d in districts],
        # Without JavaScript there is no filter: each cohort's own pages list its schools.
        "cohort_pages": [
            Link(urls.cohort(c.id), cohort_name(c, lang)) for c in catalog.cohorts.values()
        ],
    }


def _directory_view(
    catalog: Catalog,
    schools: tuple[School, ...],
    nav: PageNav,
    filters: View,
    lang: Language,
) -> View:
    return filters | {
        "schools": [school_card(catalog, s, lang) for s in schools],
        "total": len(catalog.schools),
        "pager": nav,
    }


def school_pages(catalog: Catalog, lang: Language, repository: str = "") -> Iterator[Page]:
    """One profile per school; `repository` is the project's address, where the invitation
    to complete a profile leads (none without it)."""
    trail = crumbs(lang, HOME, SCHOOLS)  # one for every school page
    for school in catalog.schools.values():
        summary = _school_summary(catalog, school, lang)
        card = school_card(catalog, school, lang)
        yield Page(
            url=urls.school(school.slug),
            title=school.name,
            template="school.html",
            description=summary,
            make_view=partial(_school_view, catalog, school, lang, summary, repository),
            breadcrumbs=trail,
            edit_path="data/schools.yaml",
            make_content=partial(_paragraph, summary),
            flyer=True,
            card=preview_card(school, lang),
            search_rank=SCHOOL_RANK,
            school_entry=SchoolEntry(card.search_name, card.meta, card.also, search_filters(card)),
        )


def preview_card(school: School, lang: Language) -> PreviewCard:
    """The card a school's profile is shared with, and each story about that school alone:
    one image a school, not one a story, so that a first build draws a quarter as many."""
    _ = lang._
    # A school listed only beside the initiative is not one of its community schools.
    kicker = _("LAUSD community school") if school.designated else _("Partner network school")
    return PreviewCard(urls.school(school.slug), school.name, kicker)


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _school_view(
    catalog: Catalog, school: School, lang: Language, summary: str, repository: str
) -> View:
    _ = lang._
    sources = Sources(catalog, lang)
    cohort_links = tuple(
        Link(
            urls.cohort(listing.cohort),
            cohort_name(catalog.cohorts[listing.cohort], lang)
            + (
                " " + _("(listed as “{name}”)").format(name=listing.listed_as)
                if listing.listed_as
                else ""
            ),
        )
        for listing in school.cohorts
    )
    # Only what is known is shown; what a visitor could help find is named once, in the
    # invitation. Other names and a missing cohort are no gap to fill.
    facts = (
        Detail(_("Level"), _(school.level.label) if school.level else None),
        Detail(_("Campus"), school.campus),
        Detail(_("Grades"), school.grades),
        Detail(_("Local District"), school.local_district),
        Detail(_("Website"), school.website, is_link=True),
    )
    details = tuple(
        detail
        for detail in (
            Detail(_("Other names"), ", ".join(school.aliases) or None),
            Detail(_("Cohort"), None if not cohort_links else "", cohort_links),
            *facts,
        )
        if detail.value or detail.links
    )
    missing = [detail.label for detail in facts if not detail.value]
    missing += [_("Programs and partners")] if not school.programs else []
    missing += [_("Assets and Needs Assessment priorities")] if not school.ana_priorities else []
    stories = catalog.stories_by_school.get(school.slug, [])
    # The lead says what the school is and which cohorts list it: its own sources and its
    # listings' stand behind it.
    cited = [*school.sources, *(c for listing in school.cohorts for c in listing.sources)]
    sources.refs(cited)
    disagreements = disagreement_views(
        sources, catalog.disagreements_by_page.get(urls.school(school.slug), [])
    )
    return {
        "school": school,
        "summary": summary,
        "evidence": sources.evidence(cited),
        "details": details,
        "disagreements": disagreements,
        # Listed in two cohorts with no disagreement recorded: the page still says so.
        "cohorts_disagree": len({lst.cohort for lst in school.cohorts}) > 1 and not disagreements,
        "notes": [sources.fact(n) for n in school.notes],
        "programs": pillar_groups(sources, school.programs),
        "ana_priorities": pillar_groups(sources, school.ana_priorities),
        "stories": [story_card(catalog, s, lang) for s in stories],
        "sources": sources.all(),
        "invitation": _invitation(school, missing, lang, repository),
    }


def _invitation(
    school: School, missing: list[str], lang: Language, repository: str
) -> Invitation | None:
    """One short invitation to send what the profile lacks, or None when it lacks nothing."""
    if not missing or not repository:
        return None
    _ = lang._
    answers = {"school": f"{school.name} ({school.slug})", "missing": "\n".join(missing)}
    title = _("Profile: {name}").format(name=school.name)
    url = urls.profile_form(repository, lang.code, title, answers)
    text = _("Not yet in our sources: {fields}.").format(fields=", ".join(missing))
    return Invitation(text, Link(url, _("Help complete this profile")))


SCHOOL_KIND = "school"


def search_filters(card: SchoolCard) -> tuple[tuple[str, str], ...]:
    """The search index's filters for a school's profile, as (filter, value): one for each
    choice of the directory that finds it, each an id, never a word a translation changes."""
    chosen = (
        ("kind", (SCHOOL_KIND,)),
        ("cohort", tuple(card.cohort_ids.split())),
        ("level", (card.level_id,)),
        ("pillar", tuple(card.pillar_ids.split())),
        ("district", (card.district,)),
    )
    return tuple((name, value) for name, values in chosen for value in values)


def _school_summary(catalog: Catalog, school: School, lang: Language) -> str:
    _ = lang._
    kind = _(school.level.label).lower() if school.level else _("school")
    if school.cohorts:
        names = _(" and ").join(
            dict.fromkeys(cohort_name(catalog.cohorts[lst.cohort], lang) for lst in school.cohorts)
        )
        message = _("{name}: an LAUSD community {kind} listed in {cohorts}.")
        return message.format(name=school.name, kind=kind, cohorts=names)
    if school.designated:
        message = _("{name}: an LAUSD community {kind}; the sources do not give its cohort.")
        return message.format(name=school.name, kind=kind)
    message = _(
        "{name} ({kind}): listed beside the initiative, not in a cohort, as we read a list on "
        "the initiative's home page whose layout was lost."
    )
    return message.format(name=school.name, kind=kind)
