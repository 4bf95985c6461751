"""Markdown tables as named, keyboard-focusable scroll regions.

A table wider than a phone's screen scrolls sideways inside its own box, and a box that
scrolls must be reachable from the keyboard and named for screen readers (WCAG 2.1.1 and
4.1.2; axe's `scrollable-region-focusable`). This Python-Markdown extension wraps every table
of a Markdown page in ``<div class="cs-table" role="region" tabindex="0" aria-labelledby=…>``,
named by the heading above it, exactly as the templates write their tables. The table itself
gets the class ``cs-table__grid``, so Material's script leaves it alone instead of adding a
second scroll wrapper around it.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
REGION_CLASS = "cs-table"
TABLE_CLASS = "cs-table__grid"


class TableRegions(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._wrap(root, heading=None)

    def _wrap(self, parent: etree.Element, heading: etree.Element | None) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag in HEADINGS:
                heading = child
            elif child.tag == "table":
                parent[index] = _region(child, heading)
            else:
                self._wrap(child, heading)


def _region(table: etree.Element, heading: etree.Element | None) -> etree.Element:
    region = etree.Element("div", {"class": REGION_CLASS, "role": "region", "tabindex": "0"})
    if heading is not None and heading.get("id"):
        region.set("aria-labelledby", heading.get("id", ""))
    else:
        # No heading to name it: the column headings say what the table holds.
        columns = ", ".join("".join(th.itertext()).strip() for th in table.iter("th"))
        region.set("aria-label", columns or "Table")
    table.set("class", TABLE_CLASS)
    region.append(table)
    return region


class TableRegionsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After `toc` (priority 5), so that headings already carry their ids.
        md.treeprocessors.register(TableRegions(md), "table_regions", 1)


def makeExtension(**kwargs: object) -> TableRegionsExtension:  # noqa: N802 (Markdown's name)
    return TableRegionsExtension(**kwargs)
