"""`schools.csv` opened in a spreadsheet: every cell is shown as text, never run as a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers import ARCHIVE, GOOD, copy_data, replace_in_file

from showcase.data.catalog import read_catalog
from showcase.publish.exports import write_schools_csv


def test_a_cell_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    data = copy_data(GOOD, tmp_path / "data")
    schools = data / "schools.yaml"
    replace_in_file(
        schools,
        "name: Example Primary Center\n",
        'name: \'=HYPERLINK("https://evil.example/","Example")\'\n'
        "    aliases: ['@SUM(1+1)']\n"
        "    campus: '-2+3'\n",
    )
    replace_in_file(schools, "grades: TK-5", "grades: '+1'")
    stream = io.BytesIO()
    write_schools_csv(read_catalog(data, ARCHIVE), stream)
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(stream.getvalue().decode()))}

    example = rows["example-primary-center"]
    assert example["name"] == '\'=HYPERLINK("https://evil.example/","Example")'
    assert example["aliases"] == "'@SUM(1+1)"
    assert example["campus"] == "'-2+3"
    assert rows["sample-avenue-elementary"]["grades"] == "'+1"
    # Cells that are not formulas are left as they are.
    assert rows["placeholder-high"]["name"] == "Placeholder High School"
    assert rows["sample-avenue-elementary"]["aliases"] == "Sample Ave. ES; Sample Avenue Elementary"
    formulas = [
        cell for row in rows.values() for cell in row.values() if cell[:1] in {"=", "+", "-", "@"}
    ]
    assert formulas == []
