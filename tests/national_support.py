"""The national documents a test module reads, taken from the session's one extraction of
../shared/national (the ``national`` fixture): a module names its files, never extracts them again."""
from __future__ import annotations

import pytest


def documents_named(national: dict, files: dict[str, str]) -> dict:
    """The records of ``files`` (short name → path under ../shared/national); the module is skipped,
    with the paths missing, where ../shared lacks one."""
    missing = [f for f in files.values() if f not in national]
    if missing:
        pytest.skip(f"../shared/national lacks {missing}")
    return {name: national[f] for name, f in files.items()}
