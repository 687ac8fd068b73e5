"""Every key a record carries beyond ``shared/spec/records.md`` is documented in the README's
"Record keys beyond records.md" table: the model's totals keys, a project's ``funds`` keys and the
record's top-level keys, as the serializer writes them. A key added to the model without a line
there fails here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.model import FUNDS_KEYS, TOTAL_KEYS, Record
from kg.extract.serialize import record_json

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT.parent / "shared" / "spec" / "records.md"


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"### Record keys beyond records\.md\n(.*?)\n## ", text, re.S)
    assert m, "README.md has no 'Record keys beyond records.md' section"
    return m.group(1)


@pytest.fixture(scope="module")
def contract() -> str:
    if not CONTRACT.is_file():
        pytest.skip(f"{CONTRACT} not present (the contract the extra keys are measured against)")
    return CONTRACT.read_text(encoding="utf-8")


def _documented(key: str, section: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(key)}(?!\w)", section) is not None or f"`totals.{key}`" in section


def test_every_extra_totals_key_is_documented(contract: str) -> None:
    section = _section()
    extra = [k for k in TOTAL_KEYS if f'"{k}"' not in contract]
    assert "carryover_government_fund" in extra and "carryover_year_end" in extra
    missing = [k for k in extra if not _documented(k, section)]
    assert missing == [], f"totals keys not in README's table: {missing}"


def test_every_project_funds_key_is_documented() -> None:
    section = _section()
    line = next(row for row in section.splitlines() if row.startswith("| `projects[].funds`"))
    missing = [k for k in FUNDS_KEYS if f"`{k}`" not in line]
    assert missing == [], f"funds keys not in README's table: {missing}"


def test_every_extra_top_level_key_is_documented(contract: str) -> None:
    section = _section()
    keys = record_json(Record(source="x.txt")).keys()
    extra = [k for k in keys if f'"{k}"' not in contract]
    assert "scoped_functional_subjects" in extra
    missing = [k for k in extra if not _documented(k, section)]
    assert missing == [], f"record keys not in README's table: {missing}"
