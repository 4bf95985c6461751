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
from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from showcase.resources import LOCALE

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
    _messages: NullTranslations = field(default_factory=NullTranslations, repr=False, compare=False)

    @property
    def is_default(self) -> bool:
        return self.code == DEFAULT

    def _(self, message: str) -> str:
        """`message` in this language; with `{name}` fields, fill them with `.format()`."""
        translated = self._messages.gettext(message)
        if translated == message:  # the same words may serve only as a plural's singular
            return self._messages.ngettext(message, message, 1)
        return translated

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of `singular`/`plural` for `count` that the catalogue's `Plural-Forms`
        picks, in this language; `%(num)d` is the count."""
        return self._messages.ngettext(singular, plural, count)

    def date(self, value: datetime.date) -> str:
        """April 23, 2024 · 23 de abril de 2024."""
        return _long_date(value, self.code)

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
    return Language(code, name, folder, NullTranslations() if code == DEFAULT else messages(code))


@cache
def messages(code: str) -> Translations:
    """One language's catalogue, read with Babel; fuzzy messages, empty ones and plurals with a
    form missing are left out (they show in English), and plural forms are chosen by the
    catalogue's own `Plural-Forms` rule."""
    return catalogue(LOCALE / code / CATALOGUE, code)


def catalogue(path: Path, code: str) -> Translations:
    with path.open("rb") as file:
        catalog = read_po(file, locale=code)
    for message in list(catalog):
        forms = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.id and (message.fuzzy or not all(forms)):
            catalog.delete(message.id, message.context)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


ENGLISH = language(DEFAULT, "English")


@cache
def _long_date(value: datetime.date, locale: str) -> str:
    # Thousands of stories share a few hundred days; Babel takes 70 µs to write one.
    return format_date(value, format="long", locale=locale)
