"""The package installs like any other, and the site builds with it under both engines.

A wheel is built from the sources with the pinned build backend, installed into a clean virtual
environment (no system site packages) beside the lock's runtime part (requirements-site.txt,
hashes required, nothing resolved), and inspected from inside that environment: every module
imports from the installed package, whose files are the source folder's. Then a copy of the
project with an empty `showcase/` builds the site with MkDocs and with ProperDocs, and the two
sites are compared file by file. Each check has a negative control.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, clean_env
from helpers import site_files
from packaging.requirements import Requirement

BIN = Path(sys.executable).parent
SITE_LOCK = ROOT / "requirements-site.txt"
FULL_LOCK = ROOT / "requirements.txt"
# What a build reads from the project; the package comes from the environment.
PROJECT_FILES = ["hooks", "overrides", "docs", "data", "mkdocs.yml", "mkdocs.es.yml"]
# Material prints the engine's name and version into every page; nothing else may differ.
GENERATOR = re.compile(rb'<meta name="generator" content="(?P<engine>[^",]+), (?P<theme>[^"]+)">')
# Run by the clean environment's Python: what the installed package holds and what imports.
INSPECT = """
import importlib, json, pkgutil, sys
from pathlib import Path
import showcase
root = Path(showcase.__file__).parent
imported, failed = [], {}
for found in pkgutil.walk_packages(showcase.__path__, "showcase.", onerror=lambda name: None):
    if found.name == "showcase.__main__":  # runs the command line when imported
        continue
    try:
        module = importlib.import_module(found.name)
    except Exception as error:
        failed[found.name] = repr(error)
    else:
        imported.append(found.name)
        assert Path(module.__file__).is_relative_to(root), module.__file__
files = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
print(json.dumps({
    "root": str(root), "prefix": sys.prefix, "imported": imported, "failed": failed,
    "files": [f for f in files if "__pycache__" not in f],
}))
"""


@dataclass(frozen=True)
class Environment:
    python: Path
    wheel: Path
    inspection: dict[str, Any]

    @property
    def bin(self) -> Path:
        return self.python.parent


def _run(command: list[str | Path], cwd: Path, **settings: str) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=clean_env(**settings),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def build_wheel(work: Path, pyproject: str | None = None) -> Path:
    """A wheel of the sources, built offline with the lock's setuptools (`--no-build-isolation`:
    the one the lock pins, not one fetched at build time); `pyproject` replaces the file's text."""
    source = work / "source"
    shutil.copytree(ROOT / "showcase", source / "showcase", ignore=_untracked)
    text = (ROOT / "pyproject.toml").read_text("utf-8") if pyproject is None else pyproject
    (source / "pyproject.toml").write_text(text, "utf-8")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", work, source], work
    )
    (wheel,) = work.glob("*.whl")
    return wheel


def _untracked(folder: str, names: list[str]) -> set[str]:
    return {name for name in names if name == "__pycache__"}


def _uv(*arguments: str | Path) -> list[str | Path]:
    # uv installs the same hashed pins as pip would, in seconds rather than a minute.
    # --system-certs: the machine's certificates, as pip uses them, whatever the environment says.
    return [BIN / "uv", "pip", "install", "--no-config", "--system-certs", "--quiet", *arguments]


def inspect(python: Path, cwd: Path, **settings: str) -> dict[str, Any]:
    return dict(json.loads(_run([python, "-c", INSPECT], cwd, **settings)))


def package_problems(inspection: dict[str, Any]) -> list[str]:
    """What an installed package lacks or holds besides the source folder's files, and the
    modules that do not import."""
    source = {
        path.relative_to(ROOT / "showcase").as_posix()
        for path in (ROOT / "showcase").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    installed = set(inspection["files"])
    modules = {
        "showcase." + path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        for path in source
        if path.endswith(".py") and path != "__main__.py" and path != "__init__.py"
    }
    return [
        *(f"missing: {path}" for path in sorted(source - installed)),
        *(f"not in the sources: {path}" for path in sorted(installed - source)),
        *(f"not imported: {name}" for name in sorted(modules - set(inspection["imported"]))),
        *(f"fails to import: {name}: {why}" for name, why in inspection["failed"].items()),
    ]


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: frozenset[str]


def locked(lock: Path) -> dict[str, Pin]:
    """Package name → the exact version a lock file pins, and the hashes of its files."""
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text("utf-8"))
    pins = {}
    for entry in entries:
        pinned = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)", entry)
        if pinned:
            hashes = frozenset(re.findall(r"--hash=(\S+)", entry))
            pins[_canonical(pinned.group(1))] = Pin(pinned.group(2), hashes)
    return pins


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Environment:
    work = tmp_path_factory.mktemp("package")
    wheel = build_wheel(work / "wheel")
    venv.create(work / "venv", with_pip=False, system_site_packages=False, symlinks=True)
    python = work / "venv" / "bin" / "python"
    _run(_uv("--python", python, "--require-hashes", "--no-deps", "-r", SITE_LOCK), work)
    _run(_uv("--python", python, "--no-deps", wheel), work)
    return Environment(python, wheel, inspect(python, work))


def test_the_wheel_holds_the_package_and_not_the_benchmark(environment: Environment) -> None:
    names = zipfile.ZipFile(environment.wheel).namelist()
    assert {name.split("/")[0] for name in names} == {
        "showcase",
        environment.wheel.name.split("-py3")[0] + ".dist-info",
    }
    assert not [name for name in names if "bench" in name]


def test_every_module_imports_from_the_installed_package_with_its_files(
    environment: Environment,
) -> None:
    inspection = environment.inspection
    # Imported from the clean environment, not from the checkout.
    assert Path(inspection["prefix"]) == environment.python.parent.parent
    assert Path(inspection["root"]).is_relative_to(inspection["prefix"])
    assert package_problems(inspection) == []
    for data in ["fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"]:
        assert data in inspection["files"]
    assert "locale/es/LC_MESSAGES/messages.po" in inspection["files"]
    assert "pages/kinds/schools.py" in inspection["files"]


def test_the_lock_satisfies_what_the_wheel_declares(environment: Environment) -> None:
    _run([BIN / "uv", "pip", "check", "--no-config", "--python", environment.python], ROOT)


def test_a_wheel_declared_as_before_fails_the_check(
    environment: Environment, tmp_path: Path
) -> None:
    """The negative control: the old declaration (one package, no package data) leaves out the
    fonts, the catalogue and every subpackage, and the same check says so."""
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    declared = re.compile(
        r"\[tool\.setuptools\.packages\.find\].*?(?=\n\[tool\.(?!setuptools))", re.S
    )
    assert declared.search(pyproject)
    old = declared.sub('[tool.setuptools]\npackages = ["showcase"]\n', pyproject)
    wheel = build_wheel(tmp_path / "wheel", old)
    target = tmp_path / "target"
    _run(_uv("--target", target, "--no-deps", "--no-index", wheel), tmp_path)
    # Inspected by the clean environment, with this package ahead of the good one.
    problems = package_problems(inspect(environment.python, tmp_path, PYTHONPATH=str(target)))
    assert "missing: fonts/DejaVuSans.ttf" in problems
    assert "missing: locale/es/LC_MESSAGES/messages.po" in problems
    assert "missing: pages/kinds/schools.py" in problems
    assert "not imported: showcase.pages.kinds.schools" in problems


@pytest.fixture(scope="module")
def sites(environment: Environment, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The site built by each engine from one copy of the project, with the installed package."""
    work = tmp_path_factory.mktemp("engines")
    project = work / "project"
    for name in PROJECT_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name, ignore=_untracked)
        else:
            shutil.copy2(ROOT / name, project / name)
    # mkdocs.yml watches it for `serve`; empty, so the build can only use the installed package.
    (project / "showcase").mkdir()
    # The archived sources, beside the project as beside ours, for the same quote checks.
    if (ROOT.parent / "shared").is_dir():
        (work / "shared").symlink_to(ROOT.parent / "shared")
    built = {}
    for engine in ["mkdocs", "properdocs"]:
        built[engine] = work / engine
        command: list[str | Path] = [environment.bin / engine, "build", "--strict"]
        command += ["--config-file", "mkdocs.yml"]
        # One image cache for both: drawn by the first build, read by the second.
        _run([*command, "--site-dir", built[engine]], project, SHOWCASE_CACHE=str(work / "cache"))
    return built


def _comparable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".html":
        return GENERATOR.sub(rb'<meta name="generator" content="ENGINE, \g<theme>">', data)
    return data


def site_differences(one: Path, other: Path) -> list[str]:
    """The files of two sites that differ, or are in one only, once the engine's name in the
    generator tag is set aside."""
    files = [{p.relative_to(site).as_posix() for p in site_files(site)} for site in (one, other)]
    different = {
        name for name in files[0] & files[1] if _comparable(one / name) != _comparable(other / name)
    }
    return sorted(different | (files[0] ^ files[1]))


def generators(site: Path) -> set[str]:
    return {
        match.group(0).decode()
        for page in site.rglob("*.html")
        for match in GENERATOR.finditer(page.read_bytes())
    }


def test_both_engines_build_the_same_site(sites: dict[str, Path]) -> None:
    pins = {name: pin.version for name, pin in locked(SITE_LOCK).items()}
    material = f"mkdocs-material-{pins['mkdocs-material']}"
    # Each engine built every page, both languages (the Spanish site in its own process).
    assert generators(sites["mkdocs"]) == {
        f'<meta name="generator" content="mkdocs-{pins["mkdocs"]}, {material}">'
    }
    assert generators(sites["properdocs"]) == {
        f'<meta name="generator" content="mkdocs-ProperDocs {pins["properdocs"]}, {material}">'
    }
    assert (sites["mkdocs"] / "es" / "schools" / "index.html").is_file()
    assert site_differences(sites["mkdocs"], sites["properdocs"]) == []


def test_the_comparison_sees_a_changed_missing_or_extra_file(
    sites: dict[str, Path], tmp_path: Path
) -> None:
    """The negative control: four small changes to a copy of the site, four files named."""
    copy = shutil.copytree(sites["properdocs"], tmp_path / "site")
    page = copy / "cohorts" / "index.html"
    page.write_text(page.read_text("utf-8").replace("Cohort", "Kohort", 1), "utf-8")
    spanish = copy / "es" / "index.html"
    spanish.write_bytes(spanish.read_bytes().replace(b"mkdocs-material-", b"mkdocs-material-0", 1))
    (copy / "sitemap.xml").unlink()
    (copy / "stray.txt").write_text("", "utf-8")
    assert site_differences(sites["mkdocs"], copy) == [
        "cohorts/index.html",
        "es/index.html",
        "sitemap.xml",
        "stray.txt",
    ]


def _requirements(project: dict[str, Any], group: str) -> list[str]:
    return [
        line
        for entry in project["dependency-groups"][group]
        for line in (
            _requirements(project, entry["include-group"]) if isinstance(entry, dict) else [entry]
        )
    ]


def lock_problems(project: dict[str, Any], full: dict[str, Pin], site: dict[str, Pin]) -> list[str]:
    """Where the locks disagree with each other, or do not satisfy `pyproject.toml`."""
    problems = [
        f"{name}: not pinned in {SITE_LOCK.name} as in {FULL_LOCK.name}"
        for name, pin in site.items()
        if full.get(name) != pin
    ]
    # What the deploy installs (requirements-site.txt): the package's own, both engines, and
    # the build backend that installs the package from the lock.
    runtime = [
        *project["project"]["dependencies"],
        *_requirements(project, "engines"),
        *_requirements(project, "backend"),
    ]
    groups = [
        line for group in project["dependency-groups"] for line in _requirements(project, group)
    ]
    for line in [*project["build-system"]["requires"], *runtime, *groups]:
        requirement = Requirement(line)
        name = _canonical(requirement.name)
        if name not in full or full[name].version not in requirement.specifier:
            problems.append(f"{line}: not satisfied by {FULL_LOCK.name}")
        elif line in runtime and name not in site:
            problems.append(f"{line}: not in {SITE_LOCK.name}")
    return problems


def test_the_locks_agree_with_each_other_and_with_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    full, site = locked(FULL_LOCK), locked(SITE_LOCK)
    assert lock_problems(project, full, site) == [], "run `make lock`"
    # The negative control: a range the lock misses, a package it lacks, a pin that differs.
    project["project"]["dependencies"] += ["mkdocs>=9", "left-out>=1"]
    site["nh3"] = Pin("0.0.1", site["nh3"].hashes)
    assert lock_problems(project, full, site) == [
        f"nh3: not pinned in {SITE_LOCK.name} as in {FULL_LOCK.name}",
        f"mkdocs>=9: not satisfied by {FULL_LOCK.name}",
        f"left-out>=1: not satisfied by {FULL_LOCK.name}",
    ]
