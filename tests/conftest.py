"""Shared pytest fixtures. Several engineers extend this file: add fixtures, do not replace it."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``<repo>/../shared`` (corpus, realdocs, gold); skips the test where it is absent."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"../shared not present: {path} is where the corpus, realdocs and gold live")
    return path
