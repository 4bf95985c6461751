"""`make bench`: how our build grows with the number of schools, beside plain MkDocs.

For each size N it writes a synthetic data set of N schools outside the repository
(`showcase.bench_data`), checks it with the real validator, writes the same pages as
hand-written Markdown (`showcase.bench_plain`), then builds ours and the plain twin turn
about, each `mkdocs build` in a fresh process, and reports medians. It never imports MkDocs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from showcase.bench_data import write_data_set
from showcase.bench_plain import read_mkdocs_config, write_plain_project
from showcase.catalog import Catalog, read_catalog
from showcase.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
PROJECT_CONFIG = ROOT / "mkdocs.yml"
DEFAULT_SIZES = (100, 1000, 5000, 10000)
# The targets: ratio at 1,000 schools, growth from 1,000 to 10,000, peak at 10,000.
TARGET_RATIO, TARGET_GROWTH, TARGET_PEAK_MB = 0.8, 11.0, 500.0


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


@dataclass(frozen=True)
class SizeResult:
    """Every figure for one size N."""

    schools: int
    stories: int
    generate_seconds: float
    validate_seconds: float
    ours: list[Build]
    plain: list[Build]
    ours_output: Output
    plain_output: Output

    def summary(self) -> dict[str, float]:
        ours_s = statistics.median(b.seconds for b in self.ours)
        plain_s = statistics.median(b.seconds for b in self.plain)
        return {
            "schools": self.schools,
            "pages": self.ours_output.pages,
            "validate_s": self.validate_seconds,
            "ours_s": ours_s,
            "plain_s": plain_s,
            "ratio": ours_s / plain_s,
            "ours_cpu_s": statistics.median(b.cpu_seconds for b in self.ours),
            "plain_cpu_s": statistics.median(b.cpu_seconds for b in self.plain),
            "ours_peak_mb": statistics.median(b.peak_mb for b in self.ours),
            "plain_peak_mb": statistics.median(b.peak_mb for b in self.plain),
            "ours_output_mb": self.ours_output.output_mb,
            "plain_output_mb": self.plain_output.output_mb,
            "ours_html_kb_per_page": self.ours_output.html_kb_per_page,
            "ours_index_kb": self.ours_output.index_kb,
            "plain_index_kb": self.plain_output.index_kb,
            "ours_index_kb_per_page": self.ours_output.index_kb_per_page,
        }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m showcase.bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--runs", type=int, default=3, help="builds of each; the median counts")
    parser.add_argument("--out", type=Path, help="keep data sets and sites here (not a temp dir)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument(
        "--previews",
        choices=["cold", "warm"],
        default="cold",
        help="cold: every build draws its link previews, as on a fresh clone (default); "
        "warm: one unmeasured build fills the preview cache first",
    )
    return parser.parse_args(argv)


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
                results.append(measure_size(size, out / f"n{size}", args.runs, args.previews))
                # Written after every size, so that a long run stopped midway keeps its figures.
                if args.json is not None:
                    write_json(args.json, machine, args, results)
    except BenchError as error:
        print(error, file=sys.stderr)
        return 1
    print(format_table(results))
    print(format_targets(results))
    return 0


def write_json(
    path: Path, machine: dict[str, str], args: argparse.Namespace, results: list[SizeResult]
) -> None:
    report: dict[str, Any] = {"machine": machine, "runs": args.runs, "previews": args.previews}
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


def measure_size(schools: int, folder: Path, runs: int, previews: str) -> SizeResult:
    """Write and check the data set of `schools` schools, then build ours and plain in turn."""
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)
    started = time.perf_counter()
    size = write_data_set(data, schools)
    generate_seconds = time.perf_counter() - started
    validate_seconds, catalog = _timed_validation(data, runs)
    project = read_mkdocs_config(PROJECT_CONFIG)
    docs = ROOT / project.get("docs_dir", "docs")
    plain = write_plain_project(catalog, project, docs, folder / "plain")
    ours = write_ours_config(project, data, folder / "ours")
    if previews == "warm":
        timed_build(ours, folder / "ours" / "site")
    ours_builds, plain_builds = [], []
    for run in range(1, runs + 1):
        if previews == "cold":
            shutil.rmtree(folder / "ours" / ".cache", ignore_errors=True)
        ours_builds.append(timed_build(ours, folder / "ours" / "site"))
        plain_builds.append(timed_build(plain, folder / "plain" / "site"))
        print(f"N={schools:,} run {run}/{runs}: {_progress(ours_builds[-1], plain_builds[-1])}")
    return SizeResult(
        schools=size.schools,
        stories=size.stories,
        generate_seconds=generate_seconds,
        validate_seconds=validate_seconds,
        ours=ours_builds,
        plain=plain_builds,
        ours_output=measure_output(folder / "ours" / "site"),
        plain_output=measure_output(folder / "plain" / "site"),
    )


def _progress(ours: Build, plain: Build) -> str:
    return ", ".join(
        f"{name} {b.seconds:.1f} s ({b.cpu_seconds:.1f} s CPU, {b.peak_mb:.0f} MB)"
        for name, b in (("ours", ours), ("plain", plain))
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


def write_ours_config(project: dict[str, Any], data: Path, folder: Path) -> Path:
    """The project's mkdocs.yml with its paths made absolute and the data folder set, so that
    the build and its caches (link previews) stay in `folder`, outside the repository."""
    config = {key: value for key, value in project.items() if key != "watch"}
    config["docs_dir"] = str(ROOT / project.get("docs_dir", "docs"))
    theme = dict(project["theme"])
    if "custom_dir" in theme:
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    config["theme"] = theme
    config["hooks"] = [str(ROOT / hook) for hook in project.get("hooks", [])]
    config["extra"] = {**(project.get("extra") or {}), "data_dir": str(data)}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


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


def measure_output(site: Path) -> Output:
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html" and path.name != "404.html"]
    index = site / "search" / "search_index.json"
    html_bytes = sum(path.stat().st_size for path in pages)
    return Output(
        pages=len(pages),
        output_mb=sum(path.stat().st_size for path in files) / 1024**2,
        html_kb_per_page=html_bytes / 1024 / len(pages) if pages else 0.0,
        index_kb=index.stat().st_size / 1024 if index.is_file() else 0.0,
    )


COLUMNS = (
    ("N", "{schools:,.0f}", 6),
    ("pages", "{pages:,.0f}", 7),
    ("check s", "{validate_s:.1f}", 7),
    ("ours s", "{ours_s:.1f}", 6),
    ("plain s", "{plain_s:.1f}", 7),
    ("ratio", "{ratio:.2f}", 5),
    ("peak MB ours/plain", "{ours_peak_mb:.0f}/{plain_peak_mb:.0f}", 18),
    ("output MB ours/plain", "{ours_output_mb:.0f}/{plain_output_mb:.0f}", 20),
    ("index KB ours/plain", "{ours_index_kb:,.0f}/{plain_index_kb:,.0f}", 19),
    ("index KB/page", "{ours_index_kb_per_page:.2f}", 13),
)


def format_table(results: list[SizeResult]) -> str:
    """The figures, one line per size; times are medians, `check` is the validator alone."""
    lines = [" ".join(title.rjust(width) for title, _, width in COLUMNS)]
    for result in results:
        values = result.summary()
        lines.append(" ".join(cell.format(**values).rjust(w) for _, cell, w in COLUMNS))
    return "\n".join(lines)


def format_targets(results: list[SizeResult]) -> str:
    """The issue's three targets, for the sizes that were measured."""
    by_size = {result.schools: result.summary() for result in results}
    lines = []
    if 1000 in by_size:
        ratio = by_size[1000]["ratio"]
        lines.append(_target(f"ours/plain at N=1,000 <= {TARGET_RATIO}", ratio, TARGET_RATIO))
    if 1000 in by_size and 10000 in by_size:
        growth = by_size[10000]["ours_s"] / by_size[1000]["ours_s"]
        lines.append(_target(f"time(10,000)/time(1,000) <= {TARGET_GROWTH:.0f}", growth, 11))
    if 10000 in by_size:
        peak = by_size[10000]["ours_peak_mb"]
        lines.append(_target(f"peak MB at N=10,000 < {TARGET_PEAK_MB:.0f}", peak, 500))
    return "\n".join(["Targets:", *lines]) if lines else ""


def _target(name: str, value: float, limit: float) -> str:
    return f"  {name}: {value:.2f} {'met' if value <= limit else 'MISSED'}"


if __name__ == "__main__":
    sys.exit(main())
