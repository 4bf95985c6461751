"""`make bench` keeps working: a smoke run at 100 schools, one build of each. No timings."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SiteReader

from benchmarks import bench
from benchmarks.bench_data import NAME_PREFIX, write_data_set
from benchmarks.bench_plain import read_mkdocs_config
from benchmarks.first_visit import KINDS, Timing, pages_to_visit, transfer_of
from showcase import urls
from showcase.data.catalog import Catalog, read_catalog
from showcase.data.names import comparable_name
from showcase.publish.site_search import FOLDER

SCHOOLS = 100
COLUMNS = ("N", "pages", "ours s", "plain s", "ratio", "peak MB", "output MB", "index KB")
# The folders of the languages after the first (`es/`), as mkdocs.yml lists them.
TRANSLATED = [
    language["folder"] for language in bench.translations(read_mkdocs_config(bench.PROJECT_CONFIG))
]


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str, Path]:
    out = tmp_path_factory.mktemp("bench")
    report = out / "bench.json"
    printed = io.StringIO()
    # One throttled visit to each page: the smoke run checks that timings are reported, not
    # what they are.
    arguments = ["--sizes", str(SCHOOLS), "--runs", "1", "--visits", "1"]
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = bench.main([*arguments, "--out", str(out), "--json", str(report)])
    assert status == 0, printed.getvalue()
    return json.loads(report.read_text("utf-8")), printed.getvalue(), out


def _names(catalog: Catalog) -> set[str]:
    return {
        comparable_name(name)
        for school in catalog.schools.values()
        for name in [school.name, *school.aliases]
    }


def test_the_synthetic_data_validates_and_never_names_a_real_school(
    tmp_path: Path, catalog: Catalog
) -> None:
    size = write_data_set(tmp_path, SCHOOLS)
    synthetic = read_catalog(tmp_path)

    assert len(synthetic.schools) == size.schools == SCHOOLS
    assert len(synthetic.stories) == size.stories
    assert 2 * SCHOOLS <= size.stories <= 4 * SCHOOLS
    assert all(school.name.startswith(NAME_PREFIX) for school in synthetic.schools.values())
    assert not _names(synthetic) & _names(catalog)
    assert not set(synthetic.schools) & set(catalog.schools)
    assert not set(synthetic.stories) & set(catalog.stories)


def test_both_builds_succeed_and_the_report_has_every_column(
    smoke_run: tuple[dict[str, Any], str, Path],
) -> None:
    report, printed, out = smoke_run
    (row,) = report["sizes"]

    assert row["schools"] == SCHOOLS
    for key in ("ours_s", "plain_s", "ratio", "ours_peak_mb", "plain_peak_mb"):
        assert row[key] > 0, key
    for key in ("ours_output_mb", "plain_output_mb", "ours_index_kb", "ours_index_kb_per_page"):
        assert row[key] > 0, key
    header = next(line for line in printed.splitlines() if line.lstrip().startswith("N "))
    assert all(column in header for column in COLUMNS)
    # What a visitor downloads: every kind of page in both languages, compressed smaller than
    # stored, and searches that found the school they looked for, the dialog's costing more
    # than the API's alone (it loads the Component UI).
    pages = [*KINDS, *(f"es_{kind}" for kind in KINDS)]
    for name in [*pages, "search", "dialog_search", "component_ui"]:
        assert 0 < row[f"{name}_gzip_kb"] <= row[f"{name}_raw_kb"], name
    assert row["profile_gzip_kb"] < row["profile_raw_kb"] / 2
    assert row["component_ui_gzip_kb"] < row["dialog_search_gzip_kb"]
    assert row["search_gzip_kb"] < row["dialog_search_gzip_kb"]
    # The timings of a throttled first visit to each page (one visit each here): measured, not
    # judged, since a test's pass must not depend on how busy the machine is.
    for name in pages:
        assert row[f"{name}_lcp_ms"] > 0 and row[f"{name}_tbt_ms"] >= 0, name
    lines = printed.splitlines()
    downloads = next(i for i, line in enumerate(lines) if line.startswith("Downloads"))
    assert lines[downloads + 1].split() == ["N", "language", *KINDS]
    assert [line.split()[1] for line in lines[downloads + 2 : downloads + 4]] == ["en", "es"]
    timings = next(i for i, line in enumerate(lines) if line.startswith("First visit on a slow"))
    assert lines[timings + 1].split() == ["N", "language", *KINDS]
    assert any(line.startswith("  LCP < 2.5 s on every page at N=100") for line in lines)
    assert any(line.startswith("  TBT < 200 ms on every page at N=100") for line in lines)
    transfers = report["sizes"][0]["raw"]["transfers"]
    assert transfers["search_results"] >= 1 and transfers["dialog_results"] >= 1
    assert TRANSLATED == ["es/"]
    for name in ("ours", "plain"):
        site = out / f"n{SCHOOLS}" / name / "site"
        assert (site / "schools" / "index.html").is_file()
        # Both sides publish the Spanish half too.
        for folder in TRANSLATED:
            assert (site / folder / "index.html").is_file(), (name, folder)
            assert (site / folder / "schools" / "index.html").is_file(), (name, folder)
    # Ours searches both languages with one Pagefind index (plain MkDocs, with our plugins,
    # none, has no search).
    languages = json.loads(
        (out / f"n{SCHOOLS}" / "ours" / "site" / FOLDER / "pagefind-entry.json").read_text("utf-8")
    )["languages"]
    assert set(languages) == {"en", "es"}


def test_the_plain_twin_has_a_page_for_every_generated_page(
    smoke_run: tuple[dict[str, Any], str, Path],
) -> None:
    _, _, out = smoke_run
    sites = {name: out / f"n{SCHOOLS}" / name / "site" for name in ("ours", "plain")}
    pages = {
        name: {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
        for name, site in sites.items()
    }

    # Ours may publish pages of other kinds (open data…); the twin covers these sections,
    # in every language.
    stories = urls.story("x").removesuffix("x/")
    english = (urls.SCHOOLS, urls.COHORTS, urls.WEEKS, urls.PILLARS, stories)
    sections = tuple(folder + section for folder in ["", *TRANSLATED] for section in english)
    assert not [page for page in pages["ours"] - pages["plain"] if page.startswith(sections)]
    assert pages["plain"] <= pages["ours"]
    assert len(pages["plain"]) > 3 * SCHOOLS


def test_a_host_gzips_text_and_sends_images_as_they_are() -> None:
    text = b"<p>Synthetic School</p>" * 100
    page = transfer_of("schools/x/", text)
    assert (page.raw, page.requests) == (len(text), 1)
    assert page.gzip < page.raw / 10
    assert transfer_of("assets/app.js", text).gzip == page.gzip
    picture = bytes(range(256)) * 4
    assert transfer_of("schools/x/preview.png", picture).gzip == len(picture)
    assert (page + page).raw == 2 * len(text)


def test_a_page_of_each_kind_is_chosen_from_the_data_and_exists(
    catalog: Catalog, site: SiteReader
) -> None:
    pages = pages_to_visit(catalog)
    assert list(pages) == list(KINDS)
    assert len(set(pages.values())) == len(KINDS)
    for kind, url in pages.items():
        assert site.file(url).is_file(), (kind, url)


def _downloads(profile_gzip_kb: float, search_gzip_kb: float) -> dict[str, float]:
    return {
        "profile_gzip_kb": profile_gzip_kb,
        "profile_raw_kb": profile_gzip_kb * 4,
        "search_gzip_kb": search_gzip_kb,
        "search_raw_kb": search_gzip_kb,
    }


def test_the_download_targets_are_said_plainly() -> None:
    met = bench.download_targets({54: _downloads(70, 100), 10000: _downloads(75, 299)})
    assert len(met) == 2
    assert "within 10%: yes, met" in met[0] and "+7.1% gzip" in met[0]
    assert "under 300 KB (gzip): yes, met" in met[1]
    missed = bench.download_targets({54: _downloads(70, 100), 10000: _downloads(78, 300)})
    assert "within 10%: no, MISSED" in missed[0]
    assert "under 300 KB (gzip): no, MISSED" in missed[1]
    assert bench.download_targets({1000: _downloads(70, 100)}) == []


def test_the_timing_budgets_name_the_pages_that_miss_them() -> None:
    quick = Timing(lcp_ms=[1200, 2600, 1300], tbt_ms=[0, 250, 40])
    slow = Timing(lcp_ms=[2400, 2600, 2700], tbt_ms=[150, 210, 300])
    met = bench.timing_targets({54: {"home": quick, "es/home": quick}})
    assert met == [
        "  LCP < 2.5 s on every page at N=54 (median of 3): met",
        "  TBT < 200 ms on every page at N=54 (median of 3): met",
    ]
    missed = bench.timing_targets({54: {"home": quick, "es/about": slow}})
    assert missed[0].endswith(": MISSED on es/about (2.60 s)")
    assert missed[1].endswith(": MISSED on es/about (210 ms)")
    assert bench.timing_targets({54: {}}) == []
