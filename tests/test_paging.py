"""Cutting a list into pages, and the page numbers a navigation shows."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showcase.pages.paging import PageNav, page_nav, page_numbers, paginate


@given(st.lists(st.integers()), st.integers(min_value=1, max_value=60))
def test_every_item_is_on_exactly_one_page_in_order(items: list[int], size: int) -> None:
    pages = paginate(items, size)
    assert [item for page in pages for item in page] == items
    assert len(pages) == max(1, math.ceil(len(items) / size))
    assert all(1 <= len(page) <= size for page in pages) or items == []
    # Only the last page may be short; an empty listing has its first page, empty.
    assert all(len(page) == size for page in pages[:-1])
    assert pages != [()] or items == []


def test_a_page_holds_at_least_one_item() -> None:
    with pytest.raises(ValueError, match="at least one"):
        paginate([1, 2], 0)


@given(st.data(), st.integers(min_value=1, max_value=500))
def test_the_navigation_shows_first_last_and_neighbours(data: st.DataObject, count: int) -> None:
    current = data.draw(st.integers(min_value=1, max_value=count))
    numbers = page_numbers(current, count)
    shown = [n for n in numbers if n is not None]
    assert shown == sorted(set(shown))
    assert {1, count, current} <= set(shown)
    assert {n for n in (current - 1, current + 1) if 1 <= n <= count} <= set(shown)
    # A gap stands for two numbers or more: one left out would take a number's room anyway.
    for before, gap, after in zip(numbers, numbers[1:], numbers[2:], strict=False):
        if gap is None:
            assert before is not None and after is not None and after - before > 2
    assert len(numbers) <= 7


def test_the_navigation_links_each_page_to_its_neighbours() -> None:
    nav: PageNav = page_nav("Pages", 2, 9, lambda n: f"list/{n}/")
    assert (nav.previous, nav.next) == ("list/1/", "list/3/")
    assert [(p.number, p.current) for p in nav.pages] == [
        (1, False),
        (2, True),
        (3, False),
        (None, False),
        (9, False),
    ]
    assert page_nav("Pages", 1, 1, str).previous is None
    assert page_nav("Pages", 9, 9, str).next is None


def test_page_numbers_refuse_a_page_outside_the_listing() -> None:
    with pytest.raises(ValueError):
        page_numbers(3, 2)
