"""The records of the showcase: what a cohort, a school, a story and a source are.

These models are the single source of truth for the data format: the loader validates
YAML against them and `showcase schema` exports them as the JSON Schema files that editors
use to check the YAML as it is typed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from showcase.data.flyer_fit import fits_summary, fits_title
from showcase.data.origin import Origin
from showcase.i18n import N_

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SCHOOL_YEAR_PATTERN = r"^(19|20)\d{2}-\d{2}$"

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lower-case letters, digits and single hyphens, e.g. `leland-street-es`."),
]


# Set in the validation context when the build that started this one checked the same files a
# moment ago (`load_data(checked=True)`): what only measures, the flyer's line count, is skipped.
CHECKED = "checked"


def _measured(check: Callable[[str], str]) -> Callable[[str, ValidationInfo], str]:
    def validate(value: str, info: ValidationInfo) -> str:
        return value if info.context and info.context.get(CHECKED) else check(value)

    return validate


def _no_angle_brackets(text: str) -> str:
    if "<" in text or ">" in text:
        raise ValueError("must not contain `<` or `>`: write plain text without HTML tags")
    return text


PlainText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_no_angle_brackets),
]
"""A short line of plain text: a name, a title, one sentence."""

# What a printed flyer (one page of US Letter or A4) has room for: its title takes at most four
# lines and its summary at most seven (`docs/assets/showcase.css`, `@media print`), measured in
# the flyer's own font by `showcase.data.flyer_fit`; the character limits are what an
# editor's schema can see of that.
FLYER_TITLE_MAX = 90
FLYER_SUMMARY_MAX = 240

# A story is read on a phone: ten thousand characters is about fifteen minutes of reading.
STORY_BODY_MAX = 10_000

FlyerTitle = Annotated[
    PlainText, StringConstraints(max_length=FLYER_TITLE_MAX), AfterValidator(_measured(fits_title))
]
"""The title of a page that prints as a flyer: a school's name, a story's headline."""

LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    AfterValidator(_no_angle_brackets),
]
"""A paragraph of plain text."""

SpanishText = Annotated[
    LongText | None,
    Field(description="The same text in Spanish, shown on the Spanish pages."),
]
"""An optional Spanish version of the text field before it."""

SchoolYear = Annotated[
    str,
    StringConstraints(pattern=SCHOOL_YEAR_PATTERN),
    Field(description="A school year written like `2023-24`."),
]


class Choice(StrEnum):
    """A fixed choice in the data, stored as a slug and shown with its label."""

    @property
    def label(self) -> str:
        return CHOICE_LABELS[self]


class Pillar(Choice):
    """The four pillars of the community schools model, one spelling each."""

    INTEGRATED_STUDENT_SUPPORTS = "integrated-student-supports"
    EXPANDED_LEARNING = "expanded-learning-opportunities"
    FAMILY_AND_COMMUNITY_ENGAGEMENT = "family-and-community-engagement"
    COLLABORATIVE_LEADERSHIP = "collaborative-leadership"


PILLAR_TITLES: dict[Pillar, str] = {
    Pillar.INTEGRATED_STUDENT_SUPPORTS: N_("Integrated Student Supports"),
    Pillar.EXPANDED_LEARNING: N_("Expanded and Enhanced Learning Opportunities"),
    Pillar.FAMILY_AND_COMMUNITY_ENGAGEMENT: N_("Active Family and Community Engagement"),
    Pillar.COLLABORATIVE_LEADERSHIP: N_("Collaborative Leadership and Practices"),
}

# Spellings found in the sources, mapped onto the one we publish.
PILLAR_VARIANTS: dict[str, Pillar] = {
    "expanded and enriched learning opportunities": Pillar.EXPANDED_LEARNING,
    **{title.lower(): pillar for pillar, title in PILLAR_TITLES.items()},
}


def _pillar_from_any_spelling(value: Any) -> Any:
    if isinstance(value, str):
        return PILLAR_VARIANTS.get(value.strip().lower(), value.strip().lower())
    return value


def _title_case(words: str) -> str:
    return " ".join(w if w == "and" else w.capitalize() for w in words.split())


# What an editor's schema offers: the slug, or a pillar's name as the sources write it.
PILLAR_SPELLINGS = sorted(
    {p.value for p in Pillar}
    | set(PILLAR_TITLES.values())
    | set(PILLAR_VARIANTS)
    | {_title_case(v) for v in PILLAR_VARIANTS}
)

PillarName = Annotated[
    Pillar,
    BeforeValidator(_pillar_from_any_spelling),
    WithJsonSchema({"type": "string", "enum": PILLAR_SPELLINGS}),
]


class Level(Choice):
    """What kind of school it is, as its name or the source's heading says."""

    PRIMARY_CENTER = "primary-center"
    ELEMENTARY = "elementary"
    MIDDLE = "middle"
    HIGH = "high"
    SPAN = "span"
    CONTINUATION = "continuation"


LEVEL_TITLES: dict[Level, str] = {
    Level.PRIMARY_CENTER: N_("Primary center"),
    Level.ELEMENTARY: N_("Elementary school"),
    Level.MIDDLE: N_("Middle school"),
    Level.HIGH: N_("High school"),
    Level.SPAN: N_("Span school"),
    Level.CONTINUATION: N_("Continuation high school"),
}

CHOICE_LABELS: dict[Choice, str] = {
    choice: label for titles in (PILLAR_TITLES, LEVEL_TITLES) for choice, label in titles.items()
}


class Record(BaseModel):
    """Base of every record: strict about unknown fields, and knows where it was read."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin:
        if self._origin is None:
            raise RuntimeError(
                f"{type(self).__name__} has no origin: it was built without one, or is nested "
                "in a record of a catalog, which keeps only its files' records' origins"
            )
        return self._origin


class Basis(StrEnum):
    """How a fact follows from the words of its source."""

    QUOTED = "quoted"
    INFERRED = "inferred"
    SUMMARISED = "summarised"


Quote = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=600),
    AfterValidator(_no_angle_brackets),
    Field(
        description="The source's own words that support the fact, copied exactly (a short "
        "excerpt); `…` marks words left out."
    ),
]


class Evidence(Record):
    """The words of a source that support a fact, and how the fact follows from them."""

    quote: Quote | None = None
    basis: Basis | None = Field(
        default=None,
        description="`quoted`: the words say it (the default with a quote); `inferred`: a "
        "reading of the words, explained in `note`; `summarised`: a source whose text the "
        "repository does not hold, so there are no words to quote.",
    )
    note: PlainText | None = Field(
        default=None,
        description="What was inferred from the words, and how; required with `inferred`.",
    )
    note_es: SpanishText = None

    @model_validator(mode="after")
    def _basis_fits_the_words(self) -> Evidence:
        basis = self.basis
        if basis is Basis.INFERRED and not self.note:
            raise ValueError(
                "an inferred fact needs a `note` saying what was inferred from the words: add "
                "`note:`, e.g. `The article says “On Tuesday”; the week began on Monday, April 22`"
            )
        if basis in {Basis.QUOTED, Basis.INFERRED} and not self.quote:
            raise ValueError(
                f"a {basis} fact needs the words it stands on: add `quote:` with the "
                "source's words, copied exactly"
            )
        if basis is Basis.SUMMARISED and self.quote:
            raise ValueError(
                "a summarised fact has no words to quote: remove `quote`, or mark it `quoted`"
            )
        return self

    @property
    def how(self) -> Basis | None:
        """How the fact follows from its source; None where nothing says (no evidence)."""
        if self.basis is None and self.quote:
            return Basis.QUOTED
        return self.basis


class Citation(Evidence):
    """One source of a fact, with the words of it that support the fact."""

    source: Slug = Field(description="The id of an entry in `data/sources.yaml`.")


def _citation_from_id(value: Any) -> Any:
    # A bare id is a citation without its words.
    return {"source": value} if isinstance(value, str) else value


CitationList = list[
    Annotated[Citation, BeforeValidator(_citation_from_id, json_schema_input_type=Slug | Citation)]
]

Citations = Annotated[
    CitationList,
    Field(
        min_length=1,
        description="The sources that say this: ids in `data/sources.yaml`, each with the "
        "words that support it (`source`, `quote`, and `basis`, `note` where needed).",
    ),
]


def source_ids(citations: list[Citation]) -> list[str]:
    """The ids of the sources cited, each once, in order."""
    return list(dict.fromkeys(citation.source for citation in citations))


class Source(Record):
    """A public document that facts on the site come from."""

    id: Slug = Field(description="The id that records use to cite this source.")
    title: PlainText = Field(description="The document's own title.")
    title_es: PlainText | None = Field(
        default=None,
        description="Only for a title the site writes itself, where the document's own is not "
        "recorded: the same description in Spanish.",
    )
    publisher: PlainText | None = Field(
        default=None,
        description="Who published it, e.g. `UTLA`; left out where the document does not say "
        "(an unsigned press release).",
    )
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = Field(
        default=None, description="Its public address, only where the address is known."
    )
    published: PlainText | None = Field(
        default=None, description="When it was published, as precisely as the source says."
    )
    archived_as: PlainText | None = Field(
        default=None,
        description="File name of the project's copy under `shared/sources/`, if there is one.",
    )
    dated_by: Evidence | None = Field(
        default=None,
        description="The words of the document that give `published`; `inferred` with a note "
        "where the date is worked out from them.",
    )

    @property
    def name(self) -> str:
        """What a citation calls it: its publisher, or its title where none is known."""
        return self.publisher or self.title


class SourcedFact(Record):
    """One statement, with the sources that make it."""

    text: LongText = Field(description="The statement, in our own words.")
    text_es: SpanishText = None
    sources: Citations


class SourcedCount(Record):
    """A number that a source gives; where sources disagree, list one per source."""

    count: int = Field(ge=0, description="The number as the source gives it.")
    note: PlainText | None = Field(default=None, description="What exactly was counted.")
    sources: Citations


class Cohort(Record):
    """A group of schools that joined the initiative in the same school year."""

    id: Slug = Field(description="Stable id, e.g. `cohort-4`.")
    name: PlainText = Field(description="Display name, e.g. `Cohort IV`.")
    name_es: PlainText | None = Field(
        default=None, description="The display name in Spanish, e.g. `Cohorte IV`."
    )
    started: SchoolYear = Field(description="The school year the cohort started.")
    description: LongText = Field(description="A short description, from the sources.")
    description_es: SpanishText = None
    schools_added: list[SourcedCount] = Field(
        default_factory=list, description="How many schools the cohort added, per source."
    )
    total_designated: list[SourcedCount] = Field(
        default_factory=list,
        description="How many community schools the initiative had in the cohort's first year.",
    )
    funding: list[SourcedFact] = Field(
        default_factory=list, description="What the sources say of the cohort's funding."
    )
    sources: Citations


class CohortsFile(Record):
    """`data/cohorts.yaml`."""

    cohorts: list[Cohort]


class CohortListing(Record):
    """A source that lists the school in a cohort."""

    cohort: Slug = Field(description="Id of a cohort in `data/cohorts.yaml`.")
    listed_as: PlainText | None = Field(
        default=None, description="The name the source uses there, if it differs."
    )
    sources: Citations


class PillarFact(Record):
    """A program, partner or priority of a school, under one pillar."""

    pillar: PillarName
    text: LongText = Field(description="What it is, in our own words.")
    text_es: SpanishText = None
    sources: Citations


class School(Record):
    """A public school in the initiative, or listed beside it by a source."""

    slug: Slug = Field(description="Stable id used in URLs and by stories.")
    name: FlyerTitle = Field(description="The school's name as the sources give it.")
    aliases: list[PlainText] = Field(
        default_factory=list, description="Other names that the sources use for this school."
    )
    cohorts: list[CohortListing] = Field(
        default_factory=list,
        description="Cohorts a source lists the school in; empty where no source gives one.",
    )
    designated: bool = Field(
        default=True,
        description="False for a school listed only beside the initiative (a partner network).",
    )
    level: Level | None = Field(default=None, description="Only where a source says it.")
    campus: PlainText | None = Field(
        default=None, description="The learning complex it belongs to, where a source says so."
    )
    grades: PlainText | None = Field(default=None, description="Grades served, e.g. `TK-5`.")
    local_district: PlainText | None = Field(
        default=None, description="LAUSD Local District, where a source says it."
    )
    website: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
    notes: list[SourcedFact] = Field(
        default_factory=list, description="Other facts about the school."
    )
    programs: list[PillarFact] = Field(
        default_factory=list, description="Programs and partners, by pillar."
    )
    ana_priorities: list[PillarFact] = Field(
        default_factory=list, description="Priorities from its Assets and Needs Assessment."
    )
    sources: Citations


class SchoolsFile(Record):
    """`data/schools.yaml`."""

    schools: list[School]


class WeekOfAction(Record):
    """One year's Community Schools Week of Action."""

    year: int = Field(ge=2000, le=2100)
    start: datetime.date
    end: datetime.date
    description: LongText
    description_es: SpanishText = None
    sources: Citations

    @field_validator("end")
    @classmethod
    def _ends_after_it_starts(cls, end: datetime.date, info: ValidationInfo) -> datetime.date:
        start = info.data.get("start")
        if isinstance(start, datetime.date) and end < start:
            raise ValueError(
                f"the week ends ({end}) before it starts ({start}): swap the two dates, "
                "or correct the one that is wrong"
            )
        return end


class WeeksFile(Record):
    """`data/weeks-of-action.yaml`."""

    weeks: list[WeekOfAction]


class Disagreement(Record):
    """A point on which the sources say different things: each side with its own words,
    shown together on one page and never resolved by us."""

    id: Slug = Field(description="Stable id, also the anchor of its box on the page.")
    topic: PlainText = Field(description="What the sources disagree on, e.g. `Cohort II's start`.")
    topic_es: PlainText | None = Field(default=None, description="The topic in Spanish.")
    text: LongText = Field(description="What differs, in our own words, naming the sources.")
    text_es: SpanishText = None
    cohort: Slug | None = Field(default=None, description="The cohort whose page shows it.")
    school: Slug | None = Field(default=None, description="The school whose page shows it.")
    pillar: PillarName | None = Field(default=None, description="The pillar whose page shows it.")
    sides: list[SourcedFact] = Field(
        min_length=2, description="What each source says, with its words: two or more."
    )

    @model_validator(mode="after")
    def _shown_on_one_page(self) -> Disagreement:
        if sum(value is not None for value in (self.cohort, self.school, self.pillar)) != 1:
            raise ValueError(
                "a disagreement is shown on one page: give exactly one of `cohort`, `school` "
                "or `pillar`"
            )
        return self


class DisagreementsFile(Record):
    """`data/disagreements.yaml`."""

    disagreements: list[Disagreement]


class SourcesFile(Record):
    """`data/sources.yaml`."""

    sources: list[Source]


_PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


# Lower-case words joined by hyphens, then the kind of image: nothing a shell, a web server or
# another folder could read as more than a name.
_PHOTO_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:jpg|jpeg|png|webp)")


def _photo_file_name(name: str) -> str:
    if not name.lower().endswith(_PHOTO_SUFFIXES) or "/" in name or name.startswith("."):
        raise ValueError(
            "must be the name of a JPEG, PNG or WebP file in the story's own folder, "
            "e.g. `parents-meeting.jpg`"
        )
    if not _PHOTO_NAME.fullmatch(name):
        raise ValueError(
            "must be lower-case letters, digits and hyphens, then .jpg, .jpeg, .png or .webp: "
            "rename the file, e.g. `parents-meeting.jpg`"
        )
    return name


def _consent_given(consent: bool) -> bool:
    if not consent:
        raise ValueError(
            "a photo may only be published with recorded consent: set `consent: true` once "
            "written consent is on file, or remove the photo"
        )
    return consent


class Photo(Record):
    """A photo shown with a story."""

    file: Annotated[str, AfterValidator(_photo_file_name)] = Field(
        description="File name, next to the story file."
    )
    alt: PlainText = Field(
        description="What the photo shows, for people who cannot see it (10 characters or more)."
    )
    consent: Annotated[bool, AfterValidator(_consent_given)] = Field(
        description="`true` only when written consent for every identifiable person is on file."
    )

    @field_validator("alt")
    @classmethod
    def _alt_describes_the_photo(cls, alt: str, info: ValidationInfo) -> str:
        file = str(info.data.get("file", "")).lower()
        if alt.lower() in {file, file.rsplit(".", 1)[0]}:
            raise ValueError(
                "the alt text is only the file name: describe what the photo shows, "
                "e.g. `Parents and teachers planting the school garden`"
            )
        if len(alt) < 10:
            raise ValueError(
                "the alt text is too short to describe the photo: write at least 10 "
                "characters saying what it shows"
            )
        return alt


def _real_date(text: str) -> str:
    year, month, *day = (int(part) for part in text.split("-"))
    try:
        datetime.date(year, month, day[0] if day else 1)
    except ValueError:
        raise ValueError(
            f"`{text}` is not a real date: write YYYY-MM-DD with a real month and day, "
            "or YYYY-MM when the source gives only the month"
        ) from None
    return text


StoryDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
    AfterValidator(_real_date),
    Field(description="`YYYY-MM-DD`, or `YYYY-MM` when the source gives only the month."),
]


_ABBREVIATION_BEFORE_DOT = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|St|Ave|Blvd|Jr|Sr|No|Dept|e\.g|i\.e|etc|vs|U\.S|L\.A|[A-Z])\.$"
)


def _sentence(text: str) -> str:
    for match in re.finditer(r"[.!?][\"'”’)]?\s+(?=[A-Z0-9“\"])", text):
        if not _ABBREVIATION_BEFORE_DOT.search(text[: match.start() + 1]):
            raise ValueError("should be one sentence: move the rest into `body`")
    return text


SPANISH_STORY_FIELDS = ("title_es", "summary_es", "body_es", "translated_by")


class Story(Record):
    """A success story, one file per story under `data/stories/<year>/<slug>.yaml`."""

    title: FlyerTitle = Field(description="A short headline.")
    date: StoryDate = Field(description="When it happened: `YYYY-MM-DD`, or `YYYY-MM`.")
    week_of_action: int | None = Field(
        default=None, description="The Week of Action year it belongs to; leave out if none."
    )
    schools: list[Slug] = Field(min_length=1, description="Slugs of the schools it is about.")
    pillars: list[PillarName] = Field(min_length=1, description="The pillars it shows.")
    summary: Annotated[
        PlainText,
        StringConstraints(max_length=FLYER_SUMMARY_MAX),
        AfterValidator(_sentence),
        AfterValidator(_measured(fits_summary)),
    ] = Field(description="One sentence that says what happened.")
    body: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=STORY_BODY_MAX)
    ] = Field(
        description="The story in Markdown, at most 10,000 characters. No HTML, no student "
        "surnames, no contact details."
    )
    photos: list[Photo] = Field(default_factory=list)
    sources: CitationList = Field(
        default_factory=list,
        description="The public articles this story retells: ids in `data/sources.yaml`, each "
        "with the words of it that the story stands on.",
    )
    dated_by: Citation | None = Field(
        default=None,
        description="The words of a source that give the story's date; `inferred` with a note "
        "where the date is worked out from them (a weekday, the month of the article).",
    )
    contributed_by: PlainText | None = Field(
        default=None,
        description="Who submitted the story, by role and school, e.g. "
        "`Community School Coordinator, Leland Street Elementary`. Never a student.",
    )
    title_es: FlyerTitle | None = Field(default=None, description="The title in Spanish.")
    summary_es: (
        Annotated[
            PlainText,
            StringConstraints(max_length=FLYER_SUMMARY_MAX),
            AfterValidator(_sentence),
            AfterValidator(_measured(fits_summary)),
        ]
        | None
    ) = Field(default=None, description="The summary in Spanish, one sentence.")
    body_es: (
        Annotated[
            str, StringConstraints(strip_whitespace=True, min_length=1, max_length=STORY_BODY_MAX)
        ]
        | None
    ) = Field(default=None, description="The story in Spanish, Markdown, with the same rules.")
    translated_by: PlainText | None = Field(
        default=None,
        description="Who wrote the Spanish text, by role (a person or a service), e.g. "
        "`Parent volunteer, Leland Street Elementary`; `machine translation, not reviewed` "
        "if a tool wrote it. Required with the Spanish fields.",
    )

    _slug: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        return self._slug

    @property
    def year(self) -> int:
        return int(self.date[:4])
