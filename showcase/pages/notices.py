"""What a page in another language than English says about the English it shows."""

from __future__ import annotations

import re

from markupsafe import escape

from showcase.i18n import N_, Language

ENGLISH_DATA_NOTE = N_(
    "The words around the data on this page were translated by a machine and have not yet been "
    "reviewed by a person. The data comes from sources in English and is shown in English."
)
INTERFACE_NOTE = N_(
    "The words on this page were translated by a machine and have not yet been reviewed by a "
    "person."
)
NOTE_CLASS = "cs-english-data"
INTERFACE_CLASS = "cs-machine-interface"
# Where the page's own content starts and its title ends, as every page template writes them.
_ARTICLE = re.compile(r"<article\b.*?</h1>", re.S)
# Data marked English inside the article: not the header's language switch, which is outside.
_MARKED_ENGLISH = re.compile(r"""\slang=["']?en\b""")
# A story not yet translated already says so, in its own words.
_UNTRANSLATED = "cs-untranslated"


def with_english_data_note(html: str, lang: Language) -> str:
    """`html` of a generated page with one note under its title, in a language other than
    English: that its words were machine-translated and, where it shows data in English
    (marked so), that the data is in English; unchanged in English."""
    if lang.is_default:
        return html
    start = html.find("<article")
    if start < 0 or _UNTRANSLATED in html or NOTE_CLASS in html or INTERFACE_CLASS in html:
        return html
    heading = _ARTICLE.search(html, start)
    if heading is None:
        return html
    if _MARKED_ENGLISH.search(html, start):
        kind, message = NOTE_CLASS, ENGLISH_DATA_NOTE
    else:
        kind, message = INTERFACE_CLASS, INTERFACE_NOTE
    # The same note on many pages: site search leaves it out.
    note = f'<p class="admonition note {kind}" data-search-ignore>{escape(lang._(message))}</p>'
    return html[: heading.end()] + note + html[heading.end() :]
