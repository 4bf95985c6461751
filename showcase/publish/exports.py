"""Open data: the site's records as JSON and CSV files, each described by a JSON Schema."""

from __future__ import annotations

import csv
import datetime
import io
import json
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO

from pydantic import BaseModel, Field

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import Cohort, School, Source, Story, source_ids
from showcase.i18n import N_

LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class SchoolRecord(School):
    url: str = Field(description="The school's page, relative to the site's address.")


class StoryRecord(Story):
    id: str = Field(description="The story's slug: the name of its data file.")
    url: str = Field(description="The story's page, relative to the site's address.")


class Export(BaseModel):
    as_of: datetime.date = Field(
        description="The date of the data: the day of the commit it was built from, or the day of "
        "its newest story."
    )
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
    """One open-data file as the Data page lists it; `write` writes its content, made as it
    goes, to an open binary file."""

    name: str
    description: str
    records: int
    schema: str | None
    write: Callable[[BinaryIO], None] = field(repr=False, compare=False)


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


def data_date(catalog: Catalog, source_date_epoch: str | None) -> datetime.date:
    """The date the published data is "as of", the same for every build of the same data: the
    day of `SOURCE_DATE_EPOCH` (seconds since 1970, which the Makefile and the deploy workflow set
    to the time of the commit), or else the day of the newest story (the first of its month where
    only the month is known), never the clock of the machine that builds."""
    if source_date_epoch and source_date_epoch.strip().isdigit():
        moment = datetime.datetime.fromtimestamp(int(source_date_epoch), tz=datetime.UTC)
        return moment.date()
    days = [datetime.date.fromisoformat(f"{s.date}-01"[:10]) for s in catalog.stories.values()]
    return max(days, default=datetime.date(1970, 1, 1))


def data_files(catalog: Catalog, as_of: datetime.date) -> list[DataFile]:
    """Every open-data file and its schema, to publish under `data/`."""
    head = Export(as_of=as_of, licence=LICENCE, sources=list(catalog.sources.values()))
    exports: list[tuple[str, type[Export], Callable[[], Iterable[BaseModel]], int, str]] = [
        (
            "schools",
            SchoolsExport,
            partial(_school_records, catalog),
            len(catalog.schools),
            N_("Every school, its cohorts and sources."),
        ),
        (
            "cohorts",
            CohortsExport,
            catalog.cohorts.values,
            len(catalog.cohorts),
            N_("Every cohort, with its sourced figures."),
        ),
        (
            "stories",
            StoriesExport,
            partial(_story_records, catalog),
            len(catalog.stories),
            N_("Every story, newest first."),
        ),
    ]
    files = []
    for name, model, records, count, text in exports:
        write = partial(_write_export, head, name, records)
        files.append(DataFile(f"{name}.json", text, count, f"{name}.schema.json", write))
        schema = partial(_write_schema, model)
        files.append(
            DataFile(f"{name}.schema.json", f"JSON Schema of {name}.json.", 0, None, schema)
        )
    files.append(
        DataFile(
            "schools.csv",
            N_("Every school, one row each, for spreadsheets."),
            len(catalog.schools),
            None,
            partial(write_schools_csv, catalog),
        )
    )
    return files


# Each record is the validated one with its address added: built from its fields as they are,
# not checked again (a story's check measures its text in the flyer's fonts).


def _school_records(catalog: Catalog) -> Iterator[SchoolRecord]:
    for s in catalog.schools.values():
        yield SchoolRecord.model_construct(**dict(s), url=urls.school(s.slug))


def _story_records(catalog: Catalog) -> Iterator[StoryRecord]:
    for s in catalog.stories.values():
        yield StoryRecord.model_construct(**dict(s), id=s.slug, url=urls.story(s.slug))


def _write_export(
    head: Export, key: str, records: Callable[[], Iterable[BaseModel]], stream: BinaryIO
) -> None:
    """Write `head` with its list `key` of `records`, one record at a time, as pydantic writes
    the whole export with `indent=1`; its JSON Schema is that of the export's model."""
    opening = head.model_dump_json(indent=1).removesuffix("\n}")
    stream.write(f'{opening},\n "{key}": ['.encode())
    separator = "\n"
    for record in records():
        stream.write((separator + textwrap.indent(record.model_dump_json(indent=1), "  ")).encode())
        separator = ",\n"
    stream.write(b"]\n}" if separator == "\n" else b"\n ]\n}")


def _write_schema(model: type[BaseModel], stream: BinaryIO) -> None:
    stream.write(json.dumps(model.model_json_schema(), indent=2).encode())


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert_cell(value: str) -> str:
    """The value as a spreadsheet shows it, never as a formula: `'` in front of a formula."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def write_schools_csv(catalog: Catalog, stream: BinaryIO) -> None:
    """One row per school; lists are joined with `; `; no cell is read as a formula."""
    output = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for school in catalog.schools.values():
        row = {
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
            "sources": "; ".join(source_ids(school.sources)),
        }
        writer.writerow({column: _inert_cell(value) for column, value in row.items()})
    output.flush()
    output.detach()
