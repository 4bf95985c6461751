"""What a page in another language than English says about the English it shows."""

from __future__ import annotations

import re

from markupsafe import escape

from showcase.i18n import N_, Language

ENGLISH_DATA_NOTE = N_(
    "The words around the data on this page were translated by a machine and have not yet been "
    "reviewed by a person. The data comes from sources in English and is shown in English."
)
NOTE_CLASS = "cs-english-data"
# Where the page's own content starts and its title ends, as every page template writes them.
_ARTICLE = re.compile(r"<article\b.*?</h1>", re.S)
# Data marked English inside the article: not the header's language switch, which is outside.
_MARKED_ENGLISH = re.compile(r"""\slang=["']?en\b""")
# A story not yet translated already says so, in its own words.
_UNTRANSLATED = "cs-untranslated"


def with_english_data_note(html: str, lang: Language) -> str:
    """`html` with one note under its title when it shows data in English (marked so) on a
    page in `lang`; unchanged in English, where nothing shows in English data: nothing is."""
    if lang.is_default:
        return html
    start = html.find("<article")
    if start < 0 or _UNTRANSLATED in html or NOTE_CLASS in html:
        return html
    if not _MARKED_ENGLISH.search(html, start):
        return html
    heading = _ARTICLE.search(html, start)
    if heading is None:
        return html
    note = f'<p class="admonition note {NOTE_CLASS}">{escape(lang._(ENGLISH_DATA_NOTE))}</p>'
    return html[: heading.end()] + note + html[heading.end() :]
