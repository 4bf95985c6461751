"""The preview comment of a pull request, made from a fake artifact of "Preview build": the
screenshots are embedded side by side, English and Spanish, and whatever does not look like a
page of the site or a PNG is left out."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from showcase.tools import pr_preview
from showcase.tools.pr_preview import (
    MARKER,
    UnusableArtifactError,
    comment_body,
    read_preview,
    screenshot_name,
    stage,
)

SHA = "0123456789abcdef0123456789abcdef01234567"
IMAGES = "https://github.com/o/r/raw/previews"
RUN = "https://github.com/o/r/actions/runs/7"
PNG = pr_preview.PNG_MAGIC + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def artifact(tmp_path: Path, pages: list[str], number: str = "12") -> Path:
    """An artifact as the build writes it: one PNG per address, and pages.txt listing them."""
    folder = tmp_path / "preview"
    (folder / "screenshots").mkdir(parents=True)
    (folder / "pr-number.txt").write_text(number + "\n", encoding="utf-8")
    lines = []
    for address in pages:
        name = screenshot_name(address)
        (folder / "screenshots" / name).write_bytes(PNG)
        lines.append(f"{address} {name}\n")
    (folder / "screenshots" / "pages.txt").write_text("".join(lines), encoding="utf-8")
    return folder


def table_images(body: str) -> list[tuple[str, str]]:
    return [(str(img["src"]), str(img["alt"])) for img in BeautifulSoup(body, "html.parser")("img")]


def test_each_page_shows_in_both_languages_side_by_side(tmp_path: Path) -> None:
    folder = artifact(tmp_path, ["stories/a/", "es/stories/a/", "schools/b/", "es/schools/b/"])
    preview = read_preview(folder)
    body = comment_body(preview, SHA, "success", IMAGES, RUN)
    assert body.startswith(MARKER + "\n")
    assert "| Page | English | Spanish |\n| --- | --- | --- |\n" in body
    rows = [line for line in body.splitlines() if line.startswith("| `/")]
    assert [row.split(" | ")[0] for row in rows] == ["| `/stories/a/`", "| `/schools/b/`"]
    base = f"{IMAGES}/pr-12/{SHA}"
    assert table_images(rows[0]) == [
        (f"{base}/stories-a.png", "/stories/a/ in English, at phone width"),
        (f"{base}/es-stories-a.png", "/es/stories/a/ in Spanish, at phone width"),
    ]
    assert "left out" not in body
    assert RUN in body


def test_the_home_page_and_a_page_in_one_language(tmp_path: Path) -> None:
    preview = read_preview(artifact(tmp_path, ["", "es/", "about/x/"]))
    assert [(p.address, p.english, p.spanish) for p in preview.pages] == [
        ("", pr_preview.Screenshot("", "home.png"), pr_preview.Screenshot("es/", "es.png")),
        ("about/x/", pr_preview.Screenshot("about/x/", "about-x.png"), None),
    ]
    body = comment_body(preview, SHA, "success", IMAGES, RUN)
    assert "| `/about/x/` | <a" in body and "| — |" in body


@pytest.mark.parametrize(
    "line",
    [
        "../x/ ..-x-.png",  # a path out of the folder
        "stories/a/ ../../etc/passwd",  # a name that is not the page's
        "stories/a/ other.png",  # a name that is not the page's
        "stories/a/)![x](https://evil.example/ stories-a.png",  # Markdown in an address
        'stories/"onerror=x/ stories-onerror-x.png',  # HTML in an address
        "Stories/A/ Stories-A.png",  # capitals: not an address of the site
        "stories/a/ stories-a.png extra",
        "stories/a/",
        "",
    ],
)
def test_untrusted_lines_are_refused(tmp_path: Path, line: str) -> None:
    folder = artifact(tmp_path, ["schools/b/"])
    (folder / "screenshots" / "stories-a.png").write_bytes(PNG)
    listing = folder / "screenshots" / "pages.txt"
    listing.write_text(listing.read_text("utf-8") + line + "\n", encoding="utf-8")
    preview = read_preview(folder)
    assert [page.address for page in preview.pages] == ["schools/b/"]
    assert preview.refused == (1 if line else 0)
    body = comment_body(preview, SHA, "success", IMAGES, RUN)
    assert "evil" not in body and "onerror" not in body and "passwd" not in body


def test_the_negative_control_passes_a_good_line(tmp_path: Path) -> None:
    """The same fixture as above with a good line: it is shown, so the refusals are real."""
    folder = artifact(tmp_path, ["schools/b/"])
    (folder / "screenshots" / "stories-a.png").write_bytes(PNG)
    listing = folder / "screenshots" / "pages.txt"
    listing.write_text(listing.read_text("utf-8") + "stories/a/ stories-a.png\n", "utf-8")
    preview = read_preview(folder)
    assert [page.address for page in preview.pages] == ["schools/b/", "stories/a/"]
    assert preview.refused == 0


def test_files_that_are_no_png_are_refused(tmp_path: Path) -> None:
    folder = artifact(tmp_path, ["a/", "b/", "c/", "d/", "e/"])
    shots = folder / "screenshots"
    (shots / "a.png").write_bytes(b"<svg onload=alert(1)>")
    (shots / "b.png").write_bytes(PNG[:8])
    (shots / "c.png").unlink()
    (shots / "c.png").symlink_to(shots / "d.png")
    (shots / "e.png").write_bytes(PNG + b"\x00" * pr_preview.MAX_PNG_BYTES)
    preview = read_preview(folder)
    assert [page.address for page in preview.pages] == ["d/"]
    assert preview.refused == 4


def test_too_many_pages_are_cut(tmp_path: Path) -> None:
    addresses = [f"p{n}/" for n in range(pr_preview.MAX_PAGES + 3)]
    preview = read_preview(artifact(tmp_path, addresses))
    assert len(preview.pages) == pr_preview.MAX_PAGES
    assert preview.refused == 3


def test_the_screenshots_together_have_a_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pr_preview, "MAX_TOTAL_BYTES", 2 * len(PNG) + 1)
    preview = read_preview(artifact(tmp_path, ["a/", "es/a/", "b/"]))
    assert [(p.address, p.spanish is not None) for p in preview.pages] == [("a/", True)]
    assert preview.refused == 1


@pytest.mark.parametrize("number", ["", "12; rm -rf /", "-1", "0", "1e3", "99999999999"])
def test_a_pull_request_number_must_be_a_number(tmp_path: Path, number: str) -> None:
    with pytest.raises(UnusableArtifactError):
        read_preview(artifact(tmp_path, [], number=number))


def test_a_failed_build_says_so_without_images(tmp_path: Path) -> None:
    preview = read_preview(artifact(tmp_path, ["stories/a/"]))
    body = comment_body(preview, SHA, "failure", IMAGES, RUN)
    assert "could not be built (failure)" in body and RUN in body
    assert "<img" not in body


def test_staging_copies_only_the_checked_screenshots(tmp_path: Path) -> None:
    folder = artifact(tmp_path, ["stories/a/", "es/stories/a/"])
    (folder / "screenshots" / "extra.png").write_bytes(PNG)
    out = tmp_path / "staged"
    copied = stage(read_preview(folder), folder, SHA, out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.png")) == [
        f"pr-12/{SHA}/es-stories-a.png",
        f"pr-12/{SHA}/stories-a.png",
    ]
    assert len(copied) == 2
    with pytest.raises(ValueError, match="not a commit"):
        stage(read_preview(folder), folder, "main", out)


def test_the_command_prints_the_number_and_the_body(tmp_path: Path) -> None:
    folder = artifact(tmp_path, ["stories/a/"])
    common = ["--artifact", str(folder), "--sha", SHA]
    staged = run_module("stage", *common, "--out", str(tmp_path / "out"))
    assert staged.stdout == "12\n", staged.stderr
    body = run_module("body", *common, "--conclusion", "success", "--images", IMAGES, "--run", RUN)
    assert body.stdout.startswith(MARKER) and f"{IMAGES}/pr-12/{SHA}/stories-a.png" in body.stdout
    refused = run_module("stage", "--artifact", str(folder), "--sha", "x", "--out", "o")
    assert refused.returncode != 0 and refused.stdout == ""


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    # -S: without the installed packages, as the workflow runs it from the base's checkout.
    return subprocess.run(
        [sys.executable, "-S", "-m", "showcase.tools.pr_preview", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_the_module_needs_only_the_standard_library() -> None:
    """The workflow that publishes runs it with the runner's Python, installing nothing."""
    tree = ast.parse(Path(pr_preview.__file__).read_text("utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported - {"__future__"} <= sys.stdlib_module_names
