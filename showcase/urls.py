"""Where each kind of page lives. Every URL on the site is made here, nowhere else."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from showcase.data.models import Pillar

HOME = ""
SCHOOLS = "schools/"
COHORTS = "cohorts/"
WEEKS = "week-of-action/"
PILLARS = "pillars/"
ABOUT = "about/"


def school(slug: str) -> str:
    return f"{SCHOOLS}{slug}/"


def cohort(cohort_id: str) -> str:
    return f"{COHORTS}{cohort_id}/"


def week(year: int) -> str:
    return f"{WEEKS}{year}/"


FEED = "feed.xml"
DATA = "data/"


def week_feed(year: int) -> str:
    return f"{week(year)}feed.xml"


def story(slug: str) -> str:
    return f"stories/{slug}/"


def pillar(value: Pillar) -> str:
    return f"{PILLARS}{value.value}/"


def listing_page(first: str, number: int, part: str = "") -> str:
    """Page `number` of a listing whose first page is at `first`: `schools/`, `schools/page/2/`…
    `part` names the listing where one page holds two (`pillars/x/stories/page/2/`)."""
    return first if number == 1 else f"{first}{part}page/{number}/"


def at(url: str, anchor: str) -> str:
    """The place named `anchor` on the page at `url`."""
    return f"{url}#{anchor}"


def source_path(url: str) -> str:
    """The source file name that an engine uses for the page at `url`."""
    return f"{url}index.md" if url else "index.md"


# The profile issue form of each language (`.github/ISSUE_TEMPLATE/`): the same fields, so that
# a maintainer reads either the same way.
PROFILE_FORMS = {"en": "profile.yml", "es": "profile-es.yml"}


def profile_form(repository: str, language: str, title: str, answers: dict[str, str]) -> str:
    """The repository's new-issue address for the profile form in `language` (a code, "en" or
    "es"), with its title and the answers under their field ids filled in."""
    template = PROFILE_FORMS[language]
    query = urlencode({"template": template, "title": title, **answers}, quote_via=quote)
    return f"{repository.rstrip('/')}/issues/new?{query}"
