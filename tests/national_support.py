"""The national documents a test module reads, taken from the session's one extraction of
../shared/national (the ``national`` fixture): a module names its files, never extracts them again."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.model import Project, Record


def documents_named(national: dict, files: dict[str, str]) -> dict:
    """The records of ``files`` (short name → path under ../shared/national); the module is skipped,
    with the paths missing, where ../shared lacks one."""
    missing = [f for f in files.values() if f not in national]
    if missing:
        pytest.skip(f"../shared/national lacks {missing}")
    return {name: national[f] for name, f in files.items()}


def the_project(record: Record, name: str, amount: str | None = None) -> Project:
    """The one project of ``record`` named ``name`` (and of that amount, where given); the test fails
    with the record's projects where there is none or more than one."""
    found = [p for p in record.projects if p.name == name and (amount is None or p.amount == Decimal(amount))]
    assert len(found) == 1, [(p.name, p.amount) for p in record.projects]
    return found[0]
