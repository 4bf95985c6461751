"""Spanish that a parent in Los Angeles reads as written for them: the glossary's forbidden
forms (`showcase/locale/es/glossary.yaml`, explained in TRANSLATING.md) nowhere in the
catalogue or on a built Spanish page, and no English shown outside text marked English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag
from conftest import ROOT

GLOSSARY = ROOT / "showcase" / "locale" / "es" / "glossary.yaml"
CATALOGUE = ROOT / "showcase" / "locale" / "es" / "LC_MESSAGES" / "messages.po"
# What a reader does not read as prose: scripts, and code such as file names.
UNREAD = {"script", "style", "template", "code", "pre", "kbd"}
# What a string leaves to fill in or wraps around: `%(who)s`, `{year}`, tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]*>")


@dataclass(frozen=True)
class Forbidden:
    pattern: re.Pattern[str]
    use: str


@cache
def forbidden_forms() -> tuple[Forbidden, ...]:
    entries = yaml.safe_load(GLOSSARY.read_text("utf-8"))["forbidden"]
    return tuple(
        Forbidden(re.compile(e["form"], 0 if e.get("case") else re.IGNORECASE), e["use"])
        for e in entries
    )


def glossary_problems(text: str) -> list[str]:
    """Each forbidden form found in `text`, with a little of its context and what to use."""
    found = []
    for form in forbidden_forms():
        for match in form.pattern.finditer(text):
            around = text[max(0, match.start() - 30) : match.end() + 30]
            found.append(f"{match.group(0)!r} in …{around}… (use: {form.use})")
    return found


def spanish_text(element: Tag, lang: str = "es") -> Iterator[str]:
    """The text a reader reads in `element`, leaving out code and whatever is marked English."""
    lang = str(element.get("lang") or lang)
    if element.name in UNREAD or lang.lower().split("-")[0] == "en":
        return
    for child in element.children:
        if isinstance(child, Tag):
            yield from spanish_text(child, lang)
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            yield str(child)


def visible_spanish(html: str) -> str:
    page = BeautifulSoup(html, "html.parser")
    # The title shows in the browser's tab and in search results.
    parts = [*(spanish_text(page.head) if page.head else []), "\n"]
    parts += spanish_text(page.body) if page.body else []
    return " ".join(" ".join(parts).split())


def spanish_pages(site_dir: Path) -> list[Path]:
    return sorted((site_dir / "es").rglob("*.html"))


# --- The glossary -------------------------------------------------------------------------


def test_the_catalogue_has_none_of_the_forbidden_forms() -> None:
    with CATALOGUE.open("rb") as file:
        messages = read_po(file, locale="es")
    problems = []
    for message in messages:
        if not message.id:  # the header
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        for string in strings:
            for problem in glossary_problems(PLACEHOLDER.sub(" ", str(string or ""))):
                problems.append(f"{message.id!r}: {problem}")
    assert not problems, "\n".join(problems)


def test_no_spanish_page_shows_a_forbidden_form(site_dir: Path) -> None:
    problems = [
        f"{path.relative_to(site_dir)}: {problem}"
        for path in spanish_pages(site_dir)
        for problem in glossary_problems(visible_spanish(path.read_text("utf-8")))
    ]
    assert not problems, "\n".join(problems)


def test_the_glossary_check_finds_what_it_forbids() -> None:
    """Negative control: a page written with every kind of mistake the glossary names."""
    page = """<html lang="es"><head><title>Cohort IV</title></head><body>
      <p>El coordinador de la escuela habló con la junta escolar del Distrito Unificado.</p>
      <p>Es un Centro de primaria (preparatoria (high school)) con sus socios.</p>
      <p>Traducción de Ana. “Cita”. Del 22 de abril de 2024 – 26 de abril de 2024; 2024-04-22.</p>
      <p lang="en">The coordinator met the board.</p>
    </body></html>"""
    problems = glossary_problems(visible_spanish(page))
    for wrong in [
        "Cohort",
        "coordinador",
        "junta escolar",
        "Distrito Unificado",
        "Centro de primaria",
        "socios",
        "(high school)",
        "Traducción de",
        "“",
        "2024-04-22",
        "22 de abril de 2024 – 26 de abril de 2024",
    ]:
        assert any(repr(wrong)[1:-1] in problem for problem in problems), wrong
    # What is marked English is the source's own words, not ours.
    assert not any("coordinator" in problem for problem in problems)
