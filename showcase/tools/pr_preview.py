"""The preview of a pull request, as its comment shows it: the screenshots "Preview build" made,
checked, staged for the `previews` branch, and the comment's Markdown that embeds them.

The build's artifact was made by the pull request's own code, so everything in it is untrusted:
a page address or a file name reaches the comment only if it matches a strict pattern, and a
screenshot is published only if it is a regular file, not too big, that starts as a PNG does.
This module uses the standard library only, so that the trusted "Preview comment" workflow runs
it from the base branch's checkout without installing anything:

    python3 -m showcase.tools.pr_preview stage --artifact DIR --sha SHA --out DIR
    python3 -m showcase.tools.pr_preview body --artifact DIR --sha SHA --conclusion success \
        --images URL --run URL [--site URL]

`stage` prints the pull request's number; `body` prints the comment.
"""

from __future__ import annotations

import argparse
import re
import shutil
import stat
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

MARKER = "<!-- showcase-preview -->"
# The orphan branch that holds the published screenshots, one folder per pull request.
BRANCH = "previews"
SPANISH = "es/"
MAX_PAGES = 48
MAX_PNG_BYTES = 8_000_000
# What one pull request may add to the branch at the most.
MAX_TOTAL_BYTES = 40_000_000
MAX_LIST_BYTES = 64_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ADDRESS = re.compile(r"(?:[a-z0-9][a-z0-9-]{0,80}/){0,6}")
PNG_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,200}\.png")
SHA = re.compile(r"[0-9a-f]{40}")
NUMBER = re.compile(r"[1-9][0-9]{0,9}")


class UnusableArtifactError(Exception):
    """The artifact lacks what every preview has (a pull request number): nothing is shown."""


@dataclass(frozen=True)
class Screenshot:
    address: str  # on the site, without the leading "/": "es/stories/x/"
    name: str  # the PNG's file name in the artifact: "es-stories-x.png"


@dataclass(frozen=True)
class PagePreview:
    """One page, in English and in Spanish (either may be missing)."""

    address: str  # the English address
    english: Screenshot | None
    spanish: Screenshot | None


@dataclass(frozen=True)
class Preview:
    pull_request: int
    pages: tuple[PagePreview, ...]
    refused: int  # lines or files left out because they did not pass the checks


def screenshot_name(address: str) -> str:
    """The PNG's name for the page at `address`: the same rule as tests/preview_screenshots.py."""
    return (address.strip("/").replace("/", "-") or "home") + ".png"


def read_number(artifact: Path) -> int:
    """The pull request's number the artifact names (which the caller must check against the
    commit that was built)."""
    path = artifact / "pr-number.txt"
    if artifact.is_symlink() or not _is_small_file(path, 32):
        raise UnusableArtifactError("no pull request number")
    text = path.read_bytes().decode("ascii", errors="replace").strip()
    if not NUMBER.fullmatch(text):
        raise UnusableArtifactError("the pull request number is not a number")
    return int(text)


def read_preview(artifact: Path) -> Preview:
    """The checked contents of the build's artifact (`pr-number.txt`, `screenshots/pages.txt`
    and the PNGs it names)."""
    number = read_number(artifact)
    folder = artifact / "screenshots"
    listing = folder / "pages.txt"
    if folder.is_symlink() or not _is_small_file(listing, MAX_LIST_BYTES):
        return Preview(number, (), 0)
    lines = listing.read_bytes().decode("utf-8", errors="replace").splitlines()
    shots: list[Screenshot] = []
    refused = total = 0
    for line in lines:
        address, _, name = line.partition(" ")
        valid = (
            ADDRESS.fullmatch(address)
            and PNG_NAME.fullmatch(name)
            and name == screenshot_name(address)
            and _is_png(folder / name)
            and len(shots) < MAX_PAGES
            and total + (folder / name).lstat().st_size <= MAX_TOTAL_BYTES
            and all(shot.address != address for shot in shots)
        )
        if valid:
            shots.append(Screenshot(address, name))
            total += (folder / name).lstat().st_size
        elif line.strip():
            refused += 1
    return Preview(number, _pair(shots), refused)


def _pair(shots: list[Screenshot]) -> tuple[PagePreview, ...]:
    """The screenshots grouped by page, English and Spanish side by side, in their order."""
    english = {s.address: s for s in shots if not s.address.startswith(SPANISH)}
    spanish = {s.address.removeprefix(SPANISH): s for s in shots if s.address.startswith(SPANISH)}
    order = dict.fromkeys(
        s.address.removeprefix(SPANISH) if s.address.startswith(SPANISH) else s.address
        for s in shots
    )
    return tuple(PagePreview(a, english.get(a), spanish.get(a)) for a in order)


def _is_small_file(path: Path, limit: int) -> bool:
    """A regular file (not a link, not a folder, not a device) of at most `limit` bytes."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= limit


def _is_png(path: Path) -> bool:
    if not _is_small_file(path, MAX_PNG_BYTES):
        return False
    with path.open("rb") as file:
        head = file.read(16)
    return head[:8] == PNG_MAGIC and head[12:16] == b"IHDR"


def published_folder(number: int, sha: str) -> str:
    """Where the screenshots of pull request `number` at commit `sha` go on the branch."""
    if not SHA.fullmatch(sha):
        raise ValueError(f"not a commit: {sha!r}")
    return f"pr-{number}/{sha}"


def stage(preview: Preview, artifact: Path, sha: str, out: Path) -> list[Path]:
    """Copies the checked screenshots to `out/pr-<number>/<sha>/`, as the branch holds them."""
    target = out / published_folder(preview.pull_request, sha)
    target.mkdir(parents=True, exist_ok=True)
    shots = [s for page in preview.pages for s in (page.english, page.spanish) if s is not None]
    for shot in shots:
        shutil.copyfile(artifact / "screenshots" / shot.name, target / shot.name)
    return [target / shot.name for shot in shots]


def comment_body(
    preview: Preview,
    sha: str,
    conclusion: str,
    images: str,
    run: str,
    site: str = "",
) -> str:
    """The comment's Markdown. `images` is the address the branch's files are read from
    (`https://github.com/<repo>/raw/previews`); `run` the build's run, `site` its site artifact.
    """
    lines = [MARKER, f"### Preview of {sha[:7]}", ""]
    if conclusion != "success":
        lines.append(f"The preview could not be built ({escape(conclusion)}): see the run, {run}")
        return "\n".join(lines) + "\n"
    if not preview.pages:
        lines.append("This pull request changes no page that the preview shows.")
    else:
        folder = f"{images.rstrip('/')}/{published_folder(preview.pull_request, sha)}"
        lines += [
            "The pages this pull request adds or changes, at phone width (360 px), in English "
            "and Spanish. Click a screenshot to see it whole.",
            "",
            "| Page | English | Spanish |",
            "| --- | --- | --- |",
        ]
        for page in preview.pages:
            cells = [
                _image(page.english, folder, "in English"),
                _image(page.spanish, folder, "in Spanish"),
            ]
            lines.append(f"| `/{page.address}` | {cells[0]} | {cells[1]} |")
    if preview.refused:
        lines += [
            "",
            f"{preview.refused} screenshot(s) left out: not a page of the site, not a PNG, "
            "or too big.",
        ]
    lines.append("")
    site_line = f"The whole built site is the **site** artifact of the run: {site or run}"
    lines += [site_line + " (a zip file; open it while signed in to GitHub)."]
    return "\n".join(lines) + "\n"


def _image(shot: Screenshot | None, folder: str, language: str) -> str:
    if shot is None:
        return "—"
    alt = f"/{shot.address} {language}, at phone width"
    # A fixed width keeps both languages side by side; the link opens the whole screenshot.
    url = escape(f"{folder}/{shot.name}")
    return f'<a href="{url}"><img src="{url}" width="260" alt="{escape(alt)}"></a>'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m showcase.tools.pr_preview")
    commands = parser.add_subparsers(dest="command", required=True)
    staging = commands.add_parser("stage", help="check the screenshots and copy them to --out")
    staging.add_argument("--out", type=Path, required=True)
    body = commands.add_parser("body", help="print the comment")
    body.add_argument("--conclusion", required=True)
    body.add_argument("--images", required=True)
    body.add_argument("--run", required=True)
    body.add_argument("--site", default="")
    for command in (staging, body):
        command.add_argument("--artifact", type=Path, required=True)
        command.add_argument("--sha", required=True)
    args = parser.parse_args(argv)
    if not SHA.fullmatch(args.sha):
        parser.error("--sha: not a commit")
    try:
        preview = read_preview(args.artifact)
    except UnusableArtifactError as error:
        print(f"The preview's artifact is not usable: {error}", file=sys.stderr)
        return 1
    if args.command == "stage":
        copied = stage(preview, args.artifact, args.sha, args.out)
        print(f"{len(copied)} screenshots staged, {preview.refused} left out", file=sys.stderr)
        print(preview.pull_request)
    else:
        text = comment_body(preview, args.sha, args.conclusion, args.images, args.run, args.site)
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
