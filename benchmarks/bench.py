"""`make bench`: how our build grows with the number of schools, beside plain MkDocs.

For each size N it writes a synthetic data set of N schools outside the repository
(`benchmarks.bench_data`), checks it with the real validator, and writes the same pages for
plain MkDocs + Material twice (`benchmarks.bench_plain`): the structured twin (the same text,
tables and lists, as a person would write them) and the text twin (the same words as plain
paragraphs, `benchmarks.bench_text`), each with Material's search plugin. Then, in every run,
it builds ours cold (an empty cache, as on a fresh clone), ours warm (the cache kept, the
site built again), and each twin once (they have no cache), each `mkdocs build` in a fresh
process, and reports medians. It never imports MkDocs.

Every side publishes every language: our one build of `mkdocs.yml` also builds the Spanish
site (`mkdocs.es.yml`) into `es/`; a twin is one project a language, built one after the
other into the same site, and counts as one build (times and CPU summed, the larger peak).

Beside the build figures it reports what a visitor downloads from our site of that size
(`benchmarks.first_visit`): a first visit to each kind of page in each language, and one search
(through the search module, and as a visitor does it through the header's dialog); and how fast a
first visit is on a slow phone: the median largest contentful paint and total blocking time of
each of those pages, judged against issue #17's budgets. `--control heavy` measures a copy of
the site with a heavy script in every page instead, to see those verdicts fail.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.bench_data import write_data_set
from benchmarks.bench_plain import (
    Rewrite,
    inherit,
    read_mkdocs_config,
    structured,
    write_mkdocs_config,
    write_plain_project,
)
from benchmarks.bench_text import as_paragraphs
from benchmarks.first_visit import (
    KINDS,
    LCP_BUDGET_MS,
    TBT_BUDGET_MS,
    SiteTransfers,
    Timing,
    label,
    measure_site,
)
from benchmarks.throttled_visit import add_heavy_script
from showcase.data.catalog import Catalog, read_catalog
from showcase.data.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
PROJECT_CONFIG = ROOT / "mkdocs.yml"
DEFAULT_SIZES = (54, 1000, 10000)
# The plain MkDocs twins, each writing the generated pages its own way.
TWINS: dict[str, Rewrite] = {"structured": structured, "text": as_paragraphs}
# Our two builds: from an empty cache, then again with the cache it filled.
OURS = ("cold", "warm")
# The targets: a cold build's ratio to each twin at 1,000 schools, its growth from
# 1,000 to 10,000, the peak at 10,000.
TARGET_RATIO, TARGET_GROWTH, TARGET_PEAK_MB = 0.8, 11.0, 500.0
# Issue #17: a profile's first visit at 10,000 schools within 10% of that at 54 (the real
# data's count), and one search at 10,000 under 300 KB.
SMALL, LARGE = 54, 10000
TARGET_FIRST_VISIT_GROWTH, TARGET_SEARCH_KB = 0.10, 300.0


class BenchError(Exception):
    """A build or a data set failed; the message says where to look."""


@dataclass(frozen=True)
class Build:
    """One `mkdocs build`: wall time, CPU time of it and its workers, largest process."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


@dataclass(frozen=True)
class Output:
    """What a build wrote."""

    pages: int
    output_mb: float
    html_kb_per_page: float
    index_kb: float

    @property
    def index_kb_per_page(self) -> float:
        return self.index_kb / self.pages if self.pages else 0.0


NOT_BUILT = Output(0, math.nan, math.nan, math.nan)


@dataclass(frozen=True)
class SizeResult:
    """Every figure for one size N. `builds` holds every build of each side: `cold` and `warm`
    (ours), then each twin built (`structured`, `text`); `outputs` what each side wrote;
    `load_averages` the machine's 1-minute load average before the first run and after each,
    to tell a quiet machine's figures from a busy one's."""

    schools: int
    stories: int
    generate_seconds: float
    validate_seconds: float
    builds: dict[str, list[Build]]
    outputs: dict[str, Output]
    load_averages: list[float]
    transfers: SiteTransfers

    def summary(self) -> dict[str, float]:
        """The medians of each side (`cold_s`, `text_cpu_s`, `structured_peak_mb`…), the
        ratios of ours to each twin (`cold_structured_ratio`…), and what each side wrote;
        NaN for a twin not built."""
        figures = {
            "schools": self.schools,
            "pages": self.outputs["ours"].pages,
            "validate_s": self.validate_seconds,
            "load_max": max(self.load_averages),
        }
        for side in [*OURS, *TWINS]:
            builds = self.builds.get(side, [])
            figures[f"{side}_s"] = _median(b.seconds for b in builds)
            figures[f"{side}_cpu_s"] = _median(b.cpu_seconds for b in builds)
            figures[f"{side}_peak_mb"] = _median(b.peak_mb for b in builds)
        for ours in OURS:
            for twin in TWINS:
                figures[f"{ours}_{twin}_ratio"] = figures[f"{ours}_s"] / figures[f"{twin}_s"]
        for side in ["ours", *TWINS]:
            output = self.outputs.get(side, NOT_BUILT)
            figures[f"{side}_output_mb"] = output.output_mb
            figures[f"{side}_index_kb"] = output.index_kb
        return {
            **figures,
            "ours_html_kb_per_page": self.outputs["ours"].html_kb_per_page,
            "ours_index_kb_per_page": self.outputs["ours"].index_kb_per_page,
            **{
                f"{_key(page)}_{unit}_kb": getattr(transfer, unit) / 1024
                for page, transfer in self.transfers.first_visit.items()
                for unit in ("raw", "gzip")
            },
            **{
                f"{name}_{unit}_kb": getattr(transfer, unit) / 1024
                for name, transfer in (
                    ("search", self.transfers.search),
                    ("dialog_search", self.transfers.dialog_search),
                )
                for unit in ("raw", "gzip")
            },
            **{
                f"{_key(page)}_{name}_ms": value
                for page, timing in self.transfers.timings.items()
                for name, value in (("lcp", timing.median_lcp_ms), ("tbt", timing.median_tbt_ms))
            },
        }


def _key(page: str) -> str:
    """A page's label as a key of the summary: `es/home` gives `es_home`."""
    return page.replace("/", "_")


def _median(values: Iterable[float]) -> float:
    """The median, or NaN where nothing was measured (a twin not built)."""
    measured = list(values)
    return statistics.median(measured) if measured else math.nan


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--runs", type=int, default=3, help="builds of each; the median counts")
    parser.add_argument("--out", type=Path, help="keep data sets and sites here (not a temp dir)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument(
        "--twins",
        nargs="*",
        choices=list(TWINS),
        default=list(TWINS),
        help="the plain MkDocs twins to build beside ours (default: both)",
    )
    parser.add_argument(
        "--no-plain",
        action="store_true",
        help="build ours only, no twin (for the download figures of a large size)",
    )
    parser.add_argument(
        "--visits",
        type=int,
        default=5,
        help="throttled first visits to each page; the median counts (default 5)",
    )
    parser.add_argument(
        "--control",
        choices=["heavy"],
        help="negative control: measure the first visits of a copy of our site with a heavy "
        "script in every page (its timing budgets must be MISSED)",
    )
    args = parser.parse_args(argv)
    if args.no_plain:
        args.twins = []
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.out is not None and args.out.resolve().is_relative_to(ROOT):
        print(f"--out must be outside the repository ({ROOT})", file=sys.stderr)
        return 2
    machine = machine_info()
    print(" · ".join(f"{key} {value}" for key, value in machine.items()), flush=True)
    results: list[SizeResult] = []
    try:
        with _out_folder(args.out) as out:
            for size in args.sizes:
                folder = out / f"n{size}"
                results.append(
                    measure_size(
                        size,
                        folder,
                        args.runs,
                        args.twins,
                        visits=args.visits,
                        control=args.control,
                    )
                )
                # Written after every size, so that a long run stopped midway keeps its figures.
                if args.json is not None:
                    write_json(args.json, machine, args, results)
    except BenchError as error:
        print(error, file=sys.stderr)
        return 1
    print(format_build_table(results))
    print(format_ratio_table(results))
    if args.control:
        print(f"Control ({args.control}): the pages below are a copy of our site with {CONTROL}")
    print(format_transfer_table(results))
    print(format_timing_table(results))
    print(format_targets(results))
    return 0


def write_json(
    path: Path, machine: dict[str, str], args: argparse.Namespace, results: list[SizeResult]
) -> None:
    report: dict[str, Any] = {"machine": machine, "runs": args.runs, "twins": args.twins}
    report |= {"visits": args.visits, "control": args.control}
    report["sizes"] = [{**r.summary(), "raw": asdict(r)} for r in results]
    path.write_text(json.dumps(report, indent=2) + "\n", "utf-8")


@contextlib.contextmanager
def _out_folder(out: Path | None) -> Iterator[Path]:
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        yield out
        return
    with tempfile.TemporaryDirectory(prefix="showcase-bench-") as temporary:
        yield Path(temporary)


def machine_info() -> dict[str, str]:
    memory = "?"
    with contextlib.suppress(OSError):
        kilobytes = Path("/proc/meminfo").read_text().split()[1]
        memory = f"{int(kilobytes) / 1024**2:.1f} GB"
    return {
        "cpus": str(os.cpu_count()),
        "memory": memory,
        "system": platform.platform(terse=True),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs-material": metadata.version("mkdocs-material"),
    }


def measure_size(
    schools: int,
    folder: Path,
    runs: int,
    twins: Sequence[str] = tuple(TWINS),
    *,
    visits: int = 5,
    control: str | None = None,
) -> SizeResult:
    """Write and check the data set of `schools` schools, then in each run build ours cold and
    warm and each of `twins` once, and measure what a visitor downloads from ours and how fast
    it opens on a slow phone (from a copy with a heavy script in every page, for
    `control="heavy"`)."""
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)
    started = time.perf_counter()
    size = write_data_set(data, schools)
    generate_seconds = time.perf_counter() - started
    validate_seconds, catalog = _timed_validation(data, runs)
    project = read_mkdocs_config(PROJECT_CONFIG)
    projects = {twin: write_plain_projects(catalog, project, folder, twin) for twin in twins}
    ours = write_ours_config(project, data, folder / "ours")
    builds: dict[str, list[Build]] = {side: [] for side in [*OURS, *projects]}
    load_averages = [os.getloadavg()[0]]
    for run in range(1, runs + 1):
        # Cold: nothing drawn yet, as on a fresh clone or a first deploy; warm: the same
        # build again with the link previews and QR codes the cold one cached.
        shutil.rmtree(folder / "ours" / ".cache", ignore_errors=True)
        for side in OURS:
            builds[side].append(timed_build(ours, folder / "ours" / "site"))
        for twin, twin_builds in projects.items():
            builds[twin].append(timed_builds(twin_builds))
        load_averages.append(os.getloadavg()[0])
        progress = f"{_progress(builds)}; load average {load_averages[-1]:.1f}"
        print(f"N={schools:,} run {run}/{runs}: {progress}", flush=True)
    outputs = {twin: measure_output(folder / twin / "site") for twin in projects}
    return SizeResult(
        schools=size.schools,
        stories=size.stories,
        generate_seconds=generate_seconds,
        validate_seconds=validate_seconds,
        builds=builds,
        outputs={"ours": measure_output(folder / "ours" / "site"), **outputs},
        load_averages=load_averages,
        transfers=measure_site(
            _visited_site(folder, control), catalog, _languages(project), visits=visits
        ),
    )


# What `--control heavy` adds to every page (`benchmarks.throttled_visit.add_heavy_script`).
CONTROL = "a 300 KB script in every page's head that blocks the main thread twice for 600 ms"


def _visited_site(folder: Path, control: str | None) -> Path:
    """The site whose first visits are measured: ours, or for the negative control a copy of
    it with the heavy script in every page."""
    site = folder / "ours" / "site"
    if control != "heavy":
        return site
    copy = folder / "heavy" / "site"
    shutil.rmtree(copy.parent, ignore_errors=True)
    return add_heavy_script(site, copy)


def _languages(project: dict[str, Any]) -> dict[str, str]:
    """Every language of the site (`extra.languages`), its code and its folder (`"es/"`; `""`
    for the first), first language first."""
    languages = (project.get("extra") or {}).get("languages") or [{"code": "", "folder": ""}]
    return {language["code"]: language["folder"] for language in languages}


def _progress(builds: dict[str, list[Build]]) -> str:
    """The last build of each side."""
    return ", ".join(
        f"{_SIDE_NAMES[side]} {b.seconds:.1f} s ({b.cpu_seconds:.1f} s CPU, {b.peak_mb:.0f} MB)"
        for side, done in builds.items()
        for b in done[-1:]
    )


def _timed_validation(data: Path, runs: int) -> tuple[float, Catalog]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        try:
            catalog = read_catalog(data)
        except DataError as error:
            raise BenchError(f"The synthetic data does not validate:\n{error}") from None
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), catalog


def translations(project: dict[str, Any]) -> list[dict[str, Any]]:
    """The site's other languages (`extra.languages`), each with its own config file, named
    relative to mkdocs.yml; the hook builds each into its `folder` after the first language."""
    languages: list[dict[str, Any]] = (project.get("extra") or {}).get("languages") or []
    return [language for language in languages if language.get("config")]


def write_plain_projects(
    catalog: Catalog, project: dict[str, Any], folder: Path, twin: str = "structured"
) -> list[tuple[Path, Path]]:
    """The twin named `twin` (`TWINS`), one project a language: `<twin>/` for the first,
    `<twin>-<code>/` for each other, from its config merged onto mkdocs.yml. Return (config,
    site folder) of each, in build order: the first cleans `<twin>/site`, the others build into
    its subfolders."""
    site = folder / twin / "site"
    projects = [(project, twin, "")]
    for language in translations(project):
        translated = inherit(project, read_mkdocs_config(ROOT / language["config"]))
        projects.append((translated, f"{twin}-{language['code']}", language["folder"]))
    builds = []
    for config, name, subfolder in projects:
        docs = ROOT / config.get("docs_dir", "docs")
        written = write_plain_project(catalog, config, docs, folder / name, TWINS[twin])
        builds.append((written, site / subfolder))
    return builds


def write_ours_config(project: dict[str, Any], data: Path, folder: Path) -> Path:
    """The project's mkdocs.yml with its paths made absolute and the data folder set, so that
    the build and its caches (link previews) stay in `folder`, outside the repository. Beside
    it, each other language's config, inheriting from it, under the name mkdocs.yml gives."""
    config = _outside({"docs_dir": "docs", **project})
    config["extra"] = {**(project.get("extra") or {}), "data_dir": str(data)}
    folder.mkdir(parents=True, exist_ok=True)
    for language in translations(project):
        translated = _outside(read_mkdocs_config(ROOT / language["config"]))
        translated = {"INHERIT": "mkdocs.yml", **translated}
        write_mkdocs_config(folder / language["config"], translated)
    return write_mkdocs_config(folder / "mkdocs.yml", config)


def _outside(config: dict[str, Any]) -> dict[str, Any]:
    """`config` without `watch` and with the paths it sets absolute, to be read from elsewhere."""
    moved = {key: value for key, value in config.items() if key != "watch"}
    if "docs_dir" in config:
        moved["docs_dir"] = str(ROOT / config["docs_dir"])
    theme = config.get("theme") or {}
    if "custom_dir" in theme:
        moved["theme"] = {**theme, "custom_dir": str(ROOT / theme["custom_dir"])}
    if "hooks" in config:
        moved["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    return moved


def timed_build(config: Path, site: Path) -> Build:
    """Run `mkdocs build --strict` in a fresh process; its output goes to `build.log`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(config), "--site-dir", str(site)]
    log = config.parent / "build.log"
    # The hook imports `showcase` from the same tree as this harness, even from a copy.
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join(paths)}
    with log.open("w", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=config.parent, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        # wait4 gives this one process's resources; RUSAGE_CHILDREN would mix all builds.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log.read_text("utf-8").splitlines()[-20:])
        raise BenchError(f"`{' '.join(command)}` failed; its output is in {log}:\n{tail}")
    # On Linux ru_maxrss is in kilobytes: the largest process of the build, workers included.
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def timed_builds(builds: Sequence[tuple[Path, Path]]) -> Build:
    """Run `timed_build` for each (config, site), one after the other, as one build: the times
    and CPU times summed, the largest process of any."""
    done = [timed_build(config, site) for config, site in builds]
    return Build(
        sum(b.seconds for b in done), sum(b.cpu_seconds for b in done), max(b.peak_mb for b in done)
    )


def measure_output(site: Path) -> Output:
    """Every language's pages and files. The search index is what grows with the site: ours,
    every file of each language's `search/` folder; a twin's, Material's `search_index.json` of
    each language, summed."""
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html" and path.name != "404.html"]
    indexes = [p for p in files if "search" in p.relative_to(site).parts[:2]]
    html_bytes = sum(path.stat().st_size for path in pages)
    return Output(
        pages=len(pages),
        output_mb=sum(path.stat().st_size for path in files) / 1024**2,
        html_kb_per_page=html_bytes / 1024 / len(pages) if pages else 0.0,
        index_kb=sum(path.stat().st_size for path in indexes) / 1024,
    )


_SIDE_NAMES = {
    "cold": "ours cold",
    "warm": "ours warm",
    "structured": "structured twin",
    "text": "text twin",
}
# (title, cell, width) of each column of the two tables.
Column = tuple[str, str, int]
BUILD_COLUMNS: tuple[Column, ...] = (
    ("N", "{schools:,.0f}", 6),
    ("pages", "{pages:,.0f}", 7),
    ("check s", "{validate_s:.1f}", 7),
    ("load", "{load_max:.1f}", 5),
    *(
        (_SIDE_NAMES[side], f"{{{side}_s:.1f}}/{{{side}_cpu_s:.1f}}/{{{side}_peak_mb:.0f}}", 17)
        for side in [*OURS, *TWINS]
    ),
)
RATIO_COLUMNS: tuple[Column, ...] = (
    ("N", "{schools:,.0f}", 6),
    *(
        (f"{ours}/{twin}", f"{{{ours}_{twin}_ratio:.2f}}", len(f"{ours}/{twin}"))
        for ours in OURS
        for twin in TWINS
    ),
    (
        "output MB ours/str/text",
        "{ours_output_mb:.0f}/{structured_output_mb:.0f}/{text_output_mb:.0f}",
        23,
    ),
    (
        "index KB ours/str/text",
        "{ours_index_kb:,.0f}/{structured_index_kb:,.0f}/{text_index_kb:,.0f}",
        22,
    ),
    ("index KB/page", "{ours_index_kb_per_page:.2f}", 13),
)


def format_build_table(results: list[SizeResult]) -> str:
    """Each side's builds, one line per size: the medians of wall seconds, CPU seconds (the
    build and its workers) and peak MB of the largest process; `check` is the validator, `load`
    the highest 1-minute load average seen between runs (about 2 or more on 2 cores: busy)."""
    title = "Builds, medians: seconds/CPU seconds/peak MB of the largest process"
    return title + "\n" + _table(BUILD_COLUMNS, results)


def format_ratio_table(results: list[SizeResult]) -> str:
    """Ours cold and warm against each twin (time over time), and what each side wrote."""
    return "Ours/twin (time), output and search index\n" + _table(RATIO_COLUMNS, results)


def _table(columns: Sequence[Column], results: list[SizeResult]) -> str:
    lines = [" ".join(title.rjust(width) for title, _, width in columns)]
    for result in results:
        values = result.summary()
        lines.append(" ".join(cell.format(**values).rjust(w) for _, cell, w in columns))
    return "\n".join(lines)


def format_targets(results: list[SizeResult]) -> str:
    """The issue's targets, for the sizes that were measured."""
    by_size = {result.schools: result.summary() for result in results}
    lines = build_targets(by_size) + download_targets(by_size)
    lines += timing_targets({r.schools: r.transfers.timings for r in results})
    return "\n".join(["Targets:", *lines]) if lines else ""


def build_targets(by_size: dict[int, dict[str, float]]) -> list[str]:
    """Issue #19's build targets, for the sizes that were measured: ours cold against each
    twin at 1,000 schools, the growth to 10,000, the peak at 10,000."""
    lines = []
    if 1000 in by_size:
        for twin in TWINS:
            ratio = by_size[1000][f"cold_{twin}_ratio"]
            name = f"ours cold/{twin} twin at N=1,000 <= {TARGET_RATIO}"
            lines.append(_target(name, ratio, TARGET_RATIO))
    if 1000 in by_size and 10000 in by_size:
        growth = by_size[10000]["cold_s"] / by_size[1000]["cold_s"]
        name = f"time(10,000)/time(1,000), cold, <= {TARGET_GROWTH:.0f}"
        lines.append(_target(name, growth, TARGET_GROWTH))
    if 10000 in by_size:
        peak = max(by_size[10000][f"{side}_peak_mb"] for side in OURS)
        name = f"peak MB of the largest process at N=10,000, cold or warm, < {TARGET_PEAK_MB:.0f}"
        lines.append(_target(name, peak, TARGET_PEAK_MB, strict=True))
    return lines


def format_transfer_table(results: list[SizeResult]) -> str:
    """What a visitor downloads from our site of each size, in KB as stored / after gzip: a
    first visit to each kind of page in each language (until the network is idle), then one
    search two ways."""
    lines = [
        "Downloads, KB raw/gzip: first visit to each kind of page, each language",
        _row(["N", "language", *KINDS]),
    ]
    for result in results:
        values = result.summary()
        for code, folder in result.transfers.languages.items():
            pages = [_raw_gzip(values, _key(label(folder, kind))) for kind in KINDS]
            lines.append(_row([f"{result.schools:,}", code, *pages]))
    lines += [
        "One search from a profile for its school's name, KB raw/gzip: through the search "
        "module (five results read); as a visitor does it (the header's dialog: everything "
        "fetched after the click)",
        _row(["N", "module", "dialog"]),
    ]
    for result in results:
        values = result.summary()
        searches = [_raw_gzip(values, name) for name in ("search", "dialog_search")]
        lines.append(_row([f"{result.schools:,}", *searches]))
    return "\n".join(lines)


def format_timing_table(results: list[SizeResult]) -> str:
    """The throttled first visits (slow 4G, 4× CPU): each page's median largest contentful
    paint in seconds / total blocking time in milliseconds."""
    lines = [
        "First visit on a slow phone (slow 4G, 4x CPU), median of each page's visits: LCP s/TBT ms",
        _row(["N", "language", *KINDS]),
    ]
    for result in results:
        timings = result.transfers.timings
        for code, folder in result.transfers.languages.items():
            cells = [f"{result.schools:,}", code]
            for kind in KINDS:
                timing = timings.get(label(folder, kind))
                cells.append(
                    f"{timing.median_lcp_ms / 1000:.2f}/{timing.median_tbt_ms:.0f}"
                    if timing
                    else "-"
                )
            lines.append(_row(cells))
    return "\n".join(lines)


def _row(cells: list[str], width: int = 11) -> str:
    return " ".join(cell.rjust(width) for cell in cells)


def _raw_gzip(values: dict[str, float], name: str) -> str:
    return f"{values[f'{name}_raw_kb']:,.0f}/{values[f'{name}_gzip_kb']:,.0f}"


def timing_targets(timings_by_size: dict[int, dict[str, Timing]]) -> list[str]:
    """Issue #17's timing budgets, judged on each page's median, for each size measured: met,
    or MISSED naming the pages at or over the limit."""
    lines = []
    for schools, timings in timings_by_size.items():
        if not timings:
            continue
        visits = min(len(timing.lcp_ms) for timing in timings.values())
        lcp = {page: timing.median_lcp_ms for page, timing in timings.items()}
        tbt = {page: timing.median_tbt_ms for page, timing in timings.items()}
        where = f"on every page at N={schools:,} (median of {visits})"
        lines.append(f"  LCP < 2.5 s {where}: {_verdict(lcp, LCP_BUDGET_MS, _seconds)}")
        lines.append(f"  TBT < 200 ms {where}: {_verdict(tbt, TBT_BUDGET_MS, _milliseconds)}")
    return lines


def _verdict(by_page: dict[str, float], limit: float, shown: Callable[[float], str]) -> str:
    over = {page: value for page, value in by_page.items() if value >= limit}
    if not over:
        return "met"
    return "MISSED on " + ", ".join(f"{page} ({shown(value)})" for page, value in over.items())


def _seconds(milliseconds: float) -> str:
    return f"{milliseconds / 1000:.2f} s"


def _milliseconds(milliseconds: float) -> str:
    return f"{milliseconds:.0f} ms"


def download_targets(by_size: dict[int, dict[str, float]]) -> list[str]:
    """Issue #17's two targets, said in words, for the sizes that were measured."""
    lines = []
    if SMALL in by_size and LARGE in by_size:
        small, large = by_size[SMALL], by_size[LARGE]
        growth = large["profile_gzip_kb"] / small["profile_gzip_kb"] - 1
        raw_growth = large["profile_raw_kb"] / small["profile_raw_kb"] - 1
        within = abs(growth) <= TARGET_FIRST_VISIT_GROWTH
        lines.append(
            f"  a profile's first visit: {_kb(large, 'profile')} at N={LARGE:,}, "
            f"{_kb(small, 'profile')} at N={SMALL:,} ({growth:+.1%} gzip, {raw_growth:+.1%} raw); "
            f"within {TARGET_FIRST_VISIT_GROWTH:.0%}: {'yes, met' if within else 'no, MISSED'}"
        )
    if LARGE in by_size:
        search = by_size[LARGE]["search_gzip_kb"]
        under = search < TARGET_SEARCH_KB
        lines.append(
            f"  one search at N={LARGE:,} downloads {_kb(by_size[LARGE], 'search')}; "
            f"under {TARGET_SEARCH_KB:.0f} KB (gzip): {'yes, met' if under else 'no, MISSED'}"
        )
    return lines


def _kb(values: dict[str, float], name: str) -> str:
    return f"{values[f'{name}_gzip_kb']:.1f} KB gzip ({values[f'{name}_raw_kb']:.1f} KB raw)"


def _target(name: str, value: float, limit: float, *, strict: bool = False) -> str:
    """`name: value met` (at most `limit`, or under it if `strict`), MISSED, or not measured
    (a twin not built)."""
    if math.isnan(value):
        return f"  {name}: not measured"
    met = value < limit if strict else value <= limit
    return f"  {name}: {value:.2f} {'met' if met else 'MISSED'}"


if __name__ == "__main__":
    sys.exit(main())
