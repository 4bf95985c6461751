"""Citations in hand-written pages, shown as the data's facts are: the words they stand on.

A Python-Markdown extension for the syntax of `showcase.markdown.page_citations`:
`[(LAUSD CSI home page)]{cite=lausd-csi-home quote="gargantuan task"}`. The mention stays in
the prose as written; the words of the source open below the paragraph, list item or table
cell that holds it, in the disclosure the templates draw for a data fact (the `evidence` macro
of `overrides/partials/showcase.html`, rendered here with the same template): no
JavaScript, reachable from the keyboard, its interface words in the page's language
(`language`, set by the hook from the MkDocs config's `theme.language`). Where one paragraph
cites several sources, one disclosure shows the words of each, in order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)

from jinja2 import Environment, FileSystemLoader
from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from showcase.data.models import Basis
from showcase.i18n import DEFAULT, Language, Text, language
from showcase.markdown.page_citations import CITATION, PageCitation, parse_braces, read_sources
from showcase.pages.views import Evidence, SourceRef, Words

MARK = "data-cs-citation"
MENTION_CLASS = "cs-cited"
# The elements a disclosure may follow (a paragraph, a heading) or end (the others).
AFTER = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}
INSIDE = {"li", "td", "th", "dd", "dt", "blockquote"}


class CitationPattern(InlineProcessor):
    def __init__(self, found: list[tuple[PageCitation, ...]]) -> None:
        super().__init__(CITATION.pattern)
        self.compiled_re = re.compile(CITATION.pattern, re.DOTALL)
        self.found = found

    def handleMatch(  # type: ignore[override]  # noqa: N802 (Python-Markdown's name)
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        mention = etree.Element("span", {"class": MENTION_CLASS, MARK: str(len(self.found))})
        mention.text = " ".join(m.group("label").split())
        self.found.append(parse_braces(m.group("sources")))
        return mention, m.start(0), m.end(0)


class CitationEvidence(Treeprocessor):
    def __init__(
        self,
        md: Markdown,
        found: list[tuple[PageCitation, ...]],
        sources: Mapping[str, Mapping[str, Any]],
        templates: str,
        lang: Language,
    ) -> None:
        super().__init__(md)
        self.found = found
        self.sources = sources
        self.templates = templates
        self.lang = lang

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        blocks: dict[etree.Element, list[tuple[PageCitation, ...]]] = {}
        for mention in list(root.iter("span")):
            index = mention.attrib.pop(MARK, None)
            if index is None:
                continue
            block = _holder(mention, parents)
            if block is not None:
                blocks.setdefault(block, []).append(self.found[int(index)])
        for block, cited in blocks.items():
            html = self.disclosure([c for citations in cited for c in citations])
            if not html:
                continue
            placeholder = self.md.htmlStash.store(html)
            if block.tag in AFTER and block in parents:
                parent = parents[block]
                holder = etree.Element("p")
                holder.text = placeholder
                holder.tail, block.tail = block.tail, "\n"
                parent.insert(list(parent).index(block) + 1, holder)
            else:
                last = block[-1] if len(block) else None
                if last is None:
                    block.text = (block.text or "") + placeholder
                else:
                    last.tail = (last.tail or "") + placeholder
        self.found.clear()

    def disclosure(self, citations: list[PageCitation]) -> str:
        evidence = self.evidence(citations)
        return str(_macros(self.templates, self.lang.code).evidence(evidence)) if evidence else ""

    def evidence(self, citations: list[PageCitation]) -> Evidence | None:
        """The words behind a paragraph's mentions, in the form a data fact's take."""
        words = []
        for citation in dict.fromkeys(citations):
            source = self.sources.get(citation.source)
            basis = citation.how
            if source is None or basis is None:
                continue  # reported by the check that runs before the build
            note = Text(citation.note, None) if citation.note else None
            words.append(Words(self.ref(source), citation.quote, basis, note))
        if not words:
            return None
        bases = {w.basis for w in words}
        overall = next(
            b.value for b in (Basis.INFERRED, Basis.QUOTED, Basis.SUMMARISED) if b in bases
        )
        return Evidence(tuple(words), overall)

    def ref(self, source: Mapping[str, Any]) -> SourceRef:
        title = self.lang.text(str(source.get("title", "")), source.get("title_es"))
        publisher = source.get("publisher")
        return SourceRef(
            str(source["id"]),
            title.text,
            publisher or title.text,
            source.get("url"),
            publisher,
            source.get("published"),
            title.lang,
        )


def _holder(
    element: etree.Element, parents: dict[etree.Element, etree.Element]
) -> etree.Element | None:
    """The paragraph, heading, list item or cell a mention is part of."""
    node = parents.get(element)
    while node is not None and node.tag not in AFTER | INSIDE:
        node = parents.get(node)
    return node


@cache
def _macros(templates: str, code: str) -> Any:
    """The macros of the templates in the folder `templates`, translated into the language
    `code`."""
    lang = language(code, code)
    env = Environment(
        loader=FileSystemLoader(templates), autoescape=True, extensions=["jinja2.ext.i18n"]
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lang._, ngettext=lang.ngettext, newstyle=True
    )
    # MkDocs's own filter, which other macros of the file use; the evidence has no site links.
    env.filters["url"] = str
    return env.get_template("partials/showcase.html").module


class CitationsExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "language": [DEFAULT, "The page's language: `theme.language` (set by the hook)."],
            # The project's files, not the package's: the hook (or a test) names them.
            "sources": ["", "The sources file the pages cite."],
            "templates": ["", "The folder of `partials/showcase.html` (the site's overrides)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        found: list[tuple[PageCitation, ...]] = []
        sources = read_sources(Path(self.getConfig("sources")))
        code = str(self.getConfig("language"))
        # Before every other inline pattern (backticks are 190), so that nothing reads the
        # quoted words as Markdown.
        md.inlinePatterns.register(CitationPattern(found), "page_citations", 200)
        # After the inline patterns (20), before `toc` (5) and the table regions (1).
        templates = str(self.getConfig("templates"))
        evidence = CitationEvidence(md, found, sources, templates, language(code, code))
        md.treeprocessors.register(evidence, "page_citation_evidence", 15)


def makeExtension(**kwargs: Any) -> CitationsExtension:  # noqa: N802 (Markdown's name)
    return CitationsExtension(**kwargs)
