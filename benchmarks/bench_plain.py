"""The plain twin of a showcase for `benchmarks.bench`: the same pages as hand-written Markdown.

Each page carries the text, tables and lists that our templates show for it, written the way
a person would write them by hand (the structured twin), or the same words as plain paragraphs
(the text twin, `benchmarks.bench_text`). Either project is built by plain MkDocs with the same
theme, features, Markdown extensions and navigation as `mkdocs.yml`, minus our hook and
templates, and as a plain MkDocs + Material site is: with no `plugins` key, so MkDocs adds its
`search`, Material's search plugin, which builds a search index as our build writes its own.
What it measures is how long MkDocs alone takes to publish the same content, search included.
Each other language is a second plain project, written the same way from its own config
(`mkdocs.es.yml`, merged onto `mkdocs.yml`) and its own hand-written pages.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import (
    PILLAR_TITLES,
    PILLAR_VARIANTS,
    Citation,
    Cohort,
    Pillar,
    School,
    Story,
    source_ids,
)
from showcase.data.models import WeekOfAction as Week
from showcase.pages.paging import paginate
from showcase.pages.views import human_date, story_date

NOT_RECORDED = "*Not yet recorded*"
T = TypeVar("T")
# Our own keys in mkdocs.yml, which plain MkDocs has no use for; and `plugins`, which ours sets
# empty (the site writes its own search index): without the key, MkDocs adds `search`.
_OURS_ONLY = ("hooks", "watch", "extra", "plugins")
# How a twin writes a generated page from its structured Markdown.
Rewrite = Callable[[str], str]


def structured(markdown: str) -> str:
    """The structured twin's pages: the Markdown as written, tables and lists."""
    return markdown


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking each `!ENV [NAME, default]` at its default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """The settings in an mkdocs.yml, each `!ENV` setting at its default."""
    # A SafeLoader that also reads `!ENV`: nothing else in the file is constructed.
    config: dict[str, Any] = yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader)
    return config


def inherit(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The settings of `child`, whose `INHERIT` names `parent`, merged as MkDocs merges them:
    mappings key by key, anything else (lists, text) replaced by the child's."""
    merged = dict(parent)
    for key, value in child.items():
        if key == "INHERIT":
            continue
        if isinstance(value, dict) and isinstance(parent.get(key), dict):
            merged[key] = inherit(parent[key], value)
        else:
            merged[key] = value
    return merged


def write_plain_project(
    catalog: Catalog,
    project: dict[str, Any],
    docs_dir: Path,
    folder: Path,
    rewrite: Rewrite = structured,
) -> Path:
    """Write `folder/mkdocs.yml` and `folder/docs/`, a copy of `docs_dir` with the generated
    pages added as Markdown, each written by `rewrite`; return the path of the config. The
    hand-written pages stay as they are, as ours builds them from the same Markdown."""
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(docs_dir, docs)
    home = docs / "index.md"
    home.write_text(home_markdown(catalog, home.read_text("utf-8"), rewrite), "utf-8")
    for src_path, markdown in generated_pages(catalog):
        (docs / src_path).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_path).write_text(rewrite(markdown), "utf-8")
    for story in catalog.stories.values():
        for photo in story.photos:
            target = docs / urls.story(story.slug) / photo.file
            shutil.copyfile(story.origin.file.parent / photo.file, target)
    return write_mkdocs_config(folder / "mkdocs.yml", plain_config(project, catalog))


def write_mkdocs_config(path: Path, config: dict[str, Any]) -> Path:
    """Write `config` as YAML, keys in their order, accented letters as they are."""
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def plain_config(project: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """The project's MkDocs settings without our hook, templates and plugin list (so with
    Material's search); our sections in the nav, school and story pages out of it, as the hook
    does."""
    config = {key: value for key, value in project.items() if key not in _OURS_ONLY}
    config["theme"] = {k: v for k, v in project["theme"].items() if k != "custom_dir"}
    config["docs_dir"] = "docs"
    sections = [
        {"Schools": [urls.source_path(urls.SCHOOLS)]},
        {"Cohorts": _paths([urls.COHORTS] + [urls.cohort(c) for c in catalog.cohorts])},
        {"Week of Action": _paths([urls.WEEKS] + [urls.week(y) for y in catalog.weeks])},
        {"Pillars": _paths([urls.PILLARS] + [urls.pillar(p) for p in Pillar])},
    ]
    nav = project.get("nav") or []
    config["nav"] = nav[:1] + sections + nav[1:]
    stories = posixpath.dirname(urls.story("x").rstrip("/"))
    # The second and later pages of every list (`.../page/2/`), as ours keeps them out too.
    config["not_in_nav"] = f"/{urls.SCHOOLS}*/\n/{stories}/\npage/\n"
    return config


def _paths(page_urls: Iterable[str]) -> list[str]:
    return [urls.source_path(url) for url in page_urls]


@dataclass
class _Page:
    """The Markdown of one page, with links relative to it as people write them."""

    url: str
    catalog: Catalog
    lines: list[str] = field(default_factory=list)
    cited: dict[str, str] = field(default_factory=dict)

    def link(self, text: str, url: str) -> str:
        here = posixpath.dirname(urls.source_path(self.url)) or "."
        return f"[{text}]({posixpath.relpath(urls.source_path(url), here)})"

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def cite(self, citations: list[Citation]) -> str:
        shown = []
        for source_id in source_ids(citations):
            source = self.catalog.sources[source_id]
            entry = f"[{source.title}]({source.url})" if source.url else f"*{source.title}*"
            self.cited.setdefault(source_id, f"- {source.name}: {entry}")
            shown.append(f"[{source.name}]({source.url})" if source.url else source.name)
        return "(source: " + "; ".join(shown) + ")"

    def markdown(
        self, description: str, contributed_by: str | None = None, *, sources: bool = True
    ) -> str:
        """The page with its description and, unless `sources` is false, its sources."""
        cited = [f"- Contributed by {contributed_by}, through a reviewed pull request."]
        cited = (cited if contributed_by else []) + list(self.cited.values())
        footer = ["## Sources", "", *(cited or ["No source recorded."])] if sources else []
        front = f"---\ndescription: {json.dumps(description)}\n---\n\n"
        return front + "\n".join([*self.lines, *footer]) + "\n"

    def breadcrumbs(self, *crumbs: tuple[str, str]) -> None:
        self.add(" › ".join(self.link(text, url) for text, url in crumbs), "")

    def school_list(self, schools: Iterable[School]) -> None:
        for school in schools:
            cohorts = [self.catalog.cohorts[lst.cohort].name for lst in school.cohorts]
            if not cohorts:
                cohorts = ["Cohort not given" if school.designated else "Partner network school"]
            level = school.level.label if school.level else "Level not yet recorded"
            self.add(f"- {self.link(school.name, urls.school(school.slug))}  ")
            self.add(f"  {level} · {', '.join(dict.fromkeys(cohorts))}")
            if school.aliases:
                self.add(f"  Also: {', '.join(school.aliases)}")
        self.add("")

    def story_list(self, stories: Iterable[Story]) -> None:
        for story in stories:
            names = ", ".join(self.catalog.schools[slug].name for slug in story.schools)
            self.add(f"- {self.link(story.title, urls.story(story.slug))}  ")
            self.add(f"  {story_date(story.date)} · {names}  ", f"  {story.summary}")
        self.add("")

    def facts(self, facts: Iterable[tuple[str, list[Citation]]]) -> None:
        self.add(*(f"- {text} {self.cite(sources)}" for text, sources in facts), "")


def generated_pages(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(source path, Markdown) of every page that our hook generates."""
    pages: list[tuple[str, str]] = [(urls.SCHOOLS, directory_page(catalog))]
    pages += [(urls.school(s.slug), school_page(catalog, s)) for s in catalog.schools.values()]
    pages += [(urls.COHORTS, cohorts_page(catalog))]
    pages += [(urls.cohort(c.id), cohort_page(catalog, c)) for c in catalog.cohorts.values()]
    pages += [(urls.WEEKS, weeks_page(catalog))]
    pages += [(urls.week(w.year), week_page(catalog, w)) for w in catalog.weeks.values()]
    pages += [(urls.story(s.slug), story_page(catalog, s)) for s in catalog.stories.values()]
    pages += [(urls.PILLARS, pillars_page(catalog))]
    pages += [(urls.pillar(p), pillar_page(catalog, p)) for p in Pillar]
    pages += _later_pages(catalog)
    return ((urls.source_path(url), markdown) for url, markdown in pages)


def _first(items: Sequence[T]) -> Sequence[T]:
    """What the first page of a list shows: our listings go page by page (`paging`)."""
    return paginate(items)[0]


def _later_pages(catalog: Catalog) -> list[tuple[str, str]]:
    """The second and later pages of every list, as ours has them."""
    others = [story for story in catalog.stories.values() if story.week_of_action is None]
    schools: list[tuple[str, str, str, Sequence[School]]] = [
        (urls.SCHOOLS, "", "Schools", list(catalog.schools.values()))
    ]
    schools += [
        (urls.cohort(c.id), "", c.name, catalog.schools_by_cohort.get(c.id, []))
        for c in catalog.cohorts.values()
    ]
    schools += [
        (urls.pillar(p), "schools/", PILLAR_TITLES[p], catalog.schools_by_pillar.get(p, []))
        for p in Pillar
    ]
    stories: list[tuple[str, str, str, Sequence[Story]]] = [(urls.WEEKS, "", "Stories", others)]
    stories += [
        (urls.week(w.year), "", f"Week of Action {w.year}", catalog.stories_by_week.get(w.year, []))
        for w in catalog.weeks.values()
    ]
    stories += [
        (urls.pillar(p), "stories/", PILLAR_TITLES[p], catalog.stories_by_pillar.get(p, []))
        for p in Pillar
    ]
    pages = []
    for first, part, title, listed in schools:
        pages += _pages_after_the_first(catalog, first, part, title, listed, _Page.school_list)
    for first, part, title, told in stories:
        pages += _pages_after_the_first(catalog, first, part, title, told, _Page.story_list)
    return pages


def _pages_after_the_first(
    catalog: Catalog,
    first: str,
    part: str,
    title: str,
    items: Sequence[T],
    show: Callable[[_Page, Sequence[T]], None],
) -> list[tuple[str, str]]:
    chunks = paginate(items)
    pages = []
    for number, chunk in enumerate(chunks[1:], start=2):
        url = urls.listing_page(first, number, part)
        page = _Page(url, catalog)
        page.breadcrumbs(("Home", urls.HOME), (title, first))
        page.add(f"# {title} — page {number}", "", f"Page {number} of {len(chunks)}", "")
        show(page, chunk)
        before = urls.listing_page(first, number - 1, part)
        page.add(page.link("Previous", before))
        if number < len(chunks):
            page.add(page.link("Next", urls.listing_page(first, number + 1, part)))
        pages.append((url, page.markdown(f"{title}, page {number}.", sources=False)))
    return pages


def home_markdown(catalog: Catalog, written: str, rewrite: Rewrite = structured) -> str:
    """The hand-written home page, its front matter taken out (our template's), and after it
    what our template adds, written by `rewrite`."""
    page = _Page(urls.HOME, catalog)
    body = written.split("---\n", 2)[-1] if written.startswith("---\n") else written
    page.add(
        f"**{len(catalog.schools)}** {page.link('schools profiled here', urls.SCHOOLS)} · "
        f"**{len(catalog.cohorts)}** {page.link('cohorts recorded', urls.COHORTS)} · "
        f"**{len(catalog.stories)}** {page.link('stories', urls.WEEKS)}",
        "",
        "## The four pillars",
        "",
        *(f"- {page.link(PILLAR_TITLES[p], urls.pillar(p))}" for p in Pillar),
        "",
        "## Latest stories",
        "",
    )
    page.story_list(list(catalog.stories.values())[:3])
    for week in list(catalog.weeks.values())[:1]:
        link = page.link(f"Week of Action {week.year}: all stories", urls.week(week.year))
        page.add(link + "{ .md-button .md-button--primary }")
    return body + "\n" + rewrite("\n".join(page.lines) + "\n")


def directory_page(catalog: Catalog) -> str:
    page = _Page(urls.SCHOOLS, catalog)
    page.breadcrumbs(("Home", urls.HOME))
    page.add(
        "# Schools", "", f"The {len(catalog.schools)} schools profiled here, each from our sources."
    )
    page.add("")
    page.school_list(_first(list(catalog.schools.values())))
    description = f"The {len(catalog.schools)} schools profiled in the showcase, from its sources."
    return page.markdown(description, sources=False)


def school_summary(catalog: Catalog, school: School) -> str:
    kind = school.level.label.lower() if school.level else "school"
    if school.cohorts:
        names = " and ".join(dict.fromkeys(catalog.cohorts[c.cohort].name for c in school.cohorts))
        return f"{school.name}: a LAUSD community {kind} listed in {names}."
    if school.designated:
        return f"{school.name}: a LAUSD community {kind}; the sources do not give its cohort."
    return (
        f"{school.name}: a {kind} that the initiative's home page lists under a partner "
        "network, not in a cohort."
    )


def school_page(catalog: Catalog, school: School) -> str:
    page = _Page(urls.school(school.slug), catalog)
    page.breadcrumbs(("Home", urls.HOME), ("Schools", urls.SCHOOLS))
    summary = school_summary(catalog, school)
    page.add(f"# {school.name}", "", summary, "")
    if not school.designated:
        page.add(
            "!!! note",
            "",
            "    The initiative's home page lists this school under a partner network.",
            "",
        )
    cohorts = [
        page.link(catalog.cohorts[c.cohort].name, urls.cohort(c.cohort))
        + (f" (listed as “{c.listed_as}”)" if c.listed_as else "")
        for c in school.cohorts
    ]
    for listing in school.cohorts:
        page.cite(listing.sources)
    website = f"[{school.website}]({school.website})" if school.website else None
    details = [
        ("Other names", ", ".join(school.aliases)),
        ("Cohort", ", ".join(cohorts)),
        ("Level", school.level.label if school.level else None),
        ("Campus", school.campus),
        ("Grades", school.grades),
        ("Local District", school.local_district),
        ("Website", website),
    ]
    page.add(*(f"- **{label}:** {value or NOT_RECORDED}" for label, value in details), "")
    if len({c.cohort for c in school.cohorts}) > 1:
        page.add("!!! warning", "", "    The sources list this school in more than one cohort.", "")
    _school_facts(page, school)
    page.add("## Stories", "")
    page.story_list(catalog.stories_by_school.get(school.slug, []))
    page.cite(school.sources)
    return page.markdown(summary)


def _school_facts(page: _Page, school: School) -> None:
    if school.notes:
        page.add("## What the sources say", "")
        page.facts((note.text, note.sources) for note in school.notes)
    for heading, facts in (
        ("Programs and partners", school.programs),
        ("Assets and Needs Assessment priorities", school.ana_priorities),
    ):
        page.add(f"## {heading}", "")
        if not facts:
            page.add(f"{NOT_RECORDED}: our sources do not describe this yet.", "")
        for pillar in Pillar:
            group = [(fact.text, fact.sources) for fact in facts if fact.pillar == pillar]
            if group:
                page.add(f"### {page.link(PILLAR_TITLES[pillar], urls.pillar(pillar))}", "")
                page.facts(group)


def cohorts_page(catalog: Catalog) -> str:
    page = _Page(urls.COHORTS, catalog)
    page.breadcrumbs(("Home", urls.HOME))
    page.add(
        "# Cohorts",
        "",
        "Schools join the initiative in cohorts, groups that start in the same school year.",
        "",
    )
    page.add("| Cohort | Started | Schools added | Community schools that year | Named |")
    page.add("| --- | --- | --- | --- | --- |")
    for cohort in sorted(catalog.cohorts.values(), key=lambda c: c.started):
        added, total = _counts(page, cohort)
        named = len(catalog.schools_by_cohort.get(cohort.id, []))
        link = page.link(cohort.name, urls.cohort(cohort.id))
        page.add(f"| {link} | {cohort.started} | {added} | {total} | {named} |")
    page.add("")
    return page.markdown("How the LAUSD Community Schools Initiative grew, cohort by cohort.")


def _counts(page: _Page, cohort: Cohort) -> tuple[str, str]:
    shown = []
    for counts in (cohort.schools_added, cohort.total_designated):
        texts = [
            f"{c.count}" + (f" ({c.note})" if c.note else "") + " " + page.cite(c.sources)
            for c in counts
        ]
        shown.append("<br>".join(texts) or "*Not stated*")
    return shown[0], shown[1]


def cohort_page(catalog: Catalog, cohort: Cohort) -> str:
    page = _Page(urls.cohort(cohort.id), catalog)
    page.breadcrumbs(("Home", urls.HOME), ("Cohorts", urls.COHORTS))
    page.add(f"# {cohort.name}", "", cohort.description, "")
    added, total = _counts(page, cohort)
    page.add(f"- **Started:** {cohort.started}", f"- **Schools added:** {added}")
    page.add(f"- **Community schools that year:** {total}", "")
    if cohort.funding:
        page.add("## Funding", "")
        page.facts((fact.text, fact.sources) for fact in cohort.funding)
    schools = catalog.schools_by_cohort.get(cohort.id, [])
    page.add(f"## Schools named in this cohort ({len(schools)})", "")
    page.school_list(_first(schools))
    page.cite(cohort.sources)
    return page.markdown(cohort.description)


def _week_dates(week: Week) -> str:
    return f"{human_date(week.start)} – {human_date(week.end)}"


def weeks_page(catalog: Catalog) -> str:
    page = _Page(urls.WEEKS, catalog)
    page.breadcrumbs(("Home", urls.HOME))
    page.add(
        "# Week of Action",
        "",
        "Stories told for the Week of Action, one page for each year recorded.",
        "",
    )
    for week in catalog.weeks.values():
        count = len(catalog.stories_by_week.get(week.year, []))
        page.add(f"- {page.link(f'Week of Action {week.year}', urls.week(week.year))}  ")
        page.add(f"  {_week_dates(week)} · {count} {'story' if count == 1 else 'stories'}")
    page.add("")
    others = [story for story in catalog.stories.values() if story.week_of_action is None]
    if others:
        page.add("## Other stories", "")
        page.story_list(_first(others))
    return page.markdown("Stories from the Community Schools Week of Action, year by year.")


def week_page(catalog: Catalog, week: Week) -> str:
    page = _Page(urls.week(week.year), catalog)
    page.breadcrumbs(("Home", urls.HOME), ("Week of Action", urls.WEEKS))
    stories = catalog.stories_by_week.get(week.year, [])
    page.add(f"# Week of Action {week.year}", "", _week_dates(week), "", week.description, "")
    page.add(f"## Stories ({len(stories)})", "")
    page.story_list(_first(stories))
    page.add("## Schools in these stories", "")
    for slug in dict.fromkeys(slug for story in _first(stories) for slug in story.schools):
        page.add(f"- {page.link(catalog.schools[slug].name, urls.school(slug))}")
    page.add("")
    page.cite(week.sources)
    return page.markdown(week.description)


def story_page(catalog: Catalog, story: Story) -> str:
    page = _Page(urls.story(story.slug), catalog)
    crumbs = [("Home", urls.HOME), ("Week of Action", urls.WEEKS)]
    if story.week_of_action is not None:
        crumbs.append((f"{story.week_of_action}", urls.week(story.week_of_action)))
    page.breadcrumbs(*crumbs)
    page.add(f"# {story.title}", "", story.summary, "")
    schools = [page.link(catalog.schools[s].name, urls.school(s)) for s in story.schools]
    pillars = [page.link(PILLAR_TITLES[p], urls.pillar(p)) for p in story.pillars]
    page.add(f"- **Date:** {story_date(story.date)}", f"- **Schools:** {', '.join(schools)}")
    page.add(f"- **Pillars:** {', '.join(pillars)}")
    if story.week_of_action is not None:
        week = f"Week of Action {story.week_of_action}"
        page.add(f"- **Told for:** {page.link(week, urls.week(story.week_of_action))}")
    page.add("", story.body, "")
    page.add(*(f"![{photo.alt}]({photo.file})\n" for photo in story.photos))
    page.cite(story.sources)
    return page.markdown(story.summary, story.contributed_by)


def pillars_page(catalog: Catalog) -> str:
    page = _Page(urls.PILLARS, catalog)
    page.breadcrumbs(("Home", urls.HOME))
    page.add(
        "# The four pillars", "", "The initiative names four pillars of community schools.", ""
    )
    for pillar in Pillar:
        schools = len(catalog.schools_by_pillar.get(pillar, []))
        stories = len(catalog.stories_by_pillar.get(pillar, []))
        link = page.link(PILLAR_TITLES[pillar], urls.pillar(pillar))
        page.add(f"- {link} · {schools} schools · {stories} stories")
    page.add("")
    return page.markdown("The four pillars of the community schools model.", sources=False)


def pillar_page(catalog: Catalog, pillar: Pillar) -> str:
    page = _Page(urls.pillar(pillar), catalog)
    page.breadcrumbs(("Home", urls.HOME), ("Pillars", urls.PILLARS))
    title = PILLAR_TITLES[pillar]
    page.add(f"# {title}", "")
    variants = [n for n, p in PILLAR_VARIANTS.items() if p == pillar and n != title.lower()]
    if variants:
        page.add("Some sources write it as " + ", ".join(f"“{v.title()}”" for v in variants), "")
    schools = catalog.schools_by_pillar.get(pillar, [])
    stories = catalog.stories_by_pillar.get(pillar, [])
    page.add(f"## Schools ({len(schools)})", "")
    page.school_list(_first(schools))
    page.add(f"## Stories ({len(stories)})", "")
    page.story_list(_first(stories))
    return page.markdown(f"Schools and stories for the pillar {title}.", sources=False)
