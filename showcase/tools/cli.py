"""The `showcase` command: check the data, export the schema."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from showcase.data.catalog import read_catalog
from showcase.data.evidence import Archive, default_archive
from showcase.data.problems import DataError, Problem, display_path
from showcase.data.schema import stale_schemas, write_schemas
from showcase.markdown.page_citations import docs_problems, read_sources
from showcase.tools.issue_form import IssueError, read_forms
from showcase.tools.issue_story import story_from_issue
from showcase.tools.new_story import write_new_story

DEFAULT_DATA = Path("data")
DEFAULT_SCHEMA = Path("schema")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="showcase", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file and report problems")
    validate.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder")
    validate.add_argument(
        "--archive",
        type=Path,
        default=None,
        help="the folder of archived source texts that quotes are checked against "
        "(default: shared/sources/ beside the project)",
    )
    validate.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="`github` also prints annotations that GitHub shows on the lines at fault",
    )

    schema = commands.add_parser("schema", help="write the JSON Schema files from the models")
    schema.add_argument("--out", type=Path, default=DEFAULT_SCHEMA)
    schema.add_argument("--check", action="store_true", help="fail if the files are out of date")

    new_story = commands.add_parser("new-story", help="answer a few questions, get a story file")
    new_story.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder")

    from_issue = commands.add_parser(
        "story-from-issue", help="turn a story sent with the issue form into a story file"
    )
    from_issue.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder")
    from_issue.add_argument(
        "issue",
        help="a file holding the text of the issue as GitHub shows it, or - to read it "
        "from standard input",
    )

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.data, args.format, args.archive)
    if args.command == "new-story":
        return _new_story(args.data)
    if args.command == "story-from-issue":
        return _story_from_issue(args.data, args.issue)
    return _schema(args.out, args.check)


def _new_story(data_dir: Path) -> int:
    try:
        catalog = read_catalog(data_dir)
    except DataError as error:
        print(f"Fix the data first:\n{error}", file=sys.stderr)
        return 1
    print("A new story. Press Ctrl+C at any time to stop without writing anything.")
    try:
        path = write_new_story(catalog, data_dir, input, print)
    except (EOFError, KeyboardInterrupt):
        print("\nStopped: nothing was written.", file=sys.stderr)
        return 1
    print(f"\nWrote {display_path(path)}.")
    status = _validate(data_dir, "text")
    if status == 0:
        print("Next: add photos if you have consent, then open a pull request (CONTRIBUTING.md).")
    return status


def _story_from_issue(data_dir: Path, issue_file: str) -> int:
    source = "<stdin>" if issue_file == "-" else issue_file
    try:
        issue = sys.stdin.read() if issue_file == "-" else Path(issue_file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{source}: cannot read the issue — {error}", file=sys.stderr)
        return 1
    try:
        catalog = read_catalog(data_dir)
    except DataError as error:
        print(f"Fix the data first:\n{error}", file=sys.stderr)
        return 1
    try:
        forms = read_forms()
    except OSError as error:
        print(f"Run this from the repository's root: {error}", file=sys.stderr)
        return 1
    try:
        path = story_from_issue(issue, source, catalog, data_dir, forms)
    except IssueError as error:
        print(f"{error}\nNothing was written.", file=sys.stderr)
        return 1
    print(f"Wrote {display_path(path)}.")
    print("Next: read it, then open a pull request with it (CONTRIBUTING.md).")
    return 0


def _validate(data_dir: Path, output_format: str, archive_dir: Path | None = None) -> int:
    try:
        catalog = read_catalog(data_dir, archive_dir)
        problems = []
    except DataError as error:
        catalog, problems = None, error.problems
    problems += _pages_problems(data_dir, archive_dir)
    if catalog is None or problems:
        failed = DataError(problems)
        if output_format == "github":
            for problem in failed.problems:
                print(_annotation(problem))
        print(str(failed), file=sys.stderr)
        return 1
    for notice in catalog.notices:
        print(notice, file=sys.stderr)
    print(
        f"The data is valid: {len(catalog.schools)} schools, {len(catalog.cohorts)} cohorts, "
        f"{len(catalog.stories)} stories, {len(catalog.sources)} sources."
    )
    return 0


def _pages_problems(data_dir: Path, archive_dir: Path | None) -> list[Problem]:
    """The citations of the hand-written pages beside the data folder (`docs/`), if any."""
    docs_dir = data_dir.resolve().parent / "docs"
    if not docs_dir.is_dir():
        return []
    archive = Archive(archive_dir or default_archive(data_dir))
    return docs_problems(docs_dir, read_sources(data_dir / "sources.yaml"), archive)


def _annotation(problem: Problem) -> str:
    text = (
        f"{problem.field}: {problem.message} — {problem.fix}"
        if problem.field
        else (f"{problem.message} — {problem.fix}")
    )
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={display_path(problem.file)},line={problem.line}::{escaped}"


def _schema(folder: Path, check_only: bool) -> int:
    if check_only:
        stale = stale_schemas(folder)
        for name in stale:
            print(f"{folder / name} is out of date: run `make schema`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
