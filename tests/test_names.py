"""School names compared as people read them, so one school is not entered twice."""

from __future__ import annotations

import pytest

from showcase.data.names import comparable_name


@pytest.mark.parametrize(
    ("written", "other_way"),
    [
        ("Hillcrest Dr. Elementary School", "Hillcrest Drive Elementary School"),
        ("Hillcrest Dr Elementary", "Hillcrest Drive Elementary School"),
        ("Bertrand ES", "Bertrand Elementary School"),
        ("Bertrand Elementary", "Bertrand Elementary School"),
        ("Leland St", "Leland Street"),
        ("Leland St. Elementary", "Leland Street ES"),
        ("4th St Primary Cntr", "4th Street Primary Center"),
        ("Mt. Vernon MS", "Mount Vernon Middle School"),
        ("Sample Ave HS", "Sample Avenue High School"),
        ("SAMPLE  avenue, high school", "Sample Avenue High School"),
        ("Escuela Nuestra Señora", "Escuela Nuestra Senora"),
    ],
)
def test_one_name_written_two_ways_compares_equal(written: str, other_way: str) -> None:
    assert comparable_name(written) == comparable_name(other_way)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hillcrest Drive Elementary School", "Hillside Drive Elementary School"),
        ("Bertrand Elementary School", "Bertrand Middle School"),
        ("Bertrand ES", "Bertrand HS"),
        ("Leland Street Elementary School", "Leland Avenue Elementary School"),
        ("Leland Street", "Leland"),
        ("4th Street Primary Center", "4th Street Elementary School"),
        ("4th Street Elementary School", "14th Street Elementary School"),
        ("Sample Avenue Elementary School", "Sample Avenue Elementary School Annex"),
    ],
)
def test_two_different_schools_do_not_compare_equal(one: str, other: str) -> None:
    assert comparable_name(one) != comparable_name(other)


def test_an_abbreviation_inside_a_word_is_left_alone() -> None:
    # `St` expands only as a word of its own, never inside `Stanford` or `West`.
    assert comparable_name("Stanford Avenue ES") == "stanford avenue elementary"
    assert comparable_name("West Vernon Avenue ES") == "west vernon avenue elementary"
