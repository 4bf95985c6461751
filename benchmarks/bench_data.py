"""Synthetic showcases of any size, written in the real data format for `benchmarks.bench`.

Every generated name starts with "Synthetic", so no generated school can collide with a real
one, and every text is plain enough to pass the validator's safety rules. The same seed
always writes the same files.
"""

from __future__ import annotations

import datetime
import random
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from showcase.data.load import COHORTS_FILE, SCHOOLS_FILE, SOURCES_FILE, WEEKS_FILE, story_file
from showcase.data.models import Level, Pillar

NAME_PREFIX = "Synthetic"
SOURCE_COUNT = 20
COHORT_STARTS = ("2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25")
WEEK_YEARS = (2021, 2022, 2023, 2024, 2025)
DISTRICTS = ("North", "East", "South", "West", "Central")
HEADER = "# Synthetic data written by `make bench`; every name in it starts with `Synthetic`.\n"

ACTIVITIES = (
    "a family resource fair",
    "an after-school robotics club",
    "a school garden",
    "a parent leadership program",
    "a mobile health clinic",
    "a family reading night",
    "a college and career day",
    "a weekly food pantry",
    "a community mural",
    "a student advisory council",
    "a music program",
    "a wellness workshop series",
)
GROUPS = ("parents", "families", "students", "teachers", "neighbors", "student leaders")
PARTNERS = (
    "a neighborhood clinic",
    "the public library",
    "a local university",
    "a youth sports league",
    "a food bank",
    "an arts nonprofit",
    "a community college",
)
OUTCOMES = (
    "more families came to school events than the year before",
    "attendance rose over the rest of the semester",
    "students asked for a second session in the fall",
    "the school council added the work to next year's plan",
    "volunteers signed up to help again",
    "teachers saw students arrive more ready to learn",
)


@dataclass(frozen=True)
class DataSetSize:
    """What a synthetic data set holds."""

    schools: int
    stories: int


def school_name(number: int) -> str:
    return f"{NAME_PREFIX} School {number:05d}"


def school_slug(number: int) -> str:
    return f"synthetic-school-{number:05d}"


def write_data_set(folder: Path, schools: int, seed: int = 7) -> DataSetSize:
    """Write the five kinds of data file for `schools` schools and about three stories each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / SOURCES_FILE, "sources", _sources())
    _write(folder / COHORTS_FILE, "cohorts", _cohorts(rng))
    _write(folder / WEEKS_FILE, "weeks", _weeks())
    _write(folder / SCHOOLS_FILE, "schools", (_school(rng, n) for n in range(1, schools + 1)))
    stories = 0
    for number in range(1, schools + 1):
        for index in range(rng.choice((1, 2, 3, 4, 5))):
            slug = f"{school_slug(number)}-story-{index + 1}"
            date, week = _story_date(rng)
            path = folder / story_file(int(date[:4]), slug)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(HEADER + _story(rng, number, schools, date, week), "utf-8")
            stories += 1
    return DataSetSize(schools, stories)


def _write(path: Path, key: str, records: Iterator[str]) -> None:
    with path.open("w", encoding="utf-8") as output:
        output.write(f"{HEADER}{key}:\n")
        for record in records:
            output.write(record + "\n")


def _folded(name: str, text: str, indent: int, *, item: bool = False) -> str:
    """`name: >-` and the text wrapped below it, as people write long text in the data;
    `item` starts a list item (`- name: >-`) at `indent`."""
    key = f"{' ' * indent}- {name}" if item else f"{' ' * indent}{name}"
    pad = " " * (len(key) - len(name) + 2)
    lines = textwrap.wrap(text, 92 - len(pad))
    return f"{key}: >-\n" + "\n".join(pad + line for line in lines) + "\n"


def _source_ids(rng: random.Random, count: int = 1) -> str:
    ids = sorted({f"synthetic-source-{rng.randint(1, SOURCE_COUNT):02d}" for _ in range(count)})
    return "[" + ", ".join(ids) + "]"


def _sentence(rng: random.Random, school: str) -> str:
    activity, partner = rng.choice(ACTIVITIES), rng.choice(PARTNERS)
    first, second = rng.sample(GROUPS, 2)
    return rng.choice(
        (
            f"{school} ran {activity} with {partner}.",
            f"{first.capitalize()} and {second} planned it together over {rng.randint(2, 12)} "
            "weeks.",
            f"By the end of the year, {rng.choice(OUTCOMES)}.",
            f"The idea came out of the school's Assets and Needs Assessment, where {first} "
            f"asked for {activity}.",
            f"{partner.capitalize()} brought staff twice a month, and {second} ran the sign-in "
            "table.",
        )
    )


def _paragraph(rng: random.Random, school: str, sentences: int) -> str:
    return " ".join(_sentence(rng, school) for _ in range(sentences))


def _sources() -> Iterator[str]:
    for number in range(1, SOURCE_COUNT + 1):
        url = f"    url: https://example.org/synthetic/source-{number:02d}\n" if number % 3 else ""
        yield (
            f"  - id: synthetic-source-{number:02d}\n"
            f"    title: {NAME_PREFIX} report number {number}\n"
            f"    publisher: {NAME_PREFIX} Publisher {number % 5 + 1}\n"
            f"{url}"
            f'    published: "20{20 + number % 6}"\n'
        )


def _cohorts(rng: random.Random) -> Iterator[str]:
    for number, started in enumerate(COHORT_STARTS, start=1):
        yield (
            f"  - id: synthetic-cohort-{number}\n"
            f"    name: {NAME_PREFIX} Cohort {number}\n"
            f"    started: {started}\n"
            + _folded("description", _paragraph(rng, f"Cohort {number}", 3), 4)
            + "    schools_added:\n"
            f"      - count: {rng.randint(5, 40)}\n"
            f"        note: Schools added in {started}\n"
            f"        sources: {_source_ids(rng)}\n"
            "    funding:\n"
            + _folded("text", _paragraph(rng, f"Cohort {number}", 2), 6, item=True)
            + f"        sources: {_source_ids(rng, 2)}\n"
            f"    sources: {_source_ids(rng, 2)}\n"
        )


def _weeks() -> Iterator[str]:
    for year in WEEK_YEARS:
        yield (
            f"  - year: {year}\n"
            f"    start: {year}-04-20\n"
            f"    end: {year}-04-24\n"
            + _folded("description", f"The {year} Week of Action across the synthetic schools.", 4)
            + f"    sources: [synthetic-source-{year % SOURCE_COUNT + 1:02d}]\n"
        )


def _school(rng: random.Random, number: int) -> str:
    name = school_name(number)
    lines = [f"  - slug: {school_slug(number)}\n", f"    name: {name}\n"]
    if rng.random() < 0.2:
        lines.append(f"    aliases: [{NAME_PREFIX} Academy {number:05d}]\n")
    if rng.random() < 0.03:
        lines.append("    designated: false\n")
    if rng.random() < 0.9:
        lines.append(f"    level: {rng.choice(list(Level)).value}\n")
    if rng.random() < 0.5:
        lines.append("    grades: TK-5\n")
    if rng.random() < 0.6:
        lines.append(f"    local_district: {NAME_PREFIX} District {rng.choice(DISTRICTS)}\n")
    if rng.random() < 0.3:
        lines.append(f"    website: https://example.org/synthetic/schools/{number:05d}\n")
    lines.append(_school_cohorts(rng))
    lines.append(_facts(rng, name, "notes", rng.randint(0, 2), with_pillar=False))
    lines.append(_facts(rng, name, "programs", rng.randint(0, 3), with_pillar=True))
    lines.append(_facts(rng, name, "ana_priorities", rng.randint(0, 2), with_pillar=True))
    lines.append(f"    sources: {_source_ids(rng, 2)}\n")
    return "".join(lines)


def _school_cohorts(rng: random.Random) -> str:
    count = rng.choices((0, 1, 2), weights=(10, 85, 5))[0]
    if not count:
        return ""
    cohorts = rng.sample(range(1, len(COHORT_STARTS) + 1), count)
    return "    cohorts:\n" + "".join(
        f"      - cohort: synthetic-cohort-{cohort}\n        sources: {_source_ids(rng)}\n"
        for cohort in cohorts
    )


def _facts(rng: random.Random, school: str, field: str, count: int, *, with_pillar: bool) -> str:
    if not count:
        return ""
    facts = []
    for _ in range(count):
        pillar = f"      - pillar: {rng.choice(list(Pillar)).value}\n" if with_pillar else ""
        text = _paragraph(rng, school, 2)
        text = _folded("text", text, 8) if with_pillar else _folded("text", text, 6, item=True)
        facts.append(pillar + text + f"        sources: {_source_ids(rng)}\n")
    return f"    {field}:\n" + "".join(facts)


def _story_date(rng: random.Random) -> tuple[str, int | None]:
    year = rng.choice(WEEK_YEARS)
    if rng.random() < 0.7:
        return f"{year}-04-{rng.randint(20, 24)}", year
    if rng.random() < 0.15:
        return f"{year}-{rng.randint(1, 12):02d}", None
    day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
    return day.isoformat(), None


def _story(rng: random.Random, number: int, schools: int, date: str, week: int | None) -> str:
    name = school_name(number)
    slugs = [school_slug(number)]
    if schools > 1 and rng.random() < 0.1:
        slugs.append(school_slug(number % schools + 1))
    pillars = rng.sample(list(Pillar), rng.randint(1, 2))
    activity = rng.choice(ACTIVITIES)
    text = [
        f"title: {name} starts {activity}\n",
        f"date: {date}\n",
        f"week_of_action: {week}\n" if week else "",
        f"schools: [{', '.join(slugs)}]\n",
        "pillars: [" + ", ".join(p.value for p in pillars) + "]\n",
        _folded("summary", f"{name} started {activity} with {rng.choice(PARTNERS)}.", 0),
        "body: |\n" + textwrap.indent(_story_body(rng, name), "  "),
    ]
    if rng.random() < 0.5:
        text.append(f"sources: {_source_ids(rng)}\n")
    else:
        text.append(f"contributed_by: Community School Coordinator, {name}\n")
    return "".join(text)


def _story_body(rng: random.Random, school: str) -> str:
    paragraphs = [
        "\n".join(textwrap.wrap(_paragraph(rng, school, rng.randint(3, 5)), 88))
        for _ in range(rng.randint(2, 4))
    ]
    if rng.random() < 0.3:
        paragraphs.insert(1, "\n".join(f"- **{g.capitalize()}** took part" for g in GROUPS[:3]))
    if rng.random() < 0.3:
        link = f"https://example.org/synthetic/{rng.randint(1, 99)}"
        paragraphs.append(f"Read more on [the partner's page]({link}).")
    return "\n\n".join(paragraphs) + "\n"
