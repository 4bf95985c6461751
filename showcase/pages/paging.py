"""Long lists cut into pages of a fixed size, and the links that lead from page to page.

48 to a page: a school card is about 400 bytes of HTML, so a full page of cards stays near
20 KB on a phone however many schools the showcase holds; and 48 divides into rows of 1, 2, 3
or 4 cards, so no grid ends with a gap before the last page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

PAGE_SIZE = 48

T = TypeVar("T")


def paginate(items: Sequence[T], size: int = PAGE_SIZE) -> list[tuple[T, ...]]:
    """`items` cut into pages of `size`, in order; an empty list is one empty page, so that a
    listing always has its first page."""
    if size < 1:
        raise ValueError(f"a page holds at least one item, not {size}")
    return [tuple(items[start : start + size]) for start in range(0, len(items), size)] or [()]


def page_numbers(current: int, count: int, around: int = 1) -> list[int | None]:
    """The page numbers a navigation shows, in order: the first, the last, `current` and
    `around` pages either side of it; None where numbers are left out. A gap of one number is
    shown as the number, which takes no more room than the gap would."""
    if not 1 <= current <= count:
        raise ValueError(f"page {current} is not one of {count}")
    shown = sorted({1, count, *range(max(1, current - around), min(count, current + around) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - (numbers[-1] or 0) == 2:
            numbers.append(number - 1)
        elif numbers and number - (numbers[-1] or 0) > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


@dataclass(frozen=True)
class PageLink:
    """One entry of a page navigation: a page's number and address, or a gap (no number)."""

    number: int | None
    url: str | None
    current: bool = False


@dataclass(frozen=True)
class PageNav:
    """How a visitor moves between the pages of one listing; `label` names the navigation."""

    label: str
    number: int
    count: int
    pages: tuple[PageLink, ...]
    previous: str | None
    next: str | None


def page_nav(label: str, number: int, count: int, address: Callable[[int], str]) -> PageNav:
    """The navigation shown on page `number` of `count`; `address` gives each page's URL."""
    return PageNav(
        label=label,
        number=number,
        count=count,
        pages=tuple(
            PageLink(n, address(n), n == number) if n else PageLink(None, None)
            for n in page_numbers(number, count)
        ),
        previous=address(number - 1) if number > 1 else None,
        next=address(number + 1) if number < count else None,
    )
