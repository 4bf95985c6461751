"""Every HTML page of the built site, English and Spanish, is valid HTML: not one error from the
W3C Nu HTML checker (vnu.jar, pinned in package.json and installed by `make test`).

Some of the fixes are edited copies of Material's templates in overrides/. Each copy is only
right for the Material file it was made from, so a test keeps that file's sha256 and fails when
the installed Material's file is no longer the same.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OVERRIDES = ROOT / "overrides"

# Every Material template that overrides/ replaces, with the sha256 of the Material file our
# copy was made from (Material 9.8.1). main.html is no copy: Material's only extends base.html,
# and ours extends it too, with blocks of its own.
MATERIAL_ORIGINALS: Mapping[str, str] = {
    "404.html": "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
    "base.html": "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
    "main.html": "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    "partials/nav-item.html": "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
    "partials/toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
}


@dataclass(frozen=True)
class HtmlError:
    """One error the checker found: the file (relative to the folder checked), line, message."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line or '?'}: {self.message}"


def check_html(root: Path, files: Sequence[Path]) -> list[HtmlError]:
    """Every error vnu finds in `files` (all under `root`), from one run of the checker."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail(
            f"The HTML checker needs java and {VNU_JAR.relative_to(ROOT)}: "
            "run `make test`, which installs both."
        )
    root = root.resolve()
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(file.resolve()) for file in files],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stderr}")
    errors = []
    for message in report["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        url = message.get("url", "")
        path = Path(unquote(urlsplit(url).path)) if url else None
        shown = str(path.relative_to(root)) if path and path.is_relative_to(root) else url
        errors.append(
            HtmlError(shown, message.get("firstLine", message.get("lastLine")), message["message"])
        )
    if result.returncode != 0 and not errors:
        pytest.fail(f"vnu failed (exit {result.returncode}) without an error:\n{result.stderr}")
    return errors


def test_every_page_of_both_languages_is_valid_html(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    spanish = [page for page in pages if page.relative_to(site_dir).parts[0] == "es"]
    assert len(spanish) > 50, "the Spanish site is missing"
    assert len(pages) - len(spanish) > 50, "the English site is missing"
    errors = check_html(site_dir, pages)
    assert not errors, f"{len(errors)} HTML errors in {len(pages)} pages:\n" + "\n".join(
        map(str, errors)
    )


# Mistakes each made in a copy of a real page, with what the checker must say about it.
BREAKAGES = {
    "duplicate-id.html": ('<p id="twice">a</p><p id="twice">b</p>', "Duplicate ID “twice”"),
    "nested-link.html": (
        '<a href="#one">one <a href="#two">two</a></a>',
        "Start tag “a” seen but an element of the same type was already open",
    ),
    "empty-tabindex.html": (
        '<label tabindex="">x</label>',
        "Bad value “” for attribute “tabindex” on element “label”",
    ),
    "label-for-nothing.html": (
        '<label for="nothing">x</label>',
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden",
    ),
    "checkbox-autocomplete.html": (
        '<input type="checkbox" autocomplete="off">',
        "Attribute “autocomplete” is only allowed when the input type is",
    ),
}


def test_the_checker_reports_each_mistake_in_the_page_that_has_it(
    site_dir: Path, tmp_path: Path
) -> None:
    page = (site_dir / "about" / "index.html").read_text("utf-8")
    article = '<article class="md-content__inner md-typeset">'
    assert page.count(article) == 1
    (tmp_path / "intact.html").write_text(page, "utf-8")
    for name, (mistake, _) in BREAKAGES.items():
        (tmp_path / name).write_text(page.replace(article, article + mistake), "utf-8")
    files = sorted(tmp_path.glob("*.html"))
    errors = check_html(tmp_path, files)
    found = {
        file.name: [error.message for error in errors if error.path == file.name] for file in files
    }
    assert found["intact.html"] == []
    for name, (_, expected) in BREAKAGES.items():
        assert any(expected in message for message in found[name]), (name, found[name])
    assert all(error.line is not None for error in errors), errors


def material_templates() -> Path:
    """The templates folder of the Material for MkDocs that is installed."""
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.origin is not None, "mkdocs-material is not installed"
    return Path(spec.origin).parent / "templates"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed_originals(templates: Path, originals: Mapping[str, str]) -> list[str]:
    """What to do for each Material template in `originals` whose file under `templates` is
    gone or no longer has the sha256 our override was made from."""
    problems = []
    for name, expected in sorted(originals.items()):
        original = templates / name
        if not original.is_file():
            problems.append(f"Material's {name} is gone: drop or rework overrides/{name}")
        elif sha256(original) != expected:
            problems.append(
                f"Material's {name} changed: re-apply our override (overrides/{name}) "
                f"to the new file and record its sha256 {sha256(original)}"
            )
    return problems


def test_every_override_was_made_from_the_installed_material() -> None:
    assert changed_originals(material_templates(), MATERIAL_ORIGINALS) == []


def test_every_override_of_a_material_template_is_listed() -> None:
    templates = material_templates()
    overridden = {
        path.relative_to(OVERRIDES).as_posix()
        for path in OVERRIDES.rglob("*")
        if path.is_file() and (templates / path.relative_to(OVERRIDES)).is_file()
    }
    assert overridden == set(MATERIAL_ORIGINALS)


def test_a_changed_or_missing_material_template_is_reported(tmp_path: Path) -> None:
    names = ("partials/nav-item.html", "partials/toc.html")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(material_templates() / name, tmp_path / name)
    originals = {name: MATERIAL_ORIGINALS[name] for name in (*names, "base.html")}
    assert changed_originals(tmp_path, originals) == [
        "Material's base.html is gone: drop or rework overrides/base.html"
    ]
    toc = tmp_path / "partials" / "toc.html"
    toc.write_text(toc.read_text("utf-8").replace('for="__toc"', 'for="__toc" hidden'), "utf-8")
    problems = changed_originals(tmp_path, originals)
    assert len(problems) == 2
    assert problems[1].startswith(
        "Material's partials/toc.html changed: re-apply our override (overrides/partials/toc.html)"
    )
