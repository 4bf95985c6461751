"""Open data: the site's records as JSON and CSV files, each described by a JSON Schema."""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass

from pydantic import BaseModel, Field

from showcase import urls
from showcase.catalog import Catalog
from showcase.i18n import N_
from showcase.models import Cohort, School, Source, Story

LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class SchoolRecord(School):
    url: str = Field(description="The school's page, relative to the site's address.")


class StoryRecord(Story):
    id: str = Field(description="The story's slug: the name of its data file.")
    url: str = Field(description="The story's page, relative to the site's address.")


class Export(BaseModel):
    as_of: datetime.date = Field(description="The day this file was made from the data.")
    licence: str = Field(description="SPDX id of the licence of this compilation.")
    sources: list[Source] = Field(description="Every source the records below cite.")


class SchoolsExport(Export):
    """`schools.json`: every school with its page address."""

    schools: list[SchoolRecord]


class CohortsExport(Export):
    """`cohorts.json`: every cohort."""

    cohorts: list[Cohort]


class StoriesExport(Export):
    """`stories.json`: every story, newest first."""

    stories: list[StoryRecord]


@dataclass(frozen=True)
class DataFile:
    name: str
    description: str
    records: int
    content: bytes
    schema: str | None


CSV_COLUMNS = [
    "slug",
    "name",
    "aliases",
    "cohorts",
    "designated",
    "level",
    "campus",
    "grades",
    "local_district",
    "website",
    "url",
    "sources",
]


def data_files(catalog: Catalog, as_of: datetime.date) -> list[DataFile]:
    """Every open-data file and its schema, ready to publish under `data/`."""
    base = {"as_of": as_of, "licence": LICENCE, "sources": list(catalog.sources.values())}
    schools = SchoolsExport(
        **base,
        schools=[
            SchoolRecord(**s.model_dump(), url=urls.school(s.slug))
            for s in catalog.schools.values()
        ],
    )
    cohorts = CohortsExport(**base, cohorts=list(catalog.cohorts.values()))
    stories = StoriesExport(
        **base,
        stories=[
            StoryRecord(**s.model_dump(), id=s.slug, url=urls.story(s.slug))
            for s in catalog.stories.values()
        ],
    )
    files = []
    for name, export, count, text in [
        ("schools", schools, len(catalog.schools), N_("Every school, its cohorts and sources.")),
        ("cohorts", cohorts, len(catalog.cohorts), N_("Every cohort, with its sourced figures.")),
        ("stories", stories, len(catalog.stories), N_("Every story, newest first.")),
    ]:
        files.append(DataFile(f"{name}.json", text, count, _json(export), f"{name}.schema.json"))
        schema = type(export).model_json_schema()
        files.append(
            DataFile(
                f"{name}.schema.json",
                f"JSON Schema of {name}.json.",
                0,
                json.dumps(schema, indent=2).encode(),
                None,
            )
        )
    files.append(
        DataFile(
            "schools.csv",
            N_("Every school, one row each, for spreadsheets."),
            len(catalog.schools),
            schools_csv(catalog),
            None,
        )
    )
    return files


def _json(export: BaseModel) -> bytes:
    return export.model_dump_json(indent=1, exclude_defaults=False).encode()


def schools_csv(catalog: Catalog) -> bytes:
    """One row per school; lists are joined with `; `."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for school in catalog.schools.values():
        writer.writerow(
            {
                "slug": school.slug,
                "name": school.name,
                "aliases": "; ".join(school.aliases),
                "cohorts": "; ".join(dict.fromkeys(c.cohort for c in school.cohorts)),
                "designated": "yes" if school.designated else "no",
                "level": school.level.value if school.level else "",
                "campus": school.campus or "",
                "grades": school.grades or "",
                "local_district": school.local_district or "",
                "website": school.website or "",
                "url": urls.school(school.slug),
                "sources": "; ".join(school.sources),
            }
        )
    return output.getvalue().encode("utf-8")
