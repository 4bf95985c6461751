"""The site's languages and their interface strings.

English is written in the code and the templates as `_("…")`; other languages translate
those strings in a gettext catalogue, `locale/<code>/LC_MESSAGES/messages.po`, which
translators can edit with any PO editor. A string missing from a catalogue shows in English,
and a test fails so that it does not stay so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po

LOCALE = Path(__file__).parent / "locale"
CATALOGUE = "LC_MESSAGES/messages.po"
DEFAULT = "en"


def N_(message: str) -> str:  # noqa: N802 (the name gettext tools look for)
    """Marks a string for translation where it is written; it is translated where shown."""
    return message


@dataclass(frozen=True)
class Language:
    """A language of the site: `folder` is where its pages live (`""` for the default)."""

    code: str
    name: str
    folder: str = ""
    _messages: dict[str, str | tuple[str, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def is_default(self) -> bool:
        return self.code == DEFAULT

    def _(self, message: str) -> str:
        """`message` in this language; with `{name}` fields, fill them with `.format()`."""
        translated = self._messages.get(message)
        if isinstance(translated, tuple):  # the same words also serve as a plural's singular
            return translated[0]
        return translated or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of `singular`/`plural` for `count`, in this language; `%(num)d` is the count."""
        forms = self._messages.get(singular)
        if isinstance(forms, tuple):
            return forms[0] if count == 1 else forms[-1]
        return singular if count == 1 else plural

    def date(self, value: datetime.date) -> str:
        """April 23, 2024 · 23 de abril de 2024."""
        return format_date(value, format="long", locale=self.code)

    def dates(self, start: datetime.date, end: datetime.date) -> str:
        """April 22, 2024 – April 26, 2024 · del 22 al 26 de abril de 2024."""
        if self.is_default:
            return f"{self.date(start)} – {self.date(end)}"
        # Spanish names a span "del … al …", saying the month and year once where they repeat.
        if (start.year, start.month) == (end.year, end.month):
            first = format_date(start, "d", locale=self.code)
        elif start.year == end.year:
            first = format_date(start, "d 'de' MMMM", locale=self.code)
        else:
            first = self.date(start)
        return self._("from {start} to {end}").format(start=first, end=self.date(end))

    def month(self, year: int, month: int) -> str:
        """April 2024 · abril de 2024."""
        pattern = "MMMM y" if self.is_default else "MMMM 'de' y"
        return format_date(datetime.date(year, month, 1), pattern, locale=self.code)

    def text(self, english: str, translated: str | None) -> Text:
        """A data field shown in this language: the translation when there is one."""
        if self.is_default:
            return Text(english, None)
        return Text(translated, None) if translated else Text(english, DEFAULT)


@dataclass(frozen=True)
class Text:
    """A text from the data; `lang` is set when it is not in the page's language."""

    text: str
    lang: str | None

    def __str__(self) -> str:
        return self.text


def counterpart(url: str, here: Language, there: Language) -> str:
    """The address of the page at `url` in language `here`, in language `there`, relative
    to the page (each language's pages sit in its folder, under the same paths)."""
    depth = url.count("/") + here.folder.count("/")
    return "../" * depth + there.folder + url


def language(code: str, name: str, folder: str = "") -> Language:
    return Language(code, name, folder, {} if code == DEFAULT else messages(code))


@cache
def messages(code: str) -> dict[str, str | tuple[str, ...]]:
    """The translated strings of one language's catalogue, fuzzy and empty ones left out;
    a plural message is kept under its singular, with its forms."""
    with (LOCALE / code / CATALOGUE).open("rb") as file:
        catalog = read_po(file, locale=code)
    found: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            forms = tuple(str(form) for form in message.string or ())
            if all(forms):
                found[str(message.id[0])] = forms
        elif message.string:
            found[str(message.id)] = str(message.string)
    return found


ENGLISH = language(DEFAULT, "English")
